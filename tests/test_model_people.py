"""Tests for the people and organisation records (skillchain.model._people)."""

import calendar

from datetime import date, datetime

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    DateRange,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    ResidentId,
    Sex,
    SkillLevel,
    full_years_between,
)
from skillchain.model import (
    Employment,
    Enterprise,
    EnterpriseSize,
    EvaluationOrganisationKind,
    EvaluationQualification,
    InstitutionKind,
    InsurancePeriod,
    IssuerKind,
    Ownership,
    Person,
    PostType,
    RegulatoryStatus,
    SkillEvaluationOrganisation,
    TrainingInstitution,
)
from skillchain.testing.strategies import (
    enterprises,
    persons,
    resident_ids,
    training_institutions,
)


# GB 11643-1999's own example: a woman born on 1949-12-31, first issued in 110105.
WOMAN = ResidentId("11010519491231002X")
FIRM = CreditCode("91350100M000100Y43")
GUANGDONG = DivisionCode("440000")
SHENZHEN = DivisionCode("440300")
FUTIAN = DivisionCode("440304")
LUOHU = DivisionCode("440303")
GUANGZHOU = DivisionCode("440100")
ELECTRICIAN = OccupationCode("6-31-01-03")
_YEARS = st.integers(1900, 2100)
_LEAP_YEARS = [year for year in range(1900, 2101) if calendar.isleap(year)]
#: Days of 1900-2100, as often as any day the last day of February or 29 February.
DAYS = st.one_of(
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.builds(date, _YEARS, st.just(2), st.just(28)),
    st.sampled_from(_LEAP_YEARS).map(lambda year: date(year, 2, 29)),
)


def raises_on(field: str) -> pytest.RaisesExc[InvalidValueError]:
    """Expect an InvalidValueError whose message starts with the field name."""
    return pytest.raises(InvalidValueError, match=rf"^{field}: ")


# --- construction and immutability ---------------------------------------------------


def full_person() -> Person:
    """A person with every field given."""
    return Person(
        id=WOMAN,
        name="张三",
        hukou_division=FUTIAN,
        insurance=(
            InsurancePeriod(
                division=SHENZHEN,
                period=DateRange(date(2020, 1, 1), date(2022, 12, 31)),
                employer=FIRM,
            ),
        ),
        employment=(
            Employment(
                employer=FIRM,
                employer_name="深圳市某科技有限公司",
                post=PostType.SKILL,
                period=DateRange(date(2020, 1, 1)),
            ),
        ),
        civil_service_establishment=False,
        full_time_student=False,
        drawing_pension=False,
        registered_unemployed=False,
    )


def test_a_person_with_every_field_builds_and_keeps_its_values() -> None:
    """Every field of Person is stored as given."""
    person = full_person()
    assert person.name == "张三"
    assert person.hukou_division == FUTIAN
    assert person.insurance is not None
    assert person.insurance[0].employer == FIRM
    assert person.drawing_pension is False


def test_a_person_needs_only_the_identity_number() -> None:
    """Unknown facts default to None, not to False or empty histories."""
    person = Person(id=WOMAN)
    assert person.insurance is None
    assert person.employment is None
    assert person.full_time_student is None
    assert person.hukou_division is None


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (Person(id=WOMAN), "name"),
        (
            InsurancePeriod(division=SHENZHEN, period=DateRange(date(2020, 1, 1))),
            "division",
        ),
        (Employment(period=DateRange(date(2020, 1, 1))), "post"),
        (
            Enterprise(credit_code=FIRM, name="某公司", registered_division=FUTIAN),
            "size",
        ),
        (
            TrainingInstitution(name="某学校", kind=InstitutionKind.TECHNICAL_SCHOOL),
            "kind",
        ),
        (
            EvaluationQualification(
                occupation=ELECTRICIAN, max_level=SkillLevel.TECHNICIAN
            ),
            "max_level",
        ),
        (
            SkillEvaluationOrganisation(
                name="某评价组织",
                credit_code=FIRM,
                kind=EvaluationOrganisationKind.SOCIAL,
            ),
            "kind",
        ),
    ],
    ids=lambda v: type(v).__name__ if not isinstance(v, str) else v,
)
def test_records_are_frozen(record: object, field: str) -> None:
    """Assigning to a field of any record raises FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)


def test_records_are_keyword_only() -> None:
    """Positional arguments are refused, so fields cannot be swapped silently."""
    with pytest.raises(TypeError):
        Person(WOMAN)  # type: ignore[call-arg]


@given(persons())
def test_equal_persons_hash_equal(person: Person) -> None:
    """A rebuilt person equals and hashes like the original (usable as a key)."""
    copy = attrs.evolve(person)
    assert copy == person
    assert hash(copy) == hash(person)


# --- derived values -------------------------------------------------------------------


def test_birth_date_and_sex_come_from_the_identity_number() -> None:
    """GB 11643's example number is a woman born on 1949-12-31."""
    person = Person(id=WOMAN)
    assert person.birth_date == date(1949, 12, 31)
    assert person.sex is Sex.FEMALE


