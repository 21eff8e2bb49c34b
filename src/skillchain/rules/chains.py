"""Rules for skills-ecosystem chains (产教评技能生态链): leaders, composition, claims.

Three rules: may an enterprise enter Shenzhen's chain-leader incubation
(``chains.leader``); does a chain have the parts it needs besides its leader
(``chains.composition``); and who inside a chain claims an apprentice's subsidy,
and how much (``chains.subsidy_claim``: the amount is the apprenticeship subsidy
rule's own, :func:`~skillchain.rules.check_subsidy`).  What the documents ask for
"in principle" or as a priority is *advisory*
(:attr:`~skillchain.rules.Condition.advisory`): a miss lowers the applicant's
priority but never rejects it.
"""

from datetime import date

import attrs

from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain._identifiers import CreditCode
from skillchain.model import (
    ApprenticeEnrolment,
    ChainClaimCondition,
    ChainLeaderApplication,
    ChainPart,
    Enterprise,
    EnterpriseSize,
    SkillChain,
)
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    AnyOf,
    Compares,
    Condition,
    Includes,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)
from skillchain.rules.apprenticeship.subsidy import (
    AMOUNT,
    PROVINCIAL_BAND,
    QUALIFIED,
    SUBSIDY_TERMS,
    check_subsidy,
)


__all__ = [
    "CHAIN_CLAIM_RULE",
    "CHAIN_COMPOSITION_RULE",
    "CHAIN_LEADER_RULE",
    "chain_claimant",
    "chain_composition",
    "chain_leader_incubation",
    "chain_subsidy_claim",
    "check_chain_leader",
]

_NOTICE = "sz-chain-leader-incubation"
_NEWS = RuleSource("sz-chain-leader-incubation-news")
_ITEM_1 = RuleSource(_NOTICE, "二（一）")
_ITEM_2 = RuleSource(_NOTICE, "二（二）")
_ITEM_3 = RuleSource(_NOTICE, "二（三）")
_ITEM_4 = RuleSource(_NOTICE, "二（四）")
_CLAIMS = RuleSource("gd-2023-13")
_MEASURES = "gd-2025-25"
_ARTICLE_2 = RuleSource(_MEASURES, "第二条")
_REQUIRED = ("chains.required_parts",)


def _with_clean_years(firm: Enterprise, years: int) -> Enterprise:
    """*firm* with *years* clean years: not on the dishonest list (a record) now.

    An enterprise on the list has a dishonest record now, so its clean years count
    only once it is off the list; a list status not known stays unknown.
    """
    listed = firm.on_dishonest_list
    return attrs.evolve(
        firm,
        clean_record_years=years,
        on_dishonest_list=None if listed is None else False,
    )


# --- chain-leader incubation: hard conditions, then the advisory ones -----------------

