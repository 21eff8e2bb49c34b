"""Functions to test rules and policy changes, without Hypothesis.

:func:`compare` evaluates a rule on the same cases under two policies and returns
the cases whose decision changed; the ``assert_…`` functions are ready-made
properties of a policy change (relaxes, tightens, unchanged outside a declared
scope, no retroactive change, amounts not decreased or not increased) or of one
policy's amounts (monotone in a field, capped).  Each returns its result or raises
:class:`AssertionError` with a report a reviewer can read, so they work in pytest,
in a notebook or in a script.

Each property speaks about some kind of case (:func:`assert_relaxes` about the
cases eligible under the baseline), and a call that saw none of them fails rather
than pass vacuously.  Every property has a one-case form, ``assert_case_…``, for
Hypothesis to shrink one case; inside a Hypothesis test a case the property does
not speak about is discarded, so a run that checked nothing fails.  An
:class:`OutcomeTally` counts what a property saw, by outcome.

:class:`Case`, :class:`Change`, :class:`Comparison`, :func:`compare`,
:func:`evaluate` and :func:`differences` are those of :mod:`skillchain.comparison`
(the same objects), re-exported here so a test imports everything from one place.

Hypothesis strategies for every public type, and ``cases()`` of a rule reaching
the outcome asked for, live in ``skillchain.testing.strategies`` (install the
``testing`` extra); this module imports no Hypothesis.
"""

from typing import TypeAlias

from skillchain import comparison as _comparison
from skillchain.comparison import (
    Case,
    Change,
    Comparison,
    compare,
    differences,
    evaluate,
)
from skillchain.testing._compare import (
    OutcomeTally,
    assert_amount_capped,
    assert_amount_monotone,
    assert_amount_not_decreased,
    assert_amount_not_increased,
    assert_case_amount_capped,
    assert_case_amount_monotone,
    assert_case_amount_not_decreased,
    assert_case_amount_not_increased,
    assert_case_no_retroactive_change,
    assert_case_relaxes,
    assert_case_tightens,
    assert_case_unchanged_outside,
    assert_no_retroactive_change,
    assert_relaxes,
    assert_tightens,
    assert_unchanged_outside,
)


CaseLike: TypeAlias = _comparison.CaseLike
"""One case for the functions here: a :class:`Case`, or a mapping of the rule's
keyword arguments plus ``on`` (the evaluation day), named ``case N`` by its place in
the list.  The same alias as :data:`skillchain.comparison.CaseLike`."""


__all__ = [
    "Case",
    "CaseLike",
    "Change",
    "Comparison",
    "OutcomeTally",
    "assert_amount_capped",
    "assert_amount_monotone",
    "assert_amount_not_decreased",
    "assert_amount_not_increased",
    "assert_case_amount_capped",
    "assert_case_amount_monotone",
    "assert_case_amount_not_decreased",
    "assert_case_amount_not_increased",
    "assert_case_no_retroactive_change",
    "assert_case_relaxes",
    "assert_case_tightens",
    "assert_case_unchanged_outside",
    "assert_no_retroactive_change",
    "assert_relaxes",
    "assert_tightens",
    "assert_unchanged_outside",
    "compare",
    "differences",
    "evaluate",
]
