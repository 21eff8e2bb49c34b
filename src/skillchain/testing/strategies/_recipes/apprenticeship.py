"""Recipes of the enterprise new-type apprenticeship's rules (企业新型学徒制).

The apprentice's and the programme's figures are read on the day the programme's
training starts, the subsidy's on the evaluation day: the drawers here pick the
start first (on a day on which every figure the start decides is in force, near
the evaluation day), then read the figures of that day.  The programme and the
apprentice are drawn by one drawer each, shared by the rules that combine them
(``apprenticeship.case`` holds the programme as ``enrolment.programme``).
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import (
    CreditCode,
    DivisionCode,
    OccupationCode,
    Policy,
    PolicySnapshot,
    SkillLevel,
    add_months,
    months_between,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    Enterprise,
    EnterpriseSize,
    EvaluationQualification,
    HireKind,
    InstitutionKind,
    LabourContract,
    Mentor,
    MentorSide,
    Person,
    ProgrammeStatus,
    SchoolKind,
    SubsidyClaim,
    SubsidyKind,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import PrepaymentScheme, QuotaApplication
from skillchain.testing.strategies._base import POLICY_FIRST
from skillchain.testing.strategies._cases import (
    Breaker,
    CaseRecipe,
    Facts,
    Setting,
    above,
    at_least,
    at_most,
    below,
    days_in_force,
)
from skillchain.testing.strategies._draws import (
    between,
    earliest_start,
    latest_start,
    near,
    pick,
    resident_born,
)
from skillchain.testing.strategies._values import amounts


__all__ = ["RECIPES"]

ProgrammeBreaker = Callable[
    [st.DrawFn, Setting, ApprenticeshipProgramme], ApprenticeshipProgramme
]
EnrolmentBreaker = Callable[
    [st.DrawFn, Setting, ApprenticeEnrolment], ApprenticeEnrolment
]

_ONE_DAY: Final = timedelta(days=1)

# --- the figures, by the day they are read on ---------------------------------------

_APPRENTICE_NEEDS: Final = (
    "apprenticeship.apprentice_exclusions",
    "apprenticeship.contract_min_months",
    "apprenticeship.enterprise_region",
)
_PROGRAMME_NEEDS: Final = (
    "apprenticeship.occupation_directory",
    "apprenticeship.online_share_max",
    "apprenticeship.partner_institution_kinds",
    "apprenticeship.planned_months_max",
    "apprenticeship.planned_months_max_special",
    "apprenticeship.planned_months_min",
)
_SUBSIDY_NEEDS: Final = (
    "apprenticeship.annual_subsidy",
    "apprenticeship.part_year_rule",
    "apprenticeship.rounding",
)
_UPLIFT: Final = (
    "apprenticeship.shortage_uplift_min_level",
    "apprenticeship.shortage_uplift_max",
    "apprenticeship.shortage_uplift",
)
# A programme paid for started when the subsidy existed.
_RATE_NEEDS: Final = ("apprenticeship.annual_subsidy",)
_CASE_START_NEEDS: Final = tuple(sorted({*_APPRENTICE_NEEDS, *_PROGRAMME_NEEDS}))

_STRETCHES: dict[tuple[str, tuple[str, ...]], tuple[tuple[date, date], ...]] = {}


def _joined(policy: Policy, name: str) -> list[tuple[date, date]]:
    """The stretches of days on which *name* has a value, touching periods joined."""
    parameter = policy.parameters.get(name)
    if parameter is None:
        return []
    spans = sorted(
        (value.period.start, value.period.end or date.max)
        for value in parameter.values
        if value.value is not None and value.period is not None
    )
    joined: list[tuple[date, date]] = []
    for start, end in spans:
        if joined and (joined[-1][1] == date.max or start <= joined[-1][1] + _ONE_DAY):
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _stretches(policy: Policy, names: tuple[str, ...]) -> tuple[tuple[date, date], ...]:
    """The stretches of days on which every parameter in *names* has a value."""
    key = (policy.fingerprint, names)
    found = _STRETCHES.get(key)
    if found is None:
        spans = [(date.min, date.max)]
        for name in names:
            spans = [
                (max(a, c), min(b, d))
                for a, b in spans
                for c, d in _joined(policy, name)
                if max(a, c) <= min(b, d)
            ]
        found = tuple(sorted(spans))
        if len(_STRETCHES) > 256:
            _STRETCHES.clear()
        _STRETCHES[key] = found
    return found


def _window(
    policy: Policy, names: tuple[str, ...], lowest: date, highest: date
) -> tuple[date, date] | None:
    """The days from *lowest* to *highest* of the latest stretch that reaches them."""
    for low, high in reversed(_stretches(policy, names)):
        first, last = max(low, lowest), min(high, highest)
        if first <= last:
            return first, last
    return None


def _months_back(day: date, months: int) -> date:
    """*months* calendar months before *day*, kept within the calendar."""
    if day.year * 12 + day.month - 1 - months < 12:
        return date.min
    return add_months(day, -months)


def _day(draw: st.DrawFn, first: date, last: date, *also: date) -> date:
    """A day from *first* to *last*, often one of the two or one of *also*."""
    inside = tuple(d for d in also if first <= d <= last)
    if inside and between(draw, 0, 2) == 0:
        return pick(draw, inside)
    return near(draw, first, last)


def _value(snapshot: PolicySnapshot, name: str) -> Any:
    return snapshot.get(name).value


def _start(
    draw: st.DrawFn,
    setting: Setting,
    names: tuple[str, ...],
    *,
    earliest: date,
    latest: date,
) -> date:
    """A programme start from *earliest* to *latest* on which *names* are in force."""
    found = _window(setting.policy, names, earliest, latest)
    if found is None:
        found = _window(setting.policy, names, date.min, latest)
    if found is None:
        msg = (
            f"no programme can start by {latest} with {', '.join(names)} in force "
            "under this policy: pass a policy that gives them, or a later day"
        )
        raise InvalidArgument(msg)
    first, last = found
    return _day(draw, first, last, setting.on)


def _near_start(draw: st.DrawFn, setting: Setting, names: tuple[str, ...]) -> date:
    """A start up to three years before the evaluation day or half a year after."""
    on = setting.on
    return _start(
        draw,
        setting,
        names,
        earliest=_months_back(on, 36),
        latest=min(on + timedelta(days=183), date(9000, 1, 1)),
    )


# --- fixed parts --------------------------------------------------------------------

_ENTERPRISE: Final = CreditCode("9144030400000000J0")
_OTHER_ENTERPRISE: Final = CreditCode("91350100M000100Y43")
_ENTERPRISE_MENTOR: Final = Mentor(name="李师傅", side=MentorSide.ENTERPRISE)
_INSTITUTION_MENTOR: Final = Mentor(name="王老师", side=MentorSide.INSTITUTION)
_PARTNER_NAMES: Final = {
    InstitutionKind.TECHNICAL_SCHOOL: "深圳市某技工学校",
    InstitutionKind.VOCATIONAL_COLLEGE: "深圳市某职业技术学院",
    InstitutionKind.TRAINING_INSTITUTION: "深圳市某职业培训学校",
    InstitutionKind.ENTERPRISE_TRAINING_CENTRE: "某电气公司培训中心",
    InstitutionKind.PUBLIC_TRAINING_BASE: "深圳市某公共实训基地",
    InstitutionKind.UNIVERSITY: "深圳某大学",
}
_PARTNERS: Final = {
    kind: TrainingInstitution(name=name, kind=kind)
    for kind, name in _PARTNER_NAMES.items()
}
_ALL_KINDS: Final = tuple(InstitutionKind)
_ALL_LEVELS: Final = tuple(SkillLevel)
# The five national grades (五级 to 一级), the levels a programme trains for.
_NATIONAL: Final = tuple(lv for lv in SkillLevel if lv.national_grade is not None)
# Occupations drawn when no directory is in force (电工, 养老护理员, 快递员).
_OCCUPATIONS: Final = tuple(
    OccupationCode(code) for code in ("6-31-01-03", "4-10-01-05", "4-02-07-08")
)
# Occupations a directory is unlikely to list, for a programme outside it.
_UNLISTED: Final = tuple(
    OccupationCode(code)
    for code in ("6-18-02-04", "2-02-10-03", "6-20-01-01", "4-07-05-02")
)
# Occupations of earlier claims that are not the programme's.
_OTHER_OCCUPATIONS: Final = tuple(
    OccupationCode(code) for code in ("4-01-02-01", "2-02-07-04")
)
# Where identity numbers were issued (Futian, Luohu, Beijing, Changsha, Nanchang).
_ID_DIVISIONS: Final = tuple(
    DivisionCode(code) for code in ("440304", "440303", "110105", "430102", "360102")
)
# Divisions some region holds: one of them is in any region containing Futian.
_SHENZHEN: Final = tuple(
    DivisionCode(code) for code in ("440304", "440303", "440300", "440000")
)
# Divisions far apart: at least one is neither in nor around any one region.
_ELSEWHERE: Final = tuple(
    DivisionCode(code) for code in ("440103", "110105", "310101", "510104")
)
_PER_LEVEL_KINDS: Final = (
    SubsidyKind.SKILL_UPGRADE,
    SubsidyKind.APPRENTICESHIP,
    SubsidyKind.PROJECT_TRAINING,
    SubsidyKind.SKILL_EVALUATION,
)
_HIRE_KINDS: Final = (*HireKind, None)
# (full-time student, school kind) of people exclusion 4 leaves out.
_NOT_VOCATIONAL: Final = (
    (False, None),
    (True, SchoolKind.OTHER),
    (None, SchoolKind.OTHER),
)
_VOCATIONAL: Final = (SchoolKind.TECHNICAL_SCHOOL, SchoolKind.VOCATIONAL_COLLEGE)


_MAYBE_HOURS: Final = st.none() | st.integers(0, 400).map(Decimal)
_MAYBE_AMOUNT: Final = st.none() | amounts(max_value=10_000)


def _within(region: DivisionCode) -> tuple[DivisionCode, ...]:
    """Divisions *region* holds, from a fixed list (the region itself if none)."""
    return tuple(d for d in _SHENZHEN if region.contains(d)) or (region,)


def _apart(region: DivisionCode) -> tuple[DivisionCode, ...]:
    """Divisions neither in *region* nor around it, from a fixed list."""
    return tuple(
        d for d in _ELSEWHERE if not region.contains(d) and not d.contains(region)
    )


def _unlisted(listed: Iterable[OccupationCode]) -> OccupationCode:
    """An occupation code not in *listed*."""
    taken = set(listed)
    for code in _UNLISTED:
        if code not in taken:
            return code
    for number in range(1, 100):  # pragma: no cover - a directory of every code
        code = OccupationCode(f"8-99-99-{number:02d}")
        if code not in taken:
            return code
    msg = "every occupation code tried is listed"  # pragma: no cover
    raise InvalidArgument(msg)  # pragma: no cover


def _birth(draw: st.DrawFn, day: date) -> date:
    """A birth day of a person 21 to 59 years old on *day*."""
    return between(draw, day - timedelta(days=59 * 365), day - timedelta(days=21 * 366))


def _status(on: date, start: date, months: int) -> ProgrammeStatus:
    """Where a programme stands on *on*: applied, in training or completed."""
    if on < start:
        return ProgrammeStatus.APPLIED
    if on <= add_months(start, months):
        return ProgrammeStatus.IN_TRAINING
    return ProgrammeStatus.COMPLETED


# --- the programme ------------------------------------------------------------------


def _planned_bounds(snapshot: PolicySnapshot) -> tuple[int, int, int]:
    """The planned period's minimum, maximum and special maximum (defaults if none)."""
    low = _value(snapshot, "apprenticeship.planned_months_min") or 12
    high = _value(snapshot, "apprenticeship.planned_months_max") or max(low, 24)
    top = _value(snapshot, "apprenticeship.planned_months_max_special") or max(high, 36)
    return low, high, top


