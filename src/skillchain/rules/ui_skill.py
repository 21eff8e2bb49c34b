"""Rule: is an insured worker owed the unemployment-insurance skill-upgrade subsidy?

The 失业保险技能提升补贴 is a national scheme run locally.  As a Guangdong city
government FAQ (湛江市) states it: 1 000 / 1 500 / 2 000 yuan for a 初级 (五级) /
中级 (四级) / 高级 (三级) certificate, claimed within 12 months of the certificate's
issue, once per occupation and level, with +30 % for 高级 in an occupation on the
local shortage list; 技师 and 高级技师 are not covered.  The contribution requirement
(36 months of unemployment insurance, relaxed to 12 months for certificates obtained
in 2022) is seen only on a page outside Guangdong, so it is ``unverified``.

The contribution requirement is the one in force on the **certificate's issue
date** (the 2022 relaxation is for certificates obtained in 2022); the other
figures are those in force on the claim day ``on``.  The months of contributions
are a fact the caller supplies (``contribution_months``), counted as the fund
counts them.  The exclusion between this subsidy and the skill-upgrade, graduate,
apprenticeship and project-based subsidies is :func:`~skillchain.rules.annual_cap`'s.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from skillchain._dates import add_months
from skillchain._decision import Decision, Message, register_messages
from skillchain.model import Certificate, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, Rule, RuleSource, register
from skillchain.rules.subsidy_cap import _conflict


__all__ = ["UI_SKILL_RULE", "check_ui_skill", "ui_skill_subsidy"]

_FAQ = "zj-ui-skill-faq"
_ZERO = Decimal(0)
_ONE = Decimal(1)
_UI_KINDS = frozenset({SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL})

register_messages(
    {
        "ui_skill.level": Message(
            zh="证书等级为{level}，属于补贴范围（初级工、中级工、高级工）：{covered}",
            en="The certificate is at {level}; a level the subsidy covers "
            "(elementary, intermediate, advanced): {covered}",
        ),
        "ui_skill.contributions": Message(
            zh="已缴纳失业保险 {months} 个月，{issued} 取证须满 {minimum} 个月",
            en="{months} months of unemployment-insurance contributions; a certificate "
            "issued on {issued} needs at least {minimum}",
        ),
        "ui_skill.claim_window": Message(
            zh="证书 {issued} 取得，须在 {deadline} 前（含）申领；申领日 {on}",
            en="The certificate was issued on {issued}; the claim must be made by "
            "{deadline}; it is made on {on}",
        ),
        "ui_skill.once_per_level": Message(
            zh="{occupation} {level} 已享受过失业保险技能提升补贴：{paid}"
            "（同一职业（工种）同一等级只能享受一次）",
            en="The unemployment-insurance skill subsidy was already claimed for "
            "{occupation} at {level}: {paid} (once per occupation and level)",
        ),
        "ui_skill.uplift": Message(
            zh="紧缺职业上浮：证书等级{level}（{uplift_level}可上浮），"
            "紧缺职业 {shortage}，上浮比例 {uplift}",
            en="Shortage uplift: the certificate is at {level} ({uplift_level} "
            "qualifies), shortage occupation {shortage}, uplift {uplift}",
        ),
        "ui_skill.amount": Message(
            zh="补贴金额：{rate} 元 ×（1 + {uplift}）= {amount} 元（按 {quantum} 元{mode}）",
            en="Amount: {rate} yuan × (1 + {uplift}) = {amount} yuan "
            "(rounded to {quantum} yuan, {mode})",
        ),
    }
)


def _check_conditions(
    judge: Judge,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    contribution_months: int | None,
) -> Decimal | None:
    """Record the conditions; return the rate for the certificate's level, if known."""
    params = judge.params.ui_skill
    on = judge.on
    level, issued = certificate.level, certificate.issued_on

    rates_param = params.rates
    rates = judge.use(rates_param)
    rate: Decimal | None = None
    if rates is None:
        judge.missing(
            "ui_skill.level",
            (rates_param.name,),
            (("level", level), ("covered", None)),
        )
    else:
        rate = None if level is None else rates.get(level)
        judge.check(
            "ui_skill.level",
            rate is not None,
            (("level", level), ("covered", rate is not None)),
            citations_of(rates_param),
        )

    required_param = judge.policy.at(issued).ui_skill.contribution_months
    required = judge.use(required_param)
    values = (
        ("months", contribution_months),
        ("issued", issued),
        ("minimum", required),
    )
    if contribution_months is None or required is None:
        judge.missing(
            "ui_skill.contributions",
            tuple(
                name
                for name, value in (
                    ("contribution_months", contribution_months),
                    (required_param.name, required),
                )
                if value is None
            ),
            values,
            citations_of(required_param),
        )
    else:
        judge.check(
            "ui_skill.contributions",
            contribution_months >= required,
            values,
            citations_of(required_param),
        )

    window_param = params.claim_window_months
    window = judge.use(window_param)
    if window is None:
        judge.missing(
            "ui_skill.claim_window",
            (window_param.name,),
            (("issued", issued), ("deadline", None), ("on", on)),
        )
    else:
        deadline = add_months(issued, window)
        judge.check(
            "ui_skill.claim_window",
            issued <= on <= deadline,
            (("issued", issued), ("deadline", deadline), ("on", on)),
            citations_of(window_param),
        )

    occupation = certificate.occupation
    faq = (judge.policy.citation(_FAQ),)
    if occupation is None or level is None:
        judge.missing(
            "ui_skill.once_per_level",
            tuple(
                name
                for name, value in (
                    ("certificate.occupation", occupation),
                    ("certificate.level", level),
                )
                if value is None
            ),
            (("occupation", occupation), ("level", level), ("paid", None)),
            faq,
        )
    else:
        paid, unknown = _conflict(
            history, _UI_KINDS, occupation, lambda other: other is level
        )
        values_once = (("occupation", occupation), ("level", level), ("paid", paid))
        if paid is None:
            judge.missing("ui_skill.once_per_level", unknown, values_once, faq)
        else:
            judge.check("ui_skill.once_per_level", not paid, values_once, faq)
    return rate


