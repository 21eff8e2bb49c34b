"""When a reform decides a case exactly as the baseline does, without deciding it again.

A rule's decision rests on its declaration (:attr:`~skillchain.rules.Rule.conditions`):
the parameters each condition reads, on the evaluation day or on the day its
:attr:`~skillchain.rules.Condition.read_on` names, and the documents of the
conditions' own sources.  Every rule is held to this (the ``periods`` promise of
:mod:`skillchain.testing.contract`: with every other value taken out of the policy
the decision is the same), and the few conditions known to read around their
declaration are listed in :data:`READS_AROUND`.  So where the reform resolves every parameter the rule
reads exactly as the baseline does (the same value, citation and provenance) on
every day the rule reads it for a case, and cites the conditions' sources alike, the
reform's decision on that case is the baseline's under the reform's fingerprint.

:class:`Reuse` answers that question for one rule and two policies, case by case,
cheaply: the parameters whose histories differ are found once, and the answer for
each day they are read on is kept in a bounded table.  When in doubt it says no, and
the case is decided in full.
"""

import inspect
import json
import typing

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final

import attrs

from skillchain._decision import Decision
from skillchain._facts import path_steps
from skillchain.policy import Policy, specs
from skillchain.rules import Condition, Rule


__all__ = ["ABSENT", "READS_AROUND", "Reuse", "Window", "read_fact", "reading_window"]

READS_AROUND: Final = frozenset({"competitions.entry.retirement"})
"""The checks whose conditions read figures on days other than the one they declare.

The retirement check names the birth date, but works the statutory retirement date
out from the original age in force on the evaluation day, then from the delay
figures in force on the original retirement date and from the first days of their
whole history.  A reform that changes any of
these parameters is never taken to leave such a decision alone: the case is decided
in full.
"""

_KEPT: Final = 512
"""How many answers (one per day a differing figure is read on) a :class:`Reuse`
keeps for each reading before starting afresh: enough for the days of a population,
few enough that memory stays flat however many days its rows have."""

_ABSENT: Final = object()
_LAST_DAY: Final = date.max
_YEAR_MAX: Final = 9999

Window = tuple[date, date] | None
"""The days a condition reads its figures on: first and last day (inclusive), or
``None`` for any day (the fact that names the day is unknown)."""


# --- the day a condition reads its figures on -----------------------------------------


_BY_KEY: Final = object()
"""Read a step of a mapping by its key."""
_NOTHING: Final = object()
"""A record without the field a step names: the fact is not there."""
_TYPES_KEPT: Final = 64
"""How many value types a step of a path keeps its way of reading for."""


def _attribute(kind: type, name: str) -> object:
    """How to read step *name* of a value of type *kind*: an attribute name, a key, or nothing.

    Of a record, only a field (by its name, its name without a leading underscore,
    or its alias); of a mapping, a key; of anything else, an attribute.
    """
    if attrs.has(kind):
        for field in attrs.fields(kind):
            if name in (field.name, field.name.lstrip("_"), field.alias):
                return field.name
        return _NOTHING
    if issubclass(kind, Mapping):
        return _BY_KEY
    return name


class _Path:
    """A dotted path into a case's facts, read the same way for each case.

    Reads the fact at the path (``None``: unknown on the way; ``_ABSENT``: no such
    fact), remembering for each step how values of each type are read.
    """

    __slots__ = ("default", "head", "steps")

    def __init__(
        self, steps: Sequence[str | int], defaults: Mapping[str, object]
    ) -> None:
        head = steps[0]
        self.head: str | None = head if isinstance(head, str) else None
        self.default: object = (
            _ABSENT if self.head is None else defaults.get(self.head, _ABSENT)
        )
        self.steps: tuple[tuple[str | int, dict[type, object]], ...] = tuple(
            (step, {}) for step in steps[1:]
        )

    def __call__(self, facts: Mapping[str, object]) -> object:
        head = self.head
        if head is None:
            return _ABSENT
        value = facts.get(head, self.default)
        if value is _ABSENT:
            return _ABSENT
        for step, known in self.steps:
            if value is None:
                return None
            if type(step) is int:
                if not isinstance(value, tuple | list) or not 0 <= step < len(value):
                    return _ABSENT
                value = value[step]
                continue
            kind = type(value)
            way = known.get(kind)
            if way is None:
                if len(known) >= _TYPES_KEPT:
                    known.clear()
                way = known[kind] = _attribute(kind, typing.cast("str", step))
            if way is _BY_KEY:
                value = value.get(step, _ABSENT)  # type: ignore[attr-defined]
            elif way is _NOTHING:
                return _ABSENT
            else:
                value = getattr(value, typing.cast("str", way), _ABSENT)
            if value is _ABSENT:
                return _ABSENT
        return value


