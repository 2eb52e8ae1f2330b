"""Thin wiring: parse the inputs, call the pure functions, format the outputs."""

from __future__ import annotations

import datetime as dt

from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import assumption_panel, assumptions, export, quotes
from dashboard.comparison import Catalog, compare
from dashboard.filters import CONTROLS, Filters, control_values, from_query, parse_fields
from dashboard.quote_costs import quotes_left_out
from dashboard.quote_panel import apply_action
from dashboard.render import render


def register_callbacks(app, catalog: Catalog) -> None:
    ids = catalog.treatment_ids
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=True))

    @app.callback(
        [Output(c, "value") for c in CONTROLS] + [Output("url", "search")],
        Input("url", "search"),
        [Input(c, "value") for c in CONTROLS],
    )
    def sync_url(search, *values):
        """The URL is the state: on load it sets the controls; a control change rewrites it."""
        if ctx.triggered_id in (None, "url"):
            return control_values(from_query(search if isinstance(search, str) else "", ids)) + [no_update]
        filters = parse_fields(dict(zip(CONTROLS.values(), values, strict=True)), ids)
        normalised = control_values(filters)
        fixes = [n if n != v else no_update for n, v in zip(normalised, values, strict=True)]
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
        Output("quote-list", "children"),
        Output("assumption-list", "children"),
        Input("url", "search"),
        Input("quotes-store", "data"),
        Input("assumptions-store", "data"),
    )
    def show(search, stored, stored_assumptions):
        saved = quotes.validate_stored(stored, ids, dt.date.today())
        assumed = assumptions.validate_stored(stored_assumptions, ids)
        out = render(catalog, from_query(search if isinstance(search, str) else "", ids), saved, assumed)
        return (out.row_data, out.column_defs, out.result_count, out.over_budget_note, out.cost_range,
                out.cost_downtime, out.cumulative, out.crossover_notes, out.side_by_side, out.quote_list,
                out.assumption_list)

    @app.callback(
        Output("assumptions-store", "data"),
        Output("assumption-messages", "children"),
        Input("assumption-add", "n_clicks"),
        Input({"type": "remove-assumption", "index": ALL}, "n_clicks"),
        Input("assumption-clear", "n_clicks"),
        [State(f"assumption-{f}", "value") for f in ASSUMPTION_FORM],
        State("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    def update_assumptions(_add, _removes, _clear, *rest):
        form = dict(zip(("treatment_id", "field", "low", "high", "currency"), rest[: len(ASSUMPTION_FORM)], strict=True))
        action, index = _list_action(ctx.triggered_id, ctx.triggered, "assumption")
        if action is None:
            raise PreventUpdate
        saved = assumptions.validate_stored(rest[len(ASSUMPTION_FORM)], ids)
        new, messages = assumption_panel.apply_action(action, saved, ids, form=form, remove_index=index)
        return new, [html.Li(m) for m in messages]

    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=False))
    aliases = catalog.data.alias_map()

    @app.callback(
        Output("quotes-store", "data"),
        Output("quote-messages", "children"),
        Output("quote-upload", "contents"),
        Input("quote-add", "n_clicks"),
        Input("quote-upload", "contents"),
        Input({"type": "remove-quote", "index": ALL}, "n_clicks"),
        Input("quote-clear", "n_clicks"),
        [State(f"quote-{f}", "value") for f in QUOTE_FORM],
        State("quote-upload", "filename"),
        State("quotes-store", "data"),
        prevent_initial_call=True,
    )
    def update_quotes(_add, contents, _removes, _clear, *rest):
        form = dict(zip(QUOTE_FORM, rest[: len(QUOTE_FORM)], strict=True))
        filename, stored = rest[len(QUOTE_FORM):]
        action, remove_id = _quote_action(ctx.triggered_id, ctx.triggered)
        if action is None:
            raise PreventUpdate
        saved = quotes.validate_stored(stored, ids, dt.date.today())
        form = {k: (str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v) for k, v in form.items()}
        new, messages = apply_action(action, saved, names, dt.date.today(), form=form,
                                     upload=(contents, filename), remove_id=remove_id, aliases=aliases)
        return new, [html.Li(m) for m in messages], None

    @app.callback(Output("template-download", "data"), Input("quote-template", "n_clicks"), prevent_initial_call=True)
    def template(n_clicks):
        if not n_clicks:
            raise PreventUpdate
        return dcc.send_bytes(quotes.template_csv(names), "quotes-template.csv", type="text/csv")

    @app.callback(
        Output("download", "data"),
        Input("export-csv", "n_clicks"),
        Input("export-xlsx", "n_clicks"),
        State("url", "search"),
        State("quotes-store", "data"),
        State("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    def download(_csv_clicks, _xlsx_clicks, search, stored, stored_assumptions):
        fmt = {"export-csv": "csv", "export-xlsx": "xlsx"}.get(ctx.triggered_id)
        if fmt is None:
            raise PreventUpdate
        filters = from_query(search if isinstance(search, str) else "", ids)
        saved = quotes.validate_stored(stored, ids, dt.date.today())
        assumed = assumptions.validate_stored(stored_assumptions, ids)
        content, name, mime = export_file(catalog, filters, fmt, dt.date.today(), saved, assumed)
        return dcc.send_bytes(content, name, type=mime)


QUOTE_FORM = ("treatment", "clinic", "price", "currency", "covers", "quantity", "date")
ASSUMPTION_FORM = ("treatment", "field", "low", "high", "currency")


def _list_action(triggered_id, triggered, prefix: str) -> tuple[str | None, object]:
    """Which action on a saved list a request asks for ('add', 'remove', 'clear'); None when nothing
    was really clicked (remove buttons are re-created with n_clicks=0 whenever the list is drawn)."""
    if triggered_id in (f"{prefix}-add", f"{prefix}-clear"):
        return triggered_id.rsplit("-", 1)[1], None
    if isinstance(triggered_id, dict) and triggered_id.get("type") == f"remove-{prefix}":
        clicked = any(isinstance(t, dict) and t.get("value") for t in triggered or [])
        return ("remove", triggered_id.get("index")) if clicked else (None, None)
    return None, None


def _quote_action(triggered_id, triggered) -> tuple[str | None, object]:
    """Which quote action a request asks for; None when nothing was really clicked."""
    if triggered_id == "quote-add":
        return "add", None
    if triggered_id == "quote-upload":
        return "upload", None
    if triggered_id == "quote-clear":
        return "clear", None
    if isinstance(triggered_id, dict) and triggered_id.get("type") == "remove-quote":
        # buttons are re-created with n_clicks=0 whenever the list is drawn: only a real click counts
        clicked = any(isinstance(t, dict) and t.get("value") for t in triggered or [])
        index = triggered_id.get("index")
        return ("remove", index) if clicked and isinstance(index, str) else (None, None)
    return None, None


def export_file(catalog: Catalog, filters: Filters, fmt: str, today: dt.date,
                saved_quotes: list[dict] = (), saved_assumptions: list[dict] = ()) -> tuple[bytes, str, str]:
    """The export for the filters: (bytes, file name, MIME type). Shared with the command line."""
    comparison = compare(catalog, filters, saved_quotes, saved_assumptions)
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=False))
    left_out = quotes_left_out(list(saved_quotes), filters.market, names)
    if fmt == "csv":
        return (export.to_csv_bytes(comparison, catalog.data, today, left_out), export.export_filename("csv", today),
                "text/csv")
    return (export.to_xlsx_bytes(comparison, catalog.data, today, left_out), export.export_filename("xlsx", today),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
