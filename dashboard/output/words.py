"""Plain words for the dataset's codes, declared once, and the sentences made from them.

Every code of a fixed vocabulary (`dashboard.vocab`) that a person reads has its words here: what a
downtime figure counts, how often a treatment is repeated, how invasive it is, who performs it, the
anaesthesia, the category. The grid, the phone cards, the details, side by side and the exports all
read these tables, so a code never reaches the page as it is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.output import display
from dashboard.output.display import RowLike

# What a downtime figure counts: "{}" takes the figure ("7–14 days", "up to 10 hours").
DOWNTIME_MEASURE_WORDS = {
    "back-to-work": "{} off work",
    "normal-activity": "{} until back to normal activities",
    "social": "{} until presentable in public",
    "skin-healing": "{} until the skin has healed",
    "side-effects": "{} of visible side effects",
    "recovery": "{} of recovery",
}
# The same, as the tooltip says it: what the figure counts, in full.
DOWNTIME_MEASURE_MEANS = {
    "back-to-work": "the days off work after the treatment",
    "normal-activity": "the days until you can go back to your normal activities",
    "social": "the days until you are presentable in public (bruising and swelling have gone down)",
    "skin-healing": "the days until the treated skin has healed over",
    "side-effects": "how long visible side effects such as redness, swelling or bruising last",
    "recovery": "the days of recovery the source gives",
}
# How often it is repeated; "{}" in `periodic` takes how long results last ("6–12 months").
MAINTENANCE_WORDS = {
    "none": "long-lasting: no repeat is published",
    "periodic": "repeated every {}",
    "as-needed": "repeated as results fade (how often is not published)",
    "unknown": "not published whether it must be repeated",
}
INVASIVENESS_WORDS = {
    "non-invasive": "non-invasive: nothing goes through the skin",
    "minimally-invasive": "minimally invasive: needles, or a peel or laser that wounds the skin's surface; no cuts",
    "surgical": "surgery: an operation with cuts (incisions)",
}
PERFORMER_WORDS = {
    "aesthetician": "a beauty therapist (aesthetician)",
    "nurse": "a nurse",
    "physician": "a doctor",
    "dermatologist": "a dermatologist (skin doctor)",
    "plastic-surgeon": "a plastic surgeon",
    "self": "you, at home",
}
ANAESTHESIA_WORDS = {
    "none": "no anaesthetic",
    "topical": "numbing cream",
    "local": "local anaesthetic (the area is numbed; you stay awake)",
    "sedation": "sedation (drowsy and relaxed, not fully asleep)",
    "general": "general anaesthetic (fully asleep)",
}
CATEGORY_WORDS = {
    "resurfacing": "skin resurfacing (peels, microdermabrasion, facials)",
    "laser-light": "laser or light treatment",
    "energy-based": "energy-based device (ultrasound, radiofrequency or cold)",
    "microneedling": "microneedling (many fine needles)",
    "injectable": "injections",
    "topical": "cream applied at home",
    "surgical": "surgery",
}
# What a price includes, by price basis (the comparison's `basis` column).
BASIS_WORDS = {
    "total-price": "the total the patient pays",
    "not-stated": "not stated by the source",
    "surgeon-fee": (
        "the surgeon's fee only; anaesthesia and the facility are extra, and no reputable source publishes them, "
        "so no all-in total is estimated here: ask the clinic for the total price"
    ),
    "your-quote": "as your clinic quoted it",
    "your-assumption": "your price per session",
}
# Each code table above, with the vocabulary it must cover (a test checks every code has words).
TABLES = {
    "downtime measure": (DOWNTIME_MEASURE_WORDS, vocab.DOWNTIME_MEASURES),
    "downtime measure, in full": (DOWNTIME_MEASURE_MEANS, vocab.DOWNTIME_MEASURES),
    "maintenance": (MAINTENANCE_WORDS, vocab.MAINTENANCE),
    "invasiveness": (INVASIVENESS_WORDS, vocab.INVASIVENESS),
    "performed by": (PERFORMER_WORDS, vocab.PERFORMERS),
    "anaesthesia": (ANAESTHESIA_WORDS, vocab.ANAESTHESIA),
    "category": (CATEGORY_WORDS, vocab.CATEGORIES),
    "price basis": (BASIS_WORDS, tuple(vocab.BASIS_LABELS)),
}
NOT_PUBLISHED = "not published"


def _code(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _codes(value: Any) -> list[str]:
    """A list field (a tuple, or 'a;b' text) as its codes; unknown -> []."""
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, (tuple, list)):
        return []
    return [v for v in value if isinstance(v, str) and v]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_of(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def downtime_text(low: Any, high: Any, measure: Any) -> str:
    """Downtime as what the figure counts: '7–14 days until the skin has healed', '0 days off work',
    'up to 10 hours of visible side effects'; 'not published' when no figure is."""
    figure = display.downtime_range(low, high)
    if figure == "unknown":
        return NOT_PUBLISHED
    template = DOWNTIME_MEASURE_WORDS.get(_code(measure) or "", "{} (what it counts is not published)")
    return template.format(figure)


def downtime_tip(measure: Any) -> str:
    """The downtime cell's tooltip: what the figure counts, and that options measure it differently."""
    code = _code(measure)
    if code is None:
        return "Downtime is not published for this option"
    return (
        f"This figure counts {DOWNTIME_MEASURE_MEANS.get(code, 'what its source calls downtime')}. "
        "Sources measure downtime differently, so compare what each figure counts."
    )


