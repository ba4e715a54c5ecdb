"""Rules that remove scraper boilerplate (``boilerplate.*``).

Each kind of page furniture is its own rule, so it can be switched off by name.  All
of them drop *whole standalone lines* (or a block of them) and anchor on structure: a
marker line, a marker with the teasers after it, a tail block, a line that is nothing
but a label.  Marker phrases live in ``cleantext/data/markers/*.json``; users add their
own with ``Config(extra_markers=((category, marker), ...))``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..config import Config
from ..core import Edit, Rule
from .ads import find_ads, find_copyright
from .author import find_author
from .captions import find_captions
from .comments import find_comments
from .credits import find_credits
from .debris import find_debris
from .markers import Extra, extra_for
from .promo import find_promo
from .pullquote import find_pull_quotes
from .related import find_related
from .share import find_share

__all__ = ["rules"]

_Finder = Callable[..., list[Edit]]

#: (name, finder, marker categories the user may extend, description, examples), in order
_SPECS: tuple[tuple[str, _Finder, tuple[str, ...], str, tuple[tuple[str, str], ...]], ...] = (
    (
        "boilerplate.debris",
        find_debris,
        ("meta",),
        "Drop lone timestamps, URLs, shortcodes and tag lines left by the scraper.",
        (
            ("Text.\n2019-11-19T08:57:40+01:00\n", "Text.\n"),
            ("Text.\nUpdated at 1:23 p.m.\n", "Text.\n"),
            ("[button link=”/x” type=”big”] Send us YOUR review[/button]\nText.\n", "Text.\n"),
        ),
    ),
    (
        "boilerplate.share",
        find_share,
        ("share", "share_suffix"),
        "Drop share-button lines (Share this:, Facebook, Twitter) and Click To Tweet suffixes.",
        (
            ("Text.\nShare this:\nFacebook\nTwitter\n", "Text.\n"),
            ("A quote worth sharing.Click To Tweet\n", "A quote worth sharing.\n"),
        ),
    ),
    (
        "boilerplate.ads",
        find_ads,
        ("ads",),
        "Drop standalone ad labels (Advertisement, Sponsored content, Anzeige).",
        (("First.\nADVERTISEMENT\nSecond.\n", "First.\nSecond.\n"),),
    ),
    (
        "boilerplate.copyright",
        find_copyright,
        ("copyright",),
        "Drop short copyright lines (© 2019 Reuters, All rights reserved.).",
        (("Text.\n© 2019 Example News. All rights reserved.\n", "Text.\n"),),
    ),
    (
        "boilerplate.comments",
        find_comments,
        ("comments", "comments_block", "comments_end"),
        "Drop comment widgets (Leave a Reply, 0 Comments) and reader-comment blocks at the tail.",
        (
            (
                "The article, in full.\n\n2 thoughts on “Title”\n\nGreat post!\n\nThanks.\n",
                "The article, in full.\n\n",
            ),
            ("Text.\nYou must log in to post a comment.\n", "Text.\n"),
        ),
    ),
    (
        "boilerplate.promo",
        find_promo,
        ("promo", "promo_head", "promo_body"),
        "Drop newsletter, app, membership, follow-us and live-coverage promo lines.",
        (
            ("Text.\nCLICK HERE TO GET THE FOX NEWS APP\n", "Text.\n"),
            (
                "Text.\nLive briefing: Crisis\nConsult our live briefing, updated throughout the day.\n",
                "Text.\n",
            ),
        ),
    ),
    (
        "boilerplate.related",
        find_related,
        ("related",),
        "Drop related-article markers (Read more, Check Also, Lire aussi) with their teasers.",
        (
            ("Text.\nREAD MORE: Plague outbreak confirmed in Beijing\n", "Text.\n"),
            (
                "Text.\n\nCheck Also\n\nVeterans Board Expands Its Ranks\n\nThe Council has grown to …",
                "Text.",
            ),
        ),
    ),
    (
        "boilerplate.author",
        find_author,
        ("author_box", "roles"),
        "Drop author boxes, tail bios, bylines and reporter contact lines.",
        (
            ("Text.\n\nAbout Eleanor Blackburn\n", "Text.\n\n"),
            ("Text.\nAbout the Author\nJane Doe covers energy.\n", "Text.\n"),
        ),
    ),
    (
        "boilerplate.agency-credit",
        find_credits,
        ("credits", "credit_words"),
        "Drop agency and contributor credit lines (With reports from AFP, Additional reporting by).",
        (
            ("Text.\nWith reports from AFP, AP and Reuters\n", "Text.\n"),
            ("Text.\nKeith Bradsher contributed reporting from Hong Kong.\n", "Text.\n"),
        ),
    ),
    (
        "boilerplate.captions",
        find_captions,
        ("captions", "caption_start", "caption_glued"),
        "Drop standalone photo captions and credits ((right), (AP Photo/…), Photo: …).",
        (
            ("Text.\nThe minister (right) meets his guest in Moscow on February 10.\n", "Text.\n"),
            ("Text.\nPhoto: Jane Doe/Reuters\n", "Text.\n"),
        ),
    ),
    (
        "boilerplate.pull-quote",
        find_pull_quotes,
        (),
        "Drop a short line that only repeats a quotation found elsewhere in the text.",
        (
            (
                "He called it a “threatening posture” again.\n“threatening posture”\n",
                "He called it a “threatening posture” again.\n",
            ),
        ),
    ),
)


#: the rules stable under line drops (``Rule.drop_stable``): each judges every line by its own
#: text, and what else it drops hangs on such a line, so a text where it finds nothing keeps
#: nothing to find when lines go.  Not stable: comments (a block header counts only past the
#: first 15 % of the text, an open block only in its last 60 %), related (a marker goes alone
#: when only markers follow it; tagged headlines go when two become neighbours) and author
#: (bios and "About <Name>" go only among the last lines).
_DROP_STABLE = frozenset(
    (
        "boilerplate.debris",  # per line; a tag list goes only after a tag line that goes
        "boilerplate.share",  # per line, and the "Click To Tweet" suffix of a line
        "boilerplate.ads",
        "boilerplate.copyright",
        "boilerplate.promo",  # heads, "Sorry!" and a closing title go only with a promo line
        "boilerplate.agency-credit",
        "boilerplate.captions",
        "boilerplate.pull-quote",  # fewer lines hold fewer quotations to repeat
    )
)


def _extra(config: Config, categories: tuple[str, ...]) -> Extra:
    return tuple((c, m) for c, m in config.extra_markers if c in categories and m.strip())


def rules(config: Config) -> list[Rule]:
    """The boilerplate rules, in their default order, with the user's extra markers."""
    extra_for(config.extra_markers, "related")  # validates every category name
    out: list[Rule] = []
    for name, finder, categories, description, examples in _SPECS:
        extra = _extra(config, categories)
        rule_finder = partial(finder, extra=extra) if extra else finder
        out.append(Rule(name, description, rule_finder, examples, drop_stable=name in _DROP_STABLE))
    return out
