"""Recipes of the rules of skill-level applications (职业技能等级认定申报).

An eligible application meets one route to its target level with only the facts
that route needs (its certificate, diploma, title, apprenticeship or years of
work, the years often exactly enough); every other fact is known and meets no
other route on its own, so making the route's fact unknown leaves the case open.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

import attrs

from hypothesis import strategies as st

from skillchain._codes import OccupationCode
from skillchain._dates import DateRange, add_months
from skillchain._identifiers import ResidentId
from skillchain._levels import SkillLevel
from skillchain.model import (
    ApplicationRoute,
    ApplicationStandard,
    Certificate,
    CertificateKind,
    IssuerKind,
    LevelApplication,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    Schooling,
    YearsCountedFrom,
)
from skillchain.rules import worked_months
from skillchain.testing.strategies._cases import (
    CaseRecipe,
    Facts,
    Setting,
)
from skillchain.testing.strategies._draws import (
    between,
    latest_start,
    near,
    pick,
    resident_born,
)


__all__ = ["APPLICATION", "RECIPES"]


_DAY: Final = timedelta(days=1)
_LISTS: Final = ("levels.district_standards", "levels.standards")
# Occupations a shared template is drawn for (elderly care, infant care, electrician,
# hairdresser).
_TEMPLATE_OCCUPATIONS: Final = tuple(
    OccupationCode(code)
    for code in ("4-10-01-05", "4-10-01-06", "6-31-01-03", "4-10-03-01")
)
_RELATED: Final = OccupationCode("4-10-01-02")
_TITLE_RANK: Final = {level: rank for rank, level in enumerate(ProfessionalTitleLevel)}
_TITLE_NAMES: Final = {
    ProfessionalTitleLevel.JUNIOR: "助理工程师",
    ProfessionalTitleLevel.INTERMEDIATE: "工程师",
    ProfessionalTitleLevel.DEPUTY_SENIOR: "高级工程师",
    ProfessionalTitleLevel.FULL_SENIOR: "正高级工程师",
}


def _standards(setting: Setting) -> list[tuple[ApplicationStandard, ...] | None]:
    return [setting.value(name) for name in _LISTS]


def _found(
    lists: Sequence[tuple[ApplicationStandard, ...] | None],
    occupation: OccupationCode,
    edition: str,
) -> ApplicationStandard | None:
    """The standard the rule uses: an occupation's own before a template, the
    district's list before the bundled one."""
    for wanted in (occupation, None):
        for found in lists:
            for standard in found or ():
                if standard.occupation == wanted and standard.edition == edition:
                    return standard
    return None


def _choices(setting: Setting) -> list[tuple[OccupationCode, ApplicationStandard]]:
    """Every occupation and the standard it is judged under, for the standards in
    force that state some routes."""
    lists = _standards(setting)
    seen: set[tuple[OccupationCode, str]] = set()
    found: list[tuple[OccupationCode, ApplicationStandard]] = []
    for standards in lists:
        for standard in standards or ():
            occupations = (
                (standard.occupation,)
                if standard.occupation is not None
                else _TEMPLATE_OCCUPATIONS
            )
            for occupation in occupations:
                key = (occupation, standard.edition)
                used = _found(lists, occupation, standard.edition)
                if key in seen or used is None or not used.routes:
                    continue
                seen.add(key)
                found.append((occupation, used))
    return found


def _applicant(draw: st.DrawFn, on: date, years: int) -> ResidentId:
    """Someone aged 18 to 55 on *on* who was 16 at least *years* + 2 years before."""
    youngest = on.replace(year=on.year - max(18, 16 + years + 2), day=1)
    birth = between(draw, min(on.replace(year=on.year - 55, day=1), youngest), youngest)
    return resident_born(birth, serial=between(draw, 0, 999))


def _sixteen(person: ResidentId) -> date:
    return add_months(person.birth_date, 16 * 12)


def _certificate(
    draw: st.DrawFn,
    application: LevelApplication,
    level: SkillLevel,
    issued: date,
) -> Certificate:
    return Certificate(
        holder=application.applicant,
        kind=CertificateKind.SKILL_LEVEL,
        occupation=pick(
            draw, (application.occupation, *sorted(application.related_occupations))
        ),
        level=level,
        issued_on=issued,
        issuer_kind=pick(
            draw, (IssuerKind.SOCIAL_EVALUATION_ORGANISATION, IssuerKind.HR_DEPARTMENT)
        ),
    )


