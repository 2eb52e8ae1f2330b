"""The first view: the page for one request's query, controls set and results filled in.

The browser asks for the layout with the page's own query string (assets/dashboard.js), so the first paint
shows the numbers for the URL without waiting for a callback. The values come from the same functions as the
render callback, so the page and a later callback cannot disagree.
"""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.callbacks import CONTROLS, RENDER_OUTPUTS, control_values, page_outputs, url_fields
from dashboard.comparison import Catalog
from dashboard.filters import from_query
from dashboard.layout import page


def fill(layout: Component, props: dict[tuple[str, str], object]) -> Component:
    """Set (component id, property) -> value in the layout tree; a missing id raises KeyError."""
    by_id = {c.id: c for c in layout._traverse() if isinstance(getattr(c, "id", None), str)}
    for (component_id, prop), value in props.items():
        setattr(by_id[component_id], prop, value)
    return layout


def first_view(catalog: Catalog, search: str | None) -> html.Div:
    """The whole page for the raw query string `search` ("?a=1&b=2" or ""); None when it is not known.

    When it is not known the page shows the defaults and leaves the URL unset: the browser then fills it in
    on load, which sets the controls and asks the server for the results as a normal change would.
    """
    query = search if isinstance(search, str) else ""
    filters = from_query(query, catalog.treatment_ids)
    props: dict[tuple[str, str], object] = {(c, "value"): v for c, v in zip(CONTROLS, control_values(filters))}
    # quotes live in the browser: they come back as a change of the store, then the render callback adds them
    outputs = page_outputs(catalog, query, [])
    props.update({RENDER_OUTPUTS[name]: value for name, value in outputs.items()})
    props[("url", "search")] = search
    layout = fill(page(catalog), props)
    return html.Div([layout, dcc.Store(id="url-fields", data=url_fields())])
