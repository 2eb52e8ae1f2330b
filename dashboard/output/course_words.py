"""The initial course and the upkeep in words: the table's cost cell (the total, then the course beside the
upkeep), where a price per session and a session count come from, and what one session is called (a session,
a procedure for surgery, a month of use for a daily treatment). Money in the market's currency with its symbol.
"""

from __future__ import annotations

from typing import Any

from dashboard.output.display import RowLike, flag, known, money, money_range


def whole(value: Any) -> int:
    return int(round(float(value)))


def plural(n: Any, word: str) -> str:
    return f"{whole(n)} {word}{'' if whole(n) == 1 else 's'}"


def years_text(horizon: int) -> str:
    return f"{horizon} year{'s' if horizon != 1 else ''}"


def is_monthly(row: RowLike) -> bool:
    """A daily treatment (topical tretinoin) counts a session as one month of use."""
    unit: object = row.get("session_unit")
    return unit == "month"


def is_surgical(row: RowLike) -> bool:
    category: object = row.get("category")
    return category == "surgical"


def session_noun(row: RowLike) -> str:
    """What one session is called: 'session', 'procedure' (surgery), 'month' (a daily treatment)."""
    return "month" if is_monthly(row) else "procedure" if is_surgical(row) else "session"


def sessions_text(n: Any, row: RowLike, more: bool = False) -> str:
    """'4 sessions', '1 more procedure', '54 more months of use'."""
    return plural(n, ("more " if more else "") + session_noun(row)) + (" of use" if is_monthly(row) else "")


def a_session(row: RowLike) -> str:
    return "a month" if is_monthly(row) else "the procedure" if is_surgical(row) else "a session"


def no_upkeep(row: RowLike) -> bool:
    """No upkeep over the horizon: the course is the total."""
    high = row.get("maintenance_high")
    return row.get("maintenance") == "none" or (known(high) and float(high) == 0)


def course_word(row: RowLike) -> str:
    """'procedure' for surgery, else 'course' (the initial course)."""
    return "procedure" if is_surgical(row) else "course"


def course_text(row: RowLike, symbol: str) -> str:
    """The initial course as a range: '$1,246–$2,077', 'at least $90'."""
    return money_range(row.get("initial_low"), row.get("initial_high"), flag(row.get("initial_open")), symbol)


def upkeep_text(row: RowLike, symbol: str, horizon: int) -> str:
    """The upkeep over the horizon: 'no upkeep published', 'no top-up within 1 year', '$1,200–$7,200',
    'upkeep not published'."""
    if row.get("maintenance") == "none":
        return "no upkeep published"
    low, high = row.get("maintenance_low"), row.get("maintenance_high")
    if known(high) and flag(row.get("upkeep_capped")):
        return f"upkeep up to {money(high, symbol)} (used every month; how long it is needed is not published)"
    if known(high):
        if float(high) == 0:
            return f"no top-up within {years_text(horizon)}"
        return f"upkeep {money_range(low, high, False, symbol)}"
    if known(low) and float(low) > 0:
        return f"upkeep at least {money(low, symbol)} (how much more is not published)"
    return "upkeep not published"


def cost_cell(row: RowLike, symbol: str, horizon: int) -> str:
    """The table's cost cell on two lines: the total, then the course beside the upkeep
    ('at least $1,246' / 'course $1,246–$2,077 + upkeep not published')."""
    total = money_range(row.get("total_low"), row.get("total_high"), flag(row.get("total_open")), symbol)
    if not known(row.get("initial_low")) and not known(row.get("initial_high")):
        return total
    return f"{total}\n{course_word(row)} {course_text(row, symbol)} + {upkeep_text(row, symbol, horizon)}"


def price_published(row: RowLike, symbol: str) -> str:
    """Where the price per session comes from, with its range: 'published $15–$25', 'only a 'from' price
    of $500 is published', 'your quote: $750', 'your assumption: $150–$200'."""
    low, high = row.get("session_low"), row.get("session_high")
    figure = money_range(low, high, False, symbol)
    if row.get("kind") == "your quote":
        return f"your quote: {figure}"
    if row.get("session_low_how") == "assumed":
        return f"your assumption: {figure}"
    if known(low) and not known(high):
        return f"only a 'from' price of {money(low, symbol)} is published"
    if known(high) and not known(low):
        return f"only 'up to {money(high, symbol)}' is published"
    if round(float(low)) == round(float(high)):
        return f"the published figure is {figure}"
    return f"published {figure}"


def sessions_published(row: RowLike) -> str:
    """The course's sessions as published: 'published 6–10 for the course', 'the number of sessions is not
    published', 'your assumption: 4–6'."""
    low, high = row.get("course_sessions_low"), row.get("course_sessions_high")
    if not known(high):
        return "the number of sessions is not published"
    text = f"{whole(low)}" if whole(low) == whole(high) else f"{whole(low)}–{whole(high)}"
    assumed = row.get("assumed_fields") or ()
    if "sessions" in assumed:
        text = f"your assumption: {text} for the course"
    elif row.get("kind") == "your quote" and (
        row.get("quote_covers") == "course"
        or (row.get("quote_covers") == "session" and known(row.get("quote_quantity")) and row.get("quote_quantity") > 1)
    ):
        text = f"your quote: {text} for the course"
    else:
        text = f"published {text} for the course"
    up_low, up_high = row.get("maintenance_sessions_low"), row.get("maintenance_sessions_high")
    if known(up_high) and float(up_high) > 0:
        span = f"{whole(up_low)}" if whole(up_low) == whole(up_high) else f"{whole(up_low)}–{whole(up_high)}"
        text += f" and {span} in top-ups"
    return text


def session_span(row: RowLike) -> tuple[int, int | str]:
    """The fewest and the most sessions in all the condition counts (an open upkeep at its minimum)."""
    upkeep_low, upkeep_high = row.get("maintenance_sessions_low"), row.get("maintenance_sessions_high")
    upkeep_low = float(upkeep_low) if known(upkeep_low) else 0.0
    upkeep_high = float(upkeep_high) if known(upkeep_high) else upkeep_low
    course_high = row.get("course_sessions_high")
    high = whole(float(course_high) + upkeep_high) if known(course_high) else "open"
    return whole(float(row.get("course_sessions_low")) + upkeep_low), high
