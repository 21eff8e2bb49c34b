"""A reform's decision taken from the baseline's: always the decision full evaluation gives.

:class:`skillchain._reuse.Reuse` says a case is decided alike under two policies when
the reform resolves every parameter the rule reads as the baseline does, on every
day the rule reads it for the case.  Here, for every registered rule, drawn cases of
every outcome are decided under a baseline and under reforms made to catch it out:
one parameter the rule reads re-cited, given another of its values, taken out of
force, or split in two alike, from a drawn day (often the very day a condition reads
it, or the day after), and a parameter the rule does not read changed.  Whenever a
case is said to be decided alike, the baseline's decision under the reform's
fingerprint equals the reform's own, field by field and as JSON; and both answers
are seen for every rule.

The days the judge reads each condition's figures on are traced too, and every day
a policy is resolved on: every read falls on the day the condition declares
(``read_on``), but for the conditions :data:`skillchain._reuse.READS_AROUND` lists,
whose parameters are never taken to be read alike once a reform changes them.
"""

import collections
import contextlib
import inspect

from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rule_cases import example_policy
from skillchain import (
    Citation,
    DateRange,
    Decision,
    Policy,
    Provenance,
    SkillchainError,
)
from skillchain._reuse import READS_AROUND, Reuse, reading_window
from skillchain.comparison import Case
from skillchain.rules import CASE_RULE, Judge, Rule, get_rule, rules
from skillchain.serialization import make_converter
from skillchain.simulation import simulate, synthetic_apprentices
from skillchain.testing.strategies import REFORM_DOCUMENT, cases


RULES = [rule.id for rule in rules()]
OVERLAYS = Path(__file__).parent.parent / "examples" / "overlays"

REUSE = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)

KINDS = ("recite", "other value", "out of force", "split alike", "not read")
"""How a drawn reform changes the baseline."""


# --- reforms built value by value ----------------------------------------------------


def _day_before(day: date) -> date:
    return day - timedelta(days=1)


def _clipped(values: tuple[Any, ...], first: date, last: date | None) -> list[Any]:
    """*values* with the days from *first* to *last* (inclusive) taken out."""
    kept = []
    for value in values:
        period = value.period
        if period is None:
            kept.append(value)
            continue
        end = period.end
        if (end is not None and end < first) or (
            last is not None and period.start > last
        ):
            kept.append(value)
            continue
        if period.start < first:
            kept.append(
                attrs.evolve(value, period=DateRange(period.start, _day_before(first)))
            )
        if last is not None and (end is None or end > last):
            kept.append(
                attrs.evolve(value, period=DateRange(last + timedelta(days=1), end))
            )
    return kept


def _with_history(base: Policy, name: str, values: list[Any]) -> Policy:
    parameters = dict(base.parameters)
    parameters[name] = attrs.evolve(
        base.parameters[name],
        values=tuple(
            sorted(values, key=lambda v: v.period.start if v.period else date.min)
        ),
    )
    return Policy(
        documents={**base.documents, REFORM_DOCUMENT.id: REFORM_DOCUMENT},
        parameters=parameters,
        sources=(*base.sources, f"reform of {name}"),
    )


def _reformed(
    base: Policy, name: str, kind: str, first: date, last: date | None
) -> Policy:
    """*base* with parameter *name* changed from *first* to *last* as *kind* says."""
    values = tuple(base.parameters[name].values)
    in_force = base.parameters[name].at(first)
    if not in_force.known:
        in_force = next(v for v in values if v.value is not None)
    cover = DateRange(first, last)
    if kind == "split alike":
        # The same value, citation and provenance, in two pieces split at *first*.
        period = in_force.period
        if (
            period is None
            or period.start >= first
            or (period.end is not None and period.end < first)
        ):
            return base
        kept = [v for v in values if v is not in_force]
        kept.append(
            attrs.evolve(in_force, period=DateRange(period.start, _day_before(first)))
        )
        kept.append(attrs.evolve(in_force, period=DateRange(first, period.end)))
        return _with_history(base, name, kept)
    kept = _clipped(values, first, last)
    if kind == "recite":
        kept.append(
            attrs.evolve(
                in_force,
                period=cover,
                citation=Citation(document=REFORM_DOCUMENT),
                provenance=Provenance.UNVERIFIED,
            )
        )
    elif kind == "other value":
        others = [
            v for v in values if v.value is not None and v.value != in_force.value
        ]
        if not others:
            return base
        kept.append(attrs.evolve(others[0], period=cover))
    return _with_history(base, name, kept)


