"""Ready-made properties of a policy change and of one policy's amounts.

Each ``assert_…`` function evaluates a rule with :mod:`skillchain.comparison` and
returns its result or raises :class:`AssertionError` with a report a reviewer can
read.  Nothing here imports Hypothesis at import time: the functions take any
iterable of cases (written by hand, read from case files, or drawn by a strategy),
and reach for Hypothesis only when they are called inside a Hypothesis test.

A property speaks about some kind of case: "the reform only relaxes" about cases
eligible under the baseline, an amount property about cases with an amount.  A call
that saw none of them checked nothing, and fails (unless ``vacuous_ok=True``): with
an :class:`AssertionError` that counts the cases by outcome and says how to draw
better ones or, inside a Hypothesis test, by discarding the example (as
``hypothesis.assume`` does), so a run in which no example checked anything fails
for want of valid examples.  Every function takes one case (``assert_case_…``, so
Hypothesis shrinks one case) or a list of them, counts what it saw in an optional
:class:`OutcomeTally`, and records it as Hypothesis events inside a Hypothesis test.

Case names often identify a person, so every assertion message shows names cut to
a bounded length with anything that looks like an identity number masked
(:func:`skillchain.redact`).
"""

import operator
import sys

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from types import ModuleType
from typing import Any, Final

import attrs

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
    differences,
    evaluate,
    shown,
)
from skillchain.policy import Policy
from skillchain.rules import Rule


__all__ = [
    "OutcomeTally",
    "assert_amount_capped",
    "assert_amount_monotone",
    "assert_amount_not_decreased",
    "assert_amount_not_increased",
    "assert_case_amount_capped",
    "assert_case_amount_monotone",
    "assert_case_amount_not_decreased",
    "assert_case_amount_not_increased",
    "assert_case_no_retroactive_change",
    "assert_case_relaxes",
    "assert_case_tightens",
    "assert_case_unchanged_outside",
    "assert_no_retroactive_change",
    "assert_relaxes",
    "assert_tightens",
    "assert_unchanged_outside",
]

_SHOWN = 10
"""How many offending cases a failed property lists in full."""
_CASES: Final = "cases"
_CHECKED: Final = "checked"
_AMOUNT: Final = "with an amount"


# --- counting what a property saw ---------------------------------------------------


@attrs.define(eq=False, repr=False)
class OutcomeTally:
    """How many cases a property saw, by outcome, over every call it was passed to.

    Pass the same tally (``tally=``) to every call of one property, for instance to
    a one-case property under ``@given``, and read it after the run: :attr:`counts`
    for the figures, :meth:`report` for a person.  A tally counts for one property
    (the list and one-case forms of it share one); passing it to another property
    is an error.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import Policy
        >>> from skillchain.testing import OutcomeTally, assert_case_relaxes
        >>> tally = OutcomeTally()
        >>> policy = Policy.default()
        >>> for prepaid in (0, 1000):
        ...     _ = assert_case_relaxes("apprenticeship.settlement", policy, policy,
        ...         {"on": date(2025, 10, 8), "entitlement": Decimal(500),
        ...          "prepaid": Decimal(prepaid), "training_end": None},
        ...         tally=tally, vacuous_ok=True)
        >>> tally.counts["baseline eligible"], tally.checked, tally.total
        (1, 1, 2)
        >>> print(tally.report())
        relaxes: 2 cases, 1 checked (cases eligible under the baseline)
          baseline: 1 eligible, 1 ineligible, 0 undetermined; 1 with an amount
          reform:   1 eligible, 1 ineligible, 0 undetermined; 1 with an amount
    """

    counts: Counter[str] = attrs.field(factory=Counter, init=False)
    """The counts by name: ``"cases"`` (every case seen), ``"checked"`` (the cases
    the property speaks about), and for each policy (``"baseline"`` and
    ``"reform"``, or ``"policy"`` for a property of one policy) ``"<policy>
    <outcome>"`` (``"baseline eligible"``) and ``"<policy> with an amount"``.
    A name never counted reads 0."""
    name: str | None = attrs.field(default=None, init=False)
    """The property counted (``"relaxes"``, ``"amount capped"``…), set by the
    first call the tally is passed to."""
    about: str | None = attrs.field(default=None, init=False)
    """The cases the property speaks about, as the report says it."""

    @property
    def total(self) -> int:
        """How many cases were seen."""
        return self.counts[_CASES]

    @property
    def checked(self) -> int:
        """How many of them the property speaks about (the cases it checked)."""
        return self.counts[_CHECKED]

    def report(self) -> str:
        """A few lines for a person: the cases seen, checked, and by outcome."""
        head = (
            f"{self.name or 'nothing yet'}: {self.total} cases, {self.checked} checked"
        )
        if self.about:
            head += f" ({self.about})"
        return "\n".join([head, *_count_lines(self.counts)])

    def __repr__(self) -> str:
        """Return ``OutcomeTally(name=..., total=..., checked=...)``."""
        return (
            f"OutcomeTally(name={self.name!r}, total={self.total}, "
            f"checked={self.checked})"
        )

    def _add(self, name: str, about: str, counts: Counter[str]) -> None:
        if self.name is None:
            self.name, self.about = name, about
        elif self.name != name:
            msg = (
                f"this tally counts for the property {self.name!r}, not {name!r}: "
                "pass one tally per property"
            )
            raise ValueError(msg)
        self.counts.update(counts)


