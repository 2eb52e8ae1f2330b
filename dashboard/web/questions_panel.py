"""The "Questions for the clinic" section: its frame (the list itself is a render output), the Print button
(in the browser, assets/questions.js) and the download of the questions as a text file."""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import vocab
from dashboard.model import assumptions
from dashboard.model.comparison import Catalog, compare
from dashboard.model.filters import from_query
from dashboard.output import filter_words
from dashboard.output.questions import clinic_questions, questions_text
from dashboard.quotes import records as quotes
from dashboard.quotes.dates import latest_today
from dashboard.web.components import aria_labelledby

FILE_NAME = "questions-for-the-clinic.txt"


def questions_section() -> html.Section:
    """The section's heading, its two buttons and the place the render fills (`clinic-questions`)."""
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Questions for the clinic", className="h5 mb-0 me-3", id="questions-heading"),
                    html.Div(
                        [
                            html.Button("Print", id="questions-print", className="btn btn-outline-primary btn-sm me-2"),
                            html.Button(
                                "Download the questions",
                                id="questions-download-button",
                                className="btn btn-outline-primary btn-sm",
                                n_clicks=0,
                            ),
                        ],
                        className="questions-buttons",
                    ),
                ],
                className="d-flex flex-wrap align-items-center gap-2 mb-1",
            ),
            html.P(
                "What the published figures leave open for the options listed and your quotes, with their own "
                "numbers: take these to the clinic.",
                className="small text-muted mb-2 questions-intro",
            ),
            html.Div(id="clinic-questions", className="clinic-questions"),
            dcc.Download(id="questions-download"),
        ],
        id="questions",
        className="questions-section mt-3",
        **aria_labelledby("questions-heading"),
    )


def download_text(catalog: Catalog, query: Any, stored_quotes: Any, stored_assumptions: Any) -> str:
    """The questions for the filters in force (`query`, as in the URL) and the stored quotes and assumptions,
    checked here, as the text file's content."""
    filters = from_query(query if isinstance(query, str) else "", catalog.treatment_ids)
    saved = quotes.validate_stored(stored_quotes, catalog.treatment_ids, latest_today())
    assumed = assumptions.validate_stored(stored_assumptions, catalog.treatment_ids)
    comparison = compare(catalog, filters, saved, assumed)
    symbol = vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[filters.market]]
    about = f"For: {filter_words.describe(filters)}. Not medical advice."
    return questions_text(clinic_questions(comparison.rows, symbol), about)


def register_questions(app: Dash, catalog: Catalog) -> None:
    """The Print button (the browser's print dialog; assets/app.css prints only the questions) and the download."""
    app.clientside_callback(
        ClientsideFunction(namespace="questions", function_name="print"),
        Output("questions-print", "title"),
        Input("questions-print", "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("questions-download", "data"),
        Input("questions-download-button", "n_clicks"),
        State("applied-query", "data"),
        State("quotes-store", "data"),
        State("assumptions-store", "data"),
        prevent_initial_call=True,
    )
    def download(n_clicks: Any, query: Any, stored_quotes: Any, stored_assumptions: Any) -> dict[str, Any]:
        if not n_clicks:
            raise PreventUpdate
        text = download_text(catalog, query, stored_quotes, stored_assumptions)
        return dcc.send_bytes(text.encode("utf-8"), FILE_NAME, type="text/plain")
