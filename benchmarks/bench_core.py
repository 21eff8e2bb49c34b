"""Benchmarks for the foundation: identifiers, policy resolution, decisions, catalogs.

Run with ``nox -s bench``.  Prints medians (microseconds) over repeated batches and
ratios between related operations; nothing here asserts a time.
"""

import statistics
import sys
import time

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources

from skillchain import (
    CreditCode,
    Decision,
    Finding,
    Policy,
    Provenance,
    ResidentId,
)
from skillchain.catalog._access import load_all_uncached
from skillchain.policy import BUNDLED_FILES


def median_us(func: Callable[[], object], *, number: int, repeat: int = 7) -> float:
    """Median over *repeat* batches of the per-call time of *func*, in microseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        for _ in range(number):
            func()
        samples.append((time.perf_counter_ns() - start) / number / 1000)
    return statistics.median(samples)


def main() -> None:
    """Run every benchmark and print a table."""
    results: dict[str, float] = {}

    results["ResidentId(...)"] = median_us(
        lambda: ResidentId("11010519491231002X"), number=20000
    )
    results["CreditCode(...)"] = median_us(
        lambda: CreditCode("91350100M000100Y43"), number=20000
    )

    data = resources.files("skillchain.policy") / "data"
    results["Policy.from_files(bundled)"] = median_us(
        lambda: Policy.from_files(*(data / n for n in BUNDLED_FILES)), number=20
    )
    policy = Policy.default()
    days = [date(2019, 1, 1) + timedelta(days=i) for i in range(3000)]
    fresh = iter(days * 10)

    def cold() -> None:
        policy._resolve(next(fresh))  # noqa: SLF001 - measuring the uncached path

    results["Policy.at(day), uncached"] = median_us(cold, number=2000)
    # Reads the document register and every bundled catalog file afresh (no cache).
    results["load all catalogs, uncached"] = median_us(load_all_uncached, number=5)
    warm_day = date(2024, 6, 1)
    policy.at(warm_day)
    results["Policy.at(day), cached"] = median_us(
        lambda: policy.at(warm_day), number=100000
    )

    snap = policy.at(warm_day).apprenticeship

    def decide() -> Decision:
        contract = snap.contract_min_months
        findings = [
            Finding(
                check=f"bench.check{i}",
                held=True,
                values=(("months", 24), ("minimum", contract.value)),
                citations=(contract.citation,) if contract.citation else (),
            )
            for i in range(7)
        ]
        return Decision.from_findings(
            rule="bench.rule",
            version="1",
            on=warm_day,
            findings=findings,
            provenance=Provenance.weakest(
                [p.provenance for p in (contract,) if p.provenance]
            ),
            policy_fingerprint=policy.fingerprint,
            amount=Decimal(7000),
        )

    results["Decision with 7 findings (build)"] = median_us(decide, number=20000)
    built = decide()
    results["Decision.explain('zh')"] = median_us(
        lambda: built.explain("zh"), number=5000
    )

    width = max(map(len, results))
    print(f"python {sys.version.split()[0]}; medians of 7 batches")
    for name, value in results.items():
        print(f"{name:<{width}}  {value:10.2f} µs")
    ratio = (
        results["Decision.explain('zh')"] / results["Decision with 7 findings (build)"]
    )
    print(f"explain / build ratio: {ratio:.1f}x (prose is paid only when asked for)")
    cache = results["Policy.at(day), uncached"] / results["Policy.at(day), cached"]
    print(f"uncached / cached Policy.at ratio: {cache:.0f}x")
    catalogs_ms = results["load all catalogs, uncached"] / 1000
    print(f"load all catalogs: {catalogs_ms:.1f} ms (budget 50 ms)")


if __name__ == "__main__":
    main()
