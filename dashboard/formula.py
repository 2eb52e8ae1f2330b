"""Spreadsheet formula triggers: detect them in text and neutralise them for export.

A spreadsheet ignores leading whitespace and invisible format characters (Unicode category Cf:
zero-width joiners, word joiner, soft hyphen, bidi controls, BOM), so the check is made on the
first visible character, not the first code point.
"""

from __future__ import annotations

import unicodedata

# Characters a spreadsheet may treat as the start of a formula or a new cell.
TRIGGERS = frozenset("=+-@\t\r\n\0＝＋－＠")
# Characters skipped when looking for the first visible character: every format character
# (category Cf, which includes the BOM, zero-width and bidi controls) and whitespace that is
# not itself a trigger. Computed once from the Unicode tables; read-only.
INVISIBLE = frozenset(
    ch for ch in map(chr, [*range(0x20000), *range(0xE0000, 0xE1000)])  # every Cf and space lies in these
    if (unicodedata.category(ch) == "Cf" or ch.isspace()) and ch not in TRIGGERS
)  # fmt: skip


def first_visible(text: str) -> int:
    """Index of the first character that is neither whitespace nor a format character (len(text) if none)."""
    i = 0
    while i < len(text) and text[i] in INVISIBLE:
        i += 1
    return i


def starts_with_trigger(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula (or `{=` array formula)."""
    if not text:
        return False
    if text[0] in TRIGGERS:
        return True
    i = first_visible(text)
    if i >= len(text):
        return False
    return text[i] in TRIGGERS or text.startswith("{=", i)


def neutralise(text: str) -> str:
    """Prefix a formula-like string with an apostrophe so it stays text; idempotent."""
    return "'" + text if starts_with_trigger(text) else text


def restored(text: str) -> str:
    """The text `neutralise` was given: the apostrophe before a formula trigger taken off (a file the app
    exported, read back); any other text as it is ("'Quoted' Clinic" keeps its apostrophe)."""
    return text[1:] if text[:1] == "'" and starts_with_trigger(text[1:]) else text
