"""``translation.calques``: word-for-word translations that are not English.

``for a full-scale invasion of here the middle of the month`` -> ``… by the middle
of the month`` (French *d'ici la mi-…*).  The table is data
(``data/translation_calques.json``); users add ``(calque, repair)`` pairs through
``Config.calques``.  A calque matches as whole words, in lower case or with a
capitalised first letter (kept in the repair).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core import Edit
from ._data import load
from ._trie import trie_pattern
from .language import EnglishGate

__all__ = ["CalqueTable", "builtin_calques", "find_calques"]

_DATA = load("translation_calques.json")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ ,]*\Z")
_WORD_AFTER = re.compile(r" ([^\W\d_]+)")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


@dataclass(frozen=True)
class CalqueTable:
    """Calques and their repairs, with the words that veto a match around them."""

    pairs: tuple[tuple[str, str], ...]
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    _compiled: tuple[re.Pattern[str], dict[str, str], tuple[str, ...]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for calque, repair in self.pairs:
            if not calque.strip() or calque != " ".join(calque.split()):
                raise ValueError(f"a calque must be words separated by single spaces, not {calque!r}")
            for other, _ in self.pairs:
                if re.search(rf"(?<![\w-]){re.escape(other.lower())}(?![\w-])", repair.lower()):
                    raise ValueError(f"the repair {repair!r} contains the calque {other!r}")

        object.__setattr__(self, "_compiled", _compile(self))

    def __call__(self, text: str) -> list[Edit]:
        return find_calques(self, text)

    def __getstate__(self) -> dict[str, Any]:
        return {"pairs": self.pairs, "not_after": self.not_after, "not_before": self.not_before}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_compiled", _compile(self))


def builtin_calques() -> tuple[tuple[str, str], ...]:
    """The calques shipped in ``data/translation_calques.json``."""
    return tuple((c["calque"], c["repair"]) for c in _DATA["calques"])


def default_table(extra: tuple[tuple[str, str], ...] = ()) -> CalqueTable:
    """The built-in table with *extra* user pairs (a user pair overrides a built-in one)."""
    mine = {c.lower(): (c, r) for c, r in builtin_calques()}
    mine.update({c.lower(): (c, r) for c, r in extra})
    return CalqueTable(tuple(mine.values()), frozenset(_DATA["not_after"]), frozenset(_DATA["not_before"]))


def _compile(table: CalqueTable) -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    # cheap pre-check: each calque without its first letter, up to its second word of three
    # letters or more ("f here", "t is question")
    keys = set()
    for calque, _ in table.pairs:
        words = calque.split(" ")
        n = 1 + next((i for i, w in enumerate(words[1:], 1) if len(w) >= 3), len(words) - 1)
        keys.add(" ".join(words[:n])[1:])
    forms: dict[str, str] = {}
    for calque, repair in table.pairs:
        low, rep = calque[0].lower() + calque[1:], repair[0].lower() + repair[1:]
        forms[low] = rep
        forms[calque[0].upper() + calque[1:]] = rep[0].upper() + rep[1:]
    return re.compile(trie_pattern(forms)), forms, tuple(sorted(keys))


def find_calques(table: CalqueTable, text: str) -> list[Edit]:
    """Replace each calque of *table* found in *text* with its repair."""
    pattern, forms, keys = table._compiled
    if not any(k in text for k in keys):
        return []
    out: list[Edit] = []
    gate: EnglishGate | None = None
    n = len(text)
    for m in pattern.finditer(text):
        s, e = m.span()
        if (s and _is_word_char(text[s - 1])) or (e < n and _is_word_char(text[e])):
            continue
        before = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if before is not None and before.group(1).lower() in table.not_after:
            continue
        after = _WORD_AFTER.match(text, e)
        if after is not None and after.group(1).lower() in table.not_before:
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(s):
            continue
        out.append((s, e, forms[m.group()]))
    return out
