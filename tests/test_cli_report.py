"""Tests for ``skillchain report``: its figures against counts made independently.

The example case files are decided again here and their decisions counted by
hand; the example population's rows are read with the csv module and its
decisions summed by :func:`skillchain.simulation.simulate`, a path that shares
nothing with the statistics.
"""

import collections
import csv
import io
import json
import re
import subprocess
import sys
import types

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from skillchain.cases import check_case, load_directory
from skillchain.cli import main
from skillchain.simulation import simulate
from worker_rules import BASELINE, BUNDLED_CSV, DIRECTORY


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATASET = EXAMPLES / "statistics" / "futian-illustrative.jsonl"


def command(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m skillchain report …`` from the root of the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "skillchain", "report", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def figures(
    text: str,
) -> dict[tuple[str, str | None, str, tuple[tuple[str, str], ...]], Any]:
    """The figures of ``--json`` output by (programme, period, measure, breakdown)."""
    return {
        (
            f["programme"],
            f["period"],
            f["measure"],
            tuple(sorted((dim, value) for dim, value in f["breakdown"])),
        ): f["value"]
        for f in json.loads(text)["figures"]
    }


def test_the_example_cases() -> None:
    """Each rule's cases by outcome and amounts, as deciding the files again gives."""
    result = command("examples/cases", "--overlay-root", "examples", "--json")
    assert result.returncode == 0, result.stderr
    found = figures(result.stdout)
    outcomes: collections.Counter[tuple[str, str]] = collections.Counter()
    paid: dict[str, Decimal] = collections.defaultdict(Decimal)
    for case in load_directory(EXAMPLES / "cases", overlay_root=EXAMPLES):
        decision = check_case(case).decision
        outcomes[decision.rule, decision.outcome.value] += 1
        if decision.amount is not None:
            paid[decision.rule] += decision.amount
    assert outcomes
    for (rule, outcome), count in outcomes.items():
        programme = rule.partition(".")[0]
        key = (programme, None, "cases", (("outcome", outcome), ("rule", rule)))
        assert found[key] == count, (rule, outcome)
    rules = {rule for rule, _ in outcomes}
    for rule in rules:
        programme = rule.partition(".")[0]
        total = sum(n for (r, _), n in outcomes.items() if r == rule)
        assert found[programme, None, "cases", (("rule", rule),)] == total
        if rule in paid:
            amount = found[programme, None, "amount_paid", (("rule", rule),)]
            assert Decimal(amount) == paid[rule]
    # The settlement example asks for a refund of 28 000 yuan.
    owed = (("rule", "apprenticeship.settlement"),)
    assert Decimal(found["apprenticeship", None, "amount_owed", owed]) == 28000


def test_the_example_population() -> None:
    """The population under the example directory: decisions and records."""
    result = command(
        "--population",
        str(BUNDLED_CSV.relative_to(ROOT)),
        "--rule",
        "apprenticeship.case",
        "--policy",
        str(DIRECTORY.relative_to(ROOT)),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    found = figures(result.stdout)
    summary = simulate(
        BUNDLED_CSV, rule="apprenticeship.case", baseline=BASELINE, reform=BASELINE
    )
    rule = "apprenticeship.case"
    for outcome, count in (
        ("eligible", summary.baseline.eligible),
        ("ineligible", summary.baseline.ineligible),
        ("undetermined", summary.baseline.undetermined),
    ):
        key = ("apprenticeship", None, "cases", (("outcome", outcome), ("rule", rule)))
        assert found[key] == count
    paid = found["apprenticeship", None, "amount_paid", (("rule", rule),)]
    assert Decimal(paid) == summary.baseline_total
    with BUNDLED_CSV.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    headline = ("apprenticeship", None)
    assert found[*headline, "apprentices", ()] == len(rows)
    assert found[*headline, "apprentice_people", ()] == len(
        {row["enrolment.person.id"] for row in rows}
    )
    assert found[*headline, "enterprises", ()] == len(
        {row["enrolment.programme.enterprise"] for row in rows}
    )
    for occupation, count in collections.Counter(
        row["enrolment.programme.occupation"] for row in rows
    ).items():
        by = (("occupation", occupation),)
        assert found[*headline, "apprentices", by] == count
    # No identity number of the population, whole or its first 14 digits.
    ids = {row["enrolment.person.id"] for row in rows}
    text = command(
        "--population",
        str(BUNDLED_CSV.relative_to(ROOT)),
        "--rule",
        "apprenticeship.case",
        "--policy",
        str(DIRECTORY.relative_to(ROOT)),
    ).stdout
    for output in (result.stdout, text):
        assert not ids & set(re.findall(r"[0-9]{17}[0-9X]", output))
        assert not {i[:14] for i in ids} & set(re.findall(r"[0-9]{14}", output))


def test_the_illustrative_dataset_in_both_languages() -> None:
    """The dataset's headline figures, in Chinese by default and in English."""
    lines = [
        json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()
    ]
    person_times = sum(
        entry["data"]["person_times"]
        for entry in lines
        if entry.get("type") == "TrainingTally"
    )
    zh = command(str(DATASET.relative_to(ROOT)))
    assert zh.returncode == 0, zh.stderr
    assert "公益性职业技能培训（public_training）" in zh.stdout
    assert re.search(rf"^培训人次 +{person_times:,} ", zh.stdout, re.MULTILINE)
    assert re.search(r"^企业数 +18 +18 +18 +18 +18 ", zh.stdout, re.MULTILINE)
    assert re.search(r"^推荐专家人数 +6 +6 ", zh.stdout, re.MULTILINE)
    en = command(str(DATASET.relative_to(ROOT)), "--lang", "en")
    assert en.returncode == 0, en.stderr
    assert re.search(
        r"^filing applications · filed( +4){6} +24 ", en.stdout, re.MULTILINE
    )
    assert re.search(r"^chain leaders +3 +— +3 ", en.stdout, re.MULTILINE)
    assert re.search(r"^chain-leader applicants +— +4 +4 ", en.stdout, re.MULTILINE)
    spanned = command(
        str(DATASET.relative_to(ROOT)), "--span", "2020-2023", "--lang", "en"
    )
    assert re.search(r"^apprentices enrolled +111 +111 ", spanned.stdout, re.MULTILINE)


def test_bad_lines_are_listed_and_the_rest_counted(tmp_path: Path) -> None:
    """Exit 2; the bad lines by number, masked; the good ones still counted."""
    good = DATASET.read_text(encoding="utf-8").splitlines()[1:3]
    file = tmp_path / "some.jsonl"
    file.write_text(
        "\n".join([good[0], '{"type": "440304199001010011", "data": {}}', "{", good[1]])
        + "\n",
        encoding="utf-8",
    )
    result = command(str(file), "--lang", "en", "--json")
    assert result.returncode == 2
    assert (
        "line 2: type: '440304********0011' is not a counted record type"
        in result.stderr
    )
    assert "line 3: not JSON" in result.stderr
    assert "2 bad lines" in result.stderr
    assert "440304199001010011" not in result.stderr + result.stdout
    found = figures(result.stdout)
    assert found["public_training", None, "person_times", ()] > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give JSON Lines files"),
        (["--population", "x.csv"], "--population needs --rule"),
        (
            ["--rule", "apprenticeship.case", "examples/cases"],
            "--rule decides a --population",
        ),
        (["nowhere.jsonl"], "nowhere.jsonl: no such file or directory"),
        (
            ["examples/population/apprentices-10000.csv"],
            "a population goes with --population",
        ),
        (
            ["--population", "x.csv", "--rule", "apprenticeship.cas"],
            "closest: apprenticeship.case",
        ),
        (
            ["--population", "nowhere.csv", "--rule", "apprenticeship.case"],
            "no such file",
        ),
        (["examples/statistics", "--chart", "out.pdf"], "expected a .png or .svg"),
        (["examples/statistics", "--chart", "nowhere/out.png"], "no such folder"),
    ],
)
def test_bad_input_exits_2_without_a_traceback(argv: list[str], message: str) -> None:
    """A message on standard error, status 2, nothing on standard output."""
    result = command(*argv)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_bad_span_is_a_usage_error() -> None:
    """--span takes two years in order."""
    result = command("examples/statistics", "--span", "2023-2020")
    assert result.returncode == 2
    assert "expected two years like 2020-2023" in result.stderr


