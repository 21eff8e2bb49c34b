"""Tests for the command line (``skillchain params``)."""

import io
import subprocess
import sys

from pathlib import Path

import pytest

from skillchain.__main__ import main


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (status, stdout)."""
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_params_prints_values_documents_and_provenance_in_english() -> None:
    """The rates of 2024 with the Longgang FAQ as source and official provenance."""
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
    assert "  provenance: official" in lines
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
