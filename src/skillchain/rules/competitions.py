"""Rules: Shenzhen skills competitions — classification, entry, 深圳市技术能手 titles.

* :func:`competition_category` classifies an event by tier and class against the
  competition-categories catalog.
* ``competitions.entry`` (:func:`competition_entry`): may a person enter a Shenzhen
  city or district contest event?
* ``competitions.technical_expert`` (:func:`award_technical_experts`,
  :func:`technical_expert`): who of a 市级一类 event's finalists earns
  深圳市技术能手?
"""

from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from dateutil.relativedelta import relativedelta

from skillchain._checks import is_a, maybe, tuple_of, whole
from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue
from skillchain._identifiers import ResidentId, Sex
from skillchain.catalog import CompetitionCategory, competition_categories
from skillchain.errors import InvalidValueError
from skillchain.model import (
    Competition,
    CompetitionClass,
    CompetitionEntry,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
)
from skillchain.policy import Policy
from skillchain.rules._allocation import Allocation, rank
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Condition,
    Elapses,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "ENTRY_RULE",
    "TECHNICAL_EXPERT_RULE",
    "TechnicalExpertAwards",
    "award_technical_experts",
    "competition_category",
    "competition_entry",
    "technical_expert",
]

_CITY = RuleSource("sz-2022-skills-contest")
_CITY_2025 = RuleSource("sz-2025-skills-contest-reports")
_FUTIAN = RuleSource("ft-2024-staff-contest")

# The titles that bar a holder from the event they were won in: 深圳市技术能手
# (city notices); at a district contest also 福田区技术能手 (Futian 2024 notice).
_CITY_TITLE = "shenzhen-technical-expert"
_DISTRICT_TITLE = "futian-technical-expert"
_SHENZHEN_TIERS = (CompetitionTier.MUNICIPAL, CompetitionTier.DISTRICT)

SCOPE = Condition(
    "competitions.entry.scope",
    zh="赛项级别为{tier}（深圳市级或区级竞赛适用本规则）",
    en="The event's tier is {tier} (the rule covers Shenzhen city and "
    "district contests)",
    facts=("entry.competition.tier",),
    sources=(_CITY,),
    remedy=Unremediable(
        "赛项为{tier}竞赛，不属于深圳市级或区级竞赛",
        "the event is a {tier} contest, not a Shenzhen city or district one",
    ),
)
MIN_AGE = Condition(
    "competitions.entry.min_age",
    zh="报名日年满 {age} 周岁，最低 {min_age} 周岁",
    en="Aged {age} (full years) on the day, at least {min_age}",
    facts=("entry.person",),
    parameters=("competitions.entry_min_age",),
    # The age is counted on the registration day, the evaluation day.
    remedy=Elapses("on"),
)
RETIREMENT = Condition(
    "competitions.entry.retirement",
    zh="报名日 {on} 未到法定退休年龄（退休日期 {retires_on}）",
    en="On {on} the entrant has not reached the statutory retirement age "
    "(retirement date {retires_on})",
    facts=("entry.person", "entry.cadre_post"),
    # The original ages, the delay steps and the target ages, each in the order of
    # _CATEGORIES.
    parameters=(
        "competitions.retirement_age_male",
        "competitions.retirement_age_female_worker",
        "competitions.retirement_age_female_cadre",
        "competitions.retirement_delay_step_male",
        "competitions.retirement_delay_step_female_worker",
        "competitions.retirement_delay_step_female_cadre",
        "competitions.retirement_target_age_male",
        "competitions.retirement_target_age_female_worker",
        "competitions.retirement_target_age_female_cadre",
    ),
    remedy=Unremediable(
        "{on} 已到法定退休年龄，时间只会使其更远",
        "on {on} the entrant has reached the statutory retirement age, and time "
        "only takes it further behind",
    ),
    read_on=ReadOn(
        "entry.person.birth_date",
        "the 2024 decision delays a retirement by the original retirement "
        "date (birth date plus the original age, the age in force on the "
        "registration day): the delay step and target age in force on that "
        "date apply",
    ),
)
IN_SHENZHEN = Condition(
    "competitions.entry.shenzhen",
    zh="在本市工作或学习：{in_shenzhen}（面向全国的赛项：{nationwide}）",
    en="Works or studies in Shenzhen: {in_shenzhen} (event open "
    "nationwide: {nationwide})",
    facts=("entry.works_or_studies_in_shenzhen",),
    sources=(_CITY, _CITY_2025),
    remedy=Requires("entry.works_or_studies_in_shenzhen", equals=True),
)
NOMINATED = Condition(
    "competitions.entry.nominated",
    zh="由所在单位或学校推荐：{nominated}",
    en="Nominated by the employer or school: {nominated}",
    facts=("entry.nominated",),
    sources=(_CITY,),
    remedy=Requires("entry.nominated", equals=True),
)
NOT_TITLED = Condition(
    "competitions.entry.not_titled",
    zh="未因本赛项（{event}）获得过禁止再次参赛的称号（{title}）",
    en="Holds no title barring re-entry won in this event ({event}): {title}",
    facts=("entry.honours",),
    sources=(_CITY, _FUTIAN),
    remedy=Unremediable(
        "已在本赛项（{event}）获得{title}，获得者不得再次参加该赛项",
        "the entrant already won {title} in this event ({event}), and a holder "
        "may not enter it again",
    ),
)

