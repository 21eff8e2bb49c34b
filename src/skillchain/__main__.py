"""The ``skillchain`` command line (also ``python -m skillchain``).

Commands: ``check`` (evaluate case files and compare with their expectations, or
decide plain JSON fact files), ``rules`` (every registered rule with its titles,
in-force dates, documents and parameters), ``params`` (the parameters in force on a
day, or a parameter's history), ``schema`` (the JSON Schema of a public type) and
``simulate`` (a population through one rule under two policies).  Exit status: 0 when all is well,
1 when a case's decision differs from its expectation, 2 on bad input (with a
message naming the file and the path, never a traceback).  Whatever a message
quotes from the input is cut to a bounded length and has identity numbers masked.
"""

import argparse
import os
import re
import sys
import typing

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import attrs

from skillchain._decision import Decision, format_value
from skillchain._errors import closest
from skillchain._money import Rounding
from skillchain._redact import redact, shorten, shorten_path
from skillchain._sources import Lang
from skillchain.errors import SkillchainError
from skillchain.policy import Policy, Resolved, specs


if TYPE_CHECKING:
    from skillchain.cases import CaseFile
    from skillchain.rules import Rule


__all__ = ["main"]

_MESSAGE_LIMIT = 3500
"""No message on standard error is longer than this many characters."""


def _bounded(text: str) -> str:
    """*text* as one bounded paragraph: no blank lines, identity numbers masked."""
    text = re.sub(r"\n\s*\n", "\n", text.strip())
    return shorten(text, _MESSAGE_LIMIT)


def _say(text: str) -> None:
    """Write ``skillchain: text`` to standard error, bounded and masked."""
    sys.stderr.write(f"skillchain: {_bounded(text)}\n")


def _shown(path: str) -> str:
    """A path as a message shows it: masked, its start cut if it is very long."""
    return shorten_path(path)


def _find_rule(rule_id: str, command: str) -> "Rule | None":
    """The rule registered as *rule_id*, or ``None`` after saying which are close."""
    from skillchain.rules import rules

    known = {r.id: r for r in rules()}
    found = known.get(rule_id)
    if found is None:
        close = closest(rule_id[:100], known)
        hint = f"; closest: {', '.join(close)}" if close else ""
        _say(f"{command}no rule {shorten(rule_id)!r}{hint}")
    return found


