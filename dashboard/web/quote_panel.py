"""The quotes panel: the form, the upload, the saved quotes; and the actions on the saved list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypedDict

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, dcc, html

from dashboard.model.name_search import treatment_options
from dashboard.model.quote_listing import why_not_listed
from dashboard.model.row import OVER
from dashboard.output.display import row_of
from dashboard.output.quote_placement_words import quote_note
from dashboard.output.quote_words import arithmetic, nearest_text, not_listed_text, price_of_question
from dashboard.output.quote_words import reading_line as quote_reading
from dashboard.quotes import records as q
from dashboard.quotes.upload import TOO_LARGE, UPLOAD_COMPONENT_MAX_BYTES
from dashboard.web.components import aria_label, aria_live, labelled
from dashboard.web.typed_input import number_box

LOCAL_ONLY = (
    "Your quotes stay in this browser only (its local storage). They are never saved on the "
    "server; clearing the browser's site data removes them."
)


def quote_form() -> dbc.Card:
    """The quotes card as the first view sends it: the place of the form's fields (`quote_fields`, which arrive
    just after the first view: web/deferred_forms), the form's buttons and upload, and the saved quotes with
    their messages."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Your quotes", className="h5"),
                html.P(LOCAL_ONLY, className="small text-muted", id="quotes-local-note"),
                html.Div(id="quote-fields", className="form-fields quote-fields"),
                html.Button("Add quote", id="quote-add", n_clicks=0, className="btn btn-primary me-2"),
                html.Span(" or ", className="mx-1"),
                upload_button(),
                html.Button("Download the CSV template", id="quote-template", n_clicks=0, className="btn btn-link"),
                html.Button("Download my quotes", id="quote-download", n_clicks=0, className="btn btn-link"),
                dcc.Download(id="template-download"),
                dcc.Download(id="my-quotes-download"),
                html.P(id="quote-storage-note", className="alert alert-warning small mt-2 mb-0", role="alert"),
                html.Ul(id="quote-messages", className="mt-2 small", **aria_live("polite")),
                html.Div(id="quote-list", className="mt-2"),
                html.Button(
                    "Clear all quotes", id="quote-clear", n_clicks=0, className="btn btn-outline-danger btn-sm mt-2"
                ),
            ]
        ),
        className="mb-3",
    )


def quote_fields(treatments: pd.DataFrame, aliases: dict[str, str] | None, currency: str) -> list:
    """The quote form's fields with the line that reads them back, its currency first set to `currency` (the
    market's); its treatment list finds names, ids and aliases (name -> treatment id), accents or not. Every
    callback that reads a field only to write within these fields (the readings, the treatment search) stays
    here, so their arrival sets nothing off."""
    row = dbc.Row([*quoted_columns(treatments, aliases, currency), *coverage_columns()])
    return [
        row,
        html.P(id="quote-reading", className="quote-reading fw-semibold", **aria_live("polite")),
        dcc.Store(id="quote-form-values"),
    ]


def quoted_columns(treatments: pd.DataFrame, aliases: dict[str, str] | None, currency: str = "USD") -> list[dbc.Col]:
    """What was quoted and by whom: the treatment, the clinic, the price as typed (read beside it) and its currency."""
    options = treatment_options(treatments, aliases)
    return [
        dbc.Col(labelled("quote-treatment", "Treatment", dcc.Dropdown(id="quote-treatment", options=options)), md=4),
        dbc.Col(
            labelled(
                "quote-clinic",
                "Clinic name",
                dcc.Input(id="quote-clinic", type="text", maxLength=200, className="form-control"),
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "quote-price",
                "Price quoted",
                number_box("quote-price", "e.g. 1,200", max_length=40),
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "quote-currency",
                "Currency",
                dcc.Dropdown(
                    id="quote-currency",
                    options=[{"label": c, "value": c} for c in q.CURRENCIES],
                    value=currency,
                    clearable=False,
                ),
            ),
            md=3,
        ),
    ]


