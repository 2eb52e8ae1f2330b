"""Why a saved quote is not among the rows listed: a code per quote (words in output.quote_words).

A quote is never hidden for its price (over budget it stays listed, dimmed); it is left out only when it is
in another market's currency, or when a filter other than the budget leaves its treatment out.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.model.filters import Filters

LISTED = ""
OTHER_CURRENCY = "other-currency"
CONCERN = "concern"
CATEGORY = "category"
DOWNTIME = "downtime"
RISK = "risk"
NOT_COMPARED = "not-compared"


def why_not_listed(quote: dict[str, Any], rows: pd.DataFrame, table: pd.DataFrame | None, filters: Filters) -> str:
    """LISTED when the quote is a row of `rows`; else the first reason it is left out (codes above).

    `table` is every option and quote before the filters (Comparison.table)."""
    row_id = f"quote-{quote['id']}"
    if row_id in rows.index:
        return LISTED
    if quote["currency"] != vocab.MARKET_CURRENCY[filters.market]:
        return OTHER_CURRENCY
    if table is None or row_id not in table.index:
        return NOT_COMPARED
    row = table.loc[row_id]
    if filters.concern and pd.isna(row.get("evidence")):
        return CONCERN
    if filters.categories and row.get("category") not in filters.categories:
        return CATEGORY
    downtime: Any = row.get("downtime_days_high")  # a cell: a number of days, or missing
    if filters.max_downtime is not None and not pd.isna(downtime) and downtime > filters.max_downtime:
        return DOWNTIME
    if not pd.isna(row.get("risk_tier")) and row["risk_tier"] > filters.max_risk:
        return RISK
    return NOT_COMPARED
