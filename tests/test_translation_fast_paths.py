"""The fast paths of the translation rules find what their plain definitions find.

Each shortcut is compared with the plain code it stands for on generated text built from
the pieces the rules care about (and their look-alikes), inside and outside a call scope.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.core import call_scope
from cleantext.translation import attribution, calques, dates, fragments, places
from cleantext.translation.context import matches_at_stops, period_lower, period_lower_offsets


def plain_place_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """What ``translation.place-names`` walked before the byte scan: one search after another."""
    out: list[tuple[int, int]] = []
    m = pattern.search(text)
    while m is not None:
        out.append(m.span())
        m = pattern.search(text, m.end())
    return out


_PLACE_PIECES = [
    *"KkIiEeVvOoDdSsLlTtRrNn -\n.,\x01\x02\x03é’\u00a0\ud800😀",
    "Kiev",
    "KIEV",
    "Kievan",
    "Lvov",
    "LVOV",
    "TOLD",
    "ROVNO",
    "Belaya Tserkov",
    "Krivoy Rog",
    "Ivano-Frankovsk",
    "Nikolayev",
    "Nikolaev",
    "Zaporozhye",
    "ZAPOROZHIE",
    "Odessa",
    "Kyiv",
    "Ukraine",
]
_PLACE_TEXTS = st.lists(st.sampled_from(_PLACE_PIECES), max_size=40).map("".join)


@given(_PLACE_TEXTS)
@example("K" * 200 + "Kiev")  # more misses than the anchored scan takes: the plain pattern goes on
@example("é’Kiev😀\ud800LVOV Lvov")
def test_place_name_byte_scan_finds_the_plain_matches(text: str) -> None:
    table = places.default_table()
    pattern = table.compiled()[0]
    assert table.byte_scan() is not None
    expected = plain_place_spans(pattern, text)
    assert places._spans(table, text) == expected
    with call_scope():
        assert places._spans(table, text) == expected
    limit = places._MAX_MISSES
    try:  # the plain pattern taking over after any number of misses
        for places._MAX_MISSES in (0, 1, 3):
            assert places._spans(table, text) == expected
    finally:
        places._MAX_MISSES = limit


def test_place_names_without_a_byte_scan() -> None:
    """A table with a spelling outside ASCII keeps the plain search."""
    table = places.default_table((("Kijów", "Kyiv"), ("Bombay", "Mumbai")), "always")
    assert table.byte_scan() is None
    text = "In Kijów and Bombay, not Bombayan. Kiev"
    assert places._spans(table, text) == plain_place_spans(table.compiled()[0], text)
    assert [text[s:e] for s, e in places._spans(table, text)] == ["Kijów", "Bombay", "Bombay", "Kiev"]


_STOP_PIECES = [
    *'. .\n,”"aZé',
    "\ud800",  # a lone surrogate: three bytes in the call's UTF-8, one character
    "😀",  # four bytes
    ". ",
    "ten",
    "twenty-first",
    "February",
    "in",
    "he",
    "said",
    "noted",
    "solution",
    "political",
    "meaning",
    "he said",
    "Lavrov",
    "U.S",
    "etc",
]
_STOP_TEXTS = st.lists(st.sampled_from(_STOP_PIECES), max_size=40).map("".join)


def _patterns_after_a_stop() -> list[re.Pattern[str]]:
    return [
        dates._tables().number_after_period,
        fragments._stray().stray,
        fragments._duplicated().fragment_after_stop,
        attribution._verb_after_stop(),
        period_lower(),
    ]


@given(_STOP_TEXTS)
@example("x. said. noted. added, he said. ten.")
def test_matches_at_stops_are_the_finditer_matches(text: str) -> None:
    """The rules try their patterns at the offsets of ". " + a lowercase letter only."""
    assert period_lower_offsets(text) == [m.start() for m in period_lower().finditer(text)]
    for pattern in _patterns_after_a_stop():
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches_at_stops(pattern, text)] == expected, pattern.pattern
        with call_scope():
            assert [m.span() for m in matches_at_stops(pattern, text)] == expected, pattern.pattern


def test_every_calque_holds_a_key_of_the_pre_check() -> None:
    for extra in ((), (("in the frame of", "as part of"), ("of here", "by now"))):
        table = calques.default_table(extra)
        for calque, _ in table.pairs:
            for form in (calque[0].lower() + calque[1:], calque[0].upper() + calque[1:]):
                assert any(k in form for k in table.keys), form


_CALQUE_PIECES = [
    *" ,.-\nOoSsIi",
    "of here",
    "f here",
    "the end of",
    "the middle",
    "next",
    "May",
    "since several",
    "since many",
    "years",
    "months",
    "it is question",
    "It is question of",
    "north",
    "ago",
    "the talks went on for hours in the city,",
]


@given(st.lists(st.sampled_from(_CALQUE_PIECES), max_size=30).map(" ".join))
def test_calque_pre_check_changes_nothing(text: str) -> None:
    table = calques.default_table()
    plain = calques.CalqueTable(table.pairs, table.not_after, table.not_before, check=False)
    plain.keys = ("",)  # found in every text: the pre-check always passes
    assert calques.find_calques(table, text) == calques.find_calques(plain, text)
