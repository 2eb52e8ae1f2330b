"""The page's state and the one render: the URL and the controls kept in step in the browser, the filters
in force after a change, and everything the view shows for them (the first view fills the same outputs).

In: raw control values, the URL query and the stored quotes and assumptions, parsed and checked here.
Out: RENDER_OUTPUTS and MESSAGE_OUTPUTS (the page's parts in one answer, ANSWER_OUTPUTS, set in the browser),
the controls on going back or forward, and the callbacks that send them.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import parse_qs

from dash import ClientsideFunction, Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard.model import assumptions
from dashboard.model.comparison import Catalog
from dashboard.model.filters import (
    CONTROLS,
    FIELDS,
    MAX_COMPARE,
    FilterField,
    Filters,
    apply_controls,
    control_values,
    from_query,
)
from dashboard.output.filter_words import typed_messages
from dashboard.quotes import records as quotes
from dashboard.quotes.dates import latest_today
from dashboard.web.render import details, render, render_charts
from dashboard.web.typed_input import MESSAGE_CLASSES

# List-valued fields and how many items they keep; the browser trims a control to this at once.
LIST_LIMITS = {"compare": MAX_COMPARE}

# What the one render callback reads besides the controls (every CONTROLS value, as `controls`): argument
# name -> (component id, property). To feed the render one more value, add a line here and a parameter of
# the same name to `page_outputs`.
RENDER_INPUTS = {
    "stored_quotes": ("quotes-store", "data"),
    "stored_assumptions": ("assumptions-store", "data"),
}
# What it returns: PageOutputs field -> (component id, property). The first view fills the same properties.
RENDER_OUTPUTS = {
    "row_data": ("results-grid", "rowData"),
    "column_defs": ("results-grid", "columnDefs"),
    "result_count": ("result-count", "children"),
    "over_budget_note": ("over-budget-note", "children"),
    "side_by_side": ("side-by-side", "children"),
    "quote_list": ("quote-list", "children"),
    "assumption_list": ("assumption-list", "children"),
    "cards": ("result-cards", "children"),
    "missing_notes": ("missing-notes", "children"),
    "over_budget_label": ("show-over-budget", "label"),
    "applied_query": ("applied-query", "data"),
    "price_basis_note": ("price-basis-note", "children"),
    "clinic_questions": ("clinic-questions", "children"),
    # the charts with their keys and notes, or until they are first drawn the place kept for them
    "charts": ("charts-panel", "children"),
}
# After a change, the URL to write ({"query": the filters in force, "step": the Back/Forward step the request
# was sent at}); an answer to going back or forward leaves the URL alone.
URL_OUTPUT = {"url_query": ("url-query", "data")}

# The typed-number fields: the page shows their values as text, as a person types them.
TEXT_CONTROLS = ("budget", "max-downtime", "daily-earnings")


def shown_values(filters: Filters) -> list:
    """The controls' values for `filters` as the page shows them, in CONTROLS order: control_values, with the
    typed-number fields as the text a field holds ("3000", "2.5", None when empty), so that leaving a field
    unchanged is not a change."""
    values = control_values(filters)
    return [_as_typed(v) if c in TEXT_CONTROLS else v for c, v in zip(CONTROLS, values, strict=True)]


def _as_typed(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# The controls themselves, set when the person goes back or forward (history_controls): the server reads the URL as
# it reads it for the first view, so the controls, the results and the URL always agree.
CONTROL_OUTPUTS = {f"control_{c.replace('-', '_')}": (c, "value") for c in CONTROLS}
# Beside each typed number, what it was read as, or why it was refused and what applies instead (computed from the
# raw value); and the line's class (typed_input.MESSAGE_CLASSES): a refusal is marked, a reading is not.
TYPED_CONTROLS = ("budget", "max-downtime", "daily-earnings")
MESSAGE_OUTPUTS = {
    **{f"{c}_message": (f"{c}-message", "children") for c in TYPED_CONTROLS},
    **{f"{c}_message_class": (f"{c}-message", "className") for c in TYPED_CONTROLS},
}
# What the page shows of an answer, sent as one list in this order to the answer store and set on the page by
# assets/dashboard.js showAnswer: while a change is answered no part of the page waits on the server (Dash marks
# and redraws each output of a request in flight, twice per change). The filters in force stay an output of the
# render itself, which reads them back (an output of another callback, the renderer would hold a change made
# while the last is answered).
ANSWER_OUTPUTS = {
    **{name: target for name, target in RENDER_OUTPUTS.items() if name != "applied_query"},
    **MESSAGE_OUTPUTS,
}
ANSWER_STORE = ("render-answer", "data")
# On going back or forward, the controls' values the URL says ({"step": n, "values": [...]}, CONTROLS order).
URL_CONTROLS = ("url-controls", "data")


def _kind(field: FilterField) -> str:
    """How the browser reads a field's URL text: list, flag, number or text."""
    if isinstance(field.default, tuple):
        return "list"
    if isinstance(field.default, bool):
        return "flag"
    sample = field.parse("1", ())
    return "number" if isinstance(field.default, (int, float)) or type(sample) in (int, float) else "text"


