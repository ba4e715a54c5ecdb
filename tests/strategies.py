"""Hypothesis strategies that build scraper-like documents from parts.

Random letters never produce a "Check Also" block, a mojibake sequence or a
double-escaped entity, so the properties in ``test_properties.py`` draw documents
assembled from the things scraped text is really made of:

* article sentences (with look-alikes of rule triggers: "About 30,000 soldiers",
  "On Feb. 8,", "Check also that the valve ...") in several languages and scripts;
* every family's markers and blocks: related-content blocks (marker + headline +
  teaser cut off with "…"), author boxes, share lines, ads, newsletter and
  live-blog promos, photo captions and credits, copyright lines;
* machine-translation glitches: months + number words, duplicated speech verbs,
  stray fragments, calques, place names;
* quotes of every kind, periods and commas in odd places, ellipses;
* whitespace variety (NBSP, zero-width, tabs, CR, CRLF, runs of blank lines);
* mojibake (UTF-8 decoded as cp1252/latin-1/cp1251), HTML entities (also
  double-escaped), emoji, combining characters, lone surrogates;
* and plain ``st.text()``.

The main entry points are :func:`documents` (any of the above, mixed) and
:func:`pathological` (inputs for the linear-time tests).
"""

from __future__ import annotations

import html

from hypothesis import strategies as st

# ----------------------------------------------------------------------------- parts: prose
NAMES = (
    "Eleanor Blackburn",
    "Sergei Lavrov",
    "Liz Truss",
    "Jens Stoltenberg",
    "María José García",
    "Jean-Luc Dubois",
    "Jürgen Weiß",
    "O'Neill",
    "Ана Петрова",
)
PLACES = ("Moscow", "Brussels", "Warsaw", "Kyiv", "Kiev", "Odessa", "Odessa, Texas", "Kharkov", "Donbass")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = (
    "one",
    "two",
    "three",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "twenty-one",
    "thirty-one",
    "tenth",
    "twenty-first",
    "first",
    "Ten",
)
SPEECH_VERBS = (
    "said",
    "noted",
    "added",
    "stated",
    "told",
    "stressed",
    "warned",
    "insisted",
    "explained",
    "wrote",
)

#: real prose that every rule must leave as it is, look-alikes of rule triggers among it
PROSE = (
    "Russia and Belarus begin war games amid protests from Ukraine and the West.",
    "About 30,000 soldiers took part in the exercises.",
    "On Feb. 8, Russia said six warships were heading to the Black Sea.",
    "Check also that the valve is closed before you start the pump.",
    "Readers who subscribe to the newsletter receive a weekly digest.",
    "The company's share price fell by 3 percent on Monday.",
    "The advertisement ran in three newspapers.",
    "This book is about Martin Keller and his brother.",
    "He ordered chicken Kiev at a restaurant in Odessa, Texas.",
    "Scholz will also travel to Kyiv and Moscow on February 14-15.",
    "“We are united and determined,” Scholz said.",
    "He said. She said. They argued for hours.",
    "May. Ten years later she moved to Lisbon.",
    "June. one analyst said the talks had stalled.",
    "The word “ten” appears twice.",
    "Photo albums from the 1970s were found in the attic.",
    "Read more about the methodology in the appendix, the authors wrote.",
    "He wrote .NET code and counted 1...10 before the meeting at 3.5 p.m.",
    "El ministro dijo que la reunión fue «muy productiva».",
    "Le président a déclaré : « Nous sommes prêts. »",
    "Die Regierung hat am Montag „neue Maßnahmen“ angekündigt.",
    "O governo anunciou novas medidas na segunda-feira.",
    "Il governo ha annunciato nuove misure lunedì.",
    "Министр иностранных дел заявил, что переговоры продолжатся.",
    "俄罗斯外交部长周四在莫斯科会见了英国外交大臣。",
    "東京で記者会見が行われた。",
    "서울에서 회담이 열렸다.",
    "قال وزير الخارجية إن المحادثات ستستمر.",
    "שר החוץ אמר כי השיחות יימשכו.",
)
#: sentences with glitches the rules repair (or report)
GLITCHES = (
    "It was 1 ,000 metres away , or so they said .",
    "The warning time of a possible attack is decreasing…NATO is not a threat.",
    "finding a solution. political solution, he added.",
    "will certainly lead nowhere. meaning,” he said.",
    "a full-scale invasion of here the middle of the month.",
    "stationed there. the Ukrainian border moved elsewhere.",
)
SENTENCES = PROSE + GLITCHES

