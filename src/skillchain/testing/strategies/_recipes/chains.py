"""Recipes of the rules of industry-education-evaluation skill chains (产教评技能生态链).

Also the districts of Shenzhen and the credit codes of made-up enterprises
registered there that the recipes of the carriers and guidance experts share
(:data:`SHENZHEN_DISTRICTS`, :data:`FIRMS`).
"""

from datetime import date, timedelta
from typing import Any, Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import (
    CreditCode,
    DivisionCode,
    OccupationCode,
    Policy,
    SkillLevel,
)
from skillchain._dates import add_months
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    ChainLeaderApplication,
    ChainPart,
    ChainPartner,
    ChainStatus,
    Enterprise,
    EnterpriseSize,
    HireKind,
    InstitutionKind,
    LabourContract,
    Person,
    ProgrammeStatus,
    SkillChain,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.testing.strategies._base import POLICY_LAST
from skillchain.testing.strategies._cases import (
    Breaker,
    CaseRecipe,
    Facts,
    Setting,
    at_least,
    below,
    days_in_force,
)
from skillchain.testing.strategies._draws import (
    between,
    credit_code,
    distinct,
    near,
    pick,
    resident_born,
)


__all__ = [
    "CLAIM",
    "COMPOSITION",
    "FIRMS",
    "LEADER",
    "RECIPES",
    "SHENZHEN_DISTRICTS",
]


SHENZHEN_DISTRICTS: Final[tuple[DivisionCode, ...]] = tuple(
    DivisionCode(f"4403{n:02d}") for n in range(3, 12)
)
"""Shenzhen's districts, 罗湖 (440303) to 光明 (440311)."""

# Districts outside Shenzhen: Guangzhou 越秀, Beijing 朝阳, Shanghai 浦东.
_ELSEWHERE: Final = tuple(DivisionCode(c) for c in ("440104", "110105", "310115"))


FIRMS: Final[tuple[CreditCode, ...]] = tuple(
    credit_code(serial, division=division)
    for serial in range(1, 8)
    for division in SHENZHEN_DISTRICTS
)
"""Credit codes of made-up enterprises registered in Shenzhen's districts (take
several different ones with :func:`~skillchain.testing.strategies.distinct`)."""


# --- chains.leader ------------------------------------------------------------------

_SIZES: Final = tuple(EnterpriseSize)
"""Largest first."""
_FLAGS: Final = (True, False, None)


def _registered(draw: st.DrawFn, region: DivisionCode) -> DivisionCode:
    """A district within *region* (Shenzhen's, if it holds any)."""
    inside = [d for d in SHENZHEN_DISTRICTS if region.contains(d)]
    return pick(draw, inside) if inside else region


def _leader_application(draw: st.DrawFn, setting: Setting) -> Facts:
    region: DivisionCode = setting.value("chains.leader_region")
    smallest: EnterpriseSize = setting.value("chains.leader_min_size")
    division = _registered(draw, region)
    big_enough = _SIZES[: _SIZES.index(smallest) + 1]
    firm = Enterprise(
        credit_code=credit_code(between(draw, 1, 200), division=division),
        name="深圳市某集团有限公司",
        registered_division=division,
        independent_legal_person=True,
        operating_normally=True,
        on_dishonest_list=pick(draw, (False, None)),
        clean_record_years=draw(
            at_least(setting.value("chains.leader_clean_record_years"))
        ),
        # Most often the smallest size allowed.
        size=big_enough[near(draw, 0, len(big_enough) - 1, ends="high")],
        insured_headcount_city=draw(
            at_least(setting.value("chains.leader_min_insured_staff"), spread=2000)
        ),
        has_training_system=True,
        cluster_tags=pick(draw, (frozenset(), frozenset({"semiconductors"}))),
        above_designated_size=pick(draw, _FLAGS),
        group_company=pick(draw, _FLAGS),
        listed=pick(draw, _FLAGS),
        specialised=pick(draw, _FLAGS),
    )
    application = ChainLeaderApplication(
        enterprise=firm,
        chain_enterprises=draw(
            at_least(setting.value("chains.leader_min_chain_enterprises"))
        ),
        chain_jobs=draw(
            at_least(setting.value("chains.leader_min_chain_jobs"), spread=1000)
        ),
        eight_level_ladder=True,
        school_cooperation=True,
        notable_results=pick(draw, _FLAGS),
    )
    return {"application": application}


def _with_firm(facts: Facts, **changes: Any) -> Facts:
    """The facts with the applying enterprise changed."""
    application: ChainLeaderApplication = facts["application"]
    firm = attrs.evolve(application.enterprise, **changes)
    return {**facts, "application": attrs.evolve(application, enterprise=firm)}


