"""Tests for the training records: private institutions, carriers, public training."""

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hypothesis import given

from skillchain import (
    FUTIAN,
    CreditCode,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    ResidentId,
)
from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierType,
    CourseEnrolment,
    DeliveryMode,
    FilingStatus,
    LabelledEnum,
    LifelongTrainingCarrier,
    OrganiserKind,
    PartnerRegion,
    PrivateInstitutionFiling,
    PublicTrainingCourse,
    RecognitionLevel,
    ThreeProject,
)
from skillchain.testing.strategies import resident_ids


ORGANISER = CreditCode("91350100M000100Y43")
HOST = CreditCode("9144030400000000J0")
PERSON = ResidentId("11010519491231002X")
CARER = OccupationCode("4-10-01-05")  # 养老护理员
BEAUTICIAN = OccupationCode("4-10-03-01")  # 美容师


def filing(**changes: object) -> PrivateInstitutionFiling:
    """A filed application by a legal person, with *changes*."""
    fields: dict[str, object] = {
        "institution_name": "深圳市某职业培训学校",
        "organiser_kind": OrganiserKind.LEGAL_PERSON,
        "organiser_code": ORGANISER,
        "division": FUTIAN,
        "submitted_on": date(2024, 3, 4),
        "status": FilingStatus.FILED,
        "decided_on": date(2024, 3, 15),
        "certificate_number": "FT2024-001",
        "occupations": (CARER, BEAUTICIAN),
    }
    fields.update(changes)
    return PrivateInstitutionFiling(**fields)  # type: ignore[arg-type]


def individual_filing(**changes: object) -> PrivateInstitutionFiling:
    """A pending application by an individual organiser, with *changes*."""
    fields: dict[str, object] = {
        "organiser_kind": OrganiserKind.INDIVIDUAL,
        "organiser_code": None,
        "organiser_id": PERSON,
        "political_rights_and_full_capacity": True,
        "status": FilingStatus.PENDING,
        "decided_on": None,
        "certificate_number": None,
    }
    fields.update(changes)
    return filing(**fields)


def carrier(**changes: object) -> LifelongTrainingCarrier:
    """A high-skill training base, with *changes*."""
    fields: dict[str, object] = {
        "carrier_type": CarrierType.HIGH_SKILL_TRAINING_BASE,
        "name": "某高技能人才培训基地",
        "host": HOST,
        "host_name": "某公司",
    }
    fields.update(changes)
    return LifelongTrainingCarrier(**fields)  # type: ignore[arg-type]


def course(**changes: object) -> PublicTrainingCourse:
    """A 2024 offline 南粤家政 course on 养老护理员, with *changes*."""
    fields: dict[str, object] = {
        "title": "养老护理员",
        "occupation": CARER,
        "project": ThreeProject.SOUTHERN_HOUSEKEEPING,
        "delivery": DeliveryMode.OFFLINE,
        "hours": Decimal(40),
        "year": 2024,
        "organiser_name": "福田区人力资源局",
    }
    fields.update(changes)
    return PublicTrainingCourse(**fields)  # type: ignore[arg-type]


def problem_of(error: pytest.ExceptionInfo[InvalidValueError], field: str) -> str:
    """Assert the error names *field* and return its problem text."""
    assert error.value.field == field
    return error.value.problem


# --- enums ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls", [OrganiserKind, FilingStatus, CarrierAwardCategory, DeliveryMode]
)
def test_training_enums_have_labels(cls: type[LabelledEnum]) -> None:
    """Every member has a Chinese zh label and an English en label."""
    for member in cls:
        assert any(ord(ch) > 0x2E80 for ch in member.zh), member
        assert member.en.strip(), member


def test_carrier_award_items_of_the_2023_round() -> None:
    """Six items: five best-ten lists (人才培养奖补) and one 提质扩容 item."""
    assert len(CarrierAwardCategory) == 6
    best_ten = [c for c in CarrierAwardCategory if c.is_best_ten]
    assert len(best_ten) == 5
    assert all(c.zh.startswith("十佳") for c in best_ten)
    assert not CarrierAwardCategory.QUALITY_CAPACITY.is_best_ten
    assert CarrierAwardCategory.QUALITY_CAPACITY.zh == "提质扩容项目"


