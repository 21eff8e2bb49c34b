"""Rules for skills-ecosystem chains (产教评技能生态链): leaders, composition, claims.

Three rules:

* ``chains.leader``: may an enterprise enter Shenzhen's chain-leader incubation
  (链主企业培育孵化)?  The notice of the Shenzhen HR bureau (citing
  粤人社规〔2022〕26号 and 〔2025〕25号) sets hard conditions (registration, record,
  size, insured staff, the chain it can build, its training system) and "in
  principle" ones (the kind of enterprise) plus a priority (strong results).  The
  latter are *advisory*: a miss lowers the applicant's priority but never rejects
  it (:meth:`~skillchain.rules.Judge.advise`).
* ``chains.composition``: does a chain have the parts it needs besides its leader?
  What chapter 2 of 粤人社规〔2025〕25号 (组链建链) requires is not known, so the
  required parts are district-supplied and, until supplied, the decision is
  undetermined; the library's reading of art. 2 (members, a college or training
  institution, an evaluation body; ``unverified``) is advisory only and never
  refuses a chain.
* ``chains.subsidy_claim``: who claims an apprentice's subsidy inside a chain, and
  how much?  Under 粤人社规〔2023〕13号 (filings from 2023-08-15 to 2025-12-31) each
  chain enterprise claims for its own trainees and the leader claims when it trains
  centrally and signs the apprentice agreements; outside that period the claimant
  is undetermined.  The amount is the apprenticeship subsidy rule's own
  (:func:`~skillchain.rules.check_subsidy`).
"""

from datetime import date

