"""HTML input: clean_html(), extract(), encodings, guards, heading handling."""

from __future__ import annotations

import codecs
import dataclasses
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("trafilatura")

import cleantext
from cleantext import html as chtml
from cleantext import html_extract as hx
from cleantext.core import Pipeline
from cleantext.html import (
    Document,
    HtmlExtraMissing,
    HtmlTimeout,
    HtmlTooLarge,
    clean_html,
    extract,
)
from cleantext.html_encoding import declared_encoding, decode_html

PAGES = Path(__file__).parent / "data" / "html"
ARTICLE = (PAGES / "article.html").read_text(encoding="utf-8")
POPUP = (PAGES / "popup.html").read_text(encoding="utf-8")

BODY_SENTENCES = (
    "The harbour bridge reopened to traffic on Thursday morning",
    "About 30,000 vehicles crossed the bridge each day",
    '"We were told eighteen months, and it took twenty-four," said Anna Berg',
    "The city council approved the repair budget of 41 million euros in 2021.",
    "Cyclists will get a separate lane on the eastern side from next month",
)
FURNITURE = (
    "Harbour bridge reopens after two years of repairs",  # headline
    "Engineers replaced every cable",  # standfirst
    "Home",  # navigation
    "covers transport and city politics",  # author bio
    "Sign up for our free newsletter",  # newsletter box
    "Ferry timetable changes",  # related teaser
    "Finally! My commute",  # reader comment
    "All rights reserved",  # footer
)


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


PROSE = "".join(
    f"<p>Paragraph {n} of the story says something plain and true about the harbour and the town.</p>"
    for n in range(6)
)


# ---------------------------------------------------------------------------- the article page
class TestArticlePage:
    def test_body_is_kept_whole(self) -> None:
        text = clean_html(ARTICLE)
        for sentence in BODY_SENTENCES:
            assert sentence in text

    @pytest.mark.parametrize("furniture", FURNITURE)
    def test_furniture_is_gone(self, furniture: str) -> None:
        lines = clean_html(ARTICLE).split("\n")
        assert not any(line.startswith(furniture) or line == furniture for line in lines)

    def test_body_starts_with_the_first_paragraph(self) -> None:
        assert clean_html(ARTICLE).startswith(BODY_SENTENCES[0])

    def test_comments_on_request(self) -> None:
        text = clean_html(ARTICLE, include_comments=True)
        assert "Finally! My commute is going to be twenty minutes shorter" in text
        assert BODY_SENTENCES[0] in text

    def test_extract_metadata(self) -> None:
        doc = extract(ARTICLE, url="https://courier.example/news/bridge")
        assert doc.title == "Harbour bridge reopens after two years of repairs"
        assert doc.description == "Engineers replaced every cable of the old span"
        assert doc.author == "Maria Lindqvist"
        assert doc.date == "2024-03-14"
        assert doc.sitename == "The Coastal Courier"
        assert doc.url == "https://courier.example/news/bridge"
        assert doc.text == clean_html(ARTICLE)

    def test_document_is_frozen(self) -> None:
        doc = extract(ARTICLE)
        with pytest.raises(dataclasses.FrozenInstanceError):
            doc.title = "x"  # type: ignore[misc]

    def test_lazy_exports(self) -> None:
        assert cleantext.clean_html is clean_html
        assert cleantext.extract is extract
        assert cleantext.Document is Document

    def test_default_pipeline_runs(self) -> None:
        page = _page(f"<article><p>Das Wetter ist schÃ¶n , sagt er.</p>{PROSE}</article>")
        assert "Das Wetter ist schön, sagt er." in clean_html(page)

    def test_given_pipeline_is_used(self) -> None:
        page = _page(f"<article><p>Das Wetter ist schÃ¶n , sagt er.</p>{PROSE}</article>")
        assert "schÃ¶n , sagt" in clean_html(page, pipeline=Pipeline())


