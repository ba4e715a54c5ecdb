"""The :class:`SiteModel` and the finder of ``boilerplate.site-repeated``.

A site model lists, per site, the fingerprints of lines that repeat across many of
that site's documents (promos, disclaimers, navigation), as learned by
``cleantext learn`` (:mod:`cleantext.learn`).  The rule removes those lines, with
their newline, from a document of that site.  Import these names from
:mod:`cleantext.site`, which loads this module only when a model is used.

>>> model = SiteModel.from_lines({"example.com": (40, ["Subscribe to our newsletter"])})
>>> from cleantext import Config, clean
>>> clean("Text.\\n\\nSUBSCRIBE to our newsletter\\n", config=Config(site_model=model, site="example.com"))
'Text.\\n'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .config import Config
from .core import Edit, Pipeline, Rule
from .fingerprint import Fingerprinter, normalize_line
from .site import EXAMPLE_CHARS, FORMAT, RULE_NAME, VERSION, site_of

__all__ = [
    "LearnedLine",
    "SiteCleaner",
    "SiteLineRemover",
    "SiteLines",
    "SiteModel",
    "clean_records",
    "site_pipeline",
    "site_rule",
]


@dataclass(frozen=True)
class LearnedLine:
    """One boilerplate line of a site: its fingerprint, in how many documents it was
    seen, and the line itself (cut to 500 characters) for people to inspect."""

    fp: str
    docs: int
    example: str | None = None


@dataclass(frozen=True)
class SiteLines:
    """What a model knows about one site."""

    docs: int
    lines: tuple[LearnedLine, ...] = ()
    #: counts may be low by at most this much (singleton pruning while learning)
    undercount: int = 0
    fingerprints: frozenset[str] = field(init=False, repr=False, compare=False)
    #: the most words of a learned line (from the examples), or ``None`` when unknown
    max_words: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "fingerprints", frozenset(line.fp for line in self.lines))
        most = 0
        for line in self.lines:
            if line.example is None or len(line.example) >= EXAMPLE_CHARS:
                most = -1
                break
            words = max(len(line.example.split()), normalize_line(line.example).count(" ") + 1)
            most = max(most, words)
        # two words of slack for variants that normalization joins or splits differently
        object.__setattr__(self, "max_words", most + 2 if most >= 0 else None)


@dataclass(frozen=True, eq=False)
class SiteModel:
    """Per-site boilerplate line fingerprints; frozen, picklable, saved as JSON.

    Two models are equal when they hold the same sites, lines and fingerprinting.
    """

    sites: Mapping[str, SiteLines]
    fingerprinter: Fingerprinter = field(default_factory=Fingerprinter)
    #: the learning thresholds and corpus statistics, for the record
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    stats: Mapping[str, Any] = field(default_factory=dict)
    digest: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sites", dict(sorted(self.sites.items())))
        object.__setattr__(self, "thresholds", dict(self.thresholds))
        object.__setattr__(self, "stats", dict(self.stats))
        h = hashlib.blake2b(digest_size=16)
        h.update(repr(self.fingerprinter).encode())
        for name, entry in self.sites.items():
            h.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0")
            h.update(" ".join(sorted(entry.fingerprints)).encode())
        object.__setattr__(self, "digest", h.hexdigest())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SiteModel) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    @property
    def version(self) -> int:
        """The model file format version this model is written as."""
        return VERSION

    def __contains__(self, site: object) -> bool:
        return isinstance(site, str) and site_of(site) in self.sites

    def lines_for(self, site: str) -> frozenset[str]:
        """The boilerplate fingerprints of *site* (a site name or URL); empty if unknown."""
        entry = self.sites.get(site_of(site))
        return entry.fingerprints if entry is not None else frozenset()

    def site(self, site: str) -> SiteLines | None:
        """The entry of *site* (a site name or URL), or ``None``."""
        return self.sites.get(site_of(site))

    # -- building -----------------------------------------------------------------
    @classmethod
    def from_lines(
        cls, sites: Mapping[str, tuple[int, Iterable[str]]], fingerprinter: Fingerprinter | None = None
    ) -> SiteModel:
        """A model from hand-picked lines: ``{site: (number of documents, lines)}``."""
        fpr = fingerprinter or Fingerprinter()
        built: dict[str, SiteLines] = {}
        for name, (docs, lines) in sites.items():
            learned: dict[str, LearnedLine] = {}
            for line in lines:
                key = fpr.key(line)
                if key is not None:
                    learned.setdefault(key, LearnedLine(key, docs, line[:EXAMPLE_CHARS]))
            built[site_of(name)] = SiteLines(docs, tuple(learned.values()))
        return cls(built, fpr)

    # -- files ------------------------------------------------------------------------
    def to_json(self) -> str:
        """The model as JSON text: one line per learned line, so that a person can read
        it, and delete an entry that should not be there."""
        head = {
            "format": FORMAT,
            "version": VERSION,
            "fingerprint": {
                "hash": "blake2b-64",
                "normalize": "nfkc casefold no-zero-width space-fold",
                "fold_digits": self.fingerprinter.fold_digits,
                "max_words": self.fingerprinter.max_words,
            },
            "thresholds": self.thresholds,
            "stats": self.stats,
        }
        out = ["{"]
        for key, value in head.items():
            out.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)},")
        out.append('  "sites": {')
        site_blocks = []
        for name, entry in self.sites.items():
            lines = sorted(entry.lines, key=lambda ln: (-ln.docs, ln.fp))
            rows = ",\n".join(
                "      " + json.dumps({"fp": ln.fp, "docs": ln.docs, "line": ln.example}, ensure_ascii=False)
                for ln in lines
            )
            meta = json.dumps(name, ensure_ascii=False)
            body = f'"docs": {entry.docs}, "undercount": {entry.undercount}, "lines": ['
            site_blocks.append(
                f"    {meta}: {{{body}\n{rows}\n    ]}}" if rows else f"    {meta}: {{{body}]}}"
            )
        out.append(",\n".join(site_blocks))
        out.append("  }")
        out.append("}")
        return "\n".join(out) + "\n"

    @classmethod
    def from_json(cls, text: str) -> SiteModel:
        """Parse a model written by :meth:`to_json` (raises ``ValueError`` if it is not one)."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a cleantext site model (format is not {FORMAT!r})")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise ValueError(
                f"site model version {version!r} is not supported (this cleantext reads {VERSION})"
            )
        fp = data.get("fingerprint", {})
        fpr = Fingerprinter(bool(fp.get("fold_digits", False)), int(fp.get("max_words", 60)))
        sites: dict[str, SiteLines] = {}
        for name, entry in data.get("sites", {}).items():
            lines = []
            for row in entry.get("lines", []):
                key = row["fp"]
                if not isinstance(key, str) or len(key) != 16 or not _is_hex(key):
                    raise ValueError(f"site {name!r}: bad fingerprint {key!r}")
                lines.append(LearnedLine(key, int(row.get("docs", 0)), row.get("line")))
            sites[name] = SiteLines(int(entry.get("docs", 0)), tuple(lines), int(entry.get("undercount", 0)))
        return cls(sites, fpr, data.get("thresholds", {}), data.get("stats", {}))

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model to *path* as JSON (UTF-8)."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.to_json())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SiteModel:
        """Read a model written by :meth:`save`."""
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        try:
            return cls.from_json(text)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{os.fspath(path)}: {exc}") from exc


