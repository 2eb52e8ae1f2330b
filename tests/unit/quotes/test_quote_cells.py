"""The other cells of an uploaded quote: treatments and the names people give them, what a price covers and how
many, dates and the order of day and month, clinic names."""

from __future__ import annotations

import pytest

from dashboard.quotes.cells import suggest
from dashboard.quotes.records import UploadResult, parse_upload, validate_stored
from tests.unit.quote_helpers import TODAY, TREATMENTS, check, counter_ids, data_url, messages, one_row, upload

# --- treatments, covers, quantities, dates, clinic names --------------------------------------


@pytest.mark.parametrize(
    "given, expected",
    [("ha-filler", "ha-filler"), ("Hyaluronic-acid filler", "ha-filler"), ("  hyaluronic ACID   filler ", "ha-filler"),
     ("HA filler", "ha-filler"), ("ha_filler", "ha-filler"), ("Botulinum Toxin", "botulinum-toxin"),
     ("botulinum-toxin", "botulinum-toxin"), ("ABDOMINOPLASTY", "abdominoplasty")],
)  # fmt: skip
def test_treatment_by_id_or_name_ignoring_case_spaces_and_hyphens(given, expected):
    assert one_row(treatment=given, price="$1").quotes[0]["treatment_id"] == expected


@pytest.mark.parametrize(
    "given, message",
    [("Botulinum toxn", "Unknown treatment 'Botulinum toxn'. Did you mean: Botulinum toxin?"),
     ("filler", "Unknown treatment 'filler'. Did you mean: Hyaluronic-acid filler?"),
     ("Rhinoplasty", "Unknown treatment 'Rhinoplasty'. Did you mean: Abdominoplasty?"),
     ("Liposuction", "Unknown treatment 'Liposuction'."),
     ("", "treatment is required")],
)  # fmt: skip
def test_unknown_treatment_is_rejected_with_suggestions(given, message):
    [problem] = one_row(treatment=given, price="$1").problems
    assert (problem.line, problem.column, problem.message) == (2, "treatment", message)


@pytest.mark.parametrize(
    "name, expected",
    [("botox", ["Botulinum toxin"]), ("hyaluronic", ["Hyaluronic-acid filler"]), ("abdomenoplasty", ["Abdominoplasty"]),
     ("zzzz", []), ("", [])],
)  # fmt: skip
def test_suggest(name, expected):
    assert suggest(name, TREATMENTS) == expected


@pytest.mark.parametrize(
    "covers, quantity, expected",
    [("", "", ("session", 1)), ("syringe", "2", ("syringe", 2)), ("Syringes", "2", ("syringe", 2)),
     ("per session", "3", ("session", 3)), ("procedure", "4", ("procedure", 1)), ("course", "100", ("course", 100)),
     ("VIAL", "", ("vial", 1)), ("area", "1", ("area", 1))],
)  # fmt: skip
def test_covers_and_quantity(covers, quantity, expected):
    [got] = one_row(treatment="ha-filler", price="$1", covers=covers, quantity=quantity).quotes
    assert (got["covers"], got["quantity"]) == expected


@pytest.mark.parametrize(
    "column, value", [("covers", "bottle"), ("quantity", "0"), ("quantity", "101"), ("quantity", "2.5"),
                      ("quantity", "-1"), ("quantity", "two"), ("quantity", "1e2")],
)  # fmt: skip
def test_bad_covers_or_quantity_rejects_the_row(column, value):
    [problem] = one_row(treatment="ha-filler", price="$1", **{column: value}).problems
    assert problem.column == column


@pytest.mark.parametrize(
    "given, expected",
    [("", ""), ("2025-01-15", "2025-01-15"), ("15/01/2025", "2025-01-15"), ("5/1/2025", "2025-05-01"),
     ("2025-1-5", "2025-01-05"), ("01/13/2025", "2025-01-13"), ("15.01.2025", "2025-01-15"),
     ("2024-02-29", "2024-02-29"), (TODAY.isoformat(), TODAY.isoformat()), ("2000-01-01", "2000-01-01")],
)  # fmt: skip
def test_dates(given, expected):
    assert one_row(treatment="ha-filler", price="$1", date=given).quotes[0]["date"] == expected


