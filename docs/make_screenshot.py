"""Regenerate docs/screenshot-stretch-marks.png: `.venv/bin/python docs/make_screenshot.py`."""

import threading
from pathlib import Path

from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

from dashboard.app import create_app

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
VIEW = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&compare=microdermabrasion,ipl&over_budget=1"


def main() -> None:
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto(f"http://127.0.0.1:{server.server_port}{VIEW}")
        expect(page.locator("#result-count")).to_contain_text("options")
        page.wait_for_timeout(1500)
        out = Path(__file__).with_name("screenshot-stretch-marks.png")
        page.screenshot(path=str(out), full_page=False)
        browser.close()
    server.shutdown()
    print(out)


if __name__ == "__main__":
    main()
