"""The case strategies reach the outcome asked for, for every registered rule.

Each rule is drawn under the policy its example case files use (with their
overlays).  ``outcome="eligible"`` draws only eligible cases, ``"ineligible"`` only
cases that fail the condition their name gives, ``"undetermined"`` only undetermined
ones; without an outcome, each of the three is at least a tenth of 200 draws.
"""

from collections import Counter

import pytest

from hypothesis import HealthCheck, Phase, given, settings

from rule_cases import example_policy
from skillchain import Outcome
from skillchain.comparison import Case, evaluate
from skillchain.rules import rules
from skillchain.testing.strategies import cases


RULES = [rule.id for rule in rules()]
DRAWS = 200
QUICK = settings(
    max_examples=40,
    phases=[Phase.generate],
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _outcomes(rule_id: str, outcome: str | None, draws: int) -> Counter[object]:
    policy = example_policy(rule_id)
    seen: Counter[object] = Counter()

    @settings(QUICK, max_examples=draws)
    @given(cases(rule_id, policy=policy, outcome=outcome))  # type: ignore[arg-type]
    def draw(case: Case) -> None:
        decision = evaluate(rule_id, policy, case)
        seen[decision.outcome] += 1
        if case.name.startswith("ineligible: "):
            check = case.name.removeprefix("ineligible: ")
            assert check in {f.check for f in decision.failed}, case.name
        seen[case.name.partition(":")[0]] += 1

    draw()
    return seen


@pytest.mark.parametrize("rule_id", RULES)
def test_each_outcome_is_a_tenth_of_the_draws_at_least(rule_id: str) -> None:
    seen = _outcomes(rule_id, None, DRAWS)
    total = sum(seen[o] for o in Outcome)
    assert total >= DRAWS // 2, f"only {total} cases drawn"
    for outcome in Outcome:
        assert seen[outcome] * 10 >= total, (
            f"{outcome.value}: {seen[outcome]} of {total}"
        )
        assert seen[outcome] == seen[outcome.value], "a case's name is its outcome"


@pytest.mark.parametrize("outcome", [o.value for o in Outcome])
@pytest.mark.parametrize("rule_id", RULES)
def test_asking_for_an_outcome_draws_only_it(rule_id: str, outcome: str) -> None:
    seen = _outcomes(rule_id, outcome, 40)
    assert seen[Outcome(outcome)] == sum(seen[o] for o in Outcome) > 0
