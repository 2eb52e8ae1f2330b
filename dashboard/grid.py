"""The results grid: column definitions and the JSON-safe rows sent to the browser."""

from __future__ import annotations

import math

import pandas as pd

from dashboard import vocab
from dashboard.comparison import Comparison
from dashboard.dataset import Dataset
from dashboard.pricelist import region_text, spread_text

MONEY = {"function": "money(params)"}


def _range(low: str, high: str, unit: str = "") -> dict:
    return {"function": f"range(params, '{low}', '{high}', '{unit}')"}


def column_defs(horizon_label: str = "horizon") -> list[dict]:
    """AG Grid columns. Formatters are named functions in assets/dashAgGridFunctions.js."""
    money = dict(valueFormatter=MONEY, type="rightAligned", filter="agNumberColumnFilter", tooltipField="price_source_text")
    return [
        dict(field="name", headerName="Option", pinned="left", minWidth=220, filter="agTextColumnFilter", tooltipField="name"),
        dict(field="initial_high", headerName="Initial course", minWidth=150, valueFormatter={"function": "moneyRange(params, 'initial_low', 'initial_high')"},
             tooltipField="initial_text", type="rightAligned"),
        dict(field="total_low", headerName=f"Total low ({horizon_label})", **money),
        dict(field="total_typical", headerName=f"Total typical ({horizon_label})", **money),
        dict(field="total_high", headerName=f"Total high ({horizon_label})", **money),
        dict(field="session_high", headerName="Per session", minWidth=130,
             valueFormatter={"function": "moneyRange(params, 'session_low', 'session_high')"},
             tooltipField="price_source_text", type="rightAligned"),
        dict(field="sessions_high", headerName="Sessions", valueFormatter=_range("sessions_low", "sessions_high")),
        dict(field="results_months_high", headerName="Results last",
             valueFormatter=_range("results_months_low", "results_months_high", "months"), tooltipField="results_text",
             minWidth=130),
        dict(field="downtime_days_high", headerName="Downtime",
             valueFormatter=_range("downtime_days_low", "downtime_days_high", "days"), tooltipField="downtime_text"),
        dict(field="risk_tier", headerName="Risk tier", tooltipField="risk_basis", filter="agNumberColumnFilter"),
        dict(field="evidence", headerName="Evidence", valueFormatter={"function": "text(params)"},
             tooltipField="evidence_note"),
        dict(field="budget_fit", headerName="Budget fit", valueFormatter={"function": "text(params)"}),
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


def _source_text(row: dict, publishers: dict[str, str]) -> str:
    parts = []
    for kind in ("low", "typical", "high"):
        sid = row.get(f"session_{kind}_source")
        if isinstance(sid, str) and sid in publishers:
            year = row.get(f"session_{kind}_year")
            year_text = f", {int(year)}" if isinstance(year, float) and not math.isnan(year) else ", year not stated"
            spread = spread_text(kind, row.get(f"session_{kind}_rows"))
            parts.append(f"{kind}: {publishers[sid]}{year_text} ({row.get(f'session_{kind}_status')})"
                         + (f", {spread} (10th–90th percentile)" if spread else "")
                         + region_text(row.get(f"session_{kind}_region")))
    if not parts:
        return "No published price for this market"
    return "Price sources — " + "; ".join(parts)


GRID_FIELDS = (
    "id", "name", "category", "initial_low", "initial_high", "total_low", "total_typical", "total_high", "session_low", "session_high",
    "sessions_low", "sessions_high", "results_months_low", "results_months_high", "downtime_days_low",
    "downtime_days_high", "risk_tier", "risk_basis", "evidence", "evidence_note", "budget_fit", "currency",
    "with_time_off_high", "kind", "quote_note",
)


SOURCE_FIELDS = tuple(f"session_{k}_{x}" for k in ("low", "typical", "high")
                      for x in ("source", "year", "status", "rows", "region"))
TEXT_FIELDS = ("basis", "maintenance", "downtime_measure", "lost_pay_high")


def grid_rows(comparison: Comparison, data: Dataset) -> list[dict]:
    """JSON-safe rows for the grid; unknown numbers are null (shown as 'unknown')."""
    rows = comparison.rows
    publishers = dict(zip(data.sources["id"], data.sources["publisher"]))
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
        record["price_source_text"] = _source_text(raw, publishers)
        maintenance = raw.get("maintenance")
        record["results_text"] = {"none": "Long-lasting: no maintenance", "unknown": "Maintenance not known"}.get(
            maintenance, "Maintenance repeated when results fade")
        measure = raw.get("downtime_measure")
        record["downtime_text"] = f"Measures: {measure}" if isinstance(measure, str) and measure else "unknown"
        record["initial_text"] = "Initial course: per-session price x sessions in the course"
        if maintenance == "unknown":
            record["initial_text"] += "; maintenance unknown, so the total is at least this"
        lost = raw.get("lost_pay_high")
        record["lost_pay_text"] = (
            f"Lost pay up to {symbol}{lost:,.0f}, kept apart from the price" if isinstance(lost, float) and not math.isnan(lost)
            else "Enter daily earnings to see lost pay")
        out.append(record)
    return out
