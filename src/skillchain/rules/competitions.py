"""Rules: Shenzhen skills competitions — classification, entry, 深圳市技术能手 titles.

* :func:`competition_category` classifies an event by tier and class (国家级 /
  省级 / 市级 / 区级; 一类 / 二类) against the competition-categories catalog.
* ``competitions.entry`` (:func:`competition_entry`): may a person enter a Shenzhen
  city or district contest event?  The city's contest notices (2022, 2025) and
  Futian's 2024 district contest notice admit people aged 16 up to the statutory
  retirement age, working or studying in Shenzhen (unless the event is open
  nationwide, like the 工匠之星 events), nominated by their employer or school; a
  深圳市技术能手 may not re-enter the event the title was won in.  The retirement
  age is read from the identity number (date of birth, sex) and the national
  retirement decision of 2024 (gradual delay from 2025-01-01).
* ``competitions.technical_expert`` (:func:`award_technical_experts`,
  :func:`technical_expert`): who of a single-person 市级一类 event's finalists
  earns 深圳市技术能手 (2022 notice: 50 or more finalists, top 8, seen in a copy;
  25-49, top 4 and 10-24, top 2, from notes no copy confirms; every score
  passing).  The places are those of the contest's year; later years' quotas were
  not found, so those events are undetermined until the district supplies them.
"""

from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from dateutil.relativedelta import relativedelta

from skillchain._checks import fail, is_a, maybe, tuple_of, whole
from skillchain._context import in_library_context
from skillchain._decision import (
    Decision,
    FactValue,
    Message,
    Outcome,
    register_messages,
)
from skillchain._identifiers import ResidentId, Sex
from skillchain._sources import Citation
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
from skillchain.policy import CompetitionParameters, Policy, Resolved
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = [
    "ENTRY_RULE",
    "TECHNICAL_EXPERT_RULE",
    "TechnicalExpertAwards",
    "award_technical_experts",
    "competition_category",
    "competition_entry",
    "technical_expert",
]

_CITY_2022 = "sz-2022-skills-contest"
_CITY_2025 = "sz-2025-skills-contest-reports"
_FUTIAN_2024 = "ft-2024-staff-contest"
_TIERS_DOC = "competition-tiers-restated"

# The titles that bar a holder from the event they were won in: 深圳市技术能手
# (city notices); at a district contest also 福田区技术能手 (Futian 2024 notice).
_CITY_TITLE = "shenzhen-technical-expert"
_DISTRICT_TITLE = "futian-technical-expert"
_SHENZHEN_TIERS = (CompetitionTier.MUNICIPAL, CompetitionTier.DISTRICT)

_E_SCOPE = "competitions.entry.scope"
_E_MIN_AGE = "competitions.entry.min_age"
_E_RETIREMENT = "competitions.entry.retirement"
_E_SHENZHEN = "competitions.entry.shenzhen"
_E_NOMINATED = "competitions.entry.nominated"
_E_TITLED = "competitions.entry.not_titled"

_T_CATEGORY = "competitions.technical_expert.category"
_T_COMPETITOR = "competitions.technical_expert.competitor"
_T_PASSED = "competitions.technical_expert.passed"
_T_QUOTA = "competitions.technical_expert.quota"
_T_PLACE = "competitions.technical_expert.place"

