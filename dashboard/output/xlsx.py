"""XLSX bytes of a comparison: the table from row 1 with number formats, widths, a frozen header and
a filter; settings, sources and quotes on their own sheets; no formulas, no links."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd
import xlsxwriter

from dashboard import vocab
from dashboard.dataset.loader import Dataset
from dashboard.model.comparison import Comparison
from dashboard.output.table import (
    EXPORT_COLUMNS,
    NUMERIC,
    SOURCE_COLUMNS,
    about_lines,
    cell_text,
    export_frame,
    sources_frame,
)

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

PERCENT = {"major_complication_rate"}
COUNTS = (
    NUMERIC
    - PERCENT
    - {
        k
        for k in NUMERIC
        if k.startswith(
            (
                "as_published_",
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
                "extra_improved_",
            )
        )
    }
)
YEARS = {"session_typical_year"}
MONEY = NUMERIC - PERCENT - COUNTS - YEARS
MONEY_FORMATS = {"USD": '"$"#,##0', "GBP": '"£"#,##0'}
# A quote as the browser saved it (quotes.records' canonical record): field -> value.
Quote = dict[str, Any]
# The workbook's cell formats by kind of value; "quote_money" holds a dict of them by currency.
Formats = dict[str, Any]
# Excel number formats. A count is whole or not: "#,##0.##" would show a whole 167 as "167.", so whole
# counts get "#,##0" and others "#,##0.0#"; a year is a plain integer ("2020", never "$2,020" or "2,020").
YEAR_FORMAT = "0"
WHOLE_COUNT_FORMAT = "#,##0"
FRACTION_COUNT_FORMAT = "#,##0.0#"
WHOLE = re.compile(r"[0-9]{1,15}")  # a text cell that is a count or a year, e.g. "2" or "2017"


def left_out_quotes(comparison: Comparison, saved_quotes: Iterable[Quote]) -> list[Quote]:
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
    comparison: Comparison,
    data: Dataset,
    today: dt.date,
    left_out: Sequence[str] = (),
    saved_quotes: Sequence[Quote] = (),
) -> bytes:
    """XLSX: Comparison (header in row 1, number formats, frozen header, filter), Settings, Sources, Quotes.

    No formulas and no links: every text cell is written as a neutralised string.
    """
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    with xlsxwriter.Workbook(buffer, options) as book:
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#eef1f6", "border": 1})
        formats = _number_formats(book, currency)
        sheet = book.add_worksheet("Comparison")
        table = export_frame(comparison)
        keys = [key for key, _ in EXPORT_COLUMNS]
        for col, header in enumerate(table.columns):
            sheet.write_string(0, col, cell_text(header), bold)
        for row, record in enumerate(table.itertuples(index=False), start=1):
            for col, value in enumerate(record):
                _write_cell(sheet, row, col, value, formats, _kind(keys[col]))
        for col, header in enumerate(table.columns):
            sheet.set_column(col, col, _width(header, table.iloc[:, col], keys[col]))
        sheet.set_row(0, 45)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(len(table), 1), len(table.columns) - 1)
        settings = book.add_worksheet("Settings")
        lines = about_lines(comparison, data, today, left_out)
        for r, (key, value) in enumerate(lines):
            settings.write_string(r, 0, cell_text(key), bold)
            _write_text_or_whole(settings, r, 1, value, formats["count"])
        settings.set_column(0, 0, 30)
        settings.set_column(1, 1, 90)
        sources = book.add_worksheet("Sources")
        for col, header in enumerate(SOURCE_COLUMNS):
            sources.write_string(0, col, header, bold)
        for r, record in enumerate(sources_frame(comparison, data).itertuples(index=False), start=1):
            for col, (key, value) in enumerate(zip(SOURCE_COLUMNS, record, strict=True)):
                if key == "year":
                    _write_text_or_whole(sources, r, col, value, formats["year"])
                else:
                    sources.write_string(r, col, cell_text(value))
        for col, width in enumerate((22, 28, 60, 50, 8, 14)):
            sources.set_column(col, col, width)
        sources.freeze_panes(1, 0)
        _quotes_sheet(book, bold, formats, comparison, data, saved_quotes)
    return buffer.getvalue()


def _quotes_sheet(
    book: Workbook, bold: Format, formats: Formats, comparison: Comparison, data: Dataset, saved_quotes: Sequence[Quote]
) -> None:
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
            if key == "price" and isinstance(value, (int, float)):
                money = formats["quote_money"].get(quote.get("currency"), formats["cents"])
                sheet.write_number(r, col, round(float(value), 2), money)
            elif key == "quantity" and isinstance(value, (int, float)):
                _write_cell(sheet, r, col, value, formats, "count")
            else:
                sheet.write_string(r, col, cell_text(value))
    if not saved_quotes:
        sheet.write_string(1, 0, "No quotes were saved in the browser when this file was exported.")
    for col, width in enumerate((24, 28, 10, 9, 12, 9, 12, 36)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)


def _kind(key: str) -> str:
    if key in PERCENT:
        return "percent"
    if key in YEARS:
        return "year"
    if key in COUNTS:
        return "count"
    return "money" if key in MONEY else "text"


def _number_formats(book: Workbook, currency: str) -> Formats:
    """The workbook's cell formats by kind of value; "quote_money" maps a quote's currency to its format."""
    return {
        "money": book.add_format({"num_format": MONEY_FORMATS[currency]}),
        "percent": book.add_format({"num_format": "0.0%"}),
        "year": book.add_format({"num_format": YEAR_FORMAT}),
        "count": book.add_format({"num_format": WHOLE_COUNT_FORMAT}),
        "fraction": book.add_format({"num_format": FRACTION_COUNT_FORMAT}),
        "cents": book.add_format({"num_format": "#,##0.00"}),
        "quote_money": {c: book.add_format({"num_format": f[:-1] + "0.00"}) for c, f in MONEY_FORMATS.items()},
    }


def _width(header: str, values: pd.Series, key: str) -> float:
    """A column width that fits the header's longest word and most values (capped)."""
    longest_word = max((len(w) for w in str(header).split()), default=8)
    if key in NUMERIC:
        return max(11, longest_word + 2)
    sample = [len(str(v)) for v in values.head(200) if isinstance(v, str)]
    typical = sorted(sample)[int(len(sample) * 0.9)] if sample else 8
    return min(60, max(longest_word + 2, typical + 2, 10))


