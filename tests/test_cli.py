"""Tests for the command line (``skillchain params``)."""

import argparse
import contextlib
import io
import os
import re
import subprocess
import sys

from pathlib import Path

import pytest

from skillchain.cli import main
from skillchain.policy import specs


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (status, stdout)."""
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_params_prints_values_documents_and_provenance_in_english() -> None:
    """The rates of 2024 with the Longgang FAQ as source; their start date is inferred."""
    status, text = run(
        "params", "apprenticeship.annual_subsidy", "--on", "2024-06-01", "--lang", "en"
    )
    assert status == 0
    lines = text.splitlines()
    assert lines[0].startswith("Parameters in force on 2024-06-01 (policy ")
    assert lines[2].startswith(
        "apprenticeship.annual_subsidy  Apprenticeship training subsidy"
    )
    assert lines[3] == (
        "  value: intermediate worker (grade 4) 5500, advanced worker (grade 3) 7000, "
        "technician (grade 2) 8500 (yuan_per_person_year)"
    )
    assert "  in force: 2019-12-19 – open" in lines
    assert "  provenance: unverified" in lines
    assert any(line.startswith("  source: Longgang district FAQ") for line in lines)


def test_params_in_chinese_reports_values_not_in_force() -> None:
    """After 2025-12-31 the provincial band has no value; the quota never has one."""
    status, text = run("params", "apprenticeship", "--on", "2026-01-01")
    assert status == 0
    assert text.startswith("2026-01-01 有效的参数")
    block = text.split("apprenticeship.provincial_rate_max", 1)[1]
    assert block.splitlines()[1] == "  当日无有效值 2026-01-01"
    assert "区年度学徒培养名额" in text


def test_params_with_an_overlay(tmp_path: Path) -> None:
    """--policy lays a file over the bundled policy."""
    overlay = tmp_path / "quota.toml"
    overlay.write_text(
        """
[documents.futian-2024]
title = "福田区学徒名额（示例）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."apprenticeship.district_quota"]
description_zh = "区年度学徒培养名额（人）"
description_en = "The district's annual apprentice quota (persons)"
unit = "persons"
[[parameters."apprenticeship.district_quota".values]]
since = 2024-01-01
value = 150
document = "futian-2024"
""",
        encoding="utf-8",
    )
    status, text = run(
        "params",
        "apprenticeship.district_quota",
        "--on",
        "2024-06-01",
        "--lang",
        "en",
        "--policy",
        str(overlay),
    )
    assert status == 0
    assert "  value: 150 (persons)" in text.splitlines()
    assert "  provenance: unverified" in text.splitlines()


def test_bad_input_exits_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown name, a malformed overlay or a bad date exit 2 with a one-line reason."""
    assert run("params", "nothing.here", "--on", "2024-06-01")[0] == 2
    assert "no parameter matches 'nothing.here'" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text("[documents\n", encoding="utf-8")
    assert run("params", "--on", "2024-06-01", "--policy", str(bad))[0] == 2
    err = capsys.readouterr().err
    assert f"{bad}: (file): not valid TOML" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as info:
        run("params", "--on", "2024-13-01")
    assert info.value.code == 2
    assert (
        "expected a date like 2024-01-31, got '2024-13-01'" in capsys.readouterr().err
    )


