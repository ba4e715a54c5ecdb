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
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from .. import needles
from ..core import Edit, call_scratch, call_utf8
from .markers import lazy_pattern, line_key

__all__ = [
    "Doc",
    "Picker",
    "Settled",
    "doc_for",
    "drop_lines",
    "ends_sentence",
    "hint_cover",
    "is_headline",
    "is_teaser",
    "known_clean",
    "needle_forms",
    "next_nonblank",
    "prev_nonblank",
    "word_count",
]

#: ``picker(doc, arg)`` returns the indices of the lines (of ``doc.lines``) to drop
Picker = Callable[["Doc", Any], set[int]]

_MAX_ROUNDS = 6
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


_TAG_END = lazy_pattern(globals(), "_TAG_END", r"\[[A-Z][A-Z ]{1,20}\]\W{0,2}\Z")
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


class Doc:
    """The lines of a text with lazily built indexes, shared by every rule that reads it.

    Each line is filed under its first word (:func:`~.markers.line_key`), found for all
    lines at once by one C-level scan, so a rule visits only the lines that can start
    with one of its markers; :meth:`containing` finds lines holding a literal text with
    one C-level scan per hint.
    """

    def __init__(self, lines: list[str], text: str | None = None) -> None:
        self.lines = lines
        self._text = text
        self._words: list[str] | None = None  # per line: its first word, "" if none or blank
        self._wordset: set[str] | None = None
        self._first: set[str] | None = None
        self._odd: dict[int, str | None] = {}  # non-blank lines the scan found no word in
        self._by_word: dict[str, list[int]] | None = None  # first word -> its short lines
        self._starts: list[int] | None = None
        self._low: str | None = None
        self._low_lines: list[str] | None = None
        self._ulow: bytes | None = None  # the UTF-8 with ASCII letters in lower case
        self._absent: set[str] = set()  # needles the lower-case text is known not to hold
        self._found: needles.Found | None = None  # one pass for the registered ASCII needles
        self._odd_case: bool | None = None
        #: tokens of the rules that found nothing here (see :func:`known_clean`)
        self.clean: set[Hashable] = set()

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.lines)
        return self._text

    def is_text(self, text: str) -> bool:
        """Whether *text* is this Doc's text (then the Doc keeps that very object)."""
        known = self._text
        if known is text:
            return True
        lines = self.lines
        if known is None:
            # the lengths first: a Doc made by dropping lines has its text joined only when asked
            if len(text) != sum(map(len, lines)) + max(len(lines) - 1, 0):
                return False
            known = self.text
        if len(known) != len(text) or known != text:
            return False
        self._text = text  # the object the next rules will be given
        return True

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

    @property
    def low(self) -> str:
        """:attr:`text` in lower case."""
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    @property
    def ulow(self) -> bytes:
        """The UTF-8 of :attr:`text` with its ASCII letters in lower case (a byte-level pass,
        several times faster than ``str.lower``); lines are split by the same newlines."""
        if self._ulow is None:
            self._ulow = call_utf8(self.text).lower()
        return self._ulow

    def without(self, drop: set[int]) -> Doc:
        """The document without the lines *drop*, its first words and lower case carried over."""
        n = len(self.lines)
        keep = [True] * n
        for i in drop:
            if 0 <= i < n:
                keep[i] = False
        sub = Doc(list(itertools.compress(self.lines, keep)))
        sub.clean = set(self.clean)  # a rule that finds nothing on any line finds nothing on fewer
        if self._words is not None:
            sub._words = list(itertools.compress(self._words, keep))
            if self._odd:
                gone = sorted(i for i in drop if 0 <= i < n)
                sub._odd = {i - bisect.bisect_left(gone, i): key for i, key in self._odd.items() if keep[i]}
        if self._low is not None and len(self._low) == len(self.text):
            # lower() works line by line (a newline ends every case context), so the kept
            # lines of the lower-case text are the lower case of the kept lines
            sub._low = "\n".join(itertools.compress(self._low.split("\n"), keep))
        if self._ulow is not None:
            sub._ulow = b"\n".join(itertools.compress(self._ulow.split(b"\n"), keep))
        sub._absent = set(self._absent)  # fewer lines hold no more needles
        if self._odd_case is False:
            sub._odd_case = False
        return sub

    def _scan(self) -> list[str]:
        words = self._words
        if words is None and not self.lines:  # every line dropped
            words = self._words = []
        if words is None:
            text = self.text
            scan, one_digit = _scans()
            # one match at every newline: the line's first word ("" for none); lower-cased and
            # digits made "#" on the short joined string
            joined = "\n".join(scan.findall("\n" + text)).lower()
            words = self._words = one_digit.sub("#", joined).split("\n")
            self._wordset = set(words)
            if words.count("") != self.lines.count(""):
                # a non-blank line with no word where the scan looked ("_x", "* * *"): line_key
                starts = self.starts
                for m in _no_word().finditer(text):
                    i = bisect.bisect_right(starts, m.start()) - 1
                    self._odd[i] = line_key(self.lines[i])
        return words

    def rows(self, key: str) -> list[int]:
        """Indices of the lines (up to 600 characters) whose first word is *key*, in order."""
        by_word = self._by_word
        if by_word is None:
            by_word = self._by_word = _short_rows(self._scan(), self.lines)
            if self._odd:  # the lines the scan found no word in, filed under line_key
                for i, k in self._odd.items():
                    if k is not None and _short(self.lines[i]):
                        by_word.setdefault(k, []).append(i)
                for found in by_word.values():
                    found.sort()
        return by_word.get(key, _NO_ROWS)

    @property
    def wordset(self) -> set[str]:
        """The first words of the lines (``""`` stands for blank lines and lines without one)."""
        wordset = self._wordset
        if wordset is None:
            wordset = self._wordset = set(self._scan())
        return wordset

    def first_words(self) -> set[str]:
        """The first words of the lines up to 600 characters (a superset: check :meth:`rows`)."""
        if self._first is None:
            self._scan()
            out = self.wordset - {""}
            out.update(k for k in self._odd.values() if k is not None)
            self._first = out
        return self._first

    @property
    def index(self) -> dict[str | None, list[int]]:
        """First word (:func:`~.markers.line_key`) -> indices of the lines (up to 600 characters)."""
        index: dict[str | None, list[int]] = {}
        words = self._scan()
        for i, (line, word) in enumerate(zip(self.lines, words, strict=True)):
            if line and len(line) <= MAX_MARKER_LINE:
                index.setdefault(self._odd.get(i, word), []).append(i)
        return index

    def key(self, i: int) -> str | None:
        """The first word of line *i* (as :func:`~.markers.line_key`)."""
        words = self._words
        word = (self._scan() if words is None else words)[i]
        if word:
            return word
        return self._odd.get(i) if self.lines[i] else None

    def has_key(self, keys: frozenset[str]) -> bool:
        """True when some line (of any length) may start with one of *keys*."""
        wordset = self._wordset
        if not keys.isdisjoint(self.wordset if wordset is None else wordset):
            return True
        return bool(self._odd) and any(key in keys for key in self._odd.values())

    def with_keys(self, keys: frozenset[str]) -> set[int]:
        """Indices of the lines whose first word is in *keys*."""
        out: set[int] = set()
        # a C-level intersection that walks the document's few first words, not all of *keys*
        for key in keys.intersection(self.wordset):
            if key:
                out.update(self.rows(key))
        if self._odd:
            lines = self.lines
            out.update(i for i, key in self._odd.items() if key in keys and _short(lines[i]))
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
        ulow = None if self.odd_case else self.ulow  # no ASCII shortcut when İ or Kelvin is about
        plan = _cover_plan(tuple(hints))
        entries: Sequence[_Entry] = plan.entries
        if ulow is not None and plan.ascii:
            # the ASCII needles the pass did not settle absent, by set operations (most are absent)
            seen = self._needle_pass(ulow)
            live = plan.ascii.intersection(seen[0])
            if not plan.ascii <= seen[1]:
                live |= plan.ascii - seen[1]
            entries = [*plan.others, *map(plan.ascii_entry.__getitem__, live)] if live else plan.others
        for needle, bneedle, forms, group in entries:
            if not self._holds(needle, bneedle, forms, ulow):
                continue
            for hint, bhint in group:
                if bhint is not None and ulow is not None:
                    _add_lines_holding_bytes(ulow, bhint, out)
                else:
                    self._add_holding(hint, out)
        return out

    def holds(self, needle: str) -> bool:
        """Whether the text in lower case holds *needle* (lower case); remembered for the Doc
        and the Docs made of some of its lines.

        An ASCII needle is looked for in :attr:`ulow`; one with another letter only where the
        text holds a form whose lower case is that letter (:func:`needle_forms`).
        """
        if needle.isascii() and not self.odd_case:
            return self._holds(needle, needle.encode(), (), self.ulow)
        return self._holds(needle, None, needle_forms(needle), None)

    def _holds(self, needle: str, bneedle: bytes | None, forms: tuple[str, ...], ulow: bytes | None) -> bool:
        """:meth:`holds`, given the needle's UTF-8 (``None`` unless ASCII), the forms of its
        first letter outside ASCII, and :attr:`ulow` (``None`` when it may not be used)."""
        absent = self._absent
        if needle in absent:
            return False
        if bneedle is not None and ulow is not None:
            seen = self._needle_pass(ulow)
            if bneedle in seen[1]:
                found = bneedle in seen[0]
            else:
                found = bneedle in ulow
                needles.register(bneedle)  # settled by the next document's pass
        else:
            found = (not forms or any(map(self.text.__contains__, forms))) and needle in self.low
        if not found:
            absent.add(needle)
        return found

    def _needle_pass(self, ulow: bytes) -> needles.Found:
        """The registered needles :attr:`ulow` holds, and those that settles (one pass, kept)."""
        seen = self._found
        if seen is None:
            seen = self._found = needles.scan(ulow)
        return seen

    @property
    def odd_case(self) -> bool:
        """Whether the text holds ``İ`` or the Kelvin sign, the characters outside ASCII whose
        lower case holds an ASCII letter (then ASCII lower case is not enough)."""
        odd = self._odd_case
        if odd is None:
            text = self.text
            odd = self._odd_case = not text.isascii() and ("\u212a" in text or "\u0130" in text)
        return odd

    def _add_holding(self, hint: str, out: set[int]) -> None:
        """Add to *out* the lines whose lower case holds *hint*, through the lower-case text."""
        low = self.low
        if len(low) != len(self.text):  # lower() changed lengths: offsets would not line up
            if self._low_lines is None:
                self._low_lines = [line.lower() for line in self.lines]
            out.update(i for i, line in enumerate(self._low_lines) if hint in line)
            return
        _add_lines_holding(low, hint, self, out)

    def holding(self, char: str) -> set[int]:
        """Indices of the lines holding *char*, as it is (no case folding): one C-level find per line."""
        out: set[int] = set()
        _add_lines_holding(self.text, char, self, out)
        return out


