"""``skillchain params``: the parameters in force on a day, or one's history."""

import argparse
import typing

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, TextIO

import attrs

from skillchain._decision import format_value
from skillchain._money import Rounding
from skillchain._redact import shorten
from skillchain._sources import Lang
from skillchain.cli._common import add_lang, closest_hint, day, say
from skillchain.policy import Policy, Resolved, specs


__all__ = ["add_parser", "format_parameter", "run"]


def add_parser(commands: Any) -> None:
    """Add the ``params`` subcommand to *commands* (``add_subparsers()``'s result)."""
    params = commands.add_parser(
        "params", help="show the parameters in force on a day, with their documents"
    )
    params.add_argument(
        "name",
        nargs="?",
        default="apprenticeship",
        help="a parameter name or a group prefix (default: apprenticeship)",
    )
    params.add_argument("--on", type=day, help="the day, e.g. 2024-06-01")
    params.add_argument(
        "--history", action="store_true", help="every dated value of one parameter"
    )
    add_lang(params)
    params.add_argument(
        "--policy", action="append", metavar="FILE", help="a policy file to overlay"
    )


def format_parameter(value: object, lang: Lang, *, nested: bool = False) -> str:
    """A parameter's value in plain words, the same whatever the hash seed.

    Sets are sorted (enumerations in their declared order, other values by their
    text), sequences keep their order, mappings their file order; nested
    sequences and mappings are shown in parentheses.
    """
    if isinstance(value, Mapping):
        text = ", ".join(
            f"{format_parameter(k, lang, nested=True)} "
            f"{format_parameter(v, lang, nested=True)}"
            for k, v in value.items()
        )
    elif isinstance(value, (set, frozenset)):
        text = ", ".join(_sorted_labels(value, lang))
    elif isinstance(value, (tuple, list)):
        text = ", ".join(format_parameter(item, lang, nested=True) for item in value)
    elif isinstance(value, Rounding):
        return f"{value.quantum} {value.mode.value}"
    elif value is None or isinstance(value, (str, int, Decimal, date, Enum)):
        return format_value(value, lang)
    elif attrs.has(type(value)):
        record = typing.cast("attrs.AttrsInstance", value)
        text = ", ".join(
            f"{field.name.replace('_', ' ')} {format_parameter(shown, lang, nested=True)}"
            for field in attrs.fields(type(record))
            if (shown := getattr(value, field.name)) is not None
            and shown != frozenset()
        )
    else:
        return str(value)
    return f"({text})" if nested else text


def _sorted_labels(items: "set[object] | frozenset[object]", lang: Lang) -> list[str]:
    """A set's members as labels: one enumeration in declared order, else sorted."""
    enums = [item for item in items if isinstance(item, Enum)]
    if len(enums) == len(items) and len({type(item) for item in enums}) == 1:
        enums.sort(key=lambda item: list(type(item)).index(item))
        return [format_parameter(item, lang, nested=True) for item in enums]
    return sorted(format_parameter(item, lang, nested=True) for item in items)


def _print_parameter(
    out: TextIO,
    *,
    policy: Policy,
    name: str,
    resolved: Resolved[object],
    lang: Lang,
    on: date,
) -> None:
    param = policy.parameters.get(name)
    zh = lang == "zh"
    description = ""
    if param is not None:
        description = param.description_zh if zh else param.description_en
    out.write(f"{name}  {description}\n")
    if not resolved.known:
        out.write(
            f"  {'当日无有效值' if zh else 'no value in force on'} {on.isoformat()}\n"
        )
        if param is not None and param.note:
            out.write(f"  {'说明' if zh else 'note'}: {param.note}\n")
        return
    unit = param.unit if param is not None else ""
    out.write(
        f"  {'取值' if zh else 'value'}: "
        f"{format_parameter(resolved.value, lang)} ({unit})\n"
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


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain params`` with parsed *args*; print to *out*; return the status."""
    policy = Policy.default()
    if args.policy:
        policy = policy.overlay(Policy.from_files(*args.policy))
    if args.history:
        return _history(policy, args.name, args.lang, out)
    if args.on is None:
        say("params needs --on DAY (or --history)")
        return 2
    snapshot = policy.at(args.on)
    names = sorted(
        name
        for name in specs()
        if name == args.name or name.startswith(f"{args.name}.")
    )
    if not names:
        say(
            f"no parameter matches {shorten(args.name)!r}"
            f"{closest_hint(args.name, specs())}"
        )
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
            on=args.on,
        )
    return 0


def _history(policy: Policy, name: str, lang: Lang, out: TextIO) -> int:
    try:
        param = policy.parameter(name)
    except KeyError:
        say(f"no parameter named {shorten(name)!r}{closest_hint(name, specs())}")
        return 2
    zh = lang == "zh"
    out.write(f"{name}  {param.description_zh if zh else param.description_en}\n")
    if not param.values:
        out.write(f"  {'无取值' if zh else 'no values'}\n")
    for value in param.values:
        period = value.period
        end = (
            period.end.isoformat()
            if period and period.end
            else ("至今" if zh else "open")
        )
        start = period.start.isoformat() if period else "?"
        source = value.citation.label(lang) if value.citation else "?"
        provenance = value.provenance.label(lang) if value.provenance else "?"
        out.write(
            f"  {start} – {end}: {format_parameter(value.value, lang)} "
            f"({param.unit}); {source}; {provenance}\n"
        )
    if param.note:
        out.write(f"  {'说明' if zh else 'note'}: {param.note}\n")
    return 0
