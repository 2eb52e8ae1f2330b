"""Prices in one year's money: a cited price index per currency, and the adjustment made before the cost model.

A figure published in year y, in currency c, is adjusted to the latest complete year T of c's index:
adjusted = published x index[c, T] / index[c, y]. A figure is shown as published (and marked so) when
its year is not stated, when c has no bundled index, when the index has no value for y, or when y is
after T (no complete year of index to compare with). No currency is converted.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlparse

import pandas as pd

from dashboard import vocab
from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.dataset.problems import DatasetError, Problem

INDEX_FILE = "price_index.csv"
INDEX_COLUMNS = ("currency", "year", "value", "series", "source", "note")
PRICES_IN = vocab.PRICES_IN
LATEST, PUBLISHED = PRICES_IN
MONEY_WORDS = {"USD": "dollars", "GBP": "pounds"}

# Why a figure is as published, in words (status -> text).
ADJUSTED, AS_PUBLISHED, NO_YEAR = "adjusted", "as published", "no year"
AFTER_INDEX, NO_INDEX = "after index", "no index"
STATUS_TEXT = {
    AS_PUBLISHED: "shown as published",
    NO_YEAR: "year not stated, so not adjusted for inflation",
    AFTER_INDEX: "published after the latest complete index year, so not adjusted",
    NO_INDEX: "no price index bundled for this currency and year, so not adjusted",
}


@dataclass(frozen=True)
class PriceIndex:
    """Annual index values per currency: values[(currency, year)] -> index value; one series per currency."""

    values: MappingProxyType  # (currency, year) -> float
    series: MappingProxyType  # currency -> short series name, e.g. "CPI-U"
    sources: MappingProxyType  # currency -> URL of the official table

    def latest_year(self, currency: str) -> int | None:
        """The latest complete year of the currency's index ("today"), or None without one."""
        years = [y for c, y in self.values if c == currency]
        return max(years) if years else None

    def value(self, currency: str, year) -> float | None:
        if year is None or (isinstance(year, float) and math.isnan(year)):
            return None
        return self.values.get((currency, int(year)))


EMPTY_INDEX = PriceIndex(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}))


def index_location(location: str | Path | None) -> Path:
    """The index file of a data folder when it has one, else the bundled data/price_index.csv."""
    if location is not None and not str(location).startswith(("postgresql", "postgres")):
        candidate = Path(location) / INDEX_FILE
        if candidate.is_file():
            return candidate
    return BUNDLED_DATA / INDEX_FILE


