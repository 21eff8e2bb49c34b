"""Tests for JSON in and out through the shared converter."""

import json

from datetime import date
from decimal import Decimal
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from hypothesis import given, settings

from skillchain import (
    Citation,
    CreditCode,
    Decision,
    DivisionCode,
    Finding,
    InputError,
    InputProblem,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    Enterprise,
    LabourContract,
    Person,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    SubsidyClaim,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.serialization import (
    converter,
    json_schema,
    make_converter,
    structure,
    unstructure,
)
from skillchain.testing.strategies import enrolments, enterprises, persons


ID = "11010519491231002X"
WRONG_CHECK = "110105194912310021"
FUTIAN_DOC = "sz-2019-11"


def through_json(obj: object) -> Any:
    """Unstructure *obj* and send it through a JSON text and back."""
    return json.loads(json.dumps(unstructure(obj), ensure_ascii=False))


def problems_of(data: object, cls: type) -> list[tuple[str, str]]:
    """The (path, message) pairs of the InputError that structuring *data* raises."""
    with pytest.raises(InputError) as info:
        structure(data, cls)
    return [(p.path, p.message) for p in info.value.problems]


def a_decision() -> Decision:
    """A decision whose findings use every kind of fact value and a citation."""
    policy = Policy.default()
    register_id = next(iter(policy.documents))
    return Decision(
        rule="demo.rule",
        version="1",
        on=date(2024, 6, 1),
        outcome=Outcome.INELIGIBLE,
        findings=(
            Finding(
                check="demo.values",
                held=False,
                values=(
                    ("months", 6),
                    ("name", "电工"),
                    ("open", True),
                    ("nothing", None),
                    ("share", Decimal("0.50")),
                    ("day", date(2023, 8, 15)),
                    ("level", SkillLevel.ADVANCED),
                    ("district", DivisionCode("440304")),
                    ("occupation", OccupationCode("6-31-01-03")),
                    ("employer", CreditCode("91350100M000100Y43")),
                ),
                citations=(policy.citation(register_id, "第三条"),),
            ),
            Finding(check="demo.unknown", held=None, missing=("contract.end",)),
        ),
        provenance=Provenance.SECONDARY,
        policy_fingerprint="ab" * 32,
        amount=None,
    )


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
    assert structure(ID, ResidentId).masked == "110105********002X"
    assert unstructure(Decimal("5500.00")) == "5500.00"
    assert structure("5500.00", Decimal) == Decimal("5500.00")
    assert structure(5500, Decimal) == Decimal(5500)
    assert structure(5500.0, Decimal) == Decimal(5500)


@pytest.mark.parametrize("bad", [0.1, True, "abc", "NaN", "1_000", " 1", None, []])
def test_amounts_refuse_floats_and_non_numbers(bad: object) -> None:
    """A fractional JSON float, a boolean or a non-number is never an amount."""
    ((path, message),) = problems_of(bad, Decimal)
    assert path == ""
    assert message.startswith(
        'expected an amount written as a string such as "5500.00"'
    )


@pytest.mark.parametrize(
    ("bad", "shown"), [(True, "true"), ("1", '"1"'), (1.5, "1.5"), (None, "null")]
)
def test_integers_are_not_coerced(bad: object, shown: str) -> None:
    """A year given as a string, a boolean or a fraction is refused, not converted."""
    assert problems_of(bad, int) == [("", f"expected an integer, got {shown}")]


def test_strings_and_booleans_are_not_coerced() -> None:
    """Nothing is turned into a string or a boolean behind the sender's back."""
    assert problems_of(5, str) == [("", "expected a string, got 5")]
    assert problems_of("yes", bool) == [("", 'expected true or false, got "yes"')]
    assert problems_of(0, bool) == [("", "expected true or false, got 0")]


def test_dates_are_iso_calendar_dates_only() -> None:
    """Only YYYY-MM-DD is a date; an impossible day or another layout is refused."""
    assert structure("2024-02-29", date) == date(2024, 2, 29)
    assert unstructure(date(2024, 1, 31)) == "2024-01-31"
    for bad, shown in (("2024-13-01", '"2024-13-01"'), ("20240131", '"20240131"')):
        assert problems_of(bad, date) == [
            ("", f"expected a date like 2024-01-31, got {shown}")
        ]


def test_enums_travel_by_value_and_list_their_values_when_wrong() -> None:
    """An enum is its value; a wrong value is answered with the list of values."""
    assert unstructure(Outcome.ELIGIBLE) == "eligible"
    assert structure("undetermined", Outcome) is Outcome.UNDETERMINED
    assert problems_of("ELIGIBLE", Outcome) == [
        ("", 'expected one of "eligible", "ineligible", "undetermined", got "ELIGIBLE"')
    ]


def test_codes_refuse_non_strings_and_bad_codes() -> None:
    """A number where a code belongs, or a malformed code, is refused."""
    assert problems_of(440304, DivisionCode) == [
        ("", 'expected a division code like "440304", got 440304')
    ]
    ((path, message),) = problems_of("999999", DivisionCode)
    assert path == ""
    assert "999999" in message


def test_make_converter_gives_an_independent_converter() -> None:
    """make_converter() returns a fresh converter configured the same way."""
    fresh = make_converter()
    assert fresh is not converter
    assert fresh.structure("440304", DivisionCode) == DivisionCode("440304")
    with pytest.raises(InputError):
        fresh.structure("4403", DivisionCode)


def test_unknown_keys_are_refused_with_a_suggestion() -> None:
    """A key the type does not have is an error, not silently dropped."""
    data = unstructure(Person(id=ResidentId(ID)))
    data["nmae"] = "x"
    ((path, message),) = problems_of(data, Person)
    assert path == "nmae"
    assert message == (
        'unknown key (did you mean "name"?); a Person has no such key '
        "(its JSON Schema lists the 10 keys it takes)"
    )


def test_every_problem_is_listed_with_its_json_path() -> None:
    """One InputError lists all problems, nested paths written the JSON way."""
    data = through_json(
        ApprenticeEnrolment(
            person=Person(id=ResidentId(ID)),
            programme=next_programme(),
            contract=LabourContract(start=date(2024, 1, 1), end=date(2026, 12, 31)),
        )
    )
    data["contract"]["end"] = "2024-13-01"
    data["programme"]["planned_months"] = "12"
    data["programme"]["institution"]["kind"] = "college"
    del data["programme"]["start"]
    data["person"]["insurance"] = [{"division": "440304"}]
    data["extra key"] = 1
    found = problems_of(data, ApprenticeEnrolment)
    paths = [path for path, _ in found]
    assert (
        "contract.end",
        'expected a date like 2024-01-31, got "2024-13-01"',
    ) in found
    assert ("programme.planned_months", 'expected an integer, got "12"') in found
    assert "programme.institution.kind" in paths
    assert (
        "programme.start",
        "required key is missing (a date like 2024-01-31)",
    ) in found
    assert "person.insurance[0].period" in paths
    assert '["extra key"]' in paths
    assert len(found) == 6


def next_programme() -> ApprenticeshipProgramme:
    """A valid programme, built from JSON as a district system would send it."""
    return structure(
        {
            "enterprise": "91350100M000100Y43",
            "institution": {"name": "深圳技师学院", "kind": "technical_school"},
            "occupation": "6-31-01-03",
            "target_level": "advanced",
            "start": "2024-03-01",
            "planned_months": 12,
            "modes": ["work_study_alternation"],
            "status": "in_training",
        },
        ApprenticeshipProgramme,
    )


def test_cross_field_errors_point_at_the_field() -> None:
    """An invariant checked after construction still names its field."""
    found = problems_of({"start": "2024-02-01", "end": "2024-01-01"}, LabourContract)
    ((path, message),) = found
    assert path == "end"
    assert "before it starts on 2024-02-01" in message


def test_identity_numbers_are_masked_in_every_message() -> None:
    """A wrong identity number, or one put where it does not belong, is masked."""
    found = problems_of({"id": WRONG_CHECK, "name": 110105194912310021}, Person)
    text = str(InputError(InputProblem(path=p, message=m) for p, m in found))
    assert WRONG_CHECK not in text
    assert "110105********0021" in text
    found = problems_of({"id": ID, ID: "x"}, Person)
    assert all(ID not in path and ID not in message for path, message in found)


def test_a_decision_round_trips_with_its_typed_fact_values() -> None:
    """Every kind of fact value comes back with its type; citations by register id."""
    decision = a_decision()
    data = through_json(decision)
    assert structure(data, Decision) == decision
    values = dict(data["findings"][0]["values"])
    assert values["months"] == 6
    assert values["name"] == "电工"
    assert values["nothing"] is None
    assert values["share"] == {"type": "decimal", "value": "0.50"}
    assert values["day"] == {"type": "date", "value": "2023-08-15"}
    assert values["level"] == {
        "type": "enum",
        "enum": "SkillLevel",
        "value": "advanced",
    }
    assert values["district"] == {"type": "division_code", "value": "440304"}
    citation = data["findings"][0]["citations"][0]
    assert citation == {
        "document": next(iter(Policy.default().documents)),
        "article": "第三条",
    }
    jsonschema.Draft202012Validator(json_schema(Decision)).validate(data)


def test_finding_values_may_be_an_object() -> None:
    """A sender may write a finding's values as an object instead of pairs."""
    finding = structure(
        {
            "check": "x",
            "held": True,
            "values": {"months": 6, "day": {"type": "date", "value": "2024-01-31"}},
        },
        Finding,
    )
    assert finding.values == (("months", 6), ("day", date(2024, 1, 31)))
    assert finding.citations == ()
    assert finding.missing == ()


def test_bad_findings_name_the_value_at_fault() -> None:
    """A float, an unknown tag or an unknown document are pointed at exactly."""
    found = problems_of(
        {
            "check": "x",
            "held": "yes",
            "values": [["a", 0.5], ["b", {"type": "money", "value": "1"}]],
            "citations": [{"document": FUTIAN_DOC[:-1] + "x"}],
        },
        Finding,
    )
    paths = [path for path, _ in found]
    assert paths == [
        "held",
        "values[0][1]",
        "values[1][1].type",
        "citations[0].document",
    ]
    assert found[3][1].startswith("unknown document id")


def test_citations_resolve_district_documents_through_a_policy() -> None:
    """A converter made with a district policy resolves that district's documents."""
    district = Policy.default().overlay(
        Policy.loads(
            "[documents.demo-district-2024]\n"
            'title = "示例区级文件"\nissuers = ["示例"]\n'
            'level = "district"\nprovenance = "unverified"\n'
        )
    )
    data = {"document": "demo-district-2024", "article": None}
    with pytest.raises(InputError):
        structure(data, Citation)
    conv = make_converter(policy=district)
    citation = conv.structure(data, Citation)
    assert citation.document == district.documents["demo-district-2024"]
    assert conv.unstructure(citation) == data
    # The shared converter does not know it, so it writes the document out in full.
    full = unstructure(citation)
    assert full["document"]["id"] == "demo-district-2024"
    assert structure(full, Citation) == citation


def test_a_union_field_is_read_by_its_keys() -> None:
    """A reward claim's basis is whichever record its keys describe."""
    claim = TalentRewardClaim(
        person=ResidentId(ID),
        kind=next(iter(TalentRewardKind)),
        basis=ProfessionalTitle(
            holder=ResidentId(ID), level=next(iter(ProfessionalTitleLevel))
        ),
        claimed_on=date(2024, 5, 1),
        year=2024,
    )
    data = through_json(claim)
    assert structure(data, TalentRewardClaim) == claim
    data["basis"]["colour"] = "red"
    found = problems_of(data, TalentRewardClaim)
    assert found[0][0] == "basis"
    assert ("basis.colour", found[-1][1]) == found[-1]


def test_schema_marks_required_optional_and_closed_objects() -> None:
    """The schema follows the attrs fields: required, nullable, no extra keys."""
    schema = json_schema(LabourContract)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["start"]
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Date"]["format"] == "date"
    person = json_schema(Person)
    assert person["$defs"]["ResidentId"]["pattern"] == r"^(?:[0-9]{17}[0-9Xx])$(?!\n)"
    assert json_schema(Outcome) == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Outcome",
        "enum": ["eligible", "ineligible", "undetermined"],
        "description": "The three outcomes a rule can reach (see the design's explanation vocabulary).",
    }