_CONTEST_YEAR = ReadOn(
    "results[0].competition.year",
    "each year's contest notice sets the places of that year's events; they are "
    "read on 1 January of the contest year, whenever the title is decided",
)
# The top tier, the lower tiers and the team quota, in that order.
_QUOTAS = (
    "competitions.technical_expert_quota",
    "competitions.technical_expert_quota_lower",
    "competitions.technical_expert_team_quota",
)

CATEGORY = Condition(
    "competitions.technical_expert.category",
    zh="赛项为{tier}{competition_class}竞赛（深圳市技术能手来自市级一类竞赛）",
    en="The event is {tier}, {competition_class} (深圳市技术能手 comes "
    "from municipal class-one events)",
    facts=("results[0].competition.competition_class",),
    sources=(_CITY, RuleSource("competition-tiers-restated")),
    remedy=Unremediable(
        "该赛项为{tier}{competition_class}竞赛，已举办的赛项类别不会改变",
        "the event was a {tier}, {competition_class} contest, and a contest "
        "held does not change class",
    ),
)
COMPETITOR = Condition(
    "competitions.technical_expert.competitor",
    zh="以选手身份参赛（教练：{as_coach}）",
    en="Took part as a competitor (coach: {as_coach})",
    facts=("results[0].as_coach",),
    sources=(_CITY,),
    remedy=Unremediable(
        "以教练身份参赛，已结束的比赛身份不会改变",
        "the person took part as a coach, and a contest over does not change that",
    ),
)
PASSED = Condition(
    "competitions.technical_expert.passed",
    zh="各项成绩均合格：{passed}",
    en="Every score passed: {passed}",
    facts=("results[0].passed_all_parts",),
    sources=(_CITY,),
    remedy=Unremediable(
        "并非各项成绩均合格，已公布的成绩不会改变",
        "not every score passed, and published scores do not change",
    ),
)
QUOTA = Condition(
    "competitions.technical_expert.quota",
    zh="{format}决赛实际参赛 {finalists} 人，名额 {quota} 名（{year} 年度）",
    en="{finalists} finalists took part in the {format}: {quota} places "
    "({year} contest year)",
    facts=("results[0].competition.finalists",),
    parameters=_QUOTAS,
    read_on=_CONTEST_YEAR,
    remedy=Unremediable(
        "决赛实际参赛 {finalists} 人，{year} 年度的名额规定不给该赛项名额；决赛已经结束",
        "{finalists} finalists are too few for any place under the {year} "
        "contest year's quota, and the final is over",
    ),
)
PLACE = Condition(
    "competitions.technical_expert.place",
    zh="名次 {rank}：排名在前 {ahead} 人、并列 {tied} 人，名额 {quota} 名",
    en="Rank {rank}: {ahead} ranked ahead and {tied} tied at this rank, of "
    "{quota} places",
    facts=("results[0].rank",),
    parameters=_QUOTAS,
    sources=(_CITY,),
    read_on=_CONTEST_YEAR,
    remedy=Unremediable(
        "{quota} 个名额按公布的名次给予选手，本成绩（名次 {rank}，在前 {ahead} 人）"
        "不在其中；已公布的成绩不会改变",
        "the {quota} places go to competitors by published rank, and this result "
        "(rank {rank}, {ahead} ahead) is not among them; a published result does "
        "not change",
    ),
)


