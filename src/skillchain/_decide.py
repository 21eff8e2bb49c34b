"""Deciding a rule from JSON-shaped facts: what a portal or another system sends.

:func:`decide` reads a rule's facts from the mapping ``json.loads`` gives, with the
same reader case files and populations use, and calls the rule's function with
them.  Every problem with the facts is reported at once, by JSON path, in one
:class:`~skillchain.InputError`.
"""

from collections.abc import Mapping
from datetime import date, datetime

from skillchain._decision import Decision
from skillchain._facts import fact_reader
from skillchain._redact import shorten
from skillchain.errors import InputError, InputProblem, InvalidValueError
from skillchain.policy import Policy
from skillchain.rules import Rule, get_rule


__all__ = ["decide"]


def _kind(value: object) -> str:
    """What *value* is, in JSON terms, for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    return f"a value of type {type(value).__name__}"


def decide(
    rule: Rule | str,
    facts: object,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide *rule* on *facts* sent as JSON, on the day *on*, under *policy*.

    *facts* is the object ``json.loads`` gives for the rule's facts: one key per
    keyword argument of the rule's function other than ``on`` and ``policy``
    (:func:`skillchain.serialization.rule_facts` lists them, and
    :func:`skillchain.serialization.facts_schema` gives their JSON Schema).
    Values are written as :func:`skillchain.serialization.structure` reads them:
    amounts as strings such as ``"5500.00"``, dates as ``"2024-01-31"``, enums by
    value.  A fact that may be unknown is ``null`` or left out; a fact with a
    default may be left out.  The decision is the one the rule's function gives
    on the same facts built in Python.

    Args:
        rule: A registered rule's id (``"apprenticeship.case"``) or a
            :class:`~skillchain.rules.Rule`.
        facts: The rule's facts, JSON-shaped (dicts, lists, strings, integers,
            booleans and ``null``).
        on: The evaluation day.
        policy: The policy to decide under (default: the bundled policy).

    Raises:
        InputError: The facts are not an object, or some are malformed, missing or
            unknown, or the rule refuses how they fit together; every problem is
            listed with its JSON path (``enrolment.person.id``,
            ``enrolments[2].programme``; the empty path for the whole object).
        UnknownRuleError: *rule* is an id no rule has (the message names the
            closest ids).
        TypeError: *rule*, *on* or *policy* is not of the type asked for.

    Example:
        >>> import json
        >>> from datetime import date
        >>> import skillchain
        >>> sent = json.loads('{"entitlement": "140000.00", "prepaid": "56000.00", '
        ...                   '"training_end": "2025-09-01"}')
        >>> decision = skillchain.decide("apprenticeship.settlement", sent,
        ...                              on=date(2025, 10, 8))
        >>> decision.outcome.value, decision.amount
        ('eligible', Decimal('84000.00'))

        Every problem is reported at once, each at its JSON path:

        >>> sent = {"entitlement": 140000.5, "prepayd": "56000.00"}
        >>> try:
        ...     skillchain.decide("apprenticeship.settlement", sent, on=date(2025, 10, 8))
        ... except skillchain.InputError as error:
        ...     print([problem.path for problem in error.problems])
        ['prepayd', 'entitlement', 'prepaid']
    """
    found = _rule(rule)
    _check_arguments(on, policy)
    problems: list[InputProblem] = []

    def report(path: str, message: str) -> None:
        problems.append(InputProblem(path=path, message=message))

    structured: dict[str, object] = {}
    if not isinstance(facts, Mapping):
        report("", f"expected an object of {found.id}'s facts, got {_kind(facts)}")
    else:
        named: dict[str, object] = {}
        for key, value in facts.items():
            if isinstance(key, str):
                named[key] = value
            else:
                report("", f"a key must be a string, got {shorten(repr(key))}")
        structured = fact_reader(found).structure(named, "", report, shape=False)
    if problems:
        raise InputError(problems)
    chosen = policy if policy is not None else Policy.default()
    try:
        return found.function(**structured, on=on, policy=chosen)
    except InvalidValueError as refused:
        # The rule refuses facts that do not fit together (an enrolment of another
        # programme, an application listed twice); its field is the facts' path.
        raise InputError(
            [
                InputProblem(
                    path=refused.field,
                    message=f"{refused.problem}; expected {refused.expected}",
                )
            ]
        ) from None


def _check_arguments(on: object, policy: object) -> None:
    """Refuse an *on* that is not a plain date and a *policy* that is not a Policy."""
    if not isinstance(on, date) or isinstance(on, datetime):
        msg = f"on must be a datetime.date, got {type(on).__name__}"
        raise TypeError(msg)
    if policy is not None and not isinstance(policy, Policy):
        msg = f"policy must be a skillchain.Policy or None, got {type(policy).__name__}"
        raise TypeError(msg)


def _rule(rule: object) -> Rule:
    """The rule *rule* names (an id is looked up in the registry)."""
    if isinstance(rule, Rule):
        return rule
    if isinstance(rule, str):
        return get_rule(rule)
    msg = (
        f"rule must be a rule id or a skillchain.rules.Rule, got {type(rule).__name__}"
    )
    raise TypeError(msg)
