"""Applying the remedies a decision proposes, then deciding again, makes them hold.

For every registered rule (under the policy its example case files use), cases
that come out ineligible or undetermined are drawn with the project's
:func:`~skillchain.testing.strategies.cases`.  Every remedy the decision proposes
is applied the way the remedy says:

* a fact to supply gets a value drawn from its type;
* a fact to move to a bound is set to the bound (with the condition's mover
  where its quantity is derived), one step past it for a strict comparison;
* a fact to set gets one of the values the condition accepts;
* a parameter the district must supply comes from an example overlay giving it;
* a wait moves its days (and the evaluation day) to the earliest day found;
* a remedy that is not the applicant's to make (or none derived) is left.

Then the case is decided again.  A value drawn for a supplied fact may itself
fail the condition, which then proposes a change of its own, and one change may
need another (a directory supplied, then an occupation on it): so rounds repeat
until nothing applicable is left, at most a few times.  At the end every
condition that got an applicable remedy holds.  No remedy is proposed for a
condition that held, and no bundled condition that failed is left without a
declared remedy (but those listed in ``UNDECLARED``, with why).  The remedies of
``experts.recommendation`` name facts relative to one nomination, which this test
cannot place among the round's facts: they count as not applied.
"""

import enum
import functools

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rule_cases import example_policy
from skillchain import (
    AddItem,
    Decision,
    DistrictSupplies,
    NotDerived,
    NotRemediable,
    OneOf,
    Policy,
    ReachBound,
    Remedy,
    SetFact,
    SupplyFact,
    WaitUntil,
    examples,
    remedies,
)
from skillchain._remedies import fact_at, with_fact
from skillchain._reuse import ABSENT as _ABSENT
from skillchain.errors import SkillchainError
from skillchain.rules import AnyOf, Compares, Rule, get_rule, rules
from skillchain.testing.strategies import (
    WantedOutcome,
    above,
    below,
    cases,
    recipe_for,
)


RULES = sorted(rule.id for rule in rules() if recipe_for(rule) is not None)
ROUNDS = 4

UNDECLARED: dict[str, str] = {
    # The qualification needed depends on the case's occupation and level, held by
    # the enterprise or its partner: no one value or list to name.
    "apprenticeship.enterprise.evaluation_qualification": "a case-dependent value",
    # Any of the standard's routes: the finding gives counts, not the nearest route.
    "levels.application.any_route": "the nearest route is not in the finding",
}
"""Conditions that can fail and do not yet declare a remedy, with why: their
failed findings get :class:`~skillchain.NotDerived`."""


@functools.cache
def _overlays() -> tuple[Policy, ...]:
    """Each example overlay as a policy (the reform and the variant directory aside)."""
    found = []
    for path in sorted((examples.root() / "overlays").glob("*.toml")):
        if path.stem in {"illustrative-reform", "futian-occupation-directory-wide"}:
            continue
        found.append(Policy.from_files(path))
    return tuple(found)


def _supplying(policy: Policy, name: str) -> Policy | None:
    for overlay in _overlays():
        param = overlay.parameters.get(name)
        if param is not None and param.values:
            return policy.overlay(overlay)
    return None


@attrs.define
class _State:
    facts: dict[str, Any]
    on: date
    policy: Policy


def _decide(rule: Rule, state: _State) -> Decision:
    return rule.function(**state.facts, on=state.on, policy=state.policy)


def _target(draw: st.DrawFn, remedy: ReachBound) -> Any:
    """A value the comparison accepts: the bound itself, or past it when strict."""
    bound: Any = remedy.bound
    if remedy.comparator == ">":
        return draw(above(bound))
    if remedy.comparator == "<":
        return draw(below(bound))
    return bound


def _condition_of(rule: Rule, check: str) -> Any:
    for condition in rule.conditions:
        if condition.check == check:
            return condition
    return None


def _compares(rule: Rule, remedy: ReachBound) -> Compares | None:
    declared = getattr(_condition_of(rule, remedy.check), "remedy", None)
    options = declared.options if isinstance(declared, AnyOf) else (declared,)
    for option in options:
        if isinstance(option, Compares) and option.fact == remedy.path:
            return option
    return None


