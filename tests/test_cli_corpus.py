"""The corpus side of the command: HTML pages, site models, ``learn``, progress bars."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import CLI, err, out, run

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour reopens</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour reopens after storm repairs</h1>
<p>The harbour at Port Ellen reopened on Tuesday after three weeks of repairs to the breakwater,
which was damaged in the January storms, the harbour master said.</p>
<p>Fishing boats were the first to leave, followed by the morning ferry to the mainland, which had
been diverted to a neighbouring port while the work was carried out.</p>
<p>The council said the repairs had cost about 2.4 million pounds and that a second phase of work,
to strengthen the outer wall, would begin in the spring.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""


def _have_trafilatura() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


needs_html = pytest.mark.skipif(not _have_trafilatura(), reason="the html extra is not installed")


# ----------------------------------------------------------------------------- HTML
@needs_html
def test_html_page_to_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    proc = run("--html", "page.html", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    text = out(proc)
    assert "The harbour at Port Ellen reopened on Tuesday" in text
    assert "Sport" not in text
    assert "<p>" not in text


@needs_html
def test_html_jsonl_corpus(tmp_path: Path) -> None:
    rows = [{"url": "https://news.example/harbour", "html": PAGE, "id": 1}, {"id": 2, "html": None}]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    proc = run("--html", "--field", "html", "--output-field", "text", "pages.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    first, second = (json.loads(line) for line in out(proc).splitlines())
    assert list(first) == ["url", "html", "id", "text"]
    assert first["html"] == PAGE
    assert "reopened on Tuesday" in first["text"]
    assert second == {"id": 2, "html": None}


def test_html_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    fake = tmp_path / "fake" / "trafilatura"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named trafilatura (simulated)')\n")
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(fake.parent), os.environ.get("PYTHONPATH")]))}
    proc = run("--html", stdin=PAGE, cwd=tmp_path, env=env)
    assert proc.returncode == 2
    assert 'pip install "proseclean[html]"' in err(proc)
    assert proc.stdout == b""


def test_html_does_not_fix_files(tmp_path: Path) -> None:
    proc = run("--html", "--fix", "page.html", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--html" in err(proc)


# ----------------------------------------------------------------------------- site models
FURNITURE = {
    "harbour.example": "Harbour Gazette tide tables and ferry times",
    "valley.example": "Valley Courier desk",
}


def _site_corpus(path: Path, n: int = 30) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            for site, line in FURNITURE.items():
                text = (
                    f"Story number {i} says the harbour reopened after {i} days of repairs.\n{line}\n"
                    f"The council voted {i} to {i + 3} in favour of the plan.\n"
                )
                fh.write(json.dumps({"site": site, "url": f"https://www.{site}/n/{i}", "text": text}) + "\n")


def test_learn_then_clean_with_the_model(tmp_path: Path) -> None:
    pytest.importorskip("cleantext.learn")
    _site_corpus(tmp_path / "corpus.jsonl")
    learned = run("learn", "-q", "corpus.jsonl", "-o", "model.json", cwd=tmp_path)
    assert learned.returncode == 0, err(learned)
    assert (tmp_path / "model.json").is_file()

    plain = run("corpus.jsonl", cwd=tmp_path)
    assert FURNITURE["harbour.example"] in out(plain)

    for extra in ([], ["--group-field", "site"], ["-j", "2"]):
        proc = run("--model", "model.json", *extra, "corpus.jsonl", cwd=tmp_path)
        assert proc.returncode == 0, err(proc)
        records = [json.loads(line) for line in out(proc).splitlines()]
        assert len(records) == 60
        for rec in records:
            assert FURNITURE[rec["site"]] not in rec["text"]
            assert "in favour of the plan." in rec["text"]

    explain = run("--model", "model.json", "--explain", "corpus.jsonl", cwd=tmp_path)
    assert explain.returncode == 1
    assert out(explain).splitlines()[0] == (
        f'corpus.jsonl:1 boilerplate.site-repeated: removed "{FURNITURE["harbour.example"]}\\n" (text line 2)'
    )

    text = f"The tide was high.\n{FURNITURE['valley.example']}\nBoats stayed in port.\n"
    on_site = run("--model", "model.json", "--site", "https://valley.example/x", stdin=text, cwd=tmp_path)
    assert out(on_site) == "The tide was high.\nBoats stayed in port.\n"
    elsewhere = run("--model", "model.json", "--site", "other.example", stdin=text, cwd=tmp_path)
    assert out(elsewhere) == text


def test_model_from_the_config_file(tmp_path: Path) -> None:
    pytest.importorskip("cleantext.learn")
    _site_corpus(tmp_path / "corpus.jsonl")
    assert run("learn", "-q", "corpus.jsonl", "-o", "model.json", cwd=tmp_path).returncode == 0
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "cleantext.toml").write_text('model = "model.json"\ngroup-field = "site"\n')
    proc = run("../corpus.jsonl", cwd=sub)
    assert proc.returncode == 0, err(proc)
    assert FURNITURE["harbour.example"] not in out(proc)


def test_bad_model_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text("{not json")
    proc = run("--model", "model.json", stdin="x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "model.json" in err(proc)
    assert run("--model", "missing.json", stdin="x", cwd=tmp_path).returncode == 2
    assert run("--site", "example.com", stdin="x", cwd=tmp_path).returncode == 2  # --site without a model


def test_learn_help_through_the_console_script(tmp_path: Path) -> None:
    pytest.importorskip("cleantext.learn")
    proc = run("learn", "--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert "cleantext learn" in out(proc)


# ----------------------------------------------------------------------------- progress
def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text('{"text": "a  b"}\n' * 10)
    proc = run("c.jsonl", cwd=tmp_path)
    assert proc.stderr == b""


def _on_terminal(args: list[str], cwd: Path) -> tuple[int, bytes, bytes]:
    """Run the command with stderr on a pseudo-terminal; return (code, stdout, what the terminal got)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # tqdm needs a width
    try:
        proc = subprocess.Popen(
            [*CLI, *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave
        )
        os.close(slave)
        stdout, _ = proc.communicate(timeout=120)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal is closed once the process has ended
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
    return proc.returncode, stdout, shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    (tmp_path / "c.jsonl").write_text('{"text": "a  b"}\n' * 1500 + "broken\n" + '{"text": "a  b"}\n' * 1499)
    code, stdout, shown = _on_terminal(["c.jsonl"], tmp_path)
    assert code == 0
    assert stdout.count(b"\n") == 3000  # the data is untouched by the bar
    assert b"c.jsonl" in shown
    assert b"%|" in shown or b"B/s" in shown
    assert b"c.jsonl:1501: invalid JSON" in shown  # messages go above the bar, on stderr
    assert b"invalid JSON" not in stdout

    code, stdout, shown = _on_terminal(["--no-progress", "c.jsonl"], tmp_path)
    assert code == 0
    assert b"%|" not in shown
    assert b"c.jsonl:1501: invalid JSON" in shown
