"""JSON properties of every public type: round trip, schema agreement, fuzz, masking.

The types are found by walking the ``__all__`` of the public modules, so a new public
attrs class is covered without touching this file (or fails here until it is).
Values come from ``st.from_type``, which the strategies registered through
Hypothesis' entry point (``skillchain.testing.strategies``) make work for every
public type.
"""

import contextlib
import enum
import importlib
import json
import re
import shutil
import subprocess

from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skillchain

from skillchain import (
    CreditCode,
    Decision,
    DivisionCode,
    Finding,
    InputError,
    OccupationCode,
    ResidentId,
)
from skillchain.model import ApprenticeEnrolment, Person
from skillchain.policy import programmes
from skillchain.rules import apprentice_case, apprentice_eligibility
from skillchain.serialization import json_schema, structure, unstructure
from skillchain.testing.strategies import (
    credit_codes,
    division_codes,
    occupation_codes,
    resident_ids,
)


PUBLIC_MODULES: Final = (
    "skillchain",
    "skillchain.model",
    "skillchain.policy",
    "skillchain.catalog",
    "skillchain.rules",
)

# Public attrs types that are not JSON input types by nature.  Keep this list short:
# each entry needs a reason it cannot travel as JSON.
NOT_JSON: Final = {
    # A policy is read from policy TOML files: mappings of dated, sourced parameters
    # plus a fingerprint computed at load time.  Its views (a snapshot for one day,
    # each programme's parameter group, a parameter's values) are derived from it,
    # and Resolved[T] holds a value typed only by its generic parameter.
    "Policy",
    "PolicySnapshot",
    *(programme.parameters.__name__ for programme in programmes()),
    "Parameter",
    "Resolved",
    # A programme-table entry holds a Python class and a data file.
    "Programme",
    # The generic base of the allocation results: each subclass (QuotaAllocation,
    # ...) names its applications' type and has its JSON form.
    "Allocation",
    # A reform is built in Python and applied to a policy: its values are typed only by
    # each parameter's kind, which the policy knows (a reform file is an overlay).
    "Reform",
    "Removal",
    # Hold Python functions (a parameter kind's parse/dump, a rule's function).
    "Kind",
    "ParameterSpec",
    "Rule",
    # Catalog containers: read from catalog TOML, with an index built at construction.
    "Catalog",
    "OccupationCatalog",
    "RewardScope",
    # Remedies are computed from a decision and its rule, never read: SupplyFact
    # holds a Python type; ``skillchain check --remedies --json`` prints their text.
    "SupplyFact",
    "ReachBound",
    "DistrictSupplies",
    "NotRemediable",
    "NotDerived",
    "SetFact",
    "AddItem",
    "OneOf",
    "WaitUntil",
    "EarliestDay",
    # A condition and its remedy are declared in Python with their rule (a
    # comparison may hold a mover function; its comparator is one of four operators).
    "Condition",
    "Compares",
    "Requires",
    "Elapses",
    "AnyOf",
    "AllOf",
    "Includes",
    "Unremediable",
}


def public_json_types() -> list[type]:
    """Every public attrs type of the public modules, and the Finding named tuple."""
    found: dict[str, type] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj) and name not in NOT_JSON:
                found.setdefault(name, obj)
    found["Finding"] = Finding
    return [found[name] for name in sorted(found)]


TYPES: Final = public_json_types()
SCHEMAS: Final = {cls: json_schema(cls) for cls in TYPES}
VALIDATORS: Final = {
    cls: jsonschema.Draft202012Validator(schema) for cls, schema in SCHEMAS.items()
}
FIELD_NAMES: Final = sorted(
    {a.alias for cls in TYPES if attrs.has(cls) for a in attrs.fields(cls)}
)

by_type = pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
# Per type, a few dozen examples: over some sixty types the file still draws
# thousands, and the whole suite must stay quick under the CI profile too.
EXAMPLES_PER_TYPE: Final = min(settings().max_examples, 40)
slow = settings(
    max_examples=EXAMPLES_PER_TYPE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["2024-01-31", "5500.00", "440304", "91350100M000100Y43"])
)
json_keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=10)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(json_keys, children, max_size=5)
    ),
    max_leaves=20,
)


