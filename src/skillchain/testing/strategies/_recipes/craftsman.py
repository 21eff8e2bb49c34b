"""Recipes of the rules of the craftsman selection (鹏城工匠) and of promotions.

* ``craftsman.selection``: a candidate who meets every condition on the round's
  deadline and takes a place: the other candidates of the round scored higher and
  eligible are fewer than the year's limit (often one fewer).
* ``craftsman.promotion``: a competitor's listed award at a competition whose
  promotion table is in force, held by someone below the level it grants or at it.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hypothesis import strategies as st

from skillchain._codes import OccupationCode
from skillchain._dates import DateRange, add_months
from skillchain._identifiers import ResidentId
from skillchain._levels import SkillLevel
from skillchain.model import (
    Certificate,
    CertificateKind,
    Competition,
    CompetitionAward,
    CompetitionClass,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    CraftsmanApplication,
    Employment,
    Honour,
    IssuerKind,
    PostType,
)
from skillchain.testing.strategies._cases import CaseRecipe, Facts, Setting
from skillchain.testing.strategies._draws import (
    between,
    latest_start,
    near,
    pick,
    resident_born,
)


__all__ = ["PROMOTION", "RECIPES", "SELECTION"]


_DAY: Final = timedelta(days=1)
_CRAFTSMAN: Final = "pengcheng-craftsman"
_OCCUPATIONS: Final = tuple(
    OccupationCode(code) for code in ("6-31-01-03", "6-05-01-01", "4-10-01-05")
)
_EVENTS: Final = ("电工", "服装制版师", "养老护理员")
_HONOUR_TITLES: Final = {
    "zhonghua-skills-award": "中华技能大奖",
    "national-technical-expert": "全国技术能手",
    "state-council-special-allowance": "国务院政府特殊津贴",
    "shenzhen-special-allowance": "深圳市政府特殊津贴",
    "nanyue-technical-expert": "南粤技术能手",
    "guangdong-technical-expert": "广东省技术能手",
    "shenzhen-skill-model": "深圳市技能标兵",
    "shenzhen-craftsman": "深圳工匠",
    "shenzhen-technical-expert": "深圳市技术能手",
    _CRAFTSMAN: "鹏城工匠",
}
_UNLISTED_HONOURS: Final = ("shenzhen-craftsman", "shenzhen-technical-expert")


def _honour(person: ResidentId, key: str, awarded: date) -> Honour:
    return Honour(
        holder=person, key=key, title=_HONOUR_TITLES.get(key, key), awarded_on=awarded
    )


def _certificate(person: ResidentId, level: SkillLevel, issued: date) -> Certificate:
    return Certificate(
        holder=person,
        kind=CertificateKind.SKILL_LEVEL,
        occupation=_OCCUPATIONS[0],
        level=level,
        issued_on=issued,
        issuer_kind=IssuerKind.HR_DEPARTMENT,
    )


# --- the selection ------------------------------------------------------------------

_FIGURES: Final = (
    "craftsman.frontline_post_types",
    "craftsman.min_frontline_years",
    "craftsman.min_level",
    "craftsman.achievement_window_years",
    "craftsman.qualifying_honours",
    "craftsman.result_tier",
    "craftsman.result_class",
    "craftsman.result_max_rank",
    "craftsman.annual_limit",
)


def _deadline(draw: st.DrawFn, setting: Setting) -> date:
    """The round's deadline: the day, or up to two months before it in the same year
    when every figure is in force then too."""
    on = setting.on
    earlier = near(
        draw, max(on - timedelta(days=60), date(on.year, 1, 1)), on, ends="high"
    )
    if all(setting.value(name, day=earlier) is not None for name in _FIGURES):
        return earlier
    return on


def _window(setting: Setting, deadline: date) -> date:
    years: int = setting.value("craftsman.achievement_window_years", day=deadline)
    return date(deadline.year - years, 1, 1)


def _posts(
    draw: st.DrawFn, setting: Setting, deadline: date, adult: date
) -> tuple[Employment, ...]:
    """Front-line posts of the counted kinds making the least years (often exactly),
    sometimes after a post of another kind."""
    kinds: frozenset[PostType] = setting.value(
        "craftsman.frontline_post_types", day=deadline
    )
    years: int = setting.value("craftsman.min_frontline_years", day=deadline)
    latest = latest_start(deadline + _DAY, 12 * years)
    start = near(draw, max(latest - timedelta(days=4000), adult), latest, ends="high")
    counted = sorted(kinds, key=str)
    post = Employment(
        period=DateRange(start, None if draw(st.booleans()) else deadline),
        post=pick(draw, counted),
    )
    others = [kind for kind in PostType if kind not in kinds]
    if others and start - adult > timedelta(days=400) and between(draw, 0, 3) == 0:
        before = Employment(
            period=DateRange(between(draw, adult, start - _DAY * 200), start - _DAY),
            post=pick(draw, others),
        )
        return (before, post)
    return (post,)


def _achievement(
    draw: st.DrawFn, setting: Setting, person: ResidentId, deadline: date
) -> tuple[tuple[Honour, ...], tuple[CompetitionResult, ...], bool | None]:
    """A listed honour or a top result within the window (often on its first day),
    or other merit the review found."""
    start = _window(setting, deadline)
    way = between(draw, 0, 2)
    day = near(draw, start, deadline)
    if way == 0:
        keys: frozenset[str] = setting.value(
            "craftsman.qualifying_honours", day=deadline
        )
        honour = _honour(person, pick(draw, sorted(keys)), day)
        return (honour,), (), pick(draw, (None, False, True))
    if way == 1:
        result = _result(draw, setting, person, deadline, day)
        return (), (result,), pick(draw, (None, False, True))
    return (), (), True


def _result(
    draw: st.DrawFn,
    setting: Setting,
    person: ResidentId,
    deadline: date,
    held: date,
    *,
    rank: int | None = None,
) -> CompetitionResult:
    tier = setting.value("craftsman.result_tier", day=deadline)
    klass = setting.value("craftsman.result_class", day=deadline)
    most: int = setting.value("craftsman.result_max_rank", day=deadline)
    event = pick(draw, _EVENTS)
    contest = Competition(
        name=f"{held.year}年全国职业技能大赛——{event}",
        year=held.year,
        tier=tier,
        competition_class=klass,
        event=event,
        competition_format=CompetitionFormat.INDIVIDUAL,
        held_on=held,
    )
    if rank is None:
        rank = near(draw, 1, most, ends="high")
    return CompetitionResult(
        person=person,
        competition=contest,
        rank=rank,
        as_coach=between(draw, 0, 3) == 0,
        passed_all_parts=True,
    )


def _candidate(
    draw: st.DrawFn, setting: Setting, deadline: date, sequence: int
) -> CraftsmanApplication:
    """An application meeting every condition, without a review score."""
    birth = between(
        draw,
        deadline.replace(year=deadline.year - 58, day=1),
        deadline.replace(year=deadline.year - 30, day=1),
    )
    person = resident_born(birth, serial=sequence)
    adult = add_months(birth, 18 * 12)
    least: SkillLevel = setting.value("craftsman.min_level", day=deadline)
    certificates: tuple[Certificate, ...] = ()
    equivalent: bool | None = True
    if between(draw, 0, 2):
        levels = [
            lv
            for lv in SkillLevel
            if least <= lv <= max(least, SkillLevel.SENIOR_TECHNICIAN)
        ]
        issued = between(draw, max(adult, deadline - timedelta(days=4000)), deadline)
        certificates = (_certificate(person, pick(draw, levels), issued),)
        equivalent = pick(draw, (None, True, False))
    honours, results, merit = _achievement(draw, setting, person, deadline)
    return CraftsmanApplication(
        person=person,
        year=deadline.year,
        deadline=deadline,
        frontline_posts=_posts(draw, setting, deadline, adult),
        certificates=certificates,
        equivalent_level=equivalent,
        honours=honours,
        results=results,
        other_merit=merit,
    )


def _score(draw: st.DrawFn, least: Decimal, most: Decimal = Decimal("99.9")) -> Decimal:
    """A review score from *least* to *most*, in tenths."""
    return least + Decimal(between(draw, 0, int((most - least) * 10))) / 10


def _rival(
    setting: Setting,
    application: CraftsmanApplication,
    index: int,
    *,
    counted: bool = True,
) -> CraftsmanApplication:
    """Another candidate of the round, scored *index* tenths above *application*.

    Built without drawing: a long front-line career (in posts that count unless
    *counted* is false), an equivalent level and other merit found by the review.
    """
    deadline = application.deadline
    kinds = sorted(
        setting.value("craftsman.frontline_post_types", day=deadline), key=str
    )
    others = [kind for kind in PostType if kind not in kinds]
    post = kinds[0] if counted or not others else others[0]
    start = deadline - timedelta(days=4400 if counted or not others else 300)
    birth = deadline.replace(year=deadline.year - 45, day=1) + timedelta(days=index)
    score = application.review_score or Decimal(0)
    return CraftsmanApplication(
        person=resident_born(birth, serial=index if counted else index + 500),
        year=application.year,
        deadline=deadline,
        frontline_posts=(Employment(period=DateRange(start, None), post=post),),
        equivalent_level=True,
        other_merit=True,
        review_score=score + Decimal(index) / 10,
    )


def _selection(draw: st.DrawFn, setting: Setting) -> Facts:
    """A candidate meeting every condition on the deadline, and placed within the
    year's limit: fewer eligible candidates of the round scored higher (often one
    fewer), and perhaps a higher score refused on a condition."""
    deadline = _deadline(draw, setting)
    limit: int = setting.value("craftsman.annual_limit", day=deadline)
    application = _candidate(draw, setting, deadline, between(draw, 0, 899))
    application = attrs.evolve(
        application, review_score=_score(draw, Decimal(60), Decimal(95))
    )
    # Often the last place (limit - 1 ahead), else few ahead, or any number.
    ahead = between(draw, 0, max(limit - 1, 0))
    ahead = pick(draw, (0, min(1, ahead), max(limit - 1, 0), ahead))
    others = [_rival(setting, application, index) for index in range(1, ahead + 1)]
    if between(draw, 0, 2) == 0:
        others.append(_rival(setting, application, ahead + 1, counted=False))
    return {"application": application, "applications": tuple(others)}


def _with_application(facts: Facts, **changes: Any) -> Facts:
    return {**facts, "application": attrs.evolve(facts["application"], **changes)}


def _short_front_line(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Front-line posts a month or more short of the least years, or of kinds that do
    not count."""
    application: CraftsmanApplication = facts["application"]
    deadline = application.deadline
    if between(draw, 0, 3) == 0:
        kinds = setting.value("craftsman.frontline_post_types", day=deadline)
        others = [kind for kind in PostType if kind not in kinds]
        if others:
            posts = tuple(
                attrs.evolve(p, post=pick(draw, others))
                for p in application.frontline_posts or ()
            )
            return _with_application(facts, frontline_posts=posts)
    years: int = setting.value("craftsman.min_frontline_years", day=deadline)
    first = latest_start(deadline + _DAY, 12 * years) + _DAY
    start = near(draw, first, min(first + timedelta(days=1500), deadline), ends="low")
    post = Employment(
        period=DateRange(start, None),
        post=pick(
            draw,
            sorted(
                setting.value("craftsman.frontline_post_types", day=deadline), key=str
            ),
        ),
    )
    return _with_application(facts, frontline_posts=(post,))


