"""Quotes through the callbacks: add, upload, remove, clear; shown, compared and exported."""

import base64
import csv
import io

import pytest

from dashboard.web.callbacks import QUOTE_FORM
from tests.http.callbacks import export_body, render, request_body

QUOTE_OUTPUTS = [("quotes-store", "data"), ("quote-messages", "children"), ("quote-upload", "contents")]
FILLER = {
    "id": "0123456789ab",
    "treatment_id": "ha-filler",
    "clinic": '=HYPERLINK("http://x")',
    "price": 1200.0,
    "currency": "USD",
    "covers": "syringe",
    "quantity": 2,
    "date": "2026-01-05",
}


def quote_request(client, changed, form=None, contents=None, filename=None, stored=(), removes=()):
    form = form or {}
    inputs = [("quote-add", "n_clicks", 1), ("quote-upload", "contents", contents)]
    inputs += [({"type": "remove-quote", "index": i}, "n_clicks", n) for i, n in removes]
    inputs += [("quote-clear", "n_clicks", 1 if changed == "quote-clear.n_clicks" else 0)]
    state = [(f"quote-{f}", "value", form.get(f)) for f in QUOTE_FORM]
    state += [("quote-upload", "filename", filename), ("quotes-store", "data", list(stored))]
    body = request_body(QUOTE_OUTPUTS, inputs, state, changed=[changed])
    # the remove buttons are one pattern-matching input: a list of {id, property, value}
    body["inputs"] = [body["inputs"][0], body["inputs"][1], [i for i in body["inputs"][2:-1]], body["inputs"][-1]]
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.data
    return response.get_json()["response"] if response.status_code == 200 else None


def messages(out):
    return [li["props"]["children"] for li in out["quote-messages"]["children"]]


def test_add_by_form(client):
    form = {
        "treatment": "ha-filler",
        "clinic": "Smile Clinic",
        "price": "1,400",
        "currency": "USD",
        "covers": "syringe",
        "quantity": 2,
        "date": "2026-02-01",
        "per": "all",
    }
    out = quote_request(client, "quote-add.n_clicks", form=form)
    saved = out["quotes-store"]["data"]
    assert len(saved) == 1 and saved[0]["price"] == 1400 and saved[0]["clinic"] == "Smile Clinic"
    assert messages(out) == [
        "Quote added.",
        "Read as: Smile Clinic, Hyaluronic-acid filler: $700 × 2 syringes = $1,400 for one session ($700 a syringe).",
    ]


def test_bad_form_keeps_saved_quotes_and_says_why(client):
    form = {"treatment": "unicorn facial", "price": "-5", "currency": "USD"}
    out = quote_request(client, "quote-add.n_clicks", form=form, stored=[FILLER])
    assert out["quotes-store"]["data"] == [FILLER]
    text = " ".join(messages(out))
    assert "Unknown treatment" in text and "price" in text


def test_upload_keeps_valid_rows_and_lists_rejected_lines(client):
    text = (
        "treatment,clinic,price,currency\n"
        "Hyaluronic-acid filler,A,700,USD\n"
        "Botox,B,abc,USD\n"
        "Abdominoplasty,C,£9,000,GBP\n"
        'Abdominoplasty,D,"9,000",GBP\n'
    )
    contents = "data:text/csv;base64," + base64.b64encode(text.encode()).decode()
    out = quote_request(client, "quote-upload.contents", contents=contents, filename="q.csv", stored=[FILLER])
    saved = out["quotes-store"]["data"]
    assert saved[0] == FILLER and len(saved) == 3
    text = messages(out)
    assert text[0] == "2 quotes added from the file."
    assert any(m.startswith("Line 3") for m in text) and any(m.startswith("Line 4") for m in text)
    assert out["quote-upload"]["contents"] is None


def test_remove_and_clear(client):
    other = {**FILLER, "id": "ba9876543210"}
    out = quote_request(
        client,
        '{"index":"0123456789ab","type":"remove-quote"}.n_clicks',
        stored=[FILLER, other],
        removes=[("0123456789ab", 1), ("ba9876543210", 0)],
    )
    assert out["quotes-store"]["data"] == [other]
    out = quote_request(client, "quote-clear.n_clicks", stored=[other])
    assert out["quotes-store"]["data"] == []