def _other_value(draw: st.DrawFn, current: object, outside: tuple[Any, ...]) -> Any:
    kind = type(outside[0]) if outside else type(current)
    if issubclass(kind, enum.Enum):
        allowed = [member for member in kind if member not in outside]
        return draw(st.sampled_from(allowed)) if allowed else _ABSENT
    if kind is bool:
        allowed_bools = [value for value in (True, False) if value not in outside]
        return allowed_bools[0] if allowed_bools else _ABSENT
    return _ABSENT


def _apply(draw: st.DrawFn, rule: Rule, state: _State, remedy: Remedy) -> bool:
    """Apply *remedy* to *state* in place; whether it could be applied."""
    try:
        if isinstance(remedy, SupplyFact):
            if remedy.annotation is None:
                return False
            value = draw(st.from_type(remedy.annotation))
            state.facts = with_fact(state.facts, remedy.path, value)
            return True
        if isinstance(remedy, ReachBound):
            if remedy.bound is None:
                return False
            declared = _compares(rule, remedy)
            target = _target(draw, remedy)
            current = fact_at(state.facts, remedy.path)
            if declared is not None and declared.mover is not None:
                target = declared.mover(current, target)
            elif isinstance(current, Decimal) and isinstance(target, int):
                target = Decimal(target)
            state.facts = with_fact(state.facts, remedy.path, target)
            return True
        if isinstance(remedy, SetFact):
            if remedy.outside:
                value = _other_value(draw, remedy.now, remedy.outside)
            elif remedy.to:
                value = draw(st.sampled_from(remedy.to))
            else:
                return False
            if value is _ABSENT:
                return False
            state.facts = with_fact(state.facts, remedy.path, value)
            return True
        if isinstance(remedy, AddItem):
            return _add_item(draw, state, remedy)
        if isinstance(remedy, OneOf):
            return any(_apply(draw, rule, state, option) for option in remedy.options)
        if isinstance(remedy, WaitUntil):
            if remedy.day is None:
                return False
            if remedy.path != "on":
                state.facts = with_fact(state.facts, remedy.path, remedy.day)
            state.on = max(state.on, remedy.day)
            return True
        if isinstance(remedy, DistrictSupplies):
            if remedy.entry:
                return False  # an entry for this very case: no overlay has it
            supplied = _supplying(state.policy, remedy.parameter)
            if supplied is None:
                return False
            state.policy = supplied
            return True
    except (SkillchainError, KeyError):
        return False
    return False


def _add_item(draw: st.DrawFn, state: _State, remedy: AddItem) -> bool:
    items = fact_at(state.facts, remedy.path)
    if items is _ABSENT or items is None:
        return False
    if remedy.where is not None and isinstance(items, (tuple, list)) and items:
        field, value = remedy.where
        state.facts = with_fact(state.facts, f"{remedy.path}[0].{field}", value)
        return True
    if remedy.annotation is None:
        return False
    item = draw(st.from_type(remedy.annotation))
    if remedy.where is not None:
        field, value = remedy.where
        item = attrs.evolve(item, **{field: value})
    if isinstance(items, (set, frozenset)):
        grown: Any = type(items)({*items, item})
    else:
        grown = (*items, item)
    state.facts = with_fact(state.facts, remedy.path, grown)
    return True


def _entry(remedy: Remedy | None) -> bool:
    """A table's entry for this very case (a drawn level the catalogue lacks)."""
    return isinstance(remedy, DistrictSupplies) and remedy.entry


def _no_day(remedy: Remedy | None) -> bool:
    return isinstance(remedy, WaitUntil) and remedy.day is None


def _held(decision: Decision) -> dict[str, bool | None]:
    return {finding.check: finding.held for finding in decision.findings}


def _check_no_remedy_for_held(decision: Decision, found: tuple[Remedy, ...]) -> None:
    held = _held(decision)
    for remedy in found:
        assert held.get(remedy.check) is not True, (remedy.check, remedy)


