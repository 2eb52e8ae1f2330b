"""The cost model: initial course, maintenance and totals over a horizon, as ranges.

Every money and count figure is a range (low, high) with a typical value where one is published.
Arithmetic is interval arithmetic on non-negative figures: low x low, high x high, typical x typical.
A bound that is not known stays unknown (NaN), never 0:

- a missing upper bound with a known lower bound is an *open* range, shown as "at least $X";
- the typical figure exists only where every input has a typical.

Inputs per treatment (data/treatments.csv): sessions in the initial course, maintenance (`none`,
`periodic`, `as-needed`, `unknown`), months results last, sessions per maintenance round. Per-session
prices come from `price_combine.session_prices`. Money is in the market's currency.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard.model.price_combine import KINDS, session_prices


def maintenance_rounds(horizon_months: float, duration_months: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Maintenance rounds needed to keep results for the horizon: ceil(H / d) - 1, at least 0.

    The initial course gives results for d months; a round is repeated at d, 2d, ... < H.
    Unknown d gives NaN.
    """
    d = np.asarray(duration_months, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        rounds = np.ceil(horizon_months / d) - 1
    return np.where(np.isnan(d), np.nan, np.maximum(rounds, 0))


def _floats(frame: pd.DataFrame, column: str) -> npt.NDArray[np.float64]:
    if column not in frame:
        return np.full(len(frame), np.nan)
    values = frame[column]
    if values.dtype.kind not in "fiu":  # text or objects: read as numbers, unreadable as NaN
        values = pd.to_numeric(values, errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan)


def session_counts(t: pd.DataFrame) -> dict[str, npt.NDArray[np.float64]]:
    """Sessions in the initial course (low, typical, high). With no count published, a course is
    at least one session and its upper bound is open."""
    lo, typ, hi = (_floats(t, f"sessions_{k}") for k in KINDS)
    lo, hi = np.where(np.isnan(lo), typ, lo), np.where(np.isnan(hi), typ, hi)
    none = np.isnan(lo) & np.isnan(hi)
    return {"low": np.where(none, 1.0, lo), "typical": typ, "high": hi}


def _times(count: npt.NDArray[np.float64], price: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """count x price, where zero of anything costs 0 even if the price is unknown."""
    with np.errstate(invalid="ignore"):
        return np.where(count == 0, 0.0, count * price)


def upkeep_sessions(t: pd.DataFrame, months: float) -> dict[str, npt.NDArray[np.float64]]:
    """Maintenance sessions over the horizon (low, typical, high).

    periodic: rounds at the longest duration (low), the shortest (high), a single published duration
    (typical); a round is the published number of sessions, or at least one when none is published.
    none: 0. as-needed or unknown: at least 0, upper bound open.
    """
    kind = t["maintenance"].to_numpy()
    periodic, none = kind == "periodic", kind == "none"
    shortest, longest = _floats(t, "results_months_low"), _floats(t, "results_months_high")
    per_round = _floats(t, "maintenance_sessions")
    rounds_low = np.where(np.isnan(longest), 0.0, maintenance_rounds(months, longest))
    rounds_high = maintenance_rounds(months, shortest)
    single = np.where(shortest == longest, shortest, np.nan)
    rounds_typ = maintenance_rounds(months, single)
    periodic_sessions = {
        "low": _times(rounds_low, np.where(np.isnan(per_round), 1.0, per_round)),
        "typical": _times(rounds_typ, per_round),
        "high": _times(rounds_high, per_round),
    }
    return {
        k: np.where(periodic, v, np.where(none, 0.0, 0.0 if k == "low" else np.nan))
        for k, v in periodic_sessions.items()
    }


def _monthly_cap(
    t: pd.DataFrame,
    upkeep: dict[str, npt.NDArray[np.float64]],
    sessions: dict[str, npt.NDArray[np.float64]],
    months: float,
) -> npt.NDArray[np.bool_]:
    """A daily treatment counted in months of use (session_unit `month`) cannot be used for more months than the
    horizon has: where its upkeep's upper bound is open, it becomes the horizon's months left after the longest
    course (in place). Returns True where the bound was set this way."""
    unit = t["session_unit"].to_numpy(dtype=object) if "session_unit" in t else np.full(len(t), None, dtype=object)
    left = np.maximum(months - sessions["high"], 0.0)
    capped: npt.NDArray[np.bool_] = (unit == "month") & np.isnan(upkeep["high"]) & ~np.isnan(left)
    upkeep["high"] = np.where(capped, left, upkeep["high"])
    return capped


def horizon_costs(treatments: pd.DataFrame, per_session: pd.DataFrame, horizon_years: float) -> pd.DataFrame:
    """Initial course, maintenance and total over the horizon, per kind, indexed by treatment id.

    `treatments`: rows of treatments.csv (column `id`); `per_session`: indexed by id, columns
    session_low/typical/high. Returns columns initial_*, maintenance_sessions_*, maintenance_*,
    total_*, per_month_* (money), total_open (upper bound open while the lower is known) and upkeep_capped (a
    daily treatment's open upkeep bounded by use every month of the horizon).
    """
    t = treatments.set_index("id")
    p = per_session.reindex(t.index)
    months = float(horizon_years) * 12
    sessions = session_counts(t)
    upkeep = upkeep_sessions(t, months)
    capped = _monthly_cap(t, upkeep, sessions, months)
    columns = {}
    for kind in KINDS:
        price = _floats(p, f"session_{kind}")
        initial = sessions[kind] * price
        maintenance = _times(upkeep[kind], price)
        total = initial + maintenance
        columns[f"initial_{kind}"] = initial
        columns[f"maintenance_sessions_{kind}"] = upkeep[kind]
        columns[f"maintenance_{kind}"] = maintenance
        columns[f"total_{kind}"] = total
        columns[f"per_month_{kind}"] = total / months
    out = pd.DataFrame(columns, index=t.index)
    out["upkeep_capped"] = capped
    out["initial_open"] = out["initial_low"].notna() & out["initial_high"].isna()
    out["total_open"] = out["total_low"].notna() & out["total_high"].isna()
    return out


def cost_view(treatments: pd.DataFrame, per_session: pd.DataFrame, horizon_years: float) -> pd.DataFrame:
    """Per-session prices, horizon and first-year totals of every treatment, by id."""
    totals = horizon_costs(treatments, per_session, horizon_years)
    first = horizon_costs(treatments, per_session, 1)
    first_year = first[[f"total_{k}" for k in KINDS]].set_axis([f"first_year_{k}" for k in KINDS], axis=1)
    first_year["first_year_open"] = first["total_open"]
    return per_session.join(totals).join(first_year)


def cost_table(treatments: pd.DataFrame, prices: pd.DataFrame, market: str, horizon_years: float) -> pd.DataFrame:
    """Everything the model says about every treatment in a market over a horizon, by id."""
    view = cost_view(treatments, session_prices(treatments, prices, market), horizon_years)
    return treatments.set_index("id", drop=False).join(view)


def cumulative_costs(rows: pd.DataFrame, years: int) -> dict[str, dict[str, list[float]]]:
    """Cost paid by the end of each year 0..years (year 0 = the initial course), per option and kind.

    `rows`: comparison rows (treatment columns and session prices, column `id`).
    Returns {id: {"low": [...], "typical": [...], "high": [...]}}; unknown or open values are NaN.
    """
    rows = rows.reset_index(drop=True)
    frames = [horizon_costs(rows, rows.set_index("id"), y) for y in range(1, years + 1)]
    initial = frames[0] if frames else horizon_costs(rows, rows.set_index("id"), 1)
    out: dict[str, dict[str, list[float]]] = {}
    for tid in initial.index:
        # (cells of float64 columns; pandas-stubs type a frame's cell as any scalar)
        out[tid] = {
            k: [float(cast(float, initial.at[tid, f"initial_{k}"]))]
            + [float(cast(float, f.at[tid, f"total_{k}"])) for f in frames]
            for k in KINDS
        }
    return out


def cumulative_cost(row: pd.Series, kind: str, years: int) -> list[float]:
    """Cost paid by the end of each year 0..years for one option and kind (see cumulative_costs)."""
    frame = row.to_frame().T.infer_objects()
    return cumulative_costs(frame, years)[row["id"]][kind]
