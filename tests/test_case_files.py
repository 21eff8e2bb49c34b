"""Tests for case files: the examples for every rule, the loader and its errors."""

from decimal import Decimal
from pathlib import Path

import pytest

from skillchain import Outcome
from skillchain.cases import (
    CaseFile,
    CaseFileError,
    assert_case,
    check_case,
    check_directory,
    load_cases,
    load_directory,
)
from skillchain.rules import rules


EXAMPLES = Path(__file__).parent.parent / "examples" / "cases"
CASES = load_directory(EXAMPLES, overlay_root=EXAMPLES.parent)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_example_case_file(case: CaseFile) -> None:
    """Each example case is decided as its file expects."""
    assert_case(case)


def test_every_rule_has_an_eligible_and_another_example() -> None:
    """Every registered rule has an eligible example and an ineligible or undetermined one."""
    for rule in rules():
        outcomes = {
            c.expect.outcome for c in CASES if c.rule is rule and c.expect is not None
        }
        assert Outcome.ELIGIBLE in outcomes, rule.id
        assert outcomes - {Outcome.ELIGIBLE}, rule.id


def test_check_directory_checks_every_example() -> None:
    """check_directory loads and checks every case under a folder."""
    results = check_directory(EXAMPLES, overlay_root=EXAMPLES.parent)
    assert len(results) == len(CASES)
    assert all(r.passed for r in results)


def write(folder: Path, name: str, text: str) -> Path:
    """Write a case file into *folder*."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


SETTLEMENT = """
name = "Balance after prepayment"
rule = "apprenticeship.settlement"
on = 2025-10-08
[facts]
entitlement = "140000.00"
prepaid = "56000.00"
training_end = 2025-09-01
[expect]
outcome = "eligible"
amount = "{amount}"
"""


def test_one_case_file_and_its_facts(tmp_path: Path) -> None:
    """A file with keys at the top holds one case; facts are structured by type hint."""
    (case,) = load_cases(write(tmp_path, "one.toml", SETTLEMENT.format(amount="84000")))
    assert case.path == ""
    assert case.id == "one.toml::Balance after prepayment"
    assert case.facts["prepaid"] == Decimal("56000.00")
    assert case.expect is not None
    assert case.expect.amount == Decimal(84000)
    assert check_case(case).passed  # 84000 equals 84000.00


def test_a_wrong_expectation_is_reported(tmp_path: Path) -> None:
    """A failed expectation names what differs and explains the decision."""
    (case,) = load_cases(write(tmp_path, "one.toml", SETTLEMENT.format(amount="80000")))
    result = check_case(case)
    assert result.differences == ("amount: expected 80000, got 84000.00",)
    with pytest.raises(AssertionError) as raised:
        assert_case(case)
    assert "NOT as expected" in str(raised.value)
    assert "amount: 84000.00 yuan" in str(raised.value)


def test_left_out_unknown_fact_is_none(tmp_path: Path) -> None:
    """A fact that may be unknown is None when left out (TOML has no null)."""
    text = SETTLEMENT.replace('entitlement = "140000.00"\n', "").replace(
        'outcome = "eligible"\namount = "{amount}"',
        'outcome = "undetermined"\nmissing = ["entitlement"]',
    )
    (case,) = load_cases(write(tmp_path, "unknown.toml", text))
    assert case.facts["entitlement"] is None
    assert check_case(case).passed


def test_errors_name_the_file_the_path_and_the_problem(tmp_path: Path) -> None:
    """Every problem of a malformed file is listed at once, with its TOML path."""
    path = write(
        tmp_path,
        "bad.toml",
        """
rule = "apprenticeship.prepayment"
colour = "red"

[[case]]
name = "bad facts"
on = 2024-01-01
[case.facts]
apprentices = 1.5
sheme = "filed"
[case.facts.programme]
enterprise = "9144030400000000J0"
institution = { name = "x", kind = "nope" }
occupation = "6-31-01-03"
target_level = "advanced"
start = "2024-13-01"
planned_months = 24
modes = ["work_study_alternation"]
status = "applied"
[case.expect]
outcome = "fine"
failed = ["apprenticeship.prepayment.nope"]

[[case]]
name = "bad top"
on = 2024-01-01T10:00:00
rule = "apprenticeship.prepaymnt"
overlay = "missing.toml"
[case.expect]
outcome = "ineligible"
amount = "5"
""",
    )
    with pytest.raises(CaseFileError) as raised:
        load_cases(path)
    found = {(p.path, p.message.split(" (")[0]) for p in raised.value.problems}
    file = str(path)
    assert all(p.file == file for p in raised.value.problems)
    paths = [p.path for p in raised.value.problems]
    assert paths == [
        "colour",
        "case[0].facts.sheme",
        "case[0].facts.programme.institution.kind",
        "case[0].facts.programme.start",
        "case[0].facts.apprentices",
        "case[0].expect.outcome",
        "case[0].expect.failed",
        "case[1].rule",
        "case[1].on",
        "case[1].overlay",
        "case[1].expect.amount",
    ]
    assert (
        "case[1].on",
        "expected a TOML date like 2024-06-01, got a date and time",
    ) in found
    messages = dict(found)
    assert 'did you mean "scheme"?' in str(raised.value)
    assert messages["case[0].facts.programme.start"].startswith("expected a date")
    assert "closest: apprenticeship.prepayment" in messages["case[1].rule"]
    assert (
        "only an eligible decision carries an amount"
        in messages["case[1].expect.amount"]
    )


def test_identity_numbers_are_masked_in_errors(tmp_path: Path) -> None:
    """A malformed identity number is reported masked."""
    text = """
name = "bad id"
rule = "ui_skill"
on = 2023-06-01
[facts]
contribution_months = 20
history = []
[facts.certificate]
holder = "440304199007150016"
kind = "skill_level"
issued_on = 2022-09-01
issuer_kind = "social_evaluation_organisation"
[expect]
outcome = "eligible"
"""
    with pytest.raises(CaseFileError) as raised:
        load_cases(write(tmp_path, "id.toml", text))
    (problem,) = raised.value.problems
    assert problem.path == "facts.certificate.holder"
    assert "440304199007150016" not in str(raised.value)


def test_a_directory_reports_every_file_at_once(tmp_path: Path) -> None:
    """Problems in several files come in one error; unreadable TOML is a file problem."""
    write(tmp_path, "a.toml", "name = \n")
    write(tmp_path, "b.toml", 'rule = "apprenticeship.settlement"\n')
    with pytest.raises(CaseFileError) as raised:
        load_directory(tmp_path)
    problems = raised.value.problems
    assert (Path(problems[0].file).name, problems[0].path) == ("a.toml", "(file)")
    assert {Path(p.file).name for p in problems} == {"a.toml", "b.toml"}
    assert {p.path for p in problems if p.file.endswith("b.toml")} >= {
        "name",
        "on",
        "expect",
        "facts.prepaid",
    }
