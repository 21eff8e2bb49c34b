"""Tests for the enterprise new-type apprenticeship records (skillchain.model._apprenticeship)."""

import calendar

from datetime import date, datetime, timedelta
from decimal import Decimal

import attrs
import pytest

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    DateRange,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    HireKind,
    InstitutionKind,
    LabourContract,
    Mentor,
    MentorSide,
    Person,
    ProgrammeStatus,
    SubsidyClaim,
    SubsidyKind,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.testing.strategies import (
    enrolments,
    labour_contracts,
    programmes,
    resident_ids,
)


WOMAN = ResidentId("11010519491231002X")
FIRM = CreditCode("91350100M000100Y43")
FUTIAN = DivisionCode("440304")
ELECTRICIAN = OccupationCode("6-31-01-03")
COLLEGE = TrainingInstitution(
    name="深圳市某技师学院", kind=InstitutionKind.TECHNICAL_SCHOOL
)
MASTER = Mentor(
    name="李师傅", side=MentorSide.ENTERPRISE, skill_level=SkillLevel.TECHNICIAN
)
TEACHER = Mentor(
    name="王老师", side=MentorSide.INSTITUTION, professional_title="高级讲师"
)
BOTH = frozenset(TrainingMode)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_YEARS = st.integers(1900, 2100)
_LEAP_YEARS = [year for year in range(1900, 2101) if calendar.isleap(year)]
#: Days of 1900-2100, as often as any day a month's last day or 29 February.
DAYS = st.one_of(
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.builds(_month_end, _YEARS, st.integers(1, 12)),
    st.sampled_from(_LEAP_YEARS).map(lambda year: date(year, 2, 29)),
)


def raises_on(field: str) -> pytest.RaisesExc[InvalidValueError]:
    """Expect an InvalidValueError whose message starts with the field name."""
    return pytest.raises(InvalidValueError, match=rf"^{field}: ")


def programme(**changes: object) -> ApprenticeshipProgramme:
    """A valid Shenzhen-style programme (both modes, both mentors) with changes."""
    fields: dict[str, object] = {
        "enterprise": FIRM,
        "institution": COLLEGE,
        "occupation": ELECTRICIAN,
        "target_level": SkillLevel.ADVANCED,
        "start": date(2024, 3, 1),
        "planned_months": 12,
        "modes": BOTH,
        "enterprise_mentor": MASTER,
        "institution_mentor": TEACHER,
        "status": ProgrammeStatus.LISTED,
    }
    fields.update(changes)
    return ApprenticeshipProgramme(**fields)  # type: ignore[arg-type]


# --- the programme ---------------------------------------------------------------------


def test_a_programme_with_every_field_builds_and_keeps_its_values() -> None:
    """Every field of ApprenticeshipProgramme is stored as given."""
    full = programme(
        reference="FT-2024-001",
        special_case=False,
        online_hours=Decimal("80.5"),
        professional_basics_hours=Decimal(200),
        filing_division=FUTIAN,
        filed_on=date(2024, 1, 15),
        district_quota_year=2024,
    )
    assert full.modes == BOTH
    assert full.enterprise_mentor == MASTER
    assert full.institution_mentor == TEACHER
    assert full.online_hours == Decimal("80.5")
    assert full.filing_division == FUTIAN
    assert full.district_quota_year == 2024


