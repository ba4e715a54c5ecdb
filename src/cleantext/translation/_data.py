"""Loading the JSON tables of the translation rules from ``cleantext/data``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load", "word_alternation"]


@cache
def load(name: str) -> Any:
    """Return the parsed JSON data file ``cleantext/data/<name>``."""
    return json.loads(
        resources.files("cleantext").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal *words*, longest first (so ``twenty-one`` beats ``twenty``)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)