class TestHtmlSignals:
    def test_popup_card_goes_but_the_name_stays(self) -> None:
        text = clean_html(POPUP)
        assert "from Sen. Jane Doe (D-Ore.), who said the money would reach rural lines first." in text
        assert "budget talks" not in text
        assert "highway bill" not in text

    def test_linked_words_stay_in_the_sentence(self) -> None:
        # trafilatura's precision mode deletes class="link" elements
        assert "Officials said that the vote will take place next Tuesday after" in clean_html(POPUP)

    def test_description_equal_to_a_paragraph_is_kept(self) -> None:
        # the page description repeats a body paragraph that ends like a sentence
        text = clean_html(POPUP)
        assert "A new plan would double federal money for regional rail." in text
        assert not text.startswith("Senator backs")

    def test_prune_spares_large_containers(self) -> None:
        tree = hx.parse(_page(f'<div class="meta-wrapper newsletter-enabled">{PROSE}</div>'))
        assert hx.prune(tree) == 0
        assert "Paragraph 5" in tree.text_content()

    def test_prune_removes_newsletter_box(self) -> None:
        tree = hx.parse(_page(f'{PROSE}<div class="newsletter-box"><p>Sign up now</p></div>'))
        assert hx.prune(tree) == 1
        assert "Sign up now" not in tree.text_content()

    def test_teaser_cards_go(self) -> None:
        card = '<a href="/other"><img src="x.jpg"><h3>Ferry timetable changes for summer</h3></a>'
        tree = hx.parse(_page(f"<article>{PROSE}</article><div>{card}{card}</div>"))
        assert hx.prune(tree) == 2
        assert "Ferry timetable" not in tree.text_content()

    def test_linked_section_headings_stay(self) -> None:
        body = (
            '<h3><a href="/gadget">Satechi car charger</a></h3>'
            '<a href="#part-2"><img src="p.jpg"><h2>Part two</h2></a>'
            '<a href="/mouse"><h3>Logitech mouse</h3></a>'
        )
        tree = hx.parse(_page(f"<article>{PROSE}{body}</article>"))
        assert hx.prune(tree) == 0
        for kept in ("Satechi car charger", "Part two", "Logitech mouse"):
            assert kept in tree.text_content()

    def test_prune_keeps_tail_text(self) -> None:
        tree = hx.parse(_page(f'{PROSE}<div>Before <span class="date">May 1</span> after.</div>'))
        hx.prune(tree)
        assert "Before  after." in tree.text_content()

    def test_marked_words_inside_a_paragraph_stay(self) -> None:
        tree = hx.parse(_page(f'{PROSE}<p>The meeting on <span class="date">May 1</span> was short.</p>'))
        assert hx.prune(tree) == 0
        assert "The meeting on May 1 was short." in tree.text_content()

    def test_paragraph_with_date_class_is_not_removed(self) -> None:
        tree = hx.parse(_page(f'{PROSE}<p class="date">On Feb. 8, the river froze.</p>'))
        hx.prune(tree)
        assert "On Feb. 8, the river froze." in tree.text_content()


class TestSplitBody:
    PAGE = (PAGES / "split_body.html").read_text(encoding="utf-8")

    def test_all_pieces_are_kept(self) -> None:
        text = clean_html(self.PAGE)
        assert text.startswith("Night trains were written off twenty years ago")
        assert "Operators say the demand is real" in text
        assert text.index("Operators say") < text.index("Still, the new trains are full")
        assert "which governments across the continent are now debating in earnest." in text
        assert "Advertisement" not in text

    def test_pieces_are_found(self) -> None:
        tree = hx.parse(self.PAGE)
        groups = hx.split_bodies(tree)
        assert [len(g) for g in groups] == [3]  # the appended <article> is not a piece

    def test_nothing_missing_means_no_merge(self) -> None:
        tree = hx.parse(self.PAGE)
        groups = hx.split_bodies(tree)
        assert hx.pieces_missing("Night trains", groups)
        whole = " ".join(p.text_content() for g in groups for piece in g for p in piece.iter("p"))
        assert not hx.pieces_missing(whole, groups)

    def test_next_story_under_its_own_headline_is_not_a_piece(self) -> None:
        para = "<p>" + "Words of the first story about the harbour and its bridge. " * 5 + "</p>"
        other = "<p>" + "Words of another story about a bakery in the old station. " * 5 + "</p>"
        body = (
            f'<div class="wrap"><h1>First story</h1><div class="story-body">{para}</div></div>'
            f'<div class="wrap"><h2>Next story</h2><div class="story-body">{other}</div></div>'
        )
        assert hx.split_bodies(hx.parse(_page(body))) == []

    def test_single_body_is_not_a_split(self) -> None:
        assert hx.split_bodies(hx.parse(ARTICLE)) == []


