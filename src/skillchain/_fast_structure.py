"""Writing the fast structure function of a record (see ``RecordHook``).

For an attrs class the generator writes one function that reads a JSON object key
by key, converts each value as its declared type does (strictly: only the exact
JSON kinds the checked path accepts), runs the field checks the type does not
already imply, and builds the record the way attrs' own __init__ does.  It raises
at the first thing it does not take; the checked path in
``skillchain._serialization`` then structures the value again and reports every
problem.  Hooks registered on the converter are honoured: a type whose hook is not
one of skillchain's own is structured by calling that hook.

Imported on first use, so importing the serialization module costs nothing of it.
"""

import enum
import linecache
import re
import types
import typing

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final, NoReturn, TypeVar, get_args, get_origin

import attrs

from skillchain._checks import Check
from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._money import AMOUNT_TEXT
from skillchain._serialization import (
    AMOUNT_LIMIT,
    CODE_PATTERNS,
    INTEGER_LIMIT,
    SkillchainConverter,
    hook_kind,
)
from skillchain.errors import _NotFastError


__all__ = ["Generator", "not_fast"]

T = TypeVar("T")


def not_fast(*_args: object) -> NoReturn:
    """The function of a class the fast path does not build: it refuses everything."""
    raise _NotFastError


_MISSING: Final = object()
_PATTERN_CHECKED: Final = frozenset(
    {DivisionCode, OccupationCode, CreditCode, ResidentId}
)
"""Codes whose own check refuses every text their pattern refuses (the same regular
expression, or a narrower one), so the fast path need not match the pattern first."""
_NAMESPACE: Final[dict[str, object]] = {
    "_NotFastError": _NotFastError,
    "_MISSING": _MISSING,
    "_new": object.__new__,
    "_set": object.__setattr__,
    "_date": date.fromisoformat,
    "_Decimal": Decimal,
    "_amount": re.compile(AMOUNT_TEXT).fullmatch,
    "_str": str,
    "_int": int,
    "_list": list,
    "_tuple": tuple,
    "_map": map,
    "_len": len,
}


def _direct(cls: type[Any]) -> bool:
    """Whether records of *cls* may be built as its attrs-made __init__ builds them.

    That __init__ sets every field with ``object.__setattr__``, runs the validators,
    calls ``__attrs_post_init__`` and clears the cached hash of a class that caches
    it; nothing else (no pre-init hook, no ``__new__`` of its own, no field left out
    of __init__).
    """
    props = getattr(cls, "__attrs_props__", None)
    return (
        props is not None
        and props.added_init
        and not hasattr(cls, "__attrs_pre_init__")
        and getattr(cls, "__new__", None) is object.__new__
        and all(f.init for f in attrs.fields(cls))
    )


def _type_key(tp: object) -> object:
    """A comparable form of an annotation (``Optional[X]`` and ``X | None`` alike)."""
    if get_origin(tp) in (typing.Union, types.UnionType):
        return frozenset(_type_key(a) for a in get_args(tp))
    origin = get_origin(tp)
    if origin is not None:
        return (origin, tuple(_type_key(a) for a in get_args(tp)))
    return tp


