"""``translation.place-names``: old spellings of place names -> the official ones.

The table (``data/place_names.json``) holds Ukraine's official romanization (Cabinet
of Ministers resolution No. 55 of 2010) with its sources: ``Kiev`` -> ``Kyiv``,
``Kharkov`` -> ``Kharkiv``, ``Odessa`` -> ``Odesa`` ...  Exceptions are data too:
``chicken Kiev``, ``Kievan Rus`` (a different word), ``Kiev-class``, ``Odessa, Texas``,
``Dynamo Kiev`` in a paragraph about the years up to 1991, ``Chernobyl disaster``.

Modes (``Config.place_names_mode``): ``auto`` rewrites a country's names only in a
document about that country (``Ukraine``/``Ukrainian`` twice or more) or that already
uses one of its new spellings; ``always``; ``never``.  ``Config.place_names`` adds
``(old, new)`` pairs, applied in ``auto`` mode when the document uses one of the new
spellings of those pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, AnyStr

from .._record import Frozen
from ..core import Edit, call_utf8, utf8
from ..needles import NeedleSet
from ..settle import settle
from ._data import contains_word, load
from .context import LineSpans

if TYPE_CHECKING:
    from .language import EnglishGate

__all__ = ["PlaceGroup", "PlaceName", "PlaceNames", "PlaceTable", "default_table", "find_place_names"]

_LAST_YEAR_HISTORICAL = 1991


class _Context:
    """The patterns that look around a match, and a word set (built on first use)."""

    __slots__ = ("not_a_first_name", "spaces", "title_or_name_before", "year")

    def __init__(self) -> None:
        self.spaces = re.compile(r"\s+")
        self.year = re.compile(r"(?<!\d)(1[0-9]{3})(?!\d)")
        self.title_or_name_before = re.compile(
            r"(?:\b(Mr|Mrs|Ms|Dr|Gen|Prof|Col|Sgt|Lt|Capt)\.|\b([A-Z][a-z]+)) \Z"
        )
        # capitalised words that can precede a place name without being a first name
        self.not_a_first_name = frozenset(load("translation_english.json")["not_a_first_name"])


@lru_cache(maxsize=1)
def _context() -> _Context:
    return _Context()


class PlaceName(Frozen):
    """One renaming with its exceptions (see ``data/place_names.json``)."""

    __slots__ = (
        "historical",
        "keep_after",
        "keep_before",
        "keep_before_historical",
        "keep_if_document_mentions",
        "new",
        "old",
        "only_if_new_present",
        "surname",
    )
    old: tuple[str, ...]
    new: str
    keep_before: tuple[str, ...]
    keep_after: tuple[str, ...]
    keep_before_historical: tuple[str, ...]
    historical: bool
    surname: bool
    only_if_new_present: bool
    keep_if_document_mentions: tuple[str, ...]

    def __init__(
        self,
        old: tuple[str, ...],
        new: str,
        *,
        keep_before: tuple[str, ...] = (),
        keep_after: tuple[str, ...] = (),
        keep_before_historical: tuple[str, ...] = (),
        historical: bool = False,
        surname: bool = False,
        only_if_new_present: bool = False,
        keep_if_document_mentions: tuple[str, ...] = (),
    ) -> None:
        self._set(
            old=old,
            new=new,
            keep_before=keep_before,
            keep_after=keep_after,
            keep_before_historical=keep_before_historical,
            historical=historical,
            surname=surname,
            only_if_new_present=only_if_new_present,
            keep_if_document_mentions=keep_if_document_mentions,
        )

    def with_old(self, old: tuple[str, ...]) -> PlaceName:
        """The same entry for other old spellings."""
        return self._replace(old=old)

    def __repr__(self) -> str:
        return f"PlaceName({self.old!r}, {self.new!r})"


class PlaceGroup:
    """One country's (or one user's) table."""

    __slots__ = ("name", "names", "sources", "topic", "topic_min")

    def __init__(
        self,
        name: str,
        names: tuple[PlaceName, ...],
        topic: tuple[str, ...] = (),
        topic_min: int = 2,
        sources: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.names = names
        self.topic = topic
        self.topic_min = topic_min
        self.sources = sources

    def __repr__(self) -> str:
        return f"PlaceGroup({self.name!r}, {len(self.names)} names)"


class PlaceTable:
    """Every group, and when to apply them; the pattern is compiled on first use."""

    __slots__ = ("_pattern", "_scan", "groups", "mode", "spellings")

    def __init__(self, groups: tuple[PlaceGroup, ...], mode: str = "auto", *, check: bool = True) -> None:
        olds = [o for g in groups for n in g.names for o in n.old]
        if check:  # the built-in groups alone are checked by the tests
            _check(groups, olds)
        self.groups = groups
        self.mode = mode
        #: cheap pre-check: every spelling the pattern matches, found in one pass (most texts
        #: hold none)
        self.spellings = NeedleSet(sorted({utf8(s) for o in olds for s in (o, o.upper())}))
        self._pattern: tuple[re.Pattern[str], dict[str, tuple[int, PlaceName]]] | None = None
        self._scan: tuple[_ByteScan | None] | None = None

    def __call__(self, text: str) -> list[Edit]:
        return find_place_names(self, text)

    def byte_scan(self) -> _ByteScan | None:
        """The fast scan for the old spellings (built once), or ``None`` when one of them
        is not ASCII."""
        built = self._scan
        if built is None:
            pattern, lookup = self.compiled()
            built = self._scan = (_ByteScan.build(pattern, lookup),)
        return built[0]

    def compiled(self) -> tuple[re.Pattern[str], dict[str, tuple[int, PlaceName]]]:
        """The pattern of every old spelling, and each one's group and entry (built once)."""
        compiled = self._pattern
        if compiled is None:
            compiled = self._pattern = _compile(self)
        return compiled

    def __reduce__(self) -> tuple[type[PlaceTable], tuple[tuple[PlaceGroup, ...], str]]:
        return (PlaceTable, (self.groups, self.mode))


