"""Build callback requests exactly as the browser sends them."""

from dashboard.model.filters import CONTROLS, control_values, from_query
from dashboard.web.page_state import ANSWER_OUTPUTS, controls_from_query

# what the render callback declares: the answer (the page's parts, set in the browser), the filters in force and
# the URL to write
RENDER_OUTPUTS = [("render-answer", "data"), ("applied-query", "data"), ("url-query", "data")]
# on going back or forward, the controls' values the URL says (set in the browser)
URL_CONTROLS = [("url-controls", "data")]


def unpacked(response):
    """A render response's parts keyed as the page sets them, component id -> {property: value}: the answer
    store's list (page_state.ANSWER_OUTPUTS order) laid out, beside the filters in force and the URL to write."""
    out = {k: v for k, v in response.items() if k != "render-answer"}
    for (component_id, prop), value in zip(ANSWER_OUTPUTS.values(), response["render-answer"]["data"], strict=True):
        out.setdefault(component_id, {})[prop] = value
    return out


def output_string(outputs):
    if len(outputs) == 1:
        return f"{outputs[0][0]}.{outputs[0][1]}"
    return ".." + "...".join(f"{i}.{p}" for i, p in outputs) + ".."


def request_body(outputs, inputs, state=(), changed=None):
    return {
        "output": output_string(outputs),
        "outputs": [{"id": i, "property": p} for i, p in outputs]
        if len(outputs) > 1
        else {"id": outputs[0][0], "property": outputs[0][1]},
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": changed if changed is not None else [f"{i}.{p}" for i, p, _ in inputs[:1]],
    }


def render_body(search, saved_quotes=(), saved_assumptions=(), charts_shown=True):
    """The render request for the controls set as the URL `search` would set them (by default on a page
    whose charts are drawn)."""

    return render_controls_body(
        controls_from_query(search), saved_quotes, saved_assumptions, applied=search, charts_shown=charts_shown
    )


def render_controls_body(
    controls, saved_quotes=(), saved_assumptions=(), changed="budget.value", applied="", charts_shown=True
):
    """The render request for raw control values keyed by control id; `applied`: the filters in force
    before the change, as a query string (the page keeps them in the applied-query store); `charts_shown`:
    whether the page has drawn its charts."""
    inputs = [(c, "value", v) for c, v in controls.items()] + [
        ("quotes-store", "data", list(saved_quotes)),
        ("assumptions-store", "data", list(saved_assumptions)),
    ]
    state = [
        ("history-search", "data", ""),
        ("applied-query", "data", applied),
        ("url", "search", ""),
        ("charts-shown", "data", charts_shown),
    ]
    return request_body(RENDER_OUTPUTS, inputs, state=state, changed=[changed])


def history_body(search, step=1):
    """The request when the person goes back or forward to the raw query `search` (the `step`-th time): the
    controls' values it says."""
    inputs = [("history-search", "data", {"search": search, "step": step})]
    return request_body(URL_CONTROLS, inputs, changed=["history-search.data"])


def chart_part(response, component_id):
    """A component of the charts tab in a render response (charts-panel's children), as JSON props."""

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == component_id:
                return node["props"]
            return walk(node.get("props", {}).get("children"))
        for child in node if isinstance(node, list) else []:
            found = walk(child)
            if found is not None:
                return found
        return None

    found = walk(response["charts-panel"]["children"])
    assert found is not None, f"{component_id} is not in the charts"
    return found


def draw_charts_body(client, applied, saved_quotes=(), saved_assumptions=(), asked=1):
    """The request that draws the charts (the page's `asked`-th ask, in the charts-wanted store), for the filters in
    force `applied` (a query string), as the browser sends it: its output id as the server declares it."""
    deps = client.get("/_dash-dependencies").get_json()
    output = next(d["output"] for d in deps if d["output"].startswith("charts-panel.children@"))
    return {
        "output": output,
        "outputs": {"id": "charts-panel", "property": output.split(".", 1)[1]},
        "inputs": [{"id": "charts-wanted", "property": "data", "value": asked}],
        "state": [
            {"id": "applied-query", "property": "data", "value": applied},
            {"id": "quotes-store", "property": "data", "value": list(saved_quotes)},
            {"id": "assumptions-store", "property": "data", "value": list(saved_assumptions)},
        ],
        "changedPropIds": ["charts-wanted.data"],
    }


def render(client, search, saved_quotes=(), saved_assumptions=()):
    body = render_body(search, saved_quotes, saved_assumptions)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    return unpacked(response.get_json()["response"])


def export_body(button, search, saved_quotes=(), saved_assumptions=()):
    """An export click as the browser sends it: the URL, the stores and every control's value on screen."""

    shown = dict(zip(CONTROLS, control_values(from_query(search if isinstance(search, str) else "")), strict=True))
    # one callback and one download per button: export-csv -> download-csv
    return request_body(
        [(button.replace("export-", "download-"), "data")],
        [(button, "n_clicks", 1)],
        state=[
            ("url", "search", search),
            ("quotes-store", "data", list(saved_quotes)),
            ("assumptions-store", "data", list(saved_assumptions)),
        ]
        + [(c, "value", shown[c]) for c in CONTROLS],
        changed=[f"{button}.n_clicks"],
    )