def through_json(obj: object) -> Any:
    """Unstructure *obj* and send it through a JSON text and back."""
    return json.loads(json.dumps(unstructure(obj), ensure_ascii=False))


def test_the_walk_finds_the_public_types() -> None:
    """The parametrisation is not empty and every exclusion names a public type."""
    names = {cls.__name__ for cls in TYPES}
    assert {"Person", "ApprenticeEnrolment", "Decision", "Finding", "Citation"} <= names
    exported = {
        name
        for module in PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
    }
    assert exported >= NOT_JSON


@by_type
@slow
@given(data=st.data())
def test_round_trip_through_json_text(cls: type, data: st.DataObject) -> None:
    """structure(json.loads(json.dumps(unstructure(x))), T) == x for every T."""
    value = data.draw(st.from_type(cls))
    assert structure(through_json(value), cls) == value


@by_type
@slow
@given(data=st.data())
def test_unstructured_values_satisfy_the_schema(cls: type, data: st.DataObject) -> None:
    """Every generated value, unstructured, validates against json_schema(T)."""
    value = data.draw(st.from_type(cls))
    VALIDATORS[cls].validate(through_json(value))


@by_type
def test_schemas_are_valid_2020_12_schemas(cls: type) -> None:
    """Each generated schema is itself a valid JSON Schema 2020-12 document."""
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[cls])


@st.composite
def mutated(draw: st.DrawFn, document: object) -> object:
    """*document* with one change somewhere inside it: replaced, dropped or added."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document)))
        return {**document, key: draw(mutated(document[key]))}
    if isinstance(document, list) and document and draw(st.booleans()):
        index = draw(st.integers(0, len(document) - 1))
        copy = list(document)
        copy[index] = draw(mutated(document[index]))
        return copy
    if isinstance(document, dict):
        how = draw(
            st.sampled_from(
                ["replace", "drop", "add"] if document else ["replace", "add"]
            )
        )
        if how == "drop":
            key = draw(st.sampled_from(sorted(document)))
            return {k: v for k, v in document.items() if k != key}
        if how == "add":
            key = draw(json_keys.filter(lambda k: k not in document))
            return {**document, key: draw(json_values)}
    return draw(json_values)


@by_type
@slow
@given(data=st.data())
def test_what_the_schema_rejects_structure_rejects(
    cls: type, data: st.DataObject
) -> None:
    """A near-valid document the schema rejects is also rejected, as an InputError."""
    document = through_json(data.draw(st.from_type(cls)))
    changed = data.draw(mutated(document))
    if VALIDATORS[cls].is_valid(changed):
        # The types check more than a schema can say (check digits, ...).
        with contextlib.suppress(InputError):
            structure(changed, cls)
        return
    with pytest.raises(InputError):
        structure(changed, cls)


@by_type
@slow
@given(data=st.data())
def test_drop_add_and_retype_are_rejected_by_both(
    cls: type, data: st.DataObject
) -> None:
    """Dropping a required key, adding an unknown key, a wrong type: both refuse."""
    document = through_json(data.draw(st.from_type(cls)))
    if not isinstance(document, dict):
        wrong: list[object] = [[document], {"value": document}]
    else:
        required = SCHEMAS[cls].get("required", [])
        wrong = [{**document, "zz_unknown": 1}, [document]]
        wrong.extend(
            {k: v for k, v in document.items() if k != key} for key in required
        )
    for changed in wrong:
        assert not VALIDATORS[cls].is_valid(changed)
        with pytest.raises(InputError):
            structure(changed, cls)


@by_type
@slow
@given(garbage=json_values)
def test_garbage_raises_only_input_error(cls: type, garbage: object) -> None:
    """Arbitrary JSON never makes structure raise anything but InputError."""
    error: InputError | None = None
    result: object = None
    try:
        result = structure(garbage, cls)
    except InputError as raised:
        error = raised
    if error is None:
        assert isinstance(result, cls)
    else:
        assert error.problems
        assert all(p.message for p in error.problems)


# -- no identity number in full, anywhere a person could read it ----------------


def identity_numbers(value: object) -> set[str]:
    """Every identity number held anywhere inside *value*, in full."""
    found: set[str] = set()
    if isinstance(value, ResidentId):
        found.add(value.reveal())
    elif isinstance(value, enum.Enum | str | int | date):
        pass
    elif attrs.has(cls := type(value)):
        for field in attrs.fields(cls):
            found |= identity_numbers(getattr(value, field.name))
    elif isinstance(value, tuple | frozenset | list):
        for item in value:
            found |= identity_numbers(item)
    return found


def assert_masked(numbers: set[str], *texts: str) -> None:
    """No text contains any of *numbers*."""
    for text in texts:
        for number in numbers:
            assert number not in text


@by_type
@slow
@given(data=st.data())
def test_no_identity_number_in_repr_or_str(cls: type, data: st.DataObject) -> None:
    """repr() and str() of every generated value mask the identity numbers it holds."""
    value = data.draw(st.from_type(cls))
    assert_masked(identity_numbers(value), repr(value), str(value))


@st.composite
def leaked_into(draw: st.DrawFn, document: object, number: str) -> object:
    """*document* with *number* (or a corrupted copy) put somewhere it may be quoted."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document)))
        return {**document, key: draw(leaked_into(document[key], number))}
    if isinstance(document, list) and document and draw(st.booleans()):
        index = draw(st.integers(0, len(document) - 1))
        copy = list(document)
        copy[index] = draw(leaked_into(document[index], number))
        return copy
    wrong_check = number[:-1] + ("1" if number[-1] != "1" else "2")
    return draw(
        st.sampled_from(
            [
                number,
                wrong_check,
                int(number[:-1]),
                [number],
                {number: 1},
                {"id": wrong_check},
                f"name {number}",
            ]
        )
    )


