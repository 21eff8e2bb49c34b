"""The contract every rule keeps, checked on one case or over drawn cases.

Whatever a rule decides, some things hold of every decision it makes: the same
arguments give the same decision, the outcome follows the findings, the findings
come in the order the rule declares its conditions and cite only the documents
those conditions declare, and so on (:data:`PROMISES` lists them all).  They say
nothing about a programme's figures, so one contract serves every rule: the
library's own, and any rule a district registers with
:func:`~skillchain.rules.register`.

Two functions check it:

* :func:`broken_promises` decides one case of one rule under one policy and
  returns the promises the decision breaks (empty when it keeps them all).  It is
  plain Python, without Hypothesis: give it cases written by hand, read from case
  files or drawn by any strategy.
* :func:`check_contract` runs :func:`broken_promises` with Hypothesis over the
  rule's cases as :func:`skillchain.testing.strategies.cases` draws them (in each
  outcome the rule's recipe builds) and as :func:`typed_cases` draws them (from the
  types of the rule's arguments), and decides each case once more with one
  argument replaced by a value of the wrong type.  It needs the ``testing`` extra,
  and imports Hypothesis only when it runs.

Example:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from skillchain import Policy
    >>> from skillchain.comparison import Case
    >>> from skillchain.testing.contract import broken_promises
    >>> case = Case(name="balance due", on=date(2025, 10, 8),
    ...     facts={"entitlement": Decimal("56000.00"),
    ...            "prepaid": Decimal("28000.00"), "training_end": None})
    >>> broken_promises("apprenticeship.settlement", Policy.default(), case)
    ()
"""

import copy
import inspect
import json
import string
import threading
import typing

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

import attrs

from skillchain import Decision, Finding, Outcome, Policy, SkillchainError, redact
from skillchain._facts import path_steps
from skillchain._redact import shorten
from skillchain.comparison import Case, CaseLike, as_case, as_rule, shown
from skillchain.errors import InvalidValueError
from skillchain.rules import Condition, Rule
from skillchain.serialization import make_converter


if TYPE_CHECKING:
    # Spelt in full in the signatures, so the documentation resolves them too.
    import hypothesis
    import hypothesis.strategies

    from cattrs.preconf.json import JsonConverter
    from hypothesis.strategies import SearchStrategy

    import skillchain.comparison

    from skillchain.testing.strategies import WantedOutcome


__all__ = [
    "PROMISES",
    "BrokenPromise",
    "broken_promises",
    "check_contract",
    "typed_cases",
]

PROMISES: Final[Mapping[str, str]] = {
    "deterministic": "the same arguments, given twice or as equal copies, give "
    "equal decisions",
    "identified": "the decision names the rule, its version, the evaluation day and "
    "the fingerprint of the policy it was judged under",
    "outcome": "a failed deciding finding makes the case ineligible; otherwise an "
    "undecided one makes it undetermined; otherwise it is eligible; advisory "
    "findings never decide",
    "order": "the findings come in the order the rule declares its conditions",
    "declared": "every finding's check is one of the rule's conditions (current or "
    "retired)",
    "citations": "a finding cites its condition's own documents, and nothing but "
    "them and the documents of its parameters' values",
    "missing": "a finding names missing only facts the rule's conditions declare (or "
    "paths under them) and parameters they read, and an undetermined decision names at least one",
    "messages": "every field of a decided finding's zh and en sentences is one of "
    "its values (an undecided one may show ? for what it lacks)",
    "amount": "a decision carries an amount only when it is eligible",
    "periods": "every figure a finding rests on is in force on the day its "
    "condition reads it: with every other value taken out of the policy (and every "
    "parameter the rule does not declare) the decision is the same",
    "json": "the decision comes back equal from JSON (skillchain.serialization)",
    "errors": "facts of the wrong type raise only the library's own errors "
    "(skillchain.SkillchainError)",
}
"""Every promise of the contract, by name, with what it says.

Pass some of the names as ``promises=`` to check only those.
"""

