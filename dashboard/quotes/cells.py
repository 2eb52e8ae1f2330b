"""One quote from its cells (a row of an uploaded file, or the form's values) -> a canonical record,
or (column, problem) pairs.

The treatment is looked up by id, name or alias (with "did you mean" suggestions); the price, the
currency, what the price covers, the quantity, the date and the clinic are each read and checked.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from datetime import date

from dashboard import vocab
from dashboard.formula import restored
from dashboard.quotes.currency_marks import OTHER_CURRENCY, split_marks
from dashboard.quotes.dates import read_date
from dashboard.quotes.prices import DIGITS, MAX_PRICE, ONLY_USD_GBP, check_amount, parse_price, total_of
from dashboard.quotes.upload import QUOTE_CSV_COLUMNS, Header, clean_text, name_key, shown

# What a quote's price covers. `quantity` counts sessions (session), sessions in the course
# (course), or the syringes, vials, areas or units used in one session; a procedure is one.
COVERS = ("session", "procedure", "syringe", "vial", "area", "unit", "course")
COUNTED_UNITS = vocab.COUNTED_UNITS
MAX_QUANTITY = 100
MAX_CELL_CHARS = 200
NO_CLINIC = "(no clinic name)"
SUGGESTION_LOOKUPS = 50  # per upload: difflib is the costly step, and only the first problems are read
CURRENCY_WORDS = {"USD": "USD", "$": "USD", "US$": "USD", "GBP": "GBP", "£": "GBP", "EUR": "EUR", "€": "EUR"}


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


class TreatmentLookup:
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
    priced = header.price_covers if header else None
    key = name_key(value).removeprefix("per ")
    if not key:
        return counted or priced or "session", None
    key = key[:-1] if key.endswith("s") and key[:-1] in COVERS else key
    if key not in COVERS:
        return None, f"{shown(value)} is not one of: {', '.join(COVERS)}"
    if counted and header is not None and key != counted and not (counted == "session" and key == "course"):
        return None, (
            f"{shown(value)} disagrees with the column {shown(header.counted_name)}, which counts "
            f"{counted}s: make them agree"
        )
    if priced and header is not None and key != priced and not (priced == "session" and key == "course"):
        return None, f"{shown(value)} disagrees with the column {shown(header.price_name)}: make them agree"
    return key, None


def _currency(value: str) -> tuple[str | None, str | None]:
    word = value.strip().upper()
    if split_marks(word)[1] == {OTHER_CURRENCY}:  # "CAD", "C$", "¥"
        return None, ONLY_USD_GBP
    if word and word not in CURRENCY_WORDS:
        return None, f"{shown(value)} is not a currency: use USD or GBP"
    return CURRENCY_WORDS.get(word), None


def _texts(cells: Mapping[str, object]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Each quote column's cell as text ("" when missing or a number), and the (column, problem) pairs of the
    cells too long or not text."""
    problems: list[tuple[str, str]] = []
    text: dict[str, str] = {}
    for column in QUOTE_CSV_COLUMNS:
        value = cells.get(column)
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            problems.append((column, f"the value is longer than {MAX_CELL_CHARS} characters"))
        elif column not in ("price", "quantity") and value is not None and not isinstance(value, str):
            problems.append((column, f"{shown(value)} is not text"))
        text[column] = value if isinstance(value, str) else ""
    return text, problems


def _currencies(
    value: str, marked: str | None, header: Header | None, price: float | None
) -> tuple[list[str], str | None]:
    """The currencies a quote names (its cell, its price's sign, the file's header), in that order, and the
    problem with them: unreadable, EUR, two that disagree, or none for a price."""
    currency, problem = _currency(value)
    named = [c for c in (currency, marked, header.currency if header else None) if c]
    if problem:
        return named, problem
    if set(named) - {"USD", "GBP"}:  # EUR, or another currency
        return named, ONLY_USD_GBP
    if len(set(named)) > 1:
        return named, f"{' and '.join(dict.fromkeys(named))} disagree: give one currency"
    if not named and price is not None:
        return named, "currency is required (USD or GBP), or write the price with $ or £"
    return named, None


def read_record(
    cells: Mapping[str, object],
    lookup: TreatmentLookup,
    today: date,
    new_id: Callable[[], str],
    header: Header | None = None,
    order: str | None = None,
) -> tuple[dict | None, list[tuple[str, str]], list[tuple[str, str]]]:
    """One quote from its cells (text from a file, or form values): (record or None, its (column,
    problem) pairs, its (column, note) pairs). `order` is the file's day/month order."""
    text, problems = _texts(cells)
    if problems:
        return None, problems, []
    treatment_id, problem = lookup.match(text["treatment"])
    problems += [("treatment", problem)] if problem else []
    price, marked, problem = _price(cells.get("price"))
    problems += [("price", problem)] if problem else []
    named, problem = _currencies(text["currency"], marked, header, price)
    problems += [("currency", problem)] if problem else []
    covers, problem = _covers(text["covers"], header)
    problems += [("covers", problem)] if problem else []
    quantity, problem = _quantity(cells.get("quantity"))
    problems += [("quantity", problem)] if problem else []
    if covers == "course" and quantity is not None and cells.get("quantity") in (None, ""):
        problems.append(("quantity", "a course price needs the number of sessions in the course (quantity)"))
    when, problem, note = read_date(text["date"], today, order, named[0] if named else None)
    problems += [("date", problem)] if problem else []
    clinic = clean_text(restored(text["clinic"]))  # "'@Skin Clinic" in a file the app exported: "@Skin Clinic"
    if len(clinic) > MAX_CELL_CHARS:  # NFC can lengthen text
        problems.append(("clinic", f"the clinic name is longer than {MAX_CELL_CHARS} characters"))
    each = header is not None and header.price_each and covers != "procedure"
    if each and price is not None and quantity is not None and quantity != 1:
        # "Unit price": each price is of one, and the quote keeps the total for all the quantity counts
        price = total_of(price, quantity)
        problem = check_amount(price, f"{shown(cells.get('price'))} × {quantity}")
        problems += [("price", problem)] if problem else []
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
