"""Rule: is a private vocational training institution's filing complete (民办职业培训机构备案)?

Which procedure a city uses to admit a new institution (filing in Shenzhen,
approval in Guangzhou) is the dated parameter ``institutions.procedure``, keyed by
city: the rule reads it for the institution's city and reports it, with no branch
per city.
"""

from datetime import date
from decimal import Decimal

from skillchain._codes import DivisionCode
from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import OrganiserKind, PrivateInstitutionFiling, SetupProcedure
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    AnyOf,
    Compares,
    Condition,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "FILING_RULE",
    "check_filing",
    "filing_completeness",
    "setup_procedure",
]

_ITEM = (RuleSource("sz-private-institution-filing-item", "设定依据及条件"),)
_STANDARD = RuleSource("gd-2024-private-training-standard")
_PRESS = RuleSource("gd-2024-private-training-standard-press")
_FILING_DAY = ReadOn(
    "filing.submitted_on",
    "a filing is made under the procedure and the setup standard in force when it "
    "is submitted, so the figures of that day apply whatever day it is judged",
)


def _area_of(area: Decimal | None, target: int | Decimal) -> Decimal:  # noqa: ARG001
    """The floor area *target* as the filing records areas (the minimum is whole m²)."""
    return Decimal(target)


PROCEDURE = Condition(
    "institutions.filing.procedure",
    zh="{city}新设民办职业培训机构的方式为{procedure}；本备案须该市实行备案",
    en="In {city} a new private vocational training institution is admitted "
    "by {procedure}; a filing needs the city to use filing",
    parameters=("institutions.procedure",),
    read_on=_FILING_DAY,
    remedy=Unremediable(
        "{city}以{procedure}方式新设民办职业培训机构，不适用备案",
        "{city} admits new institutions by {procedure}, so the filing procedure "
        "does not apply there",
    ),
)
ORGANISER = Condition(
    "institutions.filing.organiser",
    zh="举办者为{organiser_kind}，具备举办资格（社会组织具有法人资格；"
    "个人具有政治权利和完全民事行为能力）：{value}",
    en="The organiser is a {organiser_kind} and may organise an institution "
    "(a body with legal-person status; an individual with political rights and "
    "full civil capacity): {value}",
    facts=("filing.political_rights_and_full_capacity",),
    sources=_ITEM,
    remedy=Unremediable(
        "举办者个人不具有政治权利或完全民事行为能力，不能通过备案取得",
        "the individual organiser lacks political rights or full civil capacity, "
        "which no filing can supply",
    ),
)
LEASE_TERM = Condition(
    "institutions.filing.lease_term",
    zh="场地租赁期 {lease_months} 个月（自有场地：{owned}），须不少于 {minimum} 个月",
    en="The premises lease runs {lease_months} months (owned premises: {owned}); "
    "it must run at least {minimum} months",
    facts=("filing.lease_months", "filing.premises_owned"),
    parameters=("institutions.lease_min_months",),
    sources=(_STANDARD, _PRESS),
    read_on=_FILING_DAY,
    # A lease long enough, or premises of the organiser's own.
    remedy=AnyOf(
        options=(
            Compares(
                "filing.lease_months",
                value="lease_months",
                comparator=">=",
                bound="minimum",
                parameter="institutions.lease_min_months",
            ),
            Requires("filing.premises_owned", equals=True),
        ),
    ),
)
PREMISES_AREA = Condition(
    "institutions.filing.premises_area",
    zh="场地面积 {area} 平方米，须不少于 {minimum} 平方米",
    en="The premises cover {area} m²; they must cover at least {minimum} m²",
    facts=("filing.premises_area",),
    parameters=("institutions.premises_min_area",),
    read_on=_FILING_DAY,
    remedy=Compares(
        "filing.premises_area",
        value="area",
        comparator=">=",
        bound="minimum",
        parameter="institutions.premises_min_area",
        mover=_area_of,
    ),
)
FULL_TIME_TEACHERS = Condition(
    "institutions.filing.full_time_teachers",
    zh="专职教师 {teachers} 人，须不少于 {minimum} 人",
    en="The institution has {teachers} full-time teachers; it needs at least {minimum}",
    facts=("filing.full_time_teachers",),
    parameters=("institutions.full_time_teachers_min",),
    read_on=_FILING_DAY,
    remedy=Compares(
        "filing.full_time_teachers",
        value="teachers",
        comparator=">=",
        bound="minimum",
        parameter="institutions.full_time_teachers_min",
    ),
)
START_UP_FUNDS = Condition(
    "institutions.filing.start_up_funds",
    zh="开办资金 {funds} 元，须不少于 {minimum} 元",
    en="The start-up funds are {funds} yuan; they must be at least {minimum} yuan",
    facts=("filing.start_up_funds",),
    parameters=("institutions.start_up_funds_min",),
    read_on=_FILING_DAY,
    remedy=Compares(
        "filing.start_up_funds",
        value="funds",
        comparator=">=",
        bound="minimum",
        parameter="institutions.start_up_funds_min",
    ),
)


