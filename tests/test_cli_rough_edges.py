"""The command line's rough edges a new user met, each through ``python -m skillchain``.

Each test runs the command line in its own process, as a user does, and checks
what it prints: what an undetermined case waits for in ``check --summary``; the
heading of a JSON fact file's errors; every bad row of a CSV population reported
(a quote left open no longer swallows the rest of the file); values in plain
words rather than Python reprs; and errors in JSON input written in JSON's words.
"""

import json
import re
import subprocess
import sys

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Final

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import test_parallel as parallel_tests
import test_structure_equivalence as equivalence

from skillchain import Finding, InputError, Policy
from skillchain.cases import CaseFileError, FactFileError, load_cases, load_facts
from skillchain.errors import CaseProblem
from skillchain.rules import get_rule
from skillchain.serialization import structure, unstructure
from skillchain.simulation import read_population_lines, synthetic_apprentices
from worker_rules import REFUND_6


ROOT: Final = Path(__file__).resolve().parent.parent
EXAMPLES: Final = ROOT / "examples"
POPULATION: Final = EXAMPLES / "population" / "apprentices-10000.csv"
DIRECTORY: Final = EXAMPLES / "overlays" / "futian-occupation-directory.toml"
REFORM: Final = EXAMPLES / "overlays" / "illustrative-reform.toml"
INDENT: Final = " " * 7


def skillchain(
    *argv: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m skillchain ARGV`` from the repository's root."""
    result = subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        capture_output=True,
        check=False,
        cwd=ROOT,
        input=stdin,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


def after(lines: list[str], start: str) -> str:
    """The line after the first line that starts with *start*."""
    for index, line in enumerate(lines):
        if line.startswith(start):
            return lines[index + 1]
    raise AssertionError(f"no line starts with {start!r}")


# -- 1. check --summary says what an undetermined case waits for ----------------


def test_summary_names_the_parameters_an_undetermined_case_waits_for() -> None:
    """The bundled policy supplies no directory and no online share: both named,
    in English and in Chinese; decided cases keep their one line."""
    argv = ["check", "examples/cases/apprenticeship-case.toml", "--overlay-root"]
    english = skillchain(*argv, "examples", "--summary", "--lang", "en")
    chinese = skillchain(*argv, "examples", "--summary")
    assert english.returncode == chinese.returncode == 0
    lines = english.stdout.splitlines()
    assert lines == [
        (
            "ok   apprenticeship-case.toml: Qualified 高级工 apprentice, 24 months, "
            "listed occupation: 14 000 yuan -> eligible 14000.00"
        ),
        (
            "ok   apprenticeship-case.toml: Same case under the bundled policy: waits "
            "for the district directory and online share -> undetermined"
        ),
        (
            f"{INDENT}waiting for parameters not supplied: "
            "apprenticeship.online_share_max, apprenticeship.occupation_directory"
        ),
        (
            "ok   apprenticeship-case.toml: Apprentice did not qualify: ineligible, "
            "nothing paid -> ineligible"
        ),
        "3 passed, 0 failed",
    ]
    assert after(
        chinese.stdout.splitlines(), "ok   apprenticeship-case.toml: Same"
    ) == (
        f"{INDENT}尚缺参数（未提供）：apprenticeship.online_share_max、"
        "apprenticeship.occupation_directory"
    )


def test_summary_names_parameters_not_in_force_and_bounds_a_long_list() -> None:
    """After a measure ends its figures are not in force; twelve names are cut to
    six of a kind, with how many more."""
    prepayment = skillchain(
        "check",
        "examples/cases/apprenticeship-prepayment.toml",
        "--summary",
        "--lang",
        "en",
    )
    assert prepayment.returncode == 0
    assert after(
        prepayment.stdout.splitlines(),
        "ok   apprenticeship-prepayment.toml: Asked 2026",
    ) == (
        f"{INDENT}waiting for parameters not in force: "
        "apprenticeship.prepayment_share_filed, apprenticeship.prepayment_request_months"
    )
    craftsman = skillchain(
        "check", "examples/cases/craftsman-selection.toml", "--summary", "--lang", "en"
    )
    line = after(craftsman.stdout.splitlines(), "ok   craftsman-selection.toml: 2027")
    assert line.startswith(
        f"{INDENT}waiting for facts: application.equivalent_level, "
        "application.other_merit; parameters not in force: craftsman."
    )
    assert line.endswith(", … (4 more)")
    chinese = skillchain(
        "check", "examples/cases/craftsman-selection.toml", "--summary"
    )
    line = after(chinese.stdout.splitlines(), "ok   craftsman-selection.toml: 2027")
    assert line.startswith(f"{INDENT}尚缺事实：application.equivalent_level、")
    assert line.endswith(" 等 10 项")


def test_summary_names_unknown_facts_of_a_fact_file_and_of_a_failing_case(
    tmp_path: Path,
) -> None:
    """A fact given as null is named; a case expected eligible that comes out
    undetermined shows what it waits for above its differences."""
    facts = tmp_path / "claim.json"
    facts.write_text(
        json.dumps(
            [
                {"entitlement": None, "prepaid": "0.00", "training_end": "2025-09-01"},
                {
                    "entitlement": "100.00",
                    "prepaid": "0.00",
                    "training_end": "2025-09-01",
                },
            ]
        ),
        encoding="utf-8",
    )
    result = skillchain(
        "check",
        str(facts),
        "--rule",
        "apprenticeship.settlement",
        "--on",
        "2025-10-08",
        "--summary",
        "--lang",
        "en",
    )
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "ok   claim.json: #1 -> undetermined",
        f"{INDENT}waiting for facts: entitlement",
        "ok   claim.json: #2 -> eligible 100.00",
        "2 passed, 0 failed",
    ]
    case = tmp_path / "wrong.toml"
    case.write_text(
        'name = "Expected eligible"\nrule = "apprenticeship.settlement"\n'
        'on = 2025-10-08\n[facts]\nprepaid = "0.00"\ntraining_end = 2025-09-01\n'
        '[expect]\noutcome = "eligible"\namount = "100.00"\n',
        encoding="utf-8",
    )
    failing = skillchain("check", str(case), "--summary", "--lang", "en")
    assert failing.returncode == 1
    assert failing.stdout.splitlines() == [
        "FAIL wrong.toml: Expected eligible -> undetermined",
        f"{INDENT}waiting for facts: entitlement",
        f"{INDENT}- outcome: expected eligible, got undetermined",
        f"{INDENT}- amount: expected 100.00, got no amount",
        "0 passed, 1 failed",
    ]