def _add_lines_holding(haystack: str, needle: str, doc: Doc, out: set[int]) -> None:
    """Add to *out* the lines of *doc* where *needle* occurs in *haystack* (its text or ``low``)."""
    pos = haystack.find(needle)
    if pos < 0:
        return
    starts = doc.starts
    last = len(starts) - 1
    while pos >= 0:
        i = bisect.bisect_right(starts, pos) - 1
        out.add(i)
        pos = haystack.find(needle, max(starts[i + 1], pos + 1)) if i < last else -1


def _add_lines_holding_bytes(haystack: bytes, needle: bytes, out: set[int]) -> None:
    """Add to *out* the lines (split on ``\\n``) of *haystack* where *needle* (no newline) occurs."""
    pos = haystack.find(needle)
    line = counted = 0
    while pos >= 0:
        line += haystack.count(b"\n", counted, pos)
        counted = pos
        out.add(line)
        end = haystack.find(b"\n", pos)
        if end < 0:
            return
        pos = haystack.find(needle, end + 1)


#: characters whose lower case holds a letter they are not the upper or title case of:
#: ``İ`` -> ``i̇``, ``ϴ`` -> ``θ``, ``ẞ`` -> ``ß``, Ohm -> ``ω``, Kelvin -> ``k``, Angstrom -> ``å``
#: (a test checks this list against the Unicode data of the running Python)
ODD_CASE = "\u0130\u03f4\u1e9e\u2126\u212a\u212b"


