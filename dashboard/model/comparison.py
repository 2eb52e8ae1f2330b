"""From filters to the comparison: which options match, their costs, budget fit and Pareto front."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard import vocab
from dashboard.dataset.loader import Dataset
from dashboard.model import assumptions as assumption_rules
from dashboard.model import costs, inflation, price_combine
from dashboard.model.decision import hinge_columns
from dashboard.model.explain import budget_fit, missing_inputs
from dashboard.model.filters import HORIZON_RANGE, Filters
from dashboard.model.quote_costs import quote_rows
from dashboard.model.row import OVER
from dashboard.model.trial_results import ALL_COLUMNS as TRIAL_COLUMNS
from dashboard.model.trial_results import trials_for


@dataclass(frozen=True)
class Catalog:
    """The dataset plus what depends only on it (per-session prices per market). Read-only."""

    data: Dataset
    session_prices: MappingProxyType[tuple[str, str], pd.DataFrame]  # (prices_in, market) -> frame indexed by id
    # (prices_in, market, horizon years) -> every option with its costs
    costs_by_view: MappingProxyType[tuple[str, str, int], pd.DataFrame]
    price_index: inflation.PriceIndex = inflation.EMPTY_INDEX
    # concern id (None: no concern chosen) -> EVIDENCE_COLUMNS for every option, indexed by treatment id
    evidence_by_concern: MappingProxyType[str | None, pd.DataFrame] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # concern id (None: no concern chosen) -> what trials found (trial_results.ALL_COLUMNS) for every option
    trials_by_concern: MappingProxyType[str | None, pd.DataFrame] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def treatment_ids(self) -> frozenset[str]:
        return frozenset(self.data.treatments["id"])


def build_catalog(
    data: Dataset,
    index: inflation.PriceIndex | None = None,
    views: Collection[tuple[str, str, int]] | None = None,
) -> Catalog:
    """Precompute, once at start-up, per-session prices per market and the cost table of every
    "prices in" setting, market and horizon, so a filter change never re-runs the cost model.

    `views`: the (prices in, market, horizon) views to build, when not all are needed (an export needs one);
    the catalog then holds just those (and the per-session prices of their markets). Default: every view.

    Prices are adjusted for inflation with `index` before the model (inflation.adjust_prices);
    without an index every figure stays as published (and says so). A price row with no year of its own takes
    its page's year (sources.csv `year`, published or last reviewed): the figure was published no later.
    """
    index = index or inflation.EMPTY_INDEX
    wanted = None if views is None else set(views)
    per_market: dict[tuple[str, str], pd.DataFrame] = {}
    by_view: dict[tuple[str, str, int], pd.DataFrame] = {}
    treatments = _plain_text(data.treatments.set_index("id", drop=False))
    dated = price_years(data.prices, data.sources)
    adjusted = {setting: inflation.adjust_prices(dated, index, setting) for setting in inflation.PRICES_IN}
    # nothing to adjust: the latest-year views are the published ones (filled in below)
    own_latest = bool(adjusted[inflation.LATEST]["adjusted"].any())

    def needed(setting: str, market: str, horizon: int) -> bool:
        if wanted is None or (setting, market, horizon) in wanted:
            return True
        return setting == inflation.PUBLISHED and not own_latest and (inflation.LATEST, market, horizon) in wanted

    for setting, prices in adjusted.items():
        if setting == inflation.LATEST and not own_latest:
            continue
        for m in vocab.MARKETS:
            horizons = [h for h in range(HORIZON_RANGE[0], HORIZON_RANGE[1] + 1) if needed(setting, m, h)]
            if not horizons:
                continue
            per_market[(setting, m)] = _plain_text(price_combine.session_prices(data.treatments, prices, m))
            for h in horizons:
                by_view[(setting, m, h)] = _cost_view(data, treatments, per_market[(setting, m)], h)
    for key in [k for k in by_view if k[0] == inflation.PUBLISHED and (inflation.LATEST, *k[1:]) not in by_view]:
        by_view[(inflation.LATEST, *key[1:])] = by_view[key]
    for pair in [k for k in per_market if k[0] == inflation.PUBLISHED and (inflation.LATEST, k[1]) not in per_market]:
        per_market[(inflation.LATEST, pair[1])] = per_market[pair]
    if wanted is not None:  # just the views asked for (a published one may have stood in for a latest one)
        by_view = {k: v for k, v in by_view.items() if k in wanted}
        per_market = {k: v for k, v in per_market.items() if any(k == w[:2] for w in wanted)}
    ids = pd.Index(data.treatments["id"])
    concerns: list[str | None] = [None, *dict.fromkeys(data.concerns["concern"])]
    return Catalog(
        data=data,
        session_prices=MappingProxyType(per_market),
        costs_by_view=MappingProxyType(by_view),
        price_index=index,
        evidence_by_concern=MappingProxyType({c: _evidence(data, c, ids) for c in concerns}),
        trials_by_concern=MappingProxyType({c: trials_for(data.trials, c, ids) for c in concerns}),
    )


def _plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as plain objects: one block for all of them, so each per-request row selection copies
    one array instead of one per column (the same values; missing stays missing)."""
    text = [c for c, dtype in frame.dtypes.items() if isinstance(dtype, pd.StringDtype)]
    if not text:
        return frame
    plain = frame.copy()
    for column in text:
        plain[column] = plain[column].astype(object)
    return plain.copy()  # one block per kind again


