"""What a policy change does to a whole population: counts, changes and cost.

:func:`simulate` decides every case of a population with one rule under two
policies, a *baseline* and a *reform*, and returns a :class:`SimulationSummary`:
how many cases each outcome has under each policy, how many changed and in which
direction, and the total amounts with their difference (exact :class:`~decimal.Decimal`
yuan).  It makes one pass over any iterable and keeps only counters, so a
population read lazily from a file (:func:`read_population`) or generated on the
fly takes the same small, constant memory whatever its size.

:func:`read_population` reads a population from a CSV file (a header of dotted
paths such as ``enrolment.programme.start``) or from JSON Lines (one object of
facts per line), one case at a time.  :func:`synthetic_apprentices` draws a seeded,
made-up population of apprentices for examples, tests and benchmarks.

Example:
    >>> from datetime import date
    >>> from skillchain import Policy
    >>> from skillchain.simulation import simulate, synthetic_apprentices
    >>> baseline = Policy.default()
    >>> summary = simulate(synthetic_apprentices(200), rule="apprenticeship.case",
    ...                    baseline=baseline, reform=baseline)
    >>> summary.cases, summary.changed, summary.difference
    (200, 0, Decimal('0'))
"""

import csv
import decimal
import json
import operator
import os
import random
import re
import types
import typing

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
import cattrs

from skillchain._check_characters import resident_id_check
from skillchain._checks import Check, amount, whole
from skillchain._checks import decimal as decimal_check
from skillchain._codes import OccupationCode
from skillchain._decision import Decision, Outcome
from skillchain._errors import closest
from skillchain._facts import FactReader, fact_reader, join
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._levels import SkillLevel
from skillchain._redact import display_width, shorten
from skillchain._reuse import Reuse
from skillchain._serialization import (
    CODE_PATTERNS,
    SkillchainConverter,
    attrs_hook,
    got,
)
from skillchain._sources import Lang
from skillchain.comparison import Case, CaseLike, Change, differences
from skillchain.errors import (
    InputError,
    InputProblem,
    InvalidValueError,
    PopulationError,
    SkillchainError,
    _BadJSONError,
    _RecordTooLongError,
)
from skillchain.policy import Policy
from skillchain.rules import Rule, get_rule


__all__ = [
    "STDIN",
    "ChangeCounts",
    "OutcomeCounts",
    "PopulationError",
    "SimulationSummary",
    "Transition",
    "iso_day",
    "read_population",
    "read_population_lines",
    "simulate",
    "synthetic_apprentices",
]

_PROGRESS_EVERY: Final = 1000
"""How many cases :func:`simulate` decides between two calls of ``progress``."""

_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC, traps=[decimal.Inexact, decimal.InvalidOperation]
)
"""Sums money exactly: any rounding would raise instead of losing a fen."""

_COUNT: Final = whole(0)
_TOTAL: Final = decimal_check()
_AMOUNT: Final = amount
_ORDER: Final = (Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.UNDETERMINED)


# ---------------------------------------------------------------- the summary


@attrs.frozen(kw_only=True)
class OutcomeCounts:
    """How many cases reached each outcome under one policy.

    Example:
        >>> from skillchain import Outcome
        >>> from skillchain.simulation import OutcomeCounts
        >>> counts = OutcomeCounts(eligible=3, ineligible=2, undetermined=1)
        >>> counts[Outcome.INELIGIBLE], counts.total
        (2, 6)
    """

    eligible: int = attrs.field(default=0, validator=_COUNT)
    """Cases decided eligible."""
    ineligible: int = attrs.field(default=0, validator=_COUNT)
    """Cases decided ineligible."""
    undetermined: int = attrs.field(default=0, validator=_COUNT)
    """Cases the rule could not decide (a fact or parameter missing)."""

    def __getitem__(self, outcome: Outcome) -> int:
        """The count for *outcome*."""
        count: int = getattr(self, outcome.value)
        return count

    @property
    def total(self) -> int:
        """All cases counted."""
        return self.eligible + self.ineligible + self.undetermined


@attrs.frozen(kw_only=True)
class Transition:
    """How many cases went from one outcome under the baseline to one under the reform."""

    baseline: Outcome
    """The outcome under the baseline policy."""
    reform: Outcome
    """The outcome under the reform policy."""
    count: int = attrs.field(validator=_COUNT)
    """How many cases made this move (unchanged outcomes included, e.g.
    eligible → eligible)."""


@attrs.frozen(kw_only=True)
class ChangeCounts:
    """The cases whose decision changed, by direction; each is counted once.

    A case whose outcome changed is counted by its new outcome (``became_…``);
    one whose outcome stayed the same by its amount (``amount_up``,
    ``amount_down``); the rest (same outcome and amount, but other failed checks
    or missing names) are ``other``.
    """

    became_eligible: int = attrs.field(default=0, validator=_COUNT)
    """Ineligible or undetermined under the baseline, eligible under the reform."""
    became_ineligible: int = attrs.field(default=0, validator=_COUNT)
    """Eligible or undetermined under the baseline, ineligible under the reform."""
    became_undetermined: int = attrs.field(default=0, validator=_COUNT)
    """Eligible or ineligible under the baseline, undetermined under the reform."""
    amount_up: int = attrs.field(default=0, validator=_COUNT)
    """Same outcome; the reform pays more."""
    amount_down: int = attrs.field(default=0, validator=_COUNT)
    """Same outcome; the reform pays less."""
    other: int = attrs.field(default=0, validator=_COUNT)
    """Same outcome and amount, different failed checks or missing names."""

    @property
    def total(self) -> int:
        """All changed cases."""
        return (
            self.became_eligible
            + self.became_ineligible
            + self.became_undetermined
            + self.amount_up
            + self.amount_down
            + self.other
        )


def _inconsistent(problem: str, expected: str) -> InvalidValueError:
    return InvalidValueError(
        field="SimulationSummary", problem=problem, expected=expected
    )


@attrs.frozen(kw_only=True)
class SimulationSummary:
    """What a reform does to a population under one rule (see :func:`simulate`).

    The figures are consistent by construction, and checked: the outcome counts
    and the transitions each add up to :attr:`cases`, the directions add up to
    :attr:`changed`, and :attr:`difference` is the reform's total less the
    baseline's.  :func:`skillchain.serialization.unstructure` gives it as JSON.

    Raises:
        InvalidValueError: The figures do not add up as described.
    """

    rule: str
    """The id of the rule that decided."""
    baseline_policy: str
    """The fingerprint of the baseline policy."""
    reform_policy: str
    """The fingerprint of the reform policy."""
    cases: int = attrs.field(validator=_COUNT)
    """How many cases were decided (each under both policies)."""
    baseline: OutcomeCounts
    """Outcomes under the baseline."""
    reform: OutcomeCounts
    """Outcomes under the reform."""
    transitions: tuple[Transition, ...]
    """All nine moves from a baseline outcome to a reform outcome, in a fixed order
    (eligible, ineligible, undetermined), zero counts included."""
    changed: int = attrs.field(validator=_COUNT)
    """How many cases were decided differently (outcome, amount, failed checks or
    missing names; see :func:`skillchain.comparison.differences`)."""
    changes: ChangeCounts
    """The changed cases by direction."""
    baseline_total: Decimal = attrs.field(validator=_TOTAL)
    """The total amount payable under the baseline, in yuan."""
    reform_total: Decimal = attrs.field(validator=_TOTAL)
    """The total amount payable under the reform, in yuan."""
    difference: Decimal = attrs.field(validator=_AMOUNT)
    """``reform_total - baseline_total``: the reform's cost (negative: a saving)."""

    def __attrs_post_init__(self) -> None:
        """Check that the figures add up."""
        if self.baseline.total != self.cases or self.reform.total != self.cases:
            raise _inconsistent(
                "the outcome counts do not add up to the cases",
                f"{self.cases} cases under each policy",
            )
        if sum(t.count for t in self.transitions) != self.cases:
            raise _inconsistent(
                "the transitions do not add up to the cases", f"{self.cases} cases"
            )
        if self.changes.total != self.changed:
            raise _inconsistent(
                "the directions do not add up to the changed cases",
                f"{self.changed} changed cases",
            )
        if _EXACT.subtract(self.reform_total, self.baseline_total) != self.difference:
            raise _inconsistent(
                f"the difference {self.difference} is not the reform total less "
                "the baseline total",
                f"{_EXACT.subtract(self.reform_total, self.baseline_total)}",
            )

    @property
    def unchanged(self) -> int:
        """How many cases were decided the same way under both policies."""
        return self.cases - self.changed

    @classmethod
    def merge(cls, *parts: "SimulationSummary") -> "SimulationSummary":
        """The summary of a whole population from the summaries of its parts.

        The parts must be disjoint parts of one population (each case in one part
        only), decided with the same rule under the same baseline and reform
        policies: the counts, transitions and directions are added, and the
        totals are added exactly (no rounding).  Merging is associative and
        commutative, so the parts may come in any order and any grouping; the
        result is the summary :func:`simulate` gives for the whole population.

        Raises:
            InvalidValueError: No part is given, or the parts were decided with
                different rules or policies (their fingerprints differ).

        Example:
            >>> import itertools
            >>> from skillchain import Policy
            >>> from skillchain.simulation import (
            ...     SimulationSummary, simulate, synthetic_apprentices)
            >>> policy = Policy.default()
            >>> def summary(cases):
            ...     return simulate(cases, rule="apprenticeship.case",
            ...                     baseline=policy, reform=policy)
            >>> first, rest = itertools.tee(synthetic_apprentices(300))
            >>> parts = (summary(itertools.islice(first, 100)),
            ...          summary(itertools.islice(rest, 100, None)))
            >>> SimulationSummary.merge(*parts) == summary(synthetic_apprentices(300))
            True
        """
        if not parts:
            raise InvalidValueError(
                field="parts",
                problem="no summary to merge",
                expected="at least one SimulationSummary",
            )
        first = parts[0]
        for index, part in enumerate(parts):
            if not isinstance(part, SimulationSummary):
                raise InvalidValueError(
                    field=f"parts[{index}]",
                    problem=f"got a value of type {type(part).__name__}",
                    expected="a SimulationSummary",
                )
            for name, what, shown in _MERGED_KEYS:
                theirs, ours = getattr(part, name), getattr(first, name)
                if theirs != ours:
                    raise InvalidValueError(
                        field=f"parts[{index}].{name}",
                        problem=f"{what} {shorten(theirs[:shown])!r} differs from "
                        f"parts[0]'s {shorten(ours[:shown])!r}",
                        expected="summaries of parts of one population decided "
                        "with the same rule under the same two policies",
                    )
        moves = {(a, b): 0 for a in _ORDER for b in _ORDER}
        for part in parts:
            for move in part.transitions:
                moves[move.baseline, move.reform] += move.count
        add = _EXACT.add
        baseline_total = reform_total = Decimal(0)
        for part in parts:
            baseline_total = add(baseline_total, part.baseline_total)
            reform_total = add(reform_total, part.reform_total)
        changes = ChangeCounts(
            **{
                field: sum(getattr(part.changes, field) for part in parts)
                for field in _DIRECTIONS_EN
            }
        )
        return cls(
            rule=first.rule,
            baseline_policy=first.baseline_policy,
            reform_policy=first.reform_policy,
            cases=sum(part.cases for part in parts),
            baseline=_counts(
                sum(count for (a, _), count in moves.items() if a is outcome)
                for outcome in _ORDER
            ),
            reform=_counts(
                sum(count for (_, b), count in moves.items() if b is outcome)
                for outcome in _ORDER
            ),
            transitions=tuple(
                Transition(baseline=a, reform=b, count=count)
                for (a, b), count in moves.items()
            ),
            changed=changes.total,
            changes=changes,
            baseline_total=baseline_total,
            reform_total=reform_total,
            difference=_EXACT.subtract(reform_total, baseline_total),
        )

    def report(self, lang: Lang = "zh") -> str:
        """The summary as text for a person, in Chinese (``"zh"``) or English."""
        zh = lang == "zh"
        lines = [
            f"规则 {self.rule}：共 {self.cases:,} 个个案"
            if zh
            else f"Simulation of {self.rule} over {self.cases:,} cases",
            (
                f"基线政策 {self.baseline_policy[:12]}，改革政策 {self.reform_policy[:12]}"
                if zh
                else f"baseline policy {self.baseline_policy[:12]}, "
                f"reform policy {self.reform_policy[:12]}"
            ),
            "",
            (
                f"{_right('基线' if zh else 'baseline', 12)} "
                f"{_right('改革后' if zh else 'reform', 12)} "
                f"{_right('变化' if zh else 'change', 10)}  {'结果' if zh else 'outcome'}"
            ),
        ]
        for outcome in _ORDER:
            before, after = self.baseline[outcome], self.reform[outcome]
            lines.append(
                f"{before:>12,} {after:>12,} {after - before:>+10,}  "
                f"{outcome.label(lang)}"
            )
        lines.extend(
            [
                "",
                f"决定有变化的个案：{self.changed:,}（未变 {self.unchanged:,}）"
                if zh
                else f"Changed: {self.changed:,} of {self.cases:,} cases "
                f"({self.unchanged:,} unchanged)",
            ]
        )
        names = _DIRECTIONS_ZH if zh else _DIRECTIONS_EN
        lines.extend(
            f"{getattr(self.changes, field):>12,}  {label}"
            for field, label in names.items()
        )
        moved = [t for t in self.transitions if t.baseline is not t.reform and t.count]
        if moved:
            lines.append(
                "结果转变（基线 → 改革后）："
                if zh
                else "Outcome transitions (baseline → reform):"
            )
            lines.extend(
                f"{t.count:>12,}  {t.baseline.label(lang)} → {t.reform.label(lang)}"
                for t in moved
            )
        lines.extend(
            [
                "",
                "补贴总额（元）：" if zh else "Total amount (yuan):",
                f"{self.baseline_total:>18,.2f}  {'基线' if zh else 'baseline'}",
                f"{self.reform_total:>18,.2f}  {'改革后' if zh else 'reform'}",
                f"{self.difference:>+18,.2f}  {'差额' if zh else 'difference'}",
            ]
        )
        return "\n".join(lines)


