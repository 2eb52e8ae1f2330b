"""Single rows for tests, written as the CSV files hold them, and the small dataset with rows added."""

from __future__ import annotations

import math
from pathlib import Path

from dashboard.dataset import schema
from tests.factory import PRICES, SOURCES, TREATMENTS, write_dataset

_T = {f.name: "" for f in schema.TREATMENTS}
_P = {f.name: "" for f in schema.PRICES}


def cell(value) -> str:
    """A value as a CSV cell: None and NaN empty, a whole float without '.0', anything else as text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def treatment(id: str, **values) -> dict:
    """A treatments.csv row for `id`: the required cells filled (an injectable with no upkeep, cited to
    clinic-x), then `values` on top, numbers and NaN written as cells (see `cell`)."""
    row = {
        **_T,
        "id": id,
        "name": f"Treatment {id}",
        "category": "injectable",
        "invasiveness": "minimally-invasive",
        "maintenance": "none",
        "risk_tier": "1",
        "risk_basis": "Test row",
        "source_ids": "clinic-x",
    }
    return {**row, **{k: cell(v) for k, v in values.items()}}


def price(treatment_id: str, **values) -> dict:
    """A prices.csv row for `treatment_id`: a US dollar price per session from clinic-x (weak), then
    `values` on top, numbers and NaN written as cells (see `cell`)."""
    row = {
        **_P,
        "treatment_id": treatment_id,
        "market": "US",
        "currency": "USD",
        "unit": "session",
        "basis": "not-stated",
        "source_id": "clinic-x",
        "status": "weak",
    }
    return {**row, **{k: cell(v) for k, v in values.items()}}


def source(id: str) -> dict:
    """A sources.csv row for `id`: a secondary source with a page at example.org."""
    return dict(
        id=id,
        publisher=f"Publisher {id}",
        title="Prices",
        url=f"https://example.org/{id}",
        year="",
        year_kind="",
        read_on="2026-11-25",
        status="secondary",
        note="",
    )


def write_with(folder: Path, *, treatments: list[dict] = (), prices: list[dict] = ()) -> Path:
    """Write the small dataset with `treatments` and `prices` rows added after its own, and a source row
    (see `source`) for every source id those price rows cite that the small dataset lacks."""
    known = {s["id"] for s in SOURCES}
    cited = dict.fromkeys(p["source_id"] for p in prices if p["source_id"] not in known)
    return write_dataset(
        folder,
        treatments=TREATMENTS + list(treatments),
        prices=PRICES + list(prices),
        sources=SOURCES + [source(i) for i in cited],
    )
