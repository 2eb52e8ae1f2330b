"""The "Your assumptions" panel: the form, the saved list, and the actions on it (pure)."""

from __future__ import annotations

from collections.abc import Collection

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import vocab
from dashboard.model import assumptions as rules
from dashboard.model.name_search import treatment_options
from dashboard.output import assumption_words
from dashboard.web.components import aria_label, aria_live, labelled
from dashboard.web.typed_input import number_box

HELP = (
    "Where the data has no figure (how many sessions, how often upkeep is repeated and how many sessions "
    "each time, a price per session), enter your own. It is marked \u201cyour assumption\u201d wherever it "
    "is used, stays in this browser only, and clearing it returns the published figures."
)


def assumption_form() -> dbc.Card:
    """The assumptions card as the first view sends it: the place of the form's fields (`assumption_fields`,
    which arrive just after the first view), its buttons, and the saved assumptions with their messages."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Your assumptions", className="h5"),
                html.P(HELP, className="small text-muted"),
                html.Div(id="assumption-fields", className="form-fields assumption-fields"),
                html.Button("Add assumption", id="assumption-add", n_clicks=0, className="btn btn-primary me-2"),
                html.Button(
                    "Clear all assumptions", id="assumption-clear", n_clicks=0, className="btn btn-outline-danger"
                ),
                html.Ul(id="assumption-messages", className="mt-2 small", **aria_live("polite")),
                html.Div(id="assumption-list", className="mt-2"),
            ]
        ),
        className="mb-3",
    )


def assumption_fields(treatments: pd.DataFrame, aliases: dict[str, str] | None, currency: str) -> list[dbc.Row]:
    """The assumption form's fields, the currency of a price first set to `currency` (the market's); its
    treatment list finds names, ids and aliases (name -> treatment id), accents or not."""
    return [dbc.Row(assumption_columns(treatments, aliases, currency))]


def assumption_columns(
    treatments: pd.DataFrame, aliases: dict[str, str] | None, currency: str = "USD"
) -> list[dbc.Col]:
    """The treatment, what is assumed (sessions, upkeep, a price), its value or range as typed, and the currency
    of a price."""
    options = treatment_options(treatments, aliases)
    fields = [{"label": label, "value": f} for f, label in assumption_words.LABELS.items()]
    return [
        dbc.Col(
            labelled("assumption-treatment", "Treatment", dcc.Dropdown(id="assumption-treatment", options=options)),
            md=4,
        ),
        dbc.Col(
            labelled(
                "assumption-field",
                "What you assume",
                dcc.Dropdown(id="assumption-field", options=fields, value="upkeep_months", clearable=False),
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "assumption-low",
                "From",
                number_box("assumption-low", "e.g. 6", inputMode="decimal"),
            ),
            md=2,
        ),
        dbc.Col(
            labelled(
                "assumption-high",
                "To (optional)",
                number_box("assumption-high", "e.g. 12", inputMode="decimal"),
            ),
            md=2,
        ),
        dbc.Col(
            labelled(
                "assumption-currency",
                "Currency (prices only)",
                dcc.Dropdown(
                    id="assumption-currency",
                    options=[{"label": c, "value": c} for c in vocab.CURRENCY_SYMBOL],
                    value=currency,
                    clearable=False,
                ),
            ),
            md=3,
        ),
    ]


def assumption_list(saved: list[dict], names: dict[str, str]) -> html.Ul | html.P:
    """Saved assumptions in words, each with a remove button."""
    if not saved:
        return html.P("No assumptions entered: every figure shown is published.", className="text-muted small")
    items = []
    for index, record in enumerate(saved):
        name = names.get(record["treatment_id"], record["treatment_id"])
        text = f"{name}: {assumption_words.ASSUMED}, {assumption_words.describe_value(record)}"
        items.append(
            html.Li(
                [
                    html.Span(text, className="assumed-text"),
                    html.Button(
                        "Remove",
                        id={"type": "remove-assumption", "index": index},
                        n_clicks=0,
                        className="btn btn-link btn-sm",
                        **aria_label(f"Remove assumption for {name}"),
                    ),
                ]
            )
        )
    return html.Ul(items, className="small", id="saved-assumptions")


def apply_action(
    action: str,
    saved: list[dict],
    treatment_ids: Collection[str],
    form: dict | None = None,
    remove_index: object = None,
) -> tuple[list[dict], list[str]]:
    """The saved list after an action (add, remove, clear) and the messages to show.

    `saved` has been validated already; bad input leaves it unchanged and says why.
    """
    if action == "add":
        record, refusal = rules.parse(form or {}, treatment_ids)
        if record is None:
            # a number refused as such is said as its reading line said it ("6-12": one number in each box)
            field = refusal.field if refusal and refusal.code == "number" else None
            typed = [(form or {}).get(box) for box in ("low", "high")] if field else []
            said = [assumption_words.typed_reading(t, field) for t in typed if isinstance(t, str)]
            why = next((s for s in said if s and not s.startswith("Read as")), None)
            return saved, [f"Not added: {why or assumption_words.refusal_text(refusal)}"]
        key = (record["treatment_id"], record["field"], record["currency"])
        kept = [a for a in saved if (a["treatment_id"], a["field"], a["currency"]) != key]
        if len(kept) >= rules.MAX_ASSUMPTIONS:
            return saved, [f"Not added: at most {rules.MAX_ASSUMPTIONS} assumptions can be kept."]
        replaced = len(kept) < len(saved)
        return kept + [record], ["Assumption replaced." if replaced else "Assumption added."]
    if action == "remove":
        if isinstance(remove_index, int) and not isinstance(remove_index, bool) and 0 <= remove_index < len(saved):
            return saved[:remove_index] + saved[remove_index + 1 :], ["Assumption removed."]
        return saved, []
    if action == "clear":
        return [], (["All assumptions cleared: the published figures are back."] if saved else [])
    return saved, []
