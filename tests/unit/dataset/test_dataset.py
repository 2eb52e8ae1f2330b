"""The loader: one test per kind of defect, each on a small broken copy made here."""

from pathlib import Path

import pytest

from dashboard import vocab
from dashboard.dataset import schema
from dashboard.dataset.problems import DatasetError, Problem
from dashboard.dataset.storage import open_dataset
from tests import factory
from tests.factory import changed, write_dataset


def problems_for(tmp_path, **tables) -> list[Problem]:
    folder = write_dataset(tmp_path / "broken", **tables)
    with pytest.raises(DatasetError) as err:
        open_dataset(folder)
    return err.value.problems


def test_small_dataset_loads_with_types(small_dataset):
    t = small_dataset.treatments.set_index("id")
    assert t.loc["ha-filler", "results_months_high"] == 18.0
    assert t.loc["ha-filler", "performed_by"] == ("nurse", "physician")
    assert str(t["risk_tier"].dtype) == "Int64"
    assert small_dataset.price_years() == (2024, 2024)


@pytest.mark.parametrize(
    "table, index, values, expected",
    [
        ("treatments", 0, {"sessions_low": "two"}, ("treatments.csv", 2, "sessions_low", "'two' is not a number")),
        (
            "treatments",
            0,
            {"sessions_low": "1.5"},
            ("treatments.csv", 2, "sessions_low", "'1.5' is not a whole number"),
        ),
        ("treatments", 1, {"category": "spa"}, ("treatments.csv", 3, "category", "must be one of: resurfacing")),
        (
            "treatments",
            2,
            {"downtime_days_low": "-3"},
            ("treatments.csv", 4, "downtime_days_low", "must be at least 0"),
        ),
        (
            "treatments",
            0,
            {"major_complication_rate": "1.5"},
            ("treatments.csv", 2, "major_complication_rate", "must be at most 1"),
        ),
        (
            "treatments",
            0,
            {"downtime_days_low": "9", "downtime_days_high": "7"},
            ("treatments.csv", 2, "downtime_days_low", "must not be greater than downtime_days_high"),
        ),
        ("treatments", 1, {"id": "ha-filler"}, ("treatments.csv", 3, "id", "'ha-filler' appears more than once")),
        ("treatments", 0, {"risk_tier": ""}, ("treatments.csv", 2, "risk_tier", "is empty; this column is required")),
        ("treatments", 0, {"risk_tier": "6"}, ("treatments.csv", 2, "risk_tier", "must be at most 5")),
        ("treatments", 0, {"name": '=HYPERLINK("http://x")'}, ("treatments.csv", 2, "name", "would run as a formula")),
        ("treatments", 0, {"name": "__proto__"}, ("treatments.csv", 2, "name", "is reserved")),
        ("treatments", 0, {"name": "Lift __proto__ x"}, ("treatments.csv", 2, "name", "is reserved")),
        (
            "treatments",
            0,
            {"source_ids": "nhs-fillers;nowhere"},
            ("treatments.csv", 2, "source_ids", "'nowhere' is not an id in sources.csv"),
        ),
        (
            "treatments",
            0,
            {"performed_by": "barber"},
            ("treatments.csv", 2, "performed_by", "'barber' is not a valid item"),
        ),
        (
            "treatments",
            1,
            {"results_months_low": "", "results_months_high": ""},
            ("treatments.csv", 3, "results_months_low", "maintenance is periodic"),
        ),
        (
            "treatments",
            1,
            {"maintenance": "as-needed"},
            ("treatments.csv", 3, "results_months_high", "only results_months_low may be given"),
        ),
        (
            "treatments",
            2,
            {"results_months_low": "12"},
            ("treatments.csv", 4, "maintenance", "so maintenance must be periodic"),
        ),
        ("treatments", 0, {"maintenance": "every year"}, ("treatments.csv", 2, "maintenance", "as-needed")),
        ("prices", 0, {"low": "950"}, ("prices.csv", 2, "low", "must not be greater than typical")),
        ("prices", 0, {"currency": "GBP"}, ("prices.csv", 2, "currency", "US prices must be in USD, not GBP")),
        (
            "prices",
            0,
            {"treatment_id": "unicorn-facial"},
            ("prices.csv", 2, "treatment_id", "'unicorn-facial' is not an id in treatments.csv"),
        ),
        ("prices", 1, {"source_id": "blog"}, ("prices.csv", 3, "source_id", "'blog' is not an id in sources.csv")),
        (
            "prices",
            2,
            {"low": "", "typical": "", "high": ""},
            ("prices.csv", 4, "low", "needs at least one of low, typical, high"),
        ),
        ("prices", 2, {"high": "inf"}, ("prices.csv", 4, "high", "'inf' is not a finite number")),
        (
            "prices",
            2,
            {"basis": "fee"},
            ("prices.csv", 4, "basis", "must be one of: total-price, not-stated, surgeon-fee"),
        ),
        (
            "treatments",
            0,
            {"session_unit": ""},
            ("treatments.csv", 2, "session_unit", "units per session are given, so session_unit is required"),
        ),
        ("concerns", 0, {"evidence": "D"}, ("concerns.csv", 2, "evidence", "must be one of: A, B, C")),
        (
            "concerns",
            1,
            {"treatment_id": "ha-filler", "concern": "volume-loss"},
            ("concerns.csv", 2, None, "the combination treatment_id + concern appears more than once"),
        ),
        ("sources", 0, {"url": "javascript:alert(1)"}, ("sources.csv", 2, "url", "is not an http(s) URL")),
        ("sources", 1, {"status": "verified"}, ("sources.csv", 3, "status", "must be one of: primary")),
    ],
)
def test_each_defect_is_reported_with_file_line_column(tmp_path, table, index, values, expected):
    rows = changed(getattr(factory, table.upper()), index, **values)
    problems = problems_for(tmp_path, **{table: rows})
    file, line, column, text = expected
    matches = [p for p in problems if p.file == file and text in p.message and (column is None or p.column == column)]
    assert matches, problems
    assert any(p.row == line for p in matches) or (column is None and matches), problems


