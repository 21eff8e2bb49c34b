"""The rule pages: one per registered rule, generated from the registry and the policy."""

import importlib
import re
import sys

from pathlib import Path
from typing import Any

import pytest

from skillchain import Parameter, Policy
from skillchain.rules import QUOTA_RULE, SETTLEMENT_RULE, Rule, rules


DOCS = Path(__file__).parent.parent / "docs"
RULE_PAGES = DOCS / "rules"
sys.path.insert(0, str(DOCS / "_ext"))
# Imported by name at run time: the extension lives outside the package and mypy's path.
EXT: Any = importlib.import_module("skillchain_docs")
# docutils ships no type stubs: reach its node classes through the extension.
nodes: Any = EXT.nodes
addnodes: Any = EXT.addnodes
DIRECTIVE = re.compile(r"^```\{skillchain-rule\}[ \t]+(\S+)[ \t]*$", re.MULTILINE)
DOCTEST = re.compile(r"^```\{doctest\}", re.MULTILINE)
BUNDLED = Policy.default()


def directives() -> dict[str, list[str]]:
    """Page file name -> the rule ids its ``skillchain-rule`` directives name."""
    return {
        path.name: DIRECTIVE.findall(path.read_text(encoding="utf-8"))
        for path in sorted(RULE_PAGES.glob("*.md"))
    }


def text_of(rendered: list[Any]) -> str:
    """The text of rendered nodes, in one string."""
    return "\n".join(node.astext() for node in rendered)


def xref_targets(rendered: list[Any]) -> list[str]:
    """The targets of the cross-references in rendered nodes, in order."""
    return [
        xref["reftarget"]
        for node in rendered
        if isinstance(node, nodes.Element)
        for xref in node.findall(addnodes.pending_xref)
    ]


def test_every_registered_rule_has_exactly_one_page_named_after_it() -> None:
    """The directives in docs/rules name each registered rule once, on its own page."""
    found = directives()
    named = [rule_id for ids in found.values() for rule_id in ids]
    assert sorted(named) == sorted(rule.id for rule in rules())
    for page, ids in found.items():
        assert len(ids) <= 1, page
        if ids:
            assert page == f"{EXT.rule_page_name(ids[0])}.md"


def test_the_page_names_spell_dots_and_underscores_as_hyphens() -> None:
    """``skill_upgrade`` -> ``skill-upgrade``; ``subsidy.cap`` -> ``subsidy-cap``."""
    assert EXT.rule_page_name("skill_upgrade") == "skill-upgrade"
    assert EXT.rule_page_name("subsidy.cap") == "subsidy-cap"
    assert (
        EXT.rule_page_name("apprenticeship.prepayment") == "apprenticeship-prepayment"
    )


def test_every_rule_page_has_a_worked_example() -> None:
    """Each page holding a rule directive has at least one doctest block."""
    for page, ids in directives().items():
        if ids:
            text = (RULE_PAGES / page).read_text(encoding="utf-8")
            assert DOCTEST.search(text), page


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.id)
def test_the_page_lists_every_parameter_and_condition(rule: Rule) -> None:
    """The page data and its rendering list every parameter and check of the rule."""
    page = EXT.rule_page(rule, BUNDLED)
    assert tuple(p.name for p in page.parameters) == rule.parameters
    assert tuple(c.check for c in page.conditions) == rule.checks
    for entry in page.conditions:
        assert entry.citations == rule.citations_for(entry.check, BUNDLED)
        assert entry.parameters == rule.condition(entry.check).parameters
    rendered = EXT.render_rule_page(page)
    text = text_of(rendered)
    for name in rule.parameters:
        assert name in text
    for check in rule.checks:
        assert check in text
    targets = xref_targets(rendered)
    for entry in page.conditions:
        for citation in entry.citations:
            assert f"policy-document-{citation.document.id}" in targets


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.id)
def test_the_page_shows_every_dated_value_of_its_parameters(rule: Rule) -> None:
    """One parameter-table row per dated value (one row for a parameter with none)."""
    page = EXT.rule_page(rule, BUNDLED)
    rows = [row for p in page.parameters for row in EXT._parameter_rows(p)]
    expected = sum(max(len(BUNDLED.parameters[n].values), 1) for n in rule.parameters)
    assert len(rows) == expected


