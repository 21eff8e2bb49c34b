"""Benchmarks for the apprenticeship rules: one case, one case from JSON, a population.

Run with ``nox -s bench``.  Prints medians (microseconds) and throughput; nothing
here asserts a time.  The population is synthetic and deterministic (a seeded
generator), so runs are comparable.
"""

import json
import statistics
import time

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from skillchain import Outcome, Policy
from skillchain.model import ApprenticeEnrolment, HireKind, LabourContract
from skillchain.rules import apprentice_case
from skillchain.serialization import structure, unstructure
from skillchain.simulation import synthetic_apprentices


DAY = date(2026, 3, 1)
POPULATION = 100_000

DIRECTORY = """
[documents.bench-directory]
title = "基准测试用区学徒培养职业目录（虚构）"
issuers = ["benchmark"]
level = "district"
provenance = "unverified"
[parameters."apprenticeship.occupation_directory"]
description_zh = "区学徒培养职业（工种）指导目录"
description_en = "The district's directory of occupations apprentices may train in"
unit = "occupations"
[[parameters."apprenticeship.occupation_directory".values]]
since = 2024-01-01
value = ["6-31-01-03", "4-10-01-05"]
document = "bench-directory"
"""


def median_us(func: Callable[[], object], *, number: int, repeat: int = 7) -> float:
    """Median over *repeat* batches of the per-call time of *func*, in microseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        for _ in range(number):
            func()
        samples.append((time.perf_counter_ns() - start) / number / 1000)
    return statistics.median(samples)


def enrolments(count: int) -> list[ApprenticeEnrolment]:
    """The seeded synthetic apprentices of :func:`skillchain.simulation.synthetic_apprentices`."""
    enrolments = []
    for case in synthetic_apprentices(count):
        enrolment = case.facts["enrolment"]
        assert isinstance(enrolment, ApprenticeEnrolment)  # noqa: S101 - narrows the type
        enrolments.append(enrolment)
    return enrolments


def main() -> None:
    """Run the rule benchmarks and print the figures."""
    policy = Policy.default().overlay(
        Policy.loads(DIRECTORY, name="bench-directory.toml")
    )
    sample = enrolments(1)[0]
    sample = ApprenticeEnrolment(
        person=sample.person,
        programme=sample.programme,
        contract=LabourContract(start=date(2024, 1, 1), end=date(2026, 12, 31)),
        hire_kind=HireKind.NEW_HIRE,
        skill_post=True,
        in_plan_same_or_higher=False,
        filed_elsewhere_in_training=False,
        covered_by_special_aid=False,
        qualified=True,
    )
    decision = apprentice_case(sample, on=DAY, policy=policy, shortage_occupation=False)
    as_text = json.dumps(unstructure(sample), ensure_ascii=False)

    def from_objects() -> object:
        return apprentice_case(sample, on=DAY, policy=policy, shortage_occupation=False)

    def from_json() -> object:
        built = structure(json.loads(as_text), ApprenticeEnrolment)
        return apprentice_case(built, on=DAY, policy=policy, shortage_occupation=False)

    one = median_us(from_objects, number=20000)
    parsed = median_us(from_json, number=2000)
    print(
        f"one apprentice's case ({len(decision.findings)} findings, {decision.outcome.value})"
    )
    print(f"  from built objects:             {one:9.2f} µs median (aim: 10 µs)")
    print(
        f"  from a JSON text (portal input): {parsed:9.2f} µs median ({parsed / one:.1f}x)"
    )

    population = enrolments(POPULATION)
    start = time.perf_counter()
    outcomes = dict.fromkeys(Outcome, 0)
    total = Decimal(0)
    for apprentice in population:
        case = apprentice_case(
            apprentice, on=DAY, policy=policy, shortage_occupation=False
        )
        outcomes[case.outcome] += 1
        if case.amount is not None:
            total += case.amount
    elapsed = time.perf_counter() - start
    print(f"population of {POPULATION:,} generated apprentices (one core):")
    print(
        f"  {elapsed:.2f} s, {POPULATION / elapsed:,.0f} cases/s, {elapsed / POPULATION * 1e6:.1f} µs/case"
    )
    print("  outcomes: " + ", ".join(f"{o.value} {n:,}" for o, n in outcomes.items()))
    print(f"  total payable: {total} yuan")


if __name__ == "__main__":
    main()
