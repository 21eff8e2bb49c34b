"""Tests for skillchain.statistics: every figure against a hand count of the same input.

The hand counts are written in the comments next to each assertion.  Property tests
check that the figures add up (outcomes to cases, parts to the whole) and that no
identity number reaches any output.
"""

import importlib.util
import itertools
import json
import pickle
import random
import re
import sys
import types

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillchain import (
    FUTIAN,
    CreditCode,
    Decision,
    Finding,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.errors import PopulationError
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierType,
    ChainLeaderApplication,
    ChainLeaderDesignation,
    ChainStatus,
    Competition,
    CompetitionAward,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    CourseEnrolment,
    DeliveryMode,
    Enterprise,
    ExpertNomination,
    FilingStatus,
    GuidanceExpert,
    Honour,
    InstitutionKind,
    LifelongTrainingCarrier,
    OrganiserKind,
    Person,
    PrivateInstitutionFiling,
    ProgrammeStatus,
    PublicTrainingCourse,
    RecommendationRound,
    TalentRewardClaim,
    TalentRewardKind,
    ThreeProject,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import settlement
from skillchain.serialization import unstructure
from skillchain.simulation import simulate, synthetic_apprentices
from skillchain.statistics import (
    ALL_PERIODS,
    CHARTS_INSTALL,
    RECORD_TYPES,
    UNDATED,
    Basis,
    Figure,
    Report,
    Statistics,
    TrainingTally,
    by_year,
    chart_series,
    read_records,
    report_chart,
    spanning,
    year_of,
)
from skillchain.testing.strategies import (
    course_enrolments,
    decisions,
    enrolments,
    resident_ids,
)


HERE = Path(__file__).parent
DATASET = HERE.parent / "examples" / "statistics" / "futian-illustrative.jsonl"
FEW = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

ID_A = ResidentId("11010519491231002X")
ID_B = ResidentId("440304199001010011")
FIRM_A = CreditCode("91350100M000100Y43")
FIRM_B = CreditCode("9144030400000000J0")


def course(
    title: str = "育婴员",
    *,
    year: int = 2024,
    hours: str = "32",
    occupation: str | None = None,
    project: ThreeProject | None = None,
) -> PublicTrainingCourse:
    return PublicTrainingCourse(
        title=title,
        delivery=DeliveryMode.OFFLINE,
        hours=Decimal(hours),
        year=year,
        organiser_name="福田区人力资源局",
        occupation=None if occupation is None else OccupationCode(occupation),
        project=project,
    )


def decision(
    rule: str,
    outcome: Outcome,
    *,
    on: date = date(2024, 6, 1),
    amount: str | None = None,
    provenance: Provenance | None = Provenance.OFFICIAL,
    fingerprint: str = "a" * 64,
) -> Decision:
    return Decision(
        rule=rule,
        version="1",
        on=on,
        outcome=outcome,
        findings=(),
        provenance=provenance,
        policy_fingerprint=fingerprint,
        amount=None if amount is None else Decimal(amount),
    )


def programme(enterprise: CreditCode, start: date, occupation: str) -> Any:
    return ApprenticeshipProgramme(
        enterprise=enterprise,
        institution=TrainingInstitution(
            name="某技师学院", kind=InstitutionKind.TECHNICAL_SCHOOL
        ),
        occupation=OccupationCode(occupation),
        target_level=SkillLevel.INTERMEDIATE,
        start=start,
        planned_months=12,
        modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        status=ProgrammeStatus.LISTED,
    )


# ---------------------------------------------------------------- decisions


def test_decisions_by_rule_and_outcome_with_amounts_and_provenance() -> None:
    """Cases by outcome per rule, amounts of eligible decisions, weakest provenance."""
    items = [
        decision("demo.a", Outcome.ELIGIBLE, amount="100.10"),
        decision(
            "demo.a", Outcome.ELIGIBLE, amount="0.05", provenance=Provenance.SECONDARY
        ),
        decision("demo.a", Outcome.INELIGIBLE, fingerprint="b" * 64),
        decision("demo.b", Outcome.UNDETERMINED, on=date(2025, 1, 1), provenance=None),
        decision("other.c", Outcome.ELIGIBLE),  # no amount
    ]
    report = Statistics().update(items).report()
    # demo.a: 3 cases, 2 eligible, 1 ineligible; demo.b: 1 undetermined (2025).
    assert report.value("demo", "cases", rule="demo.a") == 3
    assert report.value("demo", "cases", rule="demo.a", outcome="eligible") == 2
    assert report.value("demo", "cases", rule="demo.a", outcome="ineligible") == 1
    assert report.value("demo", "cases", rule="demo.a", outcome="undetermined") == 0
    assert report.value("demo", "cases", rule="demo.b", period="2025") == 1
    assert report.value("demo", "cases", rule="demo.b", period="2024") == 0
    assert report.value("other", "cases", rule="other.c") == 1
    # 100.10 + 0.05 = 100.15, exactly.
    assert report.value("demo", "amount_paid", rule="demo.a") == Decimal("100.15")
    assert report.get("other", "amount_paid", rule="other.c") is None
    total = report.get("demo", "cases", rule="demo.a")
    assert total is not None
    assert total.basis is Basis.DECISIONS
    # official, secondary, official: the weakest is secondary; two policies.
    assert total.provenance is Provenance.SECONDARY
    assert total.fingerprints == ("a" * 64, "b" * 64)
    eligible = report.get("demo", "cases", rule="demo.a", outcome="eligible")
    assert eligible is not None
    assert eligible.fingerprints == ("a" * 64,)
    # A decision that used no figure in force: the figure claims none.
    undetermined = report.get("demo", "cases", rule="demo.b")
    assert undetermined is not None
    assert undetermined.provenance is None


def test_a_refund_is_owed_not_paid() -> None:
    """The settlement rule's refund finding: owed; its balance: paid."""
    refund = settlement(
        Decimal(28000), Decimal(56000), date(2026, 3, 1), on=date(2026, 3, 2)
    )
    balance = settlement(
        Decimal(84000), Decimal(56000), date(2026, 3, 1), on=date(2026, 3, 2)
    )
    assert refund.outcome is Outcome.INELIGIBLE
    report = Statistics().update([refund, balance, refund]).report()
    rule = "apprenticeship.settlement"
    # Two refunds of 56 000 - 28 000 = 28 000 each; one balance of 28 000.
    assert report.value("apprenticeship", "amount_owed", rule=rule) == Decimal(56000)
    assert report.value("apprenticeship", "amount_paid", rule=rule) == Decimal(28000)


def test_a_refund_is_read_from_the_rules_declaration_only() -> None:
    """A failed finding named refund of a rule that declares no refund is not owed."""
    owed = Decision.from_findings(
        rule="demo.unknown",
        version="1",
        on=date(2024, 1, 1),
        findings=[
            Finding(check="demo.refund", held=False, values=(("refund", Decimal(5)),))
        ],
        provenance=None,
        policy_fingerprint="0" * 64,
    )
    report = Statistics().update([owed]).report()
    assert report.get("demo", "amount_owed", rule="demo.unknown") is None


def test_allocations_and_summaries() -> None:
    """An allocation counts its decisions; a summary its outcomes per policy."""
    from skillchain.rules import Allocation

    allocation = Allocation(
        ranked=("x", "y"),
        decisions=(
            decision("experts.recommendation", Outcome.ELIGIBLE),
            decision("experts.recommendation", Outcome.INELIGIBLE),
        ),
    )
    policy = Policy.default()
    summary = simulate(
        synthetic_apprentices(40),
        rule="apprenticeship.case",
        baseline=policy,
        reform=policy,
    )
    report = Statistics().update([allocation, summary]).report()
    assert report.value("experts", "cases", rule="experts.recommendation") == 2
    rule = "apprenticeship.case"
    for name in ("baseline", "reform"):
        assert (
            report.value("apprenticeship", "simulated_cases", rule=rule, policy=name)
            == 40
        )
        for outcome in Outcome:
            assert (
                report.value(
                    "apprenticeship",
                    "simulated_cases",
                    rule=rule,
                    policy=name,
                    outcome=outcome.value,
                )
                == summary.baseline[outcome]
            )
        assert (
            report.value("apprenticeship", "simulated_total", rule=rule, policy=name)
            == summary.baseline_total
        )
    # A summary has no date: its figures are undated.
    assert report.periods("apprenticeship") == ("undated",)


# ---------------------------------------------------------------- records


def test_public_training_hand_count() -> None:
    """Courses, hours, occupations, person-times, people, completions, projects."""
    nursing = course("养老护理员", occupation="4-10-01-05")  # 南粤家政 by the catalog
    babies = course("育婴员", hours="40")  # 南粤家政 by name in the catalog
    sewing = course("服装设计及制作", project=ThreeProject.GUANGDONG_TECHNICIAN)
    online = course("电工", year=2023, occupation="6-31-01-03", hours="30")
    items = [
        nursing,  # a course record, and its enrolments below: one course
        CourseEnrolment(
            person=ID_A, course=nursing, enrolled_on=date(2024, 3, 1), completed=True
        ),
        CourseEnrolment(person=ID_B, course=nursing, enrolled_on=date(2024, 3, 1)),
        CourseEnrolment(person=ID_A, course=babies, enrolled_on=date(2024, 4, 1)),
        CourseEnrolment(
            person=ID_B, course=sewing, enrolled_on=date(2024, 5, 1), completed=True
        ),
        TrainingTally(course=online, person_times=950),
    ]
    report = Statistics().update(items).report()
    p = "public_training"
    # Courses: nursing, babies, sewing (2024), online (2023).
    assert report.value(p, "courses") == 4
    assert report.value(p, "courses", period="2024") == 3
    assert report.value(p, "courses", project="southern_housekeeping") == 2
    assert report.value(p, "courses", project="guangdong_technician") == 1
    assert report.value(p, "courses", project="unassigned") == 1  # 电工
    # Hours: 32 + 40 + 32 (2024) + 30 (2023), each course once.
    assert report.value(p, "course_hours", period="2024") == Decimal(104)
    assert report.value(p, "course_hours") == Decimal(134)
    # Occupations: 4-10-01-05, 育婴员, 服装设计及制作, 6-31-01-03.
    assert report.value(p, "occupations") == 4
    # Person-times: 4 enrolments + 950 tallied.
    assert report.value(p, "person_times") == 954
    assert report.value(p, "person_times", period="2023") == 950
    assert report.value(p, "person_times", project="southern_housekeeping") == 3
    assert report.value(p, "person_times", occupation="4-10-01-05") == 2
    assert report.value(p, "person_times", occupation="育婴员") == 1
    # Two people trained (A and B), two completions.
    assert report.value(p, "trainees") == 2
    assert report.value(p, "completions") == 2
    figure = report.get(p, "person_times")
    assert figure is not None
    assert figure.basis is Basis.RECORDS
    assert figure.provenance is None
    assert figure.fingerprints == ()


def test_apprenticeship_hand_count() -> None:
    """Apprentices, people, enterprises and programmes; the period is the start."""
    first = programme(FIRM_A, date(2020, 3, 1), "6-31-01-03")
    second = programme(FIRM_B, date(2023, 3, 1), "4-06-01-04")
    items = [
        ApprenticeEnrolment(person=Person(id=ID_A), programme=first),
        ApprenticeEnrolment(person=Person(id=ID_B), programme=first),
        ApprenticeEnrolment(person=Person(id=ID_A), programme=second),
        second,  # the programme record again: one programme, one enterprise
    ]
    report = Statistics().update(items).report()
    a = "apprenticeship"
    assert report.value(a, "apprentices") == 3
    assert report.value(a, "apprentices", period="2020") == 2
    assert report.value(a, "apprentices", occupation="6-31-01-03") == 2
    assert report.value(a, "apprentice_people") == 2
    assert report.value(a, "apprentice_people", period="2023") == 1
    assert report.value(a, "enterprises") == 2
    assert report.value(a, "programmes") == 2


def test_institutions_carriers_rewards_hand_count() -> None:
    """Filings by status and year; carriers by type; award applications; claims."""
    filings = [
        PrivateInstitutionFiling(
            institution_name=f"学校{index}",
            organiser_kind=OrganiserKind.LEGAL_PERSON,
            organiser_code=FIRM_A,
            division=FUTIAN,
            submitted_on=date(2023, 12, 1),
            status=status,
            decided_on=None if status is FilingStatus.PENDING else date(2024, 1, 5),
        )
        for index, status in enumerate(
            [FilingStatus.FILED, FilingStatus.FILED, FilingStatus.PENDING]
        )
    ]
    base = LifelongTrainingCarrier(
        carrier_type=CarrierType.HIGH_SKILL_TRAINING_BASE,
        name="某基地",
        host=FIRM_A,
        host_name="某公司",
    )
    studio = LifelongTrainingCarrier(
        carrier_type=CarrierType.MASTER_STUDIO,
        name="某工作室",
        host=FIRM_B,
        host_name="某公司",
        recognised_on=date(2023, 5, 1),
    )
    applications = [
        CarrierAwardApplication(
            carrier=base, category=CarrierAwardCategory.QUALITY_CAPACITY, year=2023
        ),
        CarrierAwardApplication(
            carrier=base, category=CarrierAwardCategory.MODEL_CARRIER, year=2023
        ),
    ]
    honour = Honour(
        holder=ID_A,
        key="shenzhen-technical-expert",
        title="深圳市技术能手",
        awarded_on=date(2024, 1, 10),
    )
    claims = [
        TalentRewardClaim(
            person=ID_A,
            kind=TalentRewardKind.HIGH_SKILL,
            basis=honour,
            claimed_on=date(2024, 5, 6),
            year=2024,
            amount_claimed=Decimal(50000),
        ),
        TalentRewardClaim(
            person=ID_A,
            kind=TalentRewardKind.HIGH_SKILL,
            basis=honour,
            claimed_on=date(2024, 6, 6),
            year=2024,
        ),
    ]
    report = (
        Statistics().update([*filings, base, studio, *applications, *claims]).report()
    )
    # Filings decided 2024-01-05 (two), one pending submitted 2023-12-01.
    assert report.value("institutions", "filings") == 3
    assert report.value("institutions", "filings", filing_status="filed") == 2
    assert report.value("institutions", "filings", period="2024") == 2
    assert (
        report.value("institutions", "filings", period="2023", filing_status="pending")
        == 1
    )
    # Carriers: base (undated, also through its applications) and studio (2023).
    assert report.value("carriers", "carriers") == 2
    assert report.value("carriers", "carriers", carrier_type="master_studio") == 1
    assert report.value("carriers", "carriers", period="undated") == 1
    assert report.value("carriers", "award_applications") == 2
    assert report.value("carriers", "award_applications", category="model_carrier") == 1
    # Claims: two high-skill, 50 000 claimed, one person.
    assert report.value("rewards", "reward_claims", reward_kind="high_skill") == 2
    assert report.value("rewards", "reward_amount_claimed") == Decimal(50000)
    assert report.value("rewards", "reward_people") == 1


def test_experts_chains_competitions_hand_count() -> None:
    """Nominations and recommended experts; applicants and leaders; contests."""

    def nomination(person: ResidentId, recommended: bool | None) -> ExpertNomination:
        return ExpertNomination(
            nominated_by=FIRM_A,
            expert=GuidanceExpert(person=person, name="专家"),
            district=FUTIAN,
            round_id="2024",
            recommended=recommended,
        )

    round_ = RecommendationRound(
        district=FUTIAN,
        round_id="2024",
        year=2024,
        nominations=(nomination(ID_A, True), nomination(ID_B, False)),
    )
    firm = Enterprise(credit_code=FIRM_A, name="某集团", registered_division=FUTIAN)
    contest = Competition(
        name="服装制版师职业技能竞赛",
        year=2024,
        tier=CompetitionTier.MUNICIPAL,
        event="服装制版师",
        competition_format=CompetitionFormat.INDIVIDUAL,
    )
    items = [
        round_,
        nomination(ID_A, True),  # the same person again: one expert
        ChainLeaderApplication(enterprise=firm),
        ChainLeaderApplication(
            enterprise=Enterprise(
                credit_code=FIRM_B, name="某公司", registered_division=FUTIAN
            )
        ),
        ChainLeaderDesignation(
            enterprise=FIRM_A,
            enterprise_name="某集团",
            status=ChainStatus.RECOGNISED,
            year=2024,
        ),
        CompetitionResult(
            person=ID_A, competition=contest, rank=1, award=CompetitionAward.FIRST_PRIZE
        ),
        CompetitionResult(person=ID_B, competition=contest, rank=9),
    ]
    report = Statistics().update(items).report()
    # Round: 2 nominations (2024); the stand-alone one is undated: 3 in all.
    assert report.value("experts", "nominations") == 3
    assert report.value("experts", "nominations", period="2024") == 2
    assert report.value("experts", "experts") == 2
    assert report.value("experts", "experts_recommended") == 1
    # Two applicants (undated), one leader listed in 2024.
    assert report.value("chains", "leader_applicants", period="undated") == 2
    assert report.value("chains", "chain_leaders", period="2024") == 1
    assert report.value("chains", "chain_leaders", chain_status="recognised") == 1
    # One contest (municipal), one award.
    assert report.value("competitions", "competitions", tier="municipal") == 1
    assert report.value("competitions", "competition_awards") == 1


def test_facts_and_refused_items() -> None:
    """add_facts counts records among facts (in tuples too); other items are refused."""
    statistics = Statistics()
    enrolment = CourseEnrolment(
        person=ID_A, course=course(), enrolled_on=date(2024, 3, 1)
    )
    statistics.add_facts({"enrolment": enrolment, "others": (enrolment,), "flag": True})
    assert statistics.report().value("public_training", "person_times") == 2
    with pytest.raises(InvalidValueError, match="got a value of type str"):
        statistics.add("not a record")


def test_decide_counts_decisions_and_facts() -> None:
    """Statistics.decide decides cases and counts the records of their facts."""
    cases = list(synthetic_apprentices(30))
    report = Statistics().decide(cases, "apprenticeship.case").report()
    assert report.value("apprenticeship", "cases", rule="apprenticeship.case") == 30
    assert report.value("apprenticeship", "apprentices") == 30
    people = {
        enrolment.person.id
        for case in cases
        if isinstance(enrolment := case.facts["enrolment"], ApprenticeEnrolment)
    }
    assert report.value("apprenticeship", "apprentice_people") == len(people)


# ---------------------------------------------------------------- periods


def test_periods() -> None:
    """The default period is the year; a span groups years; undated items."""
    early = decision("demo.a", Outcome.ELIGIBLE, on=date(2021, 1, 1))
    late = decision("demo.a", Outcome.ELIGIBLE, on=date(2024, 1, 1))
    assert year_of(early) == 2021
    assert by_year(late) == "2024"
    assert (
        year_of(
            ChainLeaderApplication(
                enterprise=Enterprise(
                    credit_code=FIRM_A, name="某", registered_division=FUTIAN
                )
            )
        )
        is None
    )
    report = Statistics(period=spanning(2020, 2023)).update([early, late]).report()
    assert report.periods() == ("2020–2023", "2024")
    assert report.value("demo", "cases", rule="demo.a", period="2020–2023") == 1
    custom = Statistics(period=lambda _: "Q1").update([early, late]).report()
    assert custom.value("demo", "cases", rule="demo.a", period="Q1") == 2
    with pytest.raises(InvalidValueError):
        spanning(2024, 2020)
    undated = Statistics(period=lambda _: None).update([early]).report()
    assert undated.periods() == (UNDATED,) == ("undated",)
    figure = undated.get("demo", "cases", period=ALL_PERIODS, rule="demo.a")
    assert figure is not None
    assert figure.period is None


# ---------------------------------------------------------------- merging


@FEW
@given(
    st.lists(decisions(), max_size=12),
    st.lists(course_enrolments(), max_size=6),
    st.lists(enrolments(), max_size=4),
    st.data(),
)
def test_merge_of_any_split_is_the_whole(
    found: list[Decision], courses: list[Any], apprentices: list[Any], data: Any
) -> None:
    """Reports of parts merge into the report of the whole, for any split."""
    items: list[object] = [*found, *courses, *apprentices]
    items = data.draw(st.permutations(items))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(items)), max_size=3)))
    bounds = [0, *cuts, len(items)]
    parts = [
        Statistics().update(items[a:b]).report() for a, b in itertools.pairwise(bounds)
    ]
    whole = Statistics().update(items).report()
    assert Report.merge(*parts) == whole
    assert Report.merge(Report.merge(*parts[:1]), Report.merge(*parts[1:])) == whole


