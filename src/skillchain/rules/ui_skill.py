"""Rule: is an insured worker owed the unemployment-insurance skill-upgrade subsidy?

The 失业保险技能提升补贴 is a national scheme run by each province.  The national
notices, as reproduced and restated, continue it to 2024-12-31: an insured worker
with one year of unemployment-insurance contributions (relaxed from 36 months for
certificates of 2022, 2023 and 2024) who obtains a 初级 / 中级 / 高级 certificate
may claim **at most** 1 000 / 1 500 / 2 000 yuan (不超过: national maxima), at most
three times a year, once per occupation and level.  Guangdong's fixed amounts, the
12-month claim window and the +30 % for 高级 in an occupation on the local shortage
list are as a Guangdong city government FAQ (湛江市) states Guangdong practice; 技师
and 高级技师 are not covered.

The contribution requirement is the one in force on the **certificate's issue
date**; every other figure is the one in force on the day the claim is made
(``claimed_on``, by default the evaluation day).  The months of contributions are a
fact the caller supplies (``contribution_months``), counted as the fund counts them.
The exclusion between this subsidy and the skill-upgrade, graduate, apprenticeship
and project-based subsidies is :func:`~skillchain.rules.annual_cap`'s; the rule
``ui_skill.case`` decides both together.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._levels import SkillLevel
from skillchain.model import Certificate, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy, UnemploymentSkillParameters
from skillchain.rules._claims import claim_day, earlier_claim
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = ["UI_SKILL_RULE", "check_ui_skill", "ui_skill_subsidy"]

_FAQ = "zj-ui-skill-faq"
_NOTICE = "mohrss-2024-ui-skill"
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
        "ui_skill.national_maximum": Message(
            zh="国家标准：{level}每证补贴不超过 {maximum} 元；广东标准 {rate} 元在上限之内：{within}",
            en="National scheme: at most {maximum} yuan per certificate at {level}; "
            "Guangdong's rate of {rate} yuan is within it: {within}",
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
        "ui_skill.per_year": Message(
            zh="{year} 年已享受失业保险技能提升补贴 {count} 次，每人每年最多 {maximum} 次",
            en="In {year} the person already had {count} unemployment-insurance skill "
            "subsidies; at most {maximum} a year",
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

_Values = tuple[tuple[str, FactValue], ...]


def _same_level(past: SkillLevel, level: SkillLevel) -> bool:
    return past is level


def _check_level(
    judge: Judge, params: UnemploymentSkillParameters, certificate: Certificate
) -> tuple[Decimal | None, bool | None]:
    """Record whether the level is covered; return Guangdong's rate and coverage."""
    rates_param = params.rates
    rates = judge.use(rates_param)
    level = certificate.level
    if rates is None:
        judge.missing(
            "ui_skill.level",
            (rates_param.name,),
            (("level", level), ("covered", None)),
        )
        return None, None
    rate = None if level is None else rates.get(level)
    covered = rate is not None
    judge.check(
        "ui_skill.level",
        covered,
        (("level", level), ("covered", covered)),
        citations_of(rates_param),
    )
    return rate, covered


def _check_maximum(
    judge: Judge,
    params: UnemploymentSkillParameters,
    certificate: Certificate,
    rate: Decimal | None,
) -> None:
    """Record that Guangdong's rate stays within the national maximum ("at most")."""
    rates_param, max_param = params.rates, params.national_maximum
    maxima = judge.use(max_param)
    level = certificate.level
    maximum = None if maxima is None or level is None else maxima.get(level)
    if rate is None or maxima is None:
        judge.missing(
            "ui_skill.national_maximum",
            tuple(
                p.name
                for p, v in ((rates_param, rate), (max_param, maxima))
                if v is None
            ),
            (("level", level), ("maximum", maximum), ("rate", rate), ("within", None)),
            citations_of(max_param),
        )
        return
    within = maximum is not None and rate <= maximum
    judge.check(
        "ui_skill.national_maximum",
        within,
        (("level", level), ("maximum", maximum), ("rate", rate), ("within", within)),
        citations_of(max_param, rates_param),
    )