def test_every_problem_is_collected_not_just_the_first(tmp_path):
    treatments = changed(factory.TREATMENTS, 0, sessions_low="x", category="spa")
    sources = changed(factory.SOURCES, 2, url="ftp://nhs")
    problems = problems_for(tmp_path, treatments=treatments, sources=sources)
    assert {(p.file, p.column) for p in problems} >= {
        ("treatments.csv", "sessions_low"),
        ("treatments.csv", "category"),
        ("sources.csv", "url"),
    }


def test_missing_file_and_column(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "concerns.csv").unlink()
    text = (folder / "sources.csv").read_text().replace(",note", "", 1)
    (folder / "sources.csv").write_text(text)
    with pytest.raises(DatasetError) as err:
        open_dataset(folder)
    messages = [str(p) for p in err.value.problems]
    assert "concerns.csv: file not found in d/" in messages
    assert "sources.csv, line 1: missing column(s): note" in messages


def test_ragged_row_and_not_utf8(tmp_path):
    folder = write_dataset(tmp_path / "d")
    with open(folder / "concerns.csv", "a") as f:
        f.write("ha-filler,skin-texture\n")
    (folder / "sources.csv").write_bytes("id,publisher\n\xe9".encode("latin-1"))
    with pytest.raises(DatasetError) as err:
        open_dataset(folder)
    messages = [str(p) for p in err.value.problems]
    assert "concerns.csv, line 7: has 2 fields; the header has 5" in messages
    assert any(m.startswith("sources.csv: not UTF-8 text") for m in messages)


