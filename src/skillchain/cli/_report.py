"""``skillchain report``: the district's figures from records, decisions and cases."""

import argparse
import json
import re

from pathlib import Path
from typing import Any, Final, TextIO

from skillchain._redact import shorten
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
from skillchain.errors import PopulationError, SkillchainError


__all__ = ["DESCRIPTION", "add_parser", "run", "span"]

DESCRIPTION = """\
Count the figures a district reports, per programme and period, from:

  - JSON Lines files of records and decisions (.jsonl): one object a line,
    {"type": "CourseEnrolment", "data": {...}}, {"decision": {...}} or
    {"note": "..."} (see skillchain.statistics.read_records);
  - case files (.toml) or folders of them: each case is decided, as check does,
    and its decision and the records among its facts are counted;
  - a population (--population FILE, .csv or .jsonl, with --rule): each row is
    decided under the bundled policy with the --policy files laid over it, and
    its decision and records are counted.

The period is the calendar year of each item (a decision's day, a course's
year, a programme's start); --span FIRST-LAST counts those years as one period.
Every figure is also given for all periods together.  Figures of decisions carry
the policies and the weakest provenance behind them.  No identity number is
shown: people and enterprises are counted, never listed.

A bad line or row does not stop the run: the others are counted, the bad ones
are listed on standard error with their line numbers (the first twenty), and the
exit status is 2.

--chart PATH also draws the headline counts as a bar chart (.png or .svg); it
needs the charts extra (pip install 'skillchain[charts]').

example:
  skillchain report examples/statistics/futian-illustrative.jsonl --lang en
  skillchain report examples/cases --overlay-root examples
  skillchain report --population examples/population/apprentices-10000.csv \\
      --rule apprenticeship.case \\
      --policy examples/overlays/futian-occupation-directory.toml
"""
"""The ``--help`` text of the subcommand."""

_BAD_SHOWN: Final = 20
"""How many bad lines a run lists (it counts them all)."""
_SPAN: Final = re.compile(r"([0-9]{4})\s*[-–]\s*([0-9]{4})")
_CHART_SUFFIXES: Final = (".png", ".svg")


def span(text: str) -> tuple[int, int]:
    """A ``--span`` value: two years ``FIRST-LAST``, the first not after the last.

    Raises:
        argparse.ArgumentTypeError: Anything else (argparse reports it as a
            usage error).
    """
    found = _SPAN.fullmatch(text.strip())
    if found is None or int(found.group(1)) > int(found.group(2)):
        msg = f"expected two years like 2020-2023, got {shorten(text)!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(found.group(1)), int(found.group(2))


def add_parser(commands: Any) -> None:
    """Add the ``report`` subcommand to *commands* (``add_subparsers()``'s result)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "report",
        help="count the figures a district reports, per programme and period",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="JSON Lines files of records and decisions (.jsonl), case files "
        "(.toml) or folders of case files",
    )
    parser.add_argument(
        "--population",
        metavar="FILE",
        help="a population (.csv or .jsonl) of the facts of --rule, decided and "
        "counted",
    )
    parser.add_argument(
        "--rule", metavar="ID", help="the rule that decides --population"
    )
    parser.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar="FILE",
        help="a policy file laid over the bundled policy for --population "
        "(repeatable; case files name their own)",
    )
    parser.add_argument(
        "--on",
        type=day,
        metavar="DAY",
        help="the evaluation day of population rows without their own 'on'",
    )
    parser.add_argument(
        "--span",
        type=span,
        metavar="FIRST-LAST",
        help="count the years FIRST to LAST as one period (e.g. 2020-2023)",
    )
    add_overlay_options(parser)
    add_lang(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--chart",
        metavar="PATH",
        help="also draw the headline counts as a bar chart (.png or .svg)",
    )


class _Bad:
    """Collects the bad lines and rows of a run: counts them all, keeps twenty."""

    def __init__(self) -> None:
        self.count = 0
        self.shown: list[str] = []

    def __call__(self, error: PopulationError) -> None:
        self.count += 1
        if len(self.shown) < _BAD_SHOWN:
            where = (
                error.file if error.line is None else f"{error.file}, line {error.line}"
            )
            self.shown.append(f"  - {where}: {error.first}")

    def report(self) -> str:
        lines = "line" if self.count == 1 else "lines"
        listed = [f"report: {self.count:,} bad {lines} (not counted):"]
        listed.extend(self.shown)
        if self.count > len(self.shown):
            listed.append(f"  … and {self.count - len(self.shown):,} more")
        return "\n".join(listed)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain report`` with parsed *args*; print to *out*; return the status."""
    from skillchain.statistics import Statistics, by_year, spanning

    if not args.files and args.population is None:
        say("report: give JSON Lines files, case files or folders, or --population")
        return 2
    if args.population is not None and args.rule is None:
        say("report: --population needs --rule ID, the rule that decides its rows")
        return 2
    if args.rule is not None and args.population is None:
        say("report: --rule decides a --population; give one")
        return 2
    if args.chart is not None:
        chart = Path(args.chart)
        if chart.suffix.lower() not in _CHART_SUFFIXES:
            say(f"report: --chart {shown(args.chart)}: expected a .png or .svg file")
            return 2
        if path_kind(chart.parent) != "folder":
            say(f"report: --chart {shown(args.chart)}: no such folder")
            return 2
    rule = None
    if args.rule is not None:
        rule = find_rule(args.rule, "report: --rule: ")
        if rule is None:
            return 2
    period = by_year if args.span is None else spanning(*args.span)
    statistics = Statistics(period=period)
    bad = _Bad()
    status = _count_files(args, statistics, bad)
    if status:
        return status
    if rule is not None:
        status = _count_population(args, statistics, rule, bad)
        if status:
            return status
    report = statistics.report()
    lang: Lang = args.lang
    if args.json:
        out.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(report.table(lang) + "\n")
    if args.chart is not None:
        status = _draw(report, Path(args.chart), lang)
        if status:
            return status
    if bad.count:
        say(bad.report())
        return 2
    return 0


