"""Tests for merging summaries and deciding a population in several processes.

``SimulationSummary.merge`` adds up the summaries of parts of a population; a
population file read part by part (as worker processes read it) gives the cases,
names, line numbers, bad rows and changes of reading it whole; and
``simulate(..., workers=N)`` and ``skillchain simulate --workers N`` give what one
process gives.  The tests that start processes are few (each pool costs a second
or so); the reading by parts is checked in this process, on drawn files.
"""

import io
import json
import os
import pickle
import subprocess
import sys

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import InvalidValueError, Policy, SkillchainError
from skillchain import _parallel as parallel
from skillchain.cli import _simulate as cli
from skillchain.cli import main
from skillchain.comparison import Case, Change
from skillchain.errors import PopulationError
from skillchain.rules import CASE_RULE, Rule, get_rule
from skillchain.serialization import unstructure
from skillchain.simulation import (
    SimulationSummary,
    read_population,
    read_population_lines,
    simulate,
    synthetic_apprentices,
)
from skillchain.testing.strategies import cases as rule_cases
from worker_rules import (
    BASELINE,
    BUNDLED_CSV,
    DIRECTORY,
    REFORM,
    REFORM_FILE,
    REFUND_6,
    REFUSING,
    record,
)


SETTLEMENT = get_rule("apprenticeship.settlement")


def summary_of(cases: list[Case]) -> SimulationSummary:
    """The summary of *cases* under the example baseline and reform."""
    return simulate(cases, rule=CASE_RULE, baseline=BASELINE, reform=REFORM)


# ---------------------------------------------------------------- merging summaries


@given(
    st.lists(rule_cases(CASE_RULE, policy=BASELINE), max_size=8),
    st.data(),
)
@settings(max_examples=30, deadline=None)
def test_merged_parts_are_the_whole(cases: list[Case], data: st.DataObject) -> None:
    """Cut a population anywhere, in two or three: the merged summaries of the parts
    are the summary of the whole, in any grouping and order."""
    whole = summary_of(cases)
    first = data.draw(st.integers(0, len(cases)), label="first cut")
    second = data.draw(st.integers(first, len(cases)), label="second cut")
    a, b, c = (
        summary_of(cases[:first]),
        summary_of(cases[first:second]),
        summary_of(cases[second:]),
    )
    assert SimulationSummary.merge(a, b, c) == whole
    assert SimulationSummary.merge(SimulationSummary.merge(c, a), b) == whole
    assert SimulationSummary.merge(whole) == whole


def test_merge_adds_the_bundled_population_exactly() -> None:
    """Three parts of the bundled population: counts, moves, directions and the
    totals to the fen are those of the whole."""
    cases = list(read_population(BUNDLED_CSV, CASE_RULE))
    whole = summary_of(cases)
    merged = SimulationSummary.merge(
        summary_of(cases[:3333]), summary_of(cases[3333:6000]), summary_of(cases[6000:])
    )
    assert merged == whole
    assert merged.difference == whole.reform_total - whole.baseline_total
    assert merged.changed > 0


@pytest.mark.parametrize(
    ("other", "field"),
    [
        (
            simulate([], rule=CASE_RULE, baseline=BASELINE, reform=BASELINE),
            "parts[1].reform_policy",
        ),
        (
            simulate([], rule=CASE_RULE, baseline=REFORM, reform=REFORM),
            "parts[1].baseline_policy",
        ),
        (
            simulate([], rule="apprenticeship.settlement", reform=REFORM),
            "parts[1].rule",
        ),
    ],
    ids=["reform", "baseline", "rule"],
)
def test_merge_refuses_parts_of_other_runs(
    other: SimulationSummary, field: str
) -> None:
    """Summaries of another rule or other policies are not parts of one population."""
    with pytest.raises(InvalidValueError) as raised:
        SimulationSummary.merge(summary_of([]), other)
    assert raised.value.field == field
    assert "same rule under the same two policies" in str(raised.value)


