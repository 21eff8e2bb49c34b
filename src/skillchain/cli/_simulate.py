"""``skillchain simulate``: a population through one rule under two policies.

Reads the population lazily (CSV or JSON Lines, see
:func:`skillchain.simulation.read_population`), decides every case under the
baseline and the reform, and prints the summary (text, or JSON with ``--json``).
``--changed OUT.jsonl`` writes every changed case with both decisions; it is written
to a temporary file beside OUT and renamed at the end, so a failed run leaves no
half-written file.  ``--workers N`` decides the population in N processes (``0``
or ``auto``: one per core) with the same output.  Bad input exits with status 2 and
a message naming the file and the line or path; bad rows are listed (the first
twenty) while the good rows are still decided and summed.  ``-`` reads the
population from standard input.
"""

import argparse
import contextlib
import json
import sys
import tempfile
import time

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final, Self, TextIO

from skillchain._redact import redact, shorten
from skillchain._sources import Lang
from skillchain.cli._common import add_lang, day, find_rule, path_kind, say, shown
from skillchain.comparison import Case, Change, differences
from skillchain.errors import InputProblem, SkillchainError
from skillchain.policy import Policy
from skillchain.rules import Rule
from skillchain.simulation import (
    STDIN,
    PopulationError,
    SimulationSummary,
    read_population_lines,
    simulate,
)


__all__ = [
    "DESCRIPTION",
    "Progress",
    "add_parser",
    "changed_line",
    "changed_record",
    "run",
    "workers",
]

DESCRIPTION = """\
Decide every case of a population with one rule under two policies, and report
what the reform changes: how many cases reach each outcome under each policy, how
many are decided differently and in which direction, and the total amounts with
their difference.

The population is a CSV file (a header row of dotted paths into the rule's facts,
such as enrolment.programme.start, plus optional name and on columns; an empty cell
is an absent value, a list's items are separated by ';') or a JSON Lines file (one
object of the rule's facts per line, plus optional name and on).  It is read one
case at a time, so memory stays flat however large it is.  POPULATION '-' reads
standard input: JSON Lines if its first non-blank character is '{', else CSV
(or say which with --format).

A bad row does not stop the run: every good row is decided and summed, the bad
rows are listed on standard error with their line numbers (the first twenty), and
the exit status is 2.  --changed is written only when every row was good.

--workers N decides the cases in N processes (0 or auto: one per core); the
output is the same as with one.  Each process reads its own part of a population
file; standard input is read by this process and handed out in chunks.

The baseline is the bundled policy with the --baseline files laid over it; the
reform is the baseline with the --reform files laid over it, so a reform file holds
only what changes.

example:
  skillchain simulate examples/population/apprentices-10000.csv \\
      --rule apprenticeship.case \\
      --baseline examples/overlays/futian-occupation-directory.toml \\
      --reform examples/overlays/illustrative-reform.toml --lang en
"""
"""The ``--help`` text of the subcommand."""


def add_parser(commands: Any) -> None:
    """Add the ``simulate`` subcommand to *commands* (``add_subparsers()``'s result)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "simulate",
        help="estimate what a policy change does to a population of cases",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "population",
        metavar="POPULATION",
        help="a .csv or .jsonl file of cases, or - for standard input",
    )
    parser.add_argument(
        "--format",
        choices=("csv", "jsonl"),
        help="the population's format (default: from the file's suffix; for - "
        "from its first character)",
    )
    parser.add_argument(
        "--rule", required=True, help="the rule's id, e.g. apprenticeship.case"
    )
    parser.add_argument(
        "--baseline",
        action="append",
        default=[],
        metavar="FILE",
        help="a policy file laid over the bundled policy (repeatable)",
    )
    parser.add_argument(
        "--reform",
        action="append",
        required=True,
        metavar="FILE",
        help="a policy file laid over the baseline (repeatable)",
    )
    parser.add_argument(
        "--on",
        type=day,
        metavar="DAY",
        help="the evaluation day of cases without their own 'on'",
    )
    add_lang(parser)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--changed",
        metavar="OUT.jsonl",
        help="write every changed case with both decisions (JSON Lines)",
    )
    parser.add_argument(
        "--workers",
        type=workers,
        default=1,
        metavar="N",
        help="decide in N processes (default 1; 0 or auto: one per core)",
    )


def workers(text: str) -> int:
    """A ``--workers`` value: a whole number of processes, ``0`` or ``auto`` for one per core.

    Raises:
        argparse.ArgumentTypeError: Anything else (argparse reports it as a usage
            error).
    """
    if text.strip().lower() == "auto":
        return 0
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        msg = f"expected a number of processes or 'auto', got {shorten(text)!r}"
        raise argparse.ArgumentTypeError(msg)
    return count


def _decision(change: Change, which: str) -> dict[str, object]:
    decision = change.baseline if which == "baseline" else change.reform
    return {
        "outcome": decision.outcome.value,
        "amount": None if decision.amount is None else str(decision.amount),
        "failed": sorted({f.check for f in decision.failed}),
        "missing": list(decision.missing),
    }


def changed_record(change: Change) -> dict[str, object]:
    """One changed case as written by ``--changed``: no facts, so no identity number.

    The case's name is masked too, in case a population names its rows by
    identity number.
    """
    return {
        "name": shorten(change.case.name, _NAME_SHOWN),
        "on": change.case.on.isoformat(),
        "baseline": _decision(change, "baseline"),
        "reform": _decision(change, "reform"),
        "differences": [
            redact(line) for line in differences(change.baseline, change.reform)
        ],
    }


def changed_line(change: Change) -> str:
    """One changed case as a line of ``--changed`` (:func:`changed_record` as JSON)."""
    return json.dumps(changed_record(change), ensure_ascii=False) + "\n"


_NAME_SHOWN: Final = 120
"""A case's name in ``--changed`` keeps at most this many characters."""
_BAD_ROWS_SHOWN: Final = 20
"""How many bad rows a run lists (it counts them all)."""


