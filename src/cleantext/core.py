"""Rules, edits, the shared applier and the Pipeline.

A *rule* finds edits in a text; it never builds the new text itself.  An edit is a
plain tuple ``(start, end, replacement)`` over the text the rule was given:

* ``replacement`` is a ``str``: replace ``text[start:end]`` with it (``""`` deletes,
  so removing a line is an edit that spans the line and its newline);
* ``replacement`` is ``None``: a *finding*, reported by :meth:`Pipeline.explain`
  and by check mode but left in the text.

One applier (:func:`apply_edits`) turns edits into text for every rule, so
``clean`` (apply), ``explain`` (list) and check mode (anything to apply?) share
one code path and cannot disagree.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from ._record import Frozen

__all__ = [
    "Change",
    "Edit",
    "Finder",
    "Pipeline",
    "Rule",
    "apply_changes",
    "apply_edits",
    "call_cached",
    "call_scope",
    "call_scratch",
    "call_utf8",
    "normalize_edits",
    "only_drops_lines",
    "utf8",
]

#: ``(start, end, replacement)``; ``replacement is None`` marks a finding.
Edit = tuple[int, int, str | None]
#: A rule's body: text in, edits out (any iterable; an empty one means "nothing to do").
Finder = Callable[[str], Iterable[Edit]]

FAMILIES = ("normalize", "boilerplate", "translation")
_NEWLINE = re.compile("\n")
_SCRATCH: ContextVar[dict[str, Any] | None] = ContextVar("cleantext_call_scratch", default=None)


def call_scratch() -> dict[str, Any] | None:
    """Scratch space of the cleaning call under way, or ``None`` outside one.

    Rules may keep data derived from a text here (an index of its lines) so that the
    rules of one call share it.  It lives for one call of :meth:`Pipeline.clean`,
    :meth:`Pipeline.explain` or :meth:`Rule.apply` only, and per thread or task, so
    nothing is shared between calls.  Key entries by module to keep them apart.
    """
    return _SCRATCH.get()


_T = TypeVar("_T")


def call_cached(key: str, text: str, compute: Callable[[str], _T]) -> _T:
    """``compute(text)``, kept under *key* for the latest text of the cleaning call under
    way: the rules of a call that need it for the same text share one computation.

    The text is recognised by identity (the object a rule is given), never by hashing it.
    Outside a call, *compute* runs every time.
    """
    scratch = _SCRATCH.get()
    if scratch is None:
        return compute(text)
    got = scratch.get(key)
    if got is not None and got[0] is text:
        value: _T = got[1]
        return value
    value = compute(text)
    scratch[key] = (text, value)
    return value


def utf8(text: str) -> bytes:
    """*text* as UTF-8, lone surrogates kept: how :func:`call_utf8` encodes a text, so also
    how to encode what a rule looks for in those bytes."""
    return text.encode("utf-8", "surrogatepass")


def call_utf8(text: str) -> bytes:
    """:func:`utf8` of *text*, encoded once per cleaning call for the latest text: the
    byte-level probes of every rule of a call share it."""
    return call_cached("core.utf8", text, utf8)


@contextmanager
def call_scope() -> Iterator[dict[str, Any]]:
    """Open the scratch space of a cleaning call (an enclosing one is reused)."""
    scratch = _SCRATCH.get()
    if scratch is not None:
        yield scratch
        return
    scratch = {}
    token = _SCRATCH.set(scratch)
    try:
        yield scratch
    finally:
        _SCRATCH.reset(token)


def normalize_edits(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """Return *edits* sorted, clamped to ``text`` and without overlaps or no-ops.

    An edit that overlaps one kept before it is dropped, so a rule can never make
    the applier raise or apply the same span twice.  Findings (``None``) are kept
    but do not block the spans after them.

    >>> normalize_edits("abcdef", [(3, 4, "X"), (0, 2, ""), (1, 3, "Y"), (4, 4, "")])
    [(0, 2, ''), (3, 4, 'X')]
    """
    n = len(text)
    out: list[Edit] = []
    pos = 0
    for raw_start, raw_end, rep in sorted(edits, key=_edit_key):
        start = min(max(raw_start, 0), n)
        end = min(max(raw_end, start), n)
        if rep is None:
            out.append((start, end, None))
            continue
        if start < pos or text[start:end] == rep:
            continue
        out.append((start, end, rep))
        pos = max(end, start + 1) if start == end else end
    return out


def _edit_key(edit: Edit) -> tuple[int, int]:
    return edit[0], edit[1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply *edits* (found on *text*) and return the new text.

    >>> apply_edits("a  b\\n", [(1, 3, " ")])
    'a b\\n'
    """
    return _apply_normalized(text, normalize_edits(text, edits))


