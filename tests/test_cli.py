"""The ``cleantext`` command, run as the installed console script in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cleantext import __version__

DIRTY = (
    "The council met on Tuesday  to discuss the budget , officials said.\r\n\n\n\nDie Altstadt ist schÃ¶n.\n"
)
CLEANED = "The council met on Tuesday to discuss the budget, officials said.\n\nDie Altstadt ist schön.\n"
CLEAN = "The river rose by two metres overnight.\n"


def _command() -> list[str]:
    script = Path(sys.executable).with_name("cleantext")
    if script.exists():
        return [str(script)]
    found = shutil.which("cleantext")
    return [found] if found else [sys.executable, "-m", "cleantext"]


CLI = _command()


def run(
    *args: str | Path, stdin: bytes | str = b"", cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run(
        [*CLI, *map(str, args)],
        input=data,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
        check=False,
    )


def out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8")


def err(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working directory with one dirty and one clean file."""
    (tmp_path / "dirty.txt").write_bytes(DIRTY.encode("utf-8"))
    (tmp_path / "clean.txt").write_bytes(CLEAN.encode("utf-8"))
    return tmp_path


# ----------------------------------------------------------------------------- filter
def test_stdin_to_stdout(tmp_path: Path) -> None:
    proc = run(stdin=DIRTY, cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert out(proc) == CLEANED
    assert proc.stderr == b""


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cleantext"],
        input=DIRTY.encode(),
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode() == CLEANED


def test_files_are_cleaned_to_stdout_in_order(work: Path) -> None:
    proc = run("clean.txt", "dirty.txt", cwd=work)
    assert proc.returncode == 0, err(proc)
    assert out(proc) == CLEAN + CLEANED
    assert (work / "dirty.txt").read_bytes() == DIRTY.encode()  # a filter never rewrites its input


def test_dash_reads_stdin_among_files(work: Path) -> None:
    proc = run("clean.txt", "-", stdin="a  b\n", cwd=work)
    assert out(proc) == CLEAN + "a b\n"


def test_output_file(work: Path) -> None:
    proc = run("dirty.txt", "-o", "result.txt", cwd=work)
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b""
    assert (work / "result.txt").read_text(encoding="utf-8") == CLEANED


def test_undecodable_input_names_file_and_offset_and_writes_nothing(work: Path) -> None:
    (work / "bad.txt").write_bytes(b"line one\nab\xff\xfecd\n")
    proc = run("clean.txt", "bad.txt", cwd=work)
    assert proc.returncode == 2
    assert proc.stdout == b""  # not even the good file before it: never a truncated output
    message = err(proc)
    assert "bad.txt" in message
    assert "byte offset 11" in message
    assert "line 2" in message
    assert "--encoding" in message


def test_undecodable_input_leaves_existing_output_file_alone(work: Path) -> None:
    (work / "bad.txt").write_bytes(b"\xff\n")
    (work / "result.txt").write_text("previous result\n")
    proc = run("dirty.txt", "bad.txt", "-o", "result.txt", cwd=work)
    assert proc.returncode == 2
    assert (work / "result.txt").read_text() == "previous result\n"
    assert sorted(p.name for p in work.iterdir()) == ["bad.txt", "clean.txt", "dirty.txt", "result.txt"]


def test_undecodable_stdin(tmp_path: Path) -> None:
    proc = run(stdin=b"ok\n\x80", cwd=tmp_path)
    assert proc.returncode == 2
    assert "<stdin>" in err(proc)
    assert "byte offset 3" in err(proc)


def test_encoding_flag(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("caf\xe9  au lait\n".encode("latin-1"))
    assert run("latin.txt", cwd=tmp_path).returncode == 2
    proc = run("--encoding", "latin-1", "latin.txt", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert out(proc) == "café au lait\n"


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("--encoding", "no-such-codec", stdin="x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no-such-codec" in err(proc)


def test_binary_file_is_skipped_with_a_message(work: Path) -> None:
    (work / "image.txt").write_bytes(b"GIF89a\x00\x01\x02")
    proc = run("image.txt", "dirty.txt", cwd=work)
    assert proc.returncode == 0
    assert out(proc) == CLEANED
    assert "image.txt" in err(proc)
    assert "binary" in err(proc)


def test_utf16_with_encoding_is_not_binary(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("a  b\n".encode("utf-16"))
    proc = run("--encoding", "utf-16", "u16.txt", cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert out(proc) == "a b\n"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    proc = run("--check", "nope.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "nope.txt" in err(proc)


# ----------------------------------------------------------------------------- fix / check / diff / explain
def test_fix_rewrites_in_place_keeps_mode_and_fails_once(work: Path) -> None:
    dirty = work / "dirty.txt"
    dirty.chmod(0o640)
    before_clean = (work / "clean.txt").stat()
    proc = run("--fix", "dirty.txt", "clean.txt", cwd=work)
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert dirty.read_text(encoding="utf-8") == CLEANED
    assert stat.S_IMODE(dirty.stat().st_mode) == 0o640
    assert "fixed: dirty.txt" in err(proc)
    after_clean = (work / "clean.txt").stat()
    # an unchanged file is not rewritten at all
    assert (after_clean.st_ino, after_clean.st_mtime_ns) == (before_clean.st_ino, before_clean.st_mtime_ns)
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")]
    again = run("--fix", "dirty.txt", "clean.txt", cwd=work)
    assert again.returncode == 0
    assert dirty.read_text(encoding="utf-8") == CLEANED


def test_fix_follows_a_symlink(work: Path) -> None:
    link = work / "link.txt"
    link.symlink_to("dirty.txt")
    assert run("--fix", "link.txt", cwd=work).returncode == 1
    assert link.is_symlink()
    assert (work / "dirty.txt").read_text(encoding="utf-8") == CLEANED


def test_fix_needs_files(tmp_path: Path) -> None:
    proc = run("--fix", stdin="x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--fix" in err(proc)


def test_fix_with_an_undecodable_file_fixes_the_others_and_exits_2(work: Path) -> None:
    (work / "bad.txt").write_bytes(b"\xff\xfe")
    proc = run("--fix", "bad.txt", "dirty.txt", cwd=work)
    assert proc.returncode == 2
    assert (work / "bad.txt").read_bytes() == b"\xff\xfe"
    assert (work / "dirty.txt").read_text(encoding="utf-8") == CLEANED


def test_check_changes_nothing(work: Path) -> None:
    proc = run("--check", "dirty.txt", "clean.txt", cwd=work)
    assert proc.returncode == 1
    assert "would fix: dirty.txt" in err(proc)
    assert "clean.txt" not in err(proc).replace("of 2 files", "")
    assert (work / "dirty.txt").read_bytes() == DIRTY.encode()
    assert run("--check", "clean.txt", cwd=work).returncode == 0


def test_check_stdin(tmp_path: Path) -> None:
    assert run("--check", stdin="a  b\n", cwd=tmp_path).returncode == 1
    assert run("--check", stdin="a b\n", cwd=tmp_path).returncode == 0


def test_quiet_check(work: Path) -> None:
    proc = run("--check", "-q", "dirty.txt", cwd=work)
    assert proc.returncode == 1
    assert proc.stderr == b""


def test_diff_is_a_unified_diff(work: Path) -> None:
    proc = run("--diff", "dirty.txt", "clean.txt", "--color", "never", cwd=work)
    assert proc.returncode == 1
    text = out(proc)
    assert text.startswith("--- a/dirty.txt\n+++ b/dirty.txt\n@@ ")
    assert "-The council met on Tuesday  to discuss the budget , officials said.\r\n" in text
    assert "+The council met on Tuesday to discuss the budget, officials said.\n" in text
    assert "+Die Altstadt ist schön.\n" in text
    assert "clean.txt" not in text
    assert "\x1b[" not in text
    assert (work / "dirty.txt").read_bytes() == DIRTY.encode()


def test_diff_applies_with_patch(work: Path) -> None:
    if shutil.which("patch") is None:
        pytest.skip("no patch tool")
    diff = run("--diff", "dirty.txt", cwd=work).stdout
    subprocess.run(["patch", "-p1", "--quiet"], input=diff, cwd=work, check=True)
    assert (work / "dirty.txt").read_text(encoding="utf-8") == CLEANED


def test_diff_color(work: Path) -> None:
    colored = out(run("--diff", "--color", "always", "dirty.txt", cwd=work))
    assert "\x1b[31m-The council met on Tuesday  to" in colored
    assert "\x1b[32m+The council met on Tuesday to" in colored
    # not a terminal: no colour by default
    assert "\x1b[" not in out(run("--diff", "dirty.txt", cwd=work))


def test_diff_with_fix_prints_and_writes(work: Path) -> None:
    proc = run("--fix", "--diff", "dirty.txt", cwd=work)
    assert proc.returncode == 1
    assert "+Die Altstadt ist schön." in out(proc)
    assert (work / "dirty.txt").read_text(encoding="utf-8") == CLEANED


def test_explain_lists_rule_and_line(work: Path) -> None:
    proc = run("--explain", "dirty.txt", "clean.txt", cwd=work)
    assert proc.returncode == 1
    lines = out(proc).splitlines()
    assert 'dirty.txt:1 normalize.spaces: changed "  " -> " "' in lines
    assert any(ln.startswith('dirty.txt:5 normalize.mojibake: changed "') and "schön" in ln for ln in lines)
    assert 'dirty.txt:1 normalize.space-before-punctuation: removed " "' in lines
    assert all(line.startswith("dirty.txt:") for line in lines)
    assert (work / "dirty.txt").read_bytes() == DIRTY.encode()
    assert run("--explain", "clean.txt", cwd=work).returncode == 0


def test_explain_with_output_file_writes_the_text(work: Path) -> None:
    proc = run("--explain", "dirty.txt", "-o", "r.txt", cwd=work)
    assert proc.returncode == 0
    assert "normalize.mojibake" in out(proc)
    assert (work / "r.txt").read_text(encoding="utf-8") == CLEANED


def test_stats_on_stderr(work: Path) -> None:
    proc = run("--stats", "dirty.txt", "clean.txt", cwd=work)
    assert proc.returncode == 0
    assert out(proc) == CLEANED + CLEAN
    rows = {
        line.split()[0]: line.split()[1:] for line in err(proc).splitlines() if line.startswith("normalize.")
    }
    assert rows["normalize.mojibake"] == ["1", "0", "1", "0"]
    assert rows["normalize.layout"][:2] == ["1", "2"]  # two blank lines removed
    assert "2 documents, 1 changed" in err(proc)


# ----------------------------------------------------------------------------- rules
def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert out(proc) == f"cleantext {__version__}\n"


def test_list_rules(tmp_path: Path) -> None:
    proc = run("--list-rules", cwd=tmp_path)
    assert proc.returncode == 0
    rows = {line.split()[0]: line.split()[1] for line in out(proc).splitlines()}
    assert rows["normalize.mojibake"] == "on"
    assert rows["normalize.ascii-punctuation"] == "opt-in"
    assert "Repair text decoded with the wrong codec" in out(proc)
    narrowed = run("--list-rules", "--ignore", "normalize.mojibake", cwd=tmp_path)
    rows = {line.split()[0]: line.split()[1] for line in out(narrowed).splitlines()}
    assert rows["normalize.mojibake"] == "off"
    assert rows["normalize.spaces"] == "on"


def test_ignore_and_select(tmp_path: Path) -> None:
    text = "“Quoted”  text\n"
    assert out(run(stdin=text, cwd=tmp_path)) == "“Quoted” text\n"
    assert out(run("--ignore", "normalize.spaces", stdin=text, cwd=tmp_path)) == text
    # an opt-in rule only by its exact name, never through its family
    assert out(run("--select", "normalize", stdin=text, cwd=tmp_path)) == "“Quoted” text\n"
    assert out(run("--select", "normalize.ascii-punctuation", stdin=text, cwd=tmp_path)) == '"Quoted"  text\n'
    both = run("--select", "normalize.spaces,normalize.ascii-punctuation", stdin=text, cwd=tmp_path)
    assert out(both) == '"Quoted" text\n'
    extended = run("--extend-select", "normalize.ascii-punctuation", stdin=text, cwd=tmp_path)
    assert out(extended) == '"Quoted" text\n'


def test_unknown_rule_is_a_usage_error_with_a_hint(tmp_path: Path) -> None:
    proc = run("--select", "normalize.mojibak", stdin="x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "normalize.mojibak" in err(proc)
    assert "normalize.mojibake" in err(proc)
    assert proc.stdout == b""


def test_bad_flags_exit_2(tmp_path: Path) -> None:
    assert run("--no-such-flag", cwd=tmp_path).returncode == 2
    assert run("--fix", "--check", "x.txt", cwd=tmp_path).returncode == 2
    assert run("--check", "-o", "x", cwd=tmp_path).returncode == 2
    assert run("-j", "-1", cwd=tmp_path).returncode == 2


# ----------------------------------------------------------------------------- configuration
def test_pyproject_config_is_found_upwards_and_flags_win(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\nignore = ["normalize.spaces"]\n')
    sub = tmp_path / "corpus" / "deep"
    sub.mkdir(parents=True)
    assert out(run(stdin="a  b\n", cwd=sub)) == "a  b\n"
    assert out(run("--ignore", "normalize.mojibake", stdin="a  b\n", cwd=sub)) == "a b\n"
    assert out(run("--isolated", stdin="a  b\n", cwd=sub)) == "a b\n"


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text('select = ["normalize.ascii-punctuation"]\n')
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert out(run(stdin="“a”\n", cwd=inner)) == '"a"\n'


def test_explicit_config_file(tmp_path: Path) -> None:
    (tmp_path / "my.toml").write_text('[tool.cleantext]\nselect = "normalize.ascii-punctuation"\n')
    assert out(run("--config", "my.toml", stdin="“a”\n", cwd=tmp_path)) == '"a"\n'


def test_bad_config_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text("selekt = []\n")
    proc = run(stdin="x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "cleantext.toml" in err(proc)
    assert "selekt" in err(proc)
    (tmp_path / "cleantext.toml").write_text("select = [\n")
    proc = run(stdin="x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "invalid TOML" in err(proc)
    (tmp_path / "cleantext.toml").write_text('select = ["nosuch"]\n')
    assert run(stdin="x", cwd=tmp_path).returncode == 2


# ----------------------------------------------------------------------------- JSONL
RECORDS = [
    '{"id": 1, "text": "Hello  world , yes.", "meta": {"n": [1, 2.5], "z": null}}',
    '{"id":2,"text":"clean"}',
    "not json",
    "",
    '{"id": 3}',
    '{"id": 4, "text": null}',
    "[1, 2]",
    '{"id": 5, "text": 5}',
    '{"text": "a  b", "id": 6, "title": "T  t"}',
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(RECORDS) + "\n", encoding="utf-8")
    return path


def test_jsonl_cleans_the_field_and_keeps_everything_else(corpus: Path) -> None:
    proc = run(corpus.name, cwd=corpus.parent)
    assert proc.returncode == 0, err(proc)
    lines = out(proc).split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(RECORDS)
    first = json.loads(lines[0])
    assert first == {"id": 1, "text": "Hello world, yes.", "meta": {"n": [1, 2.5], "z": None}}
    assert list(first) == ["id", "text", "meta"]
    assert list(json.loads(lines[8])) == ["text", "id", "title"]
    assert json.loads(lines[8])["title"] == "T  t"  # other fields are not cleaned
    for i in range(1, 8):  # unchanged and broken lines pass through byte for byte
        assert lines[i] == RECORDS[i]
    messages = err(proc)
    assert "corpus.jsonl:3: invalid JSON" in messages
    assert "corpus.jsonl:5: no field 'text'" in messages
    assert "corpus.jsonl:7: not a JSON object" in messages
    assert "corpus.jsonl:8: field 'text' is int" in messages
    assert "corpus.jsonl:4" not in messages  # a blank line is not an error
    assert "corpus.jsonl:6" not in messages  # nor is "text": null
    assert "corpus.jsonl: 4 broken lines kept unchanged\n" in messages


def test_many_broken_lines_are_counted(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text("oops\n" * 150 + '{"text": "a  b"}\n')
    proc = run("c.jsonl", cwd=tmp_path)
    assert proc.returncode == 0
    assert out(proc) == "oops\n" * 150 + '{"text": "a b"}\n'
    assert err(proc).count("kept broken line") == 100
    assert "c.jsonl:100: invalid JSON" in err(proc)
    assert "c.jsonl:101:" not in err(proc)
    assert "c.jsonl: 150 broken lines kept unchanged (100 listed)" in err(proc)


def test_jsonl_on_error_fail(corpus: Path) -> None:
    proc = run("--on-error", "fail", corpus.name, "-o", "out.jsonl", cwd=corpus.parent)
    assert proc.returncode == 2
    assert "corpus.jsonl:3" in err(proc)
    assert not (corpus.parent / "out.jsonl").exists()  # -o is all or nothing


def test_jsonl_from_stdin_and_other_field(tmp_path: Path) -> None:
    data = '{"body": "x  y", "text": "a  b"}\n'
    proc = run("--jsonl", "--field", "body", stdin=data, cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert json.loads(out(proc)) == {"body": "x y", "text": "a  b"}
    proc = run("--jsonl", "--field", "body", "--output-field", "clean", stdin=data, cwd=tmp_path)
    assert json.loads(out(proc)) == {"body": "x  y", "text": "a  b", "clean": "x y"}


def test_jsonl_utf8_error_is_a_broken_line(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "a  b"}\n{"text": "\xff"}\n')
    proc = run("c.jsonl", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == b'{"text": "a b"}\n{"text": "\xff"}\n'
    assert "c.jsonl:2: cannot decode" in err(proc)


def test_jsonl_lone_surrogate_escape_survives(tmp_path: Path) -> None:
    proc = run("--jsonl", "--select", "normalize.spaces", stdin='{"text": "a  \\ud800"}\n', cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert json.loads(out(proc)) == {"text": "a \ud800"}


def test_text_flag_overrides_the_suffix(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"text":  "a"}\n')
    assert out(run("--text", "x.jsonl", cwd=tmp_path)) == '{"text": "a"}\n'


def test_jsonl_fix_check_explain_diff(corpus: Path) -> None:
    cwd = corpus.parent
    original = corpus.read_bytes()
    check = run("--check", corpus.name, cwd=cwd)
    assert check.returncode == 1
    assert "would fix: corpus.jsonl (2 records)" in err(check)
    explain = run("--explain", corpus.name, cwd=cwd)
    assert explain.returncode == 1
    assert 'corpus.jsonl:1 normalize.spaces: changed "  " -> " " (text line 1)' in out(explain).splitlines()
    assert 'corpus.jsonl:9 normalize.spaces: changed "  " -> " " (text line 1)' in out(explain).splitlines()
    diff = run("--diff", corpus.name, cwd=cwd)
    assert "--- a/corpus.jsonl:1:text" in out(diff)
    assert corpus.read_bytes() == original
    fix = run("--fix", corpus.name, cwd=cwd)
    assert fix.returncode == 1
    fixed = corpus.read_text(encoding="utf-8").split("\n")
    assert json.loads(fixed[0])["text"] == "Hello world, yes."
    assert fixed[2] == "not json"  # broken lines survive a fix
    assert run("--fix", corpus.name, cwd=cwd).returncode == 0


def test_jsonl_stats(corpus: Path) -> None:
    proc = run("--stats", corpus.name, cwd=corpus.parent)
    assert "3 documents, 2 changed" in err(proc)
    assert any(line.split()[:2] == ["normalize.spaces", "2"] for line in err(proc).splitlines())


def _big_corpus(path: Path, n: int) -> list[str]:
    texts = [f"Record {i}:  some   text , here.\nschÃ¶n {i}\n" if i % 3 else f"clean {i}\n" for i in range(n)]
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"i": i, "text": text}) + "\n")
            if i == 777:
                fh.write("{broken\n")
    return texts


def test_jsonl_parallel_output_is_identical_and_ordered(tmp_path: Path) -> None:
    _big_corpus(tmp_path / "big.jsonl", 2000)  # several batches
    one = run("big.jsonl", "--stats", cwd=tmp_path)
    two = run("-j", "2", "big.jsonl", "--stats", cwd=tmp_path)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert err(one) == err(two)
    assert "big.jsonl:779: invalid JSON" in err(two)
    rows = [json.loads(line) for line in out(two).splitlines() if line.startswith("{") and line != "{broken"]
    assert [r["i"] for r in rows] == list(range(2000))
    assert rows[1]["text"] == "Record 1: some text, here.\nschön 1\n"


def test_jsonl_parallel_from_stdin_file_pipe_and_fix(tmp_path: Path) -> None:
    """Workers read batches from a file on standard input themselves; from a pipe they are sent them."""
    texts = _big_corpus(tmp_path / "big.jsonl", 900)
    one = run("--jsonl", stdin=(tmp_path / "big.jsonl").read_bytes(), cwd=tmp_path)
    with (tmp_path / "big.jsonl").open("rb") as fh:
        from_file = subprocess.run(
            [*CLI, "--jsonl", "-j", "2"], stdin=fh, capture_output=True, timeout=120, check=False
        )
    piped = run("--jsonl", "-j", "2", stdin=(tmp_path / "big.jsonl").read_bytes(), cwd=tmp_path)
    assert one.returncode == from_file.returncode == piped.returncode == 0
    assert one.stdout == from_file.stdout == piped.stdout
    assert len(out(one).splitlines()) == len(texts) + 1  # the broken line is kept
    if os.path.exists("/dev/stdin"):  # a path that is a link to the file on standard input
        with (tmp_path / "big.jsonl").open("rb") as fh:
            args = [*CLI, "--jsonl", "-j", "2", "/dev/stdin"]
            by_link = subprocess.run(args, stdin=fh, capture_output=True, timeout=120, check=False)
        assert by_link.returncode == 0
        assert by_link.stdout == one.stdout
    fix = run("-j", "2", "--fix", "big.jsonl", cwd=tmp_path)
    assert fix.returncode == 1
    assert (tmp_path / "big.jsonl").read_bytes() == one.stdout


def test_parallel_text_files_and_fix(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text(f"file {i}  x\n" if i % 2 else f"file {i}\n")
    names = [f"f{i}.txt" for i in range(6)]
    proc = run("-j", "2", *names, cwd=tmp_path)
    assert out(proc) == "".join(f"file {i} x\n" if i % 2 else f"file {i}\n" for i in range(6))
    fix = run("-j", "2", "--fix", *names, cwd=tmp_path)
    assert fix.returncode == 1
    assert "fixed 3 of 6 files" in err(fix)
    assert (tmp_path / "f1.txt").read_text() == "file 1 x\n"


# ----------------------------------------------------------------------------- start-up
def test_version_and_plain_filter_do_not_import_heavy_modules(tmp_path: Path) -> None:
    """Start-up (issue 6): plain text with no config file loads none of these.

    trafilatura/lxml only with --html, ftfy only for mojibake-shaped text, tqdm only for a
    progress bar, regex only for patterns that need Unicode properties, the rest only on
    the paths that use them (a config file, a site model, -j, an unknown rule name).
    """
    probe = (
        "import io, sys\n"
        "from cleantext import cli\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'plain  ascii text , here\\n'))\n"
        "sys.stdout = io.TextIOWrapper(io.BytesIO())\n"
        "assert cli.main(['--version']) == 0\n"
        "assert cli.main([]) == 0\n"
        "heavy = ('trafilatura', 'ftfy', 'lxml', 'tqdm', 'regex', 'importlib.resources', 'pathlib',\n"
        "         'hashlib', 'multiprocessing', 'difflib', 'tomllib', 'dataclasses', 'inspect')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr.decode().strip() == "[]"


def test_extra_markers_from_the_config_file_are_used(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text(
        '[tool.cleantext.markers]\npromo = ["Support the Harbour Gazette"]\n'
    )
    text = "The harbour reopened on Tuesday after repairs.\nSupport the Harbour Gazette\nBoats left.\n"
    proc = run(stdin=text, cwd=tmp_path)
    assert proc.returncode == 0, err(proc)
    assert "Support the Harbour Gazette" not in out(proc)
    assert "Boats left." in out(proc)
    assert "Support the Harbour Gazette" in out(run("--isolated", stdin=text, cwd=tmp_path))
    (tmp_path / "cleantext.toml").write_text('[tool.cleantext.markers]\nbogus = ["x"]\n')
    bad = run(stdin=text, cwd=tmp_path)
    assert bad.returncode == 2
    assert "bogus" in err(bad)
    assert "cleantext.toml" in err(bad)


def test_explain_reports_findings_without_failing(tmp_path: Path) -> None:
    from cleantext import all_rules

    if "translation.broken-sentence" not in {r.name for r in all_rules()}:
        pytest.skip("no finding-only rule registered")
    text = "The soldiers were stationed there. near the border for a decade, officials said on Monday.\n"
    proc = run("--explain", stdin=text, cwd=tmp_path)
    assert proc.returncode == 0  # findings are reported, never rewritten, never a failure
    assert out(proc).startswith("<stdin>:1 translation.broken-sentence: found ")
    assert out(run(stdin=text, cwd=tmp_path)) == text


def test_a_folder_means_its_corpus_files(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "b").mkdir(parents=True)
    (tmp_path / "corpus" / ".git").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("a  1\n")
    (tmp_path / "corpus" / "b" / "c.md").write_text("c  2\n")
    (tmp_path / "corpus" / "b" / "d.jsonl").write_text('{"text": "d  3"}\n')
    (tmp_path / "corpus" / "b" / "e.py").write_text("e  =  4\n")
    (tmp_path / "corpus" / ".git" / "f.txt").write_text("f  5\n")
    proc = run("--check", "corpus", cwd=tmp_path)
    assert proc.returncode == 1
    assert "would fix 3 of 3 files" in err(proc)
    assert run("--fix", "-q", "corpus", cwd=tmp_path).returncode == 1
    assert (tmp_path / "corpus" / "b" / "c.md").read_text() == "c 2\n"
    assert (tmp_path / "corpus" / "b" / "e.py").read_text() == "e  =  4\n"
    assert (tmp_path / "corpus" / ".git" / "f.txt").read_text() == "f  5\n"
    assert run("--check", "corpus", cwd=tmp_path).returncode == 0
    (tmp_path / "empty").mkdir()
    empty = run("--fix", "empty", stdin="a  b\n", cwd=tmp_path)
    assert empty.returncode == 0
    assert empty.stdout == b""
    assert "no *.txt" in err(empty)


def test_a_binary_jsonl_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_bytes(b'{"text": "a"}\n\x00\x01\x02\n')
    (tmp_path / "y.jsonl").write_text('{"text": "a  b"}\n')
    proc = run("x.jsonl", "y.jsonl", cwd=tmp_path)
    assert proc.returncode == 0
    assert out(proc) == '{"text": "a b"}\n'
    assert "x.jsonl: skipped: binary file" in err(proc)
    assert "skipped: binary" in err(run("--jsonl", stdin=b"\x00\x00", cwd=tmp_path))
