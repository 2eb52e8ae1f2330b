"""Malformed requests to every endpoint: nested, huge and ill-typed bodies get a 4xx with a short message,
never a server error (a body of 1,000 nested arrays made the callback URL answer 500)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.web.security import MAX_JSON_DEPTH, MAX_REQUEST_BYTES
from tests.http.callbacks import render_body

# every route the app serves, with a concrete address
ENDPOINTS = (
    "/",
    "/_dash-layout",
    "/_dash-dependencies",
    "/_dash-update-component",
    "/_reload-hash",
    "/_favicon.ico",
    "/health",
    "/comparison.csv",
    "/comparison.json",
    "/comparison.xlsx",
    "/assets/app.css",
    "/anything/else",
)


def nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1000, 100_000])
def test_a_deeply_nested_body_is_refused_at_every_endpoint(client, path, depth):
    with client.post(path, data=nested(depth), content_type="application/json") as response:
        status = response.status_code
    assert status in (400, 413), status
    if status == 400:
        assert response.get_json() == {"error": f"the JSON body is nested too deeply (at most {MAX_JSON_DEPTH} levels)"}


def test_a_callback_nested_inside_a_valid_body_is_refused(client):
    body = render_body("?concern=stretch-marks")
    value = 1
    for _ in range(200):
        value = {"a": value}
    body["inputs"][0]["value"] = value
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert "nested too deeply" in response.get_json()["error"]


def test_the_page_own_callbacks_pass_the_depth_limit(client):
    assert client.post("/_dash-update-component", json=render_body("?concern=stretch-marks")).status_code == 200


def test_a_body_over_the_size_limit_is_refused_before_it_is_read(client):
    response = client.post(
        "/_dash-update-component", data=b"[" * (MAX_REQUEST_BYTES + 1), content_type="application/json"
    )
    assert response.status_code == 413
    assert response.get_json() == {"error": "request body too large"}


JSON_TEXT = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=40,
).map(json.dumps)
BODIES = st.one_of(
    JSON_TEXT,
    st.integers(min_value=1, max_value=5000).map(nested),
    st.integers(min_value=1, max_value=5000).map(lambda d: nested(d, '{"k":', "}").replace("{}", "0")),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.sampled_from(
        ['{"output": 1}', "[", "{", '{"inputs": "x"}', "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ENDPOINTS), body=BODIES, method=st.sampled_from(["POST", "PUT", "GET"]))
def test_no_body_makes_any_endpoint_fail(client, path, body, method):
    data = body.encode("utf-8", "surrogatepass")
    with client.open(path, method=method, data=data, content_type="application/json") as response:
        assert response.status_code < 500, (path, method, body[:80], response.status_code)
