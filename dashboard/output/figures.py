"""The charts of the options shown, built from a comparison frame as plain figure dicts: total cost
low to high (`cost_range_figure`) and cost against downtime (`cost_downtime_figure`, its numbered points
named in `cost_downtime_key`). Their shared parts are in `chart_parts`; the cost year by year of the
chosen options is `cumulative`.

Plain dicts skip plotly.py's validation, which took most of a callback's time on small data;
plotly.js validates them in the browser anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard import vocab
from dashboard.output import display
from dashboard.output.chart_parts import (
    AXIS,
    CHART_COLUMNS,
    QUOTE_COLOUR,
    FigureDict,
    Option,
    base_layout,
    bottom_margin,
    budget_entry,
    budget_line,
    empty_figure,
    flag,
    full_name,
    is_assumed,
    is_fee,
    is_open,
    is_quote,
    known_number,
    known_numbers,
    left_out_note,
    money_axis,
    number,
    quote_entry,
    short_name,
    shown_entries,
    surgeon_fee_entry,
    years_text,
)
from dashboard.output.display import RowLike
from dashboard.output.downtime_chart import cost_downtime_figure, cost_downtime_key

__all__ = ["cost_downtime_figure", "cost_downtime_key", "cost_range_figure", "known_part"]

BAR, OPEN_PART = "#4a6fa5", "rgba(74,111,165,0.3)"
# The length of the marker after an open ("at least") bar, as a share of the largest known figure: the
# same for every open bar, so "at least $90" and "at least $2,509" end where their known parts end.
OPEN_MARK = 0.08
OPEN_ENTRY = "more not published: the total is at least"
ROW_PX = 44  # px per option in the cost chart (labels take two lines)


def _numbers(options: list[Option], column: str) -> list[float | None]:
    return [number(o.get(column)) for o in options]


def _key(option: Option) -> str:
    """The option's category on an axis: its id (unique, even where two short labels are alike)."""
    return option["id"] if isinstance(option.get("id"), str) else str(option["name"])


def known_part(option: Option) -> tuple[float, float, bool]:
    """(from, to, course) in money: the known part of an open total. Where the initial course's range is
    known, from the total's lower bound to the course's upper figure plus the least upkeep, and `course`
    True; otherwise the lower bound alone (from == to)."""
    low = known_number(option["total_low"])  # an open total's lower bound is known (is_open)
    course_low, course_high = number(option.get("initial_low")), number(option.get("initial_high"))
    if course_low is None or course_high is None or flag(option.get("initial_open")):
        return low, low, False
    return low, max(low, course_high + (number(option.get("maintenance_low")) or 0.0)), True


def _open_words(option: Option, symbol: str) -> str:
    """Hover text of an open bar: what is known and what is not published."""
    low, _, course = known_part(option)
    if not course:
        return f"at least {symbol}{low:,.0f}: no upper figure is published"
    course_text = (
        f"course {symbol}{number(option['initial_low']):,.0f} to {symbol}{number(option['initial_high']):,.0f}"
    )
    more = "upkeep not published" if number(option.get("maintenance_high")) is None else "more not published"
    return f"at least {symbol}{low:,.0f}: {course_text}, + {more}"


def cost_range_figure(
    rows: pd.DataFrame | Sequence[RowLike], horizon: int, currency: str, budget: float | None
) -> FigureDict:
    """Low-high bar of the total cost per option, the typical marked where there is one, the budget as a
    line with a legend entry.

    An open total ("at least" its lower bound) is drawn as its known part (the initial course where its
    range is known) and then a marker of fixed length (OPEN_MARK of the largest figure) ending in an
    arrow, labelled "at least $X": never stretched to the axis end. Quotes are drawn in their own colour,
    a surgeon's fee is marked '†', each with a legend entry. Labels are short (two lines), full names in
    the hover text. Options without any price are counted in a note.

    `rows`: the comparison's rows shown, as a frame or already read (`display.cells`); amounts in `currency`,
    `horizon` in years.
    """
    options = display.plain_records(rows, CHART_COLUMNS)
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = f"Total cost over {years_text(horizon)}: low to high"
    open_ = [o for o in options if is_open(o)]
    closed = [
        o
        for o in options
        if number(o["total_low"]) is not None and number(o["total_high"]) is not None and not is_open(o)
    ]
    note = left_out_note(len(options) - len(closed) - len(open_))
    if not closed and not open_:
        return empty_figure(title, "No option shown has a price for these filters.", note)
    shown = {id(o) for o in closed + open_}
    drawn = [o for o in options if id(o) in shown]  # the table's order
    parts = [known_part(o) for o in open_]
    largest = max([*(o["total_high"] for o in closed), *(to for _, to, _ in parts), budget or 0, 1])
    mark = OPEN_MARK * largest
    # room right of the arrows for "at least $X": about 100 px of a phone's 230 px plot
    end = max([largest * 1.05, *((to + mark) * 1.75 for _, to, _ in parts)])
    data = [_closed_bars(closed, largest, symbol)] if closed else []
    if open_:
        data += _open_traces(open_, parts, (largest, mark), symbol, legend=not closed)
    typical = [o for o in closed if number(o["total_typical"]) is not None]
    if typical:
        title += ", typical marked"  # said only where a typical figure is drawn
        data.append(_typical_marks(typical, symbol))
    if any(is_quote(o) for o in drawn):
        data.append(quote_entry())
    if any(is_fee(o) for o in drawn):
        data.append(surgeon_fee_entry())
    if budget is not None:
        data.append(budget_entry(budget, symbol))
    layout = base_layout(title, note, barmode="overlay")
    layout["margin"]["b"] = bottom_margin(shown_entries(data))
    layout["height"] = layout["margin"]["t"] + layout["margin"]["b"] + max(160, ROW_PX * len(drawn))
    layout["yaxis"] = {
        **AXIS,
        "range": [len(drawn) - 0.5, -0.5],  # top to bottom in the table's order, no padding
        "type": "category",
        "categoryorder": "array",
        "categoryarray": [_key(o) for o in drawn],
        "tickmode": "array",
        "tickvals": [_key(o) for o in drawn],
        "ticktext": [short_name(o) for o in drawn],
    }
    layout["xaxis"] = {**money_axis(symbol, f"Total over {years_text(horizon)} ({currency})"), "range": [0, end]}
    if budget is not None:
        layout["shapes"] = [budget_line(budget, "x")]
    return {"data": data, "layout": layout}


