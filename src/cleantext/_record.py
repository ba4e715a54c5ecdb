"""Small record classes without ``dataclasses``.

``import dataclasses`` pulls in ``inspect`` (with ``ast``, ``dis`` and ``tokenize``) and each
``@dataclass`` builds its methods with ``exec``: about 20 ms of CPU, more than the rest of
the command's start-up.  The handful of records on the command's path (``Rule``,
``Pipeline``, ``Change``, ``Config``, the CLI's job and results) use these two bases
instead: a subclass lists its fields in ``__slots__`` and assigns them in ``__init__``.

>>> class Point(Frozen):
...     __slots__ = ("x", "y")  # in field order (positional order)
...     def __init__(self, x: int, y: int = 0) -> None:
...         self._set(x=x, y=y)
>>> p = Point(1)
>>> p, p == Point(1, 0), p._replace(y=2)
(Point(x=1, y=0), True, Point(x=1, y=2))
>>> p.x = 5
Traceback (most recent call last):
...
AttributeError: Point is immutable: cannot set 'x'
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

__all__ = ["Frozen", "Record"]

_T = TypeVar("_T", bound="Frozen")


class Record:  # noqa: PLW1641 - mutable records are unhashable on purpose
    """Slots, equality by fields (the ``__slots__`` of the class), a readable repr."""

    __slots__ = ()
    #: fields left out of the repr (long or uninformative values)
    _hidden: ClassVar[tuple[str, ...]] = ()
    #: the fields: the ``__slots__`` of the class and its bases, base first; a slot whose name
    #: starts with "_" is not a field but something derived from the fields (not compared,
    #: shown or pickled: ``__init__`` derives it again)
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = tuple(
            name
            for klass in reversed(cls.__mro__)
            for name in vars(klass).get("__slots__", ())
            if not name.startswith("_")
        )

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:  # defining __eq__ makes a mutable record unhashable
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = (f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._hidden)
        return f"{type(self).__name__}({', '.join(shown)})"


class Frozen(Record):
    """An immutable :class:`Record`: hashable, picklable, with :meth:`_replace`.

    ``__init__`` sets the fields with :meth:`_set`; pickling and :meth:`_replace` call the
    class with every field as a keyword argument.
    """

    __slots__ = ()

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), {name: getattr(self, name) for name in self._fields}))

    def _replace(self: _T, **changes: Any) -> _T:
        """A copy with some fields changed (named as in ``namedtuple``: a public method)."""
        values = {name: getattr(self, name) for name in self._fields}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field(s) {sorted(unknown)}")
        values.update(changes)
        return type(self)(**values)


def _rebuild(cls: type[_T], values: dict[str, Any]) -> _T:
    """Unpickle a :class:`Frozen` record (a module-level function, so it pickles by name)."""
    return cls(**values)
