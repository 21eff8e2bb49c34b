"""The converter behind :mod:`skillchain.serialization`: hooks and error collection.

Every structure hook here is strict (a JSON value of the wrong kind is a problem, never
silently coerced) and reports problems by raising :class:`_Problems`, which carries
``(relative JSON path, message)`` pairs.  The hook for an attrs class first tries
code generated for the class (:mod:`skillchain._fast_structure`), which takes a valid
document quickly and gives up at the first thing it does not take; the document is
then read again by cattrs' generated code with detailed validation, whose exception
groups are walked and their paths prefixed, so the caller sees one
:class:`~skillchain.InputError` listing every problem.  Objects are constructed
bottom-up and only from fully valid parts, so nothing half-built can escape.
"""

import difflib
import enum
import functools
import importlib
import json
import re
import threading
import types
import typing
import weakref

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import JsonConverter

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._decision import FactValue, Finding
from skillchain._errors import closest
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._money import AMOUNT_DIGITS, AMOUNT_TEXT
from skillchain._redact import redact
from skillchain._sources import Citation, Document
from skillchain.errors import InputError, InputProblem, InvalidValueError, _Problems


if typing.TYPE_CHECKING:
    from skillchain.policy import Policy

__all__ = [
    "AMOUNT_LIMIT",
    "AMOUNT_PATTERN",
    "CODE_PATTERNS",
    "DATE_PATTERN",
    "INTEGER_LIMIT",
    "RecordHook",
    "SkillchainConverter",
    "article",
    "attrs_hook",
    "checked_attrs_hook",
    "describe_type",
    "enum_registry",
    "fact_value_tags",
    "hook_kind",
    "json_words",
    "new_converter",
]

T = TypeVar("T")


def _anchored(body: str) -> str:
    """A pattern that matches the whole string and nothing more, in ECMA 262 and Python.

    JSON Schema validators look for a ``pattern`` anywhere in the string, so it
    needs both anchors; and Python's ``$`` also matches before a final newline
    (``"5500\\n"``), which ``structure()`` refuses, so a newline may not follow it.
    (``\\Z`` would say the same in Python, but ECMA 262 has no ``\\Z``.)
    """
    return rf"^(?:{body})$(?!\n)"


_DATE_BODY: Final = (
    # Years 0001-9999; 31-day months; 30-day months; February to the 28th; and
    # 29 February in leap years (divisible by 4 and not by 100, or by 400).
    r"(?:(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])"
    r"|(?:0[48]|[2468][048]|[13579][26])00)-02-29)"
)
_CODE_BODIES: Final[Mapping[type, tuple[str, str]]] = {
    DivisionCode: (r"[0-9]{6}", 'a division code like "440304"'),
    OccupationCode: (
        r"[1-8]-[0-9]{2}-[0-9]{2}-[0-9]{2}",
        'an occupation code like "6-31-01-03"',
    ),
    CreditCode: (
        r"[0-9A-HJ-NPQRTUWXY]{18}",
        'a unified social credit code like "91350100M000100Y43"',
    ),
    ResidentId: (r"[0-9]{17}[0-9Xx]", "an 18-character resident identity number"),
}

AMOUNT_PATTERN: Final = _anchored(AMOUNT_TEXT)
"""What an amount written as a JSON string must look like (``"5500.00"``): a plain
decimal numeral, at most 15 digits before the point and 20 after, no exponent."""
AMOUNT_LIMIT: Final = 10**AMOUNT_DIGITS - 1
"""The largest magnitude of an amount written as a JSON integer."""
INTEGER_LIMIT: Final = 2**53 - 1
"""The largest magnitude of a JSON integer (the range every JSON parser keeps exact,
RFC 7493)."""
DATE_PATTERN: Final = _anchored(_DATE_BODY)
"""What a date must look like: an ISO 8601 calendar date that exists (``2024-01-31``,
``2024-02-29`` but not ``2023-02-29``), years 0001 to 9999."""
CODE_PATTERNS: Final[Mapping[type, tuple[str, str]]] = {
    cls: (_anchored(body), description)
    for cls, (body, description) in _CODE_BODIES.items()
}
"""Schema pattern and a plain description for each identifier/code type."""

_AMOUNT: Final = re.compile(AMOUNT_TEXT)
_DATE: Final = re.compile(_DATE_BODY)
_CODES: Final = {cls: re.compile(body) for cls, (body, _) in _CODE_BODIES.items()}
_AMOUNT_EXPECTED: Final = (
    'an amount written as a string such as "5500.00" (at most 15 digits before '
    "the decimal point and 20 after it, no exponent)"
)
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NONE_TYPE: Final = type(None)
_SHOWN = 60
_SHOWN_INT: Final = 10**40
_DIGITS_PER_BIT: Final = 0.30103
_LISTED_KEYS = 8


# -- problems -------------------------------------------------------------------


