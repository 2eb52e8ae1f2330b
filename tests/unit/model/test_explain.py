"""What a cost lacks, as codes: each input that is neither published nor assumed, in the order they are said."""

import math

import pandas as pd
import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.explain import missing_inputs
from dashboard.model.filters import Filters
from dashboard.model.price_combine import PriceProblem
from dashboard.model.row import (
    MISSING_INPUTS,
    NO_PRICE_PUBLISHED,
    PRICE_FROM,
    PRICE_UP_TO,
    REPEAT,
    REPEAT_AS_NEEDED,
    RESULTS_LAST,
    SESSIONS,
    UPKEEP_SESSIONS,
)
from tests.unit.quote_helpers import quote

NAN = math.nan
# Every input published: $100-$200 a session, 3 sessions, no upkeep.
COMPLETE = dict(
    session_low=100.0,
    session_high=200.0,
    session_high_open=False,
    sessions_low=3,
    sessions_typical=NAN,
    sessions_high=3,
    maintenance="none",
    results_months_low=NAN,
    maintenance_sessions=NAN,
    total_high=600.0,
    assumed_fields=(),
)
PERIODIC = dict(maintenance="periodic", results_months_low=6.0, total_high=NAN)


@pytest.mark.parametrize(
    "changes, codes",
    [
        ({}, ()),
        (dict(session_low=NAN, session_high=NAN), (NO_PRICE_PUBLISHED,)),
        (dict(session_low=NAN, session_high=NAN, price_problem=PriceProblem(("syringe",))), (NO_PRICE_PUBLISHED,)),
        (dict(session_high=NAN, session_high_open=True), (PRICE_FROM,)),
        (dict(session_low=NAN), (PRICE_UP_TO,)),
        (dict(sessions_low=NAN, sessions_high=NAN), (SESSIONS,)),
        (dict(sessions_low=NAN, sessions_high=NAN, sessions_typical=2), ()),  # one published figure is enough
        (dict(maintenance="unknown", total_high=NAN), (REPEAT,)),
        (dict(maintenance="as-needed", total_high=NAN), (REPEAT_AS_NEEDED,)),
        ({**PERIODIC, "results_months_low": NAN}, (RESULTS_LAST, UPKEEP_SESSIONS)),
        (PERIODIC, (UPKEEP_SESSIONS,)),
        ({**PERIODIC, "maintenance_sessions": 1.0}, ()),
        ({**PERIODIC, "total_high": 900.0}, ()),  # the total is known: the round's size is not needed
        (
            dict(session_low=NAN, session_high=NAN, sessions_low=NAN, sessions_high=NAN, maintenance="unknown"),
            (NO_PRICE_PUBLISHED, SESSIONS, REPEAT),
        ),
    ],
)
def test_each_input_neither_published_nor_assumed_is_named_in_order(changes, codes):
    assert missing_inputs(pd.Series({**COMPLETE, **changes})) == codes
    assert list(codes) == sorted(codes, key=MISSING_INPUTS.index)


@pytest.mark.parametrize(
    "changes, field",
    [
        (dict(session_low=NAN, session_high=NAN), "price"),
        (dict(sessions_low=NAN, sessions_high=NAN), "sessions"),
        (dict(maintenance="unknown", total_high=NAN), "upkeep_months"),
        ({**PERIODIC, "results_months_low": NAN}, "upkeep_months"),
    ],
)
def test_an_input_the_person_assumed_is_not_missing(changes, field):
    row = pd.Series({**COMPLETE, **changes, "assumed_fields": (field,)})
    assert missing_inputs(row) in ((), (UPKEEP_SESSIONS,))


def test_the_comparison_names_what_each_row_lacks_and_a_quote_has_its_own_price(small_dataset):
    catalog = build_catalog(small_dataset)
    us = compare(
        catalog,
        Filters(market="US", horizon=3),
        [quote(treatment_id="botulinum-toxin", covers="session", quantity=1, price=300.0)],
    ).rows
    assert us.loc["botulinum-toxin", "missing_inputs"] == (NO_PRICE_PUBLISHED,)
    assert us.loc["microneedling", "missing_inputs"] == (REPEAT,)
    assert us.loc["ha-filler", "missing_inputs"] == ()
    quoted = us[us["kind"] == "your quote"]
    assert quoted["missing_inputs"].tolist() == [()]  # her clinic's price fills what no page publishes
    uk = compare(catalog, Filters(market="UK", horizon=3)).rows
    assert uk.loc["microneedling", "missing_inputs"] == (NO_PRICE_PUBLISHED, REPEAT)
