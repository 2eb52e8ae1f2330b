"""What trials found for each option and the chosen concern, and what an extra patient improved costs.

In: `Dataset.trials` (data/trial_results.csv: one row per treatment, concern and study arm) and the
comparison table's initial course (`initial_low`, `initial_high`, in the market's currency).
Out: per option, its headline study (`headline`, columns in `TRIAL_COLUMNS`), every study row behind it
(`trial_all`, a tuple of dicts), and where the study had a concurrent control arm measured on the same
threshold, the number needed to treat and the course cost per extra patient improved (`add_value_columns`).

Studies are never averaged and thresholds never converted: each figure is one study arm's, as printed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import vocab

# comparison column -> trial_results.csv column, for the headline study of each option
TRIAL_COLUMNS = {
    "trial_study": "study",
    "trial_source": "source_id",
    "trial_design": "design",
    "trial_randomised": "randomised",
    "trial_measure": "measure",
    "trial_threshold": "threshold",
    "trial_pct": "responders_pct",
    "trial_n": "n",
    "trial_n_of": "n_of",
    "trial_sessions": "sessions",
    "trial_follow_up": "follow_up",
    "trial_control_kind": "comparator_kind",
    "trial_control": "comparator",
    "trial_control_treatment": "comparator_treatment_id",
    "trial_control_pct": "comparator_pct",
    "trial_control_n": "comparator_n",
    "trial_finding": "finding",
    "trial_caveats": "caveats",
    "trial_status": "status",
}
# columns added per option beyond the headline's: every study row and every source behind them
ALL_COLUMNS = (*TRIAL_COLUMNS, "trial_all", "trial_source_ids")
VALUE_COLUMNS = ("trial_nnt", "extra_improved_low", "extra_improved_high", "extra_improved_open")

# the headline is the surest single figure: a share first, with a control share first, then by design
DESIGN_ORDER = {d: i for i, d in enumerate(("randomised", "split-body", "two-arm", "no-control", "meta-analysis"))}
STATUS_ORDER = {s: i for i, s in enumerate(vocab.STATUSES)}
AGAINST_ORDER = {"inactive": 0, "active": 1, "none": 2}


def _known(value) -> bool:
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
    """For each option in `index` (treatment ids): its headline study for the concern (TRIAL_COLUMNS), every
    study row (`trial_all`, surest first) and their source ids (`trial_source_ids`). All missing (and
    empty tuples) without a concern or without a study."""
    out = pd.DataFrame({c: pd.Series(None, index=index, dtype="object") for c in TRIAL_COLUMNS})
    out["trial_all"] = [() for _ in range(len(index))]
    out["trial_source_ids"] = [() for _ in range(len(index))]
    if not concern or trials.empty:
        return out
    chosen = trials[trials["concern"] == concern]
    for treatment_id, rows in chosen.groupby("treatment_id", sort=False):
        if treatment_id not in index:
            continue
        ordered = headline_order(rows)
        first = ordered.iloc[0]
        for column, source in TRIAL_COLUMNS.items():
            value = first[source]
            out.at[treatment_id, column] = value if _known(value) else None
        records = tuple(
            {k: (v if _known(v) else None) for k, v in r.items()} for r in ordered.to_dict(orient="records")
        )
        out.at[treatment_id, "trial_all"] = records
        out.at[treatment_id, "trial_source_ids"] = tuple(dict.fromkeys(ordered["source_id"]))
    return out


def number_needed_to_treat(share_pct: float | None, control_pct: float | None) -> float:
    """Patients treated for one more to reach the threshold than in the control arm: 100 / (share − control
    share), both in percent. NaN when either is unknown or the treated arm did no better (80 against 8
    gives 1.39)."""
    if not (_known(share_pct) and _known(control_pct)) or share_pct <= control_pct:
        return float("nan")
    return 100.0 / (float(share_pct) - float(control_pct))


def add_value_columns(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (comparison rows with the TRIAL_COLUMNS and the initial course) with the number needed to treat
    (`trial_nnt`) and the course cost per extra patient improved (`extra_improved_low/high`, market
    currency: initial course low/high × NNT; `extra_improved_open` when the course has no upper bound)."""
    share = table["trial_pct"].to_numpy(dtype="float64", na_value=np.nan)
    control = table["trial_control_pct"].to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        nnt = np.where(share > control, 100.0 / (share - control), np.nan)
    low = table["initial_low"].to_numpy(dtype="float64", na_value=np.nan)
    high = table["initial_high"].to_numpy(dtype="float64", na_value=np.nan)
    opened = table["initial_open"] if "initial_open" in table else pd.Series(False, index=table.index)
    values = pd.DataFrame(
        {
            "trial_nnt": nnt,
            "extra_improved_low": low * nnt,
            "extra_improved_high": high * nnt,
            "extra_improved_open": (~np.isnan(nnt)) & opened.fillna(False).astype(bool).to_numpy(),
        },
        index=table.index,
    )
    return pd.concat([table.drop(columns=[c for c in VALUE_COLUMNS if c in table]), values], axis=1)
