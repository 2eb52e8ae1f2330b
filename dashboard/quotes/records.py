"""A user's clinic quotes: from the form or an uploaded CSV to canonical records, and re-checked on return.

Quotes live only in the browser, so every record that comes back is attacker input and is
checked again (`validate_stored`). Nothing here raises on bad input: problems are data.
"""

from __future__ import annotations

import csv
import difflib
import io
import secrets
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.quotes.dates import file_order, read_date
from dashboard.quotes.encoding import decode_contents
from dashboard.quotes.prices import DIGITS, MAX_PRICE, ONLY_USD_GBP, check_amount, parse_price
from dashboard.quotes.upload import (
    QUOTE_CSV_COLUMNS,
    Header,
    UnreadableFile,
    clean_text,
    filename_problem,
    map_header,
    name_key,
    read_rows,
    shown,
)

FIELDS = ("id", "treatment_id", "clinic", "price", "currency", "covers", "quantity", "date")
CURRENCIES = ("USD", "GBP")
# What a quote's price covers. `quantity` counts sessions (session), sessions in the course
# (course), or the syringes, vials, areas or units used in one session; a procedure is one.
COVERS = ("session", "procedure", "syringe", "vial", "area", "unit", "course")
COUNTED_UNITS = ("syringe", "vial", "area", "unit")
MAX_QUOTES = 500
MAX_QUANTITY = 100
MAX_CELL_CHARS = 200
NO_CLINIC = "(no clinic name)"
SUGGESTION_LOOKUPS = 50  # per upload: difflib is the costly step, and only the first problems are read

CURRENCY_WORDS = {"USD": "USD", "$": "USD", "US$": "USD", "GBP": "GBP", "£": "GBP", "EUR": "EUR", "€": "EUR"}
HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class QuoteProblem:
    """Why a quote, a line of a file or a whole file was not accepted; shown as plain text."""

    line: int | None  # line in the uploaded file (the header is line 1); None for the file or the form
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line is not None:
            return f"Line {self.line}{', ' + self.column if self.column else ''}: {self.message}"
        return f"{self.column}: {self.message}" if self.column else f"File: {self.message}"


@dataclass(frozen=True)
class UploadResult:
    """The valid quotes of an upload, and every problem found (rejected rows, file-level problems, notes)."""

    quotes: list[dict]
    problems: list[QuoteProblem]


def _new_id() -> str:
    return secrets.token_hex(6)


def suggest(
    name: str, treatments: Mapping[str, str], n: int = 3, aliases: Mapping[str, str] | None = None
) -> list[str]:
    """Up to n known names (treatment names, then aliases) closest to `name`: names containing it first,
    then difflib's picks."""
    key = name_key(name)[:60] if isinstance(name, str) else ""
    if not key or n <= 0:
        return []
    by_key: dict[str, str] = {}
    for treatment_id, display in treatments.items():
        by_key.setdefault(name_key(display), display)
        by_key.setdefault(name_key(treatment_id), display)
    for alias, treatment_id in (aliases or {}).items():
        if treatment_id in treatments:
            by_key.setdefault(name_key(alias), alias)
    found = [display for k, display in by_key.items() if len(key) >= 3 and key in k]
    found += [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=2 * n, cutoff=0.5)]
    return list(dict.fromkeys(found))[:n]


class _Treatments:
    """Treatment lookup by id, name or alias for one parse; suggestions are cached and capped."""

    def __init__(self, treatments: Mapping[str, str], aliases: Mapping[str, str] | None = None):
        self.treatments = treatments
        self.aliases = {a: t for a, t in (aliases or {}).items() if t in treatments}
        self.ids: dict[str, str] = {}
        for treatment_id, display in treatments.items():
            self.ids.setdefault(name_key(treatment_id), treatment_id)
            self.ids.setdefault(name_key(display), treatment_id)
        for alias, treatment_id in self.aliases.items():
            self.ids.setdefault(name_key(alias), treatment_id)
        self.hints: dict[str, str] = {}

    def match(self, value: str) -> tuple[str | None, str | None]:
        key = name_key(value)
        if not key:
            return None, "treatment is required"
        if key in self.ids:
            return self.ids[key], None
        if key not in self.hints:
            capped = len(self.hints) >= SUGGESTION_LOOKUPS
            names = [] if capped else suggest(value, self.treatments, aliases=self.aliases)
            self.hints[key] = f" Did you mean: {', '.join(names)}?" if names else ""
        return None, f"Unknown treatment {shown(value)}.{self.hints[key]}"


