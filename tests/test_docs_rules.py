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
    """One item per dated value (one item for a parameter with none)."""
    page = EXT.rule_page(rule, BUNDLED)
    items = [item for p in page.parameters for item in EXT._value_items(p)]
    expected = sum(max(len(BUNDLED.parameters[n].values), 1) for n in rule.parameters)
    assert len(items) == expected


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
    assert "None bundled" in text
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


# -- the page's layout: headings, stacked conditions, values in plain words --------

REPR = re.compile(r"\b(?:frozenset|set)\(|<[A-Za-z_]\w*\.[A-Z][A-Z0-9_]*: ")


def sections(rendered: list[Any]) -> list[str]:
    """The titles of the top-level sections among rendered nodes."""
    return [node[0].astext() for node in rendered if isinstance(node, nodes.section)]


def test_sources_conditions_and_parameters_are_headings() -> None:
    """Each part is a section with a title, so the sidebar's "On this page" lists it."""
    rendered = EXT.render_rule_page(EXT.rule_page(QUOTA_RULE, BUNDLED))
    assert sections(rendered) == ["Sources", "Conditions", "Parameters"]
    assert not any(isinstance(node, nodes.section) for node in rendered[:1])


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.id)
def test_a_rule_page_has_no_table_and_no_python_repr(rule: Rule) -> None:
    """Conditions and parameters are stacked blocks, values in plain words."""
    rendered = EXT.render_rule_page(EXT.rule_page(rule, BUNDLED))
    for root in rendered:
        if isinstance(root, nodes.Element):
            assert not list(root.findall(nodes.table)), rule.id
    assert not REPR.search(text_of(rendered)), rule.id


def test_a_condition_reads_sentence_first_then_check_facts_and_documents() -> None:
    """The term is the Chinese sentence; the check id, facts, parameters and
    documents follow as labelled fields."""
    from skillchain.rules import get_rule

    rule = get_rule("apprenticeship.apprentice")
    page = EXT.rule_page(rule, BUNDLED)
    rendered = EXT.render_rule_page(page)
    part = [node for node in rendered if isinstance(node, nodes.section)][1]
    (conditions,) = part.findall(nodes.definition_list)
    items = list(conditions.findall(nodes.definition_list_item))
    assert len(items) == len(rule.conditions)
    for item, entry, condition in zip(
        items, page.conditions, rule.conditions, strict=True
    ):
        assert item[0].astext() == entry.zh
        fields = {
            field[0].astext(): field[1].astext() for field in item.findall(nodes.field)
        }
        assert fields["Check"].startswith(condition.check)
        assert next(iter(fields)) == "Check"
        assert "Documents" in fields
        for fact in condition.facts:
            assert fact in fields["Facts"]
        for name in condition.parameters:
            assert name in fields["Parameters"]


def test_a_parameter_value_is_in_plain_words() -> None:
    """A set of hire kinds reads as the `skillchain params` command prints it."""
    from skillchain.cli._params import format_parameter
    from skillchain.rules import get_rule

    rule = get_rule("apprenticeship.apprentice")
    text = text_of(EXT.render_rule_page(EXT.rule_page(rule, BUNDLED)))
    param = BUNDLED.parameters["apprenticeship.eligible_hire_kinds"]
    for value in param.values:
        assert format_parameter(value.value, "en") in text
        assert value.provenance is not None
        assert f"provenance: {value.provenance.value}" in text
    assert "From 2019-12-19 to 2021-12-31" in text
    assert "From 2022-01-01, open-ended" in text


def test_a_mapping_value_has_one_line_per_key() -> None:
    """The subsidy rates by level are listed a level a line."""
    from skillchain.rules import get_rule

    rule = get_rule("apprenticeship.subsidy")
    page = EXT.rule_page(rule, BUNDLED)
    (rates,) = [p for p in page.parameters if p.name == "apprenticeship.annual_subsidy"]
    first = EXT._value_items(rates)[0]
    lines = [item.astext() for item in first.findall(nodes.list_item)][1:]
    assert lines == [
        f"{level.label('en')}: {amount}"
        for level, amount in rates.values[0].value.items()
    ]


# -- Chinese marked as Chinese ------------------------------------------------------


