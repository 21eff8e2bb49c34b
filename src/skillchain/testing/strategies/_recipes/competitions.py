"""Recipes of the rules of skills competitions (职业技能竞赛).

* ``competitions.entry``: an entrant between the least age and their statutory
  retirement date (worked out as the rule does, from the birth date, sex and the
  retirement figures), often a day inside either end.
* ``competitions.technical_expert``: a finalist of a single-person 市级一类 event
  ranked within the places its finalists earn (often the last place), among a few
  other results of the event; the person's own result comes first.
"""

from datetime import date, timedelta
from typing import Any, Final

import attrs

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from skillchain._identifiers import ResidentId, Sex
from skillchain.model import (
    Competition,
    CompetitionClass,
    CompetitionEntry,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    Honour,
    RecognitionLevel,
)
from skillchain.testing.strategies._cases import CaseRecipe, Facts, Setting
from skillchain.testing.strategies._draws import (
    between,
    birth_span,
    near,
    pick,
    resident_born,
)


__all__ = ["ENTRY", "RECIPES", "TECHNICAL_EXPERT"]


_DAY: Final = timedelta(days=1)
_EVENTS: Final = ("服装制版师", "光电技术", "电工", "养老护理员", "焊工", "美发师")
_CITY_TITLE: Final = "shenzhen-technical-expert"
_DISTRICT_TITLE: Final = "futian-technical-expert"
_OTHER_TITLES: Final = ("shenzhen-skill-elite", "guangdong-technical-expert")
_TITLES: Final = {
    _CITY_TITLE: ("深圳市技术能手", RecognitionLevel.MUNICIPAL),
    _DISTRICT_TITLE: ("福田区技术能手", RecognitionLevel.DISTRICT),
    "shenzhen-skill-elite": ("深圳市技能菁英", RecognitionLevel.MUNICIPAL),
    "guangdong-technical-expert": ("广东省技术能手", RecognitionLevel.PROVINCIAL),
}
_CATEGORIES: Final = ("male", "female_worker", "female_cadre")


def _honour(person: ResidentId, key: str, awarded: date, event: str | None) -> Honour:
    title, level = _TITLES[key]
    return Honour(
        holder=person,
        key=key,
        title=title,
        awarded_on=awarded,
        level=level,
        event=event,
    )


# --- entry --------------------------------------------------------------------------


