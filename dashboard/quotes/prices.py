"""Price text as people write it ("$1,400", "1.234,50 GBP", "£250") -> (price, currency, problem).

Strict and linear: string steps only, no regular expressions. A price is more than 0 and at most
MAX_PRICE, in USD or GBP (a EUR price is recognised, and refused).
"""

from __future__ import annotations

import math

from dashboard.quotes.upload import shown

MAX_PRICE = 1_000_000
# Currency marks a price may carry, longest first so "US$" wins over "$".
PRICE_MARKS = (
    ("US$", "USD"), ("USD", "USD"), ("GBP", "GBP"), ("EUR", "EUR"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"),
)  # fmt: skip
ONLY_USD_GBP = "Only USD and GBP quotes can be compared"
DIGITS = frozenset("0123456789")


def parse_number(text: str) -> float | None:
    """A plain positive decimal with optional thousands separators ("1,234.50", "1.234,50", "1 234"), else None.

    One separator followed by exactly three digits is a thousands separator (prices have no
    third decimal); followed by one, two or four or more digits it is the decimal point.
    """
    if not text or any(c not in DIGITS and c not in ",. " for c in text):
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text or "." in text:
        sep = "," if "," in text else "."
        decimal = sep if text.count(sep) == 1 and len(text.rpartition(sep)[2]) != 3 else ""
    else:
        decimal = ""
    whole, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    if decimal and (not fraction or not set(fraction) <= DIGITS):
        return None
    separators = set(whole) - DIGITS
    if len(separators) > 1:
        return None
    groups = whole.split(separators.pop()) if separators else [whole]
    if not groups[0] or not set(groups[0]) <= DIGITS:
        return None
    if len(groups) > 1 and not (
        len(groups[0]) <= 3 and groups[0][0] != "0" and all(len(g) == 3 and set(g) <= DIGITS for g in groups[1:])
    ):
        return None
    return float("".join(groups) + "." + (fraction or "0"))


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
    s = text
    for space in "\u00a0\u202f\u2007\u2008\u2009\u200a":
        s = s.replace(space, " ")
    s = s.strip()
    marks: set[str] = set()
    negative = False
    for _ in range(4):  # a sign and a mark on each side at most; each pass removes something or stops
        before = s
        if s[:1] in ("-", "\u2212"):
            negative, s = True, s[1:].strip()
        for mark, currency in PRICE_MARKS:
            if s[: len(mark)].upper() == mark:
                marks.add(currency)
                s = s[len(mark) :].strip()
            if len(s) >= len(mark) and s[-len(mark) :].upper() == mark:
                marks.add(currency)
                s = s[: -len(mark)].strip()
        if s == before:
            break
    if not s and not marks and not negative:
        return None, None, "price is required"
    if "EUR" in marks:
        return None, None, ONLY_USD_GBP
    if len(marks) > 1:
        return None, None, f"{label} mixes two currencies"
    if negative:
        return None, None, f"{label}: a price must be more than 0"
    amount = parse_number(s)
    if amount is None:
        hint = " (give one price, not a range)" if "-" in s else ""
        return None, None, f"{label} is not a price{hint}"
    problem = check_amount(amount, label)
    return (None, None, problem) if problem else (amount, marks.pop() if marks else None, None)