def test_merge_needs_summaries() -> None:
    """Nothing to merge, or something that is not a summary: a clear error."""
    with pytest.raises(InvalidValueError, match="no summary to merge"):
        SimulationSummary.merge()
    with pytest.raises(
        InvalidValueError, match=r"parts\[1\]: got a value of type dict"
    ):
        SimulationSummary.merge(summary_of([]), {})  # type: ignore[arg-type]


# ---------------------------------------------------------------- reading by parts


@attrs.frozen
class Done:
    """A task decided already (parts driven in this process)."""

    value: bytes

    def done(self) -> bool:
        """Finished already."""
        return True

    def result(self) -> bytes:
        """The task's result."""
        return self.value

    def cancel(self) -> bool:
        """Nothing to cancel."""
        return False


Seen = list[tuple[object, ...]]


def collector(seen: Seen) -> dict[str, Any]:
    """Callbacks that note every change, bad row and refused case in *seen*."""
    return {
        "on_change": lambda change: seen.append(("change", *change)),
        "on_bad_row": lambda error: seen.append(("bad", error.line, str(error))),
        "on_error": lambda line, case, error: seen.append(
            ("refused", line, case.name, str(error))
        ),
    }


def whole_file(
    path: Path, rule: Rule, baseline: Policy, reform: Policy, on: date | None = None
) -> tuple[SimulationSummary, Seen]:
    """The population read whole, in one process: the summary and what was seen."""
    seen: Seen = []
    hooks = collector(seen)
    line = [0]

    def cases() -> Iterator[Case]:
        for number, case in read_population_lines(
            path, rule, on=on, on_bad_row=hooks["on_bad_row"]
        ):
            line[0] = number
            yield case

    summary = simulate(
        cases(),
        rule=rule,
        baseline=baseline,
        reform=reform,
        on_change=lambda change: hooks["on_change"](record(change)),
        on_error=lambda case, error: hooks["on_error"](line[0], case, error),
    )
    return summary, seen


def by_parts(  # noqa: PLR0917 - the run's settings, as whole_file's
    path: Path,
    rule: Rule,
    baseline: Policy,
    reform: Policy,
    part_bytes: int,
    on: date | None = None,
) -> tuple[SimulationSummary, Seen]:
    """The population read part by part as the workers read it, in this process."""
    seen: Seen = []
    population = parallel.population_of(path, rule, on=on)
    setup, replay = parallel.prepare(
        rule=rule,
        baseline=baseline,
        reform=reform,
        population=population,
        on=on,
        view=record,
        progress=None,
        **collector(seen),
    )
    cut = parallel.drive(
        parallel.parts_of(population, part_bytes),
        submit=lambda task: Done(parallel.decide_part(setup, task)),
        slots=3,
        replay=replay,
    )
    parallel.finish(setup, replay, cut)
    return replay.summary, seen


SETTLEMENT_HEADER = "name,on,entitlement,prepaid,training_end"


def settlement_row(index: int, kind: str) -> str:
    """One row of a settlement population: good, or broken in one of several ways."""
    end = f"2025-{1 + index % 9:02d}-{1 + index % 27:02d}"
    prepaid = f"{(index * 7919) % 60000}.00"
    rows = {
        "good": f"r{index},2025-10-08,28000.00,{prepaid},{end}",
        "unnamed": f",2025-10-08,28000.00,{prepaid},",
        "bad day": f"r{index},2025-10-08,28000.00,{prepaid},2025-02-30",
        "short": f"r{index},2025-10-08,28000.00",
        "quoted break": (
            f'"r{index}, a name of {"many " * 10}words\nand more,\nover three lines"'
            f",2025-10-08,1.00,{prepaid},{end}"
        ),
        "open quote": f'"r{index},2025-10-08,1.00,0.00,{end}',
        "blank": "",
    }
    return rows[kind]


ROW_KINDS = st.sampled_from(
    ["good"] * 6 + ["unnamed", "bad day", "short", "quoted break", "blank"]
)


