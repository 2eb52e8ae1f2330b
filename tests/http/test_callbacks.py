"""Callbacks over HTTP, through Flask's test client, as the browser calls them."""

import base64
import csv
import io

import openpyxl
import pytest

from dashboard.model.filters import CONTROLS, Filters, control_values, from_query
from dashboard.web.page_state import controls_from_query, shown_values
from tests.http.callbacks import (
    chart_part,
    draw_charts_body,
    history_body,
    render,
    render_body,
    render_controls_body,
    request_body,
    unpacked,
)


def test_page_and_dependencies_load(client):
    page = client.get("/")
    assert page.status_code == 200
    assert b"_dash-config" in page.data
    deps = client.get("/_dash-dependencies").get_json()
    # render, its answer set on the page (in the browser), the controls on going back or forward (read on the
    # server, set in the browser), URL sync both
    # ways and the compare list's limit (in the browser), details, data links (in the
    # browser), the forms' currency from the market (in the browser), quotes, assumptions, template, a file too
    # large to upload, the exports (one each: CSV, Excel), the Sources tab on first show, the questions' print
    # (in the browser) and download; the readings beside the quote price and the assumption's two numbers; the
    # accent-folded search of the four name lists (in the browser); the quotes and assumptions kept in local storage
    # (load and save, in the browser), the quote form's values (in the browser) and reading, "Download my quotes",
    # a quote put side by side, the charts' first drawing, and the forms' fields put in place (in the browser)
    assert len(deps) == 35


def test_render_filters_rows_and_counts_over_budget(client):
    out = render(client, "?market=US&horizon=5&budget=5000&prices_in=published")
    names = [r["name"] for r in out["results-grid"]["rowData"]]
    # sorted by the lower bound of the total; the option without a price comes last
    assert names == ["Microneedling", "Hyaluronic-acid filler", "Botulinum toxin"]
    assert out["result-count"]["children"] == "3 options: 2 may fit, 1 without a price"
    assert out["over-budget-note"]["children"] == "1 more option is over budget"
    assert out["show-over-budget"]["label"] == "Show them (dimmed, below the others)"
    needling, filler, toxin = out["results-grid"]["rowData"]
    assert (filler["total_low"], filler["total_typical"], filler["total_high"]) == (2000, None, 18000)
    assert filler["total_text"] == "$2,000–$18,000\ncourse $500–$1,800 + upkeep $1,500–$16,200"
    assert filler["fit_label"] == "May fit"
    assert filler["budget_fit"] == "may fit" and filler["downtime_text"] == "0–7 days of visible side effects"
    assert needling["total_text"] == "at least $600\ncourse $600–$4,200 + upkeep not published"
    assert needling["fit_text"] == "May fit\ncourse fits; if at most 1 more session at up to $700"
    cards = str(out["result-cards"]["children"])
    assert "$2,000–$18,000" in cards and "May fit" in cards and "0–7 days" in cards
    assert (needling["total_low"], needling["total_high"]) == (600, None)  # at least $600
    assert "how often it must be repeated is not published" in needling["budget_reason"]
    assert toxin["total_low"] is None and toxin["budget_fit"] == "no price"  # unknown, not 0
    assert toxin["missing"].startswith("No published US price: add a clinic's quote")


def test_render_concern_and_side_by_side(client):
    out = render(client, "?concern=stretch-marks&compare=abdominoplasty,microneedling")
    assert [r["id"] for r in out["results-grid"]["rowData"]] == ["microneedling", "abdominoplasty"]
    side = str(out["side-by-side"]["children"])
    assert "Abdominoplasty" in side and "Microneedling" in side and "diff-cell" in side


def test_crossover_sentence_is_rendered(client):
    out = render(client, "?horizon=10&compare=ha-filler,abdominoplasty")
    notes = chart_part(out, "crossover-notes")["children"]
    assert notes[0]["props"]["children"].startswith(
        "After about 4 years, Hyaluronic-acid filler has cost more than Abdominoplasty (comparing upper figures). "
        "The price bases differ:"
    )


def test_url_sync_runs_in_the_browser_only(client):
    body = request_body(
        [("url", "search")],
        [("url-query", "data", {"query": "market=UK", "step": 0})],
        state=[("url", "search", "")],
        changed=["url-query.data"],
    )
    deps = client.get("/_dash-dependencies").get_json()
    body["output"] = next(
        d["output"] for d in deps if (d.get("clientside_function") or {}).get("function_name") == "appliedToUrl"
    )
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert "runs in the browser" in response.get_json()["error"]