def url_fields() -> list[dict]:
    """What the browser knows of each control (assets/dashboard.js trimList reads the list limits), in CONTROLS
    order: its URL parameter, its place in the query string, its default value, the kind (text, number, flag,
    list) and the list limit."""
    defaults = dict(zip(CONTROLS, control_values(Filters()), strict=True))
    return [
        {
            "control": f.control,
            "param": f.url,
            "order": i,
            "default": defaults[f.control],
            "kind": _kind(f),
            "limit": LIST_LIMITS.get(f.name),
        }
        for i, f in enumerate(FIELDS)
    ]


def controls_from_query(search: Any) -> dict[str, object]:
    """The control values, by control id, that the browser sets from a URL query: raw text as in the URL
    (the server parses them like any control value), defaults for what the query leaves out."""
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True))
    by_param = {f.url: f.control for f in FIELDS}
    raw = parse_qs(search.lstrip("?"), max_num_fields=50) if isinstance(search, str) and len(search) <= 4000 else {}
    controls.update({by_param[p]: v[-1] for p, v in raw.items() if p in by_param})
    return controls


def page_outputs(
    catalog: Catalog, filters: Filters, stored_quotes: Any, stored_assumptions: Any, charts_shown: Any = False
) -> dict[str, object]:
    """Everything the view shows for valid filters and the raw stored quotes and assumptions, keyed as
    RENDER_OUTPUTS. Quotes and assumptions come from the browser: they are checked here, every time. The
    charts are made only once `charts_shown` is True; until then "charts" is the place kept for them.
    """
    saved = quotes.validate_stored(stored_quotes, catalog.treatment_ids, latest_today())
    assumed = assumptions.validate_stored(stored_assumptions, catalog.treatment_ids)
    attention = quotes.needs_attention(stored_quotes, catalog.treatment_ids, latest_today())
    out = render(catalog, filters, saved, assumed, attention, charts=charts_shown is True)
    return {name: getattr(out, name) for name in RENDER_OUTPUTS}


def charts_output(catalog: Catalog, applied_query: Any, stored_quotes: Any, stored_assumptions: Any) -> Any:
    """The charts tab's content for the filters in force (the applied-query store's query) and the raw stored
    quotes and assumptions, each checked here."""
    filters = from_query(applied_query if isinstance(applied_query, str) else "", catalog.treatment_ids)
    saved = quotes.validate_stored(stored_quotes, catalog.treatment_ids, latest_today())
    assumed = assumptions.validate_stored(stored_assumptions, catalog.treatment_ids)
    return render_charts(catalog, filters, saved, assumed)


