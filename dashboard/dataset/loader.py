"""Read the data folder, validate it, and return typed frames or every problem found."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from dashboard.dataset import schema
from dashboard.dataset.checks import check_frame, check_links, short_text
from dashboard.dataset.problems import DatasetError, Problem
from dashboard.dataset.trial_checks import trial_problems
from dashboard.formula import starts_with_trigger
from dashboard.settings import BUNDLED_DATA

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TEXT = 2000
MAX_FILE_BYTES = 20 * 1024 * 1024
# Text that browser libraries may use as an object key (dcc.Dropdown breaks on a label holding the
# word __proto__) must not name Object.prototype.
RESERVED_NAMES = frozenset({"__proto__", "prototype", "constructor"})


@dataclass(frozen=True)
class Dataset:
    """The validated frames. Treat them as read-only."""

    treatments: pd.DataFrame
    prices: pd.DataFrame
    concerns: pd.DataFrame
    sources: pd.DataFrame
    # alias, treatment_id, note (aliases.csv; empty without one)
    aliases: pd.DataFrame = dataclasses.field(default_factory=lambda: empty_frame(schema.ALIASES))
    # what trials found, one row per study arm (trial_results.csv; empty without one)
    trials: pd.DataFrame = dataclasses.field(default_factory=lambda: empty_frame(schema.TRIAL_RESULTS))

    def alias_map(self) -> dict[str, str]:
        """Alias as written in aliases.csv -> treatment id."""
        return dict(zip(self.aliases["alias"], self.aliases["treatment_id"], strict=False))

    def price_years(self) -> tuple[int, int] | None:
        years = self.prices["year"].dropna()
        return (int(years.min()), int(years.max())) if len(years) else None


def read_csv_folder(data_dir: str | Path = BUNDLED_DATA) -> Dataset:
    """The data folder's CSV files checked, prices one row per line as published (storage.open_dataset then
    summarises clinic prices: use that, the one way to load); raise DatasetError listing every problem."""
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
    trials, found_in_trials = read_trial_results(data_dir)
    problems += found + found_in_trials
    if len(frames) == len(schema.FILES):
        problems += check_links(frames)
        problems += alias_problems(aliases, frames["treatments.csv"])
        problems += trial_problems(trials, frames, checked=(data_dir / TRIALS).is_file())
    if problems:
        raise DatasetError(problems)
    return Dataset(
        treatments=frames["treatments.csv"],
        prices=frames["prices.csv"],
        concerns=frames["concerns.csv"],
        sources=frames["sources.csv"],
        aliases=aliases,
        trials=trials,
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


TRIALS = "trial_results.csv"


def read_trial_results(data_dir: Path | None) -> tuple[pd.DataFrame, list[Problem]]:
    """trial_results.csv when the folder has one (else no rows), with its value problems."""
    path = Path(data_dir) / TRIALS if data_dir is not None else None
    if path is None or not path.is_file():
        return empty_frame(schema.TRIAL_RESULTS), []
    frame, problems = read_file(path, schema.TRIAL_RESULTS)
    if frame is None:
        return empty_frame(schema.TRIAL_RESULTS), problems
    return frame, problems + check_frame(TRIALS, frame)


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
            message = f"'{short_text(tid)}' is not an id in treatments.csv"
            problems.append(Problem("aliases.csv", line, "treatment_id", message))
            continue
        key = _name_key(alias)
        if owner.get(key, tid) != tid:
            problems.append(
                Problem("aliases.csv", line, "alias", f"'{short_text(alias)}' already names '{owner[key]}'")
            )
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


def frame_from_rows(
    name: str, rows: list[list[str]], fields: tuple[schema.Field, ...]
) -> tuple[pd.DataFrame | None, list[Problem]]:
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


def header_problems(
    name: str, header: list[str], expected: list[str], optional=(), ordered: bool = True
) -> list[Problem]:
    """Missing, unknown or repeated column names (and, when `ordered`, the wrong order)."""
    if header == expected:
        return []
    problems = []
    missing = [c for c in expected if c not in header and c not in optional]
    extra = [c for c in header if c not in expected]
    if missing:
        problems.append(Problem(name, 1, None, f"missing column(s): {', '.join(missing)}"))
    if extra:
        problems.append(Problem(name, 1, None, f"unknown column(s): {', '.join(map(short_text, extra))}"))
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
            return None, f"'{short_text(text)}' is not a number"
        if not math.isfinite(number):
            return None, f"'{short_text(text)}' is not a finite number"
        if field.kind == "int":
            if number != int(number):
                return None, f"'{short_text(text)}' is not a whole number"
            return int(number), None
        return number, None
    if len(text) > MAX_TEXT:
        return None, f"is longer than {MAX_TEXT} characters"
    if text in RESERVED_NAMES or "__proto__" in text:
        return None, f"'{short_text(text)}' is reserved by the browser's JavaScript objects; choose another text"
    if starts_with_trigger(cell):
        return None, f"'{short_text(text)}' starts with a character a spreadsheet would run as a formula"
    if field.kind == "slug" and not SLUG_PATTERN.match(text):
        return None, f"'{short_text(text)}' is not an id (lower-case letters, digits and hyphens)"
    if field.kind == "date":
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return None, f"'{short_text(text)}' is not a date written YYYY-MM-DD"
        if len(text) != 10:
            return None, f"'{short_text(text)}' is not a date written YYYY-MM-DD"
    if field.kind == "url":
        parts = urlparse(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return None, f"'{short_text(text)}' is not an http(s) URL"
    if field.kind == "list":
        items = tuple(i.strip() for i in text.split(";") if i.strip())
        bad = [i for i in items if (i not in field.choices if field.choices else not SLUG_PATTERN.match(i))]
        if bad:
            allowed = f"; allowed: {', '.join(field.choices)}" if field.choices else " (ids are lower-case slugs)"
            return None, f"'{short_text(bad[0])}' is not a valid item{allowed}"
        return items, None
    return text, None


def assemble(frames: dict[str, pd.DataFrame], prices: pd.DataFrame, folder: Path | None = None) -> Dataset:
    """The Dataset from three checked small tables and the (summarised) prices, after the cross-file checks;
    with the folder's aliases.csv, if it has one, and its trial_results.csv (or `frames`' own, read from a
    database)."""
    problems = check_links({**frames, "prices.csv": prices})
    aliases, found = read_aliases(folder) if folder is not None else (empty_frame(schema.ALIASES), [])
    found_in_trials: list[Problem]
    if TRIALS in frames:
        trials, found_in_trials, checked = frames[TRIALS], [], True
    else:
        trials, found_in_trials = read_trial_results(folder)
        checked = folder is not None and (folder / TRIALS).is_file()
    problems += found + found_in_trials + alias_problems(aliases, frames["treatments.csv"])
    problems += trial_problems(trials, frames, checked=checked)
    if problems:
        raise DatasetError(problems)
    return Dataset(frames["treatments.csv"], prices, frames["concerns.csv"], frames["sources.csv"], aliases, trials)