def test_the_summary_is_the_first_paragraph_of_the_rule_function() -> None:
    """subsidy.cap's page says what annual_cap's docstring says first."""
    cap = next(rule for rule in rules() if rule.id == "subsidy.cap")
    assert (
        EXT.rule_summary(cap)
        == "Decide whether *claim* stays within Shenzhen's annual subsidy cap."
    )
    rendered = EXT.render_rule_page(EXT.rule_page(cap, BUNDLED))
    emphasised = [
        node.astext()
        for root in rendered
        if isinstance(root, nodes.Element)
        for node in root.findall(nodes.emphasis)
    ]
    assert "claim" in emphasised


@pytest.mark.parametrize(
    ("rule_id", "wording"),
    [
        ("ui_skill", "from 2022-01-01 to 2024-12-31"),
        ("subsidy.cap", "from 2023-11-15 to 2025-12-31"),
        ("apprenticeship.apprentice", "from 2019-12-19, open-ended"),
    ],
)
def test_the_page_states_the_in_force_span(rule_id: str, wording: str) -> None:
    """The in-force line reads the span of the rule's parameters, as worked out by hand."""
    rule = next(rule for rule in rules() if rule.id == rule_id)
    assert wording in text_of(EXT.render_rule_page(EXT.rule_page(rule, BUNDLED)))


BARE = Policy.loads(
    """
[documents.sz-2019-11]
title = "深圳市推行企业新型学徒制实施办法"
number = "深人社规〔2019〕11号"
issuers = ["深圳市人力资源和社会保障局"]
level = "municipal"
provenance = "secondary"
""",
    name="bare.toml",
)


def test_a_parameter_the_policy_lacks_is_still_listed() -> None:
    """Under a policy without the refund period, the page lists it with no values."""
    page = EXT.rule_page(SETTLEMENT_RULE, BARE)
    (param,) = page.parameters
    assert isinstance(param, Parameter)
    assert param.name == "apprenticeship.settlement_refund_months"
    assert param.values == ()
    assert param.unit == "months"
    assert page.in_force is None
    text = text_of(EXT.render_rule_page(page))
    assert "none bundled" in text
    assert "no parameter it reads has a value" in text


def test_a_rule_page_says_which_day_resolves_each_figure() -> None:
    """A condition's parameters are read on the evaluation day unless it declares a day."""
    import attrs

    from skillchain.rules import Condition, ReadOn

    rule = QUOTA_RULE
    index, first = next(
        (i, c)
        for i, c in enumerate(rule.conditions)
        if c.parameters and c.read_on is None
    )
    changed = attrs.evolve(
        first, read_on=ReadOn("training_end", "the source counts from it")
    )
    declared = attrs.evolve(
        rule,
        conditions=(
            *rule.conditions[:index],
            changed,
            *rule.conditions[index + 1 :],
        ),
    )
    plain = text_of(EXT.render_rule_page(EXT.rule_page(rule, BUNDLED)))
    shown = text_of(EXT.render_rule_page(EXT.rule_page(declared, BUNDLED)))
    reading = sum(1 for c in rule.conditions if c.parameters and c.read_on is None)
    assert plain.count("read on the evaluation day") == reading
    assert shown.count("read on the evaluation day") == reading - 1
    assert "read on training_end: the source counts from it" in shown
    assert isinstance(first, Condition)


def test_every_declared_reading_day_is_on_its_rule_page() -> None:
    for rule in rules():
        text = text_of(EXT.render_rule_page(EXT.rule_page(rule, BUNDLED)))
        for condition in rule.conditions:
            if condition.read_on is not None and condition.parameters:
                assert f"read on {condition.read_on.day}: " in text, condition.check
