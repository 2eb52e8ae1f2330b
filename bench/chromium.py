"""Headless Chromium as this project drives it (the browser tests, the benchmark, the README's screenshots):
Debian's chromium, never a downloaded one, with flags for a container without a GPU or a sandbox."""

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def launch_args() -> dict:
    """Keyword arguments for Playwright's `chromium.launch`."""
    return {"executable_path": CHROMIUM, "headless": True, "args": FLAGS}
