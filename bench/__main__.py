"""`python -m bench`: the dashboard under gunicorn (2 workers) on the bundled data and on synthetic
clinic price lists of 1 thousand, 100 thousand and 1 million rows; then, in the browser, the dashboard side by
side with a plain Dash app; prints both tables, writes bench/results.json. The server measurements are
in bench/server.py, the browser ones in bench/browser.py.

HTTP figures are client-side round trips on loopback; "server" is the same callback through Flask's
test client in this process (Dash dispatch, the render and JSON, no socket).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bench import browser
from bench.chromium import CHROMIUM
from bench.generate import write_folder
from bench.server import callback_latency, export_ms, live_outputs, rss_mb, server_time_ms, start_server, throughput
from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.progress import Progress, Step, quiet

RESULTS = Path(__file__).resolve().parent / "results.json"
CASES = {"bundled": None, "1k": (1_000, "csv"), "100k": (100_000, "csv"), "1M": (1_000_000, "parquet")}
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
        result["first_render_ms"] = browser.first_render_ms(base)
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
    if args.browser_loads and Path(CHROMIUM).exists():
        print("running the browser comparison ...", file=sys.stderr, flush=True)
        report["browser"] = browser.run(args.browser_loads, args.browser_changes)
        print()
        print(browser.table(report["browser"]))
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
