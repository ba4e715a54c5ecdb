"""Evaluate site-learned boilerplate on a generated corpus (seeded, no data files).

The corpus has several sites of different sizes.  Every line is labelled:

* furniture (should go): navigation, section kickers, adverts, share lines, rotating
  promos, a two-line campaign promo (heading + a 40-word paragraph, like the seed's
  "Live briefing" block), an opinion disclaimer, a copyright footer, "Read more"
  teasers (headlines of the site's other articles);
* article text (must stay): headlines, datelines ("March 3, 2024"), body paragraphs,
  common short sentences used on every site ("He did not elaborate."), quoted
  press-release paragraphs repeated in a few articles (one two-paragraph release),
  sentences with dates, recurring sub-headings ("Background").

The model is learned with :mod:`cleantext.learn` and applied with the rule alone;
removed lines are compared with the labels.  Usage::

    python benchmarks/site_eval.py [--seed 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field

from cleantext.learn import Counts, LearnParams
from cleantext.site import SiteLineRemover, SiteModel

SITES = [
    ("dailyherald.example", 400),
    ("rfe.example", 250),
    ("techwire.example", 120),
    ("localnews.example", 60),
    ("smallblog.example", 25),
    ("tiny.example", 12),
]
SYLLABLES = [c + v for c in "bdklmnrstv" for v in "aeio"]
COMMON = [  # ordinary sentences every news site uses, as their own paragraph: (text, share of articles)
    ("He did not elaborate.", 0.12),
    ("The ministry did not respond to a request for comment.", 0.08),
    ("It was not immediately clear who was responsible.", 0.06),
]
SUBHEADS = ["Background", "What happens next", "Reaction", "Analysis", "Context", "The numbers"]
MONTHS = ["January", "February", "March", "April"]


@dataclass
class Doc:
    site: str
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # (text, label, kind)

    def add(self, text: str, label: str, kind: str) -> None:
        self.lines.append((text, label, kind))

    @property
    def text(self) -> str:
        return "\n".join(t for t, _, _ in self.lines) + "\n"


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def word(self) -> str:
        return "".join(self.r.choice(SYLLABLES) for _ in range(self.r.randint(1, 4)))

    def sentence(self, lo: int = 8, hi: int = 24) -> str:
        words = [self.word() for _ in range(self.r.randint(lo, hi))]
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(1, 4)))

    def headline(self) -> str:
        return " ".join(self.word() for _ in range(self.r.randint(4, 10))).capitalize()

    def date(self) -> str:
        return f"{self.r.choice(MONTHS)} {self.r.randint(1, 28)}, 2024"


def generate(seed: int = 7) -> list[Doc]:
    """The labelled corpus."""
    g = Gen(seed)
    r = g.r
    releases = [" ".join(g.sentence(12, 20) for _ in range(3)) for _ in range(4)]
    two_part = (
        " ".join(g.sentence(12, 20) for _ in range(2)),
        " ".join(g.sentence(12, 20) for _ in range(2)),
    )
    docs: list[Doc] = []
    for site, n in SITES:
        name = site.split(".")[0].capitalize()
        nav = f"Home | World | Politics | Business | {name} TV | Podcasts"
        sections = ["World", "Politics", "Business", "Tech", "Opinion"]
        promos = [
            f"Listen to the {name} Daily podcast",
            f"Get the {name} app",
            f"Sign up for the {name} morning newsletter.",
            f"Support independent journalism: become a {name} member today.",
        ]
        campaign_head = f"Live briefing: {g.headline()}"
        campaign_body = " ".join(g.sentence(10, 16) for _ in range(3))
        disclaimer = (
            f"The views expressed in this article are the author's own and do not necessarily reflect "
            f"the editorial stance of {name}."
        )
        headlines = [g.headline() for _ in range(n)]
        for i in range(n):
            d = Doc(site)
            if r.random() < 0.95:
                d.add(nav, "furniture", "nav")
            section = r.choice(sections)
            d.add(section, "furniture", "section")
            d.add(headlines[i], "article", "headline")
            if r.random() < 0.5:
                d.add(g.date(), "article", "dateline")
            body: list[tuple[str, str, str]] = [
                (g.paragraph(), "article", "body") for _ in range(r.randint(3, 10))
            ]
            for text, share in COMMON:
                if r.random() < share:
                    body.insert(r.randint(1, len(body)), (text, "article", "common"))
            if r.random() < 0.15:
                body.insert(r.randint(1, len(body)), (r.choice(releases), "article", "press-release"))
            if r.random() < 0.03:
                at = r.randint(1, len(body))
                body[at:at] = [
                    (two_part[0], "article", "press-release"),
                    (two_part[1], "article", "press-release"),
                ]
            if r.random() < 0.2:
                body.insert(r.randint(1, len(body)), (f"The talks resume on {g.date()}.", "article", "date"))
            if r.random() < 0.3:
                body.insert(r.randint(1, len(body)), (r.choice(SUBHEADS), "article", "subhead"))
            if r.random() < 0.5:
                body.insert(r.randint(1, len(body)), ("Advertisement", "furniture", "advert"))
            if r.random() < 0.10:
                at = r.randint(1, len(body))
                body[at:at] = [
                    (campaign_head, "furniture", "campaign"),
                    (campaign_body, "furniture", "campaign"),
                ]
            for line in body:
                d.add(*line)
            if section == "Opinion":
                d.add(disclaimer, "furniture", "disclaimer")
            if r.random() < 0.6:
                d.add(r.choice(promos), "furniture", "promo")
            if r.random() < 0.7:
                d.add("Share this article", "furniture", "share")
            if r.random() < 0.4:
                d.add("Read more:", "furniture", "related")
                for j in r.sample(range(n), 2):
                    if j != i:
                        d.add(headlines[j], "furniture", "related")
            d.add(f"© 2024 {name} Media. All rights reserved.", "furniture", "footer")
            docs.append(d)
    r.shuffle(docs)
    return docs


def learn(docs: list[Doc], params: LearnParams) -> SiteModel:
    counts = Counts(params)
    for d in docs:
        counts.add(d.site, d.text)
    return counts.to_model()


def removed_lines(model: SiteModel, doc: Doc) -> set[int]:
    """Indices of the lines of *doc* that the rule alone removes."""
    finder = SiteLineRemover(model.lines_for(doc.site), model.fingerprinter)
    text = doc.text
    starts = {}
    pos = 0
    for i, (line, _, _) in enumerate(doc.lines):
        starts[pos] = i
        pos += len(line) + 1
    return {starts[start] for start, _end, _rep in finder(text)}


def evaluate(model: SiteModel, docs: list[Doc]) -> dict[str, object]:
    tp = fp = fn = 0
    kept_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    docs_with_loss = 0
    article_lines = 0
    for d in docs:
        gone = removed_lines(model, d)
        lost = False
        for i, (_, label, kind) in enumerate(d.lines):
            total_by_kind[f"{label}:{kind}"] += 1
            if i in gone:
                kept_by_kind[f"{label}:{kind}"] += 0
                if label == "furniture":
                    tp += 1
                else:
                    fp += 1
                    lost = True
            else:
                kept_by_kind[f"{label}:{kind}"] += 1
                if label == "furniture":
                    fn += 1
            article_lines += label == "article"
        docs_with_loss += lost
    removed_share = {k: round(1 - kept_by_kind[k] / total_by_kind[k], 3) for k in sorted(total_by_kind)}
    return {
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "removed": tp + fp,
        "furniture_lines": tp + fn,
        "article_lines": article_lines,
        "article_lines_removed": fp,
        "article_kept": round(1 - fp / article_lines, 5),
        "docs": len(docs),
        "docs_losing_article_text": docs_with_loss,
        "removed_share_by_kind": removed_share,
    }


def evaluate_pipeline(model: SiteModel | None, docs: list[Doc]) -> dict[str, object]:
    """The whole default pipeline (generic rules too), with the site rule when *model*
    is given: which labelled lines are still in the output (matched as whole lines)."""
    from cleantext import default_pipeline
    from cleantext.site import site_pipeline

    base = default_pipeline()
    pipes: dict[str, object] = {}
    left = Counter()
    total = Counter()
    for d in docs:
        pipe = base if model is None else pipes.setdefault(d.site, site_pipeline(model, d.site, base))
        out = Counter(pipe(d.text).split("\n"))  # type: ignore[operator]
        for text, label, _ in d.lines:
            total[label] += 1
            if out[text] > 0:
                out[text] -= 1
                left[label] += 1
    return {
        "furniture_removed": round(1 - left["furniture"] / total["furniture"], 4),
        "article_lines_lost": total["article"] - left["article"],
        "article_lines": total["article"],
    }


def run(seed: int) -> dict[str, object]:
    docs = generate(seed)
    default = LearnParams()
    results: dict[str, object] = {"seed": seed, "docs": len(docs), "sites": dict(SITES)}
    model = learn(docs, default)
    results["default"] = evaluate(model, docs)
    results["lines_learned"] = {s: len(e.lines) for s, e in model.sites.items()}
    cut = int(len(docs) * 0.8)
    results["held_out_20pct"] = evaluate(learn(docs[:cut], default), docs[cut:])
    results["pipeline_without_model"] = evaluate_pipeline(None, docs)
    results["pipeline_with_model"] = evaluate_pipeline(model, docs)
    variants = {
        "min_fraction=0.02": LearnParams(min_fraction=0.02),
        "min_fraction=0.10": LearnParams(min_fraction=0.10),
        "strict_fraction=0.10": LearnParams(strict_fraction=0.10),
        "strict_fraction=0.30": LearnParams(strict_fraction=0.30),
        "strict_fraction=0.05": LearnParams(strict_fraction=0.05),
        "attach_share=0.7": LearnParams(attach_share=0.7),
        "attach_share=0.3": LearnParams(attach_share=0.3),
        "no blocks (attach_share=1.01)": LearnParams(attach_share=1.01),
        "fold_digits": LearnParams(fold_digits=True),
        "min_site_docs=10": LearnParams(min_site_docs=10),
    }
    table = {}
    for name, params in variants.items():
        ev = evaluate(learn(docs, params), docs)
        table[name] = {
            k: ev[k] for k in ("precision", "recall", "article_lines_removed", "docs_losing_article_text")
        }
    results["variants"] = table
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    res = run(args.seed)
    if args.json:
        json.dump(res, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    d = res["default"]
    assert isinstance(d, dict)
    print(f"corpus: {res['docs']} documents, sites {res['sites']}")
    print(f"lines learned per site: {res['lines_learned']}")
    for name in ("default", "held_out_20pct"):
        e = res[name]
        assert isinstance(e, dict)
        print(
            f"{name}: precision {e['precision']:.4f}  recall {e['recall']:.4f}  "
            f"article lines removed {e['article_lines_removed']} of {e['article_lines']} "
            f"(kept {e['article_kept']:.4%}); documents losing article text {e['docs_losing_article_text']} "
            f"of {e['docs']}"
        )
    for name in ("pipeline_without_model", "pipeline_with_model"):
        e = res[name]
        assert isinstance(e, dict)
        print(
            f"{name}: furniture lines removed {e['furniture_removed']:.4f}; "
            f"article lines lost {e['article_lines_lost']} of {e['article_lines']}"
        )
    print("share of lines removed, by label:kind (default):")
    for kind, share in d["removed_share_by_kind"].items():
        print(f"  {kind:24s} {share:.3f}")
    print("variants (learned and evaluated on the whole corpus):")
    variants = res["variants"]
    assert isinstance(variants, dict)
    for name, e in variants.items():
        print(
            f"  {name:32s} precision {e['precision']:.4f}  recall {e['recall']:.4f}  "
            f"article lines removed {e['article_lines_removed']}  docs hit {e['docs_losing_article_text']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
