"""The page: the results, the view tabs and the whole page assembled from its panels (filters, quotes,
assumptions); small builder functions that take data and return components."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.model.comparison import Catalog
from dashboard.output import grid_columns
from dashboard.output.views import sources_panel
from dashboard.web.assumption_panel import assumption_form
from dashboard.web.components import aria_labelledby, aria_live
from dashboard.web.filter_panel import controls
from dashboard.web.questions_panel import questions_section
from dashboard.web.quote_panel import quote_form
from dashboard.web.render import charts_waiting


def results(catalog: Catalog) -> html.Section:
    """Summary line, the over-budget switch, the grid (cards on a phone), details, missing figures, exports."""
    return html.Section(
        [
            _summary_header(),
            # dimmed while a change is answered, after 150 ms (assets/app.css): plain CSS on Dash's loading mark, where
            # a loading component would redraw the grid and the cards as each change starts and ends
            html.Div(
                [_results_grid(), html.Div(id="result-cards", className="result-cards")], className="results-body"
            ),
            html.P(
                "Select a row (click it, or press Space on it) to see everything about that option.",
                className="small text-muted mt-1 mb-1 grid-hint",
            ),
            html.Div(id="option-details", className="option-details", **aria_live("polite")),
            html.Div(id="missing-notes", className="missing-notes"),
            _exports_bar(),
        ],
        id="results",
        **aria_labelledby("results-heading"),
    )


def _summary_header() -> html.Div:
    """The results' heading, the count of options shown, the over-budget note and its switch."""
    return html.Div(
        [
            html.H2("Your options", className="h5 mb-1", id="results-heading"),
            html.P(id="result-count", className="result-count mb-1", **aria_live("polite")),
            # said by the browser when a change could not be answered (assets/dashboard.js): what is shown and why
            html.P(
                id="connection-message",
                className="connection-message alert alert-warning small py-1 mb-1",
                role="alert",
            ),
            html.Span(id="over-budget-note", className="text-muted small"),
            dbc.Switch(
                id="show-over-budget",
                label="Show options over budget",
                value=False,
                className="over-budget-switch mt-1",
            ),
        ],
        className="mb-2",
    )


def _results_grid() -> dag.AgGrid:
    """The results' grid, empty until the first render: one row per option, a row selected to see its details."""
    return dag.AgGrid(
        id="results-grid",
        columnDefs=grid_columns.column_defs(),
        rowData=[],
        getRowId="params.data.id",
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
        },
        dashGridOptions={
            "tooltipShowDelay": 200,
            "enableCellTextSelection": True,
            "ensureDomOrder": True,
            "domLayout": "autoHeight",
            "rowSelection": {
                "mode": "singleRow",
                "checkboxes": False,
                "enableClickSelection": True,
            },
            "getRowClass": {"function": "rowClass(params)"},
            "postSortRows": {"function": "overBudgetLast(params)"},
            "tabToNextCell": {"function": "leaveGrid(params)"},
            "tabToNextHeader": {"function": "leaveGrid(params)"},
        },
        style={"width": "100%"},
        className="ag-theme-alpine results-grid",
    )


def _exports_bar() -> html.Div:
    """The export buttons with their downloads, and links to the same table of published figures (no quotes)."""
    return html.Div(
        [
            html.Button("Export CSV", id="export-csv", className="btn btn-outline-primary me-2", n_clicks=0),
            html.Button("Export Excel", id="export-xlsx", className="btn btn-outline-primary me-2", n_clicks=0),
            dcc.Download(id="download-csv"),
            dcc.Download(id="download-xlsx"),
            html.Span(
                "The same table at a link (published figures, without your quotes): ",
                className="small text-muted ms-1",
            ),
            html.A("CSV", id="link-csv", href="/comparison.csv", className="small me-2"),
            html.A("Excel", id="link-xlsx", href="/comparison.xlsx", className="small me-2"),
            html.A("JSON", id="link-json", href="/comparison.json", className="small"),
        ],
        className="my-2 exports",
    )


FIRST_TAB = "charts"


