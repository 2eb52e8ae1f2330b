"""Configuration in one place: where the data lives, and which region of a clinic price list to use.

Precedence: the argument (`--data`, `create_app(data_dir)`), then the environment variable
`DASHBOARD_DATA`, then the bundled `data/` folder. A PostgreSQL URL passes through as text;
anything else is a folder path. The region: `--region` (`create_app(region=)`), then
`DASHBOARD_REGION`, then none (every region).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_DATA = "DASHBOARD_DATA"
ENV_REGION = "DASHBOARD_REGION"
BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"
DATABASE_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_database_url(location: str | Path) -> bool:
    """True for a postgresql:// (or postgres://) URL."""
    return isinstance(location, str) and location.startswith(DATABASE_SCHEMES)


def data_location(argument: str | Path | None = None, environ: Mapping[str, str] | None = None) -> str | Path:
    """The data location: `argument`, else $DASHBOARD_DATA, else the bundled data/ (URL -> str, folder -> Path)."""
    environ = os.environ if environ is None else environ
    location = str(argument or environ.get(ENV_DATA) or BUNDLED_DATA)
    return location if is_database_url(location) else Path(location)


def region_from(argument: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """The price-list region: `argument`, else $DASHBOARD_REGION, else None (every region)."""
    environ = os.environ if environ is None else environ
    region = (argument or environ.get(ENV_REGION) or "").strip()
    return region or None
