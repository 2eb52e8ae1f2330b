"""Price rows the cost model leaves out are named with the rule or tie-break; regions travel with prices."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from dashboard import vocab
from dashboard.dataset.storage import open_dataset
from dashboard.model import price_combine, price_use
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.grid import grid_rows
from dashboard.output.price_use_words import left_out_problems
from dashboard.output.views import side_by_side
from dashboard.settings import region_from
from tests import factory
from tests.factory import write_dataset
from tests.unit.dataset.test_pricecheck import as_price_list

_P = {f: "" for f in factory.PRICES[0]}
FL = dict(
    _P,
    treatment_id="microneedling",
    market="US-FL",
    currency="USD",
    unit="session",
    basis="not-stated",
    year="2024",
    source_id="clinic-x",
    status="weak",
    quote="q",
)


def left_out(treatments, prices):
    """The rows the cost model leaves out, as validate lists them."""
    return left_out_problems(price_use.left_out(treatments, prices))


def test_rows_left_out_change_nothing_and_every_other_row_is_used():
    # the list must agree with the cost model: without the rows it names, every figure and source is the same
    data = open_dataset()
    notes = left_out(data.treatments, data.prices)
    assert notes and len({n.row for n in notes}) == len(notes)
    dropped = {n.row for n in notes}
    by_id = data.treatments.set_index("id")
    for (tid, market), rows in data.prices.groupby(["treatment_id", "market"]):
        treatment = by_id.loc[tid]
        whole = price_combine.combine_prices(rows, treatment)
        kept = price_combine.combine_prices(rows.drop(index=[i for i in rows.index if i in dropped]), treatment)
        for column in [*price_combine.PRICE_COLUMNS, "basis", "session_high_open", "price_note", "price_order_note"]:
            assert (whole[column] == kept[column]) or (pd.isna(whole[column]) and pd.isna(kept[column])), (
                tid,
                market,
                column,
            )
        if whole["price_order_note"]:  # the sources disagree: the range spans every row of the basis
            continue
        for line in rows.index.difference(list(dropped)):  # each row kept gives a figure to the result
            assert any(whole[f"session_{k}_source"] == rows.loc[line, "source_id"] for k in vocab.FIGURE_KINDS), (
                tid,
                line,
            )


def test_a_tie_settled_by_file_order_is_named(tmp_path):
    # issue 14, kind 6: two equal-rank rows for one state used to keep one by file order, silently
    rows = factory.PRICES + [dict(FL, low="150", high="300"), dict(FL, low="180", high="320")]
    data = open_dataset(write_dataset(tmp_path / "d", prices=rows))
    notes = [n for n in left_out(data.treatments, data.prices) if "US-FL" in n.message]
    assert [(n.row, n.message) for n in notes] == [
        (
            8,
            "microneedling in US-FL: not used: a tie with line 7 (year 2024, status weak), settled by file order: "
            "line 7 comes first",
        )
    ]


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            [dict(FL, low="150", high="300", year="2023"), dict(FL, low="180", high="320")],
            "microneedling in US-FL: not used: line 8 gives a newer low figure",
        ),
        (
            [dict(FL, low="190", high="300"), dict(FL, low="180", high="320", status="primary", source_id="nhs-botox")],
            "microneedling in US-FL: not used: a weak figure, and line 8 (better sourced) gives the low figure",
        ),
        (
            # a weak figure below the better-sourced low is not used: it would have set the typical and widened
            # the range down to it
            [dict(FL, typical="100"), dict(FL, low="180", high="320", status="primary", source_id="nhs-botox")],
            "microneedling in US-FL: not used: a weak figure (100) outside the range the better-sourced rows give "
            "(180 to 320 a session)",
        ),
        (
            [dict(FL, unit="course", low="900")],
            "microneedling in US-FL: not used: a price per course is shown but never turned into a session price",
        ),
        (
            [
                dict(
                    FL,
                    low="150",
                    high="300",
                    status="primary",
                    source_id="nhs-botox",
                    category_average="Skin treatments",
                ),
                dict(FL, low="180", high="320"),
            ],
            "microneedling in US-FL: not used: a figure for all of “Skin treatments”; this treatment's own figures (such as "
            "line 8) come first",
        ),
    ],
)
def test_each_rule_that_leaves_a_row_out_is_named(tmp_path, extra, message):
    data = open_dataset(write_dataset(tmp_path / "d", prices=factory.PRICES + extra))
    assert [n.message for n in left_out(data.treatments, data.prices) if "US-FL" in n.message] == [message]


@pytest.mark.process
def test_validate_counts_and_lists_the_rows_left_out(tmp_path):
    folder = write_dataset(tmp_path / "d", prices=factory.PRICES + [dict(FL, low="150", high="300"), dict(FL, low="1")])
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", "--data", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:] == [
        "1 price row(s) not used by the cost model, left out by a rule or a tie-break:",
        "1. prices.csv, line 8: microneedling in US-FL: not used: a tie with line 7 (year 2024, status weak), "
        "settled by file order: line 7 comes first",
    ]


# --- region: shown with the source, and usable to narrow the summary ------------------------------

CLINIC = dict(FL, clinic="c")


def clinic_list(tmp_path):
    rows = factory.PRICES + [
        dict(CLINIC, typical=str(p), region=r, clinic=f"c{i}")
        for i, (p, r) in enumerate(
            [(100, "Miami-Dade"), (200, "Miami-Dade"), (300, "Miami-Dade"), (1000, "Orange"), (2000, "Orange")]
        )
    ]
    return as_price_list(write_dataset(tmp_path / "d"), rows)


def test_a_summary_carries_its_region_and_the_grid_tooltip_says_it(tmp_path):
    folder = clinic_list(tmp_path)
    everywhere = open_dataset(folder)
    fl = everywhere.prices[everywhere.prices["market"] == "US-FL"]
    assert (fl["rows"].tolist(), fl["region"].tolist(), fl["regions"].tolist()) == ([5], [None], [2])
    narrowed = open_dataset(folder, region="Miami-Dade")
    fl = narrowed.prices[narrowed.prices["market"] == "US-FL"]
    assert (fl["rows"].tolist(), fl["typical"].tolist(), fl["region"].tolist()) == ([3], [200.0], ["Miami-Dade"])
    assert len(narrowed.prices[narrowed.prices["market"] == "US"]) == len(
        everywhere.prices[everywhere.prices["market"] == "US"]
    )
    comparison = compare(build_catalog(narrowed), Filters(market="US-FL"))
    [row] = [r for r in grid_rows(comparison, narrowed) if r["id"] == "microneedling"]
    text = row["price_source_text"]
    for part in ("10th percentile of 3", "median of 3", "90th percentile of 3"):
        assert f"Clinic X, 2024 (weak), {part} clinic prices (10th–90th percentile) in Miami-Dade" in text, text


def test_the_region_comes_from_the_argument_then_the_environment(monkeypatch):

    monkeypatch.setenv("DASHBOARD_REGION", " Orange ")
    assert (region_from("Miami-Dade"), region_from(None)) == ("Miami-Dade", "Orange")
    monkeypatch.delenv("DASHBOARD_REGION")
    assert region_from(None) is None


def test_side_by_side_names_the_region_with_the_price_source(tmp_path):

    data = open_dataset(clinic_list(tmp_path), region="Orange")
    comparison = compare(build_catalog(data), Filters(market="US-FL"))
    text = str(side_by_side(comparison.table, ["microneedling", "ha-filler"], data, 1, "US-FL"))
    assert "children='Clinic X'" in text and "' (weak)']), ' in Orange'" in text


def test_a_weak_figure_never_sets_a_bound_below_the_better_sourced_range(tmp_path):
    """UK eyelid surgery: the NHS gives 2,000 to 6,000; an undated newspaper's 1,000 used to set the typical and,
    out of order, the low. Now the range is the NHS's, its typical unknown; a weak figure inside it still fills a
    gap, flagged."""
    nhs = dict(FL, low="2000", high="6000", status="primary", source_id="nhs-botox", year="")
    rows = factory.PRICES + [dict(FL, typical="1000", year=""), nhs]
    data = open_dataset(write_dataset(tmp_path / "a", prices=rows))
    price = price_combine.session_prices(data.treatments, data.prices, "US-FL").loc["microneedling"]
    assert (price["session_low"], price["session_high"]) == (2000.0, 6000.0)
    assert pd.isna(price["session_typical"]) and price["price_order_note"] is None
    rows = factory.PRICES + [dict(FL, typical="2500", year=""), nhs]
    data = open_dataset(write_dataset(tmp_path / "b", prices=rows))
    price = price_combine.session_prices(data.treatments, data.prices, "US-FL").loc["microneedling"]
    assert (price["session_typical"], price["session_typical_weak"]) == (2500.0, True)


@pytest.mark.parametrize(
    "note, said",
    [
        (
            price_use.RowLeftOut(3, "ha-filler", "US", None, "units_unknown", unit="syringe"),
            "how many syringes make one session is not published",
        ),
        (
            price_use.RowLeftOut(4, "t", "UK", None, "basis", basis="surgeon-fee", by_basis="total-price", by_line=2),
            "basis surgeon-fee; total-price rows such as line 2 come first",
        ),
        (
            price_use.RowLeftOut(5, "t", "US-FL", "Orange", "less_sure", kind="high", by_line=9, by_status="primary"),
            "line 9 gives a high figure of surer status (primary)",
        ),
        (
            price_use.RowLeftOut(6, "t", "US", None, "weak_outside", figures=(5000.0, 5000.0), bounds=(None, 4000.0)),
            "a weak figure (5,000) outside the range the better-sourced rows give (up to 4,000 a session)",
        ),
        (
            price_use.RowLeftOut(7, "t", "US", None, "tie", by_line=2, by_region="Dade", by_status="weak"),
            "a tie with line 2 in Dade (no year, status weak), settled by file order: line 2 comes first",
        ),
    ],
)
def test_each_reason_code_in_words(note, said):
    [problem] = left_out_problems([note])
    assert problem.row == note.line
    where = f"{note.treatment_id} in {note.market}" + (f" in {note.region}" if note.region else "")
    assert problem.message == f"{where}: not used: {said}"
