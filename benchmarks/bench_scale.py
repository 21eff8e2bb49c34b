"""Benchmark of simulation at scale: worker processes, memory, and a Dask cluster.

Run with ``nox -s bench`` (or ``python benchmarks/bench_scale.py [COUNT]``).  Writes
COUNT (default 200 000) synthetic apprentices with the example generator, then
simulates them through ``apprenticeship.case`` under the example baseline and the
illustrative reform:

* with one worker and with two (``simulate(path, workers=N)``), alternately, and
  prints the median wall times and the speed-up;
* in fresh processes, a quarter of the rows and all of them with two workers,
  printing the peak resident memory of the calling process and of the largest
  worker (``resource.getrusage``): flat memory means the two are about equal;
* on a ``dask.distributed.LocalCluster`` of one and of two worker processes
  (skipped without ``skillchain[dask]``).

The figures are wall times on a shared machine: compare the ratios, which are
measured in the same run.  Nothing here asserts a time.
"""

import functools
import importlib
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from collections.abc import Callable
from pathlib import Path
from typing import Any

from skillchain import Policy
from skillchain.cluster import simulate_on_cluster
from skillchain.rules import CASE_RULE
from skillchain.simulation import SimulationSummary, simulate


ROOT = Path(__file__).resolve().parent.parent
OVERLAYS = ROOT / "examples" / "overlays"
COUNT = 200_000
REPEAT = 3
SPEED_UP_TARGET = 1.8
MIB = 1024  # ru_maxrss is in KiB on Linux


def policies() -> tuple[Policy, Policy]:
    """The example baseline and the illustrative reform."""
    baseline = Policy.default().overlay(
        Policy.from_files(OVERLAYS / "futian-occupation-directory.toml")
    )
    return baseline, baseline.overlay(
        Policy.from_files(OVERLAYS / "illustrative-reform.toml")
    )


def write_csv(path: Path, count: int) -> None:
    """Write *count* synthetic apprentices with the example generator script.

    In a process of its own: the generator holds every row, and a process started
    later from a large one would report its size as part of its peak.
    """
    generator = ROOT / "examples" / "population" / "generate.py"
    subprocess.run(  # noqa: S603 - the project's own script
        [sys.executable, str(generator), str(count), "--out", str(path)],
        check=True,
        capture_output=True,
    )


def peak_kib() -> int:
    """This process's peak resident memory in KiB.

    Linux's ``VmHWM`` counts this program only; ``ru_maxrss`` may also count the
    process this one was started from.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_seconds(who: int) -> float:
    """The processor time (user and system) of this process or of its ended children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def head(source: Path, target: Path, rows: int) -> None:
    """Copy the header and the first *rows* rows of *source* to *target*."""
    with source.open("rb") as given, target.open("wb") as kept:
        for _ in range(rows + 1):
            kept.write(given.readline())


def timed(run: Callable[[], SimulationSummary]) -> tuple[float, SimulationSummary]:
    """The wall time of *run* in seconds, and its summary."""
    start = time.perf_counter_ns()
    summary = run()
    return (time.perf_counter_ns() - start) / 1e9, summary


def local(path: Path, workers: int) -> SimulationSummary:
    """*path* simulated with *workers* local processes."""
    baseline, reform = policies()
    return simulate(
        path, rule=CASE_RULE, baseline=baseline, reform=reform, workers=workers
    )


def memory_child(path: str, workers: int) -> None:
    """In a fresh process: simulate, then print the peak memory (KiB) as JSON."""
    summary = local(Path(path), workers)
    own = peak_kib()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"cases": summary.cases, "self": own, "children": children}))