@lru_cache(maxsize=256)
def needle_forms(needle: str) -> tuple[str, ...]:
    """What a text holds wherever its lower case holds *needle*: one of the forms of the first
    letter outside ASCII (none when the needle is ASCII).

    >>> needle_forms("réservés"), needle_forms("straße")
    (('É', 'é'), ('SS', 'Ss', 'ß', 'ẞ'))
    """
    letter = next((c for c in needle if not c.isascii()), None)
    if letter is None:
        return ()
    forms = {letter, letter.upper(), letter.title()}
    forms.update(c for c in ODD_CASE if letter in c.lower())
    return tuple(sorted(forms))


#: one needle of :func:`hint_cover` ready for :meth:`Doc.containing`: the needle, its UTF-8 when
#: it is ASCII (else ``None``), the forms of its first letter outside ASCII, and its hints with theirs
_Entry = tuple[str, bytes | None, tuple[str, ...], tuple[tuple[str, bytes | None], ...]]


class _Plan(NamedTuple):
    """:func:`hint_cover` ready for :meth:`Doc.containing`."""

    #: every needle, in cover order
    entries: tuple[_Entry, ...]
    #: the UTF-8 of the ASCII needles: set operations on the needle pass's answer leave only
    #: those it did not settle absent to look up
    ascii: frozenset[bytes]
    #: the entry of each ASCII needle, by its UTF-8
    ascii_entry: dict[bytes, _Entry]
    #: the needles outside ASCII (looked up every time)
    others: tuple[_Entry, ...]


