"""Hostile case files and fact files: nothing leaks, nothing crashes, overlays stay inside.

Every hostile file is generated here in ``tmp_path``.  Each test names what it
reproduces: an identity number echoed by an error, a ``RecursionError`` or
``ValueError`` escaping the loader, a byte-order mark refused, an overlay read
from outside the case files' tree.
"""

import json
import os
import unicodedata

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillchain import ResidentId
from skillchain.cases import (
    CaseFile,
    CaseFileError,
    CaseProblem,
    check_case,
    check_directory,
    load_cases,
    load_directory,
    load_facts,
)
from skillchain.testing.strategies import resident_ids


ID = "440304199001010011"
"""A synthetic, valid identity number."""
SHOWN = "44030419900101"
"""What must never be shown: its division code and birth date."""

_SEPARATORS = frozenset(" \t\u3000-_./\u2010\u2011\u2012\u2013\u2014\u2212\uff0d")


def leaks(text: str, number: str = ID) -> bool:
    """Whether *text* shows the division code and birth date of *number*.

    Digits of every script count as their ASCII value, and separators between
    them are ignored, so ``４４０３０４ 1990-0101`` counts as a leak.
    """
    plain = "".join(
        str(unicodedata.digit(ch)) if ch.isdecimal() else ch
        for ch in text
        if ch not in _SEPARATORS
    )
    return number[:14] in plain


def forms(number: str) -> list[str]:
    """*number* as a person or a system might type it."""
    full_width = number.translate(
        {ord(d): 0xFF10 + int(d) for d in "0123456789"} | {ord("X"): 0xFF38}
    )
    return [
        number,
        full_width,
        f"{number[:6]} {number[6:14]} {number[14:]}",
        f"{number[:6]}-{number[6:14]}-{number[14:]}",
        f"id {number} in some text",
        number + "0" * 40,
    ]


