"""Money: amounts in yuan as :class:`~decimal.Decimal`, and explicit rounding.

Amounts are never floats.  Arithmetic on amounts is exact (multiply first, divide
last) and rounding happens once, at the point a policy says it does, with the
quantum and mode that policy states.
"""

import decimal
import re

from decimal import Decimal
from typing import Final

import attrs

from skillchain._labels import LabelledEnum, set_labels
from skillchain._redact import shorten
from skillchain.errors import InvalidValueError


__all__ = [
    "AMOUNT_DIGITS",
    "AMOUNT_PLACES",
    "AMOUNT_TEXT",
    "Rounding",
    "RoundingMode",
    "amount_problem",
    "yuan",
]

AMOUNT_DIGITS: Final = 15
"""The most digits an amount has before the decimal point: every amount is below
10**15 yuan (a thousand trillion) in magnitude."""
AMOUNT_PLACES: Final = 20
"""The most digits an amount has after the decimal point."""
AMOUNT_TEXT: Final = (
    rf"[+-]?(?:[0-9]{{1,{AMOUNT_DIGITS}}}(?:\.[0-9]{{0,{AMOUNT_PLACES}}})?"
    rf"|\.[0-9]{{1,{AMOUNT_PLACES}}})"
)
"""What an amount written as text looks like: a plain decimal numeral with an
optional sign, at most :data:`AMOUNT_DIGITS` digits before the point and at most
:data:`AMOUNT_PLACES` after it, and no exponent (``"5500.00"``, ``"-12.5"``,
``".5"``)."""

_DECIMAL_TEXT: Final = re.compile(AMOUNT_TEXT)
_ROUNDED_DIGITS: Final = 34
"""The most digits before the point that :meth:`Rounding.apply` rounds (an exact
product of amounts and counts may exceed :data:`AMOUNT_DIGITS`)."""

_BOUNDS: Final = (
    f"at most {AMOUNT_DIGITS} digits before the decimal point and "
    f"{AMOUNT_PLACES} after it"
)
_AMOUNT_EXPECTED: Final = (
    "a Decimal, an int or a decimal string such as '5500' or '-12.50' with "
    f"{_BOUNDS} (never a float, a bool, NaN or infinity)"
)


def _shown(value: Decimal) -> str:
    # Format by hand: a huge exponent written out in full would be huge itself.
    return shorten(repr(value))


def amount_problem(value: Decimal) -> str | None:
    """What keeps a ``Decimal`` from being an amount, or ``None`` if it is one.

    An amount is finite, below ``10**AMOUNT_DIGITS`` in magnitude and has at most
    :data:`AMOUNT_PLACES` digits after the point (``Decimal("1.50")`` has two).
    The test reads the digits and the exponent only, so it costs the same for
    ``Decimal("1E+999999999")`` as for ``Decimal(1)`` and uses no decimal context.

    Example:
        >>> from decimal import Decimal
        >>> from skillchain._money import amount_problem
        >>> amount_problem(Decimal("5500.00")) is None
        True
        >>> amount_problem(Decimal("1E+15"))
        "got Decimal('1E+15'), which has more than 15 digits before the decimal point"
    """
    if not value.is_finite():
        return f"got {_shown(value)}, which is not a finite number"
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - finite
    if -exponent > AMOUNT_PLACES:
        return (
            f"got {_shown(value)}, which has more than {AMOUNT_PLACES} digits after "
            "the decimal point"
        )
    if not value.is_zero() and value.adjusted() >= AMOUNT_DIGITS:
        return (
            f"got {_shown(value)}, which has more than {AMOUNT_DIGITS} digits before "
            "the decimal point"
        )
    return None


_INT_LIMIT: Final = 10**AMOUNT_DIGITS


def yuan(value: Decimal | int | str) -> Decimal:
    """Return an amount of money in yuan as an exact :class:`~decimal.Decimal`.

    Strings are plain decimal numerals (optional sign, ASCII digits, optional
    decimal point); surrounding whitespace is ignored, exponents, thousands
    separators and underscores are not accepted.  The result keeps the exponent it
    was written with (``yuan("1.50")`` is ``Decimal('1.50')``).  Every amount is
    bounded, however it is given: at most 15 digits before the decimal point and
    20 after it, the same bounds as an amount read from JSON.

    Args:
        value: The amount.

    Returns:
        The amount as a finite ``Decimal``.

    Raises:
        InvalidValueError: (field ``"amount"``) for a float, a bool, NaN, an
            infinity, a string that is not a plain decimal numeral, or an amount
            beyond the bounds.

    Example:
        >>> from skillchain import yuan
        >>> yuan("5500.00")
        Decimal('5500.00')
        >>> yuan(3000)
        Decimal('3000')
        >>> yuan(0.1)
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: amount: got the float 0.1, which cannot represent yuan exactly; expected ...
    """
    raw: object = value
    if isinstance(raw, bool):
        problem = f"got the bool {raw}"
    elif isinstance(raw, float):
        problem = f"got the float {raw!r}, which cannot represent yuan exactly"
    elif isinstance(raw, int):
        if -_INT_LIMIT < raw < _INT_LIMIT:
            return Decimal(raw)
        problem = f"got an int with more than {AMOUNT_DIGITS} digits"
    elif isinstance(raw, Decimal):
        found = amount_problem(raw)
        if found is None:
            return raw
        problem = found
    elif isinstance(raw, str):
        text = raw.strip()
        if _DECIMAL_TEXT.fullmatch(text):
            return Decimal(text)
        shown = raw if len(raw) <= 30 else raw[:27] + "..."
        problem = (
            f"{shorten(repr(shown))} is not a plain decimal numeral with {_BOUNDS}"
        )
    else:
        problem = f"got a value of type {type(raw).__name__}"
    raise InvalidValueError(field="amount", problem=problem, expected=_AMOUNT_EXPECTED)


