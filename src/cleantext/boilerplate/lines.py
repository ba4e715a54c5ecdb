"""Shared line helpers: splitting, line shapes and the line-deletion driver.

Most boilerplate rules decide, line by line, which whole lines to drop.  They are
written as *pickers*: ``picker(lines, arg) -> indices to drop``, where ``lines`` is
the text split on ``\\n`` (blank lines included, as ``""``).  :func:`drop_lines`
runs a picker again on the lines that are left until it picks nothing more, so a
rule whose decision depends on its neighbours (a tail block, a marker and its
teasers) is idempotent on its own; then it turns the picked lines into edits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..core import Edit

__all__ = [
    "Picker",
    "drop_lines",
    "ends_sentence",
    "is_headline",
    "is_teaser",
    "next_nonblank",
    "nonblank_after",
    "prev_nonblank",
    "word_count",
]

T = TypeVar("T")
#: ``picker(lines, arg)`` returns the indices of the lines to drop
Picker = Callable[[Sequence[str], Any], set[int]]

_MAX_ROUNDS = 6
_CLOSERS = "”\"’'»)]"


def word_count(line: str) -> int:
    """Words in a normalized line (single spaces).

    >>> word_count("Read more: a b"), word_count("")
    (4, 0)
    """
    return line.count(" ") + 1 if line else 0


def is_teaser(line: str) -> bool:
    """True for a line cut off with an ellipsis (a teaser).

    >>> is_teaser("The Council has been expanded to …"), is_teaser("Done.")
    (True, False)
    """
    end = line.rstrip(_CLOSERS + " ")
    return end.endswith(("…", "...", "[…]", "[...]"))


def ends_sentence(line: str) -> bool:
    """True when a line ends like prose: ``.``, ``!`` or ``?`` (before closing quotes), no ellipsis.

    >>> ends_sentence("He left."), ends_sentence("“He left,” she said."), ends_sentence("Read more …")
    (True, True, False)
    """
    end = line.rstrip(_CLOSERS)
    return end.endswith((".", "!", "?", "。", "！", "？")) and not is_teaser(line)


_TAG_END = re.compile(r"\[[A-Z][A-Z ]{1,20}\]\W{0,2}\Z")
_BULLET = ("- ", "• ", "* ", "· ", "– ", "— ", "► ", "▶ ", "» ", "> ")


def is_headline(line: str, max_words: int = 20) -> bool:
    """True for a line shaped like a linked headline or teaser, not like article prose.

    A headline: a short line not ending like a sentence (questions allowed when short),
    or one tagged ``[VIDEO]``; a teaser: a line cut off with an ellipsis; a bullet item.

    >>> is_headline("Atlas Institute Board of Directors Expands")
    True
    >>> is_headline("Plane passengers quarantined after outbreak [NEWS]")
    True
    >>> is_headline("The minister said the talks would resume on Monday.")
    False
    """
    if not line:
        return False
    words = word_count(line)
    if line.startswith(_BULLET):
        return words <= 40
    if is_teaser(line):
        return words <= 60
    if _TAG_END.search(line):
        return words <= 30
    if words > max_words or len(line) > 200:
        return False
    end = line.rstrip(_CLOSERS)
    if end.endswith("?"):
        return words <= 14
    return not end.endswith((".", "!", ":", ";", ",", "。"))


def next_nonblank(lines: Sequence[str], i: int) -> int:
    """Index of the first non-blank line after *i*, or ``len(lines)``."""
    n = len(lines)
    j = i + 1
    while j < n and not lines[j]:
        j += 1
    return j


def prev_nonblank(lines: Sequence[str], i: int) -> int:
    """Index of the last non-blank line before *i*, or ``-1``."""
    j = i - 1
    while j >= 0 and not lines[j]:
        j -= 1
    return j


def nonblank_after(lines: Sequence[str], i: int, limit: int) -> int:
    """How many non-blank lines follow line *i*, counting at most ``limit + 1``."""
    count = 0
    for line in lines[i + 1 :]:
        if line:
            count += 1
            if count > limit:
                break
    return count


def drop_lines(text: str, picker: Picker, arg: Any = None) -> list[Edit]:
    """Run *picker* to a fixpoint on the lines of *text*; return edits deleting the picked lines.

    >>> drop_lines("a\\nB\\nc", lambda lines, _: {i for i, s in enumerate(lines) if s == "B"})
    [(2, 4, '')]
    """
    if not text:
        return []
    lines = text.split("\n")
    alive = list(range(len(lines)))
    dropped: set[int] = set()
    for _ in range(_MAX_ROUNDS):
        view = [lines[i] for i in alive] if dropped else lines
        hits = picker(view, arg)
        if not hits:
            break
        dropped.update(alive[j] for j in hits if 0 <= j < len(alive))
        alive = [i for i in alive if i not in dropped]
    if not dropped:
        return []
    edits: list[Edit] = []
    pos = 0
    n = len(text)
    for i, line in enumerate(lines):
        end = pos + len(line)
        if i in dropped:
            edits.append((pos, min(end + 1, n), ""))
        pos = end + 1
    return edits