@slow
@given(person=st.from_type(Person), data=st.data())
def test_no_identity_number_in_input_errors(
    person: Person, data: st.DataObject
) -> None:
    """Wherever a sender puts an identity number by mistake, error messages mask it."""
    number = person.id.reveal()
    document = data.draw(leaked_into(through_json(person), number))
    try:
        structure(document, Person)
    except InputError as error:
        numbers = {number, number[:-1], number[:-1] + "1", number[:-1] + "2"}
        assert_masked(numbers, str(error), repr(error))
        for problem in error.problems:
            assert_masked(numbers, problem.path, problem.message, repr(problem))


@slow
@given(
    enrolment=st.from_type(ApprenticeEnrolment),
    on=st.dates(date(2020, 1, 1), date(2027, 12, 31)),
)
def test_no_identity_number_in_explanations(
    enrolment: ApprenticeEnrolment, on: date
) -> None:
    """Decisions about a generated person never show the person's number in full."""
    number = enrolment.person.id.reveal()
    for decision in (
        apprentice_eligibility(enrolment, on=on),
        apprentice_case(enrolment, on=on),
    ):
        assert isinstance(decision, Decision)
        texts = (decision.explain("zh"), decision.explain("en"), repr(decision))
        assert_masked({number}, *texts)
        assert_masked({number}, json.dumps(unstructure(decision), ensure_ascii=False))


def test_the_package_exports_input_error() -> None:
    """InputError is public and is a ValueError, like InvalidValueError."""
    assert skillchain.InputError is InputError
    assert issubclass(InputError, ValueError)


# -- the schema's patterns say exactly what structure() reads --------------------

EXACT_PATTERNS: Final = (Decimal, date)
"""Types whose schema says all there is: the pattern and structure() agree both ways."""
CODE_TYPES: Final = (DivisionCode, OccupationCode, CreditCode, ResidentId)
"""Types that check more than a pattern can say (check characters, known codes)."""
SCALAR_VALIDATORS: Final[dict[type, Any]] = {
    tp: jsonschema.Draft202012Validator(json_schema(tp))
    for tp in (*EXACT_PATTERNS, *CODE_TYPES)
}
_FULL_WIDTH: Final = str.maketrans("0123456789-.", "０１２３４５６７８９－．")

valid_texts: Final[dict[type, "st.SearchStrategy[str]"]] = {
    Decimal: st.one_of(
        st.decimals(
            min_value=-(10**15) + 1,
            max_value=10**15 - 1,
            places=2,
            allow_nan=False,
            allow_infinity=False,
        ).map(lambda d: format(d, "f")),
        st.from_regex(r"[+-]?[0-9]{1,16}(\.[0-9]{0,21})?", fullmatch=True),
        st.sampled_from(
            ["999999999999999", "1000000000000000", "0." + "1" * 20, "0." + "1" * 21]
        ),
    ),
    date: st.one_of(
        st.dates().map(date.isoformat),
        st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
        st.sampled_from(["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29"]),
    ),
    DivisionCode: division_codes().map(str),
    OccupationCode: occupation_codes().map(str),
    CreditCode: credit_codes().map(str),
    ResidentId: resident_ids().map(ResidentId.reveal),
}


