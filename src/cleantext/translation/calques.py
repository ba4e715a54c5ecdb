"""``translation.calques``: word-for-word translations that are not English.

``for a full-scale invasion of here the middle of the month`` -> ``… by the middle
of the month`` (French *d'ici la mi-…*).  The table is data
(``data/translation_calques.json``); users add ``(calque, repair)`` pairs through
``Config.calques``.  A calque matches as whole words, in lower case or with a
capitalised first letter (kept in the repair).
"""

from __future__ import annotations

import re
from functools import lru_cache, partial

from ..core import Edit, call_utf8, utf8
from ..needles import NeedleSet
from ..settle import settle
from ._data import contains_word, load

__all__ = ["CalqueTable", "Calques", "builtin_calques", "default_table", "find_calques"]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


class CalqueTable:
    """Calques and their repairs, with the words that veto a match around them.

    The pattern is compiled the first time a text passes the table's pre-check.
    """

    __slots__ = ("_compiled", "_needles", "keys", "not_after", "not_before", "pairs")

    def __init__(
        self,
        pairs: tuple[tuple[str, str], ...],
        not_after: frozenset[str] = frozenset(),
        not_before: frozenset[str] = frozenset(),
        *,
        check: bool = True,
    ) -> None:
        if check:  # the built-in table alone is checked by the tests
            _check(pairs)
        self.pairs = pairs
        self.not_after = not_after
        self.not_before = not_before
        #: cheap pre-check: each calque without its first letter, up to its second word of
        #: three letters or more, and on as far as the calques that share that go together
        #: ("f here", "t is question of"; a longer needle is found faster)
        self.keys = _keys(pairs)
        self._compiled: tuple[re.Pattern[str], dict[str, str]] | None = None
        self._needles: tuple[tuple[str, ...], NeedleSet] | None = None

    def __call__(self, text: str) -> list[Edit]:
        return find_calques(self, text)

    def needles(self) -> NeedleSet:
        """:attr:`keys` in UTF-8, found in one pass (made again if the keys are replaced)."""
        made = self._needles
        if made is None or made[0] is not self.keys:
            made = self._needles = (self.keys, NeedleSet(map(utf8, self.keys)))
        return made[1]

    def compiled(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """The pattern of every calque form, and the repair of each form (built once)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(self.pairs)
        return compiled

    def __reduce__(
        self,
    ) -> tuple[type[CalqueTable], tuple[tuple[tuple[str, str], ...], frozenset[str], frozenset[str]]]:
        return (CalqueTable, (self.pairs, self.not_after, self.not_before))


class Calques:
    """The ``translation.calques`` finder: the built-in table with the user's pairs, its
    edits run to a fixpoint (:func:`~cleantext.settle.settle`).

    Only the user's pairs are kept here; the table is loaded and built the first time
    the rule runs, so building the rules costs nothing.  Pickles as its pairs.
    """

    __slots__ = ("_table", "extra")

    def __init__(self, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.extra = extra
        self._table: CalqueTable | None = None

    def table(self) -> CalqueTable:
        """The table (built on first use; raises ``ValueError`` for a bad user pair)."""
        table = self._table
        if table is None:
            table = self._table = default_table(self.extra)
        return table

    def __call__(self, text: str) -> list[Edit]:
        return settle(partial(find_calques, self._table or self.table()), text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Calques) and other.extra == self.extra

    def __hash__(self) -> int:
        return hash(self.extra)

    def __repr__(self) -> str:
        return f"Calques({self.extra!r})"

    def __reduce__(self) -> tuple[type[Calques], tuple[tuple[tuple[str, str], ...]]]:
        return (Calques, (self.extra,))


def builtin_calques() -> tuple[tuple[str, str], ...]:
    """The calques shipped in ``data/translation_calques.json``."""
    return tuple((c["calque"], c["repair"]) for c in load("translation_calques.json")["calques"])


@lru_cache(maxsize=8)
def default_table(extra: tuple[tuple[str, str], ...] = ()) -> CalqueTable:
    """The built-in table with *extra* user pairs (a user pair overrides a built-in one)."""
    data = load("translation_calques.json")
    mine = {c.lower(): (c, r) for c, r in builtin_calques()}
    mine.update({c.lower(): (c, r) for c, r in extra})
    not_after, not_before = frozenset(data["not_after"]), frozenset(data["not_before"])
    return CalqueTable(tuple(mine.values()), not_after, not_before, check=bool(extra))


def _check(pairs: tuple[tuple[str, str], ...]) -> None:
    """Raise ``ValueError`` for a malformed calque or a repair that contains a calque."""
    for calque, _ in pairs:
        if not calque.strip() or calque != " ".join(calque.split()):
            raise ValueError(f"a calque must be words separated by single spaces, not {calque!r}")
    lowered = [(c, c.lower()) for c, _ in pairs]
    for _, repair in pairs:
        low = repair.lower()
        for calque, calque_low in lowered:
            if calque_low in low and contains_word(low, calque_low):
                raise ValueError(f"the repair {repair!r} contains the calque {calque!r}")


def _keys(pairs: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The pre-check's needles: one of them is in every text that holds a calque.

    >>> _keys((("since many years", ""), ("of here next", ""), ("of here the end of", "")))
    ('f here', 'ince many years')
    """
    groups: dict[str, list[str]] = {}
    for calque, _ in pairs:
        words = calque.split(" ")
        n = 1 + next((i for i, w in enumerate(words[1:], 1) if len(w) >= 3), len(words) - 1)
        groups.setdefault(" ".join(words[:n])[1:], []).append(calque[1:])
    # the calques of a group (both case forms, without the first letter) begin with their
    # common prefix, which begins with the group's key; a needle that ends in a space is slow
    return tuple(sorted(_common_prefix(group).rstrip(" ") for group in groups.values()))


def _common_prefix(strings: list[str]) -> str:
    """The longest string that every one of *strings* (at least one) begins with."""
    first, last = min(strings), max(strings)  # the prefix they share is the one all share
    pairs = enumerate(zip(first, last, strict=False))
    return first[: next((i for i, (a, b) in pairs if a != b), min(len(first), len(last)))]


def _compile(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    from ._trie import trie_pattern

    forms: dict[str, str] = {}
    for calque, repair in pairs:
        low, rep = calque[0].lower() + calque[1:], repair[0].lower() + repair[1:]
        forms[low] = rep
        forms[calque[0].upper() + calque[1:]] = rep[0].upper() + rep[1:]
    return re.compile(trie_pattern(forms)), forms


@lru_cache(maxsize=1)
def _context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word before and the word after a match (compiled on first use)."""
    return re.compile(r"([^\W\d_]+)[ ,]*\Z"), re.compile(r" ([^\W\d_]+)")


def find_calques(table: CalqueTable, text: str) -> list[Edit]:
    """Replace each calque of *table* found in *text* with its repair."""
    if not table.needles().any(call_utf8(text)):
        return []
    from .language import EnglishGate

    pattern, forms = table.compiled()
    word_before, word_after = _context()
    out: list[Edit] = []
    gate: EnglishGate | None = None
    n = len(text)
    for m in pattern.finditer(text):
        s, e = m.span()
        if (s and _is_word_char(text[s - 1])) or (e < n and _is_word_char(text[e])):
            continue
        before = word_before.search(text, max(0, s - 30), s)
        if before is not None and before.group(1).lower() in table.not_after:
            continue
        after = word_after.match(text, e)
        if after is not None and after.group(1).lower() in table.not_before:
            continue
        gate = gate or EnglishGate(text)
        if not gate.at(s):
            continue
        out.append((s, e, forms[m.group()]))
    return out
