"""Strategies and policy helpers for the apprentice and programme rules.

The generic generators (``strategies_people``) rarely draw a claim for the
programme's own occupation or a programme that passes every condition, so the
strategies here aim at the conditions the rules decide: claims for the enrolment's
occupation with Shenzhen, non-Shenzhen, wider and unknown divisions; programmes
near the period, level and online-share bounds; evaluation days and programme
starts on both sides of every parameter's boundary (the two rules read their
figures on the programme's start).
"""

from datetime import date, timedelta

import attrs

from hypothesis import strategies as st

from skillchain import DivisionCode, OccupationCode, Policy, SkillLevel
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    InstitutionKind,
    MentorSide,
    SchoolKind,
    SubsidyClaim,
    SubsidyKind,
    TrainingMode,
)
from strategies import calendar_dates, division_codes
from strategies_people import enrolments, hours, mentors, programmes


__all__ = [
    "BOUNDARY_DAYS",
    "DIRECTORY_OCCUPATION",
    "WITH_DIRECTORY",
    "WITH_DISTRICT",
    "directory_overlay",
    "district_figures_overlay",
    "evaluation_days",
    "in_force_only",
    "judged_enrolments",
    "judged_programmes",
    "policies",
    "targeted_claims",
]

#: The first days of the parameter values the two rules read (each a boundary D).
BOUNDARY_DAYS: tuple[date, ...] = (
    date(2019, 12, 19),
    date(2021, 6, 8),
    date(2022, 1, 1),
    date(2024, 1, 1),
)

#: The occupation the test directory lists (电工, 6-31-01-03).
DIRECTORY_OCCUPATION = OccupationCode("6-31-01-03")


def directory_overlay(
    *codes: str, since: str = "2024-01-01", until: str | None = None
) -> Policy:
    """A district overlay supplying ``apprenticeship.occupation_directory``.

    Args:
        codes: The occupation codes the directory lists.
        since: The first day the directory is in force (TOML date).
        until: The last day, or None for open-ended.
    """
    listed = ", ".join(f'"{code}"' for code in codes)
    end = f"until = {until}\n" if until else ""
    return Policy.loads(
        f"""
[documents.test-district-directory]
title = "测试用区学徒培养职业（工种）指导目录"
issuers = ["测试区人力资源局"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.occupation_directory"]
description_zh = "区学徒培养职业（工种）指导目录"
description_en = "The district's apprenticeship occupation directory"
unit = "occupations"

[[parameters."apprenticeship.occupation_directory".values]]
since = {since}
{end}value = [{listed}]
document = "test-district-directory"
""",
        name="test-directory.toml",
    )


def district_figures_overlay(
    share: str = "0.50", size: str = "large", since: str = "2019-12-19"
) -> Policy:
    """A district overlay supplying the online share and the own-centre size.

    Test figures (Futian's are not published): by default those of Luohu's 2023
    call, at most half the professional-basics hours online and large enterprises'
    own centres.
    """
    return Policy.loads(
        f"""
[documents.test-district-figures]
title = "测试用区学徒制线上学时与自有培训中心规定"
issuers = ["测试区人力资源局"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.online_share_max"]
description_zh = "线上培训学时占专业基础课学时的最高比例"
description_en = "Largest online share of professional-basics hours"
unit = "ratio"

[[parameters."apprenticeship.online_share_max".values]]
since = {since}
value = "{share}"
document = "test-district-figures"

[parameters."apprenticeship.own_centre_min_size"]
description_zh = "可由企业自有培训中心承担培训的企业规模"
description_en = "Size for an enterprise's own training centre"
unit = "enterprise_size"

[[parameters."apprenticeship.own_centre_min_size".values]]
since = {since}
value = "{size}"
document = "test-district-figures"
""",
        name="test-district-figures.toml",
    )


#: The bundled policy with a directory listing :data:`DIRECTORY_OCCUPATION` from 2024.
WITH_DIRECTORY: Policy = Policy.default().overlay(
    directory_overlay(str(DIRECTORY_OCCUPATION))
)

#: :data:`WITH_DIRECTORY` with the district's online share (0.50) and own-centre size.
WITH_DISTRICT: Policy = WITH_DIRECTORY.overlay(district_figures_overlay())


def policies() -> st.SearchStrategy[Policy]:
    """Draw the bundled policy, or it with the district's directory and figures."""
    return st.sampled_from([Policy.default(), WITH_DIRECTORY, WITH_DISTRICT])


