"""Rules: the apprenticeship training subsidy, its prepayment and its settlement.

Three rules of the enterprise new-type apprenticeship (企业新型学徒制) share this
module, because each builds on the amount the first one computes: the subsidy
entitlement (``apprenticeship.subsidy``), the share of a planned entitlement that
may be prepaid (``apprenticeship.prepayment``), and the balance payable or the
refund due after training (``apprenticeship.settlement``).

Every figure is read on the evaluation day (the day the claim or the request is
decided), except the refund window, read on the day the training period ends.  A
figure that is not in force leaves its finding undetermined, naming it: an expired
uplift is never "no uplift".  How a part year counts is an explicit policy choice
(:class:`~skillchain.policy.PartYearRule`) that every amount's explanation names.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from skillchain._checks import Check, decimal, whole
from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain._money import EXACT, Rounding
from skillchain.errors import InvalidValueError
from skillchain.model import ApprenticeEnrolment, ApprenticeshipProgramme
from skillchain.policy import PartYearRule, Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Compares,
    Condition,
    Elapses,
    Includes,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "PREPAYMENT_RULE",
    "SETTLEMENT_RULE",
    "SUBSIDY_RULE",
    "PrepaymentScheme",
    "check_prepayment",
    "check_settlement",
    "check_subsidy",
    "prepayment",
    "settlement",
    "subsidy_entitlement",
]

_NATIONAL = (RuleSource("mohrss-2021-39"),)
_SHENZHEN = (RuleSource("sz-2019-11"),)
_LONGGANG = (RuleSource("lg-apprenticeship-faq"),)
_GUANGDONG = (RuleSource("gd-2023-13"),)

_ROUNDED_ZH = "（{mode}，精确到 {quantum} 元）"
_ROUNDED_EN = " (rounded {mode} to {quantum} yuan)"
_UPLIFT_FIGURES = (
    "apprenticeship.shortage_uplift_min_level",
    "apprenticeship.shortage_uplift_max",
    "apprenticeship.shortage_uplift",
)
_SHARES = (
    "apprenticeship.prepayment_share_filed",
    "apprenticeship.prepayment_share_chain",
)

# --- the subsidy's terms, shared by every rule that works out an entitlement --------

RATE = Condition(
    "apprenticeship.subsidy.rate",
    zh="培养目标 {level} 的补贴标准：每人每年 {rate} 元",
    en="The subsidy rate for target level {level}: {rate} yuan per apprentice per year",
    parameters=("apprenticeship.annual_subsidy",),
    sources=_LONGGANG,
)
STUDENT_RATE = Condition(
    "apprenticeship.subsidy.student_rate",
    zh="学生学徒制统一补贴标准：每人每年 {rate} 元",
    en="The flat student-apprentice rate: {rate} yuan per apprentice per year",
    parameters=("apprenticeship.student_apprentice_rate",),
    sources=_GUANGDONG,
)
YEARS = Condition(
    "apprenticeship.subsidy.years",
    zh="培训期 {months} 个月，按“{rule}”计入 {counted} 个月",
    en="The training period is {months} months; counted {rule}, {counted} months count",
    parameters=("apprenticeship.part_year_rule",),
)
NOT_SHORTAGE = Condition(
    "apprenticeship.subsidy.not_shortage",
    zh="紧缺急需职业（工种）：{shortage}；不上浮",
    en="Shortage occupation: {shortage}; no uplift",
    facts=("shortage_occupation",),
    sources=_GUANGDONG,
)
UPLIFT_LEVEL = Condition(
    "apprenticeship.subsidy.uplift_level",
    zh="培养目标 {level} 低于可上浮的最低等级 {min_level}：不上浮",
    en="The target level {level} is below {min_level}, the lowest level the "
    "shortage uplift applies to: no uplift",
    parameters=_UPLIFT_FIGURES[:1],
    sources=_GUANGDONG,
)
SHORTAGE_UPLIFT = Condition(
    "apprenticeship.subsidy.shortage_uplift",
    zh="紧缺急需职业（工种）：{shortage}；培养目标 {level}，{min_level}及以上"
    "可上浮；上浮比例 {uplift}（上限 {maximum}）",
    en="Shortage occupation: {shortage}; target level {level}, uplift from "
    "{min_level} up; uplift {uplift} (at most {maximum})",
    facts=("shortage_occupation",),
    parameters=_UPLIFT_FIGURES,
    sources=_GUANGDONG,
    remedy=Unremediable(
        "政策给出的上浮比例 {uplift} 超过上限 {maximum}，该数值只能由区里更正",
        "the uplift of {uplift} the policy gives is above its ceiling of "
        "{maximum}: only the district can correct that figure",
    ),
)
SUBSIDY_TERMS = (RATE, STUDENT_RATE, YEARS, NOT_SHORTAGE, UPLIFT_LEVEL, SHORTAGE_UPLIFT)
"""The conditions on the rate, months and uplift, in the order they are recorded."""
QUALIFIED = Condition(
    "apprenticeship.subsidy.qualified",
    zh="学徒完成培训并取得 {level} 证书（合格）：{value}",
    en="The apprentice completed the training and was certified at {level}: {value}",
    facts=("enrolment.qualified",),
    sources=_SHENZHEN,
    remedy=Requires("enrolment.qualified", equals=True),
)
QUALIFIED_COUNT = Condition(
    "apprenticeship.subsidy.qualified_count",
    zh="合格学徒 {qualified} 人（共 {total} 人，不合格 {failed} 人，未知 "
    "{unknown} 人）；补贴按合格人数计发",
    en="{qualified} of {total} apprentices qualified ({failed} did not, "
    "{unknown} not known); the subsidy is paid per qualifying apprentice",
    sources=_SHENZHEN,
    remedy=Includes("enrolments", where=("qualified", True)),
)
PLANNED_COUNT = Condition(
    "apprenticeship.subsidy.planned_count",
    zh="计划培养学徒 {apprentices} 人（计划应得补贴按计划人数计算）",
    en="{apprentices} apprentices planned (the planned entitlement counts "
    "every planned apprentice)",
    sources=_SHENZHEN,
    remedy=Compares("apprentices", value="apprentices", comparator=">=", limit=1),
)
AMOUNT = Condition(
    "apprenticeship.subsidy.amount",
    zh="补贴金额 = {rate} 元 ×（1 + {uplift}）× {persons} 人 × {counted} 个月 "
    "÷ 12 = {amount} 元" + _ROUNDED_ZH,
    en="Amount = {rate} yuan × (1 + {uplift}) × {persons} apprentices × "
    "{counted} months ÷ 12 = {amount} yuan" + _ROUNDED_EN,
    parameters=("apprenticeship.rounding",),
)
PROVINCIAL_BAND = Condition(
    "apprenticeship.subsidy.provincial_band",
    zh="补贴标准 {rate} 元；广东省补贴标准区间为 {minimum}–{maximum} 元",
    en="The rate is {rate} yuan; Guangdong's band is {minimum}–{maximum} yuan",
)
"""Version 2024.1 checked the city's rate against Guangdong's band (retired)."""

# --- the prepayment -------------------------------------------------------------------

SHARE = Condition(
    "apprenticeship.prepayment.share",
    zh="{scheme}可申请预支的补贴比例：{share}",
    en="The share of the subsidy a {scheme} may have prepaid: {share}",
    parameters=_SHARES,
)
WINDOW = Condition(
    "apprenticeship.prepayment.window",
    zh="开班日期 {classes_start}，申请日期 {requested_on}：须在开班后 {months} "
    "个月内申请（最迟 {last_day}）",
    en="Classes started on {classes_start} and the request is dated "
    "{requested_on}: it must come within {months} months after classes "
    "start (by {last_day})",
    parameters=("apprenticeship.prepayment_request_months",),
    remedy=Unremediable(
        "预支只能在开班（{classes_start}）起至 {last_day} 期间申请，"
        "本申请日期为 {requested_on}",
        "a prepayment may be asked only from the day classes start "
        "({classes_start}) to {last_day}, and this request is dated {requested_on}",
    ),
)
CHAIN_WAIT = Condition(
    "apprenticeship.prepayment.chain_wait",
    zh="列入计划日期 {listed_on}，申请日期 {requested_on}：须在列入计划 "
    "{months} 个月后申请（最早 {first_day}）",
    en="Listed in the plan on {listed_on} and the request is dated "
    "{requested_on}: it may come {months} months after listing (from "
    "{first_day})",
    facts=("listed_on",),
    parameters=("apprenticeship.prepayment_chain_wait_months",),
    # Asking later is enough: the request day is the evaluation day.
    remedy=Elapses("on"),
)
PREPAID = Condition(
    "apprenticeship.prepayment.amount",
    zh="预支金额 = 计划应得补贴 {entitlement} 元 × {share} = {amount} 元" + _ROUNDED_ZH,
    en="Prepayment = planned entitlement {entitlement} yuan × {share} = "
    "{amount} yuan" + _ROUNDED_EN,
    parameters=(*_SHARES, "apprenticeship.rounding"),
)

# --- the settlement -------------------------------------------------------------------

BALANCE = Condition(
    "apprenticeship.settlement.balance",
    zh="应得补贴 {entitlement} 元 − 已预支 {prepaid} 元 = 应付余额 {balance} 元",
    en="Entitlement {entitlement} yuan − prepaid {prepaid} yuan = balance "
    "payable {balance} yuan",
    facts=("entitlement",),
    sources=_SHENZHEN,
)
REFUND = Condition(
    "apprenticeship.settlement.refund",
    zh="已预支 {prepaid} 元超过应得补贴 {entitlement} 元：企业须在培训期满"
    "（{training_end}）后 {months} 个月内、最迟于 {deadline} 退回 {refund} 元",
    en="The prepayment of {prepaid} yuan exceeds the entitlement of "
    "{entitlement} yuan: the enterprise must refund {refund} yuan within "
    "{months} months after the training period ends ({training_end}), by "
    "{deadline} at the latest",
    facts=("training_end",),
    parameters=("apprenticeship.settlement_refund_months",),
    sources=_SHENZHEN,
    read_on=ReadOn(
        "training_end",
        "the over-prepayment is refunded within a number of months after the "
        "training period ends, so the figure in force when it ends applies",
    ),
    remedy=Unremediable(
        "已预支 {prepaid} 元超过应得补贴 {entitlement} 元，多预支的 {refund} 元"
        "须退回，不再支付余额",
        "{prepaid} yuan were prepaid against an entitlement of {entitlement} "
        "yuan: the {refund} yuan over must be refunded, and no balance is payable",
    ),
)


class PrepaymentScheme(LabelledEnum):
    """Which enterprises' prepayment terms apply: each kind has its own."""

    FILED = "filed"
    """备案企业: an enterprise that filed its programme with the HR department; may
    ask within a window after classes start."""
    CHAIN = "chain"
    """技能生态链企业: a chain leader or member training student apprentices or 技培生;
    may ask a while after they are listed in the plan."""


