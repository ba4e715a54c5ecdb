"""Prose kept: how much of the human-annotated article bodies the boilerplate rules remove.

Runs ``clean()`` over every ``ID.gold.txt`` (article body only, no boilerplate) twice, with
and without the ``boilerplate`` family, and counts the lines and words that only the full
pipeline drops.  Every such line is real prose lost.

    python benchmarks/prose_kept.py --data /tmp/aeb [--show]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from cleantext import Pipeline, default_pipeline, explain


def measure(data: Path, show: bool) -> tuple[int, int, int, int]:
    full = default_pipeline()
    without: Pipeline = default_pipeline(ignore=["boilerplate"])
    lines_total = words_total = lines_lost = words_lost = 0
    for path in sorted(data.glob("*.gold.txt")):
        gold = path.read_text(encoding="utf-8")
        kept = collections.Counter(line for line in full(gold).split("\n") if line.strip())
        base = [line for line in without(gold).split("\n") if line.strip()]
        lines_total += len(base)
        words_total += sum(len(line.split()) for line in base)
        for line in base:
            if kept[line] > 0:
                kept[line] -= 1
                continue
            lines_lost += 1
            words_lost += len(line.split())
            if show:
                rules = sorted(
                    {c.rule for c in explain(gold) if c.rule.startswith("boilerplate") and line in c.before}
                )
                print(f"{path.name[:12]} {','.join(rules) or '?'}: {line[:150]}")
    return lines_total, words_total, lines_lost, words_lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/aeb"))
    parser.add_argument(
        "--show", action="store_true", help="print every lost line with the rule that took it"
    )
    args = parser.parse_args(argv)
    lines_total, words_total, lines_lost, words_lost = measure(args.data, args.show)
    print(
        f"lines lost {lines_lost}/{lines_total} = {100 * lines_lost / max(lines_total, 1):.2f} %  "
        f"words lost {words_lost}/{words_total} = {100 * words_lost / max(words_total, 1):.3f} %"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