def test_delivery_modes_cover_online_plus_offline() -> None:
    """The letter's "线上+线下" is a mode of its own."""
    assert DeliveryMode.BLENDED.zh == "线上+线下"


# --- private institution filings --------------------------------------------------


def test_filing_is_constructible() -> None:
    """A filed application with its certificate number; facts default to None."""
    filed = filing()
    assert filed.certificate_number == "FT2024-001"
    assert filed.lease_months is None
    assert filed.premises_area is None
    assert filed.organiser_id is None


def test_individual_filing_is_constructible() -> None:
    """An individual organiser with an identity number and the capacity declaration."""
    pending = individual_filing()
    assert pending.organiser_id == PERSON
    assert pending.political_rights_and_full_capacity is True


def test_short_lease_is_not_an_error() -> None:
    """A 24-month lease (the standard asks 36) is a rule's finding, not an error."""
    assert filing(lease_months=24).lease_months == 24


def test_filings_are_immutable() -> None:
    """Assigning to a filing's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        filing().status = FilingStatus.REFUSED  # type: ignore[misc]


def test_legal_person_organiser_needs_a_credit_code() -> None:
    """A legal-person organiser without a credit code is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(organiser_code=None)
    assert problem_of(error, "PrivateInstitutionFiling.organiser_code") == (
        "a legal-person organiser has no credit code"
    )


def test_legal_person_organiser_has_no_identity_number() -> None:
    """An identity number for a legal-person organiser is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(organiser_id=PERSON)
    assert "legal-person organiser" in problem_of(
        error, "PrivateInstitutionFiling.organiser_id"
    )
    assert PERSON.reveal() not in str(error.value)


def test_capacity_declaration_only_for_individuals() -> None:
    """The political-rights declaration on a legal person's filing is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(political_rights_and_full_capacity=True)
    assert "legal-person organiser" in problem_of(
        error, "PrivateInstitutionFiling.political_rights_and_full_capacity"
    )


def test_individual_organiser_needs_an_identity_number() -> None:
    """An individual organiser without an identity number is refused."""
    with pytest.raises(InvalidValueError) as error:
        individual_filing(organiser_id=None)
    assert problem_of(error, "PrivateInstitutionFiling.organiser_id") == (
        "an individual organiser has no identity number"
    )


def test_individual_organiser_has_no_credit_code() -> None:
    """A credit code for an individual organiser is refused."""
    with pytest.raises(InvalidValueError) as error:
        individual_filing(organiser_code=ORGANISER)
    assert problem_of(error, "PrivateInstitutionFiling.organiser_code") == (
        "a credit code is given for an individual organiser"
    )


def test_filing_lists_each_occupation_once() -> None:
    """An occupation offered twice is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(occupations=(CARER, CARER))
    assert problem_of(error, "PrivateInstitutionFiling.occupations") == (
        "an occupation is listed twice"
    )


def test_pending_filing_has_no_decision_day() -> None:
    """A decision day on a pending application is refused."""
    with pytest.raises(InvalidValueError) as error:
        individual_filing(decided_on=date(2024, 3, 15))
    assert problem_of(error, "PrivateInstitutionFiling.decided_on") == (
        "a decision day is given for a pending application"
    )


def test_decision_is_not_before_submission() -> None:
    """A decision dated before the submission is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(decided_on=date(2024, 3, 3))
    assert problem_of(error, "PrivateInstitutionFiling.decided_on") == (
        "2024-03-03 is before the submission on 2024-03-04"
    )


def test_certificate_number_only_once_filed() -> None:
    """A filing-certificate number on a refused application is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(status=FilingStatus.REFUSED)
    assert problem_of(error, "PrivateInstitutionFiling.certificate_number") == (
        "a filing certificate number is given for status refused"
    )


def test_premises_area_cannot_be_negative() -> None:
    """A negative floor area is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(premises_area=Decimal("-12.5"))
    assert problem_of(error, "PrivateInstitutionFiling.premises_area") == "got -12.5"


