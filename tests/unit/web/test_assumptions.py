"""The user's own assumptions: validated like any input, applied to the model, marked wherever used."""

import math

import pytest

from dashboard.model.assumptions import Refusal, parse, validate_stored
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.assumption_words import assumed_text, refusal_text, typed_reading
from dashboard.web.assumption_panel import apply_action

IDS = {"microneedling", "ha-filler", "botulinum-toxin", "abdominoplasty"}


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"treatment_id": "nope", "field": "sessions", "low": 3}, "Choose a treatment"),
        ({"treatment_id": "microneedling", "field": "colour", "low": 3}, "Choose what you are assuming"),
        ({"treatment_id": "microneedling", "field": "sessions", "low": "three"}, "enter a number"),
        ({"treatment_id": "microneedling", "field": "sessions", "low": 0}, "from 1 to 100"),
        ({"treatment_id": "microneedling", "field": "sessions", "low": 2.5}, "whole sessions"),
        ({"treatment_id": "microneedling", "field": "sessions", "low": 6, "high": 3}, "must not be above"),
        ({"treatment_id": "microneedling", "field": "upkeep_months", "low": float("nan")}, "enter a number"),
        ({"treatment_id": "microneedling", "field": "upkeep_sessions", "low": 1, "high": 2}, "one number"),
        ({"treatment_id": "microneedling", "field": "price", "low": 100, "currency": "EUR"}, "currency"),
        ("not a record", "must be a record"),
    ],
)
def test_bad_assumptions_are_refused_with_a_reason(raw, message):
    record, refusal = parse(raw, IDS)
    assert record is None and message in refusal_text(refusal)


@pytest.mark.parametrize(
    "raw, refusal, said",
    [
        ("not a record", Refusal("record"), "An assumption must be a record."),
        (
            {"treatment_id": "microneedling", "field": "sessions", "low": 0},
            Refusal("range", "sessions", 1, 100),
            ("Sessions in the initial course: enter a number from 1 to 100."),
        ),
        (
            {"treatment_id": "microneedling", "field": "upkeep_months", "low": "3.000"},
            Refusal("ambiguous", "upkeep_months", typed="3.000"),
            "Maintenance repeated every (months): “3.000”: did you mean 3,000 or 3? Write 3000 or 3.",
        ),
        (
            {"treatment_id": "microneedling", "field": "price", "low": 100},
            Refusal("currency", "price"),
            ("Price per session: choose the currency (USD, GBP)."),
        ),
    ],
)
def test_the_model_says_why_with_a_code_and_output_in_words(raw, refusal, said):
    assert parse(raw, IDS) == (None, refusal)
    assert refusal_text(refusal) == said
    assert apply_action("add", [], IDS, form=raw) == ([], [f"Not added: {said}"])


def test_stored_assumptions_are_checked_again_and_later_ones_win():
    stored = [
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 6, "high": 12},
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 3, "high": 3},
        {"treatment_id": "forged", "field": "sessions", "low": 1},
        {"__proto__": 1},
    ]
    assert validate_stored(stored, IDS) == [
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 3.0, "high": 3.0, "currency": None}
    ]
    assert validate_stored("nonsense", IDS) == []


def test_an_assumption_turns_at_least_into_a_range_and_is_marked(small_dataset):
    catalog = build_catalog(small_dataset)
    before = compare(catalog, Filters(market="US", horizon=3)).rows.loc["microneedling"]
    assert before["total_low"] == 600 and math.isnan(before["total_high"])
    assert before["missing_inputs"] == ("repeat",)  # whether and how often it is repeated is not published
    assumed = [
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 6, "high": 12, "currency": None},
        {"treatment_id": "microneedling", "field": "upkeep_sessions", "low": 1, "high": 1, "currency": None},
    ]
    row = compare(catalog, Filters(market="US", horizon=3), assumptions=assumed).rows.loc["microneedling"]
    # $200-$700 a session, 3-6 sessions; repeated every 6-12 months over 36 months, 1 session each time:
    # low: lasts 12 -> 2 rounds x $200 = $400 + $600; high: lasts 6 -> 5 rounds x $700 = $3,500 + $4,200
    assert (row["total_low"], row["total_high"]) == (1000, 7700)
    assert assumed_text(row["assumed"]) == (
        "your assumption: repeated every 6–12 months; your assumption: 1 session per maintenance round"
    )
    assert row["missing_inputs"] == ()  # neither how often nor how many sessions a round is missing now


