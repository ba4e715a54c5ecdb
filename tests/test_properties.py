"""Properties of every registered rule, the default pipeline and random sub-pipelines.

Rules are collected from :func:`cleantext.all_rules` when the module is imported, so a
rule added to the registry is covered without touching this file.  Documents come from
``tests/strategies.py`` (scraper-like documents built from parts, mixed with
``st.text()``).  The properties and the growth bound are described in docs/testing.md.
"""

from __future__ import annotations

import pickle
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleantext
from cleantext import Config, Pipeline, Rule, apply_changes, apply_edits
from strategies import STANDALONE_MARKERS, documents, prose_article

RULES: tuple[Rule, ...] = cleantext.all_rules()
DEFAULT = cleantext.default_pipeline()
#: the normalization a document gets before the boilerplate and translation rules see it
NORMALIZE = Pipeline(tuple(r for r in DEFAULT.rules if r.family == "normalize"))
#: a user configuration exercising every Config field that takes data
USER_CONFIG = Config(
    extra_markers=(("promo", "Support our journalism"), ("related", "See also")),
    place_names=(("Bombay", "Mumbai"),),
    place_names_mode="always",
    calques=(("of here the", "by the"),),
)


# ----------------------------------------------------------------------------- growth bound
def growth_allowed(rule_name: str, before: str, after: str) -> bool:
    """The documented bound on how much one edit of *rule_name* may lengthen the text.

    * ``normalize.unicode-nfc``: at most 3x (Unicode's bound for NFC, e.g. U+FB2C);
    * ``normalize.ascii-punctuation``: at most 3x (``…`` -> ``...``);
    * ``normalize.ellipsis-spacing``: one inserted space per edit;
    * ``translation.*``: at most 4 characters per edit ("February. ten." -> "on
      February 10.", Zaporozhye -> Zaporizhzhia);
    * every other rule (entities, mojibake, spaces, layout, all of ``boilerplate.*``):
      never longer.
    """
    if rule_name in ("normalize.unicode-nfc", "normalize.ascii-punctuation"):
        return len(after) <= 3 * len(before)
    if rule_name == "normalize.ellipsis-spacing":
        return len(after) <= len(before) + 1
    if rule_name.startswith("translation."):
        return len(after) <= len(before) + 4
    return len(after) <= len(before)


def marker_lines(text: str) -> set[str]:
    """The standalone boilerplate-marker lines of *text* (stripped, casefolded)."""
    return {s for line in text.splitlines() if (s := line.strip().casefold()) in STANDALONE_MARKERS}


def _check_rule_on(rule: Rule, text: str) -> None:
    out = rule.apply(text)
    assert isinstance(out, str)
    # deterministic
    assert rule.apply(text) == out
    # idempotent
    assert rule.apply(out) == out, f"{rule.name} is not idempotent"
    # the applied edits are exactly what find() reports; a rule that finds nothing changes nothing
    edits = rule.find(text)
    rewrites = [e for e in edits if e[2] is not None]
    if not rewrites:
        assert out == text, f"{rule.name} changed text without reporting an edit"
    assert apply_edits(text, edits) == out
    # growth bound, edit by edit
    for start, end, rep in rewrites:
        assert rep is not None
        assert growth_allowed(rule.name, text[start:end], rep), (rule.name, text[start:end], rep)
    # boilerplate and translation rules never create a marker line
    if rule.family != "normalize":
        assert marker_lines(out) <= marker_lines(text), f"{rule.name} created boilerplate"


# ----------------------------------------------------------------------------- every rule
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
@given(text=documents())
def test_rule_is_total_deterministic_idempotent_and_bounded(rule: Rule, text: str) -> None:
    """On any str, and on the same text after normalization (the rule's usual input)."""
    _check_rule_on(rule, text)
    if rule.family != "normalize":
        _check_rule_on(rule, NORMALIZE(text))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_pickles(rule: Rule) -> None:
    copy = pickle.loads(pickle.dumps(rule))
    assert copy == rule
    for before, after in rule.examples:
        assert copy.apply(before) == after


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
@pytest.mark.parametrize(
    "text", ["", "\n", "\n\n\n", " ", "\r\n", "\ud800", "\udfff\ud800", "\x00", "&", "…"]
)
def test_rule_on_degenerate_input(rule: Rule, text: str) -> None:
    out = rule.apply(text)
    assert rule.apply(out) == out


# ----------------------------------------------------------------------------- the default pipeline
def _check_pipeline_on(pipeline: Pipeline, text: str) -> str:
    out = pipeline(text)
    assert isinstance(out, str)
    assert pipeline(text) == out  # deterministic
    assert pipeline(out) == out  # idempotent
    assert pipeline.check(out)
    changes = pipeline.explain(text)
    assert apply_changes(text, changes) == out  # explain() round trip
    for ch in changes:
        if ch.after is not None:
            assert growth_allowed(ch.rule, ch.before, ch.after), ch
    if not any(ch.after is not None for ch in changes):
        assert out == text
    return out


@given(text=documents())
def test_default_pipeline_properties(text: str) -> None:
    out = _check_pipeline_on(DEFAULT, text)
    # no new boilerplate: every marker line in the output was a marker line of the
    # normalized input (normalization itself may reveal one: "Share&nbsp;this:")
    assert marker_lines(out) <= marker_lines(NORMALIZE(text))


@given(text=documents())
def test_clean_and_explain_functions_agree_with_the_pipeline(text: str) -> None:
    assert cleantext.clean(text) == DEFAULT(text)
    assert apply_changes(text, cleantext.explain(text)) == cleantext.clean(text)


# ----------------------------------------------------------------------------- sub-pipelines
@st.composite
def sub_pipelines(draw: st.DrawFn) -> Pipeline:
    """Any subset of the registered rules (opt-in ones too), in registry order."""
    keep = draw(st.lists(st.booleans(), min_size=len(RULES), max_size=len(RULES)))
    return Pipeline(tuple(r for r, k in zip(RULES, keep, strict=True) if k))


@given(pipeline=sub_pipelines(), text=documents())
def test_sub_pipeline_properties(pipeline: Pipeline, text: str) -> None:
    out = _check_pipeline_on(pipeline, text)
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline
    assert copy(text) == out


# ----------------------------------------------------------------------------- user configuration
@lru_cache(maxsize=1)
def _user_pipeline() -> Pipeline:
    return Pipeline(cleantext.all_rules(USER_CONFIG))


def test_user_config_pipeline_pickles() -> None:
    p = _user_pipeline()
    copy = pickle.loads(pickle.dumps(p))
    assert copy == p
    text = "See also\nIn Bombay, of here the middle.\n"
    assert copy(text) == p(text)


@given(text=documents())
def test_user_config_pipeline_properties(text: str) -> None:
    _check_pipeline_on(_user_pipeline(), text)


# ----------------------------------------------------------------------------- prose is kept
@given(doc=prose_article())
def test_default_pipeline_keeps_every_prose_paragraph(doc: tuple[str, list[str]]) -> None:
    """Never eat real prose: look-alikes next to boilerplate blocks stay, word for word."""
    text, paragraphs = doc
    out_lines = set(DEFAULT(text).split("\n"))
    for paragraph in paragraphs:
        if paragraph not in KNOWN_EATEN:
            assert paragraph in out_lines, paragraph


#: prose a rule is known to eat in some positions, reported to its family (strict-xfail regression
#: tests in test_regressions.py); remove the entry when the family fixes it
KNOWN_EATEN: dict[str, str] = {}
