"""Benchmarks for remedies: deciding stays as fast; asking for remedies costs extra.

Run with ``nox -s bench`` (or ``python benchmarks/bench_remedies.py``).  Prints
medians (microseconds) and ratios measured in the same run; nothing here asserts a
time.

Remedies are derived from the conditions' declarations only when
:func:`skillchain.remedies` is called: deciding a case reads nothing of them.  The
first line is the median time to decide one case of the bundled example files that
is not eligible; the next, the time :func:`skillchain.remedies` then takes without
the facts (no earliest day) and with them (the earliest day is searched when a
condition waits for a day), each as a ratio to deciding.  To compare deciding with
and without the declarations, run this script on two checkouts (or time
``python benchmarks/bench_remedies.py --decide-only`` with farm-bench).
"""

import statistics
import sys
import time

from collections.abc import Callable
from pathlib import Path

from skillchain import Outcome, remedies
from skillchain.cases import CaseFile, load_directory


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def median_us(func: Callable[[], object], *, number: int, repeat: int = 9) -> float:
    """Median over *repeat* batches of the per-call time of *func*, in microseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        for _ in range(number):
            func()
        samples.append((time.perf_counter_ns() - start) / number / 1000)
    return statistics.median(samples)


def not_eligible() -> list[CaseFile]:
    """The example cases that do not come out eligible."""
    found = load_directory(EXAMPLES / "cases", overlay_root=EXAMPLES)
    return [
        case
        for case in found
        if case.expect is not None and case.expect.outcome is not Outcome.ELIGIBLE
    ]


def main() -> None:
    """Print the medians and ratios."""
    decide_only = "--decide-only" in sys.argv
    found = not_eligible()

    def decide_all() -> None:
        for case in found:
            case.rule.function(**case.facts, on=case.on, policy=case.policy)

    if decide_only:
        for _ in range(200):
            decide_all()
        return
    decisions = [
        case.rule.function(**case.facts, on=case.on, policy=case.policy)
        for case in found
    ]

    def without_facts() -> None:
        for case, decision in zip(found, decisions, strict=True):
            remedies(decision, policy=case.policy)

    def with_facts() -> None:
        for case, decision in zip(found, decisions, strict=True):
            remedies(decision, case.facts, policy=case.policy)

    count = len(found)
    decide = median_us(decide_all, number=20) / count
    plain = median_us(without_facts, number=20) / count
    full = median_us(with_facts, number=5) / count
    print(f"cases not eligible in the examples: {count}")
    print(f"decide, median per case:            {decide:8.1f} us")
    print(
        f"remedies without facts, per case:   {plain:8.1f} us ({plain / decide:.1f}x deciding)"
    )
    print(
        f"remedies with facts, per case:      {full:8.1f} us ({full / decide:.1f}x deciding)"
    )


if __name__ == "__main__":
    main()
