"""Looking around a full stop: is the word before it a plain word that ends a sentence?

Most glitches of this family show as a full stop followed by a space and a lowercase
letter, which is rare in good English; each rule first looks for that once in the whole
text (:func:`first_period_lower`, a C-speed scan that most documents fail), and only
then builds its own pattern, which starts with the literal ``". "``, and scans from there.
"""

from __future__ import annotations

import re
from functools import cache

from ..core import call_scratch
from ._data import load

__all__ = ["LineSpans", "abbreviations", "first_period_lower", "period_lower", "plain_word_before"]

_LOOKBACK = 40


@cache
def period_lower() -> re.Pattern[str]:
    """A full stop, a space and a lowercase letter: ``nowhere. meaning`` (compiled on first use)."""
    return re.compile(r"\. (?=[a-z])")


#: key of this module's entry in the call scratch: a text and its first_period_lower()
_SCRATCH_KEY = "translation.first-period-lower"


def first_period_lower(text: str) -> int:
    """The offset of the first ``". "`` followed by a lowercase letter in *text*, or -1.

    Every pattern of the rules that look after a full stop starts there, so a rule that
    gets -1 has nothing to do, and one that gets an offset can scan from it.  Within one
    cleaning call the five rules share one scan per text (:func:`~cleantext.core.call_scratch`).

    >>> first_period_lower("He left. She stayed. the end"), first_period_lower("He left. She stayed.")
    (19, -1)
    """
    scratch = call_scratch()
    if scratch is not None:
        got = scratch.get(_SCRATCH_KEY)
        if got is not None and got[0] is text:
            found: int = got[1]
            return found
    if ". " not in text:
        found = -1
    else:
        m = period_lower().search(text)
        found = -1 if m is None else m.start()
    if scratch is not None:
        scratch[_SCRATCH_KEY] = (text, found)
    return found


@cache
def abbreviations() -> frozenset[str]:
    """Lowercase words that end in a full stop without ending a sentence (``etc``, ``feb``)."""
    return frozenset(load("translation_english.json")["abbreviations"])


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
    if len(word) < 2 or not word.isalpha() or word.isupper() or word.lower() in abbreviations():
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
