"""Decide the same cases under two policies and say what changed.

This is the engine behind ``skillchain simulate``, case files and the testing kit,
usable at run time (it imports no test framework): a :class:`Case` is a rule's facts
and an evaluation day, with no policy; :func:`evaluate` decides one case under one
policy; :func:`differences` says, line by line, how two decisions on one case
differ; :func:`compare` decides every case under a baseline and a reform and keeps
the cases whose decision changed (each a :class:`Change`).

Case names often identify a person (a population labelled by identity number), so
every report, ``repr`` and message shows names cut to a bounded length with anything
that looks like an identity number masked (:func:`skillchain.redact`).
"""

import inspect

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import attrs

from skillchain._decision import Decision, Outcome
from skillchain._redact import redact, shorten
from skillchain.errors import InvalidValueError
from skillchain.policy import Policy
from skillchain.rules import Rule, get_rule


__all__ = [
    "Case",
    "CaseLike",
    "Change",
    "Comparison",
    "as_case",
    "as_rule",
    "compare",
    "differences",
    "evaluate",
    "shown",
]

_SHOWN = 10
"""How many changes :meth:`Comparison.report` lists in full by default."""
_NAME_SHOWN = 80
"""How many characters of a case name (or of a key or value) a report shows."""


def shown(value: object) -> str:
    """*value* as a report shows a case name, key or value: cut and masked.

    At most 80 characters, with anything that looks like an identity number masked.

    Example:
        >>> from skillchain.comparison import shown
        >>> shown("case of 440304199001010011")
        'case of 440304********0011'
        >>> len(shown("x" * 500))
        80
    """
    return shorten(str(value), _NAME_SHOWN)


def _is_name(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            field="Case.name",
            problem=f"got a value of type {type(value).__name__}",
            expected="a str",
        )


