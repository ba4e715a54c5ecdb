"""Article extraction from HTML with trafilatura, plus what trafilatura leaves on the table.

* :func:`parse` builds the lxml tree (trafilatura's loader, which repairs broken markup);
* :func:`prune` removes furniture that trafilatura keeps: newsletter and promo boxes,
  pop-up cards inside sentences, short byline/date blocks, teaser cards; and protects
  linked words that precision mode would cut out of sentences;
* :func:`run_trafilatura` extracts the body (precision mode: measured best on the
  development pages, see docs/html.md), :func:`run_metadata` the metadata;
* :func:`split_bodies`, :func:`pieces_missing` and :func:`merge_pieces` repair an
  article body that the page splits into pieces between ads;
* :func:`strip_heading` drops the headline, standfirst and dek that trafilatura
  repeats at the top of the body, when they match the page's own titles.

The heading logic works on plain strings and needs no trafilatura.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._resources import read_json

__all__ = [
    "METADATA_FIELDS",
    "heading_candidates",
    "merge_pieces",
    "page_descriptions",
    "page_headlines",
    "page_standfirsts",
    "parse",
    "pieces_missing",
    "prune",
    "run_metadata",
    "run_trafilatura",
    "split_bodies",
    "strip_heading",
]

_WORD = re.compile(r"\w+")
#: separators between a headline and a site name in ``<title>``
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/]{1,2}\s+|\s*[|·•»]\s*")
#: a line that ends like a sentence (a standfirst or dek does not)
_SENTENCE_END = re.compile(r"[.!?…。！？:;]['\"’”»)]*\s*$")
#: how many lines at the top of the body are examined
_MAX_HEADING_LINES = 4
#: longest line that can be a headline or standfirst (characters)
_MAX_HEADING_CHARS = 400
#: a dek (the unpunctuated line under a headline) has this many words
_DEK_MIN_WORDS = 6
_DEK_MAX_WORDS = 30


# ---------------------------------------------------------------------------- heading
def _norm(text: str | None) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text or ""))


def heading_candidates(titles: Iterable[str | None]) -> frozenset[str]:
    """Normalised forms a headline line may take: each title, and its parts around
    separators (``"Story | The Site"`` gives ``"story the site"`` and ``"the site"``).

    Parts of one word are left out: a lone word is too weak a match.

    >>> sorted(heading_candidates(["Big news today | The Site", None]))
    ['big news today', 'big news today the site', 'the site']
    """
    out: set[str] = set()
    for title in titles:
        if not title or len(title) > _MAX_HEADING_CHARS:
            continue
        full = _norm(title)
        if full:
            out.add(full)
        for part in _TITLE_SEPARATORS.split(title):
            norm = _norm(part)
            if norm.count(" ") >= 1:
                out.add(norm)
    return frozenset(out)


def strip_heading(
    text: str,
    titles: Sequence[str | None],
    descriptions: Sequence[str | None],
    standfirsts: Sequence[str | None] = (),
) -> str:
    """Drop the headline, standfirst and dek repeated at the top of *text*.

    Among the first few lines, the first whose words equal a title (or a title without
    its site name) is the headline: it goes, with anything above it (kickers, teasers
    for other stories); below the first line, a headline has three words or more.
    After it, or at the very top when no headline is found, a run of lines goes while
    each equals a title, or equals a description or standfirst element and does not
    end like a sentence (a first paragraph reused as the page description stays: on
    the development pages a punctuated summary line is as often article text as not).
    The line right after the headline also goes when it reads like a dek: 6 to 30
    words (shorter lines are section headings and datelines), no sentence end (a colon
    counts as one).

    >>> strip_heading("Big news\\nThe first paragraph.", ["Big news | Site"], [])
    'The first paragraph.'
    >>> strip_heading("Big news\\nA short summary\\nBody.", ["Big news"], ["A short summary"])
    'Body.'
    >>> strip_heading("A full first paragraph.\\nBody.", [], ["A full first paragraph."])
    'A full first paragraph.\\nBody.'
    >>> strip_heading("Big news\\nTown votes to keep its old bridge\\nBody.", ["Big news"], [])
    'Body.'
    """
    if not text:
        return text
    title_forms = heading_candidates(titles)
    desc_forms = frozenset(d for d in map(_norm, (*descriptions, *standfirsts)) if d)
    if not title_forms and not desc_forms:
        return text
    lines = text.split("\n")
    top = [i for i, line in enumerate(lines[: _MAX_HEADING_LINES * 4]) if line.strip()][:_MAX_HEADING_LINES]
    cut = 0
    headline = next((i for i in top if _is_headline(_norm(lines[i]), title_forms, i == top[0])), None)
    if headline is not None:
        cut = headline + 1
    for i in top:
        if i < cut:
            continue
        line = lines[i]
        norm = _norm(line)
        if not norm or len(line) > _MAX_HEADING_CHARS:
            break
        unpunctuated = _SENTENCE_END.search(line) is None
        if norm in title_forms or (norm in desc_forms and unpunctuated):
            cut = i + 1
            continue
        if headline is not None and cut == headline + 1 and unpunctuated and _is_dek(norm):
            cut = i + 1
            continue
        break
    if cut == 0:
        return text
    return "\n".join(lines[cut:]).lstrip("\n")


def _is_headline(norm: str, title_forms: frozenset[str], first: bool) -> bool:
    """A title match; below the first line it must be a real headline (3+ words), not a
    lone word such as a site name that could also close a paragraph block."""
    return norm in title_forms and (first or norm.count(" ") >= 2)


def _is_dek(norm: str) -> bool:
    words = norm.count(" ") + 1
    return _DEK_MIN_WORDS <= words <= _DEK_MAX_WORDS


# ---------------------------------------------------------------------------- pruning
@dataclass(frozen=True)
class _Group:
    name: str
    pattern: re.Pattern[str] | None
    itemprops: frozenset[str]
    max_chars: int | None
    keep_anchor: bool


@dataclass(frozen=True)
class _PruneRules:
    groups: tuple[_Group, ...]
    keep_tags: frozenset[str]
    max_share: float


def _marker_pattern(markers: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted(set(markers), key=len, reverse=True)
    if not words:
        return None
    # a class/id token equal to a marker, or a '-'/'_'-separated part of one
    alternation = "|".join(map(re.escape, words))
    return re.compile(rf"(?:^|[\s_-])(?:{alternation})(?=$|[\s_-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _prune_rules() -> _PruneRules:
    data: dict[str, Any] = read_json("html_prune.json")
    groups = tuple(
        _Group(
            name,
            _marker_pattern(spec.get("markers", ())),
            frozenset(spec.get("itemprops", ())),
            spec.get("max_chars"),
            bool(spec.get("keep_anchor", False)),
        )
        for name, spec in data["groups"].items()
    )
    return _PruneRules(groups, frozenset(data["never_remove_tags"]), float(data["max_text_share"]))


def _matches(group: _Group, elem: Any, attrs: str) -> bool:
    if group.itemprops and elem.get("itemprop") in group.itemprops:
        pass
    elif group.pattern is None or not attrs or group.pattern.search(attrs) is None:
        return False
    return group.max_chars is None or len(elem.text_content()) <= group.max_chars


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _teaser_cards(tree: Any) -> list[Any]:
    """Cards teasing another page: a link wrapping a picture and a whole heading
    (``<a href="/other"><img><h3>…</h3></a>``).

    A link *inside* a heading (``<h3><a>…</a></h3>``), a linked heading without a
    picture (a list item's title) and a link to a place on the same page
    (``href="#part-2"``) stay.
    """
    return [
        a
        for a in tree.iter("a")
        if not (a.get("href") or "#").startswith("#")
        and next(a.iter(*_HEADINGS), None) is not None
        and next(a.iter("img", "picture"), None) is not None
    ]


def _anchor(elem: Any) -> Any:
    """The word a pop-up card hangs on: ``True`` for the element's own leading text,
    its first child if that is a link, else ``None`` (the element is all card)."""
    if elem.text and elem.text.strip():
        return True
    first = elem[0] if len(elem) else None
    return first if first is not None and first.tag == "a" else None


def prune(tree: Any) -> int:
    """Remove furniture elements from the lxml *tree* in place; return how many.

    An element goes when a token of its ``class`` or ``id`` (or a ``-``-separated part
    of one) is a marker of one of the groups in ``data/html_prune.json``: newsletter
    and promo boxes, pop-up cards hanging on a name, short byline/date blocks.  Links
    wrapping a picture and a whole heading (teaser cards for other pages) go too.
    Structural elements (``body``, ``article``, ``p`` ...), marked elements inside a
    paragraph (except pop-up cards) and elements holding a large share of the page's
    text always stay.
    """
    rules = _prune_rules()
    total = len(tree.text_content()) or 1
    doomed = []
    for elem in tree.iter():
        tag = elem.tag
        if not isinstance(tag, str) or tag in rules.keep_tags:
            continue
        attrs = f"{elem.get('class') or ''} {elem.get('id') or ''}".strip()
        if not attrs and elem.get("itemprop") is None:
            continue
        for group in rules.groups:
            if _matches(group, elem, attrs):
                # words inside a paragraph are prose ("on <span class="date">May 1</span>"),
                # except a pop-up card, which is made to sit inside a sentence
                if group.keep_anchor or next(elem.iterancestors("p"), None) is None:
                    doomed.append((elem, group.keep_anchor))
                break
    doomed.extend((a, False) for a in _teaser_cards(tree))
    removed = 0
    for elem, keep_anchor in doomed:
        if len(elem.text_content()) > rules.max_share * total:
            continue
        anchor = _anchor(elem) if keep_anchor else None
        if anchor is None:
            _drop(elem)
        else:  # keep the word the card hangs on, drop the card
            for child in list(elem):
                if child is not anchor:
                    _drop(child)
        removed += 1
    _unmark_inline_links(tree)
    return removed


_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _unmark_inline_links(tree: Any) -> None:
    """Neutralise the marks that make trafilatura's precision mode cut words out of sentences.

    Precision mode deletes any element whose class is ``link`` or whose inline style
    mentions ``border``; inside a paragraph those are linked words or word-processor
    formatting, so the class token (or the style, unless it hides the text) is removed.
    """
    for elem in tree.iter("span", "a", "em", "i", "strong", "b", "font", "u"):
        classes = elem.get("class")
        style = elem.get("style")
        has_link = classes is not None and "link" in classes.split()
        has_border = style is not None and "border" in style and _HIDING_STYLE.search(style) is None
        if not (has_link or has_border) or next(elem.iterancestors("p"), None) is None:
            continue
        if has_link and classes is not None:
            elem.set("class", " ".join(c for c in classes.split() if c != "link"))
        if has_border:
            del elem.attrib["style"]


#: class parts of a container that holds (part of) the article text
_BODY_CLASS = re.compile(
    r"(?:^|[\s_-])(?:body|content|article|story|text|entry|post)(?=$|[\s_-])", re.IGNORECASE
)
#: a container counts as article text when its own paragraphs hold this many characters
_MIN_BODY_CHARS = 200
#: pieces of one body have a common ancestor at most this many levels up
_MAX_KIN_DISTANCE = 4


def split_bodies(tree: Any) -> list[list[Any]]:
    """Groups of same-class containers that look like pieces of one article body.

    Sites put ads or promos between pieces of the body, each piece in its own
    ``<div class="article-body">``.  Pieces are close kin (a common ancestor at most a
    few levels up), inside the same ``<article>``, with no ``<h1>``/``<h2>`` between
    them (another story appended below the first one stays apart), each with paragraphs
    of its own; reader comments are left out.
    """
    groups: dict[tuple[str, str], list[Any]] = {}
    for elem in tree.iter("div", "section"):
        classes = elem.get("class")
        if not classes or _BODY_CLASS.search(classes) is None or "comment" in classes.lower():
            continue
        own = sum(len(p.text_content()) for p in elem.iterchildren("p"))
        if own >= _MIN_BODY_CHARS:
            groups.setdefault((elem.tag, " ".join(classes.split())), []).append(elem)
    found: list[list[Any]] = []
    order: dict[Any, int] = {}
    heads: list[int] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        if not order:
            order = {el: n for n, el in enumerate(tree.iter())}
            heads = sorted(order[h] for h in tree.iter("h1", "h2"))
        first = members[0]
        near = list(first.iterancestors())[:_MAX_KIN_DISTANCE]
        article = next(first.iterancestors("article"), None)
        kin = [first]
        for piece in members[1:]:
            ancestors = list(piece.iterancestors())
            if first in ancestors or piece in near:
                continue
            if next(piece.iterancestors("article"), None) is not article:
                continue
            if not any(a in near for a in ancestors[:_MAX_KIN_DISTANCE]):
                continue
            gap_start = max(order[e] for e in kin[-1].iter())
            if bisect.bisect_right(heads, gap_start) < bisect.bisect_left(heads, order[piece]):
                break  # a headline between the pieces: the next story begins
            kin.append(piece)
        if len(kin) > 1:
            found.append(kin)
    return found


def pieces_missing(text: str, groups: list[list[Any]]) -> bool:
    """True when *text* lacks a later piece of a split body (trafilatura kept only the first)."""
    have = _norm(text)
    for group in groups:
        for piece in group[1:]:
            longest = max((p.text_content() for p in piece.iterchildren("p")), key=len, default="")
            probe = _norm(longest[:200])
            if probe and probe not in have:
                return True
    return False


def merge_pieces(groups: list[list[Any]]) -> None:
    """Move the children of each later piece into the first piece of its group."""
    for first, *rest in groups:
        for piece in rest:
            for child in list(piece):
                first.append(child)


def _drop(elem: Any) -> None:
    """Remove *elem* but keep its tail text."""
    parent = elem.getparent()
    if parent is None:
        return
    tail = elem.tail
    if tail:
        prev = elem.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(elem)


# ---------------------------------------------------------------------------- trafilatura
def parse(html: str) -> Any:
    """The lxml tree of *html* (trafilatura's loader), or ``None`` if nothing parses.

    A fragment without ``<html>``/``<body>`` is wrapped in a page first.
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None and html.strip():
        tree = load_html(f"<html><body><div>{html}</div></body></html>")
    return tree


def _texts(tree: Any, xpath: str, limit: int = 3) -> list[str]:
    out: list[str] = []
    for item in tree.xpath(xpath)[:limit]:
        text = item if isinstance(item, str) else item.text_content()
        text = " ".join(str(text).split())
        if text:
            out.append(text)
    return out


def page_headlines(tree: Any) -> tuple[str, ...]:
    """Headline texts the page declares: ``og:title``, ``twitter:title``, ``<title>``, ``<h1>``."""
    found = (
        _texts(tree, '//meta[@property="og:title" or @name="twitter:title"]/@content')
        + _texts(tree, "//head/title")
        + _texts(tree, "//h1")
    )
    return tuple(dict.fromkeys(found))


def page_descriptions(tree: Any) -> tuple[str, ...]:
    """Descriptions the page declares (``description``, ``og:description`` ...)."""
    found = _texts(
        tree,
        '//meta[@name="description" or @property="og:description" or @name="twitter:description"]/@content',
    )
    return tuple(dict.fromkeys(found))


#: class parts of a standfirst (summary under the headline) element
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|subhead|subheadline|sub-headline|dek|deck|subtitle|sub-title|strapline)(?=$|[\s_-])",
    re.IGNORECASE,
)
_STANDFIRST_TAGS = ("h2", "h3", "p", "div", "span")


