"""The parts every chart shares, as plain figure-dict pieces: the base layout and axis style, a title
with a note under it (wrapped to fit a phone), the legend below the plot, an empty chart with a message,
escaped option names (marked where they rest on the user's assumption or are a surgeon's fee), short
labels, "not drawn" notes, money axes, the budget line and legend-only entries.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.output.assumption_words import has_assumption

AXIS = {"gridcolor": "#e5e5e5", "zerolinecolor": "#cccccc", "automargin": True}
# Plotly titles do not wrap: lines are broken at these widths (characters), which fit a 390 px phone.
TITLE_WIDTH, NOTE_WIDTH = 44, 58
TITLE_LINE, NOTE_LINE, LEGEND_ROW = 19, 15, 20  # px per title line, note line, legend entry
AXIS_ROOM = 62  # px under the plot for the x tick labels and the axis title, above the legend
# The columns the charts read. A chart reads each option once, as a dict of these, and works on plain values:
# a few options, where every pandas selection would cost more than the chart itself.
CHART_COLUMNS = (
    "id",
    "name",
    "assumed",
    "kind",
    "basis",
    "total_low",
    "total_typical",
    "total_high",
    "total_open",
    "initial_low",
    "initial_high",
    "initial_open",
    "maintenance_low",
    "maintenance_high",
    "downtime_days_high",
    "risk_tier",
    "pareto",
)
SURGEON_FEE_MARK = "†"
SURGEON_FEE_ENTRY = f"{SURGEON_FEE_MARK} surgeon's fee only: excludes anaesthesia and facility"
QUOTE_COLOUR = "#8e44ad"

# A figure as plotly.js reads it, or a part of one (a trace, the layout, an axis, a shape): a plain dict of JSON
# values, never validated by plotly.py.
FigureDict = dict[str, Any]
# An option as the charts read it: a dict of CHART_COLUMNS as plain values (display.plain_records).
Option = dict[str, Any]


def escaped(text: object) -> str:
    """Data text is escaped before plotly renders its pseudo-HTML."""
    return html.escape(str(text), quote=True)


def base_layout(title: str, note: str | None = None, above_plot: int = 0, **extra: Any) -> FigureDict:
    """A chart's layout: title with `note` under it (see `title_with_note`; each wrapped once, with room above
    the plot for their lines and `above_plot` px, see `top_margin`), margins, white background, light grid, the
    legend below the plot (see `legend_below`); `extra` overrides."""
    title_text, note_text = _title_wrapped(title, note)
    layout = {
        "title": _title_dict(title_text, note_text),
        "margin": {"l": 10, "r": 10, "t": _top_px(title_text, note_text, above_plot), "b": AXIS_ROOM + 10},
        "height": 420,
        "font": {"size": 12},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": dict(AXIS),
        "yaxis": dict(AXIS),
        "legend": legend_below(),
    }
    layout.update(extra)
    return layout


def empty_figure(title: str, message: str, note: str | None = None) -> FigureDict:
    """A chart with no data and no axes, saying `message` in its middle."""
    layout = base_layout(title, note, xaxis={"visible": False}, yaxis={"visible": False})
    layout["annotations"] = [
        {"text": escaped(message), "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper"}
    ]
    return {"data": [], "layout": layout}


def years_text(horizon: int) -> str:
    """'1 year', '5 years'."""
    return f"{horizon} year{'s' if horizon != 1 else ''}"


def plain_name(name: object, assumed: object = None, basis: object = None) -> str:
    """An option's name as charts show it (not escaped): '(your assumption)' where a figure rests on one,
    '†' where the price is a surgeon's fee only."""
    text = str(name) + (" (your assumption)" if has_assumption(assumed) else "")
    return text + (f" {SURGEON_FEE_MARK}" if basis == "surgeon-fee" else "")


