"""Rules: the skills rewards of Futian's talent programme 福田英才荟.

* :func:`high_skill_reward` (rule ``rewards.high_skill``), 高技能人才奖励: paid for a
  listed honour or competition result.
* :func:`occupational_reward` (rule ``rewards.occupational``), 执(职)业人才奖励: paid
  for the top level of a skills certificate, a listed licence or a 正高
  professional title.

Each guide sets the conditions and amounts of the claims made while it is in
force, so both rules read every figure on the claim day (``claim.claimed_on``).
"""

from datetime import date
from decimal import Decimal

from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue
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
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    AllOf,
    Compares,
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
    "HIGH_SKILL_REWARD_RULE",
    "OCCUPATIONAL_REWARD_RULE",
    "high_skill_reward",
    "occupational_reward",
]

_HIGH_GUIDE = "ft-high-skill-reward-guide"
_OCC_GUIDE = "ft-occupational-reward-guide-2024"
_LETTER = RuleSource("ft-hr-2024-reply-2024090", "三")
_ON_CLAIM = ReadOn(
    "claim.claimed_on",
    "the district's guide in force when the claim is made sets its conditions and "
    "amounts (each guide covers the claims of its period)",
)

HIGH_ENTERPRISE = Condition(
    "rewards.high_skill.enterprise",
    zh="用人单位注册地 {division}，须为 {region} 辖区的法人企业（独立法人：{legal_person}）",
    en="The employer is registered in {division} (independent legal person: "
    "{legal_person}); it must be a legal-person enterprise of {region}",
    facts=("enterprise", "enterprise.independent_legal_person"),
    parameters=("rewards.region",),
    sources=(RuleSource(_HIGH_GUIDE, "3.2"),),
    read_on=_ON_CLAIM,
    remedy=AllOf(
        Requires("enterprise.registered_division", among="rewards.region"),
        Requires("enterprise.independent_legal_person", equals=True),
    ),
)
HIGH_POST = Condition(
    "rewards.high_skill.post",
    zh="岗位类型为{post}，须为技能技术岗位：{allowed}",
    en="The post is a {post}; it must be a skill or technical post: {allowed}",
    facts=("employment", "employment.post"),
    parameters=("rewards.high_skill_posts",),
    read_on=_ON_CLAIM,
    remedy=Requires("employment.post", among="rewards.high_skill_posts"),
)
HIGH_IN_POST = Condition(
    "rewards.high_skill.in_post",
    zh="申请日 {claimed_on} 在岗在职（任职期间 {employed_from} 至 {employed_to}）",
    en="In post on the claim day {claimed_on} (employed {employed_from} to "
    "{employed_to})",
    facts=("employment",),
    sources=(RuleSource(_HIGH_GUIDE, "3.2"),),
    remedy=Unremediable(
        "申请日 {claimed_on} 不在任职期间（{employed_from} 至 {employed_to}）内，"
        "而是否在岗在职以提出申请之日为准",
        "the claim day {claimed_on} lies outside the employment ({employed_from} "
        "to {employed_to}), and being in post is judged on the day the claim is made",
    ),
)
HIGH_TENURE = Condition(
    "rewards.high_skill.tenure",
    zh="自 {employed_since} 起连续任职，须满 {months} 个月，即不晚于 {needed_by} 已满足；"
    "申请日 {claimed_on}",
    en="Continuously employed since {employed_since}; {months} months are "
    "needed, reached on {needed_by}; claimed on {claimed_on}",
    facts=("employment",),
    parameters=("rewards.high_skill_tenure_months",),
    read_on=_ON_CLAIM,
    remedy=Elapses("claim.claimed_on"),
)
HIGH_HONOUR = Condition(
    "rewards.high_skill.honour",
    zh="申报依据“{honour}”属于奖励所列荣誉称号或竞赛名次：{listed}",
    en="The basis '{honour}' is an honour or result the reward is paid for: {listed}",
    parameters=("rewards.high_skill_honours", "rewards.high_skill_amounts"),
    sources=(RuleSource(_HIGH_GUIDE),),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "本奖励不为“{honour}”发放，而申报所依据的荣誉称号或竞赛名次已经取得，无法更换",
        "the reward is not paid for '{honour}', and the honour or result a claim "
        "rests on, already obtained, cannot be exchanged",
    ),
)
HIGH_FRAUD_BAN = Condition(
    "rewards.high_skill.fraud_ban",
    zh="弄虚作假认定记录 {findings} 条（最近一次 {found_on}）；申请日 {claimed_on} "
    "须在最近一次认定后 {months} 个月的禁止申请期之外",
    en="{findings} fraud finding(s) on record (latest: {found_on}); the claim "
    "day {claimed_on} must be outside the {months}-month ban after the latest",
    facts=("fraud_findings",),
    parameters=("rewards.fraud_ban_months",),
    sources=(RuleSource(_HIGH_GUIDE),),
    read_on=_ON_CLAIM,
    remedy=Elapses("claim.claimed_on"),
)
_NO_FRAUD = HIGH_FRAUD_BAN.only()
HIGH_ONE_PER_SKILL = Condition(
    "rewards.high_skill.one_per_skill",
    zh="同一人因同一技能限申请一项奖励：技能“{skill}”此前已获奖励 {earlier} 次",
    en="One reward per person for the same skill: '{skill}' was rewarded "
    "{earlier} time(s) before",
    sources=(RuleSource(_HIGH_GUIDE, "3.3-3.4"),),
    remedy=Unremediable(
        "技能“{skill}”此前已获奖励 {earlier} 次，同一人因同一技能只能获得一项奖励",
        "'{skill}' was already rewarded {earlier} time(s), and a person is rewarded "
        "only once for the same skill",
    ),
)
HIGH_TOP_UP = Condition(
    "rewards.high_skill.top_up",
    zh="补差奖励：{year}年度已就技能“{skill}”获奖励 {previous} 元，更高荣誉于 "
    "{awarded_on} 取得（须在上次申请 {previous_claim} 之后）",
    en="Top-up: in {year} the skill '{skill}' was already rewarded {previous} "
    "yuan; the higher honour came on {awarded_on} (it must come after the "
    "earlier claim of {previous_claim})",
    sources=(RuleSource(_HIGH_GUIDE, "3.3-3.4"),),
    remedy=Unremediable(
        "补差奖励须以同一年度已就同一技能获得的奖励为前提，且更高荣誉须在该次申请之后取得；"
        "已有的奖励和荣誉取得日期都无法更改",
        "a top-up needs a reward for the same skill paid earlier in the same year "
        "and a higher honour obtained after that claim, and neither the rewards "
        "paid nor the day an honour was obtained can change",
    ),
)
HIGH_AMOUNT = Condition(
    "rewards.high_skill.amount",
    zh="“{honour}”奖励 {award} 元，已获 {previous} 元，本次发放 {amount} 元",
    en="'{honour}' pays {award} yuan; {previous} yuan already paid; this "
    "claim pays {amount} yuan",
    parameters=("rewards.high_skill_amounts",),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "“{honour}”奖励 {award} 元，不多于已获的 {previous} 元，而补差奖励只发差额",
        "'{honour}' pays {award} yuan, no more than the {previous} yuan already "
        "paid, and a top-up pays only the difference",
    ),
)

