"""A user's clinic quotes: from the form or an uploaded CSV to canonical records, and re-checked on return.

Quotes live only in the browser, so every record that comes back is attacker input and is
checked again (`validate_stored`). Nothing here raises on bad input: problems are data. Each
quote's cells are read by `cells.read_record`.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.formula import neutralise
from dashboard.quotes.cells import COUNTED_UNITS, COVERS, MAX_CELL_CHARS, MAX_QUANTITY, TreatmentLookup, read_record
from dashboard.quotes.dates import file_order, read_date
from dashboard.quotes.encoding import decode_contents
from dashboard.quotes.prices import MAX_PRICE, check_amount, total_of
from dashboard.quotes.upload import (
    QUOTE_CSV_COLUMNS,
    UnreadableFile,
    clean_text,
    filename_problem,
    fit_row,
    map_header,
    read_rows,
    shown,
)

FIELDS = ("id", "treatment_id", "clinic", "price", "currency", "covers", "quantity", "date")
CURRENCIES = ("USD", "GBP")
MAX_QUOTES = 500
PRICE_OF = ("one", "all")  # the form's answer: the price of one session (unit, syringe...) or of all of them
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
    if guessed and note:
        problems.append(QuoteProblem(guessed.line, None, note))
    if header.ignored:
        ignored = header.ignored
        listed = ", ".join(shown(name) for name in ignored[:5]) + (" and others" if len(ignored) > 5 else "")
        problems.append(QuoteProblem(header_line, None, f"Ignored columns not used for quotes: {listed}"))
    if not rows:
        return UploadResult([], [*problems, QuoteProblem(None, None, "The file has a header but no quotes")])
    columns = header.columns
    names = {index: column for column, index in columns.items()}
    at = columns.get("date")
    order = file_order(cells[at] for _, cells in rows if at is not None and at < len(cells))
    lookup, quotes = TreatmentLookup(treatments, aliases), []
    for line, row in rows:
        cells, problem = fit_row(row, header, len(header_cells))
        if cells is None:
            assert problem is not None  # fit_row says why whenever it gives no cells
            problems.append(QuoteProblem(line, None, problem))
            continue
        # only the columns used for quotes are checked: an ignored column never rejects a row
        long = next((i for i in sorted(names) if len(cells[i]) > MAX_CELL_CHARS), None)
        if long is not None:
            problems.append(QuoteProblem(line, names[long], f"the cell is longer than {MAX_CELL_CHARS} characters"))
            continue
        values = {column: cells[i] for column, i in columns.items()}
        record, row_problems, notes = read_record(values, lookup, today, new_id, header, order)
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
    record, problems, notes = read_record(cells, TreatmentLookup(treatments, aliases), today, new_id)
    if record is not None:
        record, problem = _price_of(record, values.get("per"))
        problems = [("price", problem)] if problem else []
    return record, [QuoteProblem(None, column, message) for column, message in problems or notes]


def _price_of(record: dict, per: object) -> tuple[dict | None, str | None]:
    """The record with its price as the total for all it covers, from the form's answer to "is this the price
    of one session (unit...), or of all of them?" (`per`: "one" or "all"); it must be answered when the quote
    counts more than one."""
    n = record["quantity"]
    if n == 1 or record["covers"] in ("procedure", "course"):  # a course's price is the whole course's
        return record, None
    unit = record["covers"] if record["covers"] in COUNTED_UNITS else "session"
    if per not in PRICE_OF:
        said = f"{record['price']:,.2f}".removesuffix(".00")
        return None, f"is {said} the price of one {unit}, or of all {n}? Answer the question above."
    if per == "all":
        return record, None
    total = total_of(record["price"], n)
    problem = check_amount(total, f"{record['price']:,.2f} × {n}".replace(".00 ", " "))
    return (None, problem) if problem else ({**record, "price": total}, None)


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


def needs_attention(data: object, treatment_ids: Collection[str], today: date) -> list[dict]:
    """The stored quotes that are whole but whose treatment is no longer in the data (after a data update):
    kept as they are, to be shown as needing attention until the person fixes or removes them."""
    if not isinstance(data, list) or not treatment_ids:
        return []
    known = next(iter(treatment_ids))
    kept: list[dict] = []
    for item in data[: 2 * MAX_QUOTES]:
        tid = item.get("treatment_id") if type(item) is dict else None
        if not isinstance(tid, str) or tid in treatment_ids or not 0 < len(tid) <= MAX_CELL_CHARS:
            continue
        if clean_text(tid) == tid and _stored_record({**item, "treatment_id": known}, treatment_ids, today):
            kept.append({**item, "price": float(item["price"])})
    return kept[:MAX_QUOTES]


def _price_text(price: float) -> str:
    """A price as the upload reads it back: never exactly three decimals (read as a thousands separator)."""
    text = f"{price:.4f}".rstrip("0").rstrip(".")
    return text + "0" if len(text.partition(".")[2]) == 3 else text


def quotes_csv(saved: list[dict], treatments: Mapping[str, str]) -> bytes:
    """The saved quotes as a CSV that the upload reads back to the same quotes (UTF-8 with a BOM for Excel).

    `treatments` maps id -> name; a treatment no longer in the data keeps its id."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(QUOTE_CSV_COLUMNS)
    for q in saved:
        name = treatments.get(q["treatment_id"], q["treatment_id"])
        cells = (name, q["clinic"], _price_text(q["price"]), q["currency"], q["covers"], str(q["quantity"]), q["date"])
        writer.writerow(neutralise(c) for c in cells)
    return buffer.getvalue().encode("utf-8-sig")


def merge(existing: list[dict], new: list[dict], limit: int = MAX_QUOTES) -> tuple[list[dict], int, int]:
    """Existing quotes first, then the new ones not kept already, up to `limit`; also how many new ones were
    kept already (the same treatment, clinic, price, currency, cover, quantity and date as a quote kept or as an
    earlier new one: a file uploaded again, a quote added twice) and how many were dropped over the limit."""
    seen = {_content(x) for x in existing}
    fresh = []
    for record in new:
        if _content(record) not in seen:
            seen.add(_content(record))
            fresh.append(record)
    combined = [*existing, *fresh]
    limit = max(limit, 0)
    return combined[:limit], len(new) - len(fresh), max(len(combined) - limit, 0)


def _content(record: dict) -> tuple:
    """What a quote says (every field but its id), its price as the exports write it (4 decimals)."""
    return tuple(
        round(record[f], 4) if f == "price" and isinstance(record.get(f), float) else record.get(f)
        for f in FIELDS
        if f != "id"
    )


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
