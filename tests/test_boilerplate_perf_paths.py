"""The fast paths of the boilerplate line index agree with the plain per-line definitions."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.boilerplate.debris import find_debris
from cleantext.boilerplate.lines import Doc
from cleantext.boilerplate.markers import line_key
from cleantext.boilerplate.share import find_share

_ALPHABET = st.sampled_from([*"ab Zé©무о\n\n:[(“\"'«1_-", "copyright", "무단", "Read more", "²"])
_TEXTS = st.lists(_ALPHABET, max_size=40).map("".join)


def _doc(text: str) -> Doc:
    return Doc(text.split("\n"), text)


@given(_TEXTS)
def test_starts_are_the_line_offsets(text: str) -> None:
    doc = _doc(text)
    assert all(text[s : s + len(line)] == line for s, line in zip(doc.starts, doc.lines, strict=True))


@given(_TEXTS, st.sampled_from(["“\"‘«„'", "[", "(-"]))
def test_starting_with_is_the_lines_with_that_first_character(text: str, firsts: str) -> None:
    doc = _doc(text)
    assert doc.starting_with(firsts) == [i for i, line in enumerate(doc.lines) if line and line[0] in firsts]


_CASED = st.sampled_from(
    [*"abkiK\u212aİIÉéΣσς\u2126ωßẞ\n:(", "Copyright", "ÉTÉ", "ΟΔΟΣ", "RESERV", "rights ", "ados", "무"]
)


@given(
    st.one_of(_TEXTS, st.lists(_CASED, max_size=30).map("".join)),
    st.sampled_from(
        [
            ("copyright", "무단", "©"),
            ("о", ":"),
            ("무단전재", "(c)"),
            ("é",),
            ("k", "i"),
            ("ω", "ς"),
            ("σ", "été"),
            ("ß", "odoς", "(c)"),
            ("rights reserved", "reservados", "reserv", "무단 전재", "무단전재", "(c)"),
        ]
    ),
)
def test_containing_is_the_lines_holding_a_hint(text: str, hints: tuple[str, ...]) -> None:
    doc = _doc(text)
    expected = {i for i, line in enumerate(doc.lines) if any(h in line.lower() for h in hints)}
    assert doc.containing(hints) == expected


_WORDY = st.sampled_from(
    [
        *"ab Zé©무о\n\n:[(“\"'«1_-. ",
        "copyright",
        "Read more",
        "²",
        "İ",
        "\u212a",
        "_x",
        "* * *",
        "x" * 50,
        "." * 50,
    ]
)
_WORDY_TEXTS = st.lists(_WORDY, max_size=40).map("".join)


@given(st.one_of(_TEXTS, _WORDY_TEXTS))
def test_index_files_every_short_line_under_its_first_word(text: str) -> None:
    doc = _doc(text)
    filed = {i: key for key, rows in doc.index.items() for i in rows}
    assert sorted(filed) == [i for i, line in enumerate(doc.lines) if line and len(line) <= 600]
    for i, line in enumerate(doc.lines):
        assert doc.key(i) == line_key(line)  # the one-scan index agrees with the plain definition
    for key in {line_key(line) for line in doc.lines} - {None}:
        assert key is not None
        expected = [i for i, line in enumerate(doc.lines) if line_key(line) == key and len(line) <= 600]
        assert doc.rows(key) == expected
        assert doc.with_keys(frozenset((key, "0x"))) == set(expected)  # "0x" is never a first word
        assert key in doc.first_words() or not expected


@given(st.one_of(_TEXTS, _WORDY_TEXTS), st.sets(st.integers(0, 45)))
def test_a_document_without_some_lines_equals_a_fresh_one(text: str, drop: set[int]) -> None:
    doc = _doc(text)
    doc.containing(("a",))  # lower case and first words computed, to be carried over
    doc.first_words()
    sub = doc.without(drop)
    fresh = Doc([line for i, line in enumerate(doc.lines) if i not in drop])
    assert sub.lines == fresh.lines and sub.text == fresh.text
    assert sub.index == fresh.index
    assert [sub.key(i) for i in range(len(sub.lines))] == [fresh.key(i) for i in range(len(fresh.lines))]
    assert sub.first_words() == fresh.first_words()
    for hints in (("a",), ("©", "무"), ("k", "i")):
        assert sub.containing(hints) == fresh.containing(hints)


@given(
    st.sets(
        st.sampled_from(["nov", "hours", "hour", "час", "часов", "минуты", "russia", "#", "updated", "x"])
    )
)
def test_word_set_among_is_membership(words: set[str]) -> None:
    from cleantext.boilerplate.markers import word_set

    date_words = word_set("date_words")
    assert date_words.among(words, also="#") == {w for w in words if w in date_words or w == "#"}


def test_a_remembered_empty_answer_is_only_given_for_the_same_text_and_markers() -> None:
    from cleantext.core import call_scope

    text = "Para one.\n"
    with call_scope():
        assert find_share(text) == [] and find_share(text) == []  # the second answer is remembered
        assert find_share("Para one.\nShare this:\n") == [(10, 22, "")]
        assert find_share(text, (("share", "Para one."),)) == [(0, 10, "")]  # other markers, other note
        assert find_share(text) == []


_LINES = st.sampled_from(
    [
        "",
        "ADVERTISEMENT",
        "Advertisement",
        "© 2019 Example News. All rights reserved.",
        "Share this:",
        "Facebook",
        "Twitter",
        "Photo: Jane Doe/Reuters",
        "The minister (right) meets his guest in Moscow on February 10.",
        "With reports from AFP, AP and Reuters",
        "Keith Bradsher contributed reporting from Hong Kong.",
        "About 30,000 soldiers took part in the exercise on Feb. 8, officials said.",
        "The company's share price fell (by 3 %) after the photo was published.",
        "Copyright law protects the work.",
    ]
)


@given(st.lists(_LINES, max_size=12).map("\n".join))
def test_local_pickers_pick_nothing_in_a_second_round(text: str) -> None:
    from cleantext.boilerplate import ads, captions, credits, share

    doc = _doc(text)
    for picker in (ads._pick_ads, ads._pick_copyright, captions._pick, credits._pick, share._pick):
        hits = picker(doc, ())
        assert picker(doc.without(hits), ()) == set()


def test_the_text_left_by_a_rule_comes_with_the_right_index() -> None:
    from cleantext.boilerplate.lines import doc_for
    from cleantext.core import apply_edits, call_scope

    text = "Share this:\nFacebook\nRead more about it\n1 thought on this\nThe end.\n"
    with call_scope():
        after = apply_edits(text, find_share(text))
        doc = doc_for(after)
    fresh = _doc(after)
    assert doc.lines == fresh.lines and doc.text == after
    assert doc.index == fresh.index


_MIXED = st.sampled_from(
    [
        "",
        "Share this:",
        "Tags",
        "politics, economy, world",
        "Tags: a, b",
        "Updated at 1:23 p.m.",
        "2019-11-19T08:57:40+01:00",
        "https://example.com/a/b",
        "[button link=”/x”] Send[/button]",
        "He called it a “threatening posture” again.",
        "“threatening posture”",
        "A quote worth sharing.Click To Tweet",
        "Posted by: X - Category: Y - Tags: z",
        "The minister (right) meets his guest in Moscow on February 10.",
        "About 30,000 soldiers took part in the exercise on Feb. 8, officials said.",
    ]
)


@given(st.lists(_MIXED, max_size=12), st.sets(st.integers(0, 11)))
def test_rules_that_remember_finding_nothing_find_nothing_in_fewer_lines(
    lines: list[str], drop: set[int]
) -> None:
    """The premise of known_clean: for these rules, nothing found in a text stays nothing
    found once some of its lines are gone."""
    from cleantext.boilerplate import ads, captions, credits, pullquote, share

    text = "\n".join(lines)
    fewer = "\n".join(line for i, line in enumerate(lines) if i not in drop)
    for finder in (
        find_debris,
        share.find_share,
        pullquote.find_pull_quotes,
        ads.find_ads,
        ads.find_copyright,
        captions.find_captions,
        credits.find_credits,
    ):
        if not finder(text):
            assert not finder(fewer), finder.__name__


def test_a_rule_that_found_nothing_answers_at_once_for_the_lines_left() -> None:
    from cleantext.boilerplate.lines import known_clean
    from cleantext.core import apply_edits, call_scope

    text = "Para one.\nShare this:\nPara two.\n"
    with call_scope():
        assert find_share("Para one.\nPara two.\n") == []
        assert known_clean("Para one.\nPara two.\n", (find_share, ()))
        assert find_debris(text) == []
        # the text a rule leaves behind inherits what was found clean in the text before it
        after = apply_edits(text, find_share(text))
        assert after == "Para one.\nPara two.\n"
        assert known_clean(after, (find_debris, ()))
    assert not known_clean(text, (find_debris, ()))  # outside a call nothing is remembered


def test_plain_first_words_skip_parsing_with_the_same_result() -> None:
    from cleantext.boilerplate import markers

    frags = [f for c in markers.CATEGORIES for f in markers.fragments(c)]
    plain = [f for f in frags if f.partition(" ")[0].isalpha()]
    assert len(plain) > len(frags) // 2
    for frag in plain:
        # a non-empty "after" (a space: a terminator) makes the parser proper run
        assert markers._first_words(frag) == markers._first_words(frag, " "), frag


def test_a_lazy_pattern_compiles_on_first_use_and_replaces_itself() -> None:
    import re

    from cleantext.boilerplate.markers import lazy_pattern

    namespace: dict[str, object] = {}
    stand_in = namespace["P"] = lazy_pattern(namespace, "P", r"a+b", re.IGNORECASE)
    assert not isinstance(stand_in, re.Pattern)
    assert stand_in.match("AAB") is not None and stand_in.pattern == "a+b"
    assert namespace["P"] is re.compile(r"a+b", re.IGNORECASE)
    assert stand_in.search("xab") is not None  # a copy of the stand-in kept elsewhere still works


_CAPTION_BITS = st.sampled_from(
    [
        "Photo by ",
        "photographs by ",
        "Pictures by ",
        "Jane Doe",
        "taken by ",
        " by ",
        "(AP Photo/Evan Vucci)",
        "(right)",
        "(From left)",
        "Getty Images",
        "REUTERS/Jim",
        "© 2019",
        "All rights reserved.",
        "The minister said.",
        "images",
        "x",
        " ",
    ]
)


@given(st.lists(_CAPTION_BITS, max_size=8).map("".join), st.sampled_from(["captions", "copyright"]))
def test_hinted_search_finds_a_match_exactly_when_the_plain_pattern_does(line: str, category: str) -> None:
    import re

    from cleantext.boilerplate import markers

    fast = markers.hinted_search(category, ())
    frags = sorted(set(markers.fragments(category)), key=len, reverse=True)
    plain = re.compile("(?:" + "|".join(frags) + ")", re.IGNORECASE)
    assert (fast.search(line) is not None) == (plain.search(line) is not None)


_BLOCKY = st.sampled_from(
    [
        "",
        "Check Also",
        "Read more",
        "Veterans Board Expands Its Ranks",
        "The Council has grown to …",
        "- A bulleted teaser headline here",
        "Plane passengers quarantined after outbreak [VIDEO]",
        "Storm hits the coast at night [VIDEO]",
        "READ MORE: Plague outbreak confirmed in Beijing",
        "10 thoughts on “Title”",
        "Leave a Reply",
        "Comments are closed.",
        "Jane Doe says:",
        "Max says:",
        "Great post!",
        "Subscribe to our newsletter",
        "Pick Six Newsletter",
        "Sorry!",
        "Something to Consider",
        "Follow us on Twitter",
        "The minister said the talks would resume on Monday.",
        "About 30,000 soldiers took part in the exercise on Feb. 8, officials said.",
    ]
)


@given(st.lists(_BLOCKY, max_size=16))
def test_one_round_is_the_fixpoint_when_a_picker_says_so(lines: list[str]) -> None:
    from cleantext.boilerplate import comments, promo, related
    from cleantext.boilerplate.lines import Settled

    doc = Doc(lines)
    for picker, always in ((related._pick, False), (comments._pick, False), (promo._pick, True)):
        hits = picker(doc, ())
        if always or isinstance(hits, Settled):
            assert picker(doc.without(hits), ()) == set(), picker.__module__


@given(st.lists(_BLOCKY, max_size=16), st.sets(st.integers(0, 15)))
def test_promo_finds_nothing_in_fewer_lines_when_it_found_nothing(lines: list[str], drop: set[int]) -> None:
    from cleantext.boilerplate.promo import find_promo

    text = "\n".join(lines)
    if not find_promo(text):
        assert not find_promo("\n".join(line for i, line in enumerate(lines) if i not in drop))


@given(
    st.sampled_from(["comments", "comments_end", "ads", "share", "related", "meta", "author_box", "credits"]),
    st.lists(
        st.sampled_from(
            ["Leave a Reply", "ADVERTISEMENT", "Share this", "Read more", "Tags", "About the author"]
        )
        | st.sampled_from([" ", ":", "!", "...", " x", "—", "(AP)", "Reuters", "word " * 30]),
        max_size=6,
    ).map("".join),
)
def test_whole_line_matchers_skip_only_lines_too_long_to_match(category: str, line: str) -> None:
    from cleantext.boilerplate import markers

    template = r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z"
    fast = markers.line_matcher(category, (), template)
    plain = markers.compile_category(category, (), template)
    assert (fast.match(line) is not None) == (plain.match(line) is not None)
    assert markers._longest_match(["ab", "c"], r"[\W_]{0,3}(?:{m})\Z") == 5
    assert markers._longest_match(["ab", "c"], r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z") == 8
    assert markers._longest_match(["ab"], r"(?:{m}).*\Z") > 10**9
    assert markers._longest_match(["ab"], r"(?:{m})") > 10**9
    assert markers._longest_match(["ab"], r"(?:{m}){2}\Z") > 10**9
    assert markers._longest_match(["ab"], r"(?:x(?:{m})){2}\Z") > 10**9
    assert markers._longest_match(["ab"], r"(?:{m})(?: (?:{m}))?\Z") > 10**9


@given(
    st.lists(
        st.sampled_from(
            ["Jane", "Doe", "de", "la", "The", "minister", "is", "was", "a", "writer", "O'Neil", "x."]
        ),
        max_size=7,
    ).map(" ".join)
)
@example("Jane de la Doe is a writer")
@example("Jane Doe was a writer")
def test_bio_prefilter_keeps_every_line_the_bio_pattern_matches(line: str) -> None:
    from cleantext.boilerplate import author

    m = author._BIO_START.match(line)
    plain = m is not None and author._roles(()).match(line, m.end()) is not None
    # _bios tries _BIO_START only on lines its two-names prefilter lets through
    assert (author._bios([line], (), 0) == {0}) == plain


@given(
    st.lists(st.sampled_from(["", "In New York.Reuters", "Text.", "A title", "x.y z", "é", "2"]), max_size=8)
)
def test_glued_credit_candidates_are_the_lines_ending_in_a_letter_after_a_stop(lines: list[str]) -> None:
    from cleantext.boilerplate import captions
    from cleantext.boilerplate.markers import line_matcher

    doc = Doc(lines)
    start = line_matcher("caption_start", (), r"[\W_]{0,2}(?:{m})s?\s*[:|/]\s*\S")
    glued = {i for i, line in enumerate(lines) if line and line[-1].isalpha() and "." in line[-40:]}
    assert glued <= set(captions._candidates(doc, (), start))


def _plain_line_edits(text: str, dropped: set[int]) -> list[tuple[int, int, str]]:
    """drop_lines' edits by their plain definition: a walk over every line."""
    lines = text.split("\n")
    edits: list[tuple[int, int, str]] = []
    pos, n, last_kept = 0, len(text), -1
    for i, line in enumerate(lines):
        end = pos + len(line)
        if i in dropped:
            edits.append((pos, min(end + 1, n), ""))
        elif line:
            last_kept = end
        pos = end + 1
    if text and text[-1] != "\n" and len(lines) - 1 in dropped:
        tail = max(last_kept, 0)
        edits = [e for e in edits if e[0] < tail]
        edits.append((tail, n, ""))
    return edits