_MERGED_KEYS: Final = (
    ("rule", "the rule", 80),
    ("baseline_policy", "the baseline policy", 12),
    ("reform_policy", "the reform policy", 12),
)
"""What the summaries :meth:`SimulationSummary.merge` adds up must share."""


def _right(text: str, width: int) -> str:
    """*text* right-aligned in *width* columns (a Chinese character takes two)."""
    return " " * max(0, width - display_width(text)) + text


_DIRECTIONS_ZH: Final = {
    "became_eligible": "变为符合",
    "became_ineligible": "变为不符合",
    "became_undetermined": "变为待定",
    "amount_up": "金额增加",
    "amount_down": "金额减少",
    "other": "其他变化（未通过的条件或缺少的信息）",
}
_DIRECTIONS_EN: Final = {
    "became_eligible": "became eligible",
    "became_ineligible": "became ineligible",
    "became_undetermined": "became undetermined",
    "amount_up": "amount up",
    "amount_down": "amount down",
    "other": "other changes (failed checks or missing facts)",
}


# ---------------------------------------------------------------- simulate


def _as_case(item: CaseLike, index: int, on: date | None) -> Case:
    if isinstance(item, Case):
        return item
    raw: object = item
    if not isinstance(raw, Mapping):
        raise InvalidValueError(
            field=f"cases[{index}]",
            problem=f"got a value of type {type(raw).__name__}",
            expected="a Case, or a mapping of the rule's facts (plus 'on')",
        )
    day = item.get("on", on)
    if day is None:
        raise InvalidValueError(
            field=f"cases[{index}]",
            problem="the case has no 'on' and no default day was given",
            expected="an 'on' in each mapping, or simulate(..., on=day)",
        )
    facts = {k: v for k, v in item.items() if k != "on"}
    return Case(name=f"case {index}", on=day, facts=facts)  # type: ignore[arg-type]


def simulate(  # noqa: PLR0915 - one loop, kept flat for speed
    cases: Iterable[CaseLike] | str | os.PathLike[str],
    *,
    rule: Rule | str,
    reform: Policy,
    baseline: Policy | None = None,
    on: date | None = None,
    on_change: Callable[[Change], object] | None = None,
    progress: Callable[[int], object] | None = None,
    on_error: Callable[[Case, SkillchainError], object] | None = None,
    on_bad_row: Callable[[PopulationError], object] | None = None,
    workers: int = 1,
) -> SimulationSummary:
    """Decide every case under the baseline and the reform; count what changed.

    One pass, constant memory: the cases are read one at a time and never kept,
    so *cases* may be a lazy iterator over a population of any size
    (:func:`read_population`, a generator, a database cursor mapped to cases), or
    the path of a population file.

    A case is decided twice only when it has to be: where the reform resolves
    every figure the rule reads for the case exactly as the baseline does (the
    same value, document and provenance on each day the rule reads it, as its
    conditions declare), the reform's decision is the baseline's, and the case
    is counted unchanged without a second decision.  The summary and the changes
    are those of deciding every case under both policies.

    With *workers* other than 1, the cases are decided in parts by that many
    processes, this one and ``workers - 1`` it starts, and the parts' summaries
    are merged (:meth:`SimulationSummary.merge`): the summary is the one a single
    process gives, and *on_change*, *on_bad_row* and *on_error* are called in
    this process, in the population's order, as with one process.  Given a
    file's path, each process reads its own parts of the file (this one also
    finds where lines start), so the work scales with the processes; given
    cases, this process reads them and hands them out in chunks, which pays only
    when deciding a case costs more than sending it.  Mappings are then named by
    their position (``case 3``).  Memory stays flat: a few parts are under way
    at a time.  The other processes are started with the ``spawn`` method of
    ``multiprocessing``, which imports the calling script in each, so a script
    that calls this needs the usual ``if __name__ == "__main__":`` guard, and a
    rule given as an object must be importable by them (a registered rule is).

    Args:
        cases: :class:`skillchain.comparison.Case` objects, or mappings of the rule's
            keyword arguments plus an optional ``on``; or the path of a population
            file, read as :func:`read_population` reads it.
        rule: The rule, or its registered id.
        reform: The policy to compare with the baseline, usually
            ``baseline.overlay(Policy.from_files("reform.toml"))``.
        baseline: The policy in force today (default: the bundled policy).
        on: The evaluation day for mappings without ``on``.
        on_change: Called with a :class:`skillchain.comparison.Change` (the case and
            both decisions) for every case decided differently, e.g. to write it
            out; its return value is ignored.
        progress: Called with the number of cases decided so far, every thousand
            cases and once at the end.
        on_error: Called with a case and the :class:`~skillchain.SkillchainError`
            the rule raised deciding it (a value it refuses); the case is left
            out of the counts and the run goes on.  Without it, the error is
            raised.
        on_bad_row: For a population file: called with the
            :class:`~skillchain.errors.PopulationError` of each malformed row,
            which is skipped (see :func:`read_population`).  Without it, the
            first malformed row's error is raised.
        workers: How many processes decide the cases: 1 (this process alone), or
            more; 0 means one per core.  With several, ``progress`` is called
            after each part (a few thousand cases) rather than every thousand.

    Returns:
        The counts, the changes by direction and the totals.

    Raises:
        InvalidValueError: An item is neither a case nor a mapping, or a mapping
            has no ``on`` and *on* is not given; *workers* is negative; the rule
            cannot be sent to worker processes; *on_bad_row* is given with cases
            rather than a file.
        PopulationError: The population file cannot be read, or a row is
            malformed and there is no *on_bad_row* (see :func:`read_population`).
        SkillchainError: The rule refused a case's facts and there is no
            *on_error*.
        KeyError: No rule is registered under the id *rule*.

    Example:
        >>> from skillchain import Policy
        >>> from skillchain.simulation import simulate, synthetic_apprentices
        >>> directory = Policy.loads('''
        ... [documents.example-directory]
        ... title = "学徒培养职业目录及线上学时比例（示例）"
        ... issuers = ["示例"]
        ... level = "district"
        ... provenance = "unverified"
        ... [parameters."apprenticeship.occupation_directory"]
        ... description_zh = "区学徒培养职业（工种）指导目录"
        ... description_en = "The district's directory of occupations"
        ... unit = "occupations"
        ... [[parameters."apprenticeship.occupation_directory".values]]
        ... since = 2019-12-19
        ... value = ["6-31-01-03", "4-10-01-05"]
        ... document = "example-directory"
        ... [parameters."apprenticeship.online_share_max"]
        ... description_zh = "线上培训学时占专业基础课学时的最高比例"
        ... description_en = "Largest share of professional-basics hours taught online"
        ... unit = "ratio"
        ... [[parameters."apprenticeship.online_share_max".values]]
        ... since = 2019-12-19
        ... value = "0.50"
        ... document = "example-directory"
        ... ''', name="directory.toml")
        >>> summary = simulate(synthetic_apprentices(500), rule="apprenticeship.case",
        ...                    reform=Policy.default().overlay(directory))
        >>> summary.baseline.eligible, summary.reform.eligible > 0
        (0, True)
    """
    if (
        type(workers) is not int
        or workers != 1
        or on_bad_row is not None
        or isinstance(cases, str | os.PathLike)
    ):
        return _simulate_apart(
            cases,
            rule=rule,
            reform=reform,
            baseline=baseline,
            on=on,
            on_change=on_change,
            progress=progress,
            on_error=on_error,
            on_bad_row=on_bad_row,
            workers=workers,
        )
    found = rule if isinstance(rule, Rule) else get_rule(rule)
    before_policy = baseline if baseline is not None else Policy.default()
    decide = found.function
    # Where the reform reads every figure of a case as the baseline does, its
    # decision is the baseline's: the case is counted unchanged without a second
    # decision (see skillchain._reuse).
    reuse = Reuse(found, before_policy, reform)
    alike = None if reuse.never else reuse.same
    slot = {outcome: index for index, outcome in enumerate(_ORDER)}
    moves = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
    became = [0, 0, 0]
    amount_up = amount_down = other = 0
    add = _EXACT.add
    total_before = Decimal(0)
    total_after = Decimal(0)
    count = 0
    # Counts down to the next call of progress.
    due = _PROGRESS_EVERY if progress is not None else -1
    for item in cases:
        case = item if type(item) is Case else _as_case(item, count, on)
        facts = case.facts
        # A case's facts are a read-only view: its dict copy unpacks faster.
        given = facts.copy() if type(facts) is types.MappingProxyType else facts
        day = case.on
        try:
            before: Decision = decide(**given, on=day, policy=before_policy)
            after: Decision | None = (
                None
                if alike is not None and alike(facts, day)
                else decide(**given, on=day, policy=reform)
            )
        except SkillchainError as exc:
            if on_error is None:
                raise
            on_error(case, exc)
            continue
        count += 1
        due -= 1
        was = before.outcome
        paid_before = before.amount
        if paid_before is not None:
            total_before = add(total_before, paid_before)
        if after is None:  # decided as under the baseline
            moves[slot[was]][slot[was]] += 1
            if paid_before is not None:
                total_after = add(total_after, paid_before)
            if due == 0:
                due = _PROGRESS_EVERY
                progress(count)  # type: ignore[misc]
            continue
        now = after.outcome
        moves[slot[was]][slot[now]] += 1
        paid_after = after.amount
        if paid_after is not None:
            total_after = add(total_after, paid_after)
        if was is not now:
            became[slot[now]] += 1
        elif paid_before != paid_after:
            if paid_before is not None and paid_after is not None:
                if paid_after > paid_before:
                    amount_up += 1
                else:
                    amount_down += 1
            else:
                other += 1
        elif _checks_alike(before, after) or not differences(before, after):
            if due == 0:
                due = _PROGRESS_EVERY
                progress(count)  # type: ignore[misc]
            continue
        else:
            other += 1
        if on_change is not None:
            on_change(Change(case=case, baseline=before, reform=after))
        if due == 0:
            due = _PROGRESS_EVERY
            progress(count)  # type: ignore[misc]
    if progress is not None:
        progress(count)
    directions = {
        "became_eligible": became[0],
        "became_ineligible": became[1],
        "became_undetermined": became[2],
        "amount_up": amount_up,
        "amount_down": amount_down,
        "other": other,
    }
    changes = ChangeCounts(**directions)
    return SimulationSummary(
        rule=found.id,
        baseline_policy=before_policy.fingerprint,
        reform_policy=reform.fingerprint,
        cases=count,
        baseline=_counts(sum(row) for row in moves),
        reform=_counts(sum(row[i] for row in moves) for i in range(3)),
        transitions=tuple(
            Transition(baseline=a, reform=b, count=moves[i][j])
            for i, a in enumerate(_ORDER)
            for j, b in enumerate(_ORDER)
        ),
        changed=changes.total,
        changes=changes,
        baseline_total=total_before,
        reform_total=total_after,
        difference=_EXACT.subtract(total_after, total_before),
    )


