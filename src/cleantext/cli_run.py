"""The work behind the command: one document, one text file, and worker processes for ``-j N``.

Everything here is picklable (a :class:`Job` is plain data) so the same functions run
in the main process or in a :mod:`multiprocessing` pool.  Pipelines are built once per
run (per site when a site model is used) and kept in a small bounded cache.
"""

from __future__ import annotations

import os
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from ._record import Frozen, Record
from .cli_io import (
    BinaryInput,
    InputError,
    atomic_writer,
    colorize_diff,
    prepare,
    read_bytes,
    short,
    unified_diff,
)
from .config import Config
from .core import Change, Pipeline, apply_changes

if TYPE_CHECKING:
    from .jsonl import Batch, BatchResult, Slice, Source

__all__ = ["Cleaner", "FileResult", "Job", "Stats", "Workers", "explain_lines", "process_text"]

T = TypeVar("T")
R = TypeVar("R")

#: pipelines kept per run when a site model gives each site its own pipeline
PIPELINE_CACHE = 64


class Job(Frozen):
    """What one run does; sent to worker processes."""

    __slots__ = (  # noqa: RUF023 - the order of the fields
        "select",
        "ignore",
        "config",
        "model",
        "site",
        "html",
        "encoding",
        "mode",
        "explain",
        "diff",
        "stats",
        "color",
        "field",
        "output_field",
        "group_field",
        "url_field",
    )
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    config: Config
    model: Any
    site: str | None
    html: bool
    #: ``None``: UTF-8 for text, the page's own encoding for HTML
    encoding: str | None
    #: ``filter`` (cleaned text out), ``fix`` (rewrite in place), ``check`` (report only)
    mode: str
    explain: bool
    diff: bool
    stats: bool
    color: bool
    field: str
    output_field: str
    group_field: str | None
    url_field: str

    def __init__(
        self,
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] | None = None,
        config: Config | None = None,
        model: Any = None,
        site: str | None = None,
        html: bool = False,
        encoding: str | None = None,
        mode: str = "filter",
        explain: bool = False,
        diff: bool = False,
        stats: bool = False,
        color: bool = False,
        field: str = "text",
        output_field: str = "text",
        group_field: str | None = None,
        url_field: str = "url",
    ) -> None:
        self._set(
            select=select,
            ignore=ignore,
            config=Config() if config is None else config,
            model=model,
            site=site,
            html=html,
            encoding=encoding,
            mode=mode,
            explain=explain,
            diff=diff,
            stats=stats,
            color=color,
            field=field,
            output_field=output_field,
            group_field=group_field,
            url_field=url_field,
        )

    @property
    def wants_changes(self) -> bool:
        """True when each change must be attributed to its rule (explain, stats)."""
        return self.explain or self.stats


class Stats(Record):
    """Per-rule counts over a run: documents touched, lines removed, replacements, findings."""

    __slots__ = ("documents", "changed", "rules")  # noqa: RUF023 - the order of the fields

    def __init__(
        self, documents: int = 0, changed: int = 0, rules: dict[str, list[int]] | None = None
    ) -> None:
        self.documents = documents
        self.changed = changed
        self.rules: dict[str, list[int]] = {} if rules is None else rules

    def add(self, changes: Sequence[Change], changed: bool) -> None:
        """Count one document and its changes."""
        self.documents += 1
        self.changed += changed
        touched: set[str] = set()
        for ch in changes:
            row = self.rules.setdefault(ch.rule, [0, 0, 0, 0])
            if ch.after is None:
                row[3] += 1
                continue
            if ch.rule not in touched:
                touched.add(ch.rule)
                row[0] += 1
            lines = ch.before.count("\n") - ch.after.count("\n")
            if lines > 0:
                row[1] += lines
            else:
                row[2] += 1

    def merge(self, other: Stats) -> None:
        """Add the counts of *other* (from another file or worker)."""
        self.documents += other.documents
        self.changed += other.changed
        for rule, row in other.rules.items():
            mine = self.rules.setdefault(rule, [0, 0, 0, 0])
            for i, n in enumerate(row):
                mine[i] += n

    def render(self, order: Sequence[str] = ()) -> str:
        """A table for the end of a run (rules in *order*, then any others by name)."""
        rank = {name: i for i, name in enumerate(order)}
        names = sorted(self.rules, key=lambda n: (rank.get(n, len(rank)), n))
        width = max([len("rule"), *(len(n) for n in names)])
        head = f"{'rule':<{width}}  {'docs':>7}  {'lines removed':>13}  {'replacements':>12}  {'findings':>8}"
        lines = [head]
        for name in names:
            docs, removed, replaced, found = self.rules[name]
            lines.append(f"{name:<{width}}  {docs:>7}  {removed:>13}  {replaced:>12}  {found:>8}")
        lines.append(f"{self.documents} documents, {self.changed} changed")
        return "\n".join(lines) + "\n"


