"""The person's own assumptions in words: the value she assumed ('4–6 sessions', 'repeated every 6–12 months',
'$150 a session') and, on her option, what it replaces ('your assumption: 4–6 sessions (replaces the published
6–10)'), the label of each field, and why an assumption is refused ('Sessions in the initial course: enter whole
sessions.')."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.model.assumptions import FIELDS, Assumed, Refusal, assumed_value
from dashboard.quotes.currency_marks import split_marks
from dashboard.quotes.value_parsers import read_number, reading_words

ASSUMED = "your assumption"

# What each field of an assumption is called (assumptions.FIELDS), in the form's order.
LABELS = {
    "sessions": "Sessions in the initial course",
    "upkeep_months": "Maintenance repeated every (months)",
    "upkeep_sessions": "Sessions in each maintenance round",
    "price": "Price per session",
}

if list(LABELS) != list(FIELDS):
    raise TypeError("LABELS must have one entry per assumption field (assumptions.FIELDS), in its order")

# What is wrong with an assumption that is not about one field (Refusal.code).
_WHOLE = {
    "record": "An assumption must be a record.",
    "treatment": "Choose a treatment from the list.",
    "field": "Choose what you are assuming (sessions, maintenance interval, sessions per round or price).",
}


def refusal_text(refusal: Refusal | None) -> str:
    """Why an assumption is refused, e.g. 'Sessions in the initial course: enter a number from 1 to 100.'; ''
    for None (nothing refused)."""
    if refusal is None:
        return ""
    if refusal.code in _WHOLE:
        return _WHOLE[refusal.code]
    label = LABELS[str(refusal.field)]
    if refusal.code == "ambiguous":
        typed = str(refusal.typed)
        return f"{label}: “{typed.strip()}”: d{reading_words(typed)[1:]}"
    if refusal.code == "range":
        return f"{label}: enter a number from {refusal.lowest:,} to {refusal.highest:,}."
    said = {
        "number": "enter a number.",
        "order": "the first number must not be above the second.",
        "whole": "enter whole sessions.",
        "one": "enter one number.",
        "currency": f"choose the currency ({', '.join(vocab.CURRENCY_SYMBOL)}).",
    }[refusal.code]
    return f"{label}: {said}"


def typed_reading(text: object, field: object) -> str:
    """A number typed in the assumption form, said as it is typed, as Add assumption will take it: '' (nothing
    typed, or plain digits it takes), 'Read as 2.5.', the question for '3.000', or why Add will refuse it for the
    chosen field (`field`, a key of assumptions.FIELDS), e.g. 'Maintenance repeated every (months): enter a number
    from 1 to 600.' for '-3', '…: enter a number.' for 'every 6 months'."""
    if not isinstance(text, str) or not text.strip():
        return ""
    said = reading_words(text)
    if said and not said.startswith("Read as") or not isinstance(field, str) or field not in FIELDS:
        return said  # the question for a number that reads two ways, or no field chosen yet
    number = read_number(text)
    lowest, highest = FIELDS[field]
    low, dash, high = text.replace("–", "-").partition("-")
    ends = [end for end in (read_number(low), read_number(high)) if end is not None] if number is None and dash else []
    if len(ends) == 2:  # a range typed in one box ("6-12")
        if field == "upkeep_sessions":
            return refusal_text(Refusal("one", field))
        if not all(lowest <= end <= highest for end in ends):
            return refusal_text(Refusal("range", field, lowest, highest))
        return f"{LABELS[field]}: one number in each box: {low.strip()} in “From”, {high.strip()} in “To”."
    digits, marks, _ = split_marks(text)
    if number is None and marks and read_number(digits) is not None:  # "$150": the currency has its own box
        where = ": the currency is chosen under “Currency (prices only)”" if field == "price" else ""
        return f"{LABELS[field]}: type the number alone ({digits}){where}."
    if number is None:
        return refusal_text(Refusal("number", field))
    if not lowest <= number <= highest:
        return refusal_text(Refusal("range", field, lowest, highest))
    if field in ("sessions", "upkeep_sessions") and not number.is_integer():
        return refusal_text(Refusal("whole", field))
    return said


def _range_text(field: str, low: float, high: float, currency: str | None) -> str:
    if field == "price":
        symbol = vocab.CURRENCY_SYMBOL[str(currency)]
        text = f"{symbol}{low:,.0f}" if low == high else f"{symbol}{low:,.0f}–{symbol}{high:,.0f}"
        return f"{text} a session"
    text = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return {
        "sessions": f"{text} sessions",
        "upkeep_months": f"repeated every {text} months",
        "upkeep_sessions": f"{text} session{'s' if high != 1 else ''} per maintenance round",
    }[field]


def describe_value(record: Mapping[str, Any]) -> str:
    """The assumed value in words: '4–6 sessions', 'repeated every 6–12 months', '$150 a session'."""
    return _range_text(record["field"], record["low"], record["high"], record.get("currency"))


def assumed_words(assumed: Assumed) -> str:
    """'your assumption: 4–6 sessions (replaces the published 6–10)' for one assumption as applied."""
    text = f"{ASSUMED}: {_range_text(assumed.field, assumed.low, assumed.high, assumed.currency)}"
    if assumed.long_lasting:
        text += " (replaces the published 'long-lasting')"
    elif assumed.published:
        text += " (replaces the published " + "–".join(f"{v:,.0f}" for v in assumed.published) + ")"
    return text


def describe(record: Mapping[str, Any], row: pd.Series[Any]) -> str:
    """'your assumption: 4–6 sessions (replaces the published 6–10)' for one record and its option."""
    return assumed_words(assumed_value(record, row))


def has_assumption(value: object) -> bool:
    """Whether an option's `assumed` cell (a tuple of Assumed, or its words) holds any assumption."""
    return bool(value) if isinstance(value, (tuple, str)) else False


def assumed_text(value: object) -> str:
    """An option's assumptions (the `assumed` column: a tuple of Assumed) in words, '; '-joined; '' when none."""
    if isinstance(value, tuple):
        return "; ".join(assumed_words(a) for a in value if isinstance(a, Assumed))
    return ""
