"""JSON in and out: one preconfigured cattrs converter for every public type.

Identifiers travel as plain strings, dates as ISO-8601, amounts as decimal strings
(a JSON float is refused: money is never binary floating point), enums by value,
sets and tuples as arrays.  Use :func:`structure` and :func:`unstructure`, or the
shared :data:`converter`; never cattrs' global converter.

Example:
    >>> from skillchain import DivisionCode
    >>> from skillchain.serialization import structure, unstructure
    >>> structure("440304", DivisionCode)
    DivisionCode('440304')
    >>> unstructure(DivisionCode("440304"))
    '440304'
"""

from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode, ResidentId


__all__ = ["converter", "make_converter", "structure", "unstructure"]

T = TypeVar("T")


def _decimal(value: object, _type: object) -> Decimal:
    if isinstance(value, (bool, float)):
        msg = f'expected an amount written as a string such as "5500.00", got {value!r}'
        raise TypeError(msg)
    if isinstance(value, int | str):
        try:
            result = Decimal(value)
        except InvalidOperation:
            result = None
        if result is not None and result.is_finite():
            return result
    msg = f'expected an amount written as a string such as "5500.00", got {value!r}'
    raise ValueError(msg)


def _code(cls: type[T]) -> Any:
    def structure(value: object, _type: object) -> T:
        if not isinstance(value, str):
            msg = f"expected a string, got a value of type {type(value).__name__}"
            raise TypeError(msg)
        return cls(value)  # type: ignore[call-arg]

    return structure


def make_converter() -> JsonConverter:
    """A new converter configured for skillchain's types (extra keys are errors)."""
    conv = _make_json_converter(forbid_extra_keys=True)
    for cls in (DivisionCode, OccupationCode, CreditCode):
        conv.register_structure_hook(cls, _code(cls))
        conv.register_unstructure_hook(cls, str)
    conv.register_structure_hook(ResidentId, _code(ResidentId))
    conv.register_unstructure_hook(ResidentId, ResidentId.reveal)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_unstructure_hook(Decimal, str)
    return conv


converter: Final[JsonConverter] = make_converter()
"""The shared converter the library uses."""


def structure(data: object, cls: type[T]) -> T:
    """Build a *cls* from JSON-shaped *data* (dicts, lists, strings, numbers)."""
    return converter.structure(data, cls)


def unstructure(obj: object) -> Any:
    """Turn *obj* into JSON-shaped data (identity numbers in full: this is data out)."""
    return converter.unstructure(obj)
