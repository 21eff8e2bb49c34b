"""Rules: the skills rewards of Futian's talent programme 福田英才荟.

The Futian HR bureau receives, reviews and pays two skills rewards (the bureau's
reply letter of 2024-09-02, §三):

* :func:`high_skill_reward` (rule ``rewards.high_skill``), 高技能人才奖励: paid for a
  listed honour or competition result to a person who has worked at least one
  continuous year in a skill or technical post of a legal-person enterprise of the
  district and is in post when applying; one reward per person per skill; a
  same-year top-up (补差奖励) when a higher honour follows; refused during a
  five-year ban after fraud.  Source: a fragmentary copy of the district's guide
  (year not visible, so its period is inferred).  Only the 50 000 yuan of the
  深圳市技能菁英 / 深圳市技术能手 item was seen; the list of honours and every other
  amount are district-supplied.
* :func:`occupational_reward` (rule ``rewards.occupational``), 执(职)业人才奖励: paid
  for the top level of a skills certificate or a listed licence among the
  district's accepted types (受理工种范围, 31 types, more than 400 from 2024), or
  for a 正高 professional title, after three continuous years in the matching post
  of the same enterprise registered and paying tax in the district.  The 2024
  guide (a copy, in force to 2024-12-31) adds date floors (titles from
  2016-09-01, licences from 2018-09-01), rules on who issued a certificate, sector
  limits for some licences and a licence valid on the claim day.  The accepted
  types, each occupation's top level and the licences' sectors are
  district-supplied.

Both guides set the conditions and amounts of the claims made while they are in
force: every figure is read on the claim day (``claim.claimed_on``), whatever day
the claim is decided on; the facts (tenure, in post, bans) are measured on that day
too.
"""

from datetime import date
from decimal import Decimal