@pytest.mark.parametrize(
    "given, message",
    [("2023-02-29", "not a real date"), ("13/13/2025", "not a real date"), ("2026-03-02", "in the future"),
     ("1999-12-31", "before 2000"), ("yesterday", "use YYYY-MM-DD"), ("15/01/25", "use YYYY-MM-DD"),
     ("20250115", "use YYYY-MM-DD"), ("2025-01-15T10:00", "use YYYY-MM-DD"), ("١٥/٠١/٢٠٢٥", "use YYYY-MM-DD")],
)  # fmt: skip
def test_bad_or_future_dates_reject_the_row(given, message):
    [problem] = one_row(treatment="ha-filler", price="$1", date=given).problems
    assert (problem.column, message in problem.message) == ("date", True)


@pytest.mark.parametrize(
    "given, expected",
    [("<script>alert(1)</script>", "<script>alert(1)</script>"),
     ('<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'),
     ("=HYPERLINK(\"http://example.invalid\")", "=HYPERLINK(\"http://example.invalid\")"),  # export neutralises
     ("Clinic\u202e gnp.exe", "Clinic gnp.exe"), ("\u2066Clinic\u2069 \u200fA\u200e", "Clinic A"),
     ("Clinic\x1b[31m A", "Clinic[31m A"), ("Clinic\tA\r\nLondon", "Clinic A London"),
     ("Cafe\u0301", "Caf\u00e9"), ("  ", "(no clinic name)"), ("", "(no clinic name)"), ("\u202e", "(no clinic name)")],
)  # fmt: skip
def test_clinic_names_are_kept_as_literal_cleaned_text(given, expected):
    [got] = one_row(treatment="ha-filler", price="$1", clinic=given).quotes
    assert got["clinic"] == expected


# --- a header that changes what a number means (issue 14, kind 1) -------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("treatment,price,currency,units\nbotulinum toxin,480,USD,40\n", ("unit", 40)),
     ("treatment,price,currency,syringes\nha-filler,1400,USD,2\n", ("syringe", 2)),
     ("treatment,price,currency,Sessions\nha-filler,900,USD,3\n", ("session", 3)),
     ("treatment,price,currency,vials\nha-filler,900,USD,2\n", ("vial", 2)),
     ("treatment,price,currency,quantity\nha-filler,900,USD,3\n", ("session", 3)),  # a plain count: sessions
     ("treatment,price,currency,covers,units\nbotulinum toxin,480,USD,per unit,40\n", ("unit", 40)),
     ("treatment,price,currency,covers,sessions\nha-filler,2400,USD,course,3\n", ("course", 3)),
     ("treatment,price,currency,covers,quantity\nha-filler,2400,USD,course,3\n", ("course", 3))],
)  # fmt: skip
def test_a_quantity_header_names_what_it_counts(text, expected):
    result = upload(text)
    assert result.problems == []
    [got] = result.quotes
    assert (got["covers"], got["quantity"]) == expected


def test_a_covers_cell_that_contradicts_the_quantity_header_is_refused():
    result = upload("treatment,price,currency,covers,units\nbotulinum toxin,480,USD,session,40\n")
    [problem] = result.problems
    assert result.quotes == [] and (problem.line, problem.column) == (2, "covers")
    assert problem.message == "'session' disagrees with the column 'units', which counts units: make them agree"


def test_a_course_price_needs_its_number_of_sessions():
    result = upload("treatment,price,currency,covers\nha-filler,2400,USD,course\n")
    [problem] = result.problems
    assert (problem.column, problem.message) == (
        "quantity",
        "a course price needs the number of sessions in the course (quantity)",
    )


def test_per_unit_quotes_are_accepted_and_kept_in_the_store():
    [got] = one_row(treatment="botulinum-toxin", price="$480", covers="unit", quantity="40").quotes
    assert (got["covers"], got["quantity"], got["price"]) == ("unit", 40, 480.0)
    assert validate_stored([got], TREATMENTS, TODAY) == [got]


# --- day and month in the order the file uses (issue 14, kind 4) --------------------------------


