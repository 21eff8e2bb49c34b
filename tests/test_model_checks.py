"""Tests for the field checks shared by the model records (skillchain._checks)."""

from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import CreditCode, InvalidValueError, ResidentId
from skillchain._checks import (
    Check,
    calendar_year,
    day,
    decimal,
    fail,
    flag,
    frozenset_of,
    is_a,
    maybe,
    text,
    texts,
    tuple_of,
    whole,
    year_from,
)
from skillchain.model import (
    Certificate,
    Honour,
    InstitutionKind,
    ProfessionalTitle,
)
from skillchain.testing.strategies import resident_ids


@attrs.frozen(kw_only=True)
class Sample:
    """A record with one field per kind of check, all optional."""

    code: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    kind: InstitutionKind | None = attrs.field(
        default=None, validator=maybe(is_a(InstitutionKind))
    )
    name: str | None = attrs.field(default=None, validator=maybe(text))
    names: tuple[str, ...] = attrs.field(default=(), validator=texts)
    on: date | None = attrs.field(default=None, validator=maybe(day))
    known: bool | None = attrs.field(default=None, validator=flag)
    count: int | None = attrs.field(default=None, validator=maybe(whole(1)))
    year: int | None = attrs.field(default=None, validator=maybe(year_from(2022)))
    any_year: int | None = attrs.field(default=None, validator=maybe(calendar_year))
    amount: Decimal | None = attrs.field(default=None, validator=maybe(decimal()))
    hours: Decimal | None = attrs.field(
        default=None, validator=maybe(decimal(positive=True))
    )
    items: tuple[int, ...] = attrs.field(default=(), validator=tuple_of(int))
    tags: frozenset[str] = attrs.field(factory=frozenset, validator=frozenset_of(str))


def refusal(**fields: object) -> InvalidValueError:
    """Build a Sample from *fields* and return the error it raises."""
    with pytest.raises(InvalidValueError) as error:
        Sample(**fields)  # type: ignore[arg-type]
    return error.value


def test_a_valid_sample_builds() -> None:
    """Values of the right kinds pass every check."""
    sample = Sample(
        code=CreditCode("91350100M000100Y43"),
        kind=InstitutionKind.UNIVERSITY,
        name="某大学",
        names=("a", "b"),
        on=date(2024, 1, 1),
        known=False,
        count=1,
        year=2100,
        any_year=9999,
        amount=Decimal(0),
        hours=Decimal("0.5"),
        items=(0, 1),
        tags=frozenset({"x"}),
    )
    assert sample.kind is InstitutionKind.UNIVERSITY


def test_the_field_is_named_after_the_class_and_the_attribute() -> None:
    """Every check names ``Class.field`` without the call site repeating it."""
    error = refusal(count=0)
    assert (error.field, error.problem, error.expected) == (
        "Sample.count",
        "got 0",
        "an int of at least 1 or None",
    )


def test_fail_names_the_class_of_the_instance() -> None:
    """fail() raises for ``Class.field`` of the record it is given."""
    with pytest.raises(InvalidValueError) as error:
        fail(Sample(), "tags", "a problem", "a value")
    assert str(error.value) == "Sample.tags: a problem; expected a value"


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (is_a(CreditCode), "a CreditCode"),
        (is_a(InstitutionKind), "an InstitutionKind member"),
        (maybe(is_a(InstitutionKind)), "an InstitutionKind member or None"),
        (is_a(int, str, CreditCode), "an int, a str or a CreditCode"),
        (
            is_a(Honour, Certificate, expected="an Honour or a Certificate"),
            "an Honour or a Certificate",
        ),
        (tuple_of(ProfessionalTitle), "a tuple of ProfessionalTitle"),
        (maybe(tuple_of(int, str)), "a tuple of int or str or None"),
        (frozenset_of(InstitutionKind), "a frozenset of InstitutionKind"),
        (flag, "True, False or None (not known)"),
        (day, "a date (not a datetime)"),
        (text, "a non-blank str"),
        (texts, "a tuple of non-blank str"),
        (whole(0), "an int of at least 0"),
        (year_from(1949), "a year (int) from 1949 to 2100"),
        (calendar_year, "a year (int) from 1 to 9999"),
        (decimal(), "a finite Decimal of at least zero"),
        (decimal(positive=True), "a finite Decimal greater than zero"),
    ],
)
def test_what_each_check_expects(check: Check, expected: str) -> None:
    """The expectation is worded from the kinds; maybe() adds "or None"."""
    assert check.expected == expected


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"count": True}, "count", "got a value of type bool"),
        ({"year": False}, "year", "got a value of type bool"),
        ({"items": (1, True)}, "items", "item 1 is of type bool"),
        ({"known": 1}, "known", "got a value of type int"),
        ({"known": 0}, "known", "got a value of type int"),
    ],
)
def test_a_bool_is_never_an_int_nor_an_int_a_bool(
    fields: dict[str, object], field: str, problem: str
) -> None:
    """True is not a count or a year, and 1 or 0 is not a flag."""
    error = refusal(**fields)
    assert (error.field, error.problem) == (f"Sample.{field}", problem)


