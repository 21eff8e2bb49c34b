"""Recipes of the public-training rules (公益性职业技能培训, 粤菜师傅 grants)."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain._codes import DivisionCode, OccupationCode
from skillchain.errors import InvalidValueError
from skillchain.model import (
    CantoneseChefDesignation,
    CantoneseChefUnit,
    CourseEnrolment,
    DeliveryMode,
    PartnerRegion,
    PublicTrainingCourse,
    RecognitionLevel,
    ThreeProject,
    TraineeGroup,
    TraineeProfile,
)
from skillchain.testing.strategies._cases import CaseRecipe, Facts, Setting
from skillchain.testing.strategies._draws import (
    between,
    credit_code,
    pick,
    resident_born,
)


__all__ = ["ENROLMENT", "GRANT", "RECIPES"]

_GROUPS: Final = "public_training.admitted_groups"
_PROJECTS: Final = "public_training.project_groups"
_INSURED: Final = "public_training.insured_groups"
_GRANTS: Final = "public_training.cantonese_chef_grants"

_COURSES: Final = {
    None: ("服装设计及制作", None),
    ThreeProject.GUANGDONG_TECHNICIAN: ("建筑装饰模型技术员", None),
    ThreeProject.SOUTHERN_HOUSEKEEPING: ("养老护理员", "4-10-01-05"),
    ThreeProject.CANTONESE_CHEF: ("中式烹调师", "4-03-02-01"),
}
_REGIONS: Final = (
    PartnerRegion(name="潮州市湘桥区"),
    PartnerRegion(name="广西南宁隆安"),
)
_HOURS: Final = (Decimal(16), Decimal(32), Decimal(40), Decimal("60.5"))
_ORGANISER: Final = "福田区人力资源局"
_PROJECT_ORDER: Final = (None, *ThreeProject)


# --- public_training.enrolment ------------------------------------------------------


def _open_to(
    setting: Setting, day: date, project: ThreeProject | None
) -> set[str] | None:
    """The group keys the project's courses are limited to (``None``: no limit)."""
    if project is None:
        return None
    table = setting.value(_PROJECTS, day=day) or {}
    limited = table.get(project.value)
    return None if limited is None else set(limited)


def _course(
    draw: st.DrawFn, project: ThreeProject | None, year: int
) -> PublicTrainingCourse:
    title, code = _COURSES[project]
    return PublicTrainingCourse(
        title=title,
        occupation=None if code is None else OccupationCode(code),
        project=project,
        campaign=pick(draw, (None, "厚植匠心 技益福田", "技益福田 赋能未来")),
        delivery=pick(draw, tuple(DeliveryMode)),
        hours=pick(draw, _HOURS),
        year=year,
        organiser_name=_ORGANISER,
    )


def _profile(
    draw: st.DrawFn, setting: Setting, day: date, group: TraineeGroup
) -> TraineeProfile:
    """A profile of *group*, insured in Shenzhen where its group must be."""
    required = setting.value(_INSURED, day=day) or frozenset()
    insured = True if group in required else pick(draw, (True, False, None))
    region = (
        pick(draw, (None, *_REGIONS)) if group is TraineeGroup.PARTNER_REGION else None
    )
    return TraineeProfile(
        group=group, partner_region=region, insured_in_shenzhen=insured
    )


def _enrolled(draw: st.DrawFn, setting: Setting) -> Facts:
    """An applicant of an admitted group, in a course open to the group, enrolling on the day."""
    day = setting.on
    admitted = setting.value(_GROUPS, day=day) or frozenset()
    if not admitted:
        msg = f"no group is admitted to public training on {day}"
        raise InvalidArgument(msg)
    project = pick(draw, _PROJECT_ORDER)
    limited = _open_to(setting, day, project)
    groups = [g for g in TraineeGroup if g in admitted]
    if limited is not None:
        fitting = [g for g in groups if g.value in limited]
        if not fitting:
            project, fitting = None, groups
        groups = fitting
    group = pick(draw, groups)
    birth = date(day.year - between(draw, 18, 60), 1 + between(draw, 0, 11), 1)
    enrolment = CourseEnrolment(
        person=resident_born(birth, serial=between(draw, 0, 999)),
        course=_course(draw, project, day.year),
        enrolled_on=day,
        trainee=_profile(draw, setting, day, group),
    )
    return {"enrolment": enrolment}


def _with(facts: Facts, **changes: Any) -> Facts:
    enrolment: CourseEnrolment = facts["enrolment"]
    return {"enrolment": attrs.evolve(enrolment, **changes)}


