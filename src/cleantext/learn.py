"""Learning site boilerplate from a corpus: ``cleantext learn``.

For every site (the host of a document's URL, or a ``site`` field), count in how
many of its documents each line fingerprint occurs (once per document).  Lines seen
in enough of a site's documents become that site's boilerplate (:meth:`Counts.to_model`).

Counting is a mergeable reduction: :func:`count_documents` counts one partition,
:meth:`Counts.merge` sums two counts, so any engine (Dask, Spark, Ray) can count in
parallel and merge (:mod:`cleantext.dask_support`, docs/scale.md).  Memory grows
with the number of distinct candidate lines, not with the number of documents; past
``max_fingerprints`` entries the lines seen only once are dropped (lossy counting,
with the possible undercount recorded per site).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import IO, Any, TextIO

from .fingerprint import Fingerprinter, fingerprint, is_prose_like
from .site import EXAMPLE_CHARS, LearnedLine, SiteLines, SiteModel, site_of

__all__ = ["Counts", "LearnParams", "count_documents", "iter_jsonl", "learn_files", "main"]


@dataclass(frozen=True)
class LearnParams:
    """The learning thresholds (justified in docs/scale.md).

    Only sites with at least ``min_site_docs`` documents learn.  A line is learned
    *alone* when it is in so many of the site's documents that its share is at least
    ``strict_fraction`` with 95 % confidence (Wilson lower bound).  It is learned *in a
    block* when it is in at least ``max(min_docs, ceil(min_fraction * docs))``
    documents and the same learned line (or a furniture-like partner) is right next to
    it in at least ``attach_share`` of them, and in at least that many documents too.
    A furniture-like line is short (at most ``long_words`` words), has no digit and
    does not end like a sentence.  Lines longer than ``max_words`` words are never
    counted.
    """

    min_site_docs: int = 20
    min_docs: int = 3
    min_fraction: float = 0.05
    strict_fraction: float = 0.2
    attach_share: float = 0.5
    long_words: int = 12
    max_words: int = 60
    fold_digits: bool = False
    max_fingerprints: int = 1_000_000

    def __post_init__(self) -> None:
        if not (0 <= self.min_fraction <= 1 and 0 <= self.strict_fraction <= 1):
            raise ValueError("fractions must be between 0 and 1")
        if self.min_docs < 2 or self.min_site_docs < 1 or self.max_words < 1 or self.max_fingerprints < 1:
            raise ValueError("min_docs must be >= 2; min_site_docs, max_words, max_fingerprints >= 1")

    @property
    def fingerprinter(self) -> Fingerprinter:
        """The fingerprinting these parameters ask for."""
        return Fingerprinter(self.fold_digits, self.max_words)

    def threshold(self, docs: int, outright: bool) -> int:
        """In how many of a site's *docs* documents a line must occur to be learned.

        In a block (*outright* false): ``max(min_docs, ceil(min_fraction * docs))``.
        Alone (*outright*): the least count whose share has a one-sided 95 % Wilson
        lower bound of at least ``strict_fraction``, so that a small site needs more
        than a lucky fifth of its documents.

        >>> p = LearnParams()
        >>> p.threshold(20, False), p.threshold(400, False), p.threshold(20, True), p.threshold(400, True)
        (3, 20, 7, 94)
        """
        if not outright:
            return max(self.min_docs, math.ceil(round(self.min_fraction * docs, 9)))
        return max(self.min_docs, _wilson_count(docs, self.strict_fraction))


@lru_cache(maxsize=4096)
def _wilson_count(docs: int, fraction: float, z: float = 1.645) -> int:
    """The least count *c* of *docs* whose Wilson lower bound is at least *fraction*."""
    lo, hi = 0, docs + 1
    while lo < hi:
        c = (lo + hi) // 2
        if c and _wilson_lower(c, docs, z) >= fraction - 1e-12:
            hi = c
        else:
            lo = c + 1
    return lo


def _wilson_lower(c: int, n: int, z: float) -> float:
    phat = c / n
    centre = phat + z * z / (2 * n)
    margin = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


class SiteCounts:
    """The counts of one site: documents, and per line fingerprint the documents it is
    in (furniture-like and prose-like lines apart), one example, and how often each
    other line is right before (``key<other``) or after (``key>other``) it."""

    __slots__ = ("docs", "examples", "pairs", "plain", "prose", "undercount")

    def __init__(self) -> None:
        self.docs = 0
        self.undercount = 0
        self.plain: dict[str, int] = {}
        self.prose: dict[str, int] = {}
        self.examples: dict[str, str] = {}
        self.pairs: dict[str, int] = {}

    def __getstate__(self) -> tuple[Any, ...]:
        return self.docs, self.undercount, self.plain, self.prose, self.examples, self.pairs

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.docs, self.undercount, self.plain, self.prose, self.examples, self.pairs = state

    def __len__(self) -> int:
        return len(self.plain) + len(self.prose) + len(self.pairs)

    def prune(self, level: int) -> bool:
        """Forget the lines and neighbour pairs counted at most *level* times."""
        dropped = False
        for table in (self.plain, self.prose, self.pairs):
            rare = [k for k, c in table.items() if c <= level]
            for k in rare:
                del table[k]
            dropped = dropped or bool(rare)
        if dropped:
            for k in [k for k in self.examples if k not in self.plain and k not in self.prose]:
                del self.examples[k]
        return dropped

    def neighbours(self, keys: Iterable[str]) -> dict[str, list[tuple[str, str, int]]]:
        """For each of *keys*: its ``(direction, neighbour, documents)`` pairs."""
        wanted = set(keys)
        out: dict[str, list[tuple[str, str, int]]] = {k: [] for k in wanted}
        for pair, n in self.pairs.items():
            key = pair[:16]
            if key in wanted:
                out[key].append((pair[16], pair[17:], n))
        return out


class Counts:
    """Per-site line counts of a corpus, or of one partition of it; mergeable, and the
    result does not depend on how the corpus was split or in which order it is merged."""

    def __init__(self, params: LearnParams | None = None) -> None:
        self.params = params or LearnParams()
        self.sites: dict[str, SiteCounts] = {}
        self.documents = 0
        self.skipped = 0
        self.entries = 0
        self._fpr = self.params.fingerprinter

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_fpr"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._fpr = self.params.fingerprinter

    def add(self, site: str, text: str) -> None:
        """Count the lines of one document of *site* (each distinct line once)."""
        counts = self.sites.get(site)
        if counts is None:
            counts = self.sites[site] = SiteCounts()
        counts.docs += 1
        self.documents += 1
        plain, prose, pairs = counts.plain, counts.prose, counts.pairs
        normalize, long_words = self._fpr.normalize, self.params.long_words
        # the non-empty lines as (fingerprint or "", normalized form or None, line)
        keyed: list[tuple[str, str | None, str]] = []
        for line in text.split("\n"):
            if line:
                norm = normalize(line)
                keyed.append((fingerprint(norm) if norm is not None else "", norm, line))
        seen: set[str] = set()
        last = len(keyed) - 1
        new = 0
        for i, (key, norm, line) in enumerate(keyed):
            if norm is None or key in seen:
                continue
            seen.add(key)
            if key in plain:
                plain[key] += 1
            elif key in prose:
                prose[key] += 1
            else:
                counts.examples[key] = line.strip()[:EXAMPLE_CHARS]
                (prose if is_prose_like(norm, long_words) else plain)[key] = 1
                new += 1
            if i and keyed[i - 1][0]:
                pair = key + "<" + keyed[i - 1][0]
                n = pairs.get(pair)
                if n is None:
                    new += 1
                pairs[pair] = 1 if n is None else n + 1
            if i < last and keyed[i + 1][0]:
                pair = key + ">" + keyed[i + 1][0]
                n = pairs.get(pair)
                if n is None:
                    new += 1
                pairs[pair] = 1 if n is None else n + 1
        self.entries += new
        if self.entries > self.params.max_fingerprints:
            self.prune()

    def add_record(self, record: Any, group_field: str = "url", text_field: str = "text") -> str | None:
        """Count a JSON record; return why it was skipped, or ``None`` if it was counted."""
        if not isinstance(record, Mapping):
            problem = "not a JSON object"
        elif not isinstance(record.get(text_field), str):
            problem = f"no string field {text_field!r}"
        elif not isinstance(record.get(group_field), str) or not site_of(record[group_field]):
            problem = f"no string field {group_field!r}"
        else:
            self.add(site_of(record[group_field]), record[text_field])
            return None
        self.skipped += 1
        return problem

    def prune(self) -> None:
        """Drop rarely seen lines and pairs until the tables are at most 3/4 of
        ``max_fingerprints`` entries.

        Those seen once go first, then twice, and so on; each site records by how much
        its counts may now be low."""
        level = 0
        target = self.params.max_fingerprints * 3 // 4
        while self.entries > target:
            level += 1
            for counts in self.sites.values():
                if counts.prune(level):
                    counts.undercount += 1
            self.entries = sum(len(c) for c in self.sites.values())

    def merge(self, other: Counts) -> Counts:
        """Add *other*'s counts into these (in place) and return ``self``."""
        if other.params != self.params:
            raise ValueError("cannot merge counts learned with different parameters")
        for site, theirs in other.sites.items():
            mine = self.sites.get(site)
            if mine is None:
                mine = self.sites[site] = SiteCounts()
            mine.docs += theirs.docs
            mine.undercount += theirs.undercount
            for name in ("plain", "prose", "pairs"):
                table: dict[str, int] = getattr(mine, name)
                for key, n in getattr(theirs, name).items():
                    if key in table:
                        table[key] += n
                    else:
                        table[key] = n
                        self.entries += 1
            for key, line in theirs.examples.items():
                # the same example whatever the merge order: the smallest
                if key not in mine.examples or line < mine.examples[key]:
                    mine.examples[key] = line
        self.documents += other.documents
        self.skipped += other.skipped
        if self.entries > self.params.max_fingerprints:
            self.prune()
        return self

    def learned(self, site: str) -> dict[str, int]:
        """The lines *site* learns, as ``{fingerprint: documents}`` (empty for a small site).

        A line in enough of the site's documents to be sure it is in ``strict_fraction``
        of them is learned outright.  A line in at least ``min_fraction`` of them is
        learned only when it is part of a repeated block: the same learned line is right
        before or after it in at least ``attach_share`` of its documents (and in at least
        the band's minimum of documents), or, for a furniture-like line, a line of the
        same band is, and it is that line's neighbour as often in turn (a heading and
        its promo paragraph).
        """
        p = self.params
        counts = self.sites.get(site)
        if counts is None or counts.docs < p.min_site_docs:
            return {}
        low = p.threshold(counts.docs, False)
        high = p.threshold(counts.docs, True)
        out: dict[str, int] = {}
        pending: dict[str, int] = {}
        for table in (counts.plain, counts.prose):
            for key, n in table.items():
                if n >= high:
                    out[key] = n
                elif n >= low:
                    pending[key] = n
        if not pending:
            return out
        # (key, direction) -> neighbours seen there in at least attach_share of key's documents
        usual: dict[tuple[str, str], set[str]] = {}
        for key, rows in counts.neighbours(pending).items():
            need = max(low, p.attach_share * pending[key])
            for direction, other, n in rows:
                if n >= need:
                    usual.setdefault((key, direction), set()).add(other)
        opposite = {"<": ">", ">": "<"}
        plain = counts.plain
        grew = True
        while grew and pending:
            grew = False
            for key in sorted(pending):
                if key not in pending:
                    continue
                for direction in ("<", ">"):
                    others = usual.get((key, direction), set())
                    if others & out.keys():
                        out[key] = pending.pop(key)
                    else:
                        mutual = sorted(
                            o
                            for o in others
                            if key in plain
                            and o in pending
                            and key in usual.get((o, opposite[direction]), set())
                        )
                        if not mutual:
                            continue
                        out[key] = pending.pop(key)
                        out[mutual[0]] = pending.pop(mutual[0])
                    grew = True
                    break
        return out

    def to_model(self) -> SiteModel:
        """The site model: for each site with enough documents, the lines seen often enough."""
        p = self.params
        sites: dict[str, SiteLines] = {}
        for site, counts in self.sites.items():
            learned = self.learned(site)
            if learned:
                lines = tuple(LearnedLine(k, n, counts.examples.get(k)) for k, n in sorted(learned.items()))
                sites[site] = SiteLines(counts.docs, lines, counts.undercount)
        stats = {
            "documents": self.documents,
            "skipped": self.skipped,
            "sites_seen": len(self.sites),
            "sites_learned": len(sites),
            "lines_learned": sum(len(s.lines) for s in sites.values()),
        }
        thresholds = {k: v for k, v in asdict(p).items() if k not in ("fold_digits", "max_words")}
        return SiteModel(sites, p.fingerprinter, thresholds, stats)


