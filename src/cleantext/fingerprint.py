"""Line fingerprints for site-learned boilerplate.

A line's fingerprint is a short hash of its *normalized* form: NFKC, case-folded,
zero-width characters and soft hyphens dropped, runs of white space folded to one
space, and (optionally) every run of digits folded to ``0``.  Learning
(:mod:`cleantext.learn`) and cleaning (:mod:`cleantext.site`) use the same
:class:`Fingerprinter`, stored in the model, so they always agree.

>>> fp = Fingerprinter()
>>> fp.key("  Subscribe to  our NEWSLETTER ") == fp.key("subscribe to our newsletter")
True
>>> fp.key("") is None, fp.key("* * *") is None
(True, True)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Fingerprinter", "fingerprint", "is_prose_like", "normalize_line"]

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
# a prose sentence ends in . ! ? or … , perhaps followed by closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\Z")
#: characters per word above which a line is not even normalized (it is prose or data)
_CHARS_PER_WORD = 40


def normalize_line(line: str, fold_digits: bool = False) -> str:
    """The normalized form of *line* that fingerprints are taken of.

    >>> normalize_line("  Read   MORE:\\u200b Ukraine ")
    'read more: ukraine'
    >>> normalize_line("Updated 12:05, May 3", fold_digits=True)
    'updated 0:0, may 0'
    """
    if line.isascii():  # the common case: NFKC and case folding are plain lower-casing
        text = " ".join(line.lower().split())
    else:
        text = " ".join(unicodedata.normalize("NFKC", drop_invisible(line)).casefold().split())
    return _DIGITS.sub("0", text) if fold_digits else text


def drop_invisible(line: str) -> str:
    """*line* without zero-width characters, soft hyphens and BOMs.

    One ``in`` scan per character (at memory speed) and a ``replace`` for those present:
    ``str.translate`` with a deletion table looks every character up in a dict, which
    is many times slower on non-ASCII text.
    """
    for c in _INVISIBLE:
        if c in line:
            line = line.replace(c, "")
    return line


def fingerprint(normalized: str) -> str:
    """16 hex digits of BLAKE2b over the UTF-8 of *normalized* (lone surrogates kept)."""
    data = normalized.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


@dataclass(frozen=True)
class Fingerprinter:
    """How lines become fingerprints; stored in every model.

    Only *candidate* lines get a key: at most ``max_words`` words and at least one
    letter.  Longer lines are paragraphs of prose (or data) and are never learned,
    which also keeps the counting tables small.
    """

    fold_digits: bool = False
    max_words: int = 60

    def normalize(self, line: str) -> str | None:
        """The normalized line, or ``None`` when the line is not a candidate."""
        most = self.max_words
        if not line or len(line) > most * _CHARS_PER_WORD:
            return None
        if line.count(" ") >= most:
            # Normalization only adds words (NFKC turns some marks into a space and a
            # combining mark) once invisible characters are gone: a line that has too
            # many words already is not normalized at all.
            bare = line if line.isascii() else drop_invisible(line)
            if len(bare.split(None, most)) > most:
                return None
        norm = normalize_line(line, self.fold_digits)
        if not norm or norm.count(" ") >= most or not _LETTER.search(norm):
            return None
        return norm

    def key(self, line: str) -> str | None:
        """The fingerprint of a candidate *line*, else ``None``."""
        norm = self.normalize(line)
        return None if norm is None else fingerprint(norm)


def is_prose_like(normalized: str, long_words: int) -> bool:
    """True for lines that could be a sentence of an article, not a piece of furniture.

    A line is prose-like when it has more than *long_words* words, contains a digit
    (dates, scores, counts: facts that repeat on a busy news day), or has three or
    more words and ends like a sentence.  Learning asks more repetition of such lines.

    >>> is_prose_like("he did not elaborate.", 12), is_prose_like("advertisement", 12)
    (True, False)
    >>> is_prose_like("february 10, 2022", 12), is_prose_like("live briefing: ukraine in the crosshairs", 12)
    (True, False)
    """
    words = normalized.count(" ") + 1
    if words > long_words or _DIGITS.search(normalized):
        return True
    return words >= 3 and _SENTENCE_END.search(normalized) is not None
