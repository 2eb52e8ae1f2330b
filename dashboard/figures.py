"""Plotly figures built from a comparison frame, as plain figure dicts.

Plain dicts skip plotly.py's validation, which took most of a callback's time on small data;
plotly.js validates them in the browser anyway.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from dashboard import costs
from dashboard.comparison import crossover_sentence

RISK_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fee08b", 4: "#fc8d59", 5: "#d73027"}
_AXIS = {"gridcolor": "#e5e5e5", "zerolinecolor": "#cccccc", "automargin": True}


def _label(text) -> str:
    """Data text is escaped before plotly renders its pseudo-HTML."""
    return html.escape(str(text), quote=True)


def _numbers(series: pd.Series) -> list:
    """JSON-safe numbers: unknown becomes null."""
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in series.tolist()]


def _layout(title: str, **extra) -> dict:
    layout = {
        "title": {"text": title, "font": {"size": 14}},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 40},
        "height": 420,
        "font": {"size": 12},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": dict(_AXIS),
        "yaxis": dict(_AXIS),
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
    }
    layout.update(extra)
    return layout


def _empty(title: str, message: str) -> dict:
    layout = _layout(title, xaxis={"visible": False}, yaxis={"visible": False})
    layout["annotations"] = [{"text": _label(message), "showarrow": False, "x": 0.5, "y": 0.5,
                              "xref": "paper", "yref": "paper"}]
    return {"data": [], "layout": layout}


def _years(horizon: int) -> str:
    return f"{horizon} year{'s' if horizon != 1 else ''}"


def cost_range_figure(rows: pd.DataFrame, horizon: int, currency: str, budget: float | None) -> dict:
    """Low-high bar of the total cost per option, the typical marked, the budget as a line.

    Options whose total is unknown because maintenance is unknown show their initial course in
    a lighter bar, labelled as a lower bound.
    """
    title = f"Total cost over {_years(horizon)} ({currency}): low to high, typical marked"
    known = rows[rows["total_low"].notna() & rows["total_high"].notna()]
    partial = rows[~rows.index.isin(known.index) & rows["initial_low"].notna() & rows["initial_high"].notna()]
    if known.empty and partial.empty:
        return _empty(title, "No option has a known cost for these filters.")
    data = []
    for frame, low, high, name, colour in (
        (known, "total_low", "total_high", "total over the horizon", "#4a6fa5"),
        (partial, "initial_low", "initial_high", "initial course only (maintenance unknown: total is at least this)", "#b8c7dd"),
    ):
        if frame.empty:
            continue
        lows, highs = _numbers(frame[low]), _numbers(frame[high])
        data.append({
            "type": "bar", "orientation": "h", "name": name, "marker": {"color": colour},
            "y": [_label(n) for n in frame["name"]], "base": lows, "x": [h - lo for lo, h in zip(lows, highs, strict=True)],
            "customdata": [[lo, h] for lo, h in zip(lows, highs, strict=True)],
            "hovertemplate": "%{y}<br>low %{customdata[0]:,.0f}<br>high %{customdata[1]:,.0f}<extra></extra>",
        })
    typical = known[known["total_typical"].notna()]
    if not typical.empty:
        data.append({
            "type": "scatter", "mode": "markers", "name": "typical",
            "y": [_label(n) for n in typical["name"]], "x": _numbers(typical["total_typical"]),
            "marker": {"symbol": "line-ns-open", "size": 18, "color": "#222", "line": {"width": 3}},
            "hovertemplate": "%{y}<br>typical %{x:,.0f}<extra></extra>",
        })
    layout = _layout(title, height=max(320, 30 * (len(known) + len(partial)) + 160), barmode="overlay")
    layout["yaxis"] = {**_AXIS, "autorange": "reversed", "type": "category"}
    layout["xaxis"] = {**_AXIS, "title": {"text": currency}, "tickformat": ",.0f"}
    if budget is not None:
        layout["shapes"] = [{"type": "line", "x0": budget, "x1": budget, "xref": "x", "y0": 0, "y1": 1, "yref": "paper",
                             "line": {"dash": "dash", "color": "#c0392b"}}]
        layout["annotations"] = [{"x": budget, "y": 1, "xref": "x", "yref": "paper", "text": "budget",
                                  "showarrow": False, "yanchor": "bottom"}]
    return {"data": data, "layout": layout}


def cost_downtime_figure(rows: pd.DataFrame, horizon: int, currency: str) -> dict:
    """High cost estimate against longest downtime, coloured by risk tier; Pareto front marked."""
    title = "Cost against downtime, by risk tier (ringed: no other option is cheaper, quicker and safer at once)"
    known = rows[rows["total_high"].notna() & rows["downtime_days_high"].notna()]
    if known.empty:
        return _empty(title, "No option has both a known cost and a known downtime.")
    data = []
    for tier, group in known.groupby(known["risk_tier"].astype(int)):
        data.append({
            "type": "scatter", "mode": "markers", "name": f"risk tier {tier}",
            "x": _numbers(group["total_high"]), "y": _numbers(group["downtime_days_high"]),
            "marker": {"size": 12, "color": RISK_COLOURS[tier], "line": {"width": 1, "color": "#333"},
                       "symbol": ["star" if k == "your quote" else "circle" for k in group.get("kind", [])] or "circle"},
            "text": [_label(n) for n in group["name"]],
            "hovertemplate": "%{text}<br>cost up to %{x:,.0f}<br>downtime up to %{y} days<extra></extra>",
        })
    front = known[known["pareto"]]
    data.append({
        "type": "scatter", "mode": "markers+text", "name": "best trade-off", "hoverinfo": "skip",
        "x": _numbers(front["total_high"]), "y": _numbers(front["downtime_days_high"]),
        "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": "#000"}},
        "text": [_label(n) for n in front["name"]], "textposition": "top center",
    })
    layout = _layout(title)
    layout["xaxis"] = {**_AXIS, "title": {"text": f"Total cost over {_years(horizon)}, high estimate ({currency})"},
                       "tickformat": ",.0f"}
    layout["yaxis"] = {**_AXIS, "title": {"text": "Downtime, longest (days)"}}
    return {"data": data, "layout": layout}


def cumulative_figure(rows: pd.DataFrame, selected: list[str], horizon: int, currency: str) -> tuple[dict, list[str]]:
    """Cumulative cost by year for the selected options, and sentences naming crossovers."""
    title = f"Cumulative cost over {_years(horizon)} ({currency})"
    chosen = [i for i in selected if i in rows.index]
    if not chosen:
        return _empty(title, "Choose options in “Compare side by side” to see their cost year by year."), []
    years = list(range(horizon + 1))
    kind = "typical" if all(pd.notna(rows.loc[i, "session_typical"]) for i in chosen) else "high"
    data, series = [], {}
    for tid in chosen:
        values = costs.cumulative_cost(rows.loc[tid], kind, horizon)
        series[tid] = values
        data.append({
            "type": "scatter", "mode": "lines+markers", "x": years,
            "y": [None if isinstance(v, float) and math.isnan(v) else v for v in values],
            "name": _label(f"{rows.loc[tid, 'name']} ({kind})"),
            "hovertemplate": "year %{x}: %{y:,.0f}<extra></extra>",
        })
    layout = _layout(title)
    layout["xaxis"] = {**_AXIS, "title": {"text": "Years from the first treatment"}, "dtick": 1}
    layout["yaxis"] = {**_AXIS, "title": {"text": currency}, "tickformat": ",.0f", "rangemode": "tozero"}
    sentences = []
    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            sentence = crossover_sentence(years, rows.loc[a, "name"], series[a], rows.loc[b, "name"], series[b])
            if sentence:
                sentences.append(sentence)
    return {"data": data, "layout": layout}, sentences
