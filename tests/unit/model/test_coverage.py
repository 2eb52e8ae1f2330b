"""The coverage command: which inputs each treatment lacks."""

import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model import coverage
from tests import factory
from tests.factory import changed, write_dataset


def missing(data, markets=("US", "UK")):
    found = coverage.gaps(data, markets)
    return {tid: {k for k, v in row.items() if v} for tid, row in found.iterrows()}


def test_each_kind_of_gap_in_the_small_dataset(small_dataset):
    assert missing(small_dataset) == {
        # priced per syringe in the US with units per session: converted; UK per session
        "ha-filler": set(),
        "botulinum-toxin": {"no_price_US"},
        "abdominoplasty": {"no_price_UK"},
        # 3-6 sessions, no interval, maintenance unknown, no downtime
        "microneedling": {"no_price_UK", "no_interval", "maintenance_unknown", "no_downtime"},
    }


@pytest.mark.parametrize("row, changes, expected", [
    (0, dict(units_per_session_low="", units_per_session_typical="", units_per_session_high=""),
     {"no_units", "no_session_price_US"}),
    (0, dict(downtime_days_high=""), {"downtime_one_end"}),
    (0, dict(results_months_high=""), {"duration_one_end"}),
    (1, dict(maintenance="as-needed", results_months_high=""), {"maintenance_as-needed", "no_price_US"}),
    (0, dict(sessions_low="", sessions_high=""), {"sessions_no_range"}),
    (2, dict(sessions_low="", sessions_typical="", sessions_high=""), {"no_sessions", "no_price_UK"}),
])  # fmt: skip
def test_a_removed_figure_shows_as_its_gap(tmp_path, row, changes, expected):
    folder = write_dataset(tmp_path / "data", treatments=changed(factory.TREATMENTS, row, **changes))
    tid = factory.TREATMENTS[row]["id"]
    assert missing(open_dataset(folder))[tid] == expected
