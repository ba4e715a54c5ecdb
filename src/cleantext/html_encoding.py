"""Decode the bytes of an HTML page to text.

Order: a byte-order mark; valid UTF-8 (multi-byte UTF-8 sequences almost never occur
by chance in legacy-encoded text, while pages that declare ``latin-1`` but are UTF-8
are common); the ``<meta charset>`` (or ``http-equiv``) declaration near the top;
:mod:`charset_normalizer` (part of the ``html`` extra); finally UTF-8 with
replacement characters.  Never raises.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["declared_encoding", "decode_html"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: how far into the page a charset declaration is looked for
_SNIFF_BYTES = 8192
# bounded repetition: linear on any input
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
#: labels that browsers read as another encoding (WHATWG Encoding Standard)
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
}


def declared_encoding(data: bytes) -> str | None:
    """The Python codec named by the page's ``<meta>`` charset, if any and known.

    >>> declared_encoding(b'<meta charset="ISO-8859-1"><p>x')
    'cp1252'
    >>> declared_encoding(b"<p>no declaration</p>") is None
    True
    """
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # a page whose declaration we can read is ASCII-compatible: a UTF-16 label is wrong
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def decode_html(data: bytes) -> str:
    """Return *data* decoded to ``str``; undecodable bytes become U+FFFD.

    >>> decode_html("café".encode("cp1252") + b'<meta charset="windows-1252">')
    'café<meta charset="windows-1252">'
    >>> decode_html(codecs.BOM_UTF8 + "ü".encode())
    'ü'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: guess instead
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    return data.decode(declared or "utf-8", "replace")


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - part of the html extra
        return None
    best = from_bytes(data).best()
    return None if best is None else str(best)
