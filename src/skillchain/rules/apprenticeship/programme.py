"""Rule: is an enterprise new-type apprenticeship programme valid as planned?

The conditions on the programme itself (period, delivery, partner, target level,
online hours, occupation), one finding each; the target level is a priority (an
advisory finding), never a bar.
"""

from datetime import date
from decimal import Decimal

from skillchain._codes import OccupationCode
from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain._levels import SkillLevel
from skillchain.model import ApprenticeshipProgramme, InstitutionKind, TrainingMode
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    AllOf,
    Compares,
    Condition,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    register,
)


__all__ = ["PROGRAMME_RULE", "check_programme", "programme_validity"]

_NATIONAL = (RuleSource("mohrss-2021-39"),)
_ARTICLE_2 = RuleSource("sz-2019-11", "第二条")
_FUTIAN_LETTER = RuleSource("ft-hr-2024-reply-2024090")
_READ_ON = ReadOn(
    "programme.start",
    "a programme is filed and reviewed before its training starts, so the "
    "conditions in force when training starts apply",
)
# Shenzhen's definition joins both modes, and the rule requires both: a programme
# missing either holds once it trains in both.
_BOTH_MODES = Requires("programme.modes", equals=frozenset(TrainingMode))

PLANNED_MONTHS = Condition(
    "apprenticeship.programme.planned_months",
    zh="计划培养期限 {months} 个月，一般须为 {minimum} 至 {maximum} 个月，"
    "特殊情形最长 {maximum_special} 个月（本计划为特殊情形：{special_case}）",
    en="The planned training period is {months} months; it must be "
    "{minimum} to {maximum} months, or up to {maximum_special} in a special "
    "case (special case: {special_case})",
    facts=("programme.special_case",),
    parameters=(
        "apprenticeship.planned_months_min",
        "apprenticeship.planned_months_max",
        "apprenticeship.planned_months_max_special",
    ),
    sources=_NATIONAL,
    read_on=_READ_ON,
    remedy=AllOf(
        Compares(
            "programme.planned_months",
            value="months",
            comparator=">=",
            bound="minimum",
            parameter="apprenticeship.planned_months_min",
        ),
        Compares(
            "programme.planned_months",
            value="months",
            comparator="<=",
            bound="maximum",
            parameter="apprenticeship.planned_months_max",
        ),
    ),
)
_ORDINARY_BOUNDS = PLANNED_MONTHS.only(*PLANNED_MONTHS.parameters[:-1])
_SPECIAL_BOUNDS = PLANNED_MONTHS.only(
    PLANNED_MONTHS.parameters[0], PLANNED_MONTHS.parameters[-1]
)
DUAL_MENTORS = Condition(
    "apprenticeship.programme.dual_mentors",
    zh="采用企校双师带徒（企业导师与院校导师均已确定）：{value}",
    en="Trains through enterprise and institution dual mentors "
    "(both mentors named): {value}",
    sources=(_ARTICLE_2, _FUTIAN_LETTER),
    remedy=_BOTH_MODES,
)
WORK_STUDY = Condition(
    "apprenticeship.programme.work_study",
    zh="采用工学交替培养：{value}",
    en="Alternates work and study: {value}",
    sources=(_ARTICLE_2, _FUTIAN_LETTER),
    remedy=_BOTH_MODES,
)
PARTNER_KIND = Condition(
    "apprenticeship.programme.partner_kind",
    zh="合作培训机构类型为{kind}，属于当日允许的合作机构类型：{value}",
    en="The partner institution is a {kind}, a kind allowed as a training "
    "partner on that day: {value}",
    parameters=("apprenticeship.partner_institution_kinds",),
    sources=(_ARTICLE_2,),
    read_on=_READ_ON,
    remedy=Requires(
        "programme.institution.kind", among="apprenticeship.partner_institution_kinds"
    ),
)
TARGET_PRIORITY = Condition(
    "apprenticeship.programme.target_level_priority",
    zh="培养目标等级为{level}，培养目标以{minimum}至{maximum}为主"
    "（仅影响优先次序）：{value}",
    en="The target level is {level}; programmes mainly train for {minimum} "
    "to {maximum} (priority only): {value}",
    parameters=("apprenticeship.target_level_min", "apprenticeship.target_level_max"),
    sources=_NATIONAL,
    advisory=True,
    read_on=_READ_ON,
)
ONLINE_SHARE = Condition(
    "apprenticeship.programme.online_share",
    zh="线上学时 {online_hours}，不得超过专业基础课学时 {basics_hours} × "
    "{share} = {limit}",
    en="Online hours {online_hours} must not exceed the professional-basics "
    "hours {basics_hours} × {share} = {limit}",
    facts=("programme.online_hours", "programme.professional_basics_hours"),
    parameters=("apprenticeship.online_share_max",),
    read_on=_READ_ON,
    remedy=Compares(
        "programme.online_hours",
        value="online_hours",
        comparator="<=",
        bound="limit",
        parameter="apprenticeship.online_share_max",
    ),
)
NO_ONLINE = Condition(
    "apprenticeship.programme.no_online_hours",
    zh="无线上学时（线上学时 {online_hours}），任何线上学时比例上限均满足",
    en="No hours are taught online ({online_hours}), so any limit on online "
    "hours is met",
)
DIRECTORY = Condition(
    "apprenticeship.programme.occupation_directory",
    zh="培训职业（工种）{occupation}在区学徒培养职业（工种）指导目录内：{value}",
    en="The occupation {occupation} is in the district's apprenticeship "
    "occupation directory: {value}",
    parameters=("apprenticeship.occupation_directory",),
    sources=(_FUTIAN_LETTER,),
    read_on=_READ_ON,
    remedy=Requires(
        "programme.occupation", among="apprenticeship.occupation_directory"
    ),
)


