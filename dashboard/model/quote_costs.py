"""A user's quotes through the cost model, and each quote placed against the published figures.

What a quote's price covers decides how it is read (`quantity` is N):
- session: N sessions; the per-session price is price / N, and N > 1 sessions are the initial course as
  quoted (the clinic's own count replaces the published one).
- procedure: one procedure; the per-session price is the price.
- syringe, vial, area, unit: one session using N of them; the per-unit price is price / N and
  the per-session price is the price.
- course: the initial course as quoted, of N sessions: the initial cost is the price (never
  multiplied again) and the per-session price, used for any upkeep, is price / N.

A quote is compared first with the published figure of its own unit (per unit, per syringe,
per course...), then per session: the rows keep where it sits (codes) and by how much (values); the
words are made in output.quote_placement_words. The per-session price goes through the same model as
published prices: initial course, maintenance over the horizon, first-year total.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard import vocab
from dashboard.model import costs, price_combine
from dashboard.model.quote_nearest import nearest_figure

QUOTE_BASIS = "your-quote"


def quote_session_price(quote: Mapping[str, Any]) -> float:
    """The per-session price a quote implies (see the module docstring)."""
    price: float = quote["price"]
    quantity: int = quote["quantity"]
    if quote["covers"] in ("session", "course"):
        return price / quantity
    return price


def quote_unit_price(quote: Mapping[str, Any]) -> float:
    """The price of one of what the quote covers: a unit, a syringe, a session, a course, a procedure."""
    price: float = quote["price"]
    quantity: int = quote["quantity"]
    if quote["covers"] in ("course", "procedure"):
        return price
    return price / quantity


def compare_price(price: float, published: Sequence[float]) -> tuple[str, float, float]:
    """(position, difference from the typical figure, that difference in percent of it) for a price against a
    published (low, typical, high) figure; the difference and percent are NaN without a typical figure."""
    low, typical, high = published
    where = placement(price, low, typical, high)
    if where == "unknown":
        return where, np.nan, np.nan
    diff = price - typical if not pd.isna(typical) else np.nan
    pct = 100 * diff / typical if not pd.isna(diff) and typical else np.nan
    return where, diff, pct


def placement(price: float, low: float, typical: float, high: float) -> str:
    """'below', 'within' or 'above' the published range; 'unknown' without one."""
    lo = low if not pd.isna(low) else typical
    hi = high if not pd.isna(high) else typical
    if pd.isna(lo) and pd.isna(hi):
        return "unknown"
    if not pd.isna(lo) and price < lo:
        return "below"
    if not pd.isna(hi) and price > hi:
        return "above"
    return "within"  # a "from" (or "up to") figure leaves the other side open


def unit_prices(prices: pd.DataFrame, treatment_id: str, market: str, unit: str) -> price_combine.PriceRecord:
    """The published figures of one treatment in one market for one unit (per syringe, per course ...),
    combined by the cost model's rule (weak rows only stand in, one basis, newest row first)."""
    rows = prices[(prices["treatment_id"] == treatment_id) & (prices["market"] == market) & (prices["unit"] == unit)]
    counted_once = pd.Series({"session_unit": unit, **{f"units_per_session_{k}": 1.0 for k in vocab.FIGURE_KINDS}})
    return price_combine.combine_prices(rows, counted_once)


def place_quote(
    quote: Mapping[str, Any], published_session: pd.Series[Any], prices: pd.DataFrame | None, market: str
) -> dict[str, Any]:
    """Where a quote stands: against its own unit's published figure first, then per session.

    Returns {"position", "diff", "pct", "compared_per", "published": (low, typical, high), "basis"} for the
    figure it is compared with (its own unit's when one is published, else the per-session one), and
    {"session_position", "session_diff", "session_pct"} for its per-session price against the per-session figure.
    """
    unit = quote["covers"]
    session_fig = tuple(published_session[f"session_{k}"] for k in vocab.FIGURE_KINDS)
    session = compare_price(quote_session_price(quote), session_fig)
    placed = dict(
        position=session[0],
        diff=session[1],
        pct=session[2],
        compared_per="session" if unit not in vocab.PER_SESSION_UNITS else unit,
        published=session_fig,
        basis=published_session["basis"],
        session_position=session[0],
        session_diff=session[1],
        session_pct=session[2],
    )
    if unit in vocab.PER_SESSION_UNITS:
        return placed
    own = unit_prices(prices, quote["treatment_id"], market, unit) if prices is not None else {}
    own_fig = tuple(own.get(f"session_{k}", np.nan) for k in vocab.FIGURE_KINDS)
    first = compare_price(quote_unit_price(quote), own_fig)
    if first[0] != "unknown":
        placed.update(
            position=first[0], diff=first[1], pct=first[2], compared_per=unit, published=own_fig, basis=own.get("basis")
        )
    return placed