def in_force_only(policy: Policy, day: date) -> Policy:
    """*policy* with every parameter value not in force on *day* removed.

    A rule that reads only values in force on its evaluation day decides the same
    under both policies (the fingerprints differ).
    """
    parameters = {
        name: attrs.evolve(
            param,
            values=tuple(
                v for v in param.values if v.period is not None and day in v.period
            ),
        )
        for name, param in policy.parameters.items()
    }
    return Policy(
        documents=policy.documents, parameters=parameters, sources=policy.sources
    )


@st.composite
def evaluation_days(draw: st.DrawFn) -> date:
    """Draw evaluation days from 2019 to 2030, often a boundary day or the day before."""
    if draw(st.booleans()):
        boundary = draw(st.sampled_from(BOUNDARY_DAYS))
        return boundary - timedelta(days=draw(st.integers(0, 1)))
    return draw(calendar_dates(min_year=2019, max_year=2030))


@st.composite
def _starts(draw: st.DrawFn, start: date) -> date:
    """A programme start: *start*, or a boundary day or the day before."""
    if draw(st.booleans()):
        boundary = draw(st.sampled_from(BOUNDARY_DAYS))
        return boundary - timedelta(days=draw(st.integers(0, 1)))
    return start


@st.composite
def targeted_claims(draw: st.DrawFn, occupation: OccupationCode) -> SubsidyClaim:
    """Draw a claim, usually for *occupation*, paid in or out of Shenzhen or unknown.

    Args:
        draw: Supplied by Hypothesis.
        occupation: The occupation most drawn claims are for.
    """
    division = draw(
        st.sampled_from(
            [
                DivisionCode("440300"),
                DivisionCode("440304"),
                DivisionCode("440000"),
                DivisionCode("440100"),
                None,
            ]
        )
        | division_codes()
    )
    return SubsidyClaim(
        kind=draw(st.sampled_from(SubsidyKind)),
        year=draw(st.integers(2019, 2030)),
        occupation=draw(st.just(occupation) | st.none()),
        level=draw(st.none() | st.sampled_from(SkillLevel)),
        paid_on=draw(st.none() | calendar_dates(min_year=2019, max_year=2030)),
        division=division,
    )


@st.composite
def judged_programmes(draw: st.DrawFn) -> ApprenticeshipProgramme:
    """Draw programmes near the bounds the programme rule checks.

    Planned months around 12, 24 and 36; every institution kind; often both modes;
    online hours around half the professional-basics hours; often the directory's
    occupation.
    """
    base = draw(programmes())
    modes = draw(
        st.just(frozenset(TrainingMode)) | st.frozensets(st.sampled_from(TrainingMode))
    )
    dual = TrainingMode.DUAL_MENTORS in modes
    basics = draw(st.none() | hours())
    online = draw(
        st.none()
        | hours()
        | (st.just(basics / 2) if basics is not None else st.nothing())
    )
    return attrs.evolve(
        base,
        start=draw(_starts(base.start)),
        occupation=draw(st.just(DIRECTORY_OCCUPATION) | st.just(base.occupation)),
        planned_months=draw(
            st.sampled_from([11, 12, 24, 25, 36, 37]) | st.integers(1, 48)
        ),
        special_case=draw(st.none() | st.booleans()),
        modes=modes,
        enterprise_mentor=draw(mentors(MentorSide.ENTERPRISE)) if dual else None,
        institution_mentor=draw(mentors(MentorSide.INSTITUTION)) if dual else None,
        institution=attrs.evolve(
            base.institution, kind=draw(st.sampled_from(InstitutionKind))
        ),
        online_hours=online,
        professional_basics_hours=basics,
    )


@st.composite
def judged_enrolments(draw: st.DrawFn) -> ApprenticeEnrolment:
    """Draw enrolments whose claims are often for the programme's own occupation.

    The programme often starts on a boundary day (or the day before), and the
    person's school kind is drawn too.
    """
    base = draw(enrolments())
    claims = draw(
        st.lists(targeted_claims(base.programme.occupation), max_size=3).map(tuple)
    )
    programme = attrs.evolve(base.programme, start=draw(_starts(base.programme.start)))
    person = attrs.evolve(
        base.person, school_kind=draw(st.none() | st.sampled_from(SchoolKind))
    )
    return attrs.evolve(
        base, person=person, programme=programme, claims=(*base.claims, *claims)
    )