from skillchain._codes import DivisionCode
from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._sources import Citation
from skillchain.errors import InvalidValueError
from skillchain.model import (
    Certificate,
    CertificateKind,
    CompetitionResult,
    Employment,
    Enterprise,
    Honour,
    IssuerKind,
    ProfessionalTitle,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.policy import Policy, Resolved, RewardParameters
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = [
    "HIGH_SKILL_REWARD_RULE",
    "OCCUPATIONAL_REWARD_RULE",
    "high_skill_reward",
    "occupational_reward",
]

_HIGH_GUIDE = "ft-high-skill-reward-guide"
_OCC_GUIDE = "ft-occupational-reward-guide-2024"
_LETTER = "ft-hr-2024-reply-2024090"

_ON_CLAIM = ReadOn(
    "claim.claimed_on",
    "the district's guide in force when the claim is made sets its conditions and "
    "amounts (each guide covers the claims of its period)",
)

_H_ENTERPRISE = "rewards.high_skill.enterprise"
_H_POST = "rewards.high_skill.post"
_H_IN_POST = "rewards.high_skill.in_post"
_H_TENURE = "rewards.high_skill.tenure"
_H_HONOUR = "rewards.high_skill.honour"
_H_BAN = "rewards.high_skill.fraud_ban"
_H_ONE_PER_SKILL = "rewards.high_skill.one_per_skill"
_H_TOP_UP = "rewards.high_skill.top_up"
_H_AMOUNT = "rewards.high_skill.amount"

_O_ENTERPRISE = "rewards.occupational.enterprise"
_O_TAXPAYER = "rewards.occupational.taxpayer"
_O_BASIS = "rewards.occupational.basis"
_O_SCOPE = "rewards.occupational.scope"
_O_TOP_LEVEL = "rewards.occupational.top_level"
_O_ISSUER = "rewards.occupational.issuer"
_O_TITLE = "rewards.occupational.title"
_O_FLOOR = "rewards.occupational.date_floor"
_O_SECTOR = "rewards.occupational.sector"
_O_VALID = "rewards.occupational.licence_valid"
_O_POST = "rewards.occupational.matching_post"
_O_TENURE = "rewards.occupational.tenure"
_O_AMOUNT = "rewards.occupational.amount"

register_messages(
    {
        _H_ENTERPRISE: Message(
            zh="用人单位注册地 {division}，须为 {region} 辖区的法人企业（独立法人：{legal_person}）",
            en="The employer is registered in {division} (independent legal person: "
            "{legal_person}); it must be a legal-person enterprise of {region}",
        ),
        _H_POST: Message(
            zh="岗位类型为{post}，须为技能技术岗位：{allowed}",
            en="The post is a {post}; it must be a skill or technical post: {allowed}",
        ),
        _H_IN_POST: Message(
            zh="申请日 {claimed_on} 在岗在职（任职期间 {employed_from} 至 {employed_to}）",
            en="In post on the claim day {claimed_on} (employed {employed_from} to "
            "{employed_to})",
        ),
        _H_TENURE: Message(
            zh="自 {employed_since} 起连续任职，须满 {months} 个月，即不晚于 {needed_by} 已满足；"
            "申请日 {claimed_on}",
            en="Continuously employed since {employed_since}; {months} months are "
            "needed, reached on {needed_by}; claimed on {claimed_on}",
        ),
        _H_HONOUR: Message(
            zh="申报依据“{honour}”属于奖励所列荣誉称号或竞赛名次：{listed}",
            en="The basis '{honour}' is an honour or result the reward is paid for: "
            "{listed}",
        ),
        _H_BAN: Message(
            zh="弄虚作假认定记录 {findings} 条（最近一次 {found_on}）；申请日 {claimed_on} "
            "须在最近一次认定后 {months} 个月的禁止申请期之外",
            en="{findings} fraud finding(s) on record (latest: {found_on}); the claim "
            "day {claimed_on} must be outside the {months}-month ban after the latest",
        ),
        _H_ONE_PER_SKILL: Message(
            zh="同一人因同一技能限申请一项奖励：技能“{skill}”此前已获奖励 {earlier} 次",
            en="One reward per person for the same skill: '{skill}' was rewarded "
            "{earlier} time(s) before",
        ),
        _H_TOP_UP: Message(
            zh="补差奖励：{year}年度已就技能“{skill}”获奖励 {previous} 元，更高荣誉于 "
            "{awarded_on} 取得（须在上次申请 {previous_claim} 之后）",
            en="Top-up: in {year} the skill '{skill}' was already rewarded {previous} "
            "yuan; the higher honour came on {awarded_on} (it must come after the "
            "earlier claim of {previous_claim})",
        ),
        _H_AMOUNT: Message(
            zh="“{honour}”奖励 {award} 元，已获 {previous} 元，本次发放 {amount} 元",
            en="'{honour}' pays {award} yuan; {previous} yuan already paid; this "
            "claim pays {amount} yuan",
        ),
        _O_ENTERPRISE: Message(
            zh="用人单位注册地 {division}，须在 {region} 注册",
            en="The employer is registered in {division}; it must be registered in "
            "{region}",
        ),
        _O_TAXPAYER: Message(
            zh="用人单位在本区纳税：{taxed}",
            en="The employer pays tax in the district: {taxed}",
        ),
        _O_BASIS: Message(
            zh="申报依据为{basis}，须为技能类职业资格证书、职业技能等级证书、执业资格证书或职称",
            en="The basis is a(n) {basis}; the reward is paid for a skills vocational "
            "qualification, a skill-level certificate, a practising qualification or "
            "a professional title",
        ),
        _O_SCOPE: Message(
            zh="证书（职业编码 {occupation}，资格名称 {qualification}）在受理工种范围内：{listed}",
            en="The certificate (occupation {occupation}, qualification "
            "{qualification}) is among the accepted types: {listed}",
        ),
        _O_TOP_LEVEL: Message(
            zh="证书等级为{level}，该职业（工种）认可的最高等级为{top}（仅奖励最高等级）",
            en="The certificate is at {level}; the top level recognised for its "
            "occupation is {top} (only the top level is rewarded)",
        ),
        _O_ISSUER: Message(
            zh="{kind}由{issuer}颁发（发证地区 {division}，评价机构备案地 {filed_with}，"
            "全国联网可查：{in_query_system}）；须由 {region} 人社部门核发（职业资格证书，"
            "且全国联网可查）或由在 {region} 人社部门备案的评价机构颁发（职业技能等级证书）",
            en="The {kind} was issued by a(n) {issuer} (issuing division {division}, "
            "evaluator filed with {filed_with}, in the national query system: "
            "{in_query_system}); it must come from the HR departments of {region} "
            "(a vocational qualification, also in the national query system) or from "
            "an evaluator filed with the HR bureau of {region} (a skill-level "
            "certificate)",
        ),
        _O_TITLE: Message(
            zh="职称级别为{level}，奖励的职称级别为{required}",
            en="The professional title is a {level}; the reward is paid for a "
            "{required}",
        ),
        _O_FLOOR: Message(
            zh="{basis}取得日期 {obtained_on}，须不早于 {floor}",
            en="The {basis} was obtained on {obtained_on}; it must be on or after "
            "{floor}",
        ),
        _O_SECTOR: Message(
            zh="{qualification}限定从业机构：{limited}（限于 {allowed}）；申请人所在机构：{sector}",
            en="{qualification} is rewarded only in certain sectors: {limited} (only "
            "in: {allowed}); the claimant works in: {sector}",
        ),
        _O_VALID: Message(
            zh="执业注册在申请日 {claimed_on} 有效：{valid}（有效期至 {valid_until}）",
            en="The registration is valid on the claim day {claimed_on}: {valid} "
            "(valid until {valid_until})",
        ),
        _O_POST: Message(
            zh="从事与证书或职称对应的岗位（相关工作）：{matches}",
            en="The post matches the certificate or title (related work): {matches}",
        ),
        _O_TENURE: Message(
            zh="取得证书或职称后自 {counted_from} 起在同一企业连续任职，须满 {months} 个月"
            "（{needed_by}），申请日 {claimed_on} 在岗：{in_post}",
            en="Continuously employed by the same enterprise from {counted_from} "
            "(after obtaining the basis); {months} months are needed ({needed_by}); "
            "in post on the claim day {claimed_on}: {in_post}",
        ),
        _O_AMOUNT: Message(
            zh="执(职)业人才奖励 {amount} 元", en="Occupational reward: {amount} yuan"
        ),
    }
)


# --- shared checks ----------------------------------------------------------------


def _matching_employer(
    claim: TalentRewardClaim,
    employment: Employment | None,
    enterprise: Enterprise | None,
) -> None:
    """Refuse facts about two different employers (malformed input)."""
    codes = {
        "claim.employer": claim.employer,
        "employment.employer": None if employment is None else employment.employer,
        "enterprise.credit_code": None
        if enterprise is None
        else enterprise.credit_code,
    }
    known = {name: code for name, code in codes.items() if code is not None}
    if len(set(known.values())) > 1:
        named = ", ".join(f"{name} {code}" for name, code in known.items())
        raise InvalidValueError(
            field=next(iter(k for k in known if k != "claim.employer")),
            problem=f"the facts name different employers ({named})",
            expected="the claim, the employment and the enterprise about one employer",
        )


def _cites(params: tuple[Citation, ...], *sources: Citation) -> tuple[Citation, ...]:
    """*params*' citations followed by each of *sources* not already among them."""
    found = list(params)
    for source in sources:
        if not any(
            known.document is source.document and known.article == source.article
            for known in found
        ):
            found.append(source)
    return tuple(found)


def _check_kind(claim: TalentRewardClaim, kind: TalentRewardKind) -> None:
    if claim.kind is not kind:
        raise InvalidValueError(
            field="claim.kind",
            problem=f"a claim for the {claim.kind.en} was given",
            expected=f"a claim for the {kind.en} ({kind.value!r})",
        )


def _on_claim_day(judge: Judge, claim: TalentRewardClaim) -> RewardParameters:
    """The reward figures in force on the claim day (see :data:`_ON_CLAIM`)."""
    return judge.policy.at(claim.claimed_on).rewards


def _check_enterprise(
    judge: Judge,
    check: str,
    enterprise: Enterprise | None,
    region_param: Resolved[DivisionCode],
    *,
    legal_person: bool,
    guide: Citation,
) -> None:
    region = judge.use(region_param)
    division = None if enterprise is None else enterprise.registered_division
    is_legal = None if enterprise is None else enterprise.independent_legal_person
    values: tuple[tuple[str, FactValue], ...] = (
        ("division", division),
        ("region", region),
    )
    if legal_person:
        values = (*values, ("legal_person", is_legal))
    cites = _cites(citations_of(region_param), guide)
    unknown = [
        name
        for name, known in (("enterprise", enterprise), (region_param.name, region))
        if known is None
    ]
    outside = (
        region is not None and division is not None and not region.contains(division)
    )
    if outside or (legal_person and is_legal is False):
        judge.check(check, False, values, cites)
        return
    if legal_person and enterprise is not None and is_legal is None:
        unknown.append("enterprise.independent_legal_person")
    if unknown:
        judge.missing(check, unknown, values, cites)
        return
    judge.check(check, True, values, cites)


# --- high-skill reward --------------------------------------------------------------


def _check_employment(
    judge: Judge,
    claim: TalentRewardClaim,
    employment: Employment | None,
    params: RewardParameters,
) -> None:
    posts_param = params.high_skill_posts
    posts = judge.use(posts_param)
    post = None if employment is None else employment.post
    if post is None or posts is None:
        unknown = [
            name
            for name, known in (
                ("employment" if employment is None else "employment.post", post),
                (posts_param.name, posts),
            )
            if known is None
        ]
        judge.missing(
            _H_POST,
            unknown,
            (("post", post), ("allowed", None)),
            citations_of(posts_param),
        )
    else:
        allowed = post in posts
        judge.check(
            _H_POST,
            allowed,
            (("post", post), ("allowed", allowed)),
            citations_of(posts_param),
        )

    guide = (judge.policy.citation(_HIGH_GUIDE, "3.2"),)
    claimed = claim.claimed_on
    if employment is None:
        judge.missing(
            _H_IN_POST,
            ("employment",),
            (("claimed_on", claimed), ("employed_from", None), ("employed_to", None)),
            guide,
        )
    else:
        judge.check(
            _H_IN_POST,
            claimed in employment.period,
            (
                ("claimed_on", claimed),
                ("employed_from", employment.period.start),
                ("employed_to", employment.period.end),
            ),
            guide,
        )

    months_param = params.high_skill_tenure_months
    months = judge.use(months_param)
    since = employment.period.start if employment is not None else claim.employed_since
    needed_by = None if since is None or months is None else add_months(since, months)
    values: tuple[tuple[str, FactValue], ...] = (
        ("employed_since", since),
        ("months", months),
        ("needed_by", needed_by),
        ("claimed_on", claimed),
    )
    if needed_by is None:
        unknown = [
            name
            for name, known in (("employment", since), (months_param.name, months))
            if known is None
        ]
        judge.missing(_H_TENURE, unknown, values, citations_of(months_param))
    else:
        judge.check(_H_TENURE, needed_by <= claimed, values, citations_of(months_param))


_RESULT = "claim.basis"
"""What a competition-result basis leaves unknown: the listed item it counts as."""


def _check_honour(
    judge: Judge, claim: TalentRewardClaim, params: RewardParameters
) -> str | None:
    """Record whether the basis is a listed honour.

    Returns the honour's key when it is listed or may be (undetermined), ``None``
    when it is not one, and :data:`_RESULT` for a competition result.

    An honour the amount table pays for is one of the guide's items: the list is
    read only for an honour the table does not name.
    """
    basis = claim.basis
    honours_param, amounts_param = params.high_skill_honours, params.high_skill_amounts
    if isinstance(basis, CompetitionResult):
        # A result counts through the honour or place it corresponds to (e.g. first
        # place at the Futian staff contest); which results count is district data.
        judge.missing(
            _H_HONOUR,
            (_RESULT,),
            (("honour", basis.competition.event), ("listed", None)),
            (judge.policy.citation(_HIGH_GUIDE),),
        )
        return _RESULT
    if not isinstance(basis, Honour):
        judge.check(
            _H_HONOUR,
            False,
            (("honour", type(basis).__name__), ("listed", False)),
            (judge.policy.citation(_HIGH_GUIDE),),
        )
        return None
    key = basis.key
    amounts = judge.use(amounts_param)
    if amounts is not None and key in amounts:
        judge.check(
            _H_HONOUR,
            True,
            (("honour", key), ("listed", True)),
            citations_of(amounts_param),
        )
        return key
    honours = judge.use(honours_param)
    cites = citations_of(honours_param, amounts_param)
    if honours is None:
        unknown = [honours_param.name]
        if amounts is None:
            unknown.append(amounts_param.name)
        judge.missing(_H_HONOUR, unknown, (("honour", key), ("listed", None)), cites)
        return key
    listed = key in honours
    judge.check(_H_HONOUR, listed, (("honour", key), ("listed", listed)), cites)
    return key if listed else None


def _check_ban(
    judge: Judge,
    claim: TalentRewardClaim,
    fraud_findings: tuple[date, ...] | None,
    params: RewardParameters,
) -> None:
    param = params.fraud_ban_months
    claimed = claim.claimed_on
    earlier = (
        None
        if fraud_findings is None
        else tuple(found for found in fraud_findings if found <= claimed)
    )
    latest = max(earlier) if earlier else None
    # The ban's length matters only when a fraud finding may lie before the claim.
    months = None if earlier == () else judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("findings", None if earlier is None else len(earlier)),
        ("found_on", latest),
        ("claimed_on", claimed),
        ("months", months),
    )
    cites = (
        (judge.policy.citation(_HIGH_GUIDE),) if earlier == () else citations_of(param)
    )
    if earlier == ():
        judge.check(_H_BAN, True, values, cites)
        return
    if earlier is None or months is None:
        unknown = [
            name
            for name, known in (("fraud_findings", earlier), (param.name, months))
            if known is None
        ]
        judge.missing(_H_BAN, unknown, values, cites)
        return
    barred = latest is not None and claimed < add_months(latest, months)
    judge.check(_H_BAN, not barred, values, cites)


