"""Limits on time, and fuzzing: no upload, stored data or form input raises, and none takes over a second."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.quotes.records import QUOTE_CSV_COLUMNS, parse_form, parse_upload, validate_stored
from tests.unit.quote_helpers import HEADER, TODAY, TREATMENTS, check, data_url, upload

# --- limits on time, and fuzzing ----------------------------------------------------------------

WORST_CASES = [
    ("1 MiB of blank lines", "treatment,price\n" + "\n" * 1_048_000),
    ("1 MiB of delimiters", "treatment,price\n" + ",\n" * 524_000),
    (
        "5,000 unknown treatments",
        "treatment,price,currency\n" + "".join(f"t{i:06d}{'q' * 170},1,USD\n" for i in range(5000)),
    ),
    ("5,000 long bad prices", "treatment,price,currency\n" + ("ha-filler," + "$" * 190 + "1,USD\n") * 5000),
    ("5,000 non-ASCII clinics", "treatment,clinic,price\n" + ("ha-filler," + "é\u202eß " * 45 + ",$1\n") * 5000),
    ("sniffer trap", ',"x' * 1400 + "\n" + "a,b\n" * 200_000),
]


@pytest.mark.parametrize("text", [c[1] for c in WORST_CASES], ids=[c[0] for c in WORST_CASES])
def test_worst_case_inputs_finish_within_a_second(text):
    raw = text.encode()[:1_048_576]
    start = time.process_time()
    upload(raw)
    assert time.process_time() - start < 1


FUZZ = settings(max_examples=300, deadline=5000, database=None, derandomize=True)
CSV_ALPHABET = st.sampled_from(
    [*",;\t\"'\r\n \u00a0\u202e\u200f\x00$£€.-0123456789eE", *"abcXYZé", *QUOTE_CSV_COLUMNS]
    + ["ha-filler", "Botulinum toxin", "USD", "GBP", "NaN", "inf", "procedure", "2025-01-15", "1,234.50"]
)  # fmt: skip


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["text/csv", "", "application/octet-stream"]))
def test_fuzz_random_bytes_never_raise(raw, mime):
    check(parse_upload(data_url(raw, mime), "fuzz.csv", TREATMENTS, TODAY))


@FUZZ
@given(st.lists(CSV_ALPHABET, max_size=300).map("".join), st.booleans())
def test_fuzz_csv_like_text_never_raises(text, with_header):
    check(parse_upload(data_url((HEADER if with_header else "") + text), "fuzz.csv", TREATMENTS, TODAY))


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_any_text_never_raises(text):
    check(parse_upload(data_url(text), "fuzz.csv", TREATMENTS, TODAY))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(JSON, st.dictionaries(st.sampled_from(QUOTE_CSV_COLUMNS), JSON))
def test_fuzz_forged_store_and_form_never_raise(stored, form):
    kept = validate_stored(stored, TREATMENTS, TODAY)
    assert isinstance(kept, list) and len(kept) <= 500
    record, problems = parse_form(form, TREATMENTS, TODAY)  # problems, or notes on an accepted record
    assert record is not None or problems
    if record is not None:
        assert all(p.column == "date" for p in problems)
        assert validate_stored([record], TREATMENTS, TODAY) == [record]
