"""``skillchain examples``: copy the example case files and overlays into a folder."""

import argparse
import shlex

from pathlib import Path
from typing import Any, Final, TextIO

from skillchain._redact import redact
from skillchain.cli._common import add_lang, say


__all__ = ["DESCRIPTION", "add_parser", "run"]

DESCRIPTION: Final = """\
Copy the example case files (DIR/cases) and the policy overlays they use
(DIR/overlays) into DIR, to run and to edit.  The folder is created if need be.

The overlays are ILLUSTRATIVE: made-up district figures (an apprenticeship
occupation directory, a quota, recognition criteria, catalogue rows) standing in
for lists the district has not published.  Without them, a case that needs such a
list comes out undetermined.  They are not the district's data.

Nothing is written if any of the files already exists in DIR, unless --force is
given; other files in DIR are left alone.

example:
  skillchain examples my-examples
  skillchain check my-examples/cases --overlay-root my-examples --summary
"""
"""The ``--help`` text of the subcommand."""


def add_parser(commands: Any) -> None:
    """Add the ``examples`` subcommand to *commands* (``add_subparsers()``'s result)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "examples",
        help="copy the example case files and illustrative overlays into a folder",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("directory", metavar="DIR", help="the folder to copy them into")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace example files that already exist in DIR",
    )
    add_lang(parser)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain examples`` with parsed *args*; print to *out*; return the status.

    Prints each file written, how many of each kind, and the command that checks
    them.  A file that already exists (without ``--force``), a target that is a
    folder, missing example data or a file system error exits 2 with a message,
    and nothing is written.
    """
    from skillchain.examples import FOLDERS, copy_to

    target = Path(args.directory)
    try:
        written = copy_to(target, overwrite=args.force)
    except FileExistsError as exc:
        say(f"examples: {exc}; use --force to replace them")
        return 2
    except OSError as exc:
        say(f"examples: {exc}")
        return 2
    out.writelines(f"{redact(str(path))}\n" for path in written)
    cases, overlays = (
        sum(path.parent.name == folder for path in written) for folder in FOLDERS
    )
    command = (
        f"skillchain check {shlex.quote(str(target / 'cases'))} "
        f"--overlay-root {shlex.quote(str(target))} --summary"
    )
    if args.lang == "zh":
        out.write(
            f"已写入 {len(written)} 个文件：案例文件 {cases} 个，政策叠加文件 "
            f"{overlays} 个（叠加文件中的数值是示例，并非区里的真实数据）。\n"
            "下一步，按各案例的预期逐一核对：\n"
        )
    else:
        command += " --lang en"
        out.write(
            f"Wrote {len(written)} files: {cases} case files and {overlays} policy "
            "overlays (the overlays' figures are ILLUSTRATIVE, not the district's).\n"
            "Next, check every case against what it expects:\n"
        )
    out.write(f"  {redact(command)}\n")
    return 0
