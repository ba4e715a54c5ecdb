"""Attribution glitches: a speech verb said twice, a quote attributed twice.

``translation.duplicated-speech-verb``: ``he said. noted.`` -> ``he noted.`` (the
translator's second verb, left as a lowercase one-word sentence, replaces the first).

``translation.duplicated-attribution``: ``“…,” he said. Truss told a press
conference in Moscow.`` -> ``“…,” Truss told a press conference in Moscow.``: a
pronoun attribution followed by a sentence that is nothing but an attribution
(speaker, speech verb, audience, place and time) of the same quote.
"""

from __future__ import annotations

import re
from functools import cache

from ..core import Edit
from ._data import load, word_alternation
from .context import first_period_lower
from .language import EnglishGate

__all__ = ["find_duplicated_attribution", "find_duplicated_speech_verb"]

_NAME = r"[A-Z][a-z]+(?:[-’'][A-Za-z]+)?"
_LOOKBACK = 160
_QUOTES = ("”", '"')


class _SpeechVerb:
    """The patterns of ``translation.duplicated-speech-verb``, built on first use."""

    __slots__ = ("speaker_and_verb", "verb_after_stop")

    def __init__(self) -> None:
        english = load("translation_english.json")
        verbs = word_alternation(english["speech_verbs"])
        subjects = word_alternation(english["subjects"])
        lower_subjects = word_alternation(s.lower() for s in english["subjects"])
        # ". noted." / ". he added," -- a lowercase speech verb alone after a full stop
        self.verb_after_stop = re.compile(
            rf"\. (?:(?:{lower_subjects}) )?({verbs})(?=[.,;:!?]|$)",
            re.MULTILINE,
        )
        # what must come right before it: "he said", "Lavrov said. added" (a chain)
        self.speaker_and_verb = re.compile(
            rf"(?<![\w-])(?:{subjects}|{_NAME}) ({verbs})(?:\. (?:(?:{lower_subjects}) )?(?:{verbs}))*\Z"
        )


@cache
def _speech_verb() -> _SpeechVerb:
    return _SpeechVerb()


def find_duplicated_speech_verb(text: str) -> list[Edit]:
    """``he said. noted.`` -> ``he noted.``; ``Lavrov said. added,`` -> ``Lavrov added,``.

    The second verb must be a lowercase speech verb standing alone between the full
    stop and a punctuation mark, so ``He said. She said.`` stays.
    """
    first = first_period_lower(text)
    if first < 0:
        return []
    t = _speech_verb()
    speaker_and_verb = t.speaker_and_verb
    edits: dict[int, Edit] = {}
    gate: EnglishGate | None = None
    for m in t.verb_after_stop.finditer(text, first):
        dot = m.start()
        head = speaker_and_verb.search(text, max(0, dot - _LOOKBACK), dot)
        if head is None:
            continue
        gate = gate or EnglishGate(text)
        if gate.at(dot):
            # a later verb of the same chain replaces the whole chain
            edits[head.start(1)] = (head.start(1), m.end(), m.group(1))
    return list(edits.values())


class _Attribution:
    """The patterns and word set of ``translation.duplicated-attribution``, built on first use."""

    __slots__ = ("attribution_tail", "not_a_speaker", "two_attributions")

    def __init__(self) -> None:
        english = load("translation_english.json")
        verbs = word_alternation(english["speech_verbs"])
        det = word_alternation(english["determiners"])
        prep = word_alternation(english["prepositions"])
        audience = word_alternation(english["audience_nouns"])
        # ,” he said. Truss told <tail>.  One pattern per closing quote, so that each starts
        # with a literal ("” " or '" ') that ``re`` finds fast.
        self.two_attributions = tuple(
            re.compile(
                rf"{q} (?<=[,!?]{q} )((?:he|she|they|we|I) (?:{verbs})\. )"
                rf"((?:The (?:[a-z-]+ ){{0,2}}[a-z-]+)|{_NAME}(?: {_NAME}){{0,2}}) (?:{verbs})"
                rf"([^\n.!?“”\"]{{0,200}})[.!?](?!\S)"
            )
            for q in _QUOTES
        )
        np = rf"(?:(?:{det}) )?(?:[a-z-]+ )?(?:{audience})|(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){{0,3}}"
        # a word that is neither a preposition nor a determiner, so phrases split one way only
        word = rf"(?!(?:{prep}|{det})(?![\w’'-]))[\w’'-]+"
        pp = rf"(?:{prep}) (?:(?:{det}) )?{word}(?: {word})?(?: [A-Z][\w’'-]*){{0,3}}"
        # what may follow the speech verb in an attribution-only sentence
        self.attribution_tail = re.compile(rf"(?: (?:{np}))?(?:,? (?:{pp}))*")
        self.not_a_speaker = frozenset(english["not_a_speaker"])


@cache
def _attribution() -> _Attribution:
    return _Attribution()


def find_duplicated_attribution(text: str) -> list[Edit]:
    """``“…,” he said. Truss told a press conference.`` -> ``“…,” Truss told a press conference.``

    Only when the second sentence is nothing but an attribution: a speaker, a speech
    verb, then at most an audience (``reporters``, ``a press conference``, ``the BBC``)
    and place or time phrases.  ``“…,” he said. Putin said the West had ignored it.``
    stays: that sentence says something new.
    """
    # one-character tests: ``in`` finds a single character at memchr speed, but a
    # two-character needle that ends in a space is slow
    quotes = [i for i, q in enumerate(_QUOTES) if q in text]
    if not quotes:
        return []
    t = _attribution()
    patterns = [t.two_attributions[i] for i in quotes]
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in (m for pattern in patterns for m in pattern.finditer(text)):
        speaker = m.group(2)
        if speaker.split(" ", 1)[0] in t.not_a_speaker:
            continue
        if " that " in m.group(3) or not t.attribution_tail.fullmatch(m.group(3)):
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(m.start()):
            continue
        if speaker.startswith("The "):
            out.append((m.start(1), m.start(2) + 1, "t"))
        else:
            out.append((m.start(1), m.start(2), ""))
    return out
