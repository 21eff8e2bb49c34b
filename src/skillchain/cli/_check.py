"""``skillchain check``: decide case files and compare with their expectations."""

import argparse
import json

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from skillchain._decision import Decision, Outcome
from skillchain._redact import redact, shorten
from skillchain._sources import Lang
from skillchain.cli._common import (
    add_lang,
    add_overlay_options,
    day,
    find_rule,
    path_kind,
    say,
    shown,
)
from skillchain.errors import SkillchainError


if TYPE_CHECKING:
    from skillchain._remedies import Remedy
    from skillchain.cases import CaseFile


__all__ = ["add_parser", "run", "waiting_for"]

_NAMES_SHOWN: Final = 6
"""How many names of each kind a summary's waiting line shows."""


def add_parser(commands: Any) -> None:
    """Add the ``check`` subcommand to *commands* (``add_subparsers()``'s result)."""
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
        "--on", type=day, metavar="DAY", help="the day JSON fact files are judged on"
    )
    check.add_argument(
        "--policy",
        action="append",
        metavar="FILE",
        help="a policy file to overlay for JSON fact files (case files name their own)",
    )
    add_overlay_options(check)
    add_lang(check)
    check.add_argument("--json", action="store_true", help="print decisions as JSON")
    check.add_argument(
        "--summary",
        action="store_true",
        help="one line per case (its outcome and amount) instead of the explanations",
    )
    check.add_argument(
        "--remedies",
        action="store_true",
        help="under each case not eligible, say what would make it eligible",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain check`` with parsed *args*; print to *out*; return the status."""
    from skillchain.cases import (
        CaseFile,
        check_case,
        load_cases,
        load_directory,
        load_facts,
    )
    from skillchain.serialization import unstructure

    if args.rule is not None and find_rule(args.rule, "--rule: ") is None:
        return 2
    boundary = {
        "overlay_root": args.overlay_root,
        "overlays_anywhere": args.overlays_anywhere,
    }
    cases: list[CaseFile] = []
    for name in args.files:
        path = Path(name)
        kind = path_kind(path)
        if kind == "folder":
            cases.extend(load_directory(path, **boundary))
        elif kind == "file" and path.suffix.lower() == ".json":
            if args.rule is None or args.on is None:
                say(
                    f"{shown(name)}: a JSON fact file holds only facts; say which "
                    "rule decides them and on which day with --rule ID --on DAY"
                )
                return 2
            cases.extend(
                load_facts(path, rule=args.rule, on=args.on, overlays=args.policy or ())
            )
        elif kind == "file":
            cases.extend(load_cases(path, **boundary))
        else:
            say(f"{shown(name)}: no such file or directory")
            return 2
    lang: Lang = args.lang
    failures = 0
    records = []
    for case in cases:
        try:
            result = check_case(case)
        except SkillchainError as exc:
            say(f"{shown(case.file)}: {shorten(case.name)}: {exc}")
            return 2
        failures += not result.passed
        remedies = (
            _remedies(case, result.decision)
            if args.remedies and result.decision.outcome is not Outcome.ELIGIBLE
            else ()
        )
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
            if args.remedies:
                records[-1]["remedies"] = _remedy_records(remedies, lang)
            continue
        if args.summary:
            _summary_line(out, case, result.decision, passed=result.passed, lang=lang)
            if result.decision.outcome is Outcome.UNDETERMINED:
                out.write(f"       {waiting_for(case, result.decision, lang)}\n")
            out.writelines(f"       - {redact(line)}\n" for line in result.differences)
            out.writelines(_remedy_lines(remedies, lang))
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
        out.write(result.decision.explain(lang, remedies=remedies) + "\n\n")
    if args.json:
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        total = len(cases)
        out.write(f"{total - failures} passed, {failures} failed\n")
    return 1 if failures else 0


def _remedies(case: "CaseFile", decision: Decision) -> "tuple[Remedy, ...]":
    """What would make *decision* eligible, under the policy *case* was judged by."""
    from skillchain._remedies import remedies

    return remedies(decision, case.facts, policy=case.policy)


def _remedy_records(remedies: "tuple[Remedy, ...]", lang: Lang) -> list[dict[str, str]]:
    """*remedies* as JSON records: the check, the kind of remedy, its sentence."""
    return [
        {
            "check": remedy.check,
            "kind": type(remedy).__name__,
            "text": redact(remedy.text(lang)),
        }
        for remedy in remedies
    ]


def _remedy_lines(remedies: "tuple[Remedy, ...]", lang: Lang) -> list[str]:
    """A summary's lines for *remedies*: each distinct sentence once.

    Two checks may wait for the same fact; the summary says it once.
    """
    texts = dict.fromkeys(redact(remedy.text(lang)) for remedy in remedies)
    return [f"       → {text}\n" for text in texts]


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


def waiting_for(case: "CaseFile", decision: Decision, lang: Lang) -> str:
    """What an undetermined *decision* waits for, in one line of *lang*.

    The facts not known, the parameters the case's policy does not supply at all,
    and those it supplies but not in force on the day they are read, each by
    name (at most six of each kind, then how many more).  A decision that names
    nothing missing gives the conditions it could not decide instead.

    Example:
        >>> from skillchain.cases import load_facts, check_case
        >>> from skillchain.cli._check import waiting_for
        >>> import json, tempfile
        >>> from datetime import date
        >>> from pathlib import Path
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "claim.json")
        ...     _ = path.write_text(json.dumps({"prepaid": "0.00"}), encoding="utf-8")
        ...     (case,) = load_facts(path, rule="apprenticeship.settlement",
        ...                          on=date(2025, 10, 8))
        >>> decision = check_case(case).decision
        >>> waiting_for(case, decision, "en")
        'waiting for facts: entitlement'
        >>> waiting_for(case, decision, "zh")
        '尚缺事实：entitlement'
    """
    from skillchain.policy import specs

    zh = lang == "zh"
    known = case.policy.parameters
    facts: list[str] = []
    unsupplied: list[str] = []
    out_of_force: list[str] = []
    for name in decision.missing:
        parameter = known.get(name)
        if parameter is not None and parameter.values:
            out_of_force.append(name)
        elif parameter is not None or name in specs():
            unsupplied.append(name)
        else:
            facts.append(name)
    labels = (
        ("事实", "参数（未提供）", "参数（未生效）")
        if zh
        else ("facts", "parameters not supplied", "parameters not in force")
    )
    groups = [
        f"{label}{'：' if zh else ': '}{_listed(names, lang)}"
        for label, names in zip(labels, (facts, unsupplied, out_of_force), strict=True)
        if names
    ]
    if not groups:
        checks = [finding.check for finding in decision.undecided]
        label = "无法判断的条件" if zh else "conditions not decided"
        groups = [f"{label}{'：' if zh else ': '}{_listed(checks, lang)}"]
    if zh:
        return redact("尚缺" + "；".join(groups))
    return redact("waiting for " + "; ".join(groups))


def _listed(names: list[str], lang: Lang) -> str:
    """*names* joined for *lang*: at most six, then how many more."""
    shown = [shorten(name) for name in names[:_NAMES_SHOWN]]
    more = len(names) - len(shown)
    if lang == "zh":
        return "、".join(shown) + (f" 等 {len(names)} 项" if more else "")
    return ", ".join(shown) + (f", … ({more} more)" if more else "")