def test_a_programme_is_frozen() -> None:
    """Assigning to a field raises FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        programme().planned_months = 24  # type: ignore[misc]


def test_a_programme_is_keyword_only() -> None:
    """Positional arguments are refused."""
    with pytest.raises(TypeError):
        ApprenticeshipProgramme(FIRM)  # type: ignore[call-arg]


def test_the_planned_end_is_the_corresponding_day() -> None:
    """12 months from 2024-03-01 end on 2025-03-01 (民法典 arts. 201-202)."""
    assert programme().planned_end == date(2025, 3, 1)
    assert programme().planned_period == DateRange(date(2024, 3, 1), date(2025, 3, 1))


def test_the_planned_end_clamps_to_a_shorter_month() -> None:
    """One month from 2024-01-31 ends on 2024-02-29, the last day of February."""
    short = programme(start=date(2024, 1, 31), planned_months=1)
    assert short.planned_end == date(2024, 2, 29)


@given(DAYS, st.integers(1, 120))
def test_the_planned_end_is_relativedelta_months_after_the_start(
    start: date, months: int
) -> None:
    """planned_end equals start + relativedelta(months=planned_months) for every start."""
    end = programme(start=start, planned_months=months).planned_end
    assert end == start + relativedelta(months=months)


def test_zero_planned_months_are_refused() -> None:
    """A programme must plan at least one month of training."""
    with raises_on("ApprenticeshipProgramme.planned_months") as caught:
        programme(planned_months=0)
    assert "got 0; expected an int of at least 1" in str(caught.value)


def test_negative_planned_months_are_refused() -> None:
    """A negative duration is impossible."""
    with raises_on("ApprenticeshipProgramme.planned_months"):
        programme(planned_months=-12)


def test_planned_months_are_an_int_not_a_bool() -> None:
    """True is not a number of months."""
    with raises_on("ApprenticeshipProgramme.planned_months"):
        programme(planned_months=True)


def test_a_planned_end_after_year_9999_is_refused() -> None:
    """The planned end must be a representable date."""
    with raises_on("ApprenticeshipProgramme.planned_months") as caught:
        programme(start=date(9999, 6, 1), planned_months=7)
    assert "after year 9999" in str(caught.value)


def test_a_planned_end_of_9999_12_is_accepted() -> None:
    """Ending in December 9999 is still representable."""
    assert programme(start=date(9999, 6, 30), planned_months=6).planned_end == date(
        9999, 12, 30
    )


def test_the_policy_duration_limits_are_not_construction_errors() -> None:
    """48 planned months exceed the 1-2 (3) year policy, but that is a rule's call."""
    assert programme(planned_months=48, special_case=True).planned_months == 48


def test_negative_online_hours_are_refused() -> None:
    """Online hours cannot be negative."""
    with raises_on("ApprenticeshipProgramme.online_hours") as caught:
        programme(online_hours=Decimal(-1))
    assert "got -1; expected a finite Decimal of at least zero" in str(caught.value)


def test_negative_professional_basics_hours_are_refused() -> None:
    """Professional-basics hours cannot be negative."""
    with raises_on("ApprenticeshipProgramme.professional_basics_hours") as caught:
        programme(professional_basics_hours=Decimal("-0.5"))
    assert "got -0.5; expected a finite Decimal of at least zero" in str(caught.value)


def test_non_finite_hours_are_refused() -> None:
    """NaN and infinity are not numbers of hours."""
    with raises_on("ApprenticeshipProgramme.online_hours"):
        programme(online_hours=Decimal("NaN"))
    with raises_on("ApprenticeshipProgramme.professional_basics_hours"):
        programme(professional_basics_hours=Decimal("Infinity"))


def test_float_hours_are_refused() -> None:
    """Hours are Decimal, never float."""
    with raises_on("ApprenticeshipProgramme.online_hours"):
        programme(online_hours=1.5)


def test_online_hours_above_half_are_not_a_construction_error() -> None:
    """Online hours over 50 % of professional basics are a rule's finding, not an error."""
    over = programme(online_hours=Decimal(150), professional_basics_hours=Decimal(200))
    assert over.online_hours == Decimal(150)


def test_dual_mentors_without_an_enterprise_mentor_are_refused() -> None:
    """企校双师带徒 needs a named enterprise mentor."""
    with raises_on("ApprenticeshipProgramme.enterprise_mentor") as caught:
        programme(enterprise_mentor=None)
    assert "no enterprise mentor is named" in str(caught.value)
    assert "企校双师带徒" in str(caught.value)


def test_dual_mentors_without_an_institution_mentor_are_refused() -> None:
    """企校双师带徒 needs a named institution mentor too (the dual-mentor model)."""
    with raises_on("ApprenticeshipProgramme.institution_mentor") as caught:
        programme(modes=frozenset({TrainingMode.DUAL_MENTORS}), institution_mentor=None)
    assert "no institution mentor is named" in str(caught.value)


