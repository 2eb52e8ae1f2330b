"""Budget answers from bounds, and every missing cost input explained in words a patient reads.

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
from dashboard.model import row

FITS, MAY_FIT, OVER, NO_PRICE, FIT_ORDER = row.FITS, row.MAY_FIT, row.OVER, row.NO_PRICE, row.FIT_ORDER
MARKET_NAMES = {
    "US": "US",
    "UK": "UK",
    "US-FL": "Florida",
    "US-GA": "Georgia",
    "US-NY": "New York",
    "US-CA": "California",
}
ASK = "ask the clinic, or enter your own assumption"


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


def missing_inputs(row: pd.Series[Any], market: str) -> str:
    """One sentence per missing cost input, with what the person can do; '' when nothing is missing."""
    assumed = set(row.get("assumed_fields") or ())
    where = MARKET_NAMES.get(market, market)
    out = []
    if "price" not in assumed:
        if not _known(row.get("session_low")) and not _known(row.get("session_high")):
            problem = row.get("price_problem")
            if isinstance(problem, str) and problem:
                out.append(
                    f"No usable {where} price ({problem}): add a clinic's quote, or enter your own price per session."
                )
            else:
                out.append(f"No published {where} price: add a clinic's quote, or enter your own price per session.")
        elif row.get("session_high_open"):
            out.append("Only a 'from' price is published: ask the clinic for the full price.")
        elif not _known(row.get("session_low")):
            out.append("Only an upper figure ('up to') is published: ask the clinic what it would cost you.")
    if "sessions" not in assumed and not any(_known(row.get(f"sessions_{k}")) for k in vocab.FIGURE_KINDS):
        out.append(f"How many sessions a course takes is not published (counted as at least one): {ASK}.")
    maintenance = row.get("maintenance")
    if "upkeep_months" not in assumed:
        if maintenance == "unknown":
            out.append(f"Whether and how often it must be repeated is not published: {ASK}.")
        elif maintenance == "as-needed":
            out.append(f"It is repeated as results fade, but how often is not published: {ASK}.")
        elif maintenance == "periodic" and not _known(row.get("results_months_low")):
            out.append(f"How soon results fade is not published: {ASK}.")
    if (
        maintenance == "periodic"
        and "upkeep_sessions" not in assumed
        and not _known(row.get("maintenance_sessions"))
        and not _known(row.get("total_high"))
    ):
        out.append(f"How many sessions each maintenance round takes is not published: {ASK}.")
    return " ".join(out)


def summary_line(fits: pd.Series[Any]) -> str:
    """'3 fit, 2 may fit, 1 over budget, 2 without a price' for the options shown (no budget: '')."""
    counts = fits.value_counts()
    if fits.isna().all():
        return ""
    words = {FITS: "fit", MAY_FIT: "may fit", OVER: "over budget", NO_PRICE: "without a price"}
    parts = [f"{int(counts[f])} {words[f]}" for f in FIT_ORDER if counts.get(f, 0)]
    return ", ".join(parts)
