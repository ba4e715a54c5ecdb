"""Cleaning one field of each line of a JSONL file, streamed in batches.

A record is re-serialised only when its field changes; every other line (unchanged
records, blank lines, broken lines) is passed through byte for byte, so nothing is
ever lost and the line order is kept.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import BinaryIO

from ._record import Frozen, Record
from .cli_io import InputError, colorize_diff, unified_diff
from .cli_run import Cleaner, Stats, explain_lines

__all__ = [
    "Batch",
    "BatchResult",
    "RecordResult",
    "Slice",
    "Source",
    "batches",
    "process_batch",
    "process_batch_sparse",
    "process_record",
    "process_slice_sparse",
    "raw_lines",
    "read_slice",
    "restore_batch",
]

#: a batch ends after this many lines or bytes, whichever comes first
BATCH_LINES = 64
BATCH_BYTES = 1 << 18

_MISSING = object()


class Batch(Frozen):
    """Consecutive raw lines of one file, the first being line ``first``."""

    __slots__ = ("name", "first", "lines")  # noqa: RUF023 - the order of the fields
    name: str
    first: int
    lines: list[bytes]

    def __init__(self, name: str, first: int, lines: list[bytes]) -> None:
        self._set(name=name, first=first, lines=lines)


class Source(Frozen):
    """A regular file a worker process can read batches from itself: a path to open (or a
    descriptor it inherited) and the identity of the file (device, inode) to check it by."""

    __slots__ = ("path", "fd", "dev", "ino")  # noqa: RUF023 - the order of the fields
    path: str | None
    fd: int | None
    dev: int
    ino: int

    def __init__(self, path: str | None, fd: int | None, dev: int, ino: int) -> None:
        self._set(path=path, fd=fd, dev=dev, ino=ino)


class Slice(Frozen):
    """Where a :class:`Batch` lies in a :class:`Source`: what a worker is sent instead of the
    lines themselves (the lines then cross no pipe)."""

    __slots__ = ("name", "first", "source", "offset", "size", "count")  # noqa: RUF023 - the order of the fields
    name: str
    first: int
    source: Source
    offset: int
    size: int
    count: int

    def __init__(self, name: str, first: int, source: Source, *, offset: int, size: int, count: int) -> None:
        self._set(name=name, first=first, source=source, offset=offset, size=size, count=count)


class RecordResult(Record):
    """One output line, and what to report about it."""

    __slots__ = ("lineno", "data", "changed", "error", "report", "kept")  # noqa: RUF023 - the order of the fields

    def __init__(
        self,
        lineno: int,
        data: bytes,
        changed: bool = False,
        error: str = "",
        report: str = "",
        *,
        kept: bool = False,
    ) -> None:
        self.lineno = lineno
        self.data = data
        self.changed = changed
        self.error = error
        self.report = report
        #: the line is as read and ``data`` was left out on its way from a worker (see
        #: :func:`process_batch_sparse`)
        self.kept = kept


class BatchResult(Record):
    """The results of a batch, in order, with its input size (for progress) and counts."""

    __slots__ = ("records", "size", "stats", "changed")  # noqa: RUF023 - the order of the fields

    def __init__(
        self, records: list[RecordResult], size: int, stats: Stats | None = None, changed: int = 0
    ) -> None:
        self.records = records
        self.size = size
        self.stats = stats
        self.changed = changed


#: bytes asked of the input at a time
READ_SIZE = 1 << 20


def raw_lines(fh: BinaryIO) -> Iterator[bytes]:
    """The lines of *fh*, each with its ``\\n`` (the last one may have none), as iterating
    over the file gives them, but read in large blocks: three times faster on long lines.

    >>> import io
    >>> list(raw_lines(io.BytesIO(b'{"a": 1}\\n\\n{"b"')))
    [b'{"a": 1}\\n', b'\\n', b'{"b"']
    """
    read = getattr(fh, "read1", fh.read)  # what is there (a pipe), never waiting for a full block
    pending: list[bytes] = []  # the start of a line that goes on in the next block
    while chunk := read(READ_SIZE):
        find = chunk.find
        end = find(b"\n")
        if end < 0:
            pending.append(chunk)
            continue
        if pending:
            pending.append(chunk[: end + 1])
            yield b"".join(pending)
            pending = []
        else:
            yield chunk[: end + 1]
        start = end + 1
        end = find(b"\n", start)
        while end >= 0:
            yield chunk[start : end + 1]
            start = end + 1
            end = find(b"\n", start)
        if start < len(chunk):
            pending.append(chunk[start:])
    if pending:
        yield b"".join(pending)


def batches(name: str, fh: BinaryIO) -> Iterator[Batch]:
    """Read *fh* lazily as batches of raw lines (never the whole file)."""
    lines: list[bytes] = []
    size = 0
    first = 1
    for lineno, raw in enumerate(raw_lines(fh), start=1):
        lines.append(raw)
        size += len(raw)
        if len(lines) >= BATCH_LINES or size >= BATCH_BYTES:
            yield Batch(name, first, lines)
            first, lines, size = lineno + 1, [], 0
    if lines:
        yield Batch(name, first, lines)


def process_batch(cleaner: Cleaner, batch: Batch) -> BatchResult:
    """Clean every record of *batch* (a module-level function, so pools can call it)."""
    stats = Stats() if cleaner.job.stats else None
    records = [
        process_record(cleaner, batch.name, batch.first + i, raw, stats) for i, raw in enumerate(batch.lines)
    ]
    return BatchResult(records, sum(len(raw) for raw in batch.lines), stats, sum(r.changed for r in records))


def process_batch_sparse(cleaner: Cleaner, batch: Batch) -> BatchResult:
    """:func:`process_batch` with ``data`` left empty (``b""``) for the lines kept as read, the
    form a worker process sends back; :func:`restore_batch` puts them back."""
    result = process_batch(cleaner, batch)
    for rec, raw in zip(result.records, batch.lines, strict=True):
        if rec.data is raw:
            rec.data = b""
            rec.kept = True
    return result


#: the descriptor of the last source a worker opened: (source, fd)
_OPEN: list[tuple[Source, int]] = []


def _source_fd(piece: Slice) -> int:
    """A descriptor reading the source of *piece* in this process (opened once, checked to be
    the file the main process reads)."""
    source = piece.source
    if _OPEN and _OPEN[0][0] == source:
        return _OPEN[0][1]
    try:
        if source.path is not None:
            fd = os.open(source.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        else:
            assert source.fd is not None
            fd = source.fd
        st = os.fstat(fd)
    except OSError as exc:
        raise InputError(f"{piece.name}: cannot read it in a worker process: {exc.strerror or exc}") from exc
    if (st.st_dev, st.st_ino) != (source.dev, source.ino):
        if source.path is not None:
            os.close(fd)
        raise InputError(f"{piece.name}: the file was replaced while being read")
    while _OPEN:
        old, old_fd = _OPEN.pop()
        if old.path is not None:
            os.close(old_fd)
    _OPEN.append((source, fd))
    return fd


def read_slice(piece: Slice) -> Batch:
    """The :class:`Batch` *piece* stands for, read from its file (one ``pread``).

    Lines end at ``\\n`` only, as when the file is read line by line.  Raises
    :class:`~.cli_io.InputError` when the file no longer holds that many bytes and lines
    there (it was truncated or rewritten while being cleaned), or was replaced.
    """
    fd = _source_fd(piece)
    chunks = []
    got = 0
    try:
        while got < piece.size:
            chunk = os.pread(fd, piece.size - got, piece.offset + got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise InputError(f"{piece.name}: {exc.strerror or exc}") from exc
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    parts = data.split(b"\n")
    last = parts.pop()
    lines = [part + b"\n" for part in parts]
    if last:
        lines.append(last)
    if got != piece.size or len(lines) != piece.count:
        raise InputError(f"{piece.name}: the file changed while being read (from line {piece.first})")
    return Batch(piece.name, piece.first, lines)


def process_slice_sparse(cleaner: Cleaner, piece: Slice) -> BatchResult:
    """:func:`process_batch_sparse` on the lines of *piece*, read by the worker itself."""
    return process_batch_sparse(cleaner, read_slice(piece))


def restore_batch(batch: Batch, result: BatchResult) -> BatchResult:
    """Put back the lines of *batch* that :func:`process_batch_sparse` left out."""
    for rec, raw in zip(result.records, batch.lines, strict=True):
        if rec.kept:
            rec.data = raw
            rec.kept = False
    return result


def _split_terminator(raw: bytes) -> tuple[bytes, bytes]:
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], b"\n"
    return raw, b""


def process_record(
    cleaner: Cleaner, name: str, lineno: int, raw: bytes, stats: Stats | None = None
) -> RecordResult:
    """Clean the field of one JSONL line; a broken line comes back unchanged with an error."""
    job = cleaner.job
    body, end = _split_terminator(raw)
    if not body.strip():
        return RecordResult(lineno, raw)
    where = f"{name}:{lineno}"
    encoding = job.encoding or "utf-8"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        return RecordResult(
            lineno,
            raw,
            error=f"{where}: cannot decode as {encoding} at byte {exc.start} of the line: {exc.reason}",
        )
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordResult(lineno, raw, error=f"{where}: invalid JSON at column {exc.colno}: {exc.msg}")
    if not isinstance(record, dict):
        return RecordResult(lineno, raw, error=f"{where}: not a JSON object")
    value = record.get(job.field, _MISSING)
    if value is None:
        return RecordResult(lineno, raw)  # a record without text (failed extraction): nothing to clean
    if value is _MISSING:
        return RecordResult(lineno, raw, error=f"{where}: no field {job.field!r}")
    if not isinstance(value, str):
        return RecordResult(
            lineno, raw, error=f"{where}: field {job.field!r} is {type(value).__name__}, not a string"
        )
    site = None
    if job.model is not None and job.group_field:
        group = record.get(job.group_field)
        if isinstance(group, str) and group:
            from .site import site_of

            site = site_of(group)
    url = record.get(job.url_field) if job.html else None
    try:
        cleaned, changes = cleaner.document(value, site=site, url=url if isinstance(url, str) else None)
    except Exception as exc:  # a rule must never raise; if one does, keep the record and say so
        return RecordResult(lineno, raw, error=f"{where}: cleaning failed: {type(exc).__name__}: {exc}")
    changed = record.get(job.output_field, _MISSING) != cleaned
    if stats is not None:
        stats.add(changes or (), changed)
    report = []
    if job.explain and changes:
        report.append(explain_lines(name, changes, record=lineno, field=job.field))
    if job.diff and changed and not job.html:
        diff = unified_diff(value, cleaned, f"{where}:{job.field}")
        report.append(colorize_diff(diff) if job.color else diff)
    if not changed:
        return RecordResult(lineno, raw, report="".join(report))
    record[job.output_field] = cleaned
    try:
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \\ud800 escapes: keep them escaped
        data = json.dumps(record).encode("utf-8")
    return RecordResult(lineno, data + end, changed=True, report="".join(report))
