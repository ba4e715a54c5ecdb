"""``[tool.cleantext]`` in ``pyproject.toml``, or a ``cleantext.toml``: finding and reading it.

The search starts in the working directory and goes upwards; the first directory
with a ``cleantext.toml`` / ``.cleantext.toml`` (whole file) or a ``pyproject.toml``
that has a ``[tool.cleantext]`` table wins.  Keys (``-`` and ``_`` are the same)::

    select = ["normalize", "boilerplate"]      # rule names or families, ruff-style
    ignore = ["normalize.ascii-punctuation"]
    place-names-mode = "auto"                  # auto | always | never
    model = "site-lines.json"                  # a learned site model (relative to the file)
    group-field = "url"

    [tool.cleantext.markers]                   # category -> extra boilerplate markers
    promo = ["Support our journalism"]
    [tool.cleantext.place-names]               # old spelling -> new spelling
    Kiev = "Kyiv"
    [tool.cleantext.calques]                   # machine-translation calque -> repair
    "take a decision" = "make a decision"
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._record import Frozen
from .config import Config

if TYPE_CHECKING:  # pathlib is imported only when a file is found: keep start-up light
    from pathlib import Path

__all__ = ["ConfigError", "FileSettings", "find_config", "load_config"]

_CANDIDATES = ("cleantext.toml", ".cleantext.toml", "pyproject.toml")
_KEYS = (
    "select",
    "ignore",
    "markers",
    "place-names",
    "place-names-mode",
    "calques",
    "model",
    "group-field",
)
_ALIASES = {"extra-markers": "markers"}


class ConfigError(ValueError):
    """A configuration file that cannot be used (the message names the file)."""


class FileSettings(Frozen):
    """What a configuration file says, ready to be merged with command-line flags."""

    __slots__ = ("path", "select", "ignore", "config", "model", "group_field")  # noqa: RUF023 - field order
    path: Path | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    config: Config
    model: Path | None
    group_field: str | None

    def __init__(
        self,
        *,
        path: Path | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] | None = None,
        config: Config | None = None,
        model: Path | None = None,
        group_field: str | None = None,
    ) -> None:
        self._set(
            path=path,
            select=select,
            ignore=ignore,
            config=Config() if config is None else config,
            model=model,
            group_field=group_field,
        )


def _toml_load(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return data


def _table_of(path: Path) -> dict[str, Any] | None:
    """The cleantext settings of *path*, or ``None`` if a pyproject.toml has none."""
    data = _toml_load(path)
    if path.name != "pyproject.toml":
        # a cleantext.toml may also use a [tool.cleantext] table, like pyproject.toml
        tool = data.get("tool")
        if isinstance(tool, dict) and isinstance(tool.get("cleantext"), dict) and len(data) == 1:
            return dict(tool["cleantext"])
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "cleantext" not in tool:
        return None
    table = tool["cleantext"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.cleantext] must be a table")
    return dict(table)


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """Return the first configuration found from *start* (default: cwd) upwards."""
    folder = os.path.realpath(os.fspath(start) if start is not None else os.getcwd())
    while True:
        for name in _CANDIDATES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                from pathlib import Path

                table = _table_of(Path(candidate))
                if table is not None:
                    return Path(candidate), table
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(path: Path | None = None, *, start: Path | None = None) -> FileSettings:
    """Read *path*, or the configuration found from *start* upwards (none: defaults)."""
    if path is not None:
        table = _table_of(path)
        if table is None:
            raise ConfigError(f"{path}: no [tool.cleantext] table")
        return parse_table(table, path)
    found = find_config(start)
    if found is None:
        return FileSettings()
    return parse_table(found[1], found[0])


def parse_table(table: Mapping[str, Any], path: Path) -> FileSettings:
    """Validate a settings table read from *path* and build :class:`FileSettings`."""
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        key = _ALIASES.get(key, key)
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key {raw_key!r}; known keys: {', '.join(_KEYS)}")
        values[key] = value
    try:
        config = Config(
            extra_markers=_markers(values.get("markers", {})),
            place_names=_pairs(values.get("place-names", {}), "place-names"),
            place_names_mode=_string(values.get("place-names-mode", "auto"), "place-names-mode"),
            calques=_pairs(values.get("calques", {}), "calques"),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    model = values.get("model")
    group_field = values.get("group-field")
    try:
        return FileSettings(
            path=path,
            select=_names(values.get("select"), "select"),
            ignore=_names(values.get("ignore"), "ignore"),
            config=config,
            model=(path.parent / _string(model, "model")) if model is not None else None,
            group_field=_string(group_field, "group-field") if group_field is not None else None,
        )
    except TypeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _string(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a string, not {type(value).__name__}")
    return value


def _names(value: object, key: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key} must be a list of rule names or families")
    return tuple(v.strip() for v in value if v.strip())


def _pairs(value: object, key: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise TypeError(f"{key} must be a table of strings (old = new)")
    return tuple(value.items())


def _markers(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise TypeError("markers must be a table: category = [markers]")
    out: list[tuple[str, str]] = []
    for category, raw in value.items():
        markers = [raw] if isinstance(raw, str) else raw
        if not isinstance(markers, list) or not all(isinstance(m, str) for m in markers):
            raise TypeError(f"markers.{category} must be a list of strings")
        out.extend((category, m) for m in markers)
    return tuple(out)