def _check_contributions(
    judge: Judge, certificate: Certificate, contribution_months: int | None
) -> None:
    """The months required are those in force on the certificate's issue date."""
    issued = certificate.issued_on
    required_param = judge.policy.at(issued).ui_skill.contribution_months
    required = judge.use(required_param)
    values: _Values = (
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


def _check_window(
    judge: Judge,
    params: UnemploymentSkillParameters,
    certificate: Certificate,
    claimed: date,
) -> None:
    issued = certificate.issued_on
    window_param = params.claim_window_months
    window = judge.use(window_param)
    if window is None:
        judge.missing(
            "ui_skill.claim_window",
            (window_param.name,),
            (("issued", issued), ("deadline", None), ("on", claimed)),
        )
        return
    deadline = add_months(issued, window)
    judge.check(
        "ui_skill.claim_window",
        issued <= claimed <= deadline,
        (("issued", issued), ("deadline", deadline), ("on", claimed)),
        citations_of(window_param),
    )


def _check_history(
    judge: Judge,
    params: UnemploymentSkillParameters,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    claimed: date,
) -> None:
    """Once per occupation and level; at most so many a calendar year."""
    occupation, level = certificate.occupation, certificate.level
    sources = (judge.policy.citation(_FAQ), judge.policy.citation(_NOTICE))
    paid, unknown = earlier_claim(
        history, _UI_KINDS, occupation, level, matches=_same_level
    )
    values: _Values = (("occupation", occupation), ("level", level), ("paid", paid))
    if paid is None:
        own = tuple(
            name
            for name, value in (
                ("certificate.occupation", occupation),
                ("certificate.level", level),
            )
            if value is None
        )
        judge.missing("ui_skill.once_per_level", (*own, *unknown), values, sources)
    else:
        judge.check("ui_skill.once_per_level", not paid, values, sources)

    year = claimed.year
    per_year_param = params.claims_per_year
    per_year = judge.use(per_year_param)
    count = sum(1 for past in history if past.kind in _UI_KINDS and past.year == year)
    values = (("year", year), ("count", count), ("maximum", per_year))
    if per_year is None:
        judge.missing("ui_skill.per_year", (per_year_param.name,), values)
    else:
        judge.check(
            "ui_skill.per_year",
            count < per_year,
            values,
            citations_of(per_year_param),
        )


def _uplift(
    judge: Judge,
    params: UnemploymentSkillParameters,
    certificate: Certificate,
    shortage: bool | None,
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the shortage uplift; return it, or ``None`` and what it lacks."""
    level = certificate.level
    level_param, uplift_param = params.uplift_level, params.shortage_uplift
    uplift_level = judge.use(level_param)
    uplift: Decimal | None
    missing: tuple[str, ...] = ()
    cites = citations_of(level_param)
    if uplift_level is not None and (level is not uplift_level or shortage is False):
        uplift = _ZERO
    elif uplift_level is None:
        # Whether the level earns the uplift is unknown: name all it could need.
        figure = judge.use(uplift_param) if shortage is not False else _ZERO
        uplift = None
        missing = (
            level_param.name,
            *(("shortage_occupation",) if shortage is None else ()),
            *((uplift_param.name,) if figure is None else ()),
        )
    else:
        figure = judge.use(uplift_param)
        uplift = figure if shortage else None
        missing = (
            *(("shortage_occupation",) if shortage is None else ()),
            *((uplift_param.name,) if figure is None else ()),
        )
        cites = citations_of(level_param, uplift_param)
    values: _Values = (
        ("level", level),
        ("uplift_level", uplift_level),
        ("shortage", shortage),
        ("uplift", uplift),
    )
    if uplift is None:
        judge.missing("ui_skill.uplift", missing, values, cites)
    else:
        judge.check("ui_skill.uplift", True, values, cites)
    return uplift, missing


def _amount(
    judge: Judge,
    params: UnemploymentSkillParameters,
    rate: Decimal | None,
    uplift: Decimal | None,
    lacking: tuple[str, ...],
) -> Decimal | None:
    """Record the amount; undetermined, naming every unknown input, if one is missing."""
    rounding_param = params.rounding
    if rate is None or uplift is None:
        rounding = judge.use(rounding_param)
        judge.missing(
            "ui_skill.amount",
            (*lacking, *((rounding_param.name,) if rounding is None else ())),
            (("rate", rate), ("uplift", uplift), ("amount", None)),
        )
        return None
    return judge.amount(
        "ui_skill.amount",
        rounding_param,
        rate * (_ONE + uplift),
        (("rate", rate), ("uplift", uplift)),
    )


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
    params = judge.policy.at(claimed).ui_skill
    rate, covered = _check_level(judge, params, certificate)
    if covered is not False:
        _check_maximum(judge, params, certificate, rate)
    _check_contributions(judge, certificate, contribution_months)
    _check_window(judge, params, certificate, claimed)
    _check_history(judge, params, certificate, history, claimed)
    uplift, uplift_missing = _uplift(judge, params, certificate, shortage_occupation)
    if covered is False:
        # Not a level the scheme pays for: there is no amount to work out.
        return None
    lacking = (*((params.rates.name,) if rate is None else ()), *uplift_missing)
    return _amount(judge, params, rate, uplift, lacking)


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
    ones matter: once per occupation and level, at most three a calendar year).
    *contribution_months* is the person's months of unemployment-insurance
    contributions (``None`` if not known); the months required are those in force on
    the certificate's issue date.  *claimed_on* is the day the claim was made
    (default: *on*, a claim decided the day it is made): the other figures, the
    12-month window and the year counted are that day's, so a claim decided later
    keeps them.  *shortage_occupation* says whether the occupation is on the local
    shortage list (``None`` if not known; it matters only at the uplift level).

    Effective: claims made from 2022-01-01 to 2024-12-31, the period the national
    notices give the scheme; on other claim days the decision is undetermined.

    References:
        《关于延续实施失业保险援企稳岗政策的通知》 (2024, as reproduced); 湛江市 FAQ on
        the 失业保险技能提升补贴 (Guangdong's amounts, window, uplift).

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
        >>> decision.outcome, decision.amount
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('2600.00'))
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


_ON_CLAIM_DAY = ReadOn(
    "claimed_on",
    "the national notices set the scheme's figures for claims made (申领) until "
    "2024-12-31: a claim keeps the figures of the day it was made",
)
_ON_ISSUE_DAY = ReadOn(
    "certificate.issued_on",
    "the relaxation to one year of contributions is for certificates obtained in "
    "the year it covers (2022, as the Chaoyang page says; 2023 and 2024 alike)",
)

UI_SKILL_RULE: Rule = register(
    Rule(
        id="ui_skill",
        version="2026.1",
        title_zh="失业保险技能提升补贴",
        title_en="Unemployment-insurance skill-upgrade subsidy",
        function=ui_skill_subsidy,
        sources=(
            RuleSource(_NOTICE),
            RuleSource("xx-ui-skill-2024"),
            RuleSource("nb-ui-skill-2023-copy"),
            RuleSource(_FAQ),
            RuleSource("cy-ui-skill-page"),
        ),
        parameters=(
            "ui_skill.rates",
            "ui_skill.national_maximum",
            "ui_skill.contribution_months",
            "ui_skill.claim_window_months",
            "ui_skill.claims_per_year",
            "ui_skill.uplift_level",
            "ui_skill.shortage_uplift",
            "ui_skill.rounding",
        ),
        conditions=(
            Condition(
                "ui_skill.level",
                parameters=("ui_skill.rates",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "ui_skill.national_maximum",
                parameters=("ui_skill.national_maximum", "ui_skill.rates"),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "ui_skill.contributions",
                parameters=("ui_skill.contribution_months",),
                read_on=_ON_ISSUE_DAY,
            ),
            Condition(
                "ui_skill.claim_window",
                parameters=("ui_skill.claim_window_months",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "ui_skill.once_per_level",
                sources=(RuleSource(_FAQ), RuleSource(_NOTICE)),
            ),
            Condition(
                "ui_skill.per_year",
                parameters=("ui_skill.claims_per_year",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "ui_skill.uplift",
                parameters=("ui_skill.uplift_level", "ui_skill.shortage_uplift"),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "ui_skill.amount",
                parameters=("ui_skill.rounding",),
                read_on=_ON_CLAIM_DAY,
            ),
        ),
    )
)
"""The registered unemployment-insurance skill-upgrade subsidy rule."""
