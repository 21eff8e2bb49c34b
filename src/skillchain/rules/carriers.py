"""Rules: lifelong vocational training carriers and their award rounds.

* :func:`carrier_recognition` (rule ``carriers.recognition``): does a carrier meet
  the recognition criteria?
* :func:`carrier_award` and :func:`allocate_carrier_awards` (rule
  ``carriers.award``): is an application in an award round eligible, what does it
  pay, and is it among the item's winners?
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from skillchain._checks import tuple_of
from skillchain._context import in_library_context
from skillchain._dates import add_months
from skillchain._decision import Decision, FactValue
from skillchain._levels import SkillLevel
from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierType,
    LifelongTrainingCarrier,
)
from skillchain.policy import Policy
from skillchain.rules._allocation import Allocation, rank
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Compares,
    Condition,
    ReadOn,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


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

_MEASURE = RuleSource("sz-2022-13")
_ROUND_DAY = ReadOn(
    "application.year",
    "the figures seen belong to one award round (the 2023 round's notice and report), "
    "so a round's figures are those in force on 1 January of its year, whatever day "
    "the application is judged",
)


# --- recognition ------------------------------------------------------------------

CARRIER_TYPE = Condition(
    "carriers.recognition.type",
    zh="载体类型为{carrier_type}，属于办法规定的载体类型：{listed}",
    en="The carrier is a {carrier_type}; a type the measure recognises: {listed}",
    parameters=("carriers.carrier_types",),
    remedy=Unremediable(
        "办法不认定{carrier_type}这一类型的载体",
        "the measure recognises no carrier of the type {carrier_type}",
    ),
)
CARRIER_HOST = Condition(
    "carriers.recognition.host",
    zh="依托单位类型为{host_kind}，属于可设立载体的单位：{listed}",
    en="The host is a(n) {host_kind}; a kind that may host a carrier: {listed}",
    facts=("carrier.host_kind",),
    parameters=(
        "carriers.host_kinds",
        "carriers.inferred_host_kinds",
        "carriers.other_host_kinds",
    ),
    sources=(_MEASURE, RuleSource("sz-2016-15")),
    remedy=Unremediable(
        "{host_kind}不属于可设立载体的单位类型，依托单位的类型不因申报而改变",
        "a(n) {host_kind} is not a kind of organisation that may host a carrier, "
        "and applying does not change what kind the host is",
    ),
)
BASE_VOLUME = Condition(
    "carriers.recognition.base_volume",
    zh="高技能人才培训基地年培训 {trainees} 人次，认定下限 {minimum} 人次",
    en="The high-skill training base trains {trainees} a year; recognition "
    "needs at least {minimum}",
    facts=("annual_trainees",),
    parameters=("carriers.base_min_annual_trainees",),
    remedy=Compares(
        "annual_trainees",
        value="trainees",
        comparator=">=",
        bound="minimum",
        parameter="carriers.base_min_annual_trainees",
    ),
)
STUDIO_LEADER = Condition(
    "carriers.recognition.studio_leader",
    zh="技能大师工作室领办人技能等级为{leader_level}，认定最低等级为{minimum}",
    en="The master studio's leader is at {leader_level}; recognition needs "
    "at least {minimum}",
    facts=("leader_level",),
    parameters=("carriers.studio_leader_min_level",),
    remedy=Compares(
        "leader_level",
        value="leader_level",
        comparator=">=",
        bound="minimum",
        parameter="carriers.studio_leader_min_level",
    ),
)
STATION_VOLUME = Condition(
    "carriers.recognition.station_volume",
    zh="乡村振兴技能工作站年培训 {trainees} 人次，认定下限 {minimum} 人次",
    en="The rural workstation trains {trainees} a year; recognition needs at "
    "least {minimum}",
    facts=("annual_trainees",),
    parameters=("carriers.workstation_min_annual_trainees",),
    remedy=Compares(
        "annual_trainees",
        value="trainees",
        comparator=">=",
        bound="minimum",
        parameter="carriers.workstation_min_annual_trainees",
    ),
)
PARTNER_REGIONS = Condition(
    "carriers.recognition.partner_regions",
    zh="工作站在对口帮扶（协作）地区设有 {regions} 个站点（实践做法，仅作提示）",
    en="The workstation has {regions} site(s) in partner (对口帮扶 / 协作) "
    "regions (the practice, advisory only)",
    facts=("carrier.partner_regions",),
    sources=(_MEASURE,),
    advisory=True,
)

# A host found in one of the three lists rests on that list alone.
_HOST_IN_LIST = tuple(CARRIER_HOST.only(name) for name in CARRIER_HOST.parameters)


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
    kind = carrier.carrier_type
    types = judge.value(CARRIER_TYPE)
    listed = None if types is None else kind in types
    judge.record(CARRIER_TYPE, listed, (("carrier_type", kind), ("listed", listed)))
    _check_host(judge, carrier)
    if kind is CarrierType.HIGH_SKILL_TRAINING_BASE:
        _at_least(judge, BASE_VOLUME, "trainees", annual_trainees)
    elif kind is CarrierType.MASTER_STUDIO:
        _at_least(judge, STUDIO_LEADER, "leader_level", leader_level)
    else:
        _at_least(judge, STATION_VOLUME, "trainees", annual_trainees)
        # The stations' practice, not a criterion found in the measure: advisory.
        regions = len(carrier.partner_regions)
        judge.record(PARTNER_REGIONS, regions > 0, (("regions", regions),))


def _check_host(judge: Judge, carrier: LifelongTrainingCarrier) -> None:
    """Record whether the carrier's host is a kind that may host a carrier.

    A host found in a list rests on that list alone; a host in none is undetermined
    while a list has no value, else refused.
    """
    host = carrier.host_kind
    lists = judge.values(CARRIER_HOST)
    if host is not None:
        for condition, kinds in zip(_HOST_IN_LIST, lists, strict=True):
            if kinds is not None and host in kinds:
                judge.record(condition, True, (("host_kind", host), ("listed", True)))
                return
    unknown = host is None or any(kinds is None for kinds in lists)
    held = None if unknown else False
    judge.record(CARRIER_HOST, held, (("host_kind", host), ("listed", held)), (host,))


def _at_least(
    judge: Judge,
    condition: Condition,
    key: str,
    measured: int | SkillLevel | None,
) -> None:
    """Record ``measured >= minimum`` (undecided when either is unknown)."""
    minimum = judge.value(condition)
    held = None if measured is None or minimum is None else measured >= minimum
    judge.record(condition, held, ((key, measured), ("minimum", minimum)), (measured,))


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
    leader.  Only the criterion of the carrier's own type is judged.

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
        >>> decision.outcome.value, decision.missing
        ('undetermined', ('carriers.base_min_annual_trainees',))
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_recognition(judge, carrier, annual_trainees, leader_level)
    return judge.decide(CARRIER_RECOGNITION_RULE)


CARRIER_RECOGNITION_RULE: Rule = register(
    Rule(
        id="carriers.recognition",
        version="2026.2",
        title_zh="终身职业技能培训载体认定条件",
        title_en="Recognition of a lifelong vocational training carrier",
        function=carrier_recognition,
        sources=(_MEASURE,),
        conditions=(
            CARRIER_TYPE,
            CARRIER_HOST,
            BASE_VOLUME,
            STUDIO_LEADER,
            STATION_VOLUME,
            PARTNER_REGIONS,
        ),
    )
)
"""The registered carrier-recognition rule."""


# --- awards -----------------------------------------------------------------------

AWARD_ITEM = Condition(
    "carriers.award.item",
    zh="{year}年度{category}：{carrier_type}可以申报：{allowed}",
    en="{year} round, {category}: a {carrier_type} may apply: {allowed}",
    parameters=("carriers.best_ten_carrier_types", "carriers.capacity_carrier_types"),
    read_on=_ROUND_DAY,
    remedy=Unremediable(
        "{year}年度{category}不接受{carrier_type}申报",
        "in the {year} round a {carrier_type} may not apply for {category}",
    ),
)
AWARD_RECOGNISED = Condition(
    "carriers.award.recognised",
    zh="载体认定日期 {recognised_on}，须早于 {before}",
    en="The carrier was recognised on {recognised_on}; it must have been "
    "recognised before {before}",
    facts=("application.carrier.recognised_on",),
    parameters=("carriers.recognition_lead_months",),
    read_on=_ROUND_DAY,
    # The cut-off is fixed by the round's year, not by any day of the application.
    remedy=Unremediable(
        "载体于 {recognised_on} 获认定，晚于本年度申报要求的 {before}；"
        "认定日期已定，本年度的截止点也不会推后",
        "the carrier was recognised on {recognised_on}, not before {before} as "
        "this round requires; the recognition day is past and the round's cut-off "
        "does not move",
    ),
)
AWARD_BASE_VOLUME = Condition(
    "carriers.award.base_volume",
    zh="依托单位为{host_kind}的基地上一年度培训 {trainees} 人次，须不少于 {minimum} 人次",
    en="The base (host: {host_kind}) trained {trainees} in the year before the "
    "round; at least {minimum} are needed",
    facts=("application.carrier.host_kind", "application.annual_trainees"),
    # Two host lists, each followed by the volume its hosts' bases must reach.
    parameters=(
        "carriers.institution_hosts",
        "carriers.min_trainees_institution",
        "carriers.enterprise_hosts",
        "carriers.min_trainees_enterprise",
    ),
    read_on=_ROUND_DAY,
    # The volume of a year already over when the round is held.
    remedy=Unremediable(
        "基地上一年度培训 {trainees} 人次，少于 {minimum} 人次；该年度已经结束，"
        "其培训量不会再变",
        "the base trained {trainees} in the year before the round, fewer than "
        "{minimum}; that year is over and its volume cannot change",
    ),
)
AWARD_STUDIO = Condition(
    "carriers.award.studio_apprentices",
    zh="技能大师工作室带徒 {apprentices} 人，须超过 {above} 人",
    en="The master studio taught {apprentices} apprentices; more than {above} "
    "are needed",
    facts=("application.apprentices_taught",),
    parameters=("carriers.studio_apprentices_above",),
    read_on=_ROUND_DAY,
    remedy=Compares(
        "application.apprentices_taught",
        value="apprentices",
        comparator=">",
        bound="above",
        parameter="carriers.studio_apprentices_above",
    ),
)
BEST_TEN_AMOUNT = Condition(
    "carriers.award.best_ten_amount",
    zh="“十佳”项目奖补 {award} 元（按 {quantum} 元{mode}）：{amount} 元",
    en="'Best ten' award {award} yuan (rounded to {quantum} yuan, {mode}): "
    "{amount} yuan",
    parameters=("carriers.best_ten_amount", "carriers.rounding"),
    read_on=_ROUND_DAY,
)
CAPACITY_AMOUNT = Condition(
    "carriers.award.capacity_amount",
    zh="提质扩容项目：总投入 {investment} 元 × {share}，最高 {cap} 元"
    "（按 {quantum} 元{mode}）= {amount} 元",
    en="Quality-and-capacity project: total investment {investment} yuan × "
    "{share}, at most {cap} yuan (rounded to {quantum} yuan, {mode}) = "
    "{amount} yuan",
    facts=("application.total_investment",),
    parameters=(
        "carriers.capacity_share",
        "carriers.capacity_cap",
        "carriers.rounding",
    ),
    read_on=_ROUND_DAY,
)
AWARD_RANK = Condition(
    "carriers.award.rank",
    zh="{year}年度{category}评审得分 {score}，在符合条件的申报中排第 {position} 位，"
    "每项最多 {limit} 个",
    en="{year} round, {category}: review score {score}, position {position} "
    "among the eligible applications; at most {limit} winners per item",
    facts=("application.review_score",),
    parameters=("carriers.winners_per_item",),
    read_on=_ROUND_DAY,
    remedy=Unremediable(
        "按评审得分排第 {position} 位，该项目的 {limit} 个名额已由排名在前的申报取得",
        "by review score it ranks at position {position}, and the item's {limit} "
        "places went to the applications ranked before it",
    ),
)

# The item check reads the carrier types of the application's item only.
_BEST_TEN_ITEM, _CAPACITY_ITEM = (
    AWARD_ITEM.only(name) for name in AWARD_ITEM.parameters
)
# A base's volume rests on the host list holding its host and the figure that
# follows that list (each list paired with the next name); a host in neither list
# rests on no figure.
_VOLUME_OF = tuple(
    AWARD_BASE_VOLUME.only(*pair)
    for names in [iter(AWARD_BASE_VOLUME.parameters)]
    for pair in zip(names, names, strict=True)
)
_NO_VOLUME = AWARD_BASE_VOLUME.only()
_NO_AMOUNT = (("quantum", None), ("mode", None), ("amount", None))


def check_carrier_award(
    judge: Judge, application: CarrierAwardApplication
) -> Decimal | None:
    """Record the award conditions and amount of *application* on *judge*.

    The round figures are those in force on 1 January of ``application.year``.
    Returns the (rounded) amount when every figure it needs is known, else ``None``;
    whether it is payable follows from the judge's outcome, and whether the
    application is among the item's winners from :func:`allocate_carrier_awards`.
    """
    day = date(application.year, 1, 1)
    carrier = application.carrier
    item = _BEST_TEN_ITEM if application.category.is_best_ten else _CAPACITY_ITEM
    types = judge.value(item, day=day)
    allowed = None if types is None else carrier.carrier_type in types
    judge.record(
        item,
        allowed,
        (
            ("year", application.year),
            ("category", application.category),
            ("carrier_type", carrier.carrier_type),
            ("allowed", allowed),
        ),
        day=day,
    )

    lead = judge.value(AWARD_RECOGNISED, day=day)
    recognised = carrier.recognised_on
    before = None if lead is None else add_months(day, -lead)
    judge.record(
        AWARD_RECOGNISED,
        None if recognised is None or before is None else recognised < before,
        (("recognised_on", recognised), ("before", before)),
        (recognised,),
        day=day,
    )

    if carrier.carrier_type is CarrierType.MASTER_STUDIO:
        above = judge.value(AWARD_STUDIO, day=day)
        taught = application.apprentices_taught
        judge.record(
            AWARD_STUDIO,
            None if taught is None or above is None else taught > above,
            (("apprentices", taught), ("above", above)),
            (taught,),
            day=day,
        )
    elif carrier.carrier_type is CarrierType.HIGH_SKILL_TRAINING_BASE:
        _check_base_volume(judge, application, day)
    return _award_amount(judge, application, day)


def _check_base_volume(
    judge: Judge, application: CarrierAwardApplication, day: date
) -> None:
    """Record whether a base trained enough people, by the figure of its host's list.

    A host in neither list is undetermined, naming each list not in force (it might
    hold the host) with its figure, or, when both are in force, both lists.
    """
    host = application.carrier.host_kind
    trainees = application.annual_trainees
    facts = (host, trainees)
    unplaced: list[Condition] = []
    for condition in _VOLUME_OF:
        hosts, minimum = judge.values(condition, day=day)
        if hosts is None:
            unplaced.append(condition)
        elif host is not None and host in hosts:
            judge.record(
                condition,
                None if trainees is None or minimum is None else trainees >= minimum,
                (("host_kind", host), ("trainees", trainees), ("minimum", minimum)),
                facts,
                day=day,
            )
            return
    values = (("host_kind", host), ("trainees", trainees), ("minimum", None))
    if host is None or len(unplaced) == len(_VOLUME_OF):
        judge.record(AWARD_BASE_VOLUME, None, values, facts, day=day)
    elif unplaced:
        (condition,) = unplaced
        judge.record(condition, None, values, facts, day=day)
    else:
        lists = tuple(condition.parameters[0] for condition in _VOLUME_OF)
        unknown = AWARD_BASE_VOLUME.facts[1:] if trainees is None else ()
        judge.record(_NO_VOLUME, None, values, day=day, missing=(*unknown, *lists))


def _award_amount(
    judge: Judge, application: CarrierAwardApplication, day: date
) -> Decimal | None:
    """Record the application's amount; ``None`` when a figure or fact is missing."""
    if application.category.is_best_ten:
        award, _ = judge.values(BEST_TEN_AMOUNT, day=day)
        if award is None:
            judge.record(BEST_TEN_AMOUNT, None, (("award", None), *_NO_AMOUNT), day=day)
            return None
        return judge.rounded(BEST_TEN_AMOUNT, award, (("award", award),), day=day)
    share, cap, _ = judge.values(CAPACITY_AMOUNT, day=day)
    investment = application.total_investment
    values: tuple[tuple[str, FactValue], ...] = (
        ("investment", investment),
        ("share", share),
        ("cap", cap),
    )
    if investment is None or share is None or cap is None:
        judge.record(
            CAPACITY_AMOUNT, None, (*values, *_NO_AMOUNT), (investment,), day=day
        )
        return None
    return judge.rounded(CAPACITY_AMOUNT, min(investment * share, cap), values, day=day)


