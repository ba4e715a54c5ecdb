"""Time the working tree's cleaner against the code of a git revision, in one process.

Both versions are imported side by side (the revision's ``src/cleantext`` as a second
package, from a temporary ``git worktree``), checked to give the same outputs, and timed
taking turns on batches of 30 documents, CPU time, medians over the repetitions, with
``ftfy.fix_text`` in the same turns.  Turns of a few documents put both under the same
drift of a shared machine's speed, which makes small differences measurable.

    python benchmarks/compare.py HEAD~3 --real-dir /tmp/aeb
    python benchmarks/compare.py 216ceaf --family boilerplate --reps 11
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import generate_docs

ROOT = Path(__file__).resolve().parent.parent


def load_revision(rev: str, where: Path) -> ModuleType:
    """The ``cleantext`` package of *rev*, imported as ``cleantext_<rev>``."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev], check=True)
    name = "cleantext_" + "".join(c if c.isalnum() else "_" for c in rev)
    spec = importlib.util.spec_from_file_location(
        name, where / "src/cleantext/__init__.py", submodule_search_locations=[str(where / "src/cleantext")]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def datasets(real_dir: str | None, corpus_mb: float) -> dict[str, list[str]]:
    """The generated corpus, and with *real_dir* the dev set's traf and gold texts."""
    sets = {"corpus": generate_docs(corpus_mb, seed=5)}
    if real_dir:
        for kind in ("traf", "gold"):
            paths = sorted(Path(real_dir).glob(f"*.{kind}.txt"))
            sets[kind] = [p.read_text(encoding="utf-8") for p in paths]
    return sets


def compare(contenders: dict[str, Callable[[str], object]], texts: list[str], reps: int) -> dict[str, float]:
    """Median CPU seconds of each contender over *texts*, taking turns every 30 documents."""
    batches = [texts[i : i + 30] for i in range(0, len(texts), 30)]
    names = list(contenders)
    totals: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        spent = dict.fromkeys(names, 0.0)
        for k, batch in enumerate(batches):
            shift = (rep + k) % len(names)
            for name in names[shift:] + names[:shift]:
                fn = contenders[name]
                start = time.process_time()
                for text in batch:
                    fn(text)
                spent[name] += time.process_time() - start
        for name in names:
            totals[name].append(spent[name])
    return {name: statistics.median(values) for name, values in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="a git revision to compare the working tree with")
    parser.add_argument("--family", default=None, help="time one family's pipeline (select=[family])")
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--real-dir", default=None, help="*.traf.txt / *.gold.txt of the dev set")
    parser.add_argument("--corpus-mb", type=float, default=1.0)
    args = parser.parse_args(argv)
    import ftfy

    import cleantext

    select = [args.family] if args.family else None
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "rev"
        try:
            old = load_revision(args.rev, where)
            before, after = old.default_pipeline(select=select), cleantext.default_pipeline(select=select)
            for name, texts in datasets(args.real_dir, args.corpus_mb).items():
                differ = sum(before(t) != after(t) for t in texts)
                if differ:
                    print(f"{name}: {differ} of {len(texts)} outputs differ")
                contenders: dict[str, Callable[[str], object]] = {"rev": before, "now": after}
                if select is None:
                    contenders["ftfy"] = ftfy.fix_text
                med = compare(contenders, texts, args.reps)
                line = (
                    f"{name}: {args.rev} {med['rev'] * 1e3:.1f} ms, now {med['now'] * 1e3:.1f} ms, "
                    f"speedup {med['rev'] / med['now']:.3f}x"
                )
                if "ftfy" in med:
                    ratios = (med["ftfy"] / med["rev"], med["ftfy"] / med["now"])
                    line += f"; ftfy / {args.rev} {ratios[0]:.2f}x, ftfy / now {ratios[1]:.2f}x"
                print(line, flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
