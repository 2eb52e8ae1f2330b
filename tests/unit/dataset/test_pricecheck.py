"""A large price list is checked in DuckDB with the same rules, and words, as prices.csv."""

import csv

import pytest

from dashboard.dataset import pricecheck
from dashboard.dataset.loader import read_csv_folder
from dashboard.dataset.problems import DatasetError, Problem
from dashboard.dataset.storage import open_dataset
from tests import factory
from tests.factory import changed, write_dataset


def as_price_list(folder, rows, **extra_columns):
    """Rewrite prices.csv with the optional clinic/region/date columns (so the DuckDB path reads it)."""
    fields = [f for f in factory.PRICES[0]] + ["clinic", "region", "date"]
    with (folder / "prices.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows([{"clinic": "", "region": "", "date": "", **r, **extra_columns} for r in rows])
    return folder


def problems_of(call, folder) -> set[Problem]:
    with pytest.raises(DatasetError) as err:
        call(folder)
    return {p for p in err.value.problems if p.file == "prices.csv"}


@pytest.mark.parametrize(
    "change",
    [
        dict(low="-1"),
        dict(low="abc"),
        dict(high="inf"),
        dict(year="2024.5"),
        dict(year="1980"),
        dict(low="2000000"),
        dict(market="FR"),
        dict(unit="bottle"),
        dict(status="sure"),
        dict(quote="=HYPERLINK(1)"),
        dict(quote=" @x"),
        dict(quote="\u200b+1"),
        dict(quote="\u2060=1+1"),
        dict(quote="\u200d\u00ad@SUM(1)"),
        dict(low="900", typical="700"),
        dict(typical="950"),
        dict(currency="GBP"),
        dict(low="", typical="", high=""),
        dict(treatment_id="unknown-id"),
        dict(source_id="nope"),
    ],
)
def test_same_problems_as_the_csv_loader(tmp_path, change):
    rows = changed(factory.PRICES, 0, **change)
    expected = problems_of(read_csv_folder, write_dataset(tmp_path / "csv", prices=rows))
    found = problems_of(open_dataset, as_price_list(write_dataset(tmp_path / "list"), rows))
    assert expected and found == expected


@pytest.mark.parametrize(
    "change, column, words",
    [
        (dict(clinic="Clinic A", typical="", low="100", high="200"), "typical", "a range is not a price"),
        (dict(clinic="Clinic A", typical="", low="", high="200"), "typical", "a range is not a price"),
        (dict(date="2024-13-01"), "date", "'2024-13-01' is not a date (YYYY-MM-DD)"),
        (dict(date="1/2/2024"), "date", "is not a date"),
        (dict(clinic="=cmd()"), "clinic", "spreadsheet would run as a formula"),
        (dict(treatment_id="Bad Id"), "treatment_id", "is not an id (lower-case letters, digits and hyphens)"),
        (dict(treatment_id=""), "treatment_id", "is empty; this column is required"),
    ],
)
def test_price_list_rules(tmp_path, change, column, words):
    folder = as_price_list(write_dataset(tmp_path / "list"), changed(factory.PRICES, 0, **change))
    found = problems_of(open_dataset, folder)
    assert [(p.row, p.column) for p in found] == [(2, column)]
    assert words in next(iter(found)).message


def test_clinic_rows_with_a_price_and_dates_are_accepted(tmp_path):
    rows = [
        dict(factory.PRICES[0], clinic=f"Clinic {i}", low="", high="", typical=str(100 * i), date=f"2025-02-0{i}")
        for i in range(1, 6)
    ]
    data = open_dataset(as_price_list(write_dataset(tmp_path / "list"), factory.PRICES[1:] + rows))
    summary = data.prices[data.prices["rows"] > 1].iloc[0]
    assert (summary["rows"], summary["typical"], summary["low"], summary["high"]) == (5, 300.0, 140.0, 460.0)


def test_problems_are_capped_with_a_count(tmp_path):
    rows = [dict(factory.PRICES[0], low="-1") for _ in range(120)]
    found = problems_of(open_dataset, as_price_list(write_dataset(tmp_path / "list"), rows))
    assert len(found) == pricecheck.MAX_PROBLEMS + 1
    assert Problem("prices.csv", None, None, "70 more problem(s) not listed") in found


@pytest.mark.parametrize(
    "header, words",
    [
        (["treatment_id", "market"], "missing column(s): currency, unit"),
        ([*factory.PRICES[0], "colour"], "unknown column(s): colour"),
    ],
)
def test_header_problems(header, words):
    assert words in pricecheck.header_problems("prices.csv", header)[0].message


def test_unreadable_file_is_one_problem(tmp_path):
    folder = write_dataset(tmp_path / "list")
    (folder / "prices.csv").write_bytes(b'treatment_id,market\n\xff\xfe,"unclosed\n')
    found = problems_of(open_dataset, folder)
    assert len(found) == 1


def test_a_price_list_may_leave_out_category_average_and_keeps_it_when_given(tmp_path):
    folder = as_price_list(write_dataset(tmp_path / "older"), factory.PRICES)
    with (folder / "prices.csv").open(newline="", encoding="utf-8") as f:
        older = [{k: v for k, v in r.items() if k != "category_average"} for r in csv.DictReader(f)]
    with (folder / "prices.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(older[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(older)
    assert "category_average" not in (folder / "prices.csv").read_text(encoding="utf-8")
    data = open_dataset(folder)
    assert len(data.prices) == len(factory.PRICES) and data.prices["category_average"].isna().all()
    rows = changed(factory.PRICES, 3, category_average="Body contouring")
    data = open_dataset(as_price_list(write_dataset(tmp_path / "labelled"), rows))
    labelled = data.prices.loc[data.prices["treatment_id"] == "abdominoplasty", "category_average"]
    assert labelled.tolist() == ["Body contouring"]
