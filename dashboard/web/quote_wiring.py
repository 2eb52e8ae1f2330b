"""The quote panel's wiring in the browser and beside it: the live reading under the form, the quotes (and
assumptions) kept in local storage by assets/quotes.js with a note when they cannot be, "Download my quotes",
and a saved quote put side by side."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc
from dash.exceptions import PreventUpdate

from dashboard.output.quote_words import arithmetic, price_of_question
from dashboard.quotes import records as q
from dashboard.quotes.dates import latest_today

READ_FIELDS = ("treatment", "price", "currency", "covers", "quantity", "per")  # what the live reading reads


def form_reading(form: dict, treatments: dict[str, str], today: dt.date) -> str:
    """The live line under the form: how the quote will be read, with its arithmetic, or what is still needed."""
    price = form.get("price")
    if price in (None, "") or not treatments:
        return ""
    values = {**form, "treatment": form.get("treatment") or next(iter(treatments))}
    record, problems = q.parse_form(values, treatments, today, new_id=lambda: "0" * 12)
    if record is None:
        shown = [p for p in problems if p.column in ("price", "quantity", "per", "covers", "currency")]
        return str(shown[0]) if shown else ""
    return f"Reads as: {arithmetic(record)}."


def register_quote_panel(app: Dash, names: dict[str, str]) -> None:
    """The live reading under the form, the quotes kept in local storage (assets/quotes.js) with a note when they
    cannot be, "Download my quotes", and a quote put side by side."""
    register_local_storage(app)
    register_form_reading(app, names)
    register_download_mine(app, names)
    register_compare_quote(app)


def register_local_storage(app: Dash) -> None:
    """The quotes and assumptions loaded from the browser's local storage and saved to it (assets/quotes.js), with
    a note when they cannot be kept."""
    app.clientside_callback(
        ClientsideFunction(namespace="quotes", function_name="load"),
        Output("quotes-store", "data", allow_duplicate=True),
        Output("quote-storage-note", "children", allow_duplicate=True),
        Output("assumptions-store", "data", allow_duplicate=True),
        Input("quote-storage-note", "id"),
        prevent_initial_call="initial_duplicate",
    )
    # the note's title: the same words when the assumptions could not be kept (the note itself speaks for both)
    app.clientside_callback(
        ClientsideFunction(namespace="quotes", function_name="saveAssumptions"),
        Output("quote-storage-note", "title"),
        Input("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="quotes", function_name="save"),
        Output("quote-storage-note", "children"),
        Input("quotes-store", "data"),
        prevent_initial_call=True,
    )


def register_form_reading(app: Dash, names: dict[str, str]) -> None:
    """The live line under the form (how the quote will be read) and the "price of one or of all" question in the
    covered unit's words."""
    # the form's values, passed on only once a price is typed (or cleared): the market setting the currency on
    # load sends no request
    app.clientside_callback(
        ClientsideFunction(namespace="quotes", function_name="formValues"),
        Output("quote-form-values", "data"),
        [Input(f"quote-{f}", "value") for f in READ_FIELDS],
        State("quote-form-values", "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("quote-reading", "children"),
        Output("quote-per-label", "children"),
        Input("quote-form-values", "data"),
        prevent_initial_call=True,
    )
    def reading(values: Any) -> tuple[str, str]:
        form = dict(zip(READ_FIELDS, values if isinstance(values, list) else [None] * 6, strict=False))
        form = {k: (str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v) for k, v in form.items()}
        return form_reading(form, names, latest_today()), price_of_question(form.get("covers"))


def register_download_mine(app: Dash, names: dict[str, str]) -> None:
    """The "Download my quotes" button: the saved quotes, and those needing attention, as a CSV."""

    @app.callback(
        Output("my-quotes-download", "data"),
        Input("quote-download", "n_clicks"),
        State("quotes-store", "data"),
        prevent_initial_call=True,
    )
    def download_mine(n_clicks: Any, stored: Any) -> dict[str, Any]:
        if not n_clicks:
            raise PreventUpdate
        today = latest_today()
        saved = q.validate_stored(stored, names, today) + q.needs_attention(stored, names, today)
        return dcc.send_bytes(q.quotes_csv(saved, names), "my-quotes.csv", type="text/csv")


def register_compare_quote(app: Dash) -> None:
    """A saved quote's "Compare side by side" puts it among the options compared."""

    @app.callback(
        Output("compare", "value", allow_duplicate=True),
        Input({"type": "compare-quote", "index": ALL}, "n_clicks"),
        State("compare", "value"),
        prevent_initial_call=True,
    )
    def compare_quote(_clicks: Any, chosen: Any) -> list[str]:
        clicked = any(isinstance(t, dict) and t.get("value") for t in ctx.triggered or [])
        index = ctx.triggered_id.get("index") if isinstance(ctx.triggered_id, dict) else None
        if not clicked or not isinstance(index, str):
            raise PreventUpdate
        chosen = [c for c in (chosen if isinstance(chosen, list) else []) if isinstance(c, str)]
        return list(dict.fromkeys([*chosen, f"quote-{index}"]))