def _planned_months(
    draw: st.DrawFn, snapshot: PolicySnapshot, most: int | None
) -> tuple[int, bool | None]:
    """Planned months and special-case flag within the bounds (and at most *most*)."""
    low, high, top = _planned_bounds(snapshot)
    cap = high if most is None else max(low, min(high, most))
    special_top = top if most is None else min(top, most)
    if special_top > high and between(draw, 0, 2) == 0:
        months = draw(
            above(high, most=special_top)
            if draw(st.booleans())
            else at_most(special_top, least=high + 1)
        )
        return months, True
    months = draw(
        at_least(low, most=cap) if draw(st.booleans()) else at_most(cap, least=low)
    )
    special: bool | None = pick(draw, (None, False, True))
    return months, special


def _online(
    draw: st.DrawFn, snapshot: PolicySnapshot
) -> tuple[Decimal, Decimal | None]:
    """Online and professional-basics hours within the share in force (or none online)."""
    share: Decimal | None = _value(snapshot, "apprenticeship.online_share_max")
    if share is None or between(draw, 0, 2) == 0:
        basics = draw(_MAYBE_HOURS)
        return Decimal(0), basics
    basics = Decimal(between(draw, 1, 400))
    limit = basics * share
    return draw(at_most(limit, least=Decimal(0))), basics


