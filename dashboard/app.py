"""The application factory: load and validate the data once, build the page, wire callbacks."""

from __future__ import annotations

import logging
from pathlib import Path

from dash import Dash

from dashboard.callbacks import register_callbacks
from dashboard.comparison import build_catalog
from dashboard.storage import is_database_url, location_from, open_dataset, region_from
from dashboard.layout import page
from dashboard.security import harden

ASSETS = Path(__file__).resolve().parent / "assets"
log = logging.getLogger(__name__)


def data_dir_from(argument: str | Path | None) -> str | Path:
    """Config precedence: argument, then DASHBOARD_DATA, then the bundled data/; a database URL passes through."""
    location = location_from(argument)
    return location if is_database_url(location) else Path(location)


def create_app(data_dir: str | Path | None = None, region: str | None = None) -> Dash:
    """Build the Dash app on a validated dataset; raises DatasetError on a bad one.

    `region` (else $DASHBOARD_REGION) narrows clinic price lists to one region.
    """
    catalog = build_catalog(open_dataset(data_dir_from(data_dir), region_from(region)))
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