class PlaceNames:
    """The ``translation.place-names`` finder: the built-in groups with the user's pairs, its
    edits run to a fixpoint (:func:`~cleantext.settle.settle`).

    Only the user's pairs and the mode are kept here; the table is loaded and built the
    first time the rule runs, so building the rules costs nothing.  Pickles as its pairs.
    """

    __slots__ = ("_table", "extra", "mode")

    def __init__(self, extra: tuple[tuple[str, str], ...] = (), mode: str = "auto") -> None:
        self.extra = extra
        self.mode = mode
        self._table: PlaceTable | None = None

    def table(self) -> PlaceTable:
        """The table (built on first use; raises ``ValueError`` for a bad user pair)."""
        table = self._table
        if table is None:
            table = self._table = default_table(self.extra, self.mode)
        return table

    def __call__(self, text: str) -> list[Edit]:
        if self.mode == "never":
            return []
        return settle(partial(find_place_names, self._table or self.table()), text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlaceNames) and (other.extra, other.mode) == (self.extra, self.mode)

    def __hash__(self) -> int:
        return hash((self.extra, self.mode))

    def __repr__(self) -> str:
        return f"PlaceNames({self.extra!r}, {self.mode!r})"

    def __reduce__(self) -> tuple[type[PlaceNames], tuple[tuple[tuple[str, str], ...], str]]:
        return (PlaceNames, (self.extra, self.mode))


def _check(groups: tuple[PlaceGroup, ...], olds: list[str]) -> None:
    """Raise ``ValueError`` for an old spelling listed twice or a new one that contains one."""
    if len(olds) != len(set(olds)):
        raise ValueError("a place name is listed twice as an old spelling")
    for g in groups:
        for n in g.names:
            for o in olds:
                if o in n.new and contains_word(n.new, o, hyphen_after=False):
                    raise ValueError(f"the new spelling {n.new!r} contains the old spelling {o!r}")


