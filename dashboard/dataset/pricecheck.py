"""Validate a large price list inside DuckDB with the rules of prices.csv, then type its rows.

The raw file is read as text into the table `raw` (one column per price-list column plus its
line number). Each rule is a SQLAlchemy Core expression, so a million rows are checked in the
engine and only the first problems come back to Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
import sqlalchemy.ext.compiler

from dashboard import vocab
from dashboard.dataset import schema
from dashboard.dataset.checks import short_text
from dashboard.dataset.loader import MAX_TEXT, SLUG_PATTERN
from dashboard.dataset.loader import header_problems as header_problems_of
from dashboard.dataset.pricelist import COLUMNS, MAY_BE_ABSENT, price_table
from dashboard.dataset.problems import Problem
from dashboard.formula import INVISIBLE, TRIGGERS
from dashboard.progress import Step, quiet

MAX_PROBLEMS = 50
_SPACE = " \t\r\n\x0b\x0c"
_DATE = r"\d{4}-\d{2}-\d{2}"
# NUL cannot occur in DuckDB text, so it is left out of the SQL list.
_TRIGGER_CHARS = sorted(TRIGGERS - {"\0"})
FIELDS = {f.name: f for f in schema.PRICES} | {
    "clinic": schema.Field("clinic", "text"),
    "region": schema.Field("region", "text"),
    "date": schema.Field("date", "date"),
}


def raw_table() -> sa.TableClause:
    return sa.table("raw", sa.column("line"), *[sa.column(c) for c in COLUMNS])


def cells_table() -> sa.TableClause:
    """`raw` prepared once: each cell trimmed (empty -> NULL), numbers cast, formula text flagged."""
    extra: list[sa.ColumnClause[Any]] = [sa.column(f"{c}__x") for c in COLUMNS if FIELDS[c].kind in ("int", "number")]
    extra += [sa.column(f"{c}__f") for c in COLUMNS if FIELDS[c].kind not in ("int", "number")]
    return sa.table("cells", sa.column("line"), *[sa.column(c) for c in COLUMNS], *extra)


# starts_with_trigger as one regular expression: invisible characters, then a trigger or "{=".
_INVISIBLE_CLASS = "".join(sorted(INVISIBLE))
_FORMULA = f"^[{_INVISIBLE_CLASS}]*([{''.join(re.escape(c) for c in _TRIGGER_CHARS)}]|\\{{=)"


def prepare_cells(conn: sa.Connection) -> None:
    """One pass over `raw`: the table the rules read (so each rule is a cheap column test)."""
    raw = raw_table()
    values: list[sa.ColumnElement[Any]] = [raw.c.line]
    for c in COLUMNS:
        s = sa.func.nullif(sa.func.trim(raw.c[c], _SPACE), "")
        values.append(s.label(c))
    for c in COLUMNS:
        if FIELDS[c].kind in ("int", "number"):
            values.append(sa.try_cast(sa.func.nullif(sa.func.trim(raw.c[c], _SPACE), ""), sa.Double).label(f"{c}__x"))
    for c in COLUMNS:
        if FIELDS[c].kind not in ("int", "number"):
            values.append(sa.func.coalesce(sa.func.regexp_matches(raw.c[c], _FORMULA), False).label(f"{c}__f"))
    conn.execute(sa.text("DROP TABLE IF EXISTS cells"))
    conn.execute(CreateTableAs("cells", sa.select(*values)))


class CreateTableAs(sa.sql.expression.Executable, sa.sql.expression.ClauseElement):
    """CREATE TABLE name AS select (DuckDB and PostgreSQL spell it the same)."""

    inherit_cache = False

    def __init__(self, name: str, select: sa.Select):
        self.name, self.select = name, select


@sa.ext.compiler.compiles(CreateTableAs)
def _create_table_as(element, compiler, **kw):
    return f"CREATE TABLE {compiler.preparer.quote(element.name)} AS {compiler.process(element.select, **kw)}"


def cell_rules(field: schema.Field, cells) -> list[tuple]:
    """(failure condition, code) pairs for one column, in the order parse_cell applies them."""
    s = cells.c[field.name]
    rules = [(s.is_(None), "empty")] if field.required else []
    given = s.is_not(None)
    if field.kind in ("int", "number"):
        x = cells.c[f"{field.name}__x"]
        rules += [(x.is_(None), "nan"), (sa.or_(sa.func.isinf(x), sa.func.isnan(x)), "infinite")]
        if field.kind == "int":
            rules.append((x != sa.func.trunc(x), "whole"))
        if field.minimum is not None:
            rules.append((x < field.minimum, "min"))
        if field.maximum is not None:
            rules.append((x > field.maximum, "max"))
    else:
        rules += [(sa.func.length(s) > MAX_TEXT, "long"), (cells.c[f"{field.name}__f"], "formula")]
        if field.kind == "slug":
            rules.append((sa.not_(sa.func.regexp_full_match(s, SLUG_PATTERN.pattern.strip("^$"))), "slug"))
        if field.kind == "choice":
            rules.append((s.not_in(list(field.choices)), "choice"))
        if field.kind == "date":
            rules.append(
                (sa.or_(sa.not_(sa.func.regexp_full_match(s, _DATE)), sa.try_cast(s, sa.Date).is_(None)), "date")
            )
    return [(sa.and_(given, c) if code != "empty" else c, code) for c, code in rules]


def message(field: schema.Field, code: str, value) -> str:
    """The words of a cell problem, as the CSV loader says them."""
    text = short_text(str(value).strip()) if value is not None else ""
    if code in ("min", "max"):
        number = float(str(value).strip())
        shown = str(int(number)) if field.kind == "int" else f"{number:g}"
        limit = field.minimum if code == "min" else field.maximum
        return f"must be at {'least' if code == 'min' else 'most'} {limit:g} (got '{short_text(shown)}')"
    return {
        "empty": "is empty; this column is required",
        "nan": f"'{text}' is not a number",
        "infinite": f"'{text}' is not a finite number",
        "whole": f"'{text}' is not a whole number",
        "long": f"is longer than {MAX_TEXT} characters",
        "formula": f"'{text}' starts with a character a spreadsheet would run as a formula",
        "slug": f"'{text}' is not an id (lower-case letters, digits and hyphens)",
        "choice": f"must be one of: {', '.join(map(str, field.choices))} (got '{text}')",
        "date": f"'{text}' is not a date (YYYY-MM-DD)",
    }[code]


def _valid(name: str, cells) -> sa.ColumnElement:
    """True where the cell passed its column's rules (so row rules may compare it)."""
    return sa.not_(sa.or_(*[c for c, _ in cell_rules(FIELDS[name], cells)]))


