"""The promises every registered rule keeps, on the example cases, variations and drawn cases.

**No silent fallback.** Taking any one parameter out of force never turns a case that
was not eligible into an eligible one; and a case that is still eligible without the
parameter did not rest on it (the rule never read a value of it in force).  An expired
figure never quietly becomes zero, empty or "not applicable".

**An undetermined decision names everything missing.**  Every name in ``missing`` is a
fact that is unknown in the input or a parameter the rule reads; and whatever, taken
away alone, is named missing, is still named when other facts and figures are missing
too: the rule does not stop at the first unknown.

**The contract** (:mod:`skillchain.testing.contract`).  Every rule, under the policy
its example case files use, keeps every promise of the kit's contract on drawn cases
of each outcome and on cases drawn from its argument types; so does a rule a
district registers.  A rule made to break one promise is caught, each promise by
its own broken rule.  The problems the contract found in the bundled rules are
listed in ``KNOWN`` and ``RAISES``, each with a case that still shows it.
"""

import itertools

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

from rule_cases import (
    CASES,
    ReadTrace,
    ancestors,
    decide,
    example_policy,
    lookup,
    nullable_facts,
    with_unknown,
    without,
)
from skillchain import Decision, Finding, InvalidValueError, Outcome, Policy
from skillchain.cases import CaseFile
from skillchain.comparison import Case
from skillchain.model import SubsidyClaim, SubsidyKind
from skillchain.rules import (
    Condition,
    Judge,
    Rule,
    RuleSource,
    get_rule,
    register,
    rules,
    unregister,
)
from skillchain.testing.contract import (
    PROMISES,
    BrokenPromise,
    broken_promises,
    check_contract,
    typed_cases,
)
from skillchain.testing.strategies import (
    CaseRecipe,
    Setting,
    WantedOutcome,
    at_least,
    below,
    cases,
    recipe_for,
    register_recipe,
    unregister_recipe,
)


ELIGIBLE = Outcome.ELIGIBLE
UNDETERMINED = Outcome.UNDETERMINED


def _fallback_problems(
    case: CaseFile, facts: dict[str, object], on: date
) -> tuple[Outcome, list[str]]:
    """Decide *case* with and without each parameter; return the problems found."""
    with ReadTrace() as trace:
        before = decide(case, facts, without(case.policy), on)
    problems: list[str] = []
    for name in case.rule.parameters:
        after = decide(case, facts, without(case.policy, (name,)), on)
        if after.outcome is not ELIGIBLE:
            continue
        if before.outcome is not ELIGIBLE:
            problems.append(
                f"{name} out of force turns {before.outcome.value} into eligible"
            )
        elif name in trace.read_by(before):
            problems.append(
                f"eligible without {name}, though the eligible decision read a value of "
                f"it in force (amount {before.amount} -> {after.amount}): either the "
                "rule falls back silently when it is missing, or it reads a figure the "
                "decision does not need (read it only where it is needed)"
            )
    return before.outcome, problems


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_silent_fallback_on_the_examples(case: CaseFile) -> None:
    _, problems = _fallback_problems(case, dict(case.facts), case.on)
    assert not problems, f"{case.rule.id}: {problems}"


def test_the_examples_reach_every_outcome_of_every_rule() -> None:
    """The fallback property sees eligible cases of every rule, not only refusals."""
    for rule in rules():
        outcomes = {
            decide(c, dict(c.facts), without(c.policy), c.on).outcome
            for c in CASES
            if c.rule is rule
        }
        assert ELIGIBLE in outcomes, rule.id
        assert outcomes - {ELIGIBLE}, rule.id


_DAYS = st.dates(date(2019, 1, 1), date(2027, 12, 31))


@st.composite
def _variations(draw: st.DrawFn) -> tuple[int, tuple[str, ...], date]:
    """An example case (by index) with some facts made unknown and, sometimes, another day.

    Drawn as small values (an index and paths) so a failing example prints short.
    """
    index = draw(st.integers(0, len(CASES) - 1))
    case = CASES[index]
    paths = nullable_facts(case.rule, case.facts)
    unknown = (
        draw(st.lists(st.sampled_from(paths), unique=True, max_size=3)) if paths else []
    )
    shift = draw(st.sampled_from([0, 0, -1, 1, 365, -365]) | st.integers(-900, 900))
    return index, tuple(unknown), case.on + timedelta(days=shift)