def _window_of(value: object) -> Window:
    """The days a fact's value names: a day, a year's days, or ``None`` (any day)."""
    if isinstance(value, datetime) or value is None or value is _ABSENT:
        return None
    if isinstance(value, date):
        return value, value
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 1 <= value <= _YEAR_MAX
    ):
        return date(value, 1, 1), date(value, 12, 31)
    return None


def _defaults(rule: Rule) -> dict[str, object]:
    """The defaults of the rule function's keyword arguments."""
    return {
        name: parameter.default
        for name, parameter in inspect.signature(rule.function).parameters.items()
        if parameter.default is not inspect.Parameter.empty
    }


ABSENT: Final = _ABSENT
"""What :func:`read_fact` returns for a path that leads nowhere."""


def read_fact(
    facts: Mapping[str, object], path: str, rule: Rule | None = None
) -> object:
    """The fact at dotted *path* of *facts* (``None``: unknown on the way;
    :data:`ABSENT`: no such fact).

    With *rule*, a keyword argument the facts leave out is read as the rule
    function's default (a claim day that defaults to ``None``).
    """
    defaults = _defaults(rule) if rule is not None else {}
    return _Path(path_steps(path), defaults)(facts)


def reading_window(
    rule: Rule, condition: Condition, facts: Mapping[str, object], on: date
) -> Window:
    """The days *condition* of *rule* reads its figures on, for a case.

    The evaluation day *on*, unless the condition declares another
    (:attr:`~skillchain.rules.Condition.read_on`): a date fact is that day, a year
    (an integer) every day of that year; when the case leaves the fact unknown, or
    it is of another type, any day (``None``).

    Example:
        >>> from datetime import date
        >>> from skillchain._reuse import reading_window
        >>> from skillchain.rules import CASE_RULE
        >>> from skillchain.simulation import synthetic_apprentices
        >>> case = next(synthetic_apprentices(1))
        >>> first = CASE_RULE.conditions[0]
        >>> first.read_on.day
        'enrolment.programme.start'
        >>> reading_window(CASE_RULE, first, case.facts, case.on)
        (datetime.date(2024, 8, 1), datetime.date(2024, 8, 1))
    """
    if condition.read_on is None:
        return on, on
    return _window_of(_Path(path_steps(condition.read_on.day), _defaults(rule))(facts))


# --- what a reform changes ------------------------------------------------------------

_Content = tuple[str, object, object] | None
_Segment = tuple[date, date, _Content]


def _dump(name: str) -> Callable[[object], str]:
    """A parameter's values as the policy fingerprint writes them (exact: 5500 is not 5500.00)."""
    spec = specs().get(name)
    dump: Callable[[object], object] = str if spec is None else spec.kind.dump
    return lambda value: json.dumps(
        dump(value), sort_keys=True, ensure_ascii=False, default=str
    )


def _history(policy: Policy, name: str) -> tuple[Any, ...]:
    parameter = policy.parameters.get(name)
    return () if parameter is None else tuple(parameter.values)


def _segments(
    values: Sequence[Any], first: date, last: date, dump: Callable[[object], str]
) -> list[_Segment]:
    """What resolving on each day from *first* to *last* gives, as runs of days.

    Each run is (first day, last day, content), the content being what a finding
    carries of a value (the value as written, its citation and its provenance), or
    ``None`` for no value in force; neighbouring runs of the same content are one.
    """
    runs: list[_Segment] = []
    for value in values:
        period = value.period
        if period is None or value.value is None:
            continue
        end = period.end if period.end is not None else _LAST_DAY
        if end < first or period.start > last:
            continue
        start = max(period.start, first)
        content = (dump(value.value), value.citation, value.provenance)
        runs.append((start, min(end, last), content))
    runs.sort(key=lambda run: run[0])
    joined: list[_Segment] = []
    for run in runs:
        if joined:
            before = joined[-1]
            if before[2] == run[2] and before[1].toordinal() + 1 == run[0].toordinal():
                joined[-1] = (before[0], run[1], run[2])
                continue
        joined.append(run)
    return joined


class _Reading:
    """Parameters that differ between the policies, read on one declared day."""

    __slots__ = ("answers", "names", "path")

    def __init__(self, path: _Path | None) -> None:
        self.path = path
        """The fact naming the day (``None``: the evaluation day)."""
        self.names: list[str] = []
        """The parameters read on it that the reform gives another history."""
        self.answers: dict[object, bool] = {}
        """Whether they resolve alike, by the value of the fact naming the day."""


@attrs.frozen
class _Verdict:
    """Why a rule's decisions can or cannot be reused under two policies."""

    always: bool
    never: bool
    readings: tuple[_Reading, ...]


