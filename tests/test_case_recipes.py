"""The machinery behind ``cases()``: values at thresholds, unknown facts, the recipe registry."""

import random

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

import attrs
import pytest

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rule_cases import example_policy
from skillchain import (
    DivisionCode,
    Outcome,
    Policy,
    Sex,
    SkillLevel,
    add_months,
    full_years_between,
    months_between,
)
from skillchain.comparison import Case, evaluate
from skillchain.errors import InvalidValueError
from skillchain.testing.strategies import (
    CaseRecipe,
    Setting,
    above,
    at_least,
    at_most,
    below,
    between,
    birth_span,
    blank,
    born_aged,
    cases,
    credit_code,
    days_in_force,
    distinct,
    earliest_start,
    filler,
    latest_start,
    near,
    pick,
    recipe_for,
    recipes,
    register_recipe,
    resident_born,
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


# --- drawing functions for recipes ------------------------------------------------------

Ends = Literal["low", "high", "both"]


@st.composite
def _near(draw: st.DrawFn, low: Any, high: Any, ends: Ends = "both") -> Any:
    return near(draw, low, high, ends=ends)


@st.composite
def _between(draw: st.DrawFn, low: Any, high: Any) -> Any:
    return between(draw, low, high)


@st.composite
def _pick(draw: st.DrawFn, items: Any) -> Any:
    return pick(draw, items)


@st.composite
def _distinct(draw: st.DrawFn, items: Any, count: int) -> list[Any]:
    return distinct(draw, items, count)


@given(
    st.data(),
    st.integers(-10_000, 10_000),
    st.integers(0, 400),
    st.sampled_from(["low", "high", "both"]),
)
def test_near_and_between_stay_within_their_bounds(
    data: st.DataObject, low: int, width: int, ends: Ends
) -> None:
    assert low <= data.draw(_near(low, low + width, ends)) <= low + width
    assert low <= data.draw(_between(low, low + width)) <= low + width
    first = date(2024, 1, 1) + timedelta(days=low)
    last = first + timedelta(days=width)
    assert first <= data.draw(_near(first, last, ends)) <= last
    assert first <= data.draw(_between(first, last)) <= last


@pytest.mark.parametrize(
    ("ends", "reached"), [("low", [0, 1]), ("high", [999, 1000]), ("both", [0, 1000])]
)
def test_near_reaches_the_ends_it_names(ends: Ends, reached: list[int]) -> None:
    for value in reached:
        assert find(_near(0, 1000, ends), value.__eq__) == value


def test_near_and_between_reach_both_ends_of_a_range_of_days() -> None:
    first, last = date(2024, 2, 1), date(2024, 2, 29)
    for strategy in (_near(first, last), _between(first, last)):
        assert find(strategy, lambda day: day == first) == first
        assert find(strategy, lambda day: day == last) == last


def test_a_draw_shrinks_to_the_end_named() -> None:
    assert find(_near(12, 36), lambda _: True) == 12
    assert find(_near(12, 36, "low"), lambda _: True) == 12
    assert find(_near(12, 36, "high"), lambda _: True) == 36
    assert find(_between(12, 36), lambda _: True) == 12
    assert find(_near(5, 5), lambda _: True) == 5


@pytest.mark.parametrize(
    ("low", "high", "ends", "match"),
    [
        (10, 9, "both", "above the high end"),
        (date(2024, 1, 2), date(2024, 1, 1), "low", "above the high end"),
        (1, date(2024, 1, 1), "both", "two integers or two dates"),
        (True, 3, "both", "two integers or two dates"),
        (1, 3, "middle", "ends="),
    ],
)
def test_near_refuses_bad_bounds(low: Any, high: Any, ends: Any, match: str) -> None:
    with pytest.raises(InvalidArgument, match=match):
        find(_near(low, high, ends), lambda _: True)


def test_between_refuses_crossed_bounds() -> None:
    with pytest.raises(InvalidArgument, match="above the high end"):
        find(_between(3, 2), lambda _: True)


def test_pick_puts_a_set_in_a_fixed_order() -> None:
    levels = frozenset({SkillLevel.TECHNICIAN, SkillLevel.ELEMENTARY})
    # An enumeration's members in the order they are declared, whatever the set's.
    assert find(_pick(levels), lambda _: True) is SkillLevel.ELEMENTARY
    assert find(_pick({"b", "a", "c"}), lambda _: True) == "a"
    assert find(_pick(("x", "y")), lambda v: v == "y") == "y"


def test_pick_returns_a_single_item_and_refuses_none() -> None:
    assert find(_pick(["only"]), lambda _: True) == "only"
    with pytest.raises(InvalidArgument, match="at least one item"):
        find(_pick(()), lambda _: True)


@given(st.data(), st.integers(1, 80), st.integers(-2, 100))
def test_distinct_items_are_different(
    data: st.DataObject, size: int, count: int
) -> None:
    items = tuple(range(size))
    taken = data.draw(_distinct(items, count))
    assert len(taken) == len(set(taken)) == max(0, min(count, size))
    assert set(taken) <= set(items)


def test_filler_is_a_random_source_seeded_by_one_draw() -> None:
    rng = find(st.composite(filler)(), lambda _: True)
    assert isinstance(rng, random.Random)
    assert rng.random() == random.Random(0).random()  # noqa: S311 - no secret


def test_the_birth_dates_of_an_age_on_a_day() -> None:
    # Someone born on 2 June 2007 turns 17 on 2 June 2024: still 16 on 1 June.
    assert birth_span(16, date(2024, 6, 1)) == (date(2007, 6, 2), date(2008, 6, 1))
    # Born on 29 February 2000: 18 on 28 February 2018, as the rules count ages;
    # born on 1 March 1999: 18 until the last day of February 2018.
    assert birth_span(18, date(2018, 2, 28)) == (date(1999, 3, 1), date(2000, 2, 29))


@given(st.data(), st.integers(0, 90), st.dates(date(2000, 1, 1), date(2035, 12, 31)))
def test_born_aged_is_that_age_on_the_day(
    data: st.DataObject, age: int, on: date
) -> None:
    earliest, latest = birth_span(age, on)
    assert full_years_between(earliest, on) == full_years_between(latest, on) == age
    assert full_years_between(earliest - timedelta(days=1), on) == age + 1
    assert full_years_between(latest + timedelta(days=1), on) == age - 1
    born = data.draw(st.composite(lambda draw: born_aged(draw, age, on))())
    assert earliest <= born <= latest


def test_latest_and_earliest_starts_by_hand() -> None:
    # One month after 29 February 2024 is 29 March, after 1 March is 1 April.
    assert latest_start(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert earliest_start(date(2024, 3, 31), 1) == date(2024, 3, 1)
    assert earliest_start(date(2024, 3, 29), 1) == date(2024, 2, 29)
    # One month after 31 January 2023 is 28 February (the month is shorter).
    assert latest_start(date(2023, 2, 28), 1) == date(2023, 1, 31)
    # Twelve months after 29 February 2024 is 28 February 2025.
    assert latest_start(date(2025, 2, 28), 12) == date(2024, 2, 29)
    assert earliest_start(date(2025, 2, 28), 12) == date(2024, 2, 28)
    assert (
        latest_start(date(2025, 2, 28), 0)
        == earliest_start(date(2025, 2, 28), 0)
        == date(2025, 2, 28)
    )


@given(st.dates(date(2000, 1, 1), date(2035, 12, 31)), st.integers(0, 120))
def test_latest_and_earliest_starts_are_the_last_and_first_that_count(
    end: date, months: int
) -> None:
    day = timedelta(days=1)
    latest = latest_start(end, months)
    assert add_months(latest, months) <= end < add_months(latest + day, months)
    assert months_between(latest, end) >= months
    earliest = earliest_start(end, months)
    assert add_months(earliest, months) >= end > add_months(earliest - day, months)


def test_resident_born_computes_the_check_character() -> None:
    # GB 11643: the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over
    # 4 4 0 3 0 4 1 9 9 0 0 5 1 7 0 2 5 sum to 268, which is 4 modulo 11: check 8.
    man = resident_born(date(1990, 5, 17), serial=12, sex=Sex.MALE)
    assert man.reveal() == "440304199005170258"
    assert (man.sex, man.birth_date, man.division) == (
        Sex.MALE,
        date(1990, 5, 17),
        DivisionCode("440304"),
    )
    # Sequence 024 for a woman: 268 - 5 * 2 + 4 * 2 = 266, 2 modulo 11: check X.
    woman = resident_born(date(1990, 5, 17), serial=12, sex=Sex.FEMALE)
    assert woman.reveal() == "44030419900517024X"
    assert woman.sex is Sex.FEMALE
    # Without a sex the serial is the sequence code, modulo 1000: 012 sums to 258,
    # 5 modulo 11: check 7.
    assert resident_born(date(1990, 5, 17), serial=1012).reveal() == (
        "440304199005170127"
    )
    assert resident_born(date(1990, 5, 17), serial=512, sex=Sex.MALE) == resident_born(
        date(1990, 5, 17), serial=12, sex=Sex.MALE
    )
    elsewhere = resident_born(date(1985, 1, 1), division=DivisionCode("110105"))
    assert elsewhere.division == DivisionCode("110105")
    with pytest.raises(InvalidValueError):
        resident_born(date(1700, 1, 1))


def test_credit_code_computes_the_check_character() -> None:
    # GB 32100: the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 over
    # 9 1 4 4 0 3 0 5 M(21) A(10) 5 F(15) 0 0 0 0 7 sum to 1545, which is 26
    # modulo 31: check 31 - 26 = 5.
    code = credit_code(7, division=DivisionCode("440305"))
    assert code.code == "91440305MA5F000075"
    assert code.division == DivisionCode("440305")
    assert credit_code(1, kind="12").code[:8] == "12440304"
    assert credit_code(1, kind="12").entity_category is not None
    for serial in (-1, 100_000):
        with pytest.raises(InvalidArgument, match="serial"):
            credit_code(serial)
    with pytest.raises(InvalidValueError):
        credit_code(1, kind="99")