@given(
    kinds=st.lists(ROW_KINDS, max_size=30),
    open_quote=st.booleans(),
    bom=st.booleans(),
    part_bytes=st.integers(1, 700),
)
@settings(max_examples=40, deadline=None)
def test_reading_by_parts_is_reading_whole(
    tmp_path_factory: pytest.TempPathFactory,
    kinds: list[str],
    open_quote: bool,
    bom: bool,
    part_bytes: int,
) -> None:
    """Cut a CSV population anywhere: the parts give the cases, names, lines, bad
    rows and changes of the whole file, in its order; also when a quoted cell holds
    a line break across a cut, and when a quote is left open at the end."""
    rows = [settlement_row(index, kind) for index, kind in enumerate(kinds)]
    if open_quote:
        rows.append(settlement_row(len(rows), "open quote"))
    path = tmp_path_factory.mktemp("parts") / "settlements.csv"
    text = "\n".join([SETTLEMENT_HEADER, *rows]) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    whole = whole_file(path, SETTLEMENT, Policy.default(), REFUND_6)
    assert by_parts(path, SETTLEMENT, Policy.default(), REFUND_6, part_bytes) == whole


def test_long_lines_across_parts(tmp_path: Path) -> None:
    """A line longer than a part, and one longer than the 1 MiB a line may have (a
    bad row): the parts still start at lines and read as the whole file."""
    rows = [settlement_row(index, "good") for index in range(12)]
    rows[3] = rows[3].replace("r3,", "r3" + "x" * 100_000 + ",", 1)
    rows[7] = rows[7].replace("r7,", "r7" + "y" * (1 << 20) + ",", 1)
    path = tmp_path / "settlements.csv"
    path.write_text("\n".join([SETTLEMENT_HEADER, *rows]) + "\n", encoding="utf-8")
    whole = whole_file(path, SETTLEMENT, Policy.default(), REFUND_6)
    assert [seen[1] for seen in whole[1] if seen[0] == "bad"] == [9]
    for part_bytes in (100, 60_000, 400_000):
        parts = by_parts(path, SETTLEMENT, Policy.default(), REFUND_6, part_bytes)
        assert parts == whole


def test_reading_by_parts_reports_rule_refusals_with_their_lines(
    tmp_path: Path,
) -> None:
    """A case the rule refuses is reported with the line it was read from."""
    rows = [settlement_row(index, "good") for index in range(40)]
    path = tmp_path / "settlements.csv"
    path.write_text("\n".join([SETTLEMENT_HEADER, *rows]) + "\n", encoding="utf-8")
    whole = whole_file(path, REFUSING, Policy.default(), REFUND_6)
    assert any(seen[0] == "refused" for seen in whole[1])
    assert by_parts(path, REFUSING, Policy.default(), REFUND_6, 150) == whole


def jsonl_of(cases: Iterator[Case], path: Path, *, broken: int = 0) -> Path:
    """Write *cases* as JSON Lines; every *broken*-th line is not JSON."""
    with path.open("w", encoding="utf-8") as stream:
        for index, case in enumerate(cases, start=1):
            if broken and index % broken == 0:
                stream.write('{"name": "cut short"\n')
                continue
            facts = {key: unstructure(value) for key, value in case.facts.items()}
            data = {"name": case.name, "on": case.on.isoformat(), **facts}
            stream.write(json.dumps(data, ensure_ascii=False) + "\n")
    return path


def test_reading_json_lines_by_parts_is_reading_whole(tmp_path: Path) -> None:
    """JSON Lines cut in many places, with bad lines: as read whole."""
    path = jsonl_of(synthetic_apprentices(120), tmp_path / "a.jsonl", broken=17)
    whole = whole_file(path, CASE_RULE, BASELINE, REFORM)
    bad = [seen[1] for seen in whole[1] if seen[0] == "bad"]
    assert bad == list(range(17, 121, 17))
    for part_bytes in (1, 5000, 40_000):
        assert by_parts(path, CASE_RULE, BASELINE, REFORM, part_bytes) == whole