_FINDING_KEY: Final = operator.itemgetter(0, 1, 4)
"""A finding's check, whether it held and what it lacks (what differences compares)."""


def _checks_alike(before: Decision, after: Decision) -> bool:
    """Whether both decisions' findings hold alike and lack the same names, in order.

    A quick test: when it says yes, :func:`~skillchain.comparison.differences`
    finds nothing besides outcome and amount; when it says no, ask it.
    """
    first, second = before.findings, after.findings
    return len(first) == len(second) and list(map(_FINDING_KEY, first)) == list(
        map(_FINDING_KEY, second)
    )


def _simulate_apart(
    cases: Iterable[CaseLike] | str | os.PathLike[str],
    *,
    rule: Rule | str,
    reform: Policy,
    baseline: Policy | None,
    on: date | None,
    on_change: Callable[[Change], object] | None,
    progress: Callable[[int], object] | None,
    on_error: Callable[[Case, SkillchainError], object] | None,
    on_bad_row: Callable[[PopulationError], object] | None,
    workers: int,
) -> SimulationSummary:
    """:func:`simulate` of a population file, or in several processes."""
    from skillchain import _parallel

    found = rule if isinstance(rule, Rule) else get_rule(rule)
    before = baseline if baseline is not None else Policy.default()
    count = _parallel.count_workers(workers)
    common: dict[str, Any] = {
        "rule": found,
        "baseline": before,
        "reform": reform,
        "on_change": on_change,
        "progress": progress,
    }
    if isinstance(cases, str | os.PathLike):
        source = os.fspath(cases)
        if count == 1:
            rows = read_population(source, found, on=on, on_bad_row=on_bad_row)
            return simulate(rows, on_error=on_error, **common)
        return _parallel.simulate_file(
            source,
            workers=count,
            on=on,
            on_bad_row=on_bad_row,
            on_error=_parallel.without_line(on_error),
            **common,
        )
    if on_bad_row is not None:
        raise InvalidValueError(
            field="on_bad_row",
            problem="given with cases rather than a population file",
            expected="on_bad_row with the path of a population file (a reader of "
            "cases takes its own, e.g. read_population(..., on_bad_row=...))",
        )
    if count == 1:
        return simulate(cases, on=on, on_error=on_error, **common)
    items = iter(cases)
    return _parallel.simulate_cases(
        lambda _: (
            (None, _as_case(item, index, on)) for index, item in enumerate(items)
        ),
        workers=count,
        on_error=_parallel.without_line(on_error),
        **common,
    )


def _counts(values: Iterable[int]) -> OutcomeCounts:
    eligible, ineligible, undetermined = values
    return OutcomeCounts(
        eligible=eligible, ineligible=ineligible, undetermined=undetermined
    )


# ---------------------------------------------------------------- reading populations


_PATH_SHOWN: Final = 80
"""A problem's path (a column or a JSON path) shows at most this many characters."""
_MESSAGE_SHOWN: Final = 300
"""A problem's message shows at most this many characters."""


_SUFFIXES: Final = (".csv", ".jsonl")
_LABELS: Final = ("name", "id")


class _Reuse:
    """A bounded cache of built records that gives up when its keys rarely repeat.

    After a probe of some lookups, a cache that found fewer than one in four
    turns itself off (``active``), so input that never repeats (a person, whose
    identity number is unique) costs no more than building it.
    """

    SIZE: Final = 4096
    PROBE: Final = 256

    def __init__(self) -> None:
        self.cache: dict[object, object] = {}
        self.calls = 0
        self.hits = 0
        self.active = True

    def get(self, key: object) -> object | None:
        """The record kept for *key*, if any."""
        self.calls += 1
        found = self.cache.get(key)
        if found is not None:
            self.hits += 1
        return found

    def keep(self, key: object, built: object) -> None:
        """Keep *built* for *key* (forgetting everything when full)."""
        if len(self.cache) >= self.SIZE:
            self.cache.clear()
        self.cache[key] = built
        if self.calls == self.PROBE and self.hits * 4 < self.calls:
            self.active = False
            self.cache.clear()


class _Memo(_Reuse):
    """A structure hook that reuses what it built for JSON it has seen.

    Many apprentices share one programme: structuring its JSON once and reusing
    the (immutable) object saves most of the reading time.
    """

    def __init__(self, hook: Callable[[object, Any], object]) -> None:
        super().__init__()
        self.hook = hook

    def __call__(self, value: object, cls: Any) -> object:
        if type(value) is cls:
            return value  # built already (a population reader's reused record)
        if not self.active or type(value) is not dict:
            return self.hook(value, cls)
        key = _freeze(value)
        found = self.get(key)
        if found is not None:
            return found
        built = self.hook(value, cls)
        self.keep(key, built)
        return built


def _freeze(value: object) -> object:
    """A hashable key for JSON-shaped *value* (``true`` and ``1`` stay distinct)."""
    kind = type(value)
    if kind is str or kind is int:
        return value
    if kind is dict:
        items = typing.cast("dict[str, object]", value).items()
        return ("{", *((k, _freeze(v)) for k, v in items))
    if kind is list:
        return ("[", *(_freeze(v) for v in typing.cast("list[object]", value)))
    return (kind, value)


def _reading_converter() -> SkillchainConverter:
    """The shared converter's configuration, plus memos for the model's records."""
    conv = SkillchainConverter()

    def is_model(tp: object) -> bool:
        return (
            isinstance(tp, type)
            and attrs.has(tp)
            and tp.__module__.startswith("skillchain.model")
        )

    conv.register_structure_hook_factory(is_model, lambda t: _Memo(attrs_hook(conv, t)))
    return conv


# -- CSV columns --------------------------------------------------------------

_SCALARS: Final = {bool: "bool", int: "int"}
_SEQUENCES: Final = frozenset(
    {
        tuple,
        list,
        frozenset,
        set,
        typing.get_origin(Iterable[int]),
        typing.get_origin(typing.Collection[int]),
        typing.get_origin(typing.Sequence[int]),
    }
)


