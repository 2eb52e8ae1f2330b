"""The application factory: load and validate the data once, build the page, wire callbacks."""

from __future__ import annotations

import logging
from pathlib import Path

from dash import Dash
from flask import has_request_context, request

from dashboard.dataset.storage import open_dataset, open_dataset_apart
from dashboard.model.comparison import build_catalog
from dashboard.model.inflation import index_location, load_price_index
from dashboard.settings import data_location, region_from
from dashboard.web.callbacks import register_callbacks
from dashboard.web.endpoints import register_endpoints
from dashboard.web.first_view import (
    REGENERATOR_RUNTIME,
    first_view,
    preload_chunks,
    register_deferred_tabs,
    without_legacy_polyfill,
)
from dashboard.web.layout import page
from dashboard.web.security import harden

ASSETS = Path(__file__).resolve().parent / "assets"
# Loaded on demand by dcc.Graph (assets/dashboard.js points it there), never with the page itself.
PLOTLY_BUNDLE = "plotly-basic-4.1.1.min.js"
log = logging.getLogger(__name__)


class DashboardApp(Dash):
    """Dash, with the page's legacy polyfill replaced by the one part the libraries use
    (first_view.without_legacy_polyfill)."""

    def interpolate_index(self, **kwargs):
        kwargs["scripts"] = without_legacy_polyfill(kwargs["scripts"], self.get_asset_url(REGENERATOR_RUNTIME))
        return super().interpolate_index(**kwargs)


def create_app(data_dir: str | Path | None = None, region: str | None = None, fork_safe: bool = False) -> Dash:
    """Build the Dash app on a validated dataset (location and price-list region: see dashboard/settings.py);
    raises DatasetError. `fork_safe`: read the data in a separate process (storage.open_dataset_apart), for a
    server that forks its workers after building the app."""
    location = data_location(data_dir)
    opener = open_dataset_apart if fork_safe else open_dataset
    data = opener(location, region=region_from(region))
    catalog = build_catalog(data, load_price_index(index_location(location)))
    app = DashboardApp(
        __name__,
        title="What cosmetic treatments really cost",
        assets_folder=str(ASSETS),
        # served, never put in the page by Dash: the chart library is loaded on demand, the runtime in place of
        # the polyfill
        assets_ignore="|".join(name.replace(".", r"\.") for name in (PLOTLY_BUNDLE, REGENERATOR_RUNTIME)),
        serve_locally=True,
        # None: the tab's title stays while a callback runs (Dash's documented value; its signature says only str)
        update_title=None,  # type: ignore[arg-type]
        health_endpoint="health",
        # the quote and assumption forms' fields arrive after the first view (web/deferred_forms): callbacks name
        # them before they are on the page. Every id a callback names is checked against the whole page in the
        # tests (tests/unit/web/test_callback_ids.py).
        suppress_callback_exceptions=True,
        on_error=_log_callback_error,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    register_callbacks(app, catalog)
    register_endpoints(app.server, catalog)
    deferred_tabs = register_deferred_tabs(app, page(catalog))
    app.layout = lambda: first_view(catalog, page_search(), deferred_tabs)
    app.index_string = preload_chunks(app.index_string, app.config.requests_pathname_prefix)
    app.validation_layout = None  # the layout was checked once just now; not shipped in every page's config
    harden(app)
    return app


def page_search() -> str | None:
    """The page's own query string, which the browser sends with its layout request; None when absent."""
    if not has_request_context():
        return None
    search = request.args.get("search")
    return search if search is None or search == "" or search.startswith("?") else None


def _log_callback_error(err: Exception) -> None:
    log.exception("callback failed: %s", type(err).__name__)
