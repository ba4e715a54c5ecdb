"""Looking around a position: candidate lines and the word before a full stop.

Most glitches of this family show as a full stop followed by a space and a lowercase
letter, which is rare in good English; the rules look only at the lines where that
happens (one fast literal-prefixed scan of the text).
"""

from __future__ import annotations

import re

from ._data import load

__all__ = ["ABBREVIATIONS", "PERIOD_LOWER", "candidate_lines", "plain_word_before"]

#: a full stop, a space and a lowercase letter: ``nowhere. meaning``
PERIOD_LOWER = re.compile(r"\. (?=[a-z])")
ABBREVIATIONS = frozenset(load("translation_english.json")["abbreviations"])
_LOOKBACK = 40


def candidate_lines(text: str, pattern: re.Pattern[str] = PERIOD_LOWER) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the lines of *text* where *pattern* matches, each once.

    >>> candidate_lines("Fine.\\nlead nowhere. meaning, he\\nok")
    [(6, 31)]
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return out
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = n if end < 0 else end
        out.append((start, end))
        pos = end + 1
        if pos > n:
            return out


def plain_word_before(text: str, pos: int) -> str | None:
    """The word ending right before *pos* when it is a plain word that can end a sentence.

    ``None`` for abbreviations (``etc``, ``Feb``, ``Mr``), acronyms (``ID``, ``U.S``),
    single letters, numbers and anything that is not all letters.

    >>> plain_word_before("lead nowhere. meaning", 12), plain_word_before("the U.S. that", 7)
    ('nowhere', None)
    """
    lo = max(0, pos - _LOOKBACK)
    start = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos)) + 1
    if start == 0 and lo > 0:
        return None
    word = text[start:pos]
    if len(word) < 2 or not word.isalpha() or word.isupper() or word.lower() in ABBREVIATIONS:
        return None
    return word
