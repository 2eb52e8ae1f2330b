"""The cost model, on hand-worked examples."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.costs import combine_prices, cost_table, cumulative_cost, maintenance_rounds


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
    # low: 1 + 3 top-ups at $500 = $2,000; typical: lasts 12 months -> 1 + 4 at $700 = $3,500;
    # high: lasts 6 months -> 1 + 9 at 2 x $900 = $18,000.
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 5).loc["ha-filler"]
    assert (row["total_low"], row["total_typical"], row["total_high"]) == (2000, 3500, 18000)
    assert (row["first_year_low"], row["first_year_typical"], row["first_year_high"]) == (500, 700, 3600)
    assert row["per_month_high"] == pytest.approx(18000 / 60)
    assert row["session_high_source"] == "clinic-x"


def test_one_off_surgery_costs_the_same_whatever_the_horizon(small_dataset):
    one = cost_table(small_dataset.treatments, small_dataset.prices, "US", 1).loc["abdominoplasty"]
    ten = cost_table(small_dataset.treatments, small_dataset.prices, "US", 10).loc["abdominoplasty"]
    assert (one["total_low"], one["total_high"]) == (ten["total_low"], ten["total_high"]) == (8000, 13500)
    assert math.isnan(one["total_typical"])  # no typical figure published: unknown, not 0
    assert one["basis"] == "surgeon-fee"


def test_unknown_maintenance_keeps_initial_course_but_total_unknown(small_dataset):
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 3).loc["microneedling"]
    assert (row["initial_low"], row["initial_high"]) == (600, 4200)  # 3 x $200, 6 x $700
    assert math.isnan(row["total_low"]) and math.isnan(row["total_high"])


def test_no_price_in_market_is_unknown_not_zero(small_dataset):
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 1).loc["botulinum-toxin"]
    assert math.isnan(row["total_low"]) and row["price_rows"] == 0


def test_botox_uk_first_year(small_dataset):
    # results 3-4 months: low lasts 4 -> 1 + 2 rounds at 100; high lasts 3 -> 1 + 3 at 350
    row = cost_table(small_dataset.treatments, small_dataset.prices, "UK", 1).loc["botulinum-toxin"]
    assert (row["total_low"], row["total_high"]) == (300, 1400)
    assert row["currency"] == "GBP"


def _prices(*rows):
    cols = ["treatment_id", "market", "currency", "unit", "basis", "low", "typical", "high", "year", "source_id", "status"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows])


TREATMENT = pd.Series({"session_unit": None, "units_per_session_low": np.nan,
                       "units_per_session_typical": np.nan, "units_per_session_high": np.nan})


def test_newest_figure_of_each_kind_is_used_with_its_source():
    rows = _prices(
        ("t", "US", "USD", "procedure", "surgeon-fee", np.nan, 8174, np.nan, 2023, "asps-2023", "corroborated"),
        ("t", "US", "USD", "procedure", "surgeon-fee", 8000, np.nan, 13500, 2024, "asps-2024", "secondary"),
        ("t", "US", "USD", "procedure", "surgeon-fee", np.nan, 6253, np.nan, 2018, "asps-2018", "primary"),
    )
    out = combine_prices(rows, TREATMENT)
    assert (out["session_low"], out["session_typical"], out["session_high"]) == (8000, 8174, 13500)
    assert (out["session_low_source"], out["session_typical_source"]) == ("asps-2024", "asps-2023")


def test_total_price_is_preferred_over_surgeon_fee_and_never_mixed():
    rows = _prices(
        ("t", "US", "USD", "procedure", "surgeon-fee", 8000, np.nan, 13500, 2024, "a", "secondary"),
        ("t", "US", "USD", "procedure", "total-price", np.nan, 12000, np.nan, 2020, "b", "secondary"),
    )
    out = combine_prices(rows, TREATMENT)
    assert out["basis"] == "total-price"
    assert math.isnan(out["session_low"]) and out["session_typical"] == 12000


def test_out_of_order_combination_falls_back_to_best_row():
    rows = _prices(
        ("t", "US", "USD", "session", "not-stated", 500, np.nan, 900, 2024, "a", "weak"),
        ("t", "US", "USD", "session", "not-stated", np.nan, 1200, np.nan, 2020, "b", "weak"),
    )
    out = combine_prices(rows, TREATMENT)
    assert (out["session_low"], out["session_high"]) == (500, 900)
    assert math.isnan(out["session_typical"])


def test_course_price_cannot_become_a_session_price():
    rows = _prices(("t", "US", "USD", "course", "not-stated", 1200, np.nan, 4000, np.nan, "a", "weak"))
    out = combine_prices(rows, TREATMENT)
    assert math.isnan(out["session_low"]) and out["price_rows"] == 1


def test_cumulative_cost_by_year(small_dataset):
    row = cost_table(small_dataset.treatments, small_dataset.prices, "US", 5).loc["ha-filler"]
    # typical: lasts 12 months; $700 at year 0, then a top-up each year
    assert cumulative_cost(row, "typical", 3) == [700, 700, 1400, 2100]
    surgery = cost_table(small_dataset.treatments, small_dataset.prices, "US", 5).loc["abdominoplasty"]
    assert cumulative_cost(surgery, "low", 2) == [8000, 8000, 8000]


def test_weak_figures_only_stand_in_when_nothing_better_exists():
    rows = _prices(
        ("t", "UK", "GBP", "procedure", "not-stated", 4500, np.nan, 6000, np.nan, "nhs", "primary"),
        ("t", "UK", "GBP", "procedure", "total-price", 4500, np.nan, 6500, np.nan, "magazine", "weak"),
    )
    out = combine_prices(rows, TREATMENT)
    assert (out["basis"], out["session_high"], out["session_high_source"]) == ("not-stated", 6000, "nhs")
    alone = combine_prices(rows.iloc[[1]], TREATMENT)
    assert (alone["basis"], alone["session_high_source"]) == ("total-price", "magazine")


def _with_category(rows, *categories):
    rows = rows.copy()
    rows["category_average"] = list(categories)
    return rows


def test_a_category_figure_stands_in_only_when_the_treatment_has_none_of_its_own():
    rows = _with_category(_prices(
        ("ipl", "US", "USD", "session", "surgeon-fee", np.nan, 697, np.nan, 2023, "asps-2023", "secondary"),
        ("ipl", "US", "USD", "session", "surgeon-fee", np.nan, 389, np.nan, 2020, "asps-2020", "secondary"),
    ), "Skin treatment (combination lasers)", None)
    out = combine_prices(rows, TREATMENT)
    # the newer 2023 figure is for all skin lasers together: the 2020 figure of the treatment itself wins
    assert (out["session_typical"], out["session_typical_source"], out["session_typical_category"]) == (389, "asps-2020", None)
    alone = combine_prices(rows.iloc[[0]], TREATMENT)
    assert (alone["session_typical"], alone["session_typical_category"]) == (697, "Skin treatment (combination lasers)")


def test_a_category_figure_keeps_its_label_through_the_cost_table(small_dataset):
    prices = small_dataset.prices.copy()
    prices["category_average"] = None
    prices.loc[prices["treatment_id"] == "abdominoplasty", "category_average"] = "Body contouring"
    row = cost_table(small_dataset.treatments, prices, "US", 1).loc["abdominoplasty"]
    assert row["session_low_category"] == row["session_high_category"] == "Body contouring"
    assert row["total_low"] == 8000


def test_a_treatments_own_weak_figure_beats_a_category_figure():
    rows = _with_category(_prices(
        ("deep", "US", "USD", "session", "surgeon-fee", np.nan, 519, np.nan, 2020, "asps-2020", "secondary"),
        ("deep", "US", "USD", "session", "not-stated", 3000, np.nan, np.nan, np.nan, "magazine", "weak"),
    ), "Chemical peel (all depths)", None)
    out = combine_prices(rows, TREATMENT)
    assert (out["session_low"], out["session_low_source"], out["basis"]) == (3000, "magazine", "not-stated")
    assert math.isnan(out["session_typical"])
