"""The WSGI module as gunicorn loads it: what it built at start-up is frozen out of the collector's generations
before the workers fork, and the process still exits cleanly (nothing reported on stderr)."""

import subprocess
import sys

import pytest

PROBE = "import gc, dashboard.wsgi; print(gc.get_freeze_count())"


@pytest.mark.process
def test_the_wsgi_app_freezes_its_start_up_objects_and_exits_cleanly():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 100_000  # the data, the cost tables and the layout
    assert done.stderr == ""