def _unwrap(tp: Any) -> Any:
    """``X | None`` to ``X`` (other unions are left alone)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _is_record(tp: Any) -> bool:
    """Whether *tp* is read as a JSON object (identifiers are strings)."""
    return isinstance(tp, type) and attrs.has(tp) and tp not in CODE_PATTERNS


def _kind(tp: Any) -> tuple[str, str]:
    """How a cell of type *tp* is read: (kind, item kind for lists)."""
    plain = _unwrap(tp)
    if plain in _SCALARS:
        return _SCALARS[plain], ""
    if _is_record(plain):
        return "json", ""
    origin = typing.get_origin(plain)
    if origin in _SEQUENCES:
        args = typing.get_args(plain)
        item = _unwrap(args[0]) if args else str
        if _is_record(item) or typing.get_origin(item) is not None:
            return "json", ""
        return "list", _SCALARS.get(item, "str")
    if origin is not None:
        return "json", ""
    return "str", ""


@attrs.frozen
class _Column:
    index: int
    path: tuple[str, ...]
    kind: str
    item: str

    @property
    def name(self) -> str:
        return ".".join(self.path)


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _type_at(facts: FactReader, path: tuple[str, ...]) -> Any:
    """The type of the value at *path* in the rule's facts.

    Raises:
        LookupError: The path leads nowhere; the message says why.
    """
    head = path[0]
    if head not in facts.types:
        close = closest(head[:_PATH_SHOWN], facts.names)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        msg = (
            f"{facts.rule.id} takes no fact {shorten(head)!r} (its facts: "
            f"{', '.join(facts.names)}; besides them a population may have the "
            f"columns name, id and on){hint}"
        )
        raise LookupError(msg)
    tp: Any = facts.types[head]
    for depth, part in enumerate(path[1:], start=1):
        record = _unwrap(tp)
        where = shorten(".".join(path[:depth]))
        if not _is_record(record):
            msg = f"{where} is a single value; it has no {shorten(part)!r}"
            raise LookupError(msg)
        fields = {a.alias: a.name for a in attrs.fields(record) if a.init}
        if part not in fields:
            near = closest(part[:_PATH_SHOWN], fields)
            hint = f"; did you mean {where}.{near[0]}?" if near else ""
            msg = f"{where} ({record.__name__}) has no key {shorten(part)!r}{hint}"
            raise LookupError(msg)
        tp = _hints(record)[fields[part]]
    return tp


def _plan(
    header: list[str], facts: FactReader
) -> tuple[list[_Column], int | None, int | None, list[InputProblem]]:
    """The fact columns, the label and day columns, and the header's problems."""
    problems: list[InputProblem] = []
    columns: list[_Column] = []
    label: int | None = None
    day: int | None = None
    seen: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = raw.strip()
        at = f"column {index + 1}"
        if not name:
            problems.append(InputProblem(path=at, message="empty column name"))
            continue
        if name in seen:
            problems.append(
                InputProblem(
                    path=name,
                    message=f"column repeated (columns {seen[name] + 1} "
                    f"and {index + 1})",
                )
            )
            continue
        seen[name] = index
        if name in _LABELS and name not in facts.types:
            if label is not None:
                problems.append(
                    InputProblem(
                        path=name, message="give either a name or an id column"
                    )
                )
            label = index
            continue
        if name == "on":
            day = index
            continue
        path = tuple(name.split("."))
        if any(not part for part in path):
            problems.append(
                InputProblem(path=name, message="expected a dotted path like a.b.c")
            )
            continue
        try:
            kind = _kind(_type_at(facts, path))
        except LookupError as exc:
            problems.append(InputProblem(path=name, message=str(exc.args[0])))
            continue
        columns.append(_Column(index, path, *kind))
    names = {c.path: c.name for c in columns}
    for column in columns:
        for depth in range(1, len(column.path)):
            prefix = names.get(column.path[:depth])
            if prefix is not None:
                problems.append(
                    InputProblem(
                        path=column.name,
                        message=f"inside column {prefix}: give one or the other",
                    )
                )
    shown = [
        InputProblem(
            path=shorten(p.path, _PATH_SHOWN),
            message=shorten(p.message, _MESSAGE_SHOWN),
        )
        for p in problems
    ]
    return columns, label, day, shown


_INTEGER: Final = re.compile(r"[+-]?[0-9]{1,30}")
"""An integer cell; longer digit strings are left as text for the converter to refuse."""


_FLAGS: Final = {"true": True, "false": False}


def _read_flag(cell: str) -> object:
    return _FLAGS.get(cell.lower(), cell)


def _read_int(cell: str) -> object:
    return int(cell) if _INTEGER.fullmatch(cell) else cell


_DIGITS: Final = 30
"""JSON integers longer than this are refused (no fact needs more digits)."""
_DEPTH: Final = 32
"""JSON nested deeper than this is refused (the model's records nest a few levels)."""


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > _DIGITS:
        msg = f"a JSON number with more than {_DIGITS} digits"
        raise _BadJSONError(msg)
    return int(text)


def _parse_json(text: str) -> object:
    """*text* as JSON, refusing what would exhaust the stack or the integer limits.

    Raises:
        _BadJSONError: The text is not JSON, nests too deeply or has a huge integer.
    """
    try:
        value = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise _BadJSONError(msg) from None
    except RecursionError:
        msg = f"JSON nested more than {_DEPTH} levels deep"
        raise _BadJSONError(msg) from None
    except _BadJSONError:
        raise
    except ValueError as exc:  # e.g. a number Python will not convert
        msg = f"a JSON value that cannot be read ({str(exc)[:80]})"
        raise _BadJSONError(msg) from None
    if not _shallow(value):
        msg = f"JSON nested more than {_DEPTH} levels deep"
        raise _BadJSONError(msg)
    return value


def _shallow(value: object) -> bool:
    """Whether *value* nests at most :data:`_DEPTH` levels (checked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if type(item) is dict:
            children: Iterable[object] = typing.cast("dict[str, object]", item).values()
        elif type(item) is list:
            children = typing.cast("list[object]", item)
        else:
            continue
        if depth > _DEPTH:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


def _read_json(cell: str) -> object:
    return _parse_json(cell)


_READERS: Final[dict[str, Callable[[str], object] | None]] = {
    "str": None,
    "bool": _read_flag,
    "int": _read_int,
    "json": _read_json,
}
"""How a cell of each kind becomes JSON; what cannot be read is left a string, for
the converter to report in its own words (``None``: the cell is the string)."""


def _reader(column: _Column) -> Callable[[str], object] | None:
    if column.kind != "list":
        return _READERS[column.kind]
    item = _READERS[column.item]

    def read_list(cell: str) -> object:
        parts = [part.strip() for part in cell.split(";")]
        return parts if item is None else [item(part) for part in parts]

    return read_list


_Entry = tuple[int, str, Callable[[str], object] | None, str]
"""A column as a row builder uses it: index, key, reader and name."""
_Fill = list[tuple[tuple[str, ...], list[_Entry]]]
"""Columns by the path of the object they fill."""


def _fill_plan(columns: Iterable[_Column]) -> _Fill:
    parents: dict[tuple[str, ...], list[_Entry]] = {}
    for column in columns:
        parents.setdefault(column.path[:-1], []).append(
            (column.index, column.path[-1], _reader(column), column.name)
        )
    return list(parents.items())


# -- the readers --------------------------------------------------------------


_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_day(text: str) -> date | None:
    """*text* as a calendar date written ``YYYY-MM-DD``, or ``None``.

    Only that form is a date: not ISO week dates (``2024-W01-1``), ordinal dates
    or the basic form ``20240131``, which :meth:`datetime.date.fromisoformat`
    also accepts.  Populations, case files and the command line read days this way.

    Example:
        >>> from skillchain.simulation import iso_day
        >>> iso_day("2024-02-29"), iso_day("2023-02-29"), iso_day("2024-W01-1")
        (datetime.date(2024, 2, 29), None, None)
    """
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _day(value: object) -> date | str:
    """A day from a cell or a JSON value, or what is wrong with it."""
    if isinstance(value, str):
        found = iso_day(value)
        if found is not None:
            return found
    return f"expected a date like 2024-01-31, got {got(value)}"


class _Row:
    """Builds one case from a row's parts and collects the row's problems."""

    def __init__(self, file: str, line: int) -> None:
        self.file = file
        self.line = line
        self.problems: list[InputProblem] = []

    def report(self, path: str, message: str) -> None:
        self.problems.append(
            InputProblem(
                path=shorten(path, _PATH_SHOWN),
                message=shorten(message, _MESSAGE_SHOWN),
            )
        )

    def case(
        self,
        facts: dict[str, object],
        *,
        name: object,
        on: object,
        default: date | None,
        reader: FactReader,
        conv: SkillchainConverter,
    ) -> Case:
        label = f"line {self.line}"
        if isinstance(name, str) and name.strip():
            label = name.strip()
        elif isinstance(name, int) and not isinstance(name, bool):
            label = str(name)
        elif name is not None:
            self.report("name", f"expected a string, got {got(name)}")
        day: date | None = default
        if on is not None:
            parsed = _day(on)
            if isinstance(parsed, str):
                self.report("on", parsed)
            else:
                day = parsed
        elif default is None:
            self.report(
                "on",
                "no evaluation day: give an 'on' column (or key) or a default day "
                "(--on DAY, read_population(..., on=day))",
            )
        built = reader.structure(
            facts, "", self.report, shape=False, structure=conv.structure
        )
        if self.problems or day is None:
            raise PopulationError(self.file, self.line, self.problems)
        return Case(name=label, on=day, facts=built)


class _Group(_Reuse):
    """The columns under one record of the facts (a programme, a contract).

    Rows that repeat the group's cells get the record built for the first of
    them: many apprentices share a programme.  A group whose cells rarely repeat
    (a person) stops looking after a probe and hands its columns to its parent
    row builder and its inner records to groups of their own.
    """

    def __init__(
        self,
        path: tuple[str, ...],
        record: type,
        columns: list[_Column],
        children: list["_Group"],
    ) -> None:
        self.path = path
        self.name = ".".join(path)
        self.record = record
        self.columns = columns
        """Every column under the record."""
        self.children = children
        """The groups of the records directly inside this one."""
        inner = {c.index for child in children for c in child.columns}
        self.direct = _fill_plan(c for c in columns if c.index not in inner)
        """The columns under the record but under none of its inner records."""
        self.key = operator.itemgetter(*(c.index for c in columns))
        super().__init__()


def _groups(
    columns: list[_Column], facts: FactReader, prefix: tuple[str, ...] = ()
) -> list[_Group]:
    """The groups of the records at depth ``len(prefix) + 1`` under *prefix*."""
    depth = len(prefix) + 1
    paths: dict[tuple[str, ...], None] = {}
    for column in columns:
        if len(column.path) > depth and column.path[: depth - 1] == prefix:
            paths[column.path[:depth]] = None
    found = []
    for path in paths:
        record = _unwrap(_type_at(facts, path))
        under = [c for c in columns if c.path[:depth] == path]
        found.append(_Group(path, record, under, _groups(under, facts, path)))
    return found


def _at(raw: dict[str, object], path: tuple[str, ...]) -> dict[str, object]:
    target = raw
    for part in path:
        target = typing.cast("dict[str, object]", target.setdefault(part, {}))
    return target


def _put(raw: dict[str, object], path: tuple[str, ...], value: object) -> None:
    _at(raw, path[:-1])[path[-1]] = value


def _fill(raw: dict[str, object], cells: list[str], plan: _Fill, row: "_Row") -> None:
    """Put the non-empty cells of the planned columns into *raw* at their paths."""
    for parent, entries in plan:
        target: dict[str, object] | None = None
        for index, key, read, name in entries:
            cell = cells[index].strip()
            if not cell:
                continue
            value: object = cell
            if read is not None:
                try:
                    value = read(cell)
                except _BadJSONError as exc:
                    row.report(
                        name,
                        f"expected JSON (an object or an array) in this cell: {exc}",
                    )
                    continue
            if target is None:
                target = _at(raw, parent)
            target[key] = value


def _build(
    raw: dict[str, object],
    cells: list[str],
    groups: list[_Group],
    row: "_Row",
    conv: SkillchainConverter,
) -> None:
    """Put each group's record (reused, or built from its cells) into *raw*."""
    for group in groups:
        if not group.active:
            _fill(raw, cells, group.direct, row)
            _build(raw, cells, group.children, row, conv)
            continue
        key = group.key(cells)
        found = group.get(key)
        if found is not None:
            _put(raw, group.path, found)
            continue
        sub: dict[str, object] = {}
        before = len(row.problems)
        _fill(sub, cells, group.direct, row)
        _build(sub, cells, group.children, row, conv)
        if len(row.problems) > before or not sub:
            continue
        inner = sub
        for part in group.path:
            inner = typing.cast("dict[str, object]", inner[part])
        try:
            built = conv.structure(inner, group.record)
        except InputError as exc:
            for problem in exc.problems:
                row.report(join(group.name, problem.path), problem.message)
            continue
        group.keep(key, built)
        _put(raw, group.path, built)


