"""The charts of the options shown, built from a comparison frame as plain figure dicts: total cost
low to high (`cost_range_figure`) and cost against downtime (`cost_downtime_figure`). Their shared
parts are in `chart_parts`; the cost year by year of the chosen options is `cumulative`.

Plain dicts skip plotly.py's validation, which took most of a callback's time on small data;
plotly.js validates them in the browser anyway.
"""

from __future__ import annotations

import pandas as pd

from dashboard import vocab
from dashboard.output.chart_parts import (
    AXIS,
    assumption_patterns,
    base_layout,
    budget_line,
    empty_figure,
    json_numbers,
    left_out_note,
    money_axis,
    open_ended,
    option_names,
    padded_range,
    title_with_note,
    years_text,
)

# The columns the charts read: each chart works on these alone, so its row selections copy a few columns, not
# the whole comparison.
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


def cost_range_figure(rows: pd.DataFrame, horizon: int, currency: str, budget: float | None) -> dict:
    """Low-high bar of the total cost per option, the typical marked, the budget as a line.

    An open-ended total ("at least" its lower bound) is drawn from its lower bound as a fading
    bar ending in an arrow, labelled "at least". Options without any price are counted in a note.
    """
    rows = rows[[c for c in CHART_COLUMNS if c in rows]]
    symbol = vocab.CURRENCY_SYMBOL[currency]
    title = f"Total cost over {years_text(horizon)}: low to high, typical marked"
    is_open = open_ended(rows)
    closed = rows[rows["total_low"].notna() & rows["total_high"].notna() & ~is_open]
    open_ = rows[is_open]
    note = left_out_note(len(rows) - len(closed) - len(open_))
    if closed.empty and open_.empty:
        return empty_figure(title, "No option shown has a price for these filters.", note)
    names = option_names(rows.loc[closed.index.union(open_.index, sort=False)])
    top = max([*closed["total_high"].tolist(), *open_["total_low"].tolist(), budget or 0])
    end = top * 1.25 if top > 0 else 1
    data = []
    if not closed.empty:
        lows, highs = json_numbers(closed["total_low"]), json_numbers(closed["total_high"])
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": "total: low to high",
                "marker": {"color": "#4a6fa5", "pattern": {"shape": assumption_patterns(closed)}},
                "y": option_names(closed),
                "base": lows,
                "x": [max(h - lo, top * 0.004) for lo, h in zip(lows, highs, strict=True)],
                "customdata": [[lo, h] for lo, h in zip(lows, highs, strict=True)],
                "hovertemplate": f"%{{y}}<br>{symbol}%{{customdata[0]:,.0f}} to {symbol}%{{customdata[1]:,.0f}}<extra></extra>",
            }
        )
    if not open_.empty:
        lows = json_numbers(open_["total_low"])
        ys = option_names(open_)
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
                "y": option_names(typical),
                "x": json_numbers(typical["total_typical"]),
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
    rows = rows[[c for c in CHART_COLUMNS if c in rows]]
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
        return empty_figure(title, "No option shown has both a price and a published downtime.", note)
    is_open = open_ended(known)
    data = []
    for tier, group in known.groupby(known["risk_tier"].astype(int)):
        opened = is_open.loc[group.index]
        lows, highs = json_numbers(group["total_low"]), json_numbers(group["total_high"])
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": f"risk tier {tier}",
                "x": lows,
                "y": json_numbers(group["downtime_days_high"]),
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
                "text": option_names(group),
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
            "x": json_numbers(front["total_low"]),
            "y": json_numbers(front["downtime_days_high"]),
            "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": "#000"}},
            "text": option_names(front),
            "textposition": "top center",
        }
    )
    layout = base_layout(title)
    layout["title"] = title_with_note(title, subtitle + (" " + note if note else ""))
    x_values = json_numbers(known["total_low"]) + [
        h for h, o in zip(json_numbers(known["total_high"]), is_open, strict=True) if not o
    ]
    layout["xaxis"] = {
        **money_axis(symbol, f"Total over {years_text(horizon)}, lower bound; bar to the upper ({currency})"),
        "range": padded_range(x_values),
    }
    layout["yaxis"] = {
        **AXIS,
        "title": {"text": "Downtime, longest (days)"},
        "range": padded_range(json_numbers(known["downtime_days_high"])),
    }
    return {"data": data, "layout": layout}
