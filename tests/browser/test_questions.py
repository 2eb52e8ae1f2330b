"""The questions for the clinic: listed by option on the seed's page, printed alone, downloaded as text."""

from pathlib import Path

from playwright.sync_api import expect

SEED = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&compare=microdermabrasion,microneedling,laser-co2-fractional"
UPKEEP = (
    "How many top-up sessions a year do your patients need to keep the results "
    "(results are published to last at least 6 months)?"
)
# window.print replaced before the page loads, so the Print button's call is seen (and no dialog opens)
PRINT_SPY = "window.print = function () { document.body.setAttribute('data-printed', 'yes'); };"


def rf_microneedling(page):
    """The list under the Microneedling with radiofrequency heading of the questions."""
    heading = page.locator("#clinic-questions h3", has_text="Microneedling with radiofrequency")
    return heading.locator("xpath=following-sibling::ul[1]")


def test_the_seed_lists_an_upkeep_question_and_downloads_it(page, live_url, console_errors):
    page.goto(live_url + SEED)
    expect(page.locator("#questions h2")).to_have_text("Questions for the clinic")
    expect(rf_microneedling(page)).to_contain_text(UPKEEP)
    expect(rf_microneedling(page)).to_contain_text("How many sessions will I need (published 2–6)?")
    # said once for every clinic, not under each option
    expect(page.locator("#clinic-questions li", has_text="aftercare and follow-up visits")).to_have_count(1)
    with page.expect_download() as info:
        page.click("#questions-download-button")
    assert info.value.suggested_filename == "questions-for-the-clinic.txt"
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("Questions for the clinic\n\nFor: concern Stretch marks; market US;")
    assert "\nMicroneedling with radiofrequency\n" in text and f"- {UPKEEP}\n" in text
    assert console_errors == []


def test_print_shows_only_the_questions(page, live_url, console_errors):
    page.add_init_script(PRINT_SPY)
    page.goto(live_url + SEED)
    expect(rf_microneedling(page)).to_contain_text(UPKEEP)
    page.click("#questions-print")
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")
    page.emulate_media(media="print")
    expect(page.locator("#questions")).to_be_visible()
    expect(rf_microneedling(page)).to_be_visible()
    for hidden in ("#concern", "#results", "#view-tabs", "#cost-range-chart", ".questions-buttons"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#disclaimer")).to_be_visible()
    assert console_errors == []


def test_on_a_phone_the_questions_fit_the_screen(page, live_url, console_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + SEED)
    expect(rf_microneedling(page)).to_contain_text(UPKEEP)
    for element in page.locator("#questions h3, #questions li, #questions button").all():
        box = element.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, element.inner_text()
    assert console_errors == []


def test_names_read_as_published(page, live_url, console_errors):
    """A name with a slash shows no Markdown escape (the UK person comparing botulinum toxin with a facelift)."""
    page.goto(live_url + "/?market=UK&horizon=10&budget=5000&compare=botulinum-toxin,facelift")
    expect(page.locator("#clinic-questions h3", has_text="Chemical peel (light")).to_have_text(
        "Chemical peel (light / superficial)"
    )
    expect(page.locator("#clinic-questions li", has_text="For surgery:")).to_have_text(
        "For surgery: are anaesthesia and the facility included in the price?"
    )
    assert console_errors == []
