"""Hostile input through every subcommand of the command line.

Malformed (not UTF-8, truncated, wrong types), oversized (a 10 MB line or value),
deeply nested, BOM-prefixed and boundary-date inputs, all generated here: each
bad one exits 2 with one bounded paragraph on standard error and no traceback,
and no identity number is shown in full.  The inputs run in-process
(:func:`skillchain.cli.main`); two also run through ``python -m skillchain``.
"""

# The inputs are built by lambdas when a test runs, not when the module is imported.
# ruff: noqa: PLW0108

import io
import json
import re
import subprocess
import sys

from collections.abc import Callable
from pathlib import Path

import pytest

from skillchain.cli import main


ROOT = Path(__file__).resolve().parent.parent
REFORM = str(ROOT / "examples" / "overlays" / "illustrative-reform.toml")
ID = "440304199001010011"
BIG = 10 * 1024 * 1024
"""A 10 MB value."""
MESSAGE_LIMIT = 4000
LEAK = re.compile(r"\d{14}")
"""Fourteen digits in a row in a message: an identity number's division code and
birth date.  (Standard output may hold other long numbers, such as the digits of a
document's address, so there only the test's own number is looked for.)"""
SHOWN = ID[:14]

SETTLEMENT = {
    "entitlement": "140000.00",
    "prepaid": "56000.00",
    "training_end": "2025-09-01",
}
CASE_FILE = """\
rule = "apprenticeship.settlement"

[[case]]
name = "balance"
on = 2025-10-08

[case.facts]
entitlement = "140000.00"
prepaid = "56000.00"
training_end = 2025-09-01

[case.expect]
outcome = "eligible"
amount = "84000.00"
"""
BOM = b"\xef\xbb\xbf"