class RoundingMode(LabelledEnum):
    """How to round to a quantum; each mode is one of :mod:`decimal`'s.

    Example:
        >>> from skillchain import RoundingMode
        >>> RoundingMode("half_up").decimal_rounding
        'ROUND_HALF_UP'
    """

    HALF_UP = "half_up"
    """Round to nearest; ties away from zero (四舍五入)."""
    HALF_EVEN = "half_even"
    """Round to nearest; ties to the even neighbour (banker's rounding)."""
    DOWN = "down"
    """Round towards zero (truncate)."""
    UP = "up"
    """Round away from zero."""
    CEILING = "ceiling"
    """Round towards positive infinity."""
    FLOOR = "floor"
    """Round towards negative infinity."""

    @property
    def decimal_rounding(self) -> str:
        """The matching :mod:`decimal` constant, e.g. ``decimal.ROUND_HALF_UP``."""
        return _DECIMAL_ROUNDING[self]


set_labels(
    RoundingMode,
    {
        RoundingMode.HALF_UP: ("四舍五入", "half up"),
        RoundingMode.HALF_EVEN: ("四舍六入五成双", "half even"),
        RoundingMode.DOWN: ("向零舍入", "towards zero"),
        RoundingMode.UP: ("远离零进位", "away from zero"),
        RoundingMode.CEILING: ("向正无穷取整", "towards positive infinity"),
        RoundingMode.FLOOR: ("向负无穷取整", "towards negative infinity"),
    },
)

_DECIMAL_ROUNDING: Final = {
    RoundingMode.HALF_UP: decimal.ROUND_HALF_UP,
    RoundingMode.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    RoundingMode.DOWN: decimal.ROUND_DOWN,
    RoundingMode.UP: decimal.ROUND_UP,
    RoundingMode.CEILING: decimal.ROUND_CEILING,
    RoundingMode.FLOOR: decimal.ROUND_FLOOR,
}


def _check_quantum(_instance: object, _attribute: object, value: Decimal) -> None:
    raw: object = value
    if not isinstance(raw, Decimal):
        problem = f"got a value of type {type(raw).__name__}, not a Decimal"
    elif not raw.is_finite() or raw <= 0 or raw.normalize().as_tuple().digits != (1,):
        problem = f"got {raw!r}, which is not a positive power of ten"
    else:
        return
    raise InvalidValueError(
        field="quantum",
        problem=problem,
        expected="a positive power of ten as a Decimal, e.g. Decimal('0.01') or Decimal('1')",
    )


_PRECISION: Final = 28

EXACT: Final = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)
"""(internal) A context for amount arithmetic, whatever the caller's decimal context:
products of amounts, ratios and counts are exact at this precision, and a quotient
(by 12 months) is carried far beyond any rounding quantum before a policy's rounding
applies once."""
_CONTEXTS: Final = {
    mode: decimal.Context(prec=_PRECISION, rounding=rounding)
    for mode, rounding in _DECIMAL_ROUNDING.items()
}
# By the quantum's identity (a rounding rule's quantum lives as long as the rule;
# the entry holds it, so its id cannot be reused while the entry lives): hashing a
# Decimal costs more than rounding it.
_NORMALISED: dict[int, tuple[Decimal, Decimal, int]] = {}
_NORMALISED_LIMIT: Final = 256


def _normalised(quantum: Decimal) -> tuple[Decimal, int]:
    found = _NORMALISED.get(id(quantum))
    if found is None or found[0] is not quantum:
        normal = quantum.normalize()
        exponent = normal.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101 - finite by validation
        if len(_NORMALISED) >= _NORMALISED_LIMIT:
            _NORMALISED.clear()
        found = _NORMALISED[id(quantum)] = (quantum, normal, exponent)
    return found[1], found[2]


_ONE: Final = Decimal(1)
# What rounding with one rule needs, by the rule's identity (the entry holds the
# rule, so its id cannot be reused while the entry lives): the rule, its quantum
# normalised, the quantum's exponent, the mode's shared context, and the largest
# adjusted exponent of an amount that context rounds exactly.
_PLANS: dict[int, tuple["Rounding", Decimal, int, decimal.Context, int]] = {}