def competition_category(competition: Competition) -> CompetitionCategory | None:
    """The catalog row of *competition*'s tier and class (e.g. 市级一类), if any.

    ``None`` when the event's class is not recorded, or when no source describes
    the pair (no 区级一类 was found, for example).

    Example:
        >>> from skillchain.model import (Competition, CompetitionClass,
        ...     CompetitionFormat, CompetitionTier)
        >>> from skillchain.rules import competition_category
        >>> event = Competition(name="2024年深圳技能大赛——服装制版师职业技能竞赛",
        ...     year=2024, tier=CompetitionTier.MUNICIPAL,
        ...     competition_class=CompetitionClass.FIRST, event="服装制版师",
        ...     competition_format=CompetitionFormat.INDIVIDUAL)
        >>> competition_category(event).zh
        '市级一类'
    """
    if competition.competition_class is None:
        return None
    return competition_categories().get(
        (competition.tier, competition.competition_class)
    )


# --- entry ------------------------------------------------------------------------

_CATEGORIES = ("male", "female_worker", "female_cadre")


def _schedule(category: str) -> Condition:
    """The retirement condition as one category reads it: (original age, delay
    step, target age)."""
    index = _CATEGORIES.index(category)
    return RETIREMENT.only(*RETIREMENT.parameters[index :: len(_CATEGORIES)])


