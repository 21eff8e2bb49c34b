"""Decisions do not depend on the caller's decimal context, and never change it.

Reproduces: under ``decimal.localcontext(prec=6)`` the settlement of
1 234 567.89 less 0.01 came out as ``1.23457E+6``; a caller's context trapping
``Inexact`` made rules raise; and findings worked out under one caller's context
were remembered on the shared policy snapshot and replayed to the next caller.
"""

import decimal
import json

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, Final

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from rule_cases import CASES, decide, without
from skillchain import Decision, Policy, Rounding, RoundingMode
from skillchain._context import (
    LIBRARY_CONTEXT,
    in_library_context,
    runs_in_library_context,
)
from skillchain.rules import (
    Rule,
    allocate_carrier_awards,
    allocate_quota,
    award_technical_experts,
    get_rule,
    recommend_experts,
    rules,
    settlement,
)
from skillchain.serialization import unstructure
from skillchain.simulation import simulate, synthetic_apprentices


ROUNDINGS: Final = (
    decimal.ROUND_CEILING,
    decimal.ROUND_DOWN,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_UP,
    decimal.ROUND_05UP,
)
SIGNALS: Final = (
    decimal.Inexact,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
    decimal.Overflow,
    decimal.Clamped,
    decimal.InvalidOperation,
    decimal.DivisionByZero,
    decimal.FloatOperation,
)


@st.composite
def caller_contexts(draw: st.DrawFn) -> decimal.Context:
    """Any context a caller may be working in: low precision, odd rounding, traps."""
    emax = draw(st.sampled_from([1, 3, 6, 9, 99, decimal.MAX_EMAX]))
    return decimal.Context(
        prec=draw(st.integers(1, 50)),
        rounding=draw(st.sampled_from(ROUNDINGS)),
        Emax=emax,
        Emin=draw(st.sampled_from([-1, -3, -9, decimal.MIN_EMIN])),
        capitals=draw(st.integers(0, 1)),
        clamp=draw(st.integers(0, 1)),
        flags=draw(st.lists(st.sampled_from(SIGNALS), unique=True)),
        traps=draw(st.lists(st.sampled_from(SIGNALS), unique=True)),
    )


def fields(context: decimal.Context) -> dict[str, object]:
    """Everything a context holds, to compare before and after a call."""
    return {
        "prec": context.prec,
        "rounding": context.rounding,
        "Emin": context.Emin,
        "Emax": context.Emax,
        "capitals": context.capitals,
        "clamp": context.clamp,
        "flags": {s: context.flags[s] for s in SIGNALS},
        "traps": {s: context.traps[s] for s in SIGNALS},
    }


def as_json(decision: Decision) -> str:
    """A decision as JSON text: equal text means equal values *and* equal digits."""
    return json.dumps(unstructure(decision), ensure_ascii=False, sort_keys=True)


def decide_all(policies: dict[int, Policy]) -> Iterator[str]:
    for index, case in enumerate(CASES):
        yield as_json(decide(case, case.facts, policies[index], case.on))


# Each case's decision under a fresh copy of its policy in the default context.
FRESH: Final = {index: without(case.policy) for index, case in enumerate(CASES)}
EXPECTED: Final = tuple(decide_all(FRESH))


def test_the_settlement_of_the_report_under_six_digits() -> None:
    """1 234 567.89 - 0.01 is 1 234 567.88 whatever precision the caller uses."""
    with decimal.localcontext(
        decimal.Context(prec=6, traps=[decimal.Inexact])
    ) as caller:
        before = fields(caller)
        decision = settlement(
            Decimal("1234567.89"),
            Decimal("0.01"),
            date(2026, 3, 1),
            on=date(2026, 3, 2),
        )
        assert decimal.getcontext() is caller
        assert fields(caller) == before
    assert decision.amount == Decimal("1234567.88")
    assert str(decision.amount) == "1234567.88"


@settings(max_examples=min(settings().max_examples, 25), deadline=None)
@given(context=caller_contexts())
def test_any_caller_context_gives_the_default_decisions(
    context: decimal.Context,
) -> None:
    """Every example case decides the same under any caller context, which is kept."""
    policies = {index: case.policy for index, case in enumerate(CASES)}
    with decimal.localcontext(context) as caller:
        before = fields(caller)
        got = tuple(decide_all(policies))
        assert decimal.getcontext() is caller
        assert fields(caller) == before
    assert got == EXPECTED


