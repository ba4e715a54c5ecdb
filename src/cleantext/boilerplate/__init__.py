"""Rules that remove scraper boilerplate (``boilerplate.*``)."""

from __future__ import annotations

from ..config import Config
from ..core import Rule


def rules(config: Config) -> list[Rule]:
    """The boilerplate rules, in their default order."""
    return []