def test_python_dash_m_entry_point() -> None:
    """`python -m skillchain params` works as a separate process."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "skillchain",
            "params",
            "apprenticeship.rounding",
            "--on",
            "2024-01-01",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "  value: 0.01 half_up (rounding)" in result.stdout.splitlines()
    assert "  provenance: unverified" in result.stdout.splitlines()


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"


def test_check_passes_on_the_bundled_examples() -> None:
    """Every example case decides as its file expects: exit 0 and a summary line."""
    status, text = run(
        "check", str(EXAMPLES), "--overlay-root", str(EXAMPLES.parent), "--lang", "en"
    )
    assert status == 0
    last = text.rstrip().splitlines()[-1]
    passed, failed = last.split(", ")
    assert failed == "0 failed"
    assert int(passed.split()[0]) >= 11


def test_check_reports_a_case_that_differs_with_exit_1(tmp_path: Path) -> None:
    """An expectation that does not hold is reported and makes the exit status 1."""
    source = (EXAMPLES / "apprenticeship-enterprise.toml").read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(
        source.replace('outcome = "eligible"', 'outcome = "ineligible"', 1),
        encoding="utf-8",
    )
    status, text = run("check", str(wrong), "--lang", "en")
    assert status == 1
    assert "NOT as expected" in text
    assert text.rstrip().endswith("1 failed")


def test_check_summary_prints_one_line_per_case(tmp_path: Path) -> None:
    """--summary: one line per case with outcome and amount; differences under it."""
    source = (EXAMPLES / "apprenticeship-case.toml").read_text(encoding="utf-8")
    status, text = run(
        "check",
        str(EXAMPLES / "apprenticeship-case.toml"),
        "--overlay-root",
        str(EXAMPLES.parent),
        "--summary",
        "--lang",
        "en",
    )
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == (
        "ok   apprenticeship-case.toml: Qualified 高级工 apprentice, 24 months, "
        "listed occupation: 14 000 yuan -> eligible 14000.00"
    )
    cases = [line for line in lines if not line.startswith("       ")]
    assert len(cases) == source.count("[[case]]") + 1
    assert lines[-1] == f"{len(cases) - 1} passed, 0 failed"
    wrong = tmp_path / "wrong.toml"
    overlay = EXAMPLES.parent / "overlays" / "futian-occupation-directory.toml"
    (tmp_path / overlay.name).write_bytes(overlay.read_bytes())  # inside the tree
    wrong.write_text(
        source.replace('amount = "14000.00"', 'amount = "1.00"', 1).replace(
            "../overlays/futian-occupation-directory.toml", overlay.name
        ),
        encoding="utf-8",
    )
    status, text = run("check", str(wrong), "--summary")
    assert status == 1
    assert text.splitlines()[0].startswith("FAIL wrong.toml: ")
    assert text.splitlines()[0].endswith(" -> 符合 14000.00")
    assert text.splitlines()[1] == "       - amount: expected 1.00, got 14000.00"


def test_check_json_output_is_machine_readable() -> None:
    """--json prints one record per case with the decision as JSON."""
    import json

    status, text = run(
        "check", str(EXAMPLES / "apprenticeship-enterprise.toml"), "--json"
    )
    assert status == 0
    records = json.loads(text)
    assert records
    assert {"file", "case", "passed", "differences", "decision"} <= set(records[0])
    assert records[0]["decision"]["rule"] == "apprenticeship.enterprise"


def test_check_bad_case_file_exits_2_naming_file_and_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed case file is bad input: exit 2 with the file and TOML path."""
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "x"\nrule = "apprenticeship.nope"\non = 2024-01-01\n', encoding="utf-8"
    )
    assert run("check", str(bad))[0] == 2
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "Traceback" not in err
    assert run("check", str(tmp_path / "missing.toml"))[0] == 2


def test_rules_lists_every_registered_rule() -> None:
    """`skillchain rules` prints each rule id with its titles and documents."""
    from skillchain.rules import rules

    status, text = run("rules", "--lang", "en")
    assert status == 0
    for rule in rules():
        assert f"{rule.id}  (version {rule.version})" in text
    assert "source: " in text
    blocks = {block.split()[0]: block for block in text.strip().split("\n\n")}
    # Worked from the bundled data: the UI skill subsidy's figures run through
    # 2022-2024, the annual cap's from 粤人社规〔2023〕13号's window, and the
    # apprenticeship rates from 2019-12-19 with no end.
    assert "  in force: 2022-01-01 – 2024-12-31" in blocks["ui_skill"]
    assert "  in force: 2023-11-15 – 2025-12-31" in blocks["subsidy.cap"]
    assert "  in force: 2019-12-19 – open" in blocks["apprenticeship.apprentice"]
    status, text = run("rules")
    assert "  有效期: 2019-12-19 – 至今" in text


def test_params_history_lists_every_dated_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--history shows each value with its period, document and provenance."""
    status, text = run(
        "params", "apprenticeship.prepayment_share_filed", "--history", "--lang", "en"
    )
    assert status == 0
    lines = text.splitlines()
    assert lines[1].startswith("  2020-10-23 – 2023-08-14: 0.50 (ratio); ")
    assert lines[2].startswith("  2023-08-15 – 2025-12-31: 0.40 (ratio); ")
    assert run("params", "apprenticeship")[0] == 2
    assert "needs --on" in capsys.readouterr().err
    assert run("params", "nothing.here", "--history")[0] == 2


def test_schema_prints_the_json_schema_of_a_public_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`skillchain schema DivisionCode` prints a JSON Schema; an unknown name exits 2."""
    import json

    status, text = run("schema", "DivisionCode")
    assert status == 0
    schema = json.loads(text)
    assert schema["type"] == "string"
    assert run("schema", "Nope")[0] == 2
    assert "no public type named 'Nope'" in capsys.readouterr().err


