"""The two rules of the evening skills-course voucher (illustrative figures).

``nightschool.enrolment``: may the person hold a voucher for the course?  A
resident of the district, of at least the minimum age on the day the course starts,
whose course no other public fund pays for.

``nightschool.voucher``: how much is paid once the course is over?  The enrolment
conditions, attendance of at least the minimum share of the course's hours, then
the voucher per hour attended, for at most the maximum hours, rounded.
"""

from datetime import date
from decimal import Decimal

from skillchain import Decision, Policy
from skillchain.rules import Condition, Judge, ReadOn, Rule, RuleSource, register
from skillchain_nightschool.records import EveningEnrolment


__all__ = ["ENROLMENT_RULE", "VOUCHER_RULE", "enrolment", "voucher"]

_MEASURES = (RuleSource("nightschool-2025-illustrative"),)
_ON_START = ReadOn(
    "enrolment.course_start",
    "the measures apply the figures in force when the course starts",
)

RESIDENT = Condition(
    "nightschool.enrolment.resident",
    zh="申请人居住在本区：{value}",
    en="The applicant lives in the district: {value}",
    facts=("enrolment.resident",),
    sources=_MEASURES,
)
AGE = Condition(
    "nightschool.enrolment.age",
    zh="开课之日年满 {age} 周岁，须不小于 {minimum} 周岁",
    en="Aged {age} in full years when the course starts; must be at least {minimum}",
    parameters=("nightschool.min_age",),
    sources=_MEASURES,
    read_on=_ON_START,
)
NOT_FUNDED = Condition(
    "nightschool.enrolment.not_funded",
    zh="该课程未获其他财政资金资助：{value}",
    en="No other public fund pays for the course: {value}",
    facts=("enrolment.other_funding",),
    sources=_MEASURES,
)
ATTENDANCE = Condition(
    "nightschool.voucher.attendance",
    zh="出勤 {attended} 课时，占课程 {hours} 课时的比例须不低于 {minimum}",
    en="Attended {attended} of the course's {hours} hours; the share must be at "
    "least {minimum}",
    facts=("enrolment.attended_hours",),
    parameters=("nightschool.min_attendance",),
    sources=_MEASURES,
    read_on=_ON_START,
)
AMOUNT = Condition(
    "nightschool.voucher.amount",
    zh="课程券：{hours} 课时（至多 {maximum} 课时）× 每课时 {rate} 元，按 {quantum} 元"
    "{mode}，计 {amount} 元",
    en="Voucher: {hours} hours (at most {maximum}) × {rate} yuan per hour, rounded "
    "to {quantum} yuan {mode}: {amount} yuan",
    facts=("enrolment.attended_hours",),
    parameters=(
        "nightschool.voucher_per_hour",
        "nightschool.max_hours",
        "nightschool.rounding",
    ),
    sources=_MEASURES,
    read_on=_ON_START,
)

_VALUE = {
    True: (("value", True),),
    False: (("value", False),),
    None: (("value", None),),
}


def _age_on(born: date, day: date) -> int:
    """Full years between *born* and *day*."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def check_enrolment(judge: Judge, enrolment: EveningEnrolment) -> None:
    """Record the enrolment conditions on *judge* (shared by both rules)."""
    start = enrolment.course_start
    resident = enrolment.resident
    judge.record(RESIDENT, resident, _VALUE[resident], (resident,))
    minimum: int | None = judge.value(AGE, day=start)
    age = _age_on(enrolment.person.birth_date, start)
    judge.record(
        AGE,
        None if minimum is None else age >= minimum,
        (("age", age), ("minimum", minimum)),
        day=start,
    )
    funded = enrolment.other_funding
    clear = None if funded is None else not funded
    judge.record(NOT_FUNDED, clear, _VALUE[clear], (funded,))


def enrolment(
    enrolment: EveningEnrolment, *, on: date, policy: Policy | None = None
) -> Decision:
    """Decide whether the person may hold a voucher for the course.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId
        >>> from skillchain_nightschool import EveningEnrolment, enrolment
        >>> case = EveningEnrolment(person=ResidentId("11010519491231002X"),
        ...     course_start=date(2025, 9, 1), course_hours=48, resident=True,
        ...     other_funding=False)
        >>> enrolment(case, on=date(2025, 9, 1)).outcome.value
        'eligible'
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_enrolment(judge, enrolment)
    return judge.decide(ENROLMENT_RULE)


def voucher(
    enrolment: EveningEnrolment, *, on: date, policy: Policy | None = None
) -> Decision:
    """Decide the voucher paid for a finished course, with its amount.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId
        >>> from skillchain_nightschool import EveningEnrolment, voucher
        >>> case = EveningEnrolment(person=ResidentId("11010519491231002X"),
        ...     course_start=date(2025, 9, 1), course_hours=48, resident=True,
        ...     other_funding=False, attended_hours=40)
        >>> voucher(case, on=date(2025, 12, 1)).amount
        Decimal('800')
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_enrolment(judge, enrolment)
    start = enrolment.course_start
    attended = enrolment.attended_hours
    hours = enrolment.course_hours
    minimum: Decimal | None = judge.value(ATTENDANCE, day=start)
    held = None if attended is None or minimum is None else attended >= minimum * hours
    judge.record(
        ATTENDANCE,
        held,
        (("attended", attended), ("hours", hours), ("minimum", minimum)),
        (attended,),
        day=start,
    )
    rate, maximum, _ = judge.values(AMOUNT, day=start)
    if attended is None or rate is None or maximum is None:
        judge.record(
            AMOUNT,
            None,
            (
                ("hours", attended),
                ("maximum", maximum),
                ("rate", rate),
                ("amount", None),
            ),
            (attended,),
            day=start,
        )
        return judge.decide(VOUCHER_RULE)
    paid_hours = min(attended, maximum)
    amount = judge.rounded(
        AMOUNT,
        rate * paid_hours,
        (("hours", paid_hours), ("maximum", maximum), ("rate", rate)),
        day=start,
    )
    return judge.decide(VOUCHER_RULE, amount)


ENROLMENT_RULE: Rule = register(
    Rule(
        id="nightschool.enrolment",
        version="2025.1",
        title_zh="夜校技能课程券申领资格（示例）",
        title_en="Evening skills-course voucher: who may hold one (illustrative)",
        function=enrolment,
        sources=_MEASURES,
        conditions=(RESIDENT, AGE, NOT_FUNDED),
    )
)
"""Who may hold a voucher."""

VOUCHER_RULE: Rule = register(
    Rule(
        id="nightschool.voucher",
        version="2025.1",
        title_zh="夜校技能课程券结算（示例）",
        title_en="Evening skills-course voucher: the amount paid (illustrative)",
        function=voucher,
        sources=_MEASURES,
        conditions=(RESIDENT, AGE, NOT_FUNDED, ATTENDANCE, AMOUNT),
    )
)
"""The voucher paid for a finished course."""
