"""Tests for the apprentice-eligibility rule (apprenticeship.apprentice).

Hand-worked cases from 人社部发〔2021〕39号 as Liaoning restates it (new hires and
transferees in skill posts are the *main* trainees and the enterprise may choose its
own, so the hire kind is a priority; in-service staff were named too during the
2019-2021 three-year action; a contract of at least a year) and Shenzhen's five
exclusions (深人社规〔2019〕11号, seen without an address: ``unverified``; the fourth
names full-time students of 技工院校 and 职业院校 only).  The figures are read on the
programme's start, so boundary days are tested as programme starts, on both sides.
"""

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    DivisionCode,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain._decision import Decision, message_for
from skillchain.comparison import Case
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeExclusion,
    ApprenticeshipProgramme,
    HireKind,
    InstitutionKind,
    LabourContract,
    Person,
    ProgrammeStatus,
    SchoolKind,
    SubsidyClaim,
    SubsidyKind,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import Condition, Judge, get_rule
from skillchain.rules.apprenticeship.apprentice import (
    APPRENTICE_RULE,
    apprentice_eligibility,
    check_apprentice,
)
from skillchain.testing.strategies import cases, enrolments, subsidy_claims


DAY = timedelta(days=1)
ON = date(2024, 3, 1)
ELECTRICIAN = OccupationCode("6-31-01-03")
WELDER = OccupationCode("6-18-02-04")
FUTIAN = DivisionCode("440304")
GUANGZHOU = DivisionCode("440100")
GUANGDONG = DivisionCode("440000")

PROGRAMME = ApprenticeshipProgramme(
    enterprise=CreditCode("9144030400000000J0"),
    institution=TrainingInstitution(
        name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
    ),
    occupation=ELECTRICIAN,
    target_level=SkillLevel.ADVANCED,
    start=ON,
    planned_months=24,
    modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
    status=ProgrammeStatus.APPLIED,
)


def enrolment(**changes: Any) -> ApprenticeEnrolment:
    """An apprentice who meets every condition on ON, with *changes* applied."""
    base = ApprenticeEnrolment(
        person=Person(id=ResidentId("11010519491231002X"), full_time_student=False),
        programme=PROGRAMME,
        contract=LabourContract(start=date(2024, 2, 1), end=date(2027, 1, 31)),
        hire_kind=HireKind.NEW_HIRE,
        skill_post=True,
        in_plan_same_or_higher=False,
        filed_elsewhere_in_training=False,
        covered_by_special_aid=False,
    )
    return attrs.evolve(base, **changes)


def claim(**changes: Any) -> SubsidyClaim:
    """A skill-upgrade subsidy for the programme's occupation and level, paid in Futian."""
    base = SubsidyClaim(
        kind=SubsidyKind.SKILL_UPGRADE,
        occupation=ELECTRICIAN,
        level=SkillLevel.ADVANCED,
        year=2023,
        paid_on=date(2023, 6, 30),
        division=FUTIAN,
    )
    return attrs.evolve(base, **changes)


def starting(day: date, **changes: Any) -> ApprenticeEnrolment:
    """:func:`enrolment` in a programme whose training starts on *day*."""
    return enrolment(programme=attrs.evolve(PROGRAMME, start=day), **changes)


def student(
    full_time: bool | None, school: SchoolKind | None = None
) -> ApprenticeEnrolment:
    """:func:`enrolment` of a person with the given student facts."""
    person = Person(
        id=ResidentId("11010519491231002X"),
        full_time_student=full_time,
        school_kind=school,
    )
    return enrolment(person=person)


def exclusions_overlay(*kinds: str) -> Policy:
    """The bundled policy with only *kinds* listed as exclusions from 2019-12-19."""
    listed = ", ".join(f'"{kind}"' for kind in kinds)
    return Policy.default().overlay(
        Policy.loads(
            f"""
[documents.test-exclusions]
title = "测试用学徒排除情形"
issuers = ["测试"]
level = "municipal"
provenance = "official"

[parameters."apprenticeship.apprentice_exclusions"]
description_zh = "不得作为学徒的人员类别"
description_en = "Groups who cannot be apprentices"
unit = "apprentice_exclusions"

[[parameters."apprenticeship.apprentice_exclusions".values]]
since = 2019-12-19
value = [{listed}]
document = "test-exclusions"
""",
            name="test-exclusions.toml",
        )
    )