def page_standfirsts(tree: Any, limit: int = 3) -> tuple[str, ...]:
    """Texts of the page's standfirst elements (``<h2 class="subhead">`` ...), first few."""
    found: list[str] = []
    for elem in tree.iter(*_STANDFIRST_TAGS):
        attrs = elem.get("class")
        if not attrs or _STANDFIRST_CLASS.search(attrs) is None:
            continue
        text = " ".join(elem.text_content().split())
        if text and len(text) <= _MAX_HEADING_CHARS:
            found.append(text)
            if len(found) >= limit:
                break
    return tuple(dict.fromkeys(found))


def run_trafilatura(
    tree: Any,
    *,
    url: str | None,
    include_comments: bool,
    settings: dict[str, Any] | None = None,
) -> tuple[str, Any]:
    """Extract the body text from the parsed page *tree*: ``(text, trafilatura document)``.

    Precision mode with tables and without deduplication: the best settings measured on the
    development pages (docs/html.md).  Reader comments are appended when asked for.
    """
    from trafilatura import bare_extraction

    kwargs: dict[str, Any] = {
        "favor_precision": True,
        "include_tables": True,
        "include_comments": include_comments,
        "deduplicate": False,
    }
    kwargs.update(settings or {})
    doc = bare_extraction(tree, url=url, **kwargs)
    if doc is None:
        return "", None
    text = getattr(doc, "text", None) or ""
    if include_comments:
        comments = getattr(doc, "comments", None) or ""
        if comments:
            text = f"{text}\n{comments}" if text else comments
    return text, doc


#: the metadata fields of :func:`run_metadata`, as in :class:`cleantext.html.Document`
METADATA_FIELDS = ("title", "author", "date", "url", "sitename", "description")


def run_metadata(tree: Any, url: str | None) -> dict[str, str | None]:
    """The page's metadata (title, author, date, url, sitename, description)."""
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(tree, url)
    return {
        key: (" ".join(str(value).split()) or None) if value else None
        for key in METADATA_FIELDS
        for value in (getattr(meta, key, None),)
    }
