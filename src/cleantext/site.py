"""Site-learned boilerplate: ``boilerplate.site-repeated`` and the :class:`SiteModel`.

A site model lists, per site, the fingerprints of lines that repeat across many of
that site's documents (promos, disclaimers, navigation), as learned by
``cleantext learn`` (:mod:`cleantext.learn`).  The rule removes those lines, with
their newline, from a document of that site.

The model and its rule live in :mod:`cleantext.site_model`, loaded on first use of
one of its names: a pipeline without a site model pays nothing for them.

>>> from cleantext import Config, clean
>>> from cleantext.site import SiteModel
>>> model = SiteModel.from_lines({"example.com": (40, ["Subscribe to our newsletter"])})
>>> clean("Text.\\n\\nSUBSCRIBE to our newsletter\\n", config=Config(site_model=model, site="example.com"))
'Text.\\n'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Config

if TYPE_CHECKING:
    from .core import Rule
    from .site_model import (
        LearnedLine,
        SiteCleaner,
        SiteLineRemover,
        SiteLines,
        SiteModel,
        clean_records,
        site_pipeline,
        site_rule,
    )

__all__ = [
    "FORMAT",
    "VERSION",
    "LearnedLine",
    "SiteCleaner",
    "SiteLineRemover",
    "SiteLines",
    "SiteModel",
    "clean_records",
    "rules",
    "site_of",
    "site_pipeline",
    "site_rule",
]

RULE_NAME = "boilerplate.site-repeated"
FORMAT = "cleantext-site-lines"
VERSION = 1
#: example lines are cut to this many characters in the model file (a 60-word line fits)
EXAMPLE_CHARS = 500

#: the names of ``__all__`` that live in :mod:`cleantext.site_model` (loaded on first use)
_LAZY = frozenset(__all__) - {"FORMAT", "VERSION", "rules", "site_of"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import site_model

        value = getattr(site_model, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY)


def site_of(value: str) -> str:
    """The site a document belongs to: the host of a URL, lower-cased, without ``www.``.

    A value that is not a URL (a ``site`` field) is itself the site, lower-cased.

    >>> site_of("https://WWW.Example.com:8080/news/1?x=2"), site_of("www.rferl.org"), site_of("Blog A")
    ('example.com', 'rferl.org', 'blog a')
    """
    site = value.strip()
    if "://" in site or site.startswith("//"):
        from urllib.parse import urlsplit

        try:
            host = urlsplit(site).hostname
        except ValueError:  # e.g. an unbalanced IPv6 bracket
            host = None
        if host:
            site = host
    site = site.lower().rstrip(".")
    return site[4:] if site.startswith("www.") else site


def rules(config: Config) -> list[Rule]:
    """``boilerplate.site-repeated`` when *config* has a site model that knows ``config.site``."""
    model = config.site_model
    if model is None or not config.site:
        return []
    from .site_model import SiteModel, site_rule

    if not isinstance(model, SiteModel):
        raise TypeError(f"Config.site_model must be a cleantext.site.SiteModel, not {type(model).__name__}")
    rule = site_rule(model, config.site)
    return [rule] if rule is not None else []
