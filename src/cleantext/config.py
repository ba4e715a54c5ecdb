"""Configuration that parameterises rules: user markers, tables, a site model.

A :class:`Config` is frozen and hashable; build a pipeline from it once
(:func:`cleantext.registry.default_pipeline`) and reuse the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Config"]


@dataclass(frozen=True)
class Config:
    """Everything a user can add to the built-in rules.

    Pairs are tuples so that a config can be hashed, compared and pickled.
    """

    #: extra boilerplate markers, as ``(category, marker)`` pairs; the categories are
    #: those of the built-in marker data (``related``, ``promo``, ``share`` ...)
    extra_markers: tuple[tuple[str, str], ...] = ()
    #: extra place-name renamings, as ``(old, new)`` pairs
    place_names: tuple[tuple[str, str], ...] = ()
    #: when place names are rewritten: ``auto`` (the document is about the country or
    #: already uses a new spelling), ``always`` or ``never``
    place_names_mode: str = "auto"
    #: extra machine-translation calques, as ``(calque, repair)`` pairs
    calques: tuple[tuple[str, str], ...] = ()
    #: a learned site model (``cleantext.site.SiteModel``) and the site the text is from
    site_model: Any = None
    site: str | None = None

    def __post_init__(self) -> None:
        if self.place_names_mode not in ("auto", "always", "never"):
            raise ValueError(f"place_names_mode must be auto, always or never, not {self.place_names_mode!r}")
