"""Benchmark of import time: whole interpreters, run in alternation.

Run with ``nox -s bench``.  Each statement runs in a fresh interpreter
(``python -c ...``), every statement once per round in a rotating order, for
``SKILLCHAIN_BENCH_IMPORT_ROUNDS`` rounds (default 15); the medians of the wall
times are printed.  The interpreter's own start-up (the median of ``python -c
pass``) is subtracted from both sides of each ratio.  Every process reads compiled
bytecode: the statements run once first with a private bytecode cache, so a
machine that sets ``PYTHONDONTWRITEBYTECODE`` does not charge the package (an
editable install) with compiling its sources while the dependencies' bytecode is
already compiled.  Nothing here asserts a time.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


DEPENDENCIES = (
    "import attrs, cattrs, dateutil.relativedelta, stdnum.cn.ric, stdnum.cn.uscc"
)
STATEMENTS = {
    "python alone": "pass",
    "the dependencies": DEPENDENCIES,
    "import skillchain": "import skillchain",
    "import skillchain.rules": "import skillchain.rules",
    "from skillchain.rules import apprentice_case": (
        "from skillchain.rules import apprentice_case"
    ),
    "import skillchain.rules; rules()": (
        "import skillchain.rules; skillchain.rules.rules()"
    ),
}
RATIO_TARGET = 1.3
ADDED_TARGET_MS = 10.0


def run_once(statement: str, env: dict[str, str]) -> float:
    """Wall time of a fresh interpreter running *statement*, in milliseconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True, env=env)  # noqa: S603 - fixed statements
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Measure every statement and print medians and the target-7 lines."""
    rounds = int(os.environ.get("SKILLCHAIN_BENCH_IMPORT_ROUNDS", "15"))
    with tempfile.TemporaryDirectory(prefix="skillchain-bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        names = list(STATEMENTS)
        for name in names:  # compile once, so every measured run reads bytecode
            run_once(STATEMENTS[name], env)
            run_once(STATEMENTS[name], env)
        samples: dict[str, list[float]] = {name: [] for name in names}
        for index in range(rounds):
            shift = index % len(names)
            for name in names[shift:] + names[:shift]:
                samples[name].append(run_once(STATEMENTS[name], env))
    medians = {name: statistics.median(times) for name, times in samples.items()}
    start_up = medians["python alone"]
    print(f"import time: {rounds} rounds of fresh interpreters, medians (ms)")
    for name in names:
        extra = (
            ""
            if name == "python alone"
            else f"  ({medians[name] - start_up:.1f} after start-up)"
        )
        print(f"  {name:<46} {medians[name]:7.1f}{extra}")
    print(
        "Ratios subtract the median start-up of `python -c pass` "
        f"({start_up:.1f} ms) from both sides."
    )
    deps = medians["the dependencies"] - start_up
    for name in names[2:]:
        print(
            f"  {name:<46} {(medians[name] - start_up) / deps:5.2f}x the dependencies"
        )
    ratio = (medians["import skillchain"] - start_up) / deps
    added = medians["import skillchain.rules"] - medians["import skillchain"]
    print(
        f"target 7: import skillchain {ratio:.2f}x the dependencies "
        f"(target <= {RATIO_TARGET}x): {'met' if ratio <= RATIO_TARGET else 'not met'}"
    )
    print(
        f"import skillchain.rules adds {added:.1f} ms (target <= "
        f"{ADDED_TARGET_MS:.0f} ms): {'met' if added <= ADDED_TARGET_MS else 'not met'}"
    )


if __name__ == "__main__":
    main()
