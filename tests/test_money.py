"""Tests for yuan(), RoundingMode and Rounding."""

import decimal

from decimal import Decimal

import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import InvalidValueError, Rounding, RoundingMode, yuan
from skillchain.testing.strategies import amounts


# --- yuan ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5500, Decimal(5500)),
        (-12, Decimal(-12)),
        ("5500.00", Decimal("5500.00")),
        ("  -12.5 ", Decimal("-12.5")),
        ("+3", Decimal(3)),
        (".5", Decimal("0.5")),
        ("7.", Decimal(7)),
        (Decimal("0.10"), Decimal("0.10")),
    ],
)
def test_yuan_accepts_exact_amounts(
    value: Decimal | int | str, expected: Decimal
) -> None:
    """Decimals, ints and plain decimal strings become the same exact Decimal."""
    actual = yuan(value)
    assert isinstance(actual, Decimal)
    assert expected == actual
    assert str(expected) == str(actual)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (0.1, "got the float 0.1, which cannot represent yuan exactly"),
        (1.0, "got the float 1.0"),
        (True, "got the bool True"),
        (Decimal("NaN"), "got Decimal('NaN'), which is not a finite number"),
        (Decimal("-Infinity"), "got Decimal('-Infinity'), which is not a finite"),
        ("NaN", "'NaN' is not a plain decimal numeral"),
        ("Infinity", "'Infinity' is not a plain decimal numeral"),
        ("1e3", "'1e3' is not a plain decimal numeral"),
        ("1,000", "'1,000' is not a plain decimal numeral"),
        ("1_000", "'1_000' is not a plain decimal numeral"),
        ("５", "'５' is not a plain decimal numeral"),
        ("", "'' is not a plain decimal numeral"),
        ("¥12", "'¥12' is not a plain decimal numeral"),
        (None, "got a value of type NoneType"),
    ],
)
def test_yuan_rejects_inexact_or_non_numeric_values(
    value: object, problem: str
) -> None:
    """Floats, bools, NaN, infinities and non-numerals are rejected as 'amount'."""
    with pytest.raises(InvalidValueError, match=r"^amount: ") as info:
        yuan(value)  # type: ignore[arg-type]
    assert info.value.field == "amount"
    assert problem in info.value.problem
    assert "never a float" in info.value.expected


@given(amounts(min_value=-(10**9), max_value=10**9))
def test_yuan_round_trips_decimal_strings(amount: Decimal) -> None:
    """yuan(str(d)) == d for plain decimals."""
    assert amount == yuan(f"{amount:f}")


# --- RoundingMode and Rounding ------------------------------------------------------


def test_rounding_modes_map_to_decimal_constants() -> None:
    """Each mode is the decimal module's constant of the same name."""
    assert {mode.value: mode.decimal_rounding for mode in RoundingMode} == {
        "half_up": decimal.ROUND_HALF_UP,
        "half_even": decimal.ROUND_HALF_EVEN,
        "down": decimal.ROUND_DOWN,
        "up": decimal.ROUND_UP,
        "ceiling": decimal.ROUND_CEILING,
        "floor": decimal.ROUND_FLOOR,
    }


@pytest.mark.parametrize(
    ("mode", "positive", "negative"),
    [
        (RoundingMode.HALF_UP, "3", "-3"),
        (RoundingMode.HALF_EVEN, "2", "-2"),
        (RoundingMode.DOWN, "2", "-2"),
        (RoundingMode.UP, "3", "-3"),
        (RoundingMode.CEILING, "3", "-2"),
        (RoundingMode.FLOOR, "2", "-3"),
    ],
)
def test_rounding_two_and_a_half_to_the_yuan(
    mode: RoundingMode, positive: str, negative: str
) -> None:
    """2.5 and -2.5 round to the yuan as each mode says."""
    rounding = Rounding(Decimal(1), mode)
    assert Decimal(positive) == rounding.apply(Decimal("2.5"))
    assert Decimal(negative) == rounding.apply(Decimal("-2.5"))


def test_seven_twelfths_of_5500_to_the_fen() -> None:
    """5500 x 7 / 12 = 3208.3333... is 3208.33 to the fen (half up), 3208.34 up."""
    amount = Decimal(5500) * 7 / 12
    assert (
        str(Rounding(Decimal("0.01"), RoundingMode.HALF_UP).apply(amount)) == "3208.33"
    )
    assert str(Rounding(Decimal("0.01"), RoundingMode.UP).apply(amount)) == "3208.34"
    assert str(Rounding(Decimal(1), RoundingMode.HALF_UP).apply(amount)) == "3208"


@pytest.mark.parametrize(
    ("amount", "mode", "expected"),
    [
        ("0.125", RoundingMode.HALF_UP, "0.13"),
        ("0.125", RoundingMode.HALF_EVEN, "0.12"),
        ("0.135", RoundingMode.HALF_EVEN, "0.14"),
        ("-0.125", RoundingMode.HALF_UP, "-0.13"),
        ("19.999", RoundingMode.DOWN, "19.99"),
        ("0.001", RoundingMode.UP, "0.01"),
        ("-0.001", RoundingMode.HALF_UP, "0.00"),
        ("7", RoundingMode.HALF_UP, "7.00"),
    ],
)
def test_rounding_to_the_fen(amount: str, mode: RoundingMode, expected: str) -> None:
    """Hand-worked roundings to 0.01 yuan, including ties and a negative zero."""
    assert expected == str(Rounding(Decimal("0.01"), mode).apply(Decimal(amount)))


