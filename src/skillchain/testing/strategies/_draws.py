"""Small, fast drawing functions for writing case recipes.

A recipe's drawer runs once for every case drawn, so what it costs counts: a draw
from a strategy built beforehand is cheap, while building a strategy inside the
drawer (``st.sampled_from(items)``, ``st.integers(low, high)`` with bounds read from
the policy) costs more than the draw itself.  The functions here take the drawer's
``draw`` and make one draw from a strategy built once, whatever the bounds or items:

* :func:`near` and :func:`between`: an integer or a date from a range, clustered at
  its ends or spread evenly;
* :func:`pick` and :func:`distinct`: one item, or several different ones;
* :func:`filler`: a seeded ``random.Random`` for the many choices no condition
  turns on, in one draw;
* :func:`born_aged`: the birth date of someone of a given age on a day.

Others compute, without drawing, what recipes need at thresholds and in records:
:func:`birth_span`, :func:`latest_start`, :func:`earliest_start` (days counted in
calendar months, as the rules count them), :func:`resident_born` (an identity
number for a birth date) and :func:`credit_code` (an enterprise's credit code).
"""

import enum
import functools
import math
import random

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from typing import Any, Final, Literal, TypeVar, overload

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.cn import ric, uscc

from skillchain import (
    FUTIAN,
    CreditCode,
    DivisionCode,
    ResidentId,
    Sex,
    add_months,
    full_years_between,
)


__all__ = [
    "between",
    "birth_span",
    "born_aged",
    "credit_code",
    "distinct",
    "earliest_start",
    "filler",
    "latest_start",
    "near",
    "pick",
    "resident_born",
]

T = TypeVar("T")

_DAY: Final = timedelta(days=1)
_SPOT: Final = st.integers(0, 2**32 - 1)
"""A 32-bit number: the one draw of :func:`near`, :func:`between` and :func:`filler`."""
_ENDS: Final = ("low", "high", "both")


def _span(name: str, low: object, high: object) -> tuple[int, int]:
    """*low* and *high* as integers (a date by its ordinal), checked."""
    if isinstance(low, date) and isinstance(high, date):
        first, last = low.toordinal(), high.toordinal()
    elif (
        isinstance(low, int)
        and isinstance(high, int)
        and not isinstance(low, bool)
        and not isinstance(high, bool)
    ):
        first, last = low, high
    else:
        msg = f"{name}() takes two integers or two dates, got {low!r} and {high!r}"
        raise InvalidArgument(msg)
    if first > last:
        msg = f"{name}({low!r}, {high!r}): the low end is above the high end"
        raise InvalidArgument(msg)
    return first, last


def _back_to(like: object, value: int) -> int | date:
    """*value* as *like*'s type: a date from its ordinal, or the integer."""
    return date.fromordinal(value) if isinstance(like, date) else value


@overload
def near(
    draw: st.DrawFn,
    low: int,
    high: int,
    *,
    ends: Literal["low", "high", "both"] = "both",
) -> int: ...


@overload
def near(
    draw: st.DrawFn,
    low: date,
    high: date,
    *,
    ends: Literal["low", "high", "both"] = "both",
) -> date: ...