@given(_variations())
def test_no_silent_fallback_on_variations(
    variation: tuple[int, tuple[str, ...], date],
) -> None:
    index, unknown, on = variation
    case = CASES[index]
    note(f"{case.id}")
    facts = with_unknown(case.facts, unknown)
    outcome, problems = _fallback_problems(case, facts, on)
    event(f"outcome before: {outcome.value}")
    assert not problems, f"{case.rule.id}: {problems}"


def _names_are_sound(
    case: CaseFile, facts: dict[str, object], decision: Decision
) -> list[str]:
    """Names in *decision*'s missing that are neither unknown facts nor parameters read."""
    declared = set(case.rule.parameters)
    wrong: list[str] = []
    for name in decision.missing:
        if name in declared:
            continue
        found, value = lookup(case.rule, facts, name)
        if not found or value is not None:
            wrong.append(name)
    return wrong


def _missing_problems(
    case: CaseFile, facts: tuple[str, ...], parameters: tuple[str, ...], on: date
) -> tuple[Decision, list[str]]:
    """Take *facts* and *parameters* away together and one by one; compare the names."""
    combined_facts = with_unknown(case.facts, facts)
    # Only the facts the types let be unknown together are compared.
    facts = tuple(
        path for path in facts if lookup(case.rule, combined_facts, path)[1] is None
    )
    combined = decide(case, combined_facts, without(case.policy, parameters), on)
    problems = [
        f"names {name!r} missing, which is neither an unknown fact (named by its full "
        "path from the rule's fact arguments, as a JSON fact file spells it, e.g. "
        "'application.enterprise.size' or 'history[1].level') nor a parameter the "
        "rule declares"
        for name in _names_are_sound(case, combined_facts, combined)
    ]
    if combined.outcome is not UNDETERMINED:
        return combined, problems
    named = set(combined.missing)
    for path in facts:
        alone = decide(
            case, with_unknown(case.facts, (path,)), without(case.policy), on
        )
        # Naming an enclosing fact that is unknown too names this one.
        if path in alone.missing and not named.intersection((path, *ancestors(path))):
            problems.append(
                f"{path} is named missing when it alone is unknown, but not when "
                f"{facts + parameters} are unknown together (an early stop?)"
            )
    for name in parameters:
        alone = decide(case, dict(case.facts), without(case.policy, (name,)), on)
        if name in alone.missing and name not in named:
            problems.append(
                f"{name} is named missing when it alone is out of force, but not when "
                f"{facts + parameters} are unknown together (an early stop?)"
            )
    return combined, problems


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_everything_unknown_at_once_is_named(case: CaseFile) -> None:
    """Every fact unknown and every parameter out of force, together: all are named."""
    facts = nullable_facts(case.rule, case.facts)
    _, problems = _missing_problems(case, facts, case.rule.parameters, case.on)
    assert not problems, f"{case.rule.id}: {problems}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_unknown_fact_together_is_named(case: CaseFile) -> None:
    """Every fact unknown, the figures in force: every fact needed alone is named."""
    facts = nullable_facts(case.rule, case.facts)
    _, problems = _missing_problems(case, facts, (), case.on)
    assert not problems, f"{case.rule.id}: {problems}"


@st.composite
def _removals(
    draw: st.DrawFn,
) -> tuple[int, tuple[str, ...], tuple[str, ...], date]:
    index = draw(st.integers(0, len(CASES) - 1))
    case = CASES[index]
    paths = nullable_facts(case.rule, case.facts)
    facts = (
        draw(st.lists(st.sampled_from(paths), unique=True, max_size=4)) if paths else []
    )
    params = draw(
        st.lists(st.sampled_from(case.rule.parameters), unique=True, max_size=2)
        if case.rule.parameters
        else st.just([])
    )
    on = draw(st.just(case.on) | _DAYS)
    return index, tuple(facts), tuple(params), on