set_labels(
    PrepaymentScheme,
    {
        PrepaymentScheme.FILED: ("备案企业", "filed enterprise"),
        PrepaymentScheme.CHAIN: ("技能生态链企业", "skill-chain enterprise"),
    },
)


_FILED_SHARE, _CHAIN_SHARE = SHARE.parameters
# A request reads its own scheme's share only: its findings cite that share, and
# name it alone when it is not in force.
_SCHEME_CONDITIONS = {
    scheme: tuple(
        c.only(*(p for p in c.parameters if p != other)) for c in (SHARE, PREPAID)
    )
    for scheme, other in (
        (PrepaymentScheme.FILED, _CHAIN_SHARE),
        (PrepaymentScheme.CHAIN, _FILED_SHARE),
    )
}
# A refund whose training end is unknown reads no window: its finding cites the
# condition's source and names what the deadline needs.
_REFUND_UNDATED = REFUND.only()

_ZERO = Decimal(0)
_AMOUNT = decimal()
_COUNT = whole(0)


def _argument(check: Check, value: Any, field: str) -> Any:
    """*value*, an argument the rule was given, if *check* finds no problem with it."""
    problem = check.find(value)
    if problem is not None:
        raise InvalidValueError(field=field, problem=problem, expected=check.expected)
    return value