OCC_ENTERPRISE = Condition(
    "rewards.occupational.enterprise",
    zh="用人单位注册地 {division}，须在 {region} 注册",
    en="The employer is registered in {division}; it must be registered in {region}",
    facts=("enterprise",),
    parameters=("rewards.occupational_region",),
    sources=(RuleSource(_OCC_GUIDE, "3"),),
    read_on=_ON_CLAIM,
    remedy=Requires(
        "enterprise.registered_division", among="rewards.occupational_region"
    ),
)
OCC_TAXPAYER = Condition(
    "rewards.occupational.taxpayer",
    zh="用人单位在本区纳税：{taxed}",
    en="The employer pays tax in the district: {taxed}",
    facts=("claim.employer_taxed_in_district",),
    sources=(RuleSource(_OCC_GUIDE, "3"),),
    remedy=Requires("claim.employer_taxed_in_district", equals=True),
)
OCC_BASIS = Condition(
    "rewards.occupational.basis",
    zh="申报依据为{basis}，须为技能类职业资格证书、职业技能等级证书、执业资格证书或职称",
    en="The basis is a(n) {basis}; the reward is paid for a skills vocational "
    "qualification, a skill-level certificate, a practising qualification or "
    "a professional title",
    sources=(RuleSource(_OCC_GUIDE, "3.1-3.2"),),
    remedy=Unremediable(
        "本奖励不为所申报的依据（{basis}）发放，而已取得的依据无法换成另一项",
        "the reward is not paid for the basis given ({basis}), and a basis "
        "already obtained cannot be exchanged for another",
    ),
)
OCC_SCOPE = Condition(
    "rewards.occupational.scope",
    zh="证书（职业编码 {occupation}，资格名称 {qualification}）在受理工种范围内：{listed}",
    en="The certificate (occupation {occupation}, qualification "
    "{qualification}) is among the accepted types: {listed}",
    parameters=("rewards.occupational_scope",),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "证书的职业（工种）和资格名称在发证时即已确定，不在申请日受理的工种范围内",
        "the certificate's occupation and qualification, fixed when it was issued, "
        "are not among the types accepted on the claim day",
    ),
)
OCC_TOP_LEVEL = Condition(
    "rewards.occupational.top_level",
    zh="证书等级为{level}，该职业（工种）认可的最高等级为{top}（仅奖励最高等级）",
    en="The certificate is at {level}; the top level recognised for its "
    "occupation is {top} (only the top level is rewarded)",
    parameters=("rewards.occupational_top_levels",),
    sources=(RuleSource(_OCC_GUIDE, "3.2"),),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "证书等级为{level}，低于该职业（工种）认可的最高等级{top}，而证书等级在发证时即已确定",
        "the certificate is at {level}, below the top level {top} of its "
        "occupation, and a certificate's level is fixed when it is issued",
    ),
)
OCC_ISSUER = Condition(
    "rewards.occupational.issuer",
    zh="{kind}由{issuer}颁发（发证地区 {division}，评价机构备案地 {filed_with}，"
    "全国联网可查：{in_query_system}）；须由 {region} 人社部门核发（职业资格证书，"
    "且全国联网可查）或由在 {region} 人社部门备案的评价机构颁发（职业技能等级证书）",
    en="The {kind} was issued by a(n) {issuer} (issuing division {division}, "
    "evaluator filed with {filed_with}, in the national query system: "
    "{in_query_system}); it must come from the HR departments of {region} "
    "(a vocational qualification, also in the national query system) or from "
    "an evaluator filed with the HR bureau of {region} (a skill-level "
    "certificate)",
    parameters=(
        "rewards.occupational_qualification_issuer_region",
        "rewards.occupational_evaluator_region",
    ),
    sources=(RuleSource(_OCC_GUIDE, "3.2"),),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "{kind}由谁颁发、在何地发证或备案、是否全国联网可查，都由发证方决定，而非申请人",
        "who issued the {kind}, where it was issued or its evaluator filed, and "
        "whether the national query system holds it are settled by its issuer, not "
        "by the claimant",
    ),
)
OCC_TITLE = Condition(
    "rewards.occupational.title",
    zh="职称级别为{level}，奖励的职称级别为{required}",
    en="The professional title is a {level}; the reward is paid for a {required}",
    parameters=("rewards.occupational_title_level",),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "职称级别为{level}，而非奖励的{required}，已评定职称的级别无法更改",
        "the title is a {level}, not a {required}, and the level of a title "
        "already conferred cannot change",
    ),
)
OCC_DATE_FLOOR = Condition(
    "rewards.occupational.date_floor",
    zh="{basis}取得日期 {obtained_on}，须不早于 {floor}",
    en="The {basis} was obtained on {obtained_on}; it must be on or after {floor}",
    facts=("claim.basis.conferred_on",),
    parameters=(
        "rewards.occupational_title_floor",
        "rewards.occupational_licence_floor",
    ),
    read_on=_ON_CLAIM,
    remedy=Unremediable(
        "{basis}于 {obtained_on} 取得，早于 {floor}，取得日期已成事实",
        "the {basis} was obtained on {obtained_on}, before {floor}, and the day "
        "it was obtained cannot change",
    ),
)
OCC_SECTOR = Condition(
    "rewards.occupational.sector",
    zh="{qualification}限定从业机构：{limited}（限于 {allowed}）；申请人所在机构：{sector}",
    en="{qualification} is rewarded only in certain sectors: {limited} (only "
    "in: {allowed}); the claimant works in: {sector}",
    facts=("claim.employer_sector",),
    parameters=("rewards.occupational_licence_sectors",),
    sources=(RuleSource(_OCC_GUIDE, "3.2"),),
    read_on=_ON_CLAIM,
    remedy=Requires(
        "claim.employer_sector",
        among="rewards.occupational_licence_sectors",
        key="claim.basis.qualification",
    ),
)
OCC_LICENCE_VALID = Condition(
    "rewards.occupational.licence_valid",
    zh="执业注册在申请日 {claimed_on} 有效：{valid}（有效期至 {valid_until}）",
    en="The registration is valid on the claim day {claimed_on}: {valid} "
    "(valid until {valid_until})",
    facts=("claim.licence_valid_on_claim",),
    sources=(RuleSource(_OCC_GUIDE, "3.2"),),
    remedy=AllOf(
        Requires("claim.licence_valid_on_claim", equals=True),
        Compares(
            "claim.basis.valid_until",
            value="valid_until",
            comparator=">=",
            bound="claimed_on",
        ),
    ),
)
OCC_MATCHING_POST = Condition(
    "rewards.occupational.matching_post",
    zh="从事与证书或职称对应的岗位（相关工作）：{matches}",
    en="The post matches the certificate or title (related work): {matches}",
    facts=("claim.post_matches_basis",),
    sources=(RuleSource(_OCC_GUIDE, "3.1-3.2"),),
    remedy=Requires("claim.post_matches_basis", equals=True),
)
OCC_TENURE = Condition(
    "rewards.occupational.tenure",
    zh="取得证书或职称后自 {counted_from} 起在同一企业连续任职，须满 {months} 个月"
    "（{needed_by}），申请日 {claimed_on} 在岗：{in_post}",
    en="Continuously employed by the same enterprise from {counted_from} "
    "(after obtaining the basis); {months} months are needed ({needed_by}); "
    "in post on the claim day {claimed_on}: {in_post}",
    facts=("employment", "claim.basis.conferred_on"),
    parameters=("rewards.occupational_tenure_months",),
    read_on=_ON_CLAIM,
    remedy=Elapses("claim.claimed_on"),
)
OCC_AMOUNT = Condition(
    "rewards.occupational.amount",
    zh="执(职)业人才奖励 {amount} 元",
    en="Occupational reward: {amount} yuan",
    parameters=(
        "rewards.occupational_certificate_amount",
        "rewards.occupational_title_amount",
    ),
    read_on=_ON_CLAIM,
)


