"""Strategies of remedy declarations and of the remedies derived from them."""

from datetime import date

from hypothesis import strategies as st

from skillchain._remedies import (
    AddItem,
    DistrictSupplies,
    EarliestDay,
    NotDerived,
    NotRemediable,
    OneOf,
    ReachBound,
    Remedy,
    SetFact,
    SupplyFact,
    WaitUntil,
    fact_type,
)
from skillchain.policy import specs
from skillchain.rules import (
    AllOf,
    AnyOf,
    Compares,
    Elapses,
    Includes,
    Remediable,
    Requires,
    Unremediable,
)
from skillchain.rules import rules as registered_rules
from skillchain.serialization import rule_facts
from skillchain.testing.strategies._base import NAMES
from skillchain.testing.strategies._decisions import CHECK_IDS, citations, fact_values
from skillchain.testing.strategies._values import date_ranges


_COMPARATORS = st.sampled_from([">=", ">", "<=", "<"])
_DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))


def _parameter_names() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(specs()))


def _fact_paths() -> st.SearchStrategy[str]:
    return st.sampled_from(
        sorted({fact.name for rule in registered_rules() for fact in rule_facts(rule)})
    )


def comparisons() -> st.SearchStrategy[Compares]:
    """Draw comparison declarations: a fact, the values' names, a comparator, a parameter."""
    return st.builds(
        Compares,
        _fact_paths(),
        value=st.sampled_from(["months", "count", "area", "years"]),
        comparator=_COMPARATORS,
        bound=st.sampled_from(["minimum", "maximum", "needed"]),
        parameter=_parameter_names(),
    )


def requirements() -> st.SearchStrategy[Requires]:
    """Draw requirement declarations: a value a fact must have, or a list it must be on or off."""
    fact = _fact_paths()
    return st.one_of(
        st.builds(Requires, fact, equals=st.booleans()),
        st.builds(Requires, fact, among=_parameter_names()),
        st.builds(Requires, fact, outside=_parameter_names()),
    )


def elapse_declarations() -> st.SearchStrategy[Elapses]:
    """Draw declarations that time repairs a condition: the day that moves."""
    return st.builds(
        Elapses, st.sampled_from(["on", "claimed_on", "claim.claimed_on", "entry.day"])
    )


def alternatives() -> st.SearchStrategy[AnyOf]:
    """Draw declarations of alternatives: two or three comparisons, requirements or waits."""
    option = st.one_of(comparisons(), requirements(), elapse_declarations())
    return st.lists(option, min_size=2, max_size=3).map(lambda found: AnyOf(*found))


def inclusions() -> st.SearchStrategy[Includes]:
    """Draw declarations that a list must hold an item (sometimes one with a field set)."""
    return st.builds(
        Includes,
        _fact_paths(),
        where=st.none()
        | st.tuples(st.sampled_from(["qualified", "kind"]), st.booleans()),
    )


def conjunctions() -> st.SearchStrategy[AllOf]:
    """Draw declarations that several parts must all hold."""
    part = st.one_of(comparisons(), requirements(), inclusions())
    return st.lists(part, min_size=2, max_size=3).map(lambda found: AllOf(*found))


def unremediables() -> st.SearchStrategy[Unremediable]:
    """Draw declarations that a condition cannot be repaired, with a zh and an en reason."""
    return st.builds(Unremediable, NAMES, NAMES)


def remedy_declarations() -> st.SearchStrategy[Remediable]:
    """Draw any remedy declaration a condition may carry."""
    return st.one_of(
        comparisons(),
        requirements(),
        inclusions(),
        elapse_declarations(),
        alternatives(),
        conjunctions(),
        unremediables(),
    )


def supply_facts() -> st.SearchStrategy[SupplyFact]:
    """Draw facts to supply: a registered rule's fact, with the type it is read as."""
    pairs = sorted(
        {
            (rule.id, fact.name)
            for rule in registered_rules()
            for fact in rule_facts(rule)
        }
    )
    return st.sampled_from(pairs).map(
        lambda pair: SupplyFact(
            check=f"{pair[0]}.check",
            path=pair[1],
            annotation=fact_type(pair[0], pair[1]),
        )
    )


def reach_bounds() -> st.SearchStrategy[ReachBound]:
    """Draw changes that bring a quantity to a bound (now below it, for ``>=``/``>``)."""
    return st.builds(
        lambda check, path, comparator, now, gap, parameter, cited: ReachBound(
            check=check,
            path=path,
            quantity="months",
            comparator=comparator,
            now=now,
            bound=now + gap if comparator in {">=", ">"} else now - gap,
            parameter=parameter,
            citations=cited,
        ),
        CHECK_IDS,
        _fact_paths(),
        _COMPARATORS,
        st.integers(0, 600),
        st.integers(1, 60),
        _parameter_names(),
        st.lists(citations(), max_size=2).map(tuple),
    )


