"""``boilerplate.agency-credit``: reporting credits and agency attributions.

``With reports from AFP, AP and Reuters``, ``(Reporting by …; Editing by …)``,
``Keith Bradsher contributed reporting from Hong Kong.``, ``Additional reporting by …``.
One rule covers both agency lines and contributor lines: both credit the reporting,
not the story, and users switch them off together.
"""

from __future__ import annotations

from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, word_count
from .markers import Extra, LineMatcher, WordSet, lazy_pattern, line_matcher, may_match, word_set

__all__ = ["find_credits"]

_LOWER_WORD = lazy_pattern(globals(), "_LOWER_WORD", r"(?<![\w'’-])[a-zß-öø-ÿа-яё][\w'’-]*")


@lru_cache(maxsize=16)
def _credits(extra: Extra) -> LineMatcher:
    return line_matcher("credits", extra, r"[\W_]{0,3}(?:{m})[\s.)\]]{0,3}\Z")


def _pick(doc: Doc, extra: Extra) -> set[int]:
    pattern = _credits(extra)
    lines = doc.lines
    return {
        i
        for i in pattern.candidates(doc)
        if len(lines[i]) <= 500
        and word_count(lines[i]) <= 60
        and pattern.match_at(doc, i)
        and _names_only(lines[i], word_set("credit_words", extra))
    }


def _names_only(line: str, vocabulary: WordSet) -> bool:
    """A credit names people and agencies: at most one lower-case word outside ``credit_words``.

    ``Reporting by the BBC suggested that the talks had failed`` is a sentence, not a credit.
    """
    unknown = 0
    for word in _LOWER_WORD.findall(line):
        if word not in vocabulary:
            unknown += 1
            if unknown > 1:
                return False
    return True


def find_credits(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop standalone credit lines for agencies and contributing reporters.

    The whole line must be the credit: ``Smith contributed reporting skills to the team.``
    stays.
    """
    doc = doc_for(text)
    if (_pick, extra) in doc.clean:
        return []  # found nothing in a text these are lines of (drop_lines would answer the same)
    if may_match(doc, (_credits(extra),)):
        return drop_lines(text, _pick, extra, local=True, doc=doc)
    doc.clean.add((_pick, extra))
    return []
