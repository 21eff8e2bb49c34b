"""Reforms built in Python: new values for some parameters over a period, on a document."""

import enum
import json
import types

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from skillchain._dates import DateRange
from skillchain._sources import Citation, Document
from skillchain._toml import label, shown
from skillchain.errors import (
    InvalidValueError,
    KindError,
    PolicyFileError,
    PolicyProblem,
)
from skillchain.policy._programmes import current_name, specs
from skillchain.policy._schema import Parameter, ParameterSpec, Resolved
from skillchain.policy._tables import (
    KeyPath,
    Removal,
    coerce,
    drops,
    has_path,
    key_path,
    merged,
    python_keys,
    shown_keys,
    uncovered,
    without,
)


if TYPE_CHECKING:
    from skillchain.policy._policy import Policy


__all__ = ["Reform"]


def _frozen(given: Mapping[str, object] | None) -> Mapping[str, object]:
    return types.MappingProxyType(dict(given or {}))


def _key_list(keys: object) -> tuple[object, ...]:
    """The keys given for one parameter: one key, or a list (a tuple in it is nested)."""
    if isinstance(keys, (str, enum.Enum)) or not isinstance(keys, Iterable):
        return (keys,)
    return tuple(keys)


def _frozen_keys(
    given: Mapping[str, object] | None,
) -> Mapping[str, tuple[object, ...]]:
    return types.MappingProxyType(
        {name: _key_list(keys) for name, keys in (given or {}).items()}
    )


def _quoted(name: str) -> str:
    return json.dumps(name, ensure_ascii=False)


