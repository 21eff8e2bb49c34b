"""Rule: may a person be an apprentice in an enterprise new-type apprenticeship programme?

The national conditions as Liaoning's official notice restates 人社部发〔2021〕39号:
apprentices are *mainly* (为主) new hires and transferees in skill posts (in-service
staff were named too during the 2019-2021 three-year skills-upgrading action), the
enterprise may choose its own trainees, and they hold a labour contract of at least
a year.  The hire kind is therefore a priority (an advisory finding), never a bar.
Shenzhen adds five groups who cannot be apprentices (深人社规〔2019〕11号; the passage
that carries them was seen without an address, so its article is not known and the
policy value listing them, ``apprenticeship.apprentice_exclusions``, is
``unverified``):

1. anyone already paid a Shenzhen training subsidy for the same occupation at the
   same or a higher level;
2. anyone already in a Shenzhen apprenticeship plan for the same occupation at the
   same or a higher level;
3. apprentices filed by any Shenzhen district and still within that training period;
4. full-time students of a 技工院校 or 职业院校 (not every full-time student);
5. staff covered by the one-off special training aid for enterprises in difficulty
   (困难企业一次性特别培训补助), or in its training plan.

Each exclusion is its own finding, so an officer sees exactly which one applies.
The figures are those in force on the day the programme's training starts: an
apprentice is filed with the programme before its training starts.
"""

from datetime import date

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._levels import SkillLevel
from skillchain._sources import Citation
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeExclusion,
    SchoolKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.policy import Policy, Resolved
from skillchain.rules._judge import Judge
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = ["APPRENTICE_RULE", "apprentice_eligibility", "check_apprentice"]

_NATIONAL = "mohrss-2021-39"
_SHENZHEN = "sz-2019-11"

# Version 2024.1 refused a hire kind outside the list; kept registered so decisions
# stored under it still explain.
_HIRE_KIND = "apprenticeship.apprentice.hire_kind"
_HIRE_PRIORITY = "apprenticeship.apprentice.hire_kind_priority"
_SKILL_POST = "apprenticeship.apprentice.skill_post"
_CONTRACT_TERM = "apprenticeship.apprentice.contract_term"
_CONTRACT_OPEN = "apprenticeship.apprentice.contract_open_ended"
_NOT_SUBSIDISED = "apprenticeship.apprentice.not_subsidised"
_NOT_IN_PLAN = "apprenticeship.apprentice.not_in_plan"
_NOT_FILED = "apprenticeship.apprentice.not_filed_elsewhere"
# Version 2024.1 excluded every full-time student; kept registered (see above).
_NOT_FULL_TIME = "apprenticeship.apprentice.not_full_time_student"
_NOT_STUDENT = "apprenticeship.apprentice.not_vocational_student"
_NOT_AID = "apprenticeship.apprentice.not_special_aid"

_KINDS_PARAM = "apprenticeship.eligible_hire_kinds"
_CONTRACT_PARAM = "apprenticeship.contract_min_months"
_REGION_PARAM = "apprenticeship.enterprise_region"
_EXCLUSIONS_PARAM = "apprenticeship.apprentice_exclusions"

