"""The generated-corpus evaluation of site learning (benchmarks/site_eval.py) holds its figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from cleantext.learn import LearnParams


def _load() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "site_eval.py"
    spec = importlib.util.spec_from_file_location("site_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["site_eval"] = module
    spec.loader.exec_module(module)
    return module


se = _load()


def test_generated_corpus_is_seeded() -> None:
    assert [d.text for d in se.generate(3)] == [d.text for d in se.generate(3)]
    assert [d.text for d in se.generate(3)] != [d.text for d in se.generate(4)]


def test_site_learning_removes_furniture_and_keeps_article_text() -> None:
    docs = se.generate(7)
    result = se.evaluate(se.learn(docs, LearnParams()), docs)
    assert result["precision"] >= 0.99
    assert result["recall"] >= 0.75
    removed = result["removed_share_by_kind"]
    for kind in ("body", "common", "press-release", "date", "dateline", "subhead"):
        assert removed[f"article:{kind}"] == 0, kind
    for kind in ("nav", "section", "advert", "share", "footer", "campaign"):
        assert removed[f"furniture:{kind}"] > 0.95, kind


def test_without_the_prose_guard_ordinary_repeats_would_go() -> None:
    """The guard is what keeps them: learning every line seen in 5 % of a site's
    documents removes common sentences and sub-headings."""
    docs = se.generate(7)
    result = se.evaluate(se.learn(docs, LearnParams(strict_fraction=0.05)), docs)
    removed = result["removed_share_by_kind"]
    assert removed["article:common"] > 0 and removed["article:subhead"] > 0
