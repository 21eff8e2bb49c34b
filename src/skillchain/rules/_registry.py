"""The rule registry: every rule with its id, version, titles, sources and checks."""

from collections.abc import Callable

import attrs

from skillchain._context import in_library_context
from skillchain._dates import DateRange
from skillchain._decision import (
    Decision,
    is_advisory,
    message_for,
    register_advisory,
)
from skillchain._errors import closest
from skillchain._redact import shorten
from skillchain._sources import Citation, Lang
from skillchain.errors import UnknownRuleError
from skillchain.policy import Policy, specs


__all__ = [
    "Condition",
    "ReadOn",
    "Rule",
    "RuleSource",
    "get_rule",
    "register",
    "rules",
]


@attrs.frozen
class RuleSource:
    """A document (by register id) and article a rule as a whole rests on."""

    document: str
    """The register id of the document."""
    article: str | None = None
    """The article or item, where known."""


@attrs.frozen
class ReadOn:
    """The day on which a condition's figures are read, when it is not the evaluation day.

    Most figures are those in force on the day a case is judged (``on``).  Some
    sources tie a figure to another day of the case instead: the contribution
    requirement of the certificate's year, the rates of the day a claim was made.
    Declaring it lets the rule page say which day resolves which figure, and why.

    Example:
        >>> from skillchain.rules import ReadOn
        >>> ReadOn("certificate.issued_on",
        ...     "the relaxation is for certificates obtained in that year").day
        'certificate.issued_on'
    """

    day: str
    """The fact (a dotted path to a date, e.g. ``"certificate.issued_on"``) whose day
    resolves the condition's parameters."""
    why: str
    """Why that day, from the source (English, one clause)."""


@attrs.frozen
class Condition:
    """One check a rule may emit, and what it rests on.

    The documents behind a check are of two kinds: those the condition itself comes
    from (:attr:`sources`, e.g. "not on the dishonest-enterprise list" from a service
    guide), and those behind the figures it compares (:attr:`parameters`, whose dated
    values each cite a document).  :meth:`Rule.citations_for` puts the two together
    under a given policy.

    Example:
        >>> from skillchain.rules import Condition, RuleSource
        >>> Condition("apprenticeship.apprentice.contract_term",
        ...     parameters=("apprenticeship.contract_min_months",),
        ...     sources=(RuleSource("mohrss-2021-39"),)).parameters
        ('apprenticeship.contract_min_months',)
    """

    check: str
    """The check id, as the rule's findings carry it."""
    parameters: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    """The dotted names of the policy parameters the check reads."""
    sources: tuple[RuleSource, ...] = attrs.field(default=(), kw_only=True)
    """The documents (and articles) the condition rests on besides its parameters'."""
    advisory: bool = attrs.field(default=False, kw_only=True)
    """Whether the condition is advisory: an "in principle" or priority condition
    whose miss lowers a case's priority but never rejects it (the rule records it
    with :meth:`~skillchain.rules.Judge.advise`; see
    :attr:`~skillchain.Decision.advisories`)."""
    read_on: ReadOn | None = attrs.field(default=None, kw_only=True)
    """The day the condition's parameters are read on, when it is not the evaluation
    day ``on`` (``None``: the evaluation day)."""


def _in_library_context(function: Callable[..., Decision]) -> Callable[..., Decision]:
    return in_library_context(function)