def test_a_price_assumption_fills_a_missing_price_and_only_in_its_currency(small_dataset):
    catalog = build_catalog(small_dataset)
    price = [{"treatment_id": "botulinum-toxin", "field": "price", "low": 300, "high": 300, "currency": "USD"}]
    us = compare(catalog, Filters(market="US", horizon=1), assumptions=price).rows.loc["botulinum-toxin"]
    # 1 session + 2 or 3 top-ups (results last 3-4 months) at $300
    assert (us["total_low"], us["total_high"]) == (900, 1200)
    assert us["basis"] == "your-assumption" and assumed_text(us["assumed"]) == "your assumption: $300 a session"
    uk = compare(catalog, Filters(market="UK", horizon=1), assumptions=price).rows.loc["botulinum-toxin"]
    assert uk["assumed"] == () and uk["basis"] == "not-stated"


def test_assumptions_for_two_options_apply_to_both(small_dataset):
    # two options assumed at once used to stop the comparison (a pandas error on the whole-frame assignment)
    catalog = build_catalog(small_dataset)
    both = [
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 6, "high": 12, "currency": None},
        {"treatment_id": "microneedling", "field": "upkeep_sessions", "low": 1, "high": 1, "currency": None},
        {"treatment_id": "botulinum-toxin", "field": "price", "low": 300, "high": 300, "currency": "USD"},
    ]
    rows = compare(catalog, Filters(market="US", horizon=3), assumptions=both).rows
    alone = [compare(catalog, Filters(market="US", horizon=3), assumptions=both[:2]).rows.loc["microneedling"]]
    alone.append(compare(catalog, Filters(market="US", horizon=3), assumptions=both[2:]).rows.loc["botulinum-toxin"])
    for row in alone:
        got = rows.loc[row.name]
        assert (got["total_low"], got["total_high"], got["assumed"]) == (
            row["total_low"],
            row["total_high"],
            row["assumed"],
        )
        assert got["assumed_fields"] == row["assumed_fields"]
    assert rows.loc["microneedling", "assumed_fields"] == ("upkeep_months", "upkeep_sessions")


def test_an_assumption_that_replaces_a_published_figure_says_so(small_dataset):
    catalog = build_catalog(small_dataset)
    sessions = [{"treatment_id": "microneedling", "field": "sessions", "low": 4, "high": 4, "currency": None}]
    row = compare(catalog, Filters(market="US"), assumptions=sessions).rows.loc["microneedling"]
    assert assumed_text(row["assumed"]) == "your assumption: 4 sessions (replaces the published 3–6)"
    assert (row["initial_low"], row["initial_high"]) == (800, 2800)


def test_panel_actions_add_replace_remove_and_clear():
    form = {"treatment_id": "microneedling", "field": "upkeep_months", "low": "6", "high": "12", "currency": "USD"}
    saved, messages = apply_action("add", [], IDS, form=form)
    assert messages == ["Assumption added."] and saved[0]["low"] == 6.0 and saved[0]["currency"] is None
    again, messages = apply_action("add", saved, IDS, form={**form, "low": "3"})
    assert messages == ["Assumption replaced."] and len(again) == 1 and again[0]["low"] == 3.0
    unchanged, messages = apply_action("add", again, IDS, form={**form, "low": "-1"})
    assert unchanged == again and messages[0].startswith("Not added:")
    assert apply_action("remove", again, IDS, remove_index=0) == ([], ["Assumption removed."])
    assert apply_action("remove", again, IDS, remove_index="0") == (again, [])
    assert apply_action("clear", again, IDS)[0] == []


@pytest.mark.parametrize(
    "field, low, said",
    [("upkeep_months", "6-12", "Maintenance repeated every (months): one number in each box: 6 in “From”, 12 in “To”."),
     ("upkeep_sessions", "1-2", "Sessions in each maintenance round: enter one number."),
     ("sessions", "0-5", "Sessions in the initial course: enter a number from 1 to 100."),
     ("upkeep_months", "every 6", "Maintenance repeated every (months): enter a number.")],
)  # fmt: skip
def test_add_refuses_a_range_in_one_box_with_what_its_reading_line_said(field, low, said):
    form = {"treatment_id": "microneedling", "field": field, "low": low}
    assert typed_reading(low, field) == said
    assert apply_action("add", [], IDS, form=form) == ([], [f"Not added: {said}"])
