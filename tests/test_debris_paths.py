"""boilerplate.debris: its shortcuts agree with the plain definitions they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate import debris
from cleantext.boilerplate.lines import Doc
from cleantext.boilerplate.markers import word_set

_DATEISH = st.sampled_from(
    [
        *("Updated", "June", "Sept.", "2019", "10", "1:23", "p.m.", "a", "at", "on", "by", "BY", "par"),
        *("Di", "dİ", "dı", "von", "Jane", "Doe", "İstanbul", "–", ",", "Mohegan", "things", "de", "-"),
        *("@", "2019-11-19"),
    ]
)


def _plain_is_date_line(line: str) -> bool:
    """debris._is_date_line with none of its shortcuts (first word, second word)."""
    date_words = word_set("date_words")
    if len(line) > 100 or not debris._DIGIT.search(line):
        return False
    if debris._ISO.match(line):
        return True
    stripped = debris._BY_TAIL.sub("", line) if " " in line else line
    words = debris._LETTERS.findall(stripped)
    if not words or len(words) > 14 or not all(w in date_words for w in words):
        return False
    return (
        stripped != line
        or (line[0] not in "([" and debris._status().search(line) is not None)
        or (debris._YEAR.search(line) is not None and debris._TIME.search(line) is not None)
    )


_BYLINED = st.sampled_from(
    ["Updated", "by", "Jane", "Doe", "10", "Nov.", "2019", "1:23", "p.m.", "things", "at", ","]
)


@given(st.one_of(st.lists(_DATEISH, max_size=9), st.lists(_BYLINED, max_size=8)).map(" ".join))
def test_date_line_shortcuts_agree_with_the_plain_test(line: str) -> None:
    assert debris._is_date_line(line, word_set("date_words")) == _plain_is_date_line(line)


def test_a_byline_tail_with_a_turkish_i_still_counts() -> None:
    # IGNORECASE matches "dİ" to "di": the lower-case test must not hide this tail
    line = "June 5, 2019 dİ Jane Doe"
    assert debris._is_date_line(line, word_set("date_words")) == _plain_is_date_line(line)


_PIECES = st.sampled_from(["", "a", ":", "::", "Tags: x", "b:c", "\n", "\n\n", "é:"])


@given(st.lists(_PIECES, max_size=20).map("".join))
def test_colon_lines_are_the_lines_with_two_colons(text: str) -> None:
    doc = Doc(text.split("\n"), text)
    assert debris._colon_lines(doc) == [i for i, line in enumerate(doc.lines) if line.count(":") >= 2]


@given(st.lists(st.sampled_from(["", "[", "a[b", "\n", "x", "[/x]"]), max_size=20).map("".join))
def test_lines_holding_a_bracket_are_the_containing_lines(text: str) -> None:
    doc = Doc(text.split("\n"), text)
    assert doc.holding("[") == doc.containing(("[",))


_FIELDS = st.sampled_from(["Tags", "Category", "Posted by", "Filed under", "Kategorie", "News", "x"])


@given(st.lists(st.tuples(_FIELDS, st.sampled_from([": a ", " : b - ", ":", "-"])), max_size=5))
def test_a_line_with_two_metadata_fields_holds_a_metadata_key(parts: list[tuple[str, str]]) -> None:
    line = "".join(a + b for a, b in parts)
    meta = debris._meta_alone(())
    words = debris._field_words(meta)
    assert words is not None
    if debris._meta_fields(line, meta) >= 1:
        assert any(w in line.lower() for w in words)


_LINES = st.sampled_from(
    [
        "",
        "Tags",
        "politics, economy, world",
        "Updated at 1:23 p.m.",
        "2019-11-19T08:57:40+01:00",
        "https://example.com/a/b",
        "[button link=”/x”] Send[/button]",
        "Posted by: X - Category: Y - Tags: z",
        "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
        "About 30,000 soldiers took part in the exercise on Feb. 8, officials said.",
    ]
)


@given(st.lists(_LINES, max_size=12))
def test_a_second_round_picks_nothing(lines: list[str]) -> None:
    doc = Doc(lines)
    hits = debris._pick(doc, ())
    assert debris._pick(doc.without(hits), ()) == set()
