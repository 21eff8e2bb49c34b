"""The compound remedy declarations, worked by hand on the example case files.

``AllOf`` (every part must hold: only the failing parts are proposed),
``Requires(key=...)`` (a list picked from a table by another fact),
``Includes`` (a list must hold an item) and ``Compares(limit=...)`` (a bound the
source states).  Each test applies the remedy and decides again.
"""

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from rule_fixtures import remedies_of_failed
from skillchain import (
    AddItem,
    Decision,
    DistrictSupplies,
    DivisionCode,
    ReachBound,
    SetFact,
    remedies,
)
from skillchain._remedies import declaration_text, with_fact
from skillchain.cases import CaseFile, load_cases
from skillchain.model import ChainPartner
from skillchain.rules import (
    AllOf,
    AnyOf,
    Compares,
    Condition,
    Includes,
    Requires,
)


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _case(file: str, name_start: str) -> CaseFile:
    for case in load_cases(EXAMPLES / "cases" / file, overlay_root=EXAMPLES):
        if case.name.startswith(name_start):
            return case
    raise AssertionError(name_start)  # pragma: no cover - a renamed example case


def _decide(case: CaseFile, facts: dict[str, Any]) -> Decision:
    return case.rule.function(**facts, on=case.on, policy=case.policy)


def _held(decision: Decision, check: str) -> bool | None:
    (finding,) = [f for f in decision.findings if f.check == check]
    return finding.held


def test_a_plan_too_long_is_brought_to_the_maximum_only() -> None:
    """40 planned months, 12 to 24 allowed, 36 in a special case (人社部发〔2021〕39号):
    only the upper bound is proposed."""
    case = _case("apprenticeship-programme.toml", "24 months, both modes")
    programme = case.facts["programme"]
    facts = {**case.facts, "programme": attrs.evolve(programme, planned_months=40)}  # type: ignore[misc]
    decision = _decide(case, facts)
    check = "apprenticeship.programme.planned_months"
    assert _held(decision, check) is False
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, ReachBound)
    assert (remedy.path, remedy.comparator, remedy.now, remedy.bound) == (
        "programme.planned_months",
        "<=",
        40,
        24,
    )
    assert remedy.parameter == "apprenticeship.planned_months_max"
    assert _held(_decide(case, with_fact(facts, remedy.path, 24)), check) is True
    # One month more waits for whether the plan is a special case.
    assert _held(_decide(case, with_fact(facts, remedy.path, 25)), check) is not True


def test_a_plan_too_short_is_brought_to_the_minimum_only() -> None:
    case = _case("apprenticeship-programme.toml", "24 months, both modes")
    programme = case.facts["programme"]
    facts = {**case.facts, "programme": attrs.evolve(programme, planned_months=6)}  # type: ignore[misc]
    decision = _decide(case, facts)
    check = "apprenticeship.programme.planned_months"
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, ReachBound)
    assert (remedy.comparator, remedy.now, remedy.bound) == (">=", 6, 12)
    assert _held(_decide(case, with_fact(facts, remedy.path, 12)), check) is True
    assert _held(_decide(case, with_fact(facts, remedy.path, 11)), check) is False


def test_a_licence_in_the_wrong_sector_is_told_the_sectors_of_that_licence() -> None:
    """注册会计师 is rewarded only in an accounting firm: the list of that licence."""
    case = _case("rewards-occupational.toml", "注册会计师 working in a consulting firm")
    facts = dict(case.facts)
    decision = _decide(case, facts)
    check = "rewards.occupational.sector"
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, SetFact)
    claim: Any = facts["claim"]
    table: Any = case.policy.at(claim.claimed_on).get(
        "rewards.occupational_licence_sectors"
    )
    allowed = table.value[claim.basis.qualification]
    assert set(remedy.to) == set(allowed)
    assert remedy.now == claim.employer_sector
    again = _decide(case, with_fact(facts, remedy.path, remedy.to[0]))
    assert _held(again, check) is True


