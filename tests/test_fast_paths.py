"""The fast paths of the normalization rules and of ``Pipeline.clean`` change nothing.

Each optimized finder is compared with the plain definition it replaced (one regex over
the whole text, or whole passes until a fixpoint) on generated text built from the
characters the rules care about, and on the generated benchmark corpus.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleantext import Pipeline, core, default_pipeline, normalize
from cleantext.core import Edit, apply_edits, call_scope, normalize_edits

_H = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_SPACES = re.compile(rf"(?m)(^{_H}+|{_H}+$)|{_H}{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_REPEATED = re.compile(r"(?<=[^\W_]\.) +\.(?! *\.)|(?<=[^\W_],)(?: *,)+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+|[\ud800-\udfff]+")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]+")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# the definition the rule had when it used the third-party ``regex`` module
_ELLIPSIS_UPPER = regex.compile(r"(?<=\p{L}[…])(?=\p{Lu})|(?<=\p{L}\.\.\.)(?=\p{Lu}\p{Ll})")
_BLANK_RUN = re.compile(r"\n{3,}")


def ref_spaces(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "" if m.group(1) else " ") for m in _SPACES.finditer(text)]


def ref_repeated(text: str) -> list[Edit]:
    if ". ." not in text and ",," not in text and ", ," not in text:
        return []
    return [(m.start(), m.end(), "") for m in _REPEATED.finditer(text)]


def ref_space_before(text: str) -> list[Edit]:
    if " ," not in text and " ." not in text:
        return []
    return [(m.start(), m.end(), "") for m in normalize._space_before().finditer(text)]


def ref_control(text: str) -> list[Edit]:
    out: list[Edit] = []
    for m in _CONTROL.finditer(text):
        s = m.group()
        if "\ud800" <= s[0] <= "\udfff":
            out.append((m.start(), m.end(), s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")))
        else:
            out.append((m.start(), m.end(), ""))
    return out


def ref_invisible(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


def ref_line_endings(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "\n") for m in _LINE_BREAKS.finditer(text)]


def ref_ellipsis(text: str) -> list[Edit]:
    return [(m.start(), m.start(), " ") for m in _ELLIPSIS_UPPER.finditer(text)]


def ref_layout(text: str) -> list[Edit]:
    if "\n" not in text:
        return []
    head = len(text) - len(text.lstrip("\n"))
    tail = len(text.rstrip("\n"))
    if head >= tail:
        return [(0, len(text), "")]
    out: list[Edit] = [(0, head, "")] if head else []
    out += [(m.start(), m.end(), "\n\n") for m in _BLANK_RUN.finditer(text, head, tail)]
    if len(text) - tail > 1:
        out.append((tail, len(text), "\n"))
    return out


PAIRS = [
    (ref_spaces, normalize.normalize_spaces),
    (ref_repeated, normalize.remove_repeated_punctuation),
    (ref_space_before, normalize.remove_space_before_punctuation),
    (ref_control, normalize.remove_control_chars),
    (ref_invisible, normalize.remove_invisible),
    (ref_line_endings, normalize.fix_line_endings),
    (ref_layout, normalize.normalize_layout),
    (ref_ellipsis, normalize.space_after_ellipsis),
]

_PIECES = [
    *" \t\n\r\xa0\u2009\u202f.,…aAZ1_é’”)%\x00\x1b\x85\u2028\ud800\udc00\u200b\xad\u1680\u205fÉßǅ²",
    ". .",
    ",,",
    ", ,",
    "  ",
    ".  .",
    ",  ,",
    "\n\n\n",
    " \n",
    "word",
    "Ã¶",
    "...",
    "....",
    "……",
    "Then",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4\u0420\u0421][" + re.escape(normalize._continuation_chars()) + "]|[\u00c2\u00c3] "
)
_MOJIBAKE_PIECES = [*_PIECES, "Ã", "Â ", "Р", "С", "â€", "Â\xa0", "ô\x81", "Ð", "Ñ", "Рё", "Ö", "\ud83d"]


def ref_mojibake(text: str) -> list[Edit]:
    """Every line with a hint, handed to ftfy."""
    out: list[Edit] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if _MOJIBAKE_HINT.search(line) and (fixed := normalize._ftfy_fix(line)) != line:
            out.append((start, end, fixed))
        start = end + 1
    return out


_MOJIBAKE_TEXTS = st.lists(st.sampled_from(_MOJIBAKE_PIECES), max_size=30).map("".join)


@given(_MOJIBAKE_TEXTS)
def test_mojibake_hint_finds_the_same_spans(text: str) -> None:
    full, latin = normalize._mojibake_hints()
    spans = [m.span() for m in full.finditer(text)]
    assert spans == [m.span() for m in _MOJIBAKE_HINT.finditer(text)]
    if "\u0420" not in text and "\u0421" not in text:
        assert spans == [m.span() for m in latin.finditer(text)]
    if spans:
        assert normalize._may_have_mojibake(text)


def _mostly_ascii(text: str) -> str:
    """*text* after enough plain words that it has a skeleton (``normalize._skeleton``)."""
    return "Plain words. " * (2 * len(text) + 1) + text


@given(_MOJIBAKE_TEXTS)
def test_mojibake_equals_its_plain_definition(text: str) -> None:
    for whole in (text, _mostly_ascii(text)):
        assert normalize.fix_mojibake(whole) == ref_mojibake(whole)


@given(st.text(st.characters(codec=None, max_codepoint=0x2200)))
def test_mojibake_probe_never_misses_a_hint(text: str) -> None:
    if _MOJIBAKE_HINT.search(text):
        assert normalize._may_have_mojibake(text)
        assert normalize._may_have_mojibake(_mostly_ascii(text))


def test_continuation_first_bytes() -> None:
    firsts = sorted({c.encode()[0] for c in normalize._continuation_chars()})
    assert bytes(firsts) == normalize._CONTINUATION_FIRST_BYTES


def test_mojibake_probe_on_every_pair() -> None:
    """Every lead character before every character that is a continuation in some codec
    (and a few that are not): the probe finds each pair the character pattern finds, and
    the Latin one only pairs of a lead and a character of a continuation's first byte."""
    leads = [chr(c) for c in range(0xC0, 0x100)] + ["Р", "С", "Ð", "Ñ"]
    seconds = [*normalize._continuation_chars(), " ", "a", "é", "\u2010", "\u0450", "\u045f", "\u20ad", "ʼ"]
    firsts = {c.encode()[0] for c in normalize._continuation_chars()}
    for lead in leads:
        for second in seconds:
            for pad in ("x", "x" * 40):  # without a skeleton and with one
                pair = pad + lead + second
                hint = _MOJIBAKE_HINT.search(pair) is not None
                assert normalize._may_have_mojibake(pair) == (
                    hint or ("\u00c2" <= lead <= "\u00f4" and second.encode()[0] in firsts)
                ), pair