def _price(value: object) -> tuple[float | None, str | None, str | None]:
    if isinstance(value, str):
        return parse_price(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # a number input in the form
        if isinstance(value, int) and abs(value) > MAX_PRICE:
            return None, None, f"{shown(value)} is more than {MAX_PRICE:,}: check the price"
        problem = check_amount(float(value), shown(value))
        return (None, None, problem) if problem else (float(value), None, None)
    return None, None, "price is required" if value is None else f"{shown(value)} is not a price"


def _quantity(value: object) -> tuple[int | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1, None
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and 0 < len(value.strip()) <= 3 and set(value.strip()) <= DIGITS:
        number = int(value.strip())
    if number is None or not 1 <= number <= MAX_QUANTITY:
        return None, f"{shown(value)} is not a whole number from 1 to {MAX_QUANTITY}"
    return number, None


def _covers(value: str, header: Header | None) -> tuple[str | None, str | None]:
    """What the price covers: the covers cell, else the unit the quantity header counts, else session."""
    counted = header.counted if header else None
    key = name_key(value).removeprefix("per ")
    if not key:
        return counted or "session", None
    key = key[:-1] if key.endswith("s") and key[:-1] in COVERS else key
    if key not in COVERS:
        return None, f"{shown(value)} is not one of: {', '.join(COVERS)}"
    if counted and key != counted and not (counted == "session" and key == "course"):
        return None, (
            f"{shown(value)} disagrees with the column {shown(header.counted_name)}, which counts "
            f"{counted}s: make them agree"
        )
    return key, None


def _currency(value: str) -> tuple[str | None, str | None]:
    word = value.strip().upper()
    if word and word not in CURRENCY_WORDS:
        return None, f"{shown(value)} is not a currency: use USD or GBP"
    return CURRENCY_WORDS.get(word), None


def _record(
    cells: Mapping[str, object],
    lookup: _Treatments,
    today: date,
    new_id: Callable[[], str],
    header: Header | None = None,
    order: str | None = None,
) -> tuple[dict | None, list[tuple[str, str]], list[tuple[str, str]]]:
    """One quote from its cells (text from a file, or form values): (record or None, its (column,
    problem) pairs, its (column, note) pairs). `order` is the file's day/month order."""
    problems: list[tuple[str, str]] = []
    text: dict[str, str] = {}
    for column in QUOTE_CSV_COLUMNS:
        value = cells.get(column)
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            problems.append((column, f"the value is longer than {MAX_CELL_CHARS} characters"))
        elif column not in ("price", "quantity") and value is not None and not isinstance(value, str):
            problems.append((column, f"{shown(value)} is not text"))
        text[column] = value if isinstance(value, str) else ""
    if problems:
        return None, problems, []
    treatment_id, problem = lookup.match(text["treatment"])
    problems += [("treatment", problem)] if problem else []
    price, marked, problem = _price(cells.get("price"))
    problems += [("price", problem)] if problem else []
    currency, problem = _currency(text["currency"])
    named = [c for c in (currency, marked, header.currency if header else None) if c]
    if problem:
        problems.append(("currency", problem))
    elif "EUR" in named:
        problems.append(("currency", ONLY_USD_GBP))
    elif len(set(named)) > 1:
        problems.append(("currency", f"{' and '.join(dict.fromkeys(named))} disagree: give one currency"))
    elif not named and price is not None:
        problems.append(("currency", "currency is required (USD or GBP), or write the price with $ or £"))
    covers, problem = _covers(text["covers"], header)
    problems += [("covers", problem)] if problem else []
    quantity, problem = _quantity(cells.get("quantity"))
    problems += [("quantity", problem)] if problem else []
    if covers == "course" and quantity is not None and cells.get("quantity") in (None, ""):
        problems.append(("quantity", "a course price needs the number of sessions in the course (quantity)"))
    when, problem, note = read_date(text["date"], today, order, named[0] if named else None)
    problems += [("date", problem)] if problem else []
    clinic = clean_text(text["clinic"])
    if len(clinic) > MAX_CELL_CHARS:  # NFC can lengthen text
        problems.append(("clinic", f"the clinic name is longer than {MAX_CELL_CHARS} characters"))
    if problems:
        return None, problems, []
    return (
        {
            "id": new_id(),
            "treatment_id": treatment_id,
            "clinic": clinic or NO_CLINIC,
            "price": price,
            "currency": named[0],
            "covers": covers,
            "quantity": 1 if covers == "procedure" else quantity,
            "date": when,
        },
        [],
        ([("date", note)] if note else []),
    )


def parse_upload(
    contents: object,
    filename: object,
    treatments: Mapping[str, str],
    today: date,
    new_id: Callable[[], str] = _new_id,
    aliases: Mapping[str, str] | None = None,
) -> UploadResult:
    """An uploaded CSV (dcc.Upload data URL) as valid quotes plus every problem and note; never raises on bad input.

    `treatments` maps id -> name; `aliases` maps other names people write (Botox) -> id.
    """
    problem = filename_problem(filename)
    if problem:
        return UploadResult([], [QuoteProblem(None, None, problem)])
    try:
        text, guessed = decode_contents(contents)
        header_line, header_cells, rows = read_rows(text)
        header = map_header(header_cells)
    except UnreadableFile as err:
        return UploadResult([], [QuoteProblem(err.line, None, err.message)])
    problems = []
    note = guessed.note() if guessed else None
    if note:
        problems.append(QuoteProblem(guessed.line, None, note))
    if header.ignored:
        ignored = header.ignored
        names = ", ".join(shown(name) for name in ignored[:5]) + (" and others" if len(ignored) > 5 else "")
        problems.append(QuoteProblem(header_line, None, f"Ignored columns not used for quotes: {names}"))
    if not rows:
        return UploadResult([], [*problems, QuoteProblem(None, None, "The file has a header but no quotes")])
    columns = header.columns
    names = {index: column for column, index in columns.items()}
    at = columns.get("date")
    order = file_order(cells[at] for _, cells in rows if at is not None and at < len(cells))
    lookup, quotes = _Treatments(treatments, aliases), []
    for line, cells in rows:
        if len(cells) != len(header_cells):
            problems.append(QuoteProblem(line, None, f"expected {len(header_cells)} fields, found {len(cells)}"))
            continue
        # only the columns used for quotes are checked: an ignored column never rejects a row
        long = next((i for i in sorted(names) if len(cells[i]) > MAX_CELL_CHARS), None)
        if long is not None:
            problems.append(QuoteProblem(line, names[long], f"the cell is longer than {MAX_CELL_CHARS} characters"))
            continue
        values = {column: cells[i] for column, i in columns.items()}
        record, row_problems, notes = _record(values, lookup, today, new_id, header, order)
        problems += [QuoteProblem(line, column, message) for column, message in row_problems + notes]
        quotes += [record] if record else []
    return UploadResult(quotes, problems)


def parse_form(
    values: Mapping[str, object],
    treatments: Mapping[str, str],
    today: date,
    new_id: Callable[[], str] = _new_id,
    aliases: Mapping[str, str] | None = None,
) -> tuple[dict | None, list[QuoteProblem]]:
    """One quote from the form's values (any JSON types): (record, notes on it) or (None, the problems)."""
    if not isinstance(values, Mapping):
        return None, [QuoteProblem(None, None, "The form could not be read: please try again")]
    cells = {column: values.get(column) for column in QUOTE_CSV_COLUMNS}
    record, problems, notes = _record(cells, _Treatments(treatments, aliases), today, new_id)
    return record, [QuoteProblem(None, column, message) for column, message in problems or notes]


def _stored_record(item: object, treatment_ids: Collection[str], today: date) -> dict | None:
    """The record if it is exactly a valid canonical quote, else None."""
    if type(item) is not dict or item.keys() != set(FIELDS):
        return None
    rid, tid, clinic, price, quantity, when = (item[k] for k in FIELDS if k not in ("currency", "covers"))
    valid = (
        isinstance(rid, str) and len(rid) == 12 and set(rid) <= HEX
        and isinstance(tid, str) and tid in treatment_ids
        and isinstance(clinic, str) and 0 < len(clinic) <= MAX_CELL_CHARS and clean_text(clinic) == clinic
        # JSON from the browser turns 950.0 into 950, so an int price is fine
        and isinstance(price, (int, float)) and not isinstance(price, bool) and 0 < price <= MAX_PRICE
        and item["currency"] in CURRENCIES and item["covers"] in COVERS
        and type(quantity) is int and 1 <= quantity <= MAX_QUANTITY
        and (quantity == 1 or item["covers"] != "procedure")
        and isinstance(when, str) and (when == "" or (len(when) == 10 and read_date(when, today)[0] == when))
    )  # fmt: skip
    return {**{k: item[k] for k in FIELDS}, "price": float(price)} if valid else None


def validate_stored(data: object, treatment_ids: Collection[str], today: date) -> list[dict]:
    """The valid canonical quotes in what the browser sent back (at most 500, duplicates by id dropped)."""
    if not isinstance(data, list):
        return []
    kept: list[dict] = []
    seen: set[str] = set()
    for item in data:
        record = _stored_record(item, treatment_ids, today)
        if record is not None and record["id"] not in seen:
            seen.add(record["id"])
            kept.append(record)
            if len(kept) == MAX_QUOTES:
                break
    return kept


def merge(existing: list[dict], new: list[dict], limit: int = MAX_QUOTES) -> tuple[list[dict], int]:
    """Existing quotes first, then new ones, up to `limit`; also how many were dropped over it."""
    combined = [*existing, *new]
    limit = max(limit, 0)
    return combined[:limit], max(len(combined) - limit, 0)


def template_csv(treatments: Mapping[str, str] | None = None) -> bytes:
    """The downloadable template: the header and two example quotes, UTF-8 with a BOM for Excel."""
    names = treatments or {}
    rows = [
        QUOTE_CSV_COLUMNS,
        (
            names.get("botulinum-toxin", "Botulinum toxin"),
            "Example Clinic, London",
            "250",
            "GBP",
            "area",
            "3",
            "2025-01-15",
        ),
        (
            names.get("ha-filler", "Hyaluronic-acid filler"),
            "Example Clinic, New York",
            "$1,400",
            "USD",
            "syringe",
            "2",
            "",
        ),
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
