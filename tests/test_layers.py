"""The package's layers as a contract, checked on the source of every module.

Layers, lowest first: values (the top-level private modules and
``skillchain.errors``) → model → policy and catalog → rules → the boundary
(serialization, comparison, case files, simulation, the command line, the package
itself) → the testing kit.  A module imports only from its own layer or below; it
imports a private module only of its own package (or a top-level ``skillchain._x``
of its layer or below); it imports no ``_name`` from another module (the private
exception carriers of ``skillchain.errors`` excepted: every exception lives there);
and no exception class is defined outside ``skillchain/errors.py``.

The checker reads the source (imports inside functions and under
``if TYPE_CHECKING:`` count) and is itself tested on a small made-up package.
"""

import ast
import builtins
import importlib
import textwrap

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

import skillchain


SRC = Path(skillchain.__file__).resolve().parent.parent

ORDER = ("values", "model", "policy", "rules", "boundary", "testing")
"""The layers, lowest first.  Policy and catalog share a layer."""

LAYERS: Mapping[str, str] = {
    # values: small validated types and helpers every layer uses
    "skillchain._bulk": "values",
    "skillchain._check_characters": "values",
    "skillchain._checks": "values",
    "skillchain._codes": "values",
    "skillchain._context": "values",
    "skillchain._dates": "values",
    "skillchain._decision": "values",
    "skillchain._errors": "values",
    "skillchain._identifiers": "values",
    "skillchain._labels": "values",
    "skillchain._lazy": "values",
    "skillchain._levels": "values",
    "skillchain._money": "values",
    "skillchain._redact": "values",
    "skillchain._sources": "values",
    "skillchain._toml": "values",
    "skillchain.errors": "values",
    # model: the typed facts
    "skillchain.model": "model",
    "skillchain.model._apprenticeship": "model",
    "skillchain.model._chains": "model",
    "skillchain.model._craftsman": "model",
    "skillchain.model._enums": "model",
    "skillchain.model._level_application": "model",
    "skillchain.model._people": "model",
    "skillchain.model._recognition": "model",
    "skillchain.model._training": "model",
    # policy and catalog: dated parameters and reference lists
    "skillchain.policy": "policy",
    "skillchain.policy._choices": "policy",
    "skillchain.policy._level_standards": "policy",
    "skillchain.policy._policy": "policy",
    "skillchain.policy._programmes": "policy",
    "skillchain.policy._reform": "policy",
    "skillchain.policy._schema": "policy",
    "skillchain.policy._tables": "policy",
    "skillchain.policy.kinds": "policy",
    "skillchain.catalog": "policy",
    "skillchain.catalog._access": "policy",
    "skillchain.catalog._catalog": "policy",
    "skillchain.catalog._enums": "policy",
    "skillchain.catalog._errors": "policy",
    "skillchain.catalog._reader": "policy",
    "skillchain.catalog._rows": "policy",
    # rules: pure functions from facts and policy to decisions
    "skillchain.rules": "rules",
    "skillchain.rules._allocation": "rules",
    "skillchain.rules._claims": "rules",
    "skillchain.rules._judge": "rules",
    "skillchain.rules._registry": "rules",
    "skillchain.rules.apprenticeship": "rules",
    "skillchain.rules.apprenticeship.apprentice": "rules",
    "skillchain.rules.apprenticeship.case": "rules",
    "skillchain.rules.apprenticeship.enterprise": "rules",
    "skillchain.rules.apprenticeship.programme": "rules",
    "skillchain.rules.apprenticeship.quota": "rules",
    "skillchain.rules.apprenticeship.subsidy": "rules",
    "skillchain.rules.carriers": "rules",
    "skillchain.rules.chains": "rules",
    "skillchain.rules.competitions": "rules",
    "skillchain.rules.craftsman": "rules",
    "skillchain.rules.experts": "rules",
    "skillchain.rules.institutions": "rules",
    "skillchain.rules.levels": "rules",
    "skillchain.rules.public_training": "rules",
    "skillchain.rules.skill_upgrade": "rules",
    "skillchain.rules.skill_upgrade.subsidy": "rules",
    "skillchain.rules.skill_upgrade.case": "rules",
    "skillchain.rules.subsidy": "rules",
    "skillchain.rules.rewards": "rules",
    "skillchain.rules.ui_skill": "rules",
    "skillchain.rules.ui_skill.subsidy": "rules",
    "skillchain.rules.ui_skill.case": "rules",
    # boundary: what reads and writes the outside world, and the package itself
    "skillchain": "boundary",
    "skillchain.__main__": "boundary",
    "skillchain._decide": "boundary",
    "skillchain._facts": "boundary",
    "skillchain._fast_structure": "boundary",
    "skillchain._parallel": "boundary",
    "skillchain._remedies": "boundary",
    "skillchain._reuse": "boundary",
    "skillchain._schema_json": "boundary",
    "skillchain._serialization": "boundary",
    "skillchain._statistics": "boundary",
    "skillchain.cases": "boundary",
    "skillchain.charts": "boundary",
    "skillchain.cli": "boundary",
    "skillchain.cli._check": "boundary",
    "skillchain.cli._common": "boundary",
    "skillchain.cli._examples": "boundary",
    "skillchain.cli._params": "boundary",
    "skillchain.cli._parser": "boundary",
    "skillchain.cli._plugins": "boundary",
    "skillchain.cli._report": "boundary",
    "skillchain.cli._rules": "boundary",
    "skillchain.cli._simulate": "boundary",
    "skillchain.cluster": "boundary",
    "skillchain.comparison": "boundary",
    "skillchain.examples": "boundary",
    "skillchain.serialization": "boundary",
    "skillchain.simulation": "boundary",
    "skillchain.statistics": "boundary",
    # testing: may use everything; nothing at run time imports it
    "skillchain._hypothesis": "testing",
    "skillchain.testing": "testing",
    "skillchain.testing._compare": "testing",
    "skillchain.testing.contract": "testing",
    "skillchain.testing.strategies": "testing",
    "skillchain.testing.strategies._apprenticeship": "testing",
    "skillchain.testing.strategies._base": "testing",
    "skillchain.testing.strategies._cases": "testing",
    "skillchain.testing.strategies._recipes": "testing",
    "skillchain.testing.strategies._recipes.apprenticeship": "testing",
    "skillchain.testing.strategies._recipes.carriers": "testing",
    "skillchain.testing.strategies._recipes.chains": "testing",
    "skillchain.testing.strategies._recipes.competitions": "testing",
    "skillchain.testing.strategies._recipes.craftsman": "testing",
    "skillchain.testing.strategies._recipes.experts": "testing",
    "skillchain.testing.strategies._recipes.institutions": "testing",
    "skillchain.testing.strategies._recipes.levels": "testing",
    "skillchain.testing.strategies._recipes.public_training": "testing",
    "skillchain.testing.strategies._recipes.rewards": "testing",
    "skillchain.testing.strategies._recipes.skill_upgrade": "testing",
    "skillchain.testing.strategies._recipes.subsidy": "testing",
    "skillchain.testing.strategies._recipes.ui_skill": "testing",
    "skillchain.testing.strategies._carriers": "testing",
    "skillchain.testing.strategies._catalog": "testing",
    "skillchain.testing.strategies._chains": "testing",
    "skillchain.testing.strategies._competitions": "testing",
    "skillchain.testing.strategies._craftsman": "testing",
    "skillchain.testing.strategies._decisions": "testing",
    "skillchain.testing.strategies._draws": "testing",
    "skillchain.testing.strategies._experts": "testing",
    "skillchain.testing.strategies._institutions": "testing",
    "skillchain.testing.strategies._levels": "testing",
    "skillchain.testing.strategies._people": "testing",
    "skillchain.testing.strategies._policy": "testing",
    "skillchain.testing.strategies._recognition": "testing",
    "skillchain.testing.strategies._reforms": "testing",
    "skillchain.testing.strategies._rules": "testing",
    "skillchain.testing.strategies._remedies": "testing",
    "skillchain.testing.strategies._training": "testing",
    "skillchain.testing.strategies._values": "testing",
}
"""Every module of the package and its layer: a new module must be placed here."""

