"""Seeded synthetic clinic price lists for benchmarks. SYNTHETIC: never real prices, never bundled.

Each row is one made-up clinic's price for a treatment the bundled data prices, spread
around the bundled figure; `source_id` is `synthetic-benchmark` and files are named synthetic-*.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.dataset.storage import open_dataset

SOURCE_ID = "synthetic-benchmark"
SOURCE_ROW = (
    f"{SOURCE_ID},Synthetic benchmark generator (not real prices),"
    "Synthetic clinic price list for benchmarks,https://example.invalid/synthetic,,,2026-12-05,weak,"
    "made-up numbers from bench/generate.py; never use as data\n"
)
REGIONS = ("north", "south", "east", "west", "central")


def templates() -> pd.DataFrame:
    """One row per (treatment, market, currency, unit, basis) the bundled data prices, with a centre price."""
    prices = open_dataset(BUNDLED_DATA).prices
    centre = prices["typical"].fillna(prices["low"]).fillna(prices["high"])
    frame = prices.assign(centre=centre).dropna(subset=["centre"])
    keys = ["treatment_id", "market", "currency", "unit", "basis"]
    return frame.groupby(keys, as_index=False)["centre"].median()


def price_rows(n: int, seed: int = 7) -> pd.DataFrame:
    """`n` synthetic clinic price rows (seeded, reproducible)."""
    rng = np.random.default_rng(seed)
    base = templates()
    pick = base.iloc[rng.integers(0, len(base), n)].reset_index(drop=True)
    typical = np.round(pick["centre"].to_numpy() * rng.lognormal(0, 0.35, n), 2)
    days = rng.integers(0, 3 * 365, n)
    dates = pd.Timestamp("2023-01-01") + pd.to_timedelta(days, unit="D")
    return pd.DataFrame(
        {
            "treatment_id": pick["treatment_id"],
            "market": pick["market"],
            "currency": pick["currency"],
            "unit": pick["unit"],
            "basis": pick["basis"],
            "low": np.nan,
            "typical": np.minimum(typical, 1_000_000),
            "high": np.nan,
            "year": dates.year,
            "source_id": SOURCE_ID,
            "status": "weak",
            "quote": "synthetic benchmark row, not a real price",
            "clinic": [f"synthetic-clinic-{i:05d}" for i in rng.integers(0, max(n // 20, 1), n)],
            "region": np.array(REGIONS)[rng.integers(0, len(REGIONS), n)],
            "date": dates.strftime("%Y-%m-%d"),
        }
    )


def write_folder(folder: Path, n: int, fmt: str = "csv", seed: int = 7) -> Path:
    """A data folder: the bundled small tables plus a synthetic source and `n` synthetic price rows."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("treatments.csv", "concerns.csv"):
        shutil.copy(BUNDLED_DATA / name, folder / name)
    sources = (BUNDLED_DATA / "sources.csv").read_text(encoding="utf-8")
    (folder / "sources.csv").write_text(sources.rstrip("\n") + "\n" + SOURCE_ROW, encoding="utf-8")
    rows = price_rows(n, seed)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.register("synthetic_rows", rows)
    target = folder / f"prices.{fmt}"
    options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    # the target path is ours (a temp folder), never user input
    con.execute(f"COPY synthetic_rows TO '{target}' {options}")
    con.close()
    return folder
