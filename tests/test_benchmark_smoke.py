"""The benchmark keeps working: ``benchmarks/bench.py --smoke`` runs and prints its tables.

Not a timed test: only the shape of the report is checked, never a speed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks" / "bench.py"


def test_bench_smoke_prints_its_tables(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--smoke",
            "--workdir",
            str(tmp_path / "work"),
            "--real-dir",
            str(tmp_path / "no-real-text"),
            "--cleantext-python",
            str(tmp_path / "no-such-python"),
            "--no-cli",
            "--json",
            str(figures),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "| contender" in out
    for row in ("cleantext.clean (default)", "normalize alone", "ftfy.fix_text", "floor"):
        assert row in out, row
    assert "cleantext / ftfy.fix_text" in out
    assert "Scaling" in out
    assert "| 100 KB" in out and "vs 10 KB" in out
    # a missing clean-text environment is reported, not silently skipped
    assert "clean-text: NOT MEASURED" in out
    assert "no-such-python" in out
    data = json.loads(figures.read_text(encoding="utf-8"))
    speed = data["mb_per_s"]["cleantext.clean (default)"]["corpus"]
    assert speed > 0
    assert set(data["mb_per_s"]["ftfy.fix_text"]) == {"corpus"}


def test_generated_corpus_is_seeded_and_noisy() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate_corpus import generate_docs
    finally:
        sys.path.pop(0)
    a = generate_docs(1.0, seed=3)
    assert a == generate_docs(1.0, seed=3)
    assert a != generate_docs(1.0, seed=4)
    text = "".join(a)
    assert 1.0e6 <= len(text.encode("utf-8")) < 1.1e6
    assert "\u00a0" in text and "Ã" in text and "\r\n" in text  # odd spaces, mojibake, CRLF
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)  # some Cyrillic


def test_startup_benchmark_prints_its_table() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "startup.py"), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for row in ("python -c pass (floor)", "cleantext --version", "cleantext (filter, one line)"):
        assert f"| {row}" in proc.stdout, row


def test_jobs_ceiling_prints_its_table(tmp_path: Path) -> None:
    data = tmp_path / "small.jsonl"
    records = [{"id": i, "text": f"Para {i} , with a stray space.\n\nAbout the author"} for i in range(6)]
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "jobs_ceiling.py"), "--input", str(data), "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for row in ("-j 1", "-j 2", "one", "split"):
        assert f"| {row} |" in proc.stdout, row
    assert "-j 2 speedup (per round): median" in proc.stdout
    assert "ceiling one / split (per round): median" in proc.stdout
