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

from ..core import Edit
from ._data import load, word_alternation
from .language import EnglishGate

__all__ = ["find_duplicated_attribution", "find_duplicated_speech_verb"]

_EN = load("translation_english.json")
_VERBS = word_alternation(_EN["speech_verbs"])
_SUBJECTS = word_alternation(_EN["subjects"])
_LOWER_SUBJECTS = word_alternation(s.lower() for s in _EN["subjects"])
_DET = word_alternation(_EN["determiners"])
_PREP = word_alternation(_EN["prepositions"])
_AUDIENCE = word_alternation(_EN["audience_nouns"])
_NAME = r"[A-Z][a-z]+(?:[-’'][A-Za-z]+)?"

# ". noted." / ". he added," -- a lowercase speech verb alone after a full stop
_VERB_AFTER_STOP = re.compile(
    rf"\. (?:(?:{_LOWER_SUBJECTS}) )?({_VERBS})(?=[.,;:!?]|$)",
    re.MULTILINE,
)
# what must come right before it: "he said", "Lavrov said. added" (a chain)
_SPEAKER_AND_VERB = re.compile(
    rf"(?<![\w-])(?:{_SUBJECTS}|{_NAME}) ({_VERBS})(?:\. (?:(?:{_LOWER_SUBJECTS}) )?(?:{_VERBS}))*\Z"
)
_LOOKBACK = 160


def find_duplicated_speech_verb(text: str) -> list[Edit]:
    """``he said. noted.`` -> ``he noted.``; ``Lavrov said. added,`` -> ``Lavrov added,``.

    The second verb must be a lowercase speech verb standing alone between the full
    stop and a punctuation mark, so ``He said. She said.`` stays.
    """
    if ". " not in text:
        return []
    edits: dict[int, Edit] = {}
    gate: EnglishGate | None = None
    for m in _VERB_AFTER_STOP.finditer(text):
        dot = m.start()
        head = _SPEAKER_AND_VERB.search(text, max(0, dot - _LOOKBACK), dot)
        if head is None:
            continue
        gate = gate or EnglishGate(text)
        if gate.at(dot):
            # a later verb of the same chain replaces the whole chain
            edits[head.start(1)] = (head.start(1), m.end(), m.group(1))
    return list(edits.values())


# ,” he said. Truss told <tail>.  One pattern per closing quote, so that each starts with a
# literal ("” " or '" ') that ``re`` finds fast.
_TWO_ATTRIBUTIONS = tuple(
    re.compile(
        rf"{q} (?<=[,!?]{q} )((?:he|she|they|we|I) (?:{_VERBS})\. )"
        rf"((?:The (?:[a-z-]+ ){{0,2}}[a-z-]+)|{_NAME}(?: {_NAME}){{0,2}}) (?:{_VERBS})"
        rf"([^\n.!?“”\"]{{0,200}})[.!?](?!\S)"
    )
    for q in ("”", '"')
)
_NP = (
    rf"(?:(?:{_DET}) )?(?:[a-z-]+ )?(?:{_AUDIENCE})"
    r"|(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}"
)
# a word that is neither a preposition nor a determiner, so phrases split one way only
_WORD = rf"(?!(?:{_PREP}|{_DET})(?![\w’'-]))[\w’'-]+"
_PP = rf"(?:{_PREP}) (?:(?:{_DET}) )?{_WORD}(?: {_WORD})?(?: [A-Z][\w’'-]*){{0,3}}"
# what may follow the speech verb in an attribution-only sentence
_ATTRIBUTION_TAIL = re.compile(rf"(?: (?:{_NP}))?(?:,? (?:{_PP}))*")
_NOT_A_SPEAKER = frozenset(_EN["not_a_speaker"])


def find_duplicated_attribution(text: str) -> list[Edit]:
    """``“…,” he said. Truss told a press conference.`` -> ``“…,” Truss told a press conference.``

    Only when the second sentence is nothing but an attribution: a speaker, a speech
    verb, then at most an audience (``reporters``, ``a press conference``, ``the BBC``)
    and place or time phrases.  ``“…,” he said. Putin said the West had ignored it.``
    stays: that sentence says something new.
    """
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in (m for pattern in _TWO_ATTRIBUTIONS for m in pattern.finditer(text)):
        speaker = m.group(2)
        if speaker.split(" ", 1)[0] in _NOT_A_SPEAKER:
            continue
        if " that " in m.group(3) or not _ATTRIBUTION_TAIL.fullmatch(m.group(3)):
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(m.start()):
            continue
        if speaker.startswith("The "):
            out.append((m.start(1), m.start(2) + 1, "t"))
        else:
            out.append((m.start(1), m.start(2), ""))
    return out
