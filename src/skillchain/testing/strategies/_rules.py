"""Strategies of the registered rules and their declarations."""

from hypothesis import strategies as st

from skillchain.policy import (
    specs,
)
from skillchain.rules import (
    Condition,
    ReadOn,
    Rule,
    RuleSource,
)
from skillchain.rules import rules as registered_rules
from skillchain.serialization import Fact, rule_facts
from skillchain.testing.strategies._base import IDS, NAMES, optional
from skillchain.testing.strategies._decisions import CHECK_IDS


def rules() -> st.SearchStrategy[Rule]:
    """Draw the registered rules (:func:`skillchain.rules.rules`)."""
    return st.sampled_from(registered_rules())


def rule_fact_entries() -> st.SearchStrategy[Fact]:
    """Draw the facts registered rules decide on (:func:`skillchain.serialization.rule_facts`)."""
    return st.sampled_from(
        [fact for rule in registered_rules() for fact in rule_facts(rule)]
    )


def rule_sources() -> st.SearchStrategy[RuleSource]:
    """Draw rule sources: a register id and, sometimes, an article."""
    return st.builds(RuleSource, document=IDS, article=optional(NAMES))


def read_ons() -> st.SearchStrategy[ReadOn]:
    """Draw reading days: a dotted fact path of a date and a reason."""
    return st.builds(
        ReadOn,
        day=st.sampled_from(
            ["certificate.issued_on", "claim.applied_on", "training_end", "on"]
        ),
        why=NAMES,
    )


def conditions() -> st.SearchStrategy[Condition]:
    """Draw rule conditions: a check id, declared parameter names, rule sources and,
    sometimes, the day its parameters are read on."""
    return st.builds(
        Condition,
        check=CHECK_IDS,
        parameters=st.lists(
            st.sampled_from(sorted(specs())), max_size=3, unique=True
        ).map(tuple),
        sources=st.lists(rule_sources(), max_size=2).map(tuple),
        read_on=optional(read_ons()),
    )
