"""How a session price was read, in words: the price note, the note when the sources disagree, and why a published
price could not be used."""

import numpy as np

from dashboard.model.price_combine import OrderNote, PriceNote, combine_prices
from dashboard.output.price_words import note_text, problem_text
from tests.unit.model.test_costs import _prices


def test_a_lone_average_is_said_with_its_published_figure_and_unit(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "procedure", "surgeon-fee", 8000, np.nan, 13500, 2024, "a", "secondary"),
        ("t", "US", "USD", "procedure", "total-price", np.nan, 12000, np.nan, 2020, "b", "secondary"),
    )
    assert note_text(combine_prices(rows, t)["price_note"]) == (
        "at the published average of $12,000 a procedure; clinics vary"
    )


def test_a_from_price_says_no_upper_figure_is_published(tmp_path):
    out = combine_prices(
        *_prices(tmp_path, ("t", "UK", "GBP", "session", "not-stated", 150, np.nan, np.nan, 2025, "a", "weak"))
    )
    assert "from £150 a session" in note_text(out["price_note"])


def test_a_weak_figure_is_flagged(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "session", "not-stated", 100, 150, np.nan, 2024, "society", "primary"),
        ("t", "US", "USD", "session", "not-stated", 80, np.nan, 400, 2025, "clinic", "weak"),
    )
    assert "high figure from a weak source" in note_text(combine_prices(rows, t)["price_note"])


def test_disagreeing_sources_are_said_with_the_span_shown(tmp_path):
    rows, t = _prices(
        tmp_path,
        ("t", "US", "USD", "session", "not-stated", 500, np.nan, 900, 2024, "a", "weak"),
        ("t", "US", "USD", "session", "not-stated", np.nan, 1200, np.nan, 2020, "b", "weak"),
    )
    text = note_text(combine_prices(rows, t)["price_order_note"])
    assert "sources disagree" in text and "500 to 1,200" in text


def test_each_part_of_a_price_note_in_words():
    assert note_text(None) == note_text("") == ""
    assert note_text(PriceNote(currency="USD", assumed=True)) == "your assumption"
    assert note_text(PriceNote(currency="GBP", one_end_average=True, weak=("low", "typical"))) == (
        "one end of the range is a published average; low and typical figures from a weak source "
        "(clinic, vendor or unsourced page)"
    )
    assert note_text(OrderNote(best=(("low", 7500.0), ("typical", 5350.0)), lowest=5000.0, highest=12500.0)) == (
        "The sources disagree (best figures out of order: low 7,500, typical 5,350); the range shown spans every "
        "source (5,000 to 12,500)."
    )


def test_a_price_that_cannot_become_a_session_price_says_why(tmp_path):
    rows, t = _prices(tmp_path, ("t", "US", "USD", "course", "not-stated", 1200, np.nan, 4000, np.nan, "a", "weak"))
    out = combine_prices(rows, t)
    assert problem_text(out["price_problem"]) == (
        "published prices are per course, and how many make one session is not published"
    )
    assert problem_text(None) == ""
