"""The stretch-marks person in the US asks what each option buys: what trials found, beside the cost."""

import re

from playwright.sync_api import expect

from tests.browser.pages import show_charts

QUERY = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&over_budget=1"


def cell(page, tid, column="evidence"):
    return page.locator(f'.ag-center-cols-container .ag-row[row-id="{tid}"] [col-id="{column}"]')


def test_details_show_the_trial_figure_and_the_chart_draws(page, live_url, console_errors):
    page.goto(live_url + QUERY)
    expect(cell(page, "microdermabrasion")).to_have_text(
        re.compile(r"^50% improved · n=20\s+split-body study · grade B$")
    )
    expect(cell(page, "topical-tretinoin")).to_have_text(re.compile(r"^80% improved · n=10\s+randomised trial"))
    # a treatment with no study says so, in its row and its details
    expect(cell(page, "abdominoplasty")).to_have_text(re.compile(r"^no trial result found"))
    cell(page, "microdermabrasion").click()
    details = page.locator("#option-details")
    expect(details).to_contain_text(
        "50% of 20 patients reached “good to excellent (more than 50%) improvement” after 5 weekly sessions"
    )
    expect(details).to_contain_text("split-body study")
    # no control share printed: the page says why it cannot count the extra patients improved
    expect(details).to_contain_text("Unknown: the study does not report the share improved with")
    cell(page, "topical-tretinoin").click()
    expect(details).to_contain_text("1 more patient improved for every 1.39 treated")
    cell(page, "abdominoplasty").click()
    expect(details).to_contain_text("No trial result found for this concern.")
    # the chart: a labelled point per option with a price and a share, the note on thresholds
    show_charts(page)
    chart = page.locator("#trial-chart")
    expect(chart.locator(".scatterlayer .point").first).to_be_attached()
    expect(chart.locator(".textpoint")).to_have_count(5)  # numbered, and named in the key under it
    expect(
        page.locator("#trial-notes ol li").filter(has_text="Microdermabrasion †: 50% improved · n=20")
    ).to_have_count(1)
    expect(chart.locator(".gtitle")).to_contain_text("thresholds differ between studies")
    # under it: which option's trial allows a cost per extra patient improved, and which have none
    notes = page.locator("#trial-notes")
    expect(notes).to_contain_text("Topical tretinoin, at “definite or marked improvement”, against vehicle cream")
    expect(notes).to_contain_text("no trial result found for Abdominoplasty (tummy tuck)")
    assert console_errors == []


def test_a_phone_card_says_what_trials_found(page, live_url, console_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + QUERY)
    card = page.locator(".option-cards h3", has_text="Microdermabrasion").locator("xpath=following-sibling::ul[1]")
    expect(card).to_contain_text(
        "What trials found: 50% improved · n=20 (“good to excellent (more than 50%) improvement”) · split-body study"
    )
    assert console_errors == []
