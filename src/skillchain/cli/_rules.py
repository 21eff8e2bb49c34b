"""``skillchain rules`` and ``skillchain schema``: what the library knows."""

import argparse
import json
import typing

from typing import Any, TextIO

from skillchain._redact import shorten
from skillchain._sources import Lang
from skillchain.cli._common import add_lang, closest_hint, say
from skillchain.policy import Policy


__all__ = ["add_rules_parser", "add_schema_parser", "run_rules", "run_schema"]


def add_rules_parser(commands: Any) -> None:
    """Add the ``rules`` subcommand to *commands* (``add_subparsers()``'s result)."""
    listing = commands.add_parser(
        "rules",
        help="list every registered rule",
        description="List every registered rule: its id and version, its title, the "
        "days its figures are in force under the bundled policy, and the documents "
        "it rests on (the bundled rules, then those of installed or --plugin "
        "programmes).",
    )
    add_lang(listing)


def add_schema_parser(commands: Any) -> None:
    """Add the ``schema`` subcommand to *commands* (``add_subparsers()``'s result)."""
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of a public type"
    )
    schema.add_argument("type", help="a public type name, e.g. ApprenticeEnrolment")


def run_rules(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain rules``: every registered rule, its dates and documents."""
    from skillchain.rules import rules

    lang: Lang = args.lang
    policy = Policy.default()
    zh = lang == "zh"
    for rule in rules():
        out.write(f"{rule.id}  (version {rule.version})\n")
        out.write(f"  {rule.title_zh}\n  {rule.title_en}\n")
        span = rule.in_force(policy)
        if span is None:
            when = "无任何参数取值" if zh else "no parameter it reads has a value"
        else:
            end = span.end.isoformat() if span.end else ("至今" if zh else "open")
            when = f"{span.start.isoformat()} – {end}"
        out.write(f"  {'有效期' if zh else 'in force'}: {when}\n")
        out.writelines(
            f"  {'依据' if zh else 'source'}: {citation.label(lang)}\n"
            for citation in rule.citations(policy)
        )
        if rule.parameters:
            out.write(
                f"  {'参数' if zh else 'parameters'}: {', '.join(rule.parameters)}\n"
            )
        out.write("\n")
    return 0


def run_schema(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain schema``: the JSON Schema of the public type named."""
    import skillchain
    import skillchain.model
    import skillchain.rules
    import skillchain.simulation

    from skillchain.serialization import json_schema

    modules = (skillchain, skillchain.model, skillchain.rules, skillchain.simulation)
    for module in modules:
        found = getattr(module, args.type, None)
        if isinstance(found, type):
            try:
                schema = json_schema(found)
            except TypeError as exc:
                say(f"{shorten(args.type)}: {exc}")
                return 2
            out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
            return 0
    found = _fact_types().get(args.type)
    if found is not None:
        out.write(json.dumps(json_schema(found), ensure_ascii=False, indent=2) + "\n")
        return 0
    known = {
        name
        for module in modules
        for name in module.__all__
        if isinstance(getattr(module, name, None), type)
    }
    hint = closest_hint(args.type, sorted(known | _fact_types().keys()))
    say(f"no public type named {shorten(args.type)!r}{hint}")
    return 2


def _fact_types() -> dict[str, type]:
    """The attrs types the registered rules take as facts, by class name.

    A plugin's programme brings its own record types: they are found through its
    rules' signatures.
    """
    import attrs

    from skillchain.rules import rules

    found: dict[str, type] = {}
    for rule in rules():
        try:
            hints = typing.get_type_hints(rule.function)
        except (NameError, TypeError):  # a hint this process cannot resolve
            continue
        for hint in hints.values():
            for candidate in (hint, *typing.get_args(hint)):
                if isinstance(candidate, type) and attrs.has(candidate):
                    found.setdefault(candidate.__name__, candidate)
    return found