def _segment(key: str | int) -> str:
    if isinstance(key, int):
        return f"[{key}]"
    if len(key) > _SHOWN:  # a path shows a key cut short, never all of a huge one
        key = key[: _SHOWN - 1] + "…"
    if _IDENTIFIER.fullmatch(key):
        return key
    return f"[{json.dumps(key, ensure_ascii=False)}]"


def _prefix(key: str | int, path: str) -> str:
    head = _segment(key)
    if not path:
        return head
    if path.startswith("["):
        return head + path
    return f"{head}.{path}"


def _scrub(text: str) -> str:
    """Mask anything that could be an identity number (see :func:`skillchain.redact`)."""
    return redact(text)


def got(value: object) -> str:
    """Show a JSON value the way a JSON developer would write it (shortened)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if -_SHOWN_INT < value < _SHOWN_INT:
            return str(value)
        # str() of a huge int is slow, and refused past 4300 digits.
        digits = int(value.bit_length() * _DIGITS_PER_BIT) + 1
        return f"an integer of about {digits} digits"
    if isinstance(value, float):
        # 1.5, 1e+16; Infinity and NaN as Python's json module writes them.
        return json.dumps(value)
    if isinstance(value, str):
        # Cut before encoding: a huge value costs no more than a short one.
        shown = json.dumps(value[:_SHOWN], ensure_ascii=False)
        return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 4] + '…"'
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return f"a value of Python type {type(value).__name__}"


def _invalid_text(error: InvalidValueError) -> str:
    """A model check's refusal, in the words of someone who wrote JSON."""
    return json_words(f"{error.problem}; expected {error.expected}")


_PY_STRING: Final = re.compile(r"(?<![\w'\]])'([^'\\\n]*)'(?![\w'])")
_PY_ASSIGNED: Final = re.compile(r"\b([A-Za-z_]\w*)=(True|False|None)\b")
_PY_TYPE_GOT: Final = re.compile(r"\bgot a value of type (\w+)")
_PY_WORDS: Final = (
    (re.compile(r"\ba date \(not a datetime\)"), "a date like 2024-01-31"),
    (
        re.compile(r"\ba (?:tuple|frozenset) of (non-blank )?str\b"),
        r"an array of \1strings",
    ),
    (re.compile(r"\ba (?:tuple|frozenset) of int\b"), "an array of integers"),
    (re.compile(r"\ba finite Decimal\b"), "an amount"),
    (re.compile(r"\ban? (?:tuple|frozenset|list|set)\b"), "an array"),
    (re.compile(r"\bCreditCode\b"), "unified social credit code"),
    (re.compile(r"\bResidentId\b"), "resident identity number"),
    (re.compile(r"\bNone\b"), "null"),
    (re.compile(r"\bTrue\b"), "true"),
    (re.compile(r"\bFalse\b"), "false"),
    (re.compile(r"\bDecimal\b"), "amount"),
    (re.compile(r"\bstr\b"), "string"),
    (re.compile(r"\bint\b"), "integer"),
)
_JSON_LITERALS: Final = {"True": "true", "False": "false", "None": "null"}
_JSON_KINDS: Final = {
    "NoneType": "null",
    "bool": "true or false",
    "int": "an integer",
    "float": "a number",
    "Decimal": "an amount",
    "str": "a string",
    "tuple": "an array",
    "list": "an array",
    "frozenset": "an array",
    "dict": "an object",
}


def _json_string(match: "re.Match[str]") -> str:
    return json.dumps(match.group(1), ensure_ascii=False)


def json_words(text: str) -> str:
    """*text*, a model check's message, in JSON's words rather than Python's.

    The model's checks speak to a Python caller (``None``, ``True``, ``int``,
    ``'text'``); whoever wrote JSON reads ``null``, ``true``, ``integer`` and
    ``"text"``.  Anything else is left as it is.

    Example:
        >>> from skillchain._serialization import json_words
        >>> json_words("got 0; expected an int of at least 1 or None")
        'got 0; expected an integer of at least 1 or null'
        >>> json_words("key 'x' differs; expected top_up=False")
        'key "x" differs; expected "top_up": false'
    """
    text = _PY_STRING.sub(_json_string, text)
    text = _PY_ASSIGNED.sub(
        lambda m: f'"{m.group(1)}": {_JSON_LITERALS[m.group(2)]}', text
    )
    text = _PY_TYPE_GOT.sub(
        lambda m: f"got {_JSON_KINDS.get(m.group(1), 'a value of another kind')}",
        text,
    )
    for pattern, words in _PY_WORDS:
        text = pattern.sub(words, text)
    return text


_SAID_YOU: Final = frozenset({"uni", "use", "usu", "uti", "ure", "uri", "ura"})


