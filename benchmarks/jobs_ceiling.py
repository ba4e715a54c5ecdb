"""How close ``cleantext --jsonl -j N`` comes to what N processes can give on this machine.

Four commands take turns, each timed by the wall clock (bytecode cached as in an installed
package, see ``bench.cli_env``):

- ``cleantext --jsonl -j 1`` and ``-j N`` over the JSONL file (from standard input);
- **one**: a single fresh process that reads the file and cleans every record in-process;
- **split**: N fresh processes started together, process k cleaning records k, k+N, k+2N, ...
  in-process: no pool, no pipes, nothing shared.  ``one / split`` is the ceiling of the
  speedup: each process still pays its own start-up (interpreter, imports) and warm-up
  (patterns compiled on first use, the ftfy import), which the work does not split.

    python benchmarks/jobs_ceiling.py                        # the 20 MB corpus, 6 rounds
    python benchmarks/jobs_ceiling.py --input big.jsonl --rounds 3 --jobs 2
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import cli_command, cli_env, time_cli
from generate_corpus import generate

#: what each process of the ceiling runs: part k of n of the records, cleaned in-process
PART = """
import json, sys
from cleantext import clean
k, n = int(sys.argv[1]), int(sys.argv[2])
with open(sys.argv[3], "rb") as fh:
    for i, line in enumerate(fh):
        if i % n == k:
            clean(json.loads(line)["text"])
"""


def wall(cmds: list[list[str]]) -> float:
    """Seconds from starting *cmds* together to the end of the last one."""
    env = cli_env()
    t = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env) for cmd in cmds]
    for proc in procs:
        if proc.wait() != 0:
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(proc.args)}")  # type: ignore[arg-type]
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, help="JSONL with a 'text' field (default: the 20 MB corpus)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    cmd = cli_command()
    if cmd is None:
        parser.error("no cleantext command next to this Python")
    path = args.input
    if path is None:
        path = Path(tempfile.gettempdir()) / "cleantext-bench" / "corpus-8-20.jsonl"
        if not path.exists():  # the corpus bench.py writes by default
            path.parent.mkdir(parents=True, exist_ok=True)
            generate(path, 20.0, 8)
    n = args.jobs
    cases = {
        "-j 1": lambda: time_cli(cmd, path, 1)[0],
        f"-j {n}": lambda: time_cli(cmd, path, n)[0],
        "one": lambda: wall([[sys.executable, "-c", PART, "0", "1", str(path)]]),
        "split": lambda: wall([[sys.executable, "-c", PART, str(k), str(n), str(path)] for k in range(n)]),
    }
    for run in cases.values():  # untimed: bytecode written, file in the page cache
        run()
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, run in cases.items():
            times[name].append(run())
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB), {args.rounds} rounds, wall-clock seconds\n")
    print("| case | median | min | max |\n|---|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |")
    speed = [a / b for a, b in zip(times["-j 1"], times[f"-j {n}"], strict=True)]
    ceiling = [a / b for a, b in zip(times["one"], times["split"], strict=True)]
    print(
        f"\n-j {n} speedup (per round): median {statistics.median(speed):.2f}x, "
        + ", ".join(f"{x:.2f}" for x in speed)
    )
    print(
        f"ceiling one / split (per round): median {statistics.median(ceiling):.2f}x, "
        + ", ".join(f"{x:.2f}" for x in ceiling)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
