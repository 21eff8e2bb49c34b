"""Rules: the apprenticeship training subsidy, its prepayment and its settlement.

Three rules of the enterprise new-type apprenticeship (企业新型学徒制) share this
module, because each builds on the amount the first one computes:

- **subsidy entitlement** (``apprenticeship.subsidy``): Shenzhen's annual rate for the
  target level (5 500 / 7 000 / 8 500 yuan for 中级工 / 高级工 / 技师, as the Longgang
  FAQ restates 深人社规〔2019〕11号; a level without a rate is undetermined), per
  qualifying apprentice per year of training, with the shortage-occupation uplift
  for 高级工 and above under 粤人社规〔2023〕13号 where the city supplies its figure,
  or the flat student-apprentice rate of that measure;
- **prepayment** (``apprenticeship.prepayment``): the share of the planned entitlement
  that may be prepaid, and the window for asking, by date (粤人社规〔2023〕13号 until
  2025-12-31; the Guangdong 2020 FAQ's "up to 50 %" before it, a reference figure
  that is not Shenzhen's own);
- **settlement** (``apprenticeship.settlement``): the balance payable after training,
  or the refund of an over-prepayment and its deadline (3 months after the training
  period, 深人社规〔2019〕11号 as a passage without an address reports it).

Every figure comes from the policy, read on the evaluation day (the day the claim or
the request is decided), except the refund window, read on the day the training
period ends.  A figure that is not in force leaves its finding undetermined, naming
it: an expired uplift is never "no uplift".  How a part year counts is an explicit,
unverified policy choice (:class:`~skillchain.policy.PartYearRule`) and every
amount's explanation names the choice applied.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain._money import EXACT, amount_problem
from skillchain._sources import Citation
from skillchain.errors import InvalidValueError
from skillchain.model import ApprenticeEnrolment, ApprenticeshipProgramme
from skillchain.policy import PartYearRule, Policy
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


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

_NATIONAL = "mohrss-2021-39"
_SHENZHEN = "sz-2019-11"
_LONGGANG = "lg-apprenticeship-faq"
_GUANGDONG = "gd-2023-13"

_RATE = "apprenticeship.subsidy.rate"
_STUDENT_RATE = "apprenticeship.subsidy.student_rate"
# Version 2024.1 checked the city's rate against Guangdong's band; kept registered so
# decisions stored under it still explain.
_BAND = "apprenticeship.subsidy.provincial_band"
_YEARS = "apprenticeship.subsidy.years"
_NOT_SHORTAGE = "apprenticeship.subsidy.not_shortage"
_UPLIFT_LEVEL = "apprenticeship.subsidy.uplift_level"
_UPLIFT = "apprenticeship.subsidy.shortage_uplift"
_QUALIFIED = "apprenticeship.subsidy.qualified"
_QUALIFIED_COUNT = "apprenticeship.subsidy.qualified_count"
_PLANNED_COUNT = "apprenticeship.subsidy.planned_count"
_AMOUNT = "apprenticeship.subsidy.amount"
_SHARE = "apprenticeship.prepayment.share"
_WINDOW = "apprenticeship.prepayment.window"
_CHAIN_WAIT = "apprenticeship.prepayment.chain_wait"
_PREPAID = "apprenticeship.prepayment.amount"
_BALANCE = "apprenticeship.settlement.balance"
_REFUND = "apprenticeship.settlement.refund"

_ROUNDED_ZH = "（{mode}，精确到 {quantum} 元）"
_ROUNDED_EN = " (rounded {mode} to {quantum} yuan)"

register_messages(
    {
        _RATE: Message(
            zh="培养目标 {level} 的补贴标准：每人每年 {rate} 元",
            en="The subsidy rate for target level {level}: {rate} yuan per "
            "apprentice per year",
        ),
        _STUDENT_RATE: Message(
            zh="学生学徒制统一补贴标准：每人每年 {rate} 元",
            en="The flat student-apprentice rate: {rate} yuan per apprentice per year",
        ),
        _BAND: Message(
            zh="补贴标准 {rate} 元；广东省补贴标准区间为 {minimum}–{maximum} 元",
            en="The rate is {rate} yuan; Guangdong's band is {minimum}–{maximum} yuan",
        ),
        _YEARS: Message(
            zh="培训期 {months} 个月，按“{rule}”计入 {counted} 个月",
            en="The training period is {months} months; counted {rule}, "
            "{counted} months count",
        ),
        _UPLIFT: Message(
            zh="紧缺急需职业（工种）：{shortage}；培养目标 {level}，{min_level}及以上"
            "可上浮；上浮比例 {uplift}（上限 {maximum}）",
            en="Shortage occupation: {shortage}; target level {level}, uplift from "
            "{min_level} up; uplift {uplift} (at most {maximum})",
        ),
        _NOT_SHORTAGE: Message(
            zh="紧缺急需职业（工种）：{shortage}；不上浮",
            en="Shortage occupation: {shortage}; no uplift",
        ),
        _UPLIFT_LEVEL: Message(
            zh="培养目标 {level} 低于可上浮的最低等级 {min_level}：不上浮",
            en="The target level {level} is below {min_level}, the lowest level the "
            "shortage uplift applies to: no uplift",
        ),
        _QUALIFIED: Message(
            zh="学徒完成培训并取得 {level} 证书（合格）：{value}",
            en="The apprentice completed the training and was certified at {level}: "
            "{value}",
        ),
        _QUALIFIED_COUNT: Message(
            zh="合格学徒 {qualified} 人（共 {total} 人，不合格 {failed} 人，未知 "
            "{unknown} 人）；补贴按合格人数计发",
            en="{qualified} of {total} apprentices qualified ({failed} did not, "
            "{unknown} not known); the subsidy is paid per qualifying apprentice",
        ),
        _PLANNED_COUNT: Message(
            zh="计划培养学徒 {apprentices} 人（计划应得补贴按计划人数计算）",
            en="{apprentices} apprentices planned (the planned entitlement counts "
            "every planned apprentice)",
        ),
        _AMOUNT: Message(
            zh="补贴金额 = {rate} 元 ×（1 + {uplift}）× {persons} 人 × {counted} 个月 "
            "÷ 12 = {amount} 元" + _ROUNDED_ZH,
            en="Amount = {rate} yuan × (1 + {uplift}) × {persons} apprentices × "
            "{counted} months ÷ 12 = {amount} yuan" + _ROUNDED_EN,
        ),
        _SHARE: Message(
            zh="{scheme}可申请预支的补贴比例：{share}",
            en="The share of the subsidy a {scheme} may have prepaid: {share}",
        ),
        _WINDOW: Message(
            zh="开班日期 {classes_start}，申请日期 {requested_on}：须在开班后 {months} "
            "个月内申请（最迟 {last_day}）",
            en="Classes started on {classes_start} and the request is dated "
            "{requested_on}: it must come within {months} months after classes "
            "start (by {last_day})",
        ),
        _CHAIN_WAIT: Message(
            zh="列入计划日期 {listed_on}，申请日期 {requested_on}：须在列入计划 "
            "{months} 个月后申请（最早 {first_day}）",
            en="Listed in the plan on {listed_on} and the request is dated "
            "{requested_on}: it may come {months} months after listing (from "
            "{first_day})",
        ),
        _PREPAID: Message(
            zh="预支金额 = 计划应得补贴 {entitlement} 元 × {share} = {amount} 元"
            + _ROUNDED_ZH,
            en="Prepayment = planned entitlement {entitlement} yuan × {share} = "
            "{amount} yuan" + _ROUNDED_EN,
        ),
        _BALANCE: Message(
            zh="应得补贴 {entitlement} 元 − 已预支 {prepaid} 元 = 应付余额 {balance} 元",
            en="Entitlement {entitlement} yuan − prepaid {prepaid} yuan = balance "
            "payable {balance} yuan",
        ),
        _REFUND: Message(
            zh="已预支 {prepaid} 元超过应得补贴 {entitlement} 元：企业须在培训期满"
            "（{training_end}）后 {months} 个月内、最迟于 {deadline} 退回 {refund} 元",
            en="The prepayment of {prepaid} yuan exceeds the entitlement of "
            "{entitlement} yuan: the enterprise must refund {refund} yuan within "
            "{months} months after the training period ends ({training_end}), by "
            "{deadline} at the latest",
        ),
    }
)


class PrepaymentScheme(LabelledEnum):
    """Which enterprises' prepayment terms apply (粤人社规〔2023〕13号, as a guide reports).

    Guangdong's 2023 measure names two kinds of enterprise that may claim the
    apprenticeship subsidy, with their own prepayment terms: enterprises that filed
    a programme with the HR department, and skill-chain enterprises (技能生态链企业:
    chain leaders and members) training student apprentices or 技培生.
    """

    FILED = "filed"
    """备案企业: an enterprise that filed its programme; may ask within a window after
    classes start."""
    CHAIN = "chain"
    """技能生态链企业: a chain enterprise; may ask a while after its student apprentices
    or 技培生 are listed in the plan."""


set_labels(
    PrepaymentScheme,
    {
        PrepaymentScheme.FILED: ("备案企业", "filed enterprise"),
        PrepaymentScheme.CHAIN: ("技能生态链企业", "skill-chain enterprise"),
    },
)

_NO_CITATIONS: tuple[Citation, ...] = ()


def _amount_argument(value: object, field: str) -> Decimal:
    """Check an amount argument: a finite, non-negative ``Decimal`` within bounds."""
    if isinstance(value, Decimal):
        problem = amount_problem(value)
        if problem is None:
            if value >= 0:
                return value
            problem = f"got {value}"
    else:
        problem = f"got a value of type {type(value).__name__}"
    raise InvalidValueError(
        field=field,
        problem=problem,
        expected=(
            "a finite Decimal amount in yuan of at least zero, with at most 15 "
            "digits before the decimal point and 20 after it"
        ),
    )


def _count_argument(value: object, field: str) -> int:
    """Check a head-count argument: an ``int`` (not a bool) of at least zero."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    problem = (
        f"got {value}"
        if isinstance(value, int) and not isinstance(value, bool)
        else f"got a value of type {type(value).__name__}"
    )
    raise InvalidValueError(
        field=field, problem=problem, expected="an int of at least zero"
    )


