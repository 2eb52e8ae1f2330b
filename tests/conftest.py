import pytest

from dashboard.dataset import load_dataset
from tests.factory import write_dataset


@pytest.fixture
def small_data_dir(tmp_path):
    return write_dataset(tmp_path / "data")


@pytest.fixture
def small_dataset(small_data_dir):
    return load_dataset(small_data_dir)