def test_work_study_alternation_alone_needs_no_mentor() -> None:
    """Without 企校双师带徒 the mentors may be unknown."""
    only = programme(
        modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        enterprise_mentor=None,
        institution_mentor=None,
    )
    assert only.enterprise_mentor is None


def test_an_enterprise_mentor_from_the_institution_side_is_refused() -> None:
    """The enterprise-mentor slot holds an enterprise-side mentor."""
    with raises_on("ApprenticeshipProgramme.enterprise_mentor") as caught:
        programme(enterprise_mentor=TEACHER)
    assert "side INSTITUTION" in str(caught.value)


def test_an_institution_mentor_from_the_enterprise_side_is_refused() -> None:
    """The institution-mentor slot holds an institution-side mentor."""
    with raises_on("ApprenticeshipProgramme.institution_mentor") as caught:
        programme(institution_mentor=MASTER)
    assert "side ENTERPRISE" in str(caught.value)


def test_modes_must_be_a_frozenset_of_training_modes() -> None:
    """A set, or a frozenset of strings, is refused."""
    with raises_on("ApprenticeshipProgramme.modes"):
        programme(modes=set(BOTH))
    with raises_on("ApprenticeshipProgramme.modes") as caught:
        programme(modes=frozenset({"dual_mentors"}))
    assert "str" in str(caught.value)


def test_the_partner_must_be_a_training_institution() -> None:
    """The institution is a record (its kind matters), not a name."""
    with raises_on("ApprenticeshipProgramme.institution"):
        programme(institution="深圳市某技师学院")


def test_the_start_is_a_date_not_a_datetime() -> None:
    """start refuses a datetime."""
    with raises_on("ApprenticeshipProgramme.start"):
        programme(start=datetime(2024, 3, 1))


def test_a_quota_year_is_a_calendar_year() -> None:
    """district_quota_year refuses 0."""
    with raises_on("ApprenticeshipProgramme.district_quota_year"):
        programme(district_quota_year=0)


def test_filing_after_the_start_is_not_a_construction_error() -> None:
    """Filing before training is a policy requirement, judged by a rule."""
    late = programme(filed_on=date(2024, 6, 1))
    assert late.filed_on is not None
    assert late.filed_on > late.start


def test_a_blank_mentor_name_is_refused() -> None:
    """A mentor must be named."""
    with raises_on("Mentor.name"):
        Mentor(name=" ", side=MentorSide.ENTERPRISE)


def test_negative_mentor_experience_is_refused() -> None:
    """Years of experience cannot be negative."""
    with raises_on("Mentor.years_of_experience"):
        Mentor(name="李师傅", side=MentorSide.ENTERPRISE, years_of_experience=-1)


# --- the labour contract ------------------------------------------------------------------


def test_a_contract_ending_before_it_starts_is_refused() -> None:
    """End before start is a contract shorter than zero."""
    with raises_on("LabourContract.end") as caught:
        LabourContract(start=date(2024, 3, 1), end=date(2024, 2, 29))
    assert "ends on 2024-02-29, before it starts on 2024-03-01" in str(caught.value)


def test_a_one_day_contract_is_accepted() -> None:
    """end == start is one day: not a whole month, but not malformed."""
    contract = LabourContract(start=date(2024, 3, 1), end=date(2024, 3, 1))
    assert contract.months == 0
    assert contract.period == DateRange(date(2024, 3, 1), date(2024, 3, 1))


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), 12),
        (date(2024, 3, 1), date(2025, 3, 1), 12),
        (date(2024, 3, 1), date(2025, 2, 27), 11),
        (date(2024, 1, 31), date(2024, 2, 28), 1),
        (date(2023, 2, 1), date(2026, 1, 31), 36),
        (date(2024, 1, 1), date.max, (9999 - 2024 + 1) * 12),
        (date(2024, 1, 15), date.max, (9999 - 2024) * 12 + 11),
    ],
)
def test_contract_months_count_both_ends(start: date, end: date, months: int) -> None:
    """A contract "2024-01-01 to 2024-12-31" is 12 whole months."""
    assert LabourContract(start=start, end=end).months == months


