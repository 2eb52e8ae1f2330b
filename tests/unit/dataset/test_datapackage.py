"""data/datapackage.json: generated from the schema, in step with it, and valid for Frictionless."""

import dataclasses
import json
import shutil
import subprocess
import sys

import pytest

from dashboard import vocab
from dashboard.dataset import datapackage, schema
from dashboard.settings import BUNDLED_DATA

REGENERATE = "run `python -m dashboard datapackage` and commit data/datapackage.json"


def test_committed_descriptor_equals_the_generated_one():
    committed = (BUNDLED_DATA / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage.render(), (
        f"data/datapackage.json is out of step with dashboard/dataset/schema.py: {REGENERATE}"
    )


def test_tables_keys_and_licence():
    package = datapackage.descriptor()
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources)[:4] == ["treatments", "prices", "concerns", "sources"]
    assert resources["treatments"]["schema"]["primaryKey"] == ["id"]
    assert resources["concerns"]["schema"]["primaryKey"] == ["treatment_id", "concern"]
    assert {"fields": "source_id", "reference": {"resource": "sources", "fields": "id"}} in resources["prices"][
        "schema"
    ]["foreignKeys"]
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["version"]
    fields = {f["name"]: f for f in resources["prices"]["schema"]["fields"]}
    assert fields["low"] == {"name": "low", "type": "number", "constraints": {"minimum": 0, "maximum": 1_000_000}}
    assert fields["status"]["constraints"] == {
        "enum": ["primary", "corroborated", "secondary", "weak"],
        "required": True,
    }


def test_a_new_vocabulary_value_or_column_reaches_the_descriptor(monkeypatch):
    treatments = tuple(
        dataclasses.replace(f, choices=f.choices + ("seasonal",)) if f.name == "maintenance" else f
        for f in schema.TREATMENTS
    )
    prices = schema.PRICES + (schema.Field("category_average", "choice", choices=("yes", "no")),)
    monkeypatch.setitem(schema.FILES, "treatments.csv", treatments)
    monkeypatch.setitem(schema.FILES, "prices.csv", prices)
    resources = {r["name"]: r for r in datapackage.descriptor()["resources"]}
    maintenance = next(f for f in resources["treatments"]["schema"]["fields"] if f["name"] == "maintenance")
    assert maintenance["constraints"]["enum"] == [*vocab.MAINTENANCE, "seasonal"]
    assert resources["prices"]["schema"]["fields"][-1]["name"] == "category_average"
    assert datapackage.render() != (BUNDLED_DATA / "datapackage.json").read_text(encoding="utf-8")


def test_another_csv_in_the_folder_becomes_a_resource(tmp_path):
    folder = shutil.copytree(BUNDLED_DATA, tmp_path / "data")
    (folder / "zz-notes.csv").write_text("alias,treatment_id\nbotox,botulinum-toxin\n", encoding="utf-8")
    extra = next(r for r in datapackage.descriptor(folder)["resources"] if r["name"] == "zz-notes")
    assert extra["path"] == "zz-notes.csv"  # beside the bundled price_index.csv
    assert extra["schema"]["fields"] == [
        {"name": "alias", "type": "string"},
        {"name": "treatment_id", "type": "string"},
    ]


def test_the_aliases_file_is_described_from_the_schema():
    resources = {r["name"]: r for r in datapackage.descriptor()["resources"]}
    table = resources["aliases"]["schema"]
    assert [f["name"] for f in table["fields"]] == ["alias", "treatment_id", "note"]
    assert table["foreignKeys"] == [{"fields": "treatment_id", "reference": {"resource": "treatments", "fields": "id"}}]


def frictionless_validate(descriptor) -> tuple[bool, set[str]]:
    """`frictionless validate` as `make test` runs it (in its own process: importing frictionless raises the
    csv module's field size limit for the whole process); (valid, error types)."""
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(descriptor), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    return report["valid"], {e["type"] for task in report["tasks"] for e in task["errors"]}


@pytest.mark.process
def test_frictionless_accepts_the_bundled_package():
    assert frictionless_validate(BUNDLED_DATA / "datapackage.json") == (True, set())


@pytest.mark.process
@pytest.mark.parametrize("file, old, new, error", [
    ("treatments.csv", ",periodic,", ",weekly,", "constraint-error"),  # not an allowed maintenance value
    ("prices.csv", "\nabdominoplasty,", "\nabdominoplast,", "foreign-key"),  # not a treatment id
    ("concerns.csv", ",B,", ",D,", "constraint-error"),  # not an evidence level
])  # fmt: skip
def test_frictionless_finds_a_broken_copy(tmp_path, file, old, new, error):
    folder = shutil.copytree(BUNDLED_DATA, tmp_path / "data")
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert frictionless_validate(folder / "datapackage.json") == (False, {error})