def _pick_listed(doc: Doc, listed: frozenset[str]) -> set[int]:
    return {i for i, line in enumerate(doc.lines) if line in listed}


@given(st.lists(st.sampled_from(["", "a", "B", "cc", "B"]), max_size=12).map("\n".join), st.booleans())
def test_drop_lines_edits_are_the_plain_line_edits(text: str, local: bool) -> None:
    from cleantext.boilerplate.lines import drop_lines

    dropped = {i for i, line in enumerate(text.split("\n")) if line in ("B", "cc")}
    expected = _plain_line_edits(text, dropped) if text and dropped else []
    assert drop_lines(text, _pick_listed, frozenset(("B", "cc")), local=local) == expected


_AUTHORISH = st.sampled_from(
    ["About the Author", "Jane Doe is a staff writer covering energy.", "By Jane Doe", "jane@example.com"]
)


@given(st.lists(st.one_of(_BLOCKY, _MIXED, _LINES, _AUTHORISH), max_size=14).map("\n".join))
def test_a_finder_s_first_test_never_hides_a_pick(text: str) -> None:
    """The finders' cheap "nothing to match" exits give the same edits as running the pickers."""
    from cleantext.boilerplate import ads, author, comments, credits, debris, promo, related, share
    from cleantext.boilerplate.lines import drop_lines

    assert promo.find_promo(text) == drop_lines(text, promo._pick, (), local=True)
    assert ads.find_ads(text) == drop_lines(text, ads._pick_ads, (), local=True)
    assert credits.find_credits(text) == drop_lines(text, credits._pick, (), local=True)
    assert related.find_related(text) == drop_lines(text, related._pick, ())
    assert comments.find_comments(text) == drop_lines(text, comments._pick, ())
    assert author.find_author(text) == drop_lines(text, author._pick, ())
    if debris._nothing_to_do(_doc(text), ()):
        assert drop_lines(text, debris._pick, ()) == [] and not debris._SHORTCODE.search(text)
    share_lines = drop_lines(text, share._pick, (), local=True)
    assert [e for e in find_share(text) if e in share_lines] == share_lines


def test_a_marked_settled_pick_marks_the_lines_left_clean() -> None:
    from cleantext.boilerplate.lines import Settled, doc_for, drop_lines
    from cleantext.core import call_scope

    def picker(doc: Doc, _: object) -> set[int]:
        return Settled.marked({i for i, line in enumerate(doc.lines) if line == "X"}, "token")

    with call_scope():
        edits = drop_lines("a\nX\nb", picker)
        assert edits == [(2, 4, "")]
        assert "token" in doc_for("a\nb").clean  # the Doc of the lines left carries the mark
        assert drop_lines("c\nX", lambda doc, _: Settled({1})) == [(1, 3, "")]
        assert "token" not in doc_for("c").clean  # an unmarked Settled pick marks nothing


def test_odd_case_is_every_character_whose_lower_case_holds_a_letter_it_is_no_case_form_of() -> None:
    """``lines.ODD_CASE`` against the Unicode data of this Python: a text whose lower case holds
    a letter holds that letter, its upper or title case, or one of these."""
    import sys

    from cleantext.boilerplate.lines import ODD_CASE

    odd = set()
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        if low != c and any(c not in (x, x.upper(), x.title()) for x in low):
            odd.add(c)
    assert odd == set(ODD_CASE)