def _not_admitted(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts | None:
    """An applicant of a group the district does not admit (if one is left out)."""
    enrolment: CourseEnrolment = facts["enrolment"]
    admitted = setting.value(_GROUPS, day=enrolment.enrolled_on) or frozenset()
    others = [g for g in TraineeGroup if g not in admitted]
    if not others:
        return None  # every group is admitted: only the policy can fail this
    group = pick(draw, others)
    return _with(facts, trainee=_profile(draw, setting, enrolment.enrolled_on, group))


def _closed_project(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts | None:
    """The course moved to a project whose courses are closed to the applicant's group."""
    enrolment: CourseEnrolment = facts["enrolment"]
    trainee = enrolment.trainee
    if trainee is None or trainee.group is None:
        return None
    day = enrolment.enrolled_on
    closed = [
        project
        for project in ThreeProject
        if (limited := _open_to(setting, day, project)) is not None
        and trainee.group.value not in limited
    ]
    if not closed:
        return None
    project = pick(draw, closed)
    return _with(facts, course=_course(draw, project, enrolment.course.year))


def _uninsured(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts | None:
    """An applicant of an admitted group that must be insured, who is not."""
    enrolment: CourseEnrolment = facts["enrolment"]
    day = enrolment.enrolled_on
    admitted = setting.value(_GROUPS, day=day) or frozenset()
    required = setting.value(_INSURED, day=day) or frozenset()
    groups = [g for g in TraineeGroup if g in admitted and g in required]
    if not groups:
        return None
    group = pick(draw, groups)
    limited = _open_to(setting, day, enrolment.course.project)
    course = enrolment.course
    if limited is not None and group.value not in limited:
        course = _course(draw, None, course.year)
    return _with(
        facts,
        course=course,
        trainee=TraineeProfile(group=group, insured_in_shenzhen=False),
    )


ENROLMENT = CaseRecipe(
    rule="public_training.enrolment",
    eligible=_enrolled,
    breaks={
        "public_training.enrolment.group": _not_admitted,
        "public_training.enrolment.project": _closed_project,
        "public_training.enrolment.insurance": _uninsured,
    },
    # The project's table is read only for a course under a project.
    needs=(_GROUPS, _PROJECTS, _INSURED),
    # Insurance is asked only of the groups that need it: the group is always read.
    unknowns=("enrolment.trainee.group",),
)
"""Enrolment: an admitted group, a course open to it, insured where the group must be."""


# --- public_training.cantonese_chef_grant ------------------------------------------


def _unit_of(
    key: str,
) -> tuple[DivisionCode, RecognitionLevel, CantoneseChefUnit] | None:
    """The city, level and kind a ``city/level/unit`` key names (``None``: not one)."""
    city, _, rest = key.partition("/")
    level, _, unit = rest.partition("/")
    try:
        return DivisionCode(city), RecognitionLevel(level), CantoneseChefUnit(unit)
    except (InvalidValueError, ValueError):
        return None


_LOOK_BACK: Final = 90
"""How many days before the evaluation day a unit may have been designated."""


def _designated(draw: st.DrawFn, setting: Setting) -> Facts:
    """A unit of a kind, level and city the figures in force list, designated by the day."""
    day = setting.on - timedelta(days=between(draw, 0, _LOOK_BACK))
    table = setting.value(_GRANTS, day=day)
    if table is None:
        day = setting.on
        table = setting.value(_GRANTS, day=day) or {}
    units = [found for key in sorted(table) if (found := _unit_of(key)) is not None]
    if not units:
        msg = f"no grant figure of a known unit is in force on {day}"
        raise InvalidArgument(msg)
    city, level, unit = pick(draw, units)
    designation = CantoneseChefDesignation(
        name="某粤菜师傅培训基地"
        if unit is CantoneseChefUnit.TRAINING_BASE
        else "某粤菜师傅大师工作室",
        unit=unit,
        level=level,
        division=city,
        designated_on=day,
        host=pick(draw, (None, credit_code(between(draw, 1, 9)))),
        grant_received=False,
    )
    return {"designation": designation}


def _paid(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """The grant for the designation already paid."""
    del draw, setting
    designation: CantoneseChefDesignation = facts["designation"]
    return {"designation": attrs.evolve(designation, grant_received=True)}


def _not_yet(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A designation after the day judged."""
    designation: CantoneseChefDesignation = facts["designation"]
    later = setting.on + timedelta(days=between(draw, 1, _LOOK_BACK))
    return {"designation": attrs.evolve(designation, designated_on=later)}


GRANT = CaseRecipe(
    rule="public_training.cantonese_chef_grant",
    eligible=_designated,
    breaks={
        "public_training.cantonese_chef_grant.designated": _not_yet,
        "public_training.cantonese_chef_grant.once": _paid,
    },
)
"""The 粤菜师傅 grant: a unit of a kind, level and city with a figure, not yet paid."""

RECIPES: tuple[CaseRecipe, ...] = (ENROLMENT, GRANT)
"""The recipes of the programme's rules."""
