"""What the dataset leaves unknown: per treatment, which inputs of the cost model are missing.

`gaps(data, markets)` finds them (one column per gap key of `gap_keys`); the counts the report adds
(`data_counts`, `undated_counts`, `trial_counts`, `lower_bounds`) are values too. The report in words (the
`coverage` command and the "Still unknown" block of data/README.md) is output.coverage_report's.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import vocab
from dashboard.dataset.loader import Dataset
from dashboard.model import price_combine

# Markets a country-wide figure is expected for; US states (US-NY, ...) have prices only where a source gives them.
NATIONAL_MARKETS = tuple(m for m in vocab.MARKETS if "-" not in m)
# Units whose "sessions" follow one another with no gap (a month's supply of a daily treatment): no interval to find.
BACK_TO_BACK_UNITS = ("month",)
SESSIONS = ("sessions_low", "sessions_typical", "sessions_high")
# the undated price rows are counted per market too, for these
DATED_MARKETS = ("US", "UK")


def gap_keys(markets: tuple[str, ...]) -> tuple[str, ...]:
    """The kinds of gap checked, in report order: prices once per market (none at all, then none per session),
    then sessions and units, how long results last, downtime."""
    return (
        *(f"no_price_{m}" for m in markets),
        *(f"no_session_price_{m}" for m in markets),
        "no_sessions",
        "sessions_no_range",
        "no_interval",
        "no_units",
        *(f"maintenance_{value}" for value in vocab.OPEN_ENDED_MAINTENANCE),
        "duration_one_end",
        "no_downtime",
        "downtime_one_end",
    )


def _known(row: pd.Series, *columns: str) -> list[bool]:
    return [not pd.isna(row[c]) for c in columns]


def gaps(data: Dataset, markets: tuple[str, ...] = NATIONAL_MARKETS) -> pd.DataFrame:
    """Treatments (index: id, file order) x gap keys of gap_kinds(markets): True where that input is missing."""
    treatments = data.treatments
    records: dict[str, dict[str, bool]] = {tid: {} for tid in treatments["id"]}
    for market in markets:
        priced = set(data.prices.loc[data.prices["market"] == market, "treatment_id"])
        session = price_combine.session_prices(treatments, data.prices, market)
        for tid in records:
            has_session_price = session.loc[tid, [f"session_{k}" for k in vocab.FIGURE_KINDS]].notna().any()
            records[tid][f"no_price_{market}"] = tid not in priced
            records[tid][f"no_session_price_{market}"] = tid in priced and not has_session_price
    counted = set(data.prices.loc[data.prices["unit"].isin(vocab.COUNTED_UNITS), "treatment_id"])
    for _, row in treatments.iterrows():
        sessions = _known(row, *SESSIONS)
        several = any(known and row[c] > 1 for c, known in zip(SESSIONS, sessions, strict=True))
        duration = _known(row, "results_months_low", "results_months_high")
        downtime = _known(row, "downtime_days_low", "downtime_days_high")
        records[row["id"]].update(
            no_sessions=not any(sessions),
            sessions_no_range=any(sessions) and not (sessions[0] and sessions[2]),
            no_interval=several
            and row["session_unit"] not in BACK_TO_BACK_UNITS
            and not any(_known(row, "session_interval_weeks_low", "session_interval_weeks_high")),
            no_units=row["id"] in counted
            and not any(_known(row, "units_per_session_low", "units_per_session_typical", "units_per_session_high")),
            **{f"maintenance_{v}": row["maintenance"] == v for v in vocab.OPEN_ENDED_MAINTENANCE},
            duration_one_end=row["maintenance"] == "periodic" and sum(duration) == 1,
            no_downtime=not any(downtime),
            downtime_one_end=sum(downtime) == 1,
        )
    return pd.DataFrame.from_dict(records, orient="index")[list(gap_keys(markets))].astype(bool)


@dataclass(frozen=True)
class DataCounts:
    """How much data the gaps are counted over."""

    treatments: int
    price_rows: int
    concern_links: int
    sources: int


def data_counts(data: Dataset) -> DataCounts:
    return DataCounts(len(data.treatments), int(data.prices["rows"].sum()), len(data.concerns), len(data.sources))


@dataclass(frozen=True)
class UndatedCounts:
    """Price rows with no year on the row or its source (all, and per market of DATED_MARKETS as (market,
    undated, rows)); sources with no published or reviewed year."""

    undated_rows: int
    rows: int
    per_market: tuple[tuple[str, int, int], ...]
    undated_sources: int
    sources: int


def undated_counts(data: Dataset) -> UndatedCounts:
    """How many price rows have no year on the row or its source (overall and per national market), and how many
    sources have no published or reviewed year."""
    years = dict(zip(data.sources["id"], data.sources["year"], strict=True))
    prices = data.prices
    undated = prices["year"].isna() & prices["source_id"].map(lambda s: pd.isna(years.get(s))).astype(bool)
    per_market = tuple(
        (m, int(undated[prices["market"] == m].sum()), int((prices["market"] == m).sum())) for m in DATED_MARKETS
    )
    return UndatedCounts(
        int(undated.sum()),
        int(prices["rows"].sum()),
        per_market,
        int(data.sources["year"].isna().sum()),
        len(data.sources),
    )


@dataclass(frozen=True)
class TrialCounts:
    """One concern with study rows: its options, those with a trial's share of patients improved, and those with
    no study row at all (treatment ids)."""

    concern: str
    options: int
    with_share: int
    no_trial: tuple[str, ...]


def trial_counts(data: Dataset) -> list[TrialCounts]:
    """Per concern with study rows (in file order): how many of its options have a trial's share of patients
    improved, and which have no study row at all."""
    out = []
    for concern in dict.fromkeys(data.concerns["concern"]):
        linked = list(data.concerns.loc[data.concerns["concern"] == concern, "treatment_id"])
        rows = data.trials[data.trials["concern"] == concern]
        if rows.empty:
            continue
        shared = [t for t in linked if rows.loc[rows["treatment_id"] == t, "responders_pct"].notna().any()]
        none = tuple(t for t in linked if t not in set(rows["treatment_id"]))
        out.append(TrialCounts(str(concern), len(linked), len(shared), none))
    return out


def lower_bounds(data: Dataset, ids: list[str]) -> list[tuple[str, float]]:
    """Of the treatments `ids`, those whose results_months_low (a study's follow-up) is known, with it: for
    open-ended maintenance, a lower bound of how long results last."""
    months = data.treatments.set_index("id").loc[ids, "results_months_low"].dropna()
    return [(str(tid), float(m)) for tid, m in months.items()]
