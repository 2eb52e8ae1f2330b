"""What trials found for each option and the chosen concern, and what an extra patient improved costs.

In: `Dataset.trials` (data/trial_results.csv: one row per treatment, concern and study arm) and an option's
initial course (low, high, in the market's currency).
Out: per option, its headline study (`trial`: a dict of trial_results.csv columns, None without a study),
every study row behind it, surest first (`trial_all`, a tuple of such dicts) and their sources
(`trial_source_ids`); and, from the headline study and a course, the number needed to treat and the course
cost per extra patient improved (`trial_value`), only where the study counted patients and found the
difference from a concurrent control arm, measured on the same threshold, more than chance.

Studies are never averaged and thresholds never converted: each figure is one study arm's, as printed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from dashboard import vocab

# comparison columns: the headline study, every study row behind it, and their sources
ALL_COLUMNS = ("trial", "trial_all", "trial_source_ids")

# the headline is the surest single figure: a share first, with a control share first, then by design
DESIGN_ORDER = {d: i for i, d in enumerate(("randomised", "split-body", "two-arm", "no-control", "meta-analysis"))}
STATUS_ORDER = {s: i for i, s in enumerate(vocab.STATUSES)}
AGAINST_ORDER = {"inactive": 0, "active": 1, "none": 2}


def _known(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and np.isnan(value))


def headline_order(rows: pd.DataFrame) -> pd.DataFrame:
    """Study rows of one option, surest first: with a responder share; then against doing nothing (vehicle,
    placebo, untreated side) before against another treatment, and before no control; then with the control
    arm's share on the same threshold; randomised designs before split-body, two-arm and uncontrolled ones;
    a surer status, more patients, then file order. Among rows without a share, a meta-analysis comes first
    (its conclusion is the broadest)."""
    if rows.empty:
        return rows
    has_share = rows["responders_pct"].notna()
    design = rows["design"].map(DESIGN_ORDER).fillna(len(DESIGN_ORDER))
    key = pd.DataFrame(
        {
            "share": (~has_share).astype(int).to_numpy(),
            "against": rows["comparator_kind"].map(AGAINST_ORDER).fillna(len(AGAINST_ORDER)).to_numpy(),
            "control": rows["comparator_pct"].isna().astype(int).to_numpy(),
            "design": design.where(has_share, (design + 1).where(rows["design"] != "meta-analysis", 0)).to_numpy(),
            "randomised": (rows["randomised"] != "yes").astype(int).to_numpy(),
            "status": rows["status"].map(STATUS_ORDER).fillna(len(STATUS_ORDER)).to_numpy(),
            "n": -rows["n"].astype("float64").fillna(0).to_numpy(),
            "order": range(len(rows)),
        }
    )
    return rows.iloc[key.sort_values(list(key.columns)).index.to_numpy()]


def trials_for(trials: pd.DataFrame, concern: str | None, index: pd.Index) -> pd.DataFrame:
    """For each option in `index` (treatment ids): its headline study for the concern (`trial`), every study
    row (`trial_all`, surest first) and their source ids (`trial_source_ids`). None and empty tuples without a
    concern or without a study."""
    out = pd.DataFrame(
        {
            "trial": pd.Series(None, index=index, dtype="object"),
            "trial_all": [() for _ in range(len(index))],
            "trial_source_ids": [() for _ in range(len(index))],
        },
        index=index,
    )
    if not concern or trials.empty:
        return out
    chosen = trials[trials["concern"] == concern]
    for treatment_id, rows in chosen.groupby("treatment_id", sort=False):
        if treatment_id not in index:
            continue
        ordered = headline_order(rows)
        records = tuple(
            {k: (v if _known(v) else None) for k, v in r.items()} for r in ordered.to_dict(orient="records")
        )
        # (pandas-stubs: an object column's cell takes any object, a dict or a tuple here; the stubs take scalars)
        out.at[treatment_id, "trial"] = records[0]  # type: ignore[assignment]
        out.at[treatment_id, "trial_all"] = records  # type: ignore[assignment]
        out.at[treatment_id, "trial_source_ids"] = tuple(dict.fromkeys(ordered["source_id"]))  # type: ignore[assignment]
    return out


def number_needed_to_treat(share_pct: float | None, control_pct: float | None) -> float:
    """Patients treated for one more to reach the threshold than in the control arm: 100 / (share − control
    share), both in percent. NaN when either is unknown or the treated arm did no better (80 against 8
    gives 1.39)."""
    if share_pct is None or control_pct is None or not (_known(share_pct) and _known(control_pct)):
        return float("nan")
    if share_pct <= control_pct:
        return float("nan")
    return 100.0 / (float(share_pct) - float(control_pct))


def trial_value(
    study: Mapping[str, Any] | None, course_low: Any = None, course_high: Any = None, course_open: bool = False
) -> dict[str, float | bool]:
    """From a study row (or None) and an initial course (market currency): `nnt`, the number needed to treat,
    and `extra_improved_low`/`extra_improved_high` = course low/high × NNT (`extra_improved_open` when the
    course has no upper bound). NaN unless the study counted patients, had a control arm's share on the same
    threshold and found the difference more than chance, and the treated arm did better (80 against 8 with a
    $90–$150 course gives 1.39 and $125–$208). `course_low` and `course_high` are table cells: money, or missing
    (None, NaN, NA)."""
    nan = float("nan")
    out: dict[str, float | bool] = {
        "nnt": nan,
        "extra_improved_low": nan,
        "extra_improved_high": nan,
        "extra_improved_open": False,
    }
    if not study or study.get("difference") != "significant" or (study.get("n_of") or "patients") != "patients":
        return out
    nnt = number_needed_to_treat(study.get("responders_pct"), study.get("comparator_pct"))
    if math.isnan(nnt):
        return out
    low = float(course_low) if _known(course_low) else nan
    high = float(course_high) if _known(course_high) and not course_open else nan
    return {
        "nnt": nnt,
        "extra_improved_low": low * nnt,
        "extra_improved_high": high * nnt,
        "extra_improved_open": bool(course_open) and _known(course_low),
    }
