"""Tests for skillchain.simulation: simulate, the summary and the population readers."""

import csv
import functools
import itertools
import json
import tracemalloc

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import (
    Decision,
    InputProblem,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
)
from skillchain.rules import CASE_RULE, get_rule
from skillchain.serialization import unstructure
from skillchain.simulation import (
    ChangeCounts,
    OutcomeCounts,
    PopulationError,
    SimulationSummary,
    Transition,
    read_population,
    simulate,
    synthetic_apprentices,
)
from skillchain.testing import Case, Change, differences
from skillchain.testing.strategies import enrolments, programmes
from worker_rules import BASELINE, BUNDLED_CSV, REFORM, REFUND_6


ORDER = (Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.UNDETERMINED)


def direct(
    cases: Iterable[Case], baseline: Policy = BASELINE, reform: Policy = REFORM
) -> dict[str, object]:
    """The summary's figures worked out by a plain loop over the same cases."""
    before_counts = dict.fromkeys(ORDER, 0)
    after_counts = dict.fromkeys(ORDER, 0)
    moves: dict[tuple[Outcome, Outcome], int] = {}
    totals = [Decimal(0), Decimal(0)]
    changed = 0
    per_case = Decimal(0)
    count = 0
    for case in cases:
        before = CASE_RULE.function(**case.facts, on=case.on, policy=baseline)
        after = CASE_RULE.function(**case.facts, on=case.on, policy=reform)
        count += 1
        before_counts[before.outcome] += 1
        after_counts[after.outcome] += 1
        key = (before.outcome, after.outcome)
        moves[key] = moves.get(key, 0) + 1
        totals[0] += before.amount or 0
        totals[1] += after.amount or 0
        per_case += (after.amount or 0) - (before.amount or 0)
        changed += bool(differences(before, after))
    return {
        "cases": count,
        "baseline": before_counts,
        "reform": after_counts,
        "moves": moves,
        "totals": tuple(totals),
        "per_case": per_case,
        "changed": changed,
    }


def assert_matches(summary: SimulationSummary, expected: dict[str, object]) -> None:
    """Every figure of *summary* equals the direct loop's."""
    assert expected["cases"] == summary.cases
    assert expected["baseline"] == {o: summary.baseline[o] for o in ORDER}
    assert expected["reform"] == {o: summary.reform[o] for o in ORDER}
    moves = typing_moves(expected["moves"])
    assert {k: v for k, v in moves.items() if v} == {
        (t.baseline, t.reform): t.count for t in summary.transitions if t.count
    }
    assert expected["totals"] == (summary.baseline_total, summary.reform_total)
    assert expected["per_case"] == summary.difference
    assert expected["changed"] == summary.changed


def typing_moves(value: object) -> dict[tuple[Outcome, Outcome], int]:
    """The moves of a direct loop, typed."""
    assert isinstance(value, dict)
    return value


# ---------------------------------------------------------------- the bundled example


def test_bundled_population_is_the_seeded_synthetic_one() -> None:
    """The CSV reads back as exactly the cases the generator script wrote."""
    assert list(synthetic_apprentices(10_000)) == list(
        read_population(BUNDLED_CSV, "apprenticeship.case")
    )


def test_bundled_example_summary_matches_a_direct_loop() -> None:
    """Counts, transitions, totals and difference on the 10 000 apprentices."""
    summary = simulate(
        read_population(BUNDLED_CSV, "apprenticeship.case"),
        rule="apprenticeship.case",
        baseline=BASELINE,
        reform=REFORM,
    )
    assert_matches(summary, direct(synthetic_apprentices(10_000)))
    # The illustrative reform changes both counts and amounts.
    assert summary.changes.became_eligible > 0
    assert summary.changes.amount_up > 0
    assert summary.difference > 0
    assert summary.baseline.undetermined > 0
    assert summary.rule == "apprenticeship.case"
    assert summary.baseline_policy == BASELINE.fingerprint
    assert summary.reform_policy == REFORM.fingerprint


def test_reform_only_counts_from_its_first_day() -> None:
    """Cases judged before 2026-01-01 are decided the same under the reform."""
    early = [c for c in synthetic_apprentices(2000) if c.on < date(2026, 1, 1)]
    assert early
    summary = simulate(
        early, rule="apprenticeship.case", baseline=BASELINE, reform=REFORM
    )
    assert summary.changed == 0
    assert summary.difference == 0


def test_synthetic_population_is_seeded_and_lazy() -> None:
    """The same seed gives the same cases; another seed others; nothing is listed."""
    first = list(itertools.islice(synthetic_apprentices(10**9), 5))
    assert first == list(synthetic_apprentices(5))
    assert first != list(synthetic_apprentices(5, seed=1))
    assert [c.name for c in first] == ["A00001", "A00002", "A00003", "A00004", "A00005"]


