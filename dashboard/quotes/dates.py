"""Dates as clinics write them: ISO always; day/month order decided per file, and said when it was a guess.

A date like 05/06/2025 can be 5 June or 6 May. The order is taken from the file's unambiguous
dates (13/06/2025 is day first, 06/13/2025 month first); when the file gives no such evidence, or
both, from the quote's currency (month first for USD, day first for GBP). Every ambiguous date
gets a note naming the reading used; a date valid in only one order is read in that order.

"In the future" is after today where the day starts first (UTC+14, `latest_today`), so a quote dated the
person's own today is never refused whatever her time zone and the server's; the exports are dated in UTC
(`utc_today`) and say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from dashboard.quotes.upload import shown

DAY_FIRST, MONTH_FIRST = "day", "month"
EARLIEST_DATE = date(2000, 1, 1)
SEPARATORS = "/.-"
_DIGITS = frozenset("0123456789")
# The time zone whose day starts first (Kiritimati, Line Islands): no one's today is later than its today.
EARLIEST_ZONE_OFFSET = timedelta(hours=14)
CURRENCY_ORDER = {"USD": (MONTH_FIRST, "as usual in the US"), "GBP": (DAY_FIRST, "as usual in the UK")}


def utc_today(now: datetime | None = None) -> date:
    """Today's date in UTC (the exports' date, which they say is UTC); `now` an aware datetime for tests."""
    return (now or datetime.now(UTC)).astimezone(UTC).date()


def latest_today(now: datetime | None = None) -> date:
    """The latest date anyone on Earth can call today (UTC+14): a quote dated after it is in the future for
    everyone. `now` an aware datetime for tests."""
    return ((now or datetime.now(UTC)).astimezone(UTC) + EARLIEST_ZONE_OFFSET).date()


def split_numeric(text: str) -> tuple[str, int, int, int] | None:
    """("iso", y, m, d) for YYYY-MM-DD (or YYYY/MM/DD), ("dmy", a, b, y) for a/b/YYYY, else None."""
    s = text.strip()
    sep = next((c for c in SEPARATORS if c in s), None)
    if sep is None or len(s) > 10:
        return None
    parts = s.split(sep)
    if len(parts) != 3 or not all(p and set(p) <= _DIGITS for p in parts):
        return None
    if len(parts[0]) == 4 and 1 <= len(parts[1]) <= 2 and 1 <= len(parts[2]) <= 2:
        return "iso", int(parts[0]), int(parts[1]), int(parts[2])
    if len(parts[2]) == 4 and 1 <= len(parts[0]) <= 2 and 1 <= len(parts[1]) <= 2:
        return "dmy", int(parts[0]), int(parts[1]), int(parts[2])
    return None


def file_order(values: Iterable[str]) -> str | None:
    """DAY_FIRST or MONTH_FIRST when the file's unambiguous day/month dates all agree, else None."""
    seen = set()
    for value in values:
        parts = split_numeric(value) if isinstance(value, str) else None
        if parts and parts[0] == "dmy":
            a, b = parts[1], parts[2]
            if a > 12 >= b:
                seen.add(DAY_FIRST)
            elif b > 12 >= a:
                seen.add(MONTH_FIRST)
    return seen.pop() if len(seen) == 1 else None


def _real(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def read_date(
    value: str, today: date, order: str | None = None, currency: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """(ISO date or "" or None, problem or None, note or None) for a quote's date cell.

    `order` is the file's order (file_order); without it an ambiguous date is read by `currency`.
    """
    s = value.strip()
    if not s:
        return "", None, None
    parts = split_numeric(s)
    if parts is None:
        return None, f"{shown(s)} is not a date: use YYYY-MM-DD (or DD/MM/YYYY, MM/DD/YYYY)", None
    note = None
    if parts[0] == "iso":
        parsed = _real(parts[1], parts[2], parts[3])
    else:
        _, a, b, year = parts
        day_first, month_first = _real(year, b, a), _real(year, a, b)
        if day_first and month_first and a != b:
            if order:
                reading, why = order, "as the other dates in this file"
            else:
                reading, why = CURRENCY_ORDER.get(currency or "", (DAY_FIRST, "the usual order outside the US"))
            parsed = day_first if reading == DAY_FIRST else month_first
            other = month_first if reading == DAY_FIRST else day_first
            note = (
                f"{shown(s)} read as {_words(parsed)} ({reading} first, {why}); if you meant "
                f"{_words(other)}, write {other.isoformat()}"
            )
        else:
            parsed = day_first or month_first
    if parsed is None:
        return None, f"{shown(s)} is not a real date", None
    if parsed > today:
        return None, f"{shown(s)} is in the future", None
    if parsed < EARLIEST_DATE:
        return None, f"{shown(s)} is before 2000", None
    return parsed.isoformat(), None, note


def _words(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"
