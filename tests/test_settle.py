"""Rules run to a fixpoint: :func:`cleantext.settle.compose_edits` and :func:`~cleantext.settle.settle`."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cleantext.core import Edit, apply_edits, normalize_edits
from cleantext.settle import ROUNDS, compose_edits, settle


@st.composite
def _edits(draw: st.DrawFn, text: str) -> list[Edit]:
    n = len(text)
    raw = draw(
        st.lists(
            st.tuples(st.integers(0, n), st.integers(0, n), st.none() | st.text("XY.", max_size=3)),
            max_size=6,
        )
    )
    return normalize_edits(text, [(min(a, b), max(a, b), rep) for a, b, rep in raw])


@st.composite
def _two_rounds(draw: st.DrawFn) -> tuple[str, list[Edit], list[Edit]]:
    text = draw(st.text("ab.\n", max_size=14))
    first = draw(_edits(text))
    return text, first, draw(_edits(apply_edits(text, first)))


@given(_two_rounds())
def test_composed_edits_do_what_both_rounds_do(case: tuple[str, list[Edit], list[Edit]]) -> None:
    text, first, then = case
    out = compose_edits(text, first, then)
    assert out == normalize_edits(text, out)  # in order, in range, no overlaps
    assert apply_edits(text, out) == apply_edits(apply_edits(text, first), then)
    # the findings of the first round are kept
    assert [e for e in first if e[2] is None] == [e for e in out if e[2] is None]


def test_an_edit_clear_of_the_first_round_keeps_its_own_place() -> None:
    # "b. " deleted, then "bc" -> "C" in the shorter text: two edits, each where it was in the input
    assert compose_edits("a b. b c", [(1, 4, "")], [(3, 5, "C")]) == [(1, 4, ""), (6, 8, "C")]
    # touching edits merge into one
    assert compose_edits("abcdef", [(1, 3, "X")], [(2, 3, "Y")]) == [(1, 4, "XY")]


_X = re.compile("x")


def _drop_x_when_few(text: str) -> list[Edit]:
    """A finder that weighs the whole text: it drops the first "x" while the text holds at
    most three, so each round makes room for the next."""
    if text.count("x") > 3:
        return []
    m = _X.search(text)
    return [(m.start(), m.end(), "")] if m else []


def test_settle_runs_a_finder_on_its_own_output_until_it_finds_nothing() -> None:
    text = "axbxcx"
    once = apply_edits(text, _drop_x_when_few(text))
    assert _drop_x_when_few(once)  # one round alone is not idempotent
    settled = settle(_drop_x_when_few, text)
    assert apply_edits(text, settled) == "abc"
    assert settled == [(1, 2, ""), (3, 4, ""), (5, 6, "")]  # each edit at its place in the input
    assert not _drop_x_when_few(apply_edits(text, settled))


def test_settle_stops_after_its_rounds() -> None:
    def forever(text: str) -> list[Edit]:
        return [(0, 0, "y")]  # always more to do

    out = settle(forever, "a")
    assert apply_edits("a", out) == "y" * (ROUNDS + 1) + "a"


def test_settle_leaves_findings_alone() -> None:
    calls: list[str] = []

    def findings(text: str) -> list[Edit]:
        calls.append(text)
        return [(0, 1, None)]

    assert settle(findings, "ab") == [(0, 1, None)]
    assert calls == ["ab"]  # nothing changed, so no second round
