"""Rules that repair machine-translation and spinning glitches (``translation.*``)."""

from __future__ import annotations

from ..config import Config
from ..core import Rule


def rules(config: Config) -> list[Rule]:
    """The translation rules, in their default order."""
    return []