@lru_cache(maxsize=128)
def _cover_plan(hints: tuple[str, ...]) -> _Plan:
    entries = tuple(
        (
            needle,
            needle.encode() if needle.isascii() else None,
            needle_forms(needle),
            tuple((h, h.encode() if h.isascii() and "\n" not in h else None) for h in group),
        )
        # with the needle pass, a hint is its own needle: a long hint is rare in text, and a
        # shared four-letter piece (" com", "you ") is common, which slows the pass down
        for needle, group in hint_cover(hints, pieces=not needles.available())
    )
    ascii_entry = {e[1]: e for e in entries if e[1] is not None}
    return _Plan(entries, frozenset(ascii_entry), ascii_entry, tuple(e for e in entries if e[1] is None))


#: needles standing for hints: ``((needle, hints holding it), ...)``
Cover = tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=128)
def hint_cover(hints: tuple[str, ...], *, pieces: bool = True) -> Cover:
    """A few needles standing for *hints*: every hint is filed under one needle it holds.

    A text without a needle holds none of its hints, so one scan per needle replaces one per
    hint: a non-ASCII letter shared by hints (one character: the fastest scan, and most texts
    lack it), a four-letter piece shared by ASCII hints (unless *pieces* is false), else the
    hint itself.

    >>> hint_cover(("무단 전재", "무단전재", "rights reserved", "reservados", "(c)"))
    (('무', ('무단 전재', '무단전재')), ('rese', ('rights reserved', 'reservados')), ('(c)', ('(c)',)))

    ``pieces=False`` shares no four-letter piece (with the needle pass of
    :mod:`cleantext.needles`, each hint is its own needle: a piece is common in text, a hint rare):

    >>> hint_cover(("rights reserved", "reservados"), pieces=False)
    (('rights reserved', ('rights reserved',)), ('reservados', ('reservados',)))
    """
    cover: list[tuple[str, tuple[str, ...]]] = []
    left = list(dict.fromkeys(hints))
    while left:
        letters = Counter(c for h in left for c in dict.fromkeys(h) if not c.isascii())
        if letters:
            needle = max(letters, key=letters.__getitem__)  # the first of the most shared
        else:
            shared = Counter(
                p for h in left for p in dict.fromkeys(h[k : k + 4] for k in range(len(h) - 3)) if pieces
            )
            needle = max(shared, key=shared.__getitem__) if shared else ""
            if not needle or shared[needle] < 2:
                cover.extend((h, (h,)) for h in left)
                break
        cover.append((needle, tuple(h for h in left if needle in h)))
        left = [h for h in left if needle not in h]
    return tuple(cover)


_NO_ROWS: list[int] = []  # shared: callers only read what rows() answers


def _short_rows(words: list[str], lines: list[str]) -> dict[str, list[int]]:
    """First word -> the indices of the lines up to ``MAX_MARKER_LINE`` characters it starts,
    in one pass over the lines."""
    out: dict[str, list[int]] = {}
    for i, (word, line) in enumerate(zip(words, lines, strict=True)):
        if word and len(line) <= MAX_MARKER_LINE:
            found = out.get(word)
            if found is None:
                out[word] = [i]
            else:
                found.append(i)
    return out


def _short(line: str) -> bool:
    return bool(line) and len(line) <= MAX_MARKER_LINE


