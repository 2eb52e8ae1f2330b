import subprocess
import sys

from tests.factory import changed, write_dataset
from tests import factory


def run(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, timeout=120)


def test_validate_prints_one_line_summary_on_good_data(small_data_dir):
    result = run("validate", "--data", str(small_data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: 4 treatments, 5 prices, 5 concern links, 4 sources, price years 2024-2024"


def test_validate_lists_problems_and_exits_nonzero_without_traceback(tmp_path):
    folder = write_dataset(tmp_path / "bad", prices=changed(factory.PRICES, 0, low="-1"))
    result = run("validate", "--data", str(folder))
    assert result.returncode == 1
    assert "prices.csv, line 2, column low: must be at least 0" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_on_missing_folder(tmp_path):
    result = run("validate", "--data", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "treatments.csv: file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_writes_the_same_file_as_the_dashboard(small_data_dir, tmp_path):
    import datetime as dt

    from dashboard.callbacks import export_file
    from dashboard.comparison import build_catalog
    from dashboard.dataset import load_dataset
    from dashboard.filters import Filters
    from dashboard.inflation import index_location, load_price_index

    out = tmp_path / "c.csv"
    result = run("export", "--data", str(small_data_dir), "--concern", "stretch-marks", "--market", "US",
                 "--budget", "5000", "--horizon-years", "5", "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    index = load_price_index(index_location(small_data_dir))  # the bundled index: the folder has none
    expected, _, _ = export_file(build_catalog(load_dataset(small_data_dir), index),
                                 Filters(concern="stretch-marks", budget=5000, horizon=5), "csv", dt.date.today())
    assert out.read_bytes() == expected


def test_export_xlsx_and_invalid_flags(small_data_dir, tmp_path):
    import openpyxl

    out = tmp_path / "c.xlsx"
    assert run("export", "--data", str(small_data_dir), "--format", "xlsx", "--output", str(out)).returncode == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Comparison", "Sources"]
    bad = run("export", "--data", str(small_data_dir), "--budget", "lots", "--horizon-years", "40",
              "--format", "csv", "--output", str(out))
    assert bad.returncode == 2
    assert "invalid value for --budget, --horizon-years" in bad.stderr and "Traceback" not in bad.stderr