def _check_ids(rule: "Rule") -> tuple[str, ...]:
    return tuple(condition.check for condition in rule.conditions)


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: a pure function and what it is about.

    Every check id a rule may emit has a registered zh/en message and a
    :class:`Condition` naming the parameters it reads and the documents it rests on,
    and every policy parameter the rule reads is declared, so the documentation, the
    command line and the tests can list them.
    """

    id: str
    """A stable dotted id, e.g. ``"apprenticeship.enterprise"``."""
    version: str
    """The rule's version: it changes when the rule's logic changes."""
    title_zh: str
    """The title in Chinese."""
    title_en: str
    """The title in English."""
    function: Callable[..., Decision] = attrs.field(converter=_in_library_context)
    """The pure function that decides: ``(facts…, *, on, policy) -> Decision``.

    It always computes under the library's own :mod:`decimal` context, whatever the
    caller's: a function given here that does not already do so is wrapped to."""
    sources: tuple[RuleSource, ...]
    """The documents the rule as a whole rests on."""
    parameters: tuple[str, ...]
    """The dotted names of the policy parameters the rule reads."""
    conditions: tuple[Condition, ...]
    """One entry per check the rule may emit, in the order it emits them."""
    checks: tuple[str, ...] = attrs.field(
        default=attrs.Factory(_check_ids, takes_self=True)
    )
    """The ids of the checks (findings) the rule may emit, in the order it emits them
    (by default, those of :attr:`conditions`)."""

    @classmethod
    def combining(
        cls,
        *parts: "Rule",
        id: str,  # noqa: A002 - the field's name
        version: str,
        title_zh: str,
        title_en: str,
        function: Callable[..., Decision],
        conditions: tuple[Condition, ...] | None = None,
    ) -> "Rule":
        """A rule that records the conditions of several *parts* in one decision.

        Its sources and parameters are those of the parts, each once, in order; its
        conditions are the parts' in order unless *conditions* says otherwise (a
        part whose figures the combined rule reads on another day, say).

        Example:
            >>> from skillchain.rules import ANNUAL_CAP_RULE, SKILL_UPGRADE_RULE, Rule
            >>> both = Rule.combining(SKILL_UPGRADE_RULE, ANNUAL_CAP_RULE,
            ...     id="demo.both", version="1", title_zh="示例", title_en="Demo",
            ...     function=SKILL_UPGRADE_RULE.function)
            >>> len(both.conditions) == (len(SKILL_UPGRADE_RULE.conditions)
            ...     + len(ANNUAL_CAP_RULE.conditions))
            True
        """
        return cls(
            id=id,
            version=version,
            title_zh=title_zh,
            title_en=title_en,
            function=function,
            sources=tuple(dict.fromkeys(s for part in parts for s in part.sources)),
            parameters=tuple(
                dict.fromkeys(name for part in parts for name in part.parameters)
            ),
            conditions=(
                conditions
                if conditions is not None
                else tuple(c for part in parts for c in part.conditions)
            ),
        )

    def title(self, lang: Lang = "zh") -> str:
        """The title in *lang*."""
        return self.title_zh if lang == "zh" else self.title_en

    def citations(self, policy: Policy | None = None) -> tuple[Citation, ...]:
        """The rule's sources as citations of *policy*'s register (default: bundled)."""
        register = policy if policy is not None else Policy.default()
        return tuple(register.citation(s.document, s.article) for s in self.sources)

    def condition(self, check: str) -> Condition:
        """The condition registered for *check*.

        Raises:
            KeyError: The rule has no such check; the message lists the ones it has.
        """
        for condition in self.conditions:
            if condition.check == check:
                return condition
        msg = f"rule {self.id!r} has no check {check!r}; its checks: {', '.join(self.checks)}"
        raise KeyError(msg)

    def citations_for(
        self, check: str, policy: Policy | None = None
    ) -> tuple[Citation, ...]:
        """The documents (with article) the condition *check* rests on under *policy*.

        First the condition's own :attr:`~Condition.sources`, as citations of
        *policy*'s register; then, for each parameter the condition reads, in order,
        the citation of each of its dated values in *policy* (default: the bundled
        policy).  Each document-and-article pair appears once.  A finding the rule
        emits for *check* under *policy* cites only citations listed here (the
        registry tests check this on the example cases and on generated ones).

        A parameter with no value in *policy* (one the district supplies) adds
        nothing: an overlay that supplies it adds its document.

        Raises:
            KeyError: The rule has no such check, or a source is not in *policy*'s
                register.

        Example:
            >>> from skillchain.rules import get_rule
            >>> rule = get_rule("apprenticeship.apprentice")
            >>> [c.label("en") for c in rule.citations_for(
            ...     "apprenticeship.apprentice.not_subsidised")]  # doctest: +NORMALIZE_WHITESPACE
            ['Shenzhen measures for implementing the enterprise new-type apprenticeship
              (深人社规〔2019〕11号)',
             'Luohu district service guide: enterprise new-type apprenticeship training
              and subsidy claims (period in force inferred)']
        """
        condition = self.condition(check)
        register = policy if policy is not None else Policy.default()
        found: dict[tuple[str, str | None], Citation] = {}
        for source in condition.sources:
            found.setdefault(
                (source.document, source.article),
                register.citation(source.document, source.article),
            )
        for name in condition.parameters:
            param = register.parameters.get(name)
            for value in param.values if param is not None else ():
                citation = value.citation
                if citation is not None:
                    found.setdefault((citation.document.id, citation.article), citation)
        return tuple(found.values())

    def in_force(self, policy: Policy | None = None) -> DateRange | None:
        """The span of days on which *policy* gives the rule's parameters values.

        Precisely: from the first day on which any parameter the rule reads
        (:attr:`parameters`) has a value in *policy* (default: the bundled policy) to
        the last such day, open-ended (``end`` is ``None``) when any such value is.
        ``None`` when no parameter the rule reads has any value.

        It is the hull of the parameters' dated values, not a guarantee: inside it
        one parameter may still have no value on some days (it starts later, ends
        earlier, or is left for the district to supply), and a check that needs it
        is then *undetermined* on those days.  Outside it every figure the rule
        reads is missing.  The documents' own dates do not enter it.

        Example:
            >>> from skillchain.rules import get_rule
            >>> get_rule("subsidy.cap").in_force()
            DateRange(start=datetime.date(2023, 11, 15), end=datetime.date(2025, 12, 31))
            >>> get_rule("apprenticeship.apprentice").in_force()
            DateRange(start=datetime.date(2019, 12, 19), end=None)
        """
        register = policy if policy is not None else Policy.default()
        periods = [
            value.period
            for name in self.parameters
            if (param := register.parameters.get(name)) is not None
            for value in param.values
            if value.period is not None
        ]
        if not periods:
            return None
        ends = [period.end for period in periods if period.end is not None]
        last = max(ends) if len(ends) == len(periods) else None
        return DateRange(min(period.start for period in periods), last)