def near(
    draw: st.DrawFn,
    low: int | date,
    high: int | date,
    *,
    ends: Literal["low", "high", "both"] = "both",
) -> int | date:
    """Draw an integer or a date from *low* to *high* (both included), in one draw.

    Half of the values are at an end or one step inside it: at *low*, at *high*, or
    at either (*ends* ``"low"``, ``"high"`` or ``"both"``); the others anywhere in
    the range.  A draw shrinks to the end named (to *low* for ``"both"``).  Use it
    for a value that must stay within a threshold and is most telling on it: a
    start day up to the latest one that still counts, a count from the least one
    allowed.

    Raises:
        hypothesis.errors.InvalidArgument: *low* is above *high*, they are not
            two integers or two dates, or *ends* is not one of the three.

    Example:
        >>> from hypothesis import given, strategies as st
        >>> from skillchain.testing.strategies import near
        >>> @given(st.data())
        ... def test_near(data):
        ...     assert 12 <= data.draw(st.composite(lambda draw: near(draw, 12, 36))()) <= 36
        >>> test_near()
    """
    if ends not in _ENDS:
        msg = f"ends={ends!r}; expected one of {', '.join(map(repr, _ENDS))}"
        raise InvalidArgument(msg)
    first, last = _span("near", low, high)
    spot = draw(_SPOT)
    if spot % 2:
        return _back_to(low, first + (spot >> 1) % (last - first + 1))
    step = (spot >> 1) % 4
    if ends == "high" or (ends == "both" and step >= 2):
        return _back_to(low, max(last - step % 2, first))
    return _back_to(low, min(first + step % 2, last))


@overload
def between(draw: st.DrawFn, low: int, high: int) -> int: ...


@overload
def between(draw: st.DrawFn, low: date, high: date) -> date: ...


def between(draw: st.DrawFn, low: int | date, high: int | date) -> int | date:
    """Draw an integer or a date from *low* to *high* (both included), in one draw.

    The values are spread evenly over the range, none favoured; a draw shrinks to
    *low*.  Use it for what no condition looks at closely (a birth date well inside
    the ages allowed, a serial number), and :func:`near` for a value at a threshold.

    Raises:
        hypothesis.errors.InvalidArgument: *low* is above *high*, or they are not
            two integers or two dates.
    """
    first, last = _span("between", low, high)
    return _back_to(low, first + draw(_SPOT) % (last - first + 1))


@functools.lru_cache(maxsize=512)
def _indexes(count: int) -> "st.SearchStrategy[int]":
    return st.integers(0, count - 1)


@functools.lru_cache(maxsize=256)
def _ordered(items: frozenset[Any]) -> tuple[Any, ...]:
    """*items* in a fixed order: an enumeration's members as declared, else by text."""
    members = [item for item in items if isinstance(item, enum.Enum)]
    if members and len(members) == len(items):
        order = {member: index for index, member in enumerate(type(members[0]))}
        if all(member in order for member in members):
            return tuple(sorted(members, key=order.__getitem__))
    return tuple(sorted(items, key=str))


def _sequence(items: Sequence[T] | AbstractSet[T]) -> Sequence[T]:
    if isinstance(items, AbstractSet):
        return _ordered(frozenset(items))
    return items


def pick(draw: st.DrawFn, items: Sequence[T] | AbstractSet[T]) -> T:
    """Draw one of *items*, in one draw; a draw shrinks to the first item.

    A set (a figure such as the kinds a rule accepts) is put in a fixed order first:
    an enumeration's members in the order they are declared, anything else by its
    text, so that a failing example replays the same way in the next run.  A single
    item is returned without drawing.

    Raises:
        hypothesis.errors.InvalidArgument: *items* is empty.

    Example:
        >>> from hypothesis import given, strategies as st
        >>> from skillchain import SkillLevel
        >>> from skillchain.testing.strategies import pick
        >>> levels = frozenset({SkillLevel.ADVANCED, SkillLevel.INTERMEDIATE})
        >>> @given(st.data())
        ... def test_pick(data):
        ...     assert data.draw(st.composite(lambda draw: pick(draw, levels))()) in levels
        >>> test_pick()
    """
    found = _sequence(items)
    count = len(found)
    if count == 1:
        return found[0]
    if not count:
        msg = "pick() needs at least one item to pick from"
        raise InvalidArgument(msg)
    return found[draw(_indexes(count))]