def _same_skill_rewards(
    claim: TalentRewardClaim,
    prior_rewards: tuple[TalentRewardClaim, ...],
) -> tuple[tuple[TalentRewardClaim, ...] | None, list[str]]:
    """The earlier high-skill rewards for the claim's skill, or the unknown skills."""
    earlier = tuple(
        prior
        for prior in prior_rewards
        if prior.kind is TalentRewardKind.HIGH_SKILL and prior != claim
    )
    if not earlier:
        return (), []
    unknown = []
    if claim.skill is None:
        unknown.append("claim.skill")
    unknown.extend(
        f"prior_rewards[{index}].skill"
        for index, prior in enumerate(prior_rewards)
        if prior in earlier and prior.skill is None
    )
    if unknown:
        return None, unknown
    return tuple(prior for prior in earlier if prior.skill == claim.skill), []


def _top_up_values(
    claim: TalentRewardClaim, previous: TalentRewardClaim | None
) -> tuple[tuple[str, FactValue], ...]:
    awarded = claim.basis.awarded_on if isinstance(claim.basis, Honour) else None
    return (
        ("year", claim.year),
        ("skill", claim.skill),
        ("previous", None if previous is None else previous.amount_claimed),
        ("awarded_on", awarded),
        ("previous_claim", None if previous is None else previous.claimed_on),
    )