_SHOWN: Final = 10
"""How many broken promises an :class:`AssertionError` of :func:`check_contract` lists."""
_DETAIL: Final = 300
"""How many characters of a value or an error message a detail quotes."""


def _brief(value: object) -> str:
    """*value* as a detail quotes it: one line, cut, identity numbers masked."""
    return shorten(" ".join(str(value)[: 4 * _DETAIL].split()), _DETAIL)


@attrs.frozen
class BrokenPromise:
    """A promise of the contract a rule's decision did not keep on one case.

    Example:
        >>> from skillchain.testing.contract import BrokenPromise
        >>> print(BrokenPromise("amount", "demo.grant", "case 1",
        ...     "an amount of 100 on an ineligible decision"))
        demo.grant broke 'amount' on case 1: an amount of 100 on an ineligible decision
    """

    promise: str
    """The promise's name, a key of :data:`PROMISES`."""
    rule: str
    """The id of the rule that broke it."""
    case: str
    """The case's name (cut and masked, as every report shows it)."""
    detail: str
    """What was found, in a sentence or two."""

    def __str__(self) -> str:
        """One line: the rule, the promise, the case and what was found."""
        return f"{self.rule} broke {self.promise!r} on {self.case}: {self.detail}"


def _chosen(promises: Iterable[str]) -> tuple[str, ...]:
    given: object = promises
    if isinstance(given, str):
        given = (given,)
    if not isinstance(given, Iterable):
        raise InvalidValueError(
            field="promises",
            problem=f"got a value of type {type(given).__name__}",
            expected="names from skillchain.testing.contract.PROMISES",
        )
    names = tuple(given)
    unknown = [shown(n) for n in names if n not in PROMISES]
    if unknown:
        raise InvalidValueError(
            field="promises",
            problem=f"no promise {', '.join(unknown)}",
            expected=f"names among {', '.join(PROMISES)}",
        )
    return names


# --- looking facts up ---------------------------------------------------------------


_ABSENT: Final = object()


def _attribute(value: object, name: str) -> object:
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            if name in (field.name, field.name.lstrip("_"), field.alias):
                return getattr(value, field.name, _ABSENT)
        return _ABSENT
    if isinstance(value, Mapping):
        return value.get(name, _ABSENT)
    return getattr(value, name, _ABSENT)


def _fact(rule: Rule, facts: Mapping[str, object], path: str) -> object:
    """The fact at *path* (``None`` if unknown on the way; ``_ABSENT`` if no such fact)."""
    steps = path_steps(path)
    head = steps[0]
    value: object
    if not isinstance(head, str):
        return _ABSENT
    if head in facts:
        value = facts[head]
    else:
        parameter = inspect.signature(rule.function).parameters.get(head)
        if parameter is None or parameter.default is inspect.Parameter.empty:
            return _ABSENT
        value = parameter.default
    for step in steps[1:]:
        if value is None:
            return None
        if isinstance(step, int):
            if not isinstance(value, (tuple, list)) or not 0 <= step < len(value):
                return _ABSENT
            value = value[step]
        else:
            value = _attribute(value, step)
            if value is _ABSENT:
                return _ABSENT
    return value


# --- the days a condition reads its figures on --------------------------------------

_Window = tuple[date, date]


def _window(rule: Rule, condition: Condition, case: Case) -> _Window | None:
    """The days *condition*'s figures are read on in *case* (``None``: any day).

    The evaluation day, unless the condition declares another: a date fact gives
    that day, a year (an integer) every day of that year.  When the case leaves
    that fact unknown the rule chooses the day (the evaluation day, the end of a
    year), so any day will do.
    """
    if condition.read_on is None:
        return case.on, case.on
    value = _fact(rule, case.facts, condition.read_on.day)
    if value is None or value is _ABSENT or isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value, value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return date(value, 1, 1), date(value, 12, 31)
    return None


def _meets(value: Any, windows: list[_Window]) -> bool:
    period = value.period
    if period is None:
        return False
    end = period.end if period.end is not None else date.max
    return any(period.start <= last and first <= end for first, last in windows)