def _retirement_day(
    judge: Judge, birth: date, category: str, missing: list[str]
) -> date | None:
    """The statutory retirement date of one category (``None``: a figure is missing).

    The original date is the birthday at the original age (in force on the
    evaluation day); if a delay step is in force on that date, the delay is one
    month plus one more for every step of months from the step's first day to the
    original date, up to the target age.  The delay figures that are missing are
    added to *missing* (a missing original age is named by the finding itself).
    """
    schedule = _schedule(category)
    _, step_name, target_name = schedule.parameters
    policy = judge.policy
    base: int | None = judge.value(schedule)
    if base is None:
        # The original date is unknown, so is the day the delay is read on: name
        # the delay figures too when the policy has no value of them at all.
        missing.extend(
            name for name in (step_name, target_name) if not _starts(policy, name)
        )
        return None
    original = birth + relativedelta(years=base)
    _, step, target = judge.values(schedule, day=original)
    period = policy.at(original).get(step_name).period
    if step is None or period is None:
        starts = _starts(policy, step_name)
        if starts and original < min(starts):
            return original  # before the first delay step: no delay yet
        missing.append(step_name)
        if not _starts(policy, target_name):
            missing.append(target_name)
        return None
    if target is None or step == 0:
        missing.append(target_name if target is None else step_name)
        return None
    months = (original.year - period.start.year) * 12 + (
        original.month - period.start.month
    )
    delay = min(months // step + 1, (target - base) * 12)
    return original + relativedelta(months=delay)


def _starts(policy: Policy, name: str) -> list[date]:
    """The first days of the dated values *policy* gives the parameter *name*.

    Only the parameter's own history says whether a delay has started: a day
    before its first value has no delay yet; a parameter with no value at all, or
    one that ended before the day, leaves the date unknown.
    """
    param = policy.parameters.get(name)
    values = param.values if param is not None else ()
    return [value.period.start for value in values if value.period is not None]


def _categories(entry: CompetitionEntry) -> tuple[str, ...]:
    if entry.person.sex is Sex.MALE:
        return ("male",)
    if entry.cadre_post is None:
        return ("female_worker", "female_cadre")
    return ("female_cadre",) if entry.cadre_post else ("female_worker",)


def _retirement(judge: Judge, entry: CompetitionEntry) -> None:
    """The retirement finding: resting on the original ages of the categories read."""
    categories = _categories(entry)
    missing: list[str] = []
    days = [
        _retirement_day(judge, entry.person.birth_date, category, missing)
        for category in categories
    ]
    known = [day for day in days if day is not None]
    values: tuple[tuple[str, FactValue], ...] = (
        ("on", judge.on),
        ("retires_on", min(known) if len(set(known)) == 1 else None),
    )
    held: bool | None = None
    if len(known) == len(days):
        if judge.on < min(known):
            held = True
        elif judge.on >= max(known):
            held = False
    judge.record(
        RETIREMENT.only(
            *(_schedule(category).parameters[0] for category in categories)
        ),
        held,
        values,
        (entry.person, entry.cadre_post),
        # A figure missing, or else the two dates of a woman straddle the day.
        missing=missing if len(known) < len(days) else None,
    )


@in_library_context
def competition_entry(
    entry: CompetitionEntry, *, on: date, policy: Policy | None = None
) -> Decision:
    """Decide whether *entry*'s person may enter its event, registering on *on*.

    The retirement date is worked out from the identity number (date of birth,
    sex); a woman's category (*entry.cadre_post*) is asked for only when her two
    possible dates straddle *on*.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId
        >>> from skillchain.model import (Competition, CompetitionEntry,
        ...     CompetitionFormat, CompetitionTier)
        >>> from skillchain.rules import competition_entry
        >>> event = Competition(name="2025年深圳技能大赛——光电技术职业技能竞赛",
        ...     year=2025, tier=CompetitionTier.MUNICIPAL, event="光电技术",
        ...     competition_format=CompetitionFormat.INDIVIDUAL)
        >>> entry = CompetitionEntry(person=ResidentId("440304200001010017"),
        ...     competition=event, works_or_studies_in_shenzhen=True, nominated=True)
        >>> competition_entry(entry, on=date(2025, 7, 20)).outcome.value
        'eligible'
    """
    if not isinstance(entry, CompetitionEntry):
        raise InvalidValueError(
            field="entry",
            problem=f"got a value of type {type(entry).__name__}",
            expected="a CompetitionEntry",
        )
    judge = Judge(policy if policy is not None else Policy.default(), on)
    record = judge.record
    competition = entry.competition
    record(SCOPE, competition.tier in _SHENZHEN_TIERS, (("tier", competition.tier),))
    min_age: int | None = judge.value(MIN_AGE)
    age = relativedelta(on, entry.person.birth_date).years
    record(
        MIN_AGE,
        None if min_age is None else age >= min_age,
        (("age", age), ("min_age", min_age)),
    )
    _retirement(judge, entry)
    in_shenzhen = entry.works_or_studies_in_shenzhen
    nationwide = competition.open_nationwide
    record(
        IN_SHENZHEN,
        True if nationwide else in_shenzhen,
        (("in_shenzhen", in_shenzhen), ("nationwide", nationwide)),
        (in_shenzhen,),
    )
    nominated = entry.nominated
    record(NOMINATED, nominated, (("nominated", nominated),), (nominated,))
    _titles(judge, entry)
    return judge.decide(ENTRY_RULE)


def _titles(judge: Judge, entry: CompetitionEntry) -> None:
    competition = entry.competition
    barred = (
        (_CITY_TITLE, _DISTRICT_TITLE)
        if competition.tier is CompetitionTier.DISTRICT
        else (_CITY_TITLE,)
    )
    unknown: list[str] = []
    title: str | None = None
    for index, honour in enumerate(entry.honours):
        if honour.key not in barred:
            continue
        if honour.event is None:
            unknown.append(f"entry.honours[{index}].event")
        elif honour.event == competition.event and title is None:
            title = honour.title
    judge.record(
        NOT_TITLED,
        False if title is not None else None if unknown else True,
        (("event", competition.event), ("title", title)),
        missing=unknown,
    )


# --- 深圳市技术能手 ------------------------------------------------------------------


def _places(tiers: Mapping[int, int], finalists: int) -> int:
    """The places for *finalists* under *tiers* (largest least count first)."""
    for least, places in tiers.items():
        if finalists >= least:
            return places
    return 0


_Quota = tuple[int | None, Condition, Condition]
"""An event's places, and the quota and place conditions as read for it."""


def _quota(judge: Judge, competition: Competition) -> _Quota:
    """The places of *competition* under the quota of its contest year.

    A single-person event reads the top tier (``technical_expert_quota``) and, only
    when its finalists fall below that tier, the lower tiers, which rest on weaker
    evidence; a team event reads the team quota.  Each finding about the places
    rests on the tiers read, so a decision's provenance follows them.
    """
    top, lower, team = judge.values(QUOTA, day=date(competition.year, 1, 1))
    top_name, lower_name, team_name = QUOTA.parameters
    finalists = competition.finalists
    places: int | None = None
    if competition.competition_format is CompetitionFormat.TEAM:
        read: tuple[str, ...] = (team_name,)
        if team is not None and finalists is not None:
            places = _places(team, finalists)
    elif top is not None and finalists is not None and finalists >= min(top):
        read = (top_name,)
        places = _places(top, finalists)
    else:
        # Below the top tier, or not known to be above it: the lower tiers too.
        read = (top_name, lower_name)
        if top is not None and lower is not None and finalists is not None:
            places = _places(lower, finalists)
    return places, QUOTA.only(*read), PLACE.only(*read)


@attrs.frozen(kw_only=True)
class TechnicalExpertAwards(Allocation[CompetitionResult]):
    """Who of an event's finalists earns 深圳市技术能手, each with the reason.

    One decision per result under rule ``competitions.technical_expert``:
    *eligible* — the title is earned; *ineligible* — a condition fails or the
    result is outside the places; *undetermined* — a fact or the year's quota is
    unknown, or the person is tied for the last places.  Never more eligible
    decisions than :attr:`quota`.  Iterating gives each result with its decision.
    """

    ranked: tuple[CompetitionResult, ...] = attrs.field(
        validator=tuple_of(CompetitionResult)
    )
    """The results, best rank first (unranked last; ties by identity number)."""
    competition: Competition = attrs.field(validator=is_a(Competition))
    """The event."""
    quota: int | None = attrs.field(validator=maybe(whole(0)))
    """The places, or ``None`` when the year's quota or the finalists are unknown."""

    @property
    def awarded(self) -> tuple[ResidentId, ...]:
        """The people who earn the title, best rank first."""
        return tuple(result.person for result in self.chosen)

    def decision_for(self, application: CompetitionResult | ResidentId) -> Decision:
        """The decision for a result, or for the person whose result it is.

        Raises:
            KeyError: No result is *application* or names it (the message shows the
                masked number only).
        """
        for result, decision in self:
            if application in (result, result.person):
                return decision
        person = (
            application if isinstance(application, ResidentId) else (application.person)
        )
        msg = f"no result of the event names {person.masked}"
        raise KeyError(msg)


def _order(result: CompetitionResult) -> tuple[bool, int, str]:
    return (result.rank is None, result.rank or 0, result.person.reveal())


def _check_results(results: Sequence[CompetitionResult]) -> Competition:
    if not results:
        raise InvalidValueError(
            field="results",
            problem="no results are given",
            expected="at least one CompetitionResult of the event",
        )
    for index, result in enumerate(results):
        if not isinstance(result, CompetitionResult):
            raise InvalidValueError(
                field=f"results[{index}]",
                problem=f"got a value of type {type(result).__name__}",
                expected="a CompetitionResult",
            )
    competition = results[0].competition
    seen: set[ResidentId] = set()
    for index, result in enumerate(results):
        if result.competition != competition:
            raise InvalidValueError(
                field=f"results[{index}].competition",
                problem="the result is of another event than results[0]",
                expected="results of one event",
            )
        if result.person in seen:
            raise InvalidValueError(
                field=f"results[{index}].person",
                problem=f"{result.person.masked} has more than one result",
                expected="one result per person",
            )
        seen.add(result.person)
    return competition


@in_library_context
def award_technical_experts(
    results: Sequence[CompetitionResult],
    *,
    on: date,
    policy: Policy | None = None,
) -> TechnicalExpertAwards:
    """Decide who of one event's *results* earns 深圳市技术能手.

    The places are those of the event's contest year, by the number of finalists.
    A competitor earns the title when the event is 市级一类, every score passed,
    and the people ranked ahead plus those tied with them fit within the places.
    A tie that straddles the last place leaves the tied people undetermined, so
    the titles never exceed the quota and the outcome does not depend on the order
    of *results*.

    Raises:
        InvalidValueError: *results* is empty, holds results of more than one
            event, or names a person twice.
    """
    competition = _check_results(results)
    chosen = policy if policy is not None else Policy.default()
    quota = _quota(Judge(chosen, on), competition)
    positions = {id(result): index for index, result in enumerate(results)}
    ranked = rank(results, CompetitionResult, _order)
    competing = [r for r in ranked if not r.as_coach and r.rank is not None]
    return TechnicalExpertAwards(
        competition=competition,
        quota=quota[0],
        ranked=ranked,
        decisions=tuple(
            _decide_one(
                Judge(chosen, on), result, positions[id(result)], competing, quota
            )
            for result in ranked
        ),
    )


def _decide_one(
    judge: Judge,
    result: CompetitionResult,
    index: int,
    competing: list[CompetitionResult],
    quota: _Quota,
) -> Decision:
    record = judge.record
    competition = result.competition
    path = f"results[{index}]"
    klass = competition.competition_class
    municipal = competition.tier is CompetitionTier.MUNICIPAL
    record(
        CATEGORY,
        None
        if municipal and klass is None
        else municipal and klass is CompetitionClass.FIRST,
        (("tier", competition.tier), ("competition_class", klass)),
        missing=(f"{path}.competition.competition_class",),
    )
    record(COMPETITOR, not result.as_coach, (("as_coach", result.as_coach),))
    passed = result.passed_all_parts
    record(PASSED, passed, (("passed", passed),), missing=(f"{path}.passed_all_parts",))
    places, quota_read, place_read = quota
    day = date(competition.year, 1, 1)
    unknown: tuple[str, ...] = (
        () if competition.finalists is not None else (f"{path}.competition.finalists",)
    )
    record(
        quota_read,
        None if places is None else places > 0,
        (
            ("format", competition.competition_format),
            ("finalists", competition.finalists),
            ("quota", places),
            ("year", competition.year),
        ),
        day=day,
        missing=unknown,
    )
    position = result.rank
    ahead: int | None = None
    tied: int | None = None
    held: bool | None = None
    missing = unknown
    if result.as_coach:
        held = False
    elif position is None:
        missing = (f"{path}.rank", *unknown)
    else:
        # Ranks as published: a rank r has at least r - 1 people ahead, whether or
        # not every result is given.
        ahead = max(
            position - 1,
            sum(1 for other in competing if (other.rank or position) < position),
        )
        tied = sum(1 for other in competing if other.rank == position)
        if places is not None and ahead + tied <= places:
            held = True
        elif places is not None and ahead >= places:
            held = False
        elif places is not None:
            missing = ("tie_break",)
    record(
        place_read,
        held,
        (("rank", position), ("ahead", ahead), ("tied", tied), ("quota", places)),
        day=day,
        missing=missing,
    )
    return judge.decide(TECHNICAL_EXPERT_RULE)


@in_library_context
def technical_expert(
    person: ResidentId,
    results: tuple[CompetitionResult, ...],
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *person* earns 深圳市技术能手 from one event's *results*.

    The decision :func:`award_technical_experts` reaches for *person*.

    Raises:
        InvalidValueError: *results* is not one event's results, or names no
            result of *person* (the message shows the masked number only).
    """
    awards = award_technical_experts(results, on=on, policy=policy)
    try:
        return awards.decision_for(person)
    except KeyError:
        raise InvalidValueError(
            field="person",
            problem=f"no result of the event names {person.masked}",
            expected="a person with a result in the event",
        ) from None


ENTRY_RULE: Rule = register(
    Rule(
        id="competitions.entry",
        version="2026.2",
        title_zh="深圳职业技能竞赛参赛资格",
        title_en="Entry to a Shenzhen skills-competition event",
        function=competition_entry,
        sources=(_CITY, _CITY_2025, _FUTIAN),
        conditions=(SCOPE, MIN_AGE, RETIREMENT, IN_SHENZHEN, NOMINATED, NOT_TITLED),
    )
)
"""The registered entry rule for Shenzhen contest events."""

TECHNICAL_EXPERT_RULE: Rule = register(
    Rule(
        id="competitions.technical_expert",
        version="2026.1",
        title_zh="市级一类竞赛授予深圳市技术能手",
        title_en="深圳市技术能手 from a municipal class-one event",
        function=technical_expert,
        sources=(_CITY,),
        conditions=(CATEGORY, COMPETITOR, PASSED, QUOTA, PLACE),
    )
)
"""The registered 深圳市技术能手 rule (one decision per result of an event)."""
