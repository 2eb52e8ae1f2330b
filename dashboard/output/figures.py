"""Plotly figures built from a comparison frame, as plain figure dicts.

Plain dicts skip plotly.py's validation, which took most of a callback's time on small data;
plotly.js validates them in the browser anyway.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from dashboard import vocab

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
        "title": {"text": title, "font": {"size": 14}, "x": 0, "xanchor": "left"},
        "margin": {"l": 10, "r": 10, "t": 100, "b": 50},
        "height": 420,
        "font": {"size": 12},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": dict(_AXIS),
        "yaxis": dict(_AXIS),
        # legend above the plot, under the title: it never meets the x axis title
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    }
    layout.update(extra)
    return layout


def _empty(title: str, message: str, note: str | None = None) -> dict:
    layout = _layout(title, xaxis={"visible": False}, yaxis={"visible": False})
    layout["title"] = _title(title, note)
    layout["annotations"] = [
        {"text": _label(message), "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper"}
    ]
    return {"data": [], "layout": layout}


def _years(horizon: int) -> str:
    return f"{horizon} year{'s' if horizon != 1 else ''}"


def _names(frame: pd.DataFrame) -> list[str]:
    """Option names for chart labels, escaped; '(your assumption)' where a figure rests on one."""
    assumed = frame["assumed"] if "assumed" in frame else pd.Series("", index=frame.index)
    return [
        _label(n) + (" (your assumption)" if isinstance(a, str) and a else "")
        for n, a in zip(frame["name"], assumed, strict=True)
    ]


def _patterns(frame: pd.DataFrame) -> list[str]:
    """A hatched bar where the figure rests on the user's own assumption."""
    assumed = frame["assumed"] if "assumed" in frame else pd.Series("", index=frame.index)
    return ["/" if isinstance(a, str) and a else "" for a in assumed]


def _title(title: str, note: str | None = None) -> dict:
    text = title if not note else f"{title}<br><span style='font-size:11px;color:#555'>{_label(note)}</span>"
    return {
        "text": text,
        "font": {"size": 14},
        "x": 0,
        "xanchor": "left",
        "y": 1,
        "yanchor": "top",
        "yref": "container",
        "pad": {"t": 12, "l": 4},
    }


def _left_out(n: int, why: str = "no price") -> str | None:
    """'2 options shown in the table are not drawn: no price.'"""
    if not n:
        return None
    return f"{n} option{'s' if n != 1 else ''} in the table {'are' if n != 1 else 'is'} not drawn: {why}."


def _money_axis(symbol: str, title: str) -> dict:
    return {**_AXIS, "title": {"text": title}, "tickprefix": symbol, "tickformat": ",.0f", "rangemode": "tozero"}


def _is_open(frame: pd.DataFrame) -> pd.Series:
    """Totals with a known lower bound and an open upper bound ("at least")."""
    flag = frame["total_open"].fillna(False).astype(bool) if "total_open" in frame else False
    return frame["total_low"].notna() & (frame["total_high"].isna() | flag)


FADE = (0.55, 0.3, 0.12)


def cost_range_figure(rows: pd.DataFrame, horizon: int, currency: str, budget: float | None) -> dict:
    """Low-high bar of the total cost per option, the typical marked, the budget as a line.

    An open-ended total ("at least" its lower bound) is drawn from its lower bound as a fading
    bar ending in an arrow, labelled "at least". Options without any price are counted in a note.
    """
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = f"Total cost over {_years(horizon)}: low to high, typical marked"
    is_open = _is_open(rows)
    closed = rows[rows["total_low"].notna() & rows["total_high"].notna() & ~is_open]
    open_ = rows[is_open]
    note = _left_out(len(rows) - len(closed) - len(open_))
    if closed.empty and open_.empty:
        return _empty(title, "No option shown has a price for these filters.", note)
    names = _names(rows.loc[closed.index.union(open_.index, sort=False)])
    top = max([*closed["total_high"].tolist(), *open_["total_low"].tolist(), budget or 0])
    end = top * 1.25 if top > 0 else 1
    data = []
    if not closed.empty:
        lows, highs = _numbers(closed["total_low"]), _numbers(closed["total_high"])
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": "total: low to high",
                "marker": {"color": "#4a6fa5", "pattern": {"shape": _patterns(closed)}},
                "y": _names(closed),
                "base": lows,
                "x": [max(h - lo, top * 0.004) for lo, h in zip(lows, highs, strict=True)],
                "customdata": [[lo, h] for lo, h in zip(lows, highs, strict=True)],
                "hovertemplate": f"%{{y}}<br>{symbol}%{{customdata[0]:,.0f}} to {symbol}%{{customdata[1]:,.0f}}<extra></extra>",
            }
        )
    if not open_.empty:
        lows = _numbers(open_["total_low"])
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
    typical = closed[closed["total_typical"].notna()]
    if not typical.empty:
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "typical",
                "y": _names(typical),
                "x": _numbers(typical["total_typical"]),
                "marker": {"symbol": "line-ns-open", "size": 18, "color": "#222", "line": {"width": 3}},
                "hovertemplate": f"%{{y}}<br>typical {symbol}%{{x:,.0f}}<extra></extra>",
            }
        )
    layout = _layout(title, height=max(320, 34 * len(names) + 190), barmode="overlay")
    layout["title"] = _title(title, note)
    layout["yaxis"] = {
        **_AXIS,
        "autorange": "reversed",
        "type": "category",
        "categoryorder": "array",
        "categoryarray": names,
    }
    layout["xaxis"] = {**_money_axis(symbol, f"Total over {_years(horizon)} ({currency})"), "range": [0, end * 1.02]}
    if budget is not None:
        layout["shapes"] = [_budget_line(budget, "x")]
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


