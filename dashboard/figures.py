"""Plotly figures built from a comparison frame, as plain figure dicts.

Plain dicts skip plotly.py's validation, which took most of a callback's time on small data;
plotly.js validates them in the browser anyway.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from dashboard.comparison import crossover, crossover_sentence

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


def _names(frame: pd.DataFrame) -> list[str]:
    """Option names for chart labels, escaped; '(your assumption)' where a figure rests on one."""
    assumed = frame["assumed"] if "assumed" in frame else pd.Series("", index=frame.index)
    return [_label(n) + (" (your assumption)" if isinstance(a, str) and a else "") for n, a in zip(frame["name"], assumed, strict=True)]


def _patterns(frame: pd.DataFrame) -> list[str]:
    """A hatched bar where the figure rests on the user's own assumption."""
    assumed = frame["assumed"] if "assumed" in frame else pd.Series("", index=frame.index)
    return ["/" if isinstance(a, str) and a else "" for a in assumed]


def _left_out(count: int) -> str:
    return "" if not count else f" · {count} option{'s' if count != 1 else ''} without a price not shown"


def cost_range_figure(rows: pd.DataFrame, horizon: int, currency: str, budget: float | None) -> dict:
    """Low-high bar of the total cost per option, the typical marked, the budget as a line.

    Open-ended totals ("at least $X": upkeep or sessions not published) are drawn as a lighter bar
    from the lower bound with an arrow at its end and the label "at least".
    """
    known = rows[rows["total_low"].notna() & rows["total_high"].notna()]
    open_ended = rows[rows["total_low"].notna() & rows["total_high"].isna()]
    left_out = len(rows) - len(known) - len(open_ended)
    title = f"Total cost over {_years(horizon)} ({currency}): low to high, typical marked{_left_out(left_out)}"
    if known.empty and open_ended.empty:
        return _empty(title, "No option has a price for these filters.")
    data = []
    if not known.empty:
        lows, highs = _numbers(known["total_low"]), _numbers(known["total_high"])
        data.append({
            "type": "bar", "orientation": "h", "name": "total over the horizon",
            "marker": {"color": "#4a6fa5", "pattern": {"shape": _patterns(known)}},
            "y": _names(known), "base": lows, "x": [h - lo for lo, h in zip(lows, highs, strict=True)],
            "customdata": [[lo, h] for lo, h in zip(lows, highs, strict=True)],
            "hovertemplate": "%{y}<br>low %{customdata[0]:,.0f}<br>high %{customdata[1]:,.0f}<extra></extra>",
        })
    if not open_ended.empty:
        lows = _numbers(open_ended["total_low"])
        reach = max([*lows, *(_numbers(known["total_high"]) if not known.empty else []), budget or 0]) * 1.15
        data.append({
            "type": "bar", "orientation": "h", "name": "at least this (upper bound not published)",
            "marker": {"color": "rgba(74,111,165,0.25)", "line": {"color": "#4a6fa5", "width": 1},
                       "pattern": {"shape": _patterns(open_ended)}},
            "y": _names(open_ended), "base": lows, "x": [max(reach - lo, 0) for lo in lows],
            "customdata": lows,
            "hovertemplate": "%{y}<br>at least %{customdata:,.0f}<extra></extra>",
        })
        data.append({
            "type": "scatter", "mode": "markers+text", "name": "open end", "showlegend": False, "hoverinfo": "skip",
            "y": _names(open_ended), "x": [reach] * len(lows),
            "marker": {"symbol": "triangle-right", "size": 12, "color": "#4a6fa5"},
            "text": ["at least"] * len(lows), "textposition": "middle left",
        })
    typical = known[known["total_typical"].notna()]
    if not typical.empty:
        data.append({
            "type": "scatter", "mode": "markers", "name": "typical",
            "y": _names(typical), "x": _numbers(typical["total_typical"]),
            "marker": {"symbol": "line-ns-open", "size": 18, "color": "#222", "line": {"width": 3}},
            "hovertemplate": "%{y}<br>typical %{x:,.0f}<extra></extra>",
        })
    layout = _layout(title, height=max(320, 30 * (len(known) + len(open_ended)) + 160), barmode="overlay")
    layout["yaxis"] = {**_AXIS, "autorange": "reversed", "type": "category"}
    layout["xaxis"] = {**_AXIS, "title": {"text": currency}, "tickformat": ",.0f", "rangemode": "tozero"}
    if budget is not None:
        layout["shapes"] = [{"type": "line", "x0": budget, "x1": budget, "xref": "x", "y0": 0, "y1": 1, "yref": "paper",
                             "line": {"dash": "dash", "color": "#c0392b"}}]
        layout["annotations"] = [{"x": budget, "y": 1, "xref": "x", "yref": "paper", "text": "budget",
                                  "showarrow": False, "yanchor": "bottom"}]
    return {"data": data, "layout": layout}


