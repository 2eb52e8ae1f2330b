"""A quote's reading: the form's question (one session, or all of them), the arithmetic shown before and after
saving, the saved list's download read back exactly, and stored quotes whose treatment is gone kept."""

from __future__ import annotations

import base64

import pytest

from dashboard.output.quote_words import arithmetic, price_of_question
from dashboard.quotes.records import MAX_QUOTES, needs_attention, parse_form, parse_upload, quotes_csv, validate_stored
from dashboard.web.quote_panel import apply_action
from dashboard.web.quote_wiring import form_reading
from tests.unit.quote_helpers import TODAY, TREATMENTS


def record(**fields) -> dict:
    base = {"id": "0123456789ab", "treatment_id": "ha-filler", "clinic": "Glow Clinic", "price": 2250.0,
            "currency": "GBP", "covers": "session", "quantity": 3, "date": ""}  # fmt: skip
    return {**base, **fields}


@pytest.mark.parametrize(
    "fields, words",
    [
        ({}, "£750 × 3 sessions = £2,250 for 3 sessions (£750 a session)"),
        ({"covers": "course"}, "£750 × 3 sessions = £2,250 for the course (£750 a session)"),
        ({"quantity": 1, "price": 750.0}, "£750 for one session"),
        ({"covers": "unit", "quantity": 40, "price": 480.0, "currency": "USD"},
         "$12 × 40 units = $480 for one session ($12 a unit)"),
        ({"covers": "area", "quantity": 3, "price": 450.0, "currency": "USD"},
         "$150 × 3 areas = $450 for one session ($150 an area)"),
        ({"covers": "syringe", "quantity": 1, "price": 700.0}, "£700 for 1 syringe, used in one session"),
        ({"covers": "procedure", "quantity": 1, "price": 5000.0}, "£5,000 for the procedure"),
        ({"price": 1000.0}, "£333.33 × 3 sessions = £1,000 for 3 sessions (£333.33 a session)"),
    ],
)  # fmt: skip
def test_each_reading_shows_its_arithmetic(fields, words):
    assert arithmetic(record(**fields)) == words


FORM = {"treatment": "ha-filler", "clinic": "Glow Clinic", "price": "750", "currency": "GBP", "covers": "session",
        "quantity": "3"}  # fmt: skip


def test_a_price_of_one_session_for_three_sessions_is_read_as_750_a_session():
    # issue 21: price 750, covers "session", 3 sessions was read as £250 a session
    found, problems = parse_form({**FORM, "per": "one"}, TREATMENTS, TODAY, new_id=lambda: "0123456789ab")
    assert problems == [] and found == record()
    assert form_reading({**FORM, "per": "one"}, TREATMENTS, TODAY) == (
        "Reads as: £750 × 3 sessions = £2,250 for 3 sessions (£750 a session)."
    )


def test_a_price_of_all_of_them_is_the_total():
    found, _ = parse_form({**FORM, "per": "all"}, TREATMENTS, TODAY, new_id=lambda: "0123456789ab")
    assert found == record(price=750.0)


@pytest.mark.parametrize("per", [None, "", "each", 1])
def test_more_than_one_session_needs_the_answer(per):
    found, problems = parse_form({**FORM, "per": per}, TREATMENTS, TODAY)
    assert found is None
    assert [str(p) for p in problems] == [
        "price: is 750 the price of one session, or of all 3? Answer the question above."
    ]
    assert form_reading({**FORM, "per": per}, TREATMENTS, TODAY).startswith("price: is 750 the price of one session")


def test_one_session_or_a_procedure_needs_no_answer():
    assert parse_form({**FORM, "quantity": "1"}, TREATMENTS, TODAY)[1] == []
    assert parse_form({**FORM, "covers": "procedure"}, TREATMENTS, TODAY)[1] == []
    # a course's price is the whole course's, whatever its number of sessions
    found, problems = parse_form({**FORM, "covers": "course"}, TREATMENTS, TODAY, new_id=lambda: "0123456789ab")
    assert problems == [] and found["price"] == 750.0 and found["quantity"] == 3


def test_a_price_of_one_times_the_count_over_the_limit_is_refused():
    found, problems = parse_form({**FORM, "price": "500000", "per": "one"}, TREATMENTS, TODAY)
    assert found is None and "more than 1,000,000" in str(problems[0])


def test_the_question_names_what_is_counted():
    assert price_of_question("session") == "Is this the price of one session, or of all of them?"
    assert price_of_question("unit") == "Is this the price of one unit, or of all of them?"
    assert price_of_question(None) == "Is this the price of one session, or of all of them?"


