"""A small, valid dataset built inline, and helpers to break copies of it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dashboard.dataset import schema

SOURCES = [
    dict(
        id="nhs-fillers",
        publisher="NHS",
        title="Face and lip fillers",
        url="https://www.nhs.uk/fillers",
        year="",
        year_kind="",
        read_on="2026-11-25",
        status="primary",
        note="",
    ),
    dict(
        id="asps-2024",
        publisher="ASPS",
        title="2024 report",
        url="https://www.plasticsurgery.org/r.pdf",
        year="2024",
        year_kind="published",
        read_on="2026-11-25",
        status="secondary",
        note="",
    ),
    dict(
        id="nhs-botox",
        publisher="NHS",
        title="Botox injections",
        url="https://www.nhs.uk/botox",
        year="",
        year_kind="",
        read_on="2026-11-25",
        status="primary",
        note="",
    ),
    dict(
        id="clinic-x",
        publisher="Clinic X",
        title="Prices",
        url="http://clinic.example/prices",
        year="",
        year_kind="",
        read_on="2026-11-25",
        status="weak",
        note="",
    ),
]

_T = {f.name: "" for f in schema.TREATMENTS}
TREATMENTS = [
    {
        **_T,
        "id": "ha-filler",
        "name": "Hyaluronic-acid filler",
        "category": "injectable",
        "invasiveness": "minimally-invasive",
        "performed_by": "nurse;physician",
        "anaesthesia": "topical",
        "sessions_low": "1",
        "sessions_typical": "1",
        "sessions_high": "1",
        "session_unit": "syringe",
        "units_per_session_low": "1",
        "units_per_session_typical": "1",
        "units_per_session_high": "2",
        "maintenance": "periodic",
        "maintenance_sessions": "1",
        "results_months_low": "6",
        "results_months_high": "18",
        "downtime_days_low": "0",
        "downtime_days_high": "7",
        "downtime_measure": "side-effects",
        "risk_tier": "4",
        "risk_basis": "Vascular occlusion",
        "source_ids": "nhs-fillers",
    },
    {
        **_T,
        "id": "botulinum-toxin",
        "name": "Botulinum toxin",
        "category": "injectable",
        "invasiveness": "minimally-invasive",
        "sessions_low": "1",
        "sessions_typical": "1",
        "sessions_high": "1",
        "maintenance": "periodic",
        "maintenance_sessions": "1",
        "results_months_low": "3",
        "results_months_high": "4",
        "downtime_days_low": "0",
        "downtime_days_high": "0",
        "downtime_measure": "normal-activity",
        "risk_tier": "2",
        "risk_basis": "Bruising",
        "source_ids": "nhs-botox",
    },
    {
        **_T,
        "id": "abdominoplasty",
        "name": "Abdominoplasty",
        "category": "surgical",
        "invasiveness": "surgical",
        "sessions_low": "1",
        "sessions_typical": "1",
        "sessions_high": "1",
        "maintenance": "none",
        "downtime_days_low": "14",
        "downtime_days_high": "28",
        "downtime_measure": "back-to-work",
        "risk_tier": "4",
        "risk_basis": "Major complications 4%",
        "major_complication_rate": "0.04",
        "source_ids": "asps-2024",
    },
    {
        **_T,
        "id": "microneedling",
        "name": "Microneedling",
        "category": "microneedling",
        "invasiveness": "minimally-invasive",
        "sessions_low": "3",
        "sessions_high": "6",
        "maintenance": "unknown",
        "risk_tier": "1",
        "risk_basis": "No serious adverse events",
        "source_ids": "clinic-x",
    },
]

_P = {f.name: "" for f in schema.PRICES}
PRICES = [
    {
        **_P,
        "treatment_id": "ha-filler",
        "market": "US",
        "currency": "USD",
        "unit": "syringe",
        "basis": "not-stated",
        "low": "500",
        "typical": "700",
        "high": "900",
        "year": "2024",
        "source_id": "clinic-x",
        "status": "weak",
        "quote": "from $500",
    },
    {
        **_P,
        "treatment_id": "ha-filler",
        "market": "UK",
        "currency": "GBP",
        "unit": "session",
        "basis": "not-stated",
        "low": "200",
        "high": "400",
        "source_id": "nhs-fillers",
        "status": "primary",
        "quote": "from 200 pounds",
    },
    {
        **_P,
        "treatment_id": "botulinum-toxin",
        "market": "UK",
        "currency": "GBP",
        "unit": "session",
        "basis": "not-stated",
        "low": "100",
        "high": "350",
        "source_id": "nhs-botox",
        "status": "primary",
        "quote": "100 to 350 pounds",
    },
    {
        **_P,
        "treatment_id": "abdominoplasty",
        "market": "US",
        "currency": "USD",
        "unit": "procedure",
        "basis": "surgeon-fee",
        "low": "8000",
        "high": "13500",
        "year": "2024",
        "source_id": "asps-2024",
        "status": "secondary",
        "quote": "fee range",
    },
    {
        **_P,
        "treatment_id": "microneedling",
        "market": "US",
        "currency": "USD",
        "unit": "session",
        "basis": "not-stated",
        "low": "200",
        "high": "700",
        "source_id": "clinic-x",
        "status": "weak",
        "quote": "200 to 700",
    },
]

CONCERNS = [
    dict(treatment_id="ha-filler", concern="volume-loss", evidence="C", note="", source_id="nhs-fillers"),
    dict(treatment_id="botulinum-toxin", concern="fine-lines", evidence="C", note="", source_id="nhs-botox"),
    dict(treatment_id="abdominoplasty", concern="stretch-marks", evidence="C", note="", source_id="asps-2024"),
    dict(treatment_id="abdominoplasty", concern="excess-skin", evidence="C", note="", source_id="asps-2024"),
    dict(treatment_id="microneedling", concern="stretch-marks", evidence="A", note="", source_id="clinic-x"),
]

TABLES = {"treatments.csv": TREATMENTS, "prices.csv": PRICES, "concerns.csv": CONCERNS, "sources.csv": SOURCES}


def to_csv(rows: list[dict], fields: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_dataset(folder: Path, **overrides: list[dict]) -> Path:
    """Write the small dataset to `folder`; keyword overrides replace a table (treatments=...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for file, rows in TABLES.items():
        rows = overrides.get(file.removesuffix(".csv"), rows)
        fields = [f.name for f in schema.FILES[file]]
        (folder / file).write_text(to_csv(rows, fields), encoding="utf-8")
    return folder


def changed(rows: list[dict], index: int, **values: str) -> list[dict]:
    """A copy of `rows` with row `index` changed."""
    out = [dict(r) for r in rows]
    out[index].update(values)
    return out
