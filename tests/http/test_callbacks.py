"""Callbacks over HTTP, through Flask's test client, as the browser calls them."""

import base64
import csv
import io

import openpyxl
import pytest

from dashboard.callbacks import CONTROLS
from tests.http.callbacks import render, render_body, request_body

SYNC_OUTPUTS = [(c, "value") for c in CONTROLS] + [("url", "search")]


def test_page_and_dependencies_load(client):
    page = client.get("/")
    assert page.status_code == 200
    assert b"_dash-config" in page.data
    deps = client.get("/_dash-dependencies").get_json()
    assert len(deps) == 6  # url sync, render, quotes, assumptions, template, export


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


def test_sync_sets_controls_from_url_on_load(client):
    values = [None] * len(CONTROLS)
    body = request_body(SYNC_OUTPUTS, [("url", "search", "?market=UK&budget=900&horizon=3&over_budget=1")]
                        + [(c, "value", v) for c, v in zip(CONTROLS, values, strict=True)], changed=[])
    out = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert out["market"]["value"] == "UK" and out["budget"]["value"] == 900 and out["horizon"]["value"] == 3
    assert out["show-over-budget"]["value"] is True


def test_sync_writes_url_from_controls(client):
    values = {"concern": "stretch-marks", "market": "US", "category": [], "budget": 3000, "horizon": 5,
              "max-downtime": None, "max-risk": 5, "show-over-budget": False, "daily-earnings": None, "compare": [],
              "prices-in": "latest"}
    body = request_body(SYNC_OUTPUTS, [("url", "search", "")] + [(c, "value", values[c]) for c in CONTROLS],
                        changed=["budget.value"])
    out = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert out["url"]["search"] == "?concern=stretch-marks&horizon=5&budget=3000"


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


FORGED_SEARCH = [None, 42, ["?market=UK"], {"market": "UK"}, "?" + "x" * 10000, "?budget=NaN&horizon=1e309",
                 "?compare=" + ",".join(str(i) for i in range(1000)), "?concern=<img src=x onerror=alert(1)>"]


@pytest.mark.parametrize("search", FORGED_SEARCH)
def test_forged_render_inputs_fall_back_to_defaults(client, search):
    body = render_body(search)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    assert response.get_json()["response"]["result-count"]["children"] == "4 options"


@pytest.mark.parametrize("values", [
    ["all", "US", [], "abc", 1, None, 5, False, None, [], "latest"],
    [{"$gt": 1}, ["US"], "surgical", -5, 99, "x", 0, "yes", float("inf"), ["nope"] * 300, {"$ne": 1}],
    [None] * 11,
])
def test_forged_control_values_give_a_valid_url(client, values):
    body = request_body(SYNC_OUTPUTS, [("url", "search", "")] + [(c, "value", v) for c, v in zip(CONTROLS, values, strict=True)],
                        changed=["budget.value"])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    assert "Traceback" not in response.get_data(as_text=True)


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