def test_schema_refuses_types_that_are_not_json() -> None:
    """A policy (mappings of dated parameters) has no JSON input form."""
    with pytest.raises(TypeError, match="no JSON form"):
        json_schema(Policy)


def test_a_decision_on_an_inferred_period_round_trips_through_json() -> None:
    """The 'period inferred' mark survives JSON, so the explanation still says so."""
    policy = Policy.default()
    cited = next(
        value.citation
        for param in policy.parameters.values()
        for value in param.values
        if value.citation is not None and value.citation.period_inferred
    )
    data = unstructure(cited)
    assert data["period_inferred"] is True
    assert structure(through_json(data), Citation) == cited
    plain = Citation(document=cited.document, article=cited.article)
    assert "period_inferred" not in unstructure(plain)
    assert structure(unstructure(plain), Citation) == plain
    jsonschema.Draft202012Validator(json_schema(Citation)).validate(data)
    problems = problems_of({**data, "period_inferred": "yes"}, Citation)
    assert problems == [("period_inferred", 'expected true or false, got "yes"')]


# -- bounded numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("5E+3"), "5000"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("-0.50"), "-0.50"),
        (Decimal("999999999999999.12345678901234567890"), None),
    ],
)
def test_amounts_are_written_without_an_exponent(
    value: Decimal, text: str | None
) -> None:
    """Unstructured amounts are plain numerals, so structure() reads them back."""
    written = unstructure(value)
    assert "E" not in written
    assert written == (text if text is not None else format(value, "f"))
    assert structure(written, Decimal) == value


