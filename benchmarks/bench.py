"""Throughput benchmark: cleantext against ftfy, clean-text and a one-regex floor.

Measured in one run, contenders alternating, medians of ``--reps`` repetitions:

* MB/s (UTF-8 input bytes per second, one core) of ``cleantext.clean`` (the default
  pipeline), of each rule family alone, of ``ftfy.fix_text``, of clean-text's
  ``clean`` and of ``re.sub(r"\\s+", " ", text)``, on the generated corpus
  (``generate_corpus.py``) and on real scraped text (``--real-dir``: trafilatura
  output ``*.traf.txt`` and gold bodies ``*.gold.txt``), with the ratios;
* scaling over document sizes (1 KB -> 10 MB);
* the speedup of ``cleantext --jsonl -j 2`` over ``-j 1``, on the corpus and on a 200 MB JSONL;
* the peak memory (RSS) of ``cleantext --jsonl`` streaming that 200 MB JSONL.

clean-text installs a module named ``cleantext`` too, so it runs in its own
environment (``--cleantext-python``, default ``/work/bench-venv/bin/python``; make one
with ``python -m venv V && V/bin/pip install clean-text ftfy``), in a worker
subprocess that is sent the same files and times only the cleaning.

    python benchmarks/bench.py                 # full run (a few minutes)
    python benchmarks/bench.py --smoke         # tiny corpus, seconds (what CI runs)
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import generate_docs, write_corpus

DEFAULT_CLEANTEXT_PYTHON = "/work/bench-venv/bin/python"
#: in-process timings are CPU time of this process, so other load on the machine does not count
_clock = time.process_time
_WS = re.compile(r"\s+")

# Runs in clean-text's own environment: load JSONL files, then time ``clean`` on request.
_WORKER = r"""
import inspect, json, sys, time
from cleantext import clean
if "to_ascii" not in inspect.signature(clean).parameters:
    print("error: the cleantext module here is not clean-text's", flush=True)
    sys.exit(3)
sets = {}
print("ready", flush=True)
for line in sys.stdin:
    cmd, _, arg = line.rstrip("\n").partition(" ")
    if cmd == "load":
        name, path = arg.split(" ", 1)
        with open(path, encoding="utf-8") as fh:
            sets[name] = [json.loads(l)["text"] for l in fh]
        print("ok", flush=True)
    elif cmd == "run":
        docs = sets[arg]
        t = time.process_time()
        for d in docs:
            clean(d)
        print(time.process_time() - t, flush=True)
