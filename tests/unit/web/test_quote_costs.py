"""Quotes through the cost model: units, syringes and courses compared per unit first, then per session."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.model.quote_costs import quote_session_price, quote_unit_price, quotes_left_out
from dashboard.output.export import to_csv_bytes
from dashboard.output.quote_placement_words import quote_note
from dashboard.output.quote_words import left_out_line
from dashboard.output.xlsx import to_xlsx_bytes
from dashboard.web.quote_panel import covered, quote_list
from tests import factory
from tests.factory import write_dataset

TODAY = dt.date(2026, 11, 25)
_P = {f: "" for f in factory.PRICES[0]}
EXTRA_PRICES = [  # written here for these tests: a per-unit, a per-session and a per-course figure
    {
        **_P,
        "treatment_id": "botulinum-toxin",
        "market": "US",
        "currency": "USD",
        "unit": "unit",
        "basis": "total-price",
        "low": "11",
        "high": "35",
        "year": "2024",
        "source_id": "asps-2024",
        "status": "secondary",
        "quote": "$11-35 a unit",
    },
    {
        **_P,
        "treatment_id": "botulinum-toxin",
        "market": "US",
        "currency": "USD",
        "unit": "session",
        "basis": "total-price",
        "low": "300",
        "typical": "450",
        "high": "600",
        "year": "2024",
        "source_id": "asps-2024",
        "status": "secondary",
        "quote": "$300-600 a session",
    },
    {
        **_P,
        "treatment_id": "microneedling",
        "market": "US",
        "currency": "USD",
        "unit": "course",
        "basis": "not-stated",
        "low": "1500",
        "high": "3000",
        "source_id": "clinic-x",
        "status": "weak",
        "quote": "a course from $1,500",
    },
]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    data = open_dataset(write_dataset(tmp_path_factory.mktemp("d"), prices=factory.PRICES + EXTRA_PRICES))
    return build_catalog(data)


def quote(**fields) -> dict:
    base = {
        "id": "0123456789ab",
        "treatment_id": "botulinum-toxin",
        "clinic": "Clinic A",
        "price": 480.0,
        "currency": "USD",
        "covers": "unit",
        "quantity": 40,
        "date": "",
    }
    return {**base, **fields}


def quote_row(catalog, q: dict, market: str = "US"):
    table = compare(catalog, Filters(market=market, horizon=1, show_over_budget=True), [q]).table
    return table.loc[f"quote-{q['id']}"]


@pytest.mark.parametrize(
    "q, per_unit, per_session",
    [(quote(), 12.0, 480.0), (quote(covers="syringe", quantity=2, price=1400.0), 700.0, 1400.0),
     (quote(covers="session", quantity=3, price=900.0), 300.0, 300.0), (quote(covers="procedure", quantity=1), 480.0, 480.0),
     (quote(covers="course", quantity=3, price=2400.0), 2400.0, 800.0)],
)  # fmt: skip
def test_unit_and_session_prices(q, per_unit, per_session):
    assert (quote_unit_price(q), quote_session_price(q)) == (per_unit, per_session)


def test_a_per_unit_quote_is_compared_per_unit_then_per_session(catalog):
    row = quote_row(catalog, quote())  # $480 for 40 units of botulinum toxin
    assert (row["quote_compared_per"], row["quote_position"]) == ("unit", "within")
    assert quote_note(row) == (
        "Per unit: $12 a unit ($480 for 40 units), within the published per-unit range ($11–$35). "
        "Per session: $480 a session ($480 for 40 units, used in one session), within the published per-session range "
        "($300–$600, typical $450); $30 (7%) more than the typical figure."
    )
    assert (row["session_typical"], row["initial_low"], row["initial_high"]) == (480.0, 480.0, 480.0)  # not 40 sessions


def test_a_per_unit_quote_outside_the_unit_range_says_so(catalog):
    row = quote_row(catalog, quote(price=1600.0))  # $40 a unit
    assert row["quote_position"] == "above"
    assert quote_note(row).startswith("Per unit: $40 a unit ($1,600 for 40 units), above the published per-unit range")


def test_a_per_syringe_quote_meets_the_per_syringe_figure(catalog):
    row = quote_row(catalog, quote(treatment_id="ha-filler", covers="syringe", quantity=2, price=1400.0))
    assert (row["quote_compared_per"], row["quote_position"], row["quote_vs_typical"]) == ("syringe", "within", 0.0)
    assert quote_note(row).startswith(
        "Per syringe: $700 a syringe ($1,400 for 2 syringes), within the published per-syringe range ($500–$900, "
        "typical $700); equal to the typical figure. Per session: $1,400 a session ($1,400 for 2 syringes, used in one "
        "session), within the published per-session range ($500–$1,800, typical $700)"
    )


def test_a_course_quote_is_the_initial_course_as_quoted(catalog):
    # microneedling: 3-6 sessions; a course of 3 sessions for $2,400 costs $2,400, not 3-6 x $800 nor 3 courses
    row = quote_row(catalog, quote(treatment_id="microneedling", covers="course", quantity=3, price=2400.0))
    assert [row[f"initial_{k}"] for k in ("low", "typical", "high")] == [2400.0, 2400.0, 2400.0]
    assert [row[f"sessions_{k}"] for k in ("low", "typical", "high")] == [3, 3, 3]
    assert row["session_typical"] == 800.0
    assert quote_note(row).startswith(
        "Per course: $2,400 a course, within the published per-course range ($1,500–$3,000). "
        "Per session: $800 a session ($2,400 for a course of 3 sessions), above the published per-session range ($200–$700)."
    )


def test_a_course_without_a_published_course_figure_is_placed_per_session(catalog):
    row = quote_row(catalog, quote(treatment_id="ha-filler", covers="course", quantity=2, price=1000.0))
    assert (row["quote_compared_per"], row["quote_position"]) == ("session", "within")
    assert quote_note(row).startswith(
        "Per course: $1,000 a course; no published per-course price to compare with "
        "in this market. Per session: $500 a session ($1,000 for a course of 2 sessions), within"
    )


@pytest.mark.parametrize(
    "q, words",
    [
        (quote(), "40 units"),
        (quote(covers="course", quantity=3), "a course of 3 sessions"),
        (quote(covers="syringe", quantity=1), "1 syringe"),
        (quote(covers="procedure", quantity=1), "a procedure"),
    ],
)
def test_saved_quotes_say_what_the_price_covers(q, words):
    assert covered(q) == words


def test_the_saved_list_words_a_course_as_one_course(catalog):
    q = quote(treatment_id="microneedling", covers="course", quantity=3, price=2400.0)
    comparison = compare(catalog, Filters(market="US", horizon=1, show_over_budget=True), [q])
    text = str(quote_list(comparison, [q], {"microneedling": "Microneedling"}))
    assert "$800 × 3 sessions = $2,400 for the course ($800 a session)" in text and "3 courses" not in text


# kind 8: quotes left out of an export are named in a note row


def test_exports_name_the_quotes_left_out_for_their_currency(catalog):
    gbp = quote(id="ba9876543210", clinic="London Clinic", currency="GBP", covers="session", quantity=1, price=250.0)
    quotes = [quote(), gbp]
    comparison = compare(catalog, Filters(market="US", horizon=1, show_over_budget=True), quotes)
    assert quotes_left_out(quotes, "US") == [gbp]
    left_out = [left_out_line(q, {"botulinum-toxin": "Botulinum toxin"}) for q in quotes_left_out(quotes, "US")]
    assert left_out == ["London Clinic (Botulinum toxin, 250.00 GBP)"]
    rows = list(csv.reader(io.StringIO(to_csv_bytes(comparison, catalog.data, TODAY, left_out).decode("utf-8-sig"))))
    assert [
        "Your quotes left out",
        "1 not in USD, the currency of this market: London Clinic (Botulinum toxin, 250.00 GBP)",
    ] in rows
    header = next(r for r in rows if r and r[0] == "Option")
    table = rows[rows.index(header) + 1 :]
    assert all(len(r) == len(header) for r in table[: table.index([])])  # the table is still a table
    assert [r[0] for r in table if r and r[0].startswith("Your quote")] == ["Your quote: Clinic A (Botulinum toxin)"]

    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(comparison, catalog.data, TODAY, left_out)))
    cells = [(r[0].value, r[1].value) for r in book["Settings"].iter_rows(max_col=2) if r[0].value]
    assert (
        "Your quotes left out",
        "1 not in USD, the currency of this market: London Clinic (Botulinum toxin, 250.00 GBP)",
    ) in cells


def test_no_note_row_when_no_quote_is_left_out(catalog):
    comparison = compare(catalog, Filters(market="US", horizon=1), [quote()])
    left_out = [left_out_line(q, {}) for q in quotes_left_out([quote()], "US")]
    text = to_csv_bytes(comparison, catalog.data, TODAY, left_out).decode("utf-8-sig")
    assert "left out" not in text