REGION = Condition(
    "chains.leader.region",
    zh="企业注册地 {division}，须在 {region} 注册登记",
    en="The enterprise is registered in {division}; it must be registered "
    "within {region}",
    parameters=("chains.leader_region",),
    sources=(_ITEM_1, _NEWS),
    remedy=Requires(
        "application.enterprise.registered_division", among="chains.leader_region"
    ),
)
LEGAL_PERSON = Condition(
    "chains.leader.legal_person",
    zh="企业具有独立法人资格：{value}",
    en="The enterprise is an independent legal person: {value}",
    facts=("application.enterprise.independent_legal_person",),
    sources=(_ITEM_1,),
    remedy=Requires("application.enterprise.independent_legal_person", equals=True),
)
OPERATING = Condition(
    "chains.leader.operating",
    zh="企业经营状况良好：{value}",
    en="The enterprise operates soundly: {value}",
    facts=("application.enterprise.operating_normally",),
    sources=(_ITEM_1,),
    remedy=Requires("application.enterprise.operating_normally", equals=True),
)
CLEAN_RECORD = Condition(
    "chains.leader.clean_record",
    zh="企业无违法、失信等不良记录 {years} 年（列入失信名单：{on_list}），"
    "须近 {minimum} 年无不良记录",
    en="The enterprise has {years} years without an illegal or dishonest record "
    "(on the dishonest list: {on_list}); it needs {minimum}",
    facts=("application.enterprise.clean_record_years",),
    parameters=("chains.leader_clean_record_years",),
    sources=(_ITEM_1, _NEWS),
    remedy=Compares(
        "application.enterprise",
        value="years",
        comparator=">=",
        bound="minimum",
        parameter="chains.leader_clean_record_years",
        mover=_with_clean_years,
    ),
)
SIZE = Condition(
    "chains.leader.size",
    zh="企业规模为{size}，须达到{minimum}及以上",
    en="The enterprise is {size}; it must be {minimum} or larger",
    facts=("application.enterprise.size",),
    parameters=("chains.leader_min_size",),
    sources=(_ITEM_2, _NEWS),
    # Sizes rank from micro up to large (not by their values): the finding
    # compares ranks, and the remedy names the smallest size that holds.
    remedy=Compares(
        "application.enterprise.size",
        value="size",
        comparator=">=",
        bound="minimum",
        parameter="chains.leader_min_size",
    ),
)
INSURED = Condition(
    "chains.leader.insured_staff",
    zh="在深参保职工（含子公司、分公司、分支机构）{staff} 人，须不少于 {minimum} 人",
    en="{staff} staff insured in Shenzhen (subsidiaries and branches counted); "
    "at least {minimum} needed",
    facts=("application.enterprise.insured_headcount_city",),
    parameters=("chains.leader_min_insured_staff",),
    sources=(_ITEM_2, _NEWS),
    remedy=Compares(
        "application.enterprise.insured_headcount_city",
        value="staff",
        comparator=">=",
        bound="minimum",
        parameter="chains.leader_min_insured_staff",
    ),
)
CHAIN_ENTERPRISES = Condition(
    "chains.leader.chain_enterprises",
    zh="能带动 {count} 家企业参与生态链建设，须不少于 {minimum} 家",
    en="It can bring {count} enterprises into the chain; at least {minimum} needed",
    facts=("application.chain_enterprises",),
    parameters=("chains.leader_min_chain_enterprises",),
    sources=(_ITEM_3, _NEWS),
    remedy=Compares(
        "application.chain_enterprises",
        value="count",
        comparator=">=",
        bound="minimum",
        parameter="chains.leader_min_chain_enterprises",
    ),
)
CHAIN_JOBS = Condition(
    "chains.leader.chain_jobs",
    zh="技能生态链能提供 {count} 个就业岗位，须不少于 {minimum} 个",
    en="The chain can offer {count} jobs; at least {minimum} needed",
    facts=("application.chain_jobs",),
    parameters=("chains.leader_min_chain_jobs",),
    sources=(_ITEM_3, _NEWS),
    remedy=Compares(
        "application.chain_jobs",
        value="count",
        comparator=">=",
        bound="minimum",
        parameter="chains.leader_min_chain_jobs",
    ),
)
TRAINING_SYSTEM = Condition(
    "chains.leader.training_system",
    zh="企业内部员工职业技能培训制度健全：{value}",
    en="The enterprise has a sound staff skills-training system: {value}",
    facts=("application.enterprise.has_training_system",),
    sources=(_ITEM_4,),
    remedy=Requires("application.enterprise.has_training_system", equals=True),
)
LADDER = Condition(
    "chains.leader.eight_level_ladder",
    zh="企业推行新“八级工”职业技能等级制度：{value}",
    en="The enterprise applies the new eight-rung skill-level ladder: {value}",
    facts=("application.eight_level_ladder",),
    sources=(_ITEM_4, _NEWS),
    remedy=Requires("application.eight_level_ladder", equals=True),
)
SCHOOLS = Condition(
    "chains.leader.school_cooperation",
    zh="企业具备良好的校企合作基础：{value}",
    en="The enterprise has a sound base of school cooperation: {value}",
    facts=("application.school_cooperation",),
    sources=(_ITEM_4,),
    remedy=Requires("application.school_cooperation", equals=True),
)
CATEGORY = Condition(
    "chains.leader.priority_category",
    zh="原则上属于“20+8”或优势产业集群、规模以上、集团性、上市或专精特新企业：{value}"
    "（产业集群 {clusters}，规上 {above_size}，集团 {group}，上市 {listed}，"
    "专精特新 {specialised}）",
    en="In principle a '20+8' or leading-cluster, above-designated-size, group, "
    "listed or specialised enterprise: {value} (clusters {clusters}, above size "
    "{above_size}, group {group}, listed {listed}, specialised {specialised})",
    facts=(
        "application.enterprise.above_designated_size",
        "application.enterprise.group_company",
        "application.enterprise.listed",
        "application.enterprise.specialised",
    ),
    sources=(_ITEM_3,),
    advisory=True,
)
RESULTS = Condition(
    "chains.leader.priority_results",
    zh="在技能评价、产教融合等方面成效显著（优先支持）：{value}",
    en="Strong results in skill evaluation or industry–education integration "
    "(priority): {value}",
    facts=("application.notable_results",),
    sources=(RuleSource(_NOTICE), _NEWS),
    advisory=True,
)

