"""The filter panel: every control the comparison reads, each under its label, with the message line
under a typed number saying when a value was refused and which one applies."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import vocab
from dashboard.model.comparison import Catalog
from dashboard.model.filters import HORIZON_RANGE, Filters
from dashboard.model.name_search import labelled_options, treatment_options
from dashboard.output import inflation_words, words
from dashboard.web.components import aria_live, labelled

MARKET_LABELS = {
    "US": "United States (USD)",
    "UK": "United Kingdom (GBP)",
    "US-FL": "Florida, US (USD)",
    "US-GA": "Georgia, US (USD)",
    "US-NY": "New York, US (USD)",
    "US-CA": "California, US (USD)",
}


def number_input(control_id: str, placeholder: str) -> html.Div:
    """A number field that takes any number as typed (the server checks it) and a message line
    under it saying when a value was refused and which one applies."""
    return html.Div(
        [
            dcc.Input(
                id=control_id,
                type="text",
                # the keyboard with digits and a separator; HTML has it, Dash's list of inputMode values predates it
                inputMode="decimal",  # type: ignore[arg-type]
                debounce=True,
                placeholder=placeholder,
                maxLength=20,
                className="form-control",
            ),
            html.Div(id=f"{control_id}-message", className="input-message", role="status", **aria_live("polite")),
        ]
    )


def budget_currency(market: str) -> str:
    """The budget's currency as its label shows it: '(USD)', '(GBP)' (the market's currency)."""
    return f"({vocab.MARKET_CURRENCY[market]})"


def controls(catalog: Catalog) -> dbc.Card:
    """The filter panel: what the person compares and where, her budget and time horizon, her limits on
    downtime and risk, how money is shown, and the options she puts side by side; each set to its default."""
    body = dbc.Row(
        [
            *concern_market_columns(catalog),
            *budget_columns(),
            *limit_columns(),
            *money_columns(catalog),
            compare_column(catalog),
        ]
    )
    return dbc.Card(dbc.CardBody([html.H2("Filters", className="h5"), body]), className="mb-3")


def concern_market_columns(catalog: Catalog) -> list[dbc.Col]:
    """The concern (those the data has), the market and the categories."""
    used = set(catalog.data.concerns["concern"])
    concern_options = labelled_options(
        {"all": "All concerns"} | {c: vocab.CONCERN_LABELS[c] for c in vocab.CONCERNS if c in used}
    )
    return [
        dbc.Col(
            labelled(
                "concern",
                "Concern",
                dcc.Dropdown(id="concern", options=concern_options, value="all", clearable=False),
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "market",
                "Market",
                dcc.Dropdown(
                    id="market",
                    options=[{"label": MARKET_LABELS[m], "value": m} for m in vocab.MARKETS],
                    value=Filters().market,
                    clearable=False,
                ),
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "category",
                "Categories",
                dcc.Dropdown(
                    id="category",
                    options=[{"label": words.category_text(c), "value": c} for c in vocab.CATEGORIES],
                    value=[],
                    multi=True,
                    placeholder="All categories",
                ),
            ),
            md=4,
        ),
    ]


def budget_columns() -> list[dbc.Col]:
    """The budget (its label naming the market's currency) and the time horizon it covers."""
    d = Filters()
    return [
        dbc.Col(
            labelled(
                "budget",
                ["Budget ", html.Span(budget_currency(d.market), id="budget-currency")],
                number_input("budget", "No budget"),
                "Total over the time horizon, in the market's currency: the initial course plus maintenance.",
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "horizon",
                "Time horizon (years)",
                dcc.Slider(
                    id="horizon",
                    min=HORIZON_RANGE[0],
                    max=HORIZON_RANGE[1],
                    step=1,
                    value=d.horizon,
                    marks={i: str(i) for i in range(HORIZON_RANGE[0], HORIZON_RANGE[1] + 1)},
                ),
            ),
            md=4,
        ),
    ]


def limit_columns() -> list[dbc.Col]:
    """The most downtime and the highest risk tier the person accepts."""
    return [
        dbc.Col(
            labelled(
                "max-downtime",
                "Most downtime (days)",
                number_input("max-downtime", "Any"),
                "Options with unknown downtime stay listed.",
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "max-risk",
                "Highest risk tier",
                dcc.Slider(
                    id="max-risk",
                    min=1,
                    max=5,
                    step=1,
                    value=Filters().max_risk,
                    marks={i: str(i) for i in range(1, 6)},
                ),
                "1 = transient redness only … 5 = deaths documented.",
            ),
            md=4,
        ),
    ]


def money_columns(catalog: Catalog) -> list[dbc.Col]:
    """Her daily earnings (downtime as lost pay) and whether prices are adjusted for inflation."""
    return [
        dbc.Col(
            labelled(
                "daily-earnings",
                "Your daily earnings (optional)",
                number_input("daily-earnings", "Not set"),
                "Downtime days become lost pay, shown apart from the price.",
            ),
            md=4,
        ),
        dbc.Col(
            labelled(
                "prices-in",
                "Prices in",
                dcc.RadioItems(
                    id="prices-in",
                    value=Filters().prices_in,
                    inline=True,
                    inputClassName="me-1",
                    labelClassName="me-3",
                    options=[
                        {"label": f"{_latest_label(catalog)} money (adjusted for inflation)", "value": "latest"},
                        {"label": "As published", "value": "published"},
                    ],
                ),
                inflation_words.index_summary(catalog.price_index),
            ),
            md=4,
        ),
    ]


def compare_column(catalog: Catalog) -> dbc.Col:
    """The options to compare side by side, with the line saying when some beyond the limit were left out."""
    return dbc.Col(
        labelled(
            "compare",
            "Compare side by side (2–4 options)",
            html.Div(
                [
                    dcc.Dropdown(
                        id="compare",
                        options=treatment_options(catalog.data.treatments, catalog.data.alias_map()),
                        value=[],
                        multi=True,
                        placeholder="Choose options",
                    ),
                    # says when options beyond the limit were left out (assets/dashboard.js trimList)
                    html.Div(
                        id="compare-message",
                        className="input-message refused",
                        role="status",
                        **aria_live("polite"),
                    ),
                ]
            ),
        ),
        md=4,
    )


def _latest_label(catalog: Catalog) -> str:
    """'2025' when every currency's index ends that year; else 'Latest index year' (the help text gives each)."""
    years = {y for y in (catalog.price_index.latest_year(c) for c in vocab.CURRENCY_SYMBOL) if y}
    return str(years.pop()) if len(years) == 1 else "Latest index year's"
