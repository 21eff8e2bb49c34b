"""Rule: may a person be an apprentice in an enterprise new-type apprenticeship programme?

The national conditions of 人社部发〔2021〕39号 and the five groups Shenzhen's measure
(深人社规〔2019〕11号) excludes, one finding each; the hire kind is a priority (an
advisory finding), never a bar.
"""

import functools

from datetime import date

from skillchain._codes import OccupationCode
from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue
from skillchain._levels import SkillLevel
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeExclusion,
    LabourContract,
    SchoolKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Compares,
    Condition,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = ["APPRENTICE_RULE", "apprentice_eligibility", "check_apprentice"]

_NATIONAL = (RuleSource("mohrss-2021-39"),)
_SHENZHEN = (RuleSource("sz-2019-11"),)
_READ_ON = ReadOn(
    "enrolment.programme.start",
    "an apprentice is filed with the programme before its training starts, so the "
    "conditions in force when training starts apply",
)

HIRE_PRIORITY = Condition(
    "apprenticeship.apprentice.hire_kind_priority",
    zh="学徒来源为{hire_kind}，属于培养对象中为主的人员类别"
    "（企业可自主确定培养对象，仅影响优先次序）：{value}",
    en="The apprentice came to the post as {hire_kind}, one of the kinds "
    "apprentices are mainly drawn from (the enterprise may choose its own "
    "trainees; priority only): {value}",
    facts=("enrolment.hire_kind",),
    parameters=("apprenticeship.eligible_hire_kinds",),
    sources=_NATIONAL,
    advisory=True,
    read_on=_READ_ON,
)
SKILL_POST = Condition(
    "apprenticeship.apprentice.skill_post",
    zh="学徒在技能岗位工作：{value}",
    en="The apprentice holds a skill post: {value}",
    facts=("enrolment.skill_post",),
    sources=_NATIONAL,
    remedy=Requires("enrolment.skill_post", equals=True),
)
CONTRACT_TERM = Condition(
    "apprenticeship.apprentice.contract_term",
    zh="劳动合同期限 {months} 个月，须不少于 {minimum} 个月",
    en="The labour contract runs {months} months; it must run at least "
    "{minimum} months",
    facts=("enrolment.contract",),
    parameters=("apprenticeship.contract_min_months",),
    sources=_NATIONAL,
    read_on=_READ_ON,
    remedy=Compares(
        "enrolment.contract",
        value="months",
        comparator=">=",
        bound="minimum",
        parameter="apprenticeship.contract_min_months",
        mover=LabourContract.with_months,
    ),
)
CONTRACT_OPEN = Condition(
    "apprenticeship.apprentice.contract_open_ended",
    zh="劳动合同为无固定期限合同（自 {start} 起），满足最短期限要求",
    en="The labour contract has no fixed term (from {start}), so it meets "
    "any minimum term",
    sources=_NATIONAL,
)
NOT_SUBSIDISED = Condition(
    "apprenticeship.apprentice.not_subsidised",
    zh="此前未在深圳享受过{occupation}{level}或更高等级的职业培训补贴：{value}",
    en="Not already paid a Shenzhen training subsidy for {occupation} at "
    "{level} or higher: {value}",
    parameters=(
        "apprenticeship.apprentice_exclusions",
        "apprenticeship.enterprise_region",
    ),
    sources=_SHENZHEN,
    read_on=_READ_ON,
    remedy=Unremediable(
        "已在深圳享受过该职业（工种）同等级或更高等级的职业培训补贴，"
        "已领的补贴不能撤销",
        "a Shenzhen training subsidy for this occupation at this level or higher "
        "was already paid, and a paid subsidy cannot be undone",
    ),
)
NOT_IN_PLAN = Condition(
    "apprenticeship.apprentice.not_in_plan",
    zh="未列入深圳市同职业（工种）同等级或更高等级的学徒培养计划：{value}",
    en="Not already in a Shenzhen apprenticeship plan for the same occupation "
    "at the same or a higher level: {value}",
    facts=("enrolment.in_plan_same_or_higher",),
    parameters=("apprenticeship.apprentice_exclusions",),
    sources=_SHENZHEN,
    read_on=_READ_ON,
    remedy=Unremediable(
        "已列入深圳市同职业（工种）同等级或更高等级的学徒培养计划",
        "the person is already in a Shenzhen apprenticeship plan for the same "
        "occupation at the same or a higher level",
    ),
)
NOT_FILED = Condition(
    "apprenticeship.apprentice.not_filed_elsewhere",
    zh="未被深圳市任一区备案为学徒且仍在培训期内：{value}",
    en="Not filed as an apprentice by a Shenzhen district and still within "
    "that training period: {value}",
    facts=("enrolment.filed_elsewhere_in_training",),
    parameters=("apprenticeship.apprentice_exclusions",),
    sources=_SHENZHEN,
    read_on=_READ_ON,
    remedy=Unremediable(
        "已被深圳市一个区备案为学徒且仍在该培训期内，培训期结束前不能再备案",
        "the person is filed as an apprentice by a Shenzhen district and still "
        "within that training period: not again before it ends",
    ),
)
NOT_STUDENT = Condition(
    "apprenticeship.apprentice.not_vocational_student",
    zh="非技工院校、职业院校全日制在校学生：{value}",
    en="Not a full-time student of a technical school or vocational college: {value}",
    facts=("enrolment.person.full_time_student", "enrolment.person.school_kind"),
    parameters=("apprenticeship.apprentice_exclusions",),
    sources=_SHENZHEN,
    read_on=_READ_ON,
    remedy=Unremediable(
        "技工院校、职业院校全日制在校学生在校期间不得作为学徒",
        "a full-time student of a technical school or vocational college cannot "
        "be an apprentice while studying",
    ),
)
NOT_AID = Condition(
    "apprenticeship.apprentice.not_special_aid",
    zh="未享受困难企业一次性特别培训补助，也未列入其培训计划：{value}",
    en="Not covered by the one-off special training aid for enterprises in "
    "difficulty, nor in its training plan: {value}",
    facts=("enrolment.covered_by_special_aid",),
    parameters=("apprenticeship.apprentice_exclusions",),
    sources=_SHENZHEN,
    read_on=_READ_ON,
    remedy=Unremediable(
        "已享受困难企业一次性特别培训补助或已列入其培训计划",
        "the person is already covered by the one-off special training aid for "
        "enterprises in difficulty, or in its training plan",
    ),
)

