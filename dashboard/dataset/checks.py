"""Rules over whole tables: pandera value checks per file, links between files (every id a row
names exists), and the treatment rules that span columns. Each problem is a `Problem`."""

from __future__ import annotations

import pandas as pd
from pandera.errors import SchemaErrors

from dashboard import vocab
from dashboard.dataset import pricelist, schema
from dashboard.dataset.problems import Problem, by_line, cells_by_line


def short_text(text: str, limit: int = 60) -> str:
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
    return Problem(file, line, column, f"{check} (got '{short_text(shown)}')")


def check_links(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules across files: every id referenced exists, currencies match markets."""
    treatments, prices = frames["treatments.csv"], frames["prices.csv"]
    concerns, sources = frames["concerns.csv"], frames["sources.csv"]
    treatment_ids = set(treatments["id"].dropna())
    source_ids = set(sources["id"].dropna())
    problems = []
    for file, frame in (("prices.csv", prices), ("concerns.csv", concerns)):
        for line, value in cells_by_line(frame["treatment_id"].dropna()):
            if value not in treatment_ids:
                problems.append(Problem(file, line, "treatment_id", f"'{value}' is not an id in treatments.csv"))
        for line, cited in cells_by_line(frame["source_id"].dropna()):
            for value in pricelist.source_ids(cited) if file == "prices.csv" else [cited]:
                if value not in source_ids:
                    problems.append(Problem(file, line, "source_id", f"'{value}' is not an id in sources.csv"))
    for line, ids in cells_by_line(treatments["source_ids"].dropna()):
        for value in ids:
            if value not in source_ids:
                problems.append(Problem("treatments.csv", line, "source_ids", f"'{value}' is not an id in sources.csv"))
    for line, row in by_line(prices):
        expected = vocab.MARKET_CURRENCY.get(row["market"])
        if expected and row["currency"] and row["currency"] != expected:
            problems.append(
                Problem(
                    "prices.csv",
                    line,
                    "currency",
                    f"{row['market']} prices must be in {expected}, not {row['currency']}",
                )
            )
        if all(pd.isna(row[k]) for k in vocab.FIGURE_KINDS):
            problems.append(Problem("prices.csv", line, "low", "a price row needs at least one of low, typical, high"))
    problems += treatment_rules(treatments)
    problems += source_date_rules(sources)
    return problems


def source_date_rules(sources: pd.DataFrame) -> list[Problem]:
    """A source's year says what it is (published or reviewed) and is no later than the day it was read."""
    problems = []
    for line, row in by_line(sources):
        year, kind, read_on = row["year"], row.get("year_kind"), row.get("read_on")
        if pd.isna(year):
            if isinstance(kind, str):
                problems.append(Problem("sources.csv", line, "year_kind", "is given without a year"))
            continue
        if not isinstance(kind, str):
            problems.append(
                Problem("sources.csv", line, "year_kind", "is empty; say whether the year is published or reviewed")
            )
        if isinstance(read_on, str) and int(year) > int(read_on[:4]):
            problems.append(
                Problem("sources.csv", line, "year", f"{int(year)} is after the day it was read ({read_on})")
            )
    return problems


def treatment_rules(treatments: pd.DataFrame) -> list[Problem]:
    problems = []
    for line, row in by_line(treatments):
        periodic = row["maintenance"] == "periodic"
        has_duration = not (pd.isna(row["results_months_low"]) and pd.isna(row["results_months_high"]))
        if periodic and not has_duration:
            problems.append(
                Problem(
                    "treatments.csv",
                    line,
                    "results_months_low",
                    "maintenance is periodic, so how long results last is required",
                )
            )
        if row["maintenance"] == "as-needed" and not pd.isna(row["results_months_high"]):
            problems.append(
                Problem(
                    "treatments.csv",
                    line,
                    "results_months_high",
                    "maintenance is as-needed (no interval published), so only results_months_low "
                    "may be given: how long results were still seen, a lower bound",
                )
            )
        elif row["maintenance"] in ("none", "unknown") and has_duration:
            problems.append(
                Problem(
                    "treatments.csv",
                    line,
                    "maintenance",
                    "results_months is given, so maintenance must be periodic "
                    "(or as-needed with a lower bound in results_months_low)",
                )
            )
        has_units = any(not pd.isna(row[f"units_per_session_{k}"]) for k in vocab.FIGURE_KINDS)
        if has_units and pd.isna(row["session_unit"]):
            problems.append(
                Problem(
                    "treatments.csv", line, "session_unit", "units per session are given, so session_unit is required"
                )
            )
    return problems
