"""Site models and the ``boilerplate.site-repeated`` rule."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import cleantext
from cleantext import Config, clean, explain
from cleantext.fingerprint import Fingerprinter, normalize_line
from cleantext.site import (
    RULE_NAME,
    SiteCleaner,
    SiteLineRemover,
    SiteModel,
    clean_records,
    rules,
    site_of,
    site_pipeline,
    site_rule,
)
from strategies import documents, pathological

SITE = "example.com"
FURNITURE = [
    "Get the Herald Morning Digest",
    "Live briefing: Ukraine in the crosshairs",
    "Consult the RFE/RL new live briefing on the massive build-up of Russian forces near the Ukrainian "
    "border and the ongoing diplomacy to prevent a possible invasion.",
    "Herald Events | Herald Jobs | Puzzles",
]
MODEL = SiteModel.from_lines({SITE: (50, FURNITURE), "other.org": (30, ["Other Org Weekend Edition"])})
CONFIG = Config(site_model=MODEL, site=SITE)
ARTICLE = (
    "Readers who get the Herald Morning Digest get a weekly summary.\n"
    "Get the Herald Morning Digest\n"
    "About 30,000 soldiers took part.\n"
    "  GET the   herald MORNING digest \n"
    "Herald Events | Herald Jobs | Puzzles\n"
    "On Feb. 8, the talks resumed.\n"
)


# ----------------------------------------------------------------------------- site_of
@pytest.mark.parametrize(
    ("value", "site"),
    [
        ("https://www.example.com/news/1", "example.com"),
        ("http://EXAMPLE.com:8080/x?y=1#z", "example.com"),
        ("//www.example.com/a", "example.com"),
        ("https://news.example.com/a", "news.example.com"),
        ("https://www2.example.com/a", "www2.example.com"),
        ("https://example.com./a", "example.com"),
        ("Example.com", "example.com"),
        ("www.rferl.org", "rferl.org"),
        ("  Blog A ", "blog a"),
        ("http://[::1", "http://[::1"),  # not a valid URL: the value itself
        ("", ""),
    ],
)
def test_site_of(value: str, site: str) -> None:
    assert site_of(value) == site


# ----------------------------------------------------------------------------- fingerprints
def test_fingerprints_fold_case_space_and_invisible_characters() -> None:
    fpr = Fingerprinter()
    key = fpr.key("Subscribe to our newsletter")
    assert key is not None and len(key) == 16
    for variant in (
        "SUBSCRIBE to our newsletter",
        "  subscribe\tto  our newsletter ",
        "Subscribe to our\u200b newsletter",
    ):
        assert fpr.key(variant) == key
    assert fpr.key("Subscribe to our newsletters") != key


def test_digits_are_kept_unless_folded() -> None:
    assert Fingerprinter().key("March 3, 2024") != Fingerprinter().key("March 4, 2024")
    folded = Fingerprinter(fold_digits=True)
    assert folded.key("March 3, 2024") == folded.key("March 17, 1999")
    assert normalize_line("Page 12 of 30", fold_digits=True) == "page 0 of 0"


def test_only_candidate_lines_get_a_key() -> None:
    fpr = Fingerprinter(max_words=5)
    assert fpr.key("") is None
    assert fpr.key("   ") is None
    assert fpr.key("* * *") is None  # no letter
    assert fpr.key("one two three four five") is not None
    assert fpr.key("one two three four five six") is None
    assert fpr.key("x" * 1_000_000) is None


def test_lone_surrogates_have_a_fingerprint() -> None:
    assert Fingerprinter().key("abc\ud800") is not None


# ----------------------------------------------------------------------------- the model
def test_model_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "site-lines.json"
    MODEL.save(path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "cleantext-site-lines" and data["version"] == 1
    assert "Get the Herald Morning Digest" in text  # human-inspectable
    assert len(text.splitlines()) > len(FURNITURE)  # one learned line per text line
    loaded = SiteModel.load(path)
    assert loaded == MODEL and hash(loaded) == hash(MODEL)
    assert loaded.lines_for("https://www.example.com/x") == MODEL.lines_for(SITE)
    assert len(loaded.lines_for(SITE)) == len(FURNITURE)
    assert loaded.lines_for("unknown.net") == frozenset()
    assert "https://other.org/a" in loaded and "unknown.net" not in loaded


def test_model_is_frozen_and_pickles() -> None:
    with pytest.raises(AttributeError):
        MODEL.sites = {}  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(MODEL))
    assert again == MODEL
    assert again.lines_for(SITE) == MODEL.lines_for(SITE)


def test_models_with_other_lines_differ() -> None:
    other = SiteModel.from_lines({SITE: (50, FURNITURE[:2])})
    assert other != MODEL


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "something-else", "version": 1}', "not a cleantext site model"),
        ('{"format": "cleantext-site-lines", "version": 99, "sites": {}}', "version 99"),
        (
            '{"format": "cleantext-site-lines", "version": 1, "sites": {"a": {"lines": [{"fp": "zz"}]}}}',
            "bad",
        ),
        ("[1, 2", "Expecting"),
    ],
)
def test_load_rejects_what_is_not_a_model(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        SiteModel.load(path)


def test_a_hand_edited_model_is_read(tmp_path: Path) -> None:
    """Deleting a learned line from the JSON file is how a user vetoes it."""
    path = tmp_path / "m.json"
    MODEL.save(path)
    kept = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if "Herald Events | Herald Jobs | Puzzles" not in ln
    ]
    path.write_text("\n".join(kept).replace('"}\n    ]', '"}]'), encoding="utf-8")
    edited = SiteModel.load(path)
    assert len(edited.lines_for(SITE)) == len(FURNITURE) - 1
    assert (
        clean("Text.\nHerald Events | Herald Jobs | Puzzles\n", config=Config(site_model=edited, site=SITE))
        == "Text.\nHerald Events | Herald Jobs | Puzzles\n"
    )


# ----------------------------------------------------------------------------- the rule
def test_rules_needs_a_model_and_a_known_site() -> None:
    assert rules(Config()) == []
    assert rules(Config(site_model=MODEL)) == []
    assert rules(Config(site_model=MODEL, site="unknown.net")) == []
    (rule,) = rules(CONFIG)
    assert rule.name == RULE_NAME == "boilerplate.site-repeated"
    assert rule.family == "boilerplate" and rule.description[0].isupper()
    assert rules(Config(site_model=MODEL, site="https://www.example.com/a/b")) == [rule]
    with pytest.raises(TypeError, match="SiteModel"):
        rules(Config(site_model={"not": "a model"}, site=SITE))


def test_site_module_is_lazy_without_a_model() -> None:
    """Importing cleantext.site and asking for its rules without a model loads neither
    the model classes nor what they need (fingerprints, hashing, JSON)."""
    code = (
        "import re, sys\n"
        "import cleantext.config, cleantext.core\n"
        "compiled = []\n"
        "_compile = re._compile\n"
        "re._compile = lambda pattern, flags: compiled.append(pattern) or _compile(pattern, flags)\n"
        "import cleantext.site as site\n"
        "from cleantext import Config\n"
        "assert site.rules(Config()) == [] and site.rules(Config(site='example.com')) == []\n"
        "heavy = ('cleantext.site_model', 'cleantext.fingerprint', 'cleantext.learn', 'hashlib', 'json',\n"
        "         'urllib.parse', 'regex', 'ftfy', 'trafilatura')\n"
        "print(len(compiled), sorted(m for m in heavy if m in sys.modules))\n"
        "assert site.SiteModel.__name__ == 'SiteModel' and 'cleantext.site_model' in sys.modules\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "0 []\n"


def test_lazy_names_are_the_model_module_names() -> None:
    from cleantext import site, site_model

    for name in ("SiteModel", "SiteLines", "LearnedLine", "SiteLineRemover", "SiteCleaner", "site_rule"):
        assert getattr(site, name) is getattr(site_model, name)
        assert name in dir(site)
    with pytest.raises(AttributeError):
        site.no_such_name  # noqa: B018


def test_rule_is_in_the_registry_only_with_a_model() -> None:
    assert RULE_NAME not in [r.name for r in cleantext.rules()]
    assert RULE_NAME in [r.name for r in cleantext.rules(CONFIG)]
    pipe = cleantext.default_pipeline(config=CONFIG)
    assert RULE_NAME in pipe.names
    again = pickle.loads(pickle.dumps((CONFIG, pipe)))
    assert again == (CONFIG, pipe) and again[1](ARTICLE) == pipe(ARTICLE)


def test_rule_example_holds() -> None:
    rule = site_rule(MODEL, SITE)
    assert rule is not None and rule.examples
    for before, after in rule.examples:
        assert rule.apply(before) == after
        assert rule.apply(after) == after


def test_clean_removes_learned_lines_and_keeps_look_alike_prose() -> None:
    out = clean(ARTICLE, config=CONFIG)
    assert out == (
        "Readers who get the Herald Morning Digest get a weekly summary.\n"
        "About 30,000 soldiers took part.\n"
        "On Feb. 8, the talks resumed.\n"
    )
    # another site's furniture is not this site's
    assert clean("Text.\nOther Org Weekend Edition\n", config=CONFIG) == "Text.\nOther Org Weekend Edition\n"
    # and without a model nothing site-specific happens
    assert "Get the Herald Morning Digest\n" in clean(ARTICLE)


def test_explain_names_the_rule_and_the_original_line() -> None:
    changes = [c for c in explain(ARTICLE, config=CONFIG) if c.rule == RULE_NAME]
    assert [c.line for c in changes] == [2, 4, 5]
    assert changes[0].before == "Get the Herald Morning Digest\n" and changes[0].after == ""


def test_the_seed_promo_is_removed_with_a_learned_model() -> None:
    seed = (Path(__file__).resolve().parent.parent / "seeds" / "000_89e9b03200a8b320.txt").read_text("utf-8")
    out = clean(seed, config=Config(site_model=MODEL, site="https://www.example.com/a"))
    assert "Live briefing: Ukraine in the crosshairs" not in out
    assert "Consult the RFE/RL new live briefing" not in out
    assert "involving more than 30,000 soldiers." in out
    assert out == clean(out, config=Config(site_model=MODEL, site=SITE))


def test_rule_edges() -> None:
    finder = SiteLineRemover(MODEL.lines_for(SITE), MODEL.fingerprinter)
    rule = site_rule(MODEL, SITE)
    assert rule is not None
    assert rule.apply("Herald Events | Herald Jobs | Puzzles") == ""
    assert rule.apply("Herald Events | Herald Jobs | Puzzles\n") == ""
    # no final newline in, none out (bugs-site.md)
    assert rule.apply("A.\nHerald Events | Herald Jobs | Puzzles") == "A."
    assert rule.apply("A.\n\nHerald Events | Herald Jobs | Puzzles") == "A."
    assert rule.apply(f"A.\n{FURNITURE[0]}\n\n{FURNITURE[3]}") == "A."
    assert rule.apply("A.\nB.\n" + FURNITURE[0] + "\n\n" + FURNITURE[1]) == "A.\nB."
    assert rule.apply("A.\n" + FURNITURE[0] + "\nB.") == "A.\nB."
    assert rule.apply("\n\n" + FURNITURE[0]) == ""
    assert (
        rule.apply("Herald Events | Herald Jobs | Puzzles\nHerald Events | Herald Jobs | Puzzles\nB.") == "B."
    )
    assert rule.apply("A.\r\nHerald Events | Herald Jobs | Puzzles\r\nB.") == "A.\r\nB."  # \r folds as space
    look_alike = "Herald Events | Herald Jobs | Puzzles: a new campaign."
    assert rule.apply(look_alike) == look_alike
    assert finder("") == [] and finder("\n\n") == []
    assert SiteLineRemover(frozenset())("Herald Events | Herald Jobs | Puzzles") == []


# ----------------------------------------------------------------------------- pipelines
def test_site_pipeline_puts_the_rule_before_layout_and_pickles() -> None:
    pipe = site_pipeline(MODEL, "https://example.com/x")
    base = cleantext.default_pipeline()
    assert len(pipe) == len(base) + 1
    assert pipe.names[-2:] == (RULE_NAME, "normalize.layout")
    again = pickle.loads(pickle.dumps(pipe))
    assert again == pipe
    assert again(ARTICLE) == clean(ARTICLE, config=CONFIG)
    assert site_pipeline(MODEL, "unknown.net") == base
    # a custom pipeline, and no duplicate when the rule is already there
    narrow = cleantext.default_pipeline(select=["normalize.spaces", "normalize.layout"])
    custom = site_pipeline(MODEL, SITE, narrow)
    assert custom.names == ("normalize.spaces", RULE_NAME, "normalize.layout")
    assert site_pipeline(MODEL, SITE, narrow.select(["normalize.spaces"])).names[-1] == RULE_NAME
    assert site_pipeline(MODEL, SITE, custom).names == custom.names


def test_site_cleaner_cleans_records_per_site() -> None:
    records = [
        {"url": "https://www.example.com/1", "text": "A.\nHerald Events | Herald Jobs | Puzzles\n", "id": 1},
        {
            "url": "https://other.org/2",
            "text": "B.\nHerald Events | Herald Jobs | Puzzles\nOther Org Weekend Edition\n",
        },
        {"url": "https://unknown.net/3", "text": "C.\nHerald Events | Herald Jobs | Puzzles\n"},
        {"text": "D  d.\nHerald Events | Herald Jobs | Puzzles\n"},
        {"url": "https://example.com/5", "text": 5},
        "E  e.\nHerald Events | Herald Jobs | Puzzles\n",
        None,
    ]
    out = list(clean_records(records, model=MODEL, group_field="url"))
    assert out[0] == {"url": "https://www.example.com/1", "text": "A.\n", "id": 1}
    assert out[1]["text"] == "B.\nHerald Events | Herald Jobs | Puzzles\n"
    assert out[2]["text"] == "C.\nHerald Events | Herald Jobs | Puzzles\n"
    assert out[3]["text"] == "D d.\nHerald Events | Herald Jobs | Puzzles\n"
    assert out[4] == records[4]
    assert out[5] == "E e.\nHerald Events | Herald Jobs | Puzzles\n"
    assert out[6] is None
    assert records[0]["text"] == "A.\nHerald Events | Herald Jobs | Puzzles\n"  # the input is not modified
    cleaner = SiteCleaner(model=MODEL, group_field="url")
    list(cleaner(records))
    again = pickle.loads(pickle.dumps(cleaner))
    assert again._cache == {}
    assert list(again(records)) == out


# ----------------------------------------------------------------------------- properties
LEARNED = st.sampled_from(FURNITURE).map(lambda s: s.upper() if len(s) % 2 else "  " + s.lower())
TEXTS = st.one_of(
    documents(),
    st.lists(st.one_of(LEARNED, st.text(max_size=40), documents()), max_size=12).map("\n".join),
)
RULE = site_rule(MODEL, SITE)


@given(TEXTS)
def test_rule_is_idempotent_and_total(text: str) -> None:
    assert RULE is not None
    once = RULE.apply(text)
    assert RULE.apply(once) == once
    # it only ever deletes whole lines
    kept = once.split("\n")
    assert all(line in text.split("\n") for line in kept if line)
    # a final newline is kept when there was one, and not added when there was none
    assert text.endswith("\n") or not once.endswith("\n")


@given(TEXTS)
def test_site_pipeline_is_idempotent(text: str) -> None:
    pipe = site_pipeline(MODEL, SITE)
    once = pipe(text)
    assert pipe(once) == once


@pytest.mark.parametrize("name", sorted(pathological()))
def test_rule_is_linear_on_pathological_input(name: str) -> None:
    assert RULE is not None
    text = pathological()[name][0]
    assert RULE.apply(RULE.apply(text)) == RULE.apply(text)


def test_rule_handles_huge_and_odd_input() -> None:
    assert RULE is not None
    for text in (
        "\n" * 100_000,
        "Herald Events | Herald Jobs | Puzzles\n" * 50_000,
        "x" * 1_000_000,
        "a\ud800\nHerald Events | Herald Jobs | Puzzles\n",
    ):
        once = RULE.apply(text)
        assert RULE.apply(once) == once
    assert RULE.apply("Herald Events | Herald Jobs | Puzzles\n" * 50_000) == ""


def test_long_lines_skip_fingerprinting_but_variants_are_still_found() -> None:
    entry = MODEL.site(SITE)
    assert entry is not None and entry.max_words is not None
    assert entry.max_words >= len(FURNITURE[2].split())
    rule = site_rule(MODEL, SITE)
    assert rule is not None
    assert rule.apply("A.\nGet\tthe  Herald\u00a0Morning   Digest\nB.") == "A.\nB."
    long_prose = " ".join(["word"] * 200)
    assert rule.apply(long_prose + "\n") == long_prose + "\n"
    unknown = SiteModel.from_lines({"x.example": (30, ["x" * 600, "Menu"])}).site("x.example")
    assert unknown is not None and unknown.max_words is None  # a cut example: no fast path


@given(st.text(st.sampled_from(" \t\n\xa0ab"), max_size=40), st.integers(0, 8))
def test_word_limit_counts_words_without_splitting_the_whole_line(line: str, most: int) -> None:
    """The rule's ``len(line.split(None, most)) <= most`` is ``len(line.split()) <= most``."""
    assert (len(line.split(None, most)) <= most) == (len(line.split()) <= most)


