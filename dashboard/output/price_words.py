"""Words about a price figure: what a summary of clinic prices is, whose group a figure is, where its clinics
are, who published it (one page, or a survey of several), the day its source was read, and how a session price
was read (its price note, and the note when the sources disagree), and why a published price could not be used."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dashboard import vocab
from dashboard.dataset import pricelist
from dashboard.model.price_combine import OrderNote, PriceNote, PriceProblem
from dashboard.output.assumption_words import ASSUMED
from dashboard.output.display import a_unit


def spread_text(kind: str, rows: Any) -> str:
    """What a figure is when it summarises clinic prices, e.g. 'median of 40 clinic prices'."""
    try:
        n = int(rows)
    except (TypeError, ValueError):
        return ""
    if n <= 1:
        return ""
    what = {"low": "10th percentile", "typical": "median", "high": "90th percentile"}[kind]
    return f"{what} of {n:,} clinic prices"


def category_text(category: object) -> str:
    """What a figure is when the source gives it for a broader category, e.g. 'average for all of "Skin
    treatment (combination lasers)", not this treatment's own price'; '' for a treatment's own figure."""
    if not isinstance(category, str) or not category:
        return ""
    return f"figure for all of “{category}”, not this treatment's own price"


def region_text(region: object) -> str:
    """Where a price row's clinics are, for the source text: ' in Miami-Dade', or ''."""
    return f" in {region}" if isinstance(region, str) and region else ""


def publisher_text(source_id: Any, publishers: Mapping[str, str]) -> str:
    """Who published a price row's figure: the publisher of its one source, or for a survey of clinics' own pages
    (a summary row citing several) 'a survey of 5 clinics' own price pages (A; B; …)'; the id when unknown."""
    ids = pricelist.source_ids(source_id)
    if len(ids) <= 1:
        return publishers.get(source_id, str(source_id))
    names = "; ".join(publishers.get(i, i) for i in ids)
    return f"a survey of {len(ids)} clinics' own price pages ({names})"


def read_on_of(source_id: Any, read_on: Mapping[str, str]) -> str | None:
    """The day a price row's source was read (YYYY-MM-DD); for a survey citing several pages, the latest."""
    days = [read_on[i] for i in pricelist.source_ids(source_id) if isinstance(read_on.get(i), str)]
    return max(days) if days else None


def note_text(note: object) -> str:
    """A price's note (the `price_note` or `price_order_note` column) in words; '' when there is none."""
    if isinstance(note, PriceNote):
        return _price_note_text(note)
    if isinstance(note, OrderNote):
        return order_note_text(note)
    return note if isinstance(note, str) else ""


def _price_note_text(note: PriceNote) -> str:
    """How the range was obtained, in words a patient reads: average, 'from' price, weak figures."""
    if note.assumed:
        return ASSUMED
    symbol = vocab.CURRENCY_SYMBOL.get(note.currency, "") if note.currency else ""
    notes = []
    if note.average is not None:
        published, unit = note.average
        notes.append(f"at the published average of {symbol}{published:,.0f} {a_unit(unit)}; clinics vary")
    elif note.one_end_average:
        notes.append("one end of the range is a published average")
    if note.from_low is not None:
        notes.append(f"from {symbol}{note.from_low:,.0f} a session: no upper figure is published")
    if note.weak:
        notes.append(
            f"{' and '.join(note.weak)} figure{'s' if len(note.weak) > 1 else ''} from a weak source "
            "(clinic, vendor or unsourced page)"
        )
    return "; ".join(notes)


def order_note_text(note: OrderNote) -> str:
    """The sources disagree: the best figures out of order, and the span shown instead."""
    shown = ", ".join(f"{kind} {value:,.0f}" for kind, value in note.best)
    return (
        f"The sources disagree (best figures out of order: {shown}); the range shown spans every source "
        f"({note.lowest:,.0f} to {note.highest:,.0f})."
    )


def problem_text(problem: object) -> str:
    """Why published prices gave no session price (the `price_problem` column), e.g. 'published prices are per
    syringe, and how many make one session is not published'; '' when there is no such problem."""
    if not isinstance(problem, PriceProblem):
        return ""
    return f"published prices are per {', '.join(problem.units)}, and how many make one session is not published"