_new = tuple.__new__


def _known(value: object) -> bool | None:
    """``True`` when *value* is known, ``None`` when it is not."""
    return None if value is None else True


def _rounded(
    judge: Judge,
    condition: Condition,
    exact: Decimal | None,
    values: tuple[tuple[str, FactValue], ...],
    since: int,
) -> Decimal | None:
    """Record *condition*'s amount: *exact* rounded with its last parameter.

    The finding's values are *values* (the arithmetic) followed by the amount, the
    mode and the quantum.  With *exact* unknown or no rounding rule in force it is
    undetermined and names every unknown input: what the findings recorded from
    *since* on lack, then its own parameters not in force.
    """
    rounding: Rounding | None = judge.values(condition)[-1]
    amount = None if exact is None or rounding is None else rounding.apply(exact)
    missing = None
    if amount is None:
        own = condition.parameters
        missing = tuple(
            dict.fromkeys(
                name
                for finding in judge.findings[since:]
                for name in finding.missing
                if name not in own
            )
        )
    judge.record(
        condition,
        _known(amount),
        (
            *values,
            ("amount", amount),
            ("mode", None if rounding is None else rounding.mode),
            ("quantum", None if rounding is None else rounding.quantum),
        ),
        missing=missing,
    )
    return amount


# --- rule 4: the subsidy entitlement ------------------------------------------------


