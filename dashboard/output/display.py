"""Figures as the page says them: money ranges, "at least" totals, budget answers, the summary line.

Pure text from numbers and the comparison's columns (see the cost model's contract); no Dash.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, cast

import numpy as np
import pandas as pd

from dashboard import vocab
from dashboard.model import row

# budget_fit values of the model -> words on the page, and their display order
FIT_LABELS = {
    "fits": "Fits",
    "may fit": "May fit",
    "over": "Over budget",
    "no price": "No price",
    "unknown": "No price",
}
FIT_ORDER = row.FIT_ORDER
NO_BUDGET = "No budget set"


class RowLike(Protocol):
    """One comparison row (one option), as a dict or a pandas Series: its cells read by column name. A cell is
    whatever the frame holds (a number, text, a tuple of codes, None, NaN or pd.NA), so it is read as Any."""

    def get(self, key: str, default: Any = None, /) -> Any: ...

    def __getitem__(self, key: str, /) -> Any: ...

    def __contains__(self, key: object, /) -> bool: ...

    def keys(self) -> Iterable[str]: ...


def cells(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of `frame`, in order, as dicts of every column: each cell as `frame.iterrows()` gives it (numbers
    as int or float, unknown as NaN, a missing whole number as pd.NA), read in one conversion of the whole frame
    (a few times faster than iterrows on the comparison's wide, mixed frames)."""
    names = list(frame.columns)
    return [dict(zip(names, row, strict=True)) for row in frame.to_numpy(dtype=object).tolist()]


def as_cells(rows: pd.DataFrame | Sequence[RowLike]) -> Sequence[RowLike]:
    """Comparison rows as row dicts: a frame read with `cells`; rows already read are passed through (a page
    that shows several things of the same rows reads them once)."""
    return cells(rows) if isinstance(rows, pd.DataFrame) else rows


