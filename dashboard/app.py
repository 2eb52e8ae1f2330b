"""The application factory: load and validate the data once, build the page, wire callbacks."""

from __future__ import annotations

import logging
from pathlib import Path

from dash import Dash

from dashboard.callbacks import register_callbacks
from dashboard.comparison import build_catalog
from dashboard.inflation import index_location, load_price_index
from dashboard.layout import page
from dashboard.security import harden
from dashboard.settings import data_location, region_from
from dashboard.storage import open_dataset

ASSETS = Path(__file__).resolve().parent / "assets"
log = logging.getLogger(__name__)


def create_app(data_dir: str | Path | None = None, region: str | None = None) -> Dash:
    """Build the Dash app on a validated dataset (location and price-list region: see dashboard/settings.py);
    raises DatasetError."""
    location = data_location(data_dir)
    data = open_dataset(location, region=region_from(region))
    catalog = build_catalog(data, load_price_index(index_location(location)))
    app = Dash(
        __name__,
        title="What cosmetic treatments really cost",
        assets_folder=str(ASSETS),
        serve_locally=True,
        update_title=None,
        health_endpoint="health",
        on_error=_log_callback_error,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.layout = page(catalog)
    register_callbacks(app, catalog)
    harden(app)
    return app


def _log_callback_error(err: Exception) -> None:
    log.exception("callback failed: %s", type(err).__name__)