_RESULT = "claim.basis"
"""What a competition-result basis leaves unknown: the listed item it counts as."""
_SKILL_KINDS = frozenset(
    {CertificateKind.VOCATIONAL_QUALIFICATION, CertificateKind.SKILL_LEVEL}
)
"""Skills certificates: only the top level of the occupation is rewarded."""
_LICENCE = CertificateKind.PRACTISING_QUALIFICATION
"""Licences (注册会计师, 执业药师, 一级注册造价工程师 …)."""
_HR_ISSUERS = frozenset({IssuerKind.HR_DEPARTMENT, IssuerKind.COMPETITION})
"""Who issues a vocational qualification: an HR department, directly or for a
competition it runs."""
_EVALUATORS = frozenset(
    {IssuerKind.SOCIAL_EVALUATION_ORGANISATION, IssuerKind.EMPLOYER_SELF_EVALUATION}
)
"""The evaluation bodies a skill-level certificate may come from (enterprises,
colleges, associations and other social training-evaluation organisations)."""


# --- shared checks ----------------------------------------------------------------


def _refuse_malformed(
    claim: TalentRewardClaim,
    kind: TalentRewardKind,
    employment: Employment | None,
    enterprise: Enterprise | None,
    prior_rewards: tuple[TalentRewardClaim, ...] = (),
) -> None:
    """Refuse a claim for the other reward, facts about two different employers, or
    an earlier reward paid to someone else (malformed input)."""
    if claim.kind is not kind:
        raise InvalidValueError(
            field="claim.kind",
            problem=f"a claim for the {claim.kind.en} was given",
            expected=f"a claim for the {kind.en} ({kind.value!r})",
        )
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
    for index, prior in enumerate(prior_rewards):
        if prior.person != claim.person:
            raise InvalidValueError(
                field=f"prior_rewards[{index}].person",
                problem=f"the reward was paid to {prior.person.masked}, not to the "
                f"claimant {claim.person.masked}",
                expected="the claimant's own earlier rewards",
            )


