"""Rules: lifelong vocational training carriers and their award rounds.

《深圳市终身职业技能培训载体认定和奖补管理办法》 (深人社规〔2022〕13号, 深圳市人社局,
2022-11-28; seen through reposts) recognises three carrier types: high-skill
training bases (高技能人才培训基地), skill master studios (技能大师工作室) and
rural-revitalisation skill workstations (乡村振兴技能工作站), and rewards them in
yearly rounds.

* :func:`carrier_recognition` (rule ``carriers.recognition``): does a carrier meet
  the recognition criteria?  The measure's criteria are not known, so the
  thresholds (a base's and a workstation's yearly trainees, a studio leader's skill
  level) are district-supplied: until supplied, the decision is undetermined and
  names the parameter.  The measure names enterprises, universities, 职业院校 and
  private training institutions as hosts; whether that list is exhaustive is not
  known (the earlier scheme also admitted public training bases), so a host of
  another kind is undetermined, not refused, and an industry association is
  accepted only as an inference (``unverified``).  That a rural workstation brings
  training to partner regions (对口帮扶 / 协作地区) is the practice, recorded as
  advice.
* :func:`carrier_award` and :func:`allocate_carrier_awards` (rule
  ``carriers.award``): is an application in an award round eligible, what does it
  pay, and is it among the item's winners?  The 2023 round's figures (200 000 yuan
  per "best ten" winner; 50 % of a quality-and-capacity project's investment,
  capped at 1 000 000 yuan; 10 winners per item) are dated to that round only,
  because whether the measure fixes them or each round sets them is not known (the
  2025 round's report names the same items but no amounts).  Round figures are
  resolved on 1 January of the application's round year.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from skillchain._checks import fail, tuple_of
from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import (
    Decision,
    FactValue,
    Message,
    Outcome,
    register_messages,
)
from skillchain._levels import SkillLevel
from skillchain._sources import Citation
from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierHostKind,
    CarrierType,
    LifelongTrainingCarrier,
)
from skillchain.policy import CarrierParameters, Policy, Resolved
from skillchain.rules._allocation import canonical, distinct
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = [
    "CARRIER_AWARD_RULE",
    "CARRIER_RECOGNITION_RULE",
    "CarrierAwardAllocation",
    "allocate_carrier_awards",
    "carrier_award",
    "carrier_recognition",
    "check_carrier_award",
    "check_recognition",
]

_MEASURE = "sz-2022-13"
_EARLIER = "sz-2016-15"
_ROUND = "sz-2023-carrier-award-round"
_ROUND_2025 = "sz-2025-carrier-award-round"

_R_TYPE = "carriers.recognition.type"
_R_HOST = "carriers.recognition.host"
_R_BASE = "carriers.recognition.base_volume"
_R_STUDIO = "carriers.recognition.studio_leader"
_R_STATION = "carriers.recognition.station_volume"
_R_PARTNERS = "carriers.recognition.partner_regions"

_A_ITEM = "carriers.award.item"
_A_RECOGNISED = "carriers.award.recognised"
_A_BASE = "carriers.award.base_volume"
_A_STUDIO = "carriers.award.studio_apprentices"
_A_BEST_TEN = "carriers.award.best_ten_amount"
_A_CAPACITY = "carriers.award.capacity_amount"
_A_RANK = "carriers.award.rank"

register_messages(
    {
        _R_TYPE: Message(
            zh="载体类型为{carrier_type}，属于办法规定的载体类型：{listed}",
            en="The carrier is a {carrier_type}; a type the measure recognises: {listed}",
        ),
        _R_HOST: Message(
            zh="依托单位类型为{host_kind}，属于可设立载体的单位：{listed}",
            en="The host is a(n) {host_kind}; a kind that may host a carrier: {listed}",
        ),
        _R_BASE: Message(
            zh="高技能人才培训基地年培训 {trainees} 人次，认定下限 {minimum} 人次",
            en="The high-skill training base trains {trainees} a year; recognition "
            "needs at least {minimum}",
        ),
        _R_STUDIO: Message(
            zh="技能大师工作室领办人技能等级为{leader_level}，认定最低等级为{minimum}",
            en="The master studio's leader is at {leader_level}; recognition needs "
            "at least {minimum}",
        ),
        _R_STATION: Message(
            zh="乡村振兴技能工作站年培训 {trainees} 人次，认定下限 {minimum} 人次",
            en="The rural workstation trains {trainees} a year; recognition needs at "
            "least {minimum}",
        ),
        _R_PARTNERS: Message(
            zh="工作站在对口帮扶（协作）地区设有 {regions} 个站点（实践做法，仅作提示）",
            en="The workstation has {regions} site(s) in partner (对口帮扶 / 协作) "
            "regions (the practice, advisory only)",
        ),
        _A_ITEM: Message(
            zh="{year}年度{category}：{carrier_type}可以申报：{allowed}",
            en="{year} round, {category}: a {carrier_type} may apply: {allowed}",
        ),
        _A_RECOGNISED: Message(
            zh="载体认定日期 {recognised_on}，须早于 {before}",
            en="The carrier was recognised on {recognised_on}; it must have been "
            "recognised before {before}",
        ),
        _A_BASE: Message(
            zh="依托单位为{host_kind}的基地上一年度培训 {trainees} 人次，须不少于 {minimum} 人次",
            en="The base (host: {host_kind}) trained {trainees} in the year before the "
            "round; at least {minimum} are needed",
        ),
        _A_STUDIO: Message(
            zh="技能大师工作室带徒 {apprentices} 人，须超过 {above} 人",
            en="The master studio taught {apprentices} apprentices; more than {above} "
            "are needed",
        ),
        _A_BEST_TEN: Message(
            zh="“十佳”项目奖补 {award} 元（按 {quantum} 元{mode}）：{amount} 元",
            en="'Best ten' award {award} yuan (rounded to {quantum} yuan, {mode}): "
            "{amount} yuan",
        ),
        _A_CAPACITY: Message(
            zh="提质扩容项目：总投入 {investment} 元 × {share}，最高 {cap} 元"
            "（按 {quantum} 元{mode}）= {amount} 元",
            en="Quality-and-capacity project: total investment {investment} yuan × "
            "{share}, at most {cap} yuan (rounded to {quantum} yuan, {mode}) = "
            "{amount} yuan",
        ),
        _A_RANK: Message(
            zh="{year}年度{category}评审得分 {score}，在符合条件的申报中排第 {position} 位，"
            "每项最多 {limit} 个",
            en="{year} round, {category}: review score {score}, position {position} "
            "among the eligible applications; at most {limit} winners per item",
        ),
    }
)


# --- recognition ------------------------------------------------------------------


def check_recognition(
    judge: Judge,
    carrier: LifelongTrainingCarrier,
    annual_trainees: int | None = None,
    leader_level: SkillLevel | None = None,
) -> None:
    """Record the recognition conditions for *carrier* on *judge*.

    The findings follow the order of :data:`CARRIER_RECOGNITION_RULE`'s conditions; only the
    criteria of the carrier's own type are recorded.
    """
    params = judge.params.carriers
    measure = (judge.policy.citation(_MEASURE),)

    types_param = params.carrier_types
    types = judge.use(types_param)
    kind = carrier.carrier_type
    if types is None:
        judge.missing(
            _R_TYPE, (types_param.name,), (("carrier_type", kind), ("listed", None))
        )
    else:
        listed = kind in types
        judge.check(
            _R_TYPE,
            listed,
            (("carrier_type", kind), ("listed", listed)),
            citations_of(types_param),
        )

    _check_host(judge, carrier.host_kind, params)

    if kind is CarrierType.HIGH_SKILL_TRAINING_BASE:
        param = params.base_min_annual_trainees
        _record_minimum(
            judge,
            _R_BASE,
            ("trainees", annual_trainees, "annual_trainees"),
            ("minimum", judge.use(param), param.name),
            citations_of(param),
        )
    elif kind is CarrierType.MASTER_STUDIO:
        level_param = params.studio_leader_min_level
        _record_minimum(
            judge,
            _R_STUDIO,
            ("leader_level", leader_level, "leader_level"),
            ("minimum", judge.use(level_param), level_param.name),
            citations_of(level_param),
        )
    else:
        station_param = params.workstation_min_annual_trainees
        _record_minimum(
            judge,
            _R_STATION,
            ("trainees", annual_trainees, "annual_trainees"),
            ("minimum", judge.use(station_param), station_param.name),
            citations_of(station_param),
        )
        # Practice, not a criterion found in the measure: a station that brings
        # training to a partner region; advisory (a station may work in Shenzhen).
        regions = len(carrier.partner_regions)
        judge.advise(_R_PARTNERS, regions > 0, (("regions", regions),), measure)


def _check_host(
    judge: Judge, host: CarrierHostKind | None, params: CarrierParameters
) -> None:
    """Record whether *host* is a kind that may host a carrier.

    The measure names four kinds (``carriers.host_kinds``); an industry association
    is an inference (``carriers.inferred_host_kinds``, unverified); other kinds are
    for the district to accept (``carriers.other_host_kinds``).  Whether the
    measure's list is exhaustive is not known, so a host of no listed kind is
    undetermined until the district supplies its own list; only then is it refused.
    Only the list that holds the host is read (the finding rests on it alone).
    """
    lists = (params.host_kinds, params.inferred_host_kinds, params.other_host_kinds)
    if host is None:
        judge.missing(
            _R_HOST,
            ("carrier.host_kind", *(p.name for p in lists if p.value is None)),
            (("host_kind", None), ("listed", None)),
        )
        return
    holding = next((p for p in lists if p.value is not None and host in p.value), None)
    if holding is not None:
        judge.use(holding)
        judge.check(
            _R_HOST,
            True,
            (("host_kind", host), ("listed", True)),
            citations_of(holding),
        )
        return
    unknown = tuple(p.name for p in lists if p.value is None)
    measure = (judge.policy.citation(_MEASURE), judge.policy.citation(_EARLIER))
    if unknown:
        judge.missing(
            _R_HOST, unknown, (("host_kind", host), ("listed", None)), measure
        )
        return
    for param in lists:
        judge.use(param)
    judge.check(
        _R_HOST,
        False,
        (("host_kind", host), ("listed", False)),
        citations_of(*lists),
    )


def _record_minimum(
    judge: Judge,
    check: str,
    measured: tuple[str, int | SkillLevel | None, str],
    minimum: tuple[str, int | SkillLevel | None, str],
    cites: tuple[Citation, ...],
) -> None:
    """Record ``measured >= minimum`` (undecided when either is unknown)."""
    key, value, fact_name = measured
    min_key, limit, param_name = minimum
    values: tuple[tuple[str, FactValue], ...] = ((key, value), (min_key, limit))
    if (isinstance(value, SkillLevel) and isinstance(limit, SkillLevel)) or (
        isinstance(value, int) and isinstance(limit, int)
    ):
        judge.check(check, value >= limit, values, cites)  # type: ignore[operator]
    else:
        unknown = tuple(
            name
            for name, known in ((fact_name, value), (param_name, limit))
            if known is None
        )
        judge.missing(check, unknown, values, cites)


@in_library_context
def carrier_recognition(
    carrier: LifelongTrainingCarrier,
    *,
    on: date,
    annual_trainees: int | None = None,
    leader_level: SkillLevel | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *carrier* meets the recognition criteria in force on *on*.

    *annual_trainees* is the people the base or workstation trains a year
    (``None`` if not known); *leader_level* the skill level of a master studio's
    leader.  Checked: the carrier's type is one the measure recognises; its host is
    a kind that may host one (named in the measure, inferred, or accepted by the
    district; a host of no listed kind is undetermined until the district supplies
    ``carriers.other_host_kinds``); the criterion of its type (a base's or
    workstation's yearly trainees, a studio leader's level), each a
    district-supplied threshold; and, as advice only, for a rural workstation, a
    site in a partner region.

    With the bundled policy the thresholds have no value, so a decision is at best
    undetermined and names the threshold to supply.  Before 2022-11-28 (the
    measure's date) no carrier type is in force.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode
        >>> from skillchain.model import (CarrierHostKind, CarrierType,
        ...     LifelongTrainingCarrier)
        >>> from skillchain.rules import carrier_recognition
        >>> base = LifelongTrainingCarrier(
        ...     carrier_type=CarrierType.HIGH_SKILL_TRAINING_BASE, name="某培训基地",
        ...     host=CreditCode("91350100M000100Y43"), host_name="某公司",
        ...     host_kind=CarrierHostKind.ENTERPRISE)
        >>> decision = carrier_recognition(base, annual_trainees=800,
        ...     on=date(2024, 3, 1))
        >>> decision.outcome, decision.missing
        (<Outcome.UNDETERMINED: 'undetermined'>, ('carriers.base_min_annual_trainees',))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_recognition(judge, carrier, annual_trainees, leader_level)
    return judge.decide(CARRIER_RECOGNITION_RULE)


# --- awards -----------------------------------------------------------------------


def _round(judge: Judge, year: int) -> CarrierParameters:
    """The round figures of *year*: the policy resolved on 1 January of that year."""
    return judge.policy.at(date(year, 1, 1)).carriers


def _check_item(
    judge: Judge, application: CarrierAwardApplication, params: CarrierParameters
) -> None:
    carrier = application.carrier
    category = application.category
    param = (
        params.best_ten_carrier_types
        if category.is_best_ten
        else params.capacity_carrier_types
    )
    types = judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("year", application.year),
        ("category", category),
        ("carrier_type", carrier.carrier_type),
    )
    if types is None:
        judge.missing(_A_ITEM, (param.name,), (*values, ("allowed", None)))
        return
    allowed = carrier.carrier_type in types
    judge.check(_A_ITEM, allowed, (*values, ("allowed", allowed)), citations_of(param))


def _check_recognised(
    judge: Judge, application: CarrierAwardApplication, params: CarrierParameters
) -> None:
    param = params.recognition_lead_months
    lead = judge.use(param)
    recognised = application.carrier.recognised_on
    before = None if lead is None else add_months(date(application.year, 1, 1), -lead)
    values: tuple[tuple[str, FactValue], ...] = (
        ("recognised_on", recognised),
        ("before", before),
    )
    if recognised is None or before is None:
        unknown = tuple(
            name
            for name, known in (
                ("application.carrier.recognised_on", recognised),
                (param.name, before),
            )
            if known is None
        )
        judge.missing(_A_RECOGNISED, unknown, values, citations_of(param))
        return
    judge.check(_A_RECOGNISED, recognised < before, values, citations_of(param))


def _check_volume(
    judge: Judge, application: CarrierAwardApplication, params: CarrierParameters
) -> None:
    carrier = application.carrier
    if carrier.carrier_type is CarrierType.MASTER_STUDIO:
        above_param = params.studio_apprentices_above
        above = judge.use(above_param)
        taught = application.apprentices_taught
        values: tuple[tuple[str, FactValue], ...] = (
            ("apprentices", taught),
            ("above", above),
        )
        if taught is None or above is None:
            unknown = tuple(
                name
                for name, known in (
                    ("application.apprentices_taught", taught),
                    (above_param.name, above),
                )
                if known is None
            )
            judge.missing(_A_STUDIO, unknown, values, citations_of(above_param))
            return
        judge.check(_A_STUDIO, taught > above, values, citations_of(above_param))
        return
    if carrier.carrier_type is not CarrierType.HIGH_SKILL_TRAINING_BASE:
        return
    host = carrier.host_kind
    trainees = application.annual_trainees
    pairs = (
        (params.institution_hosts, params.min_trainees_institution),
        (params.enterprise_hosts, params.min_trainees_enterprise),
    )
    # The figure that applies is the one of the host list holding the host; only
    # that list and its figure are read (they are what the finding rests on).
    chosen = next(
        (
            pair
            for pair in pairs
            if host is not None and pair[0].value is not None and host in pair[0].value
        ),
        None,
    )
    lacking: list[str] = []
    minimum: int | None = None
    cites: tuple[Citation, ...] = ()
    if chosen is not None:
        hosts_param, minimum_param = chosen
        judge.use(hosts_param)
        minimum = judge.use(minimum_param)
        cites = citations_of(hosts_param, minimum_param)
        if minimum is None:
            lacking.append(minimum_param.name)
    elif host is None:
        lacking.append("application.carrier.host_kind")
        lacking.extend(p.name for pair in pairs for p in pair if p.value is None)
    elif any(hosts.value is None for hosts, _ in pairs):
        # A list not in force might hold the host: name it and its figure.
        lacking.extend(
            p.name
            for hosts, figure in pairs
            if hosts.value is None
            for p in (hosts, figure)
            if p.value is None
        )
    else:
        # The round sets no figure for this kind of host (e.g. a public training
        # base): the district must place the host kind in one of the two lists.
        lacking.extend(hosts.name for hosts, _ in pairs)
    values = (("host_kind", host), ("trainees", trainees), ("minimum", minimum))
    if trainees is None:
        lacking.append("application.annual_trainees")
    if lacking or trainees is None or minimum is None:
        judge.missing(_A_BASE, tuple(lacking), values, cites)
        return
    judge.check(_A_BASE, trainees >= minimum, values, cites)


def _unset(param: Resolved[object]) -> tuple[str, ...]:
    """The parameter's name if it has no value in force (it would be read too)."""
    return () if param.value is not None else (param.name,)


