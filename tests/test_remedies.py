"""Remedies: what would make each failed or undetermined condition of a decision hold."""

import json
import subprocess
import sys

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest

from rule_fixtures import demo_rule, remedies_of_failed
from skillchain import (
    DateRange,
    Decision,
    DistrictSupplies,
    NotDerived,
    NotRemediable,
    Policy,
    ReachBound,
    SupplyFact,
    add_months,
    fact_type,
    remedies,
)
from skillchain.cases import CaseFile, load_cases
from skillchain.model import LabourContract, SchoolKind
from skillchain.rules import (
    Comparator,
    Compares,
    Condition,
    Requires,
    Rule,
    Unremediable,
    get_rule,
    register,
)


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _case(file: str, name_start: str) -> CaseFile:
    for case in load_cases(EXAMPLES / "cases" / file, overlay_root=EXAMPLES):
        if case.name.startswith(name_start):
            return case
    raise AssertionError(name_start)  # pragma: no cover - a renamed example case


def _decide(case: CaseFile, **facts: object) -> Decision:
    return case.rule.function(**{**case.facts, **facts}, on=case.on, policy=case.policy)


def test_missing_directory_is_for_the_district_to_supply() -> None:
    """apprenticeship.case under the bundled policy waits for the district directory."""
    case = _case("apprenticeship-case.toml", "Same case under the bundled policy")
    decision = _decide(case)
    assert decision.outcome.value == "undetermined"
    found = remedies(decision, policy=case.policy)
    assert all(isinstance(r, DistrictSupplies) for r in found)
    by_name = {r.parameter: r for r in found if isinstance(r, DistrictSupplies)}
    directory = by_name["apprenticeship.occupation_directory"]
    assert directory.check == "apprenticeship.programme.occupation_directory"
    assert directory.text("zh") == (
        "须由区里提供参数 apprenticeship.occupation_directory（区学徒培养职业（工种）指导目录）"
    )
    assert directory.text("en") == (
        "The district must supply apprenticeship.occupation_directory "
        "(The district's directory of occupations apprentices may train in)"
    )
    assert set(by_name) == set(decision.missing)


def test_the_overlay_that_supplies_the_directory_leaves_nothing_to_remedy() -> None:
    case = _case("apprenticeship-case.toml", "Qualified 高级工 apprentice")
    decision = _decide(case)
    assert decision.outcome.value == "eligible"
    assert remedies(decision, policy=case.policy) == ()


def test_a_missing_fact_is_supplied_with_its_path_and_type() -> None:
    case = _case("apprenticeship-apprentice.toml", "Full-time student, kind of school")
    decision = _decide(case)
    (remedy,) = remedies(decision, policy=case.policy)
    assert remedy == SupplyFact(
        check="apprenticeship.apprentice.not_vocational_student",
        path="enrolment.person.school_kind",
        annotation=SchoolKind,
    )
    assert remedy.pointer == "/enrolment/person/school_kind"
    assert remedy.text("zh") == "补充事实 enrolment.person.school_kind"
    assert remedy.text("en") == "Supply the fact enrolment.person.school_kind"


def test_supplying_the_fact_decides_the_condition() -> None:
    case = _case("apprenticeship-apprentice.toml", "Full-time student, kind of school")
    enrolment = case.facts["enrolment"]
    person = attrs.evolve(enrolment.person, school_kind=SchoolKind.OTHER)  # type: ignore[attr-defined]
    again = _decide(case, enrolment=attrs.evolve(enrolment, person=person))  # type: ignore[misc]
    assert again.outcome.value == "eligible"
    assert remedies(again, policy=case.policy) == ()


def test_fact_types_follow_nested_fields_and_list_items() -> None:
    assert fact_type("apprenticeship.case", "enrolment.contract") is LabourContract
    assert fact_type("apprenticeship.case", "shortage_occupation") is bool
    assert fact_type("apprenticeship.case", "enrolment.claims[0].paid_on") is date
    assert fact_type("apprenticeship.case", "enrolment.nothing") is None
    assert fact_type("apprenticeship.case", "nothing") is None


