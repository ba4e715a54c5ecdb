"""``boilerplate.related``: "Read more" / "Check Also" / "DON'T MISS" markers and their teasers."""

from __future__ import annotations

import itertools
from functools import lru_cache

from ..core import Edit
from .lines import Doc, Settled, doc_for, drop_lines, is_headline, next_nonblank, word_count
from .markers import Extra, LineMatcher, lazy_pattern, line_matcher, may_match

__all__ = ["find_related"]

_OPEN = r"[\[(«\"“'‘*•►▶|#>\s-]{0,3}"
_CLOSE = r"[\])»\"”'’*:：|>»…\s-]{0,4}"
_MAX_TEASERS = 12
#: "More <topic>: <link> and <link>"
_MORE_LINKS = lazy_pattern(
    globals(), "_MORE_LINKS", r"More [^:\n]{1,30}: https?://\S+(?: and https?://\S+)*\Z"
)
_MIN_HEADLINE_WORDS = 3
#: a headline tagged with its kind: "… [VIDEO]", "… [Video]", "… [INSIGHT]|"
_TAGGED = lazy_pattern(
    globals(), "_TAGGED", r".{10,250}\[[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15})?\]\W{0,2}\Z"
)
_BULLET = ("- ", "• ", "* ", "· ", "– ", "— ", "► ", "▶ ")
_STARTS_UPPER = lazy_pattern(globals(), "_STARTS_UPPER", r"[\W_]{0,2}[^\W\d_a-zа-яё]|\d")


@lru_cache(maxsize=16)
def _patterns(extra: Extra) -> tuple[LineMatcher, LineMatcher, LineMatcher]:
    alone = line_matcher("related", extra, _OPEN + r"(?:{m})" + _CLOSE + r"\Z")
    inline = line_matcher("related", extra, _OPEN + r"(?:{m})\s*[:：|»>–—-]\s*(?P<rest>\S.*)\Z")
    spaced = line_matcher("related", extra, _OPEN + r"(?P<marker>{m}) (?P<rest>\S.*)\Z")
    return alone, inline, spaced


def _is_teaser_line(line: str) -> bool:
    """A linked headline or teaser: headline-shaped and at least three words (not a product name)."""
    return word_count(line) >= _MIN_HEADLINE_WORDS and is_headline(line)


def _headline_rest(rest: str) -> bool:
    rest = rest.rstrip("])»|")
    if rest.startswith(("http://", "https://")):
        return True  # "More AP NBA: https://…"
    return word_count(rest) <= 30 and _STARTS_UPPER.match(rest) is not None and is_headline(rest, 30)


def _pick(doc: Doc, extra: Extra) -> set[int]:
    alone, inline, spaced = _patterns(extra)
    lines = doc.lines
    n = len(lines)
    out: set[int] = set()
    cands = alone.candidates(doc)
    markers = {
        i for i in cands if len(lines[i]) <= 300 and word_count(lines[i]) <= 8 and alone.match_at(doc, i)
    }
    # markers that only other markers follow (a "Related" / "Read more" tail) go as well
    trailing: set[int] = set()
    k = n - 1
    while k >= 0 and (not lines[k] or k in markers):
        if lines[k]:
            trailing.add(k)
        k -= 1
    for i in cands:
        line = lines[i]
        if len(line) > 300 or i in out:
            continue
        if i in markers:
            teasers: list[int] = []
            j = next_nonblank(lines, i)
            bullets = False
            while j < n and len(teasers) < _MAX_TEASERS and _is_teaser_line(lines[j]):
                # a bulleted list ends with its last bullet
                if teasers and bullets and not lines[j].startswith(_BULLET):
                    break
                bullets = bullets or (not teasers and lines[j].startswith(_BULLET))
                teasers.append(j)
                j = next_nonblank(lines, j)
            if teasers or i in trailing:
                out.add(i)
                out.update(teasers)
            continue
        m = inline.match_at(doc, i)
        if m and _headline_rest(m.group("rest")):
            out.add(i)
            continue
        if line.startswith("More ") and _MORE_LINKS.match(line):  # the pattern's first five characters
            out.add(i)  # "More AP NBA: https://…"
            continue
        m = spaced.match_at(doc, i)
        if m and "." in m.group("marker") and _headline_rest(m.group("rest")):
            out.add(i)  # "Also on example.com <headline>"
    tagged = _tagged_lines(doc) if "]" in doc.text else []
    out.update(_tagged_runs(lines, tagged))
    if not out and not markers and len(tagged) < 2:
        # no marker, no line matched by its own text, fewer than two tagged lines: none in
        # fewer lines either
        doc.clean.add((find_related, extra))
        return out
    if markers <= out and sum(1 for i in tagged if i not in out) < 2:
        # every marker went, and fewer than two tagged lines are left: a second round, on the
        # lines left, would find no marker, no line matched by its own text, no tagged run;
        # nor would it in any part of them
        return Settled.marked(out, (find_related, extra))
    return out


def _is_tagged(line: str) -> bool:
    return (
        "]" in line[-4:] and len(line) <= 260 and word_count(line) <= 30 and _TAGGED.match(line) is not None
    )


def _tagged_lines(doc: Doc) -> list[int]:
    lines = doc.lines
    return [i for i in sorted(doc.containing(("]",))) if _is_tagged(lines[i])]


def _tagged_runs(lines: list[str], tagged: list[int]) -> set[int]:
    """Runs of two or more consecutive tagged headlines (``… [VIDEO]``), with no marker."""
    out: set[int] = set()
    for a, b in itertools.pairwise(tagged):
        if next_nonblank(lines, a) == b:
            out.update((a, b))
    return out


def find_related(text: str, extra: Extra = ()) -> list[Edit]:
    """Drop related-content blocks: a marker line (``Check Also``, ``DON'T MISS``, ``Lire aussi``)
    with the headlines and ellipsis teasers after it, and ``READ MORE: <headline>`` lines.

    The block ends at the first line shaped like prose (a sentence end that is not an
    ellipsis), so ``Check also that the valve is closed before …`` and the article after a
    teaser stay.
    """
    doc = doc_for(text)
    token = (find_related, extra)  # nothing found here, nor in any part of these lines
    if token in doc.clean:
        return []
    if not may_match(doc, _patterns(extra)[:1]) and "]" not in text:
        doc.clean.add(token)
        return []  # no marker line and no tagged headline: nothing to start a pick from
    return drop_lines(text, _pick, extra, doc=doc)