@st.composite
def _remedied(draw: st.DrawFn, rule_id: str) -> tuple[str, list[str], bool]:
    rule = get_rule(rule_id)
    policy = example_policy(rule_id)
    outcome: WantedOutcome = draw(st.sampled_from(["ineligible", "undetermined"]))
    case = draw(cases(rule_id, policy=policy, outcome=outcome))
    state = _State(facts=dict(case.facts), on=case.on, policy=policy)
    applied: dict[str, Remedy] = {}
    decision = _decide(rule, state)
    for _ in range(ROUNDS):
        found = remedies(decision, state.facts, policy=state.policy)
        _check_no_remedy_for_held(decision, found)
        undeclared = [
            r.check
            for r in found
            if isinstance(r, NotDerived) and r.check not in UNDECLARED
        ]
        assert not undeclared, undeclared
        progress = False
        by_check: dict[str, list[Remedy]] = {}
        for remedy in found:
            by_check.setdefault(remedy.check, []).append(remedy)
        for check, proposed in by_check.items():
            trial = _State(facts=dict(state.facts), on=state.on, policy=state.policy)
            if not all(_apply(draw, rule, trial, remedy) for remedy in proposed):
                continue
            try:
                _decide(rule, trial)
            except SkillchainError:
                # A drawn record the other facts contradict (another employer's
                # enterprise, say): not a change this test can make.
                continue
            state = trial
            applied[check] = proposed[-1]
            progress = True
        if not progress:
            break
        decision = _decide(rule, state)
    held = _held(decision)
    last = {r.check: r for r in remedies(decision, state.facts, policy=state.policy)}
    waits = [r for r in applied.values() if isinstance(r, WaitUntil)]
    broken = {check for wait in waits for check in wait.breaks}
    unrepaired = [
        check
        for check, remedy in applied.items()
        if held.get(check) is not True
        and not isinstance(last.get(check), (NotRemediable, NotDerived))
        and not _no_day(last.get(check))
        and not _entry(last.get(check))
        and check not in broken
        and not (isinstance(remedy, SupplyFact) and last.get(check) is None)
    ]
    assert not unrepaired, (
        rule_id,
        case.name,
        {check: applied[check] for check in unrepaired},
        {check: last.get(check) for check in unrepaired},
    )
    first = rule.function(**case.facts, on=case.on, policy=policy)
    only_undeclared = all(
        finding.check in UNDECLARED
        for finding in first.findings
        if finding.held is False
    ) and any(finding.held is False for finding in first.findings)
    return decision.outcome.value, sorted(applied), only_undeclared


@pytest.mark.parametrize("rule_id", RULES)
def test_applying_the_remedies_makes_the_remediable_conditions_hold(
    rule_id: str,
) -> None:
    seen: dict[str, int] = {}
    remedied: set[str] = set()
    undeclared_only = [0]

    # A fixed run, so the count checks at the end do not depend on luck.
    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(_remedied(rule_id))
    def run(result: tuple[str, list[str], bool]) -> None:
        outcome, applied, only_undeclared = result
        seen[outcome] = seen.get(outcome, 0) + 1
        remedied.update(applied)
        undeclared_only[0] += only_undeclared

    run()
    # The property spoke about something: remedies were applied and repaired
    # conditions (the assertion inside), unless every condition the rule's cases
    # failed still declares nothing.  Cases of most rules come out eligible once
    # remedied; a rule whose conditions are mostly past facts (a selection round)
    # may not in a given run.
    assert remedied or undeclared_only[0], f"{rule_id}: no remedy was ever applied"
    assert sum(seen.values()) > 0


def test_remedies_name_only_conditions_that_did_not_hold() -> None:
    """Over every example case file: a remedy is never proposed for a condition that held."""
    from rule_cases import CASES

    for case in CASES:
        decision = case.rule.function(**case.facts, on=case.on, policy=case.policy)
        found = remedies(decision, case.facts, policy=case.policy)
        _check_no_remedy_for_held(decision, found)
        failed = {f.check for f in decision.findings if f.held is not True}
        assert {r.check for r in found} <= failed


@pytest.mark.parametrize("check", sorted(UNDECLARED))
def test_the_conditions_known_to_declare_nothing_still_do(check: str) -> None:
    """Declaring one of them takes it off the list (so the list only shrinks)."""
    found = [
        condition
        for rule in rules()
        for condition in rule.conditions
        if condition.check == check
    ]
    assert found, f"{check} is no longer a condition of any rule"
    assert all(condition.remedy is None for condition in found)
