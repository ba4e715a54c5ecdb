"""``boilerplate.pull-quote``: a pull quote repeated from the article as its own line.

Decision (see docs/boilerplate.md): a short standalone line that is only a quotation
(``“threatening posture”``) and whose words appear verbatim elsewhere in the document
is a pull quote — layout, not content — and goes.  A quotation found nowhere else is
kept: it may be the only place the words are said.
"""

from __future__ import annotations

import itertools
import operator

from ..core import Edit
from .lines import Doc, doc_for, drop_lines
from .markers import Extra, lazy_pattern

__all__ = ["find_pull_quotes"]

_QUOTE = lazy_pattern(
    globals(), "_QUOTE", r"[“\"‘«„'](?P<inner>[^“”\"«»„\n]{3,160}?)[,.!?…]?[”\"’»“'][.!?]?\Z"
)
_OPENERS = "“\"‘«„'"
_OPENERS_SET = frozenset(_OPENERS)
_CLOSERS = "”\"’»“'"
_FIRST_CHAR = operator.itemgetter(slice(0, 1))
_MAX_WORDS = 12
_MIN_WORDS = 2


def _pick(doc: Doc, _arg: object) -> set[int]:
    lines = doc.lines
    candidates: dict[int, str] = {}
    # the lines opening with a quote (a C-level loop over the first characters)
    opening = itertools.compress(itertools.count(), map(_OPENERS_SET.__contains__, map(_FIRST_CHAR, lines)))
    for i in opening:
        line = lines[i]
        # the pattern wants a closing quote at the end, or before a last ".", "!" or "?"
        if len(line) > 200 or line[-2 if line[-1] in ".!?" else -1] not in _CLOSERS:
            continue
        m = _QUOTE.match(line)
        if m:
            inner = m.group("inner").strip(" ,.;:")
            # a fragment lifted from inside a sentence starts in lower case; a quoted
            # title or a quotation used as a subheading starts with a capital and stays
            if inner[:1].islower() and _MIN_WORDS <= inner.count(" ") + 1 <= _MAX_WORDS:
                candidates[i] = inner.casefold()
    if not candidates:
        return set()
    rest = "\n".join(line for i, line in enumerate(lines) if i not in candidates).casefold()
    return {i for i, inner in candidates.items() if inner in rest}


def find_pull_quotes(text: str, _extra: Extra = ()) -> list[Edit]:
    """Drop a 2-12 word line that is only a quotation repeated verbatim elsewhere in the text."""
    doc = doc_for(text)
    # fewer lines hold fewer quotations: nothing found stays nothing found when lines go
    token = (find_pull_quotes, None)
    if token in doc.clean:
        return []
    if _OPENERS_SET.isdisjoint(map(_FIRST_CHAR, doc.lines)):
        return []  # no line opens with a quote (a C-level loop over the shared lines)
    edits = drop_lines(text, _pick, None, doc=doc)
    if not edits:
        doc.clean.add(token)
    return edits
