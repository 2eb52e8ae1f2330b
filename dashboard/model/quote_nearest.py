"""The nearest published figure for a quote its own market has no figure for.

In order: the same treatment in another market (markets in the quote's currency first: a US state's quote
looks at the US figure before the UK one), then a related treatment in the quote's own market (one whose id
shares its first word: microneedling and microneedling-rf, blepharoplasty-upper and -lower). The figure
stays in its own currency: nothing is converted, so a figure in another currency is shown, never placed.
Out: a plain dict of values and codes (words are made in output.quote_words).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from dashboard import vocab
from dashboard.model.price_combine import combine_prices

OTHER_MARKET = "same-treatment-other-market"
RELATED_TREATMENT = "related-treatment-this-market"


def _figure(values: Iterable[Any]) -> tuple[float, ...] | None:
    figure = tuple(float(v) if not pd.isna(v) else np.nan for v in values)
    return None if all(np.isnan(v) for v in figure) else figure


def _stem(treatment_id: str) -> str:
    return treatment_id.split("-", 1)[0]


def _other_markets(market: str) -> list[str]:
    """Every other market, those in the same currency first (the national market before the states)."""
    currency = vocab.MARKET_CURRENCY[market]
    others = [m for m in vocab.MARKETS if m != market]
    return sorted(others, key=lambda m: (vocab.MARKET_CURRENCY[m] != currency, "-" in m))


def nearest_figure(
    quote: dict[str, Any],
    price: float,
    treatments: pd.DataFrame,
    prices: pd.DataFrame | None,
    market: str,
    table: pd.DataFrame,
) -> dict[str, Any] | None:
    """The nearest published per-session figure for a quote (`price`: its per-session price), or None.

    Returns {"how": OTHER_MARKET or RELATED_TREATMENT, "market", "treatment_id", "currency",
    "published": (low, typical, high), "position": below/within/above or "other-currency", "pct": percent
    from the typical figure (NaN when not placed)}.
    """
    from dashboard.model.quote_costs import placement  # one rule for placing a price

    tid = quote["treatment_id"]
    found = None
    if prices is not None:
        treatment = treatments.set_index("id", drop=False).loc[tid]
        for other in _other_markets(market):
            rows = prices[(prices["treatment_id"] == tid) & (prices["market"] == other)]
            figure = (
                _figure(combine_prices(rows, treatment)[f"session_{k}"] for k in vocab.FIGURE_KINDS)
                if len(rows)
                else None
            )
            if figure:
                found = dict(how=OTHER_MARKET, market=other, treatment_id=tid, published=figure)
                break
    if found is None:
        related = [i for i in table.index if i != tid and _stem(i) == _stem(tid) and not str(i).startswith("quote-")]
        for other_id in sorted(related):
            figure = _figure(table.loc[other_id, f"session_{k}"] for k in vocab.FIGURE_KINDS)
            if figure:
                found = dict(how=RELATED_TREATMENT, market=market, treatment_id=other_id, published=figure)
                break
    if found is None:
        return None
    currency = vocab.MARKET_CURRENCY[found["market"]]
    low, typical, high = found["published"]
    same = currency == quote["currency"]
    position = placement(price, low, typical, high) if same else "other-currency"
    pct = 100 * (price - typical) / typical if same and not np.isnan(typical) and typical else np.nan
    return {**found, "currency": currency, "position": position, "pct": pct}
