"""Shortcuts of debris, comments, related, promo and author agree with their plain definitions."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.boilerplate import author, comments
from cleantext.boilerplate.lines import drop_lines

_SAYISH = st.sampled_from(
    [
        "",
        "Jane says",
        "Jane Says:",
        "Max schreibt",
        "x:",
        "Text.",
        "said",
        " said",
        "Il a écrit",
        "Он пишет",
        "Done",
    ]
)


@given(st.lists(_SAYISH, max_size=12), st.integers(0, 13))
def test_lines_ending_like_a_says_header_are_the_lines_with_such_an_ending(
    lines: list[str], first: int
) -> None:
    plain = [i for i, line in enumerate(lines) if i >= first and line.endswith(comments._SAYS_ENDINGS)]
    assert comments._ending_says(lines, first) == plain


_TAILISH = st.sampled_from(
    [
        "",
        "Jane Doe is a staff writer covering energy.",
        "Eric Song is IGN's deal curator.",
        "The minister said the talks would resume.",
        "Short line",
        "Jane Doe",
        "twitter.com/janedoe",
        "Read it at example.COM/a",
        "and/or",
        "jane@example.com",
        "Write to jane@example.com today.",
        "@janedoe",
        "By Jane Doe",
        "By the way, it rained.",
        "About Eleanor Blackburn",
        "About 30,000 soldiers took part",
        "About the Author",
        "More",
        "Follow her on Twitter @jane",
    ]
)


@given(st.lists(_TAILISH, max_size=16).map("\n".join))
@example("Text.\nAbout Eleanor Blackburn")
@example("Text.\nBy Jane Doe\nMore text.")
@example("Text.\njane@example.com")
@example("Jane Doe is a staff writer covering energy.\na\nb\nc\nd")
@example("Jane Doe is a staff writer covering energy.\na\nb\n\nc")
@example("Jane Doe is a staff writer covering energy.\nEric Song is IGN's deal curator.\na\nb\nc\nd")
def test_the_author_gate_never_hides_a_pick(text: str) -> None:
    # the gate: a line that goes for its own text, or a bio near the end
    assert author.find_author(text) == drop_lines(text, author._pick, ())


_DATE_BITS = st.sampled_from(
    [
        *("Updated", "June", "JUNE", "Sept.", "2019", "10", "1:23", "p.m.", "a", "at", "on", "by", "Jane"),
        *("ЧАСА", "час", "минут", "ΟΔΟΣ", "İstanbul", "dİ", "_", "²", "“", "- ", "—", "2019-11-19", "٣"),
    ]
)


@given(st.lists(st.lists(_DATE_BITS, max_size=6).map(" ".join), max_size=6).map("\n".join))
@example("_Updated 2019\n²June 5, 2019 at 1:23 p.m.\n٣ June")
def test_a_date_line_with_its_key_is_a_date_line_without(text: str) -> None:
    from cleantext.boilerplate import debris
    from cleantext.boilerplate.lines import Doc
    from cleantext.boilerplate.markers import word_set

    doc = Doc(text.split("\n"), text)
    date_words = word_set("date_words")
    for key in date_words.among(doc.first_words(), also="#"):
        for i in doc.rows(key):
            line = doc.lines[i]
            assert debris._is_date_line(line, date_words, key) == debris._is_date_line(line, date_words)


@given(
    st.lists(
        st.sampled_from(["More", "MORE", "more", " ", "AP NBA", ":", "https://x.y/z", " and ", "\n", "é"]),
        max_size=8,
    ).map("".join)
)
@example("More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports")
def test_more_links_lines_start_with_more(line: str) -> None:
    from cleantext.boilerplate import related

    plain = related._MORE_LINKS.match(line) is not None
    assert (line.startswith("More ") and related._MORE_LINKS.match(line) is not None) == plain


@given(
    st.lists(st.sampled_from(["[", "]", "[/b]", "[b]", "x", "\n", "[tag a=1]", "[/tag]"]), max_size=12).map(
        "".join
    )
)
def test_shortcodes_are_found_from_the_first_bracket(text: str) -> None:
    from cleantext.boilerplate import debris

    if "[" in text:
        spans = [m.span() for m in debris._SHORTCODE.finditer(text, text.find("["))]
        assert spans == [m.span() for m in debris._SHORTCODE.finditer(text)]
