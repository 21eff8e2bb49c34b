"""The library's own :mod:`decimal` context: results never depend on the caller's.

Python's decimal arithmetic rounds every result to the *current* context, which
belongs to whoever calls the library: a caller working under
``decimal.localcontext(prec=6)`` would otherwise see ``1234567.89 - 0.01`` come
out as ``1.23457E+6``.  Every rule, allocation and amount function therefore runs
under :data:`LIBRARY_CONTEXT`, installed for the duration of the call and removed
afterwards, so the caller's context is neither used nor changed.

The context has the precision and exponent range of IEEE 754 decimal128 (34
digits, exponents from -6143 to 6144), rounds half to even, and traps invalid
operations, division by zero and overflow, so a computation that cannot be
carried out exactly enough stops instead of producing NaN or infinity.  Amounts
read from input are bounded far below that range (see
:data:`skillchain._money.AMOUNT_DIGITS`), so a trap means a bug, not bad input.
"""

import decimal
import functools
import weakref

from collections.abc import Callable
from typing import Final, ParamSpec, TypeVar


__all__ = ["LIBRARY_CONTEXT", "in_library_context", "runs_in_library_context"]

P = ParamSpec("P")
R = TypeVar("R")

LIBRARY_CONTEXT: Final = decimal.Context(
    prec=34,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=6144,
    Emin=-6143,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The context every computation of the library runs under (never installed as is:
each call works on a fresh copy, so no caller can change it)."""

# The wrappers made here (weakly held: a wrapper of a discarded function goes too).
# Not an attribute on the wrapper: functools.wraps copies attributes to whatever
# wraps it in turn, which would then pass for a wrapper it is not.
_WRAPPERS: Final["weakref.WeakSet[Callable[..., object]]"] = weakref.WeakSet()

_get = decimal.getcontext
_set = decimal.setcontext
_template = LIBRARY_CONTEXT.copy


def in_library_context(function: Callable[P, R]) -> Callable[P, R]:
    """Make *function* compute under a fresh copy of :data:`LIBRARY_CONTEXT`.

    The caller's context is put back when the function returns or raises, so it is
    left exactly as it was.  Wrapping an already wrapped function returns it as it
    is, so wrapping twice costs nothing and keeps the function's identity.

    Example:
        >>> import decimal
        >>> from decimal import Decimal
        >>> @in_library_context
        ... def balance(entitled: Decimal, paid: Decimal) -> Decimal:
        ...     return entitled - paid
        >>> with decimal.localcontext(prec=6):
        ...     balance(Decimal("1234567.89"), Decimal("0.01"))
        Decimal('1234567.88')
    """
    if runs_in_library_context(function):
        return function

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        caller = _get()
        _set(_template())
        try:
            return function(*args, **kwargs)
        finally:
            _set(caller)

    _WRAPPERS.add(run)
    return run


def runs_in_library_context(function: object) -> bool:
    """Whether *function* was wrapped by :func:`in_library_context`."""
    try:
        return function in _WRAPPERS
    except TypeError:  # not weakly referable, so never one of ours
        return False
