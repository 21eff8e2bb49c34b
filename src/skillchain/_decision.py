"""The explanation vocabulary: findings, decisions, outcomes and their messages."""

import enum

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple, Protocol

import attrs

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode
from skillchain._labels import LabelledEnum, set_labels
from skillchain._sources import Citation, Lang, Provenance


__all__ = [
    "Decision",
    "FactValue",
    "Finding",
    "Message",
    "Outcome",
    "build_decision",
    "forget_checks",
    "is_advisory",
    "message_for",
    "register_advisory",
    "register_messages",
]

FactValue = (
    str
    | int
    | bool
    | Decimal
    | date
    | enum.Enum
    | DivisionCode
    | OccupationCode
    | CreditCode
    | None
)
"""A value a finding compares: a scalar, a date, an amount, an enum member or a code."""


class Outcome(LabelledEnum):
    """The three outcomes a rule can reach (see the design's explanation vocabulary)."""

    ELIGIBLE = "eligible"
    """Every condition the rule checks held."""
    INELIGIBLE = "ineligible"
    """At least one condition that decides the case failed."""
    UNDETERMINED = "undetermined"
    """A fact or parameter the rule needs is unknown; the decision lists what is missing."""


set_labels(
    Outcome,
    {
        Outcome.ELIGIBLE: ("符合", "eligible"),
        Outcome.INELIGIBLE: ("不符合", "ineligible"),
        Outcome.UNDETERMINED: ("待定", "undetermined"),
    },
)


@attrs.frozen
class Message:
    """The zh and en sentence templates for one check id.

    Templates use ``str.format`` fields named after the finding's values, e.g.
    ``"劳动合同期限 {months} 个月，不少于 {minimum} 个月"``.  A template may only use
    names the finding supplies; a missing name renders as ``?``.
    """

    zh: str
    """The Chinese template."""
    en: str
    """The English template."""

    def render(self, lang: Lang, values: Mapping[str, FactValue]) -> str:
        """Fill the template for *lang* with *values* (formatted for that language)."""
        template = self.zh if lang == "zh" else self.en
        return template.format_map(_Formatted(values, lang))


class _Formatted(dict[str, str]):
    """A format map that renders values for one language and shows ``?`` for gaps."""

    def __init__(self, values: Mapping[str, FactValue], lang: Lang) -> None:
        super().__init__({k: format_value(v, lang) for k, v in values.items()})

    def __missing__(self, key: str) -> str:
        return "?"


def format_value(value: FactValue, lang: Lang) -> str:
    """Render one fact value for a person reading *lang*."""
    if value is None:
        return "未知" if lang == "zh" else "unknown"
    if isinstance(value, bool):
        if lang == "zh":
            return "是" if value else "否"
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        if callable(label):
            return str(label(lang))
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple, list)):
        # Not a FactValue, but a rule of a plugin may show one: words, not a repr.
        items = [format_value(item, lang) for item in value]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return ("、" if lang == "zh" else ", ").join(items)
    return str(value)


_MESSAGES: dict[str, Message] = {}
_MARKS: dict[bool | None, str] = {True: "✓", False: "✗", None: "?"}


class _Remedial(Protocol):
    """What an explanation needs of a remedy (see :func:`skillchain.remedies`)."""

    @property
    def check(self) -> str:
        """The check whose finding it concerns."""
        ...  # pragma: no cover - a protocol

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        ...  # pragma: no cover - a protocol


def register_messages(messages: Mapping[str, Message]) -> None:
    """Register the zh/en sentence templates for check ids.

    Rule modules call this once, at import, with one entry per check they emit.
    Registering the same id again with the same text is harmless; with different
    text it is a programming error.

    Raises:
        ValueError: A check id is already registered with a different message.
    """
    for check, message in messages.items():
        known = _MESSAGES.get(check)
        if known is not None and known != message:
            msg = f"check {check!r} already has a different message registered"
            raise ValueError(msg)
    _MESSAGES.update(messages)


def message_for(check: str) -> Message | None:
    """Return the registered message for *check*, or ``None``."""
    return _MESSAGES.get(check)


_ADVISORY: set[str] = set()


