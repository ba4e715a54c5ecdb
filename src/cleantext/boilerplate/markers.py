"""Marker data: the per-language JSON files under ``cleantext/data/markers``.

Each file maps a *category* (``related``, ``promo``, ``share`` ...) to regular-expression
fragments.  Categories are merged over all languages, user markers from
``Config.extra_markers`` are added as escaped literals, and each category is compiled
once into one case-insensitive alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from .lines import Doc

__all__ = [
    "CATEGORIES",
    "LANGUAGES",
    "Extra",
    "LineMatcher",
    "case_apart",
    "categories_matcher",
    "compile_categories",
    "compile_category",
    "extra_for",
    "fragments",
    "lazy_pattern",
    "line_key",
    "line_matcher",
    "literal_hint",
    "may_match",
    "own",
    "search_hints",
    "word_set",
]

#: user markers: ``(category, marker)`` pairs, as in ``Config.extra_markers``
Extra = tuple[tuple[str, str], ...]

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ru", "ko")

#: every category a data file or a user marker may use
CATEGORIES = (
    "related",
    "promo",
    "promo_head",
    "promo_body",
    "share",
    "share_suffix",
    "ads",
    "copyright",
    "comments_block",
    "comments_end",
    "comments",
    "author_box",
    "roles",
    "credits",
    "credit_words",
    "captions",
    "caption_start",
    "caption_glued",
    "meta",
    "date_words",
    "date_status",
)


class _LazyPattern:
    """A module-level pattern compiled on first use, which then puts itself in its module."""

    def __init__(self, namespace: dict[str, Any], name: str, pattern: str, flags: int) -> None:
        self._where = (namespace, name, pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, attr: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            namespace, name, pattern, flags = self._where
            compiled = self._compiled = namespace[name] = re.compile(pattern, flags)
        return getattr(compiled, attr)


def lazy_pattern(namespace: dict[str, Any], name: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, deferred until the module global *name* is first used.

    Keeps start-up cheap: a module's patterns are compiled only by the rules that reach
    them.  The first use replaces the stand-in in *namespace* with the compiled pattern.
    """
    return cast("re.Pattern[str]", _LazyPattern(namespace, name, pattern, flags))


@lru_cache(maxsize=1)
def _data() -> dict[str, tuple[str, ...]]:
    from .._resources import read_json  # loaded on first use, not at import time

    merged: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for lang in LANGUAGES:
        table = read_json("markers", f"{lang}.json")
        for category, items in table.items():
            if category not in merged:
                raise ValueError(f"markers/{lang}.json: unknown category {category!r}")
            merged[category].extend(items)
    return {c: tuple(dict.fromkeys(items)) for c, items in merged.items()}


def fragments(category: str) -> tuple[str, ...]:
    """The built-in regex fragments of *category*, all languages merged."""
    return _data()[category]


def extra_for(extra_markers: tuple[tuple[str, str], ...], category: str) -> tuple[str, ...]:
    """The user markers of *category* (literal text), checking every category name.

    >>> extra_for((("related", "Lies auch"),), "related")
    ('Lies auch',)
    """
    for cat, _marker in extra_markers:
        if cat not in CATEGORIES:
            raise ValueError(f"unknown marker category {cat!r}; expected one of {', '.join(CATEGORIES)}")
    return tuple(m for cat, m in extra_markers if cat == category and m.strip())


def own(extra: Extra, category: str) -> list[str]:
    """The user markers of *category*, escaped as regex fragments."""
    return [re.escape(marker.strip()) for cat, marker in extra if cat == category and marker.strip()]


