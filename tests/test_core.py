"""The core model: applier, rules, pipeline, explain, selection."""

from __future__ import annotations

import pickle
from collections.abc import Iterable

import pytest

import cleantext
from cleantext import Change, Pipeline, Rule, apply_changes, clean, explain
from cleantext.core import Edit, apply_edits, normalize_edits, only_drops_lines


def _upper_x(text: str) -> list[tuple[int, int, str | None]]:
    return [(i, i + 1, "X") for i, c in enumerate(text) if c == "x"]


def _drop_y_lines(text: str) -> list[tuple[int, int, str | None]]:
    out: list[tuple[int, int, str | None]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line) + 1
        if line == "y":
            out.append((start, min(end, len(text)), ""))
        start = end
    return out


def _report_z(text: str) -> list[tuple[int, int, str | None]]:
    i = text.find("z")
    return [(i, i + 1, None)] if i >= 0 else []


UPPER = Rule("normalize.upper-x", "x -> X", _upper_x, (("axb", "aXb"),))
DROP = Rule("boilerplate.drop-y", "drop lines 'y'", _drop_y_lines, (("a\ny\nb", "a\nb"),))
REPORT = Rule("translation.report-z", "report z", _report_z)


def test_apply_edits_replaces_and_deletes() -> None:
    assert apply_edits("hello world", [(0, 5, "HI"), (5, 6, "")]) == "HIworld"


def test_apply_edits_drops_overlaps_and_clamps() -> None:
    assert apply_edits("abcdef", [(1, 3, "Y"), (2, 4, "Z"), (5, 99, "!")]) == "aYde!"


def test_findings_are_not_applied() -> None:
    assert apply_edits("abc", [(0, 1, None)]) == "abc"
    assert normalize_edits("abc", [(0, 1, None), (0, 1, "A")]) == [(0, 1, None), (0, 1, "A")]


def test_rule_name_must_have_a_family() -> None:
    with pytest.raises(ValueError, match="family"):
        Rule("other.x", "bad", _upper_x)
    with pytest.raises(ValueError):
        Rule("normalize", "no name", _upper_x)


def test_rule_apply_and_family() -> None:
    assert UPPER("xax") == "XaX"
    assert UPPER.family == "normalize"
    assert UPPER.find("ax") == [(1, 2, "X")]


def test_pipeline_composes_and_rejects_duplicates() -> None:
    p = Pipeline((UPPER,)) + DROP
    assert p.names == ("normalize.upper-x", "boilerplate.drop-y")
    assert p("x\ny\nz") == "X\nz"
    with pytest.raises(ValueError, match="twice"):
        Pipeline((UPPER, UPPER))


def test_pipeline_reaches_a_fixpoint() -> None:
    # removing a line joins two 'y' halves into a new 'y' line only on a second pass
    def join(text: str) -> list[tuple[int, int, str | None]]:
        i = text.find("y\n-\n")
        return [(i + 1, i + 4, "")] if i >= 0 else []

    p = Pipeline((DROP, Rule("boilerplate.join", "join", join)))
    once = p("a\ny\n-\nb")
    assert p(once) == once


def test_pipeline_select_and_ignore() -> None:
    p = Pipeline((UPPER, DROP, REPORT))
    assert p.select(["boilerplate"]).names == ("boilerplate.drop-y",)
    assert p.select(ignore=["normalize"]).names == ("boilerplate.drop-y", "translation.report-z")
    with pytest.raises(ValueError, match="did you mean"):
        p.select(["boilerplate.drop-x"])


def test_pipeline_replace() -> None:
    other = Rule("normalize.upper-x", "x -> Y", lambda t: [(0, 0, "")])
    assert Pipeline((UPPER,)).replace(other).rules[0] is other
    with pytest.raises(KeyError):
        Pipeline((UPPER,)).replace(DROP)


def test_explain_lines_refer_to_the_original_input() -> None:
    p = Pipeline((DROP, UPPER, REPORT))
    text = "y\ny\nax\nz\n"
    changes = p.explain(text)
    assert [(c.rule, c.line) for c in changes] == [
        ("boilerplate.drop-y", 1),
        ("boilerplate.drop-y", 2),
        ("normalize.upper-x", 3),
        ("translation.report-z", 4),
    ]
    assert changes[-1].is_finding
    assert apply_changes(text, changes) == p(text) == "aX\nz\n"


def test_public_clean_and_explain_round_trip() -> None:
    text = "  AT&amp;amp;T\r\n\r\n\r\n\r\nfoo , bar. .  baz\u200b…NATO\n\n"
    changes = explain(text)
    assert all(isinstance(c, Change) for c in changes)
    assert apply_changes(text, changes) == clean(text) == "AT&T\n\nfoo, bar. baz… NATO\n"


def test_issue_example() -> None:
    assert clean("schÃ¶n , da") == "schön, da"