@pytest.mark.parametrize(
    "bad",
    [
        "1e3",
        "-1e-999999999",
        "1E+999999999",
        "1234567890123456",
        "0.123456789012345678901",
        10**15,
        -(10**15),
        1e15,
    ],
)
def test_amounts_are_bounded_at_the_boundary(bad: object) -> None:
    """No exponent, at most 15 digits before the point and 20 after: as the schema."""
    ((path, message),) = problems_of(bad, Decimal)
    assert path == ""
    assert "at most 15 digits before the decimal point and 20 after it" in message
    assert not jsonschema.Draft202012Validator(json_schema(Decimal)).is_valid(bad)


@pytest.mark.parametrize(
    ("bad", "shown"),
    [
        pytest.param(10**5000, "an integer of about 5001 digits", id="10**5000"),
        pytest.param(-(10**5000), "an integer of about 5001 digits", id="-10**5000"),
        pytest.param(2**53, "got 900719", id="2**53"),
        pytest.param(1e300, "1e+300", id="1e300"),
    ],
)
def test_integers_are_bounded_to_the_exact_json_range(bad: object, shown: str) -> None:
    """An integer beyond ±(2**53 - 1) is refused; a huge one is described, not printed."""
    ((path, message),) = problems_of(bad, int)
    assert path == ""
    assert message.startswith("expected an integer from -(2**53 - 1) to 2**53 - 1")
    assert shown in message
    assert len(message) < 200
    if isinstance(bad, float) or abs(bad) < 10**100:  # type: ignore[arg-type]
        # (jsonschema itself cannot print an integer over 4300 digits)
        schema = jsonschema.Draft202012Validator(json_schema(SubsidyClaim))
        assert not schema.is_valid({"kind": "apprenticeship", "year": bad})


