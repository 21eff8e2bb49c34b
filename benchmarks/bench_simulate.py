"""Benchmark of population simulation: one rule, two policies, a whole population.

Run with ``nox -s bench`` (or ``python benchmarks/bench_simulate.py [COUNT]``).
Simulates the seeded synthetic apprentices (:func:`skillchain.simulation.synthetic_apprentices`)
through ``apprenticeship.case`` under the example baseline and the illustrative reform,
from cases already in memory and from a CSV file written by the example generator,
and prints the median throughput with the time 1 000 000 cases would take.  It also
times the two rule decisions alone, so what is left of the time is the simulation's
own bookkeeping and the reading.  Nothing here asserts a time.
"""

import importlib.util
import statistics
import sys
import tempfile
import time

from collections.abc import Callable
from pathlib import Path

from skillchain import Policy
from skillchain.rules import CASE_RULE
from skillchain.simulation import read_population, simulate, synthetic_apprentices


ROOT = Path(__file__).resolve().parent.parent
OVERLAYS = ROOT / "examples" / "overlays"
COUNT = 50_000
REPEAT = 3
MILLION = 1_000_000


def median_seconds(run: Callable[[], object], repeat: int = REPEAT) -> float:
    """The median wall time of *repeat* runs of *run*, in seconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(label: str, count: int, seconds: float) -> None:
    """Print cases per second and the extrapolation to a million cases."""
    rate = count / seconds
    print(
        f"  {label:<34} {rate:10,.0f} cases/s  {seconds / count * 1e6:6.1f} µs/case"
        f"  1,000,000 cases: {MILLION / rate:5.1f} s"
    )


def write_csv(path: Path, count: int) -> None:
    """Write *count* synthetic apprentices with the example generator script."""
    spec = importlib.util.spec_from_file_location(
        "generate", ROOT / "examples" / "population" / "generate.py"
    )
    if spec is None or spec.loader is None:
        msg = "cannot load examples/population/generate.py"
        raise RuntimeError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(path, count, module.DEFAULT_SEED)


def main() -> None:
    """Run the simulation benchmarks and print the figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    baseline = Policy.default().overlay(
        Policy.from_files(OVERLAYS / "futian-occupation-directory.toml")
    )
    reform = baseline.overlay(Policy.from_files(OVERLAYS / "illustrative-reform.toml"))
    cases = list(synthetic_apprentices(count))
    decide = CASE_RULE.function

    def rules_only() -> None:
        for case in cases:
            decide(**case.facts, on=case.on, policy=baseline)
            decide(**case.facts, on=case.on, policy=reform)

    def in_memory() -> object:
        return simulate(cases, rule=CASE_RULE, baseline=baseline, reform=reform)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "population.csv")
        write_csv(path, count)
        size = path.stat().st_size

        def read_only() -> None:
            for _ in read_population(path, CASE_RULE):
                pass

        def from_csv() -> object:
            return simulate(
                read_population(path, CASE_RULE),
                rule=CASE_RULE,
                baseline=baseline,
                reform=reform,
            )

        in_memory()  # warm the policies' caches
        print(
            f"simulate apprenticeship.case under two policies, {count:,} synthetic "
            f"apprentices (median of {REPEAT}, one core):"
        )
        report("two decisions per case, bare loop", count, median_seconds(rules_only))
        report("simulate, cases in memory", count, median_seconds(in_memory))
        report(
            f"reading the CSV only ({size / count:.0f} B/row)",
            count,
            median_seconds(read_only),
        )
        report("simulate, reading the CSV", count, median_seconds(from_csv))
    print("  aim: 1,000,000 cases under two policies in under 60 s")


if __name__ == "__main__":
    main()