def _alternation(category: str, extra: Extra) -> str:
    parts = list(fragments(category)) + own(extra, category)
    # longest first, so that "read more" wins over "read" in a whole-line match
    parts.sort(key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def _alternations(categories: tuple[str, ...], extra: Extra) -> str:
    """The markers of all *categories*: their alternations, one after another."""
    return "|".join(_alternation(category, extra) for category in categories)


@lru_cache(maxsize=256)
def compile_category(category: str, extra: Extra, template: str) -> re.Pattern[str]:
    """Compile ``template`` with ``{m}`` replaced by the alternation of *category*.

    >>> bool(compile_category("related", (), r"(?:{m})\\Z").match("Read also"))
    True
    """
    return re.compile(template.replace("{m}", _alternation(category, extra)), re.IGNORECASE)


def compile_categories(categories: tuple[str, ...], extra: Extra, template: str) -> re.Pattern[str]:
    """:func:`compile_category` with ``{m}`` standing for the markers of all *categories*.

    >>> bool(compile_categories(("related", "ads"), (), r"(?:{m})\\Z").match("Advertisement"))
    True
    """
    return re.compile(template.replace("{m}", _alternations(categories, extra)), re.IGNORECASE)


class WordSet:
    """Membership in a word-list category (``date_words``): a set for plain words, a regex for the rest."""

    def __init__(self, category: str, extra: Extra) -> None:
        plain: set[str] = set()
        rest: list[str] = []
        for frag in list(fragments(category)) + own(extra, category):
            if frag.replace(" ", "").isalpha():
                plain.add(frag.lower())
            elif frag.endswith("?") and frag[:-1].isalpha() and len(frag) > 2:
                plain.update((frag[:-1].lower(), frag[:-2].lower()))  # "hours?"
            else:
                rest.append(frag)
        self._plain = frozenset(plain)
        self._rest_source = "(?:" + "|".join(rest) + r")\Z" if rest else None
        self._rest_pattern: re.Pattern[str] | None = None  # compiled when a word first needs it
        # the first letters the other fragments can start with (None: any)
        firsts = {frag[:1].lower() for frag in rest}
        self._rest_firsts = None if any(not c.isalpha() for c in firsts) else frozenset(firsts)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word.lower() in self._plain or self._rest_match(word)

    @property
    def _rest(self) -> re.Pattern[str] | None:
        if self._rest_pattern is None and self._rest_source is not None:
            self._rest_pattern = re.compile(self._rest_source, re.IGNORECASE)
        return self._rest_pattern

    def _rest_match(self, word: str) -> bool:
        if self._rest_source is None or (
            self._rest_firsts is not None and word[:1].lower() not in self._rest_firsts
        ):
            return False
        rest = self._rest
        return rest is not None and rest.match(word) is not None

    def among(self, words: set[str], also: str = "") -> set[str]:
        """The members of *words* (lower case), plus *also* when it is one of them."""
        found = set(self._plain.intersection(words))
        if self._rest_source is not None:
            rest = words - found
            firsts = self._rest_firsts
            joined = "\n" + "\n".join(rest)
            # only words starting with a letter a regex fragment starts with (one C scan each)
            if firsts is None or any("\n" + f in joined for f in firsts):
                found.update(w for w in rest if self._rest_match(w))
        if also and also in words:
            found.add(also)
        return found


@lru_cache(maxsize=16)
def word_set(category: str, extra: Extra = ()) -> WordSet:
    """The words of a word-list category (``date_words``).

    >>> "Nov" in word_set("date_words"), "hours" in word_set("date_words"), "Russia" in word_set("date_words")
    (True, True, False)
    """
    return WordSet(category, extra)


# ----------------------------------------------------------------------------- fast line matching
#: the first word of a line after leading punctuation, or a digit
_LEAD_WORD = lazy_pattern(globals(), "_LEAD_WORD", r"[\W_]*(?:(\d)|([^\W\d_]+))")
_DIGIT_KEY = "#"
#: punctuation that may open a line before its first word (all of it \\W)
LEAD_JUNK = " \t!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~“”‘’«»„…–—•·►▶"
_TERMINATORS = frozenset(" :,.!;/'’-)|")
#: the lower-case characters that ``re.IGNORECASE`` matches with a character of another lower
#: case ("ſ" and "s", "ı" and "i", "ς" and "σ", "µ" and "μ", "ᲀ" and "в" ...), and the dot above
#: that the lower case of "İ" ends in (the pattern "i" matches "İ"); a test checks this set
#: against the case tables of the running Python
_CASE_APART = frozenset(
    "\u00b5\u0131\u017f\u0307\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
    "\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe\u1fd3\u1fe3"
    "\ufb05\ufb06"
)


def case_apart(low: str) -> bool:
    """Whether *low* (a text in lower case) holds a character whose case ``re.IGNORECASE``
    folds with another lower case: there a first word may start a match of a fragment filed
    under another word ("ſee also" matches ``see also``, its first word is "ſee").

    >>> case_apart("see also"), case_apart("ſee also"), case_apart("İn".lower()), case_apart("читайте")
    (False, True, True, False)
    """
    return not low.isascii() and not _CASE_APART.isdisjoint(low)


def line_key(line: str) -> str | None:
    """The key a line is indexed by: its first word in lower case, ``#`` for a digit.

    >>> line_key("READ MORE: x"), line_key("[10 thoughts"), line_key("…")
    ('read', '#', None)
    """
    head = line.lstrip(LEAD_JUNK)[:48].split(" ", 1)[0]
    if len(head) < 48 and head.isalpha():
        return head.lower()  # the common case, without a regex
    m = _LEAD_WORD.match(line)
    if m is None:
        return None
    return _DIGIT_KEY if m.group(1) else m.group(2).lower()


def _outside_classes(regex: str, start: int = 0) -> Iterator[tuple[int, str]]:
    r"""Each character of *regex* from *start* that is neither escaped nor inside a ``[...]``
    class, with its index; stops at a class that is never closed.

    >>> "".join(c for _, c in _outside_classes(r"a\(b[)(]c)"))
    'abc)'
    """
    k, n = start, len(regex)
    while k < n:
        c = regex[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            close = regex.find("]", k + 2)
            if close < 0:
                return
            k = close + 1
            continue
        yield k, c
        k += 1


def _group_end(frag: str, i: int) -> int:
    """Index just past the ``)`` closing the group opened at ``frag[i]``, or -1."""
    depth = 0
    for k, c in _outside_classes(frag, i):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k + 1
    return -1


def _depth(prefix: str) -> int:
    """How many groups are open at the end of *prefix* (a regex)."""
    return sum((c == "(") - (c == ")") for _, c in _outside_classes(prefix))


def _split_alternatives(body: str) -> list[str]:
    """The top-level ``|`` alternatives of *body* (a regex)."""
    parts, depth, start = [], 0, 0
    for k, c in _outside_classes(body):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(body[start:k])
            start = k + 1
    parts.append(body[start:])
    return parts


def _first_words(frag: str, after: str = "") -> set[str] | None:
    """The lower-case first words a fragment can match at a line start; ``None`` if unknown.

    >>> sorted(_first_words("(?:get|download) (?:the|our) app"))
    ['download', 'get']
    >>> sorted(_first_words("comments?")), _first_words("relacionad[oa]s"), _first_words(".{1,9} x")
    (['comment', 'comments'], None, None)
    """
    if not after and frag[:1].isalpha():
        head, space, rest = frag.partition(" ")
        if head.isalpha() and (not space or rest[:1] not in ("?", "*", "+", "{")):
            return {head.lower()}  # a plain first word ("about the writer", "read more .{1,60}")
    i = 0
    while i < len(frag):  # skip escaped punctuation and optional spaces before the word
        if frag[i] == "\\" and i + 1 < len(frag) and not frag[i + 1].isalnum():
            i += 2
        elif frag[i] == " " or (frag[i] == "?" and i > 0):
            i += 1
        else:
            break
    rest = frag[i:]
    if rest.startswith("\\d"):
        return {_DIGIT_KEY}
    if rest.startswith("(?:"):
        end = _group_end(rest, 0)
        if end < 0 or rest[end : end + 1] in ("?", "*", "{"):
            return None
        words: set[str] = set()
        for alt in _split_alternatives(rest[3 : end - 1]):
            sub = _first_words(alt, rest[end:] + after)
            if sub is None:
                return None
            words |= sub
        return words
    k = 0
    while k < len(rest) and rest[k].isalpha():
        k += 1
    if k == 0:
        return None
    word = rest[:k].lower()
    tail = rest[k:] or after
    nxt = tail[:1]
    if nxt == "?":
        follow = tail[1:2]
        if follow and follow not in _TERMINATORS and follow != "\\":
            return None
        return {word, word[:-1]} if len(word) > 1 else None
    if nxt in ("'", "’") and tail[1:2] == "?":
        # "don'?t": the line's first word is "don" (before the apostrophe) or "dont"
        m = 2
        while m < len(tail) and tail[m].isalpha():
            m += 1
        return {word, word + tail[2:m].lower()}
    if tail.startswith("(?:"):
        # "recommended(?: for you| stories)?": every alternative starts a new word
        end = _group_end(tail, 0)
        alts = _split_alternatives(tail[3 : end - 1]) if end > 0 else []
        if alts and all(alt[:1] in _TERMINATORS or alt.startswith("\\s") for alt in alts):
            return {word}
        return None
    if nxt == "[":
        close = tail.find("]", 2)
        members = tail[1:close] if close > 0 else "x"
        # "subscribe[!.]?": a class of punctuation ends the word like ":" does
        return {word} if not any(c.isalnum() for c in members.replace("\\s", "")) else None
    if (
        nxt == ""
        or nxt in _TERMINATORS
        or (nxt == "\\" and tail[1:2] in ("b", "s", "W", "Z", ".", "?", "(", ")"))
    ):
        if tail[1:2] in ("?", "*") and nxt != "\\" and tail[2:3].isalpha():
            return None  # "e-?mail": the word may run on
        return {word}
    return None


def _skip_quantifier(frag: str, k: int) -> int:
    if frag[k : k + 1] in ("?", "*", "+"):
        k += 1
    elif frag[k : k + 1] == "{":
        close = frag.find("}", k)
        k = len(frag) if close < 0 else close + 1
    else:
        return k
    return k + 1 if frag[k : k + 1] == "?" else k


def _mandatory_runs(frag: str) -> list[str] | None:
    """The plain-text runs every match of a fragment contains; ``None`` if it has a top-level ``|``.

    >>> _mandatory_runs(r".{1,300} contributed (?:reporting|to this report)[.]?")
    [' contributed ']
    >>> _mandatory_runs("photos? ©")
    ['photo', ' ©']
    """
    runs: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        if cur:
            runs.append("".join(cur))
            cur.clear()

    k = 0
    while k < len(frag):
        c = frag[k]
        if c == "|":
            return None
        if c in "([":
            end = _group_end(frag, k) if c == "(" else frag.find("]", k + 2) + 1
            if end <= 0:
                return None
            flush()
            k = _skip_quantifier(frag, end)
            continue
        if c in ".^$" or (c == "\\" and frag[k + 1 : k + 2].isalnum()):
            flush()
            k = _skip_quantifier(frag, k + (2 if c == "\\" else 1))
            continue
        ch = frag[k + 1 : k + 2] if c == "\\" else c
        k += 2 if c == "\\" else 1
        q = frag[k : k + 1]
        if q in ("?", "*", "{"):
            flush()
            k = _skip_quantifier(frag, k)
            continue
        cur.append(ch)
        if q == "+":
            flush()
            k = _skip_quantifier(frag, k)
    flush()
    return runs


def literal_hint(frag: str, min_len: int = 4) -> str | None:
    """The longest plain-text run every match of *frag* contains, in lower case, or ``None``."""
    runs = _mandatory_runs(frag)
    if not runs:
        return None
    best = max(runs, key=len)
    return best.lower() if len(best.strip()) >= min_len else None


#: first words that start a line of prose too often to file a fragment under: a fragment that
#: starts only with these and holds a long literal run ("the personal data will …") is found
#: through that run instead (lines starting with "The" are not tried against it)
_COMMON_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "i",
        "in",
        "on",
        "to",
        "for",
        "of",
        "and",
        "you",
        "your",
        "we",
        "it",
        "this",
        "that",
        "what",
        "there",
        "if",
        "is",
        "no",
        "my",
        "our",
    }
)


