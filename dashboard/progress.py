"""Progress of long command-line work (load, validate of a large price list, bench), on a terminal only.

A long step calls `progress("what it is doing")`; the command line passes a `Progress` bar that
shows the step, the count and the time taken on standard error when it is a terminal, and writes
nothing when it is not (a pipe, a file, CI). Library code defaults to `quiet`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from tqdm import tqdm

Step = Callable[[str], None]


def quiet(_what: str) -> None:
    """The progress hook that shows nothing (the default for the app and library calls)."""


class Progress:
    """A context manager and progress hook: `with Progress("validate") as step: work(progress=step)`."""

    def __init__(self, description: str, total: int | None = None, stream: TextIO | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.shown = _is_terminal(self.stream)
        self._bar = tqdm(
            total=total,
            desc=description,
            unit="step",
            file=self.stream,
            disable=not self.shown,
            leave=False,
            dynamic_ncols=True,
            bar_format=_FORMAT if total is None else None,
        )

    def __call__(self, what: str) -> None:
        self._bar.update(1)
        self._bar.set_postfix_str(what)  # redraws now: steps are few and each may take a while

    def close(self) -> None:
        """Clear the bar from the terminal (before printing a report under it); safe to call twice."""
        self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# without a known total: "validate: 12 steps, 00:04, checking prices.csv: low"
_FORMAT = "{desc}: {n_fmt} steps, {elapsed}{postfix}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
