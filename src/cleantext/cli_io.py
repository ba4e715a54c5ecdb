"""Input and output for the command line: decoding with clear errors, atomic writes, diffs."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO

__all__ = [
    "BinaryInput",
    "InputError",
    "atomic_writer",
    "colorize_diff",
    "decode",
    "display",
    "is_binary",
    "prepare",
    "read_bytes",
    "short",
    "unified_diff",
]

STDIN = "-"
#: how much of a file is looked at for NUL bytes (git looks at the first 8000 bytes)
BINARY_SNIFF = 8192


class InputError(Exception):
    """An input that cannot be read or decoded; the message names the file (exit 2)."""


class BinaryInput(Exception):
    """An input that looks binary (NUL bytes): it is skipped with a message."""


def display(path: str) -> str:
    """How a path is named in messages (stdin is ``<stdin>``)."""
    return "<stdin>" if path == STDIN else path


def read_bytes(path: str) -> bytes:
    """The whole content of *path* (``-`` is stdin); :class:`InputError` when unreadable."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc


def _utf16_or_32(encoding: str) -> bool:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def is_binary(data: bytes, encoding: str = "utf-8") -> bool:
    """True when *data* has a NUL byte near its start (and the encoding is not UTF-16/32)."""
    return b"\x00" in data[:BINARY_SNIFF] and not _utf16_or_32(encoding)


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode *data* strictly; the error names the file, the byte offset and the line."""
    if is_binary(data, encoding):
        raise BinaryInput(f"{display(path)}: skipped: binary file (NUL bytes)")
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : min(exc.end, exc.start + 4)].hex(" ")
        raise InputError(
            f"{display(path)}: cannot decode as {encoding} at byte offset {exc.start} "
            f"(line {line}): {exc.reason} (bytes {bad}); use --encoding to name the right one"
        ) from exc


def prepare(data: bytes, path: str, encoding: str | None, *, html: bool = False) -> str | bytes:
    """The text of an input; for HTML without an explicit encoding, the bytes (the page names it)."""
    if html and encoding is None:
        if is_binary(data):
            raise BinaryInput(f"{display(path)}: skipped: binary file (NUL bytes)")
        return data
    return decode(data, path, encoding or "utf-8")


@contextmanager
def atomic_writer(path: str) -> Iterator[BinaryIO]:
    """Write *path* through a temporary file in the same folder, renamed over it at the end.

    The permissions of an existing file are kept (a symlink is followed: its target is
    rewritten).  If the block raises, *path* is left untouched and the temporary file removed.
    """
    import tempfile

    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of *before* -> *after* (``a/name``, ``b/name``), marking missing final newlines."""
    import difflib

    out: list[str] = []
    for line in difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    ):
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


_COLORS = (("+++", "\x1b[1m"), ("---", "\x1b[1m"), ("@@", "\x1b[36m"), ("+", "\x1b[32m"), ("-", "\x1b[31m"))


def colorize_diff(diff: str) -> str:
    """ANSI colours for a unified diff (headers bold, hunks cyan, additions green, removals red)."""
    out: list[str] = []
    for line in diff.splitlines(keepends=True):
        for prefix, code in _COLORS:
            if line.startswith(prefix):
                body = line.rstrip("\n")
                out.append(f"{code}{body}\x1b[0m{line[len(body) :]}")
                break
        else:
            out.append(line)
    return "".join(out)


def short(text: str, limit: int = 80) -> str:
    """*text* quoted for a one-line report: escapes visible, long text cut in the middle."""
    import json

    if len(text) > limit:
        half = limit // 2
        text = text[:half] + "…" + text[-(limit - half - 1) :]
    # lone surrogates (possible in JSON input) cannot be printed: show them escaped
    return json.dumps(text, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")
