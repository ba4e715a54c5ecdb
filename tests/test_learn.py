"""Learning site models: thresholds, blocks, merging, pruning, and ``cleantext learn``."""

from __future__ import annotations

import gzip
import io
import json
import pickle
import random
import sys
from functools import reduce
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.cli import main as cli_main
from cleantext.fingerprint import Fingerprinter
from cleantext.learn import Counts, LearnParams, count_documents, main
from cleantext.site import SiteModel
from strategies import documents

FPR = Fingerprinter()
NAV = "Home | World | Business | Herald TV"
PROMO_HEAD = "Live briefing: Ukraine in the crosshairs"
PROMO_BODY = (
    "Consult the RFE/RL new live briefing on the massive build-up of Russian forces near the Ukrainian "
    "border and the ongoing diplomacy to prevent a possible invasion."
)
COMMON = "He did not elaborate."
RELEASE = (
    "The company said in a statement that it expects revenue to grow by eight percent this year as demand "
    "for its products recovers across all of its markets."
)
SUBHEAD = "Background"


def _article(r: random.Random, i: int, extra: list[str]) -> str:
    body = [
        f"Paragraph {i}.{j} says something new about topic {r.random():.6f}." for j in range(r.randint(3, 8))
    ]
    for line in extra:
        body.insert(r.randint(1, len(body)), line)
    return "\n".join([NAV, f"Headline number {i}", *body]) + "\n"


def _corpus(n: int = 200, seed: int = 1) -> list[dict[str, str]]:
    """A site whose articles have a nav line (all), a two-line promo block (10 %),
    an ordinary sentence (15 %), a quoted press release (4 %) and a sub-heading (10 %),
    each where it falls in the article."""
    r = random.Random(seed)
    docs = []
    for i in range(n):
        extra: list[str] = []
        if i % 10 == 3:
            extra.append(f"{PROMO_HEAD}\n{PROMO_BODY}")
        if r.random() < 0.15:
            extra.append(COMMON)
        if i % 25 == 7:
            extra.append(RELEASE)
        if i % 10 == 5:
            extra.append(SUBHEAD)
        docs.append({"url": f"https://www.herald.example/{i}", "text": _article(r, i, extra)})
    return docs


def _lines(model: SiteModel, site: str = "herald.example") -> set[str]:
    entry = model.site(site)
    return {ln.example or "" for ln in entry.lines} if entry else set()


# ----------------------------------------------------------------------------- thresholds
def test_thresholds() -> None:
    p = LearnParams()
    assert [p.threshold(n, False) for n in (20, 60, 200, 1000)] == [3, 3, 10, 50]
    sizes = (20, 60, 200, 1000, 100_000)
    shares = [p.threshold(n, True) / n for n in sizes]
    # a lone line needs a fifth of the documents, with a margin that shrinks as sites grow
    assert shares == sorted(shares, reverse=True) and len(set(shares)) == len(shares)
    assert shares[0] > 0.3 and 0.2 < shares[-1] < 0.21
    with pytest.raises(ValueError):
        LearnParams(min_fraction=1.5)
    with pytest.raises(ValueError):
        LearnParams(min_docs=1)


def test_learns_furniture_and_blocks_but_not_ordinary_repeats() -> None:
    model = count_documents(_corpus()).to_model()
    lines = _lines(model)
    assert NAV in lines
    assert PROMO_HEAD in lines and PROMO_BODY in lines  # a block in 10 % of the articles
    assert COMMON not in lines  # an ordinary sentence in 15 %, next to different lines each time
    assert RELEASE not in lines  # a quoted press release in 4 %
    assert SUBHEAD not in lines  # a recurring sub-heading in 10 %, alone
    assert not any(line.startswith(("Paragraph", "Headline")) for line in lines)


