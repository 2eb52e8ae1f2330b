"""The parts every chart shares, as plain figure-dict pieces: the base layout and axis style, a title
with a note under it, an empty chart with a message, escaped option names (marked where they rest on
the user's assumption), "not drawn" notes, money axes and the budget line.
"""

from __future__ import annotations

import html

import pandas as pd

AXIS = {"gridcolor": "#e5e5e5", "zerolinecolor": "#cccccc", "automargin": True}


def escaped(text) -> str:
    """Data text is escaped before plotly renders its pseudo-HTML."""
    return html.escape(str(text), quote=True)


def base_layout(title: str, **extra) -> dict:
    """A chart's layout: title, margins, white background, light grid, legend above the plot; `extra` overrides."""
    layout = {
        "title": {"text": title, "font": {"size": 14}, "x": 0, "xanchor": "left"},
        "margin": {"l": 10, "r": 10, "t": 100, "b": 50},
        "height": 420,
        "font": {"size": 12},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": dict(AXIS),
        "yaxis": dict(AXIS),
        # legend above the plot, under the title: it never meets the x axis title
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    }
    layout.update(extra)
    return layout


def empty_figure(title: str, message: str, note: str | None = None) -> dict:
    """A chart with no data and no axes, saying `message` in its middle."""
    layout = base_layout(title, xaxis={"visible": False}, yaxis={"visible": False})
    layout["title"] = title_with_note(title, note)
    layout["annotations"] = [
        {"text": escaped(message), "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper"}
    ]
    return {"data": [], "layout": layout}


def years_text(horizon: int) -> str:
    """'1 year', '5 years'."""
    return f"{horizon} year{'s' if horizon != 1 else ''}"


def option_names(frame: pd.DataFrame) -> list[str]:
    """Option names for chart labels, escaped; '(your assumption)' where a figure rests on one."""
    assumed = frame["assumed"] if "assumed" in frame else pd.Series("", index=frame.index)
    return [
        escaped(n) + (" (your assumption)" if isinstance(a, str) and a else "")
        for n, a in zip(frame["name"], assumed, strict=True)
    ]


def title_with_note(title: str, note: str | None = None) -> dict:
    """The title, with `note` (escaped) under it in small grey type, at the top left."""
    text = title if not note else f"{title}<br><span style='font-size:11px;color:#555'>{escaped(note)}</span>"
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


def left_out_note(n: int, why: str = "no price") -> str | None:
    """'2 options shown in the table are not drawn: no price.'"""
    if not n:
        return None
    return f"{n} option{'s' if n != 1 else ''} in the table {'are' if n != 1 else 'is'} not drawn: {why}."


def money_axis(symbol: str, title: str) -> dict:
    """An axis of amounts from 0, ticks with the currency symbol and thousands separators."""
    return {**AXIS, "title": {"text": title}, "tickprefix": symbol, "tickformat": ",.0f", "rangemode": "tozero"}


def budget_line(budget: float, axis: str) -> dict:
    """A dashed red line at the budget across the plot, on the x axis (`axis` "x") or the y axis."""
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


def padded_range(values: list[float]) -> list[float]:
    """An axis range from 0 that leaves room around the points, even for one point or equal values."""
    top = max([v for v in values if v is not None] or [0])
    return [0, top * 1.2 if top > 0 else 1]