@given(st.text(st.characters(codec=None, max_codepoint=0xE000)))
def test_control_probe_is_exact(text: str) -> None:
    assert normalize._has_control(text) == (_CONTROL.search(text) is not None)
    assert normalize._has_control(_mostly_ascii(text)) == (_CONTROL.search(text) is not None)


@given(st.text(st.characters(codec=None)))
def test_skeleton_keeps_every_character_but_printable_ascii_and_newlines(text: str) -> None:
    whole = _mostly_ascii(text)
    kept = "".join(c for c in whole if not (" " <= c <= "~" or c == "\n"))
    assert normalize._skeleton(whole) == (kept.encode("utf-8", "surrogatepass"), kept)
    with call_scope():
        assert normalize._skeleton(whole) is normalize._skeleton(whole)
        assert normalize._skeleton(whole) == (kept.encode("utf-8", "surrogatepass"), kept)


def test_skeleton_is_left_out_for_text_in_another_script() -> None:
    assert normalize._skeleton("Россия и мир. " * 10) is None
    assert normalize._skeleton("中文文本" * 10) is None
    assert normalize._skeleton("A \u201cdeja vu\u201d, said the critic of the show. " * 10) is not None


@given(texts)
def test_fast_finders_with_a_skeleton(text: str) -> None:
    """Mostly ASCII text is probed through its skeleton, also shared within a call."""
    whole = _mostly_ascii(text)
    for ref, fast in PAIRS:
        assert list(fast(whole)) == ref(whole), fast.__name__
    with call_scope():
        for ref, fast in PAIRS:
            assert list(fast(whole)) == ref(whole), fast.__name__


