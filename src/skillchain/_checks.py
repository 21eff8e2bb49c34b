"""Field checks shared by the domain-model records (private).

Every check here is an attrs field validator (``attrs.field(validator=...)``).  It
takes the field's name from the ``attrs.Attribute`` it is called with and the class
name from the instance, so a call site names only what it wants, and every failure
raises :class:`~skillchain.InvalidValueError` with ``field="ClassName.field"``, the
problem, and what was expected.  :func:`fail` raises the same error from an
``__attrs_post_init__``.

No check ever quotes a text value: names and identity numbers are personal data,
so a wrong value is described by its type only; only numbers are shown.  A
``bool`` is never accepted where an ``int`` is wanted (``True`` is an ``int`` in
Python), nor a ``datetime`` where a ``date`` is.
"""

import functools
import operator

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Final, NoReturn, cast

import attrs

from skillchain._money import AMOUNT_DIGITS, AMOUNT_PLACES, amount_problem
from skillchain._redact import shorten
from skillchain.errors import InvalidValueError


__all__ = [
    "YEAR_MAX",
    "Check",
    "amount",
    "calendar_year",
    "day",
    "decimal",
    "fail",
    "flag",
    "frozenset_of",
    "is_a",
    "maybe",
    "text",
    "texts",
    "tuple_of",
    "whole",
    "year_from",
]


_SHOWN_INT: Final = 10**40

YEAR_MAX: Final = 2100
"""Plausibility bound on years (no document fixes it): catches typos such as 20224."""


def fail(instance: object, field: str, problem: str, expected: str) -> NoReturn:
    """Raise :class:`InvalidValueError` for ``ClassName.field`` of *instance*."""
    raise InvalidValueError(
        field=f"{type(instance).__name__}.{field}", problem=problem, expected=expected
    )


@attrs.frozen
class Check:
    """An attrs field validator: a problem finder and what a valid value looks like.

    ``find`` returns ``None`` for a valid value, or the problem, which must not
    quote a text value.
    """

    find: Callable[[Any], str | None]
    """The value's problem, or ``None`` if it is valid."""
    expected: str
    """What a valid value looks like, for the error message."""
    typed: object = None
    """A type every value of which passes (``date``, ``SkillLevel | None``), or
    ``None`` if the check asks more than a type.

    A structurer that builds a field's value as exactly its declared type, and
    finds that type here, need not run the check again.
    """
    find_amount: Callable[[Any], str | None] | None = None
    """The same verdict as :attr:`find` for a value already known to be an amount
    (a finite ``Decimal`` within the digit bounds, never None), without reading its
    digits again; ``None`` for a check that has no such shortcut."""

    def __call__(
        self, instance: object, attribute: "attrs.Attribute[Any]", value: Any
    ) -> None:
        """Raise :class:`InvalidValueError` for ``Class.field`` if *value* is invalid."""
        problem = self.find(value)
        if problem is not None:
            fail(instance, attribute.name, problem, self.expected)


# --- describing values without quoting them -----------------------------------------


def _type_name(value: object) -> str:
    return type(value).__name__


def _got(value: object) -> str:
    """The problem for a value of the wrong type (never its text)."""
    if value is None:
        return "got None"
    return f"got a value of type {_type_name(value)}"


def _fits(value: object, kinds: tuple[type, ...]) -> bool:
    """``isinstance``, except that a bool is an int only where bool is wanted."""
    if isinstance(value, bool) and bool not in kinds:
        return False
    return isinstance(value, kinds)