def downtime_counts(measure: Any) -> str:
    """What the downtime figure counts: 'The days off work after the treatment'; 'not published'."""
    code = _code(measure)
    return _capital(DOWNTIME_MEASURE_MEANS[code]) if code in DOWNTIME_MEASURE_MEANS else NOT_PUBLISHED


def maintenance_text(row: RowLike) -> str:
    """How often a treatment is repeated: 'long-lasting: no repeat is published', 'repeated every 6–12 months',
    'repeated as results fade (how often is not published)', 'not published whether it must be repeated'."""
    kind = _code(row.get("maintenance")) or "unknown"
    if kind != "periodic":
        return MAINTENANCE_WORDS.get(kind, MAINTENANCE_WORDS["unknown"])
    low, high = row.get("results_months_low"), row.get("results_months_high")
    if display.known(low) and display.known(high):
        return MAINTENANCE_WORDS["periodic"].format(display.count_range(low, high, "months"))
    if display.known(high):
        return f"repeated within {float(high):g} months"
    if display.known(low):
        return f"repeated after {float(low):g} months or more"
    return "repeated (how often is not published)"


def invasiveness_text(value: Any) -> str:
    """'Non-invasive: nothing goes through the skin'; 'not published' when unknown."""
    code = _code(value)
    return _capital(INVASIVENESS_WORDS[code]) if code in INVASIVENESS_WORDS else NOT_PUBLISHED


def performed_by_text(value: Any) -> str:
    """Who performs it: 'A plastic surgeon', 'A nurse or a doctor'; 'not published' when no source says."""
    words = [PERFORMER_WORDS.get(c, c) for c in _codes(value)]
    return _capital(_one_of(words)) if words else NOT_PUBLISHED


def anaesthesia_text(value: Any) -> str:
    """The anaesthesia used, mildest first: 'Local anaesthetic (…) or general anaesthetic (…)'."""
    codes = sorted(_codes(value), key=lambda c: vocab.ANAESTHESIA.index(c) if c in vocab.ANAESTHESIA else 99)
    words = [ANAESTHESIA_WORDS.get(c, c) for c in codes]
    return _capital(_one_of(words)) if words else NOT_PUBLISHED


