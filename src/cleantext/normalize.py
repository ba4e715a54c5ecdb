"""Normalization rules (``normalize.*``): encoding, characters, spaces, punctuation, layout.

Each finder is a small function that returns edits; cheap ``in`` checks (single
characters are found at memory speed) or one scan with a pattern that starts with a
literal come first, so that clean text costs almost nothing.  Two scans are shared by
several rules within a cleaning call (kept by ``core.call_cached()`` for the call's
latest text): the skeleton of a mostly ASCII text (its characters other than printable
ASCII, spaces and newlines), where the probes for control characters, line separators,
invisible and odd spaces, mojibake and NFC look; and one needle pass for the literals the
spacing and punctuation rules need before anything else (``"  "``, ``" ,"``, ``". ."``,
``"..."``, …: :func:`_holds`).  Nothing
is compiled at import time: every pattern is built on first use (``functools.cache``),
and only when a text has a candidate for it; ``ftfy`` is imported only for a line that
looks broken.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .config import Config
from .core import Edit, Rule, apply_edits, call_cached, call_utf8
from .needles import Found, NeedleSet

__all__ = ["early_rules", "late_rules"]

#: below this length, NFC's own check of the text costs less than the skeleton's probe
_SHORT = 1000


# ----------------------------------------------------------------------------- skeleton
@cache
def _skeleton_deletes() -> bytes:
    """The bytes a skeleton leaves out: every ASCII byte but the C0 controls (newline
    excepted: it is everywhere) and DEL."""
    keep = {*range(0x0A), *range(0x0B, 0x20), 0x7F}
    return bytes(b for b in range(0x80) if b not in keep)


def _skeleton(text: str) -> tuple[bytes, str] | None:
    """The UTF-8 of *text* without its printable ASCII characters, spaces and newlines,
    and the characters of it; ``None`` when *text* is not mostly ASCII.

    Every other character is kept whole and in order (each byte of a multi-byte
    character is 0x80 or more), so a character, or two non-ASCII characters next to each
    other, are in the skeleton exactly when they are in the text.  One C-level pass over
    the call's UTF-8 (see :func:`~cleantext.core.call_utf8`); in text in a Latin script
    the skeleton is a few per cent of it, so the probes of several rules (control
    characters, line separators, invisible and odd spaces, mojibake leads, NFC) cost next
    to nothing.  Text in another script (more than one character in eight not ASCII)
    would keep most of its bytes: its rules scan the text.  Built once per cleaning call
    for the latest text (:func:`~cleantext.core.call_cached`)."""
    return call_cached("normalize.skeleton", text, _make_skeleton)


def _make_skeleton(text: str) -> tuple[bytes, str] | None:
    data = call_utf8(text)
    if (len(data) - len(text)) * 8 > len(text):  # each non-ASCII character adds 1-3 bytes
        return None
    utf8 = data.translate(None, _skeleton_deletes())
    return utf8, utf8.decode("utf-8", "surrogatepass")


def _chars_to_scan(text: str) -> str:
    """Where a character of *text* that is not printable ASCII, a space or a newline is
    found fastest: in the characters of its skeleton, or in the text when it has none."""
    skeleton = _skeleton(text)
    return text if skeleton is None else skeleton[1]


def _contains_any(text: str, chars: str) -> bool:
    """True when *text* contains one of *chars* (none printable ASCII, a space or a
    newline): one fast ``in`` scan per character (see :func:`_chars_to_scan`)."""
    within = _chars_to_scan(text)
    for c in chars:  # noqa: SIM110 - a loop costs less than any() over a generator
        if c in within:
            return True
    return False


# ----------------------------------------------------------------------------- spacing gates
#: what the spacing and punctuation rules look for before anything else: runs of spaces and
#: spaces at line edges, a space before "," or ".", doubled marks, ellipses
_GATES = (b"  ", b" \n", b"\n ", b" ,", b" .", b". .", b",,", b", ,", b"...", "…".encode())


@cache
def _gate_set() -> NeedleSet:
    # two-byte needles kept in the automaton: these are rare in clean text, and the ten of them
    # take one pass at several GB/s (measured: 0.22 ms for the 120 dev texts, 6.6 ms as scans)
    return NeedleSet(_GATES, min_length=2)


def _gates(text: str) -> Found:
    return _gate_set().found(call_utf8(text))


def _holds(text: str, *needles: bytes) -> bool:
    """Whether *text* holds one of *needles* (some of :data:`_GATES`): from one pass for all
    the gates per text of the cleaning call (:func:`~cleantext.core.call_cached`)."""
    present, settled = call_cached("normalize.gates", text, _gates)
    for needle in needles:  # noqa: SIM110 - a loop costs less than any() over a generator
        if needle in present or (needle not in settled and needle in call_utf8(text)):
            return True
    return False


# ----------------------------------------------------------------------------- entities
# An escaped "&" (``&amp;``, ``&AMP;``, ``&#38;``, ``&#038;``, ``&#x26;``): a scraper that
# escapes twice writes the next entity after one of these (WordPress: ``&#038;#8217;``).
_AMP = r"(?:amp;|AMP;|#0*38;|#[xX]0*26;)"


@cache
def _entity_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An entity, perhaps after a chain of escaped ``&``; and such a chain."""
    entity = re.compile(rf"&{_AMP}*(?:#[0-9]{{1,7}};|#[xX][0-9a-fA-F]{{1,6}};|[A-Za-z][A-Za-z0-9]{{1,31}};)")
    return entity, re.compile(f"{_AMP}*")


