"""The banner's statement about price bases follows the options shown, in the first view and after a change."""

import pytest

from tests.http.callbacks import render
from tests.http.test_first_view import layout

NOTE = ("price-basis-note", "children")


def test_banner_names_the_surgeons_fee_shown(client):
    # the small dataset: the abdominoplasty's price is a surgeon's fee, the filler's and microneedling's are not stated
    note = render(client, "?market=US&horizon=5")[NOTE[0]][NOTE[1]]
    assert "surgeon's fee only (no anaesthesia or facility): Abdominoplasty." in note
    assert "2 have prices whose sources do not say what they include" in note


@pytest.mark.parametrize("search", ["?market=US&category=injectable", "?market=US&category=microneedling"])
def test_banner_says_nothing_of_surgeons_fees_when_none_is_shown(client, search):
    note = render(client, search)[NOTE[0]][NOTE[1]]
    assert note and "surgeon" not in note.lower()


def test_first_view_banner_is_the_same_statement(client):
    page = layout(client, "?market=US&category=surgical")
    assert page[NOTE[0]][NOTE[1]] == (
        "The one option shown is priced from a surgeon's fee only (no anaesthesia or facility): Abdominoplasty."
    )
    assert "surgeon" not in layout(client, "?market=US&category=injectable")[NOTE[0]][NOTE[1]].lower()