_RULES: dict[str, Rule] = {}
# Rules whose document ids are not yet checked against the bundled register: the
# policy is data, read on first use and never at import, so the check waits for the
# first listing or look-up.
_UNCHECKED: list[Rule] = []


def _structure_problems(rule: Rule) -> list[str]:
    """What is wrong with *rule*'s checks, conditions and parameters (empty if fine)."""
    problems: list[str] = []
    unexplained = [check for check in rule.checks if message_for(check) is None]
    if unexplained:
        problems.append(f"no message registered for checks {unexplained}")
    unknown = [name for name in rule.parameters if name not in specs()]
    if unknown:
        problems.append(f"unknown parameters {unknown}")
    ids = [condition.check for condition in rule.conditions]
    repeated = sorted({check for check in ids if ids.count(check) > 1})
    if repeated:
        problems.append(f"checks with more than one condition {repeated}")
    uncovered = [check for check in rule.checks if check not in ids]
    if uncovered:
        problems.append(f"checks without a condition {uncovered}")
    stray = [check for check in ids if check not in rule.checks]
    if stray:
        problems.append(f"conditions for checks the rule does not list {stray}")
    read = {name for condition in rule.conditions for name in condition.parameters}
    undeclared = sorted(read - set(rule.parameters))
    if undeclared:
        problems.append(
            f"conditions read parameters not in the rule's parameters {undeclared}"
        )
    unread = [name for name in rule.parameters if name not in read]
    if unread:
        problems.append(f"parameters no condition reads {unread}")
    clashing = [
        condition.check
        for condition in rule.conditions
        if not condition.advisory and is_advisory(condition.check)
    ]
    if clashing:
        problems.append(f"checks registered as advisory elsewhere {clashing}")
    return problems


def register(rule: Rule) -> Rule:
    """Add *rule* to the registry and return it (rule modules call this at import).

    Every check must have exactly one :class:`Condition`, every parameter a condition
    reads must be among the rule's declared :attr:`~Rule.parameters` (and each
    declared parameter read by some condition), and every declared parameter must be
    one the policy declares.  The checks of advisory conditions are marked
    advisory for every decision (see :attr:`~skillchain.Finding.advisory`).
    The documents the rule and its conditions cite are
    checked against the bundled register when the registry is first listed or looked
    up (:func:`rules`, :func:`get_rule`), since the policy data is never read at
    import.

    Raises:
        ValueError: The id is taken by another rule, a check has no registered
            message or no condition (or more than one), a condition names a check
            the rule does not list, a parameter is not one the policy declares, a
            condition reads a parameter the rule does not declare (or the reverse),
            or a deciding condition's check is registered as advisory by another
            rule.
    """
    known = _RULES.get(rule.id)
    if known is not None and known != rule:
        msg = f"rule id {rule.id!r} is already registered"
        raise ValueError(msg)
    problems = _structure_problems(rule)
    if problems:
        msg = f"rule {rule.id!r}: {'; '.join(problems)}"
        raise ValueError(msg)
    register_advisory(c.check for c in rule.conditions if c.advisory)
    if known is None:
        _UNCHECKED.append(rule)
    _RULES[rule.id] = rule
    return rule


def _rule_documents(rule: Rule) -> dict[str, str]:
    """Register id -> where *rule* cites it (``sources`` or a check id)."""
    found: dict[str, str] = {}
    for source in rule.sources:
        found.setdefault(source.document, "sources")
    for condition in rule.conditions:
        for source in condition.sources:
            found.setdefault(source.document, condition.check)
    return found


def _check_documents() -> None:
    """Check the documents of newly registered rules against the bundled register.

    Raises:
        ValueError: A rule or one of its conditions cites a document the bundled
            register does not hold.
    """
    if not _UNCHECKED:
        return
    register_ids = Policy.default().documents
    for rule in tuple(_UNCHECKED):
        unknown = [
            f"{doc_id!r} (in {where})"
            for doc_id, where in _rule_documents(rule).items()
            if doc_id not in register_ids
        ]
        if unknown:
            msg = (
                f"rule {rule.id!r} cites documents not in the bundled register: "
                f"{', '.join(unknown)}; expected the id of a document registered in "
                "the policy's documents file"
            )
            raise ValueError(msg)
        _UNCHECKED.remove(rule)


def rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by id.

    Raises:
        ValueError: A registered rule cites a document the bundled register does
            not hold.
    """
    _check_documents()
    return tuple(_RULES[key] for key in sorted(_RULES))


def get_rule(rule_id: str) -> Rule:
    """Return the rule registered as *rule_id*.

    Raises:
        KeyError: No rule has that id; the message names the closest ids.
        ValueError: A registered rule cites a document the bundled register does
            not hold.
    """
    _check_documents()
    found = _RULES.get(rule_id)
    if found is None:
        shown = shorten(rule_id)
        close = closest(shown, _RULES)
        hint = f"; closest: {', '.join(close)}" if close else ""
        msg = f"no rule {shown!r}{hint}"
        raise UnknownRuleError(msg)
    return found
