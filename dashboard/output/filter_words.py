"""The filters in words, for export headers, the page and the command line: one phrase per filter field that
says something, in the order of filters.FIELDS ('concern Stretch marks; market US; horizon 5 years; ...'); and
beside each typed number, what it was read as or why it was refused and which value applies."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dashboard import vocab
from dashboard.model.filters import FIELDS, MONEY_FIELDS, TYPED_NUMBERS, Filters, TypedNumber
from dashboard.quotes.value_parsers import number_words, reading_words


def _amount(value: float) -> str:
    """A typed amount in words: '3,000', '2.5', '1,000.5' (no rounding of what was typed)."""
    return number_words(value)


def _concern_words(value: Any, _filters: Filters) -> str | None:
    return value and f"concern {vocab.CONCERN_LABELS.get(value, value)}"


def _horizon_words(value: int, _filters: Filters) -> str:
    return f"horizon {value} year{'s' if value != 1 else ''}"


def _money(value: float, filters: Filters) -> str:
    return f"{_amount(value)} {vocab.MARKET_CURRENCY[filters.market]}"


# Per filter field (a Filters attribute): its value in words, or None (or '') to leave it out.
WORDS: dict[str, Callable[[Any, Filters], str | None]] = {
    "concern": _concern_words,
    "market": lambda v, f: f"market {v}",
    "horizon": _horizon_words,
    "categories": lambda v, f: v and "categories " + ", ".join(v),
    "budget": lambda v, f: f"budget {_money(v, f)}" if v is not None else None,
    "max_downtime": lambda v, f: f"downtime at most {v:g} days" if v is not None else None,
    "max_risk": lambda v, f: v < 5 and f"risk tier at most {v}",
    "show_over_budget": lambda v, f: v and "over-budget options shown",
    "compare": lambda v, f: None,
    "daily_earnings": lambda v, f: f"daily earnings {_amount(v)}" if v is not None else None,
    "prices_in": lambda v, f: v == "published" and "prices as published",
}

if set(WORDS) != {f.name for f in FIELDS}:
    raise TypeError("WORDS must have one entry per filter field (filters.FIELDS)")


def describe(filters: Filters) -> str:
    """The filters in words, for export headers and the page."""
    return "; ".join(words for f in FIELDS if (words := WORDS[f.name](getattr(filters, f.name), filters)))


# Per typed number (filters.TYPED_NUMBERS): what it must be (before its range), and the words when none applies.
TYPED_WORDS = {
    "budget": ("a number", "no budget"),
    "max_downtime": ("a number of days", "no limit"),
    "daily_earnings": ("a number", "not set"),
}

# Per money field (filters.MONEY_FIELDS), what it is called in a refusal of another currency.
MONEY_WORDS = {"budget": "the budget", "daily_earnings": "your daily earnings"}

if set(TYPED_WORDS) != set(TYPED_NUMBERS):
    raise TypeError("TYPED_WORDS must have one entry per typed number (filters.TYPED_NUMBERS)")
if set(MONEY_WORDS) != set(MONEY_FIELDS):
    raise TypeError("MONEY_WORDS must have one entry per money field (filters.MONEY_FIELDS)")


def typed_message(typed: TypedNumber) -> str:
    """What a typed number was read as ('Read as 3,000.'; '' for plain digits), or why it was refused and which
    value applies ('“-5” is not a number from 0 to 10,000,000. Applied: 3,000.')."""
    number = typed.typed if typed.number is None else typed.number
    if typed.code == "read":
        return reading_words(number)
    what, empty = TYPED_WORDS[typed.field]
    applied = empty if typed.applied is None else f"{typed.applied:,.10g}"
    if typed.code == "ambiguous":
        said = ": d" + reading_words(number)[1:]
    elif typed.code == "currency":
        symbol = vocab.CURRENCY_SYMBOL.get(typed.currency or "", "")
        said = (
            f": this market's amounts are in {typed.currency} ({symbol}) and are never converted; type "
            f"{MONEY_WORDS.get(typed.field, 'it')} in {typed.currency}."
        )
        applied = applied if typed.applied is None else symbol + applied  # the amount in force, in this currency
    else:
        said = f" is not {what} from {typed.lowest:,} to {typed.highest:,}."
    return f"“{str(typed.typed)[:20]}”{said} Applied: {applied}."


def typed_messages(typed: Mapping[str, TypedNumber]) -> dict[str, str]:
    """Each typed number's message by field (a Filters attribute), those with nothing to say left out."""
    return {field: message for field, value in typed.items() if (message := typed_message(value))}
