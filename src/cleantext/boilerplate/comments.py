"""``boilerplate.comments``: reader-comment blocks and comment-widget lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines, next_nonblank, word_count
from .markers import compile_category

__all__ = ["find_comments"]

#: "Jane Doe says:" / "Max schreibt:" - the header of one reader comment
_SAYS = re.compile(
    r"[^\W\d_][\w .'’-]{0,48} "
    r"(?:says|said|wrote|dice|dijo|écrit|a écrit|schreibt|sagt|disse|diz|scrive|пишет|говорит)\s*:?\Z",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\d{1,6}\Z")
#: a block header never counts in the first part of a document (share of its characters);
#: one without a closing line must be in the last part
_HEAD_SHARE = 0.15
_TAIL_SHARE = 0.4


def _is_line(pattern: re.Pattern[str], line: str, limit: int) -> bool:
    return bool(line) and len(line) <= limit and pattern.match(line) is not None


def _pick(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    widget = compile_category("comments", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")
    header = compile_category("comments_block", extra, r"[\W_]{0,3}(?:{m})\s*\Z")
    end = compile_category("comments_end", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")
    out: set[int] = set()
    total = sum(len(line) for line in lines) or 1
    seen = 0
    says_at: list[int] = []
    block_from = -1
    for i, line in enumerate(lines):
        offset, seen = seen, seen + len(line)
        if not line:
            continue
        if _is_line(widget, line, 300):
            out.add(i)
            j = next_nonblank(lines, i)
            if j < len(lines) and _COUNT.match(lines[j]):
                out.add(j)  # "Комментарии" / "224"
            continue
        if block_from < 0 and offset >= _HEAD_SHARE * total:
            if word_count(line) <= 40 and _is_line(header, line, 400):
                block_from = i
            elif word_count(line) <= 6 and offset >= _TAIL_SHARE * total and _SAYS.match(line):
                says_at.append(i)
    if block_from < 0 and len(says_at) >= 2:
        block_from = says_at[0]
    if block_from < 0:
        return out
    stop = -1
    for k in range(block_from + 1, len(lines)):
        if _is_line(end, lines[k], 200):
            stop = k + 1
            break
    if stop < 0:
        # an open block runs to the end: only a counted header ("10 thoughts on …") or a
        # header in the last part of the document may take everything after it
        counted = lines[block_from].lstrip("[( ")[:1].isdigit()
        start_share = sum(len(line) for line in lines[:block_from]) / total
        if not counted and start_share < _TAIL_SHARE:
            return out
        stop = len(lines)
    out.update(range(block_from, stop))
    return out


def find_comments(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop comment widgets (``Leave a Reply``, ``0 Comments``, ``You must log in to post a comment.``)
    and reader-comment blocks.

    A block starts at a header past the first 15 % of the document (``10 thoughts on “…”``,
    ``Top Rated Comments``, or two ``Name says:`` lines) and runs to its closing line
    (``Comments are closed.``, ``[ Read All Comments ]``, ``Leave a Reply``); without one it
    runs to the end, but then the header must be counted (``10 thoughts on``) or sit in the
    last 60 %.
    """
    return drop_lines(text, _pick, extra)
