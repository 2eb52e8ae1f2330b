import pytest

from dashboard.model.filters import Filters, apply_controls
from dashboard.output.filter_words import describe, typed_messages


def test_describe_in_words():
    f = Filters(concern="stretch-marks", market="US", budget=3000, horizon=5)
    assert describe(f) == "concern Stretch marks; market US; horizon 5 years; budget 3,000 USD"


def test_minus_zero_is_written_as_zero_in_the_words():
    filters, _ = apply_controls({"budget": "-0", "max_downtime": "-0,0"}, Filters())
    assert "-0" not in describe(filters)


@pytest.mark.parametrize(
    "typed, said",
    [
        ("1234", None),
        ("155", None),
        ("2.5", "Read as 2.5."),
        ("3,000", "Read as 3,000."),
        ("1.000,50", "Read as 1,000.5."),
        ("-0", "Read as 0."),
        (1234, None),
        ("", None),
    ],
)
def test_a_typed_number_says_what_it_was_read_as(typed, said):
    _, typed_numbers = apply_controls({"budget": typed}, Filters(budget=3000))
    assert typed_messages(typed_numbers) == ({"budget": said} if said else {})


@pytest.mark.parametrize("field", ["budget", "max_downtime", "daily_earnings"])
def test_an_ambiguous_number_is_refused_in_every_filter_with_both_readings(field):
    _, typed_numbers = apply_controls({field: "3.000"}, Filters(budget=3000, max_downtime=7))
    assert typed_messages(typed_numbers)[field].startswith(
        "“3.000”: did you mean 3,000 or 3? Write 3000 or 3. Applied: "
    )


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("budget", "-5", "“-5” is not a number from 0 to 10,000,000. Applied: 3,000."),
        ("budget", "abc", "“abc” is not a number from 0 to 10,000,000. Applied: 3,000."),
        ("max_downtime", "4000", "“4000” is not a number of days from 0 to 3,650. Applied: 7."),
        ("daily_earnings", "1e9", "“1e9” is not a number from 0 to 100,000. Applied: not set."),
        (
            "budget",
            "a very long text typed here",
            "“a very long text typ” is not a number from 0 to 10,000,000. Applied: 3,000.",
        ),
    ],
)
def test_a_refused_number_says_why_and_which_value_applies(field, typed, message):
    _, typed_numbers = apply_controls({field: typed}, Filters(budget=3000, max_downtime=7))
    assert typed_messages(typed_numbers) == {field: message}


@pytest.mark.parametrize(
    "raw, field, message",
    [
        (
            {"budget": "£2,000"},
            "budget",
            "“£2,000”: this market's amounts are in USD ($) and are never converted; type the budget in USD. "
            "Applied: $3,000.",
        ),
        (
            {"daily_earnings": "$150", "market": "UK"},
            "daily_earnings",
            "“$150”: this market's amounts are in GBP (£) and are never converted; type your daily earnings in GBP. "
            "Applied: not set.",
        ),
        ({"budget": "$2.000"}, "budget", "“$2.000”: did you mean 2,000 or 2? Write 2000 or 2. Applied: 3,000."),
        ({"budget": "$2,500.50"}, "budget", "Read as 2,500.5."),
    ],
)
def test_money_with_a_currency_mark_says_how_it_was_taken(raw, field, message):
    _, typed_numbers = apply_controls(raw, Filters(budget=3000))
    assert typed_messages(typed_numbers) == {field: message}
