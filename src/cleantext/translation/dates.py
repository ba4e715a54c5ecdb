"""``translation.month-number-word``: a day of the month spelled as a word after a full stop.

Machine translation sometimes splits ``in February 10.`` into ``in February. ten.``:
the month ends a "sentence" and the day is left as a lowercase number word.  The
repair puts the day back as digits and turns ``in`` into ``on``.
"""

from __future__ import annotations

import re
from functools import cache

from ..core import Edit
from ._data import load, word_alternation
from .context import matches_at_stops, period_lower_offsets
from .language import EnglishGate

__all__ = ["find_month_number_word"]

# after one of the ambiguous words ("one", "first" ...) only these may follow
_SENTENCE_END = frozenset('.!?)]”’"')


class _Tables:
    """Month lengths, number words and the patterns, built on first use."""

    __slots__ = ("ambiguous", "month_before", "months", "number_after_period", "numbers")

    def __init__(self) -> None:
        data = load("translation_dates.json")
        self.months: dict[str, int] = data["months"]
        self.numbers: dict[str, int] = {**data["cardinals"], **data["ordinals"]}
        self.ambiguous = frozenset(data["ambiguous"])
        # ". ten" followed by punctuation or the line end (never "June. one analyst")
        self.number_after_period = re.compile(
            rf"\. ({word_alternation(self.numbers)})(?=([.,;:!?)\]”’\"])|$)",
            re.MULTILINE,
        )
        self.month_before = re.compile(
            rf"(?:(?<![\w-])([Ii]n) )?(?<![\w-])({word_alternation(self.months)})\Z"
        )


@cache
def _tables() -> _Tables:
    return _Tables()


def find_month_number_word(text: str) -> list[Edit]:
    """``exercises in February. ten.`` -> ``exercises on February 10.``

    Full month names only (``Feb. 8`` is an abbreviation and stays), a lowercase number
    word from one to thirty-one (cardinal, ordinal or hyphenated) that a punctuation
    mark or the line end follows, and a day that exists in that month.  ``May. Ten
    years later`` and ``June. one analyst said`` stay.
    """
    if not period_lower_offsets(text):
        return []
    t = _tables()
    month_before, numbers, months = t.month_before, t.numbers, t.months
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in matches_at_stops(t.number_after_period, text):
        dot = m.start()
        before = month_before.search(text, max(0, dot - 16), dot)
        if before is None:
            continue
        word, month = m.group(1), before.group(2)
        day = numbers[word]
        if day > months[month]:
            continue
        if word in t.ambiguous and m.group(2) is not None and m.group(2) not in _SENTENCE_END:
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(dot):
            continue
        prep = before.group(1)
        if prep:
            out.append((before.start(1), before.end(1), "On" if prep == "In" else "on"))
        out.append((dot, m.end(1), f" {day}"))
    return out
