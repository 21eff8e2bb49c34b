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

The conditions about the person (residence, statuses, age) are judged on the claim
day ``on``, the day the application is decided; the documents read do not say which
day the age is taken on.  The claim day is the only day every person condition can
be known for together (insurance and statuses are recorded as of the application),
and the 12-month window keeps it close to the certificate's date.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._errors import InvalidValueError
from skillchain._identifiers import Sex
from skillchain._levels import SkillLevel
from skillchain.model import Certificate, Person, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, Rule, RuleSource, register
from skillchain.rules.subsidy_cap import _conflict


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


def _unknown(names: tuple[str, ...], facts: tuple[bool | None, ...]) -> tuple[str, ...]:
    return tuple(name for name, fact in zip(names, facts, strict=True) if fact is None)


def _check_person(judge: Judge, person: Person) -> None:
    params = judge.params.skill_upgrade
    values: tuple[tuple[str, FactValue], ...]
    measure = (judge.policy.citation(_MEASURE),)
    on = judge.on

    region_param = params.region
    region = judge.use(region_param)
    if region is None:
        judge.missing(
            "skill_upgrade.residence",
            (region_param.name,),
            (
                ("region", None),
                ("hukou", None),
                ("insured", None),
                ("unemployed", None),
            ),
        )
    else:
        hukou = person.hukou_in(region)
        insured = person.insured_in(region, on=on)
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
    age = person.age_on(on)
    values = (
        ("on", on),
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


def _check_certificate(
    judge: Judge, certificate: Certificate, history: Sequence[SubsidyClaim]
) -> None:
    params = judge.params.skill_upgrade
    on = judge.on

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
            (("issued", issued), ("deadline", None), ("on", on)),
        )
    else:
        deadline = add_months(issued, window)
        judge.check(
            "skill_upgrade.claim_window",
            issued <= on <= deadline,
            (("issued", issued), ("deadline", deadline), ("on", on)),
            citations_of(window_param),
        )

    occupation, level = certificate.occupation, certificate.level
    measure = (judge.policy.citation(_MEASURE),)
    if occupation is None or level is None:
        judge.missing(
            "skill_upgrade.higher_level",
            _unknown_certificate_fields(occupation, level),
            (("occupation", occupation), ("level", level), ("paid", None)),
            measure,
        )
    else:
        paid, unknown = _conflict(
            history, _UPGRADE_KINDS, occupation, lambda other: other > level
        )
        values = (("occupation", occupation), ("level", level), ("paid", paid))
        if paid is None:
            judge.missing("skill_upgrade.higher_level", unknown, values, measure)
        else:
            judge.check("skill_upgrade.higher_level", not paid, values, measure)


def _unknown_certificate_fields(
    occupation: object | None, level: object | None
) -> tuple[str, ...]:
    return tuple(
        name
        for name, value in (
            ("certificate.occupation", occupation),
            ("certificate.level", level),
        )
        if value is None
    )


def _amount(
    judge: Judge, certificate: Certificate, shortage_occupation: bool | None
) -> Decimal | None:
    params = judge.params.skill_upgrade
    occupation, level = certificate.occupation, certificate.level

    catalogue_param = params.catalogue
    catalogue = judge.use(catalogue_param)
    rate: Decimal | None = None
    if occupation is None or level is None:
        judge.missing(
            "skill_upgrade.rate",
            _unknown_certificate_fields(occupation, level),
            (("occupation", occupation), ("level", level), ("rate", None)),
        )
    else:
        if catalogue is not None:
            row = catalogue.get(occupation)
            rate = None if row is None else row.get(level)
        values = (("occupation", occupation), ("level", level), ("rate", rate))
        if rate is None:
            judge.missing("skill_upgrade.rate", (catalogue_param.name,), values)
        else:
            judge.check(
                "skill_upgrade.rate",
                True,
                values,
                citations_of(catalogue_param),
            )
    if rate is None or level is None:
        return None

    low_param, high_param = params.city_rate_min, params.city_rate_max
    low, high = judge.use(low_param), judge.use(high_param)
    if low is not None and high is not None:
        judge.check(
            "skill_upgrade.city_range",
            low <= rate <= high,
            (("rate", rate), ("minimum", low), ("maximum", high)),
            citations_of(low_param, high_param),
        )

    uplift = _uplift(judge, level, shortage_occupation)
    if uplift is None:
        return None

    return judge.amount(
        "skill_upgrade.amount",
        params.rounding,
        rate * (_ONE + uplift),
        (("rate", rate), ("uplift", uplift)),
    )


