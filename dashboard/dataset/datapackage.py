"""The dataset as a Frictionless Data Package: `data/datapackage.json`, generated from dashboard/dataset/schema.py.

Each table becomes a tabular data resource whose Table Schema (types, required and unique columns,
ranges, allowed values from dashboard/vocab.py, primary and foreign keys) comes from the same
declarations the loader validates with, so the descriptor cannot drift from the app's rules.
Regenerate with `python -m dashboard datapackage`; a test fails when the committed file is stale.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from dashboard.dataset import schema
from dashboard.settings import BUNDLED_DATA

NAME = "cosmetic-treatment-costs"
DESCRIPTOR = "datapackage.json"
# The data's own version: raise the minor number when rows or columns are added, the major one when
# a column changes meaning.
VERSION = "1.0.0"
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# Rules of the loader that a Table Schema cannot state; said in words in the package description.
NOT_IN_TABLE_SCHEMA = (
    "Rules a Table Schema cannot state, checked by `python -m dashboard validate`: low <= typical <= high "
    "within a row (prices, sessions, units per session, results months, downtime); a price row gives at least "
    "one of low, typical, high; the currency matches the market; every id in treatments.source_ids is a "
    "source id; maintenance is periodic exactly when results_months is given; no text cell starts with a "
    "character a spreadsheet would run as a formula."
)


def _list_pattern(choices: tuple) -> str:
    item = "|".join(re.escape(str(c)) for c in choices) if choices else SLUG
    return rf"^ *(?:{item}) *(?:; *(?:{item}) *)*;? *$"


def table_field(field: schema.Field) -> dict:
    """One schema.Field as a Table Schema field descriptor."""
    out: dict = {"name": field.name}
    constraints: dict = {}
    if field.kind in ("int", "number"):
        out["type"] = "integer" if field.kind == "int" else "number"
        if field.minimum is not None:
            constraints["minimum"] = _number(field.minimum, field.kind)
        if field.maximum is not None:
            constraints["maximum"] = _number(field.maximum, field.kind)
    else:
        out["type"] = "string"
        if field.kind == "choice":
            constraints["enum"] = [str(c) for c in field.choices]
        elif field.kind == "slug":
            constraints["pattern"] = f"^{SLUG}$"
        elif field.kind == "list":
            out["description"] = "a list separated by ';'" + (
                f" of: {', '.join(map(str, field.choices))}" if field.choices else " of ids"
            )
            constraints["pattern"] = _list_pattern(field.choices)
        elif field.kind == "date":
            out["type"] = "date"
            out["format"] = "default"
        elif field.kind == "url":
            out["format"] = "uri"
            constraints["pattern"] = r"^https?://\S+$"
    if field.required:
        constraints["required"] = True
    if field.unique:
        constraints["unique"] = True
    if constraints:
        out["constraints"] = constraints
    return out


def _number(value: float, kind: str) -> int | float:
    return int(value) if kind == "int" or float(value).is_integer() else float(value)


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f), [])


def resource(file: str, data_dir: Path) -> dict:
    """The tabular data resource for one CSV: declared in schema.FILES (or OPTIONAL_FILES), else every column as text."""
    fields = schema.FILES.get(file) or schema.OPTIONAL_FILES.get(file)
    table: dict = {
        "fields": [table_field(f) for f in fields]
        if fields
        else [{"name": n, "type": "string"} for n in _header(data_dir / file)],
        "missingValues": [""],
    }
    if schema.PRIMARY_KEYS.get(file):
        table["primaryKey"] = list(schema.PRIMARY_KEYS[file])
    keys = [
        {"fields": column, "reference": {"resource": Path(other).stem, "fields": key}}
        for column, other, key in schema.FOREIGN_KEYS.get(file, ())
    ]
    if keys:
        table["foreignKeys"] = keys
    return {
        "name": Path(file).stem,
        "path": file,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table,
    }


def descriptor(data_dir: str | Path = BUNDLED_DATA) -> dict:
    """The data package descriptor for a data folder: the declared tables first, then any other CSV there."""
    data_dir = Path(data_dir)
    others = sorted(p.name for p in data_dir.glob("*.csv") if p.name not in schema.FILES)
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "What cosmetic treatments really cost",
        "description": (
            "Cosmetic treatments (microdermabrasion, peels, lasers, microneedling, injectables, surgery) by price "
            "per market, number of sessions, how long results last, downtime and risk, every figure cited. "
            "An empty cell means no cited source gives the figure. Column meanings: README.md. " + NOT_IN_TABLE_SCHEMA
        ),
        "version": VERSION,
        "licenses": [LICENCE],
        "sources": [
            {
                "title": "Every figure's source: publisher, title, URL, year and status (sources.csv)",
                "path": "sources.csv",
            }
        ],
        "resources": [resource(f, data_dir) for f in [*schema.FILES, *others] if (data_dir / f).is_file()],
    }


def render(data_dir: str | Path = BUNDLED_DATA) -> str:
    """The descriptor as the committed file's text (2-space JSON, UTF-8, final newline)."""
    return json.dumps(descriptor(data_dir), indent=2, ensure_ascii=False) + "\n"


def write(data_dir: str | Path = BUNDLED_DATA) -> Path:
    """Write DIR/datapackage.json; its path."""
    path = Path(data_dir) / DESCRIPTOR
    path.write_text(render(data_dir), encoding="utf-8")
    return path