# ----------------------------------------------------------------------------- parts: boilerplate
MARKERS = (
    "Check Also",
    "Read also",
    "Read more",
    "Read more:",
    "READ MORE:",
    "Related:",
    "Related Posts",
    "Related Articles",
    "You may also like",
    "More from Reuters",
    "Recommended",
    "DON'T MISS",
    "Also read",
    "Share this:",
    "Share",
    "Facebook",
    "Twitter",
    "WhatsApp",
    "Email",
    "Print",
    "Click To Tweet",
    "Advertisement",
    "ADVERTISEMENT",
    "Sponsored content",
    "Subscribe to our newsletter",
    "Thanks for signing up!",
    "Sign up for our daily newsletter",
    "Follow us on Twitter",
    "Click here to subscribe",
    "CLICK HERE TO GET THE FOX NEWS APP",
    "All rights reserved.",
    "You must log in to post a comment.",
    "Top Rated Comments",
    "About the Author",
    "Lea también",
    "Lire aussi",
    "Mehr zum Thema",
    "Leia também",
    "Leggi anche",
    "Читайте также",
    "Подписывайтесь на нас",
    "Publicité",
    "Anzeige",
)
#: markers that are boilerplate only as a standalone line (used by "no new boilerplate")
STANDALONE_MARKERS = frozenset(m.casefold() for m in MARKERS)

HEADLINES = (
    "Atlas Institute for Veterans and Families Board of Directors Expands",
    "Ukraine in the crosshairs",
    "Markets rally as inflation cools",
    "Los mercados suben tras el anuncio",
)
TEASERS = (
    "The Council has been expanded to increase representation from across Canada as well as to …",
    "Officials said on Tuesday that the talks would …",
    "In a statement, the ministry said...",
)

_NAME = st.sampled_from(NAMES)
_PLACE = st.sampled_from(PLACES)
_MONTH = st.sampled_from(MONTHS)


@st.composite
def _related_block(draw: st.DrawFn) -> list[str]:
    """Check Also + headline + teaser with "…" (or READ MORE: headline on one line)."""
    marker = draw(st.sampled_from(("Check Also", "Read also", "Related:", "You may also like", "Lire aussi")))
    headline = draw(st.sampled_from(HEADLINES))
    if draw(st.booleans()):
        return [f"{draw(st.sampled_from(('READ MORE:', 'Read more:', 'Also read:')))} {headline}"]
    lines = [marker, headline]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(TEASERS)))
    return lines


@st.composite
def _author_box(draw: st.DrawFn) -> list[str]:
    name = draw(_NAME)
    lines = [draw(st.sampled_from((f"About {name}", "About the Author", f"Über {name}")))]
    if draw(st.booleans()):
        lines.append(f"{name} is a staff writer covering Eastern Europe.")
    return lines


@st.composite
def _share_block(draw: st.DrawFn) -> list[str]:
    head = draw(st.sampled_from(("Share this:", "Share", "Compartir:", "Partager :")))
    platforms = draw(
        st.lists(st.sampled_from(("Facebook", "Twitter", "WhatsApp", "Email", "Print")), max_size=4)
    )
    return [head, *platforms]


