"""Rules: public-benefit vocational training (公益性职业技能培训) and the 粤菜师傅 grants.

* :func:`public_training_enrolment` (rule ``public_training.enrolment``): may a
  person enrol in a public training course?  The district's letter says whom its
  training serves but no rule for enrolling was found: every criterion is a
  district-supplied parameter, and the letter's open list of groups never refuses
  anyone on its own.
* :func:`cantonese_chef_grant` (rule ``public_training.cantonese_chef_grant``):
  what one-off grant does a designated 粤菜师傅 training base or master studio
  receive?  The figures are each city's own, keyed by city, level and kind of unit.
"""

from datetime import date
from decimal import Decimal

from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.errors import InvalidValueError
from skillchain.model import (
    CantoneseChefDesignation,
    CourseEnrolment,
    TraineeGroup,
)
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Condition,
    Elapses,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "CANTONESE_CHEF_GRANT_RULE",
    "ENROLMENT_RULE",
    "cantonese_chef_grant",
    "check_cantonese_chef_grant",
    "check_enrolment",
    "grant_key",
    "public_training_enrolment",
]

_LETTER = RuleSource("ft-hr-2024-reply-2024090", "四")
_ZHONGSHAN = RuleSource("zs-2019-cantonese-chef-units")
_PROJECT = RuleSource("cantonese-chef-report")
_ENROLMENT_DAY = ReadOn(
    "enrolment.enrolled_on",
    "who may enrol is settled by the criteria in force on the day the person "
    "enrols, whatever day the enrolment is judged",
)
_DESIGNATION_DAY = ReadOn(
    "designation.designated_on",
    "the one-off grant follows the designation (the report pays it 'by the rules' "
    "to the units designated), so the figures of the designation day apply",
)


# --- enrolment --------------------------------------------------------------------

GROUP = Condition(
    "public_training.enrolment.group",
    zh="报名人员类别为{group}；区公益性职业技能培训的培训对象包括此类人员：{admitted}",
    en="The applicant enrols as: {group}; the district admits this group to its "
    "public training: {admitted}",
    facts=("enrolment.trainee.group",),
    parameters=("public_training.admitted_groups",),
    sources=(_LETTER,),
    read_on=_ENROLMENT_DAY,
    remedy=Requires("enrolment.trainee.group", among="public_training.admitted_groups"),
)
PROJECT = Condition(
    "public_training.enrolment.project",
    zh="课程属于“{project}”项目；该项目课程对此类人员开放：{open}",
    en="The course runs under the {project} project; its courses are open to "
    "this group: {open}",
    facts=("enrolment.trainee.group",),
    parameters=("public_training.project_groups",),
    read_on=_ENROLMENT_DAY,
    remedy=Requires(
        "enrolment.trainee.group",
        among="public_training.project_groups",
        key="enrolment.course.project",
    ),
)
INSURANCE = Condition(
    "public_training.enrolment.insurance",
    zh="{group}须在深圳参加社会保险：{required}；本人在深圳参保：{insured}",
    en="An applicant enrolling as {group} must be insured in Shenzhen: "
    "{required}; the applicant is insured in Shenzhen: {insured}",
    facts=("enrolment.trainee.group", "enrolment.trainee.insured_in_shenzhen"),
    parameters=("public_training.insured_groups",),
    read_on=_ENROLMENT_DAY,
    remedy=Requires("enrolment.trainee.insured_in_shenzhen", equals=True),
)


def check_enrolment(judge: Judge, enrolment: CourseEnrolment) -> None:
    """Record the enrolment criteria for *enrolment* on *judge*.

    The criteria are those in force on the day of enrolment
    (``enrolment.enrolled_on``).  The project's limit is recorded only for a
    course under one of the three provincial projects.
    """
    day = enrolment.enrolled_on
    trainee = enrolment.trainee
    group = None if trainee is None else trainee.group
    insured = None if trainee is None else trainee.insured_in_shenzhen

    admitted_groups: frozenset[TraineeGroup] | None = judge.value(GROUP, day=day)
    admitted = (
        None if group is None or admitted_groups is None else group in admitted_groups
    )
    judge.record(
        GROUP, admitted, (("group", group), ("admitted", admitted)), (group,), day=day
    )

    project = enrolment.course.project
    if project is not None:
        table = judge.value(PROJECT, day=day)
        limited = None if table is None else table.get(project.value)
        open_to: bool | None
        if table is not None and limited is None:
            open_to = True  # the project sets no limit of its own
        elif group is None or limited is None:
            open_to = None
        else:
            open_to = group.value in limited
        judge.record(
            PROJECT,
            open_to,
            (("project", project), ("open", open_to)),
            (group,) if table is None or limited is not None else (),
            day=day,
        )

    required_groups: frozenset[TraineeGroup] | None = judge.value(INSURANCE, day=day)
    required: bool | None
    if required_groups is None:
        required = None
    elif group is None:
        # No group needs insurance: the group does not matter.
        required = None if required_groups else False
    else:
        required = group in required_groups
    judge.record(
        INSURANCE,
        insured if required else (None if required is None else True),
        (("group", group), ("required", required), ("insured", insured)),
        (group, insured),
        day=day,
    )