def test_lease_term_is_at_least_a_month() -> None:
    """A lease of zero or fewer months is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(lease_months=0)
    assert problem_of(error, "PrivateInstitutionFiling.lease_months") == "got 0"


def test_teacher_counts_cannot_be_negative() -> None:
    """A negative number of part-time teachers is refused."""
    with pytest.raises(InvalidValueError) as error:
        filing(part_time_teachers=-2)
    assert problem_of(error, "PrivateInstitutionFiling.part_time_teachers") == (
        "got -2"
    )


def test_teacher_count_is_not_a_bool() -> None:
    """True is not a count of teachers."""
    with pytest.raises(InvalidValueError) as error:
        filing(full_time_teachers=True)
    assert problem_of(error, "PrivateInstitutionFiling.full_time_teachers") == (
        "got a value of type bool"
    )


# --- carriers ---------------------------------------------------------------------


def test_carrier_is_constructible() -> None:
    """A city-recognised training base without partner regions."""
    base = carrier(
        recognised_on=date(2023, 1, 10), recognised_by=RecognitionLevel.MUNICIPAL
    )
    assert base.partner_regions == ()
    assert base.recognised_by is RecognitionLevel.MUNICIPAL


def test_rural_workstation_with_the_letters_sites() -> None:
    """Futian's workstation has sites in 潮州市湘桥区 and 广西南宁隆安 (letter §八)."""
    station = carrier(
        carrier_type=CarrierType.RURAL_WORKSTATION,
        partner_regions=(
            PartnerRegion(name="潮州市湘桥区"),
            PartnerRegion(name="广西南宁隆安"),
        ),
    )
    assert [r.name for r in station.partner_regions] == ["潮州市湘桥区", "广西南宁隆安"]


def test_rural_workstation_without_partner_region_is_allowed() -> None:
    """A workstation may work inside Shenzhen: partner regions are optional."""
    station = carrier(carrier_type=CarrierType.RURAL_WORKSTATION)
    assert station.partner_regions == ()


def test_partner_regions_only_for_rural_workstations() -> None:
    """A master studio with a partner region is refused."""
    with pytest.raises(InvalidValueError) as error:
        carrier(
            carrier_type=CarrierType.MASTER_STUDIO,
            partner_regions=(PartnerRegion(name="潮州市湘桥区"),),
        )
    assert problem_of(error, "LifelongTrainingCarrier.partner_regions") == (
        "partner regions are given for a skill master studio"
    )


def test_partner_region_listed_once() -> None:
    """The same partner region twice is refused."""
    region = PartnerRegion(name="潮州市湘桥区")
    with pytest.raises(InvalidValueError) as error:
        carrier(
            carrier_type=CarrierType.RURAL_WORKSTATION,
            partner_regions=(region, region),
        )
    assert problem_of(error, "LifelongTrainingCarrier.partner_regions") == (
        "a region is listed twice"
    )


@pytest.mark.parametrize("code", ["440300", "440304", "440311"])
def test_partner_region_lies_outside_shenzhen(code: str) -> None:
    """A partner region coded inside Shenzhen is refused."""
    with pytest.raises(InvalidValueError) as error:
        PartnerRegion(name="某地", division=DivisionCode(code))
    assert problem_of(error, "PartnerRegion.division") == f"{code} is in Shenzhen"


def test_partner_region_outside_shenzhen_is_allowed() -> None:
    """A code outside Shenzhen (here Beijing's example code from GB 11643) is fine."""
    region = PartnerRegion(name="某地", division=DivisionCode("110105"))
    assert region.division == DivisionCode("110105")


