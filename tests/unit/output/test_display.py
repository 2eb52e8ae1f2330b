"""How figures read on the page: ranges, 'at least', budget answers, the summary line."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.output import display


@pytest.mark.parametrize(
    "low, high, is_open, expected",
    [
        (1002, 1670, False, "$1,002–$1,670"),
        (1002, math.nan, True, "at least $1,002"),
        (1002, 1670, True, "at least $1,002"),  # an open upper bound wins over a stale high
        (1002, None, False, "at least $1,002"),  # a high no one gives is open, not unknown
        (167, 167, False, "$167"),
        (166.6, 167.2, False, "$167"),  # equal once rounded: one figure, not "$167–$167"
        (None, 500, False, "up to $500"),
        (math.nan, math.nan, False, "no price"),
        (None, None, True, "no price"),
        (pd.NA, np.nan, False, "no price"),
    ],
)
def test_money_range(low, high, is_open, expected):
    assert display.money_range(low, high, is_open, "$") == expected


@pytest.mark.parametrize(
    "low, high, unit, expected",
    [
        (2, 4, "days", "2–4 days"),
        (7, 7, "days", "7 days"),
        (None, 3, "days", "up to 3 days"),
        (None, None, "days", "unknown"),
        (1.5, None, "", "at least 1.5"),
    ],
)
def test_count_range_says_unknown_once(low, high, unit, expected):
    assert display.count_range(low, high, unit) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("fits", "Fits"),
        ("may fit", "May fit"),
        ("over", "Over budget"),
        ("no price", "No price"),
        ("unknown", "No price"),
        (None, "No budget set"),
        (float("nan"), "No budget set"),
    ],
)
def test_fit_label(value, expected):
    assert display.fit_label(value) == expected


def _rows(fits, lows):
    return pd.DataFrame({"budget_fit": fits, "total_low": lows})


def test_summary_line_counts_each_answer_of_the_options_listed():
    rows = _rows(["fits", "fits", "fits", "may fit", "may fit", "no price", "no price"], [1, 2, 3, 4, 5, None, None])
    # the counts are of the options listed; hidden over-budget options have their own line below
    assert display.summary_text(rows, True) == "7 options: 3 fit, 2 may fit, 2 without a price"


def test_summary_line_without_a_budget_counts_options_without_a_price():
    rows = _rows([None, None, None], [100.0, math.nan, 300.0])
    assert display.summary_text(rows, False) == "3 options, 1 without a price"
    assert display.summary_text(rows.iloc[:1], False) == "1 option"


def test_total_text_reads_the_open_flag_of_numpy_booleans():
    row = pd.Series({"total_low": 1002.0, "total_high": np.nan, "total_open": np.bool_(True)})
    assert display.total_text(row, "£") == "at least £1,002"
    assert display.flag(np.bool_(False)) is False and display.flag(float("nan")) is False


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (None, 10 / 24, "up to 10 hours"),
        (0.0, 0.5, "0–12 hours"),
        (2.0, 4.0, "2–4 days"),
        (None, None, "unknown"),
        (0.0, 0.0, "0 days"),
    ],
)
def test_downtime_under_a_day_reads_in_hours(low, high, expected):
    assert display.downtime_range(low, high) == expected


def test_plain_records_hold_the_same_values_as_to_dict(small_dataset):
    rows = small_dataset.treatments.set_index("id", drop=False).copy()
    rows.loc[rows.index[0], "sessions_low"] = pd.NA  # a whole number not published
    columns = ["name", "sessions_low", "results_months_high", "maintenance", "missing column"]
    expected = rows[[c for c in columns if c in rows]].to_dict("records")
    got = display.plain_records(rows, columns)
    assert got == expected or all(
        a.keys() == b.keys() and all(x == y or (x != x and y != y) for x, y in zip(a.values(), b.values(), strict=True))
        for a, b in zip(got, expected, strict=True)
    )
    assert [type(v) for r in got for v in r.values()] == [type(v) for r in expected for v in r.values()]
    assert "missing column" not in got[0]
    assert got[0]["sessions_low"] is None and isinstance(got[1]["sessions_low"], int)


def test_rows_at_read_the_chosen_rows_in_order_as_plain_values(small_dataset):
    rows = small_dataset.treatments.set_index("id", drop=False).copy()
    rows.loc[rows.index[0], "sessions_low"] = pd.NA  # a whole number not published
    keys = [rows.index[1], rows.index[0]]
    columns = ["name", "sessions_low", "missing column"]
    got = display.rows_at(rows, keys, columns)
    assert [r["name"] for r in got] == [rows.loc[k, "name"] for k in keys]
    assert [list(r) for r in got] == [["name", "sessions_low"]] * 2
    assert got[1]["sessions_low"] is None and isinstance(got[0]["sessions_low"], int)
    with pytest.raises(KeyError):
        display.rows_at(rows, ["no such option"], columns)
