"""Building a decision: the findings of one case, collected cheaply (the hot path)."""

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final, TypeVar

from skillchain._context import in_library_context
from skillchain._decision import (
    Decision,
    FactValue,
    Finding,
    Outcome,
    build_decision,
)
from skillchain._money import Rounding
from skillchain._sources import Citation, Provenance
from skillchain.policy import Policy, PolicySnapshot
from skillchain.rules._registry import Condition, Rule


__all__ = ["Judge"]

S = TypeVar("S")

_SECONDARY = Provenance.SECONDARY
_UNVERIFIED = Provenance.UNVERIFIED
_SECONDARY_RANK = _SECONDARY.rank
_UNVERIFIED_RANK = _UNVERIFIED.rank
_new = tuple.__new__
_ELIGIBLE = Outcome.ELIGIBLE
_INELIGIBLE = Outcome.INELIGIBLE
_UNDETERMINED = Outcome.UNDETERMINED
# Rank -1: no value in force used yet, so the decision claims no provenance.
_BY_RANK: tuple[Provenance | None, ...] = (
    Provenance.OFFICIAL,
    Provenance.SECONDARY,
    Provenance.UNVERIFIED,
    None,
)
_NONE_RANK = -1


_RANKS: Final = {
    Provenance.OFFICIAL: 0,
    Provenance.SECONDARY: _SECONDARY_RANK,
    Provenance.UNVERIFIED: _UNVERIFIED_RANK,
}
# The key of the per-snapshot table of prepared conditions.
_PREPARED: Final = object()
# Prepared conditions one snapshot keeps before starting afresh (conditions are
# declared at import, so a table only outgrows this when conditions are made in a
# loop).
_PREPARED_LIMIT: Final = 1 << 12  # 4 096
# The key of the per-snapshot table of other days' prepared conditions, and how
# many days it keeps before starting afresh (a dozen: a rule reads on one other
# day per case; the tables themselves live with their own days' snapshots).
_OTHER_DAYS: Final = object()
_DAYS_LIMIT: Final = 12


class _Prepared:
    """What a condition rests on under one policy on one day (built once, shared).

    ``values`` are its parameters' values in force (``None`` where none is),
    ``rank`` the weakest provenance among them (-1: none in force), ``citations``
    the condition's sources then the documents of those values, each document and
    article once (a value's citation in place of the same bare source), and
    ``unknown`` the names of its parameters without a value.
    """

    __slots__ = (
        "advisory",
        "check",
        "citations",
        "counted",
        "rank",
        "unknown",
        "values",
    )

    def __init__(
        self, policy: Policy, snapshot: PolicySnapshot, condition: Condition
    ) -> None:
        resolved = tuple(snapshot.get(name) for name in condition.parameters)
        self.values: tuple[Any, ...] = tuple(r.value for r in resolved)
        self.rank: int = max(
            (_RANKS[r.provenance] for r in resolved if r.provenance is not None),
            default=_NONE_RANK,
        )
        found: dict[tuple[str, str | None], Citation] = {}
        for source in condition.sources:
            found.setdefault(
                (source.document, source.article),
                policy.citation(source.document, source.article),
            )
        # A value's citation says more than the bare source (whether the period in
        # force is inferred): it takes the place of the same document and article.
        for value in resolved:
            citation = value.citation
            if citation is not None:
                found[citation.document.id, citation.article] = citation
        self.citations: tuple[Citation, ...] = tuple(found.values())
        self.unknown: tuple[str, ...] = tuple(
            r.name for r in resolved if r.value is None
        )
        self.check: str = condition.check
        self.advisory: bool = condition.advisory
        # The rank a finding adds to the decision's: none for an advisory one.
        self.counted: int = _NONE_RANK if condition.advisory else self.rank


# A table maps a condition's serial (unique to the condition object) to what it
# rests on.
_Table = dict[int, _Prepared]


def _table(snapshot: PolicySnapshot) -> _Table:
    """The prepared conditions of *snapshot*'s figures (shared by its whole stretch)."""
    memo = snapshot.stretch_memo
    table: _Table | None = memo.get(_PREPARED)  # type: ignore[assignment]
    if table is None:
        table = {}
        memo[_PREPARED] = table
    return table