def article(name: str) -> str:
    """*name* (a type's name, or a word) with its indefinite article: ``an Enterprise``.

    Example:
        >>> from skillchain._serialization import article
        >>> article("ApprenticeEnrolment"), article("Person"), article("UiSkillClaim")
        ('an ApprenticeEnrolment', 'a Person', 'a UiSkillClaim')
    """
    first = name[:1]
    if first in {"U", "u"}:
        # "an Update", but "a Unit", "a User" and "a UI" (said "you").
        vowel = not (name[:3].lower() in _SAID_YOU or name[1:2] in {"I", "i", "S"})
    else:
        vowel = first != "" and first in "AEIOaeio"
    return f"{'an' if vowel else 'a'} {name}"


def _walk(error: BaseException) -> list[tuple[str, str]]:
    """Flatten one exception (or cattrs exception group) into path/message pairs."""
    if isinstance(error, _Problems):
        return error.items
    if isinstance(error, InputError):
        return [(p.path, p.message) for p in error.problems]
    if isinstance(error, InvalidValueError):
        return [("", _invalid_text(error))]
    if isinstance(error, ClassValidationError):
        out: list[tuple[str, str]] = []
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            if isinstance(sub, KeyError):
                wanted = describe_type(note.type)
                out.append((_segment(note.name), f"required key is missing ({wanted})"))
            else:
                out.extend((_prefix(note.name, p), m) for p, m in _walk(sub))
        for sub in without:
            if isinstance(sub, ForbiddenExtraKeysError):
                known = sorted(_field_names(sub.cl))
                out.extend(
                    (_segment(key), _unknown_key(key, known, sub.cl.__name__))
                    for key in sorted(sub.extra_fields)
                )
            elif isinstance(sub, InvalidValueError):
                out.append((_field_path(error.cl, sub), _invalid_text(sub)))
            else:
                out.extend(_walk(sub))
        return out
    if isinstance(error, IterableValidationError):
        out = []
        indexed, plain = error.group_exceptions()
        for sub, inote in indexed:
            index = inote.index
            out.extend((_prefix(index, p), m) for p, m in _walk(sub))
        for sub in plain:
            out.extend(_walk(sub))
        return out
    if isinstance(error, BaseExceptionGroup):
        return [item for sub in error.exceptions for item in _walk(sub)]
    text = json_words(str(error))
    return [("", f"invalid value ({text})" if text else "invalid value")]


def _field_path(cls: type, error: InvalidValueError) -> str:
    """The field an error names (``Class.field``), if it is a field of *cls*."""
    owner, _, field = error.field.partition(".")
    if owner == cls.__name__ and attrs.has(cls) and field in _field_names(cls):
        return field
    return ""


def _unknown_key(key: str, known: list[str], owner: str = "object") -> str:
    if not known:
        return "unknown key: this object takes no keys"
    # A key far longer than any known one is like none of them (and comparing a
    # huge key would take long).
    long = len(key) > 2 * max(map(len, known))
    hint = [] if long else difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    maybe = f' (did you mean "{hint[0]}"?)' if hint else ""
    if len(known) > _LISTED_KEYS:
        return (
            f"unknown key{maybe}; {article(owner)} has no such key "
            f"(its JSON Schema lists the {len(known)} keys it takes)"
        )
    listed = ", ".join(f'"{k}"' for k in known)
    return f"unknown key{maybe}; expected only {listed}"


def to_input_error(error: BaseException) -> InputError:
    """Turn whatever a structure hook raised into one masked :class:`InputError`."""
    items = _walk(error) or [("", "invalid value")]
    return InputError(
        InputProblem(path=_scrub(path), message=_scrub(message))
        for path, message in items
    )


# -- describing types in JSON terms --------------------------------------------


def _is_union(tp: object) -> bool:
    return get_origin(tp) in (typing.Union, types.UnionType)


def _field_names(cls: type) -> list[str]:
    return [a.alias for a in attrs.fields(cls) if a.init]


def describe_type(tp: object) -> str:
    """What a value of *tp* looks like in JSON, for error messages."""
    if _is_union(tp):
        args = get_args(tp)
        parts = [describe_type(a) for a in args if a is not _NONE_TYPE]
        text = " or ".join(parts)
        return f"{text} or null" if _NONE_TYPE in args else text
    origin = get_origin(tp)
    described = _SIMPLE.get(tp)
    if described is not None:
        return described
    if isinstance(tp, type) and tp in CODE_PATTERNS:
        return CODE_PATTERNS[tp][1]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _one_of(tp)
    if tp is Finding:
        return "an object (Finding)"
    if tp is Citation:
        return "an object (Citation)"
    if isinstance(tp, type) and attrs.has(tp):
        return f"an object ({tp.__name__})"
    if origin in (tuple, frozenset, list, set):
        return "an array"
    return "a value"


_SIMPLE: Final[dict[object, str]] = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    Decimal: 'an amount like "5500.00"',
    date: "a date like 2024-01-31",
    _NONE_TYPE: "null",
}

_LISTED = 12


def _one_of(cls: type[enum.Enum]) -> str:
    values = [json.dumps(m.value, ensure_ascii=False) for m in cls]
    if len(values) > _LISTED:
        values = [*values[:_LISTED], f"… ({len(values)} values)"]
    return "one of " + ", ".join(values)


