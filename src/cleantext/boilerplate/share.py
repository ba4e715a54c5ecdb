"""``boilerplate.share``: share-button lines and "Click To Tweet" suffixes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines
from .markers import compile_category

__all__ = ["find_share"]

_SEP = r"\s*[:|,•·/]?\s*"


def _share_line(extra: tuple[str, ...]) -> re.Pattern[str]:
    # one or more share labels ("Facebook Twitter Email"), optionally ending with ":"
    return compile_category("share", extra, rf"[\W_]{{0,3}}(?:{{m}})(?:{_SEP}(?:{{m}}))*\s*:?\Z")


def _tweet_suffix(extra: tuple[str, ...]) -> re.Pattern[str]:
    return compile_category("share_suffix", extra, r"(?<=\S) ?(?:{m})[ .!:]*$")


_SUFFIX_HINT = re.compile(r"twee", re.IGNORECASE)


def _pick(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    pattern = _share_line(extra)
    suffix = compile_category("share_suffix", extra, r"(?:{m})[ .!:]*\Z")
    return {
        i
        for i, line in enumerate(lines)
        if line and len(line) <= 120 and (pattern.match(line) or suffix.match(line))
    }


def find_share(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop lines made only of share labels; cut "Click To Tweet" glued to a quote.

    ``Share this:`` / ``Facebook`` / ``Twitter WhatsApp Email`` go; ``The company's
    share price fell`` stays.
    """
    edits = drop_lines(text, _pick, extra)
    if _SUFFIX_HINT.search(text):
        pattern = re.compile(_tweet_suffix(extra).pattern, re.IGNORECASE | re.MULTILINE)
        edits.extend((m.start(), m.end(), "") for m in pattern.finditer(text))
    return edits