def load_price_index(path: str | Path) -> PriceIndex:
    """Read and check an index CSV (columns INDEX_COLUMNS); raise DatasetError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise DatasetError([Problem(path.name, None, None, f"cannot be read: {err}")]) from err
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or [h.strip() for h in rows[0]] != list(INDEX_COLUMNS):
        raise DatasetError([Problem(path.name, 1, None, f"the header must be: {','.join(INDEX_COLUMNS)}")])
    values, series, sources, problems = {}, {}, {}, []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(INDEX_COLUMNS, (cell.strip() for cell in row), strict=False))
        found = _row_problems(record, len(row))
        if not found and (record["currency"], int(record["year"])) in values:
            found = [("year", "this currency and year appear more than once")]
        if not found and series.setdefault(record["currency"], record["series"]) != record["series"]:
            used = series[record["currency"]]
            found = [("series", f"one series per currency: {record['currency']} already uses {used}")]
        problems += [Problem(path.name, line, column, message) for column, message in found]
        if not found:
            values[(record["currency"], int(record["year"]))] = float(record["value"])
            sources.setdefault(record["currency"], record["source"])
    if problems:
        raise DatasetError(problems)
    return PriceIndex(MappingProxyType(values), MappingProxyType(series), MappingProxyType(sources))


def _row_problems(record: dict, width: int) -> list[tuple[str | None, str]]:
    if width != len(INDEX_COLUMNS):
        return [(None, f"has {width} fields; the header has {len(INDEX_COLUMNS)}")]
    if record["currency"] not in vocab.CURRENCY_SYMBOL:
        return [("currency", f"must be one of {', '.join(vocab.CURRENCY_SYMBOL)}")]
    if not record["year"].isdigit() or not 1900 <= int(record["year"]) <= 2100:
        return [("year", "must be a year (a whole number, 1900-2100)")]
    try:
        value = float(record["value"])
    except ValueError:
        return [("value", "is not a number")]
    if not math.isfinite(value) or value <= 0:
        return [("value", "must be a positive number")]
    if not record["series"]:
        return [("series", "is empty; name the index, e.g. CPI-U")]
    if urlparse(record["source"]).scheme not in ("http", "https"):
        return [("source", "must be the http(s) address of the official table")]
    return []


def factor_for(currency, year, index: PriceIndex, prices_in: str) -> tuple[float, float, float, float, str]:
    """(factor, index_from, index_to, year_to, status) for one figure; factor = adjusted / published."""
    nan = math.nan
    if prices_in != LATEST:
        return 1.0, nan, nan, nan, AS_PUBLISHED
    if year is None or pd.isna(year):
        return 1.0, nan, nan, nan, NO_YEAR
    target = index.latest_year(currency) if isinstance(currency, str) else None
    if target is not None and int(year) > target:
        return 1.0, nan, nan, nan, AFTER_INDEX
    start = index.value(currency, year) if target is not None else None
    if start is None:
        return 1.0, nan, nan, nan, NO_INDEX
    end = index.values[(currency, target)]
    return end / start, start, end, float(target), ADJUSTED


def factors(currency: pd.Series, year: pd.Series, index: PriceIndex, prices_in: str) -> pd.DataFrame:
    """factor_for over aligned Series (currency code, year or NaN) -> a frame on the same index with
    columns factor, index_from, index_to, year_to, status."""
    records = [factor_for(c, y, index, prices_in) for c, y in zip(currency, year, strict=False)]
    columns = ["factor", "index_from", "index_to", "year_to", "status"]
    return pd.DataFrame(records or None, index=currency.index, columns=columns)


def adjust_prices(prices: pd.DataFrame, index: PriceIndex, prices_in: str) -> pd.DataFrame:
    """The prices frame (low/typical/high/currency/year) with low/typical/high in the chosen money.

    Adds published_low/typical/high (the source's figures), index_from, index_to, index_year_to,
    adjusted (bool) and adjustment (the status, see STATUS_TEXT). Other columns are unchanged.
    """
    out = prices.copy()
    f = factors(out["currency"], out["year"].astype("float64"), index, prices_in)
    for kind in vocab.FIGURE_KINDS:
        out[f"published_{kind}"] = out[kind]
        out[kind] = out[kind] * f["factor"]
    out["index_from"], out["index_to"], out["index_year_to"] = f["index_from"], f["index_to"], f["year_to"]
    out["adjusted"] = f["status"] == ADJUSTED
    out["adjustment"] = f["status"]
    return out


def money_label(index: PriceIndex, currency: str, prices_in: str) -> str:
    """'2025 dollars' for adjusted figures, 'as published' otherwise."""
    year = index.latest_year(currency)
    if prices_in != LATEST or year is None:
        return "as published"
    return f"{year} {MONEY_WORDS.get(currency, currency)}"


def figure_text(value: float, currency: str, year, index: PriceIndex, prices_in: str, verb: str = "published") -> str:
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


def published_value(value: float, currency: str, year, index: PriceIndex, prices_in: str) -> float:
    """The figure as its source published it: the adjusted value divided by its factor, to the cent."""
    return round(value / factor_for(currency, year, index, prices_in)[0], 2)


def index_lines(index: PriceIndex, currency: str, years, prices_in: str) -> list[tuple[str, str]]:
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


def adjustment_text(currency, year, index: PriceIndex, prices_in: str) -> str:
    """'CPI-U 2016 -> 2025 (240.007 -> 321.943)' for an adjusted figure, else why it is as published."""
    _factor, start, end, year_to, status = factor_for(currency, year, index, prices_in)
    if status != ADJUSTED:
        return STATUS_TEXT[status]
    return f"{index.series[currency]} {int(year)} -> {int(year_to)} ({start:g} -> {end:g})"
