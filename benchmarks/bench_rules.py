"""Benchmarks for single decisions: one apprentice's case against two baselines, every rule, bulk.

Run with ``nox -s bench`` (or ``python benchmarks/bench_rules.py``).  Prints medians
(microseconds) and ratios measured in the same run; nothing here asserts a time.

The apprentice's case is the eligible one of ``examples/cases/apprenticeship-case.toml``
under its overlay.  Two baselines written here decide the same case with the same
checks, reading the same figures (resolved once beforehand, as any engine would):

* plain Python that only computes the outcome and the amount (no explanation);
* the same, keeping each check's result as a bare tuple ``(check, held, values)``:
  the straight-line floor of an explained decision.

Then the median of one case of every rule (the first case of each bundled example
file), and the cost per case of deciding a population and keeping every decision,
with the collector as it is and inside :func:`skillchain.bulk`.
"""

import gc
import statistics
import sys
import time

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from skillchain import Decision, bulk
from skillchain.cases import CaseFile, load_cases
from skillchain.model import (
    ApprenticeEnrolment,
    SchoolKind,
    TrainingMode,
)
from skillchain.rules import CASE_RULE
from skillchain.simulation import synthetic_apprentices


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
POPULATION = 100_000
TARGET_US = 6.0
TARGET_FLOOR_RATIO = 2.3
TARGET_BULK_RATIO = 1.2