def count_documents(
    records: Iterable[Any],
    group_field: str = "url",
    text_field: str = "text",
    params: LearnParams | None = None,
) -> Counts:
    """Count an iterable of JSON records (one partition); malformed records are counted
    as skipped.  Merge partitions with :meth:`Counts.merge`, then call
    :meth:`Counts.to_model`."""
    counts = Counts(params)
    for record in records:
        counts.add_record(record, group_field, text_field)
    return counts


# ----------------------------------------------------------------------------- files
class Reporter:
    """Reports skipped input lines on a stream, ``file:line: why``; past *limit*
    reports it only counts them (the total is always reported)."""

    def __init__(self, stream: TextIO, limit: int = 100) -> None:
        self.stream = stream
        self.limit = limit
        self.count = 0

    def __call__(self, where: str, why: str) -> None:
        self.count += 1
        if self.count <= self.limit:
            self.stream.write(f"{where}: skipped: {why}\n")

    def close(self) -> None:
        """Write the total of unreported lines, if any."""
        if self.count > self.limit:
            self.stream.write(f"... {self.count - self.limit} more skipped lines not listed\n")


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    if path.endswith(".gz"):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_jsonl(path: str, report: Reporter) -> Iterator[tuple[str, Any]]:
    """Yield ``(file:line, record)`` for each JSON line of *path* (``-``: stdin; ``.gz``
    is decompressed), reading one line at a time.  Broken lines are reported and skipped."""
    name = "<stdin>" if path == "-" else path
    fh = _open(path)
    try:
        for lineno, raw in enumerate(fh, 1):
            where = f"{name}:{lineno}"
            if not raw.strip():
                continue
            try:
                yield where, json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                report(where, f"not UTF-8 ({exc.reason} at byte {exc.start})")
            except ValueError as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                report(where, f"broken JSON ({msg})")
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def learn_files(
    paths: Iterable[str],
    group_field: str = "url",
    text_field: str = "text",
    params: LearnParams | None = None,
    report: Reporter | None = None,
) -> Counts:
    """Count the JSONL files *paths*, streaming; skipped lines go to *report* (stderr)."""
    report = report or Reporter(sys.stderr)
    counts = Counts(params)
    broken = report.count
    for path in paths:
        for where, record in iter_jsonl(path, report):
            problem = counts.add_record(record, group_field, text_field)
            if problem is not None:
                broken += 1
                report(where, problem)
    # lines that were not even JSON are skipped documents too
    counts.skipped += report.count - broken
    return counts