def without_exclusions() -> Policy:
    """The bundled policy with no list of exclusions in force on any day."""
    bundled = Policy.default()
    return Policy(
        documents=bundled.documents,
        parameters={
            name: param
            for name, param in bundled.parameters.items()
            if name != "apprenticeship.apprentice_exclusions"
        },
        sources=bundled.sources,
    )


def finding(decision: Decision, check: str) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the finding *check* held, and what it lacked."""
    found = [f for f in decision.findings if f.check == check]
    assert len(found) == 1, check
    return found[0].held, found[0].missing


def only_failure(decision: Decision) -> str:
    """The id of the one failed finding (asserting there is exactly one)."""
    assert decision.outcome is Outcome.INELIGIBLE
    (failed,) = decision.failed
    return failed.check


# --- hand-worked cases -----------------------------------------------------------------

PRIORITY = "apprenticeship.apprentice.hire_kind_priority"
STUDENT = "apprenticeship.apprentice.not_vocational_student"
EXCLUSIONS = "apprenticeship.apprentice_exclusions"


def test_new_hire_in_a_skill_post_with_a_three_year_contract_is_eligible() -> None:
    """A 2024 new hire, skill post, 36-month contract, no exclusion: eligible, all held.

    The exclusions rest on a passage seen without an address, so the decision is
    ``unverified``.
    """
    decision = apprentice_eligibility(enrolment(), on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.rule == "apprenticeship.apprentice"
    assert decision.version == "2026.2"
    assert [f.check for f in decision.findings] == [
        c for c in APPRENTICE_RULE.checks if not c.endswith("contract_open_ended")
    ]
    assert all(f.held is True for f in decision.findings)
    assert decision.priority_met is True
    assert decision.provenance is Provenance.UNVERIFIED
    assert decision.policy_fingerprint == Policy.default().fingerprint
    assert decision.amount is None


def test_transferee_is_eligible_with_priority() -> None:
    """转岗 staff are one of the two main kinds from 2022."""
    decision = apprentice_eligibility(enrolment(hire_kind=HireKind.TRANSFEREE), on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.priority_met is True


def test_in_service_employee_in_2024_is_eligible_with_lower_priority() -> None:
    """人社部发〔2021〕39号: new hires and transferees are the *main* trainees and the
    enterprise may choose its own, so an in-service employee is never refused on the
    hire kind: the advisory finding fails, the decision is eligible."""
    decision = apprentice_eligibility(enrolment(hire_kind=HireKind.IN_SERVICE), on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.failed == ()
    assert finding(decision, PRIORITY) == (False, ())
    assert decision.priority_met is False
    (advisory,) = decision.advisories
    assert advisory.value("hire_kind") is HireKind.IN_SERVICE


@pytest.mark.parametrize(
    ("start", "main"),
    [
        (date(2021, 3, 1), True),  # during the three-year action
        (date(2021, 12, 31), True),  # its last day
        (date(2022, 1, 1), False),  # the day after: not a main kind
        (date(2022, 3, 1), False),
    ],
)
def test_in_service_staff_on_both_sides_of_2022_01_01(start: date, main: bool) -> None:
    """In-service staff were named during the 2019-2021 action; from 2022 they are
    not among the main kinds: eligible on both sides, priority only differs.

    The open-ended contract needs no minimum (the figure starts 2021-06-08).
    """
    case = starting(
        start,
        hire_kind=HireKind.IN_SERVICE,
        contract=LabourContract(start=date(2018, 5, 1)),
    )
    decision = apprentice_eligibility(case, on=start)
    assert decision.outcome is Outcome.ELIGIBLE
    assert finding(decision, PRIORITY) == (main, ())
    assert decision.priority_met is main
    # The dates of the action are inferred: the finding's citation says so.
    (advisory,) = decision.advisories
    assert all(c.period_inferred for c in advisory.citations)


def test_the_hire_kinds_of_the_programme_start_apply_when_decided_later() -> None:
    """A programme that started on 2021-12-31, decided on 2022-06-01: the kinds in
    force when training started (in-service staff among them) apply."""
    case = starting(
        date(2021, 12, 31),
        hire_kind=HireKind.IN_SERVICE,
        contract=LabourContract(start=date(2018, 5, 1)),
    )
    decision = apprentice_eligibility(case, on=date(2022, 6, 1))
    assert finding(decision, PRIORITY) == (True, ())


def test_an_unknown_hire_kind_is_named_but_never_decides() -> None:
    """An unknown hire kind leaves only the advisory finding open: still eligible."""
    decision = apprentice_eligibility(enrolment(hire_kind=None), on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert finding(decision, PRIORITY) == (None, ("enrolment.hire_kind",))
    assert decision.missing == ()
    assert decision.priority_met is None


def test_a_fixed_term_contract_of_a_programme_started_before_the_minimum_is_undetermined() -> (
    None
):
    """A programme that started on 2021-03-01 (before 2021-06-08) decided in 2024: no
    contract minimum was in force when training started, so a fixed term cannot be
    judged."""
    decision = apprentice_eligibility(starting(date(2021, 3, 1)), on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("apprenticeship.contract_min_months",)


@pytest.mark.parametrize(
    ("end", "months", "held"),
    [
        (date(2024, 11, 30), 11, False),
        (date(2024, 12, 30), 11, False),
        (date(2024, 12, 31), 12, True),
        (date(2025, 1, 1), 12, True),
    ],
)
def test_contract_of_eleven_months_fails_and_of_twelve_holds(
    end: date, months: int, held: bool
) -> None:
    """Both ends count: 2024-01-01 to 2024-12-31 is 12 months, a day less is 11."""
    case = enrolment(contract=LabourContract(start=date(2024, 1, 1), end=end))
    decision = apprentice_eligibility(case, on=ON)
    term = next(
        f
        for f in decision.findings
        if f.check == "apprenticeship.apprentice.contract_term"
    )
    assert (term.held, term.value("months"), term.value("minimum")) == (
        held,
        months,
        12,
    )
    assert decision.outcome is (Outcome.ELIGIBLE if held else Outcome.INELIGIBLE)


def test_open_ended_contract_qualifies() -> None:
    """A contract without a fixed term (无固定期限) meets the minimum."""
    decision = apprentice_eligibility(
        enrolment(contract=LabourContract(start=date(2024, 2, 1))), on=ON
    )
    assert decision.outcome is Outcome.ELIGIBLE
    checks = [f.check for f in decision.findings]
    assert "apprenticeship.apprentice.contract_open_ended" in checks
    assert "apprenticeship.apprentice.contract_term" not in checks


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"contract": None}, ("enrolment.contract",)),
        ({"skill_post": None}, ("enrolment.skill_post",)),
        ({"in_plan_same_or_higher": None}, ("enrolment.in_plan_same_or_higher",)),
        (
            {"filed_elsewhere_in_training": None},
            ("enrolment.filed_elsewhere_in_training",),
        ),
        ({"covered_by_special_aid": None}, ("enrolment.covered_by_special_aid",)),
        (
            {"person": Person(id=ResidentId("11010519491231002X"))},
            ("enrolment.person.full_time_student", "enrolment.person.school_kind"),
        ),
    ],
)
def test_an_unknown_fact_makes_the_decision_undetermined_and_is_named(
    changes: dict[str, Any], missing: tuple[str, ...]
) -> None:
    """Each unknown fact leaves exactly its condition undecided, naming the facts."""
    decision = apprentice_eligibility(enrolment(**changes), on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == missing
    assert len(decision.undecided) == 1


def test_a_post_that_is_not_a_skill_post_fails() -> None:
    """Apprentices are taken into skill posts (技能岗位)."""
    decision = apprentice_eligibility(enrolment(skill_post=False), on=ON)
    assert only_failure(decision) == "apprenticeship.apprentice.skill_post"


# --- the five Shenzhen exclusions ------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"in_plan_same_or_higher": True}, "apprenticeship.apprentice.not_in_plan"),
        (
            {"filed_elsewhere_in_training": True},
            "apprenticeship.apprentice.not_filed_elsewhere",
        ),
        ({"covered_by_special_aid": True}, "apprenticeship.apprentice.not_special_aid"),
    ],
)
def test_exclusions_two_three_and_five_each_fail_their_own_finding(
    changes: dict[str, Any], check: str
) -> None:
    """Exclusions 2, 3 and 5: each is its own finding, and only it fails."""
    decision = apprentice_eligibility(enrolment(**changes), on=ON)
    assert only_failure(decision) == check


@pytest.mark.parametrize(
    ("full_time", "school", "held", "missing"),
    [
        (True, SchoolKind.TECHNICAL_SCHOOL, False, ()),  # 技工院校: excluded
        (True, SchoolKind.VOCATIONAL_COLLEGE, False, ()),  # 职业院校: excluded
        (True, SchoolKind.OTHER, True, ()),  # a university: not named
        (True, None, None, ("enrolment.person.school_kind",)),
        (False, None, True, ()),  # not a student: the school does not matter
        (None, SchoolKind.OTHER, True, ()),  # no such school: cannot apply
        (
            None,
            SchoolKind.TECHNICAL_SCHOOL,
            None,
            ("enrolment.person.full_time_student",),
        ),
    ],
)
def test_exclusion_four_names_full_time_students_of_technical_and_vocational_schools(
    full_time: bool | None,
    school: SchoolKind | None,
    held: bool | None,
    missing: tuple[str, ...],
) -> None:
    """Only full-time students of 技工院校 or 职业院校 are excluded, not every student."""
    decision = apprentice_eligibility(student(full_time, school), on=ON)
    assert finding(decision, STUDENT) == (held, missing)
    expected = {
        True: Outcome.ELIGIBLE,
        False: Outcome.INELIGIBLE,
        None: Outcome.UNDETERMINED,
    }[held]
    assert decision.outcome is expected


def test_the_exclusions_rest_on_an_unverified_value_of_the_shenzhen_measure() -> None:
    """The five exclusions come from a passage seen without an address: the value
    listing them is ``unverified``, cites 深人社规〔2019〕11号, and so does every
    exclusion finding."""
    resolved = Policy.default().at(ON).apprenticeship.apprentice_exclusions
    assert resolved.value == frozenset(ApprenticeExclusion)
    assert resolved.provenance is Provenance.UNVERIFIED
    decision = apprentice_eligibility(enrolment(in_plan_same_or_higher=True), on=ON)
    assert decision.provenance is Provenance.UNVERIFIED
    failed = decision.failed[0]
    assert [c.document.number for c in failed.citations] == ["深人社规〔2019〕11号"]


def test_without_a_list_of_exclusions_each_is_undetermined_and_named() -> None:
    """No list in force: every exclusion is undetermined, naming the parameter, even
    when its fact clears it (another list might hold other groups)."""
    decision = apprentice_eligibility(enrolment(), on=ON, policy=without_exclusions())
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (EXCLUSIONS,)
    assert len(decision.undecided) == 5
    flagged = apprentice_eligibility(
        enrolment(in_plan_same_or_higher=True), on=ON, policy=without_exclusions()
    )
    assert flagged.outcome is Outcome.UNDETERMINED
    assert finding(flagged, "apprenticeship.apprentice.not_in_plan") == (
        None,
        (EXCLUSIONS,),
    )


def test_an_exclusion_the_policy_does_not_list_records_no_finding() -> None:
    """A district list without the plan exclusion: that flag no longer excludes."""
    policy = exclusions_overlay("subsidised", "filed_elsewhere", "vocational_student")
    decision = apprentice_eligibility(
        enrolment(in_plan_same_or_higher=True), on=ON, policy=policy
    )
    checks = [f.check for f in decision.findings]
    assert "apprenticeship.apprentice.not_in_plan" not in checks
    assert "apprenticeship.apprentice.not_special_aid" not in checks
    assert decision.outcome is Outcome.ELIGIBLE
    # The test list is official, but the contract minimum's start date is inferred.
    assert decision.provenance is Provenance.UNVERIFIED


def test_exclusion_one_a_shenzhen_subsidy_at_the_same_level_excludes() -> None:
    """A skill-upgrade subsidy for 电工 高级工 paid in Futian in 2023 excludes."""
    decision = apprentice_eligibility(enrolment(claims=(claim(),)), on=ON)
    assert only_failure(decision) == "apprenticeship.apprentice.not_subsidised"
    failed = decision.failed[0]
    assert failed.value("claim_kind") is SubsidyKind.SKILL_UPGRADE
    assert failed.value("claim_level") is SkillLevel.ADVANCED
    assert failed.value("claim_year") == 2023


@pytest.mark.parametrize(
    ("changes", "held"),
    [
        ({"level": SkillLevel.TECHNICIAN}, False),  # higher level: excluded
        ({"level": SkillLevel.INTERMEDIATE}, True),  # lower level: not excluded
        ({"occupation": WELDER}, True),  # another occupation
        ({"division": DivisionCode("440300")}, False),  # recorded for the city
        ({"division": GUANGZHOU}, True),  # paid outside Shenzhen
        ({"kind": SubsidyKind.APPRENTICESHIP}, False),  # any training subsidy kind
        # A living allowance is for no occupation: one without it cannot match.
        ({"kind": SubsidyKind.LIVING_ALLOWANCE, "occupation": None}, True),
        ({"kind": SubsidyKind.LIVING_ALLOWANCE, "level": None}, True),
    ],
)
def test_exclusion_one_same_occupation_same_or_higher_level_in_shenzhen(
    changes: dict[str, Any], held: bool
) -> None:
    """Only a claim for the same occupation, at the same or higher level, in Shenzhen."""
    decision = apprentice_eligibility(enrolment(claims=(claim(**changes),)), on=ON)
    assert finding(decision, "apprenticeship.apprentice.not_subsidised") == (held, ())


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"division": None}, ("enrolment.claims[1].division",)),
        ({"division": GUANGDONG}, ("enrolment.claims[1].division",)),
        ({"paid_on": None}, ("enrolment.claims[1].paid_on",)),
        (
            {"paid_on": None, "division": None},
            ("enrolment.claims[1].division", "enrolment.claims[1].paid_on"),
        ),
        # A skill-upgrade subsidy is for an occupation and a level: unrecorded ones
        # are unknown, and named together with any other unknown field.
        ({"occupation": None}, ("enrolment.claims[1].occupation",)),
        ({"level": None}, ("enrolment.claims[1].level",)),
        (
            {"occupation": None, "paid_on": None},
            ("enrolment.claims[1].occupation", "enrolment.claims[1].paid_on"),
        ),
    ],
)
def test_exclusion_one_an_unknown_division_or_payment_leaves_it_undecided(
    changes: dict[str, Any], missing: tuple[str, ...]
) -> None:
    """A matching claim of unknown place (or paid province-wide) or payment: undecided.

    The first claim (another occupation) is irrelevant; the second may be the
    Shenzhen subsidy that excludes, so its unknown field is named.
    """
    claims = (claim(occupation=WELDER, division=None), claim(**changes))
    decision = apprentice_eligibility(enrolment(claims=claims), on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert finding(decision, "apprenticeship.apprentice.not_subsidised") == (
        None,
        missing,
    )


def test_exclusion_one_a_certain_exclusion_outweighs_an_unknown_claim() -> None:
    """An undecided claim and an excluding one: the exclusion is certain, so it fails."""
    claims = (claim(division=None), claim())
    decision = apprentice_eligibility(enrolment(claims=claims), on=ON)
    assert finding(decision, "apprenticeship.apprentice.not_subsidised") == (False, ())


def test_exclusion_one_counts_a_payment_on_the_evaluation_day_but_not_after() -> None:
    """Paid on day D: already paid on D; paid on D+1: not yet paid on D."""
    paid = date(2024, 3, 1)
    on_the_day = apprentice_eligibility(
        enrolment(claims=(claim(paid_on=paid),)), on=paid
    )
    day_before = apprentice_eligibility(
        enrolment(claims=(claim(paid_on=paid),)), on=paid - DAY
    )
    check = "apprenticeship.apprentice.not_subsidised"
    assert finding(on_the_day, check) == (False, ())
    assert finding(day_before, check) == (True, ())


# --- boundary days (D-1, D), as programme starts ------------------------------------------


def test_programmes_starting_2019_12_18_and_2019_12_19() -> None:
    """Before 2019-12-19 neither the main kinds nor the exclusions are in force: the
    exclusions are undecided, naming the list (the hire kind, advisory, too)."""
    open_ended = LabourContract(start=date(2018, 5, 1))
    before = apprentice_eligibility(
        starting(date(2019, 12, 18), contract=open_ended), on=date(2019, 12, 18)
    )
    first = apprentice_eligibility(
        starting(date(2019, 12, 19), contract=open_ended), on=date(2019, 12, 19)
    )
    assert finding(before, PRIORITY) == (None, ("apprenticeship.eligible_hire_kinds",))
    assert before.outcome is Outcome.UNDETERMINED
    assert before.missing == (EXCLUSIONS,)
    assert finding(first, PRIORITY) == (True, ())
    assert first.outcome is Outcome.ELIGIBLE


def test_contract_minimum_for_programmes_starting_2021_06_07_and_2021_06_08() -> None:
    """The one-year minimum is in force from 2021-06-08 (人社部发〔2021〕39号), read on
    the programme's start whatever the day of decision."""
    check = "apprenticeship.apprentice.contract_term"
    before = apprentice_eligibility(starting(date(2021, 6, 7)), on=ON)
    first = apprentice_eligibility(starting(date(2021, 6, 8)), on=ON)
    assert finding(before, check) == (None, ("apprenticeship.contract_min_months",))
    assert before.outcome is Outcome.UNDETERMINED
    assert finding(first, check) == (True, ())
    assert first.outcome is Outcome.ELIGIBLE


