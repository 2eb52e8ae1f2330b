"""One option's attributes in words, as (attribute, text) pairs in display order: the rows of the
side-by-side table and of an option's details (both in `views`). Money in the market's currency,
written with its symbol; durations in days, weeks or months as the row says.
"""

from __future__ import annotations

from typing import Any

from dashboard import vocab
from dashboard.model import inflation
from dashboard.output import course_words, decision_words, display, inflation_words, trial_words, words
from dashboard.output.assumption_words import assumed_text
from dashboard.output.display import RowLike
from dashboard.output.gaps import missing_text
from dashboard.output.price_words import category_text, note_text
from dashboard.output.quote_placement_words import quote_note

_known = display.known


def _money_range(row: RowLike, prefix: str, symbol: str, is_open: bool = False) -> str:
    return display.money_range(row.get(f"{prefix}_low"), row.get(f"{prefix}_high"), is_open, symbol)


def _upkeep(row: RowLike, symbol: str) -> str:
    """Upkeep cost over the horizon; 'not published' rather than 'at least $0' when how often is unknown."""
    if row.get("maintenance") == "none":
        return "none published (long-lasting)"
    low, high = row.get("maintenance_low"), row.get("maintenance_high")
    if not _known(high) and (not _known(low) or float(low) == 0):
        return "not published (how often it must be repeated)"
    return _money_range(row, "maintenance", symbol)


def _basis_text(basis: Any) -> str:
    """What the price includes; for a surgeon's fee, why no all-in total is shown."""
    label = vocab.BASIS_LABELS.get(basis, "No published price")
    if basis == "surgeon-fee":
        return f"{label}: {words.BASIS_WORDS[basis].partition('; ')[2]}"
    return label


def _units(unit: object) -> str:
    """A counted unit as a plural noun for a count: 'syringes', 'areas' ('' when unknown)."""
    return f"{unit}s" if isinstance(unit, str) and unit and not unit.endswith("s") else ""


