"""Start-up cost of the ``cleantext`` command: CPU time of fresh processes (issue 6).

Each case runs in a fresh interpreter, several times; the report gives the median and the
minimum of the process's CPU time (user + system, so other load on the machine counts
little).  Bytecode is cached as in an installed package: ``PYTHONDONTWRITEBYTECODE`` is
dropped for the children, and the cache goes to a folder outside the repository.

    python benchmarks/startup.py            # the table
    python benchmarks/startup.py --runs 21  # more runs per case
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile

INPUT = b"Plain text , with a stray space before the comma.\n"


def cpu_ms(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median and minimum CPU milliseconds of *cmd* (one untimed warm-up run first)."""
    subprocess.run(cmd, input=INPUT, stdout=subprocess.DEVNULL, check=True, env=env)
    values = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, input=INPUT, stdout=subprocess.DEVNULL, check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        values.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return statistics.median(values), min(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "cleantext-startup-pycache")
    py = sys.executable
    command = os.path.join(os.path.dirname(py), "cleantext")
    cases = [
        ("python -c pass (floor)", [py, "-c", "pass"]),
        ("import cleantext", [py, "-c", "import cleantext"]),
        ("clean() of one line", [py, "-c", "import cleantext; cleantext.clean('a , b')"]),
        ("cleantext --version", [command, "--version"]),
        ("cleantext (filter, one line)", [command]),
    ]
    print(f"CPU time of a fresh process, ms (median and minimum of {args.runs} runs)\n")
    print("| case                          | median | min   |")
    print("|-------------------------------|--------|-------|")
    for name, cmd in cases:
        median, low = cpu_ms(cmd, env, args.runs)
        print(f"| {name:<29} | {median:6.1f} | {low:5.1f} |")


if __name__ == "__main__":
    main()
