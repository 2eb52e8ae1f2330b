"""Words a patient reads: the banner's price bases follow the filters; downtime says what it counts."""

import re

from playwright.sync_api import expect

from tests.browser.pages import choose

SEED = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&compare=microdermabrasion,microneedling,laser-co2-fractional"


def test_banner_follows_the_price_bases_shown(page, live_url, console_errors):
    page.goto(live_url + SEED)
    banner = page.locator("#disclaimer")
    expect(banner).to_contain_text(
        "priced from a surgeon's fee only (no anaesthesia or facility): Microdermabrasion, Non-ablative fractional laser"
    )
    expect(banner).not_to_contain_text("US surgical figures")
    choose(page, "category", "microneedling")  # microneedling for stretch marks: one total price
    expect(page).to_have_url(re.compile(r"category=microneedling"))
    expect(page.locator("#price-basis-note")).to_have_text("The one option shown is priced as a total price.")
    expect(banner).not_to_contain_text("surgeon")
    assert console_errors == []


def test_downtime_says_what_each_figure_counts(page, live_url, console_errors):
    page.goto(live_url + SEED)
    grid = page.locator("#results-grid")
    expect(grid).to_contain_text("7–14 days until the skin has healed")
    expect(grid).to_contain_text("up to 10 hours of visible side effects")
    expect(grid).not_to_contain_text("normal-activity")
    assert console_errors == []
