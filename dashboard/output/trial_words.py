"""What trials found, in words: the compact cell of the table ("50% improved · n=20"), the design badge,
the sentence of the details ("50% of 20 patients reached …"), and what an extra patient improved costs.

Rows are comparison rows (their `trial` column: the headline study of model/trial_results) or study records
(trial_results.csv columns, as in `trial_all`). Thresholds are the study's own words, quoted; figures are one study arm's, as
printed, never averaged. Plain words: no "SMD", "P=" or "OR".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.model.trial_results import trial_value
from dashboard.output import display
from dashboard.output.display import RowLike

NO_RESULT = "no trial result found"
DESIGN_WORDS = {
    "randomised": "randomised trial",
    "split-body": "split-body study",
    "two-arm": "two-group study",
    "no-control": "no control group",
    "meta-analysis": "meta-analysis",
}
THRESHOLDS_DIFFER = (
    "Each share is one study's, at that study's own threshold (“more than 50% improvement”, “marked or "
    "excellent”, “better than 25%”…): thresholds differ between studies, so the shares are not comparable "
    "with each other and the options are not ranked by them."
)


def _known(value: Any) -> bool:
    return display.known(value)


def _pct(value: Any) -> str:
    return f"{float(value):.1f}".rstrip("0").rstrip(".") + "%"


def _record(row: RowLike) -> dict[str, Any]:
    """The study record of a comparison row (its headline study, `trial`; empty without one), or the record
    itself when `row` is a study record (trial_results.csv columns, as in `trial_all`)."""
    if "trial" in row:
        study = row.get("trial")
        return dict(study) if isinstance(study, dict) else {}
    return {k: (v if _known(v) else None) for k, v in dict(row).items()}


def values(row: RowLike) -> dict[str, Any]:
    """The number needed to treat and the cost per extra patient improved of a comparison row (its headline
    study and its own initial course, a quote's included): model.trial_results.trial_value."""
    return trial_value(
        row.get("trial") if isinstance(row.get("trial"), dict) else None,
        row.get("initial_low"),
        row.get("initial_high"),
        display.flag(row.get("initial_open")),
    )


def design_badge(row: RowLike) -> str:
    """'randomised trial', 'split-body study' ('randomised split-body study' when its sides were randomised),
    'two-group study', 'no control group', 'meta-analysis'; '' without a study."""
    r: RowLike = _record(row)
    words = DESIGN_WORDS.get(r.get("design"), "")
    if words and r.get("design") in ("split-body", "two-arm") and r.get("randomised") == "yes":
        words = f"randomised {words}"
    return words


def _counted(r: RowLike) -> str:
    n = r.get("n")
    what = r.get("n_of") or "patients"
    if what == "patients" and _known(n) and int(n) == 1:
        what = "patient"
    return f"{int(n)} {what}" if _known(n) else what


def compact(row: RowLike) -> str:
    """The table's cell: '50% improved · n=20', 'no share reported' (a study that gives none) or
    'no trial result found'."""
    r = _record(row)
    if not r.get("design"):
        return NO_RESULT
    if _known(r.get("responders_pct")):
        n = f" · n={int(r['n'])}" if _known(r.get("n")) else ""
        return f"{_pct(r['responders_pct'])} improved{n}"
    return "no share reported"


def sentence(row: RowLike) -> str:
    """One study arm in a sentence: '50% of 20 patients reached “…” after 5 weekly sessions, 12 weeks after the
    first session (split-body study; against untreated stretch marks on the other side: share not reported).'
    A study without a share gives its finding in words; no study gives 'no trial result found'."""
    r = _record(row)
    if not r.get("design"):
        return f"{NO_RESULT.capitalize()} for this concern."
    study = f" — {r['study']}" if r.get("study") else ""
    if not _known(r.get("responders_pct")):
        finding = r.get("finding") or r.get("measure") or "no share of patients improved reported"
        return f"{_first_upper(finding)} ({design_badge(r)}{study})."
    text = f"{_pct(r['responders_pct'])} of {_counted(r)} reached “{r.get('threshold') or 'the study’s threshold'}”"
    if r.get("sessions"):
        text += f" after {r['sessions']}"
    if r.get("follow_up"):
        text += f"; follow-up: {r['follow_up']}"
    finding = f" {_first_upper(r['finding'].rstrip('. '))}." if r.get("finding") else ""
    return f"{text} ({design_badge(r)}{_control_words(r)}{study}).{finding}"


def _control_words(r: dict[str, Any]) -> str:
    if r.get("comparator_kind") not in ("inactive", "active") or not r.get("comparator"):
        return ""
    if _known(r.get("comparator_pct")):
        n = f" of {int(r['comparator_n'])}" if _known(r.get("comparator_n")) else ""
        return f"; {_pct(r['comparator_pct'])}{n} with {r['comparator']}"
    return f"; against {r['comparator']}, whose share was not reported"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def against(row: RowLike) -> str:
    """What the extra patients are counted against: 'vehicle cream' or 'the other treatment, microneedling';
    '' without a control arm."""
    r = _record(row)
    if r.get("comparator_kind") == "active" and r.get("comparator"):
        return f"the other treatment, {r['comparator']}"
    if r.get("comparator_kind") == "inactive" and r.get("comparator"):
        return str(r["comparator"])
    return ""


def nnt_text(nnt: float) -> str:
    """'1.39', '2.78', '20': three significant figures."""
    return f"{nnt:.3g}"


def value_text(row: RowLike, symbol: str) -> str:
    """What an extra patient improved costs, or why it cannot be worked out: 'Against vehicle cream (80% against
    8%): 1 more patient improved for every 1.39 treated, so $125–$208 of initial courses per extra patient
    improved (the trial gave 0.1% cream daily for 6 months).' Worked out only where the study counted patients
    and found the difference between its arms more than chance."""
    r = _record(row)
    if not r.get("design"):
        return f"Unknown: {NO_RESULT}."
    if not _known(r.get("responders_pct")):
        return "Unknown: the study reports no share of patients improved."
    if r.get("comparator_kind") not in ("inactive", "active"):
        return "Unknown: the study had no control group, so it cannot say how many improved because of the treatment."
    if not _known(r.get("comparator_pct")):
        return f"Unknown: the study does not report the share improved with {against(r)}, so extra patients cannot be counted."
    share, control = float(r["responders_pct"]), float(r["comparator_pct"])
    shares = f"{_pct(share)} against {_pct(control)}"
    difference = r.get("difference")
    if difference == "not-significant":
        return f"None: the study found no clear difference from {against(r)} ({shares})."
    if share <= control:
        return f"None: fewer improved than with {against(r)} ({shares})."
    if difference != "significant":
        return (
            f"Not worked out: the study does not say whether the difference from {against(r)} ({shares}) is more "
            "than chance."
        )
    if (r.get("n_of") or "patients") != "patients":
        return (
            f"Not worked out per patient: against {against(r)} ({shares}), the study counts {r['n_of']}, not patients."
        )
    value = values(row)
    nnt = value["nnt"] if _known(value["nnt"]) else 100.0 / (share - control)
    text = f"Against {against(r)} ({shares}): 1 more patient improved for every {nnt_text(nnt)} treated"
    dose = f" (the trial gave {r['sessions']})" if r.get("sessions") else ""
    low, high = value["extra_improved_low"], value["extra_improved_high"]
    if _known(low) or _known(high):
        cost = display.money_range(low, high, value["extra_improved_open"], symbol)
        return f"{text}, so {cost} of initial courses per extra patient improved{dose}."
    return f"{text}; the course has no published price, so its cost per extra patient improved is unknown."


def cell(row: RowLike) -> str:
    """The table's two lines: the compact figure, then the design badge and the evidence grade."""
    badge = design_badge(row)
    grade = row.get("evidence")
    second = " · ".join(p for p in (badge, f"grade {grade}" if _known(grade) else "") if p)
    return f"{compact(row)}\n{second}" if second else compact(row)


def card_text(row: RowLike) -> str:
    """A phone card's line: the compact figure with its threshold in the study's words, the design, the grade."""
    r = _record(row)
    threshold = f" (“{r['threshold']}”)" if r.get("threshold") and _known(r.get("responders_pct")) else ""
    return cell(row).replace("\n", f"{threshold} · ", 1)


def limits(row: RowLike) -> str:
    """What limits the headline study's figure, in the data's words; 'none recorded' when nothing is."""
    return _record(row).get("caveats") or "none recorded"


SUMMARY_COLUMNS = ("name", "trial", "initial_low", "initial_high", "initial_open")


def concern_summary(rows: pd.DataFrame | Sequence[RowLike], symbol: str) -> list[str]:
    """Sentences under the chart for the options shown (`rows`: comparison rows, a concern chosen), in the table's
    order and never ranked: what an extra patient improved costs where a trial allows, against doing nothing
    apart from against another treatment, each with its threshold; then how many options have a share, a study
    without one, or no trial result. `rows`: a frame, or its rows already read (`display.cells`)."""
    records = display.plain_records(rows, SUMMARY_COLUMNS)
    valued = [r for r in records if _known(values(r)["nnt"])]
    out = []
    for kind in ("inactive", "active"):  # against doing nothing, then against another treatment
        for r in (r for r in valued if _record(r).get("comparator_kind") == kind):
            text = value_text(r, symbol).removeprefix("Against ")
            out.append(f"{r['name']}, at “{_record(r).get('threshold')}”, against {text}")
    if not valued:
        out.append(
            "No option shown has a trial that counted patients and found a clear difference from a control arm "
            "measured on the same threshold, so no cost per extra patient improved can be worked out."
        )
    elif len(valued) > 1:
        out.append("The thresholds differ between these studies: the costs are not a ranking.")
    studies = [_record(r) for r in records]
    shared = sum(1 for s in studies if _known(s.get("responders_pct")))
    without = [s for s in studies if s.get("design") and not _known(s.get("responders_pct"))]
    none = [str(r["name"]) for r, s in zip(records, studies, strict=True) if not s.get("design")]
    verb = "has" if shared == 1 else "have"
    parts = [f"{shared} of {len(records)} options shown {verb} a trial's share of patients improved"]
    if without:
        verb = "has studies that report" if len(without) == 1 else "have studies that report"
        parts.append(f"{len(without)} {verb} no share (their findings are in the details)")
    if none:
        parts.append(f"no trial result found for {', '.join(none)}")
    out.append("; ".join(parts) + ".")
    return out
