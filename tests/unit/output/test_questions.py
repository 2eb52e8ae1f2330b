"""Questions for the clinic: each gap raises its own question, with the option's figures; none said twice."""

import math

import pandas as pd
import pytest

from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.gaps import gap_note
from dashboard.output.questions import EVERY_CLINIC, Group, clinic_questions, option_questions, questions_text
from dashboard.output.table import export_frame

NAN = math.nan
INCLUDED = "Does the price include numbing cream, aftercare and follow-up visits?"

# An option with nothing left open but what its price includes: a total price of $100 a session, 3 sessions,
# no upkeep, back to work the same day.
BASE = dict(
    id="a",
    name="Option A",
    kind="published",
    category="resurfacing",
    invasiveness="non-invasive",
    anaesthesia=None,
    basis="total-price",
    session_low=100.0,
    session_typical=100.0,
    session_high=100.0,
    session_high_open=False,
    session_low_weak=False,
    session_high_weak=False,
    session_low_category=None,
    session_unit=None,
    sessions_low=3,
    sessions_high=3,
    maintenance="none",
    maintenance_sessions=NAN,
    results_months_low=NAN,
    results_months_high=NAN,
    downtime_days_low=0.0,
    downtime_days_high=0.0,
    downtime_measure="back-to-work",
    assumed_fields=(),
    initial_low=300.0,
    initial_high=300.0,
    total_high=300.0,
)


def row(**changes) -> dict:
    return {**BASE, **changes}


def test_an_option_with_every_figure_published_asks_only_what_the_price_includes():
    assert option_questions(row(), "$") == [INCLUDED]


# (what differs from BASE, the question that gap raises)
GAPS = [
    (dict(maintenance="as-needed"), "How many top-up sessions a year do your patients need to keep the results?"),
    (
        dict(maintenance="as-needed", results_months_low=6.0),
        "How many top-up sessions a year do your patients need to keep the results "
        "(results are published to last at least 6 months)?",
    ),
    (dict(maintenance="unknown"), "Will I need top-up sessions to keep the results, and how many a year?"),
    (
        dict(maintenance="periodic", maintenance_sessions=1),
        "How long do the results last before a top-up is needed?",
    ),
    (
        dict(maintenance="periodic", maintenance_sessions=1, results_months_low=6.0, results_months_high=18.0),
        "How long do the results last for your patients (published 6–18 months)?",
    ),
    (
        dict(maintenance="periodic", results_months_low=12.0, results_months_high=12.0),
        "How many sessions does each top-up take?",
    ),
    (dict(sessions_low=6, sessions_high=10), "How many sessions will I need (published 6–10)?"),
    (dict(sessions_low=NAN, sessions_high=NAN), "How many sessions will the initial course take?"),
    (
        dict(basis="not-stated", sessions_low=6, sessions_high=6),
        "Is your price for one session or for the whole course of 6 sessions?",
    ),
    (
        dict(basis="not-stated", sessions_low=6, sessions_high=10),
        "Is your price for one session or for the whole course, and how many sessions will I need (published 6–10)?",
    ),
    (
        dict(session_high=NAN, session_typical=NAN, session_high_open=True),
        "Only a 'from' price is published (from $100 a session): what would the full price be for me?",
    ),
    (
        dict(session_low=NAN, session_typical=NAN),
        "Only an 'up to' price is published (up to $100 a session): what would it cost for me?",
    ),
    (dict(session_low=NAN, session_typical=NAN, session_high=NAN), "What does one session cost?"),
    (
        dict(session_low_category="Skin treatment (combination lasers)"),
        "The price shown here ($100 a session) is a figure for all of “Skin treatment (combination lasers)”: "
        "what is your price for Option A itself?",
    ),
    (
        dict(session_low_weak=True, session_high_weak=True),
        "The price shown here ($100 a session) comes only from a clinic's or vendor's page: what is your price?",
    ),
    (
        dict(session_unit="syringe", units_per_session_low=1.0, units_per_session_high=2.0),
        "How many syringes will each session use (published 1–2)?",
    ),
    (dict(downtime_days_low=NAN, downtime_days_high=NAN), "How many days until I can go back to work?"),
    (
        dict(downtime_days_high=7.0, downtime_measure="side-effects"),
        "How many days until I can go back to work (published: 0–7 days of visible side effects)?",
    ),
    (
        dict(
            category="surgical",
            basis="surgeon-fee",
            session_low=8000.0,
            session_high=13500.0,
            sessions_low=1,
            sessions_high=1,
        ),
        "The price shown here ($8,000–$13,500) is the surgeon's fee only: what do anaesthesia and the facility add, "
        "and what is the total price?",
    ),
    (dict(category="surgical"), "Are anaesthesia and the facility included in the price?"),
    (
        dict(basis="surgeon-fee"),
        "The price shown here ($100 a session) is labelled a surgeon's fee: what is the total price?",
    ),
    (dict(anaesthesia=("none",)), "Does the price include aftercare and follow-up visits?"),
]


