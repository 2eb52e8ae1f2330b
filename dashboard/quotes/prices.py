"""Price text as people write it ("$1,400", "1.234,50 GBP", "£250") -> (price, currency, problem).

Strict and linear: string steps only, no regular expressions; the number itself is read by the one rule
every typed number follows (model.value_parsers.read_text), so "1.500" is refused as ambiguous. A price is more than 0 and at most
MAX_PRICE, in USD or GBP (a price in another currency, "€90", "C$120", "¥5000", "300 CAD", is recognised, and refused).
"""

from __future__ import annotations

import math

from dashboard.quotes.currency_marks import split_marks
from dashboard.quotes.upload import shown
from dashboard.quotes.value_parsers import read_text, reading_words

MAX_PRICE = 1_000_000
ONLY_USD_GBP = "Only USD and GBP quotes can be compared"
DIGITS = frozenset("0123456789")


def parse_number(text: str) -> float | None:
    """A plain unsigned number with optional thousands separators ("1,234.50", "1.234,50", "1 234"), read by
    the one rule every typed number follows (model.value_parsers.read_text); else None ("1.500" is
    ambiguous: see `parse_price`)."""
    if not text or any(c not in DIGITS and c not in ",. " for c in text):
        return None
    return float(text) if set(text) <= DIGITS else read_text(text).value


def total_of(price: float, quantity: int) -> float:
    """The price of all `quantity` from the price of one, to the 4 decimals the quote exports write (19.99 × 7 =
    139.93, not 139.92999999999998), so a quote reads back from its file as the same quote."""
    return round(price * quantity, 4)


def check_amount(amount: float, label: str) -> str | None:
    """Why a number cannot be a price (not finite, not above 0, over 1,000,000), or None."""
    if not math.isfinite(amount):
        return f"{label} is not a price"
    if amount <= 0:
        return f"{label}: a price must be more than 0"
    if amount > MAX_PRICE:
        return f"{label} is more than {MAX_PRICE:,}: check the price"
    return None


def parse_price(text: str) -> tuple[float | None, str | None, str | None]:
    """(price, currency its symbol or code gives or None, problem or None), by string steps only."""
    label = shown(text)
    s, marks, negative = split_marks(text)
    if not s and not marks and not negative:
        return None, None, "price is required"
    if marks - {"USD", "GBP"}:
        return None, None, ONLY_USD_GBP
    if len(marks) > 1:
        return None, None, f"{label} mixes two currencies"
    if negative:
        return None, None, f"{label}: a price must be more than 0"
    amount = parse_number(s)
    if amount is None and read_text(s).choices:
        return None, None, f"{label}: d{reading_words(s)[1:]}"
    if amount is None:
        hint = " (give one price, not a range)" if "-" in s else ""
        return None, None, f"{label} is not a price{hint}"
    problem = check_amount(amount, label)
    return (None, None, problem) if problem else (amount, marks.pop() if marks else None, None)