def _export(client, button, search, saved_quotes=(), controls=None):
    """Export as the browser asks for it: the controls' values at the click are sent along."""
    shown = controls if controls is not None else dict(zip(CONTROLS, control_values(from_query(search)), strict=True))
    fmt = button.removeprefix("export-")
    body = request_body(
        [(f"download-{fmt}", "data")],
        [(button, "n_clicks", 1)],
        state=[
            ("url", "search", search),
            ("quotes-store", "data", list(saved_quotes)),
            ("assumptions-store", "data", []),
        ]
        + [(c, "value", shown[c]) for c in CONTROLS],
        changed=[f"{button}.n_clicks"],
    )
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    return response.get_json()["response"][f"download-{fmt}"]["data"]


def test_csv_export_callback(client):
    data = _export(client, "export-csv", "?market=US&horizon=5")
    assert data["filename"].startswith("treatment-comparison-") and data["filename"].endswith(".csv")
    assert data["base64"] is True
    rows = list(csv.reader(io.StringIO(base64.b64decode(data["content"]).decode("utf-8-sig"))))
    assert rows[1] == ["Filters", "market US; horizon 5 years"]


def test_xlsx_export_callback(client):
    data = _export(client, "export-xlsx", "?market=UK")
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data["content"])))
    assert book.sheetnames == ["Comparison", "Settings", "Sources", "Quotes"]


def test_export_uses_the_budget_typed_just_before_the_click(client):
    shown = dict(zip(CONTROLS, control_values(from_query("?market=US&horizon=5")), strict=True))
    shown["budget"] = "1234"  # typed; the URL has not caught up yet
    data = _export(client, "export-csv", "?market=US&horizon=5", controls=shown)
    rows = list(csv.reader(io.StringIO(base64.b64decode(data["content"]).decode("utf-8-sig"))))
    assert rows[1][1].endswith("budget 1,234 USD")


@pytest.mark.parametrize(
    "typed, said", [("1234", ""), ("155", ""), ("2.5", "Read as 2.5."), ("3,500", "Read as 3,500.")]
)
def test_any_typed_number_is_applied_with_its_reading_beside_it(client, typed, said):
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True)) | {"budget": typed}
    out = unpacked(client.post("/_dash-update-component", json=render_controls_body(controls)).get_json()["response"])
    assert out["budget-message"]["children"] == said
    assert (
        out["result-count"]["children"]
        == render(client, f"?budget={typed.replace(',', '')}")["result-count"]["children"]
    )


def test_a_refused_number_says_so_beside_the_field(client):
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True)) | {"budget": "-20", "max-downtime": "x"}
    out = unpacked(client.post("/_dash-update-component", json=render_controls_body(controls)).get_json()["response"])
    assert out["budget-message"]["children"] == "“-20” is not a number from 0 to 10,000,000. Applied: no budget."
    assert out["max-downtime-message"]["children"] == "“x” is not a number of days from 0 to 3,650. Applied: no limit."


def test_a_refused_number_keeps_the_value_in_force(client):
    before = "?concern=stretch-marks&budget=3000&horizon=5"
    controls = dict(zip(CONTROLS, control_values(Filters(concern="stretch-marks", horizon=5)), strict=True)) | {
        "budget": "abc"
    }
    out = unpacked(
        client.post("/_dash-update-component", json=render_controls_body(controls, applied=before)).get_json()[
            "response"
        ]
    )
    assert out["budget-message"]["children"] == "“abc” is not a number from 0 to 10,000,000. Applied: 3,000."
    assert out["result-count"]["children"] == render(client, before)["result-count"]["children"]
    assert out["applied-query"]["data"] == "concern=stretch-marks&horizon=5&budget=3000"


@pytest.mark.parametrize("typed, budget", [("1.000,50", "1000.5"), ("2,5", "2.5"), ("3,000.50", "3000.5")])
def test_numbers_written_the_european_or_the_english_way_are_read_right(client, typed, budget):
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True)) | {"budget": typed}
    out = unpacked(client.post("/_dash-update-component", json=render_controls_body(controls)).get_json()["response"])
    assert out["budget-message"]["children"] == f"Read as {float(budget):,.10g}."
    assert out["applied-query"]["data"] == f"budget={budget}"


