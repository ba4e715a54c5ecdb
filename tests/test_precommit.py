"""The pre-commit hooks, run by the real ``pre-commit`` tool against this repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HOOKS = REPO / ".pre-commit-hooks.yaml"

DIRTY_TXT = "The mayor spoke  on Monday , aides said.\n\n\n\nIt was  a long day.\n"
FIXED_TXT = "The mayor spoke on Monday, aides said.\n\nIt was a long day.\n"
CLEAN_MD = "A clean paragraph of prose.\n"
DIRTY_JSONL = '{"id": 1, "text": "Too  many spaces here."}\n{"id": 2, "text": "Fine text."}\n'


def _git(*args: str, cwd: Path) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.com",
    )
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def test_hook_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(HOOKS))}
    assert set(hooks) == {"cleantext", "cleantext-check"}
    assert hooks["cleantext"]["entry"] == "cleantext --fix"
    assert hooks["cleantext-check"]["entry"] == "cleantext --check"
    for hook in hooks.values():
        assert hook["types"] == ["text"]
        assert hook["files"] == r"\.(txt|md|jsonl)$"
        assert hook["language"] == "python"


def _snapshot(dest: Path) -> str:
    """Commit the working tree of this repository (tracked and new files) into *dest*."""
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git("commit", "-q", "-m", "snapshot", cwd=dest)
    return _git("rev-parse", "HEAD", cwd=dest).strip()


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_pre_commit_fixes_then_passes(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of this repository")
    source = tmp_path / "cleantext-repo"
    source.mkdir()
    rev = _snapshot(source)

    project = tmp_path / "corpus-project"
    project.mkdir()
    (project / "article.txt").write_text(DIRTY_TXT, encoding="utf-8")
    (project / "notes.md").write_text(CLEAN_MD, encoding="utf-8")
    (project / "corpus.jsonl").write_text(DIRTY_JSONL, encoding="utf-8")
    (project / "script.py").write_text("x  =  1 ,  2\n", encoding="utf-8")  # not matched by files:
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n  - id: cleantext-check\n  - id: cleantext\n",
        encoding="utf-8",
    )
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    home = tmp_path / "pre-commit-home"

    check = _pre_commit("run", "cleantext-check", "--all-files", cwd=project, home=home)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "would fix: article.txt" in check.stdout
    assert (project / "article.txt").read_text(encoding="utf-8") == DIRTY_TXT

    first = _pre_commit("run", "cleantext", "--all-files", cwd=project, home=home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout
    assert "files were modified by this hook" in first.stdout
    assert (project / "article.txt").read_text(encoding="utf-8") == FIXED_TXT
    assert (project / "notes.md").read_text(encoding="utf-8") == CLEAN_MD
    records = [
        json.loads(line) for line in (project / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert records == [{"id": 1, "text": "Too many spaces here."}, {"id": 2, "text": "Fine text."}]
    assert (project / "script.py").read_text(encoding="utf-8") == "x  =  1 ,  2\n"

    second = _pre_commit("run", "--all-files", cwd=project, home=home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.count("Passed") == 2
