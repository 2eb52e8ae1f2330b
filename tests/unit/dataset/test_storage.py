"""One Dataset from each place the data can live; the generator's synthetic price lists."""

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from bench.generate import SOURCE_ID, price_rows, write_folder
from dashboard.dataset.loader import BUNDLED_DATA, read_csv_folder
from dashboard.dataset.problems import DatasetError
from dashboard.dataset.storage import open_dataset


def to_parquet(folder: Path, names=("treatments", "prices", "concerns", "sources")) -> Path:
    con = duckdb.connect()
    for name in names:
        # test paths only: the folder is pytest's tmp_path
        con.execute(
            f"COPY (SELECT * FROM read_csv('{folder / name}.csv', all_varchar=true)) TO '{folder / name}.parquet' (FORMAT parquet)"
        )
        (folder / f"{name}.csv").unlink()
    con.close()
    return folder


def test_bundled_csv_folder_is_read_by_the_csv_loader_with_a_row_count():
    data = open_dataset(BUNDLED_DATA)
    pd.testing.assert_frame_equal(data.prices.drop(columns=["rows", "region", "regions"]), read_csv_folder().prices)
    assert (data.prices["rows"] == 1).all()


def test_parquet_folder_gives_the_same_dataset(tmp_path, small_data_dir):
    expected = open_dataset(small_data_dir)
    found = open_dataset(to_parquet(small_data_dir))
    for name in ("treatments", "concerns", "sources"):
        pd.testing.assert_frame_equal(getattr(found, name), getattr(expected, name), check_dtype=False)
    pd.testing.assert_frame_equal(found.prices, expected.prices, check_dtype=False)


def test_generator_is_seeded_and_labelled_synthetic():
    a, b = price_rows(500, seed=3), price_rows(500, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(price_rows(500, seed=4))
    assert set(a["source_id"]) == {SOURCE_ID} and a["clinic"].str.startswith("synthetic-").all()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_generated_folder_validates_and_summarises(tmp_path, fmt):
    data = open_dataset(write_folder(tmp_path / f"synthetic-{fmt}", 2000, fmt))
    synthetic = data.prices[data.prices["source_id"] == SOURCE_ID]
    assert synthetic["rows"].sum() == 2000 and len(synthetic) < 200
    assert (synthetic["low"] <= synthetic["typical"]).all() and (synthetic["typical"] <= synthetic["high"]).all()
    assert not list(BUNDLED_DATA.glob("*synthetic*")) and not (BUNDLED_DATA / "prices.parquet").exists()


def test_the_data_read_apart_is_the_same_and_its_problems_cross_back(tmp_path):
    from dashboard.dataset.storage import open_dataset_apart

    apart = open_dataset_apart()
    here = open_dataset()
    pd.testing.assert_frame_equal(apart.prices, here.prices)
    pd.testing.assert_frame_equal(apart.trials, here.trials)
    with pytest.raises(DatasetError) as err:
        open_dataset_apart(tmp_path)
    assert err.value.problems[0].message == f"file not found in {tmp_path.name}/"