@FEW
@given(st.lists(decisions(), max_size=15))
def test_outcomes_add_up_to_cases(found: list[Decision]) -> None:
    """Per rule and period, the outcomes sum to the cases; amounts to the eligible ones."""
    report = Statistics().update(found).report()
    for figure in report.figures:
        if figure.measure != "cases" or len(figure.breakdown) != 1:
            continue
        ((_, rule),) = figure.breakdown
        outcomes = sum(
            report.value(
                figure.programme,
                "cases",
                period=figure.period,
                rule=rule,
                outcome=o.value,
            )
            for o in Outcome
        )
        assert outcomes == figure.value
    assert sum(
        f.value
        for f in report.figures
        if f.measure == "cases" and f.period is None and len(f.breakdown) == 1
    ) == len(found)
    paid = sum(
        (
            d.amount
            for d in found
            if d.outcome is Outcome.ELIGIBLE and d.amount is not None
        ),
        Decimal(0),
    )
    assert (
        sum(
            (
                f.value
                for f in report.figures
                if f.measure == "amount_paid" and f.period is None
            ),
            Decimal(0),
        )
        == paid
    )


def test_merge_refuses_what_it_cannot_merge_exactly() -> None:
    """A report built from its figures alone has no digests for distinct counts."""
    report = (
        Statistics()
        .update(
            [
                CourseEnrolment(
                    person=ID_A, course=course(), enrolled_on=date(2024, 3, 1)
                )
            ]
        )
        .report()
    )
    bare = Report(figures=report.figures)
    assert bare == report
    with pytest.raises(InvalidValueError, match="digests"):
        Report.merge(bare, report)
    with pytest.raises(InvalidValueError, match="a Report"):
        Report.merge(report, "x")  # type: ignore[arg-type]
    assert Report.merge().figures == ()
    # Pickled (as Dask sends it), a report still merges exactly.
    again = pickle.loads(pickle.dumps(report))  # noqa: S301 - our own bytes
    assert Report.merge(again, report).value("public_training", "trainees") == 1


