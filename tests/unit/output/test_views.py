import math

import pandas as pd
import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.display import money_range
from dashboard.output.option_attributes import results_text
from dashboard.output.views import published_prices


@pytest.mark.parametrize(
    "maintenance, low, high, expected",
    [
        ("periodic", 6.0, 18.0, "6–18 months"),
        ("periodic", math.nan, 24.0, "up to 24 months"),
        ("none", math.nan, math.nan, "long-lasting"),
        ("as-needed", math.nan, math.nan, "not published"),
        (
            "as-needed",
            12.0,
            math.nan,
            "not published; results were still seen at 12 months in a study (a lower bound)",
        ),
        ("unknown", math.nan, math.nan, "not published"),
    ],
)
def test_results_text_says_what_is_known(maintenance, low, high, expected):
    row = pd.Series({"maintenance": maintenance, "results_months_low": low, "results_months_high": high})
    assert results_text(row) == expected


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (1002.0, 1670.0, "$1,002–$1,670"),
        (167.0, 167.0, "$167"),
        (1002.0, math.nan, "at least $1,002"),
        (math.nan, 900.0, "up to $900"),
        (math.nan, math.nan, "no price"),
    ],
)
def test_money_range_reads_as_a_person_would_say_it(low, high, expected):

    assert money_range(low, high, symbol="$") == expected


def test_side_by_side_lists_every_published_price_and_which_were_used(small_dataset):

    catalog = build_catalog(small_dataset)
    row = compare(catalog, Filters(market="UK")).table.loc["ha-filler"]
    items = published_prices(row, small_dataset, "UK").children
    assert [i.children for i in items] == [
        "low £200 / high £400 per session (Basis not stated; NHS, year not stated (read 2026-11-25: published no later than 2026); primary) — used for low, high"
    ]
    assert (
        published_prices(compare(catalog, Filters(market="US")).table.loc["botulinum-toxin"], small_dataset, "US")
        == "none"
    )
