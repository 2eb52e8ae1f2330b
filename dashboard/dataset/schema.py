"""The dataset's columns, declared once: what each file holds and the checks on its values."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

from dashboard import vocab


@dataclass(frozen=True)
class Field:
    """One column: its kind (how text is parsed) and the rules its values follow."""

    name: str
    kind: str  # slug | text | int | number | choice | list | url | date (YYYY-MM-DD)
    required: bool = False
    choices: tuple = ()
    minimum: float | None = None
    maximum: float | None = None
    unique: bool = False


def _num(name: str, minimum: float = 0, maximum: float | None = None) -> Field:
    return Field(name, "number", minimum=minimum, maximum=maximum)


def _int(name: str, minimum: int = 0, maximum: int | None = None, required: bool = False) -> Field:
    return Field(name, "int", required=required, minimum=minimum, maximum=maximum)


TREATMENTS = (
    Field("id", "slug", required=True, unique=True),
    Field("name", "text", required=True, unique=True),
    Field("category", "choice", required=True, choices=vocab.CATEGORIES),
    Field("invasiveness", "choice", required=True, choices=vocab.INVASIVENESS),
    Field("performed_by", "list", choices=vocab.PERFORMERS),
    Field("anaesthesia", "list", choices=vocab.ANAESTHESIA),
    _int("sessions_low", 1, 100),
    _int("sessions_typical", 1, 100),
    _int("sessions_high", 1, 100),
    _num("session_interval_weeks_low", 0, 520),
    _num("session_interval_weeks_high", 0, 520),
    Field("session_unit", "choice", choices=vocab.SESSION_UNITS),
    _num("units_per_session_low", 0, 1000),
    _num("units_per_session_typical", 0, 1000),
    _num("units_per_session_high", 0, 1000),
    Field("maintenance", "choice", required=True, choices=vocab.MAINTENANCE),
    _int("maintenance_sessions", 1, 100),
    _num("results_months_low", 0.1, 600),
    _num("results_months_high", 0.1, 600),
    _num("downtime_days_low", 0, 3650),
    _num("downtime_days_high", 0, 3650),
    Field("downtime_measure", "choice", choices=vocab.DOWNTIME_MEASURES),
    _int("risk_tier", 1, 5, required=True),
    Field("risk_basis", "text", required=True),
    _num("major_complication_rate", 0, 1),
    Field("side_effects", "text"),
    Field("serious_risks", "text"),
    Field("source_ids", "list", required=True),
    Field("notes", "text"),
    Field("weak_facts", "list", choices=vocab.WEAK_FACTS),
)

PRICES = (
    Field("treatment_id", "slug", required=True),
    Field("market", "choice", required=True, choices=vocab.MARKETS),
    Field("currency", "choice", required=True, choices=tuple(sorted(set(vocab.MARKET_CURRENCY.values())))),
    Field("unit", "choice", required=True, choices=vocab.PRICE_UNITS),
    Field("basis", "choice", required=True, choices=vocab.BASES),
    _num("low", 0, 1_000_000),
    _num("typical", 0, 1_000_000),
    _num("high", 0, 1_000_000),
    _int("year", 1990, 2100),
    Field("source_id", "slug", required=True),
    Field("status", "choice", required=True, choices=vocab.STATUSES),
    Field("quote", "text"),
    # set when the figure is the source's figure for a broader category (ASPS "combination lasers")
    Field("category_average", "text"),
)

CONCERNS = (
    Field("treatment_id", "slug", required=True),
    Field("concern", "choice", required=True, choices=vocab.CONCERNS),
    Field("evidence", "choice", required=True, choices=vocab.EVIDENCE_LEVELS),
    Field("note", "text"),
    Field("source_id", "slug", required=True),
)

SOURCES = (
    Field("id", "slug", required=True, unique=True),
    Field("publisher", "text", required=True),
    Field("title", "text", required=True),
    Field("url", "url", required=True),
    _int("year", 1900, 2100),
    Field("year_kind", "choice", choices=vocab.YEAR_KINDS),
    Field("read_on", "date", required=True),
    Field("status", "choice", required=True, choices=vocab.STATUSES),
    Field("note", "text"),
)

# Names people write for a treatment (brand names, common names): optional file, read when present.
ALIASES = (
    Field("alias", "text", required=True),
    Field("treatment_id", "slug", required=True),
    Field("note", "text"),
)
# What trials found for a treatment and concern, one row per study arm: optional file, read when present.
TRIAL_RESULTS = (
    Field("treatment_id", "slug", required=True),
    Field("concern", "choice", required=True, choices=vocab.CONCERNS),
    Field("study", "text", required=True),
    Field("source_id", "slug", required=True),
    Field("design", "choice", required=True, choices=vocab.TRIAL_DESIGNS),
    Field("randomised", "choice", choices=vocab.RANDOMISED),
    Field("measure", "text", required=True),
    Field("threshold", "text"),
    _num("responders_pct", 0, 100),
    _int("responders", 0, 1_000_000),
    _int("n", 1, 1_000_000),
    Field("n_of", "choice", choices=vocab.TRIAL_COUNTS),
    Field("sessions", "text"),
    Field("follow_up", "text"),
    Field("comparator_kind", "choice", required=True, choices=vocab.COMPARATOR_KINDS),
    Field("comparator", "text"),
    Field("comparator_treatment_id", "slug"),
    _num("comparator_pct", 0, 100),
    _int("comparator_n", 1, 1_000_000),
    Field("difference", "choice", choices=vocab.DIFFERENCES),
    Field("finding", "text"),
    Field("quote", "text", required=True),
    Field("caveats", "text"),
    Field("status", "choice", required=True, choices=vocab.STATUSES),
)
OPTIONAL_FILES = {"aliases.csv": ALIASES, "trial_results.csv": TRIAL_RESULTS}

FILES = {
    "treatments.csv": TREATMENTS,
    "prices.csv": PRICES,
    "concerns.csv": CONCERNS,
    "sources.csv": SOURCES,
}

# Pairs that must be ordered (left <= right) within a row, where both are known.
ORDERED = {
    "treatments.csv": (
        ("sessions_low", "sessions_typical"),
        ("sessions_typical", "sessions_high"),
        ("sessions_low", "sessions_high"),
        ("session_interval_weeks_low", "session_interval_weeks_high"),
        ("units_per_session_low", "units_per_session_typical"),
        ("units_per_session_typical", "units_per_session_high"),
        ("units_per_session_low", "units_per_session_high"),
        ("results_months_low", "results_months_high"),
        ("downtime_days_low", "downtime_days_high"),
    ),
    "prices.csv": (("low", "typical"), ("typical", "high"), ("low", "high")),
}

# Unique combinations of columns, beyond single unique columns.
UNIQUE_TOGETHER = {"concerns.csv": ("treatment_id", "concern")}

# Each table's key: a unique column, else its unique combination (prices.csv has none).
PRIMARY_KEYS = {
    file: [f.name for f in fields if f.unique][:1] or list(UNIQUE_TOGETHER.get(file, ()))
    for file, fields in FILES.items()
}

# Columns that name a row of another table: file -> ((column, other file, other column), ...).
FOREIGN_KEYS = {
    "prices.csv": (("treatment_id", "treatments.csv", "id"), ("source_id", "sources.csv", "id")),
    "concerns.csv": (("treatment_id", "treatments.csv", "id"), ("source_id", "sources.csv", "id")),
    "aliases.csv": (("treatment_id", "treatments.csv", "id"),),
    "trial_results.csv": (
        ("treatment_id", "treatments.csv", "id"),
        ("source_id", "sources.csv", "id"),
        ("comparator_treatment_id", "treatments.csv", "id"),
    ),
}


def _ordered_check(low: str, high: str) -> pa.Check:
    def check(df):
        return df[low].isna() | df[high].isna() | (df[low] <= df[high])

    return pa.Check(check, error=f"{low}|must not be greater than {high}")


def _column(field: Field) -> pa.Column:
    checks = []
    if field.kind == "choice":
        checks.append(pa.Check.isin(list(field.choices), error=f"must be one of: {', '.join(map(str, field.choices))}"))
    if field.kind in ("int", "number"):
        if field.minimum is not None:
            checks.append(pa.Check.ge(field.minimum, error=f"must be at least {field.minimum:g}"))
        if field.maximum is not None:
            checks.append(pa.Check.le(field.maximum, error=f"must be at most {field.maximum:g}"))
    return pa.Column(checks=checks, nullable=not field.required, unique=field.unique, required=True)


def frame_schema(file: str) -> pa.DataFrameSchema:
    """The pandera schema for one file's parsed frame (types are set by the parser)."""
    fields = FILES.get(file) or OPTIONAL_FILES[file]
    checks = [_ordered_check(lo, hi) for lo, hi in ORDERED.get(file, ())]
    together = UNIQUE_TOGETHER.get(file)
    return pa.DataFrameSchema(
        {f.name: _column(f) for f in fields},
        checks=checks,
        strict=True,
        unique=list(together) if together else None,
        name=file,
    )
