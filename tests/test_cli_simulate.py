"""Tests for ``skillchain simulate`` through its real entry point."""

import functools
import io
import json
import re
import subprocess
import sys

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from skillchain import Decision, InvalidValueError, Policy
from skillchain.cli import _simulate as cli
from skillchain.cli import main
from skillchain.cli._simulate import Progress
from skillchain.errors import PopulationError
from skillchain.rules import get_rule
from skillchain.serialization import unstructure
from skillchain.simulation import (
    STDIN,
    iso_day,
    read_population,
    read_population_lines,
    simulate,
)


ROOT = Path(__file__).parent.parent
POPULATION = ROOT / "examples" / "population" / "apprentices-10000.csv"
DIRECTORY = ROOT / "examples" / "overlays" / "futian-occupation-directory.toml"
REFORM = ROOT / "examples" / "overlays" / "illustrative-reform.toml"


def example_on(population: Path) -> list[str]:
    """The example run's arguments, on another population file."""
    return [
        "simulate",
        str(population),
        "--rule",
        "apprenticeship.case",
        "--baseline",
        str(DIRECTORY),
        "--reform",
        str(REFORM),
    ]


EXAMPLE = example_on(POPULATION)
ID_NUMBER = re.compile(r"[0-9]{17}[0-9Xx]")


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (status, stdout)."""
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def expected_summary() -> dict[str, object]:
    """The library's summary of the example run, as JSON."""
    baseline = Policy.default().overlay(Policy.from_files(DIRECTORY))
    summary = simulate(
        read_population(POPULATION, "apprenticeship.case"),
        rule="apprenticeship.case",
        baseline=baseline,
        reform=baseline.overlay(Policy.from_files(REFORM)),
    )
    data: dict[str, object] = unstructure(summary)
    data["unchanged"] = summary.unchanged
    data["refused"] = 0
    return data


def test_example_run_prints_the_summary_in_english() -> None:
    """The bundled population under the illustrative reform: counts and totals."""
    status, text = run(*EXAMPLE, "--lang", "en")
    assert status == 0
    data = expected_summary()
    lines = text.splitlines()
    assert lines[0] == "Simulation of apprenticeship.case over 10,000 cases"
    assert f"Changed: {data['changed']:,} of 10,000 cases" in text
    assert "became eligible" in text
    assert "ineligible → eligible" in text
    difference = json.loads(json.dumps(data))["difference"]
    assert lines[-1].split() == [f"+{float(difference):,.2f}", "difference"]


def test_example_run_in_chinese_by_default() -> None:
    """zh is the default language."""
    status, text = run(*EXAMPLE)
    assert status == 0
    assert text.startswith("规则 apprenticeship.case：共 10,000 个个案")
    assert "补贴总额（元）：" in text


def test_json_summary_is_the_library_summary() -> None:
    """--json prints the summary as unstructured by the library, plus unchanged and
    refused (the number of bad rows)."""
    status, text = run(*EXAMPLE, "--json")
    assert status == 0
    assert json.loads(text) == expected_summary()