# --- rule 4: the subsidy entitlement ------------------------------------------------


class _Terms(NamedTuple):
    """The per-apprentice terms of the subsidy, each ``None`` where unknown."""

    rate: Decimal | None
    counted: int | None
    uplift: Decimal | None
    missing: tuple[str, ...]
    """The unknown facts and the parameters not in force the terms would need."""
    failed: bool
    """Whether a condition on a term failed (the case is then ineligible)."""


_ZERO = Decimal(0)
_EXACT = EXACT


def _counted_months(rule: PartYearRule, months: int) -> int:
    """The months of training that earn the annual rate under *rule*."""
    if rule is PartYearRule.WHOLE_MONTHS:
        return months
    years, part = divmod(months, 12)
    if rule is PartYearRule.STARTED_YEARS and part:
        years += 1
    return years * 12


def _check_rate(
    judge: Judge, level: SkillLevel, student: bool
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the rate finding; the rate and what is missing for it.

    A level the table gives no rate (高级技师, 初级工 …) is undetermined, naming the
    table: no source says such a programme is not paid.
    """
    params = judge.params.apprenticeship
    if student:
        student_param = params.student_apprentice_rate
        rate = judge.use(student_param)
        if rate is None:
            judge.missing(_STUDENT_RATE, (student_param.name,), (("rate", None),))
            return None, (student_param.name,)
        judge.check(_STUDENT_RATE, True, (("rate", rate),), citations_of(student_param))
        return rate, ()
    table_param = params.annual_subsidy
    table = judge.use(table_param)
    rate = table.get(level) if table is not None else None
    values: tuple[tuple[str, FactValue], ...] = (("level", level), ("rate", rate))
    if rate is None:
        judge.missing(_RATE, (table_param.name,), values, citations_of(table_param))
        return None, (table_param.name,)
    judge.check(_RATE, True, values, citations_of(table_param))
    return rate, ()


def _check_counted(judge: Judge, months: int) -> tuple[int | None, tuple[str, ...]]:
    """Record the months that count under the part-year rule, and what is missing."""
    rule_param = judge.params.apprenticeship.part_year_rule
    rule = judge.use(rule_param)
    if rule is None:
        judge.missing(
            _YEARS,
            (rule_param.name,),
            (("months", months), ("rule", None), ("counted", None)),
        )
        return None, (rule_param.name,)
    counted = _counted_months(rule, months)
    judge.check(
        _YEARS,
        True,
        (("months", months), ("rule", rule), ("counted", counted)),
        citations_of(rule_param),
    )
    return counted, ()


def _check_uplift(
    judge: Judge, level: SkillLevel, shortage_occupation: bool | None
) -> tuple[Decimal | None, tuple[str, ...], bool]:
    """Record the shortage-uplift finding: the uplift, what is missing, and a failure.

    Not a shortage occupation: no uplift, and no figure is read.  Otherwise the
    uplift needs Guangdong's lowest level and ceiling (粤人社规〔2023〕13号) and the
    city's figure: any of them not in force leaves it undetermined, naming it (after
    2025-12-31 none is), except that a level below the lowest one takes none.
    """
    guangdong = (judge.policy.citation(_GUANGDONG),)
    if shortage_occupation is False:
        judge.check(_NOT_SHORTAGE, True, (("shortage", False),), guangdong)
        return _ZERO, (), False
    params = judge.params.apprenticeship
    min_param = params.shortage_uplift_min_level
    min_level = judge.use(min_param)
    if min_level is not None and level < min_level:
        judge.check(
            _UPLIFT_LEVEL,
            True,
            (("level", level), ("min_level", min_level), ("uplift", _ZERO)),
            citations_of(min_param),
        )
        return _ZERO, (), False
    max_param = params.shortage_uplift_max
    city_param = params.shortage_uplift
    maximum = judge.use(max_param)
    uplift = judge.use(city_param)
    missing = tuple(
        name
        for name, value in (
            ("shortage_occupation", shortage_occupation),
            (min_param.name, min_level),
            (max_param.name, maximum),
            (city_param.name, uplift),
        )
        if value is None
    )
    values: tuple[tuple[str, FactValue], ...] = (
        ("shortage", shortage_occupation),
        ("level", level),
        ("min_level", min_level),
        ("uplift", uplift),
        ("maximum", maximum),
    )
    cited = citations_of(min_param, max_param, city_param) or guangdong
    if uplift is None or maximum is None or missing:
        judge.missing(_UPLIFT, missing, values, cited)
        return None, missing, False
    held = uplift <= maximum
    judge.check(_UPLIFT, held, values, cited)
    return (uplift, (), False) if held else (None, (), True)


def _check_terms(
    judge: Judge,
    programme: ApprenticeshipProgramme,
    shortage_occupation: bool | None,
    student: bool,
) -> _Terms:
    """Record the rate, months and uplift findings; the terms, with what is missing.

    Every finding is recorded whatever the others give, so an undetermined decision
    names everything missing.  The flat student-apprentice rate takes no uplift
    (粤人社规〔2023〕13号 sets it flat).
    """
    level = programme.target_level
    rate, rate_missing = _check_rate(judge, level, student)
    counted, counted_missing = _check_counted(judge, programme.planned_months)
    if student:
        uplift: Decimal | None = _ZERO
        uplift_missing: tuple[str, ...] = ()
        failed = False
    else:
        uplift, uplift_missing, failed = _check_uplift(
            judge, level, shortage_occupation
        )
    return _Terms(
        rate=rate,
        counted=counted,
        uplift=uplift,
        missing=(*rate_missing, *counted_missing, *uplift_missing),
        failed=failed,
    )


def _check_amount(
    judge: Judge,
    terms: _Terms,
    persons: int | None,
    missing: tuple[str, ...] = (),
) -> Decimal | None:
    """Record the amount finding: rate × (1 + uplift) × persons × months ÷ 12, rounded.

    When a term, the number of persons (*missing* names why) or the rounding rule is
    unknown, the finding is recorded undetermined and names every one of them.
    """
    rounding_param = judge.params.apprenticeship.rounding
    rounding = judge.use(rounding_param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("rate", terms.rate),
        ("uplift", terms.uplift),
        ("persons", persons),
        ("counted", terms.counted),
    )
    unknown = [*terms.missing, *missing]
    if rounding is None:
        unknown.append(rounding_param.name)
    if (
        unknown
        or rounding is None
        or terms.rate is None
        or terms.uplift is None
        or terms.counted is None
        or persons is None
    ):
        judge.missing(
            _AMOUNT,
            tuple(dict.fromkeys(unknown)),
            (
                *values,
                ("amount", None),
                ("mode", rounding.mode if rounding is not None else None),
                ("quantum", rounding.quantum if rounding is not None else None),
            ),
            citations_of(rounding_param),
        )
        return None
    rate = terms.rate
    if terms.uplift:
        rate = _EXACT.multiply(rate, _EXACT.add(1, terms.uplift))
    exact = _EXACT.divide(_EXACT.multiply(rate, persons * terms.counted), 12)
    amount = rounding.apply(exact)
    judge.check(
        _AMOUNT,
        True,
        (
            *values,
            ("amount", amount),
            ("mode", rounding.mode),
            ("quantum", rounding.quantum),
        ),
        citations_of(rounding_param),
    )
    return amount


def check_subsidy(
    judge: Judge,
    enrolment: ApprenticeEnrolment,
    *,
    shortage_occupation: bool | None = None,
    student: bool = False,
) -> Decimal | None:
    """Record one apprentice's subsidy findings on *judge* and return the amount.

    The findings, in order: the rate (or the student rate), the months that count
    under the part-year rule, the shortage uplift (or why none applies), whether the
    apprentice qualified (``enrolment.qualified``), and the amount with its
    arithmetic (for one person; recorded undetermined, naming every unknown input,
    when one is unknown).  A combined decision (eligibility, programme and amount for
    one apprentice) shares the judge and passes the returned amount to
    ``judge.decide``.  The figures are those in force on the judge's day.

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
    programme = enrolment.programme
    terms = _check_terms(judge, programme, shortage_occupation, student)
    qualified = enrolment.qualified
    values: tuple[tuple[str, FactValue], ...] = (
        ("level", programme.target_level),
        ("value", qualified),
    )
    cited = (judge.policy.citation(_SHENZHEN),)
    if qualified is None:
        judge.missing(_QUALIFIED, ("enrolment.qualified",), values, cited)
    else:
        judge.check(_QUALIFIED, qualified, values, cited)
    if terms.failed or qualified is False:
        return None
    return _check_amount(
        judge,
        terms,
        1 if qualified else None,
        () if qualified else ("enrolment.qualified",),
    )


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

    The amount is rate × (1 + uplift) × qualifying apprentices × counted months ÷ 12,
    rounded once with ``apprenticeship.rounding``, where the rate is Shenzhen's annual
    rate for the programme's target level (or the flat student-apprentice rate),
    the qualifying apprentices are the enrolments whose ``qualified`` is ``True``,
    and the counted months come from the programme's planned months through
    ``apprenticeship.part_year_rule``.  The figures are those in force on *on*, the
    day the claim is decided (the prepayment and the settlement reconcile a planned
    entitlement with the final one).

    The decision is *eligible* with the amount when at least one apprentice
    qualified; *ineligible* when none did, or when the city's shortage uplift
    exceeds Guangdong's ceiling; *undetermined* when an apprentice's ``qualified``
    is ``None`` (named ``enrolments[i].qualified``), the level has no rate (e.g.
    高级技师), the uplift could apply but ``shortage_occupation`` is ``None`` or a
    figure of the uplift is not in force (the city's is not bundled, and
    Guangdong's ended on 2025-12-31), or another parameter is not in force on *on*.
    The amount's finding then names every unknown input.

    Effective: the Shenzhen rates from 2019-12-19 (深人社规〔2019〕11号; the start
    day is inferred); the uplift's level and ceiling and the student rate
    2023-08-15 to 2025-12-31 (粤人社规〔2023〕13号).

    References:
        《深圳市推行企业新型学徒制实施办法》 (深人社规〔2019〕11号), as the Longgang FAQ
        restates its rates; 《广东省职业技能培训补贴管理办法》 (粤人社规〔2023〕13号);
        人社部发〔2021〕39号 (paid per qualifying person).

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
        >>> decision.outcome, decision.amount
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('28000.00'))
        >>> subsidy_entitlement(plan, apprentices, on=date(2026, 3, 2),
        ...     shortage_occupation=True).missing  # doctest: +NORMALIZE_WHITESPACE
        ('apprenticeship.shortage_uplift_min_level', 'apprenticeship.shortage_uplift_max',
         'apprenticeship.shortage_uplift')
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
    values: tuple[tuple[str, FactValue], ...] = (
        ("qualified", qualified),
        ("total", len(people)),
        ("failed", failed),
        ("unknown", len(unknown)),
    )
    cited = (judge.policy.citation(_SHENZHEN),)
    if unknown:
        judge.missing(_QUALIFIED_COUNT, unknown, values, cited)
    else:
        judge.check(_QUALIFIED_COUNT, qualified > 0, values, cited)
    amount = None
    if not terms.failed and (unknown or qualified > 0):
        amount = _check_amount(
            judge, terms, None if unknown else qualified, tuple(unknown)
        )
    return judge.decide(SUBSIDY_RULE, amount)


