"""Rule: is an insured worker owed the unemployment-insurance skill-upgrade subsidy?

The national scheme (to 2024-12-31) with Guangdong's amounts.  The exclusion
between this subsidy and the skill-upgrade, graduate, apprenticeship and
project-based subsidies is :func:`~skillchain.rules.annual_cap`'s; rule
``ui_skill.case`` decides both together.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from operator import is_

from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision
from skillchain._levels import SkillLevel
from skillchain.model import Certificate, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._claims import claim_day, earlier_claim
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
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


__all__ = ["UI_SKILL_RULE", "check_ui_skill", "ui_skill_subsidy"]

_FAQ = RuleSource("zj-ui-skill-faq")
_NOTICE = RuleSource("mohrss-2024-ui-skill")
_ON_CLAIM_DAY = ReadOn(
    "claimed_on",
    "the national notices set the scheme's figures for claims made (申领) until "
    "2024-12-31: a claim keeps the figures of the day it was made",
)
_RATES = "ui_skill.rates"
_CERTIFICATE = ("certificate.occupation", "certificate.level")

LEVEL = Condition(
    "ui_skill.level",
    zh="证书等级为{level}，属于补贴范围（初级工、中级工、高级工）：{covered}",
    en="The certificate is at {level}; a level the subsidy covers "
    "(elementary, intermediate, advanced): {covered}",
    facts=("certificate.level",),
    parameters=(_RATES,),
    read_on=_ON_CLAIM_DAY,
    remedy=Requires("certificate.level", among=_RATES),
)
NATIONAL_MAXIMUM = Condition(
    "ui_skill.national_maximum",
    zh="国家标准：{level}每证补贴不超过 {maximum} 元；广东标准 {rate} 元在上限之内：{within}",
    en="National scheme: at most {maximum} yuan per certificate at {level}; "
    "Guangdong's rate of {rate} yuan is within it: {within}",
    facts=("certificate.level",),
    parameters=("ui_skill.national_maximum", _RATES),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "广东标准 {rate} 元不在国家标准 {maximum} 元（{level}）之内："
        "这是两项标准之间的冲突，不是本案的事实",
        "Guangdong's rate of {rate} yuan is not within the national maximum of "
        "{maximum} yuan at {level}: a conflict between the two schemes' figures, "
        "not a fact of the case",
    ),
)
CONTRIBUTIONS = Condition(
    "ui_skill.contributions",
    zh="已缴纳失业保险 {months} 个月，{issued} 取证须满 {minimum} 个月",
    en="{months} months of unemployment-insurance contributions; a certificate "
    "issued on {issued} needs at least {minimum}",
    facts=("contribution_months",),
    parameters=("ui_skill.contribution_months",),
    remedy=Compares(
        "contribution_months",
        value="months",
        comparator=">=",
        bound="minimum",
        parameter="ui_skill.contribution_months",
    ),
    read_on=ReadOn(
        "certificate.issued_on",
        "the relaxation to one year of contributions is for certificates obtained "
        "in the year it covers (2022, as the Chaoyang page says; 2023 and 2024 alike)",
    ),
)
CLAIM_WINDOW = Condition(
    "ui_skill.claim_window",
    zh="证书 {issued} 取得，须在 {deadline} 前（含）申领；申领日 {on}",
    en="The certificate was issued on {issued}; the claim must be made by "
    "{deadline}; it is made on {on}",
    facts=("certificate.issued_on", "claimed_on"),
    parameters=("ui_skill.claim_window_months",),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "{issued} 取得的证书的申领期限已于 {deadline} 届满，早于申领日 {on}",
        "the window for claiming a certificate issued on {issued} closed on "
        "{deadline}, before the claim day {on}",
    ),
)
ONCE_PER_LEVEL = Condition(
    "ui_skill.once_per_level",
    zh="{occupation} {level} 已享受过失业保险技能提升补贴：{paid}"
    "（同一职业（工种）同一等级只能享受一次）",
    en="The unemployment-insurance skill subsidy was already claimed for "
    "{occupation} at {level}: {paid} (once per occupation and level)",
    facts=(*_CERTIFICATE, "history"),
    sources=(_FAQ, _NOTICE),
    remedy=Unremediable(
        "{occupation} {level} 已享受过失业保险技能提升补贴，同一职业（工种）同一等级只能享受一次",
        "the unemployment-insurance skill subsidy was already claimed for "
        "{occupation} at {level}, and it is had once per occupation and level",
    ),
)
PER_YEAR = Condition(
    "ui_skill.per_year",
    zh="{year} 年已享受失业保险技能提升补贴 {count} 次，每人每年最多 {maximum} 次",
    en="In {year} the person already had {count} unemployment-insurance skill "
    "subsidies; at most {maximum} a year",
    facts=("history", "claimed_on"),
    parameters=("ui_skill.claims_per_year",),
    read_on=_ON_CLAIM_DAY,
    # The claims counted are those of the claim day's calendar year: a claim made
    # in a later year is counted afresh.
    remedy=Elapses("claimed_on"),
)
UPLIFT = Condition(
    "ui_skill.uplift",
    zh="紧缺职业上浮：证书等级{level}（{uplift_level}可上浮），"
    "紧缺职业 {shortage}，上浮比例 {uplift}",
    en="Shortage uplift: the certificate is at {level} ({uplift_level} "
    "qualifies), shortage occupation {shortage}, uplift {uplift}",
    facts=("shortage_occupation", "certificate.level"),
    parameters=("ui_skill.uplift_level", "ui_skill.shortage_uplift"),
    read_on=_ON_CLAIM_DAY,
)
AMOUNT = Condition(
    "ui_skill.amount",
    zh="补贴金额：{rate} 元 ×（1 + {uplift}）= {amount} 元（按 {quantum} 元{mode}）",
    en="Amount: {rate} yuan × (1 + {uplift}) = {amount} yuan "
    "(rounded to {quantum} yuan, {mode})",
    facts=("certificate.level", "shortage_occupation"),
    parameters=("ui_skill.rounding",),
    read_on=_ON_CLAIM_DAY,
)

_ZERO = Decimal(0)
_ONE = Decimal(1)
_UI_KINDS = frozenset({SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL})


def _check_history(
    judge: Judge,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    claimed: date,
) -> None:
    """Once per occupation and level; at most so many a calendar year."""
    occupation, level = certificate.occupation, certificate.level
    paid, unknown = earlier_claim(history, _UI_KINDS, occupation, level, matches=is_)
    own = (
        f for f, v in zip(_CERTIFICATE, (occupation, level), strict=True) if v is None
    )
    judge.record(
        ONCE_PER_LEVEL,
        None if paid is None else not paid,
        (("occupation", occupation), ("level", level), ("paid", paid)),
        missing=None if paid is not None else (*own, *unknown),
    )

    year = claimed.year
    per_year: int | None = judge.value(PER_YEAR, day=claimed)
    count = sum(1 for past in history if past.kind in _UI_KINDS and past.year == year)
    judge.record(
        PER_YEAR,
        None if per_year is None else count < per_year,
        (("year", year), ("count", count), ("maximum", per_year)),
        day=claimed,
    )


def _uplift(
    judge: Judge, level: SkillLevel | None, shortage: bool | None, claimed: date
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the shortage uplift; return it, or ``None`` and what it lacks."""
    uplift_level: SkillLevel | None
    figure: Decimal | None
    uplift_level, figure = judge.values(UPLIFT, day=claimed)
    uplift: Decimal | None = _ZERO
    # The uplift figure is read only where it may apply: for a possible shortage.
    reads = UPLIFT.only(*UPLIFT.parameters[:1])
    if uplift_level is None or (level is uplift_level and shortage is not False):
        uplift = figure if shortage and uplift_level is not None else None
        reads = UPLIFT if shortage is not False else reads
    judge.record(
        reads,
        None if uplift is None else True,
        (
            ("level", level),
            ("uplift_level", uplift_level),
            ("shortage", shortage),
            ("uplift", uplift),
        ),
        (shortage,),
        day=claimed,
    )
    if uplift is not None:
        return uplift, ()
    lacking = (
        n
        for n, v in zip(reads.parameters, (uplift_level, figure), strict=False)
        if v is None
    )
    return None, (*(UPLIFT.facts[:1] if shortage is None else ()), *lacking)


