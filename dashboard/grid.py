"""The results grid: column definitions and the JSON-safe rows sent to the browser."""

from __future__ import annotations

import math

import pandas as pd

from dashboard import inflation, vocab
from dashboard.comparison import Comparison
from dashboard.dataset import Dataset
from dashboard.pricelist import category_text, spread_text

MONEY = {"function": "money(params)"}


def _range(low: str, high: str, unit: str = "") -> dict:
    return {"function": f"range(params, '{low}', '{high}', '{unit}')"}


def _cost(low: str, high: str) -> dict:
    return {"function": f"costRange(params, '{low}', '{high}')"}


def column_defs(horizon_label: str = "horizon") -> list[dict]:
    """AG Grid columns. Formatters and comparators are named functions in assets/dashAgGridFunctions.js;
    cost columns sort by the lower bound, then the upper, with options without a price last."""
    money = dict(valueFormatter=MONEY, type="rightAligned", filter="agNumberColumnFilter", tooltipField="price_source_text",
                 comparator={"function": "nullsLast"})
    return [
        dict(field="name", headerName="Option", pinned="left", minWidth=220, filter="agTextColumnFilter", tooltipField="name"),
        dict(field="total_low", headerName=f"Total ({horizon_label})", minWidth=170, valueFormatter=_cost("total_low", "total_high"),
             comparator={"function": "totalOrder"}, tooltipField="total_text", type="rightAligned",
             cellClass={"function": "assumedClass(params)"}),
        dict(field="budget_fit", headerName="Budget fit", valueFormatter={"function": "text(params)"},
             tooltipField="budget_reason"),
        dict(field="initial_low", headerName="Initial course", minWidth=150, valueFormatter=_cost("initial_low", "initial_high"),
             comparator={"function": "initialOrder"}, tooltipField="initial_text", type="rightAligned",
             cellClass={"function": "assumedClass(params)"}),
        dict(field="total_typical", headerName=f"Total typical ({horizon_label})", **money),
        dict(field="session_low", headerName="Per session", minWidth=130, valueFormatter=_cost("session_low", "session_high"),
             comparator={"function": "sessionOrder"}, tooltipField="price_source_text", type="rightAligned"),
        dict(field="sessions_high", headerName="Sessions", valueFormatter=_range("sessions_low", "sessions_high")),
        dict(field="results_months_high", headerName="Results last",
             valueFormatter=_range("results_months_low", "results_months_high", "months"), tooltipField="results_text",
             minWidth=130),
        dict(field="downtime_days_high", headerName="Downtime",
             valueFormatter=_range("downtime_days_low", "downtime_days_high", "days"), tooltipField="downtime_text"),
        dict(field="risk_tier", headerName="Risk tier", tooltipField="risk_basis", filter="agNumberColumnFilter"),
        dict(field="evidence", headerName="Evidence", valueFormatter={"function": "text(params)"},
             tooltipField="evidence_note"),
        dict(field="category", headerName="Category", minWidth=120),
        dict(field="basis_label", headerName="Price basis", minWidth=170, tooltipField="basis_label"),
        dict(field="quote_note", headerName="Your quote vs published", minWidth=220, tooltipField="quote_note",
             valueFormatter={"function": "params.value ? params.value : ''"}),
        dict(field="with_time_off_high", headerName="Incl. time off (high)", **{**money, "tooltipField": "lost_pay_text"}),
    ]


def _clean(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, tuple):
        return ", ".join(value)
    if hasattr(value, "item"):
        return value.item()
    return value