def register_advisory(checks: Iterable[str]) -> None:
    """Mark *checks* as advisory: "in principle" or priority conditions, alternative routes.

    An advisory finding is recorded and explained like any other, but it never
    decides the outcome: a miss lowers the case's priority, it does not reject it,
    and an unknown fact behind it does not leave the case undetermined.  The rule
    registry calls this for every :class:`~skillchain.rules.Condition` registered
    with ``advisory=True``; marking a check twice is harmless.
    """
    _ADVISORY.update(checks)


def forget_checks(checks: Iterable[str]) -> None:
    """Forget the messages and advisory marks of *checks* (the rule registry calls
    this when a rule is removed, for the checks no other rule declares)."""
    for check in checks:
        _MESSAGES.pop(check, None)
        _ADVISORY.discard(check)


def is_advisory(check: str) -> bool:
    """Whether *check* is registered as advisory (see :func:`register_advisory`)."""
    return check in _ADVISORY


class Finding(NamedTuple):
    """The result of checking one condition.

    A finding is cheap to build (a named tuple: a rule emits a dozen per case, so
    each must cost a fraction of a microsecond): it holds only the check id,
    whether the condition held, the values compared and the citations (prebuilt by
    the policy).  Its sentences are looked up from the registered :class:`Message`
    table only when someone asks, through :meth:`reason`.

    Example:
        >>> from skillchain import Finding
        >>> f = Finding(check="demo.contract_term", held=False,
        ...             values=(("months", 6), ("minimum", 12)))
        >>> f.value("minimum")
        12
        >>> f.reason("en")
        'demo.contract_term: months=6, minimum=12'
    """

    check: str
    """A stable id such as ``"apprenticeship.contract_term"``."""
    held: bool | None
    """``True`` if the condition held, ``False`` if not, ``None`` if it could not be decided."""
    values: tuple[tuple[str, FactValue], ...] = ()
    """The values compared, as ordered ``(name, value)`` pairs."""
    citations: tuple[Citation, ...] = ()
    """The documents the condition (or its figure) comes from."""
    missing: tuple[str, ...] = ()
    """Names of the facts or parameters whose absence left the condition undecided."""

    @property
    def advisory(self) -> bool:
        """Whether the condition is advisory ("in principle", priority).

        An advisory finding is explained but never decides the outcome: see
        :attr:`Decision.advisories`.  It is a property of the check id (the rule
        registers its advisory conditions), so it costs nothing to carry.
        """
        return self.check in _ADVISORY

    def value(self, name: str) -> FactValue:
        """Return the compared value called *name*.

        Raises:
            KeyError: The finding has no value of that name.
        """
        for key, val in self.values:
            if key == name:
                return val
        raise KeyError(name)

    def reason(self, lang: Lang = "zh") -> str:
        """The sentence explaining this finding, in *lang*.

        Uses the message registered for :attr:`check`; without one, lists the values.
        """
        values = dict(self.values)
        message = _MESSAGES.get(self.check)
        if message is not None:
            return message.render(lang, values)
        listed = ", ".join(f"{k}={format_value(v, lang)}" for k, v in self.values)
        return f"{self.check}: {listed}" if listed else self.check