# -- rows built by generated code ---------------------------------------------
#
# The general reading above builds a row's JSON shapes, then structures them
# through the converter's dispatch.  For a file's header it is the same work in the
# same order every row, so it is written out once as Python code: each cell read
# and structured by the very hook the converter would pick for its field, each
# record built as its attrs-made __init__ builds it (setting every field, then
# running every check but those a value of exactly the checked type passes anyway),
# and the records whose cells repeat (a programme) reused.  A row the code cannot
# build (any problem at all) is read again the general way, which reports its
# problems: the errors stay as they are.

_MISSING: Final = object()
"""A record or fact whose cells are all empty (left out, as the general reading does)."""


class _Intern(_Reuse):
    """The records built for cells seen before, for one record of the header."""


class _RowCode:
    """Python source for one header's row builder, with the objects it names."""

    def __init__(self, conv: SkillchainConverter) -> None:
        self.conv = conv
        self.names: dict[str, object] = {
            "_MISSING": _MISSING,
            "_GiveUp": LookupError,
            "_FLAGS": _FLAGS,
            "_new": object.__new__,
            "_set": object.__setattr__,
        }
        self.functions: list[str] = []
        self.bool_hook = conv.get_structure_hook(bool)
        self.str_hook = conv.get_structure_hook(str)

    def name(self, prefix: str, value: object) -> str:
        """A global name of the generated code bound to *value*."""
        key = f"{prefix}{len(self.names)}"
        self.names[key] = value
        return key

    def hook(self, tp: Any) -> tuple[Callable[[object, Any], object], Any]:
        """The hook the converter uses for a non-``None`` value of *tp*, and its type."""
        hook = self.conv.get_structure_hook(tp)
        if getattr(hook, "__func__", None) is cattrs.BaseConverter._structure_optional:  # noqa: SLF001
            plain = _unwrap(tp)
            if plain is not tp:
                return self.conv.get_structure_hook(plain), plain
        return hook, tp

    def cell(self, column: _Column, tp: Any) -> str:
        """An expression of ``c`` (a stripped, non-empty cell) giving the field's value."""
        hook, plain = self.hook(tp)
        read = _reader(column)
        if read is _read_flag and hook is self.bool_hook:
            return "_FLAGS[c.lower()]"  # what _read_flag and the bool hook accept
        if read is None and hook is self.str_hook:
            return "c"
        value = "c" if read is None else f"{self.name('r', read)}(c)"
        return f"{self.name('h', hook)}({value}, {self.name('t', plain)})"

    def record(self, node: "_Node") -> str:
        """The name of a generated function building *node*'s record (or _MISSING)."""
        lines: list[str] = []
        names: list[tuple[str, str]] = []
        for alias, child in node.fields:
            local = f"a{len(names)}"
            names.append((alias, local))
            if isinstance(child, _Column):
                value = self.cell(child, node.hints[alias])
                lines.append(f"    c = cells[{child.index}].strip()")
                lines.append(f"    {local} = ({value}) if c else _MISSING")
            else:
                lines.extend(self.value(child, local, "    "))
        given = dict(names)
        if not names:
            lines.append("    return _MISSING")
        else:
            present = " and ".join(f"{local} is _MISSING" for _, local in names)
            lines.append(f"    if {present}:")
            lines.append("        return _MISSING")
            made = _made_directly(node.record)
            if made is None:
                lines.extend(self.called(node.record, names))
            else:
                lines.extend(self.direct(node.record, made, given))
        name = f"n{len(self.functions)}"
        self.functions.append("\n".join([f"def {name}(cells):", *lines]))
        return name

    def called(self, record: type, names: list[tuple[str, str]]) -> list[str]:
        """Lines building *record* by calling it with the fields given."""
        made = self.name("R", record)
        keywords = ", ".join(f"{alias}={local}" for alias, local in names)
        every = " and ".join(f"{local} is not _MISSING" for _, local in names)
        return [
            f"    if {every}:",
            f"        return {made}({keywords})",
            "    kw = {}",
            *(
                f"    if {local} is not _MISSING: kw[{alias!r}] = {local}"
                for alias, local in names
            ),
            f"    return {made}(**kw)",
        ]

    def direct(
        self, record: type, fields: list["_Made"], given: dict[str, str]
    ) -> list[str]:
        """Lines building *record* as its attrs-made __init__ does.

        Every field is set, then every check runs but those the value's own type
        already passes (a value of exactly a type the check names, or a default
        checked when the code was written), then ``__attrs_post_init__``.
        """
        lines: list[str] = []
        checks: list[str] = []
        made = self.name("R", record)
        for index, one in enumerate(fields):
            final = f"f{index}"
            local = given.get(one.field.alias or one.field.name)
            default = (
                "_MISSING"
                if one.default is _MISSING
                else f"{self.name('F', one.default)}()"
                if one.factory
                else self.name("D", one.default)
            )
            if local is None:
                if one.default is _MISSING:
                    return self.called(record, list(given.items()))
                lines.append(f"    {final} = {default}")
                value, known = final, not one.factory
            else:
                if one.default is _MISSING:
                    lines.append(f"    if {local} is _MISSING: raise _GiveUp")
                    lines.append(f"    {final} = {local}")
                else:
                    lines.append(
                        f"    {final} = {local} if {local} is not _MISSING else {default}"
                    )
                value, known = final, False
            check = one.field.validator
            if check is None or known:
                continue
            call = (
                f"{self.name('V', check)}(self, {self.name('A', one.field)}, {value})"
            )
            if local is not None and one.default is not _MISSING and not one.factory:
                # The default was checked when the code was written.
                skip = f"{local} is _MISSING or "
            else:
                skip = ""
            exact = " or ".join(
                f"type({value}) is {self.name('T', kind)}" for kind in one.exact
            )
            if skip or exact:
                checks.append(f"    if not ({skip}{exact or 'False'}): {call}")
            else:
                checks.append(f"    {call}")
        lines.append(f"    self = _new({made})")
        lines.extend(
            f"    _set(self, {one.field.name!r}, f{index})"
            for index, one in enumerate(fields)
        )
        lines.extend(checks)
        if hasattr(record, "__attrs_post_init__"):
            lines.append("    self.__attrs_post_init__()")
        lines.append("    return self")
        return lines

    def value(self, node: "_Node", local: str, indent: str) -> list[str]:
        """Lines setting *local* to *node*'s record: reused for repeated cells."""
        build = self.record(node)
        intern = self.name("I", _Intern())
        key = self.name("K", operator.itemgetter(*node.indices))
        return [
            f"{indent}if {intern}.active:",
            f"{indent}    k = {key}(cells)",
            f"{indent}    {local} = {intern}.get(k)",
            f"{indent}    if {local} is None:",
            f"{indent}        {local} = {build}(cells)",
            f"{indent}        {intern}.keep(k, {local})",
            f"{indent}else:",
            f"{indent}    {local} = {build}(cells)",
        ]


@attrs.frozen
class _Made:
    """How a field is set when a record is built as its __init__ builds it."""

    field: "attrs.Attribute[Any]"
    exact: tuple[type, ...]
    """Values of exactly these types pass the field's check (it need not run)."""
    default: object
    """The default (``_MISSING``: the field is required), or its factory."""
    factory: bool