def check_ui_skill(
    judge: Judge,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    contribution_months: int | None,
    shortage_occupation: bool | None = None,
    *,
    claimed_on: date | None = None,
) -> Decimal | None:
    """Record the unemployment-insurance skill conditions and amount on *judge*.

    Every condition is recorded, known or not: an undetermined decision names every
    unknown fact and every figure not in force.  The figures are those in force on
    *claimed_on* (default: the judge's day), the contribution requirement that of
    the certificate's issue date.  Returns the amount (rounded) when every figure it
    needs is known, else ``None``; whether it is payable follows from the judge's
    outcome.
    """
    claimed = claimed_on if claimed_on is not None else judge.on
    record = judge.record
    level, issued = certificate.level, certificate.issued_on
    rates = judge.value(LEVEL, day=claimed)
    rate: Decimal | None = None if rates is None or level is None else rates.get(level)
    covered = None if rates is None else rate is not None
    record(LEVEL, covered, (("level", level), ("covered", covered)), day=claimed)
    if covered is not False:
        # Guangdong's rate stays within the national maximum ("at most").
        maxima = judge.value(NATIONAL_MAXIMUM, day=claimed)
        maximum = None if maxima is None or level is None else maxima.get(level)
        within = (
            None
            if rate is None or maxima is None
            else maximum is not None and rate <= maximum
        )
        record(
            NATIONAL_MAXIMUM,
            within,
            (
                ("level", level),
                ("maximum", maximum),
                ("rate", rate),
                ("within", within),
            ),
            day=claimed,
        )

    # The months required are those in force on the certificate's issue date.
    required: int | None = judge.value(CONTRIBUTIONS, day=issued)
    months = contribution_months
    record(
        CONTRIBUTIONS,
        None if months is None or required is None else months >= required,
        (("months", months), ("issued", issued), ("minimum", required)),
        (months,),
        day=issued,
    )

    window: int | None = judge.value(CLAIM_WINDOW, day=claimed)
    deadline = None if window is None else add_months(issued, window)
    record(
        CLAIM_WINDOW,
        None if deadline is None else issued <= claimed <= deadline,
        (("issued", issued), ("deadline", deadline), ("on", claimed)),
        day=claimed,
    )
    _check_history(judge, certificate, history, claimed)
    uplift, uplift_lacking = _uplift(judge, level, shortage_occupation, claimed)
    if covered is False:
        # Not a level the scheme pays for: there is no amount to work out.
        return None
    if rate is None or uplift is None:
        lacking = (*(LEVEL.parameters if rate is None else ()), *uplift_lacking)
        values = (("rate", rate), ("uplift", uplift), ("amount", None))
        record(AMOUNT, None, values, day=claimed, missing=lacking)
        return None
    return judge.rounded(
        AMOUNT,
        rate * (_ONE + uplift),
        (("rate", rate), ("uplift", uplift)),
        day=claimed,
    )


