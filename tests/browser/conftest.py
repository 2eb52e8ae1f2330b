"""Real-browser journeys: the app on a free local port, Debian's chromium driven by Playwright."""

import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from bench.chromium import launch_args
from dashboard.app import create_app
from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog
from dashboard.model.inflation import index_location, load_price_index

# The machine is shared and noisy: wait up to 15 s for the page before calling it a failure.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **launch_args()}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "accept_downloads": True, "viewport": {"width": 1280, "height": 1000}}


class LiveServer:
    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app.server, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_url():
    """The dashboard on the bundled dataset."""
    with LiveServer(create_app()) as server:
        yield server.url


class ConsoleErrors(list):
    """Console errors and uncaught page errors seen by the pages it watches."""

    def watch(self, page):
        page.on("console", lambda m: self.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.append(f"page error: {e}"))
        return page


@pytest.fixture(autouse=True)
def console_errors(request):
    """Every journey ends with no console errors: the test's `page` is watched, and any other page a
    test opens can be watched with `console_errors.watch(page)`."""
    errors = ConsoleErrors()
    if "page" in request.fixturenames:
        errors.watch(request.getfixturevalue("page"))
    yield errors
    assert list(errors) == [], "errors in the browser console:\n" + "\n".join(errors)


@pytest.fixture(scope="session")
def catalog():
    """The bundled data's catalog, built as the live app builds it."""
    return build_catalog(open_dataset(), load_price_index(index_location(None)))