def _long_hint(frag: str) -> bool:
    hint = literal_hint(frag)
    return hint is not None and len(hint.strip()) >= 10


class _KeyTable:
    """The fragments of some categories filed by the first word they can start with.

    The *loose* fragments are tried on lines of any first word: those whose first word is
    unknown (:attr:`anywhere`), and those that start only with common words ("in case you
    missed it"), which are found through their literal text instead of their first word
    (:attr:`common`: by first word, so that a line starting with "Share" is not tried with
    them).
    """

    def __init__(self, categories: tuple[str, ...], extra: Extra) -> None:
        self.by_key: dict[str, list[str]] = {}
        self.loose: list[str] = []
        self.anywhere: list[str] = []
        self.common: dict[str, list[str]] = {}
        hints: list[str] = []
        self.always = False
        frags = [frag for category in categories for frag in (*fragments(category), *own(extra, category))]
        #: whether a fragment may be filed under a word other than the one a line starts with
        self.case_apart = any(case_apart(frag.lower()) for frag in frags)
        for frag in frags:
            words = _first_words(frag)
            if words is not None and not (words <= _COMMON_WORDS and _long_hint(frag)):
                for word in words:
                    self.by_key.setdefault(word, []).append(frag)
                continue
            self.loose.append(frag)
            if words is None:
                self.anywhere.append(frag)
            else:
                for word in words:
                    self.common.setdefault(word, []).append(frag)
            hint = literal_hint(frag)
            if hint is None:
                self.always = True
            else:
                hints.append(hint)
        # a plural first word ("Photos:") is looked up under its singular too
        for table in (self.by_key, self.common):
            for word in list(table):
                table.setdefault(word + "s", []).extend(table[word])
        self.keys = frozenset(self.by_key)
        self.hints = minimal_hints(hints)

    def loose_for(self, key: str) -> list[str]:
        """The loose fragments a line whose first word is *key* may start with: those of an
        unknown first word and the common-word ones of *key*; all of them when the key holds a
        character whose case ``re`` folds with another lower case (a line starting with
        "İn" may start "in case you missed it")."""
        if case_apart(key):
            return self.loose
        return self.anywhere + self.common.get(key, [])