_SUBSIDY_PARAMETERS = (
    "apprenticeship.annual_subsidy",
    "apprenticeship.student_apprentice_rate",
    "apprenticeship.part_year_rule",
    "apprenticeship.shortage_uplift_min_level",
    "apprenticeship.shortage_uplift_max",
    "apprenticeship.shortage_uplift",
    "apprenticeship.rounding",
)

# The conditions the subsidy's terms share with the prepayment, in emission order.
_RATE_CONDITIONS = (
    Condition(
        _RATE,
        parameters=("apprenticeship.annual_subsidy",),
        sources=(RuleSource(_LONGGANG),),
    ),
    Condition(
        _STUDENT_RATE,
        parameters=("apprenticeship.student_apprentice_rate",),
        sources=(RuleSource(_GUANGDONG),),
    ),
    Condition(_YEARS, parameters=("apprenticeship.part_year_rule",)),
    Condition(_NOT_SHORTAGE, sources=(RuleSource(_GUANGDONG),)),
    Condition(
        _UPLIFT_LEVEL,
        parameters=("apprenticeship.shortage_uplift_min_level",),
        sources=(RuleSource(_GUANGDONG),),
    ),
    Condition(
        _UPLIFT,
        parameters=(
            "apprenticeship.shortage_uplift_min_level",
            "apprenticeship.shortage_uplift_max",
            "apprenticeship.shortage_uplift",
        ),
        sources=(RuleSource(_GUANGDONG),),
    ),
)
_AMOUNT_CONDITION = Condition(_AMOUNT, parameters=("apprenticeship.rounding",))

