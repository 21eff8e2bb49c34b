"""Two promises every registered rule keeps, checked on every example case and on variations.

**No silent fallback.** Taking any one parameter out of force never turns a case that
was not eligible into an eligible one; and a case that is still eligible without the
parameter did not rest on it (the rule never read a value of it in force).  An expired
figure never quietly becomes zero, empty or "not applicable".

**An undetermined decision names everything missing.**  Every name in ``missing`` is a
fact that is unknown in the input or a parameter the rule reads; and whatever, taken
away alone, is named missing, is still named when other facts and figures are missing
too: the rule does not stop at the first unknown.
"""

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from hypothesis import event, given, note
from hypothesis import strategies as st

from rule_cases import (
    CASES,
    ReadTrace,
    ancestors,
    decide,
    lookup,
    nullable_facts,
    with_unknown,
    without,
)
from skillchain import Decision, Finding, Outcome
from skillchain.cases import CaseFile
from skillchain.rules import rules


ELIGIBLE = Outcome.ELIGIBLE
UNDETERMINED = Outcome.UNDETERMINED


def _fallback_problems(
    case: CaseFile, facts: dict[str, object], on: date
) -> tuple[Outcome, list[str]]:
    """Decide *case* with and without each parameter; return the problems found."""
    with ReadTrace() as trace:
        before = decide(case, facts, without(case.policy), on)
    problems: list[str] = []
    for name in case.rule.parameters:
        after = decide(case, facts, without(case.policy, (name,)), on)
        if after.outcome is not ELIGIBLE:
            continue
        if before.outcome is not ELIGIBLE:
            problems.append(
                f"{name} out of force turns {before.outcome.value} into eligible"
            )
        elif name in trace.read_by(before):
            problems.append(
                f"eligible without {name}, though the eligible decision read a value of "
                f"it in force (amount {before.amount} -> {after.amount}): either the "
                "rule falls back silently when it is missing, or it reads a figure the "
                "decision does not need (read it only where it is needed)"
            )
    return before.outcome, problems


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_silent_fallback_on_the_examples(case: CaseFile) -> None:
    _, problems = _fallback_problems(case, dict(case.facts), case.on)
    assert not problems, f"{case.rule.id}: {problems}"


def test_the_examples_reach_every_outcome_of_every_rule() -> None:
    """The fallback property sees eligible cases of every rule, not only refusals."""
    for rule in rules():
        outcomes = {
            decide(c, dict(c.facts), without(c.policy), c.on).outcome
            for c in CASES
            if c.rule is rule
        }
        assert ELIGIBLE in outcomes, rule.id
        assert outcomes - {ELIGIBLE}, rule.id


_DAYS = st.dates(date(2019, 1, 1), date(2027, 12, 31))


@st.composite
def _variations(draw: st.DrawFn) -> tuple[int, tuple[str, ...], date]:
    """An example case (by index) with some facts made unknown and, sometimes, another day.

    Drawn as small values (an index and paths) so a failing example prints short.
    """
    index = draw(st.integers(0, len(CASES) - 1))
    case = CASES[index]
    paths = nullable_facts(case.rule, case.facts)
    unknown = (
        draw(st.lists(st.sampled_from(paths), unique=True, max_size=3)) if paths else []
    )
    shift = draw(st.sampled_from([0, 0, -1, 1, 365, -365]) | st.integers(-900, 900))
    return index, tuple(unknown), case.on + timedelta(days=shift)


@given(_variations())
def test_no_silent_fallback_on_variations(
    variation: tuple[int, tuple[str, ...], date],
) -> None:
    index, unknown, on = variation
    case = CASES[index]
    note(f"{case.id}")
    facts = with_unknown(case.facts, unknown)
    outcome, problems = _fallback_problems(case, facts, on)
    event(f"outcome before: {outcome.value}")
    assert not problems, f"{case.rule.id}: {problems}"


def _names_are_sound(
    case: CaseFile, facts: dict[str, object], decision: Decision
) -> list[str]:
    """Names in *decision*'s missing that are neither unknown facts nor parameters read."""
    declared = set(case.rule.parameters)
    wrong: list[str] = []
    for name in decision.missing:
        if name in declared:
            continue
        found, value = lookup(case.rule, facts, name)
        if not found or value is not None:
            wrong.append(name)
    return wrong


