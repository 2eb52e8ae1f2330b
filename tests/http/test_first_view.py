"""The first view: the layout request carries the page's query and comes back with its results in it."""

import re
from urllib.parse import quote

import pytest

from dashboard.model.filters import CONTROLS, URL_PARAMETERS
from dashboard.web.first_view import preload_chunks, without_legacy_polyfill
from dashboard.web.page_state import RENDER_OUTPUTS, url_fields
from tests.http.callbacks import render


def components(node, found=None):
    """Every component in a layout JSON, by id."""
    found = {} if found is None else found
    if isinstance(node, dict):
        if "props" in node and isinstance(node["props"].get("id"), str):
            found[node["props"]["id"]] = node["props"]
        for value in node.values():
            components(value, found)
    elif isinstance(node, list):
        for value in node:
            components(value, found)
    return found


def layout(client, search=None):
    url = "/_dash-layout" if search is None else "/_dash-layout?search=" + quote(search, safe="")
    response = client.get(url)
    assert response.status_code == 200
    return components(response.get_json())


@pytest.mark.parametrize(
    "search",
    [
        "?market=US&horizon=5&budget=5000",
        "?market=UK&horizon=3&over_budget=1",
        "",
        "?concern=stretch-marks&compare=abdominoplasty,microneedling",
    ],
)
def test_first_view_holds_what_the_render_callback_returns(client, search):
    page = layout(client, search)
    expected = render(client, search)
    for component_id, prop in RENDER_OUTPUTS.values():
        if component_id != "charts-panel":  # drawn once the charts near the screen (below)
            assert page[component_id][prop] == expected[component_id][prop], (component_id, prop)
    assert page["url"]["search"] == search


def test_first_view_sets_the_controls_from_the_query(client):
    page = layout(client, "?market=UK&budget=900&horizon=3&over_budget=1&compare=ha-filler,abdominoplasty")
    assert page["market"]["value"] == "UK" and page["budget"]["value"] == "900" and page["horizon"]["value"] == 3
    assert page["show-over-budget"]["value"] is True and page["compare"]["value"] == ["ha-filler", "abdominoplasty"]
    assert page["concern"]["value"] == "all"
    assert set(CONTROLS) <= set(page)


def test_the_budget_label_names_the_markets_currency(client):
    assert layout(client, "?market=UK&budget=900")["budget-currency"]["children"] == "(GBP)"
    assert layout(client, "?market=US-CA")["budget-currency"]["children"] == "(USD)"
    assert layout(client)["budget-currency"]["children"] == "(USD)"


def test_first_view_shows_numbers_not_an_empty_grid(client):
    page = layout(client, "?market=US&horizon=5&budget=5000")
    assert page["result-count"]["children"].startswith("3 options")
    names = {r["name"] for r in page["results-grid"]["rowData"]}
    assert names == {"Hyaluronic-acid filler", "Botulinum toxin", "Microneedling"}
    assert any(r["total_high"] for r in page["results-grid"]["rowData"])


def test_the_first_view_leaves_the_charts_until_their_part_of_the_page_nears_the_screen(client):
    page = layout(client, "?market=US&horizon=5&budget=5000")
    assert page["charts-shown"]["data"] is False
    assert "cost-range-chart" not in page and "cumulative-chart" not in page  # no chart, so no chart library yet
    waiting = page["charts-panel"]["children"]["props"]
    assert waiting["children"] == "Drawing the charts…"
    assert waiting["style"] == {"--chart-rows": str(len(page["results-grid"]["rowData"]))}  # its place kept


@pytest.mark.parametrize(
    "search",
    [
        "?concern=nope&market=XX&budget=-1&horizon=99&max_risk=abc",
        "?" + "x" * 10000,
        "?concern=<img src=x onerror=alert(1)>",
        "not a query",
    ],
)
def test_bad_query_gives_the_default_view(client, search):
    page = layout(client, search)
    assert page["result-count"]["children"] == render(client, "")["result-count"]["children"]
    assert page["market"]["value"] == "US" and page["budget"]["value"] is None


