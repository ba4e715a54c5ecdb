"""``boilerplate.agency-credit``: reporting credits and agency attributions.

``With reports from AFP, AP and Reuters``, ``(Reporting by …; Editing by …)``,
``Keith Bradsher contributed reporting from Hong Kong.``, ``Additional reporting by …``.
One rule covers both agency lines and contributor lines: both credit the reporting,
not the story, and users switch them off together.
"""

from __future__ import annotations

from ..core import Edit
from .lines import Doc, drop_lines, word_count
from .markers import line_matcher

__all__ = ["find_credits"]


def _pick(doc: Doc, extra: tuple[str, ...]) -> set[int]:
    pattern = line_matcher("credits", extra, r"[\W_]{0,3}(?:{m})[\s.)\]]{0,3}\Z")
    lines = doc.lines
    return {
        i
        for i in pattern.candidates(doc)
        if len(lines[i]) <= 500 and word_count(lines[i]) <= 60 and pattern.match(lines[i])
    }


def find_credits(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop standalone credit lines for agencies and contributing reporters.

    The whole line must be the credit: ``Smith contributed reporting skills to the team.``
    stays.
    """
    return drop_lines(text, _pick, extra)