# ----------------------------------------------------------------------------- show
def show(model: SiteModel, out: TextIO, site: str | None = None, path: str = "") -> None:
    """Print a model for people: its settings, then each site's lines, most frequent first."""
    n_lines = sum(len(s.lines) for s in model.sites.values())
    fpr = model.fingerprinter
    out.write(
        f"{path or 'model'}: cleantext site model v{model.version}, {len(model.sites)} sites, "
        f"{n_lines} lines (fold_digits={fpr.fold_digits}, max_words={fpr.max_words})\n"
    )
    if model.thresholds:
        out.write("thresholds: " + ", ".join(f"{k}={v}" for k, v in sorted(model.thresholds.items())) + "\n")
    if model.stats:
        out.write("corpus: " + ", ".join(f"{k}={v}" for k, v in sorted(model.stats.items())) + "\n")
    names = [site_of(site)] if site is not None else list(model.sites)
    for name in names:
        entry = model.sites.get(name)
        if entry is None:
            out.write(f"\n{name}: not in the model\n")
            continue
        extra = f", counts may be low by {entry.undercount}" if entry.undercount else ""
        out.write(f"\n{name}  ({entry.docs} documents, {len(entry.lines)} lines{extra})\n")
        for line in sorted(entry.lines, key=lambda ln: (-ln.docs, ln.fp)):
            share = 100 * line.docs / entry.docs if entry.docs else 0.0
            text = line.example if line.example is not None else f"<fingerprint {line.fp}>"
            out.write(f"  {line.docs:6d} {share:5.1f}%  {text}\n")


