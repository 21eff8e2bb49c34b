"""Calendar arithmetic: whole months and years between dates, and date ranges.

Month arithmetic follows :class:`dateutil.relativedelta.relativedelta` exactly
(the property tests check this): adding months clamps to the end of a shorter
month, and a month between two dates is whole when adding it to the start does not
pass the end.  The functions here are plain integer arithmetic with the same
results.
"""

import calendar

from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from typing import Final

import attrs

from skillchain.errors import InvalidValueError


__all__ = [
    "DateRange",
    "add_months",
    "full_years_between",
    "months_between",
]

_DATE_EXPECTED: Final = "a date (not a datetime)"


def _require_date(value: object, field: str) -> date:
    if value.__class__ is date or (
        isinstance(value, date) and not isinstance(value, datetime)
    ):
        return value
    kind = type(value).__name__
    raise InvalidValueError(
        field=field,
        problem=f"got a value of type {kind}"
        + (" (call .date() on it)" if kind == "datetime" else ""),
        expected=_DATE_EXPECTED,
    )


_ONE_DAY: Final = timedelta(days=1)
_DAYS_IN_MONTH: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    # A table, not calendar.monthrange: rules count months on the hot path.
    if month == 2 and calendar.isleap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def months_between(start: date, end: date) -> int:
    """Count the whole calendar months from ``start`` to ``end``.

    A month is whole when adding it to ``start`` (clamped to the end of a shorter
    month, as :func:`add_months` does) does not pass ``end``.  So 2024-01-15 to
    2024-02-14 is 0 months and to 2024-02-15 is 1; 2024-01-31 to 2024-02-29 is 1,
    because one month after 31 January 2024 is 29 February.  The result is
    negative when ``end`` is before ``start``, and equals
    ``rd.years * 12 + rd.months`` for ``rd = relativedelta(end, start)``.

    Args:
        start: The first date.
        end: The second date.

    Returns:
        The signed number of whole months.

    Raises:
        InvalidValueError: If either argument is not a ``date`` (a ``datetime`` is
            refused, since its time of day would change the answer).

    Example:
        >>> from datetime import date
        >>> from skillchain import months_between
        >>> months_between(date(2024, 1, 15), date(2024, 2, 14))
        0
        >>> months_between(date(2024, 1, 31), date(2024, 2, 29))
        1
        >>> months_between(date(2024, 3, 31), date(2024, 2, 29))
        -1
    """
    start = _require_date(start, "start")
    end = _require_date(end, "end")
    months = (end.year - start.year) * 12 + (end.month - start.month)
    # The day `months` months after start, as relativedelta clamps it.
    anchor = min(start.day, _days_in_month(end.year, end.month))
    if end >= start and end.day < anchor:
        months -= 1
    elif end < start and end.day > anchor:
        months += 1
    return months


def months_through(first: date, last: date) -> int:
    """Count the whole calendar months from *first* to *last*, both days included.

    This is ``months_between(first, last + 1 day)``, so 1 January to 31 December is
    twelve months, and it holds on the last day a ``date`` can hold too
    (9999-12-31, whose next day does not exist).

    Example:
        >>> from datetime import date
        >>> from skillchain._dates import months_through
        >>> months_through(date(2024, 1, 1), date(2024, 12, 31))
        12
        >>> months_through(date(9999, 1, 1), date(9999, 12, 31))
        12
    """
    if last == date.max:
        # The day after does not exist; only a first day on the 1st gains a month.
        return months_between(first, last) + (1 if first.day == 1 else 0)
    return months_between(first, last + _ONE_DAY)


def days_apart(earlier: date, later: date) -> int:
    """The number of days from *earlier* to *later* (never overflows, unlike ``+``).

    Example:
        >>> from datetime import date
        >>> from skillchain._dates import days_apart
        >>> days_apart(date(9999, 12, 30), date(9999, 12, 31))
        1
    """
    return later.toordinal() - earlier.toordinal()


def full_years_between(start: date, end: date) -> int:
    """Count the whole years from ``start`` to ``end`` (e.g. an age).

    This is ``relativedelta(end, start).years``: whole months divided by twelve,
    truncated towards zero.  Someone born on 29 February turns one year older on
    28 February of a common year.

    Args:
        start: The first date, e.g. a birth date.
        end: The second date, e.g. the date the age is wanted on.

    Returns:
        The signed number of whole years.

    Raises:
        InvalidValueError: If either argument is not a ``date``.

    Example:
        >>> from datetime import date
        >>> from skillchain import full_years_between
        >>> full_years_between(date(2000, 2, 29), date(2018, 2, 27))
        17
        >>> full_years_between(date(2000, 2, 29), date(2018, 2, 28))
        18
    """
    months = months_between(start, end)
    years = abs(months) // 12
    return years if months >= 0 else -years


