"""cleantext: turn scraped article text into clean prose.

>>> from cleantext import clean
>>> clean("schÃ¶n , da")
'schön, da'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import clean, explain
    from .config import Config
    from .core import Change, Pipeline, Rule, apply_changes, apply_edits
    from .registry import all_rules, default_pipeline, get_rule, rules

_LAZY = {
    "clean": "api",
    "explain": "api",
    "Config": "config",
    "Change": "core",
    "Pipeline": "core",
    "Rule": "core",
    "apply_changes": "core",
    "apply_edits": "core",
    "all_rules": "registry",
    "default_pipeline": "registry",
    "get_rule": "registry",
    "rules": "registry",
}

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
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    # HTML support imports trafilatura: load it only when asked for.
    if name in ("clean_html", "extract", "Document"):
        from . import html

        return getattr(html, name)
    raise AttributeError(f"module 'cleantext' has no attribute {name!r}")
