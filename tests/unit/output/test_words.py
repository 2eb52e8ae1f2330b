"""Plain words for the dataset's codes, and the banner's sentence about the price bases shown."""

import math
import re

import pandas as pd
import pytest

from dashboard import vocab
from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.model.inflation import index_location, load_price_index
from dashboard.output import grid, words
from dashboard.output.option_attributes import side_by_side_rows

CODE_COLUMNS = ("category", "invasiveness", "performed_by", "anaesthesia", "maintenance", "downtime_measure")


@pytest.mark.parametrize("name", sorted(words.TABLES))
def test_every_code_of_each_vocabulary_has_words(name):
    table, codes = words.TABLES[name]
    assert set(table) == set(codes), f"{name}: words for {set(codes) - set(table)} missing"
    assert all(isinstance(text, str) and text and text not in codes for text in table.values())


def test_the_tables_cover_every_vocabulary_a_person_reads():
    covered = {codes for _, codes in words.TABLES.values()}
    for codes in (
        vocab.DOWNTIME_MEASURES,
        vocab.MAINTENANCE,
        vocab.INVASIVENESS,
        vocab.PERFORMERS,
        vocab.ANAESTHESIA,
        vocab.CATEGORIES,
    ):
        assert codes in covered


@pytest.mark.parametrize(
    "low, high, measure, expected",
    [
        (7.0, 14.0, "skin-healing", "7–14 days until the skin has healed"),
        (0.0, 0.0, "back-to-work", "0 days off work"),
        (math.nan, 10 / 24, "side-effects", "up to 10 hours of visible side effects"),
        (0.0, 0.0, "normal-activity", "0 days until back to normal activities"),
        (3.0, 5.0, "social", "3–5 days until presentable in public"),
        (14.0, 14.0, "recovery", "14 days of recovery"),
        (1.0, 1.0, "back-to-work", "1 day off work"),
        (math.nan, 2.0, "side-effects", "up to 2 days of visible side effects"),
        (math.nan, math.nan, math.nan, "not published"),
    ],
)
def test_downtime_says_what_the_number_counts(low, high, measure, expected):
    assert words.downtime_text(low, high, measure) == expected


def test_downtime_tooltip_says_what_it_counts_and_that_options_differ():
    tip = words.downtime_tip("back-to-work")
    assert "days off work" in tip and "measure downtime differently" in tip and "back-to-work" not in tip
    assert words.downtime_tip(math.nan) == "Downtime is not published for this option"


@pytest.mark.parametrize(
    "maintenance, low, high, expected",
    [
        ("none", math.nan, math.nan, "long-lasting: no repeat is published"),
        ("periodic", 6.0, 12.0, "repeated every 6–12 months"),
        ("periodic", 3.0, 3.0, "repeated every 3 months"),
        ("periodic", math.nan, 24.0, "repeated within 24 months"),
        ("as-needed", 12.0, math.nan, "repeated as results fade (how often is not published)"),
        ("unknown", math.nan, math.nan, "not published whether it must be repeated"),
    ],
)
def test_maintenance_in_words(maintenance, low, high, expected):
    row = {"maintenance": maintenance, "results_months_low": low, "results_months_high": high}
    assert words.maintenance_text(row) == expected


@pytest.mark.parametrize(
    "function, value, expected",
    [
        (words.invasiveness_text, "surgical", "Surgery: an operation with cuts (incisions)"),
        (words.invasiveness_text, "non-invasive", "Non-invasive: nothing goes through the skin"),
        (words.performed_by_text, ("plastic-surgeon",), "A plastic surgeon"),
        (words.performed_by_text, ("nurse", "physician"), "A nurse or a doctor"),
        (words.performed_by_text, (), "not published"),
        (words.anaesthesia_text, ("topical",), "Numbing cream"),
        (
            words.anaesthesia_text,
            ("general", "local", "sedation"),
            "Local anaesthetic (the area is numbed; you stay awake), sedation (drowsy and relaxed, not fully "
            "asleep) or general anaesthetic (fully asleep)",
        ),
        (words.anaesthesia_text, math.nan, "not published"),
        (words.category_text, "laser-light", "Laser or light treatment"),
    ],
)
def test_who_performs_it_how_invasive_and_the_anaesthesia_in_words(function, value, expected):
    assert function(value) == expected


def _rows(*pairs):
    return pd.DataFrame({"name": [n for n, _ in pairs], "basis": [b for _, b in pairs]})