KINDS = ("unplaced", "upward", "private module", "private name", "exception")


class Problem(NamedTuple):
    """One breach of the contract, where it is and what it is."""

    kind: str
    module: str
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.kind}: {self.detail}"


class Source(NamedTuple):
    """A module's parsed source."""

    name: str
    package: str
    tree: ast.Module


def _modules(root: Path, package: str) -> dict[str, Source]:
    found: dict[str, Source] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        name = ".".join(parts)
        found[name] = Source(
            name=name,
            package=name if is_package else name.rpartition(".")[0],
            tree=ast.parse(path.read_text(encoding="utf-8"), str(path)),
        )
    return found


def _private(part: str) -> bool:
    return part.startswith("_") and not part.startswith("__")


def _owner(module: str) -> str | None:
    """The package whose private module *module* is (``None``: it is not private)."""
    parts = module.split(".")
    for index, part in enumerate(parts[1:], start=1):
        if _private(part):
            return ".".join(parts[:index])
    return None


class _Import(NamedTuple):
    target: str  # the module imported from
    name: str | None  # the name imported from it (None: the module itself)
    line: int


def _imports(source: Source, known: Mapping[str, Source]) -> Iterator[_Import]:
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield _Import(alias.name, None, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = source.package.split(".")
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([base] if base else [])])
            for alias in node.names:
                inner = f"{base}.{alias.name}"
                if inner in known:
                    yield _Import(inner, None, node.lineno)
                else:
                    yield _Import(base, alias.name, node.lineno)