def _award_amount(
    judge: Judge, application: CarrierAwardApplication, params: CarrierParameters
) -> Decimal | None:
    if application.category.is_best_ten:
        award_param = params.best_ten_amount
        award = judge.use(award_param)
        if award is None:
            judge.missing(
                _A_BEST_TEN,
                (award_param.name, *_unset(params.rounding)),
                (("award", None), ("quantum", None), ("mode", None), ("amount", None)),
            )
            return None
        return judge.amount(_A_BEST_TEN, params.rounding, award, (("award", award),))
    share_param, cap_param = params.capacity_share, params.capacity_cap
    share, cap = judge.use(share_param), judge.use(cap_param)
    investment = application.total_investment
    values: tuple[tuple[str, FactValue], ...] = (
        ("investment", investment),
        ("share", share),
        ("cap", cap),
    )
    if investment is None or share is None or cap is None:
        unknown = tuple(
            name
            for name, known in (
                ("application.total_investment", investment),
                (share_param.name, share),
                (cap_param.name, cap),
            )
            if known is None
        )
        judge.missing(
            _A_CAPACITY,
            (*unknown, *_unset(params.rounding)),
            (*values, ("quantum", None), ("mode", None), ("amount", None)),
            citations_of(share_param, cap_param),
        )
        return None
    return judge.amount(
        _A_CAPACITY, params.rounding, min(investment * share, cap), values
    )


