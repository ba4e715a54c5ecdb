"""The data-file reader: a plain open for regular installs, importlib.resources otherwise."""

from __future__ import annotations

import pytest

from cleantext import _resources


def test_reads_a_bundled_json_table() -> None:
    markers = _resources.read_json("markers", "en.json")
    assert isinstance(markers, dict) and markers


def test_falls_back_to_importlib_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    direct = _resources.read_text("markers", "en.json")
    monkeypatch.setattr(_resources, "_DATA", "/nonexistent/cleantext-data")
    assert _resources.read_text("markers", "en.json") == direct


def test_a_missing_file_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        _resources.read_text("no-such-table.json")
