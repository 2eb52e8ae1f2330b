"""The results grid's columns: Option, the total over the horizon (with the course beside the upkeep), the budget
answer (with what it hinges on), downtime, risk tier and what trials found for the concern (the share improved, the design, the grade), and lost pay when earnings
are given. The rows they show are made in `grid`.
"""

from __future__ import annotations

from typing import Any

# An AG Grid column definition, or a part of one: option -> a JSON value.
ColumnDef = dict[str, Any]

# Sort comparators and formatters are named functions in assets/dashAgGridFunctions.js (the CSP forbids eval).
UNKNOWN_LAST = {"function": "unknownLast"}  # a name: AG Grid calls it with (valueA, valueB, nodeA, nodeB, isDescending)
SHOW = {"function": "shown(params)"}
# a cell whose text wraps, the row growing to fit it
WRAPPED: ColumnDef = dict(
    wrapText=True, autoHeight=True, cellStyle={"lineHeight": "1.35", "paddingTop": "6px", "paddingBottom": "6px"}
)
# a cell of two lines (the total, then the course beside the upkeep; the answer, then what it hinges on)
TWO_LINES: ColumnDef = {**WRAPPED, "cellStyle": {**WRAPPED["cellStyle"], "whiteSpace": "pre-line"}}


def column_defs(horizon_label: str = "horizon", with_time_off: bool = False) -> list[ColumnDef]:
    """AG Grid columns: Option, total, budget fit, downtime, risk tier, evidence (+ time off when set)."""
    columns = [
        _option_column(),
        _total_column(horizon_label),
        _fit_column(),
        _downtime_column(),
        _risk_column(),
        _evidence_column(),
    ]
    if with_time_off:
        columns.append(_time_off_column())
    return columns


def _option_column() -> ColumnDef:
    """The option's name, pinned left, with its tooltip (a quote: where it stands against the published figures)."""
    return dict(
        field="name",
        headerName="Option",
        pinned="left",
        minWidth=250,
        flex=2.5,
        filter="agTextColumnFilter",
        tooltipField="name_tip",
        comparator=UNKNOWN_LAST,
        **WRAPPED,
    )


def _total_column(horizon_label: str) -> ColumnDef:
    """The total over the horizon, then the course beside the upkeep; sorted by the total's own order."""
    return dict(
        field="total_low",
        headerName=f"Total over {horizon_label}",
        minWidth=170,
        flex=1.5,
        valueFormatter={"function": "params.data.total_text"},
        tooltipField="total_tip",
        type="rightAligned",
        comparator={"function": "totalOrder"},
        cellClass={"function": "assumedClass(params)"},
        **TWO_LINES,
    )


def _fit_column() -> ColumnDef:
    """The budget answer, then what it hinges on."""
    return dict(
        field="fit_rank",
        headerName="Budget fit",
        minWidth=190,
        flex=1.6,
        valueFormatter={"function": "params.data.fit_text"},
        tooltipField="budget_reason",
        comparator=UNKNOWN_LAST,
        **TWO_LINES,
    )


def _downtime_column() -> ColumnDef:
    """The downtime with what it counts: "7–14 days until the skin has healed"."""
    return dict(
        field="downtime_days_high",
        headerName="Downtime",
        minWidth=120,
        flex=1,
        valueFormatter={"function": "params.data.downtime_text"},
        tooltipField="downtime_tip",
        comparator=UNKNOWN_LAST,
        **WRAPPED,
    )


def _risk_column() -> ColumnDef:
    """The risk tier, with what it rests on in the tooltip."""
    return dict(
        field="risk_tier",
        headerName="Risk tier (1–5)",
        minWidth=110,
        flex=0.8,
        tooltipField="risk_basis",
        valueFormatter=SHOW,
        comparator=UNKNOWN_LAST,
    )


def _evidence_column() -> ColumnDef:
    """What trials found: the share and its n, then the design and the grade; sorted by grade, since shares at
    different thresholds are never ranked."""
    return dict(
        field="evidence",
        headerName="What trials found",
        headerTooltip=(
            "Each share is one study's, at that study's own threshold: thresholds differ between studies, so "
            "the shares are not comparable and the options are not ranked by them. The details give the "
            "threshold, the study and what limits it."
        ),
        minWidth=170,
        flex=1.2,
        valueFormatter={"function": "params.data.evidence_text"},
        tooltipField="evidence_note",
        comparator=UNKNOWN_LAST,
        **TWO_LINES,
    )


def _time_off_column() -> ColumnDef:
    """The total with lost pay (downtime at the daily earnings given), when earnings are given."""
    return dict(
        field="with_time_off_low",
        headerName="Incl. time off (lost pay)",
        minWidth=170,
        flex=1.2,
        valueFormatter={"function": "params.data.time_off_text"},
        tooltipField="lost_pay_text",
        type="rightAligned",
        comparator=UNKNOWN_LAST,
    )
