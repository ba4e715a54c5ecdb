"""Configuration that parameterises rules: user markers, tables, a site model.

A :class:`Config` is frozen and hashable; build a pipeline from it once
(:func:`cleantext.registry.default_pipeline`) and reuse the pipeline.
"""

from __future__ import annotations

from typing import Any

from ._record import Frozen

__all__ = ["Config"]


class Config(Frozen):
    """Everything a user can add to the built-in rules.

    Pairs are tuples so that a config can be hashed, compared and pickled; fields are
    keyword arguments (``Config(place_names_mode="always")``); ``config._replace(...)``
    makes a changed copy.
    """

    __slots__ = (  # noqa: RUF023 - the order of the fields
        "extra_markers",
        "place_names",
        "place_names_mode",
        "calques",
        "site_model",
        "site",
    )
    #: extra boilerplate markers, as ``(category, marker)`` pairs; the categories are
    #: those of the built-in marker data (``related``, ``promo``, ``share`` ...)
    extra_markers: tuple[tuple[str, str], ...]
    #: extra place-name renamings, as ``(old, new)`` pairs
    place_names: tuple[tuple[str, str], ...]
    #: when place names are rewritten: ``auto`` (the document is about the country or
    #: already uses a new spelling), ``always`` or ``never``
    place_names_mode: str
    #: extra machine-translation calques, as ``(calque, repair)`` pairs
    calques: tuple[tuple[str, str], ...]
    #: a learned site model (``cleantext.site.SiteModel``) and the site the text is from
    site_model: Any
    site: str | None

    def __init__(
        self,
        *,
        extra_markers: tuple[tuple[str, str], ...] = (),
        place_names: tuple[tuple[str, str], ...] = (),
        place_names_mode: str = "auto",
        calques: tuple[tuple[str, str], ...] = (),
        site_model: Any = None,
        site: str | None = None,
    ) -> None:
        if place_names_mode not in ("auto", "always", "never"):
            raise ValueError(f"place_names_mode must be auto, always or never, not {place_names_mode!r}")
        self._set(
            extra_markers=extra_markers,
            place_names=place_names,
            place_names_mode=place_names_mode,
            calques=calques,
            site_model=site_model,
            site=site,
        )
