"""The results grid's rows: JSON-safe, one per option, with the texts its columns (`grid_columns`) show.

Five facts per option (total over the horizon with the course beside the upkeep, the budget answer with
what it hinges on, downtime, risk tier, evidence for the concern); everything else is in the details panel
and the side-by-side view.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.dataset import pricelist
from dashboard.dataset.loader import Dataset
from dashboard.model import inflation
from dashboard.model.comparison import Comparison
from dashboard.model.decision import HINGE_COLUMNS
from dashboard.output import (
    assumption_words,
    course_words,
    decision_words,
    display,
    inflation_words,
    price_words,
    trial_words,
    words,
)
from dashboard.output.display import RowLike
from dashboard.output.gaps import missing_text
from dashboard.output.option_attributes import covers
from dashboard.output.price_words import category_text, region_text, spread_text
from dashboard.output.quote_placement_words import NOTE_READS, quote_note

# the evidence grades of concerns.csv (data/README.md, "Evidence levels"), for the evidence cell's tip
EVIDENCE_WORDS = {
    "A": "Grade A: a meta-analysis or several randomised trials.",
    "B": "Grade B: small or uncontrolled trials, or a single small randomised trial.",
    "C": "Grade C: expert opinion, a regulator or a patient-information page.",
}
# One row of the grid as the browser gets it: column -> a JSON value (number, text, true/false or null).
GridRow = dict[str, Any]


def _clean(value: Any) -> Any:
    """A cell as a JSON value: unknown as None, a tuple of codes as text, a numpy number as a Python one."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, tuple):
        return ", ".join(value)
    if hasattr(value, "item"):
        return value.item()
    return value


def source_text(
    row: RowLike,
    publishers: Mapping[str, str],
    index: inflation.PriceIndex = inflation.EMPTY_INDEX,
    prices_in: str = "published",
    read_on: Mapping[str, str] | None = None,
) -> str:
    """Per figure: the price in the chosen money beside the published figure and year (for an undated one, the
    day its source was read: `read_on` maps source id -> YYYY-MM-DD), and its source."""
    parts: list[str] = []
    for kind in vocab.FIGURE_KINDS:
        sid = row.get(f"session_{kind}_source")
        if isinstance(sid, str) and all(i in publishers for i in pricelist.source_ids(sid)):
            year = row.get(f"session_{kind}_year")
            year_text = (
                f", {int(year)}"
                if display.known(year)
                else words.undated_text(price_words.read_on_of(sid, read_on or {}))
            )
            spread = spread_text(kind, row.get(f"session_{kind}_rows"))
            category = category_text(row.get(f"session_{kind}_category"))
            how = {"average": ", the published average", "span": ", the range the sources span"}.get(
                row.get(f"session_{kind}_how"), ""
            )
            money = inflation_words.figure_text(row.get(f"session_{kind}"), row.get("currency"), year, index, prices_in)
            parts.append(
                f"{kind}: {money} — {price_words.publisher_text(sid, publishers)}{year_text} ({row.get(f'session_{kind}_status')}{how})"
                + (f", {spread} (10th–90th percentile)" if spread else "")
                + (f", {category}" if category else "")
                + region_text(row.get(f"session_{kind}_region"))
            )
    if row.get("session_low_how") == "assumed":
        return "Price per session: your assumption"
    if row.get("kind") == "your quote":
        return "Your quote: " + inflation_words.figure_text(
            row.get("session_typical"),
            row.get("currency"),
            row.get("session_typical_year"),
            index,
            prices_in,
            verb="quoted",
        )
    if not parts:
        return "No published price for this market"
    return "Price sources — " + "; ".join(parts)


def _text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) and value else default


def price_figures(
    row: RowLike, index: inflation.PriceIndex = inflation.EMPTY_INDEX, prices_in: str = "published"
) -> str:
    """The price per session in the chosen money beside the published figure and year, without its
    publisher: 'Price per session: $208 in 2025 dollars (published $167 in 2020; CPI-U 2020 -> 2025)',
    'Price per session: $15–$25, published; year not stated, so not adjusted for inflation'."""
    if row.get("session_low_how") == "assumed" or row.get("kind") == "your quote":
        return source_text(row, {}, index, prices_in)
    groups: dict[tuple[bool, str], list[tuple[str, float]]] = {}  # what is said -> (kind, value) it is said of
    for kind in vocab.FIGURE_KINDS:
        value = row.get(f"session_{kind}")
        if display.known(value):
            text = inflation_words.figure_text(
                value, row.get("currency"), row.get(f"session_{kind}_year"), index, prices_in
            )
            money, comma, rest = text.partition(", ")  # "$15, published; …": the figure, then how it was kept
            # figures kept as published share what is said of them ("$15–$25, published; …"); adjusted ones
            # each say their own published figure and year
            key = (True, rest) if comma and " " not in money else (False, text)
            groups.setdefault(key, []).append((kind, float(value)))
    symbol = vocab.CURRENCY_SYMBOL.get(row.get("currency"), "")
    said: list[str] = []
    for (shared, text), figures in groups.items():
        values = [v for _, v in figures]
        said.append(f"{display.money_range(min(values), max(values), False, symbol)}, {text}" if shared else text)
        if len(groups) > 1:
            said[-1] = " and ".join(k for k, _ in figures) + ": " + said[-1]
    return "Price per session: " + "; ".join(said) if said else ""