register_messages(
    {
        _HIRE_KIND: Message(
            zh="学徒来源为{hire_kind}，属于当日可招收为学徒的人员类别：{value}",
            en="The apprentice came to the post as {hire_kind}, a kind that may be "
            "taken as an apprentice on that day: {value}",
        ),
        _HIRE_PRIORITY: Message(
            zh="学徒来源为{hire_kind}，属于培养对象中为主的人员类别"
            "（企业可自主确定培养对象，仅影响优先次序）：{value}",
            en="The apprentice came to the post as {hire_kind}, one of the kinds "
            "apprentices are mainly drawn from (the enterprise may choose its own "
            "trainees; priority only): {value}",
        ),
        _SKILL_POST: Message(
            zh="学徒在技能岗位工作：{value}",
            en="The apprentice holds a skill post: {value}",
        ),
        _CONTRACT_TERM: Message(
            zh="劳动合同期限 {months} 个月，须不少于 {minimum} 个月",
            en="The labour contract runs {months} months; it must run at least "
            "{minimum} months",
        ),
        _CONTRACT_OPEN: Message(
            zh="劳动合同为无固定期限合同（自 {start} 起），满足最短期限要求",
            en="The labour contract has no fixed term (from {start}), so it meets "
            "any minimum term",
        ),
        _NOT_SUBSIDISED: Message(
            zh="此前未在深圳享受过{occupation}{level}或更高等级的职业培训补贴：{value}",
            en="Not already paid a Shenzhen training subsidy for {occupation} at "
            "{level} or higher: {value}",
        ),
        _NOT_IN_PLAN: Message(
            zh="未列入深圳市同职业（工种）同等级或更高等级的学徒培养计划：{value}",
            en="Not already in a Shenzhen apprenticeship plan for the same occupation "
            "at the same or a higher level: {value}",
        ),
        _NOT_FILED: Message(
            zh="未被深圳市任一区备案为学徒且仍在培训期内：{value}",
            en="Not filed as an apprentice by a Shenzhen district and still within "
            "that training period: {value}",
        ),
        _NOT_FULL_TIME: Message(
            zh="非全日制在校学生（技工院校、职业院校全日制在校学生不得作为学徒）：{value}",
            en="Not a full-time student (full-time students of technical schools "
            "and vocational colleges cannot be apprentices): {value}",
        ),
        _NOT_STUDENT: Message(
            zh="非技工院校、职业院校全日制在校学生：{value}",
            en="Not a full-time student of a technical school or vocational "
            "college: {value}",
        ),
        _NOT_AID: Message(
            zh="未享受困难企业一次性特别培训补助，也未列入其培训计划：{value}",
            en="Not covered by the one-off special training aid for enterprises in "
            "difficulty, nor in its training plan: {value}",
        ),
    }
)

_YES: tuple[str, FactValue] = ("value", True)
_NO: tuple[str, FactValue] = ("value", False)
_UNKNOWN: tuple[str, FactValue] = ("value", None)
_HELD: tuple[tuple[str, FactValue], ...] = (_YES,)
_FAILED: tuple[tuple[str, FactValue], ...] = (_NO,)
_UNKNOWN_VALUE: tuple[tuple[str, FactValue], ...] = (_UNKNOWN,)
_SKILL_POST_MISSING = ("enrolment.skill_post",)
_FULL_TIME = "enrolment.person.full_time_student"
_SCHOOL_KIND = "enrolment.person.school_kind"
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

_READ_ON = ReadOn(
    "enrolment.programme.start",
    "an apprentice is filed with the programme before its training starts, so the "
    "conditions in force when training starts apply",
)


