"""The bundled prices: each kind of error fixed in the second edition stays fixed, and coverage stays reached."""

import re

import pandas as pd
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model import costs, price_combine

ASPS = re.compile(r"\bASPS\b|\bASAPS\b|American Society of Plastic Surgeons|Aesthetic Society", re.I)
REALSELF_DATA = re.compile(
    r"RealSelf (?:data|figures)|reviews from RealSelf members|patient reviews|self-reported cost", re.I
)


@pytest.fixture(scope="module")
def data():
    return open_dataset()


@pytest.fixture(scope="module")
def rows(data):
    sources = data.sources.set_index("id")
    out = data.prices.copy()
    out["publisher"] = [sources.loc[s, "publisher"] for s in out["source_id"]]
    out["source_text"] = [f"{sources.loc[s, 'publisher']} {sources.loc[s, 'note'] or ''}" for s in out["source_id"]]
    return out


def test_asps_filler_averages_are_per_syringe_as_their_source_says(rows):
    lip = rows[(rows["treatment_id"] == "lip-filler") & (rows["typical"] == 743)]
    assert list(lip["unit"]) == ["syringe"] and "per syringe" in lip["quote"].iloc[0]
    non_ha = rows[rows["typical"] == 901]
    assert set(non_ha["unit"]) == {"syringe"} and len(non_ha) == 2


def test_every_figure_attributed_to_asps_keeps_the_surgeon_fee_basis(rows):
    # a figure keeps the basis of the publisher it comes from, whoever quotes it
    attributed = rows[[bool(ASPS.search(f"{q} {s}")) for q, s in zip(rows["quote"], rows["source_text"], strict=True)]]
    # patient-reported totals a page sets beside the ASPS fee are total prices
    attributed = attributed[~attributed["quote"].str.contains(REALSELF_DATA)]
    assert len(attributed) >= 40
    assert attributed.loc[attributed["basis"] != "surgeon-fee", ["treatment_id", "source_id"]].values.tolist() == []


def test_realself_patient_reported_figures_are_total_prices(rows):
    said = [f"{q} {p}" for q, p in zip(rows["quote"], rows["publisher"], strict=True)]
    patient = rows[[bool(REALSELF_DATA.search(text)) for text in said]]
    assert len(patient) >= 4
    assert set(patient["basis"]) == {"total-price"}


def test_one_average_quoted_for_several_treatments_is_labelled_a_category_average(rows):
    # an average over a merged category is no treatment's own price; a range given for a category
    # ("blepharoplasty may cost £2,000-£6,000") applies to each treatment in it and needs no label
    figure = ["source_id", "quote", "low", "typical", "high"]
    known = rows.fillna({"low": -1, "typical": -1, "high": -1})
    shared = known.groupby(figure)["treatment_id"].transform("nunique") > 1
    average_only = rows["typical"].notna() & rows["low"].isna() & rows["high"].isna()
    averages = rows[shared & average_only]
    assert len(averages) >= 10
    assert averages.loc[averages["category_average"].isna(), ["treatment_id", "source_id"]].values.tolist() == []
    lasers = rows[(rows["typical"] == 697) & (rows["source_id"] == "asps-2023-fees-afl")]
    assert set(lasers["treatment_id"]) == {"laser-hair-removal", "ipl", "laser-tattoo-removal"}
    assert lasers["category_average"].str.startswith("Skin treatment (combination lasers)").all()


@pytest.mark.parametrize(
    "treatment, source, year, low, typical, high",
    [
        ("laser-tattoo-removal", "carecredit-tattoo-removal", 2024, 272, 353, 659),  # range in a cited source
        (
            "abdominoplasty",
            "floridaindependent-asps-2020",
            2020,
            None,
            6154,
            None,
        ),  # the 2020 figure of the better source
        ("facelift", "floridaindependent-asps-2020", 2020, None, 8005, None),
        ("chemical-peel-light", "aedit-chemical-peel", 2020, None, 519, None),  # 2020, not "2023"
        ("abdominoplasty", "domanski-2012", 2011, None, 8400, None),  # patient-reported total
        ("facelift", "realself-facelift-cost", None, 5000, 12625, 32000),
    ],
)
def test_captured_figures_are_present(rows, treatment, source, year, low, typical, high):
    found = rows[
        (rows["treatment_id"] == treatment)
        & (rows["source_id"] == source)
        & (rows["market"] == "US")
        & (rows["typical"] == typical)
    ]
    assert len(found) == 1
    row = found.iloc[0]
    assert (_known(row["low"]), _known(row["high"]), _known(row["year"])) == (low, high, year)


def _known(value):
    return None if pd.isna(value) else value


def test_no_conflicting_or_mislabelled_year_remains(rows):
    assert rows[(rows["typical"] == 6092)].empty  # 2020 tummy tuck is $6,154 in the better source
    assert rows[(rows["typical"] == 519) & (rows["year"] == 2023)].empty


def test_price_coverage_by_market(data):
    ids = set(data.treatments["id"])
    assert set(data.prices.loc[data.prices["market"] == "US", "treatment_id"]) == ids
    assert len(set(data.prices.loc[data.prices["market"] == "UK", "treatment_id"])) >= 41
    us = price_combine.session_prices(data.treatments, data.prices, "US")
    for treatment in ("pulsed-dye-laser", "thread-lift", "topical-tretinoin"):
        assert us.loc[treatment, ["session_low", "session_typical", "session_high"]].notna().any(), treatment


def test_topical_tretinoin_costs_a_month_of_supply_for_each_month_of_the_course(data):
    # $15-$25 a month (a month's supply), 6 months of daily use in the stretch-mark trial
    row = costs.cost_table(data.treatments, data.prices, "US", 1).loc["topical-tretinoin"]
    assert (row["initial_low"], row["initial_high"]) == (90, 150)


def test_a_figure_for_all_dermal_fillers_is_labelled_wherever_it_prices_one(data):
    """The NHS's "from £200" is for dermal fillers in general: the UK price of each filler it stands for says so
    in the details, and on a phone card."""
    from dashboard.model.comparison import build_catalog, compare
    from dashboard.model.filters import Filters
    from dashboard.output.grid import grid_rows
    from dashboard.output.option_attributes import covers
    from dashboard.web.render import cards

    fillers = data.prices[(data.prices["source_id"] == "nhs-fillers") & (data.prices["market"] == "UK")]
    assert set(fillers["treatment_id"]) == {"ha-filler", "lip-filler", "calcium-hydroxylapatite", "poly-l-lactic-acid"}
    assert (fillers["category_average"] == "dermal fillers").all()
    comparison = compare(build_catalog(data), Filters(market="UK", concern="volume-loss"))
    label = "figure for all of “dermal fillers”, not this treatment's own price"
    assert covers(comparison.rows.loc["poly-l-lactic-acid"]) == label
    records = grid_rows(comparison, data)
    text = str(cards(records))
    assert "Price covers:** figure for all of “dermal fillers”" in text
