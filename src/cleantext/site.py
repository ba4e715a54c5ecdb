"""Site-learned boilerplate (``boilerplate.site-repeated``)."""

from __future__ import annotations

from .config import Config
from .core import Rule


def rules(config: Config) -> list[Rule]:
    """The site-model rule, when *config* carries a model."""
    return []
