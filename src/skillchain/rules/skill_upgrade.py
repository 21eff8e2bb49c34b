"""Rule: is a person owed the skill-upgrade subsidy (职业技能提升补贴) for a certificate?

Guangdong's measure (粤人社规〔2023〕13号, in force 2023-08-15 to 2025-12-31, seen
through reposts) pays a worker who, after self-study or self-chosen training, obtains
a catalogue certificate:

* Guangdong household registration, **or** Guangdong social insurance, **or**
  unemployment registration in Guangdong;
* not on the establishment of an organ or public institution (在编), not a full-time
  student, not drawing a pension;
* aged at least 16, and no older than 60 (men) or 55 (women);
* a certificate of a kind the measure pays for, not from an employer's own
  evaluation (用人单位自主评价);
* claimed within 12 months of the certificate's issue date;
* not a lower level of an occupation whose higher level was already subsidised;
* the amount set by the catalogue for the occupation and level, with an uplift for
  高级工 and above in a shortage occupation.

Shenzhen's measure (深人社规〔2023〕8号, 2023-11-15 to 2025-12-31) sets the city's
figures: 700 to 3 000 yuan per certificate by the city catalogue, and a fixed +30 %
for 高级工 and above in an occupation its 技能人才供需及培训指导目录 marks as short.
Neither catalogue ships row by row: the amount is undetermined until a province or
city overlay supplies the row.

Every figure is the one in force on the day the claim is made (``claimed_on``, by
default the evaluation day ``on``): the measure sets who may claim (申领) and within
what time, so a claim decided later keeps the figures of its day.  The conditions
about the person (residence, statuses, age) are judged on that day too; the
documents read do not say which day the age is taken on, and the claim day is the
only day every person condition can be known for together (insurance and statuses
are recorded as of the application).  The annual cap and the exclusion with the
unemployment-insurance subsidy are :func:`~skillchain.rules.annual_cap`'s; the rule
``skill_upgrade.case`` decides both together.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._identifiers import Sex
from skillchain._levels import SkillLevel
from skillchain.errors import InvalidValueError
from skillchain.model import Certificate, Person, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy, SkillUpgradeParameters
from skillchain.rules._claims import claim_day, earlier_claim
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = ["SKILL_UPGRADE_RULE", "check_skill_upgrade", "skill_upgrade_subsidy"]

_MEASURE = "gd-2023-13"
_ZERO = Decimal(0)
_ONE = Decimal(1)
_UPGRADE_KINDS = frozenset({SubsidyKind.SKILL_UPGRADE})
_RESIDENCE_FACTS = (
    "person.hukou_division",
    "person.insurance",
    "person.registered_unemployed",
)
_STATUS_FACTS = (
    "person.civil_service_establishment",
    "person.full_time_student",
    "person.drawing_pension",
)

register_messages(
    {
        "skill_upgrade.residence": Message(
            zh="在 {region} 范围内：户籍 {hukou}，参保 {insured}，失业登记 {unemployed}"
            "（三者之一即可）",
            en="Within {region}: household registration {hukou}, insured {insured}, "
            "registered unemployed {unemployed} (any one suffices)",
        ),
        "skill_upgrade.status": Message(
            zh="机关事业单位在编 {civil_service}，全日制在校学生 {student}，"
            "已领取养老金 {pensioner}（均须为否）",
            en="On a public establishment {civil_service}, full-time student "
            "{student}, drawing a pension {pensioner} (each must be no)",
        ),
        "skill_upgrade.age": Message(
            zh="申领之日 {on} 年满 {age} 周岁（{sex}），须在 {minimum} 至 {maximum} 周岁之间",
            en="On the claim day {on} the person is {age} in full years ({sex}); "
            "the age must be from {minimum} to {maximum}",
        ),
        "skill_upgrade.certificate_kind": Message(
            zh="证书类型为{kind}，属于补贴范围：{allowed}",
            en="The certificate is a {kind}; a kind the subsidy pays for: {allowed}",
        ),
        "skill_upgrade.issuer": Message(
            zh="证书发证方式为{issuer}，不属于不予补贴的发证方式：{allowed}",
            en="The certificate was issued by {issuer}; not an excluded issuer: {allowed}",
        ),
        "skill_upgrade.claim_window": Message(
            zh="证书 {issued} 取得，须在 {deadline} 前（含）申领；申领日 {on}",
            en="The certificate was issued on {issued}; the claim must be made by "
            "{deadline}; it is made on {on}",
        ),
        "skill_upgrade.higher_level": Message(
            zh="同一职业 {occupation} 已享受高于{level}的职业技能提升补贴：{paid}",
            en="A skill-upgrade subsidy for {occupation} above {level} was already "
            "claimed: {paid}",
        ),
        "skill_upgrade.rate": Message(
            zh="补贴标准目录：{occupation} {level} 每证 {rate} 元",
            en="Catalogue rate for {occupation} at {level}: {rate} yuan per certificate",
        ),
        "skill_upgrade.city_range": Message(
            zh="目录标准 {rate} 元，须在本市标准 {minimum} 至 {maximum} 元之间",
            en="The catalogue rate of {rate} yuan must lie within the city's range "
            "of {minimum} to {maximum} yuan",
        ),
        "skill_upgrade.uplift": Message(
            zh="紧缺职业上浮：证书等级{level}（{min_level}及以上可上浮），"
            "紧缺职业 {shortage}，上浮比例 {uplift}",
            en="Shortage uplift: the certificate is at {level} ({min_level} and above "
            "qualify), shortage occupation {shortage}, uplift {uplift}",
        ),
        "skill_upgrade.amount": Message(
            zh="补贴金额：{rate} 元 ×（1 + {uplift}）= {amount} 元（按 {quantum} 元{mode}）",
            en="Amount: {rate} yuan × (1 + {uplift}) = {amount} yuan "
            "(rounded to {quantum} yuan, {mode})",
        ),
    }
)


_Values = tuple[tuple[str, FactValue], ...]


def _unknown(names: tuple[str, ...], facts: tuple[object, ...]) -> tuple[str, ...]:
    return tuple(name for name, fact in zip(names, facts, strict=True) if fact is None)


def _check_person(
    judge: Judge, params: SkillUpgradeParameters, person: Person, claimed: date
) -> None:
    values: _Values
    measure = (judge.policy.citation(_MEASURE),)

    region_param = params.region
    region = judge.use(region_param)
    if region is None:
        # Which facts decide is unknown without the region: name every unknown one.
        judge.missing(
            "skill_upgrade.residence",
            (
                region_param.name,
                *_unknown(
                    _RESIDENCE_FACTS,
                    (
                        person.hukou_division,
                        person.insurance,
                        person.registered_unemployed,
                    ),
                ),
            ),
            (
                ("region", None),
                ("hukou", None),
                ("insured", None),
                ("unemployed", None),
            ),
        )
    else:
        hukou = person.hukou_in(region)
        insured = person.insured_in(region, on=claimed)
        unemployed = person.registered_unemployed
        values = (
            ("region", region),
            ("hukou", hukou),
            ("insured", insured),
            ("unemployed", unemployed),
        )
        cite = (region_param.citation,) if region_param.citation else measure
        if hukou or insured or unemployed:
            judge.check("skill_upgrade.residence", True, values, cite)
        elif hukou is None or insured is None or unemployed is None:
            judge.missing(
                "skill_upgrade.residence",
                _unknown(_RESIDENCE_FACTS, (hukou, insured, unemployed)),
                values,
                cite,
            )
        else:
            judge.check("skill_upgrade.residence", False, values, cite)

    civil = person.civil_service_establishment
    student = person.full_time_student
    pensioner = person.drawing_pension
    values = (("civil_service", civil), ("student", student), ("pensioner", pensioner))
    if civil or student or pensioner:
        judge.check("skill_upgrade.status", False, values, measure)
    elif civil is None or student is None or pensioner is None:
        judge.missing(
            "skill_upgrade.status",
            _unknown(_STATUS_FACTS, (civil, student, pensioner)),
            values,
            measure,
        )
    else:
        judge.check("skill_upgrade.status", True, values, measure)

    min_param = params.min_age
    sex = person.sex
    max_param = params.max_age_men if sex is Sex.MALE else params.max_age_women
    minimum = judge.use(min_param)
    maximum = judge.use(max_param)
    age = person.age_on(claimed)
    values = (
        ("on", claimed),
        ("age", age),
        ("sex", sex),
        ("minimum", minimum),
        ("maximum", maximum),
    )
    if minimum is None or maximum is None:
        judge.missing(
            "skill_upgrade.age",
            tuple(
                p.name
                for p, v in ((min_param, minimum), (max_param, maximum))
                if v is None
            ),
            values,
        )
    else:
        judge.check(
            "skill_upgrade.age",
            minimum <= age <= maximum,
            values,
            citations_of(min_param, max_param),
        )


def _higher(past: SkillLevel, level: SkillLevel) -> bool:
    return past > level


def _check_certificate(
    judge: Judge,
    params: SkillUpgradeParameters,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    claimed: date,
) -> None:
    kinds_param = params.certificate_kinds
    kinds = judge.use(kinds_param)
    kind = certificate.kind
    if kinds is None:
        judge.missing(
            "skill_upgrade.certificate_kind",
            (kinds_param.name,),
            (("kind", kind), ("allowed", None)),
        )
    else:
        allowed = kind in kinds
        judge.check(
            "skill_upgrade.certificate_kind",
            allowed,
            (("kind", kind), ("allowed", allowed)),
            citations_of(kinds_param),
        )

    issuers_param = params.excluded_issuers
    excluded = judge.use(issuers_param)
    issuer = certificate.issuer_kind
    if excluded is None:
        judge.missing(
            "skill_upgrade.issuer",
            (issuers_param.name,),
            (("issuer", issuer), ("allowed", None)),
        )
    else:
        allowed = issuer not in excluded
        judge.check(
            "skill_upgrade.issuer",
            allowed,
            (("issuer", issuer), ("allowed", allowed)),
            citations_of(issuers_param),
        )

    window_param = params.claim_window_months
    window = judge.use(window_param)
    issued = certificate.issued_on
    if window is None:
        judge.missing(
            "skill_upgrade.claim_window",
            (window_param.name,),
            (("issued", issued), ("deadline", None), ("on", claimed)),
        )
    else:
        deadline = add_months(issued, window)
        judge.check(
            "skill_upgrade.claim_window",
            issued <= claimed <= deadline,
            (("issued", issued), ("deadline", deadline), ("on", claimed)),
            citations_of(window_param),
        )

    occupation, level = certificate.occupation, certificate.level
    measure = (judge.policy.citation(_MEASURE),)
    paid, unknown = earlier_claim(
        history, _UPGRADE_KINDS, occupation, level, matches=_higher
    )
    values = (("occupation", occupation), ("level", level), ("paid", paid))
    if paid is None:
        judge.missing(
            "skill_upgrade.higher_level",
            (*_unknown_certificate_fields(occupation, level), *unknown),
            values,
            measure,
        )
    else:
        judge.check("skill_upgrade.higher_level", not paid, values, measure)


def _unknown_certificate_fields(
    occupation: object | None, level: object | None
) -> tuple[str, ...]:
    return _unknown(
        ("certificate.occupation", "certificate.level"), (occupation, level)
    )


def _rate(
    judge: Judge, params: SkillUpgradeParameters, certificate: Certificate
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the catalogue rate; return it, or ``None`` and what it lacks."""
    occupation, level = certificate.occupation, certificate.level
    catalogue_param = params.catalogue
    catalogue = judge.use(catalogue_param)
    rate: Decimal | None = None
    if occupation is not None and level is not None and catalogue is not None:
        row = catalogue.get(occupation)
        rate = None if row is None else row.get(level)
    values = (("occupation", occupation), ("level", level), ("rate", rate))
    if rate is not None:
        judge.check("skill_upgrade.rate", True, values, citations_of(catalogue_param))
        return rate, ()
    lacking = _unknown_certificate_fields(occupation, level)
    if catalogue is None or (occupation is not None and level is not None):
        # Not in force, or in force without the row for this occupation and level.
        lacking = (*lacking, catalogue_param.name)
    judge.missing("skill_upgrade.rate", lacking, values)
    return None, lacking


