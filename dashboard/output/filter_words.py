"""The filters in words, for export headers, the page and the command line: one phrase per filter field that
says something, in the order of filters.FIELDS ('concern Stretch marks; market US; horizon 5 years; ...')."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dashboard import vocab
from dashboard.model.filters import FIELDS, Filters
from dashboard.quotes.value_parsers import number_words


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