def cost_downtime_figure(rows: pd.DataFrame, horizon: int, currency: str) -> dict:
    """Cost against longest downtime, coloured by risk tier; Pareto front ringed.

    The cost is the high estimate; where the total is open-ended ("at least $X") the point sits at
    its lower bound as a right-pointing triangle labelled "at least".
    """
    cost = rows["total_high"].fillna(rows["total_low"])
    known = rows.assign(_cost=cost)[cost.notna() & rows["downtime_days_high"].notna()]
    left_out = len(rows) - len(known)
    title = ("Cost against downtime, by risk tier (ringed: no other option is cheaper, quicker and safer at once)"
             + (f"<br><sub>{left_out} option{'s' if left_out != 1 else ''} without a price or downtime not shown</sub>"
                if left_out else ""))
    if known.empty:
        return _empty(title, "No option has both a price and a known downtime.")
    data = []
    for tier, group in known.groupby(known["risk_tier"].astype(int)):
        open_end = group["total_high"].isna()
        symbols = ["star" if k == "your quote" else ("triangle-right" if o else "circle")
                   for k, o in zip(group.get("kind", pd.Series("published", index=group.index)), open_end, strict=True)]
        data.append({
            "type": "scatter", "mode": "markers", "name": f"risk tier {tier}",
            "x": _numbers(group["_cost"]), "y": _numbers(group["downtime_days_high"]),
            "marker": {"size": 12, "color": RISK_COLOURS[tier], "line": {"width": 1, "color": "#333"}, "symbol": symbols},
            "text": _names(group),
            "customdata": ["at least" if o else "up to" for o in open_end],
            "hovertemplate": "%{text}<br>cost %{customdata} %{x:,.0f}<br>downtime up to %{y} days<extra></extra>",
        })
    front = known[known["pareto"]]
    data.append({
        "type": "scatter", "mode": "markers+text", "name": "best trade-off", "hoverinfo": "skip",
        "x": _numbers(front["_cost"]), "y": _numbers(front["downtime_days_high"]),
        "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": "#000"}},
        "text": _names(front), "textposition": "top center",
    })
    layout = _layout(title)
    layout["xaxis"] = {**_AXIS, "title": {"text": f"Total cost over {_years(horizon)}, high estimate or "
                                                  f"\u201cat least\u201d (\u25b6) ({currency})"},
                       "tickformat": ",.0f", "rangemode": "tozero"}
    layout["yaxis"] = {**_AXIS, "title": {"text": "Downtime, longest (days)"}, "rangemode": "tozero"}
    return {"data": data, "layout": layout}