def _format(value: object, lang: Lang, *, nested: bool = False) -> str:
    """A parameter's value in plain words, the same whatever the hash seed.

    Sets are sorted (enumerations in their declared order, other values by their
    text), sequences keep their order, mappings their file order; nested
    sequences and mappings are shown in parentheses.
    """
    if isinstance(value, Mapping):
        text = ", ".join(
            f"{_format(k, lang, nested=True)} {_format(v, lang, nested=True)}"
            for k, v in value.items()
        )
    elif isinstance(value, (set, frozenset)):
        text = ", ".join(_sorted_labels(value, lang))
    elif isinstance(value, (tuple, list)):
        text = ", ".join(_format(item, lang, nested=True) for item in value)
    elif isinstance(value, Rounding):
        return f"{value.quantum} {value.mode.value}"
    elif value is None or isinstance(value, (str, int, Decimal, date, Enum)):
        return format_value(value, lang)
    elif attrs.has(type(value)):
        record = typing.cast("attrs.AttrsInstance", value)
        text = ", ".join(
            f"{field.name.replace('_', ' ')} {_format(shown, lang, nested=True)}"
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
        return [_format(item, lang, nested=True) for item in enums]
    return sorted(_format(item, lang, nested=True) for item in items)


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
    if args.history:
        return _history(policy, args.name, args.lang, out)
    if args.on is None:
        _say("params needs --on DAY (or --history)")
        return 2
    snapshot = policy.at(args.on)
    names = sorted(
        name
        for name in specs()
        if name == args.name or name.startswith(f"{args.name}.")
    )
    if not names:
        _say(f"no parameter matches {shorten(args.name)!r}")
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


def _check(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from skillchain.cases import (
        CaseFile,
        check_case,
        load_cases,
        load_directory,
        load_facts,
    )
    from skillchain.serialization import unstructure

    if args.rule is not None and _find_rule(args.rule, "--rule: ") is None:
        return 2
    boundary = {
        "overlay_root": args.overlay_root,
        "overlays_anywhere": args.overlays_anywhere,
    }
    cases: list[CaseFile] = []
    for name in args.files:
        path = Path(name)
        kind = _path_kind(path)
        if kind == "folder":
            cases.extend(load_directory(path, **boundary))
        elif kind == "file" and path.suffix.lower() == ".json":
            if args.rule is None or args.on is None:
                _say(
                    f"{_shown(name)}: a JSON fact file holds only facts; say which "
                    "rule decides them and on which day with --rule ID --on DAY"
                )
                return 2
            cases.extend(
                load_facts(path, rule=args.rule, on=args.on, overlays=args.policy or ())
            )
        elif kind == "file":
            cases.extend(load_cases(path, **boundary))
        else:
            _say(f"{_shown(name)}: no such file or directory")
            return 2
    lang: Lang = args.lang
    failures = 0
    records = []
    for case in cases:
        try:
            result = check_case(case)
        except SkillchainError as exc:
            _say(f"{_shown(case.file)}: {shorten(case.name)}: {exc}")
            return 2
        failures += not result.passed
        if args.json:
            records.append(
                {
                    "file": redact(case.file),
                    "case": redact(case.name),
                    "passed": result.passed,
                    "differences": [redact(line) for line in result.differences],
                    "decision": unstructure(result.decision),
                }
            )
            continue
        if args.summary:
            _summary_line(out, case, result.decision, passed=result.passed, lang=lang)
            out.writelines(f"       - {redact(line)}\n" for line in result.differences)
            continue
        state = (
            ("符合预期" if result.passed else "与预期不符")
            if lang == "zh"
            else ("as expected" if result.passed else "NOT as expected")
        )
        if case.expect is None:
            state = "已判定（无预期）" if lang == "zh" else "decided (no expectation)"
        out.write(f"== {redact(case.file)}: {redact(case.name)}: {state}\n")
        out.writelines(f"  - {redact(line)}\n" for line in result.differences)
        out.write(result.decision.explain(lang) + "\n\n")
    if args.json:
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        total = len(cases)
        out.write(f"{total - failures} passed, {failures} failed\n")
    return 1 if failures else 0


def _summary_line(
    out: TextIO, case: "CaseFile", decision: Decision, *, passed: bool, lang: Lang
) -> None:
    mark = "ok  " if passed else "FAIL"
    amount = f" {decision.amount}" if decision.amount is not None else ""
    where = redact(Path(case.file).name)
    out.write(
        f"{mark} {where}: {redact(case.name)} -> "
        f"{decision.outcome.label(lang)}{amount}\n"
    )


def _path_kind(path: Path) -> str:
    """``"folder"``, ``"file"`` or ``"none"`` (also for a name the system refuses)."""
    try:
        if path.is_dir():
            return "folder"
        if path.is_file():
            return "file"
    except (OSError, ValueError):
        pass
    return "none"


def _rules(args: argparse.Namespace, out: TextIO) -> int:
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


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    import json

    import skillchain
    import skillchain.model
    import skillchain.rules
    import skillchain.simulation

    from skillchain.serialization import json_schema

    for module in (
        skillchain,
        skillchain.model,
        skillchain.rules,
        skillchain.simulation,
    ):
        found = getattr(module, args.type, None)
        if isinstance(found, type):
            try:
                schema = json_schema(found)
            except TypeError as exc:
                _say(f"{shorten(args.type)}: {exc}")
                return 2
            out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
            return 0
    _say(f"no public type named {shorten(args.type)!r}")
    return 2


def _history(policy: Policy, name: str, lang: Lang, out: TextIO) -> int:
    try:
        param = policy.parameter(name)
    except KeyError:
        _say(f"no parameter named {shorten(name)!r}")
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
            f"  {start} – {end}: {_format(value.value, lang)} ({param.unit}); {source}; {provenance}\n"
        )
    if param.note:
        out.write(f"  {'说明' if zh else 'note'}: {param.note}\n")
    return 0


def _day(text: str) -> date:
    """A command-line day, written ``YYYY-MM-DD`` like every other date input."""
    from skillchain.simulation import _iso_day

    found = _iso_day(text)
    if found is None:
        msg = f"expected a date like 2024-01-31, got {shorten(text)!r}"
        raise argparse.ArgumentTypeError(msg)
    return found


_LONG_WORD = re.compile(r"\S{61,}")


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors that echo arguments bounded and masked."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and *message* (quoted arguments cut and masked); exit 2."""
        cut = _LONG_WORD.sub(lambda m: shorten(m.group()), message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {_bounded(cut)}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    params.add_argument("--on", type=_day, help="the day, e.g. 2024-06-01")
    params.add_argument(
        "--history", action="store_true", help="every dated value of one parameter"
    )
    params.add_argument("--lang", choices=("zh", "en"), default="zh")
    params.add_argument(
        "--policy", action="append", metavar="FILE", help="a policy file to overlay"
    )
    check = commands.add_parser(
        "check", help="evaluate case files and compare with their expectations"
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="case files (.toml), directories of them, or JSON fact files (.json, "
        "with --rule and --on)",
    )
    check.add_argument(
        "--rule", metavar="ID", help="the rule that decides JSON fact files"
    )
    check.add_argument(
        "--on", type=_day, metavar="DAY", help="the day JSON fact files are judged on"
    )
    check.add_argument(
        "--policy",
        action="append",
        metavar="FILE",
        help="a policy file to overlay for JSON fact files (case files name their own)",
    )
    check.add_argument(
        "--overlay-root",
        metavar="DIR",
        help="the folder case files' overlays must lie in (default: the case file's "
        "folder, or the folder given)",
    )
    check.add_argument(
        "--overlays-anywhere",
        action="store_true",
        help="read the overlays case files name wherever they are (trusted files only)",
    )
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.add_argument("--json", action="store_true", help="print decisions as JSON")
    check.add_argument(
        "--summary",
        action="store_true",
        help="one line per case (its outcome and amount) instead of the explanations",
    )
    listing = commands.add_parser("rules", help="list every registered rule")
    listing.add_argument("--lang", choices=("zh", "en"), default="zh")
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of a public type"
    )
    schema.add_argument("type", help="a public type name, e.g. ApprenticeEnrolment")
    from skillchain import _cli_simulate

    _cli_simulate.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit status.

    Exit status 0 on success, 1 when a case differs from its expectation, 2 on bad
    input (with a one-paragraph message on standard error, bounded in length and
    with identity numbers masked, never a traceback).  Usage errors exit through
    :exc:`SystemExit` with status 2, as argparse does.
    """
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    from skillchain._cli_simulate import run as simulate

    handlers = {
        "params": _params,
        "check": _check,
        "rules": _rules,
        "schema": _schema,
        "simulate": simulate,
    }
    try:
        return handlers[args.command](args, stream)
    except SkillchainError as exc:
        # Policy files, case files, fact files, and values a rule refuses.
        _say(str(exc))
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