# ---------------------------------------------------------------- properties

DIRECTORY_CODES = ("6-31-01-03", "4-10-01-05", "4-02-07-08", "6-25-02-05")


def population() -> st.SearchStrategy[list[Case]]:
    """Small populations of apprentices judged in 2024-2027."""
    people = enrolments(
        programmes=programmes(
            occupations=st.sampled_from(DIRECTORY_CODES).map(OccupationCode)
        )
    )
    case = st.builds(
        lambda enrolment, on, shortage: Case(
            name="drawn",
            on=on,
            facts={"enrolment": enrolment, "shortage_occupation": shortage},
        ),
        people,
        st.dates(date(2024, 1, 1), date(2027, 12, 31)),
        st.sampled_from([True, False, None]),
    )
    return st.lists(case, max_size=8)


@given(population())
@settings(max_examples=40, deadline=None)
def test_summary_matches_a_direct_loop_on_drawn_populations(cases: list[Case]) -> None:
    """For any population the summary's arithmetic is the direct loop's."""
    summary = simulate(
        cases, rule="apprenticeship.case", baseline=BASELINE, reform=REFORM
    )
    assert_matches(summary, direct(cases))
    assert summary.baseline.total == summary.reform.total == len(cases)
    assert sum(t.count for t in summary.transitions) == len(cases)
    assert summary.changes.total == summary.changed
    assert summary.unchanged == len(cases) - summary.changed


@given(population())
@settings(max_examples=30, deadline=None)
def test_same_policy_changes_nothing(cases: list[Case]) -> None:
    """Reform equal to the baseline: nothing changed, the difference is zero."""
    summary = simulate(
        cases, rule="apprenticeship.case", baseline=BASELINE, reform=BASELINE
    )
    assert summary.changed == 0
    assert summary.difference == 0
    assert summary.baseline == summary.reform
    assert all(t.count == 0 for t in summary.transitions if t.baseline is not t.reform)


@given(population())
@settings(max_examples=30, deadline=None)
def test_on_change_sees_exactly_the_changed_cases(cases: list[Case]) -> None:
    """on_change is called once per changed case, with both decisions."""
    seen: list[Change] = []
    summary = simulate(
        cases,
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        on_change=seen.append,
    )
    assert summary.changed == len(seen)
    assert all(change.differences for change in seen)
    assert (
        sum((c.reform.amount or 0) - (c.baseline.amount or 0) for c in seen)
        == summary.difference
    )


# ---------------------------------------------------------------- memory


def settlements(count: int, first: int = 0) -> Iterator[dict[str, object]]:
    """A lazily generated stream of settlement cases (nothing is kept).

    From case 28 000 on, some have prepaid more than their entitlement (a refund).
    """
    for i in range(first, first + count):
        yield {
            "on": date(2025, 1 + i % 12, 1 + i % 28),
            "entitlement": Decimal(28000 + i % 1000),
            "prepaid": Decimal(i % 50000),
            "training_end": date(2024, 1 + i % 12, 1) if i % 3 else None,
        }


