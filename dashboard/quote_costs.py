"""A user's quotes through the cost model, and each quote placed against the published figures.

A quote's per-session price: a quote for N sessions (or a course of N sessions) is divided by N;
a quote for a procedure is the procedure's price; a quote for N syringes, vials or areas is the
price of one session using that many. The per-session price then goes through the same model as
published prices: initial course, maintenance over the horizon, first-year total.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import costs, vocab

QUOTE_BASIS = "your-quote"


def quote_session_price(quote: dict) -> float:
    """The per-session price a quote implies (see the module docstring)."""
    if quote["covers"] in ("session", "course"):
        return quote["price"] / quote["quantity"]
    return quote["price"]


def placement(price: float, low: float, typical: float, high: float) -> str:
    """'below', 'within' or 'above' the published per-session range; 'unknown' without one."""
    lo = low if not pd.isna(low) else typical
    hi = high if not pd.isna(high) else typical
    if pd.isna(lo) or pd.isna(hi):
        return "unknown"
    if price < lo:
        return "below"
    if price > hi:
        return "above"
    return "within"


def comparison_note(position: str, basis: str | None, symbol: str, diff: float, pct: float) -> str:
    """One sentence on where the quote stands, saying when the comparison is not like for like."""
    if position == "unknown":
        return "No published price to compare with in this market."
    text = f"{position.capitalize()} the published range"
    if not pd.isna(diff):
        sign = "more" if diff > 0 else "less"
        text += f"; {symbol}{abs(diff):,.0f} ({abs(pct):.0f}%) {sign} than the typical figure" if diff else "; equal to the typical figure"
    if basis == "surgeon-fee":
        text += (". The published figure is a surgeon's fee only (no anaesthesia or facility); a quote usually "
                 "includes them, so it is not like for like")
    elif basis == "not-stated":
        text += ". The published figure does not say what it includes"
    return text + "."


def quote_rows(table: pd.DataFrame, treatments: pd.DataFrame, quotes: list[dict], market: str, horizon: int,
               adjust=None) -> pd.DataFrame:
    """Rows for the quotes in the market's currency, shaped like the comparison table's rows.

    `adjust(currency, year)` -> the inflation factor for a quote dated in `year` (None when undated);
    without it, or for an undated quote, the price stays as quoted. Column `quote_price_as_quoted` keeps it.
    """
    currency = vocab.MARKET_CURRENCY[market]
    symbol = vocab.CURRENCY_SYMBOL[currency]
    chosen = [q for q in quotes if q["currency"] == currency and q["treatment_id"] in table.index]
    if not chosen:
        return table.iloc[0:0]
    base = table.loc[[q["treatment_id"] for q in chosen]].copy()
    ids = [f"quote-{q['id']}" for q in chosen]
    years = [_year(q.get("date")) for q in chosen]
    quoted = np.array([quote_session_price(q) for q in chosen])
    per_session = quoted * np.array([adjust(currency, y) if adjust else 1.0 for y in years])
    position, diff, pct, notes = [], [], [], []
    for price, (_, row) in zip(per_session, base.iterrows(), strict=True):
        where = placement(price, row["session_low"], row["session_typical"], row["session_high"])
        d = price - row["session_typical"] if not pd.isna(row["session_typical"]) else np.nan
        p = 100 * d / row["session_typical"] if not pd.isna(d) and row["session_typical"] else np.nan
        position.append(where)
        diff.append(d)
        pct.append(p)
        notes.append(comparison_note(where, row["basis"], symbol, d, p))
    published = base[["session_low", "session_typical", "session_high", "basis"]].to_numpy()
    treatments_q = treatments.set_index("id").loc[[q["treatment_id"] for q in chosen]].reset_index()
    treatments_q["id"] = ids
    prices = pd.DataFrame({f"session_{k}": per_session for k in costs.KINDS}, index=ids)
    model = costs.horizon_costs(treatments_q, prices, horizon)
    first = costs.horizon_costs(treatments_q, prices, 1)
    out = base.copy()
    out.index = pd.Index(ids, name=base.index.name)
    out["id"] = ids
    out["kind"] = "your quote"
    out["treatment_id"] = [q["treatment_id"] for q in chosen]
    out["name"] = [f"Your quote: {q['clinic']} ({row['name']})" for q, (_, row) in zip(chosen, base.iterrows(), strict=True)]
    out["clinic"] = [q["clinic"] for q in chosen]
    out["quote_date"] = [q["date"] for q in chosen]
    for column in model.columns:
        out[column] = model[column].to_numpy()
    for kind in costs.KINDS:
        out[f"session_{kind}"] = per_session
        out[f"first_year_{kind}"] = first[f"total_{kind}"].to_numpy()
        for suffix in costs.TEXT_SUFFIXES:
            out[f"session_{kind}{suffix}"] = None
        out[f"session_{kind}_year"] = np.array(years, dtype="float64")  # the quote's date: its price year
    out["published_session_low"], out["published_session_typical"], out["published_session_high"], out["published_basis"] = (
        published[:, 0].astype(float), published[:, 1].astype(float), published[:, 2].astype(float), published[:, 3])
    out["basis"] = QUOTE_BASIS
    out["currency"] = currency
    out["quote_position"] = position
    out["quote_vs_typical"] = diff
    out["quote_vs_typical_pct"] = pct
    out["quote_note"] = notes
    out["price_rows"] = 0
    out["quote_price_as_quoted"] = quoted
    return out


def _year(date) -> float:
    """The year of an ISO date (YYYY-MM-DD), NaN when the quote is undated."""
    return float(str(date)[:4]) if isinstance(date, str) and date[:4].isdigit() else np.nan
