"""The server reads every typed number by one rule and says so; a quote dated the person's own today is
added whatever her zone and the server's."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from dashboard.model.filters import CONTROLS, Filters, control_values
from tests.http.callbacks import render_controls_body, request_body, unpacked
from tests.http.test_callbacks import _assume
from tests.http.test_quote_callbacks import messages, quote_request

ASKED = "did you mean 3,000 or 3? Write 3000 or 3."


def typed_filter(client, control, text):
    controls = dict(zip(CONTROLS, control_values(Filters()), strict=True)) | {control: text}
    body = render_controls_body(controls, changed=f"{control}.value")
    return unpacked(client.post("/_dash-update-component", json=body).get_json()["response"])


def reading_line(client, control, text, field="upkeep_months", currency=None):
    """The reading under a form's number; an assumption's is for `field` (the form's first choice by default), a
    quote's price for the form's `currency`."""
    inputs = [(control, "value", text)] + (
        [("assumption-field", "value", field)] if "assumption" in control else [("quote-currency", "value", currency)]
    )
    body = request_body([(f"{control}-reading", "children"), (f"{control}-reading", "className")], inputs)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    return response.get_json()["response"][f"{control}-reading"]


def reading(client, control, text):
    return reading_line(client, control, text)["children"]


@pytest.mark.parametrize("control", ["budget", "max-downtime", "daily-earnings"])
def test_every_filter_refuses_an_ambiguous_number_with_both_readings(client, control):
    out = typed_filter(client, control, "3.000")
    assert out[f"{control}-message"]["children"].startswith(f"“3.000”: {ASKED} Applied: ")
    assert out["applied-query"]["data"] == ""  # nothing applied from it


@pytest.mark.parametrize("control", ["budget", "max-downtime", "daily-earnings"])
def test_every_filter_reads_minus_zero_as_zero_and_says_so(client, control):
    out = typed_filter(client, control, "-0")
    assert out[f"{control}-message"]["children"] == "Read as 0."
    assert out["applied-query"]["data"].endswith("=0") and "-0" not in out["applied-query"]["data"]


def test_the_quote_form_refuses_an_ambiguous_price_as_the_filters_do(client):
    form = {"treatment": "ha-filler", "clinic": "A", "price": "3.000", "currency": "GBP", "covers": "session"}
    out = quote_request(client, "quote-add.n_clicks", form=form)
    assert out["quotes-store"]["data"] == []
    assert any(ASKED in m for m in messages(out))


def test_the_assumption_form_refuses_an_ambiguous_number_as_the_filters_do(client):
    out = _assume(client, {"treatment": "microneedling", "field": "upkeep_months", "low": "3.000"})
    assert out["assumptions-store"]["data"] == []
    assert ASKED in str(out["assumption-messages"]["children"])


@pytest.mark.parametrize(
    "control, text, said",
    [
        ("quote-price", "3.000", "Did you mean 3,000 or 3? Write 3000 or 3."),
        ("quote-price", "£2,250", "Read as £2,250."),
        ("quote-price", "1.234,50", "Read as 1,234.5."),
        ("assumption-low", "3.000", "Did you mean 3,000 or 3? Write 3000 or 3."),
        ("assumption-low", "2,5", "Read as 2.5."),
        ("assumption-high", "12", ""),
        # what Add assumption would refuse is said as it is typed, for the field chosen
        ("assumption-high", "-0", "Maintenance repeated every (months): enter a number from 1 to 600."),
        ("assumption-low", "-3", "Maintenance repeated every (months): enter a number from 1 to 600."),
        ("assumption-low", "every 6 months", "Maintenance repeated every (months): enter a number."),
        (
            "assumption-low",
            "6-12",
            "Maintenance repeated every (months): one number in each box: 6 in “From”, 12 in “To”.",
        ),
    ],
)
def test_each_form_number_has_its_reading_beside_it(client, control, text, said):
    assert reading(client, control, text) == said


@pytest.mark.parametrize(
    "field, said",
    [("upkeep_months", "Read as 2.5."), ("sessions", "Sessions in the initial course: enter whole sessions.")],
)
def test_an_assumptions_number_is_read_for_the_field_chosen(client, field, said):
    line = reading_line(client, "assumption-low", "2,5", field)
    assert line["children"] == said
    assert ("refused" in line["className"].split()) is (field == "sessions")


@pytest.fixture
def server_behind_utc(monkeypatch):
    """The server's own clock in UTC-12, the last zone to start a day: every other zone's today is later."""
    monkeypatch.setenv("TZ", "Etc/GMT+12")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_quote_dated_the_earliest_zones_today_is_added(client, server_behind_utc):
    kiritimati_today = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date()
    assert kiritimati_today > dt.date.today()  # the server's own today is behind hers
    form = {
        "treatment": "ha-filler",
        "clinic": "Island Clinic",
        "price": "400",
        "currency": "USD",
        "covers": "session",
        "date": kiritimati_today.isoformat(),
    }
    out = quote_request(client, "quote-add.n_clicks", form=form)
    assert messages(out)[0] == "Quote added."
    assert out["quotes-store"]["data"][0]["date"] == kiritimati_today.isoformat()
    # and it stays: the next action re-checks the stored quote with the same rule
    again = quote_request(client, "quote-clear.n_clicks", stored=out["quotes-store"]["data"])
    assert messages(again) == ["All quotes cleared."]


def test_a_quote_dated_after_every_zones_today_is_still_in_the_future(client):
    after = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date() + dt.timedelta(days=1)
    form = {"treatment": "ha-filler", "price": "400", "currency": "USD", "date": after.isoformat()}
    out = quote_request(client, "quote-add.n_clicks", form=form)
    assert out["quotes-store"]["data"] == [] and any("in the future" in m for m in messages(out))


def test_a_budget_typed_with_the_markets_currency_mark_is_applied_as_its_number(client):
    out = typed_filter(client, "budget", "$2,000")
    assert out["budget-message"]["children"] == "Read as 2,000."
    assert out["applied-query"]["data"] == "budget=2000"


@pytest.mark.parametrize("typed", ["£2,000", "C$2,000", "¥2,000", "2,000 CAD"])
def test_a_budget_typed_in_another_currency_is_refused_and_says_which_currency_applies(client, typed):
    out = typed_filter(client, "budget", typed)
    assert out["budget-message"]["children"] == (
        f"“{typed}”: this market's amounts are in USD ($) and are never converted; type the budget in USD. "
        "Applied: no budget."
    )
    assert out["applied-query"]["data"] == ""


def test_a_quote_priced_in_another_countrys_dollar_is_refused_not_read_as_dollars(client):
    form = {"treatment": "ha-filler", "price": "C$400", "currency": "USD"}
    out = quote_request(client, "quote-add.n_clicks", form=form)
    assert out["quotes-store"]["data"] == []
    assert any("Only USD and GBP quotes can be compared" in m for m in messages(out))


@pytest.mark.parametrize(
    "control, text, marked",
    [("quote-price", "£2,250", False), ("quote-price", "3.000", True), ("assumption-low", "2,5", False)],
)
def test_a_reading_is_shown_plainly_and_a_question_that_takes_nothing_is_marked(client, control, text, marked):
    line = reading_line(client, control, text)
    assert ("refused" in line["className"].split()) is marked


@pytest.mark.parametrize("typed, marked", [("2,500", False), ("$2,500", False), ("-5", True), ("3.000", True)])
def test_a_filters_reading_is_shown_plainly_and_a_refusal_is_marked(client, typed, marked):
    out = typed_filter(client, "budget", typed)
    assert "input-message" in out["budget-message"]["className"].split()
    assert ("refused" in out["budget-message"]["className"].split()) is marked


@pytest.mark.parametrize(
    "text, currency, said, refused",
    [("£200", "GBP", "Read as £200.", False), ("£200", None, "Read as £200.", False),
     ("£200", "USD", "Read as £200, in GBP, but Currency says USD: choose GBP there, or type the price without £.", True),
     ("$1,400", "GBP", "Read as $1,400, in USD, but Currency says GBP: choose USD there, or type the price without $.",
      True)],
)  # fmt: skip
def test_a_quote_price_marked_in_another_currency_than_the_forms_says_so_as_it_is_typed(
    client, text, currency, said, refused
):
    line = reading_line(client, "quote-price", text, currency=currency)
    assert line["children"] == said
    assert ("refused" in line["className"].split()) is refused
    if refused:  # Add quote refuses it the same way
        out = quote_request(
            client, "quote-add.n_clicks", form={"treatment": "ha-filler", "price": text, "currency": currency}
        )
        assert out["quotes-store"]["data"] == [] and any("disagree" in m for m in messages(out))