def peak_bytes(count: int) -> int:
    """The peak memory traced while simulating *count* generated cases.

    CPython keeps freed small tuples on free lists (up to 2000 per size); the
    memory of a tuple parked there still counts as traced.  Filling the free
    lists first, before tracing starts, keeps that constant out of the figure.
    """
    spare = [tuple(range(size)) for size in range(1, 20) for _ in range(2000)]
    del spare
    tracemalloc.start()
    try:
        simulate(
            settlements(count),
            rule="apprenticeship.settlement",
            reform=REFUND_6,
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_the_population() -> None:
    """Ten times the cases, about the same peak memory: nothing is kept per case.

    A cheap rule keeps the test short (tracing slows Python down several times);
    what is measured is simulate's own streaming.
    """
    peak_bytes(2000)  # warm the policies' caches of the days
    # and what the refund's condition rests on, which only later cases reach
    simulate(
        settlements(2000, first=40_000),
        rule="apprenticeship.settlement",
        reform=REFUND_6,
    )
    for policy in (Policy.default(), REFUND_6):  # and of the training ends (refunds)
        for month in range(1, 13):
            policy.at(date(2024, month, 1))
    small = peak_bytes(10_000)
    large = peak_bytes(100_000)
    assert large < small * 1.5


# ---------------------------------------------------------------- simulate's inputs


SETTLEMENT = {
    "entitlement": Decimal("28000.00"),
    "prepaid": Decimal("56000.00"),
    "training_end": None,
}


def test_mappings_take_their_own_day_or_the_default() -> None:
    """A mapping without 'on' takes simulate's on; the bundled policy is the default."""
    progress: list[int] = []
    summary = simulate(
        [SETTLEMENT, {**SETTLEMENT, "on": date(2025, 10, 8)}],
        rule="apprenticeship.settlement",
        reform=Policy.default(),
        on=date(2025, 10, 8),
        progress=progress.append,
    )
    assert summary.cases == 2
    assert summary.baseline.ineligible == 2
    assert summary.baseline_policy == Policy.default().fingerprint
    assert progress == [2]


def test_progress_is_reported_every_thousand_cases() -> None:
    """progress sees 1000, 2000 and the final count."""
    progress: list[int] = []
    simulate(
        itertools.repeat(SETTLEMENT, 2500),
        rule="apprenticeship.settlement",
        reform=Policy.default(),
        on=date(2025, 10, 8),
        progress=progress.append,
    )
    assert progress == [1000, 2000, 2500]


def test_a_mapping_without_a_day_is_refused() -> None:
    """No 'on' and no default: InvalidValueError naming the item."""
    with pytest.raises(InvalidValueError, match=r"cases\[0\].*no 'on'"):
        simulate(
            [SETTLEMENT], rule="apprenticeship.settlement", reform=Policy.default()
        )


def test_something_else_than_a_case_is_refused() -> None:
    """A list is neither a Case nor a mapping."""
    with pytest.raises(InvalidValueError, match=r"cases\[0\].*type list"):
        simulate(
            [[1, 2]],  # type: ignore[list-item]
            rule="apprenticeship.settlement",
            reform=Policy.default(),
        )


def test_an_unknown_rule_is_refused() -> None:
    """The rule id is looked up in the registry."""
    with pytest.raises(KeyError, match=r"closest: apprenticeship\.case"):
        simulate([], rule="apprenticeship.cas", reform=Policy.default())


def test_directions_amount_down_and_other() -> None:
    """A lower rate counts as amount down; unchanged cases are not counted."""
    cut = Policy.loads(
        """
[documents.example-cut]
title = "示例"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."apprenticeship.annual_subsidy"]
description_zh = "补贴标准"
description_en = "Rates"
unit = "yuan_per_person_year"
[[parameters."apprenticeship.annual_subsidy".values]]
since = 2019-12-19
value = { intermediate = "5000", advanced = "6000", technician = "8000" }
document = "example-cut"
""",
        name="cut.toml",
    )
    cases = list(synthetic_apprentices(300))
    summary = simulate(
        cases,
        rule="apprenticeship.case",
        baseline=BASELINE,
        reform=BASELINE.overlay(cut),
    )
    assert summary.changes.amount_down > 0
    assert summary.changes.amount_up == 0
    assert summary.difference < 0
    assert_matches(summary, direct(cases, BASELINE, BASELINE.overlay(cut)))


# ---------------------------------------------------------------- the summary


def test_outcome_counts() -> None:
    """Indexing by outcome and the total."""
    counts = OutcomeCounts(eligible=4, ineligible=1, undetermined=2)
    assert [counts[o] for o in ORDER] == [4, 1, 2]
    assert counts.total == 7


def summary_of(**changes: object) -> SimulationSummary:
    """A small consistent summary, with *changes* applied."""
    fields: dict[str, object] = {
        "rule": "demo",
        "baseline_policy": "a" * 64,
        "reform_policy": "b" * 64,
        "cases": 3,
        "baseline": OutcomeCounts(eligible=1, ineligible=2),
        "reform": OutcomeCounts(eligible=2, ineligible=1),
        "transitions": (
            Transition(baseline=Outcome.ELIGIBLE, reform=Outcome.ELIGIBLE, count=1),
            Transition(baseline=Outcome.INELIGIBLE, reform=Outcome.ELIGIBLE, count=1),
            Transition(baseline=Outcome.INELIGIBLE, reform=Outcome.INELIGIBLE, count=1),
        ),
        "changed": 2,
        "changes": ChangeCounts(became_eligible=1, amount_up=1),
        "baseline_total": Decimal("1000.00"),
        "reform_total": Decimal("2500.50"),
        "difference": Decimal("1500.50"),
    }
    fields.update(changes)
    return SimulationSummary(**fields)  # type: ignore[arg-type]


def test_report_in_english() -> None:
    """The English report: counts, changes, transitions and totals."""
    text = summary_of().report("en")
    assert text.splitlines() == [
        "Simulation of demo over 3 cases",
        "baseline policy aaaaaaaaaaaa, reform policy bbbbbbbbbbbb",
        "",
        "    baseline       reform     change  outcome",
        "           1            2         +1  eligible",
        "           2            1         -1  ineligible",
        "           0            0         +0  undetermined",
        "",
        "Changed: 2 of 3 cases (1 unchanged)",
        "           1  became eligible",
        "           0  became ineligible",
        "           0  became undetermined",
        "           1  amount up",
        "           0  amount down",
        "           0  other changes (failed checks or missing facts)",
        "Outcome transitions (baseline → reform):",
        "           1  ineligible → eligible",
        "",
        "Total amount (yuan):",
        "          1,000.00  baseline",
        "          2,500.50  reform",
        "         +1,500.50  difference",
    ]


def test_report_in_chinese() -> None:
    """The Chinese report uses the outcome labels and aligns the wide header."""
    text = summary_of().report("zh")
    lines = text.splitlines()
    assert lines[0] == "规则 demo：共 3 个个案"
    assert lines[3] == "        基线       改革后       变化  结果"
    assert "           1  不符合 → 符合" in lines
    assert lines[-1] == "         +1,500.50  差额"


def test_summary_without_moves_has_no_transition_block() -> None:
    """Nothing moved between outcomes: no transitions listed."""
    text = summary_of(
        baseline=OutcomeCounts(eligible=1, ineligible=2),
        reform=OutcomeCounts(eligible=1, ineligible=2),
        transitions=(
            Transition(baseline=Outcome.ELIGIBLE, reform=Outcome.ELIGIBLE, count=1),
            Transition(baseline=Outcome.INELIGIBLE, reform=Outcome.INELIGIBLE, count=2),
        ),
        changes=ChangeCounts(amount_up=2),
    ).report("en")
    assert "Outcome transitions" not in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cases": 4}, "outcome counts do not add up"),
        (
            {"transitions": ()},
            "transitions do not add up",
        ),
        ({"changed": 3}, "directions do not add up"),
        ({"difference": Decimal("1500.49")}, "not the reform total less"),
    ],
)
def test_inconsistent_summaries_are_refused(
    changes: dict[str, object], message: str
) -> None:
    """The summary's figures must add up."""
    with pytest.raises(InvalidValueError, match=message):
        summary_of(**changes)