def test_two_prose_paragraphs_together_are_not_a_block() -> None:
    """A two-paragraph press release quoted in 8 % of the articles stays; a heading
    over a paragraph, as often, is a promo block and goes."""
    r = random.Random(4)
    second = "Its chief executive said the results showed the strength of the strategy adopted last year."
    docs = []
    for i in range(200):
        extra = [f"{RELEASE}\n{second}"] if i % 12 == 0 else []
        extra += [f"{PROMO_HEAD}\n{PROMO_BODY}"] if i % 12 == 6 else []
        docs.append({"url": "https://herald.example/x", "text": _article(r, i, extra)})
    lines = _lines(count_documents(docs).to_model())
    assert RELEASE not in lines and second not in lines
    assert PROMO_HEAD in lines and PROMO_BODY in lines


def test_a_line_everywhere_is_learned_even_if_it_reads_like_prose() -> None:
    docs = [{"url": "s.example", "text": f"Text {i}.\nAll rights reserved.\n"} for i in range(30)]
    assert _lines(count_documents(docs).to_model(), "s.example") == {"All rights reserved."}


def test_small_sites_learn_nothing() -> None:
    docs = [{"url": "s.example", "text": f"Text {i}.\nMenu\n"} for i in range(19)]
    assert count_documents(docs).to_model().sites == {}
    assert count_documents(docs, params=LearnParams(min_site_docs=10)).to_model().lines_for("s.example")


def test_a_line_counts_once_per_document() -> None:
    docs = [{"url": "s.example", "text": "Menu\n" * 50 + f"Text {i}.\n"} for i in range(2)]
    docs += [{"url": "s.example", "text": f"Other {i}.\n"} for i in range(28)]
    assert count_documents(docs).to_model().sites == {}  # 2 of 30 documents, however often in each


def test_sites_are_kept_apart_and_grouped_by_host() -> None:
    docs = [{"url": f"https://www.a.example/{i}", "text": f"A {i}.\nA menu\n"} for i in range(25)]
    docs += [{"url": f"http://A.example/x{i}", "text": f"A {i}.\nA menu\n"} for i in range(5)]
    docs += [{"url": f"https://b.example/{i}", "text": f"B {i}.\nB menu\n"} for i in range(25)]
    model = count_documents(docs).to_model()
    assert model.site("a.example").docs == 30  # type: ignore[union-attr]
    assert _lines(model, "a.example") == {"A menu"} and _lines(model, "b.example") == {"B menu"}


def test_group_by_a_site_field() -> None:
    docs = [{"site": "Blog", "body": f"Post {i}.\nBlog footer\n"} for i in range(25)]
    model = count_documents(docs, group_field="site", text_field="body").to_model()
    assert _lines(model, "blog") == {"Blog footer"}


# ----------------------------------------------------------------------------- merging
def test_merging_partitions_gives_the_same_model() -> None:
    docs = _corpus(300, seed=2)
    whole = count_documents(docs).to_model()
    parts = [count_documents(docs[i : i + 37]) for i in range(0, len(docs), 37)]
    merged = reduce(Counts.merge, parts[1:], parts[0]).to_model()
    assert merged == whole
    assert merged.site("herald.example").lines == whole.site("herald.example").lines  # type: ignore[union-attr]
    shuffled = [count_documents(docs[i : i + 37]) for i in range(0, len(docs), 37)][::-1]
    assert reduce(Counts.merge, shuffled[1:], shuffled[0]).to_model() == whole


def test_the_model_does_not_depend_on_partitioning_or_merge_order() -> None:
    docs = _corpus(300, seed=5)
    whole = count_documents(docs).to_model()
    r = random.Random(0)
    for _ in range(5):
        cuts = sorted(r.sample(range(1, len(docs)), r.randint(1, 12)))
        parts = [count_documents(docs[a:b]) for a, b in zip([0, *cuts], [*cuts, len(docs)], strict=True)]
        r.shuffle(parts)
        while len(parts) > 1:  # a random merge tree
            i = r.randrange(len(parts) - 1)
            parts[i : i + 2] = [parts[i].merge(parts[i + 1])]
        model = parts[0].to_model()
        assert model == whole
        assert [ln.docs for ln in model.site("herald.example").lines] == [  # type: ignore[union-attr]
            ln.docs
            for ln in whole.site("herald.example").lines  # type: ignore[union-attr]
        ]


