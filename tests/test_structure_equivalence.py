"""The fast structuring path builds what the checked path builds, and refuses the same.

A record is first built by code generated for its class (``RecordHook``); whatever
that code does not take is structured again by the checked path (cattrs' generated
code with detailed validation), which reports every problem.  These properties hold
the two together: over every public JSON type the strategies draw, the fast function
itself takes every unstructured record and builds an identical one (same types,
same Decimal exponents, same members), and on documents changed in one place the
converter with the fast path and the checked-only converter give the same object or
the same problems.
"""

import importlib
import json
import re

from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs
import pytest

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import test_json_properties as json_properties

from skillchain import (
    CreditCode,
    DateRange,
    DivisionCode,
    Finding,
    InputError,
    InvalidValueError,
    OccupationCode,
    ResidentId,
)
from skillchain._checks import Check
from skillchain._fast_structure import not_fast
from skillchain._serialization import (
    CODE_PATTERNS,
    DATE_PATTERN,
    RecordHook,
    SkillchainConverter,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    LabourContract,
    Person,
    SubsidyClaim,
)
from skillchain.serialization import make_converter, structure, unstructure
from skillchain.testing.strategies import REGISTERED_TYPES, enrolments


# Structured through hooks of their own, or not JSON input at all (see the list in
# test_json_properties.py): none has a record hook to compare.
NOT_RECORDS: Final = {
    "Citation",
    "CreditCode",
    "DivisionCode",
    "OccupationCode",
    "ResidentId",
}


def record_types() -> list[type]:
    """Every public attrs type the strategies draw that is structured as a record."""
    found: dict[str, type] = {}
    for module_name in json_properties.PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if (
                isinstance(obj, type)
                and attrs.has(obj)
                and obj in REGISTERED_TYPES
                and name not in json_properties.NOT_JSON | NOT_RECORDS
                and not name.endswith("Parameters")
            ):
                found.setdefault(name, obj)
    return [found[name] for name in sorted(found)]


TYPES: Final = record_types()
FAST: Final = SkillchainConverter()
CHECKED: Final = SkillchainConverter(fast=False)

