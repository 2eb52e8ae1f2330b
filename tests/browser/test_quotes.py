"""Quotes in a real browser: add by form, upload with bad rows, survive a reload, export."""

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.test_journeys import choose

UPLOAD = ("treatment,clinic,price,currency,covers,quantity\n"
          "Botulinum toxin injections,Glow Clinic,$450,USD,session,1\n"
          "botox please,Bad Row Clinic,400,USD,session,1\n"
          "Microneedling,<img src=x onerror=window.__xss=1>,\"2,400\",USD,course,3\n"
          "Microneedling,Too Cheap,-5,USD,session,1\n")


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
    page.click("#quote-add")
    expect(page.locator("#quote-messages")).to_have_text("Quote added.")
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
    kinds = [dict(zip(header, r, strict=True)).get("Row type") for r in rows[rows.index(header) + 1:] if r and len(r) == len(header)]
    assert "your quote" in kinds
    # remove one, then clear all
    saved_quotes(page).first.locator("button").click()
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
