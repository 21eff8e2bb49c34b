"""Rule: is a person owed the skill-upgrade subsidy (职业技能提升补贴) for a certificate?

Guangdong's conditions (粤人社规〔2023〕13号) with Shenzhen's figures (深人社规〔2023〕8号)
for a certificate obtained after self-study or self-chosen training.  The annual cap
and the exclusion with the unemployment-insurance subsidy are
:func:`~skillchain.rules.annual_cap`'s; rule ``skill_upgrade.case`` decides both together.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from operator import gt

from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision
from skillchain._identifiers import Sex
from skillchain._levels import SkillLevel
from skillchain.errors import InvalidValueError
from skillchain.model import Certificate, Person, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._claims import claim_day, earlier_claim
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    AnyOf,
    Condition,
    Elapses,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = ["SKILL_UPGRADE_RULE", "check_skill_upgrade", "skill_upgrade_subsidy"]

_MEASURE = (RuleSource("gd-2023-13"),)
_ON_CLAIM_DAY = ReadOn(
    "claimed_on",
    "粤人社规〔2023〕13号 and 深人社规〔2023〕8号 set who may claim (申领), within what "
    "time and for how much: a claim keeps the figures of the day it was made",
)
_CERTIFICATE = ("certificate.occupation", "certificate.level")

RESIDENCE = Condition(
    "skill_upgrade.residence",
    zh="在 {region} 范围内：户籍 {hukou}，参保 {insured}，失业登记 {unemployed}"
    "（三者之一即可）",
    en="Within {region}: household registration {hukou}, insured {insured}, "
    "registered unemployed {unemployed} (any one suffices)",
    facts=("person.hukou_division", "person.insurance", "person.registered_unemployed"),
    parameters=("skill_upgrade.region",),
    sources=_MEASURE,
    read_on=_ON_CLAIM_DAY,
    # Insurance in the region on the claim day is a third way in, but it is a
    # history of periods, not a value a declaration can name.
    remedy=AnyOf(
        Requires("person.hukou_division", among="skill_upgrade.region"),
        Requires("person.registered_unemployed", equals=True),
    ),
)
STATUS = Condition(
    "skill_upgrade.status",
    zh="机关事业单位在编 {civil_service}，全日制在校学生 {student}，"
    "已领取养老金 {pensioner}（均须为否）",
    en="On a public establishment {civil_service}, full-time student "
    "{student}, drawing a pension {pensioner} (each must be no)",
    facts=(
        "person.civil_service_establishment",
        "person.full_time_student",
        "person.drawing_pension",
    ),
    sources=_MEASURE,
    remedy=Unremediable(
        "机关事业单位在编人员、全日制在校学生和已领取养老金人员不在补贴范围内"
        "（在编 {civil_service}，在校 {student}，领取养老金 {pensioner}）",
        "the measure leaves out people on a public establishment, full-time "
        "students and people drawing a pension (establishment {civil_service}, "
        "student {student}, pension {pensioner})",
    ),
)
AGE = Condition(
    "skill_upgrade.age",
    zh="申领之日 {on} 年满 {age} 周岁（{sex}），须在 {minimum} 至 {maximum} 周岁之间",
    en="On the claim day {on} the person is {age} in full years ({sex}); "
    "the age must be from {minimum} to {maximum}",
    facts=("person.id", "claimed_on"),
    parameters=(
        "skill_upgrade.min_age",
        "skill_upgrade.max_age_men",
        "skill_upgrade.max_age_women",
    ),
    read_on=_ON_CLAIM_DAY,
    # Too young: a later claim day reaches the minimum age; too old: no day does.
    remedy=Elapses("claimed_on"),
)
CERTIFICATE_KIND = Condition(
    "skill_upgrade.certificate_kind",
    zh="证书类型为{kind}，属于补贴范围：{allowed}",
    en="The certificate is a {kind}; a kind the subsidy pays for: {allowed}",
    facts=("certificate.kind",),
    parameters=("skill_upgrade.certificate_kinds",),
    read_on=_ON_CLAIM_DAY,
    remedy=Requires("certificate.kind", among="skill_upgrade.certificate_kinds"),
)
ISSUER = Condition(
    "skill_upgrade.issuer",
    zh="证书发证方式为{issuer}，不属于不予补贴的发证方式：{allowed}",
    en="The certificate was issued by {issuer}; not an excluded issuer: {allowed}",
    facts=("certificate.issuer_kind",),
    parameters=("skill_upgrade.excluded_issuers",),
    read_on=_ON_CLAIM_DAY,
    remedy=Requires(
        "certificate.issuer_kind", outside="skill_upgrade.excluded_issuers"
    ),
)
CLAIM_WINDOW = Condition(
    "skill_upgrade.claim_window",
    zh="证书 {issued} 取得，须在 {deadline} 前（含）申领；申领日 {on}",
    en="The certificate was issued on {issued}; the claim must be made by "
    "{deadline}; it is made on {on}",
    facts=("certificate.issued_on", "claimed_on"),
    parameters=("skill_upgrade.claim_window_months",),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "{issued} 取得的证书的申领期限已于 {deadline} 届满，早于申领日 {on}",
        "the window for claiming a certificate issued on {issued} closed on "
        "{deadline}, before the claim day {on}",
    ),
)
HIGHER_LEVEL = Condition(
    "skill_upgrade.higher_level",
    zh="同一职业 {occupation} 已享受高于{level}的职业技能提升补贴：{paid}",
    en="A skill-upgrade subsidy for {occupation} above {level} was already "
    "claimed: {paid}",
    facts=(*_CERTIFICATE, "history"),
    sources=_MEASURE,
    remedy=Unremediable(
        "同一职业 {occupation} 已享受过高于{level}的职业技能提升补贴，"
        "此前的申领不能撤销",
        "a skill-upgrade subsidy for {occupation} at a level above {level} was "
        "already claimed, and an earlier claim cannot be undone",
    ),
)
RATE = Condition(
    "skill_upgrade.rate",
    zh="补贴标准目录：{occupation} {level} 每证 {rate} 元",
    en="Catalogue rate for {occupation} at {level}: {rate} yuan per certificate",
    facts=_CERTIFICATE,
    parameters=("skill_upgrade.catalogue",),
    read_on=_ON_CLAIM_DAY,
)
CITY_RANGE = Condition(
    "skill_upgrade.city_range",
    zh="目录标准 {rate} 元，须在本市标准 {minimum} 至 {maximum} 元之间",
    en="The catalogue rate of {rate} yuan must lie within the city's range "
    "of {minimum} to {maximum} yuan",
    facts=_CERTIFICATE,
    parameters=("skill_upgrade.city_rate_min", "skill_upgrade.city_rate_max"),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "目录标准 {rate} 元不在本市标准 {minimum} 至 {maximum} 元之间："
        "目录与办法的冲突须由区里解决",
        "the catalogue rate of {rate} yuan lies outside the city's range of "
        "{minimum} to {maximum} yuan: a conflict between the catalogue and the "
        "measure for the district to resolve",
    ),
)
UPLIFT = Condition(
    "skill_upgrade.uplift",
    zh="紧缺职业上浮：证书等级{level}（{min_level}及以上可上浮），"
    "紧缺职业 {shortage}，上浮比例 {uplift}",
    en="Shortage uplift: the certificate is at {level} ({min_level} and above "
    "qualify), shortage occupation {shortage}, uplift {uplift}",
    facts=("certificate.level", "shortage_occupation"),
    parameters=("skill_upgrade.uplift_min_level", "skill_upgrade.shortage_uplift"),
    read_on=_ON_CLAIM_DAY,
)
AMOUNT = Condition(
    "skill_upgrade.amount",
    zh="补贴金额：{rate} 元 ×（1 + {uplift}）= {amount} 元（按 {quantum} 元{mode}）",
    en="Amount: {rate} yuan × (1 + {uplift}) = {amount} yuan "
    "(rounded to {quantum} yuan, {mode})",
    facts=(*_CERTIFICATE, "shortage_occupation"),
    parameters=("skill_upgrade.rounding",),
    read_on=_ON_CLAIM_DAY,
)

_ZERO = Decimal(0)
_ONE = Decimal(1)
_UPGRADE_KINDS = frozenset({SubsidyKind.SKILL_UPGRADE})


def _unknown(names: tuple[str, ...], values: tuple[object, ...]) -> tuple[str, ...]:
    """The *names* whose *values* are not known."""
    return tuple(n for n, v in zip(names, values, strict=True) if v is None)


def _any(flags: tuple[bool | None, ...]) -> bool | None:
    """Whether any flag is true (``None``: none is, but some are not known)."""
    return True if any(flags) else None if None in flags else False


def _check_person(judge: Judge, person: Person, claimed: date) -> None:
    record = judge.record
    region = judge.value(RESIDENCE, day=claimed)
    facts = (person.hukou_division, person.insurance, person.registered_unemployed)
    # Without the region it is unknown which facts decide: name every unknown one.
    seen = (
        (None, None, None)
        if region is None
        else (
            person.hukou_in(region),
            person.insured_in(region, on=claimed),
            person.registered_unemployed,
        )
    )
    record(
        RESIDENCE,
        _any(seen),
        (
            ("region", region),
            *zip(("hukou", "insured", "unemployed"), seen, strict=True),
        ),
        facts if region is None else seen,
        day=claimed,
    )

    statuses = (
        person.civil_service_establishment,
        person.full_time_student,
        person.drawing_pension,
    )
    on_any = _any(statuses)
    record(
        STATUS,
        None if on_any is None else not on_any,
        tuple(zip(("civil_service", "student", "pensioner"), statuses, strict=True)),
        statuses,
    )

    ages: tuple[int | None, ...] = judge.values(AGE, day=claimed)
    minimum, men, women = ages
    sex = person.sex
    male = sex is Sex.MALE
    maximum = men if male else women
    # The finding rests on the minimum and the maximum for the person's sex.
    lowest, oldest_men, oldest_women = AGE.parameters
    age = person.age_on(claimed)
    record(
        AGE.only(lowest, oldest_men if male else oldest_women),
        None if minimum is None or maximum is None else minimum <= age <= maximum,
        (
            ("on", claimed),
            ("age", age),
            ("sex", sex),
            ("minimum", minimum),
            ("maximum", maximum),
        ),
        day=claimed,
    )


def _check_certificate(
    judge: Judge,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    claimed: date,
) -> None:
    record = judge.record
    kinds = judge.value(CERTIFICATE_KIND, day=claimed)
    kind = certificate.kind
    allowed = None if kinds is None else kind in kinds
    record(
        CERTIFICATE_KIND, allowed, (("kind", kind), ("allowed", allowed)), day=claimed
    )

    excluded = judge.value(ISSUER, day=claimed)
    issuer = certificate.issuer_kind
    allowed = None if excluded is None else issuer not in excluded
    record(ISSUER, allowed, (("issuer", issuer), ("allowed", allowed)), day=claimed)

    window: int | None = judge.value(CLAIM_WINDOW, day=claimed)
    issued = certificate.issued_on
    deadline = None if window is None else add_months(issued, window)
    record(
        CLAIM_WINDOW,
        None if deadline is None else issued <= claimed <= deadline,
        (("issued", issued), ("deadline", deadline), ("on", claimed)),
        day=claimed,
    )

    occupation, level = certificate.occupation, certificate.level
    paid, unknown = earlier_claim(
        history, _UPGRADE_KINDS, occupation, level, matches=gt
    )
    record(
        HIGHER_LEVEL,
        None if paid is None else not paid,
        (("occupation", occupation), ("level", level), ("paid", paid)),
        missing=None
        if paid is not None
        else (*_unknown(_CERTIFICATE, (occupation, level)), *unknown),
    )


def _rate(
    judge: Judge, certificate: Certificate, claimed: date
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the catalogue rate; return it, or ``None`` and what it lacks."""
    occupation, level = certificate.occupation, certificate.level
    catalogue = judge.value(RATE, day=claimed)
    lacking = _unknown(_CERTIFICATE, (occupation, level))
    row = None if lacking or catalogue is None else catalogue.get(occupation)
    rate: Decimal | None = None if row is None else row.get(level)
    values = (("occupation", occupation), ("level", level), ("rate", rate))
    if rate is not None:
        judge.record(RATE, True, values, day=claimed)
        return rate, ()
    if catalogue is not None and not lacking:
        # In force without the row for this occupation and level: name it.
        lacking = RATE.parameters
    judge.record(RATE, None, values, day=claimed, missing=lacking)
    return None, (*lacking, *_unknown(RATE.parameters, (catalogue,)))