# --- chain composition ------------------------------------------------------------------

LEADER = Condition(
    "chains.composition.leader",
    zh="链主企业：{leader}",
    en="Chain leader: {leader}",
    sources=(_ARTICLE_2,),
)
PARTS = Condition(
    "chains.composition.parts",
    zh="技能生态链须具备的组成部分（第二章“组链建链”，由区提供）：{parts}",
    en="The parts a skill chain must have (chapter 2, supplied by the "
    "district): {parts}",
    parameters=_REQUIRED,
)
MEMBERS = Condition(
    "chains.composition.members",
    zh="链员企业 {count} 家，须至少 1 家",
    en="{count} member enterprises; at least 1 needed",
    parameters=_REQUIRED,
    remedy=Includes("chain.members"),
)
COLLEGE_OR_TRAINING = Condition(
    "chains.composition.college_or_training",
    zh="院校或培训机构 {count} 家，须至少 1 家",
    en="{count} colleges or training institutions; at least 1 needed",
    parameters=_REQUIRED,
    remedy=AnyOf(Includes("chain.colleges"), Includes("chain.training_institutions")),
)
EVALUATION = Condition(
    "chains.composition.evaluation",
    zh="技能评价机构 {count} 家，须至少 1 家",
    en="{count} skill-evaluation bodies; at least 1 needed",
    parameters=_REQUIRED,
    remedy=Includes("chain.evaluation_bodies"),
)
HR_SERVICE = Condition(
    "chains.composition.hr_service",
    zh="就业和人力资源服务机构 {count} 家，须至少 1 家",
    en="{count} employment or HR-service bodies; at least 1 needed",
    parameters=_REQUIRED,
    remedy=Includes("chain.hr_service_bodies"),
)
INDUSTRY_ASSOCIATION = Condition(
    "chains.composition.industry_association",
    zh="行业协会 {count} 家，须至少 1 家",
    en="{count} industry associations; at least 1 needed",
    parameters=_REQUIRED,
    remedy=Includes("chain.industry_associations"),
)
PARTICIPANTS = Condition(
    "chains.composition.participants",
    zh="据第二条理解应有的参与单位：{expected}；生态链缺少：{lacking}"
    "（仅作提示，不影响结论）",
    en="Parts expected from art. 2 as this library reads it: {expected}; the "
    "chain has none of: {lacking} (advisory only, never a refusal)",
    parameters=("chains.participant_parts",),
    advisory=True,
)

# --- who claims the apprenticeship subsidy inside a chain ---------------------------------