def _in_force_only(
    policy: Policy, windows: Mapping[str, list[_Window] | None]
) -> Policy:
    """*policy* with only the values of *windows*' parameters in force on their days.

    A parameter whose days are unknown (``None``) keeps every value; a parameter the
    rule does not declare is taken out.
    """
    parameters = {}
    for name, days in windows.items():
        parameter = policy.parameters.get(name)
        if parameter is None:
            continue
        if days is not None:
            parameter = attrs.evolve(
                parameter, values=tuple(v for v in parameter.values if _meets(v, days))
            )
        parameters[name] = parameter
    return Policy(
        documents=policy.documents, parameters=parameters, sources=policy.sources
    )


# --- the promises -------------------------------------------------------------------


def _conditions(rule: Rule) -> dict[str, Condition]:
    return {c.check: c for c in (*rule.retired, *rule.conditions)}


def _expected_outcome(rule: Rule, findings: Iterable[Finding]) -> Outcome:
    advisory = {c.check for c in (*rule.conditions, *rule.retired) if c.advisory}
    held = [f.held for f in findings if f.check not in advisory]
    if False in held:
        return Outcome.INELIGIBLE
    if None in held:
        return Outcome.UNDETERMINED
    return Outcome.ELIGIBLE


def _differs(first: Decision, second: Decision) -> str:
    """Where two decisions on one case differ, as a short phrase."""
    for field in attrs.fields(Decision):
        if field.name == "findings" or getattr(first, field.name) == getattr(
            second, field.name
        ):
            continue
        was, now = getattr(first, field.name), getattr(second, field.name)
        return f"{field.name} {_brief(was)} -> {_brief(now)}"
    if len(first.findings) != len(second.findings):
        return (
            f"{len(first.findings)} findings -> {len(second.findings)}: "
            f"{[f.check for f in first.findings]} -> "
            f"{[f.check for f in second.findings]}"
        )
    for was, now in zip(first.findings, second.findings, strict=True):
        if was == now:
            continue
        for name in Finding._fields:
            before, after = getattr(was, name), getattr(now, name)
            if before != after:
                if name == "citations":
                    before = [(c.document.id, c.article) for c in before]
                    after = [(c.document.id, c.article) for c in after]
                return f"{was.check}: {name} {_brief(before)} -> {_brief(after)}"
    return "they differ"


def _deterministic(
    decide: Callable[[Mapping[str, object]], Decision],
    case: Case,
    decision: Decision,
) -> list[str]:
    try:
        copied = copy.deepcopy(dict(case.facts))
    except Exception:  # noqa: BLE001 - facts that cannot be copied are decided as they are
        copied = dict(case.facts)
    found = []
    for how, facts in (("again", case.facts), ("on equal copies", copied)):
        other = decide(facts)
        if other != decision:
            found.append(f"decided {how}, {_differs(decision, other)}")
    return found


def _identified(
    rule: Rule, policy: Policy, case: Case, decision: Decision
) -> list[str]:
    expected = (rule.id, rule.version, case.on, policy.fingerprint)
    actual = (
        decision.rule,
        decision.version,
        decision.on,
        decision.policy_fingerprint,
    )
    labels = ("rule", "version", "day", "policy fingerprint")
    return [
        f"the decision's {label} is {shown(got)!r}, expected {shown(wanted)!r}"
        for label, got, wanted in zip(labels, actual, expected, strict=True)
        if got != wanted
    ]


def _outcome(rule: Rule, decision: Decision) -> list[str]:
    expected = _expected_outcome(rule, decision.findings)
    if decision.outcome is expected:
        return []
    return [
        (
            f"the decision is {decision.outcome.value} but its deciding findings "
            f"make it {expected.value}"
        )
    ]


def _order(rule: Rule, decision: Decision) -> list[str]:
    place = {check: index for index, check in enumerate(rule.checks)}
    last, before = -1, ""
    for finding in decision.findings:
        index = place.get(finding.check)
        if index is None:
            continue
        if index < last:
            return [
                f"{finding.check} comes after {before}, which the rule declares later"
            ]
        last, before = index, finding.check
    return []


