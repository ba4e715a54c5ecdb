"""Cleaning and learning over a dask.bag, in-process and on a LocalCluster of worker processes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleantext.learn import LearnParams, count_documents, learn_files
from cleantext.site import SiteModel, clean_records
from test_learn import NAV, PROMO_BODY, PROMO_HEAD, _corpus

db = pytest.importorskip("dask.bag")
from cleantext.dask_support import clean_bag, learn_bag, parse_json_line, read_jsonl  # noqa: E402


def _corpus_files(tmp_path: Path, n_files: int = 4) -> tuple[list[str], list[dict[str, str]]]:
    docs = _corpus(200) + [
        {"url": f"https://b.example/{i}", "text": f"B {i} text.\nB footer line\n"} for i in range(40)
    ]
    paths = []
    for k in range(n_files):
        path = tmp_path / f"part-{k}.jsonl"
        lines = [json.dumps(d) for d in docs[k::n_files]]
        if k == 1:
            lines.insert(2, '{"broken": ')
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths, docs


def _pid(partition: object) -> list[int]:
    return [os.getpid()]


def test_parse_json_line() -> None:
    assert parse_json_line('{"a": 1}') == {"a": 1}
    assert parse_json_line("{broken") is None


def test_bag_learning_and_cleaning_in_process(tmp_path: Path) -> None:
    paths, docs = _corpus_files(tmp_path)
    bag = read_jsonl(paths)
    model = learn_bag(bag, group_field="url", scheduler="sync")
    assert model == count_documents(docs).to_model()
    assert model.stats["skipped"] == 1 and model.stats["documents"] == len(docs)
    cleaned = clean_bag(db.from_sequence(docs, npartitions=3), model=model, group_field="url")
    assert cleaned.compute(scheduler="sync") == list(clean_records(docs, model=model, group_field="url"))
    with pytest.raises(ValueError, match="group_field"):
        clean_bag(bag, model=model)


def test_plain_cleaning_of_strings() -> None:
    out = clean_bag(db.from_sequence(["a  b", "c , d"])).compute(scheduler="sync")
    assert out == ["a b", "c, d"]


@pytest.mark.slow
def test_on_a_local_cluster_with_worker_processes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths, docs = _corpus_files(tmp_path, n_files=6)
    params = LearnParams(max_fingerprints=100_000)
    expected = learn_files(paths, params=params).to_model()
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        bag = read_jsonl(paths)
        model = learn_bag(bag, group_field="url", params=params, split_every=2)
        assert isinstance(model, SiteModel)
        assert model == expected
        lines = {ln.example for ln in model.site("herald.example").lines}  # type: ignore[union-attr]
        assert {NAV, PROMO_HEAD, PROMO_BODY} <= lines
        cleaned = clean_bag(bag, model=model, group_field="url").compute()
        # the tasks ran in the worker processes
        assert (
            client.run(lambda: __import__("os").getpid()).keys() == client.scheduler_info()["workers"].keys()
        )
    records = [r for r in cleaned if r is not None]
    assert len(records) == len(docs)
    herald = [r["text"] for r in records if "herald" in r["url"]]
    assert all(NAV not in t and PROMO_HEAD not in t for t in herald)
    assert all("Headline number" in t for t in herald)
    assert sorted(json.dumps(r, sort_keys=True) for r in records) == sorted(
        json.dumps(r, sort_keys=True) for r in clean_records(docs, model=model, group_field="url")
    )
