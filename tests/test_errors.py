"""Every exception is defined in skillchain.errors, under one base."""

import ast
import inspect

from pathlib import Path

import pytest

import skillchain
import skillchain.cases
import skillchain.catalog
import skillchain.simulation

from skillchain import errors
from skillchain.rules import get_rule


PACKAGE = Path(skillchain.__file__).parent
EXCEPTION_BASES = {"Exception", "ValueError", "KeyError", "TypeError"}


def public_exception_classes(path: Path) -> list[str]:
    """Names of public classes in *path* that derive from an exception by name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
            if bases & EXCEPTION_BASES or any(b.endswith("Error") for b in bases):
                found.append(node.name)
    return found


def test_no_public_exception_is_defined_outside_the_errors_module() -> None:
    outside = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "errors.py" and (names := public_exception_classes(path))
    }
    assert outside == {}
    assert public_exception_classes(PACKAGE / "errors.py")


def test_every_exception_derives_from_the_one_base() -> None:
    classes = [
        getattr(errors, name)
        for name in errors.__all__
        if inspect.isclass(getattr(errors, name))
        and issubclass(getattr(errors, name), BaseException)
    ]
    assert len(classes) == 11
    assert all(issubclass(cls, errors.SkillchainError) for cls in classes)


@pytest.mark.parametrize(
    "cls",
    [
        errors.InputError,
        errors.PolicyFileError,
        errors.CaseFileError,
        errors.CatalogFileError,
        errors.PopulationError,
    ],
)
def test_the_listing_errors_share_one_base(cls: type) -> None:
    assert issubclass(cls, errors.ProblemsError)


def test_subpackages_re_export_the_same_classes() -> None:
    assert skillchain.InputError is errors.InputError
    assert skillchain.cases.CaseFileError is errors.CaseFileError
    assert skillchain.cases.CaseProblem is errors.CaseProblem
    assert skillchain.simulation.PopulationError is errors.PopulationError
    assert skillchain.catalog.CatalogFileError is errors.CatalogFileError
    assert skillchain.catalog.CatalogKeyError is errors.CatalogKeyError


def test_an_unknown_rule_is_our_error_and_still_a_key_error() -> None:
    with pytest.raises(errors.UnknownRuleError) as raised:
        get_rule("apprenticeship.setlement")
    assert isinstance(raised.value, KeyError)
    assert isinstance(raised.value, errors.SkillchainError)
    assert "closest: apprenticeship.settlement" in str(raised.value)