def _amount(
    judge: Judge, certificate: Certificate, rate: Decimal, shortage: bool | None
) -> Decimal | None:
    params = judge.params.ui_skill
    level = certificate.level
    level_param, uplift_param = params.uplift_level, params.shortage_uplift
    uplift_level = judge.use(level_param)
    cites = citations_of(level_param)
    uplift: Decimal | None
    missing: tuple[str, ...] = ()
    if uplift_level is None:
        uplift, missing = None, (level_param.name,)
    elif level is not uplift_level or shortage is False:
        uplift = _ZERO
    elif shortage is None:
        uplift, missing = None, ("shortage_occupation",)
    else:
        uplift = judge.use(uplift_param)
        missing = () if uplift is not None else (uplift_param.name,)
        cites = citations_of(level_param, uplift_param)
    values = (
        ("level", level),
        ("uplift_level", uplift_level),
        ("shortage", shortage),
        ("uplift", uplift),
    )
    if uplift is None:
        judge.missing("ui_skill.uplift", missing, values, cites)
        return None
    judge.check("ui_skill.uplift", True, values, cites)

    return judge.amount(
        "ui_skill.amount",
        params.rounding,
        rate * (_ONE + uplift),
        (("rate", rate), ("uplift", uplift)),
    )


def check_ui_skill(
    judge: Judge,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    contribution_months: int | None,
    shortage_occupation: bool | None = None,
) -> Decimal | None:
    """Record the unemployment-insurance skill conditions and amount on *judge*.

    Returns the amount (rounded) when every figure it needs is known, else ``None``;
    whether it is payable follows from the judge's outcome.
    """
    rate = _check_conditions(judge, certificate, history, contribution_months)
    if rate is None:
        return None
    return _amount(judge, certificate, rate, shortage_occupation)


def ui_skill_subsidy(
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    *,
    contribution_months: int | None,
    on: date,
    shortage_occupation: bool | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide the unemployment-insurance skill-upgrade subsidy for *certificate*.

    *history* is the person's earlier claims (kind ``UNEMPLOYMENT_INSURANCE_SKILL``
    ones matter: once per occupation and level).  *contribution_months* is the
    person's months of unemployment-insurance contributions (``None`` if not known);
    the months required are those in force on the certificate's issue date.
    *shortage_occupation* says whether the occupation is on the local shortage list
    (``None`` if not known; it matters only at the uplift level).

    Effective: 2022-01-01 to 2023-12-31 as far as the sources date the scheme; on
    other claim days the decision is undetermined.

    References:
        湛江市 FAQ on the 失业保险技能提升补贴 (amounts, window, uplift); 朝阳区 page
        (contribution months, unverified).

    Example:
        >>> from datetime import date
        >>> from skillchain import OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import Certificate, CertificateKind, IssuerKind
        >>> from skillchain.rules import ui_skill_subsidy
        >>> cert = Certificate(holder=ResidentId("11010519491231002X"),
        ...     kind=CertificateKind.SKILL_LEVEL, occupation=OccupationCode("6-18-02-04"),
        ...     level=SkillLevel.ADVANCED, issued_on=date(2023, 3, 1),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION)
        >>> decision = ui_skill_subsidy(cert, (), contribution_months=40,
        ...     shortage_occupation=True, on=date(2023, 6, 1))
        >>> decision.outcome, decision.amount
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('2600.00'))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    amount = check_ui_skill(
        judge, certificate, history, contribution_months, shortage_occupation
    )
    return judge.decide(UI_SKILL_RULE, amount)


UI_SKILL_RULE: Rule = register(
    Rule(
        id="ui_skill",
        version="2024.1",
        title_zh="失业保险技能提升补贴",
        title_en="Unemployment-insurance skill-upgrade subsidy",
        function=ui_skill_subsidy,
        sources=(RuleSource(_FAQ), RuleSource("cy-ui-skill-page")),
        parameters=(
            "ui_skill.rates",
            "ui_skill.contribution_months",
            "ui_skill.claim_window_months",
            "ui_skill.uplift_level",
            "ui_skill.shortage_uplift",
            "ui_skill.rounding",
        ),
        conditions=(
            Condition("ui_skill.level", parameters=("ui_skill.rates",)),
            Condition(
                "ui_skill.contributions", parameters=("ui_skill.contribution_months",)
            ),
            Condition(
                "ui_skill.claim_window", parameters=("ui_skill.claim_window_months",)
            ),
            Condition("ui_skill.once_per_level", sources=(RuleSource(_FAQ),)),
            Condition(
                "ui_skill.uplift",
                parameters=("ui_skill.uplift_level", "ui_skill.shortage_uplift"),
            ),
            Condition("ui_skill.amount", parameters=("ui_skill.rounding",)),
        ),
    )
)
"""The registered unemployment-insurance skill-upgrade subsidy rule."""
