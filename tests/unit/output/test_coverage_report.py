"""The coverage report: the README block generated from the gaps, and what it says of them."""

from dashboard.dataset.storage import open_dataset
from dashboard.model import coverage
from dashboard.output import coverage_report
from dashboard.settings import BUNDLED_DATA
from tests import factory
from tests.factory import changed, write_dataset

REGENERATE = (
    "run `python -m dashboard coverage --markdown` and paste its output over the block between the "
    "coverage markers in data/README.md"
)


def test_readme_block_equals_the_command_output():
    data = open_dataset(BUNDLED_DATA)
    expected = coverage_report.as_markdown(coverage.gaps(data), coverage.NATIONAL_MARKETS, data)
    block = coverage_report.readme_block((BUNDLED_DATA / "README.md").read_text(encoding="utf-8"))
    assert block == expected, f"data/README.md's 'Still unknown' list is out of date: {REGENERATE}"


def test_a_study_follow_up_is_named_as_a_lower_bound(tmp_path):
    changes = dict(maintenance="as-needed", results_months_high="")
    data = open_dataset(write_dataset(tmp_path / "data", treatments=changed(factory.TREATMENTS, 1, **changes)))
    block = coverage_report.as_markdown(coverage.gaps(data), ("US", "UK"), data)
    line = next(x for x in block.splitlines() if "`as-needed`" in x)
    assert line.endswith(
        "(1): `botulinum-toxin`. Of these, a study's follow-up gives a lower bound for `botulinum-toxin` (3 months)."
    )


def test_every_gap_key_has_its_words():
    markets = ("US", "UK", "US-NY")
    assert [g.key for g in coverage_report.gap_kinds(markets)] == list(coverage.gap_keys(markets))
