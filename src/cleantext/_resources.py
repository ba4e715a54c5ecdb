"""Reading the package's data files (marker lists, tables) cheaply.

``importlib.resources`` costs several milliseconds to import (it pulls in pathlib,
zipfile and tempfile), which the command pays at every start.  A regular install
keeps the data files next to this module, so they are read with a plain ``open``;
only when that fails (a zipped install) does :func:`read_text` fall back to
``importlib.resources``.
"""

from __future__ import annotations

import json
import os
from typing import Any

__all__ = ["read_json", "read_text"]

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def read_text(*parts: str) -> str:
    """The text of ``cleantext/data/<parts...>`` (UTF-8).

    >>> "boilerplate" in read_text("markers", "README.md").lower()
    True
    """
    try:
        with open(os.path.join(_DATA, *parts), encoding="utf-8") as fh:
            return fh.read()
    except (FileNotFoundError, NotADirectoryError):
        from importlib import resources

        node = resources.files("cleantext").joinpath("data")
        for part in parts:
            node = node.joinpath(part)
        return node.read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    """The parsed JSON of ``cleantext/data/<parts...>``."""
    return json.loads(read_text(*parts))
