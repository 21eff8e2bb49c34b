"""Recipes of the rules of guidance experts' recommendation (指导专家推荐)."""

from datetime import date, timedelta
from typing import Any, Final

import attrs

from hypothesis import strategies as st

from skillchain import FUTIAN, CreditCode, ResidentId, SkillLevel
from skillchain.model import (
    ExpertNomination,
    GuidanceExpert,
    ProfessionalTitleLevel,
    RecommendationRound,
)
from skillchain.testing.strategies._cases import CaseRecipe, Facts, Setting, below
from skillchain.testing.strategies._draws import (
    between,
    distinct,
    near,
    pick,
    resident_born,
)
from skillchain.testing.strategies._recipes.chains import FIRMS, SHENZHEN_DISTRICTS


__all__ = ["RECIPES", "RECOMMENDATION"]


_LEVELS: Final = tuple(sorted(SkillLevel))
_TITLES: Final = tuple(ProfessionalTitleLevel)
"""Lowest first."""
_FIELDS: Final = ("服装设计与制作", "电子信息", "智能制造", "现代物流")


def _expert_id(index: int) -> ResidentId:
    """A made-up identity number of a person born 1960 to 1994 (*index* 0 to 239)."""
    return resident_born(
        date(1960, 1, 1) + timedelta(days=index * 52),
        serial=index * 37,
        division=SHENZHEN_DISTRICTS[index % len(SHENZHEN_DISTRICTS)],
    )


_PEOPLE: Final = tuple(_expert_id(index) for index in range(240))
_SLACK: Final = st.sampled_from((0, 0, 1, 3))
_EXTRAS: Final = st.sampled_from(
    ((), ("out",), ("later",), ("again",), ("out", "later", "again"))
)


def _nearest_up(draw: st.DrawFn, options: tuple[Any, ...], least: Any) -> Any:
    """One of *options* at or above *least*, most often *least*'s nearest."""
    found = [option for option in options if option >= least]
    return found[near(draw, 0, len(found) - 1, ends="low")]


def _below(options: tuple[Any, ...], least: Any) -> Any:
    """The highest option below *least*, or ``None`` if none is."""
    found = [option for option in options if option < least]
    return found[-1] if found else None


def _title_at(title: ProfessionalTitleLevel) -> int:
    return _TITLES.index(title)


def _qualified_expert(
    draw: st.DrawFn, setting: Setting, person: ResidentId
) -> GuidanceExpert:
    """A complete candidate who meets the criteria by a skill level or a title."""
    min_level: SkillLevel = setting.value("experts.min_skill_level")
    min_title: ProfessionalTitleLevel = setting.value("experts.min_professional_title")
    by_title = draw(st.booleans())
    # The other route is missing or short (both met is a plain case of either).
    if by_title:
        title_rank = _nearest_up(draw, tuple(range(len(_TITLES))), _title_at(min_title))
        title: ProfessionalTitleLevel | None = _TITLES[title_rank]
        level = pick(draw, (None, _below(_LEVELS, min_level)))
    else:
        level = _nearest_up(draw, _LEVELS, min_level)
        short = _title_at(min_title) - 1
        title = pick(draw, (None, _TITLES[short] if short >= 0 else None))
    years: int = setting.value("experts.min_years_of_experience")
    return GuidanceExpert(
        person=person,
        name="某专家",
        field=pick(draw, _FIELDS),
        skill_level=level,
        professional_title=title,
        years_of_experience=near(draw, years, years + 25, ends="low"),
    )


def _nominated(
    expert: GuidanceExpert, by: CreditCode, day: date, round_id: str
) -> ExpertNomination:
    return ExpertNomination(
        nominated_by=by,
        expert=expert,
        district=FUTIAN,
        round_id=round_id,
        submitted_on=day,
    )


def _candidate(
    nomination: ExpertNomination,
    person: ResidentId,
    by: CreditCode,
    day: date,
    **changes: Any,
) -> ExpertNomination:
    """Another person's nomination like *nomination* (same qualifications unless changed)."""
    expert = attrs.evolve(nomination.expert, person=person, **changes)
    return attrs.evolve(nomination, expert=expert, nominated_by=by, submitted_on=day)


