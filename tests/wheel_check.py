"""Check an installed skillchain[testing] wheel: every public type, and getting started.

Run by ``nox -s wheel`` in a fresh virtual environment holding only the built wheel
and its ``testing`` extra (not collected by pytest: the name does not start with
``test_``).  Two checks:

- ``st.from_type`` resolves every public type.  It never imports
  ``skillchain.testing.strategies``: the strategies must come from Hypothesis'
  entry point alone.
- The steps of ``getting-started.md`` (copied next to this script) run with the
  installed ``skillchain`` command in an empty folder: every command the page shows
  succeeds and prints what the page quotes of its output, and an apprentice's case
  is decided eligible.  ``tests/test_getting_started.py`` runs the same steps from
  the source tree with the functions below.

Exits 1 if anything fails.
"""

import doctest
import importlib
import os
import re
import shlex
import subprocess
import sys
import tempfile
import warnings

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import attrs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


MODULES = (
    "skillchain",
    "skillchain.model",
    "skillchain.policy",
    "skillchain.catalog",
    "skillchain.rules",
)


def public_types() -> list[type]:
    """Every public attrs class and named tuple of the public modules, once each."""
    found: dict[str, type] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            obj = getattr(module, attr)
            is_named_tuple = isinstance(obj, type) and issubclass(obj, tuple)
            if isinstance(obj, type) and (attrs.has(obj) or is_named_tuple):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(found.values())


def check(kind: type) -> str | None:
    """Draw a few instances of *kind* through ``st.from_type``; the problem, or None."""

    @settings(
        max_examples=5,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_type(kind))
    def draw(value: object) -> None:
        if not isinstance(value, kind):
            msg = f"drew a {type(value).__name__}"
            raise TypeError(msg)

    try:
        draw()
    except Exception as error:  # noqa: BLE001 - every failure is reported
        return f"{type(error).__name__}: {error}"
    return None


# ------------------------------------------------------------- getting started

PAGE = "getting-started.md"
"""The getting-started page, as its file is named in ``docs/``."""


class PageFile(NamedTuple):
    """A file the page asks the reader to save: a code block with a caption."""

    name: str
    text: str


class PageCommand(NamedTuple):
    """A command the page shows (``$ …`` in a console block) and what it quotes of
    its output (``...`` lines stand for output left out)."""

    line: str
    argv: tuple[str, ...]
    output: str


class Ran(NamedTuple):
    """A command of the page, run: its status and output, and whether the output is
    what the page quotes."""

    command: PageCommand
    status: int
    output: str
    matched: bool


_FENCE = re.compile(
    r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)
_CAPTION = re.compile(r":caption:\s*(?P<name>\S+)\s*$")


def page_steps(text: str) -> list[PageFile | PageCommand]:
    """The files and commands of a page, in the page's order.

    A ``console`` block holds commands (``$ `` then the command; a line ending in
    a backslash goes on in the next) each followed by the output it quotes.  A
    ``{code-block}`` with a ``:caption:`` is a file to save under that name.
    """
    steps: list[PageFile | PageCommand] = []
    for block in _FENCE.finditer(text):
        info = block["info"].strip()
        body = block["body"]
        if info.startswith("{code-block}"):
            options, _, content = body.partition("\n\n")
            for option in options.splitlines():
                caption = _CAPTION.match(option)
                if caption:
                    steps.append(PageFile(caption["name"], content))
        elif info == "console":
            steps.extend(_commands(body))
    return steps


def _commands(body: str) -> list[PageCommand]:
    commands: list[PageCommand] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.startswith("$ "):
            continue
        command = line[2:]
        while command.endswith("\\") and index < len(lines):
            command = command[:-1].rstrip() + " " + lines[index].strip()
            index += 1
        output: list[str] = []
        while index < len(lines) and not lines[index].startswith("$ "):
            output.append(lines[index])
            index += 1
        quoted = "\n".join(output).strip("\n")
        commands.append(
            PageCommand(command, tuple(shlex.split(command)), quoted and quoted + "\n")
        )
    return commands


