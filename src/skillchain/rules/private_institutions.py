"""Rule: is a private vocational training institution's filing complete (民办职业培训机构备案)?

Shenzhen files new private vocational training institutions (public-service item
深圳市民办职业培训机构备案, official): the organiser is a body with legal-person status,
or an individual with political rights and full civil capacity, and the institution
meets the provincial setup standard.  Of that standard (粤教监管〔2024〕5号, in force
2025-01-01 for five years, secondary) only the vocational lease term was found: at
least three years.  Floor area, full-time teachers and start-up funds are
district-supplied parameters.

Which procedure a city uses (filing in Shenzhen, approval with notification and
commitment in Guangzhou under 穗人社规字〔2025〕2号) is the dated parameter
``institutions.procedure``, keyed by city: the rule reads it for the institution's
city and reports it, with no branch per city.

Every condition is checked whatever the others give, so the decision lists every
failing item and every missing fact or figure at once, and the applicant can fix
them together.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from skillchain._codes import DivisionCode
from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain.model import OrganiserKind, PrivateInstitutionFiling, SetupProcedure
from skillchain.policy import InstitutionParameters, Policy, Resolved
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = [
    "FILING_RULE",
    "check_filing",
    "filing_completeness",
    "setup_procedure",
]

_ITEM = "sz-private-institution-filing-item"
_ITEM_ARTICLE = "设定依据及条件"
_STANDARD = "gd-2024-private-training-standard"
_PRESS = "gd-2024-private-training-standard-press"

register_messages(
    {
        "institutions.filing.procedure": Message(
            zh="{city}新设民办职业培训机构的方式为{procedure}；本备案须该市实行备案",
            en="In {city} a new private vocational training institution is admitted "
            "by {procedure}; a filing needs the city to use filing",
        ),
        "institutions.filing.organiser": Message(
            zh="举办者为{organiser_kind}，具备举办资格（社会组织具有法人资格；"
            "个人具有政治权利和完全民事行为能力）：{value}",
            en="The organiser is a {organiser_kind} and may organise an institution "
            "(a body with legal-person status; an individual with political rights and "
            "full civil capacity): {value}",
        ),
        "institutions.filing.lease_term": Message(
            zh="场地租赁期 {lease_months} 个月（自有场地：{owned}），须不少于 {minimum} 个月",
            en="The premises lease runs {lease_months} months (owned premises: {owned}); "
            "it must run at least {minimum} months",
        ),
        "institutions.filing.premises_area": Message(
            zh="场地面积 {area} 平方米，须不少于 {minimum} 平方米",
            en="The premises cover {area} m²; they must cover at least {minimum} m²",
        ),
        "institutions.filing.full_time_teachers": Message(
            zh="专职教师 {teachers} 人，须不少于 {minimum} 人",
            en="The institution has {teachers} full-time teachers; it needs at least {minimum}",
        ),
        "institutions.filing.start_up_funds": Message(
            zh="开办资金 {funds} 元，须不少于 {minimum} 元",
            en="The start-up funds are {funds} yuan; they must be at least {minimum} yuan",
        ),
    }
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


def _at_least(
    judge: Judge,
    check: str,
    *,
    param: Resolved[int | Decimal],
    fact: int | Decimal | None,
    fact_name: str,
    label: str,
) -> None:
    """Record ``fact >= param``, naming whichever of the two is unknown."""
    minimum = judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = ((label, fact), ("minimum", minimum))
    if minimum is None or fact is None:
        missing = tuple(
            name
            for name, value in ((fact_name, fact), (param.name, minimum))
            if value is None
        )
        judge.missing(check, missing, values, citations_of(param))
        return
    judge.check(check, fact >= minimum, values, citations_of(param))


def _procedure(
    judge: Judge, filing: PrivateInstitutionFiling, params: InstitutionParameters
) -> None:
    param = params.procedure
    table: Mapping[DivisionCode, SetupProcedure] | None = judge.use(param)
    city = filing.division.prefecture
    procedure = None if table is None else table.get(city)
    values: tuple[tuple[str, FactValue], ...] = (
        ("city", city),
        ("procedure", procedure),
    )
    if procedure is None:
        judge.missing(
            "institutions.filing.procedure",
            (param.name,),
            values,
            citations_of(param),
        )
        return
    judge.check(
        "institutions.filing.procedure",
        procedure is SetupProcedure.FILING,
        values,
        citations_of(param),
    )


def _lease(
    judge: Judge, filing: PrivateInstitutionFiling, lease: Resolved[int]
) -> None:
    """Owned premises need no lease; leased ones a lease of at least the minimum.

    The lease figure is read only for leased premises (owned ones do not rest on
    it).  Neither the lease term nor whether the premises are owned known: both are
    named, with the figure if it is not in force.
    """
    check = "institutions.filing.lease_term"
    owned = filing.premises_owned
    if owned is True:
        judge.check(
            check,
            True,  # owned premises need no lease
            (("lease_months", filing.lease_months), ("owned", True), ("minimum", None)),
            (judge.policy.citation(_STANDARD),),
        )
        return
    minimum = judge.use(lease)
    months = filing.lease_months
    values: tuple[tuple[str, FactValue], ...] = (
        ("lease_months", months),
        ("owned", owned),
        ("minimum", minimum),
    )
    cited = (*citations_of(lease), judge.policy.citation(_PRESS))
    if months is None or minimum is None:
        missing = [] if months is not None else ["filing.lease_months"]
        if months is None and owned is None:
            missing.append("filing.premises_owned")
        if minimum is None:
            missing.append(lease.name)
        judge.missing(check, missing, values, cited)
        return
    judge.check(check, months >= minimum, values, cited)


def check_filing(judge: Judge, filing: PrivateInstitutionFiling) -> None:
    """Record every filing condition as a finding on *judge*, none skipped.

    The procedure and the setup standard are those in force on the day the filing
    was submitted (``filing.submitted_on``), whatever day it is judged.
    """
    params = judge.policy.at(filing.submitted_on).institutions
    item = (judge.policy.citation(_ITEM, _ITEM_ARTICLE),)
    _procedure(judge, filing, params)

    kind = filing.organiser_kind
    if kind is OrganiserKind.LEGAL_PERSON:
        judge.check(
            "institutions.filing.organiser",
            True,  # the organiser kind records legal-person status
            (("organiser_kind", kind), ("value", True)),
            item,
        )
    else:
        capable = filing.political_rights_and_full_capacity
        values: tuple[tuple[str, FactValue], ...] = (
            ("organiser_kind", kind),
            ("value", capable),
        )
        if capable is None:
            judge.missing(
                "institutions.filing.organiser",
                ("filing.political_rights_and_full_capacity",),
                values,
                item,
            )
        else:
            judge.check("institutions.filing.organiser", capable, values, item)

    _lease(judge, filing, params.lease_min_months)
    _at_least(
        judge,
        "institutions.filing.premises_area",
        param=params.premises_min_area,
        fact=filing.premises_area,
        fact_name="filing.premises_area",
        label="area",
    )
    _at_least(
        judge,
        "institutions.filing.full_time_teachers",
        param=params.full_time_teachers_min,
        fact=filing.full_time_teachers,
        fact_name="filing.full_time_teachers",
        label="teachers",
    )
    _at_least(
        judge,
        "institutions.filing.start_up_funds",
        param=params.start_up_funds_min,
        fact=filing.start_up_funds,
        fact_name="filing.start_up_funds",
        label="funds",
    )


@in_library_context
def filing_completeness(
    filing: PrivateInstitutionFiling, *, on: date, policy: Policy | None = None
) -> Decision:
    """Check a private vocational training institution's filing (民办职业培训机构备案).

    Every condition is checked, so the decision lists every failing item and every
    missing fact or district figure at once.  The procedure check reads the city's
    procedure on *on* (``institutions.procedure``): outside a filing city the filing
    fails that check, and the finding names the procedure that applies instead.

    Effective: the Shenzhen filing item as evidenced from 2024-09-02; the lease term
    from 2025-01-01 (粤教监管〔2024〕5号); premises, teachers and funds once the
    district supplies its figures.

    References:
        深圳市民办职业培训机构备案 (Shenzhen service item);
        《广东省民办培训机构设置标准》 (粤教监管〔2024〕5号);
        《广州市民办职业培训机构服务管理办法》 (穗人社规字〔2025〕2号).

    Example:
        >>> from datetime import date
        >>> from skillchain import FUTIAN, CreditCode
        >>> from skillchain.model import (
        ...     FilingStatus, OrganiserKind, PrivateInstitutionFiling)
        >>> from skillchain.rules import filing_completeness
        >>> filing = PrivateInstitutionFiling(
        ...     institution_name="深圳市某职业培训学校",
        ...     organiser_kind=OrganiserKind.LEGAL_PERSON,
        ...     organiser_code=CreditCode("91350100M000100Y43"),
        ...     lease_months=24, division=FUTIAN, submitted_on=date(2025, 9, 1),
        ...     status=FilingStatus.PENDING)
        >>> decision = filing_completeness(filing, on=date(2025, 9, 1))
        >>> decision.outcome.value, [f.check for f in decision.failed]
        ('ineligible', ['institutions.filing.lease_term'])
        >>> decision.missing  # doctest: +NORMALIZE_WHITESPACE
        ('filing.premises_area', 'institutions.premises_min_area',
         'filing.full_time_teachers', 'institutions.full_time_teachers_min',
         'filing.start_up_funds', 'institutions.start_up_funds_min')
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_filing(judge, filing)
    return judge.decide(FILING_RULE)