def _check_enterprise(
    judge: Judge,
    condition: Condition,
    enterprise: Enterprise | None,
    day: date,
) -> None:
    """The employer is registered in the region (and, where the condition reads
    it, is an independent legal person)."""
    legal_person = "enterprise.independent_legal_person" in condition.facts
    region = judge.value(condition, day=day)
    division = None if enterprise is None else enterprise.registered_division
    is_legal = None if enterprise is None else enterprise.independent_legal_person
    values: tuple[tuple[str, FactValue], ...] = (
        ("division", division),
        ("region", region),
    )
    if legal_person:
        values = (*values, ("legal_person", is_legal))
    held: bool | None = True
    if (
        region is not None and division is not None and not region.contains(division)
    ) or (legal_person and is_legal is False):
        held = False
    elif enterprise is None or region is None or (legal_person and is_legal is None):
        held = None
    judge.record(
        condition,
        held,
        values,
        (enterprise,) if enterprise is None else (enterprise, is_legal),
        day=day,
    )


# --- high-skill reward --------------------------------------------------------------


def _check_employment(
    judge: Judge, claim: TalentRewardClaim, employment: Employment | None
) -> None:
    """The post, being in post on the claim day, and the continuous tenure."""
    day = claim.claimed_on
    post = None if employment is None else employment.post
    posts = judge.value(HIGH_POST, day=day)
    allowed = None if post is None or posts is None else post in posts
    judge.record(
        HIGH_POST,
        allowed,
        (("post", post), ("allowed", allowed)),
        (employment,) if employment is None else (employment, post),
        day=day,
    )

    period = None if employment is None else employment.period
    judge.record(
        HIGH_IN_POST,
        None if period is None else day in period,
        (
            ("claimed_on", day),
            ("employed_from", None if period is None else period.start),
            ("employed_to", None if period is None else period.end),
        ),
        (employment,),
        day=day,
    )

    months: int | None = judge.value(HIGH_TENURE, day=day)
    since = claim.employed_since if period is None else period.start
    needed_by = None if since is None or months is None else add_months(since, months)
    judge.record(
        HIGH_TENURE,
        None if needed_by is None else needed_by <= day,
        (
            ("employed_since", since),
            ("months", months),
            ("needed_by", needed_by),
            ("claimed_on", day),
        ),
        (since,),
        day=day,
    )