def installs(command: PageCommand) -> bool:
    """Whether *command* installs skillchain (``pip install …``): not run here."""
    argv = command.argv
    return argv[:2] == ("pip", "install") or (
        argv[:1] in {("python",), ("python3",)}
        and argv[1:4] == ("-m", "pip", "install")
    )


def run_steps(
    steps: Sequence[PageFile | PageCommand], folder: Path, skillchain: Sequence[str]
) -> list[Ran]:
    """Save the page's files in *folder* and run its commands there, in order.

    A ``skillchain`` command runs as *skillchain* (the installed command, or
    ``python -m skillchain``) with the rest of its arguments.  Installing commands
    are left out.  Any other command is refused (:exc:`ValueError`): the page shows
    only what this check runs.
    """
    ran: list[Ran] = []
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    checker = doctest.OutputChecker()
    for step in steps:
        if isinstance(step, PageFile):
            (folder / step.name).write_text(step.text, encoding="utf-8")
            continue
        if installs(step):
            continue
        if step.argv[:1] != ("skillchain",):
            msg = f"the page shows a command this check cannot run: {step.line}"
            raise ValueError(msg)
        result = subprocess.run(
            [*skillchain, *step.argv[1:]],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=False,
        )
        matched = not step.output or checker.check_output(
            step.output, result.stdout, doctest.ELLIPSIS
        )
        ran.append(Ran(step, result.returncode, result.stdout + result.stderr, matched))
    return ran


def problems(ran: Sequence[Ran]) -> list[str]:
    """What went wrong: a command that failed, or printed other than the page says."""
    found: list[str] = []
    for each in ran:
        if each.status != 0:
            found.append(f"$ {each.command.line}\nexited {each.status}:\n{each.output}")
        elif not each.matched:
            found.append(
                f"$ {each.command.line}\nthe page quotes:\n{each.command.output}"
                f"the command printed:\n{each.output}"
            )
    return found


ELIGIBLE = re.compile(
    r"^apprenticeship\.case \(version [^)]*\) on \S+: eligible$", re.MULTILINE
)
"""The head of an apprentice's case decided eligible."""


def reaches_eligible(ran: Sequence[Ran]) -> bool:
    """Whether a command the page quotes decides an apprentice's case eligible."""
    return any(
        each.status == 0
        and each.matched
        and ELIGIBLE.search(each.command.output)
        and ELIGIBLE.search(each.output)
        for each in ran
    )


def check_getting_started(page: Path, skillchain: Sequence[str]) -> list[str]:
    """Run the steps of *page* in an empty folder; every problem, one string each."""
    steps = page_steps(page.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ran = run_steps(steps, Path(folder), skillchain)
    found = problems(ran)
    if not reaches_eligible(ran):
        found.append("no command of the page decides an apprentice's case eligible")
    return found


def main() -> int:
    """Check every public type and the getting-started steps; one line per failure."""
    failures = 0
    kinds = public_types()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for kind in kinds:
            problem = check(kind)
            if problem is not None:
                failures += 1
                sys.stdout.write(
                    f"FAIL {kind.__module__}.{kind.__qualname__}: {problem}\n"
                )
    sys.stdout.write(f"{len(kinds) - failures} of {len(kinds)} public types resolve\n")
    page = Path(__file__).resolve().with_name(PAGE)
    installed = Path(sys.executable).with_name(
        "skillchain.exe" if os.name == "nt" else "skillchain"
    )
    if not page.is_file():
        sys.stdout.write(f"FAIL getting started: {page} is missing\n")
        return 1
    found = check_getting_started(page, [str(installed)])
    for problem in found:
        sys.stdout.write(f"FAIL getting started: {problem}\n")
    if not found:
        sys.stdout.write(
            f"getting started: every step of {PAGE} runs as shown, "
            "and an apprentice's case is eligible\n"
        )
    return 1 if failures or found else 0


if __name__ == "__main__":
    sys.exit(main())
