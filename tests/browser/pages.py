"""What the browser journeys do and expect on the page, shared by their modules (fixtures are in conftest.py)."""

from playwright.sync_api import expect

from dashboard.model.comparison import compare
from dashboard.model.filters import Filters
from dashboard.output.page_texts import over_budget_text
from dashboard.web.render import result_text


def choose(page, control_id, label):
    """Pick `label` in the dropdown `control_id` as a person does: open it, click the option, close it."""
    page.click(f"#{control_id}")
    page.locator("[role=listbox] [role=option]", has_text=label).first.click()
    page.keyboard.press("Escape")


def expected(catalog, **filters):
    """(comparison, result count text, over-budget note) the page should show for these filters."""
    c = compare(catalog, Filters(**filters))
    return c, result_text(c), over_budget_text(c.hidden_over_budget)


def show_charts(page):
    """Scroll to the charts as a person does, once the results are drawn: they are drawn when their part of
    the page nears the screen."""
    page.locator("#results-grid .ag-row, #results-grid .ag-overlay-no-rows-center").first.wait_for(state="attached")
    page.locator("#view-tabs").scroll_into_view_if_needed()
    expect(page.locator("#cost-range-chart .main-svg").first).to_be_attached()
