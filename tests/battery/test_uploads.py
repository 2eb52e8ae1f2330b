"""Uploads: 50 malformed files through the live callback: a clear message within 1 s, never a 5xx,
and the quotes already saved are kept."""

import base64
import time

import pytest

from tests.http.test_quote_callbacks import FILLER, messages, quote_request

HEADER = "treatment,clinic,price,currency\n"
GOOD = "Hyaluronic-acid filler,A,700,USD\n"


def url(data: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode()


MALFORMED = {
    # encodings
    "utf16-no-bom": url((HEADER + GOOD).encode("utf-16-le")),
    "utf32": url((HEADER + GOOD).encode("utf-32")),
    "nul-bytes": url((HEADER + "Hyaluronic-acid filler,A\0,700,USD\n").encode()),
    "bom-only": url(b"\xef\xbb\xbf"),
    "invalid-utf8-and-cp1252": url(HEADER.encode() + b"Abdominoplasty,\x81\x8d\x8f\x90,700,USD\n"),
    "lone-surrogate-escape": url((HEADER + "Abdominoplasty,\\ud800,700,USD\n").encode()),
    "odd-utf16": url(b"\xff\xfe" + "treatment".encode("utf-16-le") + b"\x00"),
    "mixed-encodings": url(HEADER.encode("utf-16") + GOOD.encode()),
    # structure
    "empty": url(b""),
    "header-only": url(HEADER.encode()),
    "blank-lines-only": url(b"\n\n\r\n\n"),
    "ragged-short": url((HEADER + "Abdominoplasty,A\n").encode()),
    "ragged-long": url((HEADER + "Abdominoplasty,A,700,USD,extra,more\n").encode()),
    "trailing-delimiter": url((HEADER.strip() + "\n" + "Abdominoplasty,A,700,USD,\n").encode()),
    "unbalanced-quote": url((HEADER + 'Abdominoplasty,"A,700,USD\n').encode()),
    "quote-in-unquoted": url((HEADER + 'Abdominoplasty,A"b,70"0,USD\n').encode()),
    "cr-only": url((HEADER + "Abdominoplasty,A,x,USD\r").replace("\n", "\r").encode()),
    "1000-columns": url((",".join(f"c{i}" for i in range(1000)) + "\n").encode()),
    "duplicate-headers": url(b"treatment,Treatment,price,currency\nA,B,1,USD\n"),
    "formula-header": url(b"=1+1,price\nA,1\n"),
    "proto-headers": url(b"__proto__,constructor\nA,B\n"),
    "missing-price-column": url(b"treatment,clinic\nAbdominoplasty,A\n"),
    # values
    "negative-price": url((HEADER + "Abdominoplasty,A,-5,USD\n").encode()),
    "zero-price": url((HEADER + "Abdominoplasty,A,0,USD\n").encode()),
    "nan-price": url((HEADER + "Abdominoplasty,A,NaN,USD\n").encode()),
    "inf-price": url((HEADER + "Abdominoplasty,A,inf,USD\n").encode()),
    "1e309-price": url((HEADER + "Abdominoplasty,A,1e309,USD\n").encode()),
    "absurd-price": url((HEADER + "Abdominoplasty,A,999999999,USD\n").encode()),
    "letters-in-price": url((HEADER + "Abdominoplasty,A,12abc,USD\n").encode()),
    "euro": url((HEADER + "Abdominoplasty,A,€1 234,EUR\n").encode()),
    "unknown-currency": url((HEADER + "Abdominoplasty,A,100,XYZ\n").encode()),
    "currency-conflict": url((HEADER + "Abdominoplasty,A,£100,USD\n").encode()),
    "long-label": url((HEADER + "Abdominoplasty," + "A" * 201 + ",100,USD\n").encode()),
    "unknown-treatment": url((HEADER + "Unicorn facial,A,100,USD\n").encode()),
    "future-date": url(b"treatment,price,currency,date\nAbdominoplasty,100,USD,2999-01-01\n"),
    "bad-date": url(b"treatment,price,currency,date\nAbdominoplasty,100,USD,31/31/2020\n"),
    # size
    "5001-rows": url((HEADER + "Abdominoplasty,A,100,USD\n" * 5001).encode()),
    "900kb-field": url((HEADER + "Abdominoplasty," + "A" * 900_000 + ",100,USD\n").encode()),
    "over-1mib": url(b"a" * (1024 * 1024 + 1)),
    "1.1-mib-of-valid-rows": url((HEADER + GOOD * (int(1.1 * 1024 * 1024) // len(GOOD))).encode()),
    "150000-empty-rows": url(HEADER.encode() + b",,,\n" * 150_000),
    "quote-storm": url(b'"' * 1000),
    "1mb-line-no-newline": url(b"x" * 1_000_000),
    # wrong type
    "png": url(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png"),
    "zip-xlsx": url(b"PK\x03\x04" + b"\x00" * 100),
    "pdf": url(b"%PDF-1.7\n" + b"x" * 100),
    "html": url(b"<!doctype html><html><body><script>alert(1)</script></body></html>"),
    "json": url(b'{"treatment": "Abdominoplasty", "price": 100}'),
    "not-base64": "data:text/csv;base64,@@@not*base64@@@",
    "not-a-data-url": "hello",
    "wrong-type": 12345,
}


def test_there_are_at_least_50_malformed_files():
    assert len(MALFORMED) >= 50


NOT_CSV = "File: This is not a CSV file"
BINARY = NOT_CSV + ": it contains binary data"
UNREADABLE = "File: Could not read the text: save the file as CSV UTF-8"
TOO_LONG = "This line could not be read as CSV"
# What the user is told about each file: the line (or the file) and the reason.
EXPECTED = {
    "utf16-no-bom": BINARY,
    "utf32": BINARY,
    "nul-bytes": BINARY,
    "bom-only": "File: The file is empty",
    "invalid-utf8-and-cp1252": UNREADABLE,
    "odd-utf16": UNREADABLE,
    "mixed-encodings": UNREADABLE,
    "empty": "File: The file is empty",
    "header-only": "File: The file has a header but no quotes",
    "blank-lines-only": "File: The file is empty",
    "ragged-short": "Line 2: expected 4 fields, found 2: the row stops before the price column",
    "ragged-long": "Line 2: expected 4 fields, found 6",
    "unbalanced-quote": "Line 2: expected 4 fields, found 2: the row stops before the price column",
    "quote-in-unquoted": "Line 2, price: '70\"0' is not a price",
    "cr-only": "Line 2, price: 'x' is not a price",
    "1000-columns": "File: The file has 1,000 columns; at most 20",
    "duplicate-headers": "File: The columns 'treatment' and 'Treatment' both give the treatment",
    "formula-header": "File: The file has no treatment column",
    "proto-headers": "File: The file has no treatment or price column",
    "missing-price-column": "File: The file has no price column",
    "negative-price": "Line 2, price: '-5': a price must be more than 0",
    "zero-price": "Line 2, price: '0': a price must be more than 0",
    "nan-price": "Line 2, price: 'NaN' is not a price",
    "inf-price": "Line 2, price: 'inf' is not a price",
    "1e309-price": "Line 2, price: '1e309' is not a price",
    "absurd-price": "Line 2, price: '999999999' is more than 1,000,000",
    "letters-in-price": "Line 2, price: '12abc' is not a price",
    "euro": "Line 2, currency: Only USD and GBP quotes can be compared",
    "unknown-currency": "Line 2, currency: 'XYZ' is not a currency",
    "currency-conflict": "Line 2, currency: USD and GBP disagree",
    "long-label": "Line 2, clinic: the cell is longer than 200 characters",
    "unknown-treatment": "Line 2, treatment: Unknown treatment 'Unicorn facial'. Did you mean",
    "future-date": "Line 2, date: '2999-01-01' is in the future",
    "bad-date": "Line 2, date: '31/31/2020' is not a real date",
    "5001-rows": "File: The file has more than 5,000 quotes",
    "900kb-field": "Line 2: " + TOO_LONG,
    "over-1mib": "File: The file is larger than 1 MiB",
    "1.1-mib-of-valid-rows": "File: The file is larger than 1 MiB: split it into smaller files",
    "150000-empty-rows": "File: The file has a header but no quotes",
    "quote-storm": "File: A column name is longer than 64 characters",
    "1mb-line-no-newline": "Line 1: " + TOO_LONG,
    "png": NOT_CSV,
    "zip-xlsx": NOT_CSV,
    "pdf": NOT_CSV,
    "html": "File: A column name is longer than 64 characters",
    "json": "File: The file has no treatment or price column",
    "not-base64": "File: The upload is damaged",
    "not-a-data-url": "File: The upload could not be read",
    "wrong-type": "File: The upload could not be read",
}
# Text that merely looks like an escape sequence is a valid clinic name, kept as written; a delimiter
# ending the row (as spreadsheets write) leaves an empty last cell, which is ignored.
KEPT_AS_TEXT = {"lone-surrogate-escape": "\\ud800", "trailing-delimiter": "A"}


def test_every_malformed_file_has_an_expected_message():
    assert set(EXPECTED) | set(KEPT_AS_TEXT) == set(MALFORMED)


def test_a_1_1_mib_file_of_valid_rows_gets_the_size_message(client):
    out = quote_request(
        client,
        "quote-upload.contents",
        contents=MALFORMED["1.1-mib-of-valid-rows"],
        filename="big.csv",
        stored=[FILLER],
    )
    assert out["quotes-store"]["data"] == [FILLER]
    assert messages(out) == [
        "0 quotes added from the file.",
        "File: The file is larger than 1 MiB: split it into smaller files",
    ]


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_upload_gets_a_clear_message_and_keeps_saved_quotes(client, name):
    start = time.process_time()
    out = quote_request(
        client, "quote-upload.contents", contents=MALFORMED[name], filename=f"{name}.csv", stored=[FILLER]
    )
    elapsed = time.process_time() - start
    assert elapsed < 1.0, f"{name} took {elapsed:.2f}s"
    saved, text = out["quotes-store"]["data"], messages(out)
    assert saved[0] == FILLER
    assert not any(leak in m for m in text for leak in ("Traceback", "site-packages", 'File "')), text
    if name in KEPT_AS_TEXT:
        assert text[0] == "1 quote added from the file." and saved[1]["clinic"] == KEPT_AS_TEXT[name]
        assert [m.startswith("Read as: ") for m in text[1:]] == [True]  # the row's reading, with its arithmetic
    else:
        assert text[0] == "0 quotes added from the file." and saved == [FILLER]
        assert any(m.startswith(EXPECTED[name]) for m in text[1:]), text
