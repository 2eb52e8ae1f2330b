"""The cost-against-downtime chart of the options shown: each priced option with a published downtime
as a numbered point (total cost's lower bound, a bar to the upper, against the longest downtime), coloured
by risk tier, the best trade-offs ringed; `cost_downtime_key` names the numbered points in a list.
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
    cost_span_bar,
    empty_figure,
    full_name,
    is_fee,
    is_open,
    is_quote,
    known_number,
    known_numbers,
    legend_entry,
    money_axis,
    number,
    option_marker,
    padded_range,
    plain_name,
    shown_entries,
    surgeon_fee_entry,
    years_text,
)
from dashboard.output.display import RowLike

RISK_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fee08b", 4: "#fc8d59", 5: "#d73027"}


def _numbers(options: list[Option], column: str) -> list[float | None]:
    return [number(o.get(column)) for o in options]


def _downtime_points(rows: pd.DataFrame | Sequence[RowLike]) -> tuple[list[Option], int, int]:
    """(the options drawn in the cost-against-downtime chart, in the table's order; how many have no price;
    how many have a price but no published downtime)."""
    options = display.plain_records(rows, CHART_COLUMNS)
    priced = [o for o in options if number(o["total_low"]) is not None]
    known = [o for o in priced if number(o["downtime_days_high"]) is not None]
    return known, len(options) - len(priced), len(priced) - len(known)


def _days(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") + (" day" if value == 1 else " days")


def cost_downtime_key(rows: pd.DataFrame | Sequence[RowLike], currency: str) -> list[str]:
    """The numbered points of `cost_downtime_figure`, in its order (point n is item n): name (marked as on
    the chart), total, longest downtime, risk tier and whether it is ringed. Plain text. `rows`: the comparison's
    rows shown, as a frame or already read (`display.cells`)."""
    symbol = vocab.CURRENCY_SYMBOL[currency]
    known, _, _ = _downtime_points(rows)
    out = []
    for o in known:
        low, high = number(o["total_low"]), number(o["total_high"])
        total = (
            f"at least {symbol}{low:,.0f}"
            if is_open(o)
            else f"{symbol}{low:,.0f}"
            if high is None or high == low
            else f"{symbol}{low:,.0f} to {symbol}{high:,.0f}"
        )
        ring = "; ringed: best trade-off" if o.get("pareto") is True else ""
        out.append(
            f"{plain_name(o['name'], o.get('assumed'), o.get('basis'))}: {total}; "
            f"downtime up to {_days(known_number(o['downtime_days_high']))}; risk tier {int(o['risk_tier'])}{ring}"
        )
    return out


def cost_downtime_figure(rows: pd.DataFrame | Sequence[RowLike], horizon: int, currency: str) -> FigureDict:
    """Total cost (lower bound, with a bar to the upper) against longest downtime, coloured by risk
    tier; open-ended totals drawn as right-pointing triangles, quotes outlined (stars where closed); Pareto
    front ringed. Every point is numbered (options so close their labels would run together share one, "7, 8"):
    `cost_downtime_key` names them in the same order; the hover gives the full name.
    `rows`: the comparison's rows shown, as a frame or already read (`display.cells`); amounts in `currency`."""
    known, no_price, no_downtime = _downtime_points(rows)
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = "Cost against downtime, by risk tier"
    subtitle = (
        "Numbered as in the list under the chart. Ringed: no other option with a known highest cost is cheaper "
        "(at its highest), quicker and safer at once; 'at least' totals are not compared."
    )
    note = _not_drawn_note(no_price, no_downtime)
    if not known:
        return empty_figure(title, "No option shown has both a price and a published downtime.", note)
    numbered = {id(o): n for n, o in enumerate(known, start=1)}
    x_values = _numbers(known, "total_low") + [number(o["total_high"]) for o in known if not is_open(o)]
    x_range, y_range = padded_range(x_values), padded_range(_numbers(known, "downtime_days_high"))
    labels = _labels(known, numbered, x_range[1] - x_range[0], y_range[1] - y_range[0])
    data = [
        _tier_points([o for o in known if int(o["risk_tier"]) == tier], tier, numbered, labels, symbol)
        for tier in sorted({int(o["risk_tier"]) for o in known})
    ]
    data.append(_front_rings([o for o in known if o.get("pareto") is True]))
    data += _legend_entries(known)
    layout = base_layout(title, subtitle + (" " + note if note else ""))
    layout["margin"]["b"] = bottom_margin(shown_entries(data))
    layout["height"] = layout["margin"]["t"] + layout["margin"]["b"] + 300
    # both axes start at 0: their tick labels stand off the corner, so "$0" and "0" do not run into each other
    layout["xaxis"] = {
        **money_axis(symbol, f"Total over {years_text(horizon)} ({currency}): lowest, bar to highest"),
        "range": x_range,
        "ticklabelstandoff": 4,
    }
    layout["yaxis"] = {
        **AXIS,
        "title": {"text": "Downtime, longest (days)"},
        "range": y_range,
        "ticklabelstandoff": 8,
    }
    return {"data": data, "layout": layout}


