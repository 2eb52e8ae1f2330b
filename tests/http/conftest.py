import pytest

from dashboard.app import create_app


@pytest.fixture
def client(small_data_dir):
    return create_app(small_data_dir).server.test_client()


@pytest.fixture
def bundled_client():
    return create_app().server.test_client()
