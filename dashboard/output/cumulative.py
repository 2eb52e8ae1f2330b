"""The cumulative-cost chart: a low-high band per chosen option by year, the budget line, the
crossover year, and sentences that name crossovers and the price bases compared."""

from __future__ import annotations

import math

import pandas as pd

from dashboard import vocab
from dashboard.model.comparison import crossover_sentence
from dashboard.output.chart_parts import (
    AXIS,
    base_layout,
    budget_line,
    empty_figure,
    left_out_note,
    money_axis,
    option_names,
    title_with_note,
    years_text,
)

DASHES = ("solid", "dash", "dot", "dashdot")
SYMBOLS = ("circle", "square", "diamond", "triangle-up")
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


def cumulative_figure(
    rows: pd.DataFrame,
    selected: list[str],
    horizon: int,
    currency: str,
    cumulative: dict | None = None,
    budget: float | None = None,
) -> tuple[dict, list[str]]:
    """Cumulative cost by year per selected option as a low-high band (dotted where the upper bound
    is open), the budget line and the crossover year marked; and sentences naming crossovers (with
    the price bases when they differ).

    `cumulative`: id -> {"low"|"typical"|"high": cost by the end of year 0..horizon}, from the model.
    """
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = f"Cumulative cost over {years_text(horizon)} ({currency}): low to high band per option"
    cumulative = cumulative or {}
    chosen = [i for i in selected if i in rows.index]
    if not chosen:
        return empty_figure(title, "Choose options in “Compare side by side” to see their cost year by year."), []
    years = list(range(horizon + 1))
    drawn, no_price, data = [], [], []
    series: dict[str, dict[str, list]] = {}
    for n, tid in enumerate(chosen):
        by_kind = {
            k: _clean(cumulative.get(tid, {}).get(k, [math.nan] * len(years))) for k in ("low", "typical", "high")
        }
        low, high = by_kind["low"], by_kind["high"]
        up_to = all(v is None for v in low)
        if up_to and all(v is None for v in high):  # nothing known: like the totals, "no price"
            no_price.append(tid)
            continue
        if up_to:  # only an upper figure ('up to') is published: draw it as the line
            low = high
        drawn.append(tid)
        series[tid] = by_kind
        is_open = any(v is None for v in high) and any(v is not None for v in low)
        name, colour = option_names(rows.loc[[tid]])[0], COLOURS[n % len(COLOURS)]
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": years,
                "y": high,
                "legendgroup": tid,
                "showlegend": False,
                "line": {"width": 0.5, "color": colour},
                "hoverinfo": "skip",
                "name": name,
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": years,
                "y": low,
                "legendgroup": tid,
                "name": name
                + (
                    " (at least: upper bound open)"
                    if is_open
                    else " (up to: no lower figure published)"
                    if up_to
                    else ""
                ),
                "fill": "tonexty" if not is_open else "none",
                "fillcolor": _fill(colour),
                "line": {"color": colour, "dash": DASHES[n % len(DASHES)], "width": 2},
                "marker": {"symbol": SYMBOLS[n % len(SYMBOLS)], "size": 8},
                "customdata": [f"to {symbol}{h:,.0f}" if h is not None else "or more (upper bound open)" for h in high],
                "hovertemplate": f"{name}<br>year %{{x}}: {symbol}%{{y:,.0f}} %{{customdata}}<extra></extra>",
            }
        )
    note = left_out_note(len(no_price), "no price") if no_price else None
    if not drawn:
        return empty_figure(title, "None of the chosen options has a price in this market.", note), []
    layout = base_layout(title)
    layout["title"] = title_with_note(title, note)
    layout["xaxis"] = {
        **AXIS,
        "title": {"text": "Years from the first treatment"},
        "dtick": 1,
        "range": [-0.2, horizon + 0.2],
    }
    layout["yaxis"] = money_axis(symbol, f"Paid so far ({currency})")
    shapes, annotations = [], []
    if budget is not None:
        shapes.append(budget_line(budget, "y"))
        annotations.append(
            {
                "x": 1,
                "xref": "paper",
                "xanchor": "right",
                "y": budget,
                "yref": "y",
                "yanchor": "bottom",
                "text": f"budget {symbol}{budget:,.0f}",
                "showarrow": False,
                "font": {"color": "#c0392b"},
            }
        )
    sentences = []
    kind = "typical" if all(all(v is not None for v in series[i]["typical"]) for i in drawn) else "high"
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            sa, sb = series[a][kind], series[b][kind]
            if sa == sb and any(v is not None for v in sa):
                sentences.append(
                    f"{rows.loc[a, 'name']} and {rows.loc[b, 'name']} cost the same year by year; "
                    "their lines lie on top of each other (different dashes and markers)."
                )
                continue
            year = crossover_year(years, sa, sb)
            sentence = crossover_sentence(years, rows.loc[a, "name"], sa, rows.loc[b, "name"], sb)
            if sentence:
                basis = bases_note(rows.loc[a], rows.loc[b])
                figures = "typical figures" if kind == "typical" else "upper figures"
                sentences.append(f"{sentence[:-1]} (comparing {figures}).{basis}")
                if year is not None:
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
                            "text": f"crossover, year {year}",
                            "showarrow": False,
                            "font": {"size": 11},
                        }
                    )
    layout["shapes"], layout["annotations"] = shapes, annotations
    return {"data": data, "layout": layout}, sentences


def _clean(values) -> list:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in values]


def _fill(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.15)"


def crossover_year(years: list[int], a: list, b: list) -> int | None:
    """The first year at which the option that started cheaper has cost more than the other."""
    pairs = [(y, x, z) for y, x, z in zip(years, a, b, strict=True) if x is not None and z is not None]
    if len(pairs) < 2 or pairs[0][1] == pairs[0][2]:
        return None
    first_cheaper = pairs[0][1] < pairs[0][2]
    for year, x, z in pairs[1:]:
        if (x > z) if first_cheaper else (z > x):
            return year
    return None


def bases_note(a: pd.Series, b: pd.Series) -> str:
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