def test_clean_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="bytes"):
        clean(b"abc")  # type: ignore[arg-type]


def test_default_pipeline_pickles() -> None:
    p = cleantext.default_pipeline()
    q = pickle.loads(pickle.dumps(p))
    assert q == p
    assert q("a  b") == "a b"


def test_select_ignore_by_family_and_name() -> None:
    assert clean("a  b , c", select=["normalize.spaces"]) == "a b , c"
    assert clean("a  b , c", ignore=["normalize.spaces"]) == "a  b, c"
    with pytest.raises(ValueError, match="unknown rule"):
        clean("x", select=["normalise"])


def test_opt_in_rules_need_their_exact_name() -> None:
    assert "normalize.ascii-punctuation" not in cleantext.default_pipeline(select=["normalize"]).names
    assert clean("“a”", select=["normalize.ascii-punctuation"]) == '"a"'
    assert clean("“a”") == "“a”"


def test_registry_names_are_unique_and_described() -> None:
    names = [r.name for r in cleantext.rules()]
    assert len(names) == len(set(names))
    for rule in cleantext.rules():
        assert rule.description and rule.description[0].isupper(), rule.name
        assert rule.family in ("normalize", "boilerplate", "translation")


@pytest.mark.parametrize("rule", cleantext.rules(), ids=lambda r: r.name)
def test_every_rule_example_holds(rule: Rule) -> None:
    assert rule.examples, f"{rule.name} has no example"
    for before, after in rule.examples:
        assert rule.apply(before) == after
        assert rule.apply(after) == after


def test_call_scratch_lives_for_one_call_only() -> None:
    from cleantext.core import call_scope, call_scratch

    seen: list[dict[str, object] | None] = []

    def record(text: str) -> list[tuple[int, int, str | None]]:
        scratch = call_scratch()
        seen.append(scratch)
        if scratch is not None:
            scratch["count"] = int(scratch.get("count", 0)) + 1  # type: ignore[call-overload]
        return []

    p = Pipeline((Rule("normalize.record", "record", record), Rule("boilerplate.record", "record", record)))
    assert call_scratch() is None
    p("one")
    p("two")
    assert call_scratch() is None
    first, second, third, fourth = seen
    assert first is second and third is fourth  # the rules of one call share it
    assert first is not third and first == {"count": 2}  # a new call starts empty
    with call_scope() as outer:
        p.rules[0].apply("x")
        assert outer["count"] == 1  # an enclosing scope is reused
    assert call_scratch() is None


def test_boilerplate_keeps_no_documents_between_calls() -> None:
    from cleantext.boilerplate import lines

    clean("Para one.\n\nShare this:\n")
    assert not [
        v
        for v in vars(lines).values()
        if isinstance(v, dict) and any(isinstance(x, lines.Doc) for x in v.values())
    ]


def _clean_a_document_with(token: str) -> int:
    """Run every entry point on a noisy document that carries *token* on many lines."""
    import cleantext

    doc = (
        f"About {token} Blackburn\n\nThe minister said on {token} that talks would resume , officials said.\n"
        f"He said. noted. In February. ten. the {token} council met in Kiev .\n"
        f"SchÃ¶n {token} &amp; more\n\nCheck Also\n\n{token} Board of Directors Expands\n"
        f"The council has been expanded to …\nShare this: {token}\n© 2024 {token} Media\n"
    )
    total = len(cleantext.clean(doc)) + len(cleantext.explain(doc))
    for rule in cleantext.all_rules():
        total += len(rule.apply(doc))
    return total


def test_no_document_text_outlives_a_call() -> None:
    """Issue 2: no cache or module state keeps anything derived from a document.

    Every container the garbage collector knows (module dicts, lru_cache tables, lists,
    tuples, closures) is searched for a string that carries the document's token.
    """
    import gc
    import secrets

    token = "tok" + secrets.token_hex(8)
    assert _clean_a_document_with(token) > 0
    gc.collect()
    leaks = []
    # containers holding only atoms (a dict of str) are not tracked by the collector: descend into them
    stack = gc.get_objects()
    seen: set[int] = set()
    while stack:
        holder = stack.pop()
        for ref in gc.get_referents(holder):
            if type(ref) is str:
                if token in ref and ref is not token:  # not the test's own variable
                    leaks.append((type(holder).__name__, ref[:80]))
            elif (
                type(ref) in (dict, list, tuple, set, frozenset)
                and not gc.is_tracked(ref)
                and id(ref) not in seen
            ):
                seen.add(id(ref))
                stack.append(ref)
    assert leaks == []


