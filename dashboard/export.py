"""CSV and XLSX bytes of a comparison: formula-safe text, numbers kept as numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pandas as pd
import xlsxwriter

from dashboard import inflation, vocab
from dashboard.comparison import Comparison
from dashboard.dataset import Dataset
from dashboard.formula import neutralise
from dashboard.views import money_range, price_category

# (column in the comparison frame, header in the export). Declared once.
EXPORT_COLUMNS = (
    ("name", "Option"),
    ("kind", "Row type"),
    ("clinic", "Clinic (your quotes)"),
    ("category", "Category"),
    ("basis_label", "Price basis"),
    ("currency", "Currency"),
    ("initial_low", "Initial course low"),
    ("initial_high", "Initial course high"),
    ("total_low", "Total cost low"),
    ("total_typical", "Total cost typical"),
    ("total_high", "Total cost high"),
    ("total_reads", "Total cost reads"),
    ("first_year_low", "First-year cost low"),
    ("first_year_high", "First-year cost high"),
    ("session_low", "Cost per session low"),
    ("session_typical", "Cost per session typical"),
    ("session_high", "Cost per session high"),
    ("as_published_session_low", "Cost per session low as published"),
    ("as_published_session_typical", "Cost per session typical as published"),
    ("as_published_session_high", "Cost per session high as published"),
    ("session_typical_year", "Price year (typical)"),
    ("price_adjustment", "Inflation adjustment (typical)"),
    ("sessions_low", "Sessions low"),
    ("sessions_typical", "Sessions typical"),
    ("sessions_high", "Sessions high"),
    ("maintenance", "Maintenance"),
    ("results_months_low", "Results last months low"),
    ("results_months_high", "Results last months high"),
    ("downtime_days_low", "Downtime days low"),
    ("downtime_days_high", "Downtime days high"),
    ("downtime_measure", "Downtime measures"),
    ("risk_tier", "Risk tier"),
    ("major_complication_rate", "Major complication rate"),
    ("evidence", "Evidence for concern"),
    ("budget_fit", "Budget fit"),
    ("budget_reason", "Budget fit reason"),
    ("missing", "Missing inputs"),
    ("assumed_marker", "Your assumption used"),
    ("assumed", "Your assumptions"),
    ("price_read", "How the price was read"),
    ("pareto_label", "Best trade-off"),
    ("lost_pay_low", "Lost pay low"),
    ("lost_pay_high", "Lost pay high"),
    ("with_time_off_low", "Cost including time off low"),
    ("with_time_off_high", "Cost including time off high"),
    ("quote_note", "Your quote vs published"),
    ("price_sources", "Price sources"),
    ("source_ids", "Fact sources"),
)
NUMERIC = {
    "initial_low", "initial_high", "total_low", "total_typical", "total_high", "first_year_low", "first_year_high", "session_low",
    "session_typical", "session_high",
    "as_published_session_low", "as_published_session_typical", "as_published_session_high",
    "session_typical_year", "sessions_low", "sessions_typical", "sessions_high",
    "results_months_low", "results_months_high", "downtime_days_low", "downtime_days_high", "risk_tier",
    "major_complication_rate", "lost_pay_low", "lost_pay_high", "with_time_off_low", "with_time_off_high",
}
SOURCE_COLUMNS = ("id", "publisher", "title", "url", "year", "status")


def export_frame(comparison: Comparison) -> pd.DataFrame:
    """The exported table: one row per option, columns as in EXPORT_COLUMNS."""
    rows = comparison.rows.copy()
    rows["kind"] = rows["kind"] if "kind" in rows else "published"
    for column in ("quote_note", "clinic"):
        if column not in rows:
            rows[column] = None
    rows["basis_label"] = rows["basis"].map(vocab.BASIS_LABELS)
    symbol = vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[comparison.filters.market]]
    rows["total_reads"] = [money_range(lo, hi, symbol) for lo, hi in zip(rows["total_low"], rows["total_high"], strict=True)]
    for column in ("budget_reason", "missing", "assumed", "price_note", "price_order_note"):
        if column not in rows:
            rows[column] = ""
    rows["assumed_marker"] = rows["assumed"].map(lambda a: "yes" if isinstance(a, str) and a else "")
    covers = [price_category(row) for _, row in rows.iterrows()]
    rows["price_read"] = [
        "; ".join(n for n in (a, b, c) if isinstance(n, str) and n)
        for a, b, c in zip(rows["price_note"], rows["price_order_note"], covers, strict=True)]
    rows["pareto_label"] = rows["pareto"].map({True: "yes", False: ""})
    rows["price_sources"] = rows.apply(_price_sources, axis=1)
    rows["source_ids"] = rows["source_ids"].map(lambda ids: ";".join(ids) if isinstance(ids, tuple) else ids)
    _add_published(rows, comparison.price_index, comparison.filters.prices_in)
    out = pd.DataFrame({header: rows[key] if key in rows else None for key, header in EXPORT_COLUMNS})
    return out.reset_index(drop=True)


def _add_published(rows: pd.DataFrame, index: inflation.PriceIndex, prices_in: str) -> None:
    """Each per-session figure as its source published it (or as quoted), and how the typical one was adjusted."""
    currency = rows["currency"] if "currency" in rows else pd.Series(None, index=rows.index, dtype="object")
    for kind in ("low", "typical", "high"):
        rows[f"as_published_session_{kind}"] = [
            inflation.published_value(v, c, y, index, prices_in)
            for v, c, y in zip(rows[f"session_{kind}"], currency, rows[f"session_{kind}_year"], strict=False)]
    rows["price_adjustment"] = [
        inflation.adjustment_text(c, y, index, prices_in) if not pd.isna(v) else ""
        for v, c, y in zip(rows["session_typical"], currency, rows["session_typical_year"], strict=False)]


def _price_sources(row: pd.Series) -> str:
    ids = [row.get(f"session_{k}_source") for k in ("low", "typical", "high")]
    return ";".join(dict.fromkeys(i for i in ids if isinstance(i, str)))


def about_lines(comparison: Comparison, data: Dataset, today: dt.date) -> list[tuple[str, str]]:
    """Settings block shown above the table in both formats."""
    years = data.price_years()
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    years_shown = (comparison.rows.get(f"session_{k}_year", pd.Series(dtype="float64")) for k in ("low", "typical", "high"))
    used = pd.concat(list(years_shown))
    return [
        ("Comparison", "Cosmetic treatment costs over time (not medical advice)"),
        ("Filters", comparison.filters.describe()),
        ("Exported", today.isoformat()),
        ("Price years in the data", f"{years[0]}-{years[1]}" if years else "unknown"),
        ("Currency", currency),
        *inflation.index_lines(comparison.price_index, currency, used, comparison.filters.prices_in),
        ("Options over budget not shown", str(comparison.hidden_over_budget)),
        ("Empty cells", "not published; an empty high beside a low means 'at least the low figure'"),
    ]


def sources_frame(comparison: Comparison, data: Dataset) -> pd.DataFrame:
    """The sources behind the exported rows (prices, facts and concern evidence)."""
    used: set[str] = set()
    rows = comparison.rows
    for k in ("low", "typical", "high"):
        used |= set(rows.get(f"session_{k}_source", pd.Series(dtype=object)).dropna())
    for ids in rows["source_ids"].dropna():
        used |= set(ids)
    used |= set(rows.get("evidence_source", pd.Series(dtype=object)).dropna())
    src = data.sources[data.sources["id"].isin(used)][list(SOURCE_COLUMNS)]
    return src.sort_values("id").reset_index(drop=True)


def _cell_text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return neutralise(str(value))


def to_csv_bytes(comparison: Comparison, data: Dataset, today: dt.date) -> bytes:
    """UTF-8 (with BOM, for Excel) CSV: settings, a blank line, the table, a blank line, sources."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for key, value in about_lines(comparison, data, today):
        writer.writerow([_cell_text(key), _cell_text(value)])
    writer.writerow([])
    table = export_frame(comparison)
    writer.writerow([_cell_text(h) for h in table.columns])
    for record in table.itertuples(index=False):
        writer.writerow([_csv_value(col, v) for col, v in zip(table.columns, record, strict=True)])
    writer.writerow([])
    writer.writerow(["Sources"])
    sources = sources_frame(comparison, data)
    writer.writerow(list(SOURCE_COLUMNS))
    for record in sources.itertuples(index=False):
        writer.writerow([_cell_text(v) for v in record])
    return buffer.getvalue().encode("utf-8-sig")


