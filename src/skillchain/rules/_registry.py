"""The rule registry: every rule with its id, version, titles, sources and checks."""

from collections.abc import Callable

import attrs

from skillchain._decision import Decision, message_for
from skillchain._errors import closest
from skillchain._sources import Citation, Lang
from skillchain.policy import Policy, specs


__all__ = ["Rule", "RuleSource", "get_rule", "register", "rules"]


@attrs.frozen
class RuleSource:
    """A document (by register id) and article a rule as a whole rests on."""

    document: str
    """The register id of the document."""
    article: str | None = None
    """The article or item, where known."""


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: a pure function and what it is about.

    Every check id a rule may emit has a registered zh/en message, and every policy
    parameter it reads is declared, so the documentation, the command line and the
    tests can list them.
    """

    id: str
    """A stable dotted id, e.g. ``"apprenticeship.enterprise"``."""
    version: str
    """The rule's version: it changes when the rule's logic changes."""
    title_zh: str
    """The title in Chinese."""
    title_en: str
    """The title in English."""
    function: Callable[..., Decision]
    """The pure function that decides: ``(facts…, *, on, policy) -> Decision``."""
    sources: tuple[RuleSource, ...]
    """The documents the rule as a whole rests on."""
    parameters: tuple[str, ...]
    """The dotted names of the policy parameters the rule reads."""
    checks: tuple[str, ...]
    """The ids of the checks (findings) the rule may emit, in the order it emits them."""

    def title(self, lang: Lang = "zh") -> str:
        """The title in *lang*."""
        return self.title_zh if lang == "zh" else self.title_en

    def citations(self, policy: Policy | None = None) -> tuple[Citation, ...]:
        """The rule's sources as citations of *policy*'s register (default: bundled)."""
        register = policy if policy is not None else Policy.default()
        return tuple(register.citation(s.document, s.article) for s in self.sources)


_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add *rule* to the registry and return it (rule modules call this at import).

    Raises:
        ValueError: The id is taken by another rule, a check has no registered
            message, or a parameter is not one the policy declares.
    """
    known = _RULES.get(rule.id)
    if known is not None and known != rule:
        msg = f"rule id {rule.id!r} is already registered"
        raise ValueError(msg)
    unexplained = [check for check in rule.checks if message_for(check) is None]
    if unexplained:
        msg = f"rule {rule.id!r}: no message registered for checks {unexplained}"
        raise ValueError(msg)
    unknown = [name for name in rule.parameters if name not in specs()]
    if unknown:
        msg = f"rule {rule.id!r}: unknown parameters {unknown}"
        raise ValueError(msg)
    _RULES[rule.id] = rule
    return rule


def rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by id."""
    return tuple(_RULES[key] for key in sorted(_RULES))


class UnknownRuleError(KeyError):
    """No rule has the id asked for (the message names the closest ids)."""

    def __str__(self) -> str:
        return str(self.args[0])


def get_rule(rule_id: str) -> Rule:
    """Return the rule registered as *rule_id*.

    Raises:
        KeyError: No rule has that id; the message names the closest ids.
    """
    found = _RULES.get(rule_id)
    if found is None:
        close = closest(rule_id, _RULES)
        hint = f"; closest: {', '.join(close)}" if close else ""
        msg = f"no rule {rule_id!r}{hint}"
        raise UnknownRuleError(msg)
    return found