# ---------------------------------------------------------------- privacy


def _leaks(text: str, person: ResidentId) -> bool:
    number = person.reveal()
    return number in text or number[:14] in text


@FEW
@given(st.lists(resident_ids(), min_size=1, max_size=5))
def test_no_identity_number_in_any_output(people: list[ResidentId]) -> None:
    """Drawn numbers appear in no output: table, JSON, repr, pickled figures."""
    items: list[object] = []
    for person in people:
        noisy = course(f"课程{person.reveal()}")  # a title that holds a number
        items.append(
            CourseEnrolment(person=person, course=noisy, enrolled_on=date(2024, 3, 1))
        )
        items.append(decision(f"demo.r{person.reveal()}", Outcome.ELIGIBLE))
    report = (
        Statistics(period=lambda _: f"p{people[0].reveal()}").update(items).report()
    )
    outputs = [
        report.table("zh"),
        report.table("en"),
        json.dumps(report.to_json(), ensure_ascii=False),
        json.dumps(unstructure(report), ensure_ascii=False),
        repr(report),
        json.dumps(chart_series(report), ensure_ascii=False),
    ]
    for text in outputs:
        for person in people:
            assert not _leaks(text, person)


def test_no_identity_number_in_reading_errors(tmp_path: Path) -> None:
    """A bad line that quotes an identity number is reported masked."""
    number = ID_B.reveal()
    file = tmp_path / "bad.jsonl"
    file.write_text(
        json.dumps({"type": "CourseEnrolment", "data": {"person": number[:-1] + "5"}})
        + "\n"
        + json.dumps({"type": number, "data": {}})
        + "\n",
        encoding="utf-8",
    )
    errors: list[PopulationError] = []
    assert list(read_records(file, on_bad_line=errors.append)) == []
    assert [e.line for e in errors] == [1, 2]
    for error in errors:
        assert number[:14] not in str(error)


