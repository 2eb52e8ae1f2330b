"""The server part of the benchmark: the dashboard under gunicorn (2 workers), measured over HTTP on
loopback (callback latency p50/p95 and response size, throughput at concurrency 8, exports, start-up
time, memory), and the same callback through Flask's test client in this process ("server" time).

Callbacks are posted exactly as the browser posts them, their shapes read from the running app.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

from dashboard.app import create_app
from dashboard.web.page_state import controls_from_query

SEARCHES = [
    "?concern=stretch-marks&budget=3000&horizon=5",
    "?market=UK&horizon=3",
    "?max_risk=2&budget=800",
    "?concern=fine-lines&market=US-CA&horizon=10",
    "?category=injectable,laser-light&max_downtime=7",
    "?compare=microneedling,botulinum-toxin&horizon=4",
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
        if "render-answer.data" in dep["output"]:
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
        if "render-answer.data" in dep["output"]:
            LIVE["render"] = dep
