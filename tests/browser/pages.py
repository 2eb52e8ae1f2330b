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


def network_latency(page, ms, session=None, download=-1):
    """Every request of the page takes `ms` more (0: back to normal), and its answer arrives at `download` bytes a
    second (-1: at once), through Chrome's network emulation; the CDP session to pass again to change it."""
    if session is None:
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": ms, "downloadThroughput": download, "uploadThroughput": -1},
    )
    return session


def budget_answer(page, budget) -> str:
    """Type a budget and press Enter as a person does; the text of the callback answer that follows."""
    with page.expect_response(lambda r: "_dash-update-component" in r.url) as answer:
        page.fill("#budget", str(budget))
        page.press("#budget", "Enter")
    return answer.value.text()