@in_library_context
def setup_procedure(
    division: DivisionCode, *, on: date, policy: Policy | None = None
) -> SetupProcedure | None:
    """The procedure *division*'s city uses on *on* to admit a private institution.

    Read from the dated parameter ``institutions.procedure`` for the city
    (prefecture) *division* lies in; ``None`` when no value is in force that day or
    the city is not listed (the procedure is then unknown, not guessed).

    Example:
        >>> from datetime import date
        >>> from skillchain import FUTIAN, DivisionCode
        >>> from skillchain.rules import setup_procedure
        >>> setup_procedure(FUTIAN, on=date(2025, 9, 1)).en
        'filing'
        >>> setup_procedure(DivisionCode("440106"), on=date(2025, 9, 1)).en
        'approval with notification and commitment'
        >>> setup_procedure(DivisionCode("440106"), on=date(2025, 1, 1)) is None
        True
    """
    register = policy if policy is not None else Policy.default()
    table = register.at(on).institutions.procedure.value
    return None if table is None else table.get(division.prefecture)


def check_filing(judge: Judge, filing: PrivateInstitutionFiling) -> None:
    """Record every filing condition as a finding on *judge*, none skipped.

    The figures are those in force on the day the filing was submitted
    (``filing.submitted_on``), whatever day it is judged.
    """
    day = filing.submitted_on
    record = judge.record

    table = judge.value(PROCEDURE, day=day)
    city = filing.division.prefecture
    procedure: SetupProcedure | None = None if table is None else table.get(city)
    record(
        PROCEDURE,
        None if procedure is None else procedure is SetupProcedure.FILING,
        (("city", city), ("procedure", procedure)),
        day=day,
        # A table in force that does not list the city: the table is what lacks it.
        missing=() if table is None else PROCEDURE.parameters,
    )

    kind = filing.organiser_kind
    # The organiser kind records a legal person's status; an individual's is a fact.
    capable = (
        True
        if kind is OrganiserKind.LEGAL_PERSON
        else filing.political_rights_and_full_capacity
    )
    record(
        ORGANISER, capable, (("organiser_kind", kind), ("value", capable)), (capable,)
    )

    months, owned = filing.lease_months, filing.premises_owned
    minimum: int | None = None
    if owned is True:
        lease: bool | None = True  # owned premises need no lease, whatever the figure
    else:
        minimum = judge.value(LEASE_TERM, day=day)
        lease = None if months is None or minimum is None else months >= minimum
    record(
        LEASE_TERM,
        lease,
        (("lease_months", months), ("owned", owned), ("minimum", minimum)),
        (months, owned) if months is None else (),
        day=day,
    )

    for condition, label, fact in (
        (PREMISES_AREA, "area", filing.premises_area),
        (FULL_TIME_TEACHERS, "teachers", filing.full_time_teachers),
        (START_UP_FUNDS, "funds", filing.start_up_funds),
    ):
        least: int | Decimal | None = judge.value(condition, day=day)
        record(
            condition,
            None if fact is None or least is None else fact >= least,
            ((label, fact), ("minimum", least)),
            (fact,),
            day=day,
        )


@in_library_context
def filing_completeness(
    filing: PrivateInstitutionFiling, *, on: date, policy: Policy | None = None
) -> Decision:
    """Check a private vocational training institution's filing (民办职业培训机构备案).

    Every condition is checked, so the decision lists every failing item and every
    missing fact or district figure at once; outside a filing city the procedure
    check fails, naming the procedure that applies instead.  Every figure is the
    one in force on the day the filing was submitted.
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_filing(judge, filing)
    return judge.decide(FILING_RULE)


FILING_RULE: Rule = register(
    Rule(
        id="institutions.filing",
        version="2026.2",
        title_zh="民办职业培训机构备案条件",
        title_en="Filing conditions for a private vocational training institution",
        function=filing_completeness,
        sources=(*_ITEM, _STANDARD, _PRESS, RuleSource("gz-2025-2", "第四条")),
        conditions=(
            PROCEDURE,
            ORGANISER,
            LEASE_TERM,
            PREMISES_AREA,
            FULL_TIME_TEACHERS,
            START_UP_FUNDS,
        ),
    )
)
"""The registered filing-conditions rule for private vocational training institutions."""
