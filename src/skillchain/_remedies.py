"""Remedies: what would make each failed or undetermined condition of a decision hold."""

import enum
import re
import typing

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Final, Literal

import attrs

from skillchain._dates import DateRange
from skillchain._decision import (
    Decision,
    FactValue,
    Finding,
    Message,
    format_value,
    is_advisory,
)
from skillchain._facts import path_steps
from skillchain._reuse import ABSENT as _ABSENT
from skillchain._reuse import read_fact
from skillchain._sources import Citation, Lang
from skillchain.errors import SkillchainError
from skillchain.policy import Policy, specs
from skillchain.rules import (
    AllOf,
    AnyOf,
    Compares,
    Condition,
    Elapses,
    Includes,
    Requires,
    Rule,
    Unremediable,
    get_rule,
)


__all__ = [
    "AddItem",
    "DistrictSupplies",
    "EarliestDay",
    "NotDerived",
    "NotRemediable",
    "OneOf",
    "ReachBound",
    "Remedy",
    "SetFact",
    "SupplyFact",
    "WaitUntil",
    "earliest_day",
    "fact_type",
    "remedies",
]

_INDEX = re.compile(r"\[(\d+)\]")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@attrs.frozen(kw_only=True)
class SupplyFact:
    """Supply a fact the case left unknown.

    Example:
        >>> from skillchain import SupplyFact
        >>> remedy = SupplyFact(check="demo.term", path="enrolment.claims[0].division",
        ...     annotation=None)
        >>> remedy.pointer
        '/enrolment/claims/0/division'
        >>> remedy.text("en")
        'Supply the fact enrolment.claims[0].division'
    """

    check: str
    """The check whose finding it remedies."""
    path: str
    """The fact, as a dotted path of the rule's arguments (as :attr:`Finding.missing`
    names it, list items by index: ``enrolment.claims[0].division``)."""
    annotation: Any
    """The type the fact is read as (``None`` where it cannot be resolved)."""

    @property
    def pointer(self) -> str:
        """The fact's place in a JSON facts object, as a JSON Pointer (RFC 6901)."""
        parts = _INDEX.sub(r".\1", self.path).split(".")
        return "".join(
            "/" + part.replace("~", "~0").replace("/", "~1") for part in parts
        )

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        if lang == "zh":
            return f"补充事实 {self.path}"
        return f"Supply the fact {self.path}"


@attrs.frozen(kw_only=True)
class ReachBound:
    """Change a fact so that it reaches the bound the policy sets.

    Example:
        >>> from skillchain import ReachBound
        >>> print(ReachBound(check="demo.term", path="enrolment.contract",
        ...     quantity="months", comparator=">=", now=11, bound=12,
        ...     parameter="apprenticeship.contract_min_months").text("en"))
        Change enrolment.contract so that its months is at least 12 (now 11; the bound is apprenticeship.contract_min_months)
    """

    check: str
    """The check whose finding it remedies."""
    path: str
    """The fact to change, as a dotted path of the rule's arguments."""
    quantity: str
    """The name of the quantity compared (a value of the finding, e.g. ``"months"``)."""
    comparator: str
    """How the quantity must compare with the bound (``">="``, ``">"``, ``"<="``, ``"<"``)."""
    now: FactValue
    """The quantity now."""
    bound: FactValue
    """The bound it must reach."""
    parameter: str | None
    """The parameter the bound comes from (``None``: the condition's source states
    it, or another fact of the case sets it)."""
    citations: tuple[Citation, ...] = ()
    """The documents the finding cites (those behind the bound among them)."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        now = format_value(self.now, lang)
        bound = format_value(self.bound, lang)
        if lang == "zh":
            relation = _ZH_RELATIONS[self.comparator]
            source = f"；界限来自 {self.parameter}" if self.parameter else ""
            return (
                f"调整 {self.path}，使其 {self.quantity} {relation} {bound}"
                f"（现为 {now}{source}）"
            )
        relation = _EN_RELATIONS[self.comparator]
        source = f"; the bound is {self.parameter}" if self.parameter else ""
        return (
            f"Change {self.path} so that its {self.quantity} is {relation} {bound} "
            f"(now {now}{source})"
        )


_ZH_RELATIONS = {">=": "不少于", ">": "多于", "<=": "不超过", "<": "少于"}
_EN_RELATIONS = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"}


@attrs.frozen(kw_only=True)
class DistrictSupplies:
    """The district must supply a figure: a parameter the policy gives no value at
    all, or the entry for the case that a table in force lacks.

    Example:
        >>> from skillchain import DistrictSupplies
        >>> DistrictSupplies(check="demo.dir", parameter="demo.directory",
        ...     description_zh="目录", description_en="The directory").text("en")
        'The district must supply demo.directory (The directory)'
        >>> DistrictSupplies(check="demo.rate", parameter="demo.rates",
        ...     description_zh="费率", description_en="The rates", entry=True).text("en")
        "The district must supply the case's entry of demo.rates (The rates)"
    """

    check: str
    """The check whose finding it remedies."""
    parameter: str
    """The dotted name of the parameter."""
    description_zh: str
    """What the parameter is, in Chinese."""
    description_en: str
    """What the parameter is, in English."""
    entry: bool = False
    """Whether the parameter is in force but its table lacks the case's entry
    (``False``: the parameter has no value at all)."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        if lang == "zh":
            what = (
                f"参数 {self.parameter} 中本案对应的条目"
                if self.entry
                else (f"参数 {self.parameter}")
            )
            return f"须由区里提供{what}（{self.description_zh}）"
        what = f"the case's entry of {self.parameter}" if self.entry else self.parameter
        return f"The district must supply {what} ({self.description_en})"


