"""Strategies of skill-level applications."""

from datetime import date
from typing import Final

from hypothesis import strategies as st

from skillchain import (
    OccupationCode,
    Provenance,
    SkillLevel,
)
from skillchain.model import (
    ApplicationRoute,
    ApplicationStandard,
    CertificateKind,
    LevelApplication,
    ProfessionalTitleLevel,
    Schooling,
    YearsCountedFrom,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    IDS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    either,
    optional,
)
from skillchain.testing.strategies._recognition import certificates, professional_titles
from skillchain.testing.strategies._values import (
    date_ranges,
    occupation_codes,
    resident_ids,
)


#: The editions of the bundled templates (levels.standards).
_LEVEL_TEMPLATES: Final = ("template-a", "template-b", "template-c")


def application_routes(
    *, levels: "st.SearchStrategy[SkillLevel] | None" = None
) -> st.SearchStrategy[ApplicationRoute]:
    """Draw routes to a skill level (one alternative of a standard's 申报条件).

    The years are counted from a certificate or title only when the route needs one.

    Args:
        levels: The levels the routes lead to; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *levels* is not a strategy.
    """
    check_strategy("levels", levels)
    targets = either(levels, st.sampled_from(SkillLevel))

    @st.composite
    def draw_route(draw: st.DrawFn) -> ApplicationRoute:
        certificate = draw(optional(st.sampled_from(SkillLevel)))
        title = draw(optional(st.sampled_from(ProfessionalTitleLevel)))
        counts = [YearsCountedFrom.START]
        if certificate is not None:
            counts.append(YearsCountedFrom.CERTIFICATE)
        if title is not None:
            counts.append(YearsCountedFrom.TITLE)
        return ApplicationRoute(
            level=draw(targets),
            certificate=certificate,
            schooling=draw(st.frozensets(st.sampled_from(Schooling))),
            title=title,
            apprenticeship=draw(st.booleans()),
            years=draw(st.integers(min_value=0, max_value=12)),
            counted_from=draw(st.sampled_from(counts)),
        )

    return draw_route()


def application_standards(
    *, occupations: "st.SearchStrategy[OccupationCode | None] | None" = None
) -> st.SearchStrategy[ApplicationStandard]:
    """Draw application standards (or templates, with no occupation).

    Args:
        occupations: The occupations; a detailed code or None (a template) if None.

    Raises:
        hypothesis.errors.InvalidArgument: *occupations* is not a strategy.
    """
    check_strategy("occupations", occupations)
    return st.builds(
        ApplicationStandard,
        occupation=either(occupations, optional(occupation_codes(detail=True))),
        edition=st.sampled_from(_LEVEL_TEMPLATES) | IDS,
        routes=st.lists(application_routes(), min_size=1, max_size=6).map(tuple),
        document=IDS,
        provenance=st.sampled_from(Provenance),
        note=optional(NAMES),
    )


def level_applications(
    *,
    targets: "st.SearchStrategy[SkillLevel] | None" = None,
    editions: "st.SearchStrategy[str] | None" = None,
) -> st.SearchStrategy[LevelApplication]:
    """Draw applications for a skill level, with the applicant's own certificates.

    Most certificates are of the occupation applied in; work periods, diplomas,
    titles and the apprenticeship are sometimes unknown (``None``).

    Args:
        targets: The levels applied for; any if None.
        editions: The editions; a bundled template's or another name if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("targets", targets)
    check_strategy("editions", editions)
    levels = either(targets, st.sampled_from(SkillLevel))
    names = either(editions, st.sampled_from(_LEVEL_TEMPLATES) | IDS)

    from attrs import evolve

    @st.composite
    def draw_application(draw: st.DrawFn) -> LevelApplication:
        applicant = draw(resident_ids(max_birth=date(2008, 12, 31)))
        occupation = draw(occupation_codes(detail=True))
        drawn = draw(
            st.lists(
                certificates(
                    holders=st.just(applicant),
                    kinds=st.just(CertificateKind.SKILL_LEVEL),
                ),
                max_size=3,
            )
        )
        same = draw(st.lists(st.booleans(), min_size=len(drawn), max_size=len(drawn)))
        held = tuple(
            evolve(cert, occupation=occupation) if keep else cert
            for cert, keep in zip(drawn, same, strict=True)
        )
        work = st.lists(
            date_ranges(min_value=date(2000, 1, 1), max_value=POLICY_LAST), max_size=3
        ).map(tuple)
        titles = st.lists(
            professional_titles(holders=st.just(applicant)), max_size=2
        ).map(tuple)
        return LevelApplication(
            applicant=applicant,
            occupation=occupation,
            edition=draw(names),
            target=draw(levels),
            certificates=held,
            work=draw(optional(work)),
            schooling=draw(optional(st.frozensets(st.sampled_from(Schooling)))),
            titles=draw(optional(titles)),
            apprenticeship_completed=draw(FLAGS),
        )

    return draw_application()