@attrs.frozen
class Decision:
    """What a rule decided about one case, and why.

    Example:
        >>> from datetime import date
        >>> from skillchain import Decision, Finding, Outcome, Provenance
        >>> d = Decision.from_findings(
        ...     rule="demo.rule", version="1", on=date(2024, 6, 1),
        ...     findings=[Finding(check="demo.a", held=True),
        ...               Finding(check="demo.b", held=None, missing=("contract.end",))],
        ...     provenance=Provenance.OFFICIAL, policy_fingerprint="0" * 64)
        >>> d.outcome.value
        'undetermined'
        >>> d.missing
        ('contract.end',)
    """

    rule: str
    """The id of the rule that decided."""
    version: str
    """The version of that rule."""
    on: date
    """The evaluation day: the day whose policy was applied."""
    outcome: Outcome
    """Eligible, ineligible or undetermined."""
    findings: tuple[Finding, ...] = attrs.field(
        validator=attrs.validators.instance_of(tuple)
    )
    """One finding per condition checked, in the order the rule checked them."""
    provenance: Provenance | None
    """The weakest provenance among the parameter values in force that the rule used.

    ``None`` when the rule used no value in force at all (every figure it tried to
    read was missing, or it reads none): such a decision rests on no dated figure,
    so it claims no provenance.  A value whose period in force was inferred counts as
    ``unverified`` whatever its document (its citation says the period is inferred).
    """
    policy_fingerprint: str
    """The fingerprint of the policy the case was judged under."""
    amount: Decimal | None = None
    """The amount payable in yuan where the rule pays one, else ``None``."""

    @classmethod
    def from_findings(
        cls,
        *,
        rule: str,
        version: str,
        on: date,
        findings: Iterable[Finding],
        provenance: Provenance | None,
        policy_fingerprint: str,
        amount: Decimal | None = None,
    ) -> "Decision":
        """Build a decision whose outcome follows from its findings.

        Any failed finding makes the case ineligible (a certain failure outweighs an
        unknown); otherwise any undecided finding makes it undetermined; otherwise it
        is eligible.  Advisory findings (:attr:`Finding.advisory`) do not count.  An
        amount is kept only for an eligible decision.
        """
        found = tuple(findings)
        deciding = [f for f in found if f.check not in _ADVISORY]
        if any(f.held is False for f in deciding):
            outcome = Outcome.INELIGIBLE
        elif any(f.held is None for f in deciding):
            outcome = Outcome.UNDETERMINED
        else:
            outcome = Outcome.ELIGIBLE
        return cls(
            rule=rule,
            version=version,
            on=on,
            outcome=outcome,
            findings=found,
            provenance=provenance,
            policy_fingerprint=policy_fingerprint,
            amount=amount if outcome is Outcome.ELIGIBLE else None,
        )

    @property
    def failed(self) -> tuple[Finding, ...]:
        """The deciding findings whose condition did not hold (advisory ones aside)."""
        return tuple(
            f for f in self.findings if f.held is False and f.check not in _ADVISORY
        )

    @property
    def undecided(self) -> tuple[Finding, ...]:
        """The deciding findings that could not be decided (advisory ones aside)."""
        return tuple(
            f for f in self.findings if f.held is None and f.check not in _ADVISORY
        )

    @property
    def advisories(self) -> tuple[Finding, ...]:
        """The advisory findings: "in principle" and priority conditions.

        They never change the outcome.  A case whose advisory findings did not all
        hold is still eligible when its deciding conditions hold, but with lower
        priority; :meth:`explain` lists them in a group of their own.

        Example:
            >>> from skillchain.rules import get_rule
            >>> rule = get_rule("chains.leader")
            >>> [c.check for c in rule.conditions if c.advisory]
            ['chains.leader.priority_category', 'chains.leader.priority_results']
        """
        return tuple(f for f in self.findings if f.check in _ADVISORY)

    @property
    def priority_met(self) -> bool | None:
        """Whether every advisory condition held (``None``: one is unknown).

        ``True`` when the decision has no advisory findings.
        """
        helds = [f.held for f in self.advisories]
        if False in helds:
            return False
        if None in helds:
            return None
        return True

    @property
    def missing(self) -> tuple[str, ...]:
        """Every fact or parameter the deciding findings lacked, each once, in order.

        Facts missing only from advisory findings are not listed (they cannot change
        the outcome); each advisory finding still names them in its own
        :attr:`Finding.missing`.
        """
        seen: dict[str, None] = {}
        for finding in self.findings:
            if finding.check in _ADVISORY:
                continue
            for name in finding.missing:
                seen.setdefault(name, None)
        return tuple(seen)

    def explain(self, lang: Lang = "zh", *, remedies: Sequence[_Remedial] = ()) -> str:
        """Render a readable explanation: failed conditions first, each with its documents.

        Pass *remedies* (what :func:`skillchain.remedies` computed for this
        decision) to end with what would make it eligible, one line each, by check.

        Example:
            >>> from datetime import date
            >>> from skillchain import Decision, Finding, Outcome, Provenance
            >>> d = Decision(rule="demo.rule", version="1", on=date(2024, 6, 1),
            ...              outcome=Outcome.INELIGIBLE,
            ...              findings=(Finding(check="demo.ok", held=True),
            ...                        Finding(check="demo.bad", held=False,
            ...                                values=(("months", 6),))),
            ...              provenance=Provenance.SECONDARY, policy_fingerprint="ab" * 32)
            >>> print(d.explain("en"))
            demo.rule (version 1) on 2024-06-01: ineligible
            provenance: secondary; policy abababababab
            Not met:
              ✗ demo.bad: months=6
            Met:
              ✓ demo.ok
            >>> from skillchain import NotDerived
            >>> print(d.explain("en", remedies=[NotDerived(check="demo.bad")])
            ...     .split("Met:")[1])
            <BLANKLINE>
              ✓ demo.ok
            What would make it eligible:
              → demo.bad: No remedy can be derived yet for demo.bad
        """
        zh = lang == "zh"
        lines = [
            f"{self.rule}（版本 {self.version}）{self.on.isoformat()}：{self.outcome.zh}"
            if zh
            else f"{self.rule} (version {self.version}) on {self.on.isoformat()}: "
            f"{self.outcome.value}"
        ]
        if self.amount is not None:
            lines.append(
                f"金额：{self.amount} 元" if zh else f"amount: {self.amount} yuan"
            )
        fingerprint = self.policy_fingerprint[:12]
        if self.provenance is None:
            strength = (
                "无（未使用任何有效参数）" if zh else "none (no figure in force used)"
            )
        else:
            strength = self.provenance.zh if zh else self.provenance.value
        lines.append(
            f"依据可信度：{strength}；政策指纹 {fingerprint}"
            if zh
            else f"provenance: {strength}; policy {fingerprint}"
        )
        groups = (
            ("未满足条件：" if zh else "Not met:", self.failed),
            ("无法判断：" if zh else "Undetermined:", self.undecided),
            (
                "已满足条件：" if zh else "Met:",
                tuple(
                    f
                    for f in self.findings
                    if f.held is True and f.check not in _ADVISORY
                ),
            ),
            (
                "参考条件（原则性条件或备选途径，本身不决定结果）："
                if zh
                else "Considered, not deciding on their own "
                "(in-principle conditions, alternative routes):",
                self.advisories,
            ),
        )
        for title, findings in groups:
            if not findings:
                continue
            lines.append(title)
            for finding in findings:
                mark = _MARKS[finding.held]
                lines.append(f"  {mark} {finding.reason(lang)}")
                if finding.missing:
                    names = (
                        "、".join(finding.missing) if zh else ", ".join(finding.missing)
                    )
                    lines.append(
                        f"      缺少：{names}" if zh else f"      missing: {names}"
                    )
                lines.extend(
                    f"      依据：{c.label(lang)}"
                    if zh
                    else f"      source: {c.label(lang)}"
                    for c in finding.citations
                )
        if remedies:
            lines.append("如何可以符合：" if zh else "What would make it eligible:")
            lines.extend(
                f"  → {remedy.check}：{remedy.text(lang)}"
                if zh
                else f"  → {remedy.check}: {remedy.text(lang)}"
                for remedy in remedies
            )
        return "\n".join(lines)


