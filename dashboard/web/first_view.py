"""The first view: the page for one request's query, controls set and results filled in.

The browser asks for the layout with the page's own query string (assets/dashboard.js), so the first paint
shows the numbers for the URL without waiting for a callback. The values come from the same functions as the
render callback, so the page and a later callback cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html, no_update
from dash.development.base_component import Component

from dashboard.model.comparison import Catalog
from dashboard.model.filters import CONTROLS, from_query
from dashboard.web.deferred_forms import form_fields
from dashboard.web.filter_panel import budget_currency
from dashboard.web.layout import page
from dashboard.web.page_state import RENDER_OUTPUTS, page_outputs, shown_values, url_fields

# The code chunks the first view needs that the libraries load only once a component asks for them (after the
# layout has come): the grid's, the dropdowns', the sliders' and Markdown's (cards, questions). Paths under
# _dash-component-suites/, as the libraries' loaders request them.
FIRST_VIEW_CHUNKS = (
    "dash_ag_grid/async-community.js",
    "dash/dcc/async-dropdown.js",
    "dash/dcc/async-slider.js",
    "dash/dcc/async-markdown.js",
)


def preload_chunks(index_string: str, prefix: str, chunks: tuple[str, ...] = FIRST_VIEW_CHUNKS) -> str:
    """The page's HTML template with a preload link per chunk in its head (after the style sheets): the browser
    fetches them beside the page's scripts instead of after the layout, and the loaders then find them there.
    `prefix`: the app's requests_pathname_prefix ("/" or "/app/")."""
    if "{%css%}" not in index_string:
        raise ValueError("the index string has no {%css%} to put the preload links after")
    links = "".join(f'<link rel="preload" as="script" href="{prefix}_dash-component-suites/{c}">' for c in chunks)
    return index_string.replace("{%css%}", "{%css%}" + links, 1)


# The legacy polyfill Dash puts before React (@babel/polyfill 7: core-js 2 and regenerator-runtime). Browsers the
# page supports have every feature core-js 2 fills in, but it still tests them on each load (about 30 ms of the
# first view); the libraries' loaders need only its global `regeneratorRuntime`.
LEGACY_POLYFILL = re.compile(r'<script src="[^"]*/_dash-component-suites/dash/deps/polyfill@7[^"]*"></script>')
# regenerator-runtime 0.13.11 (MIT; the version @babel/polyfill 7.12 bundles), served from the assets folder
REGENERATOR_RUNTIME = "regenerator-runtime-0.13.11.js"


def without_legacy_polyfill(scripts: str, runtime_url: str) -> str:
    """The page's script tags with Dash's legacy polyfill replaced, in its place (before React and every
    library), by regenerator-runtime alone at `runtime_url`. Raises ValueError when the scripts have no such
    polyfill (a Dash upgrade that drops or renames it: the replacement is then to be checked, not guessed)."""
    replaced, count = LEGACY_POLYFILL.subn(f'<script src="{runtime_url}"></script>', scripts, count=1)
    if count != 1:
        raise ValueError("the page's scripts have no legacy polyfill to replace")
    return replaced


def walk(component: Component) -> Iterator[object]:
    """Every item under `component`'s children, depth first in document order (components, strings, numbers)."""
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children] if children is not None else []:
        yield child
        if isinstance(child, Component):
            yield from walk(child)


def fill(layout: Component, props: dict[tuple[str, str], object]) -> Component:
    """Set (component id, property) -> value in the layout tree; a missing id raises KeyError."""
    by_id: dict[str, Component] = {}
    for c in walk(layout):
        found = getattr(c, "id", None)
        if isinstance(c, Component) and isinstance(found, str):
            by_id[found] = c
    for (component_id, prop), value in props.items():
        setattr(by_id[component_id], prop, value)
    return layout


def _tab_sets(layout: Component) -> list[dbc.Tabs]:
    """Every dbc.Tabs in the layout, each given an id (tabs-0, tabs-1, ...) if it has none."""
    found = [c for c in walk(layout) if isinstance(c, dbc.Tabs)]
    for i, tabs in enumerate(found):
        if getattr(tabs, "id", None) is None:
            tabs.id = f"tabs-{i}"
    return found


def _placeholder_id(tab: dbc.Tab) -> str:
    return f"{tab.tab_id}-tab-content"


