"""An uploaded quotes file (a dcc.Upload data URL) as CSV rows, or the reason it cannot be read.

Everything here is attacker input: sizes are checked before work is done, bytes are decoded by
hand (never by pandas or the file system) and the filename is only ever shown, never opened.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from dashboard.formula import first_visible
from dashboard.quotes.currency_marks import split_marks

QUOTE_CSV_COLUMNS = ("treatment", "clinic", "price", "currency", "covers", "quantity", "date")
REQUIRED_COLUMNS = ("treatment", "price")
MAX_CONTENTS_CHARS = 1_450_000  # base64 of 1 MiB plus the "data:...;base64," prefix
MAX_FILE_BYTES = 1_048_576
# The upload component's own limit (dcc.Upload max_size, checked in the browser only). It is above
# MAX_FILE_BYTES so that a slightly larger file still reaches the server and gets TOO_LARGE, and small
# enough that its data URL (base64: 4/3 of the bytes) plus the largest quote store fits in a request
# (security.MAX_REQUEST_BYTES); tests/unit/test_quote_files.py checks the sum. A larger file is dropped by
# the browser without a callback.
UPLOAD_COMPONENT_MAX_BYTES = 1_250_000
MAX_DATA_ROWS = 5_000
MAX_FILENAME_CHARS = 80
MAX_COLUMNS = 20
MAX_COLUMN_NAME_CHARS = 64
SNIFF_CHARS = 4096
# What spreadsheets save text tables as: "CSV" (comma or, in many European locales, semicolon), "Text
# (tab-delimited)" and "Unicode Text" (UTF-16 with tabs, .txt), and .tsv.
EXTENSIONS = ("csv", "tsv", "txt")
# A spreadsheet's own file, by extension: what it is, and how its program saves it as CSV (the menus of Excel 365,
# LibreOffice 24 and Numbers 14).
_EXCEL = (
    "an Excel workbook",
    "in Excel choose File › Save As (or Save a Copy), pick the type “CSV UTF-8 (Comma delimited) (*.csv)”, and "
    "upload that file",
)
SAVE_AS_CSV = {
    "xlsx": _EXCEL, "xlsm": _EXCEL, "xlsb": _EXCEL, "xls": _EXCEL,
    "ods": ("a LibreOffice spreadsheet", "choose File › Save As, pick the type “Text CSV (.csv)”, and upload that file"),
    "numbers": ("a Numbers spreadsheet", "choose File › Export To › CSV…, and upload that file"),
}  # fmt: skip
DELIMITERS = ",;\t"
# Encodings a spreadsheet saves "CSV" in when it is not UTF-8 (codec name -> name shown to the user).
GUESSED_ENCODINGS = {"cp1252": "Windows-1252", "mac-roman": "Mac Roman"}
CELL_ENDS = ',;\t\r\n"'
# charset-normalizer's "mess" ratio: a best reading messier than MAX_CHAOS is refused, not guessed (plain
# text in the right encoding scores 0; stray bytes that decode to letters soup score more); another
# reading up to OTHER_READING_CHAOS is plausible enough to make the guess worth saying.
MAX_CHAOS = 0.02
OTHER_READING_CHAOS = 0.05

# Bounded prefix, so matching is linear whatever follows.
DATA_URL = re.compile(r"data:[^,]{0,100};base64,")
NOT_CSV_MAGIC = (
    b"PK\x03\x04",  # ZIP, so also XLSX and ODS
    b"PK\x05\x06",  # empty ZIP
    b"\xd0\xcf\x11\xe0",  # OLE: legacy XLS and DOC
    b"%PDF",
    b"\x89PNG\r\n\x1a\n",
)
# Header (case-, space-, hyphen- and underscore-insensitive) -> (column, what the header implies):
# a quantity header names what it counts, so it sets the unit. A price header may also name its currency and say
# its prices are each of one (`price_header`: "Price (GBP)", "Cost (£)", "Price in USD", "Unit price (£)").
HEADER_ALIASES = {
    "treatment": ("treatment", None), "procedure": ("treatment", None),
    "clinic": ("clinic", None), "provider": ("clinic", None), "clinic name": ("clinic", None),
    "price": ("price", None), "cost": ("price", None), "amount": ("price", None),
    "currency": ("currency", None),
    "covers": ("covers", None), "unit": ("covers", None), "price covers": ("covers", None),
    "quantity": ("quantity", None), "sessions": ("quantity", "session"), "units": ("quantity", "unit"),
    "syringes": ("quantity", "syringe"), "vials": ("quantity", "vial"), "areas": ("quantity", "area"),
    "date": ("date", None),
}  # fmt: skip
# Bidi embedding/override/isolate controls and marks (Trojan-source characters), plus stray BOMs.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\ufeff")

# str.translate table: whitespace controls become spaces; other controls, bidi and surrogates go.
_CLEANING = {
    **{code: None for code in [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]},
    **{ord(ch): None for ch in BIDI_CONTROLS},
    **{ord(ch): " " for ch in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85"},
}

NOT_A_FILE = "The upload could not be read: no file data was received"
NOT_CSV = "This is not a CSV file: save it from your spreadsheet as CSV UTF-8 and upload that"
BINARY = "This is not a CSV file: it contains binary data. If you saved it as 'Unicode text', save it as CSV UTF-8"
UNREADABLE_TEXT = "Could not read the text: save the file as CSV UTF-8"
TOO_LARGE = "The file is larger than 1 MiB: split it into smaller files"


class UnreadableFile(ValueError):
    """A whole-file reason the upload cannot be used, in words for the user."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def clean_text(value: str) -> str:
    """NFC text without control, bidi or surrogate characters, nor leading invisible format characters
    (so the first character is the first visible one), whitespace runs collapsed to one space."""
    if not (value.isascii() and value.isprintable()):  # the fast path covers most cells
        value = unicodedata.normalize("NFC", value.translate(_CLEANING))
        value = value[first_visible(value) :]
    return " ".join(value.split())


