"""boilerplate.captions: its shortcuts pick what a look at every hinted line picks."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.boilerplate import captions
from cleantext.boilerplate.lines import Doc, word_count
from cleantext.boilerplate.markers import hinted_search, line_matcher, search_hints

_START = r"[\W_]{0,2}(?:{m})s?\s*[:|/]\s*\S"


def _plain_pick(doc: Doc) -> set[int]:
    """The picker without shortcuts: the trigger is tried on every line holding a hint."""
    trigger = hinted_search("captions", ())
    start = line_matcher("caption_start", (), _START)
    lines = doc.lines
    hints = search_hints("captions", ())
    assert hints is not None
    found = set(start.candidates(doc)) | doc.containing(hints)
    # a credit glued after the last full stop: the line ends in a letter once stripped as the
    # picker strips it ("… in New York.Reuters |")
    found |= {
        i
        for i, line in enumerate(lines)
        if line.rstrip("| ")[-1:].isalpha() and "." in line.rstrip("| ")[-40:]
    }
    out: set[int] = set()
    for i in sorted(found):
        raw = lines[i]
        line = raw.strip("| ")
        if len(raw) > 450 or not line or word_count(line) > 50 or line.endswith((":", "?")):
            continue
        if word_count(line) <= 30 and start.match(line):
            out.add(i)
            continue
        found_at = trigger.search(line) or captions._glued(()).search(line, max(0, len(line) - 40))
        if not found_at:
            continue
        group = found_at.group()
        if (
            group.startswith("(")
            and captions._POSITION.match(group)
            and not captions._is_photo_sentence(line)
        ):
            continue
        body = captions._PARENS.sub("", line)
        n = captions._sentences(body)
        if n <= 1 or (n == 2 and word_count(line) <= 35 and found_at.start() > len(line) // 2):
            out.add(i)
    return out


_BITS = st.sampled_from(
    [
        "\n",
        "(",
        ")",
        "(AP Photo/Evan Vucci)",
        "(right)",
        "(pictured)",
        "(from left)",
        "(photo",
        "(Foto: X)",
        "(фото",
        "(R-Texas)",
        "Photo: Jane Doe/Reuters",
        "Photo by Jane Doe",
        "in New York.Reuters",
        "Getty Images",
        "REUTERS/Jim",
        "The minister meets his guest in Moscow on February 10.",
        "He said so. ",
        "|",
        " ",
        "x",
    ]
)


@given(st.lists(_BITS, max_size=14).map("".join))
@example("Intro.\nLavrov (right) meets Truss in Moscow on February 10.\n(R-Texas) said so.")
@example("x\n(Foto: X)\n(photo\nA (from left) B, in Moscow on Feb 8 (AP Photo/E)")
@example("(in New York.Reuters|\nin New York.Reuters |")  # found by the ci profile
def test_the_picker_picks_what_the_plain_picker_picks(text: str) -> None:
    doc = Doc(text.split("\n"), text)
    picked = captions._pick(doc, ())
    assert picked == _plain_pick(doc)
    if text.startswith("Intro."):
        assert picked == {1}


@given(st.lists(_BITS, max_size=14).map("".join))
def test_lines_where_a_paren_fragment_matches_are_found_in_the_text(text: str) -> None:
    assert captions._paren_search(()) is not None
    pattern = captions._paren_pattern(())
    doc = Doc(text.split("\n"), text)
    within = {i for i, line in enumerate(doc.lines) if pattern.search(line.strip("| "))}
    assert within <= captions._matching(doc, pattern)


def test_a_fragment_that_may_look_past_its_match_turns_the_text_search_off() -> None:
    assert captions._paren_search((("captions", "(x"),)) is not None
    assert captions._paren_search((("captions", "(^x"),)) is not None  # escaped: a literal "^"
    assert captions._paren_search((("captions", "(x$"),)) is None  # "\\$" is literal too: on the safe side