def coverage_columns() -> list[dbc.Col]:
    """What the price covers: sessions, units…, how many, the quote's date, and whether it is the price of one or
    of all of them (the question asked in the covered unit's words)."""
    return [
        dbc.Col(
            labelled(
                "quote-covers",
                "The price covers",
                dcc.Dropdown(
                    id="quote-covers",
                    options=[{"label": c, "value": c} for c in q.COVERS],
                    value="session",
                    clearable=False,
                ),
            ),
            md=3,
        ),
        dbc.Col(
            labelled(
                "quote-quantity",
                "How many sessions (or units, syringes…) does the quote count?",
                dcc.Input(
                    id="quote-quantity",
                    type="text",
                    inputMode="numeric",
                    maxLength=10,
                    value="1",
                    className="form-control",
                ),
            ),
            md=3,
        ),
        dbc.Col(
            labelled(
                "quote-date",
                "Date of the quote",
                dcc.Input(
                    id="quote-date", type="text", maxLength=10, placeholder="YYYY-MM-DD", className="form-control"
                ),
            ),
            md=3,
        ),
        dbc.Col(
            labelled(
                "quote-per",
                price_of_question("session"),
                dbc.RadioItems(
                    id="quote-per",
                    options=[
                        {"label": "The price of one (each)", "value": "one"},
                        {"label": "The price of all of them (the total)", "value": "all"},
                    ],
                    value=None,
                    inline=True,
                ),
            ),
            md=12,
        ),
    ]


# The upload box's data-* attribute (a keyword Dash takes only from a dict: see components.py).
DataMaxBytes = TypedDict("DataMaxBytes", {"data-max-bytes": str})


def upload_button() -> html.Div:
    """The upload (dcc.Upload, id quote-upload) in a box that tells assets/upload.js the size limit.

    dcc.Upload drops a file over its max_size in the browser without a callback; upload.js sees the
    file's size first and sets quote-upload-refused, so the page says the file is too large. It would drop a
    file its `accept` does not list the same way, so it has none: every file reaches the server, which says
    what a workbook or another file is and how to save it as CSV (quotes.upload.filename_problem).
    """
    return html.Div(
        [
            dcc.Upload(
                id="quote-upload",
                children=html.Button("Upload a CSV of quotes", className="btn btn-outline-primary"),
                max_size=UPLOAD_COMPONENT_MAX_BYTES,
                multiple=False,
                style={"display": "inline-block"},
            ),
            dcc.Store(id="quote-upload-refused", storage_type="memory"),
        ],
        className="d-inline-block quote-upload-box",
        **DataMaxBytes({"data-max-bytes": str(UPLOAD_COMPONENT_MAX_BYTES)}),
    )


def register_upload_refused(app: Dash) -> None:
    """A file too large to send (quote-upload-refused set by assets/upload.js) gets the size message. The
    store's value only triggers this; nothing in it is used."""

    @app.callback(
        Output("quote-messages", "children", allow_duplicate=True),
        Input("quote-upload-refused", "data"),
        prevent_initial_call=True,
    )
    def upload_refused(_refused: Any) -> list[html.Li]:
        return [html.Li(m) for m in refused_messages()]


def refused_messages() -> list[str]:
    """The messages for a file over the size limit: the same as for any file over it."""
    return ["0 quotes added from the file.", str(q.QuoteProblem(None, None, TOO_LARGE))]


def quote_list(
    comparison, saved: list[dict], names: dict[str, str], attention: Sequence[dict] = ()
) -> html.Ul | html.P:
    """Saved quotes, each read with its arithmetic and placed in the current market (or why it is not listed),
    with a remove button each and a "Compare" button for side by side; then the quotes needing attention."""
    if not saved and not attention:
        return html.P("No quotes saved yet.", className="text-muted small")
    rows, filters = comparison.rows, comparison.filters
    nearest = rows["quote_nearest"] if "quote_nearest" in rows else pd.Series(dtype=object)
    items = []
    for quote in saved:
        row_id = f"quote-{quote['id']}"
        code = why_not_listed(quote, rows, comparison.table, filters)
        note = quote_note(row_of(rows, row_id)) if not code else not_listed_text(code, quote, filters.market)
        near = nearest_text(nearest.get(row_id), names) if not code else ""
        over = not code and rows.loc[row_id, "budget_fit"] == OVER
        text = (
            f"{quote['clinic']}: {names.get(quote['treatment_id'], quote['treatment_id'])}, "
            f"{arithmetic(quote)}{', dated ' + quote['date'] if quote['date'] else ''}. "
            f"{'Over budget. ' if over else ''}{note or ''}{' ' + near if near else ''}"
        )
        buttons = [_remove_button(quote)]
        if not code:
            buttons.insert(
                0,
                html.Button(
                    "Compare side by side",
                    id={"type": "compare-quote", "index": quote["id"]},
                    n_clicks=0,
                    className="btn btn-link btn-sm",
                    **aria_label(f"Compare the quote from {quote['clinic']} side by side"),
                ),
            )
        items.append(html.Li([html.Span(text), *buttons], className="quote-over-budget" if over else None))
    for quote in attention:
        text = (
            f"Needs attention: {quote['clinic']}, {arithmetic(quote)}. Its treatment “{quote['treatment_id']}” is "
            "no longer in the data (it may have been renamed): add the quote again with the treatment chosen, "
            "then remove this one. It is kept until you do."
        )
        items.append(html.Li([html.Span(text), _remove_button(quote)], className="quote-needs-attention"))
    return html.Ul(items, className="small", id="saved-quotes")


