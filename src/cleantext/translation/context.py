"""Looking around a full stop: is the word before it a plain word that ends a sentence?

Most glitches of this family show as a full stop followed by a space and a lowercase
letter, which is rare in good English; the rules find all of them once per text
(:func:`period_lower_offsets`, a C-speed scan that finds none in most documents), and
each tries its own pattern, which starts with the literal ``". "`` and a lowercase
letter, at those offsets only (:func:`matches_at_stops`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..core import call_cached, call_utf8
from ..needles import NeedleSet
from ._data import load

__all__ = [
    "LineSpans",
    "abbreviations",
    "first_period_lower",
    "matches_at_stops",
    "period_lower",
    "period_lower_offsets",
    "plain_word_before",
]

_LOOKBACK = 40


@cache
def period_lower() -> re.Pattern[str]:
    """A full stop, a space and a lowercase letter: ``nowhere. meaning`` (compiled on first use)."""
    return re.compile(r"\. (?=[a-z])")


def period_lower_offsets(text: str) -> list[int]:
    """The offsets of every ``". "`` followed by a lowercase letter in *text*, in order.

    Every pattern of the rules that look after a full stop starts there, so a rule that
    gets none has nothing to do, and one that gets some tries its pattern there only.
    Within one cleaning call the five rules share one scan per text
    (:func:`~cleantext.core.call_cached`).

    >>> period_lower_offsets("He left. She stayed. the end. and"), period_lower_offsets("He left.")
    ([19, 28], [])
    """
    return call_cached("translation.period-lower", text, _find_period_lower)


def _find_period_lower(text: str) -> list[int]:
    """The offsets of :func:`period_lower_offsets`, found anew.

    ``re`` looks for ``". "`` at some 2 ns a character; the 26 needles ``". a"`` … ``". z"``
    are found in the call's UTF-8 of the text (:func:`~cleantext.core.call_utf8`) in one
    pass, ten times faster.  They cannot overlap, so every one is found.  In a text that is
    not ASCII, each byte offset becomes a character offset by decoding the bytes between
    hits (each hit starts with ``"."``, so every cut falls between characters).
    """
    data = call_utf8(text)
    found = _period_lower_needles().starts(data)
    if not found or len(data) == len(text):
        return found
    out: list[int] = []
    char = byte = 0
    for at in found:
        char += len(data[byte:at].decode("utf-8", "surrogatepass"))
        byte = at
        out.append(char)
    return out


@cache
def _period_lower_needles() -> NeedleSet:
    """``". "`` and a lowercase letter, in UTF-8: the matches of :func:`period_lower`."""
    return NeedleSet([f". {c}".encode() for c in "abcdefghijklmnopqrstuvwxyz"])


def first_period_lower(text: str) -> int:
    """The offset of the first ``". "`` followed by a lowercase letter in *text*, or -1.

    >>> first_period_lower("He left. She stayed. the end"), first_period_lower("He left. She stayed.")
    (19, -1)
    """
    found = period_lower_offsets(text)
    return found[0] if found else -1


def matches_at_stops(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)`` for a *pattern* whose every match starts
    with ``". "`` and a lowercase letter: tried only at :func:`period_lower_offsets`,
    skipping the offsets inside the previous match, as ``finditer`` does.

    >>> [m.group() for m in matches_at_stops(re.compile(r"\\. [a-z]+\\. [a-z]+"), "A. b. c. d. e")]
    ['. b. c', '. d. e']
    """
    end = 0
    for pos in period_lower_offsets(text):
        if pos >= end:
            m = pattern.match(text, pos)
            if m is not None:
                end = m.end()
                yield m


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
