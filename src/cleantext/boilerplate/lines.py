"""Shared line helpers: splitting, line shapes and the line-deletion driver.

Most boilerplate rules decide, line by line, which whole lines to drop.  They are
written as *pickers*: ``picker(doc, arg) -> indices to drop``, where ``doc.lines`` is
the text split on ``\\n`` (blank lines included, as ``""``).  :func:`drop_lines`
runs a picker again on the lines that are left until it picks nothing more, so a
rule whose decision depends on its neighbours (a tail block, a marker and its
teasers) is idempotent on its own; then it turns the picked lines into edits.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from ..core import Edit, call_scratch
from .markers import LEAD_JUNK, line_key

__all__ = [
    "Doc",
    "Picker",
    "doc_for",
    "drop_lines",
    "ends_sentence",
    "is_headline",
    "is_teaser",
    "next_nonblank",
    "nonblank_after",
    "prev_nonblank",
    "word_count",
]

#: ``picker(doc, arg)`` returns the indices of the lines (of ``doc.lines``) to drop
Picker = Callable[["Doc", Any], set[int]]

_MAX_ROUNDS = 6
_NO_KEY = "\x00"
#: matches once at every newline: the first word of the line after it, or ""
_KEY_SCAN = re.compile(r"\n[" + re.escape(LEAD_JUNK) + r"]*([^\W\d_]+|\d)?")
#: no rule looks for a marker at the start of a line longer than this
MAX_MARKER_LINE = 600
#: what may close a sentence after its full stop: quotes of every language, brackets, spaces
_CLOSERS = "”\"’'»«“„›‹)] \u00a0"


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


class Doc:
    """The lines of a text with lazily built indexes, shared by every rule that reads it.

    ``keys`` maps each line's first word (:func:`~.markers.line_key`) to its line
    indices, so a rule visits only the lines that can start with one of its markers;
    :meth:`containing` finds lines holding a literal text with one C-level scan.
    """

    def __init__(self, lines: list[str], text: str | None = None) -> None:
        self.lines = lines
        self._text = text
        self._index: dict[str | None, list[int]] | None = None
        self._starts: list[int] | None = None
        self._low: str | None = None
        self._low_lines: list[str] | None = None
        self._keys: dict[int, str | None] = {}

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.lines)
        return self._text

    @property
    def starts(self) -> list[int]:
        """Offset of each line in :attr:`text`."""
        if self._starts is None:
            # start of line i = the lengths of the lines before it + i newlines (all in C)
            lines = self.lines
            self._starts = list(
                map(operator.add, itertools.accumulate(map(len, lines), initial=0), range(len(lines)))
            )
        return self._starts

    def without(self, drop: set[int]) -> Doc:
        """The document without the lines *drop*, its first-word index carried over."""
        keep = [i for i in range(len(self.lines)) if i not in drop]
        sub = Doc([self.lines[i] for i in keep])
        if self._index is not None:
            new_pos = {old: new for new, old in enumerate(keep)}
            index = {key: [new_pos[i] for i in rows if i in new_pos] for key, rows in self._index.items()}
            sub._index = {key: rows for key, rows in index.items() if rows}  # as a fresh index would be
            sub._keys = {new_pos[i]: key for i, key in self._keys.items() if i in new_pos}
        return sub

    @property
    def index(self) -> dict[str | None, list[int]]:
        """First word (:func:`~.markers.line_key`) -> indices of the lines (up to 600 characters)."""
        if self._index is None:
            index: dict[str | None, list[int]] = {}
            keys: dict[int, str | None] = {}
            # one scan of the text gives the first word of every line ("" for a blank line or
            # an unusual first character: those get line_key())
            words = _KEY_SCAN.findall("\n" + self.text)
            # lower-cased in one call (a first word holds no newline, lower() adds none)
            lowered = "\n".join(words).lower().split("\n")
            for i, (line, word) in enumerate(zip(self.lines, lowered, strict=True)):
                if line and len(line) <= MAX_MARKER_LINE:
                    key = ("#" if word[0].isdigit() else word) if word else line_key(line)
                    keys[i] = key
                    rows = index.get(key)
                    if rows is None:
                        index[key] = [i]
                    else:
                        rows.append(i)
            self._index = index
            self._keys = keys
        return self._index

    def key(self, i: int) -> str | None:
        """The first word of line *i* (as :func:`~.markers.line_key`)."""
        if self._index is None:
            self.index  # noqa: B018 - builds the index and the keys
        found = self._keys.get(i, _NO_KEY)
        return line_key(self.lines[i]) if found is _NO_KEY else found

    def with_keys(self, keys: frozenset[str]) -> set[int]:
        """Indices of the lines whose first word is in *keys*."""
        out: set[int] = set()
        index = self.index
        # a C-level intersection that walks the document's few first words, not all of *keys*
        for key in keys.intersection(index):
            out.update(index[key])
        return out

    def starting_with(self, firsts: str) -> list[int]:
        """Indices of the lines whose first character is one of *firsts*, in order (one C scan)."""
        text = self.text
        found = [m.start() + 1 for m in _starting_with(firsts).finditer(text)]
        if not found:
            return [0] if text[:1] and text[0] in firsts else []
        starts = self.starts
        out = [bisect.bisect_left(starts, pos) for pos in found]  # pos is a line start
        return [0, *out] if text[0] in firsts else out

    def containing(self, hints: Sequence[str]) -> set[int]:
        """Indices of the lines that contain one of *hints* (lower case), case-insensitively."""
        out: set[int] = set()
        if not hints:
            return out
        text = self.text
        if self._low is None:
            self._low = text.lower()
        low = self._low
        if len(low) != len(text):  # lower() changed lengths: offsets would not line up
            if self._low_lines is None:
                self._low_lines = [line.lower() for line in self.lines]
            return {i for i, line in enumerate(self._low_lines) if any(h in line for h in hints)}
        starts = self.starts
        ascii_text = text.isascii()
        seen: dict[str, bool] = {}  # first non-ASCII letter of a hint -> present in the text
        for hint, foreign in _foreign_first(tuple(hints)):
            if foreign:
                if ascii_text:
                    continue
                present = seen.get(foreign)
                if present is None:
                    present = seen[foreign] = foreign in low  # the Korean hints share one scan
                if not present:
                    continue
            pos = low.find(hint)
            while pos >= 0:
                i = bisect.bisect_right(starts, pos) - 1
                out.add(i)
                nxt = starts[i + 1] if i + 1 < len(starts) else len(low)
                pos = low.find(hint, max(nxt, pos + 1))
        return out


@lru_cache(maxsize=64)
def _foreign_first(hints: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each hint with its first non-ASCII character ("" for an ASCII hint)."""
    return tuple((hint, next((c for c in hint if not c.isascii()), "")) for hint in hints)