# -- scalar hooks ----------------------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _Problems.one(f"expected a string, got {got(value)}")


def _integer(value: object) -> int | None:
    """A JSON integer (``5500`` or ``5500.0``) as an int; None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _structure_int(value: object, _: object) -> int:
    number = _integer(value)
    if number is None:
        raise _Problems.one(f"expected an integer, got {got(value)}")
    if not -INTEGER_LIMIT <= number <= INTEGER_LIMIT:
        raise _Problems.one(
            f"expected an integer from -(2**53 - 1) to 2**53 - 1, got {got(value)}"
        )
    return number


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _Problems.one(f"expected true or false, got {got(value)}")


def _structure_decimal(value: object, _: object) -> Decimal:
    # JSON Schema counts 5500.0 as an integer, so it is read as one.
    number = _integer(value)
    if number is not None and -AMOUNT_LIMIT <= number <= AMOUNT_LIMIT:
        return Decimal(number)
    if isinstance(value, str) and _AMOUNT.fullmatch(value):
        # The pattern bounds the digits, so this is exact and quick in any context.
        return Decimal(value)
    raise _Problems.one(f"expected {_AMOUNT_EXPECTED}, got {got(value)}")


def decimal_text(value: Decimal) -> str:
    """An amount as JSON text: a plain numeral, never an exponent (``"5000"``)."""
    return format(value, "f")


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, str) and _DATE.fullmatch(value):
        # The pattern admits only days that exist; fromisoformat cannot fail.
        return date.fromisoformat(value)
    raise _Problems.one(f"expected a date like 2024-01-31, got {got(value)}")


@functools.cache
def _code_hook(cls: type[T]) -> Callable[[object, object], T]:
    description = CODE_PATTERNS[cls][1]
    shape = _CODES[cls]

    def structure(value: object, _: object) -> T:
        # The pattern first: what the schema refuses is refused here too, whatever
        # the constructor would make of it (surrounding spaces, other digits).
        if not isinstance(value, str) or not shape.fullmatch(value):
            raise _Problems.one(f"expected {description}, got {got(value)}")
        try:
            return cls(value)  # type: ignore[call-arg]
        except InvalidValueError as error:
            raise _Problems.one(_invalid_text(error)) from None

    return structure


@functools.cache
def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members = {(type(m.value), m.value): m for m in cls}

    def structure(value: object, _: object) -> enum.Enum:
        try:
            return members[type(value), value]
        except (KeyError, TypeError):
            raise _Problems.one(f"expected {_one_of(cls)}, got {got(value)}") from None

    return structure


# -- fact values, findings, citations ------------------------------------------

_PUBLIC_MODULES: Final = (
    "skillchain",
    "skillchain.model",
    "skillchain.policy",
    "skillchain.catalog",
    "skillchain.rules",
)
_ENUMS: dict[str, type[enum.Enum]] = {}


def enum_registry() -> Mapping[str, type[enum.Enum]]:
    """Every public enum, by its public name (read from the public modules' ``__all__``)."""
    if not _ENUMS:
        found: dict[str, type[enum.Enum]] = {}
        for name in _PUBLIC_MODULES:
            module = importlib.import_module(name)
            for public in module.__all__:
                obj = getattr(module, public)
                if isinstance(obj, type) and issubclass(obj, enum.Enum):
                    found.setdefault(public, obj)
        _ENUMS.update(found)
    return _ENUMS


def _enum_name(cls: type[enum.Enum]) -> str:
    for name, known in enum_registry().items():
        if known is cls:
            return name
    return f"{cls.__module__}:{cls.__qualname__}"


def _enum_by_name(name: str) -> type[enum.Enum] | None:
    known = enum_registry().get(name)
    if known is not None:
        return known
    module_name, _, qualname = name.partition(":")
    if not qualname or not module_name.startswith("skillchain."):
        return None
    try:
        obj: object = importlib.import_module(module_name)
        for part in qualname.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError):
        return None
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return obj
    return None


_TAGGED: Final[dict[str, tuple[type, Callable[[object, object], Any]]]] = {
    "decimal": (Decimal, _structure_decimal),
    "date": (date, _structure_date),
    "division_code": (DivisionCode, _code_hook(DivisionCode)),
    "occupation_code": (OccupationCode, _code_hook(OccupationCode)),
    "credit_code": (CreditCode, _code_hook(CreditCode)),
}


def fact_value_tags() -> Mapping[str, type]:
    """The ``type`` tags of encoded fact values (``"enum"`` aside) and their types."""
    return {tag: cls for tag, (cls, _) in _TAGGED.items()}


