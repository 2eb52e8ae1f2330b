"""XSS: hostile strings in treatment names, quotes, upload messages and the URL, in a real browser.
Nothing executes, nothing is injected, and the CSP logs no violation."""

from urllib.parse import quote as urlquote

import pytest
from playwright.sync_api import expect

from dashboard.app import create_app
from dashboard.quotes.upload import clean_text
from tests.battery.payloads import XSS
from tests.browser.conftest import LiveServer
from tests.factory import CONCERNS, PRICES, TREATMENTS, write_dataset

IDS = [f"xss-{i}" for i in range(len(XSS))]
# The loader refuses JavaScript's reserved names as dataset text (tested in tests/unit): here they
# stand in quotes and the URL only.
NAMES = [p if p not in ("__proto__", "constructor") else f"name {p.strip('_')}" for p in XSS]


def hostile_dataset(folder):
    base = dict(TREATMENTS[2])  # a one-off procedure with known downtime
    treatments = list(TREATMENTS) + [{**base, "id": tid, "name": name} for tid, name in zip(IDS, NAMES, strict=True)]
    prices = list(PRICES) + [
        {**PRICES[3], "treatment_id": tid, "quote": name[:100]} for tid, name in zip(IDS, NAMES, strict=True)
    ]
    concerns = list(CONCERNS) + [
        {**CONCERNS[0], "treatment_id": tid, "note": name[:200]} for tid, name in zip(IDS, NAMES, strict=True)
    ]
    return write_dataset(folder, treatments=treatments, prices=prices, concerns=concerns)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    with LiveServer(create_app(hostile_dataset(tmp_path_factory.mktemp("xss")))) as server:
        yield server.url


def stored_quotes():
    return [
        {
            "id": f"{i:012x}",
            "treatment_id": IDS[i],
            "clinic": clean_text(XSS[i])[:200],
            "price": 100.0,
            "currency": "USD",
            "covers": "session",
            "quantity": 1,
            "date": "",
        }
        for i in range(len(XSS))
    ]


def assert_nothing_ran(page, console):
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x], iframe, svg[onload], details[ontoggle]").count() == 0
    assert page.locator("script:not([src]):not([type='application/json']):not(#_dash-renderer)").count() == 0
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if not h.startswith(("http://", "https://", "#"))], hrefs
    violations = [m for m in console if "Content Security Policy" in m or "Refused to" in m]
    assert violations == []


def test_payloads_render_as_text_everywhere(page, hostile_url):
    console, dialogs = [], []
    page.on("console", lambda m: console.append(m.text))
    page.on("pageerror", lambda e: console.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url)
    page.evaluate("quotes => localStorage.setItem('quotes-store', JSON.stringify(quotes))", stored_quotes())
    for start in range(0, len(IDS), 4):
        chosen = ",".join(IDS[start : start + 4] if start + 1 < len(IDS) else IDS[start - 1 : start + 1])
        query = f"?horizon=5&over_budget=1&compare={chosen}&concern={urlquote(XSS[start])}&market={urlquote(XSS[start + 1] if start + 1 < len(XSS) else 'x')}"
        page.goto(hostile_url + "/" + query)
        expect(page.locator("#result-count")).to_contain_text("options")
        expect(page.locator("#saved-quotes > li")).to_have_count(len(XSS))
        page.click('.nav-link:text-is("Side by side")')
        expect(page.locator("#side-by-side table")).to_be_visible()
        page.click('.nav-link:text-is("Charts")')
        page.locator("#cost-range-chart .nsewdrag").first.hover()
        page.locator("#cost-downtime-chart .nsewdrag").first.hover()
        assert_nothing_ran(page, console)
    # the grid shows the names as text
    names = page.evaluate(
        "() => { const out = []; dash_ag_grid.getApi('results-grid').forEachNode(n => out.push(n.data.name)); return out; }"
    )
    assert set(NAMES) <= set(names)
    # upload messages echo hostile treatment names as text
    csv_text = "treatment,price,currency\n" + "\n".join(f'"{p[:150]}",100,USD' for p in XSS[:20])
    page.set_input_files(
        "#quote-upload input[type=file]",
        files=[{"name": "<img src=x onerror=window.__xss=1>.csv", "mimeType": "text/csv", "buffer": csv_text.encode()}],
    )
    expect(page.locator("#quote-messages li").first).to_be_visible()
    assert_nothing_ran(page, console)
    assert dialogs == []
