"""Clinic price lists: the price table, the summary rule and the one query that applies it.

A clinic price list has the columns of prices.csv (`category_average` may be left out) plus
optional `clinic`, `region` and `date`.
Summary rule (also in the README):

- A row that names a clinic is one clinic's price. Its price is its `typical` figure, else its
  `low` figure when that is the only figure given (a "from" price). No midpoint is computed.
- Clinic rows are grouped by treatment, market, currency, unit, basis, status and category_average
  (whatever their source: a survey of clinics' own pages cites each clinic's page on its row). A
  group of two or more rows becomes one row: low = 10th percentile, typical = median, high = 90th
  percentile of its prices (linear interpolation: percentile_cont in SQL, numpy's default),
  year = the newest year, `rows` = how many prices it summarises, `source_id` = the group's
  sources in file order, separated by ";" (one id when a price list is its only source).
- A group of one row, and every row without a clinic (a published figure), stays as it is.
- `region` (a clinic's area within the market, e.g. a county) goes with each row: a summary row
  carries its group's region when all its rows share one, and how many regions it spans. A
  summary can be narrowed to one region: rows of other regions are left out, rows without a
  region (published figures) stay.

The query is written once with SQLAlchemy Core and compiled for DuckDB (files) and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import aggregate_order_by

from dashboard import vocab
from dashboard.dataset import schema

OPTIONAL = ("clinic", "region", "date")
REQUIRED = tuple(f.name for f in schema.PRICES)
COLUMNS = REQUIRED + OPTIONAL
# prices.csv columns a price list may leave out (a clinic's own price is no category's figure)
MAY_BE_ABSENT = ("category_average",) + OPTIONAL
KEY = ("treatment_id", "market", "currency", "unit", "basis", "status", "category_average")
# a summary row's `source_id`: its rows' sources in file order, joined by this
SOURCE_SEPARATOR = ";"
FIGURES = vocab.FIGURE_KINDS
PERCENTILES = {"low": 0.1, "typical": 0.5, "high": 0.9}

_TYPES = {"number": sa.Double, "int": sa.Integer}


def price_table(metadata: sa.MetaData, name: str = "prices", *constraints, identity: bool = False) -> sa.Table:
    """The typed price table; `line` keeps the file order (the cost model's last tie-break)."""
    line = (
        sa.Column("line", sa.BigInteger, sa.Identity(), primary_key=True)
        if identity
        else sa.Column("line", sa.BigInteger, nullable=False)
    )
    columns: list[sa.Column[Any]] = [line]
    for field in schema.PRICES:
        columns.append(sa.Column(field.name, _TYPES.get(field.kind, sa.Text), nullable=not field.required))
    columns += [sa.Column("clinic", sa.Text), sa.Column("region", sa.Text), sa.Column("date", sa.Date)]
    return sa.Table(name, metadata, *columns, *constraints)


def row_price(t) -> sa.ColumnElement:
    """A clinic row's price: typical, else low when it is the only figure."""
    return sa.case((t.c.typical.is_not(None), t.c.typical), (t.c.high.is_(None), t.c.low), else_=sa.null())


def summary_query(t: sa.Table, market: str | None = None, region: str | None = None) -> sa.Select:
    """Published rows and single clinic rows as they are, larger clinic groups summarised; file order.

    `region` narrows the summary to that region's rows (and the rows that name no region).
    """
    clinic = t.c.clinic.is_not(None)
    price = row_price(t)
    narrow = ([t.c.market == market] if market else []) + (
        [sa.or_(t.c.region.is_(None), t.c.region == region)] if region else []
    )
    where = [clinic] + narrow
    regions = sa.func.count(sa.distinct(t.c.region))
    one_region = sa.and_(regions == 1, sa.func.count(t.c.region) == sa.func.count())
    groups = (
        sa.select(
            *[t.c[k] for k in KEY],
            sa.func.count().label("rows"),
            *[sa.func.percentile_cont(q).within_group(price).label(f) for f, q in PERCENTILES.items()],
            sa.func.max(t.c.year).label("year"),
            sa.func.string_agg(t.c.source_id, aggregate_order_by(sa.literal(SOURCE_SEPARATOR), t.c.line)).label(
                "source_id"
            ),
            sa.func.min(t.c.line).label("line"),
            sa.case((one_region, sa.func.min(t.c.region)), else_=sa.null()).label("region"),
            regions.label("regions"),
        )
        .where(*where)
        .group_by(*[t.c[k] for k in KEY])
        .cte("clinic_groups")
    )
    g = groups.c
    same_group = sa.and_(*[t.c[k].is_not_distinct_from(g[k]) for k in KEY])  # category_average may be NULL
    kept = (
        sa.select(
            *[t.c[c] for c in ("line",) + REQUIRED],
            sa.literal(1, sa.BigInteger).label("rows"),
            t.c.region,
            sa.case((t.c.region.is_(None), 0), else_=1).label("regions"),
        )
        .select_from(t.outerjoin(groups, same_group))
        .where(sa.or_(t.c.clinic.is_(None), g.rows == 1), *narrow)
    )
    summarised = sa.select(
        g.line,
        *[g[c] if c in g else _null(t.c[c]) for c in REQUIRED],
        g.rows,
        g.region,
        g.regions,
    ).where(g.rows > 1)
    union = sa.union_all(kept, summarised).subquery("rows")
    return sa.select(union).order_by(union.c.line)


def _null(column: sa.Column) -> sa.ColumnElement:
    return sa.cast(sa.null(), column.type).label(column.name)


def summary_frame(result: sa.CursorResult) -> pd.DataFrame:
    """Rows of the summary query as a prices frame (index = line), with a `rows` count."""
    frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    return typed_prices(frame)


def typed_prices(frame: pd.DataFrame) -> pd.DataFrame:
    """Column types as the CSV loader gives them; summary rows get a quote saying what they are."""
    out = frame.set_index("line")
    out.index = out.index.astype("int64").rename("line")
    for field in schema.PRICES:
        if field.kind == "int":
            # (pandas-stubs: pd.array takes no Series with a dtype name, though pandas does)
            out[field.name] = pd.array(out[field.name].astype("float64"), dtype="Int64")  # type: ignore[call-overload]
        elif field.kind == "number":
            out[field.name] = out[field.name].astype("float64")
        else:  # missing text as the CSV loader gives it (NaN), e.g. an empty category_average
            out[field.name] = out[field.name].astype("object").where(out[field.name].notna(), np.nan)
    out["rows"] = out["rows"].astype("int64")
    out["region"] = out["region"].astype("object").where(out["region"].notna(), None)
    out["regions"] = out["regions"].astype("int64")
    many = out["rows"] > 1
    out.loc[many, "source_id"] = [SOURCE_SEPARATOR.join(source_ids(s)) for s in out.loc[many, "source_id"]]
    out.loc[many, "quote"] = [
        summary_quote(n, len(source_ids(s))) for n, s in out.loc[many, ["rows", "source_id"]].itertuples(index=False)
    ]
    return out[list(REQUIRED) + ["rows", "region", "regions"]]


def source_ids(value) -> list[str]:
    """The source ids a price row cites, in order and once each: one, or a summary's several (a survey of
    clinics' own pages); [] for a missing id."""
    if not isinstance(value, str) or not value:
        return []
    return list(dict.fromkeys(v.strip() for v in value.split(SOURCE_SEPARATOR) if v.strip()))


def summary_quote(rows: int, sources: int = 1) -> str:
    """The quote shown for a summarised group: a price list's clinic prices, or (several sources) a survey of
    clinics' own published prices."""
    what = f"Survey of {rows:,} clinics' own published prices" if sources > 1 else f"Summary of {rows:,} clinic prices"
    return f"{what}: median, with the 10th and 90th percentiles as low and high"


def aggregate(prices: pd.DataFrame, region: str | None = None) -> pd.DataFrame:
    """Apply the summary rule to a prices frame (index = line) with DuckDB; adds `rows`, `region`, `regions`."""
    frame = prices.reset_index()
    if "line" not in frame.columns:
        frame = frame.rename(columns={frame.columns[0]: "line"})
    for column in MAY_BE_ABSENT:
        if column not in frame.columns:
            frame[column] = None
    metadata = sa.MetaData()
    table = price_table(metadata, "prices_frame")
    engine = duck_engine()
    try:
        with engine.connect() as conn:
            duck = driver_connection(conn)
            source = frame[[c.name for c in table.columns]].astype(_frame_types(table))
            duck.register("incoming", source)
            metadata.create_all(conn)
            conn.execute(
                table.insert().from_select(
                    [c.name for c in table.columns],
                    sa.select(*[sa.cast(sa.column(c.name), c.type) for c in table.columns]).select_from(
                        sa.table("incoming")
                    ),
                )
            )
            return summary_frame(conn.execute(summary_query(table, region=region)))
    finally:
        engine.dispose()


def driver_connection(conn: sa.Connection) -> Any:
    """The database driver's own connection behind an open SQLAlchemy connection (DuckDB's or psycopg's),
    for what SQLAlchemy does not offer (registering a frame, reading a file, COPY)."""
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has its driver's
    return driver


def duck_engine() -> sa.Engine:
    """An in-memory DuckDB engine (one connection per `connect()`), with no progress bar on the terminal."""
    engine = sa.create_engine("duckdb:///:memory:")
    # a session setting, so it is set on each new connection (a constant statement)
    sa.event.listen(engine, "connect", lambda dbapi, _record: dbapi.execute("SET enable_progress_bar = false"))
    return engine


def _frame_types(table: sa.Table) -> dict:
    out = {}
    for c in table.columns:
        if isinstance(c.type, (sa.Double, sa.Integer, sa.BigInteger)):
            out[c.name] = "float64"
        else:
            out[c.name] = "object"
    return out
