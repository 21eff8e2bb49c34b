"""Rule: may an enterprise run an enterprise new-type apprenticeship programme?

The Shenzhen conditions as the Luohu district service guide and its 2023 call restate
them (深人社规〔2019〕11号 is the city measure): registered in Shenzhen as an
independent legal person, operating normally, not on the dishonest-enterprise list,
a sound staff-training system, mentors, premises and equipment matching the training,
and the skill-level recognition qualification (职业技能等级认定) for the occupation and
target level held by the enterprise or its partner institution.  Whether the
enterprise's own training centre may deliver depends on its size: Luohu's 2023 call
allowed large enterprises' centres in Luohu; Futian's rule is not published, so the
size is district-supplied (``apprenticeship.own_centre_min_size``) and such a
programme is undetermined until the district supplies it.

The figures are those in force on the day the programme's training starts: the
enterprise files the programme before its training starts.
"""

from datetime import date

from skillchain._context import in_library_context
from skillchain._decision import Decision, Message, register_messages
from skillchain.model import (
    ApprenticeshipProgramme,
    Enterprise,
    EnterpriseSize,
    EvaluationQualification,
    InstitutionKind,
    TrainingInstitution,
)
from skillchain.policy import Policy
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = ["ENTERPRISE_RULE", "check_enterprise", "enterprise_eligibility"]

_GUIDE = "lh-apprenticeship-service-guide"
_CALL = "lh-2023-apprenticeship-call"

register_messages(
    {
        "apprenticeship.enterprise.region": Message(
            zh="企业注册地 {division}，须在 {region} 范围内注册登记",
            en="The enterprise is registered in {division}; it must be registered within {region}",
        ),
        "apprenticeship.enterprise.legal_person": Message(
            zh="企业具有独立法人资格：{value}",
            en="The enterprise is an independent legal person: {value}",
        ),
        "apprenticeship.enterprise.operating": Message(
            zh="企业正常经营：{value}", en="The enterprise operates normally: {value}"
        ),
        "apprenticeship.enterprise.not_dishonest": Message(
            zh="企业未被列入失信名单：{value}",
            en="The enterprise is not on the dishonest-enterprise list: {value}",
        ),
        "apprenticeship.enterprise.training_system": Message(
            zh="企业有健全的职工培训制度：{value}",
            en="The enterprise has a sound staff-training system: {value}",
        ),
        "apprenticeship.enterprise.mentors_premises": Message(
            zh="企业有与培训目标相适应的导师、场地和设备：{value}",
            en="The enterprise has mentors, premises and equipment matching the training: {value}",
        ),
        "apprenticeship.enterprise.evaluation_qualification": Message(
            zh="企业或合作院校具备{occupation}{level}的职业技能等级认定资质：{value}",
            en="The enterprise or its partner holds the skill-level recognition qualification "
            "for {occupation} at {level}: {value}",
        ),
        "apprenticeship.enterprise.own_centre_size": Message(
            zh="由企业自有培训中心承担培训，企业规模为{size}，须为{minimum}",
            en="The enterprise's own training centre delivers; the enterprise is {size}, "
            "and must be {minimum}",
        ),
    }
)

_READ_ON = ReadOn(
    "programme.start",
    "the enterprise files the programme before its training starts, so the "
    "conditions in force when training starts apply",
)

# EnterpriseSize lists its members from large to micro: a larger size ranks higher.
_SIZE_RANK = {size: rank for rank, size in enumerate(reversed(EnterpriseSize))}


def _qualified(
    qualifications: tuple[EvaluationQualification, ...],
    programme: ApprenticeshipProgramme,
) -> bool:
    return any(
        q.occupation == programme.occupation and q.max_level >= programme.target_level
        for q in qualifications
    )


