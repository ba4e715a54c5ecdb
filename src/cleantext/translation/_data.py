"""Loading the JSON tables of the translation rules from ``cleantext/data``, on first use.

Nothing here runs at import time: a rule loads its table the first time a text gets
past its cheap pre-check, so importing the family and building its rules reads no file
and imports no :mod:`json`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

__all__ = ["contains_word", "load", "word_alternation"]


@cache
def load(name: str) -> Any:
    """Return the parsed JSON data file ``cleantext/data/<name>`` (read once per process)."""
    from .._resources import read_json

    return read_json(name)


def word_alternation(words: Iterable[str]) -> str:
    """A regex group matching any of the literal *words*, built as a trie.

    ``re`` tries the branches of an alternation one by one; a trie tests shared prefixes
    once, and its greedy optional tails try the longer word first.

    >>> word_alternation(["tenth", "ten", "two"])
    '(?:t(?:en(?:th)?|wo))'
    """
    from ._trie import trie_pattern

    return "(?:" + trie_pattern(words) + ")"


def contains_word(text: str, word: str, *, hyphen_after: bool = True) -> bool:
    """Whether *word* occurs in *text* as a whole word, with no word character or hyphen
    before it and no word character (nor hyphen, when *hyphen_after*) after it.

    The same test as ``re.search(rf"(?<![\\w-]){re.escape(word)}(?![\\w-])", text)``, without
    compiling a pattern per word (the tables check every pair of their entries).

    >>> contains_word("out of here", "of here"), contains_word("Foo-Town", "Foo", hyphen_after=False)
    (True, True)
    >>> contains_word("north-of here", "of here"), contains_word("Foo-Town", "Foo")
    (False, False)
    """
    n, size = len(text), len(word)
    i = text.find(word)
    while i >= 0:
        j = i + size
        before = text[i - 1] if i else ""
        after = text[j] if j < n else ""
        if not (before and (_is_word_char(before) or before == "-")) and not (
            after and (_is_word_char(after) or (hyphen_after and after == "-"))
        ):
            return True
        i = text.find(word, i + 1)
    return False


def _is_word_char(ch: str) -> bool:
    """``re``'s ``\\w`` for one character of a ``str`` pattern."""
    return ch.isalnum() or ch == "_"
