"""Seeded generator of a news-like benchmark corpus (JSONL, one ``{"id", "text"}`` object a line).

The corpus needs no outside files.  About 70 % of the documents are plain news prose
(typographic quotes, dashes, numbers, a few accented names); about 30 % carry the
noise the cleaner exists for: scraper boilerplate lines (teasers, promos, share and
newsletter lines, bylines, captions), machine-translation glitches (``decades , as``,
``activities. .``, ``decreasing…NATO``, calques), mojibake (UTF-8 read as cp1252),
odd whitespace (NBSP, tabs, runs of spaces, CRLF, zero-width characters, blank-line
runs) and leftover HTML entities.  Some documents are in non-Latin scripts.

    python benchmarks/generate_corpus.py --size-mb 20 --seed 8 -o corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

__all__ = ["generate", "generate_docs", "write_corpus"]

PEOPLE = [
    "Olaf Scholz",
    "Liz Truss",
    "Jens Stoltenberg",
    "Sergei Lavrov",
    "José Manuel García",
    "Zoë Müller",
    "François Hollande",
    "Ursula von der Leyen",
    "Antonio Guterres",
    "Ngozi Okonjo-Iweala",
    "Björn Sørensen",
    "Jacinda Ardern",
    "Recep Tayyip Erdoğan",
    "Emmanuel Macron",
]
ROLES = [
    "the prime minister",
    "the foreign minister",
    "a senior official",
    "the company's chief executive",
    "a spokesperson for the ministry",
    "the central bank governor",
    "an analyst at a Zürich bank",
    "the mayor",
]
PLACES = [
    "Brussels",
    "Warsaw",
    "Kyiv",
    "Berlin",
    "São Paulo",
    "Zürich",
    "Odessa, Texas",
    "Montréal",
    "Geneva",
    "Nairobi",
    "Jakarta",
    "Lagos",
    "Kraków",
]
TOPICS = [
    "the budget",
    "energy prices",
    "the ceasefire talks",
    "interest rates",
    "the new trade agreement",
    "grain exports",
    "the election results",
    "the drought",
    "housing costs",
    "the vaccine rollout",
    "the pension reform",
]
VERBS = [
    "warned",
    "said",
    "told reporters",
    "insisted",
    "acknowledged",
    "argued",
    "noted",
    "confirmed",
]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
SENTENCES = [
    "{person}, {role}, {verb} on {month} {day} that {topic} would dominate the agenda in {place}.",
    "About {num},000 people gathered in {place} on {month} {day}, according to the police.",
    "“We are united and determined,” {person} {verb}. “We take these concerns very seriously.”",
    "The figures, published on {weekday}, show that {topic} rose by {pct} % in the third quarter – "
    "the steepest increase since {year}.",
    "Check also that the valve is closed, the engineers {verb}, before the inspection of the plant.",
    "Critics say the plan does too little, too late; supporters call it “a necessary first step.”",
    "In {place}, officials {verb} that talks on {topic} had made “real progress” but that no deal was "
    "expected before {month} {day}.",
    "The ministry {verb} it had received {num} complaints — roughly twice as many as last year.",
    "Shares of the group fell {pct} % in early trading in {place}, wiping €{num} million off its value.",
    "{person} {verb} that the decision on {topic} was “not about politics, but about arithmetic.”",
    "Residents of {place} were asked to stay indoors while crews worked through the night.",
    "On {month} {day}, {role} met delegations from {num} countries to discuss {topic}.",
    "The report, which runs to {num} pages, was drafted over {pct} months by a panel of experts.",
    "Restaurants served chicken Kiev and café au lait to the delegates at the summit in {place}.",
    "Asked about {topic}, {person} {verb}: “It is too early to say what the outcome will be.”",
    "Prices for {topic} have doubled since {year}, and economists expect them to stay high.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

HEADLINES = [
    "Markets rally as inflation cools",
    "Storm leaves thousands without power",
    "What the new budget means for you",
    "Five things to know about the ceasefire",
    "Inside the race to build cheaper batteries",
    "Opinion: the pension reform is overdue",
]
BOILERPLATE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Read more: {headline}",
    "Related: {headline}",
    "READ ALSO: {headline}",
    "Share this article",
    "Share on Facebook Share on Twitter Share via Email",
    "Subscribe to our newsletter for the latest news.",
    "Sign up for our daily briefing and never miss a story.",
    "Follow us on Twitter and Facebook.",
    "© {year} Example Media Group. All rights reserved.",
    "Photo: Reuters",
    "By {person}, Staff Writer",
    "Click here to read more.",
    "This article was originally published on {month} {day}, {year}.",
    "Comments (12)",
    "Skip to main content",
]
GLITCHES = [
    ("decades, as", "decades , as"),
    ("activities.", "activities. ."),
    ("decreasing… NATO", "decreasing…NATO"),
    ("said.", "said. noted."),
    ("in February.", "in February. ten."),
    ("the capital", "the capital city of the country"),
]
NON_LATIN = {
    "ru": [
        "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе.",
        "В понедельник в столице прошли массовые акции протеста.",
        "Цены на энергоносители выросли на {pct} % по сравнению с прошлым годом.",
    ],
    "el": [
        "Ο πρωθυπουργός δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν την επόμενη εβδομάδα.",
        "Οι τιμές της ενέργειας αυξήθηκαν κατά {pct} % σε σχέση με πέρυσι.",
    ],
    "zh": [
        "外交部发言人表示，谈判将于下周继续进行。",
        "能源价格比去年上涨了百分之{pct}，经济学家预计价格将保持高位。",
    ],
    "ar": [
        "قال وزير الخارجية إن المفاوضات ستستمر الأسبوع المقبل.",
        "ارتفعت أسعار الطاقة بنسبة {pct} في المئة مقارنة بالعام الماضي.",
    ],
}
ODD_SPACES = ["\u00a0", "\t", "  ", "   ", "\u200b", "\u2009", "\u00ad"]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        person=rng.choice(PEOPLE),
        role=rng.choice(ROLES),
        verb=rng.choice(VERBS),
        place=rng.choice(PLACES),
        topic=rng.choice(TOPICS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        weekday=rng.choice(WEEKDAYS),
        num=rng.randint(2, 950),
        pct=rng.randint(2, 40),
        year=rng.randint(1990, 2024),
        headline=rng.choice(HEADLINES),
    )


def _paragraph(rng: random.Random, lang: str) -> str:
    n = rng.randint(1, 5)
    if lang != "en":
        return " ".join(_fill(rng, rng.choice(NON_LATIN[lang])) for _ in range(n))
    return " ".join(_fill(rng, rng.choice(SENTENCES)) for _ in range(n))


def _mojibake(rng: random.Random, para: str) -> str:
    """UTF-8 read as cp1252 (what a wrong charset header does), on one paragraph."""
    try:
        return para.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return para.encode("utf-8").decode("latin-1")


def _odd_whitespace(rng: random.Random, para: str) -> str:
    words = para.split(" ")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(words))
        words[i] = words[i] + rng.choice(ODD_SPACES)
    out = " ".join(words)
    if rng.random() < 0.5:
        out = rng.choice([" ", "\t", "  "]) + out + rng.choice([" ", "  ", "\u00a0"])
    return out


def _glitch(rng: random.Random, para: str) -> str:
    clean, dirty = rng.choice(GLITCHES)
    if clean in para:
        return para.replace(clean, dirty, 1)
    return para.rstrip(".") + rng.choice([" .", ". .", " , as before."])


def _entities(rng: random.Random, para: str) -> str:
    return para.replace(" & ", " &amp; ").replace("’", rng.choice(["&#8217;", "&rsquo;", "’"]), 1) + (
        " AT&amp;amp;T&nbsp;said so." if rng.random() < 0.5 else ""
    )


def _document(rng: random.Random, target: int) -> str:
    r = rng.random()
    lang = "en"
    if r < 0.08:
        lang = rng.choice(sorted(NON_LATIN))
    noisy = rng.random() < 0.30
    paras: list[str] = [_fill(rng, rng.choice(HEADLINES)) if lang == "en" else _paragraph(rng, lang)[:60]]
    size = len(paras[0])
    while size < target:
        para = _paragraph(rng, lang)
        if lang == "en" and rng.random() < 0.05:
            para += " " + _paragraph(rng, rng.choice(sorted(NON_LATIN)))
        if noisy:
            kind = rng.random()
            if kind < 0.12:
                paras.append(_fill(rng, rng.choice(BOILERPLATE)))
            elif kind < 0.18:
                para = _mojibake(rng, para)
            elif kind < 0.26:
                para = _odd_whitespace(rng, para)
            elif kind < 0.31:
                para = _glitch(rng, para)
            elif kind < 0.33:
                para = _entities(rng, para)
        paras.append(para)
        size += len(para) + 2
    sep = "\n\n"
    if noisy and rng.random() < 0.3:
        sep = rng.choice(["\r\n\r\n", "\n\n\n\n", "\n \n", "\n"])
    text = sep.join(paras) + "\n"
    if noisy and rng.random() < 0.3:
        text += "\n" + "\n".join(_fill(rng, rng.choice(BOILERPLATE)) for _ in range(rng.randint(2, 6))) + "\n"
    return text


def generate_docs(size_mb: float = 20.0, seed: int = 8) -> list[str]:
    """Return documents (mostly 1-12 KB, a few up to ~60 KB) totalling about *size_mb* MB of UTF-8."""
    rng = random.Random(seed)
    limit = int(size_mb * 1_000_000)
    docs: list[str] = []
    total = 0
    while total < limit:
        target = min(int(rng.lognormvariate(8.3, 0.7)), 60_000)
        doc = _document(rng, max(target, 300))
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


def write_corpus(path: Path, docs: list[str]) -> None:
    """Write *docs* as JSONL (``{"id": "doc-N", "text": ...}``)."""
    with open(path, "w", encoding="utf-8") as fh:
        for i, doc in enumerate(docs):
            fh.write(json.dumps({"id": f"doc-{i}", "text": doc}, ensure_ascii=False))
            fh.write("\n")


def generate(path: Path, size_mb: float = 20.0, seed: int = 8) -> Path:
    """Generate the corpus into *path* (JSONL) and return it."""
    write_corpus(path, generate_docs(size_mb, seed))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=Path("corpus.jsonl"))
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    generate(args.output, args.size_mb, args.seed)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
