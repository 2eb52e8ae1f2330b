"""Quotes: uploaded files (hostile and unusual), prices, the form, records coming back from the browser."""

from __future__ import annotations

import base64
import builtins
import codecs
import csv
import io
import itertools
import json
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.quotes.cells import suggest
from dashboard.quotes.records import (
    QUOTE_CSV_COLUMNS,
    QuoteProblem,
    UploadResult,
    merge,
    parse_form,
    parse_upload,
    template_csv,
    validate_stored,
)

TREATMENTS = {
    "botulinum-toxin": "Botulinum toxin",
    "ha-filler": "Hyaluronic-acid filler",
    "abdominoplasty": "Abdominoplasty",
}
TODAY = date(2026, 3, 1)
LEAKS = ("Traceback", 'File "', "/home/", "site-packages")
HIDDEN = ("\u202e", "\u202d", "\u2066", "\u200f", "\x00", "\x1b", "\n")
HEADER = "treatment,clinic,price,currency,covers,quantity,date\n"


def data_url(raw: bytes | str, mime: str = "text/csv") -> str:
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    return f"data:{mime};base64," + base64.b64encode(raw).decode("ascii")


def counter_ids():
    numbers = itertools.count(1)
    return lambda: f"{next(numbers):012x}"


def check(result: UploadResult) -> UploadResult:
    """What holds for every upload: the right types, safe messages, and quotes that survive the round trip."""
    assert isinstance(result, UploadResult)
    assert all(isinstance(p, QuoteProblem) for p in result.problems)
    for problem in result.problems:
        text = str(problem)
        assert not any(leak in text for leak in LEAKS), text
        assert not any(ch in text for ch in HIDDEN), text
    for start in range(0, len(result.quotes), 500):  # the store holds at most 500
        chunk = result.quotes[start : start + 500]
        assert validate_stored(chunk, TREATMENTS, TODAY) == chunk
    return result


def upload(contents: bytes | str, filename: object = "quotes.csv") -> UploadResult:
    url = contents if isinstance(contents, str) and contents.startswith("data:") else data_url(contents)
    return check(parse_upload(url, filename, TREATMENTS, TODAY, new_id=counter_ids()))


def messages(result: UploadResult) -> str:
    return "\n".join(str(p) for p in result.problems)