# ---------------------------------------------------------------- JSON Lines


def test_read_records_round_trip_and_problems(tmp_path: Path) -> None:
    """Records and decisions read back; bad lines are listed by number, reading goes on."""
    enrolment = CourseEnrolment(
        person=ID_A, course=course(), enrolled_on=date(2024, 3, 1)
    )
    settled = settlement(Decimal(10), Decimal(0), None, on=date(2025, 1, 1))
    lines = [
        json.dumps({"note": "ILLUSTRATIVE"}),
        "",
        json.dumps({"type": "CourseEnrolment", "data": unstructure(enrolment)}),
        json.dumps({"decision": unstructure(settled)}),
        json.dumps({"type": "Decision", "data": unstructure(settled)}),
        "not json",
        json.dumps([1, 2]),
        json.dumps({"type": "CourseEnrolmnt", "data": {}}),
        json.dumps({"type": "CourseEnrolment", "data": {"course": {}}}),
        json.dumps({"kind": "x"}),
        json.dumps({"note": 3}),
        "x" * ((1 << 20) + 10),
        json.dumps(
            {
                "type": "TrainingTally",
                "data": {"course": unstructure(course()), "person_times": 7},
            }
        ),
    ]
    file = tmp_path / "mixed.jsonl"
    file.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n")
    errors: list[PopulationError] = []
    items = list(read_records(file, on_bad_line=errors.append))
    assert items == [
        enrolment,
        settled,
        settled,
        TrainingTally(course=course(), person_times=7),
    ]
    assert [e.line for e in errors] == [6, 7, 8, 9, 10, 11, 12]
    assert "closest: CourseEnrolment" in str(errors[2])
    assert "data.person" in str(errors[3])
    assert "1 MiB" in str(errors[6])
    with pytest.raises(PopulationError, match="line 6"):
        list(read_records(file))
    with pytest.raises(PopulationError, match="no such file"):
        read_records(tmp_path / "missing.jsonl")