from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._identifiers import CreditCode
from skillchain._sources import Citation
from skillchain.model import (
    ApprenticeEnrolment,
    ChainClaimCondition,
    ChainLeaderApplication,
    ChainPart,
    EnterpriseSize,
    SkillChain,
)
from skillchain.policy import Policy, Resolved
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register
from skillchain.rules.apprenticeship_subsidy import (
    _AMOUNT_CONDITION,
    _QUALIFIED,
    _RATE_CONDITIONS,
    _SHENZHEN,
    _SUBSIDY_PARAMETERS,
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
_NEWS = "sz-chain-leader-incubation-news"
_CLAIMS = "gd-2023-13"
_MEASURES = "gd-2025-25"
_FOUNDING = "gd-2022-26"

_REGION = "chains.leader.region"
_LEGAL_PERSON = "chains.leader.legal_person"
_OPERATING = "chains.leader.operating"
_CLEAN_RECORD = "chains.leader.clean_record"
_SIZE = "chains.leader.size"
_INSURED = "chains.leader.insured_staff"
_CHAIN_ENTERPRISES = "chains.leader.chain_enterprises"
_CHAIN_JOBS = "chains.leader.chain_jobs"
_TRAINING_SYSTEM = "chains.leader.training_system"
_LADDER = "chains.leader.eight_level_ladder"
_SCHOOLS = "chains.leader.school_cooperation"
_CATEGORY = "chains.leader.priority_category"
_RESULTS = "chains.leader.priority_results"

_PARTS = "chains.composition.parts"
_LEADER = "chains.composition.leader"
_PARTICIPANTS = "chains.composition.participants"
_PART_CHECKS = {part: f"chains.composition.{part.value}" for part in ChainPart}

_IN_CHAIN = "chains.claim.chain_enterprise"
_CLAIMANT = "chains.claim.claimant"

register_messages(
    {
        _REGION: Message(
            zh="企业注册地 {division}，须在 {region} 注册登记",
            en="The enterprise is registered in {division}; it must be registered "
            "within {region}",
        ),
        _LEGAL_PERSON: Message(
            zh="企业具有独立法人资格：{value}",
            en="The enterprise is an independent legal person: {value}",
        ),
        _OPERATING: Message(
            zh="企业经营状况良好：{value}",
            en="The enterprise operates soundly: {value}",
        ),
        _CLEAN_RECORD: Message(
            zh="企业无违法、失信等不良记录 {years} 年（列入失信名单：{on_list}），"
            "须近 {minimum} 年无不良记录",
            en="The enterprise has {years} years without an illegal or dishonest record "
            "(on the dishonest list: {on_list}); it needs {minimum}",
        ),
        _SIZE: Message(
            zh="企业规模为{size}，须达到{minimum}及以上",
            en="The enterprise is {size}; it must be {minimum} or larger",
        ),
        _INSURED: Message(
            zh="在深参保职工（含子公司、分公司、分支机构）{staff} 人，须不少于 {minimum} 人",
            en="{staff} staff insured in Shenzhen (subsidiaries and branches counted); "
            "at least {minimum} needed",
        ),
        _CHAIN_ENTERPRISES: Message(
            zh="能带动 {count} 家企业参与生态链建设，须不少于 {minimum} 家",
            en="It can bring {count} enterprises into the chain; at least {minimum} "
            "needed",
        ),
        _CHAIN_JOBS: Message(
            zh="技能生态链能提供 {count} 个就业岗位，须不少于 {minimum} 个",
            en="The chain can offer {count} jobs; at least {minimum} needed",
        ),
        _TRAINING_SYSTEM: Message(
            zh="企业内部员工职业技能培训制度健全：{value}",
            en="The enterprise has a sound staff skills-training system: {value}",
        ),
        _LADDER: Message(
            zh="企业推行新“八级工”职业技能等级制度：{value}",
            en="The enterprise applies the new eight-rung skill-level ladder: {value}",
        ),
        _SCHOOLS: Message(
            zh="企业具备良好的校企合作基础：{value}",
            en="The enterprise has a sound base of school cooperation: {value}",
        ),
        _CATEGORY: Message(
            zh="原则上属于“20+8”或优势产业集群、规模以上、集团性、上市或专精特新企业：{value}"
            "（产业集群 {clusters}，规上 {above_size}，集团 {group}，上市 {listed}，"
            "专精特新 {specialised}）",
            en="In principle a '20+8' or leading-cluster, above-designated-size, group, "
            "listed or specialised enterprise: {value} (clusters {clusters}, above size "
            "{above_size}, group {group}, listed {listed}, specialised {specialised})",
        ),
        _RESULTS: Message(
            zh="在技能评价、产教融合等方面成效显著（优先支持）：{value}",
            en="Strong results in skill evaluation or industry–education integration "
            "(priority): {value}",
        ),
        _PARTS: Message(
            zh="技能生态链须具备的组成部分（第二章“组链建链”，由区提供）：{parts}",
            en="The parts a skill chain must have (chapter 2, supplied by the "
            "district): {parts}",
        ),
        _LEADER: Message(
            zh="链主企业：{leader}",
            en="Chain leader: {leader}",
        ),
        _PARTICIPANTS: Message(
            zh="据第二条理解应有的参与单位：{expected}；生态链缺少：{lacking}"
            "（仅作提示，不影响结论）",
            en="Parts expected from art. 2 as this library reads it: {expected}; the "
            "chain has none of: {lacking} (advisory only, never a refusal)",
        ),
        _PART_CHECKS[ChainPart.MEMBERS]: Message(
            zh="链员企业 {count} 家，须至少 1 家",
            en="{count} member enterprises; at least 1 needed",
        ),
        _PART_CHECKS[ChainPart.COLLEGE_OR_TRAINING]: Message(
            zh="院校或培训机构 {count} 家，须至少 1 家",
            en="{count} colleges or training institutions; at least 1 needed",
        ),
        _PART_CHECKS[ChainPart.EVALUATION]: Message(
            zh="技能评价机构 {count} 家，须至少 1 家",
            en="{count} skill-evaluation bodies; at least 1 needed",
        ),
        _PART_CHECKS[ChainPart.HR_SERVICE]: Message(
            zh="就业和人力资源服务机构 {count} 家，须至少 1 家",
            en="{count} employment or HR-service bodies; at least 1 needed",
        ),
        _PART_CHECKS[ChainPart.INDUSTRY_ASSOCIATION]: Message(
            zh="行业协会 {count} 家，须至少 1 家",
            en="{count} industry associations; at least 1 needed",
        ),
        _IN_CHAIN: Message(
            zh="学徒所在企业 {enterprise} 是该生态链的链主或链员企业：{value}",
            en="The apprentice's enterprise {enterprise} is the chain's leader or a "
            "member: {value}",
        ),
        _CLAIMANT: Message(
            zh="培养计划备案日期 {filed_on}；链主集中培训：{central}；"
            "链主签订学徒培养协议：{leader_signs}；补贴申领单位：{claimant}",
            en="Programme filed on {filed_on}; the leader trains centrally: {central}; "
            "the leader signs the apprentice agreements: {leader_signs}; the subsidy "
            "is claimed by {claimant}",
        ),
    }
)

# EnterpriseSize lists its members from large to micro: a larger size ranks higher.
_SIZE_RANK = {size: rank for rank, size in enumerate(reversed(EnterpriseSize))}


def _at_least(
    judge: Judge,
    check: str,
    fact: tuple[str, str, int | None],
    param: Resolved[int],
    also: tuple[Citation, ...] = (),
) -> None:
    """Record ``fact >= param``; undecided, naming what is missing, if either is unknown.

    *fact* is ``(name, label, value)``: the fact's dotted name (for ``missing``), the
    name its value has in the finding, and the value; *also* are documents that
    confirm the figure besides the parameter's own.
    """
    name, label, value = fact
    minimum = judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = ((label, value), ("minimum", minimum))
    cited = (*citations_of(param), *also)
    if value is None or minimum is None:
        missing = tuple(
            missing_name
            for missing_name, known in ((name, value), (param.name, minimum))
            if known is None
        )
        judge.missing(check, missing, values, cited)
    else:
        judge.check(check, value >= minimum, values, cited)


def _flag(
    judge: Judge,
    check: str,
    fact: tuple[str, bool | None],
    citations: tuple[Citation, ...],
) -> None:
    """Record a yes/no fact that must hold; undecided (naming it) if unknown."""
    name, value = fact
    if value is None:
        judge.missing(check, (name,), (("value", None),), citations)
    else:
        judge.check(check, value, (("value", value),), citations)


def _any_known(*facts: bool | None) -> bool | None:
    """``True`` if any fact holds, ``False`` if all are known not to, else ``None``."""
    if True in facts:
        return True
    if None in facts:
        return None
    return False


# --- rule: chain-leader incubation ------------------------------------------------------


def check_chain_leader(judge: Judge, application: ChainLeaderApplication) -> None:
    """Record the chain-leader incubation findings for *application* on *judge*.

    Hard conditions first (notice part 二, items 一 to 四), then the two advisory
    ones: the "in principle" kind of enterprise (item 三) and the priority for
    strong results in skill evaluation or industry–education integration.
    """
    params = judge.params.chains
    policy = judge.policy
    firm = application.enterprise
    item1 = (policy.citation(_NOTICE, "二（一）"),)
    item3 = (policy.citation(_NOTICE, "二（三）"),)
    item4 = (policy.citation(_NOTICE, "二（四）"),)
    news = (policy.citation(_NEWS),)

    region_param = params.leader_region
    region = judge.use(region_param)
    region_values: tuple[tuple[str, FactValue], ...] = (
        ("division", firm.registered_division),
        ("region", region),
    )
    if region is None:
        judge.missing(_REGION, (region_param.name,), region_values, (*item1, *news))
    else:
        judge.check(
            _REGION,
            region.contains(firm.registered_division),
            region_values,
            (*citations_of(region_param), *news),
        )
    _flag(
        judge,
        _LEGAL_PERSON,
        (
            "application.enterprise.independent_legal_person",
            firm.independent_legal_person,
        ),
        item1,
    )
    _flag(
        judge,
        _OPERATING,
        ("application.enterprise.operating_normally", firm.operating_normally),
        item1,
    )

    years_param = params.leader_clean_record_years
    minimum_years = judge.use(years_param)
    record_values: tuple[tuple[str, FactValue], ...] = (
        ("years", firm.clean_record_years),
        ("on_list", firm.on_dishonest_list),
        ("minimum", minimum_years),
    )
    record_cited = (*citations_of(years_param), *news)
    if firm.on_dishonest_list is True:
        # On the dishonest list now: the record is not clean, whatever the years say.
        judge.check(_CLEAN_RECORD, False, record_values, record_cited)
    elif firm.clean_record_years is None or minimum_years is None:
        missing = tuple(
            name
            for name, known in (
                ("application.enterprise.clean_record_years", firm.clean_record_years),
                (years_param.name, minimum_years),
            )
            if known is None
        )
        judge.missing(_CLEAN_RECORD, missing, record_values, record_cited)
    else:
        judge.check(
            _CLEAN_RECORD,
            firm.clean_record_years >= minimum_years,
            record_values,
            record_cited,
        )

    size_param = params.leader_min_size
    minimum_size = judge.use(size_param)
    size_values: tuple[tuple[str, FactValue], ...] = (
        ("size", firm.size),
        ("minimum", minimum_size),
    )
    if firm.size is None or minimum_size is None:
        missing = tuple(
            name
            for name, known in (
                ("application.enterprise.size", firm.size),
                (size_param.name, minimum_size),
            )
            if known is None
        )
        judge.missing(_SIZE, missing, size_values, (*citations_of(size_param), *news))
    else:
        judge.check(
            _SIZE,
            _SIZE_RANK[firm.size] >= _SIZE_RANK[minimum_size],
            size_values,
            (*citations_of(size_param), *news),
        )

    _at_least(
        judge,
        _INSURED,
        (
            "application.enterprise.insured_headcount_city",
            "staff",
            firm.insured_headcount_city,
        ),
        params.leader_min_insured_staff,
        news,
    )
    _at_least(
        judge,
        _CHAIN_ENTERPRISES,
        ("application.chain_enterprises", "count", application.chain_enterprises),
        params.leader_min_chain_enterprises,
        news,
    )
    _at_least(
        judge,
        _CHAIN_JOBS,
        ("application.chain_jobs", "count", application.chain_jobs),
        params.leader_min_chain_jobs,
        news,
    )
    _flag(
        judge,
        _TRAINING_SYSTEM,
        ("application.enterprise.has_training_system", firm.has_training_system),
        item4,
    )
    _flag(
        judge,
        _LADDER,
        ("application.eight_level_ladder", application.eight_level_ladder),
        (*item4, *news),
    )
    _flag(
        judge,
        _SCHOOLS,
        ("application.school_cooperation", application.school_cooperation),
        item4,
    )

    # Advisory: "原则上" (in principle) the enterprise is one of these kinds.
    clusters = len(firm.cluster_tags)
    category = _any_known(
        clusters > 0 or None,
        firm.above_designated_size,
        firm.group_company,
        firm.listed,
        firm.specialised,
    )
    # No cluster recorded is not "known not in a cluster": the tags may be incomplete.
    if (
        category is None
        and clusters == 0
        and None
        not in (
            firm.above_designated_size,
            firm.group_company,
            firm.listed,
            firm.specialised,
        )
    ):
        category = False
    judge.advise(
        _CATEGORY,
        category,
        (
            ("value", category),
            ("clusters", clusters),
            ("above_size", firm.above_designated_size),
            ("group", firm.group_company),
            ("listed", firm.listed),
            ("specialised", firm.specialised),
        ),
        item3,
        ()
        if category is not None
        else tuple(
            f"application.enterprise.{name}"
            for name, known in (
                ("above_designated_size", firm.above_designated_size),
                ("group_company", firm.group_company),
                ("listed", firm.listed),
                ("specialised", firm.specialised),
            )
            if known is None
        ),
    )
    results = application.notable_results
    judge.advise(
        _RESULTS,
        results,
        (("value", results),),
        (policy.citation(_NOTICE), *news),
        () if results is not None else ("application.notable_results",),
    )


@in_library_context
def chain_leader_incubation(
    application: ChainLeaderApplication,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether an enterprise qualifies for chain-leader incubation (链主企业培育孵化).

    Hard conditions (any failure: *ineligible*; any unknown: *undetermined*):
    registered in Shenzhen (``chains.leader_region``), an independent legal person,
    operating soundly, no illegal or dishonest record for
    ``chains.leader_clean_record_years`` years (and not on the dishonest list), at
    least ``chains.leader_min_size`` (large or medium), at least
    ``chains.leader_min_insured_staff`` staff insured in Shenzhen, able to bring at
    least ``chains.leader_min_chain_enterprises`` enterprises into the chain with
    at least ``chains.leader_min_chain_jobs`` jobs, a sound training system that
    applies the new eight-rung ladder, and a base of school cooperation.

    Advisory (never change the outcome; see :attr:`~skillchain.Decision.advisories`
    and :attr:`~skillchain.Decision.priority_met`): "in principle" a cluster,
    above-designated-size, group, listed or 专精特新 enterprise; priority for strong
    results in skill evaluation or industry–education integration.

    Effective: from 2026-01-09, the first day the notice is known to exist; its own
    date is not known and is earlier, so that start is inferred and a decision using
    the figures is at best ``unverified``.  Every figure is read on the evaluation
    day.

    References:
        深圳市人社局《关于开展产教评技能生态链链主企业培育孵化工作的通知》
        (citing 粤人社规〔2022〕26号 and 粤人社规〔2025〕25号), part 二.

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
        >>> decision.outcome, decision.priority_met
        (<Outcome.ELIGIBLE: 'eligible'>, False)
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_chain_leader(judge, application)
    return judge.decide(CHAIN_LEADER_RULE)


_NOTICE_ITEM_1 = (RuleSource(_NOTICE, "二（一）"),)
_NOTICE_ITEM_4 = (RuleSource(_NOTICE, "二（四）"),)
_NEWS_SOURCE = RuleSource(_NEWS)

CHAIN_LEADER_RULE: Rule = register(
    Rule(
        id="chains.leader",
        version="2026.2",
        title_zh="产教评技能生态链链主企业培育孵化条件",
        title_en="Chain-leader incubation conditions (skills-ecosystem chains)",
        function=chain_leader_incubation,
        sources=(
            RuleSource(_NOTICE, "二"),
            RuleSource(_NEWS),
            RuleSource(_FOUNDING),
            RuleSource(_MEASURES),
        ),
        parameters=(
            "chains.leader_region",
            "chains.leader_clean_record_years",
            "chains.leader_min_size",
            "chains.leader_min_insured_staff",
            "chains.leader_min_chain_enterprises",
            "chains.leader_min_chain_jobs",
        ),
        conditions=(
            Condition(
                _REGION,
                parameters=("chains.leader_region",),
                sources=(*_NOTICE_ITEM_1, _NEWS_SOURCE),
            ),
            Condition(_LEGAL_PERSON, sources=_NOTICE_ITEM_1),
            Condition(_OPERATING, sources=_NOTICE_ITEM_1),
            Condition(
                _CLEAN_RECORD,
                parameters=("chains.leader_clean_record_years",),
                sources=(_NEWS_SOURCE,),
            ),
            Condition(
                _SIZE, parameters=("chains.leader_min_size",), sources=(_NEWS_SOURCE,)
            ),
            Condition(
                _INSURED,
                parameters=("chains.leader_min_insured_staff",),
                sources=(_NEWS_SOURCE,),
            ),
            Condition(
                _CHAIN_ENTERPRISES,
                parameters=("chains.leader_min_chain_enterprises",),
                sources=(_NEWS_SOURCE,),
            ),
            Condition(
                _CHAIN_JOBS,
                parameters=("chains.leader_min_chain_jobs",),
                sources=(_NEWS_SOURCE,),
            ),
            Condition(_TRAINING_SYSTEM, sources=_NOTICE_ITEM_4),
            Condition(_LADDER, sources=(*_NOTICE_ITEM_4, _NEWS_SOURCE)),
            Condition(_SCHOOLS, sources=_NOTICE_ITEM_4),
            Condition(
                _CATEGORY, sources=(RuleSource(_NOTICE, "二（三）"),), advisory=True
            ),
            Condition(
                _RESULTS,
                sources=(RuleSource(_NOTICE), _NEWS_SOURCE),
                advisory=True,
            ),
        ),
    )
)
"""The registered chain-leader incubation rule."""


# --- rule: chain composition -------------------------------------------------------------


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

    What a chain must have is set by chapter 2 (组链建链) of 粤人社规〔2025〕25号,
    whose text is not known, so the parts are district-supplied
    (``chains.required_parts``).  Once the district supplies them, one finding per
    required part (in the order of :class:`~skillchain.model.ChainPart`) holds when
    the chain lists at least one body of that part, so an *ineligible* decision
    names every missing part.  Until then the decision is *undetermined* and names
    the parameter, and an advisory finding (``chains.composition.participants``)
    shows which of the parts this library reads into art. 2 (members, a college or
    training institution, an evaluation body: ``chains.participant_parts``,
    ``unverified``) the chain has none of.  That reading never refuses a chain.

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
        >>> decision.outcome, decision.missing
        (<Outcome.UNDETERMINED: 'undetermined'>, ('chains.required_parts',))
        >>> [(f.check, f.held, f.value("lacking")) for f in decision.advisories]
        [('chains.composition.participants', False, '技能评价机构')]
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    judge.check(_LEADER, True, (("leader", chain.leader),))
    params = judge.params.chains
    parts_param = params.required_parts
    parts = judge.use(parts_param)
    if parts is None:
        judge.missing(_PARTS, (parts_param.name,), (("parts", None),))
        _advise_participants(judge, chain, params.participant_parts)
        return judge.decide(CHAIN_COMPOSITION_RULE)
    cited = citations_of(parts_param)
    judge.check(_PARTS, True, (("parts", _parts_text(parts)),), cited)
    for part in ChainPart:
        if part in parts:
            count = part.count(chain)
            judge.check(_PART_CHECKS[part], count > 0, (("count", count),), cited)
    return judge.decide(CHAIN_COMPOSITION_RULE)


def _advise_participants(
    judge: Judge, chain: SkillChain, param: Resolved[frozenset[ChainPart]]
) -> None:
    """Advise which parts of the library's art. 2 reading the chain has none of."""
    expected = judge.use(param)
    if expected is None:
        judge.advise(
            _PARTICIPANTS,
            None,
            (("expected", None), ("lacking", None)),
            missing=(param.name,),
        )
        return
    lacking = frozenset(part for part in expected if part.count(chain) == 0)
    judge.advise(
        _PARTICIPANTS,
        not lacking,
        (("expected", _parts_text(expected)), ("lacking", _parts_text(lacking))),
        citations_of(param),
    )


CHAIN_COMPOSITION_RULE: Rule = register(
    Rule(
        id="chains.composition",
        version="2026.2",
        title_zh="产教评技能生态链的组成",
        title_en="Composition of a skills-ecosystem chain",
        function=chain_composition,
        sources=(RuleSource(_MEASURES, "第二条"), RuleSource(_MEASURES, "第二章")),
        parameters=("chains.required_parts", "chains.participant_parts"),
        conditions=(
            Condition(_LEADER, sources=(RuleSource(_MEASURES, "第二条"),)),
            Condition(_PARTS, parameters=("chains.required_parts",)),
            *(
                Condition(_PART_CHECKS[part], parameters=("chains.required_parts",))
                for part in ChainPart
            ),
            Condition(
                _PARTICIPANTS,
                parameters=("chains.participant_parts",),
                advisory=True,
            ),
        ),
    )
)
"""The registered chain-composition rule."""


# --- rule: who claims the apprenticeship subsidy inside a chain ---------------------------

_CLAIM_FACTS = {
    ChainClaimCondition.CENTRAL_TRAINING: "central_training",
    ChainClaimCondition.LEADER_SIGNS_AGREEMENTS: "leader_signs_agreements",
}
"""Each claim condition and the fact (keyword argument) that says whether it holds."""

_CLAIM_READ_ON = ReadOn(
    "enrolment.programme.filed_on",
    "粤人社规〔2023〕13号 says who claims in its filing provisions: the chain "
    "enterprise that files the programme, before training starts, is the one that "
    "claims, so the measure in force on the filing day decides",
)


def _claimant(
    chain: SkillChain,
    employer: CreditCode,
    conditions: frozenset[ChainClaimCondition],
    facts: dict[ChainClaimCondition, bool | None],
) -> tuple[CreditCode | None, tuple[str, ...]]:
    """The claimant under *conditions*, and the facts whose being unknown leaves it open.

    The leader claims for its own trainees; for a member's trainee, the leader claims
    when every condition holds, the member when any is known to fail.
    """
    if employer == chain.leader:
        return chain.leader, ()
    needed = [
        facts[condition] for condition in ChainClaimCondition if condition in conditions
    ]
    if False in needed:
        return employer, ()
    unknown = tuple(
        _CLAIM_FACTS[condition]
        for condition in ChainClaimCondition
        if condition in conditions and facts[condition] is None
    )
    if unknown:
        return None, unknown
    return chain.leader, ()


def _claim_facts(
    central_training: bool | None, leader_signs_agreements: bool | None
) -> dict[ChainClaimCondition, bool | None]:
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

    Read under the measure in force on *filed_on*, the day the programme was filed
    (``chains.leader_claims_when``; 粤人社规〔2023〕13号 for filings from 2023-08-15
    to 2025-12-31): each chain enterprise claims for its own trainees, and the
    leader claims for a member's trainees when it trains centrally and signs the
    apprentice agreements.  ``None`` when *employer* is not in *chain*, when the
    filing day is unknown or no measure saying who claims is in force on it, or when
    the answer depends on a fact that is unknown.

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
        >>> chain_claimant(chain, member, central_training=False,
        ...     leader_signs_agreements=None, filed_on=date(2024, 2, 20)) == member
        True
        >>> chain_claimant(chain, member, central_training=True,
        ...     leader_signs_agreements=True, filed_on=date(2026, 1, 1)) is None
        True
    """
    if employer not in chain.enterprises or filed_on is None:
        return None
    register = policy if policy is not None else Policy.default()
    conditions = register.at(filed_on).chains.leader_claims_when.value
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
    name = "chains.leader_claims_when"
    param = (
        None
        if filed_on is None
        else judge.policy.at(filed_on).chains.leader_claims_when
    )
    conditions = None if param is None else judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("filed_on", filed_on),
        ("central", facts[ChainClaimCondition.CENTRAL_TRAINING]),
        ("leader_signs", facts[ChainClaimCondition.LEADER_SIGNS_AGREEMENTS]),
    )
    cited = () if param is None else citations_of(param)
    if conditions is not None:
        claimant, unknown = _claimant(chain, employer, conditions, facts)
        values = (*values, ("claimant", claimant))
        if claimant is None:
            judge.missing(_CLAIMANT, unknown, values, cited)
        else:
            judge.check(_CLAIMANT, True, values, cited)
        return
    # No filing day, or no measure saying who claims in force on it: the claimant is
    # unknown.  Name the day or the parameter, and every fact the test could need.
    missing: list[str] = []
    if filed_on is None:
        missing.append("enrolment.programme.filed_on")
        # Whatever the filing day, no test is in force if the policy has none at all.
        known = judge.policy.parameters.get(name)
        if known is None or not known.values:
            missing.append(name)
    else:
        missing.append(name)
    if employer != chain.leader:
        missing.extend(
            fact for condition, fact in _CLAIM_FACTS.items() if facts[condition] is None
        )
    judge.missing(_CLAIMANT, missing, (*values, ("claimant", None)))


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
    chain's leader or a member.  Who claims is read under the measure in force on
    the day the programme was filed (``enrolment.programme.filed_on``), through
    ``chains.leader_claims_when``: under 粤人社规〔2023〕13号 (filings from
    2023-08-15 to 2025-12-31) each chain enterprise claims for its own trainees, and
    the leader claims for a member's trainees when it trains centrally and signs the
    apprentice agreements.  The claimant is the ``claimant`` value of the
    ``chains.claim.claimant`` finding (:func:`chain_claimant` computes the same).
    The amount and its findings are the apprenticeship subsidy's own, recorded by
    :func:`~skillchain.rules.check_subsidy` for one apprentice.

    Undetermined when the filing day is unknown, when no measure saying who claims
    is in force on it (before 2023-08-15 and from 2026-01-01: none is known), when
    the claimant depends on an unknown ``central_training`` or
    ``leader_signs_agreements``, or when the subsidy is undetermined; the decision
    names each of them.

    References:
        《广东省职业技能培训补贴管理办法》 (粤人社规〔2023〕13号), as the Zhanjiang
        guide restates it (who files and who claims inside a chain); the Shenzhen
        chain-leader incubation notice, part 三 (leaders may train up- and downstream
        staff with apprenticeship subsidies as provided); 深人社规〔2019〕11号 and the
        apprenticeship subsidy rule (the amount).

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (ApprenticeEnrolment, ApprenticeshipProgramme,
        ...     ChainStatus, HireKind, InstitutionKind, Person, ProgrammeStatus,
        ...     SkillChain, TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import chain_subsidy_claim
        >>> leader, member = CreditCode("91350100M000100Y43"), CreditCode("9144030400000000J0")
        >>> chain = SkillChain(name="某链", leader=leader, members=frozenset({member}),
        ...     status=ChainStatus.RECOGNISED, year=2024)
        >>> plan = ApprenticeshipProgramme(enterprise=member,
        ...     institution=TrainingInstitution(name="某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.INTERMEDIATE,
        ...     start=date(2024, 3, 1), planned_months=12,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.COMPLETED, filed_on=date(2024, 2, 20))
        >>> enrolment = ApprenticeEnrolment(person=Person(id=ResidentId("11010519491231002X")),
        ...     programme=plan, hire_kind=HireKind.NEW_HIRE, qualified=True)
        >>> decision = chain_subsidy_claim(chain, enrolment, central_training=True,
        ...     leader_signs_agreements=True, on=date(2025, 3, 1))
        >>> decision.outcome, decision.amount
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('5500.00'))
        >>> decision.findings[1].value("claimant") == leader
        True
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    employer = enrolment.programme.enterprise
    in_chain = employer in chain.enterprises
    judge.check(
        _IN_CHAIN,
        in_chain,
        (("enterprise", employer), ("value", in_chain)),
        (judge.policy.citation(_CLAIMS), judge.policy.citation(_NOTICE, "三")),
    )
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
        version="2026.2",
        title_zh="技能生态链内学徒制培训补贴的申领单位与金额",
        title_en="Who claims an apprentice's subsidy inside a skill chain, and how much",
        function=chain_subsidy_claim,
        sources=(
            RuleSource(_CLAIMS),
            RuleSource(_NOTICE, "三"),
            RuleSource(_SHENZHEN),
        ),
        parameters=("chains.leader_claims_when", *_SUBSIDY_PARAMETERS),
        conditions=(
            Condition(
                _IN_CHAIN, sources=(RuleSource(_CLAIMS), RuleSource(_NOTICE, "三"))
            ),
            Condition(
                _CLAIMANT,
                parameters=("chains.leader_claims_when",),
                sources=(RuleSource(_CLAIMS),),
                read_on=_CLAIM_READ_ON,
            ),
            *_RATE_CONDITIONS,
            Condition(_QUALIFIED, sources=(RuleSource(_SHENZHEN),)),
            _AMOUNT_CONDITION,
        ),
    )
)
"""The registered chain subsidy-claim rule (reuses the apprenticeship subsidy's checks)."""