@given(_removals())
def test_no_early_stop_on_variations(
    removal: tuple[int, tuple[str, ...], tuple[str, ...], date],
) -> None:
    index, facts, params, on = removal
    case = CASES[index]
    note(f"{case.id} on {on}: unknown {facts}, out of force {params}")
    decision, problems = _missing_problems(case, facts, params, on)
    event(f"outcome: {decision.outcome.value}")
    assert not problems, f"{case.rule.id}: {problems}"


# --- the properties catch what they are about --------------------------------------


def _first(outcome: Outcome) -> CaseFile:
    return next(
        c
        for c in CASES
        if decide(c, dict(c.facts), without(c.policy), c.on).outcome is outcome
    )


def _stops_early(rule_function: Callable[..., Decision]) -> Callable[..., Decision]:
    """Wrap a rule so that its decision keeps only the first finding that misses."""
    import attrs

    def early_stop(*args: object, **kwargs: object) -> Decision:
        decision = rule_function(*args, **kwargs)
        kept: list[Finding] = []
        for finding in decision.findings:
            if finding.missing and any(f.missing for f in kept):
                continue
            kept.append(finding)
        shortened: Decision = attrs.evolve(decision, findings=tuple(kept))
        return shortened

    return early_stop


def test_a_rule_that_stops_at_the_first_unknown_is_caught() -> None:
    """A rule that names only its first unknown fails the early-stop check."""
    import attrs

    caught = 0
    for case in CASES:
        facts = nullable_facts(case.rule, case.facts)
        combined = decide(
            case, with_unknown(case.facts, facts), without(case.policy), case.on
        )
        if len([f for f in combined.findings if f.missing]) < 2:
            continue
        stopped = attrs.evolve(
            case,
            rule=attrs.evolve(case.rule, function=_stops_early(case.rule.function)),
        )
        _, honest = _missing_problems(case, facts, (), case.on)
        _, problems = _missing_problems(stopped, facts, (), case.on)
        assert not honest, honest
        caught += bool(problems)
    # Among the examples with two or more findings left undecided, most are caught.
    assert caught >= 10


def test_a_rule_that_falls_back_silently_is_caught() -> None:
    """A rule that keeps using a figure taken out of force fails the fallback check."""
    import attrs

    case = _first(ELIGIBLE)
    honest = case.rule.function
    full = without(case.policy)

    def falls_back(*args: object, **kwargs: object) -> Decision:
        kwargs["policy"] = full  # ignores the policy it is given
        return honest(*args, **kwargs)

    fallback = attrs.evolve(case, rule=attrs.evolve(case.rule, function=falls_back))
    _, honest_problems = _fallback_problems(case, dict(case.facts), case.on)
    _, problems = _fallback_problems(fallback, dict(case.facts), case.on)
    assert not honest_problems
    assert problems


# --- the contract of the testing kit, over every registered rule -----------------------

RULES = [rule.id for rule in rules()]
CONTRACT = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    # A broken promise is reported with all it needs; shrinking the case would decide
    # it hundreds of times more.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
Facts = dict[str, object]


def _unknown_claims(facts: Facts) -> Facts:
    """The enrolment with a claim whose occupation, level and payment are unknown."""
    claim = SubsidyClaim(kind=SubsidyKind.SKILL_UPGRADE, year=2024)
    enrolment = attrs.evolve(facts["enrolment"], claims=(claim,))  # type: ignore[misc]
    return {**facts, "enrolment": enrolment}


def _unknown_qualification(facts: Facts) -> Facts:
    """Every apprentice's certification unknown."""
    enrolments = facts["enrolments"]
    assert isinstance(enrolments, (list, tuple))
    return {
        **facts,
        "enrolments": [attrs.evolve(e, qualified=None) for e in enrolments],
    }


