"""Compare two policies on a rule, and ready-made properties of a policy change.

Nothing here imports Hypothesis: the functions take any iterable of cases (written by
hand, read from case files, or drawn by a strategy) and evaluate the rule on each.

Case names often identify a person (a population labelled by identity number), so
every report, ``repr`` and assertion message shows names cut to a bounded length
with anything that looks like an identity number masked (:func:`skillchain.redact`).
"""

import inspect
import operator

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
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
    "assert_amount_capped",
    "assert_amount_monotone",
    "assert_no_retroactive_change",
    "assert_relaxes",
    "assert_tightens",
    "assert_unchanged_outside",
    "compare",
    "differences",
    "evaluate",
]

_SHOWN = 10
"""How many offending cases a failed property lists in full."""
_NAME_SHOWN = 80
"""How many characters of a case name (or of a key or value) a report shows."""


def _shown(value: object) -> str:
    """A name, key or value as a report shows it: cut and masked."""
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
        >>> from skillchain.testing import Case
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
        return f"Case(name={_shown(self.name)!r}, on={self.on!r})"

    def fact(self, path: str) -> object:
        """The fact at the dotted *path*: an argument, then attributes or keys.

        Example:
            >>> from datetime import date
            >>> from skillchain.testing import Case
            >>> Case(name="x", on=date(2024, 1, 1), facts={"apprentices": 10}).fact("apprentices")
            10

        Raises:
            KeyError: No argument or attribute of that name (the message quotes
                the path cut and masked).
        """
        head, _, rest = path.partition(".")
        if head not in self.facts:
            raise KeyError(_shown(path))
        value: object = self.facts[head]
        for part in rest.split(".") if rest else ():
            if isinstance(value, Mapping) and part in value:
                value = value[part]
            elif not isinstance(value, Mapping) and hasattr(value, part):
                value = getattr(value, part)
            else:
                raise KeyError(_shown(path))
        return value


CaseLike = Case | Mapping[str, object]
"""A :class:`Case`, or a mapping of the rule's keyword arguments plus ``on``."""


def _as_case(item: CaseLike, index: int) -> Case:
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


def _as_rule(rule: Rule | str) -> Rule:
    return rule if isinstance(rule, Rule) else get_rule(rule)


def evaluate(rule: Rule | str, policy: Policy, case: CaseLike) -> Decision:
    """Decide *case* with *rule* (a rule or its registered id) under *policy*.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Policy
        >>> from skillchain.testing import evaluate
        >>> evaluate("apprenticeship.settlement", Policy.default(),
        ...     {"on": date(2025, 10, 8), "entitlement": Decimal("56000.00"),
        ...      "prepaid": Decimal("28000.00"), "training_end": None}).amount
        Decimal('28000.00')
    """
    found = _as_case(case, 0)
    function = _as_rule(rule).function
    try:
        return function(**found.facts, on=found.on, policy=policy)
    except TypeError:
        try:
            inspect.signature(function).bind(**found.facts, on=found.on, policy=policy)
        except TypeError as refused:
            raise InvalidValueError(
                field="Case.facts",
                problem=f"{_shown(found.name)}: {refused}",
                expected="the rule's keyword arguments, each once",
            ) from None
        raise


def _failed(decision: Decision) -> tuple[str, ...]:
    return tuple(sorted({f.check for f in decision.failed}))


