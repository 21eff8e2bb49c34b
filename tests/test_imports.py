"""What importing the package costs: which modules load, and that nothing is lost.

``import skillchain`` and ``import skillchain.rules`` import no implementation
module: each public name is imported on first access, a rule module when one of
its rules or names is first needed, and every rule module before
:func:`skillchain.rules.rules` lists them.  These tests run each import in a fresh
interpreter and look at ``sys.modules``; they never time anything (the import
benchmark does, ``benchmarks/bench_import.py``).
"""

import ast
import json
import subprocess
import sys
import textwrap

from pathlib import Path

import pytest

import skillchain
import skillchain.rules


# Set to False if identity numbers and credit codes import python-stdnum again
# when their module is imported (it is then loaded only by a check that needs it).
STDNUM_DEFERRED = True

HEAVY = ("dask", "hypothesis", "ssl", "pydoc", "cattrs", "attrs")
"""Modules a bare ``import skillchain`` must not load."""


def run(script: str) -> object:
    """Run *script* in a fresh interpreter and return what it prints, as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def loaded_after(statement: str) -> list[str]:
    """The modules in ``sys.modules`` after *statement* in a fresh interpreter."""
    found = run(
        f"""
        import json, sys
        {statement}
        print(json.dumps(sorted(sys.modules)))
        """
    )
    assert isinstance(found, list)
    return [str(name) for name in found]


def top(modules: list[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


@pytest.mark.parametrize("statement", ["import skillchain", "import skillchain.rules"])
def test_importing_the_package_loads_no_implementation(statement: str) -> None:
    """Neither package import loads a rule module, the model, the policy or a heavy
    dependency."""
    modules = loaded_after(statement)
    ours = [name for name in modules if name.startswith("skillchain")]
    assert set(ours) <= {"skillchain", "skillchain._lazy", "skillchain.rules"}
    assert not top(modules) & {*HEAVY, "stdnum"}


def test_a_rule_loads_its_own_module_only() -> None:
    """Taking one rule function imports its programme's rules, not the others'."""
    modules = loaded_after("from skillchain.rules import apprentice_case")
    rule_modules = {
        name.split(".")[2] for name in modules if name.startswith("skillchain.rules.")
    }
    assert "apprenticeship" in rule_modules
    assert not rule_modules & {"rewards", "competitions", "craftsman", "carriers"}
    assert not top(modules) & {"dask", "hypothesis", "pydoc", "ssl"}


def test_get_rule_imports_the_module_its_id_names() -> None:
    """get_rule('rewards.high_skill') imports skillchain.rules.rewards, and no other."""
    modules = loaded_after(
        "from skillchain.rules import get_rule; get_rule('rewards.high_skill')"
    )
    assert "skillchain.rules.rewards" in modules
    assert "skillchain.rules.apprenticeship" not in modules


@pytest.mark.skipif(
    not STDNUM_DEFERRED, reason="identity numbers still import python-stdnum"
)
def test_values_and_rules_do_not_import_stdnum() -> None:
    """Identity numbers, credit codes and a rule load python-stdnum only when a
    check needs it, not at import."""
    modules = loaded_after(
        "from skillchain import CreditCode, Decision, Policy, ResidentId, redact\n"
        "        from skillchain.rules import apprentice_case"
    )
    assert "stdnum" not in top(modules)


def test_every_public_name_resolves_in_a_fresh_interpreter() -> None:
    """Each name of both ``__all__`` resolves when first asked for (nothing imported
    before), and ``dir()`` lists it."""
    missing = run(
        """
        import json
        import skillchain, skillchain.rules
        missing = []
        for package in (skillchain, skillchain.rules):
            for name in package.__all__:
                if name not in dir(package) or getattr(package, name) is None:
                    missing.append(f"{package.__name__}.{name}")
        print(json.dumps(missing))
        """
    )
    assert missing == []


def test_public_names_are_the_objects_of_their_modules() -> None:
    """A lazily served name is the very object its module defines."""
    from skillchain._decision import Decision
    from skillchain.policy import Policy
    from skillchain.rules._registry import get_rule
    from skillchain.rules.apprenticeship.case import apprentice_case

    assert skillchain.Decision is Decision
    assert skillchain.Policy is Policy
    assert skillchain.rules.get_rule is get_rule
    assert skillchain.rules.apprentice_case is apprentice_case


def test_unknown_names_still_raise_attribute_error() -> None:
    """A name no table lists raises AttributeError naming it, in both packages."""
    with pytest.raises(AttributeError, match="no_such_rule"):
        _ = skillchain.rules.no_such_rule  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="'skillchain' has no attribute"):
        _ = skillchain.no_such_name  # type: ignore[attr-defined]


def test_public_subpackages_are_attributes_on_first_access() -> None:
    """``skillchain.policy`` works after a bare ``import skillchain``, as it did when
    the package imported it eagerly."""
    found = run(
        """
        import json
        import skillchain
        import skillchain.rules
        print(json.dumps([
            skillchain.policy.__name__,
            skillchain.errors.__name__,
            skillchain.rules.levels.__name__,
            skillchain.rules.apprenticeship.case.__name__,
        ]))
        """
    )
    assert found == [
        "skillchain.policy",
        "skillchain.errors",
        "skillchain.rules.levels",
        "skillchain.rules.apprenticeship.case",
    ]


def test_every_bundled_programme_module_is_an_attribute_of_the_rules() -> None:
    """The rules package serves as attributes exactly the rule modules the programme
    table names."""
    from skillchain.policy import programmes

    tree = ast.parse(Path(skillchain.rules.__file__ or "").read_text("utf-8"))
    served = next(
        {str(ast.literal_eval(element)) for element in node.args[0].elts}
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "frozenset"
        and node.args
        and isinstance(node.args[0], ast.Set)
    )
    named = {
        programme.key
        for programme in programmes()
        if (programme.rules or "").startswith("skillchain.rules.")
    }
    assert served == named


def test_rules_lists_every_rule_of_an_eager_import() -> None:
    """rules() after the lazy import lists the ids an import of every rule module
    registers, in the same order."""
    lazy = run(
        """
        import json
        from skillchain.rules import rules
        print(json.dumps([rule.id for rule in rules()]))
        """
    )
    eager = run(
        """
        import importlib, json, pkgutil
        import skillchain.rules
        for module in pkgutil.walk_packages(
            skillchain.rules.__path__, "skillchain.rules."
        ):
            importlib.import_module(module.name)
        from skillchain.rules import rules
        print(json.dumps([rule.id for rule in rules()]))
        """
    )
    assert lazy == eager
    assert lazy == [rule.id for rule in skillchain.rules.rules()]


def test_a_plugin_rule_is_checked_against_rules_not_yet_imported() -> None:
    """A rule from outside the library that redeclares a bundled check differently
    is refused even when the bundled rule's module was not imported yet."""
    found = run(
        """
        import json, sys
        from datetime import date
        from skillchain.rules import Condition, Rule, RuleSource, register

        def decide(*, on: date, policy=None):
            raise NotImplementedError

        rule = Rule(
            id="demo.plugin",
            version="1",
            title_zh="示例",
            title_en="Demo",
            function=decide,
            sources=(RuleSource("sz-2019-11"),),
            conditions=(
                Condition("rewards.high_skill.post", zh="别的", en="other"),
            ),
        )
        before = "skillchain.rules.rewards" in sys.modules
        try:
            register(rule)
        except ValueError as error:
            print(json.dumps([before, str(error)]))
        else:
            print(json.dumps([before, "registered"]))
        """
    )
    assert isinstance(found, list)
    before, message = found
    assert before is False
    assert "already declared differently" in message


def _typing_imports(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for inner in node.body:
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    found[inner.module] = tuple(a.name for a in inner.names)
    return found


def _lazy_table(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "exports"
        ):
            table = node.args[1]
            assert isinstance(table, ast.Dict)
            return {
                str(ast.literal_eval(key)): tuple(ast.literal_eval(value))
                for key, value in zip(table.keys, table.values, strict=True)
                if key is not None
            }
    raise AssertionError("no exports(...) call")


@pytest.mark.parametrize("package", [skillchain, skillchain.rules])
def test_type_checkers_see_what_the_lazy_table_serves(package: object) -> None:
    """The ``if TYPE_CHECKING:`` imports and the lazy table name the same modules
    and names, and together they are exactly ``__all__``."""
    path = Path(getattr(package, "__file__", ""))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_imports = _typing_imports(tree)
    table = _lazy_table(tree)
    assert typing_imports == table
    served = sorted(name for names in table.values() for name in names)
    assert served == sorted(getattr(package, "__all__", ()))
