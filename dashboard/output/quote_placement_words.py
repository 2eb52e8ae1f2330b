"""A quote placed against the published figures, in words: the note of a quote row.

In: a comparison row of kind "your quote" (model.quote_costs.quote_rows): what the price covers and how many
(`quote_covers`, `quote_quantity`), the price (`quote_price`, in the row's price year), the published figure it
is compared with (`quote_compared_per`, `published_*`, `quote_compared_basis`) and where it sits
(`quote_position`, `quote_vs_typical`, `quote_vs_typical_pct`), and its per-session price against the published
per-session figure (`published_session_*`, `quote_session_position`, `quote_session_vs_typical`,
`quote_session_vs_typical_pct`). Out: one note, e.g. "Per unit: $12 a unit ($480 for 40 units), within the
published per-unit range ($11–$35). Per session: …". Money in the row's currency.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.model.quote_costs import quote_session_price, quote_unit_price
from dashboard.model.row import YOUR_QUOTE
from dashboard.output.display import RowLike, a_unit, known

# The columns a quote's note is made from (the grid reads them too).
NOTE_READS = (
    "kind",
    "currency",
    "quote_covers",
    "quote_quantity",
    "quote_price",
    "quote_compared_per",
    "quote_compared_basis",
    "quote_position",
    "quote_vs_typical",
    "quote_vs_typical_pct",
    "quote_session_position",
    "quote_session_vs_typical",
    "quote_session_vs_typical_pct",
    *(f"published_{k}" for k in vocab.FIGURE_KINDS),
    *(f"published_session_{k}" for k in vocab.FIGURE_KINDS),
)
_NO_FIGURE = (math.nan,) * 3


def _money(symbol: str, amount: float) -> str:
    """'$480', '$1,235', '$12.50': cents only on amounts under 100 that are not whole."""
    return f"{symbol}{amount:,.0f}" if float(amount).is_integer() or amount >= 100 else f"{symbol}{amount:,.2f}"


def _plural(unit: str, n: int) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def conversion_text(quote: Mapping[str, Any], symbol: str) -> str:
    """How the quote becomes a per-session price, in words, e.g. '$480 for 40 units, used in one session'.

    `quote`: {"price": the price for all it covers, "quantity", "covers"}; '' for one session or a procedure."""
    price, n, unit = quote["price"], quote["quantity"], quote["covers"]
    if unit == "course":
        return f"{_money(symbol, price)} for a course of {_plural('session', n)}"
    if unit == "session":
        return f"{_money(symbol, price)} for {_plural('session', n)}" if n != 1 else ""
    if unit in vocab.COUNTED_UNITS:
        return f"{_money(symbol, price)} for {_plural(unit, n)}, used in one session"
    return ""


def published_range(symbol: str, low: float, typical: float, high: float) -> str:
    """A published figure in words: '$11–$35', 'from $1,000', 'up to $3,000, typical $693', '$715'."""
    if not pd.isna(low) and not pd.isna(high):
        text = _money(symbol, low) if low == high else f"{_money(symbol, low)}–{_money(symbol, high)}"
    elif not pd.isna(low):
        text = f"from {_money(symbol, low)}"
    elif not pd.isna(high):
        text = f"up to {_money(symbol, high)}"
    else:
        return _money(symbol, typical)
    # one published figure (low and high the same) is said once
    return text + (f", typical {_money(symbol, typical)}" if not pd.isna(typical) and low != high else "")


def comparison_sentence(
    price: float,
    published: Sequence[float],
    placed: tuple[str, float, float],
    per: str,
    symbol: str,
    conversion: str = "",
) -> str:
    """A price against a published (low, typical, high) figure per `per` ("session", "unit", "course" ...).

    `placed` is the model's (position, difference from typical, percent): model.quote_costs.compare_price."""
    where, diff, pct = placed
    said = f"{_money(symbol, price)} {a_unit(per)}" + (f" ({conversion})" if conversion else "")
    if where == "unknown":
        return f"Per {per}: {said}; no published per-{per} price to compare with in this market."
    low, typical, high = published
    single = sum(not pd.isna(v) for v in published) == 1 or low == high
    text = (
        f"Per {per}: {said}, {where} the published per-{per} {'figure' if single else 'range'} "
        f"({published_range(symbol, low, typical, high)})"
    )
    if not pd.isna(diff):
        sign = "more" if diff > 0 else "less"
        against = "it" if single and low == high else "the typical figure"
        text += (
            f"; {_money(symbol, abs(diff))} ({abs(pct):.0f}%) {sign} than {against}"
            if diff
            else f"; equal to {against}"
        )
    return text + "."


def basis_caveat(basis: object) -> str:
    """What the published figure leaves out, when the comparison is not like for like (a basis code)."""
    if basis == "surgeon-fee":
        return (
            " The published figure is a surgeon's fee only (no anaesthesia or facility); a quote usually "
            "includes them, so it is not like for like."
        )
    if basis == "not-stated":
        return " The published figure does not say what it includes."
    return ""


def _number(value: object) -> float:
    """A cell as a float, NaN when unknown (None, pd.NA or NaN)."""
    return float(value) if isinstance(value, numbers.Real) and known(value) else math.nan


def _placed(row: RowLike, prefix: str) -> tuple[str, float, float]:
    """The model's (position, difference from typical, percent) under `prefix` ("quote", "quote_session")."""
    return (
        str(row.get(f"{prefix}_position")),
        _number(row.get(f"{prefix}_vs_typical")),
        _number(row.get(f"{prefix}_vs_typical_pct")),
    )


def quote_note(row: RowLike) -> str | None:
    """Where a quote row stands against the published figures: per its own unit first (per unit, per syringe,
    per course...), then per session, with the conversion written out and what the published figure leaves
    out. None for a row that is not a quote."""
    if row.get("kind") != YOUR_QUOTE or not isinstance(row.get("quote_covers"), str):
        return None
    symbol = vocab.CURRENCY_SYMBOL[str(row.get("currency"))]
    unit, n = str(row.get("quote_covers")), int(_number(row.get("quote_quantity")))
    price = _number(row.get("quote_price"))
    quote = {"price": price, "quantity": n, "covers": unit}
    session_fig = tuple(_number(row.get(f"published_session_{k}")) for k in vocab.FIGURE_KINDS)
    per_session = quote_session_price(quote)
    caveat = basis_caveat(row.get("quote_compared_basis"))
    if unit in vocab.PER_SESSION_UNITS:
        placed = _placed(row, "quote_session")
        return (
            comparison_sentence(per_session, session_fig, placed, unit, symbol, conversion_text(quote, symbol)) + caveat
        )
    conversion = f"{_money(symbol, price)} for {_plural(unit, n)}" if unit != "course" else ""
    if row.get("quote_compared_per") == unit:  # its own unit's published figure
        own_fig, placed = tuple(_number(row.get(f"published_{k}")) for k in vocab.FIGURE_KINDS), _placed(row, "quote")
    else:
        own_fig, placed = _NO_FIGURE, ("unknown", math.nan, math.nan)
    first = comparison_sentence(quote_unit_price(quote), own_fig, placed, unit, symbol, conversion if n != 1 else "")
    session = comparison_sentence(
        per_session, session_fig, _placed(row, "quote_session"), "session", symbol, conversion_text(quote, symbol)
    )
    return f"{first} {session}{caveat}"
