"""Charts: open-ended totals drawn as such, currency ticks, notes on what is left out, bands, crossovers."""

import math

import pandas as pd
import pytest

from dashboard.model.comparison import build_catalog, compare, crossover
from dashboard.model.filters import Filters
from dashboard.output import cumulative, figures


def frame(rows):
    base = {
        "total_typical": math.nan,
        "total_open": False,
        "downtime_days_high": 3.0,
        "risk_tier": 2,
        "pareto": False,
        "kind": "published",
    }
    return pd.DataFrame([{**base, **r} for r in rows]).set_index("name", drop=False)


ROWS = frame(
    [
        {"name": "Closed", "total_low": 1000.0, "total_high": 2000.0, "total_typical": 1500.0},
        {"name": "Open", "total_low": 1002.0, "total_high": math.nan, "total_open": True, "downtime_days_high": 0.0},
        {"name": "Unpriced", "total_low": math.nan, "total_high": math.nan},
    ]
)


def test_cost_range_draws_open_totals_as_a_known_part_and_a_marker_labelled_at_least():
    fig = figures.cost_range_figure(ROWS, 5, "USD", 3000)
    names = {t["name"] for t in fig["data"]}
    assert "known: low to high" in names and figures.OPEN_ENTRY in names
    arrow = next(t for t in fig["data"] if t["name"] == figures.OPEN_ENTRY and t["type"] == "scatter")
    assert arrow["marker"]["symbol"] == "triangle-right" and arrow["text"] == ["at least $1,002"]
    assert fig["layout"]["xaxis"]["tickprefix"] == "$"
    assert "1 option in the table is not drawn: no price." in fig["layout"]["title"]["text"]
    assert fig["layout"]["shapes"][0]["x0"] == 3000


def test_cost_range_in_pounds_and_with_nothing_priced():
    fig = figures.cost_range_figure(ROWS.loc[["Unpriced"]], 1, "GBP", None)
    assert fig["data"] == [] and "1 option in the table is not drawn" in fig["layout"]["title"]["text"]
    assert figures.cost_range_figure(ROWS, 1, "GBP", None)["layout"]["xaxis"]["tickprefix"] == "£"


def test_cost_downtime_axes_start_at_zero_with_room_for_a_single_point():
    fig = figures.cost_downtime_figure(ROWS.loc[["Closed"]], 5, "USD")
    assert fig["layout"]["xaxis"]["range"] == [0, pytest.approx(2400)]
    assert fig["layout"]["yaxis"]["range"] == [0, pytest.approx(3.6)]
    zero = figures.cost_downtime_figure(ROWS.loc[["Open"]], 5, "USD")
    assert zero["layout"]["yaxis"]["range"] == [0, 1]  # downtime 0 still gives a readable axis
    assert zero["data"][0]["marker"]["symbol"] == ["triangle-right"]
    # both axes meet at 0: their tick labels ("$0", "0") stand off the corner instead of running into each other
    assert fig["layout"]["xaxis"]["ticklabelstandoff"] > 0 and fig["layout"]["yaxis"]["ticklabelstandoff"] > 0


def test_options_on_the_same_spot_share_one_label_with_all_their_numbers():
    rows = frame(
        [
            {"name": "IPL", "total_low": 600.0, "total_high": 900.0, "downtime_days_high": 0.0, "risk_tier": 1},
            {"name": "Peel", "total_low": 300.0, "total_high": 500.0, "downtime_days_high": 3.0},
            {"name": "Laser", "total_low": 600.0, "total_high": 1200.0, "downtime_days_high": 0.0, "risk_tier": 2},
        ]
    )
    fig = figures.cost_downtime_figure(rows, 5, "GBP")
    labels = {(x, y): text for t in fig["data"] if t.get("mode") == "markers+text"
              for x, y, text in zip(t["x"], t["y"], t["text"], strict=True) if text}  # fmt: skip
    assert labels == {(600.0, 0.0): "1, 3", (300.0, 3.0): "2"}
    assert len(figures.cost_downtime_key(rows, "GBP")) == 3  # the list still names each option