NotRemediableReason = Literal["expired", "not_yet_in_force", "gap", "declared"]


@attrs.frozen(kw_only=True)
class NotRemediable:
    """Nothing the applicant can do: the figure is not in force, or the condition says so.

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange, NotRemediable
        >>> NotRemediable(check="demo.cap", reason="expired", parameter="subsidy.cap",
        ...     period=DateRange(date(2023, 11, 15), date(2025, 12, 31))).text("en")
        'Not remediable by the applicant: subsidy.cap expired (in force 2023-11-15 to 2025-12-31)'
        >>> NotRemediable(check="demo.paid", reason="declared",
        ...     why_zh="此前已享受补贴", why_en="a subsidy was already paid").text("zh")
        '申请人无法补救：此前已享受补贴'
    """

    check: str
    """The check whose finding it concerns."""
    reason: NotRemediableReason
    """Why: ``"expired"`` (every period of the figure ended before the day),
    ``"not_yet_in_force"`` (every period starts after it), ``"gap"`` (the day falls
    between two periods, or the condition reads the figure on another day of the
    case on which it has none) or ``"declared"`` (the condition declares itself
    unremediable: :class:`~skillchain.rules.Unremediable`)."""
    parameter: str | None = None
    """The parameter with no value in force (``None`` when declared)."""
    period: DateRange | None = None
    """The nearest period of the parameter: the last one when expired, the first
    when not yet in force, ``None`` for a gap or when declared."""
    why_zh: str = ""
    """Why, in Chinese, when declared (the condition's own words)."""
    why_en: str = ""
    """Why, in English, when declared."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy (or its absence) in a sentence, in *lang*."""
        span = _span(self.period, lang)
        if lang == "zh":
            what = {
                "expired": f"{self.parameter} 已失效（有效期 {span}）",
                "not_yet_in_force": f"{self.parameter} 尚未生效（有效期 {span}）",
                "gap": f"{self.parameter} 在所读日期无有效值",
                "declared": self.why_zh,
            }[self.reason]
            return f"申请人无法补救：{what}"
        what = {
            "expired": f"{self.parameter} expired (in force {span})",
            "not_yet_in_force": f"{self.parameter} is not yet in force (in force {span})",
            "gap": f"{self.parameter} has no value on the day it is read",
            "declared": self.why_en,
        }[self.reason]
        return f"Not remediable by the applicant: {what}"


def _span(period: DateRange | None, lang: Lang) -> str:
    if period is None:
        return ""
    end = period.end.isoformat() if period.end is not None else None
    if lang == "zh":
        return f"{period.start.isoformat()} 至 {end or '今'}"
    return f"{period.start.isoformat()} to {end or 'open-ended'}"


@attrs.frozen(kw_only=True)
class NotDerived:
    """The condition failed, and its declaration does not yet say what would fix it.

    Example:
        >>> from skillchain import NotDerived
        >>> NotDerived(check="demo.post").text("en")
        'No remedy can be derived yet for demo.post'
    """

    check: str
    """The check whose finding failed."""

    def text(self, lang: Lang = "zh") -> str:
        """The sentence, in *lang*."""
        if lang == "zh":
            return f"尚无法推导 {self.check} 的补救办法"
        return f"No remedy can be derived yet for {self.check}"


