"""Normalization rules (``normalize.*``): encoding, characters, spaces, punctuation, layout.

Each finder is a small function that returns edits; cheap ``in`` checks or one
precompiled whole-text search come first so that clean text costs almost nothing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.entities import html5
from typing import Any

import regex

from .config import Config
from .core import Edit, Rule, apply_edits

__all__ = ["early_rules", "late_rules"]


def _contains_any(text: str, chars: str) -> bool:
    """True when *text* contains one of *chars*: one fast ``in`` scan per character."""
    return any(c in text for c in chars)


# ----------------------------------------------------------------------------- entities
# An escaped "&" (``&amp;``, ``&AMP;``, ``&#38;``, ``&#038;``, ``&#x26;``): a scraper that
# escapes twice writes the next entity after one of these (WordPress: ``&#038;#8217;``).
_AMP = r"(?:amp;|AMP;|#0*38;|#[xX]0*26;)"
_ENTITY = re.compile(rf"&{_AMP}*(?:#[0-9]{{1,7}};|#[xX][0-9a-fA-F]{{1,6}};|[A-Za-z][A-Za-z0-9]{{1,31}};)")
_AMP_CHAIN = re.compile(f"{_AMP}*")


def _decode_entity(s: str) -> str:
    """``&amp;amp;lt;`` -> ``<``: drop the chain of escaped ``&``, then decode the last entity."""
    chain = _AMP_CHAIN.match(s, 1)
    body = s[chain.end() :] if chain else s[1:]
    if not body:  # the chain was all ampersands: its last one is the entity
        return "&"
    if body.startswith("#"):
        return html.unescape("&" + body)
    return html5.get(body, "&" + body)


def _entity_edits(text: str) -> list[Edit]:
    return [
        (m.start(), m.end(), rep)
        for m in _ENTITY.finditer(text)
        if (rep := _decode_entity(m.group())) != m.group()
    ]


_ENTITY_ROUNDS = 4


def fix_html_entities(text: str) -> list[Edit]:
    """Decode leftover HTML entities, also double-escaped ones.

    ``AT&amp;amp;T&nbsp;&#8217;`` -> ``AT&T\\xa0’``.  Unknown names (``&foo;``) stay.
    A decoded character can complete a new entity with its neighbours (``&amp&#59;``
    -> ``&amp;``): such a line is decoded again until it is stable, or left as it is
    when it is still not stable after a few rounds (``&#59&#59&#59&#59&#59;``), so that
    the rule is idempotent and stays linear.
    """
    if "&" not in text:
        return []
    edits = _entity_edits(text)
    if not edits or not _entity_edits(apply_edits(text, edits)):
        return edits
    out: list[Edit] = []  # rare: a line at a time, to a fixpoint
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if "&" in line:
            fixed = line
            for _ in range(_ENTITY_ROUNDS):
                step = _entity_edits(fixed)
                if not step:
                    if fixed != line:
                        out.append((start, end, fixed))
                    break
                fixed = apply_edits(fixed, step)
        start = end + 1
    return out


# ----------------------------------------------------------------------------- line endings
# "\r\n?|[...]" written with a character class first, which ``re`` scans for quickly
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x85\u2028\u2029](?:(?<=\r)\n)?")


def fix_line_endings(text: str) -> list[Edit]:
    """CRLF, lone CR, form feed, vertical tab and Unicode line separators -> ``\\n``."""
    if not _contains_any(text, "\r\x0b\x0c\x85\u2028\u2029"):
        return []
    return [(m.start(), m.end(), "\n") for m in _LINE_BREAKS.finditer(text)]


# ----------------------------------------------------------------------------- mojibake
def _continuation_chars() -> str:
    chars = set()
    for codec in ("cp1252", "latin-1", "cp1251"):
        for b in range(0x80, 0xC0):
            chars.add(bytes([b]).decode(codec, errors="replace"))
    chars.discard("\ufffd")
    chars.update("\x81\x8d\x8f\x90\x9d")  # bytes cp1252 leaves undefined; ftfy's sloppy codec keeps them
    return "".join(sorted(chars))


# A UTF-8 lead byte decoded as cp1252/latin-1 (Â..ô) or cp1251 (Р, С), followed by a
# continuation byte decoded the same way, or Ã/Â before a space that was an NBSP byte.
# (One character class first, so that ``re`` can skip ahead to candidates quickly.)
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4\u0420\u0421](?:[" + re.escape(_continuation_chars()) + "]|(?<=[\u00c2\u00c3]) )"
)
# The same without the cp1251 leads, for text without "Р"/"С": a class of Latin-1 characters
# only is scanned about four times faster.
_MOJIBAKE_HINT_LATIN = re.compile(
    "[\u00c2-\u00f4](?:[" + re.escape(_continuation_chars()) + "]|(?<=[\u00c2\u00c3]) )"
)
_FTFY_CONFIG: Any = None


def _ftfy_fix(line: str) -> str:
    global _FTFY_CONFIG  # noqa: PLW0603 - an immutable config, built on first use
    import ftfy

    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=True,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=True,
            remove_control_chars=False,
            normalization=None,
            explain=False,
        )
    return ftfy.fix_text(line, _FTFY_CONFIG)


def fix_mojibake(text: str) -> list[Edit]:
    """Repair text decoded with the wrong codec (through ftfy), line by line.

    ``schÃ¶n`` -> ``schön``; ``donâ€™t`` -> ``don’t``.  Only lines that contain a
    mojibake-shaped pair of characters are handed to ftfy; curly quotes are kept.
    """
    if text.isascii():
        return []
    hint = _MOJIBAKE_HINT if "\u0420" in text or "\u0421" in text else _MOJIBAKE_HINT_LATIN
    out: list[Edit] = []
    pos = 0
    for m in hint.finditer(text):
        if m.start() < pos:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        fixed = _ftfy_fix(line)
        if fixed != line:
            out.append((start, end, fixed))
        pos = end
    return out


# ----------------------------------------------------------------------------- characters
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+|[\ud800-\udfff]+")
# "[c][c]*" rather than "[c]+": a pattern that starts with a bare class lets ``re`` skip
# ahead to the next candidate quickly; a repeat or an alternation is tried at every position.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e][\u200b\u2060\ufeff\u00ad\u180e]*")
_CONTROL_OR_SURROGATE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff][\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]*"
)


def remove_control_chars(text: str) -> list[Edit]:
    """Delete C0/C1 control characters (not tab or newline); repair lone surrogates.

    ``a\\x00b\\x1b`` -> ``ab``.  A surrogate pair becomes its character, a lone
    surrogate U+FFFD.
    """
    out: list[Edit] = []
    for run in _CONTROL_OR_SURROGATE.finditer(text):
        for m in _CONTROL.finditer(text, run.start(), run.end()):
            s = m.group()
            if "\ud800" <= s[0] <= "\udfff":
                rep = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                out.append((m.start(), m.end(), rep))
            else:
                out.append((m.start(), m.end(), ""))
    return out


def remove_invisible(text: str) -> list[Edit]:
    """Delete zero-width spaces, word joiners, BOMs and soft hyphens.

    ``co\\u00adoperate\\u200b`` -> ``cooperate``.  Zero-width joiners (emoji,
    Indic and Persian scripts) are kept.
    """
    if text.isascii() or not _contains_any(text, "\u200b\u2060\ufeff\u00ad\u180e"):
        return []
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


def normalize_nfc(text: str) -> list[Edit]:
    """Compose characters (Unicode NFC): ``e\\u0301`` -> ``é``."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    out: list[Edit] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        fixed = unicodedata.normalize("NFC", line)
        if fixed != line:
            out.append((start, end, fixed))
        start = end + 1
    return out


# ----------------------------------------------------------------------------- spaces
_H = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_ODD_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
# A whole run of spaces (the first one not preceded by a space) that needs an edit: two or
# more, or one odd space, or one at a line start or end.  It starts with a character class so
# that ``re`` skips between spaces quickly.
_SPACE_RUN = re.compile(rf"{_H}(?<!{_H}{_H})(?:{_H}+|(?<! )|(?<![^\n]{_H})|(?=\n)|\Z)")


def normalize_spaces(text: str) -> list[Edit]:
    """Tabs, NBSP and other spaces -> one space; no spaces at line starts and ends.

    ``\\t a \\u00a0 b  `` -> ``a b``.  The ideographic space of CJK text is kept.
    """
    if (
        "  " not in text
        and " \n" not in text
        and "\n " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
        and not _contains_any(text, _ODD_SPACES)
    ):
        return []  # only single spaces between words: nothing to do
    out: list[Edit] = []
    n = len(text)
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        edge = start == 0 or end == n or text[start - 1] == "\n" or text[end] == "\n"
        out.append((start, end, "" if edge else " "))
    return out


# ----------------------------------------------------------------------------- punctuation
# "decades , as" / "said ." -- not a spaced ellipsis (". . .") nor ".NET"
_SPACE_BEFORE = re.compile(r"(?<=[^\W_]|[”’)\]%]) +(?=,(?:\s|$)|\.(?! *\.)(?:\s|$))")
# "activities. ." / "word,, word" -- but ". . ." and ". . . ." ellipses stay.  The span to
# delete is group 1 or 2; the pattern starts at the "." or "," before it, which ``re`` skips
# to quickly (a pattern that starts with a lookbehind is tried at every position).
_REPEATED_FAST = re.compile(r"\.(?<=[^\W_]\.)( +\.)(?! *\.)|,(?<=[^\W_],)((?: *,)+)")
# A "," or "." right after a space: where a match of _SPACE_BEFORE can end.
_PUNCT_AFTER_SPACE = re.compile(r"[,.](?<= [,.])")
_ELLIPSIS_UPPER = regex.compile(r"(?<=\p{L}[…])(?=\p{Lu})|(?<=\p{L}\.\.\.)(?=\p{Lu}\p{Ll})")


def remove_space_before_punctuation(text: str) -> list[Edit]:
    """``decades , as`` -> ``decades, as``; ``the end .`` -> ``the end.``.

    Numbers (``1 ,000``), spaced ellipses (``wait . . .``) and ``.NET`` are kept;
    ``;:!?`` are left alone (French sets a space before them).
    """
    if " ," not in text and " ." not in text:
        return []
    out: list[Edit] = []
    for cand in _PUNCT_AFTER_SPACE.finditer(text):
        start = cand.start() - 1
        while start > 0 and text[start - 1] == " ":
            start -= 1
        m = _SPACE_BEFORE.match(text, start)  # a match can only start where its run of spaces does
        if m:
            out.append((m.start(), m.end(), ""))
    return out


def remove_repeated_punctuation(text: str) -> list[Edit]:
    """``activities. .`` -> ``activities.``; ``word,, next`` -> ``word, next``.

    Ellipses (``...``, ``. . .``) and ranges (``1...10``) are kept.
    """
    if ". ." not in text and ",," not in text and ", ," not in text:
        return []
    out: list[Edit] = []
    for m in _REPEATED_FAST.finditer(text):
        group = 1 if m.start(1) >= 0 else 2
        out.append((m.start(group), m.end(group), ""))
    return out


def space_after_ellipsis(text: str) -> list[Edit]:
    """``decreasing…NATO`` -> ``decreasing… NATO``; ``1...10`` stays."""
    if "…" not in text and "..." not in text:
        return []
    return [(m.start(), m.start(), " ") for m in _ELLIPSIS_UPPER.finditer(text)]


_ASCII_TABLE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
    }
)
_NON_ASCII_PUNCT = re.compile("[‘’‚‛′“”„‟″«»–—―‐‑−…]+")


