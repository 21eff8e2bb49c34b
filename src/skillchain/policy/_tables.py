"""Keyed tables: parameter values that map keys to values, and changes that keep their keys.

A keyed table is a parameter value that is a mapping (the rates by skill level, a
catalogue by occupation, the tiers of a quota ...).  Laying a new table over an old
one must not lose a key by accident: a key the old table has and the new one lacks
is dropped only when the change says so.  The functions here compare, merge and cut
tables key by key; keys are compared by their *label*, the text a policy file writes
them as (an enum member's value, a code's text, a number's digits).
"""

import enum
import json

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Final, TypeAlias

import attrs

from skillchain._dates import DateRange
from skillchain.errors import KindError
from skillchain.policy._schema import Resolved
from skillchain.policy.kinds import Kind


__all__ = [
    "Drop",
    "KeyPath",
    "Removal",
    "coerce",
    "covered",
    "drops",
    "has_path",
    "key_label",
    "key_path",
    "merged",
    "python_keys",
    "shown_keys",
    "toml_keys",
    "uncovered",
    "without",
]

KeyPath: TypeAlias = tuple[str, ...]
"""A key of a keyed table, as labels: one for a top-level key, more for a nested one."""

_PARSE_FAILURES: Final = (ValueError, TypeError, AttributeError, KeyError)
# What a kind's ``parse`` or ``dump`` may raise on a value of a type it was not
# written for (KindError is a ValueError).


@attrs.frozen
class Removal:
    """Keys that a policy's value of a keyed table drops on purpose.

    Declared with ``removes = [...]`` on a value of a policy file, or with
    ``remove=`` of :meth:`Policy.with_values <skillchain.Policy.with_values>`;
    :meth:`Policy.overlay <skillchain.Policy.overlay>` lets the value drop exactly
    these keys of the base table it is laid over.

    Example:
        >>> from skillchain.policy import Removal
        >>> from skillchain import DateRange
        >>> from datetime import date
        >>> Removal(name="apprenticeship.annual_subsidy",
        ...         period=DateRange(date(2027, 1, 1)), keys=(("technician",),)).labels()
        ('technician',)
    """

    name: str
    """The dotted parameter name."""
    period: DateRange
    """The period of the value that drops the keys."""
    keys: tuple[KeyPath, ...]
    """The keys dropped, each as its labels (more than one for a key of a nested table)."""

    def labels(self) -> tuple[str, ...]:
        """The keys dropped as text, a nested key's labels joined with " / "."""
        return tuple(" / ".join(path) for path in self.keys)


def key_label(key: object) -> str:
    """*key* as a policy file writes it: an enum member's value, anything else as text.

    Example:
        >>> from skillchain import SkillLevel
        >>> key_label(SkillLevel.ADVANCED), key_label(50)
        ('advanced', '50')
    """
    if isinstance(key, enum.Enum):
        return str(key.value)
    return str(key)


def _plain(value: object) -> object:
    """*value* as TOML data, where its form is known (a first guess for a kind)."""
    if value is None or isinstance(value, (bool, int, float, str, date)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key_label(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(item) for item in value), key=str)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def coerce(kind: Kind[object], value: object) -> object:
    """*value* read by *kind*, whether written as TOML data or as typed Python values.

    A table of typed keys and amounts (``{SkillLevel.ADVANCED: Decimal("8000")}``) is
    read like its TOML spelling (``{ advanced = "8000" }``), so a value given in
    Python meets exactly the checks a file's value meets.

    Raises:
        KindError: The value is not one *kind* can hold (the message says what
            was expected).

    Example:
        >>> from decimal import Decimal
        >>> from skillchain import SkillLevel
        >>> from skillchain.policy.kinds import MONEY_BY_LEVEL
        >>> coerce(MONEY_BY_LEVEL, {SkillLevel.ADVANCED: Decimal("8000")})
        {<SkillLevel.ADVANCED: 'advanced'>: Decimal('8000')}
    """
    try:
        return kind.parse(_plain(value))
    except KindError as exc:
        error = exc
    try:
        return kind.parse(value)
    except _PARSE_FAILURES:
        pass
    try:
        return kind.parse(kind.dump(value))
    except (*_PARSE_FAILURES, AssertionError):
        pass
    raise error


def _canonical(kind: Kind[object], table: Mapping[object, object], key: str) -> str:
    """The label *kind* gives the top-level *key* (``"中级工"`` -> ``"intermediate"``)."""
    if not table:
        return key
    try:
        written = kind.dump(table)
        if not isinstance(written, Mapping) or not written:
            return key
        sample = next(iter(written.values()))
        read = kind.parse({key: sample})
    except (*_PARSE_FAILURES, AssertionError):
        return key
    if isinstance(read, Mapping) and len(read) == 1:
        return key_label(next(iter(read)))
    return key


def key_path(
    kind: Kind[object], table: Mapping[object, object], raw: object
) -> KeyPath | None:
    """The key path *raw* names in a table of *kind* like *table*, or ``None``.

    *raw* is one key (a string, an enum member, a number, a code) or a tuple or
    list of keys naming a key of a nested table.  A top-level key is read as the
    kind reads it, so a skill level may be written ``"中级工"``.
    """
    parts: Sequence[object] = raw if isinstance(raw, (tuple, list)) else (raw,)
    if not parts:
        return None
    labels: list[str] = []
    for part in parts:
        if part is None or isinstance(part, (bool, float, Mapping, set, frozenset)):
            return None
        text = key_label(part)
        if not text.strip():
            return None
        labels.append(text)
    labels[0] = _canonical(kind, table, labels[0])
    return tuple(labels)


