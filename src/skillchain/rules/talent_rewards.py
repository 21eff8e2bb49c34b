"""Rules: the skills rewards of Futian's talent programme 福田英才荟.

The Futian HR bureau receives, reviews and pays two skills rewards (the bureau's
reply letter of 2024-09-02, §三):

* :func:`high_skill_reward` (rule ``rewards.high_skill``), 高技能人才奖励: paid for a
  listed honour or competition result to a person who has worked at least one
  continuous year in a skill or technical post of a legal-person enterprise of the
  district and is in post when applying; one reward per person per skill; a
  same-year top-up (补差奖励) when a higher honour follows; refused during a
  five-year ban after fraud.  Source: a fragmentary copy of the district's guide
  (year not visible).  Only the 50 000 yuan of the 深圳市技能菁英 / 深圳市技术能手 item
  was seen; the list of honours and every other amount are district-supplied.
* :func:`occupational_reward` (rule ``rewards.occupational``), 执(职)业人才奖励: paid
  for a certificate in the district's list of accepted types (受理工种范围, 31 types,
  more than 400 from 2024) or for a 正高 professional title, after three continuous
  years in the same district enterprise.  The lists are district-supplied, so with
  the bundled policy a certificate claim is undetermined and names
  ``rewards.occupational_scope``; the amounts are those of the 2024 guide (a copy,
  in force to 2024-12-31).

Figures are resolved on the evaluation day; the facts (tenure, in post, bans) are
measured on the claim's date.
"""

from datetime import date
from decimal import Decimal

