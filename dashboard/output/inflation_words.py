"""Prices in today's money, in words: a figure beside its published figure and year, why a figure is as
published, the index used, and the export's header lines (the numbers come from model/inflation.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.model.inflation import (
    ADJUSTED,
    AFTER_INDEX,
    AS_PUBLISHED,
    LATEST,
    NO_INDEX,
    NO_YEAR,
    PriceIndex,
    factor_for,
)

MONEY_WORDS = {"USD": "dollars", "GBP": "pounds"}
# Why a figure is as published, in words (status -> text).
STATUS_TEXT = {
    AS_PUBLISHED: "shown as published",
    NO_YEAR: "year not stated, so not adjusted for inflation",
    AFTER_INDEX: "published after the latest complete index year, so not adjusted",
    NO_INDEX: "no price index bundled for this currency and year, so not adjusted",
}


def money_label(index: PriceIndex, currency: str, prices_in: str) -> str:
    """'2025 dollars' for adjusted figures, 'as published' otherwise."""
    year = index.latest_year(currency)
    if prices_in != LATEST or year is None:
        return "as published"
    return f"{year} {MONEY_WORDS.get(currency, currency)}"


def figure_text(
    value: float | None, currency: str, year: Any, index: PriceIndex, prices_in: str, verb: str = "published"
) -> str:
    """One figure with its published figure and year beside it, e.g.
    "$190 in 2025 dollars (published $138 in 2016; CPI-U 2016 -> 2025)"."""
    symbol = vocab.CURRENCY_SYMBOL.get(currency, "")
    if value is None or pd.isna(value):
        return "unknown"
    factor, _start, _end, year_to, status = factor_for(currency, year, index, prices_in)
    if status == ADJUSTED:
        return (
            f"{symbol}{value:,.0f} in {int(year_to)} {MONEY_WORDS.get(currency, currency)} "
            f"({verb} {symbol}{value / factor:,.0f} in {int(year)}; "
            f"{index.series[currency]} {int(year)} -> {int(year_to)})"
        )
    year_text = f" in {int(year)}" if year is not None and not pd.isna(year) else ""
    return f"{symbol}{value:,.0f}, {verb}{year_text}; {STATUS_TEXT[status]}"


def index_lines(index: PriceIndex, currency: str, years: Iterable[Any], prices_in: str) -> list[tuple[str, str]]:
    """Header lines for exports: the setting, "today" and the index values used."""
    latest = index.latest_year(currency)
    setting = money_label(index, currency, prices_in)
    lines = [("Prices in", setting if setting == "as published" else f"{setting} (latest complete year of the index)")]
    if latest is None:
        lines.append(("Price index", f"none bundled for {currency}: prices shown as published"))
        return lines
    known = {int(y) for y in years if y is not None and not pd.isna(y)}
    used = sorted({y for y in known if (currency, y) in index.values} | {latest})
    values = ", ".join(f"{y} {index.values[(currency, y)]:g}" for y in used)
    lines.append(("Price index", f"{index.series[currency]} annual index: {values} ({index.sources[currency]})"))
    return lines


def index_summary(index: PriceIndex) -> str:
    """Which index each currency uses and its latest complete year ("today"), in one sentence."""
    parts = []
    for currency in vocab.CURRENCY_SYMBOL:
        latest = index.latest_year(currency)
        words = f"{'US' if currency == 'USD' else 'UK'} {MONEY_WORDS.get(currency, currency)}"
        parts.append(
            f"{words}: {index.series[currency]} annual index, whose bundled data end in {latest}"
            if latest
            else f"{words}: no price index bundled, shown as published"
        )
    return "; ".join(parts) + "."


def adjustment_text(currency: str, year: Any, index: PriceIndex, prices_in: str) -> str:
    """'CPI-U 2016 -> 2025 (240.007 -> 321.943)' for an adjusted figure, else why it is as published."""
    _factor, start, end, year_to, status = factor_for(currency, year, index, prices_in)
    if status != ADJUSTED:
        return STATUS_TEXT[status]
    return f"{index.series[currency]} {int(year)} -> {int(year_to)} ({start:g} -> {end:g})"