def _is_hex(s: str) -> bool:
    return all(c in "0123456789abcdef" for c in s)


# ----------------------------------------------------------------------------- the rule
@dataclass(frozen=True)
class SiteLineRemover:
    """The finder of ``boilerplate.site-repeated``: deletes each line (and its newline)
    whose fingerprint is among *fingerprints*.  Picklable; removing whole lines leaves
    every other line as it was, so the rule is idempotent."""

    fingerprints: frozenset[str]
    fingerprinter: Fingerprinter = field(default_factory=Fingerprinter)
    #: lines with more words than this are not even fingerprinted (a fast path)
    max_words: int | None = None

    def __call__(self, text: str) -> list[Edit]:
        if not self.fingerprints or not text:
            return []
        key = self.fingerprinter.key
        wanted = self.fingerprints
        most = self.max_words
        out: list[Edit] = []
        n = len(text)
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            if line and (most is None or line.count(" ") < most or len(line.split(None, most)) <= most):
                k = key(line)
                if k is not None and k in wanted:
                    out.append((pos, end + 1 if end < n else end, ""))
            pos = end + 1
        if out and out[-1][1] == n and text[-1] != "\n":
            # the text had no final newline, so neither should the result: removing
            # the last line also removes the newlines (and removed lines) before it
            start = out.pop()[0]
            while True:
                while start > 0 and text[start - 1] == "\n":
                    start -= 1
                if not out or out[-1][1] <= start:
                    break
                start = min(start, out.pop()[0])
            out.append((start, n, ""))
        return out