@st.composite
def near(draw: st.DrawFn, text: str) -> str:
    """*text* as it is, or as a sender might garble it."""
    how = draw(
        st.sampled_from(
            [
                lambda t: t,
                lambda t: t + "\n",
                lambda t: "\n" + t,
                lambda t: t + "\r\n",
                lambda t: " " + t,
                lambda t: t + " ",
                lambda t: t.translate(_FULL_WIDTH),
                lambda t: t + "e5",
                lambda t: t + "E-3",
                lambda t: t.lower(),
                lambda t: t[:-1],
                lambda t: t + t[-1:],
                lambda t: t.replace("-", "/"),
                lambda t: "+" + t,
            ]
        )
    )
    result: str = how(text)
    return result


def structure_reads(tp: type, text: str) -> bool:
    """Whether structure() reads *text* as a *tp*."""
    try:
        structure(text, tp)
    except InputError:
        return False
    return True


@pytest.mark.parametrize("tp", EXACT_PATTERNS, ids=lambda tp: tp.__name__)
@slow
@given(data=st.data())
def test_amount_and_date_patterns_agree_with_structure(
    tp: type, data: st.DataObject
) -> None:
    """For strings at and around valid values, the schema and structure() agree."""
    text = data.draw(valid_texts[tp].flatmap(near))
    assert SCALAR_VALIDATORS[tp].is_valid(text) == structure_reads(tp, text), text


@pytest.mark.parametrize("tp", CODE_TYPES, ids=lambda tp: tp.__name__)
@slow
@given(data=st.data())
def test_code_patterns_admit_everything_structure_reads(
    tp: type, data: st.DataObject
) -> None:
    """What structure() reads as a code, the schema admits (it checks less)."""
    text = data.draw(valid_texts[tp].flatmap(near))
    if structure_reads(tp, text):
        assert SCALAR_VALIDATORS[tp].is_valid(text), text


@pytest.mark.parametrize(
    "text", ["5500.00\n", "2024-01-31\n", "440304\n", "5500.00\r\n"]
)
def test_a_final_newline_is_refused_by_schema_and_structure(text: str) -> None:
    """Python's $ matches before a final newline; the schema's patterns do not."""
    tp = {"5": Decimal, "2": date, "4": DivisionCode}[text[0]]
    assert not SCALAR_VALIDATORS[tp].is_valid(text)
    assert not structure_reads(tp, text)


PATTERN_PROBES: Final = (
    "5500.00",
    "5500.00\n",
    "\n5500.00",
    "-.5",
    "1e5",
    "1234567890123456",
    "2024-02-29",
    "2023-02-29",
    "2024-01-31\n",
    "0000-01-01",
    "440304",
    "440304\n",
    "６-31-01-03",
    "6-31-01-03",
    "91350100M000100Y43",
    "11010519491231002X",
    "11010519491231002x\n",
)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node for ECMA 262")
def test_patterns_mean_the_same_in_ecma_262_and_python() -> None:
    """Each schema pattern matches the same probes in JavaScript as in Python."""
    patterns = sorted(
        {
            v.schema["pattern"]
            for v in SCALAR_VALIDATORS.values()
            if "pattern" in v.schema
        }
    )
    script = (
        "const [patterns, probes] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(patterns.map(p => probes.map(s => "
        "[new RegExp(p).test(s), new RegExp(p, 'u').test(s)]))));"
    )
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(
        [node, "-e", script],
        input=json.dumps([patterns, PATTERN_PROBES]),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    in_ecma = json.loads(done.stdout)
    for pattern, results in zip(patterns, in_ecma, strict=True):
        for probe, (plain, unicode) in zip(PATTERN_PROBES, results, strict=True):
            in_python = re.search(pattern, probe) is not None
            assert plain == unicode == in_python, (pattern, probe)
