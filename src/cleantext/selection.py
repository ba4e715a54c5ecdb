"""Selecting rules by name or family prefix, as ruff's ``--select``/``--ignore`` do."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .core import Rule

__all__ = ["resolve"]


def _matches(name: str, pattern: str) -> bool:
    return pattern in ("ALL", name) or name.startswith(pattern + ".")


def resolve(
    rules: Sequence[Rule],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    defaults_only: bool = True,
) -> tuple[Rule, ...]:
    """Return the rules of *rules* (in order) that *select* picks and *ignore* does not.

    A pattern is a rule name (``normalize.mojibake``), a family or prefix
    (``boilerplate``), or ``ALL``.  With *select* ``None`` the default rules are
    taken.  An opt-in rule (``default=False``) is only taken when *select* names it
    exactly, unless *defaults_only* is false.  An unknown pattern raises
    :class:`ValueError` with the closest rule names.
    """
    select = _patterns(select)
    ignore = _patterns(ignore) or []
    names = [r.name for r in rules]
    for pattern in (select or []) + ignore:
        if not any(_matches(n, pattern) for n in names):
            import difflib  # only for the error message: keep start-up light

            close = difflib.get_close_matches(pattern, names, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"unknown rule or family {pattern!r}{hint}")
    chosen = []
    for rule in rules:
        if select is None:
            keep = rule.default or not defaults_only
        else:
            keep = rule.name in select or (
                (rule.default or not defaults_only) and any(_matches(rule.name, p) for p in select)
            )
        if keep and not any(_matches(rule.name, p) for p in ignore):
            chosen.append(rule)
    return tuple(chosen)


def _patterns(value: Iterable[str] | str | None) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    return [p.strip() for p in value if p and p.strip()]