def _check_repeat(
    judge: Judge,
    claim: TalentRewardClaim,
    prior_rewards: tuple[TalentRewardClaim, ...] | None,
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the one-per-skill or top-up check.

    Returns the amount already paid for the skill this year (``0`` for a first
    claim), or ``None`` with the names of the facts that leave it unknown (no names:
    a top-up with no reward to top up, which the finding refuses).
    """
    guide = (judge.policy.citation(_HIGH_GUIDE, "3.3-3.4"),)
    # Unchecked earlier rewards: the claim's skill is needed as soon as there is one.
    unchecked = ("prior_rewards", *(("claim.skill",) if claim.skill is None else ()))
    if not claim.top_up:
        values: tuple[tuple[str, FactValue], ...] = (
            ("skill", claim.skill),
            ("earlier", None),
        )
        if prior_rewards is None:
            judge.missing(_H_ONE_PER_SKILL, unchecked, values, guide)
            return Decimal(0), ()
        same, unknown = _same_skill_rewards(claim, prior_rewards)
        if same is None:
            judge.missing(_H_ONE_PER_SKILL, unknown, values, guide)
        else:
            judge.check(
                _H_ONE_PER_SKILL,
                not same,
                (("skill", claim.skill), ("earlier", len(same))),
                guide,
            )
        # A first claim pays the whole award, whatever the finding above.
        return Decimal(0), ()
    if prior_rewards is None:
        judge.missing(_H_TOP_UP, unchecked, _top_up_values(claim, None), guide)
        return None, unchecked
    same, unknown = _same_skill_rewards(claim, prior_rewards)
    if same is None:
        judge.missing(_H_TOP_UP, unknown, _top_up_values(claim, None), guide)
        return None, tuple(unknown)
    this_year = [prior for prior in same if prior.year == claim.year]
    previous = max(this_year, key=lambda p: p.claimed_on) if this_year else None
    values = _top_up_values(claim, previous)
    awarded = claim.basis.awarded_on if isinstance(claim.basis, Honour) else None
    if previous is None or awarded is None or awarded <= previous.claimed_on:
        # Nothing to top up this year, or the higher honour came before the reward.
        judge.check(_H_TOP_UP, False, values, guide)
        return None, ()
    if previous.amount_claimed is None:
        name = f"prior_rewards[{prior_rewards.index(previous)}].amount_claimed"
        judge.missing(_H_TOP_UP, (name,), values, guide)
        return None, (name,)
    judge.check(_H_TOP_UP, True, values, guide)
    return previous.amount_claimed, ()


def _high_skill_amount(
    judge: Judge,
    key: str | None,
    paid: tuple[Decimal | None, tuple[str, ...]],
    params: RewardParameters,
) -> Decimal | None:
    previous, previous_unknown = paid
    if key is None or (previous is None and not previous_unknown):
        # Not a listed honour, or a top-up with nothing to top up: the outcome is
        # already decided by that finding.
        return None
    param = params.high_skill_amounts
    amounts = judge.use(param)
    award = None if amounts is None or key == _RESULT else amounts.get(key)
    shown = None if key == _RESULT else key
    values: tuple[tuple[str, FactValue], ...] = (("honour", shown), ("award", award))
    cites = citations_of(param)
    if award is None or previous is None:
        unknown: list[str] = []
        if key == _RESULT:
            unknown.append(_RESULT)
        if award is None and (amounts is None or key != _RESULT):
            unknown.append(param.name)
        unknown.extend(previous_unknown)
        judge.missing(
            _H_AMOUNT,
            unknown,
            (*values, ("previous", previous), ("amount", None)),
            cites,
        )
        return None
    amount = award - previous
    judge.check(
        _H_AMOUNT,
        amount > 0,
        (*values, ("previous", previous), ("amount", amount)),
        cites,
    )
    return amount


@in_library_context
def high_skill_reward(
    claim: TalentRewardClaim,
    *,
    on: date,
    employment: Employment | None = None,
    enterprise: Enterprise | None = None,
    prior_rewards: tuple[TalentRewardClaim, ...] | None = None,
    fraud_findings: tuple[date, ...] | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide a claim for Futian's high-skill talent reward (高技能人才奖励) and its amount.

    *employment* is the claimant's current continuous employment (its start, post
    and end); *enterprise* the employer; *prior_rewards* the high-skill rewards
    already paid to the claimant (``()`` for none; ``None`` if not checked), with
    their ``skill`` and ``amount_claimed`` (the amount paid); *fraud_findings* the
    days on which fraud by the claimant was found (``()`` for none; ``None`` if not
    checked).  Figures are those in force on the claim day ``claim.claimed_on``
    (the guide of the claim's period), whatever day *on* the claim is decided;
    tenure, being in post and bans are measured on the claim day too.

    Checked: the employer is a legal-person enterprise registered in the district;
    the post is a skill or technical post; in post on the claim day; at least
    ``high_skill_tenure_months`` of continuous employment by then; the basis is a
    listed honour (an :class:`~skillchain.model.Honour` the amount table pays for,
    or, failing that, one whose catalog key the district lists; a competition
    result is undetermined until recorded as the honour or place it counts as); no
    fraud finding within the ban; then either one reward per skill (a first claim)
    or, for a top-up (``claim.top_up``), a reward for the same skill in the same
    year before the higher honour was obtained.  The amount is the table's figure
    for the honour, less the amount already paid for a top-up, and must be
    positive.

    Raises:
        InvalidValueError: The claim is not for the high-skill reward, a prior
            reward belongs to someone else, or the facts name different employers.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, DateRange, DivisionCode, ResidentId
        >>> from skillchain.model import (Employment, Enterprise, Honour, PostType,
        ...     TalentRewardClaim, TalentRewardKind)
        >>> from skillchain.rules import high_skill_reward
        >>> person = ResidentId("11010519491231002X")
        >>> firm = Enterprise(credit_code=CreditCode("91350100M000100Y43"),
        ...     name="深圳市某科技有限公司", registered_division=DivisionCode("440304"),
        ...     independent_legal_person=True)
        >>> job = Employment(employer=firm.credit_code, post=PostType.SKILL,
        ...     period=DateRange(date(2022, 3, 1)))
        >>> honour = Honour(holder=person, key="shenzhen-technical-expert",
        ...     title="深圳市技术能手", awarded_on=date(2023, 12, 10))
        >>> claim = TalentRewardClaim(person=person, kind=TalentRewardKind.HIGH_SKILL,
        ...     basis=honour, claimed_on=date(2024, 5, 6), year=2024, skill="电工")
        >>> d = high_skill_reward(claim, employment=job, enterprise=firm,
        ...     prior_rewards=(), fraud_findings=(), on=date(2026, 3, 2))
        >>> d.outcome, d.amount, d.provenance
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('50000'), <Provenance.UNVERIFIED: 'unverified'>)
    """
    _check_kind(claim, TalentRewardKind.HIGH_SKILL)
    _matching_employer(claim, employment, enterprise)
    for index, prior in enumerate(prior_rewards or ()):
        if prior.person != claim.person:
            raise InvalidValueError(
                field=f"prior_rewards[{index}].person",
                problem=f"the reward was paid to {prior.person.masked}, not to the "
                f"claimant {claim.person.masked}",
                expected="the claimant's own earlier rewards",
            )
    judge = Judge(policy if policy is not None else Policy.default(), on)
    params = _on_claim_day(judge, claim)
    _check_enterprise(
        judge,
        _H_ENTERPRISE,
        enterprise,
        params.region,
        legal_person=True,
        guide=judge.policy.citation(_HIGH_GUIDE, "3.2"),
    )
    _check_employment(judge, claim, employment, params)
    key = _check_honour(judge, claim, params)
    _check_ban(judge, claim, fraud_findings, params)
    paid = _check_repeat(judge, claim, prior_rewards)
    amount = _high_skill_amount(judge, key, paid, params)
    return judge.decide(HIGH_SKILL_REWARD_RULE, amount)


# --- occupational reward --------------------------------------------------------------

_SKILL_KINDS = frozenset(
    {CertificateKind.VOCATIONAL_QUALIFICATION, CertificateKind.SKILL_LEVEL}
)
"""Skills certificates: only the top level of the occupation is rewarded."""
_LICENCE = CertificateKind.PRACTISING_QUALIFICATION
"""Licences (注册会计师, 执业药师, 一级注册造价工程师 …)."""
_EVALUATORS = frozenset(
    {IssuerKind.SOCIAL_EVALUATION_ORGANISATION, IssuerKind.EMPLOYER_SELF_EVALUATION}
)
"""The evaluation bodies a skill-level certificate may come from (enterprises,
colleges, associations and other social training-evaluation organisations)."""


def _basis_label(basis: object) -> FactValue:
    if isinstance(basis, Certificate):
        return basis.kind
    if isinstance(basis, ProfessionalTitle):
        return basis.level
    return type(basis).__name__


def _check_basis(judge: Judge, claim: TalentRewardClaim) -> bool:
    """Record whether the basis is of a kind the reward pays for."""
    basis = claim.basis
    rewarded = isinstance(basis, ProfessionalTitle) or (
        isinstance(basis, Certificate)
        and (basis.kind in _SKILL_KINDS or basis.kind is _LICENCE)
    )
    judge.check(
        _O_BASIS,
        rewarded,
        (("basis", _basis_label(basis)),),
        (judge.policy.citation(_OCC_GUIDE, "3.1-3.2"),),
    )
    return rewarded


def _scope_keys(certificate: Certificate) -> tuple[str, ...]:
    keys = [] if certificate.occupation is None else [str(certificate.occupation)]
    if certificate.qualification is not None:
        keys.append(certificate.qualification)
    return tuple(keys)


def _check_scope(
    judge: Judge, certificate: Certificate, params: RewardParameters
) -> None:
    scope_param = params.occupational_scope
    scope = judge.use(scope_param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("occupation", certificate.occupation),
        ("qualification", certificate.qualification),
    )
    cites = citations_of(scope_param)
    if scope is None:
        judge.missing(_O_SCOPE, (scope_param.name,), (*values, ("listed", None)), cites)
        return
    listed = any(key in scope for key in _scope_keys(certificate))
    judge.check(_O_SCOPE, listed, (*values, ("listed", listed)), cites)


def _check_top_level(
    judge: Judge, certificate: Certificate, params: RewardParameters
) -> None:
    param = params.occupational_top_levels
    table = judge.use(param)
    level = certificate.level
    top = (
        None
        if table is None
        else next(
            (table[key] for key in _scope_keys(certificate) if key in table), None
        )
    )
    values: tuple[tuple[str, FactValue], ...] = (("level", level), ("top", top))
    cites = _cites(citations_of(param), judge.policy.citation(_OCC_GUIDE, "3.2"))
    if level is None or top is None:
        unknown = [] if top is not None else [param.name]
        if level is None:
            unknown.append("claim.basis.level")
        judge.missing(_O_TOP_LEVEL, unknown, values, cites)
        return
    judge.check(_O_TOP_LEVEL, level >= top, values, cites)


def _check_issuer(
    judge: Judge, certificate: Certificate, params: RewardParameters
) -> None:
    """Who issued a skills certificate: an HR department of the region, in the
    national query system (a qualification), or an evaluator filed there (a
    skill-level certificate)."""
    qualification = certificate.kind is CertificateKind.VOCATIONAL_QUALIFICATION
    param = (
        params.occupational_qualification_issuer_region
        if qualification
        else params.occupational_evaluator_region
    )
    region = judge.use(param)
    issuer = certificate.issuer_kind
    if qualification:
        place, place_name = certificate.issuer_division, "claim.basis.issuer_division"
        # An HR department issues it, directly or for a competition it runs.
        kind_ok = issuer in {IssuerKind.HR_DEPARTMENT, IssuerKind.COMPETITION}
        query = certificate.in_national_query_system
    else:
        place, place_name = (
            certificate.evaluator_filed_with,
            "claim.basis.evaluator_filed_with",
        )
        kind_ok = issuer in _EVALUATORS
        query = True
    values: tuple[tuple[str, FactValue], ...] = (
        ("kind", certificate.kind),
        ("issuer", issuer),
        ("division", certificate.issuer_division),
        ("filed_with", certificate.evaluator_filed_with),
        ("in_query_system", certificate.in_national_query_system),
        ("region", region),
    )
    cites = _cites(citations_of(param), judge.policy.citation(_OCC_GUIDE, "3.2"))
    outside = region is not None and place is not None and not region.contains(place)
    if not kind_ok or outside or query is False:
        judge.check(_O_ISSUER, False, values, cites)
        return
    unknown = [
        name
        for name, known in (
            (param.name, region),
            (place_name, place),
            ("claim.basis.in_national_query_system", query),
        )
        if known is None
    ]
    if unknown:
        judge.missing(_O_ISSUER, unknown, values, cites)
        return
    judge.check(_O_ISSUER, True, values, cites)


def _check_title(
    judge: Judge, title: ProfessionalTitle, params: RewardParameters
) -> bool | None:
    """Record whether the title is of the rewarded level (``None``: not known)."""
    level_param = params.occupational_title_level
    required = judge.use(level_param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("level", title.level),
        ("required", required),
    )
    cites = citations_of(level_param)
    if required is None:
        judge.missing(_O_TITLE, (level_param.name,), values, cites)
        return None
    held = title.level is required
    judge.check(_O_TITLE, held, values, cites)
    return held


def _check_floor(
    judge: Judge, basis: Certificate | ProfessionalTitle, params: RewardParameters
) -> None:
    """Titles conferred, licences first registered or approved, on or after a day."""
    if isinstance(basis, ProfessionalTitle):
        param = params.occupational_title_floor
        obtained, name = basis.conferred_on, "claim.basis.conferred_on"
        shown: FactValue = basis.level
    else:
        param = params.occupational_licence_floor
        obtained, name = basis.issued_on, "claim.basis.issued_on"
        shown = basis.qualification
    floor = judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("basis", shown),
        ("obtained_on", obtained),
        ("floor", floor),
    )
    cites = citations_of(param)
    if obtained is None or floor is None:
        unknown = [
            unknown_name
            for unknown_name, known in ((name, obtained), (param.name, floor))
            if known is None
        ]
        judge.missing(_O_FLOOR, unknown, values, cites)
        return
    judge.check(_O_FLOOR, obtained >= floor, values, cites)


