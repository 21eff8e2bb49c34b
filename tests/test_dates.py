"""Tests for month arithmetic and DateRange."""

import calendar

from datetime import date, datetime

import pytest

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    DateRange,
    InvalidValueError,
    add_months,
    full_years_between,
    months_between,
)
from skillchain.testing.strategies import date_ranges


_YEARS = st.integers(1900, 2100)
_MONTHS = st.integers(1, 12)
_LEAP_YEARS = [year for year in range(1900, 2101) if calendar.isleap(year)]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


#: Days of 1900-2100 that stress month arithmetic: as often as any day, a month's
#: first day, its last day, or 29 February.
DAYS = st.one_of(
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.builds(date, _YEARS, _MONTHS, st.just(1)),
    st.builds(_month_end, _YEARS, _MONTHS),
    st.sampled_from(_LEAP_YEARS).map(lambda year: date(year, 2, 29)),
)


# --- months_between, full_years_between, add_months: hand-worked ---------------------


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 1, 15), date(2024, 2, 14), 0),
        (date(2024, 1, 15), date(2024, 2, 15), 1),
        (date(2024, 1, 31), date(2024, 2, 28), 0),
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2023, 1, 31), date(2023, 2, 28), 1),
        (date(2024, 2, 29), date(2024, 3, 28), 0),
        (date(2024, 2, 29), date(2024, 3, 29), 1),
        (date(2024, 2, 29), date(2025, 2, 28), 12),
        (date(2023, 8, 15), date(2025, 12, 31), 28),
        (date(2024, 1, 1), date(2024, 1, 1), 0),
        (date(2024, 2, 14), date(2024, 1, 15), 0),
        (date(2024, 2, 15), date(2024, 1, 15), -1),
        (date(2024, 3, 31), date(2024, 2, 29), -1),
        (date(2024, 3, 30), date(2024, 2, 29), -1),
        (date(2024, 3, 29), date(2024, 2, 29), -1),
        (date(2024, 3, 28), date(2024, 2, 29), 0),
    ],
)
def test_months_between_hand_worked(start: date, end: date, months: int) -> None:
    """Whole months, with month-end clamping as relativedelta does it."""
    assert months == months_between(start, end)
    rd = relativedelta(end, start)
    assert months == rd.years * 12 + rd.months


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(2000, 2, 29), date(2018, 2, 27), 17),
        (date(2000, 2, 29), date(2018, 2, 28), 18),
        (date(2000, 2, 29), date(2020, 2, 28), 19),
        (date(2000, 2, 29), date(2020, 2, 29), 20),
        (date(1990, 6, 30), date(2025, 6, 29), 34),
        (date(1990, 6, 30), date(2025, 6, 30), 35),
        (date(2025, 6, 30), date(1990, 7, 1), -34),
        (date(2025, 6, 30), date(1990, 6, 30), -35),
    ],
)
def test_full_years_between_hand_worked(start: date, end: date, years: int) -> None:
    """Ages: a 29 February birthday counts on 28 February in common years."""
    assert years == full_years_between(start, end)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 1, 15), -13, date(2022, 12, 15)),
        (date(2024, 12, 1), 1, date(2025, 1, 1)),
        (date(2024, 5, 20), 0, date(2024, 5, 20)),
    ],
)
def test_add_months_hand_worked(day: date, months: int, expected: date) -> None:
    """Adding months keeps the day, clamped to the end of a shorter month."""
    assert expected == add_months(day, months)


def test_add_months_out_of_range_is_an_invalid_value() -> None:
    """A result beyond year 9999 is refused, naming the months argument."""
    with pytest.raises(InvalidValueError, match=r"^months: 9999-12-01 plus 1 months"):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(InvalidValueError, match="is in year 0"):
        add_months(date(1, 1, 1), -1)


@pytest.mark.parametrize("months", [1.0, True, "1"])
def test_add_months_rejects_non_int_months(months: object) -> None:
    """months must be an int (not a float, bool or string)."""
    with pytest.raises(InvalidValueError, match=r"^months: got a value of type"):
        add_months(date(2024, 1, 1), months)  # type: ignore[arg-type]


def test_datetimes_are_refused() -> None:
    """A datetime is refused: its time of day would change whole-month counts."""
    noon = datetime(2024, 1, 31, 12)
    with pytest.raises(
        InvalidValueError, match=r"^start: got a value of type datetime"
    ):
        months_between(noon, date(2024, 2, 29))
    with pytest.raises(InvalidValueError, match=r"^end: .*\(call \.date\(\) on it\)"):
        full_years_between(date(2024, 1, 31), noon)
    with pytest.raises(InvalidValueError, match=r"^day: "):
        add_months(noon, 1)
    with pytest.raises(InvalidValueError, match=r"^DateRange.start: "):
        DateRange(noon)


# --- agreement with relativedelta over generated dates ------------------------------


@given(st.tuples(DAYS, DAYS))
def test_months_and_years_agree_with_relativedelta(pair: tuple[date, date]) -> None:
    """months_between and full_years_between equal relativedelta for all pairs."""
    start, end = pair
    rd = relativedelta(end, start)
    assert rd.years * 12 + rd.months == months_between(start, end)
    assert rd.years == full_years_between(start, end)


@given(DAYS, st.integers(-2400, 2400))
def test_add_months_agrees_with_relativedelta(day: date, months: int) -> None:
    """add_months equals day + relativedelta(months=months)."""
    assert day + relativedelta(months=months) == add_months(day, months)


