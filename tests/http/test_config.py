"""Production configuration: no debug tooling, no outside origins, generic errors."""

import json
import re

from dashboard.app import create_app


def test_dash_config_has_dev_tools_off(client):
    page = client.get("/").get_data(as_text=True)
    config = json.loads(
        re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S).group(1)
    )
    assert config["ui"] is False and config["props_check"] is False
    assert ".dev.js" not in page


def test_no_script_or_style_from_another_origin(client):
    page = client.get("/").get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/") for s in sources), sources


def test_an_unexpected_error_gives_a_generic_500(small_data_dir):
    app = create_app(small_data_dir)

    @app.server.route("/boom")
    def boom():
        raise RuntimeError("secret detail /home/x site-packages")

    response = app.server.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret" not in body and "Traceback" not in body and "internal error" in body


def test_health_endpoint(client):
    assert client.get("/health").status_code == 200


def test_callback_requests_must_be_posts(client):
    assert client.get("/_dash-update-component").status_code == 405