@attrs.frozen(kw_only=True)
class SetFact:
    """Change a fact to a value the condition accepts.

    Example:
        >>> from skillchain import SetFact
        >>> SetFact(check="demo.open", path="enterprise.operating_normally",
        ...     now=False, to=(True,)).text("en")
        'Change enterprise.operating_normally to yes (now no)'
        >>> SetFact(check="demo.kind", path="certificate.kind", now="x",
        ...     to=(), outside=("x", "y"), parameter="demo.kinds").text("en")
        'Change certificate.kind to a value not among x, y (now x; the list is demo.kinds)'
    """

    check: str
    """The check whose finding it remedies."""
    path: str
    """The fact to change, as a dotted path of the rule's arguments."""
    now: FactValue | object
    """The fact's value now (``None`` when not known)."""
    to: tuple[Any, ...]
    """The values the fact may take to make the condition hold (one for a value the
    condition requires, the parameter's values for a list it must be on; empty
    with :attr:`outside`)."""
    outside: tuple[Any, ...] = ()
    """The values the fact must not take (a list it must not be on)."""
    parameter: str | None = None
    """The parameter the values come from (``None``: the condition names the value)."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        now = format_value(self.now, lang)  # type: ignore[arg-type]
        if self.outside:
            values = _values(self.outside, lang)
            if lang == "zh":
                wanted = f"不属于 {values} 的值"
            else:
                wanted = f"a value not among {values}"
        elif len(self.to) == 1:
            wanted = format_value(self.to[0], lang)
        elif lang == "zh":
            wanted = f"以下之一：{_values(self.to, lang)}"
        else:
            wanted = f"one of {_values(self.to, lang)}"
        if lang == "zh":
            source = f"；名单来自 {self.parameter}" if self.parameter else ""
            return f"将 {self.path} 改为{wanted}（现为 {now}{source}）"
        source = f"; the list is {self.parameter}" if self.parameter else ""
        return f"Change {self.path} to {wanted} (now {now}{source})"


def _values(values: Sequence[Any], lang: Lang) -> str:
    words = sorted(format_value(value, lang) for value in values)
    return ("、" if lang == "zh" else ", ").join(words)


@attrs.frozen(kw_only=True)
class AddItem:
    """Bring at least one item to a list among the facts (or make one item qualify).

    Example:
        >>> from skillchain import AddItem
        >>> AddItem(check="demo.college", path="chain.colleges", annotation=None).text("en")
        'Add at least one item to chain.colleges'
        >>> AddItem(check="demo.qualified", path="enrolments", annotation=None,
        ...     where=("qualified", True)).text("en")
        'Make at least one item of enrolments have qualified yes'
    """

    check: str
    """The check whose finding it remedies."""
    path: str
    """The list (or set), as a dotted path of the rule's arguments."""
    annotation: Any
    """The type of its items (``None`` where it cannot be resolved)."""
    where: tuple[str, Any] | None = None
    """A field and the value one item must have (``None``: any item will do)."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        if self.where is None:
            if lang == "zh":
                return f"在 {self.path} 中至少加入一项"
            return f"Add at least one item to {self.path}"
        field, value = self.where
        shown = format_value(value, lang)
        if lang == "zh":
            return f"使 {self.path} 中至少一项的 {field} 为{shown}"
        return f"Make at least one item of {self.path} have {field} {shown}"


@attrs.frozen(kw_only=True)
class OneOf:
    """Any one of several changes makes the condition hold.

    Example:
        >>> from skillchain import OneOf, SetFact
        >>> print(OneOf(check="demo.any", options=(
        ...     SetFact(check="demo.any", path="a", now=False, to=(True,)),
        ...     SetFact(check="demo.any", path="b", now=False, to=(True,)))).text("en"))
        One of: Change a to yes (now no); or Change b to yes (now no)
    """

    check: str
    """The check whose finding it remedies."""
    options: "tuple[Remedy, ...]"
    """The alternatives, in the order the condition declares them."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        if lang == "zh":
            return "以下任一即可：" + "；或".join(o.text(lang) for o in self.options)
        return "One of: " + "; or ".join(o.text(lang) for o in self.options)


@attrs.frozen(kw_only=True)
class WaitUntil:
    """Time alone makes the condition hold: from the earliest day, if there is one.

    Example:
        >>> from datetime import date
        >>> from skillchain import WaitUntil
        >>> WaitUntil(check="demo.tenure", path="claim.claimed_on", now=date(2024, 12, 1),
        ...     day=date(2025, 3, 1)).text("en")
        'Wait: from 2025-03-01, claim.claimed_on (now 2024-12-01) is late enough'
    """

    check: str
    """The check whose finding it remedies."""
    path: str
    """The day that must move later: a dotted fact path, or ``"on"``."""
    now: date | None
    """That day now (``None`` when not known)."""
    day: date | None
    """The earliest day on which every condition of the case that time can fix
    holds (``None``: no such day within the policy's known periods, or not
    computed: see :attr:`computed`)."""
    computed: bool = True
    """Whether the day was computed (it needs the case's facts)."""
    breaks: tuple[str, ...] = ()
    """Checks that held and no longer hold on :attr:`day` (a window that closes)."""
    why: str = ""
    """Why no day was found (English, one clause), when none was."""

    def text(self, lang: Lang = "zh") -> str:
        """The remedy in a sentence, in *lang*."""
        now = format_value(self.now, lang)
        if not self.computed:
            if lang == "zh":
                return f"待 {self.path}（现为 {now}）足够晚时即可满足；提供案件事实可算出最早日期"
            return (
                f"Holds once {self.path} (now {now}) is late enough; give the case's "
                "facts to compute the earliest day"
            )
        if self.day is None:
            if lang == "zh":
                return f"在政策已知的期间内，{self.path} 推迟至任何一天都无法满足"
            return (
                f"No day within the policy's known periods makes it hold by moving "
                f"{self.path} ({self.why})"
            )
        broken = ", ".join(self.breaks)
        if lang == "zh":
            tail = f"；但届时 {broken} 不再满足" if broken else ""
            return f"等待：自 {self.day.isoformat()} 起，{self.path}（现为 {now}）即足够晚{tail}"
        tail = f"; but on that day {broken} no longer holds" if broken else ""
        return (
            f"Wait: from {self.day.isoformat()}, {self.path} (now {now}) is late "
            f"enough{tail}"
        )