def test_word_processor_border_style_keeps_words() -> None:
    # trafilatura's precision mode deletes elements whose style mentions a border
    span = '<span style="border:none windowtext 1pt">Adapted from its source.</span>'
    page = _page(f"<article>{PROSE}<p><em>{span}</em></p></article>")
    assert "Adapted from its source." in clean_html(page)


def test_hidden_inline_text_stays_hidden() -> None:
    span = '<span style="display:none;border:1px">secret words</span>'
    page = _page(f"<article>{PROSE}<p>Visible {span} text.</p></article>")
    assert "secret words" not in clean_html(page)


# ---------------------------------------------------------------------------- heading
class TestStripHeading:
    def test_title_with_site_name(self) -> None:
        text = "Bridge reopens\nThe bridge reopened on Thursday."
        assert hx.strip_heading(text, ["Bridge reopens | Courier"], []) == "The bridge reopened on Thursday."

    def test_title_match_ignores_case_and_punctuation(self) -> None:
        text = "‘Bridge’ Reopens!\nThe bridge reopened."
        assert hx.strip_heading(text, ["'Bridge' reopens"], []) == "The bridge reopened."

    def test_unpunctuated_standfirst_goes(self) -> None:
        text = "Bridge reopens\nTwo years of repairs end\nThe bridge reopened."
        out = hx.strip_heading(text, ["Bridge reopens"], ["Two years of repairs end"])
        assert out == "The bridge reopened."

    def test_first_paragraph_equal_to_description_stays(self) -> None:
        text = "WASHINGTON (AP) — The bill passed on Monday.\nMore text."
        assert hx.strip_heading(text, [], ["WASHINGTON (AP) — The bill passed on Monday."]) == text

    def test_prose_that_starts_like_the_title_stays(self) -> None:
        text = "Bridge reopens after repairs, the mayor said on Thursday.\nMore."
        assert hx.strip_heading(text, ["Bridge reopens"], []) == text

    def test_one_word_title_part_is_not_a_match(self) -> None:
        text = "Courier\nBody text."
        assert hx.strip_heading(text, ["Bridge reopens | Courier"], []) == text

    def test_dek_under_headline_goes(self) -> None:
        text = "Bridge reopens\nTown celebrates the end of two long years of detours\nThe bridge reopened."
        assert hx.strip_heading(text, ["Bridge reopens"], []) == "The bridge reopened."

    def test_dek_like_line_without_headline_stays(self) -> None:
        text = "Town celebrates the end of two long years of detours\nThe bridge reopened."
        assert hx.strip_heading(text, ["Bridge reopens"], []) == text

    def test_section_heading_under_headline_stays(self) -> None:
        text = "Stock car calendar\nCalendar of the season\n1st race: March 10"
        assert (
            hx.strip_heading(text, ["Stock car calendar"], []) == "Calendar of the season\n1st race: March 10"
        )

    def test_line_ending_with_colon_stays(self) -> None:
        text = "Bridge reopens\nHAYWARD (AP) — The latest on the bridge reopening (all times local):\n10 p.m."
        assert hx.strip_heading(text, ["Bridge reopens"], []).startswith("HAYWARD (AP)")

    def test_only_one_dek(self) -> None:
        text = (
            "Bridge reopens\nTown celebrates the end of two years of detours\nAnd a second line follows here"
        )
        assert hx.strip_heading(text, ["Bridge reopens"], []).startswith("And a second")

    def test_teasers_above_the_headline_go(self) -> None:
        text = "Another story: ferries are late again\nHarbour bridge reopens\nThe bridge reopened."
        assert hx.strip_heading(text, ["Harbour bridge reopens"], []) == "The bridge reopened."

    def test_short_title_below_the_top_is_not_a_headline(self) -> None:
        text = "The bridge reopened on Thursday.\nNews\nMore."
        assert hx.strip_heading(text, ["News"], []) == text

    def test_headline_far_down_is_not_a_heading(self) -> None:
        text = "One.\nTwo.\nThree.\nFour.\nBridge reopens\nFive."
        assert hx.strip_heading(text, ["Bridge reopens"], []) == text

    @given(
        st.text(alphabet=st.sampled_from(list("ab .:\n")), max_size=80),
        st.lists(st.text(alphabet=st.sampled_from(list("ab .|")), max_size=20), max_size=3),
        st.lists(st.text(alphabet=st.sampled_from(list("ab .")), max_size=20), max_size=2),
    )
    def test_only_removes_lines_from_the_top(self, text: str, titles: list[str], descs: list[str]) -> None:
        out = hx.strip_heading(text, titles, descs)
        assert text.endswith(out)
        assert out == "" or text[: len(text) - len(out)].endswith("\n") or out == text

    def test_nothing_to_compare(self) -> None:
        assert hx.strip_heading("Title\nBody.", [None], [None, ""]) == "Title\nBody."
        assert hx.strip_heading("", ["Title"], []) == ""

    def test_whole_text_equal_to_title(self) -> None:
        assert hx.strip_heading("Bridge reopens", ["Bridge reopens"], []) == ""