def _check_city_range(
    judge: Judge,
    params: SkillUpgradeParameters,
    rate: Decimal | None,
    rate_lacking: tuple[str, ...],
) -> None:
    """The catalogue rate lies within Shenzhen's range (undetermined without it)."""
    low_param, high_param = params.city_rate_min, params.city_rate_max
    low, high = judge.use(low_param), judge.use(high_param)
    values = (("rate", rate), ("minimum", low), ("maximum", high))
    if rate is None or low is None or high is None:
        judge.missing(
            "skill_upgrade.city_range",
            (
                *rate_lacking,
                *(
                    p.name
                    for p, v in ((low_param, low), (high_param, high))
                    if v is None
                ),
            ),
            values,
            citations_of(low_param, high_param),
        )
        return
    judge.check(
        "skill_upgrade.city_range",
        low <= rate <= high,
        values,
        citations_of(low_param, high_param),
    )


def _uplift(
    judge: Judge,
    params: SkillUpgradeParameters,
    level: SkillLevel | None,
    shortage_occupation: bool | None,
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the shortage uplift; return it, or ``None`` and what it lacks."""
    min_param, uplift_param = params.uplift_min_level, params.shortage_uplift
    min_level = judge.use(min_param)
    uplift: Decimal | None
    cites = citations_of(min_param)
    if (
        min_level is not None
        and level is not None
        and (level < min_level or shortage_occupation is False)
    ):
        uplift, lacking = _ZERO, ()
    else:
        # The uplift may apply: its figure is read only for a possible shortage.
        figure = judge.use(uplift_param) if shortage_occupation is not False else _ZERO
        known_level = min_level is not None and level is not None
        uplift = figure if shortage_occupation and known_level else None
        lacking = (
            *((min_param.name,) if min_level is None else ()),
            *(("certificate.level",) if level is None else ()),
            *(("shortage_occupation",) if shortage_occupation is None else ()),
            *((uplift_param.name,) if figure is None else ()),
        )
        if figure is not None and shortage_occupation is not False:
            cites = citations_of(min_param, uplift_param)
    values: _Values = (
        ("level", level),
        ("min_level", min_level),
        ("shortage", shortage_occupation),
        ("uplift", uplift),
    )
    if uplift is None:
        judge.missing("skill_upgrade.uplift", lacking, values, cites)
    else:
        judge.check("skill_upgrade.uplift", True, values, cites)
    return uplift, lacking


def _amount(
    judge: Judge,
    params: SkillUpgradeParameters,
    certificate: Certificate,
    shortage_occupation: bool | None,
) -> Decimal | None:
    """Record rate, range, uplift and amount; every one, whatever is unknown."""
    rate, rate_lacking = _rate(judge, params, certificate)
    _check_city_range(judge, params, rate, rate_lacking)
    uplift, uplift_lacking = _uplift(
        judge, params, certificate.level, shortage_occupation
    )
    rounding_param = params.rounding
    if rate is None or uplift is None:
        rounding = judge.use(rounding_param)
        judge.missing(
            "skill_upgrade.amount",
            tuple(
                dict.fromkeys(
                    (
                        *rate_lacking,
                        *uplift_lacking,
                        *((rounding_param.name,) if rounding is None else ()),
                    )
                )
            ),
            (("rate", rate), ("uplift", uplift), ("amount", None)),
        )
        return None
    return judge.amount(
        "skill_upgrade.amount",
        rounding_param,
        rate * (_ONE + uplift),
        (("rate", rate), ("uplift", uplift)),
    )


def check_skill_upgrade(
    judge: Judge,
    person: Person,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    shortage_occupation: bool | None = None,
    *,
    claimed_on: date | None = None,
) -> Decimal | None:
    """Record the skill-upgrade conditions and amount as findings on *judge*.

    Every condition is recorded, known or not: an undetermined decision names every
    unknown fact and every figure not in force.  The figures are those in force on
    *claimed_on*, the day the claim was made (default: the judge's day).  Returns
    the amount (rounded) when every figure it needs is known, else ``None``;
    whether it is payable follows from the judge's outcome.

    Raises:
        InvalidValueError: The certificate is not the person's (malformed input).
    """
    if certificate.holder != person.id:
        raise InvalidValueError(
            field="certificate.holder",
            problem=f"the certificate belongs to {certificate.holder.masked}, "
            f"not to {person.id.masked}",
            expected="a certificate held by the person",
        )
    claimed = claimed_on if claimed_on is not None else judge.on
    params = judge.policy.at(claimed).skill_upgrade
    _check_person(judge, params, person, claimed)
    _check_certificate(judge, params, certificate, history, claimed)
    return _amount(judge, params, certificate, shortage_occupation)


@in_library_context
def skill_upgrade_subsidy(
    person: Person,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    *,
    on: date,
    claimed_on: date | None = None,
    shortage_occupation: bool | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide the skill-upgrade subsidy (职业技能提升补贴) for *certificate*.

    *history* is the person's earlier claims (kind ``SKILL_UPGRADE`` ones matter:
    no lower level after a higher one of the same occupation).  *claimed_on* is the
    day the claim was made (default: *on*, a claim decided the day it is made): the
    window, the person's age and insurance, and every figure are that day's, so a
    claim decided later keeps them.  *shortage_occupation* says whether the
    certificate's occupation is marked short (Shenzhen's 技能人才供需及培训指导目录) for
    the claim; ``None`` when not known, which leaves the amount undetermined for
    levels that could earn the uplift.  The annual cap and the one-payment-per-level
    rule are :func:`~skillchain.rules.annual_cap`'s (``skill_upgrade.case`` decides
    both together).

    Effective: claims made from 2023-11-15 to 2025-12-31: 粤人社规〔2023〕13号 runs from
    2023-08-15, but Shenzhen's range and uplift (深人社规〔2023〕8号) only from
    2023-11-15, and a claim made before then is undetermined.  The catalogue is
    province- or city-supplied: without its row the decision is undetermined.

    References:
        《广东省职业技能培训补贴管理办法》 (粤人社规〔2023〕13号);
        《深圳市职业技能培训补贴办法》 (深人社规〔2023〕8号).

    Raises:
        InvalidValueError: The certificate is not the person's (malformed input), or
            *claimed_on* is after *on*.

    Example:
        >>> from datetime import date
        >>> from skillchain import DivisionCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (Certificate, CertificateKind, IssuerKind,
        ...     Person)
        >>> from skillchain.rules import skill_upgrade_subsidy
        >>> worker = Person(id=ResidentId("11010519491231002X"),
        ...     hukou_division=DivisionCode("440304"))
        >>> cert = Certificate(holder=worker.id, kind=CertificateKind.SKILL_LEVEL,
        ...     occupation=OccupationCode("4-02-07-08"), level=SkillLevel.ADVANCED,
        ...     issued_on=date(2024, 3, 1),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION)
        >>> decision = skill_upgrade_subsidy(worker, cert, (), on=date(2024, 6, 1))
        >>> decision.outcome  # born 1949: too old, whatever else is unknown
        <Outcome.INELIGIBLE: 'ineligible'>
        >>> [f.check for f in decision.failed]
        ['skill_upgrade.age']
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    amount = check_skill_upgrade(
        judge,
        person,
        certificate,
        history,
        shortage_occupation,
        claimed_on=claim_day(on, claimed_on),
    )
    return judge.decide(SKILL_UPGRADE_RULE, amount)


_ON_CLAIM_DAY = ReadOn(
    "claimed_on",
    "粤人社规〔2023〕13号 and 深人社规〔2023〕8号 set who may claim (申领), within what "
    "time and for how much: a claim keeps the figures of the day it was made",
)


SKILL_UPGRADE_RULE: Rule = register(
    Rule(
        id="skill_upgrade",
        version="2026.1",
        title_zh="职业技能提升补贴（广东省2023—2025年，深圳市标准）",
        title_en="Skill-upgrade subsidy (Guangdong 2023–2025, Shenzhen's figures)",
        function=skill_upgrade_subsidy,
        sources=(RuleSource(_MEASURE), RuleSource("sz-2023-8")),
        parameters=(
            "skill_upgrade.region",
            "skill_upgrade.min_age",
            "skill_upgrade.max_age_men",
            "skill_upgrade.max_age_women",
            "skill_upgrade.certificate_kinds",
            "skill_upgrade.excluded_issuers",
            "skill_upgrade.claim_window_months",
            "skill_upgrade.catalogue",
            "skill_upgrade.city_rate_min",
            "skill_upgrade.city_rate_max",
            "skill_upgrade.uplift_min_level",
            "skill_upgrade.shortage_uplift",
            "skill_upgrade.rounding",
        ),
        conditions=(
            Condition(
                "skill_upgrade.residence",
                parameters=("skill_upgrade.region",),
                sources=(RuleSource(_MEASURE),),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition("skill_upgrade.status", sources=(RuleSource(_MEASURE),)),
            Condition(
                "skill_upgrade.age",
                parameters=(
                    "skill_upgrade.min_age",
                    "skill_upgrade.max_age_men",
                    "skill_upgrade.max_age_women",
                ),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "skill_upgrade.certificate_kind",
                parameters=("skill_upgrade.certificate_kinds",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "skill_upgrade.issuer",
                parameters=("skill_upgrade.excluded_issuers",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "skill_upgrade.claim_window",
                parameters=("skill_upgrade.claim_window_months",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition("skill_upgrade.higher_level", sources=(RuleSource(_MEASURE),)),
            Condition(
                "skill_upgrade.rate",
                parameters=("skill_upgrade.catalogue",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "skill_upgrade.city_range",
                parameters=(
                    "skill_upgrade.city_rate_min",
                    "skill_upgrade.city_rate_max",
                ),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "skill_upgrade.uplift",
                parameters=(
                    "skill_upgrade.uplift_min_level",
                    "skill_upgrade.shortage_uplift",
                ),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "skill_upgrade.amount",
                parameters=("skill_upgrade.rounding",),
                read_on=_ON_CLAIM_DAY,
            ),
        ),
    )
)
"""The registered skill-upgrade subsidy rule."""