def _short_work(
    draw: st.DrawFn, on: date, routes: Sequence[ApplicationRoute], earliest: date
) -> tuple[DateRange, ...]:
    """Work (or none) a month or more short of the fewest years any route asks for."""
    years = [route.years for route in routes if route.years]
    if not years:
        if draw(st.booleans()):
            return ()
        return (DateRange(between(draw, earliest, on)),)
    first = max(latest_start(on + _DAY, 12 * min(years)), earliest - _DAY) + _DAY
    if between(draw, 0, 3) == 0:
        return ()
    start = near(draw, first, min(first + timedelta(days=3000), on), ends="low")
    return (DateRange(start, pick(draw, (None, on))),)


def _application(draw: st.DrawFn, setting: Setting) -> Facts:
    """An application meeting one route to its target level, and only that one."""
    on = setting.on
    occupation, standard = pick(draw, _choices(setting))
    route = pick(draw, standard.routes)
    target = route.level
    routes = standard.routes_for(target)
    person = _applicant(draw, on, route.years)
    earliest = _sixteen(person)
    application = LevelApplication(
        applicant=person,
        occupation=occupation,
        edition=standard.edition,
        target=target,
        related_occupations=pick(draw, (frozenset(), frozenset({_RELATED}))),
        work=(),
        schooling=frozenset(),
        titles=(),
        apprenticeship_completed=route.apprenticeship,
    )
    since: date | None = None  # the day the route's years count from
    counted = route.years and route.counted_from
    if route.certificate is not None:
        lowest = route.certificate
        levels = [lv for lv in SkillLevel if lowest <= lv < target] or [lowest]
        latest = on
        if counted is YearsCountedFrom.CERTIFICATE:
            latest = latest_start(on + _DAY, 12 * route.years)
        issued = near(
            draw, max(latest - timedelta(days=3000), earliest), latest, ends="high"
        )
        certificate = _certificate(draw, application, pick(draw, levels), issued)
        application = attrs.evolve(application, certificates=(certificate,))
        since = issued if counted is YearsCountedFrom.CERTIFICATE else None
    if route.schooling:
        diploma = pick(draw, sorted(route.schooling, key=str))
        application = attrs.evolve(application, schooling=frozenset({diploma}))
    if route.title is not None:
        lowest_title = route.title
        latest = on
        if counted is YearsCountedFrom.TITLE:
            latest = latest_start(on + _DAY, 12 * route.years)
        conferred = near(
            draw, max(latest - timedelta(days=3000), earliest), latest, ends="high"
        )
        floor = _TITLE_RANK[lowest_title]
        level = pick(
            draw, [t for t in ProfessionalTitleLevel if _TITLE_RANK[t] >= floor]
        )
        title = ProfessionalTitle(
            holder=person, level=level, name=_TITLE_NAMES[level], conferred_on=conferred
        )
        application = attrs.evolve(application, titles=(title,))
        since = conferred if counted is YearsCountedFrom.TITLE else since
    if route.years:
        if since is None:
            latest = latest_start(on + _DAY, 12 * route.years)
            start = near(
                draw, max(latest - timedelta(days=2000), earliest), latest, ends="high"
            )
        else:
            start = near(
                draw, max(since - timedelta(days=1500), earliest), since, ends="high"
            )
        work: tuple[DateRange, ...] = (DateRange(start, pick(draw, (None, on))),)
    else:
        work = _short_work(draw, on, routes, earliest)
    return {"application": attrs.evolve(application, work=work)}


def _holds(route: ApplicationRoute, application: LevelApplication, on: date) -> bool:
    """Whether *route* holds for *application*, whose facts are all known."""
    since: date | None = None
    if route.certificate is not None:
        days = [
            c.issued_on
            for c in application.certificates
            if application.counts(c)
            and c.level is not None
            and c.level >= route.certificate
            and c.issued_on <= on
        ]
        if not days:
            return False
        if route.counted_from is YearsCountedFrom.CERTIFICATE:
            since = min(days)
    if route.schooling and not route.schooling & (application.schooling or frozenset()):
        return False
    if route.title is not None:
        floor = _TITLE_RANK[route.title]
        dated = [
            t.conferred_on
            for t in application.titles or ()
            if _TITLE_RANK[t.level] >= floor
            and t.conferred_on is not None
            and t.conferred_on <= on
        ]
        if not dated:
            return False
        if route.counted_from is YearsCountedFrom.TITLE:
            since = min(dated)
    if route.apprenticeship and not application.apprenticeship_completed:
        return False
    if route.years:
        worked = worked_months(application.work or (), since, on)
        return worked >= 12 * route.years
    return True