@given(st.tuples(DAYS, DAYS))
def test_months_between_is_the_largest_whole_count(pair: tuple[date, date]) -> None:
    """Adding the count does not pass the end; adding one more month does."""
    start, end = pair
    months = months_between(start, end)
    step = 1 if end >= start else -1
    if step == 1:
        assert add_months(start, months) <= end < add_months(start, months + 1)
    else:
        assert add_months(start, months) >= end > add_months(start, months - 1)


# --- DateRange ----------------------------------------------------------------------


def test_date_range_ends_are_inclusive() -> None:
    """Both the first and the last day are in the range; the days outside are not."""
    in_force = DateRange(date(2023, 8, 15), date(2025, 12, 31))
    assert date(2023, 8, 15) in in_force
    assert date(2025, 12, 31) in in_force
    assert date(2023, 8, 14) not in in_force
    assert date(2026, 1, 1) not in in_force
    assert str(in_force) == "2023-08-15 to 2025-12-31"


def test_one_day_and_open_ended_ranges() -> None:
    """end == start is one day; end=None runs for ever."""
    one_day = DateRange(date(2024, 2, 29), date(2024, 2, 29))
    assert date(2024, 2, 29) in one_day
    assert date(2024, 3, 1) not in one_day
    open_ended = DateRange(date(2024, 1, 1))
    assert open_ended.end is None
    assert date(9999, 12, 31) in open_ended
    assert date(2023, 12, 31) not in open_ended
    assert str(open_ended) == "2024-01-01 onwards"


def test_date_range_rejects_an_end_before_its_start() -> None:
    """An end before the start is an InvalidValueError explaining inclusivity."""
    with pytest.raises(InvalidValueError, match=r"^DateRange: ") as info:
        DateRange(date(2025, 1, 1), date(2024, 12, 31))
    assert info.value.problem == "end 2024-12-31 is before start 2025-01-01"
    assert "the end is inclusive" in info.value.expected


def test_date_range_rejects_a_non_date_end() -> None:
    """An end that is not a date is refused by its validator."""
    with pytest.raises(
        InvalidValueError, match=r"^DateRange.end: got a value of type str"
    ):
        DateRange(date(2025, 1, 1), "2025-12-31")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            DateRange(date(2024, 1, 1), date(2024, 12, 31)),
            DateRange(date(2024, 12, 31), date(2025, 6, 30)),
            DateRange(date(2024, 12, 31), date(2024, 12, 31)),
        ),
        (
            DateRange(date(2024, 1, 1), date(2024, 12, 31)),
            DateRange(date(2025, 1, 1)),
            None,
        ),
        (
            DateRange(date(2024, 1, 1)),
            DateRange(date(2023, 1, 1)),
            DateRange(date(2024, 1, 1)),
        ),
        (
            DateRange(date(2023, 8, 15), date(2025, 12, 31)),
            DateRange(date(2024, 3, 1), date(2024, 3, 31)),
            DateRange(date(2024, 3, 1), date(2024, 3, 31)),
        ),
        (
            DateRange(date(2024, 1, 1)),
            DateRange(date(2023, 1, 1), date(2024, 6, 30)),
            DateRange(date(2024, 1, 1), date(2024, 6, 30)),
        ),
    ],
)
def test_intersection_hand_worked(
    a: DateRange, b: DateRange, expected: DateRange | None
) -> None:
    """Touching ranges share their common day; disjoint ones share nothing."""
    assert expected == a.intersection(b)
    assert expected == b.intersection(a)
    assert (expected is not None) == a.overlaps(b)


@given(date_ranges(), date_ranges(), DAYS)
def test_intersection_contains_exactly_the_common_days(
    a: DateRange, b: DateRange, day: date
) -> None:
    """A day is in the intersection iff it is in both ranges."""
    common = a.intersection(b)
    assert (day in a and day in b) == (common is not None and day in common)
    assert a.overlaps(b) == b.overlaps(a) == (common is not None)


@given(date_ranges())
def test_ranges_overlap_themselves(rng: DateRange) -> None:
    """A range is its own intersection and contains its start and end."""
    assert rng == rng.intersection(rng)
    assert rng.start in rng
    assert rng.end is None or rng.end in rng


# --- the last day a date can hold ----------------------------------------------------


def test_months_through_the_last_day_a_date_can_hold() -> None:
    """Whole months to 9999-12-31 inclusive, whose next day does not exist."""
    from skillchain._dates import days_apart, months_through

    assert months_through(date(9999, 1, 1), date.max) == 12
    assert months_through(date(9999, 1, 2), date.max) == 11
    assert months_through(date(2024, 1, 1), date(2024, 12, 31)) == 12
    assert months_through(date(2024, 1, 15), date(2024, 2, 14)) == 1
    assert days_apart(date(9999, 12, 30), date.max) == 1
    assert days_apart(date.max, date.min) == date.min.toordinal() - date.max.toordinal()


@given(DAYS, DAYS)
def test_months_through_is_months_to_the_next_day(first: date, last: date) -> None:
    """months_through(a, b) == months_between(a, b + 1 day) wherever b + 1 exists."""
    from datetime import timedelta

    from skillchain._dates import months_through

    if last < date.max:
        assert months_through(first, last) == months_between(
            first, last + timedelta(days=1)
        )


def test_add_months_past_the_calendar_is_an_invalid_value() -> None:
    """Adding months to 9999-12-31 is refused as an InvalidValueError, not an overflow."""
    with pytest.raises(InvalidValueError, match="months"):
        add_months(date.max, 1)
    with pytest.raises(InvalidValueError, match="months"):
        add_months(date.min, -1)
    with pytest.raises(InvalidValueError, match="months"):
        add_months(date(2024, 1, 1), 10**30)