@lru_cache(maxsize=64)
def _key_table(categories: tuple[str, ...], extra: Extra) -> _KeyTable:
    return _KeyTable(categories, extra)


class LineMatcher:
    """``pattern.match(line)`` for a pattern with ``{m}`` at the start, made cheap.

    Fragments are grouped by the first word they can start with (:func:`line_key`):
    a line is only tried against the few fragments of its own first word, plus the
    loose fragments it may start with (:meth:`_KeyTable.loose_for`; a line whose first
    word no fragment is filed under, with all of them).  :meth:`candidates` lists the
    lines worth trying: those starting with a known first word, and those containing the
    literal text of an unkeyed fragment.  Results are those of the plain pattern (on a
    line that :meth:`follows_case`).
    """

    def __init__(self, categories: tuple[str, ...], extra: Extra, template: str) -> None:
        self.template = template
        self._categories = (categories, extra)
        table = _key_table(categories, extra)
        self._table = table
        self._by_key = table.by_key
        self._loose = table.loose
        self.always = table.always
        self.keys = table.keys
        self.hints = table.hints
        self._compiled: dict[str | None, _Keyed | None] = {}

    def _entry(self, key: str | None) -> _Keyed | None:
        """What lines starting with *key* are tried with (``None``: nothing can match them)."""
        if key not in self._by_key:
            key = None  # a word no fragment starts with: the loose fragments only (cached once)
        try:
            return self._compiled[key]
        except KeyError:
            pass
        frags = self._by_key[key] + self._table.loose_for(key) if key is not None else self._loose
        entry = None
        if frags:
            unique = sorted(set(frags), key=len, reverse=True)
            entry = _Keyed("(?:" + "|".join(unique) + ")", _longest_match(unique, self.template))
        self._compiled[key] = entry
        return entry

    def _match(self, entry: _Keyed, line: str) -> re.Match[str] | None:
        if len(line) > entry.width:
            return None  # a whole-line pattern cannot match a line longer than its longest match
        pattern = entry.pattern
        if pattern is None:  # compiled when a line first gets this far
            # the first {m} is where the line's first word is; a later {m} ("Facebook Twitter")
            # may be any marker of the category
            source = self.template.replace("{m}", entry.first, 1)
            if "{m}" in source:
                source = source.replace("{m}", _alternations(*self._categories))
            pattern = entry.pattern = re.compile(source, re.IGNORECASE)
        return pattern.match(line)

    def candidates(self, doc: Doc) -> Iterable[int]:
        """Indices of the lines of *doc* that may match, in order."""
        if self.always:
            return [i for i, line in enumerate(doc.lines) if line]
        if not doc.has_key(self.keys):
            if not self.hints:
                return ()
            hinted = doc.containing(self.hints)
            return sorted(hinted) if hinted else ()
        found = doc.with_keys(self.keys)
        if self.hints:
            found |= doc.containing(self.hints)
        return sorted(found)

    def follows_case(self, line: str) -> bool:
        """Whether :meth:`match` answers on *line* exactly as the plain pattern does: always,
        unless the line or a fragment holds a character whose case ``re.IGNORECASE`` folds with
        another lower case (:func:`case_apart`), which can make a line start with a fragment
        filed under another first word.  (The rules take the filing as it is; a caller that
        stands for one plain pattern asks this first.)"""
        return not self._table.case_apart and not case_apart(line.lower())

    def match(self, line: str) -> re.Match[str] | None:
        """``pattern.match(line)``."""
        entry = self._entry(line_key(line))
        return None if entry is None else self._match(entry, line)

    def match_at(self, doc: Doc, i: int) -> re.Match[str] | None:
        """``pattern.match(doc.lines[i])``, with the line's key from the document's index."""
        key = doc.key(i)
        entry = self._compiled.get(key if key in self._by_key else None, _NOT_BUILT)
        if entry is _NOT_BUILT:
            entry = self._entry(key)
        if entry is None:
            return None
        line = doc.lines[i]
        if len(line) > entry.width:
            return None  # as in _match, which also compiles the pattern the first time
        pattern = entry.pattern
        return self._match(entry, line) if pattern is None else pattern.match(line)


