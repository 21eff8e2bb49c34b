"""Case recipes of the evening-voucher rules, for skillchain's testing kit.

Importing this module (it needs the ``test`` extra: Hypothesis) registers a recipe
for each rule, so ``skillchain.testing.strategies.cases("nightschool.voucher",
outcome="eligible")`` draws eligible vouchers, and the contract every rule keeps
can be checked on the programme's rules.
"""

from datetime import date, timedelta
from decimal import ROUND_CEILING
from typing import Any

from hypothesis import strategies as st

from skillchain.testing.strategies import (
    CaseRecipe,
    Facts,
    Setting,
    at_least,
    below,
    birth_span,
    near,
    register_recipe,
    resident_born,
)
from skillchain_nightschool.records import EveningEnrolment


__all__ = ["ENROLMENT", "VOUCHER", "register"]


def _of_age(setting: Setting, start: date) -> date:
    """The latest birth date of someone of the minimum age when the course starts."""
    return birth_span(setting.value("nightschool.min_age", day=start), start)[1]


def _enrolled(draw: st.DrawFn, setting: Setting) -> EveningEnrolment:
    # A course that started on a day the measures give figures for, by the day.
    first = setting.policy.parameter("nightschool.min_age").values[0].period
    assert first is not None  # noqa: S101 - a policy's values have periods
    start = near(draw, first.start, setting.on, ends="high")
    # Old enough on the day the course starts: most often exactly of age that day.
    latest = _of_age(setting, start)
    born = near(draw, latest - timedelta(days=60 * 365), latest, ends="high")
    return EveningEnrolment(
        person=resident_born(born),
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
    # Too young on the first day: most often a day short of the minimum age.
    born = near(draw, _of_age(setting, start) + timedelta(days=1), start, ends="low")
    return {"enrolment": _changed(enrolment, person=resident_born(born))}


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