def _name(entry: dict[str, Any]) -> PlaceName:
    return PlaceName(
        old=tuple(entry["old"]),
        new=entry["new"],
        keep_before=tuple(s.lower() for s in entry.get("keep_before", ())),
        keep_after=tuple(s.lower() for s in entry.get("keep_after", ())),
        keep_before_historical=tuple(s.lower() for s in entry.get("keep_before_historical", ())),
        historical=bool(entry.get("historical", False)),
        surname=bool(entry.get("surname", False)),
        only_if_new_present=bool(entry.get("only_if_new_present", False)),
        keep_if_document_mentions=tuple(entry.get("keep_if_document_mentions", ())),
    )


@lru_cache(maxsize=1)
def builtin_groups() -> tuple[PlaceGroup, ...]:
    """The groups shipped in ``data/place_names.json``."""
    return tuple(
        PlaceGroup(
            name=g["country"],
            names=tuple(_name(e) for e in g["names"]),
            topic=tuple(g.get("topic", ())),
            topic_min=int(g.get("topic_min", 2)),
            sources=tuple(g.get("sources", ())),
        )
        for g in load("place_names.json")["groups"]
    )


@lru_cache(maxsize=8)
def default_table(extra: tuple[tuple[str, str], ...] = (), mode: str = "auto") -> PlaceTable:
    """The built-in groups plus a ``user`` group made of *extra* ``(old, new)`` pairs.

    A user pair overrides any built-in entry that has the same old spelling or whose
    new spelling is the user's old one (so the two tables never undo each other).
    """
    user_old = {old for old, _ in extra}
    groups: list[PlaceGroup] = []
    for g in builtin_groups():
        names = []
        for n in g.names:
            if n.new in user_old:
                continue
            kept = tuple(o for o in n.old if o not in user_old)
            if kept:
                names.append(n if kept == n.old else n.with_old(kept))
        groups.append(PlaceGroup(g.name, tuple(names), g.topic, g.topic_min, g.sources))
    if extra:
        user = tuple(PlaceName(old=(old,), new=new) for old, new in dict(extra).items())
        groups.append(PlaceGroup("user", user, topic=(), topic_min=1))
    return PlaceTable(tuple(groups), mode, check=bool(extra))


def _compile(table: PlaceTable) -> tuple[re.Pattern[str], dict[str, tuple[int, PlaceName]]]:
    from ._trie import trie_pattern

    lookup: dict[str, tuple[int, PlaceName]] = {}
    for gi, g in enumerate(table.groups):
        for n in g.names:
            for old in n.old:
                lookup[old] = (gi, n)
                lookup.setdefault(old.upper(), (gi, n))
    return re.compile(trie_pattern(lookup)), lookup


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


#: in the scan's bytes: the first letter of every old spelling, the second byte of a
#: character or later (``0x80``-``0xBF``, counted to turn byte offsets into text offsets),
#: and what the text's own bytes of those two values become
_ANCHOR, _CONTINUATION, _OTHER = 1, 3, 2
#: after this many hits of the anchored pattern that are no spelling in one text, the scan
#: goes on with the plain pattern (a text of capitals such as ``KKKK…`` hits everywhere)
_MAX_MISSES = 32