APPRENTICE_CASE_FACTS = {
    "shortage_occupation": False,
    "enrolment": {
        "hire_kind": "new_hire",
        "skill_post": True,
        "in_plan_same_or_higher": False,
        "filed_elsewhere_in_training": False,
        "covered_by_special_aid": False,
        "qualified": True,
        "contract": {"start": "2024-02-01", "end": "2027-01-31"},
        "person": {"id": "440304200001010017", "full_time_student": False},
        "programme": {
            "enterprise": "9144030400000000J0",
            "institution": {"name": "深圳市某技工学校", "kind": "technical_school"},
            "occupation": "6-31-01-03",
            "target_level": "advanced",
            "start": "2024-03-01",
            "planned_months": 24,
            "modes": ["dual_mentors", "work_study_alternation"],
            "status": "completed",
            "enterprise_mentor": {"name": "李师傅", "side": "enterprise"},
            "institution_mentor": {"name": "王老师", "side": "institution"},
            "online_hours": "40",
            "professional_basics_hours": "100",
        },
    },
}
DIRECTORY = EXAMPLES.parent / "overlays" / "futian-occupation-directory.toml"


def test_check_decides_a_plain_json_fact_file(tmp_path: Path) -> None:
    """A JSON fact file is decided by --rule on --on, under --policy overlays.

    The worked example of the apprenticeship.case rule page: two years at the
    高级工 rate, 7 000 × 24 ÷ 12 = 14 000 yuan once the district directory is laid
    over; undetermined without it.  A list holds several cases.
    """
    import json

    one = tmp_path / "one.json"
    one.write_text(json.dumps(APPRENTICE_CASE_FACTS), encoding="utf-8")
    status, text = run(
        "check", str(one), "--rule", "apprenticeship.case", "--on", "2026-03-01",
        "--policy", str(DIRECTORY), "--summary", "--lang", "en",
    )  # fmt: skip
    assert status == 0
    assert text.splitlines() == [
        "ok   one.json: #1 -> eligible 14000.00",
        "1 passed, 0 failed",
    ]
    unlisted = json.loads(json.dumps(APPRENTICE_CASE_FACTS))
    unlisted["enrolment"]["qualified"] = None
    many = tmp_path / "many.json"
    many.write_text(json.dumps([APPRENTICE_CASE_FACTS, unlisted]), encoding="utf-8")
    status, text = run(
        "check", str(many), "--rule", "apprenticeship.case", "--on", "2026-03-01",
        "--lang", "en",
    )  # fmt: skip
    assert status == 0
    assert f"== {many}: #1: decided (no expectation)" in text
    assert f"== {many}: #2: decided (no expectation)" in text
    assert "Outcome: undetermined" in text or "undetermined" in text
    assert "440304200001010017" not in text
    assert text.rstrip().endswith("2 passed, 0 failed")