class Progress:
    """A progress line on a terminal: drawn only when the run is long.

    Nothing is written unless *stream* is a terminal and *delay* seconds have
    passed since the start; then the line is redrawn at most every *every*
    seconds.  :meth:`close` ends the line if one was drawn.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        total: int | None = None,
        delay: float = 2.0,
        every: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.total = total
        self.delay = delay
        self.every = every
        self.clock = clock
        self.start = clock()
        self.shown = self.start
        self.drawn = False
        self.enabled = stream.isatty()

    def __call__(self, done: int) -> None:
        """Report that *done* cases have been decided."""
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay or (
            self.drawn and now - self.shown < self.every
        ):
            return
        self.shown = now
        rate = done / (now - self.start)
        text = f"simulate: {done:,} cases, {rate:,.0f}/s"
        if self.total:
            share = min(done / self.total, 1.0)
            left = max(self.total - done, 0) / rate if rate else 0.0
            text = (
                f"simulate: {share:4.0%} {done:,}/{self.total:,} cases, "
                f"{rate:,.0f}/s, about {left:,.0f} s left"
            )
        self.stream.write(f"\r{text}\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the progress line, if one was drawn."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _count_lines(path: Path) -> int | None:
    """The number of data lines (for the progress line's total), if cheap to know."""
    try:
        with path.open("rb") as stream:
            lines = sum(
                chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b"")
            )
    except (OSError, ValueError):
        return None
    return max(lines - 1, 0) if path.suffix.lower() == ".csv" else lines


