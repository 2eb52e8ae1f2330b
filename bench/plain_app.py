"""The plain Dash app the benchmark measures the dashboard against: the usual pattern, nothing tuned.

One budget input; one callback returns a plotly.express figure, the full rowData of an AG Grid and a count;
50 rows of made-up options (seeded; SYNTHETIC, never real prices). It uses the ids the dashboard uses for
the same things (budget, result-count, results-grid) so one measuring script drives both.
"""

from __future__ import annotations

import dash_ag_grid as dag
import numpy as np
import pandas as pd
import plotly.express as px
from dash import Dash, Input, Output, dcc, html

ROWS = 50


def options(n: int = ROWS, seed: int = 7) -> pd.DataFrame:
    """`n` synthetic options: name, category, cost (USD), downtime (days), risk tier (1-5)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "name": [f"Option {i + 1}" for i in range(n)],
            "category": rng.choice(["injectable", "laser-light", "peel", "surgical", "device"], n),
            "cost": np.round(rng.lognormal(7.5, 1.0, n), 0),
            "downtime": rng.integers(0, 30, n),
            "risk": rng.integers(1, 6, n),
        }
    )


def create_app() -> Dash:
    frame = options()
    app = Dash(__name__, title="Plain Dash app")
    app.layout = html.Div(
        [
            html.H1("Options"),
            dcc.Input(id="budget", type="number", debounce=True, placeholder="Budget"),
            html.Div(id="result-count"),
            dcc.Graph(id="chart"),
            dag.AgGrid(
                id="results-grid",
                columnDefs=[{"field": c} for c in frame.columns],
                rowData=[],
                defaultColDef={"sortable": True},
                style={"height": "480px"},
            ),
        ]
    )

    @app.callback(
        Output("results-grid", "rowData"),
        Output("chart", "figure"),
        Output("result-count", "children"),
        Input("budget", "value"),
    )
    def update(budget):
        shown = frame if budget is None else frame[frame["cost"] <= budget]
        figure = px.scatter(shown, x="downtime", y="cost", color="category", hover_name="name")
        return shown.to_dict("records"), figure, f"{len(shown)} options"

    return app