@st.composite
def _caption(draw: st.DrawFn) -> list[str]:
    side = draw(st.sampled_from(("(left)", "(right)", "(center)", "(from left)")))
    a, b, place, month = draw(_NAME), draw(_NAME), draw(_PLACE), draw(_MONTH)
    caption = f"{a} {side} meets {b} in {place} on {month} {draw(st.integers(1, 31))}."
    credit = draw(
        st.sampled_from(
            (
                "(AP Photo/Evan Vucci)",
                "Photo: Reuters",
                "REUTERS/Maxim Shemetov",
                "Getty Images",
                "(credit: AFP)",
            )
        )
    )
    return draw(st.sampled_from(([caption], [caption, credit], [credit], [f"{caption} {credit}"])))


@st.composite
def _promo(draw: st.DrawFn) -> list[str]:
    return draw(
        st.sampled_from(
            (
                [
                    "Live briefing: Ukraine in the crosshairs",
                    "Consult the RFE/RL new live briefing on the build-up.",
                ],
                ["Subscribe to our newsletter", "Thanks for signing up!"],
                ["Sign up for our daily newsletter to get the latest news."],
                ["CLICK HERE TO GET THE FOX NEWS APP"],
                ["Advertisement"],
                ["ADVERTISEMENT"],
                ["© 2022 Reuters. All rights reserved."],
                ["Copyright © 2024 The Daily Planet"],
                ["With reports from AFP, AP and Reuters"],
                ["Additional reporting by Jane Doe in London"],
                ["Follow us on Facebook and Twitter"],
                ["Updated at 1:23 p.m."],
                ["2022-02-10T14:35:00Z"],
                ['[button link="https://example.com"]Donate[/button]'],
                ["Читайте также", "Переговоры продолжатся"],
                ["Mehr zum Thema", "Neue Maßnahmen angekündigt"],
            )
        )
    )


@st.composite
def _translation_glitch(draw: st.DrawFn) -> str:
    month, number, verb = (
        draw(_MONTH),
        draw(st.sampled_from(NUMBER_WORDS)),
        draw(st.sampled_from(SPEECH_VERBS)),
    )
    verb2 = draw(st.sampled_from(SPEECH_VERBS))
    name, place = draw(_NAME), draw(_PLACE)
    return draw(
        st.sampled_from(
            (
                f"The ministry announced it in {month}. {number}.",
                f"{month}. {number}. {month}. ",
                f"“We will see,” he {verb}. {verb2}.",
                f"“We will see,” he {verb}. {name} {verb2} a press conference.",
                f"It will lead nowhere. meaning,” he {verb}.",
                f"finding a solution. political solution, {name} {verb}.",
                f"troops arrived of here the middle of the {month}.",
                f"In {place}, officials {verb} on {month} {number}.",
                f"he {verb}. " * 3,
            )
        )
    )


#: a comment section: what follows it is reader comments (removed by design); like an author
#: box ("About the Author" + bio lines), it never comes before prose in prose_article()
_COMMENTS = st.sampled_from(
    (
        ["10 thoughts on “Markets rally”", "You must log in to post a comment."],
        ["Top Rated Comments", "Great article, thanks."],
    )
)
_BLOCKS_BEFORE_PROSE = st.one_of(_related_block(), _share_block(), _caption(), _promo())
_BLOCKS = st.one_of(_BLOCKS_BEFORE_PROSE, _author_box(), _COMMENTS)

