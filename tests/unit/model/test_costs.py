"""The cost model, on hand-worked examples."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model.costs import cost_table, cumulative_cost, horizon_costs, maintenance_rounds
from dashboard.model.price_combine import OrderNote, PriceNote, PriceProblem, combine_prices, session_prices
from tests.factory import PRICES, TREATMENTS, changed, write_dataset
from tests.rows import price, treatment, write_with


@pytest.mark.parametrize(
    "months, duration, rounds",
    [(60, 18, 3), (60, 6, 9), (60, 12, 4), (12, 3, 3), (12, 4, 2), (12, 18, 0), (12, 12, 0), (0, 6, 0)],
)
def test_maintenance_rounds(months, duration, rounds):
    # rounds at d, 2d, ... strictly before the horizon ends
    assert maintenance_rounds(months, duration) == rounds


def test_unknown_duration_gives_unknown_rounds():
    assert math.isnan(maintenance_rounds(60, np.nan))


def test_filler_lasting_6_to_18_months_over_5_years(small_dataset):
    # $500-$900 a syringe (typical $700), 1-2 syringes (typical 1), results 6-18 months.
    # low: lasts 18 months -> 1 + 3 top-ups of 1 syringe at $500 = $2,000;
    # high: lasts 6 months -> 1 + 9 top-ups of 2 syringes at $900 = $18,000.
    # typical: the duration is a range with no published typical, so no typical total (no midpoint).
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 5).loc["ha-filler"]
    assert (row["total_low"], row["total_high"]) == (2000, 18000)
    assert math.isnan(row["total_typical"])
    assert (row["first_year_low"], row["first_year_high"]) == (500, 3600)
    assert row["per_month_high"] == pytest.approx(18000 / 60)
    assert row["session_high_source"] == "clinic-x" and row["session_high_weak"]
    assert not row["total_open"]


def test_one_off_surgery_costs_the_same_whatever_the_horizon(small_dataset):
    one = cost_table(small_dataset.treatments, small_dataset.prices, "US", 1).loc["abdominoplasty"]
    ten = cost_table(small_dataset.treatments, small_dataset.prices, "US", 10).loc["abdominoplasty"]
    assert (one["total_low"], one["total_high"]) == (ten["total_low"], ten["total_high"]) == (8000, 13500)
    assert math.isnan(one["total_typical"])  # no typical figure published: unknown, not 0
    assert one["basis"] == "surgeon-fee"


def test_unknown_maintenance_gives_at_least_the_initial_course(small_dataset):
    # $200-$700 a session, 3-6 sessions, maintenance unknown: at least $600, upper bound open
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 3).loc["microneedling"]
    assert (row["initial_low"], row["initial_high"]) == (600, 4200)
    assert row["total_low"] == 600 and math.isnan(row["total_high"]) and row["total_open"]


def test_as_needed_maintenance_is_an_open_total_even_with_a_lower_bound_on_duration(tmp_path):
    # as-needed: repeated with no published interval; results_months_low is a study's follow-up, not a repeat interval
    needling = changed(TREATMENTS, 3, maintenance="as-needed", results_months_low="6")
    data = open_dataset(write_dataset(tmp_path, treatments=needling))
    row = cost_table(data.treatments, data.prices, "US", 3).loc["microneedling"]
    assert (row["initial_low"], row["initial_high"]) == (600, 4200)
    assert row["total_low"] == 600 and math.isnan(row["total_high"]) and row["total_open"]  # at least $600
    assert cumulative_cost(row, "low", 3)[3] == 600 and math.isnan(cumulative_cost(row, "high", 3)[3])


def test_no_price_in_market_is_unknown_not_zero(small_dataset):
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 1).loc["botulinum-toxin"]
    assert math.isnan(row["total_low"]) and row["price_rows"] == 0 and not row["total_open"]


def test_botox_uk_first_year(small_dataset):
    # results 3-4 months: low lasts 4 -> 1 + 2 rounds at 100; high lasts 3 -> 1 + 3 at 350
    row = cost_table(small_dataset.treatments, small_dataset.prices, "UK", 1).loc["botulinum-toxin"]
    assert (row["total_low"], row["total_high"]) == (300, 1400)
    assert row["currency"] == "GBP"


ROW_COLUMNS = ("treatment_id", "market", "currency", "unit", "basis", "low", "typical", "high", "year", "source_id")


def _prices(tmp_path, *rows, categories=()) -> tuple[pd.DataFrame, pd.Series]:
    """Price rows (ROW_COLUMNS and status; `categories`: their category_average, if any) as the loader
    reads them from prices.csv, with their treatment's row (no session unit) as read from treatments.csv."""
    fields = [dict(zip((*ROW_COLUMNS, "status"), r, strict=True)) for r in rows]
    for row, category in zip(fields, categories, strict=False):
        row["category_average"] = category
    tid = fields[0]["treatment_id"]
    data = open_dataset(write_with(tmp_path, treatments=[treatment(tid)], prices=[price(**f) for f in fields]))
    return data.prices[data.prices["treatment_id"] == tid], data.treatments.set_index("id", drop=False).loc[tid]


