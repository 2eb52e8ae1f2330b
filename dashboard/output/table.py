"""The exported table, shared by every format: its columns, the settings block and the sources."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.dataset import pricelist
from dashboard.dataset.loader import Dataset
from dashboard.formula import neutralise
from dashboard.model import inflation
from dashboard.model.comparison import Comparison
from dashboard.output import course_words, decision_words, filter_words, inflation_words, trial_words, words
from dashboard.output.assumption_words import assumed_text
from dashboard.output.display import RowLike, money_range, plain_records
from dashboard.output.gaps import missing_text
from dashboard.output.option_attributes import covers
from dashboard.output.price_words import note_text
from dashboard.output.questions import option_questions
from dashboard.output.quote_placement_words import quote_note

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
    ("maintenance_low", "Upkeep over the horizon low"),
    ("maintenance_high", "Upkeep over the horizon high"),
    ("parts_reads", "Initial course and upkeep reads"),
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
    ("maintenance_words", "Maintenance in words"),
    ("results_months_low", "Results last months low"),
    ("results_months_high", "Results last months high"),
    ("downtime_days_low", "Downtime days low"),
    ("downtime_days_high", "Downtime days high"),
    ("downtime_measure", "Downtime measures"),
    ("downtime_words", "Downtime in words"),
    ("risk_tier", "Risk tier"),
    ("major_complication_rate", "Major complication rate"),
    ("evidence", "Evidence for concern"),
    ("trial_pct", "Trial: share improved (%)"),
    ("trial_threshold", "Trial: threshold (the study's words)"),
    ("trial_n", "Trial: n"),
    ("trial_n_of", "Trial: n counts"),
    ("trial_design_words", "Trial: design"),
    ("trial_control", "Trial: control arm"),
    ("trial_control_pct", "Trial: control arm's share improved (%)"),
    ("trial_difference", "Trial: difference more than chance (as the study says)"),
    ("trial_nnt", "Trial: number needed to treat"),
    ("extra_improved_low", "Cost per extra patient improved low"),
    ("extra_improved_high", "Cost per extra patient improved high"),
    ("trial_reads", "What trials found"),
    ("trial_study", "Trial: study"),
    ("trial_source", "Trial: source"),
    ("trial_caveats", "Trial: limits"),
    ("budget_fit", "Budget fit"),
    ("budget_reason", "Budget fit reason"),
    ("hinge_text", "Budget answer hinges on"),
    ("budget_margin", "Budget margin (under if fits, over if over)"),
    ("hinge_price", "Fits if a session costs at most"),
    ("hinge_sessions", "Fits if sessions in all at most"),
    ("hinge_extra_sessions", "Sessions beyond the course the budget leaves room for"),
    ("missing", "Missing inputs"),
    ("clinic_questions", "Questions for the clinic"),
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
# Export columns this module makes from the row (words, labels, the headline study's fields), not read from it.
DERIVED = frozenset(
    {
        "as_published_session_high",
        "as_published_session_low",
        "as_published_session_typical",
        "assumed_marker",
        "basis_label",
        "budget_reason",
        "clinic_questions",
        "downtime_words",
        "extra_improved_high",
        "extra_improved_low",
        "hinge_text",
        "maintenance_words",
        "missing",
        "pareto_label",
        "parts_reads",
        "price_adjustment",
        "price_read",
        "price_sources",
        "quote_note",
        "total_reads",
        "trial_caveats",
        "trial_control",
        "trial_control_pct",
        "trial_design_words",
        "trial_difference",
        "trial_n",
        "trial_n_of",
        "trial_nnt",
        "trial_pct",
        "trial_reads",
        "trial_source",
        "trial_study",
        "trial_threshold",
    }
)
NUMERIC = {
    "initial_low",
    "initial_high",
    "maintenance_low",
    "maintenance_high",
    "budget_margin",
    "hinge_price",
    "hinge_sessions",
    "hinge_extra_sessions",
    "total_low",
    "total_typical",
    "total_high",
    "first_year_low",
    "first_year_high",
    "session_low",
    "session_typical",
    "session_high",
    "as_published_session_low",
    "as_published_session_typical",
    "as_published_session_high",
    "session_typical_year",
    "sessions_low",
    "sessions_typical",
    "sessions_high",
    "results_months_low",
    "results_months_high",
    "downtime_days_low",
    "downtime_days_high",
    "risk_tier",
    "major_complication_rate",
    "lost_pay_low",
    "lost_pay_high",
    "with_time_off_low",
    "with_time_off_high",
    "trial_pct",
    "trial_n",
    "trial_control_pct",
    "trial_nnt",
    "extra_improved_low",
    "extra_improved_high",
}
SOURCE_COLUMNS = ("id", "publisher", "title", "url", "year", "status")


def export_frame(comparison: Comparison) -> pd.DataFrame:
    """The exported table: one row per option, columns as in EXPORT_COLUMNS."""
    rows = comparison.rows.copy()
    rows["kind"] = rows["kind"] if "kind" in rows else "published"
    if "clinic" not in rows:
        rows["clinic"] = None
    rows["basis_label"] = rows["basis"].map(vocab.BASIS_LABELS)
    symbol = vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[comparison.filters.market]]
    rows["total_reads"] = [
        money_range(lo, hi, bool(o is True or o == 1), symbol)
        for lo, hi, o in zip(
            rows["total_low"],
            rows["total_high"],
            rows.get("total_open", pd.Series(False, index=rows.index)),
            strict=True,
        )
    ]
    budget, horizon = comparison.filters.budget, comparison.filters.horizon
    records = plain_records(rows, rows.columns)
    rows["quote_note"] = [quote_note(r) for r in records]
    rows["parts_reads"] = [course_words.cost_cell(r, symbol, horizon).partition("\n")[2] for r in records]
    rows["budget_reason"] = [decision_words.budget_answer(r, budget, symbol, horizon) for r in records]
    rows["hinge_text"] = [decision_words.hinge_short(r, budget, symbol, horizon) for r in records]
    rows["missing"] = [missing_text(r, comparison.filters.market) for r in records]
    for column in ("assumed", "price_note", "price_order_note"):
        if column not in rows:
            rows[column] = ""
    rows["assumed"] = rows["assumed"].map(lambda a: assumed_text(a) if isinstance(a, tuple) else a)
    rows["assumed_marker"] = rows["assumed"].map(lambda a: "yes" if isinstance(a, str) and a else "")
    scopes = [covers(row) for _, row in rows.iterrows()]
    rows["price_read"] = [
        "; ".join(n for n in (a, b, c) if isinstance(n, str) and n)
        for a, b, c in zip(
            rows["price_note"].map(note_text), rows["price_order_note"].map(note_text), scopes, strict=True
        )
    ]
    rows["pareto_label"] = rows["pareto"].map({True: "yes", False: ""})
    rows["maintenance_words"] = [
        words.flagged(words.maintenance_text(row), row, "results") for _, row in rows.iterrows()
    ]
    rows["downtime_words"] = [
        words.flagged(words.downtime_text(row["downtime_days_low"], row["downtime_days_high"], m), row, "downtime")
        for m, (_, row) in zip(rows["downtime_measure"], rows.iterrows(), strict=True)
    ]
    _add_trial_columns(rows, records, symbol, bool(comparison.filters.concern))
    rows["clinic_questions"] = [" ".join(option_questions(row, symbol)) for _, row in rows.iterrows()]
    rows["price_sources"] = rows.apply(_price_sources, axis=1)
    rows["source_ids"] = rows["source_ids"].map(lambda ids: ";".join(ids) if isinstance(ids, tuple) else ids)
    _add_published(rows, comparison.price_index, comparison.filters.prices_in)
    out = pd.DataFrame({header: rows[key] if key in rows else None for key, header in EXPORT_COLUMNS})
    return out.reset_index(drop=True)


# export column -> the headline study's trial_results.csv column
TRIAL_EXPORT = {
    "trial_pct": "responders_pct",
    "trial_threshold": "threshold",
    "trial_n": "n",
    "trial_n_of": "n_of",
    "trial_control": "comparator",
    "trial_control_pct": "comparator_pct",
    "trial_difference": "difference",
    "trial_study": "study",
    "trial_source": "source_id",
    "trial_caveats": "caveats",
}


def _add_trial_columns(rows: pd.DataFrame, records: list[dict[str, Any]], symbol: str, concern: bool) -> None:
    """What trials found, per exported row: the headline study's figures, its design in words, the number
    needed to treat and the cost per extra patient improved (from the row's own course), and a sentence."""
    studies = [_study(r) for r in records]
    for column, source in TRIAL_EXPORT.items():
        rows[column] = [s.get(source) for s in studies]
    values = [trial_words.values(r) for r in records]
    for column, key in (("trial_nnt", "nnt"), ("extra_improved_low", "extra_improved_low")):
        rows[column] = [v[key] for v in values]
    rows["extra_improved_high"] = [v["extra_improved_high"] for v in values]
    rows["trial_design_words"] = [trial_words.design_badge(r) for r in records]
    rows["trial_reads"] = [
        f"{trial_words.sentence(r)} {trial_words.value_text(r, symbol)}" if concern else "" for r in records
    ]


def _study(record: RowLike) -> dict[str, Any]:
    """The row's headline study (its `trial`), or an empty dict without one."""
    study = record.get("trial")
    return study if isinstance(study, dict) else {}


def _add_published(rows: pd.DataFrame, index: inflation.PriceIndex, prices_in: str) -> None:
    """Each per-session figure as its source published it (or as quoted), and how the typical one was adjusted."""
    currency = rows["currency"] if "currency" in rows else pd.Series(None, index=rows.index, dtype="object")
    for kind in vocab.FIGURE_KINDS:
        rows[f"as_published_session_{kind}"] = [
            inflation.published_value(v, c, y, index, prices_in)
            for v, c, y in zip(rows[f"session_{kind}"], currency, rows[f"session_{kind}_year"], strict=False)
        ]
    rows["price_adjustment"] = [
        inflation_words.adjustment_text(c, y, index, prices_in) if not pd.isna(v) else ""
        for v, c, y in zip(rows["session_typical"], currency, rows["session_typical_year"], strict=False)
    ]


def _price_sources(row: pd.Series) -> str:
    ids = [row.get(f"session_{k}_source") for k in vocab.FIGURE_KINDS]
    return ";".join(dict.fromkeys(i for i in ids if isinstance(i, str)))


def about_lines(
    comparison: Comparison, data: Dataset, today: dt.date, left_out: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """Settings block shown above the table in both formats; `left_out` describes the user's quotes
    not in the market's currency (a note row, only when there are some)."""
    years = data.price_years()
    currency = vocab.MARKET_CURRENCY[comparison.filters.market]
    years_shown = (comparison.rows.get(f"session_{k}_year", pd.Series(dtype="float64")) for k in vocab.FIGURE_KINDS)
    used = pd.concat(list(years_shown))
    note = (
        [
            (
                "Your quotes left out",
                f"{len(left_out)} not in {currency}, the currency of this market: {'; '.join(left_out)}",
            )
        ]
        if left_out
        else []
    )
    return [
        ("Comparison", "Cosmetic treatment costs over time (not medical advice)"),
        ("Filters", filter_words.describe(comparison.filters)),
        ("Exported", f"{today.isoformat()} (UTC)"),
        ("Price years in the data", f"{years[0]}-{years[1]}" if years else "unknown"),
        ("Currency", currency),
        *inflation_words.index_lines(comparison.price_index, currency, used, comparison.filters.prices_in),
        ("Options over budget not shown", str(comparison.hidden_over_budget)),
        ("Empty cells", "not published; an empty high beside a low means 'at least the low figure'"),
        *note,
    ]


def sources_frame(comparison: Comparison, data: Dataset) -> pd.DataFrame:
    """The sources behind the exported rows (prices, facts and concern evidence)."""
    used: set[str] = set()
    rows = comparison.rows
    for k in vocab.FIGURE_KINDS:
        for cited in rows.get(f"session_{k}_source", pd.Series(dtype=object)).dropna():
            used |= set(pricelist.source_ids(cited))
    for ids in rows["source_ids"].dropna():
        used |= set(ids)
    used |= set(rows.get("evidence_source", pd.Series(dtype=object)).dropna())
    for ids in rows.get("trial_source_ids", pd.Series(dtype=object)).dropna():
        used |= set(ids)
    src = data.sources[data.sources["id"].isin(used)][list(SOURCE_COLUMNS)]
    return src.sort_values("id").reset_index(drop=True)


def cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return neutralise(str(value))


NUMERIC_HEADERS = {header for key, header in EXPORT_COLUMNS if key in NUMERIC}
