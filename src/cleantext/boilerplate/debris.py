"""``boilerplate.debris``: markup and metadata left by the scraper.

Lone timestamps and date lines (``2019-11-19T08:57:40+01:00``, ``Updated at 1:23 p.m.``,
``UPDATED: Tue., Nov. 19, 2019``), lone URLs, WordPress shortcodes
(``[button link=…]…[/button]``) and tag/category lines (``Tags: a, b, c``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..core import Edit
from .lines import Doc, Settled, doc_for, drop_lines, ends_sentence, next_nonblank, word_count
from .markers import (
    Extra,
    LineMatcher,
    WordSet,
    compile_category,
    lazy_pattern,
    line_matcher,
    may_match,
    word_set,
)

__all__ = ["find_debris"]

_LETTERS = lazy_pattern(globals(), "_LETTERS", r"[^\W\d_]+")
_DIGIT = lazy_pattern(globals(), "_DIGIT", r"\d")
_BY_TAIL = lazy_pattern(
    globals(), "_BY_TAIL", r",? (?:by|par|por|von|di) [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}\Z", re.IGNORECASE
)
#: what a line with a byline tail holds in lower case, unless it holds a Turkish "İ" or "ı"
#: (the only letters besides "i" and "I" that IGNORECASE matches to one of these)
_TAIL_STARTS = (" by ", " par ", " por ", " von ", " di ")
_ODD_I = ("\u0130", "\u0131")
#: a bare link with a path (a site name such as ``www.example.com`` alone may be content)
_URL = lazy_pattern(globals(), "_URL", r"https?://[^/\s]+/\S+\Z")
_ISO = lazy_pattern(
    globals(), "_ISO", r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\Z"
)
_YEAR = lazy_pattern(globals(), "_YEAR", r"\b(?:1[89]|20)\d\d\b")
_TIME = lazy_pattern(globals(), "_TIME", r"\b\d{1,2}[:.h]\d\d\b")
_SHORTCODE = lazy_pattern(
    globals(),
    "_SHORTCODE",
    r"\[/[a-z_]{2,30}\]"
    r"|\[[a-z_]{2,30}(?: [\w-]{1,30}=[^\]\n]{0,400})\]"
    r"|\[(?P<tag>[a-z_]{2,30})\](?=[^\n]{0,400}?\[/(?P=tag)\])",
)
_FIELD = lazy_pattern(globals(), "_FIELD", r"([^\W\d_]+(?: [^\W\d_]+)?) ?:")
_URL_KEYS = frozenset(("http", "https"))
#: the key of the lines starting with a digit in the line index
_DIGIT_KEY = "#"
_LIST = lazy_pattern(globals(), "_LIST", r"[^.!?]{1,60}(?:, [^.!?,]{1,60}){2,}\Z")


def _is_date_line(line: str, date_words: WordSet, key: str | None = None) -> bool:
    """A timestamp line: only date words and numbers, and a sign that it is page furniture.

    The sign: an ISO timestamp, a status word (``Updated``, ``기사입력``) outside brackets,
    a byline tail (``… by Jane Doe``), or a year together with a time.  A bare ``4:14 p.m.``
    or ``29 November 2018`` may be a subheading of the article and stays.

    *key*, when given, is the line's key in the line index, one of ``date_words.among`` the
    first words: ``#`` (the line starts with a digit, so it holds one), or a date word (the
    line's first word, so that word is a date word).
    """
    if len(line) > 100 or (key != _DIGIT_KEY and not _has_digit(line)):
        return False
    if _ISO.match(line):
        return True
    # the first word is never part of a byline tail (the tail starts after a space), and all the
    # words before the tail must be date words
    first = _LETTERS.search(line)
    if first is None or ((key is None or key == _DIGIT_KEY) and first.group() not in date_words):
        return False
    if " " not in line or (
        (line.isascii() or not any(map(line.__contains__, _ODD_I)))
        and not any(map(line.lower().__contains__, _TAIL_STARTS))
    ):
        # no byline tail: every word must be a date word, and the second one settles most lines
        second = _LETTERS.search(line, first.end())
        if second is not None and second.group() not in date_words:
            return False
        stripped = line
    else:
        stripped = _BY_TAIL.sub("", line)
    words = _LETTERS.findall(stripped)
    if not words or len(words) > 14 or not all(map(date_words.__contains__, words)):
        return False
    return (
        stripped != line
        or (line[0] not in "([" and _status().search(line) is not None)
        or (_YEAR.search(line) is not None and _TIME.search(line) is not None)
    )


def _meta_fields(line: str, meta: LineMatcher) -> int:
    """How many ``Label:`` fields of *line* carry a metadata label (``Tags:``, ``Posted by:``)."""
    count = 0
    for label in _FIELD.findall(line):
        if meta.match(label + ":") or meta.match(label.rpartition(" ")[2] + ":"):
            count += 1
    return count


@lru_cache(maxsize=32)
def _field_words(meta: LineMatcher) -> tuple[str, ...] | None:
    """The words one of which a line with a metadata field holds in lower case (``None``: unknown).

    A field label matches only under the first word of the label or of its last word
    (the matcher's keys), unless the matcher has fragments with no known first word.
    A final sigma may lower-case differently inside a line: no shortcut then.
    """
    if meta.always or meta.hints or any("σ" in k or "ς" in k for k in meta.keys):
        return None
    return tuple(sorted(meta.keys))


@lru_cache(maxsize=1)
def _status() -> re.Pattern[str]:
    return compile_category("date_status", (), r"(?<!\w)(?:{m})(?!\w)")


def _has_digit(text: str) -> bool:
    """``_DIGIT.search(text) is not None``, with C-level ``in`` tests first."""
    return any(map(text.__contains__, "0123456789")) or (
        not text.isascii() and _DIGIT.search(text) is not None
    )


@lru_cache(maxsize=16)
def _meta_alone(extra: Extra) -> LineMatcher:
    return line_matcher("meta", extra, r"[\W_]{0,2}(?:{m})\s*:?\Z")


@lru_cache(maxsize=16)
def _meta_field(extra: Extra) -> LineMatcher:
    return line_matcher("meta", extra, r"[\W_]{0,2}(?:{m})\s*:\s*\S")


def _colon_lines(doc: Doc) -> list[int]:
    """Indices of the lines with two colons or more, in order.

    From each colon to the next: two C-level finds per colon (the next colon, a newline between
    them), memchr scans with no copy of the text; a line with two goes, and the look goes on on
    the next line.
    """
    text = doc.text
    find = text.find
    out: list[int] = []
    pos = find(":")
    nxt = find(":", pos + 1) if pos >= 0 else -1
    while nxt >= 0:
        if find("\n", pos, nxt) >= 0:
            pos, nxt = nxt, find(":", nxt + 1)
            continue
        out.append(pos)  # two colons on the line of pos: on to the next line
        end = find("\n", nxt)
        pos = find(":", end + 1) if end >= 0 else -1
        nxt = find(":", pos + 1) if pos >= 0 else -1
    if not out:
        return out
    starts = doc.starts
    return [bisect.bisect_right(starts, at) - 1 for at in out]


def _nothing_to_do(doc: Doc, extra: Extra) -> bool:
    """True when no line can be a date, link, shortcode, tag or field line.

    Most pages hold a digit and get ``False`` at once; short texts of plain prose get ``True``.
    """
    text = doc.text
    if _has_digit(text) or "[" in text or doc.has_key(_URL_KEYS):
        return False
    return not ((":" in text and _colon_lines(doc)) or may_match(doc, (_meta_alone(extra),)))


def _pick(doc: Doc, extra: Extra) -> set[int]:
    """The lines to drop; every one is picked for its own text, or (a tag list) for the tag line
    before it, which goes too: a second round on the lines left would pick nothing."""
    lines = doc.lines
    text = doc.text
    n = len(lines)
    out: set[int] = set()
    if _has_digit(text):  # a date line holds a digit
        # it starts with a number or a date word ("Updated", "Tue.", "기사입력")
        date_words = word_set("date_words")
        for key in date_words.among(doc.first_words(), also=_DIGIT_KEY):
            for i in doc.rows(key):
                line = lines[i]
                if len(line) <= 100 and _is_date_line(line, date_words, key):
                    out.add(i)
    links = doc.with_keys(_URL_KEYS) if doc.has_key(_URL_KEYS) else set()
    if "[" in text:
        links |= doc.holding("[")
    for i in links:
        line = lines[i]
        if (line[0] == "h" and _URL.match(line)) or (
            line[0] == "["
            and len(line) <= 400
            and _SHORTCODE.match(line)
            and word_count(_SHORTCODE.sub(" ", line).strip()) <= 12
        ):
            out.add(i)
    meta_alone = _meta_alone(extra)
    for i in meta_alone.candidates(doc):
        line = lines[i]
        if i in out or len(line) > 400 or word_count(line) > 40:
            continue
        if meta_alone.match_at(doc, i):
            out.add(i)
            j = next_nonblank(lines, i)
            if j < n and not ends_sentence(lines[j]) and _LIST.match(lines[j]):
                out.add(j)  # "Tags" / "a, b, c"
        elif _meta_field(extra).match_at(doc, i) and not ends_sentence(line):
            out.add(i)
    if ":" in text:
        words = _field_words(meta_alone)
        for i in _colon_lines(doc):
            line = lines[i]
            if (
                len(line) <= 400
                and word_count(line) <= 40
                and (words is None or any(map(line.lower().__contains__, words)))
                and _meta_fields(line, meta_alone) >= 2
            ):
                out.add(i)  # "05/10/2018 - Posted by: X - Category: Y - Tags: z"
    return Settled(out)


def find_debris(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop timestamp, URL, shortcode and tag lines; cut shortcodes out of prose lines."""
    # every decision is about one line (a tag list only goes after a tag line that goes),
    # so nothing found stays nothing found when other rules drop lines
    doc = doc_for(text)
    token = (find_debris, extra)
    if token in doc.clean:
        return []
    if _nothing_to_do(doc, extra):
        doc.clean.add(token)
        return []
    edits = drop_lines(text, _pick, extra, doc=doc)
    if "[" in text:
        starts = [e[0] for e in edits]
        for m in _SHORTCODE.finditer(text, text.find("[")):  # every match starts with "["
            k = bisect.bisect_right(starts, m.start()) - 1
            if k < 0 or edits[k][1] <= m.start():  # not inside a dropped line
                edits.append((m.start(), m.end(), ""))
    if not edits:
        doc.clean.add(token)
    return edits
