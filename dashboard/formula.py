"""Spreadsheet formula triggers: detect them in text and neutralise them for export."""

from __future__ import annotations

# Characters a spreadsheet may treat as the start of a formula or a new cell.
TRIGGERS = frozenset("=+-@\t\r\n\0＝＋－＠")
# Characters skipped when looking for the first visible character: spaces, NBSP,
# zero-width space, BOM and bidi controls.
_INVISIBLE = frozenset(" \u00a0\u200b\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _first_visible(text: str) -> int:
    i = 0
    while i < len(text) and text[i] in _INVISIBLE:
        i += 1
    return i


def starts_with_trigger(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula (or `{=` array formula)."""
    if not text:
        return False
    if text[0] in TRIGGERS:
        return True
    i = _first_visible(text)
    if i >= len(text):
        return False
    return text[i] in TRIGGERS or text.startswith("{=", i)


def neutralise(text: str) -> str:
    """Prefix a formula-like string with an apostrophe so it stays text; idempotent."""
    return "'" + text if starts_with_trigger(text) else text