def _apply_normalized(text: str, edits: Iterable[Edit]) -> str:
    """:func:`apply_edits` for edits that :func:`normalize_edits` has already put in order."""
    pieces: list[str] = []
    pos = 0
    for start, end, rep in edits:
        if rep is None:
            continue
        pieces.append(text[pos:start])
        pieces.append(rep)
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def only_drops_lines(text: str, edits: Iterable[Edit]) -> bool:
    """True when *edits* (normalized) only delete whole lines of *text*.

    That is, the result is ``"\\n".join`` of a subsequence of ``text.split("\\n")``: each
    run of adjacent deletions spans whole lines with their newlines, or starts at the
    newline before whole lines (the tail of a text without a final newline), or is the whole
    text.  A replacement that keeps the start of what it replaces counts as the deletion of
    the rest (``"\\n\\n\\n\\n"`` -> ``"\\n\\n"``).  Findings are ignored.

    >>> only_drops_lines("a\\nb\\nc", [(2, 4, "")]), only_drops_lines("a\\nb", [(1, 3, "")])
    (True, True)
    >>> only_drops_lines("a\\nb\\nc", [(1, 3, "")]), only_drops_lines("ab\\n", [(1, 3, "")])
    (True, False)
    """
    n = len(text)
    start = end = -1  # the run of adjacent deletions under way
    for s, e, rep in edits:
        if rep is None:
            continue
        cut = s  # where the deletion starts
        if rep:
            if len(rep) >= e - s or not text.startswith(rep, s):
                return False
            cut += len(rep)
        if cut == end:
            end = e
            continue
        if end >= 0 and not _whole_lines(text, n, start, end):
            return False
        start, end = cut, e
    return end < 0 or _whole_lines(text, n, start, end)


def _whole_lines(text: str, n: int, start: int, end: int) -> bool:
    """Whether deleting ``text[start:end]`` (not empty) drops whole lines (see :func:`only_drops_lines`)."""
    if (start == 0 or text[start - 1] == "\n") and text[end - 1] == "\n":
        return True  # lines with their newlines
    if text[start] == "\n" and (end == n or text[end] == "\n"):
        return True  # the newline before lines that end where the next line's newline starts
    return start == 0 and end == n


def _same_finder(a: object, b: object) -> bool:
    """Finder equality that survives pickling: ``functools.partial`` compares by identity."""
    if isinstance(a, functools.partial) and isinstance(b, functools.partial):
        return _same_finder(a.func, b.func) and a.args == b.args and a.keywords == b.keywords
    return a == b


class Rule(Frozen):
    """A named, documented, pure text transformation (an immutable record).

    ``name`` is a stable dotted name in one of the families ``normalize``,
    ``boilerplate`` or ``translation`` (``normalize.mojibake``).  ``examples`` are
    ``(before, after)`` pairs that the test suite checks.  ``default`` says whether the
    rule is part of the default pipeline; opt-in rules run only when selected by name.

    ``drop_stable=True`` (keyword only) declares that the rule is *stable under line
    drops*: when it leaves a text unchanged, it also leaves unchanged every text made
    of some of that text's lines (``"\\n".join`` of a subsequence of ``text.split("\\n")``,
    what :func:`~cleantext.boilerplate.lines.drop_lines` leaves).  A rule that judges each
    line by itself has it; one that looks at neighbours, positions in the document, blank
    lines or counts over the whole text does not.  :meth:`Pipeline.clean` then does not
    run the rule again after another rule has only deleted whole lines.  A wrong flag makes
    ``clean`` stop too early, so the default is ``False``; findings (``None`` edits) do
    not count as changes.  Like the description, the flag plays no part in equality.
    """

    __slots__ = ("name", "description", "finder", "examples", "default", "drop_stable")  # noqa: RUF023 - the order of the fields
    _hidden = ("finder", "examples")
    name: str
    description: str
    finder: Finder
    examples: tuple[tuple[str, str], ...]
    default: bool
    drop_stable: bool

    def __init__(
        self,
        name: str,
        description: str,
        finder: Finder,
        examples: tuple[tuple[str, str], ...] = (),
        default: bool = True,
        *,
        drop_stable: bool = False,
    ) -> None:
        family, _, rest = name.partition(".")
        if family not in FAMILIES or not rest:
            raise ValueError(
                f"rule name {name!r} must look like '<family>.<name>' with a family in {FAMILIES}"
            )
        self._set(
            name=name,
            description=description,
            finder=finder,
            examples=examples,
            default=default,
            drop_stable=bool(drop_stable),
        )

    @property
    def family(self) -> str:
        """The part of the name before the first dot."""
        return self.name.partition(".")[0]

    def find(self, text: str) -> list[Edit]:
        """Return the edits and findings this rule makes on *text* (normalized)."""
        with call_scope():
            return normalize_edits(text, self.finder(text))

    def apply(self, text: str) -> str:
        """Return *text* with this rule's edits applied."""
        with call_scope():
            edits = self.finder(text)
        return apply_edits(text, edits) if edits else text

    __call__ = apply

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rule) and other.name == self.name and _same_finder(other.finder, self.finder)

    def __hash__(self) -> int:
        return hash(self.name)


