#!/usr/bin/env python3
"""Run cleantext's HTML extraction over the dev pages and score it.

    python benchmarks/html_eval.py                       # full clean_html -> ID.html_full.txt
    python benchmarks/html_eval.py --stage traf           # trafilatura with our settings only
    python benchmarks/html_eval.py --stage raw            # + HTML signals and headline handling, no pipeline
    python benchmarks/html_eval.py --stage traf --settings '{"favor_precision": false}' --suffix x

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
    doc_id, html, stage, signals, settings = job
    from cleantext import html as chtml

    if stage == "full" and signals and not settings:
        return doc_id, chtml.clean_html(html, timeout=None)
    if stage == "traf":
        signals = False
    text = chtml._extract_raw(html, None, False, False, html_signals=signals, settings=settings).text
    if stage == "full":
        from cleantext import default_pipeline

        text = default_pipeline().clean(text)
    return doc_id, text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/tmp/aeb"))
    ap.add_argument("--stage", choices=("traf", "raw", "full"), default="full")
    ap.add_argument("--suffix", help="output suffix (default html_<stage>)")
    ap.add_argument("--no-signals", action="store_true", help="skip cleantext's HTML-side work (raw/full)")
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
            not args.no_signals,
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
