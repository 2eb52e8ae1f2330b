"""A quote placed against the published figures: the model keeps codes and values, never words."""

import math

import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.model.quote_costs import compare_price, quotes_left_out
from tests.unit.quote_helpers import quote

NAN = math.nan


@pytest.mark.parametrize(
    "price, published, position, diff, pct",
    [
        (600, (500, 700, 900), "within", -100, -100 / 7),
        (1000, (500, 700, 900), "above", 300, 300 / 7),
        (400, (500, 700, 900), "below", -300, -300 / 7),
        (700, (NAN, 700, NAN), "within", 0, 0),  # one figure: equal to it
        (5000, (1000, NAN, NAN), "within", NAN, NAN),  # a "from" figure leaves the top open; no typical to differ from
        (600, (NAN, NAN, NAN), "unknown", NAN, NAN),
    ],
)
def test_a_price_is_placed_with_its_difference_from_the_typical_figure(price, published, position, diff, pct):
    where, difference, percent = compare_price(price, published)
    assert where == position
    assert difference == pytest.approx(diff, nan_ok=True) and percent == pytest.approx(pct, nan_ok=True)


def test_a_quote_row_keeps_codes_and_values_for_its_note(small_dataset):
    # $1,200 for 2 syringes of filler, against the published $500-$900 a syringe (typical $700), basis not stated
    filters = Filters(market="US", horizon=1, prices_in="published", show_over_budget=True)
    row = compare(build_catalog(small_dataset), filters, [quote(price=1200.0, date="")]).table.loc["quote-0123456789ab"]
    assert (row["quote_covers"], row["quote_quantity"], row["quote_price"]) == ("syringe", 2, 1200.0)
    assert (row["quote_compared_per"], row["quote_compared_basis"], row["quote_position"]) == (
        "syringe",
        "not-stated",
        "within",
    )
    assert (row["quote_vs_typical"], row["quote_vs_typical_pct"]) == (-100.0, pytest.approx(-100 / 7))
    assert [row[f"published_{k}"] for k in ("low", "typical", "high")] == [500.0, 700.0, 900.0]
    # per session: one session of 2 syringes ($1,200) against $500-$1,800 (1-2 syringes a session)
    assert row["quote_session_position"] == "within" and row["quote_session_vs_typical"] == 500.0
    assert not [v for v in row.to_numpy() if isinstance(v, str) and "syringe" in v and " " in v]  # no words here


def test_quotes_left_out_are_those_in_another_currency():
    usd, gbp = quote(), quote(id="ba9876543210", currency="GBP")
    assert quotes_left_out([usd, gbp], "US") == [gbp]
    assert quotes_left_out([usd, gbp], "UK") == [usd]
    assert quotes_left_out([usd], "US-NY") == []
