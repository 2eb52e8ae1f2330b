from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.dataset.storage import open_dataset
from tests.factory import write_dataset

# Slow tiers by folder (markers registered in pyproject.toml): `pytest -m "not (browser or battery or db or load)"`
TIERS = {"browser": "browser", "battery": "battery", "db": "db"}
LOAD_FILES = {"test_load.py"}


def pytest_collection_modifyitems(items):
    for item in items:
        path = Path(str(item.fspath))
        tier = TIERS.get(path.parent.name)
        if tier:
            item.add_marker(getattr(pytest.mark, tier))
        if path.name in LOAD_FILES:
            item.add_marker(pytest.mark.load)


@pytest.fixture
def small_data_dir(tmp_path):
    return write_dataset(tmp_path / "data")


@pytest.fixture
def small_dataset(small_data_dir):
    return open_dataset(small_data_dir)


@pytest.fixture(scope="session")
def client(tmp_path_factory):
    """The Flask test client of the app on the small dataset, built once per session (the app keeps no state)."""
    return create_app(write_dataset(tmp_path_factory.mktemp("client") / "data")).server.test_client()


@pytest.fixture(scope="session")
def bundled_client():
    """The Flask test client of the app on the bundled data, built once per session."""
    return create_app().server.test_client()
