"""The quote and assumption forms' fields, sent just after the first view.

The first view carries the saved quotes and assumptions with their messages, and an empty place for each form's
fields. Once the results are drawn, assets/forms.js sets the forms-wanted store at the browser's next idle
moment, and the fields arrive, their currency set to the market's. So the grid's rows and the filters are
usable sooner: about 60 components fewer to mount before them.

The buttons, the upload and the saved lists stay in the first view: a callback fired by them reads the fields as
State with `allow_optional` (`field_state`), None until they arrive. A callback fired by a field writes only
within the fields (the readings, the treatment search), so their arrival sets off no request; and the market's
currency is set in a field by the browser only once the field is there (assets/dashboard.js marketCurrency).
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import vocab
from dashboard.model.comparison import Catalog
from dashboard.web.assumption_panel import assumption_fields
from dashboard.web.quote_panel import quote_fields


def field_state(component_id: str, prop: str) -> State:
    """A State of a form field, None until the fields arrive."""
    return State(component_id, prop, allow_optional=True)


def register_deferred_forms(app: Dash, catalog: Catalog) -> None:
    """The forms' fields for the market shown, once the page asks for them (forms-wanted), and only once."""
    treatments, aliases = catalog.data.treatments, catalog.data.alias_map()

    @app.callback(
        Output("quote-fields", "children"),
        Output("assumption-fields", "children"),
        Input("forms-wanted", "data"),
        State("market", "value"),
        State("quote-fields", "children"),
        prevent_initial_call=True,
    )
    def send_fields(wanted: Any, market: Any, shown: Any) -> tuple[list, list]:
        if wanted is not True or shown:
            raise PreventUpdate
        currency = vocab.MARKET_CURRENCY.get(market if isinstance(market, str) else "", "USD")
        return quote_fields(treatments, aliases, currency), assumption_fields(treatments, aliases, currency)