def _recommended(draw: st.DrawFn, setting: Setting) -> Facts:
    on = setting.on
    year = max(on.year, 2022)
    round_id = str(year)
    people = distinct(draw, _PEOPLE, 12)
    firms = distinct(draw, FIRMS, 12)
    person = people[0]
    # Submitted in the month before the district decides; later ones by the day itself.
    day = on - timedelta(days=between(draw, 1, 30))
    ours = _nominated(_qualified_expert(draw, setting, person), firms[0], day, round_id)
    ahead = near(draw, 0, 4, ends="low")
    nominations = [
        _candidate(ours, people[1 + k], firms[1 + k], day - timedelta(days=1 + k))
        for k in range(ahead)
    ]
    extra = draw(_EXTRAS)
    min_years: int = setting.value("experts.min_years_of_experience")
    if "out" in extra and min_years > 0:
        # Earlier, but short of the years: out, taking no place.
        nominations.append(
            _candidate(
                ours,
                people[6],
                firms[6],
                day - timedelta(days=1),
                years_of_experience=min_years - 1,
            )
        )
    if "later" in extra:
        nominations.append(
            _candidate(ours, people[7], firms[7], day + timedelta(days=1))
        )
    if "again" in extra:
        # The same person named again, later, by another enterprise: counted once.
        nominations.append(
            attrs.evolve(
                ours, nominated_by=firms[8], submitted_on=day + timedelta(days=1)
            )
        )
    recommendation_round = RecommendationRound(
        district=FUTIAN,
        round_id=round_id,
        year=year,
        quota=ahead + 1 + draw(_SLACK),
        nominations=(ours, *nominations),
    )
    return {"person": person, "recommendation_round": recommendation_round}


def _with_expert(facts: Facts, **changes: Any) -> Facts:
    """The facts with the candidate's details changed in each of their nominations."""
    person: ResidentId = facts["person"]
    current: RecommendationRound = facts["recommendation_round"]
    nominations = tuple(
        attrs.evolve(n, expert=attrs.evolve(n.expert, **changes))
        if n.expert.person == person
        else n
        for n in current.nominations
    )
    return {
        **facts,
        "recommendation_round": attrs.evolve(current, nominations=nominations),
    }


def _unqualified(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw
    level = _below(_LEVELS, setting.value("experts.min_skill_level"))
    short = _title_at(setting.value("experts.min_professional_title")) - 1
    title = _TITLES[short] if short >= 0 else None
    if level is None and title is None:
        return (
            facts  # the lowest level and title qualify: only the policy can fail this
        )
    return _with_expert(facts, skill_level=level, professional_title=title)


def _inexperienced(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    least: int = setting.value("experts.min_years_of_experience")
    if least <= 0:
        return facts
    return _with_expert(facts, years_of_experience=draw(below(least, least=0)))


def _quota_full(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    person: ResidentId = facts["person"]
    current: RecommendationRound = facts["recommendation_round"]
    ours = next(n for n in current.nominations if n.expert.person == person)
    day = ours.submitted_on
    assert day is not None  # noqa: S101 - every nomination drawn is dated
    # Those ahead: others submitted earlier, qualified like the candidate unless
    # drawn short of the years.
    least: int = setting.value("experts.min_years_of_experience")
    ahead = sum(
        1
        for n in current.nominations
        if n.expert.person != person
        and n.submitted_on is not None
        and n.submitted_on < day
        and (n.expert.years_of_experience or 0) >= least
    )
    quota = current.quota
    assert quota is not None  # noqa: S101 - the eligible round has one
    if ahead and draw(st.booleans()):
        return {**facts, "recommendation_round": attrs.evolve(current, quota=ahead)}
    used = {n.expert.person for n in current.nominations}
    free = [p for p in _PEOPLE if p not in used]
    firms = distinct(draw, FIRMS, 20)[10:]
    more = tuple(
        _candidate(ours, free[k], firms[k], day - timedelta(days=1 + k))
        for k in range(quota - ahead)
    )
    return {
        **facts,
        "recommendation_round": attrs.evolve(
            current, nominations=(*current.nominations, *more)
        ),
    }


RECOMMENDATION = CaseRecipe(
    rule="experts.recommendation",
    eligible=_recommended,
    breaks={
        "experts.recommendation.qualification": _unqualified,
        "experts.recommendation.experience": _inexperienced,
        "experts.recommendation.place": _quota_full,
    },
    # The criteria's facts are paths within a nomination of the round, which a
    # fact path cannot reach: the round's quota is the fact made unknown.
    unknowns=("recommendation_round.quota",),
)
"""Guidance-expert recommendation: a qualified candidate with fewer qualified
candidates submitted before them than the quota; the place breaker fills the quota
ahead of them (or lowers it to those ahead)."""


RECIPES: tuple[CaseRecipe, ...] = (RECOMMENDATION,)
"""The recipes of the programme's rules."""
