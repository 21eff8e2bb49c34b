"""Public-benefit training: enrolment (public_training.enrolment) and the 粤菜师傅 grants.

Hand-worked from the sources.  The district's reply letter (2024-09-02, §四) serves
enterprise staff, veterans, residents, partner regions and "其他有需要的人群", and gives
no rule for enrolling: every enrolment criterion is district-supplied, so under the
bundled policy an enrolment is undetermined and never refused.  The illustrative
overlay (examples/overlays/public-training-criteria-illustrative.toml) admits every
group but people from partner regions from 2023-01-01, limits 粤菜师傅 courses to
residents, veterans and other people in need, and asks enterprise staff for Shenzhen
insurance.  The 粤菜师傅 grants found are Zhongshan's (中山日报, 2019-07-18: 2 000 000
yuan per provincial base, 300 000 per provincial studio, 100 000 per city studio),
dated by inference from 2018-04-01 to 2019-12-31.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import DivisionCode, InvalidValueError, Outcome, Policy, ResidentId
from skillchain.comparison import Case, evaluate
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
from skillchain.policy import PublicTrainingParameters
from skillchain.rules import get_rule
from skillchain.rules.public_training import (
    CANTONESE_CHEF_GRANT_RULE,
    ENROLMENT_RULE,
    cantonese_chef_grant,
    grant_key,
    public_training_enrolment,
)
from skillchain.testing.strategies import (
    cantonese_chef_designations,
    cases,
    course_enrolments,
    trainee_profiles,
)


OVERLAY = (
    Path(__file__).parent.parent
    / "examples"
    / "overlays"
    / "public-training-criteria-illustrative.toml"
)
CRITERIA = Policy.default().overlay(Policy.from_files(OVERLAY))
BUNDLED = Policy.default()
DAY = date(2024, 4, 1)
ZHONGSHAN = DivisionCode("442000")
FUTIAN = DivisionCode("440304")
GROUPS = "public_training.admitted_groups"
PROJECTS = "public_training.project_groups"
INSURED = "public_training.insured_groups"
GRANTS = "public_training.cantonese_chef_grants"
QUICK = settings(max_examples=40, deadline=None)


def _course(project: ThreeProject | None = ThreeProject.SOUTHERN_HOUSEKEEPING) -> Any:
    return PublicTrainingCourse(
        title="养老护理员",
        project=project,
        delivery=DeliveryMode.OFFLINE,
        hours=Decimal(40),
        year=2024,
        organiser_name="福田区人力资源局",
    )


def _enrolment(
    group: TraineeGroup | None,
    *,
    insured: bool | None = None,
    project: ThreeProject | None = ThreeProject.SOUTHERN_HOUSEKEEPING,
    enrolled_on: date = DAY,
) -> CourseEnrolment:
    return CourseEnrolment(
        person=ResidentId("11010519491231002X"),
        course=_course(project),
        enrolled_on=enrolled_on,
        trainee=TraineeProfile(group=group, insured_in_shenzhen=insured),
    )


def _checks(decision: Any, held: bool | None) -> list[str]:
    return [f.check for f in decision.findings if f.held is held]


# --- enrolment: the bundled policy -----------------------------------------------


def test_under_the_bundled_policy_an_enrolment_is_undetermined_naming_the_criteria() -> (
    None
):
    decision = public_training_enrolment(
        _enrolment(TraineeGroup.VETERAN), on=DAY, policy=BUNDLED
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        GROUPS,
        PROJECTS,
        "enrolment.trainee.insured_in_shenzhen",
        INSURED,
    )
    assert decision.provenance is None


@pytest.mark.parametrize("group", [*TraineeGroup, None])
def test_the_letter_alone_refuses_no_group(group: TraineeGroup | None) -> None:
    """The letter's list is open (其他有需要的人群): without the district's criteria no
    group, named by the letter or not, is refused."""
    for project in (None, *ThreeProject):
        for insured in (True, False, None):
            decision = public_training_enrolment(
                _enrolment(group, insured=insured, project=project), on=DAY
            )
            assert decision.outcome is Outcome.UNDETERMINED
            assert decision.failed == ()


@QUICK
@given(course_enrolments())
def test_no_drawn_enrolment_is_refused_under_the_bundled_policy(
    enrolment: CourseEnrolment,
) -> None:
    decision = public_training_enrolment(enrolment, on=enrolment.enrolled_on)
    assert decision.outcome is Outcome.UNDETERMINED
    assert GROUPS in decision.missing


def test_the_group_finding_cites_the_letter() -> None:
    decision = public_training_enrolment(_enrolment(TraineeGroup.RESIDENT), on=DAY)
    group = decision.findings[0]
    assert group.check == "public_training.enrolment.group"
    assert [(c.document.id, c.article) for c in group.citations] == [
        ("ft-hr-2024-reply-2024090", "四")
    ]


# --- enrolment: the illustrative criteria ------------------------------------------


@pytest.mark.parametrize(
    ("group", "insured", "project", "outcome", "failed"),
    [
        (
            TraineeGroup.VETERAN,
            None,
            ThreeProject.SOUTHERN_HOUSEKEEPING,
            "eligible",
            [],
        ),
        (TraineeGroup.RESIDENT, None, None, "eligible", []),
        (TraineeGroup.OTHER, None, ThreeProject.CANTONESE_CHEF, "eligible", []),
        (TraineeGroup.ENTERPRISE_STAFF, True, None, "eligible", []),
        (
            TraineeGroup.ENTERPRISE_STAFF,
            False,
            None,
            "ineligible",
            ["public_training.enrolment.insurance"],
        ),
        (
            TraineeGroup.ENTERPRISE_STAFF,
            True,
            ThreeProject.CANTONESE_CHEF,
            "ineligible",
            ["public_training.enrolment.project"],
        ),
        (
            TraineeGroup.PARTNER_REGION,
            True,
            ThreeProject.GUANGDONG_TECHNICIAN,
            "ineligible",
            ["public_training.enrolment.group"],
        ),
    ],
)
def test_hand_worked_cases_under_the_illustrative_criteria(
    group: TraineeGroup,
    insured: bool | None,
    project: ThreeProject | None,
    outcome: str,
    failed: list[str],
) -> None:
    decision = public_training_enrolment(
        _enrolment(group, insured=insured, project=project), on=DAY, policy=CRITERIA
    )
    assert decision.outcome.value == outcome
    assert _checks(decision, False) == failed
    assert decision.provenance is not None
    assert decision.provenance.value == "unverified"


def test_an_unknown_group_is_undetermined_naming_it_and_the_insurance() -> None:
    """The illustrative list asks enterprise staff for insurance: with the group
    unknown, so is whether the insurance is needed."""
    decision = public_training_enrolment(_enrolment(None), on=DAY, policy=CRITERIA)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "enrolment.trainee.group",
        "enrolment.trainee.insured_in_shenzhen",
    )


def test_an_enrolment_without_a_profile_names_the_group() -> None:
    enrolment = attrs.evolve(_enrolment(None), trainee=None)
    decision = public_training_enrolment(enrolment, on=DAY, policy=CRITERIA)
    assert "enrolment.trainee.group" in decision.missing


def test_insurance_is_asked_only_of_the_groups_that_need_it() -> None:
    veteran = public_training_enrolment(
        _enrolment(TraineeGroup.VETERAN), on=DAY, policy=CRITERIA
    )
    assert veteran.outcome is Outcome.ELIGIBLE
    staff = public_training_enrolment(
        _enrolment(TraineeGroup.ENTERPRISE_STAFF), on=DAY, policy=CRITERIA
    )
    assert staff.outcome is Outcome.UNDETERMINED
    assert staff.missing == ("enrolment.trainee.insured_in_shenzhen",)


def test_no_insured_group_makes_the_group_irrelevant_to_insurance() -> None:
    """With an empty list, even an unknown group needs no insurance."""
    none_insured = CRITERIA.with_values(
        document="example-public-training-criteria",
        since=date(2023, 1, 1),
        replace={INSURED: []},
    )
    decision = public_training_enrolment(_enrolment(None), on=DAY, policy=none_insured)
    assert decision.findings[-1].held is True
    assert decision.missing == ("enrolment.trainee.group",)


def test_a_course_under_no_project_reads_no_project_limit() -> None:
    decision = public_training_enrolment(
        _enrolment(TraineeGroup.RESIDENT, project=None), on=DAY, policy=CRITERIA
    )
    checks = [f.check for f in decision.findings]
    assert "public_training.enrolment.project" not in checks
    assert decision.outcome is Outcome.ELIGIBLE


def test_a_project_the_table_does_not_list_sets_no_limit() -> None:
    decision = public_training_enrolment(
        _enrolment(TraineeGroup.ENTERPRISE_STAFF, insured=True), on=DAY, policy=CRITERIA
    )
    (project,) = [f for f in decision.findings if f.check.endswith(".project")]
    assert project.held is True
    assert dict(project.values)["open"] is True


def test_the_criteria_are_those_of_the_enrolment_day() -> None:
    """The illustrative criteria start on 2023-01-01: an enrolment of the day before
    is undetermined whatever day it is judged, one of that day is decided."""
    before = _enrolment(TraineeGroup.VETERAN, enrolled_on=date(2022, 12, 31))
    first = _enrolment(TraineeGroup.VETERAN, enrolled_on=date(2023, 1, 1))
    judged = date(2024, 6, 1)
    late = public_training_enrolment(before, on=judged, policy=CRITERIA)
    assert late.outcome is Outcome.UNDETERMINED
    assert {GROUPS, PROJECTS, INSURED} <= set(late.missing)
    assert (
        public_training_enrolment(first, on=judged, policy=CRITERIA).outcome
        is Outcome.ELIGIBLE
    )


# --- 粤菜师傅 grants ---------------------------------------------------------------


def _unit(
    unit: CantoneseChefUnit = CantoneseChefUnit.TRAINING_BASE,
    level: RecognitionLevel = RecognitionLevel.PROVINCIAL,
    *,
    division: DivisionCode = ZHONGSHAN,
    designated_on: date = date(2019, 7, 17),
    received: bool | None = False,
) -> CantoneseChefDesignation:
    return CantoneseChefDesignation(
        name="某粤菜师傅单位",
        unit=unit,
        level=level,
        division=division,
        designated_on=designated_on,
        grant_received=received,
    )


@pytest.mark.parametrize(
    ("unit", "level", "amount"),
    [
        (CantoneseChefUnit.TRAINING_BASE, RecognitionLevel.PROVINCIAL, 2_000_000),
        (CantoneseChefUnit.MASTER_STUDIO, RecognitionLevel.PROVINCIAL, 300_000),
        (CantoneseChefUnit.MASTER_STUDIO, RecognitionLevel.MUNICIPAL, 100_000),
    ],
)
def test_zhongshan_s_2019_figures(
    unit: CantoneseChefUnit, level: RecognitionLevel, amount: int
) -> None:
    decision = cantonese_chef_grant(_unit(unit, level), on=date(2019, 9, 1))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(amount)
    # Secondary report, inferred dating: no stronger than unverified.
    assert decision.provenance is not None
    assert decision.provenance.value == "unverified"


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        (CantoneseChefUnit.TRAINING_BASE, RecognitionLevel.MUNICIPAL),
        (CantoneseChefUnit.TRAINING_BASE, RecognitionLevel.NATIONAL),
        (CantoneseChefUnit.MASTER_STUDIO, RecognitionLevel.DISTRICT),
    ],
)
def test_a_kind_or_level_without_a_zhongshan_figure_is_undetermined(
    unit: CantoneseChefUnit, level: RecognitionLevel
) -> None:
    decision = cantonese_chef_grant(_unit(unit, level), on=date(2019, 9, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (GRANTS,)


@pytest.mark.parametrize(
    "division", [FUTIAN, DivisionCode("440300"), DivisionCode("440100")]
)
def test_zhongshan_s_figure_is_not_another_city_s(division: DivisionCode) -> None:
    decision = cantonese_chef_grant(_unit(division=division), on=date(2019, 9, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (GRANTS,)
    assert decision.amount is None


def test_no_shenzhen_figure_is_bundled() -> None:
    for value in BUNDLED.parameters[GRANTS].values:
        table = value.value
        assert isinstance(table, dict)
        assert all(key.startswith("442000/") for key in table)


@pytest.mark.parametrize(
    ("designated_on", "outcome"),
    [
        (date(2018, 3, 31), Outcome.UNDETERMINED),
        (date(2018, 4, 1), Outcome.ELIGIBLE),
        (date(2019, 12, 31), Outcome.ELIGIBLE),
        (date(2020, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_the_figure_is_that_of_the_designation_day(
    designated_on: date, outcome: Outcome
) -> None:
    """Judged years later, a unit gets the figure of its designation day, if any."""
    decision = cantonese_chef_grant(
        _unit(designated_on=designated_on), on=date(2024, 6, 1)
    )
    assert decision.outcome is outcome


def test_the_grant_is_paid_once() -> None:
    paid = cantonese_chef_grant(_unit(received=True), on=date(2019, 9, 1))
    assert paid.outcome is Outcome.INELIGIBLE
    assert [f.check for f in paid.failed] == [
        "public_training.cantonese_chef_grant.once"
    ]
    unknown = cantonese_chef_grant(_unit(received=None), on=date(2019, 9, 1))
    assert unknown.outcome is Outcome.UNDETERMINED
    assert unknown.missing == ("designation.grant_received",)


def test_no_grant_before_the_designation() -> None:
    early = cantonese_chef_grant(_unit(), on=date(2019, 7, 16))
    assert early.outcome is Outcome.INELIGIBLE
    assert [f.check for f in early.failed] == [
        "public_training.cantonese_chef_grant.designated"
    ]
    on_the_day = cantonese_chef_grant(_unit(), on=date(2019, 7, 17))
    assert on_the_day.outcome is Outcome.ELIGIBLE


def test_the_key_is_the_unit_s_city() -> None:
    assert grant_key(_unit(division=FUTIAN)) == "440300/provincial/training_base"
    assert (
        grant_key(_unit(CantoneseChefUnit.MASTER_STUDIO, RecognitionLevel.MUNICIPAL))
        == "442000/municipal/master_studio"
    )


@QUICK
@given(cantonese_chef_designations(), st.dates(date(2018, 1, 1), date(2030, 12, 31)))
def test_only_a_zhongshan_unit_is_paid_and_only_a_listed_figure(
    designation: CantoneseChefDesignation, on: date
) -> None:
    decision = cantonese_chef_grant(designation, on=on)
    if decision.outcome is Outcome.ELIGIBLE:
        assert designation.division.prefecture == ZHONGSHAN
        assert decision.amount in {
            Decimal(2_000_000),
            Decimal(300_000),
            Decimal(100_000),
        }
        assert designation.grant_received is False
        assert designation.designated_on <= on
    else:
        assert decision.amount is None


@QUICK
@given(cases("public_training.cantonese_chef_grant", outcome="eligible"))
def test_an_eligible_drawn_case_is_paid_its_city_s_figure(case: Case) -> None:
    decision = evaluate("public_training.cantonese_chef_grant", BUNDLED, case)
    designation = case.facts["designation"]
    assert isinstance(designation, CantoneseChefDesignation)
    table = BUNDLED.at(designation.designated_on).get(GRANTS).value
    assert isinstance(table, dict)
    assert decision.amount == table[grant_key(designation)]


@QUICK
@given(cases("public_training.enrolment", policy=CRITERIA, outcome="ineligible"))
def test_an_ineligible_drawn_enrolment_fails_a_district_criterion(case: Case) -> None:
    """Every refusal rests on a district-supplied list, never on the letter alone."""
    decision = evaluate("public_training.enrolment", CRITERIA, case)
    for finding in decision.failed:
        documents = {c.document.id for c in finding.citations}
        assert "example-public-training-criteria" in documents


# --- the records, the strategies, the registry -------------------------------------


def test_a_partner_region_goes_with_its_group_or_an_unknown_one() -> None:
    region = PartnerRegion(name="潮州市湘桥区")
    profile = TraineeProfile(group=TraineeGroup.PARTNER_REGION, partner_region=region)
    assert profile.partner_region == region
    assert TraineeProfile(partner_region=region).group is None
    with pytest.raises(InvalidValueError, match=r"TraineeProfile\.partner_region"):
        TraineeProfile(group=TraineeGroup.VETERAN, partner_region=region)


def test_the_records_refuse_wrong_types() -> None:
    with pytest.raises(InvalidValueError, match=r"TraineeProfile\.group"):
        TraineeProfile(group="veteran")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"CantoneseChefDesignation\.level"):
        attrs.evolve(_unit(), level="provincial")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"CourseEnrolment\.trainee"):
        attrs.evolve(_enrolment(None), trainee=TraineeGroup.OTHER)  # type: ignore[arg-type]


def test_the_rules_refuse_wrong_facts_with_the_library_s_error() -> None:
    with pytest.raises(InvalidValueError, match="enrolment"):
        public_training_enrolment(object(), on=DAY)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="designation"):
        cantonese_chef_grant(object(), on=DAY)  # type: ignore[arg-type]


@QUICK
@given(trainee_profiles(groups=st.just(TraineeGroup.PARTNER_REGION)))
def test_trainee_profiles_pin_the_group(profile: TraineeProfile) -> None:
    assert profile.group is TraineeGroup.PARTNER_REGION


def test_trainee_profiles_refuse_a_non_strategy() -> None:
    with pytest.raises(InvalidArgument):
        trainee_profiles(groups=TraineeGroup.VETERAN)  # type: ignore[arg-type]


def test_the_rules_are_registered_with_their_parameters() -> None:
    assert get_rule("public_training.enrolment") is ENROLMENT_RULE
    assert get_rule("public_training.cantonese_chef_grant") is CANTONESE_CHEF_GRANT_RULE
    assert ENROLMENT_RULE.parameters == (GROUPS, PROJECTS, INSURED)
    assert CANTONESE_CHEF_GRANT_RULE.parameters == (GRANTS,)
    assert BUNDLED.at(DAY).of(PublicTrainingParameters).admitted_groups.value is None


def test_every_enrolment_criterion_is_district_supplied() -> None:
    for name in (GROUPS, PROJECTS, INSURED):
        parameter = BUNDLED.parameters[name]
        assert parameter.values == ()
        assert parameter.note is not None
        assert "District-supplied" in parameter.note
