"""Tests for the combined apprentice case and for properties every rule must keep."""

import ast

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from rule_fixtures import (
    DIRECTORY_OCCUPATION,
    WITH_DIRECTORY,
    WITH_DISTRICT,
    directory_overlay,
    district_figures_overlay,
)
from skillchain import (
    CreditCode,
    DivisionCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.comparison import Case
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
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import (
    CASE_RULE,
    apprentice_case,
    apprentice_eligibility,
    get_rule,
    programme_validity,
    rules,
    subsidy_entitlement,
)
from skillchain.testing.strategies import cases


RULES_DIR = Path(__file__).resolve().parent.parent / "src" / "skillchain" / "rules"


def enrolment(
    *, qualified: bool | None = True, months: int = 24
) -> ApprenticeEnrolment:
    """A 2024 高级工 electrician apprentice of a Futian enterprise (hand-built)."""
    school = TrainingInstitution(
        name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
    )
    programme = ApprenticeshipProgramme(
        enterprise=CreditCode("9144030400000000J0"),
        institution=school,
        occupation=DIRECTORY_OCCUPATION,
        target_level=SkillLevel.ADVANCED,
        start=date(2024, 3, 1),
        planned_months=months,
        modes=frozenset(TrainingMode),
        status=ProgrammeStatus.COMPLETED,
        enterprise_mentor=Mentor(name="李师傅", side=MentorSide.ENTERPRISE),
        institution_mentor=Mentor(name="王老师", side=MentorSide.INSTITUTION),
        online_hours=Decimal(40),
        professional_basics_hours=Decimal(100),
        filing_division=DivisionCode("440304"),
    )
    return ApprenticeEnrolment(
        person=Person(
            id=ResidentId("44030420000101001X".replace("1X", "17")),
            full_time_student=False,
        ),
        programme=programme,
        contract=LabourContract(start=date(2024, 2, 1), end=date(2027, 1, 31)),
        hire_kind=HireKind.NEW_HIRE,
        skill_post=True,
        in_plan_same_or_higher=False,
        filed_elsewhere_in_training=False,
        covered_by_special_aid=False,
        qualified=qualified,
    )


DAY = date(2026, 3, 1)


def test_a_qualified_apprentice_earns_two_years_at_the_shenzhen_rate() -> None:
    """高级工, 24 months, certified: 7 000 × 2 = 14 000 yuan, with the district's
    directory and online share."""
    case = apprentice_case(
        enrolment(), on=DAY, policy=WITH_DISTRICT, shortage_occupation=False
    )
    assert case.outcome is Outcome.ELIGIBLE, case.explain("en")
    assert case.amount == Decimal("14000.00")
    assert case.rule == "apprenticeship.case"
    assert case.version == "2026.2"
    assert case.policy_fingerprint == WITH_DISTRICT.fingerprint


def test_without_the_district_figures_the_case_is_undetermined() -> None:
    """The bundled policy has neither the online share nor the directory: the case
    names both."""
    case = apprentice_case(enrolment(), on=DAY, shortage_occupation=False)
    assert case.outcome is Outcome.UNDETERMINED
    assert case.missing == (
        "apprenticeship.online_share_max",
        "apprenticeship.occupation_directory",
    )
    assert case.amount is None


def test_an_in_service_apprentice_is_paid_with_a_lower_priority() -> None:
    """人社部发〔2021〕39号: new hires and transferees are the main trainees, the
    enterprise chooses its own: an in-service employee's case is paid the same
    14 000 yuan, only its priority is lower."""
    case = apprentice_case(
        attrs.evolve(enrolment(), hire_kind=HireKind.IN_SERVICE),
        on=DAY,
        policy=WITH_DISTRICT,
        shortage_occupation=False,
    )
    assert case.amount == Decimal("14000.00")
    assert case.priority_met is False


def test_a_shortage_case_decided_in_2026_is_undetermined() -> None:
    """粤人社规〔2023〕13号 ended on 2025-12-31 with no successor: a shortage case
    decided in 2026 names the uplift's figures instead of paying no uplift."""
    case = apprentice_case(
        enrolment(), on=DAY, policy=WITH_DISTRICT, shortage_occupation=True
    )
    assert case.outcome is Outcome.UNDETERMINED
    assert case.missing == (
        "apprenticeship.shortage_uplift_min_level",
        "apprenticeship.shortage_uplift_max",
        "apprenticeship.shortage_uplift",
    )


def test_the_programme_is_judged_on_its_start_and_the_claim_on_its_day() -> None:
    """A 2024 programme decided in 2026: the programme's figures are those of
    2024-03-01 (a district share from 2025 does not reach it), the subsidy's those of
    the claim day; its unknown facts are named under ``enrolment.programme``."""
    late_share = WITH_DIRECTORY.overlay(district_figures_overlay(since="2025-01-01"))
    case = apprentice_case(
        enrolment(), on=DAY, policy=late_share, shortage_occupation=False
    )
    assert case.missing == ("apprenticeship.online_share_max",)
    unknown = apprentice_case(
        attrs.evolve(
            enrolment(),
            programme=attrs.evolve(enrolment().programme, planned_months=30),
        ),
        on=DAY,
        policy=WITH_DISTRICT,
        shortage_occupation=False,
    )
    assert unknown.missing == ("enrolment.programme.special_case",)


def test_a_failed_condition_makes_the_case_ineligible_and_explains_it_first() -> None:
    """An uncertified apprentice earns nothing; the explanation starts with why."""
    case = apprentice_case(
        enrolment(qualified=False),
        on=DAY,
        policy=WITH_DISTRICT,
        shortage_occupation=False,
    )
    assert case.outcome is Outcome.INELIGIBLE
    lines = case.explain("en").splitlines()
    assert lines[2] == "Not met:"
    assert [f.check for f in case.failed] == ["apprenticeship.subsidy.qualified"]


@given(
    cases("apprenticeship.case", policy=WITH_DISTRICT),
    st.sampled_from([Policy.default(), WITH_DIRECTORY, WITH_DISTRICT]),
)
def test_the_case_is_exactly_its_three_rules(drawn: Case, policy: Policy) -> None:
    """Findings are the three rules' findings in order; eligible only if all three are."""
    enrolment = drawn.facts["enrolment"]
    assert isinstance(enrolment, ApprenticeEnrolment)
    on = drawn.on
    shortage = drawn.facts.get("shortage_occupation")
    student = drawn.facts.get("student", False)
    assert shortage is None or isinstance(shortage, bool)
    assert isinstance(student, bool)
    case = apprentice_case(
        enrolment, on=on, policy=policy, shortage_occupation=shortage, student=student
    )
    apprentice = apprentice_eligibility(enrolment, on=on, policy=policy)
    programme = programme_validity(enrolment.programme, on=on, policy=policy)
    subsidy = subsidy_entitlement(
        enrolment.programme,
        [enrolment],
        on=on,
        policy=policy,
        shortage_occupation=shortage,
        student=student,
    )
    # The programme's unknown facts are named under ``enrolment`` in the case.
    named = tuple(
        f._replace(
            missing=tuple(
                f"enrolment.{name}" if name.startswith("programme.") else name
                for name in f.missing
            ),
        )
        for f in programme.findings
    )
    parts = (*apprentice.findings, *named)
    assert case.findings[: len(parts)] == parts
    if case.outcome is Outcome.ELIGIBLE:
        assert (
            apprentice.outcome
            is programme.outcome
            is subsidy.outcome
            is Outcome.ELIGIBLE
        )
        assert case.amount == subsidy.amount
    if Outcome.INELIGIBLE in (apprentice.outcome, programme.outcome):
        assert case.outcome is Outcome.INELIGIBLE
    known = [p for p in (apprentice.provenance, programme.provenance) if p]
    if known:
        assert case.provenance is not None
        assert case.provenance >= max(known)


def test_an_overlay_changes_the_fingerprint_the_decision_records() -> None:
    """Judged under a reform, a decision carries the reform's fingerprint."""
    reform = WITH_DISTRICT.overlay(
        directory_overlay(str(DIRECTORY_OCCUPATION), "4-10-01-05", since="2026-01-01")
    )
    base = apprentice_case(
        enrolment(), on=DAY, policy=WITH_DISTRICT, shortage_occupation=False
    )
    other = apprentice_case(
        enrolment(), on=DAY, policy=reform, shortage_occupation=False
    )
    assert reform.fingerprint != WITH_DISTRICT.fingerprint
    assert base.policy_fingerprint == WITH_DISTRICT.fingerprint
    assert other.policy_fingerprint == reform.fingerprint
    # The directory overlay is unverified: the decision's weakest provenance says so.
    assert base.provenance is Provenance.UNVERIFIED


# --- house rules every rule keeps ---------------------------------------------------


def rule_modules() -> list[Path]:
    """Every rule module's source file."""
    return sorted(RULES_DIR.rglob("*.py"))


def docstring_nodes(tree: ast.Module) -> set[int]:
    """ids of the string constants that are docstrings (module, class, function, attribute)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    found.add(id(stmt.value))
    return found


@pytest.mark.parametrize(
    "path", rule_modules(), ids=lambda p: str(p.relative_to(RULES_DIR))
)
def test_rule_modules_hold_no_figures(path: Path) -> None:
    """No number literal in a rule module except 0, 1 and 12 (months in a year)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = docstring_nodes(tree)
    literals = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and id(node) not in docs
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
        and node.value not in (0, 1, 12)
    ]
    assert literals == []


