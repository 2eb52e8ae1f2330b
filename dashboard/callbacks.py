"""Thin wiring: parse the inputs, call the pure functions, format the outputs."""

from __future__ import annotations

import datetime as dt

from dash import Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashboard import export
from dashboard.comparison import Catalog, compare
from dashboard.filters import Filters, from_query, parse_fields
from dashboard.render import render

# Control id -> Filters field. The same names are used by the URL and the command line.
CONTROLS = {
    "concern": "concern",
    "market": "market",
    "category": "categories",
    "budget": "budget",
    "horizon": "horizon",
    "max-downtime": "max_downtime",
    "max-risk": "max_risk",
    "show-over-budget": "show_over_budget",
    "daily-earnings": "daily_earnings",
    "compare": "compare",
}


def control_values(filters: Filters) -> list:
    """Filters -> the values the controls show, in CONTROLS order."""
    values = []
    for field in CONTROLS.values():
        value = getattr(filters, field)
        if field == "concern":
            value = value or "all"
        elif isinstance(value, tuple):
            value = list(value)
        values.append(value)
    return values


def register_callbacks(app, catalog: Catalog) -> None:
    ids = catalog.treatment_ids

    @app.callback(
        [Output(c, "value") for c in CONTROLS] + [Output("url", "search")],
        Input("url", "search"),
        [Input(c, "value") for c in CONTROLS],
    )
    def sync_url(search, *values):
        """The URL is the state: on load it sets the controls; a control change rewrites it."""
        if ctx.triggered_id in (None, "url"):
            return control_values(from_query(search if isinstance(search, str) else "", ids)) + [no_update]
        filters = parse_fields(dict(zip(CONTROLS.values(), values)), ids)
        normalised = control_values(filters)
        fixes = [n if n != v else no_update for n, v in zip(normalised, values)]
        query = filters.to_query()
        return fixes + ["?" + query if query else ""]

    @app.callback(
        Output("results-grid", "rowData"),
        Output("results-grid", "columnDefs"),
        Output("result-count", "children"),
        Output("over-budget-note", "children"),
        Output("cost-range-chart", "figure"),
        Output("cost-downtime-chart", "figure"),
        Output("cumulative-chart", "figure"),
        Output("crossover-notes", "children"),
        Output("side-by-side", "children"),
        Input("url", "search"),
    )
    def show(search):
        out = render(catalog, from_query(search if isinstance(search, str) else "", ids))
        return (out.row_data, out.column_defs, out.result_count, out.over_budget_note, out.cost_range,
                out.cost_downtime, out.cumulative, out.crossover_notes, out.side_by_side)

    @app.callback(
        Output("download", "data"),
        Input("export-csv", "n_clicks"),
        Input("export-xlsx", "n_clicks"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    def download(_csv_clicks, _xlsx_clicks, search):
        fmt = {"export-csv": "csv", "export-xlsx": "xlsx"}.get(ctx.triggered_id)
        if fmt is None:
            raise PreventUpdate
        filters = from_query(search if isinstance(search, str) else "", ids)
        content, name, mime = export_file(catalog, filters, fmt, dt.date.today())
        return dcc.send_bytes(content, name, type=mime)


def export_file(catalog: Catalog, filters: Filters, fmt: str, today: dt.date) -> tuple[bytes, str, str]:
    """The export for the filters: (bytes, file name, MIME type). Shared with the command line."""
    comparison = compare(catalog, filters)
    if fmt == "csv":
        return export.to_csv_bytes(comparison, catalog.data, today), export.export_filename("csv", today), "text/csv"
    return (export.to_xlsx_bytes(comparison, catalog.data, today), export.export_filename("xlsx", today),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
