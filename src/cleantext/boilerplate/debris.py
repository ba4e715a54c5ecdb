"""``boilerplate.debris``: markup and metadata left by the scraper.

Lone timestamps and date lines (``2019-11-19T08:57:40+01:00``, ``Updated at 1:23 p.m.``,
``UPDATED: Tue., Nov. 19, 2019``), lone URLs, WordPress shortcodes
(``[button link=…]…[/button]``) and tag/category lines (``Tags: a, b, c``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines, ends_sentence, next_nonblank, word_count
from .markers import compile_category

__all__ = ["find_debris"]

_LETTERS = re.compile(r"[^\W\d_]+")
_BY_TAIL = re.compile(r",? (?:by|par|por|von|di) [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}\Z", re.IGNORECASE)
#: a bare link with a path (a site name such as ``www.example.com`` alone may be content)
_URL = re.compile(r"https?://[^/\s]+/\S+\Z")
_ISO = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\Z")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d\d\b")
_SHORTCODE = re.compile(
    r"\[/[a-z_]{2,30}\]"
    r"|\[[a-z_]{2,30}(?: [\w-]{1,30}=[^\]\n]{0,400})\]"
    r"|\[(?P<tag>[a-z_]{2,30})\](?=[^\n]{0,400}?\[/(?P=tag)\])"
)
_LIST = re.compile(r"[^.!?]{1,60}(?:, [^.!?,]{1,60}){2,}\Z")


def _is_date_line(line: str, date_words: re.Pattern[str], status: re.Pattern[str]) -> bool:
    """A timestamp line: only date words and numbers, and a sign that it is page furniture.

    The sign: an ISO timestamp, a status word (``Updated``, ``기사입력``) outside brackets,
    a byline tail (``… by Jane Doe``), or a year together with a time.  A bare ``4:14 p.m.``
    or ``29 November 2018`` may be a subheading of the article and stays.
    """
    if len(line) > 100 or not any(c.isdigit() for c in line):
        return False
    if _ISO.match(line):
        return True
    stripped = _BY_TAIL.sub("", line)
    words = _LETTERS.findall(stripped)
    if not words or len(words) > 14 or not all(date_words.match(w) for w in words):
        return False
    return (
        stripped != line
        or (status.search(line) is not None and line[0] not in "([")
        or (_YEAR.search(line) is not None and _TIME.search(line) is not None)
    )


def _pick(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    date_words = compile_category("date_words", (), r"(?:{m})\Z")
    status = compile_category("date_status", (), r"(?<!\w)(?:{m})(?!\w)")
    meta_alone = compile_category("meta", extra, r"[\W_]{0,2}(?:{m})\s*:?\Z")
    meta_field = compile_category("meta", extra, r"[\W_]{0,2}(?:{m})\s*:\s*\S")
    meta_any = compile_category("meta", extra, r"(?:^|(?<=[\s|•·-]))(?:{m})\s*:")
    out: set[int] = set()
    n = len(lines)
    for i, line in enumerate(lines):
        if not line or len(line) > 400:
            continue
        if _is_date_line(line, date_words, status) or _URL.match(line):
            out.add(i)
            continue
        if line[0] == "[" and _SHORTCODE.match(line):
            if word_count(_SHORTCODE.sub(" ", line).strip()) <= 12:
                out.add(i)
            continue
        if word_count(line) > 40:
            continue
        if meta_alone.match(line):
            out.add(i)
            j = next_nonblank(lines, i)
            if j < n and not ends_sentence(lines[j]) and _LIST.match(lines[j]):
                out.add(j)  # "Tags" / "a, b, c"
        elif (meta_field.match(line) and not ends_sentence(line)) or len(meta_any.findall(line)) >= 2:
            out.add(i)
    return out


def find_debris(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop timestamp, URL, shortcode and tag lines; cut shortcodes out of prose lines."""
    edits = drop_lines(text, _pick, extra)
    if "[" in text:
        starts = [e[0] for e in edits]
        for m in _SHORTCODE.finditer(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k < 0 or edits[k][1] <= m.start():  # not inside a dropped line
                edits.append((m.start(), m.end(), ""))
    return edits
