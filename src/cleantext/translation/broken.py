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

from ..core import Edit
from .context import PERIOD_LOWER, plain_word_before
from .language import EnglishGate

__all__ = ["find_broken_sentences"]

# the lowercase word after the stop: letters only, then a space, punctuation or the line end
_NEXT_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*(?=[\s,;!?)”\"’]|[.:](?!\S)|\Z)")


def find_broken_sentences(text: str) -> list[Edit]:
    """Findings (replacement ``None``) for ``word. lowercase`` sentence breaks in English text."""
    if ". " not in text:
        return []
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in PERIOD_LOWER.finditer(text):
        dot = m.start()
        word = plain_word_before(text, dot)
        if word is None:
            continue
        nxt = _NEXT_WORD.match(text, dot + 2)
        if nxt is None:
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        out.append((dot - len(word), nxt.end(), None))
    return out
