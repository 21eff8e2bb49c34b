"""The machinery behind ``cases()``: values at thresholds, unknown facts, the recipe registry."""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rule_cases import example_policy
from skillchain import Outcome, Policy
from skillchain.comparison import Case, evaluate
from skillchain.testing.strategies import (
    CaseRecipe,
    Setting,
    above,
    at_least,
    at_most,
    below,
    blank,
    cases,
    days_in_force,
    recipe_for,
    recipes,
    register_recipe,
    unregister_recipe,
)


SETTLEMENT = "apprenticeship.settlement"
ONCE = settings(
    max_examples=25,
    phases=[Phase.generate],
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


# --- values at thresholds -------------------------------------------------------------


@given(st.data(), st.integers(-1000, 1000), st.integers(0, 50))
def test_integer_sides_of_a_bound(data: st.DataObject, bound: int, width: int) -> None:
    assert bound <= data.draw(at_least(bound, most=bound + width)) <= bound + width
    assert bound < data.draw(above(bound, most=bound + 1 + width)) <= bound + 1 + width
    assert bound - width <= data.draw(at_most(bound, least=bound - width)) <= bound
    assert bound - 1 - width <= data.draw(below(bound, least=bound - 1 - width)) < bound


@given(st.data(), st.decimals(0, 10_000, places=2))
def test_decimal_steps_are_the_bounds_last_place(
    data: st.DataObject, bound: Decimal
) -> None:
    drawn = data.draw(above(bound))
    assert drawn > bound
    assert int(drawn.as_tuple().exponent) >= -2
    assert data.draw(below(bound)) <= bound - Decimal("0.01")


@given(st.data(), st.dates(date(2000, 1, 2), date(2099, 12, 30)))
def test_date_steps_are_days(data: st.DataObject, bound: date) -> None:
    assert data.draw(above(bound)) > bound
    assert data.draw(at_most(bound)) <= bound


def test_the_bound_and_the_next_step_are_drawn() -> None:
    assert find(at_least(12, most=40), lambda v: v == 12) == 12
    assert find(above(12, most=40), lambda v: v == 13) == 13
    assert find(below(Decimal("5.00")), lambda v: v == Decimal("4.99")) == Decimal(
        "4.99"
    )
    assert find(at_most(date(2024, 3, 1)), lambda v: v == date(2024, 2, 29)) == date(
        2024, 2, 29
    )


def test_crossed_bounds_are_refused() -> None:
    with pytest.raises(InvalidArgument, match="crossed"):
        at_least(10, most=9)


def _amount(case: Case, name: str) -> Decimal:
    value = case.facts[name]
    assert isinstance(value, Decimal)
    return value


def _draw_one(strategy: st.SearchStrategy[Case]) -> None:
    @settings(ONCE, max_examples=1)
    @given(strategy)
    def drawn(case: Case) -> None:
        del case

    drawn()


# --- unknown facts ----------------------------------------------------------------------


@attrs.frozen
class _Inner:
    known: int | None
    firm: int = attrs.field(validator=attrs.validators.instance_of(int))


@attrs.frozen
class _Outer:
    inner: _Inner


def test_blank_makes_a_top_level_or_nested_fact_unknown() -> None:
    original = _Outer(_Inner(known=3, firm=4))
    facts = {"outer": original, "flag": True}
    assert blank(facts, "flag") == {"outer": original, "flag": None}
    nested = blank(facts, "outer.inner.known")
    assert nested is not None
    outer = nested["outer"]
    assert isinstance(outer, _Outer)
    assert outer.inner == _Inner(known=None, firm=4)
    assert original.inner.known == 3, "the original is untouched"


def test_blank_says_when_a_fact_cannot_be_unknown() -> None:
    facts = {"outer": _Outer(_Inner(known=3, firm=4))}
    assert blank(facts, "outer.inner.firm") is None, "the record refuses None"
    assert blank(facts, "outer.inner.nothing") is None
    assert blank(facts, "elsewhere") is None
    assert blank({"n": 3}, "n.deeper") is None


# --- the registry -----------------------------------------------------------------------


@pytest.fixture
def restored() -> Iterator[CaseRecipe]:
    """The settlement recipe, put back after the test whatever it registered."""
    original = recipe_for(SETTLEMENT)
    assert original is not None
    yield original
    register_recipe(original, replace=True)


def test_every_bundled_rule_has_a_recipe_listed_in_order() -> None:
    listed = [recipe.rule for recipe in recipes()]
    assert listed == sorted(listed)
    assert SETTLEMENT in listed


def test_a_second_recipe_for_a_rule_needs_replace(restored: CaseRecipe) -> None:
    other = attrs.evolve(restored)
    with pytest.raises(InvalidArgument, match="already registered"):
        register_recipe(other)
    register_recipe(other, replace=True)
    assert recipe_for(SETTLEMENT) is other
    register_recipe(other)  # the same recipe again is harmless


def test_unregistering_returns_the_recipe(restored: CaseRecipe) -> None:
    assert unregister_recipe(SETTLEMENT) is restored
    assert recipe_for(SETTLEMENT) is None
    with pytest.raises(KeyError, match="no recipe"):
        unregister_recipe(SETTLEMENT)


def test_only_a_recipe_is_registered() -> None:
    with pytest.raises(InvalidArgument, match="takes a CaseRecipe, got dict"):
        register_recipe({"rule": SETTLEMENT})  # type: ignore[arg-type]


# --- asking for cases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"outcome": "maybe"}, "outcome='maybe'"),
        ({"failing": "apprenticeship.settlement.refund"}, "pass outcome='ineligible'"),
        (
            {"outcome": "ineligible", "failing": "nothing.such"},
            "cannot break 'nothing.such'",
        ),
        ({"policy": "default"}, "must be a skillchain Policy"),
        ({"on": "2024-01-01"}, "must be a date"),
    ],
)
def test_bad_arguments_are_refused_with_what_was_expected(
    kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidArgument, match=message):
        cases(SETTLEMENT, **kwargs)


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(InvalidArgument, match=r"nothing\.such"):
        cases("nothing.such")


