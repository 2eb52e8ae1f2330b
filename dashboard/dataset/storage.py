"""Where the data lives: a folder of CSV or Parquet files, or a PostgreSQL database by URL.

`open_dataset(location)` returns the same validated Dataset from each; prices come summarised
by the rule in dashboard/dataset/pricelist.py, with a `rows` count per price row.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import sqlalchemy as sa

from dashboard.dataset import database, pricecheck, schema
from dashboard.dataset.loader import (
    MAX_FILE_BYTES,
    TRIALS,
    Dataset,
    assemble,
    check_frame,
    frame_from_rows,
    read_csv_folder,
    read_file,
    read_trial_results,
)
from dashboard.dataset.pricelist import (
    COLUMNS,
    aggregate,
    driver_connection,
    duck_engine,
    price_table,
    summary_frame,
    summary_query,
)
from dashboard.dataset.problems import DatasetError, Problem
from dashboard.progress import Step, quiet
from dashboard.settings import data_location, is_database_url

SMALL_FILES = ("treatments.csv", "concerns.csv", "sources.csv")


def open_dataset(location: str | Path | None = None, progress: Step = quiet, region: str | None = None) -> Dataset:
    """Load and validate the data at `location` (default: see dashboard/settings.py); raise DatasetError.

    `progress(step)` is called as each long step starts (the command line shows it on a terminal).
    `region` narrows clinic price lists to one region (see pricelist.py); rows naming no region stay.
    """
    location = data_location(location)
    if is_database_url(location):
        progress("reading the database")
        return database.read_dataset(str(location), region)
    folder = Path(location)
    if _standard_csv(folder):
        progress("reading the CSV files")
        data = read_csv_folder(folder)
        return Dataset(
            data.treatments, aggregate(data.prices, region), data.concerns, data.sources, data.aliases, data.trials
        )
    with duck_session() as conn:
        frames, problems = read_folder(folder, conn, progress)
        if problems:
            raise DatasetError(problems)
        progress("summarising clinic prices")
        prices = summary_frame(conn.execute(summary_query(price_table(sa.MetaData()), region=region)))
    progress("checking links between the tables")
    return assemble(frames, prices, folder)


def open_dataset_apart(location: str | Path | None = None, region: str | None = None) -> Dataset:
    """`open_dataset` run in a fresh process, its frames returned: this process never starts a database engine
    (DuckDB, PostgreSQL). A server that loads once and then forks its workers (gunicorn's preload) hands them
    plain frames only; DuckDB's state inherited across a fork crashed workers as they stopped. Raises
    DatasetError as `open_dataset` does."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(open_dataset, location, region=region).result()


def _standard_csv(folder: Path) -> bool:
    """prices.csv in the bundled format and size: the CSV loader reads it exactly as before."""
    path = folder / "prices.csv"
    if any((folder / f"{Path(f).stem}.parquet").exists() for f in schema.FILES):
        return False
    if not path.is_file():
        return True  # the CSV loader reports what is missing
    if path.stat().st_size > MAX_FILE_BYTES:
        return False
    with path.open(encoding="utf-8-sig", errors="replace") as f:
        header = [h.strip() for h in f.readline().rstrip("\r\n").split(",")]
    return header == [f.name for f in schema.PRICES]


@contextlib.contextmanager
def duck_session() -> Iterator[sa.Connection]:
    """An in-memory DuckDB through SQLAlchemy, closed afterwards."""
    engine = duck_engine()
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def read_small(folder: Path, file: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One of the three small tables from NAME.parquet if present, else NAME.csv."""
    parquet = folder / f"{Path(file).stem}.parquet"
    fields = schema.FILES[file]
    if not parquet.is_file():
        return read_file(folder / file, fields)
    try:
        with duckdb.connect() as con:
            rel = con.read_parquet(str(parquet))
            header = list(rel.columns)
            rows = rel.fetchall()
    except duckdb.Error as err:
        return None, [Problem(parquet.name, None, None, f"cannot be read as Parquet: {_first_line(err)}")]
    text_rows = [header] + [["" if v is None else _text(v) for v in row] for row in rows]
    frame, problems = frame_from_rows(parquet.name, text_rows, fields)
    return frame, [Problem(file if p.file == parquet.name else p.file, p.row, p.column, p.message) for p in problems]


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _first_line(err: BaseException | None) -> str:
    return str(err).strip().splitlines()[0][:200]


def read_folder(
    folder: Path, conn: sa.Connection, progress: Step = quiet
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Validate the three small tables and the price list; typed prices stay in DuckDB."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for file in SMALL_FILES:
        progress(f"reading {file}")
        frame, found = read_small(folder, file)
        problems += found
        if frame is not None:
            problems += check_frame(file, frame)
            frames[file] = frame
    if problems:
        return frames, problems
    if (folder / TRIALS).is_file():
        trials, found = read_trial_results(folder)
        if found:
            return frames, found
        frames[TRIALS] = trials
    path = price_file(folder)
    treatment_ids = set(frames["treatments.csv"]["id"])
    source_ids = set(frames["sources.csv"]["id"])
    problems = read_price_list(conn, path, treatment_ids, source_ids, progress)
    return frames, problems


def price_file(folder: Path) -> Path:
    parquet = folder / "prices.parquet"
    return parquet if parquet.is_file() else folder / "prices.csv"


def read_price_list(
    conn: sa.Connection, path: Path, treatment_ids, source_ids, progress: Step = quiet
) -> list[Problem]:
    """Read a price list (CSV or Parquet) into DuckDB, check it, and type it; the problems found."""
    name = path.name
    progress(f"reading {name}")
    if not path.is_file():
        return [Problem(name, None, None, f"file not found in {path.parent.name}/")]
    duck = driver_connection(conn)
    try:
        if path.suffix == ".parquet":
            rel = duck.read_parquet(str(path))
        else:
            rel = duck.read_csv(str(path), header=True, all_varchar=True, sep=",", quotechar='"', escapechar='"')
        header = list(rel.columns)
    except duckdb.Error as err:
        return [Problem(name, None, None, f"cannot be read: {_first_line(err)}")]
    problems = pricecheck.header_problems(name, header)
    if problems:
        return problems
    rel.create_view("incoming")
    metadata = sa.MetaData()
    raw = sa.Table("raw", metadata, sa.Column("line", sa.BigInteger), *[sa.Column(c, sa.Text) for c in COLUMNS])
    metadata.create_all(conn)
    incoming = sa.table("incoming", *[sa.column(c) for c in header])
    # the header line is line 1, so the first data row is line 2 (a Parquet row counts the same)
    values = [(sa.func.row_number().over() + 1).label("line")] + [
        sa.cast(incoming.c[c], sa.Text) if c in header else sa.cast(sa.null(), sa.Text) for c in COLUMNS
    ]
    progress(f"copying {name} into DuckDB")
    try:
        conn.execute(raw.insert().from_select(["line", *COLUMNS], sa.select(*values)))
    except sa.exc.DBAPIError as err:
        return [Problem(name, None, None, f"cannot be read: {_first_line(err.orig)}")]
    problems = pricecheck.check_raw(conn, name, treatment_ids, source_ids, progress)
    if not problems:
        progress(f"typing {name}")
        pricecheck.fill_typed(conn, sa.MetaData())
    return problems
