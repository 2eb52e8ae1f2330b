"""Published price rows -> one per-session price range per treatment and market, with provenance.

A price row gives a low, a typical and a high figure (any may be empty) in a unit (session, procedure,
syringe, ...). The rule, in the order applied:

1. **Per session.** A price per session or procedure stands as it is; a price per syringe, vial, area,
   unit or tube is multiplied by the treatment's units per session (low x low, typical x typical,
   high x high; a count with only a typical uses it for both ends). A price per course or gram is not
   converted (the number of sessions it covers is not published).
2. **Own figures first.** A row the source gives for a whole category (`category_average` set: an ASPS
   line merging several treatments) is left out whenever a row of the treatment's own, of any status,
   has a usable figure. When it stands in, each figure it gives keeps the category's name.
3. **Basis.** Only rows of one price basis are combined: total price, else basis not stated, else
   surgeon's fee, chosen among the rows that are not weak when any such row has a usable figure.
4. **Weak figures stay inside the better-sourced range.** Where the rows that are not weak state a low
   (or a high), a weak figure below the lowest such low (or above the highest such high) is not used:
   it never sets a bound nor widens the range (`weak_outside`; `validate` lists it with the reason).
5. **Per figure.** Each of low / typical / high comes from the best row that states it: rows that are
   not weak before weak ones, then the newest, then the surer status (primary, corroborated,
   secondary), then file order. A weak figure stands in only for a figure no better row gives, and is
   flagged as weak.
6. **Bounds no row states.** A lone average (a typical with no low or high) is a single published
   figure: it stands for the missing bound ("at the published average of $167 a session; clinics
   vary"). A "from $X" price (a low with no high) leaves the upper bound open. Nothing is averaged or
   midpointed.
7. **Disagreeing sources.** If the combined figures are out of order (a low above the typical, say),
   the range shown is the one the sources span (the lowest and highest figure given), and a note says so.

Every figure keeps its source, year, status, row count, whether it is weak, how it was obtained
(`stated`, `average`, `span`) and the category it stands for (None for the treatment's own figure).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard import vocab

KINDS = vocab.FIGURE_KINDS
STATUS_RANK = {s: i for i, s in enumerate(vocab.STATUSES)}
BASIS_RANK = {b: i for i, b in enumerate(vocab.BASES)}
# `region`: where a figure's clinics are, when a clinic price list says (see pricelist.py).
PROVENANCE = ("source", "year", "status", "rows", "weak", "how", "category", "region")
# provenance columns that hold text (None when unknown); the quote rows set them to None too
TEXT_SUFFIXES = ("_source", "_status", "_category", "_region")

# Columns of the per-session price frame: per kind, the value and its provenance; then the range notes.
PRICE_COLUMNS = [f"session_{k}{suffix}" for k in KINDS for suffix in ("", *(f"_{p}" for p in PROVENANCE))]
NOTE_COLUMNS = [
    "session_high_open",
    "basis",
    "currency",
    "price_rows",
    "price_unit",
    "price_note",
    "price_order_note",
    "price_problem",
]


@dataclass(frozen=True)
class PriceNote:
    """How a session price was read, for the patient (output.price_words.note_text says it; the `price_note` column
    holds one, or None when there is nothing to say).

    `average`: both ends stand at a lone published average, (the source's figure before any inflation
    adjustment, its unit); `one_end_average`: one end of the range is a published average; `from_low`: a "from"
    price, the low a session when no upper figure is published; `weak`: the kinds (low, typical, high) taken
    from a weak source; `assumed`: the person's own price (your assumption); `currency`: the figures' currency.
    """

    currency: str | None = None
    average: tuple[float, str] | None = None
    one_end_average: bool = False
    from_low: float | None = None
    weak: tuple[str, ...] = ()
    assumed: bool = False


@dataclass(frozen=True)
class OrderNote:
    """The sources disagree (the `price_order_note` column; None when they agree): the best figures were out of
    order (`best`: (kind, figure) of those known), so the range shown spans every source, `lowest` to `highest`."""

    best: tuple[tuple[str, float], ...]
    lowest: float
    highest: float


@dataclass(frozen=True)
class PriceProblem:
    """Prices are published but no session price could be made from them (the `price_problem` column; None when
    there is no such problem): they are per `units` (in order), and how many of them make one session is not
    published. output.price_words.problem_text says it."""

    units: tuple[str, ...]


# A row's per-session figures: kind -> (value, how), how = 'stated' or 'average' (row_candidates).
Candidates = dict[str, tuple[float, str]]
# One treatment's combined price: the PRICE_COLUMNS and NOTE_COLUMNS keys, each a figure, code, text or flag.
PriceRecord = dict[str, Any]


def _known(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


def count_range(low: Any, typical: Any, high: Any) -> tuple[float, float, float]:
    """A published count (sessions, units) as (low, typical, high): a lone typical stands for both ends.

    Each is a table cell: a number, or missing (None, NaN, NA)."""
    low, typical, high = (float(v) if _known(v) else np.nan for v in (low, typical, high))
    return (low if _known(low) else typical), typical, (high if _known(high) else typical)


def _factors(unit: str, treatment: pd.Series[Any]) -> tuple[float, float, float] | None:
    """Multipliers from a price in `unit` to a price per session, by kind; None when not convertible."""
    if unit in vocab.PER_SESSION_UNITS:
        return (1.0, 1.0, 1.0)
    if isinstance(treatment.get("session_unit"), str) and unit == treatment["session_unit"]:
        return count_range(*(treatment.get(f"units_per_session_{k}") for k in KINDS))
    return None


def row_candidates(price: pd.Series[Any], treatment: pd.Series[Any]) -> Candidates:
    """A price row's per-session figures by kind as (value, how), how = 'stated' or 'average'.

    A row with only a typical offers it as the low and the high too ('average'). Figures that
    cannot be converted to a session price are left out.
    """
    factors = _factors(price["unit"], treatment)
    if factors is None:
        return {}
    stated = {k: float(price[k]) for k in KINDS if _known(price[k])}
    out: Candidates = {}
    for i, kind in enumerate(KINDS):
        if kind in stated:
            figure, how = stated[kind], "stated"
        elif kind != "typical" and "typical" in stated:
            figure, how = stated["typical"], "average"
        else:
            continue
        value = figure * factors[i]
        if _known(value):
            out[kind] = (value, how)
    return out


def reputable_bounds(table: pd.DataFrame) -> tuple[float | None, float | None]:
    """(lowest stated low, highest stated high) per session among the rows that are not weak (`_candidates`
    as row_candidates gives them); None where no such row states that bound."""
    strong = [c for c, status in zip(table["_candidates"], table["status"], strict=True) if status != "weak"]
    lows = [c["low"][0] for c in strong if c.get("low", (None, None))[1] == "stated"]
    highs = [c["high"][0] for c in strong if c.get("high", (None, None))[1] == "stated"]
    return (min(lows) if lows else None), (max(highs) if highs else None)


def weak_outside(candidates: Candidates, bounds: tuple[float | None, float | None]) -> Candidates:
    """A weak row's candidates that fall outside `bounds` (kind -> (value, how)); the rest may be used."""
    low, high = bounds
    return {
        kind: (value, how)
        for kind, (value, how) in candidates.items()
        if (low is not None and value < low) or (high is not None and value > high)
    }


