"""Fragments left by spinning and machine translation.

``translation.stray-fragment``: one lowercase word between a full stop and a closing
quote or a comma before an attribution: ``lead nowhere. meaning,” he said`` ->
``lead nowhere,” he said``.

``translation.duplicated-fragment``: a noun repeated with its modifier after a full
stop: ``finding a solution. political solution,`` -> ``finding a political solution,``.
"""

from __future__ import annotations

import re

from ..core import Edit
from ._data import load, word_alternation
from .context import plain_word_before
from .language import EnglishGate

__all__ = ["find_duplicated_fragment", "find_stray_fragment"]

_EN = load("translation_english.json")
_DATES = load("translation_dates.json")
_VERBS = word_alternation(_EN["speech_verbs"])
_SUBJECTS = word_alternation(_EN["subjects"])
_STOPWORDS = frozenset(_EN["stopwords"])
_DISCOURSE = frozenset(_EN["discourse_words"]) | _STOPWORDS
_MONTHS = frozenset(_DATES["months"])
_NUMBERS = frozenset(_DATES["cardinals"]) | frozenset(_DATES["ordinals"])

# ". meaning,”" / ". meaning”" / ". meaning, he said"
_STRAY = re.compile(
    rf"\. ([a-z]+)(?:\. [a-z]+){{0,3}}"
    rf"(?:(,?)[”\"](?!\w)|(,)(?= (?:{_SUBJECTS}|[A-Z][a-z]+) (?:{_VERBS})(?![\w-])))"
)


_SENTENCE_START = re.compile(r"[.!?“\"\n]")
_MIN_SENTENCE_WORDS = 4


def _long_sentence_before(text: str, dot: int) -> bool:
    """Whether the sentence that ends at *dot* has four words or more."""
    lo = max(0, dot - 200)
    cut = lo
    for m in _SENTENCE_START.finditer(text, lo, dot):
        cut = m.end()
    return text.count(" ", cut, dot) >= _MIN_SENTENCE_WORDS - 1 + (text[cut : cut + 1] == " ")


def find_stray_fragment(text: str) -> list[Edit]:
    """``lead nowhere. meaning,” he said`` -> ``lead nowhere,” he said``.

    The word before the full stop must be a plain word (not ``etc``, ``U.S``, ``Mr``) that
    ends a sentence of four words or more (``“Run. fast,”`` stays); adverbs and discourse
    words (``however``, ``clearly``, ``please``) start real sentences and stay.  Without a
    comma the full stop stays: ``nowhere. meaning”`` -> ``nowhere.”``.
    """
    if ". " not in text:
        return []
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in _STRAY.finditer(text):
        dot = m.start()
        before = plain_word_before(text, dot)
        word = m.group(1)
        if (
            before is None
            or word in _DISCOURSE
            or word.endswith("ly")
            or (before in _MONTHS and word in _NUMBERS)
        ):
            continue  # an adverb or a discourse word starts a real (miscapitalised) sentence
        if before.islower() and text.endswith(". ", 0, dot - len(before)):
            continue  # inside a longer chain of one-word "sentences": leave it whole
        if not _long_sentence_before(text, dot):
            continue  # “Run. fast,” / “omg. amazing,”: short speech, not a translation remnant
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        comma = m.group(2) or m.group(3)
        out.append((dot, m.start(2) if m.group(2) is not None else m.start(3), "" if comma else "."))
    return out


# ". political solution," -- one to three words, then a word that punctuation follows; it
# must be the word before the full stop
_FRAGMENT_AFTER_STOP = re.compile(
    r"\. ((?:[a-z][a-z-]* ){1,3})([a-z][a-z-]{2,})(?![\w-])(?=[,;:.!?”\"’)]|$)",
    re.MULTILINE,
)


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])([Aa]n?) \Z")


def find_duplicated_fragment(text: str) -> list[Edit]:
    """``finding a solution. political solution,`` -> ``finding a political solution,``.

    The words between the full stop and the repeated word must be content words
    (``the end. in the end,`` stays).  An article before the noun is made to agree with
    the modifier: ``an answer. clear answer`` -> ``a clear answer``.
    """
    if ". " not in text:
        return []
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in _FRAGMENT_AFTER_STOP.finditer(text):
        dot = m.start()
        if plain_word_before(text, dot) != m.group(2):
            continue
        if any(w in _STOPWORDS for w in m.group(1).split()):
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        start = dot - len(m.group(2))
        article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
        if article is None:
            out.append((start, dot + 2, ""))
        else:
            # "an answer. clear answer" -> "a clear answer": the article now meets the modifier
            new = "an" if m.group(1)[0] in "aeiou" else "a"
            new = new.capitalize() if article.group(1)[0] == "A" else new
            out.append((article.start(1), dot + 2, new + " "))
    return out