def _check_sector(
    judge: Judge,
    claim: TalentRewardClaim,
    licence: Certificate,
    params: RewardParameters,
) -> None:
    param = params.occupational_licence_sectors
    table = judge.use(param)
    sector = claim.employer_sector
    allowed = (
        None
        if table is None or licence.qualification is None
        else table.get(licence.qualification)
    )
    limited = None if table is None else allowed is not None
    values: tuple[tuple[str, FactValue], ...] = (
        ("qualification", licence.qualification),
        ("limited", limited),
        ("allowed", None if allowed is None else ", ".join(sorted(allowed))),
        ("sector", sector),
    )
    cites = _cites(citations_of(param), judge.policy.citation(_OCC_GUIDE, "3.2"))
    if table is None:
        unknown = [param.name]
        if sector is None:
            unknown.append("claim.employer_sector")
        judge.missing(_O_SECTOR, unknown, values, cites)
        return
    if allowed is None:
        judge.check(_O_SECTOR, True, values, cites)
        return
    if sector is None:
        judge.missing(_O_SECTOR, ("claim.employer_sector",), values, cites)
        return
    judge.check(_O_SECTOR, sector in allowed, values, cites)


def _check_licence_valid(
    judge: Judge, claim: TalentRewardClaim, licence: Certificate
) -> None:
    claimed = claim.claimed_on
    valid = claim.licence_valid_on_claim
    expired = licence.valid_until is not None and licence.valid_until < claimed
    values: tuple[tuple[str, FactValue], ...] = (
        ("claimed_on", claimed),
        ("valid", False if expired else valid),
        ("valid_until", licence.valid_until),
    )
    cites = (judge.policy.citation(_OCC_GUIDE, "3.2"),)
    if expired or valid is False:
        judge.check(_O_VALID, False, values, cites)
    elif valid is None:
        judge.missing(_O_VALID, ("claim.licence_valid_on_claim",), values, cites)
    else:
        judge.check(_O_VALID, True, values, cites)


