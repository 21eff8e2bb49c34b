"""Rules and views for the tests of worker processes: importable, so they can be sent there.

A rule given to ``simulate(..., workers=N)`` as an object is pickled by reference
to its function, which the worker imports; a rule made inside a test function
cannot be.  These live at the top level of a module on the tests' path.
"""

from datetime import date
from decimal import Decimal

import attrs

from skillchain import Decision, InvalidValueError, Policy
from skillchain._context import in_library_context
from skillchain.comparison import Change
from skillchain.rules import get_rule


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
