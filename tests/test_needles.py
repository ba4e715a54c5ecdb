"""One pass for many needles answers exactly as one plain scan per needle does."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleantext import default_pipeline, needles
from cleantext.boilerplate.lines import Doc
from cleantext.needles import NeedleSet, hides

# short alphabets, so that needles occur, overlap and hide under each other
_BYTES = st.binary(max_size=60).map(lambda b: bytes(c % 4 + 97 for c in b))
_NEEDLE = st.binary(min_size=1, max_size=6).map(lambda b: bytes(c % 4 + 97 for c in b))
_NEEDLES = st.lists(_NEEDLE, min_size=1, max_size=12)


def _plain_hides(a: bytes, b: bytes) -> bool:
    """Some string holds *a* and *b* with *b* starting within *a* (tried on a string built
    for each offset: *a*, then the rest of *b* past the end of *a*)."""
    for k in range(len(a)):
        joined = a + b[len(a) - k :]
        if joined[k : k + len(b)] == b:
            return True
    return False


@given(_NEEDLE, _NEEDLE)
def test_hides_is_overlap_within_the_first_needle(a: bytes, b: bytes) -> None:
    assert hides(a, b) == _plain_hides(a, b)


@given(_BYTES, _NEEDLES)
@example(b"xab", [b"xab", b"abc"])
@example(b"photo credit", [b"photo", b"hoto credit", b"credit"])
def test_found_is_plain_scans_for_every_settled_needle(haystack: bytes, found: list[bytes]) -> None:
    ns = NeedleSet(found)
    present, settled = ns.found(haystack)
    assert present <= {n for n in found if n in haystack}  # what is reported is there
    for n in settled:
        assert (n in present) == (n in haystack)
    assert ns.any(haystack) == any(n in haystack for n in found)


@given(_BYTES, _NEEDLES, st.integers(1, 5))
def test_small_chunks_give_the_same_answers(haystack: bytes, found: list[bytes], chunk: int) -> None:
    one, small = NeedleSet(found), NeedleSet(found, chunk=chunk)
    assert one.any(haystack) == small.any(haystack)
    for ns in (one, small):
        present, settled = ns.found(haystack)
        assert present <= {n for n in found if n in haystack}
        assert all((n in present) == (n in haystack) for n in settled)


@given(_BYTES, _NEEDLES)
def test_without_the_automaton_library_the_answers_are_the_same(haystack: bytes, found: list[bytes]) -> None:
    fast, plain = NeedleSet(found), NeedleSet(found, automaton=False)
    assert fast.any(haystack) == plain.any(haystack)
    present, settled = plain.found(haystack)
    assert settled == set(found)  # plain scans settle every needle
    assert present == {n for n in found if n in haystack}


def test_needles_that_never_hide_each_other_are_all_settled() -> None:
    ns = NeedleSet([b"copyright", b"photo", b"picture"])
    present, settled = ns.found(b"a photo and a picture")
    assert present == {b"photo", b"picture"}
    assert settled == {b"copyright", b"photo", b"picture"}


def test_a_needle_that_may_hide_under_a_match_is_left_unsettled() -> None:
    # "hoto credit" starts inside "photo": the leftmost match hides it
    present, settled = NeedleSet([b"photo", b"hoto credit"]).found(b"a photo credit")
    assert present == {b"photo"}
    assert b"hoto credit" not in settled
    # when nothing is reported, nothing can hide: every needle is settled absent
    present, settled = NeedleSet([b"photo", b"hoto credit"]).found(b"none here")
    assert not present
    assert settled == {b"photo", b"hoto credit"}


def test_more_needles_than_one_chunk_are_searched_in_chunks() -> None:
    many = [f"needle{i:03d}".encode() for i in range(needles.CHUNK * 2 + 5)]
    ns = NeedleSet(many)
    haystack = b"x needle000 y needle100 z needle132"
    present, settled = ns.found(haystack)
    assert present == {b"needle000", b"needle100", b"needle132"}
    assert settled == set(many)
    assert ns.any(b"needle131") and not ns.any(b"needle")


def test_short_and_empty_needles_are_scanned_plainly() -> None:
    ns = NeedleSet([b"", b"@", b"ab", b"photo"])
    assert ns.any(b"")  # the empty needle is in every text, as with ``in``
    present, settled = ns.found(b"mail@x")
    assert present == {b"", b"@"}
    assert settled == {b"", b"@", b"ab", b"photo"}


def test_the_registry_settles_a_needle_from_the_next_text_on() -> None:
    reg = needles._Registry()
    assert reg.scan(b"a gazump") == (frozenset(), frozenset())  # nothing registered yet
    reg.register(b"gazump")
    reg.register(b"@")  # too short: left to plain scans
    present, settled = reg.scan(b"a gazump")
    assert present == {b"gazump"}
    assert settled == {b"gazump"}


def test_the_registry_is_bounded() -> None:
    reg = needles._Registry()
    for i in range(needles.MAX_REGISTERED + 10):
        reg.register(f"word{i:04d}".encode())
    _, settled = reg.scan(b"nothing")
    assert len(settled) == needles.MAX_REGISTERED


@given(
    st.lists(
        st.sampled_from(["photo", "Photo", "PHOTO ", "hoto credit", "copyright", "x", "\n", "İ", "é"]),
        max_size=20,
    )
)
def test_doc_holds_is_a_plain_scan_whether_or_not_the_needle_is_registered(parts: list[str]) -> None:
    text = "".join(parts)
    for needle in ("photo", "hoto credit", "copyright", "credit"):
        needles.register(needle.encode())
        fresh = Doc(text.split("\n"), text)
        assert fresh.holds(needle) == (needle in text.lower())


_HINT_SETS = (
    ("photo", "hoto credit", "copyright"),  # all ASCII: the set test answers when none is there
    ("copyright", "무단", "(c)"),  # one outside ASCII, looked up every time
    ("credit", "no such hint here"),
)


@given(
    st.lists(
        st.sampled_from(
            ["photo", "Photo", "PHOTO ", "hoto credit", "(C)", "copyright", "무단", "x", "\n", "İ"]
        ),
        max_size=20,
    ),
    st.sampled_from(_HINT_SETS),
    st.booleans(),
)
def test_doc_containing_is_the_plain_lines_whether_or_not_its_needles_are_registered(
    parts: list[str], hints: tuple[str, ...], registered: bool
) -> None:
    text = "".join(parts)
    registry = needles._Registry()
    if registered:  # every ASCII needle settled by the pass: present ones are looked up, absent ones not
        for hint in hints:
            registry.register(hint.encode())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(needles, "_REGISTRY", registry)
        doc = Doc(text.split("\n"), text)
        expected = {i for i, line in enumerate(doc.lines) if any(h in line.lower() for h in hints)}
        assert doc.containing(hints) == expected


def test_the_pipeline_gives_the_same_output_without_the_automaton(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Officials in Kyiv met in Kiev, Ukraine, on Monday.\n\nPhoto: Jane Doe/Reuters\n\n"
        "Of here the middle of the month, he said.\n\nCopyright 2020 Example News. All rights reserved."
    )
    with_automaton = default_pipeline()(text)
    monkeypatch.setattr(needles, "_FACTORY", None)
    monkeypatch.setattr(needles, "_REGISTRY", needles._Registry())
    from cleantext.translation import calques, places

    plain_places = places.PlaceTable(places.default_table().groups, check=False)
    assert not plain_places.spellings._chunks  # every spelling is scanned for plainly
    assert places.find_place_names(plain_places, text) == places.find_place_names(
        places.default_table(), text
    )
    table = calques.default_table()
    plain_calques = calques.CalqueTable(table.pairs, table.not_after, table.not_before, check=False)
    assert calques.find_calques(plain_calques, text) == calques.find_calques(table, text)
    assert default_pipeline()(text) == with_automaton
    assert (
        "Photo:" not in with_automaton and "Kiev" not in with_automaton and "By the middle" in with_automaton
    )


@given(_BYTES)
def test_starts_are_every_occurrence_of_needles_that_cannot_overlap(haystack: bytes) -> None:
    words = [b"ab", b"cb", b"db"]  # over "abcd": no needle may start within another
    for ns in (NeedleSet(words, min_length=2), NeedleSet(words), NeedleSet(words, automaton=False)):
        assert ns.disjoint
        expected = sorted(i for w in words for i in range(len(haystack)) if haystack.startswith(w, i))
        assert ns.starts(haystack) == expected


def test_starts_refuses_needles_that_may_overlap() -> None:
    ns = NeedleSet([b"abc", b"bcd"])
    assert not ns.disjoint
    with pytest.raises(ValueError, match="cannot overlap"):
        ns.starts(b"abcd")