Remedy = (
    SupplyFact
    | ReachBound
    | SetFact
    | AddItem
    | OneOf
    | WaitUntil
    | DistrictSupplies
    | NotRemediable
    | NotDerived
)
"""One remedy a decision proposes."""


@attrs.frozen(kw_only=True)
class EarliestDay:
    """The earliest day on which time makes a case's time-bound conditions hold.

    Example:
        >>> from datetime import date
        >>> from skillchain import EarliestDay
        >>> EarliestDay(day=date(2025, 3, 1), paths=("claim.claimed_on",),
        ...     checks=("rewards.high_skill.tenure",)).day
        datetime.date(2025, 3, 1)
    """

    day: date | None
    """The day (``None``: none within the policy's known periods; see :attr:`why`)."""
    paths: tuple[str, ...]
    """The days moved to it: fact paths, or ``"on"`` for the evaluation day."""
    checks: tuple[str, ...]
    """The time-bound checks that failed and hold on :attr:`day`."""
    breaks: tuple[str, ...] = ()
    """Checks that held and no longer hold on :attr:`day`."""
    why: str = ""
    """Why no day was found (English, one clause), when none was."""


def remedies(
    decision: Decision,
    facts: Mapping[str, Any] | None = None,
    *,
    policy: Policy | None = None,
) -> tuple[Remedy, ...]:
    """What would make each deciding condition that did not hold in *decision* hold.

    For every failed or undetermined finding (advisory ones aside), in order:

    * each missing fact: :class:`SupplyFact`, with its type;
    * each missing parameter: :class:`DistrictSupplies` when *policy* gives it no
      value at all, else :class:`NotRemediable` (expired, not yet in force, or a gap);
    * a failed condition: what its :attr:`~skillchain.rules.Condition.remedy`
      declares: :class:`ReachBound` for :class:`~skillchain.rules.Compares`,
      :class:`SetFact` for :class:`~skillchain.rules.Requires`, :class:`WaitUntil`
      for :class:`~skillchain.rules.Elapses`, :class:`OneOf` for
      :class:`~skillchain.rules.AnyOf`, :class:`NotRemediable` for
      :class:`~skillchain.rules.Unremediable`; :class:`NotDerived` when it
      declares nothing.

    *facts* are the case's (the rule function's keyword arguments but ``on`` and
    ``policy``): given, a :class:`SetFact` says what a fact is now and a
    :class:`WaitUntil` carries the earliest day (:func:`earliest_day`).  A
    finding that held proposes nothing.  *policy* must be the one the case was
    judged under (default: the bundled policy); the rule is the registered one.
    Nothing here runs when a case is decided: remedies cost only when asked for.

    Raises:
        ValueError: *policy*'s fingerprint is not the decision's.
        UnknownRuleError: No rule is registered as ``decision.rule``.

    Example:
        >>> from datetime import date
        >>> from skillchain import Decision, Finding, Provenance, Policy, remedies
        >>> d = Decision.from_findings(rule="apprenticeship.programme", version="x",
        ...     on=date(2024, 3, 1), findings=[Finding(
        ...         check="apprenticeship.programme.occupation_directory", held=None,
        ...         missing=("apprenticeship.occupation_directory",))],
        ...     provenance=Provenance.OFFICIAL,
        ...     policy_fingerprint=Policy.default().fingerprint)
        >>> [r.text("en") for r in remedies(d)]  # doctest: +NORMALIZE_WHITESPACE
        ["The district must supply apprenticeship.occupation_directory
          (The district's directory of occupations apprentices may train in)"]
    """
    register = policy if policy is not None else Policy.default()
    if register.fingerprint != decision.policy_fingerprint:
        msg = (
            "the decision was judged under another policy "
            f"({decision.policy_fingerprint[:12]}, not {register.fingerprint[:12]}): "
            "pass the policy it was judged under"
        )
        raise ValueError(msg)
    rule = get_rule(decision.rule)
    known = specs()
    context = _Context(rule, decision, facts, register)
    found: list[Remedy] = []
    for finding in decision.findings:
        if finding.held is True or is_advisory(finding.check):
            continue
        condition = _condition(rule, finding.check)
        if finding.held is False:
            found.extend(context.failed(finding, condition))
            continue
        for name in finding.missing:
            if name in known or (
                condition is not None and name in condition.parameters
            ):
                day = decision.on if condition is None else context.read_day(condition)
                found.append(_parameter(finding.check, name, register, day))
            else:
                found.append(
                    SupplyFact(
                        check=finding.check, path=name, annotation=fact_type(rule, name)
                    )
                )
        # An undecided finding that names nothing missing waits on other
        # findings (a rank among applications not all decided): their remedies
        # settle it.
    return tuple(found)