class _Keyed:
    """The fragments of one first word: their alternation, the longest line they can match,
    and the pattern, compiled when a line short enough first comes."""

    __slots__ = ("first", "pattern", "width")

    def __init__(self, first: str, width: int) -> None:
        self.first = first
        self.width = width
        self.pattern: re.Pattern[str] | None = None


#: stands for "no entry built yet" for a key (an entry of None means "nothing can match")
_NOT_BUILT = _Keyed("", 0)


_UNBOUNDED = 1 << 62


def _longest_match(frags: Iterable[str], template: str) -> int:
    """The length of the longest line *template* (a whole-line pattern, ``…\\Z``) can match with
    its one ``{m}`` replaced by the alternation of *frags*, else a huge number.

    The template's width is parsed once, and each fragment once (:func:`_widest`): the widest
    match of an alternation is that of its widest alternative.
    """
    rest = _template_width(template)
    if rest >= _UNBOUNDED:
        return _UNBOUNDED
    widest = max(map(_widest, frags))
    return rest + widest if widest < sre_parser().MAXREPEAT else _UNBOUNDED


@lru_cache(maxsize=4096)
def _widest(frag: str) -> int:
    """The length of the longest match of the fragment *frag* (``MAXREPEAT``: unbounded); case
    does not change a width."""
    width: int = sre_parser().parse(frag).getwidth()[1]
    return width