from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._errors import InvalidValueError
from skillchain._sources import Citation
from skillchain.model import (
    Certificate,
    CompetitionResult,
    Employment,
    Enterprise,
    Honour,
    ProfessionalTitle,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.policy import Policy, Resolved, RewardParameters
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, Rule, RuleSource, register


__all__ = [
    "HIGH_SKILL_REWARD_RULE",
    "OCCUPATIONAL_REWARD_RULE",
    "high_skill_reward",
    "occupational_reward",
]

_HIGH_GUIDE = "ft-high-skill-reward-guide"
_OCC_GUIDE = "ft-occupational-reward-guide-2024"
_LETTER = "ft-hr-2024-reply-2024090"

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
_O_BASIS = "rewards.occupational.basis"
_O_SCOPE = "rewards.occupational.scope"
_O_TITLE = "rewards.occupational.title"
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
        _O_BASIS: Message(
            zh="申报依据为{basis}，须为证书或职称",
            en="The basis is a(n) {basis}; it must be a certificate or a professional "
            "title",
        ),
        _O_SCOPE: Message(
            zh="证书（职业编码 {occupation}，资格名称 {qualification}）在受理工种范围内：{listed}",
            en="The certificate (occupation {occupation}, qualification "
            "{qualification}) is among the accepted types: {listed}",
        ),
        _O_TITLE: Message(
            zh="职称级别为{level}，奖励的职称级别为{required}",
            en="The professional title is a {level}; the reward is paid for a "
            "{required}",
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


def _check_kind(claim: TalentRewardClaim, kind: TalentRewardKind) -> None:
    if claim.kind is not kind:
        raise InvalidValueError(
            field="claim.kind",
            problem=f"a claim for the {claim.kind.en} was given",
            expected=f"a claim for the {kind.en} ({kind.value!r})",
        )


def _check_enterprise(
    judge: Judge,
    check: str,
    enterprise: Enterprise | None,
    params: RewardParameters,
    *,
    legal_person: bool,
    guide: Citation,
) -> None:
    region_param = params.region
    region = judge.use(region_param)
    division = None if enterprise is None else enterprise.registered_division
    is_legal = None if enterprise is None else enterprise.independent_legal_person
    values: tuple[tuple[str, FactValue], ...] = (
        ("division", division),
        ("region", region),
    )
    if legal_person:
        values = (*values, ("legal_person", is_legal))
    cites = (*citations_of(region_param), guide)
    unknown = [
        name
        for name, known in (("enterprise", enterprise), (region_param.name, region))
        if known is None
    ]
    if region is not None and division is not None and not region.contains(division):
        judge.check(check, False, values, cites)
        return
    if legal_person and enterprise is not None and is_legal is not True:
        if is_legal is False:
            judge.check(check, False, values, cites)
            return
        unknown.append("enterprise.independent_legal_person")
    if unknown:
        judge.missing(check, unknown, values, cites)
        return
    judge.check(check, True, values, cites)


# --- high-skill reward --------------------------------------------------------------


def _honour_key(basis: object) -> str | None:
    return basis.key if isinstance(basis, Honour) else None


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


def _check_honour(
    judge: Judge, claim: TalentRewardClaim, params: RewardParameters
) -> str | None:
    """Record whether the basis is a listed honour; its key unless it is not one."""
    basis = claim.basis
    honours_param, amounts_param = params.high_skill_honours, params.high_skill_amounts
    cites = citations_of(honours_param, amounts_param)
    if isinstance(basis, CompetitionResult):
        # A result counts through the honour or place it corresponds to (e.g. first
        # place at the Futian staff contest); which results count is district data.
        judge.missing(
            _H_HONOUR,
            ("claim.basis",),
            (("honour", basis.competition.event), ("listed", None)),
            cites,
        )
        return None
    key = _honour_key(basis)
    if key is None:
        judge.check(
            _H_HONOUR,
            False,
            (("honour", type(basis).__name__), ("listed", False)),
            cites,
        )
        return None
    honours = judge.use(honours_param)
    amounts = judge.use(amounts_param)
    if honours is not None:
        listed = key in honours
    elif amounts is not None and key in amounts:
        listed = True
    else:
        judge.missing(
            _H_HONOUR, (honours_param.name,), (("honour", key), ("listed", None)), cites
        )
        return key
    judge.check(_H_HONOUR, listed, (("honour", key), ("listed", listed)), cites)
    return key if listed else None


def _check_ban(
    judge: Judge,
    claim: TalentRewardClaim,
    fraud_findings: tuple[date, ...] | None,
    params: RewardParameters,
) -> None:
    param = params.fraud_ban_months
    months = judge.use(param)
    claimed = claim.claimed_on
    earlier = (
        None
        if fraud_findings is None
        else tuple(found for found in fraud_findings if found <= claimed)
    )
    latest = max(earlier) if earlier else None
    values: tuple[tuple[str, FactValue], ...] = (
        ("findings", None if earlier is None else len(earlier)),
        ("found_on", latest),
        ("claimed_on", claimed),
        ("months", months),
    )
    cites = citations_of(param)
    if earlier is None or (earlier and months is None):
        unknown = [
            name
            for name, known in (("fraud_findings", earlier), (param.name, months))
            if known is None
        ]
        judge.missing(_H_BAN, unknown, values, cites)
        return
    barred = (
        latest is not None
        and months is not None
        and claimed < add_months(latest, months)
    )
    judge.check(_H_BAN, not barred, values, cites)


def _same_skill_rewards(
    judge: Judge,
    claim: TalentRewardClaim,
    prior_rewards: tuple[TalentRewardClaim, ...],
    check: str,
) -> tuple[TalentRewardClaim, ...] | None:
    """The earlier high-skill rewards for the claim's skill; ``None`` if undecidable."""
    earlier = tuple(
        prior
        for prior in prior_rewards
        if prior.kind is TalentRewardKind.HIGH_SKILL and prior != claim
    )
    if not earlier:
        return ()
    unknown = []
    if claim.skill is None:
        unknown.append("claim.skill")
    unknown.extend(
        f"prior_rewards[{index}].skill"
        for index, prior in enumerate(prior_rewards)
        if prior in earlier and prior.skill is None
    )
    if unknown:
        judge.missing(
            check,
            unknown,
            (("skill", claim.skill), ("earlier", None))
            if check == _H_ONE_PER_SKILL
            else _top_up_values(claim, None),
            (judge.policy.citation(_HIGH_GUIDE, "3.3-3.4"),),
        )
        return None
    return tuple(prior for prior in earlier if prior.skill == claim.skill)


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
) -> Decimal | None:
    """Record the one-per-skill or top-up check; return the amount already paid."""
    guide = (judge.policy.citation(_HIGH_GUIDE, "3.3-3.4"),)
    check = _H_TOP_UP if claim.top_up else _H_ONE_PER_SKILL
    if prior_rewards is None:
        values = (
            _top_up_values(claim, None)
            if claim.top_up
            else (("skill", claim.skill), ("earlier", None))
        )
        judge.missing(check, ("prior_rewards",), values, guide)
        return None
    same = _same_skill_rewards(judge, claim, prior_rewards, check)
    if same is None:
        return None
    if not claim.top_up:
        judge.check(
            _H_ONE_PER_SKILL,
            not same,
            (("skill", claim.skill), ("earlier", len(same))),
            guide,
        )
        return Decimal(0)
    this_year = [prior for prior in same if prior.year == claim.year]
    previous = max(this_year, key=lambda p: p.claimed_on) if this_year else None
    values = _top_up_values(claim, previous)
    if previous is None:
        judge.check(_H_TOP_UP, False, values, guide)
        return None
    if previous.amount_claimed is None:
        index = prior_rewards.index(previous)
        judge.missing(
            _H_TOP_UP, (f"prior_rewards[{index}].amount_claimed",), values, guide
        )
        return None
    awarded = claim.basis.awarded_on if isinstance(claim.basis, Honour) else None
    after = awarded is not None and awarded > previous.claimed_on
    judge.check(_H_TOP_UP, after, values, guide)
    return previous.amount_claimed


def _high_skill_amount(
    judge: Judge,
    key: str | None,
    previous: Decimal | None,
    params: RewardParameters,
) -> Decimal | None:
    param = params.high_skill_amounts
    amounts = judge.use(param)
    award = None if amounts is None or key is None else amounts.get(key)
    values: tuple[tuple[str, FactValue], ...] = (("honour", key), ("award", award))
    cites = citations_of(param)
    if key is None:
        # Not a listed honour: the outcome is already decided by that finding.
        return None
    if award is None:
        judge.missing(
            _H_AMOUNT,
            (param.name,),
            (*values, ("previous", previous), ("amount", None)),
            cites,
        )
        return None
    if previous is None:
        # The earlier reward is not settled (that finding says what is missing).
        return None
    amount = award - previous
    judge.check(
        _H_AMOUNT,
        amount > 0,
        (*values, ("previous", previous), ("amount", amount)),
        cites,
    )
    return amount


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
    checked).  Figures are those in force on *on*; tenure, being in post and bans
    are measured on ``claim.claimed_on``.

    Checked: the employer is a legal-person enterprise registered in the district;
    the post is a skill or technical post; in post on the claim day; at least
    ``high_skill_tenure_months`` of continuous employment by then; the basis is a
    listed honour (an :class:`~skillchain.model.Honour` whose catalog key the
    district lists, or that has an amount in the table; a competition result is
    undetermined until recorded as the honour or place it counts as); no fraud
    finding within the ban; then either one reward per skill (a first claim) or,
    for a top-up (``claim.top_up``), a reward for the same skill in the same year
    before the higher honour was obtained.  The amount is the table's figure for
    the honour, less the amount already paid for a top-up, and must be positive.

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
        ...     prior_rewards=(), fraud_findings=(), on=date(2024, 5, 6))
        >>> d.outcome, d.amount
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('50000'))
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
    params = judge.params.rewards
    _check_enterprise(
        judge,
        _H_ENTERPRISE,
        enterprise,
        params,
        legal_person=True,
        guide=judge.policy.citation(_HIGH_GUIDE, "3.2"),
    )
    _check_employment(judge, claim, employment, params)
    key = _check_honour(judge, claim, params)
    _check_ban(judge, claim, fraud_findings, params)
    previous = _check_repeat(judge, claim, prior_rewards)
    amount = _high_skill_amount(judge, key, previous, params)
    return judge.decide(HIGH_SKILL_REWARD_RULE, amount)


