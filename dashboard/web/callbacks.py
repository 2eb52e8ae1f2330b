"""Thin wiring: parse the inputs, call the pure functions, format the outputs.

`register_callbacks` wires the whole page: the URL, the controls and the render (`page_state`), then,
here, the quote and assumption lists, the quote template and the exports.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.model import assumptions
from dashboard.model.comparison import Catalog
from dashboard.model.filters import CONTROLS, apply_controls, control_values, from_query
from dashboard.output.export import export_file
from dashboard.quotes import records as quotes
from dashboard.quotes.dates import latest_today, utc_today
from dashboard.web import assumption_panel
from dashboard.web.deferred_forms import field_state, register_deferred_forms
from dashboard.web.page_state import register_page_updates
from dashboard.web.questions_panel import register_questions
from dashboard.web.quote_panel import apply_action, register_upload_refused
from dashboard.web.quote_wiring import register_quote_panel
from dashboard.web.typed_input import register_name_search, register_readings


def register_callbacks(app: Dash, catalog: Catalog) -> None:
    """Every callback of the page, in this order: the page's state and render, the questions, the quote and
    assumption forms' helpers, the market's currency and the data links, the assumption and quote lists, the
    quote template and the exports."""
    register_page_updates(app, catalog)
    register_deferred_forms(app)
    register_questions(app, catalog)
    register_upload_refused(app)
    register_readings(app)
    register_name_search(app)
    register_market_currency(app)
    register_data_links(app)
    register_assumption_list(app, catalog.treatment_ids)
    names = dict(zip(catalog.data.treatments["id"], catalog.data.treatments["name"], strict=False))
    register_quote_panel(app, names)
    register_quote_list(app, catalog.treatment_ids, names, catalog.data.alias_map())
    register_template(app, names)
    register_exports(app, catalog)


def register_market_currency(app: Dash) -> None:
    """The budget is in the market's currency, and its label says which; the quote and assumption forms' currency
    follows it (a UK patient's quote is in pounds): set in the browser once the fields are on the page, and
    sent with the fields before that (web/deferred_forms)."""
    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="marketCurrency"),
        Output("budget-currency", "children"),
        Input("market", "value"),
    )


def register_data_links(app: Dash) -> None:
    """The links to the comparison as CSV, Excel and JSON follow the page's query string (in the browser)."""
    app.clientside_callback(
        ClientsideFunction(namespace="page", function_name="dataLinks"),
        Output("link-csv", "href"),
        Output("link-xlsx", "href"),
        Output("link-json", "href"),
        Input("url", "search"),
    )


def register_assumption_list(app: Dash, ids: Collection[str]) -> None:
    """Add, remove and clear the assumptions kept in the browser, with a message for each."""

    @app.callback(
        Output("assumptions-store", "data"),
        Output("assumption-messages", "children"),
        Input("assumption-add", "n_clicks"),
        Input({"type": "remove-assumption", "index": ALL}, "n_clicks"),
        Input("assumption-clear", "n_clicks"),
        [field_state(f"assumption-{f}", "value") for f in ASSUMPTION_FORM],
        State("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    def update_assumptions(_add: Any, _removes: Any, _clear: Any, *rest: Any) -> tuple[list[dict], list[html.Li]]:
        form = dict(
            zip(("treatment_id", "field", "low", "high", "currency"), rest[: len(ASSUMPTION_FORM)], strict=True)
        )
        action, index = _list_action(ctx.triggered_id, ctx.triggered, "assumption")
        if action is None:
            raise PreventUpdate
        saved = assumptions.validate_stored(rest[len(ASSUMPTION_FORM)], ids)
        new, messages = assumption_panel.apply_action(action, saved, ids, form=form, remove_index=index)
        return new, [html.Li(m) for m in messages]


def register_quote_list(app: Dash, ids: Collection[str], names: dict[str, str], aliases: dict[str, str]) -> None:
    """Add (from the form or a file), remove and clear the quotes kept in the browser, with a message for each."""

    @app.callback(
        Output("quotes-store", "data"),
        Output("quote-messages", "children"),
        Output("quote-upload", "contents"),
        Input("quote-add", "n_clicks"),
        Input("quote-upload", "contents"),
        Input({"type": "remove-quote", "index": ALL}, "n_clicks"),
        Input("quote-clear", "n_clicks"),
        [field_state(f"quote-{f}", "value") for f in QUOTE_FORM],
        State("quote-upload", "filename"),
        State("quotes-store", "data"),
        prevent_initial_call=True,
    )
    def update_quotes(
        _add: Any, contents: Any, _removes: Any, _clear: Any, *rest: Any
    ) -> tuple[list[dict], list[html.Li], None]:
        form = dict(zip(QUOTE_FORM, rest[: len(QUOTE_FORM)], strict=True))
        filename, stored = rest[len(QUOTE_FORM) :]
        action, remove_id = _quote_action(ctx.triggered_id, ctx.triggered)
        if action is None:
            raise PreventUpdate
        saved = quotes.validate_stored(stored, ids, latest_today())
        attention = quotes.needs_attention(stored, ids, latest_today())
        form = {k: (str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v) for k, v in form.items()}
        new, messages = apply_action(
            action,
            saved,
            names,
            latest_today(),
            form=form,
            upload=(contents, filename),
            remove_id=remove_id,
            aliases=aliases,
            attention=attention,
        )
        return new, [html.Li(m) for m in messages], None


def register_template(app: Dash, names: dict[str, str]) -> None:
    """The quotes' CSV template, downloaded from its button."""

    @app.callback(Output("template-download", "data"), Input("quote-template", "n_clicks"), prevent_initial_call=True)
    def template(n_clicks: Any) -> dict[str, Any]:
        if not n_clicks:
            raise PreventUpdate
        return dcc.send_bytes(quotes.template_csv(names), "quotes-template.csv", type="text/csv")


def register_exports(app: Dash, catalog: Catalog) -> None:
    """One callback and one download per button: a click on Excel while the CSV is still being prepared would
    otherwise replace the CSV request, and the CSV would never arrive. Each button says "Preparing…" and is
    disabled until its own file is sent."""
    ids = catalog.treatment_ids
    for fmt, label in EXPORT_BUTTONS.items():

        @app.callback(
            Output(f"download-{fmt}", "data"),
            Input(f"export-{fmt}", "n_clicks"),
            State("url", "search"),
            State("quotes-store", "data"),
            State("assumptions-store", "data"),
            [State(c, "value") for c in CONTROLS],
            running=[
                (Output(f"export-{fmt}", "disabled"), True, False),
                (Output(f"export-{fmt}", "children"), f"Preparing {label}…", f"Export {label}"),
            ],
            prevent_initial_call=True,
        )
        def download(
            n_clicks: Any, search: Any, stored: Any, stored_assumptions: Any, *values: Any, fmt: str = fmt
        ) -> dict[str, Any]:
            if not n_clicks:
                raise PreventUpdate
            return export(catalog, ids, fmt, search, stored, stored_assumptions, values)


def export(
    catalog: Catalog,
    ids: Collection[str],
    fmt: str,
    search: Any,
    stored: Any,
    stored_assumptions: Any,
    values: Sequence[Any],
) -> dict[str, Any]:
    """The export download (`ids`: the catalog's treatment ids) for the filters on screen at the click (a value
    typed just before counts), not the last URL."""
    applied = from_query(search if isinstance(search, str) else "", ids)
    # a control the request leaves out (None) keeps the URL's value; "" or [] on screen means cleared
    shown = [v if v is not None else a for v, a in zip(values, control_values(applied), strict=True)]
    filters, _ = apply_controls(dict(zip(CONTROLS.values(), shown, strict=True)), applied, ids)
    saved = quotes.validate_stored(stored, ids, latest_today())
    assumed = assumptions.validate_stored(stored_assumptions, ids)
    content, name, mime = export_file(catalog, filters, fmt, utc_today(), saved, assumed)
    return dcc.send_bytes(content, name, type=mime)


EXPORT_BUTTONS = {"csv": "CSV", "xlsx": "Excel"}  # format -> the button's word; ids export-<format>
QUOTE_FORM = ("treatment", "clinic", "price", "currency", "covers", "quantity", "date", "per")
ASSUMPTION_FORM = ("treatment", "field", "low", "high", "currency")


def _list_action(triggered_id: Any, triggered: Any, prefix: str) -> tuple[str | None, object]:
    """Which action on a saved list a request asks for ('add', 'remove', 'clear'); None when nothing
    was really clicked (remove buttons are re-created with n_clicks=0 whenever the list is drawn)."""
    if triggered_id in (f"{prefix}-add", f"{prefix}-clear"):
        return triggered_id.rsplit("-", 1)[1], None
    if isinstance(triggered_id, dict) and triggered_id.get("type") == f"remove-{prefix}":
        clicked = any(isinstance(t, dict) and t.get("value") for t in triggered or [])
        return ("remove", triggered_id.get("index")) if clicked else (None, None)
    return None, None


def _quote_action(triggered_id: Any, triggered: Any) -> tuple[str | None, object]:
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
