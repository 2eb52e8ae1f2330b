"""The budget answer in words: which part fits (the initial course, the upkeep), what the answer hinges on
and the margin, from the model's figures (`dashboard.model.decision`).

Money in the market's currency with its symbol; counts in sessions; months rounded as the model rounded
them (sessions and prices down, months between sessions up).
"""

from __future__ import annotations

from typing import Any

from dashboard.model import decision
from dashboard.output.course_words import (
    a_session,
    course_text,
    course_word,
    is_monthly,
    no_upkeep,
    plural,
    price_published,
    session_noun,
    session_span,
    sessions_published,
    sessions_text,
    upkeep_text,
    whole,
    years_text,
)
from dashboard.output.display import RowLike, count_range, flag, known, money


def _upkeep_clause(row: RowLike) -> str:
    """What a price condition assumes of an upkeep whose upper bound is open."""
    if not flag(row.get("hinge_upkeep_open")):
        return ""
    minimum = row.get("hinge_upkeep_min")
    if known(minimum) and float(minimum) > 0:
        return (
            f", with the fewest top-ups: one session in each of {plural(minimum, 'round')} "
            "(if results last the longest published time)"
        )
    return ", and no top-up is needed"


def upkeep_gap(row: RowLike) -> str:
    """Why the upkeep has no upper bound, in a few words ('' when it has one)."""
    if known(row.get("maintenance_high")):
        return ""
    return {
        "unknown": "whether and how often it must be repeated is not published",
        "as-needed": "how often it must be repeated is not published",
        "periodic": "how many sessions each top-up takes is not published",
    }.get(row.get("maintenance"), "")


def _upkeep_room(row: RowLike, budget: float, symbol: str, horizon: int) -> str:
    within = f"within {money(budget, symbol)} over {years_text(horizon)}"
    extra, price = row.get("hinge_extra_sessions"), money(row.get("hinge_at_price"), symbol)
    course = f"The {course_word(row)} ({course_text(row, symbol)}) fits"
    if whole(extra) == 0:
        spare = money(budget - float(row.get("initial_high")), symbol)
        return (
            f"{course}, leaving {spare}: less than one more {session_noun(row)} at up to {price}. "
            f"It stays {within} only if no top-up is needed{_because(row)}."
        )
    minimum = row.get("hinge_upkeep_min")
    if known(minimum) and float(minimum) > 0:  # top-ups as results fade, each of an unpublished size
        return f"{course}. {_rounds_room(row, within, extra, price)}{_because(row)}."
    every = row.get("hinge_every_months")
    often = (
        f" (about one every {plural(every, 'month')})"
        if known(every) and not is_monthly(row) and whole(extra) > 1
        else ""
    )
    return (
        f"{course}. It stays {within} if you need at most {sessions_text(extra, row, more=True)}{often} "
        f"at up to {price} each{_because(row)}."
    )


def _rounds_room(row: RowLike, within: str, extra: Any, price: str) -> str:
    """Periodic top-ups whose size is not published: how long results must last, or how many sessions the
    top-ups may take in all."""
    low, high = whole(row.get("hinge_upkeep_min")), row.get("hinge_rounds_high")
    rounds = f"{low}–{whole(high)}" if known(high) and whole(high) != low else f"{low}"
    lasting = row.get("hinge_lasting_months")
    published = count_range(row.get("results_months_low"), row.get("results_months_high"), "months")
    source = "your assumption" if "upkeep_months" in (row.get("assumed_fields") or ()) else "published"
    if known(lasting):
        return (
            f"It stays {within} if results last at least {plural(lasting, 'month')} ({source}: {published}), "
            f"so that at most {plural(extra, 'top-up')} of one {session_noun(row)} each at up to {price} are needed; "
            f"if they fade sooner, more top-ups are needed than the budget allows"
        )
    return (
        f"It stays {within} if the top-ups ({rounds}, as results last {published}) take at most "
        f"{sessions_text(extra, row)} in all at up to {price} each"
    )


def _because(row: RowLike) -> str:
    gap = upkeep_gap(row)
    return f"; {gap}" if gap else ""


def hinge_sentence(row: RowLike, budget: float, symbol: str, horizon: int) -> str:
    """What a may-fit answer hinges on, in numbers a clinic can confirm ('' when the model found none)."""
    code = row.get("hinge")
    if code == decision.UPKEEP_ROOM:
        return _upkeep_room(row, budget, symbol, horizon)
    lead = ""
    if row.get("course_fit") == "may fit" and not no_upkeep(row):
        lead = f"The {course_word(row)} alone ({course_text(row, symbol)}) may exceed your budget. "
    price = money(row.get("hinge_price"), symbol)
    published_price = price_published(row, symbol)
    count = sessions_text(row.get("hinge_sessions"), row) if known(row.get("hinge_sessions")) else ""
    top_ups = ", top-ups included" if row.get("maintenance") != "none" else ""
    clause = _upkeep_clause(row)
    if code == decision.PRICE:
        text = f"It fits if {a_session(row)} costs at most {price} ({published_price})"
        fewest = row.get("hinge_price_fewest")
        if known(fewest):
            low, high = session_span(row)
            text += (
                f" at the most sessions ({high}){clause}; with fewer it can cost more: up to {money(fewest, symbol)} "
                f"at the fewest ({low}; {sessions_published(row)})"
            )
        else:
            text += clause
        return f"{lead}{text}."
    if code == decision.SESSIONS:
        text = (
            f"It fits if you need at most {count} in all{top_ups} ({sessions_published(row)}) at up to "
            f"{money(row.get('hinge_at_price'), symbol)} each"
        )
        cheapest = row.get("hinge_sessions_cheapest")
        if known(cheapest) and whole(cheapest) > whole(row.get("hinge_sessions")):
            text += f"; at a lower price more fit: up to {sessions_text(cheapest, row)} at {money(row.get('session_low'), symbol)}"
        return f"{lead}{text}."
    if code == decision.PRICE_OR_SESSIONS:
        return (
            f"{lead}Two inputs decide: it fits if {a_session(row)} costs at most {price} ({published_price}) even at "
            f"the most sessions{clause}, or if you need at most {count} in all{top_ups} ({sessions_published(row)}) "
            f"even at the highest price ({money(row.get('hinge_at_price'), symbol)})."
        )
    if code == decision.PRICE_AND_SESSIONS:
        if known(row.get("hinge_price")):
            return (
                f"{lead}Two inputs decide together: it fits only if {a_session(row)} costs at most {price} "
                f"({published_price}) and you need no more than the fewest sessions "
                f"({whole(row.get('hinge_sessions'))}){clause}."
            )
        return (
            f"{lead}Two inputs decide together: it fits only if both are near the low end: at "
            f"{money(row.get('hinge_at_price'), symbol)} {a_session(row)} ({published_price}), if you need at most "
            f"{count} in all{top_ups} ({sessions_published(row)})."
        )
    return ""


