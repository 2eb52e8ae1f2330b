"""The questions for the clinic over HTTP: the render's section, the specific missing notes and the download."""

import base64

from dashboard.web.questions_panel import FILE_NAME
from tests.http.callbacks import render, request_body

TOP_UP = "Will I need top-up sessions to keep the results, and how many a year?"


def _download(client, applied_query, saved_quotes=()):
    body = request_body(
        [("questions-download", "data")],
        [("questions-download-button", "n_clicks", 1)],
        state=[
            ("applied-query", "data", applied_query),
            ("quotes-store", "data", list(saved_quotes)),
            ("assumptions-store", "data", []),
        ],
    )
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data
    return response.get_json()["response"]["questions-download"]["data"]


def test_the_render_lists_the_questions_grouped_by_option(client):
    out = render(client, "?market=US&horizon=5&budget=5000&prices_in=published")
    shown = str(out["clinic-questions"]["children"])
    assert "For: market US; horizon 5 years; budget 5,000 USD" in shown
    assert "### Microneedling" in shown and "### Botulinum toxin" in shown
    assert "top\\\\-up sessions to keep the results" in shown  # Markdown-escaped text


def test_the_missing_notes_give_each_option_its_own_figures_and_say_what_to_do_once(client):
    out = render(client, "?market=US&horizon=5&budget=5000&prices_in=published")
    notes = str(out["missing-notes"]["children"])
    assert "initial course alone is $600–$4,200 (3–6 sessions, $200–$700 a session)" in notes.replace("\\", "")
    assert notes.count("enter your own assumption") == 1


def test_the_download_is_a_text_file_of_the_questions_for_the_filters_in_force(client):
    data = _download(client, "market=US&horizon=5&budget=5000")
    assert data["filename"] == FILE_NAME and data["type"] == "text/plain"
    text = base64.b64decode(data["content"]).decode("utf-8")
    assert text.startswith("Questions for the clinic\n\nFor: market US; horizon 5 years; budget 5,000 USD.")
    assert "\nMicroneedling\n" in text and f"- {TOP_UP}\n" in text


def test_the_download_reads_quotes_as_the_page_does_and_ignores_a_forged_query(client):
    saved = [
        {
            "id": "0123456789ab",
            "treatment_id": "microneedling",
            "clinic": "Glow Clinic",
            "price": 150,
            "currency": "USD",
            "covers": "session",
            "quantity": 1,
            "date": "",
        }
    ]
    text = base64.b64decode(_download(client, "market=US&horizon=5", saved)["content"]).decode("utf-8")
    assert (
        "Your quote: Glow Clinic (Microneedling)\n- Is $150 the price of one session or of the course of 3–6 sessions?"
        in text
    )
    forged = base64.b64decode(_download(client, {"not": "a query"})["content"]).decode("utf-8")
    assert forged.startswith("Questions for the clinic\n\nFor: market US")