def _rank_key(
    application: CarrierAwardApplication,
) -> tuple[int, str, bool, Decimal, str, str]:
    """Year, item, score (highest first, unscored last), host, name."""
    score = application.review_score
    return (
        application.year,
        application.category.value,
        score is None,
        -(score if score is not None else Decimal(0)),
        str(application.carrier.host),
        application.carrier.name,
    )


@attrs.frozen(kw_only=True)
class CarrierAwardAllocation(Allocation[CarrierAwardApplication]):
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

    @property
    def winners(self) -> tuple[CarrierAwardApplication, ...]:
        """The applications awarded, in rank order (the same as :attr:`chosen`)."""
        return self.chosen


@in_library_context
def allocate_carrier_awards(
    applications: Iterable[CarrierAwardApplication],
    *,
    on: date,
    policy: Policy | None = None,
) -> CarrierAwardAllocation:
    """Decide every application of one or more award rounds, winners included.

    Each application's conditions and amount are judged (:func:`check_carrier_award`);
    then, per round year and item, the applications that meet every condition and
    have a review score (a fact the caller supplies) are ranked, and the first
    ``winners_per_item`` win.  The result never depends on the order of
    *applications*.

    Raises:
        InvalidValueError: An item is not a :class:`CarrierAwardApplication`, or
            the same application appears twice.
    """
    chosen = policy if policy is not None else Policy.default()
    ranked = rank(applications, CarrierAwardApplication, _rank_key)
    positions: dict[tuple[int, CarrierAwardCategory], int] = {}
    decisions: list[Decision] = []
    for application in ranked:
        judge = Judge(chosen, on)
        amount = check_carrier_award(judge, application)
        day = date(application.year, 1, 1)
        limit = judge.value(AWARD_RANK, day=day)
        score = application.review_score
        # A failed application takes no place; one undecided on its own facts
        # waits for them (its findings name them).
        if not judge.failed and not (
            judge.undecided and score is not None and limit is not None
        ):
            position: int | None = None
            held: bool | None = None
            if score is not None and limit is not None:
                key = (application.year, application.category)
                position = positions[key] = positions.get(key, 0) + 1
                held = position <= limit
            judge.record(
                AWARD_RANK,
                held,
                (
                    ("year", application.year),
                    ("category", application.category),
                    ("score", score),
                    ("position", position),
                    ("limit", limit),
                ),
                (score,),
                day=day,
            )
        decisions.append(judge.decide(CARRIER_AWARD_RULE, amount))
    return CarrierAwardAllocation(ranked=ranked, decisions=tuple(decisions))


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


CARRIER_AWARD_RULE: Rule = register(
    Rule(
        id="carriers.award",
        version="2026.2",
        title_zh="终身职业技能培训载体奖补",
        title_en="Lifelong training carrier awards",
        function=carrier_award,
        sources=(
            _MEASURE,
            RuleSource("sz-2023-carrier-award-round"),
            RuleSource("sz-2025-carrier-award-round"),
        ),
        conditions=(
            AWARD_ITEM,
            AWARD_RECOGNISED,
            AWARD_BASE_VOLUME,
            AWARD_STUDIO,
            BEST_TEN_AMOUNT,
            CAPACITY_AMOUNT,
            AWARD_RANK,
        ),
    )
)
"""The registered carrier-award rule (one decision per application)."""