def test_a_finding_value_integer_is_bounded_too() -> None:
    """A fact value of 10**5000 is refused instead of breaking an explanation later."""
    finding = {"check": "x.y", "held": True, "values": [["count", 10**5000]]}
    with pytest.raises(InputError, match="expected an integer from"):
        structure(finding, Finding)


def test_dates_that_do_not_exist_fail_the_schema_too() -> None:
    """The date pattern knows month lengths and leap years, as structure() does."""
    validator = jsonschema.Draft202012Validator(json_schema(date))
    for text in ("2024-02-29", "2000-02-29", "0400-02-29", "9999-12-31", "0001-01-01"):
        assert validator.is_valid(text)
        assert structure(text, date) == date.fromisoformat(text)
    for text in ("2023-02-29", "1900-02-29", "2024-04-31", "0000-01-01", "2024-1-01"):
        assert not validator.is_valid(text)
        assert problems_of(text, date)


def test_a_huge_key_is_cut_in_the_path_and_not_compared() -> None:
    """A 10 MB unknown key makes a short path and no suggestion."""
    with pytest.raises(InputError) as info:
        structure({"start": "2024-01-01", "k" * 10_000_000: 1}, LabourContract)
    (problem,) = info.value.problems
    assert len(problem.path) < 70
    assert "did you mean" not in problem.message
