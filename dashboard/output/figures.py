"""The charts of the options shown, built from a comparison frame as plain figure dicts: total cost
low to high (`cost_range_figure`) and cost against downtime (`cost_downtime_figure`). Their shared
parts are in `chart_parts`; the cost year by year of the chosen options is `cumulative`.

Plain dicts skip plotly.py's validation, which took most of a callback's time on small data;
plotly.js validates them in the browser anyway.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard import vocab
from dashboard.output import display
from dashboard.output.chart_parts import (
    AXIS,
    base_layout,
    budget_line,
    empty_figure,
    escaped,
    left_out_note,
    money_axis,
    padded_range,
    title_with_note,
    years_text,
)

# The columns the charts read. A chart reads each option once, as a dict of these, and works on plain values:
# a few options, where every pandas selection would cost more than the chart itself.
CHART_COLUMNS = (
    "name",
    "assumed",
    "kind",
    "total_low",
    "total_typical",
    "total_high",
    "total_open",
    "downtime_days_high",
    "risk_tier",
    "pareto",
)
RISK_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fee08b", 4: "#fc8d59", 5: "#d73027"}
FADE = (0.55, 0.3, 0.12)  # opacity of the steps of an open-ended ("at least") bar


def _number(value) -> float | None:
    """A JSON-safe number: unknown becomes None."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _numbers(options: list[dict], column: str) -> list[float | None]:
    return [_number(o[column]) for o in options]


def _assumed(option: dict) -> bool:
    assumed = option.get("assumed")
    return isinstance(assumed, str) and bool(assumed)


def _names(options: list[dict]) -> list[str]:
    """Option names for chart labels, escaped; '(your assumption)' where a figure rests on one."""
    return [escaped(o["name"]) + (" (your assumption)" if _assumed(o) else "") for o in options]


def _open(option: dict) -> bool:
    """A total with a known lower bound and an open upper bound ("at least")."""
    flag = option.get("total_open")
    flagged = _number(flag) is not None and bool(flag)
    return _number(option["total_low"]) is not None and (_number(option["total_high"]) is None or flagged)


def cost_range_figure(rows: pd.DataFrame, horizon: int, currency: str, budget: float | None) -> dict:
    """Low-high bar of the total cost per option, the typical marked where there is one, the budget as a line.

    An open-ended total ("at least" its lower bound) is drawn from its lower bound as a fading
    bar ending in an arrow, labelled "at least". Options without any price are counted in a note.
    """
    options = display.plain_records(rows, CHART_COLUMNS)
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = f"Total cost over {years_text(horizon)}: low to high"
    open_ = [o for o in options if _open(o)]
    closed = [
        o
        for o in options
        if _number(o["total_low"]) is not None and _number(o["total_high"]) is not None and not _open(o)
    ]
    note = left_out_note(len(options) - len(closed) - len(open_))
    if not closed and not open_:
        return empty_figure(title, "No option shown has a price for these filters.", note)
    names = _names(closed + open_)
    top = max([*(o["total_high"] for o in closed), *(o["total_low"] for o in open_), budget or 0])
    end = top * 1.25 if top > 0 else 1
    data = []
    if closed:
        lows, highs = _numbers(closed, "total_low"), _numbers(closed, "total_high")
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": "total: low to high",
                "marker": {"color": "#4a6fa5", "pattern": {"shape": ["/" if _assumed(o) else "" for o in closed]}},
                "y": _names(closed),
                "base": lows,
                "x": [max(h - lo, top * 0.004) for lo, h in zip(lows, highs, strict=True)],
                "customdata": [[lo, h] for lo, h in zip(lows, highs, strict=True)],
                "hovertemplate": f"%{{y}}<br>{symbol}%{{customdata[0]:,.0f}} to {symbol}%{{customdata[1]:,.0f}}<extra></extra>",
            }
        )
    if open_:
        lows = _numbers(open_, "total_low")
        ys = _names(open_)
        step = [(end - lo) / len(FADE) for lo in lows]
        for k, opacity in enumerate(FADE):
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": "at least (upper bound not known)",
                    "legendgroup": "open",
                    "showlegend": k == 0,
                    "marker": {"color": f"rgba(74,111,165,{opacity})"},
                    "y": ys,
                    "base": [lo + k * st for lo, st in zip(lows, step, strict=True)],
                    "x": step,
                    "customdata": lows,
                    "hovertemplate": f"%{{y}}<br>at least {symbol}%{{customdata:,.0f}}<extra></extra>",
                }
            )
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": "at least",
                "showlegend": False,
                "hoverinfo": "skip",
                "y": ys,
                "x": [end] * len(ys),
                "marker": {"symbol": "triangle-right", "size": 12, "color": "rgba(74,111,165,0.5)"},
                "text": [f"at least {symbol}{lo:,.0f}" for lo in lows],
                "textposition": "middle left",
                "textfont": {"size": 11, "color": "#1f3a60"},
            }
        )
    typical = [o for o in closed if _number(o["total_typical"]) is not None]
    if typical:
        title += ", typical marked"  # said only where a typical figure is drawn
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "typical",
                "y": _names(typical),
                "x": _numbers(typical, "total_typical"),
                "marker": {"symbol": "line-ns-open", "size": 18, "color": "#222", "line": {"width": 3}},
                "hovertemplate": f"%{{y}}<br>typical {symbol}%{{x:,.0f}}<extra></extra>",
            }
        )
    layout = base_layout(title, height=max(320, 34 * len(names) + 190), barmode="overlay")
    layout["title"] = title_with_note(title, note)
    layout["yaxis"] = {
        **AXIS,
        "autorange": "reversed",
        "type": "category",
        "categoryorder": "array",
        "categoryarray": names,
    }
    layout["xaxis"] = {**money_axis(symbol, f"Total over {years_text(horizon)} ({currency})"), "range": [0, end * 1.02]}
    if budget is not None:
        layout["shapes"] = [budget_line(budget, "x")]
        layout["annotations"] = [
            {
                "x": budget,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "text": f"budget {symbol}{budget:,.0f}",
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"color": "#c0392b"},
            }
        ]
    return {"data": data, "layout": layout}