def applied_filters(
    controls: dict, applied_query: Any, treatment_ids: Collection[str]
) -> tuple[Filters, dict[str, str]]:
    """The filters in force after a change, and MESSAGE_OUTPUTS: a typed number the server refuses keeps
    the value in force before the change (`applied_query`), and its message says why and what applies."""
    raw = {CONTROLS[c]: v for c, v in controls.items() if c in CONTROLS}
    previous = from_query(applied_query if isinstance(applied_query, str) else "", treatment_ids)
    filters, typed = apply_controls(raw, previous, treatment_ids)
    messages = typed_messages(typed)
    refused = {name for name, number in typed.items() if number.code != "read"}
    return filters, {
        **{f"{c}_message": messages.get(CONTROLS[c], "") for c in TYPED_CONTROLS},
        **{
            f"{c}_message_class": MESSAGE_CLASSES["refused" if CONTROLS[c] in refused else "read"]
            for c in TYPED_CONTROLS
        },
    }


def history_controls(catalog: Catalog, step: Any) -> list:
    """The controls' values, in CONTROLS order, when the person goes back or forward (`step`: {"search": raw
    query string, "step": n}, from assets/dashboard.js): as the first view shows them for that URL. Setting them
    asks for the results as any change does; that answer keeps the URL as written (`show`), so the browser adds
    no history entry."""
    search = step.get("search") if isinstance(step, dict) else None
    # from_query drops the parameters the page does not use and caps the length, as for the first view
    return shown_values(from_query(search if isinstance(search, str) else "", catalog.treatment_ids))


def answer_list(outputs: dict[str, object]) -> list:
    """The answer store's value: the outputs in ANSWER_OUTPUTS order."""
    return [outputs[name] for name in ANSWER_OUTPUTS]


def register_page_updates(app: Dash, catalog: Catalog) -> None:
    """The URL <-> controls sync in the browser, the render on every change and an option's details."""
    register_url_sync(app)
    register_render(app, catalog)
    register_details(app, catalog)


def register_url_sync(app: Dash) -> None:
    """The URL and the controls kept in step in the browser; a list control trimmed to its limit."""
    # The URL is the state. Once the results of a change are in, the URL takes the filters in force (so a refused
    # typed value never reaches it, and the page's own work on the URL does not compete with the request). Going
    # back or forward hands the URL to the render, which sets the controls and the results from it in one request
    # and leaves the URL as it was (no new history entry). A list control is trimmed to its limit at once.
    # appliedToUrl writes the URL (and asks again after a late answer to a change) with set_props, declaring no
    # output: a declared output would lead from the render's own answer, through the URL, back to the render's
    # history-search input, and Dash's renderer would then hold a change made while the previous one is being
    # answered (its request never sent) until the next change.
    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="appliedToUrl"),
        Input("url-query", "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="historyStep"),
        Output("history-search", "data"),
        Input("url", "search"),
        [State(c, "value") for c in CONTROLS],
        prevent_initial_call=True,
    )
    for control in (c for c, name in CONTROLS.items() if name in LIST_LIMITS):
        app.clientside_callback(
            ClientsideFunction(namespace="dashboard", function_name="trimList"),
            Output(control, "value", allow_duplicate=True),
            Output(f"{control}-message", "children"),
            Input(control, "value"),
            State("url-fields", "data"),
            prevent_initial_call=True,
        )