# ---------------------------------------------------------------------------- bytes and encodings
class TestEncoding:
    def test_utf8_bytes(self) -> None:
        assert clean_html(ARTICLE.encode("utf-8")) == clean_html(ARTICLE)

    def test_declared_cp1252(self) -> None:
        page = _page(
            f"<article><p>Le café est fermé à Noël, dit-il.</p>{PROSE}</article>",
            '<meta charset="windows-1252">',
        )
        assert "Le café est fermé à Noël, dit-il." in clean_html(page.encode("cp1252"))

    def test_latin1_label_is_read_as_cp1252(self) -> None:
        data = (
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\x93quoted\x94</p>'
        )
        assert "“quoted”" in decode_html(data)

    def test_utf16_with_bom(self) -> None:
        page = _page(f"<article><p>Grüße aus Köln, schreibt sie.</p>{PROSE}</article>")
        data = codecs.BOM_UTF16_LE + page.encode("utf-16-le")
        assert "Grüße aus Köln, schreibt sie." in clean_html(data)

    def test_undeclared_legacy_encoding_is_guessed(self) -> None:
        text = (
            "В четверг утром мост через гавань снова открылся для движения, спустя два года после того, "
            "как инженеры закрыли его для замены тросов. "
        ) * 3
        assert decode_html(text.encode("cp1251")) == text

    def test_utf8_page_declared_latin1(self) -> None:
        data = '<meta charset="ascii"><p>naïve</p>'.encode()
        assert "naïve" in decode_html(data)

    def test_wrong_declaration_falls_back(self) -> None:
        text = (
            "Über die Brücke gehen wir heute Abend, weil die Fähre nicht fährt. "
            "Später trinken wir Kaffee am Hafen, während es dunkel wird. "
        ) * 3
        data = b'<meta charset="utf-8"><p>' + text.encode("cp1252")
        assert decode_html(data).endswith(text)

    def test_unknown_declaration(self) -> None:
        assert declared_encoding(b'<meta charset="no-such-codec">') is None
        assert decode_html(b'<meta charset="no-such-codec"><p>ok</p>').endswith("<p>ok</p>")

    def test_utf16_declaration_in_ascii_page(self) -> None:
        assert declared_encoding(b'<meta charset="utf-16">') == "utf-8"

    @given(st.binary(max_size=300))
    def test_decode_never_raises(self, data: bytes) -> None:
        assert isinstance(decode_html(data), str)


