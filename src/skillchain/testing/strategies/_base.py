"""Shared pieces of the strategies: argument checks, bounds and small drawers."""

import calendar
import string

from datetime import date
from typing import Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument


T = TypeVar("T")


MIN_DAY: Final = date(1900, 1, 1)


MAX_DAY: Final = date(2100, 12, 31)


POLICY_FIRST: Final = date(2019, 1, 1)


POLICY_LAST: Final = date(2030, 12, 31)


#: The first two digits of every province-level division (GB/T 2260).
PROVINCES: Final = tuple(
    str(n)
    for n in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
    )
)


#: The 31 characters of a unified social credit code (GB 32100-2015: no I, O, Z, S, V).
USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"


FLAGS: Final = st.none() | st.booleans()


NAMES: Final = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L"]), min_size=1, max_size=8
)


IDS: Final = st.text(
    alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=16
).map(lambda s: "x" + s)


def check_strategy(name: str, value: object) -> None:
    """Raise InvalidArgument unless *value* is a strategy or None."""
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = f"{name}={value!r} must be a Hypothesis strategy or None"
        raise InvalidArgument(msg)


def check_bounds(name: str, low: date, high: date) -> None:
    """Raise InvalidArgument unless ``low <= high`` are dates."""
    bounds: tuple[object, ...] = (low, high)
    for bound in bounds:
        if not isinstance(bound, date) or hasattr(bound, "hour"):
            msg = f"{name} bounds must be datetime.date values, got {bound!r}"
            raise InvalidArgument(msg)
    if low > high:
        msg = f"{name}: the lower bound {low} is after the upper bound {high}"
        raise InvalidArgument(msg)


def either(
    strategy: "st.SearchStrategy[T] | None", default: "st.SearchStrategy[T]"
) -> "st.SearchStrategy[T]":
    return default if strategy is None else strategy


def optional(strategy: "st.SearchStrategy[T]") -> "st.SearchStrategy[T | None]":
    return st.none() | strategy


def dates_between(low: date, high: date) -> st.SearchStrategy[date]:
    """Dates from *low* to *high*, often a month's first or last day."""

    @st.composite
    def draw_day(draw: st.DrawFn) -> date:
        day = draw(st.dates(min_value=low, max_value=high))
        edge = draw(st.sampled_from(["any", "first", "last"]))
        if edge == "first":
            day = day.replace(day=1)
        elif edge == "last":
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return min(max(day, low), high)

    return draw_day()
