"""Rule: is an enterprise new-type apprenticeship programme valid as planned?

The conditions on the programme itself, each a finding:

* the planned training period: 1-2 years, up to 3 in a special case
  (人社部发〔2021〕39号 as a local guide summarises it);
* the delivery: Shenzhen's model is "企校双师带徒、工学交替培养"
  (深人社规〔2019〕11号 art. 2), and its claim procedure asks for both, so both
  modes are required, each its own finding (the model already insists that
  企校双师带徒 names both mentors);
* the partner institution is of a kind allowed on the day (the three kinds of the
  Shenzhen measure; enterprise training centres from 2021-06-08 under the national
  frame).  Whether an enterprise's *own* centre may deliver depends on the
  enterprise's size: that is the enterprise rule's
  ``apprenticeship.enterprise.own_centre_size``, not repeated here;
* the target level: programmes *mainly* (为主) train for 中级工 to 高级技师
  (人社部发〔2021〕39号), an advisory finding (a priority, never a bar);
* online hours are at most the district's share of the professional-basics hours
  (``apprenticeship.online_share_max``, district-supplied: Luohu's 2023 call set
  50 % for Luohu; Futian's figure is not published);
* the occupation is in the district's directory (学徒培养职业（工种）指导目录) — a
  district-supplied parameter: until the district supplies it, undetermined.

The figures are those in force on the day the programme's training starts: a
programme is filed and reviewed before its training starts.
"""

from datetime import date
from decimal import Decimal

from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain.model import ApprenticeshipProgramme, TrainingMode
from skillchain.policy import ApprenticeshipParameters, Policy
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = ["PROGRAMME_RULE", "check_programme", "programme_validity"]

_SHENZHEN = "sz-2019-11"
_ARTICLE_2 = "第二条"
_FUTIAN_LETTER = "ft-hr-2024-reply-2024090"

_PLANNED_MONTHS = "apprenticeship.programme.planned_months"
_DUAL_MENTORS = "apprenticeship.programme.dual_mentors"
_WORK_STUDY = "apprenticeship.programme.work_study"
_PARTNER_KIND = "apprenticeship.programme.partner_kind"
# Version 2024.1 refused a level outside the bounds; kept registered so decisions
# stored under it still explain.
_TARGET_LEVEL = "apprenticeship.programme.target_level"
_TARGET_PRIORITY = "apprenticeship.programme.target_level_priority"
_ONLINE_SHARE = "apprenticeship.programme.online_share"
_NO_ONLINE = "apprenticeship.programme.no_online_hours"
_DIRECTORY = "apprenticeship.programme.occupation_directory"

register_messages(
    {
        _PLANNED_MONTHS: Message(
            zh="计划培养期限 {months} 个月，一般须为 {minimum} 至 {maximum} 个月，"
            "特殊情形最长 {maximum_special} 个月（本计划为特殊情形：{special_case}）",
            en="The planned training period is {months} months; it must be "
            "{minimum} to {maximum} months, or up to {maximum_special} in a special "
            "case (special case: {special_case})",
        ),
        _DUAL_MENTORS: Message(
            zh="采用企校双师带徒（企业导师与院校导师均已确定）：{value}",
            en="Trains through enterprise and institution dual mentors "
            "(both mentors named): {value}",
        ),
        _WORK_STUDY: Message(
            zh="采用工学交替培养：{value}",
            en="Alternates work and study: {value}",
        ),
        _PARTNER_KIND: Message(
            zh="合作培训机构类型为{kind}，属于当日允许的合作机构类型：{value}",
            en="The partner institution is a {kind}, a kind allowed as a training "
            "partner on that day: {value}",
        ),
        _TARGET_LEVEL: Message(
            zh="培养目标等级为{level}，须在{minimum}至{maximum}之间",
            en="The target level is {level}; it must be from {minimum} to {maximum}",
        ),
        _TARGET_PRIORITY: Message(
            zh="培养目标等级为{level}，培养目标以{minimum}至{maximum}为主"
            "（仅影响优先次序）：{value}",
            en="The target level is {level}; programmes mainly train for {minimum} "
            "to {maximum} (priority only): {value}",
        ),
        _ONLINE_SHARE: Message(
            zh="线上学时 {online_hours}，不得超过专业基础课学时 {basics_hours} × "
            "{share} = {limit}",
            en="Online hours {online_hours} must not exceed the professional-basics "
            "hours {basics_hours} × {share} = {limit}",
        ),
        _NO_ONLINE: Message(
            zh="无线上学时（线上学时 {online_hours}），任何线上学时比例上限均满足",
            en="No hours are taught online ({online_hours}), so any limit on online "
            "hours is met",
        ),
        _DIRECTORY: Message(
            zh="培训职业（工种）{occupation}在区学徒培养职业（工种）指导目录内：{value}",
            en="The occupation {occupation} is in the district's apprenticeship "
            "occupation directory: {value}",
        ),
    }
)


