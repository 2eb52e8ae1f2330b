"""Questions for the clinic: what each option's gaps and uncertainties leave to ask, with its own numbers.

In: comparison rows (`Comparison.rows`: one row per option or quote, as a dict or a Series) and the market's
currency symbol. Out: plain sentences. `option_questions` gives one option's questions (the export's
column); `clinic_questions` groups them for the page and the download, with the questions every option
raises said once, under "For every clinic"; `questions_text` is the downloadable text.

Where the person entered her own assumption for an input, the question asks the clinic to confirm it
("..., as I assumed?") instead of asking for the figure afresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.output.display import RowLike, as_cells, flag, known, money, money_range

EVERY_CLINIC = "For every clinic"
# A question nearly every option raises goes under EVERY_CLINIC, naming at most this many options it is not for.
MAX_EXCEPTIONS = 2
QUOTE = "your quote"
# what a published downtime counts, when it is not the days until back to work or normal activity
DOWNTIME_COUNTS = {
    "side-effects": "days of visible side effects",
    "skin-healing": "days until the skin heals",
    "social": "days until you can be seen socially",
}


@dataclass(frozen=True)
class Group:
    """One heading of the list: an option (or quote) and its questions, or the questions for every clinic."""

    title: str
    questions: tuple[str, ...]
    note: str = ""  # e.g. "Also ask the questions for Microdermabrasion above."


def _number(value: Any) -> str:
    return f"{float(value):g}"


def count_text(low: Any, high: Any) -> str:
    """'6–10', '6', 'at least 6', 'up to 6' or '' for a published count range."""
    if known(low) and known(high):
        return _number(low) if float(low) == float(high) else f"{_number(low)}–{_number(high)}"
    if known(low):
        return f"at least {_number(low)}"
    return f"up to {_number(high)}" if known(high) else ""


def _plural(word: str, low: Any, high: Any) -> str:
    return word if known(high) and float(high) == 1 and (not known(low) or float(low) == 1) else f"{word}s"


def _sessions(row: RowLike) -> tuple[Any, Any]:
    return row.get("sessions_low"), row.get("sessions_high")


def course_text(row: RowLike) -> str:
    """The initial course in words: '6–10 sessions', '6 months of use' ('' when unpublished)."""
    low, high = _sessions(row)
    text = count_text(low, high)
    if not text:
        return ""
    if row.get("session_unit") == "month":
        return f"{text} {_plural('month', low, high)} of use"
    return f"{text} {_plural('session', low, high)}"


def _one(row: RowLike) -> str:
    """'one session', 'one month' for a daily treatment counted in months, 'the procedure' for surgery."""
    if _surgical(row):
        return "the procedure"
    return "one month" if row.get("session_unit") == "month" else "one session"


def per_unit(row: RowLike) -> str:
    """'a session', 'a month' for a daily treatment counted in months, 'for the procedure' for surgery."""
    if _surgical(row):
        return "for the procedure"
    return "a month" if row.get("session_unit") == "month" else "a session"


def _several_sessions(row: RowLike) -> bool:
    low, high = _sessions(row)
    return (known(high) and float(high) > 1) or (known(low) and float(low) > 1)


def session_price_text(row: RowLike, symbol: str) -> str:
    """The price per session in words: '$208', '$300–$800', 'at least $500'."""
    return money_range(row.get("session_low"), row.get("session_high"), flag(row.get("session_high_open")), symbol)


def assumed_inputs(row: RowLike) -> set[str]:
    """The inputs the person entered her own assumption for ('sessions', 'price', ...)."""
    fields = row.get("assumed_fields")
    return set(fields) if isinstance(fields, (tuple, list, set, frozenset)) else set()


def is_quote(row: RowLike) -> bool:
    """True for a row of the person's own quote."""
    kind: object = row.get("kind")
    return kind == QUOTE


def _surgical(row: RowLike) -> bool:
    category: object = row.get("category")
    invasiveness: object = row.get("invasiveness")
    return category == "surgical" or invasiveness == "surgical"