def _check_honour(judge: Judge, claim: TalentRewardClaim) -> str | None:
    """Record whether the basis is a listed honour.

    Returns the honour's key when it is listed or may be (undetermined), ``None``
    when it is not one, and :data:`_RESULT` for a competition result.  The list is
    read only for an honour the amount table does not name.
    """
    basis = claim.basis
    day = claim.claimed_on
    honours, amounts = judge.values(HIGH_HONOUR, day=day)
    key: str | None
    if isinstance(basis, CompetitionResult):
        shown: FactValue = basis.competition.event
        listed: bool | None = None
        key = _RESULT
    elif isinstance(basis, Honour):
        shown = key = basis.key
        if amounts is not None and key in amounts:
            listed = True
        else:
            listed = None if honours is None else key in honours
    else:
        shown, listed, key = type(basis).__name__, False, None
    judge.record(
        HIGH_HONOUR,
        listed,
        (("honour", shown), ("listed", listed)),
        day=day,
        missing=(_RESULT,) if key == _RESULT else None,
    )
    return None if listed is False else key


def _check_ban(
    judge: Judge, claim: TalentRewardClaim, fraud_findings: tuple[date, ...] | None
) -> None:
    day = claim.claimed_on
    earlier = (
        None
        if fraud_findings is None
        else tuple(found for found in fraud_findings if found <= day)
    )
    latest = max(earlier) if earlier else None
    # The ban's length matters only when a fraud finding may lie before the claim.
    months: int | None = None if earlier == () else judge.value(HIGH_FRAUD_BAN, day=day)
    held: bool | None = True
    if earlier is None or (earlier and months is None):
        held = None
    elif latest is not None and months is not None:
        held = day >= add_months(latest, months)
    judge.record(
        # With no fraud finding on record the ban's length is not read.
        _NO_FRAUD if earlier == () else HIGH_FRAUD_BAN,
        held,
        (
            ("findings", None if earlier is None else len(earlier)),
            ("found_on", latest),
            ("claimed_on", day),
            ("months", months),
        ),
        (earlier,),
        day=day,
    )


def _same_skill_rewards(
    claim: TalentRewardClaim, prior_rewards: tuple[TalentRewardClaim, ...] | None
) -> tuple[tuple[TalentRewardClaim, ...] | None, list[str]]:
    """The earlier high-skill rewards for the claim's skill, or the unknown facts.

    Unchecked earlier rewards leave them unknown, and so does the skill of the claim
    or of an earlier reward as soon as there is one.
    """
    if prior_rewards is None:
        return None, [
            "prior_rewards",
            *(["claim.skill"] if claim.skill is None else []),
        ]
    earlier = [
        (index, prior)
        for index, prior in enumerate(prior_rewards)
        if prior.kind is TalentRewardKind.HIGH_SKILL and prior != claim
    ]
    unknown = [] if not earlier or claim.skill is not None else ["claim.skill"]
    unknown.extend(f"prior_rewards[{i}].skill" for i, p in earlier if p.skill is None)
    if unknown:
        return None, unknown
    return tuple(prior for _, prior in earlier if prior.skill == claim.skill), []


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
    day = claim.claimed_on
    same, unknown = _same_skill_rewards(claim, prior_rewards)
    if not claim.top_up:
        judge.record(
            HIGH_ONE_PER_SKILL,
            None if same is None else not same,
            (("skill", claim.skill), ("earlier", None if same is None else len(same))),
            day=day,
            missing=unknown,
        )
        # A first claim pays the whole award, whatever the finding above.
        return Decimal(0), ()
    this_year = [prior for prior in same or () if prior.year == claim.year]
    previous = max(this_year, key=lambda p: p.claimed_on) if this_year else None
    awarded = claim.basis.awarded_on if isinstance(claim.basis, Honour) else None
    paid = None if previous is None else previous.amount_claimed
    held: bool | None = True
    if same is None:
        held = None
    elif previous is None or awarded is None or awarded <= previous.claimed_on:
        # Nothing to top up this year, or the higher honour came before the reward.
        held = False
    elif paid is None and prior_rewards is not None:
        held = None
        unknown = [f"prior_rewards[{prior_rewards.index(previous)}].amount_claimed"]
    judge.record(
        HIGH_TOP_UP,
        held,
        (
            ("year", claim.year),
            ("skill", claim.skill),
            ("previous", paid),
            ("awarded_on", awarded),
            ("previous_claim", None if previous is None else previous.claimed_on),
        ),
        day=day,
        missing=unknown,
    )
    return (paid, ()) if held else (None, tuple(unknown) if held is None else ())