def _exact(check: object) -> tuple[type, ...]:
    """The types whose every value passes *check* (from the type it declares)."""
    typed = getattr(check, "typed", None)
    if typed is None:
        return ()
    kinds = typing.get_args(typed) if _is_union_type(typed) else (typed,)
    return tuple(
        kind
        for kind in kinds
        # A generic alias (tuple[int, ...]) passes for a type: it has an origin.
        if typing.get_origin(kind) is None
        and isinstance(kind, type)
        and kind is not type(None)
    )


def _is_union_type(tp: object) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _made_directly(cls: type) -> list[_Made] | None:
    """How to build *cls* as its attrs-made __init__ does, or ``None`` (call it).

    Only a frozen class whose __init__ attrs wrote, with nothing of its own around
    it (no __new__, no pre-init hook, no cached hash), whose fields all go through
    __init__ without converters, checked by the library's own checks, and whose
    constant defaults pass their checks.
    """
    props = getattr(cls, "__attrs_props__", None)
    if (
        props is None
        or not props.added_init
        or not props.is_frozen
        or props.hashability.name == "HASHABLE_CACHED"
        or hasattr(cls, "__attrs_pre_init__")
        or getattr(cls, "__new__", None) is not object.__new__
    ):
        return None
    made = []
    for field in attrs.fields(cls):
        check = field.validator
        if not field.init or field.converter is not None:
            return None
        if check is not None and not isinstance(check, Check):
            return None
        default = field.default
        factory = isinstance(default, attrs.Factory)  # type: ignore[arg-type]
        if factory:
            if default.takes_self:
                return None
            default = default.factory
        elif default is attrs.NOTHING:
            default = _MISSING
        elif check is not None:
            try:
                check(None, field, default)
            except Exception:  # noqa: BLE001 - a default that fails: call __init__
                return None
        made.append(_Made(field, _exact(check), default, factory))
    return made


@attrs.define
class _Node:
    """A record of the facts that some columns fill."""

    record: type
    indices: list[int] = attrs.Factory(list)
    fields: list[tuple[str, "_Column | _Node"]] = attrs.Factory(list)
    hints: dict[str, Any] = attrs.Factory(dict)


def _is_model(tp: object) -> bool:
    return (
        isinstance(tp, type)
        and attrs.has(tp)
        and tp.__module__.startswith("skillchain.model")
    )


def _row_code(
    columns: list[_Column], facts: FactReader, conv: SkillchainConverter
) -> Callable[[list[str]], dict[str, object]] | None:
    """A function building a row's facts, or ``None`` when the header is not plain.

    The function raises (anything) for a row it cannot build.  Only headers whose
    records are the model's (reused by the reading converter) are written out.
    """
    tops: dict[str, _Column | _Node] = {}
    nodes: dict[tuple[str, ...], _Node] = {}
    for column in columns:
        for depth in range(1, len(column.path)):
            path = column.path[:depth]
            node = nodes.get(path)
            if node is None:
                record = _unwrap(_type_at(facts, path))
                if not _is_model(record) or not isinstance(
                    conv.get_structure_hook(record), _Memo
                ):
                    return None
                hints = _hints(record)
                node = nodes[path] = _Node(
                    record,
                    hints={
                        a.alias: hints[a.name] for a in attrs.fields(record) if a.init
                    },
                )
                if depth == 1:
                    tops[path[0]] = node
                else:
                    nodes[path[:-1]].fields.append((path[-1], node))
            node.indices.append(column.index)
        if len(column.path) == 1:
            tops[column.path[0]] = column
        else:
            nodes[column.path[:-1]].fields.append((column.path[-1], column))
    code = _RowCode(conv)
    lines = ["def row(cells):", "    facts = {}"]
    for name in facts.names:
        found = tops.get(name)
        if isinstance(found, _Column):
            lines.append(f"    c = cells[{found.index}].strip()")
            lines.append(
                f"    v = ({code.cell(found, facts.types[name])}) if c else _MISSING"
            )
        elif found is not None:
            hook, plain = code.hook(facts.types[name])
            if not isinstance(hook, _Memo) or plain is not found.record:
                return None
            lines.extend(code.value(found, "v", "    "))
        else:
            lines.append("    v = _MISSING")
        lines.append(f"    if v is not _MISSING: facts[{name!r}] = v")
        if name in facts.has_default:
            continue
        if name in facts.nullable:
            lines.append(f"    else: facts[{name!r}] = None")
        else:
            lines.append("    else: raise _GiveUp")
    lines.append("    return facts")
    source = "\n\n".join([*code.functions, "\n".join(lines)])
    namespace = dict(code.names)
    exec(compile(source, "<population row>", "exec"), namespace)  # noqa: S102 - our own code
    built: Callable[[list[str]], dict[str, object]] = namespace["row"]  # type: ignore[assignment]
    return built


_LINE_LIMIT: Final = 1 << 20
"""A line longer than this many bytes (1 MiB) is refused, without being kept."""
_SNIFF_LINES: Final = 100
"""How many blank lines standard input may start with before its format is guessed."""

_BadRow = Callable[["PopulationError"], object]
"""Called with each bad row's error when a reader goes on past bad rows."""


_NEVER: Final = 2**63
"""A line number no file reaches: no record's lines are being kept."""
_LONG: Final = f"the line is longer than {_LINE_LIMIT:,} bytes"


