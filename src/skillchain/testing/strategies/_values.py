"""Strategies of the value types: codes, identity numbers, dates, amounts."""

from datetime import date
from decimal import Decimal
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.cn import ric, uscc

from skillchain import (
    CreditCode,
    DateRange,
    DivisionCode,
    EntityCategory,
    OccupationCode,
    RegistrationAuthority,
    ResidentId,
    Rounding,
    RoundingMode,
    Sex,
    SkillLevel,
)
from skillchain.testing.strategies._base import (
    MAX_DAY,
    MIN_DAY,
    PROVINCES,
    USCC_ALPHABET,
    check_bounds,
    check_strategy,
    dates_between,
    either,
)


def division_codes(*, level: str | None = None) -> st.SearchStrategy[DivisionCode]:
    """Draw division codes of GB/T 2260 shape (区划代码).

    Args:
        level: ``"province"``, ``"prefecture"`` or ``"county"``; any level if None.

    Raises:
        hypothesis.errors.InvalidArgument: *level* is none of those.
    """
    if level not in {None, "province", "prefecture", "county"}:
        msg = f"level={level!r} must be 'province', 'prefecture', 'county' or None"
        raise InvalidArgument(msg)

    levels = st.sampled_from(["province", "prefecture", "county"])
    prefixes = st.sampled_from(PROVINCES)
    pairs = st.integers(1, 99)

    @st.composite
    def draw_code(draw: st.DrawFn) -> DivisionCode:
        chosen = level or draw(levels)
        prefix = draw(prefixes)
        if chosen == "province":
            return DivisionCode(prefix + "0000")
        prefecture = draw(pairs)
        county = 0 if chosen == "prefecture" else draw(pairs)
        return DivisionCode(f"{prefix}{prefecture:02d}{county:02d}")

    return draw_code()


#: The birth dates a ResidentId accepts (century digits 18, 19 and 20).
_BIRTHS: Final = (date(1800, 1, 1), date(2099, 12, 31))


def resident_ids(
    *,
    min_birth: date = MIN_DAY,
    max_birth: date = _BIRTHS[1],
    sex: "st.SearchStrategy[Sex] | None" = None,
    divisions: "st.SearchStrategy[DivisionCode] | None" = None,
) -> st.SearchStrategy[ResidentId]:
    """Draw resident identity numbers (公民身份号码) with a computed check character.

    The check character follows GB 11643-1999 (``stdnum.cn.ric``).  A drawn number's
    ``repr`` is masked, as every :class:`~skillchain.ResidentId`'s is.

    Args:
        min_birth: The earliest birth date (1900-01-01 unless given; not before
            1800-01-01).
        max_birth: The latest birth date (not after 2099-12-31).
        sex: The sexes to draw; either if None.
        divisions: The divisions of issue; any GB/T 2260 code if None.

    Raises:
        hypothesis.errors.InvalidArgument: A bound is not a date, the bounds are
            reversed or outside the birth dates a number can hold, or an option
            is not a strategy.
    """
    check_bounds("birth", min_birth, max_birth)
    if min_birth < _BIRTHS[0] or max_birth > _BIRTHS[1]:
        msg = (
            f"birth bounds {min_birth} to {max_birth} reach outside "
            f"{_BIRTHS[0]} to {_BIRTHS[1]}, the birth dates a ResidentId accepts"
        )
        raise InvalidArgument(msg)
    check_strategy("sex", sex)
    check_strategy("divisions", divisions)
    sexes = either(sex, st.sampled_from(Sex))
    places = either(divisions, division_codes())

    @st.composite
    def draw_id(draw: st.DrawFn) -> ResidentId:
        division = draw(places)
        birth = draw(st.dates(min_value=min_birth, max_value=max_birth))
        sequence = draw(st.integers(0, 499)) * 2
        if draw(sexes) is Sex.MALE:
            sequence += 1
        body = f"{division.code}{birth:%Y%m%d}{sequence:03d}"
        return ResidentId(body + ric.calc_check_digit(body + "0"))

    return draw_id()


#: The entity categories of each authority that lists some, ready to draw.
_CATEGORIES: Final = {
    authority: st.sampled_from(listed)
    for authority in RegistrationAuthority
    if (listed := [c for c in EntityCategory if c.authority is authority])
}


