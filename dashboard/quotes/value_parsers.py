"""Raw values (URL text, the page's controls, command-line strings) -> typed values, or INVALID.

Numbers as people type them ('3,000', '1.000,50', '2,5'), by one rule for every field (read_text), within
limits or whole; one of a set of choices; lists of known ids; switches. Used by the filter fields, the
assumptions and the quotes' prices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# The one rule for a typed number, in every field (filters, quote price, assumptions, URL, command line):
# - a sign may lead ("-", "+" or the minus sign); spaces (also no-break and thin spaces) group thousands;
# - with both "," and ".", the last one is the decimal mark and the other groups thousands ("1.234,50",
#   "1,234.50");
# - one mark written more than once groups thousands ("1,000,000", "1.000.000");
# - one mark written once and followed by one, two, or four or more digits is the decimal mark ("2,5",
#   "2.50", "0,1250");
# - "," written once before exactly three digits groups thousands ("3,000": as the US and UK write it);
# - "." written once before exactly three digits is refused as ambiguous ("3.000": 3,000 or 3?);
# - thousands groups are three digits each after the first, of one to three; -0 is 0; nothing else
#   (letters, exponents, "inf", ".5" without its leading 0) is a number.
MAX_NUMBER_CHARS = 20
_SPACES = " \u00a0\u202f\u2007\u2008\u2009\u200a"
_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class Reading:
    """What a typed text reads as: `value` (a finite float, never -0.0) or None; when None, `choices` holds
    the two readings of an ambiguous text (thousands first: (3000.0, 3.0) for "3.000"), else ()."""

    value: float | None
    choices: tuple[float, ...] = ()


def read_text(text: str) -> Reading:
    """A number as people type it, by the one rule above: '3,000' -> 3000, '2,5' -> 2.5, '1.000,50' -> 1000.5;
    '3.000' -> no value, choices (3000, 3); '-0' -> 0."""
    s = text.strip() if isinstance(text, str) else ""
    if not s or len(s) > MAX_NUMBER_CHARS:
        return Reading(None)
    sign = 1.0
    if s[0] in "+-\u2212":
        sign, s = (1.0 if s[0] == "+" else -1.0), s[1:].lstrip(_SPACES)
    for space in _SPACES:
        s = s.replace(space, " ")
    marks = [c for c in s if c in ",."]
    decimal = ""
    if "," in marks and "." in marks:
        decimal = marks[-1]
    elif len(marks) == 1:
        after = len(s.rpartition(marks[0])[2])
        if after != 3:
            decimal = marks[0]
        elif marks[0] == ".":
            whole = _grouped(s.replace(".", ""))
            if whole is None:
                return Reading(None)
            return Reading(None, (_plain(sign * whole), _plain(sign * whole / 1000)))
    whole_text, _, fraction = s.rpartition(decimal) if decimal else (s, "", "")
    if decimal and not (fraction and set(fraction) <= _DIGITS):
        return Reading(None)
    whole = _grouped(whole_text)
    if whole is None:
        return Reading(None)
    return Reading(_plain(sign * float(f"{whole}.{fraction or 0}")))


def _grouped(text: str) -> int | None:
    """Digits, or digits grouped in threes by one kind of separator (',', '.' or ' '); else None."""
    separators = set(text) - _DIGITS
    if not separators:
        return int(text) if text else None
    if len(separators) > 1 or not separators <= set(",. "):
        return None
    groups = text.split(separators.pop())
    first_ok = 1 <= len(groups[0]) <= 3 and set(groups[0]) <= _DIGITS
    if first_ok and all(len(g) == 3 and set(g) <= _DIGITS for g in groups[1:]):
        return int("".join(groups))
    return None


def _plain(value: float) -> float:
    """The value with -0.0 made 0.0."""
    return value + 0.0 if value == 0 else value


def read_number(value: Any) -> float | None:
    """A finite number (never -0.0) from a number, or from text by the one rule (read_text); else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return read_text(value).value
    if not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        return None
    return _plain(float(value))


def number_in(value: Any, low: float, high: float) -> float | None:
    """A finite number within [low, high], from a number or numeric text; else None."""
    number = read_number(value)
    return number if number is not None and low <= number <= high else None


def number_words(value: float) -> str:
    """A number as the page writes it: '3,000', '2.5', '1,000.5' (no rounding of what was typed)."""
    decimals = len(f"{value:.12g}".partition(".")[2]) if "e" not in f"{value:.12g}" else 2
    return f"{value:,.{decimals}f}"


def reading_words(text: Any) -> str:
    """What a typed text is read as, said aloud: 'Read as 3,000.', 'Did you mean 3,000 or 3? Write 3000 or 3.';
    '' for empty text or plain digits (nothing to say) and for text that is no number (the field says so)."""
    if not isinstance(text, str) or not text.strip() or set(text.strip()) <= _DIGITS:
        return ""
    reading = read_text(text)
    if reading.value is not None:
        return f"Read as {number_words(reading.value)}."
    if reading.choices:
        a, b = reading.choices
        return f"Did you mean {number_words(a)} or {number_words(b)}? Write {a:.12g} or {b:.12g}."
    return ""


def choice(value: Any, allowed) -> Any:
    """The value if it is text and one of `allowed`; else None."""
    return value if isinstance(value, str) and value in allowed else None


def id_list(value: Any, allowed, limit: int) -> tuple[str, ...] | None:
    """The allowed ids of a list or of comma-separated text, each once, at most `limit`; None if not a list
    of at most 100 items."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or len(value) > 100:
        return None
    out: list[str] = []
    for item in value:
        if isinstance(item, str) and item in allowed and item not in out:
            out.append(item)
    return tuple(out[:limit])


INVALID = object()  # a parser's answer for a value it does not accept


def valid(value: Any) -> Any:
    """INVALID for None (what the parsers above give for a refused value), else the value."""
    return INVALID if value is None else value


def whole_number(value: Any, low: int, high: int) -> Any:
    """A whole number within [low, high] as an int; else INVALID."""
    number = number_in(value, low, high)
    return int(number) if number is not None and number == int(number) else INVALID


def switch(value: Any) -> Any:
    """True or False from a bool or the text '1' or '0'; else INVALID."""
    if isinstance(value, bool):
        return value
    return {"1": True, "0": False}.get(value, INVALID) if isinstance(value, str) else INVALID
