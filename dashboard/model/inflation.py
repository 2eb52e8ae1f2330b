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
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from dashboard import vocab
from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.dataset.problems import DatasetError, Problem

INDEX_FILE = "price_index.csv"
INDEX_COLUMNS = ("currency", "year", "value", "series", "source", "note")
PRICES_IN = vocab.PRICES_IN
LATEST, PUBLISHED = PRICES_IN

# Why a figure is or is not adjusted (factor_for's status).
ADJUSTED, AS_PUBLISHED, NO_YEAR = "adjusted", "as published", "no year"
AFTER_INDEX, NO_INDEX = "after index", "no index"


@dataclass(frozen=True)
class PriceIndex:
    """Annual index values per currency: values[(currency, year)] -> index value; one series per currency."""

    values: MappingProxyType[tuple[str, int], float]  # (currency, year) -> index value
    series: MappingProxyType[str, str]  # currency -> short series name, e.g. "CPI-U"
    sources: MappingProxyType[str, str]  # currency -> URL of the official table

    def latest_year(self, currency: str) -> int | None:
        """The latest complete year of the currency's index ("today"), or None without one."""
        years = [y for c, y in self.values if c == currency]
        return max(years) if years else None

    def value(self, currency: str, year: float | None) -> float | None:
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
    values: dict[tuple[str, int], float] = {}
    series: dict[str, str] = {}
    sources: dict[str, str] = {}
    problems: list[Problem] = []
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


def _row_problems(record: dict[str, str], width: int) -> list[tuple[str | None, str]]:
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


def factor_for(currency: Any, year: Any, index: PriceIndex, prices_in: str) -> tuple[float, float, float, float, str]:
    """(factor, index_from, index_to, year_to, status) for one figure; factor = adjusted / published.

    `currency` and `year` are table cells: a currency code and a year, either possibly missing (None, NaN, NA).
    """
    nan = math.nan
    if prices_in != LATEST:
        return 1.0, nan, nan, nan, AS_PUBLISHED
    if year is None or pd.isna(year):
        return 1.0, nan, nan, nan, NO_YEAR
    target = index.latest_year(currency) if isinstance(currency, str) else None
    if target is not None and int(year) > target:
        return 1.0, nan, nan, nan, AFTER_INDEX
    start = index.value(currency, year) if target is not None else None
    if start is None or target is None:  # (start is None whenever target is)
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


def published_value(value: float, currency: str, year: Any, index: PriceIndex, prices_in: str) -> float:
    """The figure as its source published it: the adjusted value divided by its factor, to the cent."""
    return round(value / factor_for(currency, year, index, prices_in)[0], 2)