def test_shenzhen_region_for_programmes_starting_2019_12_18_and_2019_12_19() -> None:
    """A matching claim needs the region (from 2019-12-19) to tell if it was Shenzhen's."""
    check = "apprenticeship.apprentice.not_subsidised"
    claims = (claim(paid_on=date(2019, 12, 1)),)
    before = apprentice_eligibility(
        starting(date(2019, 12, 18), claims=claims), on=date(2019, 12, 18)
    )
    first = apprentice_eligibility(
        starting(date(2019, 12, 19), claims=claims), on=date(2019, 12, 19)
    )
    assert finding(before, check) == (
        None,
        (EXCLUSIONS, "apprenticeship.enterprise_region"),
    )
    assert finding(first, check) == (False, ())


# --- explanations -----------------------------------------------------------------------


def test_explanation_in_chinese_lists_the_failure_first_with_its_document() -> None:
    """The zh explanation: the failed exclusion and contract first, then what held."""
    case = enrolment(
        contract=LabourContract(start=date(2024, 1, 1), end=date(2024, 11, 30)),
        in_plan_same_or_higher=True,
        skill_post=None,
    )
    lines = apprentice_eligibility(case, on=ON).explain("zh").splitlines()
    assert lines[0] == "apprenticeship.apprentice（版本 2026.2）2024-03-01：不符合"
    assert lines[2:11] == [
        "未满足条件：",
        "  ✗ 劳动合同期限 11 个月，须不少于 12 个月",
        (
            "      依据：《关于全面推行中国特色企业新型学徒制 加强技能人才培养的指导意见》"
            "（人社部发〔2021〕39号）（施行期间系推断）"
        ),
        "  ✗ 未列入深圳市同职业（工种）同等级或更高等级的学徒培养计划：否",
        "      依据：《深圳市推行企业新型学徒制实施办法》（深人社规〔2019〕11号）",
        "无法判断：",
        "  ? 学徒在技能岗位工作：未知",
        "      缺少：enrolment.skill_post",
        (
            "      依据：《关于全面推行中国特色企业新型学徒制 加强技能人才培养的指导意见》"
            "（人社部发〔2021〕39号）"
        ),
    ]
    assert lines[1].startswith("依据可信度：未核实；")
    advisory = lines.index("参考条件（原则性条件或备选途径，本身不决定结果）：")
    assert lines[advisory + 1] == (
        "  ✓ 学徒来源为新招用，属于培养对象中为主的人员类别"
        "（企业可自主确定培养对象，仅影响优先次序）：是"
    )


