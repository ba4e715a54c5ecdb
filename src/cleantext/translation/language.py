"""English gating: the translation rules touch only English prose.

A line of eight words or more is English when enough of its words are common English
function words (``the``, ``of``, ``that`` ...) and they outnumber the function words of
other languages (a line of fewer than twenty words only needs to show no sign of another
language); a shorter line takes the verdict of the document's first 20,000 characters.
The check runs only where a rule has already found a candidate, so clean text never
pays for it.
"""

from __future__ import annotations

import re
from functools import cache

from ._data import load
from .context import LineSpans

__all__ = ["EnglishGate", "english_verdict"]

MIN_WORDS = 8
MIN_RATIO = 0.1
_SURE_WORDS = 20
_SAMPLE = 20_000


class _Vocabulary:
    """The word pattern and word sets of the gate, built on first use."""

    __slots__ = ("english", "neutral", "other", "word")

    def __init__(self) -> None:
        data = load("translation_english.json")
        self.word = re.compile(r"[^\W\d_]+")
        self.english = frozenset(data["function_words"])
        # frequent function words of other languages written in Latin script; none is English
        self.other = frozenset(data["other_language_function_words"])
        self.neutral = self._neutral_words(data)

    def _neutral_words(self, english: dict[str, list[str]]) -> frozenset[str]:
        """Words the family itself rewrites or removes: they must not sway a verdict.

        A repair ("February. twenty." -> "February 20.", "said. noted." -> "noted.") would
        otherwise change the word counts behind the document verdict, and a second run of
        the same rule could decide differently from the first (not idempotent).
        """
        dates = load("translation_dates.json")
        words: set[str] = set()
        for key in ("cardinals", "ordinals"):
            for phrase in dates[key]:
                words.update(w.lower() for w in self.word.findall(phrase))
        words.update(v.lower() for v in english["speech_verbs"])
        return frozenset(words)


@cache
def _vocabulary() -> _Vocabulary:
    return _Vocabulary()


def english_verdict(s: str, min_words: int = MIN_WORDS) -> bool | None:
    """True/False when *s* is (not) English; ``None`` when it is too short to tell.

    >>> english_verdict("The talks in Moscow were the first of their kind in years.")
    True
    >>> english_verdict("Die Gespräche in Moskau waren die ersten ihrer Art seit Jahren.")
    False
    """
    vocab = _vocabulary()
    neutral, english, other_words = vocab.neutral, vocab.english, vocab.other
    words = [w for w in vocab.word.findall(s) if w.lower() not in neutral]
    if len(words) < min_words:
        return None
    en = other = foreign_script = 0
    for w in words:
        lw = w.lower()
        if lw in english:
            en += 1
        elif lw in other_words:
            other += 1
        elif not lw.isascii():
            foreign_script += 1
    if other > en or foreign_script * 3 > len(words):
        return False
    if en >= 2 and en >= MIN_RATIO * len(words):
        return True
    # a short line with no sign of another language is taken as English
    return len(words) < _SURE_WORDS and other == 0


def _short_text_verdict(s: str) -> bool:
    """A text too short for the ratio: English unless it shows another language."""
    vocab = _vocabulary()
    words = [w for w in vocab.word.findall(s) if w.lower() not in vocab.neutral]
    if not words:
        return False
    if any(not w.isascii() for w in words):
        return False
    return not any(w.lower() in vocab.other for w in words)


class EnglishGate:
    """Lazy per-text English check: the line of a position, else the document."""

    __slots__ = ("_doc", "_lines", "_spans", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._doc: bool | None = None
        self._lines: dict[int, bool] = {}
        self._spans = LineSpans(text)

    def document(self) -> bool:
        """The verdict for the document (its first 20,000 characters)."""
        if self._doc is None:
            sample = self._text[:_SAMPLE]
            verdict = english_verdict(sample)
            self._doc = _short_text_verdict(sample) if verdict is None else verdict
        return self._doc

    def at(self, pos: int) -> bool:
        """Whether the line holding offset *pos* is English."""
        start, end = self._spans.at(pos)
        cached = self._lines.get(start)
        if cached is not None:
            return cached
        verdict = english_verdict(self._text[start:end])
        result = self.document() if verdict is None else verdict
        self._lines[start] = result
        return result