_NUMERIC_HEADERS = {header for key, header in EXPORT_COLUMNS if key in NUMERIC}


def _csv_value(header: str, value):
    if header in _NUMERIC_HEADERS:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return ""
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return _cell_text(value)


def to_xlsx_bytes(comparison: Comparison, data: Dataset, today: dt.date) -> bytes:
    """XLSX with a Comparison sheet (settings + table) and a Sources sheet; no formulas, no links."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as book:
        bold = book.add_format({"bold": True})
        sheet = book.add_worksheet("Comparison")
        row = 0
        for key, value in about_lines(comparison, data, today):
            sheet.write_string(row, 0, _cell_text(key), bold)
            sheet.write_string(row, 1, _cell_text(value))
            row += 1
        row += 1
        table = export_frame(comparison)
        for col, header in enumerate(table.columns):
            sheet.write_string(row, col, _cell_text(header), bold)
        for record in table.itertuples(index=False):
            row += 1
            for col, (header, value) in enumerate(zip(table.columns, record, strict=True)):
                _write_cell(sheet, row, col, header, value)
        sources = book.add_worksheet("Sources")
        for col, header in enumerate(SOURCE_COLUMNS):
            sources.write_string(0, col, header, bold)
        for r, record in enumerate(sources_frame(comparison, data).itertuples(index=False), start=1):
            for col, value in enumerate(record):
                sources.write_string(r, col, _cell_text(value))
    return buffer.getvalue()


def _write_cell(sheet, row: int, col: int, header: str, value) -> None:
    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    if missing:
        sheet.write_blank(row, col, None)
    elif header in _NUMERIC_HEADERS:
        sheet.write_number(row, col, float(value))
    else:
        sheet.write_string(row, col, _cell_text(value))


def export_filename(extension: str, today: dt.date) -> str:
    return f"treatment-comparison-{today:%Y%m%d}.{extension}"