def test_over_budget_options_come_dimmed_below_when_shown(client):
    rows = render(client, "?market=US&horizon=5&budget=5000&over_budget=1&prices_in=published")["results-grid"][
        "rowData"
    ]
    assert [r["fit_label"] for r in rows] == ["May fit", "May fit", "Over budget", "No price"]
    assert rows[2]["name"] == "Abdominoplasty" and rows[2]["over"] is True


def test_compact_columns_and_time_off_only_with_earnings(client):
    plain = [c["headerName"] for c in render(client, "?horizon=5")["results-grid"]["columnDefs"]]
    assert plain == [
        "Option",
        "Total over 5 years",
        "Budget fit",
        "Downtime",
        "Risk tier (1–5)",
        "What trials found",
    ]
    earning = [c["headerName"] for c in render(client, "?horizon=5&earnings=150")["results-grid"]["columnDefs"]]
    assert earning[-1] == "Incl. time off (lost pay)"


FORGED_CONTROLS = [
    {"budget": "abc", "horizon": 1e309, "max-risk": float("nan")},
    {
        "concern": {"$gt": 1},
        "market": ["US"],
        "category": "<b>surgical</b>",
        "budget": -5,
        "horizon": 99,
        "max-downtime": "x",
        "max-risk": 0,
        "show-over-budget": "yes",
        "daily-earnings": float("inf"),
        "compare": ["nope"] * 300,
    },
    {
        "concern": "<img src=x onerror=alert(1)>",
        "market": "XX",
        "compare": ",".join(str(i) for i in range(1000)),
        "prices-in": {"$ne": 1},
    },
    {c: None for c in CONTROLS},
]


@pytest.mark.parametrize("forged", FORGED_CONTROLS)
def test_forged_control_values_fall_back_to_defaults(client, forged):
    controls = {c: v for c, v in zip(CONTROLS, control_values(Filters()), strict=True)} | forged
    response = client.post("/_dash-update-component", json=render_controls_body(controls))
    assert response.status_code == 200
    assert (
        unpacked(response.get_json()["response"])["result-count"]["children"]
        == render(client, "")["result-count"]["children"]
    )


def test_render_parses_the_controls(client):
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True)) | {
        "market": "US",
        "horizon": 5,
        "budget": "5000",
    }
    out = unpacked(client.post("/_dash-update-component", json=render_controls_body(controls)).get_json()["response"])
    assert out == render(client, "?market=US&horizon=5&budget=5000")


@pytest.mark.parametrize(
    "body, status",
    [
        ("not json", 400),
        ("[1, 2]", 400),
        ('{"output": "nope.children", "outputs": {}, "inputs": []}', 400),
        ('{"output": "download-csv.data", "outputs": {"id": "download-csv", "property": "data"}, "inputs": "x"}', 400),
        ('{"output": "download-csv.data", "outputs": 5, "inputs": []}', 400),
        ('{"output": "download-csv.data", "outputs": {}, "inputs": [], "changedPropIds": [1]}', 400),
        (
            '{"output": "download-csv.data", "outputs": {"id": "download-csv", "property": "data"}, "inputs": [], "state": []}',
            400,
        ),
    ],
)
def test_malformed_callback_requests_get_400(client, body, status):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == status
    assert b"Traceback" not in response.data


def test_oversized_request_gets_413(client):
    response = client.post(
        "/_dash-update-component", data=b"{" + b" " * (3 * 1024 * 1024) + b"}", content_type="application/json"
    )
    assert response.status_code == 413


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert b'"ui": false' in response.data or b'"ui":false' in response.data


ASSUMPTION_OUTPUTS = [("assumptions-store", "data"), ("assumption-messages", "children")]


def _assume(client, form, stored=()):
    fields = ("treatment", "field", "low", "high", "currency")
    body = request_body(
        ASSUMPTION_OUTPUTS,
        [("assumption-add", "n_clicks", 1), ("assumption-clear", "n_clicks", 0)],
        state=[(f"assumption-{f}", "value", form.get(f)) for f in fields]
        + [("assumptions-store", "data", list(stored))],
        changed=["assumption-add.n_clicks"],
    )
    body["inputs"].insert(1, [])  # the pattern-matching remove buttons: none drawn yet
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    return response.get_json()["response"]


