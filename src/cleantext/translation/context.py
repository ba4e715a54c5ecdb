"""Looking around a full stop: is the word before it a plain word that ends a sentence?

Most glitches of this family show as a full stop followed by a space and a lowercase
letter, which is rare in good English; each rule scans for that with a pattern that
starts with the literal ``". "`` (which ``re`` finds fast) and looks around each hit.
"""

from __future__ import annotations

import re

from ._data import load

__all__ = ["ABBREVIATIONS", "PERIOD_LOWER", "plain_word_before"]

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
