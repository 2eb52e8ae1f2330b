"""Raw values (URL text, the page's controls, command-line strings) -> typed values, or INVALID.

Numbers as people type them ('3,000', '1.000,50', '2,5'), within limits or whole; one of a set of
choices; lists of known ids; switches. Used by the filter fields and by the assumptions.
"""

from __future__ import annotations

import math
import re
from typing import Any


def read_number(value: Any) -> float | None:
    """A finite number from a number or numeric text as people type it ('3,000', '1.000,50', '2,5'); else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = _plain_number(value.strip())
        if not text or len(text) > 20:
            return None
        try:
            value = float(text)
        except ValueError:
            return None
    if not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        return None
    return float(value)


def number_in(value: Any, low: float, high: float) -> float | None:
    """A finite number within [low, high], from a number or numeric text; else None."""
    number = read_number(value)
    return number if number is not None and low <= number <= high else None


def _plain_number(text: str) -> str:
    """Number text as Python reads it: thousands separators dropped, a decimal comma made a point.

    '3,000' and '3,000.50' (comma thousands), '3.000,50' (point thousands, decimal comma) and '2,5' (a lone
    comma followed by one or two digits: a decimal comma) are read as people write them."""
    if "," in text and "." in text:
        return text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    if text.count(",") == 1 and re.fullmatch(r"-?\d+,\d{1,2}", text):
        return text.replace(",", ".")
    return text.replace(",", "")


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
