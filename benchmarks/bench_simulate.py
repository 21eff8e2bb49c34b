"""Benchmark of population simulation: one rule, two policies, a population from CSV.

Run with ``nox -s bench`` (or ``python benchmarks/bench_simulate.py [COUNT]``;
200 000 cases by default).  Writes COUNT seeded synthetic apprentices
(:func:`skillchain.simulation.synthetic_apprentices`) as the CSV the example
generator writes, then simulates them through ``apprenticeship.case`` under the
example baseline and two reforms, and prints where each case's microseconds go:

* reading the CSV: the csv module splitting the file's lines into cells;
* structuring: the cells made into cases (what :func:`read_population` adds);
* deciding under the baseline;
* deciding under the reform, or taking the baseline's decision where the reform
  reads every figure of the case as the baseline does (with the check's cost);
* comparing and summarising: the rest of :func:`simulate`'s loop;

then the sum of the parts, the measured total of ``simulate(read_population(...))``
and what is left between them (reading and deciding one case after the other
costs a little more than the two apart), the projection to 1 000 000 cases, and the share of reform decisions taken from
the baseline.  The parts are medians of runs over chunks of cases held
in memory; the total is the median of whole runs.  Nothing here asserts a time.
"""

import csv
import gc
import importlib.util
import itertools
import statistics
import sys
import tempfile
import time

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from skillchain import Policy
from skillchain._reuse import Reuse
from skillchain.comparison import Case
from skillchain.rules import CASE_RULE
from skillchain.simulation import read_population, simulate, synthetic_apprentices


ROOT = Path(__file__).resolve().parent.parent
OVERLAYS = ROOT / "examples" / "overlays"
COUNT = 200_000
REPEAT = 3
CHUNK = 10_000
MILLION = 1_000_000
TARGET_SECONDS = 20.0


def _generator() -> Any:
    """The example generator script, as a module."""
    spec = importlib.util.spec_from_file_location(
        "generate", ROOT / "examples" / "population" / "generate.py"
    )
    if spec is None or spec.loader is None:
        msg = "cannot load examples/population/generate.py"
        raise RuntimeError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_csv(path: Path, count: int) -> None:
    """Write *count* synthetic apprentices as the example generator lays them out.

    Streamed (the generator script keeps every row in memory): the columns are those
    of the generator's first 10 000 rows, every later row fits them.
    """
    generate = _generator()
    cases = synthetic_apprentices(count, seed=generate.DEFAULT_SEED)
    first = [generate.row(case) for case in itertools.islice(cases, 10_000)]
    used = {name for cells in first for name, value in cells.items() if value}
    columns = [name for name in first[0] if name in used]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for cells in itertools.chain(first, map(generate.row, cases)):
            if any(value for name, value in cells.items() if name not in used):
                msg = "a row has a value in a column the first rows leave empty"
                raise RuntimeError(msg)
            writer.writerow([cells.get(name, "") for name in columns])


def seconds(run: Callable[[], object]) -> float:
    """The wall time of one run of *run*, in seconds."""
    start = time.perf_counter_ns()
    run()
    return (time.perf_counter_ns() - start) / 1e9


def median_seconds(run: Callable[[], object], repeat: int = REPEAT) -> float:
    """The median wall time of *repeat* runs of *run*, in seconds."""
    return statistics.median(seconds(run) for _ in range(repeat))


def chunks(path: Path) -> Iterator[list[Case]]:
    """The population's cases, CHUNK at a time.

    While a chunk is timed its cases are out of the garbage collector's sight
    (:func:`gc.freeze`), as a case read from a file is while it is decided:
    otherwise every collection would walk the whole chunk, a cost a simulation
    reading one case at a time never pays.
    """
    cases = read_population(path, CASE_RULE)
    while chunk := list(itertools.islice(cases, CHUNK)):
        gc.collect()
        gc.freeze()
        try:
            yield chunk
        finally:
            gc.unfreeze()


def csv_rows(path: Path) -> None:
    """Split the file into cells with the csv module, as the population reader does."""
    with path.open(encoding="utf-8", newline="") as stream:
        for _ in csv.reader(stream, strict=True):
            pass