def test_newest_figure_of_each_kind_is_used_with_its_source(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "procedure", "surgeon-fee", np.nan, 8174, np.nan, 2023, "asps-2023", "corroborated"),
        ("t", "US", "USD", "procedure", "surgeon-fee", 8000, np.nan, 13500, 2024, "asps-2024", "secondary"),
        ("t", "US", "USD", "procedure", "surgeon-fee", np.nan, 6253, np.nan, 2018, "asps-2018", "primary"),
    )
    out = combine_prices(rows, t)
    assert (out["session_low"], out["session_typical"], out["session_high"]) == (8000, 8174, 13500)
    assert (out["session_low_source"], out["session_typical_source"]) == ("asps-2024", "asps-2023")


def test_total_price_is_preferred_over_surgeon_fee_and_never_mixed(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "procedure", "surgeon-fee", 8000, np.nan, 13500, 2024, "a", "secondary"),
        ("t", "US", "USD", "procedure", "total-price", np.nan, 12000, np.nan, 2020, "b", "secondary"),
    )
    out = combine_prices(rows, t)
    assert out["basis"] == "total-price"
    # a lone average stands for both bounds, labelled as such
    assert (out["session_low"], out["session_typical"], out["session_high"]) == (12000, 12000, 12000)
    assert out["session_low_how"] == out["session_high_how"] == "average"
    assert out["price_note"] == PriceNote(currency="USD", average=(12000.0, "procedure"))


def test_lone_average_times_a_session_range(tmp_path):
    # microdermabrasion: a published average of $167 a session (2020), 6-10 sessions, no typical count
    m = treatment("m", sessions_low=6, sessions_typical=np.nan, sessions_high=10, maintenance="none")
    average = price("m", typical=167, year=2020, source_id="a", status="secondary")
    data = open_dataset(write_with(tmp_path, treatments=[m], prices=[average]))
    treatments = data.treatments[data.treatments["id"] == "m"]
    per_session = session_prices(treatments, data.prices, "US")
    out = horizon_costs(treatments, per_session, 5).loc["m"]
    assert (out["initial_low"], out["initial_high"]) == (1002, 1670)  # 6 x 167, 10 x 167
    assert math.isnan(out["initial_typical"])  # no typical number of sessions is published
    assert (out["total_low"], out["total_high"]) == (1002, 1670)


def test_from_price_leaves_the_upper_bound_open(tmp_path):
    out = combine_prices(
        *_prices(tmp_path, ("t", "UK", "GBP", "session", "not-stated", 150, np.nan, np.nan, 2025, "a", "weak"))
    )
    assert out["session_low"] == 150 and math.isnan(out["session_high"]) and out["session_high_open"]
    assert (out["price_note"].from_low, out["price_note"].currency) == (150, "GBP")


