"""What a budget answer hinges on: conditions worked by hand, rounding at the boundary, and the same rule
applied to the person's own assumptions and quotes."""

import math

import pandas as pd
import pytest

from dashboard.model import costs, decision
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.course_words import cost_cell
from dashboard.output.decision_words import budget_answer, hinge_short

NAN = math.nan


def hinge(budget, price, course, upkeep=(0.0, 0.0), months=60.0):
    return decision.hinge(
        budget=budget,
        months=months,
        price_low=price[0],
        price_high=price[1],
        course_low=course[0],
        course_high=course[1],
        upkeep_low=upkeep[0],
        upkeep_high=upkeep[1],
    )


def test_upkeep_room_in_sessions_and_months():
    # microdermabrasion, US, 2025 dollars: $207.74 a session, a course of 6-10 ($1,246-$2,077), upkeep not
    # published. $3,000 - $2,077.40 = $922.60 left: 4 more sessions (4.44 rounded down), one every 60 / 4 = 15 months
    out = hinge(3000, (207.74, 207.74), (6, 10), (0, NAN))
    assert out["hinge"] == decision.UPKEEP_ROOM
    assert (out["hinge_extra_sessions"], out["hinge_every_months"], out["hinge_at_price"]) == (4, 15, 207.74)


def test_upkeep_room_months_round_up_and_no_room_says_so():
    # $1,000 left at $300: 3 more sessions, one every 60 / 3 = 20 months
    assert hinge(4000, (300, 300), (10, 10), (0, NAN))["hinge_every_months"] == 20
    # 7 more sessions over 5 years: one every 8.57 months is said as 9 (less often is the safe side)
    assert hinge(2100 + 7 * 100, (100, 100), (21, 21), (0, NAN))["hinge_every_months"] == 9
    # $50 left, a session costs $100: no room for a top-up
    out = hinge(1050, (100, 100), (10, 10), (0, NAN))
    assert (out["hinge"], out["hinge_extra_sessions"]) == (decision.UPKEEP_ROOM, 0)
    assert math.isnan(out["hinge_every_months"])


def test_a_straddling_price_decides():
    # 5 sessions, no upkeep, $100-$400 a session, budget $1,000: a session must cost at most $200
    out = hinge(1000, (100, 400), (5, 5))
    assert (out["hinge"], out["hinge_price"]) == (decision.PRICE, 200)
    assert math.isnan(out["hinge_price_fewest"])  # the count is fixed: nothing more to say


def test_a_straddling_session_count_decides():
    # $100 a session, 3-6 sessions, budget $450: at most 4 sessions (4.5 rounded down)
    out = hinge(450, (100, 100), (3, 6))
    assert (out["hinge"], out["hinge_sessions"], out["hinge_at_price"]) == (decision.SESSIONS, 4, 100)


def test_two_inputs_each_deciding_alone_are_both_named():
    # $100-$200 a session, 4-8 sessions, budget $1,000: at most $125 even at 8 sessions, or at most 5 even at $200
    out = hinge(1000, (100, 200), (4, 8))
    assert (out["hinge"], out["hinge_price"], out["hinge_sessions"]) == (decision.PRICE_OR_SESSIONS, 125, 5)


def test_two_inputs_deciding_together():
    # $100-$500, 5-10 sessions, budget $900: neither alone ($90 < $100; 1 < 5): at $100, at most 9 sessions
    out = hinge(900, (100, 500), (5, 10))
    assert (out["hinge"], out["hinge_sessions"], out["hinge_at_price"]) == (decision.PRICE_AND_SESSIONS, 9, 100)


@pytest.mark.parametrize(
    "budget, price, course, expected",
    [
        (3000, (150, 300), (10, 25), ("sessions", 10)),  # 3000 / 300 = 10 exactly, not 9
        (3000, (150, 150), (10, 25), ("sessions", 20)),  # 3000 / 150 = 20 exactly, not 19.999
        (1000, (100, 400), (3, 3), ("price", 333)),  # 333.33 rounded down
        (999.99, (100, 400), (3, 3), ("price", 333)),
    ],
)
def test_rounding_at_the_boundary_is_towards_the_safe_side(budget, price, course, expected):
    out = hinge(budget, price, course)
    kind, value = expected
    assert out["hinge"] in (decision.SESSIONS, decision.PRICE, decision.PRICE_OR_SESSIONS)
    assert out[f"hinge_{kind}"] == value