def test_age_turns_on_the_birthday() -> None:
    """The example person is 74 the day before her 75th birthday and 75 on it."""
    person = Person(id=WOMAN)
    assert person.age_on(date(2024, 12, 30)) == 74
    assert person.age_on(date(2024, 12, 31)) == 75


def test_a_leap_day_birthday_counts_on_28_february() -> None:
    """Someone born on 2000-02-29 is 16 on 2016-02-29 and 17 on 2017-02-28."""
    person = Person(id=ResidentId("440304200002290014"))
    assert person.age_on(date(2016, 2, 28)) == 15
    assert person.age_on(date(2016, 2, 29)) == 16
    assert person.age_on(date(2017, 2, 28)) == 17


@given(resident_ids(), DAYS)
def test_age_on_is_full_years_from_the_birth_date(rid: ResidentId, day: date) -> None:
    """age_on agrees with full_years_between from the birth date, for every day."""
    assert Person(id=rid).age_on(day) == full_years_between(rid.birth_date, day)


@pytest.mark.parametrize(
    ("hukou", "region", "expected"),
    [
        (FUTIAN, FUTIAN, True),
        (FUTIAN, SHENZHEN, True),
        (FUTIAN, GUANGDONG, True),
        (FUTIAN, LUOHU, False),
        (GUANGZHOU, SHENZHEN, False),
        (SHENZHEN, FUTIAN, None),  # recorded city-wide: cannot tell the district
        (GUANGDONG, SHENZHEN, None),
        (DivisionCode("110105"), GUANGDONG, False),
        (None, GUANGDONG, None),
    ],
)
def test_hukou_in(
    hukou: DivisionCode | None, region: DivisionCode, expected: bool | None
) -> None:
    """hukou_in is True inside, False outside, None when unknown or too coarse."""
    assert Person(id=WOMAN, hukou_division=hukou).hukou_in(region) is expected


def jobs() -> tuple[Employment, ...]:
    """Two jobs that overlap in 2023 and a finished one before them."""
    return (
        Employment(
            employer=FIRM, period=DateRange(date(2015, 1, 1), date(2019, 12, 31))
        ),
        Employment(post=PostType.SKILL, period=DateRange(date(2020, 1, 1))),
        Employment(
            post=PostType.OTHER, period=DateRange(date(2023, 1, 1), date(2023, 6, 30))
        ),
    )


def test_employment_on_returns_every_job_held_that_day() -> None:
    """A day inside two periods returns both, in record order; ends are inclusive."""
    person = Person(id=WOMAN, employment=jobs())
    assert person.employment_on(date(2023, 6, 30)) == jobs()[1:]
    assert person.employment_on(date(2019, 12, 31)) == jobs()[:1]
    assert person.employment_on(date(2014, 12, 31)) == ()


def test_employment_on_is_none_when_the_history_is_unknown() -> None:
    """No employment history looked up: None, not an empty tuple."""
    assert Person(id=WOMAN).employment_on(date(2024, 1, 1)) is None
    assert Person(id=WOMAN, employment=()).employment_on(date(2024, 1, 1)) == ()


def insured(*spells: tuple[DivisionCode, date, date | None]) -> Person:
    """A person with the given (division, start, end) insurance periods."""
    return Person(
        id=WOMAN,
        insurance=tuple(
            InsurancePeriod(division=d, period=DateRange(s, e)) for d, s, e in spells
        ),
    )


def test_insured_in_a_region_that_contains_the_recorded_division() -> None:
    """A Futian record answers for Futian, Shenzhen and Guangdong alike."""
    person = insured((FUTIAN, date(2020, 1, 1), date(2022, 12, 31)))
    for region in (FUTIAN, SHENZHEN, GUANGDONG):
        assert person.insured_in(region, on=date(2022, 12, 31)) is True
    assert person.insured_in(LUOHU, on=date(2021, 1, 1)) is False


