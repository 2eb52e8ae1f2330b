"""Which price rows the cost model leaves out, and why: the list `validate` and `load` print.

The cost model (price_combine.combine_prices) keeps, for one treatment in one market, the rows that
give a per-session figure, are the treatment's own (not a whole category's) and are of the chosen basis, and takes each figure from the best row that
states it (not weak, then newest, then surer status, then file order). A row that gives no figure
to the result is left out. This module names each such row and the rule that left it out, so a tie
settled by file order is never silent: each as a `RowLeftOut` record (its line, the rule's code and the values
the rule compared), which output.price_use_words puts in words. The model itself says which figures it took;
tests/unit/output/test_price_use.py checks that removing the rows listed here changes none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, cast

import pandas as pd

from dashboard import vocab
from dashboard.dataset.problems import by_line
from dashboard.model import price_combine

KINDS = price_combine.KINDS

# Why a price row is not used:
# - units_unknown: priced per a counted unit (`unit`) and how many make one session is not published;
# - not_converted: priced per `unit` (course, gram...), never turned into a session price;
# - category: a figure for a whole category (`category`) while the treatment's own rows (such as `by_line`) come first;
# - basis: of price basis `basis`, while rows of basis `by_basis` (such as `by_line`) come first;
# - weak_outside: a weak row whose figures (`figures`) all fall outside the better-sourced rows' `bounds`;
# - weaker, older, less_sure, tie: its `kind` figure is taken from `by_line` instead, because that row is not weak
#   (and this one is), is newer, of surer status (`by_status`), or (a tie: year `by_year`, status `by_status`)
#   comes first in the file.
Reason = Literal[
    "units_unknown", "not_converted", "category", "basis", "weak_outside", "weaker", "older", "less_sure", "tie"
]


@dataclass(frozen=True)
class RowLeftOut:
    """A price row the cost model does not use (`line` in its file), the rule that left it out, and the values the
    rule compared (see Reason; a field a rule does not use stays at its default)."""

    line: int
    treatment_id: str
    market: str
    region: str | None  # where the row's clinics are, when a clinic price list says
    reason: Reason
    unit: str | None = None
    category: str | None = None
    basis: str | None = None
    by_basis: str | None = None
    by_line: int | None = None
    by_region: str | None = None
    by_status: str | None = None
    by_year: int | None = None  # (tie) the year both rows share; None when neither has one
    kind: str | None = None
    figures: tuple[float, ...] = ()
    bounds: tuple[float | None, float | None] = (None, None)


def _region(region: object) -> str | None:
    return region if isinstance(region, str) and region else None


def _left(line: int, row: pd.Series[Any], reason: Reason, **values: Any) -> RowLeftOut:
    return RowLeftOut(
        int(line), str(row["treatment_id"]), str(row["market"]), _region(row.get("region")), reason, **values
    )


def left_out(treatments: pd.DataFrame, prices: pd.DataFrame) -> list[RowLeftOut]:
    """One record per price row (index = line; summary rows by their first line) the cost model does not use,
    in line order."""
    notes: list[RowLeftOut] = []
    by_id = treatments.set_index("id")
    for (tid, _market), rows in prices.groupby(["treatment_id", "market"], sort=False):
        if tid not in by_id.index:
            continue
        treatment = cast("pd.Series[Any]", by_id.loc[cast(str, tid)])  # (ids are unique: one row)
        notes += _group_notes(rows, treatment)
    return sorted(notes, key=lambda n: n.line)


def _group_notes(rows: pd.DataFrame, treatment: pd.Series[Any]) -> list[RowLeftOut]:
    """The rows of one treatment in one market left out, rule by rule in the order the model applies them."""
    result = price_combine.combine_prices(rows, treatment)  # the model's own answer
    candidates = {line: price_combine.row_candidates(row, treatment) for line, row in by_line(rows)}
    notes = _unconverted(rows, treatment, candidates)
    table = rows[[bool(candidates[line]) for line in rows.index]].copy()
    if table.empty or result["basis"] is None:
        return notes
    table, left = _category_stand_ins(table)
    notes += left
    first_of_basis = table.index[table["basis"] == result["basis"]][0]
    for line, row in by_line(table[table["basis"] != result["basis"]]):
        basis = str(row["basis"])
        notes.append(_left(line, row, "basis", basis=basis, by_basis=result["basis"], by_line=int(first_of_basis)))
    table = table[table["basis"] == result["basis"]].copy()
    notes += _weak_outside(table, candidates)
    table = table[[bool(candidates[line]) for line in table.index]]
    if result["price_order_note"]:  # the sources disagree: the range spans every row of the basis
        return notes
    return notes + _figures_lost(table, candidates, result)


def _unconverted(
    rows: pd.DataFrame, treatment: pd.Series[Any], candidates: dict[int, price_combine.Candidates]
) -> list[RowLeftOut]:
    """The rows that give no per-session figure: a counted unit whose count per session is not published, or a
    unit never turned into a session price."""
    notes: list[RowLeftOut] = []
    for line, row in by_line(rows):
        if not candidates[line]:
            unit = row["unit"]
            counted = unit not in vocab.PER_SESSION_UNITS and unit == treatment.get("session_unit")
            notes.append(_left(line, row, "units_unknown" if counted else "not_converted", unit=str(unit)))
    return notes


def _category_stand_ins(table: pd.DataFrame) -> tuple[pd.DataFrame, list[RowLeftOut]]:
    """The table without its figures for a whole category when the treatment has rows of its own, and those
    rows left out (a category's figure stands in only when the treatment has none)."""
    category = table.get("category_average", pd.Series(None, index=table.index, dtype=object))
    category = category.map(lambda c: isinstance(c, str) and c != "")
    if not (~category).any():
        return table, []
    notes: list[RowLeftOut] = []
    for line, row in by_line(table[category]):
        own = int(table.index[~category][0])
        notes.append(_left(line, row, "category", category=str(row["category_average"]), by_line=own))
    return table[~category], notes


def _weak_outside(table: pd.DataFrame, candidates: dict[int, price_combine.Candidates]) -> list[RowLeftOut]:
    """The weak rows whose figures all fall outside the better-sourced rows' bounds; every weak row's
    `candidates` lose the figures outside (in place)."""
    notes: list[RowLeftOut] = []
    # (pandas-stubs: a column is assigned from a list of any objects, dicts here, though the stubs take scalars only)
    with_candidates = table.assign(_candidates=cast(Any, [candidates[line] for line in table.index]))
    bounds = price_combine.reputable_bounds(with_candidates)
    for line, row in by_line(table[table["status"] == "weak"]):
        outside = price_combine.weak_outside(candidates[line], bounds)
        candidates[line] = {k: v for k, v in candidates[line].items() if k not in outside}
        if outside and not candidates[line]:
            figures = tuple(value for value, _how in outside.values())
            notes.append(_left(line, row, "weak_outside", figures=figures, bounds=bounds))
    return notes


def _figures_lost(
    table: pd.DataFrame, candidates: dict[int, price_combine.Candidates], result: price_combine.PriceRecord
) -> list[RowLeftOut]:
    """The rows each of whose figures the model takes from a better row (see `_lost`): the rows ranked as the
    model ranks them, the row each figure came from found, and the others left out."""
    table = table.copy()
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
    notes: list[RowLeftOut] = []
    for line, row in by_line(table.drop(index=list(set(chosen.values())))):
        kind = next(k for k in KINDS if k in candidates[line] and k in chosen)
        winner = cast("pd.Series[Any]", table.loc[chosen[kind]])  # (lines are unique: one row)
        notes.append(_lost(line, row, winner, chosen[kind], kind))
    return notes


def _lost(line: int, row: pd.Series[Any], winner: pd.Series[Any], winner_line: int, kind: str) -> RowLeftOut:
    """Why `row` lost its figure to `winner`: better sourced, newer, surer, or (a tie) first in the file."""
    if winner["_weak"] != row["_weak"]:
        reason: Reason = "weaker"
    elif winner["_year"] != row["_year"]:
        reason = "older"
    elif winner["_status"] != row["_status"]:
        reason = "less_sure"
    else:
        reason = "tie"
    return _left(
        line,
        row,
        reason,
        kind=kind,
        by_line=int(winner_line),
        by_region=_region(winner.get("region")),
        by_status=str(winner["status"]),
        by_year=None if winner["_year"] < 0 else int(winner["_year"]),
    )
