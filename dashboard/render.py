"""Everything the page shows for one Filters value, as plain outputs (no Dash state)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dash import html

from dashboard import figures, grid, vocab
from dashboard.assumption_panel import assumption_list
from dashboard.comparison import Catalog, compare
from dashboard.explain import summary_line
from dashboard.quote_panel import quote_list
from dashboard.views import side_by_side


@dataclass(frozen=True)
class PageOutputs:
    row_data: list[dict]
    column_defs: list[dict]
    result_count: str
    over_budget_note: str
    cost_range: Any
    cost_downtime: Any
    cumulative: Any
    crossover_notes: list
    side_by_side: Any
    quote_list: Any
    assumption_list: Any


def count_text(n: int) -> str:
    return f"{n} option{'s' if n != 1 else ''}"


def result_text(rows) -> str:
    """'8 options: 3 fit, 2 may fit, 1 over budget, 2 without a price' (the summary only with a budget)."""
    summary = summary_line(rows["budget_fit"])
    return count_text(len(rows)) + (f": {summary}" if summary else "")


def over_budget_text(hidden: int) -> str:
    if not hidden:
        return ""
    verb = "is" if hidden == 1 else "are"
    return f"{hidden} more option{'s' if hidden != 1 else ''} {verb} over budget"


def render(catalog: Catalog, filters, saved_quotes: list[dict] = (), assumptions: list[dict] = ()) -> PageOutputs:
    """The grid rows, texts, figures, side-by-side view and quote list for the filters."""
    comparison = compare(catalog, filters, saved_quotes, assumptions)
    rows = comparison.rows
    currency = vocab.MARKET_CURRENCY[filters.market]
    horizon_label = f"{filters.horizon} yr"
    everything = comparison.table
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=True))
    selected = list(filters.compare)
    cumulative, sentences = figures.cumulative_figure(everything, selected, filters.horizon, currency,
                                                      comparison.cumulative, filters.budget)
    return PageOutputs(
        row_data=grid.grid_rows(comparison, catalog.data),
        column_defs=grid.column_defs(horizon_label),
        result_count=result_text(rows),
        over_budget_note=over_budget_text(comparison.hidden_over_budget),
        cost_range=figures.cost_range_figure(rows, filters.horizon, currency, filters.budget),
        cost_downtime=figures.cost_downtime_figure(rows, filters.horizon, currency),
        cumulative=cumulative,
        crossover_notes=[html.Li(s) for s in sentences],
        side_by_side=side_by_side(everything, selected, catalog.data, filters.horizon, filters.market,
                                  catalog.price_index, filters.prices_in),
        quote_list=quote_list(rows, list(saved_quotes), names),
        assumption_list=assumption_list(list(assumptions), names),
    )
