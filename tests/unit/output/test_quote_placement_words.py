"""A quote's note, made from the codes and values the model keeps on its row: the same words in the grid, the
details, side by side and the exports."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.grid import grid_rows
from dashboard.output.quote_placement_words import quote_note
from dashboard.output.table import export_frame
from tests.unit.quote_helpers import quote

NAN = math.nan


def quote_row(**fields) -> dict:
    """A quote row as the model makes it: $1,200 for 2 syringes, $600 a syringe within $500-$900 (typical $700)
    and $1,200 a session within $500-$1,800 (typical $700)."""
    row = {
        "kind": "your quote",
        "currency": "USD",
        "quote_covers": "syringe",
        "quote_quantity": 2,
        "quote_price": 1200.0,
        "quote_compared_per": "syringe",
        "quote_compared_basis": "total-price",
        "quote_position": "within",
        "quote_vs_typical": -100.0,
        "quote_vs_typical_pct": -100 / 7,
        "published_low": 500.0,
        "published_typical": 700.0,
        "published_high": 900.0,
        "quote_session_position": "within",
        "quote_session_vs_typical": 500.0,
        "quote_session_vs_typical_pct": 500 / 7,
        "published_session_low": 500.0,
        "published_session_typical": 700.0,
        "published_session_high": 1800.0,
    }
    return {**row, **fields}


SYRINGES = (
    "Per syringe: $600 a syringe ($1,200 for 2 syringes), within the published per-syringe range ($500–$900, "
    "typical $700); $100 (14%) less than the typical figure. Per session: $1,200 a session ($1,200 for 2 syringes, "
    "used in one session), within the published per-session range ($500–$1,800, typical $700); $500 (71%) more "
    "than the typical figure."
)
SURGEON = (
    " The published figure is a surgeon's fee only (no anaesthesia or facility); a quote usually includes them, "
    "so it is not like for like."
)


@pytest.mark.parametrize(
    "fields, note",
    [
        ({}, SYRINGES),
        # after the quote rows join the published ones, a count arrives as 2.0: still "2 syringes"
        ({"quote_quantity": 2.0}, SYRINGES),
        ({"quote_compared_basis": "not-stated"}, SYRINGES + " The published figure does not say what it includes."),
        (  # a procedure is compared once, per procedure, against a surgeon's fee
            {"quote_covers": "procedure", "quote_quantity": 1, "quote_price": 15000.0, "quote_compared_per": "procedure",
             "quote_compared_basis": "surgeon-fee", "quote_session_position": "above", "quote_session_vs_typical": NAN,
             "quote_session_vs_typical_pct": NAN, "published_session_low": 8000.0, "published_session_typical": NAN,
             "published_session_high": 13500.0},
            "Per procedure: $15,000 a procedure, above the published per-procedure range ($8,000–$13,500)." + SURGEON,
        ),
        (  # no published per-course figure: said so, then placed per session
            {"quote_covers": "course", "quote_quantity": 2, "quote_price": 1000.0, "quote_compared_per": "session",
             "quote_session_vs_typical": -200.0, "quote_session_vs_typical_pct": -200 / 7},
            "Per course: $1,000 a course; no published per-course price to compare with in this market. Per session: "
            "$500 a session ($1,000 for a course of 2 sessions), within the published per-session range ($500–$1,800, "
            "typical $700); $200 (29%) less than the typical figure.",
        ),
        (  # under $100: cents; one published figure is a figure, not a range
            {"quote_covers": "session", "quote_quantity": 1, "quote_price": 50.5, "quote_compared_per": "session",
             "quote_session_position": "below", "quote_session_vs_typical": -887.5,
             "quote_session_vs_typical_pct": -887.5 / 9.38, "published_session_low": NAN,
             "published_session_typical": 938.0, "published_session_high": NAN},
            "Per session: $50.50 a session, below the published per-session figure ($938); $888 (95%) "
            "less than the typical figure.",
        ),
        (  # a "from" figure: no typical to differ from
            {"quote_covers": "session", "quote_quantity": 3, "quote_price": 900.0, "quote_compared_per": "session",
             "quote_session_vs_typical": NAN, "quote_session_vs_typical_pct": NAN, "published_session_typical": NAN,
             "published_session_high": NAN},
            "Per session: $300 a session ($900 for 3 sessions), within the published per-session figure (from $500).",
        ),
        (
            {"quote_vs_typical": 0.0,
             "quote_vs_typical_pct": 0.0, "quote_price": 1400.0, "quote_session_vs_typical": 700.0,
             "quote_session_vs_typical_pct": 100.0},
            "Per syringe: $700 a syringe ($1,400 for 2 syringes), within the published per-syringe range ($500–$900, "
            "typical $700); equal to the typical figure. Per session: $1,400 a session ($1,400 for 2 syringes, used in "
            "one session), within the published per-session range ($500–$1,800, typical $700); $700 (100%) more than "
            "the typical figure.",
        ),
    ],
)  # fmt: skip
def test_a_quote_note_is_made_from_the_row(fields, note):
    assert quote_note(quote_row(**fields)) == note


def test_a_row_read_from_the_frame_says_the_same():
    # side by side and the saved list read a row as a Series of numpy values
    row = pd.Series({**quote_row(), "quote_quantity": np.int64(2), "quote_price": np.float64(1200.0)}, dtype=object)
    assert quote_note(row) == SYRINGES


@pytest.mark.parametrize("row", [{"kind": "published"}, {"kind": "your assumption", "quote_covers": None}, {}])
def test_only_a_quote_has_a_note(row):
    assert quote_note(row) is None


def test_the_grid_and_the_export_carry_the_note(small_dataset):
    filters = Filters(market="US", horizon=1, prices_in="published", show_over_budget=True)
    comparison = compare(build_catalog(small_dataset), filters, [quote(price=1200.0, date="")])
    note = quote_note(comparison.rows.loc["quote-0123456789ab"])
    assert note.startswith("Per syringe: $600 a syringe ($1,200 for 2 syringes), within the published per-syringe")
    grid = {r["id"]: r for r in grid_rows(comparison, small_dataset)}
    assert grid["quote-0123456789ab"]["quote_note"] == note
    assert grid["quote-0123456789ab"]["name_tip"] == f"Your quote: Clinic A (Hyaluronic-acid filler). {note}"
    assert grid["ha-filler"]["quote_note"] is None
    exported = export_frame(comparison).set_index("Option")["Your quote vs published"]
    assert exported["Your quote: Clinic A (Hyaluronic-acid filler)"] == note


def test_one_published_figure_is_said_once():
    from dashboard.output.quote_placement_words import published_range

    assert published_range("$", 755.0, 755.0, 755.0) == "$755"
    assert published_range("$", 500.0, 700.0, 900.0) == "$500–$900, typical $700"
    assert published_range("$", NAN, 693.0, 3000.0) == "up to $3,000, typical $693"
    from dashboard.output.quote_placement_words import comparison_sentence

    assert comparison_sentence(600.0, (755.0, 755.0, 755.0), ("below", -155.0, -155 / 7.55), "syringe", "$") == (
        "Per syringe: $600 a syringe, below the published per-syringe figure ($755); $155 (21%) less than it."
    )
