"""What each option's cost lacks, in one line with its own figures (the list under the table: "What is missing,
and what to do"); the questions the gaps raise are in `questions`.

In: one comparison row (a dict or a Series) and the market's currency symbol. Out: a sentence.
"""

from __future__ import annotations

from dashboard import vocab
from dashboard.output.display import RowLike, flag, known, money, money_range
from dashboard.output.questions import assumed_inputs, count_text, course_text, is_quote, per_unit, session_price_text


def _gaps(row: RowLike, symbol: str) -> list[str]:
    """What the option's cost lacks, in a few words with its own figures (the same gaps as the model's
    `missing` column)."""
    assumed, out = assumed_inputs(row), []
    low, high = row.get("session_low"), row.get("session_high")
    if "price" not in assumed and not is_quote(row):
        if not known(low) and not known(high):
            out.append("no price is published in this market")
        elif flag(row.get("session_high_open")):
            out.append(f"only a 'from' price is published (from {money(low, symbol)} {per_unit(row)})")
        elif not known(low):
            out.append(f"only an 'up to' price is published (up to {money(high, symbol)} {per_unit(row)})")
    if "sessions" not in assumed and not any(known(row.get(f"sessions_{k}")) for k in vocab.FIGURE_KINDS):
        out.append("the number of sessions is not published (counted as one)")
    maintenance = row.get("maintenance")
    months = count_text(row.get("results_months_low"), row.get("results_months_high"))
    if "upkeep_months" not in assumed:
        if maintenance == "unknown":
            out.append("whether and how often it must be repeated is not published")
        elif maintenance == "as-needed":
            lasting = f" (results last {months} months)" if months else ""
            out.append(f"how often it is repeated as results fade is not published{lasting}")
        elif maintenance == "periodic" and not known(row.get("results_months_low")):
            out.append("how long results last is not published")
    if (
        maintenance == "periodic"
        and "upkeep_sessions" not in assumed
        and not known(row.get("maintenance_sessions"))
        and not known(row.get("total_high"))
    ):
        out.append("how many sessions each top-up takes is not published")
    return out


def gap_note(row: RowLike, symbol: str) -> str:
    """One line on what the option's cost lacks, with its own figures, e.g. 'How often it is repeated as results
    fade is not published; the initial course alone is $1,246–$2,077 (6–10 sessions at $208).' ('' when
    nothing is missing)."""
    gaps = _gaps(row, symbol)
    if not gaps:
        return ""
    text = "; ".join(gaps)
    course = money_range(row.get("initial_low"), row.get("initial_high"), flag(row.get("initial_open")), symbol)
    if known(row.get("initial_low")) and not known(row.get("total_high")):
        parts = ", ".join(p for p in (course_text(row), f"{session_price_text(row, symbol)} {per_unit(row)}") if p)
        text += f"; the initial course alone is {course} ({parts})"
    return text[0].upper() + text[1:] + "."