def test_records_are_immutable_hashable_and_pickle() -> None:
    """Rule, Pipeline, Change and Config are plain slotted records (no dataclasses at start-up)."""
    from cleantext import Config

    config = Config(place_names=(("Kiev", "Kyiv"),), place_names_mode="always")
    change = Change("normalize.spaces", 1, "  ", " ", 2, 4)
    for record in (config, change, Pipeline((UPPER,)), UPPER):
        copy = pickle.loads(pickle.dumps(record))
        assert copy == record and hash(copy) == hash(record)
        with pytest.raises(AttributeError):
            record.name = "x"  # type: ignore[misc,union-attr]
    assert config._replace(site="a.example") == Config(
        place_names=(("Kiev", "Kyiv"),), place_names_mode="always", site="a.example"
    )
    assert config != Config() and len({config, Config(), Config()}) == 2
    with pytest.raises(TypeError):
        config._replace(colour="red")
    with pytest.raises(ValueError, match="place_names_mode"):
        Config(place_names_mode="sometimes")
    assert repr(change) == "Change(rule='normalize.spaces', line=1, before='  ', after=' ', start=2, end=4)"
    assert "finder" not in repr(UPPER)  # long values are left out of the repr


# ----------------------------------------------------------------------------- line drops
def test_only_drops_lines() -> None:
    text = "a\nb\n\nc"
    assert only_drops_lines(text, [(2, 4, "")])  # "b\n"
    assert only_drops_lines(text, [(0, 2, ""), (2, 5, "")])  # adjacent: "a\nb\n\n"
    assert only_drops_lines(text, [(4, 6, "")])  # the tail with the newline before it
    assert only_drops_lines(text, [(0, 6, "")])  # everything
    assert only_drops_lines(text, [(4, 5, ""), (0, 0, None)])  # a blank line; findings ignored
    assert only_drops_lines("a\n\n\n\nb", [(1, 5, "\n\n")])  # keeps the start: deletes "\n\n"
    assert not only_drops_lines(text, [(0, 1, "")])  # a line's text, not its newline
    assert not only_drops_lines(text, [(2, 4, ""), (4, 6, "")])  # "b\n" + "\nc" leaves "a\n"
    assert not only_drops_lines("a\ny", [(2, 3, "")])  # "y" without its newline leaves "a\n"
    assert not only_drops_lines(text, [(1, 2, "")])  # a newline alone joins two lines
    assert not only_drops_lines(text, [(2, 4, "x")])
    assert not only_drops_lines(text, [(2, 2, "b\n")])  # an insertion


def _count_calls(rule: Rule, calls: list[str]) -> Rule:
    finder = rule.finder

    def counted(text: str) -> Iterable[Edit]:
        calls.append(rule.name)
        return finder(text)

    return rule._replace(finder=counted)


def test_a_drop_stable_rule_is_not_run_again_after_line_drops() -> None:
    calls: list[str] = []
    upper = _count_calls(UPPER._replace(drop_stable=True), calls)
    drop = _count_calls(DROP, calls)
    assert Pipeline((upper, drop))("a\ny\nb\n") == "a\nb\n"
    # upper, drop (drops a line), upper is known to leave the text as it is: drop once more
    assert calls == ["normalize.upper-x", "boilerplate.drop-y", "boilerplate.drop-y"]
    calls.clear()
    assert Pipeline((upper._replace(drop_stable=False), drop))("a\ny\nb\n") == "a\nb\n"
    assert calls == ["normalize.upper-x", "boilerplate.drop-y", "normalize.upper-x", "boilerplate.drop-y"]
    calls.clear()
    # a change that is not a line drop: every rule runs again
    assert Pipeline((upper, _count_calls(UPPER._replace(name="normalize.x2"), calls)))("x") == "X"
    assert calls == ["normalize.upper-x", "normalize.x2", "normalize.upper-x"]


def test_clean_trusts_the_flag() -> None:
    """A rule flagged stable that is not: ``clean`` stops where whole passes would go on (this is
    why every flag is checked in test_drop_stable.py)."""

    def mark_last(text: str) -> list[tuple[int, int, str | None]]:
        return [(len(text) - 1, len(text) - 1, "!")] if text.endswith("b\n") else []

    text = "a\nb\ny\n"
    honest = Pipeline((Rule("normalize.mark-last", "x", mark_last), DROP))
    lying = Pipeline((Rule("normalize.mark-last", "x", mark_last, drop_stable=True), DROP))
    assert honest(text) == "a\nb!\n"
    assert lying(text) == "a\nb\n"


def test_drop_stable_is_a_keyword_field() -> None:
    rule = Rule("normalize.upper-x", "x -> X", _upper_x, drop_stable=True)
    assert rule.drop_stable and not UPPER.drop_stable
    copy = pickle.loads(pickle.dumps(rule))
    assert copy.drop_stable and copy == rule == UPPER and hash(copy) == hash(UPPER)
    assert "drop_stable=True" in repr(rule)
    assert UPPER._replace(drop_stable=True).drop_stable
    with pytest.raises(TypeError):
        Rule("normalize.upper-x", "x", _upper_x, (), True, True)  # type: ignore[misc]