def _other_day(policy: Policy, params: PolicySnapshot, day: date) -> _Table:
    """The prepared conditions of *day*, looked up through *params*' memo.

    A judge whose rule reads figures on another day (a programme's start) finds that
    day's table here instead of resolving the day again; the memo keeps at most
    :data:`_DAYS_LIMIT` days.
    """
    memo = params.stretch_memo
    days: dict[date, _Table] | None = memo.get(_OTHER_DAYS)  # type: ignore[assignment]
    if days is None:
        days = memo[_OTHER_DAYS] = {}
    table = days.get(day)
    if table is None:
        if len(days) >= _DAYS_LIMIT:
            days.clear()
        table = days[day] = _table(policy.at(day))
    return table


class Judge:
    """Collects the findings of one decision and tracks its outcome and provenance.

    Rule authors read figures through their conditions (:meth:`value`,
    :meth:`values`), write ``judge.record(CONDITION, held, values, facts)`` once per
    finding and finish with ``judge.decide(rule)``; several rules can share one
    judge (a combined decision holds every finding).  The outcome follows the
    findings: any deciding condition that failed makes the case ineligible;
    otherwise any undecided one makes it undetermined.  The figures a deciding
    finding rests on count towards the decision's weakest provenance, so none is
    ever forgotten.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> from skillchain.rules import Judge
        >>> from skillchain.rules.apprenticeship.apprentice import CONTRACT_TERM
        >>> judge = Judge(Policy.default(), date(2024, 6, 1))
        >>> minimum = judge.value(CONTRACT_TERM)
        >>> judge.record(CONTRACT_TERM, 11 >= minimum,
        ...     (("months", 11), ("minimum", minimum)), (11,))
        False
        >>> judge.outcome.value, judge.provenance.value
        ('ineligible', 'unverified')
    """

    __slots__ = (
        "_append",
        "_day",
        "_day_table",
        "_findings",
        "_rank",
        "_table",
        "failed",
        "on",
        "params",
        "policy",
        "undecided",
    )

    def __init__(self, policy: Policy, on: date) -> None:
        self.policy: Policy = policy
        """The policy the case is judged under."""
        self.on: date = on
        """The evaluation day."""
        params = policy.at(on)
        self.params: PolicySnapshot = params
        """The policy resolved on :attr:`on`."""
        # _table(params), inlined: a judge is made once per case.
        memo = params.stretch_memo
        table: _Table | None = memo.get(_PREPARED)  # type: ignore[assignment]
        if table is None:
            table = memo[_PREPARED] = {}
        self._table = table
        self._day: date | None = None
        self._day_table: _Table = table
        self._findings: list[Finding] = []
        self._append = self._findings.append
        self._rank = _NONE_RANK
        self.failed: bool = False
        """Whether any condition has failed so far."""
        self.undecided: bool = False
        """Whether any condition could not be decided so far."""

    def _prepared(self, condition: Condition, day: date | None) -> _Prepared:
        """*condition* as prepared on *day* (default: the evaluation day)."""
        if day is None:
            table = self._table
        elif day is self._day or day == self._day:
            table = self._day_table
        elif day == self.on:
            table = self._table
        else:
            # Most rules read their figures on one other day (a programme's start):
            # its table is kept at hand, and found again through the evaluation
            # day's memo by the next judge of the same stretch.
            table = self._day_table = _other_day(self.policy, self.params, day)
            self._day = day
        found = table.get(condition.serial)
        if found is not None:
            return found
        snapshot = self.params if day is None else self.policy.at(day)
        if len(table) >= _PREPARED_LIMIT:
            table.clear()
        found = table[condition.serial] = _Prepared(self.policy, snapshot, condition)
        return found

    def values(self, condition: Condition, day: date | None = None) -> tuple[Any, ...]:
        """The values in force of *condition*'s parameters, in the order it declares them.

        ``None`` stands for a parameter with no value in force.  The figures are those
        of *day* (default: the evaluation day; pass the day the condition's
        :attr:`~Condition.read_on` names, when it has one).  Reading them counts
        nothing: a finding's provenance and citations come with
        :meth:`record`.
        """
        if day is None:
            found = self._table.get(condition.serial)
        elif day is self._day:
            found = self._day_table.get(condition.serial)
        else:
            found = None
        if found is None:
            found = self._prepared(condition, day)
        return found.values

    def value(self, condition: Condition, day: date | None = None) -> Any:
        """The value in force of *condition*'s first parameter (``None``: none is)."""
        if day is None:
            found = self._table.get(condition.serial)
        elif day is self._day:
            found = self._day_table.get(condition.serial)
        else:
            found = None
        if found is None:
            found = self._prepared(condition, day)
        return found.values[0]

    def record(  # noqa: PLR0917 - the rarely passed ones are documented as keywords
        self,
        condition: Condition,
        held: bool | None,
        values: tuple[tuple[str, FactValue], ...] = (),
        facts: tuple[object, ...] = (),
        day: date | None = None,
        prefix: str = "",
        missing: Sequence[str] | None = None,
        lacks: Sequence[str] = (),
    ) -> bool | None:
        """Record *condition*'s finding and return *held* (so a rule can branch on it).

        Everything else comes from the condition's declaration: the finding cites its
        sources and the documents of its parameters' values on *day* (default: the
        evaluation day), and counts their provenance towards the decision's (unless
        the condition is advisory).  When *held* is ``None`` the finding names what
        is missing: by default each declared fact whose value in *facts* (given in
        the order of :attr:`~Condition.facts`, under *prefix*) is ``None``, then each
        declared parameter with no value in force.  *missing*, when given, replaces
        the facts part of that list, for a rule that knows better (the field of one
        item of a list, say).  A decided finding names nothing missing, unless the
        rule passes *lacks*: what the finding's detail lacks although the outcome is
        settled (a certain refund whose deadline is unknown).  An advisory condition's
        finding never changes the outcome.

        Pass *prefix*, *missing* and *lacks* by keyword.  (They are not
        keyword-only because filling keyword-only defaults costs a finding a third
        of its time.)
        """
        # The lookup of _prepared, inlined: this runs once per finding.  A rule
        # passes the same day object for every finding read on it.
        if day is None:
            prepared = self._table.get(condition.serial)
        elif day is self._day:
            prepared = self._day_table.get(condition.serial)
        else:
            prepared = None
        if prepared is None:
            prepared = self._prepared(condition, day)
        if held is None:
            self._undecided(prepared, condition, values, facts, prefix, missing)
            return None
        # tuple.__new__ skips the named tuple's keyword handling: half the cost.
        # A decided finding names nothing missing, unless its detail lacks a fact
        # (a refund is certain, its deadline unknown).
        self._append(
            _new(
                Finding,
                (
                    prepared.check,
                    held,
                    values,
                    prepared.citations,
                    tuple(lacks) if lacks else (),
                ),
            )
        )
        rank = prepared.counted
        if rank > self._rank:  # noqa: PLR1730 - a comparison costs less than max()
            self._rank = rank
        if held is False and not prepared.advisory:
            self.failed = True
        return held

    def _undecided(  # noqa: PLR0917 - record's arguments, passed on
        self,
        prepared: _Prepared,
        condition: Condition,
        values: tuple[tuple[str, FactValue], ...],
        facts: tuple[object, ...],
        prefix: str,
        missing: Sequence[str] | None,
    ) -> None:
        """Record an undecided finding, naming what is missing (see :meth:`record`)."""
        facts_missing = (
            missing
            if missing is not None
            else [
                prefix + name
                for name, fact in zip(condition.facts, facts, strict=False)
                if fact is None
            ]
        )
        self._append(
            _new(
                Finding,
                (
                    prepared.check,
                    None,
                    values,
                    prepared.citations,
                    (*facts_missing, *prepared.unknown),
                ),
            )
        )
        rank = prepared.counted
        if rank > self._rank:  # noqa: PLR1730 - a comparison costs less than max()
            self._rank = rank
        if not prepared.advisory:
            self.undecided = True

    def rounded(
        self,
        condition: Condition,
        exact: Decimal,
        values: tuple[tuple[str, FactValue], ...],
        *,
        day: date | None = None,
    ) -> Decimal | None:
        """Round *exact* with the condition's rounding rule and record the amount.

        The rounding rule is *condition*'s last parameter.  The finding's values are
        *values* (the arithmetic) followed by the quantum, the mode and the amount,
        so an explanation reads as the calculation.  With no rounding rule in force
        the finding is undecided, naming it, and ``None`` is returned.
        """
        rule: Rounding | None = self._prepared(condition, day).values[-1]
        if rule is None:
            self.record(condition, None, (*values, ("amount", None)), day=day)
            return None
        result = rule.apply(exact)
        self.record(
            condition,
            True,
            (
                *values,
                ("quantum", rule.quantum),
                ("mode", rule.mode),
                ("amount", result),
            ),
            day=day,
        )
        return result

    def reuse(self, record: Callable[["Judge", S], None], subject: S) -> None:
        """Record ``record(judge, subject)``'s findings, judged once per subject.

        Many cases share one immutable fact (thousands of apprentices follow one
        programme).  The first time *subject* is met under this policy and day its
        findings are worked out on a fresh judge (under the library's decimal
        context, so no caller's context is remembered) and kept on the snapshot
        (:meth:`~skillchain.PolicySnapshot.remember`, keyed by *record* and the
        subject's value, or its identity when it cannot be hashed); later cases
        with an equal subject (the same object, or one read afresh from JSON)
        copy them.  Use it only when *record*'s findings depend on nothing but
        *subject*'s value, the policy and the day.
        """

        def work() -> tuple[S, tuple[Finding, ...], bool, bool, int]:
            return Judge._judged_alone(self.policy, self.on, record, subject)

        key: tuple[object, object] = (record, subject)
        try:
            hash(key)
        except TypeError:
            # A subject that cannot be hashed is found by identity: the memo holds
            # it, so its id cannot be reused by another object while the entry lives.
            key = (record, id(subject))
        _, findings, failed, undecided, rank = self.params.remember(key, work)
        self._findings.extend(findings)
        if failed:
            self.failed = True
        if undecided:
            self.undecided = True
        if rank > self._rank:  # noqa: PLR1730 - a comparison costs less than max()
            self._rank = rank

    @staticmethod
    @in_library_context
    def _judged_alone(
        policy: Policy, on: date, record: Callable[["Judge", S], None], subject: S
    ) -> tuple[S, tuple[Finding, ...], bool, bool, int]:
        """*record*'s findings on a fresh judge, its flags and its rank."""
        fresh = Judge(policy, on)
        record(fresh, subject)
        return (
            subject,
            tuple(fresh._findings),
            fresh.failed,
            fresh.undecided,
            fresh._rank,
        )

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings so far, in order."""
        return tuple(self._findings)

    @property
    def recorded(self) -> int:
        """How many findings have been recorded so far (``len(judge.findings)``, cheaper)."""
        return len(self._findings)

    @property
    def provenance(self) -> Provenance | None:
        """The weakest provenance of the parameter values in force used so far.

        ``None`` while no value in force has been used.
        """
        return _BY_RANK[self._rank]

    @property
    def outcome(self) -> Outcome:
        """The outcome the findings so far lead to."""
        if self.failed:
            return Outcome.INELIGIBLE
        if self.undecided:
            return Outcome.UNDETERMINED
        return Outcome.ELIGIBLE

    def decide(self, rule: Rule, amount: Decimal | None = None) -> Decision:
        """The decision: outcome from the findings; *amount* kept only when eligible."""
        if self.failed:
            outcome = _INELIGIBLE
        elif self.undecided:
            outcome = _UNDETERMINED
        else:
            outcome = _ELIGIBLE
        return build_decision(
            rule.id,
            rule.version,
            self.on,
            outcome,
            tuple(self._findings),
            _BY_RANK[self._rank],
            self.policy.fingerprint,
            amount if outcome is _ELIGIBLE else None,
        )
