#!/usr/bin/env python3
"""Run cleantext's HTML extraction over the dev pages and score it.

    python benchmarks/html_eval.py                       # full clean_html -> ID.html_full.txt
    python benchmarks/html_eval.py --stage traf           # trafilatura with our settings only
    python benchmarks/html_eval.py --stage raw            # + pruning and headline handling, no pipeline
    python benchmarks/html_eval.py --no-prune --suffix x  # switch off the HTML pruning

Reads DATA/ID.htmlin.txt (see ../shared/eval/README.md: prepare.py unpacks the pages),
writes DATA/ID.<suffix>.txt and runs ../shared/eval/evaluate.py on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "evaluate.py"


def _one(job: tuple[str, str, str, bool, dict[str, Any]]) -> tuple[str, str]:
    doc_id, html, stage, prune, settings = job
    from cleantext import html_extract as hx
    from cleantext.html import clean_html

    if stage == "full" and prune and not settings:
        return doc_id, clean_html(html)
    tree = hx.parse(html)
    if tree is None:
        return doc_id, ""
    if stage == "traf":
        return doc_id, hx.run_trafilatura(tree, url=None, include_comments=False, settings=settings)[0]
    meta = hx.run_metadata(tree, None)
    heads, descs = hx.page_headlines(tree), hx.page_descriptions(tree)
    if prune:
        hx.prune(tree)
    text = hx.run_trafilatura(tree, url=None, include_comments=False, settings=settings)[0]
    text = hx.strip_heading(
        text, (meta["title"], *heads), (meta["description"], *descs), hx.page_standfirsts(tree)
    )
    if stage == "full":
        from cleantext import default_pipeline

        text = default_pipeline().clean(text)
    return doc_id, text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/tmp/aeb"))
    ap.add_argument("--stage", choices=("traf", "raw", "full"), default="full")
    ap.add_argument("--suffix", help="output suffix (default html_<stage>)")
    ap.add_argument("--no-prune", action="store_true", help="skip the HTML furniture pruning")
    ap.add_argument("--settings", default="{}", help="JSON of extra trafilatura.bare_extraction arguments")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("eval_args", nargs="*", help="extra evaluate.py arguments (after --)")
    args = ap.parse_args()
    suffix = args.suffix or f"html_{args.stage}"
    settings = json.loads(args.settings)
    ids = sorted(p.name[: -len(".gold.txt")] for p in args.data.glob("*.gold.txt"))
    jobs = [
        (
            i,
            (args.data / f"{i}.htmlin.txt").read_text(encoding="utf-8"),
            args.stage,
            not args.no_prune,
            settings,
        )
        for i in ids
    ]
    with ProcessPoolExecutor(args.jobs) as pool:
        for doc_id, text in pool.map(_one, jobs, chunksize=4):
            (args.data / f"{doc_id}.{suffix}.txt").write_text(text, encoding="utf-8")
    if not args.no_eval:
        cmd = [sys.executable, str(EVAL), "--data", str(args.data), "--suffix", suffix, "--bootstrap", "0"]
        subprocess.run([*cmd, *args.eval_args], check=True)


if __name__ == "__main__":
    main()