def test_insured_in_outside_every_period_is_false() -> None:
    """A day after the last period ended is not insured."""
    person = insured((FUTIAN, date(2020, 1, 1), date(2022, 12, 31)))
    assert person.insured_in(SHENZHEN, on=date(2023, 1, 1)) is False


def test_insured_in_a_district_when_recorded_city_wide_is_undetermined() -> None:
    """A Shenzhen-wide record cannot say whether the person was insured in Futian."""
    person = insured((SHENZHEN, date(2020, 1, 1), None))
    assert person.insured_in(FUTIAN, on=date(2024, 1, 1)) is None
    assert person.insured_in(GUANGZHOU, on=date(2024, 1, 1)) is False


def test_insured_in_prefers_a_matching_period_to_a_coarse_one() -> None:
    """With a city-wide and a Futian period on the same day, Futian is certain."""
    person = insured(
        (SHENZHEN, date(2020, 1, 1), None), (FUTIAN, date(2021, 1, 1), None)
    )
    assert person.insured_in(FUTIAN, on=date(2022, 1, 1)) is True


def test_insured_in_is_none_when_the_history_is_unknown() -> None:
    """No insurance history looked up: None; an empty history: False."""
    assert Person(id=WOMAN).insured_in(SHENZHEN, on=date(2024, 1, 1)) is None
    assert insured().insured_in(SHENZHEN, on=date(2024, 1, 1)) is False


def test_overlapping_insurance_periods_in_one_division_are_accepted() -> None:
    """Two paying employers can cover the same days: the record builds and answers."""
    person = Person(
        id=WOMAN,
        insurance=(
            InsurancePeriod(
                division=SHENZHEN,
                period=DateRange(date(2020, 1, 1), date(2021, 12, 31)),
                employer=FIRM,
            ),
            InsurancePeriod(
                division=SHENZHEN,
                period=DateRange(date(2021, 6, 1), date(2022, 6, 30)),
            ),
        ),
    )
    assert person.insured_in(SHENZHEN, on=date(2021, 7, 1)) is True


# --- validation -----------------------------------------------------------------------


def test_a_raw_identity_string_is_refused_without_echoing_it() -> None:
    """Person.id must be a ResidentId; the message never repeats the raw number."""
    with raises_on("Person.id") as caught:
        Person(id="11010519491231002X")  # type: ignore[arg-type]
    assert "11010519491231002X" not in str(caught.value)
    assert "got a value of type str" in str(caught.value)


def test_a_blank_name_is_refused_without_echoing_it() -> None:
    """A name of spaces is malformed; the message says so without quoting it."""
    with raises_on("Person.name") as caught:
        Person(id=WOMAN, name="   ")
    assert "empty or blank" in str(caught.value)


def test_an_insurance_history_must_be_a_tuple() -> None:
    """A list is refused: records hold immutable tuples."""
    with raises_on("Person.insurance"):
        Person(id=WOMAN, insurance=[])  # type: ignore[arg-type]


def test_an_insurance_history_holds_only_insurance_periods() -> None:
    """An element of another type is named by its position."""
    with raises_on("Person.insurance") as caught:
        Person(id=WOMAN, insurance=(DateRange(date(2020, 1, 1)),))  # type: ignore[arg-type]
    assert "item 0 is of type DateRange" in str(caught.value)


def test_an_employment_history_holds_only_employments() -> None:
    """Person.employment refuses elements that are not Employment."""
    with raises_on("Person.employment"):
        Person(id=WOMAN, employment=(None,))  # type: ignore[arg-type]


def test_an_exclusion_status_is_a_bool_not_an_int() -> None:
    """A status of 1 is refused: True, False or None only."""
    with raises_on("Person.full_time_student") as caught:
        Person(id=WOMAN, full_time_student=1)  # type: ignore[arg-type]
    assert "True, False or None" in str(caught.value)


def test_an_insurance_period_needs_a_date_range() -> None:
    """A (start, end) tuple is not a DateRange."""
    with raises_on("InsurancePeriod.period"):
        InsurancePeriod(division=SHENZHEN, period=(date(2020, 1, 1), None))  # type: ignore[arg-type]


def test_an_insurance_period_needs_a_division_code() -> None:
    """A division given as text is refused (validate it once, at the boundary)."""
    with raises_on("InsurancePeriod.division"):
        InsurancePeriod(division="440300", period=DateRange(date(2020, 1, 1)))  # type: ignore[arg-type]


