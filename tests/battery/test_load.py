"""A bounded load run against gunicorn on loopback: 30 users for 60 s; zero failures.

Prints p50/p95 per action. Longer soak: see tests/battery/locustfile.py.
"""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from tests.battery.conftest import Gunicorn

HERE = Path(__file__).resolve().parent
USERS = int(os.environ.get("LOAD_USERS", "30"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))


def test_load_30_users_60_seconds_without_failures(tmp_path, capsys):
    server = Gunicorn("--workers", "4").wait_ready()
    try:
        prefix = tmp_path / "load"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "-u",
                str(USERS),
                "-r",
                "10",
                "-t",
                f"{SECONDS}s",
                "--host",
                server.url,
                "--csv",
                str(prefix),
                "--only-summary",
                "--stop-timeout",
                "10",
            ],
            capture_output=True,
            text=True,
            timeout=SECONDS + 120,
        )
    finally:
        log = server.stop()
    rows = list(csv.DictReader(io.StringIO(Path(f"{prefix}_stats.csv").read_text(encoding="utf-8"))))
    with capsys.disabled():
        print(f"\nload: {USERS} users, {SECONDS} s against gunicorn -w 4")
        print(f"{'action':<28}{'requests':>10}{'failures':>10}{'p50 ms':>9}{'p95 ms':>9}")
        for row in rows:
            print(
                f"{row['Name']:<28}{row['Request Count']:>10}{row['Failure Count']:>10}{row['50%']:>9}{row['95%']:>9}"
            )
    total = next(r for r in rows if r["Name"] == "Aggregated")
    assert int(total["Request Count"]) > 0
    assert int(total["Failure Count"]) == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "WORKER TIMEOUT" not in log