def ascii_punctuation(text: str) -> list[Edit]:
    """Opt-in: fold typographic quotes, dashes and ellipses to ASCII.

    ``“Yes” – he said…`` -> ``"Yes" - he said...``.
    """
    return [(m.start(), m.end(), m.group().translate(_ASCII_TABLE)) for m in _NON_ASCII_PUNCT.finditer(text)]


# ----------------------------------------------------------------------------- layout
_BLANK_RUN = re.compile("\n\n\n+")  # a literal prefix: found fast


def normalize_layout(text: str) -> list[Edit]:
    """One blank line between paragraphs at most; none at the start or end.

    A final newline stays when the text had one: ``\\n\\na\\n\\n\\n\\nb\\n\\n`` ->
    ``a\\n\\nb\\n``.  Runs only after spaces are normalized (blank = empty).
    """
    if "\n" not in text:
        return []
    head = len(text) - len(text.lstrip("\n")) if text[0] == "\n" else 0
    tail = len(text.rstrip("\n")) if text[-1] == "\n" else len(text)
    if head >= tail:
        return [(0, len(text), "")]
    out: list[Edit] = [(0, head, "")] if head else []
    if text.find("\n\n\n", head, tail) >= 0:
        out += [(m.start(), m.end(), "\n\n") for m in _BLANK_RUN.finditer(text, head, tail)]
    if len(text) - tail > 1:
        out.append((tail, len(text), "\n"))
    return out


