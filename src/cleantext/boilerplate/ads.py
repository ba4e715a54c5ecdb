"""``boilerplate.ads`` and ``boilerplate.copyright``: ad labels and copyright lines."""

from __future__ import annotations

import re
from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, word_count
from .markers import (
    Extra,
    LineMatcher,
    hinted_search,
    lazy_pattern,
    line_matcher,
    may_match,
    minimal_hints,
    search_hints,
)

__all__ = ["find_ads", "find_copyright"]


@lru_cache(maxsize=16)
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
    if not may_match(doc, (_ads(extra),)):
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
    phrase = hinted_search("copyright", extra)
    hints = _copyright_hints(extra)
    out: set[int] = set()
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