# --- occupational reward --------------------------------------------------------------


def _basis_day(basis: Certificate | ProfessionalTitle) -> date | None:
    return basis.issued_on if isinstance(basis, Certificate) else basis.conferred_on


def _scope_keys(certificate: Certificate) -> tuple[str, ...]:
    keys = [] if certificate.occupation is None else [str(certificate.occupation)]
    if certificate.qualification is not None:
        keys.append(certificate.qualification)
    return tuple(keys)


def _check_occupational_basis(
    judge: Judge, claim: TalentRewardClaim, params: RewardParameters
) -> Resolved[Decimal] | None:
    """Record the scope or title check; return the amount parameter if it held."""
    basis = claim.basis
    if isinstance(basis, Certificate):
        scope_param = params.occupational_scope
        scope = judge.use(scope_param)
        values: tuple[tuple[str, FactValue], ...] = (
            ("occupation", basis.occupation),
            ("qualification", basis.qualification),
        )
        cites = citations_of(scope_param)
        if scope is None:
            judge.missing(
                _O_SCOPE, (scope_param.name,), (*values, ("listed", None)), cites
            )
            return None
        listed = any(key in scope for key in _scope_keys(basis))
        judge.check(_O_SCOPE, listed, (*values, ("listed", listed)), cites)
        return params.occupational_certificate_amount if listed else None
    if isinstance(basis, ProfessionalTitle):
        level_param = params.occupational_title_level
        required = judge.use(level_param)
        values = (("level", basis.level), ("required", required))
        cites = citations_of(level_param)
        if required is None:
            judge.missing(_O_TITLE, (level_param.name,), values, cites)
            return None
        held = basis.level is required
        judge.check(_O_TITLE, held, values, cites)
        return params.occupational_title_amount if held else None
    judge.check(
        _O_BASIS,
        False,
        (("basis", type(basis).__name__),),
        (judge.policy.citation(_OCC_GUIDE, "3"),),
    )
    return None


