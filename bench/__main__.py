"""`python -m bench`: the dashboard under gunicorn (2 workers) on the bundled data and on synthetic
clinic price lists of 1 thousand, 100 thousand and 1 million rows; then, in the browser, the dashboard side by
side with a plain Dash app (bench/browser.py); prints both tables, writes bench/results.json.

HTTP figures are client-side round trips on loopback; "server" is the same callback through Flask's
test client in this process (Dash dispatch, the render and JSON, no socket).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.generate import write_folder
from dashboard.app import create_app
from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.progress import Progress, Step, quiet

RESULTS = Path(__file__).resolve().parent / "results.json"
SEARCHES = [
    "?concern=stretch-marks&budget=3000&horizon=5",
    "?market=UK&horizon=3",
    "?max_risk=2&budget=800",
    "?concern=fine-lines&market=US-CA&horizon=10",
    "?category=injectable,laser-light&max_downtime=7",
    "?compare=microneedling,botulinum-toxin&horizon=4",
]
CASES = {"bundled": None, "1k": (1_000, "csv"), "100k": (100_000, "csv"), "1M": (1_000_000, "parquet")}
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# Callback shapes, read from the running app's /_dash-dependencies (other features may add inputs).
LIVE: dict[str, dict] = {}


def _body(dep: dict, values: dict, changed: str) -> dict:
    outputs = [tuple(o.split(".", 1)) for o in dep["output"].strip(".").split("...")]
    many = dep["output"].startswith("..")

    def items(kind):
        return [
            {"id": d["id"], "property": d["property"], "value": values.get(f"{d['id']}.{d['property']}")}
            for d in dep.get(kind, [])
        ]

    return {
        "output": dep["output"],
        "outputs": [{"id": i, "property": p} for i, p in outputs]
        if many
        else {"id": outputs[0][0], "property": outputs[0][1]},
        "inputs": items("inputs"),
        "state": items("state"),
        "changedPropIds": [changed],
    }


def render_body(search: str) -> dict:
    """The filter-change callback exactly as the browser posts it, the controls set as the URL sets them."""
    from dashboard.web.callbacks import controls_from_query

    values = {f"{c}.value": v for c, v in controls_from_query(search).items()}
    return _body(LIVE["render"], {**values, "quotes-store.data": []}, "budget.value")


def export_body(fmt: str, search: str) -> dict:
    values = {
        "url.search": search,
        "export-csv.n_clicks": int(fmt == "csv"),
        "export-xlsx.n_clicks": int(fmt == "xlsx"),
    }
    return _body(LIVE["export"], values, f"export-{fmt}.n_clicks")


def live_outputs(base: str) -> None:
    for dep in requests.get(f"{base}/_dash-dependencies", timeout=30).json():
        if "result-count.children" in dep["output"]:
            LIVE["render"] = dep
        if dep["output"] == "download.data":
            LIVE["export"] = dep


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of gunicorn's master and its workers (MiB)."""
    pids = [pid] + [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    total = 0
    for p in pids:
        match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{p}/status").read_text())
        total += int(match.group(1)) if match else 0
    return round(total / 1024, 1)


def start_server(location: str) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    env = {**os.environ, "DASHBOARD_DATA": location}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "--preload",
            "-b",
            f"127.0.0.1:{port}",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
            "dashboard.wsgi:server",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = started + 300
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if requests.get(f"{base}/_dash-layout", timeout=5).status_code == 200:
                return proc, base, time.perf_counter() - started
        except requests.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("gunicorn did not answer within 300 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def callback_latency(base: str, n: int) -> dict:
    session = requests.Session()
    times, sizes = [], []
    for i in range(n):
        t = time.perf_counter()
        response = session.post(
            f"{base}/_dash-update-component", json=render_body(SEARCHES[i % len(SEARCHES)]), timeout=60
        )
        times.append((time.perf_counter() - t) * 1000)
        response.raise_for_status()
        sizes.append(len(response.content))
    return {
        "http_p50_ms": round(percentile(times, 0.5), 1),
        "http_p95_ms": round(percentile(times, 0.95), 1),
        "response_kb_median": round(statistics.median(sizes) / 1024, 1),
        "response_kb_max": round(max(sizes) / 1024, 1),
    }


def throughput(base: str, total: int, concurrency: int = 8) -> float:
    def worker(count):
        session = requests.Session()
        for i in range(count):
            session.post(
                f"{base}/_dash-update-component", json=render_body(SEARCHES[i % len(SEARCHES)]), timeout=60
            ).raise_for_status()

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, [total // concurrency] * concurrency))
    return round(total // concurrency * concurrency / (time.perf_counter() - started), 1)


def export_ms(base: str, fmt: str, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        requests.post(
            f"{base}/_dash-update-component", json=export_body(fmt, SEARCHES[0]), timeout=60
        ).raise_for_status()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def server_time_ms(location: str, n: int) -> float:
    """The callback through the Flask test client in this process: no socket, no gunicorn."""
    client = create_app(location).server.test_client()
    live_outputs_from(client)
    times = []
    for i in range(n + 5):
        t = time.perf_counter()
        client.post("/_dash-update-component", json=render_body(SEARCHES[i % len(SEARCHES)]))
        if i >= 5:  # the first calls warm caches
            times.append((time.perf_counter() - t) * 1000)
    return round(percentile(times, 0.5), 1)


def live_outputs_from(client) -> None:
    for dep in client.get("/_dash-dependencies").get_json():
        if "result-count.children" in dep["output"]:
            LIVE["render"] = dep


def first_render_ms(base: str, repeats: int = 3) -> float | None:
    """goto -> '#result-count' shows 'N options' in headless Debian chromium (median)."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS)
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


STEPS_PER_CASE = 8  # the progress calls in run_case, plus writing the synthetic price list


def run_case(name: str, location: str, args, progress: Step = quiet) -> dict:
    progress(f"{name}: starting gunicorn")
    proc, base, start_s = start_server(location)
    try:
        live_outputs(base)
        result = {"case": name, "start_s": round(start_s, 2), "memory_mb": rss_mb(proc.pid)}
        progress(f"{name}: callback latency")
        result.update(callback_latency(base, args.requests))
        progress(f"{name}: throughput")
        result["throughput_c8_per_s"] = throughput(base, args.requests * 2)
        progress(f"{name}: exports")
        result["export_csv_ms"] = export_ms(base, "csv")
        result["export_xlsx_ms"] = export_ms(base, "xlsx")
        progress(f"{name}: first render in chromium")
        result["first_render_ms"] = first_render_ms(base)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    progress(f"{name}: server time in-process")
    result["server_p50_ms"] = server_time_ms(location, args.requests)
    progress(f"{name}: done")
    return result


COLUMNS = [
    "case",
    "server_p50_ms",
    "http_p50_ms",
    "http_p95_ms",
    "response_kb_max",
    "throughput_c8_per_s",
    "export_csv_ms",
    "export_xlsx_ms",
    "start_s",
    "memory_mb",
    "first_render_ms",
]


def table(results: list[dict]) -> str:
    widths = [max(len(c), *(len(str(r.get(c))) for r in results)) for c in COLUMNS]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))]
    lines += ["  ".join(str(r.get(c)).ljust(w) for c, w in zip(COLUMNS, widths, strict=True)) for r in results]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated: " + ", ".join(CASES))
    parser.add_argument("--requests", type=int, default=200, help="sequential callback requests per case")
    parser.add_argument("--output", default=str(RESULTS))
    parser.add_argument(
        "--browser-loads", type=int, default=5, help="first loads per app in the browser part (0: skip it)"
    )
    parser.add_argument("--browser-changes", type=int, default=18, help="budget changes per app in the browser part")
    args = parser.parse_args(argv)
    results = []
    names = args.cases.split(",")
    with (
        tempfile.TemporaryDirectory(prefix="synthetic-bench-") as temp,
        Progress("bench", total=STEPS_PER_CASE * len(names)) as step,
    ):
        for name in names:
            spec = CASES[name]
            step(f"{name}: writing the price list")
            location = str(BUNDLED_DATA) if spec is None else str(write_folder(Path(temp) / f"synthetic-{name}", *spec))
            results.append(run_case(name, location, args, step))
    print(table(results))
    report = {"machine": {"cores": os.cpu_count()}, "results": results}
    if args.browser_loads and Path("/usr/bin/chromium").exists():
        from bench import browser

        print("running the browser comparison ...", file=sys.stderr, flush=True)
        report["browser"] = browser.run(args.browser_loads, args.browser_changes)
        print()
        print(browser.table(report["browser"]))
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
