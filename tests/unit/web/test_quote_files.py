"""Uploaded quote files as a whole: files refused outright, hostile filenames, the encodings, delimiters and line
ends spreadsheets write, rows and columns, the size limit, and the template."""

from __future__ import annotations

import builtins
import codecs
import json

import pytest

from dashboard.quotes.records import QUOTE_CSV_COLUMNS, parse_upload, template_csv
from dashboard.quotes.upload import MAX_FILE_BYTES, UPLOAD_COMPONENT_MAX_BYTES
from dashboard.web.security import MAX_REQUEST_BYTES
from tests.unit.quote_helpers import HEADER, TODAY, TREATMENTS, check, data_url, quote, upload

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
    ("semicolon and decimal comma", b"treatment;clinic;price;currency\nha-filler;Clinic A;1.234,50;GBP\n"),
    ("semicolon, decimal comma only", b"treatment;clinic;price;currency\nha-filler;Clinic A;1234,5;GBP\n"),
    ("tab-separated", b"treatment\tclinic\tprice\tcurrency\nha-filler\tClinic A\t1234.50\tGBP\n"),
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
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (2, "currency", "currency is required (USD or GBP), or write the price with $ or £"),  # 1.5, no currency
        (3, None, "expected 3 fields, found 5"),
    ]


def test_ragged_rows_are_rejected_with_their_lines_and_the_rest_kept():
    text = "treatment,price,currency\nha-filler\nha-filler,100,USD\nha-filler,100,USD,extra\n"
    result = upload(text)
    assert len(result.quotes) == 1
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "expected 3 fields, found 1: the row stops before the price column"),
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


# --- the size limit is the server's, with its own message (issue 14, kind 2) --------------------


def test_the_upload_component_lets_a_1_1_mib_file_reach_the_server_and_the_request_fits():

    assert UPLOAD_COMPONENT_MAX_BYTES >= int(1.1 * 1024 * 1024) > MAX_FILE_BYTES
    data_url_chars = len("data:text/csv;base64,") + 4 * -(-UPLOAD_COMPONENT_MAX_BYTES // 3)
    # the largest store the server keeps: 500 quotes with 200-character clinic names of 3-byte UTF-8 letters
    record = quote(clinic="é" * 200, treatment_id="laser-nonablative-fractional", price=999999.99, date="2025-12-31")
    store_bytes = 500 * len(json.dumps(record, ensure_ascii=False).encode())
    assert data_url_chars + store_bytes + 10_000 < MAX_REQUEST_BYTES  # 10 kB: the form, filename and envelope
    text = "treatment,price,currency\n" + "ha-filler,100,USD\n" * (int(1.1 * 1024 * 1024) // 18)
    [problem] = upload(text).problems
    assert problem.message == "The file is larger than 1 MiB: split it into smaller files"


# --- encodings are detected, and a guess that matters is named (issue 14, kind 5) ---------------


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


# --- the template -------------------------------------------------------------------------------


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
