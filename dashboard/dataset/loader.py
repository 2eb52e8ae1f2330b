"""Read the data folder, validate it, and return typed frames or every problem found."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from pandera.errors import SchemaErrors

from dashboard import vocab
from dashboard.dataset import schema
from dashboard.dataset.problems import DatasetError, Problem
from dashboard.formula import starts_with_trigger
from dashboard.settings import BUNDLED_DATA

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TEXT = 2000
MAX_FILE_BYTES = 20 * 1024 * 1024
# Text that browser libraries may use as an object key (dcc.Dropdown breaks on a label holding the
# word __proto__) must not name Object.prototype.
RESERVED_NAMES = frozenset({"__proto__", "prototype", "constructor"})


@dataclass(frozen=True)
class Dataset:
    """The four validated frames. Treat them as read-only."""

    treatments: pd.DataFrame
    prices: pd.DataFrame
    concerns: pd.DataFrame
    sources: pd.DataFrame
    # alias, treatment_id, note (aliases.csv; empty without one)
    aliases: pd.DataFrame = dataclasses.field(default_factory=lambda: empty_frame(schema.ALIASES))

    def alias_map(self) -> dict[str, str]:
        """Alias as written in aliases.csv -> treatment id."""
        return dict(zip(self.aliases["alias"], self.aliases["treatment_id"], strict=False))

    def price_years(self) -> tuple[int, int] | None:
        years = self.prices["year"].dropna()
        return (int(years.min()), int(years.max())) if len(years) else None


def load_dataset(data_dir: str | Path = BUNDLED_DATA) -> Dataset:
    """Load and validate the data folder; raise DatasetError listing every problem."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    for file, fields in schema.FILES.items():
        frame, found = read_file(data_dir / file, fields)
        problems += found
        if frame is not None:
            problems += check_frame(file, frame)
            frames[file] = frame
    aliases, found = read_aliases(data_dir)
    problems += found
    if len(frames) == len(schema.FILES):
        problems += check_links(frames)
        problems += alias_problems(aliases, frames["treatments.csv"])
    if problems:
        raise DatasetError(problems)
    return Dataset(
        treatments=frames["treatments.csv"],
        prices=frames["prices.csv"],
        concerns=frames["concerns.csv"],
        sources=frames["sources.csv"],
        aliases=aliases,
    )


def empty_frame(fields: tuple[schema.Field, ...]) -> pd.DataFrame:
    """A frame with the columns of `fields` and no rows."""
    return pd.DataFrame({f.name: pd.Series(dtype="object") for f in fields}, index=pd.Index([], name="line"))


