"""What the person types, read as she means it.

Beside each number typed in the quote and assumption forms, what it is read as ("Read as 3,000.", or
"Did you mean 3,000 or 3?"), by the one rule every typed number follows (model.value_parsers.read_text);
the filters' typed numbers say theirs in their message line (output.filter_words.typed_messages). And in every
treatment and concern list, a name typed with accents finds its option ("acné": model.name_search).
"""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html

from dashboard.output.assumption_words import typed_reading
from dashboard.quotes.prices import parse_price
from dashboard.quotes.value_parsers import number_words
from dashboard.web.components import aria_live

# A message line's class under a typed number: what it was read as is said plainly; a refusal, or a question that
# takes nothing, is marked (app.css).
MESSAGE_CLASSES = {"read": "input-message", "refused": "input-message refused"}
# The form fields whose reading is shown beside them.
READ_FIELDS = ("quote-price", "assumption-low", "assumption-high")
# The lists searched by name (options with a `search` text: model.name_search).
NAME_LISTS = ("concern", "compare", "quote-treatment", "assumption-treatment")


def reading_line(control_id: str) -> html.Div:
    """The line under a typed number where its reading is said (empty until there is something to say)."""
    return html.Div(id=f"{control_id}-reading", className="input-message", role="status", **aria_live("polite"))


def number_box(control_id: str, placeholder: str, max_length: int = 20, **extra: Any) -> html.Div:
    """A typed-number field (text, so the person's own separators reach the one reader) with its reading line."""
    box = dcc.Input(
        id=control_id, type="text", maxLength=max_length, className="form-control", placeholder=placeholder, **extra
    )
    return html.Div([box, reading_line(control_id)])


def price_reading(text: object, chosen: object = None) -> str:
    """A quote's price text as read: 'Read as £2,250.', 'Read as 1,234.5.'; the ambiguity question for
    '3.000'; '' for plain digits, empty text, or text that is no price (Add quote says why). A price marked in
    another currency than the form's Currency (`chosen`) says so, as Add quote would refuse it."""
    if not isinstance(text, str) or not text.strip() or text.strip().isdigit():
        return ""
    amount, currency, problem = parse_price(text)
    if amount is None:
        _, asked, question = (problem or "").partition(": did you mean")
        return f"Did you mean{question}" if asked else ""
    mark = {"USD": "$", "GBP": "£"}.get(currency or "", "")
    if currency and isinstance(chosen, str) and chosen in ("USD", "GBP") and currency != chosen:
        return (
            f"Read as {mark}{number_words(amount)}, in {currency}, but Currency says {chosen}: choose {currency} "
            f"there, or type the price without {mark}."
        )
    return f"Read as {mark}{number_words(amount)}."


def reading_class(reading: str) -> str:
    """The reading line's class: a question ("Did you mean…": nothing is taken) or what Add will refuse ("…, but
    Currency says USD…") is marked as a refusal is; what a number was read as is not."""
    taken = not reading or (reading.startswith("Read as") and ", but " not in reading)
    return MESSAGE_CLASSES["read" if taken else "refused"]


def register_readings(app: Dash) -> None:
    """One callback per form field: its text -> the line beside it and its class (not on load: the fields start
    empty). An assumption's number is read for the field chosen, and read again when another is chosen."""

    @app.callback(
        Output("quote-price-reading", "children"),
        Output("quote-price-reading", "className"),
        Input("quote-price", "value"),
        Input("quote-currency", "value"),
        prevent_initial_call=True,
    )
    def price_said(text: object, chosen: object) -> tuple[str, str]:
        reading = price_reading(text, chosen)
        return reading, reading_class(reading)

    for control_id in READ_FIELDS[1:]:

        def said(text: object, field: object) -> tuple[str, str]:
            reading = typed_reading(text, field)
            return reading, reading_class(reading)

        app.callback(
            Output(f"{control_id}-reading", "children"),
            Output(f"{control_id}-reading", "className"),
            Input(control_id, "value"),
            Input("assumption-field", "value"),
            prevent_initial_call=True,
        )(said)


def register_name_search(app: Dash) -> None:
    """Each list's typed text, folded in the browser (assets/dashboard.js foldedSearch): the options whose
    search text holds the folded words also hold the words as typed, so the dropdown's own search finds them."""
    for control_id in NAME_LISTS:
        app.clientside_callback(
            ClientsideFunction(namespace="dashboard", function_name="foldedSearch"),
            Output(control_id, "options"),
            Input(control_id, "search_value"),
            State(control_id, "options"),
            prevent_initial_call=True,
        )