# ----------------------------------------------------------------------------- parts: characters
QUOTES = "\"'“”‘’«»„‚‹›「」『』″′`"
ODD_PUNCT = (" ,", " .", ". .", ",,", ", ,", "...", ". . .", ". . . .", "…", "….", "..", ",.", ".,", ".NET")
SPACES = (
    " ",
    "  ",
    "\xa0",
    "\u200b",
    "\t",
    "\u2009",
    "\u202f",
    "\u3000",
    "\u00ad",
    "\ufeff",
    "\u2060",
    "\u200d",
)
LINE_BREAKS = (
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\n\n\n\n\n",
    "\r\n\r\n\r\n",
    "\u2028",
    "\u2029",
    "\x0c",
    "\x0b",
    "\x85",
)
EMOJI = ("😀", "👍🏽", "👨‍👩‍👧", "🇺🇦", "❤️", "🏳️‍🌈")
COMBINING = (
    "e\u0301",
    "a\u0308\u0301",
    "n\u0303",
    "\u0915\u093c",
    "\u1100\u1161",
    "A\u030a",
    "\u212b",
    "\ufb2c",
)
ENTITIES = (
    "&amp;",
    "&amp;amp;",
    "&amp;amp;lt;",
    "&nbsp;",
    "&hellip;",
    "&#8217;",
    "&#x2019;",
    "&lt;p&gt;",
    "&quot;",
    "&foo;",
    "&#99999999;",
    "&#xD800;",
    "&#0;",
    "&amp;#8217;",
    "&",
    "&#",
    "&amp",
    "&#38;#38;",
    "&#038;#8217;",
    "&AMP;lt;",
    "&#x26;amp;",
    "&amp&#59;",
    "&&#108;t;",
)
#: the ways a scraper writes "&" when it escapes text a second time (WordPress: "&#038;")
AMPERSANDS = ("&amp;", "&#38;", "&#038;", "&#x26;", "&AMP;")

_ONE_CHAR = st.one_of(
    st.sampled_from(QUOTES),
    st.sampled_from(SPACES),
    st.sampled_from(LINE_BREAKS),
    st.sampled_from(EMOJI),
    st.sampled_from(COMBINING),
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates
    st.integers(0, 0x1F).map(chr),  # control characters
    st.integers(0x80, 0x9F).map(chr),  # C1 controls
)


@st.composite
def mojibake(draw: st.DrawFn, source: st.SearchStrategy[str] | None = None) -> str:
    """UTF-8 text decoded with the wrong codec (once or twice); decoding errors handled."""
    text = draw(source if source is not None else st.sampled_from(SENTENCES + NAMES + tuple(QUOTES)))
    rounds = draw(st.integers(1, 2))
    for _ in range(rounds):
        codec = draw(st.sampled_from(("cp1252", "latin-1", "cp1251", "mac_roman")))
        errors = draw(st.sampled_from(("replace", "ignore", "surrogateescape")))
        text = text.encode("utf-8", errors="surrogatepass").decode(codec, errors=errors)
    return text


@st.composite
def entities(draw: st.DrawFn) -> str:
    """HTML-escaped prose (escaped one to three times) or loose entities, some malformed."""
    if draw(st.booleans()):
        return draw(st.sampled_from(ENTITIES))
    text: str = draw(st.sampled_from(SENTENCES + MARKERS))
    for _ in range(draw(st.integers(1, 3))):
        text = html.escape(text).replace("&amp;", draw(st.sampled_from(AMPERSANDS)))
    if draw(st.booleans()):
        text = text.replace(" ", "&nbsp;")
    return text


def _sentence() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(SENTENCES), _translation_glitch())