# ----------------------------------------------------------------------------- registry
def _rule(name: str, finder: Any, description: str, *examples: tuple[str, str], default: bool = True) -> Rule:
    return Rule(f"normalize.{name}", description, finder, tuple(examples), default)


@lru_cache(maxsize=1)
def _early() -> tuple[Rule, ...]:
    return (
        _rule(
            "html-entities",
            fix_html_entities,
            "Decode leftover HTML entities, including double-escaped ones.",
            ("AT&amp;amp;T&#8217;s", "AT&T’s"),
            ("Tom &amp; Jerry", "Tom & Jerry"),
        ),
        _rule(
            "line-endings",
            fix_line_endings,
            "Turn CRLF, CR and other line separators into \\n.",
            ("a\r\nb\rc", "a\nb\nc"),
        ),
        _rule(
            "mojibake",
            fix_mojibake,
            "Repair text decoded with the wrong codec (ftfy), keeping curly quotes.",
            ("schÃ¶n , da", "schön , da"),
            ("donâ€™t", "don’t"),
        ),
        _rule(
            "control-chars",
            remove_control_chars,
            "Delete control characters; repair lone surrogates.",
            ("a\x00b\x1b", "ab"),
        ),
        _rule(
            "invisible",
            remove_invisible,
            "Delete zero-width spaces, word joiners, BOMs and soft hyphens.",
            ("\ufeffco\u00adoperate\u200b", "cooperate"),
        ),
        _rule("unicode-nfc", normalize_nfc, "Compose Unicode characters (NFC).", ("Cafe\u0301", "Café")),
        _rule(
            "spaces",
            normalize_spaces,
            "Collapse runs of spaces/tabs/NBSP; trim line starts and ends.",
            (" a\u00a0\u00a0b \t\nc ", "a b\nc"),
        ),
        _rule(
            "space-before-punctuation",
            remove_space_before_punctuation,
            "Remove a space before a comma or a full stop.",
            ("decades , as", "decades, as"),
            ("1 ,000 and 3.5", "1 ,000 and 3.5"),
        ),
        _rule(
            "repeated-punctuation",
            remove_repeated_punctuation,
            "Remove a doubled full stop or comma, keeping ellipses.",
            ("activities. .", "activities."),
            ("wait . . . now", "wait . . . now"),
        ),
        _rule(
            "ellipsis-spacing",
            space_after_ellipsis,
            "Put a space between an ellipsis and the capitalised word glued to it.",
            ("decreasing…NATO", "decreasing… NATO"),
            ("1...10", "1...10"),
        ),
        _rule(
            "ascii-punctuation",
            ascii_punctuation,
            "Opt-in: fold typographic quotes, dashes and ellipses to ASCII.",
            ("“Yes” – he said…", '"Yes" - he said...'),
            default=False,
        ),
    )


@lru_cache(maxsize=1)
def _late() -> tuple[Rule, ...]:
    return (
        _rule(
            "layout",
            normalize_layout,
            "At most one blank line between paragraphs, none at the start or end.",
            ("\n\na\n\n\n\nb\n\n", "a\n\nb\n"),
        ),
    )


def early_rules(config: Config) -> list[Rule]:
    """Normalization that runs before the boilerplate and translation rules."""
    return list(_early())


def late_rules(config: Config) -> list[Rule]:
    """Normalization that runs last (layout)."""
    return list(_late())