# -- 2. a fact file's errors are a fact file's -----------------------------------

BAD_ENROLMENT: Final = {
    "enrolment": {
        "person": None,
        "programme": {"enterprise": True, "modes": "dual_mentors"},
        "contract": False,
        "hire_kind": None,
        "skill_post": "yes",
        "extra": 1,
    },
    "shortage_occupation": "no",
}


def test_fact_file_errors_are_headed_as_a_fact_files(tmp_path: Path) -> None:
    """`check f.json --rule apprenticeship.case`: "fact file is malformed", each
    problem with its JSON path; case files keep their own heading."""
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps(BAD_ENROLMENT), encoding="utf-8")
    result = skillchain(
        "check", str(facts), "--rule", "apprenticeship.case", "--on", "2024-06-01"
    )
    assert result.returncode == 2
    assert result.stdout == ""
    head, *problems = result.stderr.splitlines()
    assert re.fullmatch(r"skillchain: fact file is malformed \(\d+ problems\):", head)
    assert "case file" not in result.stderr
    assert all(line.startswith(f"  - {facts}: ") for line in problems)
    case = tmp_path / "case.toml"
    case.write_text('name = "x"\nrule = "apprenticeship.case"\n', encoding="utf-8")
    toml = skillchain("check", str(case))
    assert toml.stderr.startswith("skillchain: case files are malformed (")


def test_fact_file_error_is_a_case_file_error(tmp_path: Path) -> None:
    """load_facts raises FactFileError, which callers catching CaseFileError catch;
    problems in two files make the heading plural."""
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"prepaid": 1.5}), encoding="utf-8")
    with pytest.raises(CaseFileError) as raised:
        load_facts(facts, rule="apprenticeship.settlement", on=date(2025, 10, 8))
    assert type(raised.value) is FactFileError
    assert str(raised.value).startswith("fact file is malformed (1 problem):")
    two = FactFileError(
        [
            CaseProblem(file="a.json", path="x", message="bad"),
            CaseProblem(file="b.json", path="x", message="bad"),
        ]
    )
    assert str(two).startswith("fact files are malformed (2 problems):")
    with pytest.raises(CaseFileError) as toml:
        load_cases(_write(tmp_path / "c.toml", 'name = "x"\n'))
    assert type(toml.value) is CaseFileError


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- 3. simulate reports every bad CSV line ---------------------------------------