def unstructure_fact_value(value: FactValue) -> object:
    """Encode one fact value: JSON scalars as they are, everything else tagged."""
    if value is None or isinstance(value, enum.Enum):
        if value is None:
            return None
        return {"type": "enum", "enum": _enum_name(type(value)), "value": value.value}
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return {"type": "decimal", "value": decimal_text(value)}
    if isinstance(value, datetime):
        msg = f"a finding value must be a date, not a datetime: {value!r}"
        raise TypeError(msg)
    if isinstance(value, date):
        return {"type": "date", "value": value.isoformat()}
    for tag, (cls, _) in _TAGGED.items():
        if isinstance(value, cls):
            return {"type": tag, "value": str(value)}
    msg = f"not a fact value: {type(value).__name__}"
    raise TypeError(msg)


def structure_fact_value(value: object) -> FactValue:
    """Decode one fact value written by :func:`unstructure_fact_value`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _structure_int(value, int)
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, float):
        raise _Problems.one(
            "expected a string, an integer, true, false, null or a tagged value; "
            f'write fractions as {{"type": "decimal", "value": "0.5"}}, got {got(value)}'
        )
    if not isinstance(value, dict):
        raise _Problems.one(
            "expected a string, an integer, true, false, null or a tagged object "
            f'like {{"type": "date", "value": "2024-01-31"}}, got {got(value)}'
        )
    tag = value.get("type")
    tags = [*_TAGGED, "enum"]
    if tag not in tags:
        listed = ", ".join(f'"{t}"' for t in tags)
        raise _Problems.one(f"expected one of {listed}, got {got(tag)}", "type")
    allowed = ["enum", "type", "value"] if tag == "enum" else ["type", "value"]
    problems = [
        (_segment(k), _unknown_key(k, allowed)) for k in value if k not in allowed
    ]
    problems.extend((k, "required key is missing") for k in allowed if k not in value)
    if problems:
        raise _Problems(problems)
    if tag == "enum":
        name = value["enum"]
        cls = _enum_by_name(name) if isinstance(name, str) else None
        if cls is None:
            raise _Problems.one(
                f'expected the name of a skillchain enum such as "SkillLevel", got {got(name)}',
                "enum",
            )
        try:
            return _enum_hook(cls)(value["value"], cls)
        except _Problems as error:
            raise _Problems(
                [(_prefix("value", p), m) for p, m in error.items]
            ) from None
    _, hook = _TAGGED[typing.cast("str", tag)]
    try:
        result: FactValue = hook(value["value"], None)
    except _Problems as error:
        raise _Problems([(_prefix("value", p), m) for p, m in error.items]) from None
    return result


_FINDING_KEYS: Final = ("check", "held", "values", "citations", "missing")


# -- the converter -------------------------------------------------------------


class SkillchainConverter(JsonConverter):
    """skillchain's JSON converter: strict hooks; :meth:`structure` raises InputError.

    Records (attrs classes) are built by a generated fast path first; whatever it
    does not accept is structured again by the checked path, which reports every
    problem.  ``fast=False`` keeps only the checked path (to compare the two).
    """

    def __init__(self, *, policy: "Policy | None" = None, fast: bool = True) -> None:
        super().__init__(forbid_extra_keys=True)
        self._policy = policy
        self.fast = fast
        """Whether records are built by the fast path first."""
        self._documents: Mapping[str, Document] | None = None
        _configure(self)

    def documents(self) -> Mapping[str, Document]:
        """The document register citations are resolved against."""
        if self._documents is None:
            if self._policy is None:
                from skillchain.policy import Policy

                self._documents = Policy.default().documents
            else:
                self._documents = self._policy.documents
        return self._documents

    def structure(self, obj: Any, cl: Any) -> Any:
        """Build a *cl* from *obj*, raising one :class:`~skillchain.InputError`."""
        try:
            return self.get_structure_hook(cl)(obj, cl)
        except InputError:
            raise
        except Exception as error:  # noqa: BLE001 - every failure becomes an InputError
            raise to_input_error(error) from None


def new_converter(*, policy: "Policy | None" = None) -> SkillchainConverter:
    """A new converter; citations resolve against *policy*'s register (bundled if None)."""
    return SkillchainConverter(policy=policy)