def cost_downtime_figure(rows: pd.DataFrame, horizon: int, currency: str) -> dict:
    """Total cost (lower bound, with a bar to the upper) against longest downtime, coloured by risk
    tier; open-ended totals drawn as right-pointing triangles; Pareto front ringed."""
    options = display.plain_records(rows, CHART_COLUMNS)
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = "Cost against downtime, by risk tier"
    subtitle = "Ringed: no other option is cheaper, quicker and safer at once."
    priced = [o for o in options if _number(o["total_low"]) is not None]
    known = [o for o in priced if _number(o["downtime_days_high"]) is not None]
    no_price = len(options) - len(priced)
    no_downtime = len(priced) - len(known)
    why = "; ".join(
        p
        for p in (
            f"{no_price} without a price" if no_price else "",
            f"{no_downtime} without a published downtime" if no_downtime else "",
        )
        if p
    )
    note = (
        f"{no_price + no_downtime} option{'s' if no_price + no_downtime != 1 else ''} in the table not drawn ({why})."
        if why
        else None
    )
    if not known:
        return empty_figure(title, "No option shown has both a price and a published downtime.", note)
    data = []
    for tier in sorted({int(o["risk_tier"]) for o in known}):
        group = [o for o in known if int(o["risk_tier"]) == tier]
        opened = [_open(o) for o in group]
        lows, highs = _numbers(group, "total_low"), _numbers(group, "total_high")
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": f"risk tier {tier}",
                "x": lows,
                "y": _numbers(group, "downtime_days_high"),
                "error_x": {
                    "type": "data",
                    "symmetric": False,
                    "array": [
                        (h - lo) if h is not None and not o else 0 for lo, h, o in zip(lows, highs, opened, strict=True)
                    ],
                    "arrayminus": [0] * len(lows),
                    "color": "#888",
                    "thickness": 1.5,
                    "width": 4,
                },
                "marker": {
                    "size": 12,
                    "color": RISK_COLOURS[tier],
                    "line": {"width": 1, "color": "#333"},
                    "symbol": [
                        "triangle-right"
                        if o
                        else ("star" if option.get("kind", "published") == "your quote" else "circle")
                        for o, option in zip(opened, group, strict=True)
                    ],
                },
                "text": _names(group),
                "customdata": ["at least " if o else "from " for o in opened],
                "hovertemplate": f"%{{text}}<br>%{{customdata}}{symbol}%{{x:,.0f}}<br>downtime up to %{{y}} days<extra></extra>",
            }
        )
    front = [o for o in known if o.get("pareto") is True]
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "best trade-off",
            "hoverinfo": "skip",
            "x": _numbers(front, "total_low"),
            "y": _numbers(front, "downtime_days_high"),
            "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": "#000"}},
            "text": _names(front),
            "textposition": "top center",
        }
    )
    layout = base_layout(title)
    layout["title"] = title_with_note(title, subtitle + (" " + note if note else ""))
    x_values = _numbers(known, "total_low") + [_number(o["total_high"]) for o in known if not _open(o)]
    layout["xaxis"] = {
        **money_axis(symbol, f"Total over {years_text(horizon)}, lower bound; bar to the upper ({currency})"),
        "range": padded_range(x_values),
    }
    layout["yaxis"] = {
        **AXIS,
        "title": {"text": "Downtime, longest (days)"},
        "range": padded_range(_numbers(known, "downtime_days_high")),
    }
    return {"data": data, "layout": layout}
