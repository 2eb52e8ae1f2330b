"""The summary rule for clinic prices, applied by the one SQL query (here on DuckDB)."""

import numpy as np
import pandas as pd
import pytest

from dashboard.dataset import pricelist
from dashboard.dataset.loader import read_csv_folder
from dashboard.dataset.pricelist import aggregate
from dashboard.output.price_words import spread_text

ROW = dict(
    treatment_id="microneedling",
    market="US",
    currency="USD",
    unit="session",
    basis="not-stated",
    low=np.nan,
    typical=np.nan,
    high=np.nan,
    year=2024,
    source_id="clinic-x",
    status="weak",
    quote="q",
    category_average=np.nan,
)


def frame(*rows):
    out = pd.DataFrame([{**ROW, **r} for r in rows], index=pd.Index(range(2, len(rows) + 2), name="line"))
    out["year"] = out["year"].astype("Int64")
    return out


def test_bundled_prices_stay_exactly_as_published():
    prices = read_csv_folder().prices
    summarised = aggregate(prices)
    pd.testing.assert_frame_equal(summarised.drop(columns=["rows", "region", "regions"]), prices)
    assert (summarised["rows"] == 1).all()


def test_clinic_group_becomes_10th_percentile_median_90th_percentile():
    prices = [100.0, 200.0, 300.0, 400.0, 1000.0]
    summarised = aggregate(frame(*[dict(clinic=f"c{i}", typical=p, year=2020 + i) for i, p in enumerate(prices)]))
    assert len(summarised) == 1
    row = summarised.iloc[0]
    assert row["low"] == pytest.approx(np.percentile(prices, 10))
    assert row["typical"] == pytest.approx(np.median(prices))
    assert row["high"] == pytest.approx(np.percentile(prices, 90))
    assert (row["rows"], row["year"], summarised.index[0]) == (5, 2024, 2)
    assert "5 clinic prices" in row["quote"]


def test_a_row_price_is_typical_else_a_from_price_alone():
    summarised = aggregate(frame(dict(clinic="a", typical=100.0, low=50.0, high=150.0), dict(clinic="b", low=300.0)))
    assert summarised.iloc[0]["typical"] == pytest.approx(200.0)  # median of 100 and 300: low/high of row a ignored


@pytest.mark.parametrize(
    "other",
    [
        dict(market="UK", currency="GBP"),
        dict(status="primary"),
        dict(basis="total-price"),
        dict(unit="procedure"),
        dict(category_average="Skin treatment (combination lasers)"),
    ],
)
def test_groups_do_not_mix_markets_statuses_bases_units_or_categories(other):
    summarised = aggregate(frame(dict(clinic="a", typical=1.0), dict(clinic="b", typical=2.0, **other)))
    assert list(summarised["rows"]) == [1, 1]
    assert list(summarised["typical"]) == [1.0, 2.0]


def test_clinics_from_several_pages_are_one_survey_citing_each_page_in_file_order():
    summarised = aggregate(
        frame(
            dict(clinic="a", typical=150.0, source_id="page-b"),
            dict(clinic="b", typical=200.0, source_id="page-a"),
            dict(clinic="c", typical=300.0, source_id="page-b"),
        )
    )
    row = summarised.iloc[0]
    assert row["rows"] == 3 and row["typical"] == pytest.approx(200.0)
    assert row["source_id"] == "page-b;page-a"
    assert pricelist.source_ids(row["source_id"]) == ["page-b", "page-a"]
    assert row["quote"].startswith("Survey of 3 clinics' own published prices: median")


def test_single_clinic_row_and_published_rows_stay_as_they_are():
    rows = frame(dict(clinic="a", low=90.0, typical=100.0, high=110.0), dict(low=5.0, high=9.0), dict(typical=7.0))
    summarised = aggregate(rows)
    pd.testing.assert_frame_equal(
        summarised.drop(columns=["rows", "region", "regions"]), rows.drop(columns="clinic"), check_dtype=False
    )


@pytest.mark.parametrize(
    "kind, rows, text",
    [
        ("typical", 40, "median of 40 clinic prices"),
        ("low", 1200, "10th percentile of 1,200 clinic prices"),
        ("high", 2, "90th percentile of 2 clinic prices"),
        ("typical", 1, ""),
        ("low", float("nan"), ""),
        ("high", None, ""),
    ],
)
def test_spread_text(kind, rows, text):
    assert spread_text(kind, rows) == text