def test_no_caller_context_is_remembered_on_a_shared_policy() -> None:
    """A prec=3 caller first, then a default caller: the same as a fresh policy."""
    shared = {index: without(case.policy) for index, case in enumerate(CASES)}
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_DOWN):
        tuple(decide_all(shared))
    assert tuple(decide_all(shared)) == EXPECTED


def test_simulation_totals_do_not_depend_on_the_caller() -> None:
    """simulate() sums and compares in the library's context, not the caller's."""
    reform = without(Policy.default())
    expected = simulate(
        synthetic_apprentices(40, seed=3), rule="apprenticeship.case", reform=reform
    )
    with decimal.localcontext(
        decimal.Context(prec=2, traps=[decimal.Inexact])
    ) as caller:
        before = fields(caller)
        got = simulate(
            synthetic_apprentices(40, seed=3),
            rule="apprenticeship.case",
            reform=reform,
        )
        assert fields(caller) == before
    assert unstructure(got) == unstructure(expected)


def test_rounding_keeps_the_caller_context() -> None:
    """Rounding.apply neither reads nor changes the caller's context."""
    to_fen = Rounding(Decimal("0.01"), RoundingMode.HALF_UP)
    with decimal.localcontext(
        decimal.Context(prec=3, traps=[decimal.Inexact])
    ) as caller:
        before = fields(caller)
        assert to_fen.apply(Decimal("1234567.885")) == Decimal("1234567.89")
        assert fields(caller) == before


def test_every_registered_rule_runs_in_the_library_context() -> None:
    """Each rule's function, and the same function where its module exports it."""
    for rule in rules():
        assert runs_in_library_context(rule.function), rule.id
        module = __import__(rule.function.__module__, fromlist=["_"])
        exported = getattr(module, rule.function.__name__)
        assert exported is rule.function, rule.id


@pytest.mark.parametrize(
    "function",
    [
        allocate_quota,
        allocate_carrier_awards,
        award_technical_experts,
        recommend_experts,
    ],
    ids=lambda f: f.__name__,
)
def test_allocations_run_in_the_library_context(function: object) -> None:
    """The public functions that rank and allocate compute in the library context."""
    assert runs_in_library_context(function)


def test_a_rule_made_with_a_plain_function_is_wrapped() -> None:
    """A new rule cannot forget: Rule wraps a function that is not wrapped yet."""
    known = get_rule("apprenticeship.settlement")

    def plain(*args: Any, **kwargs: Any) -> Decision:
        return known.function(*args, **kwargs)

    rule = Rule(
        id=known.id,
        version=known.version,
        title_zh=known.title_zh,
        title_en=known.title_en,
        function=plain,
        sources=known.sources,
        conditions=known.conditions,
    )
    assert runs_in_library_context(rule.function)
    assert rule.function.__wrapped__ is plain  # type: ignore[attr-defined]
    # Wrapping is idempotent: a wrapped function keeps its identity.
    assert in_library_context(rule.function) is rule.function
    again = Rule(
        id=rule.id,
        version=rule.version,
        title_zh=rule.title_zh,
        title_en=rule.title_en,
        function=rule.function,
        sources=rule.sources,
        conditions=rule.conditions,
    )
    assert again == rule


def test_the_wrapper_puts_the_caller_context_back_after_an_error() -> None:
    """An exception inside leaves the caller's context as it was."""

    @in_library_context
    def broken() -> None:
        assert decimal.getcontext().prec == LIBRARY_CONTEXT.prec
        decimal.getcontext().prec = 2  # changes only the call's own copy
        msg = "inside"
        raise RuntimeError(msg)

    with decimal.localcontext(prec=5) as caller:
        with pytest.raises(RuntimeError, match="inside"):
            broken()
        assert decimal.getcontext() is caller
        assert caller.prec == 5
    assert LIBRARY_CONTEXT.prec == 34


def test_the_library_context_traps_what_must_not_pass_silently() -> None:
    """34 digits, half even, decimal128 exponents; NaN, x/0 and overflow raise."""
    assert LIBRARY_CONTEXT.prec == 34
    assert LIBRARY_CONTEXT.rounding == decimal.ROUND_HALF_EVEN
    assert (LIBRARY_CONTEXT.Emin, LIBRARY_CONTEXT.Emax) == (-6143, 6144)
    trapped = {s for s in SIGNALS if LIBRARY_CONTEXT.traps[s]}
    assert trapped == {
        decimal.InvalidOperation,
        decimal.DivisionByZero,
        decimal.Overflow,
    }