_YES: tuple[str, FactValue] = ("value", True)
_NO: tuple[str, FactValue] = ("value", False)
_UNKNOWN: tuple[str, FactValue] = ("value", None)
_HELD: tuple[tuple[str, FactValue], ...] = (_YES,)
_FAILED: tuple[tuple[str, FactValue], ...] = (_NO,)
_MODES = (
    (_DUAL_MENTORS, TrainingMode.DUAL_MENTORS),
    (_WORK_STUDY, TrainingMode.WORK_STUDY_ALTERNATION),
)
_WHY = (
    "a programme is filed and reviewed before its training starts, so the "
    "conditions in force when training starts apply"
)
_READ_ON = ReadOn("programme.start", _WHY)


def _check_planned_months(
    judge: Judge,
    programme: ApprenticeshipProgramme,
    params: ApprenticeshipParameters,
    path: str,
) -> None:
    """The planned period against the bounds, reading only the bounds it needs.

    The ordinary maximum settles a period within it; only a longer one (or an
    unknown ordinary maximum) needs the special maximum and whether the programme
    is a special case.
    """
    low_param = params.planned_months_min
    high_param = params.planned_months_max
    special_param = params.planned_months_max_special
    months = programme.planned_months
    special = programme.special_case
    low = judge.use(low_param)
    high: int | None = None
    special_max: int | None = None
    missing: list[str] = []
    if low is None:
        missing.append(low_param.name)
    too_short = low is not None and months < low
    too_long: bool | None
    if special is True:
        special_max = judge.use(special_param)
        too_long = None if special_max is None else months > special_max
        if special_max is None:
            missing.append(special_param.name)
    else:
        high = judge.use(high_param)
        if high is not None and months <= high:
            too_long = False
        elif special is False:
            too_long = None if high is None else True
            if high is None:
                missing.append(high_param.name)
        else:
            special_max = judge.use(special_param)
            if special_max is not None and months > special_max:
                too_long = True
            else:
                # Longer than the ordinary maximum (or it is unknown) but not beyond
                # the special one: only whether this is a special case can settle it.
                too_long = None
                missing.extend(
                    name
                    for name, value in (
                        (high_param.name, high),
                        (special_param.name, special_max),
                    )
                    if value is None
                )
                missing.append(f"{path}.special_case")
    # The explanation shows both maxima; one not needed is shown, not relied on.
    values: tuple[tuple[str, FactValue], ...] = (
        ("months", months),
        ("minimum", low),
        ("maximum", high if high is not None else high_param.value),
        (
            "maximum_special",
            special_max if special_max is not None else special_param.value,
        ),
        ("special_case", special),
    )
    citations = citations_of(low_param, high_param, special_param)
    if too_short or too_long is True:
        judge.check(_PLANNED_MONTHS, False, values, citations)
    elif missing:
        judge.missing(_PLANNED_MONTHS, missing, values, citations)
    else:
        judge.check(_PLANNED_MONTHS, True, values, citations)


def _check_target_level(
    judge: Judge, programme: ApprenticeshipProgramme, params: ApprenticeshipParameters
) -> None:
    """The target level among the main ones (为主): advisory, never a bar."""
    low_param = params.target_level_min
    high_param = params.target_level_max
    # An advisory finding never decides, so its figures are not ones the decision
    # rests on: read without counting towards the decision's provenance (the
    # finding's own citations say where they come from).
    low = low_param.value
    high = high_param.value
    level = programme.target_level
    citations = citations_of(low_param, high_param)
    head: tuple[tuple[str, FactValue], ...] = (
        ("level", level),
        ("minimum", low),
        ("maximum", high),
    )
    if (low is not None and level < low) or (high is not None and level > high):
        judge.advise(_TARGET_PRIORITY, False, (*head, _NO), citations)
    elif low is None or high is None:
        judge.advise(
            _TARGET_PRIORITY,
            None,
            (*head, _UNKNOWN),
            citations,
            tuple(
                name
                for name, value in ((low_param.name, low), (high_param.name, high))
                if value is None
            ),
        )
    else:
        judge.advise(_TARGET_PRIORITY, True, (*head, _YES), citations)


