"""Strategies of people, enterprises and the organisations around them."""

from datetime import date

from hypothesis import strategies as st

from skillchain import (
    DivisionCode,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    Employment,
    Enterprise,
    EnterpriseSize,
    EvaluationOrganisationKind,
    EvaluationQualification,
    InstitutionKind,
    InsurancePeriod,
    Ownership,
    Person,
    PostType,
    RegulatoryStatus,
    SchoolKind,
    SkillEvaluationOrganisation,
    TrainingInstitution,
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
    credit_codes,
    date_ranges,
    division_codes,
    occupation_codes,
    resident_ids,
)


def insurance_periods(
    *, divisions: "st.SearchStrategy[DivisionCode] | None" = None
) -> st.SearchStrategy[InsurancePeriod]:
    """Draw social-insurance contribution periods (参保缴费期间), 1990-2030.

    Args:
        divisions: The divisions insured in; any if None.
    """
    check_strategy("divisions", divisions)
    return st.builds(
        InsurancePeriod,
        division=either(divisions, division_codes()),
        period=date_ranges(min_value=date(1990, 1, 1), max_value=POLICY_LAST),
        employer=optional(credit_codes()),
    )


def employments() -> st.SearchStrategy[Employment]:
    """Draw employment spells (就业经历), 1990-2030."""
    return st.builds(
        Employment,
        period=date_ranges(min_value=date(1990, 1, 1), max_value=POLICY_LAST),
        employer=optional(credit_codes()),
        employer_name=optional(NAMES),
        post=optional(st.sampled_from(PostType)),
    )


def persons(
    *,
    ids: "st.SearchStrategy[ResidentId] | None" = None,
    hukou: "st.SearchStrategy[DivisionCode | None] | None" = None,
) -> st.SearchStrategy[Person]:
    """Draw people with any mix of known and unknown facts.

    Args:
        ids: The identity numbers; any valid number if None.
        hukou: The household-registration divisions (户籍); any or unknown if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("ids", ids)
    check_strategy("hukou", hukou)
    return st.builds(
        Person,
        id=either(ids, resident_ids()),
        name=optional(NAMES),
        hukou_division=either(hukou, optional(division_codes())),
        insurance=optional(st.lists(insurance_periods(), max_size=3).map(tuple)),
        employment=optional(st.lists(employments(), max_size=3).map(tuple)),
        civil_service_establishment=FLAGS,
        full_time_student=FLAGS,
        school_kind=optional(st.sampled_from(SchoolKind)),
        drawing_pension=FLAGS,
        registered_unemployed=FLAGS,
    )


def evaluation_qualifications() -> st.SearchStrategy[EvaluationQualification]:
    """Draw skill-evaluation qualifications: an occupation up to a level."""
    return st.builds(
        EvaluationQualification,
        occupation=occupation_codes(detail=True),
        max_level=st.sampled_from(SkillLevel),
        filed_on=optional(dates_between(date(2019, 1, 1), POLICY_LAST)),
    )


def training_institutions(
    *, kinds: "st.SearchStrategy[InstitutionKind] | None" = None
) -> st.SearchStrategy[TrainingInstitution]:
    """Draw training institutions; a certificate number only when approved or filed.

    Args:
        kinds: The institution kinds; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *kinds* is not a strategy.
    """
    check_strategy("kinds", kinds)
    # Built once here, not on every draw: building a strategy costs more than drawing.
    statuses = optional(st.sampled_from(RegulatoryStatus))
    kind_of = either(kinds, st.sampled_from(InstitutionKind))
    codes = optional(credit_codes())
    ownerships = optional(st.sampled_from(Ownership))
    numbers = optional(st.text("0123456789", min_size=1, max_size=12))
    places = optional(division_codes())
    qualifications = st.lists(evaluation_qualifications(), max_size=2)

    @st.composite
    def draw_institution(draw: st.DrawFn) -> TrainingInstitution:
        status = draw(statuses)
        numbered = status is not RegulatoryStatus.NONE
        return TrainingInstitution(
            name=draw(NAMES),
            kind=draw(kind_of),
            credit_code=draw(codes),
            ownership=draw(ownerships),
            regulatory_status=status,
            certificate_number=draw(numbers) if numbered else None,
            division=draw(places),
            evaluation_qualifications=tuple(draw(qualifications)),
        )

    return draw_institution()


def enterprises(
    *,
    divisions: "st.SearchStrategy[DivisionCode] | None" = None,
    sizes: "st.SearchStrategy[EnterpriseSize | None] | None" = None,
) -> st.SearchStrategy[Enterprise]:
    """Draw enterprises with any mix of known and unknown facts.

    Args:
        divisions: The registered divisions; any if None.
        sizes: The enterprise sizes; any or unknown if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("divisions", divisions)
    check_strategy("sizes", sizes)
    return st.builds(
        Enterprise,
        credit_code=credit_codes(),
        name=NAMES,
        registered_division=either(divisions, division_codes()),
        independent_legal_person=FLAGS,
        operating_normally=FLAGS,
        size=either(sizes, optional(st.sampled_from(EnterpriseSize))),
        insured_headcount_city=optional(st.integers(0, 100_000)),
        on_dishonest_list=FLAGS,
        clean_record_years=optional(st.integers(0, 50)),
        cluster_tags=st.frozensets(NAMES, max_size=3),
        above_designated_size=FLAGS,
        listed=FLAGS,
        specialised=FLAGS,
        group_company=FLAGS,
        industry_education_integration=FLAGS,
        has_training_system=FLAGS,
        has_mentors_premises_equipment=FLAGS,
        evaluation_qualifications=st.lists(evaluation_qualifications(), max_size=2).map(
            tuple
        ),
        training_centre=optional(training_institutions()),
    )


def skill_evaluation_organisations() -> st.SearchStrategy[SkillEvaluationOrganisation]:
    """Draw skill-evaluation organisations (职业技能等级认定机构)."""
    return st.builds(
        SkillEvaluationOrganisation,
        name=NAMES,
        credit_code=credit_codes(),
        kind=st.sampled_from(EvaluationOrganisationKind),
        filed_with=optional(division_codes()),
        filed_on=optional(dates_between(date(2019, 1, 1), POLICY_LAST)),
        qualifications=st.lists(evaluation_qualifications(), max_size=3).map(tuple),
    )