def add_months(day: date, months: int) -> date:
    """Add a (possibly negative) number of calendar months to a date.

    The day of month is kept, clamped to the last day of a shorter month; this is
    ``day + relativedelta(months=months)``.

    Args:
        day: The date to start from.
        months: How many months to add.

    Returns:
        The resulting date.

    Raises:
        InvalidValueError: If ``day`` is not a ``date``, ``months`` is not an
            ``int``, or the result is outside years 1-9999.

    Example:
        >>> from datetime import date
        >>> from skillchain import add_months
        >>> add_months(date(2024, 1, 31), 1)
        datetime.date(2024, 2, 29)
        >>> add_months(date(2024, 2, 29), 12)
        datetime.date(2025, 2, 28)
    """
    day = _require_date(day, "day")
    count: object = months
    if isinstance(count, bool) or not isinstance(count, int):
        raise InvalidValueError(
            field="months",
            problem=f"got a value of type {type(count).__name__}",
            expected="an int",
        )
    year, month_index = divmod(day.year * 12 + (day.month - 1) + count, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise InvalidValueError(
            field="months",
            problem=f"{day.isoformat()} plus {count} months is in year {year}",
            expected=f"a result in years {MINYEAR}-{MAXYEAR}",
        )
    month = month_index + 1
    return date(year, month, min(day.day, _days_in_month(year, month)))


def last_day_of_year(year: int) -> date:
    """31 December of *year*: the latest day a thing dated only by its year can fall on.

    Example:
        >>> last_day_of_year(2020)
        datetime.date(2020, 12, 31)
    """
    return date(year, 12, 31)


def _check_start(_instance: object, _attribute: object, value: date) -> None:
    _require_date(value, "DateRange.start")


def _check_end(_instance: object, _attribute: object, value: date | None) -> None:
    if value is not None:
        _require_date(value, "DateRange.end")


@attrs.frozen
class DateRange:
    """A range of days with an inclusive start and an INCLUSIVE end.

    Both ``start`` and ``end`` are days *in* the range, as policy documents state
    them ("in force from 2023-08-15 to 2025-12-31" includes 31 December 2025).
    ``end=None`` means open-ended: every day from ``start`` on.  A one-day range has
    ``end == start``.

    Args:
        start: The first day in the range.
        end: The last day in the range, or ``None`` for no last day.

    Raises:
        InvalidValueError: If ``end`` is before ``start``, or either is not a
            ``date``.

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange
        >>> in_force = DateRange(date(2023, 8, 15), date(2025, 12, 31))
        >>> date(2025, 12, 31) in in_force, date(2026, 1, 1) in in_force
        (True, False)
        >>> print(in_force.intersection(DateRange(date(2025, 1, 1))))
        2025-01-01 to 2025-12-31
    """

    start: date = attrs.field(validator=_check_start)
    """The first day in the range."""
    end: date | None = attrs.field(default=None, validator=_check_end)
    """The last day in the range (inclusive), or ``None`` if open-ended."""

    def __attrs_post_init__(self) -> None:
        """Check that the range is not empty."""
        if self.end is not None and self.end < self.start:
            raise InvalidValueError(
                field="DateRange",
                problem=(
                    f"end {self.end.isoformat()} is before start "
                    f"{self.start.isoformat()}"
                ),
                expected=(
                    "an end on or after the start (the end is inclusive; "
                    "end == start is a one-day range), or None for an open end"
                ),
            )

    def __contains__(self, day: date) -> bool:
        """Return whether ``day`` is in the range (both ends inclusive)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: "DateRange") -> bool:
        """Return whether the two ranges have at least one day in common.

        Args:
            other: Another range.

        Returns:
            ``True`` if some day is in both ranges.  Ranges that only touch, such
            as one ending on 31 December and one starting on 31 December, overlap
            (on that day); one ending on 30 December does not.

        Example:
            >>> from datetime import date
            >>> from skillchain import DateRange
            >>> a = DateRange(date(2024, 1, 1), date(2024, 12, 31))
            >>> a.overlaps(DateRange(date(2024, 12, 31)))
            True
            >>> a.overlaps(DateRange(date(2025, 1, 1)))
            False
        """
        return self.intersection(other) is not None

    def intersection(self, other: "DateRange") -> "DateRange | None":
        """Return the days in both ranges, or ``None`` if there are none.

        Args:
            other: Another range.

        Returns:
            The common range (open-ended only if both are), or ``None``.

        Example:
            >>> from datetime import date
            >>> from skillchain import DateRange
            >>> a = DateRange(date(2024, 1, 1), date(2024, 6, 30))
            >>> a.intersection(DateRange(date(2024, 6, 1), date(2024, 12, 31)))
            DateRange(start=datetime.date(2024, 6, 1), end=datetime.date(2024, 6, 30))
        """
        start = max(self.start, other.start)
        ends = [end for end in (self.end, other.end) if end is not None]
        end = min(ends) if ends else None
        if end is not None and end < start:
            return None
        return DateRange(start, end)

    def __str__(self) -> str:
        """Return ``2023-08-15 to 2025-12-31`` or ``2023-08-15 onwards``."""
        if self.end is None:
            return f"{self.start.isoformat()} onwards"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"