def _uplift(
    judge: Judge, level: SkillLevel, shortage_occupation: bool | None
) -> Decimal | None:
    params = judge.params.skill_upgrade
    min_param, uplift_param = params.uplift_min_level, params.shortage_uplift
    min_level = judge.use(min_param)
    values: tuple[tuple[str, SkillLevel | bool | Decimal | None], ...]
    if min_level is None:
        values = (
            ("level", level),
            ("min_level", None),
            ("shortage", shortage_occupation),
            ("uplift", None),
        )
        judge.missing("skill_upgrade.uplift", (min_param.name,), values)
        return None
    cites = citations_of(min_param)
    if level < min_level or shortage_occupation is False:
        values = (
            ("level", level),
            ("min_level", min_level),
            ("shortage", shortage_occupation),
            ("uplift", _ZERO),
        )
        judge.check("skill_upgrade.uplift", True, values, cites)
        return _ZERO
    uplift = judge.use(uplift_param) if shortage_occupation else None
    values = (
        ("level", level),
        ("min_level", min_level),
        ("shortage", shortage_occupation),
        ("uplift", uplift),
    )
    if shortage_occupation is None:
        judge.missing("skill_upgrade.uplift", ("shortage_occupation",), values, cites)
        return None
    if uplift is None:
        judge.missing("skill_upgrade.uplift", (uplift_param.name,), values, cites)
        return None
    judge.check(
        "skill_upgrade.uplift",
        True,
        values,
        citations_of(min_param, uplift_param),
    )
    return uplift


def check_skill_upgrade(
    judge: Judge,
    person: Person,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    shortage_occupation: bool | None = None,
) -> Decimal | None:
    """Record the skill-upgrade conditions and amount as findings on *judge*.

    Returns the amount (rounded) when every figure it needs is known, else ``None``;
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
    _check_person(judge, person)
    _check_certificate(judge, certificate, history)
    return _amount(judge, certificate, shortage_occupation)


def skill_upgrade_subsidy(
    person: Person,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    *,
    on: date,
    shortage_occupation: bool | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide the skill-upgrade subsidy (职业技能提升补贴) for *certificate*, claimed on *on*.

    *history* is the person's earlier claims (kind ``SKILL_UPGRADE`` ones matter:
    no lower level after a higher one of the same occupation).
    *shortage_occupation* says whether the certificate's occupation is marked short
    (Shenzhen's 技能人才供需及培训指导目录) for the claim; ``None`` when not known,
    which leaves the amount undetermined for levels that could earn the uplift.
    The annual cap and the one-payment-per-level rule are
    :func:`~skillchain.rules.annual_cap`'s.

    Effective: 2023-08-15 to 2025-12-31 (粤人社规〔2023〕13号); Shenzhen's range and
    uplift from 2023-11-15 (深人社规〔2023〕8号).  The catalogue is province- or
    city-supplied: without its row the decision is undetermined.

    References:
        《广东省职业技能培训补贴管理办法》 (粤人社规〔2023〕13号);
        《深圳市职业技能培训补贴办法》 (深人社规〔2023〕8号).

    Raises:
        InvalidValueError: The certificate is not the person's (malformed input).

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
        judge, person, certificate, history, shortage_occupation
    )
    return judge.decide(SKILL_UPGRADE_RULE, amount)


SKILL_UPGRADE_RULE: Rule = register(
    Rule(
        id="skill_upgrade",
        version="2024.1",
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
            ),
            Condition("skill_upgrade.status", sources=(RuleSource(_MEASURE),)),
            Condition(
                "skill_upgrade.age",
                parameters=(
                    "skill_upgrade.min_age",
                    "skill_upgrade.max_age_men",
                    "skill_upgrade.max_age_women",
                ),
            ),
            Condition(
                "skill_upgrade.certificate_kind",
                parameters=("skill_upgrade.certificate_kinds",),
            ),
            Condition(
                "skill_upgrade.issuer", parameters=("skill_upgrade.excluded_issuers",)
            ),
            Condition(
                "skill_upgrade.claim_window",
                parameters=("skill_upgrade.claim_window_months",),
            ),
            Condition("skill_upgrade.higher_level", sources=(RuleSource(_MEASURE),)),
            Condition("skill_upgrade.rate", parameters=("skill_upgrade.catalogue",)),
            Condition(
                "skill_upgrade.city_range",
                parameters=(
                    "skill_upgrade.city_rate_min",
                    "skill_upgrade.city_rate_max",
                ),
            ),
            Condition(
                "skill_upgrade.uplift",
                parameters=(
                    "skill_upgrade.uplift_min_level",
                    "skill_upgrade.shortage_uplift",
                ),
            ),
            Condition("skill_upgrade.amount", parameters=("skill_upgrade.rounding",)),
        ),
    )
)
"""The registered skill-upgrade subsidy rule."""
