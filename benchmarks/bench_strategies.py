"""Benchmark: the cost of drawing one case of each rule with ``cases()``.

Run with ``nox -s bench`` (or ``python benchmarks/bench_strategies.py [DRAWS]``).
Each rule is drawn under the policy its example case files use.  A draw includes
building the facts and the one evaluation the strategy makes to check the outcome;
the table gives the median and the 90th percentile per draw, in milliseconds, and
the share of each outcome among the draws.  Nothing here asserts a time.
"""

import statistics
import sys
import time

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from skillchain import Policy
from skillchain.cases import load_directory
from skillchain.rules import rules
from skillchain.testing.strategies import cases, recipe_for


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_policies() -> dict[str, Policy]:
    """For each rule, the policy of its example case file with the most overlays."""
    found: dict[str, tuple[int, Policy]] = {}
    for case in load_directory(EXAMPLES / "cases", overlay_root=EXAMPLES):
        weight = len(case.overlays)
        if case.rule.id not in found or weight > found[case.rule.id][0]:
            found[case.rule.id] = (weight, case.policy)
    return {rule: policy for rule, (_, policy) in found.items()}


def draw_times(
    rule_id: str, policy: Policy, draws: int
) -> tuple[list[float], Counter[str]]:
    """Milliseconds per draw of *draws* cases of *rule_id*, and the outcomes drawn."""
    strategy = cases(rule_id, policy=policy)
    times: list[float] = []
    names: Counter[str] = Counter()

    @settings(
        max_examples=draws,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        start = time.perf_counter_ns()
        case = data.draw(strategy)
        times.append((time.perf_counter_ns() - start) / 1e6)
        names[case.name.partition(":")[0]] += 1

    run()
    return times, names


def main() -> None:
    """Print a table of draw times per rule."""
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    policies = example_policies()
    print(f"cases(): {draws} draws per rule, milliseconds per draw")
    print(f"{'rule':32} {'median':>8} {'p90':>8}  eligible/ineligible/undetermined")
    medians = []
    for rule in rules():
        if recipe_for(rule) is None:
            print(f"{rule.id:32} {'(no recipe)':>17}")
            continue
        times, names = draw_times(
            rule.id, policies.get(rule.id, Policy.default()), draws
        )
        total = sum(names.values())
        median = statistics.median(times)
        medians.append(median)
        p90 = statistics.quantiles(times, n=10)[-1]
        shares = "/".join(
            f"{100 * names[o] / total:.0f}%"
            for o in ("eligible", "ineligible", "undetermined")
        )
        print(f"{rule.id:32} {median:8.3f} {p90:8.3f}  {shares}")
    if medians:
        print(f"{'largest median':32} {max(medians):8.3f}")


if __name__ == "__main__":
    main()