def _text(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(value) if value else "unknown"
    return str(value) if _known(value) and value != "" else "unknown"


def covers(row: RowLike) -> str:
    """'figure for all of “dermal fillers”, not this treatment's own price' when a figure is a group's; ''."""
    texts = (category_text(row.get(f"session_{k}_category")) for k in vocab.FIGURE_KINDS)
    return "; ".join(t for t in dict.fromkeys(texts) if t)


def results_text(row: RowLike) -> str:
    """How long results last in words: a range when periodic, a lower bound when only that is known."""
    maintenance, low = row["maintenance"], row["results_months_low"]
    if maintenance == "periodic":
        return display.count_range(low, row["results_months_high"], "months")
    if maintenance == "none":
        return "long-lasting"
    if maintenance == "as-needed":
        seen = f"; results were still seen at {low:g} months in a study (a lower bound)" if _known(low) else ""
        return "not published" + seen
    return "not published"


def other_studies(row: RowLike) -> str:
    """The study rows behind the option for the concern beyond its headline one, each in a sentence."""
    studies = row.get("trial_all")
    if not isinstance(studies, tuple) or len(studies) < 2:
        return "none" if _known(row.get("evidence")) else "choose a concern"
    return " ".join(dict.fromkeys(trial_words.sentence(r) for r in studies[1:]))


# (attribute, text) pairs, in display order
Pairs = list[tuple[str, str]]


def side_by_side_rows(
    row: RowLike,
    horizon: int,
    symbol: str,
    index: inflation.PriceIndex = inflation.EMPTY_INDEX,
    prices_in: str = "published",
    budget: float | None = None,
    market: str = "",
) -> Pairs:
    """(attribute, text) pairs for one option, in display order; `budget` (market currency) for the answer,
    `market` (a code of vocab.MARKETS) for what is missing ('': the price's market left unnamed)."""
    years = course_words.years_text(horizon)
    pairs = [
        *_answer_pairs(row, horizon, symbol, budget),
        *_trial_pairs(row, symbol),
        *_gap_pairs(row, market),
        *_treatment_pairs(row),
        *_cost_pairs(row, years, symbol),
        *_price_pairs(row, index, prices_in),
        *_course_pairs(row),
        *_downtime_and_risk_pairs(row),
        (
            "Lost pay (downtime x daily earnings)",
            _money_range(row, "lost_pay", symbol)
            if _known(row.get("lost_pay_high"))
            else "enter your daily earnings to see it",
        ),
    ]
    note = quote_note(row)
    if note:
        pairs.insert(2, ("Your quote vs published", note))
    return pairs


def _answer_pairs(row: RowLike, horizon: int, symbol: str, budget: float | None) -> Pairs:
    """The total, the course beside the upkeep, and the budget answer (starting with the answer: "May fit: …")."""
    years = course_words.years_text(horizon)
    fit = display.fit_key(row.get("budget_fit"))
    reason = decision_words.budget_answer(row, budget, symbol, horizon)
    return [
        (f"Total cost over {years}", display.total_text(row, symbol)),
        (
            f"Initial {course_words.course_word(row)} and upkeep",
            course_words.cost_cell(row, symbol, horizon).partition("\n")[2] or "unknown",
        ),
        ("Budget fit", reason if fit and reason else display.fit_label(fit)),
    ]


def _trial_pairs(row: RowLike, symbol: str) -> Pairs:
    """What the headline study found, what an extra patient improved costs, its limits, and the other studies."""
    concern = _known(row.get("evidence"))
    return [
        ("What trials found", trial_words.sentence(row) if concern else "choose a concern"),
        ("Cost per extra patient improved", trial_words.value_text(row, symbol) if concern else "choose a concern"),
        ("Limits of that study", trial_words.limits(row) if concern else "choose a concern"),
        ("Other studies", other_studies(row)),
    ]


def _gap_pairs(row: RowLike, market: str) -> Pairs:
    """What the cost lacks, and the person's own assumptions in it."""
    return [
        ("What is missing", missing_text(row, market) or "nothing"),
        (
            "Your assumptions",
            assumed_text(row.get("assumed")) or "none",
        ),
    ]


def _treatment_pairs(row: RowLike) -> Pairs:
    """What kind of treatment it is: category, invasiveness, who performs it, the anaesthesia."""
    return [
        ("Category", words.category_text(row["category"])),
        ("Invasiveness", words.invasiveness_text(row["invasiveness"])),
        ("Performed by", words.performed_by_text(row["performed_by"])),
        ("Anaesthesia", words.anaesthesia_text(row["anaesthesia"])),
    ]


def _cost_pairs(row: RowLike, years: str, symbol: str) -> Pairs:
    """The cost's parts: the course, the upkeep, the typical total, the first year, a month and a session."""
    flag = display.flag
    return [
        ("Initial course", _money_range(row, "initial", symbol)),
        (f"Upkeep over {years}", _upkeep(row, symbol)),
        (f"Typical total over {years}", display.money(row.get("total_typical"), symbol)),
        ("First-year cost", _money_range(row, "first_year", symbol, flag(row.get("first_year_open")))),
        (
            "Cost per month",
            _money_range(row, "per_month", symbol, flag(row.get("per_month_open")))
            if "per_month_low" in row
            else "unknown",
        ),
        ("Cost per session", _money_range(row, "session", symbol, not _known(row.get("session_high")))),
    ]


def _price_pairs(row: RowLike, index: inflation.PriceIndex, prices_in: str) -> Pairs:
    """The price per session as its source gave it, how it was read, and what it includes."""
    quote = row.get("kind") == "your quote"
    return [
        (
            "Typical per session, as its source gave it",
            "your assumption, used as entered"
            if row.get("session_low_how") == "assumed"
            else inflation_words.figure_text(
                row["session_typical"],
                row.get("currency"),
                row.get("session_typical_year"),
                index,
                prices_in,
                verb="quoted" if quote else "published",
            ),
        ),
        (
            "How the price was read",
            "; ".join(
                n for n in (note_text(row.get("price_note")), note_text(row.get("price_order_note")), covers(row)) if n
            )
            or ("as you entered it (your quote)" if quote else "as published"),
        ),
        ("Price basis", _basis_text(row.get("basis"))),
    ]


def _course_pairs(row: RowLike) -> Pairs:
    """The course (sessions, weeks between them, units in each) and how long its results last."""
    return [
        (
            "Sessions (initial course)",
            words.flagged(display.count_range(row["sessions_low"], row["sessions_high"]), row, "sessions"),
        ),
        (
            "Weeks between sessions",
            words.flagged(
                display.count_range(row["session_interval_weeks_low"], row["session_interval_weeks_high"]),
                row,
                "interval",
            ),
        ),
        (
            "Units per session",
            display.count_range(
                row["units_per_session_low"], row["units_per_session_high"], _units(row["session_unit"])
            ),
        ),
        ("Maintenance", words.flagged(words.maintenance_text(row), row, "results")),
        ("Results last", words.flagged(results_text(row), row, "results")),
    ]


def _downtime_and_risk_pairs(row: RowLike) -> Pairs:
    """The downtime and what it counts, the risk tier and what it rests on, the complications, and the
    evidence for the concern."""
    return [
        (
            "Downtime",
            words.flagged(
                words.downtime_text(row["downtime_days_low"], row["downtime_days_high"], row["downtime_measure"]),
                row,
                "downtime",
            ),
        ),
        ("What the downtime counts", words.downtime_counts(row["downtime_measure"])),
        ("Risk tier", _text(row["risk_tier"])),
        ("Risk tier rests on", _text(row["risk_basis"])),
        (
            "Major complication rate",
            f"{row['major_complication_rate']:.1%}" if _known(row["major_complication_rate"]) else "unknown",
        ),
        ("Side effects", _text(row["side_effects"])),
        ("Serious risks", _text(row["serious_risks"])),
        (
            "Evidence for the concern",
            _text(row["evidence"]) + (f" — {row['evidence_note']}" if _known(row["evidence_note"]) else ""),
        ),
    ]