def _planned_months(
    judge: Judge, programme: ApprenticeshipProgramme, prefix: str
) -> None:
    """The planned period against the bounds, asking only what settles it.

    Only a period beyond the ordinary maximum (or with that maximum unknown) needs
    the special maximum and whether the programme is a special case.
    """
    start = programme.start
    low: int | None
    high: int | None
    top: int | None
    low, high, top = judge.values(PLANNED_MONTHS, day=start)
    months = programme.planned_months
    special = programme.special_case
    asks_special = False
    too_long: bool | None
    # The bounds the finding rests on: the minimum and the maximum that applies.
    condition = PLANNED_MONTHS
    if special is True:
        condition = _SPECIAL_BOUNDS
        too_long = None if top is None else months > top
    elif high is not None and months <= high:
        condition = _ORDINARY_BOUNDS
        too_long = False
    elif special is False:
        condition = _ORDINARY_BOUNDS
        too_long = None if high is None else True
    elif top is not None and months > top:
        too_long = True
    else:
        # Longer than the ordinary maximum (or it is unknown) but not beyond the
        # special one: only whether this is a special case can settle it.
        too_long = None
        asks_special = True
    held: bool | None = True
    if (low is not None and months < low) or too_long is True:
        held = False
    elif low is None or too_long is None:
        held = None
    judge.record(
        condition,
        held,
        (
            ("months", months),
            ("minimum", low),
            ("maximum", high),
            ("maximum_special", top),
            ("special_case", special),
        ),
        (special,),
        day=start,
        prefix=prefix,
        missing=None if asks_special else (),
    )


def check_programme(
    judge: Judge, programme: ApprenticeshipProgramme, prefix: str = ""
) -> None:
    """Record the programme conditions as findings on *judge* (shared by combined rules).

    *prefix* is the path of the programme's argument among the decision's facts
    (``"enrolment."`` in a case: its unknown facts are named
    ``enrolment.programme.special_case``).
    """
    start = programme.start
    record = judge.record
    _planned_months(judge, programme, prefix)
    modes = programme.modes
    for condition, mode in (
        (DUAL_MENTORS, TrainingMode.DUAL_MENTORS),
        (WORK_STUDY, TrainingMode.WORK_STUDY_ALTERNATION),
    ):
        used = mode in modes
        record(condition, used, (("value", used),))

    kinds: frozenset[InstitutionKind] | None = judge.value(PARTNER_KIND, day=start)
    kind = programme.institution.kind
    held = None if kinds is None else kind in kinds
    record(PARTNER_KIND, held, (("kind", kind), ("value", held)), day=start)

    # Advisory: a priority, never a bar.
    low: SkillLevel | None
    high: SkillLevel | None
    low, high = judge.values(TARGET_PRIORITY, day=start)
    level = programme.target_level
    if (low is not None and level < low) or (high is not None and level > high):
        held = False
    else:
        held = None if low is None or high is None else True
    record(
        TARGET_PRIORITY,
        held,
        (("level", level), ("minimum", low), ("maximum", high), ("value", held)),
        day=start,
    )

    online = programme.online_hours
    if online is not None and online == 0:
        # Nothing taught online: no limit can be broken, so none is read.
        record(NO_ONLINE, True, (("online_hours", online),))
    else:
        share: Decimal | None = judge.value(ONLINE_SHARE, day=start)
        basics = programme.professional_basics_hours
        limit: Decimal | None = None
        held = None
        if share is not None and basics is not None and online is not None:
            limit = basics * share
            held = online <= limit
        record(
            ONLINE_SHARE,
            held,
            (
                ("online_hours", online),
                ("basics_hours", basics),
                ("share", share),
                ("limit", limit),
            ),
            (online, basics),
            day=start,
            prefix=prefix,
        )

    directory: frozenset[OccupationCode] | None = judge.value(DIRECTORY, day=start)
    occupation = programme.occupation
    held = None if directory is None else occupation in directory
    record(DIRECTORY, held, (("occupation", occupation), ("value", held)), day=start)


@in_library_context
def programme_validity(
    programme: ApprenticeshipProgramme,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *programme* is valid as planned (培养计划条件).

    The figures are those in force on the day the programme's training starts
    (``programme.start``), whatever the evaluation day *on*.

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
        >>> decision.outcome.value, decision.missing
        ('undetermined', ('apprenticeship.online_share_max', 'apprenticeship.occupation_directory'))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_programme(judge, programme)
    return judge.decide(PROGRAMME_RULE)


PROGRAMME_RULE: Rule = register(
    Rule(
        id="apprenticeship.programme",
        version="2026.2",
        title_zh="企业新型学徒制培养计划条件",
        title_en="Validity of an enterprise new-type apprenticeship programme",
        function=programme_validity,
        sources=(_ARTICLE_2, *_NATIONAL, _FUTIAN_LETTER),
        conditions=(
            PLANNED_MONTHS,
            DUAL_MENTORS,
            WORK_STUDY,
            PARTNER_KIND,
            TARGET_PRIORITY,
            ONLINE_SHARE,
            NO_ONLINE,
            DIRECTORY,
        ),
    )
)
"""The registered programme-validity rule."""
