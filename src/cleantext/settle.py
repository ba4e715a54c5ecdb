"""Rules whose edits can make room for more of their own edits: run them to a fixpoint.

Most rules judge each candidate by its own surroundings, so applying their edits leaves
nothing for them to find again.  A rule that also weighs the whole text (the translation
rules take the English verdict of the document for a short line) can change that
weight by its own edits: removing a repeated word from one line can tip the verdict of
the document, and with it the verdict of a candidate on another line.  Such a rule runs
again on its own output (:func:`settle`), and the edits of every round are given back as
edits over the text the rule was given (:func:`compose_edits`), so that the rule alone
stays idempotent and every change still has its place in the input.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from .core import Edit, _apply_normalized, normalize_edits

__all__ = ["ROUNDS", "compose_edits", "settle"]

#: rounds a finder runs on its own output, at most (each round runs only when the one
#: before changed the text; real text settles in the first)
ROUNDS = 4


def compose_edits(text: str, first: Sequence[Edit], then: Sequence[Edit]) -> list[Edit]:
    """Edits over *text* that do what *first* (over *text*) and then *then* (over the text
    *first* leaves) do, both as :func:`~cleantext.core.normalize_edits` gives them.

    An edit of *then* clear of every replacement of *first* moves back to its place in
    *text*; edits that overlap or touch merge into one.  Findings (``None``) of *first*
    are kept; those of *then* are dropped.

    >>> compose_edits("a b. b c", [(1, 4, "")], [(3, 5, "C")])
    [(1, 4, ''), (6, 8, 'C')]
    >>> compose_edits("abcdef", [(1, 3, "X")], [(2, 3, "Y")])
    [(1, 4, 'XY')]
    """
    # per replacement of *first*: its start and end in the text it leaves, and in *text*
    rows: list[tuple[int, int, int, int]] = []
    # the spans of both rounds in the text *first* leaves: (start, end, round, index in the round)
    tagged: list[tuple[int, int, int, int]] = []
    delta = 0
    for i, (start, end, rep) in enumerate(first):
        if rep is None:
            continue
        rows.append((start + delta, start + delta + len(rep), start, end))
        tagged.append((start + delta, start + delta + len(rep), 0, i))
        delta += len(rep) - (end - start)
    tagged += [(s, e, 1, k) for k, (s, e, rep) in enumerate(then) if rep is not None]
    # in order of start, merged into clusters where they overlap or touch; a cluster with an
    # edit of *then* becomes one edit, the others stay as they were
    tagged.sort()
    middle = _apply_normalized(text, first)
    new_starts = [r[0] for r in rows]
    new_ends = [r[1] for r in rows]
    out: list[Edit] = [e for e in first if e[2] is None]
    cluster: list[tuple[int, int, int, int]] = []
    hi = -1
    for item in [*tagged, None]:
        if item is not None and cluster and item[0] <= hi:
            cluster.append(item)
            hi = max(hi, item[1])
            continue
        if cluster:
            if all(kind == 0 for _s, _e, kind, _i in cluster):
                out.extend(first[i] for _s, _e, _k, i in cluster)
            else:
                lo = cluster[0][0]
                mine = [then[i] for _s, _e, kind, i in cluster if kind == 1]
                piece = _apply_normalized(middle[lo:hi], [(s - lo, e - lo, r) for s, e, r in mine])
                out.append((_start_in_text(rows, new_ends, lo), _end_in_text(rows, new_starts, hi), piece))
        if item is not None:
            cluster, hi = [item], item[1]
    return normalize_edits(text, out)


def _start_in_text(rows: list[tuple[int, int, int, int]], new_ends: list[int], pos: int) -> int:
    """Where *pos* (the start of a cluster in the new text) lies in the original text: after
    the replacements that end before it."""
    i = bisect.bisect_left(new_ends, pos) - 1
    return pos if i < 0 else pos - rows[i][1] + rows[i][3]


def _end_in_text(rows: list[tuple[int, int, int, int]], new_starts: list[int], pos: int) -> int:
    """Where *pos* (the end of a cluster in the new text) lies in the original text: after
    the replacements that start at or before it (those of the cluster among them)."""
    i = bisect.bisect_right(new_starts, pos) - 1
    return pos if i < 0 else pos - rows[i][1] + rows[i][3]


def settle(finder: Callable[[str], Iterable[Edit]], text: str) -> list[Edit]:
    """What *finder* finds on *text*, with what it finds again on the text that leaves, round
    after round (at most :data:`ROUNDS` more), as edits over *text*.

    A text it finds nothing in costs one call, as before; one it changes costs one more.
    """
    edits = finder(text)
    if not edits:
        return []
    done = normalize_edits(text, edits)
    if all(rep is None for _s, _e, rep in done):
        return done
    current = _apply_normalized(text, done)
    for _ in range(ROUNDS):
        more = normalize_edits(current, finder(current))
        if all(rep is None for _s, _e, rep in more):
            break
        done = compose_edits(text, done, more)
        current = _apply_normalized(current, more)
    return done