def legend_below() -> FigureDict:
    """A one-column legend under the plot, in the figure's bottom margin (never over a title); the figure's
    bottom margin must be `bottom_margin(entries)`."""
    return {
        "orientation": "v",
        "yref": "container",
        "y": 0,
        "yanchor": "bottom",
        "x": 0,
        "xanchor": "left",
        "font": {"size": 11},
        "tracegroupgap": 0,
    }


def bottom_margin(entries: int) -> int:
    """The bottom margin in px for the x axis and a legend of `entries` one-line entries."""
    return AXIS_ROOM + LEGEND_ROW * entries + 8


def legend_entry(name: str, **style: Any) -> FigureDict:
    """A trace drawn nowhere, for a legend entry of its own (`style`: mode, marker, line)."""
    return {"type": "scatter", "x": [None], "y": [None], "name": name, "hoverinfo": "skip", "mode": "markers", **style}


def budget_entry(budget: float, symbol: str) -> FigureDict:
    """The budget as a legend entry (a dashed red line), so its label never sits on the markers."""
    return legend_entry(
        f"your budget {symbol}{budget:,.0f}", mode="lines", line={"dash": "dash", "color": "#c0392b", "width": 2}
    )


def surgeon_fee_entry() -> FigureDict:
    """The legend entry that explains the '†' on a surgeon's fee."""
    return legend_entry(SURGEON_FEE_ENTRY, marker={"color": "rgba(0,0,0,0)", "size": 1})


def quote_entry() -> FigureDict:
    """The legend entry for the user's quotes (drawn in QUOTE_COLOUR)."""
    return legend_entry("your quote", marker={"color": QUOTE_COLOUR, "symbol": "square", "size": 10})


def cost_span_bar(spans: Sequence[float]) -> FigureDict:
    """A point's error bar drawn to the right only: from its lowest cost to its highest (`spans`, money; 0 where
    the highest is open or unknown)."""
    return {
        "type": "data",
        "symmetric": False,
        "array": list(spans),
        "arrayminus": [0] * len(spans),
        "color": "#888",
        "thickness": 1.5,
        "width": 4,
    }


def option_marker(group: Sequence[Option], colour: str) -> FigureDict:
    """The markers of a group of options in `colour`, the person's quotes ringed in QUOTE_COLOUR."""
    return {
        "size": 12,
        "color": colour,
        "line": {
            "width": [3 if is_quote(o) else 1 for o in group],
            "color": [QUOTE_COLOUR if is_quote(o) else "#333" for o in group],
        },
    }


# The white space textwrap turns into spaces (a text with it is not plain: see `wrap_lines`).
_OTHER_SPACE = re.compile(r"[\t\n\x0b\x0c\r]")