class _BadRows:
    """Collects a run's bad rows: counts them all, keeps the first twenty."""

    def __init__(self) -> None:
        self.count = 0
        self.shown: list[PopulationError] = []
        self.line = 0
        """The line of the case being decided (for a rule's refusal)."""
        self.file = ""

    def rows(self, found: Iterator[tuple[int, Case]]) -> Iterator[Case]:
        """The cases of *found*, noting the line of each as it is handed out."""
        for line, case in found:
            self.line = line
            yield case

    def __call__(self, error: PopulationError) -> None:
        """Note a row the reader refused."""
        self.file = error.file
        self.count += 1
        if len(self.shown) < _BAD_ROWS_SHOWN:
            self.shown.append(error)

    def refused(self, case: Case, error: SkillchainError) -> None:
        """Note a case whose facts the rule refused while deciding it."""
        del case  # its name may be an identity number; the line says which it is
        problem = InputProblem(path="", message=str(error).replace("\n", " "))
        self(PopulationError(self.file, self.line, [problem]))

    def report(self, decided: int) -> str:
        """The bad rows as one paragraph for standard error."""
        rows = "row" if decided + self.count == 1 else "rows"
        head = (
            f"simulate: population {self.file}: {self.count:,} of "
            f"{decided + self.count:,} {rows} refused (not counted in the summary):"
        )
        lines = [head]
        lines.extend(
            f"  - line {error.line}: {error.first}"
            if error.line is not None
            else f"  - {error.first}"
            for error in self.shown
        )
        if self.count > len(self.shown):
            lines.append(f"  … and {self.count - len(self.shown):,} more")
        return "\n".join(lines)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``skillchain simulate`` with parsed *args*; print to *out*; return the status.

    Policy-file errors propagate (the caller reports them with status 2); a bad
    population is reported here, with status 2: a bad file at once, bad rows at
    the end, after the summary of the good ones.
    """
    rule = find_rule(args.rule, "simulate: ")
    if rule is None:
        return 2
    baseline = Policy.default()
    if args.baseline:
        baseline = baseline.overlay(Policy.from_files(*args.baseline))
    reform = baseline.overlay(Policy.from_files(*args.reform))
    target: Path | None = None
    if args.changed:
        target = Path(args.changed)
        if path_kind(target.parent) != "folder":
            say(
                f"simulate: --changed {shown(args.changed)}: no such folder "
                f"{shown(str(target.parent))!r}"
            )
            return 2
    bad = _BadRows()
    route = _Route(bad)
    try:
        found = read_population_lines(
            args.population,
            rule,
            on=args.on,
            kind=args.format,
            on_bad_row=route,
            stdin=sys.stdin.buffer,
        )
    except PopulationError as exc:
        say(f"simulate: population {exc}")
        return 2
    bad.file = shown("<stdin>" if args.population == STDIN else str(args.population))
    progress = Progress(sys.stderr)
    if progress.enabled and args.population != STDIN:
        progress.total = _count_lines(Path(args.population))
    with contextlib.ExitStack() as stack:
        writer: _ChangeWriter | None = None
        if target is not None:
            writer = stack.enter_context(_ChangeWriter(target))
        try:
            if args.workers == 1:
                summary = simulate(
                    bad.rows(found),
                    rule=rule,
                    baseline=baseline,
                    reform=reform,
                    on_change=writer,
                    progress=progress,
                    on_error=bad.refused,
                )
            else:
                summary = _in_workers(
                    args,
                    rule=rule,
                    policies=(baseline, reform),
                    writer=writer,
                    bad=bad,
                    progress=progress,
                    reading=(found, route),
                )
        except PopulationError as exc:
            progress.close()
            say(f"simulate: population {exc}")
            return 2
        progress.close()
        if writer is not None and not bad.count:
            writer.commit()
    if args.json:
        from skillchain.serialization import unstructure

        data = unstructure(summary)
        data["unchanged"] = summary.unchanged
        data["refused"] = bad.count
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        lang: Lang = args.lang
        out.write(summary.report(lang) + "\n")
        if bad.count:
            out.write(
                f"\n拒绝的行：{bad.count:,}（未计入上表，见标准错误输出）\n"
                if lang == "zh"
                else f"\nRefused: {bad.count:,} {'row' if bad.count == 1 else 'rows'} "
                "(not counted above; see standard error)\n"
            )
    if bad.count:
        say(bad.report(summary.cases))
        return 2
    return 0


class _Route:
    """Where a reader's bad rows go: to *target*, which a run may change.

    Standard input read for worker processes sends its bad rows to their place
    among the cases handed out, so they reach the list in the file's order.
    """

    def __init__(self, target: Callable[[PopulationError], object]) -> None:
        self.target = target

    def __call__(self, error: PopulationError) -> None:
        self.target(error)


def _in_workers(
    args: argparse.Namespace,
    *,
    rule: Rule,
    policies: tuple[Policy, Policy],
    writer: "_ChangeWriter | None",
    bad: _BadRows,
    progress: Progress,
    reading: tuple[Iterator[tuple[int, Case]], _Route],
) -> SimulationSummary:
    """The run's summary from ``args.workers`` processes (same callbacks, same order).

    A population file is read by the workers; standard input by this process
    (*reading*: its rows, and where its bad rows go).
    """
    from skillchain import _parallel

    def refused(line: int | None, case: Case, error: SkillchainError) -> None:
        bad.line = line or 0
        bad.refused(case, error)

    common: dict[str, Any] = {
        "rule": rule,
        "baseline": policies[0],
        "reform": policies[1],
        "workers": _parallel.count_workers(args.workers),
        "on_change": None if writer is None else writer.write,
        "view": changed_line,
        "on_bad_row": bad,
        "on_error": refused,
        "progress": progress,
    }
    if args.population == STDIN:
        found, route = reading

        def read(
            bad_row: Callable[[PopulationError], object],
        ) -> Iterator[tuple[int, Case]]:
            route.target = bad_row
            return found

        return _parallel.simulate_cases(read, **common)
    return _parallel.simulate_file(
        args.population, on=args.on, kind=args.format, **common
    )


class _ChangeWriter:
    """Writes changed cases to a temporary file beside *target*; :meth:`commit`
    renames it to *target*, and leaving the ``with`` block without a commit
    removes it."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.stream = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in __exit__
            "w",
            encoding="utf-8",
            dir=target.parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        )
        self.path = Path(self.stream.name)

    def __enter__(self) -> Self:
        return self

    def __call__(self, change: Change) -> None:
        self.stream.write(changed_line(change))

    def write(self, line: str) -> None:
        """Write a line made by :func:`changed_line` (in a worker process)."""
        self.stream.write(line)

    def commit(self) -> None:
        self.stream.close()
        self.path.replace(self.target)

    def __exit__(self, *_: object) -> None:
        self.stream.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