def _configure(conv: SkillchainConverter) -> None:
    special: set[type] = {*CODE_PATTERNS, Citation, Finding}

    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, decimal_text)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    for cls in (DivisionCode, OccupationCode, CreditCode, ResidentId):
        conv.register_structure_hook(cls, _code_hook(cls))
    for cls in (DivisionCode, OccupationCode, CreditCode):
        conv.register_unstructure_hook(cls, str)
    conv.register_unstructure_hook(ResidentId, ResidentId.reveal)

    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: _enum_value,
    )

    def is_attrs(tp: object) -> bool:
        return isinstance(tp, type) and attrs.has(tp) and tp not in special

    conv.register_structure_hook_factory(is_attrs, lambda t: attrs_hook(conv, t))
    conv.register_structure_hook_factory(
        _is_attrs_union, lambda t: _attrs_union_hook(conv, t)
    )
    conv.register_structure_hook_factory(
        _is_collection, lambda t: _collection_hook(conv, t)
    )
    conv.register_unstructure_hook_factory(
        _is_collection, lambda t: _collection_unhook(conv, t)
    )

    def structure_citation(value: object, _: object) -> Citation:
        return _structure_citation(conv, value)

    def unstructure_citation(citation: Citation) -> dict[str, object]:
        doc = citation.document
        known = conv.documents().get(doc.id)
        shown: object = doc.id if known == doc else conv.unstructure(doc, Document)
        data: dict[str, object] = {"document": shown, "article": citation.article}
        if citation.period_inferred:
            data["period_inferred"] = True
        return data

    conv.register_structure_hook(Citation, structure_citation)
    conv.register_unstructure_hook(Citation, unstructure_citation)

    def structure_finding(value: object, _: object) -> Finding:
        return _structure_finding(conv, value)

    def unstructure_finding(finding: Finding) -> dict[str, object]:
        return {
            "check": finding.check,
            "held": finding.held,
            "values": [[k, unstructure_fact_value(v)] for k, v in finding.values],
            "citations": [unstructure_citation(c) for c in finding.citations],
            "missing": list(finding.missing),
        }

    conv.register_structure_hook(Finding, structure_finding)
    conv.register_unstructure_hook(Finding, unstructure_finding)


def _enum_value(member: enum.Enum) -> object:
    return member.value


def attrs_hook(
    conv: SkillchainConverter, cls: type[T]
) -> Callable[[object, object], T]:
    """The strict structure hook *conv* uses for the attrs class *cls*.

    It refuses a value that is not a JSON object and keys the class does not have,
    and reports every problem with its path relative to the object.  A value is
    first built by code generated for *cls* (see :class:`RecordHook`); anything
    that code does not accept goes through cattrs' generated code with detailed
    validation, which finds every problem.  A converter that wraps the hook (to
    reuse records already built, say) takes it from here.
    """
    checked = checked_attrs_hook(conv, cls)
    if not conv.fast:
        return checked
    return RecordHook(conv, cls, checked)


def checked_attrs_hook(
    conv: SkillchainConverter, cls: type[T]
) -> Callable[[object, object], T]:
    """The checked structure hook of *cls*: cattrs' generated code, every problem found."""
    generated = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: object, _: object) -> T:
        if not isinstance(value, dict):
            raise _Problems.one(
                f"expected an object ({cls.__name__}), got {got(value)}"
            )
        try:
            return generated(value, cls)
        except _Problems:
            raise
        except InvalidValueError as error:
            raise _Problems.one(_invalid_text(error), _field_path(cls, error)) from None
        except Exception as error:  # noqa: BLE001 - reported as problems
            raise _Problems(_walk(error)) from None

    return structure


# -- the fast path for records ------------------------------------------------------
#
# For each attrs class a function is generated (on first use) that reads a JSON
# object key by key, converts each value as its declared type does (strictly: only
# the exact JSON kinds the checked path accepts), runs the field checks that the
# type does not already imply, and builds the record the way attrs' own __init__
# does.  It raises at the first thing it does not accept, and the checked path then
# structures the value again and reports every problem, so errors are the checked
# path's, unchanged.  The code is written by skillchain._fast_structure, imported
# on first use.


_GENERATING: Final = threading.RLock()
_OWN_COLLECTION_HOOKS: Final[weakref.WeakSet[Callable[..., object]]] = weakref.WeakSet()
"""The array hooks this module made (the fast path reads their arrays itself)."""
_OWN_SCALAR_HOOKS: Final[Mapping[Callable[..., object], str]] = {
    _structure_str: "str",
    _structure_int: "int",
    _structure_bool: "bool",
    _structure_decimal: "decimal",
    _structure_date: "date",
}


def hook_kind(conv: SkillchainConverter, tp: object) -> tuple[str, Any]:
    """Which of this module's hooks *conv* uses for *tp*, for the fast path to mirror.

    Returns ``(kind, detail)``: ``"str"``, ``"int"``, ``"bool"``, ``"decimal"`` or
    ``"date"`` (detail None); ``"optional"`` (the type besides None); ``"enum"`` or
    ``"code"`` (the class); ``"record"`` (its :class:`RecordHook`); ``"array"``
    (the collection's type and its items' type); or ``"hook"`` with the hook
    itself, for any hook this module did not make (registered by a caller, a union
    of records, a finding, ...).
    """
    hook = conv.get_structure_hook(tp)
    scalar = _OWN_SCALAR_HOOKS.get(hook)
    if scalar is not None:
        return scalar, None
    args = get_args(tp)
    if _is_union(tp) and hook == conv._structure_optional:  # noqa: SLF001
        inner = [a for a in args if a is not _NONE_TYPE]
        if len(inner) == 1:
            return "optional", inner[0]
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum) and hook is _enum_hook(tp):
            return "enum", tp
        if tp in _CODES and hook is _code_hook(tp):
            return "code", tp
        if isinstance(hook, RecordHook) and hook.conv is conv:
            return "record", hook
    if hook in _OWN_COLLECTION_HOOKS:
        origin = get_origin(tp)
        if origin is not tuple or (len(args) == 2 and args[1] is Ellipsis):
            return "array", (origin, args[0])
    return "hook", hook