@pytest.mark.parametrize(
    "pairs, expected",
    [
        (
            [
                ("Microdermabrasion", "surgeon-fee"),
                ("Intense pulsed light", "surgeon-fee"),
                ("Tummy tuck", "total-price"),
                ("Peel", "total-price"),
                ("Laser", "not-stated"),
                ("Filler", "total-price"),
            ],
            "2 of the 6 options shown are priced from a surgeon's fee only (no anaesthesia or facility): "
            "Microdermabrasion, Intense pulsed light. Of the rest, 3 are priced as total prices and 1 has a price whose "
            "source does not say what it includes.",
        ),
        (
            [("Tummy tuck", "total-price"), ("Peel", "total-price")],
            "All 2 options shown are priced as total prices.",
        ),
        (
            [("Tummy tuck", "total-price"), ("Filler", "not-stated"), ("Toxin", None)],
            "Of the 2 options shown with a price, 1 is priced as a total price and 1 has a price whose source does "
            "not say what it includes.",
        ),
        (
            [("Facelift", "surgeon-fee")],
            "The one option shown is priced from a surgeon's fee only (no anaesthesia or facility): Facelift.",
        ),
        (
            [("Facelift", "surgeon-fee"), ("Facelift at Clinic A", "your-quote"), ("Peel", "your-assumption")],
            "1 of the 3 options shown is priced from a surgeon's fee only (no anaesthesia or facility): Facelift. "
            "Of the rest, 1 is your quote and 1 uses your price per session.",
        ),
        ([("Toxin", None)], ""),
    ],
)
def test_banner_states_the_price_bases_shown(pairs, expected):
    assert words.price_basis_note(_rows(*pairs)) == expected


def test_banner_names_four_surgeons_fees_and_counts_the_rest():
    note = words.price_basis_note(_rows(*[(f"Operation {i}", "surgeon-fee") for i in range(1, 8)]))
    assert note.endswith("Operation 1, Operation 2, Operation 3, Operation 4 and 3 more.")


def test_banner_without_surgeons_fees_says_nothing_about_them():
    note = words.price_basis_note(_rows(("Peel", "total-price"), ("Laser", "not-stated")))
    assert "surgeon" not in note.lower() and note


@pytest.fixture(scope="module")
def bundled():
    data = open_dataset()
    return data, build_catalog(data, load_price_index(index_location(None)))


def test_no_code_of_the_bundled_data_reaches_the_details(bundled):
    data, catalog = bundled
    table = compare(catalog, Filters(market="US", horizon=5)).table
    codes = {c for _, values in words.TABLES.values() for c in values} - {"none", "surgical"}
    for tid, row in table.iterrows():
        pairs = dict(side_by_side_rows(row, 5, "$"))
        for attribute in ("Category", "Invasiveness", "Performed by", "Anaesthesia", "Maintenance", "Downtime"):
            assert pairs[attribute] not in codes, (tid, attribute, pairs[attribute])
            assert not any(code in pairs[attribute] for code in codes if "-" in code), (tid, attribute)


def test_grid_says_what_each_downtime_counts_and_keeps_publishers_out_of_the_total_tooltip(bundled):
    data, catalog = bundled
    comparison = compare(catalog, Filters(market="US", concern="stretch-marks", horizon=5, budget=30000))
    rows = {r["id"]: r for r in grid.grid_rows(comparison, data)}
    assert rows["laser-co2-fractional"]["downtime_text"] == "7–14 days until the skin has healed"
    assert rows["microneedling-rf"]["downtime_text"] == "up to 10 hours of visible side effects"
    assert (
        rows["microdermabrasion"]["downtime_text"] == "0 days until back to normal activities (clinic pages only: weak)"
    )
    tip = rows["microdermabrasion"]["total_tip"]
    assert "the surgeon's fee only; anaesthesia and the facility are extra" in tip
    assert re.search(
        r"Price per session: \$\d+ in \d{4} dollars \(published \$167 in 2020; CPI-U 2020 -> \d{4}\)\.", tip
    )
    assert "Price per session: $15–$25, published; year not stated" in rows["topical-tretinoin"]["total_tip"]
    publishers = set(data.sources["publisher"])
    for record in rows.values():
        assert not [p for p in publishers if p in record["total_tip"]], record["id"]
        assert "(secondary" not in record["total_tip"] and "percentile" not in record["total_tip"]
    assert "Florida Independent" in rows["microdermabrasion"]["price_source_text"]  # still there for the details