def _module_aliases(source: Source, known: Mapping[str, Source]) -> dict[str, str]:
    """Local names bound to a module of the package (``import a.b as c``)."""
    aliases: dict[str, str] = {}
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in known:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and not node.level:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                if inner in known:
                    aliases[alias.asname or alias.name] = inner
    return aliases


def _bindings(source: Source) -> dict[str, tuple[str, str | None]]:
    """Every imported local name: the module it comes from and the name in it."""
    bound: dict[str, tuple[str, str | None]] = {}
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = (alias.name, None)
                else:
                    head = alias.name.partition(".")[0]
                    bound[head] = (head, None)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            for alias in node.names:
                bound[alias.asname or alias.name] = (node.module or "", alias.name)
    return bound


class _Exceptions:
    """Says whether a class derives from :class:`BaseException`, from the source."""

    def __init__(self, known: Mapping[str, Source]) -> None:
        self.known = known
        self.classes = {
            name: {
                node.name: node
                for node in ast.walk(source.tree)
                if isinstance(node, ast.ClassDef)
            }
            for name, source in known.items()
        }
        self.bindings = {name: _bindings(source) for name, source in known.items()}

    def named(self, module: str, name: str, seen: frozenset[str]) -> bool:
        """Whether *name* in *module* is an exception class."""
        key = f"{module}:{name}"
        if key in seen:
            return False
        seen |= {key}
        if module not in self.known:
            try:
                found = getattr(importlib.import_module(module), name)
            except (ImportError, AttributeError, ValueError):
                return False
            return isinstance(found, type) and issubclass(found, BaseException)
        node = self.classes[module].get(name)
        if node is not None:
            return any(self.base(module, base, seen) for base in node.bases)
        bound = self.bindings[module].get(name)
        if bound is not None:
            origin, attr = bound
            return attr is not None and self.named(origin, attr, seen)
        found = getattr(builtins, name, None)
        return isinstance(found, type) and issubclass(found, BaseException)

    def base(self, module: str, node: ast.expr, seen: frozenset[str]) -> bool:
        """Whether the base class expression *node* in *module* is an exception."""
        if isinstance(node, ast.Name):
            return self.named(module, node.id, seen)
        if isinstance(node, ast.Attribute):
            dotted: list[str] = [node.attr]
            value = node.value
            while isinstance(value, ast.Attribute):
                dotted.insert(0, value.attr)
                value = value.value
            if isinstance(value, ast.Name):
                origin, attr = self.bindings[module].get(value.id, (value.id, None))
                path = [origin, *([attr] if attr else []), *dotted[:-1]]
                return self.named(".".join(path), dotted[-1], seen)
        return False


