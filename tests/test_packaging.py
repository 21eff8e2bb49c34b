"""Tests for the package surface: exports, version, and lazy data loading."""

import inspect
import subprocess
import sys
import textwrap

from importlib.metadata import version

import pytest

import skillchain
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
