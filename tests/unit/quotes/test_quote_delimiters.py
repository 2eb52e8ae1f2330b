"""Uploads as spreadsheets write them: the delimiter found, empty cells at a row's end ignored, optional
last cells left off, and .txt ("Unicode Text") and .tsv files accepted."""

from __future__ import annotations

import codecs

import pytest

from dashboard.quotes.upload import sniff_delimiter
from tests.unit.quote_helpers import messages, upload

# Excel in a European locale ("CSV (semicolon)"), UTF-8 with BOM: decimal commas, and every row ends with
# the delimiter (the header has one cell fewer).
EXCEL_EU_TRAILING = (
    codecs.BOM_UTF8
    + (
        "treatment;clinic;price;currency;covers\r\n"
        "Botulinum toxin;Klinik Am See, Berlin;250,00;GBP;area;\r\n"
        "Hyaluronic-acid filler;Clinique Lumière;1.400,50;GBP;syringe;\r\n"
    ).encode()
)
# Excel's "Unicode Text": UTF-16 LE with a BOM, tabs, CRLF, a cell with quotes quoted.
UNICODE_TEXT = codecs.BOM_UTF16_LE + (
    "treatment\tclinic\tprice\tcurrency\tcovers\tquantity\r\n"
    "Botulinum toxin\tSkin Clinic, London\t250\tGBP\tarea\t3\r\n"
    'Hyaluronic-acid filler\t"The ""Glow"" Room"\t1,400\tUSD\tsyringe\t\r\n'
).encode("utf-16-le")

# The evaluation behind keeping csv.Sniffer (see upload.sniff_delimiter): files as spreadsheets write
# them -> the delimiter. CleverCSV 0.8.5 gives the same answer for each.
SPREADSHEET_FILES = {
    "Excel EU, every row ends with ';'": ("treatment;clinic;price\r\nA;B, C;250,00;\r\nD;E;1.400,50;\r\n", ";"),
    "Excel EU, header ends with ';' too": ("treatment;price;currency;\r\nA;250,00;GBP;\r\n", ";"),
    "Excel EU, one row": ("treatment;price;currency\r\nA;250,00;GBP\r\n", ";"),
    "Excel EU, empty last cells": ("treatment;clinic;price;covers;date\r\nA;B;250;;\r\nC;D;9000;;\r\n", ";"),
    "Excel EU, commas in names": ("treatment;clinic;price\r\nA;Smith, Jones & Co, Leeds;250,50\r\n", ";"),
    "LibreOffice": ('treatment,clinic,price,currency\nA,"Skin Clinic, London",250,GBP\nB,Glow,"1,400",USD\n', ","),
    "Google Sheets": ('treatment,clinic,price\r\nA,"Derm, NYC",$400\r\nB,Glow,"$1,400"\r\n', ","),
    "Google Sheets, one row": ('treatment,price\r\nA,"$1,400"\r\n', ","),
    "Excel Unicode Text": ('treatment\tclinic\tprice\r\nA\tB, C\t250\r\nD\t"E ""F"""\t1,400\r\n', "\t"),
    "tab-separated, one row": ("treatment\tprice\tcurrency\nA\t1,400.50\tUSD\n", "\t"),
}


@pytest.mark.parametrize("text, delimiter", SPREADSHEET_FILES.values(), ids=SPREADSHEET_FILES.keys())
def test_the_delimiter_of_files_spreadsheets_write(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_a_european_excel_csv_whose_rows_end_with_a_semicolon_is_read():
    result = upload(EXCEL_EU_TRAILING)
    assert messages(result) == ""  # not "expected 5 fields, found 6" on every line
    assert [(q["treatment_id"], q["clinic"], q["price"], q["covers"]) for q in result.quotes] == [
        ("botulinum-toxin", "Klinik Am See, Berlin", 250.0, "area"),
        ("ha-filler", "Clinique Lumière", 1400.5, "syringe"),
    ]


def test_a_header_that_ends_with_the_delimiter_too_is_read():
    result = upload("treatment;price;currency;\r\nBotulinum toxin;250;GBP;\r\nAbdominoplasty;9000;GBP\r\n")
    assert messages(result) == ""
    assert [q["price"] for q in result.quotes] == [250.0, 9000.0]


def test_rows_that_leave_off_optional_last_cells_are_read_as_empty():
    text = (
        "treatment,price,currency,clinic,covers,quantity,date\n"
        "Botulinum toxin,250,GBP\n"  # no clinic, covers, quantity or date: not even their commas
        "Hyaluronic-acid filler,700,USD,Glow,syringe\n"
        "Abdominoplasty,9000,USD,Clinic C,procedure,1,2025-01-15\n"
    )
    result = upload(text)
    assert messages(result) == ""
    assert [(q["clinic"], q["covers"], q["quantity"], q["date"]) for q in result.quotes] == [
        ("(no clinic name)", "session", 1, ""),
        ("Glow", "syringe", 1, ""),
        ("Clinic C", "procedure", 1, "2025-01-15"),
    ]


def test_a_row_that_stops_before_a_required_column_or_runs_past_the_header_is_refused():
    text = "clinic,treatment,price,currency\nGlow,Botulinum toxin\nGlow,Botulinum toxin,250,GBP,extra\n"
    result = upload(text)
    assert result.quotes == []
    assert messages(result) == (
        "Line 2: expected 4 fields, found 2: the row stops before the price column\nLine 3: expected 4 fields, found 5"
    )


@pytest.mark.parametrize("filename", ["Quotes.txt", "quotes.TXT", "C:\\Users\\me\\quotes.txt"])
def test_excel_unicode_text_saved_as_txt_is_read(filename):
    result = upload(UNICODE_TEXT, filename=filename)
    assert messages(result) == ""
    assert [(q["clinic"], q["price"], q["currency"], q["quantity"]) for q in result.quotes] == [
        ("Skin Clinic, London", 250.0, "GBP", 3),
        ('The "Glow" Room', 1400.0, "USD", 1),
    ]


def test_a_tsv_file_is_read():
    result = upload("treatment\tprice\tcurrency\nAbdominoplasty\t9,000\tUSD\n", filename="quotes.tsv")
    assert messages(result) == "" and [q["price"] for q in result.quotes] == [9000.0]


@pytest.mark.parametrize(
    "filename, how",
    [("quotes.xlsx", "in Excel choose File › Save As"), ("Quotes.XLS", "in Excel choose File › Save As"),
     ("quotes.ods", "Text CSV (.csv)"), ("quotes.numbers", "File › Export To › CSV")],
)  # fmt: skip
def test_a_workbook_is_refused_with_how_its_program_saves_it_as_csv(filename, how):
    result = upload("treatment,price\n", filename=filename)
    assert messages(result).startswith(f"File: '{filename}' is a")
    assert how in messages(result) and messages(result).endswith("and upload that file")


def test_another_file_is_refused_and_told_what_is_accepted():
    result = upload("treatment,price\n", filename="quotes.pdf")
    assert messages(result) == "File: 'quotes.pdf' is not a CSV file: only .csv, .tsv or .txt files can be uploaded"
