"""Facts only as their sources state them: clinic-page facts flagged wherever shown, 'long-lasting' never
read as 'no upkeep', approved uses in the concern map, and a survey of clinic pages named as one."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog, compare, price_years
from dashboard.model.filters import Filters
from dashboard.model.inflation import index_location, load_price_index
from dashboard.output import price_words, views, words
from dashboard.output.option_attributes import side_by_side_rows
from dashboard.settings import BUNDLED_DATA


@pytest.fixture(scope="module")
def bundled():
    data = open_dataset(BUNDLED_DATA)
    return data, build_catalog(data, load_price_index(index_location(BUNDLED_DATA)))


def _pairs(catalog, concern: str, tid: str, market: str = "US") -> dict[str, str]:
    comparison = compare(catalog, Filters(market=market, concern=concern, horizon=5))
    row = comparison.rows.set_index("id").loc[tid]
    return dict(side_by_side_rows(row, 5, "$"))


def test_a_repeat_interval_from_two_clinic_pages_is_used_and_flagged_weak(bundled):
    _, catalog = bundled
    pairs = _pairs(catalog, "skin-laxity", "skin-tightening-nonsurgical")
    assert pairs["Maintenance"] == "repeated every 24–36 months (clinic pages only: weak)"
    assert pairs["Results last"] == "24–36 months (clinic pages only: weak)"
    assert pairs["Upkeep over 5 years"].startswith("$")  # the repeat is counted


def test_a_clinic_figure_a_better_source_contradicts_is_not_used(bundled):
    # two clinic pages say microdermabrasion's results last about a month; stretch-mark studies still found
    # improvement weeks to months after the course, so how often it is repeated stays unpublished
    _, catalog = bundled
    pairs = _pairs(catalog, "stretch-marks", "microdermabrasion")
    assert pairs["Maintenance"] == "repeated as results fade (how often is not published)"
    assert pairs["Downtime"].endswith("(clinic pages only: weak)")


def test_a_fact_from_a_better_source_is_not_flagged(bundled):
    _, catalog = bundled
    pairs = _pairs(catalog, "stretch-marks", "laser-co2-fractional")
    assert "clinic pages only" not in pairs["Downtime"]
    assert "clinic pages only" not in pairs["Maintenance"]


def test_long_lasting_is_shown_as_no_repeat_published_never_as_no_upkeep(bundled):
    _, catalog = bundled
    pairs = _pairs(catalog, "skin-laxity", "neck-lift")
    assert pairs["Maintenance"] == "long-lasting: no repeat is published"
    assert "no upkeep" not in pairs["Maintenance"]
    # a finite duration from disagreeing clinic pages is repeated as needed, not 'none'
    assert _pairs(catalog, "fine-lines", "forehead-lift")["Maintenance"].startswith("repeated as results fade")


@pytest.mark.parametrize(
    ("concern", "treatment"),
    [
        ("fine-lines", "ha-filler"),
        ("fine-lines", "calcium-hydroxylapatite"),
        ("fine-lines", "topical-tretinoin"),
        ("redness", "ipl"),
        ("excess-skin", "brachioplasty"),
    ],
)
def test_treatments_are_offered_for_their_approved_or_reviewed_uses(bundled, concern, treatment):
    _, catalog = bundled
    comparison = compare(catalog, Filters(market="US", concern=concern, horizon=5))
    assert treatment in set(comparison.rows["id"])


def test_a_survey_names_each_clinic_page_and_how_many():
    publishers = {"a": "Clinic A", "b": "Clinic B", "c": "Clinic C"}
    assert (
        price_words.publisher_text("a;b;c", publishers)
        == "a survey of 3 clinics' own price pages (Clinic A; Clinic B; Clinic C)"
    )
    assert price_words.publisher_text("a", publishers) == "Clinic A"
    assert price_words.read_on_of("a;b", {"a": "2026-11-25", "b": "2026-12-05"}) == "2026-12-05"


def test_a_price_row_without_a_year_takes_its_pages_year(bundled):
    data, _ = bundled
    years = dict(zip(data.sources["id"], data.sources["year"], strict=True))
    undated = data.prices[data.prices["year"].isna() & data.prices["source_id"].map(lambda s: pd.notna(years.get(s)))]
    assert len(undated)  # e.g. a page reviewed in 2016 quoting a price with no year of its own
    filled = price_years(data.prices, data.sources)
    for line, row in undated.iterrows():
        assert filled.loc[line, "year"] == years[row["source_id"]]
    assert filled["year"].notna().sum() == data.prices["year"].notna().sum() + len(undated)


def test_every_published_price_marks_only_the_rows_the_figures_came_from(bundled):
    data, catalog = bundled
    row = compare(catalog, Filters(market="US", concern="eyelid-ageing", horizon=5)).rows
    items = [li.children for li in views.published_prices(row.loc["blepharoplasty-upper"], data, "US").children]
    used = [text for text in items if "— used for" in text]
    assert used and all(row.loc["blepharoplasty-upper", "basis"] == "surgeon-fee" for _ in used)
    assert all("Total price" not in text for text in used), used  # the same source's total is not the one used


def test_a_surgeons_fee_says_why_no_all_in_total_is_shown(bundled):
    _, catalog = bundled
    comparison = compare(catalog, Filters(market="US", concern="eyelid-ageing", horizon=5))
    row = comparison.rows.set_index("id").loc["blepharoplasty-upper"]
    basis = dict(side_by_side_rows(row, 5, "$"))["Price basis"]
    assert basis.startswith("Surgeon's fee only") and "no all-in total is estimated" in basis


def test_a_fact_that_is_not_published_is_not_flagged():
    row = {"weak_facts": ("results",)}
    assert words.flagged("not published whether it must be repeated", row, "results") == (
        "not published whether it must be repeated"
    )
    assert words.flagged("24–36 months", row, "results") == "24–36 months (clinic pages only: weak)"
