"""The command line: the real entry point once, then each command in-process (same code, no interpreter start)."""

import datetime as dt
import re
import subprocess
import sys

import openpyxl
import pytest

import dashboard.cli as cli_module
from dashboard.cli import build_parser, main
from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog
from dashboard.model.filters import CONTROLS, FIELDS, URL_PARAMETERS, Filters, from_query
from dashboard.model.inflation import index_location, load_price_index
from dashboard.output.export import export_file
from tests import factory
from tests.factory import changed, write_dataset


def cli(capsys, *args) -> tuple[int, str, str]:
    """main(args) -> (exit status, standard output, standard error)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.process
def test_validate_prints_one_line_summary_on_good_data(small_data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", "--data", str(small_data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: 4 treatments, 5 prices, 5 concern links, 4 sources, price years 2024-2024"


def test_validate_lists_problems_and_exits_nonzero_without_traceback(tmp_path, capsys):
    folder = write_dataset(tmp_path / "bad", prices=changed(factory.PRICES, 0, low="-1"))
    status, out, err = cli(capsys, "validate", "--data", str(folder))
    assert status == 1
    assert "prices.csv, line 2, column low: must be at least 0" in err
    assert "Traceback" not in err + out


def test_validate_on_missing_folder(tmp_path, capsys):
    status, _, err = cli(capsys, "validate", "--data", str(tmp_path / "nowhere"))
    assert status == 1
    assert "treatments.csv: file not found" in err
    assert "Traceback" not in err


def test_export_writes_the_same_file_as_the_dashboard(small_data_dir, tmp_path, capsys):
    out = tmp_path / "c.csv"
    status, _, err = cli(
        capsys,
        "export",
        "--data",
        str(small_data_dir),
        "--concern",
        "stretch-marks",
        "--market",
        "US",
        "--budget",
        "5000",
        "--horizon-years",
        "5",
        "--format",
        "csv",
        "--output",
        str(out),
    )
    assert status == 0, err
    index = load_price_index(index_location(small_data_dir))  # the bundled index: the folder has none
    expected, _, _ = export_file(
        build_catalog(open_dataset(small_data_dir), index),
        Filters(concern="stretch-marks", budget=5000, horizon=5),
        "csv",
        dt.date.today(),
    )
    assert out.read_bytes() == expected


def test_export_builds_only_the_cost_view_it_shows(small_data_dir, tmp_path, capsys, monkeypatch):
    built = []

    def build(*args, **kwargs):
        built.append(build_catalog(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr(cli_module, "build_catalog", build)
    out = tmp_path / "c.json"
    args = ["--data", str(small_data_dir), "--market", "UK", "--horizon", "3", "--prices-in", "published"]
    status, _, err = cli(capsys, "export", *args, "--format", "json", "--output", str(out))
    assert status == 0, err
    [catalog] = built
    assert list(catalog.costs_by_view) == [("published", "UK", 3)]
    index = load_price_index(index_location(small_data_dir))
    filters = Filters(market="UK", horizon=3, prices_in="published")
    expected, _, _ = export_file(build_catalog(open_dataset(small_data_dir), index), filters, "json", dt.date.today())
    assert out.read_bytes() == expected


def test_export_xlsx_and_invalid_flags(small_data_dir, tmp_path, capsys):
    out = tmp_path / "c.xlsx"
    assert cli(capsys, "export", "--data", str(small_data_dir), "--format", "xlsx", "--output", str(out))[0] == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Comparison", "Settings", "Sources", "Quotes"]
    status, _, err = cli(
        capsys,
        "export",
        "--data",
        str(small_data_dir),
        "--budget",
        "lots",
        "--horizon-years",
        "40",
        "--format",
        "csv",
        "--output",
        str(out),
    )
    assert status == 2
    assert err.splitlines() == [
        "error: invalid value for --horizon: '40' (expected time horizon in years, 1-10)",
        "error: invalid value for --budget: 'lots' (expected total budget over the horizon (market currency))",
    ]


def test_every_page_filter_has_a_flag_and_old_flags_still_work(small_data_dir, tmp_path):
    query = (
        "concern=stretch-marks&market=US&horizon=5&category=surgical,microneedling&budget=20000&max_downtime=30"
        "&max_risk=4&over_budget=1&compare=abdominoplasty,microneedling&earnings=150&prices_in=published"
    )
    catalog = build_catalog(open_dataset(small_data_dir), load_price_index(index_location(small_data_dir)))
    expected, _, _ = export_file(catalog, from_query(query, catalog.treatment_ids), "csv", dt.date.today())
    new, old = tmp_path / "new.csv", tmp_path / "old.csv"
    common = (
        "export",
        "--data",
        str(small_data_dir),
        "--concern",
        "stretch-marks",
        "--market",
        "US",
        "--category",
        "surgical,microneedling",
        "--budget",
        "20000",
        "--max-risk",
        "4",
        "--compare",
        "abdominoplasty,microneedling",
        "--earnings",
        "150",
        "--prices-in",
        "published",
        "--format",
        "csv",
    )
    assert main([*common, "--horizon", "5", "--max-downtime", "30", "--over-budget", "--output", str(new)]) == 0
    assert (
        main(
            [
                *common,
                "--horizon-years",
                "5",
                "--max-downtime-days",
                "30",
                "--include-over-budget",
                "--output",
                str(old),
            ]
        )
        == 0
    )
    assert new.read_bytes() == expected == old.read_bytes()
    assert b"categories surgical, microneedling" in expected and b"daily earnings 150" in expected
    assert b"prices as published" in expected


def test_url_parameters_controls_and_flags_come_from_one_table(capsys):

    assert list(URL_PARAMETERS.values()) == list(CONTROLS.values()) == [f.name for f in FIELDS]
    assert [f.name for f in FIELDS] == list(Filters.__dataclass_fields__)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "--help"])
    flags = set(re.findall(r"--[a-z][a-z-]*", capsys.readouterr().out))
    for f in FIELDS:
        assert f.flag == "--" + f.url.replace("_", "-") and f.flag in flags
        assert set(f.old_flags) <= flags


def test_command_prints_one_line_per_treatment_and_totals(small_data_dir, capsys):
    assert main(["coverage", "--data", str(small_data_dir), "--market", "UK"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0] == "Inputs missing per treatment (4 treatments, 5 price rows, 5 concern links, 4 sources; markets UK)"
    )
    assert lines[2].split() == ["ha-filler", "-"]
    assert " ".join(lines[5].split()) == "microneedling no UK price, interval, maintenance unknown, downtime"
    assert (
        " ".join(next(x for x in lines if "nothing missing" in x).split()) == "nothing missing 2 of 4"
    )  # ha-filler, botulinum-toxin