def _cost_view(data: Dataset, treatments: pd.DataFrame, per_session: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """Every option (`treatments`: data.treatments indexed by id) with its costs in one market (`per_session`:
    its prices) over one horizon, and the inputs its cost lacks."""
    table = treatments.join(costs.cost_view(data.treatments, per_session, horizon))
    table["kind"] = "published"
    table["assumed"] = [() for _ in range(len(table))]
    table["assumed_fields"] = [() for _ in range(len(table))]
    table["missing_inputs"] = [missing_inputs(r) for _, r in table.iterrows()]
    return _plain_text(table)


@dataclass(frozen=True)
class Comparison:
    """The rows to show and what was left out."""

    rows: pd.DataFrame  # one row per option shown, indexed by treatment id
    hidden_over_budget: int
    filters: Filters
    table: pd.DataFrame | None = None  # every option (and quote) before the filters, for the side-by-side view
    # id -> {"low"|"typical"|"high": cost by end of year 0..H}
    cumulative: MappingProxyType[str, dict[str, list[float]]] | None = None
    price_index: inflation.PriceIndex = inflation.EMPTY_INDEX  # the index the prices were adjusted with


def _present(value: object) -> bool:
    """False for a missing cell (None, pd.NA, NaN), as pandas' notna."""
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


def _floats(column: pd.Series[Any]) -> npt.NDArray[np.float64]:
    """A column's values as float64, unknown as NaN."""
    return column.to_numpy(dtype="float64", na_value=np.nan)


def pareto_front(cost: pd.Series[Any], downtime: pd.Series[Any], risk: pd.Series[Any]) -> pd.Series[bool]:
    """True for options that no other option beats on cost, downtime and risk at once.

    An option is beaten when another is no worse on all three and better on at least one.
    Options with an unknown figure are not compared (False).
    """
    values = np.column_stack([_floats(cost), _floats(downtime), _floats(risk)])
    known = ~np.isnan(values).any(axis=1)
    values = values[known]
    # [i, j]: option j is no worse than option i on every figure, and better on one
    no_worse = np.all(values[None, :, :] <= values[:, None, :], axis=2)
    better = np.any(values[None, :, :] < values[:, None, :], axis=2)
    front = ~(no_worse & better).any(axis=1)
    out = np.zeros(len(cost), dtype=bool)
    out[known] = front
    # (pandas-stubs: a Series of a bool array is typed Series[float])
    return pd.Series(out, index=cost.index)  # type: ignore[return-value]


def full_table(catalog: Catalog, filters: Filters, assumptions: Sequence[dict[str, Any]] = ()) -> pd.DataFrame:
    """Every option with its costs for the market and horizon (the user's assumptions applied),
    its evidence for the concern, budget fit with what it hinges on and the inputs its cost lacks."""
    table = catalog.costs_by_view[(filters.prices_in, filters.market, filters.horizon)]
    table = assumption_rules.apply(table, list(assumptions), filters.market, filters.horizon)
    evidence = catalog.evidence_by_concern.get(filters.concern)
    if evidence is None:  # a concern no option is linked to
        evidence = _evidence(catalog.data, filters.concern, table.index)
    elif not evidence.index.equals(table.index):
        evidence = evidence.reindex(table.index)
    trials = catalog.trials_by_concern.get(filters.concern)
    if trials is None:  # a concern no option is linked to
        trials = trials_for(catalog.data.trials, filters.concern, table.index)
    elif not trials.index.equals(table.index):
        trials = trials.reindex(table.index)
    columns = {column: evidence[source].to_numpy() for column, source in EVIDENCE_COLUMNS.items()}
    columns.update({column: trials[column].to_numpy() for column in TRIAL_COLUMNS})
    return _add_answers(table, filters, columns)


def _add_answers(
    table: pd.DataFrame, filters: Filters, columns: Mapping[str, npt.NDArray[Any]] | None = None
) -> pd.DataFrame:
    """The table with `columns` (arrays in its row order) and its answers: budget fit, what it hinges on and
    its margin, the missing inputs and lost pay; the new columns after the table's own, in that order."""
    fit = budget_fit(table["total_low"], table["total_high"], filters.budget).to_numpy()
    answers = {**(columns or {}), "budget_fit": fit}
    answers.update(hinge_columns(table, fit, filters.budget, filters.horizon))
    answers.update(_time_off(table, filters.daily_earnings))
    table = _with_columns(table, answers)
    redo = [bool(a) or k != "published" for a, k in zip(table["assumed_fields"], table["kind"], strict=True)]
    if any(redo):
        codes = table["missing_inputs"].tolist()
        for i in np.flatnonzero(redo):
            codes[i] = missing_inputs(table.iloc[i])
        table["missing_inputs"] = codes
    return table


def _with_columns(table: pd.DataFrame, columns: Mapping[str, Any]) -> pd.DataFrame:
    """The table with each of `columns` (arrays in its row order) set: a column it has keeps its place, the
    others follow its own in the order given (joined in one step, so the frame stays in few blocks)."""
    table = table.copy(deep=False)
    new = {}
    for name, values in columns.items():
        if name in table:
            table[name] = values
        else:
            new[name] = values
    if not new:
        return table
    return pd.concat([table, pd.DataFrame(new, index=table.index)], axis=1)


def compare(
    catalog: Catalog,
    filters: Filters,
    quotes: Sequence[dict[str, Any]] = (),
    assumptions: Sequence[dict[str, Any]] = (),
) -> Comparison:
    """The comparison frame for the filters: matching options (and the user's quotes in the
    market's currency, as rows of their own) with costs, budget fit and the Pareto front.

    Rows are sorted by the lower bound of the total, then the upper (an open upper bound after any
    known one); options without a price come last."""
    everything = full_table(catalog, filters, assumptions)
    if quotes:
        everything = _with_quotes(everything, catalog, filters, quotes)
    mask, hidden = _kept(everything, filters)
    table = everything.iloc[_order(everything, mask)]
    table["pareto"] = pareto_front(table["total_high"], table["downtime_days_high"], table["risk_tier"]).to_numpy()
    chosen = everything[everything.index.isin(filters.compare)] if filters.compare else None
    cumulative = {}
    if chosen is not None and len(chosen):
        cumulative = costs.cumulative_costs(chosen.reset_index(drop=True), filters.horizon)
    return Comparison(
        rows=table,
        hidden_over_budget=hidden,
        filters=filters,
        table=everything,
        cumulative=MappingProxyType(cumulative),
        price_index=catalog.price_index,
    )


def _with_quotes(
    table: pd.DataFrame, catalog: Catalog, filters: Filters, quotes: Sequence[dict[str, Any]]
) -> pd.DataFrame:
    """The full table with the person's quotes appended as rows of their own (with their answers)."""
    extra = quote_rows(
        table,
        table,  # the treatments' facts with the person's assumptions applied, so her quotes use them too
        list(quotes),
        filters.market,
        filters.horizon,
        inflation.adjust_prices(catalog.data.prices, catalog.price_index, filters.prices_in),
        adjust=lambda currency, year: inflation.factor_for(currency, year, catalog.price_index, filters.prices_in)[0],
    )
    if len(extra):
        extra = _add_answers(extra, filters)
        table = pd.concat([table, extra]).copy()  # the rows joined column by column: back to a few blocks
    return table


def _kept(table: pd.DataFrame, filters: Filters) -> tuple[npt.NDArray[np.bool_], int]:
    """Which rows of the table the filters keep, and how many over-budget rows they hide."""
    downtime, risk = _floats(table["downtime_days_high"]), _floats(table["risk_tier"])
    mask = np.ones(len(table), dtype=bool)
    if filters.concern:
        mask &= np.array([_present(v) for v in table["evidence"].tolist()], dtype=bool)
    if filters.categories:
        mask &= np.array([c in filters.categories for c in table["category"].tolist()], dtype=bool)
    if filters.max_downtime is not None:
        mask &= np.isnan(downtime) | (downtime <= filters.max_downtime)
    mask &= risk <= filters.max_risk
    # a quote over budget stays listed (dimmed and counted): the person's own figure is never hidden
    fits, kinds = table["budget_fit"].tolist(), table["kind"].tolist()
    over = mask & np.array([f == OVER and k != "your quote" for f, k in zip(fits, kinds, strict=True)], dtype=bool)
    hidden = 0
    if not filters.show_over_budget:
        hidden = int(over.sum())
        mask &= ~over
    return mask, hidden


def _order(table: pd.DataFrame, mask: npt.NDArray[np.bool_]) -> list[int]:
    """The kept rows' positions in the table, in the comparison's order: lower bound (unknown last), upper
    bound (open last), name, then the table's order."""
    low, high = _floats(table["total_low"]).tolist(), _floats(table["total_high"]).tolist()
    names = table["name"].tolist()
    return sorted(
        np.flatnonzero(mask).tolist(),
        key=lambda i: (
            math.isnan(low[i]),
            0.0 if math.isnan(low[i]) else low[i],
            math.inf if math.isnan(high[i]) else high[i],
            names[i],
        ),
    )


# comparison column -> concerns.csv column
EVIDENCE_COLUMNS = {"evidence": "evidence", "evidence_note": "note", "evidence_source": "source_id"}


def _evidence(data: Dataset, concern: str | None, index: pd.Index) -> pd.DataFrame:
    """The evidence grade, note and source of each option in `index` for the concern (all missing without
    one), as object columns named as in concerns.csv."""
    columns = list(EVIDENCE_COLUMNS.values())
    if not concern:
        return pd.DataFrame({c: pd.Series(None, index=index, dtype="object") for c in columns})
    rows = data.concerns[data.concerns["concern"] == concern].set_index("treatment_id")
    return pd.DataFrame({c: rows[c].reindex(index).astype("object") for c in columns})


def _time_off(table: pd.DataFrame, daily_earnings: float | None) -> dict[str, npt.NDArray[np.float64]]:
    """Lost pay from downtime (days x daily earnings), kept apart from the price; and a labelled sum of
    the two as a range, as columns lost_pay_* and with_time_off_* (arrays in the table's row order). Downtime
    known only as "up to N days" gives lost pay from 0; unknown downtime leaves the sum's upper bound open (lost
    pay is never below 0, so the price stays a lower bound)."""
    if daily_earnings is None:
        empty = np.full(len(table), np.nan)
        return {
            f"{name}_{kind}": empty.copy() for kind in vocab.FIGURE_BOUNDS for name in ("lost_pay", "with_time_off")
        }
    low_days = table["downtime_days_low"].to_numpy(dtype="float64", na_value=np.nan)
    high_days = table["downtime_days_high"].to_numpy(dtype="float64", na_value=np.nan)
    low_or_zero = np.where(np.isnan(low_days), np.where(np.isnan(high_days), np.nan, 0.0), low_days)
    lost_low, lost_high = low_or_zero * daily_earnings, high_days * daily_earnings
    total_low = table["total_low"].to_numpy(dtype="float64", na_value=np.nan)
    total_high = table["total_high"].to_numpy(dtype="float64", na_value=np.nan)
    return {
        "lost_pay_low": lost_low,
        "lost_pay_high": lost_high,
        "with_time_off_low": total_low + np.nan_to_num(lost_low, nan=0.0),
        "with_time_off_high": total_high + lost_high,
    }


def price_years(prices: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """`prices` with each missing `year` taken from its one source's year (a page's published or last-reviewed
    year: the figure is no later); a summary citing several pages, or a source with no year, stays undated."""
    if "year" not in sources or not prices["year"].isna().any():
        return prices
    page_year = {sid: int(y) for sid, y in zip(sources["id"], sources["year"], strict=True) if pd.notna(y)}
    # (pandas-stubs: pd.array takes no dtype of a column whose dtype it cannot tell, though pandas does)
    filled = pd.array([page_year.get(sid) for sid in prices["source_id"]], dtype=prices["year"].dtype)  # type: ignore[misc, arg-type]
    out = prices.copy()
    out["year"] = out["year"].fillna(pd.Series(filled, index=prices.index))
    return out


def crossover(years: list[int], a: Sequence[float | None], b: Sequence[float | None]) -> tuple[int, int] | None:
    """(year, which) when the option that starts cheaper (which: 0 = a, 1 = b) has cost more by that year: the
    first year in `years` at which it has; `a` and `b` are amounts paid so far by year (money; None or NaN
    where unknown, left out). None when neither starts cheaper or the cheaper one never overtakes."""
    pairs = [(y, x, z) for y, x, z in zip(years, a, b, strict=True) if not (pd.isna(x) or pd.isna(z))]
    if len(pairs) < 2:
        return None
    for which, (cheaper, dearer) in enumerate([(1, 2), (2, 1)]):
        if pairs[0][cheaper] < pairs[0][dearer]:
            for year, *vals in pairs:
                if vals[cheaper - 1] > vals[dearer - 1]:
                    return year, which
            return None
    return None
