"""Long command-line work shows progress on a terminal and writes nothing when output is not one."""

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
import threading

import pytest

from bench.generate import write_folder
from dashboard.cli import main
from dashboard.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_steps_are_shown_on_a_terminal():
    stream = Terminal()
    with Progress("validate", stream=stream) as step:
        step("checking prices.csv: low")
    assert "validate" in stream.getvalue() and "checking prices.csv: low" in stream.getvalue()


def test_nothing_is_written_when_the_stream_is_not_a_terminal():
    stream = io.StringIO()
    with Progress("validate", stream=stream) as step:
        for i in range(50):
            step(f"step {i}")
    assert stream.getvalue() == ""


def validate(folder, stderr):
    return subprocess.Popen(
        [sys.executable, "-m", "dashboard", "validate", "--data", str(folder)],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )


@pytest.mark.process
def test_validate_of_a_price_list_is_quiet_when_output_is_not_a_terminal(tmp_path, capsys):
    folder = write_folder(tmp_path / "synthetic", 2000, "csv")
    assert main(["validate", "--data", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("OK: ") and err == ""


@pytest.mark.process
def test_validate_of_a_price_list_shows_progress_on_a_terminal(tmp_path):
    folder = write_folder(tmp_path / "synthetic", 2000, "csv")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 columns wide
    chunks = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    process = validate(folder, slave)
    out, _ = process.communicate(timeout=120)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    shown = b"".join(chunks).decode(errors="replace")
    assert process.returncode == 0 and out.startswith("OK: ")
    assert "validate" in shown and "checking prices.csv" in shown