# ---------------------------------------------------------------------------- broken input
BROKEN = [
    "",
    " ",
    "\n",
    "not html at all",
    "<",
    "<html><body><p>unclosed <b>bold <i>italic",
    ARTICLE[: len(ARTICLE) // 2],
    "<p>fragment only</p>",
    "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 10,
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>xml declaration</p></body></html>",
    "<html><body><script>var a = '<p>not text</p>';</script></body></html>",
    "\x00\x01\x02<p>\udcff lone surrogate</p>",
]


@pytest.mark.parametrize("page", BROKEN)
def test_broken_markup_never_raises(page: str) -> None:
    doc = extract(page)
    assert isinstance(doc, Document)
    assert isinstance(doc.text, str)


@pytest.mark.parametrize(
    "data", [b"", b"\xff\xfe\x00", bytes(range(256)) * 20, b"\x89PNG\r\n\x1a\n" + bytes(500), b"\xef\xbb\xbf"]
)
def test_binary_junk_never_raises(data: bytes) -> None:
    assert isinstance(clean_html(data), str)


def test_empty_page_gives_empty_text() -> None:
    assert clean_html("") == ""
    assert extract("") == Document()


def test_truncated_page_keeps_what_it_has() -> None:
    assert BODY_SENTENCES[0] in clean_html(ARTICLE[: ARTICLE.index("About 30,000")])


@settings(max_examples=25)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcp\n&;#ä")), max_size=200))
def test_random_markup_never_raises(page: str) -> None:
    assert isinstance(clean_html(page), str)


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        clean_html(123)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- guards
class TestGuards:
    def test_too_large(self) -> None:
        with pytest.raises(HtmlTooLarge, match="max_bytes=1,000"):
            clean_html("x" * 1001, max_bytes=1000)

    def test_too_large_is_a_value_error(self) -> None:
        with pytest.raises(ValueError):
            clean_html(b"x" * 1001, max_bytes=1000)

    def test_size_counts_utf8_bytes(self) -> None:
        with pytest.raises(HtmlTooLarge):
            clean_html("é" * 600, max_bytes=1000)  # 600 characters, 1200 bytes
        assert isinstance(clean_html("é" * 400, max_bytes=1000), str)

    def test_size_guard_off(self) -> None:
        assert isinstance(clean_html(ARTICLE, max_bytes=None), str)

    def test_default_limit(self) -> None:
        assert chtml.DEFAULT_MAX_BYTES == 20_000_000

    def _slow(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def slow_parse(html: str) -> Any:
            time.sleep(3)
            return None

        monkeypatch.setattr(hx, "parse", slow_parse)

    def test_timeout_in_main_thread(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._slow(monkeypatch)
        with pytest.raises(HtmlTimeout, match=r"timeout=0\.05"):
            clean_html(ARTICLE, timeout=0.05)

    def test_timeout_in_other_thread(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._slow(monkeypatch)
        caught: list[BaseException] = []

        def run() -> None:
            try:
                clean_html(ARTICLE, timeout=0.05)
            except BaseException as err:
                caught.append(err)

        worker = threading.Thread(target=run)
        worker.start()
        worker.join()
        assert len(caught) == 1
        assert isinstance(caught[0], HtmlTimeout)

    def test_timeout_is_a_value_error_and_timeout_error(self) -> None:
        assert issubclass(HtmlTimeout, ValueError)
        assert issubclass(HtmlTimeout, TimeoutError)

    def test_errors_in_worker_thread_propagate(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def broken(html: str) -> Any:
            raise RuntimeError("boom")

        monkeypatch.setattr(hx, "parse", broken)
        with pytest.raises(RuntimeError, match="boom"):
            chtml._in_thread(5.0, chtml._extract_raw, "x", None, False)

    def test_no_timeout(self) -> None:
        assert clean_html(ARTICLE, timeout=None) == clean_html(ARTICLE)

    def test_alarm_is_restored(self) -> None:
        import signal

        if not hasattr(signal, "setitimer"):
            pytest.skip("no setitimer on this platform")
        before = signal.getsignal(signal.SIGALRM)
        clean_html(ARTICLE, timeout=10)
        assert signal.getsignal(signal.SIGALRM) is before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_import_does_not_load_trafilatura() -> None:
    import subprocess

    code = (
        "import sys, cleantext, cleantext.html, cleantext.html_extract; print('trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ImportError, match=r'pip install "proseclean\[html\]"') as info:
        clean_html(ARTICLE)
    assert isinstance(info.value, HtmlExtraMissing)