_FILING_DAY = ReadOn(
    "filing.submitted_on",
    "a filing is made under the procedure and the setup standard in force when it "
    "is submitted, so the figures of that day apply whatever day it is judged",
)

FILING_RULE: Rule = register(
    Rule(
        id="institutions.filing",
        version="2026.1",
        title_zh="民办职业培训机构备案条件",
        title_en="Filing conditions for a private vocational training institution",
        function=filing_completeness,
        sources=(
            RuleSource(_ITEM, _ITEM_ARTICLE),
            RuleSource(_STANDARD),
            RuleSource(_PRESS),
            RuleSource("gz-2025-2", "第四条"),
        ),
        parameters=(
            "institutions.procedure",
            "institutions.lease_min_months",
            "institutions.premises_min_area",
            "institutions.full_time_teachers_min",
            "institutions.start_up_funds_min",
        ),
        conditions=(
            Condition(
                "institutions.filing.procedure",
                parameters=("institutions.procedure",),
                read_on=_FILING_DAY,
            ),
            Condition(
                "institutions.filing.organiser",
                sources=(RuleSource(_ITEM, _ITEM_ARTICLE),),
            ),
            Condition(
                "institutions.filing.lease_term",
                parameters=("institutions.lease_min_months",),
                sources=(RuleSource(_STANDARD), RuleSource(_PRESS)),
                read_on=_FILING_DAY,
            ),
            Condition(
                "institutions.filing.premises_area",
                parameters=("institutions.premises_min_area",),
                read_on=_FILING_DAY,
            ),
            Condition(
                "institutions.filing.full_time_teachers",
                parameters=("institutions.full_time_teachers_min",),
                read_on=_FILING_DAY,
            ),
            Condition(
                "institutions.filing.start_up_funds",
                parameters=("institutions.start_up_funds_min",),
                read_on=_FILING_DAY,
            ),
        ),
    )
)
"""The registered filing-conditions rule for private vocational training institutions."""