def test_a_chunk_of_cases_keeps_bad_rows_in_place() -> None:
    """Cases read by this process go to a worker with the bad rows met among them;
    the worker gives both back in order, with the lines the cases were read from."""
    cases = list(synthetic_apprentices(30))
    bad = PopulationError("people.csv", 12, [])
    entries: list[object] = [(line, case) for line, case in enumerate(cases, 2)]
    entries.insert(10, bad)
    seen: Seen = []
    setup, replay = parallel.prepare(
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        population=None,
        on=None,
        view=record,
        progress=None,
        **collector(seen),
    )
    replay.take(parallel.decide_part(setup, parallel.dumps(entries)))
    expected = whole_file_of(cases)
    assert replay.summary == expected[0]
    changes = [s for s in seen if s[0] == "change"]
    assert changes == expected[1]
    assert seen.index(("bad", 12, str(bad))) == sum(
        1 for s in changes if str(s[1]) < "A00010"
    )


def whole_file_of(cases: list[Case]) -> tuple[SimulationSummary, Seen]:
    """The summary and changes of *cases* in one process."""
    seen: Seen = []
    summary = simulate(
        cases,
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        on_change=lambda change: seen.append(("change", *record(change))),
    )
    return summary, seen


def test_parts_start_at_lines_and_count_them(tmp_path: Path) -> None:
    """Every part starts at a line; its first line's number counts the lines before."""
    path = tmp_path / "p.csv"
    path.write_bytes(b"entitlement,prepaid\n1,2\n\n33,44\n555,666")
    population = parallel.population_of(path, SETTLEMENT, on=date(2025, 1, 1))
    assert (population.header_end, population.header_lines) == (20, 1)
    parts = list(parallel.parts_of(population, 3))
    assert [(p.start, p.end, p.first_line, p.last) for p in parts] == [
        (20, 24, 2, False),
        (24, 31, 3, False),
        (31, 38, 5, True),
    ]


# ---------------------------------------------------------------- in worker processes


def test_bundled_population_in_two_workers_is_one_process() -> None:
    """The bundled population through the pool: the same summary, the same changed
    cases in the same order, and progress up to the whole."""
    changes: list[Change] = []
    done: list[int] = []
    summary = simulate(
        BUNDLED_CSV,
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        workers=2,
        on_change=changes.append,
        progress=done.append,
    )
    alone: list[Change] = []
    expected = simulate(
        read_population(BUNDLED_CSV, CASE_RULE),
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        on_change=alone.append,
    )
    assert summary == expected
    assert changes == alone
    assert done == sorted(done)
    assert done[-1] == summary.cases == 10_000


def test_a_file_with_bad_rows_in_workers(tmp_path: Path) -> None:
    """Bad rows in several parts: listed with their lines and messages, in order;
    the summary counts the good rows, as one process does."""
    rows = [settlement_row(i, "bad day" if i % 50 == 7 else "good") for i in range(600)]
    path = tmp_path / "settlements.csv"
    path.write_text("\n".join([SETTLEMENT_HEADER, *rows]) + "\n", encoding="utf-8")
    summary, seen = whole_file(path, SETTLEMENT, Policy.default(), REFUND_6)
    got: Seen = []
    hooks = collector(got)
    in_workers = parallel.simulate_file(
        path,
        rule=SETTLEMENT,
        baseline=Policy.default(),
        reform=REFUND_6,
        workers=2,
        view=record,
        part_bytes=4000,
        **hooks,
    )
    assert (in_workers, got) == (summary, seen)
    assert sum(1 for s in seen if s[0] == "bad") == 12