def _missing_problems(
    case: CaseFile, facts: tuple[str, ...], parameters: tuple[str, ...], on: date
) -> tuple[Decision, list[str]]:
    """Take *facts* and *parameters* away together and one by one; compare the names."""
    combined_facts = with_unknown(case.facts, facts)
    # Only the facts the types let be unknown together are compared.
    facts = tuple(
        path for path in facts if lookup(case.rule, combined_facts, path)[1] is None
    )
    combined = decide(case, combined_facts, without(case.policy, parameters), on)
    problems = [
        f"names {name!r} missing, which is neither an unknown fact (named by its full "
        "path from the rule's fact arguments, as a JSON fact file spells it, e.g. "
        "'application.enterprise.size' or 'history[1].level') nor a parameter the "
        "rule declares"
        for name in _names_are_sound(case, combined_facts, combined)
    ]
    if combined.outcome is not UNDETERMINED:
        return combined, problems
    named = set(combined.missing)
    for path in facts:
        alone = decide(
            case, with_unknown(case.facts, (path,)), without(case.policy), on
        )
        # Naming an enclosing fact that is unknown too names this one.
        if path in alone.missing and not named.intersection((path, *ancestors(path))):
            problems.append(
                f"{path} is named missing when it alone is unknown, but not when "
                f"{facts + parameters} are unknown together (an early stop?)"
            )
    for name in parameters:
        alone = decide(case, dict(case.facts), without(case.policy, (name,)), on)
        if name in alone.missing and name not in named:
            problems.append(
                f"{name} is named missing when it alone is out of force, but not when "
                f"{facts + parameters} are unknown together (an early stop?)"
            )
    return combined, problems


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_everything_unknown_at_once_is_named(case: CaseFile) -> None:
    """Every fact unknown and every parameter out of force, together: all are named."""
    facts = nullable_facts(case.rule, case.facts)
    _, problems = _missing_problems(case, facts, case.rule.parameters, case.on)
    assert not problems, f"{case.rule.id}: {problems}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_unknown_fact_together_is_named(case: CaseFile) -> None:
    """Every fact unknown, the figures in force: every fact needed alone is named."""
    facts = nullable_facts(case.rule, case.facts)
    _, problems = _missing_problems(case, facts, (), case.on)
    assert not problems, f"{case.rule.id}: {problems}"


@st.composite
def _removals(
    draw: st.DrawFn,
) -> tuple[int, tuple[str, ...], tuple[str, ...], date]:
    index = draw(st.integers(0, len(CASES) - 1))
    case = CASES[index]
    paths = nullable_facts(case.rule, case.facts)
    facts = (
        draw(st.lists(st.sampled_from(paths), unique=True, max_size=4)) if paths else []
    )
    params = draw(
        st.lists(st.sampled_from(case.rule.parameters), unique=True, max_size=2)
        if case.rule.parameters
        else st.just([])
    )
    on = draw(st.just(case.on) | _DAYS)
    return index, tuple(facts), tuple(params), on


@given(_removals())
def test_no_early_stop_on_variations(
    removal: tuple[int, tuple[str, ...], tuple[str, ...], date],
) -> None:
    index, facts, params, on = removal
    case = CASES[index]
    note(f"{case.id} on {on}: unknown {facts}, out of force {params}")
    decision, problems = _missing_problems(case, facts, params, on)
    event(f"outcome: {decision.outcome.value}")
    assert not problems, f"{case.rule.id}: {problems}"


# --- the properties catch what they are about --------------------------------------


def _first(outcome: Outcome) -> CaseFile:
    return next(
        c
        for c in CASES
        if decide(c, dict(c.facts), without(c.policy), c.on).outcome is outcome
    )


def _stops_early(rule_function: Callable[..., Decision]) -> Callable[..., Decision]:
    """Wrap a rule so that its decision keeps only the first finding that misses."""
    import attrs

    def early_stop(*args: object, **kwargs: object) -> Decision:
        decision = rule_function(*args, **kwargs)
        kept: list[Finding] = []
        for finding in decision.findings:
            if finding.missing and any(f.missing for f in kept):
                continue
            kept.append(finding)
        shortened: Decision = attrs.evolve(decision, findings=tuple(kept))
        return shortened

    return early_stop


def test_a_rule_that_stops_at_the_first_unknown_is_caught() -> None:
    """A rule that names only its first unknown fails the early-stop check."""
    import attrs

    caught = 0
    for case in CASES:
        facts = nullable_facts(case.rule, case.facts)
        combined = decide(
            case, with_unknown(case.facts, facts), without(case.policy), case.on
        )
        if len([f for f in combined.findings if f.missing]) < 2:
            continue
        stopped = attrs.evolve(
            case,
            rule=attrs.evolve(case.rule, function=_stops_early(case.rule.function)),
        )
        _, honest = _missing_problems(case, facts, (), case.on)
        _, problems = _missing_problems(stopped, facts, (), case.on)
        assert not honest, honest
        caught += bool(problems)
    # Among the examples with two or more findings left undecided, most are caught.
    assert caught >= 10


def test_a_rule_that_falls_back_silently_is_caught() -> None:
    """A rule that keeps using a figure taken out of force fails the fallback check."""
    import attrs

    case = _first(ELIGIBLE)
    honest = case.rule.function
    full = without(case.policy)

    def falls_back(*args: object, **kwargs: object) -> Decision:
        kwargs["policy"] = full  # ignores the policy it is given
        return honest(*args, **kwargs)

    fallback = attrs.evolve(case, rule=attrs.evolve(case.rule, function=falls_back))
    _, honest_problems = _fallback_problems(case, dict(case.facts), case.on)
    _, problems = _fallback_problems(fallback, dict(case.facts), case.on)
    assert not honest_problems
    assert problems