def population_rows() -> tuple[str, list[str]]:
    """The bundled population's header and its first data rows."""
    with POPULATION.open(encoding="utf-8") as stream:
        header = stream.readline().rstrip("\n")
        rows = [stream.readline().rstrip("\n") for _ in range(8)]
    return header, rows


def bad_population(path: Path) -> Path:
    """A CSV population with a bad row of each kind, a quote left open among them."""
    header, rows = population_rows()
    lines = [
        header,
        rows[0],  # 2
        rows[1] + ",extra",  # 3: too many cells
        "A9,2025-08-01,short",  # 4: too few
        rows[2],  # 5
        "",  # 6: an empty line is skipped
        rows[3].replace(rows[3].split(",")[1], "2025-13-01", 1),  # 7: bad on
        "A7,2025-08-01,\xff",  # 8: not UTF-8 (written below)
        rows[4],  # 9
        '"open' + rows[5][len(rows[5].split(",")[0]) :],  # 10: a quote left open
        rows[6],  # 11
        rows[7],  # 12
    ]
    data = "\n".join(lines).encode("utf-8").replace("\xff".encode(), b"\xff")
    path.write_bytes(data + b"\n")
    return path


EXPECTED_BAD: Final = [
    "  - line 3: expected 29 cells as in the header, got 30",
    "  - line 4: expected 29 cells as in the header, got 3",
    '  - line 7: on: expected a date like 2024-01-31, got "2025-13-01"',
    "  - line 8: not UTF-8 text: byte 15 of the line cannot be read (invalid start byte)",
    (
        "  - line 10: not valid CSV: a quote opened on this line is not closed (the file "
        "ends inside it); the next lines are read again"
    ),
]