def test_summary_as_json() -> None:
    """unstructure gives plain JSON: outcomes by value, amounts as strings."""
    data = unstructure(summary_of())
    assert data["baseline"] == {"eligible": 1, "ineligible": 2, "undetermined": 0}
    assert data["transitions"][1] == {
        "baseline": "ineligible",
        "reform": "eligible",
        "count": 1,
    }
    assert data["difference"] == "1500.50"
    assert json.loads(json.dumps(data)) == data


# ---------------------------------------------------------------- reading CSV


def write(folder: Path, name: str, text: str) -> Path:
    """Write *text* to *folder*/*name* and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def csv_of(tmp_path: Path, header: str, *rows: str) -> Path:
    """A population CSV with *header* and *rows*."""
    return write(tmp_path, "people.csv", "\n".join([header, *rows]) + "\n")


SETTLEMENT_HEADER = "name,on,entitlement,prepaid,training_end"


def test_csv_reads_names_days_and_values(tmp_path: Path) -> None:
    """Named and unnamed rows, blank lines skipped, the default day."""
    path = csv_of(
        tmp_path,
        SETTLEMENT_HEADER,
        "refund,2025-10-08,28000.00,56000.00,2025-09-01",
        "",
        ",,56000.00,28000.00,",
    )
    first, second = read_population(
        path, "apprenticeship.settlement", on=date(2025, 1, 2)
    )
    assert (first.name, first.on) == ("refund", date(2025, 10, 8))
    assert first.facts == {
        "entitlement": Decimal("28000.00"),
        "prepaid": Decimal("56000.00"),
        "training_end": date(2025, 9, 1),
    }
    assert (second.name, second.on) == ("line 4", date(2025, 1, 2))
    assert second.facts["training_end"] is None


def test_csv_id_column_and_lists_and_json_cells(tmp_path: Path) -> None:
    """An id column names cases; ';' lists; a record list in a JSON cell."""
    row = next(synthetic_apprentices(1))
    enrolment = row.facts["enrolment"]
    data = unstructure(enrolment)
    claims = json.dumps(
        [
            {
                "kind": "skill_upgrade",
                "year": 2024,
                "occupation": "6-31-01-03",
                "level": "advanced",
            }
        ]
    )
    path = tmp_path / "one.csv"
    programme = data["programme"]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(
            [
                "id",
                "on",
                "enrolment.person.id",
                "enrolment.programme",
                "enrolment.claims",
                "enrolment.qualified",
            ]
        )
        writer.writerow(
            [
                "P-1",
                "2026-03-01",
                data["person"]["id"],
                json.dumps(programme),
                claims,
                "TRUE",
            ]
        )
    try:
        (case,) = read_population(path, "apprenticeship.case")
    except PopulationError as error:  # pragma: no cover - shows the problem
        pytest.fail(str(error))
    assert case.name == "P-1"
    built = case.facts["enrolment"]
    assert built.programme == enrolment.programme  # type: ignore[attr-defined]
    assert built.qualified is True  # type: ignore[attr-defined]
    assert len(built.claims) == 1  # type: ignore[attr-defined]


def test_csv_list_cells() -> None:
    """modes as a ';'-separated list, read as a frozenset."""
    cases = list(itertools.islice(read_population(BUNDLED_CSV, CASE_RULE), 3))
    assert all(len(c.facts["enrolment"].programme.modes) == 2 for c in cases)  # type: ignore[attr-defined]


def test_csv_reuses_repeated_records() -> None:
    """Apprentices of one programme share one programme object; people are not cached."""
    cases = list(itertools.islice(read_population(BUNDLED_CSV, CASE_RULE), 2000))
    programmes_seen = {id(c.facts["enrolment"].programme) for c in cases}  # type: ignore[attr-defined]
    people = {id(c.facts["enrolment"].person) for c in cases}  # type: ignore[attr-defined]
    assert len(programmes_seen) <= 60
    assert len(people) == 2000


def population_error(
    path: Path, rule: str = "apprenticeship.settlement"
) -> PopulationError:
    """The PopulationError raised reading *path* completely."""
    with pytest.raises(PopulationError) as caught:
        list(read_population(path, rule))
    return caught.value


@pytest.mark.parametrize(
    ("header", "line", "path", "message"),
    [
        ("name,on,entitlment", 1, "entitlment", "did you mean 'entitlement'?"),
        ("on,entitlement.x", 1, "entitlement.x", "entitlement is a single value"),
        ("on,entitlement,entitlement", 1, "entitlement", "column repeated"),
        ("on,,entitlement", 1, "column 2", "empty column name"),
        ("name,id,on", 1, "id", "either a name or an id column"),
        ("on,entitlement..x", 1, "entitlement..x", "dotted path"),
    ],
)
def test_csv_header_problems(
    tmp_path: Path, header: str, line: int, path: str, message: str
) -> None:
    """A bad header is refused when read_population is called, naming line 1."""
    target = csv_of(tmp_path, header, "")
    with pytest.raises(PopulationError) as caught:
        read_population(target, "apprenticeship.settlement")
    error = caught.value
    assert error.line == line
    assert any(p.path == path and message in p.message for p in error.problems)
    assert str(error).startswith(f"{target}, line 1: ")


def test_csv_header_problems_in_records(tmp_path: Path) -> None:
    """An unknown key inside a record, and a column inside another column."""
    target = csv_of(
        tmp_path,
        "on,enrolment.person.idd,enrolment.programme,enrolment.programme.start",
        "",
    )
    with pytest.raises(PopulationError) as caught:
        read_population(target, "apprenticeship.case")
    messages = {p.path: p.message for p in caught.value.problems}
    assert "did you mean enrolment.person.id?" in messages["enrolment.person.idd"]
    assert messages["enrolment.programme.start"] == (
        "inside column enrolment.programme: give one or the other"
    )


def test_csv_unknown_top_level_column_lists_the_facts(tmp_path: Path) -> None:
    """A column that is no fact names the rule's facts."""
    target = csv_of(tmp_path, "on,whatever", "")
    with pytest.raises(PopulationError, match="takes no fact 'whatever'"):
        read_population(target, "apprenticeship.settlement")


