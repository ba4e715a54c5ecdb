"""Looking around a full stop: is the word before it a plain word that ends a sentence?

Most glitches of this family show as a full stop followed by a space and a lowercase
letter, which is rare in good English; each rule scans for that with a pattern that
starts with the literal ``". "`` (which ``re`` finds fast) and looks around each hit.
"""

from __future__ import annotations

import re

from ._data import load

__all__ = ["ABBREVIATIONS", "PERIOD_LOWER", "LineSpans", "plain_word_before"]

#: a full stop, a space and a lowercase letter: ``nowhere. meaning``
PERIOD_LOWER = re.compile(r"\. (?=[a-z])")
ABBREVIATIONS = frozenset(load("translation_english.json")["abbreviations"])
_LOOKBACK = 40


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


class LineSpans:
    """The ``(start, end)`` of the line holding an offset, in linear total time.

    Rules ask for the lines of their candidates in increasing order; each search starts
    where the previous line ended, so one long line with many candidates costs O(n),
    not O(n²).

    >>> spans = LineSpans("ab\\ncd\\nef")
    >>> spans.at(4), spans.at(0), spans.at(7)
    ((3, 5), (0, 2), (6, 8))
    """

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = 0
        self._end = -1  # no line found yet

    def at(self, pos: int) -> tuple[int, int]:
        """The span of the line holding *pos* (without its newline)."""
        text = self._text
        if self._start <= pos <= self._end:
            return self._start, self._end
        if pos > self._end >= 0:
            nl = text.rfind("\n", self._end, pos)
            start = nl + 1 if nl >= 0 else self._end + 1
        else:
            start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        self._start, self._end = start, len(text) if end < 0 else end
        return self._start, self._end
