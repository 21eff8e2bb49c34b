"""The programme's parameter group: the figures its rules read, typed."""

from decimal import Decimal

import attrs

from skillchain import Rounding
from skillchain.policy import Resolved, parameter
from skillchain.policy.kinds import COUNT, MONEY, RATIO, ROUNDING, YEARS


__all__ = ["NightSchoolParameters"]


@attrs.frozen(kw_only=True)
class NightSchoolParameters:
    """The evening skills-course voucher's figures on one day (illustrative).

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> from skillchain_nightschool import NightSchoolParameters
        >>> figures = Policy.default().at(date(2026, 1, 5)).of(NightSchoolParameters)
        >>> figures.voucher_per_hour.value
        Decimal('25')
    """

    min_age: Resolved[int] = parameter(YEARS, "years")
    """The youngest age, in full years, at which a person may hold a voucher."""
    min_attendance: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The share of the course's hours a holder must attend to be paid."""
    voucher_per_hour: Resolved[Decimal] = parameter(MONEY, "yuan_per_hour")
    """The voucher paid per hour attended."""
    max_hours: Resolved[int] = parameter(COUNT, "hours")
    """The most hours per person and course the voucher pays for."""
    rounding: Resolved[Rounding] = parameter(ROUNDING, "rounding")
    """How amounts are rounded."""
