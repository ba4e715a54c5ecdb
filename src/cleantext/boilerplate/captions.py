"""``boilerplate.captions``: photo captions and photo credits standing on their own line."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from ..core import Edit
from .lines import Doc, drop_lines, word_count
from .markers import (
    Extra,
    LineMatcher,
    compile_category,
    fragments,
    hinted_search,
    lazy_pattern,
    line_matcher,
    literal_hint,
    own,
    search_hints,
    sre_parser,
    word_set,
)

__all__ = ["find_captions"]

_MAX_WORDS = 50
#: the longest line that may be a caption
_MAX_LINE = 450
#: a sentence boundary: end punctuation, optional closer, space, capital or opening quote
_BOUNDARY = lazy_pattern(globals(), "_BOUNDARY", r"[.!?][”\"’)]?\s+(?=[“\"‘(]?[^\W\d_a-z])")
_ABBREV_END = lazy_pattern(
    globals(),
    "_ABBREV_END",
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Corp|Co|No|Vol|U\.S|Feb|Jan|Aug|Sept|Oct|Nov|Dec))\Z",
)
_WORD = lazy_pattern(globals(), "_WORD", r"[^\W\d_]+")
_PARENS = lazy_pattern(globals(), "_PARENS", r"\([^()\n]{0,120}\)")
_PIPES = "| "
#: ``string.punctuation`` (importing ``string`` compiles a pattern at every start-up)
_ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


#: a position mark: "(right)", "(from left)", "(à gauche)", "(pictured)"
_POSITION = lazy_pattern(
    globals(),
    "_POSITION",
    r"\((?:(?:second|2nd|third|3rd|far|from|top|bottom|front|back|pictured) )?"
    r"(?:left|right|center|centre|middle|front|back|top|bottom|above|below|inset|pictured|row"
    r"|[àa] (?:gauche|droite)|au centre|gauche|droite|izquierda|derecha|centro|a la (?:izquierda|derecha)"
    r"|links|rechts|mitte|[àa] esquerda|[àa] direita|ao centro|esquerda|direita|a sinistra|a destra|al centro"
    r"|sinistra|destra|слева|справа|в центре|l\.|r\.|izq\.?|der\.?|l to r|l-r|r-l|left to right"
    r"|2nd l|2nd r|3rd l|3rd r)\)",
    re.IGNORECASE,
)
#: a date in the caption: "February 10", "Nov. 18", "10 février", "22 de outubro", a year, a weekday
_DATE = lazy_pattern(
    globals(),
    "_DATE",
    r"\b[^\W\d_]{3,}\.? \d{1,2}\b|\b\d{1,2}\.? (?:de )?[^\W\d_]{3,}|\b(?:19|20)\d\d\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lunes|martes|miércoles|jueves|viernes"
    r"|lundi|mardi|mercredi|jeudi|vendredi|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"
    r"|segunda|terça|quarta|quinta|sexta|lunedì|martedì|mercoledì|giovedì|venerdì)\b",
)
#: reported speech: a paragraph of the story, not a caption
_SPEECH = lazy_pattern(
    globals(),
    "_SPEECH",
    r"[“”\"]|\b(?:said|says|told|added|according to|claimed|dijo|a déclaré|sagte|disse|ha detto|заявил)\b",
)


def _is_photo_sentence(line: str) -> bool:
    """A position mark makes a caption only with a date in it and no reported speech.

    ``Lavrov (right) meets Truss in Moscow on February 10.`` is a caption;
    ``Kate (left) wore a blue dress.`` and ``Johnson (pictured) said …`` are story paragraphs
    written one sentence to a paragraph.
    """
    return _SPEECH.search(line) is None and any(date_words_ok(m.group()) for m in _DATE.finditer(line))


def date_words_ok(found: str) -> bool:
    """A date match counts when its word is a date word (``February 10``, not ``Troops 10``)."""
    words = _WORD.findall(found)
    return not words or any(w in word_set("date_words") and len(w) >= 3 for w in words)


def _sentences(body: str) -> int:
    """How many sentences *body* has (abbreviations such as ``Gov.`` do not end one)."""
    count = 1
    for m in _BOUNDARY.finditer(body):
        if not _ABBREV_END.search(body, 0, m.start()):
            count += 1
    return count


def _candidates(doc: Doc, extra: Extra, start: LineMatcher) -> list[int]:
    """The lines worth a look, in order: those :func:`_lines` names."""
    found, _searched = _lines(doc, extra, start)
    return sorted(found)


def _lines(doc: Doc, extra: Extra, start: LineMatcher) -> tuple[set[int], set[int] | None]:
    """The lines worth a look, and those of them the trigger can match in (``None``: any).

    A line the trigger can match holds a search hint.  The lines holding ``(`` are most
    of a page's; they count only where a fragment with ``(`` in its hint matches (one
    search over the text), unless they hold another hint.  A credit glued after the last
    full stop (``… in New York.Reuters``) ends in a letter, once the picker has stripped
    pipes and spaces (``… in New York.Reuters |``).
    """
    lines = doc.lines
    hints = search_hints("captions", extra)
    if hints is None:
        return {i for i, line in enumerate(lines) if line}, None
    found = set(start.candidates(doc))
    paren = _paren_search(extra)
    if paren is None:
        searched = doc.containing(hints)
    else:
        plain = paren[0]
        unmarked, marks = _unmarked(plain)
        text = doc.text
        searched = doc.containing(plain if any(map(text.__contains__, marks)) else unmarked)
        if "(" in text:
            at_paren = _at_paren(extra)
            if at_paren is not None:
                searched |= _matching_at_parens(doc, at_paren, _MAX_LINE)
            else:
                searched |= _matching(doc, _paren_pattern(extra))
    found |= searched
    # the last character first: most lines end in a full stop or a quote
    found.update(
        i
        for i, line in enumerate(lines)
        if line and (line[-1].isalpha() or line[-1] in _PIPES) and _glued_end(line)
    )
    return found, searched


def _glued_end(line: str) -> bool:
    """Whether a credit may be glued at the end of *line* as the picker sees it, without the
    pipes and spaces it strips: a letter last, a full stop among the last 40 characters."""
    end = line.rstrip(_PIPES)
    return end[-1:].isalpha() and "." in end[-40:]


@lru_cache(maxsize=16)
def _unmarked(hints: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The *hints* without ASCII punctuation, and the punctuation marks of the others.

    A text holding none of the marks holds none of those hints in any case (no letter has
    a case form that is a mark): one C-level find for ``/`` instead of a scan for
    ``reuters/`` (most texts hold no ``/``).
    """
    marks = "".join(dict.fromkeys(c for hint in hints for c in hint if c in _ASCII_PUNCTUATION))
    return tuple(hint for hint in hints if not any(c in marks for c in hint)), marks


