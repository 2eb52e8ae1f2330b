"""XLSX bytes of a comparison: the table from row 1 with number formats, widths, a frozen header and
a filter; settings, sources and quotes on their own sheets; no formulas, no links."""

from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd
import xlsxwriter

from dashboard import vocab
from dashboard.dataset.loader import Dataset
from dashboard.model.comparison import Comparison
from dashboard.output.table import (
    _NUMERIC_HEADERS,
    EXPORT_COLUMNS,
    NUMERIC,
    SOURCE_COLUMNS,
    _cell_text,
    about_lines,
    export_frame,
    sources_frame,
)

PERCENT = {"major_complication_rate"}
COUNTS = (
    NUMERIC
    - PERCENT
    - {
        k
        for k in NUMERIC
        if k.startswith(
            (
                "initial_",
                "total_",
                "first_year_",
                "session_",
                "lost_pay_",
                "with_time_off_",
                "maintenance_",
                "per_month_",
                "budget_margin",
                "hinge_price",
            )
        )
    }
)
MONEY_FORMATS = {"USD": '"$"#,##0', "GBP": '"£"#,##0'}


def left_out_quotes(comparison: Comparison, saved_quotes) -> list[dict]:
    """The user's quotes that the comparison leaves out because their currency is not the market's."""
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    return [q for q in saved_quotes if q.get("currency") != currency]


QUOTE_SHEET_COLUMNS = (
    ("clinic", "Clinic"),
    ("treatment", "Treatment"),
    ("price", "Price"),
    ("currency", "Currency"),
    ("covers", "Price covers"),
    ("quantity", "Quantity"),
    ("date", "Date"),
    ("status", "In this comparison"),
)


def to_xlsx_bytes(
    comparison: Comparison, data: Dataset, today: dt.date, left_out: list[str] = (), saved_quotes=()
) -> bytes:
    """XLSX: Comparison (header in row 1, number formats, frozen header, filter), Settings, Sources, Quotes.

    No formulas and no links: every text cell is written as a neutralised string.
    """
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    with xlsxwriter.Workbook(buffer, options) as book:
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#eef1f6", "border": 1})
        formats = {
            "money": book.add_format({"num_format": MONEY_FORMATS[currency]}),
            "percent": book.add_format({"num_format": "0.0%"}),
            "count": book.add_format({"num_format": "#,##0.##"}),
            "text": book.add_format({"text_wrap": False}),
        }
        sheet = book.add_worksheet("Comparison")
        table = export_frame(comparison)
        keys = [key for key, _ in EXPORT_COLUMNS]
        for col, header in enumerate(table.columns):
            sheet.write_string(0, col, _cell_text(header), bold)
        for row, record in enumerate(table.itertuples(index=False), start=1):
            for col, (header, value) in enumerate(zip(table.columns, record, strict=True)):
                _write_cell(sheet, row, col, header, value, formats[_kind(keys[col])])
        for col, header in enumerate(table.columns):
            sheet.set_column(col, col, _width(header, table.iloc[:, col], keys[col]))
        sheet.set_row(0, 45)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(len(table), 1), len(table.columns) - 1)
        settings = book.add_worksheet("Settings")
        lines = about_lines(comparison, data, today, left_out)
        for r, (key, value) in enumerate(lines):
            settings.write_string(r, 0, _cell_text(key), bold)
            settings.write_string(r, 1, _cell_text(value))
        settings.set_column(0, 0, 30)
        settings.set_column(1, 1, 90)
        sources = book.add_worksheet("Sources")
        for col, header in enumerate(SOURCE_COLUMNS):
            sources.write_string(0, col, header, bold)
        for r, record in enumerate(sources_frame(comparison, data).itertuples(index=False), start=1):
            for col, value in enumerate(record):
                sources.write_string(r, col, _cell_text(value))
        for col, width in enumerate((22, 28, 60, 50, 8, 14)):
            sources.set_column(col, col, width)
        sources.freeze_panes(1, 0)
        _quotes_sheet(book, bold, comparison, data, saved_quotes)
    return buffer.getvalue()


def _quotes_sheet(book, bold, comparison: Comparison, data: Dataset, saved_quotes) -> None:
    sheet = book.add_worksheet("Quotes")
    for col, (_, header) in enumerate(QUOTE_SHEET_COLUMNS):
        sheet.write_string(0, col, header, bold)
    names = dict(zip(data.treatments["id"], data.treatments["name"], strict=True))
    left_out = {q["id"] for q in left_out_quotes(comparison, saved_quotes)}
    for r, quote in enumerate(saved_quotes, start=1):
        values = {
            **quote,
            "treatment": names.get(quote["treatment_id"], quote["treatment_id"]),
            "status": "left out: currency is not the market's" if quote["id"] in left_out else "included",
        }
        for col, (key, _) in enumerate(QUOTE_SHEET_COLUMNS):
            value = values.get(key)
            if key in ("price", "quantity") and isinstance(value, (int, float)):
                sheet.write_number(r, col, float(value))
            else:
                sheet.write_string(r, col, _cell_text(value))
    if not saved_quotes:
        sheet.write_string(1, 0, "No quotes were saved in the browser when this file was exported.")
    for col, width in enumerate((24, 28, 10, 9, 12, 9, 12, 36)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)


def _kind(key: str) -> str:
    if key in PERCENT:
        return "percent"
    if key in COUNTS:
        return "count"
    return "money" if key in NUMERIC else "text"


def _width(header: str, values: pd.Series, key: str) -> float:
    """A column width that fits the header's longest word and most values (capped)."""
    longest_word = max((len(w) for w in str(header).split()), default=8)
    if key in NUMERIC:
        return max(11, longest_word + 2)
    sample = [len(str(v)) for v in values.head(200) if isinstance(v, str)]
    typical = sorted(sample)[int(len(sample) * 0.9)] if sample else 8
    return min(60, max(longest_word + 2, typical + 2, 10))


def _write_cell(sheet, row: int, col: int, header: str, value, cell_format=None) -> None:
    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    if missing:
        sheet.write_blank(row, col, None, cell_format)
    elif header in _NUMERIC_HEADERS:
        sheet.write_number(row, col, float(value), cell_format)
    else:
        sheet.write_string(row, col, _cell_text(value))