def _check_online_share(
    judge: Judge,
    programme: ApprenticeshipProgramme,
    params: ApprenticeshipParameters,
    path: str,
) -> None:
    online = programme.online_hours
    basics = programme.professional_basics_hours
    if online is not None and online == 0:
        # Nothing taught online: no limit can be broken, so none is read.
        judge.check(_NO_ONLINE, True, (("online_hours", online),))
        return
    share_param = params.online_share_max
    share = judge.use(share_param)
    citations = citations_of(share_param)
    if share is None or online is None or basics is None:
        judge.missing(
            _ONLINE_SHARE,
            tuple(
                name
                for name, value in (
                    (f"{path}.online_hours", online),
                    (f"{path}.professional_basics_hours", basics),
                    (share_param.name, share),
                )
                if value is None
            ),
            (
                ("online_hours", online),
                ("basics_hours", basics),
                ("share", share),
                ("limit", None),
            ),
            citations,
        )
        return
    limit: Decimal = basics * share
    judge.check(
        _ONLINE_SHARE,
        online <= limit,
        (
            ("online_hours", online),
            ("basics_hours", basics),
            ("share", share),
            ("limit", limit),
        ),
        citations,
    )


def check_programme(
    judge: Judge, programme: ApprenticeshipProgramme, path: str = "programme"
) -> None:
    """Record the programme conditions as findings on *judge* (shared by combined rules).

    The findings, in order: planned period, dual mentors, work-study alternation,
    partner kind, target level (advisory), online share (or no online hours),
    occupation directory.  The figures are those in force on the programme's
    start; *path* is where the programme sits among the decision's facts (its
    unknown facts are named under it, e.g. ``programme.special_case``).
    """
    params = judge.policy.at(programme.start).apprenticeship
    _check_planned_months(judge, programme, params, path)

    policy = judge.policy
    check = judge.check
    article_2 = (policy.citation(_SHENZHEN, _ARTICLE_2),)
    modes_cite = (*article_2, policy.citation(_FUTIAN_LETTER))
    modes = programme.modes
    for mode_check, mode in _MODES:
        if mode in modes:
            check(mode_check, True, _HELD, modes_cite)
        else:
            check(mode_check, False, _FAILED, modes_cite)

    kinds_param = params.partner_institution_kinds
    kinds = judge.use(kinds_param)
    kind = programme.institution.kind
    if kinds is None:
        judge.missing(
            _PARTNER_KIND,
            (kinds_param.name,),
            (("kind", kind), _UNKNOWN),
            article_2,
        )
    else:
        held = kind in kinds
        check(
            _PARTNER_KIND,
            held,
            (("kind", kind), _YES if held else _NO),
            (kinds_param.citation,) if kinds_param.citation else article_2,
        )

    _check_target_level(judge, programme, params)
    _check_online_share(judge, programme, params, path)

    directory_param = params.occupation_directory
    directory = judge.use(directory_param)
    occupation = programme.occupation
    if directory is None:
        judge.missing(
            _DIRECTORY,
            (directory_param.name,),
            (("occupation", occupation), _UNKNOWN),
            (policy.citation(_FUTIAN_LETTER),),
        )
    else:
        held = occupation in directory
        check(
            _DIRECTORY,
            held,
            (("occupation", occupation), _YES if held else _NO),
            (directory_param.citation,) if directory_param.citation else (),
        )