def _declared(rule: Rule, decision: Decision) -> list[str]:
    conditions = _conditions(rule)
    stray = sorted({f.check for f in decision.findings if f.check not in conditions})
    return [f"the rule declares no condition {shown(check)!r}" for check in stray]


def _citable(condition: Condition, policy: Policy) -> set[tuple[str, str | None]]:
    found = {(s.document, s.article) for s in condition.sources}
    for name in condition.parameters:
        parameter = policy.parameters.get(name)
        for value in parameter.values if parameter is not None else ():
            citation = value.citation
            if citation is not None:
                found.add((citation.document.id, citation.article))
    return found


def _citations(rule: Rule, policy: Policy, decision: Decision) -> list[str]:
    conditions = _conditions(rule)
    found = []
    for finding in decision.findings:
        condition = conditions.get(finding.check)
        if condition is None:
            continue
        cited = {(c.document.id, c.article) for c in finding.citations}
        own = {(s.document, s.article) for s in condition.sources}
        stray = cited - _citable(condition, policy)
        if stray:
            found.append(
                f"{finding.check} cites {sorted(stray, key=str)}, which neither its "
                "condition nor the values of its parameters give"
            )
        lacking = own - cited
        if lacking:
            found.append(
                f"{finding.check} does not cite its condition's own "
                f"{sorted(lacking, key=str)}"
            )
    return found


def _under(name: str, facts: tuple[str, ...]) -> bool:
    return any(
        name == fact or name.startswith((f"{fact}.", f"{fact}[")) for fact in facts
    )


def _missing(rule: Rule, decision: Decision) -> list[str]:
    every = (*rule.conditions, *rule.retired)
    facts = tuple(dict.fromkeys(name for c in every for name in c.facts))
    parameters = {name for c in every for name in c.parameters}
    found = []
    for finding in decision.findings:
        stray = [
            name
            for name in finding.missing
            if name not in parameters and not _under(name, facts)
        ]
        if stray:
            found.append(
                f"{finding.check} names missing {[shown(n) for n in stray]}: neither "
                "a fact the rule's conditions declare (or a path under one) nor a "
                "parameter they read"
            )
    if decision.outcome is Outcome.UNDETERMINED and not decision.missing:
        found.append("the decision is undetermined but names nothing missing")
    return found


def _fields(template: str) -> set[str]:
    try:
        return {n for _, n, _, _ in string.Formatter().parse(template) if n}
    except ValueError:
        return set()


def _messages(rule: Rule, decision: Decision) -> list[str]:
    conditions = _conditions(rule)
    found = []
    for finding in decision.findings:
        condition = conditions.get(finding.check)
        message = condition.message if condition is not None else None
        if message is None or finding.held is None:
            continue
        names = {key for key, _ in finding.values}
        for lang, template in (("zh", message.zh), ("en", message.en)):
            unfilled = sorted(_fields(template) - names)
            if unfilled:
                found.append(
                    f"{finding.check}'s {lang} sentence needs {unfilled}, which the "
                    "finding's values lack"
                )
    return found


def _amount(decision: Decision) -> list[str]:
    if decision.amount is None or decision.outcome is Outcome.ELIGIBLE:
        return []
    return [f"an amount of {decision.amount} on an {decision.outcome.value} decision"]


def _periods(
    rule: Rule,
    policy: Policy,
    case: Case,
    decision: Decision,
    decide: Callable[[Mapping[str, object], Policy], Decision],
) -> list[str]:
    windows: dict[str, list[_Window] | None] = {}
    read_on: dict[str, _Window | None] = {}
    for condition in rule.conditions:
        window = read_on[condition.check] = _window(rule, condition, case)
        for name in condition.parameters:
            days = windows.setdefault(name, [])
            if window is None or days is None:
                windows[name] = None
            else:
                days.append(window)
    found = []
    narrow = _in_force_only(policy, windows)
    try:
        again = decide(case.facts, narrow)
    except Exception as error:  # noqa: BLE001 - reported as the broken promise
        again = None
        found.append(
            "with only the values in force on the reading days the rule raised "
            f"{type(error).__name__}: {_brief(error)}"
        )
    if again is not None:
        same = attrs.evolve(again, policy_fingerprint=decision.policy_fingerprint)
        if same != decision:
            found.append(
                "with only the values in force on the days its conditions read them, "
                f"the decision changes ({_differs(decision, same)}): a figure is read "
                "on another day, or a parameter the rule does not declare is read"
            )
    return found


