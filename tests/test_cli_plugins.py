"""Plugins: ``--plugin MODULE`` and the ``skillchain.programmes`` entry points.

A plugin registers rules when it is imported, and registering a rule changes the
process for good, so the plugins that succeed run in a subprocess; those that fail
to import register nothing and run in-process.
"""

import io
import os
import subprocess
import sys
import textwrap

from collections.abc import Iterator
from pathlib import Path

import pytest

from skillchain.cli import main
from skillchain.cli._plugins import ENTRY_POINT_GROUP


ROOT = Path(__file__).resolve().parent.parent
PLUGIN = textwrap.dedent(
    """\
    import attrs

    from skillchain.rules import get_rule, register

    register(
        attrs.evolve(
            get_rule("apprenticeship.settlement"),
            id="apprenticeship.plugin_settlement",
        )
    )
    """
)
"""A plugin that registers one more rule: the settlement under another id."""
RULE = "apprenticeship.plugin_settlement"


def skillchain(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m skillchain ARGV`` with *folder* on the module search path."""
    return subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(folder)},
    )


def entry_point(folder: Path, name: str, value: str) -> None:
    """An installed distribution in *folder* listing one plugin entry point."""
    info = folder / "demo_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: demo-plugins\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n{name} = {value}\n", encoding="utf-8"
    )


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    """A JSON fact file for the settlement rule: 56,000 due, 28,000 prepaid."""
    path = tmp_path / "facts.json"
    path.write_text('{"entitlement": "56000.00", "prepaid": "28000.00"}', "utf-8")
    return path


def test_a_plugin_module_is_imported_before_the_command(
    tmp_path: Path, facts: Path
) -> None:
    """--plugin: the rule the module registers is listed and decides a fact file."""
    (tmp_path / "demo_plugin.py").write_text(PLUGIN, encoding="utf-8")
    listed = skillchain(tmp_path, "--plugin", "demo_plugin", "rules", "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    assert f"\n{RULE}  (version " in listed.stdout
    checked = skillchain(
        tmp_path,
        "--plugin",
        "demo_plugin",
        "check",
        str(facts),
        "--rule",
        RULE,
        "--on",
        "2025-10-08",
        "--summary",
        "--lang",
        "en",
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == (
        "ok   facts.json: #1 -> eligible 28000.00\n1 passed, 0 failed\n"
    )


def test_without_the_plugin_its_rule_is_unknown(tmp_path: Path, facts: Path) -> None:
    """The control: the same command without --plugin does not know the rule."""
    (tmp_path / "demo_plugin.py").write_text(PLUGIN, encoding="utf-8")
    checked = skillchain(
        tmp_path, "check", str(facts), "--rule", RULE, "--on", "2025-10-08"
    )
    assert checked.returncode == 2
    assert checked.stderr.startswith(f"skillchain: --rule: no rule '{RULE}'")


def test_installed_entry_points_are_loaded_without_the_option(tmp_path: Path) -> None:
    """An entry point of the group skillchain.programmes is imported on every run."""
    (tmp_path / "demo_plugin.py").write_text(PLUGIN, encoding="utf-8")
    entry_point(tmp_path, "demo", "demo_plugin")
    listed = skillchain(tmp_path, "rules", "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    assert f"\n{RULE}  (version " in listed.stdout


def test_an_entry_point_that_fails_is_status_2_without_a_traceback(
    tmp_path: Path,
) -> None:
    """A broken installed plugin: one paragraph naming it, status 2, no output."""
    entry_point(tmp_path, "broken", "no_such_plugin_module_h1")
    result = skillchain(tmp_path, "rules")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "skillchain: plugin 'broken' (entry point 'no_such_plugin_module_h1') could "
        "not be imported: ModuleNotFoundError: No module named "
        "'no_such_plugin_module_h1'\n"
    )


def test_a_missing_plugin_module_is_status_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--plugin naming no module: status 2, one message, nothing run."""
    out = io.StringIO()
    status = main(["--plugin", "no_such_plugin_module_h1", "rules"], out=out)
    assert status == 2
    assert out.getvalue() == ""
    assert capsys.readouterr().err == (
        "skillchain: plugin 'no_such_plugin_module_h1' could not be imported: "
        "ModuleNotFoundError: No module named 'no_such_plugin_module_h1'\n"
    )


@pytest.fixture
def plugin_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path for plugins that register nothing; forgets them after."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        if name.startswith("h1_plugin_"):
            del sys.modules[name]


def test_a_plugin_that_raises_is_reported_masked_in_one_paragraph(
    plugin_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plugin's own error: its type and message, identity numbers masked."""
    (plugin_folder / "h1_plugin_raising.py").write_text(
        'raise RuntimeError("bad row 440304199001010011\\n\\n  second paragraph")\n',
        encoding="utf-8",
    )
    status = main(["--plugin", "h1_plugin_raising", "rules"], out=io.StringIO())
    assert status == 2
    err = capsys.readouterr().err
    assert err == (
        "skillchain: plugin 'h1_plugin_raising' could not be imported: "
        "RuntimeError: bad row 440304********0011\n  second paragraph\n"
    )
    assert "Traceback" not in err


def test_plugins_are_imported_in_the_order_given(
    plugin_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--plugin is repeatable; the modules are imported in order, then the command
    runs; a failing one stops the run before the command."""
    log = plugin_folder / "log.txt"
    for name in ("h1_plugin_first", "h1_plugin_second"):
        (plugin_folder / f"{name}.py").write_text(
            f"with open({str(log)!r}, 'a') as f:\n    f.write({name!r} + '\\n')\n",
            encoding="utf-8",
        )
    out = io.StringIO()
    argv = ["--plugin", "h1_plugin_second", "--plugin", "h1_plugin_first"]
    assert (
        main([*argv, "params", "--history", "apprenticeship.annual_subsidy"], out=out)
        == 0
    )
    assert log.read_text("utf-8") == "h1_plugin_second\nh1_plugin_first\n"
    assert out.getvalue().startswith("apprenticeship.annual_subsidy")
    out = io.StringIO()
    assert main(["--plugin", "h1_plugin_nowhere", "params", "--history"], out=out) == 2
    assert out.getvalue() == ""
    assert "h1_plugin_nowhere" in capsys.readouterr().err


def test_plugins_are_documented() -> None:
    """docs/cli.md explains --plugin and the entry-point group."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = page.split("## Plugins", 1)[1].split("\n## ", 1)[0]
    assert "--plugin MODULE" in section
    assert ENTRY_POINT_GROUP in section