def one_row(**cells: str) -> UploadResult:
    """A file with one quote: the given cells, in the canonical columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(QUOTE_CSV_COLUMNS)
    writer.writerow([cells.get(c, "") for c in QUOTE_CSV_COLUMNS])
    return upload(buffer.getvalue())


def quote(**fields) -> dict:
    record = {"id": "0123456789ab", "treatment_id": "ha-filler", "clinic": "Clinic A", "price": 700.0,
              "currency": "USD", "covers": "syringe", "quantity": 2, "date": "2025-06-01"}  # fmt: skip
    return {**record, **fields}


# --- whole-file problems: nothing is imported ---------------------------------------------------

FILE_PROBLEMS = [
    ("not a string", None, "No file was received"),
    ("a number", 12345, "no file data"),
    ("a list", ["data:text/csv;base64,YQ=="], "no file data"),
    ("a dict", {"contents": "x"}, "no file data"),
    ("not a data URL", "treatment,price\nha-filler,1", "no file data"),
    ("no base64 marker", "data:text/csv,treatment", "no file data"),
    ("long media type", "data:" + "x" * 200 + ";base64,YQ==", "no file data"),
    ("oversize contents", "data:text/csv;base64," + "A" * 1_450_001, "larger than 1 MiB"),
    ("over 1 MiB decoded", data_url(b"a" * 1_048_577), "larger than 1 MiB"),
    ("not base64", "data:text/csv;base64,@@@@", "not valid base64"),
    ("bad base64 padding", "data:text/csv;base64,YWJ", "not valid base64"),
    ("non-ASCII base64", "data:text/csv;base64,YWJj\u00e9", "not valid base64"),
    ("empty file", data_url(b""), "The file is empty"),
    ("blank lines only", data_url(b"\r\n\n   \n\t\n"), "The file is empty"),
    ("BOM only", data_url(codecs.BOM_UTF8), "The file is empty"),
    ("NUL byte", data_url(b"treatment,price\nha-filler\x00,1\n"), "binary data"),
    ("PNG", data_url(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"), "not a CSV file"),
    ("ZIP / XLSX", data_url(b"PK\x03\x04\x14\x00\x06\x00docProps/app.xml"), "not a CSV file"),
    ("empty ZIP", data_url(b"PK\x05\x06" + b"\x00" * 18), "not a CSV file"),
    ("OLE / XLS", data_url(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), "not a CSV file"),
    ("PDF", data_url(b"%PDF-1.7\n1 0 obj"), "not a CSV file"),
    ("UTF-16 without BOM", data_url("treatment,price\nha-filler,1\n".encode("utf-16-le")), "binary data"),
    ("UTF-32 with BOM", data_url("treatment,price\nha-filler,1\n".encode("utf-32")), "binary data"),
    ("UTF-16 BOM, odd length", data_url(codecs.BOM_UTF16_LE + b"t\x00r"), "save the file as CSV UTF-8"),
    ("neither UTF-8 nor cp1252", data_url(b"treatment,price\nha-filler\x81\x8d,1\n"), "save the file as CSV UTF-8"),
    ("UTF-8 BOM then bad UTF-8", data_url(codecs.BOM_UTF8 + b"treatment,price\n\xe9,1\n"), "save the file as CSV"),
    ("header only", data_url(HEADER), "header but no quotes"),
    ("missing required columns", data_url("clinic,cost\nA,1\n"), "no treatment column"),
    ("missing price", data_url("treatment,currency\nha-filler,USD\n"), "no price column"),
    ("no header at all (data first)", data_url("ha-filler,100,USD\n"), "no treatment or price column"),
    ("duplicate headers", data_url("treatment,price,Price\nha-filler,1,2\n"), "both give the price"),
    ("duplicate headers via alias", data_url("Procedure,Cost, price \nha-filler,1,2\n"), "both give the price"),
    ("21 columns", data_url(",".join(["treatment", "price", *[f"c{i}" for i in range(19)]]) + "\n"), "at most 20"),
    ("1,000 columns", data_url(",".join(["x"] * 1000) + "\n"), "1,000 columns"),
    ("long column name", data_url("treatment,price," + "n" * 65 + "\nha-filler,1,x\n"), "longer than 64"),
    ("5,001 rows", data_url("treatment,price,currency\n" + "ha-filler,100,USD\n" * 5001), "more than 5,000"),
    ("900 KB single field", data_url("treatment,price\nha-filler," + "9" * 900_000 + "\n"), "could not be read as CSV"),
    ("unbalanced quote, long", data_url('treatment,price\n"ha-filler,1\n' + "x,1\n" * 40_000), "quote mark"),
    ("HTML page", data_url("<!doctype html><html><body>hi</body></html>"), "no treatment or price column"),
    ("JSON", data_url('[{"treatment": "ha-filler", "price": 1}]'), "no treatment or price column"),
]


@pytest.mark.parametrize("contents, expected", [c[1:] for c in FILE_PROBLEMS], ids=[c[0] for c in FILE_PROBLEMS])
def test_unusable_file_gives_one_problem_and_no_quotes(contents, expected):
    result = check(parse_upload(contents, "quotes.csv", TREATMENTS, TODAY))
    assert result.quotes == []
    assert len(result.problems) == 1
    assert expected in result.problems[0].message


def test_file_problems_read_as_file_lines():
    result = upload(b"")
    assert str(result.problems[0]) == "File: The file is empty"
    assert result.problems[0].line is None


def test_a_csv_error_names_its_line():
    result = upload("treatment,price\nha-filler,1\n" + '"' + "x" * 200_000 + "\n")
    assert [(p.line, p.column) for p in result.problems] == [(3, None)]
    assert result.quotes == []


def test_exactly_one_mib_is_accepted():
    text = "treatment,price,currency\nha-filler,100,USD\n"
    result = upload(text + "\n" * (1_048_576 - len(text)))
    assert len(result.quotes) == 1 and result.problems == []


def test_exactly_5000_rows_are_accepted():
    result = upload("treatment,price,currency\n" + "ha-filler,100,USD\n" * 5000)
    assert len(result.quotes) == 5000 and result.problems == []


# --- filenames (T13): shown cleaned and short, never opened -------------------------------------

FILENAMES = [
    ("quotes.csv", True),
    ("QUOTES.CSV", True),
    ("quotes", True),  # no extension
    (None, True),  # only used in messages
    ("C:\\Users\\me\\Quotes.Csv", True),
    ("../../etc/passwd", True),  # no extension; the name never reaches the file system
    ("quotes.xlsx", False),
    ("quotes.csv.exe", False),
    ("quotes.csv\x00.png", False),
    ("invoice\u202egnp.exe", False),  # shows as invoiceexe.png without the strip
    ("<img src=x onerror=alert(1)>.html", False),
    ("a" * 300 + ".png", False),
]


@pytest.mark.parametrize("filename, accepted", FILENAMES)
def test_hostile_filenames_are_only_displayed(filename, accepted, monkeypatch):
    def no_file_system(*args, **kwargs):
        raise AssertionError("the upload touched the file system")

    monkeypatch.setattr(builtins, "open", no_file_system)
    result = upload("treatment,price,currency\nha-filler,100,USD\n", filename=filename)
    assert bool(result.quotes) is accepted
    if not accepted:
        [problem] = result.problems
        shown = problem.message.split("'")[1]
        assert len(shown) <= 80
        assert "not a CSV file" in problem.message


def test_html_filename_stays_literal_text():
    [problem] = upload("treatment,price\n", filename="<script>alert(1)</script>.html").problems
    assert problem.message.startswith("'<script>alert(1)</script>.html' is not a CSV file")


# --- files that must be read: encodings, delimiters, line endings -----------------------------

ROW = "treatment,clinic,price,currency\nha-filler,Clinic A,1234.5,GBP\n"
POUND_ROW = "treatment,clinic,price\nha-filler,Clinic A,£1234.5\n"
ONE_QUOTE = {"treatment_id": "ha-filler", "clinic": "Clinic A", "price": 1234.5, "currency": "GBP"}
GOOD_FILES = [
    ("plain UTF-8", ROW.encode()),
    ("UTF-8 BOM (Excel CSV UTF-8)", codecs.BOM_UTF8 + ROW.encode()),
    ("cp1252 with pound sign", b"treatment,clinic,price\nha-filler,Clinic A,\xa31234.50\n"),
    ("UTF-16 LE with BOM", ROW.encode("utf-16")),
    ("UTF-16 BE with BOM, pound sign", codecs.BOM_UTF16_BE + POUND_ROW.encode("utf-16-be")),
    ("semicolon and decimal comma", "treatment;clinic;price;currency\nha-filler;Clinic A;1.234,50;GBP\n".encode()),
    ("semicolon, decimal comma only", "treatment;clinic;price;currency\nha-filler;Clinic A;1234,5;GBP\n".encode()),
    ("tab-separated", "treatment\tclinic\tprice\tcurrency\nha-filler\tClinic A\t1234.50\tGBP\n".encode()),
    ("CRLF", b"treatment,clinic,price,currency\r\nha-filler,Clinic A,1234.5,GBP\r\n"),
    ("CR only", b"treatment,clinic,price,currency\rha-filler,Clinic A,1234.5,GBP\r"),
    ("no final newline", b"treatment,clinic,price,currency\nha-filler,Clinic A,1234.5,GBP"),
    ("blank lines", b"\n\ntreatment,clinic,price,currency\n\n\nha-filler,Clinic A,1234.5,GBP\n\n"),
    ("blank row of delimiters", b"treatment,clinic,price,currency\n,,,\nha-filler,Clinic A,1234.5,GBP\n"),
    ("trailing delimiter on every row", b"treatment,clinic,price,currency,\nha-filler,Clinic A,1234.5,GBP,\n"),
    ("aliases and spacing", b" Procedure ,Clinic Name,Price (GBP)\nHyaluronic acid filler,Clinic A,1234.5\n"),
    ("Provider and Cost", b'PROCEDURE,provider,cost,Currency\nHYALURONIC-ACID  FILLER,Clinic A,"1,234.50",gbp\n'),
    ("quoted cell with newline and comma", b'treatment,clinic,price,currency\nha-filler,"Clinic\nA",1234.5,GBP\n'),
]


@pytest.mark.parametrize("raw", [c[1] for c in GOOD_FILES], ids=[c[0] for c in GOOD_FILES])
def test_files_from_real_spreadsheets_are_read(raw):
    result = upload(raw)
    assert result.problems == []
    [got] = result.quotes
    assert {k: got[k] for k in ONE_QUOTE} == ONE_QUOTE
    assert (got["covers"], got["quantity"], got["date"]) == ("session", 1, "")  # the defaults


def test_a_full_row_becomes_a_canonical_record():
    result = upload(HEADER + "Botulinum toxin,Clinic B,£250,,area,3,15/01/2025\n")
    assert result.quotes == [
        {"id": "000000000001", "treatment_id": "botulinum-toxin", "clinic": "Clinic B", "price": 250.0,
         "currency": "GBP", "covers": "area", "quantity": 3, "date": "2025-01-15"}
    ]  # fmt: skip


def test_line_numbers_count_blank_and_multiline_rows():
    text = 'treatment,clinic,price,currency\n\nha-filler,"two\nlines",100,USD\nha-filler,A,12abc,USD\n'
    result = upload(text)
    assert len(result.quotes) == 1
    assert [str(p) for p in result.problems] == ["Line 5, price: '12abc' is not a price"]


def test_the_header_line_decides_when_the_sniffer_cannot():
    # csv.Sniffer gives up on this file; the header's semicolons still say how to split it
    result = upload("treatment;price;currency\nha-filler;1,5\nha-filler;2;GBP;x;y\nha-filler;3;GBP\n")
    assert [q["price"] for q in result.quotes] == [3.0]
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "expected 3 fields, found 2"),
        (3, "expected 3 fields, found 5"),
    ]


def test_ragged_rows_are_rejected_with_their_lines_and_the_rest_kept():
    text = "treatment,price,currency\nha-filler,100\nha-filler,100,USD\nha-filler,100,USD,extra\n"
    result = upload(text)
    assert len(result.quotes) == 1
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "expected 3 fields, found 2"),
        (4, "expected 3 fields, found 4"),
    ]


def test_a_used_cell_over_200_characters_rejects_its_row():
    header = "treatment,clinic,price,currency,notes\n"
    result = upload(f"{header}ha-filler,{'c' * 201},1,USD,\nha-filler,{'c' * 200},1,USD,\n")
    assert [(p.line, p.column) for p in result.problems] == [(1, None), (2, "clinic")]  # the note, the row
    assert [q["clinic"] for q in result.quotes] == ["c" * 200]


def test_a_long_note_in_an_ignored_column_never_rejects_the_row():
    # issue 14, kind 3: a 227-character note in a column the message itself calls ignored
    note = "Includes consultation, " + "n" * 204
    result = upload(f'treatment,price,currency,notes\nha-filler,700,USD,"{note}"\n')
    assert len(note) == 227 and len(result.quotes) == 1
    assert [str(p) for p in result.problems] == ["Line 1: Ignored columns not used for quotes: 'notes'"]


def test_unknown_columns_are_ignored_with_a_note_on_line_1():
    result = upload("treatment,price,currency,notes,__proto__\nha-filler,100,USD,x,y\n")
    assert len(result.quotes) == 1
    assert [str(p) for p in result.problems] == ["Line 1: Ignored columns not used for quotes: 'notes', '__proto__'"]


def test_header_only_with_unknown_column_keeps_the_note():
    result = upload("treatment,price,notes\n")
    assert [p.line for p in result.problems] == [1, None]


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
    ("1.234", "USD", 1234.0, "USD"),  # one separator + three digits = thousands
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
    ("950", "CHF", None, "'CHF' is not a currency"),
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
     ("Price (EUR)", "100", "", None)],
)  # fmt: skip
def test_a_currency_in_the_price_header_is_the_default(header, price, currency, expected):
    result = upload(f"treatment,{header},currency\nha-filler,{price},{currency}\n")
    assert [q["currency"] for q in result.quotes] == ([expected] if expected else [])


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


# --- the form -----------------------------------------------------------------------------------


def test_form_gives_a_record():
    values = {"treatment": "ha-filler", "clinic": " Clinic\u202e C ", "price": 950, "currency": "GBP",
              "covers": "syringe", "quantity": 2, "date": "2025-06-01", "unexpected": "ignored"}  # fmt: skip
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
    values = {"treatment": "Botulinum toxin", "price": "£1.234,50", "quantity": "3"}
    record, problems = parse_form(values, TREATMENTS, TODAY)
    assert problems == [] and (record["price"], record["currency"], record["quantity"]) == (1234.5, "GBP", 3)


# --- records coming back from the browser -------------------------------------------------------


def test_valid_stored_records_are_kept_and_json_integers_become_floats():
    surgery = quote(id="0123456789ac", price=950, covers="procedure", quantity=1, date="", clinic="(no clinic name)")
    records = [quote(), surgery]
    kept = validate_stored(records, TREATMENTS, TODAY)
    assert kept == [quote(), {**records[1], "price": 950.0}]
    assert isinstance(kept[1]["price"], float)


FORGED = [
    ("extra key", {**quote(), "__proto__": {}}),
    ("missing key", {k: v for k, v in quote().items() if k != "date"}),
    ("id too short", quote(id="abc")),
    ("id upper case", quote(id="0123456789AB")),
    ("id not a string", quote(id=123456789012)),
    ("unknown treatment", quote(treatment_id="liposuction")),
    ("treatment not a string", quote(treatment_id=["ha-filler"])),
    ("clinic not a string", quote(clinic=None)),
    ("clinic empty", quote(clinic="")),
    ("clinic too long", quote(clinic="c" * 201)),
    ("clinic with bidi override", quote(clinic="A\u202eB")),
    ("clinic with lone surrogate", quote(clinic="A\ud800")),
    ("price NaN", quote(price=float("nan"))),
    ("price infinite", quote(price=float("inf"))),
    ("price zero", quote(price=0)),
    ("price negative", quote(price=-5.0)),
    ("price too high", quote(price=1_000_000.5)),
    ("price a string", quote(price="700")),
    ("price a bool", quote(price=True)),
    ("currency EUR", quote(currency="EUR")),
    ("currency a list", quote(currency=["USD"])),
    ("covers unknown", quote(covers="gram")),
    ("quantity zero", quote(quantity=0)),
    ("quantity 101", quote(quantity=101)),
    ("quantity a float", quote(quantity=2.0)),
    ("quantity a bool", quote(quantity=True)),
    ("procedure with quantity 2", quote(covers="procedure", quantity=2)),
    ("date in the future", quote(date="2026-03-02")),
    ("date not ISO", quote(date="01/06/2025")),
    ("date unpadded", quote(date="2025-6-1")),
    ("date not a string", quote(date=20250601)),
    ("a list instead of a record", list(quote().items())),
    ("a string instead of a record", "quote"),
    ("None instead of a record", None),
]


@pytest.mark.parametrize("forged", [f[1] for f in FORGED], ids=[f[0] for f in FORGED])
def test_forged_records_are_dropped(forged):
    assert validate_stored([forged, quote()], TREATMENTS, TODAY) == [quote()]


@pytest.mark.parametrize("data", [None, {"0": quote()}, "[]", 5, float("nan"), True, (quote(),)])
def test_stored_data_that_is_not_a_list_gives_no_quotes(data):
    assert validate_stored(data, TREATMENTS, TODAY) == []


def test_ten_thousand_stored_records_are_cut_to_500_quickly():
    records = [quote(id=f"{i:012x}") for i in range(10_000)]
    start = time.process_time()
    kept = validate_stored(records, TREATMENTS, TODAY)
    assert time.process_time() - start < 1
    assert [q["id"] for q in kept] == [f"{i:012x}" for i in range(500)]


def test_duplicate_stored_ids_are_dropped():
    assert validate_stored([quote(), quote(price=1.0), quote()], TREATMENTS, TODAY) == [quote()]


# --- merge, template ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "existing, new, limit, kept, dropped",
    [(2, 3, 500, 5, 0), (499, 1, 500, 500, 0), (499, 3, 500, 500, 2), (500, 5, 500, 500, 5), (0, 0, 500, 0, 0),
     (3, 3, 4, 4, 2)],
)  # fmt: skip
def test_merge_keeps_existing_first_up_to_the_limit(existing, new, limit, kept, dropped):
    old = [quote(id=f"a{i:011x}") for i in range(existing)]
    fresh = [quote(id=f"b{i:011x}") for i in range(new)]
    merged, over = merge(old, fresh, limit)
    assert (len(merged), over) == (kept, dropped)
    assert merged == (old + fresh)[:limit]


def test_template_round_trip_gives_two_valid_quotes():
    raw = template_csv()
    assert raw.startswith(codecs.BOM_UTF8)
    assert raw.decode("utf-8-sig").splitlines()[0] == ",".join(QUOTE_CSV_COLUMNS)
    result = upload(raw, filename="quotes-template.csv")
    assert result.problems == []
    assert [(q["treatment_id"], q["currency"], q["covers"]) for q in result.quotes] == [
        ("botulinum-toxin", "GBP", "area"),
        ("ha-filler", "USD", "syringe"),
    ]


# --- limits on time, and fuzzing ----------------------------------------------------------------

WORST_CASES = [
    ("1 MiB of blank lines", "treatment,price\n" + "\n" * 1_048_000),
    ("1 MiB of delimiters", "treatment,price\n" + ",\n" * 524_000),
    (
        "5,000 unknown treatments",
        "treatment,price,currency\n" + "".join(f"t{i:06d}{'q' * 170},1,USD\n" for i in range(5000)),
    ),
    ("5,000 long bad prices", "treatment,price,currency\n" + ("ha-filler," + "$" * 190 + "1,USD\n") * 5000),
    ("5,000 non-ASCII clinics", "treatment,clinic,price\n" + ("ha-filler," + "é\u202eß " * 45 + ",$1\n") * 5000),
    ("sniffer trap", ',"x' * 1400 + "\n" + "a,b\n" * 200_000),
]


@pytest.mark.parametrize("text", [c[1] for c in WORST_CASES], ids=[c[0] for c in WORST_CASES])
def test_worst_case_inputs_finish_within_a_second(text):
    raw = text.encode()[:1_048_576]
    start = time.process_time()
    upload(raw)
    assert time.process_time() - start < 1


FUZZ = settings(max_examples=300, deadline=5000, database=None, derandomize=True)
CSV_ALPHABET = st.sampled_from(
    [*",;\t\"'\r\n \u00a0\u202e\u200f\x00$£€.-0123456789eE", *"abcXYZé", *QUOTE_CSV_COLUMNS]
    + ["ha-filler", "Botulinum toxin", "USD", "GBP", "NaN", "inf", "procedure", "2025-01-15", "1,234.50"]
)  # fmt: skip


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["text/csv", "", "application/octet-stream"]))
def test_fuzz_random_bytes_never_raise(raw, mime):
    check(parse_upload(data_url(raw, mime), "fuzz.csv", TREATMENTS, TODAY))


@FUZZ
@given(st.lists(CSV_ALPHABET, max_size=300).map("".join), st.booleans())
def test_fuzz_csv_like_text_never_raises(text, with_header):
    check(parse_upload(data_url((HEADER if with_header else "") + text), "fuzz.csv", TREATMENTS, TODAY))


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_any_text_never_raises(text):
    check(parse_upload(data_url(text), "fuzz.csv", TREATMENTS, TODAY))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(JSON, st.dictionaries(st.sampled_from(QUOTE_CSV_COLUMNS), JSON))
def test_fuzz_forged_store_and_form_never_raise(stored, form):
    kept = validate_stored(stored, TREATMENTS, TODAY)
    assert isinstance(kept, list) and len(kept) <= 500
    record, problems = parse_form(form, TREATMENTS, TODAY)  # problems, or notes on an accepted record
    assert record is not None or problems
    if record is not None:
        assert all(p.column == "date" for p in problems)
        assert validate_stored([record], TREATMENTS, TODAY) == [record]


# --- issue 14: quotes read the way clinics write them --------------------------------------------

ALIASES = {"Botox": "botulinum-toxin", "Juvederm": "ha-filler", "tummy tuck": "abdominoplasty", "Gone": "no-such-id"}


def upload_with_aliases(text: str) -> UploadResult:
    return check(parse_upload(data_url(text), "q.csv", TREATMENTS, TODAY, new_id=counter_ids(), aliases=ALIASES))


# kind 1: a header that changes what a number means


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


# kind 2: the size limit is the server's, with its own message


def test_the_upload_component_lets_a_1_1_mib_file_reach_the_server_and_the_request_fits():
    from dashboard.quotes.upload import MAX_FILE_BYTES, UPLOAD_COMPONENT_MAX_BYTES
    from dashboard.web.security import MAX_REQUEST_BYTES

    assert UPLOAD_COMPONENT_MAX_BYTES >= int(1.1 * 1024 * 1024) > MAX_FILE_BYTES
    data_url_chars = len("data:text/csv;base64,") + 4 * -(-UPLOAD_COMPONENT_MAX_BYTES // 3)
    # the largest store the server keeps: 500 quotes with 200-character clinic names of 3-byte UTF-8 letters
    record = quote(clinic="é" * 200, treatment_id="laser-nonablative-fractional", price=999999.99, date="2025-12-31")
    store_bytes = 500 * len(json.dumps(record, ensure_ascii=False).encode())
    assert data_url_chars + store_bytes + 10_000 < MAX_REQUEST_BYTES  # 10 kB: the form, filename and envelope
    text = "treatment,price,currency\n" + "ha-filler,100,USD\n" * (int(1.1 * 1024 * 1024) // 18)
    [problem] = upload(text).problems
    assert problem.message == "The file is larger than 1 MiB: split it into smaller files"


# kind 4: day and month in the order the file uses


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


def test_an_ambiguous_date_in_the_form_is_added_with_a_note():
    record, notes = parse_form(
        {"treatment": "ha-filler", "price": "100", "currency": "GBP", "date": "02/03/2025"}, TREATMENTS, TODAY
    )
    assert record["date"] == "2025-03-02"
    assert [str(n) for n in notes] == [
        "date: '02/03/2025' read as 2 March 2025 (day first, as usual in the UK); if you meant 3 February 2025, "
        "write 2025-02-03"
    ]


# kind 5: encodings are detected, and a guess that matters is named


def test_a_mac_roman_file_with_cr_line_ends_keeps_its_accents_and_says_how_it_was_read():
    text = "treatment,clinic,price,currency\rha-filler,Clínica Estética,300,USD\rha-filler,Dr Müller,500,USD\r"
    result = upload(text.encode("mac_roman"))
    assert [q["clinic"] for q in result.quotes] == ["Clínica Estética", "Dr Müller"]
    [note] = result.problems
    assert note.line == 2
    assert note.message == (
        "The file is not UTF-8 and was read as Mac Roman; check the first text this affects: "
        "'Clínica Estética'. If its letters look wrong, save the file as CSV UTF-8 and upload "
        "it again"
    )


def test_a_windows_file_is_read_as_windows_1252_without_a_note_when_no_other_reading_fits():
    text = "treatment,clinic,price,currency\r\nha-filler,Clínica Estética €,300,USD\r\n"
    result = upload(text.encode("cp1252"))
    assert result.problems == [] and result.quotes[0]["clinic"] == "Clínica Estética €"


# kind 7: invisible characters before a formula


@pytest.mark.parametrize("lead", ["\u2060", "\u200d", "\u00ad", "\ufeff", "\u2060 \u200d"])
def test_leading_invisible_characters_are_stripped_from_accepted_text(lead):
    [got] = one_row(treatment="ha-filler", price="$1", clinic=lead + '=HYPERLINK("http://example.invalid")').quotes
    assert got["clinic"] == '=HYPERLINK("http://example.invalid")'  # the export then sees the "=" and neutralises it
    assert validate_stored([got], TREATMENTS, TODAY) == [got]
    assert validate_stored([{**got, "clinic": lead + got["clinic"]}], TREATMENTS, TODAY) == []


# kind 8: the names people write


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
