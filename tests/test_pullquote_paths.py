"""boilerplate.pull-quote: its shortcuts pick what the plain picker picks."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.boilerplate import pullquote
from cleantext.boilerplate.lines import Doc


def _plain_pick(doc: Doc) -> set[int]:
    """Every line opening with a quote tried with the pattern (no test of its last characters)."""
    lines = doc.lines
    candidates: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not line or line[0] not in pullquote._OPENERS or len(line) > 200:
            continue
        m = pullquote._QUOTE.match(line)
        if m:
            inner = m.group("inner").strip(" ,.;:")
            if inner[:1].islower() and 2 <= inner.count(" ") + 1 <= 12:
                candidates[i] = inner.casefold()
    rest = "\n".join(line for i, line in enumerate(lines) if i not in candidates).casefold()
    return {i for i, inner in candidates.items() if inner in rest}


_BITS = st.sampled_from(
    ["“", "”", '"', "'", "‘", "’", "«", "»", "„", ".", "?", "!", ",", " ", "\n", "ab cd", "x"]
)


@given(st.lists(_BITS, max_size=30).map("".join))
@example("He called it a “threatening posture” again.\n“threatening posture”\n'threatening posture'.")
@example("“threatening posture”!\nthreatening posture\n“threatening posture,” he said.")
def test_the_picker_picks_what_the_plain_picker_picks(text: str) -> None:
    doc = Doc(text.split("\n"), text)
    assert pullquote._pick(doc, None) == _plain_pick(doc)
