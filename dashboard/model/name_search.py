"""The names people use, for every treatment and concern list: one search text per option.

A dcc.Dropdown option may carry `search`, the text the dropdown searches instead of its label (lower-cased,
split at spaces; each typed word must be part of one of its words). An option's search text holds its name,
its id, the other names people write for it (data/aliases.csv: Botox, Morpheus8, CoolSculpting…), each also
without accents and with hyphens as spaces, so "Botox", "morpheus8", "fat freezing", "acne" and "botulinum-toxin"
all find their option. What the person types is folded the same way in the browser (assets/dashboard.js
foldedSearch), so "acné" finds acne.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

import pandas as pd


def fold(text: str) -> str:
    """Text without accents and in lower case: 'Acné' -> 'acne', 'Juvéderm' -> 'juvederm'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_text(names: Iterable[str]) -> str:
    """The words an option is found by: each name lower-cased and folded, hyphens also as spaces, each word once."""
    words: list[str] = []
    for name in names:
        if not isinstance(name, str):
            continue
        for form in (name.lower(), fold(name)):
            for variant in (form, form.replace("-", " ")):
                words += variant.split()
    return " ".join(dict.fromkeys(words))


def treatment_options(treatments: pd.DataFrame, aliases: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """Dropdown options for treatments, by name: {"label": name, "value": id, "search": name, id and aliases}.
    `treatments` has columns id and name; `aliases` maps a name people use -> treatment id."""
    others: dict[str, list[str]] = {}
    for alias, treatment_id in (aliases or {}).items():
        others.setdefault(treatment_id, []).append(alias)
    names = treatments.sort_values("name")
    return [
        {"label": name, "value": tid, "search": search_text([name, tid, *others.get(tid, [])])}
        for tid, name in zip(names["id"], names["name"], strict=True)
    ]


def labelled_options(labels: Mapping[str, str]) -> list[dict[str, str]]:
    """Dropdown options for values with their labels (the concerns): {"label", "value", "search": label and id}."""
    return [{"label": label, "value": value, "search": search_text([label, value])} for value, label in labels.items()]
