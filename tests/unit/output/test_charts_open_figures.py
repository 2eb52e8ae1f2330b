"""Charts honest about open figures: an "at least" total is its known part plus a marker of fixed length,
a rising floor in the cumulative chart; identical lines told apart; every cost-against-downtime point
named; quotes and surgeon's fees in the legend; titles wrapped and labels shortened for a phone."""

import math
import re

import pandas as pd

from dashboard.output import chart_parts, cumulative, figures

NAN = math.nan


def frame(rows):
    base = {
        "kind": "published",
        "basis": "total-price",
        "assumed": "",
        "total_typical": NAN,
        "total_open": False,
        "initial_open": False,
        "maintenance_low": 0.0,
        "maintenance_high": NAN,
        "downtime_days_high": 3.0,
        "risk_tier": 2,
        "pareto": False,
    }
    out = pd.DataFrame([{**base, **r} for r in rows])
    return out.set_index("id", drop=False)


def open_option(tid, name, low, course_high, **extra):
    """An option whose course is known ($low to $course_high) and whose upkeep is not published."""
    return {
        "id": tid,
        "name": name,
        "total_low": low,
        "total_high": NAN,
        "total_open": True,
        "initial_low": low,
        "initial_high": course_high,
        **extra,
    }


CHEAP = open_option("cheap", "Topical cream", 90.0, 150.0)
DEAR = open_option("dear", "Fractional CO2 laser resurfacing", 2509.0, 5018.0)
CLOSED = {"id": "closed", "name": "Pulsed dye laser", "total_low": 2400.0, "total_high": 12000.0}
FEE = {**open_option("fee", "Microdermabrasion", 1246.0, 2077.0), "basis": "surgeon-fee"}
QUOTE = {
    "id": "quote-1",
    "name": "Your quote: Glow Clinic (Microneedling)",
    "kind": "your quote",
    "basis": "your-quote",
    "total_low": 900.0,
    "total_high": 1800.0,
}


def trace(fig, name, kind=None):
    return next(t for t in fig["data"] if t["name"] == name and (kind is None or t["type"] == kind))


