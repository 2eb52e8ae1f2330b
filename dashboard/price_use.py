"""Which price rows the cost model leaves out, and why: the list `validate` and `load` print.

The cost model (costs.combine_prices) keeps, for one treatment in one market, the rows that give
a per-session figure; drops weak rows when a better-sourced one exists; keeps one basis; and takes
each figure from the newest row (then the surer status, then file order). A row that gives no
figure to the result is left out. This module names each such row and the rule that left it out,
so a tie settled by file order is never silent. tests/unit/test_price_use.py checks that the rows
it keeps give exactly the model's figures.
"""

from __future__ import annotations

import pandas as pd

from dashboard import costs, vocab
from dashboard.pricelist import region_text
from dashboard.problems import Problem

KINDS = costs.KINDS


def _where(row: pd.Series) -> str:
    return f"{row['treatment_id']} in {row['market']}{region_text(row.get('region'))}"


def _ref(line) -> str:
    return f"line {int(line)}"


def left_out(treatments: pd.DataFrame, prices: pd.DataFrame, file: str = "prices.csv") -> list[Problem]:
    """One note per price row (index = line; summary rows by their first line) the cost model does not use."""
    notes: list[tuple[int, str]] = []
    by_id = treatments.set_index("id")
    for (tid, _market), rows in prices.groupby(["treatment_id", "market"], sort=False):
        if tid not in by_id.index:
            continue
        notes += _group_notes(rows, by_id.loc[tid])
    return [Problem(file, line, None, message) for line, message in sorted(notes)]


def _group_notes(rows: pd.DataFrame, treatment: pd.Series) -> list[tuple[int, str]]:
    notes = []
    converted = pd.DataFrame([costs.row_per_session(r, treatment) for _, r in rows.iterrows()], index=rows.index)
    usable = converted.notna().any(axis=1)
    for line, row in rows[~usable].iterrows():
        if row["unit"] in vocab.PER_SESSION_UNITS or row["unit"] == treatment["session_unit"]:
            why = f"its units per session ({row['unit']}s) are not published"
        else:
            why = f"a price per {row['unit']} is shown but never turned into a session price"
        notes.append((line, f"{_where(row)}: not used: {why}"))
    table = rows.loc[usable].join(converted.loc[usable].add_prefix("per_"))
    if table.empty:
        return notes
    better = table[table["status"] != "weak"]
    if len(better):
        for line, row in table[table["status"] == "weak"].iterrows():
            notes.append((line, f"{_where(row)}: not used: a weak figure, and {_ref(better.index[0])} is better sourced"))
        table = better
    best_basis = min(table["basis"], key=costs.BASIS_RANK.__getitem__)
    for line, row in table[table["basis"] != best_basis].iterrows():
        first = table.index[table["basis"] == best_basis][0]
        notes.append((line, f"{_where(row)}: not used: basis {row['basis']}; {best_basis} rows such as {_ref(first)} come first"))
    table = table[table["basis"] == best_basis].copy()
    table["_year"] = table["year"].astype("float64").fillna(-1)
    table["_status"] = table["status"].map(costs.STATUS_RANK)
    table["_order"] = range(len(table))
    table = table.sort_values(["_year", "_status", "_order"], ascending=[False, True, True])
    winners = {k: table.index[table[f"per_{k}"].notna()][0] for k in KINDS if table[f"per_{k}"].notna().any()}
    values = [table.loc[winners[k], f"per_{k}"] for k in KINDS if k in winners]
    if not all(a <= b for a, b in zip(values, values[1:])):  # out of order: the single best row alone
        best = table.index[0]
        winners = {k: best for k in KINDS if pd.notna(table.loc[best, f"per_{k}"])}
        for line, row in table.drop(index=best).iterrows():
            notes.append((line, f"{_where(row)}: not used: the newest figures were out of order together, so "
                                f"{_ref(best)} is used alone"))
        return notes
    for line, row in table.drop(index=list(set(winners.values()))).iterrows():
        kind = next(k for k in KINDS if pd.notna(row[f"per_{k}"]))
        winner = table.loc[winners[kind]]
        notes.append((line, f"{_where(row)}: not used: {_lost(row, winner, winners[kind], kind)}"))
    return notes


def _lost(row: pd.Series, winner: pd.Series, winner_line, kind: str) -> str:
    """Why `row` lost its first figure to `winner`: newer, surer, or (a tie) first in the file."""
    ref = f"{_ref(winner_line)}{region_text(winner.get('region'))}"
    if winner["_year"] != row["_year"]:
        return f"{ref} gives a newer {kind} figure"
    if winner["_status"] != row["_status"]:
        return f"{ref} gives a {kind} figure of surer status ({winner['status']})"
    year = "no year" if winner["_year"] < 0 else f"year {int(winner['_year'])}"
    return (f"a tie with {ref} ({year}, status {winner['status']}), settled by file order: {_ref(winner_line)} comes "
            "first")