def test_an_outcome_is_an_enum_or_its_value() -> None:
    @ONCE
    @given(cases(SETTLEMENT, outcome=Outcome.INELIGIBLE, on=date(2025, 6, 30)))
    def drawn(case: Case) -> None:
        assert case.on == date(2025, 6, 30)
        assert case.name == "ineligible: apprenticeship.settlement.refund"
        assert _amount(case, "prepaid") > _amount(case, "entitlement")

    drawn()


def test_a_rule_without_a_recipe_draws_facts_only_without_an_outcome(
    restored: CaseRecipe,
) -> None:
    unregister_recipe(SETTLEMENT)
    with pytest.raises(InvalidArgument, match="no recipe is registered"):
        cases(SETTLEMENT, outcome="eligible")
    seen = set()

    @ONCE
    @given(cases(SETTLEMENT))
    def drawn(case: Case) -> None:
        assert set(case.facts) == {"entitlement", "prepaid", "training_end"}
        seen.add(case.name)

    drawn()
    assert seen == {"drawn"}
    del restored


def test_a_recipe_that_disagrees_with_its_rule_is_reported(
    restored: CaseRecipe,
) -> None:
    def overpaid(draw: st.DrawFn, setting: Setting) -> dict[str, Any]:
        del draw, setting
        return {"entitlement": Decimal(1), "prepaid": Decimal(2), "training_end": None}

    register_recipe(attrs.evolve(restored, eligible=overpaid), replace=True)
    with pytest.raises(AssertionError, match="built a case to be eligible"):
        _draw_one(cases(SETTLEMENT, outcome="eligible"))


def test_a_breaker_that_breaks_nothing_is_reported(restored: CaseRecipe) -> None:
    def harmless(
        draw: st.DrawFn, setting: Setting, facts: dict[str, Any]
    ) -> dict[str, Any]:
        del draw, setting
        return {**facts, "training_end": None}

    register_recipe(
        attrs.evolve(restored, breaks={"apprenticeship.settlement.refund": harmless}),
        replace=True,
    )
    with pytest.raises(AssertionError, match="without failing it"):
        _draw_one(cases(SETTLEMENT, outcome="ineligible"))


def test_a_breaker_that_cannot_break_says_so(restored: CaseRecipe) -> None:
    def impossible(draw: st.DrawFn, setting: Setting, facts: dict[str, Any]) -> None:
        del draw, setting, facts

    register_recipe(
        attrs.evolve(restored, breaks={"apprenticeship.settlement.refund": impossible}),
        replace=True,
    )
    with pytest.raises(AssertionError, match="can break none of"):
        _draw_one(cases(SETTLEMENT, outcome="ineligible"))


# --- days ----------------------------------------------------------------------------


def test_days_in_force_are_days_on_which_every_figure_has_a_value() -> None:
    policy = Policy.default()
    name = "apprenticeship.settlement_refund_months"
    first = policy.parameter(name).values[0].period
    assert first is not None

    @ONCE
    @given(days_in_force(policy, [name]))
    def drawn(day: date) -> None:
        assert policy.at(day).get(name).value is not None

    drawn()
    assert (
        find(days_in_force(policy, [name]), lambda d: d == first.start) == first.start
    )


def test_no_day_in_force_names_the_figures_without_a_value() -> None:
    with pytest.raises(InvalidArgument, match=r"apprenticeship\.quota"):
        days_in_force(Policy.default(), ["apprenticeship.quota"])


def test_a_setting_reads_the_figure_in_force() -> None:
    setting = Setting(Policy.default(), date(2024, 6, 1))
    assert setting.value("apprenticeship.contract_min_months") == 12
    assert setting.snapshot.on == date(2024, 6, 1)


def test_an_eligible_case_is_decided_eligible_by_the_rule() -> None:
    policy = Policy.default()

    @ONCE
    @given(cases(SETTLEMENT, policy=policy, outcome="eligible"))
    def drawn(case: Case) -> None:
        assert evaluate(SETTLEMENT, policy, case).outcome is Outcome.ELIGIBLE
        assert _amount(case, "prepaid") <= _amount(case, "entitlement")

    drawn()


def test_a_recipe_without_unknown_facts_draws_no_undetermined_case(
    restored: CaseRecipe,
) -> None:
    register_recipe(attrs.evolve(restored, unknowns=()), replace=True)
    for outcome in (None, "undetermined"):
        with pytest.raises(InvalidArgument, match="no fact that can be unknown"):
            cases(SETTLEMENT, outcome=outcome)
    _draw_one(cases(SETTLEMENT, outcome="eligible"))


def test_lacking_figures_decide_the_facts_on_a_day_without_them() -> None:
    """A chain's composition reads no fact that can be unknown; under the example
    overlay its required parts have a value from 2025-07-05 only, so its undetermined
    cases are chains decided before that day."""
    policy = example_policy("chains.composition")
    assert policy.at(date(2025, 7, 4)).get("chains.required_parts").value is None
    seen: list[Case] = []

    @ONCE
    @given(cases("chains.composition", policy=policy, outcome="undetermined"))
    def drawn(case: Case) -> None:
        seen.append(case)
        assert case.name == "undetermined: chains.required_parts"
        assert case.on < date(2025, 7, 5)

    drawn()
    assert seen