_CONVERTERS: dict[int, tuple[Policy, "JsonConverter"]] = {}
_LOCK = threading.Lock()


def _converter(policy: Policy) -> "JsonConverter":
    known = _CONVERTERS.get(id(policy))
    if known is not None and known[0] is policy:
        return known[1]
    converter = make_converter(policy=policy)
    with _LOCK:
        if len(_CONVERTERS) >= 16:
            _CONVERTERS.clear()
        # The entry holds the policy, so no other policy takes its id meanwhile.
        _CONVERTERS[id(policy)] = (policy, converter)
    return converter


def _json(policy: Policy, decision: Decision) -> list[str]:
    converter = _converter(policy)
    try:
        text = json.dumps(converter.unstructure(decision), ensure_ascii=False)
        back = converter.structure(json.loads(text), Decision)
    except Exception as error:  # noqa: BLE001 - reported as the broken promise
        return [f"the decision does not go through JSON: {_brief(error)}"]
    if back != decision:
        return [
            f"the decision comes back from JSON changed ({_differs(decision, back)})"
        ]
    return []


def broken_promises(
    rule: Rule | str,
    policy: Policy,
    case: CaseLike,
    *,
    promises: Iterable[str] = tuple(PROMISES),
) -> tuple[BrokenPromise, ...]:
    """Decide *case* with *rule* under *policy*; return the promises the decision breaks.

    Empty when the rule keeps every promise of *promises* (default: all of
    :data:`PROMISES`) on this case.  A case the rule refuses with one of the
    library's errors (:class:`~skillchain.SkillchainError`: facts that cannot be
    what they claim) breaks nothing; any other exception breaks ``"errors"``, or is
    raised as it is when ``"errors"`` is not among *promises*.

    The promises are checked against the rule's declaration
    (:attr:`~skillchain.rules.Rule.conditions`): which checks it records, in which
    order, with which facts, parameters, documents and sentences, and on which day
    each condition reads its figures (:attr:`~skillchain.rules.Condition.read_on`:
    a date fact is that day, a year fact any day of it, and when the case leaves
    the fact unknown the rule may read the figures of any day).

    Args:
        rule: A registered rule or its id.
        policy: The policy to decide the case under.
        case: A :class:`~skillchain.comparison.Case`, or a mapping of the rule's
            facts plus ``on``.
        promises: The names of the promises to check.

    Raises:
        UnknownRuleError: No rule is registered under that id.
        InvalidValueError: A name in *promises* is not a promise, or *case* is not
            a case.
    """
    _, broken = _examine(as_rule(rule), policy, as_case(case), _chosen(promises))
    return broken


def _examine(
    found_rule: Rule, policy: Policy, found_case: Case, wanted: tuple[str, ...]
) -> tuple[Decision | None, tuple[BrokenPromise, ...]]:
    """The decision on *found_case* (``None``: refused or raised) and the promises broken."""
    name = shown(found_case.name)
    function = found_rule.function

    def decide(facts: Mapping[str, object], under: Policy = policy) -> Decision:
        return function(**facts, on=found_case.on, policy=under)

    def broken(promise: str, details: Iterable[str]) -> list[BrokenPromise]:
        return [
            BrokenPromise(promise, found_rule.id, name, redact(detail))
            for detail in details
        ]

    try:
        decision = decide(found_case.facts)
    except SkillchainError:
        return None, ()
    except Exception as error:
        if "errors" not in wanted:
            raise
        shown_args = ", ".join(
            f"{key}: {type(value).__name__}" for key, value in found_case.facts.items()
        )
        return None, tuple(
            broken(
                "errors",
                [
                    f"raised {type(error).__name__}: {_brief(error)} (facts {shown_args})"
                ],
            )
        )

    checks: dict[str, Callable[[], list[str]]] = {
        "deterministic": lambda: _deterministic(decide, found_case, decision),
        "identified": lambda: _identified(found_rule, policy, found_case, decision),
        "outcome": lambda: _outcome(found_rule, decision),
        "order": lambda: _order(found_rule, decision),
        "declared": lambda: _declared(found_rule, decision),
        "citations": lambda: _citations(found_rule, policy, decision),
        "missing": lambda: _missing(found_rule, decision),
        "messages": lambda: _messages(found_rule, decision),
        "amount": lambda: _amount(decision),
        "periods": lambda: _periods(found_rule, policy, found_case, decision, decide),
        "json": lambda: _json(policy, decision),
    }
    result: list[BrokenPromise] = []
    for promise in wanted:
        check = checks.get(promise)
        if check is not None:
            result.extend(broken(promise, check()))
    return decision, tuple(result)