@attrs.frozen(kw_only=True)
class Reform:
    """New values for some parameters from one day, resting on one document.

    A reform is built once and applied to any base policy with :meth:`apply`
    (:meth:`Policy.with_values <skillchain.Policy.with_values>` does both in one
    call).  Each parameter named is changed in one of three ways, for the reform's
    period only:

    * :meth:`replace` gives its whole new value;
    * :meth:`update` gives some keys of a keyed table (rates by skill level, a
      catalogue, tiers): they are laid into the base's table in force on each day of
      the period, so the keys not given keep their values (a nested table is merged
      the same way);
    * :meth:`remove` drops keys of a keyed table, alone or with an update or a
      replacement.

    A replacement table that lacks keys the base table in force has is refused,
    naming them, unless they are removed explicitly.  Values are read with each
    parameter's kind, as a policy file's are, whether written as TOML data
    (``{"advanced": "8000"}``) or as typed values
    (``{SkillLevel.ADVANCED: Decimal("8000")}``).

    Builders return new reforms; a reform never changes.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy, SkillLevel
        >>> from skillchain.policy import Reform
        >>> reform = (Reform(document="sz-2019-11", since=date(2027, 1, 1))
        ...           .update("apprenticeship.annual_subsidy", {SkillLevel.ADVANCED: "8000"})
        ...           .replace("apprenticeship.contract_min_months", 6))
        >>> reformed = reform.apply(Policy.default())
        >>> rates = reformed.at(date(2027, 1, 1)).apprenticeship.annual_subsidy.value
        >>> [(level.value, str(amount)) for level, amount in rates.items()]
        [('intermediate', '5500'), ('advanced', '8000'), ('technician', '8500')]
        >>> reformed.sources[-1]
        'reform from 2027-01-01 (sz-2019-11)'
    """

    document: Document | str
    """The document the new values rest on: a :class:`~skillchain.Document` (added
    to the register) or the id of one the base policy registers."""
    since: date
    """The first day of the new values."""
    until: date | None = None
    """The last day of the new values (inclusive), or ``None`` for no end."""
    article: str | None = None
    """The article of the document the new values are cited at."""
    note: str | None = None
    """A note every new value carries."""
    name: str | None = None
    """What the reform is called in the reformed policy's sources and in errors."""
    replaced: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)
    """Parameter name -> its whole new value."""
    updated: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)
    """Parameter name -> the keys of its table to change, with their new values."""
    removed: Mapping[str, tuple[object, ...]] = attrs.field(
        factory=dict, converter=_frozen_keys
    )
    """Parameter name -> the keys of its table to drop (a tuple names a nested key)."""

    def __attrs_post_init__(self) -> None:
        doc: object = self.document
        if not isinstance(doc, Document) and not (isinstance(doc, str) and doc):
            raise InvalidValueError(
                field="Reform.document",
                problem=f"got {shown(doc)}",
                expected="a Document, or the id of one in the base policy's register",
            )
        for field, day in (("since", self.since), ("until", self.until)):
            given: object = day
            if (field == "since" or given is not None) and (
                not isinstance(given, date) or hasattr(given, "hour")
            ):
                raise InvalidValueError(
                    field=f"Reform.{field}",
                    problem=f"got {shown(given)}",
                    expected="a datetime.date"
                    + ("" if field == "since" else ", or None for no end"),
                )
        if self.until is not None and self.until < self.since:
            raise InvalidValueError(
                field="Reform.until",
                problem=f"{self.until} is before since {self.since}",
                expected="a last day on or after the first (inclusive), or None",
            )

    @property
    def period(self) -> DateRange:
        """The days the new values are in force."""
        return DateRange(self.since, self.until)

    @property
    def label(self) -> str:
        """The reform's name, or one made of its first day and document id."""
        if self.name:
            return self.name
        doc = self.document
        doc_id = doc.id if isinstance(doc, Document) else doc
        return f"reform from {self.since.isoformat()} ({doc_id})"

    def replace(self, name: str, value: object) -> "Reform":
        """A reform that also gives parameter *name* the whole new *value*."""
        return attrs.evolve(self, replaced={**self.replaced, name: value})

    def update(self, name: str, table: Mapping[Any, object]) -> "Reform":
        """A reform that also changes the keys *table* gives of the keyed table *name*.

        Updating the same parameter twice lays the second table over the first.
        """
        before = self.updated.get(name)
        if isinstance(before, Mapping) and isinstance(table, Mapping):
            table = merged(before, table)
        return attrs.evolve(self, updated={**self.updated, name: table})

    def remove(self, name: str, *keys: object) -> "Reform":
        """A reform that also drops *keys* of the keyed table *name*.

        A key of a nested table is written as a tuple of keys, outermost first.
        """
        before = self.removed.get(name, ())
        return attrs.evolve(self, removed={**self.removed, name: (*before, *keys)})

    def apply(self, base: "Policy") -> "Policy":
        """The policy *base* with this reform's values laid over it for its period.

        The result is an ordinary policy: its fingerprint covers the new values, its
        sources end with :attr:`label`, and every new value cites :attr:`document`
        (with its provenance).  *base* is unchanged.

        Raises:
            PolicyFileError: Every problem found, each naming the parameter (as
                ``replace["..."]``, ``update["..."]`` or ``remove["..."]``), what is
                wrong and what was expected: an unknown parameter or document, a
                value its kind refuses, an update of a parameter that is not a keyed
                table or has no table in force on some day of the period, a
                replacement table that would drop keys not removed, a key removed
                that no base table in force has.
        """
        return _Applied(self, base).policy()


