"""Linear time on pathological input, for every rule and for the default pipeline.

Not a wall-clock limit: each case times the same work at size ``n/2`` and ``2n`` and
asserts that the time grows by less than 3x per doubling (linear is 2x, quadratic 4x),
the growth being measured over two doublings so that one noisy timing cannot decide.  Times are
CPU times of the test's thread (other processes on a busy machine do not count), the
minimum of a few runs, with the garbage collector off; calls faster than 10 ms are
repeated so that the timer's resolution does not matter; a suspicious ratio is
measured again, in rounds spread over several seconds, before the test fails.  A case
whose call at size 2n takes under 2 ms passes without the ratio (see :func:`growth_ratio`).
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable

import pytest

import cleantext
from cleantext import Rule
from strategies import pathological

pytestmark = pytest.mark.slow

RULES = cleantext.all_rules()
PATTERNS = pathological()
#: characters at size 2n for every rule and pattern
RULE_SIZE = 400_000
MAX_RATIO = 3.0
MIN_RUN = 0.01
NEGLIGIBLE = 0.002
#: rounds of timing before a superlinear-looking ratio fails, and the pause unit between them (s)
ROUNDS = 8
PAUSE = 0.25


def _seconds(fn: Callable[[str], object], text: str, runs: int) -> float:
    """Fastest CPU time of one call over *runs* runs (a run repeats fast calls to >= 10 ms).

    CPU time of this thread, not wall-clock time, so that other processes on a busy
    machine do not count.
    """
    clock = time.thread_time
    gc.collect()
    gc.disable()
    try:
        start = clock()
        fn(text)
        first = clock() - start
        number = 1 if first >= MIN_RUN else math.ceil(MIN_RUN / max(first, 1e-6))
        best = first
        for _ in range(runs - 1 if number == 1 else runs):
            start = clock()
            for _ in range(number):
                fn(text)
            best = min(best, (clock() - start) / number)
        return best
    finally:
        gc.enable()


def growth_ratio(fn: Callable[[str], object], unit: str, size: int) -> float:
    """Time growth per doubling of the input: ``sqrt(time(size) / time(size / 4))``.

    *unit* is repeated to *size* characters and to a quarter of that.  Measuring over two
    doublings halves the weight of a noisy timing in the estimate (on a busy machine one
    run can be slow), while quadratic work still shows 4x per doubling and linear 2x.

    Each size keeps its fastest time.  While the ratio looks superlinear, both sizes are
    timed again, in up to ``ROUNDS`` rounds with growing pauses between them, so that a
    slow spell of a shared machine (seconds long, seen in CI) passes before the test
    decides; quadratic work stays near 4x however often it is timed.

    Returns 0.0 without measuring the small size when one call at *size* takes less than
    ``NEGLIGIBLE`` seconds: so little work on ``size`` characters cannot hide a
    superlinear term (a quadratic pass over 400,000 characters takes minutes), and
    timing it would only measure the timer.
    """
    count = max(4, size // len(unit)) // 4 * 4
    small, big = unit * (count // 4), unit * count
    t_big = _seconds(fn, big, 1)
    if t_big < NEGLIGIBLE:
        return 0.0
    t_small = math.inf
    ratio = math.inf
    for attempt in range(ROUNDS):  # measure again only when the growth looks superlinear
        if attempt >= 2:
            time.sleep(PAUSE * (attempt - 1))  # let a slow spell of the machine pass
        t_small = min(t_small, _seconds(fn, small, 3 if attempt else 2))
        t_big = min(t_big, _seconds(fn, big, 3 if attempt else 2))
        ratio = math.sqrt(t_big / t_small)
        if ratio < MAX_RATIO:
            break
    return ratio


def confirmed_growth_ratio(fn: Callable[[str], object], unit: str, size: int) -> float:
    """:func:`growth_ratio` at *size*, and when that looks superlinear, at a quarter of it too;
    the lower of the two.

    Quadratic work grows 4x per doubling at every size; a ratio above 3 at one size only
    comes from the machine (in a CI run, a linear rule measured 3.13x at 400,000 characters,
    and 2.0x at every later try: a busy host's shared cache slows the larger input more).
    A smaller size too fast to measure confirms nothing, and the first ratio stands.
    """
    ratio = growth_ratio(fn, unit, size)
    if ratio >= MAX_RATIO:
        again = growth_ratio(fn, unit, size // 4)
        if again > 0.0:
            ratio = min(ratio, again)
    return ratio


def _unit(name: str) -> str:
    unit, separator = PATTERNS[name]
    return unit + separator


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_linear(rule: Rule, pattern: str) -> None:
    ratio = confirmed_growth_ratio(rule.apply, _unit(pattern), RULE_SIZE)
    assert ratio < MAX_RATIO, f"{rule.name} on {pattern!r}: time x{ratio:.2f} when the input doubles"


# (pattern, characters at size 2n) for the whole pipeline; the brief's sizes
PIPELINE_SIZES = {
    "spaced-periods": 1_000_000,  # 1 MB of ". . . ."
    "about-about": 1_000_000,  # 1 MB of "About About ..."
    "one-long-line": 1_000_000,  # one 1 MB line, no newline
    "blank-lines": 100_000,  # 100,000 blank lines
    "marker-lines": 50_000 * len(_unit("marker-lines")),  # a marker line 50,000 times
    "month-period": 1_000_000,  # "February. " repeated
    "month-number": 1_000_000,  # "February. ten. " repeated
    "he-said": 1_000_000,  # "he said. " repeated
    "entity-run": 1_000_000,  # "&amp;" repeated
}
#: known superlinear cases, reported to the family that owns the rule (remove when fixed)
#: (the translation family's EnglishGate was quadratic on "February. ten. " x 70,000; fixed 08:20)
PIPELINE_KNOWN: dict[str, str] = {}
PIPELINE_CASES = [
    pytest.param(
        name,
        PIPELINE_SIZES.get(name, 400_000),
        id=name,
        marks=[pytest.mark.xfail(strict=True, reason=PIPELINE_KNOWN[name])] if name in PIPELINE_KNOWN else [],
    )
    for name in PATTERNS
]


@pytest.mark.parametrize(("pattern", "size"), PIPELINE_CASES)
def test_default_pipeline_is_linear(pattern: str, size: int) -> None:
    ratio = confirmed_growth_ratio(cleantext.default_pipeline(), _unit(pattern), size)
    assert ratio < MAX_RATIO, f"pipeline on {pattern!r}: time x{ratio:.2f} when the input doubles"


def test_growth_ratio_detects_quadratic_work() -> None:
    """The measurement itself: a quadratic function fails, a linear one passes."""

    def quadratic(text: str) -> int:
        n = len(text) // 50
        return sum(text.count("a", 0, i) for i in range(0, len(text), max(1, len(text) // n)))

    assert growth_ratio(quadratic, "ab", 40_000) > MAX_RATIO
    assert growth_ratio(str.upper, "ab", 400_000) < MAX_RATIO
    # confirmed at a quarter of the size: quadratic work still fails
    assert confirmed_growth_ratio(quadratic, "ab", 80_000) > MAX_RATIO
    assert confirmed_growth_ratio(str.upper, "ab", 400_000) < MAX_RATIO