def test_an_employment_post_is_a_post_type() -> None:
    """Employment.post refuses a plain string."""
    with raises_on("Employment.post"):
        Employment(period=DateRange(date(2020, 1, 1)), post="skill")  # type: ignore[arg-type]


def firm(**changes: object) -> Enterprise:
    """A valid enterprise with some fields changed."""
    fields: dict[str, object] = {
        "credit_code": FIRM,
        "name": "深圳市某科技有限公司",
        "registered_division": FUTIAN,
    }
    fields.update(changes)
    return Enterprise(**fields)  # type: ignore[arg-type]


def test_an_enterprise_with_every_field_builds() -> None:
    """Every field of Enterprise is stored as given."""
    centre = TrainingInstitution(
        name="某集团培训中心", kind=InstitutionKind.ENTERPRISE_TRAINING_CENTRE
    )
    qualification = EvaluationQualification(
        occupation=ELECTRICIAN,
        max_level=SkillLevel.TECHNICIAN,
        filed_on=date(2022, 3, 1),
    )
    enterprise = firm(
        independent_legal_person=True,
        operating_normally=True,
        size=EnterpriseSize.LARGE,
        insured_headcount_city=1200,
        on_dishonest_list=False,
        clean_record_years=5,
        cluster_tags=frozenset({"semiconductors", "futian-finance"}),
        above_designated_size=True,
        listed=True,
        specialised=False,
        group_company=True,
        industry_education_integration=False,
        has_training_system=True,
        has_mentors_premises_equipment=True,
        evaluation_qualifications=(qualification,),
        training_centre=centre,
    )
    assert enterprise.size is EnterpriseSize.LARGE
    assert enterprise.training_centre == centre
    assert enterprise.evaluation_qualifications[0].max_level is SkillLevel.TECHNICIAN
    assert "futian-finance" in enterprise.cluster_tags


def test_an_enterprise_defaults_to_unknown_facts_and_no_tags() -> None:
    """Only code, name and division are required; flags default to None."""
    enterprise = firm()
    assert enterprise.size is None
    assert enterprise.has_training_system is None
    assert enterprise.cluster_tags == frozenset()
    assert enterprise.evaluation_qualifications == ()


def test_a_negative_insured_headcount_is_refused() -> None:
    """A head count below zero is impossible."""
    with raises_on("Enterprise.insured_headcount_city") as caught:
        firm(insured_headcount_city=-1)
    assert "got -1" in str(caught.value)


def test_a_bool_headcount_is_refused() -> None:
    """True is an int in Python, but not a head count."""
    with raises_on("Enterprise.insured_headcount_city"):
        firm(insured_headcount_city=True)


def test_negative_clean_record_years_are_refused() -> None:
    """Years without a bad record cannot be negative."""
    with raises_on("Enterprise.clean_record_years"):
        firm(clean_record_years=-3)


def test_cluster_tags_must_be_a_frozenset() -> None:
    """A mutable set is refused."""
    with raises_on("Enterprise.cluster_tags"):
        firm(cluster_tags={"semiconductors"})


def test_cluster_tags_must_be_strings() -> None:
    """Tags are catalog keys, i.e. strings."""
    with raises_on("Enterprise.cluster_tags") as caught:
        firm(cluster_tags=frozenset({1}))
    assert "int" in str(caught.value)


def test_an_enterprise_name_must_not_be_blank() -> None:
    """An empty registered name is malformed."""
    with raises_on("Enterprise.name"):
        firm(name="")


def test_an_enterprise_size_is_an_enterprise_size() -> None:
    """Enterprise.size refuses a string."""
    with raises_on("Enterprise.size"):
        firm(size="large")


def test_a_training_institution_with_every_field_builds() -> None:
    """Every field of TrainingInstitution is stored as given."""
    school = TrainingInstitution(
        name="深圳市某职业培训学校",
        kind=InstitutionKind.TRAINING_INSTITUTION,
        credit_code=FIRM,
        ownership=Ownership.PRIVATE,
        regulatory_status=RegulatoryStatus.FILED,
        certificate_number="440304-0001",
        division=FUTIAN,
        evaluation_qualifications=(
            EvaluationQualification(
                occupation=ELECTRICIAN, max_level=SkillLevel.ADVANCED
            ),
        ),
    )
    assert school.regulatory_status is RegulatoryStatus.FILED
    assert school.certificate_number == "440304-0001"