def test_assumption_is_added_validated_on_the_server_and_used_by_the_page(client):
    out = _assume(client, {"treatment": "microneedling", "field": "upkeep_months", "low": "6", "high": "12"})
    saved = out["assumptions-store"]["data"]
    assert saved == [
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": 6.0, "high": 12.0, "currency": None}
    ]
    refused = _assume(client, {"treatment": "microneedling", "field": "sessions", "low": "2.5"}, saved)
    assert refused["assumptions-store"]["data"] == saved  # nothing changed
    assert "whole sessions" in str(refused["assumption-messages"]["children"])
    page = render(client, "?market=US&horizon=3", saved_assumptions=saved)
    row = next(r for r in page["results-grid"]["rowData"] if r["id"] == "microneedling")
    assert row["assumed"] == "your assumption: repeated every 6–12 months"
    assert "your assumption" in str(page["assumption-list"]["children"])
    forged = render(
        client,
        "?market=US&horizon=3",
        saved_assumptions=[{"treatment_id": "microneedling", "field": "price", "low": -5}],
    )
    assert all(not r.get("assumed") for r in forged["results-grid"]["rowData"])


def test_export_without_control_values_uses_the_url(client):
    data = _export(client, "export-csv", "?market=UK&horizon=3", controls={c: None for c in CONTROLS})
    rows = list(csv.reader(io.StringIO(base64.b64decode(data["content"]).decode("utf-8-sig"))))
    assert rows[1] == ["Filters", "market UK; horizon 3 years"]


@pytest.mark.parametrize(
    "search",
    ["?budget=3,000&concern=stretch-marks", "?horizon=3&market=UK&budget=900", "?budget=3000&budget=500", ""],
)
def test_going_back_sets_the_controls_as_the_first_view_and_their_results_keep_the_url(client, search):
    response = client.post("/_dash-update-component", json=history_body(search))
    assert response.status_code == 200, response.data
    read = response.get_json()["response"]["url-controls"]["data"]
    filters = from_query(search)
    # the server reads the URL as it does for the first view: the controls say what the URL says
    assert read == {"step": 1, "values": shown_values(filters)}
    # their change asks for the results as any change does: those of the URL, no message, and the URL kept as
    # written (no new history entry), tagged with the step gone back to
    controls = dict(zip(CONTROLS, read["values"], strict=True))
    body = render_controls_body(controls, applied="budget=2000&horizon=7")
    body["state"][0]["value"] = {"search": search, "step": 1}
    body["state"][2]["value"] = search
    shown = unpacked(client.post("/_dash-update-component", json=body).get_json()["response"])
    assert shown["result-count"]["children"] == render(client, search)["result-count"]["children"]
    assert shown["budget-message"]["children"] == ""
    assert shown["url-query"]["data"] == {"query": search.lstrip("?"), "step": 1}


def test_going_back_to_a_long_shared_link_sets_its_filters_as_the_first_view_does(client):
    # a newsletter's tracking parameters make the link pass 4,000 characters: the page's own filters still apply
    search = "?concern=stretch-marks&budget=3000&horizon=5&utm_content=" + "x" * 5000
    read = client.post("/_dash-update-component", json=history_body(search)).get_json()["response"]["url-controls"]
    values = dict(zip(CONTROLS, read["data"]["values"], strict=True))
    assert values["concern"] == "stretch-marks" and values["budget"] == "3000" and values["horizon"] == 5
    assert read["data"]["values"] == shown_values(from_query(search))


def test_a_change_leaves_the_controls_as_the_person_set_them(client):
    out = render(client, "?budget=1,500")
    assert all("value" not in out.get(c, {}) for c in CONTROLS)
    assert out["applied-query"]["data"] == "budget=1500"
    # the URL to write, tagged with the Back/Forward step the request was sent at (none yet): assets/dashboard.js
    # writes no URL for an answer to a change sent before the person went back or forward
    assert out["url-query"]["data"] == {"query": "budget=1500", "step": 0}


def test_typed_number_fields_are_set_as_the_text_a_field_holds():
    shown = dict(zip(CONTROLS, shown_values(Filters(budget=3000.0, max_downtime=2.5)), strict=True))
    assert shown["budget"] == "3000" and shown["max-downtime"] == "2.5" and shown["daily-earnings"] is None


