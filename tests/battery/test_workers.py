"""Statelessness: identical answers whichever worker serves the request; workers rotate safely."""

import hashlib
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.battery.conftest import Gunicorn
from tests.http.callbacks import render_body

BODY = render_body("?concern=stretch-marks&budget=3000&horizon=5&compare=microneedling,abdominoplasty")


def _post(session_url):
    session, url = session_url
    r = session.post(url + "/_dash-update-component", json=BODY, timeout=30)
    return r.status_code, hashlib.sha256(r.content).hexdigest(), r.headers.get("X-Served-By")


def test_500_identical_requests_across_4_workers_give_one_answer(gunicorn_4_workers):
    url = gunicorn_4_workers.url
    sessions = [requests.Session() for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_post, [(sessions[i % 8], url) for i in range(500)]))
    assert {status for status, _, _ in results} == {200}
    assert len({digest for _, digest, _ in results}) == 1


def test_worker_rotation_loses_no_request():
    server = Gunicorn("--workers", "2", "--max-requests", "50", "--max-requests-jitter", "10").wait_ready()
    try:
        session = requests.Session()
        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(
                pool.map(
                    lambda _: session.post(server.url + "/_dash-update-component", json=BODY, timeout=30).status_code,
                    range(400),
                )
            )
    finally:
        log = server.stop()
    assert statuses.count(200) == 400
    assert "WORKER TIMEOUT" not in log
    assert "Autorestarting worker" in log or "max requests" in log.lower()


def test_a_graceful_stop_crashes_no_worker():
    """The data is read apart from the master (wsgi.py), so the forked workers inherit no database engine:
    DuckDB's state inherited across the fork made each worker die of SIGSEGV as gunicorn stopped it."""
    server = Gunicorn("--workers", "2").wait_ready()
    try:
        session = requests.Session()
        statuses = [session.get(server.url + "/comparison.json?concern=stretch-marks", timeout=30).status_code]
        statuses += [session.post(server.url + "/_dash-update-component", json=BODY, timeout=30).status_code]
    finally:
        log = server.stop()
    assert statuses == [200, 200]
    assert "Shutting down: Master" in log
    assert "SIGSEGV" not in log and "was sent SIGKILL" not in log
