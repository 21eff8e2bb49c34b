"""Rule: may an enterprise run an enterprise new-type apprenticeship programme?

Shenzhen's conditions on the enterprise (深人社规〔2019〕11号, as the Luohu district
service guide and its 2023 call restate them), one finding each.
"""

from datetime import date

from skillchain._codes import DivisionCode
from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import (
    ApprenticeshipProgramme,
    Enterprise,
    EnterpriseSize,
    InstitutionKind,
    TrainingInstitution,
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
    register,
)


__all__ = ["ENTERPRISE_RULE", "check_enterprise", "enterprise_eligibility"]

_GUIDE = (RuleSource("lh-apprenticeship-service-guide", "申请条件"),)
_CALL = "lh-2023-apprenticeship-call"
_READ_ON = ReadOn(
    "programme.start",
    "the enterprise files the programme before its training starts, so the "
    "conditions in force when training starts apply",
)

REGION = Condition(
    "apprenticeship.enterprise.region",
    zh="企业注册地 {division}，须在 {region} 范围内注册登记",
    en="The enterprise is registered in {division}; it must be registered within {region}",
    parameters=("apprenticeship.enterprise_region",),
    sources=_GUIDE,
    read_on=_READ_ON,
    remedy=Requires(
        "enterprise.registered_division", among="apprenticeship.enterprise_region"
    ),
)
LEGAL_PERSON = Condition(
    "apprenticeship.enterprise.legal_person",
    zh="企业具有独立法人资格：{value}",
    en="The enterprise is an independent legal person: {value}",
    facts=("enterprise.independent_legal_person",),
    sources=_GUIDE,
    remedy=Requires("enterprise.independent_legal_person", equals=True),
)
OPERATING = Condition(
    "apprenticeship.enterprise.operating",
    zh="企业正常经营：{value}",
    en="The enterprise operates normally: {value}",
    facts=("enterprise.operating_normally",),
    sources=_GUIDE,
    remedy=Requires("enterprise.operating_normally", equals=True),
)
NOT_DISHONEST = Condition(
    "apprenticeship.enterprise.not_dishonest",
    zh="企业未被列入失信名单：{value}",
    en="The enterprise is not on the dishonest-enterprise list: {value}",
    facts=("enterprise.on_dishonest_list",),
    sources=_GUIDE,
    remedy=Requires("enterprise.on_dishonest_list", equals=False),
)
TRAINING_SYSTEM = Condition(
    "apprenticeship.enterprise.training_system",
    zh="企业有健全的职工培训制度：{value}",
    en="The enterprise has a sound staff-training system: {value}",
    facts=("enterprise.has_training_system",),
    sources=_GUIDE,
    remedy=Requires("enterprise.has_training_system", equals=True),
)
MENTORS_PREMISES = Condition(
    "apprenticeship.enterprise.mentors_premises",
    zh="企业有与培训目标相适应的导师、场地和设备：{value}",
    en="The enterprise has mentors, premises and equipment matching the training: {value}",
    facts=("enterprise.has_mentors_premises_equipment",),
    sources=_GUIDE,
    remedy=Requires("enterprise.has_mentors_premises_equipment", equals=True),
)
QUALIFICATION = Condition(
    "apprenticeship.enterprise.evaluation_qualification",
    zh="企业或合作院校具备{occupation}{level}的职业技能等级认定资质：{value}",
    en="The enterprise or its partner holds the skill-level recognition qualification "
    "for {occupation} at {level}: {value}",
    sources=(RuleSource(_CALL, "申报条件（五）"),),
)
OWN_CENTRE_SIZE = Condition(
    "apprenticeship.enterprise.own_centre_size",
    zh="由企业自有培训中心承担培训，企业规模为{size}，须为{minimum}",
    en="The enterprise's own training centre delivers; the enterprise is {size}, "
    "and must be {minimum}",
    facts=("programme.institution.credit_code", "enterprise.size"),
    parameters=("apprenticeship.own_centre_min_size",),
    read_on=_READ_ON,
    # Sizes rank from micro up to large (not by their values): the finding
    # compares ranks, and the remedy names the smallest size that holds.
    remedy=Compares(
        "enterprise.size",
        value="size",
        comparator=">=",
        bound="minimum",
        parameter="apprenticeship.own_centre_min_size",
    ),
)

# EnterpriseSize lists its members from large to micro: a larger size ranks higher.
_SIZE_RANK = {size: rank for rank, size in enumerate(reversed(EnterpriseSize))}