def _high_skill_amount(
    judge: Judge,
    claim: TalentRewardClaim,
    key: str | None,
    paid: tuple[Decimal | None, tuple[str, ...]],
) -> Decimal | None:
    previous, previous_unknown = paid
    if key is None or (previous is None and not previous_unknown):
        # Not a listed honour, or a top-up with nothing to top up: the outcome is
        # already decided by that finding.
        return None
    amounts = judge.value(HIGH_AMOUNT, day=claim.claimed_on)
    result = key == _RESULT
    award = None if amounts is None or result else amounts.get(key)
    amount = None if award is None or previous is None else award - previous
    unknown = [_RESULT] if result else []
    if award is None and amounts is not None and not result:
        unknown.extend(HIGH_AMOUNT.parameters)  # the table in force lacks the honour
    unknown.extend(previous_unknown)
    judge.record(
        HIGH_AMOUNT,
        None if amount is None else amount > 0,
        (
            ("honour", None if result else key),
            ("award", award),
            ("previous", previous),
            ("amount", amount),
        ),
        day=claim.claimed_on,
        missing=unknown,
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
    checked).  Figures are those in force on the claim day ``claim.claimed_on``,
    whatever day *on* the claim is decided; the facts are measured on that day too.
    The decision's amount is the reward paid, less what was already paid for a
    top-up (``claim.top_up``).

    Raises:
        InvalidValueError: The claim is not for the high-skill reward, a prior
            reward belongs to someone else, or the facts name different employers.
    """
    _refuse_malformed(
        claim, TalentRewardKind.HIGH_SKILL, employment, enterprise, prior_rewards or ()
    )
    judge = Judge(policy if policy is not None else Policy.default(), on)
    _check_enterprise(judge, HIGH_ENTERPRISE, enterprise, claim.claimed_on)
    _check_employment(judge, claim, employment)
    key = _check_honour(judge, claim)
    _check_ban(judge, claim, fraud_findings)
    paid = _check_repeat(judge, claim, prior_rewards)
    amount = _high_skill_amount(judge, claim, key, paid)
    return judge.decide(HIGH_SKILL_REWARD_RULE, amount)


# --- occupational reward --------------------------------------------------------------


def _basis_label(basis: object) -> FactValue:
    if isinstance(basis, Certificate):
        return basis.kind
    if isinstance(basis, ProfessionalTitle):
        return basis.level
    return type(basis).__name__


def _scope_keys(certificate: Certificate) -> tuple[str, ...]:
    keys = [] if certificate.occupation is None else [str(certificate.occupation)]
    if certificate.qualification is not None:
        keys.append(certificate.qualification)
    return tuple(keys)


def _check_skills_certificate(
    judge: Judge, certificate: Certificate, day: date
) -> None:
    """The top level of its occupation, and who issued it: an HR department of the
    region, in the national query system (a qualification), or an evaluator filed
    there (a skill-level certificate)."""
    table = judge.value(OCC_TOP_LEVEL, day=day)
    level = certificate.level
    listed = [key for key in _scope_keys(certificate) if table and key in table]
    top = table[listed[0]] if listed else None
    judge.record(
        OCC_TOP_LEVEL,
        None if level is None or top is None else level >= top,
        (("level", level), ("top", top)),
        day=day,
        missing=(
            *(("claim.basis.level",) if level is None else ()),
            # A table in force that does not list the occupation lacks its level.
            *(OCC_TOP_LEVEL.parameters if table is not None and top is None else ()),
        ),
    )

    qualification = certificate.kind is CertificateKind.VOCATIONAL_QUALIFICATION
    qualification_region, evaluator_region = judge.values(OCC_ISSUER, day=day)
    issuer = certificate.issuer_kind
    query = certificate.in_national_query_system
    if qualification:
        region = qualification_region
        place, place_name = certificate.issuer_division, "claim.basis.issuer_division"
        issued_by = issuer in _HR_ISSUERS
    else:
        region = evaluator_region
        place, place_name = (
            certificate.evaluator_filed_with,
            "claim.basis.evaluator_filed_with",
        )
        issued_by = issuer in _EVALUATORS
        query = True  # only a qualification need be in the national query system
    held: bool | None = True
    if (
        not issued_by
        or query is False
        or (region is not None and place is not None and not region.contains(place))
    ):
        held = False
    elif region is None or place is None or query is None:
        held = None
    unknown = [] if place is not None else [place_name]
    if query is None:
        unknown.append("claim.basis.in_national_query_system")
    judge.record(
        # The region the certificate's kind is held to is the one it rests on.
        OCC_ISSUER.only(OCC_ISSUER.parameters[0 if qualification else 1]),
        held,
        (
            ("kind", certificate.kind),
            ("issuer", issuer),
            ("division", certificate.issuer_division),
            ("filed_with", certificate.evaluator_filed_with),
            ("in_query_system", certificate.in_national_query_system),
            ("region", region),
        ),
        day=day,
        missing=unknown,
    )


def _check_licence(
    judge: Judge, claim: TalentRewardClaim, licence: Certificate, day: date
) -> None:
    """Obtained on or after the floor, held in a sector it is limited to, and valid
    on the claim day."""
    floor = judge.values(OCC_DATE_FLOOR, day=day)[1]
    judge.record(
        OCC_DATE_FLOOR,
        None if floor is None else licence.issued_on >= floor,
        (
            ("basis", licence.qualification),
            ("obtained_on", licence.issued_on),
            ("floor", floor),
        ),
        day=day,
    )

    table = judge.value(OCC_SECTOR, day=day)
    sector = claim.employer_sector
    name = licence.qualification
    allowed = None if table is None or name is None else table.get(name)
    if table is None:
        limited: bool | None = None
    elif allowed is None:
        limited = True  # a licence the table does not list is not limited
    else:
        limited = None if sector is None else sector in allowed
    judge.record(
        OCC_SECTOR,
        limited,
        (
            ("qualification", name),
            ("limited", None if table is None else allowed is not None),
            ("allowed", None if allowed is None else ", ".join(sorted(allowed))),
            ("sector", sector),
        ),
        (sector,),
        day=day,
    )

    valid = claim.licence_valid_on_claim
    if licence.valid_until is not None and licence.valid_until < day:
        valid = False  # expired before the claim day, whatever the claim says
    judge.record(
        OCC_LICENCE_VALID,
        valid,
        (("claimed_on", day), ("valid", valid), ("valid_until", licence.valid_until)),
        (valid,),
        day=day,
    )


def _check_title(judge: Judge, title: ProfessionalTitle, day: date) -> bool | None:
    """The rewarded level, conferred on or after the floor; returns whether the
    level is the rewarded one (``None``: not known)."""
    required = judge.value(OCC_TITLE, day=day)
    held = None if required is None else title.level is required
    judge.record(
        OCC_TITLE, held, (("level", title.level), ("required", required)), day=day
    )
    floor = judge.values(OCC_DATE_FLOOR, day=day)[0]
    obtained = title.conferred_on
    judge.record(
        OCC_DATE_FLOOR,
        None if obtained is None or floor is None else obtained >= floor,
        (("basis", title.level), ("obtained_on", obtained), ("floor", floor)),
        (obtained,),
        day=day,
    )
    return held


def _check_occupational_tenure(
    judge: Judge,
    claim: TalentRewardClaim,
    basis: Certificate | ProfessionalTitle,
    employment: Employment | None,
) -> None:
    day = claim.claimed_on
    months: int | None = judge.value(OCC_TENURE, day=day)
    obtained = basis.issued_on if isinstance(basis, Certificate) else basis.conferred_on
    start = None if employment is None else employment.period.start
    counted_from = None if start is None or obtained is None else max(start, obtained)
    needed_by = (
        None
        if counted_from is None or months is None
        else add_months(counted_from, months)
    )
    in_post = None if employment is None else day in employment.period
    judge.record(
        OCC_TENURE,
        False if in_post is False else None if needed_by is None else needed_by <= day,
        (
            ("counted_from", counted_from),
            ("months", months),
            ("needed_by", needed_by),
            ("claimed_on", day),
            ("in_post", in_post),
        ),
        (employment, obtained),
        day=day,
    )


def _occupational_amount(
    judge: Judge,
    basis: Certificate | ProfessionalTitle,
    title_held: bool | None,
    day: date,
) -> Decimal | None:
    """The figure for a certificate or for the title (whose level must be known)."""
    title = isinstance(basis, ProfessionalTitle)
    if title and title_held is False:
        return None  # not the rewarded title: the title finding refuses it
    certificate_amount, title_amount = judge.values(OCC_AMOUNT, day=day)
    level_unknown = title and title_held is None
    amount: Decimal | None = (
        None if level_unknown else title_amount if title else certificate_amount
    )
    judge.record(
        # The amount rests on the figure of its kind of basis.
        OCC_AMOUNT.only(OCC_AMOUNT.parameters[1 if title else 0]),
        None if amount is None else True,
        (("amount", amount),),
        day=day,
        missing=OCC_TITLE.parameters if level_unknown else (),
    )
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
    claim day ``claim.claimed_on``, whatever day *on* the claim is decided; tenure
    and the licence's validity are measured on the claim day too.  The decision's
    amount is the figure for a certificate or for the title.

    Raises:
        InvalidValueError: The claim is not for the occupational reward, or the
            facts name different employers.
    """
    _refuse_malformed(claim, TalentRewardKind.OCCUPATIONAL, employment, enterprise)
    judge = Judge(policy if policy is not None else Policy.default(), on)
    day = claim.claimed_on
    _check_enterprise(judge, OCC_ENTERPRISE, enterprise, day)
    taxed = claim.employer_taxed_in_district
    judge.record(OCC_TAXPAYER, taxed, (("taxed", taxed),), (taxed,), day=day)
    basis = claim.basis
    rewarded = isinstance(basis, ProfessionalTitle) or (
        isinstance(basis, Certificate)
        and (basis.kind in _SKILL_KINDS or basis.kind is _LICENCE)
    )
    judge.record(OCC_BASIS, rewarded, (("basis", _basis_label(basis)),), day=day)
    if not isinstance(basis, Certificate | ProfessionalTitle) or not rewarded:
        return judge.decide(OCCUPATIONAL_REWARD_RULE)
    title_held: bool | None = None
    if isinstance(basis, Certificate):
        scope = judge.value(OCC_SCOPE, day=day)
        listed = None if scope is None else any(k in scope for k in _scope_keys(basis))
        judge.record(
            OCC_SCOPE,
            listed,
            (
                ("occupation", basis.occupation),
                ("qualification", basis.qualification),
                ("listed", listed),
            ),
            day=day,
        )
        if basis.kind in _SKILL_KINDS:
            _check_skills_certificate(judge, basis, day)
        else:
            _check_licence(judge, claim, basis, day)
    else:
        title_held = _check_title(judge, basis, day)
    matches = claim.post_matches_basis
    judge.record(
        OCC_MATCHING_POST, matches, (("matches", matches),), (matches,), day=day
    )
    _check_occupational_tenure(judge, claim, basis, employment)
    amount = _occupational_amount(judge, basis, title_held, day)
    return judge.decide(OCCUPATIONAL_REWARD_RULE, amount)


