"""The dev scorer (../shared/eval/evaluate.py) on a few real pages: clean_html beats trafilatura alone.

The pages and the scorer live beside the clone (``<repo>/../shared/eval``); without
them the test is skipped.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

trafilatura = pytest.importorskip("trafilatura")

from cleantext.html import clean_html  # noqa: E402

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
#: a fixed sample of the 120 dev pages, from different sites
SAMPLE = 12


def _scorer() -> ModuleType:
    path = EVAL_DIR / "evaluate.py"
    if not path.is_file() or not (EVAL_DIR / "aeb-dev").is_dir():
        pytest.skip(f"dev scorer not found at {EVAL_DIR} (shared/ lives beside the clone)")
    spec = importlib.util.spec_from_file_location("aeb_evaluate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages() -> list[tuple[str, str]]:
    folder = EVAL_DIR / "aeb-dev"
    ids = sorted(p.name.split(".")[0] for p in folder.glob("*.gold.txt"))[::10][:SAMPLE]
    return [
        (
            gzip.decompress((folder / f"{i}.html.gz").read_bytes()).decode("utf-8"),
            (folder / f"{i}.gold.txt").read_text(encoding="utf-8"),
        )
        for i in ids
    ]


def test_clean_html_beats_trafilatura_on_dev_pages() -> None:
    ev = _scorer()
    pages = _pages()
    assert len(pages) == SAMPLE
    ours = ev.corpus_prf([ev.doc_counts(gold, clean_html(html)) for html, gold in pages])
    base = ev.corpus_prf([ev.doc_counts(gold, trafilatura.extract(html) or "") for html, gold in pages])
    assert ours["f1"] >= base["f1"] + 0.01
    assert ours["precision"] >= base["precision"]
    assert ours["recall"] >= base["recall"] - 0.01
    assert ours["f1"] >= 0.95


def test_headlines_do_not_lead_the_body() -> None:
    ev = _scorer()
    for html, gold in _pages():
        text = clean_html(html)
        first = text.split("\n", 1)[0]
        if first:
            # the first line of our output is article text, as the annotators saw it
            assert ev.Reference(gold).contains([w.casefold() for w in ev.words(first)]), first
