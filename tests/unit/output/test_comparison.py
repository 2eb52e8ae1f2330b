import math

import numpy as np
import pandas as pd
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog, compare, crossover, pareto_front
from dashboard.model.explain import budget_fit
from dashboard.model.filters import Filters
from dashboard.model.row import FITS, MAY_FIT, NO_PRICE, OVER
from dashboard.output.cumulative import crossover_sentence
from tests.factory import TREATMENTS, changed, write_dataset


@pytest.mark.parametrize(
    "low, high, budget, expected",
    [
        (100, 200, 300, FITS),
        (100, 200, 200, FITS),  # upper bound exactly at the budget
        (100, 400, 300, MAY_FIT),  # straddles
        (300, 400, 300, MAY_FIT),  # lower bound exactly at the budget
        (301, 500, 300, OVER),
        (400, 500, 300, OVER),
        (np.nan, np.nan, 300, NO_PRICE),
        (100, np.nan, 300, MAY_FIT),  # "at least 100": upper bound open
        (400, np.nan, 300, OVER),  # "at least 400" is already over
        (np.nan, 200, 300, FITS),
        (np.nan, 500, 300, MAY_FIT),
    ],
)
def test_budget_fit(low, high, budget, expected):
    fit = budget_fit(pd.Series([low], dtype="float64"), pd.Series([high], dtype="float64"), budget)
    assert fit.iloc[0] == expected


def test_no_budget_means_no_fit():
    assert budget_fit(pd.Series([1.0]), pd.Series([2.0]), None).isna().all()


def test_pareto_front():
    idx = ["cheap-slow", "dear-quick", "dominated", "unknown", "safest"]
    cost = pd.Series([100, 1000, 1200, np.nan, 5000], index=idx, dtype="float64")
    downtime = pd.Series([14, 0, 7, 0, 30], index=idx, dtype="float64")
    risk = pd.Series([2, 2, 3, 1, 1], index=idx, dtype="float64")
    front = pareto_front(cost, downtime, risk)
    assert front.to_dict() == {
        "cheap-slow": True,
        "dear-quick": True,
        "dominated": False,
        "unknown": False,
        "safest": True,
    }


def test_equal_options_are_both_on_the_front():
    s = pd.Series([1.0, 1.0], index=["a", "b"])
    assert pareto_front(s, s, s).all()


def test_concern_and_budget_change_rows_and_hidden_count(small_dataset):
    catalog = build_catalog(small_dataset)
    everything = compare(catalog, Filters(market="US"))
    assert len(everything.rows) == 4 and everything.hidden_over_budget == 0
    stretch = compare(catalog, Filters(market="US", concern="stretch-marks"))
    assert set(stretch.rows.index) == {"abdominoplasty", "microneedling"}
    tight = compare(catalog, Filters(market="US", concern="stretch-marks", budget=5000))
    assert list(tight.rows.index) == ["microneedling"]  # at least $600, upkeep unknown: may fit
    assert tight.rows.loc["microneedling", "budget_fit"] == MAY_FIT
    # the course ($200-$700 x 3-6 = $600-$4,200) fits; $800 left buys at most one more $700 session
    needling = tight.rows.loc["microneedling"]
    assert (needling["course_fit"], needling["hinge"], needling["hinge_extra_sessions"]) == (FITS, "upkeep room", 1)
    assert tight.hidden_over_budget == 1
    shown = compare(catalog, Filters(market="US", concern="stretch-marks", budget=5000, show_over_budget=True))
    assert shown.rows.loc["abdominoplasty", "budget_fit"] == OVER and shown.hidden_over_budget == 0


def test_downtime_risk_and_category_caps(small_dataset):
    catalog = build_catalog(small_dataset)
    rows = compare(catalog, Filters(max_downtime=7)).rows
    assert "abdominoplasty" not in rows.index and "microneedling" in rows.index  # unknown downtime stays
    assert set(compare(catalog, Filters(max_risk=2)).rows.index) == {"botulinum-toxin", "microneedling"}
    assert set(compare(catalog, Filters(categories=("surgical",))).rows.index) == {"abdominoplasty"}


def test_lost_pay_is_separate_from_price(small_dataset):
    row = compare(build_catalog(small_dataset), Filters(market="US", daily_earnings=200)).rows.loc["abdominoplasty"]
    assert (row["lost_pay_low"], row["lost_pay_high"]) == (2800, 5600)
    assert (row["total_low"], row["with_time_off_low"]) == (8000, 10800)
    none = compare(build_catalog(small_dataset), Filters(market="US")).rows.loc["abdominoplasty"]
    assert math.isnan(none["lost_pay_low"]) and math.isnan(none["with_time_off_high"])


def test_crossover_sentence_names_the_year():
    years = [0, 1, 2, 3, 4, 5]
    toxin = [435, 1740, 3045, 4350, 5655, 6960]
    brow = [5000] * 6
    found = crossover(years, toxin, brow)
    assert crossover_sentence(found, "Botulinum toxin", "Brow lift") == (
        "After about 4 years, Botulinum toxin has cost more than Brow lift"
    )
    found = crossover(years, brow, toxin)
    assert crossover_sentence(found, "Brow lift", "Botulinum toxin") == (
        "After about 4 years, Botulinum toxin has cost more than Brow lift"
    )
    assert crossover(years, [1] * 6, [2] * 6) is None


def test_crossover_year_and_which_option_overtakes():

    assert crossover([0, 1, 2, 3], [100, 200, 300, 400], [250, 250, 250, 250]) == (2, 0)
    assert crossover([0, 1, 2, 3], [250, 250, 250, 250], [100, 200, 300, 400]) == (2, 1)
    assert crossover([0, 1], [1, 1], [float("nan"), 2]) is None


def test_lost_pay_from_an_up_to_downtime_and_an_unknown_one(tmp_path):
    up_to_2_days = changed(TREATMENTS, 3, downtime_days_low="", downtime_days_high="2")  # microneedling
    data = open_dataset(write_dataset(tmp_path, treatments=up_to_2_days))
    rows = compare(build_catalog(data), Filters(market="US", horizon=3, daily_earnings=100)).rows
    needling = rows.loc["microneedling"]  # at least $600; downtime "up to 2 days"
    assert (needling["lost_pay_low"], needling["lost_pay_high"]) == (0, 200)
    assert needling["with_time_off_low"] == 600 and math.isnan(needling["with_time_off_high"])
