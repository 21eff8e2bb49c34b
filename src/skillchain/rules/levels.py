"""Rule: may a person apply for a skill level (职业技能等级认定 申报条件)?

Each occupation's standard lists alternative routes to each level; the routes are
data (:class:`~skillchain.model.ApplicationStandard`, in the parameters
``levels.district_standards`` and ``levels.standards``), so the rule looks the
standard up and tries every route.
"""

from collections.abc import Sequence
from datetime import date

import attrs

from skillchain._context import in_library_context
from skillchain._dates import DateRange, days_apart, months_through
from skillchain._decision import Decision, FactValue
from skillchain._sources import Provenance
from skillchain.model import (
    ApplicationRoute,
    ApplicationStandard,
    LevelApplication,
    ProfessionalTitleLevel,
    YearsCountedFrom,
)
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import Condition, Rule, RuleSource, register


__all__ = [
    "LEVEL_APPLICATION_RULE",
    "check_level_application",
    "level_application",
    "worked_months",
]

# The standard is looked up in the district's list first, then the bundled one.
_LISTS = ("levels.district_standards", "levels.standards")
_FACTS = (
    "application.work",
    "application.schooling",
    "application.titles",
    "application.apprenticeship_completed",
)

STANDARD = Condition(
    "levels.application.standard",
    zh="{occupation}（标准版本 {edition}）{target}的申报条件：{routes} 项"
    "（来源 {document}，{provenance}）",
    en="Conditions for applying for {target} in {occupation} (standard edition "
    "{edition}): {routes} routes (from {document}, {provenance})",
    facts=_FACTS,
    parameters=_LISTS,
)
ROUTE = Condition(
    "levels.application.route",
    zh="途径 {number}：证书 {certificate} 及以上（已取得：{held}）；"
    "毕业证书（要求：{schooling}，符合：{schooled}）；"
    "职称 {title} 及以上（已取得：{titled}）；"
    "学徒期满（要求：{apprenticeship}，已满：{apprenticed}）；"
    "{counted_from}从事本职业或相关职业满 {years} 年（已满 {worked} 年）",
    en="Route {number}: a certificate at {certificate} or above (held: {held}); "
    "a diploma (needed: {schooling}, held: {schooled}); "
    "a title at {title} or above (held: {titled}); "
    "an apprenticeship (needed: {apprenticeship}, completed: {apprenticed}); "
    "{years} full years of work in this or a related occupation "
    "{counted_from} (done: {worked})",
    facts=("application.certificates", *_FACTS),
    parameters=_LISTS,
    advisory=True,
)
ANY_ROUTE = Condition(
    "levels.application.any_route",
    zh="申报{target}须具备以下条件之一：共 {routes} 项，符合 {held} 项，"
    "无法判断 {unknown} 项",
    en="Applying for {target} needs any one of {routes} routes: {held} held, "
    "{unknown} could not be decided",
    facts=("application.certificates", *_FACTS),
    parameters=_LISTS,
)

_NONE = "—"
_TITLE_RANK = {level: rank for rank, level in enumerate(ProfessionalTitleLevel)}


def worked_months(work: Sequence[DateRange], since: date | None, on: date) -> int:
    """Whole calendar months of *work* from *since* (inclusive) to *on* (inclusive).

    Periods are clipped to ``[since, on]`` (an open end runs to *on*), overlapping
    or touching periods are merged, and each merged stretch counts its whole
    calendar months (:func:`~skillchain.months_between` from its first day to the
    day after its last), so 1 January to 31 December is twelve months.

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange
        >>> from skillchain.rules import worked_months
        >>> worked_months((DateRange(date(2020, 1, 1), date(2020, 12, 31)),
        ...     DateRange(date(2020, 6, 1), date(2021, 2, 28))), None, date(2024, 1, 1))
        14
    """
    stretches: list[tuple[date, date]] = []
    for period in sorted(work, key=lambda p: p.start):
        start = period.start if since is None else max(period.start, since)
        end = on if period.end is None else min(period.end, on)
        if end < start:
            continue
        if stretches and days_apart(stretches[-1][1], start) <= 1:
            first, last = stretches[-1]
            stretches[-1] = (first, max(last, end))
        else:
            stretches.append((start, end))
    return sum(months_through(first, last) for first, last in stretches)


