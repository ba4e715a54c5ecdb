"""``boilerplate.share``: share-button lines and "Click To Tweet" suffixes."""

from __future__ import annotations

import re
from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines
from .markers import Extra, LineMatcher, compile_category, line_matcher, may_match, search_hints

__all__ = ["find_share"]

_SEP = r"\s*[:|,•·/]?\s*"


#: one or more share labels ("Facebook Twitter Email"), optionally ending with ":"
_ALONE = r"[\W_]{0,3}(?:{m})[ .!:]*\Z"
_LINE = rf"[\W_]{{0,3}}(?:{{m}})(?:{_SEP}(?:{{m}}))*\s*:?\Z"


def _tweet_suffix(extra: Extra) -> re.Pattern[str]:
    return compile_category("share_suffix", extra, r"(?<=\S) ?(?:{m})[ .!:]*\Z")


@lru_cache(maxsize=16)
def _matchers(extra: Extra) -> tuple[LineMatcher, LineMatcher]:
    return line_matcher("share", extra, _LINE), line_matcher("share_suffix", extra, _ALONE)


def _pick(doc: Doc, extra: Extra) -> set[int]:
    lines = doc.lines
    out: set[int] = set()
    for matcher in _matchers(extra):
        out.update(i for i in matcher.candidates(doc) if len(lines[i]) <= 120 and matcher.match_at(doc, i))
    return out


def find_share(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop lines made only of share labels; cut "Click To Tweet" glued to a quote.

    ``Share this:`` / ``Facebook`` / ``Twitter WhatsApp Email`` go; ``The company's
    share price fell`` stays.
    """
    doc = doc_for(text)
    token = (find_share, extra)  # each line is judged by itself
    if token in doc.clean:
        return []
    edits = drop_lines(text, _pick, extra, local=True, doc=doc) if may_match(doc, _matchers(extra)) else []
    hints = search_hints("share_suffix", extra, 3)
    rows = doc.containing(hints) if hints is not None else range(len(doc.lines))
    if rows:
        suffix = _tweet_suffix(extra)
        starts = doc.starts
        for i in sorted(rows):
            m = suffix.search(doc.lines[i])
            if m:
                edits.append((starts[i] + m.start(), starts[i] + m.end(), ""))
    if not edits:
        doc.clean.add(token)
    return edits
