"""A quote's reading in words: the arithmetic from what was typed to the price the model uses.

In: canonical quote records (quotes.records). Out: one line each, e.g.
"£750 × 3 sessions = £2,250 for the course (£750 a session)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from dashboard import vocab
from dashboard.output.display import a_unit


def money(symbol: str, amount: float) -> str:
    """'£750', '£321.43': whole amounts without pence."""
    return f"{symbol}{amount:,.0f}" if float(amount).is_integer() else f"{symbol}{amount:,.2f}"


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def arithmetic(quote: Mapping[str, Any]) -> str:
    """How a quote is read, with its arithmetic: '£750 × 3 sessions = £2,250 for the course (£750 a session)'.

    `quote` is a canonical record: `price` is the total for `quantity` of `covers` (a course: the course).
    """
    symbol = vocab.CURRENCY_SYMBOL.get(quote["currency"], "")
    total, n, unit = quote["price"], quote["quantity"], quote["covers"]
    each = total / n
    if unit == "procedure":
        return f"{money(symbol, total)} for the procedure"
    if unit == "course":
        if n == 1:
            return f"{money(symbol, total)} for a course of 1 session"
        return (
            f"{money(symbol, each)} × {_count(n, 'session')} = {money(symbol, total)} for the course "
            f"({money(symbol, each)} a session)"
        )
    if unit == "session":
        if n == 1:
            return f"{money(symbol, total)} for one session"
        return (
            f"{money(symbol, each)} × {_count(n, 'session')} = {money(symbol, total)} for {_count(n, 'session')} "
            f"({money(symbol, each)} a session)"
        )
    if n == 1:
        return f"{money(symbol, total)} for 1 {unit}, used in one session"
    return (
        f"{money(symbol, each)} × {_count(n, unit)} = {money(symbol, total)} for one session "
        f"({money(symbol, each)} {a_unit(unit)})"
    )


def reading_line(quote: Mapping[str, Any], treatment_name: str) -> str:
    """One uploaded or typed quote as read: 'Glow Clinic, Botulinum toxin injections: £750 × 3 sessions = …'."""
    return f"Read as: {quote['clinic']}, {treatment_name}: {arithmetic(quote)}."


def price_of_question(covers: object) -> str:
    """The question that settles what the price is of, for what the price covers."""
    if covers in ("course", "procedure"):
        return f"A price per {covers} is the price of the whole {covers}: nothing to answer here."
    unit = covers if covers in ("syringe", "vial", "area", "unit") else "session"
    return f"Is this the price of one {unit}, or of all of them?"


def left_out_line(quote: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A quote an export leaves out (model.quote_costs.quotes_left_out), as short text:
    'London Clinic (Botulinum toxin, 250.00 GBP)'."""
    return f"{quote['clinic']} ({names.get(quote['treatment_id'], quote['treatment_id'])}, {quote['price']:,.2f} {quote['currency']})"


def _markets_of(currency: str) -> str:
    return " or ".join(m for m, c in vocab.MARKET_CURRENCY.items() if c == currency and "-" not in m)


def not_listed_text(code: str, quote: Mapping[str, Any], market: str) -> str:
    """Why a quote is not among the options listed, and what brings it back ('' when it is listed)."""
    here = vocab.MARKET_CURRENCY[market]
    texts = {
        "other-currency": (
            f"Not listed here: it is in {quote['currency']} and this market's prices are in {here}; choose the "
            f"{_markets_of(quote['currency'])} market to compare it (nothing is converted)."
        ),
        "concern": "Not listed: its treatment has no evidence for the concern chosen; choose all concerns to see it.",
        "category": "Not listed: its treatment's category is not among the categories chosen.",
        "downtime": "Not listed: its treatment's downtime is longer than the most downtime set.",
        "risk": "Not listed: its treatment's risk tier is above the highest risk set.",
        "not-compared": "Not listed: it could not be compared in this market.",
    }
    return texts.get(code, "")


NEAR_WORDS = {
    "same-treatment-other-market": "the same treatment in the {market} market",
    "related-treatment-this-market": "{name}, a related treatment, in this market",
}


def _range(symbol: str, figure: Iterable[float]) -> str:
    low, typical, high = (None if v != v else v for v in figure)  # NaN -> None
    if low is not None and high is not None:
        text = money(symbol, low) if low == high else f"{money(symbol, low)}–{money(symbol, high)}"
    elif low is not None:
        text = f"from {money(symbol, low)}"
    elif high is not None:
        text = f"up to {money(symbol, high)}"
    else:  # a nearest figure is one with at least one value: with neither bound, the typical one
        return money(symbol, cast(float, typical))
    return text + (f", typical {money(symbol, typical)}" if typical is not None and low != high else "")


def nearest_text(near: Mapping[str, Any] | None, names: dict[str, str]) -> str:
    """The nearest published figure for a quote its market has none for, labelled, in its own currency."""
    if not near:
        return ""
    symbol = vocab.CURRENCY_SYMBOL[near["currency"]]
    where = NEAR_WORDS[near["how"]].format(market=near["market"], name=names.get(near["treatment_id"], ""))
    text = f"Nearest published figure: {where}, {_range(symbol, near['published'])} a session"
    if near["position"] == "other-currency":
        return text + f" (in {near['currency']}, not converted: a guide to the scale only)."
    pct = near["pct"]
    how_near = f", {abs(pct):.0f}% {'above' if pct > 0 else 'below'} its typical figure" if pct == pct and pct else ""
    where = {"below": "below it", "within": "within that range", "above": "above it"}.get(near["position"], "")
    return text + f"; your quote is {where}{how_near} (not like for like: a nearby figure)."