class RecordHook:
    """The structure hook of one attrs class: the fast path, then the checked one.

    The fast function is generated on the first call (so records that refer to
    each other are no problem); records nested in a record are built by their own
    fast functions directly, so a refused value is re-read once per level, not
    once per path.
    """

    __slots__ = ("_building", "_fast", "checked", "cls", "conv")

    def __init__(
        self,
        conv: SkillchainConverter,
        cls: type[Any],
        checked: Callable[[object, object], Any],
    ) -> None:
        self.conv = conv
        """The converter whose hooks the record's fields use."""
        self.cls = cls
        """The attrs class."""
        self.checked = checked
        """The checked hook, which reports every problem."""
        self._fast: Callable[[object], Any] | None = None
        self._building = False

    def __call__(self, value: object, _: object) -> Any:
        """Build the record from JSON-shaped *value*, or raise the checked path's problems."""
        fast = self._fast or self.fast()
        try:
            return fast(value)
        except Exception:  # noqa: BLE001 - the checked path finds and reports it
            return self.checked(value, self.cls)

    def fast(self) -> Callable[[object], Any]:
        """The generated function (made on first use); it raises on anything it refuses."""
        fast = self._fast
        if fast is not None:
            return fast
        with _GENERATING:  # one thread writes it; the others wait for it
            if self._fast is not None:
                return self._fast
            if self._building:  # a record that holds itself: go through the hook
                cls = self.cls
                return lambda value: self(value, cls)
            self._building = True
            try:
                from skillchain._fast_structure import Generator

                fast = self._fast = Generator(self.conv).record(self.cls)
            finally:
                self._building = False
        return fast


def _is_attrs_union(tp: object) -> bool:
    if not _is_union(tp):
        return False
    members = [a for a in get_args(tp) if a is not _NONE_TYPE]
    return len(members) > 1 and all(
        isinstance(m, type) and attrs.has(m) for m in members
    )


def _attrs_union_hook(
    conv: SkillchainConverter, tp: object
) -> Callable[[object, object], object]:
    """Pick the one member whose required keys are present and which knows every key."""
    args = get_args(tp)
    optional = _NONE_TYPE in args
    members: list[type] = [a for a in args if a is not _NONE_TYPE]
    shapes = [
        (
            m,
            {a.alias for a in attrs.fields(m) if a.init and a.default is attrs.NOTHING},
            set(_field_names(m)),
        )
        for m in members
    ]
    described = " or ".join(f"an object ({m.__name__})" for m in members)

    def structure(value: object, _: object) -> object:
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            null = " or null" if optional else ""
            raise _Problems.one(f"expected {described}{null}, got {got(value)}")
        keys = set(value)
        fits = [m for m, required, names in shapes if required <= keys <= names]
        if len(fits) == 1:
            return conv.get_structure_hook(fits[0])(value, fits[0])
        if fits:
            listed = ", ".join(m.__name__ for m in fits)
            raise _Problems.one(f"ambiguous: the keys fit {listed} alike")
        best, _req, _names = max(
            shapes, key=lambda s: len(keys & s[2]) - len(s[1] - keys) - len(keys - s[2])
        )
        head = (
            "",
            (
                f"expected {described}; the keys fit none, so it was checked as "
                f"the closest, {best.__name__}"
            ),
        )
        try:
            return conv.get_structure_hook(best)(value, best)
        except _Problems as error:
            raise _Problems([head, *error.items]) from None

    return structure


def _is_collection(tp: object) -> bool:
    return get_origin(tp) in (tuple, frozenset, list, set) and bool(get_args(tp))


def _collection_hook(
    conv: SkillchainConverter, tp: object
) -> Callable[[object, object], object]:
    origin = get_origin(tp)
    args = get_args(tp)
    homogeneous = origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)
    build: Callable[[Iterable[object]], object] = origin  # type: ignore[assignment]

    def structure(value: object, _: object) -> object:
        if not isinstance(value, list | tuple):
            raise _Problems.one(f"expected an array, got {got(value)}")
        if not homogeneous and len(value) != len(args):
            raise _Problems.one(
                f"expected an array of {len(args)} items, got {len(value)} items"
            )
        problems: list[tuple[str, str]] = []
        out: list[object] = []
        for index, item in enumerate(value):
            item_type = args[0] if homogeneous else args[index]
            try:
                out.append(conv.get_structure_hook(item_type)(item, item_type))
            except Exception as error:  # noqa: BLE001 - reported as problems
                problems.extend((_prefix(index, p), m) for p, m in _walk(error))
        if problems:
            raise _Problems(problems)
        return build(out)

    _OWN_COLLECTION_HOOKS.add(structure)
    return structure