@cache
def _nfc_maybe() -> frozenset[str]:
    """The characters NFC can compose with the character before them (NFC_Quick_Check
    Maybe): the second of every canonical pair of a composite NFC keeps, and the Hangul
    vowels and trailing consonants."""
    seconds = {chr(c) for c in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    for cp in range(0x110000):
        parts = unicodedata.decomposition(chr(cp)).split()
        if (
            len(parts) == 2
            and not parts[0].startswith("<")
            and unicodedata.normalize("NFC", chr(cp)) == chr(cp)
        ):
            seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


def _plain_for_nfc(c: str) -> bool:
    """NFC leaves *c* alone wherever it stands: quick check Yes, combining class 0."""
    return unicodedata.combining(c) == 0 and unicodedata.normalize("NFC", c) == c and c not in _nfc_maybe()


def test_plainly_nfc_claims_only_plain_characters() -> None:
    """The skeleton gate of unicode-nfc judges each character alone (one negated class):
    every character it lets pass is plain."""
    pad = "x" * 40
    others = [0x10000, 0x1D15E, 0x2F800, 0xE0001, 0x10FFFF]
    chars = [chr(c) for c in [*range(0x10000), *range(0x1F000, 0x20000), *others]]
    claimed = [c for c in chars if normalize._plainly_nfc(pad + c)]
    assert [c for c in claimed if not _plain_for_nfc(c)] == []
    for c in "é\u2019\u201c\u2014\u2026\u20ac\u00a0\u0416\U0001f642\ufe0f\u2192":
        assert c in claimed, c
    for c in "\u0301\u2000\u2126\u1161\u0344\U0001d15e":
        assert c not in claimed, c


def ref_nfc(text: str) -> list[Edit]:
    """Every line that NFC changes, normalized."""
    out: list[Edit] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if (fixed := unicodedata.normalize("NFC", line)) != line:
            out.append((start, end, fixed))
        start = end + 1
    return out


_NFC_PIECES = [
    *"e\u0301\u0300\u0316\u2019é\u20ac\u2000\u2126\u212b\U0001f642\ufe0f\uac00\u1161\u11a8\u1100\u0344\n",
    "word ",
]


@given(st.lists(st.sampled_from(_NFC_PIECES), max_size=30).map("".join))
def test_nfc_equals_its_plain_definition(text: str) -> None:
    for whole in (text, _mostly_ascii(text)):
        assert normalize.normalize_nfc(whole) == ref_nfc(whole)


@pytest.mark.parametrize("char", [chr(c) for c in range(0x100)] + ["\ud800", "\udfff", "\ud7ff", "\ue000"])
def test_control_probe_on_every_latin1_character(char: str) -> None:
    for text in (char, "é" + char, "’" + char + "a"):
        assert normalize._has_control(text) == (_CONTROL.search(text) is not None), repr(text)


_LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "No", "Po", "Zs"])