def site_rule(model: SiteModel, site: str) -> Rule | None:
    """The ``boilerplate.site-repeated`` rule for *site*, or ``None`` if the model
    does not know the site."""
    return _site_rule(model, site_of(site))


@lru_cache(maxsize=4096)
def _site_rule(model: SiteModel, site: str) -> Rule | None:
    entry = model.sites.get(site)
    if entry is None:
        return None
    finder = SiteLineRemover(entry.fingerprints, model.fingerprinter, entry.max_words)
    examples: tuple[tuple[str, str], ...] = ()
    for line in entry.lines:
        if line.example and "\n" not in line.example and finder(line.example):
            before = f"Article text.\n{line.example}\nMore text.\n"
            if len(finder(before)) == 1:
                examples = ((before, "Article text.\nMore text.\n"),)
                break
    return Rule(
        RULE_NAME,
        f"Remove lines learned as boilerplate of {site} (repeated across its documents)",
        finder,
        examples,
    )


def site_pipeline(model: SiteModel, site: str, pipeline: Pipeline | None = None) -> Pipeline:
    """*pipeline* (default: the default pipeline) with the site rule of *site* added
    just before the layout rules; unchanged when the model does not know the site.

    Pipelines are cheap to build but not free: build one per site and reuse it
    (:class:`SiteCleaner` does).
    """
    from . import normalize
    from .registry import default_pipeline

    base = default_pipeline() if pipeline is None else pipeline
    rule = site_rule(model, site)
    if rule is None:
        return base
    rules_ = [r for r in base.rules if r.name != RULE_NAME]
    late = {r.name for r in normalize.late_rules(Config())}
    at = next((i for i, r in enumerate(rules_) if r.name in late), len(rules_))
    return Pipeline((*rules_[:at], rule, *rules_[at:]), base.max_passes)


# ----------------------------------------------------------------------------- records
@dataclass
class SiteCleaner:
    """Cleans records (dicts with a text field) or plain strings, with a per-site
    pipeline when a model and a group field are given.  Picklable; use it as the
    partition function of Dask, Spark (``mapPartitions``) or Ray.

    >>> model = SiteModel.from_lines({"example.com": (40, ["Share this"])})
    >>> cleaner = SiteCleaner(model=model, group_field="url")
    >>> cleaner.clean_record({"url": "https://example.com/a", "text": "Hi.\\nShare this\\n"})
    {'url': 'https://example.com/a', 'text': 'Hi.\\n'}
    """

    field: str = "text"
    pipeline: Pipeline | None = None
    model: SiteModel | None = None
    group_field: str | None = None
    _cache: dict[str, Pipeline] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    def pipeline_for(self, site: str | None) -> Pipeline:
        """The pipeline for a document of *site* (``None``: no site rule)."""
        base = self.pipeline
        if base is None:
            from .registry import default_pipeline

            base = self.pipeline = default_pipeline()
        if self.model is None or not site:
            return base
        got = self._cache.get(site)
        if got is None:
            if len(self._cache) >= 4096:
                self._cache.clear()
            got = self._cache[site] = site_pipeline(self.model, site, base)
        return got

    def site_of_record(self, record: Mapping[str, Any]) -> str | None:
        """The site of *record* (from its group field), or ``None``."""
        if self.group_field is None:
            return None
        value = record.get(self.group_field)
        return site_of(value) if isinstance(value, str) and value.strip() else None

    def clean_record(self, record: Any) -> Any:
        """A copy of *record* with its text field cleaned; a string is cleaned as text.
        Records without a string text field are returned unchanged."""
        if isinstance(record, str):
            return self.pipeline_for(None).clean(record)
        if not isinstance(record, Mapping):
            return record
        text = record.get(self.field)
        if not isinstance(text, str):
            return record
        out = dict(record)
        out[self.field] = self.pipeline_for(self.site_of_record(record)).clean(text)
        return out

    def __call__(self, records: Iterable[Any]) -> Iterator[Any]:
        for record in records:
            yield self.clean_record(record)


def clean_records(
    records: Iterable[Any],
    field: str = "text",
    pipeline: Pipeline | None = None,
    model: SiteModel | None = None,
    group_field: str | None = None,
) -> Iterator[Any]:
    """Clean an iterable of records lazily (see :class:`SiteCleaner`)."""
    return SiteCleaner(field, pipeline, model, group_field)(records)
