"""The cumulative-cost chart: a low-high band per chosen option by year (an open total as a rising floor),
each line named at its end, the budget line, the crossover year, and sentences that name crossovers, the
price bases compared and lines that lie on top of each other."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

import pandas as pd

from dashboard import vocab
from dashboard.model.comparison import crossover
from dashboard.output import display
from dashboard.output.chart_parts import (
    AXIS,
    FigureDict,
    Option,
    base_layout,
    bottom_margin,
    budget_entry,
    budget_line,
    empty_figure,
    full_name,
    is_fee,
    is_quote,
    left_out_note,
    money_axis,
    short_name,
    shown_entries,
    surgeon_fee_entry,
    years_text,
)
from dashboard.output.display import RowLike

DASHES = ("solid", "dot", "dashdot", "longdashdot")  # "dash" is kept for floors ("at least")
SYMBOLS = ("circle", "square", "diamond", "cross")
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#8c564b")  # no red: the budget line is red
DODGE = 0.08  # years: a line identical to an earlier one is drawn this far to the right, so both show
LABEL_GAP = 15  # px between the labels at the line ends
PLOT_PX = 300  # px of the plot's height
# The columns of a chosen option the chart reads (its name as drawn and in the sentences, its price basis).
OPTION_COLUMNS = ("name", "assumed", "basis", "kind")

# Paid so far by the end of each year 0..horizon (money; None where unknown).
Paid = list[float | None]


class LineEnd(TypedDict):
    """Where a line ends and what its label there says."""

    x: float
    y: float
    text: str
    colour: str


def cumulative_figure(
    rows: pd.DataFrame,
    selected: list[str],
    horizon: int,
    currency: str,
    cumulative: Mapping[str, Mapping[str, Sequence[float]]] | None = None,
    budget: float | None = None,
) -> tuple[FigureDict, list[str]]:
    """Cumulative cost by year per selected option as a low-high band, the budget line (with a legend
    entry) and the crossover year marked; and sentences naming crossovers (with the price bases when
    they differ) and lines that lie on top of each other.

    An open total ("at least") is drawn as a floor: dashed, with up-pointing markers, the initial
    course's range as a bar where it is known, and "at least $X" at its end; never a flat band that reads
    "nothing more to pay". Each line is named at its end (labels kept apart); a line identical to an
    earlier one is drawn DODGE years to the right. Names in the legend are short.

    `cumulative`: id -> {"low"|"typical"|"high": cost by the end of year 0..horizon}, from the model.
    """
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = f"Cumulative cost over {years_text(horizon)} ({currency}): low to high band per option"
    cumulative = cumulative or {}
    chosen = [i for i in selected if i in rows.index]
    if not chosen:
        return empty_figure(title, "Choose options in “Compare side by side” to see their cost year by year."), []
    years = list(range(horizon + 1))
    read = list(zip(chosen, display.rows_at(rows, chosen, OPTION_COLUMNS), strict=True))
    lines = _lines(read, cumulative, years, symbol)
    drawn, series, data = lines.drawn, lines.series, lines.data
    note = left_out_note(len(lines.no_price), "no price") if lines.no_price else None
    if not drawn:
        return empty_figure(title, "None of the chosen options has a price in this market.", note), []
    if lines.any_fee:
        data.append(surgeon_fee_entry())
    if budget is not None:
        data.append(budget_entry(budget, symbol))
    if lines.any_open:
        note = _floor_note(note)
    kind = "typical" if all(all(v is not None for v in series[i]["typical"]) for i in drawn) else "high"
    sentences, marks, labels = _crossovers(dict(read), drawn, series, years, kind)
    # room above the plot for the crossover labels
    layout = base_layout(title, note, above_plot=18 if marks else 0)
    layout["margin"]["b"] = bottom_margin(shown_entries(data))
    layout["xaxis"] = {
        **AXIS,
        "title": {"text": "Years from the first treatment"},
        "dtick": 1,
        "range": [-0.2, horizon + 0.2],
    }
    layout["yaxis"] = _paid_axis(series, budget, symbol, currency)
    shapes: list[FigureDict] = []
    annotations = end_labels(lines.ends, layout["yaxis"]["range"][1])
    if budget is not None:
        shapes.append(budget_line(budget, "y"))
    shapes += marks
    annotations += labels
    layout["shapes"], layout["annotations"] = shapes, annotations
    layout["height"] = layout["margin"]["t"] + layout["margin"]["b"] + PLOT_PX
    return {"data": data, "layout": layout}, sentences


@dataclass
class _Lines:
    """The chosen options' lines: the ids drawn (in order) and those with no price, each drawn one's paid so far
    by figure kind, the traces, where each line ends, and whether any is open ("at least") or a surgeon's fee."""

    drawn: list[str] = field(default_factory=list)
    no_price: list[str] = field(default_factory=list)
    series: dict[str, dict[str, Paid]] = field(default_factory=dict)
    data: list[FigureDict] = field(default_factory=list)
    ends: list[LineEnd] = field(default_factory=list)
    any_open: bool = False
    any_fee: bool = False


