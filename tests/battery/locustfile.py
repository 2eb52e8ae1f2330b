"""Load: page loads, filter changes and exports against the app, as a browser sends them.

Run by tests/battery/test_load.py (30 users, 60 s), or by hand for a longer soak:
    .venv/bin/locust -f tests/battery/locustfile.py --headless -u 100 -r 10 -t 10m --host http://127.0.0.1:8000
"""

import random
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.http.callbacks import export_body, render_body  # noqa: E402

CONCERNS = ["", "stretch-marks", "fine-lines", "volume-loss", "acne-scars", "skin-laxity", "excess-skin"]
MARKETS = ["US", "UK"]


def random_search() -> str:
    parts = [f"market={random.choice(MARKETS)}", f"horizon={random.randint(1, 10)}"]
    concern = random.choice(CONCERNS)
    if concern:
        parts.append(f"concern={concern}")
    if random.random() < 0.6:
        parts.append(f"budget={random.choice([500, 1000, 3000, 8000, 20000])}")
    if random.random() < 0.3:
        parts.append("over_budget=1")
    return "?" + "&".join(parts)


class Visitor(HttpUser):
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.page_load()

    @task(1)
    def page_load(self):
        self.client.get("/", name="page /")
        self.client.get("/_dash-layout", name="page /_dash-layout")
        self.client.get("/_dash-dependencies", name="page /_dash-dependencies")

    @task(11)
    def filter_change(self):
        with self.client.post(
            "/_dash-update-component", json=render_body(random_search()), name="filter change", catch_response=True
        ) as response:
            if response.status_code != 200 or '"response"' not in response.text:
                response.failure(f"status {response.status_code}")

    @task(2)
    def export(self):
        button = random.choice(["export-csv", "export-xlsx"])
        body = export_body(button, random_search())
        with self.client.post(
            "/_dash-update-component", json=body, name=f"export {button[7:]}", catch_response=True
        ) as response:
            if response.status_code != 200 or '"content"' not in response.text:
                response.failure(f"status {response.status_code}")
