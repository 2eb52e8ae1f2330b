"""The bundled treatment facts: figures captured from their sources, and the gaps kept within target."""

import pandas as pd
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.output.option_attributes import results_text


@pytest.fixture(scope="module")
def treatments() -> pd.DataFrame:
    return open_dataset().treatments.set_index("id")


def _one_ended_or_missing(t: pd.DataFrame, low: str, high: str) -> list[str]:
    return sorted(t.index[t[low].isna() | t[high].isna()])


def test_gap_counts_are_within_target(treatments):
    unknown = sorted(treatments.index[treatments["maintenance"] == "unknown"])
    sessions = _one_ended_or_missing(treatments, "sessions_low", "sessions_high")
    downtime = _one_ended_or_missing(treatments, "downtime_days_low", "downtime_days_high")
    assert len(treatments) == 44
    assert len(unknown) <= 12, unknown
    assert len(sessions) <= 3, sessions
    assert len(downtime) <= 6, downtime


def test_rf_microneedling_course_from_elawar_2018(treatments):
    # "Each patient received 2 to 6 treatments with one month intervals between treatments."
    row = treatments.loc["microneedling-rf"]
    assert (row["sessions_low"], row["sessions_high"]) == (2, 6)
    assert (row["session_interval_weeks_low"], row["session_interval_weeks_high"]) == (4, 4)
    assert "elawar-2018" in row["source_ids"]


@pytest.mark.parametrize("tid", ["blepharoplasty-upper", "blepharoplasty-lower"])
def test_eyelid_surgery_may_last_a_lifetime(treatments, tid):
    row = treatments.loc[tid]
    assert row["maintenance"] == "none"
    assert "mayo-blepharoplasty-results" in row["source_ids"]
    assert "may last a lifetime" in row["notes"]


def test_facelift_downtime_is_the_nhs_two_to_four_weeks_not_the_shorter_figure(treatments):
    row = treatments.loc["facelift"]
    assert (row["downtime_days_low"], row["downtime_days_high"], row["downtime_measure"]) == (14, 28, "back-to-work")
    assert "dailymail-facelift-nhs" in row["source_ids"]
    assert row["maintenance"] == "none"


def test_thread_lift_effect_gone_by_one_year(treatments):
    row = treatments.loc["thread-lift"]
    assert row["maintenance"] == "periodic"
    assert (row["results_months_low"], row["results_months_high"]) == (6, 12)
    assert "asj-barbed-suture" in row["source_ids"]


def test_co2_resurfacing_one_treatment_and_reputable_downtime(treatments):
    row = treatments.loc["laser-co2-fractional"]
    assert row["sessions_low"] == 1  # ASLMS: results can be seen after one treatment
    assert row["downtime_days_high"] >= 14  # Mayo: new skin in one or two weeks, longer than the clinic's 6 days
    assert {"aslms-laser-resurfacing", "mayo-laser-resurfacing-library"} <= set(row["source_ids"])


def test_breast_implants_are_not_lifetime_devices(treatments):
    row = treatments.loc["breast-augmentation"]
    assert row["maintenance"] in ("as-needed", "periodic")
    assert "fda-breast-implants-consider" in row["source_ids"]


@pytest.mark.parametrize(
    "tid",
    [
        "facelift",
        "neck-lift",
        "brachioplasty",
        "breast-lift",
        "breast-reduction",
        "buttock-fat-grafting",
        "otoplasty",
        "liposuction-submental",
    ],
)
def test_operations_with_long_lasting_results_need_no_maintenance(treatments, tid):
    assert treatments.loc[tid, "maintenance"] == "none"


@pytest.mark.parametrize(
    "tid, months",
    [
        ("microneedling", 6),
        ("microneedling-rf", 6),
        ("laser-co2-fractional", 12),
        ("laser-hair-removal", 12),
    ],
)
def test_study_follow_up_is_kept_as_a_lower_bound_not_a_repeat_interval(treatments, tid, months):
    row = treatments.loc[tid]
    assert row["maintenance"] == "as-needed"
    assert row["results_months_low"] == months and pd.isna(row["results_months_high"])
    assert "lower bound" in row["notes"]
    assert results_text(row).startswith("not published") and f"still seen at {months} months" in results_text(row)


def test_every_downtime_figure_says_what_it_measures(treatments):
    has_figure = treatments["downtime_days_low"].notna() | treatments["downtime_days_high"].notna()
    has_measure = treatments["downtime_measure"].notna()
    assert sorted(treatments.index[has_figure != has_measure]) == []


def test_every_new_treatment_source_has_a_status_and_an_address():
    data = open_dataset()
    cited = {s for ids in data.treatments["source_ids"].dropna() for s in ids}
    sources = data.sources.set_index("id").loc[sorted(cited)]
    assert sources["status"].notna().all()
    assert sources["url"].str.startswith("http").all()
