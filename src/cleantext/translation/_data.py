"""Loading the JSON tables of the translation rules from ``cleantext/data``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from ._trie import trie_pattern

__all__ = ["load", "word_alternation"]


@cache
def load(name: str) -> Any:
    """Return the parsed JSON data file ``cleantext/data/<name>``."""
    return json.loads(
        resources.files("cleantext").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )


def word_alternation(words: Iterable[str]) -> str:
    """A regex group matching any of the literal *words*, built as a trie.

    ``re`` tries the branches of an alternation one by one; a trie tests shared prefixes
    once, and its greedy optional tails try the longer word first.

    >>> word_alternation(["tenth", "ten", "two"])
    '(?:t(?:en(?:th)?|wo))'
    """
    return "(?:" + trie_pattern(words) + ")"