@functools.lru_cache(maxsize=512)
def _stride(count: int) -> int:
    """A step about a fifth of *count* that shares no factor with it."""
    step = max(count // 5, 1)
    while math.gcd(step, count) != 1:
        step += 1
    return step


def distinct(
    draw: st.DrawFn, items: Sequence[T] | AbstractSet[T], count: int
) -> list[T]:
    """Draw *count* different items of *items* (all of them at most), in one draw.

    The items are taken from a drawn first one on, at a fixed step that never comes
    back to an item already taken, so they spread over *items* (different districts
    in a list of codes ordered by district, say).  A set is ordered as :func:`pick`
    orders it.  Items that are equal in *items* twice may both be taken.
    """
    found = _sequence(items)
    size = len(found)
    if size == 0 or count <= 0:
        return []
    start = draw(_indexes(size)) if size > 1 else 0
    step = _stride(size)
    return [found[(start + step * k) % size] for k in range(min(count, size))]


def filler(draw: st.DrawFn) -> random.Random:
    """Draw a seeded source of random choices, in one draw.

    For the many choices no condition turns on (the occupations of unrelated earlier
    claims, the order of a history, the serial of an identity number): however many
    choices it makes, it costs one draw.  Hypothesis does not shrink the choices
    themselves, only the seed (a failure shrinks to the choices of seed 0), so keep
    the values a condition reads to :func:`near`, :func:`between` and :func:`pick`.

    Example:
        >>> from hypothesis import given, strategies as st
        >>> from skillchain.testing.strategies import filler
        >>> @given(st.data())
        ... def test_filler(data):
        ...     rng = data.draw(st.composite(filler)())
        ...     assert rng.choice(("a", "b")) in ("a", "b")
        >>> test_filler()
    """
    return random.Random(draw(_SPOT))  # noqa: S311 - not for security


# --- ages and months ----------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def birth_span(age: int, on: date) -> tuple[date, date]:
    """The earliest and the latest birth date of someone *age* full years old on *on*.

    Ages are counted as the rules count them (:func:`~skillchain.full_years_between`,
    so someone born on 29 February has a birthday on 28 February in a common year).
    The latest birth date is the one of someone who turns *age* on *on*; the
    earliest, of someone who turns ``age + 1`` the day after.  So the latest birth
    date of someone at least 16 on the day is ``birth_span(16, on)[1]``, and the
    earliest of someone at most 60 is ``birth_span(60, on)[0]``.

    Example:
        >>> from datetime import date
        >>> from skillchain.testing.strategies import birth_span
        >>> birth_span(16, date(2024, 6, 1))
        (datetime.date(2007, 6, 2), datetime.date(2008, 6, 1))
    """
    latest = add_months(on, -12 * age)
    while full_years_between(latest + _DAY, on) >= age:
        latest += _DAY
    while full_years_between(latest, on) < age:
        latest -= _DAY
    earliest = add_months(on, -12 * (age + 1)) + _DAY
    while full_years_between(earliest - _DAY, on) <= age:
        earliest -= _DAY
    while full_years_between(earliest, on) > age:
        earliest += _DAY
    return earliest, latest


def born_aged(draw: st.DrawFn, age: int, on: date) -> date:
    """Draw the birth date of someone *age* full years old on *on*, in one draw.

    Often someone who turned *age* that very day or turns ``age + 1`` the next
    (:func:`near` the ends of :func:`birth_span`).
    """
    earliest, latest = birth_span(age, on)
    return near(draw, earliest, latest)


@functools.lru_cache(maxsize=4096)
def latest_start(end: date, months: int) -> date:
    """The latest day from which *months* whole calendar months have passed by *end*.

    That is, the latest ``day`` with ``add_months(day, months) <= end`` (so
    :func:`~skillchain.months_between` from it to *end* is at least *months*):
    the latest start of a tenure of *months* months by a claim on *end*, or the
    latest listing after which a wait of *months* months is over on *end*.  For a
    stretch that counts *end* itself as a day worked, pass the day after it.

    Example:
        >>> from datetime import date
        >>> from skillchain.testing.strategies import latest_start
        >>> latest_start(date(2024, 3, 31), 1), latest_start(date(2023, 2, 28), 1)
        (datetime.date(2024, 2, 29), datetime.date(2023, 1, 31))
    """
    day = add_months(end, -months)
    while add_months(day, months) > end:
        day -= _DAY
    while add_months(day + _DAY, months) <= end:
        day += _DAY
    return day


@functools.lru_cache(maxsize=4096)
def earliest_start(end: date, months: int) -> date:
    """The earliest day from which *months* calendar months reach *end* or later.

    That is, the earliest ``day`` with ``add_months(day, months) >= end``: the
    earliest issue day of a certificate that may still be claimed on *end* within a
    window of *months* months, or the earliest start of classes that still allows a
    request on *end*.

    Example:
        >>> from datetime import date
        >>> from skillchain.testing.strategies import earliest_start
        >>> earliest_start(date(2024, 3, 31), 1), earliest_start(date(2024, 3, 29), 1)
        (datetime.date(2024, 3, 1), datetime.date(2024, 2, 29))
    """
    day = add_months(end, -months)
    while add_months(day, months) < end:
        day += _DAY
    while add_months(day - _DAY, months) >= end:
        day -= _DAY
    return day


# --- identifiers --------------------------------------------------------------------


def resident_born(
    birth: date,
    *,
    serial: int = 0,
    sex: Sex | None = None,
    division: DivisionCode = FUTIAN,
) -> ResidentId:
    """A valid identity number of someone born on *birth*, computed without drawing.

    The number is *division*'s code (Futian's unless given), the birth date and a
    three-digit sequence code, then the check character of GB 11643-1999.  With
    *sex*, the sequence code is ``2 * (serial % 500)``, plus one for a man (the code
    is odd for men and even for women); without it, ``serial % 1000``.  Different
    serials tell apart people born on the same day in the same division.

    Raises:
        InvalidValueError: *birth* is outside the years an identity number allows
            (1800 to 2099).

    Example:
        >>> from datetime import date
        >>> from skillchain import Sex
        >>> from skillchain.testing.strategies import resident_born
        >>> person = resident_born(date(1990, 5, 17), serial=12, sex=Sex.MALE)
        >>> person.reveal(), person.sex.value, person.birth_date
        ('440304199005170258', 'male', datetime.date(1990, 5, 17))
    """
    if sex is None:
        order = serial % 1000
    else:
        order = (serial % 500) * 2 + (1 if sex is Sex.MALE else 0)
    body = f"{division.code}{birth:%Y%m%d}{order:03d}"
    return ResidentId(body + ric.calc_check_digit(body + "0"))


@functools.lru_cache(maxsize=4096)
def credit_code(
    serial: int, *, division: DivisionCode = FUTIAN, kind: str = "91"
) -> CreditCode:
    """A valid credit code of a made-up body registered in *division*, computed.

    *kind* is the code's registration authority and entity category (``"91"`` a
    company, ``"12"`` a public institution such as a college, ``"51"`` a social
    organisation such as an industry association, ``"52"`` a private
    non-enterprise unit such as a private training school); *serial* (0 to 99 999)
    tells bodies of one division and kind apart.  The check character follows
    GB 32100-2015.

    Raises:
        hypothesis.errors.InvalidArgument: *serial* is outside 0 to 99 999.
        InvalidValueError: *kind* is not a listed authority and category.

    Example:
        >>> from skillchain import DivisionCode
        >>> from skillchain.testing.strategies import credit_code
        >>> code = credit_code(7, division=DivisionCode("440305"))
        >>> code.code, code.division
        ('91440305MA5F000075', DivisionCode('440305'))
    """
    if not 0 <= serial <= 99_999:
        msg = f"credit_code(serial={serial!r}): a serial runs from 0 to 99999"
        raise InvalidArgument(msg)
    body = f"{kind}{division.code}MA5F{serial:05d}"
    return CreditCode(body + uscc.calc_check_digit(body))
