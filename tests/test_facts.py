"""Tests for the shared fact reader behind case files and population files."""

from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum

import attrs
import cattrs
import pytest

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from skillchain import InvalidValueError
from skillchain._facts import (
    _format_exception,
    _structure_problems,
    fact_reader,
    json_shaped,
)
from skillchain.rules import get_rule


def shaped(value: object) -> tuple[object, list[tuple[str, str]]]:
    """json_shaped's result and the problems it reported."""
    problems: list[tuple[str, str]] = []
    result = json_shaped(value, "facts.x", lambda p, m: problems.append((p, m)))
    return result, problems


def test_json_shaped_turns_toml_values_into_json() -> None:
    """Dates become ISO strings; tables and arrays are walked with their paths."""
    assert shaped({"a": [date(2024, 1, 2), 3]}) == ({"a": ["2024-01-02", 3]}, [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (datetime(2024, 1, 2, 3, 4), "got a date and time"),
        (time(3, 4), "got a time of day"),
        (1.5, "write amounts as strings"),
    ],
)
def test_json_shaped_refuses_what_json_cannot_mean(value: object, message: str) -> None:
    """A date and time, a time of day and a float are problems at their path."""
    result, problems = shaped(value)
    assert result is None
    assert [p for p, _ in problems] == ["facts.x"]
    assert message in problems[0][1]


class Colour(Enum):
    """A small enum for the messages."""

    RED = "red"


@attrs.frozen
class Box:
    """A small record for cattrs' own errors."""

    size: int


def test_format_exception_words() -> None:
    """Each kind of error gets a plain sentence."""
    invalid = InvalidValueError(field="f", problem="bad", expected="good")
    assert _format_exception(invalid, None) == "f: bad; expected good"
    assert _format_exception(KeyError("x"), int) == "required, but not given"
    extra = ForbiddenExtraKeysError("", Box, {"b", "a"})
    assert _format_exception(extra, None) == "unknown keys: a, b"
    assert _format_exception(ValueError("no"), Colour) == 'expected one of "red"'
    assert _format_exception(ValueError("no"), date) == (
        "expected a date like 2024-01-31 (no)"
    )
    assert _format_exception(ValueError("no"), Decimal) == "no"
    assert _format_exception(ValueError("no"), int) == "expected int (no)"
    assert _format_exception(ValueError("no"), None) == "no"


def test_structure_problems_from_cattrs_and_others() -> None:
    """cattrs' own validation errors and plain errors become (path, message) pairs."""
    converter = cattrs.Converter(detailed_validation=True)
    with pytest.raises(ClassValidationError) as caught:
        converter.structure({"size": "x"}, Box)
    pairs = _structure_problems(caught.value, "facts.box")
    assert pairs == [
        ("facts.box.size", "expected int (invalid literal for int() with base 10: 'x')")
    ]
    assert _structure_problems(TypeError("odd"), "facts.y") == [("facts.y", "odd")]


def test_fact_reader_is_cached_per_rule() -> None:
    """The signature is read once per rule."""
    rule = get_rule("apprenticeship.settlement")
    reader = fact_reader(rule)
    assert reader is fact_reader(rule)
    assert reader.names == ("entitlement", "prepaid", "training_end")
    assert reader.nullable == frozenset({"entitlement", "training_end"})