def _claim_values(claim: SubsidyClaim) -> tuple[tuple[str, FactValue], ...]:
    return (
        ("claim_kind", claim.kind),
        ("claim_level", claim.level),
        ("claim_year", claim.year),
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


def _exclusion_in_force(
    exclusions: frozenset[ApprenticeExclusion] | None, exclusion: ApprenticeExclusion
) -> bool | None:
    """Whether *exclusion* is in force (``None``: no list of exclusions is)."""
    return None if exclusions is None else exclusion in exclusions


def _check_not_subsidised(
    judge: Judge,
    enrolment: ApprenticeEnrolment,
    in_force: bool | None,
    region_param: Resolved[DivisionCode],
    shenzhen: tuple[Citation, ...],
) -> None:
    """Exclusion 1: a Shenzhen training subsidy already paid for the same occupation
    at the same or a higher level, judged from the person's claim history.

    A claim counts when it is for the programme's occupation at its target level or
    higher, was paid in Shenzhen (its division lies within
    ``apprenticeship.enterprise_region``), and was paid on or before the evaluation
    day.  A claim paid after that day was not yet paid then.  A matching claim whose
    division or payment day is unknown, or whose division is recorded at a coarser
    level that contains Shenzhen (``440000``), leaves the exclusion undecided and
    names the claim's field: it may be the Shenzhen subsidy that excludes.  So does a
    claim whose occupation or level is not recorded, unless its kind is one that
    need not have them (a living allowance, say), which cannot match.  With no list
    of exclusions in force the finding is undecided and names it too; an exclusion
    the list leaves out records no finding.
    """
    if in_force is False:
        return
    programme = enrolment.programme
    occupation = programme.occupation
    level = programme.target_level
    head: tuple[tuple[str, FactValue], ...] = (
        ("occupation", occupation),
        ("level", level),
    )
    on = judge.on
    region: DivisionCode | None = None
    looked_up = False
    missing: list[str] = [] if in_force else [_EXCLUSIONS_PARAM]
    excluding: SubsidyClaim | None = None
    for index, claim in enumerate(enrolment.claims):
        paid_on = claim.paid_on
        subject = _claim_subject(claim, occupation, level)
        if subject is False or (paid_on is not None and paid_on > on):
            continue
        if not looked_up:
            region = judge.use(region_param)
            looked_up = True
        division = claim.division
        if region is None:
            if region_param.name not in missing:
                missing.append(region_param.name)
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
    citations = shenzhen
    if looked_up and region_param.citation is not None:
        citations = (*citations, region_param.citation)
    if excluding is not None and in_force:
        judge.check(
            _NOT_SUBSIDISED,
            False,
            (*head, _NO, *_claim_values(excluding)),
            citations,
        )
    elif missing:
        judge.missing(
            _NOT_SUBSIDISED, missing, (*head, _UNKNOWN, *_NO_CLAIM), citations
        )
    else:
        judge.check(_NOT_SUBSIDISED, True, (*head, _YES, *_NO_CLAIM), citations)


def _check_flag(
    judge: Judge,
    check: str,
    in_force: bool | None,
    excluded: bool | None,
    *,
    fact: str,
    shenzhen: tuple[Citation, ...],
) -> None:
    """Exclusions 2, 3 and 5: a flag that excludes when true."""
    if in_force is False:
        return
    missing = tuple(
        name
        for name, value in ((fact, excluded), (_EXCLUSIONS_PARAM, in_force))
        if value is None
    )
    if excluded is True and in_force:
        judge.check(check, False, _FAILED, shenzhen)
    elif missing:
        judge.check(check, None, _UNKNOWN_VALUE, shenzhen, missing)
    else:
        judge.check(check, True, _HELD, shenzhen)


def _check_student(
    judge: Judge,
    enrolment: ApprenticeEnrolment,
    in_force: bool | None,
    shenzhen: tuple[Citation, ...],
) -> None:
    """Exclusion 4: a full-time student of a 技工院校 or 职业院校.

    Excluded only when both are true; either known false (not a full-time student,
    or a student of another school) clears it; otherwise the unknown facts are
    named.
    """
    if in_force is False:
        return
    person = enrolment.person
    student = person.full_time_student
    school = person.school_kind
    vocational = None if school is None else school in _EXCLUDED_SCHOOLS
    if student is False or vocational is False:
        excluded: bool | None = False
    elif student is True and vocational is True:
        excluded = True
    else:
        excluded = None
    missing: list[str] = []
    if excluded is None:
        missing.extend(
            name
            for name, value in ((_FULL_TIME, student), (_SCHOOL_KIND, vocational))
            if value is None
        )
    if in_force is None:
        missing.append(_EXCLUSIONS_PARAM)
    if excluded is True and in_force:
        judge.check(_NOT_STUDENT, False, _FAILED, shenzhen)
    elif missing:
        judge.check(_NOT_STUDENT, None, _UNKNOWN_VALUE, shenzhen, tuple(missing))
    else:
        judge.check(_NOT_STUDENT, True, _HELD, shenzhen)


def check_apprentice(judge: Judge, enrolment: ApprenticeEnrolment) -> None:
    """Record the apprentice conditions as findings on *judge* (shared by combined rules).

    The findings, in order: hire kind (advisory: a priority, never a bar), skill
    post, contract term (or an open-ended contract), then Shenzhen's exclusions in
    force, one finding each.  The figures are those in force on the day the
    programme's training starts.
    """
    policy = judge.policy
    params = policy.at(enrolment.programme.start).apprenticeship
    check = judge.check
    national = (policy.citation(_NATIONAL),)
    shenzhen = (policy.citation(_SHENZHEN),)

    kinds_param = params.eligible_hire_kinds
    # An advisory finding never decides, so its figure is not one the decision
    # rests on: read without counting towards the decision's provenance (the
    # finding's own citation says where it comes from).
    kinds = kinds_param.value
    hire_kind = enrolment.hire_kind
    kinds_cite = (kinds_param.citation,) if kinds_param.citation else national
    if kinds is None or hire_kind is None:
        judge.advise(
            _HIRE_PRIORITY,
            None,
            (("hire_kind", hire_kind), _UNKNOWN),
            kinds_cite,
            tuple(
                name
                for name, value in (
                    ("enrolment.hire_kind", hire_kind),
                    (kinds_param.name, kinds),
                )
                if value is None
            ),
        )
    else:
        main = hire_kind in kinds
        judge.advise(
            _HIRE_PRIORITY,
            main,
            (("hire_kind", hire_kind), _YES if main else _NO),
            kinds_cite,
        )

    skill_post = enrolment.skill_post
    if skill_post is None:
        check(_SKILL_POST, None, _UNKNOWN_VALUE, national, _SKILL_POST_MISSING)
    else:
        check(_SKILL_POST, skill_post, _HELD if skill_post else _FAILED, national)

    contract = enrolment.contract
    if contract is not None and contract.end is None:
        # No fixed term: it meets any minimum, so the figure is not needed.
        check(_CONTRACT_OPEN, True, (("start", contract.start),), national)
    else:
        minimum_param = params.contract_min_months
        minimum = judge.use(minimum_param)
        months = contract.months if contract is not None else None
        values = (("months", months), ("minimum", minimum))
        cite = (minimum_param.citation,) if minimum_param.citation else national
        if months is None or minimum is None:
            judge.missing(
                _CONTRACT_TERM,
                tuple(
                    name
                    for name, value in (
                        ("enrolment.contract", contract),
                        (minimum_param.name, minimum),
                    )
                    if value is None
                ),
                values,
                cite,
            )
        else:
            check(_CONTRACT_TERM, months >= minimum, values, cite)

    exclusions_param = params.apprentice_exclusions
    exclusions = judge.use(exclusions_param)
    if exclusions_param.citation is not None:
        shenzhen = (exclusions_param.citation,)

    _check_not_subsidised(
        judge,
        enrolment,
        _exclusion_in_force(exclusions, ApprenticeExclusion.SUBSIDISED),
        params.enterprise_region,
        shenzhen,
    )
    _check_flag(
        judge,
        _NOT_IN_PLAN,
        _exclusion_in_force(exclusions, ApprenticeExclusion.IN_PLAN),
        enrolment.in_plan_same_or_higher,
        fact="enrolment.in_plan_same_or_higher",
        shenzhen=shenzhen,
    )
    _check_flag(
        judge,
        _NOT_FILED,
        _exclusion_in_force(exclusions, ApprenticeExclusion.FILED_ELSEWHERE),
        enrolment.filed_elsewhere_in_training,
        fact="enrolment.filed_elsewhere_in_training",
        shenzhen=shenzhen,
    )
    _check_student(
        judge,
        enrolment,
        _exclusion_in_force(exclusions, ApprenticeExclusion.VOCATIONAL_STUDENT),
        shenzhen,
    )
    _check_flag(
        judge,
        _NOT_AID,
        _exclusion_in_force(exclusions, ApprenticeExclusion.SPECIAL_AID),
        enrolment.covered_by_special_aid,
        fact="enrolment.covered_by_special_aid",
        shenzhen=shenzhen,
    )


@in_library_context
def apprentice_eligibility(
    enrolment: ApprenticeEnrolment,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether the person in *enrolment* may be an apprentice (学徒条件).

    Checks, each a finding: the hire kind is one apprentices are mainly drawn from
    (``apprenticeship.eligible_hire_kinds``: an advisory finding, a priority that
    never refuses, since the enterprise may choose its own trainees); the post is a
    skill post; the labour contract runs at least
    ``apprenticeship.contract_min_months`` (both ends of the term count; a contract
    without a fixed term qualifies); and none of Shenzhen's exclusions in force
    (``apprenticeship.apprentice_exclusions``) applies.  Exclusion 4 covers
    full-time students of a 技工院校 or 职业院校 only: a full-time student whose
    school is not known is undetermined, naming ``enrolment.person.school_kind``.

    The figures are those in force on the day the programme's training starts
    (``enrolment.programme.start``); claims count for exclusion 1 when paid on or
    before *on*.

    Effective: the main hire kinds from 2019-12-19 (in-service staff among them to
    2021-12-31, dates inferred); the exclusions from 2019-12-19 (unverified); the
    contract minimum from 2021-06-08 (人社部发〔2021〕39号), so a fixed-term contract
    of a programme that started earlier is undetermined.

    References:
        人社部发〔2021〕39号 (as Liaoning's official notice restates it);
        深人社规〔2019〕11号 (the five exclusions, seen without an address).

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
        >>> decision.outcome, decision.priority_met
        (<Outcome.ELIGIBLE: 'eligible'>, False)
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_apprentice(judge, enrolment)
    return judge.decide(APPRENTICE_RULE)


APPRENTICE_RULE: Rule = register(
    Rule(
        id="apprenticeship.apprentice",
        version="2026.1",
        title_zh="企业新型学徒制学徒条件",
        title_en="Apprentice eligibility for an enterprise new-type apprenticeship",
        function=apprentice_eligibility,
        sources=(RuleSource(_NATIONAL), RuleSource(_SHENZHEN)),
        parameters=(
            _KINDS_PARAM,
            _CONTRACT_PARAM,
            _REGION_PARAM,
            _EXCLUSIONS_PARAM,
        ),
        conditions=(
            Condition(
                _HIRE_PRIORITY,
                parameters=(_KINDS_PARAM,),
                sources=(RuleSource(_NATIONAL),),
                advisory=True,
                read_on=_READ_ON,
            ),
            Condition(_SKILL_POST, sources=(RuleSource(_NATIONAL),)),
            Condition(
                _CONTRACT_TERM,
                parameters=(_CONTRACT_PARAM,),
                sources=(RuleSource(_NATIONAL),),
                read_on=_READ_ON,
            ),
            Condition(_CONTRACT_OPEN, sources=(RuleSource(_NATIONAL),)),
            Condition(
                _NOT_SUBSIDISED,
                parameters=(_EXCLUSIONS_PARAM, _REGION_PARAM),
                sources=(RuleSource(_SHENZHEN),),
                read_on=_READ_ON,
            ),
            *(
                Condition(
                    check,
                    parameters=(_EXCLUSIONS_PARAM,),
                    sources=(RuleSource(_SHENZHEN),),
                    read_on=_READ_ON,
                )
                for check in (_NOT_IN_PLAN, _NOT_FILED, _NOT_STUDENT, _NOT_AID)
            ),
        ),
    )
)
"""The registered apprentice-eligibility rule."""
