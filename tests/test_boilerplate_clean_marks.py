"""Finders that mark a text clean (``Doc.clean``) find nothing in any text made of some of its
lines, and the shared line index of a call never changes what a finder finds."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.boilerplate import ads, author, comments, promo, related, share
from cleantext.boilerplate.lines import doc_for
from cleantext.core import Edit, apply_edits, call_scope

_Finder = Callable[[str], list[Edit]]

#: lines that start, end or look like the picks of comments / related / author, and prose
_LINE = st.sampled_from(
    [
        "Leave a Reply",
        "10 thoughts on “Title”",
        "Top Rated Comments",
        "Comments are closed.",
        "0 Comments",
        "224",
        "Jane Doe says:",
        "Max Mustermann schreibt:",
        "He said:",
        "Read more",
        "READ MORE: Plague outbreak confirmed in Beijing",
        "Check Also",
        "Plane passengers quarantined after outbreak [VIDEO]",
        "Minister resigns over scandal [NEWS]",
        "The Council has been expanded to …",
        "More AP NBA: https://apnews.com/NBA",
        "About the Author",
        "About Eleanor Blackburn",
        "Eleanor Blackburn is a staff writer covering energy.",
        "Eric Song is IGN's deal curator.",
        "By Jane Doe",
        "jane@example.com",
        "Follow her on Twitter @jane.",
        "Share this:",
        "Facebook",
        "A quote worth sharing.Click To Tweet",
        "ADVERTISEMENT",
        "Loading comments…",
        "© 2019 Reuters. All rights reserved.",
        "Tutti i diritti riservati",
        "Customer service is reserved for members.",
        "Subscribe to our newsletter",
        "Thanks for signing up!",
        "About 30,000 soldiers took part in the exercise on Feb. 8, officials said.",
        "The minister said the talks would resume on Monday.",
        "Check also that the valve is closed before you leave.",
        "Readers who subscribe to the newsletter receive a discount.",
        "",
    ]
)
_PROSE = st.sampled_from(
    [
        "About 30,000 soldiers took part in the exercise on Feb. 8, officials said.",
        "The minister said the talks would resume on Monday.",
        "",
    ]
)
_LINES = st.lists(st.one_of(_LINE, _PROSE), max_size=12)
_FINDERS: dict[str, _Finder] = {
    "comments": comments.find_comments,
    "related": related.find_related,
    "author": author.find_author,
    "promo": promo.find_promo,
    "share": share.find_share,
    "ads": ads.find_ads,
    "copyright": ads.find_copyright,
}
_MARKS = {
    "comments": (comments.find_comments, ()),
    "related": (related.find_related, ()),
    "author": (author.find_author, ()),
    "promo": (promo.find_promo, ()),
    "ads": (ads.find_ads, ()),
}


@settings(max_examples=400)
@given(_LINES, st.sets(st.integers(0, 11)))
def test_a_text_marked_clean_keeps_nothing_to_find_when_lines_go(lines: list[str], drop: set[int]) -> None:
    text = "\n".join(lines)
    fewer = [[line for i, line in enumerate(lines) if i not in drop]]
    fewer += [lines[:k] + lines[k + 1 :] for k in range(len(lines))]  # one line less
    fewer += [lines[:k] for k in range(len(lines))]  # the tail gone
    for name, mark in _MARKS.items():
        finder = _FINDERS[name]
        with call_scope():
            found = finder(text)
            marked = mark in doc_for(text).clean
            left = apply_edits(text, found)
            left_marked = bool(found) and mark in doc_for(left).clean  # a Settled pick's mark
        if marked:
            assert found == [], name
            for kept in fewer:
                assert finder("\n".join(kept)) == [], (name, kept)  # a fresh line index: no mark
        if left_marked:
            assert finder(left) == [], name
            rest = left.split("\n")
            for k in range(len(rest)):
                assert finder("\n".join(rest[:k] + rest[k + 1 :])) == [], (name, rest, k)
                assert finder("\n".join(rest[:k])) == [], (name, rest, k)


@settings(max_examples=200)
@given(_LINES, st.lists(st.sets(st.integers(0, 11)), max_size=3))
def test_a_shared_line_index_gives_the_edits_of_a_fresh_one(lines: list[str], drops: list[set[int]]) -> None:
    """Each finder, run in one call on a text and on texts made of fewer of its lines (as
    the rules of a pipeline see them), finds what it finds on its own."""
    texts = ["\n".join(lines)]
    for drop in drops:
        lines = [line for i, line in enumerate(lines) if i not in drop]
        texts.append("\n".join(lines))
    fresh = {name: [finder(text) for text in texts] for name, finder in _FINDERS.items()}
    with call_scope():
        for k, text in enumerate(texts):
            for name, finder in _FINDERS.items():
                assert finder(text) == fresh[name][k], name