def shown(value: object) -> str:
    """A value for a message: quoted, cleaned and at most 40 characters."""
    if isinstance(value, bool) or value is None or not isinstance(value, (str, int, float)):
        return f"a {type(value).__name__} value"
    if isinstance(value, int) and abs(value) >= 10**40:
        return "a very large number"
    text = clean_text(value) if isinstance(value, str) else repr(value)
    return f"'{text if len(text) <= 40 else text[:39] + '…'}'"


def name_key(text: str) -> str:
    """The form in which names are compared: casefolded, hyphens and underscores as spaces, spaces collapsed."""
    return " ".join(clean_text(text).casefold().replace("-", " ").replace("_", " ").split())


def display_filename(filename: object) -> str:
    """The filename as safe display text: cleaned and at most 80 characters."""
    name = clean_text(filename) if isinstance(filename, str) else ""
    return name if len(name) <= MAX_FILENAME_CHARS else name[: MAX_FILENAME_CHARS - 1] + "…"


def filename_problem(filename: object) -> str | None:
    """Why the filename's extension is not acceptable (.csv, .tsv, .txt or none), or None."""
    if not isinstance(filename, str):
        return None  # the name is only used in messages
    base = re.split(r"[/\\]", clean_text(filename))[-1]
    extension = base.rpartition(".")[2].casefold() if "." in base else ""
    if extension in ("", *EXTENSIONS):
        return None
    name = display_filename(filename)
    if extension in SAVE_AS_CSV:
        what, how = SAVE_AS_CSV[extension]
        return f"'{name}' is {what}, not a CSV file: {how}"
    return f"'{name}' is not a CSV file: only .csv, .tsv or .txt files can be uploaded"


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: csv.Sniffer on the first 4 KiB, checked against the first line.

    Compared with CleverCSV 0.8.5 on the files spreadsheets write (Excel's semicolon CSV with a delimiter
    ending every row, LibreOffice, Google Sheets, Excel's Unicode Text, one-row files; tests/unit/
    test_quote_delimiters.py), this gives the same delimiter for every one; CleverCSV would add three
    dependencies and take ten times as long, so the standard library is kept.
    """
    sample = text[:SNIFF_CHARS]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    first_line = next((line for line in sample.splitlines() if line.strip()), "")
    if delimiter in first_line:
        return delimiter
    # The sniffer guessed from later lines; the header line is the better witness.
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=counts.__getitem__)
    return best if counts[best] else ","


def trim_row(cells: list[str]) -> list[str]:
    """The cells without the empty ones at the end (a spreadsheet may end every row with a delimiter)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def fit_row(cells: list[str], header: Header, width: int) -> tuple[list[str] | None, str | None]:
    """(the row as `width` cells, None), or (None, why not): empty cells at the end are ignored, and a row
    that stops before its optional last cells reads them as empty; one that stops before a required
    column, or has more cells than the header, is refused."""
    cells = trim_row(cells)
    if len(cells) > width:
        return None, f"expected {width} fields, found {len(cells)}"
    cut = [c for c in REQUIRED_COLUMNS if header.columns[c] >= len(cells)]
    if cut:
        return None, f"expected {width} fields, found {len(cells)}: the row stops before the {' and '.join(cut)} column"
    return cells + [""] * (width - len(cells)), None


