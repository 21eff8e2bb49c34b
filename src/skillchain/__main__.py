"""The ``skillchain`` command line (also ``python -m skillchain``).

For now it has one command, ``params``, which prints the parameters in force on a
day with their documents and provenance.  Checking case files and simulating policy
changes arrive with the command-line issue.
"""

import argparse
import sys

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TextIO

from skillchain._decision import format_value
from skillchain._errors import PolicyFileError
from skillchain._money import Rounding
from skillchain._sources import Lang
from skillchain.policy import Policy, Resolved, specs


__all__ = ["main"]


def _format(value: object, lang: Lang) -> str:
    if isinstance(value, Mapping):
        return ", ".join(
            f"{_format(k, lang)} {_format(v, lang)}" for k, v in value.items()
        )
    if isinstance(value, Rounding):
        return f"{value.quantum} {value.mode.value}"
    if value is None or isinstance(value, (str, int, Decimal, date, Enum)):
        return format_value(value, lang)
    return str(value)


def _print_parameter(
    out: TextIO,
    *,
    policy: Policy,
    name: str,
    resolved: Resolved[object],
    lang: Lang,
    day: date,
) -> None:
    param = policy.parameters.get(name)
    zh = lang == "zh"
    description = ""
    if param is not None:
        description = param.description_zh if zh else param.description_en
    out.write(f"{name}  {description}\n")
    if not resolved.known:
        out.write(
            f"  {'当日无有效值' if zh else 'no value in force on'} {day.isoformat()}\n"
        )
        if param is not None and param.note:
            out.write(f"  {'说明' if zh else 'note'}: {param.note}\n")
        return
    unit = param.unit if param is not None else ""
    out.write(
        f"  {'取值' if zh else 'value'}: {_format(resolved.value, lang)} ({unit})\n"
    )
    period = resolved.period
    if period is not None:
        end = period.end.isoformat() if period.end else ("至今" if zh else "open")
        out.write(
            f"  {'有效期' if zh else 'in force'}: {period.start.isoformat()} – {end}\n"
        )
    if resolved.citation is not None:
        out.write(f"  {'依据' if zh else 'source'}: {resolved.citation.label(lang)}\n")
        out.writelines(
            f"  {'地址' if zh else 'address'}: {url}\n"
            for url in resolved.citation.document.urls[:1]
        )
    if resolved.provenance is not None:
        out.write(
            f"  {'可信度' if zh else 'provenance'}: {resolved.provenance.label(lang)}\n"
        )
    if resolved.note:
        out.write(f"  {'说明' if zh else 'note'}: {resolved.note}\n")


def _params(args: argparse.Namespace, out: TextIO) -> int:
    policy = Policy.default()
    if args.policy:
        policy = policy.overlay(Policy.from_files(*args.policy))
    snapshot = policy.at(args.on)
    names = sorted(
        name
        for name in specs()
        if name == args.name or name.startswith(f"{args.name}.")
    )
    if not names:
        sys.stderr.write(f"skillchain: no parameter matches {args.name!r}\n")
        return 2
    lang: Lang = args.lang
    header = (
        f"{args.on.isoformat()} 有效的参数（政策指纹 {policy.fingerprint[:12]}）\n"
        if lang == "zh"
        else f"Parameters in force on {args.on.isoformat()} (policy {policy.fingerprint[:12]})\n"
    )
    out.write(header)
    for name in names:
        out.write("\n")
        _print_parameter(
            out,
            policy=policy,
            name=name,
            resolved=snapshot.get(name),
            lang=lang,
            day=args.on,
        )
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date like 2024-01-31, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skillchain",
        description="Typed, explainable rules for Futian's skills-talent programmes.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    params = commands.add_parser(
        "params", help="show the parameters in force on a day, with their documents"
    )
    params.add_argument(
        "name",
        nargs="?",
        default="apprenticeship",
        help="a parameter name or a group prefix (default: apprenticeship)",
    )
    params.add_argument(
        "--on", type=_day, required=True, help="the day, e.g. 2024-06-01"
    )
    params.add_argument("--lang", choices=("zh", "en"), default="zh")
    params.add_argument(
        "--policy", action="append", metavar="FILE", help="a policy file to overlay"
    )
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit status.

    Exit status 0 on success, 2 on bad input (with a one-paragraph message on
    standard error, never a traceback).
    """
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        return _params(args, stream)
    except PolicyFileError as exc:
        sys.stderr.write(f"skillchain: {exc}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
