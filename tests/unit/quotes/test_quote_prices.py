"""Prices and currencies in uploaded quotes: each way people and spreadsheets write an amount, and those refused."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.quote_helpers import messages, one_row, upload

# --- prices and currencies ---------------------------------------------------------------------

PRICES = [
    ("1234.5", "USD", 1234.5, "USD"),
    ("1,234.50", "USD", 1234.5, "USD"),
    ("1.234,50", "GBP", 1234.5, "GBP"),
    ("1234,5", "GBP", 1234.5, "GBP"),
    ("0,99", "GBP", 0.99, "GBP"),
    ("1 234", "USD", 1234.0, "USD"),
    ("1\u00a0234,50", "GBP", 1234.5, "GBP"),  # no-break space
    ("1\u202f234", "GBP", 1234.0, "GBP"),  # narrow no-break space
    ("1\u2009234.5", "USD", 1234.5, "USD"),  # thin space
    ("1,234", "USD", 1234.0, "USD"),  # a comma + three digits = thousands
    ("1.234", "USD", None, "'1.234': did you mean 1,234 or 1.234? Write 1234 or 1.234."),  # a point: ambiguous
    ("3.000", "GBP", None, "did you mean 3,000 or 3?"),
    ("1,234,567.8", "USD", None, "more than 1,000,000"),
    ("$1,234", "", 1234.0, "USD"),  # the symbol sets the currency
    ("£950", "", 950.0, "GBP"),
    ("950 GBP", "", 950.0, "GBP"),
    ("USD 950", "", 950.0, "USD"),
    ("950£", "", 950.0, "GBP"),
    ("US$ 80", "USD", 80.0, "USD"),
    ("$1,000,000", "", 1_000_000.0, "USD"),  # the limit itself
    ("0.01", "USD", 0.01, "USD"),
    ("€1 234", "", None, "Only USD and GBP"),
    ("1234 EUR", "", None, "Only USD and GBP"),
    ("C$120", "", None, "Only USD and GBP"),  # another country's dollar is not "$"
    ("120 CA$", "", None, "Only USD and GBP"),
    ("A$ 1,500", "", None, "Only USD and GBP"),
    ("¥5000", "", None, "Only USD and GBP"),  # any other currency sign
    ("₹ 20,000", "", None, "Only USD and GBP"),
    ("300 CAD", "", None, "Only USD and GBP"),
    ("chf 300", "", None, "Only USD and GBP"),
    ("US $80", "", 80.0, "USD"),
    ("80$US", "", 80.0, "USD"),  # the French and Spanish way to write US dollars
    ("$US 80", "", 80.0, "USD"),
    ("$CA 80", "", None, "Only USD and GBP"),
    ("E£80", "", None, "Only USD and GBP"),
    ("80 kr", "", None, "Only USD and GBP"),
    ("Fr. 80", "", None, "Only USD and GBP"),
    ("80 zł", "", None, "Only USD and GBP"),
    ("80 yen", "", None, "Only USD and GBP"),
    ("USD$80", "", 80.0, "USD"),
    ("£950", "USD", None, "disagree"),
    ("$5 GBP", "", None, "mixes two currencies"),
    ("NaN", "USD", None, "'NaN' is not a price"),
    ("nan", "USD", None, "is not a price"),
    ("inf", "USD", None, "is not a price"),
    ("-inf", "USD", None, "more than 0"),
    ("Infinity", "USD", None, "is not a price"),
    ("1e309", "USD", None, "is not a price"),
    ("1e3", "USD", None, "is not a price"),
    ("1E+5", "USD", None, "is not a price"),
    ("0x10", "USD", None, "is not a price"),
    ("-5", "USD", None, "more than 0"),
    ("$-5", "", None, "more than 0"),
    ("-$5", "", None, "more than 0"),
    ("\u22125", "USD", None, "more than 0"),  # minus sign
    ("0", "USD", None, "more than 0"),
    ("0.00", "USD", None, "more than 0"),
    ("1000000.01", "USD", None, "more than 1,000,000"),
    ("9" * 150, "USD", None, "more than 1,000,000"),
    ("12abc", "USD", None, "'12abc' is not a price"),
    ("500-900", "USD", None, "not a range"),
    ("1,2,3", "USD", None, "is not a price"),
    ("12,34,567", "USD", None, "is not a price"),
    ("1.234.5", "USD", None, "is not a price"),
    ("12.", "USD", None, "is not a price"),
    (".5", "USD", None, "is not a price"),
    ("1  234", "USD", None, "is not a price"),
    ("١٢٣", "USD", None, "is not a price"),  # Arabic-Indic digits: float() takes them, we do not
    ("$", "", None, "is not a price"),
    ("", "USD", None, "price is required"),
    ("950", "", None, "currency is required"),
    ("950", "EUR", None, "Only USD and GBP"),
    ("950", "€", None, "Only USD and GBP"),
    ("950", "CHF", None, "Only USD and GBP"),
    ("950", "C$", None, "Only USD and GBP"),
    ("950", "XYZ", None, "'XYZ' is not a currency"),
    ("950", "usd", 950.0, "USD"),
    ("950", "$", 950.0, "USD"),
    ("950", " £ ", 950.0, "GBP"),
]


@pytest.mark.parametrize("price, currency, value, expected", PRICES)
def test_prices_and_currencies(price, currency, value, expected):
    result = one_row(treatment="ha-filler", price=price, currency=currency)
    if value is None:
        assert result.quotes == []
        assert expected in messages(result)
        assert all(p.line == 2 for p in result.problems)
    else:
        assert result.problems == []
        assert (result.quotes[0]["price"], result.quotes[0]["currency"]) == (pytest.approx(value), expected)


@pytest.mark.parametrize(
    "header, price, currency, expected",
    [("Price (GBP)", "100", "", "GBP"), ("Price (USD)", "$100", "", "USD"), ("price (gbp)", "100", "USD", None),
     ("Price (EUR)", "100", "", None), ("Price (£)", "100", "", "GBP"), ("Cost ($)", "100", "", "USD"),
     ("Price in GBP", "100", "", "GBP"), ("Amount [USD]", "1200", "", "USD"), ("Price (£)", "$100", "", None)],
)  # fmt: skip
def test_a_currency_in_the_price_header_is_the_default(header, price, currency, expected):
    result = upload(f"treatment,{header},currency\nha-filler,{price},{currency}\n")
    assert [q["currency"] for q in result.quotes] == ([expected] if expected else [])


@pytest.mark.parametrize("header", ["Price (EUR)", "Price (€)", "Price (CAD)", "Cost (C$)", "Price (¥)"])
def test_a_price_header_in_another_currency_is_read_as_one_and_each_quote_refused(header):
    result = upload(f"treatment,{header}\nha-filler,100\nmicroneedling,250\n")
    assert result.quotes == []
    assert messages(result).count("Only USD and GBP quotes can be compared") == 2


def price_styles(cents: int) -> list[str]:
    """One amount written the ways spreadsheets and people write it."""
    whole, rest = divmod(cents, 100)
    us = f"{whole:,}"
    return [
        f"{whole}.{rest:02d}", f"{us}.{rest:02d}", f"{us.replace(',', '.')},{rest:02d}", f"{whole},{rest:02d}",
        f"{us.replace(',', ' ')},{rest:02d}", f"{us.replace(',', chr(0xA0))}.{rest:02d}", f"${us}.{rest:02d}",
        f"{us}.{rest:02d} USD", f" $ {whole}.{rest:02d} ",
    ]  # fmt: skip


@settings(max_examples=300, deadline=5000, database=None, derandomize=True)
@given(st.integers(min_value=1, max_value=100_000_000))
def test_any_price_written_any_accepted_way_reads_back_exactly(cents):
    buffer = io.StringIO()
    rows = [("ha-filler", price, "USD") for price in price_styles(cents)]
    csv.writer(buffer).writerows([("treatment", "price", "currency"), *rows])
    result = upload(buffer.getvalue())
    assert result.problems == []
    assert {q["price"] for q in result.quotes} == {cents / 100}


def test_values_in_messages_are_cut_to_40_characters():
    [problem] = one_row(treatment="ha-filler", price="x" * 150, currency="USD").problems
    assert problem.message == "'" + "x" * 39 + "…' is not a price"


@pytest.mark.parametrize(
    "header, prices",
    [("Price", [14.0, 350.0, 200.0]),  # a price is for all the quantity counts, as the template says
     ("Unit price", [560.0, 350.0, 600.0]), ("Price each (£)", [560.0, 350.0, 600.0]),
     ("Price (GBP) each", [560.0, 350.0, 600.0]), ("Total price", [14.0, 350.0, 200.0])],
)  # fmt: skip
def test_a_price_header_that_says_each_price_is_of_one_multiplies_it_by_the_quantity(header, prices):
    result = upload(
        f"treatment,{header},currency,covers,quantity\n"
        "botulinum-toxin,14,GBP,unit,40\nha-filler,350,GBP,syringe,1\nha-filler,200,GBP,course,3\n"
    )
    assert result.problems == []
    assert [(q["price"], q["quantity"]) for q in result.quotes] == list(zip(prices, [40, 1, 3], strict=True))


def test_a_price_of_one_times_its_quantity_over_the_limit_is_refused_on_its_line():
    result = upload("treatment,unit price,currency,covers,quantity\nha-filler,30000,USD,syringe,40\n")
    assert result.quotes == []
    assert messages(result) == "Line 2, price: '30000' × 40 is more than 1,000,000: check the price"


@pytest.mark.parametrize(
    "header, cells, read",
    [("Price per syringe ($)", "ha-filler,700,,2", (1400.0, "syringe", 2)),  # 2 syringes, not 2 sessions
     ("Cost (£) per session", "ha-filler,200,,3", (600.0, "session", 3)),
     ("Price of one session ($)", "ha-filler,200,course,3", (600.0, "course", 3)),  # a course of 3 sessions
     ("Price per course ($)", "ha-filler,900,,3", (900.0, "course", 3))],
)  # fmt: skip
def test_a_price_header_naming_what_one_price_is_of_sets_what_it_covers(header, cells, read):
    result = upload(f"treatment,{header},covers,quantity\n{cells}\n")
    assert result.problems == []
    assert [(q["price"], q["covers"], q["quantity"]) for q in result.quotes] == [read]


def test_a_price_header_and_a_cell_or_a_quantity_header_that_disagree_are_said():
    result = upload("treatment,Price per unit ($),covers,quantity\nha-filler,700,course,2\n")
    assert (
        messages(result) == "Line 2, covers: 'course' disagrees with the column 'Price per unit ($)': make them agree"
    )
    result = upload("treatment,Price per session ($),Syringes\nha-filler,700,2\n")
    assert messages(result) == (
        "File: The columns 'Price per session ($)' and 'Syringes' disagree: one prices sessions, the other counts "
        "syringes. Make them agree"
    )