@lru_cache(maxsize=16)
def _paren_search(extra: Extra) -> tuple[tuple[str, ...], str] | None:
    """The search hints without ``(``, and the fragments whose literal hint holds ``(``, as
    one alternation (the source of :func:`_paren_pattern`); ``None`` when a fragment looks
    outside its match (the pattern runs over the whole text, where a line's end is a newline).

    On a line holding none of those hints, only these fragments can match: every fragment
    the trigger tries there has a hint holding one of the search hints, so one with ``(``.
    """
    hints = search_hints("captions", extra)
    if hints is None:
        return None
    frags = _paren_frags(extra)
    # "^" escaped or opening a negated class is no anchor
    if not frags or any(
        mark in f.replace("\\^", "").replace("[^", "[") for f in frags for mark in _LOOKS_OUT
    ):
        return None
    alternation = "(?:" + "|".join(sorted(set(frags), key=len, reverse=True)) + ")"
    return tuple(h for h in hints if "(" not in h), alternation


@lru_cache(maxsize=16)
def _paren_pattern(extra: Extra) -> re.Pattern[str]:
    """The alternation of :func:`_paren_search`, compiled, for a search of the whole text.

    Only when :func:`_at_paren` is ``None``: the pattern tried at each ``(`` holds these
    fragments too, so compiling both (1-2 ms each) would be paid twice for one answer.
    """
    paren = _paren_search(extra)
    if paren is None:
        raise ValueError("no text search for these caption markers")
    return re.compile(paren[1], re.IGNORECASE)


def _paren_frags(extra: Extra) -> list[str]:
    """The fragments whose literal hint holds ``(``."""
    return [f for f in (*fragments("captions"), *own(extra, "captions")) if "(" in (literal_hint(f, 1) or "")]


@lru_cache(maxsize=16)
def _at_paren(extra: Extra) -> re.Pattern[str] | None:
    r"""The pattern of :func:`_paren_search` to try at each ``(``, or ``None`` when a match may
    start elsewhere: a fragment does not start with ``\(`` (or makes it optional; none has a
    top-level ``|``, as each has a literal hint).

    The pattern looks ahead first at the two characters after the ``(``: most parens of a
    text (``(2019)``, ``(CNN)``, ``(or``) fail there, before the many alternatives are tried.
    """
    frags = _paren_frags(extra)
    paren = _paren_search(extra)
    if paren is None or not all(f.startswith("\\(") and f[2:3] not in ("?", "*", "{") for f in frags):
        return None
    heads = _heads(frags)
    if heads is None:
        return _paren_pattern(extra)
    seconds: dict[str, set[str]] = {}
    for head in sorted(heads):
        seconds.setdefault(head[0], set()).add(head[1])
    gate = "|".join(re.escape(a) + "[" + "".join(map(re.escape, sorted(b))) + "]" for a, b in seconds.items())
    return re.compile(f"(?=\\((?:{gate})){paren[1]}", re.IGNORECASE)


def _heads(frags: list[str]) -> set[str] | None:
    r"""The pairs of characters a match of one of *frags* (each opening with ``\(``) may hold
    after its ``(``, in the case of the fragment (``None``: not worked out)."""
    parser = sre_parser()
    out: set[str] = set()
    for frag in frags:
        got = _seq_heads(list(parser.parse(frag[2:]).data), 2, parser)
        if got is None:
            return None
        out |= got
    return out


