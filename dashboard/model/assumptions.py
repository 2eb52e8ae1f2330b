"""The user's own assumptions for inputs the data lacks, validated and applied to the cost model.

An assumption is a record {"treatment_id", "field", "low", "high", "currency"} where `field` is one of
FIELDS. It fills (or, saying so, replaces) one input of one treatment:

- `sessions`: sessions in the initial course (count, low-high);
- `upkeep_months`: how often maintenance is repeated, in months (the results last low-high months);
- `upkeep_sessions`: sessions in each maintenance round (one number);
- `price`: price per session in a currency (money, low-high); used only in markets of that currency.

Assumptions live in the browser (local storage) and come back with every request; they are checked
again each time by `validate_stored`, like quotes. Nothing here is written on the server.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from dashboard import vocab
from dashboard.model import costs
from dashboard.model.price_combine import PriceNote
from dashboard.quotes.value_parsers import read_number, read_text

# What each field accepts: (lowest, highest); its label is output.assumption_words.LABELS'.
FIELDS = {
    "sessions": (1, 100),
    "upkeep_months": (1, 600),
    "upkeep_sessions": (1, 100),
    "price": (1, 1_000_000),
}
MAX_ASSUMPTIONS = 200

# Why an assumption is refused (Refusal.code).
RefusalCode = Literal[
    "record", "treatment", "field", "ambiguous", "number", "range", "order", "whole", "one", "currency"
]


@dataclass(frozen=True)
class Refusal:
    """Why a raw assumption is refused; output.assumption_words.refusal_text says it.

    `code`: `record` (it is not a record), `treatment` (no treatment of the list), `field` (not one of FIELDS),
    `ambiguous` (a typed number reads two ways: `typed`, as typed), `number` (no number), `range` (a number
    outside `lowest` to `highest`), `order` (the first number above the second), `whole` (sessions not whole),
    `one` (a range for the sessions of each maintenance round), `currency` (a price without a known currency).
    `field`: the field refused (None for the first three codes).
    """

    code: RefusalCode
    field: str | None = None
    lowest: int | None = None
    highest: int | None = None
    typed: str | None = None


def parse(raw: Any, treatment_ids: Collection[str]) -> tuple[dict[str, Any] | None, Refusal | None]:
    """One raw assumption -> (record, None) or (None, why it is refused)."""
    if not isinstance(raw, dict):
        return None, Refusal("record")
    tid, field = raw.get("treatment_id"), raw.get("field")
    if not isinstance(tid, str) or tid not in treatment_ids:
        return None, Refusal("treatment")
    if not isinstance(field, str) or field not in FIELDS:
        return None, Refusal("field")
    lowest, highest = FIELDS[field]
    for typed in (raw.get("low"), raw.get("high")):
        if isinstance(typed, str) and read_text(typed).choices:
            return None, Refusal("ambiguous", field, typed=typed)
    low = read_number(raw.get("low"))
    high = read_number(raw.get("high")) if raw.get("high") not in (None, "") else low
    if low is None or high is None:
        return None, Refusal("number", field)
    if not (lowest <= low <= highest and lowest <= high <= highest):
        return None, Refusal("range", field, lowest, highest)
    if low > high:
        return None, Refusal("order", field)
    if field in ("sessions", "upkeep_sessions") and not (low.is_integer() and high.is_integer()):
        return None, Refusal("whole", field)
    if field == "upkeep_sessions" and low != high:
        return None, Refusal("one", field)
    currency = raw.get("currency")
    if field == "price":
        if currency not in vocab.CURRENCY_SYMBOL:
            return None, Refusal("currency", field)
    else:
        currency = None
    return {"treatment_id": tid, "field": field, "low": low, "high": high, "currency": currency}, None


def validate_stored(stored: Any, treatment_ids: Collection[str]) -> list[dict[str, Any]]:
    """Assumptions that came back from the browser, re-checked; invalid records are dropped and a
    later record for the same treatment, field and currency replaces an earlier one."""
    if not isinstance(stored, list):
        return []
    kept: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for raw in stored[:MAX_ASSUMPTIONS]:
        record, _ = parse(raw, treatment_ids)
        if record:
            kept[(record["treatment_id"], record["field"], record["currency"])] = record
    return list(kept.values())


@dataclass(frozen=True)
class Assumed:
    """One assumption as applied to its option: the record's field, low, high and currency, and what it replaces:
    the distinct published figures of that input (`published`, in order), or the published 'long-lasting'
    (`long_lasting`: an upkeep interval for a treatment whose results are published to last). output.assumption_words
    says it ('your assumption: 4–6 sessions (replaces the published 6–10)')."""

    field: str
    low: float
    high: float
    currency: str | None
    published: tuple[float, ...] = ()
    long_lasting: bool = False


def assumed_value(record: Mapping[str, Any], row: pd.Series[Any]) -> Assumed:
    """One record and the figures it replaces in its option's row."""
    published = {
        "sessions": [row.get(f"sessions_{k}") for k in vocab.FIGURE_BOUNDS],
        "upkeep_months": [row.get("results_months_low"), row.get("results_months_high")],
        "upkeep_sessions": [row.get("maintenance_sessions")],
        "price": [row.get("session_low"), row.get("session_high")],
    }[record["field"]]
    known = [float(v) for v in published if v is not None and v is not pd.NA and not pd.isna(v)]
    long_lasting = record["field"] == "upkeep_months" and row.get("maintenance") == "none"
    return Assumed(
        record["field"],
        record["low"],
        record["high"],
        record.get("currency"),
        () if long_lasting else tuple(dict.fromkeys(known)),
        long_lasting,
    )