def _ids(component: Component) -> set:
    ids = (getattr(c, "id", None) for c in [component, *walk(component)])
    return {str(i) for i in ids if i is not None}


def defer_hidden_tabs(layout: Component, lazy: frozenset[str]) -> dict[str, dbc.Tab]:
    """Empty the tabs named in `lazy` that are not shown first: each keeps a placeholder to be filled when
    first shown. Returns {tab_id: tab as it was} for the tabs emptied."""
    deferred = {}
    for tabs in _tab_sets(layout):
        for tab in tabs.children:
            if isinstance(tab, dbc.Tab) and tab.tab_id in lazy and tab.tab_id != tabs.active_tab:
                deferred[tab.tab_id] = dbc.Tab(tab.children, tab_id=tab.tab_id)
                tab.children = html.Div(id=_placeholder_id(tab))
    return deferred


def register_deferred_tabs(app, layout: Component) -> frozenset[str]:
    """Tabs not shown first whose content no callback reads or writes (a static panel) leave the first view
    and arrive when first shown, so the page loads and updates less. Returns their tab ids."""
    callback_ids = {str(d["id"]) for spec in app.callback_map.values() for d in spec["inputs"] + spec["state"]}
    callback_ids |= {part.rsplit(".", 1)[0] for key in app.callback_map for part in key.strip(".").split("...")}
    candidates = frozenset(
        tab.tab_id
        for tabs in _tab_sets(layout)
        for tab in tabs.children
        if isinstance(tab, dbc.Tab) and tab.tab_id and not (_ids(tab) & callback_ids)
    )
    tab_sets = [(tabs.id, [t.tab_id for t in tabs.children if isinstance(t, dbc.Tab)]) for tabs in _tab_sets(layout)]
    content = {tab_id: tab.children for tab_id, tab in defer_hidden_tabs(layout, candidates).items()}
    if not content:
        return candidates
    owners = [(tabs_id, tab_id) for tabs_id, tab_ids in tab_sets for tab_id in tab_ids if tab_id in content]
    tabs_ids = list(dict.fromkeys(tabs_id for tabs_id, _ in owners))

    @app.callback(
        [Output(f"{tab_id}-tab-content", "children") for _, tab_id in owners],
        [Input(tabs_id, "active_tab") for tabs_id in tabs_ids],
        [State(f"{tab_id}-tab-content", "children") for _, tab_id in owners],
        prevent_initial_call=True,
    )
    def show_deferred_tab(*values):
        active = dict(zip(tabs_ids, values[: len(tabs_ids)], strict=True))
        shown = values[len(tabs_ids) :]
        return [
            content[tab_id] if active.get(tabs_id) == tab_id and not current else no_update
            for (tabs_id, tab_id), current in zip(owners, shown, strict=True)
        ]

    return candidates


def first_view(catalog: Catalog, search: str | None, deferred_tabs: frozenset[str] = frozenset()) -> html.Div:
    """The whole page for the raw query string `search` ("?a=1&b=2" or ""); None when it is not known.

    When it is not known the page shows the defaults and leaves the URL unset: the browser then fills it in
    on load, which sets the controls and asks the server for the results as a normal change would.
    """
    query = search if isinstance(search, str) else ""
    filters = from_query(query, catalog.treatment_ids)
    props: dict[tuple[str, str], object] = {
        (c, "value"): v for c, v in zip(CONTROLS, shown_values(filters), strict=True)
    }
    # quotes and assumptions live in the browser: they come back as a change of their store, then the render
    # callback adds them
    outputs = page_outputs(catalog, filters, [], [])
    # the charts are drawn once their part of the page comes near the screen: until then, their place
    props.update({RENDER_OUTPUTS[name]: value for name, value in outputs.items()})
    props[("url", "search")] = search
    props[("budget-currency", "children")] = budget_currency(filters.market)
    # the deferred tabs' content is sent when first shown (register_deferred_tabs): not built here
    layout = fill(page(catalog, deferred_tabs), props)
    defer_hidden_tabs(layout, deferred_tabs)
    # the forms' fields, mounted by the browser just after this view (web/deferred_forms)
    fields = dcc.Store(id="form-fields", data=form_fields(catalog, filters.market))
    return html.Div([layout, dcc.Store(id="url-fields", data=url_fields()), fields])