def _price_questions(row: RowLike, symbol: str) -> list[str]:
    """What the published price leaves open (a quote is the clinic's own price: nothing here)."""
    if is_quote(row):
        return []
    low, high = row.get("session_low"), row.get("session_high")
    price = session_price_text(row, symbol)
    if "price" in assumed_inputs(row):
        return [f"Is your price {price} {per_unit(row)}, as I assumed?"]
    if not known(low) and not known(high):
        return [f"What does {_one(row)} cost?"]
    if flag(row.get("session_high_open")):
        out = [
            f"Only a 'from' price is published (from {money(low, symbol)} {per_unit(row)}): what would the full price be for me?"
        ]
    elif not known(low):
        out = [f"Only an 'up to' price is published ({price} {per_unit(row)}): what would it cost for me?"]
    else:
        out = []
    categories = [row.get(f"session_{k}_category") for k in vocab.FIGURE_KINDS]
    category = next((c for c in categories if isinstance(c, str) and c), None)
    if category:
        out.append(
            f"The price shown here ({price} {per_unit(row)}) is a figure for all of “{category}”: "
            f"what is your price for {row.get('name')} itself?"
        )
    elif not out and all(
        flag(row.get(f"session_{k}_weak")) for k in vocab.FIGURE_BOUNDS if known(row.get(f"session_{k}"))
    ):
        out.append(
            f"The price shown here ({price} {per_unit(row)}) comes only from a clinic's or vendor's page: "
            "what is your price?"
        )
    if _per_course_unclear(row) and _sessions_known(row):
        out.append(f"Is your price for {_one(row)} or for the whole course of {course_text(row)}?")
    # a surgeon's fee is asked about with what it leaves out (_included_questions)
    if not out and known(low) and known(high) and float(high) > float(low) and row.get("basis") != "surgeon-fee":
        what = "your total price for the procedure" if _surgical(row) else f"your price {per_unit(row)}"
        out.append(f"What is {what} (published {price})?")
    return out


def _per_course_unclear(row: RowLike) -> bool:
    """A published price whose basis is not stated, for a course of several sessions: per session or per course?"""
    return (
        not is_quote(row)
        and "price" not in assumed_inputs(row)
        and row.get("basis") == "not-stated"
        and _several_sessions(row)
    )


def _sessions_known(row: RowLike) -> bool:
    """The course's number of sessions is published (or assumed) as one figure."""
    low, high = _sessions(row)
    return known(low) and known(high) and float(low) == float(high)


def _quoted_price(row: RowLike, symbol: str) -> str:
    """The quote's price as the clinic gave it (before any inflation adjustment)."""
    per_session = row.get("quote_price_as_quoted")
    quantity = row.get("quote_quantity")
    covers = row.get("quote_covers")
    if not known(per_session):
        return "quoted price"
    total = per_session * quantity if covers in ("session", "course") and known(quantity) else per_session
    return money(total, symbol)


def _quote_questions(row: RowLike, symbol: str) -> list[str]:
    """What a quote leaves to confirm: what it covers."""
    if not is_quote(row):
        return []
    price, covers, n = _quoted_price(row, symbol), row.get("quote_covers"), row.get("quote_quantity")
    n = int(n) if known(n) else 1
    top_up = ", and what does each top-up session cost" if row.get("maintenance") not in ("none", None) else ""
    if covers == "session" and n == 1 and _several_sessions(row):
        return [f"Is {price} the price of one session or of the course of {course_text(row)}?"]
    if covers in ("session", "course") and n > 1:
        return [f"Does {price} cover the whole course of {n} sessions{top_up}?"]
    if covers in vocab.COUNTED_UNITS:
        units = f"{n} {covers}{'' if n == 1 else 's'}"
        return [f"Does {price} for {units} cover the whole session, and how many {covers}s will I need?"]
    return []


def _included_questions(row: RowLike, symbol: str) -> list[str]:
    """What the price includes: anaesthesia and the facility for surgery, numbing cream and aftercare otherwise."""
    if row.get("category") == "topical":
        return []
    quote, basis = is_quote(row), row.get("basis")
    the_price = f"the quoted {_quoted_price(row, symbol)}" if quote else "the price"
    published = "" if quote else session_price_text(row, symbol)
    if _surgical(row):
        if basis == "surgeon-fee" and not quote:
            return [
                f"The price shown here ({published}) is the surgeon's fee only: "
                "what do anaesthesia and the facility add, and what is the total price?"
            ]
        return [f"Are anaesthesia and the facility included in {the_price}?"]
    out = []
    if basis == "surgeon-fee" and not quote and known(row.get("session_low")):
        out.append(
            f"The price shown here ({published} {per_unit(row)}) is labelled a surgeon's fee: what is the total price?"
        )
    anaesthesia = row.get("anaesthesia")  # a tuple of kinds ('none',), or a single value
    kinds = set(anaesthesia) if isinstance(anaesthesia, (tuple, list)) else {anaesthesia}
    numbing = "" if kinds == {"none"} else "numbing cream, "
    out.append(f"Does {the_price} include {numbing}aftercare and follow-up visits?")
    return out