def _find(
    standards: Sequence[tuple[ApplicationStandard, ...] | None],
    application: LevelApplication,
) -> tuple[int, ApplicationStandard] | None:
    """The standard for the application (index of the list it came from)."""
    for occupation in (application.occupation, None):
        for index, found in enumerate(standards):
            for standard in found or ():
                if (
                    standard.occupation == occupation
                    and standard.edition == application.edition
                ):
                    return index, standard
    return None


def _certificate(
    route: ApplicationRoute, application: LevelApplication, on: date
) -> tuple[bool | None, date | None]:
    """Whether a counting certificate at the route's level or above is held by *on*
    (``None``: the route needs none), and the earliest such certificate's issue day."""
    floor = route.certificate
    if floor is None:
        return None, None
    issued = [
        certificate.issued_on
        for certificate in application.certificates
        if application.counts(certificate)
        and certificate.level is not None
        and certificate.level >= floor
        and certificate.issued_on <= on
    ]
    return bool(issued), (min(issued) if issued else None)


def _title(
    route: ApplicationRoute, application: LevelApplication, on: date
) -> tuple[bool | None, date | None, tuple[str, ...]]:
    """Whether a title at the route's level or above is held by *on* (``None``:
    unknown), the earliest dated one's day, and, when only undated ones qualify,
    the paths of their unknown days (``application.titles[1].conferred_on``)."""
    if application.titles is None or route.title is None:
        return None, None, ()
    floor = _TITLE_RANK[route.title]
    qualifying = [
        (index, title)
        for index, title in enumerate(application.titles)
        if _TITLE_RANK[title.level] >= floor
        and (title.conferred_on is None or title.conferred_on <= on)
    ]
    dated = [t.conferred_on for _, t in qualifying if t.conferred_on is not None]
    undated = (
        tuple(f"application.titles[{index}].conferred_on" for index, _ in qualifying)
        if qualifying and not dated
        else ()
    )
    return bool(qualifying), (min(dated) if dated else None), undated


def _years(
    route: ApplicationRoute,
    application: LevelApplication,
    on: date,
    start: date | None,
    title_undated: tuple[str, ...],
) -> tuple[bool | None, int | None, tuple[str, ...] | None]:
    """Whether the route's years are met, the whole years counted, what is missing.

    *start* is the day the count starts from (for a count from a certificate or
    title); ``(None, None, None)`` when the count cannot start because that
    certificate or title is not held (the route already failed on it).  Missing
    facts are named by their full path; work periods that are unknown and the days
    of undated titles the count starts from are both named.
    """
    lacking: list[str] = []
    if application.work is None:
        lacking.append("application.work")
    if route.counted_from is YearsCountedFrom.TITLE and start is None:
        lacking.extend(title_undated)
    if lacking:
        return None, None, tuple(lacking)
    if application.work is not None and (
        route.counted_from is YearsCountedFrom.START or start is not None
    ):
        worked = worked_months(application.work, start, on) // 12
        return worked >= route.years, worked, None
    return None, None, None


def _route(
    judge: Judge, number: int, route: ApplicationRoute, application: LevelApplication
) -> tuple[bool | None, tuple[str, ...]]:
    """Record one route's advisory finding; return whether it held and what is missing."""
    on = judge.on
    parts: list[bool | None] = []
    missing: list[str] = []

    held, since = _certificate(route, application, on)
    if route.certificate is not None:
        parts.append(held)

    schooled: bool | None = None
    if route.schooling:
        if application.schooling is None:
            missing.append("application.schooling")
        else:
            schooled = bool(route.schooling & application.schooling)
        parts.append(schooled)

    titled, title_since, title_undated = _title(route, application, on)
    if route.title is not None:
        if application.titles is None:
            missing.append("application.titles")
        parts.append(titled)

    apprenticed = application.apprenticeship_completed
    if route.apprenticeship:
        if apprenticed is None:
            missing.append("application.apprenticeship_completed")
        parts.append(apprenticed)

    worked: int | None = None
    if route.years:
        start = (
            since if route.counted_from is YearsCountedFrom.CERTIFICATE else title_since
        )
        met, worked, lacking = _years(route, application, on, start, title_undated)
        if lacking is not None:
            missing.extend(lacking)
        if met is not None or lacking is not None:
            parts.append(met)
        # Otherwise the certificate or title the count starts from is not held,
        # and that part has already failed.

    outcome: bool | None = False if False in parts else None if None in parts else True
    values: tuple[tuple[str, FactValue], ...] = (
        ("number", number),
        ("certificate", route.certificate or _NONE),
        ("held", held if route.certificate is not None else _NONE),
        ("schooling", bool(route.schooling)),
        ("schooled", schooled if route.schooling else _NONE),
        ("title", route.title or _NONE),
        ("titled", titled if route.title is not None else _NONE),
        ("apprenticeship", route.apprenticeship),
        ("apprenticed", apprenticed if route.apprenticeship else _NONE),
        ("counted_from", route.counted_from),
        ("years", route.years),
        ("worked", worked),
    )
    found = tuple(dict.fromkeys(missing)) if outcome is None else ()
    # A route is one alternative of the standard's finding: it cites nothing itself.
    judge.record(ROUTE.only(), outcome, values, missing=found)
    return outcome, found


