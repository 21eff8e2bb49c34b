"""Cases for every registered rule, and ways to take their facts and figures away.

The example case files reach every outcome of every rule (a test keeps it so), so they
are the seeds: a case is varied by making some of its facts unknown (``None``, where
the fact's type allows it), by taking parameters out of force, and by moving its day.
A fact is named by the path a decision uses in ``missing``: ``certificate.level``,
``history[2].occupation``, ``contribution_months``.
"""

import functools
import inspect
import types
import typing

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from skillchain import Decision, Policy
from skillchain._facts import path_steps
from skillchain.cases import CaseFile, load_directory
from skillchain.rules import Judge, Rule


EXAMPLES = Path(__file__).parent.parent / "examples" / "cases"
CASES: tuple[CaseFile, ...] = load_directory(EXAMPLES, overlay_root=EXAMPLES.parent)


# Fields whose ``None`` is a value, not "unknown": an open end (a contract without a
# fixed term, a period still running), a claim made on the evaluation day, a course
# under none of the three provincial projects.
MEANINGFUL_NONE: frozenset[tuple[str, str]] = frozenset(
    {
        ("LabourContract", "end"),
        ("DateRange", "end"),
        ("PublicTrainingCourse", "project"),
    }
)
MEANINGFUL_NONE_FACTS: frozenset[str] = frozenset({"claimed_on"})


def _allows_none(hint: object) -> bool:
    if hint is None or hint is type(None):
        return True
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return type(None) in typing.get_args(hint)
    return False


@functools.cache
def _hints(owner: Callable[..., object] | type) -> dict[str, object]:
    return typing.get_type_hints(owner)


def _attrs_fields(owner: type) -> "tuple[attrs.Attribute[Any], ...]":
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(owner)
    return fields


def _walk(value: object, path: str) -> Iterator[str]:
    """The paths under *value* (at *path*) whose fields may be ``None`` and are not."""
    if attrs.has(type(value)):
        owner: type = type(value)
        hints = _hints(owner)
        for field in _attrs_fields(owner):
            child = getattr(value, field.name)
            name = field.name.lstrip("_")
            child_path = f"{path}.{name}"
            meaningful = (owner.__name__, name) in MEANINGFUL_NONE
            if (
                child is not None
                and not meaningful
                and _allows_none(hints.get(field.name))
            ):
                yield child_path
            yield from _walk(child, child_path)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


def nullable_facts(rule: Rule, facts: Mapping[str, object]) -> tuple[str, ...]:
    """Every fact path of *facts* that is known and whose type allows ``None``."""
    hints = _hints(rule.function)
    found: list[str] = []
    for name, value in facts.items():
        if (
            value is not None
            and name not in MEANINGFUL_NONE_FACTS
            and _allows_none(hints.get(name))
        ):
            found.append(name)
        found.extend(_walk(value, name))
    return tuple(found)


def _field(owner: type, name: str) -> "attrs.Attribute[Any]":
    for field in _attrs_fields(owner):
        if field.name.lstrip("_") == name:
            return field
    msg = f"{owner.__name__} has no field {name!r}"
    raise KeyError(msg)


def _replace(value: object, steps: Sequence[str | int], new: object) -> object:
    if not steps:
        return new
    if value is None:  # an enclosing fact is already unknown
        return None
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        assert isinstance(value, (tuple, list))
        items = list(value)
        items[step] = _replace(items[step], rest, new)
        return type(value)(items)
    field = _field(type(value), step)
    child = _replace(getattr(value, field.name), rest, new)
    alias = field.alias or field.name
    return attrs.evolve(value, **{alias: child})  # type: ignore[misc]


def with_unknown(
    facts: Mapping[str, object], paths: tuple[str, ...]
) -> dict[str, object]:
    """*facts* with every fact at *paths* made unknown (``None``), in order.

    A path whose ``None`` the types refuse in combination with the others (a mentor
    the training modes require, say) is left known.
    """
    result = dict(facts)
    for path in paths:
        steps = path_steps(path)
        head = steps[0]
        assert isinstance(head, str)
        try:
            result[head] = _replace(result[head], steps[1:], None)
        except (TypeError, ValueError):
            continue
    return result


