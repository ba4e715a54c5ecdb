"""The translation rules: a positive and look-alike negative cases per rule."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from cleantext import Config, clean, default_pipeline, explain
from cleantext.registry import get_rule
from cleantext.translation import calques, places

# A sentence that makes a document "about Ukraine" for the place-name rule.
UA = "Ukraine and Ukrainian officials met on Monday to discuss the war. "

POSITIVE: dict[str, list[tuple[str, str]]] = {
    "translation.month-number-word": [
        ("exercises in February. ten.", "exercises on February 10."),
        (
            "In February. ten, the troops left the border area.",
            "On February 10, the troops left the border area.",
        ),
        ("The vote is due by March. twenty-first.", "The vote is due by March 21."),
        ("It happened on June. thirtieth.", "It happened on June 30."),
        ("the talks ended in April. eleventh”", "the talks ended on April 11”"),
        ("the law applies since January. one.", "the law applies since January 1."),
        ("It opened in October. thirty-one, with music", "It opened on October 31, with music"),
        ("A first line.\nThey met in May. second.\n", "A first line.\nThey met on May 2.\n"),
        ("talks resume in December. twenty-two;", "talks resume on December 22;"),
    ],
    "translation.stray-fragment": [
        ("will certainly lead nowhere. meaning,” he said.", "will certainly lead nowhere,” he said."),
        ("This plan will never work. thing”", "This plan will never work.”"),
        ('threats will lead nowhere. meaning," he said.', 'threats will lead nowhere," he said.'),
        ("the plan has failed. meaning, she said", "the plan has failed, she said"),
        ("threats will lead nowhere. meaning. clearly,” he said.", "threats will lead nowhere,” he said."),
        ("the crisis will deepen. thing,” Lavrov added.", "the crisis will deepen,” Lavrov added."),
    ],
    "translation.duplicated-fragment": [
        ("finding a solution. political solution,", "finding a political solution,"),
        ("it was a deal. good deal.", "it was a good deal."),
        ("Europe faces the crisis. deepest security crisis”", "Europe faces the deepest security crisis”"),
        ("they want a new approach. diplomatic approach", "they want a new diplomatic approach"),
        ("a solution. political solution. lasting solution,", "a political lasting solution,"),
        ("she gave an answer. clear answer;", "she gave a clear answer;"),
        ("A deal. important deal, they said", "An important deal, they said"),
    ],
    "translation.duplicated-speech-verb": [
        ("“It will lead nowhere,” he said. noted.", "“It will lead nowhere,” he noted."),
        ("Lavrov said. added, “we will see.”", "Lavrov added, “we will see.”"),
        ("“No,” she said. she stressed.", "“No,” she stressed."),
        ("“No,” he said. said. noted.", "“No,” he noted."),
        ("“Stop,” they told. warned.", "“Stop,” they warned."),
    ],
    "translation.duplicated-attribution": [
        (
            "“…the threats,” he said. Truss told a press conference in Moscow after his talks with Lavrov.",
            "“…the threats,” Truss told a press conference in Moscow after his talks with Lavrov.",
        ),
        (
            '"We will not back down," she said. Merkel told reporters in Berlin on Monday.',
            '"We will not back down," Merkel told reporters in Berlin on Monday.',
        ),
        (
            "“It is over,” he said. Johnson said at a news conference.",
            "“It is over,” Johnson said at a news conference.",
        ),
        ("“We are ready,” he said. The minister told the BBC.", "“We are ready,” the minister told the BBC."),
        ("“Why?” she asked. Kate Smith wrote on Twitter.", "“Why?” Kate Smith wrote on Twitter."),
    ],
    "translation.calques": [
        ("an invasion of here the middle of the month", "an invasion by the middle of the month"),
        ("Of here the end of the year, prices will rise.", "By the end of the year, prices will rise."),
        ("He has lived there since several years.", "He has lived there for several years."),
        ("a decision of here next week", "a decision by next week"),
        ("It is question of a new tax.", "There is talk of a new tax."),
        ("prices will fall of here the end of 2024.", "prices will fall by the end of 2024."),
        ("The deal must be signed of here Friday.", "The deal must be signed by Friday."),
        ("They have waited since many years for this.", "They have waited for many years for this."),
    ],
    "translation.place-names": [
        (UA + "In Kiev, the talks began.", UA + "In Kyiv, the talks began."),
        ("Kyiv said so. Later, Kiev denied it.", "Kyiv said so. Later, Kyiv denied it."),
        (UA + "KIEV (Reuters) - The talks", UA + "KYIV (Reuters) - The talks"),
        (UA + "a Kiev-based analyst and Kiev’s mayor", UA + "a Kyiv-based analyst and Kyiv’s mayor"),
        (
            UA + "Kharkov, Odessa, Lvov, Zaporozhye, Lugansk, Chernigov and Rovno, and the Donbass.",
            UA + "Kharkiv, Odesa, Lviv, Zaporizhzhia, Luhansk, Chernihiv and Rivne, and the Donbas.",
        ),
        (UA + "Shelling hit Nikolaev and Nikolayev port.", UA + "Shelling hit Mykolaiv and Mykolaiv port."),
        (
            "Troops left the Chornobyl zone. The Chernobyl exclusion zone is empty.",
            "Troops left the Chornobyl zone. The Chornobyl exclusion zone is empty.",
        ),
        (UA + "Dynamo Kiev beat Barcelona on Tuesday.", UA + "Dynamo Kyiv beat Barcelona on Tuesday."),
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "translation.month-number-word": [
        "On Feb. 8, Russia said six warships were heading to the Black Sea.",
        "They left in May. Ten years later she moved to Paris.",
        "It was June. one analyst said the talks had failed.",
        "He came in February. ten soldiers died.",
        "ten soldiers were wounded",
        "The word “ten” is a number.",
        "They married in February. thirty.",
        "The lease ends in April. thirty-first.",
        "We left in May. first, we went home.",
        "Der Vertrag wurde im May. ten. unterzeichnet, und die Parteien sind sich einig, dass es nicht geht.",
        "in Mayday. ten.",
    ],
    "translation.stray-fragment": [
        "“He said. She said.”",
        "a visit by the U.S. military,” he said",
        "it starts at 9 a.m. sharp,” he said",
        "“It is over. however,” he said",
        "the plan has failed. clearly, she said",
        "“Run. fast,” he shouted.",
        "“Oh my god. amazing,” she wrote.",
        "This plan will never work. really”",
        "apples, pears etc. really,” she said",
        "Das Projekt ist gescheitert. meaning,” sagte er, und die Regierung hat nicht reagiert, das ist so.",
        "It ended. pic.twitter.com/abc”",
        "we met in May. one,” he said",
    ],
    "translation.duplicated-fragment": [
        "in the end. in the end, it worked",
        "He wanted peace. Real peace.",
        "a solution. political solutions, and more",
        "lists etc. more etc, and so on",
        "Il cherche une solution. political solution, et ne la trouve pas, dit le ministre de la défense.",
        "We need a plan. a plan, any plan.",
        "they said bye. bye.",
    ],
    "translation.duplicated-speech-verb": [
        "He said. She said. They argued for hours.",
        "he said. noted experts disagree.",
        "“I said it,” he said. Noted.",
        "the man who said. asked, no one answered",
        "what he said. told you so.",
        "Er said. noted. Das ist nicht die Frage, und die Regierung hat sich nicht dazu geäußert, sagte er.",
    ],
    "translation.duplicated-attribution": [
        "“We refuse,” he said. Putin said the West had ignored it.",
        "“We refuse,” he said. Peskov told reporters on Monday the Kremlin was ready.",
        "“We refuse,” he said. He told reporters in Kyiv.",
        "“We refuse,” he said. Smith told reporters that talks had failed.",
        "“We refuse.” He said. Truss told a press conference.",
        "“He said. Truss told a press conference in Moscow.”",
        "“We refuse,” he said. Truss told the U.S. Senate.",
        "“Yes,” he said. Biden said on Monday the plan was dead.",
        "“Yes,” he said. Biden told reporters he would veto it.",
    ],
    "translation.calques": [
        "two miles north of here the road forks",
        "get out of here the end is near",
        "He left since several years ago nothing changed.",
        "the parts thereof here the end of it",
        "It is a question of money.",
        "It is five miles north of here Monday traffic is bad.",
    ],
    "translation.place-names": [
        UA + "She ordered chicken Kiev and Chicken Kiev.",
        "In Kyiv, they served chicken \u00a0 Kiev.",
        UA + "a history of Kievan Rus",
        UA + "the Kiev-class carrier",
        UA + "He grew up in Odessa, Texas, and Odessa, TX.",
        "Police in Odessa said the shooter had been stopped on Interstate 20 in Texas.",
        UA + "Dynamo Kiev won the Cup Winners’ Cup in 1975.",
        "Troops left the Chornobyl zone, the site of the Chernobyl disaster.",
        UA + "The Chernobyl exclusion zone is empty.",
        UA + "Vladimir Nikolaev said so, and Mr. Lvov agreed.",
        UA + "They played at the Donbass Arena.",
        "In Kiev, the talks began.",
        "Die Ukraine und die Ukrainer haben in Kiev verhandelt, aber die Gespräche sind nicht beendet.",
    ],
}

FINDINGS: list[tuple[str, str]] = [
    ("the troops stationed there. the Ukrainian border moved", "there. the"),
    ("move its troops as it saw fit. seems to him on his own territory", "fit. seems"),
    ("It was June. one analyst said the talks had failed.", "June. one"),
]

NO_FINDINGS: list[str] = [
    "the U.S. military and U.S. forces",
    "ended close to 2 a.m. local time",
    "can't play in docked mode (i.e. on a TV)",
    "apples, pears, etc. and more",
    "On Nov. the court ruled",
    "all ID. models",
    "since Prime Day 2019. ecobee redesigned",
    "you're fooling yourself... the end",
    "take your slogan. https://t.co/XPxUJuyIAC",
    "grave health risks. pic.twitter.com/fCX2Ptc7YN",
    "He said. She said. They argued for hours.",
    "Bildgebung teils digital, z.B. durch einrichtungsinterne Systeme und die Technik.",
    "Le texte est fini. la suite est ailleurs, et le reste est dans les archives de la ville.",
]


def _cases(table: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    return [(rule, b, a) for rule, pairs in table.items() for b, a in pairs]


def _negatives() -> list[tuple[str, str]]:
    return [(rule, t) for rule, texts in NEGATIVE.items() for t in texts]


@pytest.mark.parametrize(("rule", "before", "after"), _cases(POSITIVE))
def test_rule_repairs(rule: str, before: str, after: str) -> None:
    r = get_rule(rule)
    assert r.apply(before) == after
    assert r.apply(after) == after


@pytest.mark.parametrize(("rule", "text"), _negatives())
def test_rule_leaves_prose(rule: str, text: str) -> None:
    assert get_rule(rule).apply(text) == text


@pytest.mark.parametrize(("text", "span"), FINDINGS)
def test_broken_sentence_is_a_finding(text: str, span: str) -> None:
    changes = explain("Intro line.\n" + text, select=["translation.broken-sentence"])
    assert [(c.rule, c.line, c.before, c.after) for c in changes] == [
        ("translation.broken-sentence", 2, span, None)
    ]
    assert clean(text, select=["translation"]) == text or span not in text


@pytest.mark.parametrize("text", NO_FINDINGS)
def test_broken_sentence_not_reported(text: str) -> None:
    assert get_rule("translation.broken-sentence").find(text) == []


def test_translation_family_leaves_correct_english() -> None:
    text = "He said. She said. They argued for hours. “He said. She said,” she wrote. The word “ten”."
    assert clean(text, select=["translation"]) == text
    assert explain(text, select=["translation"]) == []


def test_place_names_modes() -> None:
    text = "In Kiev, the talks began."
    assert clean(text, select=["translation"]) == text
    assert clean(text, select=["translation"], config=Config(place_names_mode="always")) == (
        "In Kyiv, the talks began."
    )
    never = Config(place_names_mode="never")
    assert clean(UA + text, select=["translation"], config=never) == UA + text


def test_user_place_names() -> None:
    cfg = Config(place_names=(("Bombay", "Mumbai"),))
    assert clean("Mumbai grew. Bombay is big.", select=["translation"], config=cfg) == (
        "Mumbai grew. Mumbai is big."
    )
    assert clean("Bombay is big.", select=["translation"], config=cfg) == "Bombay is big."
    # a user pair that reverses a built-in one wins, and the two never undo each other
    back = Config(place_names=(("Kyiv", "Kiev"),), place_names_mode="always")
    assert clean("Kyiv and Kiev", select=["translation"], config=back) == "Kiev and Kiev"


def test_user_calques() -> None:
    cfg = Config(calques=(("in the frame of", "as part of"),))
    text = "In the frame of the talks, they met."
    assert clean(text, select=["translation"], config=cfg) == "As part of the talks, they met."
    assert clean(text, select=["translation"]) == text


def test_bad_tables_are_rejected() -> None:
    with pytest.raises(ValueError, match="contains the calque"):
        calques.default_table((("of here", "out of here"),))
    with pytest.raises(ValueError, match="contains the old spelling"):
        places.default_table((("Foo", "Foo Town"),))


def test_place_table_sources_are_documented() -> None:
    (ukraine,) = places.builtin_groups()
    assert any("No. 55" in s for s in ukraine.sources)
    olds = {o for n in ukraine.names for o in n.old}
    assert {"Kiev", "Kharkov", "Odessa", "Lvov", "Nikolaev", "Zaporozhye", "Donbass", "Chernobyl"} <= olds


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    "repaired",
    [
        "exercises on February 10.",
        "finding a political solution,",
        "drop the threats,” Truss told a press conference",
        "lead nowhere,” he noted.",
        "invasion by the middle of the month",
        "In Kyiv, Ukrainian President",
        "Kyiv has not communicated",
        "stationed there. the Ukrainian border moved",
        "as it saw fit. seems to him",
    ],
)
def test_seed_translation_repairs_match_the_golden_file(repaired: str) -> None:
    raw = (SEEDS / "000_89e9b03200a8b320.txt").read_text(encoding="utf-8")
    gold = (SEEDS / "000_89e9b03200a8b320.clean.txt").read_text(encoding="utf-8")
    assert repaired in gold
    assert repaired in clean(raw, select=["normalize", "translation"])


def test_seed_findings_and_golden_fixpoint() -> None:
    raw = (SEEDS / "000_89e9b03200a8b320.txt").read_text(encoding="utf-8")
    gold = (SEEDS / "000_89e9b03200a8b320.clean.txt").read_text(encoding="utf-8")
    assert clean(gold, select=["translation"]) == gold
    findings = [(c.rule, c.line, c.before) for c in explain(raw) if c.is_finding]
    assert ("translation.broken-sentence", 27, "there. the") in findings
    assert ("translation.broken-sentence", 39, "fit. seems") in findings


def test_translation_rules_with_user_tables_pickle() -> None:
    cfg = Config(place_names=(("Bombay", "Mumbai"),), calques=(("in the frame of", "as part of"),))
    pipeline = default_pipeline(select=["translation"], config=cfg)
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline
    text = "Mumbai grew. Bombay is big, in the frame of the plan."
    assert copy(text) == pipeline(text) == "Mumbai grew. Mumbai is big, as part of the plan."


OTHER_LANGUAGES = [
    # Italian: "Kiev" is the Italian name; a month-like word and a lowercase start after a stop
    "Il presidente ucraino è arrivato a Kiev. dieci giorni dopo, la Ucraina ha firmato. uno,” ha detto.",
    # Portuguese, with a calque-like phrase and a place name
    "O ministro disse que a Ucrânia e a Rússia vão negociar em Odessa. depois, o acordo será assinado.",
    # German, with abbreviations and a lowercase start
    "Die Ukraine und die Ukrainer haben z.B. in Kiev verhandelt. danach, sagte er, ist das Gespräch vorbei.",
    # Russian and Korean
    "Президент Украины прибыл в Киев. десять дней спустя начались переговоры.",
    "우크라이나 대통령이 키예프에 도착했다. 그리고 협상이 시작되었다.",
]


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_other_languages_are_never_touched(text: str) -> None:
    assert clean(text, select=["translation"]) == text
    assert explain(text, select=["translation"]) == []
    always = Config(place_names_mode="always")
    assert clean(text, select=["translation"], config=always) == text


# --- start-up: nothing is built before a text needs it (checked in a fresh interpreter) ---

_PROBE = r"""
import builtins, json, re, sys