def test_chart_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--chart without the charts extra: the figures, then status 2 naming the extra."""
    monkeypatch.setitem(sys.modules, "skillchain.charts", None)
    out = io.StringIO()
    status = main(["report", str(DATASET), "--chart", str(tmp_path / "f.png")], out=out)
    assert status == 2
    assert "pip install 'skillchain[charts]'" in capsys.readouterr().err
    assert "培训人次" in out.getvalue()


def test_chart_with_the_charts_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--chart hands the headline counts to skillchain.charts.bar_chart."""
    drawn: list[tuple[str, Any, Path, str]] = []

    def bar_chart(
        title: str,
        series: Any,
        path: Path,
        *,
        lang: str = "zh",
        unit: str | None = None,
    ) -> Path:
        del unit
        drawn.append((title, series, path, lang))
        path.write_bytes(b"<svg/>")
        return path

    fake = types.ModuleType("skillchain.charts")
    fake.bar_chart = bar_chart  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "skillchain.charts", fake)
    target = tmp_path / "figures.svg"
    status = main(["report", str(DATASET), "--chart", str(target), "--lang", "en"],
                  out=io.StringIO())  # fmt: skip
    assert status == 0
    assert target.read_bytes() == b"<svg/>"
    ((title, series, path, lang),) = drawn
    assert (title, path, lang) == ("Programme figures", target, "en")
    (group,) = series.values()
    assert group["Skill chains · chain leaders"] == 3
    assert group["Guidance-expert recommendation · experts recommended"] == 6
