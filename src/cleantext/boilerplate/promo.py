"""``boilerplate.promo``: newsletter, app, membership, follow-us and live-coverage promos."""

from __future__ import annotations

from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, ends_sentence, next_nonblank, prev_nonblank, word_count
from .markers import Extra, LineMatcher, line_matcher, may_match

__all__ = ["find_promo"]

_LEAD = r"[\W_]{0,3}"
_MAX_WORDS = 80


def _is_sorry(lines: list[str], q: int, hit: set[int]) -> bool:
    """A one-to-three word exclamation ("Sorry!") between two promo lines."""
    return (
        q < len(lines)
        and q not in hit
        and word_count(lines[q]) <= 3
        and lines[q].endswith("!")
        and next_nonblank(lines, q) in hit
    )


def _is_head(line: str) -> bool:
    return word_count(line) <= 12 and not ends_sentence(line)


@lru_cache(maxsize=16)
def _matchers(extra: Extra) -> tuple[LineMatcher, LineMatcher]:
    return line_matcher("promo", extra, _LEAD + r"(?:{m})"), line_matcher(
        "promo_body", extra, _LEAD + r"(?:{m})"
    )


@lru_cache(maxsize=16)
def _head(extra: Extra) -> LineMatcher:
    return line_matcher("promo_head", extra, _LEAD + r"(?:{m})(?:\s.{0,100})?\Z")


def _pick(doc: Doc, extra: Extra) -> set[int]:
    promo, body = _matchers(extra)
    head = _head(extra)
    lines = doc.lines
    n = len(lines)
    hit: set[int] = set()
    for matcher in (promo, body):
        for i in matcher.candidates(doc):
            line = lines[i]
            if len(line) <= 600 and word_count(line) <= _MAX_WORDS and matcher.match_at(doc, i):
                hit.add(i)
    if not hit:
        return hit
    out = set(hit)
    for h in sorted(hit):
        # a promo head ("Live briefing: …", "Pick Six Newsletter") goes with the promo it
        # introduces: the line before it, or the one before a one-line blurb
        p = prev_nonblank(lines, h)
        if p >= 0 and p not in hit and _is_head(lines[p]) and head.match_at(doc, p):
            out.add(p)
            continue
        pp = prev_nonblank(lines, p) if p >= 0 else -1
        if (
            pp >= 0
            and pp not in hit
            and word_count(lines[p]) <= 40
            and _is_head(lines[pp])
            and head.match_at(doc, pp)
        ):
            out.update((pp, p))
        # "Sorry!" between two sign-up messages
        q = next_nonblank(lines, h)
        if _is_sorry(lines, q, hit):
            out.add(q)
    # the title of a promo box that ends the document ("Something to Consider")
    last = n - 1
    while last >= 0 and (not lines[last] or last in hit):
        last -= 1
    if last >= 0 and next_nonblank(lines, last) in hit:
        line = lines[last]
        if word_count(line) <= 5 and _has_letter(line) and not ends_sentence(line):
            out.add(last)
    return out


def find_promo(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop standalone promo lines: ``Subscribe to our newsletter``, ``CLICK HERE TO GET THE … APP``,
    ``Follow us on …``, ``Thanks for signing up!``, paywall prompts, live-briefing promos.

    A line must *start* with the promo phrase and be at most 80 words, so ``Readers who
    subscribe to the newsletter receive …`` stays.  A short head line (``Live briefing: …``,
    ``<Name> Newsletter``) goes only together with the promo it introduces.
    """
    # every pick hangs on a line matched by its own text (heads, "Sorry!" and a closing title
    # only go with one), and all of those go in the first round: the second would find none
    doc = doc_for(text)
    token = (find_promo, extra)  # no line can be a promo line, here or in any part of these lines
    if token in doc.clean:
        return []
    if not may_match(doc, _matchers(extra)):
        doc.clean.add(token)
        return []  # no line can be a promo line, and every pick hangs on one
    return drop_lines(text, _pick, extra, local=True, doc=doc)


def _has_letter(line: str) -> bool:
    return any(c.isalpha() for c in line)