def view_tabs(catalog: Catalog, unbuilt: frozenset[str] = frozenset()) -> dbc.Tabs:
    """Charts, side by side and sources; assets/page.js makes them a keyboard tab list. A tab named in
    `unbuilt` (not the first one shown) is left empty: its content is sent when it is first shown."""

    def sources():
        return html.Div() if "sources" in unbuilt else sources_panel(catalog.data, catalog.price_index)

    return dbc.Tabs(
        [
            dbc.Tab(
                # drawn while this part of the page is near the screen (assets/after_results.js, render.charts)
                html.Div(charts_waiting(0), id="charts-panel", className="charts-panel"),
                label="Charts",
                tab_id="charts",
            ),
            dbc.Tab(html.Div(id="side-by-side", className="side-by-side mt-2"), label="Side by side", tab_id="side"),
            dbc.Tab(sources(), label="Sources", tab_id="sources"),
        ],
        active_tab=FIRST_TAB,
        id="view-tabs",
        className="mt-3 view-tabs",
    )


def page(catalog: Catalog, unbuilt: frozenset[str] = frozenset()) -> dbc.Container:
    """The whole page, empty of results; tabs named in `unbuilt` are left empty (see view_tabs)."""
    years = catalog.data.price_years()
    vintage = f"Prices published {years[0]}–{years[1]}" if years else "Price years unknown"
    return dbc.Container(
        [
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="quotes-store", data=[]),  # kept in local storage by assets/quotes.js
            dcc.Store(id="assumptions-store", data=[]),  # kept in local storage by assets/quotes.js
            dcc.Store(id="applied-query", data=""),
            # a change's answer, set on the page in the browser (web/page_state ANSWER_OUTPUTS)
            dcc.Store(id="render-answer"),
            # on going back or forward, the controls' values the URL says (web/page_state URL_CONTROLS)
            dcc.Store(id="url-controls"),
            # True while the charts are near the screen (assets/after_results.js): the render sends the charts only
            # then; otherwise it keeps their place (less work, fewer bytes per change)
            dcc.Store(id="charts-shown", data=False),
            # how many times the page asked for the charts: whenever their place waits while they are near the screen
            dcc.Store(id="charts-wanted", data=0),
            # True once the first view is drawn (assets/after_results.js): the browser then puts the quote and assumption
            # forms' fields in their places (web/deferred_forms), so the results and the controls are usable sooner
            dcc.Store(id="forms-wanted", data=False),
            dcc.Store(id="card-choice"),  # the result card tapped (assets/cards.js), for its details
            # a URL reached by going back or forward, for the server to set the controls from (assets/dashboard.js
            # historyStep); the render reads its step
            dcc.Store(id="history-search", data=""),
            # after a change, the URL to write (assets/dashboard.js appliedToUrl)
            dcc.Store(id="url-query", data=""),
            html.Header(
                [
                    html.A("Skip to your options", href="#results", className="skip-link"),
                    html.H1("What cosmetic treatments really cost", className="h3"),
                    html.P(
                        "Total cost over time including repeat sessions and maintenance, downtime and risk, "
                        "from cited public sources. Where a figure is not published, the page says which one "
                        "and what to ask.",
                        className="mb-1 intro",
                    ),
                    dbc.Alert(
                        [
                            html.Strong("Not medical advice. "),
                            f"Use this to prepare questions for a clinic. {vintage}. ",
                            # what the prices shown include, from their bases (output/words.price_basis_note)
                            html.Span(id="price-basis-note"),
                        ],
                        color="warning",
                        className="disclaimer py-2",
                        id="disclaimer",
                    ),
                ],
                className="app-header",
            ),
            html.Main(
                [
                    controls(catalog),
                    results(catalog),
                    questions_section(),
                    view_tabs(catalog, unbuilt - {FIRST_TAB}),
                    quote_form(),
                    assumption_form(),
                    # not html.Footer: Dash's page template already has a <footer> (for its scripts)
                    html.P("Figures: see the Sources tab and data/README.md.", className="text-muted small mt-3"),
                ]
            ),
        ],
        fluid=True,
        className="pb-4",
    )