def cumulative_figure(rows: pd.DataFrame, selected: list[str], horizon: int, currency: str,
                      cumulative: dict | None = None, budget: float | None = None) -> tuple[dict, list[str]]:
    """Cumulative cost by year for the selected options as a low-high band (typical line where
    published), the budget line, and sentences naming crossovers (on the high estimates).

    `cumulative`: id -> {"low"|"typical"|"high": cost by the end of year 0..horizon}, from the model.
    """
    chosen = [i for i in selected if i in rows.index and cumulative and i in cumulative]
    priced = [i for i in chosen if not math.isnan(cumulative[i]["low"][0])]
    title = f"Cumulative cost over {_years(horizon)} ({currency}){_left_out(len(chosen) - len(priced))}"
    if not priced:
        message = ("Choose options in “Compare side by side” to see their cost year by year." if not chosen
                   else "None of the chosen options has a price in this market.")
        return _empty(title, message), []
    years = list(range(horizon + 1))
    palette = ["#4a6fa5", "#c0392b", "#2e8b57", "#8e44ad"]
    data = []
    for n, tid in enumerate(priced):
        colour = palette[n % len(palette)]
        name = _names(rows.loc[[tid]])[0]
        low, high = cumulative[tid]["low"], cumulative[tid]["high"]
        open_years = [y for y, v in zip(years, high, strict=True) if math.isnan(v)]
        data.append({"type": "scatter", "mode": "lines", "x": years, "y": [_num(v) for v in low],
                     "line": {"color": colour, "width": 1}, "name": f"{name}: low", "legendgroup": name,
                     "showlegend": False, "hovertemplate": "year %{x}: at least %{y:,.0f}<extra>" + name + "</extra>"})
        data.append({"type": "scatter", "mode": "lines", "x": years, "y": [_num(v) for v in high],
                     "line": {"color": colour, "width": 1, "dash": "dot" if open_years else "solid"},
                     "fill": "tonexty", "fillcolor": _fade(colour), "legendgroup": name,
                     "name": name + (" (upper bound open)" if open_years else " (low–high)"),
                     "hovertemplate": "year %{x}: up to %{y:,.0f}<extra>" + name + "</extra>"})
        typical = cumulative[tid]["typical"]
        if not any(math.isnan(v) for v in typical):
            data.append({"type": "scatter", "mode": "lines+markers", "x": years, "y": typical, "legendgroup": name,
                         "line": {"color": colour, "width": 3, "dash": ["solid", "dash", "dashdot", "longdash"][n % 4]},
                         "name": f"{name}: typical", "hovertemplate": "year %{x}: typical %{y:,.0f}<extra></extra>"})
    layout = _layout(title)
    layout["xaxis"] = {**_AXIS, "title": {"text": "Years from the first treatment"}, "dtick": 1}
    layout["yaxis"] = {**_AXIS, "title": {"text": currency}, "tickformat": ",.0f", "rangemode": "tozero"}
    if budget is not None:
        layout["shapes"] = [{"type": "line", "y0": budget, "y1": budget, "yref": "y", "x0": 0, "x1": 1, "xref": "paper",
                             "line": {"dash": "dash", "color": "#c0392b"}}]
    sentences = []
    for i, a in enumerate(priced):
        for b in priced[i + 1:]:
            sentence = crossover_sentence(years, rows.loc[a, "name"], cumulative[a]["high"], rows.loc[b, "name"],
                                          cumulative[b]["high"])
            if sentence:
                sentences.append(sentence)
                year = crossover(years, cumulative[a]["high"], cumulative[b]["high"])[0]
                layout.setdefault("shapes", []).append({
                    "type": "line", "x0": year, "x1": year, "xref": "x", "y0": 0, "y1": 1, "yref": "paper",
                    "line": {"dash": "dot", "color": "#555"}})
                layout.setdefault("annotations", []).append({
                    "x": year, "y": 1, "xref": "x", "yref": "paper", "text": f"crossover: year {year}",
                    "showarrow": False, "yanchor": "bottom"})
    return {"data": data, "layout": layout}, sentences


def _num(value: float):
    return None if isinstance(value, float) and math.isnan(value) else value


def _fade(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.15)"