def test_an_expired_figure_is_not_remediable_by_the_applicant() -> None:
    case = _case("subsidy-cap.toml", "Claimed 2026-01-01")
    decision = _decide(case)
    found = remedies(decision, policy=case.policy)
    assert found
    assert all(isinstance(r, NotRemediable) for r in found)
    first = found[0]
    assert isinstance(first, NotRemediable)
    assert first.reason == "expired"
    assert first.period == DateRange(date(2023, 11, 15), date(2025, 12, 31))
    assert first.text("en") == (
        f"Not remediable by the applicant: {first.parameter} expired "
        "(in force 2023-11-15 to 2025-12-31)"
    )
    assert first.text("zh") == (
        f"申请人无法补救：{first.parameter} 已失效（有效期 2023-11-15 至 2025-12-31）"
    )


def test_a_figure_not_yet_in_force_is_not_remediable_by_the_applicant() -> None:
    case = _case("subsidy-cap.toml", "Claimed 2026-01-01")
    early = attrs.evolve(case, on=date(2020, 1, 1))
    found = remedies(_decide(early), policy=case.policy)
    reasons = {r.reason for r in found if isinstance(r, NotRemediable)}
    assert reasons == {"not_yet_in_force"}


def test_a_failed_condition_declaring_nothing_gets_no_derived_remedy() -> None:
    condition = Condition("apprenticeship.demo_remedy.flag", zh="{value}", en="{value}")
    (remedy,) = remedies_of_failed(condition)
    assert remedy == NotDerived(check="apprenticeship.demo_remedy.flag")
    assert remedy.text("en") == (
        "No remedy can be derived yet for apprenticeship.demo_remedy.flag"
    )


def test_an_application_that_does_not_fit_is_not_remediable() -> None:
    """Quota example B: 10 apprentices at position 2 with 8 of 20 places left."""
    case = _case("apprenticeship-quota.toml", "B, 10 apprentices")
    (remedy,) = remedies(_decide(case), policy=case.policy)
    assert remedy == NotRemediable(
        check="apprenticeship.quota.places",
        reason="declared",
        why_zh="名额按申报先后整份分配，排到本申请（第 2 位）时仅余 8 个名额，"
        "少于其申报的 10 人",
        why_en="places are given whole in filing order, and at its turn "
        "(position 2) 8 were left, fewer than the 10 it asks for",
    )
    assert remedy.parameter is None
    assert remedy.period is None
    assert remedy.text("en").startswith("Not remediable by the applicant: places")
    assert remedy.text("zh").startswith("申请人无法补救：名额按申报先后")


def _fifth_for_three_places() -> tuple[list[Decision], Policy]:
    """Five applications of one apprentice each, filed on 2024-01-01 to 01-05,
    for an annual quota of 3 places."""
    from skillchain.rules import QuotaApplication, allocate_quota

    case = _case("apprenticeship-quota.toml", "A, filed first")
    policy = case.policy.with_values(
        document="skillchain-assumption",
        since=date(2024, 1, 1),
        until=date(2024, 12, 31),
        replace={"apprenticeship.district_quota": 3},
    )
    programme = case.facts["application"].programme  # type: ignore[attr-defined]
    applications = [
        QuotaApplication(
            programme=attrs.evolve(
                programme, filed_on=date(2024, 1, day), reference=f"R{day}"
            ),
            apprentices=1,
        )
        for day in range(1, 6)
    ]
    allocation = allocate_quota(applications, on=case.on, policy=policy)
    return [allocation.decision_for(app) for app in applications], policy


def test_the_fifth_for_three_places_is_outside_the_quota() -> None:
    """Hand-worked: 3 places, five single-apprentice applications in filing order.

    1st, 2nd, 3rd take the places (3, 2, 1 left before each); the 4th and the
    5th find none left: they wait, and nothing they do changes their turn.
    """
    decisions, policy = _fifth_for_three_places()
    outcomes = [d.outcome.value for d in decisions]
    assert outcomes == ["eligible"] * 3 + ["ineligible"] * 2
    for listed in decisions[:3]:
        assert remedies(listed, policy=policy) == ()
    (fifth,) = remedies(decisions[4], policy=policy)
    assert isinstance(fifth, NotRemediable)
    assert fifth.reason == "declared"
    assert fifth.text("zh") == (
        "申请人无法补救：名额按申报先后整份分配，排到本申请（第 5 位）时仅余 0 "
        "个名额，少于其申报的 1 人"
    )
    assert fifth.text("en") == (
        "Not remediable by the applicant: places are given whole in filing order, "
        "and at its turn (position 5) 0 were left, fewer than the 1 it asks for"
    )