def _not_drawn_note(no_price: int, no_downtime: int) -> str | None:
    """How many options in the table are not drawn, and why ('2 options in the table not drawn (1 without a
    price; 1 without a published downtime).'); None when every one is."""
    why = "; ".join(
        p
        for p in (
            f"{no_price} without a price" if no_price else "",
            f"{no_downtime} without a published downtime" if no_downtime else "",
        )
        if p
    )
    if not why:
        return None
    return (
        f"{no_price + no_downtime} option{'s' if no_price + no_downtime != 1 else ''} in the table not drawn ({why})."
    )


# Where a point's label would run into another's, on the narrowest plot drawn (a phone: about 320 px wide; the plot
# is 300 px high): a label is about 6.5 px a character at its font size, and 14 px high.
LABEL_PLOT_PX = (320, 300)
LABEL_CHAR_PX = 6.5
LABEL_HEIGHT_PX = 14


def _labels(known: list[Option], numbered: dict[int, int], x_span: float = 1.0, y_span: float = 1.0) -> dict[int, str]:
    """Each point's label: its number, or, where options lie so close that their labels would run together ("1"
    beside "3" reads "13"; one marker may hide another), all their numbers on the leftmost ("7, 8") and none on
    the rest. `x_span`, `y_span`: the axes' ranges, in their units."""
    width, height = LABEL_PLOT_PX
    at = {
        id(o): (
            known_number(o["total_low"]) / x_span * width,
            known_number(o["downtime_days_high"]) / y_span * height,
        )
        for o in known
    }
    groups: list[tuple[int, list[int]]] = []  # (the labelled option's id, the numbers its label says)
    for o in sorted(known, key=lambda o: (at[id(o)][0], numbered[id(o)])):
        x, y = at[id(o)]
        for anchor, numbers in groups:
            ax, ay = at[anchor]
            wide = LABEL_CHAR_PX * (len(", ".join(map(str, numbers))) + 1)
            if x - ax < wide and abs(y - ay) < LABEL_HEIGHT_PX:
                numbers.append(numbered[id(o)])
                break
        else:
            groups.append((id(o), [numbered[id(o)]]))
    labels = dict.fromkeys((id(o) for o in known), "")
    for anchor, numbers in groups:
        labels[anchor] = ", ".join(map(str, sorted(numbers)))
    return labels


def _tier_points(
    group: list[Option], tier: int, numbered: dict[int, int], labels: dict[int, str], symbol: str
) -> FigureDict:
    """The numbered points of one risk tier, in its colour: each at its lowest total with a bar to the highest
    (none for an open total, drawn as a right-pointing triangle), a quote outlined (a star where its total is
    known)."""
    opened = [is_open(o) for o in group]
    lows, highs = known_numbers(group, "total_low"), _numbers(group, "total_high")
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": f"risk tier {tier}",
        "cliponaxis": False,  # a point at 0 days is drawn whole
        "x": lows,
        "y": _numbers(group, "downtime_days_high"),
        "error_x": cost_span_bar(
            [(h - lo) if h is not None and not o else 0 for lo, h, o in zip(lows, highs, opened, strict=True)]
        ),
        "marker": {
            **option_marker(group, RISK_COLOURS[tier]),
            "symbol": [
                "triangle-right" if o else ("star" if is_quote(option) else "circle")
                for o, option in zip(opened, group, strict=True)
            ],
        },
        "text": [labels[id(o)] for o in group],
        "textposition": "top right",
        "textfont": {"size": 11, "color": "#222"},
        "customdata": [
            [f"{numbered[id(o)]}. {full_name(o)}", "at least " if op else "from "]
            for o, op in zip(group, opened, strict=True)
        ],
        "hovertemplate": f"%{{customdata[0]}}<br>%{{customdata[1]}}{symbol}%{{x:,.0f}}<br>downtime up to %{{y}} days<extra></extra>",
    }


def _front_rings(front: list[Option]) -> FigureDict:
    """A ring around each best trade-off (the Pareto front)."""
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "best trade-off (ringed)",
        "cliponaxis": False,
        "hoverinfo": "skip",
        "x": _numbers(front, "total_low"),
        "y": _numbers(front, "downtime_days_high"),
        "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": "#000"}},
    }


def _legend_entries(known: list[Option]) -> list[FigureDict]:
    """Legend entries for the marks drawn: an open total's triangle, a quote's outline, a surgeon's fee's '†'."""
    entries: list[FigureDict] = []
    if any(is_open(o) for o in known):
        entries.append(
            legend_entry("at least: no upper figure published", marker={"symbol": "triangle-right", "color": "#888"})
        )
    if any(is_quote(o) for o in known):
        quote = {"symbol": "star", "color": "#fff", "size": 12, "line": {"color": QUOTE_COLOUR, "width": 3}}
        entries.append(legend_entry("your quote (outlined; a star where its total is known)", marker=quote))
    if any(is_fee(o) for o in known):
        entries.append(surgeon_fee_entry())
    return entries
