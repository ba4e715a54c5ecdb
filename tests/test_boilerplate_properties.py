"""Properties of every ``boilerplate.*`` rule on scraper-like documents.

Each rule alone is total, idempotent (``r(r(x)) == r(x)``), only ever removes text,
and keeps pure article prose untouched.  Documents are assembled from the lines
scraped text is made of: article sentences (with look-alikes of the markers),
markers of every category in several languages, headlines, ellipsis teasers,
captions, credits, comment blocks, quotes, blank lines.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext import Config
from cleantext.core import Rule
from cleantext.registry import all_rules

PROSE = [
    "About 30,000 soldiers took part in the exercises.",
    "Check also that the valve is closed before …",
    "Readers who subscribe to the newsletter receive a weekly digest.",
    "The company's share price fell by 12 percent.",
    "The advertisement ran in three newspapers.",
    "This book is about Martin Keller.",
    "On Feb. 8, Russia said six warships were heading to the Black Sea.",
    "Lavrov met Truss. Lavrov (right) shook hands with Truss. They spoke for an hour.",
    "“We are united and determined,” Scholz said.",
    "Truss said Russia’s “very threatening posture” had to end.",
    "In Kiev, officials said the talks would resume.",
    "El gobierno anunció nuevas medidas el lunes.",
    "Le ministre a déclaré que les négociations reprendraient.",
    "Die Regierung plant neue Steuern für Reiche.",
    "Правительство объявило новые меры.",
]
BOILERPLATE = [
    "Check Also",
    "Read more",
    "READ MORE: Plague outbreak confirmed in Beijing",
    "DON'T MISS",
    "Related Posts",
    "You may also like",
    "Lire aussi",
    "Mehr zum Thema",
    "Leia também",
    "Читайте также",
    "About Eleanor Blackburn",
    "About the Author",
    "Jane Doe is a staff writer who covers energy.",
    "With reports from AFP, AP and Reuters",
    "Keith Bradsher contributed reporting from Hong Kong.",
    "Share this:",
    "Facebook",
    "Twitter WhatsApp Email",
    "A quote worth sharing.Click To Tweet",
    "ADVERTISEMENT",
    "© 2019 Example News. All rights reserved.",
    "Subscribe to our newsletter",
    "Thanks for signing up!",
    "Sorry!",
    "Live briefing: Ukraine in the crosshairs",
    "Consult our live briefing, updated throughout the day.",
    "Pick Six Newsletter",
    "CLICK HERE TO GET THE FOX NEWS APP",
    "Russian Foreign Minister Sergei Lavrov (right) meets Liz Truss in Moscow on February 10.",
    "Photo: Jane Doe/Reuters",
    "The logo is displayed in New York.Reuters",
    "“threatening posture”",
    "“Wild Rose”",
    "10 thoughts on “Business Focus”",
    "Leave a Reply",
    "Comments are closed.",
    "John Smith says:",
    "Top Rated Comments",
    "[ Read All Comments ]",
    "0 Comments",
    "Комментарии",
    "224",
    "2019-11-19T08:57:40+01:00",
    "Updated at 1:23 p.m.",
    "[button link=”/x” type=”big”] Send us YOUR review[/button]",
    "Tags",
    "stock car, racing, calendar",
    "https://www.example.com/a/b",
    "By Jane Doe",
    "jane@example.com",
    "Review: a new headset I love [Video]",
    "- Pochettino fired by Tottenham The club moves on",
    "Atlas Institute Board of Directors Expands",
    "The Council has been expanded to …",
    "Something to Consider",
    "| The core stage. (credit: NASA/Jude Guidry) |",
]
LINE = st.one_of(
    st.sampled_from(PROSE),
    st.sampled_from(BOILERPLATE),
    st.just(""),
    st.text(alphabet=st.sampled_from("Ab .,:“”()[]-…©@/#1"), max_size=40),
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE, max_size=30))
    end = draw(st.sampled_from(["", "\n"]))
    return "\n".join(lines) + end


BOILERPLATE_RULES = [r for r in all_rules() if r.family == "boilerplate"]
USER = Config(extra_markers=(("related", "Lies auch"), ("promo", "Jetzt lesen"), ("comments_end", "Ende")))
USER_RULES = [r for r in all_rules(USER) if r.family == "boilerplate"]


def _check(rule: Rule, text: str) -> None:
    once = rule.apply(text)
    assert rule.apply(once) == once, f"{rule.name} is not idempotent"
    assert len(once) <= len(text), f"{rule.name} added text"


@pytest.mark.parametrize("rule", BOILERPLATE_RULES, ids=lambda r: r.name)
@given(text=documents())
def test_rule_is_idempotent_and_only_removes(rule: Rule, text: str) -> None:
    _check(rule, text)


@pytest.mark.parametrize("rule", USER_RULES, ids=lambda r: r.name)
@given(text=documents())
def test_rule_with_user_markers_is_idempotent(rule: Rule, text: str) -> None:
    _check(rule, text + "\nLies auch\nEine Schlagzeile für alle Leser\nJetzt lesen\nEnde\n")


@pytest.mark.parametrize("rule", BOILERPLATE_RULES, ids=lambda r: r.name)
@given(paragraphs=st.lists(st.sampled_from(PROSE), min_size=1, max_size=12))
def test_rule_keeps_article_prose(rule: Rule, paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs) + "\n"
    assert rule.apply(text) == text


@pytest.mark.parametrize("rule", BOILERPLATE_RULES, ids=lambda r: r.name)
@given(text=st.text())
def test_rule_is_total_on_any_text(rule: Rule, text: str) -> None:
    _check(rule, text)


ADVERSARIAL = {
    "about-about": "About " * 20_000,
    "marker-lines": "Check Also\n" * 5_000,
    "about-names": "About Jane Doe\n" * 3_000,
    "bios": "Jane Doe is a staff writer.\n" * 3_000,
    "says": "John Smith says:\n" * 3_000,
    "teasers": "Read more\nA headline of many words here …\n" * 2_000,
    "parens": "(" * 50_000,
    "brackets": "[a b=" * 20_000,
    "shortcodes": "[automerge]" * 10_000,
    "quotes": "“" * 50_000,
    "periods": ". " * 50_000,
    "one-long-line": "word " * 40_000,
    "blank-lines": "\n" * 50_000,
    "colons": "Tags: a: b: " * 10_000,
    "contributed": "x " * 20_000 + "contributed reporting",
    "reporting-by": "Reporting by " + "Jane " * 20_000,
}


@pytest.mark.parametrize("rule", BOILERPLATE_RULES, ids=lambda r: r.name)
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_rule_finishes_on_adversarial_input(rule: Rule, name: str) -> None:
    text = ADVERSARIAL[name]
    out = rule.apply(text)
    assert len(out) <= len(text)
