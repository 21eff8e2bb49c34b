"""The example population and policies the simulation tests share, and rules and views
for the tests of worker processes: importable, so they can be sent there.

A rule given to ``simulate(..., workers=N)`` as an object is pickled by reference
to its function, which the worker imports; a rule made inside a test function
cannot be.  These live at the top level of a module on the tests' path.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs

from skillchain import Decision, InvalidValueError, Policy
from skillchain._context import in_library_context
from skillchain.comparison import Change
from skillchain.rules import get_rule


_OVERLAYS = Path(__file__).parent.parent / "examples" / "overlays"
DIRECTORY = _OVERLAYS / "futian-occupation-directory.toml"
"""The example overlay of the district's occupation directory and online share."""
REFORM_FILE = _OVERLAYS / "illustrative-reform.toml"
"""The illustrative reform overlay."""
BUNDLED_CSV = (
    Path(__file__).parent.parent / "examples" / "population" / "apprentices-10000.csv"
)
"""The bundled population of 10 000 apprentices."""
BASELINE = Policy.default().overlay(Policy.from_files(DIRECTORY))
"""The bundled policy with the example directory laid over it."""
REFORM = BASELINE.overlay(Policy.from_files(REFORM_FILE))
"""The baseline with the illustrative reform laid over it."""
REFUND_6 = Policy.default().overlay(
    Policy.loads(
        """
[documents.example-refund]
title = "退回期限（示例）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."apprenticeship.settlement_refund_months"]
description_zh = "退回差额的期限（月）"
description_en = "Refund months"
unit = "months"
[[parameters."apprenticeship.settlement_refund_months".values]]
since = 2019-12-19
value = 6
document = "example-refund"
""",
        name="refund.toml",
    )
)
"""The bundled policy with an illustrative six-month refund period for settlements."""

_SETTLEMENT = get_rule("apprenticeship.settlement")


@in_library_context
def refuse_late_ends(
    entitlement: Decimal | None,
    prepaid: Decimal,
    training_end: date | None,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """The settlement rule, refusing a training end after 2025-06-30 (with an
    identity number in its message, which reports must mask)."""
    if training_end is not None and training_end > date(2025, 6, 30):
        raise InvalidValueError(
            field="training_end", problem="refused 440304199001010011", expected="x"
        )
    decision: Decision = _SETTLEMENT.function(
        entitlement, prepaid, training_end, on=on, policy=policy
    )
    return decision


REFUSING = attrs.evolve(_SETTLEMENT, function=refuse_late_ends)
"""``apprenticeship.settlement`` deciding with :func:`refuse_late_ends`."""


def record(change: Change) -> tuple[object, ...]:
    """What a test compares of a changed case (a view applied in the workers)."""
    return (
        change.case.name,
        change.case.on,
        change.baseline.outcome,
        change.reform.outcome,
        change.baseline.amount,
        change.reform.amount,
    )


def statistics_period(item: object) -> str | None:
    """A period for the statistics tests run on workers: 2020-2023 as one period."""
    from skillchain.statistics import spanning

    return spanning(2020, 2023)(item)