def plain_lines(text: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", line) for line in text.split("<br>")]


def test_open_bars_end_in_a_marker_of_the_same_length_after_their_known_part_never_at_the_axis_end():
    fig = figures.cost_range_figure(frame([CHEAP, CLOSED, DEAR]), 5, "USD", 3000)
    known = trace(fig, "known: low to high", "bar")
    stubs = [t for t in fig["data"] if t["name"] == figures.OPEN_ENTRY and t["type"] == "bar"][0]
    arrows = trace(fig, figures.OPEN_ENTRY, "scatter")
    # the course is drawn as known: from its lower to its upper figure
    open_known = [t for t in fig["data"] if t["type"] == "bar" and t.get("showlegend") is False and t is not stubs]
    assert open_known[0]["base"] == [90.0, 2509.0] and open_known[0]["x"] == [60.0, 2509.0]
    # then the same short marker for both: "at least $90" and "at least $2,509" end in different places
    assert stubs["base"] == [150.0, 5018.0] and stubs["x"][0] == stubs["x"][1] == figures.OPEN_MARK * 12000
    assert arrows["x"] == [150.0 + 960.0, 5018.0 + 960.0]
    assert arrows["text"] == ["at least $90", "at least $2,509"]
    assert max(arrows["x"]) < fig["layout"]["xaxis"]["range"][1] * 0.6
    # the hover says what is known and what is not
    assert arrows["customdata"][0][1] == "at least $90: course $90 to $150, + upkeep not published"
    assert known["name"] == "known: low to high" and known["y"] == ["closed"]


def test_an_open_total_without_a_known_course_is_its_lower_bound_and_the_marker():
    price_open = {**open_option("o", "Chemical peel", 500.0, NAN), "initial_open": True}
    fig = figures.cost_range_figure(frame([price_open]), 3, "GBP", None)
    stubs = [t for t in fig["data"] if t["name"] == figures.OPEN_ENTRY and t["type"] == "bar"][0]
    assert stubs["base"] == [500.0]
    assert trace(fig, figures.OPEN_ENTRY, "scatter")["customdata"][0][1] == (
        "at least £500: no upper figure is published"
    )
    assert trace(fig, "known: low to high")["showlegend"] is True  # the only known bars


def test_long_labels_are_shortened_with_the_full_name_in_the_hover_text():
    long = {**CLOSED, "id": "long", "name": "Microneedling with platelet-rich plasma (vampire facial)"}
    fig = figures.cost_range_figure(frame([long, DEAR]), 5, "USD", None)
    ticks = dict(zip(fig["layout"]["yaxis"]["tickvals"], fig["layout"]["yaxis"]["ticktext"], strict=True))
    assert ticks["long"] == "Microneedling with<br>platelet-rich…"
    assert ticks["dear"] == "Fractional CO2<br>laser resurfacing"
    assert all(len(line) <= 18 for text in ticks.values() for line in text.split("<br>"))
    bars = trace(fig, "known: low to high", "bar")
    assert bars["customdata"][0][0] == "Microneedling with platelet-rich plasma (vampire facial)"
    assert "%{customdata[0]}" in bars["hovertemplate"]


def test_titles_wrap_to_fit_a_phone_and_the_top_margin_grows_with_their_lines():
    few = figures.cost_range_figure(frame([CLOSED]), 5, "USD", None)["layout"]
    many = figures.cost_range_figure(frame([CLOSED] + [{"id": f"u{i}", "name": "x"} for i in range(3)]), 5, "USD", None)
    many = many["layout"]
    title = plain_lines(many["title"]["text"])
    assert len(title) > len(plain_lines(few["title"]["text"]))  # the note's lines
    assert all(len(line) <= chart_parts.NOTE_WIDTH for line in title)
    assert many["margin"]["t"] >= few["margin"]["t"] + chart_parts.NOTE_LINE * (len(title) - 1)
    long = chart_parts.title_with_note("Cumulative cost over 10 years (GBP): low to high band per option")
    assert [len(line) <= chart_parts.TITLE_WIDTH for line in plain_lines(long["text"])] == [True, True]


def test_a_surgeons_fee_is_marked_with_a_legend_entry_and_quotes_have_one():
    fig = figures.cost_range_figure(frame([FEE, QUOTE, CLOSED]), 5, "USD", None)
    ticks = fig["layout"]["yaxis"]["ticktext"]
    assert ticks[0] == "Microdermabrasion †" and not ticks[2].endswith("†")
    names = [t["name"] for t in fig["data"] if t.get("showlegend", True)]
    assert chart_parts.SURGEON_FEE_ENTRY in names and "your quote" in names
    assert trace(fig, "known: low to high")["marker"]["color"] == [chart_parts.QUOTE_COLOUR, figures.BAR]
    without = figures.cost_range_figure(frame([CLOSED]), 5, "USD", None)
    assert {t["name"] for t in without["data"]} == {"known: low to high"}


def test_the_budget_is_a_legend_entry_not_a_label_on_the_plot():
    fig = figures.cost_range_figure(frame([CLOSED]), 5, "USD", 3000)
    assert "annotations" not in fig["layout"]
    entry = trace(fig, "your budget $3,000")
    assert entry["line"]["dash"] == "dash" and entry["x"] == [None]


def test_every_point_of_the_cost_against_downtime_chart_is_numbered_and_listed():
    rows = frame([CLOSED, FEE, QUOTE, {**DEAR, "risk_tier": 4, "pareto": True}])
    fig = figures.cost_downtime_figure(rows, 5, "USD")
    # every number is on the chart once: the four points share a downtime, so close ones share a label ("2, 3")
    labels = [text for t in fig["data"][:-4] for text in t.get("text", []) if text]
    assert sorted(int(n) for text in labels for n in text.split(", ")) == [1, 2, 3, 4]
    hovers = [c[0] for t in fig["data"][:-4] for c in t.get("customdata", [])]
    key = figures.cost_downtime_key(rows, "USD")
    assert key == [
        "Pulsed dye laser: $2,400 to $12,000; downtime up to 3 days; risk tier 2",
        "Microdermabrasion †: at least $1,246; downtime up to 3 days; risk tier 2",
        "Your quote: Glow Clinic (Microneedling): $900 to $1,800; downtime up to 3 days; risk tier 2",
        "Fractional CO2 laser resurfacing: at least $2,509; downtime up to 3 days; risk tier 4; ringed: best trade-off",
    ]
    assert sorted(int(hover.split(". ")[0]) for hover in hovers) == [1, 2, 3, 4]
    for hover in hovers:  # the hover names the point as the list does
        number, name = hover.split(". ", 1)
        assert key[int(number) - 1].startswith(name)
    names = [t["name"] for t in fig["data"] if t.get("showlegend", True)]
    assert {chart_parts.SURGEON_FEE_ENTRY, "at least: no upper figure published"} <= set(names)
    assert "your quote (outlined; a star where its total is known)" in names
    tier2 = fig["data"][0]
    assert tier2["marker"]["line"]["color"][2] == chart_parts.QUOTE_COLOUR and tier2["marker"]["symbol"][2] == "star"


def cumulative_rows():
    return frame(
        [
            {**FEE, "id": "a", "name": "Microdermabrasion"},
            {**CHEAP, "id": "b", "name": "Chemical peel"},
            {**CHEAP, "id": "c", "name": "Chemical peel, again"},
            QUOTE,
        ]
    )


CUMULATIVE = {
    "a": {"low": [1246.0, 1246.0, 1446.0], "typical": [NAN] * 3, "high": [2077.0, NAN, NAN]},
    "b": {"low": [90.0, 90.0, 90.0], "typical": [NAN] * 3, "high": [150.0, NAN, NAN]},
    "c": {"low": [90.0, 90.0, 90.0], "typical": [NAN] * 3, "high": [150.0, NAN, NAN]},
    "quote-1": {"low": [900.0, 900.0, 900.0], "typical": [NAN] * 3, "high": [1800.0, 1800.0, 1800.0]},
}


def test_an_open_total_is_a_rising_floor_marked_at_least_never_a_plain_flat_band():
    fig, _ = cumulative.cumulative_figure(cumulative_rows(), ["a"], 2, "USD", CUMULATIVE, 3000)
    floor = next(t for t in fig["data"] if t.get("legendgroup") == "a" and t.get("showlegend", True))
    assert floor["name"] == "Microdermabrasion † (at least)"
    assert floor["line"]["dash"] == "dash" and floor["marker"]["symbol"] == "triangle-up"
    assert floor["fill"] == "none" and floor["y"] == [1246.0, 1246.0, 1446.0]  # rises where the floor rises
    assert floor["error_y"]["array"] == [831.0, 0, 0]  # the initial course's range at year 0
    assert floor["customdata"][1] == [1, "at least $1,246 (more not published)"]
    label = fig["layout"]["annotations"][0]
    assert label["text"] == "Microdermabrasion †: at least $1,446" and label["x"] == 2
    assert "can only go up" in fig["layout"]["title"]["text"]
    names = [t["name"] for t in fig["data"]]
    assert chart_parts.SURGEON_FEE_ENTRY in names and "your budget $3,000" in names


def test_identical_lines_are_drawn_apart_named_at_their_ends_and_said_to_be_alike():
    fig, sentences = cumulative.cumulative_figure(cumulative_rows(), ["b", "c"], 2, "USD", CUMULATIVE)
    b, c = (next(t for t in fig["data"] if t.get("legendgroup") == k) for k in "bc")
    assert b["x"] == [0, 1, 2] and c["x"] == [cumulative.DODGE, 1 + cumulative.DODGE, 2 + cumulative.DODGE]
    assert b["line"]["color"] != c["line"]["color"]
    shifts = sorted(a["yshift"] for a in fig["layout"]["annotations"])
    assert shifts[1] - shifts[0] >= cumulative.LABEL_GAP  # the two end labels do not overlap
    assert any(
        "Chemical peel and Chemical peel, again cost the same" in s and "a little to the right" in s for s in sentences
    )


def test_a_quote_in_the_cumulative_chart_has_its_own_legend_entry_and_marker():
    fig, _ = cumulative.cumulative_figure(cumulative_rows(), ["a", "quote-1"], 2, "USD", CUMULATIVE)
    quote = next(t for t in fig["data"] if t.get("legendgroup") == "quote-1" and t.get("showlegend", True))
    assert quote["name"].startswith("Your quote: Glow Clinic") and quote["marker"]["symbol"] == "star"
    assert quote["fill"] == "tonexty"  # a known band, not a floor


def test_chart_text_is_wrapped_as_textwrap_wraps_it():
    import random
    import textwrap

    pieces = ["a", "bb", "word", "longerword", "averyveryverylongword", "–", "x-y", "a\xa0", "\u2009", " ", "  "]
    pieces += ["\t", "\n", "\r", "\xa0"]
    texts = [
        "",
        " ",
        "one",
        " lead",
        "trail ",
        "Cost against downtime, by risk tier",
        "Microneedling (your assumption)",
    ]
    draw = random.Random(7)
    texts += ["".join(draw.choice(pieces) for _ in range(draw.randint(1, 30))) for _ in range(2000)]
    texts += [" ".join(draw.choice(pieces[:7]) for _ in range(draw.randint(1, 30))) for _ in range(2000)]
    for text in texts:
        for width in (1, 4, 10, 18, 32, 44, 58):
            assert chart_parts.wrap_lines(text, width) == textwrap.wrap(text, width, break_on_hyphens=False), (
                text,
                width,
            )
