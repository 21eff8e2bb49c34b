"""JSON Schema (2020-12) for skillchain's types, derived from attrs fields and hints.

The schema mirrors the structure hooks of :mod:`skillchain._serialization`: whatever
the schema rejects, :func:`skillchain.serialization.structure` rejects too.  For
amounts, dates and integers the two agree exactly (the patterns match the whole
string, with no final newline, in ECMA 262 and in Python alike, and dates that do
not exist are not matched); the schema cannot know check characters, registered
codes or cross-field rules, which only the types themselves check.

A rule's facts (the keyword arguments of its function, as :func:`skillchain.decide`
reads them) are described the same way: :func:`rule_facts` lists them and
:func:`facts_schema` is the JSON Schema of the object that carries them.
"""

import collections.abc
import enum
import inspect
import types
import typing

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

import attrs

from skillchain._decision import Finding
from skillchain._serialization import (
    AMOUNT_LIMIT,
    AMOUNT_PATTERN,
    CODE_PATTERNS,
    DATE_PATTERN,
    INTEGER_LIMIT,
    fact_value_tags,
)
from skillchain._sources import Citation, Document


if TYPE_CHECKING:
    from skillchain.rules import Rule

__all__ = ["DIALECT", "Fact", "facts_schema", "json_schema", "rule_facts"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect every generated schema declares."""

_NONE_TYPE: Final = type(None)
_NULL: Final = {"type": "null"}


def json_schema(cls: object) -> dict[str, Any]:
    """The JSON Schema (2020-12) of the documents :func:`structure` accepts for *cls*.

    Generated from the attrs fields and type hints, recursively: nested classes,
    enums and codes are named entries under ``$defs``.  Objects forbid unknown keys
    (``additionalProperties: false``); ``required`` lists the fields without a
    default; an optional fact is ``null`` or its type; dates and codes are strings
    with a ``pattern`` (dates also carry ``format: date``); amounts are strings such
    as ``"5500.00"`` (or integers); enums list their values.

    Raises:
        TypeError: *cls* is not a type that travels as JSON (it holds functions,
            mappings of parameters, or other Python-only values).

    Example:
        >>> from skillchain.model import LabourContract
        >>> from skillchain.serialization import json_schema
        >>> schema = json_schema(LabourContract)
        >>> schema["required"], schema["additionalProperties"]
        (['start'], False)
        >>> schema["properties"]["end"]
        {'anyOf': [{'$ref': '#/$defs/Date'}, {'type': 'null'}]}
    """
    builder = _Builder()
    top = builder.schema(cls)
    defs = builder.defs
    root: dict[str, Any]
    ref = top.get("$ref")
    if isinstance(ref, str) and len(top) == 1:
        name = ref.removeprefix("#/$defs/")
        root = dict(defs[name])
        others = {k: v for k, v in defs.items() if k != name}
        if f'"{ref}"' in repr(others).replace("'", '"'):
            others[name] = defs[name]
        defs = others
    else:
        root = dict(top)
    result: dict[str, Any] = {"$schema": DIALECT, **root}
    if defs:
        result["$defs"] = dict(sorted(defs.items()))
    return result


@attrs.frozen
class Fact:
    """One fact a rule decides on: a keyword argument of its function (not ``on`` or
    ``policy``), as :func:`skillchain.decide` and JSON fact files read it.

    Example:
        >>> from skillchain.serialization import rule_facts
        >>> for fact in rule_facts("apprenticeship.case"):
        ...     print(fact.name, fact.required, fact.nullable, fact.default)
        enrolment True False None
        shortage_occupation False True None
        student False False False
    """

    name: str
    """The fact's name: the key of the facts object, the function's argument."""
    type: Any
    """The type the fact is read as (``structure(value, fact.type)`` reads one); a
    fact that may be unknown is ``T | None``."""
    required: bool
    """Whether the fact must be given: it has no default and cannot be unknown."""
    nullable: bool
    """Whether ``null`` is allowed: the fact may be unknown."""
    default: object = None
    """What the rule takes when the fact is left out: the function's default, or
    ``None`` (unknown) for a fact that may be unknown; ``None`` too for a required
    fact, which cannot be left out."""


def rule_facts(rule: "Rule | str") -> tuple[Fact, ...]:
    """The facts *rule* (a rule or its registered id) decides on, in its function's order.

    Raises:
        UnknownRuleError: *rule* is an id no rule has (the message names the
            closest ids).

    Example:
        >>> from skillchain.serialization import rule_facts
        >>> [(f.name, f.type, f.required) for f in rule_facts("apprenticeship.settlement")]
        [('entitlement', decimal.Decimal | None, False), ('prepaid', <class 'decimal.Decimal'>, True), ('training_end', datetime.date | None, False)]
    """
    import inspect

    from skillchain._facts import fact_reader
    from skillchain.rules import get_rule

    found = get_rule(rule) if isinstance(rule, str) else rule
    reader = fact_reader(found)
    parameters = inspect.signature(found.function).parameters
    return tuple(
        Fact(
            name=name,
            type=reader.types[name],
            required=name not in reader.has_default and name not in reader.nullable,
            nullable=name in reader.nullable,
            default=(parameters[name].default if name in reader.has_default else None),
        )
        for name in reader.names
    )


def facts_schema(rule: "Rule | str") -> dict[str, Any]:
    """The JSON Schema (2020-12) of the facts object :func:`skillchain.decide` takes for *rule*.

    One property per fact (:func:`rule_facts`), each described as
    :func:`json_schema` describes a type, with nested types under ``$defs``;
    unknown keys are refused (``additionalProperties: false``).  ``required``
    lists the facts with no default that cannot be unknown; a fact that may be
    unknown is its type or ``null``, and a fact that may be left out carries the
    ``default`` the rule takes then.  What the schema rejects, :func:`skillchain.decide`
    rejects too; it may still refuse what the schema cannot check (check
    characters, registered codes, how facts fit together).

    Raises:
        UnknownRuleError: *rule* is an id no rule has.
        TypeError: A fact's type does not travel as JSON (a rule from outside the
            library may take such a fact).

    Example:
        >>> from skillchain.serialization import facts_schema
        >>> schema = facts_schema("apprenticeship.case")
        >>> schema["title"], schema["required"]
        ('Facts of apprenticeship.case', ['enrolment'])
        >>> schema["properties"]["shortage_occupation"]
        {'anyOf': [{'type': 'boolean'}, {'type': 'null'}], 'default': None}
        >>> schema["properties"]["enrolment"]
        {'$ref': '#/$defs/ApprenticeEnrolment'}
    """
    from skillchain.rules import get_rule
    from skillchain.serialization import unstructure

    found = get_rule(rule) if isinstance(rule, str) else rule
    facts = rule_facts(found)
    builder = _Builder()
    properties: dict[str, Any] = {}
    for fact in facts:
        schema = builder.schema(fact.type)
        if not fact.required:
            schema = {**schema, "default": unstructure(fact.default)}
        properties[fact.name] = schema
    result: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"Facts of {found.id}",
        "description": f"{found.title_en} ({found.title_zh}): the facts rule "
        f"{found.id} decides on, one key each. A fact that may be unknown is null "
        "or left out; a fact with a default may be left out.",
        "type": "object",
        "properties": properties,
        "required": [fact.name for fact in facts if fact.required],
        "additionalProperties": False,
    }
    if builder.defs:
        result["$defs"] = dict(sorted(builder.defs.items()))
    return result


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[object, str] = {}

    def named(
        self, key: object, name: str, make: typing.Callable[[], dict[str, Any]]
    ) -> dict[str, Any]:
        known = self.names.get(key)
        if known is None:
            known = name
            if known in self.defs:
                module = getattr(key, "__module__", "x").replace(".", "_")
                known = f"{name}_{module}"
            self.names[key] = known
            self.defs[known] = {}
            self.defs[known] = make()
        return {"$ref": f"#/$defs/{known}"}

    def schema(self, tp: object) -> dict[str, Any]:
        if get_origin(tp) in (typing.Union, types.UnionType):
            return self.union(tp)
        simple = _SIMPLE.get(tp)
        if simple is not None:
            return dict(simple)
        if tp is Decimal:
            return self.named(Decimal, "Amount", _amount)
        if tp is date:
            return self.named(date, "Date", _date)
        if isinstance(tp, type) and tp in CODE_PATTERNS:
            pattern, description = CODE_PATTERNS[tp]
            return self.named(
                tp,
                tp.__name__,
                lambda: {
                    "type": "string",
                    "pattern": pattern,
                    "description": description,
                },
            )
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.named(tp, tp.__name__, lambda: _enum(tp))
        if tp is Citation:
            return self.named(Citation, "Citation", self.citation)
        if tp is Finding:
            return self.named(Finding, "Finding", self.finding)
        if isinstance(tp, type) and attrs.has(tp):
            return self.named(tp, tp.__name__, lambda: self.attrs_class(tp))
        origin = get_origin(tp)
        args = get_args(tp)
        if origin in _ARRAYS and len(args) == 1:
            return {"type": "array", "items": self.schema(args[0])}
        if origin is tuple and args:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.schema(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.schema(a) for a in args],
                "items": False,
                "minItems": len(args),
            }
        msg = f"{tp!r} has no JSON form: it is not a type skillchain reads from JSON"
        raise TypeError(msg)

    def union(self, tp: object) -> dict[str, Any]:
        args = get_args(tp)
        members = [a for a in args if a is not _NONE_TYPE]
        if len(members) == 1:
            inner = self.schema(members[0])
        elif all(isinstance(m, type) and attrs.has(m) for m in members):
            inner = {"oneOf": [self.schema(m) for m in members]}
        else:
            msg = f"{tp!r} has no JSON form: only unions of attrs classes are read"
            raise TypeError(msg)
        if _NONE_TYPE in args:
            return {"anyOf": [inner, dict(_NULL)]}
        return inner

    def attrs_class(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        fields = [a for a in attrs.fields(cls) if a.init]
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "type": "object",
            "properties": {a.alias: self.schema(hints[a.name]) for a in fields},
            "required": [a.alias for a in fields if a.default is attrs.NOTHING],
            "additionalProperties": False,
        }
        doc = _summary(cls)
        if doc:
            schema["description"] = doc
        return schema

    def citation(self) -> dict[str, Any]:
        return {
            "title": "Citation",
            "description": "A document (its register id, or the full document) and the "
            "article cited.",
            "type": "object",
            "properties": {
                "document": {
                    "anyOf": [
                        {"type": "string", "description": "A document register id."},
                        self.schema(Document),
                    ]
                },
                "article": {"type": ["string", "null"]},
                "period_inferred": {
                    "type": "boolean",
                    "description": "Whether the cited value's period in force was "
                    "inferred rather than read in the document (absent: false).",
                },
            },
            "required": ["document"],
            "additionalProperties": False,
        }

    def finding(self) -> dict[str, Any]:
        value = self.named("FactValue", "FactValue", self.fact_value)
        pair = {
            "type": "array",
            "prefixItems": [{"type": "string"}, value],
            "items": False,
            "minItems": 2,
        }
        return {
            "title": "Finding",
            "description": _summary(Finding),
            "type": "object",
            "properties": {
                "check": {"type": "string"},
                "held": {"type": ["boolean", "null"]},
                "values": {
                    "anyOf": [
                        {"type": "array", "items": pair},
                        {"type": "object", "additionalProperties": value},
                    ]
                },
                "citations": {"type": "array", "items": self.schema(Citation)},
                "missing": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["check", "held"],
            "additionalProperties": False,
        }

    def fact_value(self) -> dict[str, Any]:
        tagged: list[dict[str, Any]] = [
            {
                "type": "object",
                "properties": {"type": {"const": tag}, "value": self.schema(cls)},
                "required": ["type", "value"],
                "additionalProperties": False,
            }
            for tag, cls in fact_value_tags().items()
        ]
        tagged.append(
            {
                "type": "object",
                "properties": {
                    "type": {"const": "enum"},
                    "enum": {"type": "string"},
                    "value": {"type": ["string", "integer", "boolean", "null"]},
                },
                "required": ["type", "enum", "value"],
                "additionalProperties": False,
            }
        )
        return {
            "title": "FactValue",
            "description": "A value a finding compares: a JSON string, integer, "
            "boolean or null as it is; anything else as a tagged object.",
            "anyOf": [
                {"type": ["string", "boolean", "null"]},
                dict(_INTEGER),
                *tagged,
            ],
        }


_ARRAYS: Final = (
    frozenset,
    set,
    list,
    collections.abc.Sequence,
    collections.abc.Collection,
    collections.abc.Iterable,
)
"""Generic types of one item type that travel as a JSON array."""

_INTEGER: Final = {
    "type": "integer",
    "minimum": -INTEGER_LIMIT,
    "maximum": INTEGER_LIMIT,
}
_SIMPLE: Final[dict[object, dict[str, Any]]] = {
    str: {"type": "string"},
    int: _INTEGER,
    bool: {"type": "boolean"},
    _NONE_TYPE: {"type": "null"},
}


def _amount() -> dict[str, Any]:
    return {
        "description": 'An amount or rate written as a decimal string ("5500.00"): '
        "at most 15 digits before the decimal point and 20 after it, no exponent; "
        "an integer is accepted too.",
        "type": ["string", "integer"],
        "pattern": AMOUNT_PATTERN,
        "minimum": -AMOUNT_LIMIT,
        "maximum": AMOUNT_LIMIT,
    }


def _date() -> dict[str, Any]:
    return {
        "description": "An ISO 8601 calendar date (2024-01-31).",
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
    }


def _enum(cls: type[enum.Enum]) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": cls.__name__, "enum": [m.value for m in cls]}
    doc = _summary(cls)
    if doc:
        schema["description"] = doc
    return schema


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip()
