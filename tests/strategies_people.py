"""Hypothesis strategies for people, organisations and the apprenticeship records.

Valid by construction (no filtering): mentors sit on their own side, and a
programme whose modes include 企校双师带徒 always names both mentors.
"""

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from skillchain import ResidentId, SkillLevel
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    Employment,
    Enterprise,
    EnterpriseSize,
    HireKind,
    InstitutionKind,
    InsurancePeriod,
    LabourContract,
    Mentor,
    MentorSide,
    Ownership,
    Person,
    PostType,
    ProgrammeStatus,
    RegulatoryStatus,
    SubsidyClaim,
    SubsidyKind,
    TrainingInstitution,
    TrainingMode,
)
from strategies import (
    calendar_dates,
    credit_codes,
    date_ranges,
    division_codes,
    occupation_codes,
    resident_ids,
)


__all__ = [
    "enrolments",
    "enterprises",
    "hours",
    "labour_contracts",
    "mentors",
    "persons",
    "programmes",
    "subsidy_claims",
    "training_institutions",
]

_FLAGS = st.none() | st.booleans()
_NAMES = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L"]), min_size=1, max_size=8
)


def hours() -> st.SearchStrategy[Decimal]:
    """Draw non-negative hour counts with at most one decimal place."""
    return st.decimals(
        min_value=0, max_value=10_000, places=1, allow_nan=False, allow_infinity=False
    )


@st.composite
def persons(
    draw: st.DrawFn, *, ids: st.SearchStrategy[ResidentId] | None = None
) -> Person:
    """Draw workers with any mix of known and unknown facts.

    Args:
        draw: Supplied by Hypothesis.
        ids: The identity numbers to use; any valid number if None.
    """
    insurance = st.tuples() | st.lists(
        st.builds(
            InsurancePeriod,
            division=division_codes(),
            period=date_ranges(min_year=1990, max_year=2030),
            employer=st.none() | credit_codes(),
        ),
        max_size=3,
    ).map(tuple)
    employment = st.lists(
        st.builds(
            Employment,
            period=date_ranges(min_year=1990, max_year=2030),
            employer=st.none() | credit_codes(),
            employer_name=st.none() | _NAMES,
            post=st.none() | st.sampled_from(PostType),
        ),
        max_size=3,
    ).map(tuple)
    return Person(
        id=draw(ids if ids is not None else resident_ids()),
        name=draw(st.none() | _NAMES),
        hukou_division=draw(st.none() | division_codes()),
        insurance=draw(st.none() | insurance),
        employment=draw(st.none() | employment),
        civil_service_establishment=draw(_FLAGS),
        full_time_student=draw(_FLAGS),
        drawing_pension=draw(_FLAGS),
        registered_unemployed=draw(_FLAGS),
    )


def training_institutions() -> st.SearchStrategy[TrainingInstitution]:
    """Draw training institutions (a certificate number only when approved or filed)."""
    return st.builds(
        TrainingInstitution,
        name=_NAMES,
        kind=st.sampled_from(InstitutionKind),
        credit_code=st.none() | credit_codes(),
        ownership=st.none() | st.sampled_from(Ownership),
        regulatory_status=st.sampled_from(
            [RegulatoryStatus.APPROVED, RegulatoryStatus.FILED]
        ),
        certificate_number=st.none() | st.text("0123456789", min_size=1, max_size=12),
        division=st.none() | division_codes(),
    )


def enterprises() -> st.SearchStrategy[Enterprise]:
    """Draw enterprises with any mix of known and unknown facts."""
    return st.builds(
        Enterprise,
        credit_code=credit_codes(),
        name=_NAMES,
        registered_division=division_codes(),
        size=st.none() | st.sampled_from(EnterpriseSize),
        insured_headcount_city=st.none() | st.integers(0, 100_000),
        clean_record_years=st.none() | st.integers(0, 50),
        on_dishonest_list=_FLAGS,
        cluster_tags=st.frozensets(st.sampled_from(["a", "b", "c"])),
        training_centre=st.none() | training_institutions(),
    )


def mentors(side: MentorSide) -> st.SearchStrategy[Mentor]:
    """Draw mentors on one side.

    Args:
        side: The side every drawn mentor is on.
    """
    return st.builds(
        Mentor,
        name=_NAMES,
        side=st.just(side),
        skill_level=st.none() | st.sampled_from(SkillLevel),
        years_of_experience=st.none() | st.integers(0, 50),
    )


@st.composite
def programmes(draw: st.DrawFn) -> ApprenticeshipProgramme:
    """Draw apprenticeship programmes; 企校双师带徒 always comes with both mentors."""
    modes = draw(st.frozensets(st.sampled_from(TrainingMode)))
    dual = TrainingMode.DUAL_MENTORS in modes
    maybe = st.none() if not dual else st.nothing()
    return ApprenticeshipProgramme(
        enterprise=draw(credit_codes()),
        institution=draw(training_institutions()),
        occupation=draw(occupation_codes(detail=True)),
        target_level=draw(st.sampled_from(SkillLevel)),
        start=draw(calendar_dates(min_year=2019, max_year=2030)),
        planned_months=draw(st.integers(1, 48)),
        modes=modes,
        status=draw(st.sampled_from(ProgrammeStatus)),
        enterprise_mentor=draw(maybe | mentors(MentorSide.ENTERPRISE)),
        institution_mentor=draw(maybe | mentors(MentorSide.INSTITUTION)),
        online_hours=draw(st.none() | hours()),
        professional_basics_hours=draw(st.none() | hours()),
        filing_division=draw(st.none() | division_codes()),
        district_quota_year=draw(st.none() | st.integers(2019, 2030)),
    )


@st.composite
def labour_contracts(draw: st.DrawFn) -> LabourContract:
    """Draw labour contracts, fixed-term or open-ended."""
    start = draw(calendar_dates(min_year=2000, max_year=2040))
    end = draw(st.none() | st.dates(min_value=start, max_value=date(2060, 12, 31)))
    return LabourContract(start=start, end=end)


def subsidy_claims() -> st.SearchStrategy[SubsidyClaim]:
    """Draw subsidy claims."""
    return st.builds(
        SubsidyClaim,
        kind=st.sampled_from(SubsidyKind),
        year=st.integers(2019, 2030),
        occupation=st.none() | occupation_codes(detail=True),
        level=st.none() | st.sampled_from(SkillLevel),
        amount=st.none() | st.decimals(0, 10_000, places=2),
        division=st.none() | division_codes(),
    )


@st.composite
def enrolments(
    draw: st.DrawFn, *, ids: st.SearchStrategy[ResidentId] | None = None
) -> ApprenticeEnrolment:
    """Draw apprentice enrolments.

    Args:
        draw: Supplied by Hypothesis.
        ids: The identity numbers to use; any valid number if None.
    """
    return ApprenticeEnrolment(
        person=draw(persons(ids=ids)),
        programme=draw(programmes()),
        contract=draw(st.none() | labour_contracts()),
        hire_kind=draw(st.none() | st.sampled_from(HireKind)),
        skill_post=draw(_FLAGS),
        in_plan_same_or_higher=draw(_FLAGS),
        filed_elsewhere_in_training=draw(_FLAGS),
        covered_by_special_aid=draw(_FLAGS),
        qualified=draw(_FLAGS),
        claims=tuple(draw(st.lists(subsidy_claims(), max_size=3))),
    )