def quotes_left_out(quotes: Sequence[Mapping[str, Any]], market: str) -> list[Mapping[str, Any]]:
    """The quotes not shown in a market because their currency is not the market's."""
    currency = vocab.MARKET_CURRENCY[market]
    return [q for q in quotes if q["currency"] != currency]


def quote_rows(
    table: pd.DataFrame,
    treatments: pd.DataFrame,
    quotes: Sequence[Mapping[str, Any]],
    market: str,
    horizon: int,
    prices: pd.DataFrame | None = None,
    adjust: Callable[[str, float], float] | None = None,
) -> pd.DataFrame:
    """Rows for the quotes in the market's currency, shaped like the comparison table's rows.

    `prices` (the dataset's price rows, adjusted as the table's are) gives the published figures per
    unit; without it a quote per syringe, vial, area, unit or course is compared per session only.
    `adjust(currency, year)` -> the inflation factor for a quote dated in `year` (None when undated);
    without it, or for an undated quote, the price stays as quoted. Column `quote_price_as_quoted` keeps it.
    """
    currency = vocab.MARKET_CURRENCY[market]
    chosen = [q for q in quotes if q["currency"] == currency and q["treatment_id"] in table.index]
    if not chosen:
        return table.iloc[0:0]
    base = table.loc[[q["treatment_id"] for q in chosen]].copy()
    ids = [f"quote-{q['id']}" for q in chosen]
    years = [_year(q.get("date")) for q in chosen]
    factors = [adjust(currency, y) if adjust else 1.0 for y in years]
    quoted = np.array([quote_session_price(q) for q in chosen])
    chosen_adjusted = [{**q, "price": q["price"] * f} for q, f in zip(chosen, factors, strict=True)]
    per_session = np.array([quote_session_price(q) for q in chosen_adjusted])
    placed = [place_quote(q, row, prices, market) for q, (_, row) in zip(chosen_adjusted, base.iterrows(), strict=True)]
    out = _quote_identity(base, chosen, ids)
    treatments_q = _quoted_treatments(treatments, chosen, ids)
    _add_quote_figures(out, base, treatments_q, per_session, years, placed, horizon, currency)
    _add_placement(out, chosen, chosen_adjusted, placed)
    # (pandas-stubs: a column is set from a list of any objects, dicts here, though the stubs take scalars only)
    out["quote_nearest"] = [  # type: ignore[assignment]
        nearest_figure(q, price, treatments, prices, market, table) if p["position"] == "unknown" else None
        for q, price, p in zip(chosen_adjusted, per_session, placed, strict=True)
    ]
    out["price_rows"] = 0
    out["quote_price_as_quoted"] = quoted
    return out


def _quote_identity(base: pd.DataFrame, chosen: Sequence[Mapping[str, Any]], ids: list[str]) -> pd.DataFrame:
    """The quoted options' rows renamed as the quotes: id, kind, name, clinic and date."""
    out = base.copy()
    out.index = pd.Index(ids, name=base.index.name)
    out["id"] = ids
    out["kind"] = "your quote"
    out["treatment_id"] = [q["treatment_id"] for q in chosen]
    out["name"] = [
        f"Your quote: {q['clinic']} ({row['name']})" for q, (_, row) in zip(chosen, base.iterrows(), strict=True)
    ]
    out["clinic"] = [q["clinic"] for q in chosen]
    out["quote_date"] = [q["date"] for q in chosen]
    return out