class _Terms(NamedTuple):
    """The per-apprentice terms of the subsidy, each ``None`` where unknown."""

    rate: Decimal | None
    counted: int | None
    uplift: Decimal | None
    failed: bool
    """Whether a condition on a term failed (the case is then ineligible)."""


def _counted_months(rule: PartYearRule, months: int) -> int:
    """The months of training that earn the annual rate under *rule*."""
    if rule is PartYearRule.WHOLE_MONTHS:
        return months
    years, part = divmod(months, 12)
    if rule is PartYearRule.STARTED_YEARS and part:
        years += 1
    return years * 12


def _check_uplift(
    judge: Judge, level: SkillLevel, shortage_occupation: bool | None
) -> tuple[Decimal | None, bool]:
    """Record the shortage-uplift finding: the uplift, and whether it failed.

    Outside a shortage occupation no uplift figure is read.
    """
    if shortage_occupation is False:
        judge.record(NOT_SHORTAGE, True, (("shortage", False),))
        return _ZERO, False
    min_level, maximum, uplift = judge.values(SHORTAGE_UPLIFT)
    if min_level is not None and level < min_level:
        judge.record(
            UPLIFT_LEVEL,
            True,
            (("level", level), ("min_level", min_level), ("uplift", _ZERO)),
        )
        return _ZERO, False
    unknown = shortage_occupation is None or None in (min_level, maximum, uplift)
    held = None if unknown else uplift <= maximum
    judge.record(
        SHORTAGE_UPLIFT,
        held,
        (
            ("shortage", shortage_occupation),
            ("level", level),
            ("min_level", min_level),
            ("uplift", uplift),
            ("maximum", maximum),
        ),
        (shortage_occupation,),
    )
    return (uplift if held else None), held is False


def _check_terms(
    judge: Judge,
    programme: ApprenticeshipProgramme,
    shortage_occupation: bool | None,
    student: bool,
) -> _Terms:
    """Record the rate, months and uplift findings and return the terms.

    Every finding is recorded whatever the others give, so an undetermined decision
    names everything missing.
    """
    level = programme.target_level
    if student:
        rate: Decimal | None = judge.value(STUDENT_RATE)
        judge.record(STUDENT_RATE, _known(rate), (("rate", rate),))
    else:
        table: dict[SkillLevel, Decimal] | None = judge.value(RATE)
        rate = None if table is None else table.get(level)
        judge.record(
            RATE,
            None if rate is None else True,
            (("level", level), ("rate", rate)),
            # A table without this level's rate names the table, as one not in force.
            missing=RATE.parameters if table is not None and rate is None else None,
        )
    months = programme.planned_months
    rule: PartYearRule | None = judge.value(YEARS)
    counted = None if rule is None else _counted_months(rule, months)
    judge.record(
        YEARS,
        None if rule is None else True,
        (("months", months), ("rule", rule), ("counted", counted)),
    )
    if student:
        return _new(_Terms, (rate, counted, _ZERO, False))
    uplift, failed = _check_uplift(judge, level, shortage_occupation)
    # tuple.__new__: a named tuple's own constructor costs as much as a finding.
    return _new(_Terms, (rate, counted, uplift, failed))


