"""Each condition is declared once: the rule modules spell no check id, message,
parameter list or citation anywhere but in a ``Condition(...)`` declaration."""

import ast

from collections.abc import Iterator
from pathlib import Path

import pytest

from skillchain.policy import programmes, specs
from skillchain.rules import rules
from skillchain.rules._registry import unknown_documents


RULES_DIR = Path(__file__).parent.parent / "src" / "skillchain" / "rules"
MODULES = sorted(p for p in RULES_DIR.glob("**/*.py") if not p.name.startswith("_"))
CHECKS = frozenset(c.check for r in rules() for c in (*r.conditions, *r.retired))
# Bookkeeping a declaration now derives: never called in a rule module.
DERIVED_CALLS = frozenset({"register_messages", "Message", "citations_of", "citation"})


def declared_spans(tree: ast.Module) -> list[tuple[int, int, int, int]]:
    """Where each ``Condition(...)`` call sits (start/end line and column)."""
    return [
        (node.lineno, node.col_offset, node.end_lineno or 0, node.end_col_offset or 0)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Condition"
    ]


def inside(node: ast.AST, spans: list[tuple[int, int, int, int]]) -> bool:
    """Whether *node* lies within one of *spans*."""
    start = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
    end = (getattr(node, "end_lineno", 0), getattr(node, "end_col_offset", 0))
    return any((a, b) <= start and end <= (c, d) for a, b, c, d in spans)


def declaration_constants(
    tree: ast.Module, spans: list[tuple[int, int, int, int]]
) -> set[str]:
    """Module-level names assigned once and read only inside declarations."""
    assigned = {
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign | ast.AnnAssign)
        for target in (
            statement.targets
            if isinstance(statement, ast.Assign)
            else [statement.target]
        )
        if isinstance(target, ast.Name)
    }
    used_outside = {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name)
        and isinstance(node.ctx, ast.Load)
        and not inside(node, spans)
    }
    return assigned - used_outside


def offences(path: Path) -> Iterator[str]:
    """Every place *path* spells what a declaration should hold."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    spans = declared_spans(tree)
    constants = declaration_constants(tree, spans)
    allowed_lines: set[int] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = (
                statement.targets
                if isinstance(statement, ast.Assign)
                else [statement.target]
            )
            if all(isinstance(t, ast.Name) and t.id in constants for t in targets):
                allowed_lines.update(
                    range(statement.lineno, (statement.end_lineno or 0) + 1)
                )
    names = CHECKS | frozenset(specs())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                text = node.value
                for heading in ("Effective:", "References:"):
                    if heading in text:
                        yield f"{path.name}:{node.lineno}: docstring section {heading}"
            elif (
                node.value in names
                and not inside(node, spans)
                and node.lineno not in allowed_lines
            ):
                yield f"{path.name}:{node.lineno}: {node.value!r} outside a declaration"
        elif isinstance(node, ast.Call):
            func = node.func
            called = (
                func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            )
            if called in DERIVED_CALLS:
                yield f"{path.name}:{node.lineno}: calls {called}()"
            if called == "Rule" and any(k.arg == "parameters" for k in node.keywords):
                yield f"{path.name}:{node.lineno}: Rule(parameters=...)"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(RULES_DIR)))
def test_a_rule_module_spells_each_condition_only_in_its_declaration(
    path: Path,
) -> None:
    """No check id or parameter name outside ``Condition(...)``, no hand-built
    messages or citations, no docstring section repeating the registry."""
    assert list(offences(path)) == []


def test_the_scan_finds_each_kind_of_offence(tmp_path: Path) -> None:
    """A module that spells a check twice, builds a citation and registers messages."""
    check = next(iter(sorted(CHECKS)))
    parameter = next(iter(sorted(specs())))
    bad = tmp_path / "bad.py"
    bad.write_text(
        f'''"""Bad.

Effective: always.
"""
GOOD = Condition("{check}", parameters=("{parameter}",))
_ID = "{check}"
register_messages({{_ID: Message(zh="x", en="x")}})
def body(judge, policy):
    judge.check(_ID, True, (), (policy.citation("x"),))
    return judge.values(GOOD), "{parameter}"
RULE = Rule(id="x", parameters=("{parameter}",), conditions=(GOOD,))
''',
        encoding="utf-8",
    )
    found = list(offences(bad))
    assert any("docstring section Effective:" in f for f in found)
    assert any(f"{check!r} outside a declaration" in f for f in found)
    assert any(f"{parameter!r} outside a declaration" in f for f in found)
    assert any("calls register_messages()" in f for f in found)
    assert any("calls Message()" in f for f in found)
    assert any("calls citation()" in f for f in found)
    assert any("Rule(parameters=...)" in f for f in found)


def test_each_check_has_one_declaration() -> None:
    """Across every registered rule, a check id stands for one declaration."""
    declared: dict[str, tuple[object, ...]] = {}
    for rule in rules():
        for condition in (*rule.conditions, *rule.retired):
            shape = (
                condition.zh,
                condition.en,
                condition.parameters,
                condition.sources,
            )
            assert declared.setdefault(condition.check, shape) == shape, condition.check
            assert condition.zh, condition.check
            assert condition.en, condition.check


def test_the_programme_table_and_the_rule_modules_agree() -> None:
    """One key per programme: each module or package under ``skillchain.rules`` is
    the rule module of one bundled programme, named by its key, and registers only
    rules whose ids start with that key."""
    listed = {
        programme.rules: programme.key
        for programme in programmes()
        if programme.rules is not None
    }
    present = {
        f"skillchain.rules.{path.stem if path.is_file() else path.name}"
        for path in RULES_DIR.iterdir()
        if not path.name.startswith("_")
        and (path.suffix == ".py" or (path / "__init__.py").is_file())
    }
    assert present == set(listed)
    for module, key in listed.items():
        assert module == f"skillchain.rules.{key}"
        found = [r for r in rules() if r.function.__module__.startswith(module)]
        assert found, module
        assert all(r.id.split(".")[0] == key for r in found), module


def test_every_document_a_rule_cites_is_in_the_bundled_register() -> None:
    """The library's own rules are not checked against the policy as they register
    (the policy is never read at import): this test is that check."""
    assert {rule.id: unknown_documents(rule) for rule in rules()} == {
        rule.id: [] for rule in rules()
    }
