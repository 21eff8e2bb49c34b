"""Tests for ``skillchain simulate`` through its real entry point."""

import io
import json
import re
import subprocess
import sys

from pathlib import Path

import pytest

from skillchain import Policy
from skillchain.__main__ import main
from skillchain._cli_simulate import Progress
from skillchain.serialization import unstructure
from skillchain.simulation import read_population, simulate


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
    """--json prints the summary as unstructured by the library, plus unchanged."""
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


def test_a_failed_run_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad row half-way: exit 2, nothing printed, no output or temporary file."""
    lines = POPULATION.read_text("utf-8").splitlines()[:60]
    header = lines[0].split(",")
    cells = lines[50].split(",")
    cells[header.index("enrolment.programme.start")] = "2024-13-01"
    lines[50] = ",".join(cells)
    population = tmp_path / "bad.csv"
    population.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "changed.jsonl"
    status, text = run(*example_on(population), "--changed", str(target))
    assert status == 2
    assert text == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]
    err = capsys.readouterr().err
    assert err == (
        f"skillchain: simulate: population {population}, line 51: "
        'enrolment.programme.start: expected a date like 2024-01-31, got "2024-13-01"\n'
    )


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
        f"skillchain: simulate: population {population}, line 2: training_end: "
        'expected a date like 2024-01-31, got "2025-02-30"\n'
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
