"""A rule's facts from JSON-shaped data: shared by case files and populations.

A rule function's keyword arguments (other than ``on`` and ``policy``) are its
facts.  :class:`FactReader` reads them once from the function's signature and type
hints, and then structures any number of JSON-shaped mappings against them with a
converter, reporting each problem as a ``(path, message)`` pair so the caller can
name its own file, table or line.
"""

import collections.abc
import functools
import inspect
import json
import typing

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

import cattrs

from cattrs.errors import ForbiddenExtraKeysError

from skillchain import serialization
from skillchain._errors import closest
from skillchain._redact import shorten
from skillchain.errors import InputError, SkillchainError
from skillchain.rules import Rule


__all__ = [
    "NOT_FACTS",
    "FactReader",
    "Report",
    "fact_reader",
    "join",
    "json_shaped",
    "plain_type",
]

NOT_FACTS = frozenset({"on", "policy", "return"})
"""Parameter names of a rule function that are not facts."""

Report = Callable[[str, str], None]
"""Where problems go: called with the path and the message of each."""

Structure = Callable[[object, Any], object]
"""A converter's ``structure``: JSON-shaped data and a type to an object."""


def path_steps(path: str) -> tuple[str | int, ...]:
    """The steps of a fact path: ``results[0].competition.year`` is
    ``("results", 0, "competition", "year")``.

    An index that is not a number is ``-1``, which finds nothing.
    """
    steps: list[str | int] = []
    for part in path.split("."):
        head, _, rest = part.partition("[")
        steps.append(head)
        while rest:
            index, _, rest = rest.partition("]")
            steps.append(int(index) if index.isdigit() else -1)
            rest = rest.removeprefix("[")
    return tuple(steps)


def join(prefix: str, key: str) -> str:
    """Join a dotted path and a key (``a.b`` + ``c``; ``a`` + ``[2]`` is ``a[2]``)."""
    if not prefix:
        return key
    return f"{prefix}{key}" if key.startswith("[") else f"{prefix}.{key}"


def json_shaped(value: object, path: str, report: Report) -> object:
    """TOML values to the JSON shapes the converter reads (dates become ISO strings)."""
    if isinstance(value, datetime):
        report(path, "expected a date like 2024-01-31, got a date and time")
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        report(path, "expected a date like 2024-01-31, got a time of day")
        return None
    if isinstance(value, float):
        report(
            path,
            f'write amounts as strings such as "5500.00", and counts as whole '
            f"numbers; got the number {value!r}",
        )
        return None
    if isinstance(value, dict):
        return {k: json_shaped(v, join(path, k), report) for k, v in value.items()}
    if isinstance(value, list):
        return [json_shaped(v, f"{path}[{i}]", report) for i, v in enumerate(value)]
    return value


def plain_type(hint: Any) -> Any:
    """The type to structure a fact as (iterables become tuples)."""
    origin = typing.get_origin(hint)
    if origin in {
        collections.abc.Iterable,
        collections.abc.Collection,
        collections.abc.Sequence,
    }:
        (item,) = typing.get_args(hint)
        return tuple[item, ...]  # type: ignore[valid-type]
    return hint


def _quoted(value: object) -> str:
    """*value* as JSON writes it: ``"text"`` in double quotes, ``null``, ``true``."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _type_name(cls: object) -> str:
    return getattr(cls, "__name__", None) or str(cls)


def _format_exception(exc: BaseException, cls: type | None) -> str:
    if isinstance(exc, SkillchainError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required, but not given"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown keys: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(cls, type) and issubclass(cls, Enum):
        values = ", ".join(_quoted(m.value) for m in cls)
        return f"expected one of {values}"
    if cls is date:
        return f"expected a date like 2024-01-31 ({exc})"
    if cls is Decimal:
        return str(exc)
    if cls is not None:
        return f"expected {_type_name(cls)} ({exc})"
    return str(exc)


def _structure_problems(exc: BaseException, path: str) -> list[tuple[str, str]]:
    """Turn a structuring error into (path, message) pairs."""
    if isinstance(exc, InputError):
        return [
            (join(path, p.path) if p.path else path, p.message) for p in exc.problems
        ]
    if isinstance(exc, cattrs.BaseValidationError):
        pairs = []
        for line in cattrs.transform_error(
            exc, path=path, format_exception=_format_exception
        ):
            message, _, where = line.rpartition(" @ ")
            pairs.append((where or path, message or line))
        return pairs
    return [(path, _format_exception(exc, None))]


class FactReader:
    """The facts one rule takes, read once from its function, and how to build them.

    Args:
        rule: The rule whose function's keyword arguments are read.
    """

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        signature = inspect.signature(rule.function)
        hints = typing.get_type_hints(rule.function)
        self.names: tuple[str, ...] = tuple(
            name for name in signature.parameters if name not in NOT_FACTS
        )
        """The facts' names, in the function's order."""
        self.types: dict[str, Any] = {
            name: plain_type(hints[name]) for name in self.names
        }
        """The type each fact is structured as."""
        self.has_default: frozenset[str] = frozenset(
            name
            for name in self.names
            if signature.parameters[name].default is not inspect.Parameter.empty
        )
        """The facts that may be left out (the function has a default)."""
        self.nullable: frozenset[str] = frozenset(
            name for name in self.names if type(None) in typing.get_args(hints[name])
        )
        """The facts whose type admits ``None`` (left out means unknown)."""

    def structure(
        self,
        raw: Mapping[str, object],
        path: str,
        report: Report,
        *,
        shape: bool = True,
        structure: Structure | None = None,
    ) -> dict[str, object]:
        """Build the facts from *raw*, reporting every problem under *path*.

        A fact left out gets the function's default, or ``None`` when its type
        admits it (unknown); otherwise it is a problem.  *shape* first turns TOML
        values into JSON shapes (:func:`json_shaped`); data that is already JSON
        (from ``json.loads`` or a population reader) skips it.  *structure* is the
        converter's ``structure`` (default: :func:`skillchain.serialization.structure`).
        """
        build = structure if structure is not None else serialization.structure
        rule = self.rule
        for key in raw:
            if key not in self.types:
                close = closest(key, self.names)
                hint = f"; did you mean {_quoted(close[0])}?" if close else ""
                report(
                    join(path, key),
                    f"{rule.id} takes no fact {_quoted(shorten(key))} (its facts: "
                    f"{', '.join(self.names)}){hint}",
                )
        bad: list[str] = []

        def shaped(at: str, message: str) -> None:
            bad.append(at)
            report(at, message)

        structured: dict[str, object] = {}
        for name in self.names:
            if name not in raw:
                if name in self.has_default:
                    continue
                if name in self.nullable:
                    structured[name] = None  # left out means unknown
                else:
                    report(join(path, name), f"required by {rule.id}, but not given")
                continue
            data = raw[name]
            if shape:
                before = len(bad)
                data = json_shaped(data, join(path, name), shaped)
                if len(bad) > before:
                    continue
            try:
                structured[name] = build(data, self.types[name])
            except (
                ValueError,
                TypeError,
                KeyError,
                SkillchainError,
                cattrs.BaseValidationError,
                cattrs.StructureHandlerNotFoundError,
            ) as exc:
                for at, message in _structure_problems(exc, join(path, name)):
                    report(at, message)
        return structured


@functools.lru_cache(maxsize=64)
def fact_reader(rule: Rule) -> FactReader:
    """The (cached) :class:`FactReader` of *rule*."""
    return FactReader(rule)
