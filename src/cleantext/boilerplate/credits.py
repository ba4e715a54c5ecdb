"""``boilerplate.agency-credit``: reporting credits and agency attributions.

``With reports from AFP, AP and Reuters``, ``(Reporting by …; Editing by …)``,
``Keith Bradsher contributed reporting from Hong Kong.``, ``Additional reporting by …``.
One rule covers both agency lines and contributor lines: both credit the reporting,
not the story, and users switch them off together.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core import Edit
from .lines import drop_lines, word_count
from .markers import compile_category

__all__ = ["find_credits"]


def _pick(lines: Sequence[str], extra: tuple[str, ...]) -> set[int]:
    pattern = compile_category("credits", extra, r"[\W_]{0,3}(?:{m})[\s.)\]]{0,3}\Z")
    return {
        i
        for i, line in enumerate(lines)
        if line and len(line) <= 500 and word_count(line) <= 60 and pattern.match(line)
    }


def find_credits(text: str, extra: tuple[str, ...] = ()) -> list[Edit]:
    """Drop standalone credit lines for agencies and contributing reporters.

    The whole line must be the credit: ``Smith contributed reporting skills to the team.``
    stays.
    """
    return drop_lines(text, _pick, extra)
