"""Shared pieces of the allocation rules (quota, carrier awards, craftsman selection).

An allocation ranks applications and gives the first places to the best; its result
must not depend on the order the applications arrive in.  :func:`canonical` gives
every record a total, content-based tie-breaker, and :func:`distinct` refuses input
that would make "each application once" ambiguous.
"""

from collections.abc import Iterable
from typing import TypeVar

from skillchain.errors import InvalidValueError


__all__ = ["canonical", "distinct"]

T = TypeVar("T")


def canonical(value: object) -> str:
    """A text that differs for any two unequal records (sets in sorted order).

    Used as the last key of a ranking, so equal-ranked records are still ordered
    by their content and never by their position in the input.

    Example:
        >>> from skillchain.rules._allocation import canonical
        >>> canonical(frozenset({"b", "a"})) == canonical(frozenset({"a", "b"}))
        True
    """
    fields = getattr(type(value), "__attrs_attrs__", None)
    if fields is not None:
        inner = ",".join(canonical(getattr(value, field.name)) for field in fields)
        return f"{type(value).__name__}({inner})"
    if isinstance(value, frozenset):
        items: frozenset[object] = value
        return "{" + ",".join(sorted(canonical(item) for item in items)) + "}"
    if isinstance(value, tuple):
        parts: tuple[object, ...] = value
        return "(" + ",".join(canonical(item) for item in parts) + ")"
    return repr(value)


def distinct(items: Iterable[object], kind: type[T]) -> tuple[T, ...]:
    """*items* as a tuple, each checked to be a *kind* and to appear once.

    Raises:
        InvalidValueError: An item is not a *kind* (``applications[i]`` names it), or
            the same application appears twice.
    """
    given = tuple(items)
    seen: set[object] = set()
    found: list[T] = []
    for index, item in enumerate(given):
        if not isinstance(item, kind):
            raise InvalidValueError(
                field=f"applications[{index}]",
                problem=f"got a value of type {type(item).__name__}",
                expected=f"a {kind.__name__}",
            )
        if item in seen:
            raise InvalidValueError(
                field=f"applications[{index}]",
                problem="the same application appears twice",
                expected="each application once",
            )
        seen.add(item)
        found.append(item)
    return tuple(found)