def simulate(
    *argv: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """``simulate`` with the example's rule and policies, as JSON."""
    return skillchain(
        "simulate",
        *argv,
        "--rule",
        "apprenticeship.case",
        "--baseline",
        str(DIRECTORY),
        "--reform",
        str(REFORM),
        "--json",
        stdin=stdin,
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_bad_row_is_reported_and_the_rows_after_an_open_quote_count(
    tmp_path: Path, workers: str
) -> None:
    """Too many or too few cells, a bad day, a byte that is not UTF-8 and a quote
    left open: each is one bad row on its own line; the two rows after the open
    quote are decided; one worker or two, the same output."""
    path = bad_population(tmp_path / "bad.csv")
    result = simulate(str(path), "--workers", workers)
    assert result.returncode == 2
    summary = json.loads(result.stdout)
    assert (summary["cases"], summary["refused"]) == (5, 5)
    head, *listed = result.stderr.splitlines()
    assert head == (
        f"skillchain: simulate: population {path}: 5 of 10 rows refused (not counted "
        "in the summary):"
    )
    assert listed == EXPECTED_BAD


def test_standard_input_reports_the_same_bad_rows(tmp_path: Path) -> None:
    """Read from a pipe (in chunks, with two workers): the same rows, the same list."""
    data = bad_population(tmp_path / "bad.csv").read_bytes()
    result = simulate("-", "--workers", "2", stdin=data)
    assert json.loads(result.stdout)["cases"] == 5
    assert result.stderr.splitlines()[1:] == EXPECTED_BAD


def test_a_quote_closed_lines_later_spoils_one_row_only(tmp_path: Path) -> None:
    """An open quote that a later row's quoted cell seems to close: the row it opens
    on is refused, the rows it ran into are read again."""
    header, rows = population_rows()
    quoted = rows[2].replace(rows[2].split(",")[5], '"Smith, J"', 1)
    lines = [header, '"' + rows[0], rows[1], quoted, rows[3]]
    path = tmp_path / "quoted.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = simulate(str(path))
    assert json.loads(result.stdout)["cases"] == 3
    assert result.stderr.splitlines()[1:] == [
        (
            "  - line 2: not valid CSV: a quote opened on this line is not closed (line 4: "
            "',' expected after '\"'); the next lines are read again"
        )
    ]


def test_many_bad_rows_are_all_counted_and_the_list_is_bounded(tmp_path: Path) -> None:
    """Forty open quotes, one every other line: forty bad rows counted, twenty
    listed, then how many more; every good row decided."""
    header, rows = population_rows()
    lines = [header]
    for index in range(40):
        lines.extend(['"' + rows[index % 8], rows[(index + 1) % 8]])
    path = tmp_path / "quotes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = simulate(str(path))
    assert result.returncode == 2
    assert json.loads(result.stdout)["cases"] == 40
    listed = result.stderr.splitlines()
    assert "40 of 80 rows refused" in listed[0]
    assert listed[1].startswith(
        "  - line 2: not valid CSV: a quote opened on this line"
    )
    assert len(listed) == 1 + 20 + 1
    assert listed[-1] == "  … and 20 more"


def test_a_record_longer_than_a_line_may_be_is_given_up(tmp_path: Path) -> None:
    """Quoted cells with line breaks, each closing one quote and opening the next,
    for over 1 MiB: refused where they start; no line is read more than twice (so
    the file reads in linear time), and the row after them is decided."""
    path = tmp_path / "long.csv"
    cells = ",".join(['"' + "a" * 1000 + '\nb"'] * 2500)
    path.write_text(
        f"{parallel_tests.SETTLEMENT_HEADER}\n{cells}\n"
        "r1,2025-10-08,28000.00,0.00,2025-09-01\n",
        encoding="utf-8",
    )
    bad: list[Any] = []
    found = list(
        read_population_lines(path, "apprenticeship.settlement", on_bad_row=bad.append)
    )
    assert [case.name for _, case in found] == ["r1"]
    assert bad[0].line == 2
    assert "the row runs on for more than 1,048,576 bytes" in str(bad[0])
    assert "read twice already, are left out" in str(bad[1])
    assert len(bad) < 10


@st.composite
def populations(draw: st.DrawFn) -> list[str]:
    """Settlement rows, some broken, with quotes left open anywhere."""
    kinds = draw(
        st.lists(
            st.sampled_from(["good"] * 5 + ["short", "quoted break", "open quote"]),
            max_size=25,
        )
    )
    return [
        parallel_tests.settlement_row(index, kind) for index, kind in enumerate(kinds)
    ]


@given(rows=populations(), part_bytes=st.integers(1, 700))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_open_quotes_anywhere_read_alike_by_parts(
    tmp_path_factory: pytest.TempPathFactory, rows: list[str], part_bytes: int
) -> None:
    """Quotes left open in the middle of a file: the workers' parts give the cases,
    bad rows and changes of the file read whole."""
    path = tmp_path_factory.mktemp("quotes") / "settlements.csv"
    path.write_text(
        "\n".join([parallel_tests.SETTLEMENT_HEADER, *rows]) + "\n", encoding="utf-8"
    )
    rule = parallel_tests.SETTLEMENT
    reform = REFUND_6
    whole = parallel_tests.whole_file(path, rule, Policy.default(), reform)
    parts = parallel_tests.by_parts(path, rule, Policy.default(), reform, part_bytes)
    assert parts == whole
    line, opened = 2, set()
    for row in rows:
        if row.startswith('"r') and row.count('"') == 1:
            opened.add(line)
        line += row.count("\n") + 1
    assert opened <= {seen[1] for seen in whole[1] if seen[0] == "bad"}


# -- 4. values in plain words, never Python reprs -----------------------------------


def test_params_shows_a_set_of_kinds_in_words() -> None:
    """The hire kinds an apprentice may come as: labels, not a frozenset repr."""
    result = skillchain(
        "params",
        "apprenticeship.eligible_hire_kinds",
        "--on",
        "2024-06-01",
        "--lang",
        "en",
    )
    assert result.returncode == 0
    value = next(line for line in result.stdout.splitlines() if "value:" in line)
    assert "new hire" in value
    assert "frozenset" not in result.stdout
    assert "<HireKind" not in result.stdout
    history = skillchain("params", "apprenticeship.eligible_hire_kinds", "--history")
    assert "frozenset" not in history.stdout
    assert "HireKind" not in history.stdout


def test_changed_cases_list_differences_in_words(tmp_path: Path) -> None:
    """--changed: an amount that appears is "no amount → …", missing names are
    listed without brackets; no None, no list repr."""
    header, _ = population_rows()
    with POPULATION.open(encoding="utf-8") as stream:
        rows = stream.read().splitlines()[1:400]
    path = tmp_path / "some.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    changed = tmp_path / "changed.jsonl"
    result = simulate(str(path), "--changed", str(changed))
    assert result.returncode == 0
    lines = [
        line
        for record in map(json.loads, changed.read_text(encoding="utf-8").splitlines())
        for line in record["differences"]
    ]
    assert any(line.startswith("amount: no amount → ") for line in lines)
    text = "\n".join(lines)
    assert "None" not in text
    assert "['" not in text
    assert "[]" not in text


def test_check_shows_a_missing_amount_in_words(tmp_path: Path) -> None:
    """A case expected to pay that pays nothing: "got no amount", in --json too."""
    case = _write(
        tmp_path / "refund.toml",
        'name = "Refund"\nrule = "apprenticeship.settlement"\non = 2025-10-08\n'
        '[facts]\nentitlement = "28000.00"\nprepaid = "56000.00"\n'
        'training_end = 2025-09-01\n[expect]\noutcome = "eligible"\n'
        'amount = "28000.00"\n',
    )
    result = skillchain("check", str(case), "--json")
    assert result.returncode == 1
    (record,) = json.loads(result.stdout)
    assert "amount: expected 28000.00, got no amount" in record["differences"]
    assert "None" not in result.stdout


def test_a_finding_value_that_is_a_collection_is_shown_in_words() -> None:
    """A plugin's rule may show a set or a tuple: labels joined, never a repr."""
    from skillchain.model import HireKind

    finding = Finding(
        check="plugin.kinds",
        held=False,
        values=(("kinds", frozenset({HireKind.TRANSFEREE, HireKind.NEW_HIRE})),),  # type: ignore[arg-type]
    )
    assert finding.reason("en") == "plugin.kinds: kinds=new hire, transferee"
    assert "frozenset" not in finding.reason("zh")


# -- 5. errors in JSON input speak JSON ---------------------------------------------

PYTHON_WORDS: Final = re.compile(
    r"\bNone\b|\bTrue\b|\bFalse\b|frozenset\(|\bset\(|<[A-Z]\w*\.[A-Z_]+:"
    r"|\ba [AEIOaeio]\w*|NoneType|Decimal\(|datetime\.|\b(?:str|int|tuple)\b"
)
"""What a message for JSON input never says: Python's words, a repr, "a" before a vowel."""

QUOTED: Final = re.compile(r'"(?:[^"\\]|\\.)*"')
"""A JSON string a message quotes (the input's own text, whatever it says)."""


def python_words(messages: list[str]) -> list[str]:
    """The messages that use Python's words outside the JSON strings they quote."""
    return [m for m in messages if PYTHON_WORDS.search(QUOTED.sub('""', m))]


def test_json_errors_in_a_fact_file_speak_json(tmp_path: Path) -> None:
    """null, true and text at every level of an apprentice's enrolment, through
    the command line: JSON words, "an ApprenticeEnrolment", no Python."""
    facts = tmp_path / "f.json"
    document = json.loads(json.dumps(BAD_ENROLMENT))
    document["enrolment"].update({f"unknown_{i}": i for i in range(3)})
    facts.write_text(json.dumps(document), encoding="utf-8")
    result = skillchain(
        "check", str(facts), "--rule", "apprenticeship.case", "--on", "2024-06-01"
    )
    assert result.returncode == 2
    messages = result.stderr.splitlines()[1:]
    assert python_words(messages) == []
    assert any("an ApprenticeEnrolment has no such key" in m for m in messages)
    assert any(
        m.endswith("enrolment.person: expected an object (Person), got null")
        for m in messages
    )
    assert any(
        m.endswith("enrolment.contract: expected an object (LabourContract), got false")
        for m in messages
    )
    assert any(
        'enrolment.programme.modes: expected an array, got "dual_mentors"' in m
        for m in messages
    )


def test_a_string_or_null_for_a_list_of_records_is_one_problem(tmp_path: Path) -> None:
    """history and enrolments are arrays: a string is not read letter by letter,
    and null is "expected an array, got null"."""
    for value, shown in (("abc", '"abc"'), (None, "null")):
        facts = tmp_path / "history.json"
        facts.write_text(
            json.dumps({"claim": None, "history": value}), encoding="utf-8"
        )
        result = skillchain(
            "check", str(facts), "--rule", "subsidy.cap", "--on", "2024-06-01"
        )
        assert result.returncode == 2
        assert f"history: expected an array, got {shown}" in result.stderr
        assert "history[0]" not in result.stderr
        assert "NoneType" not in result.stderr


CHECK_RANGES: Final = [
    # (rule, facts, path, value): values the model's checks refuse.
    ("apprenticeship.case", "enrolment.programme.planned_months", -1),
    ("apprenticeship.case", "enrolment.programme.online_hours", "-1"),
    ("apprenticeship.case", "enrolment.programme.institution.name", " "),
    ("rewards.occupational", "claim.top_up", True),
    ("institutions.filing", "filing.political_rights_and_full_capacity", True),
]


def example_facts(rule_id: str) -> dict[str, Any]:
    """The JSON facts of the first example case of *rule_id*."""
    from skillchain.cases import load_directory

    for case in load_directory(EXAMPLES / "cases", overlay_root=EXAMPLES):
        if case.rule.id == rule_id and all(v is not None for v in case.facts.values()):
            return {k: unstructure(v) for k, v in case.facts.items()}
    raise AssertionError(rule_id)


def put(document: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """*document* with the value at the dotted *path* replaced."""
    copy: dict[str, Any] = json.loads(json.dumps(document))
    *steps, last = path.split(".")
    target = copy
    for step in steps:
        target = target[step]
    target[last] = value
    return copy


@pytest.mark.parametrize(("rule_id", "path", "value"), CHECK_RANGES)
def test_the_models_own_checks_speak_json(
    rule_id: str, path: str, value: object
) -> None:
    """A value of the right JSON kind that a model check refuses: "integer",
    "string", "amount", "null", "true", never Python's words."""
    rule = get_rule(rule_id)
    from skillchain._facts import fact_reader

    document = put(example_facts(rule_id), path, value)
    problems: list[tuple[str, str]] = []
    fact_reader(rule).structure(
        document, "", lambda at, m: problems.append((at, m)), shape=False
    )
    assert problems, document
    assert python_words([m for _, m in problems]) == [], problems


JSON_VALUES: Final[list[object]] = [
    None,
    True,
    False,
    "text",
    "",
    1.5,
    -1,
    0,
    10**30,
    [],
    {},
    ["x"],
    [None],
]


def paths(
    value: object, at: tuple[str | int, ...] = ()
) -> Iterator[tuple[str | int, ...]]:
    """Every path inside a JSON *value*."""
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*at, index))


def replaced(document: object, at: tuple[str | int, ...], value: object) -> object:
    """*document* with *value* at *at*."""
    if not at:
        return value
    copy: Any = json.loads(json.dumps(document))
    target = copy
    for step in at[:-1]:
        target = target[step]
    target[at[-1]] = value
    return copy


def test_every_level_of_an_enrolment_with_every_json_kind_speaks_json() -> None:
    """The table: each JSON kind at each place of an apprentice's enrolment; no
    message says None, True, False, a repr or "a" before a vowel."""
    from skillchain.model import ApprenticeEnrolment

    document = example_facts("apprenticeship.case")["enrolment"]
    messages: list[str] = []
    for at in paths(document):
        for value in JSON_VALUES:
            try:
                structure(replaced(document, at, value), ApprenticeEnrolment)
            except InputError as error:
                messages.extend(p.message for p in error.problems)
    assert len(messages) > 500
    assert python_words(messages) == []


@equivalence.by_type
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_structuring_errors_never_use_pythons_words(
    cls: type, data: st.DataObject
) -> None:
    """Any public record changed in up to three places: its problems, on the fast
    path (which falls back to cattrs) and the checked one alike, speak JSON."""
    document: object = equivalence.through_json(data.draw(st.from_type(cls)))
    for _ in range(data.draw(st.integers(1, 3))):
        document = data.draw(
            equivalence.changed(document, equivalence.leaves(document))
        )
    messages: list[str] = []
    for converter in (equivalence.FAST, equivalence.CHECKED):
        try:
            converter.structure(document, cls)
        except InputError as error:
            messages.extend(p.message for p in error.problems)
    assert python_words(messages) == []


def test_population_rows_refused_by_a_model_check_speak_json() -> None:
    """A JSON Lines population whose months are negative: "integer", not "int"."""
    case = next(synthetic_apprentices(1))
    facts = {key: unstructure(value) for key, value in case.facts.items()}
    facts["enrolment"]["programme"]["planned_months"] = -1
    line = json.dumps({"on": case.on.isoformat(), **facts}, ensure_ascii=False)
    result = simulate("-", stdin=(line + "\n").encode("utf-8"))
    assert result.returncode == 2
    assert "expected an integer of at least 1" in result.stderr
    assert python_words(result.stderr.splitlines()[1:]) == []
