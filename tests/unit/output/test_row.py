"""The comparison row is declared once (dashboard/model/row.py): every column the model makes, and every column
the grid and the exports read, is declared with its unit."""

from __future__ import annotations

from dashboard.model import row
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output import grid, table
from tests.unit.quote_helpers import quote

ASSUMED = [
    {"treatment_id": "microneedling", "field": "upkeep_months", "low": 6, "high": 12, "currency": None},
    {"treatment_id": "microneedling", "field": "upkeep_sessions", "low": 1, "high": 1, "currency": None},
]


def _columns(small_dataset) -> set[str]:
    catalog = build_catalog(small_dataset)
    filters = Filters(market="US", horizon=3, budget=2000, daily_earnings=150, concern=None)
    published = compare(catalog, filters).rows
    mixed = compare(catalog, filters, [quote()], ASSUMED).rows
    return set(published.columns) | set(mixed.columns)


def test_every_column_the_model_makes_is_declared_with_a_known_unit(small_dataset):
    made = _columns(small_dataset)
    assert made - row.NAMES == set()
    assert {c.unit for c in row.COLUMNS} <= set(row.UNITS)
    assert len(row.NAMES) == len(row.COLUMNS)  # each declared once


def test_nothing_is_declared_that_the_model_never_makes(small_dataset):
    assert row.NAMES - _columns(small_dataset) == set()


def test_the_grid_and_the_exports_read_only_declared_columns():
    assert set(grid.GRID_READS) - row.NAMES - grid.DERIVED == set()
    assert {key for key, _ in table.EXPORT_COLUMNS} - row.NAMES - table.DERIVED == set()


def test_kinds_fit_states_and_row_kinds_are_named_once():
    assert row.KINDS == ("low", "typical", "high") and row.BOUNDS == ("low", "high")
    assert row.FIT_ORDER == ("fits", "may fit", "over", "no price")
    assert row.ROW_KINDS == ("published", "your quote", "your assumption")