def test_a_licence_expired_before_the_claim_must_be_valid_on_it() -> None:
    """A registration valid until the day before the claim: renew it to the claim day."""
    case = _case("rewards-occupational.toml", "注册会计师 in an accounting firm")
    claim: Any = case.facts["claim"]
    expired = attrs.evolve(
        claim,
        licence_valid_on_claim=True,
        basis=attrs.evolve(claim.basis, valid_until=date(2024, 1, 1)),
    )
    facts = {**case.facts, "claim": expired}
    decision = _decide(case, facts)
    check = "rewards.occupational.licence_valid"
    assert _held(decision, check) is False
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    # The flag already says yes: only the date is proposed.
    assert isinstance(remedy, ReachBound)
    assert (remedy.path, remedy.comparator) == ("claim.basis.valid_until", ">=")
    assert remedy.bound == expired.claimed_on
    assert remedy.parameter is None
    assert remedy.text("en").endswith("(now 2024-01-01)")
    again = _decide(case, with_fact(facts, remedy.path, remedy.bound))
    assert _held(again, check) is True


def test_a_chain_without_a_college_is_told_to_bring_one() -> None:
    case = _case("chains-composition.toml", "Illustrative parts: leader only")
    facts = dict(case.facts)
    decision = _decide(case, facts)
    found = remedies(decision, facts, policy=case.policy)
    check = "chains.composition.college_or_training"
    (remedy,) = [r for r in found if r.check == check]
    assert remedy.text("en") == (
        "One of: Add at least one item to chain.colleges; or "
        "Add at least one item to chain.training_institutions"
    )
    chain = facts["chain"]
    added = attrs.evolve(chain, colleges=(ChainPartner(name="某技师学院"),))  # type: ignore[misc]
    assert _held(_decide(case, {**facts, "chain": added}), check) is True


def test_every_missing_chain_part_gets_its_own_item_to_add() -> None:
    case = _case("chains-composition.toml", "Illustrative parts: leader only")
    decision = _decide(case, dict(case.facts))
    failed = [f.check for f in decision.failed]
    found = remedies(decision, case.facts, policy=case.policy)
    assert sorted({r.check for r in found}) == sorted(failed)
    additions = [r for r in found if isinstance(r, AddItem)]
    assert all(r.where is None and r.annotation is not None for r in additions)


def test_nobody_qualified_asks_for_one_qualified_apprentice() -> None:
    case = _case("apprenticeship-subsidy.toml", "Nobody qualified")
    facts = dict(case.facts)
    decision = _decide(case, facts)
    check = "apprenticeship.subsidy.qualified_count"
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, AddItem)
    assert remedy == AddItem(
        check=check,
        path="enrolments",
        annotation=remedy.annotation,
        where=("qualified", True),
    )
    assert remedy.text("zh") == "使 enrolments 中至少一项的 qualified 为是"
    again = _decide(case, with_fact(facts, "enrolments[0].qualified", True))
    assert _held(again, check) is True


def test_a_prepayment_for_no_apprentices_must_plan_one() -> None:
    case = _case("apprenticeship-prepayment.toml", "Asked 2023-10-20")
    facts = {**case.facts, "apprentices": 0}
    decision = _decide(case, facts)
    check = "apprenticeship.subsidy.planned_count"
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, ReachBound)
    assert (remedy.now, remedy.bound, remedy.parameter) == (0, 1, None)
    assert (
        remedy.text("en")
        == "Change apprentices so that its apprentices is at least 1 (now 0)"
    )
    assert _held(_decide(case, {**facts, "apprentices": 1}), check) is True


def test_a_project_limit_is_told_the_groups_of_that_project() -> None:
    case = _case(
        "public-training-enrolment.toml", "Enterprise staff in a 粤菜师傅 course"
    )
    facts = dict(case.facts)
    decision = _decide(case, facts)
    check = "public_training.enrolment.project"
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, SetFact)
    enrolment: Any = facts["enrolment"]
    table: Any = case.policy.at(enrolment.enrolled_on).get(
        "public_training.project_groups"
    )
    groups = table.value[enrolment.course.project.value]
    assert {group.value for group in remedy.to} == set(groups)
    again = _decide(case, with_fact(facts, remedy.path, remedy.to[0]))
    assert _held(again, check) is True