def test_an_exclusion_is_not_remediable_beside_a_short_contract() -> None:
    """Apprentice example: an 11-month contract, a subsidy already paid at 技师,
    and special-aid coverage unknown: three remedies of three kinds."""
    case = _case("apprenticeship-apprentice.toml", "11-month contract")
    found = remedies(_decide(case), policy=case.policy)
    kinds = {r.check.rsplit(".", 1)[1]: type(r) for r in found}
    assert kinds == {
        "contract_term": ReachBound,
        "not_subsidised": NotRemediable,
        "not_special_aid": SupplyFact,
    }
    (paid,) = [r for r in found if isinstance(r, NotRemediable)]
    assert paid.reason == "declared"
    assert paid.text("en") == (
        "Not remediable by the applicant: a Shenzhen training subsidy for this "
        "occupation at this level or higher was already paid, and a paid subsidy "
        "cannot be undone"
    )
    assert paid.text("zh") == (
        "申请人无法补救：已在深圳享受过该职业（工种）同等级或更高等级的职业培训补贴，"
        "已领的补贴不能撤销"
    )


@pytest.mark.parametrize(
    "check",
    [
        "apprenticeship.apprentice.not_subsidised",
        "apprenticeship.apprentice.not_in_plan",
        "apprenticeship.apprentice.not_filed_elsewhere",
        "apprenticeship.apprentice.not_vocational_student",
        "apprenticeship.apprentice.not_special_aid",
    ],
)
def test_every_apprentice_exclusion_declares_itself_unremediable(check: str) -> None:
    condition = get_rule("apprenticeship.apprentice").condition(check)
    assert condition.remedy is not None
    assert condition.under("enrolment").remedy == condition.remedy


def test_an_undecided_exclusion_still_asks_for_its_fact() -> None:
    """Unknown whether the person was filed elsewhere: supply it (it may clear)."""
    case = _case("apprenticeship-apprentice.toml", "New hire in a skill post")
    enrolment = case.facts["enrolment"]
    decision = _decide(
        case,
        enrolment=attrs.evolve(enrolment, filed_elsewhere_in_training=None),  # type: ignore[misc]
    )
    (remedy,) = remedies(decision, policy=case.policy)
    assert remedy == SupplyFact(
        check="apprenticeship.apprentice.not_filed_elsewhere",
        path="enrolment.filed_elsewhere_in_training",
        annotation=bool,
    )


def test_a_flag_exclusion_that_failed_is_not_remediable() -> None:
    case = _case("apprenticeship-apprentice.toml", "New hire in a skill post")
    enrolment = case.facts["enrolment"]
    decision = _decide(
        case,
        enrolment=attrs.evolve(enrolment, filed_elsewhere_in_training=True),  # type: ignore[misc]
    )
    (remedy,) = remedies(decision, policy=case.policy)
    assert isinstance(remedy, NotRemediable)
    assert remedy.check == "apprenticeship.apprentice.not_filed_elsewhere"
    assert "not again before it ends" in remedy.text("en")


def _short_contract() -> tuple[CaseFile, Decision]:
    case = _case("apprenticeship-apprentice.toml", "11-month contract")
    return case, _decide(case)


def test_a_short_contract_must_reach_the_minimum_term() -> None:
    """The hand-worked example: the contract runs 11 months, the minimum is 12."""
    case, decision = _short_contract()
    (bound,) = [
        r for r in remedies(decision, policy=case.policy) if isinstance(r, ReachBound)
    ]
    assert bound.check == "apprenticeship.apprentice.contract_term"
    assert (bound.path, bound.quantity, bound.comparator) == (
        "enrolment.contract",
        "months",
        ">=",
    )
    assert (bound.now, bound.bound) == (11, 12)
    assert bound.parameter == "apprenticeship.contract_min_months"
    assert bound.citations == decision.failed[0].citations
    assert bound.text("en") == (
        "Change enrolment.contract so that its months is at least 12 "
        "(now 11; the bound is apprenticeship.contract_min_months)"
    )
    assert bound.text("zh") == (
        "调整 enrolment.contract，使其 months 不少于 12"
        "（现为 11；界限来自 apprenticeship.contract_min_months）"
    )