def test_counts_pickle_and_refuse_other_params() -> None:
    counts = count_documents(_corpus(50))
    again = pickle.loads(pickle.dumps(counts))
    assert again.to_model() == counts.to_model()
    with pytest.raises(ValueError, match="parameters"):
        counts.merge(Counts(LearnParams(min_docs=4)))


def test_pruning_bounds_memory_and_keeps_furniture() -> None:
    docs = _corpus(400, seed=3)
    small = LearnParams(max_fingerprints=500)
    counts = count_documents(docs, params=small)
    assert counts.entries <= 500
    site = counts.sites["herald.example"]
    assert site.undercount > 0
    model = counts.to_model()
    assert NAV in _lines(model) and PROMO_HEAD in _lines(model)
    assert model.site("herald.example").undercount == site.undercount  # type: ignore[union-attr]


def test_skipped_records_are_counted() -> None:
    counts = Counts()
    assert counts.add_record([1, 2]) == "not a JSON object"
    assert counts.add_record({"url": "a.example"}) == "no string field 'text'"
    assert counts.add_record({"text": "x"}) == "no string field 'url'"
    assert counts.add_record({"url": "  ", "text": "x"}) == "no string field 'url'"
    assert counts.add_record({"url": "a.example", "text": "x"}) is None
    assert (counts.skipped, counts.documents) == (4, 1)


@given(st.lists(documents(), max_size=6))
def test_counting_never_raises(texts: list[str]) -> None:
    counts = Counts(LearnParams(min_site_docs=1, max_fingerprints=50))
    for text in texts:
        counts.add("s", text)
        counts.add("s", text)
    model = counts.to_model()
    assert isinstance(model, SiteModel)
    assert SiteModel.from_json(model.to_json()) == model


# ----------------------------------------------------------------------------- the command
def _write_jsonl(path: Path, docs: list[dict[str, str]], broken: bool = True) -> None:
    lines = [json.dumps(d) for d in docs]
    if broken:
        lines.insert(3, '{"url": "https://herald.example/x", "text": ')  # cut off
        lines.insert(5, "")  # blank lines are fine
        lines.insert(7, "[1, 2]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_learn_command_writes_a_model_and_reports_broken_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, _corpus())
    out = tmp_path / "site-lines.json"
    assert main([str(corpus), "--group-field", "url", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{corpus}:4: skipped: broken JSON" in err
    assert f"{corpus}:8: skipped: not a JSON object" in err
    assert ":6:" not in err
    assert "2 input lines skipped" in err
    model = SiteModel.load(out)
    assert model.stats["documents"] == 200 and model.stats["skipped"] == 2
    assert model == count_documents(_corpus()).to_model()


def test_learn_through_the_cli_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(d) + "\n" for d in _corpus()))
    out = tmp_path / "m.json"
    assert cli_main(["learn", str(corpus), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["--show", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "herald.example  (200 documents" in shown
    assert PROMO_HEAD in shown and "100.0%  " + NAV in shown
    assert main(["--show", str(out), "--site", "https://www.nowhere.example/"]) == 0
    assert "nowhere.example: not in the model" in capsys.readouterr().out


def test_learn_from_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "".join(json.dumps(d) + "\n" for d in _corpus()).encode() + b"\xff\xfe{}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["-", "--min-fraction", "0.05"]) == 0
    captured = capsys.readouterr()
    assert SiteModel.from_json(captured.out).lines_for("herald.example")
    assert "<stdin>:201: skipped: not UTF-8" in captured.err


def test_learn_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["--min-fraction", "2", "x.jsonl"]) == 2
    assert main(["--no-such-option"]) == 2
    assert main([str(tmp_path / "missing.jsonl")]) == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["--show", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "missing.jsonl" in err and "not a cleantext site model" in err


def test_many_broken_lines_are_counted_past_the_listing_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "junk.jsonl"
    corpus.write_text("not json\n" * 150, encoding="utf-8")
    assert main([str(corpus), "-o", str(tmp_path / "m.json")]) == 0
    err = capsys.readouterr().err
    assert err.count("skipped: broken JSON") == 100
    assert "... 50 more skipped lines not listed" in err
    assert "150 input lines skipped" in err