@pytest.mark.parametrize("forged", [None, 7, "text", ["?market=UK"], {"search": 5}, {"search": "?" + "a" * 5000}])
def test_a_forged_history_step_gives_the_default_controls(client, forged):
    body = history_body("")
    body["inputs"][0]["value"] = forged
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    read = response.get_json()["response"]["url-controls"]["data"]
    assert read == {"step": None, "values": shown_values(Filters())}


@pytest.mark.parametrize("forged", [None, "1", True, 2.5, [1], {"step": 3}])
def test_a_forged_step_with_a_change_is_read_as_none(client, forged):
    body = render_controls_body(controls_from_query("?budget=900"))
    body["state"][0]["value"] = {"search": "", "step": forged}
    out = unpacked(client.post("/_dash-update-component", json=body).get_json()["response"])
    assert out["url-query"]["data"] == {"query": "budget=900", "step": 0}


def test_a_change_to_the_filters_the_url_already_says_keeps_the_url_as_written(client):
    """A change whose filters are those of the URL (as after going back, the controls set from it) writes the URL's
    own text back, so the browser adds no history entry; other filters are written as the server applied them."""
    body = render_controls_body(controls_from_query("?budget=1,500&market=US"), applied="budget=1500")
    body["state"][2]["value"] = "?budget=1,500&market=US"
    out = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert out["url-query"]["data"] == {"query": "budget=1,500&market=US", "step": 0}
    body = render_controls_body(controls_from_query("?budget=900"), applied="budget=1500")
    body["state"][2]["value"] = "?budget=1,500&market=US"
    out = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert out["url-query"]["data"] == {"query": "budget=900", "step": 0}


def test_before_the_charts_are_drawn_a_change_sends_no_chart(client):
    query = "?concern=stretch-marks&budget=3000&horizon=5"
    without = client.post("/_dash-update-component", json=render_body(query, charts_shown=False))
    with_charts = client.post("/_dash-update-component", json=render_body(query))
    waiting = unpacked(without.get_json()["response"])["charts-panel"]["children"]
    rows = len(unpacked(without.get_json()["response"])["results-grid"]["rowData"])
    assert waiting["props"]["children"] == "Drawing the charts…"
    assert waiting["props"]["style"] == {"--chart-rows": str(rows)}  # its place kept, about as tall as the charts
    assert (
        unpacked(without.get_json()["response"])["results-grid"]
        == unpacked(with_charts.get_json()["response"])["results-grid"]
    )
    assert len(without.data) < len(with_charts.data) * 0.8


def test_when_the_charts_near_the_screen_they_are_drawn_for_the_filters_in_force(client):
    query = "?concern=stretch-marks&budget=3000&horizon=5"
    body = draw_charts_body(client, query.lstrip("?"))
    out = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert set(out) == {"charts-panel"}
    assert out["charts-panel"]["children"] == render(client, query)["charts-panel"]["children"]
    assert chart_part(out, "cost-range-chart")["figure"]["data"]
    other = client.post("/_dash-update-component", json=draw_charts_body(client, "concern=stretch-marks&horizon=10"))
    assert other.get_json()["response"]["charts-panel"] != out["charts-panel"]


def test_an_ask_for_the_charts_that_is_not_a_count_draws_nothing(client):
    for asked in ("yes", True, 0, -1, 1.5, None, [1]):
        body = draw_charts_body(client, "concern=stretch-marks", asked=asked)
        assert client.post("/_dash-update-component", json=body).status_code == 204, asked
    body = draw_charts_body(client, "concern=stretch-marks", asked=2)
    assert client.post("/_dash-update-component", json=body).status_code == 200


def test_each_chart_arrives_in_a_box_as_tall_as_its_figure(client):
    # the chart library arrives a moment after the charts: until it draws, each box keeps the chart's height,
    # so what is below the charts does not move (or, at the foot of the page, leave the screen)
    out = client.post("/_dash-update-component", json=draw_charts_body(client, "concern=stretch-marks&budget=3000"))
    boxes = out.get_json()["response"]["charts-panel"]["children"]["props"]["children"]
    graphs = [
        b for b in boxes if isinstance(b["props"].get("children"), dict) and b["props"]["children"]["type"] == "Graph"
    ]
    assert len(graphs) == 4
    for box in graphs:
        figure = box["props"]["children"]["props"]["figure"]
        assert box["props"]["style"] == {"minHeight": f"{figure['layout']['height']}px"}