class Cleaner:
    """Cleans documents for a :class:`Job`, with its pipelines built once (per site)."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._pipelines: OrderedDict[str | None, Pipeline] = OrderedDict()

    def pipeline(self, site: str | None = None) -> Pipeline:
        """The pipeline for *site* (the plain one without a site model or a site)."""
        key = site if self.job.model is not None else None
        pipe = self._pipelines.get(key)
        if pipe is not None:
            self._pipelines.move_to_end(key)
            return pipe
        from .registry import default_pipeline

        config = self.job.config
        if key is not None:
            config = config._replace(site_model=self.job.model, site=key)
        pipe = default_pipeline(self.job.select, self.job.ignore, config)
        self._pipelines[key] = pipe
        if len(self._pipelines) > PIPELINE_CACHE:
            self._pipelines.popitem(last=False)
        return pipe

    def document(
        self, value: str | bytes, *, site: str | None = None, url: str | None = None
    ) -> tuple[str, list[Change] | None]:
        """Clean one document; also return its changes when the job needs them."""
        pipe = self.pipeline(site)
        if self.job.html:
            from .html import clean_html

            cleaned: str = clean_html(value, url=url, pipeline=pipe)
            if not self.job.wants_changes:
                return cleaned, None
            # attribute the changes of the text pipeline on the extracted text
            extracted: str = clean_html(value, url=url, pipeline=Pipeline(()))
            return cleaned, pipe.explain(extracted)
        assert isinstance(value, str)
        if not self.job.wants_changes:
            return pipe.clean(value), None
        changes = pipe.explain(value)
        return apply_changes(value, changes), changes


def explain_lines(name: str, changes: Iterable[Change], *, record: int | None = None, field: str = "") -> str:
    """``name:line rule: removed/inserted/changed/found text``, one line per change, by line.

    For a JSONL *record* the location is the record's line, and the line inside the
    field follows in brackets: ``corpus.jsonl:7 rule: removed "..." (text line 3)``.
    """
    out: list[str] = []
    for ch in sorted(changes, key=lambda c: c.line):  # stable: same line, application order
        if ch.after is None:
            what = f"found {short(ch.before)}"
        elif ch.after == "":
            what = f"removed {short(ch.before)}"
        elif ch.before == "":
            what = f"inserted {short(ch.after)}"
        else:
            what = f"changed {short(ch.before)} -> {short(ch.after)}"
        if record is None:
            out.append(f"{name}:{ch.line} {ch.rule}: {what}\n")
        else:
            out.append(f"{name}:{record} {ch.rule}: {what} ({field} line {ch.line})\n")
    return "".join(out)


class FileResult(Record):
    """What happened to one text input.

    ``status`` is ``ok``, ``binary`` (skipped) or ``error`` (exit 2); ``output`` the cleaned
    text (filter mode only); ``report`` the explain lines and diff, for stdout.
    """

    __slots__ = ("path", "status", "message", "changed", "output", "report", "stats")  # noqa: RUF023

    def __init__(  # noqa: PLR0917 - built positionally: FileResult(path, status, message)
        self,
        path: str,
        status: str = "ok",
        message: str = "",
        changed: bool = False,
        output: str | None = None,
        report: str = "",
        stats: Stats | None = None,
    ) -> None:
        self.path = path
        self.status = status
        self.message = message
        self.changed = changed
        self.output = output
        self.report = report
        self.stats = stats


def process_text(cleaner: Cleaner, path: str, data: bytes | None = None) -> FileResult:
    """Clean one text (or HTML) file; in fix mode rewrite it when it changed."""
    job = cleaner.job
    name = "<stdin>" if path == "-" else path
    try:
        if data is None:
            data = read_bytes(path)
        value = prepare(data, path, job.encoding, html=job.html)
    except BinaryInput as exc:
        return FileResult(path, "binary", str(exc))
    except InputError as exc:
        return FileResult(path, "error", str(exc))
    try:
        cleaned, changes = cleaner.document(value, site=job.site)
    except Exception as exc:  # an HTML guard (size, time), or a rule bug: name the file, keep it
        return FileResult(path, "error", f"{name}: cleaning failed: {type(exc).__name__}: {exc}")
    original = None if job.html else value
    if isinstance(original, str):
        changed = cleaned != original
    else:  # a page became text: "changed" means the text pipeline changed the extracted text
        changed = any(ch.after is not None for ch in changes or ())
    result = FileResult(path, changed=changed)
    if job.mode == "filter":
        result.output = cleaned
    if job.stats:
        result.stats = Stats()
        result.stats.add(changes or (), result.changed)
    report = []
    if job.explain and changes:
        report.append(explain_lines(name, changes))
    if job.diff and isinstance(original, str) and changed:
        diff = unified_diff(original, cleaned, name)
        report.append(colorize_diff(diff) if job.color else diff)
    result.report = "".join(report)
    if job.mode == "fix" and result.changed:
        try:
            with atomic_writer(path) as fh:
                fh.write(cleaned.encode("utf-8"))
        except OSError as exc:
            return FileResult(path, "error", f"{name}: cannot write: {exc.strerror or exc}")
    return result


# ----------------------------------------------------------------------------- worker processes
_WORKER: Cleaner | None = None


def _init_worker(job: Job) -> None:
    global _WORKER  # noqa: PLW0603 - one cleaner per worker process, set by the pool initializer
    import signal

    # Ctrl-C is the main process's business: it stops the pool (no traceback per worker)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = Cleaner(job)


def _call(fn: Callable[[Cleaner, T], R], item: T) -> R:
    assert _WORKER is not None
    return fn(_WORKER, item)


class Workers:
    """Runs ``fn(cleaner, item)`` over items, in order, in this process or in a pool of *jobs*.

    At most ``2 * jobs`` items are in flight, so reading never runs ahead of writing
    (``Pool.imap`` would consume its whole input first) and memory stays bounded.
    Functions must be module-level so that they pickle.
    """

    def __init__(self, job: Job, jobs: int = 1) -> None:
        self.job = job
        self.jobs = jobs
        self.cleaner = Cleaner(job)
        self._pool: Any = None
        #: a copy of standard input's descriptor that forked workers inherit (when it is a file)
        self._stdin_fd: int | None = None

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            import multiprocessing

            if multiprocessing.get_start_method() == "fork" and _regular_file(0) is not None:
                # a descriptor of its own: a worker's sys.stdin is swapped for os.devnull at start
                self._stdin_fd = os.dup(0)
            self._pool = multiprocessing.Pool(self.jobs, initializer=_init_worker, initargs=(self.job,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        if self._stdin_fd is not None:
            os.close(self._stdin_fd)
            self._stdin_fd = None

    def map(self, fn: Callable[[Cleaner, T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn(cleaner, item)`` for each item, in input order."""
        if self._pool is None:
            for item in items:
                yield fn(self.cleaner, item)
            return
        pending: deque[Any] = deque()
        for item in items:
            pending.append(self._pool.apply_async(_call, (fn, item)))
            if len(pending) >= 2 * self.jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def map_text(self, items: Iterable[tuple[str, bytes | None]]) -> Iterator[FileResult]:
        """Clean text files (``(path, data or None)``), in order."""
        return self.map(text_task, items)

    def map_jsonl(self, name: str, fh: BinaryIO) -> Iterator[BatchResult]:
        """Clean a JSONL stream batch by batch, in order.

        With a pool, a worker sends back only the lines it changed, broken or reported on;
        the lines it kept as read are taken from the batch this process read (most lines of
        a corpus stay as they are).  When the input is a regular file, workers read their
        batches from it themselves and only where each lies crosses a pipe (:class:`~.jsonl.Slice`).
        """
        from .jsonl import (
            Slice,
            batches,
            process_batch,
            process_batch_sparse,
            process_slice_sparse,
            restore_batch,
        )

        if self._pool is None:
            return self.map(process_batch, batches(name, fh))
        sent: deque[Batch] = deque()
        source = self._source(fh)

        def send() -> Iterator[Batch]:
            for batch in batches(name, fh):
                sent.append(batch)
                yield batch

        def send_slices(source: Source, offset: int) -> Iterator[Slice]:
            for batch in send():
                size = sum(map(len, batch.lines))
                yield Slice(name, batch.first, source, offset=offset, size=size, count=len(batch.lines))
                offset += size

        if source is None:
            results = self.map(process_batch_sparse, send())
        else:
            results = self.map(process_slice_sparse, send_slices(*source))
        return (restore_batch(sent.popleft(), result) for result in results)

    def _source(self, fh: BinaryIO) -> tuple[Source, int] | None:
        """The file behind *fh* as workers can read it, and where reading starts (``None``:
        not a regular file, or one the workers cannot open; they are sent the lines)."""
        from .jsonl import Source

        try:
            fd = fh.fileno()
            st = _regular_file(fd)
            if st is None:
                return None
            start = fh.tell()
        except (OSError, ValueError, AttributeError):  # no descriptor (a test's BytesIO), no tell
            return None
        if fd == 0:
            if self._stdin_fd is None:
                return None
            return Source(None, self._stdin_fd, st.st_dev, st.st_ino), start
        path = getattr(fh, "name", None)
        if not isinstance(path, str):
            return None
        real = os.path.realpath(path)  # "/dev/stdin" and symlinks: the file itself, as workers open it
        try:
            same = os.stat(real)
        except OSError:  # deleted since it was opened
            return None
        if (same.st_dev, same.st_ino) != (st.st_dev, st.st_ino):
            return None
        return Source(real, None, st.st_dev, st.st_ino), start


def _regular_file(fd: int) -> os.stat_result | None:
    """``os.fstat(fd)`` when *fd* is an open regular file."""
    import stat

    try:
        st = os.fstat(fd)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def text_task(cleaner: Cleaner, item: tuple[str, bytes | None]) -> FileResult:
    """:func:`process_text` for one ``(path, data)`` item (a module-level function for pools)."""
    return process_text(cleaner, item[0], item[1])


def default_jobs(value: int) -> int:
    """``-j 0`` means one process per CPU."""
    return value if value > 0 else (os.cpu_count() or 1)
