"""The registry: every rule, in its default order.

Order: early normalization (encoding, characters, spaces), boilerplate, translation
repairs, site-learned lines, then the layout pass (blank lines, document edges).
Each family module exposes ``rules(config) -> list[Rule]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from . import boilerplate, normalize, site, translation
from .config import Config
from .core import Pipeline, Rule
from .selection import resolve

__all__ = ["all_rules", "default_pipeline", "get_rule", "rules"]

_DEFAULT = Config()


def all_rules(config: Config | None = None) -> tuple[Rule, ...]:
    """Every registered rule (opt-in ones too), in default order."""
    if config is None or config == _DEFAULT:
        return _default_rules()
    return _build(config)


@lru_cache(maxsize=1)
def _default_rules() -> tuple[Rule, ...]:
    # The built-in rule set is immutable, so building it once is safe.
    return _build(_DEFAULT)


def _build(config: Config) -> tuple[Rule, ...]:
    return tuple(
        normalize.early_rules(config)
        + boilerplate.rules(config)
        + translation.rules(config)
        + site.rules(config)
        + normalize.late_rules(config)
    )


def rules(config: Config | None = None) -> tuple[Rule, ...]:
    """Alias of :func:`all_rules`: the registry listing."""
    return all_rules(config)


def get_rule(name: str, config: Config | None = None) -> Rule:
    """Return the registered rule called *name*."""
    for rule in all_rules(config):
        if rule.name == name:
            return rule
    raise KeyError(f"no rule named {name!r}")


def default_pipeline(
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> Pipeline:
    """The default pipeline, narrowed by *select*/*ignore*, built from *config*."""
    if select is None and ignore is None and (config is None or config == _DEFAULT):
        return _default_pipeline()
    return Pipeline(resolve(all_rules(config), select, ignore))


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline(resolve(_default_rules()))