def _check_matching_post(judge: Judge, claim: TalentRewardClaim) -> None:
    matches = claim.post_matches_basis
    values: tuple[tuple[str, FactValue], ...] = (("matches", matches),)
    cites = (judge.policy.citation(_OCC_GUIDE, "3.1-3.2"),)
    if matches is None:
        judge.missing(_O_POST, ("claim.post_matches_basis",), values, cites)
    else:
        judge.check(_O_POST, matches, values, cites)


def _check_occupational_tenure(
    judge: Judge,
    claim: TalentRewardClaim,
    basis: Certificate | ProfessionalTitle,
    employment: Employment | None,
    params: RewardParameters,
) -> None:
    param = params.occupational_tenure_months
    months = judge.use(param)
    obtained = basis.issued_on if isinstance(basis, Certificate) else basis.conferred_on
    start = None if employment is None else employment.period.start
    counted_from = None if start is None or obtained is None else max(start, obtained)
    needed_by = (
        None
        if counted_from is None or months is None
        else add_months(counted_from, months)
    )
    claimed = claim.claimed_on
    in_post = None if employment is None else claimed in employment.period
    values: tuple[tuple[str, FactValue], ...] = (
        ("counted_from", counted_from),
        ("months", months),
        ("needed_by", needed_by),
        ("claimed_on", claimed),
        ("in_post", in_post),
    )
    cites = citations_of(param)
    if in_post is False:
        judge.check(_O_TENURE, False, values, cites)
        return
    if needed_by is None:
        unknown = [
            name
            for name, known in (
                ("employment", employment),
                ("claim.basis.conferred_on", obtained),
                (param.name, months),
            )
            if known is None
        ]
        judge.missing(_O_TENURE, unknown, values, cites)
        return
    judge.check(_O_TENURE, needed_by <= claimed, values, cites)