#: ``((finder, bit), ...)`` for the rules in order (rule *i* has bit ``1 << i``), the bits of the
#: rules stable under line drops, and the bits of all rules
_Plan = tuple[tuple[tuple[Finder, int], ...], int, int]


def _plan_for(rules: tuple[Rule, ...]) -> _Plan:
    """The finders of *rules* with their bits, the stable ones' bits, all bits."""
    steps = tuple((rule.finder, 1 << i) for i, rule in enumerate(rules))
    stable = sum(bit for (_, bit), rule in zip(steps, rules, strict=True) if rule.drop_stable)
    return steps, stable, (1 << len(rules)) - 1


def _still_known(text: str, edits: list[Edit], known: int) -> int:
    """The rules of *known* (stable ones) still known to leave the text unchanged after *edits*."""
    return known if known and only_drops_lines(text, edits) else 0


class Change(Frozen):
    """One change made by :meth:`Pipeline.explain`, or one finding left in the text.

    ``line`` is the 1-based line of the *original input* where the change starts.
    ``start``/``end`` are offsets into the text as it stands when the changes are
    applied one after another in list order (see :func:`apply_changes`).
    ``after`` is ``None`` for a finding: a problem reported but not rewritten.
    """

    __slots__ = ("rule", "line", "before", "after", "start", "end")  # noqa: RUF023 - the order of the fields
    rule: str
    line: int
    before: str
    after: str | None
    start: int
    end: int

    def __init__(  # noqa: PLR0917 - a record of six fields, built positionally like a tuple
        self, rule: str, line: int, before: str, after: str | None, start: int, end: int
    ) -> None:
        self._set(rule=rule, line=line, before=before, after=after, start=start, end=end)

    @property
    def is_finding(self) -> bool:
        """True when the change is a report only (nothing is rewritten)."""
        return self.after is None


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """Apply the changes of :meth:`Pipeline.explain` in order; reproduces ``clean``.

    Findings are skipped.
    """
    for ch in changes:
        if ch.after is not None:
            text = text[: ch.start] + ch.after + text[ch.end :]
    return text


class _OffsetMap:
    """Maps offsets in a rewritten text back to the original input."""

    def __init__(self) -> None:
        # one entry per applied stage: (new_starts, edits as (new_start, new_end, old_start, old_end))
        self._stages: list[tuple[list[int], list[tuple[int, int, int, int]]]] = []

    def push(self, edits: Sequence[Edit]) -> None:
        rows: list[tuple[int, int, int, int]] = []
        delta = 0
        for start, end, rep in edits:
            if rep is None:
                continue
            new_start = start + delta
            rows.append((new_start, new_start + len(rep), start, end))
            delta += len(rep) - (end - start)
        if rows:
            self._stages.append(([r[0] for r in rows], rows))

    def to_original(self, pos: int) -> int:
        for starts, rows in reversed(self._stages):
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0:
                _new_start, new_end, old_start, old_end = rows[i]
                pos = old_start if pos < new_end else pos - new_end + old_end
        return pos


class _LineIndex:
    """Line numbers of offsets in one text (1-based)."""

    def __init__(self, text: str) -> None:
        self._starts = [m.start() for m in _NEWLINE.finditer(text)]

    def line(self, pos: int) -> int:
        return bisect.bisect_left(self._starts, pos) + 1