@pytest.mark.parametrize(
    ("row", "path", "message"),
    [
        ("x,2025-10-08,28000.00,abc,", "prepaid", "expected an amount"),
        (
            "x,2025-13-08,28000.00,1,",
            "on",
            'expected a date like 2024-01-31, got "2025-13-08"',
        ),
        ("x,2025-10-08,28000.00,1,2025-02-30", "training_end", "expected a date"),
        ("x,2025-10-08,28000.00", "", "expected 5 cells as in the header, got 3"),
        ("x,,28000.00,1,", "on", "no evaluation day"),
        ("x,2025-10-08,1,,", "prepaid", "required by apprenticeship.settlement"),
    ],
)
def test_csv_row_problems(tmp_path: Path, row: str, path: str, message: str) -> None:
    """A bad row is reported with its line and the field's path."""
    target = csv_of(
        tmp_path, SETTLEMENT_HEADER, "ok,2025-10-08,28000.00,56000.00,", row
    )
    error = population_error(target)
    assert error.line == 3
    assert any(p.path == path and message in p.message for p in error.problems), (
        error.problems
    )
    assert str(error).startswith(f"{target}, line 3: ")


def test_csv_bad_cells_in_records(tmp_path: Path) -> None:
    """Bad cells in a cached record and in a plain field, with their paths."""
    text = BUNDLED_CSV.read_text(encoding="utf-8").splitlines()[:3]
    header = text[0].split(",")
    bad = text[2].split(",")
    bad[header.index("enrolment.programme.start")] = "2024-02-31"
    bad[header.index("enrolment.qualified")] = "yes"
    target = csv_of(tmp_path, text[0], text[1], ",".join(bad))
    error = population_error(target, "apprenticeship.case")
    assert error.line == 3
    assert [str(p) for p in error.problems] == [
        'enrolment.programme.start: expected a date like 2024-01-31, got "2024-02-31"'
    ]
    bad[header.index("enrolment.programme.start")] = "2024-02-01"
    target = csv_of(tmp_path, text[0], text[1], ",".join(bad))
    error = population_error(target, "apprenticeship.case")
    assert [str(p) for p in error.problems] == [
        'enrolment.qualified: expected true or false, got "yes"'
    ]


