"""Quote records coming back from the browser (kept, or dropped when forged), and new quotes merged into the store."""

from __future__ import annotations

import time

import pytest

from dashboard.quotes.records import merge, validate_stored
from tests.unit.quote_helpers import TODAY, TREATMENTS, quote

# --- records coming back from the browser -------------------------------------------------------


def test_valid_stored_records_are_kept_and_json_integers_become_floats():
    surgery = quote(id="0123456789ac", price=950, covers="procedure", quantity=1, date="", clinic="(no clinic name)")
    records = [quote(), surgery]
    kept = validate_stored(records, TREATMENTS, TODAY)
    assert kept == [quote(), {**records[1], "price": 950.0}]
    assert isinstance(kept[1]["price"], float)


FORGED = [
    ("extra key", {**quote(), "__proto__": {}}),
    ("missing key", {k: v for k, v in quote().items() if k != "date"}),
    ("id too short", quote(id="abc")),
    ("id upper case", quote(id="0123456789AB")),
    ("id not a string", quote(id=123456789012)),
    ("unknown treatment", quote(treatment_id="liposuction")),
    ("treatment not a string", quote(treatment_id=["ha-filler"])),
    ("clinic not a string", quote(clinic=None)),
    ("clinic empty", quote(clinic="")),
    ("clinic too long", quote(clinic="c" * 201)),
    ("clinic with bidi override", quote(clinic="A\u202eB")),
    ("clinic with lone surrogate", quote(clinic="A\ud800")),
    ("price NaN", quote(price=float("nan"))),
    ("price infinite", quote(price=float("inf"))),
    ("price zero", quote(price=0)),
    ("price negative", quote(price=-5.0)),
    ("price too high", quote(price=1_000_000.5)),
    ("price a string", quote(price="700")),
    ("price a bool", quote(price=True)),
    ("currency EUR", quote(currency="EUR")),
    ("currency a list", quote(currency=["USD"])),
    ("covers unknown", quote(covers="gram")),
    ("quantity zero", quote(quantity=0)),
    ("quantity 101", quote(quantity=101)),
    ("quantity a float", quote(quantity=2.0)),
    ("quantity a bool", quote(quantity=True)),
    ("procedure with quantity 2", quote(covers="procedure", quantity=2)),
    ("date in the future", quote(date="2026-03-02")),
    ("date not ISO", quote(date="01/06/2025")),
    ("date unpadded", quote(date="2025-6-1")),
    ("date not a string", quote(date=20250601)),
    ("a list instead of a record", list(quote().items())),
    ("a string instead of a record", "quote"),
    ("None instead of a record", None),
]


@pytest.mark.parametrize("forged", [f[1] for f in FORGED], ids=[f[0] for f in FORGED])
def test_forged_records_are_dropped(forged):
    assert validate_stored([forged, quote()], TREATMENTS, TODAY) == [quote()]


@pytest.mark.parametrize("data", [None, {"0": quote()}, "[]", 5, float("nan"), True, (quote(),)])
def test_stored_data_that_is_not_a_list_gives_no_quotes(data):
    assert validate_stored(data, TREATMENTS, TODAY) == []


def test_ten_thousand_stored_records_are_cut_to_500_quickly():
    records = [quote(id=f"{i:012x}") for i in range(10_000)]
    start = time.process_time()
    kept = validate_stored(records, TREATMENTS, TODAY)
    assert time.process_time() - start < 1
    assert [q["id"] for q in kept] == [f"{i:012x}" for i in range(500)]


def test_duplicate_stored_ids_are_dropped():
    assert validate_stored([quote(), quote(price=1.0), quote()], TREATMENTS, TODAY) == [quote()]


# --- merge --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "existing, new, limit, kept, dropped",
    [(2, 3, 500, 5, 0), (499, 1, 500, 500, 0), (499, 3, 500, 500, 2), (500, 5, 500, 500, 5), (0, 0, 500, 0, 0),
     (3, 3, 4, 4, 2)],
)  # fmt: skip
def test_merge_keeps_existing_first_up_to_the_limit(existing, new, limit, kept, dropped):
    old = [quote(id=f"a{i:011x}", clinic=f"Clinic a{i}") for i in range(existing)]
    fresh = [quote(id=f"b{i:011x}", clinic=f"Clinic b{i}") for i in range(new)]
    merged, repeated, over = merge(old, fresh, limit)
    assert (len(merged), repeated, over) == (kept, 0, dropped)
    assert merged == (old + fresh)[:limit]


def test_merge_does_not_keep_a_quote_twice():
    kept = [quote(id="a00000000001", clinic="Glow"), quote(id="a00000000002", clinic="Skin Studio")]
    again = [quote(id="b00000000001", clinic="Glow"), quote(id="b00000000002", clinic="New Clinic")]
    twice = [quote(id="c00000000001", clinic="Other"), quote(id="c00000000002", clinic="Other")]
    merged, repeated, over = merge(kept, again + twice)
    assert [x["clinic"] for x in merged] == ["Glow", "Skin Studio", "New Clinic", "Other"]
    assert (repeated, over) == (2, 0)
    assert [x["id"] for x in merged[:2]] == ["a00000000001", "a00000000002"]  # the quotes kept keep their ids