def _source_text(row: dict, publishers: dict[str, str], index: inflation.PriceIndex = inflation.EMPTY_INDEX,
                 prices_in: str = "published") -> str:
    """Per figure: the price in the chosen money beside the published figure and year, and its source."""
    parts = []
    for kind in ("low", "typical", "high"):
        sid = row.get(f"session_{kind}_source")
        if isinstance(sid, str) and sid in publishers:
            year = row.get(f"session_{kind}_year")
            year_text = f", {int(year)}" if isinstance(year, float) and not math.isnan(year) else ", year not stated"
            spread = spread_text(kind, row.get(f"session_{kind}_rows"))
            category = category_text(row.get(f"session_{kind}_category"))
            how = {"average": ", the published average", "span": ", the range the sources span"}.get(
                row.get(f"session_{kind}_how"), "")
            money = inflation.figure_text(row.get(f"session_{kind}"), row.get("currency"), year, index, prices_in)
            parts.append(f"{kind}: {money} — {publishers[sid]}{year_text} ({row.get(f'session_{kind}_status')}{how})"
                         + (f", {spread} (10th–90th percentile)" if spread else "")
                         + (f", {category}" if category else ""))
    notes = [n for n in (row.get("price_note"), row.get("price_order_note")) if isinstance(n, str) and n]
    if row.get("session_low_how") == "assumed":
        return "Price per session: your assumption"
    if row.get("kind") == "your quote":
        return "Your quote: " + inflation.figure_text(row.get("session_typical"), row.get("currency"),
                                                      row.get("session_typical_year"), index, prices_in, verb="quoted")
    if not parts:
        return "No published price for this market"
    return "Price sources — " + "; ".join(parts) + ("" if not notes else ". " + ". ".join(notes).capitalize())


GRID_FIELDS = (
    "id", "name", "category", "initial_low", "initial_high", "total_low", "total_typical", "total_high", "session_low", "session_high",
    "sessions_low", "sessions_high", "results_months_low", "results_months_high", "downtime_days_low",
    "downtime_days_high", "risk_tier", "risk_basis", "evidence", "evidence_note", "budget_fit", "currency",
    "with_time_off_high", "kind", "quote_note", "budget_reason", "missing", "price_note", "price_order_note", "assumed",
)


SOURCE_FIELDS = tuple(f"session_{k}_{x}" for k in ("low", "typical", "high")
                      for x in ("source", "year", "status", "rows", "weak", "how", "category"))
TEXT_FIELDS = ("basis", "maintenance", "downtime_measure", "lost_pay_high", "session_typical")


def grid_rows(comparison: Comparison, data: Dataset) -> list[dict]:
    """JSON-safe rows for the grid; unknown numbers are null (shown as 'unknown')."""
    rows = comparison.rows
    publishers = dict(zip(data.sources["id"], data.sources["publisher"], strict=True))
    symbol = vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[comparison.filters.market]]
    present = [f for f in (*GRID_FIELDS, *SOURCE_FIELDS, *TEXT_FIELDS) if f in rows.columns]
    out = []
    for raw in rows[present].to_dict("records"):
        record = {f: _clean(raw.get(f)) for f in GRID_FIELDS}
        record["currency_symbol"] = symbol
        if comparison.filters.budget is None:
            record["budget_fit"] = "no budget set"
        if not comparison.filters.concern:
            record["evidence"] = "choose a concern"
        record["basis_label"] = vocab.BASIS_LABELS.get(raw.get("basis"), "No published price")
        record["price_source_text"] = _source_text(raw, publishers, comparison.price_index,
                                                   comparison.filters.prices_in)
        maintenance = raw.get("maintenance")
        record["results_text"] = {
            "none": "Long-lasting: no maintenance",
            "unknown": "Maintenance not known",
            "as-needed": "Repeated as needed: no interval published; a figure here is a study's last follow-up (a lower bound)",
        }.get(maintenance, "Maintenance repeated when results fade")
        measure = raw.get("downtime_measure")
        record["downtime_text"] = f"Measures: {measure}" if isinstance(measure, str) and measure else "unknown"
        record["initial_text"] = "Initial course: per-session price x sessions in the course"
        if maintenance in ("unknown", "as-needed"):
            record["initial_text"] += "; how often it is repeated is not published, so the total is at least this"
        record["total_text"] = " ".join(t for t in (
            record.get("assumed") and f"Includes {record['assumed']}.", record.get("budget_reason"),
            record.get("missing")) if t) or "Initial course plus maintenance over the horizon"
        lost = raw.get("lost_pay_high")
        record["lost_pay_text"] = (
            f"Lost pay up to {symbol}{lost:,.0f}, kept apart from the price" if isinstance(lost, float) and not math.isnan(lost)
            else "Enter daily earnings to see lost pay")
        out.append(record)
    return out