def test_bom_and_blank_lines_are_accepted(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "concerns.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes() + b"\n\n")
    assert len(open_dataset(folder).concerns) == len(factory.CONCERNS)


def test_bundled_dataset_is_valid_and_covers_the_field():
    data = open_dataset()
    ids = set(data.treatments["id"])
    assert len(ids) >= 35
    stretch_marks = {
        "microdermabrasion",
        "microneedling",
        "microneedling-rf",
        "microneedling-prp",
        "chemical-peel-light",
        "chemical-peel-medium",
        "chemical-peel-deep",
        "laser-co2-fractional",
        "laser-nonablative-fractional",
        "pulsed-dye-laser",
        "topical-tretinoin",
        "abdominoplasty",
    }
    wider = {
        "botulinum-toxin",
        "ha-filler",
        "lip-filler",
        "calcium-hydroxylapatite",
        "poly-l-lactic-acid",
        "fat-grafting-face",
        "ipl",
        "laser-hair-removal",
        "cryolipolysis",
        "skin-tightening-nonsurgical",
        "liposuction",
        "facelift",
        "neck-lift",
        "blepharoplasty-upper",
        "blepharoplasty-lower",
        "brachioplasty",
        "thigh-lift",
        "breast-lift",
        "lower-body-lift",
        "rhinoplasty",
    }
    assert stretch_marks | wider <= ids
    assert set(data.prices["market"]) >= {"US", "UK"}
    assert set(data.concerns[data.concerns["concern"] == "stretch-marks"]["treatment_id"]) >= {
        "microdermabrasion",
        "microneedling",
        "topical-tretinoin",
    }


def test_every_vocabulary_value_is_documented_in_the_data_readme():

    readme = (Path(__file__).resolve().parents[3] / "data" / "README.md").read_text(encoding="utf-8")
    for fields in [*schema.FILES.values(), *schema.OPTIONAL_FILES.values()]:
        for field in fields:
            assert f"`{field.name}`" in readme, field.name
    for values in (vocab.CATEGORIES, vocab.CONCERNS, vocab.BASES, vocab.STATUSES, vocab.MAINTENANCE, vocab.PRICE_UNITS):
        for value in values:
            assert f"`{value}`" in readme, value


# --- aliases.csv: names people write for a treatment --------------------------------------------


def write_aliases(folder, text: str):
    (folder / "aliases.csv").write_text(text, encoding="utf-8")
    return folder


def test_aliases_are_optional_and_read_when_present(tmp_path):
    folder = write_dataset(tmp_path / "d")
    assert open_dataset(folder).alias_map() == {}
    write_aliases(folder, "alias,treatment_id,note\nBotox,botulinum-toxin,brand\nTummy tuck,abdominoplasty,\n")
    assert open_dataset(folder).alias_map() == {"Botox": "botulinum-toxin", "Tummy tuck": "abdominoplasty"}


@pytest.mark.parametrize(
    "rows, expected",
    [("Botox,botox-injections,brand", (2, "treatment_id", "'botox-injections' is not an id in treatments.csv")),
     (",botulinum-toxin,", (2, "alias", "is empty; this column is required")),
     ("=cmd|' /C calc'!A0,botulinum-toxin,", (2, "alias", "starts with a character a spreadsheet would run as a formula")),
     ("\u2060=1+1,botulinum-toxin,", (2, "alias", "starts with a character a spreadsheet would run as a formula")),
     ("Botox,botulinum-toxin,\nBOTOX,ha-filler,", (3, "alias", "'BOTOX' already names 'botulinum-toxin'")),
     ("Microneedling,ha-filler,", (2, "alias", "'Microneedling' already names 'microneedling'"))],
)  # fmt: skip
def test_each_alias_defect_is_reported(tmp_path, rows, expected):
    folder = write_aliases(write_dataset(tmp_path / "d"), "alias,treatment_id,note\n" + rows + "\n")
    with pytest.raises(DatasetError) as err:
        open_dataset(folder)
    [problem] = err.value.problems
    assert (problem.file, problem.row, problem.column) == ("aliases.csv", *expected[:2])
    assert expected[2] in problem.message


def test_bundled_aliases_name_the_brands_people_write():
    aliases = open_dataset().alias_map()
    for brand, treatment_id in [
        ("Botox", "botulinum-toxin"),
        ("Dysport", "botulinum-toxin"),
        ("Juvederm", "ha-filler"),
        ("Restylane", "ha-filler"),
        ("Sculptra", "poly-l-lactic-acid"),
        ("Radiesse", "calcium-hydroxylapatite"),
        ("Kybella", "deoxycholic-acid"),
        ("CoolSculpting", "cryolipolysis"),
        ("Morpheus8", "microneedling-rf"),
        ("Fraxel", "laser-nonablative-fractional"),
        ("tummy tuck", "abdominoplasty"),
        ("BBL", "buttock-fat-grafting"),
    ]:
        assert aliases[brand] == treatment_id


@pytest.mark.parametrize(
    "values, expected",
    [
        ({"read_on": ""}, ("read_on", "is empty; this column is required")),
        ({"read_on": "25/11/2026"}, ("read_on", "'25/11/2026' is not a date written YYYY-MM-DD")),
        ({"read_on": "2026-02-30"}, ("read_on", "'2026-02-30' is not a date written YYYY-MM-DD")),
        ({"year": "2027", "year_kind": "published"}, ("year", "2027 is after the day it was read (2026-11-25)")),
        ({"year_kind": "reviewed"}, ("year_kind", "is given without a year")),
        ({"year": "2020"}, ("year_kind", "is empty; say whether the year is published or reviewed")),
    ],
)
def test_each_source_date_defect_is_reported(tmp_path, values, expected):
    found = problems_for(tmp_path, sources=changed(factory.SOURCES, 0, **values))
    assert ("sources.csv", 2, *expected) in [(p.file, p.row, p.column, p.message) for p in found]
