"""Plotly figures built from a comparison frame (graph_objects: cheap on small data)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard import costs, vocab
from dashboard.comparison import crossover_sentence

RISK_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fee08b", 4: "#fc8d59", 5: "#d73027"}
_LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=40, b=40), height=420, font=dict(size=12))


def _label(text) -> str:
    """Data text is escaped before plotly renders its pseudo-HTML."""
    return html.escape(str(text), quote=True)


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure(layout=dict(title=title, **_LAYOUT))
    fig.add_annotation(text=_label(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def cost_range_figure(rows: pd.DataFrame, horizon: int, currency: str, budget: float | None) -> go.Figure:
    """Low-high bar of the total cost per option, the typical marked, the budget as a line.

    Options whose total is unknown because maintenance is unknown show their initial course in
    a lighter bar, labelled as a lower bound.
    """
    title = f"Total cost over {horizon} year{'s' if horizon != 1 else ''} ({currency}): low to high, typical marked"
    known = rows[rows["total_low"].notna() & rows["total_high"].notna()]
    partial = rows[~rows.index.isin(known.index) & rows["initial_low"].notna() & rows["initial_high"].notna()]
    if known.empty and partial.empty:
        return _empty(title, "No option has a known cost for these filters.")
    fig = go.Figure(layout=dict(title=title, **_LAYOUT))
    for frame, low, high, name, colour in (
        (known, "total_low", "total_high", "total over the horizon", "#4a6fa5"),
        (partial, "initial_low", "initial_high", "initial course only (maintenance unknown: total is at least this)", "#b8c7dd"),
    ):
        if frame.empty:
            continue
        fig.add_trace(go.Bar(
            y=[_label(n) for n in frame["name"]], x=frame[high] - frame[low], base=frame[low], orientation="h",
            name=name, marker_color=colour, customdata=frame[[low, high]].to_numpy(),
            hovertemplate="%{y}<br>low %{customdata[0]:,.0f}<br>high %{customdata[1]:,.0f}<extra></extra>",
        ))
    typical = known[known["total_typical"].notna()]
    if not typical.empty:
        fig.add_trace(go.Scatter(
            y=[_label(n) for n in typical["name"]], x=typical["total_typical"], mode="markers", name="typical",
            marker=dict(symbol="line-ns-open", size=18, color="#222", line=dict(width=3)),
            hovertemplate="%{y}<br>typical %{x:,.0f}<extra></extra>",
        ))
    if budget is not None:
        fig.add_vline(x=budget, line_dash="dash", line_color="#c0392b", annotation_text="budget")
    fig.update_layout(height=max(320, 30 * (len(known) + len(partial)) + 160), yaxis=dict(autorange="reversed"),
                      barmode="overlay", legend=dict(orientation="h", yanchor="top", y=-0.15, x=0))
    fig.update_xaxes(title=f"{currency}", tickformat=",.0f")
    return fig


def cost_downtime_figure(rows: pd.DataFrame, horizon: int, currency: str) -> go.Figure:
    """High cost estimate against longest downtime, coloured by risk tier; Pareto front marked."""
    title = "Cost against downtime, by risk tier (ringed: no other option is cheaper, quicker and safer at once)"
    known = rows[rows["total_high"].notna() & rows["downtime_days_high"].notna()]
    if known.empty:
        return _empty(title, "No option has both a known cost and a known downtime.")
    fig = go.Figure(layout=dict(title=dict(text=title, font=dict(size=13)), **_LAYOUT))
    for tier, group in known.groupby(known["risk_tier"].astype(int)):
        fig.add_trace(go.Scatter(
            x=group["total_high"], y=group["downtime_days_high"], mode="markers", name=f"risk tier {tier}",
            marker=dict(size=12, color=RISK_COLOURS[tier], line=dict(width=1, color="#333")),
            text=[_label(n) for n in group["name"]],
            hovertemplate="%{text}<br>cost up to %{x:,.0f}<br>downtime up to %{y} days<extra></extra>",
        ))
    front = known[known["pareto"]]
    fig.add_trace(go.Scatter(
        x=front["total_high"], y=front["downtime_days_high"], mode="markers+text", name="best trade-off",
        marker=dict(size=22, color="rgba(0,0,0,0)", line=dict(width=2, color="#000")),
        text=[_label(n) for n in front["name"]], textposition="top center", hoverinfo="skip",
    ))
    years = f"{horizon} year{'s' if horizon != 1 else ''}"
    fig.update_xaxes(title=f"Total cost over {years}, high estimate ({currency})", tickformat=",.0f")
    fig.update_yaxes(title="Downtime, longest (days)")
    return fig


def cumulative_figure(rows: pd.DataFrame, selected: list[str], horizon: int, currency: str) -> tuple[go.Figure, list[str]]:
    """Cumulative cost by year for the selected options, and sentences naming crossovers."""
    title = f"Cumulative cost over {horizon} year{'s' if horizon != 1 else ''} ({currency})"
    chosen = [i for i in selected if i in rows.index]
    if not chosen:
        return _empty(title, "Choose options in “Compare side by side” to see their cost year by year."), []
    years = list(range(horizon + 1))
    kind = "typical" if all(pd.notna(rows.loc[i, "session_typical"]) for i in chosen) else "high"
    fig = go.Figure(layout=dict(title=title, **_LAYOUT))
    series = {}
    for tid in chosen:
        values = costs.cumulative_cost(rows.loc[tid], kind, horizon)
        series[tid] = values
        fig.add_trace(go.Scatter(
            x=years, y=values, mode="lines+markers", name=_label(f"{rows.loc[tid, 'name']} ({kind})"),
            hovertemplate="year %{x}: %{y:,.0f}<extra></extra>",
        ))
    fig.update_xaxes(title="Years from the first treatment", dtick=1)
    fig.update_yaxes(title=currency, tickformat=",.0f", rangemode="tozero")
    sentences = []
    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            sentence = crossover_sentence(years, rows.loc[a, "name"], series[a], rows.loc[b, "name"], series[b])
            if sentence:
                sentences.append(sentence)
    return fig, sentences


def currency_of(market: str) -> str:
    return vocab.MARKET_CURRENCY[market]