def _uplift(
    judge: Judge, level: SkillLevel | None, shortage: bool | None, claimed: date
) -> tuple[Decimal | None, tuple[str, ...]]:
    """Record the shortage uplift; return it, or ``None`` and what it lacks."""
    min_level: SkillLevel | None
    figure: Decimal | None
    min_level, figure = judge.values(UPLIFT, day=claimed)
    uplift: Decimal | None = _ZERO
    facts: tuple[object, ...] = ()
    # The uplift figure is read only where it may apply: for a possible shortage.
    reads = UPLIFT.only(*UPLIFT.parameters[:1])
    if (
        min_level is None
        or level is None
        or (level >= min_level and shortage is not False)
    ):
        known = min_level is not None and level is not None
        uplift = figure if shortage and known else None
        facts = (level, shortage)
        reads = UPLIFT if shortage is not False else reads
    judge.record(
        reads,
        None if uplift is None else True,
        (
            ("level", level),
            ("min_level", min_level),
            ("shortage", shortage),
            ("uplift", uplift),
        ),
        facts,
        day=claimed,
    )
    if uplift is not None:
        return uplift, ()
    return None, (
        *_unknown(UPLIFT.facts, facts),
        *_unknown(reads.parameters, (min_level, figure)[: len(reads.parameters)]),
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
    _check_person(judge, person, claimed)
    _check_certificate(judge, certificate, history, claimed)
    rate, rate_lacking = _rate(judge, certificate, claimed)
    low, high = judge.values(CITY_RANGE, day=claimed)
    judge.record(
        CITY_RANGE,
        None if rate is None or low is None or high is None else low <= rate <= high,
        (("rate", rate), ("minimum", low), ("maximum", high)),
        day=claimed,
        missing=rate_lacking,
    )
    uplift, uplift_lacking = _uplift(
        judge, certificate.level, shortage_occupation, claimed
    )
    if rate is None or uplift is None:
        judge.record(
            AMOUNT,
            None,
            (("rate", rate), ("uplift", uplift), ("amount", None)),
            day=claimed,
            missing=tuple(dict.fromkeys((*rate_lacking, *uplift_lacking))),
        )
        return None
    return judge.rounded(
        AMOUNT,
        rate * (_ONE + uplift),
        (("rate", rate), ("uplift", uplift)),
        day=claimed,
    )


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

    *history* is the person's earlier claims (kind ``SKILL_UPGRADE`` ones matter).
    *claimed_on* is the day the claim was made (default: *on*, a claim decided the
    day it is made): the window, the person's age and insurance, and every figure
    are that day's, so a claim decided later keeps them.  *shortage_occupation*
    says whether the certificate's occupation is marked short for the claim
    (``None`` when not known).

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
        >>> decision.outcome.value  # born 1949: too old, whatever else is unknown
        'ineligible'
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


SKILL_UPGRADE_RULE: Rule = register(
    Rule(
        id="skill_upgrade",
        version="2026.2",
        title_zh="职业技能提升补贴（广东省2023—2025年，深圳市标准）",
        title_en="Skill-upgrade subsidy (Guangdong 2023–2025, Shenzhen's figures)",
        function=skill_upgrade_subsidy,
        sources=(*_MEASURE, RuleSource("sz-2023-8")),
        conditions=(
            RESIDENCE,
            STATUS,
            AGE,
            CERTIFICATE_KIND,
            ISSUER,
            CLAIM_WINDOW,
            HIGHER_LEVEL,
            RATE,
            CITY_RANGE,
            UPLIFT,
            AMOUNT,
        ),
    )
)
"""The registered skill-upgrade subsidy rule."""
