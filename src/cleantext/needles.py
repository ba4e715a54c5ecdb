"""Many needles, one pass: which of a set of byte strings a text's UTF-8 holds.

Rules ask whether a text holds a marker (``copyright``, ``photo``, ``Kiev``…), and most texts
hold none, so each question is a full scan of the text: about a dozen per document.  A
:class:`NeedleSet` answers all of its needles with one pass of an Aho-Corasick automaton
(``ahocorasick_rs``, whose SIMD prefilter runs at several GB/s for up to 64 needles of three
bytes or more: 30 times the speed of the plain scans it replaces on news text).

The automaton reports non-overlapping leftmost matches, so a needle may hide under the match
of another (``ab`` under ``xab``): :meth:`NeedleSet.found` leaves such needles unsettled, and
the caller scans for them itself.  :func:`register` and :func:`scan` keep one growing set for
needles met one at a time (the boilerplate rules' hints): a needle is first scanned for
alone, then registered, and settled by the next text's pass.

Without ``ahocorasick_rs`` every answer comes from plain scans, with the same results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["Found", "NeedleSet", "available", "hides", "register", "scan"]

#: ``(present, settled)``: needles the text holds, and the needles whose presence that settles
Found = tuple[frozenset[bytes], frozenset[bytes]]

#: the automaton's SIMD prefilter takes up to 64 needles: a larger set is searched in chunks
CHUNK = 64
#: shorter needles are left to plain scans: a one- or two-byte needle turns off the SIMD
#: prefilter (13 needles with "@" among them took 40 times as long), and a plain scan for
#: one byte runs at memory speed anyway
MIN_LENGTH = 3
#: the registry's limit, and its chunks: the pass slows as needles are added (on the 120 dev
#: texts: 14 needles 0.23 ms, 29 needles 0.65 ms in one automaton and 0.37 ms in two, 64 needles
#: 1.28 ms), so the registry searches chunks of 16
MAX_REGISTERED = CHUNK
REGISTRY_CHUNK = 16

_NONE: frozenset[bytes] = frozenset()


def _automaton_factory() -> Callable[[list[bytes]], Any] | None:
    """Needles -> a leftmost-first ``ahocorasick_rs.BytesAhoCorasick``; ``None`` where that
    library is missing.  Imported on first use, so importing a rule costs nothing."""
    global _FACTORY  # noqa: PLW0603 - set once, on first use
    if _FACTORY is _UNSET:
        try:
            from ahocorasick_rs import MATCHKIND_LEFTMOST_FIRST, BytesAhoCorasick

            def make(needles: list[bytes]) -> Any:
                return BytesAhoCorasick(needles, matchkind=MATCHKIND_LEFTMOST_FIRST)

            _FACTORY = make
        except ImportError:  # pragma: no cover - a dependency; the fallback is tested by patching
            _FACTORY = None
    factory: Callable[[list[bytes]], Any] | None = _FACTORY
    return factory


_UNSET: Any = object()
#: what :func:`_automaton_factory` answers, once known (tests set ``None`` to try the fallback)
_FACTORY: Any = _UNSET


def available() -> bool:
    """Whether the automaton library is installed (else every answer comes from plain scans)."""
    return _automaton_factory() is not None


def hides(a: bytes, b: bytes) -> bool:
    """Whether a match of *a* may hide a match of *b* from a search for non-overlapping
    leftmost matches: *b* may start within *a* (at its first byte or later), agreeing with it.

    >>> hides(b"xab", b"ab"), hides(b"ab", b"bc"), hides(b"ab", b"cd"), hides(b"ab", b"abc")
    (True, True, False, True)
    """
    for k in range(len(a)):
        m = min(len(a) - k, len(b))
        if a[k : k + m] == b[:m]:
            return True
    return False


class _Chunk:
    """One automaton over up to :data:`CHUNK` needles, and what a match of each may hide
    (worked out on the first :meth:`found`: a set asked only :meth:`any` never needs it)."""

    __slots__ = ("_automaton", "_hidden", "_needles", "all")

    def __init__(self, needles: tuple[bytes, ...], factory: Callable[[list[bytes]], Any]) -> None:
        self._needles = needles
        self.all = frozenset(needles)
        self._automaton = factory(list(needles))
        self._hidden: tuple[frozenset[bytes], ...] | None = None

    def any(self, haystack: bytes) -> bool:
        # the leftmost occurrence of any needle starts the first match
        return bool(self._automaton.find_matches_as_indexes(haystack))

    def found(self, haystack: bytes) -> Found:
        matches = self._automaton.find_matches_as_indexes(haystack)
        if not matches:
            return _NONE, self.all
        needles, hidden = self._needles, self._hidden
        if hidden is None:
            hidden = self._hidden = tuple(
                frozenset(b for b in needles if b != a and hides(a, b)) for a in needles
            )
        ids = {m[0] for m in matches}
        present = frozenset([needles[i] for i in ids])
        unsure = [hidden[i] for i in ids if hidden[i]]
        if not unsure:
            return present, self.all
        return present, self.all - (frozenset().union(*unsure) - present)

    def starts(self, haystack: bytes) -> list[int]:
        return [m[1] for m in self._automaton.find_matches_as_indexes(haystack)]


class NeedleSet:
    """A fixed set of needles (bytes), answered by one pass per :data:`CHUNK` of them.

    >>> s = NeedleSet([b"photo", b"hoto credit", b"ap"])
    >>> s.any(b"a photo"), s.any(b"a picture")
    (True, False)
    >>> present, settled = s.found(b"a photo credit")
    >>> sorted(present), b"hoto credit" in settled, b"ap" in settled, b"ap" in present
    ([b'photo'], False, True, False)
    """

    __slots__ = ("_chunks", "_disjoint", "_needles", "_plain", "_plain_set")

    def __init__(
        self,
        needles: Iterable[bytes],
        *,
        automaton: bool = True,
        min_length: int = MIN_LENGTH,
        chunk: int = CHUNK,
    ) -> None:
        """*min_length*: needles shorter than this are scanned for plainly; a set of two-byte
        needles that are rare in text may keep the prefilter on (measure it).  *chunk*: the
        needles per automaton (at most :data:`CHUNK`; smaller chunks can be faster in all)."""
        factory = _automaton_factory() if automaton else None
        size = max(1, min(chunk, CHUNK))
        unique = tuple(dict.fromkeys(needles))
        fast = tuple(n for n in unique if len(n) >= max(min_length, 1)) if factory is not None else ()
        #: needles scanned for one by one: short ones (the empty one is in every text), or all
        #: without the automaton library
        self._plain = tuple(n for n in unique if n not in fast)
        self._chunks = (
            tuple(_Chunk(fast[k : k + size], factory) for k in range(0, len(fast), size))
            if factory is not None
            else ()
        )
        self._plain_set = frozenset(self._plain)
        self._needles = unique
        self._disjoint: bool | None = None

    @property
    def disjoint(self) -> bool:
        """Whether no needle may hide another (then :meth:`starts` sees every occurrence);
        worked out on first use (it compares every pair)."""
        if self._disjoint is None:
            unique = self._needles
            self._disjoint = not any(a != b and hides(a, b) for a in unique for b in unique)
        return self._disjoint

    def any(self, haystack: bytes) -> bool:
        """Whether *haystack* holds one of the needles."""
        plain = self._plain
        for n in plain:
            if n in haystack:
                return True
        return any(chunk.any(haystack) for chunk in self._chunks)

    def starts(self, haystack: bytes) -> list[int]:
        """The offset of every occurrence of a needle in *haystack*, in order; only for a
        :attr:`disjoint` set (occurrences cannot overlap, so none hides under another).

        >>> NeedleSet([b". a", b". b"]).starts(b"x. a. b. c. a")
        [1, 4, 10]
        """
        if not self.disjoint:
            raise ValueError("starts() needs needles that cannot overlap")
        out: list[int] = []
        for needle in self._plain:
            at = haystack.find(needle)
            while at >= 0:
                out.append(at)
                at = haystack.find(needle, at + 1)
        for chunk in self._chunks:
            out += chunk.starts(haystack)
        if self._plain or len(self._chunks) > 1:  # else one pass gave them in order
            out.sort()
        return out

    def found(self, haystack: bytes) -> Found:
        """The needles *haystack* holds, and the needles whose presence that settles (the
        others may hide under a match of another needle: scan for them to know)."""
        chunks = self._chunks
        if not self._plain and len(chunks) == 1:
            return chunks[0].found(haystack)
        present = frozenset(n for n in self._plain if n in haystack)
        settled = self._plain_set
        for chunk in chunks:
            got, sure = chunk.found(haystack)
            present |= got
            settled |= sure
        return present, settled


class _Registry:
    """Needles met one at a time, and the automata for them (made again when one is added)."""

    def __init__(self) -> None:
        self._needles: dict[bytes, None] = {}
        self._set: NeedleSet | None = None

    def register(self, needle: bytes) -> None:
        # no lock: a race can only build the set twice (each built from a copy of the needles)
        if needle in self._needles or len(needle) < MIN_LENGTH or len(self._needles) >= MAX_REGISTERED:
            return
        if _automaton_factory() is not None:
            self._needles[needle] = None
            self._set = None

    def scan(self, haystack: bytes) -> Found:
        found = self._set
        if found is None:
            if not self._needles or _automaton_factory() is None:
                return _NONE, _NONE
            found = self._set = NeedleSet(tuple(self._needles.copy()), chunk=REGISTRY_CHUNK)
        return found.found(haystack)


_REGISTRY = _Registry()


def register(needle: bytes) -> None:
    """Add *needle* to those every later :func:`scan` settles (unless it is shorter than
    :data:`MIN_LENGTH`, the registry is full, or the automaton library is missing)."""
    _REGISTRY.register(needle)


def scan(haystack: bytes) -> Found:
    """Which registered needles *haystack* holds, and which needles that answer settles
    (every registered needle that no reported match may hide)."""
    return _REGISTRY.scan(haystack)