def test_a_datetime_is_not_a_date() -> None:
    """A datetime is refused with a hint, a date string by its type."""
    assert refusal(on=datetime(2024, 1, 1, 9)).problem == (
        "got a datetime (call .date() on it)"
    )
    assert refusal(on="2024-01-01").problem == "got a value of type str"


@pytest.mark.parametrize("value", ["", "   ", "\t\n"])
def test_blank_text_is_refused(value: str) -> None:
    """Empty and blank texts are refused; None stands for an unknown value."""
    assert refusal(name=value).problem == "got an empty or blank text"
    assert refusal(names=("a", value)).problem == "item 1 is blank"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"amount": Decimal(-1)}, "got -1"),
        ({"amount": Decimal("NaN")}, "got NaN"),
        ({"amount": Decimal("-Infinity")}, "got -Infinity"),
        ({"amount": 1.5}, "got a value of type float"),
        ({"amount": 2}, "got a value of type int"),
        ({"hours": Decimal(0)}, "got 0"),
        ({"year": 2021}, "got 2021"),
        ({"year": 2101}, "got 2101"),
        ({"any_year": 0}, "got 0"),
        ({"any_year": 10000}, "got 10000"),
    ],
)
def test_numbers_out_of_range_are_shown(
    fields: dict[str, object], problem: str
) -> None:
    """A number out of range is quoted (numbers are not personal data)."""
    assert refusal(**fields).problem == problem


def test_a_collection_of_the_wrong_kind_says_so() -> None:
    """A list for a tuple and a set for a frozenset are refused by their type."""
    assert refusal(items=[1]).problem == "got a value of type list"
    assert refusal(tags={"x"}).problem == "got a value of type set"
    assert refusal(names="ab").problem == "got a value of type str"


def test_a_tuple_names_its_first_bad_item_and_counts_them() -> None:
    """The first bad item is named by position, None plainly; the rest counted."""
    assert refusal(items=(1, None)).problem == "item 1 is None"
    assert refusal(items=(1, "2", 3.0)).problem == "item 1 is of type str (2 bad items)"


def test_a_frozenset_names_the_types_of_its_bad_items() -> None:
    """Bad item types are listed sorted, so the message does not depend on order."""
    assert refusal(tags=frozenset({"a", 1})).problem == "has an item of type int"
    assert refusal(tags=frozenset({1, 2.0, 3})).problem == (
        "has 3 bad items, of type float, int"
    )


def test_none_is_refused_where_a_value_is_required() -> None:
    """A required field given None says so, rather than naming NoneType."""
    with pytest.raises(InvalidValueError) as error:
        Honour(holder=None, key="k", title="t", awarded_on=date(2024, 1, 1))  # type: ignore[arg-type]
    assert (error.value.field, error.value.problem) == ("Honour.holder", "got None")


@given(resident_ids())
def test_no_check_ever_echoes_a_text_value(person: ResidentId) -> None:
    """A raw identity number given to any field is refused without being quoted."""
    raw = person.reveal()
    wrong: list[dict[str, object]] = [
        {"code": raw},
        {"kind": raw},
        {"on": raw},
        {"known": raw},
        {"count": raw},
        {"year": raw},
        {"amount": raw},
        {"items": (raw,)},
        {"items": raw},
        {"tags": frozenset({raw, 1})},
        {"names": (raw, " ")},
        {"names": [raw]},
    ]
    for fields in wrong:
        error = refusal(**fields)
        assert raw not in str(error), fields
        assert raw[6:14] not in str(error), fields


@given(st.text().filter(lambda s: not s.strip()))
def test_any_blank_text_is_refused(value: str) -> None:
    """Whatever whitespace a text is made of, a blank text is refused."""
    assert refusal(name=value).field == "Sample.name"