# ----------------------------------------------------------------------------- CLI
def _parser() -> argparse.ArgumentParser:
    d = LearnParams()
    p = argparse.ArgumentParser(
        prog="cleantext learn",
        description="Learn each site's boilerplate lines (repeated across its documents) from JSONL corpora.",
    )
    p.add_argument("corpus", nargs="*", help="JSONL files, one document per line (- for stdin; .gz is read)")
    p.add_argument("-o", "--output", help="write the model here (default: stdout)")
    p.add_argument("--group-field", default="url", help="field naming the site: a URL or a site name (url)")
    p.add_argument("--text-field", default="text", help="field holding the document text (text)")
    p.add_argument("--show", metavar="MODEL", help="print a model for inspection and exit")
    p.add_argument("--site", help="with --show: only this site")
    p.add_argument("--min-site-docs", type=int, default=d.min_site_docs, help="smaller sites learn nothing")
    p.add_argument("--min-docs", type=int, default=d.min_docs, help="a line must be in this many docs")
    p.add_argument("--min-fraction", type=float, default=d.min_fraction, help="...and this share of them")
    p.add_argument("--strict-fraction", type=float, default=d.strict_fraction, help="share, prose-like lines")
    p.add_argument("--long-words", type=int, default=d.long_words, help="longer lines are prose-like")
    p.add_argument("--max-words", type=int, default=d.max_words, help="longer lines are never learned")
    p.add_argument("--fold-digits", action="store_true", help="treat all numbers as equal")
    p.add_argument("--max-fingerprints", type=int, default=d.max_fingerprints, help="memory bound (entries)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return p


def main(argv: list[str]) -> int:
    """``cleantext learn``: returns 0 on success, 1 on an input error, 2 on bad usage."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.show:
        try:
            model = SiteModel.load(args.show)
        except (OSError, ValueError) as exc:
            sys.stderr.write(f"cleantext learn: {exc}\n")
            return 1
        show(model, sys.stdout, args.site, args.show)
        return 0
    if not args.corpus:
        parser.print_usage(sys.stderr)
        sys.stderr.write("cleantext learn: give one or more JSONL files (or --show MODEL)\n")
        return 2
    try:
        params = LearnParams(
            min_site_docs=args.min_site_docs,
            min_docs=args.min_docs,
            min_fraction=args.min_fraction,
            strict_fraction=args.strict_fraction,
            long_words=args.long_words,
            max_words=args.max_words,
            fold_digits=args.fold_digits,
            max_fingerprints=args.max_fingerprints,
        )
    except ValueError as exc:
        sys.stderr.write(f"cleantext learn: {exc}\n")
        return 2
    report = Reporter(sys.stderr)
    try:
        counts = learn_files(args.corpus, args.group_field, args.text_field, params, report)
    except OSError as exc:
        sys.stderr.write(f"cleantext learn: {exc}\n")
        return 1
    report.close()
    model = counts.to_model()
    if args.output:
        tmp = f"{args.output}.tmp{os.getpid()}"
        model.save(tmp)
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(model.to_json())
    if not args.quiet:
        st = model.stats
        sys.stderr.write(
            f"cleantext learn: {st['lines_learned']} lines for {st['sites_learned']} "
            f"of {st['sites_seen']} sites "
            f"from {st['documents']} documents; {report.count} input lines skipped"
            + (f" -> {args.output}" if args.output else "")
            + "\n"
        )
    return 0