def test_chinese_runs_are_wrapped_and_code_is_left_alone() -> None:
    """A run of Chinese, digits inside it included, becomes one marked inline."""
    para = nodes.paragraph()
    para += nodes.Text("Rests on 深人社规〔2019〕11号, article 第二条.")
    block = nodes.literal_block("x = '中文'", "x = '中文'")
    root = nodes.section()
    root += para
    root += block
    assert EXT.mark_chinese(root) == 2
    marked = [
        node.astext()
        for node in para.findall(nodes.inline)
        if EXT.ZH_CLASS in node["classes"]
    ]
    assert marked == ["深人社规〔2019〕11号", "第二条"]
    assert para.astext() == "Rests on 深人社规〔2019〕11号, article 第二条."
    assert block.astext() == "x = '中文'"
    assert not list(block.findall(nodes.inline))
    assert EXT.mark_chinese(root) == 0  # marked text is not wrapped again


def test_the_run_pattern_keeps_latin_and_spaces_out() -> None:
    assert EXT.CJK_RUN.findall("电工 (6-31-01-03) 高级工（三级）2024年") == [
        "电工",
        "高级工（三级）2024年",
    ]


def _build(tmp_path: Path, page: str) -> str:
    """Build a one-page site with the docs extension; the page's HTML."""
    import io

    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "skillchain_docs"]\n'
        'html_theme = "basic"\n'
        'language = "en"\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(page, encoding="utf-8")
    with docutils_namespace():
        app = Sphinx(
            str(src),
            str(src),
            str(tmp_path / "html"),
            str(tmp_path / "doctrees"),
            "html",
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        app.build()
    return (tmp_path / "html" / "index.html").read_text(encoding="utf-8")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_a_built_rule_page_marks_chinese_and_heads_what_follows(tmp_path: Path) -> None:
    """In the HTML, Chinese text sits in lang="zh-CN"; the parts are headings, and
    prose written after the directive gets a heading of its own."""
    html = _build(
        tmp_path,
        "# Annual subsidy cap (年度补贴次数上限)\n\n"
        "```{skillchain-rule} subsidy.cap\n```\n\n"
        "Prose after the reference, citing 深人社规〔2023〕8号.\n\n"
        "## Worked example\n\nMore.\n",
    )
    assert '<span lang="zh-CN">年度补贴次数上限</span>' in html
    assert '<span lang="zh-CN">深人社规〔2023〕8号</span>' in html
    # The rule's Chinese title, its conditions' sentences and its documents' titles
    # are in the body, every run of them marked (see the end).
    cap = next(rule for rule in rules() if rule.id == "subsidy.cap")
    for run in EXT.CJK_RUN.findall(cap.title_zh):
        assert f'<span lang="zh-CN">{run}</span>' in html
    headings = re.findall(r"<h2>(.*?)<a class=\"headerlink\"", html)
    assert headings == [
        "Sources",
        "Conditions",
        "Parameters",
        EXT._RULE_TAIL_TITLE,
        "Worked example",
    ]
    tail = html.split(f"<h2>{EXT._RULE_TAIL_TITLE}")[1].split("<h2>")[0]
    assert "Prose after the reference" in tail
    unmarked = re.sub(r'<span lang="zh-CN">[^<]*</span>', "", html)
    body = unmarked.split('<div class="body"', 1)[1].split("</body>")[0]
    leftover = [
        text for text in re.findall(r">([^<]*)<", body) if EXT.CJK_RUN.search(text)
    ]
    assert leftover == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_the_register_and_the_parameters_are_blocks_that_links_reach(
    tmp_path: Path,
) -> None:
    """The document register and the parameter list are built without a table; a
    rule page's sources link to the register's entries by their anchors."""
    from skillchain.cli._params import format_parameter

    html = _build(
        tmp_path,
        "# Reference\n\n"
        "```{skillchain-rule} subsidy.cap\n```\n\n"
        "## Parameters of the cap\n\n"
        "```{skillchain-parameters}\n:group: subsidy\n```\n\n"
        "## Documents\n\n"
        "```{skillchain-documents}\n```\n",
    )
    assert "<table" not in html
    for doc_id in BUNDLED.documents:
        assert f'id="policy-document-{doc_id}"' in html
    cap = next(rule for rule in rules() if rule.id == "subsidy.cap")
    for citation in cap.citations(BUNDLED):
        assert f'href="#policy-document-{citation.document.id}"' in html
    kinds = BUNDLED.parameters["subsidy.capped_kinds"].values[0].value
    assert format_parameter(kinds, "en") in html
    assert not REPR.search(re.sub(r"<[^>]+>", "", html))
