"""The public functions: :func:`clean` and :func:`explain`."""

from __future__ import annotations

from collections.abc import Iterable

from .config import Config
from .core import Change
from .registry import default_pipeline

__all__ = ["clean", "explain"]


def clean(
    text: str,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> str:
    """Clean *text* with the default pipeline.

    *select* and *ignore* take rule names or family prefixes (``"boilerplate"``,
    ``"normalize.mojibake"``); *config* adds user markers, tables or a site model.
    For many documents, build the pipeline once with
    :func:`cleantext.default_pipeline` and call it.

    >>> clean("schÃ¶n , da")
    'schön, da'
    """
    return default_pipeline(select, ignore, config).clean(text)


def explain(
    text: str,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> list[Change]:
    """List the changes :func:`clean` makes to *text*, and the findings it leaves.

    Each :class:`~cleantext.core.Change` names its rule and the line of *text* it
    starts on; :func:`cleantext.apply_changes` replays them to give ``clean(text)``.
    """
    return default_pipeline(select, ignore, config).explain(text)
