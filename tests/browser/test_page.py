"""The four people of the page issue, keyboard only, and an axe-core check, in a real browser."""

import csv
import io
import re
from pathlib import Path

import openpyxl
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from dashboard.model.comparison import compare
from dashboard.model.filters import Filters
from dashboard.model.row import NO_PRICE_PUBLISHED
from dashboard.web.render import result_text
from tests.browser.pages import show_charts

FIVE_FACTS = ["Total over 5 years", "Budget fit", "Downtime", "Risk tier (1–5)", "What trials found"]
STRETCH = "/?concern=stretch-marks&market=US&budget=3000&horizon=5"


def wait_for_grid(page) -> None:
    """The first view carries the summary before the grid has drawn: wait for the grid's rows too."""
    expect(page.locator(".ag-center-cols-container .ag-row").first).to_be_visible()
    expect(page.locator(".ag-header-cell-text")).to_have_count(len(FIVE_FACTS) + 1)


def grid_column(page, col_id: str) -> list[str]:
    """The texts of one grid column in display order (every row: the grid is laid out at full height)."""
    return page.locator(f".ag-center-cols-container .ag-row .ag-cell[col-id='{col_id}']").evaluate_all(
        "cells => cells.map(c => [Number(c.closest('.ag-row').getAttribute('row-index')), c.textContent.trim()])"
        ".sort((a, b) => a[0] - b[0]).map(p => p[1])"
    )


def names_in_order(page) -> list[str]:
    return page.locator(".ag-pinned-left-cols-container .ag-row").evaluate_all(
        "rows => rows.map(r => [Number(r.getAttribute('row-index')), r.textContent.trim()])"
        ".sort((a, b) => a[0] - b[0]).map(p => p[1])"
    )