def test_changed_cases_are_written_without_identity_numbers(tmp_path: Path) -> None:
    """--changed: one line per changed case, both decisions, differences; no ids."""
    target = tmp_path / "changed.jsonl"
    status, _ = run(*EXAMPLE, "--json", "--changed", str(target))
    assert status == 0
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert len(records) == expected_summary()["changed"]
    first = records[0]
    assert set(first) == {"name", "on", "baseline", "reform", "differences"}
    assert set(first["baseline"]) == {"outcome", "amount", "failed", "missing"}
    assert first["differences"]
    assert not ID_NUMBER.search(target.read_text("utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == ["changed.jsonl"]


def test_changed_names_that_are_identity_numbers_are_masked(tmp_path: Path) -> None:
    """A population named by identity number still writes none in full."""
    lines = POPULATION.read_text("utf-8").splitlines()[:40]
    header = lines[0].split(",")
    rows = []
    for line in lines[1:]:
        cells = line.split(",")
        cells[header.index("name")] = cells[header.index("enrolment.person.id")]
        rows.append(",".join(cells))
    population = tmp_path / "named.csv"
    population.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    target = tmp_path / "changed.jsonl"
    status, _ = run(*example_on(population), "--changed", str(target))
    assert status == 0
    written = target.read_text("utf-8")
    assert written
    assert not ID_NUMBER.search(written)
    assert "440304" in written  # masked, not dropped


def test_a_bad_row_is_reported_and_the_run_goes_on_without_changed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad row half-way: the other rows are decided and summed, the bad one is
    named by its line, the exit status is 2 and --changed leaves no file."""
    lines = POPULATION.read_text("utf-8").splitlines()[:60]
    header = lines[0].split(",")
    cells = lines[50].split(",")
    cells[header.index("enrolment.programme.start")] = "2024-13-01"
    lines[50] = ",".join(cells)
    population = tmp_path / "bad.csv"
    population.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "changed.jsonl"
    status, text = run(
        *example_on(population), "--changed", str(target), "--lang", "en"
    )
    assert status == 2
    assert text.startswith("Simulation of apprenticeship.case over 58 cases\n")
    assert text.endswith("\nRefused: 1 row (not counted above; see standard error)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]
    err = capsys.readouterr().err
    assert err == (
        f"skillchain: simulate: population {population}: 1 of 59 rows refused "
        "(not counted in the summary):\n"
        '  - line 51: enrolment.programme.start: expected a date like 2024-01-31, got "2024-13-01"\n'
    )


def test_bad_rows_are_listed_up_to_twenty_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Thirty bad rows among good ones: twenty listed by line, ten more counted;
    the JSON summary says how many were refused."""
    rows = ["name,on,entitlement,prepaid,training_end"]
    for number in range(60):
        day = "2025-02-30" if number % 2 else "2025-09-01"
        rows.append(f"r{number},2025-10-08,100.00,10.00,{day}")
    population = tmp_path / "settle.csv"
    population.write_text("\n".join(rows) + "\n", encoding="utf-8")
    status, text = run(
        "simulate",
        str(population),
        "--rule",
        "apprenticeship.settlement",
        "--reform",
        str(REFORM),
        "--json",
    )
    assert status == 2
    data = json.loads(text)
    assert (data["cases"], data["refused"]) == (30, 30)
    assert data["baseline_total"] == "2700.00"
    err = capsys.readouterr().err
    listed = re.findall(r"^  - line (\d+): training_end: ", err, flags=re.MULTILINE)
    assert listed == [str(line) for line in range(3, 43, 2)]
    assert err.startswith(
        f"skillchain: simulate: population {population}: 30 of 60 rows refused"
    )
    assert err.endswith("  … and 10 more\n")
    assert "Traceback" not in err


def test_a_value_the_rule_refuses_is_a_bad_row(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A row that reads well but that the rule refuses while deciding it (a
    SkillchainError from the rule) is a bad row with its line, not a traceback."""
    original = get_rule("apprenticeship.settlement")

    @functools.wraps(original.function)  # the same facts
    def refusing(*, on: date, policy: Policy, **facts: object) -> Decision:
        if facts.get("training_end") is not None:
            raise InvalidValueError(
                field="training_end", problem="refused 440304199001010011", expected="x"
            )
        return original.function(on=on, policy=policy, **facts)

    fake = attrs.evolve(original, function=refusing)
    monkeypatch.setattr(cli, "find_rule", lambda *_: fake)
    population = tmp_path / "settle.jsonl"
    population.write_text(
        '{"entitlement": "100", "prepaid": "0"}\n'
        '{"entitlement": "100", "prepaid": "0", "training_end": "2025-09-01"}\n',
        encoding="utf-8",
    )
    status, text = run(
        "simulate",
        str(population),
        "--rule",
        "apprenticeship.settlement",
        "--reform",
        str(REFORM),
        "--on",
        "2025-10-08",
        "--lang",
        "en",
    )
    assert status == 2
    assert "over 1 cases" in text
    err = capsys.readouterr().err
    assert "1 of 2 rows refused" in err
    assert "  - line 2: training_end: refused 440304********0011; expected x" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["missing.csv", "--rule", "apprenticeship.case"],
            "population missing.csv: no such file",
        ),
        (
            [str(POPULATION), "--rule", "apprenticeship.cas"],
            "no rule 'apprenticeship.cas'; closest: apprenticeship.case",
        ),
        (
            [str(DIRECTORY), "--rule", "apprenticeship.case"],
            "expected a .csv or a .jsonl file",
        ),
        (
            [str(POPULATION), "--rule", "apprenticeship.settlement"],
            "line 1: ",
        ),
    ],
)
def test_bad_input_exits_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing file, unknown rule (with the closest), bad suffix, wrong rule's columns."""
    status, text = run("simulate", *argv, "--reform", str(REFORM))
    assert status == 2
    assert text == ""
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_bad_cell_in_jsonl_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON Lines population with a bad date on line 2."""
    population = tmp_path / "settle.jsonl"
    population.write_text(
        '{"entitlement": "1", "prepaid": "0"}\n'
        '{"entitlement": "1", "prepaid": "0", "training_end": "2025-02-30"}\n',
        encoding="utf-8",
    )
    status, _ = run(
        "simulate",
        str(population),
        "--rule",
        "apprenticeship.settlement",
        "--reform",
        str(REFORM),
        "--on",
        "2025-10-08",
    )
    assert status == 2
    assert capsys.readouterr().err == (
        f"skillchain: simulate: population {population}: 1 of 2 rows refused "
        "(not counted in the summary):\n"
        '  - line 2: training_end: expected a date like 2024-01-31, got "2025-02-30"\n'
    )


def test_bad_day_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """--on must be a date (argparse's usage error, status 2)."""
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "simulate",
                str(POPULATION),
                "--rule",
                "x",
                "--reform",
                "r",
                "--on",
                "soon",
            ]
        )
    assert caught.value.code == 2
    assert "expected a date like 2024-01-31, got 'soon'" in capsys.readouterr().err


def test_missing_policy_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A reform file that does not exist is a policy-file error."""
    status, _ = run(
        "simulate",
        str(POPULATION),
        "--rule",
        "apprenticeship.case",
        "--reform",
        "no.toml",
    )
    assert status == 2
    assert "no.toml" in capsys.readouterr().err


def test_changed_into_a_missing_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--changed needs an existing folder."""
    status, _ = run(*EXAMPLE, "--changed", str(tmp_path / "nowhere" / "out.jsonl"))
    assert status == 2
    assert "no such folder" in capsys.readouterr().err


def test_help_describes_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """--help explains the formats and shows the example."""
    with pytest.raises(SystemExit) as caught:
        main(["simulate", "--help"])
    assert caught.value.code == 0
    text = capsys.readouterr().out
    assert "JSON Lines" in text
    assert "illustrative-reform.toml" in text
    assert "--changed OUT.jsonl" in text


def test_real_entry_point_without_a_traceback() -> None:
    """python -m skillchain simulate: the summary, and a clean message on bad input."""
    good = subprocess.run(
        [sys.executable, "-m", "skillchain", *EXAMPLE, "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0
    assert good.stdout.startswith("Simulation of apprenticeship.case over 10,000")
    assert good.stderr == ""  # not a terminal: no progress line
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "skillchain",
            "simulate",
            "x.txt",
            "--rule",
            "apprenticeship.case",
            "--reform",
            str(REFORM),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert "x.txt" in bad.stderr


# ---------------------------------------------------------------- the progress line


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Claim to be a terminal."""
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        """The current time."""
        return self.now


def test_progress_is_silent_off_a_terminal() -> None:
    """Not a terminal: nothing is written, however long the run."""
    stream = io.StringIO()
    clock = Clock()
    progress = Progress(stream, clock=clock)
    clock.now += 60
    progress(1000)
    progress.close()
    assert stream.getvalue() == ""


def test_progress_waits_then_redraws_at_most_twice_a_second() -> None:
    """Nothing for the first two seconds; then one line, redrawn every half second."""
    stream = Terminal()
    clock = Clock()
    progress = Progress(stream, total=10_000, clock=clock)
    clock.now += 1
    progress(1000)
    assert stream.getvalue() == ""
    clock.now += 1.5
    progress(2500)
    assert stream.getvalue() == (
        "\rsimulate:  25% 2,500/10,000 cases, 1,000/s, about 8 s left\x1b[K"
    )
    clock.now += 0.1
    progress(2600)
    assert stream.getvalue().count("\r") == 1
    clock.now += 0.5
    progress(3000)
    assert stream.getvalue().count("\r") == 2
    progress.close()
    assert stream.getvalue().endswith("\n")


def test_progress_without_a_total() -> None:
    """Without a total the line shows the count and the rate."""
    stream = Terminal()
    clock = Clock()
    progress = Progress(stream, clock=clock)
    clock.now += 4
    progress(2000)
    assert stream.getvalue() == "\rsimulate: 2,000 cases, 500/s\x1b[K"


def test_progress_close_without_a_line_writes_nothing() -> None:
    """A short run on a terminal leaves no trace."""
    stream = Terminal()
    Progress(stream).close()
    assert stream.getvalue() == ""


# ---------------------------------------------------------------- hostile populations

ID = "440304199001010011"


def settle(population: Path | str, *extra: str) -> list[str]:
    """Arguments of a settlement run over *population*."""
    return [
        "simulate",
        str(population),
        "--rule",
        "apprenticeship.settlement",
        "--reform",
        str(REFORM),
        *extra,
    ]


def test_a_csv_without_header_is_named_as_such_without_echoing_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV population whose first line is data: one problem, no cell quoted."""
    population = tmp_path / "p.csv"
    population.write_text(f"{ID},2025-10-08,1,1,\n", encoding="utf-8")
    status, text = run(*settle(population))
    assert (status, text) == (2, "")
    err = capsys.readouterr().err
    assert err == (
        f"skillchain: simulate: population {population}, line 1: the first line is "
        "not a header row: none of its cells names a fact of apprenticeship.settlement "
        "(entitlement, prepaid, training_end) or one of the columns name, id and on; "
        "a CSV population starts with a header row of column names\n"
    )


FULL_WIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


@pytest.mark.parametrize(
    "form",
    [
        lambda number: number.translate(FULL_WIDTH),
        lambda number: f"{number[:6]} {number[6:14]} {number[14:]}",
        lambda number: f"{number[:6]}-{number[6:14]}-{number[14:]}",
        lambda number: f"case {number}{number}",
    ],
    ids=["full-width", "spaced", "hyphenated", "embedded"],
)
def test_changed_masks_names_in_every_form(
    form: Callable[[str], str], tmp_path: Path
) -> None:
    """--changed masks a row's name that is an identity number in any form."""
    lines = POPULATION.read_text("utf-8").splitlines()[:40]
    header = lines[0].split(",")
    rows = []
    for line in lines[1:]:
        cells = line.split(",")
        cells[header.index("name")] = form(cells[header.index("enrolment.person.id")])
        rows.append(",".join(cells))
    population = tmp_path / "named.csv"
    population.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    target = tmp_path / "changed.jsonl"
    status, _ = run(*example_on(population), "--changed", str(target))
    assert status == 0
    written = target.read_text("utf-8")
    assert written
    digits = "".join(ch for ch in written if ch.isdecimal())
    folded = digits.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    for line in lines[1:]:
        number = line.split(",")[header.index("enrolment.person.id")]
        assert number[:14] not in folded


@pytest.mark.parametrize("day", ["2024-W01-1", "2024-001", "20240101", "2024-1-1"])
def test_population_on_takes_only_calendar_dates(
    day: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row's on is YYYY-MM-DD only (ISO week and ordinal dates are refused)."""
    population = tmp_path / "p.csv"
    population.write_text(
        "on,entitlement,prepaid,training_end\n"
        f"{day},100.00,10.00,2025-09-01\n"
        "2025-10-08,100.00,10.00,2025-09-01\n",
        encoding="utf-8",
    )
    status, _ = run(*settle(population))
    assert status == 2
    assert (
        f'  - line 2: on: expected a date like 2024-01-31, got "{day}"\n'
        in capsys.readouterr().err
    )


def stdin_of(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make standard input read *data*."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("data", "extra"),
    [
        (
            (
                b"\xef\xbb\xbf\n\n"
                b'{"entitlement": "100.00", "prepaid": "10.00", '
                b'"training_end": "2025-09-01"}\n'
            ),
            [],
        ),
        (b"entitlement,prepaid,training_end\n100.00,10.00,2025-09-01\n", []),
        (
            b"\xef\xbb\xbfentitlement,prepaid,training_end\n100.00,10.00,2025-09-01\n",
            ["--format", "csv"],
        ),
    ],
    ids=["jsonl sniffed", "csv sniffed", "csv said"],
)
def test_population_from_standard_input(
    data: bytes, extra: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """POPULATION - reads standard input; the format is sniffed or given."""
    stdin_of(monkeypatch, data)
    status, text = run(*settle("-", "--on", "2025-10-08", "--json", *extra))
    assert status == 0
    assert json.loads(text)["baseline_total"] == "90.00"


def test_standard_input_names_bad_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad line read from standard input is named <stdin>, line N."""
    stdin_of(monkeypatch, b'{"entitlement": "1", "prepaid": "0", "on": "x"}\n')
    status, _ = run(*settle("-", "--format", "jsonl"))
    assert status == 2
    err = capsys.readouterr().err
    assert "population <stdin>: 1 of 1 row refused" in err
    assert '  - line 1: on: expected a date like 2024-01-31, got "x"' in err


def test_format_overrides_the_suffix(tmp_path: Path) -> None:
    """--format reads a file whose suffix says nothing (a pipe, a .txt export)."""
    population = tmp_path / "export.txt"
    population.write_text(
        '{"entitlement": "100.00", "prepaid": "10.00", "training_end": "2025-09-01"}\n',
        encoding="utf-8",
    )
    status, text = run(
        *settle(population, "--on", "2025-10-08", "--json", "--format", "jsonl")
    )
    assert status == 0
    assert json.loads(text)["cases"] == 1


# -- the reading the command line uses, public in skillchain.simulation -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("2024-W01-1", None),
        ("20240131", None),
        ("2024-1-31", None),
        (" 2024-01-31", None),
        ("２０２４-01-31", None),
    ],
)
def test_iso_day_reads_only_calendar_days(text: str, expected: date | None) -> None:
    """YYYY-MM-DD and a real day, nothing else date.fromisoformat would take."""
    assert iso_day(text) == expected


SETTLEMENTS_CSV = (
    "name,on,entitlement,prepaid,training_end\n"
    "refund,2025-10-08,28000.00,56000.00,2025-09-01\n"
    "balance,2025-10-09,56000.00,28000.00,\n"
)


def test_read_population_lines_gives_each_case_its_line(tmp_path: Path) -> None:
    """CSV rows start on line 2 (after the header); JSON Lines skip blank lines."""
    csv_file = tmp_path / "settle.csv"
    csv_file.write_text(SETTLEMENTS_CSV, encoding="utf-8")
    rows = list(read_population_lines(csv_file, "apprenticeship.settlement"))
    assert [(line, case.name, case.on) for line, case in rows] == [
        (2, "refund", date(2025, 10, 8)),
        (3, "balance", date(2025, 10, 9)),
    ]
    jsonl = tmp_path / "settle.jsonl"
    jsonl.write_text(
        '{"entitlement": "1", "prepaid": "0"}\n\n{"entitlement": "2", "prepaid": "0"}\n',
        encoding="utf-8",
    )
    rows = list(
        read_population_lines(jsonl, "apprenticeship.settlement", on=date(2025, 1, 1))
    )
    assert [(line, case.facts["entitlement"]) for line, case in rows] == [
        (1, Decimal(1)),
        (3, Decimal(2)),
    ]


def test_read_population_lines_reads_standard_input() -> None:
    """STDIN ('-') with a binary stream: the format is sniffed unless given."""
    assert STDIN == "-"
    rows = read_population_lines(
        STDIN, "apprenticeship.settlement", stdin=io.BytesIO(SETTLEMENTS_CSV.encode())
    )
    assert [(line, case.name) for line, case in rows] == [(2, "refund"), (3, "balance")]
    refused: list[PopulationError] = []
    rows = read_population_lines(
        STDIN,
        "apprenticeship.settlement",
        kind="jsonl",
        stdin=io.BytesIO(SETTLEMENTS_CSV.encode()),
        on_bad_row=refused.append,
    )
    assert list(rows) == []
    assert [error.line for error in refused] == [1, 2, 3]


def test_read_population_lines_without_stdin_reads_a_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a stream, '-' is only a file name (here one with no suffix)."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PopulationError, match="unknown population format"):
        read_population_lines(STDIN, "apprenticeship.settlement")


def test_read_population_lines_refuses_an_unknown_kind(tmp_path: Path) -> None:
    """kind is 'csv', 'jsonl' or None."""
    with pytest.raises(InvalidValueError, match="kind"):
        read_population_lines(
            tmp_path / "x.csv", "apprenticeship.settlement", kind="xml"
        )