def test_the_first_bad_row_is_raised_as_by_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without on_bad_row, the first bad row's error is raised, after the changes of
    the rows before it, exactly as one process raises it."""
    rows = [settlement_row(i, "good") for i in range(400)]
    rows[250] = settlement_row(250, "short")
    rows[300] = settlement_row(300, "bad day")
    path = tmp_path / "settlements.csv"
    path.write_text("\n".join([SETTLEMENT_HEADER, *rows]) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "PART_BYTES", (2000, 2000))
    outcomes = []
    for workers in (1, 2):
        changes: list[Change] = []
        with pytest.raises(PopulationError) as raised:
            simulate(
                path,
                rule=SETTLEMENT,
                reform=REFUND_6,
                workers=workers,
                on_change=changes.append,
            )
        outcomes.append((raised.value.line, str(raised.value), changes))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 252


def test_json_lines_with_refusals_in_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file whose cases the rule partly refuses: on_error sees the same
    cases and errors, and the summary is the same."""
    path = tmp_path / "settlements.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for index in range(300):
            end = f"2025-{1 + index % 12:02d}-01"
            stream.write(
                json.dumps(
                    {
                        "entitlement": "28000.00",
                        "prepaid": str(index * 150),
                        "training_end": end,
                    }
                )
                + "\n"
            )
    monkeypatch.setattr(parallel, "PART_BYTES", (3000, 3000))
    results = []
    for workers in (1, 2):
        refused: list[tuple[str, str]] = []

        def note(case: Case, error: SkillchainError, seen: list[Any] = refused) -> None:
            seen.append((case.name, str(error)))

        summary = simulate(
            path,
            rule=REFUSING,
            reform=REFUND_6,
            on=date(2025, 10, 8),
            workers=workers,
            on_error=note,
        )
        results.append((summary, refused))
    assert results[0] == results[1]
    assert len(results[0][1]) == 150


