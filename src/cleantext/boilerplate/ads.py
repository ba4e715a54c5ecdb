"""``boilerplate.ads`` and ``boilerplate.copyright``: ad labels and copyright lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines, word_count
from .markers import compile_category

__all__ = ["find_ads", "find_copyright"]


def _pick_ads(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    pattern = compile_category("ads", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")
    return {i for i, line in enumerate(lines) if line and len(line) <= 80 and pattern.match(line)}


def find_ads(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop standalone ad labels: ``Advertisement``, ``Sponsored content``, ``Anzeige``, ``Реклама``.

    Only a line that is nothing but the label goes: ``The advertisement ran in three
    newspapers`` stays.
    """
    return drop_lines(text, _pick_ads, extra)


_COPY_START = re.compile(r"[\W_]{0,2}(?:©|ⓒ|\(c\)|copyright\b)", re.IGNORECASE)
_COPY_EVIDENCE = re.compile(r"©|ⓒ|\(c\)|\b(?:19|20)\d\d\b|\breserved\b", re.IGNORECASE)


def _pick_copyright(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    phrase = compile_category("copyright", extra, r"(?:{m})")
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not line or len(line) > 250 or word_count(line) > 30:
            continue
        if (_COPY_START.match(line) and _COPY_EVIDENCE.search(line)) or (
            phrase.search(line) and word_count(line) <= 20
        ):
            out.add(i)
    return out


def find_copyright(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop short copyright lines: ``© 2019 Reuters``, ``All rights reserved.``, ``무단전재 및 재배포 금지``.

    A line must be short (at most 20-30 words) and start with ``©``/``Copyright`` with a
    year or sign, or carry a rights phrase; ``Copyright law protects …`` in prose stays.
    """
    return drop_lines(text, _pick_copyright, extra)
