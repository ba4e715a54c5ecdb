"""``boilerplate.share``: share-button lines and "Click To Tweet" suffixes."""

from __future__ import annotations

import re
from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, word_count
from .markers import (
    CATEGORIES,
    Extra,
    LineMatcher,
    categories_matcher,
    compile_categories,
    compile_category,
    line_matcher,
    may_match,
    search_hints,
)

__all__ = ["find_share"]

_SEP = r"\s*[:|,•·/]?\s*"


#: one or more share labels ("Facebook Twitter Email"), optionally ending with ":"
_ALONE = r"[\W_]{0,3}(?:{m})[ .!:]*\Z"
_LINE = rf"[\W_]{{0,3}}(?:{{m}})(?:{_SEP}(?:{{m}}))*\s*:?\Z"


def _tweet_suffix(extra: Extra) -> re.Pattern[str]:
    return compile_category("share_suffix", extra, r"(?<=\S) ?(?:{m})[ .!:]*\Z")


#: the marker categories of standalone boilerplate lines ("Check Also", "All rights reserved.",
#: "Subscribe to our newsletter"): a line that starts with one of them before a glued
#: "Click To Tweet" is boilerplate throughout, not a quote.  The others are word lists, markers
#: found inside a line, or markers that need more text after them.
_NOT_STANDALONE = frozenset(
    (
        "promo_body",
        "roles",
        "credits",
        "credit_words",
        "captions",
        "caption_glued",
        "date_words",
        "date_status",
    )
)
_STANDALONE = tuple(c for c in CATEGORIES if c not in _NOT_STANDALONE)
#: a line up to this many words before its suffix may be such a line
_MAX_MARKER_WORDS = 12
#: the most suffixes glued one after another that are cut together
_MAX_SUFFIXES = 8


#: a standalone marker at the start of a line, as a whole word (``Share``, not ``Shared``)
_MARKER_START = r"[\W_]{0,3}(?:{m})(?!\w)"


def _starts_with_marker(line: str, extra: Extra) -> bool:
    """Whether *line* starts with a standalone marker (:data:`_MARKER_START`).

    The line is tried only with the markers its first word can start (a few small patterns,
    compiled for the first words that come); one pattern of all the markers of the 13
    categories took 20-30 ms to compile, for the few lines that reach here.  It is still the
    answer where the first-word filing cannot follow ``re``'s case folding ("ſ", "İ").
    """
    matcher = categories_matcher(_STANDALONE, extra, _MARKER_START)
    if matcher.follows_case(line):
        return matcher.match(line) is not None
    return _marker_start(extra).match(line) is not None


@lru_cache(maxsize=16)
def _marker_start(extra: Extra) -> re.Pattern[str]:
    """:data:`_MARKER_START` as one pattern."""
    return compile_categories(_STANDALONE, extra, _MARKER_START)


def _suffix_start(line: str, suffix: re.Pattern[str]) -> int:
    """Where the "Click To Tweet" suffixes at the end of *line* start (``-1``: none); a run of
    them goes together, so that what is left ends in none.  A run longer than
    :data:`_MAX_SUFFIXES` is no widget glued to a quote: the line is left alone (and each
    search stays one pass over the line)."""
    m = suffix.search(line)
    if m is None:
        return -1
    start = m.start()
    for _ in range(_MAX_SUFFIXES):
        m = suffix.search(line, 0, start)
        if m is None:
            return start
        start = m.start()
    return -1


def _suffixed(doc: Doc, extra: Extra) -> list[tuple[int, int]]:
    """``(line, offset)`` of the lines of *doc* ending in a glued "Click To Tweet", and where
    the suffix starts, in order."""
    hints = search_hints("share_suffix", extra, 3)
    rows = doc.containing(hints) if hints is not None else range(len(doc.lines))
    if not rows:
        return []
    suffix = _tweet_suffix(extra)
    lines = doc.lines
    found = ((i, _suffix_start(lines[i], suffix)) for i in sorted(rows))
    return [(i, at) for i, at in found if at >= 0]


def _is_boilerplate_before(line: str, at: int, extra: Extra) -> bool:
    """Whether the part of *line* before its suffix (at *at*) is itself boilerplate: share
    labels, or a short line starting with a standalone marker (then the line goes whole;
    cutting the suffix would leave a boilerplate line)."""
    rest = line[:at].rstrip()
    if not rest:
        return True
    if word_count(rest) > _MAX_MARKER_WORDS:
        return False
    return _starts_with_marker(rest, extra) or any(m.match(rest) for m in _matchers(extra))


@lru_cache(maxsize=16)
def _matchers(extra: Extra) -> tuple[LineMatcher, LineMatcher]:
    return line_matcher("share", extra, _LINE), line_matcher("share_suffix", extra, _ALONE)


def _pick(doc: Doc, extra: Extra) -> set[int]:
    lines = doc.lines
    out: set[int] = set()
    for matcher in _matchers(extra):
        out.update(i for i in matcher.candidates(doc) if len(lines[i]) <= 120 and matcher.match_at(doc, i))
    out.update(i for i, at in _suffixed(doc, extra) if _is_boilerplate_before(lines[i], at, extra))
    return out


def find_share(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop lines made only of share labels; cut "Click To Tweet" glued to a quote.

    ``Share this:`` / ``Facebook`` / ``Twitter WhatsApp Email`` go; ``The company's
    share price fell`` stays.  ``A quote worth sharing.Click To Tweet`` loses its suffix;
    ``Check AlsoClick To Tweet`` goes whole (the suffix glued to another marker).
    """
    doc = doc_for(text)
    token = (find_share, extra)  # each line is judged by itself
    if token in doc.clean:
        return []
    suffixed = _suffixed(doc, extra)
    edits = (
        drop_lines(text, _pick, extra, local=True, doc=doc)
        if suffixed or may_match(doc, _matchers(extra))
        else []
    )
    if suffixed:
        # the picker dropped the lines with boilerplate before their suffix (those go whole)
        dropped = list(edits)  # whole lines, and maybe the newlines before a dropped tail
        starts = doc.starts
        lines = doc.lines
        for i, at in suffixed:
            start = starts[i]
            if not any(s <= start < e for s, e, _ in dropped):
                edits.append((start + at, start + len(lines[i]), ""))
    if not edits:
        doc.clean.add(token)
    return edits
