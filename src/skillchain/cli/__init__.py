"""The ``skillchain`` command line (also ``python -m skillchain``).

Commands: ``check`` (evaluate case files and compare with their expectations, or
decide plain JSON fact files), ``rules`` (every registered rule with its titles,
in-force dates, documents and parameters), ``params`` (the parameters in force on a
day, or a parameter's history), ``schema`` (the JSON Schema of a public type),
``simulate`` (a population through one rule under two policies), ``report`` (the
figures a district reports, per programme and period, from records, decisions, case
files or a population) and ``examples`` (copy the example case files and their
illustrative overlays into a folder).
Before a command runs, every plugin is imported: the entry points of the group
``skillchain.programmes`` and each module named with ``--plugin MODULE``.

Exit status: 0 when all is well, 1 when a case's decision differs from its
expectation, 2 on bad input or a plugin that cannot be imported (with a message
naming the file and the path, never a traceback).  Whatever a message quotes from
the input is cut to a bounded length and has identity numbers masked.
"""

import os
import sys

from collections.abc import Sequence
from typing import TextIO

from skillchain.cli._common import say
from skillchain.cli._parser import HANDLERS, build_parser
from skillchain.cli._plugins import load_plugins
from skillchain.errors import SkillchainError


__all__ = ["main"]


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit status.

    Exit status 0 on success, 1 when a case differs from its expectation, 2 on bad
    input or a plugin that cannot be imported (with a one-paragraph message on
    standard error, bounded in length and with identity numbers masked, never a
    traceback).  Usage errors exit through :exc:`SystemExit` with status 2, as
    argparse does.
    """
    args = build_parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    if not load_plugins(args.plugin):
        return 2
    try:
        return HANDLERS[args.command](args, stream)
    except SkillchainError as exc:
        # Policy files, case files, fact files, and values a rule refuses.
        say(str(exc))
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