def _bar_colours(options: list[Option]) -> FigureDict:
    """A bar's marker: quotes in their own colour, figures resting on an assumption hatched."""
    return {
        "color": [QUOTE_COLOUR if is_quote(o) else BAR for o in options],
        "pattern": {"shape": ["/" if is_assumed(o) else "" for o in options]},
    }


def _closed_bars(closed: list[Option], largest: float, symbol: str) -> FigureDict:
    """The low-to-high bar of each option whose total is known at both ends."""
    lows, highs = known_numbers(closed, "total_low"), known_numbers(closed, "total_high")
    return {
        "type": "bar",
        "orientation": "h",
        "name": "known: low to high",
        "marker": _bar_colours(closed),
        "y": [_key(o) for o in closed],
        "base": lows,
        "x": [max(h - lo, largest * 0.004) for lo, h in zip(lows, highs, strict=True)],
        "customdata": [[full_name(o), lo, h] for o, lo, h in zip(closed, lows, highs, strict=True)],
        "hovertemplate": f"%{{customdata[0]}}<br>{symbol}%{{customdata[1]:,.0f}} to {symbol}%{{customdata[2]:,.0f}}<extra></extra>",
    }


def _open_traces(
    open_: list[Option], parts: list[tuple[float, float, bool]], scale: tuple[float, float], symbol: str, legend: bool
) -> list[FigureDict]:
    """An open total ("at least"): its known part as a bar, then a marker of fixed length (`scale`: the largest
    figure and the marker's length) ending in an arrow labelled "at least $X". `parts`: known_part of each;
    `legend`: whether the known part's bar carries the legend entry."""
    largest, mark = scale
    keys = [_key(o) for o in open_]
    words = [[full_name(o), _open_words(o, symbol)] for o in open_]
    hover = "%{customdata[0]}<br>%{customdata[1]}<extra></extra>"
    return [
        {
            "type": "bar",
            "orientation": "h",
            "name": "known: low to high",
            "showlegend": legend,
            "marker": _bar_colours(open_),
            "y": keys,
            "base": [lo for lo, _, _ in parts],
            "x": [max(to - lo, largest * 0.004) for lo, to, _ in parts],
            "customdata": words,
            "hovertemplate": hover,
        },
        {
            "type": "bar",
            "orientation": "h",
            "name": OPEN_ENTRY,
            "legendgroup": "open",
            "showlegend": False,
            "marker": {"color": OPEN_PART, "line": {"width": 0}},
            "y": keys,
            "base": [to for _, to, _ in parts],
            "x": [mark] * len(open_),
            "customdata": words,
            "hovertemplate": hover,
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": OPEN_ENTRY,
            "legendgroup": "open",
            "y": keys,
            "x": [to + mark for _, to, _ in parts],
            "marker": {"symbol": "triangle-right", "size": 11, "color": "rgba(74,111,165,0.8)"},
            "text": [f"at least {symbol}{lo:,.0f}" for lo, _, _ in parts],
            "textposition": "middle right",
            "textfont": {"size": 11, "color": "#1f3a60"},
            "customdata": words,
            "hovertemplate": hover,
        },
    ]


def _typical_marks(typical: list[Option], symbol: str) -> FigureDict:
    """A tick at each option's typical total."""
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "typical",
        "y": [_key(o) for o in typical],
        "x": _numbers(typical, "total_typical"),
        "marker": {"symbol": "line-ns-open", "size": 18, "color": "#222", "line": {"width": 3}},
        "customdata": [full_name(o) for o in typical],
        "hovertemplate": f"%{{customdata}}<br>typical {symbol}%{{x:,.0f}}<extra></extra>",
    }
