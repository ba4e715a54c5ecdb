"""``boilerplate.author``: author boxes, tail bios, bylines and reporter contact lines."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..core import Edit
from .lines import Doc, doc_for, drop_lines, ends_sentence, is_headline, next_nonblank, word_count
from .markers import Extra, LineMatcher, compile_category, lazy_pattern, line_matcher, may_match

__all__ = ["find_author"]

_PARTICLES = (
    "de",
    "da",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "del",
    "bin",
    "al",
    "dos",
    "das",
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|" + "|".join(_PARTICLES) + ")"
_NAME = rf"[A-Z][\w'’.-]*(?: {_NAME_WORD}){{1,3}}"
#: "About Eleanor Blackburn" (a name: two to four capitalised words, no digits)
_ABOUT_NAME = lazy_pattern(
    globals(), "_ABOUT_NAME", rf"(?:About|Sobre|À propos de|Über|Об) (?P<name>{_NAME})\Z"
)
#: "Eric Song is IGN's deal curator …", "Jane Doe writes about …"
_BIO_START = lazy_pattern(
    globals(), "_BIO_START", rf"(?P<name>{_NAME}) (?:is|was|has been|covers|writes|reports|joined)\b"
)
#: what every _BIO_START match starts with: a capitalised word, then one or a particle
_TWO_NAMES = lazy_pattern(
    globals(), "_TWO_NAMES", r"[A-Z][\w'’.-]* (?:[A-Z]|(?:" + "|".join(_PARTICLES) + ") )"
)
_BYLINE = lazy_pattern(
    globals(), "_BYLINE", rf"(?:By|BY|Por|Par) {_NAME}(?:(?:,| and| &) {_NAME})*(?:,? [A-Z][\w ]{{0,40}})?\Z"
)
_CONTACT = lazy_pattern(
    globals(),
    "_CONTACT",
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://)?(?:www\.)?(?:twitter|x|instagram|facebook)\.com/\w+/?"
    r"|@\w{2,30})\Z"
    r"|(?:reach|contact|email|e-mail) (?:the (?:reporters?|writers?|authors?)|him|her|them|me)"
    r"(?: on twitter)? (?:at|on|via)\b.{0,200}\Z"
    r"|follow (?:the (?:reporters?|writers?|authors?)|him|her|them|me) "
    r"on (?:twitter|x|facebook|instagram|linkedin)\b.{0,120}\Z",
    re.IGNORECASE,
)
_PRONOUN = ("He ", "She ", "They ", "His ", "Her ")
_ABOUT_KEYS = frozenset(("about", "sobre", "à", "über", "об"))
_BY_KEYS = frozenset(("by", "por", "par"))
_CONTACT_KEYS = frozenset(("reach", "contact", "email", "e", "follow"))
_ALL_KEYS = _ABOUT_KEYS | _BY_KEYS | _CONTACT_KEYS
#: every _CONTACT match that starts with none of _CONTACT_KEYS holds one of these
_CONTACT_HINTS = ("@", ".com/")
_TAIL_LINES = 6
#: a bio line goes when at most three other lines follow it; bios are looked for in
#: the last dozen lines only
_BIO_TAIL = 3
_BIO_WINDOW = 12


def _starts_with_name(line: str, name: str) -> bool:
    return line.startswith(_PRONOUN) or any(
        line.startswith(part + " ") or line.startswith(part + "’") for part in name.split(" ")
    )


def _tail_start(lines: list[str], count: int) -> int:
    """Index of the *count*-th non-blank line from the end (0 if there are fewer)."""
    n = len(lines)
    if all(lines[-count:]):
        return max(n - count, 0)  # no blank line among the last *count*
    seen = 0
    for i in range(n - 1, -1, -1):
        if lines[i]:
            seen += 1
            if seen == count:
                return i
    return 0


@lru_cache(maxsize=16)
def _roles(extra: Extra) -> re.Pattern[str]:
    return compile_category("roles", extra, r".{0,60}?\b(?:{m})s?\b")


def _others_after(lines: list[str], chosen: set[int]) -> dict[int, int]:
    """For each index in *chosen*: the non-blank lines after it that are not in *chosen*."""
    out: dict[int, int] = {}
    if not chosen:
        return out
    count = 0
    for i in range(len(lines) - 1, min(chosen) - 1, -1):
        if i in chosen:
            out[i] = count
        elif lines[i]:
            count += 1
    return out


def _candidates(doc: Doc, box: LineMatcher, bios: set[int]) -> list[int]:
    """The lines any branch of :func:`_pick` can drop (a bio only when it is one of *bios*)."""
    found = set(box.candidates(doc))
    found |= doc.with_keys(_ALL_KEYS)
    found |= doc.containing(_CONTACT_HINTS)
    found |= bios
    return sorted(found)


@lru_cache(maxsize=16)
def _first_keys(extra: Extra) -> tuple[frozenset[str], bool]:
    """The first words every pick but a bio or contact hint starts from (the box's, _ALL_KEYS),
    and whether the box also has hints or matches any line (then ask may_match)."""
    box = _box(extra)
    return box.keys | _ALL_KEYS, box.always or bool(box.hints)


@lru_cache(maxsize=16)
def _box(extra: Extra) -> LineMatcher:
    return line_matcher("author_box", extra, r"[\W_]{0,3}(?:{m})[\W_]{0,3}\Z")


def _bios(lines: list[str], extra: Extra, first: int = -1, stop: int | None = None) -> set[int]:
    """The bio lines (``<Name> is a staff writer …``) from *first* to *stop*, by default among
    the last dozen lines."""
    if first < 0:
        first = _tail_start(lines, _BIO_WINDOW)
    # the two capitalised first words (or a particle second) that every _BIO_START match
    # starts with: tried on every line in one C-level loop
    named = map(_TWO_NAMES.match, itertools.islice(lines, first, stop))
    out: set[int] = set()
    for i in itertools.compress(itertools.count(first), named):
        line = lines[i]
        m = _BIO_START.match(line)
        if m is not None and word_count(line) <= 60 and _roles(extra).match(line, m.end()) is not None:
            out.add(i)
    return out


def _pick(doc: Doc, extra: Extra) -> set[int]:
    box = _box(extra)
    lines = doc.lines
    about = {
        i for i in doc.with_keys(_ABOUT_KEYS) if word_count(lines[i]) <= 6 and _ABOUT_NAME.match(lines[i])
    }
    first = _tail_start(lines, _BIO_WINDOW)
    bios = _bios(lines, extra, first)
    # how many other lines follow each About line / bio (those lines themselves not counted,
    # so that dropping some never qualifies others)
    about_after = _others_after(lines, about)
    bio_after = _others_after(lines, bios)
    n = len(lines)
    out: set[int] = set()
    for i in _candidates(doc, box, bios):
        line = lines[i]
        if not line or len(line) > 400 or i in out:
            continue
        words = word_count(line)
        key = doc.key(i)
        if words <= 8 and box.match_at(doc, i):
            out.add(i)
            j = next_nonblank(lines, i)
            while j < n and word_count(lines[j]) <= 5 and is_headline(lines[j]):
                out.add(j)  # the name under "About the author"
                j = next_nonblank(lines, j)
            if j < n and word_count(lines[j]) <= 100:
                out.add(j)
            continue
        m = _ABOUT_NAME.match(line) if i in about else None
        if m:
            j = next_nonblank(lines, i)
            bio = j < n and _starts_with_name(lines[j], m.group("name")) and word_count(lines[j]) <= 100
            if bio:
                out.update((i, j))
            elif about_after[i] <= _TAIL_LINES:
                out.add(i)
            continue
        if i in bios:
            if bio_after[i] <= _BIO_TAIL:
                out.add(i)
            continue
        if _is_byline(line, key, words) or _is_contact(line, key, words):
            out.add(i)
    if not out and not about and not bios and not _bios(lines, extra, 0, first):
        # no About line, no bio anywhere, no line matched by its own text: none in fewer lines either
        doc.clean.add((find_author, extra))
    return out


def _is_byline(line: str, key: str | None, words: int) -> bool:
    """A byline (``By Jane Doe``): *key* is the line's first word, *words* its word count."""
    return key in _BY_KEYS and words <= 12 and not ends_sentence(line) and _BYLINE.match(line) is not None


def _is_contact(line: str, key: str | None, words: int) -> bool:
    """A reporter's contact line (``Contact: jane@example.com``)."""
    # every _CONTACT match holds "@" or "/" or starts with one of _CONTACT_KEYS
    may = "@" in line or "/" in line or key in _CONTACT_KEYS
    return words <= 40 and may and _CONTACT.match(line) is not None


def _own_text_pick(doc: Doc, extra: Extra) -> bool:
    """Whether a first round of :func:`_pick` may drop a line for its own text: a box head, an
    ``About <Name>`` line, a byline or a contact line (its branches but bios, on its candidates).

    Cheap tests first: without a box hint, a line starting with one of the keys, an "@" or a
    ".com/" (as ``doc.containing(_CONTACT_HINTS)``; "/" first, one memchr scan), no line is
    a candidate.
    """
    keys, box_hinted = _first_keys(extra)
    text = doc.text
    if (
        not (box_hinted and may_match(doc, (_box(extra),)))
        and not doc.has_key(keys)
        and "@" not in text
        and not ("/" in text and doc.holds(".com/"))
    ):
        return False
    box = _box(extra)
    lines = doc.lines
    for i in _candidates(doc, box, set()):
        line = lines[i]
        if not line or len(line) > 400:
            continue
        words = word_count(line)
        key = doc.key(i)
        if (
            (words <= 8 and box.match_at(doc, i))
            or (key in _ABOUT_KEYS and words <= 6 and _ABOUT_NAME.match(line))
            or _is_byline(line, key, words)
            or _is_contact(line, key, words)
        ):
            return True
    return False


def find_author(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop author boxes and bios: ``About the Author`` with the bio after it, ``About <Name>``
    at the tail or before a bio, a ``<Name> is a staff writer …`` line among the last four,
    ``By <Name>`` bylines and reporter contact lines (``jane@example.com``).

    ``About 30,000 soldiers took part`` and ``This book is about Martin Keller`` stay.
    """
    doc = doc_for(text)
    token = (find_author, extra)  # nothing found here, nor in any part of these lines
    if token in doc.clean:
        return []
    # a first round picks nothing unless a line goes for its own text or a bio stands among the
    # last _BIO_TAIL + 1 non-blank lines: the last bio of the window has no other bio after it,
    # so every line after it counts, and each earlier bio has at least as many lines after it
    # (see _pick and _others_after).  The text is not marked clean here: proving that no bio
    # stands anywhere (one that would come into the last lines when lines go) costs a look at
    # every line of every text, more than the calls of later passes that the mark would save
    if not _own_text_pick(doc, extra) and not _bios(doc.lines, extra, _tail_start(doc.lines, _BIO_TAIL + 1)):
        return []
    return drop_lines(text, _pick, extra, doc=doc)
