from pathlib import Path

import pytest

from dashboard.model.filters import (
    MAX_BUDGET,
    MAX_DOWNTIME,
    MAX_EARNINGS,
    TYPED_NUMBERS,
    URL_PARAMETERS,
    Filters,
    TypedNumber,
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


@pytest.mark.parametrize(
    "query, field, expected",
    [
        ("market=uk", "market", "UK"),
        ("market=us-ny", "market", "US-NY"),
        ("market=%20Uk%20", "market", "UK"),
        ("concern=Stretch-Marks", "concern", "stretch-marks"),
        ("concern=ALL", "concern", None),
    ],
)
def test_a_link_in_another_letter_case_is_read_as_written(query, field, expected):
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
    "typed, applied",
    [
        ("1234", 1234.0),
        ("155", 155.0),
        ("2.5", 2.5),
        ("3,000", 3000.0),
        ("1.000,50", 1000.5),
        ("-0", 0.0),
        (1234, 1234.0),
        ("", None),
    ],
)
def test_any_typed_number_is_applied_as_typed_and_kept_to_say_its_reading(typed, applied):

    filters, typed_numbers = apply_controls({"budget": typed}, Filters(budget=3000))
    assert filters.budget == applied
    assert typed_numbers == {"budget": TypedNumber("budget", "read", typed, 0, MAX_BUDGET)}


def test_a_number_not_typed_says_nothing():
    assert apply_controls({"concern": "stretch-marks"}, Filters())[1] == {}


@pytest.mark.parametrize("field", ["budget", "max_downtime", "daily_earnings"])
def test_an_ambiguous_number_is_refused_in_every_filter(field):

    previous = Filters(budget=3000, max_downtime=7)
    filters, typed_numbers = apply_controls({field: "3.000"}, previous)
    assert getattr(filters, field) == getattr(previous, field)
    assert typed_numbers[field].code == "ambiguous" and typed_numbers[field].applied == getattr(previous, field)


def test_minus_zero_is_written_as_zero_in_the_url():
    filters, _ = apply_controls({"budget": "-0", "max_downtime": "-0,0"}, Filters())
    assert filters.to_query() == "budget=0&max_downtime=0"


@pytest.mark.parametrize(
    "field, typed, bounds, applied",
    [
        ("budget", "-5", (0, MAX_BUDGET), 3000),
        ("budget", "abc", (0, MAX_BUDGET), 3000),
        ("max_downtime", "4000", (0, MAX_DOWNTIME), 7),
        ("daily_earnings", "1e9", (0, MAX_EARNINGS), None),
    ],
)
def test_a_refused_number_keeps_the_applied_value_and_says_which(field, typed, bounds, applied):

    previous = Filters(budget=3000, max_downtime=7)
    filters, typed_numbers = apply_controls({field: typed}, previous)
    assert getattr(filters, field) == getattr(previous, field)
    assert typed_numbers == {field: TypedNumber(field, "refused", typed, *bounds, applied)}


@pytest.mark.parametrize(
    "raw, field, applied",
    [
        ({"budget": "$2,000"}, "budget", 2000.0),
        ({"budget": "US$ 1,500.50"}, "budget", 1500.5),
        ({"budget": "2000 USD"}, "budget", 2000.0),
        ({"budget": "£2,000", "market": "UK"}, "budget", 2000.0),
        ({"budget": "2.000,50 GBP", "market": "uk"}, "budget", 2000.5),
        ({"daily_earnings": "£150", "market": "UK"}, "daily_earnings", 150.0),
        ({"budget": "$2,000", "market": "US-NY"}, "budget", 2000.0),
        ({"budget": "US $2,000"}, "budget", 2000.0),
        ({"budget": "2000$US"}, "budget", 2000.0),
    ],
)
def test_money_typed_with_the_markets_currency_mark_is_read_as_its_number(raw, field, applied):
    filters, typed = apply_controls(raw, Filters(budget=3000))
    assert getattr(filters, field) == applied
    assert typed[field].code == "read"


@pytest.mark.parametrize(
    "raw, field, currency",
    [
        ({"budget": "£2,000"}, "budget", "USD"),
        ({"budget": "€500", "market": "UK"}, "budget", "GBP"),
        ({"budget": "$2,000 GBP", "market": "UK"}, "budget", "GBP"),
        ({"daily_earnings": "$150", "market": "UK"}, "daily_earnings", "GBP"),
        ({"budget": "C$2,000"}, "budget", "USD"),  # another country's dollar is not the market's "$"
        ({"budget": "2,000 AU$"}, "budget", "USD"),
        ({"budget": "¥300,000"}, "budget", "USD"),
        ({"budget": "2000 CAD", "market": "UK"}, "budget", "GBP"),
        ({"daily_earnings": "₹ 5,000", "market": "UK"}, "daily_earnings", "GBP"),
        ({"budget": "2000 kr", "market": "UK"}, "budget", "GBP"),
        ({"budget": "$CA 2000"}, "budget", "USD"),
    ],
)
def test_money_marked_in_another_currency_is_refused_never_converted(raw, field, currency):
    previous = Filters(budget=3000)
    filters, typed = apply_controls(raw, previous)
    assert getattr(filters, field) == getattr(previous, field)
    assert typed[field] == TypedNumber(
        field, "currency", raw[field], *TYPED_NUMBERS[field], getattr(previous, field), currency=currency
    )


@pytest.mark.parametrize("text", ["$", "$ $", "$abc", "-$5"])
def test_a_currency_mark_without_a_number_in_range_is_refused_not_read_as_no_budget(text):
    filters, typed = apply_controls({"budget": text}, Filters(budget=3000))
    assert filters.budget == 3000
    assert typed["budget"].code == "refused"
