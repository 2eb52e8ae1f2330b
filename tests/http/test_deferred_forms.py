"""The quote and assumption forms' fields: not in the first view, sent once the page asks for them, in the
market's currency; and every id a callback names is on the page or in the fields."""

import json

import pytest

from tests.http.callbacks import request_body
from tests.http.test_first_view import components, layout

FIELDS = [("quote-fields", "children"), ("assumption-fields", "children")]
# what only the fields hold, and what the first view keeps of each card
FIELD_IDS = {
    "quote-treatment",
    "quote-price",
    "quote-currency",
    "quote-reading",
    "assumption-low",
    "assumption-currency",
}
KEPT_IDS = {"quote-add", "quote-upload", "quote-list", "quote-clear", "assumption-add", "assumption-list"}


def fields_request(client, wanted=True, market="US", shown=None):
    body = request_body(
        FIELDS,
        [("forms-wanted", "data", wanted)],
        state=[("market", "value", market), ("quote-fields", "children", shown)],
    )
    return client.post("/_dash-update-component", json=body)


def test_the_first_view_keeps_the_saved_quotes_and_assumptions_but_not_the_forms_fields(client):
    found = layout(client, "?market=UK")
    assert KEPT_IDS <= set(found) and {"quote-fields", "assumption-fields", "forms-wanted"} <= set(found)
    assert not FIELD_IDS & set(found)
    assert found["forms-wanted"]["data"] is False


@pytest.mark.parametrize(("market", "currency"), [("US", "USD"), ("UK", "GBP"), ("nowhere", "USD")])
def test_the_fields_come_when_asked_in_the_markets_currency(client, market, currency):
    response = fields_request(client, market=market)
    assert response.status_code == 200
    sent = components(response.get_json()["response"])
    assert FIELD_IDS <= set(sent)
    assert sent["quote-currency"]["value"] == currency and sent["assumption-currency"]["value"] == currency


@pytest.mark.parametrize(("wanted", "shown"), [(False, None), ("true", None), (True, [{"props": {}}])])
def test_the_fields_are_sent_only_when_asked_and_only_once(client, wanted, shown):
    assert fields_request(client, wanted=wanted, shown=shown).status_code == 204


def _ids_named(dependencies):
    """The string ids every callback names (pattern-matching ids are made by the lists themselves)."""
    named = set()
    for spec in dependencies:
        outputs = spec["output"].strip(".").split("...")
        named |= {o.rsplit(".", 1)[0].split("@")[0] for o in outputs}
        named |= {d["id"] for d in spec["inputs"] + spec["state"]}
    return {i for i in named if not i.startswith("{")}


def test_every_id_a_callback_names_is_on_the_whole_page(client):
    # (the tabs whose content is sent when first shown hold no id a callback names: register_deferred_tabs)
    on_page = set(layout(client))
    on_page |= set(components(fields_request(client).get_json()["response"]))
    named = _ids_named(client.get("/_dash-dependencies").get_json())
    assert named - on_page == set(), json.dumps(sorted(named - on_page))