def test_record_types_are_counted() -> None:
    """Every record type a JSON Lines file may name is one Statistics counts."""
    statistics = Statistics()
    assert set(RECORD_TYPES) <= {cls.__name__ for cls in statistics._handlers}


# ---------------------------------------------------------------- the dataset


def test_illustrative_dataset_matches_a_hand_count() -> None:
    """The illustrative dataset's report against counts made from its lines directly."""
    raw = [
        json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()
    ]
    assert "ILLUSTRATIVE" in raw[0]["note"]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for entry in raw[1:]:
        by_type.setdefault(entry["type"], []).append(entry["data"])
    report = Statistics().update(read_records(DATASET)).report()
    tallies = by_type["TrainingTally"]
    online = [c for c in by_type["PublicTrainingCourse"] if c["year"] == 2023]
    assert report.value("public_training", "person_times", period="2023") == sum(
        t["person_times"] for t in tallies
    )
    assert report.value("public_training", "person_times", period="2023") > 40000
    assert report.value("public_training", "courses", period="2023") == len(online)
    assert report.value("public_training", "course_hours", period="2023") == sum(
        Decimal(c["hours"]) for c in online
    )
    apprentices = by_type["ApprenticeEnrolment"]
    assert report.value("apprenticeship", "apprentices") == len(apprentices)
    assert (
        report.value("apprenticeship", "enterprises")
        == len({a["programme"]["enterprise"] for a in apprentices})
        == 18
    )
    filed = [f for f in by_type["PrivateInstitutionFiling"] if f["status"] == "filed"]
    assert (
        report.value("institutions", "filings", filing_status="filed")
        == len(filed)
        == 24
    )
    (round_,) = by_type["RecommendationRound"]
    assert (
        report.value("experts", "experts_recommended")
        == sum(1 for n in round_["nominations"] if n["recommended"])
        == 6
    )
    assert (
        report.value("chains", "leader_applicants")
        == len(by_type["ChainLeaderApplication"])
        == 4
    )
    assert (
        report.value("chains", "chain_leaders")
        == len(by_type["ChainLeaderDesignation"])
        == 3
    )


