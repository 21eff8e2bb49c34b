"""Building error messages (the exceptions themselves live in :mod:`skillchain.errors`)."""

import difflib

from collections.abc import Callable, Iterable
from typing import Any

from skillchain.errors import InvalidValueError


__all__ = ["closest", "validator_from_problem"]


def validator_from_problem(
    problem: Callable[[object], str | None], *, field: str, expected: str
) -> Callable[[Any, Any, Any], None]:
    """Turn a ``value -> problem text or None`` check into an attrs field validator.

    The validator raises :class:`InvalidValueError` naming *field* and *expected*
    with the problem text, which the check must already have masked.
    """

    def validate(_instance: object, _attribute: object, value: object) -> None:
        found = problem(value)
        if found is not None:
            raise InvalidValueError(field=field, problem=found, expected=expected)

    return validate


_SUGGESTIONS = 3


def closest(key: str, known: Iterable[str]) -> tuple[str, ...]:
    """The known keys most like *key* (at most three, best first), for error messages."""
    return tuple(
        difflib.get_close_matches(key, list(known), n=_SUGGESTIONS, cutoff=0.0)
    )
