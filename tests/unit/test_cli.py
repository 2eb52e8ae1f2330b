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