class _Applied:
    """One application of a reform to a base, collecting every problem."""

    def __init__(self, reform: Reform, base: "Policy") -> None:
        self.reform = reform
        self.base = base
        self.period = reform.period
        self.file = label(reform.label)
        self.problems: list[PolicyProblem] = []
        self.removals: list[Removal] = []
        self.document = self._document()

    def problem(self, path: str, message: str) -> None:
        self.problems.append(PolicyProblem(file=self.file, path=path, message=message))

    def _document(self) -> Document | None:
        doc = self.reform.document
        if isinstance(doc, Document):
            known = self.base.documents.get(doc.id)
            if known is not None and known != doc:
                self.problem(
                    "document",
                    f"differs from the document with the id {shown(doc.id)} in the "
                    "base policy; give the reform's document its own id, or pass the "
                    "id to cite the base's",
                )
                return None
            return doc
        known = self.base.documents.get(doc)
        if known is None:
            self.problem(
                "document",
                f"unknown document {shown(doc)}; pass a Document, or the id of one "
                "in the base policy's register",
            )
        return known

    def _names(self) -> list[str]:
        names: list[str] = []
        sections: tuple[tuple[str, Mapping[str, object]], ...] = (
            ("replace", self.reform.replaced),
            ("update", self.reform.updated),
            ("remove", self.reform.removed),
        )
        for section, given in sections:
            seen: dict[str, str] = {}
            for written in given:
                name = current_name(written)
                if name in seen:
                    self.problem(
                        f"{section}[{_quoted(written)}]",
                        f"{name} is given twice, also as {seen[name]}; keep one "
                        "(under its current name)",
                    )
                seen[name] = written
                if name not in names:
                    names.append(name)
        return names

    def _given(self, section: Mapping[str, object], name: str) -> object | None:
        for written, value in section.items():
            if current_name(written) == name:
                return value
        return None

    def policy(self) -> "Policy":
        reform = self.reform
        names = self._names()
        if not names:
            self.problem(
                "(reform)",
                "changes nothing; give new values with replace=, update= or remove=",
            )
        parameters: dict[str, Parameter] = {}
        for name in names:
            spec = specs().get(name)
            if spec is None:
                self.problem(
                    f"[{_quoted(name)}]",
                    "unknown parameter; see skillchain.policy.specs() for the names",
                )
                continue
            values = self._values(spec)
            if values is None:
                continue
            old = self.base.parameters.get(name)
            parameters[name] = Parameter(
                name=name,
                description_zh=old.description_zh if old is not None else "",
                description_en=old.description_en if old is not None else "",
                unit=spec.unit,
                values=values,
                note=old.note if old is not None else None,
            )
        if self.problems or self.document is None:
            raise PolicyFileError(self.problems)
        top = type(self.base)(
            documents={self.document.id: self.document},
            parameters=parameters,
            sources=(reform.label,),
            removals=tuple(self.removals),
        )
        return self.base.overlay(top)

    def _resolved(
        self, name: str, value: object, period: DateRange
    ) -> Resolved[object]:
        doc = self.document
        return Resolved(
            name=name,
            value=value,
            period=period,
            citation=None
            if doc is None
            else Citation(document=doc, article=self.reform.article),
            provenance=None if doc is None else doc.provenance,
            note=self.reform.note,
        )

    def _paths(
        self, spec: ParameterSpec, table: Mapping[object, object], path: str
    ) -> list[KeyPath] | None:
        """The keys ``remove=`` names for *spec*, read against *table*."""
        given = self._given(self.reform.removed, spec.name)
        if given is None:
            return []
        assert isinstance(given, tuple)  # noqa: S101 - normalised by the converter
        paths: list[KeyPath] = []
        for raw in given:
            found = key_path(spec.kind, table, raw)
            if found is None:
                self.problem(
                    path,
                    f"{shown(raw)} is not a key; give keys as strings, enum members, "
                    "numbers or codes, and a key of a nested table as a tuple of them",
                )
                return None
            if found not in paths:
                paths.append(found)
        if not paths:
            self.problem(path, "no keys given; name the keys to drop")
            return None
        return paths

    def _values(self, spec: ParameterSpec) -> tuple[Resolved[object], ...] | None:
        name = spec.name
        base = self.base.parameters.get(name)
        pieces = [
            (span, old)
            for old in (base.values if base is not None else ())
            if old.period is not None
            and (span := old.period.intersection(self.period)) is not None
        ]
        replacement = self._given(self.reform.replaced, name)
        update = self._given(self.reform.updated, name)
        removing = self._given(self.reform.removed, name) is not None
        if replacement is not None and update is not None:
            self.problem(
                f"update[{_quoted(name)}]",
                "the parameter is given in replace= too; give its new value in one "
                "of them",
            )
            return None
        if replacement is not None:
            return self._replace(spec, replacement, pieces, removing)
        return self._update(spec, update, pieces)

    def _replace(
        self,
        spec: ParameterSpec,
        raw: object,
        pieces: list[tuple[DateRange, Resolved[object]]],
        removing: bool,
    ) -> tuple[Resolved[object], ...] | None:
        name = spec.name
        where = f"replace[{_quoted(name)}]"
        remove_at = f"remove[{_quoted(name)}]"
        try:
            value = coerce(spec.kind, raw)
        except KindError as exc:
            self.problem(where, str(exc))
            return None
        if not isinstance(value, Mapping):
            if removing:
                self.problem(
                    remove_at,
                    f"{name} is not a keyed table (its kind is {spec.kind.name!r}); "
                    "only a table's keys are removed",
                )
                return None
            return (self._resolved(name, value, self.period),)
        paths = self._paths(spec, value, remove_at)
        if paths is None:
            return None
        given = [p for p in paths if has_path(value, p)]
        if given:
            self.problem(
                remove_at,
                f"names {shown_keys(given)}, which the new table gives; leave a key "
                "out of the table, or out of remove=",
            )
        lost, stale = drops([old for _, old in pieces], self.period, value, paths)
        for drop in lost:
            self.problem(
                where,
                f"the new table lacks {shown_keys(drop.keys)}, which the base table "
                f"in force from {drop.period} has; give them, change only some keys "
                f"with update=, or drop them with remove={{{_quoted(name)}: "
                f"{python_keys(drop.keys)}}}",
            )
        self._stale(remove_at, stale)
        if paths:
            self.removals.append(
                Removal(name=name, period=self.period, keys=tuple(paths))
            )
        return (self._resolved(name, value, self.period),)

    def _stale(self, where: str, stale: list[KeyPath]) -> None:
        if stale:
            self.problem(
                where,
                f"names {shown_keys(stale)}, which no base table in force from "
                f"{self.period} has",
            )

    def _update(
        self,
        spec: ParameterSpec,
        raw: object,
        pieces: list[tuple[DateRange, Resolved[object]]],
    ) -> tuple[Resolved[object], ...] | None:
        name = spec.name
        before = len(self.problems)
        section = "update" if raw is not None else "remove"
        where = f"{section}[{_quoted(name)}]"
        remove_at = f"remove[{_quoted(name)}]"
        not_keyed = (
            f"{name} is not a keyed table (its kind is {spec.kind.name!r}); give its "
            "new value with replace="
        )
        tables = [(span, old) for span, old in pieces if isinstance(old.value, Mapping)]
        history = self.base.parameters.get(name)
        ever = [old.value for old in (history.values if history is not None else ())]
        if len(tables) < len(pieces) or (
            ever and not any(isinstance(value, Mapping) for value in ever)
        ):
            self.problem(where, not_keyed)
            return None
        changes: Mapping[object, object] = {}
        if raw is not None:
            if not isinstance(raw, Mapping) or not raw:
                self.problem(
                    where,
                    f"expected a non-empty table of the keys to change, got {shown(raw)}",
                )
                return None
            try:
                typed = coerce(spec.kind, raw)
            except KindError as exc:
                self.problem(where, str(exc))
                return None
            if not isinstance(typed, Mapping):
                self.problem(where, not_keyed)
                return None
            changes = typed
        if not tables:
            what = "updated" if raw is not None else "its keys removed"
            self.problem(
                where,
                f"{name} has no value in force from {self.period} to be {what}; "
                "give its whole value with replace=",
            )
            return None
        if raw is not None:
            for gap in uncovered(self.period, [span for span, _ in pieces]):
                self.problem(
                    where,
                    f"{name} has no table in force from {gap} to update; give the "
                    "whole table with replace=, or end the reform before that day",
                )
        first = tables[0][1].value
        assert isinstance(first, Mapping)  # noqa: S101 - checked just above
        paths = self._paths(spec, first, remove_at)
        if paths is None:
            return None
        both = [p for p in paths if has_path(changes, p)]
        if both:
            self.problem(
                remove_at,
                f"names {shown_keys(both)}, which update= gives; keep each key in "
                "one of them",
            )
        _, stale = drops([old for _, old in pieces], self.period, {}, paths)
        self._stale(remove_at, stale)
        if len(self.problems) > before:
            return None
        values: list[Resolved[object]] = []
        for span, old in tables:
            assert isinstance(old.value, Mapping)  # noqa: S101 - tables only
            table = merged(old.value, changes)
            for path in paths:
                table = without(table, path)
            try:
                value = coerce(spec.kind, table)
            except KindError as exc:
                self.problem(where, f"the table from {span} would be refused: {exc}")
                return None
            values.append(self._resolved(name, value, span))
        if paths:
            self.removals.append(
                Removal(name=name, period=self.period, keys=tuple(paths))
            )
        return tuple(values)