def check_enterprise(
    judge: Judge, enterprise: Enterprise, programme: ApprenticeshipProgramme
) -> None:
    """Record the enterprise conditions as findings on *judge* (shared by combined rules)."""
    start = programme.start
    region: DivisionCode | None = judge.value(REGION, day=start)
    division = enterprise.registered_division
    judge.record(
        REGION,
        None if region is None else region.contains(division),
        (("division", division), ("region", region)),
        day=start,
    )
    for condition, fact, wanted in (
        (LEGAL_PERSON, enterprise.independent_legal_person, True),
        (OPERATING, enterprise.operating_normally, True),
        (NOT_DISHONEST, enterprise.on_dishonest_list, False),
        (TRAINING_SYSTEM, enterprise.has_training_system, True),
        (MENTORS_PREMISES, enterprise.has_mentors_premises_equipment, True),
    ):
        held = None if fact is None else fact is wanted
        judge.record(condition, held, (("value", held),), (fact,))

    partner = programme.institution
    occupation, level = programme.occupation, programme.target_level
    qualified = any(
        q.occupation == occupation and q.max_level >= level
        for holder in (enterprise, partner)
        for q in holder.evaluation_qualifications
    )
    judge.record(
        QUALIFICATION,
        qualified,
        (("occupation", occupation), ("level", level), ("value", qualified)),
    )

    own_centre = _own_centre(enterprise, partner)
    if own_centre is not False:
        minimum: EnterpriseSize | None = judge.value(OWN_CENTRE_SIZE, day=start)
        size = enterprise.size
        judge.record(
            OWN_CENTRE_SIZE,
            None
            if own_centre is None or minimum is None or size is None
            else _SIZE_RANK[size] >= _SIZE_RANK[minimum],
            (("size", size), ("minimum", minimum)),
            # An unknown credit code is what leaves "own centre" unknown.
            (own_centre, size),
            day=start,
        )


def _own_centre(enterprise: Enterprise, partner: TrainingInstitution) -> bool | None:
    """Whether *partner* is *enterprise*'s own training centre (``None``: not known)."""
    if partner.kind is not InstitutionKind.ENTERPRISE_TRAINING_CENTRE:
        return False
    if partner.credit_code == enterprise.credit_code or (
        enterprise.training_centre is not None and enterprise.training_centre == partner
    ):
        return True
    return None if partner.credit_code is None else False


@in_library_context
def enterprise_eligibility(
    enterprise: Enterprise,
    programme: ApprenticeshipProgramme,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *enterprise* may run *programme* (企业新型学徒制 enterprise conditions).

    The figures are those in force on the day the programme's training starts
    (``programme.start``).

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, DivisionCode, OccupationCode, SkillLevel
        >>> from skillchain.model import (ApprenticeshipProgramme, Enterprise,
        ...     EvaluationQualification, InstitutionKind, ProgrammeStatus,
        ...     TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import enterprise_eligibility
        >>> electrician = OccupationCode("6-31-01-03")
        >>> school = TrainingInstitution(name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL,
        ...     evaluation_qualifications=(EvaluationQualification(
        ...         occupation=electrician, max_level=SkillLevel.TECHNICIAN),))
        >>> firm = Enterprise(credit_code=CreditCode("9144030400000000J0"), name="某电气公司",
        ...     registered_division=DivisionCode("440304"), independent_legal_person=True,
        ...     operating_normally=True, on_dishonest_list=False, has_training_system=True,
        ...     has_mentors_premises_equipment=True)
        >>> plan = ApprenticeshipProgramme(enterprise=firm.credit_code, institution=school,
        ...     occupation=electrician, target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.APPLIED)
        >>> enterprise_eligibility(firm, plan, on=date(2024, 3, 1)).outcome.value
        'eligible'
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_enterprise(judge, enterprise, programme)
    return judge.decide(ENTERPRISE_RULE)


ENTERPRISE_RULE: Rule = register(
    Rule(
        id="apprenticeship.enterprise",
        version="2026.2",
        title_zh="企业开展企业新型学徒制的条件",
        title_en="Enterprise conditions for running an apprenticeship programme",
        function=enterprise_eligibility,
        sources=(RuleSource("sz-2019-11"), *_GUIDE, RuleSource(_CALL, "申报条件")),
        conditions=(
            REGION,
            LEGAL_PERSON,
            OPERATING,
            NOT_DISHONEST,
            TRAINING_SYSTEM,
            MENTORS_PREMISES,
            QUALIFICATION,
            OWN_CENTRE_SIZE,
        ),
    )
)
"""The registered enterprise-conditions rule."""