def _seq_heads(seq: list[tuple[Any, Any]], k: int, parser: Any) -> set[str] | None:
    """The strings of *k* characters a match of the parsed *seq* may start with: through
    literals, classes of literals, alternations and plain groups; ``None`` for anything else
    (a repeat, a category, an anchor, a flag) within the first *k* characters."""
    if k == 0:
        return {""}
    if not seq:
        return None
    op, arg = seq[0]
    rest = seq[1:]
    if op is parser.LITERAL or (op is parser.IN and all(o is parser.LITERAL for o, _ in arg)):
        tails = _seq_heads(rest, k - 1, parser)
        chars = [arg] if op is parser.LITERAL else [c for _, c in arg]
        return None if tails is None else {chr(c) + tail for c in chars for tail in tails}
    if op is parser.BRANCH:
        out: set[str] = set()
        for alt in arg[1]:
            got = _seq_heads(list(alt) + rest, k, parser)
            if got is None:
                return None
            out |= got
        return out
    if op is parser.SUBPATTERN and not arg[1] and not arg[2]:  # a group that sets no flag
        return _seq_heads(list(arg[3]) + rest, k, parser)
    return None


#: what makes a match depend on text beyond it, or on where the string starts or ends
_LOOKS_OUT = ("\\Z", "\\A", "$", "^", "(?=", "(?!", "(?<")


def _matching(doc: Doc, pattern: re.Pattern[str]) -> set[int]:
    """The lines where a match of *pattern* starts (searched in the text: C-level between hits).

    Each search starts at a line start, so a match running into the next line cannot hide
    one that lies within that line.  (For the same pattern for a ``(``, see :func:`_at_paren`,
    :func:`_matching_at_parens` tries it at each ``(`` instead.)
    """
    text = doc.text
    m = pattern.search(text)
    if m is None:
        return set()
    starts = doc.starts
    n = len(starts)
    out: set[int] = set()
    while m is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        out.add(i)
        m = pattern.search(text, starts[i + 1]) if i + 1 < n else None
    return out


def _matching_at_parens(doc: Doc, pattern: re.Pattern[str], longest: int | None) -> set[int]:
    """:func:`_matching` for a pattern whose matches all start with ``(``: the pattern is tried
    at each ``(``, found by a C-level ``find`` (a search for a pattern that starts with an
    alternation looks at every character), except in lines longer than *longest*.
    """
    text = doc.text
    pos = text.find("(")
    if pos < 0:
        return set()
    starts = doc.starts
    lines = doc.lines
    last = len(starts) - 1
    out: set[int] = set()
    match = pattern.match
    while pos >= 0:
        i = bisect.bisect_right(starts, pos) - 1
        if longest is None or len(lines[i]) <= longest:
            if match(text, pos) is None:
                pos = text.find("(", pos + 1)
                continue
            out.add(i)
        # a match in this line, or a line too long: on to the next line
        pos = text.find("(", starts[i + 1]) if i < last else -1
    return out


@lru_cache(maxsize=16)
def _start(extra: Extra) -> LineMatcher:
    return line_matcher("caption_start", extra, r"[\W_]{0,2}(?:{m})s?\s*[:|/]\s*\S")


@lru_cache(maxsize=16)
def _glued(extra: Extra) -> re.Pattern[str]:
    return compile_category("caption_glued", extra, r"[\w)”\"’]\.\s?(?:{m})\.?\Z")


def _pick(doc: Doc, extra: Extra) -> set[int]:
    start = _start(extra)
    found_lines, searched = _lines(doc, extra, start)
    out: set[int] = set()
    if not found_lines:
        return out
    trigger = hinted_search("captions", extra)
    glued = _glued(extra)
    lines = doc.lines
    for i in sorted(found_lines):
        raw = lines[i]
        if len(raw) > _MAX_LINE:
            continue
        line = raw.strip(_PIPES)
        if not line:
            continue
        words = word_count(line)
        if words > _MAX_WORDS or line.endswith((":", "?")):
            continue
        if words <= 30 and (start.match_at(doc, i) if line is raw else start.match(line)):
            out.add(i)  # "Photo: Jane Doe/Reuters"
            continue
        # the trigger cannot match a line outside *searched*
        found = (trigger.search(line) if searched is None or i in searched else None) or glued.search(
            line, max(0, len(line) - 40)
        )
        if not found:
            continue
        if found.group().startswith("(") and _POSITION.match(found.group()) and not _is_photo_sentence(line):
            continue
        # a caption is one sentence (a credit may follow it); prose paragraphs are longer
        body = _PARENS.sub("", line)
        sentences = _sentences(body)
        if sentences <= 1 or (sentences == 2 and words <= 35 and found.start() > len(line) // 2):
            out.add(i)
    return out


def find_captions(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop standalone caption lines: one sentence with a position or credit mark,
    ``… Lavrov (right) meets … on February 10.``, ``… (AP Photo/Evan Vucci)``, ``REUTERS/…``,
    ``Photo: …``, or a credit glued to the end (``… in New York.Reuters``).

    A sentence with ``(right)`` inside a paragraph of several sentences stays.
    """
    return drop_lines(text, _pick, extra, local=True)