def test_explanation_in_english_names_the_claim_field_it_lacks() -> None:
    """The en explanation of an undecided exclusion 1 names the claim's unknown field."""
    case = enrolment(claims=(claim(division=None),))
    text = apprentice_eligibility(case, on=ON).explain("en")
    assert (
        "  ? Not already paid a Shenzhen training subsidy for 6-31-01-03 at "
        "advanced worker (grade 3) or higher: unknown\n"
        "      missing: enrolment.claims[0].division\n"
        "      source: Shenzhen measures for implementing the enterprise new-type "
        "apprenticeship (深人社规〔2019〕11号)\n"
    ) in text
    assert text.splitlines()[0] == (
        "apprenticeship.apprentice (version 2026.2) on 2024-03-01: undetermined"
    )


# --- registration and sharing ------------------------------------------------------------


def test_rule_is_registered_with_its_parameters_and_checks() -> None:
    """The rule is in the registry; every check has a message, every parameter is known."""
    assert get_rule("apprenticeship.apprentice") is APPRENTICE_RULE
    assert APPRENTICE_RULE.function is apprentice_eligibility
    assert all(message_for(check) is not None for check in APPRENTICE_RULE.checks)
    assert [c.document.number for c in APPRENTICE_RULE.citations()] == [
        "人社部发〔2021〕39号",
        "深人社规〔2019〕11号",
    ]


