"""Where the data lives: argument, then DASHBOARD_DATA, then the bundled folder, for every entry point."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def run(*args, env=None):
    environ = {k: v for k, v in os.environ.items() if k != "DASHBOARD_DATA"}
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, timeout=120,
                          env={**environ, **(env or {})})


def test_validate_honours_dashboard_data(tmp_path, small_data_dir):
    missing = run("validate", env={"DASHBOARD_DATA": str(tmp_path / "nowhere")})
    assert missing.returncode == 1 and "treatments.csv: file not found" in missing.stderr
    small = run("validate", env={"DASHBOARD_DATA": str(small_data_dir)})
    assert small.returncode == 0 and small.stdout.startswith("OK: 4 treatments"), small.stderr
    # the argument wins over the environment
    assert run("validate", "--data", str(small_data_dir), env={"DASHBOARD_DATA": str(tmp_path / "x")}).returncode == 0


def test_the_app_reads_dashboard_data(monkeypatch, small_data_dir):
    from dashboard.app import create_app

    monkeypatch.setenv("DASHBOARD_DATA", str(small_data_dir))
    layout = create_app().server.test_client().get("/_dash-layout").get_data(as_text=True)
    assert "Hyaluronic-acid filler" in layout and "Microdermabrasion" not in layout