@pytest.mark.parametrize(
    ("quantum", "amount", "mode", "expected"),
    [
        ("10", "1234.5", RoundingMode.HALF_UP, "1230"),
        ("100", "1201", RoundingMode.CEILING, "1300"),
        ("1E+3", "1500", RoundingMode.HALF_EVEN, "2000"),
        ("1.0", "2.45", RoundingMode.HALF_UP, "2"),
        ("0.1", "2.45", RoundingMode.HALF_UP, "2.5"),
    ],
)
def test_rounding_to_other_powers_of_ten(
    quantum: str, amount: str, mode: RoundingMode, expected: str
) -> None:
    """Quanta of ten and above give plain integers; '1.0' is the same as '1'."""
    rounding = Rounding(Decimal(quantum), mode)
    assert expected == str(rounding.apply(Decimal(amount)))


def test_rounding_does_not_depend_on_the_decimal_context() -> None:
    """A low-precision ambient context neither loses digits nor raises."""
    big = Decimal("123456789012345678901234567890.125")
    rounding = Rounding(Decimal("0.01"), RoundingMode.HALF_EVEN)
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_UP)):
        assert str(rounding.apply(big)) == "123456789012345678901234567890.12"


@given(
    amounts(min_value=-(10**9), max_value=10**9, places=6),
    st.sampled_from(RoundingMode),
)
def test_rounding_agrees_with_decimal_quantize(
    amount: Decimal, mode: RoundingMode
) -> None:
    """apply equals Decimal.quantize with the mode and is within one quantum."""
    quantum = Decimal("0.01")
    rounded = Rounding(quantum, mode).apply(amount)
    expected = amount.quantize(quantum, rounding=mode.decimal_rounding)
    assert expected == rounded
    assert abs(rounded - amount) < quantum
    assert rounded.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("quantum", "problem"),
    [
        (Decimal("0.05"), "got Decimal('0.05'), which is not a positive power of ten"),
        (Decimal(2), "not a positive power of ten"),
        (Decimal(0), "not a positive power of ten"),
        (Decimal("-0.01"), "not a positive power of ten"),
        (Decimal("NaN"), "not a positive power of ten"),
        (Decimal("Infinity"), "not a positive power of ten"),
        (0.01, "got a value of type float, not a Decimal"),
        (1, "got a value of type int, not a Decimal"),
    ],
)
def test_rounding_rejects_quanta_that_are_not_powers_of_ten(
    quantum: object, problem: str
) -> None:
    """The quantum must be a positive power of ten given as a Decimal."""
    with pytest.raises(InvalidValueError, match=r"^quantum: ") as info:
        Rounding(quantum, RoundingMode.HALF_UP)  # type: ignore[arg-type]
    assert problem in info.value.problem
    assert "a positive power of ten as a Decimal" in info.value.expected


def test_rounding_rejects_a_mode_that_is_not_a_rounding_mode() -> None:
    """The mode must be a RoundingMode, not a decimal constant string."""
    with pytest.raises(InvalidValueError, match=r"^mode: got a value of type str"):
        Rounding(Decimal(1), decimal.ROUND_HALF_UP)  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [2.5, Decimal("NaN"), "2.5", 2])
def test_apply_rejects_anything_but_a_finite_decimal(amount: object) -> None:
    """apply takes only finite Decimals, so floats cannot slip in."""
    rounding = Rounding(Decimal(1), RoundingMode.HALF_UP)
    with pytest.raises(InvalidValueError, match=r"^amount: got "):
        rounding.apply(amount)  # type: ignore[arg-type]


# --- bounds: every amount, however given ---------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "999999999999999.99",
        "-999999999999999",
        "0." + "1" * 20,
        Decimal("999999999999999.12345678901234567890"),
        10**15 - 1,
        Decimal("5E+3"),
    ],
)
def test_yuan_accepts_amounts_within_the_bounds(value: Decimal | int | str) -> None:
    """Up to 15 digits before the point and 20 after it."""
    assert yuan(value) == Decimal(value)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("1234567890123456", "is not a plain decimal numeral with at most 15 digits"),
        ("0." + "1" * 21, "is not a plain decimal numeral with at most 15 digits"),
        (Decimal("1E+15"), "more than 15 digits before the decimal point"),
        (Decimal("1E+999999999"), "more than 15 digits before the decimal point"),
        (Decimal("1E-21"), "more than 20 digits after the decimal point"),
        (Decimal("-1E-999999999"), "more than 20 digits after the decimal point"),
        (10**15, "got an int with more than 15 digits"),
        pytest.param(10**5000, "got an int with more than 15", id="10**5000"),
    ],
)
def test_yuan_refuses_amounts_beyond_the_bounds(value: object, problem: str) -> None:
    """A huge or over-precise amount is refused at once, in a short message."""
    with pytest.raises(InvalidValueError, match=r"^amount: ") as info:
        yuan(value)  # type: ignore[arg-type]
    assert problem in info.value.problem
    assert len(str(info.value)) < 400


def test_rounding_refuses_an_amount_too_large_to_round() -> None:
    """1E+999999999 to the fen would need a billion digits: refused instead."""
    to_fen = Rounding(Decimal("0.01"), RoundingMode.HALF_UP)
    with pytest.raises(InvalidValueError, match="too large to round"):
        to_fen.apply(Decimal("1E+999999999"))
    assert to_fen.apply(Decimal("-1E-999999999")) == Decimal("0.00")