"""


# ----------------------------------------------------------------------------- contenders
@dataclass
class Contender:
    """Something to time over a list of documents; returns seconds.

    An in-process contender also has *fn* (one document): those are timed document by
    document, taking turns on each document (see :func:`measure`).
    """

    label: str
    run: Callable[[str], float] | None = None  # dataset name -> seconds
    times: dict[str, list[float]] = field(default_factory=dict)
    fn: Callable[[str], object] | None = None


class CleanTextWorker:
    """clean-text's ``clean`` in a subprocess of its own environment."""

    def __init__(self, python: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        self.proc = subprocess.Popen(
            [python, "-I", "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # clean-text warns about unidecode on import
            text=True,
            cwd=tempfile.gettempdir(),
            env=env,
        )
        first = self._read()
        if first != "ready":
            self.close()
            raise RuntimeError(first or "the clean-text worker did not start")

    def _read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def _ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._read()

    def load(self, name: str, path: Path) -> None:
        if self._ask(f"load {name} {path}") != "ok":
            raise RuntimeError(f"the clean-text worker could not load {path}")

    def run(self, name: str) -> float:
        return float(self._ask(f"run {name}"))

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def start_cleantext_worker(python: str) -> tuple[CleanTextWorker | None, str]:
    """Start clean-text's worker, or return a note saying why it is not available."""
    if not python:
        return None, "clean-text: skipped (--cleantext-python is empty)"
    if not (Path(python).exists() or shutil.which(python)):
        return None, (
            f"clean-text: NOT MEASURED, interpreter {python} not found; create it with "
            "`python -m venv /work/bench-venv && /work/bench-venv/bin/pip install clean-text ftfy` "
            "or pass --cleantext-python"
        )
    try:
        return CleanTextWorker(python), ""
    except (OSError, RuntimeError) as exc:
        return None, f"clean-text: NOT MEASURED, {python} cannot run clean-text ({exc})"


# ----------------------------------------------------------------------------- data
def _mb(docs: Sequence[str]) -> float:
    return sum(len(d.encode("utf-8", "surrogatepass")) for d in docs) / 1e6


def _read_jsonl(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def load_real(real_dir: Path, suffix: str, limit: int | None) -> list[str]:
    files = sorted(real_dir.glob(f"*.{suffix}.txt"))[:limit]
    return [f.read_text(encoding="utf-8") for f in files]


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


#: the in-process contenders take turns on runs of documents of about this many characters
TURN_CHARS = 1 << 16


def _turns(docs: list[str]) -> list[list[str]]:
    """*docs* cut into consecutive runs of about :data:`TURN_CHARS` characters."""
    runs: list[list[str]] = [[]]
    size = 0
    for doc in docs:
        if size >= TURN_CHARS:
            runs.append([])
            size = 0
        runs[-1].append(doc)
        size += len(doc)
    return runs


def measure(
    contenders: list[Contender], datasets: dict[str, list[str]], reps: int
) -> dict[str, dict[str, float]]:
    """Time every contender on every dataset, alternating; return median MB/s.

    The in-process contenders first clean the first 200 documents of each dataset untimed
    (imports and patterns compiled on first use are one-time costs, not throughput), then
    take turns on each run of documents of about 64 K characters (in an order that rotates
    with the run and the repetition), and each one's time for a repetition is the sum over
    the runs. This virtual machine's CPU speed drifts by tens of per cent within seconds, and
    CPU time does not hide that; taking turns this often puts every contender under the same
    drift (with 256 K runs the 0.66 MB dev sets gave two or three turns a repetition, and the
    ratio to ftfy moved from 3.8x to 5.4x between two runs a minute apart), while a run is
    long enough for each to work with warm caches. The others (clean-text in its own process)
    time a whole dataset per turn.
    """
    sizes = {name: _mb(docs) for name, docs in datasets.items()}
    local = [c for c in contenders if c.fn is not None]
    away = [c for c in contenders if c.fn is None]
    for docs in datasets.values():  # warm-up, not timed: imports, patterns compiled on first use
        for c in local:
            assert c.fn is not None
            for doc in docs[:200]:
                c.fn(doc)
    for rep in range(reps):
        for name, docs in datasets.items():
            gc.collect()
            spent = [0.0] * len(local)
            for j, run in enumerate(_turns(docs)):
                k = (rep + j) % len(local)
                for idx in [*range(k, len(local)), *range(k)]:
                    fn = local[idx].fn
                    assert fn is not None
                    t = _clock()
                    for doc in run:
                        fn(doc)
                    spent[idx] += _clock() - t
            for c, sec in zip(local, spent, strict=True):
                c.times.setdefault(name, []).append(sec)
            for c in away:
                assert c.run is not None
                c.times.setdefault(name, []).append(c.run(name))
    return {c.label: {name: sizes[name] / _median(c.times[name]) for name in datasets} for c in contenders}


# ----------------------------------------------------------------------------- scaling
def scaling(
    clean: Callable[[str], str], corpus: list[str], sizes: Sequence[int], volume: int, reps: int
) -> list[tuple[int, int, float, float]]:
    """(size, count, cleantext MB/s, floor MB/s) for documents of each size, same total volume."""
    stream = "\n\n".join(corpus)
    rows = []
    for size in sizes:
        count = max(1, volume // size)
        docs = []
        pos = 0
        for _ in range(count):
            if pos + size > len(stream):
                pos = 0
            cut = stream.rfind("\n\n", pos, pos + size)
            end = cut if cut > pos + size // 2 else pos + size
            docs.append(stream[pos:end] + "\n")
            pos = end
        mb = _mb(docs)
        t_clean: list[float] = []
        t_floor: list[float] = []
        for _ in range(reps):
            for fn, acc in ((clean, t_clean), (_floor, t_floor)):
                gc.collect()
                t = _clock()
                for d in docs:
                    fn(d)
                acc.append(_clock() - t)
        rows.append((size, count, mb / _median(t_clean), mb / _median(t_floor)))
    return rows


def _floor(text: str) -> str:
    return _WS.sub(" ", text)


# ----------------------------------------------------------------------------- CLI
def cli_env() -> dict[str, str]:
    """The environment of the timed command runs: bytecode cached, as in an installed package.

    (``pip install`` compiles a package's modules; a sandbox that sets
    ``PYTHONDONTWRITEBYTECODE`` would otherwise have every process, and every ``-j`` run,
    compile them from source.  ``benchmarks/startup.py`` measures start-up the same way.)
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "cleantext-bench-pycache")
    return env


def cli_command() -> list[str] | None:
    exe = Path(sys.executable).parent / "cleantext"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("cleantext")
    return [found] if found else None


def cli_supports_jsonl(cmd: list[str]) -> tuple[bool, str]:
    """True when ``cleantext --jsonl -j 2`` cleans a JSONL line; else a note why not."""
    probe = json.dumps({"id": 1, "text": "schÃ¶n , da"}) + "\n"
    try:
        out = subprocess.run(
            [*cmd, "--jsonl", "-j", "2"],
            check=False,
            input=probe,
            capture_output=True,
            text=True,
            timeout=60,
            env=cli_env(),  # also writes the bytecode the timed runs read
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"CLI: not measured ({exc})"
    try:
        ok = out.returncode == 0 and json.loads(out.stdout.splitlines()[0])["text"] == "schön, da"
    except (ValueError, IndexError, KeyError, TypeError):
        ok = False
    if not ok:
        return (
            False,
            "CLI: `cleantext --jsonl -j 2` not available yet; -j speedup and streaming memory skipped",
        )
    return True, ""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(cmd: list[str], path: Path, jobs: int) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of the command and its workers) of one run."""
    with open(path, "rb") as src:
        cpu = _children_cpu()
        t = time.perf_counter()
        subprocess.run(
            [*cmd, "--jsonl", "-j", str(jobs)],
            stdin=src,
            stdout=subprocess.DEVNULL,
            check=True,
            env=cli_env(),
        )
        return time.perf_counter() - t, _children_cpu() - cpu


def _tree_rss(root: int) -> int:
    """Total RSS in bytes of *root* and its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
            fields = stat[stat.rfind(")") + 2 :].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return sum(rss.get(pid, 0) for pid in tree)


def peak_memory(cmd: list[str], path: Path, jobs: int) -> tuple[float, float, float]:
    """(max RSS of one process in MB, max total RSS of the process tree in MB, seconds).

    The command runs under a fresh wrapper so that ``RUSAGE_CHILDREN`` sees only it.
    """
    wrapper = (
        "import resource, subprocess, sys\n"
        "with open(sys.argv[1], 'rb') as src:\n"
        "    subprocess.run(sys.argv[2:], stdin=src, stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", wrapper, str(path), *cmd, "--jsonl", "-j", str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            # the wrapper itself is a small python process: count only its children
            total = _tree_rss(proc.pid) - _tree_rss_self(proc.pid)
            peak_tree = max(peak_tree, total)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"cleantext --jsonl -j {jobs} failed with exit code {proc.returncode}")
    max_rss_kb = int(out.strip().splitlines()[-1])
    return max_rss_kb / 1024, peak_tree / 2**20, seconds


def _tree_rss_self(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def make_big_jsonl(src: Path, dest: Path, target_mb: float) -> Path:
    """Repeat the lines of *src* (new ids) until *dest* holds *target_mb* MB."""
    if dest.exists() and dest.stat().st_size >= target_mb * 1e6:
        return dest
    lines = src.read_text(encoding="utf-8").split("\n")[:-1]  # not splitlines(): U+2028 is data
    written = 0
    n = 0
    with open(dest, "w", encoding="utf-8") as fh:
        while written < target_mb * 1e6:
            for line in lines:
                obj = json.loads(line)
                obj["id"] = f"doc-{n}"
                n += 1
                s = json.dumps(obj, ensure_ascii=False) + "\n"
                fh.write(s)
                written += len(s.encode("utf-8"))
                if written >= target_mb * 1e6:
                    break
    return dest


# ----------------------------------------------------------------------------- report
def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                cpu = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPU(s), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def _fmt(x: float) -> str:
    return "-" if math.isnan(x) else (f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 1 else f"{x:.2f}")


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if k == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny corpus and few repetitions (seconds)")
    parser.add_argument("--size-mb", type=float, default=None, help="generated corpus size (default 20)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 5; smoke 3)")
    parser.add_argument("--real-dir", type=Path, default=Path("/tmp/aeb"), help="*.traf.txt / *.gold.txt")
    parser.add_argument(
        "--cleantext-python",
        default=os.environ.get("CLEANTEXT_BENCH_PYTHON", DEFAULT_CLEANTEXT_PYTHON),
        help="interpreter of an environment with clean-text installed ('' to skip)",
    )
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "cleantext-bench")
    parser.add_argument("--stream-mb", type=float, default=None, help="JSONL size for peak memory (200)")
    parser.add_argument("--scaling-mb", type=float, default=None, help="volume per document size (10)")
    parser.add_argument("--cli-reps", type=int, default=None, help="repetitions of the CLI timings (3)")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--no-stream", action="store_true", help="skip the streaming peak-memory runs")
    parser.add_argument("--markdown", type=Path, help="also write the report (markdown) here")
    parser.add_argument("--json", type=Path, help="also write the raw figures (JSON) here")
    args = parser.parse_args(argv)

    smoke = args.smoke
    size_mb = args.size_mb or (0.3 if smoke else 20.0)
    reps = args.reps or (3 if smoke else 5)
    stream_mb = args.stream_mb or (3.0 if smoke else 200.0)
    real_limit = 10 if smoke else None
    args.workdir.mkdir(parents=True, exist_ok=True)

    import ftfy

    import cleantext
    from cleantext import default_pipeline

    out: list[str] = []
    notes: list[str] = []
    figures: dict[str, object] = {"machine": machine(), "smoke": smoke, "reps": reps}

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    say(f"# cleantext {cleantext.__version__} throughput{' (smoke mode)' if smoke else ''}")
    say()
    say(f"Machine: {figures['machine']}; ftfy {ftfy.__version__}; medians of {reps} alternating runs.")
    say()

    # -- data
    corpus_path = args.workdir / f"corpus-{args.seed}-{size_mb:g}.jsonl"
    if not corpus_path.exists():
        write_corpus(corpus_path, generate_docs(size_mb, args.seed))
    datasets: dict[str, list[str]] = {"corpus": _read_jsonl(corpus_path)}
    paths = {"corpus": corpus_path}
    for suffix in ("traf", "gold"):
        docs = load_real(args.real_dir, suffix, real_limit) if args.real_dir.is_dir() else []
        if docs:
            datasets[suffix] = docs
            paths[suffix] = args.workdir / f"real-{suffix}-{len(docs)}.jsonl"
            write_corpus(paths[suffix], docs)
        else:
            notes.append(f"real text: no *.{suffix}.txt in {args.real_dir}; skipped")
    labels = {
        "corpus": "generated corpus",
        "traf": "real: trafilatura output",
        "gold": "real: gold bodies",
    }
    for name, docs in datasets.items():
        say(f"- {labels[name]}: {len(docs)} documents, {_mb(docs):.2f} MB")
    say()

    # -- contenders
    contenders = [Contender("cleantext.clean (default)", fn=cleantext.clean)]
    for family in ("normalize", "boilerplate", "translation"):
        try:
            pipe = default_pipeline(select=[family])
        except ValueError:
            notes.append(f"family {family}: no rules registered yet; skipped")
            continue
        if len(pipe) == 0:
            notes.append(f"family {family}: no default rules; skipped")
            continue
        contenders.append(Contender(f"  {family} alone", fn=pipe.clean))
    contenders.append(Contender("ftfy.fix_text", fn=ftfy.fix_text))
    worker, note = start_cleantext_worker(args.cleantext_python)
    if worker is not None:
        for name, path in paths.items():
            worker.load(name, path)
        contenders.append(Contender("clean-text clean", worker.run))
    else:
        notes.append(note)
        print(f"NOTE: {note}", file=sys.stderr, flush=True)
    contenders.append(Contender('re.sub(r"\\s+", " ") floor', fn=_floor))

    results = measure(contenders, datasets, reps)
    if worker is not None:
        worker.close()
    figures["mb_per_s"] = results

    names = list(datasets)
    rows = [["contender", *[f"{n} MB/s" for n in names]]]
    for label, by_set in results.items():
        rows.append([label, *[_fmt(by_set[n]) for n in names]])
    say(table(rows))
    say()
    base = results["cleantext.clean (default)"]
    ratio_rows = [["ratio", *names]]
    for other in ("ftfy.fix_text", "clean-text clean", 're.sub(r"\\s+", " ") floor'):
        if other in results:
            ratio_rows.append(
                [f"cleantext / {other}", *[f"{base[n] / results[other][n]:.2f}x" for n in names]]
            )
    say(table(ratio_rows))
    say()
    figures["ratios"] = {r[0]: dict(zip(names, r[1:], strict=True)) for r in ratio_rows[1:]}

    # -- scaling
    if not args.no_scaling:
        sizes = [1_000, 10_000, 100_000] if smoke else [1_000, 10_000, 100_000, 1_000_000, 10_000_000]
        volume = int((args.scaling_mb or (0.2 if smoke else 10.0)) * 1e6)
        rows_s = scaling(cleantext.clean, datasets["corpus"], sizes, volume, reps)
        ref = rows_s[1][2] if len(rows_s) > 1 else rows_s[0][2]
        srows = [["document size", "documents", "cleantext MB/s", "vs 10 KB", "floor MB/s"]]
        for size, count, mbs, floor in rows_s:
            label = f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"
            srows.append([label, str(count), _fmt(mbs), f"{mbs / ref:.2f}", _fmt(floor)])
        say("Scaling (same total volume per size; a constant MB/s means linear time):")
        say()
        say(table(srows))
        say()
        figures["scaling"] = rows_s

    # -- CLI
    cmd = None if args.no_cli else cli_command()
    if cmd is None:
        notes.append("CLI: skipped (--no-cli, or no cleantext script)")
    else:
        ok, note = cli_supports_jsonl(cmd)
        if not ok:
            notes.append(note)
        else:
            t1: list[tuple[float, float]] = []
            t2: list[tuple[float, float]] = []
            for _ in range(args.cli_reps or 3):
                t1.append(time_cli(cmd, corpus_path, 1))
                t2.append(time_cli(cmd, corpus_path, 2))
            mb = corpus_path.stat().st_size / 1e6
            j1, j2 = _median([w for w, _ in t1]), _median([w for w, _ in t2])
            c1, c2 = _median([c for _, c in t1]), _median([c for _, c in t2])
            say(
                f"CLI `cleantext --jsonl` on the corpus ({mb:.1f} MB JSONL), wall clock: "
                f"-j 1 {mb / j1:.1f} MB/s, -j 2 {mb / j2:.1f} MB/s, speedup {j1 / j2:.2f}x "
                f"(CPU seconds: -j 1 {c1:.1f}, -j 2 {c2:.1f}; "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
            )
            figures["cli"] = {"j1_s": j1, "j2_s": j2, "speedup": j1 / j2, "j1_cpu_s": c1, "j2_cpu_s": c2}
            big = make_big_jsonl(corpus_path, args.workdir / f"stream-{stream_mb:g}.jsonl", stream_mb)
            big_mb = big.stat().st_size / 1e6
            for jobs in () if args.no_stream else (1, 2):
                one, tree, secs = peak_memory(cmd, big, jobs)
                say(
                    f"Streaming {big_mb:.0f} MB JSONL with -j {jobs}: peak RSS {one:.0f} MB (largest "
                    f"process), {tree:.0f} MB (all processes, sampled), {big_mb / secs:.1f} MB/s"
                )
                figures[f"stream_j{jobs}"] = {"max_rss_mb": one, "tree_rss_mb": tree, "seconds": secs}
            if not args.no_stream:
                # on a long run the start-up of each process (about 0.2 s: imports, patterns
                # compiled, ftfy loaded) no longer weighs on the ratio as it does on the corpus
                speedup = figures["stream_j1"]["seconds"] / figures["stream_j2"]["seconds"]
                say(f"-j 2 speedup streaming {big_mb:.0f} MB: {speedup:.2f}x (one run each)")
                figures["stream_speedup"] = speedup
            say()

    if notes:
        say("Notes:")
        for n in notes:
            say(f"- {n}")
    if args.markdown:
        args.markdown.write_text("\n".join(out) + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
