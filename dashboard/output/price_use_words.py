"""The price rows the cost model leaves out, in words: the list `validate` and `load` print, one line per row
naming the rule or tie-break (model.price_use finds them)."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.dataset.problems import Problem
from dashboard.model.price_use import RowLeftOut
from dashboard.output.price_words import region_text


def left_out_problems(notes: Iterable[RowLeftOut], file: str = "prices.csv") -> list[Problem]:
    """One problem per row left out (its line in `file`), saying where it is priced and why it is not used."""
    lines = sorted((note.line, f"{_where(note)}: not used: {reason_text(note)}") for note in notes)
    return [Problem(file, line, None, message) for line, message in lines]


def _where(note: RowLeftOut) -> str:
    return f"{note.treatment_id} in {note.market}{region_text(note.region)}"


def _ref(line: int | None) -> str:
    return f"line {line}"


def reason_text(note: RowLeftOut) -> str:
    """Why the row is not used, e.g. 'line 8 gives a newer low figure'."""
    ref = f"{_ref(note.by_line)}{region_text(note.by_region)}"
    match note.reason:
        case "units_unknown":
            return f"how many {note.unit}s make one session is not published"
        case "not_converted":
            return f"a price per {note.unit} is shown but never turned into a session price"
        case "category":
            return (
                f"a figure for all of “{note.category}”; this treatment's own figures (such as {_ref(note.by_line)}) "
                "come first"
            )
        case "basis":
            return f"basis {note.basis}; {note.by_basis} rows such as {_ref(note.by_line)} come first"
        case "weak_outside":
            figures = ", ".join(dict.fromkeys(f"{value:,.0f}" for value in note.figures))
            return f"a weak figure ({figures}) outside the range the better-sourced rows give ({_bounds_text(note)})"
        case "weaker":
            return f"a weak figure, and {ref} (better sourced) gives the {note.kind} figure"
        case "older":
            return f"{ref} gives a newer {note.kind} figure"
        case "less_sure":
            return f"{ref} gives a {note.kind} figure of surer status ({note.by_status})"
        case "tie":
            year = "no year" if note.by_year is None else f"year {note.by_year}"
            return (
                f"a tie with {ref} ({year}, status {note.by_status}), settled by file order: "
                f"{_ref(note.by_line)} comes first"
            )


def _bounds_text(note: RowLeftOut) -> str:
    low, high = note.bounds
    if low is not None and high is not None:
        return f"{low:,.0f} to {high:,.0f} a session"
    return f"from {low:,.0f} a session" if low is not None else f"up to {high:,.0f} a session"