def write(folder: Path, name: str, text: str) -> Path:
    """Write *text* into *folder*/*name* as UTF-8 and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def refused(load: Callable[[], object]) -> CaseFileError:
    """Call *load*, which must raise :class:`CaseFileError`; return the error."""
    with pytest.raises(CaseFileError) as raised:
        load()
    return raised.value


GOOD = """\
name = "Balance after prepayment"
rule = "apprenticeship.settlement"
on = 2025-10-08
[facts]
entitlement = "140000.00"
prepaid = "56000.00"
training_end = 2025-09-01
[expect]
outcome = "eligible"
amount = "84000.00"
"""


def toml_string(value: str) -> str:
    """*value* as a TOML basic string."""
    return json.dumps(value, ensure_ascii=False)


# ------------------------------------------------------- item 5: nothing echoed raw

PLACES: dict[str, Callable[[str], str]] = {
    "on": lambda v: GOOD.replace("on = 2025-10-08", f"on = {toml_string(v)}"),
    "rule": lambda v: GOOD.replace(
        'rule = "apprenticeship.settlement"', f"rule = {toml_string(v)}"
    ),
    "name": lambda v: GOOD.replace(
        'name = "Balance after prepayment"', f"name = {toml_string(v)}"
    ).replace("[expect]", "colour = 1\n[expect]"),
    "outcome": lambda v: GOOD.replace(
        'outcome = "eligible"', f"outcome = {toml_string(v)}"
    ),
    "amount": lambda v: GOOD.replace(
        'amount = "84000.00"', f"amount = {toml_string(v + 'x')}"
    ),
    "failed": lambda v: GOOD.replace(
        "[expect]", f"[expect]\nfailed = [{toml_string(v)}]"
    ),
    "fact key": lambda v: GOOD.replace("[facts]", f"[facts]\n{toml_string(v)} = 1"),
    "fact value": lambda v: GOOD.replace(
        "training_end = 2025-09-01", f"training_end = {toml_string(v)}"
    ),
    "top key": lambda v: f"{toml_string(v)} = 1\n" + GOOD,
    "expect key": lambda v: GOOD.replace("[expect]", f"[expect]\n{toml_string(v)} = 1"),
    "overlay": lambda v: GOOD.replace(
        "[facts]", f"overlay = {toml_string(v + '.toml')}\n[facts]"
    ),
    "note": lambda v: GOOD.replace("[facts]", "note = 5\n[facts]").replace(
        "[expect]", f"[expect]\nmissing = [{toml_string(v)}, 3]"
    ),
}


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("form", range(len(forms(ID))))
def test_errors_never_show_an_identity_number(
    tmp_path: Path, place: str, form: int
) -> None:
    """Item 5: ``on = "$ID"`` (and every other quoted value) was echoed unmasked."""
    value = forms(ID)[form]
    path = write(tmp_path, "case.toml", PLACES[place](value))
    error = refused(lambda: load_cases(path))
    assert error.problems
    assert not leaks(str(error)), str(error)
    assert not any(leaks(repr(p)) for p in error.problems)


def test_the_reported_on_value_is_masked_and_still_named(tmp_path: Path) -> None:
    """Item 5: the reproduction of the issue, with the message still useful."""
    path = write(tmp_path, "case.toml", PLACES["on"](ID))
    (problem,) = refused(lambda: load_cases(path)).problems
    assert problem.path == "on"
    assert "expected a TOML date like 2024-06-01" in problem.message
    assert "440304********0011" in problem.message


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    number=resident_ids(),
    place=st.sampled_from(sorted(PLACES)),
    form=st.integers(0, len(forms(ID)) - 1),
)
def test_generated_identity_numbers_never_leak(
    tmp_path_factory: pytest.TempPathFactory, number: ResidentId, place: str, form: int
) -> None:
    """Item 5: any valid number, in any form, in any place of a case file."""
    raw = number.reveal()
    value = forms(raw)[form]
    folder = tmp_path_factory.mktemp("generated")
    path = write(folder, "case.toml", PLACES[place](value))
    error = refused(lambda: load_cases(path))
    assert not leaks(str(error), raw)


def test_a_file_name_holding_an_identity_number_is_masked(tmp_path: Path) -> None:
    """Item 5: the file's own name is input too."""
    path = write(tmp_path, f"{ID}.toml", "name = \n")
    error = refused(lambda: load_cases(path))
    assert not leaks(str(error))
    assert error.problems[0].path == "(file)"


def test_a_case_problem_masks_and_bounds_its_own_text() -> None:
    """Item 5: CaseProblem, like InputProblem, redacts and bounds what it is given."""
    huge = ID * 1_000_000
    problem = CaseProblem(file=ID, path=f"facts.{ID}", message=f"got {huge}")
    assert not leaks(str(problem))
    assert not leaks(repr(problem))
    assert len(str(problem)) < 5_000
    assert problem.file == "440304********0011"


def test_a_huge_value_gives_a_bounded_message(tmp_path: Path) -> None:
    """Item 5: a 10 MB value made a 10 MB message."""
    huge = "4" * 5_000_000
    path = write(tmp_path, "case.toml", PLACES["on"](huge))
    error = refused(lambda: load_cases(path))
    assert len(str(error)) < 2_000
    assert "on" in {p.path for p in error.problems}


def test_a_huge_fact_key_gives_a_bounded_message_quickly(tmp_path: Path) -> None:
    """Item 5: a fact key of a megabyte is neither echoed whole nor compared whole."""
    path = write(tmp_path, "case.toml", PLACES["fact key"]("k" * 1_000_000))
    error = refused(lambda: load_cases(path))
    assert len(str(error)) < 2_000


def test_a_case_file_error_lists_at_most_fifty_problems(tmp_path: Path) -> None:
    """Item 5: every one of thousands of problems was listed in the message."""
    keys = "".join(f"colour{i} = 1\n" for i in range(120))
    path = write(tmp_path, "many.toml", keys + GOOD)
    error = refused(lambda: load_cases(path))
    assert len(error.problems) == 120
    lines = str(error).splitlines()
    assert lines[0] == "case files are malformed (120 problems):"
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == "  … and 70 more"