def peak(path: Path, workers: int) -> dict[str, int]:
    """The peak memory of a fresh process simulating *path*, and of its workers."""
    done = subprocess.run(  # noqa: S603 - this script, this interpreter
        [sys.executable, __file__, "--memory", str(path), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def bench_workers(path: Path, count: int) -> SimulationSummary:
    """Workers 1 and 2, alternately; print the medians and the speed-up.

    With two workers, the calling process decides parts and one more process
    does too; the processor time of each says what two free cores would give
    (the one-worker time over the busier process's), which a shared machine's
    wall clock may hide.
    """
    local(path, 2)  # start-up of a first pool (imports, caches on disk)
    one: list[float] = []
    two: list[float] = []
    own: dict[int, list[float]] = {1: [], 2: []}
    other: list[float] = []
    summaries = []
    for _ in range(REPEAT):
        for workers, times in ((1, one), (2, two)):
            mine = cpu_seconds(resource.RUSAGE_SELF)
            theirs = cpu_seconds(resource.RUSAGE_CHILDREN)
            seconds, summary = timed(functools.partial(local, path, workers))
            own[workers].append(cpu_seconds(resource.RUSAGE_SELF) - mine)
            if workers == 2:
                other.append(cpu_seconds(resource.RUSAGE_CHILDREN) - theirs)
            times.append(seconds)
            summaries.append(summary)
    same = all(summary == summaries[0] for summary in summaries)
    first, second = statistics.median(one), statistics.median(two)
    alone = statistics.median(own[1])
    mine, theirs = statistics.median(own[2]), statistics.median(other)
    print(
        f"  workers=1: {first:6.1f} s  {count / first:9,.0f} cases/s  "
        f"processor time {alone:5.1f} s"
    )
    print(
        f"  workers=2: {second:6.1f} s  {count / second:9,.0f} cases/s  "
        f"processor time {mine:5.1f} s here + {theirs:5.1f} s in the other "
        f"({(mine + theirs) / alone - 1:+.0%} in all)"
    )
    ratio = first / second
    verdict = "met" if ratio >= SPEED_UP_TARGET else "not met"
    print(
        f"target 5: workers=2 speed-up {ratio:.2f}x "
        f"(target >= {SPEED_UP_TARGET}x): {verdict}; identical summaries: "
        f"{'yes' if same else 'NO'}"
    )
    free = alone / max(mine, theirs)
    print(
        f"  on two free cores (one worker's processor time over the busier "
        f"process's): {free:.2f}x"
    )
    return summaries[0]


def bench_memory(path: Path, count: int, folder: Path) -> None:
    """Peak memory at a quarter of the rows and at all of them, two workers."""
    quarter = folder / "quarter.csv"
    head(path, quarter, count // 4)
    small = peak(quarter, 2)
    large = peak(path, 2)
    for label, found in ((f"{count // 4:,} rows", small), (f"{count:,} rows", large)):
        print(
            f"  {label:>13}: parent peak {found['self'] / MIB:6.1f} MiB, "
            f"largest worker peak {found['children'] / MIB:6.1f} MiB"
        )
    parent = large["self"] / small["self"]
    worker = large["children"] / max(small["children"], 1)
    verdict = "met" if max(parent, worker) < 1.25 else "not met"
    print(
        f"target 5: memory flat: 4x the rows, parent {parent:.2f}x, "
        f"worker {worker:.2f}x (flat: under 1.25x): {verdict}"
    )


def bench_dask(path: Path, count: int, expected: SimulationSummary) -> None:
    """A LocalCluster of one and of two worker processes."""
    if importlib.util.find_spec("distributed") is None:
        print("target 6: Dask not installed (pip install 'skillchain[dask]'): skipped")
        return
    distributed: Any = importlib.import_module("distributed")
    baseline, reform = policies()
    seconds: dict[int, float] = {}
    same = True
    for workers in (1, 2):
        start = time.perf_counter()
        with (
            distributed.LocalCluster(
                n_workers=workers,
                processes=True,
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address=":0",
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            started = time.perf_counter() - start

            def run(client: object = client) -> SimulationSummary:
                return simulate_on_cluster(
                    path,
                    rule=CASE_RULE,
                    baseline=baseline,
                    reform=reform,
                    client=client,
                )

            runs = []
            for _ in range(2):
                took, summary = timed(run)
                runs.append(took)
                same = same and summary == expected
        seconds[workers] = min(runs)
        print(
            f"  LocalCluster, {workers} worker{'s' if workers > 1 else ''}: "
            f"{seconds[workers]:6.1f} s  {count / seconds[workers]:9,.0f} cases/s "
            f"(cluster start {started:.1f} s)"
        )
    print(
        f"target 6: Dask LocalCluster 2 workers vs 1: "
        f"{seconds[1] / seconds[2]:.2f}x; identical to the local run: "
        f"{'yes' if same else 'NO'}"
    )


def main() -> None:
    """Write the population and run the benchmarks."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "population.csv"
        write_csv(path, count)
        print(
            f"simulate apprenticeship.case, {count:,} synthetic apprentices from CSV "
            f"({path.stat().st_size / 2**20:.0f} MiB), two policies "
            f"(median of {REPEAT}, workers alternated):"
        )
        expected = bench_workers(path, count)
        bench_memory(path, count, folder)
        bench_dask(path, count, expected)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--memory":
        memory_child(sys.argv[2], int(sys.argv[3]))
    else:
        main()