def _unknown_issuer(facts: Facts) -> Facts:
    """The certificate's issuing region and evaluator's filing unknown."""
    claim = facts["claim"]
    basis = attrs.evolve(
        claim.basis,  # type: ignore[attr-defined]
        evaluator_filed_with=None,
        issuer_division=None,
    )
    return {**facts, "claim": attrs.evolve(claim, basis=basis)}  # type: ignore[misc]


def _unknown_history(facts: Facts) -> Facts:
    """A history of one claim of the same kind and year, its occupation and level unknown."""
    claim = attrs.evolve(facts["claim"], occupation=None, level=None)  # type: ignore[misc]
    return {**facts, "history": (claim,)}


@attrs.frozen
class Known:
    """A promise a bundled rule breaks: reported, waiting for the rule to be fixed.

    Starting from the first example case of the rule whose id contains *example*,
    *change* builds facts that break the promise in a finding of one of *checks*.
    """

    rule: str
    promise: str
    checks: tuple[str, ...]
    change: Callable[[Facts], Facts] = lambda facts: facts
    example: str = ""

    def covers(self, broken: BrokenPromise) -> bool:
        """Whether *broken* is this problem (and may pass while it is known)."""
        return (
            broken.rule == self.rule
            and broken.promise == self.promise
            and (not self.checks or broken.detail.startswith(self.checks))
        )


KNOWN: tuple[Known, ...] = (
    # Missing names the rule's conditions do not declare (a form built from the
    # declarations would not ask for them).
    Known(
        "apprenticeship.apprentice",
        "missing",
        ("apprenticeship.apprentice.not_subsidised",),
        _unknown_claims,
    ),
    Known(
        "apprenticeship.case",
        "missing",
        ("apprenticeship.apprentice.not_subsidised",),
        _unknown_claims,
    ),
    Known(
        "apprenticeship.subsidy",
        "missing",
        ("apprenticeship.subsidy.qualified_count", "apprenticeship.subsidy.amount"),
        _unknown_qualification,
    ),
    Known(
        "experts.recommendation",
        "missing",
        ("experts.recommendation.place",),
        example="without a quota",
    ),
    Known(
        "rewards.high_skill",
        "missing",
        (
            "rewards.high_skill.honour",
            "rewards.high_skill.one_per_skill",
            "rewards.high_skill.top_up",
            "rewards.high_skill.amount",
        ),
        lambda facts: {**facts, "prior_rewards": None},
    ),
    Known(
        "rewards.occupational",
        "missing",
        ("rewards.occupational.top_level", "rewards.occupational.issuer"),
        _unknown_issuer,
        example="certificate",
    ),
    Known(
        "subsidy.cap",
        "missing",
        ("subsidy.cap.per_level", "subsidy.cap.ui_exclusive"),
        _unknown_history,
    ),
    # Plain integer arguments without bounds: a count beyond 2**53 - 1 is carried
    # into the findings, and the decision does not come back from JSON.
    Known(
        "ui_skill", "json", (), lambda facts: {**facts, "contribution_months": 2**60}
    ),
    Known(
        "ui_skill.case",
        "json",
        (),
        lambda facts: {**facts, "contribution_months": 2**60},
    ),
    Known(
        "apprenticeship.prepayment",
        "json",
        (),
        lambda facts: {**facts, "apprentices": 2**60},
    ),
    Known(
        "carriers.recognition",
        "json",
        (),
        lambda facts: {**facts, "annual_trainees": 2**60},
    ),
)
"""Promises the bundled rules break, each with a case that shows it."""

RAISES: dict[str, str] = {
    "apprenticeship.apprentice": "enrolment",
    "apprenticeship.case": "enrolment",
    "apprenticeship.enterprise": "enterprise",
    "apprenticeship.prepayment": "programme",
    "apprenticeship.programme": "programme",
    "apprenticeship.quota": "applications",
    "apprenticeship.settlement": "training_end",
    "apprenticeship.subsidy": "enrolments",
    "carriers.award": "applications",
    "carriers.recognition": "carrier",
    "chains.composition": "chain",
    "chains.leader": "application",
    "chains.subsidy_claim": "chain",
    "competitions.technical_expert": "results",
    "craftsman.promotion": "result",
    "craftsman.selection": "applications",
    "experts.recommendation": "person",
    "institutions.filing": "filing",
    "levels.application": "application",
    "rewards.high_skill": "claim",
    "rewards.occupational": "claim",
    "skill_upgrade": "certificate",
    "skill_upgrade.case": "certificate",
    "subsidy.cap": "claim",
    "ui_skill": "certificate",
    "ui_skill.case": "certificate",
}
"""The rules that raise Python's own errors (not the library's) on a fact of the
wrong type, with an argument that shows it: they are checked without ``"errors"``."""