def _number(value: float, kind: str) -> float | int:
    """The value as stored: money and rates to the cent (a rate keeps four places, 1.8% is 0.018), years and
    whole counts as integers, other counts to two places."""
    if kind == "percent":
        return round(value, 4)
    if kind == "money":
        return round(value, 2)
    if kind == "year" or (kind == "count" and float(value).is_integer()):
        return int(round(value))
    return round(value, 2)


def _write_cell(sheet: Worksheet, row: int, col: int, value: Any, formats: Formats, kind: str) -> None:
    """One Comparison cell: a number with its kind's format (money, percent, year, count), blank, or text."""
    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    if missing:
        sheet.write_blank(row, col, None, formats.get(kind))
    elif kind != "text":
        number = _number(float(value), kind)
        fraction = kind == "count" and not isinstance(number, int)
        sheet.write_number(row, col, number, formats["fraction" if fraction else kind])
    else:
        sheet.write_string(row, col, cell_text(value))


def _write_text_or_whole(sheet: Worksheet, row: int, col: int, value: object, whole_format: Format) -> None:
    """Text as a neutralised string, except a whole number written as text ("2", "2017"): a number; "" blank."""
    text = cell_text(value)
    if not text:
        sheet.write_blank(row, col, None)
    elif WHOLE.fullmatch(text):
        sheet.write_number(row, col, int(text), whole_format)
    else:
        sheet.write_string(row, col, text)