def test_a_from_price_is_decided_by_the_price_at_the_most_sessions():
    # only 'from $750' published, 1-2 sessions, no upkeep, budget $10,000: at most $5,000 a session at 2 sessions,
    # up to $10,000 at one
    out = hinge(10000, (750, NAN), (1, 2))
    assert (out["hinge"], out["hinge_price"], out["hinge_price_fewest"]) == (decision.PRICE, 5000, 10000)


def test_the_course_alone_over_the_budget_is_said_first(small_dataset):
    catalog = build_catalog(small_dataset)
    # abdominoplasty: $8,000-$13,500 surgeon's fee, one procedure, no upkeep: over a $5,000 budget by $3,000
    rows = compare(catalog, Filters(market="US", budget=5000, show_over_budget=True, prices_in="published")).rows
    tummy = rows.loc["abdominoplasty"]
    assert (tummy["budget_fit"], tummy["course_fit"], tummy["budget_margin"]) == ("over", "over", 3000)
    assert budget_answer(tummy, 5000, "$", 5).startswith("Over: the procedure alone ($8,000–$13,500) is above")
    # the filler's course ($500-$1,800) may exceed $1,000 on its own: said before its condition
    filler = compare(catalog, Filters(market="US", budget=1000, horizon=1, prices_in="published")).rows
    answer = budget_answer(filler.loc["ha-filler"], 1000, "$", 1)
    assert answer.startswith("May fit: the course alone ($500–$1,800) may exceed your budget.")


def test_fits_and_over_carry_their_margin(small_dataset):
    catalog = build_catalog(small_dataset)
    query = Filters(market="US", horizon=5, budget=20000, show_over_budget=True, prices_in="published")
    rows = compare(catalog, query).rows
    filler = rows.loc["ha-filler"]  # $2,000-$18,000 over 5 years
    assert (filler["budget_fit"], filler["budget_margin"]) == ("fits", 2000)
    assert "$2,000 under your budget at the high figure" in budget_answer(filler, 20000, "$", 5)
    assert hinge_short(filler, 20000, "$", 5) == "$2,000 to spare"


def test_the_seed_persons_microdermabrasion_reads_its_course_and_condition():
    row = {
        "budget_fit": "may fit",
        "course_fit": "fits",
        "initial_low": 1246.42,
        "initial_high": 2077.36,
        "initial_open": False,
        "total_low": 1246.42,
        "total_high": NAN,
        "total_open": True,
        "maintenance": "as-needed",
        "maintenance_low": 0.0,
        "maintenance_high": NAN,
        "course_sessions_low": 6,
        "course_sessions_high": 10,
        **hinge(3000, (207.736, 207.736), (6, 10), (0, NAN)),
    }
    assert cost_cell(row, "$", 5) == "at least $1,246\ncourse $1,246–$2,077 + upkeep not published"
    assert budget_answer(row, 3000, "$", 5) == (
        "May fit: the course ($1,246–$2,077) fits. It stays within $3,000 over 5 years if you need at most 4 more "
        "sessions (about one every 15 months) at up to $208 each; how often it must be repeated is not published."
    )
    assert hinge_short(row, 3000, "$", 5) == "course fits; if at most 4 more sessions at up to $208"


def test_an_assumption_enters_the_condition(small_dataset):
    catalog = build_catalog(small_dataset)
    query = Filters(market="US", horizon=3, budget=5000, prices_in="published")
    before = compare(catalog, query).rows.loc["microneedling"]
    # $200-$700, 3-6 sessions ($600-$4,200), upkeep not published: $800 left buys one more $700 session
    assert (before["hinge"], before["hinge_extra_sessions"]) == (decision.UPKEEP_ROOM, 1)
    price = [{"treatment_id": "microneedling", "field": "price", "low": 400, "high": 400, "currency": "USD"}]
    after = compare(catalog, query, assumptions=price).rows.loc["microneedling"]
    # at her own $400 a session: 6 x $400 = $2,400, so $2,600 left buys 6 more sessions, one every 6 months
    assert (after["hinge"], after["hinge_extra_sessions"], after["hinge_every_months"]) == (decision.UPKEEP_ROOM, 6, 6)


