"""Where the data lives: argument, then DASHBOARD_DATA, then the bundled folder, for every entry point."""

from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.cli import main
from dashboard.settings import BUNDLED_DATA, data_location


@pytest.mark.parametrize("argument, env, expected", [
    ("postgresql://u:p@db:5432/x", None, "postgresql://u:p@db:5432/x"),
    (None, "postgresql://u@h/db", "postgresql://u@h/db"),
    ("some/dir", "postgresql://u@h/db", Path("some/dir")),
    (None, "other/dir", Path("other/dir")),
    (None, None, BUNDLED_DATA),
])  # fmt: skip
def test_argument_then_environment_then_bundled(argument, env, expected):
    environ = {"DASHBOARD_DATA": env} if env else {}
    assert data_location(argument, environ) == expected


def test_the_process_environment_is_read_by_default(monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    assert data_location() == tmp_path


def validate(capsys, *args) -> tuple[int, str, str]:
    status = main(["validate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_validate_honours_dashboard_data(monkeypatch, capsys, tmp_path, small_data_dir):
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path / "nowhere"))
    status, _, err = validate(capsys)
    assert status == 1 and "treatments.csv: file not found" in err
    monkeypatch.setenv("DASHBOARD_DATA", str(small_data_dir))
    status, out, _ = validate(capsys)
    assert status == 0 and out.startswith("OK: 4 treatments")
    # the argument wins over the environment
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path / "nowhere"))
    assert validate(capsys, "--data", str(small_data_dir))[0] == 0


def test_the_app_reads_dashboard_data(monkeypatch, small_data_dir):
    monkeypatch.setenv("DASHBOARD_DATA", str(small_data_dir))
    layout = create_app().server.test_client().get("/_dash-layout").get_data(as_text=True)
    assert "Hyaluronic-acid filler" in layout and "Microdermabrasion" not in layout