def _condition(rule: Rule, check: str) -> Condition | None:
    for condition in (*rule.conditions, *rule.retired):
        if condition.check == check:
            return condition
    return None


class _Context:
    """What deriving the remedies of one decision needs, computed once."""

    def __init__(
        self,
        rule: Rule,
        decision: Decision,
        facts: Mapping[str, Any] | None,
        policy: Policy,
    ) -> None:
        self.rule = rule
        self.decision = decision
        self.facts = facts
        self.policy = policy
        self._earliest: EarliestDay | None = None

    def fact(self, path: str) -> Any:
        if self.facts is None:
            return None
        value = read_fact(self.facts, path, self.rule)
        return None if value is _ABSENT else value

    def failed(self, finding: Finding, condition: Condition | None) -> list[Remedy]:
        declared = condition.remedy if condition is not None else None
        if declared is None or condition is None:
            return [NotDerived(check=finding.check)]
        if isinstance(declared, AllOf):
            failing = [
                part
                for part in declared.parts
                if self.part_holds(finding, condition, part) is not True
            ]
            return [
                self.derive(finding, condition, part)
                for part in failing or declared.parts
            ]
        return [self.derive(finding, condition, declared)]

    def part_holds(
        self, finding: Finding, condition: Condition, part: Any
    ) -> bool | None:
        """Whether one part of an :class:`AllOf` holds (``None``: cannot be told)."""
        if isinstance(part, Compares):
            values = dict(finding.values)
            now = values.get(part.value)
            bound = (
                part.limit if part.limit is not None else values.get(part.bound or "")
            )
            if now is None or bound is None:
                return None
            try:
                return part.holds(now, bound)
            except TypeError:
                return None
        if self.facts is None:
            return None
        if isinstance(part, Requires):
            now = self.fact(part.fact)
            if now is None:
                return None
            if part.among is None and part.outside is None:
                return bool(now == part.equals)
            listed = self.listed(condition, part)
            inside = _member(now, listed)
            return inside if part.among is not None else not inside
        if isinstance(part, Includes):
            return self.includes(part)
        return None

    def includes(self, declared: Includes) -> bool | None:
        items = self.fact(declared.fact)
        if items is None:
            return None
        if declared.where is None:
            return bool(len(items))
        field, value = declared.where
        return any(getattr(item, field, None) == value for item in items)

    def listed(self, condition: Condition, declared: Requires) -> tuple[Any, ...]:
        name = declared.among or declared.outside
        if name is None:
            return ()
        value = self.policy.at(self.read_day(condition)).get(name).value
        if declared.key is not None and isinstance(value, Mapping):
            key = self.fact(declared.key)
            found = None if key is None else value.get(key)
            if found is None and isinstance(key, enum.Enum):
                found = value.get(key.value)  # a table keyed by the value's text
            value = found
        listed = _collection(value)
        now = self.fact(declared.fact)
        if isinstance(now, enum.Enum):
            # A list written as text for a fact read as an enumeration.
            kind = type(now)
            listed = tuple(
                kind(item)
                if isinstance(item, str) and not isinstance(item, kind)
                else item
                for item in listed
            )
        return listed

    def derive(self, finding: Finding, condition: Condition, declared: Any) -> Remedy:
        values = dict(finding.values)
        check = finding.check
        if isinstance(declared, Unremediable):
            why = Message(zh=declared.zh, en=declared.en)
            return NotRemediable(
                check=check,
                reason="declared",
                why_zh=why.render("zh", values),
                why_en=why.render("en", values),
            )
        if isinstance(declared, Compares):
            bound = (
                declared.limit
                if declared.limit is not None
                else values.get(declared.bound or "")
            )
            return ReachBound(
                check=check,
                path=declared.fact,
                quantity=declared.value,
                comparator=declared.comparator,
                now=values.get(declared.value),
                bound=bound,
                parameter=declared.parameter,
                citations=finding.citations,
            )
        if isinstance(declared, Includes):
            items = typing.get_args(fact_type(self.rule, declared.fact))
            return AddItem(
                check=check,
                path=declared.fact,
                annotation=_present(items[0]) if items else None,
                where=declared.where,
            )
        if isinstance(declared, Requires):
            return self.requires(check, condition, declared)
        if isinstance(declared, Elapses):
            return self.waits(check, declared)
        options = tuple(
            self.derive(finding, condition, option) for option in declared.options
        )
        return OneOf(check=check, options=options)

    def requires(self, check: str, condition: Condition, declared: Requires) -> SetFact:
        now = self.fact(declared.fact)
        name = declared.among or declared.outside
        if name is None:
            return SetFact(
                check=check, path=declared.fact, now=now, to=(declared.equals,)
            )
        listed = self.listed(condition, declared)
        if declared.among is not None:
            return SetFact(
                check=check, path=declared.fact, now=now, to=listed, parameter=name
            )
        return SetFact(
            check=check,
            path=declared.fact,
            now=now,
            to=(),
            outside=listed,
            parameter=name,
        )

    def read_day(self, condition: Condition) -> date:
        if condition.read_on is not None:
            day = self.fact(condition.read_on.day)
            if isinstance(day, date):
                return day
        return self.decision.on

    def waits(self, check: str, declared: Elapses) -> WaitUntil:
        now = self.decision.on if declared.day == "on" else self.fact(declared.day)
        if now is None:
            # The condition failed, so a day it reads that is not given is one
            # that defaults to the evaluation day (a claim made on it).
            now = self.decision.on
        if self.facts is None:
            return WaitUntil(
                check=check, path=declared.day, now=now, day=None, computed=False
            )
        if self._earliest is None:
            self._earliest = earliest_day(
                self.rule, self.facts, on=self.decision.on, policy=self.policy
            )
        found = self._earliest
        return WaitUntil(
            check=check,
            path=declared.day,
            now=now,
            day=found.day,
            breaks=found.breaks,
            why=found.why,
        )