def test_csv_bad_json_cell_and_masked_identity_number(tmp_path: Path) -> None:
    """A JSON cell that is not JSON; an identity number in an error is masked."""
    target = csv_of(
        tmp_path,
        "on,enrolment.person.id,enrolment.programme",
        "2026-03-01,440304200001010018,{not json",
    )
    error = population_error(target, "apprenticeship.case")
    text = str(error)
    assert "enrolment.programme: expected JSON" in text
    assert "440304200001010018" not in text


def test_csv_wrong_check_digit_is_masked(tmp_path: Path) -> None:
    """The converter's message about a bad identity number never shows it whole."""
    target = csv_of(
        tmp_path,
        "on,enrolment.person.id",
        "2026-03-01,440304200001010018",
    )
    error = population_error(target, "apprenticeship.case")
    assert "440304200001010018" not in str(error)
    assert "enrolment.person.id" in str(error)


def test_csv_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full cache is emptied, and reading stays correct."""
    from skillchain import simulation

    monkeypatch.setattr(simulation._Reuse, "SIZE", 2)
    cases = list(itertools.islice(read_population(BUNDLED_CSV, CASE_RULE), 300))
    assert cases == list(synthetic_apprentices(300))


def test_empty_csv(tmp_path: Path) -> None:
    """An empty file has no header."""
    target = write(tmp_path, "empty.csv", "")
    with pytest.raises(PopulationError, match="the file is empty"):
        read_population(target, "apprenticeship.settlement")


def test_undecodable_file(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are reported with their line."""
    target = tmp_path / "latin.csv"
    target.write_bytes(
        SETTLEMENT_HEADER.encode() + b"\nok,2025-10-08,1,2,\n\xff\xfe,2025-10-08,1,2,\n"
    )
    error = population_error(target)
    assert str(error) == (
        f"{target}, line 3: not UTF-8 text: byte 1 of the line cannot be read "
        "(invalid start byte)"
    )
    jsonl = tmp_path / "latin.jsonl"
    jsonl.write_bytes(
        b'{"entitlement": "1", "prepaid": "1", "on": "2025-01-01"}\n\xff\n'
    )
    error = population_error(jsonl)
    assert error.line == 2


def test_broken_csv_quoting(tmp_path: Path) -> None:
    """Text after a closing quote is reported with its line."""
    target = csv_of(
        tmp_path, SETTLEMENT_HEADER, "a,2025-10-08,1,2,", 'b,"2025"-10-08,1,2,'
    )
    error = population_error(target)
    assert error.line == 3
    assert "not valid CSV" in str(error)


def test_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    """A spreadsheet's UTF-8 byte order mark does not spoil the first column."""
    target = tmp_path / "bom.csv"
    target.write_bytes(
        b"\xef\xbb\xbf" + SETTLEMENT_HEADER.encode() + b"\na,2025-10-08,1,2,\n"
    )
    (case,) = read_population(target, "apprenticeship.settlement")
    assert case.name == "a"


# ---------------------------------------------------------------- reading JSON Lines


