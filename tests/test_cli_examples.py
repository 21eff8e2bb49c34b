"""Tests for ``skillchain examples`` (through ``python -m skillchain``) and for
:mod:`skillchain.examples`, which finds the example files wherever the package is."""

import doctest
import os
import re
import shutil
import subprocess
import sys

from pathlib import Path

import pytest

import skillchain.examples

from skillchain import Policy
from skillchain.examples import FOLDERS, copy_to, overlay, root


REPOSITORY = Path(__file__).resolve().parent.parent
"""The checkout the tests run from: its ``examples/`` is what the wheel ships."""


def skillchain_command(
    *argv: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m skillchain ARGV`` in *cwd*."""
    return subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={
            **os.environ,
            "PYTHONIOENCODING": "utf-8",
            "COLUMNS": "200",
            **(env or {}),
        },
    )


def example_files() -> dict[str, bytes]:
    """Every example file as ``cases/NAME`` or ``overlays/NAME``, with its bytes."""
    return {
        f"{folder}/{path.name}": path.read_bytes()
        for folder in FOLDERS
        for path in sorted((REPOSITORY / "examples" / folder).glob("*.toml"))
    }


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under *folder*, by its relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# ------------------------------------------------------------- the command


def test_examples_copies_the_cases_and_overlays_and_says_what_next(
    tmp_path: Path,
) -> None:
    """Every example file lands in DIR/cases or DIR/overlays, byte for byte; the
    output lists each one, counts them and prints the command that checks them."""
    result = skillchain_command("examples", "my-examples", "--lang", "en", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    wanted = example_files()
    assert tree(tmp_path / "my-examples") == wanted
    lines = result.stdout.splitlines()
    assert lines[: len(wanted)] == [f"my-examples/{name}" for name in wanted]
    cases = sum(name.startswith("cases/") for name in wanted)
    wrote = (
        f"Wrote {len(wanted)} files: {cases} case files and {len(wanted) - cases} "
        "policy overlays (the overlays' figures are ILLUSTRATIVE, not the district's)."
    )
    suggested = (
        "  skillchain check my-examples/cases --overlay-root my-examples --summary "
        "--lang en"
    )
    assert lines[len(wanted) :] == [
        wrote,
        "Next, check every case against what it expects:",
        suggested,
    ]


def test_the_command_it_suggests_checks_every_copied_case(tmp_path: Path) -> None:
    """The printed next command, run as printed, passes every case (Chinese output,
    the default, and the suggestion has no --lang)."""
    result = skillchain_command("examples", "my-examples", cwd=tmp_path)
    assert result.returncode == 0
    assert "已写入" in result.stdout
    suggested = result.stdout.splitlines()[-1].strip()
    assert suggested == (
        "skillchain check my-examples/cases --overlay-root my-examples --summary"
    )
    check = skillchain_command(*suggested.split()[1:], cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert re.fullmatch(r"\d+ passed, 0 failed", check.stdout.splitlines()[-1])
    assert "-> 符合 14000.00" in check.stdout


def test_a_folder_with_spaces_is_quoted_in_the_suggestion(tmp_path: Path) -> None:
    """The suggested command is one a shell can run as it stands."""
    result = skillchain_command("examples", "my examples", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        "  skillchain check 'my examples/cases' --overlay-root 'my examples' "
        "--summary --lang en"
    )


def test_existing_files_stop_the_copy_and_nothing_is_written(tmp_path: Path) -> None:
    """One example file already in DIR: exit 2, a message naming it and --force, no
    traceback; the file and the folder are as they were."""
    mine = tmp_path / "ex" / "cases" / "apprenticeship-case.toml"
    mine.parent.mkdir(parents=True)
    mine.write_text("# my own edits\n", encoding="utf-8")
    result = skillchain_command("examples", "ex", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "skillchain: examples: 1 of "
        f"{len(example_files())} example files already exist in ex (the first: "
        "ex/cases/apprenticeship-case.toml); nothing was written; use --force to "
        "replace them\n"
    )
    assert tree(tmp_path / "ex") == {
        "cases/apprenticeship-case.toml": b"# my own edits\n"
    }


def test_force_replaces_the_examples_and_leaves_other_files_alone(
    tmp_path: Path,
) -> None:
    """--force overwrites an edited example; a file of one's own stays."""
    assert skillchain_command("examples", "ex", cwd=tmp_path).returncode == 0
    edited = tmp_path / "ex" / "overlays" / "futian-quota-2024.toml"
    edited.write_text("# edited\n", encoding="utf-8")
    notes = tmp_path / "ex" / "cases" / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    again = skillchain_command("examples", "ex", cwd=tmp_path)
    assert again.returncode == 2
    assert edited.read_text(encoding="utf-8") == "# edited\n"
    forced = skillchain_command("examples", "ex", "--force", cwd=tmp_path)
    assert (forced.returncode, forced.stderr) == (0, "")
    assert tree(tmp_path / "ex") == {**example_files(), "cases/notes.txt": b"mine\n"}


def test_a_file_where_the_folder_should_be_exits_2(tmp_path: Path) -> None:
    """DIR is a file: a one-line message, status 2, no traceback."""
    (tmp_path / "ex").write_text("", encoding="utf-8")
    result = skillchain_command("examples", "ex", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "skillchain: examples: ex is a file, not a folder\n"


def test_every_copied_overlay_says_it_is_illustrative(tmp_path: Path) -> None:
    """The overlays' figures are made up, and each copied file says so at its top."""
    assert skillchain_command("examples", "ex", cwd=tmp_path).returncode == 0
    overlays = sorted((tmp_path / "ex" / "overlays").glob("*.toml"))
    assert overlays
    for path in overlays:
        head = "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:3])
        assert "ILLUSTRATIVE" in head, path.name


def test_examples_help_describes_the_command() -> None:
    """`skillchain examples --help`: what it copies, that the overlays are
    illustrative, --force and --lang."""
    result = skillchain_command("examples", "--help", cwd=REPOSITORY)
    assert result.returncode == 0
    text = re.sub(r"\s+", " ", result.stdout)
    assert text.startswith(
        "usage: skillchain examples [-h] [--force] [--lang {zh,en}] DIR"
    )
    assert "The overlays are ILLUSTRATIVE" in text
    assert "--force replace example files that already exist in DIR" in text
    assert "the language of the output: zh (Chinese, the default) or en" in text


def test_top_level_help_lists_the_command() -> None:
    """`skillchain --help` names the subcommand with its one-line help."""
    result = skillchain_command("--help", cwd=REPOSITORY)
    assert result.returncode == 0
    assert re.search(
        r"examples\s+copy the example case files and illustrative overlays into a "
        r"folder",
        result.stdout,
    )


# ------------------------------------------------------- skillchain.examples


def test_root_in_a_checkout_is_the_repository_examples_or_the_package_data() -> None:
    """From a checkout (editable install) the repository's examples/; from an
    installed wheel the package's own copy, with the same files."""
    found = root()
    packaged = Path(skillchain.examples.__file__).parent / "_examples"
    assert found in {REPOSITORY / "examples", packaged}
    assert {
        f"{folder}/{path.name}": path.read_bytes()
        for folder in FOLDERS
        for path in sorted((found / folder).glob("*.toml"))
    } == example_files()


def test_root_prefers_the_package_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the package has its data (an installed wheel), that is the root."""
    for folder in FOLDERS:
        (tmp_path / "skillchain" / "_examples" / folder).mkdir(parents=True)
    monkeypatch.setattr(skillchain.examples, "files", lambda _: tmp_path / "skillchain")
    assert root() == tmp_path / "skillchain" / "_examples"


def test_root_says_where_it_looked_when_nothing_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installation without the data: FileNotFoundError naming both places."""
    package = tmp_path / "site-packages" / "skillchain"
    package.mkdir(parents=True)
    monkeypatch.setattr(skillchain.examples, "files", lambda _: package)
    monkeypatch.setattr(skillchain.examples, "__file__", str(package / "examples.py"))
    with pytest.raises(FileNotFoundError) as info:
        root()
    message = str(info.value)
    assert message.startswith("the example files are not installed: neither ")
    assert str(package / "_examples") in message
    assert "reinstall skillchain from its wheel" in message
    with pytest.raises(FileNotFoundError):
        copy_to(tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_command_reports_missing_data_with_status_2(tmp_path: Path) -> None:
    """Through the command line: the same message, status 2, no traceback.

    The package is imported from a copy without its examples, outside any
    checkout, as a broken installation would be."""
    site = tmp_path / "site"
    source = Path(skillchain.examples.__file__).parent
    shutil.copytree(
        source,
        site / "skillchain",
        ignore=shutil.ignore_patterns("_examples", "__pycache__"),
    )
    result = skillchain_command(
        "examples", "ex", cwd=tmp_path, env={"PYTHONPATH": str(site)}
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "skillchain: examples: the example files are not installed: neither "
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "ex").exists()


def test_overlay_finds_a_file_by_name_with_or_without_its_suffix() -> None:
    """The path of an example overlay, which loads as a policy file."""
    path = overlay("futian-occupation-directory")
    assert path == root() / "overlays" / "futian-occupation-directory.toml"
    assert overlay("futian-occupation-directory.toml") == path
    policy = Policy.default().overlay(Policy.from_files(path))
    assert policy.parameter("apprenticeship.occupation_directory").values


def test_overlay_names_the_closest_of_an_unknown_name() -> None:
    """A mistyped name: FileNotFoundError with the closest names."""
    with pytest.raises(FileNotFoundError) as info:
        overlay("futian-quota-2042")
    assert str(info.value).startswith(
        "no example overlay 'futian-quota-2042'; closest: futian-quota-2024"
    )


def test_copy_to_writes_nothing_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure half-way (here: reading the tenth file) leaves no file behind:
    neither copies nor temporary files."""
    reads = 0
    original = Path.read_bytes

    def failing(self: Path) -> bytes:
        nonlocal reads
        reads += 1
        if reads == 10:
            raise OSError("disk trouble")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(OSError, match="disk trouble"):
        copy_to(tmp_path / "ex")
    assert tree(tmp_path / "ex") == {}


def test_copy_to_refuses_a_folder_in_the_way_even_with_overwrite(
    tmp_path: Path,
) -> None:
    """A folder where an example file would go: IsADirectoryError, nothing written."""
    (tmp_path / "ex" / "cases" / "subsidy-cap.toml").mkdir(parents=True)
    with pytest.raises(IsADirectoryError, match=r"subsidy-cap\.toml is a folder"):
        copy_to(tmp_path / "ex", overwrite=True)
    assert tree(tmp_path / "ex") == {}


def test_copy_to_returns_the_files_in_order(tmp_path: Path) -> None:
    """Cases first, each folder sorted; the copies are the examples' bytes."""
    written = copy_to(tmp_path)
    names = [path.relative_to(tmp_path).as_posix() for path in written]
    assert names == list(example_files())
    assert tree(tmp_path) == example_files()


def test_the_module_examples_run() -> None:
    """The docstring examples of skillchain.examples pass."""
    failed, tried = doctest.testmod(skillchain.examples, optionflags=doctest.ELLIPSIS)
    assert (failed, tried > 5) == (0, True)


def test_importing_the_package_or_the_command_line_does_not_import_examples() -> None:
    """`import skillchain` and `import skillchain.cli` leave skillchain.examples out."""
    script = (
        "import sys, skillchain, skillchain.cli\n"
        "print('skillchain.examples' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
