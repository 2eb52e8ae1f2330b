"""Regenerate the screenshots in docs/: `.venv/bin/python -m docs.make_screenshot` (from the repository root).

One per person of the page's journeys, each from a fresh browser, plus the README's
(`screenshot-stretch-marks.png`, the first journey).
"""

import threading
from pathlib import Path

from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

from bench.chromium import launch_args
from dashboard.app import create_app

DOCS = Path(__file__).resolve().parent
DESKTOP = {"width": 1280, "height": 1100}
PHONE = {"width": 390, "height": 844}


def wait_for_results(page) -> None:
    expect(page.locator("#result-count")).to_contain_text("option", timeout=60_000)
    expect(page.locator("[data-dash-is-loading=true]")).to_have_count(0, timeout=60_000)
    page.wait_for_timeout(800)


def stretch_marks_us(page, base: str) -> None:
    """A US patient with stretch marks and 3,000 over 5 years: the summary, five facts, over budget."""
    page.goto(
        base + "/?concern=stretch-marks&market=US&budget=3000&horizon=5"
        "&compare=microdermabrasion,microneedling,laser-co2-fractional"
    )
    wait_for_results(page)
    page.locator("#results").scroll_into_view_if_needed()
    page.screenshot(path=str(DOCS / "screenshot-stretch-marks.png"))
    page.locator("#results").screenshot(path=str(DOCS / "journey-1-stretch-marks-us.png"))


def uk_face_ten_years(page, base: str) -> None:
    """A UK patient weighing botulinum toxin, fillers and a face lift over 10 years, with earnings."""
    page.goto(
        base + "/?market=UK&horizon=10&earnings=120&budget=5000&compare=botulinum-toxin,ha-filler,facelift"
        "&category=injectable,surgical"
    )
    wait_for_results(page)
    page.locator("#cumulative-chart").scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.locator("#view-tabs + .tab-content").screenshot(path=str(DOCS / "journey-2-uk-face-10-years.png"))


def analyst_quotes(page, base: str) -> None:
    """A clinic analyst with two quotes (one in pounds) before exporting Excel for the US."""
    page.goto(base + "/?market=US&horizon=3&concern=fine-lines")
    wait_for_results(page)
    for clinic, price, currency in (("Clinic A", "450", "USD"), ("Clinic B", "300", "GBP")):
        page.click("#quote-treatment")
        page.locator("[role=listbox] [role=option]", has_text="Botulinum toxin injections").first.click()
        page.fill("#quote-clinic", clinic)
        page.fill("#quote-price", price)
        page.click("#quote-currency")
        page.locator("[role=listbox] [role=option]", has_text=currency).first.click()
        page.click("#quote-add")
        expect(page.locator("#quote-list")).to_contain_text(clinic)
    wait_for_results(page)
    page.locator("#results").screenshot(path=str(DOCS / "journey-3-analyst-quotes.png"))


def phone(page, base: str) -> None:
    """The first patient again, on a 390 x 844 phone: one card per option."""
    page.goto(base + "/?concern=stretch-marks&market=US&budget=3000&horizon=5")
    wait_for_results(page)
    page.locator("#results").scroll_into_view_if_needed()
    page.screenshot(path=str(DOCS / "journey-4-phone.png"))


def main() -> None:
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        for journey, viewport in (
            (stretch_marks_us, DESKTOP),
            (uk_face_ten_years, DESKTOP),
            (analyst_quotes, DESKTOP),
            (phone, PHONE),
        ):
            context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE)
            journey(context.new_page(), base)
            context.close()
        browser.close()
    server.shutdown()
    for out in sorted(DOCS.glob("*.png")):
        print(out)


if __name__ == "__main__":
    main()