def register_render(app: Dash, catalog: Catalog) -> None:
    """The one render: every output of the view for the filters in force after a change; and on going back or
    forward, the controls set from the URL (which then asks for the render as any change does)."""
    ids = catalog.treatment_ids

    # One request per change, for everything the view shows, sent straight from the control (not chained
    # behind the URL). Not on load: the first view already holds the results for the page's query; quotes
    # kept in the browser arrive as a change of the store and come here. The server parses every value.
    @app.callback(
        output={
            "answer": Output(*ANSWER_STORE),
            "applied_query": Output(*RENDER_OUTPUTS["applied_query"]),
            "url_query": Output(*URL_OUTPUT["url_query"]),
        },
        inputs={
            "controls": {c: Input(c, "value") for c in CONTROLS},
            **{name: Input(*source) for name, source in RENDER_INPUTS.items()},
            "history": State("history-search", "data"),  # {"search": ..., "step": n}: the Back/Forward step now
            "applied_query": State("applied-query", "data"),
            "search": State("url", "search"),
            # True while the charts are near the screen (assets/after_results.js): the answer holds the charts only then;
            # when they come near again still waiting, draw_charts (below) draws them
            "charts_shown": State("charts-shown", "data"),
        },
        prevent_initial_call=True,
    )
    def show(controls: Any, history: Any, applied_query: Any, search: Any = None, **values: Any) -> dict[str, object]:
        controls = controls if isinstance(controls, dict) else {}
        filters, messages = applied_filters(controls, applied_query, ids)
        # the URL to write once this answer is in, tagged with the Back/Forward step the request was sent at
        query = filters.to_query()
        if isinstance(search, str) and query != search.lstrip("?") and from_query(search, ids) == filters:
            query = search.lstrip("?")  # the URL already says these filters, in its own words: it stays as written
        step = history.get("step", 0) if isinstance(history, dict) else 0
        outputs = {**page_outputs(catalog, filters, **values), **messages}
        return {
            "answer": answer_list(outputs),
            "applied_query": outputs["applied_query"],
            "url_query": {"query": query, "step": step if isinstance(step, int) and not isinstance(step, bool) else 0},
        }

    # The answer set on the page, in the browser (ANSWER_OUTPUTS).
    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="showAnswer"),
        [Output(*target) for target in ANSWER_OUTPUTS.values()],
        Input(*ANSWER_STORE),
        prevent_initial_call=True,
    )

    # Going back or forward: the controls as the first view shows them for that URL, set in the browser
    # (assets/dashboard.js urlControls), but for a control the person changed while this was read. Their change asks
    # for the results as any change does (one more request, for the results).
    @app.callback(Output(*URL_CONTROLS), Input("history-search", "data"), prevent_initial_call=True)
    def back_or_forward(step: Any) -> dict[str, object]:
        number = step.get("step") if isinstance(step, dict) else None
        whole = isinstance(number, int) and not isinstance(number, bool)
        return {"step": number if whole else None, "values": history_controls(catalog, step)}

    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="urlControls"),
        [Output(*target) for target in CONTROL_OUTPUTS.values()],
        Input(*URL_CONTROLS),
        State("history-search", "data"),
        [State(c, "value") for c in CONTROLS],
        prevent_initial_call=True,
    )

    # The charts, drawn when their place waits ("Drawing the charts…") while they are near the screen: for the
    # filters in force and the stored quotes and assumptions. Its own callback, so it never takes the place of a
    # change's answer. `asked` counts the page's asks (assets/after_results.js); anything else draws nothing.
    @app.callback(
        Output("charts-panel", "children", allow_duplicate=True),
        Input("charts-wanted", "data"),
        State("applied-query", "data"),
        State("quotes-store", "data"),
        State("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    def draw_charts(asked: Any, applied_query: Any, stored_quotes: Any, stored_assumptions: Any) -> Any:
        if isinstance(asked, bool) or not isinstance(asked, int) or asked < 1:
            raise PreventUpdate
        return charts_output(catalog, applied_query, stored_quotes, stored_assumptions)


def register_details(app: Dash, catalog: Catalog) -> None:
    """The details of the option chosen in the grid or tapped on a result card."""
    ids = catalog.treatment_ids

    @app.callback(
        Output("option-details", "children"),
        Input("results-grid", "selectedRows"),
        Input("card-choice", "data"),  # a tap on a result card (assets/cards.js): {"id": ..., "at": ms}
        State("url", "search"),
        State("quotes-store", "data"),
        State("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    def show_details(selected: Any, card: Any, search: Any, stored: Any, stored_assumptions: Any) -> Any:
        chosen = (
            selected[0].get("id") if isinstance(selected, list) and selected and isinstance(selected[0], dict) else None
        )
        if ctx.triggered_id == "card-choice":
            chosen = card.get("id") if isinstance(card, dict) else None
        saved = quotes.validate_stored(stored, ids, latest_today())
        assumed = assumptions.validate_stored(stored_assumptions, ids)
        return details(catalog, from_query(search if isinstance(search, str) else "", ids), chosen, saved, assumed)
