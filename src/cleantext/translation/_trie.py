"""A regex alternation built as a trie: ``re`` scans it several times faster than a flat one."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]

_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly the given literal *words* (longest first at each branch).

    >>> trie_pattern(["Kiev", "Kharkov", "Odessa"])
    '(?:K(?:harkov|iev)|Odessa)'
    """
    root: _Node = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) or "(?!)"


def _emit(node: _Node) -> str:
    alts = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body
