"""The page's texts around the table: the line on options over budget, and the longer texts as Markdown
(the phone cards, the questions for the clinic, the missing figures). One Markdown text per block: hundreds of
small components made the page slow to draw.

Every text from the data or the person (names, clinic names, notes) is escaped, so it shows literally and no
web or e-mail address in it becomes a link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import vocab
from dashboard.output import display
from dashboard.output.display import RowLike
from dashboard.output.gaps import gap_note
from dashboard.output.questions import clinic_questions

# '.' too, and '/' and '@' as character references (the page's Markdown shows a backslash before them, as
# before ':' and '<'), so no web or e-mail address becomes a link
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")
_NOT_ESCAPABLE = str.maketrans({"/": "&#47;", "@": "&#64;", "<": "&lt;"})


def over_budget_text(hidden: int) -> str:
    """'3 more options are over budget' ('' when none is hidden)."""
    if not hidden:
        return ""
    verb = "is" if hidden == 1 else "are"
    return f"{hidden} more option{'s' if hidden != 1 else ''} {verb} over budget"


def literal(text: object) -> str:
    """`text` shown literally in Markdown: runs of white space made one space, every character Markdown could
    read as markup escaped, and no URL turned into a link."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split())).translate(_NOT_ESCAPABLE)


def card(record: Mapping[str, Any]) -> str:
    """One option's phone card (a grid row record, output.grid.grid_rows): its name as a heading, then the
    total, what the price covers, the budget, downtime, risk tier and what trials found, and its missing
    inputs."""
    risk = "unknown" if record.get("risk_tier") is None else f"{record['risk_tier']} of 5"
    total, _, parts = record["total_text"].partition("\n")
    facts = [
        ("Total", total),
        *([("Of which", parts)] if parts else []),
        *([("Price covers", record["covers_text"])] if record.get("covers_text") else []),
        ("Budget", record["budget_reason"] if record.get("budget_fit") else record["fit_label"]),
        ("Downtime", record["downtime_text"]),
        ("Risk tier", risk),
        ("What trials found", record["trial_text"] or record["evidence_text"]),
    ]
    lines = [f"### {literal(record['name'])}", ""] + [f"- **{label}:** {literal(value)}" for label, value in facts]
    if record.get("missing"):
        lines += ["", literal(record["missing"])]
    return "\n".join(lines)


@dataclass(frozen=True)
class CardGroup:
    """The cards of the options within budget (`over` False) or of those over it: their Markdown and the ids
    of their options, in order (a tap on a card opens its option's details)."""

    markdown: str
    ids: tuple[str, ...]
    over: bool


def card_groups(records: Sequence[Mapping[str, Any]]) -> list[CardGroup]:
    """The options' cards in two groups: those shown first (always, even empty), then those over budget (only
    when there are any)."""
    groups = []
    for over in (False, True):
        group = [r for r in records if bool(r["over"]) is over]
        if group or not over:
            groups.append(CardGroup("\n\n".join(card(r) for r in group), tuple(str(r["id"]) for r in group), over))
    return groups


def missing_markdown(rows: pd.DataFrame | Sequence[RowLike], market: str) -> tuple[int, str] | None:
    """(how many shown options miss an input, a Markdown list: each option's name and what is missing with its
    own figures, output.gaps), or None when nothing is missing."""
    symbol = vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[market]]
    notes = [(row["name"], note) for row in display.as_cells(rows) if (note := gap_note(row, symbol))]
    if not notes:
        return None
    return len(notes), "\n".join(f"- **{literal(name)}:** {literal(text)}" for name, text in notes)


def questions_markdown(rows: pd.DataFrame | Sequence[RowLike], market: str) -> str | None:
    """The questions for the clinic (output.questions), one heading and list per group, then the group's
    note; None when no option is listed."""
    symbol = vocab.CURRENCY_SYMBOL[vocab.MARKET_CURRENCY[market]]
    groups = clinic_questions(rows, symbol)
    if not groups:
        return None
    parts = []
    for group in groups:
        parts.append(f"### {literal(group.title)}\n")
        parts += [f"- {literal(q)}" for q in group.questions]
        if group.note:
            parts.append(f"\n{literal(group.note)}")
        parts.append("")
    return "\n".join(parts)