def _check_amount(
    judge: Judge, terms: _Terms, persons: int | None, since: int
) -> Decimal | None:
    """Record the amount finding: rate × (1 + uplift) × persons × months ÷ 12, rounded.

    When a term, the number of persons or the rounding rule is unknown, the finding
    is recorded undetermined and names every unknown input the findings from
    *since* on name.
    """
    rate, uplift, counted = terms.rate, terms.uplift, terms.counted
    exact = None
    if (
        rate is not None
        and uplift is not None
        and counted is not None
        and persons is not None
    ):
        if uplift:
            rate = EXACT.multiply(rate, EXACT.add(1, uplift))
        exact = EXACT.divide(EXACT.multiply(rate, persons * counted), 12)
    return _rounded(
        judge,
        AMOUNT,
        exact,
        (
            ("rate", terms.rate),
            ("uplift", uplift),
            ("persons", persons),
            ("counted", counted),
        ),
        since,
    )


def check_subsidy(
    judge: Judge,
    enrolment: ApprenticeEnrolment,
    *,
    shortage_occupation: bool | None = None,
    student: bool = False,
) -> Decimal | None:
    """Record one apprentice's subsidy findings on *judge* and return the amount.

    A combined decision (eligibility, programme and amount for one apprentice)
    shares the judge and passes the returned amount to ``judge.decide``.  The
    figures are those in force on the judge's day.

    Args:
        judge: The judge collecting the decision's findings.
        enrolment: The apprentice; its programme gives the target level and months.
        shortage_occupation: Whether the programme's occupation is on the city's
            shortage list (紧缺急需职业目录); ``None`` if not known (undetermined
            unless the level is below the uplift's lowest level).
        student: Whether the flat student-apprentice rate (学生学徒制) applies
            instead of the rate by level (no uplift then).

    Returns:
        The apprentice's amount in yuan, rounded once with the policy's rule, or
        ``None`` when the apprentice did not qualify, a fact or parameter is unknown,
        or a figure broke its bound (the findings say which).
    """
    since = judge.recorded
    programme = enrolment.programme
    terms = _check_terms(judge, programme, shortage_occupation, student)
    qualified = enrolment.qualified
    judge.record(
        QUALIFIED,
        qualified,
        (("level", programme.target_level), ("value", qualified)),
        (qualified,),
    )
    if terms.failed or qualified is False:
        return None
    return _check_amount(judge, terms, 1 if qualified else None, since)