def test_moving_the_contract_to_the_bound_makes_the_condition_hold() -> None:
    case, decision = _short_contract()
    (bound,) = [
        r for r in remedies(decision, policy=case.policy) if isinstance(r, ReachBound)
    ]
    enrolment = case.facts["enrolment"]
    contract = enrolment.contract  # type: ignore[attr-defined]
    assert isinstance(bound.bound, int)
    moved = LabourContract(
        start=contract.start,
        end=add_months(contract.start, bound.bound) - timedelta(days=1),
    )
    assert moved.months == bound.bound
    again = _decide(case, enrolment=attrs.evolve(enrolment, contract=moved))  # type: ignore[misc]
    term = [f for f in again.findings if f.check == bound.check]
    assert [f.held for f in term] == [True]
    assert all(r.check != bound.check for r in remedies(again, policy=case.policy))
    # One day short of the bound still fails.
    assert moved.end is not None
    short = attrs.evolve(moved, end=moved.end - timedelta(days=1))
    still = _decide(case, enrolment=attrs.evolve(enrolment, contract=short))  # type: ignore[misc]
    assert bound.check in [f.check for f in still.failed]


def test_a_decision_of_another_policy_is_refused() -> None:
    _, decision = _short_contract()
    other = Policy.default().with_values(
        document="skillchain-assumption",
        since=date(2024, 1, 1),
        replace={"apprenticeship.contract_min_months": 6},
    )
    with pytest.raises(ValueError, match="another policy"):
        remedies(decision, policy=other)


def test_compares_moves_with_its_condition() -> None:
    condition = get_rule("apprenticeship.apprentice").condition(
        "apprenticeship.apprentice.contract_term"
    )
    moved = condition.under("case")
    assert isinstance(moved.remedy, Compares)
    assert moved.remedy.fact == "case.enrolment.contract"


def test_a_comparison_with_an_undeclared_parameter_is_refused() -> None:
    def demo(*, on: date, policy: Policy | None = None) -> Decision:
        raise NotImplementedError

    rule = Rule(
        id="apprenticeship.demo_compares",
        version="1",
        title_zh="示例",
        title_en="Demo",
        function=demo,
        sources=(),
        conditions=(
            Condition(
                "apprenticeship.demo_compares.term",
                zh="{months}",
                en="{months}",
                remedy=Compares(
                    "contract",
                    value="months",
                    comparator=">=",
                    bound="minimum",
                    parameter="apprenticeship.contract_min_months",
                ),
            ),
        ),
    )
    with pytest.raises(ValueError, match="does not declare"):
        register(rule)


def test_a_requirement_naming_an_undeclared_list_is_refused() -> None:
    condition = Condition(
        "apprenticeship.demo_remedy.kind",
        zh="{kind}",
        en="{kind}",
        remedy=Requires("kind", among="apprenticeship.partner_institution_kinds"),
    )
    with pytest.raises(ValueError, match="does not declare"):
        register(demo_rule(condition))


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"equals": True, "among": "x.y"},
        {"among": "x.y", "outside": "x.z"},
    ],
)
def test_a_requirement_takes_exactly_one_form(given: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="Requires"):
        Requires("fact", **given)  # type: ignore[arg-type]


def test_an_unremediable_template_that_does_not_format_is_refused() -> None:
    condition = Condition(
        "apprenticeship.demo_remedy.flag",
        zh="{value}",
        en="{value}",
        remedy=Unremediable("{a.b}", "fine"),
    )
    with pytest.raises(ValueError, match="zh remedy"):
        register(demo_rule(condition))


@pytest.mark.parametrize(
    ("comparator", "value", "bound", "holds"),
    [
        (">=", 12, 12, True),
        (">", 12, 12, False),
        ("<=", 3, 4, True),
        ("<", 4, 4, False),
    ],
)
def test_compares_holds(
    comparator: Comparator, value: int, bound: int, holds: bool
) -> None:
    compares = Compares("x", value="v", comparator=comparator, bound="b", parameter="p")
    assert compares.holds(value, bound) is holds