def test_carriers_are_immutable() -> None:
    """Assigning to a carrier's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        carrier().name = "x"  # type: ignore[misc]


def test_award_application_is_constructible() -> None:
    """A 提质扩容 application with its investment and training volume."""
    application = CarrierAwardApplication(
        carrier=carrier(),
        category=CarrierAwardCategory.QUALITY_CAPACITY,
        year=2023,
        total_investment=Decimal(1600000),
        annual_trainees=1200,
    )
    assert application.total_investment == Decimal(1600000)
    assert application.apprentices_taught is None


def test_award_investment_cannot_be_negative() -> None:
    """A negative investment is refused."""
    with pytest.raises(InvalidValueError) as error:
        CarrierAwardApplication(
            carrier=carrier(),
            category=CarrierAwardCategory.QUALITY_CAPACITY,
            year=2023,
            total_investment=Decimal(-1),
        )
    assert problem_of(error, "CarrierAwardApplication.total_investment") == "got -1"


def test_award_round_is_not_before_the_measure() -> None:
    """A 2021 round, before 深人社规〔2022〕13号, is refused."""
    with pytest.raises(InvalidValueError) as error:
        CarrierAwardApplication(
            carrier=carrier(),
            category=CarrierAwardCategory.TRAINING_PROJECT,
            year=2021,
        )
    assert problem_of(error, "CarrierAwardApplication.year") == "got 2021"


# --- public training --------------------------------------------------------------


def test_course_is_constructible() -> None:
    """The letter's 2024 offline 南粤家政 course; a 广东技工 course without a code."""
    assert course().project is ThreeProject.SOUTHERN_HOUSEKEEPING
    model_course = course(
        title="建筑装饰模型技术员",
        occupation=None,
        project=ThreeProject.GUANGDONG_TECHNICIAN,
    )
    assert model_course.occupation is None


@pytest.mark.parametrize(("hours", "shown"), [("-8", "got -8"), ("0", "got 0")])
def test_course_hours_are_positive(hours: str, shown: str) -> None:
    """Negative or zero hours are refused."""
    with pytest.raises(InvalidValueError) as error:
        course(hours=Decimal(hours))
    assert problem_of(error, "PublicTrainingCourse.hours") == shown


def test_course_hours_are_decimal() -> None:
    """Hours given as a float are refused."""
    with pytest.raises(InvalidValueError) as error:
        course(hours=1.5)
    assert problem_of(error, "PublicTrainingCourse.hours") == (
        "got a value of type float"
    )


def test_courses_are_immutable() -> None:
    """Assigning to a course's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        course().hours = Decimal(1)  # type: ignore[misc]


def test_enrolment_is_constructible() -> None:
    """An enrolment completed five weeks later."""
    enrolment = CourseEnrolment(
        person=PERSON,
        course=course(),
        enrolled_on=date(2024, 4, 1),
        completed=True,
        completed_on=date(2024, 5, 10),
    )
    assert enrolment.completed is True


def test_completion_is_not_before_enrolment() -> None:
    """A completion day before the enrolment day is refused."""
    with pytest.raises(InvalidValueError) as error:
        CourseEnrolment(
            person=PERSON,
            course=course(),
            enrolled_on=date(2024, 4, 1),
            completed=True,
            completed_on=date(2024, 3, 31),
        )
    assert problem_of(error, "CourseEnrolment.completed_on") == (
        "2024-03-31 is before the enrolment on 2024-04-01"
    )


@pytest.mark.parametrize("completed", [False, None])
def test_completion_day_only_when_completed(completed: bool | None) -> None:
    """A completion day without completed=True is refused."""
    with pytest.raises(InvalidValueError) as error:
        CourseEnrolment(
            person=PERSON,
            course=course(),
            enrolled_on=date(2024, 4, 1),
            completed=completed,
            completed_on=date(2024, 5, 10),
        )
    assert "completed is not True" in problem_of(error, "CourseEnrolment.completed_on")


# --- masking ----------------------------------------------------------------------


@given(resident_ids())
def test_reprs_never_show_a_full_identity_number(person: ResidentId) -> None:
    """Filings and enrolments show identity numbers masked only."""
    records: list[object] = [
        individual_filing(organiser_id=person),
        CourseEnrolment(person=person, course=course(), enrolled_on=date(2024, 4, 1)),
    ]
    for record in records:
        for shown in (repr(record), str(record)):
            assert person.reveal() not in shown
            assert person.masked in shown


def test_every_training_record_is_frozen_and_slotted() -> None:
    """Setting any field of any training record fails; no instance __dict__."""
    records: list[attrs.AttrsInstance] = [
        filing(),
        PartnerRegion(name="潮州市湘桥区"),
        carrier(),
        CarrierAwardApplication(
            carrier=carrier(), category=CarrierAwardCategory.MODEL_CARRIER, year=2023
        ),
        course(),
        CourseEnrolment(person=PERSON, course=course(), enrolled_on=date(2024, 4, 1)),
    ]
    for record in records:
        assert not hasattr(record, "__dict__"), type(record).__name__
        for field in attrs.fields(type(record)):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, field.name, None)