def _plan(
    rounding: "Rounding",
) -> tuple["Rounding", Decimal, int, decimal.Context, int]:
    quantum, exponent = _normalised(rounding.quantum)
    # digits = max(adjusted, 0) - min(exponent, 0) + 2 must stay within the context.
    largest = _PRECISION - 2 + min(exponent, 0)
    plan = (rounding, quantum, exponent, _CONTEXTS[rounding.mode], largest)
    if len(_PLANS) >= _NORMALISED_LIMIT:
        _PLANS.clear()
    _PLANS[id(rounding)] = plan
    return plan


def _check_mode(_instance: object, _attribute: object, value: RoundingMode) -> None:
    raw: object = value
    if not isinstance(raw, RoundingMode):
        raise InvalidValueError(
            field="mode",
            problem=f"got a value of type {type(raw).__name__}",
            expected="a RoundingMode, e.g. RoundingMode.HALF_UP",
        )


@attrs.frozen
class Rounding:
    """A rounding rule: a quantum and a mode.

    Args:
        quantum: The unit to round to, a positive power of ten: ``Decimal("0.01")``
            (to the fen), ``Decimal("1")`` (to the yuan), ``Decimal("100")``.
        mode: How to round.

    Raises:
        InvalidValueError: If ``quantum`` is not a positive power of ten given as a
            ``Decimal``, or ``mode`` is not a :class:`RoundingMode`.

    Example:
        >>> from decimal import Decimal
        >>> from skillchain import Rounding, RoundingMode
        >>> to_fen = Rounding(Decimal("0.01"), RoundingMode.HALF_UP)
        >>> to_fen.apply(Decimal(5500) * 7 / 12)
        Decimal('3208.33')
    """

    quantum: Decimal = attrs.field(validator=_check_quantum)
    """The unit to round to, a positive power of ten."""
    mode: RoundingMode = attrs.field(validator=_check_mode)
    """How ties and remainders are rounded."""

    def apply(self, amount: Decimal) -> Decimal:
        """Round an amount to the quantum with the mode.

        The result is exact decimal arithmetic, independent of the current
        :mod:`decimal` context, and has the quantum's exponent (for quanta of ten
        and above, exponent 0, so it prints without an exponent).

        Args:
            amount: A finite ``Decimal``.

        Returns:
            The rounded amount.

        Raises:
            InvalidValueError: (field ``"amount"``) if ``amount`` is not a finite
                ``Decimal``, or has more than 34 digits before the decimal point.

        Example:
            >>> from decimal import Decimal
            >>> from skillchain import Rounding, RoundingMode
            >>> Rounding(Decimal("1"), RoundingMode.HALF_EVEN).apply(Decimal("2.5"))
            Decimal('2')
            >>> Rounding(Decimal("100"), RoundingMode.CEILING).apply(Decimal("1201"))
            Decimal('1300')
        """
        raw: object = amount
        plan = _PLANS.get(id(self))
        if plan is None or plan[0] is not self:
            plan = _plan(self)
        _, quantum, exponent, context, largest = plan
        if type(raw) is Decimal and raw.is_finite() and raw.adjusted() <= largest:
            # The common case: few enough digits for the mode's shared context.
            rounded = raw.quantize(quantum, None, context)
            if exponent > 0:
                rounded = rounded.quantize(_ONE, None, context)
        else:
            rounded = self._apply_any(raw)
        # Rounding -0.4 up or down gives -0; an amount of nothing has no sign.
        return rounded.copy_abs() if rounded.is_zero() else rounded

    def _apply_any(self, raw: object) -> Decimal:
        """Round *raw* to the quantum, checking it and sizing the context to it (the
        sign of a zero result is left to :meth:`apply`)."""
        if not isinstance(raw, Decimal) or not raw.is_finite():
            raise InvalidValueError(
                field="amount",
                problem=f"got {shorten(repr(raw))}",
                expected="a finite Decimal (use yuan() to make one)",
            )
        if not raw.is_zero() and raw.adjusted() >= _ROUNDED_DIGITS:
            raise InvalidValueError(
                field="amount",
                problem=f"got {_shown(raw)}, which is too large to round",
                expected=(
                    f"a Decimal with at most {_ROUNDED_DIGITS} digits before the "
                    "decimal point"
                ),
            )
        quantum, exponent = _normalised(self.quantum)
        # Enough precision for every digit of the result, whatever the context.
        digits = max(raw.adjusted(), 0) - min(exponent, 0) + 2
        context = (
            _CONTEXTS[self.mode]
            if digits <= _PRECISION
            else decimal.Context(prec=digits, rounding=self.mode.decimal_rounding)
        )
        rounded = raw.quantize(quantum, None, context)
        if exponent > 0:
            rounded = rounded.quantize(_ONE, None, context)
        return rounded