def category_text(value: Any) -> str:
    """'Laser or light treatment'; 'not published' when unknown."""
    code = _code(value)
    return _capital(CATEGORY_WORDS[code]) if code in CATEGORY_WORDS else NOT_PUBLISHED


# The price bases as the banner counts them, in the order it names them.
_BASIS_COUNTED = {
    "total-price": ("is priced as a total price", "are priced as total prices"),
    "not-stated": (
        "has a price whose source does not say what it includes",
        "have prices whose sources do not say what they include",
    ),
    "your-quote": ("is your quote", "are your quotes"),
    "your-assumption": ("uses your price per session", "use your price per session"),
}
_NAMED = 4  # surgeon's-fee options named in the banner before "and N more"


def price_basis_note(rows: pd.DataFrame) -> str:
    """The banner's sentence about the price bases of the options shown (`rows`: the comparison rows,
    columns `name` and `basis`), e.g. '2 of the 6 options shown are priced from a surgeon's fee only (no
    anaesthesia or facility): Microdermabrasion, Intense pulsed light. Of the rest, 4 are priced as total prices.';
    '' when no option shown has a price. Surgeons' fees are named only when one is shown."""
    if not len(rows) or "basis" not in rows:
        return ""
    priced = [
        (name, basis)
        for name, basis in zip(rows["name"].tolist(), rows["basis"].tolist(), strict=True)
        if isinstance(basis, str) and basis in vocab.BASIS_LABELS
    ]
    n = len(priced)
    if not n:
        return ""
    shown = "options shown" if n == len(rows) else "options shown with a price"
    fees = [name for name, basis in priced if basis == "surgeon-fee"]
    rest = _counts(basis for _, basis in priced if basis != "surgeon-fee")
    if not fees:
        if len(rest) == 1:
            count, one, many = rest[0]
            return f"The one option shown {one}." if n == 1 else f"All {n} {shown} {many}."
        return f"Of the {n} {shown}, {_and(rest)}."
    named = ", ".join(fees[:_NAMED]) + (f" and {len(fees) - _NAMED} more" if len(fees) > _NAMED else "")
    fee = f"priced from a surgeon's fee only (no anaesthesia or facility): {named}."
    if len(fees) == n:
        return f"The one option shown is {fee}" if n == 1 else f"All {n} {shown} are {fee}"
    head = f"{len(fees)} of the {n} {shown} {'is' if len(fees) == 1 else 'are'} {fee}"
    return f"{head} Of the rest, {_and(rest)}."


def _counts(bases: Iterable[str]) -> list[tuple[int, str, str]]:
    """(count, words for one, words for several) per price basis present, in _BASIS_COUNTED order."""
    listed = list(bases)
    counts = ((listed.count(b), one, many) for b, (one, many) in _BASIS_COUNTED.items())
    return [c for c in counts if c[0]]


def _and(counts: list[tuple[int, str, str]]) -> str:
    """'3 are total prices, 1 does not say what the price includes and 1 is your quote'."""
    parts = [f"{count} {one if count == 1 else many}" for count, one, many in counts]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def undated_text(read_on: Any) -> str:
    """A figure with no year: ', year not stated (read 2026-11-25: published no later than 2026)' from the day its
    source was read (sources.csv `read_on`), or ', year not stated' without it."""
    if isinstance(read_on, str) and len(read_on) >= 4:
        return f", year not stated (read {read_on}: published no later than {read_on[:4]})"
    return ", year not stated"


def flagged(text: str, row: RowLike, fact: str) -> str:
    """`text` (a fact in words) with ' (clinic pages only: weak)' after it when the treatment's `fact` (one of
    vocab.WEAK_FACTS) rests on clinic pages alone (treatments.csv `weak_facts`); a fact that is not published
    ('unknown', 'not published ...') is not flagged."""
    unknown = text == "unknown" or text.startswith(NOT_PUBLISHED)
    return text + (" (clinic pages only: weak)" if fact in _codes(row.get("weak_facts")) and not unknown else "")
