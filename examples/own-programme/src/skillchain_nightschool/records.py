"""The record the evening-voucher rules decide: one person's enrolment on one course."""

from datetime import date

import attrs

from skillchain import ResidentId


__all__ = ["EveningEnrolment"]


# A whole number of hours, 0 or more.
_HOURS = [attrs.validators.instance_of(int), attrs.validators.ge(0)]


@attrs.frozen(kw_only=True)
class EveningEnrolment:
    """A person's enrolment on one evening skills course.

    Example:
        >>> from datetime import date
            >>> from skillchain import ResidentId
        >>> from skillchain_nightschool import EveningEnrolment
        >>> EveningEnrolment(person=ResidentId("11010519491231002X"),
        ...     course_start=date(2025, 9, 1), course_hours=48).attended_hours is None
        True
    """

    person: ResidentId
    """Who enrolled (the identity number gives the birth date)."""
    course_start: date
    """The day the course starts: the figures of that day apply."""
    course_hours: int = attrs.field(validator=_HOURS)
    """The hours the course runs."""
    resident: bool | None = None
    """Whether the person lives in the district (``None``: not known)."""
    other_funding: bool | None = None
    """Whether the course is already paid for by another public fund."""
    attended_hours: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(_HOURS)
    )
    """The hours the person attended (``None``: not reported yet)."""