def _lines(
    chosen: Sequence[tuple[str, Option]],
    cumulative: Mapping[str, Mapping[str, Sequence[float]]],
    years: list[int],
    symbol: str,
) -> _Lines:
    """Each chosen option's line (a band, a floor or an upper figure alone), or its id among those with no
    price; a line identical to an earlier one moved DODGE years to the right per earlier twin. `chosen`: (id, the
    option's OPTION_COLUMNS) of each, in the order chosen."""
    lines = _Lines()
    for n, (tid, read) in enumerate(chosen):
        by_kind = {k: _clean(cumulative.get(tid, {}).get(k, [math.nan] * len(years))) for k in vocab.FIGURE_KINDS}
        low, high = by_kind["low"], by_kind["high"]
        up_to = all(v is None for v in low)
        if up_to and all(v is None for v in high):  # nothing known: like the totals, "no price"
            lines.no_price.append(tid)
            continue
        if up_to:  # only an upper figure ('up to') is published: draw it as the line
            low = high
        same = [d for d in lines.drawn if (lines.series[d]["low"], lines.series[d]["high"]) == (low, high)]
        lines.drawn.append(tid)
        lines.series[tid] = {**by_kind, "low": low}
        option = {"id": tid, **{c: read.get(c) for c in OPTION_COLUMNS}}
        is_open_ = any(v is None for v in high) and any(v is not None for v in low)
        lines.any_open, lines.any_fee = lines.any_open or is_open_, lines.any_fee or is_fee(option)
        xs = [y + DODGE * len(same) for y in years]
        traces, end = _option_traces(option, (low, high), (years, xs), n, (is_open_, up_to), symbol)
        lines.data += traces
        if end:
            lines.ends.append(end)
    return lines


def _floor_note(note: str | None) -> str:
    """The note under the title with what a floor ("at least") looks like first."""
    return " ".join(
        p
        for p in (
            "Dashed with ▲: at least that much, and it can only go up (upkeep or a price not published); "
            "the bar at year 0 is the initial course.",
            note,
        )
        if p
    )


def _paid_axis(
    series: Mapping[str, Mapping[str, Paid]], budget: float | None, symbol: str, currency: str
) -> FigureDict:
    """The y axis of money paid so far, from 0 to above the highest figure drawn (or the budget)."""
    top = max([v for s in series.values() for k in vocab.FIGURE_BOUNDS for v in s[k] if v is not None] + [budget or 0])
    return {**money_axis(symbol, f"Paid so far ({currency})"), "range": [0, top * 1.15 if top > 0 else 1]}


def _option_traces(
    option: Option,
    band: tuple[Paid, Paid],
    axis: tuple[list[int], list[float]],
    n: int,
    shape: tuple[bool, bool],
    symbol: str,
) -> tuple[list[FigureDict], LineEnd | None]:
    """One option's traces (its band's upper edge, then its line) and the label at its line's end (None when no
    year is known). `band`: (low, high) paid so far by year; `axis`: (years, x positions); `shape`: (is_open,
    up_to): a floor ("at least") or an upper figure alone ("up to")."""
    (low, high), (years, xs), (is_open_, up_to) = band, axis, shape
    tid = option["id"]
    name, short = full_name(option), short_name(option, width=32, lines=1)
    colour = COLOURS[n % len(COLOURS)]
    data: list[FigureDict] = []
    if not is_open_:
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": high,
                "legendgroup": tid,
                "showlegend": False,
                "line": {"width": 0.5, "color": colour},
                "hoverinfo": "skip",
                "name": short,
            }
        )
    marker = "triangle-up" if is_open_ else "star" if is_quote(option) else SYMBOLS[n % len(SYMBOLS)]
    data.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": xs,
            "y": low,
            "legendgroup": tid,
            "name": short + (" (at least)" if is_open_ else " (up to)" if up_to else ""),
            "fill": "none" if is_open_ else "tonexty",
            "fillcolor": _fill(colour),
            "line": {"color": colour, "dash": "dash" if is_open_ else DASHES[n % len(DASHES)], "width": 2},
            "marker": {"symbol": marker, "size": 10 if is_open_ or is_quote(option) else 8},
            "customdata": [
                [y, _hover_range(lo, h, is_open_, symbol)] for y, lo, h in zip(years, low, high, strict=True)
            ],
            "hovertemplate": f"{name}<br>year %{{customdata[0]}}: %{{customdata[1]}}<extra></extra>",
            **({"error_y": _course_bars(low, high, colour)} if is_open_ else {}),
        }
    )
    last = _last_known(low)
    if last is None:
        return data, None
    i, paid = last
    text = f"{short}: at least {symbol}{paid:,.0f}" if is_open_ else short
    return data, {"x": xs[i], "y": paid, "text": text, "colour": colour}


def _last_known(paid: Paid) -> tuple[int, float] | None:
    """The last year whose amount is known, with the amount; None when no year's is."""
    for i in range(len(paid) - 1, -1, -1):
        value = paid[i]
        if value is not None:
            return i, value
    return None