# --- the Hypothesis runner ----------------------------------------------------------


def check_contract(
    rule: Rule | str,
    *,
    policy: Policy | None = None,
    promises: Iterable[str] = tuple(PROMISES),
    cases: "hypothesis.strategies.SearchStrategy[skillchain.comparison.Case] | None" = None,
    settings: "hypothesis.settings | None" = None,
    ignore: Callable[[BrokenPromise], bool] | None = None,
) -> dict[str, int]:
    """Check the contract on drawn cases of *rule*; raise at the first case that breaks it.

    Each case comes from *cases*; by default, half of them are drawn by
    :func:`skillchain.testing.strategies.cases` under *policy*, in each outcome the
    rule's recipe can build (:func:`~skillchain.testing.strategies.register_recipe`),
    and half by :func:`typed_cases`, which meet what no recipe builds.  Each case is
    checked with :func:`broken_promises`; when ``"errors"`` is among *promises*, the case
    is also decided with one of its arguments replaced by a value drawn from
    ``st.from_type(object)``, which must decide or raise a
    :class:`~skillchain.SkillchainError`.  Hypothesis shrinks a failing case before
    it is reported; shrinking can take minutes, since every step decides the case
    several times (leave ``Phase.shrink`` out of the settings' phases to skip it:
    the report lists every broken promise anyway).

    Args:
        rule: A registered rule or its id.
        policy: The policy the cases are decided under (the bundled one if None).
        promises: The names of the promises to check (default: all).
        cases: The strategy of cases to check.
        settings: Hypothesis settings for the run (default: the current profile).
        ignore: Says of a broken promise whether to let it pass (a known problem
            being fixed); every other one fails the run.

    Returns:
        How many of the drawn cases reached each outcome (``"refused"`` for those
        the rule refused with a library error), so a test can make sure the
        promises were checked on the outcomes it cares about.

    Raises:
        AssertionError: A case breaks a promise; the message lists the broken
            promises and explains the decision.
        ImportError: Hypothesis is not installed (``pip install skillchain[testing]``).
        UnknownRuleError: No rule is registered under that id.
        InvalidValueError: A name in *promises* is not a promise.

    Example:
        >>> from hypothesis import settings
        >>> from skillchain.testing.contract import check_contract
        >>> from skillchain.testing.strategies import cases
        >>> check_contract("apprenticeship.settlement",
        ...     promises=["outcome", "amount", "periods"],
        ...     cases=cases("apprenticeship.settlement", outcome="ineligible"),
        ...     settings=settings(max_examples=20, database=None))
        {'ineligible': 20}
    """
    from hypothesis import given
    from hypothesis import strategies as st

    found = as_rule(rule)
    wanted = _chosen(promises)
    used = Policy.default() if policy is None else policy
    drawn = (
        cases
        if cases is not None
        else st.one_of(_recipe_cases(found, used), typed_cases(found))
    )
    spoil = "errors" in wanted
    seen: dict[str, int] = {}

    @given(case=drawn, data=st.data())
    def contract(case: Case, data: st.DataObject) -> None:
        decision, found_broken = _examine(found, used, case, wanted)
        broken = list(found_broken)
        key = "refused" if decision is None else decision.outcome.value
        seen[key] = seen.get(key, 0) + 1
        if spoil and case.facts:
            argument = data.draw(st.sampled_from(sorted(case.facts)), label="argument")
            value = data.draw(st.from_type(object), label="wrong-typed value")
            spoiled = Case(
                name=f"{case.name}, {argument} of type {type(value).__name__}",
                on=case.on,
                facts={**case.facts, argument: value},
            )
            broken.extend(_examine(found, used, spoiled, ("errors",))[1])
        if ignore is not None:
            broken = [b for b in broken if not ignore(b)]
        if broken:
            _fail(found, used, case, broken)

    run = settings(contract) if settings is not None else contract
    run()
    return seen


