"""``translation.month-number-word``: a day of the month spelled as a word after a full stop.

Machine translation sometimes splits ``in February 10.`` into ``in February. ten.``:
the month ends a "sentence" and the day is left as a lowercase number word.  The
repair puts the day back as digits and turns ``in`` into ``on``.
"""

from __future__ import annotations

import re

from ..core import Edit
from ._data import load, word_alternation
from .language import EnglishGate

__all__ = ["find_month_number_word"]

_DATA = load("translation_dates.json")
_MONTHS: dict[str, int] = _DATA["months"]
_NUMBERS: dict[str, int] = {**_DATA["cardinals"], **_DATA["ordinals"]}
_AMBIGUOUS = frozenset(_DATA["ambiguous"])

# ". ten" followed by punctuation or the line end (never "June. one analyst")
_NUMBER_AFTER_PERIOD = re.compile(
    rf"\. ({word_alternation(_NUMBERS)})(?=([.,;:!?)\]”’\"])|$)",
    re.MULTILINE,
)
_MONTH_BEFORE = re.compile(rf"(?:(?<![\w-])([Ii]n) )?(?<![\w-])({word_alternation(_MONTHS)})\Z")
# after one of the ambiguous words ("one", "first" ...) only these may follow
_SENTENCE_END = frozenset('.!?)]”’"')


def find_month_number_word(text: str) -> list[Edit]:
    """``exercises in February. ten.`` -> ``exercises on February 10.``

    Full month names only (``Feb. 8`` is an abbreviation and stays), a lowercase number
    word from one to thirty-one (cardinal, ordinal or hyphenated) that a punctuation
    mark or the line end follows, and a day that exists in that month.  ``May. Ten
    years later`` and ``June. one analyst said`` stay.
    """
    if ". " not in text:
        return []
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in _NUMBER_AFTER_PERIOD.finditer(text):
        dot = m.start()
        before = _MONTH_BEFORE.search(text, max(0, dot - 16), dot)
        if before is None:
            continue
        word, month = m.group(1), before.group(2)
        day = _NUMBERS[word]
        if day > _MONTHS[month]:
            continue
        if word in _AMBIGUOUS and m.group(2) is not None and m.group(2) not in _SENTENCE_END:
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        prep = before.group(1)
        if prep:
            out.append((before.start(1), before.end(1), "On" if prep == "In" else "on"))
        out.append((dot, m.end(1), f" {day}"))
    return out