def _member(value: object, listed: tuple[Any, ...]) -> bool:
    """Whether *value* is one of *listed*, or within one (a division in a region)."""
    for item in listed:
        contains = getattr(item, "contains", None)
        if item == value or (callable(contains) and contains(value)):
            return True
    return False


def _collection(value: object) -> tuple[Any, ...]:
    if isinstance(value, Mapping):
        return tuple(value)
    if isinstance(value, (set, frozenset, tuple, list)):
        return tuple(value)
    return () if value is None else (value,)


def _parameter(check: str, name: str, policy: Policy, day: date) -> Remedy:
    param = policy.parameters.get(name)
    periods = [
        value.period
        for value in (param.values if param is not None else ())
        if value.period is not None
    ]
    if param is None or not periods:
        zh = param.description_zh if param is not None else ""
        en = param.description_en if param is not None else ""
        return DistrictSupplies(
            check=check, parameter=name, description_zh=zh, description_en=en
        )
    if all(p.end is not None and p.end < day for p in periods):
        return NotRemediable(
            check=check, reason="expired", parameter=name, period=periods[-1]
        )
    if all(p.start > day for p in periods):
        return NotRemediable(
            check=check, reason="not_yet_in_force", parameter=name, period=periods[0]
        )
    if any(day in p for p in periods):
        # In force on the day it is read, yet missing: its table lacks the case.
        return DistrictSupplies(
            check=check,
            parameter=name,
            description_zh=param.description_zh,
            description_en=param.description_en,
            entry=True,
        )
    return NotRemediable(check=check, reason="gap", parameter=name, period=None)


def declaration_text(declared: object, lang: Lang = "en") -> str:
    """What a condition's remedy declaration promises, in a clause of *lang*.

    For rule pages: the remedy a failed finding of the condition will get.

    Example:
        >>> from skillchain._remedies import declaration_text
        >>> from skillchain.rules import Elapses, Requires
        >>> declaration_text(Requires("enterprise.operating_normally", equals=True))
        'set enterprise.operating_normally to yes'
        >>> declaration_text(Elapses("claim.claimed_on"), "zh")
        '等待 claim.claimed_on 足够晚（给出最早日期）'
    """
    zh = lang == "zh"
    if isinstance(declared, Compares):
        relation = (_ZH_RELATIONS if zh else _EN_RELATIONS)[declared.comparator]
        if declared.limit is not None:
            limit = format_value(declared.limit, lang)
            if zh:
                return f"调整 {declared.fact}，使其 {declared.value} {relation} {limit}"
            return f"change {declared.fact} so that its {declared.value} is {relation} {limit}"
        if zh:
            return (
                f"调整 {declared.fact}，使其 {declared.value} {relation} "
                f"{declared.parameter} 给出的界限"
            )
        return (
            f"change {declared.fact} so that its {declared.value} is {relation} the "
            f"bound from {declared.parameter}"
        )
    if isinstance(declared, Includes):
        if declared.where is None:
            return (
                f"在 {declared.fact} 中至少加入一项"
                if zh
                else (f"add at least one item to {declared.fact}")
            )
        field, value = declared.where
        shown = format_value(value, lang)
        if zh:
            return f"使 {declared.fact} 中至少一项的 {field} 为{shown}"
        return f"make at least one item of {declared.fact} have {field} {shown}"
    if isinstance(declared, AllOf):
        parts = [declaration_text(part, lang) for part in declared.parts]
        return (
            ("须全部满足：" + "；且".join(parts))
            if zh
            else "all of: " + "; and ".join(parts)
        )
    if isinstance(declared, Requires):
        if declared.key is not None:
            listed = declared.among or declared.outside
            if zh:
                how = "所列之一" if declared.among is not None else "所列以外的值"
                return f"将 {declared.fact} 改为 {listed} 中 {declared.key} 对应的{how}"
            how = "one of" if declared.among is not None else "a value not in"
            return (
                f"set {declared.fact} to {how} the entry of {listed} for {declared.key}"
            )
        if declared.among is not None:
            if zh:
                return f"将 {declared.fact} 改为 {declared.among} 所列之一"
            return f"set {declared.fact} to one of {declared.among}"
        if declared.outside is not None:
            if zh:
                return f"将 {declared.fact} 改为 {declared.outside} 所列以外的值"
            return f"set {declared.fact} to a value not in {declared.outside}"
        value = format_value(declared.equals, lang)
        return (
            f"将 {declared.fact} 改为{value}"
            if zh
            else f"set {declared.fact} to {value}"
        )
    if isinstance(declared, Elapses):
        if zh:
            return f"等待 {declared.day} 足够晚（给出最早日期）"
        return f"wait until {declared.day} is late enough (the earliest day is given)"
    if isinstance(declared, AnyOf):
        parts = [declaration_text(option, lang) for option in declared.options]
        return (
            ("以下任一：" + "；或".join(parts))
            if zh
            else "any of: " + "; or ".join(parts)
        )
    if isinstance(declared, Unremediable):
        # The reason is a template over a finding's values: show its words only.
        if zh:
            return f"申请人无法补救：{_PLACEHOLDER.sub('…', declared.zh)}"
        return f"not remediable by the applicant: {_PLACEHOLDER.sub('…', declared.en)}"
    return "未声明" if zh else "none declared"