def test_jsonl_reads_names_ids_and_days(tmp_path: Path) -> None:
    """name or id label a case; on is its day; blank lines are skipped."""
    target = write(
        tmp_path,
        "people.jsonl",
        '{"name": "a", "on": "2025-10-08", "entitlement": "1", "prepaid": "2"}\n'
        "\n"
        '{"id": 7, "entitlement": "1", "prepaid": "0"}\n',
    )
    first, second = read_population(
        target, "apprenticeship.settlement", on=date(2025, 1, 1)
    )
    assert (first.name, first.on) == ("a", date(2025, 10, 8))
    assert (second.name, second.on) == ("7", date(2025, 1, 1))
    assert second.facts["training_end"] is None


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ("{nope", "", "not valid JSON"),
        ("[1, 2]", "", "expected a JSON object"),
        (
            '{"name": true, "on": "2025-10-08", "entitlement": "1", "prepaid": "2"}',
            "name",
            "expected a string",
        ),
        (
            '{"on": 20251008, "entitlement": "1", "prepaid": "2"}',
            "on",
            "expected a date",
        ),
        (
            '{"on": "2025-10-08", "entitlement": 1.5, "prepaid": "2"}',
            "entitlement",
            "expected an amount",
        ),
        (
            '{"on": "2025-10-08", "entitlement": "1", "prepaid": "2", "extra": 1}',
            "extra",
            'takes no fact "extra"',
        ),
    ],
)
def test_jsonl_problems(tmp_path: Path, text: str, path: str, message: str) -> None:
    """A bad line is reported with its number and the JSON path."""
    target = write(
        tmp_path,
        "people.jsonl",
        '{"on": "2025-10-08", "entitlement": "1", "prepaid": "2"}\n' + text + "\n",
    )
    error = population_error(target)
    assert error.line == 2
    assert any(p.path == path and message in p.message for p in error.problems), (
        error.problems
    )


def test_jsonl_reuses_repeated_records(tmp_path: Path) -> None:
    """Rows that repeat a programme's JSON share one programme object."""
    target = tmp_path / "apprentices.jsonl"
    with target.open("w", encoding="utf-8") as stream:
        for case in synthetic_apprentices(600):
            data = {k: unstructure(v) for k, v in case.facts.items()}
            stream.write(
                json.dumps({"name": case.name, "on": case.on.isoformat(), **data})
                + "\n"
            )
    read = list(read_population(target, CASE_RULE))
    assert read == list(synthetic_apprentices(600))
    assert len({id(c.facts["enrolment"].programme) for c in read}) <= 60  # type: ignore[attr-defined]


# ---------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["people.json", "people"])
def test_other_suffixes_are_refused(tmp_path: Path, name: str) -> None:
    """Only .csv and .jsonl are populations."""
    target = write(tmp_path, name, "")
    with pytest.raises(PopulationError, match=r"expected a \.csv or a \.jsonl file"):
        read_population(target, "apprenticeship.settlement")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    """The file must exist when read_population is called."""
    with pytest.raises(PopulationError) as caught:
        read_population(tmp_path / "nobody.csv", "apprenticeship.settlement")
    assert caught.value.line is None
    assert caught.value.problems == (InputProblem(path="", message="no such file"),)


def test_population_error_lists_several_problems() -> None:
    """Two problems: a count and one line each."""
    error = PopulationError(
        "p.csv",
        4,
        [
            InputProblem(path="a", message="bad"),
            InputProblem(path="b", message="worse"),
        ],
    )
    assert str(error) == "p.csv, line 4: 2 problems:\n  - a: bad\n  - b: worse"


def test_read_population_takes_a_rule_object(tmp_path: Path) -> None:
    """A Rule works as well as its id."""
    target = csv_of(tmp_path, SETTLEMENT_HEADER, "a,2025-10-08,1,2,")
    (case,) = read_population(target, get_rule("apprenticeship.settlement"))
    assert case.name == "a"


# ---------------------------------------------------------------- bad rows and hostile cells


