"""What each option's cost lacks, in words, from the model's `missing_inputs` codes (model/row.py MISSING_INPUTS):
`missing_text` says each missing input and what the person can do (the grid's tip and cards, the details and the
exports: their "missing" text); `gap_note` says the same gaps in one line with the option's own figures (the
list under the table: "What is missing, and what to do"); the questions the gaps raise are in `questions`.

In: one comparison row (a dict or a Series), the market (or its currency symbol). Out: sentences.
"""

from __future__ import annotations

from dashboard.model import row as columns
from dashboard.output.display import RowLike, flag, known, money, money_range
from dashboard.output.price_words import problem_text
from dashboard.output.questions import count_text, course_text, per_unit, session_price_text

# The market as a price is said to be from it: "No published Florida price".
MARKET_NAMES = {
    "US": "US",
    "UK": "UK",
    "US-FL": "Florida",
    "US-GA": "Georgia",
    "US-NY": "New York",
    "US-CA": "California",
}
ASK = "ask the clinic, or enter your own assumption"
# missing input -> what to do about it (the price's own sentence names the market: _price_sentence)
_SENTENCES = {
    columns.PRICE_FROM: "Only a 'from' price is published: ask the clinic for the full price.",
    columns.PRICE_UP_TO: "Only an upper figure ('up to') is published: ask the clinic what it would cost you.",
    columns.SESSIONS: f"How many sessions a course takes is not published (counted as at least one): {ASK}.",
    columns.REPEAT: f"Whether and how often it must be repeated is not published: {ASK}.",
    columns.REPEAT_AS_NEEDED: f"It is repeated as results fade, but how often is not published: {ASK}.",
    columns.RESULTS_LAST: f"How soon results fade is not published: {ASK}.",
    columns.UPKEEP_SESSIONS: f"How many sessions each maintenance round takes is not published: {ASK}.",
}


def missing_codes(row: RowLike) -> tuple[str, ...]:
    """The row's `missing_inputs` codes (() when nothing is missing)."""
    codes = row.get("missing_inputs")
    return tuple(codes) if isinstance(codes, (tuple, list)) else ()


def _price_sentence(row: RowLike, market: str) -> str:
    price = f"{MARKET_NAMES.get(market, market)} price".lstrip()  # '' for the market: "No published price"
    problem = problem_text(row.get("price_problem"))  # a published price that could not be used, and why
    if problem:
        return f"No usable {price} ({problem}): add a clinic's quote, or enter your own price per session."
    return f"No published {price}: add a clinic's quote, or enter your own price per session."


def missing_text(row: RowLike, market: str) -> str:
    """One sentence per missing input, with what the person can do, e.g. 'No published US price: add a clinic's
    quote, or enter your own price per session.' ('' when nothing is missing); `market` a code of vocab.MARKETS
    ('': the price's market left unnamed)."""
    return " ".join(
        _price_sentence(row, market) if code == columns.NO_PRICE_PUBLISHED else _SENTENCES[code]
        for code in missing_codes(row)
    )


def _gap(code: str, row: RowLike, symbol: str) -> str:
    """One missing input in a few words, with the option's own figures."""
    if code == columns.NO_PRICE_PUBLISHED:
        return "no price is published in this market"
    if code == columns.PRICE_FROM:
        return f"only a 'from' price is published (from {money(row.get('session_low'), symbol)} {per_unit(row)})"
    if code == columns.PRICE_UP_TO:
        return f"only an 'up to' price is published (up to {money(row.get('session_high'), symbol)} {per_unit(row)})"
    if code == columns.REPEAT_AS_NEEDED:
        months = count_text(row.get("results_months_low"), row.get("results_months_high"))
        lasting = f" (results last {months} months)" if months else ""
        return f"how often it is repeated as results fade is not published{lasting}"
    return {
        columns.SESSIONS: "the number of sessions is not published (counted as one)",
        columns.REPEAT: "whether and how often it must be repeated is not published",
        columns.RESULTS_LAST: "how long results last is not published",
        columns.UPKEEP_SESSIONS: "how many sessions each top-up takes is not published",
    }[code]


def gap_note(row: RowLike, symbol: str) -> str:
    """One line on what the option's cost lacks, with its own figures, e.g. 'How often it is repeated as results
    fade is not published; the initial course alone is $1,246–$2,077 (6–10 sessions at $208).' ('' when
    nothing is missing)."""
    gaps = [_gap(code, row, symbol) for code in missing_codes(row)]
    if not gaps:
        return ""
    text = "; ".join(gaps)
    course = money_range(row.get("initial_low"), row.get("initial_high"), flag(row.get("initial_open")), symbol)
    if known(row.get("initial_low")) and not known(row.get("total_high")):
        parts = ", ".join(p for p in (course_text(row), f"{session_price_text(row, symbol)} {per_unit(row)}") if p)
        text += f"; the initial course alone is {course} ({parts})"
    return text[0].upper() + text[1:] + "."