def _crossovers(
    read: Mapping[str, Option],
    drawn: list[str],
    series: Mapping[str, Mapping[str, Paid]],
    years: list[int],
    kind: str,
) -> tuple[list[str], list[FigureDict], list[FigureDict]]:
    """For each pair of drawn options: a sentence when their lines lie on top of each other, or when the one that
    starts cheaper overtakes the other (the model's crossover on the `kind` figures), with a dotted line and a
    label at that year. `read`: id -> the option's OPTION_COLUMNS. Returns (sentences, shapes, annotations)."""
    sentences: list[str] = []
    shapes: list[FigureDict] = []
    annotations: list[FigureDict] = []
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            sa, sb = series[a][kind], series[b][kind]
            name_a, name_b = str(read[a]["name"]), str(read[b]["name"])
            if (series[a]["low"], series[a]["high"]) == (series[b]["low"], series[b]["high"]):
                sentences.append(
                    f"{name_a} and {name_b} cost the same year by year; "
                    f"their lines would lie on top of each other, so {name_b}'s is drawn a little "
                    "to the right, and each is named at its end."
                )
                continue
            found = crossover(years, sa, sb)
            if not found:
                continue
            year = found[0]
            basis = bases_note(read[a], read[b])
            figures = "typical figures" if kind == "typical" else "upper figures"
            sentence = crossover_sentence(found, name_a, name_b)
            sentences.append(f"{sentence} (comparing {figures}).{basis}")
            shapes.append(
                {
                    "type": "line",
                    "x0": year,
                    "x1": year,
                    "xref": "x",
                    "y0": 0,
                    "y1": 1,
                    "yref": "paper",
                    "line": {"dash": "dot", "color": "#555"},
                }
            )
            annotations.append(
                {
                    "x": year,
                    "xref": "x",
                    "y": 1,
                    "yref": "paper",
                    "yanchor": "bottom",
                    "text": f"overtaken by year {year}",
                    "showarrow": False,
                    "font": {"size": 11},
                }
            )
    return sentences, shapes, annotations


def _hover_range(low: float | None, high: float | None, is_open_: bool, symbol: str) -> str:
    if low is None:
        return "not known"
    if high is not None and high != low:
        return f"{symbol}{low:,.0f} to {symbol}{high:,.0f}"
    return f"at least {symbol}{low:,.0f} (more not published)" if is_open_ else f"{symbol}{low:,.0f}"


def _course_bars(low: Paid, high: Paid, colour: str) -> FigureDict:
    """Error bars from the floor up to the upper figure in the years where one is known (the initial course)."""
    return {
        "type": "data",
        "symmetric": False,
        "array": [h - lo if h is not None and lo is not None else 0 for lo, h in zip(low, high, strict=True)],
        "arrayminus": [0] * len(low),
        "color": colour,
        "thickness": 2,
        "width": 6,
    }


def end_labels(ends: Sequence[LineEnd], y_top: float, plot_px: int = PLOT_PX) -> list[FigureDict]:
    """Annotations naming each line at its end ({"x", "y", "text", "colour"} each), right-aligned above
    the line and moved apart to at least LABEL_GAP px (`y_top`: the axis's top; `plot_px`: the plot's height)."""
    px = [e["y"] / y_top * plot_px if y_top else 0 for e in ends]
    placed: dict[int, float] = {}
    floor = -math.inf
    for i in sorted(range(len(ends)), key=lambda i: px[i]):
        placed[i] = max(px[i], floor + LABEL_GAP)
        floor = placed[i]
    return [
        {
            "x": e["x"],
            "xref": "x",
            "xanchor": "right",
            "y": e["y"],
            "yref": "y",
            "yanchor": "bottom",
            "yshift": 2 + placed[i] - px[i],
            "text": e["text"],
            "showarrow": False,
            "font": {"size": 11, "color": e["colour"]},
            "bgcolor": "rgba(255,255,255,0.7)",
        }
        for i, e in enumerate(ends)
    ]


def _clean(values: Iterable[Any]) -> Paid:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in values]


def _fill(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.15)"


def crossover_sentence(found: tuple[int, int], a_name: str, b_name: str) -> str:
    """'After about N years, A has cost more than B' for a crossover (year, which) as the model finds it
    (which: 0 when A started cheaper), without a closing full stop."""
    year, which = found
    first, other = (a_name, b_name) if which == 0 else (b_name, a_name)
    return f"After about {year} {'year' if year == 1 else 'years'}, {first} has cost more than {other}"


def bases_note(a: RowLike, b: RowLike) -> str:
    """' Price bases differ: A is a surgeon's fee only …; B is a total price.' or ''."""
    basis_a, basis_b = a.get("basis"), b.get("basis")
    if not isinstance(basis_a, str) or not isinstance(basis_b, str) or basis_a == basis_b:
        return ""
    label_a = vocab.BASIS_LABELS.get(basis_a, basis_a).lower()
    label_b = vocab.BASIS_LABELS.get(basis_b, basis_b).lower()
    return (
        f" The price bases differ: {a['name']} is {_article(label_a)}, {b['name']} is {_article(label_b)}, "
        "so this is not like for like."
    )


def _article(label: str) -> str:
    return label if label.startswith(("your", "basis")) else f"a {label}"