def _sides(counts: Mapping[str, int]) -> list[str]:
    return [
        side
        for side in ("baseline", "reform", "policy")
        if any(f"{side} {o.value}" in counts for o in Outcome)
    ]


def _count_lines(counts: Mapping[str, int]) -> list[str]:
    sides = _sides(counts)
    width = max((len(side) for side in sides), default=0) + 1
    return [
        f"  {side + ':':<{width}} "
        + ", ".join(f"{counts.get(f'{side} {o.value}', 0)} {o.value}" for o in Outcome)
        + f"; {counts.get(f'{side} {_AMOUNT}', 0)} {_AMOUNT}"
        for side in sides
    ]


def _seen(
    total: int, checked: int, sides: Mapping[str, tuple[Mapping[Outcome, int], int]]
) -> Counter[str]:
    counts: Counter[str] = Counter({_CASES: total, _CHECKED: checked})
    for side, (outcomes, paid) in sides.items():
        for outcome in Outcome:
            counts[f"{side} {outcome.value}"] = outcomes.get(outcome, 0)
        counts[f"{side} {_AMOUNT}"] = paid
    return counts


def _decided(decisions: Iterable[Decision]) -> tuple[Mapping[Outcome, int], int]:
    listed = list(decisions)
    return (
        Counter(d.outcome for d in listed),
        sum(d.amount is not None for d in listed),
    )


# --- inside a Hypothesis test -------------------------------------------------------


def _hypothesis() -> ModuleType | None:
    """Hypothesis, when the caller runs inside a Hypothesis test; else None.

    Hypothesis is never imported here: a test that runs inside it has imported it.
    """
    module = sys.modules.get("hypothesis")
    if module is None:
        return None
    try:
        from hypothesis.control import currently_in_test_context
    except ImportError:  # pragma: no cover - every supported version has it
        return None
    return module if currently_in_test_context() else None


@attrs.frozen(kw_only=True)
class _Property:
    name: str
    """The property's name in tallies and reports."""
    about: str
    """The cases it speaks about (formatted with ``before``)."""
    miss: str
    """What a case it does not speak about is (formatted with ``before``)."""
    hint: str
    """How to give it some (formatted with ``rule``, the rule id, and ``day``)."""