def test_differences_and_reports_mask_what_the_file_says(tmp_path: Path) -> None:
    """Item 5: ``missing`` names and the case name are shown masked in reports."""
    text = GOOD.replace('name = "Balance after prepayment"', f'name = "{ID}"').replace(
        "[expect]", f'[expect]\nmissing = ["{ID}"]'
    )
    (case,) = load_cases(write(tmp_path, "case.toml", text))
    result = check_case(case)
    assert not result.passed
    assert not leaks(result.report())
    assert not any(leaks(line) for line in result.differences)
    assert not leaks(case.id)


# ------------------------------------------- item 12: deep nesting, huge integers

DEEP = 100_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = " + "[" * DEEP, "nested too deeply"),
        ("a = " + "{ b = " * DEEP, "nested too deeply"),
        (GOOD.replace("[facts]", "[facts]\nx = " + "[" * 150 + "]" * 150), "nested"),
        (
            GOOD.replace("[facts]", "[facts]\n" + ".".join(["a"] * 150) + " = 1"),
            "nested",
        ),
        ("a = " + "1" * 5_000, "integer"),
        ("a = -" + "9" * 4_400, "integer"),
        (GOOD.replace("[facts]", "[facts]\nx = 99999999999999999999"), "integer"),
    ],
    ids=[
        "deep-array",
        "deep-table",
        "nested-array",
        "dotted-key",
        "huge-int",
        "huge-negative-int",
        "int-beyond-64-bits",
    ],
)
def test_deep_or_huge_toml_is_a_case_file_error(
    tmp_path: Path, text: str, expected: str
) -> None:
    """Item 12: RecursionError and ValueError escaped from tomllib."""
    path = write(tmp_path, "hostile.toml", text)
    error = refused(lambda: load_cases(path))
    assert all(p.file == str(path) for p in error.problems)
    assert expected in str(error)
    assert len(str(error)) < 2_000


def test_an_integer_beyond_64_bits_names_its_path(tmp_path: Path) -> None:
    """Item 12: TOML integers are 64-bit; a bigger one is refused where it is."""
    path = write(
        tmp_path,
        "big.toml",
        GOOD.replace('prepaid = "56000.00"', "prepaid = 1" + "0" * 30),
    )
    (problem,) = refused(lambda: load_cases(path)).problems
    assert problem.path == "facts.prepaid"
    assert "64" in problem.message


def test_a_case_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    """Item 12: non-UTF-8 bytes are a problem of the file, at a line."""
    path = tmp_path / "latin.toml"
    path.write_bytes(GOOD.encode() + b'note = "caf\xe9"\n')
    (problem,) = refused(lambda: load_cases(path)).problems
    assert problem.path == "(file)"
    assert "UTF-8" in problem.message
    assert "line 11" in problem.message


def test_a_directory_given_as_a_case_file_is_masked(tmp_path: Path) -> None:
    """Item 12: an OSError echoed the path unmasked (``[Errno 21] Is a directory: ...``)."""
    folder = tmp_path / f"{ID}.toml"
    folder.mkdir()
    (problem,) = refused(lambda: load_cases(folder)).problems
    assert problem.path == "(file)"
    assert "cannot read" in problem.message
    assert not leaks(str(problem))
    assert "Errno" not in problem.message


def test_a_missing_case_file_and_a_missing_directory(tmp_path: Path) -> None:
    """Item 12: a missing directory silently held no cases."""
    (problem,) = refused(lambda: load_cases(tmp_path / f"{ID}.toml")).problems
    assert "no such file" in problem.message
    assert not leaks(str(problem))
    (problem,) = refused(lambda: load_directory(tmp_path / ID)).problems
    assert "no such directory" in problem.message
    assert not leaks(str(problem))
    with pytest.raises(CaseFileError):
        check_directory(tmp_path / "nowhere")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="the superuser reads any file",
)
def test_an_unreadable_case_file(tmp_path: Path) -> None:
    """Item 12: a file that cannot be read is a problem of that file."""
    path = write(tmp_path, "locked.toml", GOOD)
    path.chmod(0)
    try:
        (problem,) = refused(lambda: load_cases(path)).problems
    finally:
        path.chmod(0o600)
    assert "cannot read" in problem.message