def test_options_whose_labels_would_run_together_share_one_and_those_apart_keep_their_own():
    # at 0 days, £600 and £640 are 8 px apart on a phone's plot: "1" and "3" would read "13"
    rows = frame(
        [
            {"name": "IPL", "total_low": 600.0, "total_high": 900.0, "downtime_days_high": 0.0},
            {"name": "Peel", "total_low": 3000.0, "total_high": 9000.0, "downtime_days_high": 0.0},
            {"name": "Laser", "total_low": 640.0, "total_high": 1200.0, "downtime_days_high": 0.0},
            {"name": "Lift", "total_low": 620.0, "total_high": 800.0, "downtime_days_high": 14.0},
        ]
    )
    fig = figures.cost_downtime_figure(rows, 5, "GBP")
    labels = {(x, y): text for t in fig["data"] if t.get("mode") == "markers+text"
              for x, y, text in zip(t["x"], t["y"], t["text"], strict=True) if text}  # fmt: skip
    assert labels == {(600.0, 0.0): "1, 3", (3000.0, 0.0): "2", (620.0, 14.0): "4"}


def test_the_legend_is_below_the_plot_in_a_bottom_margin_that_holds_it():
    for fig in (
        figures.cost_range_figure(ROWS, 5, "USD", 3000),
        figures.cost_downtime_figure(ROWS, 5, "USD"),
    ):
        layout = fig["layout"]
        legend = layout["legend"]
        assert (legend["yref"], legend["y"], legend["yanchor"]) == ("container", 0, "bottom")
        entries = sum(1 for t in fig["data"] if t.get("showlegend", True))
        assert layout["margin"]["b"] >= 60 + 20 * entries


@pytest.mark.parametrize(
    "a, b, year",
    [
        ([100, 200, 300], [150, 160, 170], 1),
        ([100, 110], [150, 160], None),
        ([100, None, 300], [150, 160, 170], 2),
    ],
)
def test_crossover_year(a, b, year):
    found = crossover(list(range(len(a))), a, b)
    assert (found[0] if found else None) == year


def test_cumulative_band_budget_line_and_bases_named(small_dataset):
    catalog = build_catalog(small_dataset)
    chosen = ("abdominoplasty", "ha-filler", "botulinum-toxin")
    comparison = compare(catalog, Filters(market="US", horizon=5, compare=chosen))
    fig, sentences = cumulative.cumulative_figure(comparison.table, list(chosen), 5, "USD", comparison.cumulative, 9000)
    lows = [t for t in fig["data"] if t.get("fill") == "tonexty"]
    assert [t["name"] for t in lows] == ["Abdominoplasty †", "Hyaluronic-acid filler"]  # † a surgeon's fee
    assert any(t["name"] == "your budget $9,000" for t in fig["data"])  # a legend entry, not a label on the lines
    assert lows[0]["line"]["dash"] != lows[1]["line"]["dash"]
    assert "1 option in the table is not drawn: no price." in fig["layout"]["title"]["text"]
    assert any(s["type"] == "line" and s.get("y0") == 9000 for s in fig["layout"]["shapes"])
    assert fig["layout"]["yaxis"]["tickprefix"] == "$"


def test_bases_note_names_both_bases_only_when_they_differ():
    fee = pd.Series({"name": "Face lift", "basis": "surgeon-fee"})
    total = pd.Series({"name": "Filler", "basis": "total-price"})
    note = cumulative.bases_note(fee, total)
    assert "Face lift is a surgeon's fee only" in note and "Filler is a total price" in note
    assert cumulative.bases_note(total, total) == ""


def test_the_cost_title_says_typical_marked_only_where_a_typical_figure_is_drawn():
    with_typical = figures.cost_range_figure(ROWS, 5, "USD", None)
    assert (
        with_typical["layout"]["title"]["text"]
        .replace("<br>", " ")
        .startswith("Total cost over 5 years: low to high, typical marked")
    )
    assert any(t["name"] == "typical" for t in with_typical["data"])
    without = figures.cost_range_figure(ROWS.assign(total_typical=math.nan), 5, "USD", None)
    assert without["layout"]["title"]["text"].startswith("Total cost over 5 years: low to high<br><span")
    assert not any(t["name"] == "typical" for t in without["data"])