# ---------------------------------------------------------------- output


def test_table_and_json_shapes() -> None:
    """The table has one block per programme and a column per period; JSON is data."""
    items = [
        decision(
            "demo.a",
            Outcome.ELIGIBLE,
            amount="1234.50",
            provenance=Provenance.UNVERIFIED,
        ),
        CourseEnrolment(person=ID_A, course=course(), enrolled_on=date(2024, 3, 1)),
    ]
    report = Statistics().update(items).report()
    text = report.table("zh")
    assert "公益性职业技能培训（public_training）" in text
    assert "1,234.50" in text
    assert "未核实" in text
    english = report.table("en")
    assert "person-times trained" in english
    data = report.to_json()
    paid = [
        f
        for f in data["figures"]
        if f["measure"] == "amount_paid" and f["period"] is None
    ]
    assert paid == [
        {
            "programme": "demo",
            "period": None,
            "measure": "amount_paid",
            "breakdown": [["rule", "demo.a"]],
            "value": "1234.50",
            "zh": "核定支付金额（元） · demo.a",
            "en": "amount payable (yuan) · demo.a",
            "basis": "decisions",
            "fingerprints": ["a" * 64],
            "provenance": "unverified",
        }
    ]
    assert unstructure(report) == data
    assert Report(figures=()).table("en") == "(no figures)"


