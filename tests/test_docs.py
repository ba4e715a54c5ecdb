"""Generated documentation stays in step with the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_doc_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == _generator().render(), "docs/rules.md is stale: run python scripts/gen_rules_doc.py"


def test_rules_doc_lists_every_rule() -> None:
    import cleantext

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in cleantext.all_rules():
        assert f"`{rule.name}`" in text
