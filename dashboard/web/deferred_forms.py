"""The quote and assumption forms' fields, mounted just after the first view.

The first view carries the saved quotes and assumptions with their messages, the forms' buttons, an empty place
for each form's fields, and the fields themselves as data (the form-fields store: not mounted). Once the results
are drawn, assets/after_results.js sets the forms-wanted store at the browser's next idle moment, and the browser puts
the fields in their places, their currency set to the market's then (no request: nothing to wait for or to
fail). So the grid's rows and the filters are usable sooner: about 60 components fewer to mount before them.

A callback fired by the buttons or the saved lists reads the fields as State with `allow_optional`
(`field_state`), None before they are in place. A callback fired by a field writes only within the fields (the
readings, the treatment search), so their arrival sets off no request; and the market's currency is set in a
field by the browser only once the field is there (assets/dashboard.js marketCurrency).
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State

from dashboard import vocab
from dashboard.model.comparison import Catalog
from dashboard.web.assumption_panel import assumption_fields
from dashboard.web.quote_panel import quote_fields


def field_state(component_id: str, prop: str) -> State:
    """A State of a form field, None until the fields are in place."""
    return State(component_id, prop, allow_optional=True)


def form_fields(catalog: Catalog, market: str) -> dict[str, list]:
    """The forms' fields for the form-fields store: {"quote": components, "assumption": components}, their
    currency the market's."""
    currency = vocab.MARKET_CURRENCY.get(market, "USD")
    treatments, aliases = catalog.data.treatments, catalog.data.alias_map()
    return {
        "quote": quote_fields(treatments, aliases, currency),
        "assumption": assumption_fields(treatments, aliases, currency),
    }


def register_deferred_forms(app: Dash) -> None:
    """The fields put in their places once the page asks (forms-wanted), in the browser, in the currency of the
    market then shown (assets/dashboard.js formFields)."""
    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="formFields"),
        Output("quote-fields", "children"),
        Output("assumption-fields", "children"),
        Input("forms-wanted", "data"),
        State("form-fields", "data"),
        State("market", "value"),
        prevent_initial_call=True,
    )
