"""Prices in: switching between the latest index year's money and the published figures, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.model.comparison import compare
from dashboard.model.filters import Filters
from dashboard.web.render import result_text

GRID = "dash_ag_grid.getApi('results-grid')"


def grid_total(page, row_id: str):
    return page.evaluate(f"(id) => {GRID}.getRowNode(id).data.total_low", row_id)


def tooltip(page, row_id: str):
    """Hover the row's total cell (its tooltip names the price figures; after any earlier tooltip has
    gone) and return the tooltip."""
    column = page.evaluate(
        f"(id) => {{ const api = {GRID}; api.ensureNodeVisible(api.getRowNode(id)); "
        "const col = api.getColumns().find(c => c.getColDef().field === 'total_low'); "
        "api.ensureColumnVisible(col); return col.getColId(); }",
        row_id,
    )
    page.mouse.move(0, 0)
    expect(page.locator(".ag-tooltip")).to_have_count(0)
    page.locator(f".ag-row[row-id='{row_id}'] .ag-cell[col-id='{column}']").first.hover()
    box = page.locator(".ag-tooltip")
    expect(box).to_be_visible()
    return box


def test_switching_prices_in_changes_totals_and_the_tooltip_names_both_figures(page, live_url, catalog, console_errors):
    latest_comparison = compare(catalog, Filters(concern="stretch-marks", horizon=5))
    latest = latest_comparison.rows
    published = compare(catalog, Filters(concern="stretch-marks", horizon=5, prices_in="published")).rows
    changed = [
        i
        for i in latest.index
        if latest.loc[i, "total_low"] != published.loc[i, "total_low"]
        and isinstance(latest.loc[i, "session_low_year"], float)
        and latest.loc[i, "session_low_year"] < 2025
    ]
    assert changed, "a dated US price should be adjusted"
    row_id = changed[0]
    year = int(latest.loc[row_id, "session_low_year"])

    page.goto(live_url + "/?concern=stretch-marks&horizon=5")
    expect(page.locator("#prices-in")).to_contain_text("money (adjusted for inflation)")
    expect(page.locator("#result-count")).to_have_text(result_text(latest_comparison))
    page.wait_for_function(
        f"() => {{ try {{ return !!{GRID}.getRowNode('{row_id}'); }} catch (e) {{ return false; }} }}"
    )
    assert grid_total(page, row_id) == pytest.approx(latest.loc[row_id, "total_low"])
    expect(tooltip(page, row_id)).to_contain_text("in 2025 dollars (published $")
    expect(tooltip(page, row_id)).to_contain_text(f"in {year}; CPI-U {year} -> 2025)")

    page.click("label:has-text('As published')")
    expect(page).to_have_url(re.compile(r"prices_in=published"))
    page.wait_for_function(
        f"(want) => Math.abs({GRID}.getRowNode('{row_id}').data.total_low - want) < 0.01",
        arg=float(published.loc[row_id, "total_low"]),
    )
    assert grid_total(page, row_id) != pytest.approx(latest.loc[row_id, "total_low"])
    expect(tooltip(page, row_id)).to_contain_text(f"published in {year}; shown as published")
    assert console_errors == []
