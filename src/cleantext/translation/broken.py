"""``translation.broken-sentence``: report glitches that cannot be repaired safely.

``troops stationed there. the Ukrainian border moved`` and ``as it saw fit. seems to
him on his own territory`` are sentences cut or scrambled by machine translation: a
full stop followed by a lowercase word.  Guessing the missing words would put words in
the author's mouth, so these are *findings* (``explain()``, check mode), left in the
text.  Abbreviations (``U.S.``, ``a.m.``, ``etc.``, ``Feb.``), ellipses, numbers and
words such as ``iPhone`` or ``pic.twitter.com`` are not reported.
"""

from __future__ import annotations

import re
from functools import cache

from ..core import Edit
from .context import period_lower_offsets, plain_word_before
from .language import EnglishGate

__all__ = ["find_broken_sentences"]


@cache
def _next_word() -> re.Pattern[str]:
    """The lowercase word after the stop: letters only, then a space, punctuation or the line end."""
    return re.compile(r"[a-z]+(?:['’-][a-z]+)*(?=[\s,;!?)”\"’]|[.:](?!\S)|\Z)")


def find_broken_sentences(text: str) -> list[Edit]:
    """Findings (replacement ``None``) for ``word. lowercase`` sentence breaks in English text."""
    stops = period_lower_offsets(text)
    if not stops:
        return []
    next_word = _next_word()
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for dot in stops:
        word = plain_word_before(text, dot)
        if word is None:
            continue
        nxt = next_word.match(text, dot + 2)
        if nxt is None:
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        out.append((dot - len(word), nxt.end(), None))
    return out