@given(labour_contracts())
def test_contract_months_match_relativedelta(contract: LabourContract) -> None:
    """months is relativedelta(end + 1 day, start) in months; None when open-ended."""
    if contract.end is None:
        assert contract.months is None
        assert contract.period.end is None
    else:
        delta = relativedelta(contract.end + timedelta(days=1), contract.start)
        assert contract.months == delta.years * 12 + delta.months


def test_an_open_ended_contract_has_no_months() -> None:
    """无固定期限: months is None and the period has no end."""
    contract = LabourContract(start=date(2024, 1, 1))
    assert contract.months is None
    assert date(2100, 1, 1) in contract.period


def test_a_contract_start_is_a_date() -> None:
    """start refuses text."""
    with raises_on("LabourContract.start"):
        LabourContract(start="2024-01-01")  # type: ignore[arg-type]


# --- subsidy claims --------------------------------------------------------------------------


def test_a_claim_with_every_field_builds() -> None:
    """Every field of SubsidyClaim is stored as given."""
    claim = SubsidyClaim(
        kind=SubsidyKind.APPRENTICESHIP,
        year=2023,
        occupation=ELECTRICIAN,
        level=SkillLevel.ADVANCED,
        amount=Decimal("7000.00"),
        paid_on=date(2023, 11, 30),
        division=DivisionCode("440300"),
    )
    assert claim.amount == Decimal("7000.00")
    assert claim.level is SkillLevel.ADVANCED


def test_a_negative_claim_amount_is_refused() -> None:
    """An amount paid cannot be negative."""
    with raises_on("SubsidyClaim.amount"):
        SubsidyClaim(kind=SubsidyKind.SKILL_UPGRADE, year=2023, amount=Decimal(-1))


def test_a_float_claim_amount_is_refused() -> None:
    """Money is Decimal, never float."""
    with raises_on("SubsidyClaim.amount"):
        SubsidyClaim(kind=SubsidyKind.SKILL_UPGRADE, year=2023, amount=1500.0)  # type: ignore[arg-type]


def test_a_claim_year_is_a_calendar_year() -> None:
    """Year 0 and years as text are refused."""
    with raises_on("SubsidyClaim.year"):
        SubsidyClaim(kind=SubsidyKind.SKILL_UPGRADE, year=0)
    with raises_on("SubsidyClaim.year"):
        SubsidyClaim(kind=SubsidyKind.SKILL_UPGRADE, year="2023")  # type: ignore[arg-type]


# --- the enrolment -----------------------------------------------------------------------------


def test_an_enrolment_with_every_field_builds() -> None:
    """Every field of ApprenticeEnrolment is stored as given."""
    claim = SubsidyClaim(kind=SubsidyKind.SKILL_UPGRADE, year=2023)
    enrolment = ApprenticeEnrolment(
        person=Person(id=WOMAN, full_time_student=False),
        programme=programme(),
        contract=LabourContract(start=date(2024, 2, 1), end=date(2027, 1, 31)),
        hire_kind=HireKind.TRANSFEREE,
        skill_post=True,
        in_plan_same_or_higher=False,
        filed_elsewhere_in_training=False,
        covered_by_special_aid=False,
        qualified=None,
        claims=(claim,),
    )
    assert enrolment.contract is not None
    assert enrolment.contract.months == 36
    assert enrolment.programme.occupation == ELECTRICIAN
    assert enrolment.claims == (claim,)


def test_an_enrolment_defaults_to_unknown_facts() -> None:
    """Only the person and the programme are required."""
    enrolment = ApprenticeEnrolment(person=Person(id=WOMAN), programme=programme())
    assert enrolment.contract is None
    assert enrolment.hire_kind is None
    assert enrolment.covered_by_special_aid is None
    assert enrolment.claims == ()


def test_an_enrolment_is_frozen() -> None:
    """Assigning to a field raises FrozenInstanceError."""
    enrolment = ApprenticeEnrolment(person=Person(id=WOMAN), programme=programme())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        enrolment.skill_post = True  # type: ignore[misc]