class _Lines:
    """The text lines of a binary stream, decoded one by one and numbered.

    Decoding line by line (rather than in the text layer's large chunks) lets a
    byte that is not UTF-8 be reported on its own line.  A line that cannot be
    read (not UTF-8, or longer than :data:`_LINE_LIMIT`) is given to the reader
    as an empty line, and its error is kept in :attr:`pending` for the reader to
    report with the row it spoils.

    A CSV reader calls :meth:`begin` before each record; the lines after the
    record's first are kept (up to :data:`_LINE_LIMIT` bytes) until the next
    one, so that a record spoilt by a quote left open can be given up and the
    lines after its first read again (:meth:`again`).
    """

    def __init__(
        self, stream: typing.BinaryIO, file: str, head: Iterable[bytes] = ()
    ) -> None:
        self.stream = stream
        self.file = file
        self.head: list[bytes | None] = list(head)
        """Lines to read before *stream*'s: read to guess its format, or to be
        read again (``None``: a line too long to keep)."""
        self.number = 0
        self.pending: list[PopulationError] = []
        self.first = _NEVER
        """The line the record being read starts on."""
        self.kept: list[bytes | None] = []
        """The lines of that record after its first."""
        self.kept_bytes = 0
        self.read_again = 0
        """The last line given back to be read again: no line is read a third time."""

    def __iter__(self) -> "_Lines":
        return self

    def _read(self) -> bytes | None:
        if self.head:
            return self.head.pop(0)
        return self.stream.readline(_LINE_LIMIT + 1)

    def _refuse(self, message: str) -> str:
        problem = InputProblem(path="", message=message)
        self.pending.append(PopulationError(self.file, self.number, [problem]))
        return "\n"

    def _keep(self, data: bytes | None) -> None:
        """Keep a line of the record being read; raise once the record is too long."""
        self.kept.append(data)
        self.kept_bytes += _LINE_LIMIT + 1 if data is None else len(data)
        if self.kept_bytes > _LINE_LIMIT:
            raise _RecordTooLongError

    def begin(self) -> None:
        """A record starts on the next line: forget the lines kept for the last."""
        self.first = self.number + 1
        if self.kept:
            self.kept = []
            self.kept_bytes = 0

    def again(self) -> tuple[int, int]:
        """Give up the record being read: its lines after the first are read again.

        A line already read twice (given back before) is not read a third time, so
        a file reads in linear time whatever its quotes.  Returns the record's last
        line and the last line left out for that reason (the record's first if
        none).  The errors of the lines given back are dropped: they are found
        again.
        """
        last = self.number
        skip = min(max(self.read_again - self.first, 0), len(self.kept))
        self.head[:0] = self.kept[skip:]
        self.number = self.first + skip
        if last > self.number:
            self.read_again = last
        self.kept = []
        self.kept_bytes = 0
        self.pending = []
        return last, self.first + skip

    def __next__(self) -> str:
        data = self._read()
        if data is None:  # a line too long, read again
            self.number += 1
            if self.number > self.first:
                self._keep(None)
            return self._refuse(_LONG)
        if not data:
            raise StopIteration
        self.number += 1
        if len(data) > _LINE_LIMIT and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):
                data = self._read()
            if self.number > self.first:
                self._keep(None)
            return self._refuse(_LONG)
        if self.number > self.first:
            self._keep(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self._refuse(
                f"not UTF-8 text: byte {exc.start + 1} of the line cannot be read "
                f"({exc.reason})"
            )
        if self.number == 1:
            text = text.removeprefix("\ufeff")
        return text

    def flush(self, bad: _BadRow | None) -> bool:
        """Report the pending errors (raise the first without *bad*); whether any."""
        pending, self.pending = self.pending, []
        for error in pending:
            _refuse(bad, error)
        return bool(pending)


def _refuse(bad: _BadRow | None, error: "PopulationError") -> None:
    """Hand a bad row's *error* to *bad*, or raise it when there is no *bad*."""
    if bad is None:
        raise error
    bad(error)


def _next_row(
    rows: Iterator[list[str]], lines: _Lines
) -> "list[str] | PopulationError | None":
    """The next CSV record, a broken one's error (an open quote, a NUL), or ``None``."""
    try:
        return next(rows)
    except StopIteration:
        return None
    except csv.Error as exc:
        problem = InputProblem(path="", message=f"not valid CSV: {exc}")
        return PopulationError(lines.file, lines.number, [problem])


def _header(
    rows: Iterator[list[str]], lines: _Lines, reader: FactReader
) -> tuple[list[str], list[_Column], int | None, int | None]:
    """Read and check the header row: the columns, the label and day columns."""
    file = lines.file
    header = _next_row(rows, lines)
    lines.flush(None)
    if isinstance(header, PopulationError):
        raise header
    if header is None:
        raise PopulationError(
            file, None, [InputProblem(path="", message="the file is empty")]
        )
    if not header or (len(header) == 1 and not header[0].strip()):
        message = "the first line is empty; expected a header row of column names"
        raise PopulationError(file, 1, [InputProblem(path="", message=message)])
    columns, label, day, problems = _plan(header, reader)
    looks_like_data = any(cell.strip()[:1].isdecimal() for cell in header)
    if problems and not columns and label is None and day is None and looks_like_data:
        message = (
            "the first line is not a header row: none of its cells names a "
            f"fact of {reader.rule.id} ({', '.join(reader.names)}) or one of "
            "the columns name, id and on; a CSV population starts with a "
            "header row of column names"
        )
        problems = [InputProblem(path="", message=message)]
    if problems:
        raise PopulationError(file, 1, problems)
    return header, columns, label, day


def _csv_cases(  # noqa: PLR0915 - one loop, kept flat for speed
    lines: _Lines, reader: FactReader, on: date | None, bad: _BadRow | None
) -> Iterator[tuple[int, Case]]:
    conv = _reading_converter()
    rows = csv.reader(lines, strict=True)
    header, columns, label, day = _header(rows, lines, reader)
    groups = _groups(columns, reader)
    grouped = {c.index for group in groups for c in group.columns}
    width = len(header)
    plan = _CsvPlan(
        reader=reader,
        conv=conv,
        width=width,
        plain=_fill_plan(c for c in columns if c.index not in grouped),
        groups=groups,
        label=label,
        day=day,
    )
    fast = _row_code(columns, reader, conv)
    days: dict[str, date | None] = {}
    while True:
        # _next_row inlined: this runs once per row.
        lines.begin()
        try:
            cells: list[str] | PopulationError | None = next(rows)
        except StopIteration:
            cells = None
        except csv.Error as exc:
            cells = _not_csv(lines, str(exc))
        except _RecordTooLongError:
            cells = _not_csv(lines, f"runs on for more than {_LINE_LIMIT:,} bytes")
        if lines.number > lines.first and (
            type(cells) is PopulationError
            or (type(cells) is list and len(cells) != width)
        ):
            # A record of several lines that is no row: a quote left open on its
            # first line took the next lines in.  They are read again as rows.
            _refuse(bad, _given_up(lines, cells, width))
            continue
        if lines.pending and lines.flush(bad):
            continue
        if cells is None:
            return
        if type(cells) is not list:
            _refuse(bad, typing.cast("PopulationError", cells))
            continue
        line = lines.number  # the record's last line, numbered as in the whole file
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        if fast is not None and len(cells) == width:
            # The generated code's case; any problem, and the row is read again below.
            when = cells[day].strip() if day is not None else ""
            found = days.get(when, _MISSING) if when else on
            if found is _MISSING:
                if len(days) >= _DAYS_KEPT:
                    days.clear()
                found = days[when] = iso_day(when)
            if found is not None:
                try:
                    facts = fast(cells)
                except Exception:  # noqa: BLE001 - the general reading reports it
                    facts = None
                if facts is not None:
                    name = cells[label].strip() if label is not None else ""
                    yield (
                        line,
                        Case(
                            name=name or f"line {line}",
                            on=typing.cast("date", found),
                            facts=facts,
                        ),
                    )
                    continue
        case = _general_case(cells, lines=lines, line=line, plan=plan, on=on, bad=bad)
        if case is not None:
            yield line, case


_END_OF_DATA: Final = "unexpected end of data"
"""What the csv module says of a quoted cell still open at the end of the file."""


def _not_csv(lines: _Lines, problem: str) -> PopulationError:
    """The error of a CSV record that is not valid CSV, on the line it ends on."""
    if problem == _END_OF_DATA:
        problem = "a quote opened on this line is not closed before the file ends"
    return PopulationError(
        lines.file,
        lines.number,
        [InputProblem(path="", message=f"not valid CSV: {problem}")],
    )


def _given_up(
    lines: _Lines, cells: list[str] | PopulationError, width: int
) -> PopulationError:
    """The error of a record of several lines that is no row, on its first line.

    The lines after its first are read again (see :meth:`_Lines.again`).
    """
    first = lines.first
    last, left_out = lines.again()
    if isinstance(cells, list):
        why = f"the row runs on to line {last}, {len(cells)} cells where the header has {width}"
    else:
        text = cells.problems[0].message.removeprefix("not valid CSV: ")
        if text.startswith("a quote opened"):
            why = "the file ends inside it"
        elif text.startswith("runs on"):
            why = f"the row {text}"
        else:
            why = f"line {last}: {text}"
    if left_out == first:
        then = "the next lines are read again"
    elif left_out == last:
        then = f"lines {first + 1} to {last}, read twice already, are left out"
    else:
        then = (
            f"lines {first + 1} to {left_out}, read twice already, are left out and "
            "the next are read again"
        )
    message = (
        f"not valid CSV: a quote opened on this line is not closed ({why}); {then}"
    )
    return PopulationError(lines.file, first, [InputProblem(path="", message=message)])


@attrs.frozen
class _CsvPlan:
    """How the general reading builds a CSV row's case (see :func:`_general_case`)."""

    reader: FactReader
    conv: SkillchainConverter
    width: int
    plain: _Fill
    groups: list[_Group]
    label: int | None
    day: int | None


def _general_case(
    cells: list[str],
    *,
    lines: _Lines,
    line: int,
    plan: _CsvPlan,
    on: date | None,
    bad: _BadRow | None,
) -> Case | None:
    """The row's case, read cell by cell; ``None`` after reporting its problems."""
    file = lines.file
    row = _Row(file, line)
    if len(cells) != plan.width:
        row.report(
            "", f"expected {plan.width} cells as in the header, got {len(cells)}"
        )
        _refuse(bad, PopulationError(file, line, row.problems))
        return None
    raw: dict[str, object] = {}
    _fill(raw, cells, plan.plain, row)
    _build(raw, cells, plan.groups, row, plan.conv)
    if row.problems:
        _refuse(bad, PopulationError(file, line, row.problems))
        return None
    label, day = plan.label, plan.day
    name = cells[label].strip() or None if label is not None else None
    when = cells[day].strip() or None if day is not None else None
    try:
        return row.case(
            raw, name=name, on=when, default=on, reader=plan.reader, conv=plan.conv
        )
    except PopulationError as exc:
        _refuse(bad, exc)
        return None


_DAYS_KEPT: Final = 4096
"""How many distinct evaluation days a CSV reader keeps read."""


def _jsonl_cases(
    lines: _Lines, reader: FactReader, on: date | None, bad: _BadRow | None
) -> Iterator[tuple[int, Case]]:
    file = lines.file
    conv = _reading_converter()
    labels = [key for key in _LABELS if key not in reader.types]
    for text in lines:
        line = lines.number
        if lines.flush(bad) or not text.strip():
            continue
        row = _Row(file, line)
        try:
            data = _parse_json(text)
        except _BadJSONError as exc:
            row.report("", str(exc))
            _refuse(bad, PopulationError(file, line, row.problems))
            continue
        if not isinstance(data, dict):
            row.report(
                "", "expected a JSON object of the rule's facts (plus name and on)"
            )
            _refuse(bad, PopulationError(file, line, row.problems))
            continue
        name = next((data.pop(k) for k in labels if k in data), None)
        when = data.pop("on", None)
        try:
            case = row.case(
                data, name=name, on=when, default=on, reader=reader, conv=conv
            )
        except PopulationError as exc:
            _refuse(bad, exc)
            continue
        yield line, case


STDIN: Final = "-"
"""The population name that means standard input (see :func:`read_population_lines`)."""
_STDIN_LABEL: Final = "<stdin>"
_FORMATS: Final = {".csv": "csv", ".jsonl": "jsonl"}
_KINDS: Final = frozenset(_FORMATS.values())


def _sniff(stream: typing.BinaryIO) -> tuple[str, list[bytes]]:
    """Guess the format of *stream* from its first non-blank character.

    ``{`` starts JSON Lines, anything else CSV.  Returns the format and the lines
    read to find out (to be read again).
    """
    head: list[bytes] = []
    while len(head) <= _SNIFF_LINES:
        data = stream.readline(_LINE_LIMIT + 1)
        if not data:
            break
        head.append(data)
        text = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
        if text:
            return ("jsonl" if text.startswith(b"{") else "csv"), head
    return "csv", head


def _from_stream(
    lines: _Lines,
    kind: str,
    reader: FactReader,
    on: date | None,
    bad: _BadRow | None,
) -> Iterator[tuple[int, Case]]:
    if kind == "jsonl":
        return _jsonl_cases(lines, reader, on, bad)
    return _csv_cases(lines, reader, on, bad)


def _from_file(
    target: Path,
    *,
    file: str,
    kind: str,
    reader: FactReader,
    on: date | None,
    bad: _BadRow | None,
) -> Iterator[tuple[int, Case]]:
    with _open(target, file) as stream:
        yield from _from_stream(_Lines(stream, file), kind, reader, on, bad)


def _open(target: Path, file: str) -> typing.BinaryIO:
    try:
        return target.open("rb")
    except OSError as exc:
        problem = InputProblem(
            path="", message=f"cannot be read: {exc.strerror or type(exc).__name__}"
        )
        raise PopulationError(file, None, [problem]) from None


def read_population_lines(
    source: str | Path,
    rule: Rule | str,
    *,
    on: date | None = None,
    kind: str | None = None,
    on_bad_row: _BadRow | None = None,
    stdin: typing.BinaryIO | None = None,
) -> Iterator[tuple[int, Case]]:
    """Read a population lazily as ``(line, case)`` pairs; standard input too.

    The same reading as :func:`read_population`, for a tool that reports problems
    by line (a rule that refuses a case's facts, say): each case comes with the
    line it was read from.  *kind* (``"csv"`` or ``"jsonl"``) overrides the file's
    suffix.  With a binary *stdin*, the *source* :data:`STDIN` (``-``) reads it
    instead of a file, and its format, unless *kind* says it, is JSON Lines if its
    first non-blank character is ``{``, else CSV.

    Raises:
        PopulationError: As for :func:`read_population`; for standard input, a
            bad row only (there is no file to find).
        InvalidValueError: *kind* is neither ``"csv"`` nor ``"jsonl"``.
        UnknownRuleError: No rule is registered under the id *rule*.

    Example:
        >>> import io
        >>> from datetime import date
        >>> from skillchain.simulation import STDIN, read_population_lines
        >>> text = b'{"entitlement": "100", "prepaid": "0"}\\n\\n{"entitlement": "7", "prepaid": "0"}\\n'
        >>> rows = read_population_lines(STDIN, "apprenticeship.settlement",
        ...     on=date(2025, 10, 8), stdin=io.BytesIO(text))
        >>> [(line, case.name) for line, case in rows]
        [(1, 'line 1'), (3, 'line 3')]
    """
    if kind is not None and kind not in _KINDS:
        raise InvalidValueError(
            field="kind",
            problem=f"got {shorten(repr(kind))}",
            expected="'csv', 'jsonl' or None (from the file's suffix)",
        )
    rule = rule if isinstance(rule, Rule) else get_rule(rule)
    bad = on_bad_row
    reader = fact_reader(rule)
    if stdin is not None and str(source) == STDIN:
        found, head = _sniff(stdin)
        lines = _Lines(stdin, _STDIN_LABEL, head)
        return _from_stream(lines, kind or found, reader, on, bad)
    file = str(source)
    target = Path(source)
    if kind is None:
        kind = _FORMATS.get(target.suffix.lower())
    if kind is None:
        raise PopulationError(
            file,
            None,
            [
                InputProblem(
                    path="",
                    message=f"unknown population format {shorten(target.suffix) or '(none)'!r}; "
                    "expected a .csv or a .jsonl file",
                )
            ],
        )
    try:
        found_file = target.is_file()
    except (OSError, ValueError):
        found_file = False
    if not found_file:
        raise PopulationError(
            file, None, [InputProblem(path="", message="no such file")]
        )
    if kind == "csv":
        with _open(target, file) as stream:
            lines = _Lines(stream, file)
            _header(csv.reader(lines, strict=True), lines, reader)
    return _from_file(target, file=file, kind=kind, reader=reader, on=on, bad=bad)


def read_population(
    path: str | Path,
    rule: Rule | str,
    *,
    on: date | None = None,
    on_bad_row: _BadRow | None = None,
) -> Iterator[Case]:
    """Read the cases of a population file lazily, one at a time.

    The file's suffix says its format:

    ``.csv``
        A header row of dotted paths into the rule's facts
        (``enrolment.person.id``, ``enrolment.programme.start``), then one case
        per row.  An empty cell means the value is absent (unknown, or the
        model's default); ``true``/``false`` for flags; a list's items are
        separated by ``;``; a cell whose path ends at a record or a list of
        records holds JSON.  Optional columns ``name`` (or ``id``) label the case
        and ``on`` gives its evaluation day.
    ``.jsonl``
        One JSON object per line: the rule's facts as in a case file's
        ``[facts]``, plus optional ``name`` (or ``id``) and ``on``.  Blank lines
        are skipped.

    A case without a name is named ``line N``.  Days are written ``YYYY-MM-DD``.
    A byte-order mark at the start of the file is ignored.  A line longer than
    1 MiB, JSON nested more than 32 levels deep and integers of more than 30
    digits are refused as malformed.  The file is checked (suffix, existence,
    CSV header) when this is called; each row when it is reached.

    Args:
        path: The population file.
        rule: The rule whose facts the rows hold, or its registered id.
        on: The evaluation day of rows without their own ``on``.
        on_bad_row: Called with the :class:`~skillchain.errors.PopulationError` of each malformed
            row, which is then skipped; reading goes on.  Without it, the first
            malformed row's error is raised.

    Raises:
        PopulationError: The file has another suffix, is missing, or has a bad
            header (raised here); a row is malformed and there is no
            *on_bad_row* (raised while iterating, naming the line and the field).
        KeyError: No rule is registered under the id *rule*.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from skillchain.simulation import read_population
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "settlements.csv")
        ...     _ = path.write_text(
        ...         "name,on,entitlement,prepaid,training_end\\n"
        ...         "refund,2025-10-08,28000.00,56000.00,2025-09-01\\n"
        ...         "typo,2025-10-08,28000.00,56000.00,2025-09-31\\n", encoding="utf-8")
        ...     bad = []
        ...     (case,) = read_population(path, "apprenticeship.settlement",
        ...                               on_bad_row=bad.append)
        >>> case.name, case.on, case.facts["prepaid"]
        ('refund', datetime.date(2025, 10, 8), Decimal('56000.00'))
        >>> print(bad[0].line, bad[0].problems[0])
        3 training_end: expected a date like 2024-01-31, got "2025-09-31"
    """
    found = rule if isinstance(rule, Rule) else get_rule(rule)
    rows = read_population_lines(path, found, on=on, on_bad_row=on_bad_row)
    return (case for _, case in rows)


# ---------------------------------------------------------------- a synthetic population

_OCCUPATIONS: Final = (
    "6-31-01-03",
    "6-31-01-03",
    "6-31-01-03",
    "4-10-01-05",
    "4-10-01-05",
    "6-25-02-05",
)
"""The programmes' occupations in turn: half 电工, a third 养老护理员, a sixth
半导体芯片制造工 (outside the example directory)."""
_HIRES: Final = (70, 25, 5)
"""Weights of new hires, transferees and in-service staff (in HireKind's order)."""


def _resident_id(rng: random.Random) -> ResidentId:
    """A made-up, well-formed identity number of a person registered in Futian."""
    body = (
        f"440304{rng.randint(1975, 2005)}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    return ResidentId(body + resident_id_check(body))


def synthetic_apprentices(count: int, *, seed: int = 20261127) -> Iterator[Case]:
    """A seeded, made-up population of apprentices for rule ``apprenticeship.case``.

    Lazily yields *count* cases named ``A00001``, ``A00002``, … ; the same *seed*
    always gives the same cases.  Sixty programmes of one enterprise and one
    technical school train 电工 (6-31-01-03), 养老护理员 (4-10-01-05) and
    半导体芯片制造工 (6-25-02-05) at three levels for 12 to 30 months from 2024;
    each case is judged on its programme's planned end, in 2025 or 2026.  The mix
    exercises every outcome: some apprentices have not been assessed yet
    (undetermined), some failed, some are full-time students (undetermined while
    their kind of school is not recorded) or not in a skill post, some programmes
    run too long or teach too much online.  The people, numbers and
    enterprise are invented; nothing here describes a real population.

    Example:
        >>> from skillchain.simulation import synthetic_apprentices
        >>> first = next(synthetic_apprentices(3))
        >>> first.name, sorted(first.facts)
        ('A00001', ['enrolment', 'shortage_occupation'])
    """
    from skillchain.model import (
        ApprenticeEnrolment,
        ApprenticeshipProgramme,
        HireKind,
        InstitutionKind,
        LabourContract,
        Mentor,
        MentorSide,
        Person,
        ProgrammeStatus,
        TrainingInstitution,
        TrainingMode,
    )

    rng = random.Random(seed)  # noqa: S311 - made-up data, not a secret
    school = TrainingInstitution(
        name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
    )
    levels = (SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED, SkillLevel.TECHNICIAN)
    programmes = []
    for index in range(60):
        months = rng.choice((12, 18, 24, 24, 30))
        programmes.append(
            ApprenticeshipProgramme(
                enterprise=CreditCode("9144030400000000J0"),
                institution=school,
                occupation=OccupationCode(_OCCUPATIONS[index % len(_OCCUPATIONS)]),
                target_level=rng.choice(levels),
                start=date(2024, rng.randint(1, 12), 1),
                planned_months=months,
                special_case=months > 24 and rng.random() < 0.7,
                modes=frozenset(TrainingMode),
                status=ProgrammeStatus.COMPLETED,
                enterprise_mentor=Mentor(name="企业导师", side=MentorSide.ENTERPRISE),
                institution_mentor=Mentor(name="院校导师", side=MentorSide.INSTITUTION),
                online_hours=Decimal(rng.randint(0, 55)),
                professional_basics_hours=Decimal(100),
            )
        )
    for number in range(1, count + 1):
        programme = rng.choice(programmes)
        enrolment = ApprenticeEnrolment(
            person=Person(id=_resident_id(rng), full_time_student=rng.random() < 0.02),
            programme=programme,
            contract=LabourContract(
                start=date(2024, 1, 1), end=date(2024 + rng.randint(0, 3), 12, 31)
            ),
            hire_kind=rng.choices(tuple(HireKind), weights=_HIRES)[0],
            skill_post=rng.random() < 0.97,
            in_plan_same_or_higher=False,
            filed_elsewhere_in_training=rng.random() < 0.01,
            covered_by_special_aid=False,
            qualified=rng.choices((True, False, None), weights=(75, 12, 13))[0],
        )
        yield Case(
            name=f"A{number:05d}",
            on=programme.planned_end,
            facts={"enrolment": enrolment, "shortage_occupation": False},
        )


# ---------------------------------------------------------------- reading part of a file


class _PartLines(_Lines):
    """The lines of one part of a population file, numbered as in the whole file.

    *head* (a CSV file's header lines, read again) comes first; then the part's
    own lines, the first of them numbered *first_line*.  :attr:`ended` turns true
    when the part has no more lines.
    """

    def __init__(
        self,
        stream: typing.BinaryIO,
        file: str,
        head: Iterable[bytes],
        first_line: int,
    ) -> None:
        super().__init__(stream, file, head)
        self.skip = first_line - 1
        self.ended = False

    def begin(self) -> None:
        """A record starts on the next line, numbered as in the whole file."""
        super().begin()
        if not self.head and self.number < self.skip:
            self.first = self.skip + 1

    def __next__(self) -> str:
        if not self.head and self.number < self.skip:
            self.number = self.skip
        try:
            return super().__next__()
        except StopIteration:
            self.ended = True
            raise


def read_part_lines(
    stream: typing.BinaryIO,
    rule: Rule,
    *,
    file: str,
    kind: str,
    head: Iterable[bytes],
    first_line: int,
    on: date | None = None,
    on_bad_row: _BadRow | None = None,
) -> tuple[Iterator[tuple[int, Case]], Callable[[], bool]]:
    """Read one part of a population file as :func:`read_population_lines` reads it.

    Not exported: the reading behind ``simulate(..., workers=N)``.  *stream* holds
    the part's lines (a range of the file that starts at a line), *head* the
    file's CSV header lines (none for JSON Lines) and *first_line* the number of
    the part's first line in the whole file, so the cases, their names and the
    bad rows are those of reading the whole file.  Also returns a function that
    says whether the part's lines have all been read: a bad row reported after
    that is a CSV record cut by the part's end (a quoted cell going on into the
    next part), not a bad row of the file.
    """
    lines = _PartLines(stream, file, head, first_line)
    rows = _from_stream(lines, kind, fact_reader(rule), on, on_bad_row)
    return rows, lambda: lines.ended