def test_check_apprentice_shares_a_judge_with_other_rules() -> None:
    """check_apprentice adds its findings to a judge another rule also writes to."""
    judge = Judge(Policy.default(), ON)
    judge.record(Condition("demo.other", zh="其他", en="other"), True)
    check_apprentice(judge, enrolment(skill_post=False))
    decision = judge.decide(APPRENTICE_RULE)
    assert decision.findings[0].check == "demo.other"
    assert decision.outcome is Outcome.INELIGIBLE


# --- properties ---------------------------------------------------------------------------
# The promises every rule keeps (the same arguments give equal decisions, the outcome
# follows the findings in declared order, figures are read on their day...) are
# checked for this rule with the others, by the contract in test_rules_contract.py.

_CASES = cases(APPRENTICE_RULE.id)
_DAYS = st.dates(date(2019, 1, 1), date(2030, 12, 31))
_CONTRACT_CHECKS = {
    "apprenticeship.apprentice.contract_term",
    "apprenticeship.apprentice.contract_open_ended",
}


@given(_CASES)
def test_one_contract_check_and_every_other_check_once(case: Case) -> None:
    """Every current check is reported once, but only one of the two contract
    checks; an undecided finding names what it lacks, a decided one nothing."""
    decision = apprentice_eligibility(**case.facts, on=case.on)  # type: ignore[arg-type]
    checks = [f.check for f in decision.findings]
    assert len(checks) == len(set(checks)) == len(APPRENTICE_RULE.checks) - 1
    assert set(APPRENTICE_RULE.checks) - set(checks) < _CONTRACT_CHECKS
    for f in decision.findings:
        assert (f.held is None) == bool(f.missing), f.check