@pytest.mark.parametrize(
    "path", rule_modules(), ids=lambda p: str(p.relative_to(RULES_DIR))
)
def test_rule_modules_are_pure(path: Path) -> None:
    """No clock, randomness, environment or file access in a rule module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names
            if isinstance(node, ast.Import)
            else [ast.alias(node.module or "")]
        )
    }
    assert not imported & {
        "os",
        "random",
        "time",
        "secrets",
        "pathlib",
        "io",
        "sys",
        "logging",
    }
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not calls & {"today", "now", "utcnow", "getenv"}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert "open" not in names


def test_every_rule_is_registered_and_documented() -> None:
    """Each registered rule has titles, sources that resolve, and a documented function."""
    registered = rules()
    assert [r.id for r in registered] == sorted(r.id for r in registered)
    # Every rule module registers its rules on import: the package's rules are all
    # there (the apprenticeship and subsidy rules at least, by id).
    assert {
        "apprenticeship.apprentice",
        "apprenticeship.case",
        "apprenticeship.enterprise",
        "apprenticeship.prepayment",
        "apprenticeship.programme",
        "apprenticeship.quota",
        "apprenticeship.settlement",
        "apprenticeship.subsidy",
        "skill_upgrade",
        "skill_upgrade.case",
        "subsidy.cap",
        "ui_skill",
        "ui_skill.case",
    } <= {r.id for r in registered}
    modules = {r.function.__module__ for r in registered}
    assert modules == {
        "skillchain.rules." + ".".join(p.relative_to(RULES_DIR).with_suffix("").parts)
        for p in rule_modules()
        if not any(part.startswith("_") for part in p.relative_to(RULES_DIR).parts)
    }
    for rule in registered:
        assert rule.title_zh
        assert rule.title_en
        assert rule.function.__doc__
        assert rule.citations()
        assert get_rule(rule.id) is rule
    assert CASE_RULE.parameters


def test_unknown_rule_ids_name_the_closest() -> None:
    """A misspelt rule id gets suggestions."""
    with pytest.raises(KeyError, match=r"apprenticeship\.case"):
        get_rule("apprenticeship.cases")