@in_library_context
def programme_validity(
    programme: ApprenticeshipProgramme,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *programme* is valid as planned (培养计划条件).

    Checks, each a finding: the planned months lie between
    ``apprenticeship.planned_months_min`` and ``apprenticeship.planned_months_max``
    (or ``planned_months_max_special`` when ``programme.special_case`` is true; a
    period in the special band with ``special_case`` unknown is undetermined);
    企校双师带徒 and 工学交替 are both used; the partner institution's kind is in
    ``apprenticeship.partner_institution_kinds``; the target level is among the
    main ones, ``target_level_min`` to ``target_level_max`` (advisory: a priority,
    never a bar); online hours are at most ``online_share_max`` × the
    professional-basics hours (a programme with no online hours meets any limit);
    the occupation is in ``occupation_directory``.  The bundled policy has neither
    the online share nor the directory (the district supplies both), so with it the
    decision is at best *undetermined*.

    The figures are those in force on the day the programme's training starts
    (``programme.start``), whatever the evaluation day *on*.

    Effective: the partner kinds from 2019-12-19 (enterprise training centres from
    2021-06-08); the period bounds and the main target levels from 2021-06-08.

    References:
        深人社规〔2019〕11号 art. 2; 人社部发〔2021〕39号 (as restated and summarised);
        Futian's 2024 reply letter (the district directory).

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import CreditCode, OccupationCode, SkillLevel
        >>> from skillchain.model import (ApprenticeshipProgramme, InstitutionKind,
        ...     Mentor, MentorSide, ProgrammeStatus, TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import programme_validity
        >>> plan = ApprenticeshipProgramme(enterprise=CreditCode("9144030400000000J0"),
        ...     institution=TrainingInstitution(name="深圳市某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24, modes=frozenset(TrainingMode),
        ...     enterprise_mentor=Mentor(name="李师傅", side=MentorSide.ENTERPRISE),
        ...     institution_mentor=Mentor(name="王老师", side=MentorSide.INSTITUTION),
        ...     online_hours=Decimal(40), professional_basics_hours=Decimal(100),
        ...     status=ProgrammeStatus.APPLIED)
        >>> decision = programme_validity(plan, on=date(2024, 3, 1))
        >>> decision.outcome, decision.missing
        (<Outcome.UNDETERMINED: 'undetermined'>, ('apprenticeship.online_share_max', 'apprenticeship.occupation_directory'))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_programme(judge, programme)
    return judge.decide(PROGRAMME_RULE)


def _programme_conditions(day: str) -> tuple[Condition, ...]:
    """The programme rule's conditions, their figures read on the fact at *day*.

    A combined rule whose programme sits elsewhere among its facts (e.g.
    ``enrolment.programme.start``) declares the same conditions with its own path.
    """
    read_on = ReadOn(day, _WHY)
    return (
        Condition(
            _PLANNED_MONTHS,
            parameters=(
                "apprenticeship.planned_months_min",
                "apprenticeship.planned_months_max",
                "apprenticeship.planned_months_max_special",
            ),
            sources=(RuleSource("mohrss-2021-39"),),
            read_on=read_on,
        ),
        Condition(
            _DUAL_MENTORS,
            sources=(RuleSource(_SHENZHEN, _ARTICLE_2), RuleSource(_FUTIAN_LETTER)),
        ),
        Condition(
            _WORK_STUDY,
            sources=(RuleSource(_SHENZHEN, _ARTICLE_2), RuleSource(_FUTIAN_LETTER)),
        ),
        Condition(
            _PARTNER_KIND,
            parameters=("apprenticeship.partner_institution_kinds",),
            sources=(RuleSource(_SHENZHEN, _ARTICLE_2),),
            read_on=read_on,
        ),
        Condition(
            _TARGET_PRIORITY,
            parameters=(
                "apprenticeship.target_level_min",
                "apprenticeship.target_level_max",
            ),
            sources=(RuleSource("mohrss-2021-39"),),
            advisory=True,
            read_on=read_on,
        ),
        Condition(
            _ONLINE_SHARE,
            parameters=("apprenticeship.online_share_max",),
            read_on=read_on,
        ),
        Condition(_NO_ONLINE),
        Condition(
            _DIRECTORY,
            parameters=("apprenticeship.occupation_directory",),
            sources=(RuleSource(_FUTIAN_LETTER),),
            read_on=read_on,
        ),
    )


PROGRAMME_RULE: Rule = register(
    Rule(
        id="apprenticeship.programme",
        version="2026.1",
        title_zh="企业新型学徒制培养计划条件",
        title_en="Validity of an enterprise new-type apprenticeship programme",
        function=programme_validity,
        sources=(
            RuleSource(_SHENZHEN, _ARTICLE_2),
            RuleSource("mohrss-2021-39"),
            RuleSource(_FUTIAN_LETTER),
        ),
        parameters=(
            "apprenticeship.planned_months_min",
            "apprenticeship.planned_months_max",
            "apprenticeship.planned_months_max_special",
            "apprenticeship.partner_institution_kinds",
            "apprenticeship.target_level_min",
            "apprenticeship.target_level_max",
            "apprenticeship.online_share_max",
            "apprenticeship.occupation_directory",
        ),
        conditions=_programme_conditions("programme.start"),
    )
)
"""The registered programme-validity rule."""