# --- the earliest day ---------------------------------------------------------------

_HORIZON_YEARS: Final = 100
"""How far ahead to look when every figure is open-ended."""


def earliest_day(
    rule: Rule | str,
    facts: Mapping[str, Any],
    *,
    on: date,
    policy: Policy | None = None,
) -> EarliestDay:
    """The earliest day from which time alone makes the case's time-bound conditions hold.

    The case is decided; its failed conditions that declare
    :class:`~skillchain.rules.Elapses` are the time-bound ones.  Their days
    (facts, or the evaluation day) are moved together to a later day *d*, the
    evaluation day to *d* too if it was earlier, with every other fact and the
    policy unchanged, and the case is decided again.  The policy's figures change
    only on the days their periods start or end, so the days between two such
    changes form stretches of constant figures, in which a time-bound condition
    that holds on one day holds on every later one: stretch after stretch is
    tried, and the day found by halving inside the first whose last day
    satisfies them all.  It looks as far as the last period of the rule's
    figures ends (a hundred years when they are open-ended).

    Returns :class:`EarliestDay`, with ``day=None`` and a reason when no day
    within that span suffices (for instance because a figure expires first),
    and the checks that held and no longer do on the day found.  A worked
    example (a tenure completing later) is in the how-to "Say what would make a
    case eligible, and from when".
    """
    chosen = get_rule(rule) if isinstance(rule, str) else rule
    register = policy if policy is not None else Policy.default()
    decide = _decider(chosen, facts, on, register)
    now = decide(None)
    waiting = _waiting(chosen, now)
    if not waiting:
        return EarliestDay(day=None, paths=(), checks=(), why="nothing waits for a day")
    paths = tuple(dict.fromkeys(declared.day for declared in waiting.values()))
    checks = tuple(waiting)
    held = {
        f.check for f in now.findings if f.held is True and not is_advisory(f.check)
    }
    start = max(
        [on] + [d for path in paths if isinstance(d := _day_of(facts, path, on), date)]
    )

    def holds(day: date) -> bool:
        try:
            decision = decide((paths, day))
        except (SkillchainError, KeyError):
            # The facts refuse that day (a claim year that no longer matches,
            # say), or the case does not hold the day that moves.
            return False
        results = {f.check: f.held for f in decision.findings}
        return all(results.get(check) is True for check in checks)

    cuts = _cut_days(chosen, register, start)
    horizon = cuts[-1] if cuts else _add_years(start, _HORIZON_YEARS)
    edges = [day for day in cuts if start < day <= horizon]
    ends = [edge - timedelta(days=1) for edge in edges] + [horizon]
    for begin, finish in zip([start, *edges], ends, strict=True):
        if begin > finish or not holds(finish):
            continue
        low, high = begin, finish
        while low < high:
            middle = low + (high - low) // 2
            if holds(middle):
                high = middle
            else:
                low = middle + timedelta(days=1)
        decision = decide((paths, low))
        broken = tuple(
            f.check for f in decision.findings if f.check in held and f.held is not True
        )
        return EarliestDay(day=low, paths=paths, checks=checks, breaks=broken)
    why = (
        f"by {horizon.isoformat()}, the last day of the figures' known periods, "
        f"{', '.join(checks)} still did not hold"
    )
    return EarliestDay(day=None, paths=paths, checks=checks, why=why)


def _waiting(rule: Rule, decision: Decision) -> dict[str, Elapses]:
    """The failed deciding findings whose conditions declare :class:`Elapses`."""
    found: dict[str, Elapses] = {}
    for finding in decision.findings:
        if finding.held is not False or is_advisory(finding.check):
            continue
        condition = _condition(rule, finding.check)
        declared = condition.remedy if condition is not None else None
        if isinstance(declared, AnyOf):
            declared = next(
                (option for option in declared.options if isinstance(option, Elapses)),
                None,
            )
        if isinstance(declared, Elapses):
            found[finding.check] = declared
    return found


