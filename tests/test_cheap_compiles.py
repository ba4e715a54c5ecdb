"""The routes that compile fewer or smaller patterns on first use answer as the plain patterns do.

A fresh process pays for every pattern it compiles (the CLI as a pre-commit hook, each ``-j``
worker), so some rules try a line only with the markers its first word can start instead of
one pattern of them all.  These tests hold the cheap routes to the plain patterns' answers.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.boilerplate import comments, markers, share
from strategies import MARKERS, SENTENCES, documents

# ----------------------------------------------------------------------------- case folding


def _ignorecase_pairs() -> set[tuple[str, str]]:
    """Every pair of characters ``re.IGNORECASE`` matches with each other while their lower
    cases differ, from the case tables ``re`` itself uses (``_sre``, ``re._casefix``)."""
    sre = pytest.importorskip("_sre")
    casefix = pytest.importorskip("re._casefix")
    by_lower: dict[int, list[str]] = {}
    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code <= 0xDFFF:
            by_lower.setdefault(sre.unicode_tolower(code), []).append(chr(code))
    pairs: set[tuple[str, str]] = set()
    for lower, group in by_lower.items():
        others = list(group)
        for extra in casefix._EXTRA_CASES.get(lower, ()):
            others += by_lower[extra]
        if len(others) < 2:
            continue
        for y in group:
            pattern = re.compile(re.escape(y), re.IGNORECASE)
            pairs.update((y, z) for z in others if z != y and y.lower() != z.lower() and pattern.fullmatch(z))
    return pairs


def test_case_apart_covers_every_pair_ignorecase_folds_together() -> None:
    pairs = _ignorecase_pairs()
    assert ("ſ", "s") in pairs and ("İ", "i") in pairs  # the tables were read
    apart = markers.case_apart
    assert [(y, z) for y, z in pairs if not apart(y.lower()) and not apart(z.lower())] == []


def test_no_built_in_marker_is_case_apart() -> None:
    """So the cheap routes serve every line of ordinary case."""
    for category in markers.CATEGORIES:
        assert not markers._key_table((category,), ()).case_apart, category


# ----------------------------------------------------------------------------- boilerplate.share

#: lines that look like a standalone marker at a line start, and prose that starts like one
_LOOK_ALIKES = [
    "Check Also",
    "Check also that the valve is closed",
    "Share",
    "Shared values matter",
    "Share prices rose",
    "Related: the talks",
    "Relatedly, the talks failed",
    "Advertisement",
    "Advertisements are everywhere",
    "Read more about the talks",
    "Reader comments",
    "In case you missed it",
    "In other news, the talks failed",
    "Incase",
    "10 thoughts on “X”",
    "10 thoughtsful",
    "© 2024 Reuters",
    "ⓒ",
    "Copyright",
    "Comments are closed.",
    "Leave a Reply",
    "About the Author",
    "Tags: talks",
    "— Читайте также",
    "Читайте, знакомьтесь",
    "Entermedia 주요뉴스",
    "Pick Six Newsletter",
    "Loading...",
    "I'm here to tell you that the laws of physics apply",
    "Every online business exists in the 'space-time continuum.'",
    "ſhare this",
    "İn case you missed it",
    "IN CASE YOU MISSED İT",
    "µ",
    "",
    "...",
    "__Share",
    "(((Share",
]

_STANDALONE_FRAGMENTS = sorted(
    {frag for category in share._STANDALONE for frag in markers.fragments(category)},
    key=lambda frag: (len(frag), frag),
)


@lru_cache(maxsize=4)
def _plain(extra: markers.Extra) -> re.Pattern[str]:
    """The one pattern of every standalone marker that share compiled before."""
    return markers.compile_categories(share._STANDALONE, extra, share._MARKER_START)


def _same_answer(line: str, extra: markers.Extra = ()) -> None:
    assert share._starts_with_marker(line, extra) == (_plain(extra).match(line) is not None), line


@pytest.mark.parametrize("line", _LOOK_ALIKES)
def test_share_marker_start_on_look_alikes(line: str) -> None:
    _same_answer(line)


def test_share_marker_start_on_every_sentence_and_marker() -> None:
    for line in (*SENTENCES, *MARKERS):
        _same_answer(line)
        _same_answer(line.upper())


@given(documents())
def test_share_marker_start_on_generated_documents(text: str) -> None:
    for line in text.split("\n")[:40]:
        _same_answer(line)


@st.composite
def _marker_lines(draw: st.DrawFn) -> str:
    """A line that starts with a match of one standalone fragment, in any case, after junk."""
    frag = draw(st.sampled_from(_STANDALONE_FRAGMENTS))
    body = draw(st.from_regex(re.compile(frag, re.IGNORECASE), fullmatch=True))
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase]))
    lead = draw(st.sampled_from(["", "- ", "“", "((((", "_", "•", "¡"]))
    tail = draw(st.sampled_from(["", " ", ":", "s", "x", " and more", "…", "'s"]))
    return lead + case(body) + tail


@given(_marker_lines())
@example("İNSTAGRAM")
@example("ſhare")
def test_share_marker_start_on_lines_made_from_the_markers(line: str) -> None:
    _same_answer(line)


@pytest.mark.parametrize("extra", [(("share", "Teilen auf"),), (("related", "ſiehe auch"),)])
def test_share_marker_start_with_user_markers(extra: markers.Extra) -> None:
    for line in ("Teilen auf X", "teilen", "Siehe auch", "ſiehe auch", "SIEHE AUCH:", "Share"):
        _same_answer(line, extra)


# ----------------------------------------------------------------------------- the rules' line matchers


def _rule_matchers() -> list[markers.LineMatcher]:
    """The line matchers of the boilerplate rules (built-in markers)."""
    from cleantext.boilerplate import ads, author, captions, comments, credits, debris, promo, related

    return [
        ads._ads(()),
        author._box(()),
        captions._start(()),
        *comments._matchers(()),
        markers.line_matcher("comments_end", (), r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z"),
        credits._credits(()),
        debris._meta_alone(()),
        debris._meta_field(()),
        *promo._matchers(()),
        promo._head(()),
        *related._patterns(()),
        *share._matchers(()),
    ]


@lru_cache(maxsize=64)
def _plain_of(matcher: markers.LineMatcher) -> re.Pattern[str]:
    categories, extra = matcher._categories
    return markers.compile_categories(categories, extra, matcher.template)


_LOOSE_FRAGMENTS = sorted(
    {frag for category in markers.CATEGORIES for frag in markers._key_table((category,), ()).loose},
    key=lambda frag: (len(frag), frag),
)


@st.composite
def _loose_lines(draw: st.DrawFn) -> str:
    """A line holding a match of a fragment tried on lines of any first word ("in case you
    missed it", "© 2024"), at its start or after a word some other fragment starts with."""
    frag = draw(st.sampled_from(_LOOSE_FRAGMENTS))
    body = draw(st.from_regex(re.compile(frag, re.IGNORECASE), fullmatch=True))
    case = draw(st.sampled_from([str, str.upper, str.title]))
    lead = draw(st.sampled_from(["", "- ", "“", "Share ", "Read more: ", "Related ", "Sign up ", "No "]))
    tail = draw(st.sampled_from(["", ":", " here", "…", "s"]))
    return lead + case(body) + tail


def _same_as_plain(line: str) -> None:
    for matcher in _rule_matchers():
        fast = matcher.match(line)
        if matcher.follows_case(line):
            plain = _plain_of(matcher).match(line)
            assert (fast is None) == (plain is None), (matcher.template, line)
            if fast is not None and plain is not None:
                assert fast.group() == plain.group(), (matcher.template, line)


@given(_loose_lines())
@example("İn case you missed it")
@example("In case you missed it")
@example("You must be logged in to post a comment.")
@example("The personal data will be used to support your experience throughout this website.")
def test_rule_matchers_on_lines_with_loose_fragments(line: str) -> None:
    _same_as_plain(line)


@pytest.mark.parametrize("line", _LOOK_ALIKES)
def test_rule_matchers_on_look_alikes(line: str) -> None:
    _same_as_plain(line)


@given(documents())
def test_rule_matchers_on_generated_documents(text: str) -> None:
    for line in text.split("\n")[:40]:
        _same_as_plain(line)


def test_a_line_of_folded_case_is_tried_with_every_loose_fragment() -> None:
    """ "İn" is filed as "i̇n", not "in": such a line keeps every fragment not filed under a word,
    as the fragments of common first words were before they were filed under those words."""
    widget = comments._matchers(())[0]
    table = markers._key_table(("comments",), ())
    assert "you must (?:be )?log(?:ged)? in to post a comment\\.?" in table.common["you"]
    assert table.loose_for("you") != table.loose
    assert table.loose_for("i\u0307n") == table.loose == table.loose_for("ſhare")
    assert widget.match("YOU MUST BE LOGGED İN TO POST A COMMENT.") is not None


@pytest.mark.parametrize("category", markers.CATEGORIES)
def test_the_widest_match_of_an_entry_is_that_of_its_widest_fragment(category: str) -> None:
    """Entries take their width from the widths of their fragments, each parsed once."""
    parser = markers.sre_parser()
    table = markers._key_table((category,), ())
    entries = [table.by_key[key] + table.loose_for(key) for key in table.by_key] + [table.loose]
    for frags in filter(None, entries):
        whole = parser.parse("(?:" + "|".join(sorted(set(frags), key=len, reverse=True)) + ")").getwidth()[1]
        assert min(whole, parser.MAXREPEAT) == min(max(map(markers._widest, frags)), parser.MAXREPEAT)


# ----------------------------------------------------------------------------- boilerplate.captions


def test_captions_compile_the_paren_fragments_once() -> None:
    """The pattern tried at each "(" holds the fragments with "(": the same fragments are not
    compiled again for a search of the whole text (only a marker set without that pattern is)."""
    from cleantext.boilerplate import captions

    text = "Lavrov (right) meets Truss in Moscow on February 10.\n(AP Photo/Evan Vucci)\nBody (2019) text.\n"
    captions._paren_pattern.cache_clear()
    assert captions.find_captions(text) != []
    assert captions._at_paren(()) is not None
    assert captions._paren_pattern.cache_info().currsize == 0
    odd = (("captions", "Foto(s"),)  # a match that need not open with "(": searched for in the text
    assert captions._at_paren(odd) is None
    captions.find_captions("Body text.\nFoto(s): Reuters\n", odd)
    assert captions._paren_pattern.cache_info().currsize == 1


def test_captions_ascii_punctuation_is_that_of_the_string_module() -> None:
    import string

    from cleantext.boilerplate import captions

    assert string.punctuation == captions._ASCII_PUNCTUATION


# ----------------------------------------------------------------------------- translation.attribution


def _two_attributions_per_quote(text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """The matches the rule took before: one pattern per closing quote, searched with finditer."""
    from cleantext.translation import attribution

    verbs, name = attribution._words()["verbs"], attribution._NAME
    out = []
    for q in attribution._QUOTES:
        pattern = re.compile(
            rf"{q} (?<=[,!?]{q} )((?:he|she|they|we|I) (?:{verbs})\. )"
            rf"((?:The (?:[a-z-]+ ){{0,2}}[a-z-]+)|{name}(?: {name}){{0,2}}) (?:{verbs})"
            rf"([^\n.!?“”\"]{{0,200}})[.!?](?!\S)"
        )
        out += [(m.span(), m.groups()) for m in pattern.finditer(text)]
    return out


@st.composite
def _attributions(draw: st.DrawFn) -> str:
    """Quotes attributed twice or once, in both quote styles, run together or apart."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        quote = draw(st.sampled_from(["“We will not give up{}”", '"We will not give up{}"', "{}”", '{}"']))
        punct = draw(st.sampled_from([",", "!", "?", ".", ""]))
        pronoun = draw(st.sampled_from(["he", "she", "they", "we", "I", "He", "it"]))
        verb, verb2 = (
            draw(st.sampled_from(["said", "added", "told", "noted", "sang"])),
            draw(st.sampled_from(["said", "told", "stressed", "ate"])),
        )
        speaker = draw(
            st.sampled_from(["Truss", "Liz Truss", "The foreign minister", "the minister", "O'Neill"])
        )
        tail = draw(
            st.sampled_from(
                ["", " reporters", " a press conference in Moscow", " that it failed", " x" * 120]
            )
        )
        end = draw(st.sampled_from([".", "!", "", ".x", "”", '"']))
        parts.append(f"{quote.format(punct)} {pronoun} {verb}. {speaker} {verb2}{tail}{end}")
    return draw(st.sampled_from([" ", "\n", "", "  "])).join(parts)


@given(_attributions())
@example("“We will not give up,” he said. Truss told reporters in Moscow.")
@example('"No," she said. The foreign minister told a press conference. "Yes!" we said. Lavrov said.')
@example("“A,” I said. “B,” they said. Truss told reporters.")
def test_two_attributions_are_found_as_by_a_pattern_per_quote(text: str) -> None:
    from cleantext.translation import attribution

    found = [(m.span(), m.groups()) for m in attribution._two_attribution_matches(text)]
    assert found == _two_attributions_per_quote(text)


@given(documents())
def test_two_attributions_in_generated_documents(text: str) -> None:
    from cleantext.translation import attribution

    found = [(m.span(), m.groups()) for m in attribution._two_attribution_matches(text)]
    assert found == _two_attributions_per_quote(text)