def _no_route(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """An application that meets no route to its level, each just missed where it can.

    Either a certificate kept, issued a day too late for the years counted from it,
    or: no certificate at the lowest level any route asks for (one level below it,
    or none), no accepted diploma, no title high enough, no apprenticeship, and
    work a month or more short of the fewest years asked for.
    """
    on = setting.on
    application: LevelApplication = facts["application"]
    lists = _standards(setting)
    standard = _found(lists, application.occupation, application.edition)
    if standard is None:
        return facts
    routes = standard.routes_for(application.target)
    earliest = _sixteen(application.applicant)
    recent = _recent_certificate(draw, on, application, routes, earliest)
    if recent is not None:
        return {"application": recent}
    floors = [r.certificate for r in routes if r.certificate is not None]
    certificates: tuple[Certificate, ...] = ()
    if floors:
        under = [lv for lv in SkillLevel if SkillLevel.ELEMENTARY <= lv < min(floors)]
        lower = draw(st.booleans())
        if under and lower:
            issued = between(draw, max(earliest, on - timedelta(days=3000)), on)
            certificates = (_certificate(draw, application, under[-1], issued),)
    accepted = frozenset().union(*(r.schooling for r in routes))
    diplomas = [s for s in Schooling if s not in accepted]
    schooling = (
        frozenset(pick(draw, ((), *((d,) for d in diplomas))))
        if diplomas
        else frozenset()
    )
    titles: tuple[ProfessionalTitle, ...] = ()
    title_floors = [_TITLE_RANK[r.title] for r in routes if r.title is not None]
    if title_floors and min(title_floors) > 0 and draw(st.booleans()):
        level = list(ProfessionalTitleLevel)[min(title_floors) - 1]
        titles = (
            ProfessionalTitle(
                holder=application.applicant,
                level=level,
                name=_TITLE_NAMES[level],
                conferred_on=between(
                    draw, max(earliest, on - timedelta(days=3000)), on
                ),
            ),
        )
    failing = attrs.evolve(
        application,
        certificates=certificates,
        schooling=schooling,
        titles=titles,
        apprenticeship_completed=False,
        work=_short_work(draw, on, routes, earliest),
    )
    return {"application": failing}


def _recent_certificate(
    draw: st.DrawFn,
    on: date,
    application: LevelApplication,
    routes: Sequence[ApplicationRoute],
    earliest: date,
) -> LevelApplication | None:
    """The application's certificate issued a day too late for the years counted
    from it, with nothing else; ``None`` when that still meets some route."""
    held = application.certificates
    if not held or draw(st.booleans()):
        return None
    certificate = held[0]
    counted = [
        r.years
        for r in routes
        if r.certificate is not None
        and r.counted_from is YearsCountedFrom.CERTIFICATE
        and certificate.level is not None
        and certificate.level >= r.certificate
    ]
    if not counted:
        return None
    first = max(latest_start(on + _DAY, 12 * min(counted)), earliest - _DAY) + _DAY
    if first > on:  # no years to fall short of: the certificate meets its route
        return None
    issued = near(draw, first, min(first + timedelta(days=1500), on), ends="low")
    start = near(draw, max(issued - timedelta(days=400), earliest), issued, ends="high")
    changed = attrs.evolve(
        application,
        certificates=(attrs.evolve(certificate, issued_on=issued),),
        schooling=frozenset(),
        titles=(),
        apprenticeship_completed=False,
        work=(DateRange(start, None),),
    )
    if any(_holds(route, changed, on) for route in routes):
        return None
    return changed


APPLICATION = CaseRecipe(
    rule="levels.application",
    eligible=_application,
    breaks={"levels.application.any_route": _no_route},
    # A standard of either list will do; the bundled one is enough.
    needs=("levels.standards",),
)
"""Level application: one route of a loaded standard, met exactly."""

RECIPES: tuple[CaseRecipe, ...] = (APPLICATION,)
"""The recipes of the programme's rules."""