def differences(before: Decision, after: Decision) -> tuple[str, ...]:
    """What differs between two decisions on one case, one line each (empty if same).

    Compared: the outcome, the amount, the set of failed checks and the set of
    missing facts or parameters.  The policy fingerprint, the provenance and the
    citations are not: a reform always changes the fingerprint.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Decision, Finding, Provenance
        >>> from skillchain.testing import differences
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
        lines.append(f"amount: {before.amount} → {after.amount}")
    was, now = set(_failed(before)), set(_failed(after))
    if was != now:
        gained = ", ".join(f"+{c}" for c in sorted(now - was))
        lost = ", ".join(f"-{c}" for c in sorted(was - now))
        lines.append(f"failed checks: {', '.join(p for p in (gained, lost) if p)}")
    if set(before.missing) != set(after.missing):
        lines.append(
            f"missing: {list(before.missing) or 'nothing'} → "
            f"{list(after.missing) or 'nothing'}"
        )
    return tuple(lines)


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
            f"{_shown(self.case.name)} (on {self.case.on.isoformat()}):",
            f"  baseline: {_summary(self.baseline)}",
            f"  reform:   {_summary(self.reform)}",
        ]
        lines.extend(f"  {line}" for line in self.differences)
        return redact("\n".join(lines))

    def __repr__(self) -> str:
        """Return ``Change(case=Case(...), differences=(...))``."""
        return f"Change(case={self.case!r}, differences={self.differences!r})"


@attrs.frozen(kw_only=True, repr=False)
class Comparison:
    """The result of evaluating one rule on the same cases under two policies.

    Its ``repr`` gives the counts only; :meth:`report` lists the changes, with
    case names cut and masked.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Policy
        >>> from skillchain.testing import compare
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
    found = _as_rule(rule)
    changes: list[Change] = []
    transitions: dict[tuple[Outcome, Outcome], int] = {}
    total = 0
    for index, item in enumerate(cases):
        case = _as_case(item, index)
        before = evaluate(found, baseline, case)
        after = evaluate(found, reform, case)
        key = (before.outcome, after.outcome)
        transitions[key] = transitions.get(key, 0) + 1
        total += 1
        if differences(before, after):
            changes.append(Change(case=case, baseline=before, reform=after))
    return Comparison(
        rule=found.id,
        total=total,
        changes=tuple(changes),
        transitions=MappingProxyType(transitions),
    )


def _fail(title: str, offending: list[Change], comparison: Comparison) -> None:
    lines = [f"{title}: {len(offending)} of {comparison.total} cases"]
    lines.extend(change.report() for change in offending[:_SHOWN])
    if len(offending) > _SHOWN:
        lines.append(f"… and {len(offending) - _SHOWN} more")
    first = offending[0]
    lines.append("First case under the reform:")
    lines.append(first.reform.explain("en"))
    raise AssertionError(redact("\n".join(lines)))


def assert_relaxes(
    rule: Rule | str, baseline: Policy, reform: Policy, cases: Iterable[CaseLike]
) -> Comparison:
    """Check that the reform only relaxes: every case eligible before stays eligible.

    Returns the comparison (cases may newly become eligible).

    Raises:
        AssertionError: Some case eligible under the baseline is not under the
            reform; the message lists them with both decisions.
    """
    comparison = compare(rule, baseline, reform, cases)
    offending = [
        c
        for c in comparison.changes
        if c.baseline.outcome is Outcome.ELIGIBLE
        and c.reform.outcome is not Outcome.ELIGIBLE
    ]
    if offending:
        _fail("the reform rejects cases the baseline accepted", offending, comparison)
    return comparison


def assert_tightens(
    rule: Rule | str, baseline: Policy, reform: Policy, cases: Iterable[CaseLike]
) -> Comparison:
    """Check that the reform only tightens: nobody becomes eligible who was not before.

    Returns the comparison (cases may lose eligibility).

    Raises:
        AssertionError: Some case eligible under the reform was not under the
            baseline; the message lists them with both decisions.
    """
    comparison = compare(rule, baseline, reform, cases)
    offending = [
        c
        for c in comparison.changes
        if c.reform.outcome is Outcome.ELIGIBLE
        and c.baseline.outcome is not Outcome.ELIGIBLE
    ]
    if offending:
        _fail("the reform accepts cases the baseline did not", offending, comparison)
    return comparison


def assert_unchanged_outside(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    affected: Callable[[Case], bool],
) -> Comparison:
    """Check that the reform changes only the cases *affected* says it may.

    *affected* receives each :class:`Case` and says whether the reform is meant to
    reach it; every other case must be decided exactly as before.

    Raises:
        AssertionError: A case outside the declared scope changed.
    """
    comparison = compare(rule, baseline, reform, cases)
    offending = [c for c in comparison.changes if not affected(c.case)]
    if offending:
        _fail(
            "the reform changes cases outside its declared scope", offending, comparison
        )
    return comparison