def _session_questions(row: RowLike) -> list[str]:
    """How many sessions (and units per session) the course takes."""
    if is_quote(row) and row.get("quote_covers") == "course":
        return []  # the course as the clinic quoted it
    month = row.get("session_unit") == "month"
    what = "months of use" if month else "sessions"
    if "sessions" in assumed_inputs(row):
        out = [f"Will I need {course_text(row)}, as I assumed?"]
    else:
        low, high = _sessions(row)
        published = count_text(low, high)
        if not published:
            out = [f"How many {what} will the initial course take?"]
        elif _sessions_known(row):
            out = []
        elif _per_course_unclear(row):
            out = [
                f"Is your price for one session or for the whole course, and how many {what} will I need "
                f"(published {published})?"
            ]
        else:
            out = [f"How many {what} will I need (published {published})?"]
    unit = row.get("session_unit")
    if unit in vocab.COUNTED_UNITS and not (is_quote(row) and row.get("quote_covers") == unit):
        low, high = row.get("units_per_session_low"), row.get("units_per_session_high")
        published = count_text(low, high)
        if not published:
            out.append(f"How many {unit}s will each session use?")
        elif not (known(low) and known(high) and float(low) == float(high)):
            out.append(f"How many {unit}s will each session use (published {published})?")
    return out


def _upkeep_questions(row: RowLike) -> list[str]:
    """How often the treatment must be repeated to keep its results, and how many sessions each time."""
    assumed, maintenance = assumed_inputs(row), row.get("maintenance")
    months = count_text(row.get("results_months_low"), row.get("results_months_high"))
    out = []
    if "upkeep_months" not in assumed and maintenance in ("unknown", "as-needed") and _surgical(row):
        return ["Will I need further surgery to keep the results (a revision or a replacement), and after how long?"]
    if (
        "upkeep_months" not in assumed
        and maintenance in ("unknown", "as-needed")
        and row.get("session_unit") == "month"
    ):
        return ["Will I need to keep using it after the first course to keep the results, and for how long?"]
    if "upkeep_months" in assumed:
        out.append(f"Will I need a top-up every {months} months, as I assumed?")
    elif maintenance == "unknown":
        out.append("Will I need top-up sessions to keep the results, and how many a year?")
    elif maintenance == "as-needed":
        lasting = f" (results are published to last {months} months)" if months else ""
        out.append(f"How many top-up sessions a year do your patients need to keep the results{lasting}?")
    elif maintenance == "periodic" and not months:
        out.append("How long do the results last before a top-up is needed?")
    elif maintenance == "periodic" and row.get("results_months_low") != row.get("results_months_high"):
        out.append(f"How long do the results last for your patients (published {months} months)?")
    if "upkeep_sessions" in assumed:
        n = row.get("maintenance_sessions")
        out.append(f"Does each top-up take {_number(n)} {_plural('session', n, n)}, as I assumed?")
    elif maintenance == "periodic" and not known(row.get("maintenance_sessions")):
        out.append("How many sessions does each top-up take?")
    return out


def _downtime_questions(row: RowLike) -> list[str]:
    """Days until back to work, when what is published does not say it."""
    low, high = row.get("downtime_days_low"), row.get("downtime_days_high")
    if not known(low) and not known(high):
        if row.get("category") == "topical":  # used at home: no time off, but irritation while the skin adjusts
            return ["How long does the skin irritation usually last when I start?"]
        return ["How many days until I can go back to work?"]
    counts = DOWNTIME_COUNTS.get(row.get("downtime_measure"))
    if counts and known(high) and float(high) >= 1:
        return [f"How many days until I can go back to work (published: {count_text(low, high)} {counts})?"]
    return []


