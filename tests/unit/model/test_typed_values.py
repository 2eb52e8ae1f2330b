"""What people type, read as they mean it: one number reader for every field, the names people use in every
list, and today as the person's own zone has it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model import assumptions
from dashboard.model.name_search import fold, labelled_options, search_text, treatment_options
from dashboard.quotes.dates import latest_today, read_date, utc_today
from dashboard.quotes.prices import parse_price
from dashboard.quotes.value_parsers import read_number, read_text, reading_words

# text -> the value it reads as, or the two readings of an ambiguous text, or None (no number)
READINGS = [
    ("3000", 3000.0),
    ("3,000", 3000.0),  # a comma before three digits groups thousands, as the US and UK write it
    ("3.000", (3000.0, 3.0)),  # a point before three digits: 3,000 or 3? refused with both
    ("1.500", (1500.0, 1.5)),
    ("10.000", (10000.0, 10.0)),
    ("2,5", 2.5),  # one or two digits after a lone mark: the decimal mark
    ("2.5", 2.5),
    ("2,50", 2.5),
    ("0,1250", 0.125),  # four or more digits: the decimal mark
    ("1.000,50", 1000.5),  # both marks: the last is the decimal mark
    ("1,000.50", 1000.5),
    ("3.000,5", 3000.5),
    ("1,000,000", 1000000.0),  # one mark more than once groups thousands
    ("1.000.000", 1000000.0),
    ("1 234", 1234.0),
    ("1\u00a0234,5", 1234.5),  # a no-break space groups thousands too
    ("-0", 0.0),
    ("-0,0", 0.0),
    ("+7", 7.0),
    ("\u22125", -5.0),  # the minus sign
    (" 42 ", 42.0),
    ("1,23,456", None),  # groups of three only
    ("1,5,0", None),
    ("1.234.5", None),
    ("12.", None),
    (".5", None),
    ("1e3", None),
    ("inf", None),
    ("NaN", None),
    ("0x10", None),
    ("abc", None),
    ("", None),
    ("9" * 21, None),  # longer than any field takes
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_the_one_reader_over_a_table_of_texts(text, expected):
    reading = read_text(text)
    if isinstance(expected, tuple):
        assert reading.value is None and reading.choices == expected
    else:
        assert reading.value == expected and reading.choices == ()
        assert read_number(text) == expected


def test_minus_zero_is_zero_whichever_way_it_comes():
    assert str(read_number("-0")) == "0.0"
    assert str(read_number(-0.0)) == "0.0"
    assert str(read_text("-0,00").value) == "0.0"


@pytest.mark.parametrize(
    "text, said",
    [
        ("3,000", "Read as 3,000."),
        ("1.000,50", "Read as 1,000.5."),
        ("-0", "Read as 0."),
        ("2,5", "Read as 2.5."),
        ("3.000", "Did you mean 3,000 or 3? Write 3000 or 3."),
        ("1.500", "Did you mean 1,500 or 1.5? Write 1500 or 1.5."),
        ("3000", ""),  # plain digits: nothing to say
        ("abc", ""),  # no number: the field says it is refused
        ("", ""),
        (None, ""),
    ],
)
def test_the_reading_said_aloud(text, said):
    assert reading_words(text) == said


@pytest.mark.parametrize("text", ["3.000", "1.500", "10.000"])
def test_an_ambiguous_text_is_refused_the_same_way_by_the_price_and_the_assumption(text):
    _, _, problem = parse_price(text)
    assert "did you mean" in problem
    record, message = assumptions.parse(
        {"treatment_id": "microneedling", "field": "upkeep_months", "low": text}, {"microneedling"}
    )
    assert record is None and message == assumptions.Refusal("ambiguous", "upkeep_months", typed=text)


@pytest.mark.parametrize("text, value", [("3,000", 3000.0), ("1.000,50", 1000.5), ("2,5", 2.5), ("£1 234", 1234.0)])
def test_the_price_reads_as_every_other_field(text, value):
    assert parse_price(text)[0] == value
    assert read_text(text.lstrip("£")).value == value


# --- the names people use -----------------------------------------------------------------------

TREATMENTS = pd.DataFrame(
    {
        "id": ["botulinum-toxin", "microneedling-rf", "chemical-peel"],
        "name": ["Botulinum toxin injections", "Microneedling with radiofrequency", "Chemical peel (Jessner)"],
    }
)
ALIASES = {"Botox": "botulinum-toxin", "Morpheus8": "microneedling-rf", "Juvéderm": "ha-filler"}


def found(options, typed):
    """The labels a dcc.Dropdown shows for `typed`: each typed word (lower-cased) inside a word of the option's
    search text, as the dropdown searches it."""
    words = typed.lower().split()
    return [o["label"] for o in options if all(any(w in t for t in o["search"].split()) for w in words)]


@pytest.mark.parametrize(
    "typed, label",
    [
        ("Botox", "Botulinum toxin injections"),
        ("botox", "Botulinum toxin injections"),
        ("Morpheus8", "Microneedling with radiofrequency"),
        ("morph", "Microneedling with radiofrequency"),
        ("botulinum-toxin", "Botulinum toxin injections"),  # the id
        ("microneedling rf", "Microneedling with radiofrequency"),  # the id's words
        ("jessner", "Chemical peel (Jessner)"),
        ("toxin injections", "Botulinum toxin injections"),
    ],
)
def test_every_treatment_list_finds_names_ids_and_aliases(typed, label):
    assert found(treatment_options(TREATMENTS, ALIASES), typed) == [label]


def test_options_keep_their_names_and_order_and_an_alias_of_no_listed_treatment_adds_nothing():
    options = treatment_options(TREATMENTS, ALIASES)
    assert [o["label"] for o in options] == sorted(TREATMENTS["name"])
    assert [o["value"] for o in options] == ["botulinum-toxin", "chemical-peel", "microneedling-rf"]
    assert not any("juvederm" in o["search"] for o in options)


def test_accented_names_are_found_without_their_accents_and_folded_text_finds_them():
    assert fold("Acné Juvéderm ÉCLAT") == "acne juvederm eclat"
    assert search_text(["Acné scars"]) == "acné scars acne"
    concerns = labelled_options({"all": "All concerns", "acne-scars": "Acne scars", "redness": "Redness"})
    # the browser folds what is typed as the search texts were folded: "acné" is searched as "acne"
    assert found(concerns, fold("acné")) == ["Acne scars"]
    assert found(concerns, "acne-scars") == ["Acne scars"]


def test_the_bundled_aliases_are_in_the_lists():
    data = open_dataset()
    options = treatment_options(data.treatments, data.alias_map())
    names = data.treatments.set_index("id")["name"]
    assert found(options, "Botox") == [names["botulinum-toxin"]]
    assert found(options, "Morpheus8") == [names["microneedling-rf"]]
    assert found(options, "CoolSculpting") == [names["cryolipolysis"]]


# --- today in the person's own zone ---------------------------------------------------------------

AT_11_UTC = dt.datetime(2026, 12, 5, 11, 0, tzinfo=dt.UTC)  # already 6 December in Kiritimati (UTC+14)


def test_the_latest_today_is_the_day_where_it_starts_first():
    assert latest_today(AT_11_UTC) == dt.date(2026, 12, 6)
    assert latest_today(dt.datetime(2026, 12, 5, 9, 59, tzinfo=dt.UTC)) == dt.date(2026, 12, 5)
    assert utc_today(AT_11_UTC) == dt.date(2026, 12, 5)


def test_a_quote_dated_her_own_today_ahead_of_utc_is_not_in_the_future():
    assert read_date("2026-12-06", latest_today(AT_11_UTC)) == ("2026-12-06", None, None)
    assert read_date("2026-12-07", latest_today(AT_11_UTC))[1] == "'2026-12-07' is in the future"
