"""What a cost lacks, in words: one sentence per missing input with what to do, the same wherever it is shown."""

import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.model.price_combine import PriceProblem
from dashboard.model.row import MISSING_INPUTS
from dashboard.output import grid, page_texts, table
from dashboard.output.gaps import missing_text
from dashboard.output.option_attributes import side_by_side_rows
from dashboard.output.views import side_by_side

ASK = "ask the clinic, or enter your own assumption"


@pytest.mark.parametrize(
    "code, sentence",
    [
        ("price", "No published US price: add a clinic's quote, or enter your own price per session."),
        ("price from", "Only a 'from' price is published: ask the clinic for the full price."),
        ("price up to", "Only an upper figure ('up to') is published: ask the clinic what it would cost you."),
        ("sessions", f"How many sessions a course takes is not published (counted as at least one): {ASK}."),
        ("repeat", f"Whether and how often it must be repeated is not published: {ASK}."),
        ("repeat as needed", f"It is repeated as results fade, but how often is not published: {ASK}."),
        ("results last", f"How soon results fade is not published: {ASK}."),
        ("upkeep sessions", f"How many sessions each maintenance round takes is not published: {ASK}."),
    ],
)
def test_each_missing_input_says_what_to_do(code, sentence):
    assert missing_text({"missing_inputs": (code,)}, "US") == sentence


def test_every_code_has_its_words():
    assert all(missing_text({"missing_inputs": (code,)}, "UK") for code in MISSING_INPUTS)


def test_the_price_names_its_market_and_why_a_published_one_could_not_be_used():
    row = {"missing_inputs": ("price", "repeat")}
    assert missing_text(row, "US-FL").startswith("No published Florida price: add a clinic's quote")
    assert missing_text(row, "").startswith("No published price: add")
    unusable = {**row, "price_problem": PriceProblem(("area", "syringe"))}
    assert missing_text(unusable, "UK") == (
        "No usable UK price (published prices are per area, syringe, and how many make one session is not "
        "published): add a clinic's quote, "
        f"or enter your own price per session. Whether and how often it must be repeated is not published: {ASK}."
    )


def test_nothing_missing_says_nothing():
    assert missing_text({"missing_inputs": ()}, "US") == ""
    assert missing_text({}, "US") == ""


def test_the_grid_cards_details_and_exports_say_the_same_sentence(small_dataset):
    catalog = build_catalog(small_dataset)
    comparison = compare(catalog, Filters(market="UK", horizon=3, budget=5000, compare=("microneedling", "ha-filler")))
    expected = (
        "No published UK price: add a clinic's quote, or enter your own price per session. "
        f"Whether and how often it must be repeated is not published: {ASK}."
    )
    record = next(r for r in grid.grid_rows(comparison, small_dataset) if r["id"] == "microneedling")
    assert record["missing"] == expected
    assert record["total_tip"].startswith(expected)
    assert page_texts.literal(expected) in page_texts.card(record)
    exported = table.export_frame(comparison).set_index("Option")["Missing inputs"]
    assert exported["Microneedling"] == expected and exported["Hyaluronic-acid filler"] == ""
    row = comparison.rows.loc["microneedling"]
    assert dict(side_by_side_rows(row, 3, "£", market="UK"))["What is missing"] == expected
    assert dict(side_by_side_rows(comparison.rows.loc["ha-filler"], 3, "£"))["What is missing"] == "nothing"
    assert expected in str(side_by_side(comparison.table, ["microneedling", "ha-filler"], small_dataset, 3, "UK"))