def lookup(rule: Rule, facts: Mapping[str, object], path: str) -> tuple[bool, object]:
    """Whether *path* names a fact of *rule*'s *facts*, and its value if so.

    A fact the case leaves out (its argument defaults to ``None``) is unknown, and so
    is everything under a fact that is unknown.
    """
    steps = path_steps(path)
    head = steps[0]
    if not isinstance(head, str):
        return False, None
    if head not in facts:
        parameter = inspect.signature(rule.function).parameters.get(head)
        known = parameter is not None and parameter.default is None
        return known, None
    value: object = facts[head]
    for step in steps[1:]:
        if value is None:
            return True, None
        if isinstance(step, int):
            if not isinstance(value, (tuple, list)) or step >= len(value):
                return False, None
            value = value[step]
        else:
            if not attrs.has(type(value)):
                return False, None
            try:
                value = getattr(value, _field(type(value), step).name)
            except KeyError:
                return False, None
    return True, value


def ancestors(path: str) -> tuple[str, ...]:
    """The paths that enclose *path*: ``a.b[2].c`` -> ``a``, ``a.b``, ``a.b[2]``."""
    found: list[str] = []
    for index, char in enumerate(path):
        if char in ".[" and index:
            found.append(path[:index])
    return tuple(found)


def without(policy: Policy, names: tuple[str, ...] = ()) -> Policy:
    """A fresh copy of *policy* (its own caches) with the parameters *names* taken out."""
    return Policy(
        documents=policy.documents,
        parameters={k: v for k, v in policy.parameters.items() if k not in names},
        sources=policy.sources,
    )


def decide(
    case: CaseFile, facts: Mapping[str, object], policy: Policy, on: date
) -> Decision:
    """Decide *case*'s rule on *facts* under *policy* on *on*."""
    return case.rule.function(**facts, on=on, policy=policy)


class ReadTrace:
    """Records the parameters each decision rests on with a value in force.

    A deciding finding rests on the figures of the condition it is recorded with
    (``Judge.record``; ``Judge.rounded`` records through it): each of them with a
    value in force on the finding's day was read.  An advisory finding rests on
    nothing.  Reads are kept per judge and handed to the decision the judge makes,
    so an allocation, which judges every application, tells one decision's reads
    from another's: :meth:`read_by`.
    """

    def __init__(self) -> None:
        # Keyed by the judge's id, holding the judge, so no other judge reuses the id.
        self._reads: dict[int, tuple[Judge, set[str]]] = {}
        self._by_decision: dict[int, tuple[Decision, set[str]]] = {}
        self._record = Judge.record
        self._decide = Judge.decide

    def read_by(self, decision: Decision) -> set[str]:
        """The parameters *decision* rests on with a value in force.

        A decision no judge made as such (rebuilt from another) is taken to rest
        on everything any judge read.
        """
        found = self._by_decision.get(id(decision))
        if found is not None:
            return found[1]
        every = {name for _, names in self._by_decision.values() for name in names}
        return every.union(*(names for _, names in self._reads.values()))

    def __enter__(self) -> typing.Self:
        record, decide = self._record, self._decide
        reads, by_decision = self._reads, self._by_decision

        def traced_record(
            judge: Judge, condition: Any, *args: Any, **kwargs: Any
        ) -> Any:
            if not condition.advisory:
                values = judge.values(condition, day=kwargs.get("day"))
                reads.setdefault(id(judge), (judge, set()))[1].update(
                    name
                    for name, value in zip(condition.parameters, values, strict=True)
                    if value is not None
                )
            return record(judge, condition, *args, **kwargs)

        def traced_decide(judge: Judge, *args: Any, **kwargs: Any) -> Decision:
            decision = decide(judge, *args, **kwargs)
            # The decision is kept with its reads, so its id stays its own.
            by_decision[id(decision)] = (
                decision,
                reads.pop(id(judge), (judge, set()))[1],
            )
            return decision

        Judge.record = traced_record  # type: ignore[method-assign,assignment]
        Judge.decide = traced_decide  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *_: object) -> None:
        Judge.record = self._record  # type: ignore[method-assign]
        Judge.decide = self._decide  # type: ignore[method-assign]


@functools.cache
def example_policy(rule_id: str) -> Policy:
    """The policy the example case files of *rule_id* use: the one with most overlays.

    A rule whose case files use no overlay is judged under the bundled policy.
    """
    found = [case for case in CASES if case.rule.id == rule_id]
    if not found:
        return Policy.default()
    return max(found, key=lambda case: len(case.overlays)).policy