@given(enrolments(), _DAYS)
def test_any_exclusion_flag_makes_the_apprentice_ineligible(
    case: ApprenticeEnrolment, on: date
) -> None:
    """If any of exclusions 2-5 is recorded as applying, the apprentice is ineligible
    (while the exclusions are in force: from programmes starting 2019-12-19)."""
    vocational = case.person.school_kind in {
        SchoolKind.TECHNICAL_SCHOOL,
        SchoolKind.VOCATIONAL_COLLEGE,
    }
    flagged = (
        case.in_plan_same_or_higher,
        case.filed_elsewhere_in_training,
        case.person.full_time_student is True and vocational,
        case.covered_by_special_aid,
    )
    decision = apprentice_eligibility(case, on=on)
    if True in flagged and case.programme.start >= date(2019, 12, 19):
        assert decision.outcome is Outcome.INELIGIBLE


@given(_CASES)
def test_the_hire_kind_never_decides(case: Case) -> None:
    """Any hire kind, or none known, reaches the same outcome (人社部发〔2021〕39号:
    the enterprise may choose its own trainees)."""
    drawn = case.facts["enrolment"]
    assert isinstance(drawn, ApprenticeEnrolment)
    outcomes = {
        apprentice_eligibility(attrs.evolve(drawn, hire_kind=kind), on=case.on).outcome
        for kind in (*HireKind, None)
    }
    assert len(outcomes) == 1


_RANK = {False: 0, None: 1, True: 2}


@given(_CASES, subsidy_claims(), st.sampled_from(["own", "unknown", "drawn"]))
def test_more_claims_never_help(
    case: Case, extra: SubsidyClaim, occupation: str
) -> None:
    """Adding a claim (often for the programme's own occupation) never turns
    exclusion 1 from failed to unknown, or unknown to held."""
    drawn = case.facts["enrolment"]
    assert isinstance(drawn, ApprenticeEnrolment)
    if occupation != "drawn":
        own = drawn.programme.occupation if occupation == "own" else None
        extra = attrs.evolve(extra, occupation=own)
    check = "apprenticeship.apprentice.not_subsidised"
    before = finding(apprentice_eligibility(drawn, on=case.on), check)[0]
    longer = attrs.evolve(drawn, claims=(*drawn.claims, extra))
    after = finding(apprentice_eligibility(longer, on=case.on), check)[0]
    assert _RANK[after] <= _RANK[before]