def plain_records(rows: pd.DataFrame | Sequence[RowLike], columns: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of a frame (or its rows already read with `cells`), in order, as dicts of `columns` (those
    present) holding plain Python values: numbers as int or float (unknown as NaN), text as str, a missing whole
    number as None.

    The same values as `frame.to_dict("records")`, read in one conversion of the frame (many times faster)."""
    if not isinstance(rows, pd.DataFrame):
        read = [c for c in dict.fromkeys(columns) if rows and c in rows[0]]
        return [{c: None if (v := row[c]) is pd.NA else v for c in read} for row in rows]
    present = [c for c in dict.fromkeys(columns) if c in rows]
    places = list(zip(present, rows.columns.get_indexer(pd.Index(present)).tolist(), strict=True))
    return [
        {c: None if (v := row[i]) is pd.NA else v for c, i in places} for row in rows.to_numpy(dtype=object).tolist()
    ]


def rows_at(rows: pd.DataFrame, keys: Sequence[str], columns: Iterable[str]) -> list[dict[str, Any]]:
    """The rows at index values `keys` (each in the frame's unique index), in that order, as dicts of `columns`
    (those present) holding plain Python values as `Series.tolist` gives them, a missing whole number as None.

    A few rows of a wide frame (the chosen options of every option), read column by column: neither the whole
    frame converted nor a row at a time (`row_of` in a loop costs a whole-row read per option)."""
    where = rows.index.get_indexer(pd.Index(keys)).tolist()
    if -1 in where:
        raise KeyError([k for k, i in zip(keys, where, strict=True) if i == -1])
    read = {c: rows[c].tolist() for c in dict.fromkeys(columns) if c in rows}
    return [{c: None if (v := values[i]) is pd.NA else v for c, values in read.items()} for i in where]


def row_of(rows: pd.DataFrame, key: str) -> pd.Series:
    """The row at index value `key` of a frame whose index is unique (the comparison's rows: one per option;
    the sources by id: one per source)."""
    return cast(pd.Series, rows.loc[key])


def known(value: Any) -> bool:
    """False for None, pd.NA and NaN (also written as text: "nan", " NaN ")."""
    if value is None or value is pd.NA:
        return False
    if isinstance(value, float):
        return not math.isnan(value)
    if isinstance(value, str):  # float() reads these as NaN; any other text is known
        return value.strip().lower() not in _NAN_TEXTS
    try:
        return not math.isnan(float(value))
    except (TypeError, ValueError):
        return True


_NAN_TEXTS = frozenset({"nan", "+nan", "-nan"})


def flag(value: object) -> bool:
    """True only for a true boolean (Python or numpy); None and NaN are False."""
    return isinstance(value, (bool, np.bool_)) and bool(value)


def a_unit(unit: str) -> str:
    """The unit a price is for, with its article: 'a session', 'a syringe', 'a unit', 'an area'."""
    return f"{'an' if unit[:1] in ('a', 'e', 'i', 'o') else 'a'} {unit}"


def money(value: Any, symbol: str) -> str:
    """12345.6 -> '$12,346'; unknown -> 'unknown'."""
    return f"{symbol}{float(value):,.0f}" if known(value) else "unknown"


def money_range(low: Any, high: Any, is_open: bool = False, symbol: str = "") -> str:
    """'$1,002–$1,670', 'at least $1,002' (open upper bound), '$167' (low == high), 'no price'.

    A high without a low reads 'up to $X'.
    """
    has_low, has_high = known(low), known(high)
    if has_low and (is_open or not has_high):
        return f"at least {money(low, symbol)}"
    if has_low and has_high:
        if round(float(low)) == round(float(high)):
            return money(low, symbol)
        return f"{money(low, symbol)}–{money(high, symbol)}"
    if has_high:
        return f"up to {money(high, symbol)}"
    return "no price"


def count_range(low: Any, high: Any, unit: str = "") -> str:
    """'2–4 days', '7 days', '1 month', 'up to 3 days', 'at least 1 month', 'unknown' (never 'unknown – unknown')."""
    suffix = f" {unit}" if unit else ""
    has_low, has_high = known(low), known(high)
    if not has_low and not has_high:
        return "unknown"
    if not has_low:
        return f"up to {float(high):g}{suffix}"
    if not has_high:
        return f"at least {float(low):g}{suffix}"
    if float(low) == float(high):
        one = float(low) == 1 and unit.endswith("s")
        return f"1 {unit[:-1]}" if one else f"{float(low):g}{suffix}"
    return f"{float(low):g}–{float(high):g}{suffix}"


def downtime_range(low: Any, high: Any) -> str:
    """Downtime in days as a person says it: '2–4 days', '1 day', 'up to 10 hours' (under a day), 'unknown'."""
    values = [float(v) for v in (low, high) if known(v)]
    if values and 0 < max(values) < 1:
        low_hours, high_hours = (round(float(v) * 24) if known(v) else v for v in (low, high))
        return count_range(low_hours, high_hours, "hours")
    return re.sub(r"(^|[^\d.–])1 days$", r"\g<1>1 day", count_range(low, high, "days"))


def symbol_of(market: str) -> str:
    """The currency symbol of a market ('$', '£')."""
    return vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[market]]


def fit_key(value: object) -> str | None:
    """The model's budget_fit value in the page's four words' keys; None without a budget."""
    if not isinstance(value, str) or not value:
        return None
    return "no price" if value == "unknown" else value


def fit_label(value: object) -> str:
    """'Fits', 'May fit', 'Over budget', 'No price', or 'No budget set'."""
    key = fit_key(value)
    return FIT_LABELS.get(key, NO_BUDGET) if key else NO_BUDGET


def total_text(row: RowLike, symbol: str) -> str:
    """The total over the horizon of one option (a mapping or a Series) as a range or 'at least'."""
    return money_range(row.get("total_low"), row.get("total_high"), flag(row.get("total_open")), symbol)


def summary_text(rows: pd.DataFrame, has_budget: bool) -> str:
    """'8 options: 3 fit, 2 may fit, 1 over budget, 2 without a price' for the options listed (hidden
    over-budget options are counted by the line below it); without a budget: '8 options' and how many
    have no price."""
    n = len(rows)
    head = f"{n} option{'s' if n != 1 else ''}"
    if not has_budget:
        no_price = sum(not known(v) for v in rows["total_low"].tolist()) if n else 0
        return head + (f", {no_price} without a price" if no_price else "")
    fits = [fit_key(v) for v in rows["budget_fit"].tolist()] if "budget_fit" in rows and n else []
    words = {"fits": "fit", "may fit": "may fit", "over": "over budget", "no price": "without a price"}
    parts = [f"{fits.count(key)} {words[key]}" for key in FIT_ORDER if fits.count(key)]
    return head + (": " + ", ".join(parts) if parts else "")


def over_budget_label(hidden: int, shown_over: int, has_budget: bool = True) -> str:
    """The one-click switch beside the over-budget count."""
    if not has_budget:
        return "Show options over budget (set a budget first: without one, every option is listed)"
    if hidden:
        return "Show them (dimmed, below the others)"
    if shown_over:
        return f"Showing {shown_over} option{'s' if shown_over != 1 else ''} over budget (dimmed, below the others)"
    return "Show options over budget"