def test_an_enrolment_holds_the_programme_itself() -> None:
    """A programme id string is refused: the enrolment carries the programme."""
    with raises_on("ApprenticeEnrolment.programme"):
        ApprenticeEnrolment(person=Person(id=WOMAN), programme="FT-2024-001")  # type: ignore[arg-type]


def test_claims_must_be_a_tuple_of_claims() -> None:
    """A list of claims is refused."""
    with raises_on("ApprenticeEnrolment.claims"):
        ApprenticeEnrolment(person=Person(id=WOMAN), programme=programme(), claims=[])  # type: ignore[arg-type]


def test_a_hire_kind_is_a_hire_kind() -> None:
    """hire_kind refuses a string."""
    with raises_on("ApprenticeEnrolment.hire_kind"):
        ApprenticeEnrolment(
            person=Person(id=WOMAN),
            programme=programme(),
            hire_kind="new_hire",  # type: ignore[arg-type]
        )


def test_an_exclusion_fact_is_a_bool() -> None:
    """covered_by_special_aid refuses 0."""
    with raises_on("ApprenticeEnrolment.covered_by_special_aid"):
        ApprenticeEnrolment(
            person=Person(id=WOMAN),
            programme=programme(),
            covered_by_special_aid=0,  # type: ignore[arg-type]
        )


# --- masking -------------------------------------------------------------------------------------


@given(resident_ids())
def test_an_enrolment_repr_never_shows_the_full_number(rid: ResidentId) -> None:
    """repr and str of an enrolment show the masked number only."""
    enrolment = ApprenticeEnrolment(person=Person(id=rid), programme=programme())
    for text in (repr(enrolment), str(enrolment)):
        assert rid.reveal() not in text
        assert rid.masked in text


@given(enrolments())
def test_any_generated_enrolment_repr_is_masked(enrolment: ApprenticeEnrolment) -> None:
    """Whatever the enrolment holds, its repr never shows the full identity number."""
    assert enrolment.person.id.reveal() not in repr(enrolment)


@given(programmes())
def test_generated_programmes_keep_the_dual_mentor_invariant(
    generated: ApprenticeshipProgramme,
) -> None:
    """Every generated dual-mentor programme names both mentors."""
    if TrainingMode.DUAL_MENTORS in generated.modes:
        assert generated.enterprise_mentor is not None
        assert generated.institution_mentor is not None


# --- labels --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "zh"),
    [
        (TrainingMode.DUAL_MENTORS, "企校双师带徒"),
        (TrainingMode.WORK_STUDY_ALTERNATION, "工学交替"),
        (MentorSide.ENTERPRISE, "企业导师"),
        (MentorSide.INSTITUTION, "院校导师"),
        (ProgrammeStatus.APPLIED, "申报"),
        (ProgrammeStatus.LISTED, "列入计划"),
        (ProgrammeStatus.IN_TRAINING, "培训中"),
        (ProgrammeStatus.COMPLETED, "结业"),
        (ProgrammeStatus.WITHDRAWN, "撤回或终止"),
        (HireKind.NEW_HIRE, "新招用"),
        (HireKind.TRANSFEREE, "转岗"),
        (HireKind.IN_SERVICE, "在岗职工"),
    ],
    ids=lambda v: v.name if hasattr(v, "name") else v,
)
def test_every_apprenticeship_enum_member_has_its_labels(
    member: TrainingMode | MentorSide | ProgrammeStatus | HireKind, zh: str
) -> None:
    """Each member carries the Chinese term of the documents and an English label."""
    assert member.zh == zh
    assert member.label("zh") == zh
    assert member.en.strip()
    assert member.label("en") == member.en


def test_the_label_table_above_covers_every_member() -> None:
    """No apprenticeship enum member is left out of the label checks."""
    counts = {TrainingMode: 2, MentorSide: 2, ProgrammeStatus: 5, HireKind: 3}
    assert {cls: len(cls) for cls in counts} == counts