def test_each_uploaded_row_is_listed_with_its_reading():
    text = "treatment,clinic,price,currency,covers,quantity\nha-filler,Glow Clinic,2250,GBP,course,3\n"
    contents = "data:text/csv;base64," + base64.b64encode(text.encode()).decode()
    _, messages = apply_action("upload", [], TREATMENTS, TODAY, upload=(contents, "q.csv"))
    assert messages == [
        "1 quote added from the file.",
        "Read as: Glow Clinic, Hyaluronic-acid filler: £750 × 3 sessions = £2,250 for the course (£750 a session).",
    ]


def test_a_file_uploaded_again_adds_only_its_new_rows_and_says_so():
    first = "treatment,clinic,price,currency,covers,quantity\nha-filler,Glow Clinic,2250,GBP,course,3\n"
    again = first + "ha-filler,Skin Studio,900,GBP,session,1\n"

    def upload(text: str) -> tuple[str, str]:
        return "data:text/csv;base64," + base64.b64encode(text.encode()).decode(), "q.csv"

    saved, _ = apply_action("upload", [], TREATMENTS, TODAY, upload=upload(first))
    kept, messages = apply_action("upload", saved, TREATMENTS, TODAY, upload=upload(again))
    assert [x["clinic"] for x in kept] == ["Glow Clinic", "Skin Studio"]
    assert kept[0] == saved[0]
    assert messages[0] == "1 quote added from the file."
    assert messages[1].startswith("Read as: Skin Studio")
    assert messages[2] == "1 quote was in your list already: not added again."
    _, messages = apply_action("add", kept[1:], TREATMENTS, TODAY, form={**FORM, "quantity": "1"})
    assert messages[0] == "Quote added."
    same, messages = apply_action("add", kept, TREATMENTS, TODAY, form={**FORM, "quantity": "1"})
    again_added, messages_again = apply_action("add", same, TREATMENTS, TODAY, form={**FORM, "quantity": "1"})
    assert again_added == same and messages_again == ["Not added: this quote is in your list already."]


# --- quotes kept whatever the data does -----------------------------------------------------------------------

GONE = record(id="abcdefabcdef", treatment_id="renamed-treatment", price=900, quantity=1)


def test_a_stored_quote_whose_treatment_is_gone_needs_attention():
    stored = [record(), GONE, {**GONE, "price": "900"}, {**GONE, "treatment_id": 5}, "junk"]
    assert validate_stored(stored, TREATMENTS, TODAY) == [record()]
    assert needs_attention(stored, TREATMENTS, TODAY) == [{**GONE, "price": 900.0}]
    assert len(needs_attention([GONE] * (MAX_QUOTES + 5), TREATMENTS, TODAY)) == MAX_QUOTES


def test_a_quote_action_keeps_the_quotes_needing_attention_until_removed():
    gone = [{**GONE, "price": 900.0}]
    kept, messages = apply_action("add", [], TREATMENTS, TODAY, form={**FORM, "quantity": "1"}, attention=gone)
    assert messages[0] == "Quote added." and kept[-1] == gone[0] and len(kept) == 2
    kept, messages = apply_action("remove", kept[:1], TREATMENTS, TODAY, remove_id=GONE["id"], attention=gone)
    assert len(kept) == 1 and kept[0]["treatment_id"] == "ha-filler" and messages == ["Quote removed."]
    assert apply_action("clear", [], TREATMENTS, TODAY, attention=gone)[0] == []


def test_download_my_quotes_reads_back_exactly():
    saved = [
        record(),
        record(id="111111111111", covers="course", clinic="Smile, and Co", date="2025-06-01"),
        record(id="222222222222", covers="unit", quantity=40, price=1.125, currency="USD", clinic="(no clinic name)"),
        record(id="333333333333", covers="procedure", quantity=1, price=12345.67),
        # a name a spreadsheet could take for a formula: the file has it neutralised ("'@Skin Clinic")
        record(id="444444444444", clinic="@Skin Clinic"),
        record(id="555555555555", clinic="=Glow+ Clinic", price=99.0),
        record(id="666666666666", clinic="'Quoted' Clinic", price=98.0),
    ]
    # a price of one times its quantity, as the form and a "Unit price" file make it: 19.99 × 7, to 4 decimals
    each, _ = parse_form({**FORM, "price": "19.99", "quantity": "7", "covers": "unit", "per": "one"}, TREATMENTS, TODAY)
    saved.append(each)
    data = quotes_csv(saved, TREATMENTS)
    contents = "data:text/csv;base64," + base64.b64encode(data).decode()
    back = parse_upload(contents, "my-quotes.csv", TREATMENTS, TODAY)
    assert back.problems == []
    assert [{**q, "id": ""} for q in back.quotes] == [{**q, "id": ""} for q in saved]