def _retires_on(setting: Setting, birth: date, category: str) -> date | None:
    """The statutory retirement date, as the rule works it out (``None``: a figure
    is missing)."""
    base: int | None = setting.value(f"competitions.retirement_age_{category}")
    if base is None:
        return None
    original = birth + relativedelta(years=base)
    step_name = f"competitions.retirement_delay_step_{category}"
    snapshot = setting.policy.at(original)
    resolved = snapshot.get(step_name)
    step: Any = resolved.value
    target: Any = snapshot.get(f"competitions.retirement_target_age_{category}").value
    if step is None or resolved.period is None:
        parameter = setting.policy.parameters.get(step_name)
        starts = [
            v.period.start
            for v in (parameter.values if parameter is not None else ())
            if v.period is not None
        ]
        return original if starts and original < min(starts) else None
    if target is None or step == 0:
        return None
    start = resolved.period.start
    months = (original.year - start.year) * 12 + (original.month - start.month)
    delay = min(months // step + 1, (target - base) * 12)
    return original + relativedelta(months=delay)


_BOUNDARIES: dict[tuple[str, date, str], date] = {}


def _last_retired(setting: Setting, category: str) -> date:
    """The latest birth date of someone of *category* retired by the day.

    Found by halving the days between someone surely retired (older than the
    highest age the figures allow) and someone who has not reached the original
    age; a birth whose date cannot be worked out counts as not retired.
    """
    key = (setting.policy.fingerprint, setting.on, category)
    found = _BOUNDARIES.get(key)
    if found is not None:
        return found
    on = setting.on
    base: int = setting.value(f"competitions.retirement_age_{category}")
    low = on - relativedelta(years=base + 15)  # retired
    high = on - relativedelta(years=base) + _DAY  # not yet at the original age
    while (high - low).days > 1:
        middle = low + timedelta(days=(high - low).days // 2)
        retired = _retires_on(setting, middle, category)
        if retired is not None and retired <= on:
            low = middle
        else:
            high = middle
    if len(_BOUNDARIES) > 4096:
        _BOUNDARIES.clear()
    _BOUNDARIES[key] = low
    return low


def _categories(sex: Sex, cadre: bool | None) -> tuple[str, ...]:
    if sex is Sex.MALE:
        return ("male",)
    if cadre is None:
        return ("female_worker", "female_cadre")
    return ("female_cadre",) if cadre else ("female_worker",)


def _sixteenth(setting: Setting) -> date:
    """The latest birth date of someone of the least age on the day."""
    least: int = setting.value("competitions.entry_min_age")
    return birth_span(least, setting.on)[1]


def _event(draw: st.DrawFn, on: date, tier: CompetitionTier) -> Competition:
    event = pick(draw, _EVENTS)
    year = on.year
    name = (
        f"{year}年深圳技能大赛——{event}职业技能竞赛"
        if tier is CompetitionTier.MUNICIPAL
        else f"{year}年福田区职工技能大赛——{event}"
    )
    held = None if draw(st.booleans()) else between(draw, on, date(year, 12, 31))
    return Competition(
        name=name,
        year=year,
        tier=tier,
        event=event,
        competition_format=CompetitionFormat.INDIVIDUAL,
        competition_class=pick(
            draw, (None, CompetitionClass.FIRST, CompetitionClass.SECOND)
        )
        if tier is CompetitionTier.MUNICIPAL
        else CompetitionClass.SECOND,
        held_on=held,
        open_nationwide=tier is CompetitionTier.MUNICIPAL and between(draw, 0, 3) == 0,
    )


def _entry(draw: st.DrawFn, setting: Setting) -> Facts:
    """A nominated entrant who works or studies in Shenzhen (or enters an event open
    nationwide), aged at least the least age and not retired on the day, holding no
    title that bars them from the event."""
    on = setting.on
    sex = pick(draw, (Sex.MALE, Sex.FEMALE))
    cadre = None if sex is Sex.MALE else pick(draw, (None, True, False))
    youngest = _sixteenth(setting)
    oldest = max(_last_retired(setting, c) for c in _categories(sex, cadre)) + _DAY
    birth = near(draw, oldest, youngest)
    person = resident_born(birth, serial=between(draw, 0, 499), sex=sex)
    tier = pick(draw, (CompetitionTier.MUNICIPAL, CompetitionTier.DISTRICT))
    competition = _event(draw, on, tier)
    honours: tuple[Honour, ...] = ()
    adult = birth + relativedelta(years=18)
    if adult < on and draw(st.booleans()):
        other = pick(draw, [e for e in _EVENTS if e != competition.event])
        key = pick(draw, (_CITY_TITLE, _DISTRICT_TITLE, *_OTHER_TITLES))
        awarded = between(draw, max(adult, on - timedelta(days=3000)), on)
        # A title won in another event, or one that bars no re-entry here.
        barring = key == _CITY_TITLE or (
            key == _DISTRICT_TITLE and tier is CompetitionTier.DISTRICT
        )
        honours = (
            _honour(person, key, awarded, other if barring else competition.event),
        )
    in_shenzhen = (
        pick(draw, (True, False, None)) if competition.open_nationwide else True
    )
    entry = CompetitionEntry(
        person=person,
        competition=competition,
        works_or_studies_in_shenzhen=in_shenzhen,
        nominated=True,
        cadre_post=cadre,
        honours=honours,
    )
    return {"entry": entry}


def _with_entry(facts: Facts, **changes: Any) -> Facts:
    return {**facts, "entry": attrs.evolve(facts["entry"], **changes)}


def _with_event(facts: Facts, **changes: Any) -> Facts:
    entry: CompetitionEntry = facts["entry"]
    return _with_entry(facts, competition=attrs.evolve(entry.competition, **changes))


def _out_of_scope(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A national or provincial event."""
    del setting
    entry: CompetitionEntry = facts["entry"]
    contest = entry.competition
    tier = pick(draw, (CompetitionTier.NATIONAL, CompetitionTier.PROVINCIAL))
    organiser = "全国" if tier is CompetitionTier.NATIONAL else "广东省"
    return _with_event(
        facts,
        name=f"{contest.year}年{organiser}职业技能大赛——{contest.event}",
        tier=tier,
        competition_class=CompetitionClass.FIRST,
    )


def _reborn(facts: Facts, birth: date) -> Facts:
    entry: CompetitionEntry = facts["entry"]
    serial = int(entry.person.reveal()[14:17]) // 2
    person = resident_born(birth, serial=serial, sex=entry.person.sex)
    honours = tuple(attrs.evolve(h, holder=person) for h in entry.honours)
    return _with_entry(facts, person=person, honours=honours)


def _too_young(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Born a day or more too late to have the least age (no titles yet)."""
    first = _sixteenth(setting) + _DAY
    last = min(first + timedelta(days=1500), setting.on - timedelta(days=3650))
    birth = near(draw, first, last, ends="low")
    return _reborn(_with_entry(facts, honours=()), birth)


def _retired(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Born early enough to have retired by the day in every category that applies."""
    entry: CompetitionEntry = facts["entry"]
    categories = _categories(entry.person.sex, entry.cadre_post)
    latest = min(_last_retired(setting, c) for c in categories)
    return _reborn(
        facts, near(draw, latest - timedelta(days=3000), latest, ends="high")
    )


def _elsewhere(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Neither working nor studying in Shenzhen, for an event not open nationwide."""
    del draw, setting
    facts = _with_event(facts, open_nationwide=False)
    return _with_entry(facts, works_or_studies_in_shenzhen=False)


def _not_nominated(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return _with_entry(facts, nominated=False)


def _titled(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A title won in this very event that bars re-entry."""
    entry: CompetitionEntry = facts["entry"]
    competition = entry.competition
    keys = (
        (_CITY_TITLE, _DISTRICT_TITLE)
        if competition.tier is CompetitionTier.DISTRICT
        else (_CITY_TITLE,)
    )
    birth = entry.person.birth_date
    first = max(birth + relativedelta(years=16), setting.on - timedelta(days=3000))
    awarded = between(draw, min(first, setting.on), setting.on)
    honour = _honour(entry.person, pick(draw, keys), awarded, competition.event)
    return _with_entry(facts, honours=(*entry.honours, honour))


ENTRY = CaseRecipe(
    rule="competitions.entry",
    eligible=_entry,
    breaks={
        "competitions.entry.scope": _out_of_scope,
        "competitions.entry.min_age": _too_young,
        "competitions.entry.retirement": _retired,
        "competitions.entry.shenzhen": _elsewhere,
        "competitions.entry.nominated": _not_nominated,
        "competitions.entry.not_titled": _titled,
    },
    # The delay figures are read only for retirement dates they cover: before the
    # first delay step there is none.
    needs=(
        "competitions.entry_min_age",
        "competitions.retirement_age_female_cadre",
        "competitions.retirement_age_female_worker",
        "competitions.retirement_age_male",
    ),
)
"""Entry: a nominated Shenzhen worker between the least age and retirement."""


# --- 深圳市技术能手 -----------------------------------------------------------------

_QUOTAS: Final = (
    "competitions.technical_expert_quota",
    "competitions.technical_expert_quota_lower",
    "competitions.technical_expert_team_quota",
)


def _bands(
    setting: Setting, year: int
) -> list[tuple[CompetitionFormat, int, int, int]]:
    """Each band of finalists that earns places: (format, least, most, places).

    Read on 1 January of the contest year, as the rule reads them; a single-person
    event below the top tier's least count falls to the lower tiers.
    """
    day = date(year, 1, 1)
    top, lower, team = (setting.value(name, day=day) for name in _QUOTAS)
    found: list[tuple[CompetitionFormat, int, int, int]] = []
    if top is not None and lower is not None:
        floor = min(top)
        found.extend(_split(CompetitionFormat.INDIVIDUAL, top, floor, None))
        found.extend(_split(CompetitionFormat.INDIVIDUAL, lower, 0, floor))
    if team is not None:
        found.extend(_split(CompetitionFormat.TEAM, team, 0, None))
    return [band for band in found if band[3] > 0]


def _split(
    form: CompetitionFormat, tiers: dict[int, int], floor: int, ceiling: int | None
) -> list[tuple[CompetitionFormat, int, int, int]]:
    leasts = sorted(least for least in tiers if least >= floor)
    bands = []
    for index, least in enumerate(leasts):
        nxt = leasts[index + 1] if index + 1 < len(leasts) else ceiling
        most = least + 200 if nxt is None else nxt - 1
        if ceiling is not None:
            most = min(most, ceiling - 1)
        if most >= max(least, 1):
            bands.append((form, max(least, 1), most, tiers[least]))
    return bands


def _fewest(setting: Setting, year: int) -> int:
    """The fewest finalists that earn any place (0 if every count does)."""
    day = date(year, 1, 1)
    top, lower, _ = (setting.value(name, day=day) for name in _QUOTAS)
    leasts = [k for k, v in (lower or {}).items() if v > 0]
    leasts += [k for k, v in (top or {}).items() if v > 0]
    return min(leasts, default=0)


def _contest(
    draw: st.DrawFn, on: date, form: CompetitionFormat, finalists: int
) -> Competition:
    event = pick(draw, _EVENTS)
    held = None if draw(st.booleans()) else between(draw, date(on.year, 1, 1), on)
    return Competition(
        name=f"{on.year}年深圳技能大赛——{event}职业技能竞赛",
        year=on.year,
        tier=CompetitionTier.MUNICIPAL,
        competition_class=CompetitionClass.FIRST,
        event=event,
        competition_format=form,
        team_size=3 if form is CompetitionFormat.TEAM else None,
        finalists=finalists,
        held_on=held,
    )


def _finalist(draw: st.DrawFn, on: date, sequence: int) -> ResidentId:
    birth = between(draw, on - timedelta(days=365 * 45), on - timedelta(days=365 * 18))
    return resident_born(birth, serial=sequence, sex=pick(draw, (Sex.MALE, Sex.FEMALE)))


def _results(draw: st.DrawFn, setting: Setting) -> Facts:
    """A finalist within the places of a 市级一类 event, every score passed.

    The finalists fall in a band of the quota (often at its edge), the rank is
    within the band's places (often the last), and up to three other results of
    the event are given: ranked elsewhere (one may share the rank if the places
    allow), unranked, or coaches.
    """
    on = setting.on
    form, least, most, places = pick(draw, _bands(setting, on.year))
    finalists = near(draw, least, most)
    rank = near(draw, 1, min(places, finalists), ends="high")
    competition = _contest(draw, on, form, finalists)
    start = between(draw, 0, 499)
    person = _finalist(draw, on, start)
    own = CompetitionResult(
        person=person, competition=competition, rank=rank, passed_all_parts=True
    )
    others: list[CompetitionResult] = []
    taken = {rank}
    tie = rank + 1 <= places and between(draw, 0, 3) == 0
    for index in range(between(draw, 0, 3)):
        other = _finalist(draw, on, start + index + 1)
        role = between(draw, 0, 3)
        if tie:
            other_rank: int | None = rank
            tie = False
        elif role == 0:
            other_rank = None
        else:
            free = [r for r in range(1, finalists + 1) if r not in taken][:50]
            other_rank = pick(draw, free) if free else None
        if other_rank is not None and other_rank != rank:
            taken.add(other_rank)
        others.append(
            CompetitionResult(
                person=other,
                competition=competition,
                rank=other_rank,
                as_coach=role == 1 and other_rank != rank,
                passed_all_parts=pick(draw, (True, False, None)),
            )
        )
    return {"person": person, "results": (own, *others)}


def _with_own(facts: Facts, **changes: Any) -> Facts:
    results: tuple[CompetitionResult, ...] = facts["results"]
    return {**facts, "results": (attrs.evolve(results[0], **changes), *results[1:])}


def _with_contest(facts: Facts, **changes: Any) -> Facts:
    results: tuple[CompetitionResult, ...] = facts["results"]
    contest = attrs.evolve(results[0].competition, **changes)
    return {
        **facts,
        "results": tuple(attrs.evolve(r, competition=contest) for r in results),
    }


def _second_class(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A 市级二类 event, or a provincial one."""
    del setting
    if draw(st.booleans()):
        return _with_contest(facts, competition_class=CompetitionClass.SECOND)
    return _with_contest(facts, tier=CompetitionTier.PROVINCIAL)


def _coach(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """The person took part as a coach (and so takes no place either)."""
    del draw, setting
    return _with_own(facts, as_coach=True)


def _failed_a_part(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return _with_own(facts, passed_all_parts=False)


def _too_few(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Too few finalists for any place (the person's result alone, ranked among them)."""
    results: tuple[CompetitionResult, ...] = facts["results"]
    fewest = _fewest(setting, results[0].competition.year)
    if fewest < 2:
        return facts
    finalists = near(draw, 1, fewest - 1, ends="high")
    own = results[0]
    contest = attrs.evolve(own.competition, finalists=finalists)
    rank = min(own.rank or 1, finalists)
    return {
        **facts,
        "results": (attrs.evolve(own, competition=contest, rank=rank),),
    }


def _outside_places(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Ranked a place or more below the last place: the other results kept, or the
    results of everyone ranked within the places given too."""
    results: tuple[CompetitionResult, ...] = facts["results"]
    own = results[0]
    contest = own.competition
    finalists = contest.finalists or 0
    places = _earned(setting, contest)
    if places is None or finalists <= places:
        return facts
    rank = near(draw, places + 1, finalists, ends="low")
    if between(draw, 0, 2) == 0:
        # The people who took the places, each with their published rank.
        start = int(own.person.reveal()[14:17]) // 2 + 1
        ahead = tuple(
            CompetitionResult(
                person=_finalist(draw, setting.on, start + index),
                competition=contest,
                rank=index + 1,
                passed_all_parts=True,
            )
            for index in range(places)
        )
        return {**facts, "results": (attrs.evolve(own, rank=rank), *ahead)}
    return _with_own(facts, rank=rank)


def _earned(setting: Setting, contest: Competition) -> int | None:
    """The places *contest* earns under the quota of its year (``None``: unknown)."""
    finalists = contest.finalists
    if finalists is None:
        return None
    for form, least, most, places in _bands(setting, contest.year):
        if form is contest.competition_format and least <= finalists <= most:
            return places
    return 0


TECHNICAL_EXPERT = CaseRecipe(
    rule="competitions.technical_expert",
    eligible=_results,
    breaks={
        "competitions.technical_expert.category": _second_class,
        "competitions.technical_expert.competitor": _coach,
        "competitions.technical_expert.passed": _failed_a_part,
        "competitions.technical_expert.quota": _too_few,
        "competitions.technical_expert.place": _outside_places,
    },
    # The team quota is read only for team events.
    needs=_QUOTAS[:2],
    unknowns=("results[0].passed_all_parts", "results[0].rank"),
)
"""深圳市技术能手: a finalist within the places of a 市级一类 event."""

RECIPES: tuple[CaseRecipe, ...] = (ENTRY, TECHNICAL_EXPERT)
"""The recipes of the programme's rules."""
