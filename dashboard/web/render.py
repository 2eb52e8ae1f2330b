"""Everything the page shows for one Filters value, as plain outputs (no Dash state)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypedDict

import pandas as pd
from dash import dcc, html

from dashboard import vocab
from dashboard.model.comparison import Catalog, Comparison, compare
from dashboard.model.filters import Filters
from dashboard.output import (
    cumulative,
    display,
    figures,
    filter_words,
    grid,
    grid_columns,
    page_texts,
    trial_chart,
    trial_words,
    words,
)
from dashboard.output.display import RowLike
from dashboard.output.views import option_details, side_by_side
from dashboard.web.assumption_panel import assumption_list
from dashboard.web.components import aria_label
from dashboard.web.quote_panel import quote_list


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
    cards: Any = None
    missing_notes: Any = None
    over_budget_label: str = ""
    assumption_list: Any = None
    applied_query: str = ""  # the filters in force, as a query string: a refused typed value keeps them
    cost_downtime_key: Any = None  # the numbered points of the cost-against-downtime chart, named
    price_basis_note: str = ""  # the banner: what the prices shown include
    clinic_questions: Any = None
    trial_chart: Any = None  # what the money buys: course cost against the share improved, for the concern
    trial_notes: Any = None  # under it: the cost per extra patient improved where a trial allows, the counts
    # the charts tab's content: the figures above as components, or what it holds until they are drawn
    charts: Any = None


# PageOutputs' fields the charts tab shows (made only when the charts are drawn)
CHART_FIELDS = (
    "cost_range",
    "cost_downtime",
    "cost_downtime_key",
    "trial_chart",
    "trial_notes",
    "cumulative",
    "crossover_notes",
)

# No mode bar: its 19 buttons per chart were 57 Tab stops between the tabs and the quotes.
GRAPH_CONFIG: dcc.Graph.Config = {"displayModeBar": False, "displaylogo": False}
# the ids of a group's result cards, in order, for assets/cards.js
DataIds = TypedDict("DataIds", {"data-ids": str})


def result_text(comparison: Comparison) -> str:
    """The summary line above the table: '8 options: 3 fit, 2 may fit, 1 over budget, 2 without a price'."""
    return display.summary_text(comparison.rows, comparison.filters.budget is not None)


def cards(records: list[dict]) -> list:
    """One card per option with the grid's five facts (shown instead of the grid on a phone): a Markdown
    block per group (within budget, over it); a tap on a card opens its details (assets/cards.js), which
    reads the ids of the group's cards, in order, as plain text."""
    return [
        html.Div(
            dcc.Markdown(group.markdown, className="option-cards" + (" over-budget-cards" if group.over else "")),
            className="card-group",
            **DataIds({"data-ids": ",".join(group.ids)}),
        )
        for group in page_texts.card_groups(records)
    ]


def missing_notes(comparison: Comparison, shown: Sequence[RowLike] | None = None) -> html.Details | None:
    """'What is missing, and what to do': one line per shown option with a missing input, with its own figures
    (output.gaps), and once what to do about them."""
    missing = page_texts.missing_markdown(comparison.rows if shown is None else shown, comparison.filters.market)
    if missing is None:
        return None
    count, markdown = missing
    return html.Details(
        [
            html.Summary(f"What is missing, and what to do: {count} option{'s' if count != 1 else ''}"),
            html.P(
                "Ask the clinic the questions under “Questions for the clinic”, or enter your own assumption "
                "for a missing figure (“Your assumptions”, below the charts).",
                className="small mb-1",
            ),
            dcc.Markdown(markdown, className="small mb-0"),
        ],
        className="mt-2",
    )


def questions_list(comparison: Comparison, shown: Sequence[RowLike] | None = None) -> list:
    """The questions for the clinic, grouped by option (output.page_texts), as the page shows them: the
    settings they are for, then one heading and list per group."""
    markdown = page_texts.questions_markdown(comparison.rows if shown is None else shown, comparison.filters.market)
    if markdown is None:
        return [html.P("No options listed: nothing to ask yet.", className="small")]
    return [
        html.P(f"For: {filter_words.describe(comparison.filters)}", className="small text-muted mb-1 questions-for"),
        dcc.Markdown(markdown, className="questions-list"),
    ]


def trial_notes(rows: pd.DataFrame | Sequence[RowLike], concern: str | None, currency: str) -> list:
    """Under the chart of what the money buys: its numbered points named, then the cost per extra patient
    improved where a trial allows, and the options without a share or a study. `rows`: the comparison's rows
    shown, as a frame or already read (`display.cells`)."""
    if not concern:
        return []
    key = [html.Li(t) for t in trial_chart.trial_key(rows, currency)]
    notes = [html.Li(t) for t in trial_words.concern_summary(rows, vocab.CURRENCY_SYMBOL[currency])]
    out = [html.Ol(key, className="chart-key small", **aria_label("The points of the chart"))] if key else []
    return [*out, html.Ul(notes, className="small")]


def charts_waiting(options: int) -> html.P:
    """What the charts tab holds until its charts are drawn (a moment after it comes near the screen), as tall
    as the charts of `options` shown options about are (assets/app.css), so nothing below moves much when
    they arrive."""
    return html.P(
        "Drawing the charts…",
        className="small text-muted charts-waiting",
        role="status",
        style={"--chart-rows": str(options)},
    )


def graph(graph_id: str, figure: Any) -> html.Div:
    """A chart in a box as tall as its figure from the start: the chart and its library arrive a moment
    later, and nothing below moves when it draws."""
    height = figure.get("layout", {}).get("height") if isinstance(figure, dict) else None
    style = {"minHeight": f"{height}px"} if isinstance(height, (int, float)) else None
    return html.Div(dcc.Graph(id=graph_id, figure=figure, config=GRAPH_CONFIG), style=style)


