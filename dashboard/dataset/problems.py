"""Problems found in input, as data: one formatter serves the command line and the page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import pandas as pd


@dataclass(frozen=True, order=True)
class Problem:
    """One defect: where it is (file, line, column) and what is wrong, in plain words."""

    file: str
    row: int | None  # line number in the file (the header is line 1); None = whole file
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", line {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


def by_line(frame: pd.DataFrame) -> Iterator[tuple[int, pd.Series[Any]]]:
    """A table's rows with their line numbers (a table read from a file is indexed by line)."""
    return cast("Iterator[tuple[int, pd.Series[Any]]]", frame.iterrows())


def cells_by_line(column: pd.Series[Any]) -> Iterator[tuple[int, Any]]:
    """A column's cells with their line numbers (a table read from a file is indexed by line)."""
    return cast("Iterator[tuple[int, Any]]", column.items())


class DatasetError(Exception):
    """The dataset cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(format_problems(self.problems))

    def __reduce__(self):
        # rebuilt from its problems when it crosses a process boundary (storage.open_dataset_apart)
        return (DatasetError, (self.problems,))


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.row if p.row is not None else -1, p.column or "", p.message)


def format_problems(problems: list[Problem], limit: int | None = None) -> str:
    """Problems as numbered lines, at most `limit` of them."""
    shown = problems if limit is None else problems[:limit]
    lines = [f"{i}. {p}" for i, p in enumerate(shown, 1)]
    if limit is not None and len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more")
    return "\n".join(lines)