# A row rule's message: the words, or a function of the failing row (its `value`, `market`) giving them.
RuleWords = str | Callable[[sa.Row[Any]], str]


def row_rules(raw, treatment_ids, source_ids) -> list[tuple[str, sa.ColumnElement[bool], RuleWords]]:
    """(column, failure condition, message or function of the value) for rules across cells."""
    s = {c: raw.c[c] for c in COLUMNS}
    x = {k: raw.c[f"{k}__x"] for k in vocab.FIGURE_KINDS}
    ok = {c: _valid(c, raw) for c in ("market", "currency", "treatment_id", "source_id")}
    known = {k: s[k].is_not(None) for k in vocab.FIGURE_KINDS}
    rules: list[tuple[str, sa.ColumnElement[bool], RuleWords]] = []
    for low, high in schema.ORDERED["prices.csv"]:
        # as the CSV loader: any two parsed finite figures are compared, even out of range
        rules.append(
            (
                low,
                sa.and_(sa.func.isfinite(x[low]), sa.func.isfinite(x[high]), x[low] > x[high]),
                f"must not be greater than {high}",
            )
        )
    expected = sa.case(*[(s["market"] == m, c) for m, c in vocab.MARKET_CURRENCY.items()], else_=sa.null())
    rules.append(
        (
            "currency",
            sa.and_(ok["market"], ok["currency"], s["currency"] != expected),
            lambda row: f"{row.market} prices must be in {vocab.MARKET_CURRENCY[row.market]}, not {row.value}",
        )
    )
    rules.append(("low", sa.not_(sa.or_(*known.values())), "a price row needs at least one of low, typical, high"))
    rules.append(
        (
            "treatment_id",
            sa.and_(ok["treatment_id"], s["treatment_id"].not_in(sorted(treatment_ids))),
            lambda row: f"'{row.value}' is not an id in treatments.csv",
        )
    )
    rules.append(
        (
            "source_id",
            sa.and_(ok["source_id"], s["source_id"].not_in(sorted(source_ids))),
            lambda row: f"'{row.value}' is not an id in sources.csv",
        )
    )
    clinic = s["clinic"].is_not(None)
    no_price = sa.not_(sa.or_(known["typical"], sa.and_(known["low"], sa.not_(known["high"]))))
    rules.append(
        (
            "typical",
            sa.and_(clinic, no_price),
            "a clinic's row needs its price in typical (or a 'from' price alone in low); a range is not a price",
        )
    )
    return rules