def _by_label(table: Mapping[object, object]) -> dict[str, tuple[object, object]]:
    return {key_label(k): (k, v) for k, v in table.items()}


def has_path(table: object, path: KeyPath) -> bool:
    """Whether the keyed *table* has the (possibly nested) key *path*."""
    here = table
    for part in path:
        if not isinstance(here, Mapping):
            return False
        found = _by_label(here).get(part)
        if found is None:
            return False
        here = found[1]
    return True


def covered(path: KeyPath, declared: Collection[KeyPath]) -> bool:
    """Whether *path*, or a table holding it, is among the *declared* keys."""
    return any(path[: len(d)] == d for d in declared)


def _dropped(
    old: Mapping[object, object], new: Mapping[object, object], prefix: KeyPath
) -> list[KeyPath]:
    found: list[KeyPath] = []
    given = _by_label(new)
    for key, value in old.items():
        label = key_label(key)
        now = given.get(label)
        if now is None:
            found.append((*prefix, label))
        elif isinstance(value, Mapping) and isinstance(now[1], Mapping):
            found.extend(_dropped(value, now[1], (*prefix, label)))
    return found


def merged(
    old: Mapping[object, object], update: Mapping[object, object]
) -> dict[object, object]:
    """*old* with *update*'s keys laid in; a nested table is merged the same way."""
    result: dict[object, object] = dict(old)
    keys = {key_label(k): k for k in result}
    for key, value in update.items():
        label = key_label(key)
        former = keys.get(label)
        if former is None:
            result[key] = value
            keys[label] = key
            continue
        before = result.pop(former)
        if isinstance(before, Mapping) and isinstance(value, Mapping):
            result[key] = merged(before, value)
        else:
            result[key] = value
        keys[label] = key
    return result


def without(table: Mapping[object, object], path: KeyPath) -> dict[object, object]:
    """*table* without the (possibly nested) key *path*; unchanged if it has none."""
    result: dict[object, object] = dict(table)
    found = _by_label(result).get(path[0])
    if found is None:
        return result
    key, value = found
    if len(path) == 1:
        del result[key]
    elif isinstance(value, Mapping):
        result[key] = without(value, path[1:])
    return result


@attrs.frozen
class Drop:
    """Keys a new table lacks that a base table in force over *period* has."""

    period: DateRange
    """Where the new value and the base value overlap."""
    keys: tuple[KeyPath, ...]
    """The keys lost there, undeclared."""


def drops(
    base: Iterable[Resolved[object]],
    period: DateRange,
    table: Mapping[object, object],
    declared: Collection[KeyPath],
) -> tuple[list[Drop], list[KeyPath]]:
    """What laying *table* over *base* for *period* loses, and which declarations miss.

    Returns the undeclared drops, one per base value the period overlaps, and the
    *declared* keys that no overlapped base table has (a misspelt or stale
    declaration), in the order given.
    """
    lost: list[Drop] = []
    found: set[KeyPath] = set()
    for old in base:
        span = old.period.intersection(period) if old.period is not None else None
        if span is None or not isinstance(old.value, Mapping):
            continue
        keys = [
            path
            for path in _dropped(old.value, table, ())
            if not covered(path, declared)
        ]
        if keys:
            lost.append(Drop(period=span, keys=tuple(keys)))
        found.update(path for path in declared if has_path(old.value, path))
    return lost, [path for path in declared if path not in found]


def uncovered(period: DateRange, parts: Iterable[DateRange]) -> list[DateRange]:
    """The stretches of *period* none of *parts* covers, in order."""
    gaps: list[DateRange] = []
    start: date | None = period.start
    for part in sorted(parts, key=lambda p: p.start):
        if start is None:
            break
        if part.end is not None and part.end < start:
            continue
        if period.end is not None and part.start > period.end:
            break
        if part.start > start:
            gaps.append(DateRange(start, _day_before(part.start)))
        start = None if part.end is None or part.end >= date.max else _after(part.end)
    if start is not None and (period.end is None or start <= period.end):
        gaps.append(DateRange(start, period.end))
    return gaps


def _day_before(day: date) -> date:
    return date.fromordinal(day.toordinal() - 1)


def _after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


def shown_keys(paths: Iterable[KeyPath]) -> str:
    """Keys for a message: ``intermediate, technician``; nested as ``a / b``."""
    return ", ".join(" / ".join(path) for path in paths)


def _listed(paths: Iterable[KeyPath], nested: str) -> str:
    items: list[str] = []
    for path in paths:
        if len(path) == 1:
            items.append(json.dumps(path[0], ensure_ascii=False))
        else:
            inner = ", ".join(json.dumps(part, ensure_ascii=False) for part in path)
            items.append(nested.format(inner))
    return "[" + ", ".join(items) + "]"


def toml_keys(paths: Iterable[KeyPath]) -> str:
    """Keys as a TOML array for ``removes``: ``["technician", ["a", "b"]]``."""
    return _listed(paths, "[{}]")


def python_keys(paths: Iterable[KeyPath]) -> str:
    """Keys as a Python list for ``remove=``: ``["technician", ("a", "b")]``."""
    return _listed(paths, "({})")
