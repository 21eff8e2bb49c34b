"""The CSV reader's generated row code reads every row as the general reading does.

For a population file's header the reader writes out, once, the code that builds a
row's case (each cell structured by the hook the converter would use, each record
built directly, repeated records reused); a row that code cannot build is read
again cell by cell, which reports its problems.  Here drawn files (headers with
columns left out or moved, cells valid, padded, empty or wrong) are read both ways:
the same cases, equal and in the same order, and the same bad rows with the same
problems.
"""

import csv
import io
import json
import tempfile

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rule_cases import example_policy
from skillchain import simulation
from skillchain.comparison import Case
from skillchain.errors import PopulationError
from skillchain.rules import get_rule, rules
from skillchain.serialization import unstructure
from skillchain.simulation import (
    read_population,
    read_population_lines,
    synthetic_apprentices,
)
from skillchain.testing.strategies import cases


RULE = "apprenticeship.case"
ROWS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{path}.")
        elif value is None:
            yield path, ""
        elif isinstance(value, bool):
            yield path, "true" if value else "false"
        elif isinstance(value, list):
            yield path, ";".join(sorted(str(item) for item in value))
        else:
            yield path, str(value)


def _cells(count: int) -> list[dict[str, str]]:
    """Rows of synthetic apprentices as the example generator lays them out."""
    found = []
    for case in synthetic_apprentices(count):
        row = {"name": case.name, "on": case.on.isoformat()}
        row.update(_flatten({k: unstructure(v) for k, v in case.facts.items()}))
        found.append(row)
    return found


POOL = _cells(40)
COLUMNS = [name for name in POOL[0] if any(row[name] for row in POOL)]
ODD = (
    "",
    " ",
    "TRUE",
    "False",
    "yes",
    "0",
    "-1",
    "12.5",
    "2024-02-30",
    "2024-2-1",
    "x",
    "[]",
    "{}",
    '{"a": 1}',
    "new_hire;nobody",
    "9144030400000000J1",
    "440304199001011234",
    "６-31-01-03",
)


@st.composite
def files(draw: st.DrawFn) -> tuple[str, date | None]:
    """A population file's text (CSV) and the default evaluation day."""
    columns = draw(
        st.lists(
            st.sampled_from(COLUMNS), min_size=1, max_size=len(COLUMNS), unique=True
        )
        | st.permutations(COLUMNS)
        | st.just(COLUMNS)
    )
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for _ in range(draw(st.integers(1, 8))):
        source = draw(st.sampled_from(POOL))
        row = [source[name] for name in columns]
        # Most rows are clean; the others have a few cells changed.
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3]))):
            at = draw(st.integers(0, len(row) - 1))
            good = source[columns[at]]
            row[at] = draw(
                st.sampled_from([f" {good} ", good.upper(), *ODD])
                | st.sampled_from([other[columns[at]] for other in POOL])
                | st.text(max_size=4)
            )
        if draw(st.integers(0, 9)) == 0:
            row = row[: draw(st.integers(0, len(row)))]
        writer.writerow(row)
    default = draw(st.none() | st.dates(date(2024, 1, 1), date(2027, 12, 31)))
    return stream.getvalue(), default


def _read(path: Path, on: date | None) -> tuple[list[tuple[int, str, Case]], list[str]]:
    bad: list[PopulationError] = []
    found = [
        (line, repr(case), case)
        for line, case in read_population_lines(
            path, RULE, on=on, on_bad_row=bad.append
        )
    ]
    return found, [f"{error.line}: {error}" for error in bad]


def test_generated_rows_read_as_the_general_reading() -> None:
    seen = {"by generated code": 0, "read again": 0, "read again, a case": 0}
    general_case = simulation._general_case

    def counted(*args: Any, **kwargs: Any) -> object:
        read = general_case(*args, **kwargs)
        seen["read again"] += 1
        seen["read again, a case"] += read is not None
        return read

    @ROWS
    @given(files())
    def check(drawn: tuple[str, date | None]) -> None:
        text, on = drawn
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "population.csv")
            path.write_text(text, encoding="utf-8")
            again = seen["read again, a case"]
            simulation._general_case = counted  # type: ignore[assignment]
            try:
                quick = _read(path, on)
            finally:
                simulation._general_case = general_case
            seen["by generated code"] += len(quick[0]) - (
                seen["read again, a case"] - again
            )
            row_code = simulation._row_code
            simulation._row_code = lambda *_: None
            try:
                general = _read(path, on)
            finally:
                simulation._row_code = row_code
        assert quick[1] == general[1]
        assert [(line, shown) for line, shown, _ in quick[0]] == [
            (line, shown) for line, shown, _ in general[0]
        ]
        assert [case for _, _, case in quick[0]] == [case for _, _, case in general[0]]

    check()
    assert seen["by generated code"] > 0, seen
    assert seen["read again"] > 0, seen


def test_the_bundled_population_is_read_by_generated_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every row of the bundled file is built without the general reading."""
    path = (
        Path(__file__).parent.parent
        / "examples"
        / "population"
        / "apprentices-10000.csv"
    )
    general = []
    original = simulation._general_case

    def counted(*args: Any, **kwargs: Any) -> object:
        general.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(simulation, "_general_case", counted)
    assert sum(1 for _ in read_population(path, RULE)) == 10_000
    assert not general


def test_rows_sharing_a_programme_share_one_object() -> None:
    path = (
        Path(__file__).parent.parent
        / "examples"
        / "population"
        / "apprentices-10000.csv"
    )
    # The objects are kept, so no identity is reused while counting.
    programmes = {
        id(programme): programme
        for case in read_population(path, RULE)
        if (programme := case.facts["enrolment"].programme)  # type: ignore[attr-defined]
    }
    assert len(programmes) <= 60


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            return json.dumps(value, ensure_ascii=False)
        return ";".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _paths(data: object, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict) and data:
        for key, value in data.items():
            yield from _paths(value, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix, _cell(data)


def _csv_of(case: Case) -> str:
    """A one-row population file of *case*, a column per fact path."""
    cells = {"name": case.name, "on": case.on.isoformat()}
    for name, value in case.facts.items():
        cells.update(_paths(unstructure(value), name))
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(list(cells))
    writer.writerow(list(cells.values()))
    return stream.getvalue()


@pytest.mark.parametrize("rule_id", [rule.id for rule in rules()])
def test_every_rules_drawn_cases_read_as_the_general_reading(rule_id: str) -> None:
    """Cases of every rule, written as CSV, come back the same both ways."""
    rule = get_rule(rule_id)

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(cases(rule, policy=example_policy(rule_id)))
    def check(case: Case) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "population.csv")
            path.write_text(_csv_of(case), encoding="utf-8")
            try:
                quick = _read_rule(path, rule_id)
            except PopulationError as error:  # a header this layout cannot express
                quick = ([], [str(error)])
            row_code = simulation._row_code
            simulation._row_code = lambda *_: None
            try:
                general = _read_rule(path, rule_id)
            except PopulationError as error:
                general = ([], [str(error)])
            finally:
                simulation._row_code = row_code
        assert quick[1] == general[1]
        assert quick[0] == general[0]

    check()


def _read_rule(path: Path, rule_id: str) -> tuple[list[tuple[int, Case]], list[str]]:
    bad: list[PopulationError] = []
    found = [
        (line, case)
        for line, case in read_population_lines(path, rule_id, on_bad_row=bad.append)
    ]
    return found, [f"{error.line}: {error}" for error in bad]
