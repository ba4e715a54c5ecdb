"""boilerplate.copyright, captions, ads: their shortcuts pick what the
plain definitions pick."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.boilerplate import ads, captions
from cleantext.boilerplate.lines import Doc, drop_lines, word_count
from cleantext.boilerplate.markers import Extra, hinted_search


def _doc(text: str) -> Doc:
    return Doc(text.split("\n"), text)


# ----------------------------------------------------------------------------- copyright
def _plain_copyright(doc: Doc, extra: Extra) -> set[int]:
    """The copyright picker tried on every line whose lower case holds a hint."""
    phrase = hinted_search("copyright", extra)
    hints = ads._copyright_hints(extra)
    out: set[int] = set()
    for i, line in enumerate(doc.lines):
        if not any(h in line.lower() for h in hints):
            continue
        if len(line) > 250 or word_count(line) > 30:
            continue
        if (ads._COPY_START.match(line) and ads._COPY_EVIDENCE.search(line)) or (
            phrase.search(line) and word_count(line) <= 20
        ):
            out.add(i)
    return out


_COPY_BITS = st.sampled_from(
    [
        "\n",
        " ",
        "_",
        "x",
        "2019",
        "(c)",
        "(C) 2019 Foo",
        "©",
        "ⓒ",
        "Ⓒ",
        "copyright",
        "Copyright 2019",
        "COPYRIGHT ©",
        "observed",
        "serv",
        "All Rights Reserved",
        "derechos reservados",
        "RISERVATA",
        "riproduzione riservata",
        "alle Rechte vorbehalten",
        "droits réservés",
        "DROITS RÉSERVÉS",
        "é",
        "É",
        "Все права защищены",
        "ВСЕ ПРАВА ЗАЩИЩЕНЫ",
        "а",
        "무단전재 및 재배포 금지",
        "무단",
        "(c) Foo Corp",
        "İ",
        "\u212a",
        "word " * 25,
        "y" * 240,
    ]
)
_COPY_EXTRAS: list[Extra] = [
    (),
    (("copyright", "(c) Foo Corp"),),
    (("copyright", "Réservé à nos abonnés"),),
    (("copyright", "Kopieren verboten"),),
]


@given(st.lists(_COPY_BITS, max_size=16).map("".join), st.sampled_from(_COPY_EXTRAS))
@example("Text.\n© 2019 Example News. All rights reserved.\n(c) 2020 Foo\n_(C) 2021", ())
@example("Todos los derechos reservados\nВсе права защищены\n무단전재 및 재배포 금지\nx (c) Foo Corp", ())
@example("x (c) Foo Corp\nDROITS RÉSERVÉS", (("copyright", "(c) Foo Corp"),))
def test_the_copyright_picker_picks_what_the_plain_picker_picks(text: str, extra: Extra) -> None:
    doc = _doc(text)
    assert ads._pick_copyright(doc, extra) == _plain_copyright(doc, extra)


def test_copyright_needles_leave_c_to_the_first_word_unless_a_phrase_holds_it() -> None:
    needles = ads._copyright_needles(())
    assert needles is not None and not any("(c)" in n for n in needles[0])
    with_c = ads._copyright_needles((("copyright", "(c) Foo Corp"),))
    assert with_c is not None and "(c) foo corp" in with_c[0]


def test_pieces_are_shared_pieces_holding_the_needle() -> None:
    hints = (
        "all rights reserved",
        "direitos reservados",
        "riproduzione riservata",
        "tutti i diritti riservati",
    )
    pieces = ads._pieces(hints, "serv")
    assert pieces == ["reserv", "riserv"]
    assert all(any(p in h for p in pieces) for h in hints)
    assert ads._pieces(("copyright",), "copy") == ["copyright"]


# ----------------------------------------------------------------------------- captions
_PAREN_BITS = st.sampled_from(
    [
        "\n",
        "(",
        ")",
        "(AP Photo/Evan Vucci)",
        "(right)",
        "(from left)",
        "(2nd left)",
        "(ſecond left)",
        "(İnset)",
        "(Foto: X)",
        "(à gauche)",
        "(фото X)",
        "(R-Texas)",
        "(CNN)",
        "(2019)",
        "x " * 120,
        "ab",
    ]
)
_PAREN_EXTRAS: list[Extra] = [(), (("captions", "(Bild: X)"),), (("captions", "(x"),)]


@given(
    st.lists(_PAREN_BITS, max_size=14).map("".join),
    st.sampled_from([None, 0, 10, 450]),
    st.sampled_from(_PAREN_EXTRAS),
)
@example("(right)\n(x (left)\n" + "x " * 240 + "(right)\n(AP Photo/X", 450, ())
def test_paren_matches_tried_at_each_paren_are_those_of_the_text_search(
    text: str, longest: int | None, extra: Extra
) -> None:
    paren = captions._paren_search(extra)
    at_paren = captions._at_paren(extra)
    assert paren is not None and at_paren is not None
    doc = _doc(text)
    pattern = captions._paren_pattern(extra)
    searched = captions._matching(doc, pattern)
    fast = captions._matching_at_parens(doc, at_paren, longest)
    assert fast == {i for i in searched if longest is None or len(doc.lines[i]) <= longest}


def test_the_paren_pattern_looks_at_two_characters_first_when_it_can() -> None:
    at_paren = captions._at_paren(())
    assert at_paren is not None and at_paren.pattern.startswith("(?=\\((?:2[n]|3[r]|a[")
    assert captions._at_paren((("captions", "(Photo"),)) is not None
    assert captions._at_paren((("captions", "Foto(s"),)) is None  # a match need not open with "("
    assert captions._heads(["\\((?:ab|c[de])x", "\\(f?g"]) is None  # a repeat within two characters
    assert captions._heads(["\\((?:ab|c[de])x", "\\(fg"]) == {"ab", "cd", "ce", "fg"}


# ----------------------------------------------------------------------------- ads
_AD_BITS = st.sampled_from(
    [
        "\n",
        " ",
        "_",
        "*",
        "Loading...",
        "LOADING…",
        "loading",
        "Loadings…",
        "The page is loading...",
        "Advertisement",
        "ADVERTISEMENT - Scroll to continue",
        "Sponsored",
        "Story continues below",
        "ad",
        "Реклама",
        "광고",
        "\u212a",
        "x",
    ]
)
_AD_EXTRAS: list[Extra] = [(), (("ads", "Anzeigen:"),), (("ads", "Werbung!"),)]


@given(st.lists(_AD_BITS, max_size=14).map("".join), st.sampled_from(_AD_EXTRAS))
@example("First.\nLoading...\n_Loading…\nSecond.", ())
def test_the_ads_rows_hold_every_line_the_matcher_s_candidates_can_match(text: str, extra: Extra) -> None:
    doc = _doc(text)
    matcher = ads._ads(extra)
    rows = ads._ads_rows(doc, extra)
    plain = {i for i in matcher.candidates(doc) if matcher.match(doc.lines[i])}
    assert plain <= rows
    assert {i for i in rows if matcher.match(doc.lines[i])} == plain
    assert ads.find_ads(text, extra) == drop_lines(
        text,
        lambda d, x: {
            i for i in matcher.candidates(d) if len(d.lines[i]) <= 80 and matcher.match(d.lines[i])
        },
    )


def test_a_hint_with_a_fragment_without_a_lead_word_is_scanned() -> None:
    assert ads._ads_leads(()) == (("loading",), ())
    assert ads._lead_word(r"\(?ad") is None and ads._lead_word("ads?") is None


@given(
    st.lists(
        st.sampled_from(["\n", "x", "/", "Reuters/", "REUTERS/JIM", "photo", "(", "a.b"]), max_size=10
    ).map("".join)
)
def test_hints_with_a_mark_the_text_lacks_find_no_line(text: str) -> None:
    paren = captions._paren_search(())
    assert paren is not None
    plain = paren[0]
    unmarked, marks = captions._unmarked(plain)
    assert marks == "/" and "reuters/" not in unmarked
    doc = _doc(text)
    if not any(m in text for m in marks):
        assert doc.containing(plain) == _doc(text).containing(unmarked)
