"""Case recipes of the evening-voucher rules, for skillchain's testing kit.

Importing this module (it needs the ``test`` extra: Hypothesis) registers a recipe
for each rule, so ``skillchain.testing.strategies.cases("nightschool.voucher",
outcome="eligible")`` draws eligible vouchers, and the contract every rule keeps
can be checked on the programme's rules.
"""

import calendar

from datetime import date, timedelta
from decimal import ROUND_CEILING
from typing import Any

from hypothesis import strategies as st

from skillchain.testing.strategies import (
    CaseRecipe,
    Setting,
    at_least,
    at_most,
    below,
    register_recipe,
    resident_ids,
)
from skillchain_nightschool.records import EveningEnrolment


__all__ = ["ENROLMENT", "VOUCHER", "register"]

Facts = dict[str, Any]
_FIRST = date(2025, 3, 1)
"""The first day the illustrative measures give figures for."""


def _years_before(day: date, years: int) -> date:
    """The same day *years* earlier (28 February for a 29 February in a common year)."""
    year = day.year - years
    return day.replace(
        year=year, day=min(day.day, calendar.monthrange(year, day.month)[1])
    )


def _enrolled(draw: st.DrawFn, setting: Setting) -> EveningEnrolment:
    start = draw(at_most(setting.on, least=_FIRST))
    # Old enough on the day the course starts: most often exactly of age that day.
    of_age = _years_before(start, setting.value("nightschool.min_age", day=start))
    born = draw(at_most(of_age, least=_years_before(of_age, 60)))
    return EveningEnrolment(
        person=draw(resident_ids(min_birth=born, max_birth=born)),
        course_start=start,
        course_hours=draw(st.integers(1, 120)),
        resident=True,
        other_funding=False,
    )


def _enrolment(draw: st.DrawFn, setting: Setting) -> Facts:
    return {"enrolment": _enrolled(draw, setting)}


def _least_attended(setting: Setting, enrolment: EveningEnrolment) -> int:
    share = setting.value("nightschool.min_attendance", day=enrolment.course_start)
    return int((share * enrolment.course_hours).to_integral_value(ROUND_CEILING))


def _voucher(draw: st.DrawFn, setting: Setting) -> Facts:
    enrolment = _enrolled(draw, setting)
    least = _least_attended(setting, enrolment)
    attended = draw(at_least(least, most=enrolment.course_hours))
    return {"enrolment": _changed(enrolment, attended_hours=attended)}


def _changed(enrolment: EveningEnrolment, **changes: Any) -> EveningEnrolment:
    fields = {
        "person": enrolment.person,
        "course_start": enrolment.course_start,
        "course_hours": enrolment.course_hours,
        "resident": enrolment.resident,
        "other_funding": enrolment.other_funding,
        "attended_hours": enrolment.attended_hours,
    }
    return EveningEnrolment(**{**fields, **changes})


def _elsewhere(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return {"enrolment": _changed(facts["enrolment"], resident=False)}


def _funded(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return {"enrolment": _changed(facts["enrolment"], other_funding=True)}


def _too_young(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    enrolment: EveningEnrolment = facts["enrolment"]
    start = enrolment.course_start
    of_age = _years_before(start, setting.value("nightschool.min_age", day=start))
    born = draw(at_least(of_age + timedelta(days=1), most=start))
    return {
        "enrolment": _changed(
            enrolment, person=draw(resident_ids(min_birth=born, max_birth=born))
        )
    }


def _absent(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    enrolment: EveningEnrolment = facts["enrolment"]
    least = _least_attended(setting, enrolment)
    return {
        "enrolment": _changed(enrolment, attended_hours=draw(below(least, least=0)))
    }


_ENROLMENT_BREAKS = {
    "nightschool.enrolment.resident": _elsewhere,
    "nightschool.enrolment.age": _too_young,
    "nightschool.enrolment.not_funded": _funded,
}

ENROLMENT = CaseRecipe(
    rule="nightschool.enrolment",
    eligible=_enrolment,
    breaks=_ENROLMENT_BREAKS,
)
"""Enrolment: a resident of age on the course's first day, not otherwise funded."""

VOUCHER = CaseRecipe(
    rule="nightschool.voucher",
    eligible=_voucher,
    breaks={**_ENROLMENT_BREAKS, "nightschool.voucher.attendance": _absent},
)
"""Voucher: an eligible enrolment that attended at least the minimum share."""


def register() -> None:
    """Register both recipes with skillchain's testing kit (harmless when repeated)."""
    register_recipe(ENROLMENT, replace=True)
    register_recipe(VOUCHER, replace=True)


register()
