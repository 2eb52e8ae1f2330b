"""PostgreSQL: the four tables, loading them in one transaction, and reading a Dataset back.

Tables are declared with SQLAlchemy Core from dashboard/dataset/schema.py; prices carry CHECK and
foreign-key constraints, so the database itself refuses a row the loader would reject. The
summary of clinic prices runs in SQL (dashboard/pricelist.summary_query), so app servers fetch
only summarised rows and any number of them can share one database.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import psycopg.sql
import sqlalchemy as sa

from dashboard.dataset import schema
from dashboard.dataset.loader import Dataset, assemble, check_frame, frame_from_rows
from dashboard.dataset.pricelist import COLUMNS, driver_connection, price_table, summary_frame, summary_query
from dashboard.dataset.problems import DatasetError, Problem
from dashboard.progress import Step, quiet

_TYPES = {"number": sa.Double, "int": sa.Integer}
SMALL = {"treatments.csv": "treatments", "concerns.csv": "concerns", "sources.csv": "sources"}


def engine_for(url: str) -> sa.Engine:
    """An engine on psycopg 3 whatever driver the URL names (postgresql://... works as given)."""
    parsed = sa.engine.make_url(url.replace("postgres://", "postgresql://", 1))
    return sa.create_engine(parsed.set(drivername="postgresql+psycopg"), pool_pre_ping=True)


def tables(metadata: sa.MetaData) -> dict[str, sa.Table]:
    """The four tables; list cells are stored as text joined with ';', as in the CSV files."""

    def columns(fields, key=()):
        return [
            sa.Column(f.name, _TYPES.get(f.kind, sa.Text), nullable=not f.required, primary_key=f.name in key)
            for f in fields
        ]

    treatments = sa.Table("treatments", metadata, *columns(schema.TREATMENTS, ("id",)))
    sources = sa.Table("sources", metadata, *columns(schema.SOURCES, ("id",)))
    concerns = sa.Table(
        "concerns",
        metadata,
        *columns(schema.CONCERNS, schema.PRIMARY_KEYS["concerns.csv"]),
        *_foreign_keys("concerns.csv"),
    )
    prices = price_table(metadata, "prices", *_price_constraints(), identity=True)
    sa.Index("prices_market_treatment", prices.c.market, prices.c.treatment_id)
    # what trials found, in file order (`position`); checked with the file's rules when read back
    trials = sa.Table(
        "trial_results", metadata, sa.Column("position", sa.Integer, primary_key=True), *columns(schema.TRIAL_RESULTS)
    )
    return {"treatments": treatments, "sources": sources, "concerns": concerns, "prices": prices, "trials": trials}


def _foreign_keys(file: str) -> list[sa.ForeignKeyConstraint]:
    return [
        sa.ForeignKeyConstraint([column], [f"{Path(other).stem}.{key}"])
        for column, other, key in schema.FOREIGN_KEYS.get(file, ())
    ]


def _price_constraints() -> list[sa.Constraint]:
    out: list[sa.Constraint] = list(_foreign_keys("prices.csv"))
    for f in schema.PRICES:
        col: sa.ColumnClause[Any] = sa.column(f.name)
        if f.kind == "choice":
            out.append(sa.CheckConstraint(col.in_(list(f.choices)), name=f"prices_{f.name}_allowed"))
        if f.kind in ("number", "int"):
            out.append(sa.CheckConstraint(col.between(f.minimum, f.maximum), name=f"prices_{f.name}_range"))
    for low, high in schema.ORDERED["prices.csv"]:
        out.append(sa.CheckConstraint(sa.column(low) <= sa.column(high), name=f"prices_{low}_le_{high}"))
    return out


def read_dataset(url: str, region: str | None = None) -> Dataset:
    """The small tables checked with the CSV rules; prices summarised in SQL (narrowed to `region` if given)."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            t = tables(sa.MetaData())
            frames: dict[str, pd.DataFrame] = {}
            problems: list[Problem] = []
            for file, name in SMALL.items():
                result = conn.execute(sa.select(t[name]).order_by(*t[name].primary_key.columns))
                rows = [list(result.keys())] + [["" if v is None else _text(v) for v in row] for row in result]
                frame, found = frame_from_rows(name, rows, schema.FILES[file])
                problems += found + (check_frame(file, frame) if frame is not None else [])
                if frame is not None:  # (None only with problems, raised below)
                    frames[file] = frame
            if sa.inspect(conn).has_table("trial_results"):
                result = conn.execute(sa.select(t["trials"]).order_by(t["trials"].c.position))
                rows = [list(result.keys())[1:]] + [["" if v is None else _text(v) for v in row[1:]] for row in result]
                frame, found = frame_from_rows("trial_results.csv", rows, schema.TRIAL_RESULTS)
                problems += found + (check_frame("trial_results.csv", frame) if frame is not None else [])
                if frame is not None and len(frame):  # a folder loaded without trial_results.csv leaves it empty
                    frames["trial_results.csv"] = frame
            if problems:
                raise DatasetError(problems)
            prices = summary_frame(conn.execute(summary_query(t["prices"], region=region)))
    except sa.exc.OperationalError as err:
        raise DatasetError(
            [Problem("database", None, None, f"cannot connect: {str(err.orig).strip()[:200]}")]
        ) from None
    except sa.exc.ProgrammingError as err:
        raise DatasetError(
            [
                Problem(
                    "database",
                    None,
                    None,
                    f"not a dashboard database ({str(err.orig).splitlines()[0]}); "
                    "load one with `python -m dashboard load --init DIR`",
                )
            ]
        ) from None
    finally:
        engine.dispose()
    return assemble(frames, prices)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def init(url: str, frames: dict[str, pd.DataFrame], duck: sa.Connection, progress: Step = quiet) -> int:
    """Replace all four tables with a validated folder's tables, in one transaction; price rows loaded."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            metadata = sa.MetaData()
            t = tables(metadata)
            metadata.drop_all(conn)
            metadata.create_all(conn)
            for file, name in (
                ("treatments.csv", "treatments"),
                ("sources.csv", "sources"),
                ("concerns.csv", "concerns"),
            ):
                records = [{str(k): _cell(v) for k, v in row.items()} for row in frames[file].to_dict("records")]
                if records:
                    conn.execute(t[name].insert(), records)
            trials = frames.get("trial_results.csv")
            if trials is not None and len(trials):
                records = [
                    {"position": i, **{str(k): _cell(v) for k, v in row.items()}}
                    for i, row in enumerate(trials.to_dict("records"))
                ]
                conn.execute(t["trials"].insert(), records)
            return _copy_prices(conn, duck, progress)
    finally:
        engine.dispose()


def _cell(value):
    if isinstance(value, tuple):
        return ";".join(value)
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def known_ids(url: str) -> tuple[set[str], set[str]]:
    """Treatment and source ids in the database, to check a price list against."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            t = tables(sa.MetaData())
            return (
                set(conn.execute(sa.select(t["treatments"].c.id)).scalars()),
                set(conn.execute(sa.select(t["sources"].c.id)).scalars()),
            )
    finally:
        engine.dispose()


def load_prices(url: str, duck: sa.Connection, progress: Step = quiet) -> tuple[int, int]:
    """Replace the rows of the sources a checked price list names, in one transaction: (removed, added)."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            prices = tables(sa.MetaData())["prices"]
            typed = price_table(sa.MetaData())
            names = [r[0] for r in duck.execute(sa.select(typed.c.source_id).distinct())]
            removed = conn.execute(prices.delete().where(prices.c.source_id.in_(names))).rowcount
            return removed, _copy_prices(conn, duck, progress)
    finally:
        engine.dispose()


def _copy_prices(conn: sa.Connection, duck: sa.Connection, progress: Step = quiet) -> int:
    """Stream the typed rows from DuckDB into prices with COPY (file order kept by the identity column)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prices.csv"
        driver_connection(duck).table("prices").order("line").select(*COLUMNS).write_csv(str(path), header=False)
        statement = psycopg.sql.SQL("COPY prices ({}) FROM STDIN WITH (FORMAT csv)").format(
            psycopg.sql.SQL(", ").join(psycopg.sql.Identifier(c) for c in COLUMNS)
        )
        cursor = driver_connection(conn).cursor()
        size, done = path.stat().st_size, 0
        with cursor.copy(statement) as copy, path.open("rb") as source:
            while chunk := source.read(1 << 20):
                copy.write(chunk)
                done += len(chunk)
                progress(f"writing prices to PostgreSQL: {done / 2**20:,.0f} of {size / 2**20:,.0f} MiB")
        return cursor.rowcount
