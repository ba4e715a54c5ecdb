"""The ``cleantext`` command (minimal filter; extended by the CLI module work)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Clean the named files (or stdin) to stdout."""
    from .api import clean

    args = sys.argv[1:] if argv is None else argv
    if not args:
        sys.stdout.write(clean(sys.stdin.read()))
        return 0
    for path in args:
        with open(path, encoding="utf-8") as fh:
            sys.stdout.write(clean(fh.read()))
    return 0
