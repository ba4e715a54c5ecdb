"""The fast paths of the normalization rules and of ``Pipeline.clean`` change nothing.

Each optimized finder is compared with the plain definition it replaced (one regex over
the whole text, or whole passes until a fixpoint) on generated text built from the
characters the rules care about, and on the generated benchmark corpus.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext import Pipeline, default_pipeline, normalize
from cleantext.core import Edit, apply_edits, normalize_edits

_H = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_SPACES = re.compile(rf"(?m)(^{_H}+|{_H}+$)|{_H}{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_REPEATED = re.compile(r"(?<=[^\W_]\.) +\.(?! *\.)|(?<=[^\W_],)(?: *,)+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+|[\ud800-\udfff]+")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]+")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
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
    return [(m.start(), m.end(), "") for m in normalize._SPACE_BEFORE.finditer(text)]


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
]

_PIECES = [
    *" \t\n\r\xa0\u2009\u202f.,…aAZ1_é’”)%\x00\x1b\x85\u2028\ud800\udc00\u200b\xad",
    ". .",
    ",,",
    ", ,",
    "  ",
    "\n\n\n",
    " \n",
    "word",
    "Ã¶",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4\u0420\u0421][" + re.escape(normalize._continuation_chars()) + "]|[\u00c2\u00c3] "
)


@given(
    st.lists(st.sampled_from([*_PIECES, "Ã", "Â ", "Р", "С", "â€", "Â\xa0", "ô\x81"]), max_size=30).map(
        "".join
    )
)
def test_mojibake_hint_finds_the_same_spans(text: str) -> None:
    spans = [m.span() for m in normalize._MOJIBAKE_HINT.finditer(text)]
    assert spans == [m.span() for m in _MOJIBAKE_HINT.finditer(text)]
    if "\u0420" not in text and "\u0421" not in text:
        assert spans == [m.span() for m in normalize._MOJIBAKE_HINT_LATIN.finditer(text)]


@given(texts)
def test_fast_finders_equal_their_plain_definitions(text: str) -> None:
    for ref, fast in PAIRS:
        assert list(fast(text)) == ref(text), fast.__name__


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
