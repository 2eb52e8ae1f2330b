"""The bytes of an uploaded quotes file -> text: UTF-8 (with or without BOM), UTF-16 with BOM, or a
spreadsheet's legacy encoding told apart by charset-normalizer; the reading used is named when another
was plausible, so a user can re-save as UTF-8."""

from __future__ import annotations

import base64
import codecs
from dataclasses import dataclass

import charset_normalizer

from dashboard.quotes.upload import (
    BINARY,
    CELL_ENDS,
    DATA_URL,
    GUESSED_ENCODINGS,
    MAX_CHAOS,
    MAX_CONTENTS_CHARS,
    MAX_FILE_BYTES,
    NOT_A_FILE,
    NOT_CSV,
    NOT_CSV_MAGIC,
    OTHER_READING_CHAOS,
    TOO_LARGE,
    UNREADABLE_TEXT,
    UnreadableFile,
    shown,
)


def decode_contents(contents: object) -> tuple[str, EncodingGuess | None]:
    """(text, encoding guess or None) of a dcc.Upload data URL; raises UnreadableFile with the reason."""
    if contents is None:
        raise UnreadableFile("No file was received")
    if not isinstance(contents, str):
        raise UnreadableFile(NOT_A_FILE)
    if len(contents) > MAX_CONTENTS_CHARS:
        raise UnreadableFile(TOO_LARGE)
    prefix = DATA_URL.match(contents)
    if prefix is None:
        raise UnreadableFile(NOT_A_FILE)
    try:
        data = base64.b64decode(contents[prefix.end() :], validate=True)
    except ValueError:  # binascii.Error, or non-ASCII characters
        raise UnreadableFile("The upload is damaged (its data is not valid base64): try again") from None
    if not data:
        raise UnreadableFile("The file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(TOO_LARGE)
    if data.startswith(NOT_CSV_MAGIC):
        raise UnreadableFile(NOT_CSV)
    text, guessed = decode_bytes(data)
    if "\x00" in text:
        raise UnreadableFile(BINARY)
    if not text.strip():
        raise UnreadableFile("The file is empty")
    return text, guessed


@dataclass(frozen=True)
class EncodingGuess:
    """A non-UTF-8 file read in a guessed encoding, and where a second plausible reading differs."""

    encoding: str  # as shown to the user, e.g. "Mac Roman"
    line: int | None = None  # first line whose text depends on the guess (None: the readings agree)
    text: str = ""  # the cell there, as read

    def note(self) -> str | None:
        """The note to show when the guess matters, else None."""
        if self.line is None:
            return None
        return (
            f"The file is not UTF-8 and was read as {self.encoding}; check the first text this affects: "
            f"{shown(self.text)}. If its letters look wrong, save the file as CSV UTF-8 and upload it again"
        )


def decode_bytes(data: bytes) -> tuple[str, EncodingGuess | None]:
    """(text, guess or None when the file says its own encoding): UTF-16 only with a BOM; UTF-8 (BOM
    optional); else charset-normalizer's pick among the encodings spreadsheets save ("CSV" on
    Windows, "CSV (Macintosh)" on a Mac); else UnreadableFile."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise UnreadableFile(UNREADABLE_TEXT) from None
    if b"\x00" in data:  # UTF-16 without a BOM, UTF-32 or a binary file
        raise UnreadableFile(BINARY)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        if data.startswith(codecs.BOM_UTF8):  # says UTF-8 but is not: do not guess
            raise UnreadableFile(UNREADABLE_TEXT) from None
    results = charset_normalizer.from_bytes(data, cp_isolation=list(GUESSED_ENCODINGS))
    best = results.best()
    if best is None or best.chaos > MAX_CHAOS:
        raise UnreadableFile(UNREADABLE_TEXT)
    text = str(best)
    guess = EncodingGuess(GUESSED_ENCODINGS[codecs.lookup(best.encoding).name])
    for other in results:
        if other.chaos <= OTHER_READING_CHAOS and str(other) != text:
            return text, _first_difference(guess, text, str(other))
    return text, guess


def _first_difference(guess: EncodingGuess, text: str, other: str) -> EncodingGuess:
    """The guess with the line and cell where two single-byte readings of the same bytes first differ."""
    i = next(i for i, (a, b) in enumerate(zip(text, other, strict=False)) if a != b)
    start = max(text.rfind(c, 0, i) for c in CELL_ENDS) + 1
    ends = [j for j in (text.find(c, i) for c in CELL_ENDS) if j != -1]
    line = text.count("\n", 0, i) + text.count("\r", 0, i) - text.count("\r\n", 0, i) + 1
    return EncodingGuess(guess.encoding, line, text[start : min(ends, default=len(text))])