def dates_file(currency: str, *dates: str) -> UploadResult:
    return upload("treatment,price,currency,date\n" + "".join(f"ha-filler,100,{currency},{d}\n" for d in dates))


def test_month_first_dates_in_a_usd_file_are_read_not_refused():
    result = dates_file("USD", "12/31/2025", "12/01/2025")
    assert [q["date"] for q in result.quotes] == ["2025-12-31", "2025-12-01"]
    [note] = result.problems
    assert (note.line, note.column) == (3, "date")
    assert note.message == (
        "'12/01/2025' read as 1 December 2025 (month first, as the other dates in this file); "
        "if you meant 12 January 2025, write 2025-01-12"
    )


def test_day_first_dates_decide_the_file_whatever_the_currency():
    result = dates_file("USD", "25/12/2025", "12/01/2025")
    assert [q["date"] for q in result.quotes] == ["2025-12-25", "2025-01-12"]
    assert "read as 12 January 2025 (day first, as the other dates in this file)" in messages(result)


@pytest.mark.parametrize(
    "currency, expected, reading",
    [("USD", "2025-12-01", "month first, as usual in the US"), ("GBP", "2025-01-12", "day first, as usual in the UK")],
)
def test_without_evidence_in_the_file_the_currency_decides_and_says_so(currency, expected, reading):
    result = dates_file(currency, "12/01/2025")
    assert [q["date"] for q in result.quotes] == [expected]
    assert reading in messages(result)


def test_a_file_with_both_orders_reads_each_unambiguous_date_its_own_way():
    result = dates_file("GBP", "25/12/2025", "12/25/2025", "03/04/2025", "2025-04-03", "07/07/2025")
    assert [q["date"] for q in result.quotes] == ["2025-12-25", "2025-12-25", "2025-04-03", "2025-04-03", "2025-07-07"]
    [note] = result.problems  # only the ambiguous one is flagged; 07/07 and ISO are not ambiguous
    assert note.line == 4 and "'03/04/2025' read as 3 April 2025 (day first, as usual in the UK)" in note.message


# --- invisible characters before a formula (issue 14, kind 7) -----------------------------------


@pytest.mark.parametrize("lead", ["\u2060", "\u200d", "\u00ad", "\ufeff", "\u2060 \u200d"])
def test_leading_invisible_characters_are_stripped_from_accepted_text(lead):
    [got] = one_row(treatment="ha-filler", price="$1", clinic=lead + '=HYPERLINK("http://example.invalid")').quotes
    assert got["clinic"] == '=HYPERLINK("http://example.invalid")'  # the export then sees the "=" and neutralises it
    assert validate_stored([got], TREATMENTS, TODAY) == [got]
    assert validate_stored([{**got, "clinic": lead + got["clinic"]}], TREATMENTS, TODAY) == []


# --- the names people write (issue 14, kind 8) --------------------------------------------------

ALIASES = {"Botox": "botulinum-toxin", "Juvederm": "ha-filler", "tummy tuck": "abdominoplasty", "Gone": "no-such-id"}


def upload_with_aliases(text: str) -> UploadResult:
    return check(parse_upload(data_url(text), "q.csv", TREATMENTS, TODAY, new_id=counter_ids(), aliases=ALIASES))


@pytest.mark.parametrize(
    "given, expected",
    [
        ("Botox", "botulinum-toxin"),
        ("BOTOX", "botulinum-toxin"),
        ("juvederm", "ha-filler"),
        ("Tummy-tuck", "abdominoplasty"),
    ],
)
def test_brand_and_common_names_are_read_through_the_aliases(given, expected):
    result = upload_with_aliases(f"treatment,price,currency\n{given},300,USD\n")
    assert result.problems == [] and result.quotes[0]["treatment_id"] == expected


def test_unknown_names_still_get_suggestions_including_aliases():
    result = upload_with_aliases("treatment,price,currency\nBotx,300,USD\nGone,1,USD\n")
    assert [str(p) for p in result.problems] == [
        "Line 2, treatment: Unknown treatment 'Botx'. Did you mean: Botox?",
        "Line 3, treatment: Unknown treatment 'Gone'.",
    ]
