"""Functions to test rules and policy changes, without Hypothesis.

:func:`compare` evaluates a rule on the same cases under two policies and returns
the cases whose decision changed; the ``assert_…`` functions are ready-made
properties of a policy change (relaxes, tightens, unchanged outside a declared
scope, no retroactive change) or of one policy's amounts (monotone in a field,
capped).  Each returns its result or raises :class:`AssertionError` with a report a
reviewer can read, so they work in pytest, in a notebook or in a script.

:class:`Case`, :class:`Change`, :class:`Comparison`, :func:`compare`,
:func:`evaluate` and :func:`differences` are those of :mod:`skillchain.comparison`
(the same objects), re-exported here so a test imports everything from one place.

Hypothesis strategies for every public type live in
``skillchain.testing.strategies`` (install the ``testing`` extra); this module
imports no Hypothesis.
"""

from skillchain.comparison import (
    Case,
    CaseLike,
    Change,
    Comparison,
    compare,
    differences,
    evaluate,
)
from skillchain.testing._compare import (
    assert_amount_capped,
    assert_amount_monotone,
    assert_no_retroactive_change,
    assert_relaxes,
    assert_tightens,
    assert_unchanged_outside,
)


__all__ = [
    "Case",
    "CaseLike",
    "Change",
    "Comparison",
    "assert_amount_capped",
    "assert_amount_monotone",
    "assert_no_retroactive_change",
    "assert_relaxes",
    "assert_tightens",
    "assert_unchanged_outside",
    "compare",
    "differences",
    "evaluate",
]
