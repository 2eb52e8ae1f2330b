"""What trials found: the file's rules, the number needed to treat, the cost per extra patient improved,
the words and the chart."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from dashboard.dataset import schema
from dashboard.dataset.problems import DatasetError
from dashboard.dataset.storage import open_dataset
from dashboard.dataset.trial_checks import grade_from_studies
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import from_query
from dashboard.model.trial_results import number_needed_to_treat, trial_value
from dashboard.output import trial_words
from dashboard.output.trial_chart import trial_figure, trial_key
from tests import factory
from tests.factory import changed, to_csv, write_dataset

FIELDS = [f.name for f in schema.TRIAL_RESULTS]
BLANK = {name: "" for name in FIELDS}
# microneedling for stretch marks is grade A in the small dataset: a randomised trial against an untreated
# side, and a meta-analysis
SPLIT = {
    **BLANK,
    "treatment_id": "microneedling",
    "concern": "stretch-marks",
    "study": "Trial 2020",
    "source_id": "clinic-x",
    "design": "split-body",
    "randomised": "yes",
    "measure": "investigator's grade",
    "threshold": "more than 50% improvement",
    "responders_pct": "50",
    "responders": "10",
    "n": "20",
    "n_of": "patients",
    "sessions": "5 weekly sessions",
    "follow_up": "12 weeks after the first session",
    "comparator_kind": "inactive",
    "comparator": "untreated side",
    "comparator_pct": "10",
    "comparator_n": "20",
    "difference": "significant",
    "quote": "50% of cases improved by more than half",
    "status": "primary",
}
META = {
    **BLANK,
    "treatment_id": "microneedling",
    "concern": "stretch-marks",
    "study": "Review 2024",
    "source_id": "clinic-x",
    "design": "meta-analysis",
    "measure": "clinical improvement",
    "comparator_kind": "none",
    "finding": "about as good as lasers",
    "quote": "no difference",
    "status": "primary",
}


def write_trials(folder, rows, concerns=None):
    write_dataset(folder, **({"concerns": concerns} if concerns is not None else {}))
    (folder / "trial_results.csv").write_text(to_csv(rows, FIELDS), encoding="utf-8")
    return folder


def problems(tmp_path, rows, concerns=None) -> list[str]:
    with pytest.raises(DatasetError) as err:
        open_dataset(write_trials(tmp_path, rows, concerns))
    return [f"{p.file}:{p.row}:{p.column}: {p.message}" for p in err.value.problems]


def test_the_file_is_optional_and_read_when_present(tmp_path):
    assert open_dataset(write_dataset(tmp_path / "none")).trials.empty
    data = open_dataset(write_trials(tmp_path / "some", [SPLIT, META]))
    assert list(data.trials["study"]) == ["Trial 2020", "Review 2024"]
    assert data.trials["responders_pct"].tolist()[0] == 50.0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"responders": "12"}, "trial_results.csv:2:responders_pct: 12 of 20 is 60%, not 50%"),
        ({"responders_pct": "101"}, "trial_results.csv:2:responders_pct: must be at most 100"),
        ({"n": "0"}, "trial_results.csv:2:n: must be at least 1"),
        ({"treatment_id": "ha-filler"}, "trial_results.csv:2:concern: 'ha-filler' is not linked to 'stretch-marks'"),
        ({"source_id": "nowhere"}, "trial_results.csv:2:source_id: 'nowhere' is not an id in sources.csv"),
        ({"design": "no-control", "randomised": ""}, "trial_results.csv:2:comparator_kind: must be 'none'"),
        (
            {"comparator_kind": "none", "comparator": ""},
            "trial_results.csv:2:comparator_pct: is only for a study with a concurrent control arm",
        ),
        ({"comparator": ""}, "trial_results.csv:2:comparator: is empty"),
        ({"threshold": ""}, "trial_results.csv:2:threshold: is empty"),
        ({"design": "randomised", "randomised": "no"}, "trial_results.csv:2:randomised: a randomised design"),
        ({"comparator_treatment_id": "ha-filler"}, "trial_results.csv:2:comparator_treatment_id: names a treatment"),
        ({"design": "cohort"}, "trial_results.csv:2:design: must be one of"),
    ],
)
def test_each_defect_is_reported_with_its_line_and_column(tmp_path, change, expected):
    found = problems(tmp_path, [{**SPLIT, **change}, META])
    assert any(p.startswith(expected) for p in found), found


def test_a_row_without_a_share_says_what_the_study_found(tmp_path):
    found = problems(tmp_path, [SPLIT, {**META, "finding": ""}])
    assert any(p.startswith("trial_results.csv:3:finding: is empty") for p in found), found


def test_grade_from_studies_follows_the_evidence_levels():
    frame = pd.DataFrame([SPLIT, META]).replace("", None)
    assert grade_from_studies(frame) == "A"  # a meta-analysis
    assert grade_from_studies(frame.iloc[:1]) == "B"  # one randomised trial
    two = pd.concat([frame.iloc[:1], frame.iloc[:1].assign(study="Trial 2021")])
    assert grade_from_studies(two) == "A"  # randomised trials from two studies
    assert grade_from_studies(frame.iloc[0:0]) == "C"


def test_a_grade_a_with_only_uncontrolled_studies_fails(tmp_path):
    uncontrolled = {
        **SPLIT,
        "design": "no-control",
        "randomised": "",
        "comparator_kind": "none",
        "comparator": "",
        "comparator_pct": "",
        "comparator_n": "",
        "difference": "",
    }
    found = problems(tmp_path, [uncontrolled])
    assert "concerns.csv:6:evidence: is A, but its 1 study row(s) in trial_results.csv support B" in found[0]
    # a grade C with a study behind it disagrees too
    concerns = changed(factory.CONCERNS, 4, evidence="C")
    found = problems(tmp_path / "c", [uncontrolled], concerns)
    assert any("is C, but its 1 study row(s) in trial_results.csv support B" in p for p in found)


def test_the_bundled_grades_agree_with_their_studies():
    data = open_dataset()
    assert len(data.trials) > 0
    for _, row in data.concerns.iterrows():
        studies = data.trials[
            (data.trials["treatment_id"] == row["treatment_id"]) & (data.trials["concern"] == row["concern"])
        ]
        assert row["evidence"] == grade_from_studies(studies), (row["treatment_id"], row["concern"])


def test_number_needed_to_treat_by_hand():
    assert number_needed_to_treat(80, 8) == pytest.approx(1.3889, abs=1e-4)  # 100 / 72
    assert number_needed_to_treat(67.5, 1.2) == pytest.approx(1.5083, abs=1e-4)
    assert math.isnan(number_needed_to_treat(20, 66.7))  # did worse than the other treatment
    assert math.isnan(number_needed_to_treat(50, None))  # no control share


def test_cost_per_extra_patient_improved_is_the_course_range_times_the_nnt():
    study = {"responders_pct": 80.0, "comparator_pct": 8.0, "difference": "significant", "n_of": "patients"}
    value = trial_value(study, 90.0, 150.0)
    assert value["nnt"] == pytest.approx(1.3889, abs=1e-4)
    assert (round(value["extra_improved_low"]), round(value["extra_improved_high"])) == (125, 208)
    # no control share, a difference the study does not call real, folds instead of patients, or no better
    # than the control: no number needed to treat, no cost per extra patient
    for change in (
        {"comparator_pct": None},
        {"difference": "not-significant"},
        {"difference": "not-stated"},
        {"n_of": "folds"},
        {"responders_pct": 5.0},
    ):
        assert math.isnan(trial_value({**study, **change}, 90.0, 150.0)["nnt"]), change
    # an open course: "from" the low figure only
    opened = trial_value(study, 90.0, None, course_open=True)
    assert round(opened["extra_improved_low"]) == 125 and opened["extra_improved_open"]
    row = {
        "trial": {**study, "design": "randomised", "randomised": "yes", "comparator_kind": "inactive"},
        "initial_low": 90.0,
        "initial_high": 150.0,
    }
    row["trial"].update(comparator="vehicle cream", sessions="6 months of cream")
    assert trial_words.value_text(row, "$") == (
        "Against vehicle cream (80% against 8%): 1 more patient improved for every 1.39 treated, so $125–$208 of "
        "initial courses per extra patient improved (the trial gave 6 months of cream)."
    )
    row["trial"]["difference"] = "not-significant"
    assert trial_words.value_text(row, "$") == (
        "None: the study found no clear difference from vehicle cream (80% against 8%)."
    )


def test_a_study_with_no_control_yields_no_nnt_and_says_why(tmp_path):
    uncontrolled = {**META, "treatment_id": "abdominoplasty"}
    uncontrolled.update(
        design="no-control",
        finding="",
        threshold="any improvement",
        responders_pct="90",
        n="30",
        comparator_kind="none",
    )
    concerns = changed(factory.CONCERNS, 2, evidence="B")
    concerns = changed(concerns, 4, evidence="C")
    catalog = build_catalog(open_dataset(write_trials(tmp_path, [uncontrolled], concerns)))
    row = compare(catalog, from_query("concern=stretch-marks&market=US", catalog.treatment_ids)).rows.loc[
        "abdominoplasty"
    ]
    assert math.isnan(trial_words.values(row)["nnt"])
    assert trial_words.compact(row) == "90% improved · n=30"
    assert trial_words.design_badge(row) == "no control group"
    assert trial_words.value_text(row, "$").startswith("Unknown: the study had no control group")


@pytest.fixture
def catalog(tmp_path):
    return build_catalog(open_dataset(write_trials(tmp_path, [SPLIT, META])))


def test_each_option_shows_its_surest_study_and_lists_the_others(catalog):
    rows = compare(catalog, from_query("concern=stretch-marks&market=US", catalog.treatment_ids)).rows
    needling = rows.loc["microneedling"]
    assert needling["trial"]["study"] == "Trial 2020"  # a share with a control share before a meta-analysis
    assert [s["study"] for s in needling["trial_all"]] == ["Trial 2020", "Review 2024"]
    assert trial_words.sentence(needling) == (
        "50% of 20 patients reached “more than 50% improvement” after 5 weekly sessions; follow-up: 12 weeks after "
        "the first session (randomised split-body study; 10% of 20 with untreated side — Trial 2020)."
    )
    assert trial_words.cell(needling) == "50% improved · n=20\nrandomised split-body study · grade A"
    # an option with no study says so, and nothing is computed for it
    tummy = rows.loc["abdominoplasty"]
    assert trial_words.compact(tummy) == "no trial result found"
    assert trial_words.value_text(tummy, "$") == "Unknown: no trial result found."


def test_without_a_concern_nothing_is_said_of_trials(catalog):
    rows = compare(catalog, from_query("market=US", catalog.treatment_ids)).rows
    assert rows["trial"].isna().all()
    figure = trial_figure(rows, None, "USD")
    assert figure["data"] == [] and "Choose a concern" in figure["layout"]["annotations"][0]["text"]


def test_the_chart_labels_every_point_and_says_thresholds_differ(catalog):
    rows = compare(catalog, from_query("concern=stretch-marks&market=US", catalog.treatment_ids)).rows
    figure = trial_figure(rows, "stretch-marks", "USD")
    points = [(name, y) for trace in figure["data"] for name, y in zip(trace["text"], trace["y"], strict=True)]
    assert points == [("1", 50.0)]
    assert trial_key(rows, "USD") == [
        "Microneedling: 50% improved · n=20 (randomised split-body study), threshold “more than 50% improvement”; "
        "initial course $600–$4,200"
    ]
    assert figure["data"][0]["customdata"][0][0] == "1. Microneedling"
    hover = figure["data"][0]["customdata"][0][1]
    assert "threshold: “more than 50% improvement”" in hover and "study: Trial 2020" in hover
    title = re.sub(r"<[^>]+>", " ", figure["layout"]["title"]["text"])
    title = " ".join(title.split())
    assert "thresholds differ between studies" in title
    assert "Not drawn: 1 with no trial share of patients improved" in title


def test_exports_carry_the_figures_and_the_study(catalog):
    from dashboard.output.table import export_frame, sources_frame

    comparison = compare(catalog, from_query("concern=stretch-marks&market=US", catalog.treatment_ids))
    frame = export_frame(comparison).set_index("Option")
    row = frame.loc["Microneedling"]
    assert row["Trial: share improved (%)"] == 50.0 and row["Trial: n"] == 20
    assert row["Trial: threshold (the study's words)"] == "more than 50% improvement"
    assert row["Trial: control arm's share improved (%)"] == 10.0
    assert row["Trial: number needed to treat"] == pytest.approx(2.5)
    assert row["Trial: design"] == "randomised split-body study"
    assert "clinic-x" in set(sources_frame(comparison, catalog.data)["id"])


def test_the_notes_under_the_chart_name_the_cost_per_extra_patient_and_the_gaps(catalog):
    rows = compare(catalog, from_query("concern=stretch-marks&market=US", catalog.treatment_ids)).rows
    notes = trial_words.concern_summary(rows, "$")
    assert notes[0] == (
        "Microneedling, at “more than 50% improvement”, against untreated side (50% against 10%): 1 more patient "
        "improved for every 2.5 treated, so $1,500–$10,500 of initial courses per extra patient improved (the trial "
        "gave 5 weekly sessions)."
    )
    assert len(notes) == 2  # one cost, so nothing to warn against ranking; then the counts
    assert notes[-1] == (
        "1 of 2 options shown has a trial's share of patients improved; no trial result found for Abdominoplasty."
    )
