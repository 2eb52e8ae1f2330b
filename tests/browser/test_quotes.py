"""Quotes in a real browser: add by form, upload with bad rows, survive a reload, export."""

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.pages import choose

UPLOAD = (
    "treatment,clinic,price,currency,covers,quantity\n"
    "Botulinum toxin injections,Glow Clinic,$450,USD,session,1\n"
    "botox please,Bad Row Clinic,400,USD,session,1\n"
    'Microneedling,<img src=x onerror=window.__xss=1>,"2,400",USD,course,3\n'
    "Microneedling,Too Cheap,-5,USD,session,1\n"
)


def saved_quotes(page):
    return page.locator("#saved-quotes > li")


def test_add_upload_reload_export(page, live_url, console_errors, tmp_path):
    page.goto(live_url + "/?concern=fine-lines&market=US&horizon=3")
    expect(page.locator("#result-count")).to_contain_text("option")
    expect(page.locator("#quotes-local-note")).to_contain_text("never saved on the server")
    # add one by the form
    choose(page, "quote-treatment", "Botulinum toxin injections")
    page.fill("#quote-clinic", "Form Clinic")
    page.fill("#quote-price", "900")
    page.fill("#quote-quantity", "2")
    page.get_by_label("The price of all of them (the total)").check()
    page.click("#quote-add")
    expect(page.locator("#quote-messages li").first).to_have_text("Quote added.")
    expect(saved_quotes(page)).to_have_count(1)
    # upload a file with two bad rows
    path = tmp_path / "quotes.csv"
    path.write_text(UPLOAD, encoding="utf-8")
    page.set_input_files("#quote-upload input[type=file]", str(path))
    expect(page.locator("#quote-messages li").first).to_have_text("2 quotes added from the file.")
    text = page.locator("#quote-messages").inner_text()
    assert "Line 3" in text and "Did you mean" in text and "Line 5" in text
    expect(saved_quotes(page)).to_have_count(3)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#saved-quotes img").count() == 0
    expect(page.locator("#saved-quotes")).to_contain_text("<img src=x onerror=window.__xss=1>")
    # the quotes are rows of the table, marked as quotes
    quote_rows = page.evaluate("""() => { const out = []; dash_ag_grid.getApi('results-grid')
        .forEachNode(n => { if (n.data.kind === 'your quote') out.push(n.data.name); }); return out; }""")
    assert any(name.startswith("Your quote: Form Clinic") for name in quote_rows)
    # a reload keeps them (local storage)
    page.reload()
    expect(saved_quotes(page)).to_have_count(3)
    # export marks them
    with page.expect_download() as info:
        page.click("#export-csv")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    header = next(r for r in rows if r and r[0] == "Option")
    kinds = [
        dict(zip(header, r, strict=True)).get("Row type")
        for r in rows[rows.index(header) + 1 :]
        if r and len(r) == len(header)
    ]
    assert "your quote" in kinds
    # remove one, then clear all
    saved_quotes(page).first.get_by_role("button", name="Remove").click()
    expect(saved_quotes(page)).to_have_count(2)
    page.click("#quote-clear")
    expect(page.locator("#quote-list")).to_contain_text("No quotes saved yet.")
    assert console_errors == []


def test_template_download(page, live_url):
    page.goto(live_url)
    expect(page.locator("#result-count")).to_contain_text("option")
    with page.expect_download() as info:
        page.click("#quote-template")
    assert info.value.suggested_filename == "quotes-template.csv"
    first = Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert first[0] == "treatment,clinic,price,currency,covers,quantity,date"
    assert re.match(r"Botulinum toxin injections,", first[1])


def test_a_1_1_mib_file_gets_the_size_message(page, live_url, console_errors, tmp_path):
    # issue 14, kind 2: the upload component used to drop it silently before the server could answer
    page.goto(live_url + "/?market=US")
    expect(page.locator("#result-count")).to_contain_text("option")
    row = "Botulinum toxin injections,Glow Clinic,450,USD\n"
    path = tmp_path / "big.csv"
    path.write_text("treatment,clinic,price,currency\n" + row * (int(1.1 * 1024 * 1024) // len(row)), encoding="utf-8")
    assert 1.09 * 1024 * 1024 < path.stat().st_size < 1.11 * 1024 * 1024
    page.set_input_files("#quote-upload input[type=file]", str(path))
    expect(page.locator("#quote-messages")).to_contain_text(
        "The file is larger than 1 MiB: split it into smaller files"
    )
    expect(page.locator("#quote-list")).to_contain_text("No quotes saved yet.")
    assert console_errors == []


def test_a_per_unit_quote_is_compared_per_unit(page, live_url, console_errors, tmp_path):
    # issue 14, kinds 1 and 8: "Botox", 40 units for $480, against the published $11-$35 a unit
    page.goto(live_url + "/?market=US")
    expect(page.locator("#result-count")).to_contain_text("option")
    path = tmp_path / "units.csv"
    path.write_text("treatment,clinic,price,currency,units\nBotox,Unit Clinic,480,USD,40\n", encoding="utf-8")
    page.set_input_files("#quote-upload input[type=file]", str(path))
    expect(page.locator("#quote-messages li").first).to_have_text("1 quote added from the file.")
    saved = saved_quotes(page)
    expect(saved).to_have_count(1)
    expect(saved.first).to_contain_text(
        "Unit Clinic: Botulinum toxin injections, $12 × 40 units = $480 for one session ($12 a unit)."
    )
    expect(saved.first).to_contain_text(
        "Per unit: $12 a unit ($480 for 40 units), within the published per-unit range ($11–$35)."
    )
    expect(saved.first).to_contain_text("Per session: $480 a session ($480 for 40 units, used in one session)")
    assert console_errors == []