def _days(rule: Rule, name: str, case: Case) -> list[date]:
    """The days the rule reads *name* on for *case*, their next days, and the case's day."""
    found = {case.on, case.on + timedelta(days=1)}
    for condition in rule.conditions:
        if name in condition.parameters:
            window = reading_window(rule, condition, case.facts, case.on)
            if window is not None:
                first, last = window
                found |= {first, last, last + timedelta(days=1)}
    return sorted(day for day in found if date(1900, 1, 2) <= day <= date(9998, 1, 1))


@st.composite
def _reform(
    draw: st.DrawFn, rule: Rule, base: Policy, case: Case
) -> tuple[str, Policy]:
    kind = draw(st.sampled_from(KINDS))
    read = [
        n for n in rule.parameters if n in base.parameters and base.parameters[n].values
    ]
    if kind == "not read" or not read:
        others = sorted(
            n
            for n in base.parameters
            if n not in rule.parameters and base.parameters[n].values
        )
        name = draw(st.sampled_from(others))
        first = draw(st.dates(date(2015, 1, 1), date(2032, 12, 31)))
        return "not read", _reformed(base, name, "recite", first, None)
    name = draw(st.sampled_from(read))
    first = draw(
        st.sampled_from(_days(rule, name, case))
        | st.dates(date(2015, 1, 1), date(2032, 12, 31))
    )
    last = draw(st.none() | st.dates(first, first + timedelta(days=800)))
    return kind, _reformed(base, name, kind, first, last)


# --- the property -------------------------------------------------------------------


def _decide(rule: Rule, case: Case, policy: Policy) -> Decision | None:
    try:
        return rule.function(**case.facts, on=case.on, policy=policy)
    except SkillchainError:
        return None


@pytest.mark.parametrize("rule_id", RULES)
def test_a_reused_decision_is_the_full_evaluation(rule_id: str) -> None:
    rule = get_rule(rule_id)
    base = example_policy(rule_id)
    converter = make_converter(policy=base)
    seen: collections.Counter[str] = collections.Counter()

    @REUSE
    @given(st.data())
    def check(data: st.DataObject) -> None:
        case = data.draw(cases(rule, policy=base), label="case")
        kind, reform = data.draw(_reform(rule, base, case), label="reform")
        before = _decide(rule, case, base)
        after = _decide(rule, case, reform)
        reuse = Reuse(rule, base, reform)
        if not reuse.same(case.facts, case.on):
            seen["decided in full"] += 1
            return
        seen["reused"] += 1
        seen[f"reused: {kind}"] += 1
        # Alike reads cannot raise under one policy only.
        assert (before is None) == (after is None)
        if before is None or after is None:
            return
        reused = reuse.reformed(before)
        assert reused == after
        assert converter.unstructure(reused) == converter.unstructure(after)

    check()
    assert seen["reused"] > 0, dict(seen)
    assert seen["decided in full"] > 0, dict(seen)


# --- the days the judge reads figures on ---------------------------------------------


_RESOLVED = "a policy resolved on another day"


