"""Record what the cleaner does to a fixed set of texts, or compare with a recording.

For changes meant to leave every output as it is (speed work, refactoring): record
before, change, compare after.  The texts: the seed, a seeded generated corpus (noise of
every kind the generator makes) and, with ``--real-dir``, the dev set's trafilatura output
and gold bodies.  Each text is recorded with ``clean`` of the default pipeline, the
``explain`` list, and the output of every rule run alone.

    python benchmarks/snapshot.py record /tmp/before.json --real-dir /tmp/aeb
    python benchmarks/snapshot.py compare /tmp/before.json --real-dir /tmp/aeb
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import generate_docs

ROOT = Path(__file__).resolve().parent.parent


def texts(real_dir: str | None, corpus_mb: float) -> dict[str, str]:
    """The named texts to record."""
    seeds = sorted((ROOT / "seeds").glob("*[0-9a-f].txt"))
    out = {f"seed/{p.name}": p.read_text(encoding="utf-8") for p in seeds}
    for k, doc in enumerate(generate_docs(corpus_mb, seed=11)):
        out[f"corpus/{k}"] = doc
    if real_dir:
        for p in sorted(Path(real_dir).glob("*.txt")):
            if p.name.endswith((".traf.txt", ".gold.txt")):
                out[f"real/{p.name}"] = p.read_text(encoding="utf-8")
    return out


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:16]


def record(named: dict[str, str]) -> dict[str, dict[str, str]]:
    """Per text: the digest of clean, of explain, and of every rule alone."""
    import cleantext

    pipeline = cleantext.default_pipeline()
    rules = cleantext.all_rules()
    out: dict[str, dict[str, str]] = {}
    for name, text in named.items():
        row = {
            "clean": _digest(pipeline.clean(text)),
            "explain": _digest([repr(change) for change in pipeline.explain(text)]),
        }
        for rule in rules:
            row[rule.name] = _digest(rule.apply(text))
        out[name] = row
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("path")
    parser.add_argument("--real-dir", default=None)
    parser.add_argument("--corpus-mb", type=float, default=4.0)
    args = parser.parse_args(argv)
    now = record(texts(args.real_dir, args.corpus_mb))
    if args.mode == "record":
        Path(args.path).write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"recorded {len(now)} texts x {len(next(iter(now.values())))} outputs to {args.path}")
        return 0
    before = json.loads(Path(args.path).read_text(encoding="utf-8"))
    differ = [
        (name, key)
        for name, row in now.items()
        for key, value in row.items()
        if before.get(name, {}).get(key) != value
    ]
    missing = sorted(set(before) ^ set(now))
    for name, key in differ[:40]:
        print(f"DIFFERS {name} {key}")
    print(f"{len(now)} texts, {len(differ)} outputs differ, {len(missing)} texts not in both")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
