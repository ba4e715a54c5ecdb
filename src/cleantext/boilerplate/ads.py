"""``boilerplate.ads`` and ``boilerplate.copyright``: ad labels and copyright lines."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, word_count
from .markers import (
    Extra,
    LineMatcher,
    hinted_search,
    lazy_pattern,
    line_matcher,
    minimal_hints,
    search_hints,
)

__all__ = ["find_ads", "find_copyright", "hint_cover", "present_hints"]

#: hints (lower case) filed under a needle that each of them holds
Cover = tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=64)
def hint_cover(hints: tuple[str, ...]) -> Cover:
    """A few needles standing for *hints*: every hint is filed under one needle it holds.

    A text without a needle holds none of its hints, so one scan per needle replaces one per
    hint: a non-ASCII letter shared by hints (one character: the fastest scan, and most texts
    lack it), a four-letter piece shared by ASCII hints, else the hint itself.

    >>> hint_cover(("무단 전재", "무단전재", "rights reserved", "reservados", "(c)"))
    (('무', ('무단 전재', '무단전재')), ('rese', ('rights reserved', 'reservados')), ('(c)', ('(c)',)))
    """
    cover: list[tuple[str, tuple[str, ...]]] = []
    left = list(dict.fromkeys(hints))
    while left:
        letters = Counter(c for h in left for c in dict.fromkeys(h) if not c.isascii())
        if letters:
            needle = max(letters, key=letters.__getitem__)  # the first of the most shared
        else:
            pieces = Counter(p for h in left for p in dict.fromkeys(h[k : k + 4] for k in range(len(h) - 3)))
            needle = max(pieces, key=pieces.__getitem__) if pieces else ""
            if not needle or pieces[needle] < 2:
                cover.extend((h, (h,)) for h in left)
                break
        cover.append((needle, tuple(h for h in left if needle in h)))
        left = [h for h in left if needle not in h]
    return tuple(cover)


def present_hints(low: str, cover: Cover) -> tuple[str, ...]:
    """The hints of *cover* whose needle *low* holds: every hint *low* holds is among them."""
    return tuple(h for needle, group in cover if needle in low for h in group)


def _may_match(doc: Doc, matcher: LineMatcher) -> bool:
    """``markers.may_match(doc, (matcher,))``, the hints looked for by their needles."""
    if matcher.always or doc.has_key(matcher.keys):
        return True
    # a line holds a hint (case-insensitively) exactly when the lower-case text does
    return bool(matcher.hints) and bool(present_hints(doc.low, hint_cover(matcher.hints)))


def _ads(extra: Extra) -> LineMatcher:
    return line_matcher("ads", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")


def _pick_ads(doc: Doc, extra: Extra) -> set[int]:
    pattern = _ads(extra)
    lines = doc.lines
    return {i for i in pattern.candidates(doc) if len(lines[i]) <= 80 and pattern.match_at(doc, i)}


def find_ads(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop standalone ad labels: ``Advertisement``, ``Sponsored content``, ``Anzeige``, ``Реклама``.

    Only a line that is nothing but the label goes: ``The advertisement ran in three
    newspapers`` stays.
    """
    doc = doc_for(text)
    token = (find_ads, extra)  # no line can be an ad label, here or in any part of these lines
    if token in doc.clean:
        return []
    if not _may_match(doc, _ads(extra)):
        doc.clean.add(token)
        return []
    return drop_lines(text, _pick_ads, extra, local=True, doc=doc)


_COPY_START = lazy_pattern(globals(), "_COPY_START", r"[\W_]{0,2}(?:©|ⓒ|\(c\)|copyright\b)", re.IGNORECASE)
_COPY_EVIDENCE = lazy_pattern(
    globals(), "_COPY_EVIDENCE", r"©|ⓒ|\(c\)|\b(?:19|20)\d\d\b|\breserved\b", re.IGNORECASE
)


@lru_cache(maxsize=16)
def _copyright_hints(extra: Extra) -> tuple[str, ...]:
    # minimal: "copyright " goes, since every line holding it holds "copyright"
    return minimal_hints((*(search_hints("copyright", extra) or ()), "(c)", "copyright"))


def _pick_copyright(doc: Doc, extra: Extra) -> set[int]:
    # the hints whose needles the text holds: the others are in no line
    hints = present_hints(doc.low, hint_cover(_copyright_hints(extra)))
    out: set[int] = set()
    if not hints:
        return out
    phrase = hinted_search("copyright", extra)
    for i in doc.containing(hints):
        line = doc.lines[i]
        if len(line) > 250 or word_count(line) > 30:
            continue
        if (_COPY_START.match(line) and _COPY_EVIDENCE.search(line)) or (
            phrase.search(line) and word_count(line) <= 20
        ):
            out.add(i)
    return out


def find_copyright(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop short copyright lines: ``© 2019 Reuters``, ``All rights reserved.``, ``무단전재 및 재배포 금지``.

    A line must be short (at most 20-30 words) and start with ``©``/``Copyright`` with a
    year or sign, or carry a rights phrase; ``Copyright law protects …`` in prose stays.
    """
    return drop_lines(text, _pick_copyright, extra, local=True)