def _decider(
    rule: Rule, facts: Mapping[str, Any], on: date, policy: Policy
) -> Callable[[tuple[tuple[str, ...], date] | None], Decision]:
    def decide(moved: tuple[tuple[str, ...], date] | None) -> Decision:
        if moved is None:
            return rule.function(**facts, on=on, policy=policy)
        paths, day = moved
        changed: Mapping[str, Any] = facts
        for path in paths:
            if path != "on":
                changed = with_fact(changed, path, day)
        return rule.function(**changed, on=max(on, day), policy=policy)

    return decide


def _day_of(facts: Mapping[str, Any], path: str, on: date) -> object:
    if path == "on":
        return on
    return read_fact(facts, path)


def _cut_days(rule: Rule, policy: Policy, start: date) -> list[date]:
    """The days after *start* on which a figure of *rule* starts or stops being in force.

    The last is the day after the latest period ends, or nothing when some figure
    is open-ended (it then looks a hundred years ahead).
    """
    names = {name for c in rule.conditions for name in c.parameters}
    days: set[date] = set()
    open_ended = False
    for name in names:
        param = policy.parameters.get(name)
        for value in param.values if param is not None else ():
            period = value.period
            if period is None:
                continue
            days.add(period.start)
            if period.end is None:
                open_ended = True
            else:
                days.add(period.end + timedelta(days=1))
    ordered = sorted(day for day in days if day > start)
    if open_ended:
        ordered.append(_add_years(start, _HORIZON_YEARS))
    return ordered


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- facts by path ------------------------------------------------------------------


def fact_at(facts: Mapping[str, Any], path: str) -> Any:
    """The value at dotted *path* of *facts* (:data:`_ABSENT`: the path leads
    nowhere; ``None``: the fact is unknown)."""
    return read_fact(facts, path)


def with_fact(facts: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of *facts* with the fact at dotted *path* set to *value*.

    Records on the way are rebuilt with :func:`attrs.evolve` (so their checks run
    again), sequences as tuples.

    Raises:
        KeyError: *path* leads nowhere in *facts*.
    """
    steps = list(path_steps(path))
    if len(steps) == 1 and isinstance(steps[0], str):
        # A top-level fact the case left out (a claim day that defaults to the
        # evaluation day): given now.
        return {**facts, steps[0]: value}
    if not steps or not isinstance(steps[0], str) or steps[0] not in facts:
        msg = f"no fact {path!r} in the case (its facts are {sorted(facts)})"
        raise KeyError(msg)
    head = steps[0]
    return {**facts, head: _set(facts[head], steps[1:], value, path)}


def _set(current: Any, steps: list[str | int], value: Any, path: str) -> Any:
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        if not isinstance(current, (tuple, list)) or step >= len(current):
            msg = f"no item {step} on the way to {path!r}"
            raise KeyError(msg)
        items = list(current)
        items[step] = _set(items[step], rest, value, path)
        return tuple(items) if isinstance(current, tuple) else items
    if current is None or not attrs.has(type(current)):
        msg = f"no record holding {step!r} on the way to {path!r}"
        raise KeyError(msg)
    return attrs.evolve(
        current, **{step: _set(getattr(current, step), rest, value, path)}
    )


def fact_type(rule: Rule | str, path: str) -> Any:
    """The type of the fact at dotted *path* of *rule*'s arguments (``None``: unknown).

    The first part is a fact of :func:`skillchain.serialization.rule_facts`; each
    further part a field of an attrs class, an index (``claims[0]``) an item of a
    list.  A fact that may be unknown is given as its type without ``None``.

    Example:
        >>> from skillchain import fact_type
        >>> fact_type("apprenticeship.case", "enrolment.contract")
        <class 'skillchain.model._apprenticeship.LabourContract'>
        >>> fact_type("apprenticeship.case", "enrolment.no_such_field") is None
        True
    """
    from skillchain.serialization import rule_facts

    parts = path.split(".")
    head, _, _ = parts[0].partition("[")
    facts = {fact.name: fact.type for fact in rule_facts(rule)}
    if head not in facts:
        return None
    current: Any = _items(_present(facts[head]), parts[0])
    for part in parts[1:]:
        name, _, _ = part.partition("[")
        if current is None or not attrs.has(current):
            return None
        try:
            hints = typing.get_type_hints(current)
        except (NameError, TypeError):  # pragma: no cover - unresolvable annotation
            return None
        if name not in hints:
            return None
        current = _items(_present(hints[name]), part)
    return current


def _present(annotation: Any) -> Any:
    """*annotation* without ``None`` (``T | None`` -> ``T``)."""
    args = typing.get_args(annotation)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _items(annotation: Any, part: str) -> Any:
    """The item type of *annotation* for each index in *part* (``claims[0]``)."""
    for _ in _INDEX.finditer(part):
        args: Sequence[Any] = typing.get_args(annotation)
        if not args:
            return None
        annotation = _present(args[0])
    return annotation