@lru_cache(maxsize=32)
def _starting_with(firsts: str) -> re.Pattern[str]:
    return re.compile("\n[" + re.escape(firsts) + "]")


#: key of this module's entry in the call scratch (``cleantext.core.call_scratch``): the
#: last few documents of the call, by text.  The rules of one pass share one Doc, and the
#: text a rule leaves behind comes with the index carried over from the text it was given.
_DOCS_KEY = "boilerplate.lines.docs"
_DOCS_KEPT = 4


def _docs() -> dict[str, Doc] | None:
    scratch = call_scratch()
    return None if scratch is None else scratch.setdefault(_DOCS_KEY, {})


def doc_for(text: str) -> Doc:
    """The shared :class:`Doc` of *text* within the cleaning call under way (else a new one)."""
    docs = _docs()
    doc = None if docs is None else docs.get(text)
    if doc is None:
        doc = Doc(text.split("\n"), text)
        _remember(doc)
    return doc


def _remember(doc: Doc) -> None:
    docs = _docs()
    if docs is None:
        return
    if len(docs) >= _DOCS_KEPT:
        docs.clear()
    docs[doc.text] = doc


def drop_lines(text: str, picker: Picker, arg: Any = None, *, local: bool = False) -> list[Edit]:
    """Run *picker* to a fixpoint on the lines of *text*; return edits deleting the picked lines.

    ``local=True`` declares that the picker decides each line from that line alone (no
    neighbours, no position): then one round is the fixpoint.

    >>> drop_lines("a\\nB\\nc", lambda doc, _: {i for i, s in enumerate(doc.lines) if s == "B"})
    [(2, 4, '')]
    """
    if not text:
        return []
    doc = doc_for(text)
    lines = doc.lines
    hits = picker(doc, arg)
    if not hits:
        return []
    alive = list(range(len(lines)))
    dropped: set[int] = set()
    if local:
        # a *local* picker judges each line on its own text only: a line it left stays left
        # once others go, so a second round (a full rescan) would pick nothing
        dropped.update(j for j in hits if 0 <= j < len(alive))
        doc = doc.without(hits)
    for _ in range(0 if local else _MAX_ROUNDS):
        doc = doc.without(hits)
        dropped.update(alive[j] for j in hits if 0 <= j < len(alive))
        alive = [i for i in alive if i not in dropped]
        hits = picker(doc, arg)
        if not hits:
            break
    if not dropped:
        return []
    if doc._index is not None:
        # the next rule most likely gets "\n".join of the lines left: hand it this Doc, whose
        # index is already carried over (an edge case at the end makes the texts differ: no hit)
        _remember(doc)
    edits: list[Edit] = []
    pos = 0
    n = len(text)
    last_kept = -1  # end offset of the last non-blank line that stays
    for i, line in enumerate(lines):
        end = pos + len(line)
        if i in dropped:
            edits.append((pos, min(end + 1, n), ""))
        elif line:
            last_kept = end
        pos = end + 1
    if text[-1] != "\n" and len(lines) - 1 in dropped:
        # the text ends with a dropped line and no newline: the result must not gain one,
        # so the newlines before the dropped tail go too ("Para.\n\nShare this:" -> "Para.")
        tail = max(last_kept, 0)
        edits = [e for e in edits if e[0] < tail]
        edits.append((tail, n, ""))
    return edits