def test_an_oversized_case_file_is_refused_unread(tmp_path: Path) -> None:
    """Item 12: a case file larger than the bound is refused, not read."""
    path = tmp_path / "huge.toml"
    with path.open("wb") as out:
        out.write(GOOD.encode())
        out.write(b"# " + b"x" * (11 * 1024 * 1024) + b"\n")
    (problem,) = refused(lambda: load_cases(path)).problems
    assert problem.path == "(file)"
    assert "larger than" in problem.message


def facts(tmp_path: Path, data: str | bytes, name: str = "facts.json") -> Path:
    """Write a JSON fact file."""
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def load_settlement(path: Path) -> tuple[CaseFile, ...]:
    """Read *path* as settlement facts."""
    return load_facts(path, rule="apprenticeship.settlement", on=date(2025, 10, 8))


FACTS = {
    "entitlement": "140000.00",
    "prepaid": "56000.00",
    "training_end": "2025-09-01",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * DEEP, "nested too deeply"),
        ('{"a": ' * DEEP, "nested too deeply"),
        ("[" * 150 + "]" * 150, "nested too deeply"),
        ("1" * 5_000, "integer"),
        ('{"prepaid": -' + "9" * 5_000 + "}", "integer"),
        ('{"prepaid": ' + "9" * 40 + "}", "integer"),
        ("\xff{}", "UTF-8"),
        ("", "not valid JSON"),
        ('{"a": 1e999999}', "number"),
        ('{"a": NaN}', "number"),
    ],
    ids=[
        "deep-array",
        "deep-object",
        "nested-array",
        "huge-int",
        "huge-negative-int",
        "long-int",
        "latin-1",
        "empty",
        "infinite-float",
        "nan",
    ],
)
def test_hostile_json_fact_files_are_case_file_errors(
    tmp_path: Path, text: str, expected: str
) -> None:
    """Item 12: RecursionError and ValueError escaped from json.loads."""
    data = text.encode("latin-1") if text.startswith("\xff") else text.encode()
    path = facts(tmp_path, data)
    error = refused(lambda: load_settlement(path))
    assert all(p.file == str(path) for p in error.problems)
    assert expected in str(error)
    assert len(str(error)) < 2_000


def test_a_long_integer_in_a_fact_file_names_its_path(tmp_path: Path) -> None:
    """Item 12: an integer too long to be a count is refused where it is."""
    data = json.dumps([FACTS, FACTS | {"prepaid": 1}])
    path = facts(
        tmp_path, data.replace('"prepaid": 1,', '"prepaid": 1' + "0" * 30 + ",")
    )
    problems = refused(lambda: load_settlement(path)).problems
    assert [p.path for p in problems] == ["[1].prepaid"]


def test_a_fact_file_that_is_a_directory_is_masked(tmp_path: Path) -> None:
    """Item 12: an OSError from a fact file echoed its path unmasked."""
    folder = tmp_path / f"{ID}.json"
    folder.mkdir()
    (problem,) = refused(lambda: load_settlement(folder)).problems
    assert "cannot read" in problem.message
    assert not leaks(str(problem))


def test_a_fact_file_error_quotes_the_line(tmp_path: Path) -> None:
    """Item 12: a JSON syntax error names the line and column, not the text."""
    path = facts(tmp_path, f'{{\n"prepaid": "{ID}",\n"x": }}')
    (problem,) = refused(lambda: load_settlement(path)).problems
    assert "line 3" in problem.message
    assert not leaks(str(problem))


# ------------------------------------------------------------ item 16: BOM

BOM = "\ufeff"


