"""What every command of the command line shares: messages, paths, days, rules."""

import argparse
import re
import sys

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

from skillchain._errors import closest
from skillchain._redact import shorten, shorten_path


if TYPE_CHECKING:
    from skillchain.rules import Rule


__all__ = [
    "MESSAGE_LIMIT",
    "Parser",
    "Version",
    "add_lang",
    "add_overlay_options",
    "bounded",
    "closest_hint",
    "day",
    "find_rule",
    "path_kind",
    "say",
    "shown",
]

MESSAGE_LIMIT: Final = 3500
"""No message on standard error is longer than this many characters."""


LANG_HELP: Final = (
    "the language of the output: zh (Chinese, the default) or en (English)"
)


def add_lang(parser: argparse.ArgumentParser) -> None:
    """Add the ``--lang zh|en`` option every reporting command has."""
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", metavar="{zh,en}", help=LANG_HELP
    )


class Version(argparse.Action):
    """``--version``: print the installed distribution's version and exit.

    The version is read from the distribution's metadata only when asked for, so
    the command line does not pay for it on every run.
    """

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="print skillchain's version and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        _namespace: argparse.Namespace,
        _values: object,
        _option_string: str | None = None,
    ) -> NoReturn:
        """Print ``skillchain X.Y.Z`` and exit with status 0."""
        from importlib.metadata import version

        sys.stdout.write(f"skillchain {version('skillchain')}\n")
        parser.exit(0)


def closest_hint(key: str, known: Iterable[str]) -> str:
    """``"; closest: a, b, c"``: the known names most like *key*, for a message."""
    close = closest(key[:100], known)
    return f"; closest: {', '.join(close)}" if close else ""


def bounded(text: str) -> str:
    """*text* as one bounded paragraph: no blank lines, identity numbers masked."""
    text = re.sub(r"\n\s*\n", "\n", text.strip())
    return shorten(text, MESSAGE_LIMIT)


def say(text: str) -> None:
    """Write ``skillchain: text`` to standard error, bounded and masked."""
    sys.stderr.write(f"skillchain: {bounded(text)}\n")


def shown(path: str) -> str:
    """A path as a message shows it: masked, its start cut if it is very long."""
    return shorten_path(path)


def find_rule(rule_id: str, command: str) -> "Rule | None":
    """The rule registered as *rule_id*, or ``None`` after saying which are close.

    *command* starts the message (``"simulate: "``, ``"--rule: "``).
    """
    from skillchain.rules import rules

    known = {r.id: r for r in rules()}
    found = known.get(rule_id)
    if found is None:
        say(f"{command}no rule {shorten(rule_id)!r}{closest_hint(rule_id, known)}")
    return found


def path_kind(path: Path) -> str:
    """``"folder"``, ``"file"`` or ``"none"`` (also for a name the system refuses)."""
    try:
        if path.is_dir():
            return "folder"
        if path.is_file():
            return "file"
    except (OSError, ValueError):
        pass
    return "none"


def day(text: str) -> date:
    """A command-line day, written ``YYYY-MM-DD`` like every other date input.

    Raises:
        argparse.ArgumentTypeError: Any other text (argparse reports it as a
            usage error).
    """
    from skillchain.simulation import iso_day

    found = iso_day(text)
    if found is None:
        msg = f"expected a date like 2024-01-31, got {shorten(text)!r}"
        raise argparse.ArgumentTypeError(msg)
    return found


_LONG_WORD: Final = re.compile(r"\S{61,}")


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors that echo arguments bounded and masked."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and *message* (quoted arguments cut and masked); exit 2."""
        cut = _LONG_WORD.sub(lambda m: shorten(m.group()), message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {bounded(cut)}\n")


def add_overlay_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--overlay-root`` and ``--overlays-anywhere``: where case files' overlays
    may be read from (``check`` and ``report`` read case files)."""
    parser.add_argument(
        "--overlay-root",
        metavar="DIR",
        help="the folder case files' overlays must lie in (default: the case file's "
        "folder, or the folder given)",
    )
    parser.add_argument(
        "--overlays-anywhere",
        action="store_true",
        help="read the overlays case files name wherever they are (trusted files only)",
    )
