"""Marker data: the per-language JSON files under ``cleantext/data/markers``.

Each file maps a *category* (``related``, ``promo``, ``share`` ...) to regular-expression
fragments.  Categories are merged over all languages, user markers from
``Config.extra_markers`` are added as escaped literals, and each category is compiled
once into one case-insensitive alternation.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

__all__ = ["CATEGORIES", "LANGUAGES", "compile_category", "extra_for", "fragments", "word_set"]

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
    "captions",
    "caption_start",
    "caption_glued",
    "meta",
    "date_words",
    "date_status",
)


@lru_cache(maxsize=1)
def _data() -> dict[str, tuple[str, ...]]:
    merged: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    base = resources.files("cleantext") / "data" / "markers"
    for lang in LANGUAGES:
        table = json.loads((base / f"{lang}.json").read_text(encoding="utf-8"))
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


def _alternation(category: str, extra: tuple[str, ...]) -> str:
    parts = list(fragments(category)) + [re.escape(m.strip()) for m in extra]
    # longest first, so that "read more" wins over "read" in a whole-line match
    parts.sort(key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=256)
def compile_category(category: str, extra: tuple[str, ...], template: str) -> re.Pattern[str]:
    """Compile ``template`` with ``{m}`` replaced by the alternation of *category*.

    >>> bool(compile_category("related", (), r"(?:{m})\\Z").match("Read also"))
    True
    """
    return re.compile(template.replace("{m}", _alternation(category, extra)), re.IGNORECASE)


@lru_cache(maxsize=16)
def word_set(category: str, extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A whole-word pattern for categories that are word lists (``date_words``, ``roles``)."""
    return compile_category(category, extra, r"(?:{m})\Z")