@in_library_context
def subsidy_entitlement(
    programme: ApprenticeshipProgramme,
    enrolments: Sequence[ApprenticeEnrolment],
    *,
    on: date,
    policy: Policy | None = None,
    shortage_occupation: bool | None = None,
    student: bool = False,
) -> Decision:
    """Decide the training subsidy a programme is entitled to (企业新型学徒制培训补贴).

    The qualifying apprentices are the *enrolments* whose ``qualified`` is
    ``True``; one whose ``qualified`` is ``None`` is named ``enrolments[i].qualified``.
    The figures are those in force on *on*, the day the claim is decided, and
    *shortage_occupation* and *student* mean what they mean for
    :func:`check_subsidy`.  The decision is *eligible* with the amount when at
    least one apprentice qualified and every term is known.

    Raises:
        InvalidValueError: An enrolment belongs to another programme, or one person
            is enrolled twice.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (ApprenticeEnrolment, ApprenticeshipProgramme,
        ...     InstitutionKind, Person, ProgrammeStatus, TrainingInstitution,
        ...     TrainingMode)
        >>> from skillchain.rules import subsidy_entitlement
        >>> plan = ApprenticeshipProgramme(enterprise=CreditCode("9144030400000000J0"),
        ...     institution=TrainingInstitution(name="深圳市某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.COMPLETED)
        >>> apprentices = [ApprenticeEnrolment(person=Person(id=ResidentId(number)),
        ...     programme=plan, qualified=True)
        ...     for number in ("11010519491231002X", "440304199001011233")]
        >>> decision = subsidy_entitlement(plan, apprentices, on=date(2026, 3, 2),
        ...     shortage_occupation=False)
        >>> decision.outcome.value, decision.amount
        ('eligible', Decimal('28000.00'))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    qualified = failed = 0
    unknown: list[str] = []
    people: set[object] = set()
    for index, enrolment in enumerate(enrolments):
        if enrolment.programme is not programme and enrolment.programme != programme:
            raise InvalidValueError(
                field=f"enrolments[{index}].programme",
                problem="the apprentice is enrolled in another programme",
                expected="enrolments of the programme whose entitlement is decided",
            )
        person = enrolment.person.id
        if person in people:
            raise InvalidValueError(
                field=f"enrolments[{index}].person",
                problem="this person is enrolled twice",
                expected="each apprentice once",
            )
        people.add(person)
        if enrolment.qualified is None:
            unknown.append(f"enrolments[{index}].qualified")
        elif enrolment.qualified:
            qualified += 1
        else:
            failed += 1
    terms = _check_terms(judge, programme, shortage_occupation, student)
    judge.record(
        QUALIFIED_COUNT,
        None if unknown else qualified > 0,
        (
            ("qualified", qualified),
            ("total", len(people)),
            ("failed", failed),
            ("unknown", len(unknown)),
        ),
        missing=unknown,
    )
    amount = None
    if not terms.failed and (unknown or qualified > 0):
        amount = _check_amount(judge, terms, None if unknown else qualified, 0)
    return judge.decide(SUBSIDY_RULE, amount)


SUBSIDY_RULE: Rule = register(
    Rule(
        id="apprenticeship.subsidy",
        version="2026.2",
        title_zh="企业新型学徒制培训补贴金额",
        title_en="Apprenticeship training subsidy entitlement",
        function=subsidy_entitlement,
        sources=(*_SHENZHEN, *_LONGGANG, *_GUANGDONG, *_NATIONAL),
        conditions=(*SUBSIDY_TERMS, QUALIFIED, QUALIFIED_COUNT, AMOUNT),
        retired=(PROVINCIAL_BAND,),
    )
)
"""The registered subsidy-entitlement rule (``check_subsidy`` emits ``…qualified``,
``subsidy_entitlement`` emits ``…qualified_count``)."""


# --- rule 5: prepayment ---------------------------------------------------------------


def _check_prepayment(
    judge: Judge,
    programme: ApprenticeshipProgramme,
    planned: Decimal | None,
    scheme: PrepaymentScheme,
    listed_on: date | None,
    *,
    since: int,
    failed: bool = False,
) -> Decimal | None:
    """Record the share, window and amount findings; the prepayment if all are known.

    *failed* says a condition on the planned entitlement failed: the amount is then
    not recorded.  An undetermined amount names every unknown input the findings
    from *since* on name (the planned entitlement's too).
    """
    share_condition, prepaid_condition = _SCHEME_CONDITIONS[scheme]
    requested_on = judge.on
    share: Decimal | None = judge.value(share_condition)
    judge.record(share_condition, _known(share), (("scheme", scheme), ("share", share)))
    start = programme.start
    filed = scheme is PrepaymentScheme.FILED
    condition = WINDOW if filed else CHAIN_WAIT
    counted_from = start if filed else listed_on
    months: int | None = judge.value(condition)
    bound = (
        None
        if counted_from is None or months is None
        else add_months(counted_from, months)
    )
    if bound is None:
        held = None
    else:
        held = start <= requested_on <= bound if filed else requested_on >= bound
    judge.record(
        condition,
        held,
        (
            ("classes_start" if filed else "listed_on", counted_from),
            ("requested_on", requested_on),
            ("months", months),
            ("last_day" if filed else "first_day", bound),
        ),
        (counted_from,),
    )
    if failed or held is False:
        return None
    exact = (
        None
        if planned is None or share is None or held is None
        else EXACT.multiply(planned, share)
    )
    return _rounded(
        judge,
        prepaid_condition,
        exact,
        (("entitlement", planned), ("share", share)),
        since,
    )


def check_prepayment(
    judge: Judge,
    programme: ApprenticeshipProgramme,
    planned_entitlement: Decimal,
    *,
    scheme: PrepaymentScheme = PrepaymentScheme.FILED,
    listed_on: date | None = None,
) -> Decimal | None:
    """Record the prepayment findings on *judge* for a known planned entitlement.

    The request day is the judge's evaluation day.  Use this when the planned
    entitlement is already decided; :func:`prepayment` computes it too.

    Args:
        judge: The judge collecting the decision's findings.
        programme: The programme (its start is the day classes start).
        planned_entitlement: The entitlement the plan would earn, in yuan.
        scheme: Whose prepayment terms apply.
        listed_on: For :attr:`PrepaymentScheme.CHAIN`, the day the student
            apprentices were listed in the plan (``None`` if not known).

    Returns:
        The prepayment in yuan, or ``None`` when no share or window is in force,
        the request is outside its window, or a fact or parameter is unknown.

    Raises:
        InvalidValueError: *planned_entitlement* is not a finite ``Decimal`` of at
            least zero.
    """
    planned: Decimal = _argument(_AMOUNT, planned_entitlement, "planned_entitlement")
    since = judge.recorded
    return _check_prepayment(judge, programme, planned, scheme, listed_on, since=since)


@in_library_context
def prepayment(
    programme: ApprenticeshipProgramme,
    apprentices: int,
    *,
    on: date,
    policy: Policy | None = None,
    scheme: PrepaymentScheme = PrepaymentScheme.FILED,
    listed_on: date | None = None,
    shortage_occupation: bool | None = None,
    student: bool = False,
) -> Decision:
    """Decide the prepayment (预支) an enterprise may ask for on *on*, the request day.

    The planned entitlement is the subsidy rule's amount for *apprentices* planned
    apprentices (every one counted as if they qualify), with the same findings; the
    prepayment is *scheme*'s share of it.  *listed_on* is the day a chain
    enterprise's apprentices were listed in the plan; *shortage_occupation* and
    *student* mean what they mean for :func:`check_subsidy`.  Every figure is the
    one in force on the request day.

    Raises:
        InvalidValueError: *apprentices* is not an ``int`` of at least zero.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, SkillLevel
        >>> from skillchain.model import (ApprenticeshipProgramme, InstitutionKind,
        ...     ProgrammeStatus, TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import prepayment
        >>> plan = ApprenticeshipProgramme(enterprise=CreditCode("9144030400000000J0"),
        ...     institution=TrainingInstitution(name="深圳市某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.IN_TRAINING)
        >>> prepayment(plan, 10, on=date(2024, 5, 1), shortage_occupation=False).amount
        Decimal('56000.00')
    """
    count: int = _argument(_COUNT, apprentices, "apprentices")
    judge = Judge(policy if policy is not None else Policy.default(), on)
    terms = _check_terms(judge, programme, shortage_occupation, student)
    judge.record(PLANNED_COUNT, count > 0, (("apprentices", count),))
    failed = terms.failed or count == 0
    planned = None if failed else _check_amount(judge, terms, count, 0)
    amount = _check_prepayment(
        judge, programme, planned, scheme, listed_on, since=0, failed=failed
    )
    return judge.decide(PREPAYMENT_RULE, amount)


PREPAYMENT_RULE: Rule = register(
    Rule(
        id="apprenticeship.prepayment",
        version="2026.2",
        title_zh="企业新型学徒制培训补贴预支",
        title_en="Apprenticeship subsidy prepayment",
        function=prepayment,
        sources=(
            RuleSource("gd-2020-apprenticeship-faq"),
            *_GUANGDONG,
            *_NATIONAL,
        ),
        conditions=(
            *SUBSIDY_TERMS,
            PLANNED_COUNT,
            AMOUNT,
            SHARE,
            WINDOW,
            CHAIN_WAIT,
            PREPAID,
        ),
        retired=(PROVINCIAL_BAND,),
    )
)
"""The registered prepayment rule."""


# --- rule 6: settlement -------------------------------------------------------------


def _refund_missing(judge: Judge, training_end: date | None) -> tuple[str, ...]:
    """What a refund's deadline lacks: the training's end, or the window in force then.

    With the end unknown, the window is named too when no value of it is in force
    on any day up to the evaluation day (the training has ended by then).
    """
    if training_end is not None:
        known = judge.value(REFUND, day=training_end) is not None
        return () if known else REFUND.parameters
    (name,) = REFUND.parameters
    param = judge.policy.parameters.get(name)
    known = param is not None and any(
        value.period is not None and value.period.start <= judge.on
        for value in param.values
    )
    return REFUND.facts if known else (*REFUND.facts, name)


def check_settlement(
    judge: Judge,
    entitlement: Decimal | None,
    prepaid: Decimal,
    training_end: date | None,
) -> Decimal | None:
    """Record the settlement finding on *judge* and return the balance payable.

    Args:
        judge: The judge collecting the decision's findings.
        entitlement: The amount the programme is entitled to (``None`` if not
            decided yet).
        prepaid: What was prepaid.
        training_end: The last day of the training period (``None`` if not known).

    Returns:
        The balance payable (zero or more), or ``None`` when the prepayment exceeds
        the entitlement (the failed ``apprenticeship.settlement.refund`` finding then
        carries ``refund`` and ``deadline``) or the entitlement is unknown.

    Raises:
        InvalidValueError: An amount is not a finite ``Decimal`` of at least zero.
    """
    if entitlement is not None:
        _argument(_AMOUNT, entitlement, "entitlement")
    _argument(_AMOUNT, prepaid, "prepaid")
    if entitlement is None:
        # A refund may be due (anything was prepaid): name what its deadline needs.
        refund = _refund_missing(judge, training_end) if prepaid > 0 else ()
        judge.record(
            BALANCE,
            None,
            (("entitlement", None), ("prepaid", prepaid), ("balance", None)),
            missing=(*BALANCE.facts, *refund),
        )
        return None
    if prepaid <= entitlement:
        balance = entitlement - prepaid
        judge.record(
            BALANCE,
            True,
            (("entitlement", entitlement), ("prepaid", prepaid), ("balance", balance)),
        )
        return balance
    # The refund is certain; only its deadline may lack the training's end or the
    # window in force then, and the failed finding names what it lacks.
    months = None if training_end is None else judge.value(REFUND, day=training_end)
    judge.record(
        REFUND if training_end is not None else _REFUND_UNDATED,
        False,
        (
            ("entitlement", entitlement),
            ("prepaid", prepaid),
            ("refund", prepaid - entitlement),
            ("training_end", training_end),
            ("months", months),
            (
                "deadline",
                None
                if training_end is None or months is None
                else add_months(training_end, months),
            ),
        ),
        day=training_end,
        lacks=_refund_missing(judge, training_end),
    )
    return None


@in_library_context
def settlement(
    entitlement: Decimal | None,
    prepaid: Decimal,
    training_end: date | None,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Settle a programme's subsidy after training: the balance, or the refund due.

    *entitlement* is the amount the subsidy rule decided (``None`` while it is not
    decided; ``Decimal(0)`` when no apprentice qualified), *prepaid* what was
    prepaid and *training_end* the last day of the training period (``None`` if not
    known), the day the refund window is read on.  The decision is *eligible* with
    the balance as its amount, or *ineligible* when a refund is due: its failed
    finding carries the ``refund`` and its ``deadline``.

    Raises:
        InvalidValueError: An amount is not a finite ``Decimal`` of at least zero.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain.rules import settlement
        >>> decision = settlement(Decimal(28000), Decimal(56000), date(2026, 3, 1),
        ...     on=date(2026, 3, 2))
        >>> decision.outcome.value, decision.failed[0].value("deadline")
        ('ineligible', datetime.date(2026, 6, 1))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    balance = check_settlement(judge, entitlement, prepaid, training_end)
    return judge.decide(SETTLEMENT_RULE, balance)


SETTLEMENT_RULE: Rule = register(
    Rule(
        id="apprenticeship.settlement",
        version="2026.2",
        title_zh="企业新型学徒制培训补贴清算",
        title_en="Apprenticeship subsidy settlement",
        function=settlement,
        sources=_SHENZHEN,
        conditions=(BALANCE, REFUND),
    )
)
"""The registered settlement rule."""
