"""Benchmark of the JSON path: one apprentice's case from a JSON text, against built objects.

Run with ``nox -s bench`` (or ``python benchmarks/bench_json.py``).  The case is the
eligible one of ``examples/cases/apprenticeship-case.toml`` under its overlay (the
sample of ``bench_rules.py``), sent as the JSON document
:func:`skillchain.serialization.unstructure` writes for its enrolment: every key,
with its person, programme, partner institution, mentors, contract and claims.

Prints the median of deciding the case from the built objects, the median of
``json.loads`` + :func:`~skillchain.serialization.structure` + deciding, their ratio
against the target, and the split of the JSON path.  Every figure is measured in
alternating batches in the same run (fair on a busy machine); nothing here asserts
a time.
"""

import json
import statistics
import sys
import time

from collections.abc import Callable
from datetime import date
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_rules import apprentice_case_file

from skillchain import Policy
from skillchain.model import ApprenticeEnrolment
from skillchain.rules import apprentice_case
from skillchain.serialization import structure, unstructure


TARGET_RATIO = 3.0
NUMBER = 2000
REPEAT = 15


def batch_us(func: Callable[[], object], number: int) -> float:
    """The time per call of *func* over one batch of *number* calls, in microseconds."""
    start = time.perf_counter_ns()
    for _ in range(number):
        func()
    return (time.perf_counter_ns() - start) / number / 1000


def decide_each(pool: list[ApprenticeEnrolment], on: date, policy: Policy) -> float:
    """The time per case of deciding each enrolment of *pool* once, in microseconds."""
    start = time.perf_counter_ns()
    for enrolment in pool:
        apprentice_case(enrolment, on=on, policy=policy, shortage_occupation=False)
    return (time.perf_counter_ns() - start) / len(pool) / 1000


def main() -> None:
    """Measure the object path and the JSON path of one case and print the figures."""
    case = apprentice_case_file()
    enrolment = case.facts["enrolment"]
    assert isinstance(enrolment, ApprenticeEnrolment)  # noqa: S101 - narrows the type
    policy, on = case.policy, case.on
    text = json.dumps(unstructure(enrolment), ensure_ascii=False)
    data = json.loads(text)
    built = structure(data, ApprenticeEnrolment)
    if built != enrolment:
        msg = "the JSON document does not structure back to the sample"
        raise RuntimeError(msg)

    def objects() -> object:
        return apprentice_case(
            enrolment, on=on, policy=policy, shortage_occupation=False
        )

    def from_json() -> object:
        parsed = structure(json.loads(text), ApprenticeEnrolment)
        return apprentice_case(parsed, on=on, policy=policy, shortage_occupation=False)

    if from_json() != objects():
        msg = "the JSON path decides the sample differently"
        raise RuntimeError(msg)
    samples: dict[str, list[float]] = {
        "objects": [],
        "json": [],
        "loads": [],
        "structure": [],
        "fresh": [],
    }
    for _ in range(REPEAT):
        samples["objects"].append(batch_us(objects, NUMBER))
        samples["json"].append(batch_us(from_json, NUMBER))
        samples["loads"].append(batch_us(lambda: json.loads(text), NUMBER))
        samples["structure"].append(
            batch_us(lambda: structure(data, ApprenticeEnrolment), NUMBER)
        )
        # Records no decision has seen yet, as each JSON text gives.
        pool = [structure(data, ApprenticeEnrolment) for _ in range(NUMBER)]
        samples["fresh"].append(decide_each(pool, on, policy))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    ours, whole = medians["objects"], medians["json"]
    ratio = whole / ours
    print(
        f"python {sys.version.split()[0]}; one apprentice's case, "
        f"medians of {REPEAT} alternating batches"
    )
    print(f"  from built objects                {ours:8.2f} µs")
    print(
        f"  from a JSON text ({len(text):,} characters) {whole:8.2f} µs ({ratio:.2f}x)"
    )
    print(f"    json.loads                      {medians['loads']:8.2f} µs")
    print(f"    structure                       {medians['structure']:8.2f} µs")
    print(f"    decide (records new to it)      {medians['fresh']:8.2f} µs")
    print(
        "  (a programme equal to one already judged under the policy and day, "
        "the same object or one read afresh, is not judged again)"
    )
    verdict = "met" if ratio <= TARGET_RATIO else "not met"
    print(
        f"target 2: JSON path {ratio:.1f}x the object path "
        f"(target <= {TARGET_RATIO:g}x): {verdict}"
    )


if __name__ == "__main__":
    main()
