"""The API page (docs/api.rst) covers or links every public module."""

import pkgutil
import re

from pathlib import Path

import pytest

import skillchain


DOCS = Path(__file__).parent.parent / "docs"
API = DOCS / "api.rst"
# ``.. module:: x`` and ``.. automodule:: x`` in reST, inside MyST's eval-rst too.
DIRECTIVE = re.compile(r"^\s*\.\. (?:auto)?module:: ([\w.]+)\s*$", re.MULTILINE)
# :mod:`x`, :mod:`~x`, :mod:`text <x>` and MyST's {py:mod}`x`.
LINK = re.compile(r":(?:py:)?mod:`(?:[^`<]*<)?~?([\w.]+)>?`")


def public_modules() -> list[str]:
    """Every importable module of the package whose dotted name has no ``_`` part.

    The modules inside ``skillchain.rules`` hold one programme's rules each; their
    functions are imported from ``skillchain.rules`` and documented on the rule
    pages, which the API page reaches through ``skillchain.rules``.
    """
    found = ["skillchain"]
    for info in pkgutil.walk_packages(skillchain.__path__, "skillchain."):
        parts = info.name.split(".")
        if any(part.startswith("_") for part in parts):
            continue
        if info.name.startswith("skillchain.rules."):
            continue
        found.append(info.name)
    return found


def documented_anywhere() -> set[str]:
    """The modules some docs page documents with a module directive."""
    modules: set[str] = set()
    for path in DOCS.rglob("*"):
        if "_build" in path.parts or path.suffix not in {".md", ".rst"}:
            continue
        modules.update(DIRECTIVE.findall(path.read_text(encoding="utf-8")))
    return modules


def test_the_list_of_public_modules_is_what_the_package_holds() -> None:
    """The walk finds the modules a reader imports (a guard on the walk itself)."""
    modules = public_modules()
    for name in (
        "skillchain",
        "skillchain.model",
        "skillchain.policy",
        "skillchain.rules",
        "skillchain.serialization",
        "skillchain.cases",
        "skillchain.simulation",
        "skillchain.comparison",
        "skillchain.catalog",
        "skillchain.testing",
        "skillchain.testing.strategies",
        "skillchain.cli",
        "skillchain.cluster",
        "skillchain.errors",
    ):
        assert name in modules
    assert not any(part.startswith("_") for m in modules for part in m.split("."))


@pytest.mark.parametrize("module", public_modules())
def test_every_public_module_is_documented_or_linked_on_the_api_page(
    module: str,
) -> None:
    """Documented on the page itself, or linked from it to the page documenting it."""
    text = API.read_text(encoding="utf-8")
    here = set(DIRECTIVE.findall(text))
    linked = set(LINK.findall(text))
    assert module in here | linked, f"{module} is neither documented nor linked"
    if module not in here:
        assert module in documented_anywhere(), (
            f"{module} is linked but documented nowhere"
        )


def test_the_api_page_has_no_contents_directive() -> None:
    """Furo shows a contents directive as an error box: its sidebar lists the page."""
    assert ".. contents::" not in API.read_text(encoding="utf-8")
