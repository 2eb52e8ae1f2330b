from dashboard.model.filters import Filters, apply_controls
from dashboard.output.filter_words import describe


def test_describe_in_words():
    f = Filters(concern="stretch-marks", market="US", budget=3000, horizon=5)
    assert describe(f) == "concern Stretch marks; market US; horizon 5 years; budget 3,000 USD"


def test_minus_zero_is_written_as_zero_in_the_words():
    filters, _ = apply_controls({"budget": "-0", "max_downtime": "-0,0"}, Filters())
    assert "-0" not in describe(filters)
