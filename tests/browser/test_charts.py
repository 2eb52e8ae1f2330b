"""The charts on a 390 px phone: titles and subtitles whole inside the figure, legends below the plot and
never over a title, an open total drawn as a floor marked "at least", every point of the cost-against-
downtime chart named in the list under it."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import show_charts

SEED = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&compare=microdermabrasion,microneedling,laser-co2-fractional"
UK = "/?market=UK&horizon=10&budget=5000&compare=botulinum-toxin,facelift"
CHARTS = ("cost-range-chart", "cost-downtime-chart", "cumulative-chart")


def box(locator):
    b = locator.bounding_box()
    assert b is not None, locator
    return b


def inside(inner, outer, slack=1.0):
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def apart(a, b):
    return (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("query", [SEED, UK], ids=["stretch-marks-US", "face-UK"])
def test_on_a_phone_titles_are_whole_and_legends_sit_below_the_plot(page, live_url, query, console_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + query)
    show_charts(page)
    for chart in CHARTS:
        graph = page.locator(f"#{chart}")
        expect(graph.locator(".legend")).to_be_attached()
        figure = box(graph.locator(".main-svg").first)
        assert figure["width"] <= 390
        title = box(graph.locator(".gtitle"))
        legend = box(graph.locator(".legend"))
        plot = box(graph.locator(".nsewdrag").first)
        assert inside(title, figure), (chart, title, figure)  # no title or subtitle line cut
        assert inside(legend, figure), (chart, legend, figure)
        assert apart(legend, title), (chart, legend, title)
        assert legend["y"] >= plot["y"] + plot["height"], (chart, legend, plot)  # below the plot
        for axis_title in graph.locator(".xtitle, .ytitle").all():
            assert inside(box(axis_title), figure), (chart, axis_title.text_content())
        assert apart(box(graph.locator(".xtitle")), legend), chart
    assert console_errors == []


def test_the_open_totals_are_drawn_as_floors_and_every_point_is_named(page, live_url, console_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + SEED)
    show_charts(page)
    cumulative = page.locator("#cumulative-chart")
    # fractional CO2's upkeep is not published: its line is a floor, dashed, named "at least" at its end
    name = "Fractional CO2 laser resurfacing"
    expect(cumulative.locator(".legendtext").filter(has_text=f"{name} (at least)")).to_have_count(1)
    expect(cumulative.locator(".annotation-text").filter(has_text=f"{name}: at least $2,509")).to_have_count(1)
    floor = cumulative.locator(".scatterlayer .trace").nth(2)
    dash = floor.locator(".js-line").evaluate("p => getComputedStyle(p).strokeDasharray")
    assert dash not in ("", "none"), dash
    expect(cumulative.locator(".legendtext").filter(has_text="your budget $3,000")).to_have_count(1)
    # the cost chart: "at least" labels end where each known part ends, not at the axis end
    cost = page.locator("#cost-range-chart")
    labels = cost.locator(".textpoint").filter(has_text="at least")
    expect(labels.filter(has_text="at least $2,509")).to_have_count(1)
    right = [box(label)["x"] for label in labels.all()]
    assert len(set(round(x) for x in right)) > 1, right
    # the cost-against-downtime chart: every number once (points close together share a label, "1, 3"), one line
    # per number in the list under it
    labels = page.locator("#cost-downtime-chart .textpoint")
    items = page.locator("#cost-downtime-key li")
    expect(items.first).to_contain_text("Microneedling with radiofrequency")
    assert items.count() == 5
    assert sorted(int(n) for text in labels.all_text_contents() for n in text.split(", ") if n) == [1, 2, 3, 4, 5]
    assert console_errors == []