def _programme(
    draw: st.DrawFn,
    setting: Setting,
    start: date,
    *,
    levels: tuple[SkillLevel, ...] = _NATIONAL,
    most_months: int | None = None,
    completed: bool = False,
) -> ApprenticeshipProgramme:
    """A programme starting on *start*, valid under the figures in force that day.

    *levels* are the target levels to draw from; *most_months* caps the planned
    period (so that it ends by the evaluation day) and *completed* marks it
    completed (else its status follows the evaluation day).  A figure not in force on
    *start* is replaced by a plausible one (the rules that read it need it in
    force; the others do not care).
    """
    snapshot = setting.policy.at(start)
    months, special = _planned_months(draw, snapshot, most_months)
    kinds = _value(snapshot, "apprenticeship.partner_institution_kinds")
    kind = pick(draw, kinds or _ALL_KINDS[:3])
    directory = _value(snapshot, "apprenticeship.occupation_directory")
    occupation = pick(draw, directory or _OCCUPATIONS)
    online, basics = _online(draw, snapshot)
    return ApprenticeshipProgramme(
        enterprise=_ENTERPRISE,
        institution=_PARTNERS[kind],
        occupation=occupation,
        target_level=pick(draw, levels),
        start=start,
        planned_months=months,
        modes=frozenset(TrainingMode),
        status=ProgrammeStatus.COMPLETED
        if completed
        else _status(setting.on, start, months),
        special_case=special,
        online_hours=online,
        professional_basics_hours=basics,
        enterprise_mentor=_ENTERPRISE_MENTOR,
        institution_mentor=_INSTITUTION_MENTOR,
    )


def _programme_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """A valid programme starting near the evaluation day."""
    start = _near_start(draw, setting, _PROGRAMME_NEEDS)
    return {"programme": _programme(draw, setting, start)}


def _wrong_months(
    draw: st.DrawFn, setting: Setting, programme: ApprenticeshipProgramme
) -> ApprenticeshipProgramme:
    """Too short, or longer than the maximum its special-case flag allows."""
    low, high, top = _planned_bounds(setting.policy.at(programme.start))
    routes = ["long_ordinary", "long_special"]
    if low > 1:
        routes.append("short")
    route = pick(draw, routes)
    if route == "short":
        return attrs.evolve(programme, planned_months=draw(below(low, least=1)))
    if route == "long_ordinary":
        return attrs.evolve(
            programme, planned_months=draw(above(high)), special_case=False
        )
    special = pick(draw, (None, True))
    return attrs.evolve(
        programme, planned_months=draw(above(top)), special_case=special
    )


def _no_dual_mentors(
    draw: st.DrawFn, setting: Setting, programme: ApprenticeshipProgramme
) -> ApprenticeshipProgramme:
    """Work-study alternation only (the mentors may still be named)."""
    del setting
    programme = attrs.evolve(
        programme, modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION})
    )
    if draw(st.booleans()):
        return programme
    return attrs.evolve(programme, enterprise_mentor=None, institution_mentor=None)


def _no_work_study(
    draw: st.DrawFn, setting: Setting, programme: ApprenticeshipProgramme
) -> ApprenticeshipProgramme:
    """Dual mentors only."""
    del draw, setting
    return attrs.evolve(programme, modes=frozenset({TrainingMode.DUAL_MENTORS}))


def _wrong_partner(
    draw: st.DrawFn, setting: Setting, programme: ApprenticeshipProgramme
) -> ApprenticeshipProgramme:
    """A partner of a kind not allowed on the start day (unchanged if all are)."""
    kinds = setting.value(
        "apprenticeship.partner_institution_kinds", day=programme.start
    )
    others = tuple(k for k in _ALL_KINDS if kinds is not None and k not in kinds)
    if not others:
        return programme
    return attrs.evolve(programme, institution=_PARTNERS[pick(draw, others)])


def _too_much_online(
    draw: st.DrawFn, setting: Setting, programme: ApprenticeshipProgramme
) -> ApprenticeshipProgramme:
    """More online hours than the share in force allows (unchanged if none is)."""
    share = setting.value("apprenticeship.online_share_max", day=programme.start)
    if share is None:
        return programme
    basics = programme.professional_basics_hours
    if basics is None or (basics == 0 and share == 0):
        basics = Decimal(between(draw, 1, 400))
    limit = basics * share
    online = draw(above(limit))
    return attrs.evolve(
        programme, online_hours=online, professional_basics_hours=basics
    )


def _unlisted_occupation(
    draw: st.DrawFn, setting: Setting, programme: ApprenticeshipProgramme
) -> ApprenticeshipProgramme:
    """An occupation outside the directory in force (unchanged if none is)."""
    del draw
    directory = setting.value(
        "apprenticeship.occupation_directory", day=programme.start
    )
    if directory is None:
        return programme
    return attrs.evolve(programme, occupation=_unlisted(directory))


_PROGRAMME_BREAKS: Final[dict[str, ProgrammeBreaker]] = {
    "apprenticeship.programme.planned_months": _wrong_months,
    "apprenticeship.programme.dual_mentors": _no_dual_mentors,
    "apprenticeship.programme.work_study": _no_work_study,
    "apprenticeship.programme.partner_kind": _wrong_partner,
    "apprenticeship.programme.online_share": _too_much_online,
    "apprenticeship.programme.occupation_directory": _unlisted_occupation,
}


