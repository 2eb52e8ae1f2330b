"""Which price rows the cost model leaves out, and why: the list `validate` and `load` print.

The cost model (price_combine.combine_prices) keeps, for one treatment in one market, the rows that
give a per-session figure, are the treatment's own (not a whole category's) and are of the chosen basis, and takes each figure from the best row that
states it (not weak, then newest, then surer status, then file order). A row that gives no figure
to the result is left out. This module names each such row and the rule that left it out, so a tie
settled by file order is never silent. The model itself says which figures it took;
tests/unit/test_price_use.py checks that removing the rows listed here changes none of them.
"""

from __future__ import annotations

from typing import Any, cast

import pandas as pd

from dashboard import vocab
from dashboard.dataset.problems import Problem, by_line
from dashboard.model import price_combine

KINDS = price_combine.KINDS


def _where(row: pd.Series[Any]) -> str:
    return f"{row['treatment_id']} in {row['market']}{_in_region(row.get('region'))}"


def _ref(line: int) -> str:
    return f"line {int(line)}"


def left_out(treatments: pd.DataFrame, prices: pd.DataFrame, file: str = "prices.csv") -> list[Problem]:
    """One note per price row (index = line; summary rows by their first line) the cost model does not use."""
    notes: list[tuple[int, str]] = []
    by_id = treatments.set_index("id")
    for (tid, _market), rows in prices.groupby(["treatment_id", "market"], sort=False):
        if tid not in by_id.index:
            continue
        treatment = cast("pd.Series[Any]", by_id.loc[cast(str, tid)])  # (ids are unique: one row)
        notes += _group_notes(rows, treatment)
    return [Problem(file, line, None, message) for line, message in sorted(notes)]


def _group_notes(rows: pd.DataFrame, treatment: pd.Series[Any]) -> list[tuple[int, str]]:
    notes: list[tuple[int, str]] = []
    result = price_combine.combine_prices(rows, treatment)  # the model's own answer
    candidates = {line: price_combine.row_candidates(row, treatment) for line, row in by_line(rows)}
    for line, row in by_line(rows):
        if not candidates[line]:
            unit = row["unit"]
            counted = unit not in vocab.PER_SESSION_UNITS and unit == treatment.get("session_unit")
            why = (
                f"how many {unit}s make one session is not published"
                if counted
                else f"a price per {unit} is shown but never turned into a session price"
            )
            notes.append((line, f"{_where(row)}: not used: {why}"))
    table = rows[[bool(candidates[line]) for line in rows.index]].copy()
    if table.empty or result["basis"] is None:
        return notes
    category = table.get("category_average", pd.Series(None, index=table.index, dtype=object))
    category = category.map(lambda c: isinstance(c, str) and c != "")
    if (~category).any():  # a figure for a whole category stands in only when the treatment has none of its own
        for line, row in by_line(table[category]):
            notes.append(
                (
                    line,
                    f"{_where(row)}: not used: a figure for all of “{row['category_average']}”; this "
                    f"treatment's own figures (such as {_ref(table.index[~category][0])}) come first",
                )
            )
        table = table[~category]
    first_of_basis = table.index[table["basis"] == result["basis"]][0]
    for line, row in by_line(table[table["basis"] != result["basis"]]):
        notes.append(
            (
                line,
                f"{_where(row)}: not used: basis {row['basis']}; {result['basis']} rows such as "
                f"{_ref(first_of_basis)} come first",
            )
        )
    table = table[table["basis"] == result["basis"]].copy()
    bounds = price_combine.reputable_bounds(table.assign(_candidates=[candidates[line] for line in table.index]))
    for line, row in by_line(table[table["status"] == "weak"]):
        outside = price_combine.weak_outside(candidates[line], bounds)
        candidates[line] = {k: v for k, v in candidates[line].items() if k not in outside}
        if outside and not candidates[line]:
            figures = ", ".join(dict.fromkeys(f"{value:,.0f}" for value, _how in outside.values()))
            notes.append(
                (
                    line,
                    f"{_where(row)}: not used: a weak figure ({figures}) outside the range the better-sourced "
                    f"rows give ({_bounds_text(bounds)})",
                )
            )
    table = table[[bool(candidates[line]) for line in table.index]]
    if result["price_order_note"]:  # the sources disagree: the range spans every row of the basis
        return notes
    table["_order"] = range(len(table))
    table["_weak"] = table["status"] == "weak"
    table["_year"] = table["year"].astype("float64").fillna(-1)
    table["_status"] = table["status"].map(price_combine.STATUS_RANK)
    table = table.sort_values(["_weak", "_year", "_status", "_order"], ascending=[True, False, True, True])
    chosen: dict[str, int] = {}
    for kind in KINDS:
        value, source = result[f"session_{kind}"], result[f"session_{kind}_source"]
        if pd.isna(value):
            continue
        chosen[kind] = next(
            line
            for line, row in by_line(table)
            if row["source_id"] == source and candidates[line].get(kind, (None,))[0] == value
        )
    for line, row in by_line(table.drop(index=list(set(chosen.values())))):
        kind = next(k for k in KINDS if k in candidates[line] and k in chosen)
        notes.append((line, f"{_where(row)}: not used: {_lost(row, table.loc[chosen[kind]], chosen[kind], kind)}"))
    return notes


def _bounds_text(bounds: tuple[float | None, float | None]) -> str:
    low, high = bounds
    if low is not None and high is not None:
        return f"{low:,.0f} to {high:,.0f} a session"
    return f"from {low:,.0f} a session" if low is not None else f"up to {high:,.0f} a session"


def _lost(row: pd.Series[Any], winner: pd.Series[Any], winner_line: int, kind: str) -> str:
    """Why `row` lost its figure to `winner`: better sourced, newer, surer, or (a tie) first in the file."""
    ref = f"{_ref(winner_line)}{_in_region(winner.get('region'))}"
    if winner["_weak"] != row["_weak"]:
        return f"a weak figure, and {ref} (better sourced) gives the {kind} figure"
    if winner["_year"] != row["_year"]:
        return f"{ref} gives a newer {kind} figure"
    if winner["_status"] != row["_status"]:
        return f"{ref} gives a {kind} figure of surer status ({winner['status']})"
    year = "no year" if winner["_year"] < 0 else f"year {int(winner['_year'])}"
    return (
        f"a tie with {ref} ({year}, status {winner['status']}), settled by file order: {_ref(winner_line)} comes first"
    )


def _in_region(region: object) -> str:
    """' in Miami-Dade' for a price row's region, or ''."""
    return f" in {region}" if isinstance(region, str) and region else ""