HIGH_SKILL_REWARD_RULE: Rule = register(
    Rule(
        id="rewards.high_skill",
        version="2026.2",
        title_zh="福田英才荟高技能人才奖励",
        title_en="Futian high-skill talent reward",
        function=high_skill_reward,
        sources=(RuleSource(_HIGH_GUIDE), _LETTER),
        conditions=(
            HIGH_ENTERPRISE,
            HIGH_POST,
            HIGH_IN_POST,
            HIGH_TENURE,
            HIGH_HONOUR,
            HIGH_FRAUD_BAN,
            HIGH_ONE_PER_SKILL,
            HIGH_TOP_UP,
            HIGH_AMOUNT,
        ),
    )
)
"""The registered high-skill talent reward rule."""

OCCUPATIONAL_REWARD_RULE: Rule = register(
    Rule(
        id="rewards.occupational",
        version="2026.2",
        title_zh="福田英才荟执(职)业人才奖励",
        title_en="Futian occupational-talent reward",
        function=occupational_reward,
        sources=(RuleSource(_OCC_GUIDE), _LETTER),
        conditions=(
            OCC_ENTERPRISE,
            OCC_TAXPAYER,
            OCC_BASIS,
            OCC_SCOPE,
            OCC_TOP_LEVEL,
            OCC_ISSUER,
            OCC_TITLE,
            OCC_DATE_FLOOR,
            OCC_SECTOR,
            OCC_LICENCE_VALID,
            OCC_MATCHING_POST,
            OCC_TENURE,
            OCC_AMOUNT,
        ),
    )
)
"""The registered occupational-talent reward rule."""
