"""Building a decision: the findings of one case, collected cheaply (the hot path)."""

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import TypeVar

from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue, Finding, Outcome
from skillchain._money import Rounding
from skillchain._sources import Citation, Provenance
from skillchain.policy import Policy, PolicySnapshot, Resolved
from skillchain.rules._registry import Rule


__all__ = ["Judge", "citations_of"]

T = TypeVar("T")
S = TypeVar("S")

_SECONDARY = Provenance.SECONDARY
_UNVERIFIED = Provenance.UNVERIFIED
_SECONDARY_RANK = _SECONDARY.rank
_UNVERIFIED_RANK = _UNVERIFIED.rank
_new = tuple.__new__
# Rank -1: no value in force used yet, so the decision claims no provenance.
_BY_RANK: tuple[Provenance | None, ...] = (
    Provenance.OFFICIAL,
    Provenance.SECONDARY,
    Provenance.UNVERIFIED,
    None,
)
_NONE_RANK = -1
_NO_CITATIONS: tuple[Citation, ...] = ()


def citations_of(*params: Resolved[object]) -> tuple[Citation, ...]:
    """The distinct citations of the parameters given, in order (``None`` skipped).

    Two values resolved from one register entry and article cite it once; documents
    are compared by identity (the policy builds one per register entry).
    """
    found: list[Citation] = []
    for param in params:
        citation = param.citation
        if citation is not None and not any(
            known.document is citation.document and known.article == citation.article
            for known in found
        ):
            found.append(citation)
    return tuple(found)


class Judge:
    """Collects the findings of one decision and tracks its outcome and provenance.

    Rule authors write ``judge.check(...)`` once per condition and finish with
    ``judge.decide(rule)``; several rules can share one judge (a combined decision
    holds every finding).  The outcome follows the findings: any condition that
    failed makes the case ineligible; otherwise any undecided condition makes it
    undetermined.  Every parameter read through :meth:`use` counts towards the
    decision's weakest provenance, so it is never forgotten.
    """

    __slots__ = (
        "_append",
        "_findings",
        "_rank",
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
        self.params: PolicySnapshot = policy.at(on)
        """The policy resolved on :attr:`on`."""
        self._findings: list[Finding] = []
        self._append = self._findings.append
        self._rank = _NONE_RANK
        self.failed: bool = False
        """Whether any condition has failed so far."""
        self.undecided: bool = False
        """Whether any condition could not be decided so far."""

    def use(self, resolved: Resolved[T]) -> T | None:
        """Return a parameter's value (``None`` if not in force), noting its provenance."""
        provenance = resolved.provenance
        # Identity tests: hashing an enum member costs more than comparing it.  A
        # value not in force has no provenance and leaves the rank as it is.
        if provenance is _UNVERIFIED:
            self._rank = _UNVERIFIED_RANK
        elif provenance is _SECONDARY and self._rank < _SECONDARY_RANK:
            self._rank = _SECONDARY_RANK
        elif provenance is not None and self._rank < 0:
            self._rank = 0
        return resolved.value

    def check(
        self,
        check: str,
        held: bool | None,
        values: tuple[tuple[str, FactValue], ...] = (),
        citations: tuple[Citation, ...] = _NO_CITATIONS,
        missing: tuple[str, ...] = (),
    ) -> bool | None:
        """Record one finding and return *held* (so a rule can branch on it)."""
        # tuple.__new__ skips the named tuple's keyword handling: half the cost.
        self._append(_new(Finding, (check, held, values, citations, missing)))
        if held is not True:
            if held is False:
                self.failed = True
            else:
                self.undecided = True
        return held

    def advise(
        self,
        check: str,
        held: bool | None,
        values: tuple[tuple[str, FactValue], ...] = (),
        citations: tuple[Citation, ...] = _NO_CITATIONS,
        missing: tuple[str, ...] = (),
    ) -> bool | None:
        """Record an advisory finding ("in principle", priority) and return *held*.

        Like :meth:`check`, but the finding never changes the outcome: a miss
        (``False``) lowers the case's priority without rejecting it, and an unknown
        (``None``, naming *missing*) does not leave the case undetermined.  The
        check must be registered with an advisory
        :class:`~skillchain.rules.Condition` (``advisory=True``), so a decision
        rebuilt from its findings reaches the same outcome.
        """
        self._append(_new(Finding, (check, held, values, citations, missing)))
        return held

    def missing(
        self,
        check: str,
        names: Sequence[str],
        values: tuple[tuple[str, FactValue], ...] = (),
        citations: tuple[Citation, ...] = _NO_CITATIONS,
    ) -> None:
        """Record that *check* could not be decided because *names* are unknown."""
        self.check(check, None, values, citations, tuple(names))

    def reuse(self, record: Callable[["Judge", S], None], subject: S) -> None:
        """Record ``record(judge, subject)``'s findings, judged once per subject object.

        Many cases share one immutable fact (thousands of apprentices follow one
        programme).  The first time *subject* is met under this policy and day its
        findings are worked out on a fresh judge (under the library's decimal
        context, so no caller's context is remembered) and kept on the snapshot
        (:meth:`~skillchain.PolicySnapshot.remember`, keyed by *record* and the
        subject's identity); later cases copy them.  Use it only when *record*'s
        findings depend on nothing but *subject*, the policy and the day.
        """

        def work() -> tuple[S, tuple[Finding, ...], bool, bool, int]:
            return Judge._judged_alone(self.policy, self.on, record, subject)

        # The memo holds the subject itself, so its id cannot be reused by another
        # object while the entry lives: identity is a safe key, and cheap to hash.
        _, findings, failed, undecided, rank = self.params.remember(
            (record, id(subject)), work
        )
        self._findings.extend(findings)
        self.failed = self.failed or failed
        self.undecided = self.undecided or undecided
        self._rank = max(self._rank, rank)

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

    def amount(
        self,
        check: str,
        rounding: Resolved[Rounding],
        exact: Decimal,
        values: tuple[tuple[str, FactValue], ...],
    ) -> Decimal | None:
        """Round *exact* with the policy's *rounding* and record the amount's finding.

        The finding's values are *values* (the arithmetic) followed by the quantum,
        the mode and the amount, so an explanation reads as the calculation.  With no
        rounding rule in force the finding is undecided and ``None`` is returned.
        """
        rule = self.use(rounding)
        if rule is None:
            self.missing(check, (rounding.name,), (*values, ("amount", None)))
            return None
        result = rule.apply(exact)
        self.check(
            check,
            True,
            (
                *values,
                ("quantum", rule.quantum),
                ("mode", rule.mode),
                ("amount", result),
            ),
            citations_of(rounding),
        )
        return result

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings so far, in order."""
        return tuple(self._findings)

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
        outcome = self.outcome
        # Positional: a decision is built once per case, and keywords cost a third.
        return Decision(
            rule.id,
            rule.version,
            self.on,
            outcome,
            tuple(self._findings),
            _BY_RANK[self._rank],
            self.policy.fingerprint,
            amount if outcome is Outcome.ELIGIBLE else None,
        )
