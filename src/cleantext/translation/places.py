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
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..core import Edit
from ._data import load
from ._trie import trie_pattern
from .context import LineSpans
from .language import EnglishGate

__all__ = ["PlaceGroup", "PlaceName", "PlaceTable", "default_table", "find_place_names"]

_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"(?<!\d)(1[0-9]{3})(?!\d)")
_LAST_YEAR_HISTORICAL = 1991
_TITLE_OR_NAME_BEFORE = re.compile(r"(?:\b(Mr|Mrs|Ms|Dr|Gen|Prof|Col|Sgt|Lt|Capt)\.|\b([A-Z][a-z]+)) \Z")
# capitalised words that can precede a place name without being a first name
_NOT_A_FIRST_NAME = frozenset(load("translation_english.json")["not_a_first_name"])


@dataclass(frozen=True)
class PlaceName:
    """One renaming with its exceptions (see ``data/place_names.json``)."""

    old: tuple[str, ...]
    new: str
    keep_before: tuple[str, ...] = ()
    keep_after: tuple[str, ...] = ()
    keep_before_historical: tuple[str, ...] = ()
    historical: bool = False
    surname: bool = False
    only_if_new_present: bool = False
    keep_if_document_mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceGroup:
    """One country's (or one user's) table."""

    name: str
    names: tuple[PlaceName, ...]
    topic: tuple[str, ...] = ()
    topic_min: int = 2
    sources: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class PlaceTable:
    """Every group, and when to apply them."""

    groups: tuple[PlaceGroup, ...]
    mode: str = "auto"
    _pattern: tuple[re.Pattern[str], dict[str, tuple[int, PlaceName]]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        olds = [o for g in self.groups for n in g.names for o in n.old]
        if len(olds) != len(set(olds)):
            raise ValueError("a place name is listed twice as an old spelling")
        for g in self.groups:
            for n in g.names:
                for o in olds:
                    if re.search(rf"(?<![\w-]){re.escape(o)}(?!\w)", n.new):
                        raise ValueError(f"the new spelling {n.new!r} contains the old spelling {o!r}")

        object.__setattr__(self, "_pattern", _compile(self))

    def __call__(self, text: str) -> list[Edit]:
        return find_place_names(self, text)

    def __getstate__(self) -> dict[str, Any]:
        return {"groups": self.groups, "mode": self.mode}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "groups", state["groups"])
        object.__setattr__(self, "mode", state["mode"])
        object.__setattr__(self, "_pattern", _compile(self))


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
                names.append(n if kept == n.old else PlaceName(**{**n.__dict__, "old": kept}))
        groups.append(PlaceGroup(g.name, tuple(names), g.topic, g.topic_min, g.sources))
    if extra:
        user = tuple(PlaceName(old=(old,), new=new) for old, new in dict(extra).items())
        groups.append(PlaceGroup("user", user, topic=(), topic_min=1))
    return PlaceTable(tuple(groups), mode)


def _compile(table: PlaceTable) -> tuple[re.Pattern[str], dict[str, tuple[int, PlaceName]]]:
    lookup: dict[str, tuple[int, PlaceName]] = {}
    for gi, g in enumerate(table.groups):
        for n in g.names:
            for old in n.old:
                lookup[old] = (gi, n)
                lookup.setdefault(old.upper(), (gi, n))
    return re.compile(trie_pattern(lookup)), lookup


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Document:
    """Facts about one document, computed on first use."""

    def __init__(self, text: str, table: PlaceTable) -> None:
        self.text = text
        self.table = table
        self._active: dict[int, bool] = {}
        self._historical: dict[int, bool] = {}
        self._mentions: dict[str, bool] = {}
        self._spans = LineSpans(text)
        self.gate = EnglishGate(text)

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
            self._historical[start] = any(int(y) <= _LAST_YEAR_HISTORICAL for y in _YEAR.findall(line))
        return self._historical[start]


def _kept(doc: _Document, name: PlaceName, s: int, e: int) -> bool:
    text = doc.text
    # spaces folded, so that "chicken \u00a0Kiev" is still "chicken Kiev" (this rule alone)
    before = _SPACES.sub(" ", text[max(0, s - 30) : s]).lower()
    after = _SPACES.sub(" ", text[e : e + 30]).lower()
    if any(before.endswith(k) for k in name.keep_before) or any(after.startswith(k) for k in name.keep_after):
        return True
    if any(doc.mentions(k) for k in name.keep_if_document_mentions):
        return True
    if name.only_if_new_present and not doc.mentions(name.new):
        return True
    historical_kept = name.historical or any(before.endswith(k) for k in name.keep_before_historical)
    if historical_kept and doc.historical(s):
        return True
    if name.surname:
        m = _TITLE_OR_NAME_BEFORE.search(text, max(0, s - 30), s)
        if m is not None and (m.group(1) or m.group(2) not in _NOT_A_FIRST_NAME):
            return True
    return False


def find_place_names(table: PlaceTable, text: str) -> list[Edit]:
    """Rewrite the old spellings of *table* in *text*, honouring its mode and exceptions."""
    if table.mode == "never":
        return []
    pattern, lookup = table._pattern
    m = pattern.search(text)
    if m is None:
        return []
    doc = _Document(text, table)
    out: list[Edit] = []
    n = len(text)
    while m is not None:
        s, e = m.span()
        m = pattern.search(text, e)
        if (s and (_is_word_char(text[s - 1]) or text[s - 1] == "-")) or (e < n and _is_word_char(text[e])):
            continue
        found = text[s:e]
        gi, name = lookup[found]
        if table.mode == "auto" and not doc.active(gi):
            continue
        if _kept(doc, name, s, e) or not doc.gate.at(s):
            continue
        new = name.new.upper() if found.isupper() and not name.new.isupper() else name.new
        out.append((s, e, new))
    return out
