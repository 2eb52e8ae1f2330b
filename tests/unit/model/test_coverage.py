"""The coverage command: which inputs each treatment lacks, and the README block generated from it."""

import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.model import coverage
from dashboard.settings import BUNDLED_DATA
from tests import factory
from tests.factory import changed, write_dataset

REGENERATE = (
    "run `python -m dashboard coverage --markdown` and paste its output over the block between the "
    "coverage markers in data/README.md"
)


def test_readme_block_equals_the_command_output():
    data = open_dataset(BUNDLED_DATA)
    expected = coverage.as_markdown(coverage.gaps(data), coverage.NATIONAL_MARKETS, data)
    block = coverage.readme_block((BUNDLED_DATA / "README.md").read_text(encoding="utf-8"))
    assert block == expected, f"data/README.md's 'Still unknown' list is out of date: {REGENERATE}"


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


def test_a_study_follow_up_is_named_as_a_lower_bound(tmp_path):
    changes = dict(maintenance="as-needed", results_months_high="")
    data = open_dataset(write_dataset(tmp_path / "data", treatments=changed(factory.TREATMENTS, 1, **changes)))
    block = coverage.as_markdown(coverage.gaps(data), ("US", "UK"), data)
    line = next(x for x in block.splitlines() if "`as-needed`" in x)
    assert line.endswith(
        "(1): `botulinum-toxin`. Of these, a study's follow-up gives a lower bound for `botulinum-toxin` (3 months)."
    )
