"""``boilerplate.ads`` and ``boilerplate.copyright``: ad labels and copyright lines."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, hint_cover, needle_forms, word_count
from .markers import (
    Extra,
    LineMatcher,
    fragments,
    hinted_search,
    lazy_pattern,
    line_matcher,
    literal_hint,
    minimal_hints,
    own,
    search_hints,
)

__all__ = ["find_ads", "find_copyright"]


@lru_cache(maxsize=16)
def _ads(extra: Extra) -> LineMatcher:
    return line_matcher("ads", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")


#: the first word of a fragment: its letters up to the first other character
_LEAD = lazy_pattern(globals(), "_LEAD", r"[^\W\d_]+")


def _lead_word(frag: str) -> str | None:
    r"""The word a fragment starts with, in lower case: a line it matches (after at most a
    few non-word characters) has a first word starting with it; ``None`` for none.

    >>> _lead_word(r"loading(?:\.\.\.|…)"), _lead_word(r"ads?"), _lead_word(r".{1,9} x")
    ('loading', None, None)
    """
    m = _LEAD.match(frag)
    if m is None or frag[m.end() : m.end() + 1] in ("?", "*", "+", "{"):
        return None
    return m.group().lower()


@lru_cache(maxsize=16)
def _ads_leads(extra: Extra) -> tuple[tuple[str, ...], tuple[str, ...]]:
    r"""The hints of the ads matcher as first words: the lead words of the fragments holding
    a hint when each of them has one (a line they match starts with one), and the hints
    left to a scan of the text.

    The matcher scans for the hint of a fragment it cannot file under a first word
    (``loading(?:\.\.\.|…)``): every line such a fragment matches holds that hint.
    """
    matcher = _ads(extra)
    frags = (*fragments("ads"), *own(extra, "ads"))
    leads: list[str] = []
    scanned: list[str] = []
    for hint in matcher.hints:
        words = [_lead_word(f) for f in frags if hint in (literal_hint(f) or "")]
        if words and all(words):
            leads.extend(w for w in words if w)
        else:
            scanned.append(hint)
    return tuple(dict.fromkeys(leads)), tuple(scanned)


def _ads_rows(doc: Doc, extra: Extra) -> set[int]:
    """The lines the ads matcher may match (as its candidates, with first words for its hints)."""
    matcher = _ads(extra)
    if matcher.always:
        return set(matcher.candidates(doc))
    leads, scanned = _ads_leads(extra)
    words = doc.first_words()
    keys = matcher.keys.intersection(words)
    if leads and _any_starts(words, leads):
        keys = keys.union(w for w in words if w.startswith(leads))
    rows = doc.with_keys(keys) if keys else set()
    if scanned:
        rows |= doc.containing(scanned)
    return rows


def _any_starts(words: set[str], leads: tuple[str, ...]) -> bool:
    """Whether one of *words* (no newline in them) starts with one of *leads*: one C-level
    scan of the words joined, not a call for each word."""
    joined = "\n" + "\n".join(words)
    return any("\n" + lead in joined for lead in leads)


def _pick_ads(doc: Doc, extra: Extra) -> set[int]:
    pattern = _ads(extra)
    lines = doc.lines
    return {i for i in _ads_rows(doc, extra) if len(lines[i]) <= 80 and pattern.match_at(doc, i)}


def find_ads(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop standalone ad labels: ``Advertisement``, ``Sponsored content``, ``Anzeige``, ``Реклама``.

    Only a line that is nothing but the label goes: ``The advertisement ran in three
    newspapers`` stays.
    """
    doc = doc_for(text)
    token = (find_ads, extra)  # no line can be an ad label, here or in any part of these lines
    if token in doc.clean:
        return []
    if not _ads_rows(doc, extra):
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


#: where a copyright line may be: ASCII needles (found case-insensitively), and letters outside
#: ASCII, each as the forms a text holds where its lower case holds it, with the hints holding it
_Needles = tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]