def read_rows(text: str) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """(header line, header cells without empty ones at the end, [(line, cells)]) with blank lines skipped;
    raises UnreadableFile.

    Lines are counted as in a text editor, the first being 1; a row's line is where it starts.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    header: tuple[int, list[str]] | None = None
    rows: list[tuple[int, list[str]]] = []
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = (start, trim_row(cells))
            elif len(rows) == MAX_DATA_ROWS:
                raise UnreadableFile(f"The file has more than {MAX_DATA_ROWS:,} quotes: split it into smaller files")
            else:
                rows.append((start, cells))
    except csv.Error:  # e.g. a quote left open until a cell passes the csv module's size limit
        raise UnreadableFile(
            "This line could not be read as CSV: a cell is far too long, or a quote mark is never closed", line + 1
        ) from None
    if header is None:
        raise UnreadableFile("The file is empty")
    return header[0], header[1], rows


@dataclass(frozen=True)
class Header:
    """Where each quote column is, and what the header itself says about the values."""

    columns: dict[str, int]  # quote column -> index in the row
    currency: str | None  # the currency a price header names, e.g. "Price (GBP)"
    counted: str | None  # the unit a quantity header counts, e.g. "units" -> "unit"
    counted_name: str | None  # that header as written
    ignored: list[str]  # header names not used for quotes
    price_each: bool = False  # the price header says each price is of one ("Unit price"): times the quantity
    price_covers: str | None = None  # what the price header says one price is of ("Price per syringe": "syringe")
    price_name: str | None = None  # that header as written


# What a price header may name the price of: one of what a quantity counts (so each price is times the quantity), or
# the whole course or procedure.
_PRICE_OF_ONE = ("session", "unit", "syringe", "vial", "area")
_PRICE_OF_ALL = ("course", "procedure")


@dataclass(frozen=True)
class PriceHeader:
    """What a price column's header says of its prices: their currency (None: not said), whether each is the price
    of one (`each`: times the quantity), and what it is the price of (`covers`: "syringe" of "Price per syringe",
    "course" of "Price per course"; None: not said)."""

    currency: str | None
    each: bool
    covers: str | None


def price_header(name: str) -> PriceHeader | None:
    """What a price header says beyond "price", in any order: its currency by code or sign ("Price (GBP)", "Cost
    (£) per session", "Price in USD", "Amount [$]"; "Price (CAD)" -> currency_marks.OTHER_CURRENCY and "Price
    (EUR)" -> "EUR", both refused for each quote), and what one price is of ("Unit price", "Price each", "Price of
    one session", "Price per syringe", "Price per course"). "Total price" and "Total" are the price of all. None
    when it is not such a header ("Price list", "Price per visit")."""
    words = name_key(name).replace("(", " ( ").replace(")", " ) ").replace("[", " [ ").replace("]", " ] ").split()
    words = [w for w in words if w not in ("(", ")", "[", "]")]
    each, covers, currency = False, None, None
    if words == ["total"]:
        words = ["price"]
    elif words[:1] in (["unit"], ["total"]):
        each, words = words[0] == "unit", words[1:]
    if words[:1] not in (["price"], ["cost"], ["amount"]):
        return None
    rest = words[1:]
    while rest:
        word, following = rest[0], rest[1:2]
        if word == "each":
            each, rest = True, rest[1:]
        elif word == "of" and following == ["one"]:
            each, rest = True, rest[2:]
            if rest[:1] and rest[0] in _PRICE_OF_ONE:
                covers, rest = rest[0], rest[1:]
        elif word in ("per", "a", "for") and following and following[0].removesuffix("s") in _PRICE_OF_ONE:
            each, covers, rest = True, following[0].removesuffix("s"), rest[2:]
        elif word in ("per", "a", "for") and following and following[0] in _PRICE_OF_ALL:
            covers, rest = following[0], rest[2:]
        elif word == "in" and following:
            rest = rest[1:]
        else:
            number, marks, negative = split_marks(word)
            if number or negative or len(marks) != 1 or currency is not None:
                return None
            currency, rest = marks.pop(), rest[1:]
    return PriceHeader(currency, each, covers)


def map_header(header: list[str]) -> Header:
    """The quote columns of a header row; raises UnreadableFile."""
    if len(header) > MAX_COLUMNS:
        raise UnreadableFile(f"The file has {len(header):,} columns; at most {MAX_COLUMNS} are allowed")
    if any(len(name) > MAX_COLUMN_NAME_CHARS for name in header):
        raise UnreadableFile(f"A column name is longer than {MAX_COLUMN_NAME_CHARS} characters: is the header missing?")
    found: dict[str, int] = {}
    implied: dict[str, str | None] = {"price": None, "quantity": None}
    ignored = []
    priced = None
    for index, name in enumerate(header):
        column, meaning = HEADER_ALIASES.get(name_key(name), (None, None))
        read = price_header(name) if column is None else None
        if read is not None:
            column, meaning, priced = "price", read.currency, read
        if column is None:
            ignored += [name] if name.strip() else []
        elif column in found:
            first = shown(header[found[column]])
            raise UnreadableFile(f"The columns {first} and {shown(name)} both give the {column}: keep one")
        else:
            found[column] = index
            implied[column] = meaning if column in implied else None
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        optional = ", ".join(c for c in QUOTE_CSV_COLUMNS if c not in REQUIRED_COLUMNS)
        raise UnreadableFile(
            f"The file has no {' or '.join(missing)} column. Required columns: {', '.join(REQUIRED_COLUMNS)};"
            f" optional: {optional}. Download the template to see the layout"
        )
    counted = implied["quantity"]
    counted_name = header[found["quantity"]].strip() if counted else None
    of = priced.covers if priced else None
    price_name = header[found["price"]].strip() if of else None
    if of and counted and of != counted and not (counted == "session" and of == "course"):
        raise UnreadableFile(
            f"The columns {shown(price_name)} and {shown(counted_name)} disagree: one prices {of}s, the other counts "
            f"{counted}s. Make them agree"
        )
    return Header(found, implied["price"], counted, counted_name, ignored, bool(priced and priced.each), of, price_name)