def charts_panel(out: PageOutputs) -> html.Div:
    """The charts tab's content: the cost range, cost against downtime with its key, what the money buys
    with its notes, and the cost by year with its crossover notes."""
    return html.Div(
        [
            graph("cost-range-chart", out.cost_range),
            graph("cost-downtime-chart", out.cost_downtime),
            html.Ol(
                out.cost_downtime_key,
                id="cost-downtime-key",
                className="chart-key small",
                **aria_label("The points of the cost against downtime chart"),
            ),
            graph("trial-chart", out.trial_chart),
            html.Div(out.trial_notes, id="trial-notes"),
            graph("cumulative-chart", out.cumulative),
            html.Ul(out.crossover_notes, id="crossover-notes"),
        ]
    )


def every_option(comparison: Comparison) -> pd.DataFrame:
    """Every option (and quote) before the filters: compare() always holds it."""
    if comparison.table is None:
        raise ValueError("a comparison made by compare() holds every option")
    return comparison.table


def chart_outputs(comparison: Comparison, shown: Sequence[RowLike] | None = None) -> dict[str, Any]:
    """The charts' figures, key and notes for a comparison, keyed as PageOutputs' fields. `shown`: the
    comparison's rows already read (`display.cells`); read here once for every chart when not given."""
    filters = comparison.filters
    rows = display.as_cells(comparison.rows if shown is None else shown)
    currency = vocab.MARKET_CURRENCY[filters.market]
    by_year, sentences = cumulative.cumulative_figure(
        every_option(comparison),
        list(filters.compare),
        filters.horizon,
        currency,
        comparison.cumulative,
        filters.budget,
    )
    return {
        "cost_range": figures.cost_range_figure(rows, filters.horizon, currency, filters.budget),
        "cost_downtime": figures.cost_downtime_figure(rows, filters.horizon, currency),
        "cost_downtime_key": [html.Li(text) for text in figures.cost_downtime_key(rows, currency)],
        "trial_chart": trial_chart.trial_figure(rows, filters.concern, currency),
        "trial_notes": trial_notes(rows, filters.concern, currency),
        "cumulative": by_year,
        "crossover_notes": [html.Li(s) for s in sentences],
    }


def render_charts(
    catalog: Catalog, filters: Filters, saved_quotes: Sequence[dict] = (), assumptions: Sequence[dict] = ()
) -> html.Div:
    """The charts tab's content alone, for the filters (when the charts are first drawn)."""
    comparison = compare(catalog, filters, saved_quotes, assumptions)
    return charts_panel(PageOutputs([], [], "", "", **chart_outputs(comparison), side_by_side=None, quote_list=None))


def render(
    catalog: Catalog,
    filters: Filters,
    saved_quotes: Sequence[dict] = (),
    assumptions: Sequence[dict] = (),
    attention: Sequence[dict] = (),
    charts: bool = True,
) -> PageOutputs:
    """The grid rows, texts, figures, side-by-side view and quote list for the filters (`attention`: stored
    quotes whose treatment is no longer in the data). Without `charts` the charts are not made (their fields
    are None, and `charts` is the place kept for them until they are drawn)."""
    comparison = compare(catalog, filters, saved_quotes, assumptions)
    rows = comparison.rows
    horizon_label = f"{filters.horizon} year{'s' if filters.horizon != 1 else ''}"
    everything = every_option(comparison)
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=True))
    selected = list(filters.compare)
    shown = display.cells(rows)  # read once for the charts, the grid, the questions and the missing figures
    drawn = chart_outputs(comparison, shown) if charts else dict.fromkeys(CHART_FIELDS)
    records = grid.grid_rows(comparison, catalog.data, shown)
    shown_over = sum(1 for r in records if r["over"])
    out = PageOutputs(
        row_data=records,
        column_defs=grid_columns.column_defs(horizon_label, filters.daily_earnings is not None),
        result_count=result_text(comparison),
        over_budget_note=page_texts.over_budget_text(comparison.hidden_over_budget),
        applied_query=filters.to_query(),
        price_basis_note=words.price_basis_note(rows),
        side_by_side=side_by_side(
            everything,
            selected,
            catalog.data,
            filters.horizon,
            filters.market,
            catalog.price_index,
            filters.prices_in,
            filters.budget,
        ),
        quote_list=quote_list(comparison, list(saved_quotes), names, list(attention)),
        cards=cards(records),
        missing_notes=missing_notes(comparison, shown),
        clinic_questions=questions_list(comparison, shown),
        assumption_list=assumption_list(list(assumptions), names),
        over_budget_label=display.over_budget_label(
            comparison.hidden_over_budget, shown_over, filters.budget is not None
        ),
        **drawn,
    )
    return replace(out, charts=charts_panel(out) if charts else charts_waiting(len(records)))


def details(
    catalog: Catalog,
    filters: Filters,
    option_id: object,
    saved_quotes: Sequence[dict] = (),
    assumptions: Sequence[dict] = (),
):
    """The details panel of one option (everything the grid leaves out), or None."""
    comparison = compare(catalog, filters, saved_quotes, assumptions)
    table = every_option(comparison)
    if not isinstance(option_id, str) or option_id not in table.index:
        return None
    return option_details(
        display.row_of(table, option_id),
        catalog.data,
        filters.horizon,
        filters.market,
        catalog.price_index,
        filters.prices_in,
        filters.budget,
    )