def test_figure_label() -> None:
    """A figure's label in either language."""
    figure = Figure(
        programme="x",
        period=None,
        measure="cases",
        breakdown=(),
        value=1,
        zh="个案数",
        en="cases decided",
        basis=Basis.DECISIONS,
        fingerprints=(),
        provenance=None,
    )
    assert (figure.label(), figure.label("en")) == ("个案数", "cases decided")


def test_report_chart_calls_the_charts_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report_chart hands the headline counts to skillchain.charts.bar_chart."""
    calls: list[tuple[Any, ...]] = []

    def bar_chart(
        title: str,
        series: Any,
        path: Path,
        *,
        lang: str = "zh",
        unit: str | None = None,
    ) -> Path:
        calls.append((title, series, path, lang, unit))
        path.write_bytes(b"chart")
        return path

    fake = types.ModuleType("skillchain.charts")
    fake.bar_chart = bar_chart  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "skillchain.charts", fake)
    report = (
        Statistics()
        .update(
            [
                decision("demo.a", Outcome.ELIGIBLE),
                CourseEnrolment(
                    person=ID_A, course=course(), enrolled_on=date(2024, 3, 1)
                ),
            ]
        )
        .report()
    )
    target = tmp_path / "out.svg"
    assert report_chart(report, target, lang="en") == target
    ((title, series, path, lang, unit),) = calls
    assert (title, path, lang, unit) == ("Programme figures", target, "en", None)
    (group,) = series.values()
    assert group["demo · cases decided · demo.a"] == 1
    assert group["Public-benefit vocational training · person-times trained"] == 1
    assert not any("yuan" in label for label in group)


def test_report_chart_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the charts module, the error names the extra."""
    monkeypatch.setitem(sys.modules, "skillchain.charts", None)
    with pytest.raises(ImportError, match=re.escape(CHARTS_INSTALL)):
        report_chart(Report(figures=()), "x.png")


