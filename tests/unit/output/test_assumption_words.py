"""The person's own assumptions in words: the value as typed, and on her option what it replaces."""

import pandas as pd
import pytest

from dashboard.model.assumptions import Assumed
from dashboard.output.assumption_words import assumed_text, describe, describe_value, typed_reading


def record(field, low, high, currency=None):
    return {"treatment_id": "microneedling", "field": field, "low": low, "high": high, "currency": currency}


def test_each_assumed_value_in_words():
    assert describe_value(record("sessions", 4.0, 6.0)) == "4–6 sessions"
    assert describe_value(record("upkeep_months", 6.0, 12.0)) == "repeated every 6–12 months"
    assert describe_value(record("upkeep_sessions", 1.0, 1.0)) == "1 session per maintenance round"
    assert describe_value(record("upkeep_sessions", 2.0, 2.0)) == "2 sessions per maintenance round"
    assert describe_value(record("price", 150.0, 150.0, "USD")) == "$150 a session"
    assert describe_value(record("price", 1500.0, 2500.0, "GBP")) == "£1,500–£2,500 a session"


def test_an_assumption_says_the_published_figures_it_replaces():
    row = pd.Series({"sessions_low": 6.0, "sessions_high": 10.0, "maintenance": "none", "session_low": 208.0})
    assert describe(record("sessions", 4.0, 6.0), row) == "your assumption: 4–6 sessions (replaces the published 6–10)"
    assert describe(record("price", 300.0, 300.0, "USD"), row) == (
        "your assumption: $300 a session (replaces the published 208)"
    )
    assert describe(record("upkeep_months", 6.0, 12.0), row) == (
        "your assumption: repeated every 6–12 months (replaces the published 'long-lasting')"
    )
    assert describe(record("upkeep_sessions", 1.0, 1.0), row) == "your assumption: 1 session per maintenance round"


def test_an_options_assumptions_are_joined():
    both = (Assumed("upkeep_months", 6.0, 12.0, None), Assumed("sessions", 4.0, 4.0, None, published=(3.0, 6.0)))
    assert assumed_text(both) == (
        "your assumption: repeated every 6–12 months; your assumption: 4 sessions (replaces the published 3–6)"
    )
    assert assumed_text(()) == assumed_text(None) == ""


@pytest.mark.parametrize(
    "text, field, said",
    [
        ("", "upkeep_months", ""),
        ("6", "upkeep_months", ""),  # plain digits it takes: nothing to say
        ("12,5", "upkeep_months", "Read as 12.5."),
        ("3.000", "upkeep_months", "Did you mean 3,000 or 3? Write 3000 or 3."),
        ("-3", "upkeep_months", "Maintenance repeated every (months): enter a number from 1 to 600."),
        ("0", "price", "Price per session: enter a number from 1 to 1,000,000."),
        ("every 6 months", "upkeep_months", "Maintenance repeated every (months): enter a number."),
        (
            "6–12",
            "upkeep_months",
            "Maintenance repeated every (months): one number in each box: 6 in “From”, 12 in “To”.",
        ),
        ("2.5", "sessions", "Sessions in the initial course: enter whole sessions."),
        ("2.5", "price", "Read as 2.5."),
        ("-3", None, "Read as -3."),  # no field chosen yet: only what it reads as
        (
            "$150",
            "price",
            "Price per session: type the number alone (150): the currency is chosen under “Currency (prices only)”.",
        ),
        ("12 months", "upkeep_months", "Maintenance repeated every (months): enter a number."),
    ],
)
def test_a_typed_assumption_is_said_as_add_assumption_will_take_it(text, field, said):
    assert typed_reading(text, field) == said
