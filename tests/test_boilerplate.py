"""The ``boilerplate.*`` rules: what each removes, and the look-alike prose each keeps."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from cleantext import Config, clean, default_pipeline
from cleantext.boilerplate import comments, markers
from cleantext.boilerplate.lines import Doc, is_headline
from cleantext.registry import get_rule

PROSE = "The minister spoke to reporters in Brussels on Monday and said the talks would continue."


def run(rule: str, text: str, config: Config | None = None) -> str:
    return get_rule(rule, config).apply(text)


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


# (rule, boilerplate line(s) in context, the lines that must go)
REMOVED = [
    # debris
    ("boilerplate.debris", "2019-11-19T08:57:40+01:00", ["2019-11-19T08:57:40+01:00"]),
    ("boilerplate.debris", "Updated at 1:23 p.m.", ["Updated at 1:23 p.m."]),
    ("boilerplate.debris", "UPDATED: Tue., Nov. 19, 2019", ["UPDATED: Tue., Nov. 19, 2019"]),
    (
        "boilerplate.debris",
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        ["sexta-feira, 22 de outubro de 2010 às 20:13"],
    ),
    (
        "boilerplate.debris",
        "5:45 AM PST 11/19/2019 by Patrick Shanley",
        ["5:45 AM PST 11/19/2019 by Patrick Shanley"],
    ),
    ("boilerplate.debris", "기사입력 :[ 2018-08-25 15:24 ]", ["기사입력 :[ 2018-08-25 15:24 ]"]),
    (
        "boilerplate.debris",
        "https://www.example.com/news/article/Cat-found-14848175.php",
        ["https://www.example"],
    ),
    (
        "boilerplate.debris",
        "[button link=”/submit/” type=”big”] Send us YOUR review[/button]",
        ["Send us YOUR"],
    ),
    ("boilerplate.debris", "[automerge]1574096160[/automerge]", ["1574096160"]),
    ("boilerplate.debris", "Tags: election, senate, budget", ["Tags:"]),
    ("boilerplate.debris", "Tags\nstock car, racing, calendar, brasil", ["Tags", "stock car"]),
    (
        "boilerplate.debris",
        "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad",
        ["Publicado"],
    ),
    # share
    (
        "boilerplate.share",
        "Share this:\nFacebook\nTwitter\nWhatsApp",
        ["Share this:", "Facebook", "Twitter", "WhatsApp"],
    ),
    ("boilerplate.share", "Facebook Twitter Email Print", ["Facebook Twitter"]),
    ("boilerplate.share", "Compartir", ["Compartir"]),
    ("boilerplate.share", "Поделиться", ["Поделиться"]),
    # ads
    ("boilerplate.ads", "ADVERTISEMENT", ["ADVERTISEMENT"]),
    ("boilerplate.ads", "Advertisement", ["Advertisement"]),
    ("boilerplate.ads", "Sponsored content", ["Sponsored content"]),
    ("boilerplate.ads", "Story continues below advertisement", ["Story continues"]),
    ("boilerplate.ads", "Anzeige", ["Anzeige"]),
    ("boilerplate.ads", "Реклама", ["Реклама"]),
    ("boilerplate.ads", "Advertisement - Continue Reading Below", ["Advertisement"]),
    ("boilerplate.share", "Like this:\nLike Loading...", ["Like this:", "Like Loading"]),
    ("boilerplate.promo", "We use cookies to improve your experience on our site.", ["We use cookies"]),
    ("boilerplate.promo", "Subscribe", ["Subscribe"]),
    # copyright
    ("boilerplate.copyright", "© 2019 Example News. All rights reserved.", ["© 2019"]),
    ("boilerplate.copyright", "Copyright ⓒ Entermedia.co.kr. 무단전재 및 재배포 금지", ["Copyright"]),
    ("boilerplate.copyright", "copyright Inexhibit 2019 - ISSN: 2283-5474", ["copyright Inexhibit"]),
    ("boilerplate.copyright", "Tous droits réservés.", ["Tous droits"]),
    # comments
    ("boilerplate.comments", "You must log in to post a comment.", ["You must log in"]),
    (
        "boilerplate.comments",
        "Leave a Reply\nWant to join the discussion?\nFeel free to contribute!",
        ["Leave a Reply", "Want to join", "Feel free"],
    ),
    ("boilerplate.comments", "0 Comments", ["0 Comments"]),
    ("boilerplate.comments", "Комментарии\n224", ["Комментарии", "224"]),
    ("boilerplate.comments", "comments powered by Disqus", ["Disqus"]),
    ("boilerplate.comments", "Deixe um comentário", ["Deixe um"]),
    # promo
    ("boilerplate.promo", "CLICK HERE TO GET THE FOX NEWS APP", ["CLICK HERE"]),
    ("boilerplate.promo", "Subscribe to our newsletter", ["Subscribe"]),
    ("boilerplate.promo", "Thanks for signing up!", ["Thanks for signing up!"]),
    (
        "boilerplate.promo",
        "Follow The New York Times Opinion section on Facebook, Twitter and Instagram.",
        ["Follow The"],
    ),
    ("boilerplate.promo", "Follow us on Twitter", ["Follow us"]),
    (
        "boilerplate.promo",
        "Get Motor Cycle Monthly delivered through your letterbox every month.",
        ["Get Motor"],
    ),
    (
        "boilerplate.promo",
        "If you enjoyed this article, we have a proposition for you: Join our club.",
        ["If you enjoyed"],
    ),
    (
        "boilerplate.promo",
        "Live briefing: Ukraine in the crosshairs\n"
        "Consult our new live briefing, updated throughout the day.",
        ["Live briefing", "Consult"],
    ),
    (
        "boilerplate.promo",
        "Pick Six Newsletter\nGet the day's big stories in one email.\nThanks for signing up!",
        ["Pick Six", "Get the day", "Thanks"],
    ),
    (
        "boilerplate.promo",
        "Thanks for signing up!\nSorry!\nThere was an error processing your subscription.",
        ["Sorry!"],
    ),
    ("boilerplate.promo", "Suscríbete a nuestro boletín", ["Suscríbete"]),
    ("boilerplate.promo", "Abonnez-vous à notre newsletter", ["Abonnez-vous"]),
    # related
    ("boilerplate.related", "READ MORE: China plague outbreak confirmed in Beijing", ["READ MORE"]),
    ("boilerplate.related", "Read more: Alibaba poised to launch record-breaking listing", ["Read more"]),
    ("boilerplate.related", "[Related: Salesforce keynote, integration and protestors]", ["[Related"]),
    (
        "boilerplate.related",
        "Check Also\n\nAtlas Institute Board of Directors Expands\n\nThe Council has been expanded to …",
        ["Check Also", "Atlas", "The Council"],
    ),
    (
        "boilerplate.related",
        "DON'T MISS\nChina furious at Macron for protest jibe [INSIGHT]\n"
        "Plane passengers quarantined after outbreak [NEWS]",
        ["DON'T MISS", "China furious", "Plane passengers"],
    ),
    (
        "boilerplate.related",
        "Lire aussi\nLe gouvernement annonce un nouveau plan",
        ["Lire aussi", "Le gouvernement"],
    ),
    (
        "boilerplate.related",
        "Mehr zum Thema\nDie Regierung plant neue Steuern",
        ["Mehr zum Thema", "Die Regierung"],
    ),
    ("boilerplate.related", "Leia também: Governo anuncia novo pacote de medidas", ["Leia também"]),
    ("boilerplate.related", "Leggi anche: Il governo annuncia nuove misure", ["Leggi anche"]),
    ("boilerplate.related", "Читайте также: Правительство объявило новые меры", ["Читайте также"]),
    ("boilerplate.related", "Lea también: El gobierno anuncia nuevas medidas", ["Lea también"]),
    (
        "boilerplate.related",
        "Also on example.com Journalists threatened with arrests as purge goes on",
        ["Also on"],
    ),
    ("boilerplate.related", "More AP NBA: https://apnews.com/NBA", ["More AP NBA"]),
    (
        "boilerplate.related",
        "Review: a new headset I love [Video]\nReview: a power station for nine devices [Video]",
        ["Review: a new", "Review: a power"],
    ),
    # author
    ("boilerplate.author", "About Eleanor Blackburn", ["About Eleanor"]),
    (
        "boilerplate.author",
        "About the Author\nJane Doe covers energy and climate for the paper.",
        ["About the Author", "Jane Doe"],
    ),
    (
        "boilerplate.author",
        "Eric Song is IGN's deal curator and spends his pay on stuff he posts.",
        ["Eric Song"],
    ),
    (
        "boilerplate.author",
        "paul.takahashi@chron.com\ntwitter.com/paultakahashi",
        ["paul.takahashi", "twitter.com"],
    ),
    ("boilerplate.author", "Reach the reporters on Twitter at http://twitter.com/jdoe", ["Reach the"]),
    ("boilerplate.author", "By Jane Doe and John Smith", ["By Jane"]),
    # agency credits
    ("boilerplate.agency-credit", "With reports from AFP, AP and Reuters", ["With reports"]),
    (
        "boilerplate.agency-credit",
        "(Reporting by Greg Roumeliotis; editing by Martin Howell.)",
        ["(Reporting by"],
    ),
    ("boilerplate.agency-credit", "Keith Bradsher contributed reporting from Hong Kong.", ["Keith Bradsher"]),
    (
        "boilerplate.agency-credit",
        "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
        ["Associated Press writers"],
    ),
    ("boilerplate.agency-credit", "Additional reporting by Joseph Hudak", ["Additional reporting"]),
    ("boilerplate.agency-credit", "Con información de EFE y Reuters", ["Con información"]),
    ("boilerplate.agency-credit", "Mit Material von dpa", ["Mit Material"]),
    # captions
    (
        "boilerplate.captions",
        "Russian Foreign Minister Sergei Lavrov (right) meets Liz Truss in Moscow on February 10.",
        ["Sergei Lavrov (right)"],
    ),
    (
        "boilerplate.captions",
        "President Joe Biden speaks at the White House. (AP Photo/Evan Vucci)",
        ["President Joe Biden"],
    ),
    ("boilerplate.captions", "Photo: Jane Doe/Reuters", ["Photo: Jane"]),
    (
        "boilerplate.captions",
        "The WeWork logo is displayed outside a co-working space in New York.Reuters",
        ["The WeWork"],
    ),
    (
        "boilerplate.captions",
        "| The core stage after the installation of its engines. (credit: NASA/Jude Guidry) |",
        ["The core stage"],
    ),
    (
        "boilerplate.captions",
        "Protesters march in Hong Kong on Monday. REUTERS/Jane Doe",
        ["Protesters march"],
    ),
    (
        "boilerplate.captions",
        "Le ministre (à gauche) rencontre son homologue à Paris le 10 février.",
        ["Le ministre"],
    ),
]


@pytest.mark.parametrize(
    ("rule", "block", "gone"), REMOVED, ids=[f"{r[0][12:]}-{i}" for i, r in enumerate(REMOVED)]
)
def test_rule_removes_boilerplate(rule: str, block: str, gone: list[str]) -> None:
    text = f"{PROSE}\n\n{block}\n\n{PROSE}\n" if rule != "boilerplate.author" else f"{PROSE}\n\n{block}\n"
    out = run(rule, text)
    for fragment in gone:
        assert fragment not in out
    assert out.count(PROSE) == text.count(PROSE)


# (rule, prose line that looks like a trigger and must stay)
KEPT = [
    ("boilerplate.debris", "On Feb. 8, Russia said six warships were heading to the Black Sea."),
    ("boilerplate.debris", "4:14 p.m."),
    ("boilerplate.debris", "29 November 2018 | 20 January 2019"),
    ("boilerplate.debris", "www.jeongdongtheater.com"),
    ("boilerplate.debris", "In 2019, 30,000 soldiers took part in 12 exercises."),
    ("boilerplate.share", "The company's share price fell by 12 percent on Monday."),
    ("boilerplate.share", "Share prices rose."),
    ("boilerplate.ads", "The advertisement ran in three newspapers."),
    ("boilerplate.copyright", "Copyright law protects the expression of ideas, not the ideas themselves."),
    ("boilerplate.comments", "Comments from the minister were not available."),
    ("boilerplate.comments", "Readers left 10 comments on the first day."),
    ("boilerplate.promo", "Readers who subscribe to the newsletter receive a weekly digest."),
    ("boilerplate.promo", "Sign up for a Hulu ad-free account for $11.99 a month"),
    ("boilerplate.promo", "Follow-up talks are planned for March."),
    ("boilerplate.promo", "We use cookies sparingly in the recipe, the chef said, and then we bake them."),
    ("boilerplate.related", "Check also that the valve is closed before …"),
    ("boilerplate.related", "Read more about the plan on page 4, the minister said."),
    ("boilerplate.related", "More from the interview: he said the economy was fine."),
    ("boilerplate.related", "Related research has found the same effect."),
    ("boilerplate.author", "About 30,000 soldiers took part in the exercises."),
    ("boilerplate.author", "This book is about Martin Keller and his family."),
    ("boilerplate.author", "By 2020 the plan had failed."),
    ("boilerplate.author", "Follow her lead, the coach told the younger players."),
    ("boilerplate.promo", "Abbonati e lettori hanno protestato contro il prezzo."),
    ("boilerplate.promo", "Registrati 500 nuovi casi in Lombardia."),
    ("boilerplate.agency-credit", "Smith contributed reporting skills to the team."),
    (
        "boilerplate.agency-credit",
        "Reporting by the BBC suggested that the talks had failed, and the minister resigned.",
    ),
    (
        "boilerplate.captions",
        "The minister (right) said he would resign. His deputy (left) declined. Talks resume today.",
    ),
    ("boilerplate.captions", "South Dakota Gov. Kristi Noem (R) is defending the state’s new campaign."),
    ("boilerplate.captions", "The photographer left the room."),
    ("boilerplate.captions", "Kate (left) wore a blue dress to the event."),
    ("boilerplate.captions", "Boris Johnson (pictured) said on Monday that the plan had failed."),
    ("boilerplate.captions", "She posted a photo by the river on Instagram."),
    ("boilerplate.captions", "The suspect was photographed by a neighbour."),
    ("boilerplate.captions", "He pulled out a file photo of the suspect."),
    ("boilerplate.pull-quote", "“Wild Rose”"),
    ("boilerplate.pull-quote", "“We will win.”"),
]


@pytest.mark.parametrize(("rule", "line"), KEPT, ids=[f"{r[0][12:]}-{i}" for i, r in enumerate(KEPT)])
def test_rule_keeps_lookalike_prose(rule: str, line: str) -> None:
    # prose after it as well, so that no rule sees the line as the tail of the document
    text = (
        f"{PROSE}\n\n{line}\n\n{PROSE} We will win. Wild Rose.\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
    )
    assert line in run(rule, text)


def test_pull_quote_repeated_fragment_goes_but_quoted_title_stays() -> None:
    text = (
        "Truss said Russia’s “very threatening posture” had to end.\n\n“threatening posture”\n\nShe left.\n"
    )
    assert "\n“threatening posture”\n" not in run("boilerplate.pull-quote", text)
    lone = "She left.\n\n“threatening posture”\n\nHe stayed.\n"
    assert run("boilerplate.pull-quote", lone) == lone


def test_caption_inside_a_paragraph_stays() -> None:
    para = "Lavrov met Truss in Moscow. Lavrov (right) shook hands with Truss. They spoke for two hours."
    assert para in run("boilerplate.captions", f"{para}\n")


def test_related_block_ends_where_prose_resumes() -> None:
    text = (
        f"{PROSE}\n\nRead also\n\nNATO expands its eastern flank again\n\n"
        "The ministers will meet again in March, officials said.\n"
    )
    out = run("boilerplate.related", text)
    assert "Read also" not in out and "NATO expands" not in out
    assert "The ministers will meet again in March, officials said." in out


def test_comment_block_runs_to_its_closing_line_only() -> None:
    body = "\n\n".join([PROSE] * 4)
    comments = "3 thoughts on “The plan”\n\nGreat post!\n\nI disagree.\n\nComments are closed."
    text = f"{body}\n\n{comments}\n\n{PROSE}\n"
    out = run("boilerplate.comments", text)
    assert "thoughts on" not in out and "Great post!" not in out and "Comments are closed." not in out
    assert out.count(PROSE) == 5


def test_a_numbered_subheading_is_not_a_comment_header() -> None:
    text = (
        "\n\n".join([PROSE] * 4) + "\n\n5 responses to the new tax law\n\n" + "\n\n".join([PROSE] * 3) + "\n"
    )
    assert run("boilerplate.comments", text) == text


def test_comment_header_at_the_top_does_not_take_the_article() -> None:
    text = "Reader comments\n\n" + "\n\n".join([PROSE] * 6) + "\n"
    assert run("boilerplate.comments", text).count(PROSE) == 6


def test_comment_authors_block() -> None:
    body = "\n\n".join([PROSE] * 4)
    text = f"{body}\n\nJohn Smith says:\n\nNice.\n\nMary Jones says:\n\nAgreed.\n"
    out = run("boilerplate.comments", text)
    assert "Nice." not in out and "Agreed." not in out and out.count(PROSE) == 4


def test_author_about_name_mid_article_stays() -> None:
    text = f"{PROSE}\n\nAbout Last Night\n\n" + "\n\n".join([PROSE] * 8) + "\n"
    assert "About Last Night" in run("boilerplate.author", text)


def test_seed_tail_block() -> None:
    text = (
        f"{PROSE}\n\nWith reports from AFP, AP and Reuters\n\nAbout Eleanor Blackburn\n\nCheck Also\n\n"
        "Atlas Institute for Veterans and Families Board of Directors Expands\n\n"
        "The Council has been expanded to increase representation from across Canada as well as to …"
    )
    out = clean(text)
    assert out.strip() == PROSE


# ----------------------------------------------------------------------------- config and data
def test_user_markers_extend_a_category() -> None:
    text = f"{PROSE}\n\nLies auch\n\nDie Regierung plant neue Steuern für Reiche\n\n{PROSE}\n"
    assert "Lies auch" in run("boilerplate.related", text)
    config = Config(extra_markers=(("related", "Lies auch"),))
    out = run("boilerplate.related", text, config)
    assert "Lies auch" not in out and "Die Regierung" not in out
    assert "Lies auch" not in clean(text, config=config)


def test_user_markers_are_literal_text() -> None:
    config = Config(extra_markers=(("ads", "Ad (paid)"),))
    assert run("boilerplate.ads", f"{PROSE}\nAd (paid)\n", config) == f"{PROSE}\n"
    assert run("boilerplate.ads", f"{PROSE}\nAd paid\n", config) == f"{PROSE}\nAd paid\n"


def test_user_markers_stay_in_their_category() -> None:
    config = Config(extra_markers=(("promo_head", "Weekly Digest"),))
    alone = f"{PROSE}\n\nWeekly Digest\n\n{PROSE}\n"
    assert run("boilerplate.promo", alone, config) == alone
    with_promo = f"{PROSE}\n\nWeekly Digest\n\nSubscribe to our newsletter\n"
    out = run("boilerplate.promo", with_promo, config)
    assert "Weekly Digest" not in out and "Subscribe" not in out and PROSE in out


def test_user_marker_category_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown marker category"):
        default_pipeline(config=Config(extra_markers=(("nonsense", "x"),)))


def test_rules_are_named_described_and_switchable() -> None:
    names = [r.name for r in default_pipeline().rules if r.family == "boilerplate"]
    assert names == [
        "boilerplate.debris",
        "boilerplate.share",
        "boilerplate.ads",
        "boilerplate.copyright",
        "boilerplate.comments",
        "boilerplate.promo",
        "boilerplate.related",
        "boilerplate.author",
        "boilerplate.agency-credit",
        "boilerplate.captions",
        "boilerplate.pull-quote",
    ]
    text = f"{PROSE}\n\nWith reports from AFP, AP and Reuters\n"
    assert "With reports" in clean(text, ignore=["boilerplate.agency-credit"])
    assert "With reports" not in clean(text)


@pytest.mark.parametrize("lang", markers.LANGUAGES)
def test_marker_files_load_and_compile(lang: str) -> None:
    path = resources.files("cleantext") / "data" / "markers" / f"{lang}.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    assert set(table) <= set(markers.CATEGORIES)
    for category, items in table.items():
        for fragment in items:
            re.compile(fragment)
            assert fragment == fragment.strip(), (category, fragment)


def test_every_required_language_has_related_markers() -> None:
    for lang in ("en", "es", "fr", "de", "pt", "it", "ru"):
        path = resources.files("cleantext") / "data" / "markers" / f"{lang}.json"
        assert json.loads(path.read_text(encoding="utf-8"))["related"]


SAMPLE_LINES = [
    "Read more",
    "READ MORE: x",
    "Don't Miss",
    "Dont miss",
    "Thanks for signing up!",
    "Thank for signing up",
    "We'd like to hear what you think",
    "there's plenty more where that came from",
    "10 thoughts on “x”",
    "e-mail",
    "Email",
    "Recommended for you",
    "(Reporting by X)",
    "Jane Doe contributed reporting.",
    "The minister said so.",
    "The personal data will be used to support your experience throughout this website.",
    "In case you missed it",
    "In other words, the talks failed.",
    "What to read next",
    "I commenti sono chiusi.",
    "You must be logged in to post a comment.",
    "“Quote”",
    "Entermedia 주요뉴스",
    "ⓒ 2019",
]


@pytest.mark.parametrize("category", markers.CATEGORIES)
def test_line_matcher_agrees_with_the_plain_pattern(category: str) -> None:
    template = r"[\W_]{0,3}(?:{m})(?!\w)"
    fast = markers.line_matcher(category, (), template)
    plain = markers.compile_category(category, (), template)
    doc = Doc(SAMPLE_LINES)
    candidates = set(fast.candidates(doc))
    for i, line in enumerate(SAMPLE_LINES):
        expected = plain.match(line) is not None
        assert (i in candidates and fast.match(line) is not None) == expected, line


def test_fragments_starting_with_common_words_are_found_through_their_long_run() -> None:
    """The fragment "the personal data will …" is not filed under "the": a line starting with "The" is a
    candidate of the comment-widget matcher only in a text holding " personal data will "."""
    widget = comments._matchers(())[0]
    prose = Doc(["The minister said so.", "", "The talks resume on Monday."])
    assert "the" not in widget.keys
    assert list(widget.candidates(prose)) == []
    gdpr = "The personal data will be used to support your experience throughout this website."
    doc = Doc(["The minister said so.", "", gdpr])
    assert list(widget.candidates(doc)) == [2]
    assert widget.match_at(doc, 2) is not None
    assert get_rule("boilerplate.comments")("The minister said so.\n\n" + gdpr) == "The minister said so."


def test_doc_containing_is_case_insensitive_and_survives_length_changing_lowercase() -> None:
    doc = Doc(["İstanbul PHOTO", "plain", "x Photo"])
    assert doc.containing(("photo",)) == {0, 2}


def test_headline_shapes() -> None:
    assert is_headline("Atlas Institute Board of Directors Expands")
    assert is_headline("- Pochettino fired by Tottenham")
    assert not is_headline(PROSE)


def test_dropping_the_last_line_keeps_the_output_shape() -> None:
    # regression (bugs-boilerplate.md): no final newline in, none out
    assert clean("Para one.\n\nShare this:") == "Para one."
    assert clean("Para one.\n\nShare this:\n") == "Para one.\n"
    assert run("boilerplate.share", "Para one.\n\nShare this:") == "Para one."
    body = "\n\n".join([PROSE] * 4)
    assert run("boilerplate.comments", f"{body}\n\n2 thoughts on “X”\n\nNice.\n").endswith("\n")


def test_bullet_teasers_under_a_more_stories_heading() -> None:
    # regression (bugs-boilerplate.md, from html)
    text = (
        "Last paragraph of the story.\nMore Great WIRED Stories\n"
        "- YouTubers must unionize, no matter what Google says\n"
        "- Paid political ads are not the problem. Our perceptions are\n"
    )
    assert clean(text) == "Last paragraph of the story.\n"


@pytest.mark.parametrize("line", ["Elle a dit : « Nous sommes prêts. »", "Er sagte: „Wir sind bereit.“"])
def test_sentence_with_closing_guillemet_or_german_quote_is_prose(line: str) -> None:
    # regression (bugs-boilerplate.md, from the property suite)
    assert not is_headline(line)
    text = f"{PROSE}\n\nCheck Also\n\nAtlas Institute for Veterans and Families Board Expands\n\n{line}\n"
    assert line in run("boilerplate.related", text)