@in_library_context
def ui_skill_subsidy(
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    *,
    contribution_months: int | None,
    on: date,
    claimed_on: date | None = None,
    shortage_occupation: bool | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide the unemployment-insurance skill-upgrade subsidy for *certificate*.

    *history* is the person's earlier claims (kind ``UNEMPLOYMENT_INSURANCE_SKILL``
    ones matter).  *contribution_months* is the person's months of
    unemployment-insurance contributions, counted as the fund counts them (``None``
    if not known); the months required are those in force on the certificate's
    issue date.  *claimed_on* is the day the claim was made (default: *on*, a claim
    decided the day it is made): the other figures and the year counted are that
    day's.  *shortage_occupation* says whether the occupation is on the local
    shortage list (``None`` if not known).

    Raises:
        InvalidValueError: *claimed_on* is after *on*.

    Example:
        >>> from datetime import date
        >>> from skillchain import OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import Certificate, CertificateKind, IssuerKind
        >>> from skillchain.rules import ui_skill_subsidy
        >>> cert = Certificate(holder=ResidentId("11010519491231002X"),
        ...     kind=CertificateKind.SKILL_LEVEL, occupation=OccupationCode("6-18-02-04"),
        ...     level=SkillLevel.ADVANCED, issued_on=date(2024, 3, 1),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION)
        >>> decision = ui_skill_subsidy(cert, (), contribution_months=14,
        ...     shortage_occupation=True, on=date(2024, 6, 1))
        >>> decision.outcome.value, decision.amount
        ('eligible', Decimal('2600.00'))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    amount = check_ui_skill(
        judge,
        certificate,
        history,
        contribution_months,
        shortage_occupation,
        claimed_on=claim_day(on, claimed_on),
    )
    return judge.decide(UI_SKILL_RULE, amount)


UI_SKILL_RULE: Rule = register(
    Rule(
        id="ui_skill",
        version="2026.2",
        title_zh="失业保险技能提升补贴",
        title_en="Unemployment-insurance skill-upgrade subsidy",
        function=ui_skill_subsidy,
        sources=(
            _NOTICE,
            RuleSource("xx-ui-skill-2024"),
            RuleSource("nb-ui-skill-2023-copy"),
            _FAQ,
            RuleSource("cy-ui-skill-page"),
        ),
        conditions=(
            LEVEL,
            NATIONAL_MAXIMUM,
            CONTRIBUTIONS,
            CLAIM_WINDOW,
            ONCE_PER_LEVEL,
            PER_YEAR,
            UPLIFT,
            AMOUNT,
        ),
    )
)
"""The registered unemployment-insurance skill-upgrade subsidy rule."""