def check_level_application(
    judge: Judge, application: LevelApplication
) -> ApplicationStandard | None:
    """Record the level-application findings for *application* on *judge*.

    Returns the standard the findings rest on (``None``: none was found): its own
    provenance counts towards the decision's as much as the list it came from.
    """
    lists: tuple[tuple[ApplicationStandard, ...] | None, ...] = judge.values(STANDARD)
    target = application.target
    values: tuple[tuple[str, FactValue], ...] = (
        ("occupation", application.occupation),
        ("edition", application.edition),
        ("target", target),
    )
    # Without a standard that states the routes, each fact a route may read may be
    # needed, and the district is to load the standard.
    lacking = tuple(
        name for name in _FACTS if getattr(application, name.split(".")[1]) is None
    )
    district, bundled = STANDARD.parameters[:1], STANDARD.parameters[1:]
    found = _find(lists, application)
    if found is None:
        # The district is to load it; the bundled list is named when not in force.
        judge.record(
            STANDARD.only(*bundled),
            None,
            (*values, ("routes", 0), ("document", None), ("provenance", None)),
            missing=(*lacking, *district),
        )
        return None
    index, standard = found
    # Only the list the standard comes from is read: the decision rests on it.
    used = STANDARD.parameters[index]
    routes = standard.routes_for(target)
    judge.record(
        STANDARD.only(used),
        True if routes else None,
        (
            *values,
            ("routes", len(routes)),
            ("document", standard.document),
            ("provenance", standard.provenance),
        ),
        missing=None if routes else (*lacking, *district),
    )
    if not routes:
        return standard

    results = [
        _route(judge, number, route, application)
        for number, route in enumerate(routes, start=1)
    ]
    outcomes = [outcome for outcome, _ in results]
    held = outcomes.count(True)
    unknown = outcomes.count(None)
    decided: bool | None = True if held else None if unknown else False
    missing = (
        tuple(dict.fromkeys(name for _, names in results for name in names))
        if decided is None
        else ()
    )
    judge.record(
        ANY_ROUTE.only(used),
        decided,
        (
            ("target", target),
            ("routes", len(routes)),
            ("held", held),
            ("unknown", unknown),
        ),
        missing=missing,
    )
    return standard


@in_library_context
def level_application(
    application: LevelApplication, *, on: date, policy: Policy | None = None
) -> Decision:
    """Decide whether *application*'s applicant may apply for its target level on *on*.

    Each route to the target level is recorded as an advisory finding; the case is
    eligible when any route holds, undetermined when none holds but some route
    needs an unknown fact (named in ``missing``) or no standard states the routes,
    ineligible otherwise.  Facts are counted up to *on*.  The decision's provenance
    is no stronger than the standard's own.

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import LevelApplication
        >>> from skillchain.rules import level_application
        >>> application = LevelApplication(applicant=ResidentId("11010519491231002X"),
        ...     occupation=OccupationCode("4-10-01-06"), edition="template-b",
        ...     target=SkillLevel.INTERMEDIATE,
        ...     work=(DateRange(date(2018, 3, 1)),), schooling=frozenset())
        >>> level_application(application, on=date(2024, 3, 1)).outcome.value
        'eligible'
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    standard = check_level_application(judge, application)
    decision = judge.decide(LEVEL_APPLICATION_RULE)
    if standard is None or decision.provenance is None:
        return decision
    weakest = Provenance.weakest((decision.provenance, standard.provenance))
    return attrs.evolve(decision, provenance=weakest)


LEVEL_APPLICATION_RULE: Rule = register(
    Rule(
        id="levels.application",
        version="2026.3",
        title_zh="职业技能等级认定申报条件",
        title_en="Conditions for applying for a skill level",
        function=level_application,
        sources=(RuleSource("mohrss-2019-90"), RuleSource("mohrss-2022-14")),
        conditions=(STANDARD, ROUTE, ANY_ROUTE),
    )
)
"""The registered skill-level application rule."""