_LIST_ONLY = NOT_SUBSIDISED.only(*NOT_SUBSIDISED.parameters[:1])
# The schools whose full-time students exclusion 4 names.
_EXCLUDED_SCHOOLS = frozenset(
    {SchoolKind.TECHNICAL_SCHOOL, SchoolKind.VOCATIONAL_COLLEGE}
)
# Subsidy kinds that need not be for an occupation and a level.
_NOT_PER_LEVEL = frozenset(
    {
        SubsidyKind.LIVING_ALLOWANCE,
        SubsidyKind.ENTREPRENEURSHIP_TRAINING,
        SubsidyKind.SPECIAL_ABILITY_ASSESSMENT,
    }
)
_NO_CLAIM: tuple[tuple[str, FactValue], ...] = (
    ("claim_kind", None),
    ("claim_level", None),
    ("claim_year", None),
)


def _claim_subject(
    claim: SubsidyClaim, occupation: OccupationCode, level: SkillLevel
) -> bool | None:
    """Whether *claim* was for *occupation* at *level* or higher (``None``: unknown).

    A living allowance, an entrepreneurship-training subsidy or a special-ability
    assessment subsidy is for no occupation and level: one without them cannot
    match.  Any other kind is for an occupation and a level, so a missing one is
    unknown, not absent.
    """
    if claim.kind in _NOT_PER_LEVEL and (
        claim.occupation is None or claim.level is None
    ):
        return False
    if claim.occupation is not None and claim.occupation != occupation:
        return False
    if claim.level is not None and claim.level < level:
        return False
    if claim.occupation is None or claim.level is None:
        return None
    return True


def _clears(flag: bool | None, in_force: bool | None) -> bool | None:
    """Whether an exclusion clears: known false or not in force (``None``: unknown)."""
    if flag is True and in_force:
        return False
    if flag is None or in_force is None:
        return None
    return True


