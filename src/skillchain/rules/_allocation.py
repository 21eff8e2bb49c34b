"""Allocation: ranking applications within a limit, as one concept.

Five rules give a limited number of places to the best-ranked applications: the
apprenticeship quota, guidance experts, carrier awards, 深圳市技术能手 titles and
鹏城工匠 selection.  Each returns an :class:`Allocation` (one decision per ranked
application) and ranks with :func:`rank`, so its result never depends on the order
the applications arrive in: :func:`canonical` gives every record a total,
content-based tie-breaker, and :func:`distinct` refuses input that would make "each
application once" ambiguous.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from skillchain._checks import fail, tuple_of
from skillchain._decision import Decision, Outcome
from skillchain.errors import InvalidValueError


__all__ = ["Allocation", "canonical", "distinct", "rank"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Allocation(Generic[T]):
    """Places given within a limit: every application ranked, with its own decision.

    *eligible* means the application won a place (with its amount, where there is
    one); *ineligible* that a condition failed or no place was left at its turn;
    *undetermined* that a fact or figure is missing (the decision names it).  The
    allocation rules return a subclass named for their programme, which may add the
    limit it filled.

    Example:
        >>> from skillchain.rules import Allocation
        >>> Allocation(ranked=(), decisions=()).chosen
        ()
    """

    ranked: tuple[T, ...]
    """Every application, in the order places were given (each subclass checks the
    kind of its applications)."""
    decisions: tuple[Decision, ...] = attrs.field(validator=tuple_of(Decision))
    """The decision for each application, aligned with :attr:`ranked`."""

    def __attrs_post_init__(self) -> None:
        """Check that there is one decision per ranked application."""
        if len(self.decisions) != len(self.ranked):
            fail(
                self,
                "decisions",
                f"got {len(self.decisions)} decisions for {len(self.ranked)} "
                "applications",
                "one decision per ranked application, in the same order",
            )

    def __iter__(self) -> Iterator[tuple[T, Decision]]:
        """Each application with its decision, in rank order."""
        return zip(self.ranked, self.decisions, strict=True)

    def __len__(self) -> int:
        """How many applications were ranked."""
        return len(self.ranked)

    @property
    def chosen(self) -> tuple[T, ...]:
        """The applications that won a place, in rank order."""
        return tuple(a for a, d in self if d.outcome is Outcome.ELIGIBLE)

    @property
    def waiting(self) -> tuple[T, ...]:
        """The applications without a place (refused or undetermined), in rank order."""
        return tuple(a for a, d in self if d.outcome is not Outcome.ELIGIBLE)

    def decision_for(self, application: T) -> Decision:
        """The decision for *application*.

        Raises:
            KeyError: *application* was not part of the allocation.
        """
        for known, decision in self:
            if known == application:
                return decision
        msg = "the application was not part of this allocation"
        raise KeyError(msg)


def rank(
    applications: Iterable[object],
    kind: type[T],
    key: Callable[[T], tuple[Any, ...]],
) -> tuple[T, ...]:
    """*applications* checked (each a *kind*, each once) and sorted best first.

    Sorted by *key*, then by the whole record (:func:`canonical`), so equal-ranked
    applications are ordered by their content and never by their position in the
    input.

    Raises:
        InvalidValueError: An item is not a *kind*, or appears twice.

    Example:
        >>> from skillchain.rules._allocation import rank
        >>> rank(["b", "a", "c"], str, lambda s: (s == "c",))
        ('a', 'b', 'c')
    """
    return tuple(
        sorted(
            distinct(applications, kind),
            key=lambda item: (*key(item), canonical(item)),
        )
    )


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