def _check_occupational_tenure(
    judge: Judge,
    claim: TalentRewardClaim,
    employment: Employment | None,
    params: RewardParameters,
) -> None:
    param = params.occupational_tenure_months
    months = judge.use(param)
    basis = claim.basis
    obtained = (
        _basis_day(basis)
        if isinstance(basis, Certificate | ProfessionalTitle)
        else None
    )
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
    enterprise the claim relies on.  Figures and the list of accepted types are
    those in force on *on*; tenure is measured on ``claim.claimed_on``.

    Checked: the enterprise is registered in the district; the basis is a
    certificate among the district's accepted types (its occupation code or its
    qualification name is in ``rewards.occupational_scope``) or a professional
    title of the rewarded level (正高); at least ``occupational_tenure_months`` in
    the same enterprise, counted from the later of the employment's start and the
    day the certificate or title was obtained, and in post on the claim day.  The
    amount is the figure for a certificate or for the title.

    The accepted types are district-supplied: with the bundled policy a certificate
    claim is undetermined and names ``rewards.occupational_scope``.

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
        ...     occupation=OccupationCode("4-10-01-05"), level=SkillLevel.ADVANCED,
        ...     issued_on=date(2020, 6, 30), issuer_kind=IssuerKind.HR_DEPARTMENT)
        >>> claim = TalentRewardClaim(person=person, kind=TalentRewardKind.OCCUPATIONAL,
        ...     basis=cert, claimed_on=date(2024, 5, 6), year=2024)
        >>> job = Employment(employer=firm.credit_code, period=DateRange(date(2019, 1, 1)))
        >>> d = occupational_reward(claim, employment=job, enterprise=firm,
        ...     on=date(2024, 5, 6))
        >>> d.outcome, d.missing
        (<Outcome.UNDETERMINED: 'undetermined'>, ('rewards.occupational_scope',))
    """
    _check_kind(claim, TalentRewardKind.OCCUPATIONAL)
    _matching_employer(claim, employment, enterprise)
    judge = Judge(policy if policy is not None else Policy.default(), on)
    params = judge.params.rewards
    _check_enterprise(
        judge,
        _O_ENTERPRISE,
        enterprise,
        params,
        legal_person=False,
        guide=judge.policy.citation(_OCC_GUIDE, "3"),
    )
    param = _check_occupational_basis(judge, claim, params)
    _check_occupational_tenure(judge, claim, employment, params)
    if param is None:
        return judge.decide(OCCUPATIONAL_REWARD_RULE)
    amount = judge.use(param)
    if amount is None:
        judge.missing(_O_AMOUNT, (param.name,), (("amount", None),))
        return judge.decide(OCCUPATIONAL_REWARD_RULE)
    judge.check(_O_AMOUNT, True, (("amount", amount),), citations_of(param))
    return judge.decide(OCCUPATIONAL_REWARD_RULE, amount)


HIGH_SKILL_REWARD_RULE: Rule = register(
    Rule(
        id="rewards.high_skill",
        version="2025.1",
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
            ),
            Condition(_H_POST, parameters=("rewards.high_skill_posts",)),
            Condition(_H_IN_POST, sources=(RuleSource(_HIGH_GUIDE, "3.2"),)),
            Condition(_H_TENURE, parameters=("rewards.high_skill_tenure_months",)),
            Condition(
                _H_HONOUR,
                parameters=("rewards.high_skill_honours", "rewards.high_skill_amounts"),
            ),
            Condition(_H_BAN, parameters=("rewards.fraud_ban_months",)),
            Condition(_H_ONE_PER_SKILL, sources=(RuleSource(_HIGH_GUIDE, "3.3-3.4"),)),
            Condition(_H_TOP_UP, sources=(RuleSource(_HIGH_GUIDE, "3.3-3.4"),)),
            Condition(_H_AMOUNT, parameters=("rewards.high_skill_amounts",)),
        ),
    )
)
"""The registered high-skill talent reward rule."""

OCCUPATIONAL_REWARD_RULE: Rule = register(
    Rule(
        id="rewards.occupational",
        version="2025.1",
        title_zh="福田英才荟执(职)业人才奖励",
        title_en="Futian occupational-talent reward",
        function=occupational_reward,
        sources=(RuleSource(_OCC_GUIDE), RuleSource(_LETTER, "三")),
        parameters=(
            "rewards.region",
            "rewards.occupational_scope",
            "rewards.occupational_title_level",
            "rewards.occupational_tenure_months",
            "rewards.occupational_certificate_amount",
            "rewards.occupational_title_amount",
        ),
        conditions=(
            Condition(
                _O_ENTERPRISE,
                parameters=("rewards.region",),
                sources=(RuleSource(_OCC_GUIDE, "3"),),
            ),
            Condition(_O_BASIS, sources=(RuleSource(_OCC_GUIDE, "3"),)),
            Condition(_O_SCOPE, parameters=("rewards.occupational_scope",)),
            Condition(_O_TITLE, parameters=("rewards.occupational_title_level",)),
            Condition(_O_TENURE, parameters=("rewards.occupational_tenure_months",)),
            Condition(
                _O_AMOUNT,
                parameters=(
                    "rewards.occupational_certificate_amount",
                    "rewards.occupational_title_amount",
                ),
            ),
        ),
    )
)
"""The registered occupational-talent reward rule."""