def test_check_json_fact_file_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No --rule/--on, an unknown rule, a bad fact or bad JSON: exit 2, path named."""
    import json

    good = tmp_path / "facts.json"
    good.write_text(json.dumps(APPRENTICE_CASE_FACTS), encoding="utf-8")
    assert run("check", str(good))[0] == 2
    assert "--rule ID --on DAY" in capsys.readouterr().err
    assert (
        run("check", str(good), "--rule", "apprenticeship.cse", "--on", "2026-03-01")[0]
        == 2
    )
    err = capsys.readouterr().err
    assert "apprenticeship.case" in err
    bad = json.loads(json.dumps(APPRENTICE_CASE_FACTS))
    bad["enrolment"]["person"]["id"] = "440304200001010018"
    bad["enrolment"]["programme"]["start"] = "2024-13-01"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps([bad]), encoding="utf-8")
    status, _ = run(
        "check", str(wrong), "--rule", "apprenticeship.case", "--on", "2026-03-01"
    )
    assert status == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "440304200001010018" not in err
    assert "[0].enrolment.person.id" in err
    assert "[0].enrolment.programme.start" in err
    floats = json.loads(json.dumps(APPRENTICE_CASE_FACTS))
    floats["enrolment"]["programme"]["online_hours"] = 40.5
    wrong.write_text(json.dumps([floats]), encoding="utf-8")
    status, _ = run(
        "check", str(wrong), "--rule", "apprenticeship.case", "--on", "2026-03-01"
    )
    assert status == 2
    err = capsys.readouterr().err
    assert "[0].enrolment.programme.online_hours: write amounts as strings" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    status, _ = run(
        "check", str(broken), "--rule", "apprenticeship.case", "--on", "2026-03-01"
    )
    assert status == 2
    assert "not valid JSON" in capsys.readouterr().err
    scalar = tmp_path / "scalar.json"
    scalar.write_text("[1]", encoding="utf-8")
    status, _ = run(
        "check", str(scalar), "--rule", "apprenticeship.case", "--on", "2026-03-01"
    )
    assert status == 2
    assert "[0]: expected an object of the rule's facts" in capsys.readouterr().err


CLI_PAGE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    from skillchain.cli._parser import build_parser

    (action,) = (
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    return dict(action.choices)


def test_every_subcommand_and_option_is_documented() -> None:
    """docs/cli.md has a section per subcommand naming each of its options."""
    page = CLI_PAGE.read_text(encoding="utf-8")
    commands = _subcommands()
    assert sorted(commands) == [
        "check",
        "examples",
        "params",
        "report",
        "rules",
        "schema",
        "simulate",
    ]
    for name, parser in commands.items():
        section = page.split(f"## `skillchain {name}`", 1)[1].split("\n## ", 1)[0]
        for action in parser._actions:
            for option in action.option_strings:
                if option not in {"-h", "--help"}:
                    assert option in section, (name, option)
            if not action.option_strings:
                assert action.metavar or action.dest.upper() in section, name


@pytest.mark.parametrize(
    "command", ["check", "params", "report", "rules", "schema", "simulate"]
)
def test_every_subcommand_has_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`skillchain COMMAND --help` describes the command and exits 0."""
    with pytest.raises(SystemExit) as info:
        run(command, "--help")
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: skillchain {command}")
    assert "--lang" in text or command == "schema"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "nowhere.toml"], "nowhere.toml: no such file or directory"),
        (["params", "apprenticeship", "--on", "2024-02-30"], "expected a date"),
        (["rules", "--lang", "fr"], "invalid choice: 'fr'"),
        (["schema", "NoSuchType"], "no public type named 'NoSuchType'"),
        (
            [
                "simulate",
                "nowhere.csv",
                "--rule",
                "apprenticeship.case",
                "--reform",
                "examples/overlays/illustrative-reform.toml",
            ],
            "nowhere.csv",
        ),
    ],
    ids=["check", "params", "rules", "schema", "simulate"],
)
def test_every_subcommand_exits_2_on_bad_input_without_a_traceback(
    argv: list[str], message: str
) -> None:
    """Through the installed entry point: status 2, a message, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=EXAMPLES.parent.parent,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


PARAMETER_GROUPS = sorted({name.split(".")[0] for name in specs()})


def _params_output(seed: int) -> str:
    """Every parameter group on three days and one history, under one hash seed."""
    script = (
        "import io, sys\n"
        "from skillchain.cli import main\n"
        "out = io.StringIO()\n"
        f"for group in {PARAMETER_GROUPS!r}:\n"
        "    for day in ('2020-06-01', '2024-06-01', '2026-06-01'):\n"
        "        for lang in ('zh', 'en'):\n"
        "            main(['params', group, '--on', day, '--lang', lang], out=out)\n"
        "main(['params', 'apprenticeship.hire_kinds', '--history', '--lang', 'en'], out=out)\n"
        "main(['rules', '--lang', 'en'], out=out)\n"
        "sys.stdout.write(out.getvalue())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
    )
    return result.stdout


def test_params_output_is_the_same_whatever_the_hash_seed() -> None:
    """Sets are printed sorted and in plain words, never as Python reprs."""
    outputs = [_params_output(seed) for seed in (0, 1, 2)]
    assert outputs[0] == outputs[1] == outputs[2]
    text = outputs[0]
    assert "frozenset(" not in text
    assert not re.search(r"<[A-Za-z]+\.[A-Z_]+: ", text)  # an enum's repr
    assert not re.search(r"\b[A-Z][A-Za-z]+\(", text)  # a record's repr
    assert "  value: new hire, transferee, in-service employee (hire_kinds)" in text


def test_format_sorts_sets_and_shows_records_in_words() -> None:
    """The value formatter: enum sets in declared order, other sets sorted."""
    from skillchain.cli._params import format_parameter
    from skillchain.model import HireKind

    kinds = frozenset({HireKind.IN_SERVICE, HireKind.NEW_HIRE})
    assert format_parameter(kinds, "en") == "new hire, in-service employee"
    assert format_parameter(frozenset({"b", "a"}), "en") == "a, b"
    assert format_parameter({"x": ("a", "b")}, "en") == "x (a, b)"


@pytest.mark.parametrize(
    "argv",
    [
        ["params", "--on", "2024-W01-1"],
        ["params", "--on", "20240101"],
        ["params", "--on", "2024-001"],
    ],
)
def test_on_takes_only_calendar_dates(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--on accepts YYYY-MM-DD only, like every other date input."""
    with pytest.raises(SystemExit) as info:
        run(*argv)
    assert info.value.code == 2
    assert "expected a date like 2024-01-31, got '" in capsys.readouterr().err


