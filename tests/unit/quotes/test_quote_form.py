"""The quote form: a record from typed values, and each problem named by its field."""

from __future__ import annotations

import pytest

from dashboard.quotes.records import parse_form, validate_stored
from tests.unit.quote_helpers import TODAY, TREATMENTS

# --- the form -----------------------------------------------------------------------------------


def test_form_gives_a_record():
    values = {"treatment": "ha-filler", "clinic": " Clinic\u202e C ", "price": 950, "currency": "GBP",
              "covers": "syringe", "quantity": 2, "per": "all", "date": "2025-06-01", "unexpected": "ignored"}  # fmt: skip
    record, problems = parse_form(values, TREATMENTS, TODAY, new_id=lambda: "abcdefabcdef")
    assert problems == []
    assert record == {"id": "abcdefabcdef", "treatment_id": "ha-filler", "clinic": "Clinic C", "price": 950.0,
                      "currency": "GBP", "covers": "syringe", "quantity": 2, "date": "2025-06-01"}  # fmt: skip
    assert validate_stored([record], TREATMENTS, TODAY) == [record]


@pytest.mark.parametrize(
    "changes, column",
    [({"treatment": None}, "treatment"), ({"treatment": ["ha-filler"]}, "treatment"), ({"price": None}, "price"),
     ({"price": float("nan")}, "price"), ({"price": float("inf")}, "price"), ({"price": -1}, "price"),
     ({"price": 0}, "price"), ({"price": True}, "price"), ({"price": 10**400}, "price"), ({"price": "1e3"}, "price"),
     ({"price": {"$gt": 0}}, "price"), ({"currency": None}, "currency"), ({"currency": "EUR"}, "currency"),
     ({"covers": 3}, "covers"), ({"quantity": 2.5}, "quantity"), ({"quantity": True}, "quantity"),
     ({"quantity": 0}, "quantity"), ({"date": "2099-01-01"}, "date"), ({"date": 20250101}, "date"),
     ({"clinic": "c" * 201}, "clinic"), ({"clinic": "\u0958" * 150}, "clinic"), ({"price": "9" * 10_000}, "price")],
)  # fmt: skip
def test_form_problems_name_the_field(changes, column):
    values = {"treatment": "ha-filler", "price": 950, "currency": "GBP", **changes}
    record, problems = parse_form(values, TREATMENTS, TODAY)
    assert record is None
    assert [p.column for p in problems] == [column]
    assert all(p.line is None and str(p).startswith(f"{column}: ") for p in problems)


@pytest.mark.parametrize("values", [None, [], "treatment=ha-filler", 42])
def test_form_that_is_not_a_mapping(values):
    record, problems = parse_form(values, TREATMENTS, TODAY)
    assert record is None
    assert [str(p) for p in problems] == ["File: The form could not be read: please try again"]


def test_form_accepts_typed_text_with_symbols():
    values = {"treatment": "Botulinum toxin", "price": "£1.234,50", "quantity": "3", "per": "all"}
    record, problems = parse_form(values, TREATMENTS, TODAY)
    assert problems == [] and (record["price"], record["currency"], record["quantity"]) == (1234.5, "GBP", 3)


# --- an ambiguous date in the form (issue 14, kind 4) -------------------------------------------


def test_an_ambiguous_date_in_the_form_is_added_with_a_note():
    record, notes = parse_form(
        {"treatment": "ha-filler", "price": "100", "currency": "GBP", "date": "02/03/2025"}, TREATMENTS, TODAY
    )
    assert record["date"] == "2025-03-02"
    assert [str(n) for n in notes] == [
        "date: '02/03/2025' read as 2 March 2025 (day first, as usual in the UK); if you meant 3 February 2025, "
        "write 2025-02-03"
    ]
