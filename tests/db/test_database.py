"""PostgreSQL through the load command and the app: same Dataset, summaries computed in SQL."""

import subprocess
import sys

import pandas as pd
import pytest
import sqlalchemy as sa

from bench.generate import SOURCE_ID, write_folder
from dashboard.app import create_app
from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.dataset.problems import DatasetError
from dashboard.dataset.storage import open_dataset
from tests.http.callbacks import render


def load(url, *args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "load", "--data", url, *args], capture_output=True, text=True, timeout=300
    )


def price_count(url):
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        count = conn.execute(sa.select(sa.func.count()).select_from(sa.table("prices"))).scalar()
    engine.dispose()
    return count


def test_init_then_read_gives_the_bundled_dataset(database_url):
    result = load(database_url, "--init", str(BUNDLED_DATA))
    assert result.returncode == 0, result.stderr
    # the rows the cost model leaves out are counted and listed, as validate lists them
    validate = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", "--data", str(BUNDLED_DATA)],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.splitlines()[1:]
    assert validate and result.stderr.splitlines()[1:] == validate
    expected, found = open_dataset(BUNDLED_DATA), open_dataset(database_url)
    for name in ("treatments", "concerns", "sources", "prices"):
        a, b = getattr(found, name), getattr(expected, name)
        if name != "prices":
            a, b = (f.sort_values(list(f.columns[:2])) for f in (a, b))
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


def test_price_list_is_summarised_in_sql_like_duckdb(database_url, tmp_path):
    folder = write_folder(tmp_path / "synthetic", 5000, "parquet")
    assert load(database_url, "--init", str(folder)).returncode == 0
    sql, duck = open_dataset(database_url).prices, open_dataset(folder).prices
    key = ["treatment_id", "market", "unit", "basis", "source_id"]
    sql, duck = (f[f["source_id"] == SOURCE_ID].sort_values(key).reset_index(drop=True) for f in (sql, duck))
    pd.testing.assert_frame_equal(sql, duck, check_dtype=False)
    assert sql["rows"].sum() == 5000


def test_loading_a_price_list_replaces_its_source_rows_only(database_url, tmp_path):
    folder = write_folder(tmp_path / "synthetic", 300, "csv")
    assert load(database_url, "--init", str(folder)).returncode == 0
    bundled = price_count(database_url) - 300
    again = load(database_url, str(folder / "prices.csv"))
    assert again.returncode == 0, again.stderr
    assert "300 price rows (300 earlier rows of the same sources replaced)" in again.stderr
    assert price_count(database_url) == bundled + 300


def test_a_bad_price_list_is_refused_and_nothing_is_written(database_url, tmp_path):
    assert load(database_url, "--init", str(BUNDLED_DATA)).returncode == 0
    before = price_count(database_url)
    bad = tmp_path / "prices.csv"
    text = (BUNDLED_DATA / "prices.csv").read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([text[0], text[1], text[2].replace(",USD,", ",GBP,", 1)]) + "\n", encoding="utf-8")
    result = load(database_url, str(bad))
    assert result.returncode == 1
    assert (
        "nothing loaded" in result.stderr
        and "line 3, column currency: US prices must be in USD, not GBP" in result.stderr
    )
    assert price_count(database_url) == before


def test_the_app_serves_from_the_database(database_url):
    assert load(database_url, "--init", str(BUNDLED_DATA)).returncode == 0
    from_db = render(create_app(database_url).server.test_client(), "?concern=stretch-marks&budget=3000&horizon=5")
    from_files = render(
        create_app(str(BUNDLED_DATA)).server.test_client(), "?concern=stretch-marks&budget=3000&horizon=5"
    )
    assert from_db["results-grid"]["rowData"] == from_files["results-grid"]["rowData"]


def test_an_empty_database_says_how_to_load_it(database_url):
    with pytest.raises(DatasetError, match="load --init"):
        open_dataset(database_url)


def test_an_unreachable_database_is_a_problem_not_a_traceback():
    with pytest.raises(DatasetError, match="cannot connect"):
        open_dataset("postgresql://nobody@127.0.0.1:1/none")