@in_library_context
def public_training_enrolment(
    enrolment: CourseEnrolment, *, on: date, policy: Policy | None = None
) -> Decision:
    """Decide whether *enrolment*'s person may enrol in its public training course.

    The district's criteria in force on the day of enrolment decide: the groups
    it admits, any limit of the course's provincial project, and which groups must
    be insured in Shenzhen.  No published rule fixes them, so under the bundled
    policy the decision is undetermined and names them; the letter's own list of
    groups is open and refuses no one.

    Raises:
        InvalidValueError: *enrolment* is not a
            :class:`~skillchain.model.CourseEnrolment`.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import ResidentId
        >>> from skillchain.model import (CourseEnrolment, DeliveryMode,
        ...     PublicTrainingCourse, TraineeGroup, TraineeProfile)
        >>> from skillchain.rules.public_training import public_training_enrolment
        >>> course = PublicTrainingCourse(title="养老护理员", delivery=DeliveryMode.OFFLINE,
        ...     hours=Decimal("40"), year=2024, organiser_name="福田区人力资源局")
        >>> enrolment = CourseEnrolment(person=ResidentId("11010519491231002X"),
        ...     course=course, enrolled_on=date(2024, 4, 1),
        ...     trainee=TraineeProfile(group=TraineeGroup.VETERAN))
        >>> decision = public_training_enrolment(enrolment, on=date(2024, 4, 1))
        >>> decision.outcome.value
        'undetermined'
        >>> for name in decision.missing:
        ...     print(name)
        public_training.admitted_groups
        enrolment.trainee.insured_in_shenzhen
        public_training.insured_groups
    """
    if not isinstance(enrolment, CourseEnrolment):
        raise InvalidValueError(
            field="enrolment",
            problem=f"got a value of type {type(enrolment).__name__}",
            expected="a CourseEnrolment",
        )
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_enrolment(judge, enrolment)
    return judge.decide(ENROLMENT_RULE)


ENROLMENT_RULE: Rule = register(
    Rule(
        id="public_training.enrolment",
        version="2026.1",
        title_zh="公益性职业技能培训报名条件",
        title_en="Enrolment in public-benefit vocational training",
        function=public_training_enrolment,
        sources=(_LETTER,),
        conditions=(GROUP, PROJECT, INSURANCE),
    )
)
"""The registered public-training enrolment rule."""


# --- 粤菜师傅 grants ---------------------------------------------------------------

DESIGNATED = Condition(
    "public_training.cantonese_chef_grant.designated",
    zh="{level}{unit}于 {designated_on} 认定，不晚于审核日 {on}",
    en="The {level} {unit} was designated on {designated_on}, no later than "
    "the day judged, {on}",
    sources=(_ZHONGSHAN,),
    remedy=Elapses("on"),
)
ONCE = Condition(
    "public_training.cantonese_chef_grant.once",
    zh="补助为一次性补助；本次认定的补助此前已发放：{received}",
    en="The grant is paid once; the grant for this designation was already "
    "paid: {received}",
    facts=("designation.grant_received",),
    sources=(_ZHONGSHAN,),
    remedy=Unremediable(
        "本次认定的一次性补助已经发放，不再重复发放",
        "the one-off grant for this designation was already paid, and it is paid "
        "only once",
    ),
)
AMOUNT = Condition(
    "public_training.cantonese_chef_grant.amount",
    zh="所在城市 {city} 对{level}{unit}的一次性补助：{amount} 元",
    en="The one-off grant of the city {city} to a {level} {unit}: {amount} yuan",
    parameters=("public_training.cantonese_chef_grants",),
    sources=(_PROJECT,),
    read_on=_DESIGNATION_DAY,
)


