"""``boilerplate.comments``: reader-comment blocks and comment-widget lines."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from functools import lru_cache

from ..core import Edit
from .lines import Doc, Settled, doc_for, drop_lines, next_nonblank, word_count
from .markers import Extra, LineMatcher, lazy_pattern, line_matcher, may_match

__all__ = ["find_comments"]

#: "Jane Doe says:" / "Max schreibt:" - the header of one reader comment
_SAYS_VERBS = "says|said|wrote|dice|dijo|écrit|a écrit|schreibt|sagt|disse|diz|scrive|пишет|говорит"
_SAYS = lazy_pattern(
    globals(),
    "_SAYS",
    r"[^\W\d_][\w .'’-]{0,48} (?:" + _SAYS_VERBS + r")\s*:?\Z",
    re.IGNORECASE,
)
_SAYS_WORDS = frozenset(_SAYS_VERBS.split("|"))
_SAYS_ENDINGS = (":", *(" " + w for w in _SAYS_WORDS), *(" " + w.capitalize() for w in _SAYS_WORDS))
#: the last character of each ending (a line's own last character, "" when blank, is looked up here)
_SAYS_LAST = frozenset(e[-1] for e in _SAYS_ENDINGS)
_LAST_CHAR = operator.itemgetter(slice(-1, None))
_COUNT = lazy_pattern(globals(), "_COUNT", r"\d{1,6}\Z")
#: a block header never counts in the first part of a document (share of its characters);
#: one without a closing line must be in the last part
_HEAD_SHARE = 0.15
_WIDGET = r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z"
_HEADER = r"[\W_]{0,3}(?:{m})\s*\Z"
_TAIL_SHARE = 0.4


def _is_line(pattern: LineMatcher, doc: Doc, i: int, limit: int) -> bool:
    return len(doc.lines[i]) <= limit and pattern.match_at(doc, i) is not None


def _matching(doc: Doc, pattern: LineMatcher, limit: int) -> list[int]:
    """The lines up to *limit* characters that *pattern* matches, in order (``_is_line`` over
    its candidates, in one comprehension)."""
    lines = doc.lines
    match_at = pattern.match_at
    return [i for i in pattern.candidates(doc) if len(lines[i]) <= limit and match_at(doc, i) is not None]


def _is_says(line: str) -> bool:
    return word_count(line) <= 6 and _SAYS.match(line) is not None


def _ending_says(lines: list[str], first: int = 0) -> list[int]:
    """Indices from *first* on of the lines ending like a comment header ("…says:"), in C-level loops."""
    # the last character first: it rules out most lines (prose ends with "." or a quote); a set
    # lookup of each line's last character ("" when blank), cheaper than endswith with a tuple
    ends = map(_SAYS_LAST.__contains__, map(_LAST_CHAR, itertools.islice(lines, first, None)))
    return [i for i in itertools.compress(itertools.count(first), ends) if lines[i].endswith(_SAYS_ENDINGS)]


def _says_lines(lines: list[str]) -> list[int]:
    """The "Name says:" lines, in order."""
    return [i for i in _ending_says(lines) if _is_says(lines[i])]


def _heads(doc: Doc, header: LineMatcher) -> list[int]:
    """The block header lines, wherever they are, in order."""
    lines = doc.lines
    return [i for i in _matching(doc, header, 400) if word_count(lines[i]) <= 40]


def _pick_lines(doc: Doc, extra: Extra, heads: list[int], says: list[int]) -> set[int]:
    widget = _matchers(extra)[0]
    lines = doc.lines
    n = len(lines)
    out: set[int] = set()
    for i in _matching(doc, widget, 400):
        out.add(i)
        j = next_nonblank(lines, i)
        if j < n and _COUNT.match(lines[j]):
            out.add(j)  # "Комментарии" / "224"
    if not heads and len(says) < 2:
        return out  # no block can start
    starts = doc.starts
    total = len(doc.text) or 1
    block_from = next((i for i in heads if i not in out and starts[i] >= _HEAD_SHARE * total), -1)
    if block_from < 0:
        first = bisect.bisect_left(starts, _TAIL_SHARE * total)  # lines in the last 60 %
        says_at = [i for i in says if i >= first]
        if len(says_at) < 2:
            return out
        block_from = says_at[0]
    end = line_matcher("comments_end", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")
    stop = -1
    for k in end.candidates(doc):
        if k > block_from and _is_line(end, doc, k, 200):
            stop = k + 1
            break
    if stop < 0:
        # an open block runs to the end: only a counted header ("10 thoughts on …") or a
        # header in the last part of the document may take everything after it
        counted = lines[block_from].lstrip("[( ")[:1].isdigit()
        if not counted and starts[block_from] < _TAIL_SHARE * total:
            return out
        stop = n
    out.update(range(block_from, stop))
    return out


def _pick(doc: Doc, extra: Extra) -> set[int]:
    header = _matchers(extra)[1]
    lines = doc.lines
    heads = _heads(doc, header)
    says = _says_lines(lines)
    out = _pick_lines(doc, extra, heads, says)
    if not out:
        if not heads and len(says) < 2:
            # no widget, no header, fewer than two "Name says:" lines: none in fewer lines either
            doc.clean.add((find_comments, extra))
        return out
    # once these lines go, a second round starts no block when no header line and fewer
    # than two "Name says:" lines are left (wherever they are: shares of the text shift)
    if any(i not in out for i in heads):
        return out
    if sum(1 for i in says if i not in out) >= 2:
        return out
    # every widget line is picked, and no header and fewer than two "says" lines are left:
    # nothing to find in the lines left nor in any part of them
    return Settled.marked(out, (find_comments, extra))


def find_comments(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop comment widgets (``Leave a Reply``, ``0 Comments``, ``You must log in to post a comment.``)
    and reader-comment blocks.

    A block starts at a header past the first 15 % of the document (``10 thoughts on “…”``,
    ``Top Rated Comments``, or two ``Name says:`` lines) and runs to its closing line
    (``Comments are closed.``, ``[ Read All Comments ]``, ``Leave a Reply``); without one it
    runs to the end, but then the header must be counted (``10 thoughts on``) or sit in the
    last 60 %.
    """
    doc = doc_for(text)
    token = (find_comments, extra)  # nothing found here, nor in any part of these lines
    if token in doc.clean:
        return []
    if not may_match(doc, _matchers(extra)) and not _ending_says(doc.lines):
        doc.clean.add(token)
        return []  # no widget, no block header, no "Name says:": nothing to start a pick from
    return drop_lines(text, _pick, extra, doc=doc)


@lru_cache(maxsize=16)
def _matchers(extra: Extra) -> tuple[LineMatcher, LineMatcher]:
    return line_matcher("comments", extra, _WIDGET), line_matcher("comments_block", extra, _HEADER)
