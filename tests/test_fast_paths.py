"""The hot path's shortcuts decide exactly as the plain constructions do.

A judge builds its decision without re-running the checks of :class:`Decision`,
tracks the outcome as findings arrive instead of recomputing it, copies the findings
of a programme equal to one it judged before, rounds through a prepared plan, and
hashes enum members by identity.  Each shortcut is compared here
with the plain way on drawn cases of every rule and outcome.
"""

import gc
import pickle

from decimal import Decimal

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from rule_cases import example_policy
from skillchain import Decision, Outcome, Rounding, RoundingMode, SkillLevel, bulk
from skillchain.model import ApprenticeEnrolment, HireKind, TrainingMode
from skillchain.rules import Judge, apprentice_case, get_rule, rules
from skillchain.rules.apprenticeship.apprentice import check_apprentice
from skillchain.rules.apprenticeship.programme import check_programme
from skillchain.rules.apprenticeship.subsidy import check_subsidy
from skillchain.serialization import structure, unstructure
from skillchain.testing.strategies import amounts, cases, roundings


RULE_IDS = sorted(rule.id for rule in rules())


@pytest.mark.parametrize("rule_id", RULE_IDS)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_judged_decision_equals_the_plain_one(
    rule_id: str, data: st.DataObject
) -> None:
    """The judge's outcome, amount and fields are those ``Decision.from_findings`` gives."""
    rule = get_rule(rule_id)
    policy = example_policy(rule_id)
    outcome = data.draw(st.sampled_from(["eligible", "ineligible", "undetermined"]))
    case = data.draw(cases(rule, policy=policy, outcome=outcome))  # type: ignore[arg-type]
    decision: Decision = rule.function(**case.facts, on=case.on, policy=policy)
    plain = Decision.from_findings(
        rule=decision.rule,
        version=decision.version,
        on=decision.on,
        findings=decision.findings,
        provenance=decision.provenance,
        policy_fingerprint=decision.policy_fingerprint,
        amount=decision.amount,
    )
    assert decision == plain
    assert decision.outcome is Outcome(outcome)
    attrs.validate(decision)
    assert pickle.loads(pickle.dumps(decision)) == decision  # noqa: S301 - our own bytes


@settings(max_examples=300)
@given(
    rule=roundings(),
    amount=amounts(min_value=-(10**9), max_value=10**9, places=6)
    | st.decimals(allow_nan=False, allow_infinity=False, places=None),
)
def test_rounding_through_its_plan_equals_rounding_afresh(
    rule: Rounding, amount: Decimal
) -> None:
    """``apply`` gives what the checked, context-sized rounding gives, sign of zero included."""
    try:
        plain = rule._apply_any(amount)
    except Exception as error:  # noqa: BLE001 - the same refusal either way
        with pytest.raises(type(error)):
            rule.apply(amount)
        return
    if plain.is_zero():
        plain = plain.copy_abs()
    fast = rule.apply(amount)
    assert fast == plain
    assert str(fast) == str(plain)


def test_rounding_a_huge_amount_to_hundreds_keeps_every_digit() -> None:
    """An amount beyond the shared contexts' precision is rounded exactly (by hand: 10^30 + 151 → 10^30 + 200)."""
    hundreds = Rounding(Decimal(100), RoundingMode.CEILING)
    assert hundreds.apply(Decimal(10**30 + 151)) == Decimal(10**30 + 200)


def test_enum_members_hash_by_identity_and_survive_pickling() -> None:
    """Sets and tables of members find them; a pickled set equals the original."""
    members = frozenset(HireKind)
    assert all(kind in members for kind in HireKind)
    table = {level: level.value for level in SkillLevel}
    assert [table[level] for level in SkillLevel] == [
        level.value for level in SkillLevel
    ]
    assert len(SkillLevel) == len(set(SkillLevel)) == len(table)
    assert pickle.loads(pickle.dumps(members)) == members  # noqa: S301
    modes = frozenset(TrainingMode)
    assert pickle.loads(pickle.dumps(modes)) == modes  # noqa: S301


def test_bulk_pauses_the_collector_and_restores_it_on_error() -> None:
    """Inside ``bulk()`` the collector is off; afterwards it is as it was, even after an error."""
    seen: list[bool] = []

    def fail_inside() -> None:
        with bulk():
            seen.append(gc.isenabled())
            with bulk():
                seen.append(gc.isenabled())
            seen.append(gc.isenabled())
            raise ValueError("boom")

    assert gc.isenabled()
    with pytest.raises(ValueError, match="boom"):
        fail_inside()
    assert seen == [False, False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_programme_judged_once_is_copied_exactly_into_later_cases(
    data: st.DataObject,
) -> None:
    """A case whose programme equals one already judged (the same object, or one read
    afresh from JSON) gets exactly the decision a judge working everything out gives."""
    rule = get_rule("apprenticeship.case")
    policy = example_policy(rule.id)
    outcome = data.draw(st.sampled_from(["eligible", "ineligible", "undetermined"]))
    case = data.draw(cases(rule, policy=policy, outcome=outcome))  # type: ignore[arg-type]
    facts = dict(case.facts)
    enrolment = facts.pop("enrolment")
    assert isinstance(enrolment, ApprenticeEnrolment)
    again = structure(unstructure(enrolment), ApprenticeEnrolment)
    assert again == enrolment
    assert again.programme is not enrolment.programme
    first = apprentice_case(enrolment, on=case.on, policy=policy, **facts)  # type: ignore[arg-type]
    copied = apprentice_case(again, on=case.on, policy=policy, **facts)  # type: ignore[arg-type]

    judge = Judge(policy, case.on)
    check_apprentice(judge, again)
    check_programme(judge, again.programme, "enrolment.")
    amount = check_subsidy(judge, again, **facts)  # type: ignore[arg-type]
    worked_out = judge.decide(rule, amount)
    assert first == copied == worked_out
