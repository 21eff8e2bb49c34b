"""JSON in and out: one preconfigured cattrs converter for every public type.

Identifiers travel as plain strings, dates as ISO-8601 (``2024-01-31``), amounts as
decimal strings (``"5500.00"``; a JSON float is refused: money is never binary
floating point), enums by value, sets and tuples as arrays.  Use :func:`structure`
and :func:`unstructure`, or the shared :data:`converter`; never cattrs' global one.

Bad input raises one :class:`~skillchain.InputError` listing every problem with its
JSON path; unknown keys are errors, missing required keys are errors, and values of
the wrong JSON kind are never coerced.  Nothing half-built escapes: an object is
constructed only after every part of it has been read without a problem.

:func:`json_schema` describes, as JSON Schema 2020-12, exactly the documents
:func:`structure` accepts for a type, for a portal form or another system's validator.
:func:`rule_facts` lists the facts a rule decides on (:class:`Fact`), and
:func:`facts_schema` is the JSON Schema of the facts object :func:`skillchain.decide`
takes for a rule.

Findings and citations have their own encoding (see the how-to "Validate JSON from
another system"): a citation names its document by register id; a finding's values are
``[name, value]`` pairs whose non-JSON values are tagged objects, such as
``{"type": "decimal", "value": "0.5"}``.

Example:
    >>> from skillchain import DivisionCode
    >>> from skillchain.serialization import structure, unstructure
    >>> structure("440304", DivisionCode)
    DivisionCode('440304')
    >>> unstructure(DivisionCode("440304"))
    '440304'
"""

from typing import TYPE_CHECKING, Any, Final, TypeVar

from cattrs.preconf.json import JsonConverter

from skillchain._schema_json import Fact, facts_schema, json_schema, rule_facts
from skillchain._serialization import new_converter


if TYPE_CHECKING:
    from skillchain.policy import Policy

__all__ = [
    "Fact",
    "converter",
    "facts_schema",
    "json_schema",
    "make_converter",
    "rule_facts",
    "structure",
    "unstructure",
]

T = TypeVar("T")


def make_converter(*, policy: "Policy | None" = None) -> JsonConverter:
    """A new converter configured for skillchain's types.

    Its ``structure`` raises :class:`~skillchain.InputError` like :func:`structure`.

    Args:
        policy: The policy whose document register citations are resolved against
            (a district's own documents live in its overlay); ``None`` means the
            bundled register.
    """
    return new_converter(policy=policy)


converter: Final[JsonConverter] = new_converter()
"""The shared converter the library uses (citations resolve in the bundled register)."""


def structure(data: object, cls: type[T]) -> T:
    """Build a *cls* from JSON-shaped *data* (dicts, lists, strings, numbers, null).

    Raises:
        InputError: The data is not a valid *cls*; every problem is listed with its
            JSON path, and identity numbers are masked.

    Example:
        >>> from skillchain import InputError
        >>> from skillchain.model import LabourContract
        >>> from skillchain.serialization import structure
        >>> structure({"start": "2024-01-01", "end": "2026-12-31"}, LabourContract)
        LabourContract(start=datetime.date(2024, 1, 1), end=datetime.date(2026, 12, 31))
        >>> try:
        ...     structure({"start": "2024-13-01", "months": 24}, LabourContract)
        ... except InputError as error:
        ...     print(error)
        invalid input (2 problems):
          - start: expected a date like 2024-01-31, got "2024-13-01"
          - months: unknown key; expected only "end", "start"
    """
    result: T = converter.structure(data, cls)
    return result


def unstructure(obj: object) -> Any:
    """Turn *obj* into JSON-shaped data (identity numbers in full: this is data out)."""
    return converter.unstructure(obj)