@given(
    st.lists(st.one_of(st.sampled_from(["…", "...", "....", ". ", "\n"]), _LETTERS), max_size=30).map("".join)
)
def test_ellipsis_spacing_equals_the_regex_definition(text: str) -> None:
    """``unicodedata`` categories (Python's Unicode version) stand in for ``regex``'s
    ``\\p{L}``; characters assigned in both agree."""
    assert normalize.space_after_ellipsis(text) == ref_ellipsis(text)
    long = text + "Plain words, and more. " * (normalize._SHORT // 20) + text
    assert normalize.space_after_ellipsis(long) == ref_ellipsis(long)


@given(st.text(st.sampled_from(" .,…aB\n")))
def test_space_before_punctuation_finds_every_candidate_in_dense_marks(text: str) -> None:
    """Every " ," and " ." is a candidate, in a short text and past ``normalize._SHORT``."""
    for whole in (text, text + " plain words" * (normalize._SHORT // 10) + text):
        assert normalize.remove_space_before_punctuation(whole) == ref_space_before(whole), repr(text)


@given(texts)
def test_fast_finders_equal_their_plain_definitions(text: str) -> None:
    for ref, fast in PAIRS:
        assert list(fast(text)) == ref(text), fast.__name__


@given(st.text(st.sampled_from(" \t\n\xa0\u2009\u3000.,…aB\x00")))
def test_fast_finders_on_dense_text(text: str) -> None:
    for ref, fast in PAIRS:
        assert list(fast(text)) == ref(text), fast.__name__


@given(texts, texts)
def test_fast_finders_on_long_text(head: str, tail: str) -> None:
    """Past ``normalize._SHORT`` characters NFC takes its probe instead of its own check, and
    within a call the finders share one pass for their gates."""
    text = head + "Plain words, and more. " * (normalize._SHORT // 20) + tail
    assert len(text) >= normalize._SHORT
    for ref, fast in PAIRS:
        assert list(fast(text)) == ref(text), fast.__name__
    with call_scope():
        for ref, fast in PAIRS:
            assert list(fast(text)) == ref(text), fast.__name__


@pytest.mark.parametrize(
    "text", ["a.  .", "a,  ,", "a.   . b", "a.  . b. .", "a,  , b,,", "a.  .  . .", ". .  .", "a.  .,  ,"]
)
@pytest.mark.parametrize("pad", ["", "Plain words, and more " * 60])
def test_repeated_punctuation_gate_is_the_same_on_long_text(text: str, pad: str) -> None:
    """The gate is the literals ". .", ",," and ", ,": a text with only ".  ." (two spaces)
    is left alone, also past ``normalize._SHORT`` characters where probes find the literals
    (difftest: ``<1000 chars> a.  .`` lost its second "." there)."""
    for whole in (text + pad, pad + text, pad + text + pad):
        assert normalize.remove_repeated_punctuation(whole) == ref_repeated(whole), repr(text)


@given(st.text(st.sampled_from(" \t\n\xa0\u1680\u2000\u2004\u200a\u200b\u202f\u205f\u2060\u3000’aé")))
def test_spaces_with_the_utf8_of_the_call(text: str) -> None:
    """When a rule of the call has encoded the text, odd spaces are found in its bytes."""
    with call_scope() as scratch:
        data = core.call_utf8(text)
        assert core.call_utf8(text) is data  # encoded once for the call
        assert scratch["core.utf8"] == (text, data)
        assert normalize.normalize_spaces(text) == ref_spaces(text)
    assert core.call_scratch() is None  # nothing is kept after the call
    assert normalize.normalize_spaces(text) == ref_spaces(text)


def test_utf8_is_shared_within_a_call_only() -> None:
    text = "Caf\u00e9 \u201cquoted\u201d"
    with call_scope():
        assert core.call_utf8(text) == text.encode()
        assert not normalize._has_control(text) and not normalize._may_have_mojibake(text)
        other = text + "\x9f"  # a new text is encoded anew, not taken from the scratch
        assert normalize._has_control(other) and core.call_utf8(other) == other.encode()
        assert normalize._may_have_mojibake("Caf\u00c3\u00a9")
    assert normalize._has_control("\ud800") and not normalize._has_control(text)


def _ref_clean(pipeline: Pipeline, text: str) -> str:
    for _ in range(pipeline.max_passes):
        before = text
        for rule in pipeline.rules:
            edits = rule.finder(text)
            if edits:
                text = apply_edits(text, edits)
        if text == before:
            break
    return text


@given(texts)
def test_pipeline_clean_equals_whole_passes(text: str) -> None:
    pipeline = default_pipeline()
    for passes in (1, 2, 4):
        p = Pipeline(pipeline.rules, passes)
        assert p.clean(text) == _ref_clean(p, text)


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from generate_corpus import generate_docs
    finally:
        sys.path.pop(0)
    return generate_docs(0.3, seed=11)


def test_fast_paths_on_the_benchmark_corpus(corpus: list[str]) -> None:
    pipeline = default_pipeline()
    for doc in corpus:
        for ref, fast in PAIRS:
            assert normalize_edits(doc, fast(doc)) == normalize_edits(doc, ref(doc)), fast.__name__
        assert pipeline.clean(doc) == _ref_clean(pipeline, doc)


@given(st.text(st.sampled_from(" \n.,…a")))
def test_the_spacing_gates_of_one_pass_are_plain_scans(text: str) -> None:
    """The gates of the spacing and punctuation rules, answered by one pass for all, hold
    where the text holds them (two-byte needles hide under each other: ``"  ,"``)."""
    data = text.encode()
    with call_scope():
        for needle in normalize._GATES:
            assert normalize._holds(text, needle) == (needle in data), (text, needle)
