"""trial_results.csv: the rules across its columns and files.

A row is one arm of one study for a treatment and concern (data/README.md, "trial_results.csv"). Beyond
the value rules of the schema: every id it names exists, its treatment and concern are a row of
concerns.csv, a responder count agrees with its share, a control share comes only with a control arm, and
each evidence grade in concerns.csv agrees with the study rows behind it (`grade_from_studies`).
"""

from __future__ import annotations

import pandas as pd

from dashboard import vocab
from dashboard.dataset.checks import short_text
from dashboard.dataset.problems import Problem, by_line

FILE = "trial_results.csv"
# a printed share may be rounded: 66.7% of 15 is 10 patients
SHARE_TOLERANCE = 1.0


def grade_from_studies(rows: pd.DataFrame) -> str:
    """The evidence grade the study rows of one treatment and concern support (data/README.md,
    "Evidence levels"): "A" with a meta-analysis or randomised trials from two studies or more, "B" with
    any other study, "C" with none."""
    if (rows["design"] == "meta-analysis").any():
        return "A"
    randomised = rows[rows["randomised"] == "yes"]["study"].nunique()
    if randomised >= 2:
        return "A"
    return "B" if len(rows) else "C"


def trial_problems(trials: pd.DataFrame, frames: dict[str, pd.DataFrame], checked: bool = True) -> list[Problem]:
    """Links and cross-column rules of trial_results.csv; with `checked` (the file was read), the
    evidence grades of concerns.csv against the study rows."""
    treatment_ids = set(frames["treatments.csv"]["id"].dropna())
    source_ids = set(frames["sources.csv"]["id"].dropna())
    concerns = frames["concerns.csv"]
    pairs = set(zip(concerns["treatment_id"], concerns["concern"], strict=False))
    problems: list[Problem] = []
    for line, row in by_line(trials):
        problems += _row_problems(line, row, treatment_ids, source_ids, pairs)
    if checked:
        problems += _grade_problems(trials, concerns)
    return problems


def _row_problems(line, row, treatment_ids, source_ids, pairs) -> list[Problem]:
    def problem(column: str, message: str) -> Problem:
        return Problem(FILE, line, column, message)

    out = []
    for column, known, where in (
        ("treatment_id", treatment_ids, "treatments.csv"),
        ("comparator_treatment_id", treatment_ids, "treatments.csv"),
        ("source_id", source_ids, "sources.csv"),
    ):
        value = row[column]
        if _given(value) and value not in known:
            out.append(problem(column, f"'{short_text(value)}' is not an id in {where}"))
    if _given(row["treatment_id"]) and _given(row["concern"]) and (row["treatment_id"], row["concern"]) not in pairs:
        message = f"'{row['treatment_id']}' is not linked to '{row['concern']}' in concerns.csv"
        out.append(problem("concern", message))
    design, kind = row["design"], row["comparator_kind"]
    controlled = design in vocab.CONTROLLED_DESIGNS
    if design == "randomised" and row["randomised"] != "yes":
        out.append(problem("randomised", "a randomised design must say 'yes'"))
    if design in ("no-control", "meta-analysis") and _given(row["randomised"]):
        out.append(problem("randomised", f"is only for a study with a control arm, not '{design}'"))
    if controlled and not _given(row["randomised"]):
        out.append(problem("randomised", "is empty; say yes, no or not-stated for a study with a control arm"))
    if design == "no-control" and kind != "none":
        out.append(problem("comparator_kind", "must be 'none' for a study with no control"))
    if controlled and kind == "none":
        out.append(problem("comparator_kind", f"a '{design}' study has a control arm: say 'inactive' or 'active'"))
    if kind in ("inactive", "active") and not _given(row["comparator"]):
        out.append(problem("comparator", "is empty; say what the control arm received"))
    if kind == "none" and _given(row["comparator"]):
        out.append(problem("comparator", "is given, but comparator_kind is 'none'"))
    if _given(row["comparator_pct"]) and not _given(row["difference"]):
        out.append(problem("difference", "is empty; say whether the study found the difference significant"))
    if _given(row["difference"]) and not _given(row["comparator_pct"]):
        out.append(problem("difference", "is only for a row with the control arm's share"))
    for column in ("comparator_pct", "comparator_n", "comparator_treatment_id"):
        if _given(row[column]) and not (controlled and kind != "none"):
            out.append(problem(column, "is only for a study with a concurrent control arm"))
    if _given(row["comparator_treatment_id"]) and kind != "active":
        out.append(problem("comparator_treatment_id", "names a treatment, so comparator_kind must be 'active'"))
    out += _share_problems(row, problem)
    return out


def _share_problems(row, problem) -> list[Problem]:
    out = []
    pct, count, n = row["responders_pct"], row["responders"], row["n"]
    if not _given(pct) and not _given(row["finding"]):
        out.append(problem("finding", "is empty; a row without responders_pct says what the study found"))
    if _given(pct) and not _given(row["threshold"]):
        out.append(problem("threshold", "is empty; a responder share needs the study's threshold"))
    if _given(pct) and not _given(n):
        out.append(problem("n", "is empty; a responder share needs the number of patients"))
    if _given(count):
        if not _given(pct):
            out.append(problem("responders", "is given without responders_pct"))
        elif _given(n) and count > n:
            out.append(problem("responders", f"{count} is more than n ({n})"))
        elif _given(n) and abs(count / n * 100 - pct) > SHARE_TOLERANCE:
            share = f"{count / n * 100:.1f}".rstrip("0").rstrip(".")
            message = f"{count} of {n} is {share}%, not {pct:g}%: check the full text or leave the row out"
            out.append(problem("responders_pct", message))
    return out


def _grade_problems(trials: pd.DataFrame, concerns: pd.DataFrame) -> list[Problem]:
    out = []
    for line, row in by_line(concerns):
        studies = trials[(trials["treatment_id"] == row["treatment_id"]) & (trials["concern"] == row["concern"])]
        expected = grade_from_studies(studies)
        if row["evidence"] in vocab.EVIDENCE_LEVELS and row["evidence"] != expected:
            if len(studies):
                message = f"is {row['evidence']}, but its {len(studies)} study row(s) in {FILE} support {expected}"
            else:
                message = f"is {row['evidence']}, but {FILE} has no study row for it, which supports {expected}"
            message += " (see 'Evidence levels')"
            out.append(Problem("concerns.csv", line, "evidence", message))
    return out


def _given(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA
