"""Rules that repair machine-translation and spinning glitches (``translation.*``).

Each repair is its own rule, in its own module: :mod:`.dates` (a day written as a
word after the month), :mod:`.fragments` (stray and duplicated fragments),
:mod:`.attribution` (speech verbs and attributions said twice), :mod:`.calques`,
:mod:`.places` (official place names) and :mod:`.broken` (findings only).  Every rule
touches English text only (:mod:`.language`).  See ``docs/translation.md``.
"""

from __future__ import annotations

from functools import lru_cache

from ..config import Config
from ..core import Rule
from . import calques, places
from .attribution import find_duplicated_attribution, find_duplicated_speech_verb
from .broken import find_broken_sentences
from .dates import find_month_number_word
from .fragments import find_duplicated_fragment, find_stray_fragment

__all__ = ["rules"]


def rules(config: Config) -> list[Rule]:
    """The translation rules, in their default order."""
    return list(_rules(config.calques, config.place_names, config.place_names_mode))


@lru_cache(maxsize=8)
def _rules(
    user_calques: tuple[tuple[str, str], ...],
    user_places: tuple[tuple[str, str], ...],
    mode: str,
) -> tuple[Rule, ...]:
    # the tables are built on first use; a user's pairs are checked now, so that a bad
    # configuration fails when the pipeline is built, not in the middle of a corpus
    calque_table = calques.Calques(tuple(user_calques))
    place_table = places.PlaceNames(tuple(user_places), mode)
    if user_calques:
        calque_table.table()
    if user_places:
        place_table.table()
    return (
        Rule(
            "translation.month-number-word",
            "Put back a day of the month left as a word after a stop: in February. ten. -> on February 10.",
            find_month_number_word,
            (
                ("exercises in February. ten.", "exercises on February 10."),
                ("By March. twenty-first, the plan", "By March 21, the plan"),
                ("They left in May. Ten years later", "They left in May. Ten years later"),
            ),
        ),
        Rule(
            "translation.stray-fragment",
            "Drop a stray lowercase word between a full stop and a closing quote or an attribution.",
            find_stray_fragment,
            (
                ("threats will lead nowhere. meaning,” he said.", "threats will lead nowhere,” he said."),
                ("“He said. She said.”", "“He said. She said.”"),
            ),
        ),
        Rule(
            "translation.duplicated-fragment",
            "Merge a noun repeated with its modifier after a full stop: a solution. political solution,",
            find_duplicated_fragment,
            (
                ("finding a solution. political solution,", "finding a political solution,"),
                ("in the end. in the end,", "in the end. in the end,"),
            ),
        ),
        Rule(
            "translation.duplicated-speech-verb",
            "Keep one speech verb where translation left two: he said. noted. -> he noted.",
            find_duplicated_speech_verb,
            (
                ("“It will lead nowhere,” he said. noted.", "“It will lead nowhere,” he noted."),
                ("He said. She said. They argued.", "He said. She said. They argued."),
            ),
        ),
        Rule(
            "translation.duplicated-attribution",
            "Drop a pronoun attribution followed by a sentence that only attributes the same quote.",
            find_duplicated_attribution,
            (
                (
                    "“Drop the threats,” he said. Truss told a press conference in Moscow.",
                    "“Drop the threats,” Truss told a press conference in Moscow.",
                ),
                (
                    "“We refuse,” he said. Putin said the West had ignored it.",
                    "“We refuse,” he said. Putin said the West had ignored it.",
                ),
            ),
        ),
        Rule(
            "translation.calques",
            "Replace word-for-word translations (calques) with English: of here the end of -> by the end of.",
            calque_table,
            (
                ("an invasion of here the middle of the month", "an invasion by the middle of the month"),
                ("two miles north of here the road forks", "two miles north of here the road forks"),
            ),
        ),
        Rule(
            "translation.place-names",
            "Use official place names (Kiev -> Kyiv) in documents about the country; keep chicken Kiev.",
            place_table,
            (
                (
                    "Ukraine and Ukrainian troops. In Kiev, the talks",
                    "Ukraine and Ukrainian troops. In Kyiv, the talks",
                ),
                ("Odessa, Texas, police said", "Odessa, Texas, police said"),
            ),
        ),
        Rule(
            "translation.broken-sentence",
            "Report (never rewrite) a full stop followed by a lowercase word: stationed there. the border",
            find_broken_sentences,
            (
                (
                    "the troops stationed there. the border moved",
                    "the troops stationed there. the border moved",
                ),
            ),
        ),
    )