@pytest.mark.parametrize(("changes", "question"), GAPS, ids=[q[:40] for _, q in GAPS])
def test_each_gap_raises_its_question_and_only_where_it_is(changes, question):
    assert question in option_questions(row(**changes), "$")
    assert question not in option_questions(row(), "$")


def test_an_option_with_every_figure_except_downtime_measured_in_hours_asks_nothing_about_work():
    assert not any(
        "back to work" in q
        for q in option_questions(row(downtime_days_high=0.42, downtime_measure="side-effects"), "$")
    )


def test_a_daily_treatment_counts_months_not_sessions():
    tretinoin = row(category="topical", session_unit="month", basis="not-stated", sessions_low=6, sessions_high=6)
    assert option_questions(tretinoin, "$") == [
        "Is your price for one month or for the whole course of 6 months of use?"
    ]


# Her own assumption is asked back as a confirmation, never asked for afresh.
ASSUMED = [
    (
        dict(sessions_low=4, sessions_high=6, assumed_fields=("sessions",)),
        "Will I need 4–6 sessions, as I assumed?",
        "How many sessions will I need",
    ),
    (
        dict(basis="your-assumption", session_low=150.0, session_high=150.0, assumed_fields=("price",)),
        "Is your price $150 a session, as I assumed?",
        "What does one session cost",
    ),
    (
        dict(
            maintenance="periodic",
            maintenance_sessions=1,
            results_months_low=6.0,
            results_months_high=12.0,
            assumed_fields=("upkeep_months",),
        ),
        "Will I need a top-up every 6–12 months, as I assumed?",
        "How long do the results last",
    ),
    (
        dict(
            maintenance="periodic",
            results_months_low=12.0,
            results_months_high=12.0,
            maintenance_sessions=2,
            assumed_fields=("upkeep_sessions",),
        ),
        "Does each top-up take 2 sessions, as I assumed?",
        "How many sessions does each top-up take",
    ),
]


@pytest.mark.parametrize(("changes", "confirm", "not_asked"), ASSUMED, ids=[a[1][:30] for a in ASSUMED])
def test_an_assumption_is_asked_back_to_confirm(changes, confirm, not_asked):
    questions = option_questions(row(**changes), "$")
    assert confirm in questions
    assert not any(q.startswith(not_asked) for q in questions)


def quote(**changes) -> dict:
    """A quote row for BASE's treatment: $150 for one session, as the quote placement leaves it."""
    defaults = dict(
        id="quote-1",
        treatment_id="a",
        name="Your quote: Glow Clinic (Option A)",
        kind="your quote",
        basis="your-quote",
        quote_covers="session",
        quote_quantity=1,
        quote_price_as_quoted=150.0,
    )
    return row(**{**defaults, **changes})