def check_carrier_award(
    judge: Judge, application: CarrierAwardApplication
) -> Decimal | None:
    """Record the award conditions and amount of *application* on *judge*.

    The round figures are those in force on 1 January of ``application.year``.
    Returns the (rounded) amount when every figure it needs is known, else ``None``;
    whether it is payable follows from the judge's outcome, and whether the
    application is among the item's winners from :func:`allocate_carrier_awards`.
    """
    params = _round(judge, application.year)
    _check_item(judge, application, params)
    _check_recognised(judge, application, params)
    _check_volume(judge, application, params)
    return _award_amount(judge, application, params)


def _rank_key(
    application: CarrierAwardApplication,
) -> tuple[int, str, bool, Decimal, str, str, str]:
    """Year, item, score (highest first, unscored last), host, name, content."""
    score = application.review_score
    return (
        application.year,
        application.category.value,
        score is None,
        -(score if score is not None else Decimal(0)),
        str(application.carrier.host),
        application.carrier.name,
        canonical(application),
    )


@attrs.frozen(kw_only=True)
class CarrierAwardAllocation:
    """The outcome of an award round: each application's decision, in rank order.

    Each application gets its own :class:`~skillchain.Decision` under rule
    ``carriers.award``: *eligible* — a winner of its item, with the amount;
    *ineligible* — a condition failed, or it ranked below the item's limit;
    *undetermined* — a fact or figure is missing (an application that is
    undetermined on its conditions takes no place: supply the missing facts and
    allocate again).
    """

    ranked: tuple[CarrierAwardApplication, ...] = attrs.field(
        validator=tuple_of(CarrierAwardApplication)
    )
    """Every application: by year, item, review score (highest first, unscored
    last), then host credit code, carrier name and the rest of the record."""
    decisions: tuple[Decision, ...] = attrs.field(validator=tuple_of(Decision))
    """The decision for each application, aligned with :attr:`ranked`."""

    def __attrs_post_init__(self) -> None:
        """Check that there is one decision per ranked application."""
        if len(self.decisions) != len(self.ranked):
            fail(
                self,
                "decisions",
                f"got {len(self.decisions)} decisions for {len(self.ranked)} "
                "applications",
                "one decision per ranked application, in the same order",
            )

    @property
    def winners(self) -> tuple[CarrierAwardApplication, ...]:
        """The applications awarded, in rank order."""
        return tuple(
            app
            for app, decision in zip(self.ranked, self.decisions, strict=True)
            if decision.outcome is Outcome.ELIGIBLE
        )

    def decision_for(self, application: CarrierAwardApplication) -> Decision:
        """The decision for *application*.

        Raises:
            KeyError: *application* was not part of the allocation.
        """
        for app, decision in zip(self.ranked, self.decisions, strict=True):
            if app == application:
                return decision
        raise KeyError("the application was not part of this allocation")