def _quoted_treatments(treatments: pd.DataFrame, chosen: Sequence[Mapping[str, Any]], ids: list[str]) -> pd.DataFrame:
    """The quoted treatments' facts, one row per quote (id = the quote's), with a course quote's sessions."""
    treatments_q = treatments.set_index("id").loc[[q["treatment_id"] for q in chosen]].reset_index()
    treatments_q["id"] = ids
    # a course quote, or a quote for several sessions, is the initial course as quoted: its own number of sessions
    course = np.array([q["covers"] == "course" or (q["covers"] == "session" and q["quantity"] > 1) for q in chosen])
    for kind in vocab.FIGURE_KINDS:
        column = f"sessions_{kind}"
        counts = treatments_q[column].to_numpy(dtype="float64", na_value=np.nan)
        treatments_q[column] = np.where(course, [q["quantity"] for q in chosen], counts)
    return treatments_q


def _add_quote_figures(
    out: pd.DataFrame,
    base: pd.DataFrame,
    treatments_q: pd.DataFrame,
    per_session: npt.NDArray[np.float64],
    years: list[float],
    placed: list[dict[str, Any]],
    horizon: int,
    currency: str,
) -> None:
    """Adds to `out` the quotes' costs through the model (over the horizon and the first year) at their own
    price per session, a figure of the clinic's own (no published provenance, dated by the quote), beside the
    published figures it is compared with."""
    prices_q = pd.DataFrame({f"session_{k}": per_session for k in vocab.FIGURE_KINDS}, index=out["id"].tolist())
    model = costs.horizon_costs(treatments_q, prices_q, horizon)
    first = costs.horizon_costs(treatments_q, prices_q, 1)
    for column in model.columns:
        out[column] = model[column].to_numpy()
    out["first_year_open"] = first["total_open"].to_numpy()
    for kind in vocab.FIGURE_KINDS:
        out[f"sessions_{kind}"] = treatments_q[f"sessions_{kind}"].to_numpy()
        out[f"session_{kind}"] = per_session
        out[f"first_year_{kind}"] = first[f"total_{kind}"].to_numpy()
        for suffix in (*price_combine.TEXT_SUFFIXES, "_how"):  # the clinic's own figure: no published provenance
            out[f"session_{kind}{suffix}"] = None
        out[f"session_{kind}_year"] = np.array(years, dtype="float64")  # the quote's date: its price year
        out[f"session_{kind}_weak"] = False
        out[f"published_session_{kind}"] = base[f"session_{kind}"].astype(float).to_numpy()
        out[f"published_{kind}"] = [float(p["published"][vocab.FIGURE_KINDS.index(kind)]) for p in placed]
    out["published_basis"] = base["basis"].to_numpy()
    out["session_high_open"] = False
    out["price_note"], out["price_order_note"] = "", ""
    out["basis"] = QUOTE_BASIS
    out["currency"] = currency


def _add_placement(
    out: pd.DataFrame,
    chosen: Sequence[Mapping[str, Any]],
    chosen_adjusted: list[dict[str, Any]],
    placed: list[dict[str, Any]],
) -> None:
    """Adds to `out` what each quote covers and where it sits against the published figures (codes and
    differences, against its own unit's figure and per session)."""
    out["quote_covers"] = [q["covers"] for q in chosen]
    out["quote_quantity"] = [q["quantity"] for q in chosen]
    out["quote_price"] = [q["price"] for q in chosen_adjusted]
    out["quote_compared_per"] = [p["compared_per"] for p in placed]
    out["quote_compared_basis"] = [p["basis"] for p in placed]
    out["quote_position"] = [p["position"] for p in placed]
    out["quote_vs_typical"] = [p["diff"] for p in placed]
    out["quote_vs_typical_pct"] = [p["pct"] for p in placed]
    out["quote_session_position"] = [p["session_position"] for p in placed]
    out["quote_session_vs_typical"] = [p["session_diff"] for p in placed]
    out["quote_session_vs_typical_pct"] = [p["session_pct"] for p in placed]


def _year(date: object) -> float:
    """The year of an ISO date (YYYY-MM-DD), NaN when the quote is undated."""
    return float(str(date)[:4]) if isinstance(date, str) and date[:4].isdigit() else np.nan
