"""The currency marks people write beside an amount ("$1,400", "1.234,50 GBP", "£250", "C$120", "¥5000"), read by
string steps only: which currencies an amount's marks give, and the number's text left when they are taken off."""

from __future__ import annotations

import unicodedata

# Currency marks a price may carry, longest first so "US$" wins over "$".
PRICE_MARKS = (
    ("US $", "USD"), ("US$", "USD"), ("$US", "USD"), ("USD", "USD"), ("GBP", "GBP"), ("EUR", "EUR"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"),
)  # fmt: skip
# Marks of the other currencies, recognised so that a price or a budget in one is refused as such (amounts are never
# converted): the commonest other ISO 4217 codes and currency words (OTHER_WORDS, any case, a "." after allowed:
# "CAD", "yen", "kr", "Fr.", "zł"), another country's dollar or pound written with its letters ("C$", "HK$", "$CA",
# "E£"; "US$" and "$US" are PRICE_MARKS) and any other currency sign Unicode knows (category Sc: "¥", "₹", "₩", "₽"…).
OTHER_CURRENCY = "another currency"
OTHER_CODES = frozenset(
    {
        "AED", "ARS", "AUD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "HKD", "HUF", "IDR", "ILS",
        "INR", "ISK", "JPY", "KES", "KRW", "MXN", "MYR", "NGN", "NOK", "NZD", "PEN", "PHP", "PLN", "RON", "RUB", "SAR",
        "SEK", "SGD", "THB", "TWD", "UAH", "VND", "ZAR",
    }
)  # fmt: skip
OTHER_WORDS = OTHER_CODES | {"RMB", "YEN", "YUAN", "KR", "ZŁ", "FR", "RS", "KČ", "LEI"}
_READ_SIGNS = frozenset("$£€¢")  # read as PRICE_MARKS ("¢" is a cent, not a currency: left in the number)
_LETTERED_SIGNS = "$£"  # with a country's letters: another country's dollar or pound
_OURS = ("US", "USD")


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


def _letters(s: str) -> int:
    """How many letters `s` starts with."""
    n = 0
    while n < len(s) and s[n].isalpha():
        n += 1
    return n


def _other_mark(s: str, reverse: bool = False) -> int:
    """The length of another currency's mark at the start of `s` ("C$", "$CA", "CAD", "Fr.", "¥"), or 0. When
    `reverse`, `s` is the text backwards and the mark is read at the text's end ("2000 C$", "200 kr"): its length is
    given negative."""
    sign = -1 if reverse else 1
    if not s:
        return 0
    if unicodedata.category(s[0]) == "Sc" and s[0] not in _READ_SIGNS:
        return sign
    dot = 1 if reverse and s[0] == "." else 0  # "200 Fr." backwards starts ".rF"
    n = _letters(s[dot:])
    word = s[dot : dot + n][::-1] if reverse else s[:n]
    after = s[dot + n : dot + n + 1]
    if s[0] in _LETTERED_SIGNS:  # "$CA 200", or backwards "$C" of "200 C$": the country's letters follow
        n = _letters(s[1:])
        word = s[1 : 1 + n][::-1] if reverse else s[1 : 1 + n]
        return (n + 1) * sign if 1 <= n <= 3 and word.upper() not in _OURS else 0
    if n and after and after in _LETTERED_SIGNS and not dot:  # "C$200", or backwards "AC$" of "200$CA"
        return (n + 1) * sign if n <= 3 and word.upper() not in _OURS else 0
    if n and word.upper() in OTHER_WORDS:
        taken = n + dot + (1 if not reverse and after == "." else 0)  # "Fr. 200", "Rs.200"
        return taken * sign
    return 0
