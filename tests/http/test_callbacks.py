"""Callbacks over HTTP, through Flask's test client, as the browser calls them."""

import base64
import csv
import io

import openpyxl
import pytest

from dashboard.filters import CONTROLS, Filters, control_values
from tests.http.callbacks import render, render_controls_body, request_body

SYNC_OUTPUTS = [(c, "value") for c in CONTROLS] + [("url", "search")]


def test_page_and_dependencies_load(client):
    page = client.get("/")
    assert page.status_code == 200
    assert b"_dash-config" in page.data
    deps = client.get("/_dash-dependencies").get_json()
    # render, URL sync (in the browser), quotes, assumptions, template, export, the Sources tab on first show
    assert len(deps) == 7


def test_render_filters_rows_and_counts_over_budget(client):
    out = render(client, "?market=US&horizon=5&budget=5000&prices_in=published")
    names = [r["name"] for r in out["results-grid"]["rowData"]]
    # sorted by the lower bound of the total; the option without a price comes last
    assert names == ["Microneedling", "Hyaluronic-acid filler", "Botulinum toxin"]
    assert out["result-count"]["children"] == "3 options: 2 may fit, 1 without a price"
    assert out["over-budget-note"]["children"] == "1 more option is over budget"
    needling, filler, toxin = out["results-grid"]["rowData"]
    assert (filler["total_low"], filler["total_typical"], filler["total_high"]) == (2000, None, 18000)
    assert filler["budget_fit"] == "may fit" and filler["currency_symbol"] == "$"
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
    notes = out["crossover-notes"]["children"]
    assert notes[0]["props"]["children"] == "After about 4 years, Hyaluronic-acid filler has cost more than Abdominoplasty."


def test_url_sync_runs_in_the_browser_only(client):
    values = [None] * len(CONTROLS)
    body = request_body(SYNC_OUTPUTS, [("url", "search", "?market=UK")] + [(c, "value", v) for c, v in zip(CONTROLS, values, strict=True)],
                        state=[("url-fields", "data", [])], changed=["url.search"])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert "runs in the browser" in response.get_json()["error"]


def _export(client, button, search, saved_quotes=()):
    body = request_body([("download", "data")], [("export-csv", "n_clicks", 1), ("export-xlsx", "n_clicks", 1)],
                        state=[("url", "search", search), ("quotes-store", "data", list(saved_quotes)),
                               ("assumptions-store", "data", [])],
                        changed=[f"{button}.n_clicks"])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    return response.get_json()["response"]["download"]["data"]


def test_csv_export_callback(client):
    data = _export(client, "export-csv", "?market=US&horizon=5")
    assert data["filename"].startswith("treatment-comparison-") and data["filename"].endswith(".csv")
    assert data["base64"] is True
    rows = list(csv.reader(io.StringIO(base64.b64decode(data["content"]).decode("utf-8-sig"))))
    assert rows[1] == ["Filters", "market US; horizon 5 years"]


def test_xlsx_export_callback(client):
    data = _export(client, "export-xlsx", "?market=UK")
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data["content"])))
    assert book.sheetnames == ["Comparison", "Sources"]


FORGED_CONTROLS = [
    {"budget": "abc", "horizon": 1e309, "max-risk": float("nan")},
    {"concern": {"$gt": 1}, "market": ["US"], "category": "<b>surgical</b>", "budget": -5, "horizon": 99, "max-downtime": "x",
     "max-risk": 0, "show-over-budget": "yes", "daily-earnings": float("inf"), "compare": ["nope"] * 300},
    {"concern": "<img src=x onerror=alert(1)>", "market": "XX", "compare": ",".join(str(i) for i in range(1000)),
     "prices-in": {"$ne": 1}},
    {c: None for c in CONTROLS},
]


@pytest.mark.parametrize("forged", FORGED_CONTROLS)
def test_forged_control_values_fall_back_to_defaults(client, forged):
    controls = {c: v for c, v in zip(CONTROLS, control_values(Filters()), strict=True)} | forged
    response = client.post("/_dash-update-component", json=render_controls_body(controls))
    assert response.status_code == 200
    assert response.get_json()["response"]["result-count"]["children"] == render(client, "")["result-count"]["children"]


def test_render_parses_the_controls(client):
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True)) | {"market": "US", "horizon": 5, "budget": "5000"}
    out = client.post("/_dash-update-component", json=render_controls_body(controls)).get_json()["response"]
    assert out == render(client, "?market=US&horizon=5&budget=5000")


@pytest.mark.parametrize("body, status", [
    ("not json", 400),
    ("[1, 2]", 400),
    ('{"output": "nope.children", "outputs": {}, "inputs": []}', 400),
    ('{"output": "download.data", "outputs": {"id": "download", "property": "data"}, "inputs": "x"}', 400),
    ('{"output": "download.data", "outputs": 5, "inputs": []}', 400),
    ('{"output": "download.data", "outputs": {}, "inputs": [], "changedPropIds": [1]}', 400),
    ('{"output": "download.data", "outputs": {"id": "download", "property": "data"}, "inputs": [], "state": []}', 400),
])
def test_malformed_callback_requests_get_400(client, body, status):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == status
    assert b"Traceback" not in response.data


def test_oversized_request_gets_413(client):
    response = client.post("/_dash-update-component", data=b"{" + b" " * (3 * 1024 * 1024) + b"}",
                           content_type="application/json")
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
    body = request_body(ASSUMPTION_OUTPUTS, [("assumption-add", "n_clicks", 1), ("assumption-clear", "n_clicks", 0)],
                        state=[(f"assumption-{f}", "value", form.get(f)) for f in fields]
                        + [("assumptions-store", "data", list(stored))], changed=["assumption-add.n_clicks"])
    body["inputs"].insert(1, [])  # the pattern-matching remove buttons: none drawn yet
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    return response.get_json()["response"]


def test_assumption_is_added_validated_on_the_server_and_used_by_the_page(client):
    out = _assume(client, {"treatment": "microneedling", "field": "upkeep_months", "low": "6", "high": "12"})
    saved = out["assumptions-store"]["data"]
    assert saved == [{"treatment_id": "microneedling", "field": "upkeep_months", "low": 6.0, "high": 12.0,
                      "currency": None}]
    refused = _assume(client, {"treatment": "microneedling", "field": "sessions", "low": "2.5"}, saved)
    assert refused["assumptions-store"]["data"] == saved  # nothing changed
    assert "whole sessions" in str(refused["assumption-messages"]["children"])
    page = render(client, "?market=US&horizon=3", saved_assumptions=saved)
    row = next(r for r in page["results-grid"]["rowData"] if r["id"] == "microneedling")
    assert row["assumed"] == "your assumption: repeated every 6–12 months"
    assert "your assumption" in str(page["assumption-list"]["children"])
    forged = render(client, "?market=US&horizon=3", saved_assumptions=[{"treatment_id": "microneedling",
                                                                        "field": "price", "low": -5}])
    assert all(not r.get("assumed") for r in forged["results-grid"]["rowData"])
