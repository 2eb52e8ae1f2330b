"""The cost model: per-session prices, initial course, maintenance, horizon and first-year totals.

Unknown inputs give unknown (NaN) outputs, never 0. Every price figure keeps its source.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import vocab

KINDS = ("low", "typical", "high")
STATUS_RANK = {s: i for i, s in enumerate(vocab.STATUSES)}
BASIS_RANK = {b: i for i, b in enumerate(vocab.BASES)}

# Columns of the per-session price frame, per kind: value, source, year, status.
# `_rows`: how many clinic prices a figure summarises (1 for a published figure); `_region`: where
# its clinics are, when the price list says (see pricelist.py).
PRICE_COLUMNS = [f"session_{k}{suffix}" for k in KINDS for suffix in ("", "_source", "_year", "_status", "_rows", "_region")]


def row_per_session(price: pd.Series, treatment: pd.Series) -> dict[str, float]:
    """A price row as per-session figures by kind; a figure that cannot be converted is NaN."""
    unit = price["unit"]
    out = {}
    for kind in KINDS:
        value = price[kind]
        if pd.isna(value):
            out[kind] = np.nan
        elif unit in vocab.PER_SESSION_UNITS:
            out[kind] = float(value)
        elif unit == treatment["session_unit"]:
            units = treatment[f"units_per_session_{kind}"]
            out[kind] = float(value) * float(units) if not pd.isna(units) else np.nan
        else:  # course, gram, tube, or a unit the treatment does not count
            out[kind] = np.nan
    return out


def combine_prices(rows: pd.DataFrame, treatment: pd.Series) -> dict:
    """One treatment's price rows in one market -> per-session low/typical/high with sources.

    Rule: convert each row to per-session figures; drop weak rows when a better-sourced one
    exists; keep the rows of the best basis that has a usable figure (total price, then basis
    not stated, then surgeon's fee); take each figure
    from the newest row that gives it (then the surer status, then file order). If the
    figures so combined are out of order, use the single best row's figures alone.
    """
    empty = {c: (np.nan if not c.endswith(("_source", "_status", "_region")) else None) for c in PRICE_COLUMNS}
    empty.update(basis=None, currency=None, price_rows=0)
    if rows.empty:
        return empty
    converted = pd.DataFrame([row_per_session(r, treatment) for _, r in rows.iterrows()], index=rows.index)
    usable = converted.notna().any(axis=1)
    if not usable.any():
        return {**empty, "price_rows": len(rows)}
    table = rows.loc[usable].join(converted.loc[usable].add_prefix("per_"))
    # weak figures (clinic, vendor or unsourced pages) only stand in when nothing better exists
    if (table["status"] != "weak").any():
        table = table[table["status"] != "weak"]
    best_basis = min(table["basis"], key=BASIS_RANK.__getitem__)
    table = table[table["basis"] == best_basis].copy()
    table["_year"] = table["year"].astype("float64").fillna(-1)
    table["_status"] = table["status"].map(STATUS_RANK)
    table["_order"] = range(len(table))
    table = table.sort_values(["_year", "_status", "_order"], ascending=[False, True, True])
    result = {**empty, "basis": best_basis, "currency": table["currency"].iloc[0], "price_rows": len(rows)}
    for kind in KINDS:
        given = table[table[f"per_{kind}"].notna()]
        if len(given):
            _take(result, kind, given.iloc[0])
    if not _in_order([result[f"session_{k}"] for k in KINDS]):
        best = table.iloc[0]
        for kind in KINDS:
            if pd.notna(best[f"per_{kind}"]):
                _take(result, kind, best)
            else:
                result.update({f"session_{kind}": np.nan, f"session_{kind}_source": None,
                               f"session_{kind}_year": np.nan, f"session_{kind}_status": None,
                               f"session_{kind}_rows": np.nan, f"session_{kind}_region": None})
    return result


def _take(result: dict, kind: str, row: pd.Series) -> None:
    result[f"session_{kind}"] = row[f"per_{kind}"]
    result[f"session_{kind}_source"] = row["source_id"]
    result[f"session_{kind}_year"] = np.nan if pd.isna(row["year"]) else float(row["year"])
    result[f"session_{kind}_status"] = row["status"]
    result[f"session_{kind}_rows"] = float(row.get("rows", 1))
    result[f"session_{kind}_region"] = row.get("region")


def _in_order(values: list[float]) -> bool:
    known = [v for v in values if not pd.isna(v)]
    return all(a <= b for a, b in zip(known, known[1:]))


def session_prices(treatments: pd.DataFrame, prices: pd.DataFrame, market: str) -> pd.DataFrame:
    """Per-session prices of every treatment in one market, indexed by treatment id."""
    in_market = prices[prices["market"] == market]
    by_treatment = dict(tuple(in_market.groupby("treatment_id", sort=False)))
    records = {}
    for _, treatment in treatments.iterrows():
        rows = by_treatment.get(treatment["id"], in_market.iloc[0:0])
        records[treatment["id"]] = combine_prices(rows, treatment)
    return pd.DataFrame.from_dict(records, orient="index")


def maintenance_rounds(horizon_months: float, duration_months) -> np.ndarray:
    """Maintenance rounds needed to keep results for the horizon: ceil(H / d) - 1, at least 0.

    The initial course gives results for d months; a round is repeated at d, 2d, ... < H.
    """
    d = np.asarray(duration_months, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        rounds = np.ceil(horizon_months / d) - 1
    return np.where(np.isnan(d), np.nan, np.maximum(rounds, 0))


def durations(treatments: pd.DataFrame) -> pd.DataFrame:
    """Months results last, per cost kind: the low total uses the longest duration, the high
    total the shortest, and the typical total the middle of the stated range."""
    lo = treatments["results_months_low"].astype("float64")
    hi = treatments["results_months_high"].astype("float64")
    middle = ((lo + hi) / 2).fillna(lo).fillna(hi)
    return pd.DataFrame({"low": hi.fillna(lo), "typical": middle, "high": lo.fillna(hi)})


def horizon_costs(treatments: pd.DataFrame, per_session: pd.DataFrame, horizon_years: float) -> pd.DataFrame:
    """Initial course, maintenance and total cost over the horizon, per kind, indexed by id."""
    t = treatments.set_index("id")
    p = per_session.reindex(t.index)
    months = float(horizon_years) * 12
    dur = durations(t)
    maintenance = t["maintenance"].to_numpy()
    periodic, one_off = maintenance == "periodic", maintenance == "none"
    round_sessions = np.where(periodic, t["maintenance_sessions"].to_numpy(dtype="float64", na_value=np.nan), 1.0)
    columns = {}
    for kind in KINDS:
        price = p[f"session_{kind}"].to_numpy(dtype="float64", na_value=np.nan)
        initial = price * t[f"sessions_{kind}"].to_numpy(dtype="float64", na_value=np.nan)
        rounds = np.where(periodic, maintenance_rounds(months, dur[kind].to_numpy()), np.where(one_off, 0.0, np.nan))
        upkeep = rounds * round_sessions
        total = initial + upkeep * price
        columns[f"initial_{kind}"] = initial
        columns[f"maintenance_sessions_{kind}"] = upkeep
        columns[f"total_{kind}"] = total
        columns[f"per_month_{kind}"] = total / months
    return pd.DataFrame(columns, index=t.index)


def cost_view(treatments: pd.DataFrame, per_session: pd.DataFrame, horizon_years: float) -> pd.DataFrame:
    """Per-session prices, horizon and first-year totals and durations of every treatment, by id."""
    totals = horizon_costs(treatments, per_session, horizon_years)
    first_year = horizon_costs(treatments, per_session, 1)[[f"total_{k}" for k in KINDS]]
    first_year.columns = [f"first_year_{k}" for k in KINDS]
    dur = durations(treatments.set_index("id")).add_prefix("duration_")
    return per_session.join(totals).join(first_year).join(dur)


def cost_table(treatments: pd.DataFrame, prices: pd.DataFrame, market: str, horizon_years: float) -> pd.DataFrame:
    """Everything the model says about every treatment in a market over a horizon."""
    view = cost_view(treatments, session_prices(treatments, prices, market), horizon_years)
    return view.join(treatments.set_index("id")[["maintenance", "maintenance_sessions"]])


def cumulative_cost(row: pd.Series, kind: str, years: int) -> list[float]:
    """Cost paid by the end of each year 0..years (year 0 = the initial course)."""
    price, initial = row[f"session_{kind}"], row[f"initial_{kind}"]
    if pd.isna(price) or pd.isna(initial):
        return [np.nan] * (years + 1)
    if row["maintenance"] == "none":
        return [float(initial)] * (years + 1)
    if row["maintenance"] != "periodic" or pd.isna(row["maintenance_sessions"]):
        return [float(initial)] + [np.nan] * years
    duration = row[f"duration_{kind}"]
    out = []
    for year in range(years + 1):
        # rounds that start strictly before the end of this year
        rounds = float(maintenance_rounds(year * 12, duration)) if year else 0.0
        out.append(float(initial) + rounds * float(row["maintenance_sessions"]) * float(price))
    return out
