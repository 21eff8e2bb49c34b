"""Memory stays flat whatever the days a population is decided on.

A population whose every row has its own evaluation day must not cost more memory
than one whose rows share a day: the policy's per-day caches are bounded.
"""

import gc
import tracemalloc

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources

from skillchain import Policy
from skillchain.policy import BUNDLED_FILES
from skillchain.simulation import simulate
from skillchain.testing import Case


ROWS = 4_000
RULE = "apprenticeship.settlement"
REFORM = """
[documents.draft]
title = "示例草案"
issuers = ["示例"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.settlement_refund_months"]
description_zh = "超额预拨资金退回期限"
description_en = "Months to refund an over-prepayment"
unit = "months"

[[parameters."apprenticeship.settlement_refund_months".values]]
since = 2024-01-01
value = 1
document = "draft"
"""


def fresh_policies() -> tuple[Policy, Policy]:
    """A baseline and a reform nobody has resolved any day of yet."""
    data = resources.files("skillchain.policy") / "data"
    baseline = Policy.from_files(*(data / name for name in BUNDLED_FILES))
    return baseline, baseline.overlay(Policy.loads(REFORM, name="draft.toml"))


def population(*, own_days: bool) -> Iterator[Case]:
    """ROWS settlement cases, each on its own day or all on one day."""
    start = date(2016, 1, 1)
    for index in range(ROWS):
        day = start + timedelta(days=index if own_days else 0)
        yield Case(
            name=f"row {index}",
            on=day,
            facts={
                "entitlement": Decimal("28000.00"),
                "prepaid": Decimal(index % 400) * 100,
                "training_end": day - timedelta(days=30),
            },
        )


def peak(*, own_days: bool) -> int:
    """The peak traced memory of simulating the population on freshly loaded policies.

    The policies are loaded first and count as the base the peak grows from, so
    any memory the decisions keep shows up in the figure.
    """
    gc.collect()
    tracemalloc.start()
    try:
        baseline, reform = fresh_policies()
        tracemalloc.reset_peak()
        summary = simulate(
            population(own_days=own_days), rule=RULE, baseline=baseline, reform=reform
        )
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.cases == ROWS
    return top


def test_a_population_with_a_day_per_row_keeps_memory_flat() -> None:
    """Peak memory with a day per row is within 1.5 times that of a one-day population."""
    peak(own_days=False)  # what is built once per process is not counted below
    one_day = peak(own_days=False)
    every_day = peak(own_days=True)
    assert every_day <= 1.5 * one_day, (one_day, every_day)
