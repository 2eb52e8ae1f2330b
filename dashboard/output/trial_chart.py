"""The chart of what the money buys, for the chosen concern: each option shown that has both a price and a
trial's share of patients improved, as a numbered point (initial course cost, lowest with a bar to the
highest, against that study's share) named in `trial_key`, its threshold in the hover and the key, and a note
that thresholds differ between studies. Options left out are counted, with the reason, under the title.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.output import display, trial_words
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
    escaped,
    full_name,
    is_fee,
    is_quote,
    known_number,
    known_numbers,
    legend_entry,
    money_axis,
    number,
    option_marker,
    plain_name,
    shown_entries,
    surgeon_fee_entry,
)
from dashboard.output.display import RowLike

TITLE = "What the money buys: initial course cost against the share of patients improved"
COLUMNS = (*CHART_COLUMNS, "trial", "evidence")
DESIGN_COLOURS = {
    "randomised": "#1b4f72",
    "split-body": "#2e86c1",
    "two-arm": "#85c1e9",
    "no-control": "#aab7b8",
}


def _study(option: Option) -> dict[str, Any]:
    """The option's headline study (an empty dict without one)."""
    study = option.get("trial")
    return study if isinstance(study, dict) else {}


def _points(rows: pd.DataFrame | Sequence[RowLike]) -> tuple[list[Option], int, int]:
    """(the options drawn, in the table's order; how many have no trial share; how many have a share but no
    price above 0, which a log axis cannot place)."""
    options = display.plain_records(rows, COLUMNS)
    with_share = [o for o in options if number(_study(o).get("responders_pct")) is not None]
    drawn = [o for o in with_share if (number(o.get("initial_low")) or 0) > 0]
    return drawn, len(options) - len(with_share), len(with_share) - len(drawn)


def trial_key(rows: pd.DataFrame | Sequence[RowLike], currency: str) -> list[str]:
    """The numbered points of `trial_figure`, in its order (point n is item n): name, share with n, design,
    the threshold in the study's words and the initial course. Plain text. `rows`: the comparison's rows shown,
    as a frame or already read (`display.cells`)."""
    symbol = vocab.CURRENCY_SYMBOL[currency]
    drawn, _, _ = _points(rows)
    out = []
    for o in drawn:
        cost = display.money_range(
            o.get("initial_low"), o.get("initial_high"), display.flag(o.get("initial_open")), symbol
        )
        out.append(
            f"{plain_name(o['name'], o.get('assumed'), o.get('basis'))}: {trial_words.compact(o)} ({trial_words.design_badge(o)}), "
            f"threshold “{_study(o).get('threshold') or 'not stated'}”; initial course {cost}"
        )
    return out


def trial_figure(rows: pd.DataFrame | Sequence[RowLike], concern: str | None, currency: str) -> FigureDict:
    """Initial course cost (x: lowest, bar to highest; market currency) against the headline study's share
    improved (y, %), one point per option shown with both, labelled and coloured by the study's design. `rows`:
    the comparison's rows shown, as a frame or already read (`display.cells`)."""
    if not concern:
        return empty_figure(TITLE, "Choose a concern to see what trials found beside what a course costs.")
    symbol = vocab.CURRENCY_SYMBOL[currency]
    drawn, no_share, no_price = _points(rows)
    note = _note(no_share, no_price)
    if not drawn:
        return empty_figure(TITLE, "No option shown has both a price and a trial's share of patients improved.", note)
    numbered = {id(o): n for n, o in enumerate(drawn, start=1)}
    data = [
        _design_points([o for o in drawn if _study(o).get("design") == design], design, numbered, symbol)
        for design in [d for d in DESIGN_COLOURS if any(_study(o).get("design") == d for o in drawn)]
    ]
    if any(is_quote(o) for o in drawn):
        data.append(legend_entry("your quote (outlined)", marker={"color": "#fff", "line": {"color": QUOTE_COLOUR}}))
    if any(is_fee(o) for o in drawn):
        data.append(surgeon_fee_entry())
    layout = base_layout(TITLE, note, above_plot=28)
    layout["margin"]["b"] = bottom_margin(shown_entries(data))
    layout["height"] = layout["margin"]["t"] + layout["margin"]["b"] + 320
    layout["xaxis"] = _course_axis(drawn, symbol, currency)
    layout["yaxis"] = {
        **AXIS,
        "title": {"text": "Improved in one study (% of patients, or of folds)"},
        "range": [0, 105],
    }
    return {"data": data, "layout": layout}


def _note(no_share: int, no_price: int) -> str:
    """The note under the title: thresholds differ between studies, and the options not drawn, with why."""
    why = "; ".join(
        p
        for p in (
            f"{no_share} with no trial share of patients improved" if no_share else "",
            f"{no_price} with a share but no price above 0" if no_price else "",
        )
        if p
    )
    return trial_words.THRESHOLDS_DIFFER + (f" Not drawn: {why}." if why else "")


def _design_points(group: list[Option], design: str, numbered: dict[int, int], symbol: str) -> FigureDict:
    """The numbered points of the options whose headline study has one design, in its colour: each at its
    lowest course cost with a bar to the highest (none for an open course), a quote outlined."""
    lows, highs = known_numbers(group, "initial_low"), [number(o["initial_high"]) for o in group]
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": trial_words.DESIGN_WORDS[design],
        "cliponaxis": False,
        "x": lows,
        "y": [number(_study(o)["responders_pct"]) for o in group],
        "error_x": cost_span_bar(
            [
                (h - lo) if h is not None and not display.flag(o.get("initial_open")) else 0
                for lo, h, o in zip(lows, highs, group, strict=True)
            ]
        ),
        "marker": option_marker(group, DESIGN_COLOURS[design]),
        "text": [str(numbered[id(o)]) for o in group],
        "textposition": "top right",
        "textfont": {"size": 11, "color": "#222"},
        "customdata": [[f"{numbered[id(o)]}. {full_name(o)}", _hover(o, symbol)] for o in group],
        "hovertemplate": "%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
    }


def _course_axis(drawn: list[Option], symbol: str, currency: str) -> FigureDict:
    """The x axis of initial course costs, on a log scale from half the lowest to twice the highest: courses run
    from tens to tens of thousands, and a log axis keeps the cheap ones apart."""
    x_values = known_numbers(drawn, "initial_low") + [
        known_number(o["initial_high"]) for o in drawn if number(o.get("initial_high")) is not None
    ]
    return {
        **money_axis(symbol, f"Initial course ({currency}, log scale): lowest, bar to highest"),
        "type": "log",
        "rangemode": "normal",
        "range": [math.log10(min(x_values) / 2), math.log10(max(x_values) * 2)],
        "dtick": 1,  # $10, $100, $1,000: powers of ten only
    }


def _hover(option: Option, symbol: str) -> str:
    """The point's hover: the share with n and the threshold in the study's words, the design, the control
    arm's share, the course cost; escaped (it is data text)."""
    cost = display.money_range(
        option.get("initial_low"), option.get("initial_high"), display.flag(option.get("initial_open")), symbol
    )
    study = _study(option)
    parts = [
        f"{trial_words.compact(option)} ({trial_words.design_badge(option)})",
        f"threshold: “{study.get('threshold') or 'not stated'}”",
        f"counted: {study.get('n_of') or 'patients'}",
    ]
    if study.get("study"):
        parts.append(f"study: {study['study']}")
    if number(study.get("comparator_pct")) is not None:
        parts.append(f"with {trial_words.against(option)}: {number(study['comparator_pct']):g}%")
    parts.append(f"initial course: {cost}")
    return "<br>".join(escaped(p) for p in parts)