def call(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in-process; return (status, stdout, stderr)."""
    out = io.StringIO()
    try:
        status = main(argv, out=out)
    except SystemExit as exc:  # argparse's usage errors
        status = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return status, out.getvalue() + captured.out, captured.err


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Assert the CLI refuses *argv* properly; return its message."""
    status, out, err = call(argv, capsys)
    assert status == 2, (status, err[:500])
    assert err.startswith(("skillchain", "usage: skillchain")), err[:500]
    assert "Traceback" not in err
    assert len(err) < MESSAGE_LIMIT, err[:500]
    assert "\n\n" not in err.strip(), err  # one paragraph
    assert not LEAK.search(err), err
    assert SHOWN not in out
    return err


def accepted(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Assert the CLI accepts *argv* (status 0); return what it printed."""
    status, out, err = call(argv, capsys)
    assert status == 0, err[:1000]
    assert err == ""
    return out


def survives(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A boundary input: decided (0 or 1) or refused properly (2), never a crash."""
    status, out, err = call(argv, capsys)
    assert status in {0, 1, 2}, (status, err[:500])
    assert "Traceback" not in err
    assert len(err) < MESSAGE_LIMIT
    assert not LEAK.search(err)
    assert SHOWN not in out
    if status == 2:
        assert err.startswith("skillchain"), err[:500]


def deep(depth: int = 100_000) -> str:
    """A JSON/TOML array nested *depth* levels deep (never closed)."""
    return "[" * depth


def big_int(digits: int = 5000) -> str:
    """An integer Python refuses to convert from text (over 4 300 digits)."""
    return "1" * digits


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "argv",
    [
        ["params", "--on", ID],
        ["params", "--on", "2024-W01-1"],
        ["params", "--on", "20240101"],
        ["params", "--on", "1" * BIG],
        ["params", ID, "--on", "2024-01-01"],
        ["params", "x" * BIG, "--on", "2024-01-01"],
        ["params", ID, "--history"],
        ["params", "--lang", ID],
        ["params", "--policy", f"{ID}.toml", "--on", "2024-01-01"],
        ["params", "--on", "10000-01-01"],
        ["rules", "--lang", ID * 1000],
        ["rules", ID],
        ["schema", ID],
        ["schema", "S" * BIG],
        ["schema"],
        ["check", ID],
        ["check", f"{ID}/" * 1000],
        ["check", "x.json", "--rule", ID, "--on", "2024-01-01"],
        ["check", "x.json", "--rule", "r" * BIG, "--on", "2024-01-01"],
        ["check", "x.json", "--on", f"{ID[:6]} {ID[6:14]} {ID[14:]}"],
        ["simulate", "p.csv", "--rule", ID, "--reform", REFORM],
        [
            "simulate",
            f"{ID}.csv",
            "--rule",
            "apprenticeship.settlement",
            "--reform",
            REFORM,
        ],
        [
            "simulate",
            "p.csv",
            "--rule",
            "apprenticeship.settlement",
            "--reform",
            f"{ID}.toml",
        ],
        [
            "simulate",
            "p.csv",
            "--rule",
            "apprenticeship.settlement",
            "--reform",
            REFORM,
            "--on",
            ID,
        ],
        [ID],
        ["params", "--bogus", ID],
    ],
    ids=lambda argv: " ".join(a[:20] for a in argv)[:60],
)
def test_arguments_echoed_back_are_masked_and_bounded(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An identity number or a 10 MB argument in any argument: exit 2, masked, short."""
    refused(argv, capsys)


def test_changed_file_and_folder_names_are_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--changed into a missing folder named by an identity number."""
    population = tmp_path / "p.jsonl"
    population.write_text(json.dumps(SETTLEMENT) + "\n", encoding="utf-8")
    target = tmp_path / f"４４０３０４１９９００１０１００１１-{ID}" / "out.jsonl"
    err = refused(
        [
            "simulate",
            str(population),
            "--rule",
            "apprenticeship.settlement",
            "--reform",
            REFORM,
            "--on",
            "2025-10-08",
            "--changed",
            str(target),
        ],
        capsys,
    )
    assert "no such folder" in err
    assert "１９９００１０１" not in err


# ---------------------------------------------------------------- populations


def simulate_argv(path: Path | str, *extra: str) -> list[str]:
    return [
        "simulate",
        str(path),
        "--rule",
        "apprenticeship.settlement",
        "--reform",
        REFORM,
        "--on",
        "2025-10-08",
        *extra,
    ]


GOOD_CSV = "entitlement,prepaid,training_end\n140000.00,56000.00,2025-09-01\n"
GOOD_JSONL = json.dumps(SETTLEMENT) + "\n"

POPULATIONS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "csv not utf-8": ("p.csv", lambda: GOOD_CSV.encode() + b"\xff\xfe,1,2\n"),
    "csv truncated quote": ("p.csv", lambda: GOOD_CSV.encode() + b'"140000.00,1'),
    "csv wrong types": ("p.csv", lambda: GOOD_CSV.encode() + b"lots,none,soon\n"),
    "csv wrong width": ("p.csv", lambda: GOOD_CSV.encode() + b"1,2\n"),
    "csv no header": ("p.csv", lambda: f"{ID},2025-10-08,1,1,\n".encode()),
    "csv 10 MB line": (
        "p.csv",
        lambda: GOOD_CSV.encode() + b"1" * BIG + b",1,2025-09-01\n",
    ),
    "csv 10 MB header": ("p.csv", lambda: b"e" * BIG + b"\n1\n"),
    "csv huge integer": (
        "p.csv",
        lambda: GOOD_CSV.encode() + f"{big_int()},1,2025-09-01\n".encode(),
    ),
    "csv negative": ("p.csv", lambda: GOOD_CSV.encode() + b"-5.00,1,2025-09-01\n"),
    "csv exponent": (
        "p.csv",
        lambda: GOOD_CSV.encode() + b"1e999999999,1,2025-09-01\n",
    ),
    "csv week date": (
        "p.csv",
        lambda: b"on," + GOOD_CSV.encode().replace(b"\n1", b"\n2024-W01-1,1", 1),
    ),
    "csv empty": ("p.csv", lambda: b""),
    "jsonl not utf-8": ("p.jsonl", lambda: GOOD_JSONL.encode() + b'{"a": "\xff"}\n'),
    "jsonl truncated": ("p.jsonl", lambda: GOOD_JSONL.encode() + b'{"entitlement": "1'),
    "jsonl wrong types": (
        "p.jsonl",
        lambda: GOOD_JSONL.encode() + b'{"entitlement": 5, "prepaid": [], "on": 1}\n',
    ),
    "jsonl not an object": ("p.jsonl", lambda: GOOD_JSONL.encode() + b"[1, 2]\n"),
    "jsonl deep": ("p.jsonl", lambda: (GOOD_JSONL + deep() + "\n").encode()),
    "jsonl deep inside": (
        "p.jsonl",
        lambda: (
            GOOD_JSONL + '{"entitlement": ' + "[" * 500 + "]" * 500 + "}\n"
        ).encode(),
    ),
    "jsonl huge integer": (
        "p.jsonl",
        lambda: (GOOD_JSONL + '{"entitlement": ' + big_int() + "}\n").encode(),
    ),
    "jsonl 10 MB value": (
        "p.jsonl",
        lambda: (
            GOOD_JSONL + json.dumps({"entitlement": ID * (BIG // 18)}) + "\n"
        ).encode(),
    ),
    "jsonl 10 MB key": (
        "p.jsonl",
        lambda: (GOOD_JSONL + json.dumps({ID * (BIG // 18): 1}) + "\n").encode(),
    ),
    "jsonl exponent": (
        "p.jsonl",
        lambda: (
            GOOD_JSONL + json.dumps({**SETTLEMENT, "entitlement": "1e999999999"}) + "\n"
        ).encode(),
    ),
    "jsonl negative": (
        "p.jsonl",
        lambda: (
            GOOD_JSONL + json.dumps({**SETTLEMENT, "prepaid": "-1"}) + "\n"
        ).encode(),
    ),
    "jsonl week date": (
        "p.jsonl",
        lambda: (
            GOOD_JSONL + json.dumps({**SETTLEMENT, "on": "2024-W01-1"}) + "\n"
        ).encode(),
    ),
    "jsonl id as name and bad date": (
        "p.jsonl",
        lambda: (
            GOOD_JSONL + json.dumps({**SETTLEMENT, "name": ID, "on": ID}) + "\n"
        ).encode(),
    ),
}


@pytest.mark.parametrize("kind", list(POPULATIONS))
def test_hostile_population_exits_2(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each hostile population: status 2, a bounded paragraph naming a line."""
    name, content = POPULATIONS[kind]
    path = tmp_path / name
    path.write_bytes(content())
    err = refused(simulate_argv(path), capsys)
    if kind != "csv empty":
        assert re.search(r"line \d+", err), err


@pytest.mark.parametrize(
    ("name", "content"),
    [("p.csv", GOOD_CSV), ("p.jsonl", GOOD_JSONL)],
)
def test_bom_prefixed_population_is_read(
    name: str, content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A byte-order mark at the start of a CSV or JSON Lines population is ignored."""
    path = tmp_path / name
    path.write_bytes(BOM + content.encode())
    out = accepted([*simulate_argv(path), "--json"], capsys)
    assert json.loads(out)["cases"] == 1


@pytest.mark.parametrize(
    "row",
    [
        {**SETTLEMENT, "on": "9999-12-31"},
        {**SETTLEMENT, "on": "0001-01-01"},
        {**SETTLEMENT, "training_end": "9999-12-31", "on": "9999-12-31"},
        {**SETTLEMENT, "training_end": "0001-01-01", "on": "0001-01-01"},
    ],
)
def test_boundary_dates_in_a_population(
    row: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first and last representable days: decided or refused, never a crash."""
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    survives(simulate_argv(path), capsys)


def test_boundary_dates_for_every_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every bundled example case, judged on 9999-12-31 and 0001-01-01."""
    from skillchain.cases import load_directory
    from skillchain.serialization import unstructure

    seen: set[str] = set()
    for case in load_directory(
        ROOT / "examples" / "cases", overlay_root=ROOT / "examples"
    ):
        if case.rule.id in seen:
            continue
        seen.add(case.rule.id)
        facts = {key: unstructure(value) for key, value in case.facts.items()}
        for day in ("9999-12-31", "0001-01-01"):
            path = tmp_path / "p.jsonl"
            path.write_text(json.dumps({**facts, "on": day}) + "\n", encoding="utf-8")
            survives(
                ["simulate", str(path), "--rule", case.rule.id, "--reform", REFORM],
                capsys,
            )


# ---------------------------------------------------------------- check: fact files


def check_argv(path: Path) -> list[str]:
    return [
        "check",
        str(path),
        "--rule",
        "apprenticeship.settlement",
        "--on",
        "2025-10-08",
    ]


FACT_FILES: dict[str, Callable[[], bytes]] = {
    "not utf-8": lambda: b'{"entitlement": "\xff"}',
    "truncated": lambda: json.dumps(SETTLEMENT)[:-5].encode(),
    "wrong types": lambda: b'{"entitlement": 5, "prepaid": [], "training_end": 1}',
    "10 MB value": lambda: json.dumps({"entitlement": "1" * BIG}).encode(),
    "10 MB key": lambda: json.dumps({ID * (BIG // 18): 1}).encode(),
    "deep": lambda: deep().encode(),
    "deep inside": lambda: ('{"entitlement": ' + "[" * 900 + "]" * 900 + "}").encode(),
    "huge integer": lambda: ('{"entitlement": ' + big_int() + "}").encode(),
    "exponent": lambda: json.dumps(
        {**SETTLEMENT, "entitlement": "1e999999999"}
    ).encode(),
    "negative": lambda: json.dumps({**SETTLEMENT, "prepaid": "-1.00"}).encode(),
    "id as key": lambda: json.dumps({**SETTLEMENT, ID: 1}).encode(),
}


@pytest.mark.parametrize("kind", list(FACT_FILES))
def test_hostile_fact_file_exits_2(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each hostile JSON fact file: status 2, a bounded paragraph naming the file."""
    path = tmp_path / "facts.json"
    path.write_bytes(FACT_FILES[kind]())
    err = refused(check_argv(path), capsys)
    assert "facts.json" in err


def test_bom_prefixed_fact_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON fact file starting with a byte-order mark is decided."""
    path = tmp_path / "facts.json"
    path.write_bytes(BOM + json.dumps(SETTLEMENT).encode())
    assert "1 passed, 0 failed" in accepted(check_argv(path), capsys)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_boundary_dates_in_a_fact_file(
    day: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fact file on the first or last representable day: decided or refused."""
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({**SETTLEMENT, "training_end": day}), encoding="utf-8")
    survives(
        ["check", str(path), "--rule", "apprenticeship.settlement", "--on", day], capsys
    )


# ---------------------------------------------------------------- check: case files

CASE_FILES: dict[str, Callable[[], bytes]] = {
    "not utf-8": lambda: CASE_FILE.encode().replace(b"balance", b"\xff\xfe"),
    "truncated": lambda: CASE_FILE.encode()[:60],
    "wrong types": lambda: CASE_FILE.replace('name = "balance"', "name = 5").encode(),
    "10 MB value": lambda: CASE_FILE.replace("balance", "b" * BIG).encode(),
    "deep": lambda: (CASE_FILE + "x = " + deep() + "\n").encode(),
    "huge integer": lambda: CASE_FILE.replace(
        'prepaid = "56000.00"', f"prepaid = {big_int()}"
    ).encode(),
    "exponent": lambda: CASE_FILE.replace('"140000.00"', '"1e999999999"').encode(),
    "negative": lambda: CASE_FILE.replace('"56000.00"', '"-1.00"').encode(),
    "id as on": lambda: CASE_FILE.replace("on = 2025-10-08", f'on = "{ID}"').encode(),
    "id as fact key": lambda: CASE_FILE.replace(
        "[case.facts]\n", f"[case.facts]\n{ID} = 1\n"
    ).encode(),
}


@pytest.mark.parametrize("kind", list(CASE_FILES))
def test_hostile_case_file_exits_2(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each hostile TOML case file: status 2, a bounded paragraph naming the file."""
    path = tmp_path / "cases.toml"
    path.write_bytes(CASE_FILES[kind]())
    err = refused(["check", str(path)], capsys)
    assert "cases.toml" in err


def test_bom_prefixed_case_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A TOML case file starting with a byte-order mark is checked."""
    path = tmp_path / "cases.toml"
    path.write_bytes(BOM + CASE_FILE.encode())
    assert "1 passed, 0 failed" in accepted(["check", str(path)], capsys)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_boundary_dates_in_a_case_file(
    day: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A case file on the first or last representable day: decided or refused."""
    path = tmp_path / "cases.toml"
    path.write_text(
        CASE_FILE.replace("2025-10-08", day).replace("2025-09-01", day),
        encoding="utf-8",
    )
    survives(["check", str(path)], capsys)


# ---------------------------------------------------------------- policy files

POLICY = """\
[documents.local]
title = "示例"
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
document = "local"
"""

POLICY_FILES: dict[str, Callable[[], bytes]] = {
    "not utf-8": lambda: POLICY.encode().replace("示例".encode(), b"\xff", 1),
    "truncated": lambda: POLICY.encode()[:-30],
    "wrong types": lambda: POLICY.replace("value = 150", 'value = "many"').encode(),
    "10 MB value": lambda: POLICY.replace("The district's", "x" * BIG).encode(),
    "deep": lambda: (POLICY + "x = " + deep() + "\n").encode(),
    "huge integer": lambda: POLICY.replace(
        "value = 150", f"value = {big_int()}"
    ).encode(),
    "until 9999-12-31": lambda: POLICY.replace(
        "since = 2024-01-01", "since = 2024-01-01\nuntil = 9999-12-31"
    ).encode(),
}


@pytest.mark.parametrize("kind", list(POLICY_FILES))
@pytest.mark.parametrize("command", ["params", "history", "simulate"])
def test_hostile_policy_file(
    kind: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each hostile policy file under params, params --history and simulate --reform:
    status 2 with a bounded paragraph (or, for a valid boundary date, accepted)."""
    path = tmp_path / "policy.toml"
    path.write_bytes(POLICY_FILES[kind]())
    population = tmp_path / "p.jsonl"
    population.write_text(GOOD_JSONL, encoding="utf-8")
    argv = {
        "params": ["params", "--on", "2024-06-01", "--policy", str(path)],
        "history": [
            "params",
            "apprenticeship.district_quota",
            "--history",
            "--policy",
            str(path),
        ],
        "simulate": [
            "simulate",
            str(population),
            "--rule",
            "apprenticeship.settlement",
            "--on",
            "2025-10-08",
            "--reform",
            str(path),
        ],
    }[command]
    if kind in {"until 9999-12-31", "10 MB value"}:  # valid, if odd
        survives(argv, capsys)
        return
    err = refused(argv, capsys)
    assert "policy.toml" in err


def test_bom_prefixed_policy_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A policy file starting with a byte-order mark is read."""
    path = tmp_path / "policy.toml"
    path.write_bytes(BOM + POLICY.encode())
    out = accepted(
        [
            "params",
            "apprenticeship.district_quota",
            "--on",
            "2024-06-01",
            "--policy",
            str(path),
        ],
        capsys,
    )
    assert "150" in out


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_boundary_days_for_params(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    """params on the first and last representable days prints what is in force."""
    survives(["params", "apprenticeship", "--on", day], capsys)


def test_rules_and_schema_of_every_public_type_do_not_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """rules, and schema of names that are not structurable types, exit 0 or 2."""
    accepted(["rules"], capsys)
    for name in ("Policy", "main", "__class__", "Decision", "ResidentId"):
        survives(["schema", name], capsys)


# ---------------------------------------------------------------- through a real process


def test_no_traceback_reaches_the_terminal(tmp_path: Path) -> None:
    """Through ``python -m skillchain``: a hostile population and fact file exit 2
    with a message and no traceback; standard input is read with ``-``."""
    population = tmp_path / "p.jsonl"
    population.write_bytes(
        GOOD_JSONL.encode()
        + deep().encode()
        + b"\n"
        + b'{"on": "'
        + ID.encode()
        + b'"}\n'
    )
    facts = tmp_path / "f.json"
    facts.write_bytes(('{"entitlement": ' + big_int() + "}").encode())
    for argv, stdin in (
        (simulate_argv(population), b""),
        (check_argv(facts), b""),
        (simulate_argv("-"), BOM + GOOD_CSV.encode() + b"1e999999999,1,2025-09-01\n"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "skillchain", *argv],
            input=stdin,
            capture_output=True,
            check=False,
            cwd=tmp_path,
        )
        err = result.stderr.decode("utf-8")
        assert result.returncode == 2, err
        assert err.startswith("skillchain: ")
        assert "Traceback" not in err
        assert len(err) < MESSAGE_LIMIT
        assert not LEAK.search(err)
