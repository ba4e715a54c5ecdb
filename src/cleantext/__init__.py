"""cleantext: turn scraped article text into clean prose.

>>> from cleantext import clean
>>> clean("schÃ¶n , da")
'schön, da'
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .api import clean, explain
from .config import Config
from .core import Change, Pipeline, Rule, apply_changes, apply_edits
from .registry import all_rules, default_pipeline, get_rule, rules

__all__ = [
    "Change",
    "Config",
    "Pipeline",
    "Rule",
    "__version__",
    "all_rules",
    "apply_changes",
    "apply_edits",
    "clean",
    "clean_html",
    "default_pipeline",
    "explain",
    "extract",
    "get_rule",
    "rules",
]


def __getattr__(name: str) -> Any:
    # HTML support imports trafilatura: load it only when asked for.
    if name in ("clean_html", "extract", "Document"):
        from . import html

        return getattr(html, name)
    raise AttributeError(f"module 'cleantext' has no attribute {name!r}")
