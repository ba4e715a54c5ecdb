"""Rules that repair machine-translation and spinning glitches (``translation.*``).

Each repair is its own rule, in its own module: :mod:`.dates` (a day written as a
word after the month), :mod:`.fragments` (stray and duplicated fragments),
:mod:`.attribution` (speech verbs and attributions said twice), :mod:`.calques`,
:mod:`.places` (official place names) and :mod:`.broken` (findings only).  Every rule
touches English text only (:mod:`.language`).  See ``docs/translation.md``.

Start-up is cheap: importing the family and building its rules compiles no pattern and
reads no table; each rule builds what it needs the first time a text passes its
pre-check, and the modules of the rules that look after a full stop or a closing quote
are imported only then (:class:`_Deferred`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..config import Config
from ..core import Edit, Rule
from ..settle import settle
from . import calques, places
from .context import first_period_lower

__all__ = ["rules"]


class _Deferred:
    """A finder of one of the family's modules, imported the first time a text needs it.

    Until then a text must pass the rule's cheapest pre-check here: a full stop, a space
    and a lowercase letter (*after_stop*: the rules that repair such breaks), or one of
    the strings *needs* (a closing quote, for an attribution).  A text that fails it
    holds no candidate (the rule's own pre-check is the same), so a short clean text
    imports nothing more.  Edits are run to a fixpoint (:func:`~cleantext.settle.settle`):
    a short line takes the English verdict of the document, which the edits can change.
    Pickles as its module and function name.
    """

    __slots__ = ("_finder", "after_stop", "module", "name", "needs")

    def __init__(
        self, module: str, name: str, *, after_stop: bool = False, needs: tuple[str, ...] = ()
    ) -> None:
        self.module = module
        self.name = name
        self.after_stop = after_stop
        self.needs = needs
        self._finder: Callable[[str], Iterable[Edit]] | None = None

    def __call__(self, text: str) -> Iterable[Edit]:
        finder = self._finder
        if finder is None:
            if self.after_stop and first_period_lower(text) < 0:
                return []
            if self.needs and not any(s in text for s in self.needs):
                return []
            finder = self._finder = getattr(importlib.import_module(f"{__name__}.{self.module}"), self.name)
        return settle(finder, text)

    def _key(self) -> tuple[str, str, bool, tuple[str, ...]]:
        return self.module, self.name, self.after_stop, self.needs

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Deferred) and other._key() == self._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"<{self.module}.{self.name}>"

    def __reduce__(self) -> tuple[Callable[..., _Deferred], tuple[str, str, bool, tuple[str, ...]]]:
        return (_deferred, self._key())


def _deferred(module: str, name: str, after_stop: bool, needs: tuple[str, ...]) -> _Deferred:
    """Unpickle a :class:`_Deferred` (its arguments are keyword-only)."""
    return _Deferred(module, name, after_stop=after_stop, needs=needs)


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
            _Deferred("dates", "find_month_number_word", after_stop=True),
            (
                ("exercises in February. ten.", "exercises on February 10."),
                ("By March. twenty-first, the plan", "By March 21, the plan"),
                ("They left in May. Ten years later", "They left in May. Ten years later"),
            ),
        ),
        Rule(
            "translation.stray-fragment",
            "Drop a stray lowercase word between a full stop and a closing quote or an attribution.",
            _Deferred("fragments", "find_stray_fragment", after_stop=True),
            (
                ("threats will lead nowhere. meaning,” he said.", "threats will lead nowhere,” he said."),
                ("“He said. She said.”", "“He said. She said.”"),
            ),
        ),
        Rule(
            "translation.duplicated-fragment",
            "Merge a noun repeated with its modifier after a full stop: a solution. political solution,",
            _Deferred("fragments", "find_duplicated_fragment", after_stop=True),
            (
                ("finding a solution. political solution,", "finding a political solution,"),
                ("in the end. in the end,", "in the end. in the end,"),
            ),
        ),
        Rule(
            "translation.duplicated-speech-verb",
            "Keep one speech verb where translation left two: he said. noted. -> he noted.",
            _Deferred("attribution", "find_duplicated_speech_verb", after_stop=True),
            (
                ("“It will lead nowhere,” he said. noted.", "“It will lead nowhere,” he noted."),
                ("He said. She said. They argued.", "He said. She said. They argued."),
            ),
        ),
        Rule(
            "translation.duplicated-attribution",
            "Drop a pronoun attribution followed by a sentence that only attributes the same quote.",
            _Deferred("attribution", "find_duplicated_attribution", needs=("”", '"')),
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
            _Deferred("broken", "find_broken_sentences", after_stop=True),
            (
                (
                    "the troops stationed there. the border moved",
                    "the troops stationed there. the border moved",
                ),
            ),
            # findings only: it never changes a text.  The other rules are not stable under
            # line drops: a short line takes the English verdict of the document's first
            # 20,000 characters, and place names count mentions over the whole document.
            drop_stable=True,
        ),
    )
