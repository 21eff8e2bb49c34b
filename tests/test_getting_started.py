"""The getting-started page runs as it reads.

Its commands run in an empty folder, in the page's order, the file it asks the
reader to save saved first: each must succeed and print what the page quotes of
its output (``...`` stands for lines left out), so a count or an outcome the page
quotes can never drift from what the commands print.  ``nox -s wheel`` runs the
same steps (with the same functions of ``tests/wheel_check.py``) where only the
wheel is installed.
"""

import re
import sys

from pathlib import Path

import pytest

from skillchain import examples
from wheel_check import (
    ELIGIBLE,
    PageCommand,
    PageFile,
    Ran,
    check_getting_started,
    installs,
    page_steps,
    problems,
    reaches_eligible,
    run_steps,
)


PAGE = Path(__file__).resolve().parent.parent / "docs" / "getting-started.md"
SKILLCHAIN = (sys.executable, "-m", "skillchain")


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> list[Ran]:
    """Every command of the page, run in an empty folder."""
    steps = page_steps(PAGE.read_text(encoding="utf-8"))
    return run_steps(steps, tmp_path_factory.mktemp("getting-started"), SKILLCHAIN)


def _ran(ran: list[Ran], *words: str) -> Ran:
    (found,) = [r for r in ran if all(word in r.command.argv for word in words)]
    return found


def test_every_command_prints_what_the_page_quotes(ran: list[Ran]) -> None:
    """Each command exits 0 and its output matches the page's quote of it."""
    assert len(ran) >= 4
    assert problems(ran) == []


def test_the_steps_start_from_an_install_and_copy_the_examples() -> None:
    """The page installs skillchain, then copies the examples with the command."""
    steps = page_steps(PAGE.read_text(encoding="utf-8"))
    commands = [s for s in steps if isinstance(s, PageCommand)]
    assert installs(commands[0])
    assert commands[1].argv[:3] == ("skillchain", "examples", "my-examples")
    assert commands[2].argv[:5] == (
        "skillchain",
        "check",
        "my-examples/cases",
        "--overlay-root",
        "my-examples",
    )
    assert [s.name for s in steps if isinstance(s, PageFile)] == ["apprentice.json"]


def test_the_summary_counts_are_those_check_prints(ran: list[Ran]) -> None:
    """The page's "N passed, M failed" of the examples is the command's last line,
    and N is every case of the example files."""
    check = _ran(ran, "my-examples/cases")
    (quoted,) = re.findall(
        r"^\d+ passed, \d+ failed$", check.command.output, re.MULTILINE
    )
    assert check.output.splitlines()[-1] == quoted
    cases = sum(
        len(
            re.findall(
                r"^\[\[case\]\]$", path.read_text(encoding="utf-8"), re.MULTILINE
            )
        )
        for path in (examples.root() / "cases").glob("*.toml")
    )
    assert quoted == f"{cases} passed, 0 failed"


def test_the_file_counts_are_those_the_examples_command_prints(ran: list[Ran]) -> None:
    """The page's count of files copied is the number of example files."""
    copied = _ran(ran, "examples")
    root = examples.root()
    cases = len(list((root / "cases").glob("*.toml")))
    overlays = len(list((root / "overlays").glob("*.toml")))
    line = (
        f"Wrote {cases + overlays} files: {cases} case files and {overlays} "
        "policy overlays"
    )
    assert line in copied.command.output
    assert line in copied.output


def test_an_apprentice_case_is_eligible_with_the_example_overlay(
    ran: list[Ran],
) -> None:
    """With the example directory laid over the bundled policy, the page's apprentice
    is eligible for the amount the page quotes."""
    assert reaches_eligible(ran)
    with_overlay = _ran(ran, "apprentice.json", "--policy")
    assert ELIGIBLE.search(with_overlay.output)
    assert "amount: 14000.00 yuan" in with_overlay.command.output
    assert "amount: 14000.00 yuan" in with_overlay.output


def test_without_the_overlays_the_apprentice_is_undetermined(ran: list[Ran]) -> None:
    """Under the bundled policy alone the same facts wait for the district's
    directory and online share, as the page says."""
    alone = next(
        r
        for r in ran
        if "apprentice.json" in r.command.argv and "--policy" not in r.command.argv
    )
    head = "apprenticeship.case (version "
    assert ": undetermined\n" in alone.output
    assert alone.output.splitlines()[1].startswith(head)
    for missing in (
        "apprenticeship.occupation_directory",
        "apprenticeship.online_share_max",
    ):
        assert f"missing: {missing}" in alone.command.output
        assert f"missing: {missing}" in alone.output
    page = PAGE.read_text(encoding="utf-8")
    assert (
        "Without the district's overlays, no apprentice's case comes out eligible"
        in (page)
    )


def test_a_drifted_figure_is_caught(tmp_path: Path) -> None:
    """A page that quotes another count than the command prints fails the check."""
    page = PAGE.read_text(encoding="utf-8")
    (quoted,) = re.findall(r"^(\d+) passed, 0 failed$", page, re.MULTILINE)[:1]
    drifted = page.replace(f"{quoted} passed, 0 failed", f"{int(quoted) + 1} passed")
    (tmp_path / "page.md").write_text(drifted, encoding="utf-8")
    found = check_getting_started(tmp_path / "page.md", SKILLCHAIN)
    assert len(found) == 1
    assert f"{int(quoted) + 1} passed" in found[0]
    assert f"{quoted} passed, 0 failed" in found[0]


def test_the_page_reader_joins_lines_and_finds_files() -> None:
    """Continued lines, captioned files, quoted output and skipped installs."""
    text = (
        "Intro.\n\n"
        "```console\n$ pip install skillchain\n$ skillchain check a.json \\\n"
        "    --rule r --on 2024-01-01\nfirst\n...\nlast\n```\n\n"
        "```{code-block} json\n:caption: a.json\n\n{}\n```\n\n"
        "```python\nprint('not a step')\n```\n"
    )
    steps = page_steps(text)
    assert steps == [
        PageCommand("pip install skillchain", ("pip", "install", "skillchain"), ""),
        PageCommand(
            "skillchain check a.json --rule r --on 2024-01-01",
            ("skillchain", "check", "a.json", "--rule", "r", "--on", "2024-01-01"),
            "first\n...\nlast\n",
        ),
        PageFile("a.json", "{}\n"),
    ]
    install, check = steps[0], steps[1]
    assert isinstance(install, PageCommand)
    assert isinstance(check, PageCommand)
    assert installs(install)
    assert not installs(check)


def test_a_command_the_check_cannot_run_is_refused(tmp_path: Path) -> None:
    """The page may show only commands the check runs (and installs)."""
    steps = page_steps("```console\n$ rm -rf my-examples\n```\n")
    with pytest.raises(ValueError, match="cannot run: rm -rf my-examples"):
        run_steps(steps, tmp_path, SKILLCHAIN)
