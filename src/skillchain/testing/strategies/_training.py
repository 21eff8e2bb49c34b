"""Strategies of public training courses, enrolments, partner regions and 粤菜师傅 units."""

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from skillchain import (
    DivisionCode,
)
from skillchain.model import (
    CantoneseChefDesignation,
    CantoneseChefUnit,
    CourseEnrolment,
    DeliveryMode,
    PartnerRegion,
    PublicTrainingCourse,
    RecognitionLevel,
    ThreeProject,
    TraineeGroup,
    TraineeProfile,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._values import (
    amounts,
    credit_codes,
    division_codes,
    occupation_codes,
    resident_ids,
)


def partner_regions() -> st.SearchStrategy[PartnerRegion]:
    """Draw partner regions of a rural workstation, all outside Shenzhen (440300)."""
    outside = division_codes().map(
        lambda code: (
            code
            if code.prefecture != DivisionCode("440300")
            else DivisionCode("445100")
        )
    )
    return st.builds(
        PartnerRegion,
        name=NAMES,
        division=optional(outside),
        opened_on=optional(dates_between(date(2019, 1, 1), POLICY_LAST)),
    )


def public_training_courses(
    *, projects: "st.SearchStrategy[ThreeProject | None] | None" = None
) -> st.SearchStrategy[PublicTrainingCourse]:
    """Draw public-interest training courses (公益性培训课程), 2000-2030.

    Args:
        projects: The 三项工程 projects; any or none if None.

    Raises:
        hypothesis.errors.InvalidArgument: *projects* is not a strategy.
    """
    check_strategy("projects", projects)
    return st.builds(
        PublicTrainingCourse,
        title=NAMES,
        delivery=st.sampled_from(DeliveryMode),
        hours=amounts(min_value=Decimal("0.5"), max_value=1000, places=1),
        year=st.integers(2000, 2030),
        organiser_name=NAMES,
        organiser=optional(credit_codes()),
        occupation=optional(occupation_codes()),
        project=either(projects, optional(st.sampled_from(ThreeProject))),
        campaign=optional(NAMES),
    )


def course_enrolments() -> st.SearchStrategy[CourseEnrolment]:
    """Draw course enrolments; a completion day only for a completed course, not before enrolment."""

    @st.composite
    def draw_enrolment(draw: st.DrawFn) -> CourseEnrolment:
        enrolled = draw(dates_between(date(2000, 1, 1), POLICY_LAST))
        completed = draw(FLAGS)
        done = (
            draw(optional(st.dates(enrolled, date(2031, 12, 31))))
            if completed
            else None
        )
        return CourseEnrolment(
            person=draw(resident_ids(max_birth=date(2012, 12, 31))),
            course=draw(public_training_courses()),
            enrolled_on=enrolled,
            completed=completed,
            completed_on=done,
            trainee=draw(optional(trainee_profiles())),
        )

    return draw_enrolment()


def trainee_profiles(
    *, groups: "st.SearchStrategy[TraineeGroup | None] | None" = None
) -> st.SearchStrategy[TraineeProfile]:
    """Draw what applicants for public training state; a partner region only for that group.

    Args:
        groups: The groups applicants enrol as; any or unknown if None.

    Raises:
        hypothesis.errors.InvalidArgument: *groups* is not a strategy.
    """
    check_strategy("groups", groups)

    @st.composite
    def draw_profile(draw: st.DrawFn) -> TraineeProfile:
        group = draw(either(groups, optional(st.sampled_from(TraineeGroup))))
        region = (
            draw(optional(partner_regions()))
            if group is TraineeGroup.PARTNER_REGION
            else None
        )
        return TraineeProfile(
            group=group, partner_region=region, insured_in_shenzhen=draw(FLAGS)
        )

    return draw_profile()


def cantonese_chef_designations() -> st.SearchStrategy[CantoneseChefDesignation]:
    """Draw designated 粤菜师傅 training bases and master studios, 2018-2030, anywhere."""
    return st.builds(
        CantoneseChefDesignation,
        name=NAMES,
        unit=st.sampled_from(CantoneseChefUnit),
        level=st.sampled_from(RecognitionLevel),
        division=division_codes(),
        designated_on=dates_between(date(2018, 4, 1), POLICY_LAST),
        host=optional(credit_codes()),
        host_name=optional(NAMES),
        grant_received=FLAGS,
    )