class Parts:
    """Seconds spent deciding a population, part by part, chunk by chunk.

    The loop's own share (comparing and summarising) is measured with the
    decisions already made: :func:`simulate` runs a rule that hands back the
    decisions in the order it asks for them, and the same calls made without the
    loop are taken away.
    """

    def __init__(self, baseline: Policy, reform: Policy) -> None:
        self.baseline = baseline
        self.reform = reform
        self.decide = CASE_RULE.function
        self.baseline_s = 0.0
        self.reform_s = 0.0
        self.rest_s = 0.0
        self.reused = 0
        self.cases = 0

    def add(self, chunk: list[Case]) -> None:
        """Time the parts on one chunk of cases (medians of REPEAT runs)."""
        decide, baseline, reform = self.decide, self.baseline, self.reform

        def under_baseline() -> None:
            for case in chunk:
                decide(**case.facts, on=case.on, policy=baseline)

        def under_reform() -> None:
            same = Reuse(CASE_RULE, baseline, reform).same
            for case in chunk:
                if not same(case.facts, case.on):
                    decide(**case.facts, on=case.on, policy=reform)

        # The decisions in the order simulate asks for them.
        same = Reuse(CASE_RULE, baseline, reform).same
        made: list[object] = []
        for case in chunk:
            made.append(decide(**case.facts, on=case.on, policy=baseline))
            if same(case.facts, case.on):
                self.reused += 1
            else:
                made.append(decide(**case.facts, on=case.on, policy=reform))
        gc.collect()
        gc.freeze()  # the decisions made, as the chunk
        answers = iter(made)

        def replay(**_: object) -> Any:
            return next(answers)

        replayed = attrs.evolve(CASE_RULE, function=replay)
        again = replayed.function

        def calls_only() -> None:
            nonlocal answers
            answers = iter(made)
            same = Reuse(replayed, baseline, reform).same
            for case in chunk:
                again(**case.facts, on=case.on, policy=baseline)
                if not same(case.facts, case.on):
                    again(**case.facts, on=case.on, policy=reform)

        def loop() -> None:
            nonlocal answers
            answers = iter(made)
            simulate(chunk, rule=replayed, baseline=baseline, reform=reform)

        self.baseline_s += median_seconds(under_baseline)
        self.reform_s += median_seconds(under_reform)
        self.rest_s += median_seconds(loop) - median_seconds(calls_only)
        self.cases += len(chunk)


def per_case(total_seconds: float, count: int) -> float:
    """Microseconds per case."""
    return total_seconds / count * 1e6


def line(label: str, micros: float) -> None:
    """Print one part."""
    print(f"  {label:<54} {micros:7.1f} µs/case")


def account(
    title: str, path: Path, count: int, baseline: Policy, reform: Policy
) -> float:
    """Print where the time of one simulation goes; return µs per case from CSV."""
    reading = per_case(median_seconds(lambda: csv_rows(path)), count)
    cases = per_case(
        median_seconds(lambda: sum(1 for _ in read_population(path, CASE_RULE))),
        count,
    )
    parts = Parts(baseline, reform)
    for chunk in chunks(path):
        parts.add(chunk)
    total = per_case(
        median_seconds(
            lambda: simulate(
                read_population(path, CASE_RULE),
                rule=CASE_RULE,
                baseline=baseline,
                reform=reform,
            )
        ),
        count,
    )
    shown = [
        ("reading the CSV (csv module only)", reading),
        ("structuring rows into cases", cases - reading),
        ("deciding under the baseline", per_case(parts.baseline_s, parts.cases)),
        (
            "deciding under the reform, or reusing the baseline's",
            per_case(parts.reform_s, parts.cases),
        ),
        ("comparing and summarising", per_case(parts.rest_s, parts.cases)),
    ]
    print(f"{title}:")
    for label, micros in shown:
        line(label, micros)
    parts_sum = sum(micros for _, micros in shown)
    line("sum of the parts", parts_sum)
    line("measured: simulate(read_population(...))", total)
    line("left: reading and deciding interleaved (measured - sum)", total - parts_sum)
    print(
        f"  reform decisions taken from the baseline: {parts.reused / parts.cases:.1%} "
        f"({parts.reused:,} of {parts.cases:,})"
    )
    return total


def main(argv: Iterable[str] = sys.argv[1:]) -> None:
    """Run the simulation benchmark and print the figures."""
    args = list(argv)
    count = int(args[0]) if args else COUNT
    baseline = Policy.default().overlay(
        Policy.from_files(OVERLAYS / "futian-occupation-directory.toml")
    )
    example = baseline.overlay(Policy.from_files(OVERLAYS / "illustrative-reform.toml"))
    # A figure read on the programme's start: programmes that started earlier
    # are judged as under the baseline.
    online_share = baseline.with_values(
        document="example-futian-apprenticeship-directory",
        since=date(2024, 10, 1),
        replace={"apprenticeship.online_share_max": "0.40"},
        name="the online-hours share cut to 40 % from 2024-10-01",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "population.csv")
        write_csv(path, count)
        size = path.stat().st_size
        print(
            f"simulate apprenticeship.case under two policies, {count:,} synthetic "
            f"apprentices from CSV ({size / count:.0f} B/row), one core "
            f"(medians of {REPEAT} runs):"
        )
        total = account(
            "the example reform (illustrative-reform.toml)",
            path,
            count,
            baseline,
            example,
        )
        account(
            "the online-hours share cut to 40 % for programmes from 2024-10-01",
            path,
            count,
            baseline,
            online_share,
        )
    projected = total * MILLION / 1e6
    verdict = "met" if projected <= TARGET_SECONDS else "not met"
    print(
        f"target 4: {MILLION:,} cases from CSV, two policies, one core: "
        f"{projected:.1f} s (target <= {TARGET_SECONDS:.0f} s): {verdict}"
    )


if __name__ == "__main__":
    main()