def _example(rule_id: str, fragment: str = "") -> CaseFile:
    return next(c for c in CASES if c.rule.id == rule_id and fragment in c.id)


def _outcomes(rule_id: str) -> list[WantedOutcome]:
    """The outcomes the rule's recipe builds cases of."""
    recipe = recipe_for(rule_id)
    assert recipe is not None, f"no recipe for {rule_id}"
    found: list[WantedOutcome] = ["eligible"]
    if recipe.breaks:
        found.append("ineligible")
    deciding = [c for c in get_rule(rule_id).conditions if not c.advisory]
    if recipe.unknowns or (recipe.unknowns is None and any(c.facts for c in deciding)):
        found.append("undetermined")
    return found


@pytest.mark.parametrize("rule_id", RULES)
def test_every_rule_keeps_the_contract(rule_id: str) -> None:
    """Drawn cases of each outcome the rule's recipe builds, then cases drawn from the
    rule's argument types, keep every promise but the known problems.

    Each outcome is drawn on its own, so none is checked on too few cases.
    """
    known = [k for k in KNOWN if k.rule == rule_id]
    promises = [p for p in PROMISES if not (p == "errors" and rule_id in RAISES)]
    policy = example_policy(rule_id)
    outcomes = _outcomes(rule_id)
    assert {"eligible", "ineligible"} <= set(outcomes)
    for outcome in outcomes:
        seen = check_contract(
            rule_id,
            policy=policy,
            promises=promises,
            cases=cases(rule_id, policy=policy, outcome=outcome),
            settings=CONTRACT,
            ignore=lambda broken: any(k.covers(broken) for k in known),
        )
        assert seen.get(outcome, 0) > 0, seen
    check_contract(
        rule_id,
        policy=policy,
        promises=promises,
        cases=typed_cases(rule_id),
        settings=CONTRACT,
        ignore=lambda broken: any(k.covers(broken) for k in known),
    )


@pytest.mark.parametrize("known", KNOWN, ids=[f"{k.rule}-{k.promise}" for k in KNOWN])
def test_a_known_problem_still_shows(known: Known) -> None:
    """Each known problem still breaks its promise (once fixed, take it out of KNOWN)."""
    example = _example(known.rule, known.example)
    case = Case(name=example.id, on=example.on, facts=known.change(dict(example.facts)))
    broken = broken_promises(known.rule, example.policy, case)
    assert any(known.covers(b) for b in broken), broken


@pytest.mark.parametrize("rule_id", sorted(RAISES))
def test_a_rule_that_raises_on_a_wrong_type_still_does(rule_id: str) -> None:
    """On some example case of the rule, an ``object()`` for the argument raises
    Python's own error (once the rule refuses it with InvalidValueError, take the
    rule out of RAISES)."""
    found: list[BrokenPromise] = []
    for example in (c for c in CASES if c.rule.id == rule_id):
        facts = {**example.facts, RAISES[rule_id]: object()}
        case = Case(name=example.id, on=example.on, facts=facts)
        found.extend(
            broken_promises(rule_id, example.policy, case, promises=["errors"])
        )
    assert found
    assert {b.promise for b in found} == {"errors"}


def test_every_rule_not_listed_refuses_wrong_types_with_the_library_s_errors() -> None:
    """The rules outside RAISES keep ``"errors"`` in the contract test above."""
    assert set(RAISES) < set(RULES)
    assert set(RULES) - set(RAISES) == {
        "competitions.entry",
        "public_training.cantonese_chef_grant",
        "public_training.enrolment",
    }


