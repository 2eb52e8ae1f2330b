"""The currency marks people write beside an amount ("$1,400", "1.234,50 GBP", "£250", "C$120", "¥5000"), read by
string steps only: which currencies an amount's marks give, and the number's text left when they are taken off."""

from __future__ import annotations

import unicodedata

# Currency marks a price may carry, longest first so "US$" wins over "$".
PRICE_MARKS = (
    ("US $", "USD"), ("US$", "USD"), ("USD", "USD"), ("GBP", "GBP"), ("EUR", "EUR"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"),
)  # fmt: skip
# Marks of the other currencies, recognised so that a price or a budget in one is refused as such (amounts are never
# converted): the commonest other ISO 4217 codes, another country's dollar written with its letters ("C$", "A$",
# "NZ$", "HK$"; "US$" is a PRICE_MARK) and any other currency sign Unicode knows (category Sc: "¥", "₹", "₩", "₽"…).
OTHER_CURRENCY = "another currency"
OTHER_CODES = frozenset(
    {
        "AUD",
        "BRL",
        "CAD",
        "CHF",
        "CNY",
        "DKK",
        "HKD",
        "INR",
        "JPY",
        "KRW",
        "MXN",
        "NOK",
        "NZD",
        "PLN",
        "SEK",
        "SGD",
        "ZAR",
    }
)
_READ_SIGNS = frozenset("$£€¢")  # read as PRICE_MARKS ("¢" is a cent, not a currency: left in the number)


def split_marks(text: str) -> tuple[str, set[str], bool]:
    """(the number's text, the currencies its marks give, whether a minus sign leads): "$1,400" -> ("1,400",
    {"USD"}, False), "1.234,50 GBP" -> ("1.234,50", {"GBP"}, False), "-£5" -> ("5", {"GBP"}, True). A sign and a
    mark on each side at most are taken off; the rest is left as it is."""
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
        for take in (_other_mark(s), _other_mark(s[::-1], reverse=True)):  # before "$": "C$" is not "$"
            if take:
                marks.add(OTHER_CURRENCY)
                s = (s[take:] if take > 0 else s[:take]).strip()
        for mark, currency in PRICE_MARKS:
            if s[: len(mark)].upper() == mark:
                marks.add(currency)
                s = s[len(mark) :].strip()
            if len(s) >= len(mark) and s[-len(mark) :].upper() == mark:
                marks.add(currency)
                s = s[: -len(mark)].strip()
        if s == before:
            break
    return s, marks, negative


def _other_mark(s: str, reverse: bool = False) -> int:
    """The length of another currency's mark (OTHER_CODES, "C$", "¥") at the start of `s` (when `reverse`, `s` is
    the text backwards and the mark is at its end: the length is given negative), or 0."""
    if not s:
        return 0
    sign = -1 if reverse else 1
    if unicodedata.category(s[0]) == "Sc" and s[0] not in _READ_SIGNS:
        return sign
    word = s[:3][::-1] if reverse else s[:3]
    if word.upper() in OTHER_CODES and not s[3:4].isalpha():
        return 3 * sign
    if s[0] == "$" and reverse:  # "... C$": the letters are before the sign
        letters = len(s[1:]) - len(s[1:].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        word = s[1 : 1 + letters][::-1]
    else:
        letters = len(s) - len(s.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        word = s[:letters] if s[letters : letters + 1] == "$" else ""
    if 1 <= len(word) <= 3 and word.upper() not in ("US", "USD"):
        return (len(word) + 1) * sign
    return 0