IN_CHAIN = Condition(
    "chains.claim.chain_enterprise",
    zh="学徒所在企业 {enterprise} 是该生态链的链主或链员企业：{value}",
    en="The apprentice's enterprise {enterprise} is the chain's leader or a "
    "member: {value}",
    sources=(_CLAIMS, RuleSource(_NOTICE, "三")),
    remedy=Unremediable(
        "学徒所在企业 {enterprise} 既非该生态链的链主也非链员企业，"
        "其补贴不在该生态链内申领",
        "the apprentice's enterprise {enterprise} is neither the chain's leader "
        "nor a member, so its subsidy is not claimed inside this chain",
    ),
)
CLAIMANT = Condition(
    "chains.claim.claimant",
    zh="培养计划备案日期 {filed_on}；链主集中培训：{central}；"
    "链主签订学徒培养协议：{leader_signs}；补贴申领单位：{claimant}",
    en="Programme filed on {filed_on}; the leader trains centrally: {central}; "
    "the leader signs the apprentice agreements: {leader_signs}; the subsidy "
    "is claimed by {claimant}",
    facts=(
        "enrolment.programme.filed_on",
        "central_training",
        "leader_signs_agreements",
    ),
    parameters=("chains.leader_claims_when",),
    sources=(_CLAIMS,),
    read_on=ReadOn(
        "enrolment.programme.filed_on",
        "粤人社规〔2023〕13号 says who claims in its filing provisions: the chain "
        "enterprise that files the programme, before training starts, is the one "
        "that claims, so the measure in force on the filing day decides",
    ),
)
# With no filing day, or no measure in force on it, no figure is read: the finding
# cites the condition's source and names what it lacks.
_CLAIMANT_UNREAD = CLAIMANT.only()

# EnterpriseSize lists its members from large to micro: a larger size ranks higher.
_SIZE_RANK = {size: rank for rank, size in enumerate(reversed(EnterpriseSize))}


def check_chain_leader(judge: Judge, application: ChainLeaderApplication) -> None:
    """Record the chain-leader incubation findings for *application* on *judge*."""
    record = judge.record
    firm = application.enterprise
    region = judge.value(REGION)
    division = firm.registered_division
    record(
        REGION,
        None if region is None else region.contains(division),
        (("division", division), ("region", region)),
    )
    for condition, flag in (
        (LEGAL_PERSON, firm.independent_legal_person),
        (OPERATING, firm.operating_normally),
    ):
        record(condition, flag, (("value", flag),), (flag,))

    years = firm.clean_record_years
    on_list = firm.on_dishonest_list
    minimum = judge.value(CLEAN_RECORD)
    if on_list is True:
        # On the dishonest list now: the record is not clean, whatever the years say.
        clean: bool | None = False
    else:
        clean = None if years is None or minimum is None else years >= minimum
    record(
        CLEAN_RECORD,
        clean,
        (("years", years), ("on_list", on_list), ("minimum", minimum)),
        (years,),
    )
    size = firm.size
    smallest = judge.value(SIZE)
    record(
        SIZE,
        None
        if size is None or smallest is None
        else _SIZE_RANK[size] >= _SIZE_RANK[smallest],
        (("size", size), ("minimum", smallest)),
        (size,),
    )
    for condition, label, count in (
        (INSURED, "staff", firm.insured_headcount_city),
        (CHAIN_ENTERPRISES, "count", application.chain_enterprises),
        (CHAIN_JOBS, "count", application.chain_jobs),
    ):
        minimum = judge.value(condition)
        record(
            condition,
            None if count is None or minimum is None else count >= minimum,
            ((label, count), ("minimum", minimum)),
            (count,),
        )
    for condition, flag in (
        (TRAINING_SYSTEM, firm.has_training_system),
        (LADDER, application.eight_level_ladder),
        (SCHOOLS, application.school_cooperation),
    ):
        record(condition, flag, (("value", flag),), (flag,))

    # Advisory: "原则上" (in principle) the enterprise is one of these kinds.  No
    # cluster recorded is not "known not in a cluster": the tags may be incomplete,
    # so the kind is known not to fit only when every other category is known.
    clusters = len(firm.cluster_tags)
    kinds = (
        firm.above_designated_size,
        firm.group_company,
        firm.listed,
        firm.specialised,
    )
    if clusters or True in kinds:
        category: bool | None = True
    else:
        category = None if None in kinds else False
    names = ("above_size", "group", "listed", "specialised")
    record(
        CATEGORY,
        category,
        (("value", category), ("clusters", clusters), *zip(names, kinds, strict=True)),
        kinds,
    )
    results = application.notable_results
    record(RESULTS, results, (("value", results),), (results,))