def grant_key(designation: CantoneseChefDesignation) -> str:
    """The key of *designation*'s figure in ``public_training.cantonese_chef_grants``.

    ``city/level/unit``: the division code of the city the unit is in, the level
    that designated it and its kind.

    Example:
        >>> from datetime import date
        >>> from skillchain import DivisionCode
        >>> from skillchain.model import (CantoneseChefDesignation, CantoneseChefUnit,
        ...     RecognitionLevel)
        >>> from skillchain.rules.public_training import grant_key
        >>> grant_key(CantoneseChefDesignation(name="某粤菜师傅大师工作室",
        ...     unit=CantoneseChefUnit.MASTER_STUDIO, level=RecognitionLevel.MUNICIPAL,
        ...     division=DivisionCode("440304"), designated_on=date(2024, 5, 1)))
        '440300/municipal/master_studio'
    """
    city = designation.division.prefecture
    return f"{city.code}/{designation.level.value}/{designation.unit.value}"


def check_cantonese_chef_grant(
    judge: Judge, designation: CantoneseChefDesignation
) -> Decimal | None:
    """Record the grant conditions and amount of *designation* on *judge*.

    Returns the grant in force on the designation day for the unit's city, level
    and kind, or ``None`` when no figure is known; whether it is payable follows
    from the judge's outcome.
    """
    designated_on = designation.designated_on
    level, unit = designation.level, designation.unit
    judge.record(
        DESIGNATED,
        designated_on <= judge.on,
        (
            ("level", level),
            ("unit", unit),
            ("designated_on", designated_on),
            ("on", judge.on),
        ),
    )
    received = designation.grant_received
    judge.record(
        ONCE,
        None if received is None else not received,
        (("received", received),),
        (received,),
    )
    table = judge.value(AMOUNT, day=designated_on)
    amount = None if table is None else table.get(grant_key(designation))
    judge.record(
        AMOUNT,
        None if amount is None else True,
        (
            ("city", designation.division.prefecture),
            ("level", level),
            ("unit", unit),
            ("amount", amount),
        ),
        day=designated_on,
        # A table in force without the unit's key: the table is what lacks it.
        missing=() if table is None else AMOUNT.parameters,
    )
    return amount


@in_library_context
def cantonese_chef_grant(
    designation: CantoneseChefDesignation,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide the one-off grant to a designated 粤菜师傅 training base or master studio.

    The figure is the one in force on the designation day for the unit's city, the
    level that designated it and its kind: one city's figures are never another's,
    so a unit in a city with no figure (Shenzhen among them) is undetermined.  The
    grant is paid once, and not before the designation.

    Raises:
        InvalidValueError: *designation* is not a
            :class:`~skillchain.model.CantoneseChefDesignation`.

    Example:
        >>> from datetime import date
        >>> from skillchain import DivisionCode
        >>> from skillchain.model import (CantoneseChefDesignation, CantoneseChefUnit,
        ...     RecognitionLevel)
        >>> from skillchain.rules.public_training import cantonese_chef_grant
        >>> base = CantoneseChefDesignation(name="中山市某学校粤菜师傅培训基地",
        ...     unit=CantoneseChefUnit.TRAINING_BASE, level=RecognitionLevel.PROVINCIAL,
        ...     division=DivisionCode("442000"), designated_on=date(2019, 7, 17),
        ...     grant_received=False)
        >>> decision = cantonese_chef_grant(base, on=date(2019, 9, 1))
        >>> decision.outcome.value, decision.amount, decision.provenance.value
        ('eligible', Decimal('2000000'), 'unverified')
    """
    if not isinstance(designation, CantoneseChefDesignation):
        raise InvalidValueError(
            field="designation",
            problem=f"got a value of type {type(designation).__name__}",
            expected="a CantoneseChefDesignation",
        )
    judge = Judge(policy if policy is not None else Policy.default(), on)
    amount = check_cantonese_chef_grant(judge, designation)
    return judge.decide(CANTONESE_CHEF_GRANT_RULE, amount)


CANTONESE_CHEF_GRANT_RULE: Rule = register(
    Rule(
        id="public_training.cantonese_chef_grant",
        version="2026.1",
        title_zh="粤菜师傅培训基地、大师工作室一次性补助",
        title_en="One-off grant to a Cantonese-chef training base or master studio",
        function=cantonese_chef_grant,
        sources=(_PROJECT, _ZHONGSHAN),
        conditions=(DESIGNATED, ONCE, AMOUNT),
    )
)
"""The registered 粤菜师傅 base and studio grant rule."""
