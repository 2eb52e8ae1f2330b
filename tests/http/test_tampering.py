"""Callback tampering: hypothesis-generated values for every input of every callback, over HTTP."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HOSTILE_TEXT = st.sampled_from(
    [
        "",
        "?",
        "?market=UK",
        "<script>alert(1)</script>",
        "__proto__",
        "constructor",
        "x" * 20000,
        "?compare=" + ",".join(["ha-filler"] * 2000),
        "\u202egnp.exe",
        "NaN",
        "Infinity",
        "-1e309",
        "ha-filler",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=50),
    HOSTILE_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=8), st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
) | st.lists(st.sampled_from(["ha-filler", "abdominoplasty", "nope"]), min_size=0, max_size=3000)


def callbacks(client):
    return client.get("/_dash-dependencies").get_json()


def body_for(callback, values, state_values, changed_index):
    outputs = callback["output"]
    parts = outputs.strip(".").split("...") if outputs.startswith("..") else [outputs]
    # a callback with no outputs is named by a hash alone (no "id.property")
    spec = [dict(zip(("id", "property"), p.rsplit(".", 1), strict=True)) for p in parts if "." in p]
    inputs = [{**i, "value": v} for i, v in zip(callback["inputs"], values, strict=True)]
    return {
        "output": outputs,
        "outputs": spec if outputs.startswith("..") or not spec else spec[0],
        "inputs": inputs,
        "state": [{**s, "value": v} for s, v in zip(callback["state"], state_values, strict=True)],
        "changedPropIds": [f"{inputs[changed_index]['id']}.{inputs[changed_index]['property']}"] if inputs else [],
    }


def test_every_callback_is_covered(client):
    assert len(callbacks(client)) >= 3


@settings(
    max_examples=150,
    deadline=10000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(data=st.data())
def test_tampered_callbacks_never_fail_with_5xx(client, caplog, data):
    deps = callbacks(client)
    callback = data.draw(st.sampled_from(deps))
    values = [data.draw(VALUES) for _ in callback["inputs"]]
    state = [data.draw(VALUES) for _ in callback["state"]]
    changed = data.draw(st.integers(0, max(0, len(values) - 1)))
    body = json.dumps(body_for(callback, values, state, changed))
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    text = response.get_data(as_text=True)
    assert response.status_code < 500, text[:500]
    assert "Traceback" not in text and "site-packages" not in text
    # a callback that raised is logged by the app's error handler: that counts as a failure too
    assert not [r for r in caplog.records if r.name == "dashboard.app"], caplog.text[:2000]