class Pipeline(Frozen):
    """An immutable, picklable ordered tuple of rules.

    Calling a pipeline applies its rules in order, and repeats the sequence until a
    pass changes nothing (at most ``max_passes`` passes), so that removing one line
    can never leave work for a second call: ``p(p(x)) == p(x)``.

    Pipelines compose with ``+`` and narrow with :meth:`select`.
    """

    __slots__ = ("rules", "max_passes", "_plan")  # noqa: RUF023 - the order of the fields
    rules: tuple[Rule, ...]
    max_passes: int
    _plan: _Plan  # derived from the rules (see _record: not a field)

    def __init__(self, rules: Iterable[Rule] = (), max_passes: int = 4) -> None:
        rules = tuple(rules)
        names = [r.name for r in rules]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"rule(s) listed twice in a pipeline: {sorted(dup)}")
        self._set(rules=rules, max_passes=max_passes, _plan=_plan_for(rules))

    # -- composition -------------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        """The names of the rules, in order."""
        return tuple(r.name for r in self.rules)

    def __add__(self, other: Pipeline | Rule) -> Pipeline:
        extra = other.rules if isinstance(other, Pipeline) else (other,)
        return Pipeline(self.rules + tuple(extra), self.max_passes)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def select(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> Pipeline:
        """Keep the rules matched by *select* and not by *ignore* (names or family prefixes)."""
        from .selection import resolve

        return Pipeline(resolve(self.rules, select, ignore, defaults_only=False), self.max_passes)

    def replace(self, rule: Rule) -> Pipeline:
        """Return a copy with the rule of the same name swapped for *rule*."""
        if rule.name not in self.names:
            raise KeyError(f"no rule named {rule.name!r} in this pipeline")
        return Pipeline(tuple(rule if r.name == rule.name else r for r in self.rules), self.max_passes)

    # -- running -------------------------------------------------------------------
    def __call__(self, text: str) -> str:
        return self.clean(text)

    def clean(self, text: str) -> str:
        """Return the cleaned text.

        Same result as running whole passes until one changes nothing, but a rule is not
        run again on a text it is known to leave unchanged (rules are pure): one it has
        left unchanged already, or before changes that only deleted whole lines when it is
        stable under line drops (``Rule.drop_stable``).  The run stops when every rule is
        known to leave the text unchanged.
        """
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}")
        if _SCRATCH.get() is not None:  # inside an enclosing call scope (as call_scope(), inlined)
            return self._clean(text)
        token = _SCRATCH.set({})
        try:
            return self._clean(text)
        finally:
            _SCRATCH.reset(token)

    def _clean(self, text: str) -> str:
        steps, stable, done = self._plan
        # bit i set: rule i is known to leave the current text unchanged (it did, and since
        # then other rules have only deleted whole lines, and rule i is stable under that)
        known = 0
        for _ in range(self.max_passes):
            for finder, bit in steps:
                if known & bit:  # never in the first pass: a rule's bit is set once it has run
                    if known == done:
                        return text
                    continue
                edits = finder(text)
                if edits:
                    edits = normalize_edits(text, edits)
                    new = _apply_normalized(text, edits)
                    if new is not text and new != text:
                        known = _still_known(text, edits, known & stable)
                        text = new
                        continue
                known |= bit
        return text

    def explain(self, text: str) -> list[Change]:
        """List every change ``clean`` makes, and every finding, in application order."""
        if not isinstance(text, str):
            raise TypeError(f"explain() takes str, not {type(text).__name__}")
        with call_scope():
            return self._explain(text)

    def _explain(self, text: str) -> list[Change]:
        original = _LineIndex(text)
        offsets = _OffsetMap()
        changes: list[Change] = []
        for pass_no in range(self.max_passes):
            before = text
            for rule in self.rules:
                raw = rule.finder(text)
                if not raw:
                    continue
                edits = normalize_edits(text, raw)
                delta = 0
                for start, end, rep in edits:
                    line = original.line(offsets.to_original(start))
                    if rep is None:
                        if pass_no == 0:
                            changes.append(
                                Change(rule.name, line, text[start:end], None, start + delta, end + delta)
                            )
                        continue
                    changes.append(Change(rule.name, line, text[start:end], rep, start + delta, end + delta))
                    delta += len(rep) - (end - start)
                offsets.push(edits)
                text = apply_edits(text, edits)
            if text == before:
                break
        return changes

    def check(self, text: str) -> bool:
        """True when ``clean`` would leave *text* unchanged."""
        return self.clean(text) == text