@lru_cache(maxsize=64)
def _template_width(template: str) -> int:
    """The widest match of *template* with ``{m}`` matching nothing, or ``_UNBOUNDED`` when the
    widths do not add up (not a whole-line pattern, a top-level ``|``, ``{m}`` repeated)."""
    at = template.find("(?:{m})")
    if (
        not template.endswith("\\Z")
        or template.count("{m}") != 1
        or at < 0
        or template[at + 7 : at + 8] in ("?", "*", "+", "{")
        or len(_split_alternatives(template)) != 1
        or _depth(template[:at]) != 0  # inside a group that may repeat
    ):
        return _UNBOUNDED
    parser = sre_parser()
    widest: int = parser.parse(template.replace("{m}", "")).getwidth()[1]
    return widest if widest < parser.MAXREPEAT else _UNBOUNDED


@lru_cache(maxsize=1)
def sre_parser() -> Any:
    """The regex parser of the standard library (``re._parser``; ``sre_parse`` before 3.11)."""
    import importlib

    try:
        return importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")


def may_match(doc: Doc, matchers: tuple[LineMatcher, ...]) -> bool:
    """False only when none of *matchers* has a candidate line in *doc* (a cheap first test)."""
    union = _union(matchers)
    if union is None:
        return True
    keys, hints = union
    return doc.has_key(keys) or bool(hints and doc.containing(hints))


@lru_cache(maxsize=64)
def _union(matchers: tuple[LineMatcher, ...]) -> tuple[frozenset[str], tuple[str, ...]] | None:
    if any(m.always for m in matchers):
        return None
    return frozenset().union(*(m.keys for m in matchers)), minimal_hints(h for m in matchers for h in m.hints)


@lru_cache(maxsize=256)
def line_matcher(category: str, extra: Extra, template: str) -> LineMatcher:
    """A cached :class:`LineMatcher` for *category* with ``{m}`` at the line start of *template*."""
    return LineMatcher((category,), extra, template)


