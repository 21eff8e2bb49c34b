"""Ready-made properties of a policy change and of one policy's amounts.

Each ``assert_…`` function evaluates a rule with :mod:`skillchain.comparison` and
returns its result or raises :class:`AssertionError` with a report a reviewer can
read.  Nothing here imports Hypothesis: the functions take any iterable of cases
(written by hand, read from case files, or drawn by a strategy).

Case names often identify a person, so every assertion message shows names cut to
a bounded length with anything that looks like an identity number masked
(:func:`skillchain.redact`).
"""

import operator

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from skillchain._decision import Decision, Outcome
from skillchain._redact import redact
from skillchain.comparison import (
    Case,
    CaseLike,
    Change,
    Comparison,
    as_case,
    as_rule,
    compare,
    evaluate,
    shown,
)
from skillchain.policy import Policy
from skillchain.rules import Rule


__all__ = [
    "assert_amount_capped",
    "assert_amount_monotone",
    "assert_no_retroactive_change",
    "assert_relaxes",
    "assert_tightens",
    "assert_unchanged_outside",
]

_SHOWN = 10
"""How many offending cases a failed property lists in full."""


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
    found = as_rule(rule)
    get = _key_of(key)
    listed = [as_case(item, i) for i, item in enumerate(cases)]
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
                f"{shown(case.name)}: {shown(key) if isinstance(key, str) else 'key'}"
                f"={shown(value)} pays {amount}, less than {highest[1]} for "
                f"{shown(highest[2].name)} ({shown(highest[0])})"
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
    found = as_rule(rule)
    listed = [as_case(item, i) for i, item in enumerate(cases)]
    decisions = tuple(evaluate(found, policy, case) for case in listed)
    problems: list[str] = []
    for case, decision in zip(listed, decisions, strict=True):
        limit = cap(case) if callable(cap) else cap
        if decision.amount is not None and decision.amount > limit:
            problems.append(
                f"{shown(case.name)}: pays {decision.amount}, above {limit}"
            )
    if problems:
        _amount_report(
            f"{found.id}: amounts above the cap ({len(problems)} cases)", problems
        )
    return decisions