def _set_input(rows: pd.DataFrame, tid: str, field: str, low: float, high: float, currency: str) -> None:
    """Put one assumption (`field`: sessions, upkeep_months, upkeep_sessions or price) into its option's row
    of `rows`, in place; a price is a price per session in `currency`."""
    typical: float = low if low == high else np.nan
    if field == "sessions":
        rows.loc[tid, ["sessions_low", "sessions_typical", "sessions_high"]] = [low, typical, high]
    elif field == "upkeep_months":
        rows.loc[tid, "maintenance"] = "periodic"
        rows.loc[tid, ["results_months_low", "results_months_high"]] = [low, high]
    elif field == "upkeep_sessions":
        rows.loc[tid, "maintenance_sessions"] = low
    else:
        for kind, value in (("low", low), ("typical", typical), ("high", high)):
            rows.loc[tid, f"session_{kind}"] = value
            rows.loc[tid, [f"session_{kind}_source", f"session_{kind}_status", f"session_{kind}_how"]] = [
                None,
                None,
                "assumed",
            ]
            rows.loc[tid, f"session_{kind}_weak"] = False
            rows.loc[tid, f"session_{kind}_year"] = np.nan
        price_facts: list[bool | str] = [False, "your-assumption", currency]
        rows.loc[tid, ["session_high_open", "basis", "currency"]] = price_facts
        # (pandas-stubs: a cell is set to any object, a frozen dataclass here, though the stubs take scalars only)
        rows.at[tid, "price_note"] = PriceNote(currency=currency, assumed=True)  # type: ignore[assignment]
        rows.at[tid, "price_order_note"] = None


def apply(table: pd.DataFrame, assumptions: Sequence[Mapping[str, Any]], market: str, horizon: int) -> pd.DataFrame:
    """The comparison table with assumptions applied to their options' inputs and costs recomputed.

    Adds columns `assumed` (a tuple of Assumed values, empty when none) and `assumed_fields` (tuple of field names).
    Price assumptions in another currency than the market's are not applied.
    """
    out = table.copy(deep=False)  # copy on write: the caller's frame never changes
    currency = vocab.MARKET_CURRENCY[market]
    chosen = [a for a in assumptions if a["treatment_id"] in out.index and a.get("currency") in (None, currency)]
    if not chosen:
        return out
    ids = list(dict.fromkeys(a["treatment_id"] for a in chosen))
    rows = out.loc[ids].copy()
    values: dict[str, list[Assumed]] = {i: [] for i in ids}
    fields: dict[str, list[str]] = {i: [] for i in ids}
    for a in chosen:
        tid, low, high = a["treatment_id"], a["low"], a["high"]
        values[tid].append(assumed_value(a, out.loc[tid]))
        fields[tid].append(a["field"])
        _set_input(rows, tid, a["field"], low, high, currency)
    flat = rows.reset_index(drop=True)
    totals = costs.horizon_costs(flat, flat.set_index("id"), horizon)
    first = costs.horizon_costs(flat, flat.set_index("id"), 1)
    for column in totals.columns:
        rows[column] = totals[column].reindex(rows.index).to_numpy()
    for kind in vocab.FIGURE_KINDS:
        rows[f"first_year_{kind}"] = first[f"total_{kind}"].reindex(rows.index).to_numpy()
    rows["first_year_open"] = first["total_open"].reindex(rows.index).to_numpy()
    # (pandas-stubs: a column is set from a list of any objects, tuples of Assumed here, though the stubs take scalars)
    rows["assumed"] = [tuple(values[i]) for i in rows.index]  # type: ignore[assignment]
    rows["assumed_fields"] = [tuple(fields[i]) for i in rows.index]
    for column in rows.columns:
        if column not in out.columns:
            out[column] = None
    out = out.astype({c: "object" for c in ("maintenance", "basis", "currency") if c in out})
    # column by column: a whole-frame assignment fails in pandas when the rows hold tuples (assumed_fields) and
    # more than one option is assumed
    for column in rows.columns:
        out.loc[ids, column] = rows[column]
    return out
