from pathlib import Path

import pytest

from dashboard.model.filters import (
    URL_PARAMETERS,
    Filters,
    apply_controls,
    from_query,
    parse_fields,
    rejected_fields,
)

IDS = {"ha-filler", "abdominoplasty", "botulinum-toxin"}


def test_query_round_trip():
    f = Filters(
        concern="stretch-marks",
        market="UK",
        budget=3000,
        horizon=5,
        max_downtime=14,
        max_risk=3,
        show_over_budget=True,
        categories=("surgical",),
        compare=("ha-filler", "abdominoplasty"),
        daily_earnings=150,
    )
    query = f.to_query()
    assert query == (
        "concern=stretch-marks&market=UK&horizon=5&category=surgical&budget=3000&max_downtime=14"
        "&max_risk=3&over_budget=1&compare=ha-filler,abdominoplasty&earnings=150"
    )
    assert from_query(query, IDS) == f
    assert from_query("?" + query, IDS) == f


def test_defaults_give_an_empty_query():
    assert Filters().to_query() == ""


@pytest.mark.parametrize(
    "query, field, expected",
    [
        ("budget=-5", "budget", None),
        ("budget=abc", "budget", None),
        ("budget=nan", "budget", None),
        ("budget=1e400", "budget", None),
        ("budget=1,500", "budget", 1500),
        ("horizon=0", "horizon", 1),
        ("horizon=11", "horizon", 1),
        ("horizon=2.5", "horizon", 1),
        ("market=FR", "market", "US"),
        ("concern=<script>", "concern", None),
        ("max_risk=9", "max_risk", 5),
        ("over_budget=yes", "show_over_budget", False),
        ("compare=ha-filler,unknown,ha-filler,abdominoplasty", "compare", ("ha-filler", "abdominoplasty")),
        ("compare=" + ",".join(["ha-filler"] * 500), "compare", ()),
        ("category=surgical,spa", "categories", ("surgical",)),
        ("earnings=-1", "daily_earnings", None),
    ],
)
def test_invalid_query_values_fall_back_to_defaults(query, field, expected):
    assert getattr(from_query(query, IDS), field) == expected


@pytest.mark.parametrize("query", [None, 42, "a" * 5000, "&".join(f"x{i}=1" for i in range(100)), "%%%&&&==="])
def test_hostile_query_strings_give_defaults(query):
    assert from_query(query, IDS) == Filters()


def test_controls_values_parse_like_the_url():
    raw = {
        "concern": "all",
        "market": "UK",
        "budget": 2500,
        "horizon": 3,
        "max_downtime": None,
        "max_risk": 4,
        "show_over_budget": True,
        "categories": ["injectable"],
        "compare": ["ha-filler"],
        "daily_earnings": None,
    }
    f = parse_fields(raw, IDS)
    assert f == Filters(
        concern=None,
        market="UK",
        budget=2500,
        horizon=3,
        max_risk=4,
        show_over_budget=True,
        categories=("injectable",),
        compare=("ha-filler",),
    )


@pytest.mark.parametrize("value", [True, [1], {"$gt": 1}, float("nan"), float("inf"), "9" * 30])
def test_controls_reject_wrong_types(value):
    assert parse_fields({"budget": value, "horizon": value, "market": value}, IDS) == Filters()


def test_rejected_fields_names_what_was_invalid():
    assert rejected_fields({"budget": "abc", "horizon": "3", "concern": "hair-loss-x"}) == ["budget", "concern"]


def test_every_url_parameter_is_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    for name in URL_PARAMETERS:
        assert f"`{name}`" in readme, name


@pytest.mark.parametrize(
    "typed, applied, said",
    [
        ("1234", 1234.0, None),
        ("155", 155.0, None),
        ("2.5", 2.5, "Read as 2.5."),
        ("3,000", 3000.0, "Read as 3,000."),
        ("1.000,50", 1000.5, "Read as 1,000.5."),
        ("-0", 0.0, "Read as 0."),
        (1234, 1234.0, None),
        ("", None, None),
    ],
)
def test_any_typed_number_is_applied_as_typed_and_its_reading_said(typed, applied, said):

    filters, messages = apply_controls({"budget": typed}, Filters(budget=3000))
    assert filters.budget == applied and messages == ({"budget": said} if said else {})


@pytest.mark.parametrize("field", ["budget", "max_downtime", "daily_earnings"])
def test_an_ambiguous_number_is_refused_in_every_filter_with_both_readings(field):

    filters, messages = apply_controls({field: "3.000"}, Filters(budget=3000, max_downtime=7))
    assert getattr(filters, field) == getattr(Filters(budget=3000, max_downtime=7), field)
    assert messages[field].startswith("“3.000”: did you mean 3,000 or 3? Write 3000 or 3. Applied: ")


def test_minus_zero_is_written_as_zero_in_the_url():
    filters, _ = apply_controls({"budget": "-0", "max_downtime": "-0,0"}, Filters())
    assert filters.to_query() == "budget=0&max_downtime=0"


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("budget", "-5", "“-5” is not a number from 0 to 10,000,000. Applied: 3,000."),
        ("budget", "abc", "“abc” is not a number from 0 to 10,000,000. Applied: 3,000."),
        ("max_downtime", "4000", "“4000” is not a number of days from 0 to 3,650. Applied: 7."),
        ("daily_earnings", "1e9", "“1e9” is not a number from 0 to 100,000. Applied: not set."),
    ],
)
def test_a_refused_number_keeps_the_applied_value_and_says_so(field, typed, message):

    previous = Filters(budget=3000, max_downtime=7)
    filters, messages = apply_controls({field: typed}, previous)
    assert getattr(filters, field) == getattr(previous, field)
    assert messages == {field: message}