# --- a rule a district registers ---------------------------------------------------

_SOURCE = RuleSource("mohrss-2021-39")
TERM = Condition(
    "mydistrict.grant.term",
    zh="劳动合同 {months} 个月，须不少于 {minimum} 个月",
    en="The contract runs {months} months; it must run at least {minimum}",
    facts=("months",),
    parameters=("apprenticeship.contract_min_months",),
    sources=(_SOURCE,),
)
EMPLOYED = Condition(
    "mydistrict.grant.employed",
    zh="在职：{employed}",
    en="Employed: {employed}",
    facts=("employed",),
    sources=(_SOURCE,),
)
FIRST_TIME = Condition(
    "mydistrict.grant.first_time",
    zh="首次申请：{first_time}",
    en="First application: {first_time}",
    facts=("first_time",),
    advisory=True,
)
PAID = Decimal(1000)


def _checked(name: str, value: object, kind: type) -> None:
    if value is None:
        return
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidValueError(
            field=name,
            problem=f"got a value of type {type(value).__name__}",
            expected=f"a {kind.__name__} or None",
        )
    if isinstance(value, int) and not 0 <= value <= 1200:
        raise InvalidValueError(
            field=name, problem=f"got {value}", expected="0 to 1200 months"
        )


def _decide(
    months: int | None,
    employed: bool | None,
    first_time: bool | None,
    *,
    on: date,
    policy: Policy | None,
    read_on: date | None = None,
) -> Decision:
    judge = Judge(policy if policy is not None else Policy.default(), on)
    minimum = judge.value(TERM, day=read_on)
    held = None if months is None or minimum is None else months >= minimum
    judge.record(
        TERM, held, (("months", months), ("minimum", minimum)), (months,), day=read_on
    )
    judge.record(EMPLOYED, employed, (("employed", employed),), (employed,))
    judge.record(FIRST_TIME, first_time, (("first_time", first_time),), (first_time,))
    return judge.decide(GRANT, amount=PAID)


