"""The quote and assumption forms' fields: sent with the first view as data (the form-fields store), not
mounted, in the market's currency; and every id a callback names is on the page or in the fields."""

import pytest

from tests.http.test_first_view import components

# what only the fields hold, and what the first view mounts of each card
FIELD_IDS = {
    "quote-treatment",
    "quote-price",
    "quote-currency",
    "quote-reading",
    "assumption-low",
    "assumption-currency",
}
KEPT_IDS = {"quote-add", "quote-upload", "quote-list", "quote-clear", "assumption-add", "assumption-list"}


def first_view(client, search):
    response = client.get("/_dash-layout?search=" + search.replace("?", "%3F").replace("&", "%26"))
    assert response.status_code == 200
    return response.get_json()


def stored_fields(layout):
    """The form-fields store's data, and the layout without it."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == "form-fields":
                found["data"] = node["props"]["data"]
                return {**node, "props": {**node["props"], "data": None}}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    rest = walk(layout)
    return found["data"], rest


@pytest.mark.parametrize(("market", "currency"), [("US", "USD"), ("UK", "GBP"), ("nowhere", "USD")])
def test_the_first_view_sends_the_forms_fields_as_data_in_the_markets_currency(client, market, currency):
    data, rest = stored_fields(first_view(client, f"?market={market}"))
    mounted = components(rest)
    assert KEPT_IDS <= set(mounted) and {"quote-fields", "assumption-fields", "forms-wanted"} <= set(mounted)
    assert not FIELD_IDS & set(mounted)
    assert mounted["forms-wanted"]["data"] is False
    fields = components(data)
    assert FIELD_IDS <= set(fields)
    assert fields["quote-currency"]["value"] == currency and fields["assumption-currency"]["value"] == currency


def _ids_named(dependencies):
    """The string ids every callback names (pattern-matching ids are made by the lists themselves)."""
    named = set()
    for spec in dependencies:
        outputs = spec["output"].strip(".").split("...")
        named |= {o.rsplit(".", 1)[0].split("@")[0] for o in outputs if "." in o}  # no outputs: a hash alone
        named |= {d["id"] for d in spec["inputs"] + spec["state"]}
    return {i for i in named if not i.startswith("{")}


def test_every_id_a_callback_names_is_on_the_page_or_in_the_fields(client):
    # (the tabs whose content is sent when first shown hold no id a callback names: register_deferred_tabs)
    on_page = set(components(first_view(client, "?market=US")))
    named = _ids_named(client.get("/_dash-dependencies").get_json())
    assert named - on_page == set(), sorted(named - on_page)
