"""``boilerplate.captions``: photo captions and photo credits standing on their own line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines, word_count
from .markers import compile_category

__all__ = ["find_captions"]

_MAX_WORDS = 50
#: a sentence boundary: end punctuation, optional closer, space, capital or opening quote
_BOUNDARY = re.compile(r"[.!?][”\"’)]?\s+(?=[“\"‘(]?[^\W\d_a-z])")
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Corp|Co|No|Vol|U\.S|Feb|Jan|Aug|Sept|Oct|Nov|Dec))\Z"
)
_PARENS = re.compile(r"\([^()\n]{0,120}\)")
_PIPES = "| "


def _sentences(body: str) -> int:
    """How many sentences *body* has (abbreviations such as ``Gov.`` do not end one)."""
    count = 1
    for m in _BOUNDARY.finditer(body):
        if not _ABBREV_END.search(body, 0, m.start()):
            count += 1
    return count


def _pick(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    trigger = compile_category("captions", extra, r"(?:{m})")
    start = compile_category("caption_start", extra, r"[\W_]{0,2}(?:{m})s?\s*[:|/]\s*\S")
    glued = compile_category("caption_glued", extra, r"[\w)”\"’]\.\s?(?:{m})\.?\Z")
    out: set[int] = set()
    for i, raw in enumerate(lines):
        if not raw or len(raw) > 450:
            continue
        line = raw.strip(_PIPES)
        if not line or word_count(line) > _MAX_WORDS or line.endswith((":", "?")):
            continue
        if start.match(line) and word_count(line) <= 30:
            out.add(i)  # "Photo: Jane Doe/Reuters"
            continue
        found = trigger.search(line) or glued.search(line)
        if not found:
            continue
        # a caption is one sentence (a credit may follow it); prose paragraphs are longer
        body = _PARENS.sub("", line)
        if _sentences(body) <= 1 or (
            _sentences(body) == 2 and word_count(line) <= 35 and found.start() > len(line) // 2
        ):
            out.add(i)
    return out


def find_captions(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop standalone caption lines: one sentence with a position or credit mark,
    ``… Lavrov (right) meets … on February 10.``, ``… (AP Photo/Evan Vucci)``, ``REUTERS/…``,
    ``Photo: …``, or a credit glued to the end (``… in New York.Reuters``).

    A sentence with ``(right)`` inside a paragraph of several sentences stays.
    """
    return drop_lines(text, _pick, extra)