by_type = pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
# Per type a few examples (over some sixty types, and some draw whole allocations);
# the apprentice's own properties draw more.
few = settings(
    max_examples=min(settings().max_examples, 15),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
more = settings(
    max_examples=min(settings().max_examples, 60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def shape(value: object) -> object:
    """*value* as a comparable tree that keeps every type (and a Decimal's exponent)."""
    kind = type(value)
    if kind is ResidentId:
        return (kind, value.reveal())  # type: ignore[attr-defined]
    if attrs.has(kind):
        # The fields that take part in equality (a serial number does not).
        return (
            kind,
            tuple(shape(getattr(value, a.name)) for a in attrs.fields(kind) if a.eq),
        )
    if kind in (tuple, list):
        return (kind, tuple(shape(item) for item in value))  # type: ignore[attr-defined]
    if kind in (frozenset, set):
        return (kind, frozenset(shape(item) for item in value))  # type: ignore[attr-defined]
    if kind is Decimal:
        return (kind, value.as_tuple())  # type: ignore[attr-defined]
    return (kind, value)


def outcome(conv: SkillchainConverter, data: object, cls: type) -> tuple[str, Any]:
    """What *conv* makes of *data*: the record's shape, or the problems it lists."""
    try:
        return ("built", shape(conv.structure(data, cls)))
    except InputError as error:
        return ("refused", [(p.path, p.message) for p in error.problems])


def through_json(value: object) -> Any:
    """*value* unstructured, as a JSON text would bring it back."""
    return json.loads(json.dumps(unstructure(value), ensure_ascii=False))


# -- every record type has a fast path, and it builds the same records ----------------


def test_the_walk_finds_the_record_types() -> None:
    """The parametrisation covers the model's records and the other public records."""
    names = {cls.__name__ for cls in TYPES}
    assert {"ApprenticeEnrolment", "Person", "Enterprise", "DateRange"} <= names
    assert {"Decision", "Document", "Occupation"} <= names
    assert len(TYPES) > 40


@by_type
def test_every_record_type_has_a_generated_fast_function(cls: type) -> None:
    """The hook is a RecordHook whose function is generated, never the refuse-all."""
    hook = FAST.get_structure_hook(cls)
    assert isinstance(hook, RecordHook)
    assert hook.fast() is not not_fast


def test_the_checked_converter_has_no_fast_path() -> None:
    """fast=False keeps cattrs' checked hook alone (the comparison's reference)."""
    assert not isinstance(CHECKED.get_structure_hook(Person), RecordHook)


@by_type
@few
@given(data=st.data())
def test_the_fast_function_builds_the_record_the_checked_path_builds(
    cls: type, data: st.DataObject
) -> None:
    """structure(unstructure(x), T) == x on both paths, identical down to the types,
    and the fast function itself takes the document (no fallback)."""
    record = data.draw(st.from_type(cls))
    document = through_json(record)
    hook = FAST.get_structure_hook(cls)
    assert isinstance(hook, RecordHook)
    fast = hook.fast()(document)
    checked = CHECKED.structure(document, cls)
    assert fast == record
    assert checked == record
    assert shape(fast) == shape(checked)
    assert structure(document, cls) == record


@more
@given(enrolment=enrolments())
def test_apprentice_enrolments_round_trip_through_a_json_text(
    enrolment: ApprenticeEnrolment,
) -> None:
    """The portal's document: every drawn enrolment comes back equal, by the fast path."""
    text = json.dumps(unstructure(enrolment), ensure_ascii=False)
    hook = FAST.get_structure_hook(ApprenticeEnrolment)
    assert isinstance(hook, RecordHook)
    assert hook.fast()(json.loads(text)) == enrolment
    assert shape(structure(json.loads(text), ApprenticeEnrolment)) == shape(
        CHECKED.structure(json.loads(text), ApprenticeEnrolment)
    )


# -- documents changed in one place: the same object, or the same problems -----------

TRICKY: Final[st.SearchStrategy[object]] = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        1,
        -1,
        2**53,
        -(2**53),
        10**15,
        1.0,
        1.5,
        -0.0,
        "",
        " ",
        "x",
        "0",
        "-1",
        "-0",
        "+5",
        "5500.00",
        "1e3",
        ".5",
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "0000-01-01",
        "2024-1-01",
        "2024-01-01T",
        "2024-W01-1",
        "20240101",
        "２０２４-01-01",
        "2024-01-01\n",
        "440304",
        "440304200001010017",
        "44030419900101002x",
        "9144030400000000J0",
        "9144030400000000J1",
        "6-31-01-03",
        "6-00-01-03",
        "dual_mentors",
        "new_hire",
        "advanced",
        [],
        {},
        ["dual_mentors"],
        ["dual_mentors", "dual_mentors"],
        [None],
    ]
)
JSON_VALUES: Final = st.recursive(
    TRICKY | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def leaves(document: object) -> list[object]:
    """Every value inside *document* (to move one elsewhere: type confusion)."""
    found = [document]
    if isinstance(document, dict):
        for value in document.values():
            found.extend(leaves(value))
    elif isinstance(document, list):
        for value in document:
            found.extend(leaves(value))
    return found


@st.composite
def changed(draw: st.DrawFn, document: object, pool: list[object]) -> object:
    """*document* with one change somewhere inside: replaced, dropped or added."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document)))
        return {**document, key: draw(changed(document[key], pool))}
    if isinstance(document, list) and document and draw(st.booleans()):
        index = draw(st.integers(0, len(document) - 1))
        copy = list(document)
        copy[index] = draw(changed(document[index], pool))
        return copy
    if isinstance(document, dict):
        how = draw(st.sampled_from(["replace", "drop", "add", "null"]))
        if document and how == "drop":
            key = draw(st.sampled_from(sorted(document)))
            return {k: v for k, v in document.items() if k != key}
        if how == "add":
            return {**document, draw(st.text(max_size=8)): draw(JSON_VALUES)}
        if document and how == "null":
            key = draw(st.sampled_from(sorted(document)))
            return {**document, key: None}
    if isinstance(document, list) and draw(st.booleans()):
        return [*document, draw(st.sampled_from(pool) | JSON_VALUES)]
    return draw(st.sampled_from(pool) | JSON_VALUES)


@by_type
@few
@given(data=st.data())
def test_changed_documents_get_the_same_answer_on_both_paths(
    cls: type, data: st.DataObject
) -> None:
    """One change anywhere: the same record, or the same problems at the same paths."""
    document = through_json(data.draw(st.from_type(cls)))
    mutated = data.draw(changed(document, leaves(document)))
    assert outcome(FAST, mutated, cls) == outcome(CHECKED, mutated, cls)


@more
@given(data=st.data())
def test_changed_enrolments_get_the_same_answer_on_both_paths(
    data: st.DataObject,
) -> None:
    """The apprentice's document, changed in up to three places."""
    document: object = through_json(data.draw(enrolments()))
    for _ in range(data.draw(st.integers(1, 3))):
        document = data.draw(changed(document, leaves(document)))
    assert outcome(FAST, document, ApprenticeEnrolment) == outcome(
        CHECKED, document, ApprenticeEnrolment
    )


@more
@given(
    text=st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True)
    | st.from_regex(r"[0-9+\-T W:]{10}", fullmatch=True)
    | st.text(min_size=10, max_size=10)
)
@example(text="2024-02-30")
@example(text="0000-12-31")
@example(text="2024-1２-01")
@example(text="+024-01-01")
@example(text="2024-01-3 ")
def test_dates_are_read_alike(text: str) -> None:
    """A ten-character text is a date on the fast path exactly when DATE_PATTERN says."""
    document = {"start": text}
    fast, checked = (
        outcome(FAST, document, LabourContract),
        outcome(CHECKED, document, LabourContract),
    )
    assert fast == checked
    assert (fast[0] == "built") == bool(re.fullmatch(DATE_PATTERN, text))


@pytest.mark.parametrize(
    "hours",
    ["0", "-0", "-0.00", "0.0", "-1", "+1", "1.5", "1" * 15, "1" * 16, "." + "1" * 20],
)
def test_amount_checks_are_kept_on_the_fast_path(hours: str) -> None:
    """Hours must be at least zero (-0 is zero); bounds as every amount: both paths."""
    document = through_json(_programme())
    document["online_hours"] = hours
    assert outcome(FAST, document, ApprenticeshipProgramme) == outcome(
        CHECKED, document, ApprenticeshipProgramme
    )


def test_a_positive_amount_check_refuses_zero_on_both_paths() -> None:
    """decimal(positive=True) keeps refusing zero when its shortcut is used."""
    check = _positive_check()
    assert check.find_amount is not None
    for value in ("0", "-0", "0.00"):
        assert check.find(Decimal(value)) is not None
        assert check.find_amount(Decimal(value)) is not None
    assert check.find_amount(Decimal("0.01")) is None
    assert check.find_amount(Decimal(-1)) is not None


def _positive_check() -> Check:
    from skillchain._checks import decimal

    return decimal(positive=True)


def _programme() -> ApprenticeshipProgramme:
    return structure(
        {
            "enterprise": "9144030400000000J0",
            "institution": {"name": "深圳市某技工学校", "kind": "technical_school"},
            "occupation": "6-31-01-03",
            "target_level": "advanced",
            "start": "2024-03-01",
            "planned_months": 24,
            "modes": ["work_study_alternation"],
            "status": "completed",
        },
        ApprenticeshipProgramme,
    )


# -- the fast path honours the converter's own hooks and the model's checks ----------


def test_a_hook_registered_on_the_converter_is_used_inside_records() -> None:
    """A district's converter that reads division codes its own way gets its way."""
    conv = make_converter()
    document = {"kind": "skill_upgrade", "year": 2023, "division": 440300}
    with pytest.raises(InputError, match="division: expected a division code"):
        conv.structure(document, SubsidyClaim)  # its records' code is made now
    conv.register_structure_hook(
        DivisionCode, lambda value, _: DivisionCode(str(value).zfill(6))
    )
    claim = conv.structure(document, SubsidyClaim)
    assert claim.division == DivisionCode("440300")


def test_cross_field_checks_still_run() -> None:
    """__attrs_post_init__ runs on the fast path: a dual-mentor programme needs both."""
    document = through_json(_programme())
    document["modes"] = ["dual_mentors"]
    with pytest.raises(InputError, match="enterprise_mentor"):
        structure(document, ApprenticeshipProgramme)
    contract = {"start": "2024-02-01", "end": "2024-01-31"}
    with pytest.raises(InputError, match="before it starts"):
        structure(contract, LabourContract)


def test_records_of_the_fast_path_are_whole_records() -> None:
    """Defaults are filled in, identifiers are real ones, hashing and equality work."""
    person = structure({"id": "44030419900101002x"}, Person)
    assert person == Person(id=ResidentId("44030419900101002X"))
    assert hash(person) == hash(Person(id=ResidentId("44030419900101002X")))
    assert person.id.reveal() == "44030419900101002X"
    assert person.insurance is None
    programme = _programme()
    assert type(programme.enterprise) is CreditCode
    assert type(programme.occupation) is OccupationCode
    assert programme.planned_end == date(2026, 3, 1)
    assert DateRange(date(2024, 1, 1)) == structure({"start": "2024-01-01"}, DateRange)


def test_a_finding_inside_a_record_goes_through_its_own_hook() -> None:
    """Types with hooks of their own (a decision's findings) are read by those hooks."""
    hook = FAST.get_structure_hook(Finding)
    assert not isinstance(hook, RecordHook)


CODE_CHARACTERS: Final = "0123456789-XxABCDEFGHJKLMNPQRTUWXYZIOSVaz ٠０\n"


@pytest.mark.parametrize(
    "cls",
    [DivisionCode, OccupationCode, CreditCode, ResidentId],
    ids=lambda cls: cls.__name__,
)
@settings(max_examples=min(settings().max_examples, 60), deadline=None)
@given(data=st.data())
def test_a_code_its_type_accepts_matches_its_pattern(
    cls: type, data: st.DataObject
) -> None:
    """The fast path leaves a code's pattern to the type's own check: the check must
    refuse every text the pattern (the schema's) refuses."""
    pattern = CODE_PATTERNS[cls][0]
    valid = data.draw(st.from_type(cls))
    text = str(valid) if cls is not ResidentId else valid.reveal()
    # Near misses: the valid text with characters replaced, added or removed.
    chars = list(text)
    for _ in range(data.draw(st.integers(0, 3))):
        where = data.draw(st.integers(0, max(len(chars) - 1, 0)))
        how = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        new = data.draw(st.sampled_from(CODE_CHARACTERS))
        if how == "replace" and chars:
            chars[where] = new
        elif how == "insert":
            chars.insert(where, new)
        elif chars:
            del chars[where]
    candidate = "".join(chars)
    try:
        cls(candidate)
    except InvalidValueError:
        return
    assert re.fullmatch(pattern, candidate)