def test_weak_figure_stands_in_for_a_missing_high_and_is_flagged(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "session", "not-stated", 100, 150, np.nan, 2024, "society", "primary"),
        ("t", "US", "USD", "session", "not-stated", 80, np.nan, 400, 2025, "clinic", "weak"),
    )
    out = combine_prices(rows, t)
    assert (out["session_low"], out["session_typical"], out["session_high"]) == (100, 150, 400)
    assert (out["session_low_source"], out["session_high_source"]) == ("society", "clinic")
    assert out["session_high_weak"] and not out["session_low_weak"]
    assert out["price_note"].weak == ("high",)


def test_out_of_order_figures_show_the_range_the_sources_span(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "session", "not-stated", 500, np.nan, 900, 2024, "a", "weak"),
        ("t", "US", "USD", "session", "not-stated", np.nan, 1200, np.nan, 2020, "b", "weak"),
    )
    out = combine_prices(rows, t)
    assert (out["session_low"], out["session_high"]) == (500, 1200)
    assert (out["session_low_source"], out["session_high_source"]) == ("a", "b")
    assert out["session_typical"] == 1200
    assert out["price_order_note"] == OrderNote(
        best=(("low", 500), ("typical", 1200), ("high", 900)), lowest=500, highest=1200
    )


def test_course_price_cannot_become_a_session_price(tmp_path):
    rows, t = _prices(tmp_path, ("t", "US", "USD", "course", "not-stated", 1200, np.nan, 4000, np.nan, "a", "weak"))
    out = combine_prices(rows, t)
    assert math.isnan(out["session_low"]) and out["price_rows"] == 1
    assert out["price_problem"] == PriceProblem(("course",))


def _treatment(tmp_path, **fields) -> pd.DataFrame:
    """Treatment t as the loader reads it from treatments.csv: one session, repeated every 6-12 months, then `fields`."""
    base = {
        "sessions_low": 1,
        "sessions_typical": 1,
        "sessions_high": 1,
        "maintenance": "periodic",
        "maintenance_sessions": 1,
        "results_months_low": 6,
        "results_months_high": 12,
    }
    data = open_dataset(write_with(tmp_path, treatments=[treatment("t", **{**base, **fields})]))
    return data.treatments[data.treatments["id"] == "t"]


# The per-session price table the model computes from the price rows (price_combine.session_prices).
PRICE = pd.DataFrame([{"session_low": 100.0, "session_typical": np.nan, "session_high": 200.0}], index=["t"])


def test_periodic_maintenance_range_over_two_years(tmp_path):
    # 6-12 months: low lasts 12 -> 1 round in 24 months; high lasts 6 -> 3 rounds
    out = horizon_costs(_treatment(tmp_path), PRICE, 2).loc["t"]
    assert (out["maintenance_low"], out["maintenance_high"]) == (100, 600)
    assert (out["total_low"], out["total_high"]) == (200, 800)


def test_as_needed_maintenance_is_an_open_upper_bound(tmp_path):
    # as-needed publishes no interval: at most a lower bound on how long results last
    out = horizon_costs(_treatment(tmp_path, maintenance="as-needed", results_months_high=np.nan), PRICE, 5).loc["t"]
    assert out["total_low"] == 100 and math.isnan(out["total_high"]) and out["total_open"]


def test_unknown_sessions_per_round_counts_at_least_one(tmp_path):
    out = horizon_costs(_treatment(tmp_path, maintenance_sessions=np.nan), PRICE, 2).loc["t"]
    assert out["total_low"] == 200 and out["total_open"]


