"""What a budget answer hinges on: the condition, in inputs a clinic can confirm, under which an option fits.

The cost model's total is (course sessions + upkeep sessions) x price per session, each a range: price
p in [p_lo, p_hi], course sessions s in [s_lo, s_hi], upkeep sessions over the horizon u in [u_lo, u_hi]
(an upper bound may be open). An option *may fit* a budget B when its lowest total is within B and its
highest is above B or open. This module finds, from the same figures, the input that decides and the
figure it must stay within:

- **upkeep room** (the course fits at its highest, only the upkeep is open): at most
  floor((B - course_high) / p_hi) more sessions at up to p_hi each, i.e. about one every
  ceil(horizon months / sessions) months; for top-ups repeated as results fade after a published time d
  (rounds ceil(H / d) - 1, each of an unpublished number of sessions), the results must last at least
  ceil(H / (sessions + 1)) months at one session a round;
- **price** (the price decides): a session must cost at most floor(B / n_hi), where n_hi is the most
  sessions (course and upkeep; with an open upkeep, its published minimum);
- **sessions** (the count decides): at most floor(B / p_hi) sessions in all;
- **price or sessions** (two inputs, each deciding on its own at the other's highest figure);
- **price and sessions** (only both near the low end fit): at p_lo a session, at most floor(B / p_lo).

Rounding is towards the safe side: sessions and prices down, months between sessions up. Fits and over
get their margin: B - highest total, lowest total - B. Assumptions and quotes enter through the row's own
figures (they replace the published ones before this runs).

Values and codes only (money in the market's currency, counts in sessions, months); the words are made
in `dashboard.output.decision_words`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard.model import costs
from dashboard.model.row import FITS, MAY_FIT, OVER

# What an answer hinges on (column `hinge`)
UPKEEP_ROOM = "upkeep room"
PRICE = "price"
SESSIONS = "sessions"
PRICE_OR_SESSIONS = "price or sessions"
PRICE_AND_SESSIONS = "price and sessions"
HINGES = (UPKEEP_ROOM, PRICE, SESSIONS, PRICE_OR_SESSIONS, PRICE_AND_SESSIONS)

# The columns `hinge_columns` makes: the course's own fit, the code, its figures and the margin.
HINGE_COLUMNS = (
    "course_fit",  # fits / may fit / over for the initial course alone; None without a budget or price
    "hinge",  # one of HINGES for an option that may fit; None otherwise
    "hinge_price",  # a session must cost at most this (money, rounded down)
    "hinge_sessions",  # at most this many sessions in all, course and upkeep (rounded down)
    "hinge_at_price",  # the price per session hinge_sessions is counted at
    "hinge_price_fewest",  # with price deciding at the most sessions: the price at most at the fewest
    "hinge_sessions_cheapest",  # with sessions deciding at the highest price: the count at most at the lowest
    "hinge_extra_sessions",  # at most this many sessions beyond the course (upkeep room)
    "hinge_every_months",  # about one extra session every this many months (rounded up)
    "hinge_lasting_months",  # periodic top-ups of unpublished size: results must last at least this (rounded up)
    "hinge_rounds_high",  # periodic top-ups: the most rounds over the horizon (at the shortest published duration)
    "hinge_upkeep_open",  # True where the condition counts only the upkeep's published minimum
    "hinge_upkeep_min",  # that minimum, in sessions (0 for upkeep as needed)
    "course_sessions_low",  # the course's sessions as the model counts them
    "course_sessions_high",
    "budget_margin",  # fits: budget - highest total; over: lowest total - budget (money, rounded down)
)

# One hinge_* value: a figure (NaN where not used), a code of HINGES (or None), or the upkeep flag.
HingeValue = float | str | bool | None

_EPS = 1e-9  # so that 3000 / 150 is 20 sessions, not 19.999…


def _floor(x: float) -> float:
    return float(math.floor(x + _EPS * max(1.0, abs(x))))


def _ceil(x: float) -> float:
    return float(math.ceil(x - _EPS * max(1.0, abs(x))))


def _nan(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def hinge(
    *,
    budget: float,
    months: float,
    price_low: float,
    price_high: float,
    course_low: float,
    course_high: float,
    upkeep_low: float,
    upkeep_high: float,
    results_low: float = math.nan,
) -> dict[str, HingeValue]:
    """The condition for one option that may fit (see the module docstring), from its figures.

    Prices in money per session (`price_high` NaN: only a 'from' price; `price_low` NaN: only 'up to'),
    course and upkeep in sessions (a NaN high: open); `results_low`: the shortest published time results last
    (months), for periodic top-ups (`upkeep_low` > 0 rounds of at least one session). Returns a dict of HINGE_COLUMNS' hinge_* keys
    (NaN where not used); `hinge` is None when no price is known at all.
    """
    out: dict[str, HingeValue] = {k: np.nan for k in HINGE_COLUMNS if k.startswith("hinge")}
    out.update(hinge=None, hinge_upkeep_open=False, hinge_upkeep_min=upkeep_low)
    if _nan(price_low) and _nan(price_high):
        return out
    room = _upkeep_room(
        budget=budget,
        months=months,
        price_high=price_high,
        course_high=course_high,
        upkeep_low=upkeep_low,
        upkeep_high=upkeep_high,
        results_low=results_low,
    )
    if room is not None:
        out.update(room)
        return out
    out.update(
        _deciding_input(
            budget=budget,
            price_low=price_low,
            price_high=price_high,
            course_low=course_low,
            course_high=course_high,
            upkeep_low=upkeep_low,
            upkeep_high=upkeep_high,
        )
    )
    return out


def _upkeep_room(
    *,
    budget: float,
    months: float,
    price_high: float,
    course_high: float,
    upkeep_low: float,
    upkeep_high: float,
    results_low: float,
) -> dict[str, HingeValue] | None:
    """The upkeep room's hinge_* values when the course fits at its highest and only the upkeep is open
    (with room for at least its published minimum); None otherwise."""
    course_top = course_high * price_high  # NaN when either is open
    course_fits = not _nan(course_top) and course_top <= budget
    if not (course_fits and _nan(upkeep_high) and price_high > 0):
        return None
    extra = _floor((budget - course_top) / price_high)
    if not extra >= upkeep_low:  # (a NaN minimum never fits)
        return None
    out: dict[str, HingeValue] = {"hinge": UPKEEP_ROOM, "hinge_extra_sessions": extra, "hinge_upkeep_open": True}
    out["hinge_at_price"] = price_high
    if upkeep_low > 0 and not _nan(results_low) and results_low > 0:
        # rounds at a duration d: ceil(months / d) - 1, at most `extra` when d >= months / (extra + 1)
        rounds_high = max(_ceil(months / results_low) - 1, 0.0)
        out["hinge_rounds_high"] = rounds_high
        if rounds_high > extra:
            out["hinge_lasting_months"] = _ceil(months / (extra + 1))
    elif extra > 0 and upkeep_low == 0:
        out["hinge_every_months"] = _ceil(months / extra)
    return out


def _deciding_input(
    *,
    budget: float,
    price_low: float,
    price_high: float,
    course_low: float,
    course_high: float,
    upkeep_low: float,
    upkeep_high: float,
) -> dict[str, HingeValue]:
    """The hinge_* values of the price, the session count, either or both, whichever decides (no upkeep
    room); the hinge stays unset when nothing is known to fit."""
    upkeep_open = _nan(upkeep_high)
    n_low = course_low + upkeep_low
    n_high = course_high + (upkeep_low if upkeep_open else upkeep_high)  # NaN when the course is open
    out: dict[str, HingeValue] = {"hinge_upkeep_open": upkeep_open}
    price_at_most = _floor(budget / n_high) if not _nan(n_high) and n_high > 0 else np.nan
    sessions_at_most = _floor(budget / price_high) if not _nan(price_high) and price_high > 0 else np.nan
    price_varies = _nan(price_low) or _nan(price_high) or price_high > price_low
    count_varies = _nan(n_high) or n_high > n_low
    price_ok = not _nan(price_at_most) and (_nan(price_low) or price_at_most >= price_low)
    count_ok = not _nan(sessions_at_most) and sessions_at_most >= n_low
    if price_ok and (count_ok and count_varies and price_varies):
        out.update(hinge=PRICE_OR_SESSIONS, hinge_price=price_at_most, hinge_sessions=sessions_at_most)
        out["hinge_at_price"] = price_high
    elif price_ok and (price_varies or not count_ok):
        out.update(hinge=PRICE, hinge_price=price_at_most)
        if count_varies and n_low > 0:
            out["hinge_price_fewest"] = _floor(budget / n_low)
    elif count_ok:
        out.update(hinge=SESSIONS, hinge_sessions=sessions_at_most, hinge_at_price=price_high)
        if price_varies and not _nan(price_low) and price_low > 0:
            out["hinge_sessions_cheapest"] = _floor(budget / price_low)
    elif not _nan(price_low) and price_low > 0:
        out.update(hinge=PRICE_AND_SESSIONS, hinge_sessions=_floor(budget / price_low), hinge_at_price=price_low)
    elif n_low > 0:  # only an 'up to' price: at the fewest sessions
        out.update(hinge=PRICE_AND_SESSIONS, hinge_price=_floor(budget / n_low), hinge_sessions=n_low)
    return out


def hinge_columns(
    table: pd.DataFrame, fit: npt.NDArray[Any], budget: float | None, horizon_years: int
) -> dict[str, npt.NDArray[Any]]:
    """HINGE_COLUMNS for every row of a comparison table, as arrays in the table's row order.

    `fit`: each row's budget fit (explain.budget_fit's codes, None without a budget). Reads session_low/high,
    sessions_*, maintenance_sessions_low/high, initial_low/high and total_low/high. Without a budget every
    column but the course's session counts is empty.
    """
    course = costs.session_counts(table)
    n = len(table)
    empty = {c: np.full(n, np.nan) for c in HINGE_COLUMNS}
    empty["course_sessions_low"], empty["course_sessions_high"] = course["low"], course["high"]
    empty["course_fit"] = np.full(n, None, dtype=object)
    empty["hinge"] = np.full(n, None, dtype=object)
    empty["hinge_upkeep_open"] = np.zeros(n, dtype=bool)
    if budget is None or not n:
        return empty
    low, high = _column(table, "initial_low"), _column(table, "initial_high")
    fit = np.asarray(fit, dtype=object)
    fit_choices: list[Any] = [None, FITS, OVER]  # (None is an object choice to numpy, not in its stubs' ArrayLike)
    empty["course_fit"] = np.select(
        [np.isnan(low) & np.isnan(high), high <= budget, low > budget],
        fit_choices,
        default=MAY_FIT,
    ).astype(object)
    total_low, total_high = _column(table, "total_low"), _column(table, "total_high")
    with np.errstate(invalid="ignore"):
        empty["budget_margin"] = np.where(
            fit == FITS,
            np.floor(budget - total_high + _EPS),
            np.where(fit == OVER, np.floor(total_low - budget + _EPS), np.nan),
        )
    may_fit = np.flatnonzero(fit == MAY_FIT)
    if not len(may_fit):
        return empty
    figures = {
        "price_low": _column(table, "session_low"),
        "price_high": _column(table, "session_high"),
        "course_low": course["low"],
        "course_high": course["high"],
        "upkeep_low": _column(table, "maintenance_sessions_low"),
        "upkeep_high": _column(table, "maintenance_sessions_high"),
        "results_low": _column(table, "results_months_low"),
    }
    months = float(horizon_years) * 12
    for i in may_fit:
        values = {k: float(v[i]) for k, v in figures.items()}
        for column, value in hinge(budget=budget, months=months, **values).items():
            empty[column][i] = value
    return empty


def _column(table: pd.DataFrame, column: str) -> npt.NDArray[np.float64]:
    if column not in table:
        return np.full(len(table), np.nan)
    values = table[column]
    if values.dtype.kind not in "fiu":  # text or objects: read as numbers, unreadable as NaN
        values = pd.to_numeric(values, errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan)