def build_decision(  # noqa: PLR0917 - positional: the hot path
    rule: str,
    version: str,
    on: date,
    outcome: Outcome,
    findings: tuple[Finding, ...],
    provenance: Provenance | None,
    policy_fingerprint: str,
    amount: Decimal | None,
) -> Decision:
    """A :class:`Decision` from values already checked (the rules' hot path).

    The same object ``Decision(...)`` builds, without its checks: *findings* must be
    a tuple (the judge builds one).  Everyone else builds decisions the usual way.
    """
    decision: Decision = _object_new(Decision)
    _set_rule(decision, rule)
    _set_version(decision, version)
    _set_on(decision, on)
    _set_outcome(decision, outcome)
    _set_findings(decision, findings)
    _set_provenance(decision, provenance)
    _set_fingerprint(decision, policy_fingerprint)
    _set_amount(decision, amount)
    return decision


_object_new = object.__new__
# The slots' own setters: a frozen class refuses setattr, its slots do not.
_set_rule = Decision.__dict__["rule"].__set__
_set_version = Decision.__dict__["version"].__set__
_set_on = Decision.__dict__["on"].__set__
_set_outcome = Decision.__dict__["outcome"].__set__
_set_findings = Decision.__dict__["findings"].__set__
_set_provenance = Decision.__dict__["provenance"].__set__
_set_fingerprint = Decision.__dict__["policy_fingerprint"].__set__
_set_amount = Decision.__dict__["amount"].__set__