SUBSIDY_RULE: Rule = register(
    Rule(
        id="apprenticeship.subsidy",
        version="2026.1",
        title_zh="企业新型学徒制培训补贴金额",
        title_en="Apprenticeship training subsidy entitlement",
        function=subsidy_entitlement,
        sources=(
            RuleSource(_SHENZHEN),
            RuleSource(_LONGGANG),
            RuleSource(_GUANGDONG),
            RuleSource(_NATIONAL),
        ),
        parameters=_SUBSIDY_PARAMETERS,
        conditions=(
            *_RATE_CONDITIONS,
            Condition(_QUALIFIED, sources=(RuleSource(_SHENZHEN),)),
            Condition(_QUALIFIED_COUNT, sources=(RuleSource(_SHENZHEN),)),
            _AMOUNT_CONDITION,
        ),
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
    planned_missing: tuple[str, ...] = (),
    failed: bool = False,
) -> Decimal | None:
    """Record the share, window and amount findings; the prepayment if all are known.

    *planned_missing* names why the planned entitlement is unknown, and *failed*
    says a condition on it failed; the amount's finding is then recorded
    undetermined naming every unknown input, or skipped when something failed.
    """
    params = judge.params.apprenticeship
    requested_on = judge.on
    missing: list[str] = list(planned_missing)

    if scheme is PrepaymentScheme.FILED:
        share_param = params.prepayment_share_filed
    else:
        share_param = params.prepayment_share_chain
    share = judge.use(share_param)
    values: tuple[tuple[str, FactValue], ...] = (("scheme", scheme), ("share", share))
    if share is None:
        missing.append(share_param.name)
        judge.missing(_SHARE, (share_param.name,), values)
    else:
        judge.check(_SHARE, True, values, citations_of(share_param))

    if scheme is PrepaymentScheme.FILED:
        window_param = params.prepayment_request_months
        months = judge.use(window_param)
        last_day = add_months(programme.start, months) if months is not None else None
        values = (
            ("classes_start", programme.start),
            ("requested_on", requested_on),
            ("months", months),
            ("last_day", last_day),
        )
        if last_day is None:
            # No window known (none is before 2023-08-15 or after 2025-12-31): it
            # is never taken as "no window".
            missing.append(window_param.name)
            judge.missing(_WINDOW, (window_param.name,), values)
        else:
            held = programme.start <= requested_on <= last_day
            failed = failed or not held
            judge.check(_WINDOW, held, values, citations_of(window_param))
    else:
        wait_param = params.prepayment_chain_wait_months
        months = judge.use(wait_param)
        first_day = (
            add_months(listed_on, months)
            if listed_on is not None and months is not None
            else None
        )
        values = (
            ("listed_on", listed_on),
            ("requested_on", requested_on),
            ("months", months),
            ("first_day", first_day),
        )
        if first_day is None:
            unknown = tuple(
                name
                for name, value in (("listed_on", listed_on), (wait_param.name, months))
                if value is None
            )
            missing.extend(unknown)
            judge.missing(_CHAIN_WAIT, unknown, values, citations_of(wait_param))
        else:
            held = requested_on >= first_day
            failed = failed or not held
            judge.check(_CHAIN_WAIT, held, values, citations_of(wait_param))

    if failed:
        return None
    rounding_param = params.rounding
    rounding = judge.use(rounding_param)
    if rounding is None:
        missing.append(rounding_param.name)
    if missing or planned is None or share is None or rounding is None:
        judge.missing(
            _PREPAID,
            tuple(dict.fromkeys(missing)),
            (
                ("entitlement", planned),
                ("share", share),
                ("amount", None),
                ("mode", rounding.mode if rounding is not None else None),
                ("quantum", rounding.quantum if rounding is not None else None),
            ),
            citations_of(share_param, rounding_param),
        )
        return None
    amount = rounding.apply(_EXACT.multiply(planned, share))
    judge.check(
        _PREPAID,
        True,
        (
            ("entitlement", planned),
            ("share", share),
            ("amount", amount),
            ("mode", rounding.mode),
            ("quantum", rounding.quantum),
        ),
        citations_of(share_param, rounding_param),
    )
    return amount


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
    planned = _amount_argument(planned_entitlement, "planned_entitlement")
    return _check_prepayment(judge, programme, planned, scheme, listed_on)


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
    apprentices (every one counted as if they qualify), with the same findings
    (rate, months, uplift, amount); the prepayment is the share in force on *on*
    times that amount, rounded once with ``apprenticeship.rounding``.  Every figure
    is the one in force on the request day.

    Shares and windows by date: from 2023-08-15 to 2025-12-31 (粤人社规〔2023〕13号),
    40 % for a filed enterprise asking within ``prepayment_request_months`` after
    classes start (the last day is :func:`~skillchain.add_months` of the start, as
    for the training period), and 30 % for a skill-chain enterprise asking from
    ``prepayment_chain_wait_months`` after its apprentices were listed.  From
    2020-10-23 to 2023-08-14 only Guangdong's 2020 FAQ figure ("up to 50 %", for
    reference, not Shenzhen's own: ``unverified``) is known, and no window: such a
    request is undetermined, naming the window.  No share is known after
    2025-12-31: the decision is undetermined, never the old share.

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
        >>> prepayment(plan, 10, on=date(2026, 1, 1),
        ...     shortage_occupation=False).missing  # doctest: +NORMALIZE_WHITESPACE
        ('apprenticeship.prepayment_share_filed',
         'apprenticeship.prepayment_request_months')
    """
    count = _count_argument(apprentices, "apprentices")
    judge = Judge(policy if policy is not None else Policy.default(), on)
    terms = _check_terms(judge, programme, shortage_occupation, student)
    judge.check(
        _PLANNED_COUNT,
        count > 0,
        (("apprentices", count),),
        (judge.policy.citation(_SHENZHEN),),
    )
    failed = terms.failed or count == 0
    planned = None if failed else _check_amount(judge, terms, count)
    amount = _check_prepayment(
        judge,
        programme,
        planned,
        scheme,
        listed_on,
        planned_missing=terms.missing if planned is None else (),
        failed=failed,
    )
    return judge.decide(PREPAYMENT_RULE, amount)


PREPAYMENT_RULE: Rule = register(
    Rule(
        id="apprenticeship.prepayment",
        version="2026.1",
        title_zh="企业新型学徒制培训补贴预支",
        title_en="Apprenticeship subsidy prepayment",
        function=prepayment,
        sources=(
            RuleSource("gd-2020-apprenticeship-faq"),
            RuleSource(_GUANGDONG),
            RuleSource(_NATIONAL),
        ),
        parameters=(
            *_SUBSIDY_PARAMETERS,
            "apprenticeship.prepayment_share_filed",
            "apprenticeship.prepayment_share_chain",
            "apprenticeship.prepayment_request_months",
            "apprenticeship.prepayment_chain_wait_months",
        ),
        conditions=(
            *_RATE_CONDITIONS,
            Condition(_PLANNED_COUNT, sources=(RuleSource(_SHENZHEN),)),
            _AMOUNT_CONDITION,
            Condition(
                _SHARE,
                parameters=(
                    "apprenticeship.prepayment_share_filed",
                    "apprenticeship.prepayment_share_chain",
                ),
            ),
            Condition(
                _WINDOW, parameters=("apprenticeship.prepayment_request_months",)
            ),
            Condition(
                _CHAIN_WAIT,
                parameters=("apprenticeship.prepayment_chain_wait_months",),
            ),
            Condition(
                _PREPAID,
                parameters=(
                    "apprenticeship.prepayment_share_filed",
                    "apprenticeship.prepayment_share_chain",
                    "apprenticeship.rounding",
                ),
            ),
        ),
    )
)
"""The registered prepayment rule."""


# --- rule 6: settlement -------------------------------------------------------------

_REFUND_READ_ON = ReadOn(
    "training_end",
    "the over-prepayment is refunded within a number of months after the training "
    "period ends, so the figure in force when it ends applies",
)


def _refund_terms(
    judge: Judge, training_end: date | None
) -> tuple[int | None, tuple[Citation, ...], tuple[str, ...]]:
    """The refund window in force when training ends, its citations, what is missing.

    With the end unknown, the window is named too when no value of it is in force
    on any day up to the evaluation day (the training has ended by then).
    """
    if training_end is None:
        name = "apprenticeship.settlement_refund_months"
        param = judge.policy.parameters.get(name)
        known = param is not None and any(
            value.period is not None and value.period.start <= judge.on
            for value in param.values
        )
        unknown = ("training_end",) if known else ("training_end", name)
        return None, (judge.policy.citation(_SHENZHEN),), unknown
    months_param = judge.policy.at(training_end).apprenticeship
    window = months_param.settlement_refund_months
    months = judge.use(window)
    cited = citations_of(window) or (judge.policy.citation(_SHENZHEN),)
    return months, cited, (() if months is not None else (window.name,))


def _check_settlement(
    judge: Judge,
    entitlement: Decimal | None,
    prepaid: Decimal,
    training_end: date | None,
) -> Decimal | None:
    """Record the balance or refund finding; the balance payable if there is one."""
    shenzhen = (judge.policy.citation(_SHENZHEN),)
    if entitlement is None:
        # A refund may be due (anything was prepaid): name what its deadline needs.
        unknown: tuple[str, ...] = ("entitlement",)
        if prepaid > 0:
            _, _, refund_unknown = _refund_terms(judge, training_end)
            unknown += refund_unknown
        judge.missing(
            _BALANCE,
            unknown,
            (("entitlement", None), ("prepaid", prepaid), ("balance", None)),
            shenzhen,
        )
        return None
    if prepaid <= entitlement:
        balance = entitlement - prepaid
        judge.check(
            _BALANCE,
            True,
            (("entitlement", entitlement), ("prepaid", prepaid), ("balance", balance)),
            shenzhen,
        )
        return balance
    months, cited, missing = _refund_terms(judge, training_end)
    deadline = (
        add_months(training_end, months)
        if training_end is not None and months is not None
        else None
    )
    judge.check(
        _REFUND,
        False,
        (
            ("entitlement", entitlement),
            ("prepaid", prepaid),
            ("refund", prepaid - entitlement),
            ("training_end", training_end),
            ("months", months),
            ("deadline", deadline),
        ),
        cited,
        missing,
    )
    return None


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
        entitlement = _amount_argument(entitlement, "entitlement")
    paid = _amount_argument(prepaid, "prepaid")
    return _check_settlement(judge, entitlement, paid, training_end)


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

    The balance is the entitlement minus what was prepaid (深人社规〔2019〕11号, as
    reported: "the total entitlement minus the prepayment").  Both are amounts
    already rounded, so the difference is exact and no rounding applies.

    How the decision carries each case:

    - prepayment at most the entitlement: *eligible*, ``amount`` is the balance
      (zero when they are equal), one finding ``apprenticeship.settlement.balance``;
      no figure is read, so the decision claims no provenance;
    - prepayment above the entitlement: *ineligible* (nothing more is paid), no
      amount, and the failed finding ``apprenticeship.settlement.refund`` carries
      the ``refund`` and its ``deadline``: ``settlement_refund_months`` after
      *training_end* (:func:`~skillchain.add_months`), the figure in force on
      *training_end* (``unverified``: it was seen only without an address); if
      *training_end* or the figure is unknown, the finding names it as missing and
      the deadline is ``None``;
    - entitlement ``None``: *undetermined*, missing ``entitlement``.

    Pass ``Decimal(0)`` as the entitlement when no apprentice qualified (the
    subsidy decision is then ineligible with no amount).

    Raises:
        InvalidValueError: An amount is not a finite ``Decimal`` of at least zero.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain.rules import settlement
        >>> decision = settlement(Decimal(28000), Decimal(56000), date(2026, 3, 1),
        ...     on=date(2026, 3, 2))
        >>> decision.outcome, decision.amount, decision.provenance
        (<Outcome.INELIGIBLE: 'ineligible'>, None, <Provenance.UNVERIFIED: 'unverified'>)
        >>> refund = decision.failed[0]
        >>> refund.value("refund"), refund.value("deadline")
        (Decimal('28000'), datetime.date(2026, 6, 1))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    balance = check_settlement(judge, entitlement, prepaid, training_end)
    return judge.decide(SETTLEMENT_RULE, balance)


SETTLEMENT_RULE: Rule = register(
    Rule(
        id="apprenticeship.settlement",
        version="2026.1",
        title_zh="企业新型学徒制培训补贴清算",
        title_en="Apprenticeship subsidy settlement",
        function=settlement,
        sources=(RuleSource(_SHENZHEN),),
        parameters=("apprenticeship.settlement_refund_months",),
        conditions=(
            Condition(_BALANCE, sources=(RuleSource(_SHENZHEN),)),
            Condition(
                _REFUND,
                parameters=("apprenticeship.settlement_refund_months",),
                sources=(RuleSource(_SHENZHEN),),
                read_on=_REFUND_READ_ON,
            ),
        ),
    )
)
"""The registered settlement rule."""