@contextlib.contextmanager
def _reads() -> Iterator[list[tuple[str, date]]]:
    """Every (check, day) a judge reads a condition's figures on, while active."""
    found: list[tuple[str, date]] = []
    originals = {
        name: getattr(Judge, name) for name in ("value", "values", "record", "rounded")
    }

    def traced(name: str) -> Callable[..., Any]:
        original = originals[name]
        signature = inspect.signature(original)

        def read(judge: Judge, condition: Any, *args: Any, **kwargs: Any) -> Any:
            given = signature.bind(judge, condition, *args, **kwargs).arguments
            day = given.get("day")
            found.append((condition.check, judge.on if day is None else day))
            return original(judge, condition, *args, **kwargs)

        return read

    resolve = Policy.at

    def at(policy: Policy, day: date) -> Any:
        found.append((_RESOLVED, day))
        return resolve(policy, day)

    for name in originals:
        setattr(Judge, name, traced(name))
    Policy.at = at  # type: ignore[method-assign,assignment]
    try:
        yield found
    finally:
        for name, original in originals.items():
            setattr(Judge, name, original)
        Policy.at = resolve  # type: ignore[method-assign]


def _off_day(rule: Rule, case: Case, reads: list[tuple[str, date]]) -> set[str]:
    """The checks read on a day their condition does not declare for *case*.

    A policy resolved on a day (by the judge, or by the rule itself) that is
    neither the evaluation day nor a day some condition reads on counts as
    :data:`_RESOLVED`.
    """
    off = set()
    windows = [
        reading_window(rule, condition, case.facts, case.on)
        for condition in rule.conditions
        if condition.parameters
    ]
    for check, day in reads:
        if check == _RESOLVED:
            if day != case.on and not any(
                window is None or window[0] <= day <= window[1] for window in windows
            ):
                off.add(check)
            continue
        condition = rule.condition(check)
        if not condition.parameters:
            continue
        window = reading_window(rule, condition, case.facts, case.on)
        if window is not None and not window[0] <= day <= window[1]:
            off.add(check)
    return off


@pytest.mark.parametrize("rule_id", RULES)
def test_figures_are_read_on_the_declared_days(rule_id: str) -> None:
    rule = get_rule(rule_id)
    base = example_policy(rule_id)

    @REUSE
    @given(cases(rule, policy=base))
    def check(case: Case) -> None:
        # A fresh policy: no figures a judge remembers from an earlier case.
        policy = Policy(
            documents=base.documents, parameters=base.parameters, sources=base.sources
        )
        with _reads() as reads:
            _decide(rule, case, policy)
        around = {c.check for c in rule.conditions} & READS_AROUND
        allowed = READS_AROUND | ({_RESOLVED} if around else set())
        assert _off_day(rule, case, reads) <= allowed

    check()


def test_the_retirement_check_reads_around_its_declared_day() -> None:
    """Why it is listed: it names the birth date, but reads the original age on the
    day of registration and the delay on the original retirement date (and the
    first days of the delay's whole history)."""
    rule = get_rule("competitions.entry")
    base = example_policy(rule.id)
    case = next(
        c
        for c in _examples(rule, base)
        if "competitions.entry.retirement" in _checks(rule, c, base)
    )
    fresh = Policy(
        documents=base.documents, parameters=base.parameters, sources=base.sources
    )
    with _reads() as reads:
        _decide(rule, case, fresh)
    born = case.facts["entry"].person.birth_date  # type: ignore[attr-defined]
    days = {day for check, day in reads if check == "competitions.entry.retirement"}
    assert days
    assert born not in days
    assert "competitions.entry.retirement" in READS_AROUND


def _examples(rule: Rule, base: Policy) -> Iterator[Case]:
    found: list[Case] = []

    @settings(max_examples=20, database=None, deadline=None, phases=[Phase.generate])
    @given(cases(rule, policy=base, outcome="eligible"))
    def collect(case: Case) -> None:
        found.append(case)

    collect()
    return iter(found)


def _checks(rule: Rule, case: Case, policy: Policy) -> set[str]:
    decision = _decide(rule, case, policy)
    return set() if decision is None else {f.check for f in decision.findings}


# --- the conservative answers ----------------------------------------------------------