def credit_codes(
    *,
    authority: "st.SearchStrategy[RegistrationAuthority] | None" = None,
    divisions: "st.SearchStrategy[DivisionCode] | None" = None,
) -> st.SearchStrategy[CreditCode]:
    """Draw unified social credit codes (统一社会信用代码) with a computed check character.

    The check character follows GB 32100-2015 (``stdnum.cn.uscc``).  Authorities with
    listed entity categories get one of those categories.

    Args:
        authority: The registration authorities to draw; any if None.
        divisions: The divisions of registration; any GB/T 2260 code if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("authority", authority)
    check_strategy("divisions", divisions)
    authorities = either(authority, st.sampled_from(RegistrationAuthority))
    places = either(divisions, division_codes())
    any_category = st.sampled_from(USCC_ALPHABET)
    subjects = st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9)

    @st.composite
    def draw_code(draw: st.DrawFn) -> CreditCode:
        chosen = draw(authorities)
        listed = _CATEGORIES.get(chosen)
        category = draw(any_category) if listed is None else draw(listed).code
        division = draw(places)
        subject = draw(subjects)
        body = f"{chosen.code}{category}{division.code}{subject}"
        return CreditCode(body + uscc.calc_check_digit(body))

    return draw_code()


def occupation_codes(
    *, detail: bool | None = None
) -> st.SearchStrategy[OccupationCode]:
    """Draw occupation codes of the 2022 职业分类大典 shape (``d-dd-dd-dd``).

    Args:
        detail: Only detailed occupations (细类, True), none (False), or either (None).

    Raises:
        hypothesis.errors.InvalidArgument: *detail* is not a bool or None.
    """
    raw: object = detail
    if raw is not None and not isinstance(raw, bool):
        msg = f"detail={detail!r} must be True, False or None"
        raise InvalidArgument(msg)

    @st.composite
    def draw_code(draw: st.DrawFn) -> OccupationCode:
        major = draw(st.integers(1, 8))
        depth = 3 if detail else draw(st.integers(0, 2 if detail is False else 3))
        groups = [draw(st.integers(1, 99)) if i < depth else 0 for i in range(3)]
        return OccupationCode(f"{major}-" + "-".join(f"{g:02d}" for g in groups))

    return draw_code()


def skill_levels(*, national: bool = False) -> st.SearchStrategy[SkillLevel]:
    """Draw skill levels (技能等级).

    Args:
        national: Only the five national grades (五级 … 一级) if True.
    """
    if national:
        return st.sampled_from(
            [
                SkillLevel.ELEMENTARY,
                SkillLevel.INTERMEDIATE,
                SkillLevel.ADVANCED,
                SkillLevel.TECHNICIAN,
                SkillLevel.SENIOR_TECHNICIAN,
            ]
        )
    return st.sampled_from(SkillLevel)


def date_ranges(
    *,
    min_value: date = MIN_DAY,
    max_value: date = MAX_DAY,
    open_ended: bool | None = None,
) -> st.SearchStrategy[DateRange]:
    """Draw date ranges (inclusive ends, ``end >= start``), often on month edges.

    Args:
        min_value: The earliest start and end.
        max_value: The latest start and end.
        open_ended: Always (True) or never (False) an open end; either if None.

    Raises:
        hypothesis.errors.InvalidArgument: A bound is not a date or the bounds are reversed.
    """
    check_bounds("date_ranges", min_value, max_value)
    days = dates_between(min_value, max_value)

    @st.composite
    def draw_range(draw: st.DrawFn) -> DateRange:
        first = draw(days)
        is_open = draw(st.booleans()) if open_ended is None else open_ended
        if is_open:
            return DateRange(first, None)
        second = draw(days)
        return DateRange(min(first, second), max(first, second))

    return draw_range()


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 10**7, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Draw finite amounts in yuan with at most *places* decimal places.

    Args:
        min_value: The smallest amount.
        max_value: The largest amount.
        places: The most decimal places.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are reversed or *places* is negative.
    """
    if places < 0 or Decimal(min_value) > Decimal(max_value):
        msg = f"amounts: need places >= 0 and min_value <= max_value, got {places}, {min_value}, {max_value}"
        raise InvalidArgument(msg)
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def roundings() -> st.SearchStrategy[Rounding]:
    """Draw rounding rules: a power-of-ten quantum from 0.01 to 100 and any mode."""
    return st.builds(
        Rounding,
        quantum=st.sampled_from(
            [Decimal("0.01"), Decimal("0.1"), Decimal(1), Decimal(10), Decimal(100)]
        ),
        mode=st.sampled_from(RoundingMode),
    )
