"""Hypothesis strategies for skillchain's value types (internal to the tests for now).

Every strategy builds valid values by construction (check characters are computed,
dates are drawn from real months), so none of them filters.
"""

import calendar

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from skillchain import (
    CreditCode,
    DateRange,
    DivisionCode,
    EntityCategory,
    OccupationCode,
    RegistrationAuthority,
    ResidentId,
    Sex,
)
from skillchain._identifiers import CREDIT_CODE_ALPHABET


__all__ = [
    "PROVINCE_PREFIXES",
    "amounts",
    "calendar_dates",
    "credit_codes",
    "date_pairs",
    "date_ranges",
    "division_codes",
    "occupation_codes",
    "resident_ids",
]

#: The first two digits of every province-level division (GB/T 2260).
PROVINCE_PREFIXES: tuple[str, ...] = tuple(
    f"{n}"
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

_LEAP_YEARS = tuple(y for y in range(1, 10000) if calendar.isleap(y))


@st.composite
def division_codes(draw: st.DrawFn, *, level: str | None = None) -> DivisionCode:
    """Draw division codes of GB/T 2260 shape.

    Args:
        draw: Supplied by Hypothesis.
        level: ``"province"``, ``"prefecture"`` or ``"county"``; any level if None.
    """
    chosen = level or draw(st.sampled_from(["province", "prefecture", "county"]))
    prefix = draw(st.sampled_from(PROVINCE_PREFIXES))
    if chosen == "province":
        return DivisionCode(prefix + "0000")
    prefecture = draw(st.integers(1, 99))
    county = 0 if chosen == "prefecture" else draw(st.integers(1, 99))
    return DivisionCode(f"{prefix}{prefecture:02d}{county:02d}")


@st.composite
def calendar_dates(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100
) -> date:
    """Draw dates, often a month's first or last day or 29 February.

    Args:
        draw: Supplied by Hypothesis.
        min_year: The earliest year.
        max_year: The latest year.
    """
    kind = draw(st.sampled_from(["any", "first", "last", "leap_day"]))
    leap_years = [y for y in _LEAP_YEARS if min_year <= y <= max_year]
    if kind == "leap_day" and leap_years:
        return date(draw(st.sampled_from(leap_years)), 2, 29)
    year = draw(st.integers(min_year, max_year))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if kind == "first":
        return date(year, month, 1)
    if kind == "last":
        return date(year, month, last)
    return date(year, month, draw(st.integers(1, last)))


def date_pairs(
    *, min_year: int = 1900, max_year: int = 2100
) -> st.SearchStrategy[tuple[date, date]]:
    """Draw pairs of dates in either order (often month ends and 29 February).

    Args:
        min_year: The earliest year.
        max_year: The latest year.
    """
    one = calendar_dates(min_year=min_year, max_year=max_year)
    return st.tuples(one, one)


@st.composite
def date_ranges(
    draw: st.DrawFn,
    *,
    min_year: int = 1900,
    max_year: int = 2100,
    open_ended: bool | None = None,
) -> DateRange:
    """Draw date ranges (inclusive end, ``end >= start``).

    Args:
        draw: Supplied by Hypothesis.
        min_year: The earliest year of the start and end.
        max_year: The latest year of the start and end.
        open_ended: Force (True) or forbid (False) an open end; either if None.
    """
    first = draw(calendar_dates(min_year=min_year, max_year=max_year))
    is_open = draw(st.booleans()) if open_ended is None else open_ended
    if is_open:
        return DateRange(first, None)
    second = draw(calendar_dates(min_year=min_year, max_year=max_year))
    return DateRange(min(first, second), max(first, second))


@st.composite
def resident_ids(
    draw: st.DrawFn,
    *,
    min_birth: date = date(1900, 1, 1),
    max_birth: date = date(2099, 12, 31),
    sex: Sex | None = None,
) -> ResidentId:
    """Draw resident identity numbers with a computed check character.

    Args:
        draw: Supplied by Hypothesis.
        min_birth: The earliest birth date.
        max_birth: The latest birth date.
        sex: The sex; either if None.
    """
    division = draw(division_codes())
    birth = draw(st.dates(min_value=min_birth, max_value=max_birth))
    sequence = draw(st.integers(0, 499)) * 2
    if (sex or draw(st.sampled_from(Sex))) is Sex.MALE:
        sequence += 1
    body = (
        f"{division.code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    )
    return ResidentId(body + ric.calc_check_digit(body + "0"))


@st.composite
def credit_codes(
    draw: st.DrawFn, *, authority: RegistrationAuthority | None = None
) -> CreditCode:
    """Draw unified social credit codes with a computed check character.

    Authorities with listed entity categories get one of those categories; the
    others get any category character.

    Args:
        draw: Supplied by Hypothesis.
        authority: The registration authority; any if None.
    """
    chosen = authority or draw(st.sampled_from(RegistrationAuthority))
    listed = [c for c in EntityCategory if c.authority is chosen]
    if listed:
        category = draw(st.sampled_from(listed)).code
    else:
        category = draw(st.sampled_from(CREDIT_CODE_ALPHABET))
    division = draw(division_codes())
    subject = draw(st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=9, max_size=9))
    body = f"{chosen.code}{category}{division.code}{subject}"
    return CreditCode(body + uscc.calc_check_digit(body))


@st.composite
def occupation_codes(draw: st.DrawFn, *, detail: bool | None = None) -> OccupationCode:
    """Draw occupation codes of the 2022 大典 shape.

    Args:
        draw: Supplied by Hypothesis.
        detail: Force (True) or forbid (False) a detailed occupation; either if None.
    """
    major = draw(st.integers(1, 8))
    depth = 3 if detail else draw(st.integers(0, 2 if detail is False else 3))
    groups = [draw(st.integers(1, 99)) if i < depth else 0 for i in range(3)]
    return OccupationCode(f"{major}-" + "-".join(f"{g:02d}" for g in groups))


def amounts(*, places: int = 2, max_abs: int = 10**9) -> st.SearchStrategy[Decimal]:
    """Draw finite amounts in yuan with at most ``places`` decimal places.

    Args:
        places: The most decimal places.
        max_abs: The largest absolute value.
    """
    return st.decimals(
        min_value=-max_abs,
        max_value=max_abs,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )
