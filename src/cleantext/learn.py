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
    *outright* when it is in so many of the site's documents that its share is at
    least ``strict_fraction`` with 95 % confidence (Wilson lower bound); it is learned
    *in a block* when it is in at least ``max(min_docs, ceil(min_fraction * docs))``
    documents and sits next to a learned line (or a furniture-like partner) in at
    least ``attach_share`` of them.  A furniture-like line is short (at most
    ``long_words`` words), has no digit and does not end like a sentence.  Lines
    longer than ``max_words`` words are never counted.
    """

    min_site_docs: int = 20
    min_docs: int = 3
    min_fraction: float = 0.05
    strict_fraction: float = 0.2
    attach_share: float = 0.3
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


#: a prose-like line's neighbour: (fingerprint, lower bound of its share) as a
#: Boyer-Moore majority vote over the documents (mergeable); "" = none (document edge,
#: or a line that is not a candidate)
Vote = tuple[str, int]
_NO_VOTE: Vote = ("", 0)


def _vote(vote: Vote, key: str, n: int = 1) -> Vote:
    """Add *n* votes for *key*: the majority candidate and a lower bound of its count."""
    cand, count = vote
    if cand == key:
        return cand, count + n
    if count >= n:
        return cand, count - n
    return key, n - count


class SiteCounts:
    """The counts of one site: documents, and documents per line fingerprint
    (furniture-like and prose-like lines apart), with one example line each and,
    for prose-like lines, the line usually before and after them."""

    __slots__ = ("after", "before", "docs", "examples", "plain", "prose", "undercount")

    def __init__(self) -> None:
        self.docs = 0
        self.undercount = 0
        self.plain: dict[str, int] = {}
        self.prose: dict[str, int] = {}
        self.examples: dict[str, str] = {}
        self.before: dict[str, Vote] = {}
        self.after: dict[str, Vote] = {}

    def __getstate__(self) -> tuple[Any, ...]:
        return self.docs, self.undercount, self.plain, self.prose, self.examples, self.before, self.after

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.docs, self.undercount, self.plain, self.prose, self.examples, self.before, self.after = state

    def __len__(self) -> int:
        return len(self.plain) + len(self.prose)

    def drop(self, keys: Iterable[str]) -> None:
        """Forget *keys* entirely."""
        for key in keys:
            self.plain.pop(key, None)
            self.prose.pop(key, None)
            self.examples.pop(key, None)
            self.before.pop(key, None)
            self.after.pop(key, None)


class Counts:
    """Per-site line counts of a corpus, or of one partition of it; mergeable."""

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
        plain, prose = counts.plain, counts.prose
        normalize, long_words = self._fpr.normalize, self.params.long_words
        # the non-empty lines as (fingerprint or "", normalized form or None, line)
        keyed: list[tuple[str, str | None, str]] = []
        for line in text.split("\n"):
            if line:
                norm = normalize(line)
                keyed.append((fingerprint(norm) if norm is not None else "", norm, line))
        seen: set[str] = set()
        last = len(keyed) - 1
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
                self.entries += 1
                (prose if is_prose_like(norm, long_words) else plain)[key] = 1
            before = keyed[i - 1][0] if i else ""
            after = keyed[i + 1][0] if i < last else ""
            counts.before[key] = _vote(counts.before.get(key, _NO_VOTE), before)
            counts.after[key] = _vote(counts.after.get(key, _NO_VOTE), after)
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
        """Drop rarely seen lines until the tables are at most 3/4 of ``max_fingerprints``.

        Lines seen once go first, then twice, and so on; each site records by how much
        its counts may now be low."""
        level = 0
        target = self.params.max_fingerprints * 3 // 4
        while self.entries > target:
            level += 1
            for counts in self.sites.values():
                rare = [k for table in (counts.plain, counts.prose) for k, c in table.items() if c <= level]
                if rare:
                    counts.drop(rare)
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
            for name in ("plain", "prose"):
                table: dict[str, int] = getattr(mine, name)
                for key, n in getattr(theirs, name).items():
                    if key in table:
                        table[key] += n
                    else:
                        table[key] = n
                        self.entries += 1
            for key, line in theirs.examples.items():
                mine.examples.setdefault(key, line)
            for name in ("before", "after"):
                votes: dict[str, Vote] = getattr(mine, name)
                for key, (cand, n) in getattr(theirs, name).items():
                    votes[key] = _vote(votes.get(key, _NO_VOTE), cand, n)
        self.documents += other.documents
        self.skipped += other.skipped
        if self.entries > self.params.max_fingerprints:
            self.prune()
        return self

    def learned(self, site: str) -> dict[str, int]:
        """The lines *site* learns, as ``{fingerprint: documents}`` (empty for a small site).

        A line in at least ``strict_fraction`` of the site's documents is learned
        outright.  A line in at least ``min_fraction`` of them is learned only when it
        is part of a repeated block: its usual neighbour (the line before or after it
        in at least ``attach_share`` of its documents, a Boyer-Moore lower bound) is a
        learned line, or, for a furniture-like line, a line in the same band whose usual
        neighbour it is in turn (a heading and its promo paragraph).
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
        before, after, plain = counts.before, counts.after, counts.plain

        def usual(votes: dict[str, Vote], key: str) -> str:
            cand, share = votes.get(key, _NO_VOTE)
            return (
                cand if cand and share >= max(2, p.attach_share * pending.get(key, out.get(key, 0))) else ""
            )

        grew = True
        while grew and pending:
            grew = False
            for key in list(pending):
                if key not in pending:
                    continue
                for votes, other in ((before, after), (after, before)):
                    cand = usual(votes, key)
                    if not cand:
                        continue
                    if cand in out:
                        out[key] = pending.pop(key)
                    elif key in plain and cand in pending and usual(other, cand) == key:
                        out[key] = pending.pop(key)
                        out[cand] = pending.pop(cand)
                    else:
                        continue
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
                lines = tuple(LearnedLine(k, n, counts.examples.get(k)) for k, n in learned.items())
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
