"""Strategies of the enterprise new-type apprenticeship."""

from datetime import date

from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    OccupationCode,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    HireKind,
    LabourContract,
    Mentor,
    MentorSide,
    ProgrammeStatus,
    SubsidyClaim,
    SubsidyKind,
    TrainingMode,
)
from skillchain.rules import (
    Allocation,
    QuotaAllocation,
    QuotaApplication,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    NAMES,
    POLICY_FIRST,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import decisions
from skillchain.testing.strategies._people import (
    persons,
    training_institutions,
)
from skillchain.testing.strategies._values import (
    amounts,
    credit_codes,
    division_codes,
    occupation_codes,
)


def mentors(
    *, side: "st.SearchStrategy[MentorSide] | None" = None
) -> st.SearchStrategy[Mentor]:
    """Draw mentors (导师).

    Args:
        side: The sides; either if None.

    Raises:
        hypothesis.errors.InvalidArgument: *side* is not a strategy.
    """
    check_strategy("side", side)
    return st.builds(
        Mentor,
        name=NAMES,
        side=either(side, st.sampled_from(MentorSide)),
        skill_level=optional(st.sampled_from(SkillLevel)),
        professional_title=optional(NAMES),
        years_of_experience=optional(st.integers(0, 50)),
    )


def labour_contracts(
    *, start: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[LabourContract]:
    """Draw labour contracts, fixed-term (end on or after start) or open-ended.

    Args:
        start: The start days; 2000-2040 if None.

    Raises:
        hypothesis.errors.InvalidArgument: *start* is not a strategy.
    """
    check_strategy("start", start)
    starts = either(start, dates_between(date(2000, 1, 1), date(2040, 12, 31)))

    @st.composite
    def draw_contract(draw: st.DrawFn) -> LabourContract:
        first = draw(starts)
        end = draw(optional(st.dates(first, max(first, date(2060, 12, 31)))))
        return LabourContract(start=first, end=end)

    return draw_contract()


def subsidy_claims(
    *,
    kinds: "st.SearchStrategy[SubsidyKind] | None" = None,
    years: "st.SearchStrategy[int] | None" = None,
) -> st.SearchStrategy[SubsidyClaim]:
    """Draw subsidy claims already made (补贴申领记录).

    Args:
        kinds: The subsidy kinds; any if None.
        years: The claim years; 2019-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("kinds", kinds)
    check_strategy("years", years)
    return st.builds(
        SubsidyClaim,
        kind=either(kinds, st.sampled_from(SubsidyKind)),
        year=either(years, st.integers(2019, 2030)),
        occupation=optional(occupation_codes(detail=True)),
        level=optional(st.sampled_from(SkillLevel)),
        amount=optional(amounts(max_value=100_000)),
        paid_on=optional(dates_between(POLICY_FIRST, POLICY_LAST)),
        division=optional(division_codes()),
    )


def programmes(
    *,
    levels: "st.SearchStrategy[SkillLevel] | None" = None,
    start: "st.SearchStrategy[date] | None" = None,
    enterprises: "st.SearchStrategy[CreditCode] | None" = None,
    occupations: "st.SearchStrategy[OccupationCode] | None" = None,
) -> st.SearchStrategy[ApprenticeshipProgramme]:
    """Draw apprenticeship programmes (学徒培养项目); 企校双师带徒 comes with both mentors.

    Args:
        levels: The target levels; any if None.
        start: The start days; 2019-2030 if None.
        enterprises: The enterprises' credit codes; any if None.
        occupations: The occupations; any detailed occupation if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (
        ("levels", levels),
        ("start", start),
        ("enterprises", enterprises),
        ("occupations", occupations),
    ):
        check_strategy(name, value)
    target = either(levels, st.sampled_from(SkillLevel))
    starts = either(start, dates_between(POLICY_FIRST, POLICY_LAST))
    codes = either(enterprises, credit_codes())
    jobs = either(occupations, occupation_codes(detail=True))
    # Built once here, not on every draw: building a strategy costs more than drawing.
    mode_sets = st.frozensets(st.sampled_from(TrainingMode))
    institutions = training_institutions()
    statuses = st.sampled_from(ProgrammeStatus)
    references = optional(st.from_regex(r"FT-[0-9]{3}", fullmatch=True))
    masters = mentors(side=st.just(MentorSide.ENTERPRISE))
    teachers = mentors(side=st.just(MentorSide.INSTITUTION))
    hours = optional(amounts(max_value=10_000, places=1))
    places = optional(division_codes())
    filing_days = optional(dates_between(date(2018, 1, 1), POLICY_LAST))
    quota_years = optional(st.integers(2019, 2030))

    @st.composite
    def draw_programme(draw: st.DrawFn) -> ApprenticeshipProgramme:
        modes = draw(mode_sets)
        dual = TrainingMode.DUAL_MENTORS in modes
        first = draw(starts)
        room = (10000 * 12 - 1) - (first.year * 12 + first.month - 1)
        return ApprenticeshipProgramme(
            enterprise=draw(codes),
            institution=draw(institutions),
            occupation=draw(jobs),
            target_level=draw(target),
            start=first,
            planned_months=draw(st.integers(1, max(1, min(48, room)))),
            modes=modes,
            status=draw(statuses),
            reference=draw(references),
            special_case=draw(FLAGS),
            enterprise_mentor=draw(masters if dual else optional(masters)),
            institution_mentor=draw(teachers if dual else optional(teachers)),
            online_hours=draw(hours),
            professional_basics_hours=draw(hours),
            filing_division=draw(places),
            filed_on=draw(filing_days),
            district_quota_year=draw(quota_years),
        )

    return draw_programme()


def enrolments(
    *,
    ids: "st.SearchStrategy[ResidentId] | None" = None,
    programmes: "st.SearchStrategy[ApprenticeshipProgramme] | None" = None,
) -> st.SearchStrategy[ApprenticeEnrolment]:
    """Draw apprentice enrolments (学徒), with a claim history of up to three claims.

    Args:
        ids: The apprentices' identity numbers; any if None.
        programmes: The programmes enrolled in; any drawn programme if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("ids", ids)
    check_strategy("programmes", programmes)
    return st.builds(
        ApprenticeEnrolment,
        person=persons(ids=ids),
        programme=programmes if programmes is not None else _all_programmes(),
        contract=optional(labour_contracts()),
        hire_kind=optional(st.sampled_from(HireKind)),
        skill_post=FLAGS,
        in_plan_same_or_higher=FLAGS,
        filed_elsewhere_in_training=FLAGS,
        covered_by_special_aid=FLAGS,
        qualified=FLAGS,
        claims=st.lists(subsidy_claims(), max_size=3).map(tuple),
    )


def _all_programmes() -> st.SearchStrategy[ApprenticeshipProgramme]:
    return programmes()


def quota_applications(
    *, programmes: "st.SearchStrategy[ApprenticeshipProgramme] | None" = None
) -> st.SearchStrategy[QuotaApplication]:
    """Draw applications for the district's apprenticeship quota (1-40 apprentices).

    Args:
        programmes: The programmes applied for; any drawn programme if None.

    Raises:
        hypothesis.errors.InvalidArgument: *programmes* is not a strategy.
    """
    check_strategy("programmes", programmes)
    return st.builds(
        QuotaApplication,
        programme=programmes if programmes is not None else _all_programmes(),
        apprentices=st.integers(1, 40),
    )


def quota_allocations() -> st.SearchStrategy[QuotaAllocation]:
    """Draw quota allocations: ranked applications with one decision each."""
    applications = st.lists(quota_applications(), max_size=3)
    quotas = optional(st.integers(0, 100))
    outcomes = decisions()

    @st.composite
    def draw_allocation(draw: st.DrawFn) -> QuotaAllocation:
        ranked = tuple(draw(applications))
        return QuotaAllocation(
            quota=draw(quotas),
            ranked=ranked,
            decisions=tuple(draw(outcomes) for _ in ranked),
        )

    return draw_allocation()


def allocations() -> st.SearchStrategy[Allocation[QuotaApplication]]:
    """Draw plain allocations (the base of the five allocation results), of quota
    applications with one decision each."""
    return quota_allocations().map(
        lambda drawn: Allocation(ranked=drawn.ranked, decisions=drawn.decisions)
    )
