"""Files in a real browser: two quick exports on a slow connection, and uploads as spreadsheets save them."""

from playwright.sync_api import expect

SEED = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&compare=microdermabrasion,microneedling"


def test_two_quick_exports_on_a_slow_connection_deliver_both_files(page, live_url, console_errors):
    page.goto(live_url + SEED)
    expect(page.locator("#result-count")).to_contain_text("option")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # every request takes 1.5 s more: the second click comes while the first file is being prepared
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.click("#export-csv")
    expect(page.locator("#export-csv")).to_have_text("Preparing CSV…")
    expect(page.locator("#export-csv")).to_be_disabled()
    page.click("#export-xlsx")
    expect(page.locator("#export-xlsx")).to_have_text("Preparing Excel…")
    expect(page.locator("#export-csv")).to_have_text("Export CSV", timeout=30_000)
    expect(page.locator("#export-xlsx")).to_have_text("Export Excel", timeout=30_000)
    for _ in range(100):  # a download event follows the response that carries it
        if len(downloads) == 2:
            break
        page.wait_for_timeout(100)
    names = sorted(d.suggested_filename.rsplit(".", 1)[1] for d in downloads)
    assert names == ["csv", "xlsx"]
    assert all(d.failure() is None for d in downloads)
