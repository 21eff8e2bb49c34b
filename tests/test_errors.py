"""Every exception is defined in skillchain.errors, under one base."""

import ast
import inspect

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import skillchain
import skillchain.cases
import skillchain.catalog
import skillchain.simulation

from skillchain import errors
from skillchain.model import LabourContract
from skillchain.rules import get_rule
from skillchain.serialization import structure


PACKAGE = Path(skillchain.__file__).parent
EXCEPTION_BASES = {"Exception", "ValueError", "KeyError", "TypeError"}
CARRIERS = ("_Problems", "_BadJSONError", "_UnreadableError")
"""The private exceptions that carry problems inside one module each."""


def exception_classes(path: Path) -> list[str]:
    """Names of classes in *path* that derive from an exception by name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
            if bases & EXCEPTION_BASES or any(b.endswith("Error") for b in bases):
                found.append(node.name)
    return found


def test_no_exception_is_defined_outside_the_errors_module() -> None:
    """Public or private, every exception class is defined in errors.py."""
    outside = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "errors.py" and (names := exception_classes(path))
    }
    assert outside == {}
    assert set(CARRIERS) < set(exception_classes(PACKAGE / "errors.py"))


@pytest.mark.parametrize("name", CARRIERS)
def test_the_private_carriers_say_they_never_escape(name: str) -> None:
    """Each carrier is an exception of errors.py, kept out of __all__."""
    cls = getattr(errors, name)
    assert issubclass(cls, Exception)
    assert cls.__module__ == "skillchain.errors"
    assert name not in errors.__all__
    assert "never escapes" in " ".join((cls.__doc__ or "").split())


def _bad_json(tmp_path: Path) -> object:
    path = tmp_path / "people.jsonl"
    path.write_text('{"entitlement": 1,\n', encoding="utf-8")
    return list(
        skillchain.simulation.read_population(
            path, "apprenticeship.settlement", on=date(2025, 1, 1)
        )
    )


def _unreadable(tmp_path: Path) -> object:
    path = tmp_path / "case.toml"
    path.write_bytes(b"name = '\xff'\n")
    return skillchain.cases.load_cases(path)


def _bad_structure(tmp_path: Path) -> object:
    del tmp_path
    return structure({"start": 5, "end": "2026-12-31"}, LabourContract)


@pytest.mark.parametrize(
    ("make", "public", "message"),
    [
        (_bad_json, errors.PopulationError, "not valid JSON"),
        (_unreadable, errors.CaseFileError, "not UTF-8 text: byte 0xff on line 1"),
        (_bad_structure, errors.InputError, "start: expected a date"),
    ],
    ids=["_BadJSONError", "_UnreadableError", "_Problems"],
)
def test_what_a_carrier_carries_comes_out_as_a_public_error(
    make: Callable[[Path], object],
    public: type[Exception],
    message: str,
    tmp_path: Path,
) -> None:
    """Bad JSON in a population, a case file that is not UTF-8, a wrong JSON value:
    each is raised as the public error, never as the carrier."""
    with pytest.raises(public, match=message) as raised:
        make(tmp_path)
    assert type(raised.value).__name__ not in CARRIERS
    assert not any(isinstance(raised.value, getattr(errors, name)) for name in CARRIERS)


def test_every_exception_derives_from_the_one_base() -> None:
    classes = [
        getattr(errors, name)
        for name in errors.__all__
        if inspect.isclass(getattr(errors, name))
        and issubclass(getattr(errors, name), BaseException)
    ]
    assert len(classes) == 13
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