def option_questions(row: RowLike, symbol: str) -> list[str]:
    """The questions one option's (or quote's) gaps and uncertainties raise, with its own figures, in order:
    its price, what the price covers and includes, the course, the upkeep, the downtime."""
    return [
        *_price_questions(row, symbol),
        *_quote_questions(row, symbol),
        *_included_questions(row, symbol),
        *_session_questions(row),
        *_upkeep_questions(row),
        *_downtime_questions(row),
    ]


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _treatment(row: RowLike) -> str:
    """The option a row is about: a quote's treatment, or the option itself."""
    tid = row.get("treatment_id")
    return tid if isinstance(tid, str) else str(row.get("id"))


def _generic(question: str) -> bool:
    """A question without any option's own figures (the same words whichever option raises it)."""
    return _DIGIT.search(question) is None


_DIGIT = re.compile(r"\d")


# Questions that only one kind of option raises: said once for all of that kind, under this heading, when
# options of another kind are listed too.
SCOPES: dict[str, tuple[str, Callable[[RowLike], bool]]] = {
    "Are anaesthesia and the facility included in the price?": ("For surgery", lambda row: _surgical(row)),
    "Does the price include numbing cream, aftercare and follow-up visits?": (
        "For treatments other than surgery",
        lambda row: not _surgical(row),
    ),
}


def _shared(question: str, options: Sequence[tuple[str, RowLike, set[str]]]) -> str | None:
    """The question as said once for every clinic, or None when it stays with each option that raises it: it
    has no option's own figures, and every option it concerns (all, or those of its kind: SCOPES) raises it but
    at most MAX_EXCEPTIONS (named)."""
    if not _generic(question):
        return None
    label, concerns = SCOPES.get(question, ("", lambda row: True))
    scope = [(name, questions) for name, row, questions in options if concerns(row)]
    askers = [name for name, questions in scope if question in questions]
    others = [name for name, questions in scope if question not in questions]
    if len(askers) < 2 or len(others) > min(MAX_EXCEPTIONS, len(askers) - 1):
        return None
    text = f"{question.removesuffix('?')} (not for {_names(others)})?" if others else question
    return f"{label}: {text[0].lower()}{text[1:]}" if label and len(scope) < len(options) else text


def clinic_questions(rows: pd.DataFrame | Sequence[RowLike], symbol: str) -> list[Group]:
    """The questions for the options in `rows`, grouped by option in their order, none said twice where it
    need not be: a question without figures that every option (quotes aside) raises, or every option of its
    kind (SCOPES), goes once under "For every clinic" (first), also when all but at most MAX_EXCEPTIONS of them
    raise it (naming those); a quote's questions that its own option (listed too) raises are left to that
    option's group. Options with nothing left to ask are left out."""
    listed = [(str(r.get("name")), _treatment(r), r, option_questions(r, symbol)) for r in as_cells(rows)]
    options = [(name, row, set(questions)) for name, _, row, questions in listed if not is_quote(row)]
    common, moved = [], set()
    for q in dict.fromkeys(q for *_, questions in options for q in questions):
        shared = _shared(q, options)
        if shared:
            common.append(shared)
            moved.add(q)
    names = {tid: name for name, tid, row, _ in listed if not is_quote(row)}
    own = {tid: set(q) - moved for _, tid, row, q in listed if not is_quote(row)}
    groups = [Group(EVERY_CLINIC, tuple(common))] if common else []
    for name, tid, row, questions in listed:
        left = {q for q in questions if is_quote(row) and q in own.get(tid, ())}
        mine = tuple(q for q in questions if q not in moved and q not in left)
        note = f"Also ask the questions for {names[tid]}." if left else ""
        if mine or note:
            groups.append(Group(name, mine, note))
    return groups


def questions_text(groups: list[Group], about: str = "") -> str:
    """The questions as a plain text file: a title, `about` (the settings they were made for), then each
    group's heading and its questions as '- ' lines."""
    lines = ["Questions for the clinic", ""]
    if about:
        lines += [about, ""]
    if not groups:
        lines.append("No questions: every figure for the options listed is published.")
    for group in groups:
        lines.append(group.title)
        lines += [f"- {q}" for q in group.questions]
        if group.note:
            lines.append(f"  {group.note}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
