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

from skillchain._errors import InvalidValueError
from skillchain._labels import LabelledEnum, set_labels


__all__ = [
    "Rounding",
    "RoundingMode",
    "yuan",
]

_DECIMAL_TEXT: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")

_AMOUNT_EXPECTED: Final = (
    "a Decimal, an int or a decimal string such as '5500' or '-12.50' "
    "(never a float, a bool, NaN or infinity)"
)


def yuan(value: Decimal | int | str) -> Decimal:
    """Return an amount of money in yuan as an exact :class:`~decimal.Decimal`.

    Strings are plain decimal numerals (optional sign, ASCII digits, optional
    decimal point); surrounding whitespace is ignored, exponents, thousands
    separators and underscores are not accepted.  The result keeps the exponent it
    was written with (``yuan("1.50")`` is ``Decimal('1.50')``).

    Args:
        value: The amount.

    Returns:
        The amount as a finite ``Decimal``.

    Raises:
        InvalidValueError: (field ``"amount"``) for a float, a bool, NaN, an
            infinity, or a string that is not a plain decimal numeral.

    Example:
        >>> from skillchain import yuan
        >>> yuan("5500.00")
        Decimal('5500.00')
        >>> yuan(3000)
        Decimal('3000')
        >>> yuan(0.1)
        Traceback (most recent call last):
        ...
        skillchain._errors.InvalidValueError: amount: got the float 0.1, which cannot represent yuan exactly; expected ...
    """
    raw: object = value
    if isinstance(raw, bool):
        problem = f"got the bool {raw}"
    elif isinstance(raw, float):
        problem = f"got the float {raw!r}, which cannot represent yuan exactly"
    elif isinstance(raw, int):
        return Decimal(raw)
    elif isinstance(raw, Decimal):
        if raw.is_finite():
            return raw
        problem = f"got {raw!r}, which is not a finite number"
    elif isinstance(raw, str):
        text = raw.strip()
        if _DECIMAL_TEXT.fullmatch(text):
            return Decimal(text)
        shown = raw if len(raw) <= 30 else raw[:27] + "..."
        problem = f"{shown!r} is not a plain decimal numeral"
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
_NORMALISED: dict[Decimal, tuple[Decimal, int]] = {}


def _normalised(quantum: Decimal) -> tuple[Decimal, int]:
    found = _NORMALISED.get(quantum)
    if found is None:
        normal = quantum.normalize()
        exponent = normal.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101 - finite by validation
        found = (normal, exponent)
        _NORMALISED[quantum] = found
    return found


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
                ``Decimal``.

        Example:
            >>> from decimal import Decimal
            >>> from skillchain import Rounding, RoundingMode
            >>> Rounding(Decimal("1"), RoundingMode.HALF_EVEN).apply(Decimal("2.5"))
            Decimal('2')
            >>> Rounding(Decimal("100"), RoundingMode.CEILING).apply(Decimal("1201"))
            Decimal('1300')
        """
        raw: object = amount
        if not isinstance(raw, Decimal) or not raw.is_finite():
            raise InvalidValueError(
                field="amount",
                problem=f"got {raw!r}",
                expected="a finite Decimal (use yuan() to make one)",
            )
        quantum, exponent = _normalised(self.quantum)
        # Enough precision for every digit of the result, whatever the context;
        # the common case (fewer than 28 digits) reuses one context per mode.
        digits = max(raw.adjusted(), 0) - min(exponent, 0) + 2
        context = (
            _CONTEXTS[self.mode]
            if digits <= _PRECISION
            else decimal.Context(prec=digits, rounding=self.mode.decimal_rounding)
        )
        rounded = raw.quantize(quantum, context=context)
        if exponent > 0:
            rounded = rounded.quantize(Decimal(1), context=context)
        # Rounding -0.4 up or down gives -0; an amount of nothing has no sign.
        return rounded.copy_abs() if rounded.is_zero() else rounded