def test_a_quote_enters_the_condition(small_dataset):
    catalog = build_catalog(small_dataset)
    quote = {
        "id": "0123456789ab",
        "treatment_id": "microneedling",
        "clinic": "Clinic A",
        "price": 900.0,
        "currency": "USD",
        "covers": "course",
        "quantity": 3,
        "date": "",
    }
    rows = compare(catalog, Filters(market="US", horizon=3, budget=1500, prices_in="published"), [quote]).rows
    mine = rows.loc["quote-0123456789ab"]
    # a course of 3 for $900 is $300 a session; $600 left buys 2 more sessions over 3 years, one every 18 months
    assert (mine["course_fit"], mine["hinge"], mine["hinge_extra_sessions"]) == ("fits", decision.UPKEEP_ROOM, 2)
    assert mine["hinge_every_months"] == 18
    assert "at most 2 more sessions (about one every 18 months) at up to $300 each" in budget_answer(mine, 1500, "$", 3)


def test_no_budget_no_condition(small_dataset):
    rows = compare(build_catalog(small_dataset), Filters(market="US")).rows
    assert rows["hinge"].isna().all() and rows["course_fit"].isna().all()
    assert all(budget_answer(r, None, "$", 5) == "" for _, r in rows.iterrows())


def test_a_quote_takes_the_persons_upkeep_assumption(small_dataset):
    catalog = build_catalog(small_dataset)
    quote = {
        "id": "0123456789ab",
        "treatment_id": "microneedling",
        "clinic": "Clinic A",
        "price": 150.0,
        "currency": "USD",
        "covers": "session",
        "quantity": 1,
        "date": "",
    }
    upkeep = [
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 6, "high": 12, "currency": None},
        {"treatment_id": "microneedling", "field": "upkeep_sessions", "low": 1, "high": 1, "currency": None},
    ]
    query = Filters(market="US", horizon=5, budget=3000, prices_in="published")
    mine = compare(catalog, query, [quote], upkeep).rows.loc["quote-0123456789ab"]
    # 3-6 sessions at $150 ($450-$900), then one session every 6-12 months over 60 months: 4-9 top-ups
    assert (mine["total_low"], mine["total_high"]) == (450 + 4 * 150, 900 + 9 * 150)
    assert mine["assumed"]  # said where it is shown


def test_top_ups_as_results_fade_hinge_on_how_long_results_last():
    # the course fits ($1,000-$2,077 at $207.74, 10 sessions at most); top-ups every 6-12 months of an unpublished
    # size: 4-9 rounds over 60 months. $922 left buys 4 sessions: one a round fits only while results last
    # 60 / (4 + 1) = 12 months or more
    out = decision.hinge(
        budget=3000,
        months=60,
        price_low=207.74,
        price_high=207.74,
        course_low=6,
        course_high=10,
        upkeep_low=4,
        upkeep_high=NAN,
        results_low=6,
    )
    assert (out["hinge"], out["hinge_extra_sessions"], out["hinge_rounds_high"], out["hinge_lasting_months"]) == (
        decision.UPKEEP_ROOM,
        4,
        9,
        12,
    )
    assert math.isnan(out["hinge_every_months"])  # the interval is the results' own, not an even spread


def test_a_daily_treatment_cannot_be_used_for_more_months_than_the_horizon():
    cream = {"id": "cream", "sessions_low": 6, "sessions_typical": 6, "sessions_high": 6, "session_unit": "month"}
    frame = pd.DataFrame([{**cream, "maintenance": "unknown"}])
    prices = pd.DataFrame({"session_low": [15.0], "session_typical": [NAN], "session_high": [25.0]}, index=["cream"])
    out = costs.horizon_costs(frame, prices, 5)
    # 6 months of use at $15-$25, then at most 54 more months in 5 years: $90 to 60 x $25 = $1,500
    assert (out.at["cream", "total_low"], out.at["cream", "total_high"]) == (90, 1500)
    assert out.at["cream", "upkeep_capped"] and not out.at["cream", "total_open"]


def test_a_quote_for_several_sessions_is_the_course_as_quoted(small_dataset):
    catalog = build_catalog(small_dataset)
    # £750 a session for 3 sessions: stored as £2,250 for 3 sessions; the course is the clinic's 3, not the
    # published 3-6, and it is over a £2,000 budget
    quote = {
        "id": "0123456789ab",
        "treatment_id": "microneedling",
        "clinic": "Clinic A",
        "price": 2250.0,
        "currency": "USD",
        "covers": "session",
        "quantity": 3,
        "date": "",
    }
    query = Filters(market="US", horizon=3, budget=2000, show_over_budget=True, prices_in="published")
    mine = compare(catalog, query, [quote]).rows.loc["quote-0123456789ab"]
    assert (mine["initial_low"], mine["initial_high"], mine["total_low"]) == (2250, 2250, 2250)
    assert mine["budget_fit"] == "over"