def _occupational_amount(
    judge: Judge,
    basis: Certificate | ProfessionalTitle,
    title_held: bool | None,
    params: RewardParameters,
) -> Decimal | None:
    if isinstance(basis, ProfessionalTitle) and title_held is False:
        return None  # not the rewarded title: the title finding refuses it
    param = (
        params.occupational_certificate_amount
        if isinstance(basis, Certificate)
        else params.occupational_title_amount
    )
    amount = judge.use(param)
    unknown = [] if amount is not None else [param.name]
    if title_held is None and isinstance(basis, ProfessionalTitle):
        unknown.insert(0, params.occupational_title_level.name)
    if unknown:
        judge.missing(_O_AMOUNT, unknown, (("amount", None),), citations_of(param))
        return None
    judge.check(_O_AMOUNT, True, (("amount", amount),), citations_of(param))
    return amount


@in_library_context
def occupational_reward(
    claim: TalentRewardClaim,
    *,
    on: date,
    employment: Employment | None = None,
    enterprise: Enterprise | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide a claim for Futian's occupational-talent reward (执(职)业人才奖励).

    *employment* is the claimant's continuous employment with *enterprise*, the
    enterprise the claim relies on.  Figures and lists are those in force on the
    claim day ``claim.claimed_on`` (the guide of the claim's period), whatever day
    *on* the claim is decided; tenure and the licence's validity are measured on
    the claim day too.

    Checked, after the 2024 guide: the enterprise is registered in the district and
    pays tax there (``claim.employer_taxed_in_district``); the basis is a skills
    certificate (职业资格证书 or 职业技能等级证书), a licence (执业资格证书) or a
    professional title.  A certificate must be among the district's accepted types
    (its occupation code or qualification name in ``rewards.occupational_scope``).
    A skills certificate must be at the top level the district recognises for its
    occupation (``rewards.occupational_top_levels``) and come from an HR department
    of Guangdong and be in the national query system (a qualification), or from an
    evaluator filed with the Shenzhen HR bureau (a skill-level certificate).  A
    licence must have been obtained on or after the licence floor (2018-09-01; its
    ``issued_on`` is read as the day of first registration or approval), be held
    in a sector its licence is limited to (``rewards.occupational_licence_sectors``,
    ``claim.employer_sector``), and be valid on the claim day
    (``claim.licence_valid_on_claim``; a ``valid_until`` before the claim day
    refuses it).  A title must be of the rewarded level (正高) and conferred on or
    after the title floor (2016-09-01).  The post matches the basis
    (``claim.post_matches_basis``); at least ``occupational_tenure_months`` in the
    same enterprise, counted from the later of the employment's start and the day
    the basis was obtained, and in post on the claim day.  The amount is the figure
    for a certificate or for the title.

    Raises:
        InvalidValueError: The claim is not for the occupational reward, or the
            facts name different employers.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, DateRange, DivisionCode, OccupationCode
        >>> from skillchain import ResidentId, SkillLevel
        >>> from skillchain.model import (Certificate, CertificateKind, Employment,
        ...     Enterprise, IssuerKind, TalentRewardClaim, TalentRewardKind)
        >>> from skillchain.rules import occupational_reward
        >>> person = ResidentId("11010519491231002X")
        >>> firm = Enterprise(credit_code=CreditCode("91350100M000100Y43"),
        ...     name="深圳市某物业公司", registered_division=DivisionCode("440304"))
        >>> cert = Certificate(holder=person, kind=CertificateKind.SKILL_LEVEL,
        ...     occupation=OccupationCode("4-10-01-05"),
        ...     level=SkillLevel.SENIOR_TECHNICIAN, issued_on=date(2020, 6, 30),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
        ...     evaluator_filed_with=DivisionCode("440300"))
        >>> claim = TalentRewardClaim(person=person, kind=TalentRewardKind.OCCUPATIONAL,
        ...     basis=cert, claimed_on=date(2024, 5, 6), year=2024,
        ...     employer_taxed_in_district=True, post_matches_basis=True)
        >>> job = Employment(employer=firm.credit_code, period=DateRange(date(2019, 1, 1)))
        >>> d = occupational_reward(claim, employment=job, enterprise=firm,
        ...     on=date(2024, 5, 6))
        >>> d.outcome, d.missing
        (<Outcome.UNDETERMINED: 'undetermined'>, ('rewards.occupational_scope', 'rewards.occupational_top_levels'))
    """
    _check_kind(claim, TalentRewardKind.OCCUPATIONAL)
    _matching_employer(claim, employment, enterprise)
    judge = Judge(policy if policy is not None else Policy.default(), on)
    params = _on_claim_day(judge, claim)
    guide = judge.policy.citation(_OCC_GUIDE, "3")
    _check_enterprise(
        judge,
        _O_ENTERPRISE,
        enterprise,
        params.occupational_region,
        legal_person=False,
        guide=guide,
    )
    taxed = claim.employer_taxed_in_district
    if taxed is None:
        judge.missing(
            _O_TAXPAYER,
            ("claim.employer_taxed_in_district",),
            (("taxed", None),),
            (guide,),
        )
    else:
        judge.check(_O_TAXPAYER, taxed, (("taxed", taxed),), (guide,))
    if not _check_basis(judge, claim):
        return judge.decide(OCCUPATIONAL_REWARD_RULE)
    basis = claim.basis
    assert isinstance(basis, Certificate | ProfessionalTitle)  # noqa: S101 - checked
    title_held: bool | None = None
    if isinstance(basis, Certificate):
        _check_scope(judge, basis, params)
        if basis.kind in _SKILL_KINDS:
            _check_top_level(judge, basis, params)
            _check_issuer(judge, basis, params)
        else:
            _check_floor(judge, basis, params)
            _check_sector(judge, claim, basis, params)
            _check_licence_valid(judge, claim, basis)
    else:
        title_held = _check_title(judge, basis, params)
        _check_floor(judge, basis, params)
    _check_matching_post(judge, claim)
    _check_occupational_tenure(judge, claim, basis, employment, params)
    amount = _occupational_amount(judge, basis, title_held, params)
    return judge.decide(OCCUPATIONAL_REWARD_RULE, amount)


HIGH_SKILL_REWARD_RULE: Rule = register(
    Rule(
        id="rewards.high_skill",
        version="2026.1",
        title_zh="福田英才荟高技能人才奖励",
        title_en="Futian high-skill talent reward",
        function=high_skill_reward,
        sources=(RuleSource(_HIGH_GUIDE), RuleSource(_LETTER, "三")),
        parameters=(
            "rewards.region",
            "rewards.high_skill_posts",
            "rewards.high_skill_tenure_months",
            "rewards.high_skill_honours",
            "rewards.high_skill_amounts",
            "rewards.fraud_ban_months",
        ),
        conditions=(
            Condition(
                _H_ENTERPRISE,
                parameters=("rewards.region",),
                sources=(RuleSource(_HIGH_GUIDE, "3.2"),),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _H_POST, parameters=("rewards.high_skill_posts",), read_on=_ON_CLAIM
            ),
            Condition(_H_IN_POST, sources=(RuleSource(_HIGH_GUIDE, "3.2"),)),
            Condition(
                _H_TENURE,
                parameters=("rewards.high_skill_tenure_months",),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _H_HONOUR,
                parameters=("rewards.high_skill_honours", "rewards.high_skill_amounts"),
                sources=(RuleSource(_HIGH_GUIDE),),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _H_BAN,
                parameters=("rewards.fraud_ban_months",),
                sources=(RuleSource(_HIGH_GUIDE),),
                read_on=_ON_CLAIM,
            ),
            Condition(_H_ONE_PER_SKILL, sources=(RuleSource(_HIGH_GUIDE, "3.3-3.4"),)),
            Condition(_H_TOP_UP, sources=(RuleSource(_HIGH_GUIDE, "3.3-3.4"),)),
            Condition(
                _H_AMOUNT,
                parameters=("rewards.high_skill_amounts",),
                read_on=_ON_CLAIM,
            ),
        ),
    )
)
"""The registered high-skill talent reward rule."""

OCCUPATIONAL_REWARD_RULE: Rule = register(
    Rule(
        id="rewards.occupational",
        version="2026.1",
        title_zh="福田英才荟执(职)业人才奖励",
        title_en="Futian occupational-talent reward",
        function=occupational_reward,
        sources=(RuleSource(_OCC_GUIDE), RuleSource(_LETTER, "三")),
        parameters=(
            "rewards.occupational_region",
            "rewards.occupational_scope",
            "rewards.occupational_top_levels",
            "rewards.occupational_qualification_issuer_region",
            "rewards.occupational_evaluator_region",
            "rewards.occupational_title_level",
            "rewards.occupational_title_floor",
            "rewards.occupational_licence_floor",
            "rewards.occupational_licence_sectors",
            "rewards.occupational_tenure_months",
            "rewards.occupational_certificate_amount",
            "rewards.occupational_title_amount",
        ),
        conditions=(
            Condition(
                _O_ENTERPRISE,
                parameters=("rewards.occupational_region",),
                sources=(RuleSource(_OCC_GUIDE, "3"),),
                read_on=_ON_CLAIM,
            ),
            Condition(_O_TAXPAYER, sources=(RuleSource(_OCC_GUIDE, "3"),)),
            Condition(_O_BASIS, sources=(RuleSource(_OCC_GUIDE, "3.1-3.2"),)),
            Condition(
                _O_SCOPE,
                parameters=("rewards.occupational_scope",),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _O_TOP_LEVEL,
                parameters=("rewards.occupational_top_levels",),
                sources=(RuleSource(_OCC_GUIDE, "3.2"),),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _O_ISSUER,
                parameters=(
                    "rewards.occupational_qualification_issuer_region",
                    "rewards.occupational_evaluator_region",
                ),
                sources=(RuleSource(_OCC_GUIDE, "3.2"),),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _O_TITLE,
                parameters=("rewards.occupational_title_level",),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _O_FLOOR,
                parameters=(
                    "rewards.occupational_title_floor",
                    "rewards.occupational_licence_floor",
                ),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _O_SECTOR,
                parameters=("rewards.occupational_licence_sectors",),
                sources=(RuleSource(_OCC_GUIDE, "3.2"),),
                read_on=_ON_CLAIM,
            ),
            Condition(_O_VALID, sources=(RuleSource(_OCC_GUIDE, "3.2"),)),
            Condition(_O_POST, sources=(RuleSource(_OCC_GUIDE, "3.1-3.2"),)),
            Condition(
                _O_TENURE,
                parameters=("rewards.occupational_tenure_months",),
                read_on=_ON_CLAIM,
            ),
            Condition(
                _O_AMOUNT,
                parameters=(
                    "rewards.occupational_certificate_amount",
                    "rewards.occupational_title_amount",
                ),
                read_on=_ON_CLAIM,
            ),
        ),
    )
)
"""The registered occupational-talent reward rule."""
