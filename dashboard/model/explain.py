"""Budget answers from bounds, and which cost inputs are missing (codes; output/gaps.py says them in words).

Budget fit, for a total range [low, high] (high may be open) and a budget B:
- fits: the upper bound is known and within B;
- over: the lower bound is above B;
- may fit: the lower bound is within B and the upper is above B or open (`decision` says what it hinges on);
- no price: no price at all is known for the option in this market.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from dashboard import vocab
from dashboard.model.row import (
    FITS,
    MAY_FIT,
    NO_PRICE,
    NO_PRICE_PUBLISHED,
    OVER,
    PRICE_FROM,
    PRICE_UP_TO,
    REPEAT,
    REPEAT_AS_NEEDED,
    RESULTS_LAST,
    SESSIONS,
    UPKEEP_SESSIONS,
)


def _known(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


def budget_fit(total_low: pd.Series[float], total_high: pd.Series[float], budget: float | None) -> pd.Series[Any]:
    """fits / may fit / over / no price per option (see the module docstring); None without a budget."""
    if budget is None:
        return pd.Series(None, index=total_low.index, dtype="object")
    low = total_low.to_numpy(dtype="float64", na_value=np.nan)
    high = total_high.to_numpy(dtype="float64", na_value=np.nan)
    fit = np.select(
        [np.isnan(low) & np.isnan(high), high <= budget, low > budget],
        [NO_PRICE, FITS, OVER],
        default=MAY_FIT,
    )
    return pd.Series(fit, index=total_low.index, dtype="object")


def missing_inputs(row: pd.Series[Any]) -> tuple[str, ...]:
    """The cost inputs the row lacks, as codes of MISSING_INPUTS (model/row.py) in that order; () when nothing is
    missing. An input the person assumed is never missing; upkeep is missing only as far as the total needs it."""
    assumed = set(row.get("assumed_fields") or ())
    out: list[str] = []
    if "price" not in assumed:
        if not _known(row.get("session_low")) and not _known(row.get("session_high")):
            out.append(NO_PRICE_PUBLISHED)
        elif row.get("session_high_open"):
            out.append(PRICE_FROM)
        elif not _known(row.get("session_low")):
            out.append(PRICE_UP_TO)
    if "sessions" not in assumed and not any(_known(row.get(f"sessions_{k}")) for k in vocab.FIGURE_KINDS):
        out.append(SESSIONS)
    maintenance = row.get("maintenance")
    if "upkeep_months" not in assumed:
        if maintenance == "unknown":
            out.append(REPEAT)
        elif maintenance == "as-needed":
            out.append(REPEAT_AS_NEEDED)
        elif maintenance == "periodic" and not _known(row.get("results_months_low")):
            out.append(RESULTS_LAST)
    if (
        maintenance == "periodic"
        and "upkeep_sessions" not in assumed
        and not _known(row.get("maintenance_sessions"))
        and not _known(row.get("total_high"))
    ):
        out.append(UPKEEP_SESSIONS)
    return tuple(out)