def _one_of(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _a(kind: type) -> str:
    name = kind.__name__ + (" member" if issubclass(kind, Enum) else "")
    return ("an " if name[0] in "AEIOUaeiou" else "a ") + name


# --- the checks ---------------------------------------------------------------------


def maybe(check: Check) -> Check:
    """Accept ``None`` or whatever *check* accepts."""

    def find(value: object) -> str | None:
        return None if value is None else check.find(value)

    typed = None if check.typed is None else check.typed | None  # type: ignore[operator]
    return Check(
        find=find,
        expected=f"{check.expected} or None",
        typed=typed,
        find_amount=check.find_amount,
    )


def is_a(*kinds: type, expected: str | None = None) -> Check:
    """An instance of one of *kinds* (a bool is never an int).

    *expected* defaults to the kinds' names with their articles: "a CreditCode",
    "an InstitutionKind member" (for an enum), "an int, a str or a CreditCode".
    """

    def find(value: object) -> str | None:
        return None if _fits(value, kinds) else _got(value)

    return Check(
        find=find,
        expected=expected or _one_of([_a(k) for k in kinds]),
        typed=functools.reduce(operator.or_, kinds),
    )


def _find_text(value: object) -> str | None:
    if not isinstance(value, str):
        return _got(value)
    if not value.strip():
        return "got an empty or blank text"
    return None


text: Final = Check(find=_find_text, expected="a non-blank str")
"""A ``str`` with at least one non-blank character (never echoed)."""

_TEXT_SHOWN: Final = 200


def text_repr(value: str | None) -> str:
    """How a record's ``repr`` shows a free-text field: cut short, identity numbers masked."""
    return shorten(repr(value), _TEXT_SHOWN)


def _find_day(value: object) -> str | None:
    if isinstance(value, datetime):
        return "got a datetime (call .date() on it)"
    if not isinstance(value, date):
        return _got(value)
    return None


day: Final = Check(find=_find_day, expected="a date (not a datetime)", typed=date)
"""A ``datetime.date`` that is not a ``datetime``."""


def _find_flag(value: object) -> str | None:
    return None if value is None or isinstance(value, bool) else _got(value)


flag: Final = Check(
    find=_find_flag, expected="True, False or None (not known)", typed=bool | None
)
"""A fact that may be unknown: ``True``, ``False`` or ``None`` (not 0 or 1)."""


def _number(value: int) -> str:
    """An int as text, or its size if it is too long to show (or to convert)."""
    if -_SHOWN_INT < value < _SHOWN_INT:
        return str(value)
    sign = "-" if value < 0 else ""
    return f"{sign}an int of about {int(value.bit_length() * 0.30103) + 1} digits"


def _bounded_int(first: int, last: int | None, expected: str) -> Check:
    def find(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return _got(value)
        if value < first or (last is not None and value > last):
            return f"got {_number(value)}"
        return None

    return Check(find=find, expected=expected)


def whole(minimum: int) -> Check:
    """An ``int`` (not a bool) of at least *minimum*."""
    return _bounded_int(minimum, None, f"an int of at least {minimum}")


def year_from(first: int, *, last: int = YEAR_MAX) -> Check:
    """A calendar year (an ``int``, not a bool) from *first* to *last*."""
    return _bounded_int(first, last, f"a year (int) from {first} to {last}")


calendar_year: Final = year_from(date.min.year, last=date.max.year)
"""Any year a ``datetime.date`` can hold (1 to 9999), for years no document bounds."""


def decimal(*, positive: bool = False) -> Check:
    """A finite ``Decimal``: at least zero, or greater than zero if *positive*.

    It is bounded as every amount is (:func:`skillchain._money.amount_problem`):
    at most 15 digits before the decimal point and 20 after it.
    """

    def find(value: object) -> str | None:
        if not isinstance(value, Decimal):
            return _got(value)
        if not value.is_finite() or (value.is_signed() and not value.is_zero()):
            return f"got {value}"
        if positive and value.is_zero():
            return f"got {value}"
        return amount_problem(value)

    def find_amount(value: Decimal) -> str | None:
        if value.is_zero():
            return f"got {value}" if positive else None
        return f"got {value}" if value.is_signed() else None

    return Check(
        find=find,
        expected=(
            "a finite Decimal greater than zero"
            if positive
            else "a finite Decimal of at least zero"
        ),
        find_amount=find_amount,
    )


def _find_amount(value: object) -> str | None:
    if not isinstance(value, Decimal):
        return _got(value)
    return amount_problem(value)


def _any_amount(_value: Decimal) -> None:
    return None


amount: Final = Check(
    find=_find_amount,
    find_amount=_any_amount,
    expected=(
        f"a finite Decimal with at most {AMOUNT_DIGITS} digits before the decimal "
        f"point and {AMOUNT_PLACES} after it"
    ),
)
"""A finite ``Decimal`` of either sign, bounded as every amount is."""


def tuple_of(*kinds: type) -> Check:
    """A ``tuple`` whose every item is one of *kinds* (a bool is never an int)."""

    def find(value: object) -> str | None:
        if not isinstance(value, tuple):
            return _got(value)
        items: tuple[object, ...] = value
        bad = [i for i, item in enumerate(items) if not _fits(item, kinds)]
        if not bad:
            return None
        first = items[bad[0]]
        what = "None" if first is None else f"of type {_type_name(first)}"
        more = f" ({len(bad)} bad items)" if len(bad) > 1 else ""
        return f"item {bad[0]} is {what}{more}"

    names = _one_of([k.__name__ for k in kinds])
    item = functools.reduce(operator.or_, kinds)
    return Check(find=find, expected=f"a tuple of {names}", typed=tuple[item, ...])  # type: ignore[valid-type]


def frozenset_of(*kinds: type) -> Check:
    """A ``frozenset`` whose every item is one of *kinds* (a bool is never an int)."""

    def find(value: object) -> str | None:
        if not isinstance(value, frozenset):
            return _got(value)
        items: frozenset[object] = value
        bad = [_type_name(item) for item in items if not _fits(item, kinds)]
        if not bad:
            return None
        types = ", ".join(sorted(set(bad)))
        if len(bad) == 1:
            return f"has an item of type {types}"
        return f"has {len(bad)} bad items, of type {types}"

    names = _one_of([k.__name__ for k in kinds])
    item = functools.reduce(operator.or_, kinds)
    return Check(find=find, expected=f"a frozenset of {names}", typed=frozenset[item])  # type: ignore[valid-type]


_strs: Final = tuple_of(str)


def _find_texts(value: object) -> str | None:
    problem = _strs.find(value)
    if problem is not None:
        return problem
    items = cast("tuple[str, ...]", value)
    for index, item in enumerate(items):
        if not item.strip():
            return f"item {index} is blank"
    return None


texts: Final = Check(find=_find_texts, expected="a tuple of non-blank str")
"""A ``tuple`` of non-blank ``str`` (never echoed)."""