def test_an_all_of_whose_failing_part_cannot_be_told_proposes_every_part() -> None:
    """Without the facts, a requirement's part cannot be checked: both are proposed."""
    condition = Condition(
        "apprenticeship.demo_allof.firm",
        zh="{division}",
        en="{division}",
        parameters=("apprenticeship.enterprise_region",),
        remedy=AllOf(
            Requires(
                "firm.registered_division", among="apprenticeship.enterprise_region"
            ),
            Requires("firm.independent_legal_person", equals=True),
        ),
    )
    found = remedies_of_failed(condition)
    assert [r.path for r in found if isinstance(r, SetFact)] == [
        "firm.registered_division",
        "firm.independent_legal_person",
    ]


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"bound": "minimum", "limit": 1},
        {"parameter": "x.y", "limit": 1},
    ],
)
def test_a_comparison_takes_a_bound_or_a_limit(given: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"bound= .* or limit="):
        Compares("count", value="count", comparator=">=", **given)  # type: ignore[arg-type]


def test_compound_declarations_need_two_parts() -> None:
    with pytest.raises(ValueError, match="at least two"):
        AllOf(Includes("chain.members"))
    with pytest.raises(ValueError, match="at least two"):
        AnyOf(Includes("chain.members"))


def test_declarations_move_under_a_prefix_with_their_keys() -> None:
    moved = AllOf(
        Requires("group", among="public_training.project_groups", key="course.project"),
        Includes("items", where=("qualified", True)),
    ).under("enrolment")
    first, second = moved.parts
    assert isinstance(first, Requires)
    assert (first.fact, first.key) == ("enrolment.group", "enrolment.course.project")
    assert isinstance(second, Includes)
    assert second.fact == "enrolment.items"


def test_rule_pages_say_what_each_declaration_promises() -> None:
    assert (
        declaration_text(
            AllOf(
                Includes("chain.members"),
                Compares("n", value="n", comparator=">", limit=0),
            )
        )
        == "all of: add at least one item to chain.members; and change n so that its n is more than 0"
    )
    assert (
        declaration_text(
            Requires("g", among="public_training.project_groups", key="course.project"),
            "zh",
        )
        == "将 g 改为 public_training.project_groups 中 course.project 对应的所列之一"
    )


def test_an_employer_outside_futian_is_told_only_the_district() -> None:
    """A legal-person enterprise registered in 罗湖 (440303): the division, not the flag."""
    case = _case("rewards-high-skill.toml", "深圳市技术能手 after 26 months")
    enterprise = case.facts["enterprise"]
    moved = attrs.evolve(enterprise, registered_division=DivisionCode("440303"))  # type: ignore[misc]
    facts = {**case.facts, "enterprise": moved}
    decision = _decide(case, facts)
    check = "rewards.high_skill.enterprise"
    assert _held(decision, check) is False
    (remedy,) = [
        r for r in remedies(decision, facts, policy=case.policy) if r.check == check
    ]
    assert isinstance(remedy, SetFact)
    assert remedy.path == "enterprise.registered_division"
    assert remedy.now == DivisionCode("440303")
    assert remedy.to == (DivisionCode("440304"),)
    assert (
        _held(_decide(case, with_fact(facts, remedy.path, remedy.to[0])), check) is True
    )


def test_a_table_in_force_without_the_case_asks_the_district_for_its_entry() -> None:
    """美容师: the top-level table is in force on the claim day but has no row for it."""
    case = _case("rewards-occupational.toml", "美容师 certificate")
    decision = _decide(case, dict(case.facts))
    (entry,) = [
        r
        for r in remedies(decision, case.facts, policy=case.policy)
        if isinstance(r, DistrictSupplies)
    ]
    assert (entry.parameter, entry.entry) == ("rewards.occupational_top_levels", True)
    assert entry.text("en").startswith(
        "The district must supply the case's entry of rewards.occupational_top_levels"
    )
    assert entry.text("zh").startswith(
        "须由区里提供参数 rewards.occupational_top_levels 中本案对应的条目"
    )