def _remove_button(quote: dict) -> html.Button:
    return html.Button(
        "Remove",
        id={"type": "remove-quote", "index": quote["id"]},
        n_clicks=0,
        className="btn btn-link btn-sm",
        **aria_label(f"Remove quote from {quote['clinic']}"),
    )


def covered(quote: dict) -> str:
    """What a quote's price covers, in words: 'a procedure', 'a course of 3 sessions', '40 units'."""
    n, unit = quote["quantity"], quote["covers"]
    if unit == "procedure":
        return "a procedure"
    if unit == "course":
        return f"a course of {n} session{'s' if n != 1 else ''}"
    return f"{n} {unit}{'s' if n != 1 else ''}"


def apply_action(
    action: str,
    saved: list[dict],
    treatments: dict[str, str],
    today: dt.date,
    form: dict | None = None,
    upload: tuple | None = None,
    remove_id: object = None,
    aliases: dict[str, str] | None = None,
    attention: Sequence[dict] = (),
) -> tuple[list[dict], list[str]]:
    """The saved list after an action (add, upload, remove, clear) and the messages to show.

    `saved` has been validated already; bad input leaves it unchanged. `aliases`: name -> treatment id.
    `attention`: stored quotes whose treatment is no longer in the data; kept after the saved ones until
    removed one by one or cleared, never dropped by another action.
    """
    kept = [] if action == "clear" else [x for x in attention if x["id"] != remove_id]
    new, messages = _apply(action, saved, treatments, today, form, upload, remove_id, aliases)
    if action == "remove" and len(kept) < len(attention):
        messages = ["Quote removed."]
    return [*new, *kept], messages


def _apply(action, saved, treatments, today, form, upload, remove_id, aliases) -> tuple[list[dict], list[str]]:
    if action == "add":
        record, problems = q.parse_form(form or {}, treatments, today, aliases=aliases)
        if record is None:
            return saved, [str(p) for p in problems]
        merged, repeated, dropped = q.merge(saved, [record])
        if repeated:
            return merged, ["Not added: this quote is in your list already."]
        if dropped:
            return merged, [f"Not added: at most {q.MAX_QUOTES} quotes can be kept."]
        return merged, ["Quote added.", quote_reading(record, treatments.get(record["treatment_id"], "")),
                        *(str(p) for p in problems)]  # fmt: skip
    if action == "upload":
        contents, filename = upload or (None, None)
        result = q.parse_upload(contents, filename, treatments, today, aliases=aliases)
        merged, repeated, dropped = q.merge(saved, result.quotes)
        fresh = merged[len(saved) :]
        messages = [f"{len(fresh)} quote{'s' if len(fresh) != 1 else ''} added from the file."]
        messages += [quote_reading(x, treatments.get(x["treatment_id"], "")) for x in fresh[:50]]
        if repeated:
            were = "was" if repeated == 1 else "were"
            messages.append(
                f"{repeated} {'quote' if repeated == 1 else 'quotes'} {were} in your list already: not added again."
            )
        if dropped:
            messages.append(f"{dropped} not added: at most {q.MAX_QUOTES} quotes can be kept.")
        shown = result.problems[:50]
        messages += [str(p) for p in shown]
        if len(result.problems) > len(shown):
            messages.append(f"... and {len(result.problems) - len(shown)} more problems.")
        return merged, messages
    if action == "remove":
        kept = [x for x in saved if x["id"] != remove_id]
        return kept, (["Quote removed."] if len(kept) < len(saved) else [])
    if action == "clear":
        return [], (["All quotes cleared."] if saved else [])
    return saved, []