@in_library_context
def chain_leader_incubation(
    application: ChainLeaderApplication,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether an enterprise qualifies for chain-leader incubation (链主企业培育孵化).

    The figures are those in force on *on*, the day the application is judged.  The
    advisory findings never change the outcome: see
    :attr:`~skillchain.Decision.advisories` and
    :attr:`~skillchain.Decision.priority_met`.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, DivisionCode
        >>> from skillchain.model import ChainLeaderApplication, Enterprise, EnterpriseSize
        >>> from skillchain.rules import chain_leader_incubation
        >>> firm = Enterprise(credit_code=CreditCode("91350100M000100Y43"),
        ...     name="深圳市某集团有限公司", registered_division=DivisionCode("440304"),
        ...     independent_legal_person=True, operating_normally=True,
        ...     on_dishonest_list=False, clean_record_years=5, size=EnterpriseSize.LARGE,
        ...     insured_headcount_city=300, has_training_system=True,
        ...     listed=False, group_company=False, above_designated_size=False,
        ...     specialised=False)
        >>> application = ChainLeaderApplication(enterprise=firm, chain_enterprises=5,
        ...     chain_jobs=300, eight_level_ladder=True, school_cooperation=True,
        ...     notable_results=True)
        >>> decision = chain_leader_incubation(application, on=date(2026, 3, 1))
        >>> decision.outcome.value, decision.priority_met
        ('eligible', False)
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_chain_leader(judge, application)
    return judge.decide(CHAIN_LEADER_RULE)


CHAIN_LEADER_RULE: Rule = register(
    Rule(
        id="chains.leader",
        version="2026.3",
        title_zh="产教评技能生态链链主企业培育孵化条件",
        title_en="Chain-leader incubation conditions (skills-ecosystem chains)",
        function=chain_leader_incubation,
        sources=(
            RuleSource(_NOTICE, "二"),
            _NEWS,
            RuleSource("gd-2022-26"),
            RuleSource(_MEASURES),
        ),
        conditions=(
            REGION,
            LEGAL_PERSON,
            OPERATING,
            CLEAN_RECORD,
            SIZE,
            INSURED,
            CHAIN_ENTERPRISES,
            CHAIN_JOBS,
            TRAINING_SYSTEM,
            LADDER,
            SCHOOLS,
            CATEGORY,
            RESULTS,
        ),
    )
)
"""The registered chain-leader incubation rule."""


# --- rule: chain composition -------------------------------------------------------------

# One condition per part, in the order of ChainPart.
_PART_CONDITIONS = {
    ChainPart.MEMBERS: MEMBERS,
    ChainPart.COLLEGE_OR_TRAINING: COLLEGE_OR_TRAINING,
    ChainPart.EVALUATION: EVALUATION,
    ChainPart.HR_SERVICE: HR_SERVICE,
    ChainPart.INDUSTRY_ASSOCIATION: INDUSTRY_ASSOCIATION,
}


def _parts_text(parts: frozenset[ChainPart]) -> str:
    """The parts, in :class:`ChainPart` order, as a list in Chinese."""
    return "、".join(part.zh for part in ChainPart if part in parts) or "—"


@in_library_context
def chain_composition(
    chain: SkillChain,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *chain* has the parts a skill chain needs besides its leader.

    The required parts are district-supplied.  Until a district supplies them the
    decision is *undetermined*, and an advisory finding shows which parts of this
    library's reading of the measures the chain has none of.  Once they are
    supplied there is one finding per required part, so an *ineligible* decision
    names every part that is missing.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode
        >>> from skillchain.model import ChainPartner, ChainStatus, SkillChain
        >>> from skillchain.rules import chain_composition
        >>> chain = SkillChain(name="某产教评技能生态链",
        ...     leader=CreditCode("91350100M000100Y43"),
        ...     members=frozenset({CreditCode("9144030400000000J0")}),
        ...     colleges=(ChainPartner(name="某技师学院"),),
        ...     status=ChainStatus.INCUBATION, year=2026)
        >>> decision = chain_composition(chain, on=date(2026, 3, 1))
        >>> decision.outcome.value, decision.missing
        ('undetermined', ('chains.required_parts',))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    judge.record(LEADER, True, (("leader", chain.leader),))
    parts: frozenset[ChainPart] | None = judge.value(PARTS)
    if parts is None:
        judge.record(PARTS, None, (("parts", None),))
        # Only while nothing says what a chain must have: advise on the reading.
        expected: frozenset[ChainPart] | None = judge.value(PARTICIPANTS)
        lacking = (
            None
            if expected is None
            else frozenset(part for part in expected if part.count(chain) == 0)
        )
        judge.record(
            PARTICIPANTS,
            None if lacking is None else not lacking,
            (
                ("expected", None if expected is None else _parts_text(expected)),
                ("lacking", None if lacking is None else _parts_text(lacking)),
            ),
        )
        return judge.decide(CHAIN_COMPOSITION_RULE)
    judge.record(PARTS, True, (("parts", _parts_text(parts)),))
    for part, condition in _PART_CONDITIONS.items():
        if part in parts:
            count = part.count(chain)
            judge.record(condition, count > 0, (("count", count),))
    return judge.decide(CHAIN_COMPOSITION_RULE)


CHAIN_COMPOSITION_RULE: Rule = register(
    Rule(
        id="chains.composition",
        version="2026.3",
        title_zh="产教评技能生态链的组成",
        title_en="Composition of a skills-ecosystem chain",
        function=chain_composition,
        sources=(_ARTICLE_2, RuleSource(_MEASURES, "第二章")),
        conditions=(LEADER, PARTS, *_PART_CONDITIONS.values(), PARTICIPANTS),
    )
)
"""The registered chain-composition rule."""


# --- rule: who claims the apprenticeship subsidy inside a chain ---------------------------


def _claimant(
    chain: SkillChain,
    employer: CreditCode,
    conditions: frozenset[ChainClaimCondition],
    facts: dict[ChainClaimCondition, bool | None],
) -> tuple[CreditCode | None, tuple[str, ...]]:
    """The claimant under *conditions*, and the facts whose being unknown leaves it open.

    The leader claims for its own trainees; for a member's trainee, the leader claims
    when every condition holds, the member when any is known to fail.  A condition's
    value names the fact (keyword argument) that says whether it holds.
    """
    if employer == chain.leader:
        return chain.leader, ()
    needed = {c: facts[c] for c in ChainClaimCondition if c in conditions}
    if False in needed.values():
        return employer, ()
    unknown = tuple(c.value for c, held in needed.items() if held is None)
    return (None, unknown) if unknown else (chain.leader, ())


def _claim_facts(
    central_training: bool | None, leader_signs_agreements: bool | None
) -> dict[ChainClaimCondition, bool | None]:
    """Whether each claim condition holds, by the facts given (``None``: unknown)."""
    return {
        ChainClaimCondition.CENTRAL_TRAINING: central_training,
        ChainClaimCondition.LEADER_SIGNS_AGREEMENTS: leader_signs_agreements,
    }


@in_library_context
def chain_claimant(
    chain: SkillChain,
    employer: CreditCode,
    *,
    central_training: bool | None,
    leader_signs_agreements: bool | None,
    filed_on: date | None,
    policy: Policy | None = None,
) -> CreditCode | None:
    """The enterprise that claims the subsidy for an apprentice of *employer*.

    Read under the measure in force on *filed_on*, the day the programme was filed;
    *central_training* and *leader_signs_agreements* say whether the leader trains
    the apprentices centrally and signs their agreements (``None``: not known).
    ``None`` when *employer* is not in *chain*, when the filing day is unknown or no
    measure saying who claims is in force on it, or when the answer depends on a
    fact that is unknown.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode
        >>> from skillchain.model import ChainStatus, SkillChain
        >>> from skillchain.rules import chain_claimant
        >>> leader, member = CreditCode("91350100M000100Y43"), CreditCode("9144030400000000J0")
        >>> chain = SkillChain(name="某链", leader=leader, members=frozenset({member}),
        ...     status=ChainStatus.RECOGNISED, year=2024)
        >>> chain_claimant(chain, member, central_training=True,
        ...     leader_signs_agreements=True, filed_on=date(2024, 2, 20)) == leader
        True
    """
    if employer not in chain.enterprises or filed_on is None:
        return None
    register = policy if policy is not None else Policy.default()
    conditions = Judge(register, filed_on).value(CLAIMANT)
    if conditions is None:
        return None
    claimant, _ = _claimant(
        chain,
        employer,
        conditions,
        _claim_facts(central_training, leader_signs_agreements),
    )
    return claimant


def _check_claimant(
    judge: Judge,
    chain: SkillChain,
    employer: CreditCode,
    filed_on: date | None,
    facts: dict[ChainClaimCondition, bool | None],
) -> None:
    """Record who claims, read on the filing day; undetermined, naming every unknown."""
    conditions = None if filed_on is None else judge.value(CLAIMANT, day=filed_on)
    values = (
        ("filed_on", filed_on),
        ("central", facts[ChainClaimCondition.CENTRAL_TRAINING]),
        ("leader_signs", facts[ChainClaimCondition.LEADER_SIGNS_AGREEMENTS]),
    )
    if conditions is not None:
        claimant, unknown = _claimant(chain, employer, conditions, facts)
        judge.record(
            CLAIMANT,
            None if claimant is None else True,
            (*values, ("claimant", claimant)),
            day=filed_on,
            missing=unknown,
        )
        return
    # No filing day, or no measure saying who claims in force on it: the claimant is
    # unknown.  Name the day or the parameter, and every fact the test could need.
    (name,) = CLAIMANT.parameters
    missing = [name]
    if filed_on is None:
        # Whatever the filing day, no test is in force if the policy has none at all.
        known = judge.policy.parameters.get(name)
        missing = [CLAIMANT.facts[0], *(() if known and known.values else (name,))]
    if employer != chain.leader:
        missing.extend(c.value for c in ChainClaimCondition if facts[c] is None)
    judge.record(_CLAIMANT_UNREAD, None, (*values, ("claimant", None)), missing=missing)


@in_library_context
def chain_subsidy_claim(
    chain: SkillChain,
    enrolment: ApprenticeEnrolment,
    *,
    central_training: bool | None = None,
    leader_signs_agreements: bool | None = None,
    shortage_occupation: bool | None = None,
    student: bool = False,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide who in *chain* claims *enrolment*'s apprenticeship subsidy, and how much.

    The apprentice's enterprise (``enrolment.programme.enterprise``) must be the
    chain's leader or a member.  Who claims is read on the day the programme was
    filed (``enrolment.programme.filed_on``), from *central_training* and
    *leader_signs_agreements* as :func:`chain_claimant` reads them; the claimant is
    the ``claimant`` value of the ``chains.claim.claimant`` finding.  The amount and
    its findings are the apprenticeship subsidy's own, recorded by
    :func:`~skillchain.rules.check_subsidy` for one apprentice with
    *shortage_occupation* and *student*, from the figures in force on *on*.
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    employer = enrolment.programme.enterprise
    in_chain = employer in chain.enterprises
    judge.record(IN_CHAIN, in_chain, (("enterprise", employer), ("value", in_chain)))
    if in_chain:
        _check_claimant(
            judge,
            chain,
            employer,
            enrolment.programme.filed_on,
            _claim_facts(central_training, leader_signs_agreements),
        )
    amount = check_subsidy(
        judge, enrolment, shortage_occupation=shortage_occupation, student=student
    )
    return judge.decide(CHAIN_CLAIM_RULE, amount)


CHAIN_CLAIM_RULE: Rule = register(
    Rule(
        id="chains.subsidy_claim",
        version="2026.3",
        title_zh="技能生态链内学徒制培训补贴的申领单位与金额",
        title_en="Who claims an apprentice's subsidy inside a skill chain, and how much",
        function=chain_subsidy_claim,
        sources=(_CLAIMS, RuleSource(_NOTICE, "三"), RuleSource("sz-2019-11")),
        conditions=(IN_CHAIN, CLAIMANT, *SUBSIDY_TERMS, QUALIFIED, AMOUNT),
        retired=(PROVINCIAL_BAND,),
    )
)
"""The registered chain subsidy-claim rule (reuses the apprenticeship subsidy's checks)."""