def set_facts() -> st.SearchStrategy[SetFact]:
    """Draw changes of a fact to a value, onto a list or off it."""
    values = st.lists(fact_values(), min_size=1, max_size=3).map(tuple)
    return st.one_of(
        st.builds(
            lambda check, path, now, to: SetFact(
                check=check, path=path, now=now, to=to
            ),
            CHECK_IDS,
            _fact_paths(),
            fact_values(),
            values,
        ),
        st.builds(
            lambda check, path, now, outside, name: SetFact(
                check=check, path=path, now=now, to=(), outside=outside, parameter=name
            ),
            CHECK_IDS,
            _fact_paths(),
            fact_values(),
            values,
            _parameter_names(),
        ),
    )


def add_items() -> st.SearchStrategy[AddItem]:
    """Draw items to bring to a list among the facts, sometimes with a field set."""
    return st.builds(
        lambda check, path, where: AddItem(
            check=check, path=path, annotation=None, where=where
        ),
        CHECK_IDS,
        _fact_paths(),
        st.none() | st.tuples(st.sampled_from(["qualified"]), st.booleans()),
    )


def wait_untils() -> st.SearchStrategy[WaitUntil]:
    """Draw waits: a day now and the earliest day after it, or none found."""
    return st.builds(
        lambda check, path, now, later, found: WaitUntil(
            check=check,
            path=path,
            now=now,
            day=later if found else None,
            why="" if found else "a figure expires first",
        ),
        CHECK_IDS,
        st.sampled_from(["on", "claimed_on", "claim.claimed_on"]),
        _DAYS,
        _DAYS,
        st.booleans(),
    ).filter(lambda wait: wait.day is None or wait.now is None or wait.day >= wait.now)


def district_supplies() -> st.SearchStrategy[DistrictSupplies]:
    """Draw parameters the district must supply (any declared parameter's name)."""
    return st.builds(
        lambda check, name, entry: DistrictSupplies(
            check=check,
            parameter=name,
            description_zh="区里提供",
            description_en="supplied",
            entry=entry,
        ),
        CHECK_IDS,
        _parameter_names(),
        st.booleans(),
    )


def not_remediables() -> st.SearchStrategy[NotRemediable]:
    """Draw remedies that are not the applicant's: expired, not yet in force, a gap, declared."""
    period = date_ranges()
    return st.one_of(
        st.builds(
            lambda check, why_zh, why_en: NotRemediable(
                check=check, reason="declared", why_zh=why_zh, why_en=why_en
            ),
            CHECK_IDS,
            NAMES,
            NAMES,
        ),
        st.builds(
            lambda check, reason, name, span: NotRemediable(
                check=check, reason=reason, parameter=name, period=span
            ),
            CHECK_IDS,
            st.sampled_from(["expired", "not_yet_in_force"]),
            _parameter_names(),
            period,
        ),
        st.builds(
            lambda check, name: NotRemediable(
                check=check, reason="gap", parameter=name
            ),
            CHECK_IDS,
            _parameter_names(),
        ),
    )


def not_derived() -> st.SearchStrategy[NotDerived]:
    """Draw failed conditions that declare no remedy."""
    return st.builds(NotDerived, check=CHECK_IDS)


def one_ofs() -> st.SearchStrategy[OneOf]:
    """Draw alternatives: two or three changes of one check."""
    option = st.one_of(reach_bounds(), set_facts(), wait_untils())
    return st.builds(
        lambda check, options: OneOf(check=check, options=tuple(options)),
        CHECK_IDS,
        st.lists(option, min_size=2, max_size=3),
    )


def remedy_values() -> st.SearchStrategy[Remedy]:
    """Draw any remedy a decision may propose."""
    return st.one_of(
        supply_facts(),
        reach_bounds(),
        set_facts(),
        add_items(),
        one_ofs(),
        wait_untils(),
        district_supplies(),
        not_remediables(),
        not_derived(),
    )


def earliest_days() -> st.SearchStrategy[EarliestDay]:
    """Draw earliest days: found (with what it repairs), or not found with a reason."""
    return st.builds(
        lambda day, checks, found: EarliestDay(
            day=day if found else None,
            paths=("claim.claimed_on",),
            checks=tuple(checks),
            why="" if found else "a figure expires first",
        ),
        _DAYS,
        st.lists(CHECK_IDS, min_size=1, max_size=3),
        st.booleans(),
    )
