"""Hostile JSON into every structurable type, and what a rule does with what gets in.

Reproduces: a ``SimulationSummary`` whose ``baseline_total`` is ``"-1e-999999999"``
took 20 s and 5.9 GB to structure; an integer over 4 300 digits made ``structure()``
raise ``ValueError``; amounts such as ``"1e999999999"`` got in and overflowed in a
rule; dates on 9999-12-31 got in and made a rule raise ``OverflowError``.

The sizes are those that would take minutes (or all memory) if anything were
unbounded, so the suite's own running time is the time bound; no timing is asserted.
"""

import json
import re

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rule_cases import CASES
from skillchain import Decision, InputError, InvalidValueError
from skillchain._facts import fact_reader
from skillchain.cases import CaseFile
from skillchain.model import ApprenticeshipProgramme, LabourContract, SubsidyClaim
from skillchain.serialization import structure, unstructure
from skillchain.simulation import OutcomeCounts, SimulationSummary
from test_json_properties import TYPES


MESSAGE_LIMIT: Final = 10_000
"""No refusal, however hostile the input, says more than this many characters."""
BIG: Final = 10 * 1024 * 1024
"""Ten megabytes."""


def deep_list(depth: int) -> list[Any]:
    """``[[[…]]]`` nested *depth* times (built without recursion)."""
    top: list[Any] = []
    inner = top
    for _ in range(depth):
        nested: list[Any] = []
        inner.append(nested)
        inner = nested
    return top


def deep_object(depth: int) -> dict[str, Any]:
    """``{"a": {"a": …}}`` nested *depth* times."""
    top: dict[str, Any] = {}
    inner = top
    for _ in range(depth):
        nested: dict[str, Any] = {}
        inner["a"] = nested
        inner = nested
    return top


HOSTILE: Final[dict[str, object]] = {
    "deep array": deep_list(100_000),
    "deep object": deep_object(100_000),
    "huge int": 10**5000,
    "huge negative int": -(10**5000),
    "int past 2**53": 2**53,
    "10 MB of digits": "4" * BIG,
    "10 MB of text": "字" * BIG,
    "tiny exponent": "-1e-999999999",
    "huge exponent": "1E+999999999",
    "16-digit amount": "1234567890123456",
    "21 places": "0.123456789012345678901",
    "NaN": float("nan"),
    "infinity": float("inf"),
    "NaN text": "NaN",
    "last day": "9999-12-31",
    "first day": "0001-01-01",
    "year 10000": "10000-01-01",
    "no 29 February": "2023-02-29",
    "date and newline": "2024-02-29\n",
    "amount and newline": "5500.00\n",
    "negative count": -1,
    "float": 1.5,
    "true": True,
    "null": None,
    "empty array": [],
    "empty object": {},
    "huge key": {"k" * BIG: 1},
}


def field_names(cls: type) -> list[str]:
    """The JSON keys of *cls* (a Finding's too)."""
    if attrs.has(cls):
        return [a.alias for a in attrs.fields(cls) if a.init]
    return list(cls._fields)  # type: ignore[attr-defined]


def documents(cls: type, value: object) -> Iterator[object]:
    """*value* as the whole document, in an array, and as every key of *cls*."""
    yield value
    yield [value]
    yield dict.fromkeys(field_names(cls), value)


def refuse_or_build(cls: type, document: object) -> None:
    """structure() builds a *cls* or raises an InputError of bounded size."""
    refused: InputError | None = None
    built: object = None
    try:
        built = structure(document, cls)
    except InputError as error:
        refused = error
    if refused is None:
        assert isinstance(built, cls)
    else:
        assert refused.problems
        assert len(str(refused)) < MESSAGE_LIMIT
        assert len(repr(refused)) < MESSAGE_LIMIT


@pytest.mark.parametrize("what", sorted(HOSTILE))
@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_hostile_input_gives_only_input_errors(cls: type, what: str) -> None:
    """Every hostile value, anywhere in a document, is an InputError or a value."""
    for document in documents(cls, HOSTILE[what]):
        refuse_or_build(cls, document)


def test_the_summary_of_the_report_is_refused_at_once() -> None:
    """The exponent amount of the report is refused, naming the field."""
    summary = {
        "rule": "apprenticeship.case",
        "baseline_policy": "a",
        "reform_policy": "b",
        "cases": 0,
        "baseline": {},
        "reform": {},
        "transitions": [],
        "changed": 0,
        "changes": {},
        "baseline_total": "-1e-999999999",
        "reform_total": "0",
        "difference": "0",
    }
    with pytest.raises(InputError, match=r"baseline_total: expected an amount") as info:
        structure(summary, SimulationSummary)
    assert "no exponent" in str(info.value)


@pytest.mark.parametrize(
    "value",
    [10**5000, -(10**5000), 2**53, 10**16, 1e300],
    ids=["10**5000", "-10**5000", "2**53", "10**16", "1e300"],
)
def test_huge_integers_are_refused_and_not_printed(value: object) -> None:
    """An integer past the JSON range is refused; a huge one is described, not shown."""
    with pytest.raises(InputError, match=r"^invalid input") as info:
        structure({"eligible": value}, OutcomeCounts)
    assert len(str(info.value)) < 500


