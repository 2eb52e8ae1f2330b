"""The `Filters` value: one vocabulary for the URL, the controls and the command line."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Mapping
from urllib.parse import parse_qs, urlencode

from dashboard import vocab

HORIZON_RANGE = (1, 10)
MAX_BUDGET = 10_000_000
MAX_DOWNTIME = 3650
MAX_EARNINGS = 100_000
MAX_COMPARE = 4
MIN_COMPARE = 2

# URL query parameter -> Filters field. Declared once; documented in the README.
URL_PARAMETERS = {
    "concern": "concern",
    "market": "market",
    "budget": "budget",
    "horizon": "horizon",
    "max_downtime": "max_downtime",
    "max_risk": "max_risk",
    "over_budget": "show_over_budget",
    "category": "categories",
    "compare": "compare",
    "earnings": "daily_earnings",
    "prices_in": "prices_in",
}


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Every field is valid once built by the parsers below."""

    concern: str | None = None
    market: str = "US"
    budget: float | None = None
    horizon: int = 1
    max_downtime: float | None = None
    max_risk: int = 5
    show_over_budget: bool = False
    categories: tuple[str, ...] = ()
    compare: tuple[str, ...] = field(default=())
    daily_earnings: float | None = None
    prices_in: str = "latest"  # vocab.PRICES_IN: the latest index year's money, or as published

    def to_query(self) -> str:
        """The query string that restores these filters (defaults left out)."""
        default = Filters()
        params = {}
        for name, attr in URL_PARAMETERS.items():
            value = getattr(self, attr)
            if value == getattr(default, attr):
                continue
            if isinstance(value, bool):
                value = "1" if value else "0"
            elif isinstance(value, tuple):
                value = ",".join(value)
            elif isinstance(value, float):
                value = f"{value:g}" if value == int(value) else str(value)
            params[name] = value
        return urlencode(params, safe=",")

    def describe(self) -> str:
        """The filters in words, for export headers and the page."""
        parts = [f"market {self.market}", f"horizon {self.horizon} year{'s' if self.horizon != 1 else ''}"]
        if self.concern:
            parts.insert(0, f"concern {vocab.CONCERN_LABELS.get(self.concern, self.concern)}")
        if self.categories:
            parts.append("categories " + ", ".join(self.categories))
        if self.budget is not None:
            parts.append(f"budget {self.budget:,.0f} {vocab.MARKET_CURRENCY[self.market]}")
        if self.max_downtime is not None:
            parts.append(f"downtime at most {self.max_downtime:g} days")
        if self.max_risk < 5:
            parts.append(f"risk tier at most {self.max_risk}")
        if self.show_over_budget:
            parts.append("over-budget options shown")
        if self.daily_earnings is not None:
            parts.append(f"daily earnings {self.daily_earnings:,.0f}")
        if self.prices_in == "published":
            parts.append("prices as published")
        return "; ".join(parts)


def _number(value: Any, low: float, high: float) -> float | None:
    """A finite number within [low, high], from a number or numeric text; else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if not text or len(text) > 20:
            return None
        try:
            value = float(text)
        except ValueError:
            return None
    if not isinstance(value, (int, float)):
        return None
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        return None
    return number


def _choice(value: Any, allowed) -> Any:
    return value if isinstance(value, str) and value in allowed else None


def _ids(value: Any, allowed, limit: int) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or len(value) > 100:
        return None
    out: list[str] = []
    for item in value:
        if isinstance(item, str) and item in allowed and item not in out:
            out.append(item)
    return tuple(out[:limit])


def _parse_values(raw: Mapping[str, Any], treatment_ids) -> dict[str, Any]:
    """Each given field parsed; None where the value is invalid (or means 'no limit')."""
    values: dict[str, Any] = {}
    if "concern" in raw:
        concern = raw["concern"]
        values["concern"] = "" if concern in (None, "", "all") else _choice(concern, vocab.CONCERNS)
    values["market"] = _choice(raw.get("market"), vocab.MARKETS)
    values["budget"] = _number(raw.get("budget"), 0, MAX_BUDGET)
    horizon = _number(raw.get("horizon"), *HORIZON_RANGE)
    values["horizon"] = int(horizon) if horizon is not None and horizon == int(horizon) else None
    values["max_downtime"] = _number(raw.get("max_downtime"), 0, MAX_DOWNTIME)
    risk = _number(raw.get("max_risk"), 1, 5)
    values["max_risk"] = int(risk) if risk is not None and risk == int(risk) else None
    over = raw.get("show_over_budget")
    values["show_over_budget"] = over if isinstance(over, bool) else (
        {"1": True, "0": False}.get(over) if isinstance(over, str) else None)
    values["categories"] = _ids(raw.get("categories"), vocab.CATEGORIES, len(vocab.CATEGORIES))
    values["compare"] = _ids(raw.get("compare"), set(treatment_ids), MAX_COMPARE)
    values["daily_earnings"] = _number(raw.get("daily_earnings"), 0, MAX_EARNINGS)
    values["prices_in"] = _choice(raw.get("prices_in"), vocab.PRICES_IN)
    return values


def parse_fields(raw: Mapping[str, Any], treatment_ids=(), defaults: Filters = Filters()) -> Filters:
    """Filters from field-named raw values (controls, command line); invalid -> default."""
    values = _parse_values(raw, treatment_ids)
    kept = {k: v for k, v in values.items() if v is not None}
    if kept.get("concern") == "":
        kept["concern"] = None
    return replace(defaults, **kept)


def rejected_fields(raw: Mapping[str, Any], treatment_ids=()) -> list[str]:
    """Fields that were given a value which the parser did not accept."""
    values = _parse_values(raw, treatment_ids)
    return [k for k, v in raw.items() if v not in (None, "", [], ()) and values.get(k) is None]


def from_query(query: str, treatment_ids=()) -> Filters:
    """Filters from a URL query string; unknown or invalid values fall back to defaults."""
    if not isinstance(query, str) or len(query) > 4000:
        return Filters()
    try:
        parsed = parse_qs(query.lstrip("?"), keep_blank_values=False, max_num_fields=50)
    except ValueError:  # too many fields
        return Filters()
    raw = {URL_PARAMETERS[k]: v[-1] for k, v in parsed.items() if k in URL_PARAMETERS}
    return parse_fields(raw, treatment_ids)
