"""Fragments left by spinning and machine translation.

``translation.stray-fragment``: one lowercase word between a full stop and a closing
quote or a comma before an attribution: ``lead nowhere. meaning,” he said`` ->
``lead nowhere,” he said``.

``translation.duplicated-fragment``: a noun repeated with its modifier after a full
stop: ``finding a solution. political solution,`` -> ``finding a political solution,``.
"""

from __future__ import annotations

import re
from functools import cache

from ..core import Edit
from ._data import load, word_alternation
from .context import matches_at_stops, period_lower_offsets, plain_word_before
from .language import EnglishGate

__all__ = ["find_duplicated_fragment", "find_stray_fragment"]

_MIN_SENTENCE_WORDS = 4


class _Stray:
    """Word sets and patterns of ``translation.stray-fragment``, built on first use."""

    __slots__ = ("discourse", "months", "numbers", "sentence_start", "stray")

    def __init__(self) -> None:
        english, dates = load("translation_english.json"), load("translation_dates.json")
        self.discourse = frozenset(english["discourse_words"]) | frozenset(english["stopwords"])
        self.months = frozenset(dates["months"])
        self.numbers = frozenset(dates["cardinals"]) | frozenset(dates["ordinals"])
        verbs, subjects = word_alternation(english["speech_verbs"]), word_alternation(english["subjects"])
        # ". meaning,”" / ". meaning”" / ". meaning, he said"
        self.stray = re.compile(
            rf"\. ([a-z]+)(?:\. [a-z]+){{0,3}}"
            rf"(?:(,?)[”\"](?!\w)|(,)(?= (?:{subjects}|[A-Z][a-z]+) (?:{verbs})(?![\w-])))"
        )
        self.sentence_start = re.compile(r"[.!?“\"\n]")


@cache
def _stray() -> _Stray:
    return _Stray()


def _long_sentence_before(text: str, dot: int, sentence_start: re.Pattern[str]) -> bool:
    """Whether the sentence that ends at *dot* has four words or more."""
    lo = max(0, dot - 200)
    cut = lo
    for m in sentence_start.finditer(text, lo, dot):
        cut = m.end()
    return text.count(" ", cut, dot) >= _MIN_SENTENCE_WORDS - 1 + (text[cut : cut + 1] == " ")


def find_stray_fragment(text: str) -> list[Edit]:
    """``lead nowhere. meaning,” he said`` -> ``lead nowhere,” he said``.

    The word before the full stop must be a plain word (not ``etc``, ``U.S``, ``Mr``) that
    ends a sentence of four words or more (``“Run. fast,”`` stays); adverbs and discourse
    words (``however``, ``clearly``, ``please``) start real sentences and stay.  Without a
    comma the full stop stays: ``nowhere. meaning”`` -> ``nowhere.”``.
    """
    if not period_lower_offsets(text):
        return []
    t = _stray()
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in matches_at_stops(t.stray, text):
        dot = m.start()
        before = plain_word_before(text, dot)
        word = m.group(1)
        if (
            before is None
            or word in t.discourse
            or word.endswith("ly")
            or (before in t.months and word in t.numbers)
        ):
            continue  # an adverb or a discourse word starts a real (miscapitalised) sentence
        if before.islower() and text.endswith(". ", 0, dot - len(before)):
            continue  # inside a longer chain of one-word "sentences": leave it whole
        if not _long_sentence_before(text, dot, t.sentence_start):
            continue  # “Run. fast,” / “omg. amazing,”: short speech, not a translation remnant
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        comma = m.group(2) or m.group(3)
        out.append((dot, m.start(2) if m.group(2) is not None else m.start(3), "" if comma else "."))
    return out


class _Duplicated:
    """Word set and patterns of ``translation.duplicated-fragment``, built on first use."""

    __slots__ = ("article_before", "fragment_after_stop", "stopwords")

    def __init__(self) -> None:
        self.stopwords = frozenset(load("translation_english.json")["stopwords"])
        # ". political solution," -- one to three words, then a word that punctuation follows;
        # it must be the word before the full stop
        self.fragment_after_stop = re.compile(
            r"\. ((?:[a-z][a-z-]* ){1,3})([a-z][a-z-]{2,})(?![\w-])(?=[,;:.!?”\"’)]|$)",
            re.MULTILINE,
        )
        self.article_before = re.compile(r"(?<![\w-])([Aa]n?) \Z")


@cache
def _duplicated() -> _Duplicated:
    return _Duplicated()


def find_duplicated_fragment(text: str) -> list[Edit]:
    """``finding a solution. political solution,`` -> ``finding a political solution,``.

    The words between the full stop and the repeated word must be content words
    (``the end. in the end,`` stays).  An article before the noun is made to agree with
    the modifier: ``an answer. clear answer`` -> ``a clear answer``.
    """
    if not period_lower_offsets(text):
        return []
    t = _duplicated()
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in matches_at_stops(t.fragment_after_stop, text):
        dot = m.start()
        if plain_word_before(text, dot) != m.group(2):
            continue
        if any(w in t.stopwords for w in m.group(1).split()):
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        start = dot - len(m.group(2))
        article = t.article_before.search(text, max(0, start - 4), start)
        if article is None:
            out.append((start, dot + 2, ""))
        else:
            # "an answer. clear answer" -> "a clear answer": the article now meets the modifier
            new = "an" if m.group(1)[0] in "aeiou" else "a"
            new = new.capitalize() if article.group(1)[0] == "A" else new
            out.append((article.start(1), dot + 2, new + " "))
    return out
