"""Cleaning and learning over a ``dask.bag`` of records (install ``proseclean[dask]``).

>>> import dask.bag as db
>>> from cleantext.dask_support import clean_bag
>>> clean_bag(db.from_sequence([{"text": "a  b"}])).compute(scheduler="sync")
[{'text': 'a b'}]

A bag of JSONL files: ``read_jsonl("corpus/*.jsonl")``.  Learning is a per-partition
count and a tree reduction (:func:`learn_bag`); cleaning maps a picklable
:class:`~cleantext.site.SiteCleaner` over the partitions (:func:`clean_bag`).
See docs/scale.md.
"""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Any

from .core import Pipeline
from .learn import Counts, LearnParams, count_documents
from .site import SiteCleaner, SiteModel

if TYPE_CHECKING:
    from dask.bag import Bag, Item

__all__ = ["clean_bag", "count_bag", "learn_bag", "parse_json_line", "read_jsonl"]


def parse_json_line(line: str) -> Any:
    """``json.loads`` of one line, or ``None`` when it is broken (counted as skipped by
    :func:`learn_bag`, passed through by :func:`clean_bag`)."""
    try:
        return json.loads(line)
    except ValueError:
        return None


def read_jsonl(urlpath: str | list[str], blocksize: int | str | None = None) -> Bag:
    """A bag of the records of JSONL files (broken lines become ``None``)."""
    import dask.bag as db

    lines: Any = db.read_text(urlpath, blocksize=blocksize)  # type: ignore[no-untyped-call]
    bag: Bag = lines.filter(str.strip).map(parse_json_line)
    return bag


def _any(obj: object) -> Any:
    # dask is not fully typed: call its methods through Any
    return obj


def _clean_partition(records: Any, cleaner: SiteCleaner) -> list[Any]:
    return list(cleaner(records))


def clean_bag(
    bag: Bag,
    field: str = "text",
    pipeline: Pipeline | None = None,
    model: SiteModel | None = None,
    group_field: str | None = None,
) -> Bag:
    """A bag of the records of *bag* with their *field* cleaned (strings are cleaned
    themselves).  With a site *model*, each record is cleaned with its site's rule;
    the site is read from *group_field* (a URL or a site name)."""
    from dask.delayed import delayed

    if model is not None and group_field is None:
        raise ValueError("clean_bag: a site model needs group_field (e.g. 'url')")
    cleaner = SiteCleaner(field, pipeline, model, group_field)
    # one shared, serialized-once copy of the cleaner (and its model) for every task
    shared = delayed(cleaner, pure=True)
    out: Bag = _any(bag).map_partitions(_clean_partition, shared)
    return out


def _merge_counts(parts: Any) -> Counts:
    parts = list(parts)
    out = Counts(parts[0].params if parts else None)
    for part in parts:
        out.merge(part)
    return out


def count_bag(
    bag: Bag,
    group_field: str = "url",
    text_field: str = "text",
    params: LearnParams | None = None,
    split_every: int | None = None,
) -> Item:
    """The lazy line counts of a bag of records: per-partition counts, merged in a tree."""
    per_partition = partial(count_documents, group_field=group_field, text_field=text_field, params=params)
    item: Item = _any(bag).reduction(per_partition, _merge_counts, split_every=split_every)
    return item


def learn_bag(
    bag: Bag,
    group_field: str = "url",
    text_field: str = "text",
    params: LearnParams | None = None,
    split_every: int | None = None,
    **compute_kwargs: Any,
) -> SiteModel:
    """Learn a :class:`~cleantext.site.SiteModel` from a bag of records (computes it)."""
    item = _any(count_bag(bag, group_field, text_field, params, split_every))
    counts: Counts = item.compute(**compute_kwargs)
    return counts.to_model()