def test_without_the_query_the_browser_fills_in_the_url(client):
    # no query sent (an old script, say): defaults, and the URL left for the browser to set, which asks the
    # server for the real results as a change
    page = layout(client)
    assert page["url"].get("search") is None
    assert page["result-count"]["children"] == render(client, "")["result-count"]["children"]


def test_render_callback_does_not_run_on_load_but_the_index_stays_small(client):
    deps = client.get("/_dash-dependencies").get_json()
    render_dep = next(d for d in deps if "render-answer.data" in d["output"])
    assert render_dep["prevent_initial_call"] is True
    assert [i["id"] for i in render_dep["inputs"]] == [*CONTROLS, "quotes-store", "assumptions-store"]
    # the answer is set on the page in the browser, not on load
    shown = next(d for d in deps if "result-count.children" in d["output"])
    assert [i["id"] for i in shown["inputs"]] == ["render-answer"] and shown["prevent_initial_call"] is True
    index = client.get("/?market=UK").get_data(as_text=True)
    assert "validation_layout" not in index and len(index) < 20_000


def test_the_browser_sync_knows_every_url_parameter_and_its_default():

    fields = url_fields()
    assert [f["control"] for f in fields] == list(CONTROLS)
    assert sorted(f["param"] for f in fields) == sorted(URL_PARAMETERS)
    by_param = {f["param"]: f for f in fields}
    assert by_param["compare"]["kind"] == "list" and by_param["compare"]["limit"] == 4
    assert by_param["budget"]["kind"] == "number" and by_param["budget"]["default"] is None
    assert by_param["over_budget"]["kind"] == "flag" and by_param["market"]["default"] == "US"
    assert [f["param"] for f in sorted(fields, key=lambda f: f["order"])] == list(URL_PARAMETERS)


def test_the_page_asks_early_for_the_chunks_its_first_view_needs_and_each_is_served(client):
    # the grid's, the dropdowns', the sliders' and Markdown's code, fetched beside the page's scripts instead of
    # after the layout; a library upgrade that renames one fails here, not with a preload of a missing file
    page = client.get("/").get_data(as_text=True)
    head = page.split("</head>")[0]
    links = re.findall(r'<link rel="preload" as="script" href="([^"]+)">', head)
    assert [link.rsplit("/", 1)[1] for link in links] == [
        "async-community.js",
        "async-dropdown.js",
        "async-slider.js",
        "async-markdown.js",
    ]
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        assert response.mimetype.endswith("javascript")
        response.close()


def test_preload_links_follow_the_apps_path_prefix():
    template = "<head>{%css%}</head>"
    assert preload_chunks(template, "/app/", ("dash/dcc/async-slider.js",)) == (
        '<head>{%css%}<link rel="preload" as="script" href="/app/_dash-component-suites/dash/dcc/async-slider.js">'
        "</head>"
    )
    with pytest.raises(ValueError):
        preload_chunks("<head></head>", "/")


def test_the_page_loads_the_generator_runtime_before_react_and_not_the_legacy_polyfill(client):
    # the libraries' loaders need the global regeneratorRuntime; core-js 2's feature tests cost each first view
    page = client.get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert not [s for s in scripts if "polyfill" in s]
    assert scripts[0] == "/assets/regenerator-runtime-0.13.11.js"
    assert "react@18" in scripts[1]
    runtime = client.get(scripts[0])
    assert runtime.status_code == 200
    assert runtime.mimetype.endswith("javascript")
    assert b"regeneratorRuntime = runtime" in runtime.data
    runtime.close()


def test_replacing_the_polyfill_keeps_the_other_scripts_in_order_and_refuses_a_page_without_it():
    scripts = (
        '<script src="/app/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.12.1.min.js"></script>\n'
        '<script src="/app/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js"></script>'
    )
    assert without_legacy_polyfill(scripts, "/app/assets/runtime.js") == (
        '<script src="/app/assets/runtime.js"></script>\n'
        '<script src="/app/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js"></script>'
    )
    with pytest.raises(ValueError):
        without_legacy_polyfill('<script src="/react.js"></script>', "/assets/runtime.js")