def _sort_key(item: object) -> str:
    return json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)


def _collection_unhook(
    conv: SkillchainConverter, tp: object
) -> Callable[[Any], list[object]]:
    origin = get_origin(tp)
    args = get_args(tp)
    homogeneous = origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)

    def unstructure(value: Iterable[object]) -> list[object]:
        if homogeneous:
            out = [conv.unstructure(item, args[0]) for item in value]
        else:
            out = [
                conv.unstructure(item, t) for item, t in zip(value, args, strict=True)
            ]
        if origin in (frozenset, set):
            out.sort(key=_sort_key)
        return out

    return unstructure


def _check_keys(
    value: dict[Any, Any], allowed: Iterable[str], required: Iterable[str]
) -> list[tuple[str, str]]:
    known = list(allowed)
    problems = [
        (_segment(k), _unknown_key(k, sorted(known))) for k in value if k not in known
    ]
    problems.extend((k, "required key is missing") for k in required if k not in value)
    return problems


def _structure_citation(conv: SkillchainConverter, value: object) -> Citation:
    if not isinstance(value, dict):
        raise _Problems.one(f"expected an object (Citation), got {got(value)}")
    problems = _check_keys(
        value, ("document", "article", "period_inferred"), ("document",)
    )
    document: Document | None = None
    raw = value.get("document")
    if isinstance(raw, str):
        register = conv.documents()
        document = register.get(raw)
        if document is None:
            # A far longer id is close to none (and comparing it would take long).
            hint = closest(raw, register)[:1] if len(raw) <= _SHOWN else []
            maybe = f' (did you mean "{hint[0]}"?)' if hint else ""
            problems.append(
                (
                    "document",
                    (
                        f"unknown document id {got(raw)}{maybe}; expected an id "
                        "from the document register, or a full document object"
                    ),
                )
            )
    elif "document" in value:
        try:
            document = conv.get_structure_hook(Document)(raw, Document)
        except _Problems as error:
            problems.extend((_prefix("document", p), m) for p, m in error.items)
    article = value.get("article")
    if article is not None and not isinstance(article, str):
        problems.append(("article", f"expected a string or null, got {got(article)}"))
    inferred = value.get("period_inferred", False)
    if not isinstance(inferred, bool):
        problems.append(
            ("period_inferred", f"expected true or false, got {got(inferred)}")
        )
    if problems or document is None:
        raise _Problems(problems)
    return Citation(
        document=document,
        article=typing.cast("str | None", article),
        period_inferred=inferred is True,
    )


def _structure_finding(conv: SkillchainConverter, value: object) -> Finding:
    if not isinstance(value, dict):
        raise _Problems.one(f"expected an object (Finding), got {got(value)}")
    problems = _check_keys(value, _FINDING_KEYS, ("check", "held"))
    check = value.get("check")
    if "check" in value and not isinstance(check, str):
        problems.append(("check", f"expected a string, got {got(check)}"))
    held = value.get("held")
    if held is not None and not isinstance(held, bool):
        problems.append(("held", f"expected true, false or null, got {got(held)}"))
    pairs: list[tuple[str, FactValue]] = []
    raw_values = value.get("values", [])
    items: Iterable[tuple[str | int, object]]
    if isinstance(raw_values, dict):
        items = [(k, [k, v]) for k, v in raw_values.items()]
    elif isinstance(raw_values, list):
        items = list(enumerate(raw_values))
    else:
        problems.append(
            (
                "values",
                f"expected an array of [name, value] pairs or an object, got {got(raw_values)}",
            )
        )
        items = []
    for key, pair in items:
        where = _prefix("values", _segment(key))
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
            problems.append((where, f"expected a [name, value] pair, got {got(pair)}"))
            continue
        try:
            pairs.append((pair[0], structure_fact_value(pair[1])))
        except _Problems as error:
            inner = where if isinstance(key, str) else f"{where}[1]"
            problems.extend(
                (f"{inner}.{p}" if p and not p.startswith("[") else inner + p, m)
                for p, m in error.items
            )
    citations: list[Citation] = []
    raw_citations = value.get("citations", [])
    if isinstance(raw_citations, list):
        for index, raw in enumerate(raw_citations):
            try:
                citations.append(_structure_citation(conv, raw))
            except _Problems as error:
                problems.extend(
                    (_prefix("citations", _prefix(index, p)), m) for p, m in error.items
                )
    else:
        problems.append(("citations", f"expected an array, got {got(raw_citations)}"))
    missing = value.get("missing", [])
    if not (isinstance(missing, list) and all(isinstance(m, str) for m in missing)):
        problems.append(
            ("missing", f"expected an array of strings, got {got(missing)}")
        )
        missing = []
    if problems:
        raise _Problems(problems)
    return Finding(
        check=typing.cast("str", check),
        held=typing.cast("bool | None", held),
        values=tuple(pairs),
        citations=tuple(citations),
        missing=tuple(typing.cast("list[str]", missing)),
    )
