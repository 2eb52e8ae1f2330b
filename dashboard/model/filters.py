"""The `Filters` value: one vocabulary for the URL, the controls and the command line.

`FIELDS` is the one table of filter fields. From it come the `Filters` dataclass's defaults, the URL
parameters (`URL_PARAMETERS`), the page's control ids (`CONTROLS`) and the command-line flags
(`--` + the URL name with `-` for `_`). Adding a filter is one row here and its typed attribute on `Filters`
(checked at import to match FIELDS), plus its control on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Literal
from urllib.parse import parse_qs, unquote_plus, urlencode

from dashboard import vocab
from dashboard.quotes.currency_marks import split_marks
from dashboard.quotes.value_parsers import (
    INVALID,
    choice,
    id_list,
    number_in,
    read_text,
    switch,
    valid,
    whole_number,
)

HORIZON_RANGE = (1, 10)
MAX_BUDGET = 10_000_000
MAX_DOWNTIME = 3650
MAX_EARNINGS = 100_000
MAX_COMPARE = 4
MIN_COMPARE = 2


def _concern(value: Any, _ids: Collection[str]) -> Any:
    """A concern id, in any letter case (a link typed or rewritten by hand: "Stretch-Marks"); "all" or empty: None."""
    value = value.strip().lower() if isinstance(value, str) else value
    return None if value in (None, "", "all") else valid(choice(value, vocab.CONCERNS))


def _market(value: Any, _ids: Collection[str]) -> Any:
    """A market id (US, UK, US-NY…), in any letter case ("uk" in a link)."""
    return valid(choice(value.strip().upper() if isinstance(value, str) else value, vocab.MARKETS))


class CompareIds:
    """What "compare" accepts: the treatment ids, and the ids of the person's quotes ('quote-' and 12 hex digits,
    as quote rows are named); a quote id that matches no saved quote simply shows nothing."""

    def __init__(self, treatment_ids: Iterable[str]) -> None:
        self.treatment_ids = set(treatment_ids)

    def __contains__(self, item: object) -> bool:
        if item in self.treatment_ids:
            return True
        hex_part = item[6:] if isinstance(item, str) and item.startswith("quote-") else ""
        return len(hex_part) == 12 and set(hex_part) <= set("0123456789abcdef")


@dataclass(frozen=True)
class FilterField:
    """One filter: its `Filters` attribute and default, URL parameter, control id and parser (its words are
    output.filter_words').

    `parse(raw, treatment_ids)` gives the value or INVALID; `blank` is the control's value for None;
    `old_flags` are earlier command-line spellings that still work.
    """

    name: str
    default: Any
    url: str
    control: str
    parse: Callable[[Any, Collection[str]], Any]  # a raw value (any JSON or text) -> the value or INVALID
    help: str
    blank: Any = None
    old_flags: tuple[str, ...] = ()

    @property
    def flag(self) -> str:
        """The command-line flag: the URL name with hyphens."""
        return "--" + self.url.replace("_", "-")


# The filter fields, in the order their words are read (output.filter_words.describe). One row per field.
FIELDS = (
    FilterField(
        "concern",
        None,
        "concern",
        "concern",
        _concern,
        "a concern id, e.g. stretch-marks (default: all)",
        blank="all",
    ),
    FilterField(
        "market",
        "US",
        "market",
        "market",
        _market,
        "US, UK or a US state market, e.g. US-NY",
    ),
    FilterField(
        "horizon",
        1,
        "horizon",
        "horizon",
        lambda v, _: whole_number(v, *HORIZON_RANGE),
        "time horizon in years, 1-10",
        old_flags=("--horizon-years",),
    ),
    FilterField(
        "categories",
        (),
        "category",
        "category",
        lambda v, _: valid(id_list(v, vocab.CATEGORIES, len(vocab.CATEGORIES))),
        "comma-separated categories, e.g. injectable,surgical",
    ),
    FilterField(
        "budget",
        None,
        "budget",
        "budget",
        lambda v, _: valid(number_in(v, 0, MAX_BUDGET)),
        "total budget over the horizon (market currency)",
    ),
    FilterField(
        "max_downtime",
        None,
        "max_downtime",
        "max-downtime",
        lambda v, _: valid(number_in(v, 0, MAX_DOWNTIME)),
        "most downtime in days",
        old_flags=("--max-downtime-days",),
    ),
    FilterField(
        "max_risk",
        5,
        "max_risk",
        "max-risk",
        lambda v, _: whole_number(v, 1, 5),
        "highest risk tier, 1-5",
    ),
    FilterField(
        "show_over_budget",
        False,
        "over_budget",
        "show-over-budget",
        lambda v, _: switch(v),
        "show over-budget options too",
        old_flags=("--include-over-budget",),
    ),
    FilterField(
        "compare",
        (),
        "compare",
        "compare",
        lambda v, ids: valid(id_list(v, CompareIds(ids), MAX_COMPARE)),
        "comma-separated treatment ids or quote ids (2-4) for the side-by-side view",
    ),
    FilterField(
        "daily_earnings",
        None,
        "earnings",
        "daily-earnings",
        lambda v, _: valid(number_in(v, 0, MAX_EARNINGS)),
        "daily earnings, for lost pay",
    ),
    FilterField(
        "prices_in",
        "latest",
        "prices_in",
        "prices-in",
        lambda v, _: valid(choice(v, vocab.PRICES_IN)),
        "latest (adjusted for inflation to the latest complete index year) or published",
    ),
)

URL_PARAMETERS = {f.url: f.name for f in FIELDS}  # URL query parameter -> Filters field
CONTROLS = {f.control: f.name for f in FIELDS}  # control id on the page -> Filters field


_DEFAULTS: dict[str, Any] = {f.name: f.default for f in FIELDS}  # Filters attribute -> its default, from FIELDS


@dataclass(frozen=True)
class Filters:
    """What the user asked to see, one attribute per row of FIELDS; valid once built by the parsers."""

    concern: str | None = _DEFAULTS["concern"]
    market: str = _DEFAULTS["market"]
    horizon: int = _DEFAULTS["horizon"]
    categories: tuple[str, ...] = _DEFAULTS["categories"]
    budget: float | None = _DEFAULTS["budget"]
    max_downtime: float | None = _DEFAULTS["max_downtime"]
    max_risk: int = _DEFAULTS["max_risk"]
    show_over_budget: bool = _DEFAULTS["show_over_budget"]
    compare: tuple[str, ...] = _DEFAULTS["compare"]
    daily_earnings: float | None = _DEFAULTS["daily_earnings"]
    prices_in: str = _DEFAULTS["prices_in"]

    def to_query(self) -> str:
        """The query string that restores these filters (defaults left out)."""
        params = {}
        for f in FIELDS:
            value = getattr(self, f.name)
            if value == f.default:
                continue
            if isinstance(value, bool):
                value = "1" if value else "0"
            elif isinstance(value, tuple):
                value = ",".join(value)
            elif isinstance(value, float):
                value = f"{value:g}" if value == int(value) else str(value)
            params[f.url] = value
        return urlencode(params, safe=",")


if [f.name for f in fields(Filters)] != [f.name for f in FIELDS]:
    raise TypeError("Filters' attributes must be FIELDS' names, in FIELDS' order")


def _parse_values(raw: Mapping[str, Any], treatment_ids: Collection[str]) -> dict[str, Any]:
    """Each given field (by Filters attribute) parsed; INVALID where the value is not accepted."""
    return {f.name: f.parse(raw[f.name], treatment_ids) for f in FIELDS if f.name in raw}


def parse_fields(
    raw: Mapping[str, Any], treatment_ids: Collection[str] = (), defaults: Filters | None = None
) -> Filters:
    """Filters from field-named raw values (controls, command line); invalid -> default."""
    values = _parse_values(raw, treatment_ids)
    return replace(defaults or Filters(), **{k: v for k, v in values.items() if v is not INVALID})


def rejected_fields(raw: Mapping[str, Any], treatment_ids: Collection[str] = ()) -> list[str]:
    """Fields that were given a value which the parser did not accept."""
    values = _parse_values(raw, treatment_ids)
    return [k for k, v in raw.items() if v not in (None, "", [], ()) and values.get(k) is INVALID]


def control_values(filters: Filters) -> list[Any]:
    """Filters -> the values the page's controls show, in CONTROLS order."""
    values = []
    for f in FIELDS:
        value = getattr(filters, f.name)
        values.append(
            f.blank if value is None and f.blank is not None else list(value) if isinstance(value, tuple) else value
        )
    return values


# The longest query string read at all (a link with a newsletter's or a social site's tracking parameters
# stays well under it); of it, only the page's own parameters are kept, and they may take MAX_KEPT_QUERY.
MAX_QUERY = 16_384
MAX_KEPT_QUERY = 4000


def kept_query(query: str) -> str:
    """The query string's own parameters (those in URL_PARAMETERS), in their order and as written, without
    the leading "?"; every other parameter (utm_source, fbclid…) dropped."""
    kept = []
    for pair in query.lstrip("?").split("&"):
        key = unquote_plus(pair.partition("=")[0])
        if key in URL_PARAMETERS:
            kept.append(pair)
    return "&".join(kept)


def from_query(query: str, treatment_ids: Collection[str] = ()) -> Filters:
    """Filters from a URL query string; parameters the page does not use are dropped first, so a link keeps
    its filters whatever tracking parameters were added to it; unknown or invalid values fall back to
    defaults, and so does a query longer than MAX_QUERY or whose own parameters pass MAX_KEPT_QUERY."""
    if not isinstance(query, str) or len(query) > MAX_QUERY:
        return Filters()
    query = kept_query(query)
    if len(query) > MAX_KEPT_QUERY:
        return Filters()
    try:
        parsed = parse_qs(query.lstrip("?"), keep_blank_values=False, max_num_fields=50)
    except ValueError:  # too many fields
        return Filters()
    raw = {URL_PARAMETERS[k]: v[-1] for k, v in parsed.items() if k in URL_PARAMETERS}
    return parse_fields(raw, treatment_ids)


# Number fields a person types, with the values each accepts (lowest, highest); the words of the message shown
# when one is read or refused are output.filter_words'.
TYPED_NUMBERS = {
    "budget": (0, MAX_BUDGET),
    "max_downtime": (0, MAX_DOWNTIME),
    "daily_earnings": (0, MAX_EARNINGS),
}

# Typed numbers that are money in the market's currency: a mark of that currency ("$2,000", "2000 GBP" in the UK)
# is taken off and the number read; another currency's mark is refused, since amounts are never converted.
MONEY_FIELDS = ("budget", "daily_earnings")

# How a typed number was taken (TypedNumber.code).
TypedCode = Literal["read", "ambiguous", "refused", "currency"]


@dataclass(frozen=True)
class TypedNumber:
    """How one typed number of the filters (a field of TYPED_NUMBERS) was taken; output.filter_words.typed_messages
    says it.

    `code`: `read` (accepted: the message is what `typed` was read as), `ambiguous` (refused: `typed` reads two
    ways), `refused` (refused: `typed` is not a number from `lowest` to `highest`), `currency` (refused: `typed`
    is money marked in another currency than the market's, `currency`). `typed`: the value as it came (text, or
    any JSON value); `number`: the text read as the number when a mark of the market's currency was taken off
    ("2,000" of "$2,000"), else None; `applied`: after a refusal, the value still in force (None: none is set).
    """

    field: str
    code: TypedCode
    typed: Any
    lowest: int
    highest: int
    applied: float | None = None
    number: str | None = None
    currency: str | None = None


def apply_controls(
    raw: Mapping[str, Any], previous: Filters, treatment_ids: Collection[str] = ()
) -> tuple[Filters, dict[str, TypedNumber]]:
    """Filters from the controls' raw values, and per typed number given (a field of TYPED_NUMBERS in `raw`) how
    it was taken: read, or refused (ambiguous, like "3.000", or not an accepted number) with the value that
    applies.

    An empty field means "no limit"; a refused value keeps the previously applied one (so the field can show
    the value in force). Money (MONEY_FIELDS) may carry a mark of the market's currency; another currency's mark
    is refused.
    """
    market = parse_fields({"market": raw["market"]}).market if "market" in raw else previous.market
    numbers, foreign = _money_numbers(raw, vocab.MARKET_CURRENCY[market])
    given = {**raw, **numbers}
    filters = parse_fields(given, treatment_ids)
    rejected = [f for f in rejected_fields(given, treatment_ids) if f in URL_PARAMETERS.values()]
    filters = replace(filters, **{f: getattr(previous, f) for f in rejected})
    typed: dict[str, TypedNumber] = {}
    for field_name, (lowest, highest) in TYPED_NUMBERS.items():
        if field_name not in raw:
            continue
        text, number = raw[field_name], numbers.get(field_name)
        if field_name not in rejected:
            typed[field_name] = TypedNumber(field_name, "read", text, lowest, highest, number=number)
            continue
        code: TypedCode = "refused"
        if field_name in foreign:
            code = "currency"
        elif isinstance(given[field_name], str) and read_text(given[field_name]).choices:
            code = "ambiguous"
        typed[field_name] = TypedNumber(
            field_name,
            code,
            text,
            lowest,
            highest,
            getattr(previous, field_name),
            number,
            vocab.MARKET_CURRENCY[market] if code == "currency" else None,
        )
    return filters, typed


def _money_numbers(raw: Mapping[str, Any], currency: str) -> tuple[dict[str, str], set[str]]:
    """Per money field typed with a currency mark: the text to read as its number when the mark is `currency`'s
    ("-" kept before it), and the fields marked in another currency (left as typed, so refused)."""
    numbers: dict[str, str] = {}
    foreign: set[str] = set()
    for name in MONEY_FIELDS:
        text = raw.get(name)
        if not isinstance(text, str):
            continue
        number, marks, negative = split_marks(text)
        if not marks or not number:  # no mark, or a mark alone ("$"): read (and refused) as typed
            continue
        if marks == {currency}:
            numbers[name] = ("-" if negative else "") + number
        else:
            foreign.add(name)
    return numbers, foreign