@in_library_context
def allocate_carrier_awards(
    applications: Iterable[CarrierAwardApplication],
    *,
    on: date,
    policy: Policy | None = None,
) -> CarrierAwardAllocation:
    """Decide every application of one or more award rounds, winners included.

    Each application's conditions and amount are judged (:func:`check_carrier_award`).
    Then, per round year and item, the applications that meet every condition and
    have a review score are ranked by score, highest first (ties by the host's
    credit code, then the carrier's name, then the rest of the record, so the result
    never depends on the order of *applications*); the first ``winners_per_item``
    win.  An item never has more winners than that.  Applications without a review
    score are undetermined and take no place.  The documents say the city picks the
    best 10 of each item by review (择优) but publish no scoring rule: the score is
    a fact the caller supplies.

    Raises:
        InvalidValueError: An item is not a :class:`CarrierAwardApplication`, or
            the same application appears twice.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import CreditCode
        >>> from skillchain.model import (CarrierAwardApplication,
        ...     CarrierAwardCategory, CarrierHostKind, CarrierType,
        ...     LifelongTrainingCarrier)
        >>> from skillchain.rules import allocate_carrier_awards
        >>> base = LifelongTrainingCarrier(
        ...     carrier_type=CarrierType.HIGH_SKILL_TRAINING_BASE, name="某培训基地",
        ...     host=CreditCode("91350100M000100Y43"), host_name="某公司",
        ...     host_kind=CarrierHostKind.ENTERPRISE, recognised_on=date(2021, 6, 1))
        >>> application = CarrierAwardApplication(carrier=base,
        ...     category=CarrierAwardCategory.QUALITY_CAPACITY, year=2023,
        ...     total_investment=Decimal("1600000"), annual_trainees=250,
        ...     review_score=Decimal("88"))
        >>> allocation = allocate_carrier_awards([application], on=date(2023, 11, 1))
        >>> allocation.decisions[0].outcome, allocation.decisions[0].amount
        (<Outcome.ELIGIBLE: 'eligible'>, Decimal('800000.00'))
    """
    chosen = policy if policy is not None else Policy.default()
    ranked = sorted(distinct(applications, CarrierAwardApplication), key=_rank_key)
    judges: list[Judge] = []
    amounts: list[Decimal | None] = []
    for application in ranked:
        judge = Judge(chosen, on)
        amounts.append(check_carrier_award(judge, application))
        judges.append(judge)
    positions: dict[tuple[int, CarrierAwardCategory], int] = {}
    for application, judge in zip(ranked, judges, strict=True):
        if judge.failed:
            continue
        limit_param = _round(judge, application.year).winners_per_item
        score = application.review_score
        if judge.undecided and score is not None and limit_param.value is not None:
            # Its place waits for its own missing facts, named by its findings.
            continue
        limit = judge.use(limit_param)
        values: tuple[tuple[str, FactValue], ...] = (
            ("year", application.year),
            ("category", application.category),
            ("score", score),
        )
        cites = citations_of(limit_param)
        if score is None or limit is None:
            unknown = tuple(
                name
                for name, known in (
                    ("application.review_score", score),
                    (limit_param.name, limit),
                )
                if known is None
            )
            judge.missing(
                _A_RANK, unknown, (*values, ("position", None), ("limit", limit)), cites
            )
            continue
        key = (application.year, application.category)
        position = positions.get(key, 0) + 1
        positions[key] = position
        judge.check(
            _A_RANK,
            position <= limit,
            (*values, ("position", position), ("limit", limit)),
            cites,
        )
    decisions = tuple(
        judge.decide(CARRIER_AWARD_RULE, amount)
        for judge, amount in zip(judges, amounts, strict=True)
    )
    return CarrierAwardAllocation(ranked=tuple(ranked), decisions=decisions)