def _on_programme(breaker: ProgrammeBreaker) -> Breaker:
    """*breaker* applied to the ``programme`` fact."""

    def broken(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        return {**facts, "programme": breaker(draw, setting, facts["programme"])}

    return broken


def _on_enrolled_programme(breaker: ProgrammeBreaker) -> Breaker:
    """*breaker* applied to the programme of the ``enrolment`` fact."""

    def broken(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        enrolment = facts["enrolment"]
        programme = breaker(draw, setting, enrolment.programme)
        return {**facts, "enrolment": attrs.evolve(enrolment, programme=programme)}

    return broken


PROGRAMME = CaseRecipe(
    rule="apprenticeship.programme",
    eligible=_programme_facts,
    breaks={
        check: _on_programme(breaker) for check, breaker in _PROGRAMME_BREAKS.items()
    },
)
"""Programme validity: a period within the bounds (or a special case's), both modes,
an allowed partner, online hours within the share (or none) and a listed occupation,
all under the figures in force on the programme's start."""


# --- the apprentice -----------------------------------------------------------------


def _contract(
    draw: st.DrawFn, first: date, start: date, minimum: int | None
) -> LabourContract:
    """A contract from *first*: open-ended, or of at least *minimum* months.

    A fixed term runs past *start* (the day the programme's training starts).
    """
    if minimum is None or between(draw, 0, 3) == 0:
        return LabourContract(start=first)
    lowest = max(minimum, months_between(first, start) + 1)
    months = draw(at_least(lowest, most=lowest + 48))
    return LabourContract(start=first, end=add_months(first, months) - _ONE_DAY)


def _harmless_claim(
    draw: st.DrawFn,
    setting: Setting,
    programme: ApprenticeshipProgramme,
    region: DivisionCode | None,
) -> SubsidyClaim:
    """A subsidy paid earlier that exclusion 1 does not count.

    For another occupation, at a lower level, outside the region, or an allowance
    for no occupation.
    """
    occupation = programme.occupation
    level = programme.target_level
    lower = tuple(lv for lv in _NATIONAL if lv < level)
    apart = _apart(region) if region is not None else ()
    routes = ["other_occupation", "allowance"]
    if lower:
        routes.append("lower_level")
    if apart:
        routes.append("elsewhere")
    route = pick(draw, routes)
    paid_on = setting.on - timedelta(days=between(draw, 0, 1500))
    division = pick(draw, _within(region) if region else _SHENZHEN[:1])
    kind = pick(draw, _PER_LEVEL_KINDS)
    claimed_level: SkillLevel | None = pick(draw, _NATIONAL)
    claimed: OccupationCode | None = occupation
    if route == "other_occupation":
        claimed = next(c for c in _OTHER_OCCUPATIONS if c != occupation)
    elif route == "lower_level":
        claimed_level = pick(draw, lower)
    elif route == "elsewhere":
        division = pick(draw, apart)
    else:
        kind, claimed, claimed_level = SubsidyKind.LIVING_ALLOWANCE, None, None
    return SubsidyClaim(
        kind=kind,
        year=paid_on.year,
        occupation=claimed,
        level=claimed_level,
        paid_on=paid_on,
        division=division,
    )


def _enrolment(
    draw: st.DrawFn,
    setting: Setting,
    programme: ApprenticeshipProgramme,
    *,
    qualified: bool | None = None,
) -> ApprenticeEnrolment:
    """An apprentice of *programme* whom no condition of the start day refuses."""
    start = programme.start
    snapshot = setting.policy.at(start)
    hire = pick(draw, _HIRE_KINDS)
    back = (
        between(draw, 30, 3650) if hire is HireKind.IN_SERVICE else between(draw, 0, 90)
    )
    contract = _contract(
        draw,
        min(start - timedelta(days=back), setting.on),
        start,
        _value(snapshot, "apprenticeship.contract_min_months"),
    )
    full_time, school = pick(draw, _NOT_VOCATIONAL)
    person = Person(
        id=resident_born(
            _birth(draw, start),
            serial=between(draw, 0, 999),
            division=pick(draw, _ID_DIVISIONS),
        ),
        full_time_student=full_time,
        school_kind=school,
    )
    claims: tuple[SubsidyClaim, ...] = ()
    if draw(st.booleans()):
        region = _value(snapshot, "apprenticeship.enterprise_region")
        claims = (_harmless_claim(draw, setting, programme, region),)
    return ApprenticeEnrolment(
        person=person,
        programme=programme,
        contract=contract,
        hire_kind=hire,
        skill_post=True,
        in_plan_same_or_higher=False,
        filed_elsewhere_in_training=False,
        covered_by_special_aid=False,
        qualified=qualified,
        claims=claims,
    )


def _apprentice_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """An apprentice of a programme starting near the evaluation day."""
    start = _near_start(draw, setting, _APPRENTICE_NEEDS)
    programme = _programme(draw, setting, start)
    return {"enrolment": _enrolment(draw, setting, programme)}


def _no_skill_post(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """Not in a skill post."""
    del draw, setting
    return attrs.evolve(enrolment, skill_post=False)


def _short_contract(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """A fixed-term contract shorter than the minimum (unchanged if none is in force)."""
    minimum = setting.value(
        "apprenticeship.contract_min_months", day=enrolment.programme.start
    )
    if minimum is None or minimum < 2:
        return enrolment
    first = (
        enrolment.contract.start if enrolment.contract else enrolment.programme.start
    )
    months = draw(below(minimum, least=1))
    contract = LabourContract(start=first, end=add_months(first, months) - _ONE_DAY)
    return attrs.evolve(enrolment, contract=contract)


def _subsidised(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """A Shenzhen subsidy already paid for the occupation at its level or higher."""
    programme = enrolment.programme
    region = setting.value("apprenticeship.enterprise_region", day=programme.start)
    if region is None:
        return enrolment
    paid_on = setting.on - timedelta(days=between(draw, 0, 1500))
    claim = SubsidyClaim(
        kind=pick(draw, _PER_LEVEL_KINDS),
        year=paid_on.year,
        occupation=programme.occupation,
        level=pick(draw, tuple(lv for lv in _NATIONAL if lv >= programme.target_level)),
        paid_on=paid_on,
        division=pick(draw, _within(region)),
        amount=draw(_MAYBE_AMOUNT),
    )
    return attrs.evolve(enrolment, claims=(*enrolment.claims, claim))


def _in_plan(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """Already in a Shenzhen plan at the same or a higher level."""
    del draw, setting
    return attrs.evolve(enrolment, in_plan_same_or_higher=True)


def _filed_elsewhere(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """Filed by another district and still in that training."""
    del draw, setting
    return attrs.evolve(enrolment, filed_elsewhere_in_training=True)


def _vocational_student(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """A full-time student of a technical school or a vocational college."""
    del setting
    person = attrs.evolve(
        enrolment.person,
        full_time_student=True,
        school_kind=pick(draw, _VOCATIONAL),
    )
    return attrs.evolve(enrolment, person=person)


def _special_aid(
    draw: st.DrawFn, setting: Setting, enrolment: ApprenticeEnrolment
) -> ApprenticeEnrolment:
    """Covered by the special training aid for enterprises in difficulty."""
    del draw, setting
    return attrs.evolve(enrolment, covered_by_special_aid=True)


_APPRENTICE_BREAKS: Final[dict[str, EnrolmentBreaker]] = {
    "apprenticeship.apprentice.skill_post": _no_skill_post,
    "apprenticeship.apprentice.contract_term": _short_contract,
    "apprenticeship.apprentice.not_subsidised": _subsidised,
    "apprenticeship.apprentice.not_in_plan": _in_plan,
    "apprenticeship.apprentice.not_filed_elsewhere": _filed_elsewhere,
    "apprenticeship.apprentice.not_vocational_student": _vocational_student,
    "apprenticeship.apprentice.not_special_aid": _special_aid,
}


def _on_enrolment(breaker: EnrolmentBreaker) -> Breaker:
    """*breaker* applied to the ``enrolment`` fact."""

    def broken(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        return {**facts, "enrolment": breaker(draw, setting, facts["enrolment"])}

    return broken


APPRENTICE = CaseRecipe(
    rule="apprenticeship.apprentice",
    eligible=_apprentice_facts,
    breaks={
        check: _on_enrolment(breaker) for check, breaker in _APPRENTICE_BREAKS.items()
    },
)
"""Apprentice eligibility: a skill post, a contract of at least the minimum (or
open-ended), none of the five exclusions (earlier claims, if any, for another
occupation, a lower level, outside Shenzhen or for no occupation)."""


# --- the subsidy's terms ------------------------------------------------------------


@attrs.frozen
class _Terms:
    """How the subsidy is worked out for a drawn case."""

    student: bool
    shortage: bool | None
    levels: tuple[SkillLevel, ...]
    """The target levels the route allows (each with a rate)."""


_SHORTAGE_ANY: Final = (None, False, True)
_SHORTAGE_BELOW: Final = (True, None)


def _terms(draw: st.DrawFn, setting: Setting, *, shortage_read: bool) -> _Terms:
    """A rate (by level or the student rate) and an uplift route in force on the day.

    The routes: no shortage occupation; a shortage occupation (or not known) at a
    level below the uplift's lowest; a shortage occupation with every uplift figure
    in force; the student rate.  With *shortage_read*, only the routes whose
    decision reads the shortage fact, so that making it unknown leaves the case
    undetermined (the first, at a level the uplift may apply to, and the third).
    """
    snapshot = setting.snapshot
    table = _value(snapshot, "apprenticeship.annual_subsidy") or {}
    rated = tuple(lv for lv in _ALL_LEVELS if lv in table)
    lowest, maximum, uplift = (_value(snapshot, name) for name in _UPLIFT)
    upper = tuple(lv for lv in rated if lowest is None or lv >= lowest)
    lower = tuple(lv for lv in rated if lv not in upper)
    routes: list[str] = []
    if upper or (rated and not shortage_read):
        routes.append("plain")
    if lower and not shortage_read:
        routes.append("below_uplift")
    if None not in (lowest, maximum, uplift) and uplift <= maximum and upper:
        routes.append("uplift")
    rate = _value(snapshot, "apprenticeship.student_apprentice_rate")
    if rate is not None and not shortage_read:
        routes.append("student")
    if not routes:
        msg = (
            f"no subsidy rate is in force on {setting.on} under this policy for a "
            "case to be eligible: pass a policy that gives apprenticeship.annual_subsidy"
        )
        raise InvalidArgument(msg)
    route = pick(draw, routes)
    if route == "plain":
        return _Terms(False, False, upper if shortage_read else rated)
    if route == "below_uplift":
        return _Terms(False, pick(draw, _SHORTAGE_BELOW), lower)
    if route == "uplift":
        return _Terms(False, True, upper)
    return _Terms(True, pick(draw, _SHORTAGE_ANY), _NATIONAL)


# --- one apprentice's case ----------------------------------------------------------


def _shortest(snapshot: PolicySnapshot) -> int:
    """The shortest planned period in force (a year if none is)."""
    shortest: int | None = _value(snapshot, "apprenticeship.planned_months_min")
    return shortest or 12


def _ended_programme(
    draw: st.DrawFn,
    setting: Setting,
    names: tuple[str, ...],
    levels: tuple[SkillLevel, ...],
) -> ApprenticeshipProgramme:
    """A completed programme that ended by the evaluation day.

    It started up to six years before, on a day on which *names* were in force.
    """
    on = setting.on
    start = _start(
        draw,
        setting,
        names,
        earliest=_months_back(on, 72),
        latest=_months_back(on, _shortest(setting.snapshot)),
    )
    return _programme(
        draw,
        setting,
        start,
        levels=levels,
        most_months=months_between(start, on),
        completed=True,
    )


def _ended_days(
    names: tuple[str, ...],
) -> Callable[[Policy], "st.SearchStrategy[date]"]:
    """Days with the subsidy in force, by which a programme started with *names* ended."""

    def days(policy: Policy) -> "st.SearchStrategy[date]":
        stretches = _stretches(policy, names)
        if not stretches:
            # Raises, naming the figures a programme's start lacks.
            return days_in_force(policy, (*names, *_SUBSIDY_NEEDS))
        opening = stretches[0][0]
        first = max(POLICY_FIRST, add_months(opening, _shortest(policy.at(opening))))
        return days_in_force(policy, _SUBSIDY_NEEDS, first=first)

    return days


def _case_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """A qualified apprentice of a programme that ended by the evaluation day."""
    terms = _terms(draw, setting, shortage_read=False)
    programme = _ended_programme(draw, setting, _CASE_START_NEEDS, terms.levels)
    return {
        "enrolment": _enrolment(draw, setting, programme, qualified=True),
        "shortage_occupation": terms.shortage,
        "student": terms.student,
    }


def _not_qualified(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """The apprentice did not pass the final assessment."""
    del draw, setting
    return {**facts, "enrolment": attrs.evolve(facts["enrolment"], qualified=False)}


CASE = CaseRecipe(
    rule="apprenticeship.case",
    eligible=_case_facts,
    breaks={
        **{
            check: _on_enrolment(breaker)
            for check, breaker in _APPRENTICE_BREAKS.items()
        },
        **{
            check: _on_enrolled_programme(breaker)
            for check, breaker in _PROGRAMME_BREAKS.items()
        },
        "apprenticeship.subsidy.qualified": _not_qualified,
    },
    needs=tuple(sorted({*_CASE_START_NEEDS, *_SUBSIDY_NEEDS})),
    days=_ended_days(_CASE_START_NEEDS),
)
"""One apprentice's case: an eligible apprentice (as :data:`APPRENTICE` draws) of a
valid programme (as :data:`PROGRAMME` draws) that started on a day its figures were
in force and ended by the evaluation day, qualified, at a rate in force that day
(by level, or the student rate; an uplift only where its figures are in force)."""


# --- the enterprise -----------------------------------------------------------------

_REGION_NEEDS: Final = ("apprenticeship.enterprise_region",)
_SIZES: Final = tuple(EnterpriseSize)
"""Sizes from large to micro."""
_CENTRE_NAME: Final = _PARTNER_NAMES[InstitutionKind.ENTERPRISE_TRAINING_CENTRE]
_EXTERNAL: Final = tuple(
    kind
    for kind in InstitutionKind
    if kind is not InstitutionKind.ENTERPRISE_TRAINING_CENTRE
)


def _qualified_for(
    draw: st.DrawFn, programme: ApprenticeshipProgramme
) -> tuple[EvaluationQualification, ...]:
    """A recognition qualification for the programme's occupation at its level or up."""
    level = programme.target_level
    higher = tuple(lv for lv in _NATIONAL if lv >= level) or (level,)
    return (
        EvaluationQualification(
            occupation=programme.occupation, max_level=pick(draw, higher)
        ),
    )


def _enterprise_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """An enterprise registered in the region, with a qualified partner or its own.

    The partner is an outside institution, another enterprise's training centre,
    or (with a size rule in force) the enterprise's own centre, named by its credit
    code or as the enterprise's training centre, at a size the rule allows.
    """
    start = _near_start(draw, setting, _REGION_NEEDS)
    snapshot = setting.policy.at(start)
    region = _value(snapshot, "apprenticeship.enterprise_region")
    smallest = _value(snapshot, "apprenticeship.own_centre_min_size")
    programme = _programme(draw, setting, start)
    routes = ["outside", "other_centre"]
    if smallest is not None:
        routes += ["own_by_code", "own_named"]
    route = pick(draw, routes)
    qualifications = _qualified_for(draw, programme)
    by_partner = draw(st.booleans())
    partner_qualifications = qualifications if by_partner else ()
    own_qualifications = () if by_partner else qualifications
    size: EnterpriseSize | None = pick(draw, (*_SIZES, None))
    centre: TrainingInstitution | None = None
    if route == "outside":
        partner = TrainingInstitution(
            name=_PARTNER_NAMES[programme.institution.kind]
            if programme.institution.kind in _EXTERNAL
            else _PARTNER_NAMES[InstitutionKind.TECHNICAL_SCHOOL],
            kind=programme.institution.kind
            if programme.institution.kind in _EXTERNAL
            else InstitutionKind.TECHNICAL_SCHOOL,
            evaluation_qualifications=partner_qualifications,
        )
    else:
        code = {"other_centre": _OTHER_ENTERPRISE, "own_by_code": _ENTERPRISE}.get(
            route
        )
        partner = TrainingInstitution(
            name=_CENTRE_NAME
            if code is not _OTHER_ENTERPRISE
            else "某科技公司培训中心",
            kind=InstitutionKind.ENTERPRISE_TRAINING_CENTRE,
            credit_code=code,
            evaluation_qualifications=partner_qualifications,
        )
        if route != "other_centre":
            size = pick(draw, _SIZES[: _SIZES.index(smallest) + 1])
        if route == "own_named":
            centre = partner
    enterprise = Enterprise(
        credit_code=_ENTERPRISE,
        name="某电气公司",
        registered_division=pick(draw, _within(region)),
        independent_legal_person=True,
        operating_normally=True,
        on_dishonest_list=False,
        has_training_system=True,
        has_mentors_premises_equipment=True,
        size=size,
        evaluation_qualifications=own_qualifications,
        training_centre=centre,
    )
    return {
        "enterprise": enterprise,
        "programme": attrs.evolve(programme, institution=partner),
    }


def _outside_region(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Registered outside the region in force on the start day."""
    region = setting.value(
        "apprenticeship.enterprise_region", day=facts["programme"].start
    )
    apart = _apart(region) if region is not None else ()
    if not apart:
        return facts
    enterprise = attrs.evolve(
        facts["enterprise"], registered_division=pick(draw, apart)
    )
    return {**facts, "enterprise": enterprise}


def _enterprise_flag(field: str, value: bool) -> Breaker:
    """Set the enterprise's *field* to *value*."""

    def broken(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        del draw, setting
        enterprise = attrs.evolve(facts["enterprise"], **{field: value})
        return {**facts, "enterprise": enterprise}

    return broken


def _unqualified(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """No qualification for the occupation at the level: none, too low, or another."""
    del setting
    programme: ApprenticeshipProgramme = facts["programme"]
    level = programme.target_level
    route = pick(draw, ("none", "lower", "other_occupation"))
    held: tuple[EvaluationQualification, ...] = ()
    if route == "lower":
        lower = tuple(lv for lv in _ALL_LEVELS if lv < level)
        held = (
            EvaluationQualification(
                occupation=programme.occupation, max_level=pick(draw, lower)
            ),
        )
    elif route == "other_occupation":
        held = (
            EvaluationQualification(
                occupation=_unlisted((programme.occupation,)), max_level=level
            ),
        )
    enterprise = facts["enterprise"]
    partner = attrs.evolve(programme.institution, evaluation_qualifications=held)
    centre = enterprise.training_centre
    return {
        "enterprise": attrs.evolve(
            enterprise,
            evaluation_qualifications=(),
            training_centre=partner if centre is not None else None,
        ),
        "programme": attrs.evolve(programme, institution=partner),
    }


def _small_own_centre(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """The enterprise's own centre delivers, and it is smaller than the size rule."""
    programme: ApprenticeshipProgramme = facts["programme"]
    smallest = setting.value("apprenticeship.own_centre_min_size", day=programme.start)
    if smallest is None or smallest is _SIZES[-1]:
        return facts
    partner = TrainingInstitution(
        name=_CENTRE_NAME,
        kind=InstitutionKind.ENTERPRISE_TRAINING_CENTRE,
        credit_code=_ENTERPRISE,
        evaluation_qualifications=programme.institution.evaluation_qualifications,
    )
    enterprise = attrs.evolve(
        facts["enterprise"],
        size=pick(draw, _SIZES[_SIZES.index(smallest) + 1 :]),
        training_centre=None,
    )
    return {
        "enterprise": enterprise,
        "programme": attrs.evolve(programme, institution=partner),
    }


ENTERPRISE = CaseRecipe(
    rule="apprenticeship.enterprise",
    eligible=_enterprise_facts,
    breaks={
        "apprenticeship.enterprise.region": _outside_region,
        "apprenticeship.enterprise.legal_person": _enterprise_flag(
            "independent_legal_person", False
        ),
        "apprenticeship.enterprise.operating": _enterprise_flag(
            "operating_normally", False
        ),
        "apprenticeship.enterprise.not_dishonest": _enterprise_flag(
            "on_dishonest_list", True
        ),
        "apprenticeship.enterprise.training_system": _enterprise_flag(
            "has_training_system", False
        ),
        "apprenticeship.enterprise.mentors_premises": _enterprise_flag(
            "has_mentors_premises_equipment", False
        ),
        "apprenticeship.enterprise.evaluation_qualification": _unqualified,
        "apprenticeship.enterprise.own_centre_size": _small_own_centre,
    },
    needs=_REGION_NEEDS,
)
"""Enterprise conditions: registered in the region in force on the programme's start,
every statement of the service guide true, a recognition qualification (its own or
its partner's) for the occupation at the target level or higher, and, where its own
training centre delivers (only when a size rule is in force), a size the rule
allows."""


# --- the subsidy entitlement ---------------------------------------------------------


def _subsidy_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """A completed programme, one to four apprentices, at least one qualified."""
    terms = _terms(draw, setting, shortage_read=True)
    programme = _ended_programme(draw, setting, _RATE_NEEDS, terms.levels)
    count = between(draw, 1, 4)
    passed = between(draw, 0, count - 1)
    division = pick(draw, _ID_DIVISIONS)
    birth = _birth(draw, programme.start)
    first = between(draw, 0, 990)
    enrolments = tuple(
        ApprenticeEnrolment(
            person=Person(
                id=resident_born(
                    birth - timedelta(days=397 * index),
                    serial=first + 2 * index,
                    division=division,
                )
            ),
            programme=programme,
            skill_post=True,
            qualified=index == passed or draw(st.booleans()),
        )
        for index in range(count)
    )
    return {
        "programme": programme,
        "enrolments": enrolments,
        "shortage_occupation": terms.shortage,
        "student": terms.student,
    }


def _none_qualified(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """No apprentice qualified."""
    del draw, setting
    return {
        **facts,
        "enrolments": tuple(
            attrs.evolve(enrolment, qualified=False)
            for enrolment in facts["enrolments"]
        ),
    }


SUBSIDY = CaseRecipe(
    rule="apprenticeship.subsidy",
    eligible=_subsidy_facts,
    breaks={"apprenticeship.subsidy.qualified_count": _none_qualified},
    needs=_SUBSIDY_NEEDS,
    days=_ended_days(_RATE_NEEDS),
)
"""Subsidy entitlement: a completed programme with at least one qualified apprentice,
at a rate in force on the day.  Only the shortage fact can be made unknown, so the
eligible cases are those whose decision reads it: no student rate, and a level the
uplift may apply to."""


# --- the prepayment -----------------------------------------------------------------

_FILED_NEEDS: Final = (
    "apprenticeship.prepayment_request_months",
    "apprenticeship.prepayment_share_filed",
)
_CHAIN_NEEDS: Final = (
    "apprenticeship.prepayment_chain_wait_months",
    "apprenticeship.prepayment_share_chain",
)


def _schemes(setting: Setting) -> tuple[PrepaymentScheme, ...]:
    """The schemes whose share and time limit are in force on the day."""
    snapshot = setting.snapshot
    return tuple(
        scheme
        for scheme, names in (
            (PrepaymentScheme.FILED, _FILED_NEEDS),
            (PrepaymentScheme.CHAIN, _CHAIN_NEEDS),
        )
        if all(_value(snapshot, name) is not None for name in names)
    )


def _prepayment_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """A request within the filed window, or after the chain wait, for 1+ apprentices.

    A filed request reads no listing day, so its only fact that can be unknown is
    the shortage: its rate and level are drawn so that the decision reads it.
    """
    on = setting.on
    schemes = _schemes(setting)
    if not schemes:
        msg = (
            f"no prepayment share and time limit are in force on {on} under this "
            f"policy: pass a policy that gives {', '.join(_FILED_NEEDS)}"
        )
        raise InvalidArgument(msg)
    scheme = pick(draw, schemes)
    filed = scheme is PrepaymentScheme.FILED
    terms = _terms(draw, setting, shortage_read=filed)
    listed_on: date | None = None
    if filed:
        months = setting.value("apprenticeship.prepayment_request_months")
        start = _day(draw, earliest_start(on, months), on)
    else:
        wait = setting.value("apprenticeship.prepayment_chain_wait_months")
        last = latest_start(on, wait)
        listed_on = _day(draw, last - timedelta(days=365), last)
        start = min(listed_on + timedelta(days=between(draw, 0, 90)), on)
    return {
        "programme": _programme(draw, setting, start, levels=terms.levels),
        "apprentices": draw(at_least(1, most=60)),
        "scheme": scheme,
        "listed_on": listed_on,
        "shortage_occupation": terms.shortage,
        "student": terms.student,
    }


def _no_apprentices(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """No apprentice planned."""
    del draw, setting
    return {**facts, "apprentices": 0}


def _outside_window(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A filed request before classes start or after the window closes."""
    if PrepaymentScheme.FILED not in _schemes(setting):
        return facts
    on = setting.on
    months = setting.value("apprenticeship.prepayment_request_months")
    if draw(st.booleans()):
        start = on + timedelta(days=draw(at_least(1, most=200)))
    else:
        late = earliest_start(on, months) - _ONE_DAY
        start = _day(draw, late - timedelta(days=365), late)
    programme: ApprenticeshipProgramme = facts["programme"]
    moved = attrs.evolve(
        programme,
        start=start,
        status=_status(on, start, programme.planned_months),
    )
    return {
        **facts,
        "programme": moved,
        "scheme": PrepaymentScheme.FILED,
        "listed_on": None,
    }


def _too_soon(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A chain request before the wait after listing is over."""
    if PrepaymentScheme.CHAIN not in _schemes(setting):
        return facts
    on = setting.on
    wait = setting.value("apprenticeship.prepayment_chain_wait_months")
    early = latest_start(on, wait) + _ONE_DAY
    latest = on if early <= on else early + timedelta(days=365)
    return {
        **facts,
        "scheme": PrepaymentScheme.CHAIN,
        "listed_on": _day(draw, early, latest),
    }


PREPAYMENT = CaseRecipe(
    rule="apprenticeship.prepayment",
    eligible=_prepayment_facts,
    breaks={
        "apprenticeship.prepayment.window": _outside_window,
        "apprenticeship.prepayment.chain_wait": _too_soon,
        "apprenticeship.subsidy.planned_count": _no_apprentices,
    },
    needs=(*_SUBSIDY_NEEDS, *_FILED_NEEDS),
)
"""Prepayment: one or more planned apprentices at a rate in force on the request day,
asked within the filed window after classes start (or, where the chain figures are
in force too, after the wait since listing)."""


# --- the district quota ---------------------------------------------------------------


def _quota_key(application: QuotaApplication) -> tuple[date, str, str]:
    """Filing order: the day, then the enterprise's credit code, then the reference."""
    programme = application.programme
    return (
        application.filed_on or date.max,
        str(programme.enterprise),
        programme.reference or "",
    )


def _places_left(facts: Facts, quota: int) -> int:
    """The places left when the application's turn comes (filing order, whole)."""
    application: QuotaApplication = facts["application"]
    turn = _quota_key(application)
    taken = 0
    earlier = sorted(
        (
            other
            for other in facts["applications"]
            if other.filed_on is not None and _quota_key(other) < turn
        ),
        key=_quota_key,
    )
    for other in earlier:
        if other.apprentices <= quota - taken:
            taken += other.apprentices
    return quota - taken


# The applicants, in the order of their credit codes: the application drawn is the
# fourth (the enterprise of the other recipes); the first three file before it.
_APPLICANTS: Final = tuple(
    CreditCode(code)
    for code in (
        "91440303000000001W",
        "914403030000000020",
        "914403030000000033",
        str(_ENTERPRISE),
        "91440305000000001R",
        "91440305000000002W",
    )
)


def _quota_facts(draw: st.DrawFn, setting: Setting) -> Facts:
    """An application that fits in the places earlier ones leave.

    Earlier applications take some of the quota (one may be too big to fit and take
    none); a later one and an undated one take nothing before it.
    """
    on = setting.on
    quota = setting.value("apprenticeship.district_quota")
    if quota < 1:
        msg = f"the district quota in force on {on} is {quota}: no application fits"
        raise InvalidArgument(msg)
    new_year = date(on.year, 1, 1)
    filed_on = _day(draw, new_year, on, on)
    start = filed_on + timedelta(days=between(draw, 0, 180))
    base = attrs.evolve(
        _programme(draw, setting, start),
        status=ProgrammeStatus.APPLIED,
        district_quota_year=on.year,
    )

    def applying(number: int, day: date | None, apprentices: int) -> QuotaApplication:
        programme = attrs.evolve(
            base,
            enterprise=_APPLICANTS[number],
            reference=f"FT-{on.year}-{number + 1:03d}",
            filed_on=day,
        )
        return QuotaApplication(programme=programme, apprentices=apprentices)

    taken = draw(at_most(quota - 1, least=0))
    others: list[QuotaApplication] = []
    if taken:
        first = between(draw, 1, taken)
        others.append(applying(0, _day(draw, new_year, filed_on), first))
        if taken > first:
            others.append(applying(1, _day(draw, new_year, filed_on), taken - first))
    if draw(st.booleans()):
        too_big = quota + between(draw, 1, 5)
        others.append(applying(2, _day(draw, new_year, filed_on), too_big))
    if draw(st.booleans()):
        others.append(applying(4, _day(draw, filed_on, on), between(draw, 1, quota)))
    if draw(st.booleans()):
        others.append(applying(5, None, between(draw, 1, quota)))
    wanted = draw(at_most(quota - taken, least=1))
    return {
        "application": applying(3, filed_on, wanted),
        "applications": tuple(others),
    }


def _too_many(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """More apprentices than the places left at the application's turn."""
    left = _places_left(facts, setting.value("apprenticeship.district_quota"))
    application: QuotaApplication = facts["application"]
    wanted = draw(above(left, most=left + 40))
    return {**facts, "application": attrs.evolve(application, apprentices=wanted)}


QUOTA = CaseRecipe(
    rule="apprenticeship.quota",
    eligible=_quota_facts,
    breaks={"apprenticeship.quota.places": _too_many},
)
"""Quota listing: a dated application whose apprentices fit in the places the
applications filed before it leave of the quota in force."""


# --- the settlement -----------------------------------------------------------------


def _settled(draw: st.DrawFn, setting: Setting) -> Facts:
    entitlement = draw(amounts(max_value=200_000))
    return {
        "entitlement": entitlement,
        "prepaid": draw(at_most(entitlement, least=Decimal(0))),
        "training_end": None
        if draw(st.booleans())
        else between(draw, setting.on - timedelta(days=1100), setting.on),
    }


def _overpaid(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del setting
    return {
        **facts,
        "prepaid": draw(above(facts["entitlement"], most=Decimal(400_000))),
    }


SETTLEMENT = CaseRecipe(
    rule="apprenticeship.settlement",
    eligible=_settled,
    breaks={"apprenticeship.settlement.refund": _overpaid},
)
"""Settlement: a balance when the prepayment is at most the entitlement."""

RECIPES: tuple[CaseRecipe, ...] = (
    APPRENTICE,
    PROGRAMME,
    CASE,
    ENTERPRISE,
    SUBSIDY,
    PREPAYMENT,
    QUOTA,
    SETTLEMENT,
)
"""The recipes of the apprenticeship rules."""