def pick(page, dropdown_id: str, label: str) -> None:
    """Choose an option of a dropdown once the page has settled (an update redrawing the page while the
    list is open can move it out of view: then the list is closed and opened again)."""
    expect(page.locator("[data-dash-is-loading=true]")).to_have_count(0)
    for attempt in range(3):
        page.locator(f"#{dropdown_id}").scroll_into_view_if_needed()
        page.click(f"#{dropdown_id}")
        option = page.locator("[role=listbox] [role=option]", has_text=label).first
        try:
            option.click(timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def serious_violations(page) -> list[str]:
    page.mouse.move(0, 0)  # no hover fade under the pointer while colours are measured
    page.wait_for_timeout(300)
    expect(page.locator(".ag-tooltip")).to_have_count(0)  # a grid tooltip fading out is not measured
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_desktop_stretch_marks_us_3000(page, live_url, catalog, console_errors):
    """A US patient with stretch marks and 3,000 to spend over 5 years."""
    c = compare(catalog, Filters(concern="stretch-marks", budget=3000, horizon=5))
    page.goto(live_url + STRETCH)
    expect(page.locator("#result-count")).to_have_text(result_text(c))
    wait_for_grid(page)
    assert re.search(r"\d+ may fit", result_text(c))
    headers = page.locator(".ag-header-cell-text").all_inner_texts()
    assert headers == ["Option"] + FIVE_FACTS
    totals = grid_column(page, "total_low")
    assert len(totals) == len(c.rows)
    # the total, then the course beside the upkeep on its own line
    lines = [t.split("\n") for t in totals]
    assert all(re.fullmatch(r"(at least )?\$[\d,]+(–\$[\d,]+)?|no price", t[0]) for t in lines), totals
    assert all(len(t) == 1 or re.match(r"(course|procedure) (at least )?\$", t[1]) for t in lines), totals
    assert "unknown" not in totals
    assert all(f.split("\n")[0] in ("Fits", "May fit", "No price") for f in grid_column(page, "fit_rank"))
    for option in c.rows[c.rows["total_low"].isna()].itertuples():
        assert NO_PRICE_PUBLISHED in option.missing_inputs, option.name  # every option without a price says why
    # over budget: one click shows them, dimmed, below the others
    hidden = c.hidden_over_budget
    assert hidden > 0
    expect(page.locator("#over-budget-note")).to_have_text(
        f"{hidden} more option{'s' if hidden != 1 else ''} {'are' if hidden != 1 else 'is'} over budget"
    )
    page.click("label[for=show-over-budget]")
    expect(page).to_have_url(re.compile("over_budget=1"))
    expect(page.locator(".ag-center-cols-container .over-budget-row")).to_have_count(hidden)
    fits = [f.split("\n")[0] for f in grid_column(page, "fit_rank")]  # the answer, then its condition
    over_at = [i for i, f in enumerate(fits) if f == "Over budget"]
    assert len(over_at) == hidden and over_at == list(range(over_at[0], over_at[0] + hidden))
    assert all(f == "No price" for f in fits[over_at[-1] + 1 :])  # below the others, above the unpriced
    # sorting the total either way keeps options without a price last, over budget below all
    header = page.locator(".ag-header-cell[col-id='total_low']")
    for _ in range(2):
        header.click()
        totals = grid_column(page, "total_low")
        first_unpriced = totals.index("no price") if "no price" in totals else len(totals)
        assert all(t == "no price" for t in totals[first_unpriced:]), totals
        fits = [f.split("\n")[0] for f in grid_column(page, "fit_rank")]
        assert all(f == "Over budget" for f in fits[first_unpriced - hidden : first_unpriced]), fits
    # a budget typed as 1234 is applied as typed and goes into the URL; Export straight away uses it
    page.fill("#budget", "1234")
    with page.expect_download() as info:
        page.click("#export-csv")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[1][1].endswith("budget 1,234 USD; over-budget options shown")
    expect(page).to_have_url(re.compile(r"budget=1234"))
    expect(page.locator("#budget")).to_have_value("1234")
    typed = compare(catalog, Filters(concern="stretch-marks", budget=1234, horizon=5, show_over_budget=True))
    expect(page.locator("#result-count")).to_have_text(result_text(typed))
    expect(page.locator("[data-dash-is-loading=true]")).to_have_count(0)
    assert serious_violations(page) == []
    assert console_errors == []


def test_refused_value_is_said_next_to_the_field(page, live_url):
    page.goto(live_url + STRETCH)
    expect(page.locator("#result-count")).not_to_be_empty()
    for typed in ("155", "2.5"):
        page.fill("#max-downtime", typed)
        page.press("#max-downtime", "Enter")
        expect(page).to_have_url(re.compile(rf"max_downtime={re.escape(typed)}"))
    page.fill("#budget", "-40")
    page.press("#budget", "Enter")
    # the server cannot use it: the message says so, and the budget in force before stays applied
    expect(page.locator("#budget-message")).to_have_text("“-40” is not a number from 0 to 10,000,000. Applied: 3,000.")
    expect(page).to_have_url(re.compile(r"budget=3000"))
    page.reload()
    expect(page.locator("#budget")).to_have_value("3000")
    page.fill("#budget", "3000")
    page.press("#budget", "Enter")
    expect(page.locator("#budget-message")).to_be_empty()


def test_uk_face_options_over_ten_years_with_earnings(page, live_url, catalog, console_errors):
    """A UK patient weighing botulinum toxin, fillers and a face lift over 10 years, with daily earnings."""
    chosen = "botulinum-toxin,ha-filler,facelift"
    page.goto(live_url + f"/?market=UK&horizon=10&earnings=120&compare={chosen}")
    c = compare(catalog, Filters(market="UK", horizon=10, daily_earnings=120, compare=tuple(chosen.split(","))))
    expect(page.locator("#result-count")).to_have_text(result_text(c))
    expect(page.locator(".ag-header-cell[col-id='with_time_off_low']")).to_contain_text("Incl. time off")
    totals = grid_column(page, "total_low")
    assert totals and all(t.startswith(("£", "at least £", "up to £", "no price")) for t in totals), totals
    show_charts(page)
    expect(page.locator("#cost-range-chart .xtick").first).to_contain_text("£")
    expect(page.locator("#cumulative-chart .legendtext").first).to_be_visible()
    page.locator(".nav-link", has_text="Side by side").click()
    table = page.locator("#side-by-side table")
    expect(table.locator("thead th")).to_have_count(4)
    cell = table.locator("td.diff-cell").first
    colour = cell.evaluate("c => getComputedStyle(c).backgroundColor")
    shadow = cell.evaluate("c => getComputedStyle(c).boxShadow")
    assert colour == "rgb(255, 241, 184)" and "255, 255, 255" not in shadow
    assert "unknown – unknown" not in table.inner_text() and "unknown - unknown" not in table.inner_text()
    assert serious_violations(page) == []
    assert console_errors == []


def test_analyst_adds_quotes_and_exports_excel(page, live_url, console_errors):
    """A clinic analyst adds quotes (one in pounds) and exports Excel for the US market."""
    page.goto(live_url + "/?market=US&horizon=3")
    expect(page.locator("#result-count")).not_to_be_empty()
    for clinic, price, currency in (("Clinic A", "450", "USD"), ("Clinic B", "300", "GBP")):
        pick(page, "quote-treatment", "Botulinum toxin injections")
        page.fill("#quote-clinic", clinic)
        page.fill("#quote-price", price)
        pick(page, "quote-currency", currency)
        page.click("#quote-add")
        expect(page.locator("#quote-list")).to_contain_text(clinic)
    with page.expect_download() as info:
        page.click("#export-xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert book.sheetnames == ["Comparison", "Settings", "Sources", "Quotes"]
    sheet = book["Comparison"]
    assert sheet["A1"].value == "Option" and sheet.freeze_panes == "B2" and sheet.auto_filter.ref
    assert any("Your quote: Clinic A" in str(r[0].value) for r in sheet.iter_rows(min_row=2))
    quotes = [[c.value for c in r] for r in book["Quotes"].iter_rows(min_row=2)]
    assert [q[0] for q in quotes] == ["Clinic A", "Clinic B"]
    assert quotes[1][-1] == "left out: currency is not the market's"
    settings = {r[0].value: r[1].value for r in book["Settings"].iter_rows()}
    assert settings["Your quotes left out"].startswith("1 not in USD, the currency of this market: Clinic B")
    assert console_errors == []


def test_phone_cards_with_the_five_facts(browser, live_url, catalog):
    """The first patient again, on a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_url + STRETCH)
    c = compare(catalog, Filters(concern="stretch-marks", budget=3000, horizon=5))
    expect(page.locator("#result-count")).to_have_text(result_text(c))
    cards = page.locator("#result-cards .option-cards h3")
    expect(cards).to_have_count(len(c.rows))
    expect(page.locator("#results-grid")).to_be_hidden()
    first = page.locator("#result-cards .option-cards ul").first
    for fact in ("Total:", "Budget:", "Downtime:", "Risk tier:", "What trials found:"):
        expect(first.locator("strong", has_text=fact)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    box = first.bounding_box()
    assert box and box["width"] <= 390
    page.click("label[for=show-over-budget]")
    expect(page.locator("#result-cards .over-budget-cards h3")).to_have_count(c.hidden_over_budget)
    assert serious_violations(page) == []
    context.close()


def test_keyboard_only_filters_grid_tabs_and_export(page, live_url):
    page.goto(live_url + STRETCH)
    expect(page.locator("#result-count")).not_to_be_empty()
    wait_for_grid(page)
    page.focus("#show-over-budget")
    page.keyboard.press("Tab")  # into the grid: one stop
    focused = page.evaluate("document.activeElement.closest('#results-grid') !== null")
    assert focused
    page.keyboard.press("ArrowDown")  # from the header into the first row
    page.keyboard.press("ArrowRight")
    cell = page.evaluate("document.activeElement.getAttribute('col-id')")
    assert cell == "total_low"
    page.keyboard.press("Space")  # selects the row: its details open
    expect(page.locator("#option-details")).to_contain_text("Details:")
    page.keyboard.press("Tab")  # out of the grid in one press, to the next thing on the page
    assert page.evaluate("document.activeElement.closest('#results-grid') === null")
    assert page.evaluate("document.activeElement.closest('#option-details, #missing-notes, .exports') !== null")
    page.focus("#export-csv")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".csv")
    tab = page.locator(".nav-link.active")
    tab.focus()
    expect(tab).to_have_text("Charts")
    page.keyboard.press("ArrowRight")
    expect(page.locator(".nav-link.active")).to_have_text("Side by side")
    assert page.evaluate("document.activeElement.textContent") == "Side by side"
    page.keyboard.press("End")
    expect(page.locator(".nav-link.active")).to_have_text("Sources")
    expect(page.locator("#sources-panel")).to_be_visible()
    # every control has a visible label
    for control in (
        "concern",
        "market",
        "category",
        "budget",
        "horizon",
        "max-downtime",
        "max-risk",
        "daily-earnings",
        "compare",
    ):
        expect(page.locator(f"#{control}-label")).to_be_visible()


def test_each_list_reached_with_tab_is_named_by_its_label_then_its_value(page, live_url):
    page.goto(live_url + STRETCH)
    wait_for_grid(page)
    page.focus(".skip-link")
    page.keyboard.press("Tab")  # the first list: the concern
    expect(page.locator("#concern")).to_be_focused()
    expect(page.locator("#concern")).to_have_accessible_name("Concern Stretch marks")
    page.keyboard.press("Tab")
    expect(page.locator("#market")).to_have_accessible_name("Market United States (USD)")
    expect(page.locator("#compare")).to_have_accessible_name(re.compile(r"^Compare side by side"))
    # a new value is said after the label too
    page.locator("#market").click()
    page.locator("[role=listbox] [role=option]").filter(has_text="United Kingdom").first.click()
    page.keyboard.press("Escape")
    expect(page.locator("#market")).to_have_accessible_name(re.compile(r"^Market United Kingdom"))


def test_the_tab_list_says_which_view_is_selected_after_a_click_and_a_key(page, live_url):
    page.goto(live_url + STRETCH)
    wait_for_grid(page)
    tabs = page.locator("[role=tablist] [role=tab]")
    expect(tabs).to_have_count(3)

    def selected() -> list[str]:
        return [tabs.nth(i).get_attribute("aria-selected") or "" for i in range(3)]

    tabs.nth(1).click()
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    assert selected() == ["false", "true", "false"]
    expect(tabs.nth(1)).to_have_attribute("tabindex", "0")
    page.keyboard.press("ArrowRight")
    expect(tabs.nth(2)).to_have_attribute("aria-selected", "true")
    assert selected() == ["false", "false", "true"]
    expect(page.locator(".tab-pane.active[role=tabpanel]")).to_have_attribute(
        "aria-labelledby", tabs.nth(2).get_attribute("id") or ""
    )
    page.keyboard.press("Home")  # back to a view already shown
    expect(tabs.nth(0)).to_have_attribute("aria-selected", "true")
    assert selected() == ["true", "false", "false"]
    tabs.nth(1).click()
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    assert selected() == ["false", "true", "false"]


def test_focus_ring_is_visible_on_buttons(page, live_url):
    page.goto(live_url + STRETCH)
    expect(page.locator("#result-count")).not_to_be_empty()
    page.focus("#export-xlsx")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_the_quote_upload_is_one_tab_stop_that_opens_the_file_chooser_from_the_keyboard(page, live_url):
    choosers = []  # listened for from the start: the chooser is intercepted only once a listener is set
    page.on("filechooser", lambda chooser: choosers.append(chooser.element.get_attribute("aria-label")))
    page.goto(live_url + "/?concern=fine-lines")
    expect(page.locator("#result-count")).to_contain_text("option")
    # the upload's own chooser comes with its code, loaded once the page is shown
    expect(page.locator("#quote-upload input[type=file]")).to_have_attribute("tabindex", "-1")
    upload = page.locator("#quote-upload button")
    upload.focus()
    page.keyboard.press("Tab")  # past the upload: the next control, not its hidden file input
    expect(page.locator("#quote-template")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(upload).to_be_focused()
    for count, key in enumerate(("Enter", " "), start=1):
        page.keyboard.press(key)
        for _ in range(50):
            if len(choosers) == count:
                break
            page.wait_for_timeout(100)
        assert choosers == ["Upload a CSV of quotes"] * count