def budget_answer(row: RowLike, budget: float | None, symbol: str, horizon: int) -> str:
    """One option's budget answer, starting with the answer: which part fits, the margin, or what a
    may-fit hinges on. '' without a budget."""
    fit = row.get("budget_fit")
    if budget is None or not isinstance(fit, str):
        return ""
    course = course_text(row, symbol)
    upkeep = upkeep_text(row, symbol, horizon)
    if fit == "fits":
        margin = money(row.get("budget_margin"), symbol)
        if not known(row.get("total_low")):
            return f"Fits: even the highest figure is {margin} under your budget (only an 'up to' price is published)."
        if no_upkeep(row):
            return f"Fits: the {course_word(row)} ({course}), with {upkeep}, stays {margin} under your budget at the high figure."
        return (
            f"Fits: the {course_word(row)} ({course}) and {upkeep} together stay {margin} under your budget "
            "at the high figure."
        )
    if fit == "over":
        margin = money(row.get("budget_margin"), symbol)
        if row.get("course_fit") == "over" or no_upkeep(row):
            return (
                f"Over: the {course_word(row)} alone ({course}) is above your budget, by {margin} even at the "
                "low figure."
            )
        return (
            f"Over: the {course_word(row)} ({course}) could fit, but with the upkeep the total is {margin} over "
            "your budget even at the low figure."
        )
    if fit in ("no price", "unknown"):
        return "No price: no published price in this market."
    sentence = hinge_sentence(row, budget, symbol, horizon)
    if sentence:
        return f"May fit: {sentence[0].lower()}{sentence[1:]}"
    return "May fit: the lowest estimate is within your budget and the highest is above it."


def hinge_short(row: RowLike, budget: float | None, symbol: str, horizon: int) -> str:
    """The condition in a few words for the table's budget cell: 'if at most 4 more sessions at up to $208',
    '$700 to spare', '$1,200 over at the low figure'; '' when there is nothing to add."""
    fit = row.get("budget_fit")
    if budget is None or not isinstance(fit, str):
        return ""
    if fit == "fits" and known(row.get("budget_margin")):
        return f"{money(row.get('budget_margin'), symbol)} to spare"
    if fit == "over" and known(row.get("budget_margin")):
        part = f"the {course_word(row)} alone is " if row.get("course_fit") == "over" and not no_upkeep(row) else ""
        return f"{part}{money(row.get('budget_margin'), symbol)} over at the low figure"
    code = row.get("hinge")
    word = course_word(row)
    course = "" if no_upkeep(row) else f"{word} fits; " if row.get("course_fit") == "fits" else f"{word} may not fit; "
    price = money(row.get("hinge_price"), symbol)
    count = sessions_text(row.get("hinge_sessions"), row) if known(row.get("hinge_sessions")) else ""
    if code == decision.UPKEEP_ROOM:
        extra = row.get("hinge_extra_sessions")
        if whole(extra) == 0:
            return f"{course}only if no top-up (up to {money(row.get('hinge_at_price'), symbol)}) is needed"
        if known(row.get("hinge_lasting_months")):
            return f"{course}if results last at least {plural(row.get('hinge_lasting_months'), 'month')}"
        more = sessions_text(extra, row, more=True)
        return f"{course}if at most {more} at up to {money(row.get('hinge_at_price'), symbol)}"
    # a price condition worked with an open upkeep at its published minimum says so
    fewest = flag(row.get("hinge_upkeep_open")) and code != decision.SESSIONS
    price += (
        (
            " with the fewest top-ups"
            if known(row.get("hinge_upkeep_min")) and row.get("hinge_upkeep_min") > 0
            else " and no top-up"
        )
        if fewest
        else ""
    )
    if code == decision.PRICE:
        return f"{course}if {a_session(row)} costs at most {price}"
    if code == decision.SESSIONS:
        return f"{course}if at most {count} in all"
    if code == decision.PRICE_OR_SESSIONS:
        return f"{course}if {a_session(row)} costs at most {price} or at most {count} in all"
    if code == decision.PRICE_AND_SESSIONS:
        if known(row.get("hinge_price")):
            return f"{course}only if {a_session(row)} costs at most {price}"
        return f"{course}only if at most {count} at {money(row.get('hinge_at_price'), symbol)}"
    return ""