def grant(
    months: int | None,
    employed: bool | None,
    first_time: bool | None = None,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """A made-up district grant: a contract of at least the minimum term, employed;
    a first application has priority."""
    _checked("months", months, int)
    _checked("employed", employed, bool)
    _checked("first_time", first_time, bool)
    return _decide(months, employed, first_time, on=on, policy=policy)


GRANT = Rule(
    id="mydistrict.grant",
    version="1",
    title_zh="示例补贴",
    title_en="Example grant",
    function=grant,
    sources=(_SOURCE,),
    conditions=(TERM, EMPLOYED, FIRST_TIME),
)
_MINIMUM = "apprenticeship.contract_min_months"


def _eligible(draw: st.DrawFn, setting: Setting) -> Facts:
    return {
        "months": draw(at_least(setting.value(_MINIMUM), most=1200)),
        "employed": True,
        "first_time": draw(st.none() | st.booleans()),
    }


def _short(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    return {**facts, "months": draw(below(setting.value(_MINIMUM), least=0))}


RECIPE = CaseRecipe(
    rule=GRANT.id,
    eligible=_eligible,
    breaks={
        TERM.check: _short,
        EMPLOYED.check: lambda _draw, _setting, facts: {**facts, "employed": False},
    },
)


@pytest.fixture
def district_rule() -> Iterator[Rule]:
    """The made-up grant registered with its recipe, for one test."""
    register(GRANT)
    register_recipe(RECIPE)
    try:
        yield GRANT
    finally:
        unregister_recipe(GRANT.id)
        unregister(GRANT.id)


ON = date(2024, 6, 1)
ELIGIBLE_CASE = Case(
    name="eligible", on=ON, facts={"months": 24, "employed": True, "first_time": True}
)
SHORT_CASE = Case(
    name="short contract",
    on=ON,
    facts={"months": 6, "employed": True, "first_time": True},
)
UNKNOWN_CASE = Case(
    name="term unknown",
    on=ON,
    facts={"months": None, "employed": True, "first_time": True},
)
SECOND_CASE = Case(
    name="second application",
    on=ON,
    facts={"months": 24, "employed": True, "first_time": False},
)


def test_a_rule_a_district_registers_keeps_the_contract(district_rule: Rule) -> None:
    """The contract runs over a district's own rule and its recipe: on its default
    cases, on each outcome drawn alone, and on hand-written cases."""
    assert _outcomes(district_rule.id) == ["eligible", "ineligible", "undetermined"]
    check_contract(district_rule.id, settings=CONTRACT)
    for outcome in _outcomes(district_rule.id):
        seen = check_contract(
            district_rule,
            cases=cases(district_rule, outcome=outcome),
            settings=CONTRACT,
        )
        assert seen.get(outcome, 0) > 0, seen
    for case in (ELIGIBLE_CASE, SHORT_CASE, UNKNOWN_CASE, SECOND_CASE):
        assert broken_promises(district_rule, Policy.default(), case) == ()


# --- a rule made to break each promise is caught -----------------------------------


def _findings(decision: Decision, change: Callable[[Finding], Finding]) -> Decision:
    """*decision* with *change* applied to its first finding."""
    first, *rest = decision.findings
    return attrs.evolve(decision, findings=(change(first), *rest))


def _after(change: Callable[[Decision], Decision]) -> Callable[..., Decision]:
    """The grant with *change* applied to every decision it makes."""

    def broken(*args: object, **kwargs: object) -> Decision:
        return change(grant(*args, **kwargs))  # type: ignore[arg-type]

    return broken


_CALLS = itertools.count()
_ELSEWHERE = next(doc for doc in Policy.default().documents if doc != _SOURCE.document)
TWO_TERMS = Policy.default().overlay(
    Policy.loads(
        """
[documents.test-two-terms]
title = "测试用劳动合同期限"
issuers = ["测试机关"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.contract_min_months"]
description_zh = "测试"
description_en = "test"
unit = "months"

[[parameters."apprenticeship.contract_min_months".values]]
since = 2024-01-01
until = 2024-12-31
value = 12
document = "test-two-terms"

[[parameters."apprenticeship.contract_min_months".values]]
since = 2025-01-01
value = 18
document = "test-two-terms"
""",
        name="two-terms.toml",
    )
)
"""A minimum term of 12 months in 2024 and 18 from 2025."""


def _reads_a_year_later(
    months: int | None,
    employed: bool | None,
    first_time: bool | None = None,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    return _decide(
        months,
        employed,
        first_time,
        on=on,
        policy=policy,
        read_on=on + timedelta(days=365),
    )


def _unchecked(
    months: int | None,
    employed: bool | None,
    first_time: bool | None = None,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    return _decide(months, employed, first_time, on=on, policy=policy)


def _counted(decision: Decision) -> Decision:
    return _findings(
        decision, lambda f: f._replace(values=(*f.values, ("call", next(_CALLS))))
    )


# A binary fraction among a finding's values: JSON carries no such value back.
_FLOAT: tuple[str, Any] = ("ratio", 0.5)


def _advisory_decides(decision: Decision) -> Decision:
    if any(f.held is False for f in decision.findings):
        return attrs.evolve(decision, outcome=Outcome.INELIGIBLE, amount=None)
    return decision


BROKEN: dict[str, tuple[Callable[..., Decision], Case, Policy]] = {
    "deterministic": (_after(_counted), ELIGIBLE_CASE, Policy.default()),
    "identified": (
        _after(lambda d: attrs.evolve(d, version="0")),
        ELIGIBLE_CASE,
        Policy.default(),
    ),
    "outcome": (
        _after(lambda d: attrs.evolve(d, outcome=Outcome.ELIGIBLE)),
        SHORT_CASE,
        Policy.default(),
    ),
    "outcome, advisory": (_after(_advisory_decides), SECOND_CASE, Policy.default()),
    "order": (
        _after(lambda d: attrs.evolve(d, findings=d.findings[::-1])),
        ELIGIBLE_CASE,
        Policy.default(),
    ),
    "declared": (
        _after(
            lambda d: attrs.evolve(
                d, findings=(*d.findings, Finding("mydistrict.grant.extra", True))
            )
        ),
        ELIGIBLE_CASE,
        Policy.default(),
    ),
    "citations": (
        _after(
            lambda d: _findings(
                d,
                lambda f: f._replace(
                    citations=(*f.citations, Policy.default().citation(_ELSEWHERE))
                ),
            )
        ),
        ELIGIBLE_CASE,
        Policy.default(),
    ),
    "missing": (
        _after(lambda d: _findings(d, lambda f: f._replace(missing=("salary",)))),
        UNKNOWN_CASE,
        Policy.default(),
    ),
    "missing, none named": (
        _after(lambda d: _findings(d, lambda f: f._replace(missing=()))),
        UNKNOWN_CASE,
        Policy.default(),
    ),
    "messages": (
        _after(lambda d: _findings(d, lambda f: f._replace(values=f.values[:1]))),
        ELIGIBLE_CASE,
        Policy.default(),
    ),
    "amount": (
        _after(lambda d: attrs.evolve(d, amount=PAID)),
        SHORT_CASE,
        Policy.default(),
    ),
    "periods": (_reads_a_year_later, SHORT_CASE, TWO_TERMS),
    "json": (
        _after(
            lambda d: _findings(d, lambda f: f._replace(values=(*f.values, _FLOAT)))
        ),
        ELIGIBLE_CASE,
        Policy.default(),
    ),
    "errors": (
        _unchecked,
        attrs.evolve(SHORT_CASE, facts={**SHORT_CASE.facts, "months": object()}),
        Policy.default(),
    ),
}
"""For each promise, a grant made to break it, a case it breaks it on and the policy."""


def test_every_promise_has_a_broken_rule() -> None:
    assert {name.partition(",")[0] for name in BROKEN} == set(PROMISES)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_rule_that_breaks_a_promise_is_caught(name: str) -> None:
    """The honest grant keeps every promise on the case; the broken one breaks the
    promise it was made to break."""
    function, case, policy = BROKEN[name]
    promise = name.partition(",")[0]
    broken_rule = attrs.evolve(GRANT, function=function)
    honest_case = (
        attrs.evolve(case, facts={**case.facts, "months": 6})
        if promise == "errors"
        else case
    )
    assert broken_promises(GRANT, policy, honest_case) == ()
    found = broken_promises(broken_rule, policy, case)
    assert promise in {b.promise for b in found}, found


def test_check_contract_reports_the_broken_promise(district_rule: Rule) -> None:
    """The runner fails on drawn cases of a rule that pays ineligible cases, naming
    the promise and the case."""
    function, _, _ = BROKEN["amount"]
    broken_rule = attrs.evolve(district_rule, function=function)
    with pytest.raises(AssertionError, match="broke 'amount' on ineligible: "):
        check_contract(
            broken_rule,
            cases=cases(district_rule.id, outcome="ineligible"),
            settings=CONTRACT,
        )
    check_contract(
        broken_rule,
        cases=cases(district_rule.id, outcome="ineligible"),
        settings=CONTRACT,
        ignore=lambda broken: broken.promise == "amount",
    )


def test_an_unknown_promise_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="no promise kept"):
        broken_promises(
            "apprenticeship.settlement",
            Policy.default(),
            ELIGIBLE_CASE,
            promises=["kept"],
        )


def test_typed_cases_draw_the_rule_s_arguments(district_rule: Rule) -> None:
    """Every argument but the day and the policy is drawn from its type."""

    @settings(CONTRACT, max_examples=20)
    @given(typed_cases(district_rule))
    def drawn(case: Case) -> None:
        assert case.name == "typed"
        assert set(case.facts) == {"months", "employed", "first_time"}
        assert all(v is None or isinstance(v, int) for v in case.facts.values())

    drawn()


def test_the_contract_imports_no_hypothesis_until_it_runs() -> None:
    """broken_promises works without Hypothesis: importing the module loads none."""
    import subprocess
    import sys

    code = (
        "import sys, skillchain.testing.contract\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