def _settlements(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_population_goes_on_past_bad_rows_when_asked(tmp_path: Path) -> None:
    """on_bad_row gets each bad row's error (with its line); the good rows are read."""
    path = _settlements(
        tmp_path,
        "p.csv",
        "on,entitlement,prepaid,training_end\n"
        "2025-10-08,100.00,10.00,2025-09-01\n"
        "2024-W01-1,100.00,10.00,2025-09-01\n"
        "2025-10-08,100.00,10.00,2025-09-01,extra\n"
        "2025-10-08,100.00,10.00,2025-09-01\n",
    )
    bad: list[PopulationError] = []
    cases = list(
        read_population(path, "apprenticeship.settlement", on_bad_row=bad.append)
    )
    assert [case.name for case in cases] == ["line 2", "line 5"]
    assert [error.line for error in bad] == [3, 4]
    assert (
        str(bad[0].problems[0])
        == 'on: expected a date like 2024-01-31, got "2024-W01-1"'
    )
    with pytest.raises(PopulationError, match=r"line 3: on: "):
        list(read_population(path, "apprenticeship.settlement"))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000, "JSON nested more than 32 levels deep"),
        ('{"entitlement": ' + "[" * 40 + "]" * 40 + "}", "JSON nested more than 32"),
        (
            '{"entitlement": ' + "1" * 5000 + "}",
            "a JSON number with more than 30 digits",
        ),
        ('{"entitlement": "1"', "not valid JSON: Expecting"),
    ],
    ids=["deep", "deep inside", "huge integer", "truncated"],
)
def test_json_lines_refuse_deep_nesting_and_huge_integers(
    line: str, message: str, tmp_path: Path
) -> None:
    """No RecursionError or ValueError escapes: a row problem with its line."""
    path = _settlements(tmp_path, "p.jsonl", '{"on": "2025-10-08"}\n' + line + "\n")
    bad: list[PopulationError] = []
    list(read_population(path, "apprenticeship.settlement", on_bad_row=bad.append))
    assert [error.line for error in bad] == [1, 2]  # line 1 lacks the facts
    assert message in str(bad[1])


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("[" * 100_000, "JSON nested more than 32 levels deep"),
        ("[" + "1" * 5000 + "]", "a JSON number with more than 30 digits"),
    ],
)
def test_csv_json_cells_refuse_deep_nesting_and_huge_integers(
    cell: str, message: str, tmp_path: Path
) -> None:
    """A CSV cell holding JSON (a record) is guarded the same way."""
    path = _settlements(
        tmp_path,
        "p.csv",
        f'on,enrolment.programme.institution\n2025-10-08,"{cell}"\n',
    )
    with pytest.raises(PopulationError) as info:
        list(read_population(path, "apprenticeship.case"))
    assert info.value.line == 2
    assert message in str(info.value)


def test_a_huge_integer_cell_is_refused_not_converted(tmp_path: Path) -> None:
    """An integer cell of 5 000 digits is left as text for the converter to refuse."""
    path = _settlements(
        tmp_path,
        "p.csv",
        f"on,enrolment.programme.planned_months\n2025-10-08,{'9' * 5000}\n",
    )
    with pytest.raises(PopulationError) as info:
        list(read_population(path, "apprenticeship.case"))
    assert "enrolment.programme.planned_months" in str(info.value)
    assert len(str(info.value)) < 2000


def test_population_error_lists_at_most_ten_problems() -> None:
    """A row with many problems: ten listed, the rest counted; a one-line summary."""
    problems = [InputProblem(path=f"c{n}", message="bad") for n in range(25)]
    error = PopulationError("p.csv", 3, problems)
    text = str(error)
    assert text.count("\n  - ") == 10
    assert text.endswith("\n  … and 15 more")
    assert error.first == "c0: bad (and 24 more problems)"


def test_a_long_file_name_is_cut_at_its_start_and_masked() -> None:
    """The end of a path names the file: it is what a long path keeps."""
    error = PopulationError(
        "/data/" + "d" * 500 + "/440304199001010011.csv",
        None,
        [InputProblem(path="", message="no such file")],
    )
    assert error.file.startswith("…")
    assert error.file.endswith("/440304********0011.csv")
    assert len(error.file) == 200


def test_simulate_reports_cases_the_rule_refuses_when_asked() -> None:
    """on_error gets a case a rule refuses (a SkillchainError) and the run goes on."""
    good = {
        "entitlement": Decimal(100),
        "prepaid": Decimal(10),
        "training_end": date(2025, 9, 1),
        "on": date(2025, 10, 8),
    }
    original = get_rule("apprenticeship.settlement")

    @functools.wraps(original.function)
    def refusing(**facts: object) -> Decision:
        if facts["prepaid"] == Decimal(-1):
            raise InvalidValueError(field="prepaid", problem="negative", expected="≥ 0")
        return original.function(**facts)

    rule = attrs.evolve(original, function=refusing)
    cases = [good, {**good, "prepaid": Decimal(-1)}, good]
    refused: list[tuple[Case, Exception]] = []
    summary = simulate(
        cases,
        rule=rule,
        reform=Policy.default(),
        on_error=lambda case, error: refused.append((case, error)),
    )
    assert summary.cases == 2
    assert [case.name for case, _ in refused] == ["case 1"]
    with pytest.raises(InvalidValueError):
        simulate(cases, rule=rule, reform=Policy.default())