# ---------------------------------------------------------------- Dask

HAVE_DASK = importlib.util.find_spec("distributed") is not None


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster of two worker processes, one thread each."""
    if not HAVE_DASK:
        pytest.skip("Dask is not installed (pip install 'skillchain[dask]')")
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as made,
    ):
        yield made


@pytest.mark.usefixtures("client")
def test_a_bag_on_the_cluster_gives_the_local_report() -> None:
    """The dataset counted in partitions on two workers equals the local count."""
    import importlib

    from skillchain.statistics import report_of_bag
    from worker_rules import statistics_period

    items = list(read_records(DATASET))
    random.Random(7).shuffle(items)  # noqa: S311 - a fixed order, not a secret
    items.append(decision("demo.a", Outcome.ELIGIBLE, amount="1.5"))
    bags: Any = importlib.import_module("dask.bag")  # the typing session has no Dask
    bag = bags.from_sequence(items, npartitions=6)
    assert report_of_bag(bag) == Statistics().update(items).report()
    spanned = report_of_bag(bag, period=statistics_period)
    assert spanned == Statistics(period=statistics_period).update(items).report()
    assert "2020–2023" in spanned.periods()


def test_an_unreadable_file_is_a_population_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that cannot be opened is reported as such, not as an OSError."""
    file = tmp_path / "locked.jsonl"
    file.write_text("{}\n", encoding="utf-8")

    def refuse(*_: object, **__: object) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(PopulationError, match="cannot be read"):
        list(read_records(file))