def test_a_bom_prefixed_case_file_reads_as_without(tmp_path: Path) -> None:
    """Item 16: a BOM made a case file 'not valid TOML'."""
    plain = load_cases(write(tmp_path, "plain.toml", GOOD))
    marked = load_cases(write(tmp_path, "marked.toml", BOM + GOOD))
    assert [(c.name, c.on, dict(c.facts), c.expect) for c in plain] == [
        (c.name, c.on, dict(c.facts), c.expect) for c in marked
    ]
    assert check_case(marked[0]).passed


def test_a_bom_prefixed_directory_reads_as_without(tmp_path: Path) -> None:
    """Item 16: the same through load_directory."""
    write(tmp_path / "a", "case.toml", GOOD)
    write(tmp_path / "b", "case.toml", BOM + GOOD)
    first, second = load_directory(tmp_path)
    assert (first.name, dict(first.facts)) == (second.name, dict(second.facts))


def test_a_bom_prefixed_fact_file_reads_as_without(tmp_path: Path) -> None:
    """Item 16: a BOM made a JSON fact file 'not valid JSON'."""
    data = json.dumps([FACTS, FACTS])
    plain = load_settlement(facts(tmp_path, data, "plain.json"))
    marked = load_settlement(facts(tmp_path, BOM + data, "marked.json"))
    assert [dict(c.facts) for c in plain] == [dict(c.facts) for c in marked]
    assert check_case(marked[0]).decision.amount == check_case(plain[0]).decision.amount


def test_only_one_leading_bom_is_accepted(tmp_path: Path) -> None:
    """Item 16: a BOM anywhere else is still not TOML."""
    path = write(tmp_path, "twice.toml", BOM + BOM + GOOD)
    (problem,) = refused(lambda: load_cases(path)).problems
    assert problem.path == "(file)"


# -------------------------------------------- item 17: overlays stay in the tree

OVERLAY = """\
[parameters."apprenticeship.settlement.secret"]
kind = "money"
"""


def with_overlay(name: str) -> str:
    """GOOD with an overlay key naming *name*."""
    return GOOD.replace("[facts]", f"overlay = {toml_string(name)}\n[facts]")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A project: ``project/cases/``, ``project/overlays/``, and a file outside it."""
    project = tmp_path / "project"
    write(project / "overlays", "empty.toml", "")
    write(tmp_path, "outside.toml", OVERLAY)
    return project


def overlay_problem(path: Path, **options: object) -> CaseProblem:
    """The one problem loading *path* reports."""
    (problem,) = refused(lambda: load_cases(path, **options)).problems  # type: ignore[arg-type]
    return problem


def test_a_sibling_overlay_folder_needs_the_callers_consent(tree: Path) -> None:
    """Item 17: the layout of the bundled examples (``../overlays/x.toml``) is outside
    the case file's folder: refused by default, read once the caller widens the root."""
    path = write(tree / "cases", "case.toml", with_overlay("../overlays/empty.toml"))
    assert "outside" in overlay_problem(path).message
    (case,) = load_cases(path, overlay_root=tree)
    assert case.overlays == (str((tree / "overlays" / "empty.toml").resolve()),)
    (same,) = load_directory(tree / "cases", overlay_root=tree)
    assert same.overlays == case.overlays


def test_an_overlay_under_the_case_folder_is_read_by_default(tree: Path) -> None:
    """Inside the case file's own folder (or below it) an overlay needs no consent."""
    write(tree / "cases" / "overlays", "empty.toml", "")
    path = write(tree / "cases", "case.toml", with_overlay("overlays/empty.toml"))
    (case,) = load_cases(path)
    assert case.overlays == (
        str((tree / "cases" / "overlays" / "empty.toml").resolve()),
    )


@pytest.mark.parametrize("target", ["../../outside.toml", "../../missing.toml"])
def test_an_overlay_outside_the_tree_is_refused(tree: Path, target: str) -> None:
    """Item 17: ``overlay = "../.."`` read any file and said whether it existed."""
    path = write(tree / "cases", "case.toml", with_overlay(target))
    problem = overlay_problem(path)
    assert problem.path == "overlay"
    assert "outside" in problem.message
    assert "secret" not in problem.message