import cleantext.config, cleantext.core

compiled, opened = [], []
real_compile, real_open = re._compile, builtins.open


def _caller() -> str:
    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == "re":
        frame = frame.f_back
    return "" if frame is None else frame.f_globals.get("__name__", "")


def counting_compile(pattern, flags):
    if _caller().startswith("cleantext.translation"):
        compiled.append(str(pattern))
    return real_compile(pattern, flags)


def counting_open(file, *args, **kwargs):
    opened.append(str(file))
    return real_open(file, *args, **kwargs)


re._compile, builtins.open = counting_compile, counting_open
before = set(sys.modules)
import cleantext.translation as family

rules = family.rules(cleantext.config.Config())
report = {"imported": sorted(set(sys.modules) - before), "compiled": list(compiled), "opened": list(opened)}
for rule in rules:
    rule.apply(sys.argv[1])
report["first_run_compiled"] = compiled[len(report["compiled"]):]
report["modules"] = sorted(m for m in sys.modules if m.startswith("cleantext.translation"))
report["clean"] = [rule.apply(sys.argv[1]) for rule in rules]
print(json.dumps(report))
"""


def _probe(text: str) -> dict[str, list[str]]:
    out = subprocess.run([sys.executable, "-c", _PROBE, text], capture_output=True, text=True, check=True)
    report: dict[str, list[str]] = json.loads(out.stdout)
    return report


_SHARED = ("cleantext.needles", "cleantext.settle")


def test_import_and_rules_build_nothing() -> None:
    report = _probe("hello , world. He said.\n")
    # the family imports only its own modules (no json, no importlib.resources) ...
    # (importlib itself, for the deferred rules' import_module, is the interpreter's own frozen loader)
    # (cleantext.needles imports nothing: its automaton library is imported on first use;
    # cleantext.settle imports only what cleantext.core has imported already)
    own = [m for m in report["imported"] if m != "importlib" and not m.startswith("importlib._bootstrap")]
    assert all(m.startswith("cleantext.translation") or m in _SHARED for m in own), report["imported"]
    # ... compiles no pattern and reads no data file
    assert report["compiled"] == []
    assert not [f for f in report["opened"] if f.endswith(".json")]


def test_a_clean_line_builds_almost_nothing() -> None:
    report = _probe("hello , world. He said.\n")
    # no pattern: the full stops before a lowercase letter are needles of one automaton pass
    # (no trie, no alternation of a table)
    assert report["first_run_compiled"] == []
    # the rules after a full stop or a quote never imported their modules
    for module in ("dates", "fragments", "attribution", "broken", "language"):
        assert f"cleantext.translation.{module}" not in report["modules"]
    assert set(report["clean"]) == {"hello , world. He said.\n"}


def test_the_lazy_path_repairs_a_glitch_on_the_first_text() -> None:
    text = "“Drop the threats,” he said. noted. The exercises in February. ten. of here the end of May."
    report = _probe(text)
    assert "cleantext.translation.dates" in report["modules"]
    assert report["clean"][0] == text.replace("in February. ten.", "on February 10.")
    assert report["clean"][3] == text.replace("he said. noted.", "he noted.")
    assert report["clean"][5] == text.replace("of here the end of", "by the end of")
    # and the same through a pipeline built, pickled and unpickled before any text was seen
    code = (
        "import pickle, sys; from cleantext import default_pipeline;"
        "p = pickle.loads(pickle.dumps(default_pipeline(select=['translation'])));"
        "sys.stdout.write(p(sys.argv[1]))"
    )
    out = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, check=True)
    assert out.stdout == clean(text, select=["translation"])
    assert "on February 10." in out.stdout and "he noted." in out.stdout and "by the end of" in out.stdout


def test_deferred_finders_and_tables_pickle_as_their_configuration() -> None:
    cfg = Config(place_names=(("Bombay", "Mumbai"),), calques=(("in the frame of", "as part of"),))
    pipeline = default_pipeline(select=["translation"], config=cfg)
    text = "Mumbai grew. Bombay is big, in the frame of the plan. He said. noted."
    before = pickle.dumps(pipeline)
    pipeline(text)  # builds tables and imports modules
    assert pickle.dumps(pipeline) == before
    copy = pickle.loads(before)
    assert copy == pipeline and copy(text) == pipeline(text)


def test_a_bad_user_table_fails_when_the_rules_are_built() -> None:
    with pytest.raises(ValueError, match="contains the calque"):
        default_pipeline(config=Config(calques=(("of here", "out of here"),)))
    with pytest.raises(ValueError, match="contains the old spelling"):
        default_pipeline(config=Config(place_names=(("Foo", "Foo Town"),)))


def test_the_built_in_tables_are_valid() -> None:
    # the built-in tables are not checked at run time (a user's pairs are): check them here
    table = calques.default_table()
    assert calques.CalqueTable(table.pairs, table.not_after, table.not_before, check=True).keys
    groups = places.default_table().groups
    assert places.PlaceTable(groups, check=True).spellings.any(b"Kiev")
    # and the checks do reject what they must
    with pytest.raises(ValueError, match="contains the calque"):
        calques.CalqueTable((*table.pairs, ("by the end of", "by the end of it")))
    with pytest.raises(ValueError, match="listed twice"):
        places.PlaceTable((*groups, *groups))
