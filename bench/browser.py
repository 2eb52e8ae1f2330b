"""The browser part of the benchmark: the dashboard against a plain Dash app (bench/plain_app.py), both on
Flask's development server, driven by headless Debian chromium in one run, interleaved.

Reported per app, as medians: first load (goto until the result count and a grid row show, fresh browser
context each time), per budget change the time until the last callback answered, and the server time per
change (the `X-Server-Ms` of every callback the change triggered, summed); and the ratios project / plain.
A change is timed twice: from the page's own Enter key event (`change_ms`: the key press as the person makes
it) and from the moment the measuring script asks for the key press (`change_driver_ms`: that adds the
driver's own way to the browser, the same for both apps).

Also `first_render_ms`: the first render of the dashboard under gunicorn, for each case of `python -m bench`.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.chromium import CHROMIUM, launch_args
from bench.server import free_port

APPS = ("project", "plain")
# what each app shows on first load; the plain app has no URL state
FIRST_URL = {"project": "/?concern=stretch-marks&budget=3000&horizon=5", "plain": "/"}
BUDGETS = [1500, 5000, 800, 10000, 2000, 3000]
CALLBACK = "_dash-update-component"
COUNT = re.compile(r"\d+ options?")
QUIET_MS = 300
KEYS = ["first_load_ms", "first_rows_ms", "change_ms", "change_driver_ms", "server_ms", "callbacks_per_change"]
# the time of the last Enter key event on the page, on the browser's clock (ms since the epoch, as the
# requests' timings); set before the page's own scripts run
ENTER_CLOCK = """document.addEventListener("keydown", (event) => {
  if (event.key === "Enter") window.benchEnterAt = performance.timeOrigin + event.timeStamp;
}, true);"""


def start(name: str, port: int, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bench.serve", name, str(port)], stdout=out, stderr=out)
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/_dash-layout", timeout=5).status_code == 200:
                return proc
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} server did not answer within 120 s")


def results_shown(page) -> None:
    page.locator("#result-count").filter(has_text=COUNT).wait_for(timeout=60_000)
    page.locator("#results-grid .ag-row").first.wait_for(timeout=60_000)


def first_load(browser, base: str, name: str) -> tuple[float, float]:
    """(ms until the result count shows, ms until the grid shows a row), in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(base + FIRST_URL[name])
    page.locator("#result-count").filter(has_text=COUNT).wait_for(timeout=60_000)
    count = (time.perf_counter() - started) * 1000
    page.locator("#results-grid .ag-row").first.wait_for(timeout=60_000)
    rows = (time.perf_counter() - started) * 1000
    context.close()
    return count, rows


class Watcher:
    """The callback requests a page makes: how many are in flight, and those that finished."""

    def __init__(self, page):
        self.pending, self.finished, self.last_event = 0, [], time.perf_counter()
        page.on("request", self._sent)
        page.on("requestfinished", self._done)
        page.on("requestfailed", self._done)

    def _sent(self, request):
        if CALLBACK in request.url:
            self.pending += 1
            self.last_event = time.perf_counter()

    def _done(self, request):
        if CALLBACK in request.url:
            self.pending -= 1
            self.finished.append(request)
            self.last_event = time.perf_counter()

    def settle(self, page, timeout_s: float = 60) -> list:
        """Wait until at least one callback finished and none was sent or answered for QUIET_MS."""
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            page.wait_for_timeout(20)
            quiet = (time.perf_counter() - self.last_event) * 1000 >= QUIET_MS
            if self.finished and self.pending == 0 and quiet:
                done, self.finished = self.finished, []
                return done
        raise TimeoutError("callbacks did not settle")


def change(page, watcher: Watcher, budget: float) -> tuple[float, float, float, int]:
    """Type a budget and press Enter: (ms from the page's Enter key event until the last callback answered,
    the same from the script's key press, server ms summed, callbacks)."""
    page.fill("#budget", str(budget))
    started = time.time() * 1000
    page.press("#budget", "Enter")
    done = watcher.settle(page)
    pressed = page.evaluate("window.benchEnterAt")
    last = max(r.timing["startTime"] + r.timing["responseEnd"] for r in done)
    server = sum(float(r.response().headers.get("x-server-ms", "nan")) for r in done)
    return last - pressed, last - started, server, len(done)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def first_render_ms(base: str, repeats: int = 3) -> float | None:
    """goto -> '#result-count' shows 'N options' in headless Debian chromium (median)."""
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        for _ in range(repeats + 1):
            page = browser.new_page()
            t = time.perf_counter()
            page.goto(f"{base}/?concern=stretch-marks&budget=3000&horizon=5")
            # a locator wait: the page's CSP forbids the eval that wait_for_function needs
            page.locator("#result-count").filter(has_text=re.compile(r"\d+ options?")).wait_for(timeout=30000)
            times.append((time.perf_counter() - t) * 1000)
            page.close()
        browser.close()
    return round(statistics.median(times[1:]), 1)  # the first page load warms the browser's cache


def run(loads: int = 5, changes: int = 18) -> dict:
    """Both apps side by side; returns medians per app and the ratios project / plain."""
    from playwright.sync_api import sync_playwright

    logs = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    ports = {name: free_port() for name in APPS}
    servers = {name: start(name, ports[name], logs / f"{name}.log") for name in APPS}
    bases = {name: f"http://127.0.0.1:{ports[name]}" for name in APPS}
    measured: dict[str, dict[str, list[float]]] = {n: {key: [] for key in KEYS} for n in APPS}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch_args())
            for i in range(loads + 1):
                for name in APPS if i % 2 else APPS[::-1]:
                    count, rows = first_load(browser, bases[name], name)
                    if i:  # the first round warms the servers and the OS file cache
                        measured[name]["first_load_ms"].append(count)
                        measured[name]["first_rows_ms"].append(rows)
            pages, watchers = {}, {}
            for name in APPS:
                context = browser.new_context(viewport={"width": 1280, "height": 1000})
                context.add_init_script(ENTER_CLOCK)
                pages[name] = context.new_page()
                watchers[name] = Watcher(pages[name])
                pages[name].goto(bases[name] + FIRST_URL[name])
                results_shown(pages[name])
                pages[name].wait_for_timeout(1000)  # the initial callbacks and plotly settle
                watchers[name].finished = []
            for k in range(changes + 1):
                for name in APPS if k % 2 else APPS[::-1]:
                    elapsed, driver, server, count = change(pages[name], watchers[name], BUDGETS[k % len(BUDGETS)])
                    if k:
                        measured[name]["change_ms"].append(elapsed)
                        measured[name]["change_driver_ms"].append(driver)
                        measured[name]["server_ms"].append(server)
                        measured[name]["callbacks_per_change"].append(count)
            browser.close()
    finally:
        for name, proc in servers.items():
            if proc.poll() is not None:
                print(
                    f"{name} server stopped early:",
                    (logs / f"{name}.log").read_text(errors="replace")[-2000:],
                    file=sys.stderr,
                )
            proc.terminate()
            proc.wait(timeout=30)
    summary = {name: {key: median(values) for key, values in figures.items()} for name, figures in measured.items()}
    summary["ratio"] = {key: round(summary["project"][key] / summary["plain"][key], 2) for key in KEYS[:-1]}
    summary["runs"] = {"first_loads": loads, "changes": changes}
    return summary


def table(summary: dict) -> str:
    lines = ["app      " + "  ".join(k.ljust(20) for k in KEYS)]
    for name in (*APPS, "ratio"):
        lines.append(name.ljust(9) + "  ".join(str(summary[name].get(k, "")).ljust(20) for k in KEYS))
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(run()))
