"""A real PostgreSQL server for the session: initdb in a temp dir, started on a free local port.

Runs as the `postgres` OS user when the tests run as root (postgres refuses root). Without
PostgreSQL the tests skip with the reason, unless CI is set: then they fail.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid

import pytest
import sqlalchemy as sa


def _binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason} (make test installs Debian's postgresql)")
    pytest.skip(f"PostgreSQL not available: {reason}; run `make test` to install it")


@pytest.fixture(scope="session")
def postgres_server():
    """(host, port) of a throwaway server; stopped and deleted at the end of the session."""
    bindir = _binaries()
    if bindir is None:
        _unavailable("no /usr/lib/postgresql/*/bin/pg_ctl")
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix and not shutil.which("runuser"):
        _unavailable("running as root without runuser")
    home = tempfile.mkdtemp(prefix="dashboard-pg-")
    if prefix:
        shutil.chown(home, user="postgres")
    data, port = os.path.join(home, "data"), _free_port()

    def run(*args):
        return subprocess.run(prefix + list(args), check=True, capture_output=True, text=True, timeout=120)

    run(f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
    run(
        f"{bindir}/pg_ctl",
        "-D",
        data,
        "-l",
        os.path.join(home, "log"),
        "-w",
        "-t",
        "60",
        "start",
        "-o",
        f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off",
    )
    try:
        yield "127.0.0.1", port
    finally:
        run(f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def database_url(postgres_server):
    """A new empty database on the session's server, dropped afterwards."""
    host, port = postgres_server
    name = f"dash_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(f"postgresql+psycopg://postgres@{host}:{port}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))  # name made above, not user input
    try:
        yield f"postgresql://postgres@{host}:{port}/{name}"
    finally:
        with admin.connect() as conn:
            deadline = time.time() + 10
            while True:
                try:
                    conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                    break
                except sa.exc.OperationalError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.2)
        admin.dispose()
