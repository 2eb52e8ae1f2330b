import math

import pandas as pd
import pytest

from dashboard.views import results_text


@pytest.mark.parametrize("maintenance, low, high, expected", [
    ("periodic", 6.0, 18.0, "6–18 months"),
    ("periodic", math.nan, 24.0, "up to 24 months"),
    ("none", math.nan, math.nan, "long-lasting"),
    ("as-needed", math.nan, math.nan, "repeated as needed, no interval published"),
    ("as-needed", 12.0, math.nan,
     "repeated as needed, no interval published; results still seen at 12 months in a study (a lower bound)"),
    ("unknown", math.nan, math.nan, "unknown"),
])
def test_results_text_says_what_is_known(maintenance, low, high, expected):
    row = pd.Series({"maintenance": maintenance, "results_months_low": low, "results_months_high": high})
    assert results_text(row) == expected
