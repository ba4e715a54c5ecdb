"""``boilerplate.promo``: newsletter, app, membership, follow-us and live-coverage promos."""

from __future__ import annotations

from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines, ends_sentence, next_nonblank, prev_nonblank, word_count
from .markers import compile_category

__all__ = ["find_promo"]

_LEAD = r"[\W_]{0,3}"
_MAX_WORDS = 80


def _pick(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    promo = compile_category("promo", extra, _LEAD + r"(?:{m})")
    body = compile_category("promo_body", extra, _LEAD + r"(?:{m})")
    head = compile_category("promo_head", extra, _LEAD + r"(?:{m})(?:\s.{0,100})?\Z")
    n = len(lines)
    hit = [False] * n
    for i, line in enumerate(lines):
        if (
            line
            and len(line) <= 600
            and word_count(line) <= _MAX_WORDS
            and (promo.match(line) or body.match(line))
        ):
            hit[i] = True
    if not any(hit):
        return set()
    out = {i for i in range(n) if hit[i]}
    for i, line in enumerate(lines):
        if not line or hit[i] or word_count(line) > 12 or ends_sentence(line):
            continue
        if head.match(line):
            # a promo head ("Live briefing: …", "Pick Six Newsletter") goes with the promo
            # it introduces: the next line, or the one after a one-line blurb
            j = next_nonblank(lines, i)
            k = next_nonblank(lines, j)
            if j < n and hit[j]:
                out.add(i)
            elif k < n and hit[k] and word_count(lines[j]) <= 40:
                out.update((i, j))
    last = n - 1
    while last >= 0 and (not lines[last] or hit[last]):
        last -= 1
    for i, line in enumerate(lines):
        # the title of a promo box at the very end ("Something to Consider")
        if (
            i == last
            and not hit[i]
            and word_count(line) <= 5
            and _has_letter(line)
            and not ends_sentence(line)
        ):
            j = next_nonblank(lines, i)
            if j < n and hit[j]:
                out.add(i)
    for i, line in enumerate(lines):
        # "Sorry!" between two sign-up messages
        if line and not hit[i] and word_count(line) <= 3 and line.endswith("!"):
            p, q = prev_nonblank(lines, i), next_nonblank(lines, i)
            if p >= 0 and hit[p] and q < n and hit[q]:
                out.add(i)
    return out


def find_promo(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop standalone promo lines: ``Subscribe to our newsletter``, ``CLICK HERE TO GET THE … APP``,
    ``Follow us on …``, ``Thanks for signing up!``, paywall prompts, live-briefing promos.

    A line must *start* with the promo phrase and be at most 80 words, so ``Readers who
    subscribe to the newsletter receive …`` stays.  A short head line (``Live briefing: …``,
    ``<Name> Newsletter``) goes only together with the promo it introduces.
    """
    return drop_lines(text, _pick, extra)


def _has_letter(line: str) -> bool:
    return any(c.isalpha() for c in line)