def wrap_lines(text: str, width: int) -> list[str]:
    """`textwrap.wrap(text, width, break_on_hyphens=False)`: the lines (none for no text), worked out directly for
    plain text (words one space apart, none longer than `width` characters or of white space alone) as a chart's
    titles, notes and names are, several times faster; any other text by textwrap."""
    words = text.split(" ")
    plain = width > 0 and not _OTHER_SPACE.search(text) and all(0 < len(w) <= width and w.strip() for w in words)
    if not plain:  # textwrap drops a word of white space alone (str.strip's) at a line's ends
        return textwrap.wrap(text, width, break_on_hyphens=False)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def wrapped(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` characters (a longer word keeps its own line), escaped."""
    return [escaped(line) for line in wrap_lines(str(text), width)] or [""]


def short_label(name: str, width: int = 18, lines: int = 2) -> str:
    """An option name for an axis or a legend: at most `lines` lines of `width` characters joined by <br>,
    cut with '…' where longer (the full name goes in the hover text); escaped."""
    parts = wrap_lines(str(name), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "<br>".join(escaped(p) for p in parts)


def _title_wrapped(title: str, note: str | None) -> tuple[list[str], list[str]]:
    """The title's lines and the note's (none without a note), each wrapped once (`wrapped`)."""
    return wrapped(title, TITLE_WIDTH), wrapped(note, NOTE_WIDTH) if note else []


def title_lines(title: str, note: str | None = None) -> tuple[int, int]:
    """How many lines the wrapped title and note take."""
    title_text, note_text = _title_wrapped(title, note)
    return len(title_text), len(note_text)


def _top_px(title_text: list[str], note_text: list[str], above_plot: int) -> int:
    """`top_margin` from the wrapped lines of the title and the note."""
    return 16 + TITLE_LINE * len(title_text) + NOTE_LINE * len(note_text) + 8 + above_plot


def top_margin(title: str, note: str | None = None, above_plot: int = 0) -> int:
    """The top margin in px: the title's and the note's lines, and `above_plot` px for labels on the plot's top."""
    return _top_px(*_title_wrapped(title, note), above_plot)


def title_with_note(title: str, note: str | None = None) -> FigureDict:
    """The title, with `note` (escaped) under it in small grey type, at the top left; both wrapped with <br>
    at widths that fit a phone (plotly titles do not wrap on their own)."""
    return _title_dict(*_title_wrapped(title, note))


def _title_dict(title_text: list[str], note_text: list[str]) -> FigureDict:
    """`title_with_note` from the wrapped lines of the title and the note (escaped)."""
    text = "<br>".join(title_text) + "".join(
        f"<br><span style='font-size:11px;color:#555'>{line}</span>" for line in note_text
    )
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


def money_axis(symbol: str, title: str) -> FigureDict:
    """An axis of amounts from 0, ticks with the currency symbol and thousands separators."""
    return {**AXIS, "title": {"text": title}, "tickprefix": symbol, "tickformat": ",.0f", "rangemode": "tozero"}


def budget_line(budget: float, axis: str) -> FigureDict:
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


def padded_range(values: Sequence[float | None]) -> list[float]:
    """An axis range from 0 that leaves room around the points, even for one point or equal values."""
    top = max([v for v in values if v is not None] or [0])
    return [0, top * 1.2 if top > 0 else 1]


def number(value: Any) -> float | None:
    """A JSON-safe number: unknown (None, NA, NaN) becomes None."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def known_number(value: Any) -> float:
    """A number the caller knows is there (an option drawn with it), as `number` gives it."""
    return float(value)


def known_numbers(options: Sequence[Option], column: str) -> list[float]:
    """A column of options drawn with it (known in each), as `number` gives each."""
    return [known_number(o.get(column)) for o in options]


def flag(value: Any) -> bool:
    """A true/false column that may be unknown: unknown is False."""
    return number(value) is not None and bool(value)


def is_open(option: Option) -> bool:
    """A total with a known lower bound and an open upper bound ("at least")."""
    return number(option["total_low"]) is not None and (
        number(option["total_high"]) is None or flag(option.get("total_open"))
    )


def is_quote(option: Option) -> bool:
    return option.get("kind") == "your quote"


def is_fee(option: Option) -> bool:
    """The price is a surgeon's fee only."""
    return option.get("basis") == "surgeon-fee"


def is_assumed(option: Option) -> bool:
    return has_assumption(option.get("assumed"))


def full_name(option: Option) -> str:
    """The option's full name for hover text, escaped, marked as `plain_name` marks it."""
    return escaped(plain_name(option["name"], option.get("assumed"), option.get("basis")))


def short_name(option: Option, width: int = 18, lines: int = 2) -> str:
    """The option's short label (see `short_label`), '†' after it for a surgeon's fee; escaped."""
    label = short_label(plain_name(option["name"], option.get("assumed")), width, lines)
    return label + (f" {SURGEON_FEE_MARK}" if is_fee(option) else "")


def shown_entries(data: Sequence[FigureDict]) -> int:
    """How many legend entries the traces of `data` show."""
    return sum(1 for t in data if t.get("showlegend", True))
