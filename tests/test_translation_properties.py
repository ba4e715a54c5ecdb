"""Properties of every translation rule: idempotent, total, linear on adversarial input."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleantext import Config
from cleantext.core import Rule, apply_edits, call_scope, normalize_edits
from cleantext.registry import all_rules
from cleantext.translation._data import contains_word, load
from cleantext.translation.context import LineSpans, first_period_lower

RULES = [r for r in all_rules() if r.family == "translation"]
ALWAYS = [r for r in all_rules(Config(place_names_mode="always")) if r.family == "translation"]

# the pieces the rules look for, and their look-alikes
TOKENS = [
    "January",
    "February",
    "May",
    "June",
    "Feb.",
    "in",
    "In",
    "on",
    "by",
    "ten",
    "Ten",
    "one",
    "first",
    "second",
    "twenty-one",
    "thirty-first",
    "thirty",
    "10",
    ".",
    ". ",
    ",",
    ",”",
    "”",
    "“",
    '"',
    "!",
    "?",
    "\n",
    "\n\n",
    " ",
    "’",
    "he",
    "she",
    "He",
    "they",
    "said",
    "noted",
    "told",
    "added",
    "asked",
    "Truss",
    "The minister",
    "reporters",
    "a press conference",
    "in Moscow",
    "on Monday",
    "the",
    "a",
    "that",
    "solution",
    "political",
    "deal",
    "good",
    "meaning",
    "nowhere",
    "however",
    "U.S.",
    "etc.",
    "a.m.",
    "of here",
    "the middle of",
    "the end of",
    "since several years",
    "ago",
    "north",
    "Kiev",
    "KIEV",
    "Kyiv",
    "Kievan",
    "chicken",
    "-class",
    "Odessa",
    "Texas",
    "Ukraine",
    "Ukrainian",
    "Chernobyl",
    "Chornobyl",
    "disaster",
    "Dynamo",
    "1975",
    "Nikolaev",
    "Vladimir",
    "Mr.",
    "der",
    "die",
    "und",
    "의",
    "Кiev",
]
TEXTS = st.lists(st.sampled_from(TOKENS), max_size=40).map(lambda parts: " ".join(parts).replace(" . ", ". "))
GLUED = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def _ids(rule: Rule) -> str:
    return rule.name


def test_every_translation_rule_is_registered() -> None:
    assert {r.name for r in RULES} == {
        "translation.month-number-word",
        "translation.stray-fragment",
        "translation.duplicated-fragment",
        "translation.duplicated-speech-verb",
        "translation.duplicated-attribution",
        "translation.calques",
        "translation.place-names",
        "translation.broken-sentence",
    }


@pytest.mark.parametrize("rule", RULES + ALWAYS, ids=_ids)
@given(text=st.one_of(TEXTS, GLUED))
def test_rule_is_idempotent(rule: Rule, text: str) -> None:
    once = rule.apply(text)
    assert rule.apply(once) == once


@pytest.mark.parametrize("rule", RULES, ids=_ids)
@given(text=st.text(max_size=200))
def test_rule_is_total(rule: Rule, text: str) -> None:
    once = rule.apply(text)
    assert isinstance(once, str)
    assert rule.apply(once) == once


ADVERSARIAL = [
    ". " * 50_000,
    ". a" * 40_000,
    "x. said. " * 20_000,
    ",” he said. Truss told " * 5_000,
    ",” he said. Ab told" + " in a" * 30_000 + ".",
    "solution. political " * 20_000,
    "of here " * 20_000,
    "Kiev " * 20_000,
    "Ukraine Nikolaev " * 10_000,
    "\n" * 100_000,
    "a" * 500_000,
    "in February. " * 20_000,
    "“" + "in in " * 50_000,
]


@pytest.mark.parametrize("rule", RULES, ids=_ids)
@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_rule_survives_adversarial_input(rule: Rule, text: str) -> None:
    once = rule.apply(text)
    assert rule.apply(once) == once


def test_lone_surrogates_and_empty_input() -> None:
    for rule in RULES:
        for text in ("", "\n", "\ud800. a\udfff", "a. b”"):
            assert isinstance(rule.apply(text), str)


@given(
    text=st.text(alphabet="ab\n", max_size=60),
    positions=st.lists(st.integers(min_value=0, max_value=60), max_size=12),
)
def test_line_spans_match_a_naive_search(text: str, positions: list[int]) -> None:
    # regression (notes/bugs-translation.md): the English gate searched back to the text start
    # for every candidate, O(n²) on one long line; LineSpans resumes from the previous line
    spans = LineSpans(text)
    for raw in sorted(p for p in positions if p <= len(text)) + positions[:3]:
        pos = min(raw, len(text))
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        assert spans.at(pos) == (start, len(text) if end < 0 else end)


# --- the cheap pre-checks are sound: a text that fails one has nothing for the rule ---

DEFERRED = [r for r in RULES if getattr(r.finder, "after_stop", False) or getattr(r.finder, "needs", ())]
STOPS = st.text(alphabet='aZ .,”"\n', max_size=80)


def test_the_deferred_rules_are_the_ones_after_a_stop_or_a_quote() -> None:
    assert {r.name for r in DEFERRED} == {
        "translation.month-number-word",
        "translation.stray-fragment",
        "translation.duplicated-fragment",
        "translation.duplicated-speech-verb",
        "translation.duplicated-attribution",
        "translation.broken-sentence",
    }


@pytest.mark.parametrize("rule", DEFERRED, ids=_ids)
@given(text=st.one_of(TEXTS, GLUED, STOPS))
def test_a_text_that_fails_the_deferred_pre_check_has_nothing_for_the_rule(rule: Rule, text: str) -> None:
    deferred = rule.finder
    real = getattr(importlib.import_module(f"cleantext.translation.{deferred.module}"), deferred.name)
    passes = (not deferred.after_stop or first_period_lower(text) >= 0) and (
        not deferred.needs or any(s in text for s in deferred.needs)
    )
    if not passes:
        assert list(real(text)) == []
    assert list(deferred(text)) == list(real(text))


def test_every_pattern_after_a_stop_starts_with_a_lowercase_letter() -> None:
    # the rules scan from the first ". " + lowercase letter (first_period_lower), which is
    # sound only if every word their patterns accept after the stop starts with [a-z]
    english, dates = load("translation_english.json"), load("translation_dates.json")
    words = [*english["speech_verbs"], *(s.lower() for s in english["subjects"])]
    words += [*dates["cardinals"], *dates["ordinals"]]
    assert all(re.match("[a-z]", w) for w in words)


@given(
    text=st.text(alphabet="ab -_é1", max_size=12),
    word=st.text(alphabet="ab -_é1", max_size=4),
    hyphen_after=st.booleans(),
)
def test_contains_word_is_the_regex_it_replaces(text: str, word: str, hyphen_after: bool) -> None:
    after = r"(?![\w-])" if hyphen_after else r"(?!\w)"
    expected = re.search(rf"(?<![\w-]){re.escape(word)}{after}", text) is not None
    assert contains_word(text, word, hyphen_after=hyphen_after) == expected


@given(text=st.text(alphabet="aZ. \n", max_size=40))
def test_first_period_lower_is_the_first_match(text: str) -> None:
    m = re.search(r"\. (?=[a-z])", text)
    assert first_period_lower(text) == (m.start() if m else -1)


# glitches of every rule, and look-alikes, to be strung together
PHRASES = [
    "They met of here the end of May.",
    "It grew since several years.",
    "Ukraine and Ukrainian troops left Kiev.",
    "the troops stationed there. the border moved",
    "exercises in February. ten.",
    "finding a solution. political solution, they said.",
    "“It will lead nowhere,” he said. noted.",
    "“Drop the threats,” he said. Truss told a press conference.",
    "threats will lead nowhere. meaning,” he said.",
    "U.S. officials",
    "ok. fine",
]
GLITCHES = st.lists(st.sampled_from(PHRASES), max_size=8).map(" ".join)


@given(text=st.one_of(TEXTS, GLUED, STOPS, GLITCHES))
@example(text="They met of here the end of May. the troops stationed there. the border moved")
def test_sharing_the_stop_scan_within_a_call_changes_nothing(text: str) -> None:
    # within one cleaning call the rules share first_period_lower() per text (call
    # scratch); a rule that rewrites the text must not hand a stale offset to the next
    shared_edits, alone_edits = [], []
    shared = text
    with call_scope():
        for rule in RULES:
            edits = normalize_edits(shared, rule.finder(shared))
            shared_edits.append(edits)
            shared = apply_edits(shared, edits) if edits else shared
    alone = text
    for rule in RULES:
        alone_edits.append(rule.find(alone))
        alone = rule.apply(alone)
    assert shared == alone
    assert shared_edits == alone_edits