def _check_not_subsidised(
    judge: Judge, enrolment: ApprenticeEnrolment, in_force: bool | None, start: date
) -> None:
    """Exclusion 1, judged from the person's claims paid on or before the judge's day.

    A claim that may be the Shenzhen subsidy that excludes, but is not known to be,
    leaves the finding undecided, naming the claim's field to look up.
    """
    programme = enrolment.programme
    occupation = programme.occupation
    level = programme.target_level
    head: tuple[tuple[str, FactValue], ...] = (
        ("occupation", occupation),
        ("level", level),
    )
    on = judge.on
    _, region = judge.values(NOT_SUBSIDISED, day=start)
    missing: list[str] = []
    # The region is read (cited, counted, named if unknown) once a claim needs it.
    condition = _LIST_ONLY
    excluding: SubsidyClaim | None = None
    for index, claim in enumerate(enrolment.claims):
        paid_on = claim.paid_on
        subject = _claim_subject(claim, occupation, level)
        if subject is False or (paid_on is not None and paid_on > on):
            continue
        condition = NOT_SUBSIDISED
        division = claim.division
        if region is None:
            in_region: bool | None = None
        elif division is None:
            in_region = None
        elif region.contains(division):
            in_region = True
        elif division.contains(region):
            # Recorded for a wider area (Guangdong) that holds Shenzhen: unknown.
            in_region = None
        else:
            continue
        if in_region is True and paid_on is not None and subject is True:
            excluding = claim
            break
        if subject is None:
            missing.extend(
                f"enrolment.claims[{index}].{field}"
                for field, value in (
                    ("occupation", claim.occupation),
                    ("level", claim.level),
                )
                if value is None
            )
        if in_region is None and (region is not None or division is None):
            missing.append(f"enrolment.claims[{index}].division")
        if paid_on is None:
            missing.append(f"enrolment.claims[{index}].paid_on")
    held: bool | None = True
    claim_values = _NO_CLAIM
    if excluding is not None and in_force:
        held = False
        claim_values = (
            ("claim_kind", excluding.kind),
            ("claim_level", excluding.level),
            ("claim_year", excluding.year),
        )
    elif (
        missing or in_force is None or (region is None and condition is NOT_SUBSIDISED)
    ):
        held = None
    judge.record(
        condition,
        held,
        (*head, ("value", held), *claim_values),
        day=start,
        missing=missing,
    )


# A finding's lone value, built once (a case records five or six of them).
_VALUE: dict[bool | None, tuple[tuple[str, FactValue], ...]] = {
    v: (("value", v),) for v in (True, False, None)
}
# The exclusions in the order the findings record them.
_ORDER = (
    ApprenticeExclusion.SUBSIDISED,
    ApprenticeExclusion.IN_PLAN,
    ApprenticeExclusion.FILED_ELSEWHERE,
    ApprenticeExclusion.VOCATIONAL_STUDENT,
    ApprenticeExclusion.SPECIAL_AID,
)
_ALL_UNKNOWN: tuple[bool | None, ...] = (None,) * len(_ORDER)


@functools.cache  # bounded: at most one entry per subset of the five exclusions
def _listed(exclusions: frozenset[ApprenticeExclusion]) -> tuple[bool | None, ...]:
    """Whether each exclusion, in :data:`_ORDER`, is in force (the list is shared)."""
    return tuple(exclusion in exclusions for exclusion in _ORDER)


