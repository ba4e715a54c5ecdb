"""False positives and speed of the ``translation`` family.

Runs ``clean(text, select=["translation"])`` and the findings of ``explain`` over
human-written article bodies (``ID.gold.txt``, English and other languages): on
real prose every change is a false positive, and every finding is counted apart.
Then times the family (and the default pipeline) over the ``ID.traf.txt`` files.

    python benchmarks/translation_fp.py --data /tmp/aeb [--repeat 5] [--show]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleantext import default_pipeline


def _speed(pipeline_clean: object, texts: list[str], repeat: int) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            pipeline_clean(t)  # type: ignore[operator]
        best = min(best, time.process_time() - t0)
    return size / best / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="/tmp/aeb", type=Path)
    ap.add_argument("--repeat", default=5, type=int)
    ap.add_argument("--show", action="store_true", help="print every change and finding")
    args = ap.parse_args()

    family = default_pipeline(select=["translation"])
    golds = sorted(args.data.glob("*.gold.txt"))
    changes = findings = docs_changed = 0
    per_rule: dict[str, int] = {}
    for path in golds:
        text = path.read_text(encoding="utf-8")
        found = family.explain(text)
        rewrites = [c for c in found if not c.is_finding]
        if family.clean(text) != text:
            docs_changed += 1
        changes += len(rewrites)
        findings += len(found) - len(rewrites)
        for c in found:
            per_rule[c.rule] = per_rule.get(c.rule, 0) + 1
            if args.show:
                kind = "FINDING" if c.is_finding else "CHANGE"
                print(f"{kind} {path.name[:12]}:{c.line} {c.rule} {c.before!r} -> {c.after!r}")
    print(
        f"gold bodies: {len(golds)}; documents changed: {docs_changed}; "
        f"changes: {changes}; findings: {findings}"
    )
    for rule, count in sorted(per_rule.items()):
        print(f"  {rule}: {count}")

    trafs = [p.read_text(encoding="utf-8") for p in sorted(args.data.glob("*.traf.txt"))]
    size = sum(len(t.encode("utf-8")) for t in trafs)
    print(f"speed over {len(trafs)} traf files ({size / 1e6:.2f} MB), CPU time, best of {args.repeat}:")
    print(f"  translation family clean: {_speed(family.clean, trafs, args.repeat):.1f} MB/s")
    for rule in family.rules:
        print(f"    {rule.name}: {_speed(rule.finder, trafs, args.repeat):.0f} MB/s")
    print(f"  default pipeline clean:   {_speed(default_pipeline().clean, trafs, args.repeat):.1f} MB/s")


if __name__ == "__main__":
    main()
