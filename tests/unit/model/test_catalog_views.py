"""A catalog built for some cost views holds just those, each the same as in the catalog of every view."""

import pandas as pd
import pytest

from dashboard.model.comparison import build_catalog
from dashboard.model.inflation import index_location, load_price_index
from dashboard.settings import BUNDLED_DATA


@pytest.mark.parametrize(
    "views",
    [
        [("latest", "US", 5)],
        [("published", "UK", 1)],
        [("latest", "US-NY", 10), ("published", "US-NY", 10), ("latest", "UK", 3)],
    ],
)
def test_build_catalog_builds_just_the_views_named(small_dataset, views):
    index = load_price_index(index_location(BUNDLED_DATA))
    every = build_catalog(small_dataset, index)
    some = build_catalog(small_dataset, index, views=views)
    assert set(some.costs_by_view) == set(views)
    assert set(some.session_prices) == {v[:2] for v in views}
    for view in views:
        pd.testing.assert_frame_equal(some.costs_by_view[view], every.costs_by_view[view])
        pd.testing.assert_frame_equal(some.session_prices[view[:2]], every.session_prices[view[:2]])


def test_without_an_index_a_latest_view_is_the_published_one(small_dataset):
    some = build_catalog(small_dataset, views=[("latest", "UK", 2)])
    every = build_catalog(small_dataset)
    assert set(some.costs_by_view) == {("latest", "UK", 2)}
    pd.testing.assert_frame_equal(some.costs_by_view[("latest", "UK", 2)], every.costs_by_view[("latest", "UK", 2)])