def _is_day(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValueError(
            field="Case.on",
            problem=f"got a value of type {type(value).__name__}",
            expected="a datetime.date (not a datetime)",
        )


def _is_facts(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise InvalidValueError(
            field="Case.facts",
            problem=f"got a value of type {type(value).__name__}",
            expected="a mapping from the rule's argument names to their values",
        )
    if "on" in value or "policy" in value:
        raise InvalidValueError(
            field="Case.facts",
            problem="the facts name 'on' or 'policy'",
            expected="the rule's facts only: the day is Case.on, the policy is "
            "chosen by the comparison",
        )


def _frozen_facts(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, eq=False)
class Case:
    """One case to evaluate a rule on: the rule's facts and the evaluation day.

    A case holds no policy: the comparison functions evaluate it under each policy
    they are given.  A plain mapping of the rule's keyword arguments plus ``on``
    may be passed wherever a case is expected; it becomes a case named by its
    position (``case 3``).

    Cases compare by name, day and facts and hash by name and day.  The name may
    identify a person, so ``repr`` and every report show it cut and with anything
    that looks like an identity number masked.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain.comparison import Case
        >>> case = Case(name="prepaid too much", on=date(2025, 10, 8),
        ...     facts={"entitlement": Decimal("28000.00"),
        ...            "prepaid": Decimal("56000.00"), "training_end": None})
        >>> case.facts["prepaid"]
        Decimal('56000.00')

    Raises:
        InvalidValueError: ``on`` is not a date, or ``facts`` is not a mapping of
            argument names (``on`` and ``policy`` are not facts).
    """

    # The fields take no part in attrs' equality: __eq__ below is written by hand,
    # so tools that describe a failed == field by field (pytest) show the masked
    # repr only, never the raw name.
    name: str = attrs.field(validator=_is_name, eq=False)
    """A short name shown in reports (a case file's ``name``)."""
    on: date = attrs.field(validator=_is_day, eq=False)
    """The evaluation day passed to the rule as ``on``."""
    facts: Mapping[str, object] = attrs.field(validator=_is_facts, eq=False)
    """The rule's other arguments by name (as the rule function takes them)."""

    def __attrs_post_init__(self) -> None:
        """Freeze the facts into a read-only copy."""
        object.__setattr__(self, "facts", _frozen_facts(self.facts))

    def __eq__(self, other: object) -> bool:
        """Equal when name, day and facts are equal."""
        if not isinstance(other, Case):
            return NotImplemented
        return (self.name, self.on, self.facts) == (other.name, other.on, other.facts)

    def __hash__(self) -> int:
        """Hash by name and day (the facts may hold unhashable values)."""
        return hash((Case, self.name, self.on))

    def __repr__(self) -> str:
        """Return ``Case(name=..., on=...)`` with the name cut and masked."""
        return f"Case(name={shown(self.name)!r}, on={self.on!r})"

    def fact(self, path: str) -> object:
        """The fact at the dotted *path*: an argument, then attributes or keys.

        Example:
            >>> from datetime import date
            >>> from skillchain.comparison import Case
            >>> Case(name="x", on=date(2024, 1, 1), facts={"apprentices": 10}).fact("apprentices")
            10

        Raises:
            KeyError: No argument or attribute of that name (the message quotes
                the path cut and masked).
        """
        head, _, rest = path.partition(".")
        if head not in self.facts:
            raise KeyError(shown(path))
        value: object = self.facts[head]
        for part in rest.split(".") if rest else ():
            if isinstance(value, Mapping) and part in value:
                value = value[part]
            elif not isinstance(value, Mapping) and hasattr(value, part):
                value = getattr(value, part)
            else:
                raise KeyError(shown(path))
        return value


CaseLike = Case | Mapping[str, object]
"""A :class:`Case`, or a mapping of the rule's keyword arguments plus ``on``."""


def as_case(item: CaseLike, index: int = 0) -> Case:
    """*item* as a :class:`Case`: a case as it is, a mapping named ``case INDEX``.

    A mapping holds the rule's keyword arguments plus ``on``; it becomes a case
    named by its position *index* in the caller's list.

    Example:
        >>> from datetime import date
        >>> from skillchain.comparison import as_case
        >>> as_case({"on": date(2024, 1, 1), "apprentices": 10}, 3)
        Case(name='case 3', on=datetime.date(2024, 1, 1))

    Raises:
        InvalidValueError: *item* is neither a case nor a mapping with ``on``.
    """
    if isinstance(item, Case):
        return item
    raw: object = item
    if not isinstance(raw, Mapping) or "on" not in raw:
        raise InvalidValueError(
            field=f"cases[{index}]",
            problem=f"got a value of type {type(item).__name__} without 'on'",
            expected="a Case, or a mapping of the rule's facts plus 'on'",
        )
    facts = {k: v for k, v in item.items() if k != "on"}
    return Case(name=f"case {index}", on=item["on"], facts=facts)  # type: ignore[arg-type]


def as_rule(rule: Rule | str) -> Rule:
    """*rule* itself, or the rule registered under the id *rule*.

    Raises:
        UnknownRuleError: No rule is registered under that id.
    """
    return rule if isinstance(rule, Rule) else get_rule(rule)


def evaluate(rule: Rule | str, policy: Policy, case: CaseLike) -> Decision:
    """Decide *case* with *rule* (a rule or its registered id) under *policy*.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Policy
        >>> from skillchain.comparison import evaluate
        >>> evaluate("apprenticeship.settlement", Policy.default(),
        ...     {"on": date(2025, 10, 8), "entitlement": Decimal("56000.00"),
        ...      "prepaid": Decimal("28000.00"), "training_end": None}).amount
        Decimal('28000.00')
    """
    found = as_case(case, 0)
    function = as_rule(rule).function
    try:
        return function(**found.facts, on=found.on, policy=policy)
    except TypeError:
        try:
            inspect.signature(function).bind(**found.facts, on=found.on, policy=policy)
        except TypeError as refused:
            raise InvalidValueError(
                field="Case.facts",
                problem=f"{shown(found.name)}: {refused}",
                expected="the rule's keyword arguments, each once",
            ) from None
        raise


def _failed(decision: Decision) -> tuple[str, ...]:
    return tuple(sorted({f.check for f in decision.failed}))


def differences(before: Decision, after: Decision) -> tuple[str, ...]:
    """What differs between two decisions on one case, one line each (empty if same).

    Compared: the outcome, the amount, the set of failed checks and the set of
    missing facts or parameters, in plain words (``no amount``; names listed).
    The policy fingerprint, the provenance and the
    citations are not: a reform always changes the fingerprint.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Decision, Finding, Provenance
        >>> from skillchain.comparison import differences
        >>> def paid(amount):
        ...     return Decision.from_findings(rule="demo", version="1", on=date(2024, 1, 1),
        ...         findings=[Finding(check="demo.ok", held=True)], amount=amount,
        ...         provenance=Provenance.OFFICIAL, policy_fingerprint="0" * 64)
        >>> differences(paid(Decimal("70000.00")), paid(Decimal("56000.00")))
        ('amount: 70000.00 → 56000.00',)
    """
    lines: list[str] = []
    if before.outcome is not after.outcome:
        lines.append(f"outcome: {before.outcome.value} → {after.outcome.value}")
    if before.amount != after.amount:
        lines.append(f"amount: {_amount(before)} → {_amount(after)}")
    was, now = set(_failed(before)), set(_failed(after))
    if was != now:
        gained = ", ".join(f"+{c}" for c in sorted(now - was))
        lost = ", ".join(f"-{c}" for c in sorted(was - now))
        lines.append(f"failed checks: {', '.join(p for p in (gained, lost) if p)}")
    if set(before.missing) != set(after.missing):
        lines.append(
            f"missing: {', '.join(before.missing) or 'nothing'} → "
            f"{', '.join(after.missing) or 'nothing'}"
        )
    return tuple(lines)


def _amount(decision: Decision) -> str:
    return "no amount" if decision.amount is None else str(decision.amount)


def _summary(decision: Decision) -> str:
    parts = [decision.outcome.value]
    if decision.amount is not None:
        parts.append(f"amount {decision.amount}")
    failed = _failed(decision)
    if failed:
        parts.append(f"failed {', '.join(failed)}")
    if decision.missing:
        parts.append(f"missing {', '.join(decision.missing)}")
    return "; ".join(parts)


@attrs.frozen(kw_only=True, repr=False)
class Change:
    """One case whose decision differs between the baseline and the reform.

    Its ``repr`` names the case (masked, see :class:`Case`) and what changed.
    """

    case: Case
    """The case."""
    baseline: Decision
    """The decision under the baseline policy."""
    reform: Decision
    """The decision under the reformed policy."""

    @property
    def differences(self) -> tuple[str, ...]:
        """What changed, one line each (see :func:`differences`)."""
        return differences(self.baseline, self.reform)

    def report(self) -> str:
        """A few lines for a person: the case, both decisions and what changed.

        The case name is cut and masked (see :class:`Case`).
        """
        lines = [
            f"{shown(self.case.name)} (on {self.case.on.isoformat()}):",
            f"  baseline: {_summary(self.baseline)}",
            f"  reform:   {_summary(self.reform)}",
        ]
        lines.extend(f"  {line}" for line in self.differences)
        return redact("\n".join(lines))

    def __repr__(self) -> str:
        """Return ``Change(case=Case(...), differences=(...))``."""
        return f"Change(case={self.case!r}, differences={self.differences!r})"


def _side(
    transitions: Mapping[tuple[Outcome, Outcome], int], index: int
) -> Mapping[Outcome, int]:
    counts = dict.fromkeys(Outcome, 0)
    for pair, count in transitions.items():
        counts[pair[index]] += count
    return MappingProxyType(counts)


@attrs.frozen(kw_only=True, repr=False)
class Comparison:
    """The result of evaluating one rule on the same cases under two policies.

    Its ``repr`` gives the counts only; :meth:`report` lists the changes, with
    case names cut and masked.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Policy
        >>> from skillchain.comparison import compare
        >>> policy = Policy.default()
        >>> result = compare("apprenticeship.settlement", policy, policy,
        ...     [{"on": date(2025, 10, 8), "entitlement": Decimal(1), "prepaid": Decimal(0),
        ...       "training_end": None}])
        >>> result.total, result.changed, result.unchanged
        (1, 0, 1)
        >>> result
        Comparison(rule='apprenticeship.settlement', total=1, changed=0)
    """

    rule: str
    """The id of the rule compared."""
    total: int
    """How many cases were evaluated."""
    changes: tuple[Change, ...]
    """The cases whose decision changed, in the order given, with both decisions."""
    transitions: Mapping[tuple[Outcome, Outcome], int] = attrs.field(
        eq=False, repr=False
    )
    """How many cases went from each baseline outcome to each reform outcome
    (unchanged cases included, e.g. ``(ELIGIBLE, ELIGIBLE)``)."""
    paid: tuple[int, int] = attrs.field(default=(0, 0), eq=False, repr=False)
    """How many cases had an amount under the baseline, and under the reform."""

    @property
    def baseline_outcomes(self) -> Mapping[Outcome, int]:
        """How many cases had each outcome under the baseline (every outcome listed)."""
        return _side(self.transitions, 0)

    @property
    def reform_outcomes(self) -> Mapping[Outcome, int]:
        """How many cases had each outcome under the reform (every outcome listed)."""
        return _side(self.transitions, 1)

    @property
    def changed(self) -> int:
        """How many cases changed."""
        return len(self.changes)

    @property
    def unchanged(self) -> int:
        """How many cases did not change."""
        return self.total - len(self.changes)

    def report(self, limit: int = _SHOWN) -> str:
        """A readable summary: counts, outcome transitions and the first changes."""
        lines = [
            f"{self.rule}: {self.changed} of {self.total} cases changed",
        ]
        for (was, now), count in sorted(
            self.transitions.items(),
            key=lambda item: (item[0][0].value, item[0][1].value),
        ):
            lines.append(f"  {was.value} → {now.value}: {count}")
        lines.extend(change.report() for change in self.changes[:limit])
        if len(self.changes) > limit:
            lines.append(f"… and {len(self.changes) - limit} more")
        return "\n".join(lines)

    def __repr__(self) -> str:
        """Return ``Comparison(rule=..., total=..., changed=...)``."""
        return (
            f"Comparison(rule={self.rule!r}, total={self.total}, "
            f"changed={self.changed})"
        )


def compare(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
) -> Comparison:
    """Evaluate every case under both policies; return the cases whose decision changed.

    A decision changed when its outcome, amount, failed checks or missing names
    differ (:func:`differences`).  *rule* is a :class:`~skillchain.rules.Rule` or
    its registered id; a case is a :class:`Case` or a mapping of the rule's keyword
    arguments plus ``on``.
    """
    found = as_rule(rule)
    changes: list[Change] = []
    transitions: dict[tuple[Outcome, Outcome], int] = {}
    total = paid_before = paid_after = 0
    for index, item in enumerate(cases):
        case = as_case(item, index)
        before = evaluate(found, baseline, case)
        after = evaluate(found, reform, case)
        key = (before.outcome, after.outcome)
        transitions[key] = transitions.get(key, 0) + 1
        paid_before += before.amount is not None
        paid_after += after.amount is not None
        total += 1
        if differences(before, after):
            changes.append(Change(case=case, baseline=before, reform=after))
    return Comparison(
        rule=found.id,
        total=total,
        changes=tuple(changes),
        transitions=MappingProxyType(transitions),
        paid=(paid_before, paid_after),
    )