def test_a_rule_without_conditions_is_never_reused() -> None:
    bare = attrs.evolve(CASE_RULE, id="demo.bare", conditions=())
    base = Policy.default()
    assert Reuse(bare, base, base).never


def test_a_reform_changing_nothing_is_always_reused() -> None:
    base = Policy.default()
    copy = Policy(
        documents=base.documents, parameters=base.parameters, sources=base.sources
    )
    assert Reuse(CASE_RULE, base, copy).always


def test_a_changed_figure_read_on_an_unknown_day_is_decided_in_full() -> None:
    """The refund window is read on the day training ends: unknown, any day will do."""
    rule = get_rule("apprenticeship.settlement")
    base = Policy.default()
    later = _reformed(
        base,
        "apprenticeship.settlement_refund_months",
        "recite",
        date(2030, 1, 1),
        None,
    )
    reuse = Reuse(rule, base, later)
    assert not reuse.always
    assert not reuse.never
    facts = {"entitlement": Decimal("56000.00"), "prepaid": Decimal("60000.00")}
    assert reuse.same({**facts, "training_end": date(2025, 9, 1)}, date(2025, 10, 8))
    assert not reuse.same(
        {**facts, "training_end": date(2030, 9, 1)}, date(2030, 10, 8)
    )
    assert not reuse.same({**facts, "training_end": None}, date(2025, 10, 8))


def test_a_changed_condition_source_is_never_reused() -> None:
    base = Policy.default()
    (document, *_) = {s.document for c in CASE_RULE.conditions for s in c.sources}
    moved = attrs.evolve(base.documents[document], title="另一标题")
    other = Policy(
        documents={**base.documents, document: moved},
        parameters=base.parameters,
        sources=base.sources,
    )
    assert Reuse(CASE_RULE, base, other).never


# --- simulate takes the shortcut and counts the same ------------------------------------


class _Full(Reuse):
    """Never reuses: every case decided in full."""

    def __init__(self, rule: Rule, baseline: Policy, reform: Policy) -> None:
        super().__init__(rule, baseline, reform)
        self.never = True
        self.always = False


@pytest.mark.parametrize(
    "reform_of",
    [
        pytest.param(
            lambda base: base.overlay(
                Policy.from_files(OVERLAYS / "illustrative-reform.toml")
            ),
            id="illustrative reform",
        ),
        pytest.param(
            lambda base: base.with_values(
                document="sz-2019-11",
                since=date(2026, 1, 1),
                update={"apprenticeship.annual_subsidy": {"advanced": "8000"}},
            ),
            id="one rate from 2026",
        ),
    ],
)
def test_simulate_counts_as_with_every_case_decided_in_full(
    reform_of: Callable[[Policy], Policy], monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline = Policy.default().overlay(
        Policy.from_files(OVERLAYS / "futian-occupation-directory.toml")
    )
    reform = reform_of(baseline)
    population = list(synthetic_apprentices(600))
    reused = []

    class Counted(Reuse):
        def same(self, facts: Mapping[str, object], on: date) -> bool:
            answer = super().same(facts, on)
            reused.append(answer)
            return answer

    monkeypatch.setattr("skillchain.simulation.Reuse", Counted)
    quick_changes: list[object] = []
    quick = simulate(
        population,
        rule=CASE_RULE,
        baseline=baseline,
        reform=reform,
        on_change=quick_changes.append,
    )
    monkeypatch.setattr("skillchain.simulation.Reuse", _Full)
    full_changes: list[object] = []
    full = simulate(
        population,
        rule=CASE_RULE,
        baseline=baseline,
        reform=reform,
        on_change=full_changes.append,
    )
    assert quick == full
    assert [repr(c) for c in quick_changes] == [repr(c) for c in full_changes]
    assert 0 < sum(reused) < len(population)


def test_the_examples_of_the_reuse_module_hold() -> None:
    import doctest

    import skillchain._reuse

    failed, tried = doctest.testmod(skillchain._reuse)
    assert tried > 0
    assert failed == 0