def total_tip(row: RowLike, figures: str = "", missing: str = "") -> str:
    """The total cell's tooltip: what is missing (`missing`: gaps.missing_text), how the price was read, the
    figures (`price_figures`) and what the price includes; the publishers, statuses and spreads stay in the
    details and the sources."""
    basis = row.get("basis")
    parts = [
        missing,
        price_words.note_text(row.get("price_note")),
        price_words.note_text(row.get("price_order_note")),
        *dict.fromkeys(category_text(row.get(f"session_{k}_category")) for k in vocab.FIGURE_KINDS),
        assumption_words.assumed_text(row.get("assumed")),
        figures,
        f"What the price includes: {words.BASIS_WORDS[basis]}" if basis in words.BASIS_WORDS else "",
        "Sources: select the row for its details" if display.known(row.get("total_low")) else "",
    ]
    return " ".join(_capital(p) if p.endswith(".") else _capital(p) + "." for p in parts if p)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


GRID_FIELDS = (
    "id",
    "name",
    "kind",
    "total_low",
    "total_high",
    "total_typical",
    "downtime_days_low",
    "downtime_days_high",
    "risk_tier",
    "risk_basis",
    "evidence",
    "evidence_note",
    "budget_fit",
    "budget_reason",
    "with_time_off_low",
    "with_time_off_high",
    "assumed",
    "quote_note",
)
# Columns grid_rows makes itself (words from the row), not read from the comparison.
DERIVED = frozenset({"budget_reason", "missing", "quote_note"})
# Every column grid_rows reads (GRID_FIELDS, and those its texts and tooltips are made from): the rows are
# read as dicts of these alone.
GRID_READS = (
    *GRID_FIELDS,
    "currency",
    "total_open",
    "downtime_measure",
    "weak_facts",
    "lost_pay_low",
    "lost_pay_high",
    "price_note",
    "price_order_note",
    "initial_low",
    "initial_high",
    "initial_open",
    "upkeep_capped",
    "results_months_low",
    "results_months_high",
    "maintenance",
    "maintenance_low",
    "maintenance_high",
    "maintenance_sessions_low",
    "maintenance_sessions_high",
    "category",
    "session_unit",
    "assumed_fields",
    "missing_inputs",
    "price_problem",
    "quote_covers",
    "quote_quantity",
    *NOTE_READS,
    *HINGE_COLUMNS,
    "basis",
    "trial",
    *(
        f"session_{kind}{part}"
        for kind in vocab.FIGURE_KINDS
        for part in ("", "_source", "_year", "_rows", "_category", "_how", "_status", "_region")
    ),
)


def grid_rows(comparison: Comparison, data: Dataset, shown: Sequence[RowLike] | None = None) -> list[GridRow]:
    """JSON-safe rows for the grid: the sort keys as numbers (null when unknown) and the texts shown.
    `shown`: the comparison's rows already read with display.cells, when the caller has them."""
    rows = comparison.rows if shown is None else shown
    publishers = dict(zip(data.sources["id"], data.sources["publisher"], strict=True))
    read_on = dict(zip(data.sources["id"], data.sources["read_on"], strict=True)) if "read_on" in data.sources else {}
    symbol = display.symbol_of(comparison.filters.market)
    out: list[GridRow] = []
    for raw in display.plain_records(rows, GRID_READS):
        assumed = raw.get("assumed")  # the person's assumptions (a tuple of values) in words
        record = {
            f: assumption_words.assumed_text(assumed)
            if f == "assumed" and isinstance(assumed, tuple)
            else _clean(raw.get(f))
            for f in GRID_FIELDS
        }
        record.update(_total_cells(raw, comparison, symbol, publishers, read_on))
        record.update(_budget_cells(raw, comparison, symbol))
        measure = raw.get("downtime_measure")
        record["downtime_text"] = words.flagged(
            words.downtime_text(raw.get("downtime_days_low"), raw.get("downtime_days_high"), measure), raw, "downtime"
        )
        record["downtime_tip"] = words.downtime_tip(measure)
        if comparison.filters.concern:
            record.update(_evidence_cells(raw, symbol))
        else:
            record["evidence"] = None
            record["evidence_text"] = "choose a concern"
            record["trial_text"] = ""
        record.update(_time_off_cells(raw, symbol))
        record["over"] = record["budget_fit"] == "over"
        out.append(record)
    return sorted(out, key=row_group)  # stable: the model's order within each group