class Generator:
    """Writes the fast function of a record, and the converters of its fields."""

    def __init__(self, conv: SkillchainConverter) -> None:
        self.conv = conv
        self.names: dict[str, object] = dict(_NAMESPACE)

    def bind(self, obj: object, stem: str = "g") -> str:
        """A global name for *obj* in the generated code."""
        name = f"_{stem}{len(self.names)}"
        self.names[name] = obj
        return name

    # Conversions are lines that read `src` and assign `dst`, raising on refusal.
    # Each also says what it knows of the value: "exact" (exactly of the declared
    # type), "amount" (an exact Decimal within the amount bounds) or "" (nothing).

    def convert(
        self, tp: object, src: str, dst: str, indent: str
    ) -> tuple[list[str], str]:
        """Lines converting *src* to *tp* into *dst*, and what is known of the result."""
        kind, detail = hook_kind(self.conv, tp)
        if kind in ("str", "int", "bool", "date", "decimal"):
            known = "amount" if kind == "decimal" else "exact"
            return self.scalar(kind, src, dst, indent), known
        if kind == "optional":
            lines, known = self.convert(detail, src, dst, indent + "    ")
            known = known and "exact"  # a None is of the declared type too
            if src == dst:
                return [f"{indent}if {src} is not None:", *lines], known
            head = [f"{indent}if {src} is None:", f"{indent}    {dst} = None"]
            return [*head, f"{indent}else:", *lines], known
        if kind == "enum":
            return self.enum(detail, src, dst, indent), "exact"
        if kind == "code":
            return self.code(detail, src, dst, indent), "exact"
        if kind == "record":
            fast = self.bind(detail.fast(), "record")
            return [f"{indent}{dst} = {fast}({src})"], "exact"
        if kind == "array":
            origin, item = detail
            return self.collection(origin, item, src, dst, indent), "exact"
        # Anything else: the converter's hook itself (a registered one, a union, ...).
        bound = self.bind(detail, "hook")
        typ = self.bind(tp, "type")
        return [f"{indent}{dst} = {bound}({src}, {typ})"], ""

    def scalar(self, kind: str, src: str, dst: str, indent: str) -> list[str]:
        """Lines for a JSON string, integer, true/false, amount or date."""
        if kind == "str":
            test = f"type({src}) is not _str"
            value = src
        elif kind == "int":
            test = (
                f"type({src}) is not _int or not "
                f"-{INTEGER_LIMIT} <= {src} <= {INTEGER_LIMIT}"
            )
            value = src
        elif kind == "bool":
            test = f"{src} is not True and {src} is not False"
            value = src
        elif kind == "date":
            # Ten characters with the dashes in place: fromisoformat then takes
            # exactly the days DATE_PATTERN admits (ASCII digits, days that exist).
            test = (
                f"type({src}) is not _str or _len({src}) != 10 "
                f'or {src}[4] != "-" or {src}[7] != "-"'
            )
            value = f"_date({src})"
        else:
            return [
                f"{indent}if type({src}) is _str and _amount({src}) is not None:",
                f"{indent}    {dst} = _Decimal({src})",
                (
                    f"{indent}elif type({src}) is _int and "
                    f"-{AMOUNT_LIMIT} <= {src} <= {AMOUNT_LIMIT}:"
                ),
                f"{indent}    {dst} = _Decimal({src})",
                f"{indent}else:",
                f"{indent}    raise _NotFastError",
            ]
        lines = [f"{indent}if {test}:", f"{indent}    raise _NotFastError"]
        if value != dst:
            lines.append(f"{indent}{dst} = {value}")
        return lines

    def code(self, cls: type[Any], src: str, dst: str, indent: str) -> list[str]:
        """Lines for an identifier or code: its pattern, then its own check.

        The check runs as the class's field validator, called here, and the object
        is built as attrs' __init__ builds it (the type's converter included).  The
        pattern is left to that check where it refuses all the pattern refuses.
        """
        shape = self.bind(re.compile(CODE_PATTERNS[cls][0]).fullmatch, "shape")
        lines = [
            f"{indent}if type({src}) is not _str or {shape}({src}) is None:",
            f"{indent}    raise _NotFastError",
        ]
        (field,) = attrs.fields(cls)
        converter, validator = field.converter, field.validator
        if not (
            _direct(cls)
            and (converter is None or not isinstance(converter, attrs.Converter))
            and validator is not None
        ):
            return [*lines, f"{indent}{dst} = {self.bind(cls, 'code')}({src})"]
        if cls in _PATTERN_CHECKED:
            lines = [
                f"{indent}if type({src}) is not _str:",
                f"{indent}    raise _NotFastError",
            ]
        if converter is not None:
            lines.append(f"{indent}{src} = {self.bind(converter, 'converter')}({src})")
        check = self.bind(validator, "validator")
        lines.append(f"{indent}{check}(None, {self.bind(field, 'field')}, {src})")
        lines.append(f"{indent}made = _new({self.bind(cls, 'code')})")
        lines.append(f"{indent}{self.setter(cls, field.name, 'made')}, {src})")
        lines.append(f"{indent}{dst} = made")
        return lines

    def setter(self, cls: type[Any], name: str, target: str) -> str:
        """The start of a call setting field *name* of *target*, up to the value.

        A slot is set through its descriptor (what ``object.__setattr__`` does,
        without looking the descriptor up); any other attribute with
        ``object.__setattr__``, as attrs' __init__ does.
        """
        for klass in cls.__mro__:
            found = klass.__dict__.get(name)
            if found is not None:
                if isinstance(found, types.MemberDescriptorType):
                    return f"{self.bind(found.__set__, 'slot')}({target}"
                break
        return f"_set({target}, {name!r}"

    def enum(self, cls: type[enum.Enum], src: str, dst: str, indent: str) -> list[str]:
        """Lines looking a member up by its value (of exactly the value's type)."""
        if all(type(m.value) is str for m in cls):
            members = self.bind({m.value: m for m in cls}, "members")
            return [
                f"{indent}if type({src}) is not _str:",
                f"{indent}    raise _NotFastError",
                f"{indent}{dst} = {members}[{src}]",
            ]
        keyed = self.bind({(type(m.value), m.value): m for m in cls}, "members")
        return [f"{indent}{dst} = {keyed}[type({src}), {src}]"]

    def collection(
        self, origin: type, item_type: object, src: str, dst: str, indent: str
    ) -> list[str]:
        """Lines for an array read as a homogeneous tuple, list, set or frozenset."""
        item = self.function(item_type)
        build = self.bind(origin, "build")
        return [
            f"{indent}if type({src}) is not _list and type({src}) is not _tuple:",
            f"{indent}    raise _NotFastError",
            f"{indent}{dst} = {build}(_map({item}, {src}))",
        ]

    def function(self, tp: object) -> str:
        """The name of a generated function converting one value to *tp*."""
        lines, _ = self.convert(tp, "value", "result", "    ")
        if len(lines) == 1 and lines[0].endswith("(value)"):
            # Already a one-argument function (a record's fast function).
            return lines[0].split(" = ", 1)[1].removesuffix("(value)")
        return self.compile(
            "convert", ["def convert(value):", *lines, "    return result"]
        )

    def compile(self, name: str, lines: list[str]) -> str:
        """Run the generated *lines* defining *name*; the bound name of the result."""
        namespace = self.names
        source = "\n".join(lines)
        digest = f"{hash(source) & 0xFFFFFFFF:08x}"
        # Named by its text, so the same code made again shares one linecache entry.
        filename = f"<skillchain fast structure {lines[0][4:].split('(')[0]} {digest}>"
        exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - our own code
        shown = [line + "\n" for line in lines]
        linecache.cache[filename] = (len(source), None, shown, filename)
        return self.bind(namespace.pop(name), name)

    def record(self, cls: type[T]) -> Callable[[object], T]:
        """The fast function of the attrs class *cls* (one that always refuses if
        the class does something this path does not reproduce)."""
        try:
            plan = self.record_lines(cls)
        except Exception:  # noqa: BLE001 - a field without a hook, say: checked path only
            return not_fast
        name = self.compile(f"structure_{cls.__name__}", plan)
        return typing.cast("Callable[[object], T]", self.names[name])

    def record_lines(self, cls: type[Any]) -> list[str]:
        """The source of the fast function of *cls* (raises if there is none).

        A JSON object with as many keys as the class has fields is read by
        subscripts (a missing key raises: then an unknown one took its place);
        any other is read with ``get``, counting the keys that were there.
        """
        attrs.resolve_types(cls)
        # Fields left out of __init__ are not read (cattrs does not read them either).
        fields = [f for f in attrs.fields(cls) if f.init]
        for field in fields:
            if field.type is None or field.alias != field.name:
                raise _NotFastError
        # Built directly (as attrs' __init__ does, checks run here) or by __init__.
        direct = _direct(cls) and all(
            (f.validator is None or isinstance(f.validator, Check))
            and not isinstance(f.converter, attrs.Converter)
            for f in fields
        )
        me = self.bind(cls, "cls")
        locals_ = [f"v{index}" for index in range(len(fields))]
        every = []
        some = ["        get = data.get", "        missing = 0"]
        for field, local in zip(fields, locals_, strict=True):
            converted = self.field(field, local, direct=direct, indent="        ")
            every.append(f"        {local} = data[{field.name!r}]")
            every.extend(converted)
            some.append(f"        {local} = get({field.name!r}, _MISSING)")
            some.append(f"        if {local} is _MISSING:")
            some.extend(self.default(field, local, checked=direct))
            some.append("        else:")
            some.extend("    " + line for line in converted)
        some.append(f"        if _len(data) + missing != {len(fields)}:")
        some.append("            raise _NotFastError")
        lines = [
            f"def structure_{cls.__name__}(data):",
            "    if type(data) is not dict:",
            "        raise _NotFastError",
            f"    if _len(data) == {len(fields)}:",
            *every,
            "    else:",
            *some,
        ]
        if direct:
            lines.append(f"    self = _new({me})")
            lines.extend(
                f"    {self.setter(cls, f.name, 'self')}, {v})"
                for f, v in zip(fields, locals_, strict=True)
            )
            if hasattr(cls, "__attrs_post_init__"):
                lines.append("    self.__attrs_post_init__()")
            if cls.__attrs_props__.hashability.name == "HASHABLE_CACHED":
                lines.append("    _set(self, '_attrs_cached_hash', None)")
            lines.append("    return self")
        else:
            arguments = ", ".join(
                f"{f.alias}={v}" for f, v in zip(fields, locals_, strict=True)
            )
            lines.append(f"    return {me}({arguments})")
        return lines

    def field(
        self, field: "attrs.Attribute[Any]", local: str, *, direct: bool, indent: str
    ) -> list[str]:
        """Lines converting a present value of *field* (and checking it, if *direct*).

        A null of an optional field is kept as it is, and not checked when the
        check takes any None (it is tried once, here).
        """
        tp = field.type
        check = field.validator
        how, inner = hook_kind(self.conv, tp)
        optional = (
            how == "optional"
            and field.converter is None
            and (
                not direct
                or check is None
                or (isinstance(check, Check) and check.find(None) is None)
            )
        )
        if optional:
            deeper = indent + "    "
            lines, known = self.convert(inner, local, local, deeper)
            if direct:
                lines.extend(self.field_check(field, local, known, deeper))
            return [f"{indent}if {local} is not None:", *lines]
        lines, known = self.convert(tp, local, local, indent)
        if direct:
            lines.extend(self.field_check(field, local, known, indent))
        return lines

    def default(
        self, field: "attrs.Attribute[Any]", local: str, *, checked: bool
    ) -> list[str]:
        """Lines for a missing key: the default, or a refusal if it is required.

        When the record is built directly (*checked*), the default must pass the
        field's check: it is tried once, here.
        """
        default = field.default
        if default is attrs.NOTHING:
            return ["            raise _NotFastError"]
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            made_by: Callable[[], object] = default.factory  # type: ignore[union-attr]
            if default.takes_self:  # type: ignore[union-attr]
                raise _NotFastError
            value = f"{self.bind(made_by, 'factory')}()"
            sample = made_by()
        else:
            value = self.bind(default, "default")
            sample = default
        if checked:
            self.trust_default(field, sample)
        return ["            missing += 1", f"            {local} = {value}"]

    def trust_default(self, field: "attrs.Attribute[Any]", sample: object) -> None:
        """Refuse a class whose default would not pass its own field's check."""
        if field.converter is not None:
            raise _NotFastError
        check = field.validator
        if isinstance(check, Check) and check.find(sample) is not None:
            raise _NotFastError

    def field_check(
        self, field: "attrs.Attribute[Any]", local: str, known: str, indent: str
    ) -> list[str]:
        """Lines running the field's converter and the part of its check that what
        is *known* of the value (see :meth:`convert`) does not already imply."""
        lines = []
        converter = field.converter
        if converter is not None:
            bound = self.bind(converter, "converter")
            lines.append(f"{indent}{local} = {bound}({local})")
            known = ""
        check = typing.cast("Check | None", field.validator)
        if check is None:
            return lines
        if (
            known
            and check.typed is not None
            and _type_key(check.typed) == _type_key(field.type)
        ):
            return lines
        find = check.find
        if known == "amount" and check.find_amount is not None:
            find = check.find_amount
        bound = self.bind(find, "find")
        lines.append(f"{indent}if {bound}({local}) is not None:")
        lines.append(f"{indent}    raise _NotFastError")
        return lines