def _decode_entity(s: str, amp_chain: re.Pattern[str]) -> str:
    """``&amp;amp;lt;`` -> ``<``: drop the chain of escaped ``&``, then decode the last entity."""
    import html
    from html.entities import html5

    chain = amp_chain.match(s, 1)
    body = s[chain.end() :] if chain else s[1:]
    if not body:  # the chain was all ampersands: its last one is the entity
        return "&"
    if body.startswith("#"):
        return html.unescape("&" + body)
    return html5.get(body, "&" + body)


def _entity_edits(text: str) -> list[Edit]:
    entity, amp_chain = _entity_patterns()
    return [
        (m.start(), m.end(), rep)
        for m in entity.finditer(text)
        if (rep := _decode_entity(m.group(), amp_chain)) != m.group()
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
@cache
def _line_breaks() -> re.Pattern[str]:
    # "\r\n?|[...]" written with a character class first, which ``re`` scans for quickly
    return re.compile("[\r\x0b\x0c\x85\u2028\u2029](?:(?<=\r)\n)?")


def fix_line_endings(text: str) -> list[Edit]:
    """CRLF, lone CR, form feed, vertical tab and Unicode line separators -> ``\\n``."""
    if not _contains_any(text, "\r\x0b\x0c\x85\u2028\u2029"):
        return []
    return [(m.start(), m.end(), "\n") for m in _line_breaks().finditer(text)]


# ----------------------------------------------------------------------------- mojibake
@cache
def _continuation_chars() -> str:
    """UTF-8 continuation bytes (0x80-0xBF) as cp1252, latin-1 and cp1251 decode them."""
    chars: set[str] = set()
    for codec in ("cp1252", "latin-1", "cp1251"):  # single-byte codecs: one character per byte
        chars.update(bytes(range(0x80, 0xC0)).decode(codec, errors="replace"))
    chars.discard("\ufffd")
    chars.update("\x81\x8d\x8f\x90\x9d")  # bytes cp1252 leaves undefined; ftfy's sloppy codec keeps them
    return "".join(sorted(chars))


@cache
def _mojibake_hints() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A UTF-8 lead byte decoded as cp1252/latin-1 (Â..ô) or cp1251 (Р, С), followed by a
    continuation byte decoded the same way, or Ã/Â before a space that was an NBSP byte;
    and the same without the cp1251 leads (a class of Latin-1 characters only is scanned
    about four times faster).  One character class first, so that ``re`` skips ahead."""
    cont = re.escape(_continuation_chars())
    tail = "(?:[" + cont + "]|(?<=[\u00c2\u00c3]) )"
    return re.compile("[\u00c2-\u00f4\u0420\u0421]" + tail), re.compile("[\u00c2-\u00f4]" + tail)


#: the first UTF-8 byte of each character of :func:`_continuation_chars` (a test checks it)
_CONTINUATION_FIRST_BYTES = b"\xc2\xc5\xc6\xcb\xd0\xd1\xd2\xe2"


@cache
def _latin_probe() -> re.Pattern[bytes]:
    """Over UTF-8 bytes, where a Latin hint of :func:`_mojibake_hints` can be: a lead
    (``\\xc3`` and one byte) before the first byte of a continuation character, or Â/Ã
    before a space.  Each hint matches, and a few other pairs; the literal first byte
    lets ``re`` skip ahead quickly."""
    return re.compile(b"\xc3(?:[\x82-\xb4][" + _CONTINUATION_FIRST_BYTES + b"]|[\x82\x83] )")


@cache
def _latin_skeleton_probe() -> re.Pattern[bytes]:
    """Over a skeleton (:func:`_skeleton`), where :func:`_latin_probe` can match: its
    pairs of non-ASCII characters are in the skeleton too; Â/Ã before a space shows only
    as Â/Ã there."""
    return re.compile(b"\xc3(?:[\x82-\xb4][" + _CONTINUATION_FIRST_BYTES + b"]|[\x82\x83])")


@cache
def _cyrillic_probes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Each Cyrillic lead before a continuation character (exact; a literal first)."""
    tail = "[" + re.escape(_continuation_chars()) + "]"
    return re.compile("\u0420" + tail), re.compile("\u0421" + tail)


def _may_have_mojibake(text: str) -> bool:
    """False when the hint pattern of :func:`_mojibake_hints` matches nowhere in *text*.

    A skeleton tells whether Р/С are there (``"\\u0420" in text`` is slow: its low byte
    is a space's) and whether a Latin hint can be; the exact probes run only then."""
    skeleton = _skeleton(text)
    within = text if skeleton is None else skeleton[1]
    er_in, es_in = "\u0420" in within, "\u0421" in within
    if er_in or es_in:
        er, es = _cyrillic_probes()
        if (er_in and er.search(text)) or (es_in and es.search(text)):
            return True
    if skeleton is not None and _latin_skeleton_probe().search(skeleton[0]) is None:
        return False
    data = call_utf8(text)
    return b"\xc3" in data and _latin_probe().search(data) is not None


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
    if text.isascii() or not _may_have_mojibake(text):
        return []
    full, latin = _mojibake_hints()
    hint = full if "\u0420" in text or "\u0421" in text else latin
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
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u00ad\u180e"


@cache
def _control_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A run of control characters or of surrogates; and any run of either.  The second
    is written "[c][c]*" rather than "[c]+": a pattern that starts with a bare class lets
    ``re`` skip ahead to the next candidate quickly."""
    control = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+|[\ud800-\udfff]+")
    either = re.compile(
        "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff][\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]*"
    )
    return control, either


@cache
def _non_control_bytes() -> bytes:
    """The bytes that cannot belong to a control character or a surrogate in UTF-8: all but
    C0 controls (not tab or a line break), DEL, and the lead bytes of C1 controls and of
    surrogates (``surrogatepass``)."""
    keep = {*range(0x09), *range(0x0E, 0x20), 0x7F, 0xC2, 0xED}
    return bytes(b for b in range(256) if b not in keep)


@cache
def _c1_and_surrogate_bytes() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """The UTF-8 of a C1 control, and of a surrogate (``surrogatepass``)."""
    return re.compile(b"\xc2[\x80-\x9f]"), re.compile(b"\xed[\xa0-\xbf]")


def _has_control(text: str) -> bool:
    """Whether *text* has a C0/C1 control character (not tab or a line break) or a
    surrogate: C-speed byte passes over its skeleton (or UTF-8) instead of a character
    class scanned in ``re``."""
    skeleton = _skeleton(text)
    data = call_utf8(text) if skeleton is None else skeleton[0]
    if not data:
        return False
    rest = data.translate(None, _non_control_bytes())
    if not rest:
        return False
    if rest.translate(None, b"\xc2\xed"):
        return True  # a C0 control or DEL
    c1, surrogate = _c1_and_surrogate_bytes()
    return (b"\xc2" in rest and c1.search(data) is not None) or (
        b"\xed" in rest and surrogate.search(data) is not None
    )


def remove_control_chars(text: str) -> list[Edit]:
    """Delete C0/C1 control characters (not tab or newline); repair lone surrogates.

    ``a\\x00b\\x1b`` -> ``ab``.  A surrogate pair becomes its character, a lone
    surrogate U+FFFD.
    """
    if not _has_control(text):
        return []
    control, either = _control_patterns()
    out: list[Edit] = []
    for run in either.finditer(text):
        for m in control.finditer(text, run.start(), run.end()):
            s = m.group()
            if "\ud800" <= s[0] <= "\udfff":
                rep = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                out.append((m.start(), m.end(), rep))
            else:
                out.append((m.start(), m.end(), ""))
    return out


@cache
def _invisible() -> re.Pattern[str]:
    return re.compile(f"[{_INVISIBLE_CHARS}][{_INVISIBLE_CHARS}]*")


def remove_invisible(text: str) -> list[Edit]:
    """Delete zero-width spaces, word joiners, BOMs and soft hyphens.

    ``co\\u00adoperate\\u200b`` -> ``cooperate``.  Zero-width joiners (emoji,
    Indic and Persian scripts) are kept.
    """
    if text.isascii() or not _contains_any(text, _INVISIBLE_CHARS):
        return []
    return [(m.start(), m.end(), "") for m in _invisible().finditer(text)]


#: characters that NFC leaves alone wherever they stand (quick check Yes, combining class
#: 0; a test checks each one): ASCII, U+0080-U+02FF (Latin), U+0400-U+047F (Cyrillic),
#: U+2002-U+2FFF (punctuation, symbols, arrows) but the blocks of 64 that hold a character
#: NFC changes or composes, the variation selectors U+FE00-U+FE0F, U+1F000-U+1FFFF (emoji)
_NFC_PLAIN = (
    "\x00-\u02ff\u0400-\u047f\u2002-\u20bf\u2140-\u22ff\u2340-\u2abf\u2b00-\u2cbf\u2d00-\u2d3f"
    "\u2d80-\u2dbf\u2e00-\u2fff\ufe00-\ufe0f\U0001f000-\U0001ffff"
)


@cache
def _nfc_odd_char() -> re.Pattern[str]:
    """A character not in :data:`_NFC_PLAIN` (one negated class)."""
    return re.compile(f"[^{_NFC_PLAIN}]")


def _plainly_nfc(text: str) -> bool:
    """True when every character of *text* is one that NFC leaves alone wherever it
    stands (:data:`_NFC_PLAIN`): then *text* is in NFC.  One search over the characters
    of its skeleton, where ``unicodedata.is_normalized`` looks up every character of the
    text.  False when it cannot tell."""
    skeleton = _skeleton(text)
    return skeleton is not None and (not skeleton[1] or _nfc_odd_char().search(skeleton[1]) is None)


def normalize_nfc(text: str) -> list[Edit]:
    """Compose characters (Unicode NFC): ``e\\u0301`` -> ``é``."""
    if text.isascii() or (len(text) >= _SHORT and _plainly_nfc(text)):  # short: is_normalized is as cheap
        return []
    import unicodedata

    if unicodedata.is_normalized("NFC", text):
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
#: the odd spaces of the General Punctuation block (UTF-8: E2 80 80-8A, E2 80 AF, E2 81 9F)
_ODD_GENERAL = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ODD_SPACES = "\t\u00a0\u1680" + _ODD_GENERAL
_SPACE_SET = frozenset(" " + _ODD_SPACES)


# where a run of spaces that needs an edit shows itself, and the offset of a space in it
@cache
def _odd_general_spaces() -> re.Pattern[bytes]:
    """The UTF-8 of an odd space of the General Punctuation block: for a text without a
    skeleton, one scan of its UTF-8 instead of 13 scans of the text (a search for U+2000
    in a text is slow: its low byte is 0)."""
    return re.compile(b"\xe2(?:\x80[\x80-\x8a\xaf]|\x81\x9f)")


@cache
def _odd_space() -> re.Pattern[str]:
    """An odd space (one class: one search of a skeleton instead of 16)."""
    return re.compile(f"[{_ODD_SPACES}]")


def _odd_spaces_in(text: str) -> list[str]:
    """The odd spaces that *text* contains: found in its skeleton, or in the text (tab,
    NBSP, Ogham: at memory speed) and its UTF-8 (the General Punctuation ones)."""
    skeleton = _skeleton(text)
    if skeleton is not None:
        chars = skeleton[1]
        if not chars or _odd_space().search(chars) is None:
            return []
        return [c for c in _ODD_SPACES if c in chars]
    odd = [c for c in _ODD_SPACES[:3] if c in text]
    if _odd_general_spaces().search(call_utf8(text)):
        odd += [c for c in _ODD_GENERAL if c in text]  # "\u2000" in text is slow
    return odd


@cache
def _space_run() -> re.Pattern[str]:
    """A run of spaces (maybe empty)."""
    return re.compile("[ " + _ODD_SPACES + "]*")


@cache
def _edge_newline() -> re.Pattern[str]:
    """A newline with a plain space before or after it, written with the newline first so
    that ``re`` jumps from newline to newline."""
    return re.compile("\n(?:(?<= \n)| )")


def normalize_spaces(text: str) -> list[Edit]:
    """Tabs, NBSP and other spaces -> one space; no spaces at line starts and ends.

    ``\\t a \\u00a0 b  `` -> ``a b``.  The ideographic space of CJK text is kept.

    A run of spaces needs an edit when it is two or more long, has an odd space, or
    touches a line start or end; each such run contains a space found by a literal
    search (``"  "``, a newline with a space next to it, an odd space, the text's ends),
    so only the runs to edit are visited, not every space between two words.
    """
    if not text:
        return []
    odd = _odd_spaces_in(text)
    double = _holds(text, b"  ")
    edges = _holds(text, b" \n", b"\n ")
    n = len(text)
    if not odd and not double and not edges and text[0] != " " and text[-1] != " ":
        return []  # only single spaces between words: nothing to do
    run = _space_run().match
    seeds: list[int] = [0] if text[0] in _SPACE_SET else []
    if edges:
        for nl in _edge_newline().finditer(text):
            at = nl.start()
            if at and text[at - 1] == " ":
                seeds.append(at - 1)
            if at + 1 < n and text[at + 1] == " ":
                seeds.append(at + 1)
    for needle in (["  "] if double else []) + odd:
        i = text.find(needle)
        while i >= 0:
            seeds.append(i)
            i = text.find(needle, m.end() if (m := run(text, i)) else i + 1)
    if text[-1] in _SPACE_SET:
        seeds.append(n - 1)
    seeds.sort()
    out: list[Edit] = []
    done = 0
    for seed in seeds:
        if seed < done:
            continue
        start = seed
        while start > 0 and text[start - 1] in _SPACE_SET:
            start -= 1
        end = m.end() if (m := run(text, seed)) else seed
        edge = start == 0 or end == n or text[start - 1] == "\n" or text[end] == "\n"
        out.append((start, end, "" if edge else " "))
        done = end
    return out


# ----------------------------------------------------------------------------- punctuation
@cache
def _space_before() -> re.Pattern[str]:
    # "decades , as" / "said ." -- not a spaced ellipsis (". . .") nor ".NET"
    return re.compile(r"(?<=[^\W_]|[”’)\]%]) +(?=,(?:\s|$)|\.(?! *\.)(?:\s|$))")


@cache
def _repeated() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "activities. ." and "word,, word" (not the ellipses ". . ." and ". . . ."): the span
    to delete is group 1; each pattern starts at its "." or "," (a literal, which ``re``
    skips to quickly; a pattern that starts with a lookbehind is tried at every position)."""
    return re.compile(r"\.(?<=[^\W_]\.)( +\.)(?! *\.)"), re.compile(r",(?<=[^\W_],)((?: *,)+)")


def remove_space_before_punctuation(text: str) -> list[Edit]:
    """``decades , as`` -> ``decades, as``; ``the end .`` -> ``the end.``.

    Numbers (``1 ,000``), spaced ellipses (``wait . . .``) and ``.NET`` are kept;
    ``;:!?`` are left alone (French sets a space before them).
    """
    if not _holds(text, b" ,", b" ."):
        return []
    ends: list[int] = []  # a "," or "." right after a space: where a match can end
    for needle in (" ,", " ."):
        i = text.find(needle)
        while i >= 0:
            ends.append(i + 1)
            i = text.find(needle, i + 2)
    ends.sort()
    pattern = _space_before()
    out: list[Edit] = []
    for cand in ends:
        start = cand - 1
        while start > 0 and text[start - 1] == " ":
            start -= 1
        m = pattern.match(text, start)  # a match can only start where its run of spaces does
        if m:
            out.append((m.start(), m.end(), ""))
    return out


def remove_repeated_punctuation(text: str) -> list[Edit]:
    """``activities. .`` -> ``activities.``; ``word,, next`` -> ``word, next``.

    Ellipses (``...``, ``. . .``) and ranges (``1...10``) are kept.
    """
    if not _holds(text, b". .", b",,", b", ,"):
        return []
    dots, commas = _repeated()
    out: list[Edit] = [(m.start(1), m.end(1), "") for m in dots.finditer(text)]
    out += [(m.start(1), m.end(1), "") for m in commas.finditer(text)]
    out.sort()
    return out


@cache
def _runs_of(char: str) -> re.Pattern[str]:
    return re.compile(re.escape(char) + "+")


def space_after_ellipsis(text: str) -> list[Edit]:
    """``decreasing…NATO`` -> ``decreasing… NATO``; ``1...10`` stays.

    After a letter, an ellipsis character before an upper-case letter, or exactly three
    dots before an upper-case and a lower-case letter (``wait...Then``, not ``x...NASA``).
    """
    has_char = _holds(text, "…".encode())
    has_dots = _holds(text, b"...")
    if not has_char and not has_dots:
        return []
    from unicodedata import category

    n = len(text)
    out: list[Edit] = []
    if has_char:
        runs = _runs_of("…").match
        i = text.find("…")
        while i >= 0:
            end = run.end() if (run := runs(text, i)) else i + 1
            if (
                end == i + 1
                and i > 0
                and end < n
                and category(text[i - 1])[0] == "L"
                and category(text[end]) == "Lu"
            ):
                out.append((end, end, " "))
            i = text.find("…", end)
    if has_dots:
        dots = _runs_of(".").match
        i = text.find("...")
        while i >= 0:
            end = run.end() if (run := dots(text, i)) else i + 3
            if (
                end == i + 3
                and i > 0
                and end + 1 < n
                and category(text[i - 1])[0] == "L"
                and category(text[end]) == "Lu"
                and category(text[end + 1]) == "Ll"
            ):
                out.append((end, end, " "))
            i = text.find("...", end)
    out.sort()
    return out


_ASCII_FOLDS = {
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


@cache
def _ascii_folding() -> tuple[re.Pattern[str], dict[int, str]]:
    return re.compile("[" + "".join(_ASCII_FOLDS) + "]+"), str.maketrans(_ASCII_FOLDS)


def ascii_punctuation(text: str) -> list[Edit]:
    """Opt-in: fold typographic quotes, dashes and ellipses to ASCII.

    ``“Yes” – he said…`` -> ``"Yes" - he said...``.
    """
    if text.isascii():
        return []
    pattern, table = _ascii_folding()
    return [(m.start(), m.end(), m.group().translate(table)) for m in pattern.finditer(text)]


# ----------------------------------------------------------------------------- layout
@cache
def _blank_run() -> re.Pattern[str]:
    return re.compile("\n\n\n+")  # a literal prefix: found fast


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
        out += [(m.start(), m.end(), "\n\n") for m in _blank_run().finditer(text, head, tail)]
    if len(text) - tail > 1:
        out.append((tail, len(text), "\n"))
    return out


# ----------------------------------------------------------------------------- registry
def _rule(
    name: str,
    finder: Any,
    description: str,
    *examples: tuple[str, str],
    default: bool = True,
    drop_stable: bool = True,
) -> Rule:
    """A ``normalize.*`` rule.  Every one but layout judges characters next to each other on
    one line (no pattern crosses a newline; one at a line end sees the same at the text's
    end), so it is stable under line drops (``Rule.drop_stable``)."""
    return Rule(f"normalize.{name}", description, finder, tuple(examples), default, drop_stable=drop_stable)


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
            drop_stable=False,  # dropping the line between two blank lines makes a run of them
        ),
    )


def early_rules(config: Config) -> list[Rule]:
    """Normalization that runs before the boilerplate and translation rules."""
    return list(_early())


def late_rules(config: Config) -> list[Rule]:
    """Normalization that runs last (layout)."""
    return list(_late())
