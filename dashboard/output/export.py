"""The one export path (page buttons, comparison URLs, command line): CSV and JSON bytes here,
XLSX in `xlsx`; formula-safe text, numbers kept as numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.dataset.loader import Dataset
from dashboard.model.comparison import Catalog, Comparison, compare
from dashboard.model.filters import Filters
from dashboard.model.quote_costs import quotes_left_out
from dashboard.output import filter_words
from dashboard.output.quote_words import left_out_line
from dashboard.output.table import (
    EXPORT_COLUMNS,
    NUMERIC,
    NUMERIC_HEADERS,
    SOURCE_COLUMNS,
    about_lines,
    cell_text,
    export_frame,
    sources_frame,
)
from dashboard.output.xlsx import Quote, to_xlsx_bytes


def to_csv_bytes(comparison: Comparison, data: Dataset, today: dt.date, left_out: Sequence[str] = ()) -> bytes:
    """UTF-8 (with BOM, for Excel) CSV: settings (and any quotes left out), a blank line, the table, a blank
    line, sources."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for key, value in about_lines(comparison, data, today, left_out):
        writer.writerow([cell_text(key), cell_text(value)])
    writer.writerow([])
    table = export_frame(comparison)
    writer.writerow([cell_text(h) for h in table.columns])
    for record in table.itertuples(index=False):
        writer.writerow([_csv_value(col, v) for col, v in zip(table.columns, record, strict=True)])
    writer.writerow([])
    writer.writerow(["Sources"])
    sources = sources_frame(comparison, data)
    writer.writerow(list(SOURCE_COLUMNS))
    for record in sources.itertuples(index=False):
        writer.writerow([cell_text(v) for v in record])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(header: str, value: Any) -> str:
    if header in NUMERIC_HEADERS:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return ""
        number = _rounded(header, float(value))
        return str(int(number)) if number.is_integer() else repr(number)
    return cell_text(value)


def _rounded(column: str, number: float) -> float:
    """Money and counts to the cent (no float noise such as 2.6999999999999997); rates to 4 places."""
    return round(number, 4 if column in ("major_complication_rate", "Major complication rate") else 2)


# Excel number formats per kind of column.


def export_filename(extension: str, today: dt.date) -> str:
    return f"treatment-comparison-{today:%Y%m%d}.{extension}"


def to_json_bytes(comparison: Comparison, data: Dataset, today: dt.date, left_out: Sequence[str] = ()) -> bytes:
    """JSON: {"filters", "query", "exported", "currency", "hidden_over_budget", "columns", "rows", "sources"}.

    Rows are objects keyed by the export column keys (EXPORT_COLUMNS); unknown figures are null,
    numbers are numbers, text is as in the dataset (JSON is data, not a spreadsheet).
    """
    frame = export_frame(comparison)
    keys = [key for key, _ in EXPORT_COLUMNS]
    rows: list[dict[str, Any]] = []
    for record in frame.itertuples(index=False):
        rows.append({key: _json_value(key, value) for key, value in zip(keys, record, strict=True)})
    sources = sources_frame(comparison, data)
    body = {
        "filters": filter_words.describe(comparison.filters),
        "query": comparison.filters.to_query(),
        "exported": today.isoformat(),
        "exported_time_zone": "UTC",
        "currency": vocab.MARKET_CURRENCY[comparison.filters.market],
        "hidden_over_budget": comparison.hidden_over_budget,
        "quotes_left_out": list(left_out),
        "columns": [{"key": key, "header": header} for key, header in EXPORT_COLUMNS],
        "rows": rows,
        "sources": [
            {k: _json_value(k, v) for k, v in zip(SOURCE_COLUMNS, r, strict=True)}
            for r in sources.itertuples(index=False)
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def _json_value(key: str, value: Any) -> Any:
    """A cell as JSON: null when unknown, numbers rounded as the other formats round them, numpy values as Python ones."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if key in NUMERIC or key == "year":
        number = _rounded(key, float(value))
        return int(number) if number.is_integer() else number
    return value.item() if hasattr(value, "item") else str(value) if not isinstance(value, (str, bool)) else value


FORMATS = {
    "csv": ("text/csv", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


def export_file(
    catalog: Catalog,
    filters: Filters,
    fmt: str,
    today: dt.date,
    saved_quotes: Sequence[Quote] = (),
    saved_assumptions: Sequence[dict[str, Any]] = (),
) -> tuple[bytes, str, str]:
    """The export for the filters: (bytes, file name, MIME type). One path for the page's buttons,
    the /comparison.* addresses and the command line."""
    comparison = compare(catalog, filters, list(saved_quotes), list(saved_assumptions))
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=False))
    left_out = [left_out_line(q, names) for q in quotes_left_out(list(saved_quotes), filters.market)]
    mime, extension = FORMATS[fmt]
    if fmt == "csv":
        content = to_csv_bytes(comparison, catalog.data, today, left_out)
    elif fmt == "xlsx":
        content = to_xlsx_bytes(comparison, catalog.data, today, left_out, saved_quotes)
    else:
        content = to_json_bytes(comparison, catalog.data, today, left_out)
    return content, export_filename(extension, today), mime