@pytest.mark.parametrize(
    ("name", "text"),
    [("empty.jsonl", ""), ("header-only.csv", SETTLEMENT_HEADER + "\n")],
)
def test_an_empty_population_in_workers(tmp_path: Path, name: str, text: str) -> None:
    """No rows: a summary of nothing, as with one process."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    summaries = [
        simulate(
            path, rule=SETTLEMENT, reform=REFUND_6, on=date(2025, 10, 8), workers=n
        )
        for n in (1, 2)
    ]
    assert summaries[0] == summaries[1]
    assert summaries[0].cases == 0


def test_a_file_that_cannot_be_read_is_refused_at_once(tmp_path: Path) -> None:
    """An empty CSV file, a missing file, another suffix: the one-process errors."""
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    for path in (empty, tmp_path / "missing.csv", tmp_path / "people.txt"):
        messages = []
        for workers in (1, 2):
            with pytest.raises(PopulationError) as raised:
                simulate(path, rule=SETTLEMENT, reform=REFUND_6, workers=workers)
            messages.append(str(raised.value))
        assert messages[0] == messages[1]


def test_fewer_rows_than_workers(tmp_path: Path) -> None:
    """Two rows, four workers: the same summary."""
    rows = [settlement_row(1, "good"), settlement_row(2, "good")]
    path = tmp_path / "two.csv"
    path.write_text("\n".join([SETTLEMENT_HEADER, *rows]) + "\n", encoding="utf-8")
    summaries = [
        simulate(path, rule=SETTLEMENT, reform=REFUND_6, workers=n) for n in (1, 4)
    ]
    assert summaries[0] == summaries[1]
    assert summaries[0].cases == 2


def test_cases_in_memory_go_to_workers_in_chunks() -> None:
    """Cases and mappings from memory: the same summary and changes; a mapping is
    named by its position; an item that is no case is refused after the cases
    before it were decided."""
    cases = list(synthetic_apprentices(300))
    results = []
    for workers in (1, 2):
        changes: list[Change] = []
        summary = simulate(
            iter(cases),
            rule=CASE_RULE,
            baseline=BASELINE,
            reform=REFORM,
            workers=workers,
            on_change=changes.append,
        )
        results.append((summary, changes))
    assert results[0] == results[1]
    mappings: list[object] = [{**case.facts, "on": case.on} for case in cases[:40]]
    mappings.append("not a case")
    seen = []
    for workers in (1, 2):
        changes = []
        with pytest.raises(
            InvalidValueError, match=r"cases\[40\]: got a value of type str"
        ):
            simulate(
                mappings,  # type: ignore[arg-type]
                rule=CASE_RULE,
                baseline=BASELINE,
                reform=REFORM,
                workers=workers,
                on_change=changes.append,
            )
        seen.append([(c.case.name, c.reform.outcome) for c in changes])
    assert seen[0] == seen[1]
    assert seen[0]
    assert all(name.startswith("case ") for name, _ in seen[0])


def test_a_rule_that_cannot_be_sent_is_refused() -> None:
    """A rule made on the spot cannot reach a worker: a clear error, nothing run."""

    def made_here(**facts: object) -> Any:
        return SETTLEMENT.function(**facts)

    local = attrs.evolve(SETTLEMENT, function=made_here)
    with pytest.raises(InvalidValueError, match="cannot be sent to worker processes"):
        simulate(
            [{"entitlement": Decimal(1), "prepaid": Decimal(0), "training_end": None}],
            rule=local,
            reform=REFUND_6,
            on=date(2025, 10, 8),
            workers=2,
        )


@pytest.mark.parametrize("workers", [-1, True, 2.0, "2"])
def test_workers_must_be_a_count(workers: object) -> None:
    """workers is a whole number of processes, at least 0."""
    with pytest.raises(InvalidValueError, match="workers: got"):
        simulate([], rule=SETTLEMENT, reform=REFUND_6, workers=workers)  # type: ignore[arg-type]


def test_zero_workers_is_one_per_core() -> None:
    """workers=0 counts the cores; the summary is the same."""
    cases = list(synthetic_apprentices(50))
    assert parallel.count_workers(0) >= 1
    assert simulate(
        cases, rule=CASE_RULE, baseline=BASELINE, reform=REFORM, workers=0
    ) == summary_of(cases)


def test_on_bad_row_belongs_to_files() -> None:
    """on_bad_row with cases (not a file) is refused rather than ignored."""
    with pytest.raises(InvalidValueError, match="on_bad_row: given with cases"):
        simulate([], rule=SETTLEMENT, reform=REFUND_6, on_bad_row=print)


def test_one_process_through_the_parts() -> None:
    """``--workers auto`` on one core: the parts, all decided in this process."""
    changes: list[tuple[object, ...]] = []
    summary = parallel.simulate_file(
        BUNDLED_CSV,
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        workers=1,
        on_change=changes.append,
        view=record,
        part_bytes=500_000,
    )
    expected = whole_file(BUNDLED_CSV, CASE_RULE, BASELINE, REFORM)
    assert (summary, [("change", *c) for c in changes]) == expected


def test_a_path_with_one_worker_reads_the_file() -> None:
    """simulate takes a path with one worker too."""
    assert simulate(
        str(BUNDLED_CSV), rule=CASE_RULE, baseline=BASELINE, reform=REFORM
    ) == summary_of(list(read_population(BUNDLED_CSV, CASE_RULE)))


def test_policies_survive_the_trip_to_a_worker() -> None:
    """A policy sent to a worker keeps its fingerprint and decides alike (policies
    compare by identity, so the copy is not ``==`` to the original)."""
    case = next(synthetic_apprentices(1))
    for policy in (BASELINE, REFORM, REFUND_6):
        back = pickle.loads(pickle.dumps(policy))  # noqa: S301 - ours
        assert back.fingerprint == policy.fingerprint
        decide = CASE_RULE.function
        assert decide(**case.facts, on=case.on, policy=back) == decide(
            **case.facts, on=case.on, policy=policy
        )


def test_command_line_json_lines_in_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines population with --workers 2: the same summary and --changed."""
    path = jsonl_of(synthetic_apprentices(400), tmp_path / "apprentices.jsonl")
    monkeypatch.setattr(parallel, "PART_BYTES", (20_000, 20_000))
    outputs = []
    for workers in ("1", "2"):
        target = tmp_path / f"changed-{workers}.jsonl"
        status, text = run(
            "simulate", str(path), "--rule", "apprenticeship.case",
            "--baseline", str(DIRECTORY), "--reform", str(REFORM_FILE),
            "--json", "--changed", str(target), "--workers", workers,
        )  # fmt: skip
        outputs.append((status, text, target.read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 0
    assert json.loads(outputs[0][1])["cases"] == 400


def test_pickling_keeps_cases_and_errors() -> None:
    """Cases (read-only facts) and keyword-built errors survive the trip."""
    case = next(synthetic_apprentices(1))
    error = PopulationError("people.csv", 3, [])
    refused = InvalidValueError(field="f", problem="p", expected="e")
    back = pickle.loads(parallel.dumps((case, error, refused)))  # noqa: S301 - ours
    assert back[0] == case
    assert (type(back[1]), back[1].line, str(back[1])) == (
        PopulationError,
        3,
        str(error),
    )
    assert (back[2].field, str(back[2])) == ("f", str(refused))


# ---------------------------------------------------------------- the command line


def command(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m skillchain`` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_command_line_workers_give_the_same_output(tmp_path: Path) -> None:
    """``--workers 2`` prints the same JSON and writes a byte-identical --changed."""
    outputs = []
    for workers in ("1", "2"):
        target = tmp_path / f"changed-{workers}.jsonl"
        done = command(
            "simulate", str(BUNDLED_CSV), "--rule", "apprenticeship.case",
            "--baseline", str(DIRECTORY), "--reform", str(REFORM_FILE),
            "--json", "--changed", str(target), "--workers", workers,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append((done.stdout, done.stderr, target.read_bytes()))
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0][0])["cases"] == 10_000


def run(*argv: str) -> tuple[int, str]:
    """Run the command line in this process; (status, standard output)."""
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def settle(population: str, *extra: str) -> list[str]:
    """Arguments of a settlement run."""
    return [
        "simulate", population, "--rule", "apprenticeship.settlement",
        "--reform", str(REFORM_FILE), "--on", "2025-10-08", *extra,
    ]  # fmt: skip


BAD_SETTLEMENTS = (
    "\n".join(
        [SETTLEMENT_HEADER]
        + [settlement_row(i, "bad day" if i % 9 == 4 else "good") for i in range(60)]
    )
    + "\n"
)


def test_command_line_bad_rows_and_refusals_in_workers(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Bad rows and cases the rule refuses: the same list on standard error, in the
    same order and with the same lines, the same summary and status."""
    path = tmp_path / "settlements.csv"
    path.write_text(BAD_SETTLEMENTS, encoding="utf-8")
    monkeypatch.setattr(cli, "find_rule", lambda *_: REFUSING)
    monkeypatch.setattr(parallel, "PART_BYTES", (300, 300))
    results = []
    for workers in ("1", "2"):
        status, text = run(*settle(str(path), "--workers", workers, "--lang", "en"))
        results.append((status, text, capsys.readouterr().err))
    assert results[0] == results[1]
    status, _, err = results[0]
    assert status == 2
    assert "line 6: training_end: expected a date" in err
    assert "training_end: refused 440304********0011" in err


def test_command_line_standard_input_in_workers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` with --workers: this process reads, the workers decide; same output."""
    results = []
    for workers in ("1", "2"):
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD_SETTLEMENTS.encode()))
        )
        status, text = run(*settle("-", "--workers", workers, "--json"))
        results.append((status, text, capsys.readouterr().err))
    assert results[0] == results[1]
    assert results[0][0] == 2
    assert json.loads(results[0][1])["refused"] == 7


@pytest.mark.parametrize(("text", "count"), [("auto", 0), ("0", 0), ("3", 3)])
def test_workers_option_values(text: str, count: int) -> None:
    """--workers takes a count, 0 or auto (one per core)."""
    assert cli.workers(text) == count


def test_workers_option_refuses_other_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A negative or unreadable --workers is a usage error."""
    for value in ("-1", "many"):
        with pytest.raises(SystemExit) as exited:
            run(*settle(str(BUNDLED_CSV), "--workers", value))
        assert exited.value.code == 2
        assert "expected a number of processes or 'auto'" in capsys.readouterr().err


def test_changed_line_is_the_changed_record() -> None:
    """A line of --changed is its record as JSON (the same whoever writes it)."""
    changes: list[Change] = []
    summary_of(list(synthetic_apprentices(50)))
    simulate(
        synthetic_apprentices(50),
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        on_change=changes.append,
    )
    for change in changes:
        line = cli.changed_line(change)
        assert line.endswith("\n")
        assert json.loads(line) == cli.changed_record(change)