def _conclude(
    caller: str,
    prop: _Property,
    rule: str,
    counts: Counter[str],
    *,
    events: Iterable[str],
    enough: bool,
    one: bool,
    vacuous_ok: bool,
    tally: OutcomeTally | None,
    before: date | None = None,
) -> None:
    """Count, record events, and refuse a call that checked nothing."""
    about = prop.about.format(before=before)
    if tally is not None:
        tally._add(prop.name, about, counts)  # noqa: SLF001 - same module
    hypothesis = _hypothesis()
    if hypothesis is not None:
        for label in dict.fromkeys(events):
            hypothesis.event(f"{caller}: {label}")
        if not enough:
            miss = prop.miss.format(before=before)
            hypothesis.event(f"{caller}: checks nothing ({miss})")
    if enough or vacuous_ok:
        return
    if hypothesis is not None:
        hypothesis.assume(False)  # discard the example, as assume() does
    raise AssertionError(_vacuous(caller, prop, rule, counts, one=one, before=before))


def _vacuous(
    caller: str,
    prop: _Property,
    rule: str,
    counts: Counter[str],
    *,
    one: bool,
    before: date | None,
) -> str:
    if one:
        seen = "the case it was given is not one"
    else:
        seen = f"none of the {counts[_CASES]} cases it was given is one"
    day = (before - timedelta(days=1)).isoformat() if before is not None else ""
    lines = [
        (
            f"{caller} checked nothing: it speaks about "
            f"{prop.about.format(before=before)}, and {seen}."
        ),
        *_count_lines(counts),
        "To fix it, " + prop.hint.format(rule=rule, day=day) + "; or pass "
        "vacuous_ok=True if checking nothing is what you expect.",
    ]
    return redact("\n".join(lines))


def _draw(policy: str) -> str:
    return (
        "draw cases with skillchain.testing.strategies.cases('{rule}', "
        f"policy={policy}, outcome='eligible')"
    )


_RELAXES = _Property(
    name="relaxes",
    about="cases eligible under the baseline",
    miss="not eligible under the baseline",
    hint=_draw("<the baseline>"),
)
_TIGHTENS = _Property(
    name="tightens",
    about="cases eligible under the reform",
    miss="not eligible under the reform",
    hint=_draw("<the reform>"),
)
_OUTSIDE = _Property(
    name="unchanged outside",
    about="cases outside the declared scope",
    miss="inside the declared scope",
    hint="give it cases the reform is not meant to reach (affected returns False)",
)
_RETROACTIVE = _Property(
    name="no retroactive change",
    about="cases decided before {before}",
    miss="decided on or after {before}",
    hint="give it cases decided before that day, e.g. "
    "skillchain.testing.strategies.cases('{rule}', "
    "on=hypothesis.strategies.dates(max_value=datetime.date.fromisoformat('{day}')))",
)
_NOT_DECREASED = _Property(
    name="amount not decreased",
    about="cases with an amount under the baseline",
    miss="no amount under the baseline",
    hint=_draw("<the baseline>"),
)
_NOT_INCREASED = _Property(
    name="amount not increased",
    about="cases with an amount under the reform",
    miss="no amount under the reform",
    hint=_draw("<the reform>"),
)
_CAPPED = _Property(
    name="amount capped",
    about="cases with an amount",
    miss="no amount",
    hint=_draw("<the policy>"),
)
_MONOTONE = _Property(
    name="amount monotone",
    about="cases with an amount at two or more values of the key",
    miss="fewer than two values of the key with an amount",
    hint=_draw("<the policy>") + " and vary the key",
)


# --- two policies: the shared machinery ---------------------------------------------


def _fail(title: str, offending: list[Change], total: int) -> None:
    lines = [f"{title}: {len(offending)} of {total} cases"]
    lines.extend(change.report() for change in offending[:_SHOWN])
    if len(offending) > _SHOWN:
        lines.append(f"… and {len(offending) - _SHOWN} more")
    first = offending[0]
    lines.append("First case under the reform:")
    lines.append(first.reform.explain("en"))
    raise AssertionError(redact("\n".join(lines)))