def check_apprentice(judge: Judge, enrolment: ApprenticeEnrolment) -> None:
    """Record the apprentice conditions as findings on *judge* (shared by combined rules)."""
    start = enrolment.programme.start
    record = judge.record

    kinds = judge.value(HIRE_PRIORITY, start)
    hire_kind = enrolment.hire_kind
    main = None if kinds is None or hire_kind is None else hire_kind in kinds
    record(
        HIRE_PRIORITY,
        main,
        (("hire_kind", hire_kind), ("value", main)),
        (hire_kind,),
        start,
    )

    skill_post = enrolment.skill_post
    record(SKILL_POST, skill_post, _VALUE[skill_post], (skill_post,))

    contract = enrolment.contract
    if contract is not None and contract.end is None:
        # No fixed term: it meets any minimum, so the figure is not needed.
        record(CONTRACT_OPEN, True, (("start", contract.start),))
    else:
        minimum = judge.value(CONTRACT_TERM, start)
        months = contract.months if contract is not None else None
        record(
            CONTRACT_TERM,
            None if months is None or minimum is None else months >= minimum,
            (("months", months), ("minimum", minimum)),
            (contract,),
            start,
        )

    exclusions: frozenset[ApprenticeExclusion] | None = judge.value(NOT_IN_PLAN, start)

    subsidised, in_plan_listed, filed_listed, student_listed, aid_listed = (
        _ALL_UNKNOWN if exclusions is None else _listed(exclusions)
    )
    if subsidised is not False:
        _check_not_subsidised(judge, enrolment, subsidised, start)
    person = enrolment.person
    full_time = person.full_time_student
    school = person.school_kind
    vocational = None if school is None else school in _EXCLUDED_SCHOOLS
    if full_time is False or vocational is False:
        student: bool | None = False
    elif full_time is True and vocational is True:
        student = True
    else:
        student = None
    # The four flag exclusions, each recorded when its exclusion is in force (or
    # its list unknown); written out, as this runs once per case.
    if in_plan_listed is not False:
        in_plan = enrolment.in_plan_same_or_higher
        held = _clears(in_plan, in_plan_listed)
        record(NOT_IN_PLAN, held, _VALUE[held], (in_plan,), start)
    if filed_listed is not False:
        filed = enrolment.filed_elsewhere_in_training
        held = _clears(filed, filed_listed)
        record(NOT_FILED, held, _VALUE[held], (filed,), start)
    if student_listed is not False:
        held = _clears(student, student_listed)
        record(
            NOT_STUDENT,
            held,
            _VALUE[held],
            (full_time, vocational) if student is None else (),
            start,
        )
    if aid_listed is not False:
        aid = enrolment.covered_by_special_aid
        held = _clears(aid, aid_listed)
        record(NOT_AID, held, _VALUE[held], (aid,), start)


@in_library_context
def apprentice_eligibility(
    enrolment: ApprenticeEnrolment,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether the person in *enrolment* may be an apprentice (学徒条件).

    The figures are those in force on the day the programme's training starts
    (``enrolment.programme.start``); earlier subsidy claims count when paid on or
    before *on*.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (ApprenticeEnrolment, ApprenticeshipProgramme,
        ...     HireKind, InstitutionKind, LabourContract, Person, ProgrammeStatus,
        ...     TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import apprentice_eligibility
        >>> plan = ApprenticeshipProgramme(enterprise=CreditCode("9144030400000000J0"),
        ...     institution=TrainingInstitution(name="深圳市某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.APPLIED)
        >>> apprentice = ApprenticeEnrolment(
        ...     person=Person(id=ResidentId("11010519491231002X"), full_time_student=False),
        ...     programme=plan, hire_kind=HireKind.IN_SERVICE, skill_post=True,
        ...     contract=LabourContract(start=date(2024, 2, 1), end=date(2025, 1, 31)),
        ...     in_plan_same_or_higher=False, filed_elsewhere_in_training=False,
        ...     covered_by_special_aid=False)
        >>> decision = apprentice_eligibility(apprentice, on=date(2024, 3, 1))
        >>> decision.outcome.value, decision.priority_met
        ('eligible', False)
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_apprentice(judge, enrolment)
    return judge.decide(APPRENTICE_RULE)


APPRENTICE_RULE: Rule = register(
    Rule(
        id="apprenticeship.apprentice",
        version="2026.2",
        title_zh="企业新型学徒制学徒条件",
        title_en="Apprentice eligibility for an enterprise new-type apprenticeship",
        function=apprentice_eligibility,
        sources=(*_NATIONAL, *_SHENZHEN),
        conditions=(
            HIRE_PRIORITY,
            SKILL_POST,
            CONTRACT_TERM,
            CONTRACT_OPEN,
            NOT_SUBSIDISED,
            NOT_IN_PLAN,
            NOT_FILED,
            NOT_STUDENT,
            NOT_AID,
        ),
        retired=(
            Condition(
                "apprenticeship.apprentice.hire_kind",
                zh="学徒来源为{hire_kind}，属于当日可招收为学徒的人员类别：{value}",
                en="The apprentice came to the post as {hire_kind}, a kind that may "
                "be taken as an apprentice on that day: {value}",
            ),
            Condition(
                "apprenticeship.apprentice.not_full_time_student",
                zh="非全日制在校学生（技工院校、职业院校全日制在校学生不得作为学徒）：{value}",
                en="Not a full-time student (full-time students of technical schools "
                "and vocational colleges cannot be apprentices): {value}",
            ),
        ),
    )
)
"""The registered apprentice-eligibility rule."""
