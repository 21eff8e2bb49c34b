"""Tests for the package surface: exports, version, and lazy data loading."""

import inspect
import json
import subprocess
import sys
import textwrap
import tomllib

from importlib.metadata import distribution, files, version
from pathlib import Path

import pytest

import skillchain
import skillchain.examples
import skillchain.policy


def isort_key(name: str) -> tuple[int, str]:
    """Constants first, then classes, then functions (ruff's RUF022 order)."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted, has no duplicates, and every name resolves."""
    for module in (skillchain, skillchain.policy):
        names = list(module.__all__)
        assert names == sorted(names, key=isort_key)
        assert len(names) == len(set(names))
        for name in names:
            assert getattr(module, name) is not None


def test_every_public_name_is_documented() -> None:
    """Each exported class and function carries a docstring."""
    for name in skillchain.__all__:
        obj = getattr(skillchain, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert obj.__doc__, name


def test_version_comes_from_the_installed_metadata() -> None:
    """skillchain.__version__ is the distribution's version."""
    assert version("skillchain") == skillchain.__version__


def test_unknown_attributes_raise_attribute_error() -> None:
    """The package has no catch-all attribute hook (type checkers see every name)."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = skillchain.no_such_name  # type: ignore[attr-defined]


def test_importing_reads_no_data_file() -> None:
    """`import skillchain` opens no TOML file; the first Policy.default() does."""
    script = textwrap.dedent(
        """
        import sys
        opened = []
        def hook(event, args):
            if event == "open" and str(args[0]).endswith(".toml"):
                opened.append(str(args[0]))
        sys.addaudithook(hook)
        import skillchain
        assert opened == [], opened
        skillchain.Policy.default()
        print(len(opened))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == str(len(skillchain.policy.BUNDLED_FILES))


def _editable() -> bool:
    """Whether the installed skillchain is an editable install of a checkout."""
    direct = distribution("skillchain").read_text("direct_url.json") or "{}"
    return bool(json.loads(direct).get("dir_info", {}).get("editable", False))


def test_the_wheel_is_built_with_the_example_files() -> None:
    """pyproject.toml puts examples/cases and examples/overlays where
    skillchain.examples looks for them in an installed package."""
    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    forced = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert forced == {
        f"examples/{folder}": f"skillchain/_examples/{folder}"
        for folder in skillchain.examples.FOLDERS
    }
    assert skillchain.examples._PACKAGE_DATA == "_examples"


def test_the_installed_wheel_holds_every_example_file() -> None:
    """An installed wheel (not an editable checkout) lists every example case file
    and overlay in its RECORD, and skillchain.examples finds them there."""
    if _editable():
        pytest.skip("an editable install reads the checkout's examples/ folder")
    root = Path(__file__).resolve().parent.parent / "examples"
    recorded = {str(path).replace("\\", "/") for path in files("skillchain") or ()}
    wanted = {
        f"skillchain/_examples/{folder}/{path.name}"
        for folder in skillchain.examples.FOLDERS
        for path in (root / folder).glob("*.toml")
    }
    assert wanted
    assert wanted <= recorded
    assert skillchain.examples.root().name == "_examples"