register_messages(
    {
        _E_SCOPE: Message(
            zh="赛项级别为{tier}（深圳市级或区级竞赛适用本规则）",
            en="The event's tier is {tier} (the rule covers Shenzhen city and "
            "district contests)",
        ),
        _E_MIN_AGE: Message(
            zh="报名日年满 {age} 周岁，最低 {min_age} 周岁",
            en="Aged {age} (full years) on the day, at least {min_age}",
        ),
        _E_RETIREMENT: Message(
            zh="报名日 {on} 未到法定退休年龄（退休日期 {retires_on}）",
            en="On {on} the entrant has not reached the statutory retirement age "
            "(retirement date {retires_on})",
        ),
        _E_SHENZHEN: Message(
            zh="在本市工作或学习：{in_shenzhen}（面向全国的赛项：{nationwide}）",
            en="Works or studies in Shenzhen: {in_shenzhen} (event open "
            "nationwide: {nationwide})",
        ),
        _E_NOMINATED: Message(
            zh="由所在单位或学校推荐：{nominated}",
            en="Nominated by the employer or school: {nominated}",
        ),
        _E_TITLED: Message(
            zh="未因本赛项（{event}）获得过禁止再次参赛的称号（{title}）",
            en="Holds no title barring re-entry won in this event ({event}): {title}",
        ),
        _T_CATEGORY: Message(
            zh="赛项为{tier}{competition_class}竞赛（深圳市技术能手来自市级一类竞赛）",
            en="The event is {tier}, {competition_class} (深圳市技术能手 comes "
            "from municipal class-one events)",
        ),
        _T_COMPETITOR: Message(
            zh="以选手身份参赛（教练：{as_coach}）",
            en="Took part as a competitor (coach: {as_coach})",
        ),
        _T_PASSED: Message(
            zh="各项成绩均合格：{passed}",
            en="Every score passed: {passed}",
        ),
        _T_QUOTA: Message(
            zh="{format}决赛实际参赛 {finalists} 人，名额 {quota} 名（{year} 年度）",
            en="{finalists} finalists took part in the {format}: {quota} places "
            "({year} contest year)",
        ),
        _T_PLACE: Message(
            zh="名次 {rank}：排名在前 {ahead} 人、并列 {tied} 人，名额 {quota} 名",
            en="Rank {rank}: {ahead} ranked ahead and {tied} tied at this rank, of "
            "{quota} places",
        ),
    }
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

_Schedule = tuple[Resolved[int], Resolved[int], Resolved[int]]


def _schedule(params: CompetitionParameters, category: str) -> _Schedule:
    """(original age, delay step, target age) of one retirement category."""
    if category == "male":
        return (
            params.retirement_age_male,
            params.retirement_delay_step_male,
            params.retirement_target_age_male,
        )
    if category == "female_cadre":
        return (
            params.retirement_age_female_cadre,
            params.retirement_delay_step_female_cadre,
            params.retirement_target_age_female_cadre,
        )
    return (
        params.retirement_age_female_worker,
        params.retirement_delay_step_female_worker,
        params.retirement_target_age_female_worker,
    )


def _retirement_day(
    judge: Judge, birth: date, category: str, missing: list[str]
) -> date | None:
    """The statutory retirement date of one category (``None``: a figure is missing).

    The original date is the birthday at the original age; if a delay step is in
    force on that date, the delay is one month plus one more for every step of
    months from the step's first day (2025-01-01) to the original date, up to the
    target age.
    """
    schedule = _schedule(judge.params.competitions, category)
    base_name, step_name, target_name = (param.name for param in schedule)
    base = judge.use(schedule[0])
    if base is None:
        # The original date is unknown, so is the day the delay is read on: name
        # the delay figures too when the policy has no value of them at all.
        missing.append(base_name)
        missing.extend(
            name for name in (step_name, target_name) if _never(judge.policy, name)
        )
        return None
    original = birth + relativedelta(years=base)
    _, step_param, target_param = _schedule(
        judge.policy.at(original).competitions, category
    )
    step = judge.use(step_param)
    if step is None or step_param.period is None:
        if _delay_not_started(judge.policy, step_name, original):
            return original
        missing.append(step_name)
        if _never(judge.policy, target_name):
            missing.append(target_name)
        return None
    target = judge.use(target_param)
    if target is None or step == 0:
        missing.append(target_param.name if target is None else step_param.name)
        return None
    start = step_param.period.start
    months = (original.year - start.year) * 12 + original.month - start.month
    delay = min(months // step + 1, (target - base) * 12)
    return original + relativedelta(months=delay)


def _never(policy: Policy, name: str) -> bool:
    """Whether *policy* gives the parameter *name* no value on any day."""
    param = policy.parameters.get(name)
    return param is None or not param.values


def _delay_not_started(policy: Policy, name: str, original: date) -> bool:
    """Whether *original* is before the first dated delay step: no delay yet.

    Only the parameter's own history says so; a parameter with no value at all,
    or one that ended before *original*, leaves the date unknown.
    """
    param = policy.parameters.get(name)
    starts = [
        value.period.start
        for value in (param.values if param is not None else ())
        if value.period is not None
    ]
    return bool(starts) and original < min(starts)


def _categories(entry: CompetitionEntry) -> tuple[str, ...]:
    if entry.person.sex is Sex.MALE:
        return ("male",)
    if entry.cadre_post is None:
        return ("female_worker", "female_cadre")
    return ("female_cadre",) if entry.cadre_post else ("female_worker",)


def _retirement(judge: Judge, entry: CompetitionEntry) -> None:
    birth = entry.person.birth_date
    missing: list[str] = []
    days = [
        _retirement_day(judge, birth, category, missing)
        for category in _categories(entry)
    ]
    params = judge.params.competitions
    citations = citations_of(
        params.retirement_age_male, params.retirement_delay_step_male
    )
    known = [d for d in days if d is not None]
    shown = min(known) if known else None
    values: tuple[tuple[str, FactValue], ...] = (
        ("on", judge.on),
        ("retires_on", shown if len(set(known)) == 1 else None),
    )
    if missing:
        judge.missing(_E_RETIREMENT, missing, values, citations)
    elif judge.on < min(known):
        judge.check(_E_RETIREMENT, True, values, citations)
    elif judge.on >= max(known):
        judge.check(_E_RETIREMENT, False, values, citations)
    else:
        judge.missing(_E_RETIREMENT, ("entry.cadre_post",), values, citations)


def _barred(competition: Competition) -> tuple[str, ...]:
    if competition.tier is CompetitionTier.DISTRICT:
        return (_CITY_TITLE, _DISTRICT_TITLE)
    return (_CITY_TITLE,)


@in_library_context
def competition_entry(
    entry: CompetitionEntry, *, on: date, policy: Policy | None = None
) -> Decision:
    """Decide whether *entry*'s person may enter its event, registering on *on*.

    Conditions: the event is a Shenzhen city or district contest; the person is at
    least the least age (16) on *on*; *on* is before their statutory retirement
    date (men 60, women workers 50, women cadres 55, raised from 2025-01-01 by the
    2024 decision; a woman's category matters only when the two dates straddle
    *on*, and is then asked for); they work or study in Shenzhen unless the event
    is open nationwide; their employer or school nominates them; they hold no
    深圳市技术能手 (at a district contest, also 福田区技术能手) won in the same event
    (a barring title whose event is not recorded leaves the case undetermined).

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
    chosen = policy if policy is not None else Policy.default()
    judge = Judge(chosen, on)
    params = judge.params.competitions
    competition = entry.competition
    city = (chosen.citation(_CITY_2022),)
    judge.check(
        _E_SCOPE,
        competition.tier in _SHENZHEN_TIERS,
        (("tier", competition.tier),),
        city,
    )
    min_age = judge.use(params.entry_min_age)
    birth = entry.person.birth_date
    age = relativedelta(on, birth).years
    age_values: tuple[tuple[str, FactValue], ...] = (
        ("age", age),
        ("min_age", min_age),
    )
    if min_age is None:
        judge.missing(_E_MIN_AGE, (params.entry_min_age.name,), age_values)
    else:
        judge.check(
            _E_MIN_AGE, age >= min_age, age_values, citations_of(params.entry_min_age)
        )
    _retirement(judge, entry)
    both = (chosen.citation(_CITY_2022), chosen.citation(_CITY_2025))
    in_shenzhen = entry.works_or_studies_in_shenzhen
    place_values: tuple[tuple[str, FactValue], ...] = (
        ("in_shenzhen", in_shenzhen),
        ("nationwide", competition.open_nationwide),
    )
    if competition.open_nationwide:
        judge.check(_E_SHENZHEN, True, place_values, both)
    elif in_shenzhen is None:
        judge.missing(
            _E_SHENZHEN, ("entry.works_or_studies_in_shenzhen",), place_values, both
        )
    else:
        judge.check(_E_SHENZHEN, in_shenzhen, place_values, both)
    nominated_values: tuple[tuple[str, FactValue], ...] = (
        ("nominated", entry.nominated),
    )
    if entry.nominated is None:
        judge.missing(_E_NOMINATED, ("entry.nominated",), nominated_values, city)
    else:
        judge.check(_E_NOMINATED, entry.nominated, nominated_values, city)
    _titles(judge, entry)
    return judge.decide(ENTRY_RULE)


def _titles(judge: Judge, entry: CompetitionEntry) -> None:
    competition = entry.competition
    barred = _barred(competition)
    cited = (
        (judge.policy.citation(_CITY_2022), judge.policy.citation(_FUTIAN_2024))
        if competition.tier is CompetitionTier.DISTRICT
        else (judge.policy.citation(_CITY_2022),)
    )
    unknown: list[str] = []
    held: str | None = None
    for index, honour in enumerate(entry.honours):
        if honour.key not in barred:
            continue
        if honour.event is None:
            unknown.append(f"entry.honours[{index}].event")
        elif honour.event == competition.event and held is None:
            held = honour.title
    values: tuple[tuple[str, FactValue], ...] = (
        ("event", competition.event),
        ("title", held),
    )
    if held is not None:
        judge.check(_E_TITLED, False, values, cited)
    elif unknown:
        judge.missing(_E_TITLED, unknown, values, cited)
    else:
        judge.check(_E_TITLED, True, values, cited)


# --- 深圳市技术能手 ------------------------------------------------------------------


def _places(tiers: Mapping[int, int], finalists: int) -> int:
    """The places for *finalists* under *tiers* (largest least count first)."""
    for least, places in tiers.items():
        if finalists >= least:
            return places
    return 0


@attrs.frozen
class _Quota:
    """An event's places, the figures they were read from, and what is missing."""

    places: int | None
    used: tuple[Resolved[Mapping[int, int]], ...]
    missing_params: tuple[str, ...]
    finalists_known: bool


def _quota(competition: Competition, chosen: Policy) -> _Quota:
    """The places of *competition* under the quota of its contest year.

    A single-person event reads the top tier (``technical_expert_quota``) and, only
    when its finalists fall below that tier, the lower tiers, which rest on weaker
    evidence; a team event reads the team quota.
    """
    year = chosen.at(date(competition.year, 1, 1)).competitions
    finalists = competition.finalists
    if competition.competition_format is CompetitionFormat.TEAM:
        team = year.technical_expert_team_quota
        places = (
            None
            if team.value is None or finalists is None
            else _places(team.value, finalists)
        )
        lacking: tuple[str, ...] = () if team.value is not None else (team.name,)
        return _Quota(places, (team,), lacking, finalists is not None)
    top, lower = year.technical_expert_quota, year.technical_expert_quota_lower
    tiers = top.value
    if tiers is not None and finalists is not None and finalists >= min(tiers):
        return _Quota(_places(tiers, finalists), (top,), (), True)
    # Below the top tier, or not known to be above it: the lower tiers are needed.
    missing: tuple[str, ...] = tuple(
        param.name for param in (top, lower) if param.value is None
    )
    places = (
        None
        if missing or finalists is None or lower.value is None
        else _places(lower.value, finalists)
    )
    return _Quota(places, (top, lower), missing, finalists is not None)


@attrs.frozen(kw_only=True)
class TechnicalExpertAwards:
    """Who of an event's finalists earns 深圳市技术能手, each with the reason.

    One decision per result under rule ``competitions.technical_expert``:
    *eligible* — the title is earned; *ineligible* — a condition fails (not a
    市级一类 event, a coach, a failed score, outside the places); *undetermined* —
    a fact or the year's quota is unknown, or the person is tied for the last
    places (the notices do not say how ties are broken).  Never more eligible
    decisions than :attr:`quota`.
    """

    competition: Competition = attrs.field(validator=is_a(Competition))
    """The event."""
    quota: int | None = attrs.field(validator=maybe(whole(0)))
    """The places, or ``None`` when the year's quota or the finalists are unknown."""
    ranked: tuple[CompetitionResult, ...] = attrs.field(
        validator=tuple_of(CompetitionResult)
    )
    """The results, best rank first (unranked last; ties by identity number)."""
    decisions: tuple[Decision, ...] = attrs.field(validator=tuple_of(Decision))
    """The decision for each result, aligned with :attr:`ranked`."""

    def __attrs_post_init__(self) -> None:
        """Check that there is one decision per result."""
        if len(self.decisions) != len(self.ranked):
            fail(
                self,
                "decisions",
                f"got {len(self.decisions)} decisions for {len(self.ranked)} results",
                "one decision per ranked result, in the same order",
            )

    @property
    def awarded(self) -> tuple[ResidentId, ...]:
        """The people who earn the title, best rank first."""
        return tuple(
            result.person
            for result, decision in zip(self.ranked, self.decisions, strict=True)
            if decision.outcome is Outcome.ELIGIBLE
        )

    def decision_for(self, person: ResidentId) -> Decision:
        """The decision for *person*.

        Raises:
            KeyError: No result names *person* (the message shows the masked
                number only).
        """
        for result, decision in zip(self.ranked, self.decisions, strict=True):
            if result.person == person:
                return decision
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

    The places are those of the event's contest year (its quota resolved on 1
    January of ``competition.year``), by the number of finalists: for a
    single-person event the top tier (``competitions.technical_expert_quota``: 50
    or more finalists, top 8) and, below it, the lower tiers
    (``competitions.technical_expert_quota_lower``); for a team event the
    district-supplied ``competitions.technical_expert_team_quota``.  A decision's
    provenance follows the tiers it used.  A competitor earns the title when the
    event is 市级一类, every score passed, and their rank falls within the places:
    the people ranked ahead of them plus those tied with them (coaches and
    unranked results not counted) number no more than the places.  Ranks are read
    as published (standard competition ranking): a rank *r* has at least *r* − 1
    people ahead even when not all results are given.  A tie that straddles the
    last place leaves the tied people undetermined, so the titles never exceed the
    quota and the outcome does not depend on the order of *results*.

    Raises:
        InvalidValueError: *results* is empty, holds results of more than one
            event, or names a person twice.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId
        >>> from skillchain.model import (Competition, CompetitionClass,
        ...     CompetitionFormat, CompetitionResult, CompetitionTier)
        >>> from skillchain.rules import award_technical_experts
        >>> event = Competition(name="2022年深圳技能大赛——某赛项", year=2022,
        ...     tier=CompetitionTier.MUNICIPAL, competition_class=CompetitionClass.FIRST,
        ...     event="某赛项", competition_format=CompetitionFormat.INDIVIDUAL,
        ...     finalists=12)
        >>> people = [ResidentId("440304200001010009"),
        ...     ResidentId("440304200001010017"), ResidentId("44030420000101005X")]
        >>> results = [CompetitionResult(person=p, competition=event, rank=r,
        ...     passed_all_parts=True) for r, p in enumerate(people, start=1)]
        >>> awards = award_technical_experts(results, on=date(2022, 10, 1))
        >>> awards.quota, len(awards.awarded), awards.decisions[0].provenance.value
        (2, 2, 'unverified')
    """
    competition = _check_results(results)
    chosen = policy if policy is not None else Policy.default()
    quota = _quota(competition, chosen)
    positions = {id(result): index for index, result in enumerate(results)}
    ranked = sorted(results, key=_order)
    competing = [r for r in ranked if not r.as_coach and r.rank is not None]
    decisions = [
        _decide_one(
            result, positions[id(result)], competing, quota, chosen=chosen, on=on
        )
        for result in ranked
    ]
    return TechnicalExpertAwards(
        competition=competition,
        quota=quota.places,
        ranked=tuple(ranked),
        decisions=tuple(decisions),
    )


def _decide_one(
    result: CompetitionResult,
    index: int,
    competing: list[CompetitionResult],
    quota: _Quota,
    *,
    chosen: Policy,
    on: date,
) -> Decision:
    judge = Judge(chosen, on)
    competition = result.competition
    path = f"results[{index}]"
    city = (chosen.citation(_CITY_2022),)
    klass = competition.competition_class
    category_values: tuple[tuple[str, FactValue], ...] = (
        ("tier", competition.tier),
        ("competition_class", klass),
    )
    municipal = competition.tier is CompetitionTier.MUNICIPAL
    cited = (*city, chosen.citation(_TIERS_DOC))
    if municipal and klass is None:
        judge.missing(
            _T_CATEGORY,
            (f"{path}.competition.competition_class",),
            category_values,
            cited,
        )
    else:
        judge.check(
            _T_CATEGORY,
            municipal and klass is CompetitionClass.FIRST,
            category_values,
            cited,
        )
    judge.check(
        _T_COMPETITOR, not result.as_coach, (("as_coach", result.as_coach),), city
    )
    passed_values: tuple[tuple[str, FactValue], ...] = (
        ("passed", result.passed_all_parts),
    )
    if result.passed_all_parts is None:
        judge.missing(_T_PASSED, (f"{path}.passed_all_parts",), passed_values, city)
    else:
        judge.check(_T_PASSED, result.passed_all_parts, passed_values, city)
    for param in quota.used:
        judge.use(param)
    quota_values: tuple[tuple[str, FactValue], ...] = (
        ("format", competition.competition_format),
        ("finalists", competition.finalists),
        ("quota", quota.places),
        ("year", competition.year),
    )
    unknown = (
        () if quota.finalists_known else (f"{path}.competition.finalists",)
    ) + quota.missing_params
    quota_cited = citations_of(*quota.used)
    if quota.places is None:
        judge.missing(_T_QUOTA, unknown, quota_values, quota_cited)
    else:
        judge.check(_T_QUOTA, quota.places > 0, quota_values, quota_cited)
    _place(
        judge,
        result,
        path,
        competing,
        places=(quota.places, unknown),
        citations=city,
    )
    return judge.decide(TECHNICAL_EXPERT_RULE)


def _place(
    judge: Judge,
    result: CompetitionResult,
    path: str,
    competing: list[CompetitionResult],
    *,
    places: tuple[int | None, tuple[str, ...]],
    citations: tuple[Citation, ...],
) -> None:
    quota, quota_unknown = places
    rank = result.rank
    if rank is None or result.as_coach:
        values: tuple[tuple[str, FactValue], ...] = (
            ("rank", rank),
            ("ahead", None),
            ("tied", None),
            ("quota", quota),
        )
        if result.as_coach:
            judge.check(_T_PLACE, False, values, citations)
        else:
            judge.missing(_T_PLACE, (f"{path}.rank", *quota_unknown), values, citations)
        return
    # Ranks as published: a rank r has at least r - 1 people ahead, whether or not
    # every result is given.
    ahead = max(
        rank - 1,
        sum(1 for other in competing if other.rank is not None and other.rank < rank),
    )
    tied = sum(1 for other in competing if other.rank == rank)
    values = (("rank", rank), ("ahead", ahead), ("tied", tied), ("quota", quota))
    if quota is None:
        judge.missing(_T_PLACE, quota_unknown, values, citations)
    elif ahead + tied <= quota:
        judge.check(_T_PLACE, True, values, citations)
    elif ahead >= quota:
        judge.check(_T_PLACE, False, values, citations)
    else:
        judge.missing(_T_PLACE, ("tie_break",), values, citations)


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


_RETIREMENT_PARAMETERS = (
    "competitions.retirement_age_male",
    "competitions.retirement_age_female_worker",
    "competitions.retirement_age_female_cadre",
    "competitions.retirement_delay_step_male",
    "competitions.retirement_delay_step_female_worker",
    "competitions.retirement_delay_step_female_cadre",
    "competitions.retirement_target_age_male",
    "competitions.retirement_target_age_female_worker",
    "competitions.retirement_target_age_female_cadre",
)

ENTRY_RULE: Rule = register(
    Rule(
        id="competitions.entry",
        version="2026.1",
        title_zh="深圳职业技能竞赛参赛资格",
        title_en="Entry to a Shenzhen skills-competition event",
        function=competition_entry,
        sources=(
            RuleSource(_CITY_2022),
            RuleSource(_CITY_2025),
            RuleSource(_FUTIAN_2024),
        ),
        parameters=("competitions.entry_min_age", *_RETIREMENT_PARAMETERS),
        conditions=(
            Condition(_E_SCOPE, sources=(RuleSource(_CITY_2022),)),
            Condition(_E_MIN_AGE, parameters=("competitions.entry_min_age",)),
            Condition(
                _E_RETIREMENT,
                parameters=_RETIREMENT_PARAMETERS,
                read_on=ReadOn(
                    "entry.person.birth_date",
                    "the 2024 decision delays a retirement by the original retirement "
                    "date (birth date plus the original age, the age in force on the "
                    "registration day): the delay step and target age in force on that "
                    "date apply",
                ),
            ),
            Condition(
                _E_SHENZHEN, sources=(RuleSource(_CITY_2022), RuleSource(_CITY_2025))
            ),
            Condition(_E_NOMINATED, sources=(RuleSource(_CITY_2022),)),
            Condition(
                _E_TITLED, sources=(RuleSource(_CITY_2022), RuleSource(_FUTIAN_2024))
            ),
        ),
    )
)
"""The registered entry rule for Shenzhen contest events."""

_QUOTA_PARAMETERS = (
    "competitions.technical_expert_quota",
    "competitions.technical_expert_quota_lower",
    "competitions.technical_expert_team_quota",
)
_CONTEST_YEAR = ReadOn(
    "results[0].competition.year",
    "each year's contest notice sets the places of that year's events; they are "
    "read on 1 January of the contest year, whenever the title is decided",
)

TECHNICAL_EXPERT_RULE: Rule = register(
    Rule(
        id="competitions.technical_expert",
        version="2026.1",
        title_zh="市级一类竞赛授予深圳市技术能手",
        title_en="深圳市技术能手 from a municipal class-one event",
        function=technical_expert,
        sources=(RuleSource(_CITY_2022),),
        parameters=_QUOTA_PARAMETERS,
        conditions=(
            Condition(
                _T_CATEGORY,
                sources=(RuleSource(_CITY_2022), RuleSource(_TIERS_DOC)),
            ),
            Condition(_T_COMPETITOR, sources=(RuleSource(_CITY_2022),)),
            Condition(_T_PASSED, sources=(RuleSource(_CITY_2022),)),
            Condition(_T_QUOTA, parameters=_QUOTA_PARAMETERS, read_on=_CONTEST_YEAR),
            Condition(
                _T_PLACE,
                parameters=_QUOTA_PARAMETERS,
                sources=(RuleSource(_CITY_2022),),
                read_on=_CONTEST_YEAR,
            ),
        ),
    )
)
"""The registered 深圳市技术能手 rule (one decision per result of an event)."""
