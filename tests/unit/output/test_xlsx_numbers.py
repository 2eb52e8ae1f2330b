"""Excel cells read back as a person sees them: years as plain integers, money to the cent, counts as
numbers, no trailing dot on a round number."""

import datetime as dt
import io

import openpyxl
import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.xlsx import to_xlsx_bytes

TODAY = dt.date(2026, 11, 25)
MONEY = (
    "Initial course low",
    "Initial course high",
    "Upkeep over the horizon high",
    "Total cost low",
    "Total cost high",
    "First-year cost high",
    "Cost per session typical",
    "Cost per session typical as published",
    "Lost pay low",
    "Lost pay high",
    "Cost including time off high",
)
COUNTS = (
    "Sessions low",
    "Sessions high",
    "Results last months high",
    "Downtime days low",
    "Downtime days high",
    "Risk tier",
)
QUOTE = {
    "id": "a1b2c3d4e5f6",
    "treatment_id": "ha-filler",
    "clinic": "Clinic A",
    "price": 333.33,
    "currency": "USD",
    "covers": "session",
    "quantity": 3,
    "date": "",
}


@pytest.fixture
def book(small_dataset):
    # daily earnings with cents make lost pay and the cost with time off fractional (e.g. 51.8154)
    filters = Filters(market="US", horizon=5, daily_earnings=123.37)
    comparison = compare(build_catalog(small_dataset), filters, [QUOTE])
    content = to_xlsx_bytes(comparison, small_dataset, TODAY, saved_quotes=[QUOTE])
    return openpyxl.load_workbook(io.BytesIO(content))


def columns(sheet) -> dict[str, list]:
    headers = [c.value for c in sheet[1]]
    return {h: [row[i] for row in sheet.iter_rows(min_row=2)] for i, h in enumerate(headers)}


def test_price_year_is_a_plain_integer_not_money(book):
    years = [c for c in columns(book["Comparison"])["Price year (typical)"] if c.value is not None]
    assert years
    for cell in years:
        assert isinstance(cell.value, int) and 1990 < cell.value < 2100
        assert cell.number_format == "0"  # "2020", not "$2,020"


def test_money_is_rounded_to_the_cent(book):
    table = columns(book["Comparison"])
    money = [c for header in MONEY for c in table[header] if isinstance(c.value, (int, float))]
    assert any(not float(c.value).is_integer() for c in money), "the fixture must have money with cents"
    for cell in money:
        assert round(cell.value, 2) == cell.value, (cell.coordinate, cell.value)
        assert cell.number_format == '"$"#,##0'
    prices = columns(book["Quotes"])["Price"]
    assert prices[0].value == 333.33 and prices[0].number_format == '"$"#,##0.00'


def test_round_counts_have_no_trailing_dot_and_fractions_keep_theirs(book):
    table = columns(book["Comparison"])
    counts = [c for header in COUNTS for c in table[header] if isinstance(c.value, (int, float))]
    whole = [c for c in counts if float(c.value).is_integer()]
    assert whole
    for cell in whole:
        # "#,##0.##" shows 167 as "167."
        assert cell.number_format == "#,##0", (cell.coordinate, cell.number_format)
    for cell in counts:
        if cell not in whole:
            assert cell.number_format == "#,##0.0#"


def test_counts_and_years_on_other_sheets_are_numbers(book):
    settings = {r[0].value: r[1] for r in book["Settings"].iter_rows()}
    hidden = settings["Options over budget not shown"]
    assert isinstance(hidden.value, int) and hidden.number_format == "#,##0"
    years = columns(book["Sources"])["year"]
    given = [c for c in years if c.value is not None]
    assert given and all(isinstance(c.value, int) and c.number_format == "0" for c in given)
    quantity = columns(book["Quotes"])["Quantity"][0]
    assert quantity.value == 3 and quantity.number_format == "#,##0"
    assert settings["Exported"].value == "2026-11-25 (UTC)"  # text that is not a whole number stays text
