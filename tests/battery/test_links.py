"""Under gunicorn as deployed: a shared link with long tracking parameters reaches the page with its filters."""

import requests

from tests.battery.conftest import Gunicorn

OWN = "concern=stretch-marks&market=UK&budget=2000"


def test_a_6000_character_link_keeps_its_filters_under_gunicorn():
    server = Gunicorn("--workers", "1").wait_ready()
    try:
        response = requests.get(server.url + "/?" + OWN + "&fbclid=" + "x" * 6000, timeout=30, allow_redirects=False)
    finally:
        server.stop()
    assert response.status_code == 302  # gunicorn's default request line limit (4,094) answered 414
    assert response.headers["Location"] == "/?" + OWN