def _total_cells(
    raw: RowLike, comparison: Comparison, symbol: str, publishers: Mapping[str, str], read_on: Mapping[str, str]
) -> GridRow:
    """The name's tip and the total's cells: the total with the course beside the upkeep (marked where it rests
    on the person's assumption), what the price covers, its sources, what is missing and the total's tip."""
    cells: GridRow = {"total_open": display.flag(raw.get("total_open"))}
    note = quote_note(raw)  # a quote: where it stands against the published figures
    cells["quote_note"] = note
    cells["name_tip"] = f"{raw.get('name')}. {note}" if note else raw.get("name")
    assumed = assumption_words.assumed_text(raw.get("assumed"))
    total, _, parts = course_words.cost_cell(raw, symbol, comparison.filters.horizon).partition("\n")
    if assumed and display.known(raw.get("total_low")):
        total += " (your assumption)"
    cells["total_text"] = f"{total}\n{parts}" if parts else total
    cells["covers_text"] = covers(raw)
    cells["price_source_text"] = source_text(
        raw, publishers, comparison.price_index, comparison.filters.prices_in, read_on
    )
    cells["missing"] = missing_text(raw, comparison.filters.market)
    figures = price_figures(raw, comparison.price_index, comparison.filters.prices_in)
    cells["total_tip"] = total_tip(raw, figures, cells["missing"])
    return cells


def _budget_cells(raw: RowLike, comparison: Comparison, symbol: str) -> GridRow:
    """The budget answer's cells: its key (None without a budget), label and rank, why, and what it hinges on."""
    budget, horizon = comparison.filters.budget, comparison.filters.horizon
    key = display.fit_key(raw.get("budget_fit")) if budget is not None else None
    label = display.fit_label(key)
    short = decision_words.hinge_short(raw, budget, symbol, horizon)
    return {
        "budget_fit": key,
        "fit_label": label,
        "fit_rank": display.FIT_ORDER.index(key) if key in display.FIT_ORDER else None,
        "budget_reason": _text(
            decision_words.budget_answer(raw, budget, symbol, horizon), "Set a budget to see which options fit"
        ),
        "fit_text": f"{label}\n{short}" if short else label,
    }


def _evidence_cells(raw: RowLike, symbol: str) -> GridRow:
    """What trials found for the concern: the table's two lines, a phone card's line and the full note (the
    study, what an extra patient improved costs, its limits, the evidence grade)."""
    limits = trial_words.limits(raw)
    return {
        "evidence_text": trial_words.cell(raw),
        "trial_text": trial_words.card_text(raw),
        "evidence_note": " ".join(
            (
                trial_words.sentence(raw),
                trial_words.value_text(raw, symbol),
                f"Limits: {limits.rstrip('. ')}." if limits != "none recorded" else "",
                EVIDENCE_WORDS.get(raw.get("evidence", ""), ""),  # no grade: ""
            )
        ),
    }


def _time_off_cells(raw: RowLike, symbol: str) -> GridRow:
    """The total with lost pay, and the lost pay's tip (downtime at the daily earnings given)."""
    lost = raw.get("lost_pay_high")
    return {
        "time_off_text": display.money_range(
            raw.get("with_time_off_low"), raw.get("with_time_off_high"), display.flag(raw.get("total_open")), symbol
        ),
        "lost_pay_text": (
            f"Price plus lost pay ({display.money_range(raw.get('lost_pay_low'), lost, False, symbol)} of "
            "downtime at your daily earnings), kept apart from the price"
            if display.known(lost)
            else "Downtime is not published, so lost pay is unknown"
        ),
    }


def row_group(record: Mapping[str, Any]) -> int:
    """0 within budget (or no budget) with a price, 1 over budget (dimmed, below those), 2 no price (last)."""
    if record["total_low"] is None and record["total_high"] is None:
        return 2
    return 1 if record["over"] else 0