def test_importing_the_package_does_not_import_remedies() -> None:
    code = (
        "import sys, skillchain; "
        "from skillchain.rules import get_rule; "
        "get_rule('apprenticeship.case'); "
        "print('skillchain._remedies' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def _every_example() -> Iterator[CaseFile]:
    for file in sorted((EXAMPLES / "cases").glob("*.toml")):
        yield from load_cases(file, overlay_root=EXAMPLES)


def test_no_remedy_for_a_condition_that_held_in_any_example() -> None:
    """Every example case: remedies name only deciding findings that did not hold."""
    seen = 0
    for case in _every_example():
        decision = _decide(case)
        open_checks = {f.check for f in (*decision.failed, *decision.undecided)}
        found = remedies(decision, policy=case.policy)
        assert {r.check for r in found} == open_checks, case.id
        seen += len(found)
    assert seen


def test_explain_ends_with_what_would_make_it_eligible() -> None:
    case, decision = _short_contract()
    found = remedies(decision, policy=case.policy)
    en = decision.explain("en", remedies=found)
    assert en.startswith(decision.explain("en"))
    tail = en.removeprefix(decision.explain("en")).splitlines()[1:]
    assert tail == [
        "What would make it eligible:",
        *(f"  → {r.check}: {r.text('en')}" for r in found),
    ]
    zh = decision.explain("zh", remedies=found)
    assert zh.removeprefix(decision.explain("zh")).splitlines()[1:] == [
        "如何可以符合：",
        *(f"  → {r.check}：{r.text('zh')}" for r in found),
    ]
    assert decision.explain("en", remedies=()) == decision.explain("en")


def _check(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "skillchain",
            "check",
            "--overlay-root",
            str(EXAMPLES),
            *arguments,
        ],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )


def _sections(out: str) -> dict[str, str]:
    """Each case's block of ``skillchain check`` output, by case name."""
    blocks = {}
    for block in out.split("== ")[1:]:
        name = block.split(": ", 2)[1]
        blocks[name] = block
    return blocks


def test_check_prints_remedies_under_each_case_not_eligible() -> None:
    file = str(EXAMPLES / "cases" / "apprenticeship-apprentice.toml")
    out = _check("--remedies", "--lang", "en", file).stdout
    blocks = _sections(out)
    for name, block in blocks.items():
        eligible = block.splitlines()[1].endswith(": eligible")
        assert ("What would make it eligible:" in block) is not eligible, name
    (short,) = [b for n, b in blocks.items() if n.startswith("11-month contract")]
    assert short.split("What would make it eligible:\n")[1].splitlines()[:3] == [
        (
            "  → apprenticeship.apprentice.contract_term: Change enrolment.contract so "
            "that its months is at least 12 (now 11; the bound is "
            "apprenticeship.contract_min_months)"
        ),
        (
            "  → apprenticeship.apprentice.not_subsidised: Not remediable by the "
            "applicant: a Shenzhen training subsidy for this occupation at this level "
            "or higher was already paid, and a paid subsidy cannot be undone"
        ),
        (
            "  → apprenticeship.apprentice.not_special_aid: Supply the fact "
            "enrolment.covered_by_special_aid"
        ),
    ]
    plain = _check("--lang", "en", file).stdout
    assert "What would make it eligible" not in plain


def test_check_prints_remedies_in_chinese_for_the_quota() -> None:
    file = str(EXAMPLES / "cases" / "apprenticeship-quota.toml")
    out = _check("--remedies", file).stdout
    blocks = _sections(out)
    (listed,) = [b for n, b in blocks.items() if n.startswith("A, filed first")]
    assert "如何可以符合" not in listed
    (waits,) = [b for n, b in blocks.items() if n.startswith("B, 10 apprentices")]
    assert waits.split("如何可以符合：\n")[1].splitlines()[0] == (
        "  → apprenticeship.quota.places：申请人无法补救：名额按申报先后整份分配，"
        "排到本申请（第 2 位）时仅余 8 个名额，少于其申报的 10 人"
    )


def test_check_summary_and_json_carry_the_remedies() -> None:
    file = str(EXAMPLES / "cases" / "apprenticeship-quota.toml")
    summary = _check("--remedies", "--summary", "--lang", "en", file).stdout
    assert (
        "       → Not remediable by the applicant: places are given whole in filing "
        "order, and at its turn (position 2) 8 were left, fewer than the 10 it asks "
        "for\n"
    ) in summary
    # Both checks of the undated application wait for its filing date: said once.
    assert (
        summary.count("       → Supply the fact application.programme.filed_on\n") == 1
    )
    records = json.loads(_check("--remedies", "--json", "--lang", "en", file).stdout)
    by_case = {r["case"][:1]: r["remedies"] for r in records}
    assert by_case["A"] == []
    assert by_case["B"] == [
        {
            "check": "apprenticeship.quota.places",
            "kind": "NotRemediable",
            "text": "Not remediable by the applicant: places are given whole in "
            "filing order, and at its turn (position 2) 8 were left, fewer than "
            "the 10 it asks for",
        }
    ]
    plain = json.loads(_check("--json", file).stdout)
    assert all("remedies" not in r for r in plain)
