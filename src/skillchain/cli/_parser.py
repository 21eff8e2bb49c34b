"""The ``skillchain`` argument parser: the global options and every subcommand."""

import argparse

from collections.abc import Callable
from typing import Final, TextIO

from skillchain.cli import _check, _examples, _params, _report, _rules, _simulate
from skillchain.cli._common import Parser, Version


__all__ = ["HANDLERS", "build_parser"]

HANDLERS: Final[dict[str, Callable[[argparse.Namespace, TextIO], int]]] = {
    "params": _params.run,
    "check": _check.run,
    "rules": _rules.run_rules,
    "schema": _rules.run_schema,
    "simulate": _simulate.run,
    "examples": _examples.run,
    "report": _report.run,
}
"""The function that runs each subcommand with its parsed arguments."""


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, subcommands in the order of ``--help``."""
    parser = Parser(
        prog="skillchain",
        description="Typed, explainable rules for Futian's skills-talent programmes.",
    )
    parser.add_argument("--version", action=Version)
    parser.add_argument(
        "--plugin",
        action="append",
        default=[],
        metavar="MODULE",
        help="import this Python module before the command runs, so that the "
        "programmes and rules it registers can be used (repeatable)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _params.add_parser(commands)
    _check.add_parser(commands)
    _rules.add_rules_parser(commands)
    _rules.add_schema_parser(commands)
    _simulate.add_parser(commands)
    _examples.add_parser(commands)
    _report.add_parser(commands)
    return parser
