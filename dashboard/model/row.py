"""The comparison row, declared once: every column of `compare(...).rows` with its meaning and unit, the kinds
of a figure, the budget-fit states, the kinds of row and the inputs a cost may lack.

One row per option: a published treatment, one of the person's quotes, or a treatment priced by her
assumption. Money is in the market's currency (USD or GBP), per the price year chosen ("today's money" or as
published); `_open` flags say the high end is not published (the figure is "at least" the low one). The
grid, the charts and the exports read only columns declared here (tests/unit/test_row.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import vocab
from dashboard.dataset import schema

KINDS = vocab.FIGURE_KINDS  # ("low", "typical", "high")
BOUNDS = vocab.FIGURE_BOUNDS  # ("low", "high")

# Budget fit (the `budget_fit` and `course_fit` columns), in the order the grid sorts them.
FITS, MAY_FIT, OVER, NO_PRICE = "fits", "may fit", "over", "no price"
FIT_ORDER = (FITS, MAY_FIT, OVER, NO_PRICE)

# Kinds of row (the `kind` column).
PUBLISHED, YOUR_QUOTE, YOUR_ASSUMPTION = "published", "your quote", "your assumption"
ROW_KINDS = (PUBLISHED, YOUR_QUOTE, YOUR_ASSUMPTION)

# What a row's cost lacks (the `missing_inputs` column), in the order they are said; the words are made in
# dashboard/output/gaps.py.
NO_PRICE_PUBLISHED = "price"  # no usable price per session (`price_problem` says why, when one was published)
PRICE_FROM = "price from"  # only a 'from' price: no upper figure
PRICE_UP_TO = "price up to"  # only an 'up to' price: no lower figure
SESSIONS = "sessions"  # how many sessions the initial course takes (counted as at least one)
REPEAT = "repeat"  # whether and how often it must be repeated (maintenance unknown)
REPEAT_AS_NEEDED = "repeat as needed"  # how often it is repeated as results fade
RESULTS_LAST = "results last"  # how long results last before a periodic repeat
UPKEEP_SESSIONS = "upkeep sessions"  # how many sessions each maintenance round takes
MISSING_INPUTS = (
    NO_PRICE_PUBLISHED,
    PRICE_FROM,
    PRICE_UP_TO,
    SESSIONS,
    REPEAT,
    REPEAT_AS_NEEDED,
    RESULTS_LAST,
    UPKEEP_SESSIONS,
)


@dataclass(frozen=True)
class Column:
    """One column of the comparison row: its name, unit (see UNITS) and meaning."""

    name: str
    unit: str
    meaning: str


UNITS = {
    "money": "the market's currency (USD or GBP), in the chosen price year",
    "count": "a number of sessions, units or study rows",
    "weeks": "weeks",
    "months": "months",
    "days": "days",
    "fraction": "a share between 0 and 1",
    "percent": "a percentage (100 is the whole)",
    "year": "a calendar year",
    "code": "one value of a vocabulary (dashboard/vocab.py or this module)",
    "text": "words for a person",
    "ids": "source ids (sources.csv)",
    "flag": "true or false",
    "record": "a dict of values (what a trial found; what a budget answer hinges on)",
    "note": "values that output puts in words (dashboard/output): a frozen dataclass, a tuple of them, or None",
}

_TREATMENT_UNITS = {
    "int": "count",
    "number": "count",
    "choice": "code",
    "list": "code",
    "slug": "code",
}
_TREATMENT_OVERRIDES = {
    "session_interval_weeks_low": "weeks",
    "session_interval_weeks_high": "weeks",
    "results_months_low": "months",
    "results_months_high": "months",
    "downtime_days_low": "days",
    "downtime_days_high": "days",
    "major_complication_rate": "fraction",
    "source_ids": "ids",
}


def _treatment_columns() -> tuple[Column, ...]:
    """The columns of treatments.csv, as schema.py declares them (their meanings are in data/README.md)."""
    return tuple(
        Column(
            f.name,
            _TREATMENT_OVERRIDES.get(f.name, _TREATMENT_UNITS.get(f.kind, "text")),
            f"treatments.csv `{f.name}` (see data/README.md)",
        )
        for f in schema.TREATMENTS
    )


_PROVENANCE = {
    "": ("money", "the price of one session or procedure"),
    "_source": ("ids", "the source of that figure; a survey of clinic pages cites several, joined by ';'"),
    "_year": ("year", "the year the figure was published, when stated"),
    "_status": ("code", "how sure the figure is (primary, corroborated, secondary, weak)"),
    "_rows": ("count", "how many clinic prices the figure summarises (1 for a published figure)"),
    "_weak": ("flag", "the figure rests on a weak source"),
    "_how": ("code", "stated, average, span, or assumed"),
    "_category": ("text", "the group whose figure it is, when not the treatment's own"),
    "_region": ("text", "where the clinics of the figure are, when a price list says"),
}


def _price_columns() -> tuple[Column, ...]:
    return tuple(
        Column(f"session_{kind}{suffix}", unit, f"{kind}: {meaning}")
        for kind in KINDS
        for suffix, (unit, meaning) in _PROVENANCE.items()
    )


_COSTS = {
    "initial": ("money", "the initial course: sessions x price per session"),
    "maintenance_sessions": ("count", "upkeep sessions over the horizon"),
    "maintenance": ("money", "upkeep over the horizon"),
    "total": ("money", "initial course plus upkeep over the horizon"),
    "per_month": ("money", "the total over the horizon's months"),
    "first_year": ("money", "what the first 12 months cost"),
}


def _cost_columns() -> tuple[Column, ...]:
    return tuple(
        Column(f"{part}_{kind}", unit, f"{kind}: {meaning}")
        for part, (unit, meaning) in _COSTS.items()
        for kind in KINDS
    )


_OTHERS = (
    Column("session_high_open", "flag", "no upper price is published (a 'from' price)"),
    Column(
        "basis", "code", "what the price includes: total-price, not-stated, surgeon-fee, your-quote, your-assumption"
    ),
    Column("currency", "code", "USD or GBP"),
    Column("price_rows", "count", "published price rows for the treatment in the market"),
    Column("price_unit", "code", "the unit the price was published in (session, procedure, syringe, ...)"),
    Column("price_note", "note", "how the price was read (price_combine.PriceNote; None: nothing to say)"),
    Column("price_order_note", "note", "the sources disagree: the range they span is shown (price_combine.OrderNote)"),
    Column(
        "price_problem", "note", "prices are published but no session price could be made (price_combine.PriceProblem)"
    ),
    Column("upkeep_capped", "flag", "a daily treatment's upkeep is counted for every month of the horizon"),
    Column("initial_open", "flag", "the initial course has no published upper figure"),
    Column("total_open", "flag", "the total is 'at least' (upkeep or an upper price is not published)"),
    Column("first_year_open", "flag", "the first-year cost is 'at least'"),
    Column("kind", "code", "published, your quote or your assumption"),
    Column("assumed", "note", "the person's assumptions used for the row (a tuple of assumptions.Assumed)"),
    Column("assumed_fields", "code", "the fields her assumptions set"),
    Column("missing_inputs", "code", "the cost inputs not published and not assumed (MISSING_INPUTS), in order"),
    Column("evidence", "code", "evidence grade for the concern: A, B or C"),
    Column("evidence_note", "text", "the key finding for the concern"),
    Column("evidence_source", "ids", "the source of the evidence grade"),
    Column("trial", "record", "the headline study: share improved, its threshold, n, design, control, NNT"),
    Column("trial_all", "record", "every study row for the treatment and concern"),
    Column("trial_source_ids", "ids", "the studies' sources"),
    Column("budget_fit", "code", "fits, may fit, over or no price (FIT_ORDER)"),
    Column("course_fit", "code", "whether the initial course alone fits the budget"),
    Column("hinge", "code", "what a 'may fit' answer hinges on (price, sessions, upkeep)"),
    Column("hinge_price", "money", "it fits if a session costs at most this"),
    Column("hinge_sessions", "count", "it fits if the sessions in all are at most this"),
    Column("hinge_at_price", "money", "the price per session the hinge sessions are counted at"),
    Column("hinge_price_fewest", "money", "the highest price per session that fits at the fewest sessions"),
    Column("hinge_sessions_cheapest", "count", "the most sessions that fit at the cheapest price"),
    Column("hinge_extra_sessions", "count", "sessions beyond the course the budget leaves room for"),
    Column("hinge_every_months", "months", "it fits if upkeep comes no more often than every this many months"),
    Column("hinge_lasting_months", "months", "how long results must last for it to fit"),
    Column("hinge_rounds_high", "count", "upkeep rounds over the horizon at the shortest published duration"),
    Column("hinge_upkeep_open", "flag", "how often upkeep is needed is not published"),
    Column("hinge_upkeep_min", "money", "the least upkeep over the horizon"),
    Column("course_sessions_low", "count", "sessions in the initial course, low"),
    Column("course_sessions_high", "count", "sessions in the initial course, high"),
    Column("budget_margin", "money", "under the budget if it fits, over it if over"),
    Column("lost_pay_low", "money", "downtime days x daily earnings, low"),
    Column("with_time_off_low", "money", "total plus lost pay, low"),
    Column("lost_pay_high", "money", "downtime days x daily earnings, high"),
    Column("with_time_off_high", "money", "total plus lost pay, high"),
    Column("pareto", "flag", "no other option is cheaper, quicker to recover from and lower in risk at once"),
    # the person's quotes only
    Column("clinic", "text", "the clinic named in her quote"),
    Column("treatment_id", "code", "the treatment the quote prices"),
    Column("quote_date", "text", "the quote's date (YYYY-MM-DD), its price year"),
    Column("quote_covers", "code", "what the quoted price covers (session, course, syringe, ...)"),
    Column("quote_quantity", "count", "how many of what it covers the price is for"),
    Column("quote_price_as_quoted", "money", "the per-session price as the clinic quoted it (before any inflation)"),
    Column(
        "quote_price", "money", "the quoted price for all it covers, in the chosen price year (as quoted if undated)"
    ),
    Column("quote_compared_per", "code", "the unit the quote is compared with published prices in"),
    Column("quote_compared_basis", "code", "the basis of the published figure it is compared with (vocab.BASES)"),
    Column("quote_position", "code", "below, within, above the published range, or unknown"),
    Column("quote_vs_typical", "money", "the quote minus the published typical"),
    Column("quote_vs_typical_pct", "percent", "that difference in percent of the published typical"),
    Column(
        "quote_session_position",
        "code",
        "its per-session price: below, within, above the per-session range, or unknown",
    ),
    Column("quote_session_vs_typical", "money", "its per-session price minus the published typical per session"),
    Column("quote_session_vs_typical_pct", "percent", "that difference in percent of the published typical"),
    Column("quote_nearest", "record", "the nearest published figure when no range compares (model.quote_nearest)"),
    Column("published_basis", "code", "the published price's basis, beside her quote"),
    *(Column(f"published_session_{k}", "money", f"{k}: the published price per session") for k in KINDS),
    *(Column(f"published_{k}", "money", f"{k}: the published figure her quote is compared with") for k in KINDS),
)

COLUMNS: tuple[Column, ...] = _treatment_columns() + _price_columns() + _cost_columns() + _OTHERS
NAMES = frozenset(c.name for c in COLUMNS)