def _budget_line(budget: float, axis: str) -> dict:
    if axis == "x":
        return {
            "type": "line",
            "x0": budget,
            "x1": budget,
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"dash": "dash", "color": "#c0392b"},
        }
    return {
        "type": "line",
        "y0": budget,
        "y1": budget,
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "xref": "paper",
        "line": {"dash": "dash", "color": "#c0392b"},
    }


def _padded(values: list[float]) -> list[float]:
    """An axis range from 0 that leaves room around the points, even for one point or equal values."""
    top = max([v for v in values if v is not None] or [0])
    return [0, top * 1.2 if top > 0 else 1]


def cost_downtime_figure(rows: pd.DataFrame, horizon: int, currency: str) -> dict:
    """Total cost (lower bound, with a bar to the upper) against longest downtime, coloured by risk
    tier; open-ended totals drawn as right-pointing triangles; Pareto front ringed."""
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = "Cost against downtime, by risk tier"
    subtitle = "Ringed: no other option is cheaper, quicker and safer at once."
    known = rows[rows["total_low"].notna() & rows["downtime_days_high"].notna()]
    no_price = int(rows["total_low"].isna().sum())
    no_downtime = int((rows["total_low"].notna() & rows["downtime_days_high"].isna()).sum())
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
    if known.empty:
        return _empty(title, "No option shown has both a price and a published downtime.", note)
    is_open = _is_open(known)
    data = []
    for tier, group in known.groupby(known["risk_tier"].astype(int)):
        opened = is_open.loc[group.index]
        lows, highs = _numbers(group["total_low"]), _numbers(group["total_high"])
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": f"risk tier {tier}",
                "x": lows,
                "y": _numbers(group["downtime_days_high"]),
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
                        "triangle-right" if o else ("star" if k == "your quote" else "circle")
                        for o, k in zip(
                            opened, group.get("kind", pd.Series("published", index=group.index)), strict=True
                        )
                    ],
                },
                "text": _names(group),
                "customdata": ["at least " if o else "from " for o in opened],
                "hovertemplate": f"%{{text}}<br>%{{customdata}}{symbol}%{{x:,.0f}}<br>downtime up to %{{y}} days<extra></extra>",
            }
        )
    front = known[known["pareto"]] if "pareto" in known else known.iloc[0:0]
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "best trade-off",
            "hoverinfo": "skip",
            "x": _numbers(front["total_low"]),
            "y": _numbers(front["downtime_days_high"]),
            "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": "#000"}},
            "text": _names(front),
            "textposition": "top center",
        }
    )
    layout = _layout(title)
    layout["title"] = _title(title, subtitle + (" " + note if note else ""))
    x_values = _numbers(known["total_low"]) + [
        h for h, o in zip(_numbers(known["total_high"]), is_open, strict=True) if not o
    ]
    layout["xaxis"] = {
        **_money_axis(symbol, f"Total over {_years(horizon)}, lower bound; bar to the upper ({currency})"),
        "range": _padded(x_values),
    }
    layout["yaxis"] = {
        **_AXIS,
        "title": {"text": "Downtime, longest (days)"},
        "range": _padded(_numbers(known["downtime_days_high"])),
    }
    return {"data": data, "layout": layout}
