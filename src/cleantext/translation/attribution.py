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
from collections.abc import Iterator
from functools import cache

from ..core import Edit
from ._data import load, word_alternation
from .context import matches_at_stops, period_lower_offsets
from .language import EnglishGate

__all__ = ["find_duplicated_attribution", "find_duplicated_speech_verb"]

_NAME = r"[A-Z][a-z]+(?:[-’'][A-Za-z]+)?"
_LOOKBACK = 160
_QUOTES = ("”", '"')


@cache
def _words() -> dict[str, str]:
    """The word lists of the patterns below as trie-shaped alternations (built once)."""
    english = load("translation_english.json")
    return {
        "verbs": word_alternation(english["speech_verbs"]),
        "subjects": word_alternation(english["subjects"]),
        "lower_subjects": word_alternation(s.lower() for s in english["subjects"]),
        "det": word_alternation(english["determiners"]),
        "prep": word_alternation(english["prepositions"]),
        "audience": word_alternation(english["audience_nouns"]),
    }


# Each pattern is compiled the first time it is needed: each copy of the speech verbs costs
# about 2 ms to compile, and most texts never get past the first pattern of a rule.


@cache
def _verb_after_stop() -> re.Pattern[str]:
    """``. noted.`` / ``. he added,``: a lowercase speech verb alone after a full stop."""
    w = _words()
    return re.compile(rf"\. (?:(?:{w['lower_subjects']}) )?({w['verbs']})(?=[.,;:!?]|$)", re.MULTILINE)


@cache
def _speaker_and_verb() -> re.Pattern[str]:
    """What must come right before it: ``he said``, ``Lavrov said. added`` (a chain)."""
    w = _words()
    verbs, lower_subjects = w["verbs"], w["lower_subjects"]
    return re.compile(
        rf"(?<![\w-])(?:{w['subjects']}|{_NAME}) ({verbs})(?:\. (?:(?:{lower_subjects}) )?(?:{verbs}))*\Z"
    )


def find_duplicated_speech_verb(text: str) -> list[Edit]:
    """``he said. noted.`` -> ``he noted.``; ``Lavrov said. added,`` -> ``Lavrov added,``.

    The second verb must be a lowercase speech verb standing alone between the full
    stop and a punctuation mark, so ``He said. She said.`` stays.
    """
    if not period_lower_offsets(text):
        return []
    speaker_and_verb: re.Pattern[str] | None = None
    edits: dict[int, Edit] = {}
    gate: EnglishGate | None = None
    for m in matches_at_stops(_verb_after_stop(), text):
        dot = m.start()
        speaker_and_verb = speaker_and_verb or _speaker_and_verb()
        head = speaker_and_verb.search(text, max(0, dot - _LOOKBACK), dot)
        if head is None:
            continue
        gate = gate or EnglishGate(text)
        if gate.at(dot):
            # a later verb of the same chain replaces the whole chain
            edits[head.start(1)] = (head.start(1), m.end(), m.group(1))
    return list(edits.values())


@cache
def _two_attributions() -> re.Pattern[str]:
    """``,” he said. Truss told <tail>.`` after either closing quote, matched where
    :func:`_attribution_start` finds its start (a search for a pattern that opens with a
    class of quotes looks at every character, several times slower)."""
    verbs = _words()["verbs"]
    return re.compile(
        rf"[”\"] (?<=[,!?][”\"] )((?:he|she|they|we|I) (?:{verbs})\. )"
        rf"((?:The (?:[a-z-]+ ){{0,2}}[a-z-]+)|{_NAME}(?: {_NAME}){{0,2}}) (?:{verbs})"
        rf"([^\n.!?“”\"]{{0,200}})[.!?](?!\S)"
    )


@cache
def _attribution_start(quote: str) -> re.Pattern[str]:
    """Where :func:`_two_attributions` may match after *quote*: ``,” he ``.  One small pattern
    per closing quote, each starting with a literal (``” `` or ``" ``) that ``re`` finds fast;
    the speech verbs, 2 ms to compile, are in one pattern for both quotes."""
    return re.compile(rf"{quote} (?<=[,!?]{quote} )(?:he|she|they|we|I) ")


def _two_attribution_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :func:`_two_attributions` in *text*: for each closing quote in turn,
    those ``finditer`` of that pattern with the quote in place of the class would give (the
    ones starting at a start of :func:`_attribution_start`, none within the one before)."""
    for quote in _QUOTES:
        # one-character test: ``in`` finds a single character at memchr speed, but a
        # two-character needle that ends in a space is slow
        if quote not in text:
            continue
        end = 0
        for start in _attribution_start(quote).finditer(text):
            at = start.start()
            if at >= end:
                m = _two_attributions().match(text, at)
                if m is not None:
                    end = m.end()
                    yield m


@cache
def _attribution_tail() -> re.Pattern[str]:
    """What may follow the speech verb in an attribution-only sentence."""
    w = _words()
    det, prep = w["det"], w["prep"]
    np = rf"(?:(?:{det}) )?(?:[a-z-]+ )?(?:{w['audience']})|(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){{0,3}}"
    # a word that is neither a preposition nor a determiner, so phrases split one way only
    word = rf"(?!(?:{prep}|{det})(?![\w’'-]))[\w’'-]+"
    pp = rf"(?:{prep}) (?:(?:{det}) )?{word}(?: {word})?(?: [A-Z][\w’'-]*){{0,3}}"
    return re.compile(rf"(?: (?:{np}))?(?:,? (?:{pp}))*")


@cache
def _not_a_speaker() -> frozenset[str]:
    return frozenset(load("translation_english.json")["not_a_speaker"])


def find_duplicated_attribution(text: str) -> list[Edit]:
    """``“…,” he said. Truss told a press conference.`` -> ``“…,” Truss told a press conference.``

    Only when the second sentence is nothing but an attribution: a speaker, a speech
    verb, then at most an audience (``reporters``, ``a press conference``, ``the BBC``)
    and place or time phrases.  ``“…,” he said. Putin said the West had ignored it.``
    stays: that sentence says something new.
    """
    tail: re.Pattern[str] | None = None
    out: list[Edit] = []
    gate: EnglishGate | None = None
    for m in _two_attribution_matches(text):
        speaker = m.group(2)
        if speaker.split(" ", 1)[0] in _not_a_speaker() or " that " in m.group(3):
            continue
        tail = tail or _attribution_tail()
        if not tail.fullmatch(m.group(3)):
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(m.start()):
            continue
        if speaker.startswith("The "):
            out.append((m.start(1), m.start(2) + 1, "t"))
        else:
            out.append((m.start(1), m.start(2), ""))
    return out