def _import_problems(
    source: Source,
    known: Mapping[str, Source],
    layers: Mapping[str, str],
    rank: Mapping[str, int],
) -> Iterator[Problem]:
    """Upward imports, other packages' private modules, other modules' private names."""
    name = source.name
    package = name.partition(".")[0]
    errors_module = f"{package}.errors"
    for target, imported, line in _imports(source, known):
        if target != package and not target.startswith(f"{package}."):
            continue
        if target in layers and rank[layers[target]] > rank[layers[name]]:
            yield Problem(
                "upward",
                name,
                line,
                f"imports {target} ({layers[target]}) from the {layers[name]} layer",
            )
        owner = _owner(target)
        if owner not in {None, package, name} and not name.startswith(f"{owner}."):
            yield Problem("private module", name, line, f"imports {target} of {owner}")
        if imported is not None and _private(imported) and target != errors_module:
            yield Problem(
                "private name", name, line, f"imports {imported} from {target}"
            )
    aliases = _module_aliases(source, known)
    for node in ast.walk(source.tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
            and aliases[node.value.id] != errors_module
        ):
            yield Problem(
                "private name",
                name,
                node.lineno,
                f"uses {node.attr} of {aliases[node.value.id]}",
            )


def check(
    root: Path, package: str, layers: Mapping[str, str], order: tuple[str, ...]
) -> list[Problem]:
    """Every breach of the layer contract in the package *package* under *root*."""
    known = _modules(root, package)
    rank = {layer: index for index, layer in enumerate(order)}
    problems = [
        Problem("unplaced", name, 0, "not in the table of layers")
        for name in known
        if name not in layers
    ]
    problems.extend(
        Problem("unplaced", name, 0, "in the table of layers but not in the package")
        for name in layers
        if name not in known
    )
    exceptions = _Exceptions(known)
    for name, source in known.items():
        if name not in layers:
            continue
        problems.extend(_import_problems(source, known, layers, rank))
        if name == f"{package}.errors":
            continue
        problems.extend(
            Problem("exception", name, node.lineno, f"defines {node.name}")
            for node in ast.walk(source.tree)
            if isinstance(node, ast.ClassDef)
            and any(exceptions.base(name, base, frozenset()) for base in node.bases)
        )
    return sorted(problems, key=lambda p: (p.kind, p.module, p.line, p.detail))


# ---------------------------------------------------------------- the package


@pytest.fixture(scope="module")
def found() -> list[Problem]:
    """The package's breaches of the contract, all kinds."""
    return check(SRC, "skillchain", LAYERS, ORDER)


@pytest.mark.parametrize("kind", KINDS)
def test_the_package_keeps_the_contract(kind: str, found: list[Problem]) -> None:
    """No module breaks the layer contract in this way (one test per kind)."""
    listed = [str(p) for p in found if p.kind == kind]
    assert not listed, "\n".join(listed)


def test_every_layer_of_the_table_is_known() -> None:
    """The table names only the layers of ORDER, and each of them at least once."""
    assert set(LAYERS.values()) == set(ORDER)