@in_library_context
def carrier_award(
    application: CarrierAwardApplication,
    applications: Iterable[CarrierAwardApplication] = (),
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide *application* in its award round, among *applications*.

    The decision :func:`allocate_carrier_awards` reaches for *application* (added
    to *applications* if it is not among them).  On its own (no other
    applications), an eligible, scored application ranks first of its item.

    Raises:
        InvalidValueError: As for :func:`allocate_carrier_awards`.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode
        >>> from skillchain.model import (CarrierAwardApplication,
        ...     CarrierAwardCategory, CarrierHostKind, CarrierType,
        ...     LifelongTrainingCarrier)
        >>> from skillchain.rules import carrier_award
        >>> studio = LifelongTrainingCarrier(
        ...     carrier_type=CarrierType.MASTER_STUDIO, name="某技能大师工作室",
        ...     host=CreditCode("91350100M000100Y43"), host_name="某公司",
        ...     recognised_on=date(2022, 5, 1))
        >>> application = CarrierAwardApplication(carrier=studio,
        ...     category=CarrierAwardCategory.INNOVATIVE_COURSE, year=2023,
        ...     apprentices_taught=8)
        >>> carrier_award(application, on=date(2023, 11, 1)).missing
        ('application.review_score',)
    """
    pool = tuple(applications)
    if application not in pool:
        pool = (*pool, application)
    return allocate_carrier_awards(pool, on=on, policy=policy).decision_for(application)


_RECOGNITION_PARAMS = (
    "carriers.carrier_types",
    "carriers.host_kinds",
    "carriers.inferred_host_kinds",
    "carriers.other_host_kinds",
    "carriers.base_min_annual_trainees",
    "carriers.studio_leader_min_level",
    "carriers.workstation_min_annual_trainees",
)

CARRIER_RECOGNITION_RULE: Rule = register(
    Rule(
        id="carriers.recognition",
        version="2026.1",
        title_zh="终身职业技能培训载体认定条件",
        title_en="Recognition of a lifelong vocational training carrier",
        function=carrier_recognition,
        sources=(RuleSource(_MEASURE),),
        parameters=_RECOGNITION_PARAMS,
        conditions=(
            Condition(_R_TYPE, parameters=("carriers.carrier_types",)),
            Condition(
                _R_HOST,
                parameters=(
                    "carriers.host_kinds",
                    "carriers.inferred_host_kinds",
                    "carriers.other_host_kinds",
                ),
                sources=(RuleSource(_MEASURE), RuleSource(_EARLIER)),
            ),
            Condition(_R_BASE, parameters=("carriers.base_min_annual_trainees",)),
            Condition(_R_STUDIO, parameters=("carriers.studio_leader_min_level",)),
            Condition(
                _R_STATION, parameters=("carriers.workstation_min_annual_trainees",)
            ),
            Condition(_R_PARTNERS, sources=(RuleSource(_MEASURE),), advisory=True),
        ),
    )
)
"""The registered carrier-recognition rule."""

_ROUND_DAY = ReadOn(
    "application.year",
    "the figures seen belong to one award round (the 2023 round's notice and report), "
    "so a round's figures are those in force on 1 January of its year, whatever day "
    "the application is judged",
)

CARRIER_AWARD_RULE: Rule = register(
    Rule(
        id="carriers.award",
        version="2026.1",
        title_zh="终身职业技能培训载体奖补",
        title_en="Lifelong training carrier awards",
        function=carrier_award,
        sources=(RuleSource(_MEASURE), RuleSource(_ROUND), RuleSource(_ROUND_2025)),
        parameters=(
            "carriers.best_ten_carrier_types",
            "carriers.capacity_carrier_types",
            "carriers.recognition_lead_months",
            "carriers.institution_hosts",
            "carriers.enterprise_hosts",
            "carriers.min_trainees_institution",
            "carriers.min_trainees_enterprise",
            "carriers.studio_apprentices_above",
            "carriers.best_ten_amount",
            "carriers.capacity_share",
            "carriers.capacity_cap",
            "carriers.rounding",
            "carriers.winners_per_item",
        ),
        conditions=(
            Condition(
                _A_ITEM,
                parameters=(
                    "carriers.best_ten_carrier_types",
                    "carriers.capacity_carrier_types",
                ),
                read_on=_ROUND_DAY,
            ),
            Condition(
                _A_RECOGNISED,
                parameters=("carriers.recognition_lead_months",),
                read_on=_ROUND_DAY,
            ),
            Condition(
                _A_BASE,
                parameters=(
                    "carriers.institution_hosts",
                    "carriers.enterprise_hosts",
                    "carriers.min_trainees_institution",
                    "carriers.min_trainees_enterprise",
                ),
                read_on=_ROUND_DAY,
            ),
            Condition(
                _A_STUDIO,
                parameters=("carriers.studio_apprentices_above",),
                read_on=_ROUND_DAY,
            ),
            Condition(
                _A_BEST_TEN,
                parameters=("carriers.best_ten_amount", "carriers.rounding"),
                read_on=_ROUND_DAY,
            ),
            Condition(
                _A_CAPACITY,
                parameters=(
                    "carriers.capacity_share",
                    "carriers.capacity_cap",
                    "carriers.rounding",
                ),
                read_on=_ROUND_DAY,
            ),
            Condition(
                _A_RANK,
                parameters=("carriers.winners_per_item",),
                read_on=_ROUND_DAY,
            ),
        ),
    )
)
"""The registered carrier-award rule (one decision per application)."""
