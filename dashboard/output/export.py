"""CSV and XLSX bytes of a comparison: formula-safe text, numbers kept as numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math

import pandas as pd
import xlsxwriter

from dashboard import vocab
from dashboard.dataset.loader import Dataset
from dashboard.formula import neutralise
from dashboard.model import inflation
from dashboard.model.comparison import Comparison, compare
from dashboard.model.quote_costs import quotes_left_out
from dashboard.output.display import money_range
from dashboard.output.views import price_category

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
    rows["total_reads"] = [money_range(lo, hi, bool(o is True or o == 1), symbol)
                           for lo, hi, o in zip(rows["total_low"], rows["total_high"],
                                                rows.get("total_open", pd.Series(False, index=rows.index)), strict=True)]
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


def about_lines(comparison: Comparison, data: Dataset, today: dt.date,
                left_out: list[str] = ()) -> list[tuple[str, str]]:
    """Settings block shown above the table in both formats; `left_out` describes the user's quotes
    not in the market's currency (a note row, only when there are some)."""
    years = data.price_years()
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    years_shown = (comparison.rows.get(f"session_{k}_year", pd.Series(dtype="float64")) for k in ("low", "typical", "high"))
    used = pd.concat(list(years_shown))
    note = [(
        "Your quotes left out",
        f"{len(left_out)} not in {currency}, the currency of this market: {'; '.join(left_out)}",
    )] if left_out else []
    return [
        ("Comparison", "Cosmetic treatment costs over time (not medical advice)"),
        ("Filters", comparison.filters.describe()),
        ("Exported", today.isoformat()),
        ("Price years in the data", f"{years[0]}-{years[1]}" if years else "unknown"),
        ("Currency", currency),
        *inflation.index_lines(comparison.price_index, currency, used, comparison.filters.prices_in),
        ("Options over budget not shown", str(comparison.hidden_over_budget)),
        ("Empty cells", "not published; an empty high beside a low means 'at least the low figure'"),
        *note,
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


def to_csv_bytes(comparison: Comparison, data: Dataset, today: dt.date, left_out: list[str] = ()) -> bytes:
    """UTF-8 (with BOM, for Excel) CSV: settings (and any quotes left out), a blank line, the table, a blank
    line, sources."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for key, value in about_lines(comparison, data, today, left_out):
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


# Excel number formats per kind of column.
PERCENT = {"major_complication_rate"}
COUNTS = NUMERIC - PERCENT - {k for k in NUMERIC if k.startswith(("initial_", "total_", "first_year_", "session_",
                                                                  "lost_pay_", "with_time_off_", "maintenance_",
                                                                  "per_month_"))}
MONEY_FORMATS = {"USD": '"$"#,##0', "GBP": '"£"#,##0'}


def left_out_quotes(comparison: Comparison, saved_quotes) -> list[dict]:
    """The user's quotes that the comparison leaves out because their currency is not the market's."""
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    return [q for q in saved_quotes if q.get("currency") != currency]


QUOTE_SHEET_COLUMNS = (("clinic", "Clinic"), ("treatment", "Treatment"), ("price", "Price"), ("currency", "Currency"),
                       ("covers", "Price covers"), ("quantity", "Quantity"), ("date", "Date"), ("status", "In this comparison"))


def to_xlsx_bytes(comparison: Comparison, data: Dataset, today: dt.date, left_out: list[str] = (),
                  saved_quotes=()) -> bytes:
    """XLSX: Comparison (header in row 1, number formats, frozen header, filter), Settings, Sources, Quotes.

    No formulas and no links: every text cell is written as a neutralised string.
    """
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    with xlsxwriter.Workbook(buffer, options) as book:
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#eef1f6", "border": 1})
        formats = {"money": book.add_format({"num_format": MONEY_FORMATS[currency]}),
                   "percent": book.add_format({"num_format": "0.0%"}),
                   "count": book.add_format({"num_format": "#,##0.##"}),
                   "text": book.add_format({"text_wrap": False})}
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
        values = {**quote, "treatment": names.get(quote["treatment_id"], quote["treatment_id"]),
                  "status": "left out: currency is not the market's" if quote["id"] in left_out else "included"}
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


def export_filename(extension: str, today: dt.date) -> str:
    return f"treatment-comparison-{today:%Y%m%d}.{extension}"


def to_json_bytes(comparison: Comparison, data: Dataset, today: dt.date, left_out: list[str] = ()) -> bytes:
    """JSON: {"filters", "query", "exported", "currency", "hidden_over_budget", "columns", "rows", "sources"}.

    Rows are objects keyed by the export column keys (EXPORT_COLUMNS); unknown figures are null,
    numbers are numbers, text is as in the dataset (JSON is data, not a spreadsheet).
    """
    frame = export_frame(comparison)
    keys = [key for key, _ in EXPORT_COLUMNS]
    rows = []
    for record in frame.itertuples(index=False):
        rows.append({key: _json_value(key, value) for key, value in zip(keys, record, strict=True)})
    sources = sources_frame(comparison, data)
    body = {
        "filters": comparison.filters.describe(),
        "query": comparison.filters.to_query(),
        "exported": today.isoformat(),
        "currency": vocab.MARKET_CURRENCY[comparison.filters.market],
        "hidden_over_budget": comparison.hidden_over_budget,
        "quotes_left_out": list(left_out),
        "columns": [{"key": key, "header": header} for key, header in EXPORT_COLUMNS],
        "rows": rows,
        "sources": [{k: _json_value(k, v) for k, v in zip(SOURCE_COLUMNS, r, strict=True)} for r in sources.itertuples(index=False)],
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def _json_value(key: str, value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if key in NUMERIC or key == "year":
        number = float(value)
        return int(number) if number.is_integer() else number
    return value.item() if hasattr(value, "item") else str(value) if not isinstance(value, (str, bool)) else value


FORMATS = {
    "csv": ("text/csv", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


def export_file(catalog, filters, fmt: str, today: dt.date, saved_quotes=(),
                saved_assumptions=()) -> tuple[bytes, str, str]:
    """The export for the filters: (bytes, file name, MIME type). One path for the page's buttons,
    the /comparison.* addresses and the command line."""
    comparison = compare(catalog, filters, list(saved_quotes), list(saved_assumptions))
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=False))
    left_out = quotes_left_out(list(saved_quotes), filters.market, names)
    mime, extension = FORMATS[fmt]
    if fmt == "csv":
        content = to_csv_bytes(comparison, catalog.data, today, left_out)
    elif fmt == "xlsx":
        content = to_xlsx_bytes(comparison, catalog.data, today, left_out, saved_quotes)
    else:
        content = to_json_bytes(comparison, catalog.data, today, left_out)
    return content, export_filename(extension, today), mime