@lru_cache(maxsize=16)
def categories_matcher(categories: tuple[str, ...], extra: Extra, template: str) -> LineMatcher:
    """:func:`line_matcher` for the markers of all *categories* (``{m}`` as in
    :func:`compile_categories`): a line is tried only with the fragments of its first word,
    so no one pattern of every marker is compiled (that one takes 20-30 ms).

    >>> bool(categories_matcher(("related", "ads"), (), r"(?:{m})\\Z").match("Advertisement"))
    True
    """
    return LineMatcher(categories, extra, template)


@lru_cache(maxsize=64)
def search_hints(category: str, extra: Extra, min_len: int = 1) -> tuple[str, ...] | None:
    """Lower-case texts one of which any *search* match of *category* contains; ``None``: no such set."""
    hints: list[str] = []
    for frag in list(fragments(category)) + own(extra, category):
        hint = literal_hint(frag, min_len)
        if hint is None:
            return None
        lead = _leading_words(frag) if len(hint.strip()) < 4 else None
        # a short common literal (" by ") finds far more lines than the words a match starts with
        hints.extend(lead or (hint,))
    return minimal_hints(hints)


def minimal_hints(hints: Iterable[str]) -> tuple[str, ...]:
    """Drop every hint that contains another one (a line holding it holds the shorter one too).

    >>> minimal_hints(["photo credit", "photo", "(from ", "("])
    ('(', 'photo')
    """
    unique = sorted(set(hints), key=len)
    kept: list[str] = []
    for hint in unique:
        if not any(k in hint for k in kept):
            kept.append(hint)
    return tuple(kept)


class HintedSearch:
    """``pattern.search(line)`` for the fragments of a category, tried only where they can match.

    Each fragment is filed under the literal text every match of it contains
    (:func:`literal_hint`); a line is searched only with the fragments whose text it holds.
    """

    def __init__(self, category: str, extra: Extra, min_len: int = 1) -> None:
        groups: dict[str, list[str]] = {}
        self._always: list[str] = []
        for frag in list(fragments(category)) + own(extra, category):
            hint = literal_hint(frag, min_len)
            if hint is None:
                self._always.append(frag)
            else:
                groups.setdefault(hint, []).append(frag)
        self.hints = minimal_hints(groups) if not self._always else None
        # a group is tried only when the line also holds one of the words its fragments start with
        self._groups = [(hint, _any_of(frags), frags) for hint, frags in groups.items()]
        self._compiled: dict[str, re.Pattern[str]] = {}  # hint -> its fragments, compiled on first use
        self._rest = _compile_alternation(self._always) if self._always else None

    def search(self, line: str) -> re.Match[str] | None:
        """The first match found in *line* (not necessarily the leftmost)."""
        low = line.lower()
        for hint, any_of, frags in self._groups:
            if hint in low and (any_of is None or any(word in low for word in any_of)):
                pattern = self._compiled.get(hint)
                if pattern is None:
                    pattern = self._compiled[hint] = _compile_alternation(frags)
                m = pattern.search(line)
                if m:
                    return m
        return self._rest.search(line) if self._rest is not None else None


def _leading_words(frag: str) -> tuple[str, ...] | None:
    """The plain words one of which every match of *frag* starts with, or ``None``.

    >>> _leading_words(r"\\b(?:photo|image)s? by .{1,9}"), _leading_words(r"\\((?:left|right)\\)")
    (('photo', 'image'), None)
    """
    body = frag[2:] if frag.startswith("\\b") else frag
    end = _group_end(body, 0) if body.startswith("(?:") else -1
    if end < 0:
        return None
    alts = _split_alternatives(body[3 : end - 1])
    if all(alt and alt.replace(" ", "").isalpha() for alt in alts):
        return tuple(alt.lower() for alt in alts)
    return None


def _any_of(frags: list[str]) -> tuple[str, ...] | None:
    words: list[str] = []
    for frag in frags:
        lead = _leading_words(frag)
        if lead is None:
            return None
        words.extend(lead)
    return tuple(minimal_hints(words))


def _compile_alternation(frags: list[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(sorted(set(frags), key=len, reverse=True)) + ")", re.IGNORECASE)


@lru_cache(maxsize=64)
def hinted_search(category: str, extra: Extra, min_len: int = 1) -> HintedSearch:
    """A cached :class:`HintedSearch` for *category*."""
    return HintedSearch(category, extra, min_len)