def test_a_quote_per_session_asks_whether_it_is_the_price_of_one_session_or_of_the_course():
    questions = option_questions(quote(sessions_low=6, sessions_high=10), "$")
    assert questions[0] == "Is $150 the price of one session or of the course of 6–10 sessions?"
    assert "Does the quoted $150 include numbing cream, aftercare and follow-up visits?" in questions
    assert not any("published" in q and "price" in q and "a session" in q for q in questions)  # her own price


def test_a_quote_for_a_course_asks_what_it_covers_and_not_how_many_sessions():
    course = quote(
        quote_covers="course", quote_quantity=6, quote_price_as_quoted=200.0, sessions_low=6, sessions_high=6
    )
    questions = option_questions({**course, "maintenance": "as-needed"}, "$")
    assert questions[0] == "Does $1,200 cover the whole course of 6 sessions, and what does each top-up session cost?"
    assert not any(q.startswith("How many sessions will") for q in questions)


def test_a_quote_per_syringe_asks_whether_it_is_the_whole_session():
    syringe = quote(quote_covers="syringe", quote_quantity=2, quote_price_as_quoted=600.0, session_unit="syringe")
    questions = option_questions({**syringe, "units_per_session_low": 1.0, "units_per_session_high": 2.0}, "$")
    assert questions[0] == "Does $600 for 2 syringes cover the whole session, and how many syringes will I need?"
    assert not any(q.startswith("How many syringes will each session use") for q in questions)


def test_a_surgical_quote_asks_about_anaesthesia_and_the_facility():
    surgery = quote(
        category="surgical", quote_covers="procedure", quote_price_as_quoted=12000.0, sessions_low=1, sessions_high=1
    )
    assert option_questions(surgery, "£") == ["Are anaesthesia and the facility included in the quoted £12,000?"]


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows)).set_index("id", drop=False)


def all_questions(groups: list[Group]) -> list[str]:
    return [q for g in groups for q in g.questions]


def test_a_question_every_option_raises_is_said_once_for_every_clinic():
    rows = frame(
        row(id="a", name="A", maintenance="as-needed"),
        row(id="b", name="B", sessions_low=6, sessions_high=10),
        row(id="c", name="C", downtime_days_low=NAN, downtime_days_high=NAN),
    )
    groups = clinic_questions(rows, "$")
    assert groups[0] == Group(EVERY_CLINIC, (INCLUDED,))
    assert [g.title for g in groups[1:]] == ["A", "B", "C"]
    questions = all_questions(groups)
    assert len(questions) == len(set(questions)) == 4


def test_a_question_all_but_one_option_raises_names_the_exception():
    rows = frame(
        row(id="a", name="A"),
        row(id="b", name="B"),
        row(id="c", name="Cream", category="topical"),
    )
    groups = clinic_questions(rows, "$")
    assert groups == [Group(EVERY_CLINIC, (f"{INCLUDED[:-1]} (not for Cream)?",))]


def test_a_quote_leaves_its_options_questions_to_that_option():
    rows = frame(
        row(id="a", name="Option A", maintenance="as-needed", sessions_low=6, sessions_high=10),
        quote(maintenance="as-needed", sessions_low=6, sessions_high=10),
        row(id="b", name="B", anaesthesia="none"),
    )
    groups = {g.title: g for g in clinic_questions(rows, "$")}
    mine = groups["Your quote: Glow Clinic (Option A)"]
    assert mine.questions == (
        "Is $150 the price of one session or of the course of 6–10 sessions?",
        "Does the quoted $150 include numbing cream, aftercare and follow-up visits?",
    )
    assert mine.note == "Also ask the questions for Option A."
    assert "How many sessions will I need (published 6–10)?" in groups["Option A"].questions
    questions = all_questions(list(groups.values()))
    assert len(questions) == len(set(questions))


def test_one_option_keeps_all_its_questions():
    groups = clinic_questions(frame(row(maintenance="as-needed")), "$")
    assert [g.title for g in groups] == ["Option A"]
    assert groups[0].questions[0] == INCLUDED