def _with_offer(facts: Facts, **changes: Any) -> Facts:
    """The facts with the application's own fields changed."""
    return {**facts, "application": attrs.evolve(facts["application"], **changes)}


def _outside(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    region: DivisionCode = setting.value("chains.leader_region")
    away = [d for d in _ELSEWHERE if not region.contains(d)]
    if not away:
        return facts
    division = pick(draw, away)
    code: CreditCode = facts["application"].enterprise.credit_code
    return _with_firm(
        facts,
        registered_division=division,
        credit_code=credit_code(int(code.code[12:17]), division=division),
    )


def _flag_off(where: str, name: str) -> Breaker:
    """A breaker that makes the flag *name* of the enterprise or application false."""

    def breaker(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        del draw, setting
        change = _with_firm if where == "enterprise" else _with_offer
        return change(facts, **{name: False})

    return breaker


def _dishonest(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    minimum: int = setting.value("chains.leader_clean_record_years")
    if minimum > 0 and draw(st.booleans()):
        return _with_firm(facts, clean_record_years=draw(below(minimum, least=0)))
    # On the dishonest list now: no clean year.
    return _with_firm(facts, on_dishonest_list=True, clean_record_years=0)


def _too_small(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    smallest: EnterpriseSize = setting.value("chains.leader_min_size")
    smaller = _SIZES[_SIZES.index(smallest) + 1 :]
    if not smaller:
        return facts
    return _with_firm(facts, size=pick(draw, smaller))


def _count_below(where: str, name: str, parameter: str) -> Breaker:
    """A breaker that puts the count *name* just below the figure *parameter*."""

    def breaker(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        minimum: int = setting.value(parameter)
        if minimum <= 0:
            return facts
        change = _with_firm if where == "enterprise" else _with_offer
        return change(facts, **{name: draw(below(minimum, least=0))})

    return breaker


LEADER = CaseRecipe(
    rule="chains.leader",
    eligible=_leader_application,
    breaks={
        "chains.leader.region": _outside,
        "chains.leader.legal_person": _flag_off(
            "enterprise", "independent_legal_person"
        ),
        "chains.leader.operating": _flag_off("enterprise", "operating_normally"),
        "chains.leader.clean_record": _dishonest,
        "chains.leader.size": _too_small,
        "chains.leader.insured_staff": _count_below(
            "enterprise", "insured_headcount_city", "chains.leader_min_insured_staff"
        ),
        "chains.leader.chain_enterprises": _count_below(
            "application", "chain_enterprises", "chains.leader_min_chain_enterprises"
        ),
        "chains.leader.chain_jobs": _count_below(
            "application", "chain_jobs", "chains.leader_min_chain_jobs"
        ),
        "chains.leader.training_system": _flag_off("enterprise", "has_training_system"),
        "chains.leader.eight_level_ladder": _flag_off(
            "application", "eight_level_ladder"
        ),
        "chains.leader.school_cooperation": _flag_off(
            "application", "school_cooperation"
        ),
    },
)
"""Chain-leader incubation: an enterprise in the region, at or above every figure."""


# --- chains.composition -------------------------------------------------------------

_STATUSES: Final = tuple(ChainStatus)
_PART_FIELDS: Final[dict[ChainPart, tuple[str, ...]]] = {
    ChainPart.MEMBERS: ("members",),
    ChainPart.COLLEGE_OR_TRAINING: ("colleges", "training_institutions"),
    ChainPart.EVALUATION: ("evaluation_bodies",),
    ChainPart.HR_SERVICE: ("hr_service_bodies",),
    ChainPart.INDUSTRY_ASSOCIATION: ("industry_associations",),
}
_PARTNERS: Final[dict[str, tuple[ChainPartner, ...]]] = {
    "colleges": (
        ChainPartner(name="深圳技师学院", kind=InstitutionKind.TECHNICAL_SCHOOL),
        ChainPartner(name="某职业技术学院", kind=InstitutionKind.VOCATIONAL_COLLEGE),
    ),
    "training_institutions": (
        ChainPartner(name="某职业培训学校", kind=InstitutionKind.TRAINING_INSTITUTION),
    ),
    "evaluation_bodies": (
        ChainPartner(name="某技能评价机构"),
        ChainPartner(name="某职业技能等级认定中心"),
    ),
    "hr_service_bodies": (ChainPartner(name="某人力资源服务有限公司"),),
    "industry_associations": (ChainPartner(name="某行业协会"),),
}


def _partners(draw: st.DrawFn, field: str, least: int) -> tuple[ChainPartner, ...]:
    known = _PARTNERS[field]
    return known[: between(draw, least, len(known))]


def _chain(draw: st.DrawFn, setting: Setting) -> Facts:
    required: frozenset[ChainPart] = setting.value("chains.required_parts")
    firms = distinct(draw, FIRMS, 4)
    members = between(draw, 1 if ChainPart.MEMBERS in required else 0, 3)
    lists: dict[str, Any] = {}
    for part, fields in _PART_FIELDS.items():
        if part is ChainPart.MEMBERS:
            continue
        # A required part has at least one body, in one of its lists.
        needed = pick(draw, fields) if part in required else None
        for field in fields:
            lists[field] = _partners(draw, field, 1 if field == needed else 0)
    chain = SkillChain(
        name="某产教评技能生态链",
        leader=firms[0],
        members=frozenset(firms[1 : 1 + members]),
        status=pick(draw, _STATUSES),
        year=between(draw, max(2022, setting.on.year - 3), max(2022, setting.on.year)),
        **lists,
    )
    return {"chain": chain}


def _without(part: ChainPart) -> Breaker:
    """A breaker that leaves *part* out of the chain (when the policy requires it)."""

    def breaker(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        del draw
        required: frozenset[ChainPart] = setting.value("chains.required_parts")
        if part not in required:
            return facts
        empty: dict[str, Any] = dict.fromkeys(_PART_FIELDS[part], ())
        if part is ChainPart.MEMBERS:
            empty = {"members": frozenset[CreditCode]()}
        return {**facts, "chain": attrs.evolve(facts["chain"], **empty)}

    return breaker


COMPOSITION = CaseRecipe(
    rule="chains.composition",
    eligible=_chain,
    breaks={
        f"chains.composition.{part.value}": _without(part) for part in _PART_FIELDS
    },
    # No fact the rule reads can be unknown: only a day without the required parts
    # leaves a composition undetermined (a chain's facts hold no dates).
    unknowns=(),
    lacking_figures=True,
)
"""Chain composition: a body of every required part (a part the policy does not
require cannot be broken: its breaker leaves the chain as it is)."""


# --- chains.subsidy_claim -----------------------------------------------------------

_CLAIMS_WHEN: Final = "chains.leader_claims_when"
_OCCUPATIONS: Final = tuple(
    OccupationCode(code)
    for code in ("6-31-01-03", "4-04-05-07", "6-05-01-01", "4-08-08-07", "6-25-02-05")
)
_INSTITUTIONS: Final = (
    TrainingInstitution(name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL),
    TrainingInstitution(name="某职业技术学院", kind=InstitutionKind.VOCATIONAL_COLLEGE),
    TrainingInstitution(
        name="某职业培训学校", kind=InstitutionKind.TRAINING_INSTITUTION
    ),
)
_HIRE_KINDS: Final = tuple(HireKind)
_SHORTEST: Final = 12
"""Months of the shortest programme drawn (the national frame: one to two years,
three in special cases)."""


def _claim_spans(policy: Policy) -> list[tuple[date, date]]:
    """The stretches in which a measure saying who claims is in force."""
    parameter = policy.parameters.get(_CLAIMS_WHEN)
    spans = []
    for value in () if parameter is None else parameter.values:
        if value.value is not None and value.period is not None:
            end = value.period.end if value.period.end is not None else POLICY_LAST
            spans.append((value.period.start, end))
    return sorted(spans)


def _claim_days(policy: Policy) -> "st.SearchStrategy[date]":
    """Days a claim is decided: a year at least after a filing day the measure covers.

    The subsidy's rate, months and rounding are read on the day itself.
    """
    spans = _claim_spans(policy)
    if not spans:
        days_in_force(policy, (_CLAIMS_WHEN,))  # raises, naming the parameter
        msg = f"no value of {_CLAIMS_WHEN} under this policy"  # pragma: no cover
        raise InvalidArgument(msg)  # pragma: no cover
    figures = (
        "apprenticeship.annual_subsidy",
        "apprenticeship.part_year_rule",
        "apprenticeship.rounding",
    )
    first = add_months(spans[0][0], _SHORTEST)
    # Often while the measure's own figures (the student rate, the uplift) still run.
    soon = add_months(spans[-1][1], _SHORTEST)
    return days_in_force(policy, figures, first=first) | days_in_force(
        policy, figures, first=first, last=max(first, min(soon, POLICY_LAST))
    )


def _months_between(start: date, end: date) -> int:
    """Whole months from *start* to *end* (0 if less than one)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def _enrolment(
    draw: st.DrawFn, setting: Setting, employer: CreditCode
) -> ApprenticeEnrolment:
    """A qualified apprentice of *employer*, filed while a measure says who claims,
    who finished a programme of a year or more by the evaluation day."""
    on = setting.on
    latest_start = add_months(on, -_SHORTEST)
    spans = [s for s in _claim_spans(setting.policy) if s[0] <= latest_start]
    if spans:
        first, last = pick(draw, spans)
    else:  # a day given by the caller too early: no measure covers the filing
        first = last = latest_start
    filed_on = between(draw, first, min(last, latest_start))
    start = between(draw, filed_on, min(filed_on + timedelta(days=60), latest_start))
    # Finished by the day of the claim.
    room = min(_months_between(start, on), 36)
    usual = tuple(m for m in (12, 24, 36) if m <= room)
    months = (
        pick(draw, usual) if draw(st.booleans()) else between(draw, _SHORTEST, room)
    )
    table = setting.value("apprenticeship.annual_subsidy") or {}
    levels = sorted(table) or [SkillLevel.INTERMEDIATE]
    programme = ApprenticeshipProgramme(
        enterprise=employer,
        institution=pick(draw, _INSTITUTIONS),
        occupation=pick(draw, _OCCUPATIONS),
        target_level=pick(draw, levels),
        start=start,
        planned_months=months,
        modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        status=ProgrammeStatus.COMPLETED,
        filing_division=employer.division,
        filed_on=filed_on,
    )
    born_from = date(start.year - 45, 1, 1)
    born = between(draw, born_from, add_months(start, -16 * 12))
    person = Person(
        id=resident_born(
            born,
            serial=between(draw, 0, 999),
            division=pick(draw, SHENZHEN_DISTRICTS),
        )
    )
    hired = between(draw, start - timedelta(days=365), start)
    return ApprenticeEnrolment(
        person=person,
        programme=programme,
        contract=LabourContract(
            start=hired,
            end=pick(draw, (None, add_months(start, months + 12))),
        ),
        hire_kind=pick(draw, _HIRE_KINDS),
        skill_post=True,
        qualified=True,
    )


def _chain_claim(draw: st.DrawFn, setting: Setting) -> Facts:
    firms = distinct(draw, FIRMS, 4)
    members = between(draw, 1, 3)
    chain = SkillChain(
        name="某产教评技能生态链",
        leader=firms[0],
        members=frozenset(firms[1 : 1 + members]),
        status=pick(draw, _STATUSES),
        year=2022,
    )
    employer = firms[between(draw, 0, members)]
    enrolment = _enrolment(draw, setting, employer)
    filed = enrolment.programme.filed_on
    assert filed is not None  # noqa: S101 - set just above
    chain = attrs.evolve(chain, year=between(draw, 2022, max(2022, filed.year)))
    level = enrolment.programme.target_level
    uplift_from = setting.value("apprenticeship.shortage_uplift_min_level")
    # A shortage occupation is paid without an uplift below the uplift's lowest level.
    shortage = uplift_from is not None and level < uplift_from and draw(st.booleans())
    student = setting.value(
        "apprenticeship.student_apprentice_rate"
    ) is not None and draw(st.booleans())
    return {
        "chain": chain,
        "enrolment": enrolment,
        "central_training": draw(st.booleans()),
        "leader_signs_agreements": draw(st.booleans()),
        "shortage_occupation": shortage,
        "student": student,
    }


def _outsider(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del setting
    chain: SkillChain = facts["chain"]
    enrolment: ApprenticeEnrolment = facts["enrolment"]
    outsider = pick(draw, [f for f in FIRMS if f not in chain.enterprises])
    programme = attrs.evolve(enrolment.programme, enterprise=outsider)
    return {**facts, "enrolment": attrs.evolve(enrolment, programme=programme)}


def _not_qualified(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return {**facts, "enrolment": attrs.evolve(facts["enrolment"], qualified=False)}


CLAIM = CaseRecipe(
    rule="chains.subsidy_claim",
    eligible=_chain_claim,
    breaks={
        "chains.claim.chain_enterprise": _outsider,
        "apprenticeship.subsidy.qualified": _not_qualified,
    },
    days=_claim_days,
)
"""Who claims inside a chain: a qualified apprentice of the leader or a member, the
programme filed while a measure says who claims and finished by the claim day."""


RECIPES: tuple[CaseRecipe, ...] = (LEADER, COMPOSITION, CLAIM)
"""The recipes of the programme's rules."""