def check_enterprise(
    judge: Judge, enterprise: Enterprise, programme: ApprenticeshipProgramme
) -> None:
    """Record the enterprise conditions as findings on *judge* (shared by combined rules)."""
    policy = judge.policy
    params = policy.at(programme.start).apprenticeship
    guide = (policy.citation(_GUIDE, "申请条件"),)

    region_param = params.enterprise_region
    region = judge.use(region_param)
    region_cite = (region_param.citation,) if region_param.citation else guide
    if region is None:
        judge.missing(
            "apprenticeship.enterprise.region",
            (region_param.name,),
            (("division", enterprise.registered_division), ("region", None)),
            guide,
        )
    else:
        judge.check(
            "apprenticeship.enterprise.region",
            region.contains(enterprise.registered_division),
            (("division", enterprise.registered_division), ("region", region)),
            region_cite,
        )

    for check, fact, name, wanted in (
        (
            "apprenticeship.enterprise.legal_person",
            enterprise.independent_legal_person,
            "enterprise.independent_legal_person",
            True,
        ),
        (
            "apprenticeship.enterprise.operating",
            enterprise.operating_normally,
            "enterprise.operating_normally",
            True,
        ),
        (
            "apprenticeship.enterprise.not_dishonest",
            enterprise.on_dishonest_list,
            "enterprise.on_dishonest_list",
            False,
        ),
        (
            "apprenticeship.enterprise.training_system",
            enterprise.has_training_system,
            "enterprise.has_training_system",
            True,
        ),
        (
            "apprenticeship.enterprise.mentors_premises",
            enterprise.has_mentors_premises_equipment,
            "enterprise.has_mentors_premises_equipment",
            True,
        ),
    ):
        if fact is None:
            judge.missing(check, (name,), (("value", None),), guide)
        else:
            judge.check(check, fact is wanted, (("value", fact is wanted),), guide)

    partner = programme.institution
    held = _qualified(enterprise.evaluation_qualifications, programme) or _qualified(
        partner.evaluation_qualifications, programme
    )
    judge.check(
        "apprenticeship.enterprise.evaluation_qualification",
        held,
        (
            ("occupation", programme.occupation),
            ("level", programme.target_level),
            ("value", held),
        ),
        (policy.citation(_CALL, "申报条件（五）"),),
    )

    own_centre = _own_centre(enterprise, partner)
    if own_centre is not False:
        minimum_param = params.own_centre_min_size
        minimum = judge.use(minimum_param)
        size = enterprise.size
        values = (("size", size), ("minimum", minimum))
        missing = tuple(
            name
            for name, value in (
                ("programme.institution.credit_code", own_centre),
                (minimum_param.name, minimum),
                ("enterprise.size", size),
            )
            if value is None
        )
        if own_centre and minimum is not None and size is not None:
            judge.check(
                "apprenticeship.enterprise.own_centre_size",
                _SIZE_RANK[size] >= _SIZE_RANK[minimum],
                values,
                citations_of(minimum_param),
            )
        else:
            judge.missing(
                "apprenticeship.enterprise.own_centre_size",
                missing,
                values,
                citations_of(minimum_param),
            )


def _own_centre(enterprise: Enterprise, partner: TrainingInstitution) -> bool | None:
    """Whether *partner* is *enterprise*'s own training centre (``None``: not known).

    An enterprise training centre is the enterprise's own when it carries the
    enterprise's credit code or is the centre recorded on the enterprise; one with
    no credit code may be.
    """
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
    (``programme.start``).  A programme delivered by the enterprise's own training
    centre needs the district's size rule (``apprenticeship.own_centre_min_size``,
    not in the bundled policy): undetermined until the district supplies it.

    Effective: from 2019-12-19 (深人社规〔2019〕11号).

    References:
        《深圳市推行企业新型学徒制实施办法》 (深人社规〔2019〕11号);
        罗湖区 service guide 企业新型学徒制培训与补贴申领; 罗湖区 2023 call.

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
        >>> enterprise_eligibility(firm, plan, on=date(2024, 3, 1)).outcome
        <Outcome.ELIGIBLE: 'eligible'>
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_enterprise(judge, enterprise, programme)
    return judge.decide(ENTERPRISE_RULE)


ENTERPRISE_RULE: Rule = register(
    Rule(
        id="apprenticeship.enterprise",
        version="2026.1",
        title_zh="企业开展企业新型学徒制的条件",
        title_en="Enterprise conditions for running an apprenticeship programme",
        function=enterprise_eligibility,
        sources=(
            RuleSource("sz-2019-11"),
            RuleSource(_GUIDE, "申请条件"),
            RuleSource(_CALL, "申报条件"),
        ),
        parameters=(
            "apprenticeship.enterprise_region",
            "apprenticeship.own_centre_min_size",
        ),
        conditions=(
            Condition(
                "apprenticeship.enterprise.region",
                parameters=("apprenticeship.enterprise_region",),
                sources=(RuleSource(_GUIDE, "申请条件"),),
                read_on=_READ_ON,
            ),
            *(
                Condition(check, sources=(RuleSource(_GUIDE, "申请条件"),))
                for check in (
                    "apprenticeship.enterprise.legal_person",
                    "apprenticeship.enterprise.operating",
                    "apprenticeship.enterprise.not_dishonest",
                    "apprenticeship.enterprise.training_system",
                    "apprenticeship.enterprise.mentors_premises",
                )
            ),
            Condition(
                "apprenticeship.enterprise.evaluation_qualification",
                sources=(RuleSource(_CALL, "申报条件（五）"),),
            ),
            Condition(
                "apprenticeship.enterprise.own_centre_size",
                parameters=("apprenticeship.own_centre_min_size",),
                read_on=_READ_ON,
            ),
        ),
    )
)
"""The registered enterprise-conditions rule."""