# A token inside a line: prose, glitches, odd characters, any text.
_TOKEN = st.one_of(
    _sentence(),
    st.sampled_from(MARKERS),
    st.sampled_from(ODD_PUNCT),
    st.sampled_from(NUMBER_WORDS + MONTHS + SPEECH_VERBS),
    _ONE_CHAR,
    mojibake(),
    entities(),
    st.text(max_size=12),
)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """One line of scraped text: a sentence, a marker, or tokens glued with odd spacing."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(_sentence())
    if kind == 1:
        return draw(st.sampled_from(MARKERS))
    tokens = draw(st.lists(_TOKEN, min_size=1, max_size=6))
    glue = draw(
        st.lists(
            st.sampled_from((" ", "", " ", "\xa0", "\t", ", ", ". ")),
            min_size=len(tokens),
            max_size=len(tokens),
        )
    )
    return "".join(t + g for t, g in zip(tokens, glue, strict=True))


@st.composite
def article(draw: st.DrawFn) -> str:
    """A well-formed article: paragraphs, blocks in the middle and at the tail, blank lines."""
    paragraphs = draw(st.lists(_sentence(), min_size=1, max_size=6))
    middle = draw(st.lists(_BLOCKS, max_size=2))
    tail = draw(st.lists(_BLOCKS, max_size=3))
    out: list[str] = []
    for i, p in enumerate(paragraphs):
        out.append(p)
        if middle and i == len(paragraphs) // 2:
            out.extend(middle.pop())
    for block in tail:
        # scrapers repeat furniture (one "Share this:" per widget, a feed of teasers)
        out.extend(block * draw(st.sampled_from((1, 1, 1, 2, 3, 8, 30))))
    sep = draw(st.sampled_from(("\n\n", "\n", "\r\n\r\n", "\n\n\n")))
    return sep.join(out) + draw(st.sampled_from(("", "\n", "\n\n", " ")))


@st.composite
def prose_article(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An article of real prose paragraphs with blocks among and after them.

    Returns the text and the paragraphs that every pipeline must keep, as they are.
    """
    paragraphs = draw(st.lists(st.sampled_from(PROSE), min_size=1, max_size=6))
    middle = draw(st.lists(_BLOCKS_BEFORE_PROSE, max_size=2))
    tail = draw(st.lists(_BLOCKS, max_size=3))
    out: list[str] = []
    for i, p in enumerate(paragraphs):
        out.append(p)
        if middle and i >= len(paragraphs) // 2:
            out.extend(middle.pop())
    for block in tail:
        out.extend(block)
    return "\n\n".join(out) + "\n", paragraphs


@st.composite
def scraped(draw: st.DrawFn) -> str:
    """Any mix of lines, blocks and line breaks of every kind."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 10))):
        if draw(st.integers(0, 3)) == 0:
            parts.extend(draw(_BLOCKS) * draw(st.sampled_from((1, 1, 2, 12))))
        else:
            parts.append(draw(lines()))
    breaks = draw(st.lists(st.sampled_from(LINE_BREAKS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + b for p, b in zip(parts, breaks, strict=True))


def documents() -> st.SearchStrategy[str]:
    """Every kind of input: articles, scraped mixes, mojibaked or escaped ones, ``st.text()``."""
    return st.one_of(
        article(),
        scraped(),
        mojibake(article()),
        entities(),
        st.text(),
        st.text(st.characters(codec=None, exclude_categories=()), max_size=20),  # surrogates too
    )


# ----------------------------------------------------------------------------- pathological inputs
def pathological() -> dict[str, tuple[str, str]]:
    """Inputs for the linear-time tests: ``name -> (unit, separator)``; repeat to scale.

    The test repeats ``unit + separator`` ``n`` times; ``separator == ""`` makes one
    long line.
    """
    return {
        "spaced-periods": (". ", ""),
        "about-about": ("About ", ""),
        "one-long-line": ("word ", ""),
        "blank-lines": ("", "\n"),
        "quote-run": ("“\"'”’«»", ""),
        "marker-lines": ("Check Also", "\n"),
        "share-lines": ("Share this:", "\n"),
        "month-period": ("February. ", ""),
        "month-number": ("February. ten. ", ""),
        "he-said": ("he said. ", ""),
        "entity-run": ("&amp;", ""),
        "ellipses": ("…", ""),
        "commas": (" ,", ""),
        "mojibake": ("Ã©", ""),
        "space-runs": (" \xa0\t", ""),
        "cr-runs": ("\r", ""),
        "short-lines": ("A", "\n"),
        "caption-lines": ("Sergei Lavrov (left) meets Liz Truss in Moscow on February 10.", "\n"),
        "read-more-line": ("READ MORE: ", ""),
        "quote-said": ("“Yes,” he said. noted. ", ""),
        "place-calque": ("In Kiev, of here the middle of the month. ", ""),
        "number-words": ("ten. ", ""),
        "author-lines": ("About Eleanor Blackburn", "\n"),
    }