def median_us(func: Callable[[], object], *, number: int, repeat: int = 9) -> float:
    """Median over *repeat* batches of the per-call time of *func*, in microseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        for _ in range(number):
            func()
        samples.append((time.perf_counter_ns() - start) / number / 1000)
    return statistics.median(samples)


def interleaved(
    funcs: dict[str, Callable[[], object]], *, number: int, repeat: int = 15
) -> dict[str, float]:
    """Medians of several functions measured in alternating batches (fair on a busy machine)."""
    samples: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter_ns()
            for _ in range(number):
                func()
            samples[name].append((time.perf_counter_ns() - start) / number / 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def apprentice_case_file() -> CaseFile:
    """The eligible case of the bundled apprentice case file."""
    found = load_cases(
        EXAMPLES / "cases" / "apprenticeship-case.toml", overlay_root=EXAMPLES
    )
    return next(c for c in found if c.expect and c.expect.outcome.value == "eligible")


def figures(case: CaseFile) -> dict[str, Any]:
    """The figures the baselines read, resolved once (as an engine's compiled rule would)."""
    enrolment = case.facts["enrolment"]
    assert isinstance(enrolment, ApprenticeEnrolment)  # noqa: S101 - narrows the type
    start = case.policy.at(enrolment.programme.start)
    then = case.policy.at(case.on)
    names = {
        "kinds": "apprenticeship.eligible_hire_kinds",
        "contract": "apprenticeship.contract_min_months",
        "exclusions": "apprenticeship.apprentice_exclusions",
        "region": "apprenticeship.enterprise_region",
        "low": "apprenticeship.planned_months_min",
        "high": "apprenticeship.planned_months_max",
        "top": "apprenticeship.planned_months_max_special",
        "partners": "apprenticeship.partner_institution_kinds",
        "level_low": "apprenticeship.target_level_min",
        "level_high": "apprenticeship.target_level_max",
        "share": "apprenticeship.online_share_max",
        "directory": "apprenticeship.occupation_directory",
    }
    found = {key: start.get(name).value for key, name in names.items()}
    found["rates"] = then.get("apprenticeship.annual_subsidy").value
    found["rounding"] = then.get("apprenticeship.rounding").value
    return found


_STUDENT_SCHOOLS = frozenset(
    {SchoolKind.TECHNICAL_SCHOOL, SchoolKind.VOCATIONAL_COLLEGE}
)


def plain(e: ApprenticeEnrolment, f: dict[str, Any]) -> tuple[bool, Decimal | None]:
    """The apprentice case's checks in plain Python: eligible or not, and the amount."""
    p = e.programme
    contract = e.contract
    ok = bool(e.skill_post)
    ok = (
        ok
        and contract is not None
        and (contract.end is None or contract.months >= f["contract"])
    )
    ok = ok and not any(
        c.occupation == p.occupation
        and c.level is not None
        and c.level >= p.target_level
        for c in e.claims
    )
    ok = ok and e.in_plan_same_or_higher is False
    ok = ok and e.filed_elsewhere_in_training is False
    ok = ok and not (
        e.person.full_time_student and e.person.school_kind in _STUDENT_SCHOOLS
    )
    ok = ok and e.covered_by_special_aid is False
    ok = ok and f["low"] <= p.planned_months <= f["high"]
    ok = ok and TrainingMode.DUAL_MENTORS in p.modes
    ok = ok and TrainingMode.WORK_STUDY_ALTERNATION in p.modes
    ok = ok and p.institution.kind in f["partners"]
    ok = ok and (
        not p.online_hours or p.online_hours <= p.professional_basics_hours * f["share"]
    )
    ok = ok and p.occupation in f["directory"]
    ok = ok and e.qualified is True
    if not ok:
        return False, None
    exact = f["rates"][p.target_level] * p.planned_months / 12
    return True, exact.quantize(Decimal("0.01"), ROUND_HALF_UP)


def tuples(  # noqa: PLR0915 - straight lines on purpose
    e: ApprenticeEnrolment, f: dict[str, Any]
) -> tuple[str, Decimal | None, list[tuple[str, bool | None, tuple[Any, ...]]]]:
    """The same checks in straight lines, each kept as a bare ``(check, held, values)``."""
    p = e.programme
    found: list[tuple[str, bool | None, tuple[Any, ...]]] = []
    add = found.append
    kind = e.hire_kind
    add(("hire_kind_priority", kind in f["kinds"], (("hire_kind", kind),)))
    ok = held = e.skill_post
    add(("skill_post", held, (("value", held),)))
    contract = e.contract
    months = None if contract is None else contract.months
    minimum = f["contract"]
    held = None if months is None else months >= minimum
    ok = ok and held
    add(("contract_term", held, (("months", months), ("minimum", minimum))))
    occupation, level = p.occupation, p.target_level
    held = not any(
        c.occupation == occupation and c.level is not None and c.level >= level
        for c in e.claims
    )
    ok = ok and held
    add(("not_subsidised", held, (("occupation", occupation), ("value", held))))
    held = e.in_plan_same_or_higher is False
    ok = ok and held
    add(("not_in_plan", held, (("value", held),)))
    held = e.filed_elsewhere_in_training is False
    ok = ok and held
    add(("not_filed", held, (("value", held),)))
    held = not (e.person.full_time_student and e.person.school_kind in _STUDENT_SCHOOLS)
    ok = ok and held
    add(("not_student", held, (("value", held),)))
    held = e.covered_by_special_aid is False
    ok = ok and held
    add(("not_aid", held, (("value", held),)))
    planned = p.planned_months
    low, high = f["low"], f["high"]
    held = low <= planned <= high
    ok = ok and held
    add(
        (
            "planned_months",
            held,
            (("months", planned), ("minimum", low), ("maximum", high)),
        )
    )
    modes = p.modes
    held = TrainingMode.DUAL_MENTORS in modes
    ok = ok and held
    add(("dual_mentors", held, (("value", held),)))
    held = TrainingMode.WORK_STUDY_ALTERNATION in modes
    ok = ok and held
    add(("work_study", held, (("value", held),)))
    partner = p.institution.kind
    held = partner in f["partners"]
    ok = ok and held
    add(("partner_kind", held, (("kind", partner), ("value", held))))
    held = f["level_low"] <= level <= f["level_high"]
    add(("target_level_priority", held, (("level", level), ("value", held))))
    online = p.online_hours
    limit = p.professional_basics_hours * f["share"]
    held = online <= limit
    ok = ok and held
    add(("online_share", held, (("online_hours", online), ("limit", limit))))
    held = occupation in f["directory"]
    ok = ok and held
    add(("directory", held, (("occupation", occupation), ("value", held))))
    rate = f["rates"].get(level)
    held = rate is not None
    ok = ok and held
    add(("rate", held, (("level", level), ("rate", rate))))
    add(("years", True, (("months", planned), ("counted", planned))))
    add(("not_shortage", True, (("shortage", False),)))
    held = e.qualified
    ok = ok and held
    add(("qualified", held, (("level", level), ("value", held))))
    amount = (rate * planned / 12).quantize(Decimal("0.01"), ROUND_HALF_UP)
    add(("amount", True, (("rate", rate), ("counted", planned), ("amount", amount))))
    return ("eligible" if ok else "ineligible"), amount, found


def one_case() -> float:
    """Target 1: one apprentice's case from built objects, against the baselines."""
    case = apprentice_case_file()
    enrolment = case.facts["enrolment"]
    assert isinstance(enrolment, ApprenticeEnrolment)  # noqa: S101 - narrows the type
    policy, on = case.policy, case.on
    f = figures(case)
    decide = CASE_RULE.function
    decision: Decision = decide(**case.facts, on=on, policy=policy)
    outcome, amount, found = tuples(enrolment, f)
    eligible, plain_amount = plain(enrolment, f)
    if (
        decision.outcome.value != outcome
        or not eligible
        or decision.amount != amount
        or amount != plain_amount
        or len(found) != len(decision.findings)
    ):
        msg = "the baselines do not decide the bundled case as the rule does"
        raise RuntimeError(msg)
    medians = interleaved(
        {
            "skillchain": lambda: decide(enrolment, on=on, policy=policy,
                                         shortage_occupation=False),
            "plain": lambda: plain(enrolment, f),
            "tuples": lambda: tuples(enrolment, f),
        },
        number=5000,
    )  # fmt: skip
    ours, bare, floor = medians["skillchain"], medians["plain"], medians["tuples"]
    ratio = ours / floor
    print(
        f"one apprentice's case ({len(decision.findings)} findings, "
        f"{decision.outcome.value}, {decision.amount} yuan), medians of 15 batches:"
    )
    print(f"  plain Python, no explanation      {bare:8.2f} µs")
    print(
        f"  findings as bare tuples (floor)   {floor:8.2f} µs   ({floor / bare:.2f}x plain)"
    )
    print(
        f"  skillchain, explained decision    {ours:8.2f} µs   "
        f"({ours / bare:.2f}x plain, {ratio:.2f}x the floor)"
    )
    print(
        f"target 1: one case {ours:.2f} µs (target <= {TARGET_US:g} µs): "
        f"{'met' if ours <= TARGET_US else 'not met'}; {ratio:.2f}x the tuple floor "
        f"(target <= {TARGET_FLOOR_RATIO}x): "
        f"{'met' if ratio <= TARGET_FLOOR_RATIO else 'not met'}"
    )
    return ours


def every_rule() -> None:
    """The median of one case of every rule (the first case of each example file)."""
    print("one case of every rule (first case of each examples/cases file), median:")
    seen: set[str] = set()
    rows = []
    for path in sorted((EXAMPLES / "cases").glob("*.toml")):
        case = load_cases(path, overlay_root=EXAMPLES)[0]
        if case.rule.id in seen:
            continue
        seen.add(case.rule.id)
        function, facts, on, policy = (
            case.rule.function,
            case.facts,
            case.on,
            case.policy,
        )
        decision = function(**facts, on=on, policy=policy)

        def run(
            function: Any = function,
            facts: Any = facts,
            on: date = on,
            policy: Any = policy,
        ) -> object:
            return function(**facts, on=on, policy=policy)  # fmt: skip

        rows.append((case.rule.id, len(decision.findings), median_us(run, number=2000)))
    for rule_id, findings, us in sorted(rows, key=lambda row: row[2]):
        print(f"  {rule_id:<40} {findings:3d} findings {us:9.2f} µs")


def bulk_run() -> None:
    """Target 3: decide a population and keep every decision, against deciding it alone."""
    cases = [(c.facts["enrolment"], c.on) for c in synthetic_apprentices(POPULATION)]
    policy = apprentice_case_file().policy
    decide = CASE_RULE.function

    def discard() -> None:
        for enrolment, on in cases:
            decide(enrolment, on=on, policy=policy, shortage_occupation=False)

    def keep() -> list[Decision]:
        return [
            decide(enrolment, on=on, policy=policy, shortage_occupation=False)
            for enrolment, on in cases
        ]

    def keep_in_bulk() -> list[Decision]:
        with bulk():
            return keep()

    discard()  # warm the policy's caches
    timings: dict[str, list[float]] = {"discard": [], "keep": [], "bulk": []}
    for _ in range(3):
        for name, run in (("discard", discard), ("keep", keep), ("bulk", keep_in_bulk)):
            gc.collect()
            start = time.perf_counter()
            kept = run()
            timings[name].append((time.perf_counter() - start) / POPULATION * 1e6)
            del kept
    per = {name: statistics.median(values) for name, values in timings.items()}
    print(f"{POPULATION:,} generated apprentices, per case (median of 3):")
    print(f"  decided, each decision dropped     {per['discard']:8.2f} µs")
    print(
        f"  decided and kept in a list         {per['keep']:8.2f} µs "
        f"({per['keep'] / per['discard']:.2f}x)"
    )
    ratio = per["bulk"] / per["discard"]
    print(f"  kept, inside skillchain.bulk()     {per['bulk']:8.2f} µs ({ratio:.2f}x)")
    print(
        f"target 3: keeping {POPULATION:,} decisions {ratio:.2f}x the per-case cost "
        f"(target <= {TARGET_BULK_RATIO}x): "
        f"{'met' if ratio <= TARGET_BULK_RATIO else 'not met'}"
    )


def main() -> None:
    """Run the rule benchmarks and print the figures."""
    print(f"python {sys.version.split()[0]}")
    one_case()
    every_rule()
    bulk_run()


if __name__ == "__main__":
    main()