@lru_cache(maxsize=1)
def _scans() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The line-index scans, compiled on first use."""
    return re.compile(r"\n[^\w\n]*(\d|[^\W\d_]+)?"), re.compile(r"^\d$", re.MULTILINE)


@lru_cache(maxsize=1)
def _no_word() -> re.Pattern[str]:
    """A non-blank line whose first word character (if any) is "_"."""
    return re.compile(r"^(?=[^\n])[^\w\n]*(?:_|$)", re.MULTILINE)


@lru_cache(maxsize=32)
def _starting_with(firsts: str) -> re.Pattern[str]:
    return re.compile("\n[" + re.escape(firsts) + "]")


#: key of this module's entry in the call scratch (``cleantext.core.call_scratch``): the
#: last few documents of the call, the latest first.  The rules of one pass share one Doc,
#: and the text a rule leaves behind comes with the index carried over from the text it was
#: given.  They are found by the text's identity or, failing that, its length and content
#: (a few memory compares; hashing every new text of a call cost more).
_DOCS_KEY = "boilerplate.lines.docs"
_DOCS_KEPT = 4


def _docs() -> list[Doc] | None:
    scratch = call_scratch()
    if scratch is None:
        return None
    docs: list[Doc] | None = scratch.get(_DOCS_KEY)
    if docs is None:
        docs = scratch[_DOCS_KEY] = []
    return docs


def doc_for(text: str) -> Doc:
    """The shared :class:`Doc` of *text* within the cleaning call under way (else a new one)."""
    docs = _docs()
    if docs is None:
        return Doc(text.split("\n"), text)
    if docs and docs[0]._text is text:
        return docs[0]  # the common case: the text the rule before was given or left
    for doc in docs:
        if doc.is_text(text):
            return doc
    doc = Doc(text.split("\n"), text)
    _keep(docs, doc)
    return doc


def _keep(docs: list[Doc], doc: Doc) -> None:
    docs.insert(0, doc)
    del docs[_DOCS_KEPT:]


def _remember(doc: Doc) -> None:
    docs = _docs()
    if docs is not None:
        _keep(docs, doc)


def known_clean(text: str, token: Hashable) -> bool:
    """True when the rule *token* found nothing in *text* or in a text it is lines of.

    Only for rules that judge each line by itself (or can only lose hits when lines go):
    they find nothing in a text whose lines are some of the lines of a text where they
    found nothing.  The answers live in the shared :class:`Doc` of the call under way
    (``token in doc.clean``; a rule adds its token when it finds nothing).
    """
    return token in doc_for(text).clean


class Settled(set[int]):
    """Lines a picker picked, with its word that another round would pick nothing more.

    ``mark``, when set, is a token that holds for the lines left: the rule finds nothing in
    them nor in any part of them, so it goes into their :class:`Doc`'s ``clean`` set.
    """

    mark: Hashable | None = None

    @classmethod
    def marked(cls, lines: set[int], mark: Hashable) -> Settled:
        """The picked *lines*, with the *mark* that holds for the lines left."""
        settled = cls(lines)
        settled.mark = mark
        return settled


def drop_lines(
    text: str, picker: Picker, arg: Any = None, *, local: bool = False, doc: Doc | None = None
) -> list[Edit]:
    """Run *picker* to a fixpoint on the lines of *text*; return edits deleting the picked lines.

    ``local=True`` declares that every line the picker picks hangs on a line it matches by
    that line's own text (the line itself, or a head or a count next to it): then one round
    is the fixpoint, and a text where it picks nothing keeps nothing to pick when lines go.
    A picker may also answer a :class:`Settled` set: no second round either.  *doc* is the
    shared :class:`Doc` of *text* when the caller already has it.

    >>> drop_lines("a\\nB\\nc", lambda doc, _: {i for i, s in enumerate(doc.lines) if s == "B"})
    [(2, 4, '')]
    """
    if not text:
        return []
    doc = origin = doc_for(text) if doc is None else doc
    if local and (picker, arg) in doc.clean:
        return []
    lines = doc.lines
    hits = picker(doc, arg)
    if not hits:
        if local:
            doc.clean.add((picker, arg))
        return []
    alive = list(range(len(lines)))
    dropped: set[int] = set()
    for _ in range(_MAX_ROUNDS):
        doc = doc.without(hits)
        dropped.update(alive[j] for j in hits if 0 <= j < len(alive))
        if local or isinstance(hits, Settled):
            # a second round (a full rescan) would pick nothing: a *local* picker's lines
            # stay unpicked once others go
            if isinstance(hits, Settled) and hits.mark is not None:
                doc.clean.add(hits.mark)
            break
        alive = [i for i in alive if i not in dropped]
        hits = picker(doc, arg)
        if not hits:
            break
    if not dropped:
        return []
    if doc._words is not None or doc.clean:
        # the next rule most likely gets "\n".join of the lines left: hand it this Doc, whose
        # index and clean marks are carried over (an edge case at the end makes the texts differ:
        # no hit)
        _remember(doc)
    n = len(text)
    starts = origin.starts
    edits: list[Edit] = [(starts[i], min(starts[i] + len(lines[i]) + 1, n), "") for i in sorted(dropped)]
    if text[-1] != "\n" and len(lines) - 1 in dropped:
        # the text ends with a dropped line and no newline: the result must not gain one,
        # so the newlines before the dropped tail go too ("Para.\n\nShare this:" -> "Para.")
        k = len(lines) - 1
        while k >= 0 and (k in dropped or not lines[k]):
            k -= 1
        tail = starts[k] + len(lines[k]) if k >= 0 else 0  # the end of the last line that stays
        edits = [e for e in edits if e[0] < tail]
        edits.append((tail, n, ""))
    return edits
