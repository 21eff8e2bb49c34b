"""skillchain.comparison: the run-time comparison engine the testing kit re-exports."""

from datetime import date
from decimal import Decimal

import pytest

import skillchain.comparison
import skillchain.testing

from skillchain import InvalidValueError, Policy
from skillchain.comparison import Case, as_case, as_rule, compare, evaluate, shown
from skillchain.errors import UnknownRuleError
from skillchain.rules import SETTLEMENT_RULE


SHARED = (
    "Case",
    "CaseLike",
    "Change",
    "Comparison",
    "compare",
    "differences",
    "evaluate",
)


@pytest.mark.parametrize("name", SHARED)
def test_the_testing_kit_re_exports_the_same_objects(name: str) -> None:
    """skillchain.testing.X is skillchain.comparison.X: one engine, two doors."""
    assert getattr(skillchain.testing, name) is getattr(skillchain.comparison, name)
    assert name in skillchain.testing.__all__
    assert name in skillchain.comparison.__all__


def test_the_classes_say_where_they_live() -> None:
    """The shared classes belong to the run-time module, not to the testing kit."""
    for cls in (skillchain.testing.Case, skillchain.testing.Change):
        assert cls.__module__ == "skillchain.comparison"


def test_as_case_names_a_mapping_by_its_position() -> None:
    """A mapping with 'on' becomes 'case INDEX'; a case is returned as it is."""
    case = as_case({"on": date(2024, 1, 1), "apprentices": 10}, 3)
    assert (case.name, case.on, dict(case.facts)) == (
        "case 3",
        date(2024, 1, 1),
        {"apprentices": 10},
    )
    assert as_case(case) is case
    assert as_case({"on": date(2024, 1, 1)}).name == "case 0"


@pytest.mark.parametrize("item", [{"apprentices": 10}, [("on", 1)], "on"])
def test_as_case_refuses_what_is_not_a_case(item: object) -> None:
    """Without 'on', or not a mapping at all: the error names the list position."""
    with pytest.raises(InvalidValueError, match=r"cases\[7\]"):
        as_case(item, 7)  # type: ignore[arg-type]


def test_as_rule_takes_a_rule_or_its_id() -> None:
    """A rule is returned as it is; an id is looked up; an unknown id is our error."""
    assert as_rule(SETTLEMENT_RULE) is SETTLEMENT_RULE
    assert as_rule("apprenticeship.settlement") is SETTLEMENT_RULE
    with pytest.raises(UnknownRuleError, match=r"no rule 'apprenticeship\.settle'"):
        as_rule("apprenticeship.settle")


def test_shown_cuts_and_masks() -> None:
    """At most 80 characters, identity numbers masked, short text kept."""
    assert shown("refund") == "refund"
    assert shown(12) == "12"
    assert shown("440304199001010011") == "440304********0011"
    long = shown("a" * 79 + "440304199001010011")
    assert len(long) == 80
    assert long.endswith("…")


def test_evaluate_and_compare_at_run_time() -> None:
    """The engine decides a case by hand: 56,000 due, 28,000 prepaid, 28,000 paid."""
    policy = Policy.default()
    case = Case(
        name="balance",
        on=date(2025, 10, 8),
        facts={
            "entitlement": Decimal("56000.00"),
            "prepaid": Decimal("28000.00"),
            "training_end": None,
        },
    )
    assert evaluate("apprenticeship.settlement", policy, case).amount == Decimal(
        "28000.00"
    )
    result = compare(SETTLEMENT_RULE, policy, policy, [case, case])
    assert (result.rule, result.total, result.changed) == (
        "apprenticeship.settlement",
        2,
        0,
    )