def _count_files(args: argparse.Namespace, statistics: Any, bad: _Bad) -> int:
    """Count every FILE: JSON Lines read, case files decided.  The status (0: fine)."""
    from skillchain.cases import check_case, load_cases, load_directory
    from skillchain.statistics import read_records

    boundary = {
        "overlay_root": args.overlay_root,
        "overlays_anywhere": args.overlays_anywhere,
    }
    for name in args.files:
        path = Path(name)
        kind = path_kind(path)
        if kind == "none":
            say(f"report: {shown(name)}: no such file or directory")
            return 2
        if kind == "file" and path.suffix.lower() == ".jsonl":
            statistics.update(read_records(path, on_bad_line=bad))
            continue
        if kind == "file" and path.suffix.lower() != ".toml":
            say(
                f"report: {shown(name)}: expected a .jsonl file of records, a .toml "
                "case file or a folder (a population goes with --population)"
            )
            return 2
        cases = (
            load_directory(path, **boundary)
            if kind == "folder"
            else load_cases(path, **boundary)
        )
        for case in cases:
            try:
                decision = check_case(case).decision
            except SkillchainError as exc:
                say(f"report: {shown(case.file)}: {shorten(case.name)}: {exc}")
                return 2
            statistics.add(decision)
            statistics.add_facts(case.facts)
    return 0


def _count_population(
    args: argparse.Namespace, statistics: Any, rule: Any, bad: _Bad
) -> int:
    """Decide and count the population's rows.  The status (0: fine)."""
    from skillchain.comparison import evaluate
    from skillchain.policy import Policy
    from skillchain.simulation import read_population_lines

    policy = Policy.default()
    if args.policy:
        policy = policy.overlay(Policy.from_files(*args.policy))
    try:
        rows = read_population_lines(args.population, rule, on=args.on, on_bad_row=bad)
    except PopulationError as exc:
        say(f"report: population {exc}")
        return 2
    file = shown(str(args.population))
    for line, case in rows:
        try:
            decision = evaluate(rule, policy, case)
        except SkillchainError as exc:
            from skillchain.errors import InputProblem

            message = str(exc).replace("\n", " ")
            bad(PopulationError(file, line, [InputProblem(path="", message=message)]))
            continue
        statistics.add(decision)
        statistics.add_facts(case.facts)
    return 0


def _draw(report: Any, path: Path, lang: Lang) -> int:
    """Draw the report's chart at *path*.  The status (0: drawn)."""
    from skillchain.statistics import CHARTS_INSTALL, report_chart

    try:
        report_chart(report, path, lang=lang)
    except ImportError:
        say(f"report: --chart needs the charts extra: {CHARTS_INSTALL}")
        return 2
    except (OSError, ValueError) as exc:
        say(f"report: --chart {shown(str(path))}: {exc}")
        return 2
    return 0