@lru_cache(maxsize=16)
def _copyright_needles(extra: Extra) -> _Needles | None:
    """What the lines the copyright picker can pick hold, cheaper to find than its hints.

    Such a line starts with a sign or ``copyright``, or a rights phrase holds a search
    hint.  ``(c)`` counts only at the start (:data:`_COPY_START`), where it makes ``c`` the
    line's first word: the other hints are enough for the rest.  Each hint holds a needle of
    :func:`~.lines.hint_cover` (or a piece of its, :func:`_pieces`), so the lines holding a
    needle are enough: the picker tests each line it is given.  A needle outside ASCII is one
    letter.  ``None`` when a rights phrase has no hint (the hinted lines are looked at then).
    """
    phrases = search_hints("copyright", extra)
    if phrases is None:
        return None
    hints = minimal_hints((*phrases, "copyright"))
    if any(not any(h in sign for h in hints) for sign in ("©", "ⓒ", "copyright")):
        return None  # a line starting with a sign would hold no hint
    cover = hint_cover(hints)
    ascii_needles = tuple(
        piece for needle, group in cover if needle.isascii() for piece in _pieces(group, needle)
    )
    letters = tuple((needle_forms(needle), group) for needle, group in cover if not needle.isascii())
    return ascii_needles, letters


def _pieces(hints: tuple[str, ...], needle: str, size: int = 6) -> list[str]:
    """Pieces of *size* characters holding *needle*, each shared by several *hints* (which all
    hold *needle*), and the hints sharing none.

    A line holding a hint holds its piece.  :meth:`~.lines.Doc.containing` looks for the
    needle the pieces share first, then for each piece: where the needle is common ("serv"),
    a scan for each of a few pieces instead of one for each hint.

    >>> _pieces(("all rights reserved", "derechos reservados", "diritti riservati"), "serv")
    ['reserv', 'diritti riservati']
    """
    out: list[str] = []
    left = list(hints)
    while left:
        # each hint counts once for each of its pieces
        counts = Counter(
            p
            for h in left
            for p in dict.fromkeys(h[k : k + size] for k in range(len(h) - size + 1))
            if needle in p
        )
        piece = max(counts, key=counts.__getitem__) if counts else ""
        if not piece or counts[piece] < 2:
            out.extend(left)
            break
        out.append(piece)
        left = [h for h in left if piece not in h]
    return out


_C_KEY = frozenset(("c",))
#: the longest copyright line
_MAX_LINE = 250


def _copyright_rows(doc: Doc, extra: Extra) -> set[int]:
    """The lines that may be copyright lines: a superset of those the picker can pick."""
    needles = _copyright_needles(extra)
    if needles is None:
        return doc.containing(_copyright_hints(extra))
    ascii_needles, letters = needles
    rows = doc.containing(ascii_needles) | doc.with_keys(_C_KEY)
    text = doc.text
    if not text.isascii():
        # the hints of the letters the text holds in some form (most texts hold none)
        held = [hint for forms, group in letters if any(map(text.__contains__, forms)) for hint in group]
        if held:
            rows.update(_short_lines_holding(doc.lines, held))
    return rows


def _short_lines_holding(lines: list[str], hints: list[str]) -> list[int]:
    """The lines short enough for a copyright line whose lower case holds one of *hints*.

    The short lines are lowered together: one pass for a text, not one per line.
    """
    keep = list(itertools.compress(itertools.count(), map(_MAX_LINE.__ge__, map(len, lines))))
    low = "\n".join([lines[i] for i in keep]).lower()  # lower() ends its case context at a newline
    out: list[int] = []
    for hint in hints:
        pos = low.find(hint)
        while pos >= 0:
            out.append(keep[low.count("\n", 0, pos)])
            end = low.find("\n", pos)
            pos = low.find(hint, end + 1) if end >= 0 else -1
    return out


def _pick_copyright(doc: Doc, extra: Extra) -> set[int]:
    phrase = hinted_search("copyright", extra)
    out: set[int] = set()
    for i in _copyright_rows(doc, extra):
        line = doc.lines[i]
        if len(line) > _MAX_LINE or word_count(line) > 30:
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