def _citations_alike(rule: Rule, baseline: Policy, reform: Policy) -> bool:
    """Whether both policies cite every source of the rule's conditions alike."""
    for condition in rule.conditions:
        for source in condition.sources:
            try:
                before = baseline.citation(source.document, source.article)
                after = reform.citation(source.document, source.article)
            except KeyError:
                return False
            if before != after:
                return False
    return True


def _verdict(rule: Rule, baseline: Policy, reform: Policy) -> _Verdict:
    if not rule.conditions or not _citations_alike(rule, baseline, reform):
        return _Verdict(always=False, never=True, readings=())
    differing = {
        name
        for name in rule.parameters
        if _history(baseline, name) != _history(reform, name)
    }
    if not differing:
        return _Verdict(always=True, never=False, readings=())
    defaults = _defaults(rule)
    readings: dict[tuple[str | int, ...] | None, _Reading] = {}
    for condition in rule.conditions:
        touched = [name for name in condition.parameters if name in differing]
        if not touched:
            continue
        if condition.check in READS_AROUND:
            return _Verdict(always=False, never=True, readings=())
        steps = None if condition.read_on is None else path_steps(condition.read_on.day)
        reading = readings.get(steps)
        if reading is None:
            path = None if steps is None else _Path(steps, defaults)
            reading = readings[steps] = _Reading(path)
        reading.names.extend(n for n in touched if n not in reading.names)
    return _Verdict(always=False, never=False, readings=tuple(readings.values()))


class Reuse:
    """Whether *rule* decides a case under *reform* exactly as under *baseline*.

    Built once for a rule and two policies (a simulation builds one); then
    :meth:`same` answers for each case, and :meth:`reformed` gives the reform's
    decision from the baseline's.  A rule with no conditions is never reused, nor a
    case that reads a changed parameter on a day the case leaves unknown.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> from skillchain._reuse import Reuse
        >>> from skillchain.rules import CASE_RULE
        >>> from skillchain.simulation import synthetic_apprentices
        >>> baseline = Policy.default()
        >>> later = baseline.with_values(document="sz-2019-11", since=date(2030, 1, 1),
        ...     update={"apprenticeship.annual_subsidy": {"advanced": "8000"}})
        >>> case = next(synthetic_apprentices(1))
        >>> Reuse(CASE_RULE, baseline, later).same(case.facts, case.on)
        True
    """

    __slots__ = (
        "_histories",
        "_readings",
        "always",
        "never",
        "reform",
    )

    def __init__(self, rule: Rule, baseline: Policy, reform: Policy) -> None:
        verdict = _verdict(rule, baseline, reform)
        self.always: bool = verdict.always
        """Every case is decided alike (the reform changes nothing the rule reads)."""
        self.never: bool = verdict.never
        """No case is taken to be decided alike: each is decided in full."""
        self.reform: Policy = reform
        """The reform policy."""
        self._readings = verdict.readings
        # The baseline's and the reform's histories of each differing parameter,
        # and how its values are written.
        self._histories = {
            name: (
                _history(baseline, name),
                _history(reform, name),
                _dump(name),
            )
            for reading in verdict.readings
            for name in reading.names
        }

    def same(self, facts: Mapping[str, object], on: date) -> bool:
        """Whether the case (its facts and evaluation day) is decided alike."""
        if self.always:
            return True
        if self.never:
            return False
        for reading in self._readings:
            path = reading.path
            value = on if path is None else path(facts)
            # A day is its own key; any other value is keyed with its type, so
            # that True and 1 (or 2024 and 2024.0) stay apart.
            key = value if type(value) is date else (type(value), value)
            answers = reading.answers
            try:
                found = answers.get(key)
            except TypeError:  # a value that cannot be a key: work it out
                found = self._alike(reading, value)
            if found is None:
                found = self._alike(reading, value)
                if len(answers) >= _KEPT:
                    answers.clear()
                answers[key] = found
            if not found:
                return False
        return True

    def _alike(self, reading: _Reading, value: object) -> bool:
        """Whether *reading*'s parameters resolve alike on the days *value* names."""
        window = _window_of(value)
        # Any day: only a history the same in every respect would do, and these
        # histories differ.
        if window is None:
            return False
        first, last = window
        for name in reading.names:
            before, after, dump = self._histories[name]
            if _segments(before, first, last, dump) != _segments(
                after, first, last, dump
            ):
                return False
        return True

    def reformed(self, before: Decision) -> Decision:
        """The reform's decision on a case :meth:`same` says is decided alike."""
        return attrs.evolve(before, policy_fingerprint=self.reform.fingerprint)