class _ByteScan:
    """Finds the old spellings in the UTF-8 of a text, several times faster than ``re``
    finds them in the text.

    ``re`` looks for the trie of the spellings, which starts with one of several letters,
    at some 6 ns a character; for a pattern that starts with one literal it is several
    times faster.  So the UTF-8 goes through ``bytes.translate`` first: every letter that
    starts a spelling becomes ``\x01``, and the scan looks there for ``\x01`` followed by
    the rest of a spelling mapped alike (:attr:`anchored`).  A spelling of the text shows
    in those bytes at the same offset; other words may too (``LVOV`` maps to
    ``\x01\x01\x01\x01``, as ``TOLD`` does), so each hit is matched against the spellings
    themselves in the UTF-8 (:attr:`plain`, the rule's pattern in bytes).  The spellings
    are ASCII, so they match the UTF-8 exactly where they match the text.
    """

    __slots__ = ("anchored", "plain", "table")

    def __init__(self, table: bytes, anchored: re.Pattern[bytes], plain: re.Pattern[bytes]) -> None:
        self.table = table
        self.anchored = anchored
        self.plain = plain

    @classmethod
    def build(cls, pattern: re.Pattern[str], spellings: Iterable[str]) -> _ByteScan | None:
        """The scan for *spellings*, which *pattern* finds; ``None`` unless they are ASCII."""
        from ._trie import trie_pattern

        words = list(spellings)
        if not all(w and w.isascii() for w in words):
            return None
        table = bytearray(range(256))
        table[_ANCHOR] = table[_CONTINUATION] = _OTHER
        table[0x80:0xC0] = bytes([_CONTINUATION]) * 0x40
        for w in words:
            table[ord(w[0])] = _ANCHOR
        tails = {w.encode().translate(table)[1:].decode("ascii") for w in words}
        anchored = re.compile(bytes([_ANCHOR]) + trie_pattern(tails).encode("ascii"))
        return cls(bytes(table), anchored, re.compile(pattern.pattern.encode("ascii")))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of what ``plain`` finds in *text*, each search starting where the
        previous match ended (as the rule walks its matches)."""
        data = call_utf8(text)
        mapped = data.translate(self.table)
        found = self._byte_spans(data, mapped)
        if not found or len(data) == len(text):  # ASCII: the same offsets
            return found
        out: list[tuple[int, int]] = []
        pos = skipped = 0  # a byte offset, and the continuation bytes before it
        for start, end in found:
            skipped += mapped.count(_CONTINUATION, pos, start)
            pos = start
            # a spelling is ASCII: as many characters as bytes
            out.append((start - skipped, end - skipped))
        return out

    def _byte_spans(self, data: bytes, mapped: bytes) -> list[tuple[int, int]]:
        """The byte spans of the matches of ``plain`` in *data*, found through *mapped*."""
        plain, anchored = self.plain, self.anchored
        out: list[tuple[int, int]] = []
        misses = 0
        m = anchored.search(mapped)
        while m is not None:
            hit = plain.match(data, m.start())
            if hit is not None:
                out.append(hit.span())
                m = anchored.search(mapped, hit.end())
                continue
            misses += 1
            if misses > _MAX_MISSES:  # go on with the plain pattern: the same matches
                out += _search_spans(plain, data, m.start() + 1)
                break
            m = anchored.search(mapped, m.start() + 1)
        return out


def _spans(table: PlaceTable, text: str) -> list[tuple[int, int]]:
    """The spans of the rule's matches in *text*: each search starts where the previous
    match ended, whether the rule keeps the match or not."""
    scan = table.byte_scan()
    if scan is not None:
        return scan.spans(text)
    return _search_spans(table.compiled()[0], text)


def _search_spans(pattern: re.Pattern[AnyStr], s: AnyStr, pos: int = 0) -> list[tuple[int, int]]:
    """The spans of one search after another from *pos*, each from where the last match ended."""
    out: list[tuple[int, int]] = []
    m = pattern.search(s, pos)
    while m is not None:
        out.append(m.span())
        m = pattern.search(s, m.end())
    return out


class _Document:
    """Facts about one document, computed on first use."""

    def __init__(self, text: str, table: PlaceTable) -> None:
        self.text = text
        self.table = table
        self._active: dict[int, bool] = {}
        self._historical: dict[int, bool] = {}
        self._mentions: dict[str, bool] = {}
        self._spans = LineSpans(text)
        self._gate: EnglishGate | None = None

    @property
    def gate(self) -> EnglishGate:
        """The English gate of the document (made when a match first needs it)."""
        gate = self._gate
        if gate is None:
            from .language import EnglishGate

            gate = self._gate = EnglishGate(self.text)
        return gate

    def mentions(self, s: str) -> bool:
        """Whether the document contains *s* (cached: a name may occur thousands of times)."""
        found = self._mentions.get(s)
        if found is None:
            found = self._mentions[s] = s in self.text
        return found

    def active(self, gi: int) -> bool:
        if gi not in self._active:
            g = self.table.groups[gi]
            about = sum(self.text.count(t) for t in g.topic) >= g.topic_min if g.topic else False
            self._active[gi] = about or any(n.new in self.text for n in g.names)
        return self._active[gi]

    def historical(self, pos: int) -> bool:
        """Whether the paragraph (line) at *pos* mentions a year up to 1991."""
        start, end = self._spans.at(pos)
        if start not in self._historical:
            line = self.text[start:end]
            years = _context().year.findall(line)
            self._historical[start] = any(int(y) <= _LAST_YEAR_HISTORICAL for y in years)
        return self._historical[start]


def _fold(window: str, spaces: re.Pattern[str]) -> str:
    """*window* in lower case with runs of white space folded to one space, so that
    ``chicken \u00a0Kiev`` is still ``chicken Kiev`` (this rule alone, on raw text)."""
    # the common case: printable (no white space but the ASCII space) and no double space
    if window.isprintable() and "  " not in window:
        return window.lower()
    return spaces.sub(" ", window).lower()


def _kept_by_neighbours(name: PlaceName, before: str, after: str) -> bool:
    """Whether the words around the match keep it (``chicken Kiev``, ``Odessa, Texas``)."""
    return before.endswith(name.keep_before) or after.startswith(name.keep_after)


def _kept_by_document(doc: _Document, name: PlaceName, before: str, s: int, context: _Context) -> bool:
    """Whether the document, the paragraph or a first name before the match keeps it."""
    if any(doc.mentions(k) for k in name.keep_if_document_mentions):
        return True
    if name.only_if_new_present and not doc.mentions(name.new):
        return True
    historical_kept = name.historical or before.endswith(name.keep_before_historical)
    if historical_kept and doc.historical(s):
        return True
    if name.surname:
        m = context.title_or_name_before.search(doc.text, max(0, s - 30), s)
        if m is not None and (m.group(1) or m.group(2) not in context.not_a_first_name):
            return True
    return False


def find_place_names(table: PlaceTable, text: str) -> list[Edit]:
    """Rewrite the old spellings of *table* in *text*, honouring its mode and exceptions."""
    if table.mode == "never" or not table.spellings.any(call_utf8(text)):
        return []
    spans = _spans(table, text)
    if not spans:
        return []
    lookup = table.compiled()[1]
    doc = _Document(text, table)
    context = _context()
    spaces = context.spaces
    out: list[Edit] = []
    n = len(text)
    for s, e in spans:
        if (s and (_is_word_char(text[s - 1]) or text[s - 1] == "-")) or (e < n and _is_word_char(text[e])):
            continue
        found = text[s:e]
        gi, name = lookup[found]
        # every test below only keeps a match; the ones that look at a few words come
        # first, the ones that scan the document (cached per document) after them
        before, after = _fold(text[max(0, s - 30) : s], spaces), _fold(text[e : e + 30], spaces)
        if _kept_by_neighbours(name, before, after):
            continue
        if table.mode == "auto" and not doc.active(gi):
            continue
        if _kept_by_document(doc, name, before, s, context) or not doc.gate.at(s):
            continue
        new = name.new.upper() if found.isupper() and not name.new.isupper() else name.new
        out.append((s, e, new))
    return out