def test_a_certificate_number_without_approval_or_filing_is_refused() -> None:
    """A 办学许可证/备案证 number cannot exist for an institution neither approved nor filed."""
    with raises_on("TrainingInstitution.certificate_number") as caught:
        TrainingInstitution(
            name="某学校",
            kind=InstitutionKind.TRAINING_INSTITUTION,
            regulatory_status=RegulatoryStatus.NONE,
            certificate_number="123",
        )
    assert "neither approved nor filed" in str(caught.value)


def test_a_certificate_number_with_an_unknown_status_is_accepted() -> None:
    """Status unknown (None) and a number: not contradictory, so it builds."""
    school = TrainingInstitution(
        name="某学校", kind=InstitutionKind.TRAINING_INSTITUTION, certificate_number="1"
    )
    assert school.regulatory_status is None


def test_a_training_institution_kind_is_required_and_typed() -> None:
    """TrainingInstitution.kind refuses a string."""
    with raises_on("TrainingInstitution.kind"):
        TrainingInstitution(name="某学校", kind="technical_school")  # type: ignore[arg-type]


def test_a_qualification_filing_date_is_not_a_datetime() -> None:
    """filed_on is a day; a datetime's time would be meaningless."""
    with raises_on("EvaluationQualification.filed_on") as caught:
        EvaluationQualification(
            occupation=ELECTRICIAN,
            max_level=SkillLevel.ADVANCED,
            filed_on=datetime(2022, 3, 1, 9, 0),
        )
    assert "not a datetime" in str(caught.value)


def test_a_qualification_level_is_a_skill_level() -> None:
    """max_level refuses a grade written as text."""
    with raises_on("EvaluationQualification.max_level"):
        EvaluationQualification(occupation=ELECTRICIAN, max_level="L3")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "issuer"),
    [
        (EvaluationOrganisationKind.EMPLOYER, IssuerKind.EMPLOYER_SELF_EVALUATION),
        (EvaluationOrganisationKind.SOCIAL, IssuerKind.SOCIAL_EVALUATION_ORGANISATION),
    ],
)
def test_an_evaluation_organisation_maps_to_its_issuer_kind(
    kind: EvaluationOrganisationKind, issuer: IssuerKind
) -> None:
    """An employer's certificates are self-evaluation; a social body's are not."""
    body = SkillEvaluationOrganisation(
        name="某评价机构",
        credit_code=FIRM,
        kind=kind,
        filed_with=SHENZHEN,
        filed_on=date(2021, 5, 10),
        qualifications=(
            EvaluationQualification(
                occupation=ELECTRICIAN, max_level=SkillLevel.TECHNICIAN
            ),
        ),
    )
    assert body.issuer_kind is issuer
    assert body.filed_with is not None
    assert body.filed_with.level == "prefecture"


def test_an_evaluation_organisation_needs_a_credit_code() -> None:
    """credit_code identifies the body; a string is refused."""
    with raises_on("SkillEvaluationOrganisation.credit_code"):
        SkillEvaluationOrganisation(
            name="某评价机构",
            credit_code="91350100M000100Y43",  # type: ignore[arg-type]
            kind=EvaluationOrganisationKind.SOCIAL,
        )


# --- labels -----------------------------------------------------------------------------


def test_evaluation_organisation_kind_labels() -> None:
    """Both members carry their Chinese and English labels."""
    assert EvaluationOrganisationKind.SOCIAL.zh == "社会培训评价组织"
    assert EvaluationOrganisationKind.EMPLOYER.en == "employer (self-evaluation)"
    assert all(m.zh and m.en for m in EvaluationOrganisationKind)


# --- masking ----------------------------------------------------------------------------


@given(resident_ids())
def test_a_person_repr_never_shows_the_full_number(rid: ResidentId) -> None:
    """repr and str of a person show the masked number, never the full one."""
    person = Person(id=rid, hukou_division=FUTIAN)
    for text in (repr(person), str(person)):
        assert rid.reveal() not in text
        assert rid.masked in text


@given(persons())
def test_any_generated_person_repr_is_masked(person: Person) -> None:
    """Whatever else a person holds, the full number never appears in its repr."""
    assert person.id.reveal() not in repr(person)


@given(st.data())
def test_organisations_build_from_the_strategies(data: st.DataObject) -> None:
    """The strategies build valid enterprises and institutions (smoke check)."""
    assert isinstance(data.draw(enterprises()), Enterprise)
    school = data.draw(training_institutions())
    if school.regulatory_status is RegulatoryStatus.NONE:
        assert school.certificate_number is None
