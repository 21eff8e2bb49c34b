"""``skillchain rules`` and ``skillchain schema``: what the library knows."""

import argparse
import collections.abc
import json
import types
import typing

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TextIO

from skillchain._redact import shorten
from skillchain._sources import Lang
from skillchain.cli._common import add_lang, closest_hint, say
from skillchain.policy import Policy


if TYPE_CHECKING:
    from skillchain.rules import Rule
    from skillchain.serialization import Fact

__all__ = ["add_rules_parser", "add_schema_parser", "run_rules", "run_schema"]


def add_rules_parser(commands: Any) -> None:
    """Add the ``rules`` subcommand to *commands* (``add_subparsers()``'s result)."""
    listing = commands.add_parser(
        "rules",
        help="list every registered rule",
        description="List every registered rule: its id and version, its title, the "
        "days its figures are in force under the bundled policy, the documents "
        "it rests on, the parameters it reads and the facts it decides on, with "
        "their types (the bundled rules, then those of installed or --plugin "
        "programmes).",
    )
    add_lang(listing)


def add_schema_parser(commands: Any) -> None:
    """Add the ``schema`` subcommand to *commands* (``add_subparsers()``'s result)."""
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a public type or of a rule's facts",
        description="Print the JSON Schema (draft 2020-12) of a public type, or of "
        "the facts object a rule decides on (what skillchain.decide and a JSON fact "
        "file take for it).",
    )
    schema.add_argument(
        "type",
        metavar="TYPE_OR_RULE",
        help="a public type name, e.g. ApprenticeEnrolment, or a rule id, e.g. "
        "apprenticeship.case, for the schema of its facts",
    )


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
        out.write(f"  {'事实' if zh else 'facts'}: {_facts_line(rule, lang)}\n")
        out.write("\n")
    return 0


def run_schema(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain schema``: the JSON Schema of the public type or rule's facts named."""
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
    by_id = {rule.id: rule for rule in skillchain.rules.rules()}
    rule = by_id.get(args.type)
    if rule is not None:
        from skillchain.serialization import facts_schema

        try:
            schema = facts_schema(rule)
        except TypeError as exc:
            say(f"{rule.id}: {exc}")
            return 2
        out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        return 0
    known = {
        name
        for module in modules
        for name in module.__all__
        if isinstance(getattr(module, name, None), type)
    }
    hint = closest_hint(args.type, sorted(known | _fact_types().keys() | by_id.keys()))
    if "." in args.type:  # rule ids are dotted, type names never are
        say(f"no rule {shorten(args.type)!r}, nor a public type of that name{hint}")
    else:
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
        except (NameError, TypeError, KeyError):  # a hint this process cannot read
            continue
        for hint in hints.values():
            for candidate in (hint, *typing.get_args(hint)):
                if isinstance(candidate, type) and attrs.has(candidate):
                    found.setdefault(candidate.__name__, candidate)
    return found


_WORDS: Final[dict[object, tuple[str, str]]] = {
    bool: ("true/false", "是/否"),
    int: ("whole number", "整数"),
    Decimal: ("decimal string", "数值字符串"),
    date: ("date", "日期"),
    str: ("text", "文本"),
}
"""Plain words (English, Chinese) for the JSON kinds of the simple fact types."""

_SEQUENCES: Final = (
    tuple,
    list,
    frozenset,
    set,
    collections.abc.Sequence,
    collections.abc.Collection,
    collections.abc.Iterable,
)


def _type_words(tp: object, lang: Lang) -> str:
    """A fact's type in plain words: ``true/false``, ``list of Certificate``."""
    zh = lang == "zh"
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        return ("或" if zh else " or ").join(_type_words(m, lang) for m in members)
    words = _WORDS.get(tp)
    if words is not None:
        return words[1] if zh else words[0]
    args = typing.get_args(tp)
    if typing.get_origin(tp) in _SEQUENCES and args:
        item = _type_words(args[0], lang)
        if not zh:
            return f"list of {item}"
        return f"{item} 列表" if item[-1].isascii() else f"{item}列表"
    if isinstance(tp, type):  # a record, an enum or a code: its name
        return tp.__name__
    return str(tp)


def _fact_words(fact: "Fact", lang: Lang) -> str:
    """One fact in plain words: ``student (true/false, optional)``."""
    zh = lang == "zh"
    words = _type_words(fact.type, lang)
    if fact.nullable:
        words += "，或未知" if zh else " or unknown"
    elif not fact.required:
        words += "，可省略" if zh else ", optional"
    return f"{fact.name}（{words}）" if zh else f"{fact.name} ({words})"


def _facts_line(rule: "Rule", lang: Lang) -> str:
    """The facts *rule* decides on, with their types in plain words."""
    from skillchain.serialization import rule_facts

    try:
        facts = rule_facts(rule)
    except (NameError, TypeError, KeyError):  # a hint this process cannot read
        return "（无法读取）" if lang == "zh" else "(cannot be read)"
    if not facts:
        return "无" if lang == "zh" else "none"
    return ("、" if lang == "zh" else ", ").join(_fact_words(f, lang) for f in facts)