def inside_only(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (rows of one basis with `_candidates`) with every weak figure outside the better-sourced range
    removed, and rows left with no figure dropped."""
    bounds = reputable_bounds(table)
    if bounds == (None, None):
        return table
    table = table.copy()
    # (pandas-stubs: a column is set from a list of any objects, dicts here, though the stubs take scalars only)
    table["_candidates"] = [  # type: ignore[assignment]
        {k: v for k, v in c.items() if k not in weak_outside(c, bounds)} if status == "weak" else c
        for c, status in zip(table["_candidates"], table["status"], strict=True)
    ]
    return table[table["_candidates"].map(bool)]


def empty_price() -> PriceRecord:
    out: PriceRecord = {}
    for k in KINDS:
        out.update(
            {
                f"session_{k}": np.nan,
                f"session_{k}_source": None,
                f"session_{k}_year": np.nan,
                f"session_{k}_status": None,
                f"session_{k}_rows": np.nan,
                f"session_{k}_weak": False,
                f"session_{k}_how": None,
                f"session_{k}_category": None,
                f"session_{k}_region": None,
            }
        )
    out.update(
        session_high_open=False,
        basis=None,
        currency=None,
        price_rows=0,
        price_unit=None,
        price_note=None,
        price_order_note=None,
        price_problem=None,
    )
    return out


def combine_prices(rows: pd.DataFrame, treatment: pd.Series[Any]) -> PriceRecord:
    """One treatment's price rows in one market -> per-session low/typical/high with provenance.

    `rows`: price rows (columns of prices.csv, optionally `rows` = clinic prices summarised).
    Returns a dict with the PRICE_COLUMNS and NOTE_COLUMNS keys (money in the rows' currency).
    """
    result = empty_price()
    result["price_rows"] = len(rows)
    if rows.empty:
        return result
    table = rows.copy()
    table["_order"] = range(len(table))
    # (pandas-stubs: a column is set from a list of any objects, dicts here, though the stubs take scalars only)
    table["_candidates"] = [row_candidates(r, treatment) for _, r in table.iterrows()]  # type: ignore[assignment]
    table = table[table["_candidates"].map(bool)]
    if table.empty:
        result["price_problem"] = PriceProblem(tuple(sorted(set(rows["unit"]))))
        return result
    # a figure for a whole category (ASPS "combination lasers") is not the treatment's own price
    category = (
        table["category_average"].map(lambda c: isinstance(c, str) and c != "")
        if "category_average" in table
        else pd.Series(False, index=table.index)
    )
    if (~category).any():
        table = table[~category]
    strong = table[table["status"] != "weak"]
    best_basis = min((strong if len(strong) else table)["basis"], key=BASIS_RANK.__getitem__)
    table = inside_only(table[table["basis"] == best_basis]).copy()
    table["_weak"] = table["status"] == "weak"
    table["_year"] = table["year"].astype("float64").fillna(-1)
    table["_status"] = table["status"].map(STATUS_RANK)
    table = table.sort_values(["_weak", "_year", "_status", "_order"], ascending=[True, False, True, True])
    result.update(basis=best_basis, currency=table["currency"].iloc[0])
    for kind in KINDS:
        for how in ("stated", "average"):
            given = [r for _, r in table.iterrows() if r["_candidates"].get(kind, (None, None))[1] == how]
            if given:
                _take(result, kind, given[0], given[0]["_candidates"][kind][0], how)
                break
    values = [result[f"session_{k}"] for k in KINDS]
    if not _in_order(values):
        _span(result, table)
    result["session_high_open"] = _known(result["session_low"]) and not _known(result["session_high"])
    result["price_unit"] = table["unit"].iloc[0]
    result["price_note"] = price_note(result, table)
    return result


def _take(result: PriceRecord, kind: str, row: pd.Series[Any], value: float, how: str) -> None:
    result[f"session_{kind}"] = value
    result[f"session_{kind}_source"] = row["source_id"]
    result[f"session_{kind}_year"] = float(row["year"]) if _known(row["year"]) else np.nan
    result[f"session_{kind}_status"] = row["status"]
    result[f"session_{kind}_rows"] = float(row["rows"]) if "rows" in row and _known(row["rows"]) else 1.0
    result[f"session_{kind}_weak"] = row["status"] == "weak"
    result[f"session_{kind}_how"] = how
    category = row.get("category_average")
    result[f"session_{kind}_category"] = category if isinstance(category, str) and category else None
    result[f"session_{kind}_region"] = row["region"] if "region" in row and isinstance(row["region"], str) else None


def _in_order(values: list[float]) -> bool:
    known = [v for v in values if _known(v)]
    return all(a <= b for a, b in itertools.pairwise(known))


def _span(result: PriceRecord, table: pd.DataFrame) -> None:
    """Out-of-order figures: show the lowest and highest figure any row of the basis gives."""
    before = {k: result[f"session_{k}"] for k in KINDS}
    figures = [(v, r) for _, r in table.iterrows() for v, _how in r["_candidates"].values()]
    lowest = min(figures, key=lambda f: f[0])
    highest = max(figures, key=lambda f: f[0])
    _take(result, "low", lowest[1], lowest[0], "span")
    _take(result, "high", highest[1], highest[0], "span")
    if _known(result["session_typical"]) and not lowest[0] <= result["session_typical"] <= highest[0]:
        _take(result, "typical", table.iloc[0], np.nan, "span")
    best = tuple((k, float(before[k])) for k in KINDS if _known(before[k]))
    result["price_order_note"] = OrderNote(best, float(lowest[0]), float(highest[0]))


def price_note(result: PriceRecord, table: pd.DataFrame) -> PriceNote | None:
    """How the range was obtained (average, 'from' price, weak figures), or None when there is nothing to say."""
    average: tuple[float, str] | None = None
    if result["session_low_how"] == "average" and result["session_high_how"] == "average":
        row = table[table["source_id"] == result["session_low_source"]].iloc[0]
        published = row.get("published_typical", row["typical"])  # the source's figure, before any inflation adjustment
        average = (float(published), str(row["unit"]))
    note = PriceNote(
        currency=result["currency"],
        average=average,
        one_end_average=average is None and "average" in (result["session_low_how"], result["session_high_how"]),
        from_low=float(result["session_low"]) if result["session_high_open"] else None,
        weak=tuple(k for k in KINDS if result[f"session_{k}_weak"]),
    )
    return note if (note.average or note.one_end_average or note.from_low is not None or note.weak) else None


def session_prices(treatments: pd.DataFrame, prices: pd.DataFrame, market: str) -> pd.DataFrame:
    """Per-session prices of every treatment in one market, indexed by treatment id."""
    in_market = prices[prices["market"] == market]
    by_treatment = dict(tuple(in_market.groupby("treatment_id", sort=False)))
    records: dict[str, PriceRecord] = {}
    for _, treatment in treatments.iterrows():
        rows = by_treatment.get(treatment["id"], in_market.iloc[0:0])
        records[treatment["id"]] = combine_prices(rows, treatment)
    frame = pd.DataFrame.from_dict(records, orient="index")
    for k in KINDS:
        frame[f"session_{k}_weak"] = frame[f"session_{k}_weak"].astype(bool)
    frame["session_high_open"] = frame["session_high_open"].astype(bool)
    return frame