def read_aliases(data_dir: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """aliases.csv when the folder has one (else no aliases), with its value problems."""
    path = Path(data_dir) / "aliases.csv"
    if not path.is_file():
        return empty_frame(schema.ALIASES), []
    frame, problems = read_file(path, schema.ALIASES)
    # the cell parser reports every value problem an alias can have (empty, formula, not an id)
    return (empty_frame(schema.ALIASES) if frame is None else frame), problems


def alias_problems(aliases: pd.DataFrame, treatments: pd.DataFrame) -> list[Problem]:
    """Each alias names a known treatment, and no name (alias, treatment name or id, compared
    ignoring case, spaces and hyphens) points at two treatments."""
    ids = set(treatments["id"].dropna())
    owner: dict[str, str] = {}
    for tid, name in zip(treatments["id"], treatments["name"], strict=False):
        owner.setdefault(_name_key(tid), tid)
        owner.setdefault(_name_key(name), tid)
    problems = []
    for line, alias, tid in zip(aliases.index, aliases["alias"], aliases["treatment_id"], strict=False):
        if alias is None or tid is None:
            continue
        if tid not in ids:
            message = f"'{_short(tid)}' is not an id in treatments.csv"
            problems.append(Problem("aliases.csv", line, "treatment_id", message))
            continue
        key = _name_key(alias)
        if owner.get(key, tid) != tid:
            problems.append(Problem("aliases.csv", line, "alias", f"'{_short(alias)}' already names '{owner[key]}'"))
        owner.setdefault(key, tid)
    return problems


def _name_key(text: str) -> str:
    return " ".join(str(text).casefold().replace("-", " ").replace("_", " ").split())


def read_file(path: Path, fields: tuple[schema.Field, ...]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse one CSV into a typed frame (index = line number); None when unreadable."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, None, None, f"file not found in {path.parent.name}/")]
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(name, None, None, "file is larger than 20 MiB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [Problem(name, None, None, f"not UTF-8 text (bad byte at position {err.start})")]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return None, [Problem(name, None, None, "file is empty; expected a header row")]
    return frame_from_rows(name, rows, fields)


def frame_from_rows(name: str, rows: list[list[str]], fields: tuple[schema.Field, ...]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Text rows (header first) to a typed frame with the same rules as a CSV; used for Parquet and SQL too."""
    header = [h.strip() for h in rows[0]]
    expected = [f.name for f in fields]
    problems = header_problems(name, header, expected)
    if problems:
        return None, problems
    records: dict[str, list] = {f.name: [] for f in fields}
    lines: list[int] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(fields):
            problems.append(Problem(name, line_no, None, f"has {len(row)} fields; the header has {len(fields)}"))
            continue
        lines.append(line_no)
        for field, cell in zip(fields, row, strict=True):
            value, message = parse_cell(field, cell)
            records[field.name].append(value)
            if message:
                problems.append(Problem(name, line_no, field.name, message))
    frame = pd.DataFrame(records, index=pd.Index(lines, name="line"))
    for field in fields:
        if field.kind == "int":
            frame[field.name] = frame[field.name].astype("Int64")
        elif field.kind == "number":
            frame[field.name] = frame[field.name].astype("float64")
        else:
            frame[field.name] = frame[field.name].astype("object")
    return frame, problems


def header_problems(name: str, header: list[str], expected: list[str], optional=(), ordered: bool = True) -> list[Problem]:
    """Missing, unknown or repeated column names (and, when `ordered`, the wrong order)."""
    if header == expected:
        return []
    problems = []
    missing = [c for c in expected if c not in header and c not in optional]
    extra = [c for c in header if c not in expected]
    if missing:
        problems.append(Problem(name, 1, None, f"missing column(s): {', '.join(missing)}"))
    if extra:
        problems.append(Problem(name, 1, None, f"unknown column(s): {', '.join(map(_short, extra))}"))
    if len(set(header)) != len(header):
        problems.append(Problem(name, 1, None, "a column name appears twice"))
    if not problems and ordered:
        problems.append(Problem(name, 1, None, f"columns must be in this order: {','.join(expected)}"))
    return problems


def parse_cell(field: schema.Field, cell: str):
    """One cell's text to a typed value; returns (value, problem message or None)."""
    text = cell.strip()
    if not text:
        return None, ("is empty; this column is required" if field.required else None)
    if field.kind in ("int", "number"):
        try:
            number = float(text)
        except ValueError:
            return None, f"'{_short(text)}' is not a number"
        if not math.isfinite(number):
            return None, f"'{_short(text)}' is not a finite number"
        if field.kind == "int":
            if number != int(number):
                return None, f"'{_short(text)}' is not a whole number"
            return int(number), None
        return number, None
    if len(text) > MAX_TEXT:
        return None, f"is longer than {MAX_TEXT} characters"
    if text in RESERVED_NAMES or "__proto__" in text:
        return None, f"'{_short(text)}' is reserved by the browser's JavaScript objects; choose another text"
    if starts_with_trigger(cell):
        return None, f"'{_short(text)}' starts with a character a spreadsheet would run as a formula"
    if field.kind == "slug" and not _SLUG.match(text):
        return None, f"'{_short(text)}' is not an id (lower-case letters, digits and hyphens)"
    if field.kind == "url":
        parts = urlparse(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return None, f"'{_short(text)}' is not an http(s) URL"
    if field.kind == "list":
        items = tuple(i.strip() for i in text.split(";") if i.strip())
        bad = [i for i in items if (i not in field.choices if field.choices else not _SLUG.match(i))]
        if bad:
            allowed = f"; allowed: {', '.join(field.choices)}" if field.choices else " (ids are lower-case slugs)"
            return None, f"'{_short(bad[0])}' is not a valid item{allowed}"
        return items, None
    return text, None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_frame(file: str, frame: pd.DataFrame) -> list[Problem]:
    """Value rules (allowed values, ranges, uniqueness, order) through the pandera schema."""
    try:
        schema.frame_schema(file).validate(frame, lazy=True)
    except SchemaErrors as err:
        return [_problem_from_failure(file, row) for row in err.failure_cases.itertuples(index=False)]
    return []


def _problem_from_failure(file: str, failure) -> Problem:
    line = None if pd.isna(failure.index) else int(failure.index)
    column = None if pd.isna(failure.column) else str(failure.column)
    check = str(failure.check)
    value = failure.failure_case
    if "|" in check:  # a row-level check named "column|message"
        column, message = check.split("|", 1)
        return Problem(file, line, column, message)
    if check == "field_uniqueness":
        return Problem(file, line, column, f"'{value}' appears more than once; must be unique")
    if check == "multiple_fields_uniqueness":
        together = " + ".join(schema.UNIQUE_TOGETHER[file])
        return Problem(file, line, column, f"the combination {together} appears more than once")
    if check == "not_nullable":
        return Problem(file, line, column, "is empty; this column is required")
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return Problem(file, line, column, f"{check} (got '{_short(shown)}')")


def check_links(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules across files: every id referenced exists, currencies match markets."""
    treatments, prices = frames["treatments.csv"], frames["prices.csv"]
    concerns, sources = frames["concerns.csv"], frames["sources.csv"]
    treatment_ids = set(treatments["id"].dropna())
    source_ids = set(sources["id"].dropna())
    problems = []
    for file, frame in (("prices.csv", prices), ("concerns.csv", concerns)):
        for line, value in frame["treatment_id"].dropna().items():
            if value not in treatment_ids:
                problems.append(Problem(file, line, "treatment_id", f"'{value}' is not an id in treatments.csv"))
        for line, value in frame["source_id"].dropna().items():
            if value not in source_ids:
                problems.append(Problem(file, line, "source_id", f"'{value}' is not an id in sources.csv"))
    for line, ids in treatments["source_ids"].dropna().items():
        for value in ids:
            if value not in source_ids:
                problems.append(Problem("treatments.csv", line, "source_ids", f"'{value}' is not an id in sources.csv"))
    for line, row in prices.iterrows():
        expected = vocab.MARKET_CURRENCY.get(row["market"])
        if expected and row["currency"] and row["currency"] != expected:
            problems.append(Problem("prices.csv", line, "currency", f"{row['market']} prices must be in {expected}, not {row['currency']}"))
        if all(pd.isna(row[k]) for k in ("low", "typical", "high")):
            problems.append(Problem("prices.csv", line, "low", "a price row needs at least one of low, typical, high"))
    problems += _treatment_rules(treatments)
    return problems


def assemble(frames: dict[str, pd.DataFrame], prices: pd.DataFrame, folder: Path | None = None) -> Dataset:
    """The Dataset from three checked small tables and the (summarised) prices, after the cross-file checks;
    with the folder's aliases.csv, if it has one."""
    problems = check_links({**frames, "prices.csv": prices})
    aliases, found = read_aliases(folder) if folder is not None else (empty_frame(schema.ALIASES), [])
    problems += found + alias_problems(aliases, frames["treatments.csv"])
    if problems:
        raise DatasetError(problems)
    return Dataset(frames["treatments.csv"], prices, frames["concerns.csv"], frames["sources.csv"], aliases)


def _treatment_rules(treatments: pd.DataFrame) -> list[Problem]:
    problems = []
    for line, row in treatments.iterrows():
        periodic = row["maintenance"] == "periodic"
        has_duration = not (pd.isna(row["results_months_low"]) and pd.isna(row["results_months_high"]))
        if periodic and not has_duration:
            problems.append(Problem("treatments.csv", line, "results_months_low", "maintenance is periodic, so how long results last is required"))
        if row["maintenance"] == "as-needed" and not pd.isna(row["results_months_high"]):
            problems.append(Problem("treatments.csv", line, "results_months_high",
                                    "maintenance is as-needed (no interval published), so only results_months_low "
                                    "may be given: how long results were still seen, a lower bound"))
        elif row["maintenance"] in ("none", "unknown") and has_duration:
            problems.append(Problem("treatments.csv", line, "maintenance",
                                    "results_months is given, so maintenance must be periodic "
                                    "(or as-needed with a lower bound in results_months_low)"))
        has_units = any(not pd.isna(row[f"units_per_session_{k}"]) for k in ("low", "typical", "high"))
        if has_units and row["session_unit"] is None:
            problems.append(Problem("treatments.csv", line, "session_unit", "units per session are given, so session_unit is required"))
    return problems