def assert_no_retroactive_change(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    before: date,
) -> Comparison:
    """Check that no case evaluated before *before* is decided differently.

    Raises:
        AssertionError: A case whose evaluation day is before *before* changed.
    """
    comparison = compare(rule, baseline, reform, cases)
    offending = [c for c in comparison.changes if c.case.on < before]
    if offending:
        _fail(
            f"the reform changes cases decided before {before.isoformat()}",
            offending,
            comparison,
        )
    return comparison


def _key_of(key: str | Callable[[Case], Any]) -> Callable[[Case], Any]:
    if isinstance(key, str):
        return operator.methodcaller("fact", key)
    return key


def _amount_report(title: str, lines: list[str]) -> None:
    shown = lines[:_SHOWN]
    if len(lines) > _SHOWN:
        shown.append(f"… and {len(lines) - _SHOWN} more")
    raise AssertionError(redact("\n".join([title, *shown])))


def assert_amount_monotone(
    rule: Rule | str,
    policy: Policy,
    cases: Iterable[CaseLike],
    *,
    key: str | Callable[[Case], Any],
) -> tuple[Decision, ...]:
    """Check that the amount never decreases as *key* grows.

    *key* is a dotted fact path (``"apprentices"``, ``"programme.planned_months"``)
    or a function of the case.  Only decisions with an amount are compared: pass
    cases that differ in that field alone (or in facts the amount does not
    depend on).  Returns the decisions, in the order of the cases.

    Raises:
        AssertionError: A case with a larger key has a smaller amount than one with
            a smaller key; the message names both.
    """
    found = _as_rule(rule)
    get = _key_of(key)
    listed = [_as_case(item, i) for i, item in enumerate(cases)]
    decisions = tuple(evaluate(found, policy, case) for case in listed)
    paid = sorted(
        (
            (get(case), decision.amount, case)
            for case, decision in zip(listed, decisions, strict=True)
            if decision.amount is not None
        ),
        key=operator.itemgetter(0),
    )
    problems: list[str] = []
    highest: tuple[Any, Decimal, Case] | None = None
    for value, amount, case in paid:
        if highest is not None and value > highest[0] and amount < highest[1]:
            problems.append(
                f"{_shown(case.name)}: {_shown(key) if isinstance(key, str) else 'key'}"
                f"={_shown(value)} pays {amount}, less than {highest[1]} for "
                f"{_shown(highest[2].name)} ({_shown(highest[0])})"
            )
        if highest is None or amount > highest[1]:
            highest = (value, amount, case)
    if problems:
        _amount_report(
            f"{found.id}: the amount decreases as the key grows ({len(problems)} cases)",
            problems,
        )
    return decisions


def assert_amount_capped(
    rule: Rule | str,
    policy: Policy,
    cases: Iterable[CaseLike],
    *,
    cap: Decimal | Callable[[Case], Decimal],
) -> tuple[Decision, ...]:
    """Check that no amount exceeds *cap* (a figure, or a function of the case).

    Returns the decisions, in the order of the cases.

    Raises:
        AssertionError: Some decision pays more than its cap; the message lists them.
    """
    found = _as_rule(rule)
    listed = [_as_case(item, i) for i, item in enumerate(cases)]
    decisions = tuple(evaluate(found, policy, case) for case in listed)
    problems: list[str] = []
    for case, decision in zip(listed, decisions, strict=True):
        limit = cap(case) if callable(cap) else cap
        if decision.amount is not None and decision.amount > limit:
            problems.append(
                f"{_shown(case.name)}: pays {decision.amount}, above {limit}"
            )
    if problems:
        _amount_report(
            f"{found.id}: amounts above the cap ({len(problems)} cases)", problems
        )
    return decisions
