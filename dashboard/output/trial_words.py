"""What trials found, in words: the compact cell of the table ("50% improved · n=20"), the design badge,
the sentence of the details ("50% of 20 patients reached …"), and what an extra patient improved costs.

Rows are comparison rows (the `trial_*` columns of model/trial_results) or study records (trial_results.csv
columns, as in `trial_all`). Thresholds are the study's own words, quoted; figures are one study arm's, as
printed, never averaged. Plain words: no "SMD", "P=" or "OR".
"""

from __future__ import annotations

from dashboard.output import display

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


def _known(value) -> bool:
    return display.known(value)


def _pct(value) -> str:
    return f"{float(value):.1f}".rstrip("0").rstrip(".") + "%"


def _record(row) -> dict:
    """A study record from a comparison row's headline columns (or the record itself)."""
    if "trial_design" not in row:
        return {k: (v if _known(v) else None) for k, v in dict(row).items()}
    names = {
        "trial_study": "study",
        "trial_design": "design",
        "trial_randomised": "randomised",
        "trial_threshold": "threshold",
        "trial_pct": "responders_pct",
        "trial_n": "n",
        "trial_n_of": "n_of",
        "trial_sessions": "sessions",
        "trial_follow_up": "follow_up",
        "trial_control_kind": "comparator_kind",
        "trial_control": "comparator",
        "trial_control_pct": "comparator_pct",
        "trial_control_n": "comparator_n",
        "trial_finding": "finding",
        "trial_measure": "measure",
    }
    return {plain: (row.get(column) if _known(row.get(column)) else None) for column, plain in names.items()}


def design_badge(row) -> str:
    """'randomised trial', 'split-body study' ('randomised split-body study' when its sides were randomised),
    'two-group study', 'no control group', 'meta-analysis'; '' without a study."""
    r = _record(row)
    words = DESIGN_WORDS.get(r.get("design"), "")
    if words and r.get("design") in ("split-body", "two-arm") and r.get("randomised") == "yes":
        words = f"randomised {words}"
    return words


def _counted(r: dict) -> str:
    n = r.get("n")
    what = r.get("n_of") or "patients"
    if what == "patients" and _known(n) and int(n) == 1:
        what = "patient"
    return f"{int(n)} {what}" if _known(n) else what


def compact(row) -> str:
    """The table's cell: '50% improved · n=20', 'no share reported' (a study that gives none) or
    'no trial result found'."""
    r = _record(row)
    if not r.get("design"):
        return NO_RESULT
    if _known(r.get("responders_pct")):
        n = f" · n={int(r['n'])}" if _known(r.get("n")) else ""
        return f"{_pct(r['responders_pct'])} improved{n}"
    return "no share reported"


def sentence(row) -> str:
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
    return f"{text} ({design_badge(r)}{_control_words(r)}{study})."


def _control_words(r: dict) -> str:
    if r.get("comparator_kind") not in ("inactive", "active") or not r.get("comparator"):
        return ""
    if _known(r.get("comparator_pct")):
        n = f" of {int(r['comparator_n'])}" if _known(r.get("comparator_n")) else ""
        return f"; {_pct(r['comparator_pct'])}{n} with {r['comparator']}"
    return f"; against {r['comparator']}, whose share was not reported"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def against(row) -> str:
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


def value_text(row, symbol: str) -> str:
    """What an extra patient improved costs, or why it cannot be worked out: 'Against vehicle cream (80% against
    8%): 1 more patient improved for every 1.39 treated, so $125–$208 of initial courses per extra patient
    improved.'"""
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
    if share <= control:
        return f"None: no more patients improved than with {against(r)} ({shares})."
    nnt = row.get("trial_nnt") if _known(row.get("trial_nnt")) else 100.0 / (share - control)
    text = f"Against {against(r)} ({shares}): 1 more patient improved for every {nnt_text(nnt)} treated"
    low, high = row.get("extra_improved_low"), row.get("extra_improved_high")
    if _known(low) or _known(high):
        cost = display.money_range(low, high, display.flag(row.get("extra_improved_open")), symbol)
        return f"{text}, so {cost} of initial courses per extra patient improved."
    return f"{text}; the course has no published price, so its cost per extra patient improved is unknown."


def cell(row) -> str:
    """The table's two lines: the compact figure, then the design badge and the evidence grade."""
    badge = design_badge(row)
    grade = row.get("evidence")
    second = " · ".join(p for p in (badge, f"grade {grade}" if grade else "") if p)
    return f"{compact(row)}\n{second}" if second else compact(row)


def concern_summary(rows, symbol: str) -> list[str]:
    """Sentences under the chart for the options shown (`rows`: comparison rows, a concern chosen): what an extra
    patient improved costs where a trial had a control arm on the same threshold, then how many options have a
    share, a study without one, or no trial result."""
    records = list(rows.to_dict(orient="records")) if hasattr(rows, "to_dict") else list(rows)
    valued = [r for r in records if _known(r.get("trial_nnt"))]
    out = []
    for r in sorted(valued, key=lambda r: (not _known(r.get("extra_improved_low")), r.get("extra_improved_low") or 0)):
        text = value_text(r, symbol)
        out.append(f"{r['name']}: {text[:1].lower()}{text[1:]}")
    if not valued:
        out.append(
            "No option shown has a trial with a control arm measured on the same threshold, so no cost per extra "
            "patient improved can be worked out."
        )
    shared = sum(1 for r in records if _known(r.get("trial_pct")))
    without = [r for r in records if _known(r.get("trial_design")) and not _known(r.get("trial_pct"))]
    none = [str(r["name"]) for r in records if not _known(r.get("trial_design"))]
    parts = [
        f"{shared} of {len(records)} options shown {'has' if shared == 1 else 'have'} a trial's share of patients improved"
    ]
    if without:
        verb = "has studies that report" if len(without) == 1 else "have studies that report"
        parts.append(f"{len(without)} {verb} no share (their findings are in the details)")
    if none:
        parts.append(f"no trial result found for {', '.join(none)}")
    out.append("; ".join(parts) + ".")
    return out