Offends = Callable[[Case, Decision, Decision], bool]


def _transition(before: Outcome, after: Outcome) -> str:
    return f"baseline {before.value} → reform {after.value}"


def _many(
    caller: str,
    prop: _Property,
    *,
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    checked: Callable[[Comparison, list[Case]], int],
    offends: Offends,
    title: str,
    vacuous_ok: bool,
    tally: OutcomeTally | None,
    before: date | None = None,
) -> Comparison:
    listed = [as_case(item, i) for i, item in enumerate(cases)]
    comparison = compare(rule, baseline, reform, listed)
    count = checked(comparison, listed)
    counts = _seen(
        comparison.total,
        count,
        {
            "baseline": (comparison.baseline_outcomes, comparison.paid[0]),
            "reform": (comparison.reform_outcomes, comparison.paid[1]),
        },
    )
    _conclude(
        caller,
        prop,
        comparison.rule,
        counts,
        events=[_transition(*pair) for pair in comparison.transitions],
        enough=count > 0,
        one=False,
        vacuous_ok=vacuous_ok,
        tally=tally,
        before=before,
    )
    offending = [c for c in comparison.changes if offends(c.case, c.baseline, c.reform)]
    if offending:
        _fail(title, offending, comparison.total)
    return comparison


def _one(
    caller: str,
    prop: _Property,
    *,
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    checks: Offends,
    offends: Offends,
    title: str,
    vacuous_ok: bool,
    tally: OutcomeTally | None,
    before: date | None = None,
) -> tuple[Decision, Decision]:
    found = as_rule(rule)
    given = as_case(case, 0)
    was = evaluate(found, baseline, given)
    now = evaluate(found, reform, given)
    relevant = checks(given, was, now)
    counts = _seen(
        1,
        int(relevant),
        {"baseline": _decided([was]), "reform": _decided([now])},
    )
    _conclude(
        caller,
        prop,
        found.id,
        counts,
        events=[_transition(was.outcome, now.outcome)],
        enough=relevant,
        one=True,
        vacuous_ok=vacuous_ok,
        tally=tally,
        before=before,
    )
    if relevant and offends(given, was, now):
        _fail(title, [Change(case=given, baseline=was, reform=now)], 1)
    return was, now


def _eligible(decision: Decision) -> bool:
    return decision.outcome is Outcome.ELIGIBLE


def _rejects(_case: Case, was: Decision, now: Decision) -> bool:
    return _eligible(was) and not _eligible(now)


def _accepts(_case: Case, was: Decision, now: Decision) -> bool:
    return _eligible(now) and not _eligible(was)


def _lowers(_case: Case, was: Decision, now: Decision) -> bool:
    """An amount under the baseline, and none or a lower one under the reform."""
    return was.amount is not None and (now.amount is None or now.amount < was.amount)


def _raises(_case: Case, was: Decision, now: Decision) -> bool:
    """An amount under the reform, and none or a lower one under the baseline."""
    return now.amount is not None and (was.amount is None or now.amount > was.amount)


_REJECTS = "the reform rejects cases the baseline accepted"
_ACCEPTS = "the reform accepts cases the baseline did not"
_OUTSIDE_TITLE = "the reform changes cases outside its declared scope"
_LOWERS = "the reform lowers amounts the baseline paid"
_RAISES = "the reform raises amounts beyond what the baseline paid"


def _retro_title(before: date) -> str:
    return f"the reform changes cases decided before {before.isoformat()}"


# --- relaxes and tightens -----------------------------------------------------------