def test_forged_store_is_revalidated(client):
    forged = [{**FILLER, "price": "NaN"}, {**FILLER, "id": "x"}, {"evil": True}, "text", FILLER]
    out = render(client, "?market=US&horizon=5&over_budget=1", forged)
    quotes = [r for r in out["results-grid"]["rowData"] if r["kind"] == "your quote"]
    assert len(quotes) == 1


def test_quote_rows_are_compared_and_shown_as_text(client):
    out = render(client, "?market=US&horizon=5", [FILLER])
    row = next(r for r in out["results-grid"]["rowData"] if r["kind"] == "your quote")
    # one session of 2 syringes for $1,200: $600 a syringe against the published $500-$900 a syringe (2024,
    # in 2025 dollars by default) first, then per session against that x 1-2 syringes
    assert row["name"] == 'Your quote: =HYPERLINK("http://x") (Hyaluronic-acid filler)'
    assert row["quote_note"].startswith(
        "Per syringe: $600 a syringe ($1,200 for 2 syringes), within the published "
        "per-syringe range ($513–$924, typical $718); $118 (16%) less than the typical"
    )
    assert "Per session: $1,200 a session ($1,200 for 2 syringes, used in one session), within" in row["quote_note"]
    assert "No quotes saved yet." not in str(out["quote-list"]["children"])


def test_quotes_in_another_currency_are_not_mixed_in(client):
    out = render(client, "?market=UK", [FILLER])
    assert not [r for r in out["results-grid"]["rowData"] if r["kind"] == "your quote"]


def test_export_marks_quotes_and_neutralises_their_text(client):
    body = export_body("export-csv", "?market=US&horizon=5", [FILLER])
    data = client.post("/_dash-update-component", json=body).get_json()["response"]["download-csv"]["data"]
    rows = list(csv.reader(io.StringIO(base64.b64decode(data["content"]).decode("utf-8-sig"))))
    header = next(r for r in rows if r and r[0] == "Option")
    quote = next(dict(zip(header, r, strict=True)) for r in rows if r and r[0].startswith("Your quote"))
    assert quote["Row type"] == "your quote"
    assert quote["Option"].startswith("Your quote: =HYPERLINK")  # not at the start of the cell: harmless


def test_template_download(client):
    body = request_body([("template-download", "data")], [("quote-template", "n_clicks", 1)])
    data = client.post("/_dash-update-component", json=body).get_json()["response"]["template-download"]["data"]
    text = base64.b64decode(data["content"]).decode("utf-8-sig")
    assert text.splitlines()[0] == "treatment,clinic,price,currency,covers,quantity,date"


@pytest.mark.parametrize("typed", ["150", "2.5", "0", "two"])
def test_a_quantity_outside_the_allowed_range_is_refused_with_the_message(client, typed):
    form = {
        "treatment": "ha-filler",
        "clinic": "Clinic",
        "price": "700",
        "currency": "USD",
        "covers": "syringe",
        "quantity": typed,
    }
    out = quote_request(client, "quote-add.n_clicks", form=form)
    assert out["quotes-store"]["data"] == []  # nothing saved, never silently 1
    assert any("is not a whole number from 1 to 100" in m for m in messages(out)), messages(out)


def test_a_price_of_one_session_is_kept_as_the_total_for_all_of_them(client):
    # issue 21: 750, "session", 3 was kept as £250 a session; the form now asks, and the server checks the answer
    form = {"treatment": "microneedling", "clinic": "Glow", "price": "750", "currency": "GBP", "covers": "session",
            "quantity": "3"}  # fmt: skip
    out = quote_request(client, "quote-add.n_clicks", form={**form, "per": "one"})
    saved = out["quotes-store"]["data"]
    assert [(q["price"], q["quantity"], q["covers"]) for q in saved] == [(2250.0, 3, "session")]
    assert (
        messages(out)[1] == "Read as: Glow, Microneedling: £750 × 3 sessions = £2,250 for 3 sessions (£750 a session)."
    )
    for per in (None, "both"):
        out = quote_request(client, "quote-add.n_clicks", form={**form, "per": per})
        assert out["quotes-store"]["data"] == []
        assert messages(out) == ["price: is 750 the price of one session, or of all 3? Answer the question above."]
