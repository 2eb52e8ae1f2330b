"""What the quote tests share: the treatments, a fixed today, and uploads checked for what holds for every one."""

from __future__ import annotations

import base64
import csv
import io
import itertools
from datetime import date

from dashboard.quotes.records import QUOTE_CSV_COLUMNS, QuoteProblem, UploadResult, parse_upload, validate_stored

TREATMENTS = {
    "botulinum-toxin": "Botulinum toxin",
    "ha-filler": "Hyaluronic-acid filler",
    "abdominoplasty": "Abdominoplasty",
}
TODAY = date(2026, 3, 1)
LEAKS = ("Traceback", 'File "', "/home/", "site-packages")
HIDDEN = ("\u202e", "\u202d", "\u2066", "\u200f", "\x00", "\x1b", "\n")
HEADER = "treatment,clinic,price,currency,covers,quantity,date\n"


def data_url(raw: bytes | str, mime: str = "text/csv") -> str:
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    return f"data:{mime};base64," + base64.b64encode(raw).decode("ascii")


def counter_ids():
    numbers = itertools.count(1)
    return lambda: f"{next(numbers):012x}"


def check(result: UploadResult) -> UploadResult:
    """What holds for every upload: the right types, safe messages, and quotes that survive the round trip."""
    assert isinstance(result, UploadResult)
    assert all(isinstance(p, QuoteProblem) for p in result.problems)
    for problem in result.problems:
        text = str(problem)
        assert not any(leak in text for leak in LEAKS), text
        assert not any(ch in text for ch in HIDDEN), text
    for start in range(0, len(result.quotes), 500):  # the store holds at most 500
        chunk = result.quotes[start : start + 500]
        assert validate_stored(chunk, TREATMENTS, TODAY) == chunk
    return result


def upload(contents: bytes | str, filename: object = "quotes.csv") -> UploadResult:
    url = contents if isinstance(contents, str) and contents.startswith("data:") else data_url(contents)
    return check(parse_upload(url, filename, TREATMENTS, TODAY, new_id=counter_ids()))


def messages(result: UploadResult) -> str:
    return "\n".join(str(p) for p in result.problems)


def one_row(**cells: str) -> UploadResult:
    """A file with one quote: the given cells, in the canonical columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(QUOTE_CSV_COLUMNS)
    writer.writerow([cells.get(c, "") for c in QUOTE_CSV_COLUMNS])
    return upload(buffer.getvalue())


def quote(**fields) -> dict:
    record = {"id": "0123456789ab", "treatment_id": "ha-filler", "clinic": "Clinic A", "price": 700.0,
              "currency": "USD", "covers": "syringe", "quantity": 2, "date": "2025-06-01"}  # fmt: skip
    return {**record, **fields}