def assert_relaxes(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Comparison:
    """Check that the reform only relaxes: every case eligible before stays eligible.

    The property speaks about the cases eligible under the baseline: at least one
    is needed (see the module's introduction for what happens otherwise).  Returns
    the comparison (cases may newly become eligible); its
    :attr:`~skillchain.comparison.Comparison.baseline_outcomes` and
    :attr:`~skillchain.comparison.Comparison.reform_outcomes` count the cases seen.

    Args:
        vacuous_ok: Pass when no case eligible under the baseline is expected.
        tally: Counts the cases seen, by outcome, across calls.

    Raises:
        AssertionError: Some case eligible under the baseline is not under the
            reform (the message lists them with both decisions), or no case was
            eligible under the baseline (the message counts the cases by outcome).
    """
    return _many(
        "assert_relaxes",
        _RELAXES,
        rule=rule,
        baseline=baseline,
        reform=reform,
        cases=cases,
        checked=lambda comparison, _cases: comparison.baseline_outcomes[
            Outcome.ELIGIBLE
        ],
        offends=_rejects,
        title=_REJECTS,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_relaxes(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """One case of :func:`assert_relaxes`: eligible under the baseline, so under the reform.

    A case not eligible under the baseline checks nothing: inside a Hypothesis
    test it is discarded, elsewhere it fails, unless *vacuous_ok*.  Returns the
    decisions under the baseline and the reform.

    Raises:
        AssertionError: The case is eligible under the baseline and not under
            the reform, or (outside Hypothesis) not eligible under the baseline.
    """
    return _one(
        "assert_case_relaxes",
        _RELAXES,
        rule=rule,
        baseline=baseline,
        reform=reform,
        case=case,
        checks=lambda _case, was, _now: _eligible(was),
        offends=_rejects,
        title=_REJECTS,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_tightens(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Comparison:
    """Check that the reform only tightens: nobody becomes eligible who was not before.

    The property speaks about the cases eligible under the reform: at least one is
    needed.  Returns the comparison (cases may lose eligibility).

    Args:
        vacuous_ok: Pass when no case eligible under the reform is expected.
        tally: Counts the cases seen, by outcome, across calls.

    Raises:
        AssertionError: Some case eligible under the reform was not under the
            baseline (the message lists them with both decisions), or no case was
            eligible under the reform.
    """
    return _many(
        "assert_tightens",
        _TIGHTENS,
        rule=rule,
        baseline=baseline,
        reform=reform,
        cases=cases,
        checked=lambda comparison, _cases: comparison.reform_outcomes[Outcome.ELIGIBLE],
        offends=_accepts,
        title=_ACCEPTS,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_tightens(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """One case of :func:`assert_tightens`: eligible under the reform, so under the baseline.

    A case not eligible under the reform checks nothing (discarded inside a
    Hypothesis test, a failure elsewhere, unless *vacuous_ok*).  Returns the
    decisions under the baseline and the reform.

    Raises:
        AssertionError: The case is eligible under the reform and was not under
            the baseline, or (outside Hypothesis) not eligible under the reform.
    """
    return _one(
        "assert_case_tightens",
        _TIGHTENS,
        rule=rule,
        baseline=baseline,
        reform=reform,
        case=case,
        checks=lambda _case, _was, now: _eligible(now),
        offends=_accepts,
        title=_ACCEPTS,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


# --- scope and first day ------------------------------------------------------------


def assert_unchanged_outside(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    affected: Callable[[Case], bool],
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Comparison:
    """Check that the reform changes only the cases *affected* says it may.

    *affected* receives each :class:`Case` and says whether the reform is meant to
    reach it; every other case must be decided exactly as before, and at least one
    such case is needed.

    Raises:
        AssertionError: A case outside the declared scope changed, or no case was
            outside it.
    """
    return _many(
        "assert_unchanged_outside",
        _OUTSIDE,
        rule=rule,
        baseline=baseline,
        reform=reform,
        cases=cases,
        checked=lambda _comparison, listed: sum(not affected(c) for c in listed),
        offends=lambda case, _was, _now: not affected(case),
        title=_OUTSIDE_TITLE,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_unchanged_outside(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    *,
    affected: Callable[[Case], bool],
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """One case of :func:`assert_unchanged_outside`.

    A case *affected* accepts checks nothing (discarded inside a Hypothesis test,
    a failure elsewhere, unless *vacuous_ok*).  Returns the decisions under the
    baseline and the reform.

    Raises:
        AssertionError: The case is outside the declared scope and its decision
            changed, or (outside Hypothesis) it is inside the scope.
    """
    return _one(
        "assert_case_unchanged_outside",
        _OUTSIDE,
        rule=rule,
        baseline=baseline,
        reform=reform,
        case=case,
        checks=lambda given, _was, _now: not affected(given),
        offends=lambda _given, was, now: bool(differences(was, now)),
        title=_OUTSIDE_TITLE,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_no_retroactive_change(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    before: date,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Comparison:
    """Check that no case evaluated before *before* is decided differently.

    At least one case evaluated before *before* is needed.

    Raises:
        AssertionError: A case whose evaluation day is before *before* changed, or
            no case was evaluated before it.
    """
    return _many(
        "assert_no_retroactive_change",
        _RETROACTIVE,
        rule=rule,
        baseline=baseline,
        reform=reform,
        cases=cases,
        checked=lambda _comparison, listed: sum(c.on < before for c in listed),
        offends=lambda case, _was, _now: case.on < before,
        title=_retro_title(before),
        vacuous_ok=vacuous_ok,
        tally=tally,
        before=before,
    )


def assert_case_no_retroactive_change(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    *,
    before: date,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """One case of :func:`assert_no_retroactive_change`.

    A case evaluated on or after *before* checks nothing (discarded inside a
    Hypothesis test, a failure elsewhere, unless *vacuous_ok*).  Returns the
    decisions under the baseline and the reform.

    Raises:
        AssertionError: The case is evaluated before *before* and its decision
            changed, or (outside Hypothesis) it is evaluated on or after it.
    """
    return _one(
        "assert_case_no_retroactive_change",
        _RETROACTIVE,
        rule=rule,
        baseline=baseline,
        reform=reform,
        case=case,
        checks=lambda given, _was, _now: given.on < before,
        offends=lambda _given, was, now: bool(differences(was, now)),
        title=_retro_title(before),
        vacuous_ok=vacuous_ok,
        tally=tally,
        before=before,
    )


# --- amounts between two policies ---------------------------------------------------


def assert_amount_not_decreased(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Comparison:
    """Check that the reform pays every case at least what the baseline paid it.

    The property speaks about the cases with an amount under the baseline (at
    least one is needed); for each, the reform's amount must not be lower, and a
    case that loses its amount (no longer eligible, or undetermined) counts as
    its amount falling to nothing.  Returns the comparison.

    Raises:
        AssertionError: The reform pays some case less than the baseline did, or
            nothing; or no case had an amount under the baseline.
    """
    return _many(
        "assert_amount_not_decreased",
        _NOT_DECREASED,
        rule=rule,
        baseline=baseline,
        reform=reform,
        cases=cases,
        checked=lambda comparison, _cases: comparison.paid[0],
        offends=_lowers,
        title=_LOWERS,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_amount_not_decreased(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """One case of :func:`assert_amount_not_decreased`.

    A case without an amount under the baseline checks nothing (discarded inside
    a Hypothesis test, a failure elsewhere, unless *vacuous_ok*).  Returns the
    decisions under the baseline and the reform.

    Raises:
        AssertionError: The reform pays the case less than the baseline did, or
            nothing; or (outside Hypothesis) the baseline pays it nothing.
    """
    return _one(
        "assert_case_amount_not_decreased",
        _NOT_DECREASED,
        rule=rule,
        baseline=baseline,
        reform=reform,
        case=case,
        checks=lambda _case, was, _now: was.amount is not None,
        offends=_lowers,
        title=_LOWERS,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_amount_not_increased(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    cases: Iterable[CaseLike],
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Comparison:
    """Check that the reform pays no case more than the baseline paid it.

    The property speaks about the cases with an amount under the reform (at least
    one is needed); for each, the baseline's amount must not be lower, and a case
    the baseline paid nothing (not eligible, or undetermined) counts as its amount
    rising from nothing.  Returns the comparison.

    Raises:
        AssertionError: The reform pays some case more than the baseline did, or
            pays a case the baseline did not; or no case had an amount under the
            reform.
    """
    return _many(
        "assert_amount_not_increased",
        _NOT_INCREASED,
        rule=rule,
        baseline=baseline,
        reform=reform,
        cases=cases,
        checked=lambda comparison, _cases: comparison.paid[1],
        offends=_raises,
        title=_RAISES,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_amount_not_increased(
    rule: Rule | str,
    baseline: Policy,
    reform: Policy,
    case: CaseLike,
    *,
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """One case of :func:`assert_amount_not_increased`.

    A case without an amount under the reform checks nothing (discarded inside a
    Hypothesis test, a failure elsewhere, unless *vacuous_ok*).  Returns the
    decisions under the baseline and the reform.

    Raises:
        AssertionError: The reform pays the case more than the baseline did (or
            the baseline paid nothing); or (outside Hypothesis) the reform pays
            it nothing.
    """
    return _one(
        "assert_case_amount_not_increased",
        _NOT_INCREASED,
        rule=rule,
        baseline=baseline,
        reform=reform,
        case=case,
        checks=lambda _case, _was, now: now.amount is not None,
        offends=_raises,
        title=_RAISES,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


# --- amounts under one policy -------------------------------------------------------


def _key_of(key: str | Callable[[Case], Any]) -> Callable[[Case], Any]:
    if isinstance(key, str):
        return operator.methodcaller("fact", key)
    return key


def _amount_report(title: str, lines: list[str]) -> None:
    shown_lines = lines[:_SHOWN]
    if len(lines) > _SHOWN:
        shown_lines.append(f"… and {len(lines) - _SHOWN} more")
    raise AssertionError(redact("\n".join([title, *shown_lines])))


def _one_policy(
    caller: str,
    prop: _Property,
    found: Rule,
    decisions: tuple[Decision, ...],
    *,
    checked: int,
    enough: bool,
    one: bool,
    vacuous_ok: bool,
    tally: OutcomeTally | None,
) -> None:
    counts = _seen(len(decisions), checked, {"policy": _decided(decisions)})
    _conclude(
        caller,
        prop,
        found.id,
        counts,
        events=[f"policy {d.outcome.value}" for d in decisions],
        enough=enough,
        one=one,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def _monotone_problems(
    listed: list[Case],
    decisions: tuple[Decision, ...],
    key: str | Callable[[Case], Any],
) -> tuple[list[str], int, int]:
    """The problems, the cases with an amount, and how many keys they have."""
    get = _key_of(key)
    paid = sorted(
        (
            (get(case), decision.amount, case)
            for case, decision in zip(listed, decisions, strict=True)
            if decision.amount is not None
        ),
        key=operator.itemgetter(0),
    )
    keys = len({value for value, _amount, _case in paid})
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
    return problems, len(paid), keys


def _monotone(
    caller: str,
    rule: Rule | str,
    policy: Policy,
    listed: list[Case],
    *,
    key: str | Callable[[Case], Any],
    one: bool,
    vacuous_ok: bool,
    tally: OutcomeTally | None,
) -> tuple[Decision, ...]:
    found = as_rule(rule)
    decisions = tuple(evaluate(found, policy, case) for case in listed)
    problems, paid, keys = _monotone_problems(listed, decisions, key)
    _one_policy(
        caller,
        _MONOTONE,
        found,
        decisions,
        checked=paid if keys > 1 else 0,
        enough=keys > 1,
        one=one,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )
    if problems:
        _amount_report(
            f"{found.id}: the amount decreases as the key grows ({len(problems)} cases)",
            problems,
        )
    return decisions


def assert_amount_monotone(
    rule: Rule | str,
    policy: Policy,
    cases: Iterable[CaseLike],
    *,
    key: str | Callable[[Case], Any],
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, ...]:
    """Check that the amount never decreases as *key* grows.

    *key* is a dotted fact path (``"apprentices"``, ``"programme.planned_months"``)
    or a function of the case.  Only decisions with an amount are compared, and
    they need at least two values of the key: pass cases that differ in that field
    alone (or in facts the amount does not depend on).  Returns the decisions, in
    the order of the cases.

    Raises:
        AssertionError: A case with a larger key has a smaller amount than one with
            a smaller key (the message names both); or fewer than two values of
            the key have an amount.
    """
    listed = [as_case(item, i) for i, item in enumerate(cases)]
    return _monotone(
        "assert_amount_monotone",
        rule,
        policy,
        listed,
        key=key,
        one=False,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_amount_monotone(
    rule: Rule | str,
    policy: Policy,
    case: CaseLike,
    other: CaseLike,
    *,
    key: str | Callable[[Case], Any],
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, Decision]:
    """Two cases of :func:`assert_amount_monotone`: the larger key pays no less.

    Draw *other* as *case* with the key changed.  The pair checks nothing unless
    both have an amount and their keys differ (discarded inside a Hypothesis
    test, a failure elsewhere, unless *vacuous_ok*).  Returns the two decisions.

    Raises:
        AssertionError: The case with the larger key is paid less; or (outside
            Hypothesis) the pair checks nothing.
    """
    first, second = _monotone(
        "assert_case_amount_monotone",
        rule,
        policy,
        [as_case(case, 0), as_case(other, 1)],
        key=key,
        one=True,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )
    return first, second


def _capped(
    caller: str,
    rule: Rule | str,
    policy: Policy,
    listed: list[Case],
    *,
    cap: Decimal | Callable[[Case], Decimal],
    one: bool,
    vacuous_ok: bool,
    tally: OutcomeTally | None,
) -> tuple[Decision, ...]:
    found = as_rule(rule)
    decisions = tuple(evaluate(found, policy, case) for case in listed)
    paid = sum(d.amount is not None for d in decisions)
    _one_policy(
        caller,
        _CAPPED,
        found,
        decisions,
        checked=paid,
        enough=paid > 0,
        one=one,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )
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


def assert_amount_capped(
    rule: Rule | str,
    policy: Policy,
    cases: Iterable[CaseLike],
    *,
    cap: Decimal | Callable[[Case], Decimal],
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> tuple[Decision, ...]:
    """Check that no amount exceeds *cap* (a figure, or a function of the case).

    At least one case with an amount is needed.  Returns the decisions, in the
    order of the cases.

    Raises:
        AssertionError: Some decision pays more than its cap (the message lists
            them); or no case had an amount.
    """
    listed = [as_case(item, i) for i, item in enumerate(cases)]
    return _capped(
        "assert_amount_capped",
        rule,
        policy,
        listed,
        cap=cap,
        one=False,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )


def assert_case_amount_capped(
    rule: Rule | str,
    policy: Policy,
    case: CaseLike,
    *,
    cap: Decimal | Callable[[Case], Decimal],
    vacuous_ok: bool = False,
    tally: OutcomeTally | None = None,
) -> Decision:
    """One case of :func:`assert_amount_capped`: its amount is at most *cap*.

    A case without an amount checks nothing (discarded inside a Hypothesis test,
    a failure elsewhere, unless *vacuous_ok*).  Returns the decision.

    Raises:
        AssertionError: The case is paid more than its cap; or (outside
            Hypothesis) it is paid nothing.
    """
    (decision,) = _capped(
        "assert_case_amount_capped",
        rule,
        policy,
        [as_case(case, 0)],
        cap=cap,
        one=True,
        vacuous_ok=vacuous_ok,
        tally=tally,
    )
    return decision