ID = "440304199001010011"


@pytest.mark.parametrize(
    "argv",
    [
        ["params", "--on", ID],
        ["params", ID, "--on", "2024-01-01"],
        ["params", ID, "--history"],
        ["schema", ID],
        ["check", ID],
        ["check", f"{ID}.json", "--rule", ID, "--on", "2024-01-01"],
        ["params", "--lang", "４４０３０４１９９００１０１００１１"],
        ["rules", "440304 19900101 0011"],
    ],
)
def test_arguments_echoed_in_errors_are_masked(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An identity number given as an argument is masked when a message echoes it."""
    try:
        status: object = main(argv, out=io.StringIO())
    except SystemExit as exc:
        status = exc.code
    assert status == 2
    err = capsys.readouterr().err
    assert err
    digits = "".join(ch for ch in err if ch.isdecimal())
    assert "44030419900101" not in digits.translate(
        str.maketrans("０１２３４５６７８９", "0123456789")
    )


def test_long_arguments_are_cut_in_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """A megabyte-long argument is echoed in a few dozen characters."""
    for argv in (["schema", "T" * 1_000_000], ["params", "--lang", "x" * 1_000_000]):
        with contextlib.suppress(SystemExit):
            main(argv, out=io.StringIO())
        err = capsys.readouterr().err
        assert 0 < len(err) < 1000


def test_check_keeps_overlays_inside_the_case_folder_unless_told(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A case file's overlay outside its folder is refused unless the caller opts in."""
    case = EXAMPLES / "apprenticeship-case.toml"
    status, _ = run("check", str(case), "--summary", "--lang", "en")
    assert status == 2
    refusal = capsys.readouterr().err
    assert "../overlays/futian-occupation-directory.toml" in refusal
    assert "--overlay-root" in refusal
    wider = run("check", str(case), "--overlay-root", str(EXAMPLES.parent), "--summary")
    anywhere = run("check", str(case), "--overlays-anywhere", "--summary")
    assert (wider[0], anywhere[0]) == (0, 0)


def test_version_prints_the_installed_distribution_version() -> None:
    """`python -m skillchain --version` prints the version pip installed and exits 0."""
    from importlib.metadata import version

    result = subprocess.run(
        [sys.executable, "-m", "skillchain", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"skillchain {version('skillchain')}\n",
        "",
    )


@pytest.mark.parametrize("command", ["check", "params", "rules", "simulate"])
def test_every_lang_option_says_what_it_chooses(command: str) -> None:
    """`--lang` is explained in each command's help, and `rules --help` describes the
    command (run as `python -m skillchain COMMAND --help`)."""
    result = subprocess.run(
        [sys.executable, "-m", "skillchain", command, "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0
    assert (
        "--lang {zh,en}  the language of the output: zh (Chinese, the default) or en "
        "(English)"
    ) in re.sub(r" {2,}", "  ", result.stdout)
    if command == "rules":
        assert "List every registered rule: its id and version" in result.stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["schema", "ApprenticeEnrolmnt"],
            (
                "skillchain: no public type named 'ApprenticeEnrolmnt'; "
                "closest: ApprenticeEnrolment,"
            ),
        ),
        (
            ["params", "apprenticeship.contract_min_month", "--on", "2024-01-01"],
            (
                "skillchain: no parameter matches 'apprenticeship.contract_min_month'; "
                "closest: apprenticeship.contract_min_months,"
            ),
        ),
        (
            ["params", "apprenticeship.contract_min_month", "--history"],
            (
                "skillchain: no parameter named 'apprenticeship.contract_min_month'; "
                "closest: apprenticeship.contract_min_months,"
            ),
        ),
    ],
)
def test_a_mistyped_name_gets_the_closest_names(argv: list[str], message: str) -> None:
    """`python -m skillchain schema|params` with a typo exits 2 and names what is close."""
    result = subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(message)
