"""Tests for JSON in and out through the shared converter."""

import json

from decimal import Decimal

import pytest

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from hypothesis import given, settings

from skillchain import CreditCode, DivisionCode, OccupationCode, ResidentId
from skillchain.model import ApprenticeEnrolment, Enterprise, Person
from skillchain.serialization import converter, make_converter, structure, unstructure
from strategies_people import enrolments, enterprises, persons


def through_json(obj: object) -> object:
    """Unstructure *obj* and send it through a JSON text and back."""
    return json.loads(json.dumps(unstructure(obj), ensure_ascii=False))


@settings(max_examples=50)
@given(enrolments())
def test_enrolments_round_trip_through_json(enrolment: ApprenticeEnrolment) -> None:
    """An enrolment (person, programme, contract, claims) survives JSON unchanged."""
    assert enrolment == structure(through_json(enrolment), ApprenticeEnrolment)


@settings(max_examples=50)
@given(enterprises())
def test_enterprises_round_trip_through_json(enterprise: Enterprise) -> None:
    """An enterprise survives JSON unchanged."""
    assert enterprise == structure(through_json(enterprise), Enterprise)


@settings(max_examples=50)
@given(persons())
def test_persons_round_trip_and_carry_the_full_number(person: Person) -> None:
    """Data out carries the identity number in full, so it can come back in."""
    data = unstructure(person)
    assert data["id"] == person.id.reveal()
    assert person == structure(data, Person)


def test_identifiers_and_amounts_are_plain_strings() -> None:
    """Codes are strings both ways; amounts are decimal strings."""
    assert unstructure(CreditCode("91350100M000100Y43")) == "91350100M000100Y43"
    assert structure("4-10-01-05", OccupationCode) == OccupationCode("4-10-01-05")
    assert structure("11010519491231002X", ResidentId).masked == "110105********002X"
    assert unstructure(Decimal("5500.00")) == "5500.00"
    assert structure("5500.00", Decimal) == Decimal("5500.00")
    assert structure(5500, Decimal) == Decimal(5500)


@pytest.mark.parametrize("bad", [0.1, True, "abc", "NaN", None])
def test_amounts_refuse_floats_and_non_numbers(bad: object) -> None:
    """A JSON float, a boolean or a non-number is never an amount."""
    with pytest.raises((TypeError, ValueError), match="expected an amount"):
        structure(bad, Decimal)


def test_codes_refuse_non_strings_and_bad_codes() -> None:
    """A number where a code belongs, or a malformed code, is refused."""
    with pytest.raises(TypeError, match="expected a string"):
        structure(440304, DivisionCode)
    with pytest.raises(ValueError, match="DivisionCode"):
        structure("999999", DivisionCode)


def test_make_converter_gives_an_independent_converter() -> None:
    """make_converter() returns a fresh converter configured the same way."""
    fresh = make_converter()
    assert fresh is not converter
    assert fresh.structure("440304", DivisionCode) == DivisionCode("440304")


def test_unknown_keys_are_refused() -> None:
    """A key the type does not have is an error, not silently dropped."""
    data = unstructure(Person(id=ResidentId("11010519491231002X")))
    data["nickname"] = "x"
    with pytest.raises(ClassValidationError) as info:
        structure(data, Person)
    (inner,) = info.value.exceptions
    assert isinstance(inner, ForbiddenExtraKeysError)
    assert inner.extra_fields == {"nickname"}