def check_raw(conn: sa.Connection, file: str, treatment_ids, source_ids, progress: Step = quiet) -> list[Problem]:
    """Every rule over the `raw` table; the first MAX_PROBLEMS problems, then how many more."""
    prepare_cells(conn)
    raw = cells_table()
    problems: list[Problem] = []
    total = 0
    for name in COLUMNS:
        field = FIELDS[name]
        rules = cell_rules(field, raw)
        if not rules:
            continue
        progress(f"checking {file}: {name}")
        code = sa.case(*rules, else_=sa.null())
        found, count = _first(conn, raw, code.is_not(None), [raw.c[name].label("value"), code.label("code")])
        total += count
        problems += [Problem(file, r.line, name, message(field, r.code, r.value)) for r in found]
    for column, failed, words in row_rules(raw, treatment_ids, source_ids):
        progress(f"checking {file}: {column} across cells")
        found, count = _first(conn, raw, failed, [raw.c[column].label("value"), raw.c.market.label("market")])
        total += count
        problems += [Problem(file, r.line, column, words(r) if callable(words) else words) for r in found]
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    shown = problems[:MAX_PROBLEMS]
    if total > len(shown):
        shown.append(Problem(file, None, None, f"{total - len(shown):,} more problem(s) not listed"))
    return shown


def _first(conn, raw, failed, columns) -> tuple[list, int]:
    inner = sa.select(raw.c.line, *columns, sa.func.count().over().label("total")).where(failed)
    rows = conn.execute(inner.order_by(raw.c.line).limit(MAX_PROBLEMS)).fetchall()
    return rows, (rows[0].total if rows else 0)


def fill_typed(conn: sa.Connection, metadata: sa.MetaData) -> sa.Table:
    """Create the typed `prices` table from `raw` (call only after check_raw found nothing)."""
    table = price_table(metadata)
    metadata.create_all(conn, tables=[table])
    cells = cells_table()
    values: list[sa.ColumnElement[Any]] = [cells.c.line]
    for column in table.columns:
        if column.name == "line":
            continue
        s = cells.c[f"{column.name}__x"] if f"{column.name}__x" in cells.c else cells.c[column.name]
        values.append(sa.cast(s, column.type) if not isinstance(column.type, sa.Text) else s)
    conn.execute(table.insert().from_select([c.name for c in table.columns], sa.select(*values)))
    return table


def header_problems(file: str, header: list[str]) -> list[Problem]:
    """Missing required columns or unknown ones; the optional ones (and category_average) may be absent; any order."""
    return header_problems_of(file, header, list(COLUMNS), optional=MAY_BE_ABSENT, ordered=False)