def test_unpublished_session_count_is_at_least_one_session(tmp_path):
    # no upkeep (maintenance none), so no results duration either
    unpublished = dict(sessions_low=np.nan, sessions_typical=np.nan, sessions_high=np.nan, maintenance="none")
    t = _treatment(tmp_path, **unpublished, results_months_low=np.nan, results_months_high=np.nan)
    out = horizon_costs(t, PRICE, 2).loc["t"]
    assert out["initial_low"] == 100 and math.isnan(out["initial_high"]) and out["total_open"]


def test_results_lasting_at_least_a_year_give_no_upkeep_in_the_low_total(tmp_path):
    # only a lower bound on how long results last (a study's last follow-up): 12 months or more
    out = horizon_costs(_treatment(tmp_path, results_months_low=12, results_months_high=np.nan), PRICE, 3).loc["t"]
    assert out["total_low"] == 100  # results may outlast the horizon
    assert out["total_high"] == 600  # repeated at 12 and 24 months at $200


def test_cumulative_cost_by_year(small_dataset):
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 5).loc["ha-filler"]
    # low: lasts 18 months, $500 at year 0, top-ups at 18, 36 and 54 months (a top-up counts in the year it starts)
    assert cumulative_cost(row, "low", 5) == [500, 500, 1000, 1000, 1500, 2000]
    surgery = cost_table(small_dataset.treatments, small_dataset.prices, "US", 5).loc["abdominoplasty"]
    assert cumulative_cost(surgery, "low", 2) == [8000, 8000, 8000]


def test_weak_figures_only_stand_in_when_nothing_better_exists(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "UK", "GBP", "procedure", "not-stated", 4500, np.nan, 6000, np.nan, "nhs", "primary"),
        ("t", "UK", "GBP", "procedure", "total-price", 4500, np.nan, 6500, np.nan, "magazine", "weak"),
    )
    out = combine_prices(rows, t)
    assert (out["basis"], out["session_high"], out["session_high_source"]) == ("not-stated", 6000, "nhs")
    alone = combine_prices(rows.iloc[[1]], t)
    assert (alone["basis"], alone["session_high_source"]) == ("total-price", "magazine")


def test_a_category_figure_stands_in_only_when_the_treatment_has_none_of_its_own(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("ipl", "US", "USD", "session", "surgeon-fee", np.nan, 697, np.nan, 2023, "asps-2023", "secondary"),
        ("ipl", "US", "USD", "session", "surgeon-fee", np.nan, 389, np.nan, 2020, "asps-2020", "secondary"),
        categories=["Skin treatment (combination lasers)", None],
    )
    out = combine_prices(rows, t)
    # the newer 2023 figure is for all skin lasers together: the 2020 figure of the treatment itself wins
    typical = (out["session_typical"], out["session_typical_source"], out["session_typical_category"])
    assert typical == (389, "asps-2020", None)
    alone = combine_prices(rows.iloc[[0]], t)
    assert (alone["session_typical"], alone["session_typical_category"]) == (697, "Skin treatment (combination lasers)")


def test_a_category_figure_keeps_its_label_through_the_cost_table(tmp_path):
    data = open_dataset(write_dataset(tmp_path, prices=changed(PRICES, 3, category_average="Body contouring")))
    row = cost_table(data.treatments, data.prices, "US", 1).loc["abdominoplasty"]
    assert row["session_low_category"] == row["session_high_category"] == "Body contouring"
    assert row["total_low"] == 8000


def test_a_treatments_own_weak_figure_beats_a_category_figure(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("deep", "US", "USD", "session", "surgeon-fee", np.nan, 519, np.nan, 2020, "asps-2020", "secondary"),
        ("deep", "US", "USD", "session", "not-stated", 3000, np.nan, np.nan, np.nan, "magazine", "weak"),
        categories=["Chemical peel (all depths)", None],
    )
    out = combine_prices(rows, t)
    assert (out["session_low"], out["session_low_source"], out["basis"]) == (3000, "magazine", "not-stated")
    assert math.isnan(out["session_typical"])
