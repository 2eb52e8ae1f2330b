"""Words about a price figure: what a summary of clinic prices is, whose group a figure is, where its clinics
are, who published it (one page, or a survey of several) and the day its source was read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dashboard.dataset import pricelist


def spread_text(kind: str, rows: Any) -> str:
    """What a figure is when it summarises clinic prices, e.g. 'median of 40 clinic prices'."""
    try:
        n = int(rows)
    except (TypeError, ValueError):
        return ""
    if n <= 1:
        return ""
    what = {"low": "10th percentile", "typical": "median", "high": "90th percentile"}[kind]
    return f"{what} of {n:,} clinic prices"


def category_text(category: object) -> str:
    """What a figure is when the source gives it for a broader category, e.g. 'average for all of "Skin
    treatment (combination lasers)", not this treatment's own price'; '' for a treatment's own figure."""
    if not isinstance(category, str) or not category:
        return ""
    return f"figure for all of “{category}”, not this treatment's own price"


def region_text(region: object) -> str:
    """Where a price row's clinics are, for the source text: ' in Miami-Dade', or ''."""
    return f" in {region}" if isinstance(region, str) and region else ""


def publisher_text(source_id: Any, publishers: Mapping[str, str]) -> str:
    """Who published a price row's figure: the publisher of its one source, or for a survey of clinics' own pages
    (a summary row citing several) 'a survey of 5 clinics' own price pages (A; B; …)'; the id when unknown."""
    ids = pricelist.source_ids(source_id)
    if len(ids) <= 1:
        return publishers.get(source_id, str(source_id))
    names = "; ".join(publishers.get(i, i) for i in ids)
    return f"a survey of {len(ids)} clinics' own price pages ({names})"


def read_on_of(source_id: Any, read_on: Mapping[str, str]) -> str | None:
    """The day a price row's source was read (YYYY-MM-DD); for a survey citing several pages, the latest."""
    days = [read_on[i] for i in pricelist.source_ids(source_id) if isinstance(read_on.get(i), str)]
    return max(days) if days else None
