"""The rule registry: every rule with its id, version, titles, sources and checks."""

import functools
import importlib
import itertools
import re
import string

from collections.abc import Callable
from typing import Any, Final, Literal, TypeAlias

import attrs

from skillchain._context import in_library_context
from skillchain._dates import DateRange
from skillchain._decision import (
    Decision,
    Message,
    forget_checks,
    is_advisory,
    message_for,
    register_advisory,
    register_messages,
)
from skillchain._errors import closest
from skillchain._redact import shorten
from skillchain._sources import Citation, Lang
from skillchain.errors import UnknownRuleError
from skillchain.policy import Policy, programmes, specs


__all__ = [
    "AllOf",
    "AnyOf",
    "Comparator",
    "Compares",
    "Condition",
    "Elapses",
    "Includes",
    "Mover",
    "ReadOn",
    "Remediable",
    "Requires",
    "Rule",
    "RuleSource",
    "Unremediable",
    "get_rule",
    "register",
    "rules",
    "unregister",
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


Comparator: TypeAlias = Literal[">=", ">", "<=", "<"]
"""How a quantity must compare with its bound for a condition to hold."""

Mover: TypeAlias = Callable[[Any, Any], Any]
"""Returns a fact changed so that its compared quantity equals a target:
``mover(fact, target) -> fact``."""


def _compare(comparator: str, value: Any, bound: Any) -> bool:
    if comparator == ">=":
        return bool(value >= bound)
    if comparator == ">":
        return bool(value > bound)
    if comparator == "<=":
        return bool(value <= bound)
    return bool(value < bound)


@attrs.frozen
class Compares:
    """A condition that compares a fact of the case with a bound from the policy.

    Declared as a :class:`Condition`'s :attr:`~Condition.remedy`, it says which
    fact the check reads, which of the finding's values hold that quantity and
    its bound, how they are compared (the condition holds when ``value
    <comparator> bound``) and the parameter the bound comes from.  A failed
    finding then yields the change that would make it hold
    (:class:`~skillchain.ReachBound`, see :func:`skillchain.remedies`).

    When the fact is a number or a day, the quantity is the fact itself.  When it
    is a record whose quantity is derived (the months of a labour contract from
    its first and last day), :attr:`mover` returns the record changed so that the
    quantity is a given target.

    Example:
        >>> from skillchain.rules import Compares
        >>> term = Compares("enrolment.contract", value="months", comparator=">=",
        ...     bound="minimum", parameter="apprenticeship.contract_min_months")
        >>> term.holds(12, 12), term.holds(11, 12)
        (True, False)
    """

    fact: str
    """The fact compared, as a dotted path of the rule's arguments (e.g.
    ``"enrolment.contract"``)."""
    value: str = attrs.field(kw_only=True)
    """The name of the finding's value holding the quantity compared (e.g. ``"months"``)."""
    comparator: Comparator = attrs.field(
        kw_only=True, validator=attrs.validators.in_((">=", ">", "<=", "<"))
    )
    """How the quantity must compare with the bound: ``">="``, ``">"``, ``"<="`` or ``"<"``."""
    bound: str | None = attrs.field(default=None, kw_only=True)
    """The name of the finding's value holding the bound (e.g. ``"minimum"``)."""
    parameter: str | None = attrs.field(default=None, kw_only=True)
    """The dotted name of the parameter the bound comes from (``None``: another
    fact of the case sets it, such as the claim day)."""
    limit: Any = attrs.field(default=None, kw_only=True)
    """A bound the source states in the condition's own sentence ("at least 1"),
    given instead of :attr:`bound` and :attr:`parameter`."""
    mover: Mover | None = attrs.field(default=None, kw_only=True, eq=False)
    """For a fact whose quantity is derived: ``mover(fact, target)`` returns the
    fact with its quantity at *target* (``None``: the fact is the quantity)."""

    def __attrs_post_init__(self) -> None:
        """Refuse both or neither of a finding's bound and a stated limit."""
        if (self.bound is None) == (self.limit is None) or (
            self.parameter is not None and self.bound is None
        ):
            msg = (
                f"Compares({self.fact!r}) takes bound= (a value of the finding, with "
                "parameter= when a figure of the policy sets it) or limit= (a bound "
                "the source states), not both or neither"
            )
            raise ValueError(msg)

    def holds(self, value: Any, bound: Any) -> bool:
        """Whether *value* compared with *bound* meets the condition."""
        return _compare(self.comparator, value, bound)

    def under(self, prefix: str) -> "Compares":
        """The same declaration with its fact under *prefix*."""
        return attrs.evolve(self, fact=f"{prefix}.{self.fact}")


@attrs.frozen
class Requires:
    """A condition that holds when a fact has a given value, or one of a parameter's.

    Declared as a :class:`Condition`'s :attr:`~Condition.remedy`: with
    :attr:`equals`, the fact must have that value (a yes/no fact, say); with
    :attr:`among`, it must be one of the values of that parameter (a set or
    tuple in the policy); with :attr:`outside`, none of them.  A failed finding
    then yields :class:`~skillchain.SetFact`.

    Example:
        >>> from skillchain.rules import Requires
        >>> Requires("enterprise.operating_normally", equals=True).equals
        True
    """

    fact: str
    """The fact, as a dotted path of the rule's arguments."""
    equals: Any = attrs.field(default=None, kw_only=True)
    """The value the fact must have (when neither :attr:`among` nor :attr:`outside`
    is given)."""
    among: str | None = attrs.field(default=None, kw_only=True)
    """A parameter whose values (a collection) the fact must be one of."""
    outside: str | None = attrs.field(default=None, kw_only=True)
    """A parameter whose values (a collection) the fact must not be one of."""
    key: str | None = attrs.field(default=None, kw_only=True)
    """With :attr:`among` or :attr:`outside`: a fact whose value picks the list
    out of the parameter's table (the sectors of one licence, the groups of one
    project); ``None``: the parameter's value is the list itself."""

    def __attrs_post_init__(self) -> None:
        """Refuse more than one of :attr:`among` and :attr:`outside`, or a value beside them."""
        given = [self.among is not None, self.outside is not None]
        if sum(given) > 1 or (any(given) and self.equals is not None):
            msg = (
                f"Requires({self.fact!r}) takes one of equals=, among= or outside=, "
                "not several"
            )
            raise ValueError(msg)
        if not any(given) and self.equals is None:
            msg = f"Requires({self.fact!r}) needs equals=, among= or outside="
            raise ValueError(msg)

    def under(self, prefix: str) -> "Requires":
        """The same declaration with its facts under *prefix*."""
        key = None if self.key is None else f"{prefix}.{self.key}"
        return attrs.evolve(self, fact=f"{prefix}.{self.fact}", key=key)


@attrs.frozen
class Includes:
    """A condition that holds when a list among the facts holds at least one item.

    Optionally the item must have a field set to a value (:attr:`where`): at
    least one apprentice qualified.  Declared as a :class:`Condition`'s
    :attr:`~Condition.remedy` when the source asks for "at least one" of
    something the applicant brings (a college in a chain, a qualified
    apprentice); a failed finding then yields :class:`~skillchain.AddItem`.

    Example:
        >>> from skillchain.rules import Includes
        >>> Includes("enrolments", where=("qualified", True)).where
        ('qualified', True)
    """

    fact: str
    """The list (or set), as a dotted path of the rule's arguments."""
    where: tuple[str, Any] | None = attrs.field(default=None, kw_only=True)
    """A field of the items and the value one item must have (``None``: any item)."""

    def under(self, prefix: str) -> "Includes":
        """The same declaration with its fact under *prefix*."""
        return attrs.evolve(self, fact=f"{prefix}.{self.fact}")


@attrs.frozen
class Elapses:
    """A condition that time alone can make hold: it holds once a day is late enough.

    Declared as a :class:`Condition`'s :attr:`~Condition.remedy` for a tenure, an
    age, a waiting period or a window that opens: moving :attr:`day` (a fact, or
    ``"on"`` for the evaluation day) later, with everything else unchanged, makes
    the condition hold from some day on, while the figures stay the same.  A failed
    finding then yields :class:`~skillchain.WaitUntil` with the earliest day on
    which every such condition of the case holds (see
    :func:`skillchain.earliest_day`).  A condition that holds for a while and
    fails again while the figures stay the same (a second ban on record that
    starts later) breaks that promise: the day may then be reported later than
    it is, or not found.

    Example:
        >>> from skillchain.rules import Elapses
        >>> Elapses("claim.claimed_on").day
        'claim.claimed_on'
    """

    day: str
    """The day that moves: a dotted path to a date fact, or ``"on"``."""

    def under(self, prefix: str) -> "Elapses":
        """The same declaration with its day under *prefix* (``"on"`` stays)."""
        if self.day == "on":
            return self
        return attrs.evolve(self, day=f"{prefix}.{self.day}")


@attrs.frozen(init=False)
class AnyOf:
    """A condition that holds when any one of several declarations does.

    The remedy offers each alternative (:class:`~skillchain.OneOf`), in order:
    an applicant needs only one.

    Example:
        >>> from skillchain.rules import AnyOf, Requires
        >>> len(AnyOf(Requires("person.registered_unemployed", equals=True),
        ...     Requires("person.hukou_division", among="skill_upgrade.region")).options)
        2
    """

    options: "tuple[Compares | Requires | Includes | Elapses, ...]"
    """The alternatives."""

    def __init__(
        self,
        *alternatives: "Compares | Requires | Includes | Elapses",
        options: "tuple[Compares | Requires | Includes | Elapses, ...] | None" = None,
    ) -> None:
        """Declare the alternatives, at least two (``options=`` takes them as a tuple)."""
        if alternatives and options is not None:
            msg = "AnyOf takes its alternatives as arguments or as options=, not both"
            raise ValueError(msg)
        given = tuple(alternatives) if options is None else tuple(options)
        if len(given) <= 1:
            msg = "AnyOf takes at least two declarations"
            raise ValueError(msg)
        self.__attrs_init__(given)

    def under(self, prefix: str) -> "AnyOf":
        """The same alternatives with their facts under *prefix*."""
        return AnyOf(*(option.under(prefix) for option in self.options))


@attrs.frozen(init=False)
class AllOf:
    """A condition that holds when every one of several declarations does.

    The remedy names each part that fails (the lower and the upper bound of a
    planned duration are two comparisons; a legal-person enterprise of the
    district is a list and a flag): only the failing ones are proposed, or all
    when which fails cannot be told.

    Example:
        >>> from skillchain.rules import AllOf, Requires
        >>> len(AllOf(Requires("enterprise.registered_division", among="rewards.region"),
        ...     Requires("enterprise.independent_legal_person", equals=True)).parts)
        2
    """

    parts: "tuple[Compares | Requires | Includes, ...]"
    """The declarations that must all hold."""

    def __init__(
        self,
        *declared: "Compares | Requires | Includes",
        parts: "tuple[Compares | Requires | Includes, ...] | None" = None,
    ) -> None:
        """Declare the parts, at least two (``parts=`` takes them as a tuple)."""
        if declared and parts is not None:
            msg = "AllOf takes its parts as arguments or as parts=, not both"
            raise ValueError(msg)
        given = tuple(declared) if parts is None else tuple(parts)
        if len(given) <= 1:
            msg = "AllOf takes at least two declarations"
            raise ValueError(msg)
        self.__attrs_init__(given)

    def under(self, prefix: str) -> "AllOf":
        """The same parts with their facts under *prefix*."""
        return AllOf(*(part.under(prefix) for part in self.parts))


@attrs.frozen
class Unremediable:
    """A condition whose failure nothing the applicant does can repair, and why.

    Declared as a :class:`Condition`'s :attr:`~Condition.remedy` for an exclusion
    (a subsidy already paid, a plan already joined) or a place already taken by
    others: a failed finding of it then says so
    (:class:`~skillchain.NotRemediable`) instead of proposing a change.  Like the
    condition's own sentences, :attr:`zh` and :attr:`en` are ``str.format``
    templates over the finding's values.

    Example:
        >>> from skillchain.rules import Unremediable
        >>> Unremediable("此前已享受补贴", "a subsidy was already paid").en
        'a subsidy was already paid'
    """

    zh: str
    """Why it cannot be repaired, in Chinese (one clause; a template)."""
    en: str
    """Why it cannot be repaired, in English (one clause; a template)."""

    def under(self, prefix: str) -> "Unremediable":  # noqa: ARG002 - reads no fact
        """The same declaration: it names no fact."""
        return self


Remediable: TypeAlias = (
    Compares | Requires | Includes | Elapses | AnyOf | AllOf | Unremediable
)
"""What a condition may declare about repairing a failed finding of it."""


_SERIALS: Final = itertools.count()


def _message(condition: "Condition") -> Message | None:
    if condition.zh is None or condition.en is None:
        return None
    return Message(zh=condition.zh, en=condition.en)


@attrs.frozen(cache_hash=True)
class Condition:
    """One check a rule may emit: the single declaration of everything about it.

    A condition says what its finding is called (:attr:`check`), how it reads in
    Chinese and English (:attr:`zh`, :attr:`en`: ``str.format`` templates over the
    finding's values), which policy parameters it compares (:attr:`parameters`), the
    documents it rests on besides those parameters' own (:attr:`sources`), which
    facts of the case it reads (:attr:`facts`) and whether it is advisory.  The
    rule's parameters, its messages, the citations and the missing names of every
    finding are derived from it: a rule records a finding with one call,
    :meth:`~skillchain.rules.Judge.record`.

    The documents behind a finding are of two kinds: those the condition itself
    comes from (:attr:`sources`, e.g. "not on the dishonest-enterprise list" from a
    service guide), and those behind the figures it compares (the dated values of
    :attr:`parameters`, each citing a document).  A finding cites both, as the
    policy it is judged under has them on the day the figures are read.

    Example:
        >>> from skillchain.rules import Condition, RuleSource
        >>> term = Condition("apprenticeship.apprentice.contract_term",
        ...     zh="劳动合同期限 {months} 个月，须不少于 {minimum} 个月",
        ...     en="The labour contract runs {months} months; it must run at least "
        ...     "{minimum} months",
        ...     facts=("enrolment.contract",),
        ...     parameters=("apprenticeship.contract_min_months",),
        ...     sources=(RuleSource("mohrss-2021-39"),))
        >>> term.parameters
        ('apprenticeship.contract_min_months',)
    """

    check: str
    """The check id, as the rule's findings carry it."""
    zh: str | None = attrs.field(default=None, kw_only=True)
    """The Chinese sentence of the finding (a ``str.format`` template over its values)."""
    en: str | None = attrs.field(default=None, kw_only=True)
    """The English sentence of the finding."""
    parameters: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    """The dotted names of the policy parameters the check reads."""
    sources: tuple[RuleSource, ...] = attrs.field(default=(), kw_only=True)
    """The documents (and articles) the condition rests on besides its parameters'."""
    facts: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    """The facts the check reads, as dotted paths of the rule's arguments (e.g.
    ``"enrolment.contract"``): an unknown one is named in the finding's missing
    names."""
    advisory: bool = attrs.field(default=False, kw_only=True)
    """Whether the condition is advisory: an "in principle" or priority condition
    whose miss lowers a case's priority but never rejects it (see
    :attr:`~skillchain.Decision.advisories`)."""
    read_on: ReadOn | None = attrs.field(default=None, kw_only=True)
    """The day the condition's parameters are read on, when it is not the evaluation
    day ``on`` (``None``: the evaluation day)."""
    remedy: Remediable | None = attrs.field(default=None, kw_only=True)
    """What would repair a failed finding of the condition: the comparison it makes
    (:class:`Compares`), the value a fact must have (:class:`Requires`), the day
    that must come (:class:`Elapses`), alternatives (:class:`AnyOf`), or that
    nothing the applicant does can (:class:`Unremediable`).  From it
    :func:`skillchain.remedies` derives the remedy; ``None`` declares nothing
    (a failed finding then gets :class:`~skillchain.NotDerived`)."""
    serial: int = attrs.field(
        init=False, factory=lambda: next(_SERIALS), eq=False, repr=False
    )
    """A number no other condition object has: the key the judge's caches use."""

    @property
    def message(self) -> Message | None:
        """The condition's zh/en sentence templates (``None`` if it declares none)."""
        return _message(self)

    def only(self, *parameters: str) -> "Condition":
        """The condition as one finding reads it: resting on *parameters* alone.

        Some findings read only part of what their condition declares (the figure
        of one category, or none of the figures when the facts settle the check):
        recorded with this, the finding cites, counts the provenance of and names
        as missing only those figures.  Pass names taken from :attr:`parameters`
        (e.g. ``COND.parameters[:1]``); the same selection gives the same object.

        Raises:
            ValueError: A name is not among the condition's parameters.

        Example:
            >>> from skillchain.rules import Condition
            >>> both = Condition("demo.both", parameters=(
            ...     "apprenticeship.apprentice_exclusions",
            ...     "apprenticeship.enterprise_region"))
            >>> both.only(*both.parameters[:1]).parameters
            ('apprenticeship.apprentice_exclusions',)
            >>> both.only() is both.only()
            True
        """
        return _only(self, parameters)

    def under(self, prefix: str) -> "Condition":
        """The same condition with its fact paths (and read-on day) under *prefix*.

        A rule that combines others holds their subjects deeper among its own
        facts (the programme of an enrolment is ``enrolment.programme``): it
        declares their conditions under that path, and the findings are the same.

        Example:
            >>> from skillchain.rules import Condition
            >>> Condition("demo.start", facts=("programme.start",)).under(
            ...     "enrolment").facts
            ('enrolment.programme.start',)
        """
        read_on = self.read_on
        if read_on is not None:
            read_on = ReadOn(f"{prefix}.{read_on.day}", read_on.why)
        remedy = self.remedy
        if remedy is not None:
            remedy = remedy.under(prefix)
        return attrs.evolve(
            self,
            facts=tuple(f"{prefix}.{name}" for name in self.facts),
            read_on=read_on,
            remedy=remedy,
        )


@functools.lru_cache(maxsize=1 << 12)  # 4 096 selections
def _only(condition: Condition, parameters: tuple[str, ...]) -> Condition:
    stray = [name for name in parameters if name not in condition.parameters]
    if stray:
        msg = (
            f"condition {condition.check!r} does not declare {stray}; "
            f"it declares {list(condition.parameters)}"
        )
        raise ValueError(msg)
    return attrs.evolve(condition, parameters=parameters)


def _in_library_context(function: Callable[..., Decision]) -> Callable[..., Decision]:
    return in_library_context(function)


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: a pure function and the conditions it records.

    Everything else about a rule is derived from its conditions: the parameters it
    reads (:attr:`~skillchain.rules.Rule.parameters`), the checks it may emit
    (:attr:`~skillchain.rules.Rule.checks`), the
    messages of its findings and the documents they cite.
    """

    id: str
    """A stable dotted id whose first part is the programme's key, e.g.
    ``"apprenticeship.enterprise"``."""
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
    conditions: tuple[Condition, ...]
    """One entry per check the rule may emit, in the order it emits them."""
    retired: tuple[Condition, ...] = ()
    """Conditions of earlier versions the rule no longer records, kept so decisions
    stored under those versions still explain themselves."""

    @property
    def checks(self) -> tuple[str, ...]:
        """The ids of the checks the rule may emit, in the order it emits them."""
        return tuple(condition.check for condition in self.conditions)

    @property
    def parameters(self) -> tuple[str, ...]:
        """The dotted names of the policy parameters the rule's conditions read."""
        return tuple(
            dict.fromkeys(name for c in self.conditions for name in c.parameters)
        )

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

        Its sources are those of the parts, each once, in order; its conditions are
        the parts' in order unless *conditions* says otherwise.

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
            conditions=(
                conditions
                if conditions is not None
                else tuple(c for part in parts for c in part.conditions)
            ),
            retired=tuple(dict.fromkeys(c for part in parts for c in part.retired)),
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
# The condition each check id is declared by, across every registered rule: one
# check id, one declaration.
_CONDITIONS: dict[str, Condition] = {}
_ID: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


def _remedy_parameters(remedy: Remediable | None) -> list[str]:
    """The parameters a remedy declaration names."""
    if isinstance(remedy, AnyOf):
        return [
            name for option in remedy.options for name in _remedy_parameters(option)
        ]
    if isinstance(remedy, AllOf):
        return [name for part in remedy.parts for name in _remedy_parameters(part)]
    if isinstance(remedy, Compares):
        return [] if remedy.parameter is None else [remedy.parameter]
    if isinstance(remedy, Requires):
        return [name for name in (remedy.among, remedy.outside) if name is not None]
    return []


def _structure_problems(rule: Rule) -> list[str]:
    """What is wrong with *rule*'s id, conditions and parameters (empty if fine)."""
    problems: list[str] = []
    if not _ID.fullmatch(rule.id):
        problems.append(
            "its id must be lower-case words joined by dots, the first the programme's key "
            "(e.g. 'apprenticeship.enterprise')"
        )
    every = (*rule.conditions, *rule.retired)
    wrong = [c for c in every if not isinstance(c, Condition)]  # type: ignore[redundant-expr]
    if wrong:
        return [*problems, f"conditions must be Condition objects, got {wrong!r:.200}"]
    ids = [condition.check for condition in every]
    repeated = sorted({check for check in ids if ids.count(check) > 1})
    if repeated:
        problems.append(f"checks with more than one condition {repeated}")
    unexplained = [
        c.check for c in every if c.message is None and message_for(c.check) is None
    ]
    if unexplained:
        problems.append(f"conditions without zh and en messages {unexplained}")
    for condition in every:
        remedy = condition.remedy
        unremediable = remedy if isinstance(remedy, Unremediable) else None
        for lang, template in (
            ("zh", condition.zh),
            ("en", condition.en),
            ("zh remedy", unremediable.zh if unremediable is not None else None),
            ("en remedy", unremediable.en if unremediable is not None else None),
        ):
            if template is not None:
                problem = _template_problem(template)
                if problem:
                    problems.append(f"{condition.check} ({lang}): {problem}")
    stray = [
        f"{c.check} ({name})"
        for c in every
        for name in _remedy_parameters(c.remedy)
        if name not in c.parameters
    ]
    if stray:
        problems.append(
            f"remedies naming a parameter their condition does not declare {stray}"
        )
    known = specs()
    unknown = [n for c in every for n in c.parameters if n not in known]
    if unknown:
        problems.append(
            f"unknown parameters {unknown} (declare them in a parameter group first)"
        )
    clashing = [
        c.check
        for c in every
        if (declared := _CONDITIONS.get(c.check)) is not None
        and _declared(declared) != _declared(c)
    ]
    if clashing:
        problems.append(
            f"checks already declared differently by another rule {clashing}"
        )
    undeclared_advisory = [
        c.check for c in rule.conditions if not c.advisory and is_advisory(c.check)
    ]
    if undeclared_advisory:
        problems.append(
            f"checks registered as advisory elsewhere {undeclared_advisory}"
        )
    return problems


def _declared(condition: Condition) -> tuple[object, ...]:
    """What must agree between two rules declaring one check (not their fact paths)."""
    return (
        condition.zh,
        condition.en,
        condition.parameters,
        condition.sources,
        condition.advisory,
    )


def _template_problem(template: str) -> str | None:
    """Why *template* is not a usable ``str.format`` template (``None``: it is)."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template)]
    except ValueError as error:
        return f"not a format template ({error})"
    bad = [name for name in fields if name is not None and not name.isidentifier()]
    if bad:
        return f"placeholders must be plain names, got {bad}"
    return None


def register(rule: Rule) -> Rule:
    """Add *rule* to the registry and return it (rule modules call this at import).

    The rule's conditions are the single declaration of its checks: registering
    the rule registers their messages and marks the advisory ones (see
    :attr:`~skillchain.Finding.advisory`).  Registering the same rule again is
    harmless, and so is its module's declaring it again when imported anew.  A rule that fails any check below is refused whole: nothing of it is
    registered and every other rule stays usable.

    Raises:
        ValueError: The id is not dotted lower-case words or is taken by another
            rule, a rule from outside the library cites a document the default
            policy's register does not hold, a check has more than one condition or no zh/en message, a
            message is not a format template, a parameter is not one a parameter
            group declares, a check is declared differently by another rule, or a
            deciding condition's check is registered as advisory by another rule.
    """
    if not isinstance(rule, Rule):
        msg = f"register() takes a Rule, got a {type(rule).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    if not _bundled(rule):
        # Checked against every bundled rule, not only those imported so far.
        _load_bundled()
    known = _RULES.get(rule.id)
    if known is not None and known != rule and not _reloaded(known, rule):
        msg = f"rule id {rule.id!r} is already registered"
        raise ValueError(msg)
    problems = _structure_problems(rule)
    if not problems and not _bundled(rule):
        unknown = unknown_documents(rule)
        if unknown:
            problems.append(
                f"it cites documents not in the policy's register: {', '.join(unknown)}; "
                "expected the id of a document in a registered programme's data file"
            )
    if problems:
        msg = f"rule {shorten(rule.id)!r} is refused: {'; '.join(problems)}"
        raise ValueError(msg)
    every = (*rule.conditions, *rule.retired)
    register_messages({c.check: m for c in every if (m := c.message) is not None})
    register_advisory(c.check for c in every if c.advisory)
    for condition in every:
        _CONDITIONS.setdefault(condition.check, condition)
    _RULES[rule.id] = rule
    return rule


def unregister(rule_id: str) -> Rule:
    """Remove the rule registered as *rule_id* and return it.

    The checks no other registered rule declares are forgotten with it (their
    messages and advisory marks), so a corrected version can be registered
    afterwards.  Meant for tests and for a district developing its own rules; the
    library's own rules can be removed too, for the rest of the process.

    Raises:
        UnknownRuleError: No rule has that id.
    """
    rule = get_rule(rule_id)
    del _RULES[rule_id]
    still = {
        c.check
        for other in _RULES.values()
        for c in (*other.conditions, *other.retired)
    }
    gone = [c.check for c in (*rule.conditions, *rule.retired) if c.check not in still]
    for check in gone:
        _CONDITIONS.pop(check, None)
    forget_checks(gone)
    return rule


def _reloaded(known: Rule, rule: Rule) -> bool:
    """Whether *rule* is *known* declared again by its module imported anew."""

    def origin(function: Callable[..., Decision]) -> tuple[object, object]:
        inner = getattr(function, "__wrapped__", function)
        return getattr(inner, "__module__", None), getattr(inner, "__qualname__", None)

    return attrs.evolve(known, function=rule.function) == rule and origin(
        known.function
    ) == origin(rule.function)


def _bundled(rule: Rule) -> bool:
    """Whether *rule* is one of the library's own (its documents are checked by its tests).

    The bundled policy is data, read on first use and never at import, so the
    library's own rules are not checked against it as they register; a rule of
    any other package is checked against the default policy at once.
    """
    module = getattr(rule.function, "__module__", None) or ""
    return module.startswith("skillchain.rules.")


def rule_documents(rule: Rule) -> dict[str, str]:
    """Register id -> where *rule* cites it (``"sources"`` or a check id)."""
    found: dict[str, str] = {}
    for source in rule.sources:
        found.setdefault(source.document, "sources")
    for condition in (*rule.conditions, *rule.retired):
        for source in condition.sources:
            found.setdefault(source.document, condition.check)
    return found


def unknown_documents(rule: Rule, policy: Policy | None = None) -> list[str]:
    """The documents *rule* cites that *policy*'s register (default: bundled) lacks.

    Each entry names the document and where the rule cites it; an empty list means
    every document is registered.
    """
    register_ids = (policy if policy is not None else Policy.default()).documents
    return [
        f"{doc_id!r} (in {where})"
        for doc_id, where in rule_documents(rule).items()
        if doc_id not in register_ids
    ]


# Whether every bundled rule module has been imported (see _load_bundled).
_ALL_LOADED: list[bool] = [False]


def _bundled_modules() -> dict[str, str]:
    """Programme key -> the bundled module that registers its rules."""
    return {
        programme.key: programme.rules
        for programme in programmes()
        if programme.rules is not None and programme.rules.startswith(f"{__package__}.")
    }


def _load_bundled() -> None:
    """Import every bundled rule module the programme table names (once).

    Rule modules are imported on first need: a rule's module when
    :func:`get_rule` is asked for it or one of its names is taken from
    :mod:`skillchain.rules`, and all of them before :func:`rules` lists them or a
    rule from outside the library is registered (so that it is checked against
    every bundled check).  A table entry whose module is missing fails here.
    """
    if _ALL_LOADED[0]:
        return
    for module in _bundled_modules().values():
        importlib.import_module(module)
    _ALL_LOADED[0] = True


def rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by id."""
    _load_bundled()
    return tuple(_RULES[key] for key in sorted(_RULES))


def get_rule(rule_id: str) -> Rule:
    """Return the rule registered as *rule_id*.

    A bundled rule's module is imported on first need, named by the id's first
    segment (``apprenticeship.case`` -> ``skillchain.rules.apprenticeship``).

    Raises:
        UnknownRuleError: No rule has that id; the message names the closest ids.
    """
    found = _RULES.get(rule_id)
    if found is None:
        module = _bundled_modules().get(rule_id.partition(".")[0])
        if module is not None:
            importlib.import_module(module)
            found = _RULES.get(rule_id)
    if found is None:
        _load_bundled()
        found = _RULES.get(rule_id)
    if found is None:
        shown = shorten(rule_id)
        close = closest(shown, _RULES)
        hint = f"; closest: {', '.join(close)}" if close else ""
        msg = f"no rule {shown!r}{hint}"
        raise UnknownRuleError(msg)
    return found