def test_a_refused_overlay_does_not_reveal_whether_it_exists(tree: Path) -> None:
    """Item 17: the message is the same for a file that exists and one that does not."""
    there = overlay_problem(
        write(tree / "cases", "a.toml", with_overlay("../../outside.toml"))
    )
    absent = overlay_problem(
        write(tree / "cases", "a.toml", with_overlay("../../absent.toml"))
    )
    assert there.message.replace("outside", "X") == absent.message.replace(
        "absent", "X"
    ).replace("outside", "X")


def test_an_absolute_overlay_path_is_refused(tree: Path) -> None:
    """Item 17: an absolute path points anywhere."""
    target = tree.parent / "outside.toml"
    problem = overlay_problem(
        write(tree / "cases", "a.toml", with_overlay(str(target)))
    )
    assert "outside" in problem.message
    assert str(tree.parent) not in problem.message.replace(str(tree), "")


def test_a_symlink_out_of_the_tree_is_refused(tree: Path) -> None:
    """Item 17: the boundary holds after symlinks are resolved."""
    link = tree / "overlays" / "link.toml"
    link.symlink_to(tree.parent / "outside.toml")
    problem = overlay_problem(
        write(tree / "cases", "a.toml", with_overlay("../overlays/link.toml"))
    )
    assert "outside" in problem.message
    assert "secret" not in problem.message


def test_the_caller_can_widen_or_narrow_the_tree(tree: Path) -> None:
    """Item 17: ``overlay_root`` moves the boundary; ``overlays_anywhere`` lifts it."""
    outside = write(tree / "cases", "out.toml", with_overlay("../../outside.toml"))
    sibling = write(tree / "cases", "sib.toml", with_overlay("../overlays/empty.toml"))
    with pytest.raises(CaseFileError) as raised:
        load_cases(outside, overlay_root=tree.parent)
    # Inside the wider tree, the overlay is read (and this one is malformed).
    assert "may read overlays from" not in str(raised.value)
    assert "apprenticeship.settlement.secret" in str(raised.value)
    with pytest.raises(CaseFileError) as raised:
        load_cases(outside, overlays_anywhere=True)
    assert "apprenticeship.settlement.secret" in str(raised.value)
    problem = overlay_problem(sibling, overlay_root=tree / "cases")
    assert "outside" in problem.message
    with pytest.raises(CaseFileError):
        load_directory(tree / "cases", overlay_root=tree / "cases")
    with pytest.raises(CaseFileError):
        check_directory(tree / "cases", overlay_root=tree / "cases")


def test_a_missing_overlay_inside_the_tree_is_named(tree: Path) -> None:
    """Item 17: inside the tree, a missing overlay is still reported as missing."""
    problem = overlay_problem(
        write(tree / "cases", "a.toml", with_overlay(f"overlays/{ID}.toml"))
    )
    assert "no overlay file" in problem.message
    assert not leaks(problem.message)


def test_each_overlay_of_a_list_is_held_to_the_tree(tree: Path) -> None:
    """Item 17: a list of overlays is checked name by name."""
    text = GOOD.replace(
        "[facts]", 'overlay = ["../overlays/empty.toml", "/etc/hostname"]\n[facts]'
    )
    problem = overlay_problem(write(tree / "cases", "a.toml", text), overlay_root=tree)
    assert problem.path == "overlay[1]"
    assert "outside" in problem.message


def test_an_unknown_rule_for_a_fact_file_is_masked(tmp_path: Path) -> None:
    """Item 5: ``load_facts(rule=ID)`` echoed the id unmasked in its KeyError."""
    path = facts(tmp_path, json.dumps(FACTS))
    with pytest.raises(KeyError) as raised:
        load_facts(path, rule=ID, on=date(2025, 10, 8))
    assert not leaks(str(raised.value))
    assert "no rule" in str(raised.value)
    with pytest.raises(KeyError, match=r"closest: apprenticeship\.settlement"):
        load_facts(path, rule="apprenticeship.setlement", on=date(2025, 10, 8))