@pytest.mark.parametrize(
    ("cls", "document", "where"),
    [
        (OutcomeCounts, {"eligible": -1}, "eligible"),
        (
            SubsidyClaim,
            {"kind": "apprenticeship", "year": 2024, "amount": "-1"},
            "amount",
        ),
        (
            SubsidyClaim,
            {"kind": "apprenticeship", "year": 2024, "amount": "999999999999999.99"},
            None,
        ),
    ],
)
def test_negative_counts_and_amounts_are_refused_where_they_cannot_be(
    cls: type, document: dict[str, object], where: str | None
) -> None:
    """A count or an amount that cannot be negative is refused, naming its field."""
    if where is None:
        assert isinstance(structure(document, cls), cls)
        return
    with pytest.raises(InputError) as info:
        structure(document, cls)
    assert [p.path for p in info.value.problems] == [where]


def test_the_last_day_a_date_can_hold_is_a_date() -> None:
    """9999-12-31 and 0001-01-01 are read; a contract to the last day has its months."""
    contract = structure({"start": "9999-01-01", "end": "9999-12-31"}, LabourContract)
    assert contract.end == date.max
    assert contract.months == 12
    assert structure({"start": "0001-01-01"}, LabourContract).start == date.min


# -- deciding what structure() lets in ------------------------------------------

_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT: Final = re.compile(r"-?[0-9]+\.[0-9]+")
EDGE_DAYS: Final = (
    "9999-12-31",
    "9999-12-30",
    "9999-12-01",
    "9999-11-30",
    "9998-12-31",
    "0001-01-01",
    "0001-01-31",
    "0001-02-28",
)


@st.composite
def pushed(draw: st.DrawFn, value: object) -> object:
    """*value* (JSON) with dates pushed to the ends of the calendar, counts made
    negative or huge, and amounts made negative or as large as an amount may be."""
    if isinstance(value, dict):
        return {key: draw(pushed(item)) for key, item in value.items()}
    if isinstance(value, list):
        return [draw(pushed(item)) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return draw(st.sampled_from([value, -1, -value - 1, 0, 2**53 - 1]))
    if isinstance(value, str) and _DATE.fullmatch(value):
        return draw(st.sampled_from([value, *EDGE_DAYS]))
    if isinstance(value, str) and _AMOUNT.fullmatch(value):
        return draw(st.sampled_from([value, "-1", "0", "999999999999999.99"]))
    return value


def decide_or_refuse(case: CaseFile, facts: dict[str, object], on: date) -> None:
    """The rule decides, or refuses a value with InvalidValueError; nothing else."""
    refused: InvalidValueError | None = None
    decision: object = None
    try:
        decision = case.rule.function(**facts, on=on, policy=case.policy)
    except InvalidValueError as error:
        refused = error
    if refused is not None:
        assert len(str(refused)) < MESSAGE_LIMIT
        return
    assert isinstance(decision, Decision)
    assert decision.explain("en")
    assert decision.explain("zh")
    json.dumps(unstructure(decision))


@settings(
    max_examples=min(settings().max_examples * 3, 300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_whatever_structure_accepts_a_rule_decides(data: st.DataObject) -> None:
    """Example cases with dates at the calendar's ends and counts negative or huge:
    what structure() accepts, every rule decides or refuses with InvalidValueError."""
    case = data.draw(st.sampled_from(CASES), label="case")
    raw = {name: unstructure(value) for name, value in case.facts.items()}
    changed = data.draw(pushed(raw), label="facts")
    assert isinstance(changed, dict)
    problems: list[tuple[str, str]] = []
    facts = fact_reader(case.rule).structure(
        changed, "", lambda path, message: problems.append((path, message)), shape=False
    )
    if problems:
        return
    on = data.draw(
        st.sampled_from([case.on, date.max, date.min, date(9999, 12, 1)]), label="on"
    )
    decide_or_refuse(case, facts, on)


def test_a_level_application_worked_to_the_last_day() -> None:
    """Work recorded to 9999-12-31, judged on that day, is counted, not a crash."""
    chosen = [c for c in CASES if c.rule.id == "levels.application"]
    assert chosen
    for case in chosen:
        raw = {name: unstructure(value) for name, value in case.facts.items()}
        text = json.dumps(raw)
        text = _DATE.sub("9999-12-31", text)
        problems: list[tuple[str, str]] = []

        def report(
            path: str, message: str, found: list[tuple[str, str]] = problems
        ) -> None:
            found.append((path, message))

        facts = fact_reader(case.rule).structure(
            json.loads(text), "", report, shape=False
        )
        if not problems:
            decide_or_refuse(case, facts, date.max)


def test_a_programme_hours_amount_is_bounded_at_construction() -> None:
    """An amount out of bounds is an InvalidValueError naming the field."""
    programme = next(
        c.facts["enrolment"].programme  # type: ignore[attr-defined]
        for c in CASES
        if c.rule.id == "apprenticeship.case"
    )
    with pytest.raises(InvalidValueError, match="online_hours"):
        attrs.evolve(programme, online_hours=Decimal("1E+999999999"))
    assert isinstance(programme, ApprenticeshipProgramme)