def _recipe_cases(rule: Rule, policy: Policy) -> "SearchStrategy[Case]":
    """The rule's cases in each outcome its recipe can build (typed ones without one)."""
    from hypothesis import strategies as st

    from skillchain.testing.strategies import cases, recipe_for

    recipe = recipe_for(rule)
    if recipe is None:
        return typed_cases(rule)
    outcomes: list[WantedOutcome] = ["eligible"]
    if recipe.breaks:
        outcomes.append("ineligible")
    unknowns = (
        recipe.unknowns
        if recipe.unknowns is not None
        else tuple(f for c in rule.conditions if not c.advisory for f in c.facts)
    )
    if unknowns:
        outcomes.append("undetermined")
    return st.one_of(
        [cases(rule, policy=policy, outcome=outcome) for outcome in outcomes]
    )


def typed_cases(
    rule: Rule | str,
) -> "hypothesis.strategies.SearchStrategy[skillchain.comparison.Case]":
    """Cases of *rule* whose facts are drawn from the types of its arguments.

    Each argument but ``on`` and ``policy`` is drawn with ``st.from_type`` of its
    annotation (left out when it has a default and no annotation; an iterator
    drawn for an ``Iterable`` becomes a tuple, since a case is decided more than
    once), on a day from 2019 to 2030.  Unlike :func:`skillchain.testing.strategies.cases`, these cases
    aim at no outcome: most are undetermined or refused, and they meet the
    combinations of known and unknown facts a recipe does not build.  Each case is
    named ``"typed"``.  Needs the ``testing`` extra.

    Raises:
        UnknownRuleError: No rule is registered under that id.
    """
    from hypothesis import strategies as st

    found = as_rule(rule)
    hints = typing.get_type_hints(found.function)
    facts: dict[str, SearchStrategy[Any]] = {}
    for name, parameter in inspect.signature(found.function).parameters.items():
        if name in ("on", "policy") or parameter.kind in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            continue
        if name in hints:
            facts[name] = st.from_type(hints[name])
        elif parameter.default is inspect.Parameter.empty:
            facts[name] = st.none()
    return st.builds(
        lambda drawn, day: Case(name="typed", on=day, facts=_reusable(drawn)),
        st.fixed_dictionaries(facts),
        st.dates(date(2019, 1, 1), date(2030, 12, 31)),
    )


def _reusable(facts: Mapping[str, object]) -> dict[str, object]:
    """*facts* with each iterator drawn for an ``Iterable`` argument made a tuple.

    A case is decided more than once (again, under another policy): an iterator
    would be used up by the first decision.
    """
    return {
        name: tuple(value) if isinstance(value, Iterator) else value
        for name, value in facts.items()
    }


def _fail(rule: Rule, policy: Policy, case: Case, broken: list[BrokenPromise]) -> None:
    lines = [f"{rule.id} breaks {len(broken)} promise(s) of the contract:"]
    lines.extend(f"  - {b}" for b in broken[:_SHOWN])
    if len(broken) > _SHOWN:
        lines.append(f"  … and {len(broken) - _SHOWN} more")
    try:
        decision = rule.function(**case.facts, on=case.on, policy=policy)
    except Exception:  # noqa: BLE001, S110 - the case may be one the rule refuses
        pass
    else:
        lines.append("The decision:")
        lines.append(decision.explain("en"))
    raise AssertionError(redact("\n".join(lines)))