def _low_level(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Below the least level (or no certificate), and no equivalent level found."""
    application: CraftsmanApplication = facts["application"]
    least: SkillLevel = setting.value("craftsman.min_level", day=application.deadline)
    lower = [lv for lv in SkillLevel if SkillLevel.ELEMENTARY <= lv < least]
    certificates: tuple[Certificate, ...] = ()
    with_certificate = draw(st.booleans())
    if lower and with_certificate:
        issued = between(
            draw, application.deadline - timedelta(days=3000), application.deadline
        )
        certificates = (
            _certificate(
                application.person, lower[-1 - between(draw, 0, 1) % len(lower)], issued
            ),
        )
    return _with_application(facts, certificates=certificates, equivalent_level=False)


def _no_achievement(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """No listed honour or top result in the window (one just before it, a rank just
    too low, or an unlisted honour), and no other merit."""
    application: CraftsmanApplication = facts["application"]
    deadline = application.deadline
    start = _window(setting, deadline)
    person = application.person
    way = between(draw, 0, 2)
    honours = tuple(h for h in application.honours if h.key == _CRAFTSMAN)
    results: tuple[CompetitionResult, ...] = ()
    if way == 0:
        keys = sorted(setting.value("craftsman.qualifying_honours", day=deadline))
        honours = (
            *honours,
            _honour(
                person,
                pick(draw, keys),
                near(
                    draw,
                    start - timedelta(days=2001),
                    start - _DAY,
                    ends="high",
                ),
            ),
        )
    elif way == 1:
        most: int = setting.value("craftsman.result_max_rank", day=deadline)
        held = between(draw, start, deadline)
        results = (
            _result(
                draw,
                setting,
                person,
                deadline,
                held,
                rank=near(draw, most + 1, most + 11, ends="low"),
            ),
        )
    else:
        honours = (
            *honours,
            _honour(
                person, pick(draw, _UNLISTED_HONOURS), between(draw, start, deadline)
            ),
        )
    return _with_application(facts, honours=honours, results=results, other_merit=False)


def _already_craftsman(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A 鹏城工匠 title awarded on or before the deadline."""
    del setting
    application: CraftsmanApplication = facts["application"]
    deadline = application.deadline
    awarded = near(draw, deadline - timedelta(days=3000), deadline, ends="high")
    honour = _honour(application.person, _CRAFTSMAN, awarded)
    return _with_application(facts, honours=(*application.honours, honour))


def _no_place(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """As many eligible candidates scored higher as the year has places."""
    del draw
    application: CraftsmanApplication = facts["application"]
    limit: int = setting.value("craftsman.annual_limit", day=application.deadline)
    others: tuple[CraftsmanApplication, ...] = facts["applications"]
    rivals = [_rival(setting, application, index) for index in range(1, limit + 1)]
    kept = tuple(other for other in others if other not in rivals)
    return {**facts, "applications": (*kept, *rivals)}


SELECTION = CaseRecipe(
    rule="craftsman.selection",
    eligible=_selection,
    breaks={
        "craftsman.selection.frontline_years": _short_front_line,
        "craftsman.selection.level": _low_level,
        "craftsman.selection.achievement": _no_achievement,
        "craftsman.selection.not_yet_awarded": _already_craftsman,
        "craftsman.selection.rank": _no_place,
    },
)
"""鹏城工匠: a candidate meeting every condition who takes one of the year's places."""


# --- promotion ----------------------------------------------------------------------

_TABLES: Final = "craftsman.promotion_tables"


def _promotion(draw: st.DrawFn, setting: Setting) -> Facts:
    """A competitor's award listed in the table of a competition held while the
    table is in force, by someone below the level the award grants, or at it when
    the table names a further level."""
    on = setting.on
    tables: dict[str, dict[CompetitionAward, tuple[SkillLevel, SkillLevel | None]]]
    tables = setting.value(_TABLES)
    name = pick(draw, sorted(tables))
    table = tables[name]
    award = pick(draw, sorted(table, key=str))
    granted, step = table[award]
    period = setting.snapshot.get(_TABLES).period
    # Held within a year of the table's first day (its notice comes first).
    first = period.start if period is not None else on - timedelta(days=365)
    held = between(draw, first, min(on, first + timedelta(days=365)))
    end = period.end if period is not None else None
    unrecorded = (end is None or date(held.year, 12, 31) <= end) and between(
        draw, 0, 3
    ) == 0
    occupation = pick(draw, (*_OCCUPATIONS, None))
    contest = Competition(
        name=name,
        year=held.year,
        tier=CompetitionTier.NATIONAL,
        competition_class=CompetitionClass.FIRST,
        event=pick(draw, _EVENTS),
        occupation=occupation,
        competition_format=CompetitionFormat.INDIVIDUAL,
        held_on=None if unrecorded else held,
    )
    birth = between(draw, on - timedelta(days=365 * 55), on - timedelta(days=365 * 22))
    person = resident_born(birth, serial=between(draw, 0, 999))
    result = CompetitionResult(
        person=person,
        competition=contest,
        rank=between(draw, 1, 31),
        award=award,
        passed_all_parts=True,
    )
    below = [lv for lv in SkillLevel if SkillLevel.ELEMENTARY <= lv < granted]
    choices: list[SkillLevel | None] = [None, *below]
    if step is not None:
        choices.append(granted)
    held_level = pick(draw, choices[::-1])
    certificates: tuple[Certificate, ...] = ()
    if occupation is not None:
        if held_level is not None:
            # Not before 18 where the contest was held that long after the birth.
            adult = max(birth + timedelta(days=365 * 18), held - timedelta(days=4000))
            issued = between(draw, min(adult, held), held)
            certificates = (
                attrs.evolve(
                    _certificate(person, held_level, issued), occupation=occupation
                ),
            )
        if draw(st.booleans()):
            other = next(o for o in _OCCUPATIONS if o != occupation)
            certificates = (
                *certificates,
                attrs.evolve(
                    _certificate(
                        person,
                        SkillLevel.SENIOR_TECHNICIAN,
                        between(draw, held - timedelta(days=3000), held),
                    ),
                    occupation=other,
                ),
            )
    return {"result": result, "certificates": certificates}


def _as_coach(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return {**facts, "result": attrs.evolve(facts["result"], as_coach=True)}


def _unlisted_award(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """An award the table does not list, or none."""
    result: CompetitionResult = facts["result"]
    contest = result.competition
    day = contest.held_on or date(contest.year, 12, 31)
    table = setting.value(_TABLES, day=day)[contest.name]
    others = [a for a in CompetitionAward if a not in table]
    award = pick(draw, (None, *others))
    return {**facts, "result": attrs.evolve(result, award=award)}


def _already_there(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A certificate in the event's occupation at a level the award cannot raise."""
    result: CompetitionResult = facts["result"]
    contest = result.competition
    award = result.award
    day = contest.held_on or date(contest.year, 12, 31)
    table = setting.value(_TABLES, day=day)[contest.name]
    assert award is not None  # noqa: S101 - the drawn result has a listed award
    granted, step = table[award]
    highest = [
        lv for lv in SkillLevel if lv > granted and lv <= SkillLevel.SENIOR_TECHNICIAN
    ]
    if step is not None:
        highest = [lv for lv in highest if lv >= step] or [
            lv for lv in SkillLevel if lv >= step
        ]
    else:
        highest = [granted, *highest]
    level = pick(draw, highest)
    occupation = contest.occupation or _OCCUPATIONS[0]
    issued = between(draw, setting.on - timedelta(days=3000), setting.on)
    certificate = attrs.evolve(
        _certificate(result.person, level, issued), occupation=occupation
    )
    changed = attrs.evolve(
        result, competition=attrs.evolve(contest, occupation=occupation)
    )
    return {
        **facts,
        "result": changed,
        "certificates": (*facts["certificates"], certificate),
    }


PROMOTION = CaseRecipe(
    rule="craftsman.promotion",
    eligible=_promotion,
    breaks={
        "craftsman.promotion.competitor": _as_coach,
        "craftsman.promotion.award": _unlisted_award,
        "craftsman.promotion.level": _already_there,
    },
)
"""Promotion: a listed award of a tabled competition, below the level it grants."""

RECIPES: tuple[CaseRecipe, ...] = (PROMOTION, SELECTION)
"""The recipes of the programme's rules."""