def _plain_normalize(fpr: Fingerprinter, line: str) -> str | None:
    """Fingerprinter.normalize as first written: normalize every line, then count words."""
    import re
    import unicodedata

    if not line or len(line) > fpr.max_words * 40:
        return None
    table = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
    norm = " ".join(unicodedata.normalize("NFKC", line.translate(table)).casefold().split())
    if fpr.fold_digits:
        norm = re.sub(r"\d+", "0", norm)
    if not norm or norm.count(" ") >= fpr.max_words or not re.search(r"[^\W\d_]", norm):
        return None
    return norm


_FP_CHARS = " \t\xa0\u3000\u2009a B1ß\u00a8\u00b4\u203e\u00ad\u200b\u200d\ufeff\u0301é\ud800"


@given(st.text(st.sampled_from(_FP_CHARS), max_size=30), st.integers(1, 6), st.booleans())
@example("a \u200b b", 2, False)  # a "word" that is only an invisible character
@example("a \u00a8 b", 3, False)  # NFKC: U+00A8 -> a space and a combining diaeresis
def test_fingerprint_normalization_equals_its_plain_definition(line: str, most: int, fold: bool) -> None:
    fpr = Fingerprinter(fold_digits=fold, max_words=most)
    assert fpr.normalize(line) == _plain_normalize(fpr, line)
    assert normalize_line(line, fold) == normalize_line(line.replace("\u200b", ""), fold)


def test_site_lists_exactly_the_model_names_it_loads_lazily() -> None:
    import cleantext.site as front
    import cleantext.site_model as model

    assert set(model.__all__) == front._LAZY
    assert all(getattr(front, name) is getattr(model, name) for name in model.__all__)