def test_nothing_at_run_time_imports_the_testing_kit() -> None:
    """The testing kit sits above the boundary: importing the package, the command
    line, case files, simulation and the comparison engine loads none of it."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import skillchain, skillchain.cli, skillchain.cases, skillchain.simulation\n"
        "import skillchain.comparison, skillchain.serialization\n"
        "print(sorted(m for m in sys.modules if m.startswith('skillchain.testing')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# ---------------------------------------------------------------- the checker


def _write(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


SYNTHETIC_ORDER = ("low", "mid", "top")
SYNTHETIC_LAYERS = {
    "pkg": "top",
    "pkg._low": "low",
    "pkg.errors": "low",
    "pkg.sub": "mid",
    "pkg.sub._private": "mid",
    "pkg.sub.public": "mid",
    "pkg.other": "mid",
    "pkg.other.reach": "mid",
    "pkg.top": "top",
}
CLEAN = {
    "pkg/__init__.py": "from pkg.top import run\n",
    "pkg/_low.py": "LOW = 1\n",
    "pkg/errors.py": """
        class Failure(Exception):
            pass

        class _Carrier(ValueError):
            pass
        """,
    "pkg/sub/__init__.py": "from pkg.sub._private import helper\n",
    "pkg/sub/_private.py": """
        from pkg._low import LOW

        def helper():
            return LOW
        """,
    "pkg/sub/public.py": """
        from pkg.sub import _private
        from pkg.sub._private import helper

        def twice():
            return _private.helper() + helper()
        """,
    "pkg/other/__init__.py": "",
    "pkg/other/reach.py": """
        from pkg.sub import helper
        from pkg.errors import Failure, _Carrier

        def fail():
            raise Failure(_Carrier)
        """,
    "pkg/top.py": """
        import pkg.sub.public

        def run():
            return pkg.sub.public.twice()
        """,
}


def test_the_checker_passes_a_package_that_keeps_the_contract(
    tmp_path: Path,
) -> None:
    """Own-package private modules, lower top-level private modules, public names
    and the private carriers of the errors module are all allowed."""
    _write(tmp_path, CLEAN)
    assert check(tmp_path, "pkg", SYNTHETIC_LAYERS, SYNTHETIC_ORDER) == []


def test_the_checker_catches_each_kind_of_breach(tmp_path: Path) -> None:
    """A deliberately bad package: each of the kinds is caught, where it is."""
    _write(
        tmp_path,
        {
            **CLEAN,
            # upward, even when only imported for type checking
            "pkg/_low.py": """
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from pkg.top import run
                LOW = 1
                """,
            # another package's private module, and a private name, inside a function
            "pkg/other/reach.py": """
                from pkg.errors import Failure

                def fail():
                    from pkg.sub._private import helper
                    from pkg.sub.public import _hidden
                    import pkg.sub.public as public

                    return helper(), _hidden, public._secret
                """,
            # exceptions outside the errors module, directly and through another
            "pkg/top.py": """
                import pkg.errors

                class Oops(LookupError):
                    pass

                class Deeper(Oops):
                    pass

                class Ours(pkg.errors.Failure):
                    pass

                class Plain:
                    pass

                def run():
                    return 1
                """,
            "pkg/stray.py": "",
        },
    )
    found = check(tmp_path, "pkg", SYNTHETIC_LAYERS, SYNTHETIC_ORDER)
    assert [(p.kind, p.module, p.line, p.detail) for p in found] == [
        ("exception", "pkg.top", 4, "defines Oops"),
        ("exception", "pkg.top", 7, "defines Deeper"),
        ("exception", "pkg.top", 10, "defines Ours"),
        ("private module", "pkg.other.reach", 5, "imports pkg.sub._private of pkg.sub"),
        ("private name", "pkg.other.reach", 6, "imports _hidden from pkg.sub.public"),
        ("private name", "pkg.other.reach", 9, "uses _secret of pkg.sub.public"),
        ("unplaced", "pkg.stray", 0, "not in the table of layers"),
        ("upward", "pkg._low", 5, "imports pkg.top (top) from the low layer"),
    ]


def test_the_checker_names_modules_the_table_has_but_the_package_lacks(
    tmp_path: Path,
) -> None:
    """A module removed from the package must leave the table too."""
    _write(tmp_path, CLEAN)
    layers = {**SYNTHETIC_LAYERS, "pkg.gone": "mid"}
    assert [str(p) for p in check(tmp_path, "pkg", layers, SYNTHETIC_ORDER)] == [
        "pkg.gone:0: unplaced: in the table of layers but not in the package"
    ]