def test_the_download_text_has_the_settings_and_each_group():
    groups = [Group(EVERY_CLINIC, ("Q1?",)), Group("Microdermabrasion", ("Q2?", "Q3?"), "Also ask X.")]
    assert questions_text(groups, "For: market US.") == (
        "Questions for the clinic\n\nFor: market US.\n\n"
        "For every clinic\n- Q1?\n\nMicrodermabrasion\n- Q2?\n- Q3?\n  Also ask X.\n"
    )


def test_a_gap_note_says_what_is_missing_with_the_options_own_figures():
    microdermabrasion = row(
        maintenance="as-needed",
        sessions_low=6,
        sessions_high=10,
        session_low=207.7,
        session_high=207.7,
        initial_low=1246.4,
        initial_high=2077.4,
        total_high=NAN,
        missing_inputs=("repeat as needed",),
    )
    assert gap_note(microdermabrasion, "$") == (
        "How often it is repeated as results fade is not published; "
        "the initial course alone is $1,246–$2,077 (6–10 sessions, $208 a session)."
    )
    assert gap_note(row(), "$") == ""


def test_the_export_has_each_options_questions(small_dataset):
    comparison = compare(build_catalog(small_dataset), Filters(market="US", horizon=5))
    exported = export_frame(comparison)
    expected = [" ".join(option_questions(r, "$")) for _, r in comparison.rows.iterrows()]
    assert exported["Questions for the clinic"].tolist() == expected
    needling = exported.set_index("Option").loc["Microneedling", "Questions for the clinic"]
    assert "Will I need top-up sessions to keep the results, and how many a year?" in needling


def test_a_question_of_one_kind_of_option_is_said_once_for_that_kind():
    rows = frame(
        row(id="a", name="A"),
        row(id="b", name="B"),
        row(id="s", name="Facelift", category="surgical", sessions_low=1, sessions_high=1),
        row(id="t", name="Tummy tuck", category="surgical", sessions_low=1, sessions_high=1),
    )
    assert clinic_questions(rows, "$") == [
        Group(
            EVERY_CLINIC,
            (
                "For treatments other than surgery: does the price include numbing cream, aftercare and follow-up visits?",
                "For surgery: are anaesthesia and the facility included in the price?",
            ),
        )
    ]


def test_a_question_with_an_options_own_figures_stays_with_that_option():
    rows = frame(
        row(id="a", name="A", sessions_low=6, sessions_high=10), row(id="b", name="B", sessions_low=6, sessions_high=10)
    )
    groups = clinic_questions(rows, "$")
    assert [g.questions for g in groups[1:]] == [("How many sessions will I need (published 6–10)?",)] * 2


def test_a_wide_published_price_asks_for_the_clinics_own():
    asked = option_questions(row(session_low=500.0, session_typical=NAN, session_high=3900.0), "$")
    assert "What is your price a session (published $500–$3,900)?" in asked


def test_surgery_asks_for_the_procedure_and_further_surgery_not_sessions():
    surgery = row(
        category="surgical",
        invasiveness="surgical",
        session_low=3000.0,
        session_high=4000.0,
        sessions_low=1,
        sessions_high=1,
        maintenance="as-needed",
    )
    asked = option_questions(surgery, "£")
    assert "What is your total price for the procedure (published £3,000–£4,000)?" in asked
    assert any(q.startswith("Will I need further surgery") for q in asked)
    assert not any("session" in q for q in asked), asked
    # a surgeon's fee is asked about once, with what it leaves out
    fee = option_questions({**surgery, "basis": "surgeon-fee"}, "£")
    assert sum("total price" in q for q in fee) == 1, fee


def test_a_daily_cream_asks_about_keeping_up_use_not_top_up_sessions():
    cream = row(category="topical", session_unit="month", maintenance="unknown")
    cream.update(downtime_days_low=NAN, downtime_days_high=NAN, downtime_measure=None)
    asked = option_questions(cream, "$")
    assert "Will I need to keep using it after the first course to keep the results, and for how long?" in asked
    assert not any("top-up" in q or "back to work" in q for q in asked), asked
